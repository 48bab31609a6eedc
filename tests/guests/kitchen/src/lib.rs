//! A guest with one export per kind of code rustc emits: the differential test
//! `gpu-runtime/tests/rust_guests.rs` runs every export on the GPU and in wasmi, one call per
//! thread id, and compares the results.

#![no_std]

use gpu_std as _;

#[link(wasm_import_module = "gpu")]
extern "C" {
    #[link_name = "thread_id"]
    fn gpu_thread_id() -> i32;
}

fn tid() -> u32 {
    // SAFETY: the intrinsic has no preconditions.
    unsafe { gpu_thread_id() as u32 }
}

/// A xorshift generator, so each thread gets its own data.
struct Rng(u32);
impl Rng {
    fn next(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }
}

/// Sorts 64 numbers in a stack array and returns a position-weighted checksum.
#[no_mangle]
pub extern "C" fn insertion_sort(seed: i32) -> i32 {
    let mut rng = Rng(seed as u32 ^ tid().wrapping_mul(2654435761) | 1);
    let mut a = [0u32; 64];
    for x in a.iter_mut() {
        *x = rng.next() % 1000;
    }
    for i in 1..a.len() {
        let mut j = i;
        while j > 0 && a[j - 1] > a[j] {
            a.swap(j - 1, j);
            j -= 1;
        }
    }
    a.iter()
        .enumerate()
        .fold(0u32, |acc, (i, x)| acc.wrapping_add(x.wrapping_mul(i as u32 + 1))) as i32
}

/// FNV-1a over a byte buffer built on the stack (byte stores, i64 multiplies).
#[no_mangle]
pub extern "C" fn fnv_bytes(len: i32) -> i64 {
    let mut buf = [0u8; 200];
    let n = (len as usize).min(buf.len());
    for (i, b) in buf[..n].iter_mut().enumerate() {
        *b = (i as u32 ^ tid()).wrapping_mul(31) as u8;
    }
    let mut h: u64 = 0xcbf29ce484222325;
    for b in &buf[..n] {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h as i64
}

trait Shape {
    fn area(&self) -> f32;
}
struct Square(f32);
struct Rect(f32, f32);
struct Tri(f32, f32);
impl Shape for Square {
    fn area(&self) -> f32 {
        self.0 * self.0
    }
}
impl Shape for Rect {
    fn area(&self) -> f32 {
        self.0 * self.1
    }
}
impl Shape for Tri {
    fn area(&self) -> f32 {
        0.5 * self.0 * self.1
    }
}

/// Calls through `dyn Trait` (call_indirect through a vtable).
#[no_mangle]
pub extern "C" fn dyn_dispatch(x: f32) -> f32 {
    let t = tid() as f32;
    let shapes: [&dyn Shape; 3] = [&Square(x + t), &Rect(x, t), &Tri(t, x + 1.0)];
    let pick = tid() as usize % 3;
    shapes[pick].area() + shapes[(pick + 1) % 3].area()
}

/// f64 arithmetic, division, min/max, conversions both ways.
#[no_mangle]
pub extern "C" fn float_mix(x: f64) -> f64 {
    let t = tid() as f64;
    let v = x * t + 1.5;
    // Newton's square root: core has no `sqrt` without std.
    let mut y = v.max(1.0);
    for _ in 0..30 {
        y = 0.5 * (y + v / y);
    }
    let z = ((y * 1000.0) as i64) as f64 / 1000.0;
    let i = (z * 7.0) as i64;
    z + (i % 13) as f64 - (x as f32 as f64).abs().min(3.0)
}

#[derive(Clone, Copy)]
struct Big {
    words: [u32; 40],
    tag: u8,
}

#[inline(never)]
fn make(seed: u32) -> Big {
    let mut b = Big {
        words: [0; 40],
        tag: seed as u8,
    };
    for (i, w) in b.words.iter_mut().enumerate() {
        *w = seed.wrapping_add(i as u32 * 3);
    }
    b
}

/// Copies large structs around (memory.copy) and clears buffers (memory.fill).
#[no_mangle]
pub extern "C" fn struct_copy(seed: i32) -> i32 {
    let mut arr = [make(0); 4];
    for (k, slot) in arr.iter_mut().enumerate() {
        *slot = make(seed as u32 + tid() + k as u32);
    }
    arr.rotate_left(1);
    let mut zeros = [7u8; 97];
    zeros[..(tid() as usize % 97)].fill(0);
    let z: u32 = zeros.iter().map(|x| *x as u32).sum();
    arr.iter()
        .map(|b| b.words[(b.tag as usize) % 40] ^ b.tag as u32)
        .fold(z, u32::wrapping_add) as i32
}

/// A large `match` (br_table) in a loop.
#[no_mangle]
pub extern "C" fn match_table(n: i32) -> i32 {
    let mut acc = 0i32;
    for i in 0..n + tid() as i32 % 17 {
        acc = acc.wrapping_add(match i % 12 {
            0 => 3,
            1 => acc >> 1,
            2 => -7,
            3 => i * i,
            4 => acc ^ 0x55,
            5 => 11,
            6 => acc.rotate_left(3),
            7 => -(i as i32),
            8 => 1 << (i % 31),
            9 => acc / 3,
            10 => acc % 5,
            _ => 1,
        });
    }
    acc
}

/// Collatz steps with u64 arithmetic.
#[no_mangle]
pub extern "C" fn collatz(start: i64) -> i32 {
    let mut n = start as u64 + tid() as u64;
    let mut steps = 0;
    while n > 1 && steps < 1000 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    steps
}

/// u128 multiplication (compiler-builtins' `__multi3`), returning the high half.
#[no_mangle]
pub extern "C" fn mul_high(a: i64, b: i64) -> i64 {
    let x = (a as u64 as u128 + tid() as u128) * (b as u64 as u128);
    (x >> 64) as i64 ^ x as i64
}

/// Checked arithmetic: divides by `d - thread id`, which panics (a trap) for one thread.
#[no_mangle]
pub extern "C" fn checked_div(n: i32, d: i32) -> i32 {
    n / (d - tid() as i32)
}

/// Signed/unsigned mixes, leading zeros, byte swaps, saturating casts.
#[no_mangle]
pub extern "C" fn bit_tricks(x: i64) -> i64 {
    let t = tid() as i64;
    let y = x.wrapping_mul(t + 1);
    let a = y.leading_zeros() as i64 + y.trailing_zeros() as i64 + y.count_ones() as i64;
    let b = (y as i32).swap_bytes() as i64;
    let c = ((y as f64) * 1e-3) as i32 as i64;
    let d = (y as i8) as i64 + (y as u16) as i64;
    a ^ b ^ c.rotate_left(7) ^ d
}
