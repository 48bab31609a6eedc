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
//!
//! Not here yet (they land with the runtime features that back them): GPU intrinsics such as the
//! thread id, a global allocator over linear memory, and debug output from guests.
//!
//! ```ignore
//! #![no_std]
//! use gpu_std as _; // links the panic handler
//!
//! #[gpu_std::entry]
//! fn main(n: i32) -> i32 {
//!     (1..=n).fold(0i32, |acc, i| acc.wrapping_add(i))
//! }
//! ```

#![no_std]

#[cfg(feature = "macros")]
pub use gpu_macros::entry;

#[cfg(all(target_arch = "wasm32", feature = "panic-handler", not(test)))]
mod panic;
