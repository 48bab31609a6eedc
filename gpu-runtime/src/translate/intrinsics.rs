//! GPU intrinsics: functions a guest imports from the `gpu` module, lowered inline instead of
//! being called. This is the ABI gpu-std builds on (see docs/ABI.md).
//!
//! | import            | signature    | lowering |
//! |-------------------|--------------|----------|
//! | `gpu.thread_id`   | `() -> i32`  | the id of the thread running this call (`0..threads`) |
//! | `gpu.sinf`, ...   | see [`math`](super::math) | f32/f64 math (also libm names from `env`) |

use super::abi::ValType;
use super::env::Signature;

/// The namespace guest intrinsics are imported from.
pub const MODULE: &str = "gpu";

/// An intrinsic the translator lowers inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intrinsic {
    ThreadId,
    /// A math function (see [`math`](super::math)).
    Math(super::math::MathOp),
}

impl Intrinsic {
    /// The intrinsic for an import, when its name and signature match one.
    pub fn lookup(module: &str, name: &str, sig: Option<&Signature>) -> Option<Intrinsic> {
        if let Some(op) = super::math::MathOp::lookup(module, name, sig) {
            return Some(Intrinsic::Math(op));
        }
        if module != MODULE {
            return None;
        }
        let (intrinsic, params, results): (Intrinsic, &[ValType], &[ValType]) = match name {
            "thread_id" => (Intrinsic::ThreadId, &[], &[ValType::I32]),
            _ => return None,
        };
        let sig = sig?;
        (sig.params == params && sig.results == results).then_some(intrinsic)
    }
}
