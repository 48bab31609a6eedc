//! Sums `1..=n`: the guest that `gpu-run` runs once per GPU thread.
//!
//! ```text
//! gpu-run sum.wasm --threads 10240 -- 100   # every thread returns 5050
//! ```

#![no_std]

// Links gpu-std's panic handler (a panic traps the thread instead of failing to link).
use gpu_std as _;

/// Returns `1 + 2 + ... + n`, wrapping on overflow so that debug and release builds agree;
/// 0 when `n < 1`.
#[no_mangle]
pub extern "C" fn main(n: i32) -> i32 {
    (1..=n).fold(0, i32::wrapping_add)
}
