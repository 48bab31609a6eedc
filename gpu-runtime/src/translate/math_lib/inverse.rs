//! asin, acos, atan, atan2: fdlibm's approximations, every branch evaluated and selected.

use naga::{BinaryOperator as B, MathFunction as M};

use super::fx::*;

pub(super) const PIO2_HI: f64 = 1.570_796_326_794_896_558_00e+00;
pub(super) const PIO2_LO: f64 = 6.123_233_995_736_766_035_87e-17;

/// fdlibm's R(z) = (asin(x) − x)/x³ with z = x².
pub(super) fn asin_r(f: &mut Fx, z: H) -> H {
    const PS: [f64; 6] = [
        1.666_666_666_666_666_574_15e-01,
        -3.255_658_186_224_009_154_05e-01,
        2.012_125_321_348_629_258_81e-01,
        -4.005_553_450_067_941_140_27e-02,
        7.915_349_942_898_145_321_76e-04,
        3.479_331_075_960_211_675_70e-05,
    ];
    const QS: [f64; 5] = [
        1.0,
        -2.403_394_911_734_414_218_78e+00,
        2.020_945_760_233_505_694_71e+00,
        -6.882_839_716_054_532_930_30e-01,
        7.703_815_055_590_193_527_91e-02,
    ];
    let p = f.horner(z, &PS);
    let p = f.mul(z, p);
    let q = f.horner(z, &QS);
    f.div(p, q)
}

/// s with its low 32 bits cleared.
pub(super) fn high_part(f: &mut Fx, s: H) -> H {
    let u = f.bits(s);
    let m = f.b.u64(0xffff_ffff_0000_0000);
    let v = f.b.bin(B::And, u, m);
    f.float_of(v)
}

pub(super) fn asin(f: &mut Fx, x: H) -> H {
    let ax = f.abs(x);
    // |x| < 0.5
    let xx = f.mul(x, x);
    let r = asin_r(f, xx);
    let xr = f.mul(x, r);
    let small = f.add(x, xr);
    // 0.5 <= |x| < 1
    let om = f.rsubc(1.0, ax);
    let z = f.mulc(om, 0.5);
    let s = f.m1(M::Sqrt, z);
    let r = asin_r(f, z);
    // |x| >= 0.975: pio2_hi − (2·(s + s·r) − pio2_lo)
    let sr = f.mul(s, r);
    let t = f.add(s, sr);
    let t = f.mulc(t, 2.0);
    let t = f.addc(t, -PIO2_LO);
    let near1 = f.rsubc(PIO2_HI, t);
    // else: 0.5·pio2_hi − (2·s·r − (pio2_lo − 2c) − (0.5·pio2_hi − 2f))
    let fh = high_part(f, s);
    let ff = f.mul(fh, fh);
    let num = f.sub(z, ff);
    let den = f.add(s, fh);
    let c = f.div(num, den);
    let two_sr = f.mulc(sr, 2.0);
    let two_c = f.mulc(c, 2.0);
    let a = f.rsubc(PIO2_LO, two_c);
    let b = f.sub(two_sr, a);
    let two_f = f.mulc(fh, 2.0);
    let d = f.rsubc(0.5 * PIO2_HI, two_f);
    let b = f.sub(b, d);
    let mid = f.rsubc(0.5 * PIO2_HI, b);
    let ge975 = f.cmpc(B::GreaterEqual, ax, 0.975);
    let big = f.sel(ge975, near1, mid);
    let big = f.copysign(big, x);
    let lt_half = f_lt(f, ax, 0.5);
    let r = f.sel(lt_half, small, big);
    // |x| = 1: ±π/2; |x| > 1: NaN (NaN stays NaN through the comparisons' false arm)
    let one = f.cmpc(B::Equal, ax, 1.0);
    let pio2 = f.c(PIO2_HI);
    let spio2 = f.copysign(pio2, x);
    let r = f.sel(one, spio2, r);
    let gt1 = f.cmpc(B::Greater, ax, 1.0);
    let nan = f.nan();
    let r = f.sel(gt1, nan, r);
    let isn = f.is_nan(x);
    f.sel(isn, x, r)
}

pub(super) fn acos(f: &mut Fx, x: H) -> H {
    let ax = f.abs(x);
    // |x| < 0.5: pio2_hi − (x − (pio2_lo − x·R(x²)))
    let xx = f.mul(x, x);
    let r = asin_r(f, xx);
    let xr = f.mul(x, r);
    let a = f.rsubc(PIO2_LO, xr);
    let a = f.sub(x, a);
    let small = f.rsubc(PIO2_HI, a);
    // x < −0.5: 2·(pio2_hi − (s + (R(z)·s − pio2_lo))), z = (1 + x)/2
    let op = f.addc(x, 1.0);
    let zn = f.mulc(op, 0.5);
    let sn = f.m1(M::Sqrt, zn);
    let rn = asin_r(f, zn);
    let w = f.mul(rn, sn);
    let w = f.addc(w, -PIO2_LO);
    let t = f.add(sn, w);
    let t = f.rsubc(PIO2_HI, t);
    let negative = f.mulc(t, 2.0);
    // x > 0.5: 2·(df + (R(z)·s + c)), z = (1 − x)/2
    let om = f.rsubc(1.0, x);
    let zp = f.mulc(om, 0.5);
    let sp = f.m1(M::Sqrt, zp);
    let df = high_part(f, sp);
    let dd = f.mul(df, df);
    let num = f.sub(zp, dd);
    let den = f.add(sp, df);
    let c = f.div(num, den);
    let rp = asin_r(f, zp);
    let w = f.mul(rp, sp);
    let w = f.add(w, c);
    let t = f.add(df, w);
    let positive = f.mulc(t, 2.0);
    let lt_half = f_lt(f, ax, 0.5);
    let neg = f_lt(f, x, 0.0);
    let big = f.sel(neg, negative, positive);
    let r = f.sel(lt_half, small, big);
    let is1 = f.cmpc(B::Equal, x, 1.0);
    let r = f.selc(is1, 0.0, r);
    let ism1 = f.cmpc(B::Equal, x, -1.0);
    let r = f.selc(ism1, 2.0 * PIO2_HI, r);
    let gt1 = f.cmpc(B::Greater, ax, 1.0);
    let nan = f.nan();
    let r = f.sel(gt1, nan, r);
    let isn = f.is_nan(x);
    f.sel(isn, x, r)
}

pub(super) fn atan(f: &mut Fx, x: H) -> H {
    const ATANHI: [f64; 4] = [
        4.636_476_090_008_060_935_15e-01,
        7.853_981_633_974_482_789_99e-01,
        9.827_937_232_473_290_540_82e-01,
        1.570_796_326_794_896_558_00e+00,
    ];
    const ATANLO: [f64; 4] = [
        2.269_877_745_296_168_709_24e-17,
        3.061_616_997_868_383_017_93e-17,
        1.390_331_103_123_099_845_16e-17,
        6.123_233_995_736_766_035_87e-17,
    ];
    const AT_EVEN: [f64; 6] = [
        3.333_333_333_333_293_180_27e-01,
        1.428_571_427_250_346_637_11e-01,
        9.090_887_133_436_506_561_96e-02,
        6.661_073_137_387_531_206_69e-02,
        4.976_877_994_615_932_360_17e-02,
        1.628_582_011_536_578_236_23e-02,
    ];
    const AT_ODD: [f64; 5] = [
        -1.999_999_999_987_648_324_76e-01,
        -1.111_111_040_546_235_578_80e-01,
        -7.691_876_205_044_829_994_95e-02,
        -5.833_570_133_790_573_486_45e-02,
        -3.653_157_274_421_691_552_70e-02,
    ];
    let ax = f.abs(x);
    let lt_7_16 = f_lt(f, ax, 0.4375);
    let lt_11_16 = f_lt(f, ax, 0.6875);
    let lt_19_16 = f_lt(f, ax, 1.1875);
    let lt_39_16 = f_lt(f, ax, 2.4375);
    // the reduced argument of each range
    let two_x = f.mulc(ax, 2.0);
    let n0 = f.addc(two_x, -1.0);
    let d0 = f.addc(ax, 2.0);
    let t0 = f.div(n0, d0);
    let n1 = f.addc(ax, -1.0);
    let d1 = f.addc(ax, 1.0);
    let t1 = f.div(n1, d1);
    let n2 = f.addc(ax, -1.5);
    let d2 = f.mulc(ax, 1.5);
    let d2 = f.addc(d2, 1.0);
    let t2 = f.div(n2, d2);
    let m1 = f.c(-1.0);
    let t3 = f.div(m1, ax);
    let t = f.sel(lt_39_16, t2, t3);
    let t = f.sel(lt_19_16, t1, t);
    let t = f.sel(lt_11_16, t0, t);
    let t = f.sel(lt_7_16, x, t);
    let pick = |f: &mut Fx, v: [f64; 4]| {
        let a = f.c(v[2]);
        let b = f.c(v[3]);
        let r = f.sel(lt_39_16, a, b);
        let r = f.selc(lt_19_16, v[1], r);
        f.selc(lt_11_16, v[0], r)
    };
    let hi = pick(f, ATANHI);
    let lo = pick(f, ATANLO);
    let z = f.mul(t, t);
    let w = f.mul(z, z);
    let s1 = f.horner(w, &AT_EVEN);
    let s1 = f.mul(z, s1);
    let s2 = f.horner(w, &AT_ODD);
    let s2 = f.mul(w, s2);
    let s = f.add(s1, s2);
    let ts = f.mul(t, s);
    let small = f.sub(t, ts);
    // hi − ((t·s − lo) − t)
    let a = f.sub(ts, lo);
    let a = f.sub(a, t);
    let big = f.sub(hi, a);
    let big = f.copysign(big, x);
    let r = f.sel(lt_7_16, small, big);
    let isn = f.is_nan(x);
    f.sel(isn, x, r)
}

pub(super) fn atan2(f: &mut Fx, y: H, x: H) -> H {
    const PI: f64 = 3.141_592_653_589_793_116_0e+00;
    const PI_LO: f64 = 1.224_646_799_147_353_207_2e-16;
    let ax = f.abs(x);
    let ay = f.abs(y);
    let q = f.div(ay, ax);
    let z = atan(f, q);
    // x < 0 (or −0): π − (z − pi_lo)
    let zl = f.addc(z, -PI_LO);
    let left = f.rsubc(PI, zl);
    let ux = f.bits(x);
    let s63 = f.b.u32(63);
    let sx = f.b.bin(B::ShiftRight, ux, s63);
    let one_u = f.b.u64(1);
    let x_neg = f.b.bin(B::Equal, sx, one_u);
    let r = f.sel(x_neg, left, z);
    // both infinite: π/4 or 3π/4
    let xi = f.cmpc(B::Equal, ax, f64::INFINITY);
    let yi = f.cmpc(B::Equal, ay, f64::INFINITY);
    let both = f.and(xi, yi);
    let q1 = f.c(0.25 * PI);
    let q3 = f.c(0.75 * PI);
    let corner = f.sel(x_neg, q3, q1);
    let r = f.sel(both, corner, r);
    // y = 0: 0 or π; x = 0 (y ≠ 0): π/2 (0/0 and inf/inf are NaN quotients above)
    let y0 = f.cmpc(B::Equal, ay, 0.0);
    let x0 = f.cmpc(B::Equal, ax, 0.0);
    let pi = f.c(PI);
    let zero = f.c(0.0);
    let on_axis = f.sel(x_neg, pi, zero);
    let r = f.selc(x0, PIO2_HI, r);
    let r = f.sel(y0, on_axis, r);
    let r = f.copysign(r, y);
    let xn = f.is_nan(x);
    let yn = f.is_nan(y);
    let any = f.or(xn, yn);
    let nan = f.nan();
    f.sel(any, nan, r)
}
