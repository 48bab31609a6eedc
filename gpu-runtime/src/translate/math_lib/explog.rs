//! exp, exp2, expm1, sinh, cosh, tanh; ln, log2, log10 (through a double-f64 log); pow.

use naga::{BinaryOperator as B, MathFunction as M, ScalarKind};

use super::fx::*;

pub(super) const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-01;
pub(super) const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
pub(super) const INV_LN2: f64 = 1.442_695_040_888_963_387_00e+00;

/// 1/n! for n = 0..=13: e^r on |r| ≤ ln2/2 to below 2⁻⁵⁸.
pub(super) fn exp_taylor() -> [f64; 14] {
    let mut c = [1.0; 14];
    let mut f = 1.0f64;
    for (n, v) in c.iter_mut().enumerate().skip(1) {
        f *= n as f64;
        *v = 1.0 / f;
    }
    c
}

/// e^(hi + lo) for a small correction `lo` (0 for plain exp). NaN propagates; beyond the
/// clamps the result is 0 or infinity.
pub(super) fn exp_dd(f: &mut Fx, hi: H, lo: H) -> H {
    let over = f.cmpc(B::Greater, hi, 1030.0 * LN2_HI);
    let under = f.cmpc(B::Less, hi, -1080.0 * LN2_HI);
    let clamped = f.or(over, under);
    let x = f.selc(over, 1030.0 * LN2_HI, hi);
    let x = f.selc(under, -1080.0 * LN2_HI, x);
    let lo = f.selc(clamped, 0.0, lo);
    let kx = f.mulc(x, INV_LN2);
    let k = f.m1(M::Round, kx);
    let r = reduce_ln2(f, x, k);
    let r = f.add(r, lo);
    let p = f.horner(r, &exp_taylor());
    f.scale(p, k)
}

/// `x − k·ln2` (k·LN2_HI is exact: LN2_HI has 32 significant bits and |k| < 2¹¹).
pub(super) fn reduce_ln2(f: &mut Fx, x: H, k: H) -> H {
    let a = f.mulc(k, LN2_HI);
    let r = f.sub(x, a);
    let b = f.mulc(k, LN2_LO);
    f.sub(r, b)
}

pub(super) fn exp(f: &mut Fx, x: H) -> H {
    let zero = f.c(0.0);
    exp_dd(f, x, zero)
}

pub(super) fn exp2(f: &mut Fx, x: H) -> H {
    let over = f.cmpc(B::Greater, x, 1030.0);
    let under = f.cmpc(B::Less, x, -1080.0);
    let x = f.selc(over, 1030.0, x);
    let x = f.selc(under, -1080.0, x);
    let k = f.m1(M::Round, x);
    let d = f.sub(x, k);
    // d·ln2 as a double-f64 product: its rounding error would otherwise be ~2⁻⁵⁴ absolute.
    let ln2 = f.c(LN2);
    let (r, e) = f.two_prod(d, ln2);
    let e2 = f.mulc(d, LN2_TAIL);
    let e = f.add(e, e2);
    let r = f.add(r, e);
    let p = f.horner(r, &exp_taylor());
    f.scale(p, k)
}

/// ln 2 rounded to f64, and what it misses.
pub(super) const LN2: f64 = std::f64::consts::LN_2;
pub(super) const LN2_TAIL: f64 = 2.319_046_813_846_299_6e-17;

/// e^x − 1 for x ≤ 700, accurate near 0 (−1 below −60).
pub(super) fn expm1(f: &mut Fx, x: H) -> H {
    let low = f.cmpc(B::Less, x, -60.0);
    let xc = f.selc(low, -60.0, x);
    let kx = f.mulc(xc, INV_LN2);
    let k = f.m1(M::Round, kx);
    let r = reduce_ln2(f, xc, k);
    // q = e^r − 1 = r·(1 + r/2 + r²/6 + ...)
    let c = exp_taylor();
    let inner = f.horner(r, &c[1..]);
    let q = f.mul(r, inner);
    let kk = f.cmpc(B::Greater, k, 1023.0);
    let k = f.selc(kk, 1023.0, k);
    let s = f.pow2(k);
    let sm1 = f.addc(s, -1.0);
    let t = f.mul(s, q);
    let r = f.add(t, sm1);
    f.selc(low, -1.0, r)
}

/// e^|x|/2 for large |x| without overflowing before the end: (e^(|x|/2)/2)·e^(|x|/2).
pub(super) fn half_exp_big(f: &mut Fx, a: H) -> H {
    let h = f.mulc(a, 0.5);
    let e = exp(f, h);
    let he = f.mulc(e, 0.5);
    f.mul(he, e)
}

pub(super) fn sinh(f: &mut Fx, x: H) -> H {
    let a = f.abs(x);
    let lim = f.c(22.0);
    let below = f_lt(f, a, 22.0);
    let am = f.sel(below, a, lim);
    let t = expm1(f, am);
    let t1 = f.addc(t, 1.0);
    let tt = f.mul(t, t);
    let q = f.div(tt, t1);
    let two_t = f.mulc(t, 2.0);
    let small = f.sub(two_t, q);
    let small = f.mulc(small, 0.5);
    let q2 = f.div(t, t1);
    let mid = f.add(t, q2);
    let mid = f.mulc(mid, 0.5);
    let big = half_exp_big(f, a);
    let is_small = f_lt(f, a, 1.0);
    let is_mid = f_lt(f, a, 22.0);
    let r = f.sel(is_mid, mid, big);
    let r = f.sel(is_small, small, r);
    f.copysign(r, x)
}

pub(super) fn cosh(f: &mut Fx, x: H) -> H {
    let a = f.abs(x);
    let is_small = f_lt(f, a, 0.5 * LN2);
    let is_mid = f_lt(f, a, 22.0);
    let lim = f.c(0.5 * LN2);
    let as_ = f.sel(is_small, a, lim);
    let t = expm1(f, as_);
    let w = f.addc(t, 1.0);
    let tt = f.mul(t, t);
    let ww = f.add(w, w);
    let q = f.div(tt, ww);
    let small = f.addc(q, 1.0);
    let lim22 = f.c(22.0);
    let am = f.sel(is_mid, a, lim22);
    let e = exp(f, am);
    let he = f.mulc(e, 0.5);
    let half = f.c(0.5);
    let ie = f.div(half, e);
    let mid = f.add(he, ie);
    let big = half_exp_big(f, a);
    let r = f.sel(is_mid, mid, big);
    f.sel(is_small, small, r)
}

pub(super) fn tanh(f: &mut Fx, x: H) -> H {
    let a = f.abs(x);
    let is_small = f_lt(f, a, 1.0);
    let is_mid = f_lt(f, a, 22.0);
    let lim = f.c(22.0);
    let am = f.sel(is_mid, a, lim);
    // 1 <= |x| < 22: 1 − 2/(e^(2|x|) + 1)
    let two_a = f.mulc(am, 2.0);
    let t = expm1(f, two_a);
    let t2 = f.addc(t, 2.0);
    let two = f.c(2.0);
    let q = f.div(two, t2);
    let mid = f.rsubc(1.0, q);
    // |x| < 1: −t/(t + 2) with t = e^(−2|x|) − 1
    let m2a = f.mulc(am, -2.0);
    let ts = expm1(f, m2a);
    let ts2 = f.addc(ts, 2.0);
    let nts = f.neg(ts);
    let small = f.div(nts, ts2);
    let one = f.c(1.0);
    let r = f.sel(is_mid, mid, one);
    let r = f.sel(is_small, small, r);
    let r = f.copysign(r, x);
    let nan = f.is_nan(x);
    f.sel(nan, x, r)
}

// ---- logarithms ------------------------------------------------------------------------

/// log(x) for finite x > 0 as `k·ln2 + hi + lo` with `hi + lo` = log(m) to about 2⁻⁶³,
/// m = x/2ᵏ in [√2/2, √2). Returns `(k, hi, lo)`.
pub(super) fn log_parts(f: &mut Fx, x: H) -> (H, H, H) {
    let sub = f.cmpc(B::Less, x, f64::MIN_POSITIVE);
    let big = f.mulc(x, (2.0f64).powi(54));
    let xs = f.sel(sub, big, x);
    let zero = f.c(0.0);
    let kadj = f.selc(sub, -54.0, zero);
    let u = f.bits(xs);
    let off = f.b.u64(0x3ff0_0000_0000_0000 - 0x3fe6_a09e_667f_3bcd);
    let i = f.b.bin(B::Add, u, off);
    let s52 = f.b.u32(52);
    let ie = f.b.bin(B::ShiftRight, i, s52);
    let ke = f.b.convert(ie, ScalarKind::Float, 8);
    let k = f.addc(ke, -1023.0);
    let k = f.add(k, kadj);
    let mmask = f.b.u64(0x000f_ffff_ffff_ffff);
    let mb = f.b.bin(B::And, i, mmask);
    let base = f.b.u64(0x3fe6_a09e_667f_3bcd);
    let mb = f.b.bin(B::Add, mb, base);
    let m = f.float_of(mb);
    let fm = f.addc(m, -1.0);
    // s = f/(2+f) with its rounding error: 2+f as an exact sum uh + ul.
    let uh = f.addc(fm, 2.0);
    let uh = f.opaque(uh);
    let two_minus = f.rsubc(2.0, uh);
    let ul = f.add(two_minus, fm);
    let s = f.div(fm, uh);
    let (p, pe) = f.two_prod(s, uh);
    let r1 = f.sub(fm, p);
    let r1 = f.sub(r1, pe);
    let sul = f.mul(s, ul);
    let num = f.sub(r1, sul);
    let s_lo = f.div(num, uh);
    let z = f.mul(s, s);
    let coeffs: Vec<f64> = (1..=11).map(|n| 2.0 / (2 * n + 1) as f64).collect();
    let t = f.horner(z, &coeffs);
    let t = f.mul(z, t);
    let tail = f.mul(s, t);
    // the series at s + s_lo: its s³ term moves by 2z·s_lo (measured: a third of the error)
    let zs = f.mul(z, s_lo);
    let zs2 = f.mulc(zs, 2.0);
    let tail = f.add(tail, zs2);
    let hi = f.mulc(s, 2.0);
    let lo2 = f.mulc(s_lo, 2.0);
    let lo = f.add(lo2, tail);
    // renormalised, so that `lo` is below an ulp of `hi` (callers scale it less precisely)
    let (hi, lo) = f.fast_two_sum(hi, lo);
    (k, hi, lo)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LogBase {
    E,
    Two,
    Ten,
}

pub(super) const IVLN2_HI: f64 = 1.442_695_040_721_446_275_71e+00;
pub(super) const IVLN2_LO: f64 = 1.675_171_316_488_651_183_53e-10;
pub(super) const IVLN10_HI: f64 = 4.342_944_818_781_688_809_39e-01;
pub(super) const IVLN10_LO: f64 = 2.508_294_671_164_527_522_98e-11;
pub(super) const LOG10_2_HI: f64 = 3.010_299_956_636_117_713_06e-01;
pub(super) const LOG10_2_LO: f64 = 3.694_239_077_158_930_786_16e-13;

pub(super) fn log_any(f: &mut Fx, x: H, base: LogBase) -> H {
    let (k, hi, lo) = log_parts(f, x);
    let r = match base {
        LogBase::E => {
            let a = f.mulc(k, LN2_HI);
            let (s, e) = f.two_sum(a, hi);
            let kl = f.mulc(k, LN2_LO);
            let t = f.add(e, lo);
            let t = f.add(t, kl);
            f.add(s, t)
        }
        LogBase::Two | LogBase::Ten => {
            let (ih, il) = if base == LogBase::Two {
                (IVLN2_HI, IVLN2_LO)
            } else {
                (IVLN10_HI, IVLN10_LO)
            };
            // (hi + lo)·(ih + il) as p + q.
            let ihc = f.c(ih);
            let (p, pe) = f.two_prod(hi, ihc);
            let hil = f.mulc(hi, il);
            let loh = f.mulc(lo, ih);
            let q = f.add(pe, hil);
            let q = f.add(q, loh);
            let (a, a_lo) = if base == LogBase::Two {
                let z = f.c(0.0);
                (k, z)
            } else {
                (f.mulc(k, LOG10_2_HI), f.mulc(k, LOG10_2_LO))
            };
            let (s, e) = f.two_sum(a, p);
            let t = f.add(e, q);
            let t = f.add(t, a_lo);
            f.add(s, t)
        }
    };
    // Special cases: log(±0) = −inf, log(x < 0) = NaN, log(+inf) = +inf, NaN stays.
    let zero = f.cmpc(B::Equal, x, 0.0);
    let neg = f.cmpc(B::Less, x, 0.0);
    let inf = f.cmpc(B::Equal, x, f64::INFINITY);
    let pinf = f.inf();
    let ninf = f.neg(pinf);
    let nan = f.nan();
    let r = f.sel(inf, pinf, r);
    let r = f.sel(neg, nan, r);
    let r = f.sel(zero, ninf, r);
    let isn = f.is_nan(x);
    f.sel(isn, x, r)
}

/// C99/IEEE `pow` (what Rust's `powf` is), special cases included.
pub(super) fn pow(f: &mut Fx, x: H, y: H) -> H {
    let ax = f.abs(x);
    let (k, hi, lo) = log_parts(f, ax);
    // log|x| = lh + ll
    let a = f.mulc(k, LN2_HI);
    let (lh, e) = f.two_sum(a, hi);
    let kl = f.mulc(k, LN2_LO);
    let ll = f.add(e, lo);
    let ll = f.add(ll, kl);
    let (lh, ll) = f.fast_two_sum(lh, ll);
    let (p, pe) = f.two_prod(y, lh);
    let yl = f.mul(y, ll);
    let plo = f.add(pe, yl);
    // exp_dd reduces by `p` alone: the tail must stay far below ln2/2
    let (p, plo) = f.fast_two_sum(p, plo);
    let general = exp_dd(f, p, plo);

    // y's parity: integral, and odd (|y| < 2⁵³).
    let fy = f.m1(M::Floor, y);
    let y_int = f.cmp(B::Equal, fy, y);
    let hy = f.mulc(y, 0.5);
    let fhy = f.m1(M::Floor, hy);
    let half_int = f.cmp(B::Equal, fhy, hy);
    let not_half = f.not(half_int);
    let ay = f.abs(y);
    let small_y = f_lt(f, ay, 9_007_199_254_740_992.0);
    let odd = f.and(y_int, not_half);
    let odd = f.and(odd, small_y);

    let y_neg = f_lt(f, y, 0.0);
    let pinf = f.inf();
    let zero = f.c(0.0);
    // |x| = 0 or inf
    let x_zero = f.cmpc(B::Equal, ax, 0.0);
    let x_inf = f.cmpc(B::Equal, ax, f64::INFINITY);
    let at_zero = f.sel(y_neg, pinf, zero);
    let at_inf = f.sel(y_neg, zero, pinf);
    let mag = f.sel(x_inf, at_inf, general);
    let mag = f.sel(x_zero, at_zero, mag);
    // y = ±inf
    // |y| >= 2^900 (Dekker's product would overflow): as for infinite y, |x|^y is 0, 1 or inf
    let y_inf = f.cmpc(B::GreaterEqual, ay, 2f64.powi(900));
    let ax_lt1 = f_lt(f, ax, 1.0);
    let ax_one = f.cmpc(B::Equal, ax, 1.0);
    let both = f.and(ax_lt1, y_neg);
    let ax_ge1 = f.not(ax_lt1);
    let y_pos = f.not(y_neg);
    let neither = f.and(ax_ge1, y_pos);
    let grows = f.or(both, neither);
    let at_yinf = f.sel(grows, pinf, zero);
    let one = f.c(1.0);
    let at_yinf = f.sel(ax_one, one, at_yinf);
    let mag = f.sel(y_inf, at_yinf, mag);
    // sign: a negative x (or −0) to an odd integer power
    let ux = f.bits(x);
    let s63 = f.b.u32(63);
    let sx = f.b.bin(B::ShiftRight, ux, s63);
    let one_u = f.b.u64(1);
    let x_signed = f.b.bin(B::Equal, sx, one_u);
    let flip = f.and(x_signed, odd);
    let nmag = f.neg(mag);
    let r = f.sel(flip, nmag, mag);
    // finite x < 0 to a finite non-integer power: NaN
    let x_neg = f_lt(f, x, 0.0);
    let x_fin = f.not(x_inf);
    let y_fin = finite(f, y);
    let not_int = f.not(y_int);
    let bad = f.and(x_neg, x_fin);
    let bad = f.and(bad, y_fin);
    let bad = f.and(bad, not_int);
    let nan = f.nan();
    let r = f.sel(bad, nan, r);
    let xn = f.is_nan(x);
    let yn = f.is_nan(y);
    let any_nan = f.or(xn, yn);
    let r = f.sel(any_nan, nan, r);
    // pow(x, ±0) = 1 and pow(1, y) = 1, even for NaN
    let y0 = f.cmpc(B::Equal, y, 0.0);
    let x1 = f.cmpc(B::Equal, x, 1.0);
    let unit = f.or(y0, x1);
    f.sel(unit, one, r)
}
