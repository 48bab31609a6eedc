//! A red gradient that moves with time: one GPU thread per pixel of the host's framebuffer.
//!
//! ```text
//! gpu-run pixels.wasm --image out.png --size 800x600
//! gpu-run pixels.wasm --image out.png --size 800x600 --frames 30 --fps 30   # out-0000.png ...
//! ```
//!
//! Pixel `(x, y)` gets red `fract(x / width + time / 4)` (the gradient scrolls left by a
//! quarter of the width per second), green `y / height`, blue 0, alpha 1 (for `time >= 0`). No
//! transcendental math: a division, a multiply-add and a truncation; the tests render the same
//! formula on the CPU and compare.

#![no_std]

use gpu_std::{height, set_pixel, thread_id, time, width};

/// The `[r, g, b, a]` of pixel `(x, y)` of a `w` x `h` picture at time `t`, each in `0..=1`.
#[inline(always)]
pub fn shade(x: u32, y: u32, w: u32, h: u32, t: f32) -> [f32; 4] {
    let u = x as f32 / w as f32 + t * 0.25;
    // `u` is not negative for `t >= 0`: truncation is floor, and `as u32` is wasm's
    // saturating `i32.trunc_sat_f32_u`.
    let r = u - (u as u32) as f32;
    let g = y as f32 / h as f32;
    [r, g, 0.0, 1.0]
}

/// Draws the pixel of this thread (thread `y * width + x`); threads past the last pixel do
/// nothing. Returns nothing: the picture is the result.
#[no_mangle]
pub extern "C" fn main() {
    let (w, h) = (width(), height());
    let id = thread_id();
    if w == 0 || id / w >= h {
        return;
    }
    let (x, y) = (id % w, id / w);
    let [r, g, b, a] = shade(x, y, w, h, time());
    set_pixel(x, y, r, g, b, a);
}
