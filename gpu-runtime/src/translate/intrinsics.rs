//! GPU intrinsics: functions a guest imports from the `gpu` module, lowered inline instead of
//! being called (in `ops/call.rs`). This is the ABI gpu-std builds on (see docs/ABI.md).
//!
//! | import            | signature                          | lowering |
//! |-------------------|------------------------------------|----------|
//! | `gpu.thread_id`   | `() -> i32`                        | the id of the thread running this call (`0..threads`) |
//! | `gpu.thread_count`| `() -> i32`                        | threads of the whole run (`params::THREAD_COUNT`) |
//! | `gpu.workgroup_id`| `() -> i32`                        | workgroup of the GPU invocation running the thread |
//! | `gpu.local_id`    | `() -> i32`                        | index of that invocation in its workgroup (`0..64`) |
//! | `gpu.time`        | `() -> f32`                        | seconds, from `params::TIME` |
//! | `gpu.width`       | `() -> i32`                        | framebuffer width (0 without one) |
//! | `gpu.height`      | `() -> i32`                        | framebuffer height (0 without one) |
//! | `gpu.set_pixel`   | `(i32, i32, f32, f32, f32, f32)`   | writes pixel `(x, y)` as RGBA8; outside the framebuffer: nothing |
//! | `gpu.panic`       | `(i32, i32, i32, i32)`             | records a [`TrapKind::Panic`](super::abi::TrapKind::Panic) trap at a source location (file address and length, line, column) |
//! | `gpu.sinf`, ...   | see [`math`](super::math)          | f32/f64 math (also libm names from `env`) |

use super::abi::ValType;
use super::env::Signature;

/// The namespace guest intrinsics are imported from.
pub const MODULE: &str = "gpu";

/// An intrinsic the translator lowers inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intrinsic {
    ThreadId,
    ThreadCount,
    WorkgroupId,
    LocalId,
    Time,
    Width,
    Height,
    SetPixel,
    Panic,
    /// A math function (see [`math`](super::math)).
    Math(super::math::MathOp),
}

impl Intrinsic {
    /// The intrinsic for an import, when its name and signature match one.
    pub fn lookup(module: &str, name: &str, sig: Option<&Signature>) -> Option<Intrinsic> {
        if let Some(op) = super::math::MathOp::lookup(module, name, sig) {
            return Some(Intrinsic::Math(op));
        }
        use ValType::{F32, I32};
        if module != MODULE {
            return None;
        }
        let (intrinsic, params, results): (Intrinsic, &[ValType], &[ValType]) = match name {
            "thread_id" => (Intrinsic::ThreadId, &[], &[I32]),
            "thread_count" => (Intrinsic::ThreadCount, &[], &[I32]),
            "workgroup_id" => (Intrinsic::WorkgroupId, &[], &[I32]),
            "local_id" => (Intrinsic::LocalId, &[], &[I32]),
            "time" => (Intrinsic::Time, &[], &[F32]),
            "width" => (Intrinsic::Width, &[], &[I32]),
            "height" => (Intrinsic::Height, &[], &[I32]),
            "set_pixel" => (Intrinsic::SetPixel, &[I32, I32, F32, F32, F32, F32], &[]),
            "panic" => (Intrinsic::Panic, &[I32, I32, I32, I32], &[]),
            _ => return None,
        };
        let sig = sig?;
        (sig.params == params && sig.results == results).then_some(intrinsic)
    }
}
