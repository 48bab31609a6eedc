//! Support library for Rust programs ("guests") that `gpu-runtime` runs on the GPU.
//!
//! A guest is an ordinary `#![no_std]` Rust crate built for `wasm32-unknown-unknown` (or
//! `wasm32-wasip1`); `gpu-run` calls one of its exported functions once per GPU thread.
//! Depending on this crate gives such a guest what a bare `no_std` cdylib lacks:
//!
//! - feature `panic-handler` (default): a `#[panic_handler]` that ends the panicking GPU thread
//!   with a trap of kind "panic" (the `gpu.panic` intrinsic), which the host reports as that
//!   thread's trap with the panic's location (`panic at src/lib.rs:12:9`). Other threads go on. The handler is only compiled for wasm32, so this crate
//!   also builds on the host.
//! - feature `macros` (default): [`entry`], an attribute that checks an entry point's signature
//!   against the ABI and exports it (`#[no_mangle] pub extern "C"`).
//! - on wasm32, the intrinsics of the `gpu` import module: `thread_id()`, `thread_count()`,
//!   `workgroup_id()`, `local_id()`, `time()`, and the host's framebuffer: `width()`,
//!   `height()`, `set_pixel(x, y, r, g, b, a)` (see docs/ABI.md).
//! - [`prelude`]: `use gpu_std::prelude::*;` gives `f32`/`f64` the `std` math methods
//!   (`x.sin()`, `x.powi(3)`, `x.mul_add(a, b)`, ...) through [`math::FloatMath`]: GPU math on
//!   wasm32, the platform's C library elsewhere.
//!
//! Not here yet (they land with the runtime features that back them): a global allocator over
//! linear memory, and debug output from guests.
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
pub use intrinsics::{
    height, local_id, set_pixel, thread_count, thread_id, time, width, workgroup_id,
};

pub mod math;

/// What a guest usually wants in scope: `use gpu_std::prelude::*;`.
pub mod prelude {
    pub use crate::math::FloatMath;
}
