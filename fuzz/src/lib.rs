//! Fuzzing of the translator, shared by the libFuzzer targets (`fuzz_targets/`, run with
//! `cargo fuzz`) and the plain runners (`src/bin/`, run with `cargo run --release --bin ...`):
//!
//! - [`differential`]: the differential checker of the test suite (wasm-smith modules in wasmi
//!   and on the GPU), the very files `gpu-runtime/tests/fuzz_smoke.rs` uses;
//! - [`bytes`]: arbitrary bytes into `translate`: a typed error or a validated module, never a
//!   panic.

#[path = "../../gpu-runtime/tests/fuzz_common/mod.rs"]
pub mod differential;

pub mod bytes;
pub mod cli;
