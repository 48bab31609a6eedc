//! Conversions: wrap, extend, sign-extension ops, float→int truncation (trapping and
//! saturating), int→float, demote, promote, reinterpret.
//!
//! Float→int conversion of an out-of-range value is undefined in SPIR-V, so the input is
//! replaced by 0 before converting whenever it is out of range; the trap or the saturated
//! value is chosen separately.

use naga::{BinaryOperator as B, Expression, Handle, ScalarKind, UnaryOperator};
use wasmparser::Operator;

use super::super::abi::{TrapKind, ValType};
use super::super::func::FuncTranslator;
use super::super::TranslateError;

type H = Handle<Expression>;

/// The float range that truncates into an integer type.
struct Range {
    lo: f64,
    lo_inclusive: bool,
    /// Exclusive.
    hi: f64,
}

fn range(to: ValType, signed: bool, from: ValType) -> Range {
    let two31 = 2147483648.0;
    let two63 = 9223372036854775808.0;
    match (to, signed, from) {
        (ValType::I32, true, ValType::F32) => Range {
            lo: -two31,
            lo_inclusive: true,
            hi: two31,
        },
        (ValType::I32, true, _) => Range {
            lo: -two31 - 1.0,
            lo_inclusive: false,
            hi: two31,
        },
        (ValType::I32, false, _) => Range {
            lo: -1.0,
            lo_inclusive: false,
            hi: 2.0 * two31,
        },
        (_, true, _) => Range {
            lo: -two63,
            lo_inclusive: true,
            hi: two63,
        },
        (_, false, _) => Range {
            lo: -1.0,
            lo_inclusive: false,
            hi: 2.0 * two63,
        },
    }
}

impl FuncTranslator<'_, '_> {
    pub(super) fn convert_op(&mut self, op: &Operator<'_>) -> Result<bool, TranslateError> {
        use ValType::*;
        match *op {
            Operator::I32WrapI64 => {
                let a = self.pop();
                let r = self.b.convert(a, ScalarKind::Uint, 4);
                self.push(r, I32);
            }
            Operator::I64ExtendI32S => {
                let a = self.pop();
                let s = self.b.bitcast(a, ScalarKind::Sint);
                let w = self.b.convert(s, ScalarKind::Sint, 8);
                let r = self.b.bitcast(w, ScalarKind::Uint);
                self.push(r, I64);
            }
            Operator::I64ExtendI32U => {
                let a = self.pop();
                let r = self.b.convert(a, ScalarKind::Uint, 8);
                self.push(r, I64);
            }
            Operator::I32Extend8S => self.sign_extend(I32, 24),
            Operator::I32Extend16S => self.sign_extend(I32, 16),
            Operator::I64Extend8S => self.sign_extend(I64, 56),
            Operator::I64Extend16S => self.sign_extend(I64, 48),
            Operator::I64Extend32S => self.sign_extend(I64, 32),

            Operator::I32TruncF32S | Operator::I32TruncF64S => self.trunc(I32, true, false),
            Operator::I32TruncF32U | Operator::I32TruncF64U => self.trunc(I32, false, false),
            Operator::I64TruncF32S | Operator::I64TruncF64S => self.trunc(I64, true, false),
            Operator::I64TruncF32U | Operator::I64TruncF64U => self.trunc(I64, false, false),
            Operator::I32TruncSatF32S | Operator::I32TruncSatF64S => self.trunc(I32, true, true),
            Operator::I32TruncSatF32U | Operator::I32TruncSatF64U => self.trunc(I32, false, true),
            Operator::I64TruncSatF32S | Operator::I64TruncSatF64S => self.trunc(I64, true, true),
            Operator::I64TruncSatF32U | Operator::I64TruncSatF64U => self.trunc(I64, false, true),

            Operator::F32ConvertI32S | Operator::F32ConvertI64S => self.int_to_float(F32, true),
            Operator::F32ConvertI32U | Operator::F32ConvertI64U => self.int_to_float(F32, false),
            Operator::F64ConvertI32S | Operator::F64ConvertI64S => self.int_to_float(F64, true),
            Operator::F64ConvertI32U | Operator::F64ConvertI64U => self.int_to_float(F64, false),
            Operator::F32DemoteF64 => {
                let a = self.pop();
                let r = self.b.convert(a, ScalarKind::Float, 4);
                let r = self.exact_f32_nan(r, F32);
                self.push(r, F32);
            }
            Operator::F64PromoteF32 => {
                let a = self.pop();
                let mut r = self.b.convert(a, ScalarKind::Float, 8);
                if self.rt.opaque_zero.is_some() {
                    // `+ -0.0` changes no value but quiets a signaling NaN, which drivers
                    // skip when they fold demote(promote(x)) to x.
                    let neg_zero = self.float_const(F64, (-0.0f64).to_bits());
                    r = self.b.bin(naga::BinaryOperator::Add, r, neg_zero);
                }
                self.push(r, F64);
            }
            Operator::I32ReinterpretF32 => self.reinterpret(ScalarKind::Uint, I32),
            Operator::I64ReinterpretF64 => self.reinterpret(ScalarKind::Uint, I64),
            Operator::F32ReinterpretI32 => self.reinterpret(ScalarKind::Float, F32),
            Operator::F64ReinterpretI64 => self.reinterpret(ScalarKind::Float, F64),
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn reinterpret(&mut self, kind: ScalarKind, t: ValType) {
        let a = self.pop();
        let r = self.b.bitcast(a, kind);
        self.push(r, t);
    }

    fn sign_extend(&mut self, t: ValType, shift: u32) {
        let a = self.pop();
        let k = self.b.u32(shift);
        let up = self.b.bin(B::ShiftLeft, a, k);
        let s = self.b.bitcast(up, ScalarKind::Sint);
        let down = self.b.bin(B::ShiftRight, s, k);
        let r = self.b.bitcast(down, ScalarKind::Uint);
        self.push(r, t);
    }

    fn float_lit(&mut self, t: ValType, v: f64) -> H {
        if t == ValType::F64 {
            self.b.f64_bits(v.to_bits())
        } else {
            self.b.f32_bits((v as f32).to_bits())
        }
    }

    fn trunc(&mut self, to: ValType, signed: bool, saturating: bool) {
        let (x, from) = self.pop_typed();
        // f32 -> 64-bit integer goes through f64 (exact): NVIDIA's Vulkan driver gets the low
        // word of a direct f32 -> u64/i64 conversion wrong (saturates it), seen on the H200.
        let (x, from) = if to == ValType::I64 && from == ValType::F32 {
            (self.b.convert(x, ScalarKind::Float, 8), ValType::F64)
        } else {
            (x, from)
        };
        let r = range(to, signed, from);
        let lo = self.float_lit(from, r.lo);
        let hi = self.float_lit(from, r.hi);
        let above_lo = self.b.bin(
            if r.lo_inclusive {
                B::GreaterEqual
            } else {
                B::Greater
            },
            x,
            lo,
        );
        let below_hi = self.b.bin(B::Less, x, hi);
        let in_range = self.b.bin(B::LogicalAnd, above_lo, below_hi);
        if !saturating {
            let nan = self.is_nan(x);
            self.trap_if(nan, TrapKind::InvalidConversionToInteger);
            let out = self.b.un(UnaryOperator::LogicalNot, in_range);
            self.trap_if(out, TrapKind::IntegerOverflow);
        }
        let zero = self.float_lit(from, 0.0);
        let safe = self.b.select(in_range, x, zero);
        let width = if to == ValType::I64 { 8 } else { 4 };
        let kind = if signed {
            ScalarKind::Sint
        } else {
            ScalarKind::Uint
        };
        let c = self.b.convert(safe, kind, width);
        let mut v = if signed {
            self.b.bitcast(c, ScalarKind::Uint)
        } else {
            c
        };
        if saturating {
            let bits = if to == ValType::I64 { 64 } else { 32 };
            let (min, max): (u64, u64) = match (signed, bits) {
                (true, 64) => (1 << 63, i64::MAX as u64),
                (true, _) => (1 << 31, i32::MAX as u64),
                (false, 64) => (0, u64::MAX),
                (false, _) => (0, u32::MAX as u64),
            };
            let out = self.b.un(UnaryOperator::LogicalNot, in_range);
            let positive = self.b.bin(B::Greater, x, zero);
            let negative = self.b.bin(B::Less, x, zero);
            let over = self.b.bin(B::LogicalAnd, out, positive);
            let under = self.b.bin(B::LogicalAnd, out, negative);
            let max = self.int_lit(to, max);
            let min = self.int_lit(to, min);
            v = self.b.select(over, max, v);
            v = self.b.select(under, min, v);
        }
        self.push(v, to);
    }

    fn int_to_float(&mut self, to: ValType, signed: bool) {
        let a = self.pop();
        let src = if signed {
            self.b.bitcast(a, ScalarKind::Sint)
        } else {
            a
        };
        let width = if to == ValType::F64 { 8 } else { 4 };
        let r = self.b.convert(src, ScalarKind::Float, width);
        self.push(r, to);
    }
}
