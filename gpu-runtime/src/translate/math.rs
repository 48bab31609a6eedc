//! GPU math: f32 and f64 functions a guest imports, lowered to naga math instead of calls.
//!
//! # Contract
//!
//! An imported function is a math intrinsic when its module, name and signature match
//! [`MathOp::lookup`]:
//!
//! - module `gpu` (what gpu-std's `prelude` calls): the C names — `sin` is f64, `sinf` is f32 —
//!   of sin, cos, tan, asin, acos, atan, atan2, sinh, cosh, tanh, exp, exp2, log (ln), log2,
//!   log10, pow, sqrt, floor, ceil, round, trunc, fabs, fma (mul_add), hypot, fmin, fmax, plus
//!   `powi`/`powif` `(x, i32)`, `fract`/`fractf` and `clamp`/`clampf` `(x, min, max)`;
//! - module `env`, the libm imports a C or std build may leave unresolved: the same C names
//!   (not `fract`, `clamp`, `powi`), and compiler-rt's `__powisf2`/`__powidf2` for powi;
//! - calls to *defined* functions with those names and signatures in the name section (the libm
//!   that Rust's std builds link into the module, see [`MathOp::defined`]): the call becomes the
//!   same GPU math and the function itself is not translated unless something else reaches it.
//!
//! The semantics are Rust's (= C's for the libm names): `round` halves away from zero,
//! `fract(x) = x − trunc(x)`, `fmin`/`fmax` return the other operand when one is NaN, `clamp`
//! is `if x < min {min} else if x > max {max} else {x}` (Rust's assert `min <= max` is the
//! caller's: gpu-std checks it), `fabs` only clears the sign bit, `powi` repeats compiler-rt's
//! squaring order, `fma` is one rounding.
//!
//! # Lowering
//!
//! Exact operations are inline naga expressions (`Sqrt`, `Floor`, `Ceil`, `Trunc`, `Fma`, bit
//! and select sequences). The transcendental functions and `hypot`/`powi` are calls to helper
//! functions from `math_lib/`: software f64 code, used for f32 too (computed in
//! f64, rounded once), because the drivers' own f32 `sin`/`exp`/`log` are far less precise than
//! the CPU's libm and SPIR-V has no f64 versions at all.

use naga::{BinaryOperator as B, Expression, Handle, MathFunction as M, ScalarKind};

use super::abi::ValType;
use super::env::{ModuleEnv, Signature};
use super::func::FuncTranslator;
use super::math_lib::{self, LibFn};

type H = Handle<Expression>;

/// How the f32 functions that have no exact naga operation (the transcendental ones, `hypot`)
/// are computed. f64 ones are always software, and `mul_add` is always exact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MathMode {
    /// Software f64, rounded once to f32: within 1–2 ulps of glibc. Needs `SHADER_F64` and
    /// `SHADER_INT64`.
    #[default]
    Accurate,
    /// The driver's own f32 functions (GLSL.std.450 `Sin`, `Exp`, `Pow`, ... through naga): no
    /// f64 needed (Metal, GPUs with slow f64), but only Vulkan's precision guarantee (`sin`:
    /// 2⁻¹¹ absolute on [-π, π]; `exp`: 3 + 2·|x| ulps; `pow` undefined for x < 0) and the
    /// driver's special cases. Measured on lavapipe: docs/CONFORMANCE.md, "GPU math".
    Native,
}

/// A math function (either float width).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MathFn {
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
    Powf,
    Powi,
    Sqrt,
    Floor,
    Ceil,
    Round,
    Trunc,
    Fract,
    Abs,
    MulAdd,
    Hypot,
    Min,
    Max,
    Clamp,
}

/// A math intrinsic: the function and its float type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MathOp {
    pub fun: MathFn,
    /// `F32` or `F64`.
    pub ty: ValType,
}

/// `(function, f64 name in module gpu, also a libm name in module env)`; the f32 name adds `f`.
const NAMES: &[(MathFn, &str, bool)] = &[
    (MathFn::Sin, "sin", true),
    (MathFn::Cos, "cos", true),
    (MathFn::Tan, "tan", true),
    (MathFn::Asin, "asin", true),
    (MathFn::Acos, "acos", true),
    (MathFn::Atan, "atan", true),
    (MathFn::Atan2, "atan2", true),
    (MathFn::Sinh, "sinh", true),
    (MathFn::Cosh, "cosh", true),
    (MathFn::Tanh, "tanh", true),
    (MathFn::Exp, "exp", true),
    (MathFn::Exp2, "exp2", true),
    (MathFn::Ln, "log", true),
    (MathFn::Log2, "log2", true),
    (MathFn::Log10, "log10", true),
    (MathFn::Powf, "pow", true),
    (MathFn::Powi, "powi", false),
    (MathFn::Sqrt, "sqrt", true),
    (MathFn::Floor, "floor", true),
    (MathFn::Ceil, "ceil", true),
    (MathFn::Round, "round", true),
    (MathFn::Trunc, "trunc", true),
    (MathFn::Fract, "fract", false),
    (MathFn::Abs, "fabs", true),
    (MathFn::MulAdd, "fma", true),
    (MathFn::Hypot, "hypot", true),
    (MathFn::Min, "fmin", true),
    (MathFn::Max, "fmax", true),
    (MathFn::Clamp, "clamp", false),
];

impl MathFn {
    /// The parameter types for floats of type `t`.
    fn params(self, t: ValType) -> Vec<ValType> {
        match self {
            MathFn::Atan2 | MathFn::Powf | MathFn::Hypot | MathFn::Min | MathFn::Max => {
                vec![t, t]
            }
            MathFn::Powi => vec![t, ValType::I32],
            MathFn::MulAdd | MathFn::Clamp => vec![t, t, t],
            _ => vec![t],
        }
    }
}

impl MathOp {
    /// The math intrinsic an import stands for, when its name and signature match one.
    pub fn lookup(module: &str, name: &str, sig: Option<&Signature>) -> Option<MathOp> {
        let (fun, ty) = match module {
            super::intrinsics::MODULE => by_name(name, false)?,
            "env" => match name {
                "__powisf2" => (MathFn::Powi, ValType::F32),
                "__powidf2" => (MathFn::Powi, ValType::F64),
                _ => by_name(name, true)?,
            },
            _ => return None,
        };
        let sig = sig?;
        (sig.params == fun.params(ty) && sig.results == [ty]).then_some(MathOp { fun, ty })
    }

    /// The math op a call to *defined* function `index` can be replaced by: a function that the
    /// name section calls by a libm name (`sin`, `powf`, `__powidf2`, ...) with that name's
    /// signature. Rust's std builds link libm into the module (compiler-builtins' port on
    /// `wasm32-unknown-unknown`, wasi-libc's on `wasm32-wasip1`): their `x.sin()` is a call to
    /// such a function, which becomes GPU math instead of translated libm code.
    pub fn defined(env: &ModuleEnv<'_>, index: u32) -> Option<MathOp> {
        if index < env.num_imported_funcs() {
            return None;
        }
        let name = env.names.get(&index)?;
        MathOp::lookup("env", name, env.func_sig(index))
    }

    /// The import names of this op in module `gpu` (for documentation and tests).
    pub fn gpu_name(self) -> String {
        let base = NAMES
            .iter()
            .find(|(f, _, _)| *f == self.fun)
            .map(|(_, n, _)| *n)
            .unwrap_or_default();
        if self.ty == ValType::F32 {
            format!("{base}f")
        } else {
            base.to_string()
        }
    }

    /// Every op, f32 and f64.
    pub fn all() -> impl Iterator<Item = MathOp> {
        NAMES.iter().flat_map(|(fun, _, _)| {
            [ValType::F32, ValType::F64]
                .into_iter()
                .map(move |ty| MathOp { fun: *fun, ty })
        })
    }

    /// The wasm signature of the import.
    pub fn signature(self) -> Signature {
        Signature {
            params: self.fun.params(self.ty),
            results: vec![self.ty],
        }
    }
}

/// `sin` → (Sin, F64), `sinf` → (Sin, F32); `libm_only` skips the names libm lacks.
fn by_name(name: &str, libm_only: bool) -> Option<(MathFn, ValType)> {
    NAMES
        .iter()
        .filter(|(_, _, libm)| *libm || !libm_only)
        .find_map(|(fun, base, _)| {
            if name == *base {
                Some((*fun, ValType::F64))
            } else if name.strip_suffix('f') == Some(*base) {
                Some((*fun, ValType::F32))
            } else {
                None
            }
        })
}

impl FuncTranslator<'_, '_> {
    /// Pops the arguments of `op`, pushes its result.
    pub(crate) fn math_call(&mut self, op: MathOp) {
        let n = op.fun.params(op.ty).len();
        let args: Vec<H> = self.pop_n(n).into_iter().map(|(h, _)| h).collect();
        let width = if op.ty == ValType::F64 { 8 } else { 4 };
        let lib = |fun| Some(fun);
        let libfn = match op.fun {
            MathFn::Sin => lib(LibFn::Sin),
            MathFn::Cos => lib(LibFn::Cos),
            MathFn::Tan => lib(LibFn::Tan),
            MathFn::Asin => lib(LibFn::Asin),
            MathFn::Acos => lib(LibFn::Acos),
            MathFn::Atan => lib(LibFn::Atan),
            MathFn::Atan2 => lib(LibFn::Atan2),
            MathFn::Sinh => lib(LibFn::Sinh),
            MathFn::Cosh => lib(LibFn::Cosh),
            MathFn::Tanh => lib(LibFn::Tanh),
            MathFn::Exp => lib(LibFn::Exp),
            MathFn::Exp2 => lib(LibFn::Exp2),
            MathFn::Ln => lib(LibFn::Ln),
            MathFn::Log2 => lib(LibFn::Log2),
            MathFn::Log10 => lib(LibFn::Log10),
            MathFn::Powf => lib(LibFn::Pow),
            MathFn::Hypot => lib(LibFn::Hypot),
            MathFn::Powi => lib(LibFn::Powi),
            MathFn::MulAdd => lib(LibFn::Fma),
            _ => None,
        };
        let native = op.ty == ValType::F32 && self.rt.math_mode == MathMode::Native;
        let r = match libfn {
            Some(_) if native && op.fun != MathFn::Powi && op.fun != MathFn::MulAdd => {
                self.native_math(op.fun, &args)
            }
            Some(fun) => {
                let h = math_lib::helper(self.module, fun, width, self.rt.params);
                match self.b.call(h, args, true) {
                    Some(r) => r,
                    None => return,
                }
            }
            None => self.inline_math(op, &args),
        };
        self.push(r, op.ty);
    }

    fn inline_math(&mut self, op: MathOp, a: &[H]) -> H {
        let x = a[0];
        match op.fun {
            MathFn::Sqrt => self.b.math1(M::Sqrt, x),
            MathFn::Floor => self.b.math1(M::Floor, x),
            MathFn::Ceil => self.b.math1(M::Ceil, x),
            MathFn::Trunc => self.b.math1(M::Trunc, x),
            MathFn::Abs => {
                let mask = self.sign_mask(op.ty);
                let not = self.b.un(naga::UnaryOperator::BitwiseNot, mask);
                let u = self.b.bitcast(x, ScalarKind::Uint);
                let v = self.b.bin(B::And, u, not);
                self.b.bitcast(v, ScalarKind::Float)
            }
            MathFn::Round => {
                // Half away from zero: x − trunc(x) is exact, so compare it with ½.
                let t = self.b.math1(M::Trunc, x);
                let d = self.b.bin(B::Subtract, x, t);
                let ad = self.b.math1(M::Abs, d);
                let half = self.math_lit(op.ty, 0.5);
                let away = self.b.bin(B::GreaterEqual, ad, half);
                let one = self.math_lit(op.ty, 1.0);
                let minus_one = self.math_lit(op.ty, -1.0);
                let zero = self.math_lit(op.ty, 0.0);
                let neg = self.b.bin(B::Less, x, zero);
                let step = self.b.select(neg, minus_one, one);
                let moved = self.b.bin(B::Add, t, step);
                self.b.select(away, moved, t)
            }
            MathFn::Fract => {
                let t = self.b.math1(M::Trunc, x);
                self.b.bin(B::Subtract, x, t)
            }
            MathFn::Min | MathFn::Max => {
                let y = a[1];
                let op_ = if op.fun == MathFn::Min {
                    B::Less
                } else {
                    B::Greater
                };
                let pick_x = self.b.bin(op_, x, y);
                let r = self.b.select(pick_x, x, y);
                // NaN loses: an ordered comparison with NaN is false, so fix both orders.
                let x_nan = self.is_nan(x);
                let y_nan = self.is_nan(y);
                let r = self.b.select(y_nan, x, r);
                self.b.select(x_nan, y, r)
            }
            MathFn::Clamp => {
                let (lo, hi) = (a[1], a[2]);
                let below = self.b.bin(B::Less, x, lo);
                let r = self.b.select(below, lo, x);
                let above = self.b.bin(B::Greater, r, hi);
                self.b.select(above, hi, r)
            }
            // Helpers (see `math_call`); not reached.
            _ => x,
        }
    }

    /// `MathMode::Native`: the driver's f32 functions.
    fn native_math(&mut self, fun: MathFn, a: &[H]) -> H {
        let x = a[0];
        let m2 = |t: &mut Self, f: M, y: H| {
            t.b.expr(Expression::Math {
                fun: f,
                arg: x,
                arg1: Some(y),
                arg2: None,
                arg3: None,
            })
        };
        match fun {
            MathFn::Sin => self.b.math1(M::Sin, x),
            MathFn::Cos => self.b.math1(M::Cos, x),
            MathFn::Tan => self.b.math1(M::Tan, x),
            MathFn::Asin => self.b.math1(M::Asin, x),
            MathFn::Acos => self.b.math1(M::Acos, x),
            MathFn::Atan => self.b.math1(M::Atan, x),
            MathFn::Sinh => self.b.math1(M::Sinh, x),
            MathFn::Cosh => self.b.math1(M::Cosh, x),
            MathFn::Tanh => self.b.math1(M::Tanh, x),
            MathFn::Exp => self.b.math1(M::Exp, x),
            MathFn::Exp2 => self.b.math1(M::Exp2, x),
            MathFn::Ln => self.b.math1(M::Log, x),
            MathFn::Log2 => self.b.math1(M::Log2, x),
            MathFn::Log10 => {
                let l = self.b.math1(M::Log2, x);
                let c = self.b.f32_bits(std::f32::consts::LOG10_2.to_bits());
                self.b.bin(B::Multiply, l, c)
            }
            MathFn::Atan2 => m2(self, M::Atan2, a[1]),
            MathFn::Powf => m2(self, M::Pow, a[1]),
            MathFn::Hypot => {
                // m·sqrt(1 + (n/m)²) with m = max(|x|, |y|): no overflow; 0 for (0, 0)
                let ax = self.b.math1(M::Abs, x);
                let ay = self.b.math1(M::Abs, a[1]);
                let bigger = self.b.bin(B::Greater, ax, ay);
                let m = self.b.select(bigger, ax, ay);
                let n = self.b.select(bigger, ay, ax);
                let q = self.b.bin(B::Divide, n, m);
                let qq = self.b.bin(B::Multiply, q, q);
                let one = self.math_lit(ValType::F32, 1.0);
                let s = self.b.bin(B::Add, one, qq);
                let r = self.b.math1(M::Sqrt, s);
                let r = self.b.bin(B::Multiply, m, r);
                let zero = self.math_lit(ValType::F32, 0.0);
                let m0 = self.b.bin(B::Equal, m, zero);
                let r = self.b.select(m0, zero, r);
                let inf = self.b.f32_bits(f32::INFINITY.to_bits());
                let m_inf = self.b.bin(B::Equal, m, inf);
                self.b.select(m_inf, inf, r)
            }
            _ => x,
        }
    }

    fn sign_mask(&mut self, t: ValType) -> H {
        if t == ValType::F64 {
            self.b.u64(1 << 63)
        } else {
            self.b.u32(1 << 31)
        }
    }

    fn math_lit(&mut self, t: ValType, v: f64) -> H {
        if t == ValType::F64 {
            self.b.f64_bits(v.to_bits())
        } else {
            self.b.f32_bits((v as f32).to_bits())
        }
    }
}
