//! sin, cos, tan: argument reduction by π/2 (Cody-Waite, Payne-Hanek) and fdlibm's kernels.

use naga::{
    ArraySize, BinaryOperator as B, Constant, Expression, Handle, Literal, MathFunction as M,
    Module, Scalar, ScalarKind, Span, Type, TypeInner,
};

use super::super::builder::scalar_type;
use super::fx::*;
use super::inverse::{PIO2_HI, PIO2_LO};

/// 2/π in 32-bit words, most significant first, after one zero word (the integer part), so
/// that word `k + 1` holds bits `32k + 1 ..= 32k + 32` after the binary point. The 7-word
/// window of [`rem_pio2_large`] starts at most at word 31 (the largest f64 exponent).
pub(super) const TWO_OVER_PI: [u32; 40] = [
    0x00000000, 0xa2f9836e, 0x4e441529, 0xfc2757d1, 0xf534ddc0, 0xdb629599, 0x3c439041, 0xfe5163ab,
    0xdebbc561, 0xb7246e3a, 0x424dd2e0, 0x06492eea, 0x09d1921c, 0xfe1deb1c, 0xb129a73e, 0xe88235f5,
    0x2ebb4484, 0xe99c7026, 0xb45f7e41, 0x3991d639, 0x835339f4, 0x9c845f8b, 0xbdf9283b, 0x1ff897ff,
    0xde05980f, 0xef2f118b, 0x5a0a6d1f, 0x6d367ecf, 0x27cb09b7, 0x4f463f66, 0x9e5fea2d, 0x7527bac7,
    0xebe5f17b, 0x3d0739f7, 0x8a5292ea, 0x6bfb5fb1, 0x1f8d5d08, 0x56033046, 0xfc7b6bab, 0xf0cfbc20,
];

/// The module constant holding [`TWO_OVER_PI`] (created once, found by name).
pub(super) fn two_over_pi(module: &mut Module) -> (Handle<Constant>, Handle<Type>) {
    let u32t = scalar_type(&mut module.types, Scalar::U32);
    let len =
        std::num::NonZeroU32::new(TWO_OVER_PI.len() as u32).unwrap_or(std::num::NonZeroU32::MIN);
    let ty = module.types.insert(
        Type {
            name: None,
            inner: TypeInner::Array {
                base: u32t,
                size: ArraySize::Constant(len),
                stride: 4,
            },
        },
        Span::UNDEFINED,
    );
    if let Some((h, _)) = module
        .constants
        .iter()
        .find(|(_, c)| c.name.as_deref() == Some("TWO_OVER_PI"))
    {
        return (h, ty);
    }
    let components = TWO_OVER_PI
        .iter()
        .map(|w| {
            module
                .global_expressions
                .append(Expression::Literal(Literal::U32(*w)), Span::UNDEFINED)
        })
        .collect();
    let init = module
        .global_expressions
        .append(Expression::Compose { ty, components }, Span::UNDEFINED);
    let h = module.constants.append(
        Constant {
            name: Some("TWO_OVER_PI".into()),
            ty,
            init,
        },
        Span::UNDEFINED,
    );
    (h, ty)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Trig {
    Sin,
    Cos,
    Tan,
}

pub(super) const INV_PIO2: f64 = 6.366_197_723_675_813_824_33e-01;
pub(super) const PIO2_1: f64 = 1.570_796_326_734_125_614_17e+00;
pub(super) const PIO2_2: f64 = 6.077_100_506_303_965_976_60e-11;
pub(super) const PIO2_2T: f64 = 2.022_266_248_795_950_631_54e-21;
pub(super) const PIO2_3: f64 = 2.022_266_248_711_166_455_80e-21;
pub(super) const PIO2_3T: f64 = 8.478_427_660_368_899_569_97e-32;

/// x = n·π/2 + (y0 + y1): returns `(n mod 4 as u32, y0, y1)`. fdlibm's medium reduction,
/// and [`rem_pio2_large`] (in an `if`, so only threads with such arguments pay for it) from
/// |x| ≥ 2²⁰ on (the medium one is exact below 2²⁰·π/2).
pub(super) fn rem_pio2(f: &mut Fx, x: H) -> (H, H, H) {
    let (n, y0, y1) = rem_pio2_medium(f, x);
    let Some(table) = f.tys.table else {
        return (n, y0, y1);
    };
    let (u32t, f64t) = (f.tys.u32t, f.tys.f64t);
    let zu = f.b.u32(0);
    let zf = f.c(0.0);
    let nl = f.b.local("rp_n", u32t, Some(zu));
    let y0l = f.b.local("rp_y0", f64t, Some(zf));
    let y1l = f.b.local("rp_y1", f64t, Some(zf));
    f.b.store(nl, n);
    f.b.store(y0l, y0);
    f.b.store(y1l, y1);
    let ax = f.abs(x);
    let big = f.cmpc(B::GreaterEqual, ax, 1_048_576.0);
    let fin = finite(f, x);
    let big = f.and(big, fin);
    let (zero, tys) = (f.zero, f.tys);
    f.b.if_then(big, |b| {
        let mut g = Fx { b, zero, tys };
        let (n, y0, y1) = rem_pio2_large(&mut g, x, table);
        g.b.store(nl, n);
        g.b.store(y0l, y0);
        g.b.store(y1l, y1);
    });
    let n = f.b.load(nl);
    let y0 = f.b.load(y0l);
    let y1 = f.b.load(y1l);
    (n, y0, y1)
}

/// Payne and Hanek's reduction for |x| ≥ 2²⁰: x = m·2^(e−52) with a 53-bit integer m, so
/// x·2/π mod 4 needs only the bits of 2/π from about position e − 54 on. With t = (e − 20) mod
/// 32 and k = ⌊(e − 20)/32⌋ (or t + 32 and k − 1 when t < 2, so that the words left out weigh
/// multiples of 4), the product P = (m·2ᵗ)·W of the (at most 86-bit) m·2ᵗ and the 224-bit
/// window W = table words k ..= k+6 has its binary point at bit 224: bits 224–225 are n mod 4, bits
/// 96–223 the fraction (the window's truncation errs below 2⁻¹⁴⁰, far less than the ~2⁻⁶¹
/// cancellation of the worst f64 case needs). 32-bit limbs in u64 arithmetic.
pub(super) fn rem_pio2_large(
    f: &mut Fx,
    x: H,
    (tc, tty): (Handle<Constant>, Handle<Type>),
) -> (H, H, H) {
    let ax = f.abs(x);
    let u = f.bits(ax);
    let s52 = f.b.u32(52);
    let eb = f.b.bin(B::ShiftRight, u, s52);
    let eb = f.b.convert(eb, ScalarKind::Uint, 4);
    let bias = f.b.u32(1023 + 20);
    let e20 = f.b.bin(B::Subtract, eb, bias);
    let c31 = f.b.u32(31);
    let t = f.b.bin(B::And, e20, c31);
    let c5 = f.b.u32(5);
    let k = f.b.bin(B::ShiftRight, e20, c5);
    // the words before the window must weigh multiples of 4, which needs t >= 2: else one
    // word more (m·2^(t+32), up to 86 bits, still three limbs)
    let two = f.b.u32(2);
    let small_t = f.b.bin(B::Less, t, two);
    let one_u = f.b.u32(1);
    let k_pos = f.b.bin(B::GreaterEqual, k, one_u);
    let adj = f.b.bin(B::LogicalAnd, small_t, k_pos);
    let km = f.b.bin(B::Subtract, k, one_u);
    let k = f.b.select(adj, km, k);
    let c32 = f.b.u32(32);
    let tp = f.b.bin(B::Add, t, c32);
    let t = f.b.select(adj, tp, t);
    let mmask = f.b.u64(0x000f_ffff_ffff_ffff);
    let m = f.b.bin(B::And, u, mmask);
    let implicit = f.b.u64(1 << 52);
    let m = f.b.bin(B::InclusiveOr, m, implicit);
    // limbs of m·2^t
    let a = f.b.bin(B::ShiftLeft, m, t);
    let lo_mask = f.b.u64(0xffff_ffff);
    let l0 = f.b.bin(B::And, a, lo_mask);
    let s32 = f.b.u32(32);
    let l1 = f.b.bin(B::ShiftRight, a, s32);
    let c64 = f.b.u32(64);
    let rs = f.b.bin(B::Subtract, c64, t);
    let c63 = f.b.u32(63);
    let rs = f.b.bin(B::And, rs, c63);
    let top = f.b.bin(B::ShiftRight, m, rs);
    let zu = f.b.u32(0);
    let t0 = f.b.bin(B::Equal, t, zu);
    let z64 = f.b.u64(0);
    let l2 = f.b.select(t0, z64, top);
    let ls = [l0, l1, l2];
    // the window, least significant limb first
    let init = f.b.expr(Expression::Constant(tc));
    let tbl = f.b.local("two_over_pi", tty, Some(init));
    let mut ws = Vec::new();
    for i in (0..7u32).rev() {
        let off = f.b.u32(i);
        let idx = f.b.bin(B::Add, k, off);
        let p = f.b.access(tbl, idx);
        let w = f.b.load(p);
        ws.push(f.b.convert(w, ScalarKind::Uint, 8));
    }
    // schoolbook product, 32-bit limbs accumulated in u64
    let mut prods: Vec<Vec<(H, H)>> = vec![Vec::new(); 10];
    for (i, l) in ls.iter().enumerate() {
        for (j, w) in ws.iter().enumerate() {
            let p = f.b.bin(B::Multiply, *l, *w);
            let plo = f.b.bin(B::And, p, lo_mask);
            let phi = f.b.bin(B::ShiftRight, p, s32);
            prods[i + j].push((plo, phi));
        }
    }
    let mut limbs = Vec::new();
    let mut carry = z64;
    for tt in 0..10 {
        let mut acc = carry;
        for (plo, _) in &prods[tt] {
            acc = f.b.bin(B::Add, acc, *plo);
        }
        if tt > 0 {
            for (_, phi) in &prods[tt - 1] {
                acc = f.b.bin(B::Add, acc, *phi);
            }
        }
        limbs.push(f.b.bin(B::And, acc, lo_mask));
        carry = f.b.bin(B::ShiftRight, acc, s32);
    }
    let n = f.b.convert(limbs[7], ScalarKind::Uint, 4);
    let c3 = f.b.u32(3);
    let n = f.b.bin(B::And, n, c3);
    // the fraction as a sum of exact f64 pieces, moved to [-1/2, 1/2) (n rounds to nearest)
    let piece = |f: &mut Fx, l: H, scale: f64| {
        let v = f.b.convert(l, ScalarKind::Float, 8);
        f.mulc(v, scale)
    };
    let fa = piece(f, limbs[6], 2f64.powi(-32));
    let fb = piece(f, limbs[5], 2f64.powi(-64));
    let fc = piece(f, limbs[4], 2f64.powi(-96));
    let fd = piece(f, limbs[3], 2f64.powi(-128));
    let up = f.cmpc(B::GreaterEqual, fa, 0.5);
    let fa1 = f.addc(fa, -1.0);
    let fa = f.sel(up, fa1, fa);
    let one = f.b.u32(1);
    let n1 = f.b.bin(B::Add, n, one);
    let n = f.b.select(up, n1, n);
    let (h, e1) = f.two_sum(fa, fb);
    let cd = f.add(fc, fd);
    let l = f.add(e1, cd);
    // after cancellation h may be smaller than l: the general two-sum
    let (h, l) = f.two_sum(h, l);
    // times π/2 as a double-f64
    let pio2 = f.c(PIO2_HI);
    let (yh, ye) = f.two_prod(h, pio2);
    let hl = f.mulc(h, PIO2_LO);
    let lh = f.mulc(l, PIO2_HI);
    let yl = f.add(ye, hl);
    let yl = f.add(yl, lh);
    let (y0, y1) = f.fast_two_sum(yh, yl);
    // the sign of x
    let neg = f.cmpc(B::Less, x, 0.0);
    let ny0 = f.neg(y0);
    let ny1 = f.neg(y1);
    let y0 = f.sel(neg, ny0, y0);
    let y1 = f.sel(neg, ny1, y1);
    let c4 = f.b.u32(4);
    let nn = f.b.bin(B::Subtract, c4, n);
    let n = f.b.select(neg, nn, n);
    let n = f.b.bin(B::And, n, c3);
    (n, y0, y1)
}

/// fdlibm's medium case with all three refinements.
pub(super) fn rem_pio2_medium(f: &mut Fx, x: H) -> (H, H, H) {
    let t = f.mulc(x, INV_PIO2);
    let fnv = f.m1(M::Round, t);
    let a = f.mulc(fnv, PIO2_1);
    let r = f.sub(x, a);
    // fdlibm's second and third steps (it runs them only when cancellation needs them;
    // running them always only adds precision), which supersede its first tail term.
    let mut r = r;
    let mut w = f.c(0.0);
    for (c, ct) in [(PIO2_2, PIO2_2T), (PIO2_3, PIO2_3T)] {
        let t = r;
        let w1 = f.mulc(fnv, c);
        r = f.sub(t, w1);
        r = f.opaque(r);
        let d = f.sub(t, r);
        let d = f.sub(d, w1);
        let w2 = f.mulc(fnv, ct);
        w = f.sub(w2, d);
    }
    let y0 = f.sub(r, w);
    let y0 = f.opaque(y0);
    let d = f.sub(r, y0);
    let y1 = f.sub(d, w);
    // n mod 4, computed in floats (exact for |n| < 2⁵³)
    let q = f.mulc(fnv, 0.25);
    let fq = f.m1(M::Floor, q);
    let fq4 = f.mulc(fq, 4.0);
    let n4 = f.sub(fnv, fq4);
    let n = f.b.convert(n4, ScalarKind::Uint, 4);
    (n, y0, y1)
}

pub(super) fn k_sin(f: &mut Fx, x: H, y: H) -> H {
    const S1: f64 = -1.666_666_666_666_663_243_48e-01;
    const S2: f64 = 8.333_333_333_322_489_461_24e-03;
    const S3: f64 = -1.984_126_982_985_794_931_34e-04;
    const S4: f64 = 2.755_731_370_707_006_767_89e-06;
    const S5: f64 = -2.505_076_025_340_686_341_95e-08;
    const S6: f64 = 1.589_690_995_211_550_102_21e-10;
    let z = f.mul(x, x);
    let w = f.mul(z, z);
    let p1 = f.horner(z, &[S3, S4]);
    let zp1 = f.mul(z, p1);
    let r = f.addc(zp1, S2);
    let p2 = f.horner(z, &[S5, S6]);
    let zw = f.mul(z, w);
    let zwp = f.mul(zw, p2);
    let r = f.add(r, zwp);
    let v = f.mul(z, x);
    // x − ((z·(y/2 − v·r) − y) − v·S1)
    let hy = f.mulc(y, 0.5);
    let vr = f.mul(v, r);
    let a = f.sub(hy, vr);
    let a = f.mul(z, a);
    let a = f.sub(a, y);
    let vs = f.mulc(v, S1);
    let a = f.sub(a, vs);
    f.sub(x, a)
}

pub(super) fn k_cos(f: &mut Fx, x: H, y: H) -> H {
    const C1: f64 = 4.166_666_666_666_660_190_37e-02;
    const C2: f64 = -1.388_888_888_887_410_957_49e-03;
    const C3: f64 = 2.480_158_728_947_672_941_78e-05;
    const C4: f64 = -2.755_731_435_139_066_330_35e-07;
    const C5: f64 = 2.087_572_321_298_174_827_90e-09;
    const C6: f64 = -1.135_964_755_778_819_482_65e-11;
    let z = f.mul(x, x);
    let w = f.mul(z, z);
    let p1 = f.horner(z, &[C1, C2, C3]);
    let r1 = f.mul(z, p1);
    let p2 = f.horner(z, &[C4, C5, C6]);
    let ww = f.mul(w, w);
    let r2 = f.mul(ww, p2);
    let r = f.add(r1, r2);
    let hz = f.mulc(z, 0.5);
    let w = f.rsubc(1.0, hz);
    let w = f.opaque(w);
    // w + (((1 − w) − hz) + (z·r − x·y))
    let a = f.rsubc(1.0, w);
    let a = f.sub(a, hz);
    let zr = f.mul(z, r);
    let xy = f.mul(x, y);
    let b = f.sub(zr, xy);
    let a = f.add(a, b);
    f.add(w, a)
}

pub(super) fn sin_cos_tan(f: &mut Fx, x: H, which: Trig) -> H {
    let (n, y0, y1) = rem_pio2(f, x);
    let s = k_sin(f, y0, y1);
    let c = k_cos(f, y0, y1);
    let one = f.b.u32(1);
    let nb = f.b.bin(B::And, n, one);
    let zero_u = f.b.u32(0);
    let odd = f.b.bin(B::NotEqual, nb, zero_u);
    match which {
        Trig::Tan => {
            let sc = f.div(s, c);
            let cs = f.div(c, s);
            let ncs = f.neg(cs);
            f.sel(odd, ncs, sc)
        }
        Trig::Sin | Trig::Cos => {
            // sin: n = 0 → s, 1 → c, 2 → −s, 3 → −c; cos is sin shifted by one quadrant.
            let n = if which == Trig::Cos {
                let n1 = f.b.bin(B::Add, n, one);
                let three = f.b.u32(3);
                f.b.bin(B::And, n1, three)
            } else {
                n
            };
            let nb = f.b.bin(B::And, n, one);
            let odd = f.b.bin(B::NotEqual, nb, zero_u);
            let two = f.b.u32(2);
            let hb = f.b.bin(B::And, n, two);
            let negate = f.b.bin(B::NotEqual, hb, zero_u);
            let v = f.sel(odd, c, s);
            let nv = f.neg(v);
            f.sel(negate, nv, v)
        }
    }
}
