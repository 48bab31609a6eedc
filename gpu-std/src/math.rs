//! Float math for guests: `use gpu_std::prelude::*;` gives `f32` and `f64` the methods of
//! [`FloatMath`] (`x.sin()`, `x.powi(3)`, `x.mul_add(a, b)`, ...), which `core` lacks.
//!
//! On wasm32 every method is one import from the module `gpu` (`gpu.sinf` for `f32`, `gpu.sin`
//! for `f64`, the C names: docs/ABI.md, "Math"), which the translator lowers to GPU code with
//! the precision docs/CONFORMANCE.md ("GPU math") measures: the exact operations (`sqrt`,
//! `floor`, `round`, `abs`, `min`, `mul_add`, `powi`, ...) bit for bit like `std`, the others
//! within a few ulps.
//!
//! On other targets (host builds of guest code, its unit tests) the same methods call the
//! platform's C math library (glibc, libSystem, the UCRT), which `std` links; `fract`, `clamp`
//! and `powi` are written out here with `std`'s definitions. So guest code compiles and runs on
//! the host too, with the host's precision.
//!
//! Where `core` itself has a method of the same name (`abs`, `min`, `max`, `clamp`, ...), Rust
//! calls `core`'s: same results.

/// Math methods for `f32` and `f64` (the `std` methods `core` lacks), see the module docs.
pub trait FloatMath: Copy {
    /// Sine (radians).
    fn sin(self) -> Self;
    /// Cosine (radians).
    fn cos(self) -> Self;
    /// Tangent (radians).
    fn tan(self) -> Self;
    /// Arcsine, in [-π/2, π/2]; NaN outside [-1, 1].
    fn asin(self) -> Self;
    /// Arccosine, in [0, π]; NaN outside [-1, 1].
    fn acos(self) -> Self;
    /// Arctangent, in [-π/2, π/2].
    fn atan(self) -> Self;
    /// Four-quadrant arctangent of `self` (y) and `other` (x), in [-π, π].
    fn atan2(self, other: Self) -> Self;
    /// Hyperbolic sine.
    fn sinh(self) -> Self;
    /// Hyperbolic cosine.
    fn cosh(self) -> Self;
    /// Hyperbolic tangent.
    fn tanh(self) -> Self;
    /// e^self.
    fn exp(self) -> Self;
    /// 2^self.
    fn exp2(self) -> Self;
    /// Natural logarithm.
    fn ln(self) -> Self;
    /// Base-2 logarithm.
    fn log2(self) -> Self;
    /// Base-10 logarithm.
    fn log10(self) -> Self;
    /// `self` to the power `other` (C `pow`, special cases included).
    fn powf(self, other: Self) -> Self;
    /// `self` to an integer power, by repeated squaring (the same products as `std`'s `powi`).
    fn powi(self, n: i32) -> Self;
    /// Square root, correctly rounded; NaN below -0.
    fn sqrt(self) -> Self;
    /// Largest integer not above `self`.
    fn floor(self) -> Self;
    /// Smallest integer not below `self`.
    fn ceil(self) -> Self;
    /// Nearest integer, halves away from zero.
    fn round(self) -> Self;
    /// Integer part (towards zero).
    fn trunc(self) -> Self;
    /// `self - self.trunc()`.
    fn fract(self) -> Self;
    /// Absolute value (clears the sign bit, NaN included).
    fn abs(self) -> Self;
    /// `self * a + b` with one rounding.
    fn mul_add(self, a: Self, b: Self) -> Self;
    /// √(self² + other²) without undue overflow or underflow.
    fn hypot(self, other: Self) -> Self;
    /// The smaller of two numbers; the other one if one is NaN.
    fn min(self, other: Self) -> Self;
    /// The larger of two numbers; the other one if one is NaN.
    fn max(self, other: Self) -> Self;
    /// `self` limited to `[min, max]` (NaN stays NaN). Panics (traps, on the GPU) unless
    /// `min <= max`, like `std`'s.
    fn clamp(self, min: Self, max: Self) -> Self;
    /// `(self.sin(), self.cos())`.
    fn sin_cos(self) -> (Self, Self) {
        (self.sin(), self.cos())
    }
    /// Logarithm to `base`: `self.ln() / base.ln()`.
    fn log(self, base: Self) -> Self;
}

/// `impl FloatMath for $t`, each method one call into `imp` (the C names of `$t`).
macro_rules! impl_float_math {
    ($t:ty: $sin:ident $cos:ident $tan:ident $asin:ident $acos:ident $atan:ident $atan2:ident
     $sinh:ident $cosh:ident $tanh:ident $exp:ident $exp2:ident $log:ident $log2:ident
     $log10:ident $pow:ident $powi:ident $sqrt:ident $floor:ident $ceil:ident $round:ident
     $trunc:ident $fract:ident $fabs:ident $fma:ident $hypot:ident $fmin:ident $fmax:ident
     $clamp:ident) => {
        impl FloatMath for $t {
            #[inline]
            fn sin(self) -> $t {
                imp::$sin(self)
            }
            #[inline]
            fn cos(self) -> $t {
                imp::$cos(self)
            }
            #[inline]
            fn tan(self) -> $t {
                imp::$tan(self)
            }
            #[inline]
            fn asin(self) -> $t {
                imp::$asin(self)
            }
            #[inline]
            fn acos(self) -> $t {
                imp::$acos(self)
            }
            #[inline]
            fn atan(self) -> $t {
                imp::$atan(self)
            }
            #[inline]
            fn atan2(self, other: $t) -> $t {
                imp::$atan2(self, other)
            }
            #[inline]
            fn sinh(self) -> $t {
                imp::$sinh(self)
            }
            #[inline]
            fn cosh(self) -> $t {
                imp::$cosh(self)
            }
            #[inline]
            fn tanh(self) -> $t {
                imp::$tanh(self)
            }
            #[inline]
            fn exp(self) -> $t {
                imp::$exp(self)
            }
            #[inline]
            fn exp2(self) -> $t {
                imp::$exp2(self)
            }
            #[inline]
            fn ln(self) -> $t {
                imp::$log(self)
            }
            #[inline]
            fn log2(self) -> $t {
                imp::$log2(self)
            }
            #[inline]
            fn log10(self) -> $t {
                imp::$log10(self)
            }
            #[inline]
            fn powf(self, other: $t) -> $t {
                imp::$pow(self, other)
            }
            #[inline]
            fn powi(self, n: i32) -> $t {
                imp::$powi(self, n)
            }
            #[inline]
            fn sqrt(self) -> $t {
                imp::$sqrt(self)
            }
            #[inline]
            fn floor(self) -> $t {
                imp::$floor(self)
            }
            #[inline]
            fn ceil(self) -> $t {
                imp::$ceil(self)
            }
            #[inline]
            fn round(self) -> $t {
                imp::$round(self)
            }
            #[inline]
            fn trunc(self) -> $t {
                imp::$trunc(self)
            }
            #[inline]
            fn fract(self) -> $t {
                imp::$fract(self)
            }
            #[inline]
            fn abs(self) -> $t {
                imp::$fabs(self)
            }
            #[inline]
            fn mul_add(self, a: $t, b: $t) -> $t {
                imp::$fma(self, a, b)
            }
            #[inline]
            fn hypot(self, other: $t) -> $t {
                imp::$hypot(self, other)
            }
            #[inline]
            fn min(self, other: $t) -> $t {
                imp::$fmin(self, other)
            }
            #[inline]
            fn max(self, other: $t) -> $t {
                imp::$fmax(self, other)
            }
            #[inline]
            fn clamp(self, min: $t, max: $t) -> $t {
                assert!(min <= max, "min > max, or either was NaN");
                imp::$clamp(self, min, max)
            }
            #[inline]
            fn log(self, base: $t) -> $t {
                self.ln() / base.ln()
            }
        }
    };
}

impl_float_math!(f32: sinf cosf tanf asinf acosf atanf atan2f sinhf coshf tanhf expf exp2f
    logf log2f log10f powf powif sqrtf floorf ceilf roundf truncf fractf fabsf fmaf hypotf
    fminf fmaxf clampf);
impl_float_math!(f64: sin cos tan asin acos atan atan2 sinh cosh tanh exp exp2 log log2
    log10 pow powi sqrt floor ceil round trunc fract fabs fma hypot fmin fmax clamp);

/// wasm32: imports from `gpu`, lowered by the translator.
/// The C math functions both targets declare (wasm32: imported from `gpu`; elsewhere: the
/// platform's C library), in one list so the two cannot drift apart.
macro_rules! c_math_functions {
    ($(#[$attr:meta])*) => {
        $(#[$attr])*
        unsafe extern "C" {
            pub safe fn sinf(x: f32) -> f32;
            pub safe fn cosf(x: f32) -> f32;
            pub safe fn tanf(x: f32) -> f32;
            pub safe fn asinf(x: f32) -> f32;
            pub safe fn acosf(x: f32) -> f32;
            pub safe fn atanf(x: f32) -> f32;
            pub safe fn atan2f(x: f32, y: f32) -> f32;
            pub safe fn sinhf(x: f32) -> f32;
            pub safe fn coshf(x: f32) -> f32;
            pub safe fn tanhf(x: f32) -> f32;
            pub safe fn expf(x: f32) -> f32;
            pub safe fn exp2f(x: f32) -> f32;
            pub safe fn logf(x: f32) -> f32;
            pub safe fn log2f(x: f32) -> f32;
            pub safe fn log10f(x: f32) -> f32;
            pub safe fn powf(x: f32, y: f32) -> f32;
            pub safe fn sqrtf(x: f32) -> f32;
            pub safe fn floorf(x: f32) -> f32;
            pub safe fn ceilf(x: f32) -> f32;
            pub safe fn roundf(x: f32) -> f32;
            pub safe fn truncf(x: f32) -> f32;
            pub safe fn fabsf(x: f32) -> f32;
            pub safe fn fmaf(x: f32, y: f32, z: f32) -> f32;
            pub safe fn hypotf(x: f32, y: f32) -> f32;
            pub safe fn fminf(x: f32, y: f32) -> f32;
            pub safe fn fmaxf(x: f32, y: f32) -> f32;
            pub safe fn sin(x: f64) -> f64;
            pub safe fn cos(x: f64) -> f64;
            pub safe fn tan(x: f64) -> f64;
            pub safe fn asin(x: f64) -> f64;
            pub safe fn acos(x: f64) -> f64;
            pub safe fn atan(x: f64) -> f64;
            pub safe fn atan2(x: f64, y: f64) -> f64;
            pub safe fn sinh(x: f64) -> f64;
            pub safe fn cosh(x: f64) -> f64;
            pub safe fn tanh(x: f64) -> f64;
            pub safe fn exp(x: f64) -> f64;
            pub safe fn exp2(x: f64) -> f64;
            pub safe fn log(x: f64) -> f64;
            pub safe fn log2(x: f64) -> f64;
            pub safe fn log10(x: f64) -> f64;
            pub safe fn pow(x: f64, y: f64) -> f64;
            pub safe fn sqrt(x: f64) -> f64;
            pub safe fn floor(x: f64) -> f64;
            pub safe fn ceil(x: f64) -> f64;
            pub safe fn round(x: f64) -> f64;
            pub safe fn trunc(x: f64) -> f64;
            pub safe fn fabs(x: f64) -> f64;
            pub safe fn fma(x: f64, y: f64, z: f64) -> f64;
            pub safe fn hypot(x: f64, y: f64) -> f64;
            pub safe fn fmin(x: f64, y: f64) -> f64;
            pub safe fn fmax(x: f64, y: f64) -> f64;
        }
    };
}

#[cfg(target_arch = "wasm32")]
mod imp {
    // Declaring the imports is the only `unsafe` here: the translator defines every one of
    // them for every thread with exactly these signatures, so calling them is safe.
    c_math_functions!(#[allow(unsafe_code)] #[link(wasm_import_module = "gpu")]);

    // The functions without a C library counterpart, also lowered by the translator.
    #[allow(unsafe_code)]
    #[link(wasm_import_module = "gpu")]
    unsafe extern "C" {
        pub safe fn powif(x: f32, n: i32) -> f32;
        pub safe fn fractf(x: f32) -> f32;
        pub safe fn clampf(x: f32, y: f32, z: f32) -> f32;
        pub safe fn powi(x: f64, n: i32) -> f64;
        pub safe fn fract(x: f64) -> f64;
        pub safe fn clamp(x: f64, y: f64, z: f64) -> f64;
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    // The C library's math functions are safe for every argument (they set errno at most).
    c_math_functions!(#[allow(unsafe_code)]);

    /// `fract`, `clamp` and `powi` (compiler-rt's `__powisf2`/`__powidf2`, which `std`'s
    /// `powi` calls) with `std`'s definitions: C's library has no such functions.
    macro_rules! written_out {
        ($t:ty, $trunc:ident, $fract:ident, $clamp:ident, $powi:ident) => {
            pub fn $fract(x: $t) -> $t {
                x - $trunc(x)
            }

            pub fn $clamp(x: $t, min: $t, max: $t) -> $t {
                let mut r = x;
                if r < min {
                    r = min;
                }
                if r > max {
                    r = max;
                }
                r
            }

            pub fn $powi(a: $t, n: i32) -> $t {
                let mut a = a;
                let mut m = n.unsigned_abs();
                let mut r: $t = 1.0;
                loop {
                    if m & 1 != 0 {
                        r *= a;
                    }
                    m >>= 1;
                    if m == 0 {
                        break;
                    }
                    a *= a;
                }
                if n < 0 {
                    1.0 / r
                } else {
                    r
                }
            }
        };
    }
    written_out!(f32, truncf, fractf, clampf, powif);
    written_out!(f64, trunc, fract, clamp, powi);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    extern crate std;
    use super::FloatMath;

    #[test]
    fn host_fallback_matches_std() {
        for x in [0.5f64, -3.25, 10.0, 1e-3] {
            assert_eq!(FloatMath::sin(x), std::primitive::f64::sin(x));
            assert_eq!(FloatMath::powi(x, 7), std::primitive::f64::powi(x, 7));
            assert_eq!(
                FloatMath::powi(x as f32, -3),
                std::primitive::f32::powi(x as f32, -3)
            );
            assert_eq!(FloatMath::fract(x), std::primitive::f64::fract(x));
            assert_eq!(
                FloatMath::round(x as f32),
                std::primitive::f32::round(x as f32)
            );
        }
        assert_eq!(FloatMath::clamp(5.0f32, 0.0, 1.0), 1.0);
    }
}
