//! The Rust side (a) of `gpu-bench`: six workloads written as plain Rust, one call per GPU
//! thread, built for `wasm32-unknown-unknown` and translated by gpu-runtime.
//!
//! The host (bench/src/) grows memory with [`grow`], writes the inputs at the addresses it chose
//! and passes them as arguments; every workload reads its thread's inputs by `thread_id()` and
//! writes its outputs in place. The same algorithms are in bench/src/wgsl/ (b) and
//! bench/src/native.rs (c); keep the three in step.
//!
//! Build: `cargo build --release --target wasm32-unknown-unknown` in this directory (or
//! `scripts/build-bench-guest.sh`).

#![no_std]

use core::arch::wasm32;

// gpu-std also links its panic handler (a panic traps the thread instead of failing to link).
use gpu_std::thread_id;
use sha2::{Digest, Sha256};

/// Grows memory by `pages` 64 KiB pages; returns the old size in pages (the first new page),
/// or -1. Run on one thread, once, before the inputs are written.
#[no_mangle]
pub extern "C" fn grow(pages: i32) -> i32 {
    wasm32::memory_grow(0, pages as usize) as i32
}

/// `y[i] = a * x[i] + y[i]` for the thread's `i < n`.
///
/// # Safety (of the raw pointers)
/// The host passes `x` and `y` pointing at `n` f32 each inside memory.
#[no_mangle]
pub extern "C" fn saxpy(x: *const f32, y: *mut f32, a: f32, n: u32) {
    let i = thread_id();
    if i < n {
        // SAFETY: see above; i < n.
        unsafe {
            let yi = y.add(i as usize);
            *yi = a * *x.add(i as usize) + *yi;
        }
    }
}

/// Iterations (0..=max_iter) before `z = z^2 + c` escapes `|z| > 2`, for the pixel of this
/// thread in a `width x height` image of the square [-2, 1] x [-1.5, 1.5].
#[no_mangle]
pub extern "C" fn mandelbrot(out: *mut u32, width: u32, height: u32, max_iter: u32) {
    let i = thread_id();
    if i >= width * height {
        return;
    }
    let cx = -2.0 + 3.0 * (i % width) as f32 / width as f32;
    let cy = -1.5 + 3.0 * (i / width) as f32 / height as f32;
    let (mut x, mut y) = (0.0f32, 0.0f32);
    let mut k = 0;
    while k < max_iter && x * x + y * y <= 4.0 {
        let xt = x * x - y * y + cx;
        y = 2.0 * x * y + cy;
        x = xt;
        k += 1;
    }
    // SAFETY: the host passes `width * height` u32 at `out`.
    unsafe { *out.add(i as usize) = k }
}

/// One Euler step of `n` bodies (`[x, y, z, mass]` each): the thread's body sums
/// the softened gravity of all `n` (itself included: its distance is 0, so it adds 0), then
/// `vel += acc * dt`, `pos += vel * dt`, written to `pos_out` / `vel_out` (`[x, y, z, w]`).
#[no_mangle]
pub extern "C" fn nbody(
    pos: *const [f32; 4],
    vel: *const [f32; 4],
    pos_out: *mut [f32; 4],
    vel_out: *mut [f32; 4],
    n: u32,
    dt: f32,
    eps2: f32,
) {
    let i = thread_id();
    if i >= n {
        return;
    }
    // SAFETY: the host passes four arrays of `n` entries.
    unsafe {
        let p = *pos.add(i as usize);
        let (mut ax, mut ay, mut az) = (0.0f32, 0.0f32, 0.0f32);
        for j in 0..n as usize {
            let q = *pos.add(j);
            let (dx, dy, dz) = (q[0] - p[0], q[1] - p[1], q[2] - p[2]);
            let r2 = dx * dx + dy * dy + dz * dz + eps2;
            let inv = 1.0 / sqrtf(r2);
            let s = q[3] * inv * inv * inv;
            ax += dx * s;
            ay += dy * s;
            az += dz * s;
        }
        let v = *vel.add(i as usize);
        let nv = [v[0] + ax * dt, v[1] + ay * dt, v[2] + az * dt, v[3]];
        *vel_out.add(i as usize) = nv;
        *pos_out.add(i as usize) = [p[0] + nv[0] * dt, p[1] + nv[1] * dt, p[2] + nv[2] * dt, p[3]];
    }
}

/// SHA-256 (the `sha2` crate) of the thread's 64-byte message at `msgs + 64 i` into the
/// 32 bytes at `digests + 32 i`.
#[no_mangle]
pub extern "C" fn sha256(msgs: *const u8, digests: *mut u8, n: u32) {
    let i = thread_id();
    if i >= n {
        return;
    }
    // SAFETY: the host passes `n` messages of 64 bytes and room for `n` digests.
    unsafe {
        let msg = core::slice::from_raw_parts(msgs.add(64 * i as usize), 64);
        let out = core::slice::from_raw_parts_mut(digests.add(32 * i as usize), 32);
        out.copy_from_slice(&Sha256::digest(msg));
    }
}

/// splitmix64's output function applied to `x + GOLDEN`.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A chain of `rounds` splitmix64 steps from the thread id, into `out[i]`.
#[no_mangle]
pub extern "C" fn splitmix(out: *mut u64, n: u32, rounds: u32) {
    let i = thread_id();
    if i >= n {
        return;
    }
    let mut x = u64::from(i);
    for _ in 0..rounds {
        x = splitmix64(x);
    }
    // SAFETY: the host passes room for `n` u64.
    unsafe { *out.add(i as usize) = x }
}

/// Fills a local array of 64 u32 from a xorshift32 seeded by the thread id, insertion-sorts it
/// and writes `sum((k + 1) * a[k])` (wrapping) to `out[i]`.
#[no_mangle]
pub extern "C" fn sort(out: *mut u32, n: u32) {
    let i = thread_id();
    if i >= n {
        return;
    }
    let mut a = [0u32; 64];
    let mut s = i.wrapping_mul(0x9E37_79B9) | 1;
    for v in a.iter_mut() {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        *v = s;
    }
    for k in 1..a.len() {
        let v = a[k];
        let mut j = k;
        while j > 0 && a[j - 1] > v {
            a[j] = a[j - 1];
            j -= 1;
        }
        a[j] = v;
    }
    let mut sum = 0u32;
    for (k, v) in a.iter().enumerate() {
        sum = sum.wrapping_add((k as u32 + 1).wrapping_mul(*v));
    }
    // SAFETY: the host passes room for `n` u32.
    unsafe { *out.add(i as usize) = sum }
}

// `f32::sqrt` is std-only and `core::arch::wasm32::f32_sqrt` unstable; compiler-builtins
// defines the C `sqrtf` as the `f32.sqrt` instruction, so this is what a no_std crate links to.
extern "C" {
    fn sqrtf(x: f32) -> f32;
}
