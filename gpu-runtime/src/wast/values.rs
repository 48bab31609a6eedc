//! Script values: `invoke` arguments as host [`Value`]s (raw bits) and expected results as
//! patterns, with `nan:canonical` / `nan:arithmetic` as the spec defines them.
//!
//! References cross as their ABI words (see [`ValType`]): `ref.null` is 0, the script's
//! `ref.extern N` is the host handle `N + 1` (so `ref.extern 0` is not null), and a function
//! reference is its function index + 1. `(ref.func)` and `(ref.extern)` without an operand
//! expect any non-null reference of that type.

use wast::core::{NanPattern, WastArgCore, WastRetCore};
use wast::{WastArg, WastRet};

use crate::host::Value;
use crate::translate::abi::ValType;

/// Skip reason for values the runtime cannot pass (`v128`, GC references).
pub const UNSUPPORTED_VALUE: &str = "vector or non-2.0 reference values cross no host boundary";

/// An expected result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// Exactly these bits (NaN payloads and signed zeros included).
    Exact(Value),
    /// A NaN whose payload is exactly the quiet bit (either sign).
    CanonicalNan(ValType),
    /// A NaN with the quiet bit set (either sign, any other payload bits).
    ArithmeticNan(ValType),
    /// Any non-null reference of this type.
    NonNull(ValType),
    /// Any one of these.
    Either(Vec<Expected>),
}

/// The reference type of a 2.0 heap type (`func` or `extern`).
fn ref_type(h: &wast::core::HeapType<'_>) -> Option<ValType> {
    use wast::core::{AbstractHeapType, HeapType};
    match h {
        HeapType::Abstract {
            ty: AbstractHeapType::Func,
            ..
        } => Some(ValType::FuncRef),
        HeapType::Abstract {
            ty: AbstractHeapType::Extern,
            ..
        } => Some(ValType::ExternRef),
        _ => None,
    }
}

/// The host handle of the script's `ref.extern n` (see the module docs).
fn extern_handle(n: u32) -> Option<Value> {
    n.checked_add(1).map(Value::ExternRef)
}

/// An argument as a host value; `None` for types the runtime has no ABI for.
pub fn arg(a: &WastArg<'_>) -> Option<Value> {
    match a {
        WastArg::Core(WastArgCore::I32(v)) => Some(Value::I32(*v)),
        WastArg::Core(WastArgCore::I64(v)) => Some(Value::I64(*v)),
        WastArg::Core(WastArgCore::F32(v)) => Some(Value::F32Bits(v.bits)),
        WastArg::Core(WastArgCore::F64(v)) => Some(Value::F64Bits(v.bits)),
        WastArg::Core(WastArgCore::RefNull(h)) => ref_type(h).map(|t| Value::from_bits(t, 0)),
        WastArg::Core(WastArgCore::RefExtern(n)) => extern_handle(*n),
        _ => None,
    }
}

/// An expected result as a pattern; `None` for types the runtime has no ABI for.
pub fn expected(r: &WastRet<'_>) -> Option<Expected> {
    match r {
        WastRet::Core(core) => expected_core(core),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

fn expected_core(r: &WastRetCore<'_>) -> Option<Expected> {
    Some(match r {
        WastRetCore::I32(v) => Expected::Exact(Value::I32(*v)),
        WastRetCore::I64(v) => Expected::Exact(Value::I64(*v)),
        WastRetCore::F32(NanPattern::Value(v)) => Expected::Exact(Value::F32Bits(v.bits)),
        WastRetCore::F64(NanPattern::Value(v)) => Expected::Exact(Value::F64Bits(v.bits)),
        WastRetCore::F32(NanPattern::CanonicalNan) => Expected::CanonicalNan(ValType::F32),
        WastRetCore::F64(NanPattern::CanonicalNan) => Expected::CanonicalNan(ValType::F64),
        WastRetCore::F32(NanPattern::ArithmeticNan) => Expected::ArithmeticNan(ValType::F32),
        WastRetCore::F64(NanPattern::ArithmeticNan) => Expected::ArithmeticNan(ValType::F64),
        WastRetCore::RefNull(Some(h)) => Expected::Exact(Value::from_bits(ref_type(h)?, 0)),
        WastRetCore::RefNull(None) => Expected::Either(vec![
            Expected::Exact(Value::FuncRef(0)),
            Expected::Exact(Value::ExternRef(0)),
        ]),
        WastRetCore::RefExtern(Some(n)) => Expected::Exact(extern_handle(*n)?),
        WastRetCore::RefExtern(None) => Expected::NonNull(ValType::ExternRef),
        WastRetCore::RefFunc(None) => Expected::NonNull(ValType::FuncRef),
        WastRetCore::RefFunc(Some(wast::token::Index::Num(f, _))) => {
            Expected::Exact(Value::FuncRef(f.checked_add(1)?))
        }
        WastRetCore::Either(options) => {
            Expected::Either(options.iter().map(expected_core).collect::<Option<_>>()?)
        }
        _ => return None,
    })
}

/// Quiet bit and exponent mask of a float type, as `(quiet, exponent, payload mask)`.
fn nan_bits(ty: ValType) -> Option<(u64, u64, u64)> {
    match ty {
        ValType::F32 => Some((1 << 22, 0xff << 23, (1 << 23) - 1)),
        ValType::F64 => Some((1 << 51, 0x7ff << 52, (1 << 52) - 1)),
        _ => None,
    }
}

impl Expected {
    /// Whether `v` matches the pattern (bit-exact for [`Expected::Exact`]).
    pub fn matches(&self, v: Value) -> bool {
        match self {
            Expected::Exact(e) => *e == v,
            Expected::CanonicalNan(ty) | Expected::ArithmeticNan(ty) => {
                let Some((quiet, exponent, payload)) = nan_bits(*ty) else {
                    return false;
                };
                if v.ty() != *ty {
                    return false;
                }
                let bits = v.to_bits();
                let is_nan = bits & exponent == exponent && bits & payload != 0;
                match self {
                    Expected::CanonicalNan(_) => is_nan && bits & payload == quiet,
                    _ => is_nan && bits & quiet != 0,
                }
            }
            Expected::NonNull(ty) => v.ty() == *ty && v.to_bits() != 0,
            Expected::Either(options) => options.iter().any(|o| o.matches(v)),
        }
    }
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::Exact(v) => f.write_str(&value_text(*v)),
            Expected::CanonicalNan(ty) => write!(f, "{ty}:nan:canonical"),
            Expected::NonNull(ValType::FuncRef) => f.write_str("ref.func"),
            Expected::NonNull(ty) => write!(f, "{ty}:non-null"),
            Expected::ArithmeticNan(ty) => write!(f, "{ty}:nan:arithmetic"),
            Expected::Either(options) => {
                let texts: Vec<String> = options.iter().map(ToString::to_string).collect();
                write!(f, "either({})", texts.join(" | "))
            }
        }
    }
}

/// `i32:-1`, `f32:1.5 (0x3fc00000)`: floats with their bits, since bits are what is compared.
pub fn value_text(v: Value) -> String {
    match v {
        Value::I32(x) => format!("i32:{x}"),
        Value::I64(x) => format!("i64:{x}"),
        Value::F32Bits(b) => format!("f32:{} ({b:#010x})", f32::from_bits(b)),
        Value::F64Bits(b) => format!("f64:{} ({b:#018x})", f64::from_bits(b)),
        Value::FuncRef(0) => "ref.null func".into(),
        Value::FuncRef(r) => format!("ref.func {}", r - 1),
        Value::ExternRef(0) => "ref.null extern".into(),
        Value::ExternRef(r) => format!("ref.extern {}", r - 1),
    }
}

/// Values separated by spaces, `()` for none.
pub fn values_text(values: &[Value]) -> String {
    if values.is_empty() {
        return "()".into();
    }
    values
        .iter()
        .map(|v| value_text(*v))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn nan_patterns() {
        let canon = Expected::CanonicalNan(ValType::F32);
        let arith = Expected::ArithmeticNan(ValType::F32);
        assert!(canon.matches(Value::F32Bits(0x7fc0_0000)));
        assert!(canon.matches(Value::F32Bits(0xffc0_0000)));
        assert!(!canon.matches(Value::F32Bits(0x7fc0_0001)));
        assert!(!canon.matches(Value::F32Bits(0x7f80_0000)));
        assert!(arith.matches(Value::F32Bits(0x7fc0_0001)));
        assert!(!arith.matches(Value::F32Bits(0x7fa0_0000)));
        assert!(!arith.matches(Value::F64Bits(0x7ff8_0000_0000_0000)));
        let canon64 = Expected::CanonicalNan(ValType::F64);
        assert!(canon64.matches(Value::F64Bits(0xfff8_0000_0000_0000)));
        assert!(!canon64.matches(Value::F64Bits(0x7ff8_0000_0000_0001)));
        assert!(!canon64.matches(Value::I64(0x7ff8_0000_0000_0000)));
    }

    #[test]
    fn exact_is_bitwise() {
        let zero = Expected::Exact(Value::f32(0.0));
        assert!(zero.matches(Value::F32Bits(0)));
        assert!(!zero.matches(Value::F32Bits(0x8000_0000)));
        let either = Expected::Either(vec![
            Expected::Exact(Value::I32(1)),
            Expected::Exact(Value::I32(2)),
        ]);
        assert!(either.matches(Value::I32(2)));
        assert!(!either.matches(Value::I32(3)));
        assert_eq!(either.to_string(), "either(i32:1 | i32:2)");
    }
}
