//! The expression builder of the math helpers ([`Fx`]) and what they share.

use naga::{
    BinaryOperator as B, Constant, Expression, Handle, MathFunction as M, ScalarKind, Type,
    UnaryOperator as U,
};

use super::super::builder::IrBuilder;

pub(super) type H = Handle<Expression>;

/// f64 expression building over an [`IrBuilder`].
pub(super) struct Fx<'a> {
    pub(super) b: &'a mut IrBuilder,
    /// A u64 zero the compiler cannot prove is zero.
    pub(super) zero: H,
    pub(super) tys: Tys,
}

/// Types and constants the helpers' locals need.
#[derive(Clone, Copy)]
pub(super) struct Tys {
    pub(super) f64t: Handle<Type>,
    pub(super) u32t: Handle<Type>,
    /// [`TWO_OVER_PI`](super::trig::TWO_OVER_PI) as a module constant, and its array type (trig helpers only).
    pub(super) table: Option<(Handle<Constant>, Handle<Type>)>,
}

impl Fx<'_> {
    /// `x`, hidden from the shader compiler's algebra. Mesa's NIR rewrites `-a + (a + b)` to
    /// `b` on floats (an "inexact" optimisation it applies unless SPIR-V says `NoContraction`,
    /// which naga never emits), which zeroes every error term of two-sum style arithmetic;
    /// a sum or-ed with an opaque zero no longer matches its patterns.
    pub(super) fn opaque(&mut self, x: H) -> H {
        let u = self.bits(x);
        let v = self.b.bin(B::InclusiveOr, u, self.zero);
        self.float_of(v)
    }
    pub(super) fn c(&mut self, v: f64) -> H {
        self.b.f64_bits(v.to_bits())
    }
    pub(super) fn add(&mut self, a: H, b: H) -> H {
        self.b.bin(B::Add, a, b)
    }
    pub(super) fn sub(&mut self, a: H, b: H) -> H {
        self.b.bin(B::Subtract, a, b)
    }
    pub(super) fn mul(&mut self, a: H, b: H) -> H {
        self.b.bin(B::Multiply, a, b)
    }
    pub(super) fn div(&mut self, a: H, b: H) -> H {
        self.b.bin(B::Divide, a, b)
    }
    pub(super) fn addc(&mut self, a: H, v: f64) -> H {
        let c = self.c(v);
        self.add(a, c)
    }
    pub(super) fn mulc(&mut self, a: H, v: f64) -> H {
        let c = self.c(v);
        self.mul(a, c)
    }
    /// `v - a`.
    pub(super) fn rsubc(&mut self, v: f64, a: H) -> H {
        let c = self.c(v);
        self.sub(c, a)
    }
    pub(super) fn neg(&mut self, a: H) -> H {
        self.b.un(U::Negate, a)
    }
    pub(super) fn m1(&mut self, fun: M, a: H) -> H {
        self.b.math1(fun, a)
    }
    pub(super) fn abs(&mut self, a: H) -> H {
        let u = self.bits(a);
        let m = self.b.u64(!(1u64 << 63));
        let v = self.b.bin(B::And, u, m);
        self.float_of(v)
    }
    /// `|a|` with the sign of `s`.
    pub(super) fn copysign(&mut self, a: H, s: H) -> H {
        let ua = self.bits(a);
        let us = self.bits(s);
        let m = self.b.u64(!(1u64 << 63));
        let sm = self.b.u64(1u64 << 63);
        let mag = self.b.bin(B::And, ua, m);
        let sign = self.b.bin(B::And, us, sm);
        let r = self.b.bin(B::InclusiveOr, mag, sign);
        self.float_of(r)
    }
    pub(super) fn cmp(&mut self, op: B, a: H, b: H) -> H {
        self.b.bin(op, a, b)
    }
    pub(super) fn cmpc(&mut self, op: B, a: H, v: f64) -> H {
        let c = self.c(v);
        self.b.bin(op, a, c)
    }
    pub(super) fn and(&mut self, a: H, b: H) -> H {
        self.b.bin(B::LogicalAnd, a, b)
    }
    pub(super) fn or(&mut self, a: H, b: H) -> H {
        self.b.bin(B::LogicalOr, a, b)
    }
    pub(super) fn not(&mut self, a: H) -> H {
        self.b.un(U::LogicalNot, a)
    }
    pub(super) fn sel(&mut self, c: H, a: H, b: H) -> H {
        self.b.select(c, a, b)
    }
    pub(super) fn selc(&mut self, c: H, v: f64, b: H) -> H {
        let a = self.c(v);
        self.b.select(c, a, b)
    }
    pub(super) fn is_nan(&mut self, a: H) -> H {
        let eq = self.b.bin(B::Equal, a, a);
        self.not(eq)
    }
    pub(super) fn bits(&mut self, a: H) -> H {
        self.b.bitcast(a, ScalarKind::Uint)
    }
    pub(super) fn float_of(&mut self, u: H) -> H {
        self.b.bitcast(u, ScalarKind::Float)
    }
    pub(super) fn nan(&mut self) -> H {
        self.b.f64_bits(0x7ff8_0000_0000_0000)
    }
    pub(super) fn inf(&mut self) -> H {
        self.b.f64_bits(f64::INFINITY.to_bits())
    }
    /// `c[0] + x·(c[1] + x·(c[2] + ...))`.
    pub(super) fn horner(&mut self, x: H, coeffs: &[f64]) -> H {
        let mut it = coeffs.iter().rev();
        let Some(last) = it.next() else {
            return self.c(0.0);
        };
        let mut p = self.c(*last);
        for c in it {
            let t = self.mul(p, x);
            p = self.addc(t, *c);
        }
        p
    }
    /// 2ᵏ for an integral `k` in [-1022, 1023].
    pub(super) fn pow2(&mut self, k: H) -> H {
        let e = self.addc(k, 1023.0);
        let e = self.b.convert(e, ScalarKind::Uint, 8);
        let s = self.b.u32(52);
        let u = self.b.bin(B::ShiftLeft, e, s);
        self.float_of(u)
    }
    /// `p·2ᵏ` for an integral `k` in [-1080, 1030], rounded once.
    pub(super) fn scale(&mut self, p: H, k: H) -> H {
        let h = self.mulc(k, 0.5);
        let k1 = self.m1(M::Floor, h);
        let k2 = self.sub(k, k1);
        let s1 = self.pow2(k1);
        let s2 = self.pow2(k2);
        let t = self.mul(p, s1);
        self.mul(t, s2)
    }
    /// Error-free `a + b = s + e`.
    pub(super) fn two_sum(&mut self, a: H, b: H) -> (H, H) {
        let s = self.add(a, b);
        let s = self.opaque(s);
        let bb = self.sub(s, a);
        let t = self.sub(s, bb);
        let ea = self.sub(a, t);
        let eb = self.sub(b, bb);
        let e = self.add(ea, eb);
        (s, e)
    }
    /// `a + b = s + e` exactly when |a| ≥ |b| (or a = 0).
    pub(super) fn fast_two_sum(&mut self, a: H, b: H) -> (H, H) {
        let s = self.add(a, b);
        let s = self.opaque(s);
        let d = self.sub(s, a);
        let e = self.sub(b, d);
        (s, e)
    }
    /// Veltkamp's split of `a` into 26-bit halves `hi + lo` (|a| < 2⁹⁹⁶).
    pub(super) fn split(&mut self, a: H) -> (H, H) {
        let c = self.mulc(a, 134_217_729.0);
        let c = self.opaque(c);
        let d = self.sub(c, a);
        let hi = self.sub(c, d);
        let lo = self.sub(a, hi);
        (hi, lo)
    }
    /// Error-free `a·b = p + e` (Dekker). Not through `fma`: Vulkan does not require it to be
    /// fused, and lavapipe's f64 `fma` is not.
    pub(super) fn two_prod(&mut self, a: H, b: H) -> (H, H) {
        // opaque: a compiler that fuses `p + c` into fma(a, b, c) (NVIDIA's may) would break
        // the sums that take `p` for the rounded product
        let p = self.mul(a, b);
        let p = self.opaque(p);
        let (ah, al) = self.split(a);
        let (bh, bl) = self.split(b);
        let hh = self.mul(ah, bh);
        let t = self.sub(hh, p);
        let hl = self.mul(ah, bl);
        let t = self.add(t, hl);
        let lh = self.mul(al, bh);
        let t = self.add(t, lh);
        let ll = self.mul(al, bl);
        let e = self.add(t, ll);
        (p, e)
    }
}

pub(super) fn f_lt(f: &mut Fx, a: H, v: f64) -> H {
    f.cmpc(B::Less, a, v)
}

pub(super) fn finite(f: &mut Fx, x: H) -> H {
    let a = f.abs(x);
    f.cmpc(B::Less, a, f64::INFINITY)
}
