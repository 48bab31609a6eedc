//! The correctly rounded operations: fma (mul_add) in both widths, hypot, and powi.

use naga::{BinaryOperator as B, MathFunction as M, ScalarKind};

use super::fx::*;

/// `s` rounded to odd given the exact rest `e` of a sum: when `e ≠ 0` and `s` is even, the
/// neighbour of `s` on `e`'s side (which is odd).
pub(super) fn round_odd(f: &mut Fx, s: H, e: H) -> H {
    let u = f.bits(s);
    let one = f.b.u64(1);
    let low = f.b.bin(B::And, u, one);
    let zero_u = f.b.u64(0);
    let even = f.b.bin(B::Equal, low, zero_u);
    let inexact = f.cmpc(B::NotEqual, e, 0.0);
    let adjust = f.and(even, inexact);
    let e_pos = f.cmpc(B::Greater, e, 0.0);
    let s_pos = f.cmpc(B::Greater, s, 0.0);
    let up = f.b.bin(B::Equal, e_pos, s_pos);
    let plus = f.b.bin(B::Add, u, one);
    let minus = f.b.bin(B::Subtract, u, one);
    let moved = f.sel(up, plus, minus);
    let moved = f.float_of(moved);
    f.sel(adjust, moved, s)
}

/// f32 `mul_add` on widened operands: a·b is exact in f64, the sum is rounded to odd, and
/// rounding that to f32 (by the caller) is then the correctly rounded fused result.
pub(super) fn fma32(f: &mut Fx, a: H, b: H, c: H) -> H {
    let p = f.mul(a, b);
    let (s, e) = f.two_sum(p, c);
    let r = round_odd(f, s, e);
    let fin = finite(f, s);
    f.sel(fin, r, s)
}

/// The emulated fused sum of Boldo and Melquiond: a·b = uh + ul exactly (Dekker),
/// c + uh = th + tl exactly, then `(th, odd(tl + ul))`; `th + v` rounded to nearest is the
/// correctly rounded fma, rounded to odd it can be rounded once more without error.
pub(super) fn fma_parts(f: &mut Fx, a: H, b: H, c: H) -> (H, H) {
    let (uh, ul) = f.two_prod(a, b);
    let (th, tl) = f.two_sum(c, uh);
    let (v, ve) = f.two_sum(tl, ul);
    let v = round_odd(f, v, ve);
    (th, v)
}

/// f64 `mul_add`, correctly rounded. Dekker's product needs |a|, |b| < 2⁹⁹⁵, a product
/// well below the overflow threshold and one whose error term does not underflow, so: a huge
/// operand is rebalanced against the other (a·2⁻¹¹⁰, b·2¹¹⁰); a product beyond 2¹⁰⁰⁰ is
/// computed 2¹¹⁰ smaller (c too) and scaled back exactly; a product below 2⁻⁹⁰⁰ with a tiny
/// `c` is computed 2¹¹⁰ larger and scaled back, rounded to odd first when the result is
/// subnormal so that it rounds once.
pub(super) fn fma64(f: &mut Fx, a: H, b: H, c: H) -> H {
    const S: f64 = 1.298_074_214_633_706_9e33; // 2^110
    const INV_S: f64 = 7.703_719_777_548_943e-34; // 2^-110
    let aa = f.abs(a);
    let ab = f.abs(b);
    let ac = f.abs(c);
    let big_a = f.cmpc(B::GreaterEqual, aa, 2f64.powi(995));
    let big_b = f.cmpc(B::GreaterEqual, ab, 2f64.powi(995));
    let a_dn = f.mulc(a, INV_S);
    let b_up = f.mulc(b, S);
    let a1 = f.sel(big_a, a_dn, a);
    let b1 = f.sel(big_a, b_up, b);
    let b_dn = f.mulc(b1, INV_S);
    let a_up = f.mulc(a1, S);
    let a1 = f.sel(big_b, a_up, a1);
    let b1 = f.sel(big_b, b_dn, b1);

    let p = f.mul(a, b);
    let ap = f.abs(p);
    let huge = f.cmpc(B::GreaterEqual, ap, 2f64.powi(1000));
    let tiny_p = f.cmpc(B::Less, ap, 2f64.powi(-900));
    let tiny_c = f.cmpc(B::Less, ac, 2f64.powi(-800));
    let tiny = f.and(tiny_p, tiny_c);
    let not_tiny_c = f.not(tiny_c);
    // a tiny product next to a larger c cannot move it: c + p rounds right
    let far = f.and(tiny_p, not_tiny_c);
    let one = f.c(1.0);
    let factor = f.selc(tiny, S, one);
    let factor = f.selc(huge, INV_S, factor);
    let back_factor = f.selc(tiny, INV_S, one);
    let back_factor = f.selc(huge, S, back_factor);
    // scale the larger operand down, or the smaller one up
    let aa1 = f.abs(a1);
    let ab1 = f.abs(b1);
    let larger_a = f.cmp(B::GreaterEqual, aa1, ab1);
    let smaller_a = f.not(larger_a);
    let scale_a = f.sel(huge, larger_a, smaller_a);
    let a1f = f.mul(a1, factor);
    let b1f = f.mul(b1, factor);
    let a2 = f.sel(scale_a, a1f, a1);
    let b2 = f.sel(scale_a, b1, b1f);
    let c2 = f.mul(c, factor);
    let (th, v) = fma_parts(f, a2, b2, c2);
    let (r, re) = f.two_sum(th, v);
    let r_odd = round_odd(f, r, re);
    let ar = f.abs(r);
    let sub = f.cmpc(B::Less, ar, 2f64.powi(-1022 + 110));
    let odd_back = f.and(tiny, sub);
    let back = f.sel(odd_back, r_odd, r);
    let res = f.mul(back, back_factor);
    // c + a·b overflowed: the infinity is the answer (the error terms are NaN)
    let th_fin = finite(f, th);
    let th_back = f.mul(th, back_factor);
    let res = f.sel(th_fin, res, th_back);
    let plain = f.add(p, c);
    let r = f.sel(far, plain, res);
    // infinities and NaN: the plain expression, except a finite product (even one that
    // overflows) plus an infinite c is c
    let fa = finite(f, a);
    let fb = finite(f, b);
    let fc = finite(f, c);
    let ab_fin = f.and(fa, fb);
    let all = f.and(ab_fin, fc);
    let r = f.sel(all, r, plain);
    let c_inf = f.cmpc(B::Equal, ac, f64::INFINITY);
    let to_c = f.and(ab_fin, c_inf);
    let r = f.sel(to_c, c, r);
    // a zero factor: c + (±0) exactly as the plain sum does it
    let az = f.cmpc(B::Equal, aa, 0.0);
    let bz = f.cmpc(B::Equal, ab, 0.0);
    let factor_zero = f.or(az, bz);
    let exact_zero = f.and(factor_zero, all);
    f.sel(exact_zero, plain, r)
}

// ---- hypot, powi -----------------------------------------------------------------------

/// f64 hypot: scaled into a safe exponent range, x² + y² as a double-f64 sum, one Newton step.
pub(super) fn hypot(f: &mut Fx, x: H, y: H) -> H {
    let ax = f.abs(x);
    let ay = f.abs(y);
    let bigger = f.cmp(B::Greater, ax, ay);
    let h = f.sel(bigger, ax, ay);
    let l = f.sel(bigger, ay, ax);
    let huge = f.cmpc(B::Greater, h, 2f64.powi(500));
    let tiny = f.cmpc(B::Less, h, 2f64.powi(-500));
    let one = f.c(1.0);
    let s = f.selc(huge, 2f64.powi(-600), one);
    let s = f.selc(tiny, 2f64.powi(600), s);
    let hs = f.mul(h, s);
    let ls = f.mul(l, s);
    let (p, pe) = f.two_prod(hs, hs);
    let (q, qe) = f.two_prod(ls, ls);
    let (t, te) = f.two_sum(p, q);
    let e = f.add(pe, qe);
    let e = f.add(e, te);
    let r = f.m1(M::Sqrt, t);
    let (rr, rre) = f.two_prod(r, r);
    let d = f.sub(t, rr);
    let d = f.sub(d, rre);
    let d = f.add(d, e);
    let two_r = f.mulc(r, 2.0);
    let corr = f.div(d, two_r);
    let r2 = f.add(r, corr);
    let res = f.div(r2, s);
    // 0 when both are 0 (the Newton step divides by 0); inf if either is inf, even with NaN.
    let h0 = f.cmpc(B::Equal, h, 0.0);
    let res = f.selc(h0, 0.0, res);
    let xn = f.is_nan(x);
    let yn = f.is_nan(y);
    let any = f.or(xn, yn);
    let nan = f.nan();
    let res = f.sel(any, nan, res);
    let xi = f.cmpc(B::Equal, ax, f64::INFINITY);
    let yi = f.cmpc(B::Equal, ay, f64::INFINITY);
    let either = f.or(xi, yi);
    let inf = f.inf();
    f.sel(either, inf, res)
}

/// hypot of two widened f32s: their squares and sum are exact or rounded once in f64, far
/// below f32's precision, and nothing overflows.
pub(super) fn hypot32(f: &mut Fx, x: H, y: H) -> H {
    let xx = f.mul(x, x);
    let yy = f.mul(y, y);
    let s = f.add(xx, yy);
    let r = f.m1(M::Sqrt, s);
    let ax = f.abs(x);
    let ay = f.abs(y);
    let xi = f.cmpc(B::Equal, ax, f64::INFINITY);
    let yi = f.cmpc(B::Equal, ay, f64::INFINITY);
    let either = f.or(xi, yi);
    let inf = f.inf();
    f.sel(either, inf, r)
}

/// compiler-rt's `__powisf2`/`__powidf2`: `r *= a` for each set bit of |n| from the lowest,
/// squaring `a` in between, then `1/r` for negative n. Same operations in the same order as
/// the CPU, so the same bits.
pub(super) fn powi(f: &mut Fx, a: H, n: H, width: u8) -> H {
    let one = f.b.lit(if width == 8 {
        naga::Literal::F64(1.0)
    } else {
        naga::Literal::F32(1.0)
    });
    let sn = f.b.bitcast(n, ScalarKind::Sint);
    let zero_i = f.b.lit(naga::Literal::I32(0));
    let neg = f.b.bin(B::Less, sn, zero_i);
    let zero_u = f.b.u32(0);
    let minus = f.b.bin(B::Subtract, zero_u, n);
    let m = f.b.select(neg, minus, n);
    let mut r = one;
    let mut a = a;
    for i in 0..32u32 {
        let k = f.b.u32(i);
        let shifted = f.b.bin(B::ShiftRight, m, k);
        let bit1 = f.b.u32(1);
        let bit = f.b.bin(B::And, shifted, bit1);
        let set = f.b.bin(B::NotEqual, bit, zero_u);
        let ra = f.b.bin(B::Multiply, r, a);
        r = f.b.select(set, ra, r);
        if i < 31 {
            a = f.b.bin(B::Multiply, a, a);
        }
    }
    let inv = f.b.bin(B::Divide, one, r);
    f.b.select(neg, inv, r)
}
