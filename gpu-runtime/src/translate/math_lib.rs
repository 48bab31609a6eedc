//! Software f64 math: the transcendental functions of [`math`](super::math) as generated naga
//! helper functions, in f64 arithmetic only (add, multiply, divide, `sqrt`, `floor`, `round`,
//! bit operations; never GLSL `Fma`, which Vulkan does not require to be fused and lavapipe's
//! f64 one is not), because SPIR-V's GLSL.std.450 `Sin`, `Exp`, `Log`, `Pow`, ... accept only
//! 16- and 32-bit floats, and their 32-bit precision on Vulkan is loose (`sin`: 2⁻¹¹ absolute
//! on [-π, π]; `exp`: 3 + 2·|x| ulp).
//!
//! # Contract
//!
//! [`helper`] returns (creating on first use, found by name afterwards) a naga function
//! `math_<name>_<f32|f64>` of one, two or three floats (`powi`: a float and an i32) returning
//! one. The f32 variants (but `powi`) widen their arguments to f64, run the same code and round
//! the result once, so they need `SHADER_F64` (and every helper `SHADER_INT64`, for the bit
//! manipulation). Every helper is straight-line code (selects; no loops, nothing for a
//! driver's loop limit to cut; no traps), except one `if` around the large-argument reduction
//! of sin/cos/tan. Each reads one word of the `params` binding to build a zero the shader
//! compiler cannot see through ([`Fx::opaque`]): Mesa's NIR would otherwise rewrite the
//! error-free sums this code relies on.
//!
//! # Algorithms and precision (measured: docs/CONFORMANCE.md, "GPU math")
//!
//! - `sin`, `cos`, `tan`: fdlibm's (musl's) argument reduction by π/2 in three Cody-Waite steps
//!   (exact while |x| < 2²⁰·π/2), Payne and Hanek's with a 224-bit window of 2/π above 2²⁰,
//!   then fdlibm's `__kernel_sin`/`__kernel_cos`; `tan` is their quotient.
//! - `asin`, `acos`, `atan`, `atan2`: fdlibm's rational and polynomial approximations with all
//!   branches evaluated and selected.
//! - `exp`, `exp2`, `pow`, `sinh`, `cosh`, `tanh`: reduction by ln 2, Taylor polynomial of
//!   degree 13 on |r| ≤ ln2/2, scaling by 2ᵏ in two steps (so subnormal results round once);
//!   `expm1` keeps the reduction's `2ᵏ·q + (2ᵏ − 1)` form for small results.
//! - `ln`, `log2`, `log10`: x = 2ᵏ·m with m in [√2/2, √2), log(m) = 2·atanh(f/(2+f)) in
//!   double-f64 (the quotient's rounding error is carried; the series' tail, about 1% of the
//!   result, is plain f64), so `pow` gets log(x) to about 2⁻⁶¹ relative and y·log(x) as an
//!   exact product (Dekker's splitting): pow is within ~3 ulps where |y·ln x| nears 700.
//! - `fma` (`mul_add`): f32 through an exact f64 product and a sum rounded to odd, then to f32
//!   (correctly rounded); f64 by Boldo and Melquiond's emulation (exact product, exact sum,
//!   round-to-odd tail), correctly rounded, with rescaling where Dekker's product would
//!   overflow or underflow (see [`fma64`]).
//! - `hypot`: scaled, x² + y² as a double-f64 sum, one Newton step on its square root.
//! - `powi`: the repeated squaring of compiler-rt's `__powidf2` (what Rust's `powi` calls),
//!   unrolled over the 32 exponent bits: bit-exact with the CPU.

// The fdlibm constants keep their published decimal digits (more than f64 holds) so they can
// be compared with the source; INV_LN2 is fdlibm's, equal to LOG2_E.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use naga::{
    ArraySize, BinaryOperator as B, Constant, Expression, Function, FunctionArgument,
    FunctionResult, GlobalVariable, Handle, Literal, MathFunction as M, Module, Scalar, ScalarKind,
    Span, Type, TypeInner, UnaryOperator as U,
};

use super::builder::{scalar_type, IrBuilder};

type H = Handle<Expression>;

/// A function of the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibFn {
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Tanh,
    Exp,
    Exp2,
    Ln,
    Log2,
    Log10,
    Pow,
    Hypot,
    /// `mul_add`, one rounding.
    Fma,
    /// `(x, n: i32)`: the exponent is a `u32` argument (wasm's i32).
    Powi,
}

impl LibFn {
    fn name(self) -> &'static str {
        match self {
            LibFn::Sin => "sin",
            LibFn::Cos => "cos",
            LibFn::Tan => "tan",
            LibFn::Asin => "asin",
            LibFn::Acos => "acos",
            LibFn::Atan => "atan",
            LibFn::Atan2 => "atan2",
            LibFn::Sinh => "sinh",
            LibFn::Cosh => "cosh",
            LibFn::Tanh => "tanh",
            LibFn::Exp => "exp",
            LibFn::Exp2 => "exp2",
            LibFn::Ln => "ln",
            LibFn::Log2 => "log2",
            LibFn::Log10 => "log10",
            LibFn::Pow => "pow",
            LibFn::Hypot => "hypot",
            LibFn::Powi => "powi",
            LibFn::Fma => "fma",
        }
    }

    fn arity(self) -> usize {
        match self {
            LibFn::Atan2 | LibFn::Pow | LibFn::Hypot | LibFn::Powi => 2,
            LibFn::Fma => 3,
            _ => 1,
        }
    }
}

/// The helper for `fun` on floats of `width` bytes (4 or 8), created on first use.
///
/// `params` is the params binding: the helper reads a word of it to build a zero that the
/// shader compiler cannot see is zero (see [`Fx::opaque`]).
pub fn helper(
    module: &mut Module,
    fun: LibFn,
    width: u8,
    params: Handle<GlobalVariable>,
) -> Handle<Function> {
    let name = format!("math_{}_f{}", fun.name(), u32::from(width) * 8);
    if let Some((h, _)) = module
        .functions
        .iter()
        .find(|(_, f)| f.name.as_deref() == Some(name.as_str()))
    {
        return h;
    }
    let ft = scalar_type(&mut module.types, Scalar::float(width));
    let u32t = scalar_type(&mut module.types, Scalar::U32);
    let arguments = (0..fun.arity())
        .map(|i| FunctionArgument {
            name: Some(format!("a{i}")),
            ty: if fun == LibFn::Powi && i == 1 {
                u32t
            } else {
                ft
            },
            binding: None,
        })
        .collect();
    let mut b = IrBuilder::new(Function {
        name: Some(name),
        arguments,
        result: Some(FunctionResult {
            ty: ft,
            binding: None,
        }),
        ..Function::default()
    });
    let args: Vec<H> = (0..fun.arity() as u32)
        .map(|i| b.expr(Expression::FunctionArgument(i)))
        .collect();
    // SLOT_COUNT is at most 2^16, so its bit 31 is 0; the compiler cannot know that.
    let g = b.expr(Expression::GlobalVariable(params));
    let i = b.u32(super::abi::params::SLOT_COUNT);
    let p = b.access(g, i);
    let w = b.load(p);
    let s31 = b.u32(31);
    let z = b.bin(B::ShiftRight, w, s31);
    let zero = b.convert(z, ScalarKind::Uint, 8);
    let table = matches!(fun, LibFn::Sin | LibFn::Cos | LibFn::Tan).then(|| two_over_pi(module));
    let tys = Tys {
        f64t: scalar_type(&mut module.types, Scalar::F64),
        u32t,
        table,
    };
    let mut f = Fx {
        b: &mut b,
        zero,
        tys,
    };
    let r = if fun == LibFn::Powi {
        // In the guest's own precision: the CPU's powi rounds every product to it.
        powi(&mut f, args[0], args[1], width)
    } else {
        let wide: Vec<H> = if width == 8 {
            args
        } else {
            args.iter()
                .map(|a| f.b.convert(*a, ScalarKind::Float, 8))
                .collect()
        };
        let r = match fun {
            LibFn::Sin => sin_cos_tan(&mut f, wide[0], Trig::Sin),
            LibFn::Cos => sin_cos_tan(&mut f, wide[0], Trig::Cos),
            LibFn::Tan => sin_cos_tan(&mut f, wide[0], Trig::Tan),
            LibFn::Asin => asin(&mut f, wide[0]),
            LibFn::Acos => acos(&mut f, wide[0]),
            LibFn::Atan => atan(&mut f, wide[0]),
            LibFn::Atan2 => atan2(&mut f, wide[0], wide[1]),
            LibFn::Sinh => sinh(&mut f, wide[0]),
            LibFn::Cosh => cosh(&mut f, wide[0]),
            LibFn::Tanh => tanh(&mut f, wide[0]),
            LibFn::Exp => exp(&mut f, wide[0]),
            LibFn::Exp2 => exp2(&mut f, wide[0]),
            LibFn::Ln => log_any(&mut f, wide[0], LogBase::E),
            LibFn::Log2 => log_any(&mut f, wide[0], LogBase::Two),
            LibFn::Log10 => log_any(&mut f, wide[0], LogBase::Ten),
            LibFn::Pow => pow(&mut f, wide[0], wide[1]),
            LibFn::Hypot if width == 4 => hypot32(&mut f, wide[0], wide[1]),
            LibFn::Hypot => hypot(&mut f, wide[0], wide[1]),
            LibFn::Fma if width == 4 => fma32(&mut f, wide[0], wide[1], wide[2]),
            LibFn::Fma => fma64(&mut f, wide[0], wide[1], wide[2]),
            LibFn::Powi => wide[0],
        };
        if width == 8 {
            r
        } else {
            f.b.convert(r, ScalarKind::Float, 4)
        }
    };
    b.ret(Some(r));
    module.functions.append(b.finish(), Span::UNDEFINED)
}

// ---- expression helpers -------------------------------------------------------------------

/// f64 expression building over an [`IrBuilder`].
struct Fx<'a> {
    b: &'a mut IrBuilder,
    /// A u64 zero the compiler cannot prove is zero.
    zero: H,
    tys: Tys,
}

/// Types and constants the helpers' locals need.
#[derive(Clone, Copy)]
struct Tys {
    f64t: Handle<Type>,
    u32t: Handle<Type>,
    /// [`TWO_OVER_PI`] as a module constant, and its array type (trig helpers only).
    table: Option<(Handle<Constant>, Handle<Type>)>,
}

/// 2/π in 32-bit words, most significant first, after one zero word (the integer part), so
/// that word `k + 1` holds bits `32k + 1 ..= 32k + 32` after the binary point. The 7-word
/// window of [`rem_pio2_large`] starts at most at word 31 (the largest f64 exponent).
const TWO_OVER_PI: [u32; 40] = [
    0x00000000, 0xa2f9836e, 0x4e441529, 0xfc2757d1, 0xf534ddc0, 0xdb629599, 0x3c439041, 0xfe5163ab,
    0xdebbc561, 0xb7246e3a, 0x424dd2e0, 0x06492eea, 0x09d1921c, 0xfe1deb1c, 0xb129a73e, 0xe88235f5,
    0x2ebb4484, 0xe99c7026, 0xb45f7e41, 0x3991d639, 0x835339f4, 0x9c845f8b, 0xbdf9283b, 0x1ff897ff,
    0xde05980f, 0xef2f118b, 0x5a0a6d1f, 0x6d367ecf, 0x27cb09b7, 0x4f463f66, 0x9e5fea2d, 0x7527bac7,
    0xebe5f17b, 0x3d0739f7, 0x8a5292ea, 0x6bfb5fb1, 0x1f8d5d08, 0x56033046, 0xfc7b6bab, 0xf0cfbc20,
];

/// The module constant holding [`TWO_OVER_PI`] (created once, found by name).
fn two_over_pi(module: &mut Module) -> (Handle<Constant>, Handle<Type>) {
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

impl Fx<'_> {
    /// `x`, hidden from the shader compiler's algebra. Mesa's NIR rewrites `-a + (a + b)` to
    /// `b` on floats (an "inexact" optimisation it applies unless SPIR-V says `NoContraction`,
    /// which naga never emits), which zeroes every error term of two-sum style arithmetic;
    /// a sum or-ed with an opaque zero no longer matches its patterns.
    fn opaque(&mut self, x: H) -> H {
        let u = self.bits(x);
        let v = self.b.bin(B::InclusiveOr, u, self.zero);
        self.float_of(v)
    }
    fn c(&mut self, v: f64) -> H {
        self.b.f64_bits(v.to_bits())
    }
    fn add(&mut self, a: H, b: H) -> H {
        self.b.bin(B::Add, a, b)
    }
    fn sub(&mut self, a: H, b: H) -> H {
        self.b.bin(B::Subtract, a, b)
    }
    fn mul(&mut self, a: H, b: H) -> H {
        self.b.bin(B::Multiply, a, b)
    }
    fn div(&mut self, a: H, b: H) -> H {
        self.b.bin(B::Divide, a, b)
    }
    fn addc(&mut self, a: H, v: f64) -> H {
        let c = self.c(v);
        self.add(a, c)
    }
    fn mulc(&mut self, a: H, v: f64) -> H {
        let c = self.c(v);
        self.mul(a, c)
    }
    /// `v - a`.
    fn rsubc(&mut self, v: f64, a: H) -> H {
        let c = self.c(v);
        self.sub(c, a)
    }
    fn neg(&mut self, a: H) -> H {
        self.b.un(U::Negate, a)
    }
    fn m1(&mut self, fun: M, a: H) -> H {
        self.b.math1(fun, a)
    }
    fn abs(&mut self, a: H) -> H {
        let u = self.bits(a);
        let m = self.b.u64(!(1u64 << 63));
        let v = self.b.bin(B::And, u, m);
        self.float_of(v)
    }
    /// `|a|` with the sign of `s`.
    fn copysign(&mut self, a: H, s: H) -> H {
        let ua = self.bits(a);
        let us = self.bits(s);
        let m = self.b.u64(!(1u64 << 63));
        let sm = self.b.u64(1u64 << 63);
        let mag = self.b.bin(B::And, ua, m);
        let sign = self.b.bin(B::And, us, sm);
        let r = self.b.bin(B::InclusiveOr, mag, sign);
        self.float_of(r)
    }
    fn cmp(&mut self, op: B, a: H, b: H) -> H {
        self.b.bin(op, a, b)
    }
    fn cmpc(&mut self, op: B, a: H, v: f64) -> H {
        let c = self.c(v);
        self.b.bin(op, a, c)
    }
    fn and(&mut self, a: H, b: H) -> H {
        self.b.bin(B::LogicalAnd, a, b)
    }
    fn or(&mut self, a: H, b: H) -> H {
        self.b.bin(B::LogicalOr, a, b)
    }
    fn not(&mut self, a: H) -> H {
        self.b.un(U::LogicalNot, a)
    }
    fn sel(&mut self, c: H, a: H, b: H) -> H {
        self.b.select(c, a, b)
    }
    fn selc(&mut self, c: H, v: f64, b: H) -> H {
        let a = self.c(v);
        self.b.select(c, a, b)
    }
    fn is_nan(&mut self, a: H) -> H {
        let eq = self.b.bin(B::Equal, a, a);
        self.not(eq)
    }
    fn bits(&mut self, a: H) -> H {
        self.b.bitcast(a, ScalarKind::Uint)
    }
    fn float_of(&mut self, u: H) -> H {
        self.b.bitcast(u, ScalarKind::Float)
    }
    fn nan(&mut self) -> H {
        self.b.f64_bits(0x7ff8_0000_0000_0000)
    }
    fn inf(&mut self) -> H {
        self.b.f64_bits(f64::INFINITY.to_bits())
    }
    /// `c[0] + x·(c[1] + x·(c[2] + ...))`.
    fn horner(&mut self, x: H, coeffs: &[f64]) -> H {
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
    fn pow2(&mut self, k: H) -> H {
        let e = self.addc(k, 1023.0);
        let e = self.b.convert(e, ScalarKind::Uint, 8);
        let s = self.b.u32(52);
        let u = self.b.bin(B::ShiftLeft, e, s);
        self.float_of(u)
    }
    /// `p·2ᵏ` for an integral `k` in [-1080, 1030], rounded once.
    fn scale(&mut self, p: H, k: H) -> H {
        let h = self.mulc(k, 0.5);
        let k1 = self.m1(M::Floor, h);
        let k2 = self.sub(k, k1);
        let s1 = self.pow2(k1);
        let s2 = self.pow2(k2);
        let t = self.mul(p, s1);
        self.mul(t, s2)
    }
    /// Error-free `a + b = s + e`.
    fn two_sum(&mut self, a: H, b: H) -> (H, H) {
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
    fn fast_two_sum(&mut self, a: H, b: H) -> (H, H) {
        let s = self.add(a, b);
        let s = self.opaque(s);
        let d = self.sub(s, a);
        let e = self.sub(b, d);
        (s, e)
    }
    /// Veltkamp's split of `a` into 26-bit halves `hi + lo` (|a| < 2⁹⁹⁶).
    fn split(&mut self, a: H) -> (H, H) {
        let c = self.mulc(a, 134_217_729.0);
        let c = self.opaque(c);
        let d = self.sub(c, a);
        let hi = self.sub(c, d);
        let lo = self.sub(a, hi);
        (hi, lo)
    }
    /// Error-free `a·b = p + e` (Dekker). Not through `fma`: Vulkan does not require it to be
    /// fused, and lavapipe's f64 `fma` is not.
    fn two_prod(&mut self, a: H, b: H) -> (H, H) {
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

// ---- exp family ------------------------------------------------------------------------

const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-01;
const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
const INV_LN2: f64 = 1.442_695_040_888_963_387_00e+00;

/// 1/n! for n = 0..=13: e^r on |r| ≤ ln2/2 to below 2⁻⁵⁸.
fn exp_taylor() -> [f64; 14] {
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
fn exp_dd(f: &mut Fx, hi: H, lo: H) -> H {
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
fn reduce_ln2(f: &mut Fx, x: H, k: H) -> H {
    let a = f.mulc(k, LN2_HI);
    let r = f.sub(x, a);
    let b = f.mulc(k, LN2_LO);
    f.sub(r, b)
}

fn exp(f: &mut Fx, x: H) -> H {
    let zero = f.c(0.0);
    exp_dd(f, x, zero)
}

fn exp2(f: &mut Fx, x: H) -> H {
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
const LN2: f64 = std::f64::consts::LN_2;
const LN2_TAIL: f64 = 2.319_046_813_846_299_6e-17;

/// e^x − 1 for x ≤ 700, accurate near 0 (−1 below −60).
fn expm1(f: &mut Fx, x: H) -> H {
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
fn half_exp_big(f: &mut Fx, a: H) -> H {
    let h = f.mulc(a, 0.5);
    let e = exp(f, h);
    let he = f.mulc(e, 0.5);
    f.mul(he, e)
}

fn sinh(f: &mut Fx, x: H) -> H {
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

fn f_lt(f: &mut Fx, a: H, v: f64) -> H {
    f.cmpc(B::Less, a, v)
}

fn cosh(f: &mut Fx, x: H) -> H {
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

fn tanh(f: &mut Fx, x: H) -> H {
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
fn log_parts(f: &mut Fx, x: H) -> (H, H, H) {
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
enum LogBase {
    E,
    Two,
    Ten,
}

const IVLN2_HI: f64 = 1.442_695_040_721_446_275_71e+00;
const IVLN2_LO: f64 = 1.675_171_316_488_651_183_53e-10;
const IVLN10_HI: f64 = 4.342_944_818_781_688_809_39e-01;
const IVLN10_LO: f64 = 2.508_294_671_164_527_522_98e-11;
const LOG10_2_HI: f64 = 3.010_299_956_636_117_713_06e-01;
const LOG10_2_LO: f64 = 3.694_239_077_158_930_786_16e-13;

fn log_any(f: &mut Fx, x: H, base: LogBase) -> H {
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
fn pow(f: &mut Fx, x: H, y: H) -> H {
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

// ---- trigonometry ----------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trig {
    Sin,
    Cos,
    Tan,
}

const INV_PIO2: f64 = 6.366_197_723_675_813_824_33e-01;
const PIO2_1: f64 = 1.570_796_326_734_125_614_17e+00;
const PIO2_2: f64 = 6.077_100_506_303_965_976_60e-11;
const PIO2_2T: f64 = 2.022_266_248_795_950_631_54e-21;
const PIO2_3: f64 = 2.022_266_248_711_166_455_80e-21;
const PIO2_3T: f64 = 8.478_427_660_368_899_569_97e-32;

/// x = n·π/2 + (y0 + y1): returns `(n mod 4 as u32, y0, y1)`. fdlibm's medium reduction,
/// and [`rem_pio2_large`] (in an `if`, so only threads with such arguments pay for it) from
/// |x| ≥ 2²⁰ on (the medium one is exact below 2²⁰·π/2).
fn rem_pio2(f: &mut Fx, x: H) -> (H, H, H) {
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
fn rem_pio2_large(f: &mut Fx, x: H, (tc, tty): (Handle<Constant>, Handle<Type>)) -> (H, H, H) {
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
fn rem_pio2_medium(f: &mut Fx, x: H) -> (H, H, H) {
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

fn k_sin(f: &mut Fx, x: H, y: H) -> H {
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

fn k_cos(f: &mut Fx, x: H, y: H) -> H {
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

fn sin_cos_tan(f: &mut Fx, x: H, which: Trig) -> H {
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

const PIO2_HI: f64 = 1.570_796_326_794_896_558_00e+00;
const PIO2_LO: f64 = 6.123_233_995_736_766_035_87e-17;

/// fdlibm's R(z) = (asin(x) − x)/x³ with z = x².
fn asin_r(f: &mut Fx, z: H) -> H {
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
fn high_part(f: &mut Fx, s: H) -> H {
    let u = f.bits(s);
    let m = f.b.u64(0xffff_ffff_0000_0000);
    let v = f.b.bin(B::And, u, m);
    f.float_of(v)
}

fn asin(f: &mut Fx, x: H) -> H {
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

fn acos(f: &mut Fx, x: H) -> H {
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

fn atan(f: &mut Fx, x: H) -> H {
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

fn atan2(f: &mut Fx, y: H, x: H) -> H {
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

// ---- fma ---------------------------------------------------------------------------------

/// `s` rounded to odd given the exact rest `e` of a sum: when `e ≠ 0` and `s` is even, the
/// neighbour of `s` on `e`'s side (which is odd).
fn round_odd(f: &mut Fx, s: H, e: H) -> H {
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
fn fma32(f: &mut Fx, a: H, b: H, c: H) -> H {
    let p = f.mul(a, b);
    let (s, e) = f.two_sum(p, c);
    let r = round_odd(f, s, e);
    let fin = finite(f, s);
    f.sel(fin, r, s)
}

fn finite(f: &mut Fx, x: H) -> H {
    let a = f.abs(x);
    f.cmpc(B::Less, a, f64::INFINITY)
}

/// The emulated fused sum of Boldo and Melquiond: a·b = uh + ul exactly (Dekker),
/// c + uh = th + tl exactly, then `(th, odd(tl + ul))`; `th + v` rounded to nearest is the
/// correctly rounded fma, rounded to odd it can be rounded once more without error.
fn fma_parts(f: &mut Fx, a: H, b: H, c: H) -> (H, H) {
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
fn fma64(f: &mut Fx, a: H, b: H, c: H) -> H {
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
fn hypot(f: &mut Fx, x: H, y: H) -> H {
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
fn hypot32(f: &mut Fx, x: H, y: H) -> H {
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
fn powi(f: &mut Fx, a: H, n: H, width: u8) -> H {
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
