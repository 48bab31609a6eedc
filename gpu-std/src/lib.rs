//! Support library for Rust programs ("guests") that `gpu-runtime` runs on the GPU.
//!
//! A guest is an ordinary `#![no_std]` Rust crate built for `wasm32-unknown-unknown` (or
//! `wasm32-wasip1`); `gpu-run` calls one of its exported functions once per GPU thread.
//! Depending on this crate gives such a guest what a bare `no_std` cdylib lacks:
//!
//! - feature `panic-handler` (default): a `#[panic_handler]` that ends the panicking GPU thread
//!   with a wasm `unreachable` trap, which the host reports as that thread's trap. Other threads
//!   go on. The handler is only compiled for wasm32, so this crate also builds on the host.
//! - feature `macros` (default): [`entry`], an attribute that checks an entry point's signature
//!   against the ABI and exports it (`#[no_mangle] pub extern "C"`).
//! - on wasm32, `thread_id()`: the id of the running GPU thread (the `gpu.thread_id` intrinsic).
//! - [`prelude`]: `use gpu_std::prelude::*;` gives `f32`/`f64` the `std` math methods
//!   (`x.sin()`, `x.powi(3)`, `x.mul_add(a, b)`, ...) through [`math::FloatMath`]: GPU math on
//!   wasm32, the platform's C library elsewhere.
//!
//! Not here yet (they land with the runtime features that back them): further intrinsics (thread
//! count, time), a global allocator over linear memory, and debug output from guests.
//!
//! ```ignore
//! #![no_std]
//! use gpu_std as _; // links the panic handler
//!
//! #[gpu_std::entry]
//! fn main(n: i32) -> i32 {
//!     (1..=n).fold(0, i32::wrapping_add)
//! }
//!
//! #[gpu_std::entry]
//! fn twice_my_id() -> u32 {
//!     2 * gpu_std::thread_id()
//! }
//! ```

#![no_std]

#[cfg(feature = "macros")]
pub use gpu_macros::entry;

#[cfg(target_arch = "wasm32")]
mod intrinsics;
#[cfg(all(target_arch = "wasm32", feature = "panic-handler", not(test)))]
mod panic;

#[cfg(target_arch = "wasm32")]
pub use intrinsics::thread_id;

pub mod math;

/// What a guest usually wants in scope: `use gpu_std::prelude::*;`.
pub mod prelude {
    pub use crate::math::FloatMath;
}
