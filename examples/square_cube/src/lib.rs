//! Helper functions on the GPU: every thread computes `square(n) + cube(n)` through two helper
//! functions (kept as real calls by `#[inline(never)]`, so the translation has three functions).
//!
//! ```text
//! gpu-run square_cube.wasm -- 3   # Result: 36
//! ```

#![no_std]

// Links gpu-std's panic handler.
use gpu_std as _;

/// `n * n`, wrapping on overflow so that debug and release builds agree.
#[inline(never)]
fn square(n: i32) -> i32 {
    n.wrapping_mul(n)
}

/// `n * n * n`, through [`square`]: a call chain two deep.
#[inline(never)]
fn cube(n: i32) -> i32 {
    square(n).wrapping_mul(n)
}

/// `square(n) + cube(n)`.
#[no_mangle]
pub extern "C" fn main(n: i32) -> i32 {
    square(n).wrapping_add(cube(n))
}
