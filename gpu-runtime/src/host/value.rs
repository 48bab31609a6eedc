//! Wasm values as they cross the host ABI: raw bits, so NaN payloads and `-0.0` survive.

use crate::translate::abi::ValType;

/// One wasm value. Floats are stored as their bit patterns so that every value round-trips
/// exactly (NaN payloads included) and `Value` can be compared and hashed bit for bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    I32(i32),
    I64(i64),
    /// An `f32` as its IEEE 754 bits (see [`Value::f32`] and [`Value::as_f32`]).
    F32Bits(u32),
    /// An `f64` as its IEEE 754 bits (see [`Value::f64`] and [`Value::as_f64`]).
    F64Bits(u64),
    /// A `funcref` as its ABI word: 0 for null, else the function index + 1.
    FuncRef(u32),
    /// An `externref` as its ABI word: 0 for null, else a handle the host chose.
    ExternRef(u32),
}

impl Value {
    /// An `f32` value.
    pub fn f32(x: f32) -> Value {
        Value::F32Bits(x.to_bits())
    }

    /// An `f64` value.
    pub fn f64(x: f64) -> Value {
        Value::F64Bits(x.to_bits())
    }

    /// The value of type `ty` whose raw bits are the low bits of `bits`.
    pub fn from_bits(ty: ValType, bits: u64) -> Value {
        match ty {
            ValType::I32 => Value::I32(bits as u32 as i32),
            ValType::I64 => Value::I64(bits as i64),
            ValType::F32 => Value::F32Bits(bits as u32),
            ValType::F64 => Value::F64Bits(bits),
            ValType::FuncRef => Value::FuncRef(bits as u32),
            ValType::ExternRef => Value::ExternRef(bits as u32),
        }
    }

    /// The raw bits, zero-extended to 64 bits.
    pub fn to_bits(self) -> u64 {
        match self {
            Value::I32(v) => u64::from(v as u32),
            Value::I64(v) => v as u64,
            Value::F32Bits(b) => u64::from(b),
            Value::F64Bits(b) => b,
            Value::FuncRef(r) | Value::ExternRef(r) => u64::from(r),
        }
    }

    /// The value's type.
    pub fn ty(self) -> ValType {
        match self {
            Value::I32(_) => ValType::I32,
            Value::I64(_) => ValType::I64,
            Value::F32Bits(_) => ValType::F32,
            Value::F64Bits(_) => ValType::F64,
            Value::FuncRef(_) => ValType::FuncRef,
            Value::ExternRef(_) => ValType::ExternRef,
        }
    }

    /// The `i32`, if this is one.
    pub fn as_i32(self) -> Option<i32> {
        match self {
            Value::I32(v) => Some(v),
            _ => None,
        }
    }

    /// The `i64`, if this is one.
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Value::I64(v) => Some(v),
            _ => None,
        }
    }

    /// The `f32`, if this is one.
    pub fn as_f32(self) -> Option<f32> {
        match self {
            Value::F32Bits(b) => Some(f32::from_bits(b)),
            _ => None,
        }
    }

    /// The `f64`, if this is one.
    pub fn as_f64(self) -> Option<f64> {
        match self {
            Value::F64Bits(b) => Some(f64::from_bits(b)),
            _ => None,
        }
    }

    /// Appends the value's ABI words (low word first) to `out`.
    pub fn push_words(self, out: &mut Vec<u32>) {
        let bits = self.to_bits();
        out.push(bits as u32);
        if self.ty().words() == 2 {
            out.push((bits >> 32) as u32);
        }
    }

    /// Decodes a value of type `ty` from its ABI words (`words` must hold `ty.words()` words;
    /// missing words read as zero).
    pub fn from_words(ty: ValType, words: &[u32]) -> Value {
        let lo = u64::from(words.first().copied().unwrap_or(0));
        let hi = if ty.words() == 2 {
            u64::from(words.get(1).copied().unwrap_or(0))
        } else {
            0
        };
        Value::from_bits(ty, lo | (hi << 32))
    }
}

impl From<i32> for Value {
    fn from(v: i32) -> Value {
        Value::I32(v)
    }
}

impl From<u32> for Value {
    fn from(v: u32) -> Value {
        Value::I32(v as i32)
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::I64(v)
    }
}

impl From<u64> for Value {
    fn from(v: u64) -> Value {
        Value::I64(v as i64)
    }
}

impl From<f32> for Value {
    fn from(v: f32) -> Value {
        Value::f32(v)
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::f64(v)
    }
}

/// Integers as signed decimals, floats with Rust's `Display` (`NaN`, `inf`, `-0`), references
/// as `ref.null func`, `ref.func F` (function index) and `ref.extern H` (host handle).
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Value::I32(v) => write!(f, "{v}"),
            Value::I64(v) => write!(f, "{v}"),
            Value::F32Bits(b) => write!(f, "{}", f32::from_bits(b)),
            Value::F64Bits(b) => write!(f, "{}", f64::from_bits(b)),
            Value::FuncRef(0) => f.write_str("ref.null func"),
            Value::FuncRef(r) => write!(f, "ref.func {}", r - 1),
            Value::ExternRef(0) => f.write_str("ref.null extern"),
            Value::ExternRef(r) => write!(f, "ref.extern {r}"),
        }
    }
}

/// Formats a signature as `(i32, i64) -> f32`.
pub(crate) fn signature(params: &[ValType], results: &[ValType]) -> String {
    let list = |tys: &[ValType]| {
        tys.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match results {
        [] => format!("({})", list(params)),
        [one] => format!("({}) -> {one}", list(params)),
        many => format!("({}) -> ({})", list(params), list(many)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn bits_round_trip() {
        let nan = f32::from_bits(0x7fa0_0001);
        let v = Value::from(nan);
        assert_eq!(v.to_bits(), 0x7fa0_0001);
        assert_eq!(Value::from_bits(ValType::F32, v.to_bits()), v);
        let mut words = Vec::new();
        Value::I64(-2).push_words(&mut words);
        assert_eq!(words, [0xffff_fffe, 0xffff_ffff]);
        assert_eq!(Value::from_words(ValType::I64, &words), Value::I64(-2));
        assert_eq!(Value::from_bits(ValType::I32, 0xffff_ffff), Value::I32(-1));
        assert_eq!(Value::f64(-0.0).to_string(), "-0");
    }

    #[test]
    fn signatures() {
        assert_eq!(signature(&[ValType::I32, ValType::I64], &[]), "(i32, i64)");
        assert_eq!(signature(&[], &[ValType::F32]), "() -> f32");
        assert_eq!(
            signature(&[ValType::I32], &[ValType::I32, ValType::F64]),
            "(i32) -> (i32, f64)"
        );
    }
}
