//! Run WebAssembly on the GPU: one wasm call per GPU thread.
//!
//! - [`translate`]: WebAssembly → naga IR (wasmparser + naga only).
//! - [`host`]: runs a translation on a wgpu adapter.
//! - [`guest`]: builds a guest crate for wasm32, for tests and users' `cargo test`.

pub mod guest;
pub mod host;
pub mod translate;
pub mod wast;
