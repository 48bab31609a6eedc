//! One Mandelbrot pixel per GPU thread: thread `t` computes pixel `t` (row-major) of a
//! `w`×`h` image.
//!
//! ```text
//! gpu-run mandelbrot.wasm --entry mandelbrot --threads 786432 -- 1024 768 256
//! ```
//!
//! `mandelbrot` returns the iteration count, `smooth` the smooth iteration count (through
//! gpu-std's `ln`, `log2` and `hypot`, which become GPU math).

#![no_std]

// The panic handler, and `x.ln()` etc. on f32.
use gpu_std::prelude::*;

// The formula, shared with the host test (which `include!`s it too, with `std`'s methods).
include!("pixel.rs");

/// The iteration count of this thread's pixel (`max_iter` inside the set).
#[no_mangle]
pub extern "C" fn mandelbrot(w: u32, h: u32, max_iter: u32) -> u32 {
    iterations(gpu_std::thread_id(), w, h, max_iter)
}

/// The smooth iteration count of this thread's pixel.
#[export_name = "smooth"]
pub extern "C" fn smooth_entry(w: u32, h: u32, max_iter: u32) -> f32 {
    smooth(gpu_std::thread_id(), w, h, max_iter)
}
