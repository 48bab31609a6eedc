//! Integer and float arithmetic, bitwise ops, shifts, rotates, comparisons and constants.
//!
//! Integers are unsigned in naga; signed operations bitcast to `i32`/`i64` for one operation.
//! Shift amounts are masked to the bit width as wasm requires (the SPIR-V backend does not
//! mask). Division and remainder trap explicitly; float `min`/`max`/`neg`/`abs`/`copysign`
//! follow wasm's NaN and signed-zero rules bit-exactly.

use naga::{BinaryOperator as B, Expression, Handle, MathFunction as M, ScalarKind, UnaryOperator};
use wasmparser::Operator;

use super::super::abi::{TrapKind, ValType};
use super::super::func::FuncTranslator;
use super::super::TranslateError;

type H = Handle<Expression>;

impl FuncTranslator<'_, '_> {
    pub(super) fn numeric_op(&mut self, op: &Operator<'_>) -> Result<bool, TranslateError> {
        use ValType::*;
        match *op {
            Operator::I32Const { value } => {
                let v = self.b.u32(value as u32);
                self.push(v, I32);
            }
            Operator::I64Const { value } => {
                let v = self.b.u64(value as u64);
                self.push(v, I64);
            }
            Operator::F32Const { value } => {
                let v = self.float_const(F32, u64::from(value.bits()));
                self.push(v, F32);
            }
            Operator::F64Const { value } => {
                let v = self.float_const(F64, value.bits());
                self.push(v, F64);
            }

            Operator::I32Eqz | Operator::I64Eqz => {
                let (a, t) = self.pop_typed();
                let z = self.int_lit(t, 0);
                let c = self.b.bin(B::Equal, a, z);
                let r = self.from_bool(c);
                self.push(r, I32);
            }
            Operator::I32Eq | Operator::I64Eq => self.int_cmp(B::Equal, false),
            Operator::I32Ne | Operator::I64Ne => self.int_cmp(B::NotEqual, false),
            Operator::I32LtS | Operator::I64LtS => self.int_cmp(B::Less, true),
            Operator::I32LtU | Operator::I64LtU => self.int_cmp(B::Less, false),
            Operator::I32GtS | Operator::I64GtS => self.int_cmp(B::Greater, true),
            Operator::I32GtU | Operator::I64GtU => self.int_cmp(B::Greater, false),
            Operator::I32LeS | Operator::I64LeS => self.int_cmp(B::LessEqual, true),
            Operator::I32LeU | Operator::I64LeU => self.int_cmp(B::LessEqual, false),
            Operator::I32GeS | Operator::I64GeS => self.int_cmp(B::GreaterEqual, true),
            Operator::I32GeU | Operator::I64GeU => self.int_cmp(B::GreaterEqual, false),

            Operator::I32Clz => self.unary32(M::CountLeadingZeros),
            Operator::I32Ctz => self.unary32(M::CountTrailingZeros),
            Operator::I32Popcnt => self.unary32(M::CountOneBits),
            Operator::I64Clz => self.bits64(M::CountLeadingZeros),
            Operator::I64Ctz => self.bits64(M::CountTrailingZeros),
            Operator::I64Popcnt => self.bits64(M::CountOneBits),

            Operator::I32Add | Operator::I64Add => self.binary(B::Add),
            Operator::I32Sub | Operator::I64Sub => self.binary(B::Subtract),
            Operator::I32Mul | Operator::I64Mul => self.binary(B::Multiply),
            Operator::I32And | Operator::I64And => self.binary(B::And),
            Operator::I32Or | Operator::I64Or => self.binary(B::InclusiveOr),
            Operator::I32Xor | Operator::I64Xor => self.binary(B::ExclusiveOr),
            Operator::I32DivU | Operator::I64DivU => self.div(false, B::Divide),
            Operator::I32RemU | Operator::I64RemU => self.div(false, B::Modulo),
            Operator::I32DivS | Operator::I64DivS => self.div(true, B::Divide),
            Operator::I32RemS | Operator::I64RemS => self.div(true, B::Modulo),
            Operator::I32Shl | Operator::I64Shl => self.shift(ShiftKind::Left),
            Operator::I32ShrU | Operator::I64ShrU => self.shift(ShiftKind::RightU),
            Operator::I32ShrS | Operator::I64ShrS => self.shift(ShiftKind::RightS),
            Operator::I32Rotl | Operator::I64Rotl => self.rotate(true),
            Operator::I32Rotr | Operator::I64Rotr => self.rotate(false),

            Operator::F32Eq | Operator::F64Eq => self.float_cmp(B::Equal),
            Operator::F32Ne | Operator::F64Ne => {
                // naga's `!=` on floats is ordered (false for NaN); wasm's is not.
                let b = self.pop();
                let a = self.pop();
                let eq = self.b.bin(B::Equal, a, b);
                let ne = self.b.un(UnaryOperator::LogicalNot, eq);
                let r = self.from_bool(ne);
                self.push(r, I32);
            }
            Operator::F32Lt | Operator::F64Lt => self.float_cmp(B::Less),
            Operator::F32Gt | Operator::F64Gt => self.float_cmp(B::Greater),
            Operator::F32Le | Operator::F64Le => self.float_cmp(B::LessEqual),
            Operator::F32Ge | Operator::F64Ge => self.float_cmp(B::GreaterEqual),

            Operator::F32Add | Operator::F64Add => self.binary(B::Add),
            Operator::F32Sub | Operator::F64Sub => self.binary(B::Subtract),
            Operator::F32Mul | Operator::F64Mul => self.binary(B::Multiply),
            Operator::F32Div if self.exact_floats => self.f32_via_f64(Some(B::Divide)),
            Operator::F32Sqrt if self.exact_floats => self.f32_via_f64(None),
            Operator::F32Div | Operator::F64Div => self.binary(B::Divide),
            Operator::F32Min | Operator::F64Min => self.min_max(false),
            Operator::F32Max | Operator::F64Max => self.min_max(true),
            Operator::F32Sqrt | Operator::F64Sqrt => self.float_math(M::Sqrt),
            Operator::F32Ceil | Operator::F64Ceil => self.float_math(M::Ceil),
            Operator::F32Floor | Operator::F64Floor => self.float_math(M::Floor),
            Operator::F32Trunc | Operator::F64Trunc => self.float_math(M::Trunc),
            Operator::F32Nearest | Operator::F64Nearest => self.float_math(M::Round),
            Operator::F32Abs | Operator::F64Abs => self.sign_bits(SignOp::Abs),
            Operator::F32Neg | Operator::F64Neg => self.sign_bits(SignOp::Neg),
            Operator::F32Copysign | Operator::F64Copysign => self.sign_bits(SignOp::Copysign),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// A float constant of type `t` from its bits; in exact-float mode built from the opaque
    /// zero ([`Runtime::opaque_zero`](crate::translate::runtime::Runtime)) so the driver cannot
    /// fold operations on it.
    pub(crate) fn float_const(&mut self, t: ValType, bits: u64) -> H {
        let Some(zero) = self.rt.opaque_zero else {
            return match t {
                ValType::F64 => self.b.f64_bits(bits),
                _ => self.b.f32_bits(bits as u32),
            };
        };
        let z = self.b.expr(Expression::GlobalVariable(zero));
        let z = self.b.load(z);
        let opaque = if t == ValType::F64 {
            let z = self.b.convert(z, ScalarKind::Uint, 8);
            let bits = self.b.u64(bits);
            self.b.bin(B::InclusiveOr, bits, z)
        } else {
            let bits = self.b.u32(bits as u32);
            self.b.bin(B::InclusiveOr, bits, z)
        };
        self.b.bitcast(opaque, ScalarKind::Float)
    }

    /// An integer literal of the width of `t`.
    pub(crate) fn int_lit(&mut self, t: ValType, v: u64) -> H {
        match t {
            ValType::I64 | ValType::F64 => self.b.u64(v),
            _ => self.b.u32(v as u32),
        }
    }

    fn binary(&mut self, op: B) {
        let b = self.pop();
        let (a, t) = self.pop_typed();
        let r = self.b.bin(op, a, b);
        let r = self.exact_f32_nan(r, t);
        self.push(r, t);
    }

    /// In exact-float mode, an f32 NaN result becomes the canonical NaN (`0x7fc00000`): wasm
    /// requires it when the operands are canonical (and allows it otherwise), and NVIDIA's
    /// driver produces `0x7fffffff`. Tested on the bits, which no float folding can touch.
    pub(crate) fn exact_f32_nan(&mut self, r: H, t: ValType) -> H {
        if !self.exact_floats || t != ValType::F32 {
            return r;
        }
        let bits = self.b.bitcast(r, ScalarKind::Uint);
        let mask = self.b.u32(0x7fff_ffff);
        let magnitude = self.b.bin(B::And, bits, mask);
        let inf = self.b.u32(0x7f80_0000);
        let nan = self.b.bin(B::Greater, magnitude, inf);
        let canonical = self.b.f32_bits(0x7fc0_0000);
        self.b.select(nan, canonical, r)
    }

    /// `a / b` (`Some(Divide)`) or `sqrt(a)` (`None`) computed in f64 and rounded once: f64
    /// has more than twice f32's precision plus two bits, so the double rounding gives the
    /// correctly rounded f32 result (Figueroa, "When is double rounding innocuous?").
    fn f32_via_f64(&mut self, op: Option<B>) {
        let b = op.map(|_| self.pop());
        let a = self.pop();
        let wide_a = self.b.convert(a, ScalarKind::Float, 8);
        let wide = match (op, b) {
            (Some(op), Some(b)) => {
                let wide_b = self.b.convert(b, ScalarKind::Float, 8);
                self.b.bin(op, wide_a, wide_b)
            }
            _ => self.b.math1(M::Sqrt, wide_a),
        };
        let r = self.b.convert(wide, ScalarKind::Float, 4);
        let r = self.exact_f32_nan(r, ValType::F32);
        self.push(r, ValType::F32);
    }

    fn int_cmp(&mut self, op: B, signed: bool) {
        let b = self.pop();
        let a = self.pop();
        let (a, b) = if signed {
            (
                self.b.bitcast(a, ScalarKind::Sint),
                self.b.bitcast(b, ScalarKind::Sint),
            )
        } else {
            (a, b)
        };
        let c = self.b.bin(op, a, b);
        let r = self.from_bool(c);
        self.push(r, ValType::I32);
    }

    fn float_cmp(&mut self, op: B) {
        let b = self.pop();
        let a = self.pop();
        let c = self.b.bin(op, a, b);
        let r = self.from_bool(c);
        self.push(r, ValType::I32);
    }

    fn unary32(&mut self, fun: M) {
        let a = self.pop();
        let r = self.b.math1(fun, a);
        self.push(r, ValType::I32);
    }

    /// clz/ctz/popcnt on i64 through two 32-bit halves (the SPIR-V bit instructions are 32-bit).
    fn bits64(&mut self, fun: M) {
        let a = self.pop();
        let lo = self.b.convert(a, ScalarKind::Uint, 4);
        let s = self.b.u32(32);
        let hi64 = self.b.bin(B::ShiftRight, a, s);
        let hi = self.b.convert(hi64, ScalarKind::Uint, 4);
        let flo = self.b.math1(fun, lo);
        let fhi = self.b.math1(fun, hi);
        let r = match fun {
            M::CountOneBits => self.b.bin(B::Add, flo, fhi),
            M::CountLeadingZeros => {
                let zero = self.b.u32(0);
                let hi_zero = self.b.bin(B::Equal, hi, zero);
                let plus = self.b.bin(B::Add, flo, s);
                self.b.select(hi_zero, plus, fhi)
            }
            _ => {
                let zero = self.b.u32(0);
                let lo_zero = self.b.bin(B::Equal, lo, zero);
                let plus = self.b.bin(B::Add, fhi, s);
                self.b.select(lo_zero, plus, flo)
            }
        };
        let r = self.b.convert(r, ScalarKind::Uint, 8);
        self.push(r, ValType::I64);
    }

    /// div/rem, signed or not, with wasm's traps.
    fn div(&mut self, signed: bool, op: B) {
        let b = self.pop();
        let (a, t) = self.pop_typed();
        if self.is_literal(b, 0) {
            self.trap(TrapKind::IntegerDivideByZero);
            self.reachable = false;
            return;
        }
        let zero = self.int_lit(t, 0);
        let is_zero = self.b.bin(B::Equal, b, zero);
        self.trap_if(is_zero, TrapKind::IntegerDivideByZero);
        if !signed {
            let r = self.b.bin(op, a, b);
            self.push(r, t);
            return;
        }
        let minus_one = self.int_lit(t, u64::MAX);
        let b_is_m1 = self.b.bin(B::Equal, b, minus_one);
        let divisor = if op == B::Divide {
            let min = self.int_lit(t, if t == ValType::I64 { 1 << 63 } else { 1 << 31 });
            let a_is_min = self.b.bin(B::Equal, a, min);
            let overflow = self.b.bin(B::LogicalAnd, a_is_min, b_is_m1);
            self.trap_if(overflow, TrapKind::IntegerOverflow);
            b
        } else {
            // x rem -1 is 0 for every x; dividing by 1 gives the same without MIN/-1 overflow.
            let one = self.int_lit(t, 1);
            self.b.select(b_is_m1, one, b)
        };
        let sa = self.b.bitcast(a, ScalarKind::Sint);
        let sb = self.b.bitcast(divisor, ScalarKind::Sint);
        let r = self.b.bin(op, sa, sb);
        let r = self.b.bitcast(r, ScalarKind::Uint);
        self.push(r, t);
    }

    /// The shift amount masked to the width, as the u32 naga wants.
    fn shift_amount(&mut self, b: H, t: ValType) -> H {
        let mask = if t == ValType::I64 { 63 } else { 31 };
        if let Expression::Literal(l) = self.b.func.expressions[b] {
            let v = match l {
                naga::Literal::U32(v) => u64::from(v),
                naga::Literal::U64(v) => v,
                _ => 0,
            };
            return self.b.u32((v & mask) as u32);
        }
        let m = self.int_lit(t, mask);
        let masked = self.b.bin(B::And, b, m);
        if t == ValType::I64 {
            self.b.convert(masked, ScalarKind::Uint, 4)
        } else {
            masked
        }
    }

    fn shift(&mut self, kind: ShiftKind) {
        let b = self.pop();
        let (a, t) = self.pop_typed();
        let k = self.shift_amount(b, t);
        let r = match kind {
            ShiftKind::Left => self.b.bin(B::ShiftLeft, a, k),
            ShiftKind::RightU => self.b.bin(B::ShiftRight, a, k),
            ShiftKind::RightS => {
                let s = self.b.bitcast(a, ScalarKind::Sint);
                let r = self.b.bin(B::ShiftRight, s, k);
                self.b.bitcast(r, ScalarKind::Uint)
            }
        };
        self.push(r, t);
    }

    fn rotate(&mut self, left: bool) {
        let b = self.pop();
        let (a, t) = self.pop_typed();
        let k = self.shift_amount(b, t);
        let bits = self.b.u32(if t == ValType::I64 { 64 } else { 32 });
        let mask = self.b.u32(if t == ValType::I64 { 63 } else { 31 });
        let diff = self.b.bin(B::Subtract, bits, k);
        let k2 = self.b.bin(B::And, diff, mask);
        let (first, second) = if left {
            (B::ShiftLeft, B::ShiftRight)
        } else {
            (B::ShiftRight, B::ShiftLeft)
        };
        let x = self.b.bin(first, a, k);
        let y = self.b.bin(second, a, k2);
        let r = self.b.bin(B::InclusiveOr, x, y);
        self.push(r, t);
    }

    fn float_math(&mut self, fun: M) {
        let (a, t) = self.pop_typed();
        let r = self.b.math1(fun, a);
        let r = self.exact_f32_nan(r, t);
        self.push(r, t);
    }

    /// `x != x`.
    pub(crate) fn is_nan(&mut self, x: H) -> H {
        let eq = self.b.bin(B::Equal, x, x);
        self.b.un(UnaryOperator::LogicalNot, eq)
    }

    /// wasm min/max: NaN if either operand is NaN (quieted, payload kept), -0 < +0.
    fn min_max(&mut self, is_max: bool) {
        let b = self.pop();
        let (a, t) = self.pop_typed();
        let quiet = self.int_lit(t, if t == ValType::F64 { 1 << 51 } else { 1 << 22 });
        let a_nan = self.is_nan(a);
        let b_nan = self.is_nan(b);
        let pick_a = self.b.bin(if is_max { B::Greater } else { B::Less }, a, b);
        let r = self.b.select(pick_a, a, b);
        let eq = self.b.bin(B::Equal, a, b);
        let ua = self.b.bitcast(a, ScalarKind::Uint);
        let ub = self.b.bitcast(b, ScalarKind::Uint);
        let z = self
            .b
            .bin(if is_max { B::And } else { B::InclusiveOr }, ua, ub);
        let zf = self.b.bitcast(z, ScalarKind::Float);
        let r = self.b.select(eq, zf, r);
        let qa = self.b.bin(B::InclusiveOr, ua, quiet);
        let qa = self.b.bitcast(qa, ScalarKind::Float);
        let qb = self.b.bin(B::InclusiveOr, ub, quiet);
        let qb = self.b.bitcast(qb, ScalarKind::Float);
        let r = self.b.select(b_nan, qb, r);
        let r = self.b.select(a_nan, qa, r);
        self.push(r, t);
    }

    /// abs, neg and copysign on the sign bit, so NaN payloads pass unchanged.
    fn sign_bits(&mut self, op: SignOp) {
        let b = if matches!(op, SignOp::Copysign) {
            Some(self.pop())
        } else {
            None
        };
        let (a, t) = self.pop_typed();
        let sign_v = if t == ValType::F64 {
            1u64 << 63
        } else {
            1 << 31
        };
        let sign = self.int_lit(t, sign_v);
        let ua = self.b.bitcast(a, ScalarKind::Uint);
        let r = match (op, b) {
            (SignOp::Neg, _) => self.b.bin(B::ExclusiveOr, ua, sign),
            (SignOp::Abs, _) | (SignOp::Copysign, None) => {
                let rest = self.int_lit(t, !sign_v);
                self.b.bin(B::And, ua, rest)
            }
            (SignOp::Copysign, Some(b)) => {
                let rest = self.int_lit(t, !sign_v);
                let mag = self.b.bin(B::And, ua, rest);
                let ub = self.b.bitcast(b, ScalarKind::Uint);
                let s = self.b.bin(B::And, ub, sign);
                self.b.bin(B::InclusiveOr, mag, s)
            }
        };
        let r = self.b.bitcast(r, ScalarKind::Float);
        self.push(r, t);
    }
}

#[derive(Debug, Clone, Copy)]
enum ShiftKind {
    Left,
    RightU,
    RightS,
}

#[derive(Debug, Clone, Copy)]
enum SignOp {
    Abs,
    Neg,
    Copysign,
}
