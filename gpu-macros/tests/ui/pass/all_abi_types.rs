//! Every ABI type as a parameter and as the result; the function stays callable from Rust.

/// Docs and attributes are kept.
#[gpu_macros::entry]
#[inline(never)]
fn mix(a: i32, b: u32, c: i64, d: u64, e: f32, f: f64) -> f64 {
    a as f64 + b as f64 + c as f64 + d as f64 + e as f64 + f
}

#[gpu_macros::entry]
fn sum(n: i32) -> i32 {
    (1..=n).fold(0, i32::wrapping_add)
}

#[gpu_macros::entry]
fn no_result(_x: core::primitive::u64) {}

#[gpu_macros::entry]
extern "C" fn already_extern(mut x: u32) -> () {
    x += 1;
    let _ = x;
}

fn main() {
    assert_eq!(sum(100), 5050);
    assert_eq!(mix(1, 2, 3, 4, 5.0, 6.0), 21.0);
    no_result(7);
    already_extern(1);
    // The function became `pub extern "C"`.
    let pointer: extern "C" fn(i32) -> i32 = sum;
    assert_eq!(pointer(3), 6);
}
