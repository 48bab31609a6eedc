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
    BinaryOperator as B, Expression, Function, FunctionArgument, FunctionResult, GlobalVariable,
    Handle, Module, Scalar, ScalarKind, Span,
};

use super::builder::{scalar_type, IrBuilder};

mod exact;
mod explog;
mod fx;
mod inverse;
mod trig;

use exact::{fma32, fma64, hypot, hypot32, powi};
use explog::{cosh, exp, exp2, log_any, pow, sinh, tanh, LogBase};
use fx::{Fx, Tys, H};
use inverse::{acos, asin, atan, atan2};
use trig::{sin_cos_tan, two_over_pi, Trig};

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
