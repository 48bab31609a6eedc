//! What counts as "the same" result on the GPU and in wasmi.
//!
//! Integers, trap kinds, memory bytes and integer globals must match exactly. Two relaxations
//! apply to float values (results and globals), for differences the GPU is allowed to have:
//!
//! - **NaN payloads**: both sides NaN counts as equal whatever the bits. The generated modules
//!   canonicalise NaNs after every float operation (wasm-smith's `canonicalize_nans`), so this
//!   only matters for NaNs that hardware produced before the canonicalisation could see them.
//! - **Subnormal flushing**: a subnormal on one side and ±0 on the other counts as equal (GPUs
//!   may flush subnormal results and operands to zero).
//!
//! Trap kinds are compared after mapping wasmi's trap codes to [`TrapKind`]; the two kinds
//! whose spec message is "out of bounds memory access" are one class.

use gpu_runtime::host::Value;
use gpu_runtime::translate::abi::TrapKind;

/// How one call ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Returned(Vec<Value>),
    Trapped(TrapKind),
}

/// Which relaxation made two float values equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relaxation {
    NanPayload,
    SubnormalFlush,
}

/// The verdict on two values or outcomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Same,
    /// Equal only under a relaxation.
    Relaxed(Relaxation),
    Different,
}

/// Compares one wasmi value with one GPU value.
pub fn compare_value(oracle: Value, gpu: Value) -> Verdict {
    if oracle == gpu {
        return Verdict::Same;
    }
    let classes = match (oracle, gpu) {
        (Value::F32Bits(a), Value::F32Bits(b)) => {
            let (a, b) = (f32::from_bits(a), f32::from_bits(b));
            (
                a.is_nan(),
                b.is_nan(),
                a.is_subnormal(),
                b.is_subnormal(),
                a == 0.0,
                b == 0.0,
            )
        }
        (Value::F64Bits(a), Value::F64Bits(b)) => {
            let (a, b) = (f64::from_bits(a), f64::from_bits(b));
            (
                a.is_nan(),
                b.is_nan(),
                a.is_subnormal(),
                b.is_subnormal(),
                a == 0.0,
                b == 0.0,
            )
        }
        _ => return Verdict::Different,
    };
    match classes {
        (true, true, ..) => Verdict::Relaxed(Relaxation::NanPayload),
        (_, _, true, _, _, true) | (_, _, _, true, true, _) => {
            Verdict::Relaxed(Relaxation::SubnormalFlush)
        }
        _ => Verdict::Different,
    }
}

/// Compares two outcomes: same trap class, or the same values (under [`compare_value`]).
pub fn compare_outcome(oracle: &Outcome, gpu: &Outcome) -> Verdict {
    match (oracle, gpu) {
        (Outcome::Trapped(a), Outcome::Trapped(b)) if trap_class(*a) == trap_class(*b) => {
            Verdict::Same
        }
        (Outcome::Returned(a), Outcome::Returned(b)) if a.len() == b.len() => {
            let mut verdict = Verdict::Same;
            for (x, y) in a.iter().zip(b) {
                match compare_value(*x, *y) {
                    Verdict::Same => {}
                    Verdict::Different => return Verdict::Different,
                    relaxed => verdict = relaxed,
                }
            }
            verdict
        }
        _ => Verdict::Different,
    }
}

/// Trap kinds that the spec does not tell apart map to one class.
fn trap_class(kind: TrapKind) -> TrapKind {
    match kind {
        TrapKind::DataSegmentOutOfBounds => TrapKind::MemoryOutOfBounds,
        other => other,
    }
}

/// wasmi's trap code as a [`TrapKind`]; `None` for codes the GPU has no counterpart of (wasmi's
/// own stack overflow, fuel, resource limits).
pub fn trap_kind(code: wasmi::TrapCode) -> Option<TrapKind> {
    use wasmi::TrapCode as C;
    Some(match code {
        C::UnreachableCodeReached => TrapKind::Unreachable,
        C::MemoryOutOfBounds => TrapKind::MemoryOutOfBounds,
        C::TableOutOfBounds => TrapKind::UndefinedElement,
        C::IndirectCallToNull => TrapKind::UninitializedElement,
        C::IntegerDivisionByZero => TrapKind::IntegerDivideByZero,
        C::IntegerOverflow => TrapKind::IntegerOverflow,
        C::BadConversionToInteger => TrapKind::InvalidConversionToInteger,
        C::BadSignature => TrapKind::IndirectCallTypeMismatch,
        _ => return None,
    })
}
