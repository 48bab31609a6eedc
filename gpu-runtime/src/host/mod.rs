//! The wgpu host: runs a [`Translation`](crate::translate::Translation) on a GPU.
//!
//! - [`Gpu`]: an adapter and device ([`GpuOptions`], `GPU_RUN_ADAPTER`).
//! - [`Program`]: the shader module, the ABI's bind group layout and one pipeline per export.
//! - [`Instance`]: one wasm instance's state (memory with stacks inside, control words, passive
//!   data), persisting between [`Instance::run`]s.
//! - [`RunOutput`]: per-thread results and traps, decoded on demand; the framebuffer's
//!   [`Image`] when [`RunOptions`] asked for one ([`Instance::run_with`]).
//! - [`Instance::time_dispatches`]: the same dispatches repeated without per-run copies, timed
//!   ([`DispatchTimes`]), for benchmarks.
//!
//! # How a run is dispatched
//!
//! A run of `threads` threads is split into chunks whose results (status word plus result
//! words per thread) fit [`InstanceOptions::max_results_bytes`]. Each chunk is one 1D dispatch
//! of `slots = min(chunk threads, stack slots)` invocations (rounded up to whole workgroups of
//! [`WORKGROUP_SIZE`](crate::translate::abi::WORKGROUP_SIZE); the shader returns early for
//! `slot >= SLOT_COUNT`); invocation `slot` runs threads `THREAD_BASE + slot + k * SLOT_COUNT`.
//! Modules with a shadow stack get a fixed number of stack slots, each `stack_size` bytes of
//! linear memory right after the initial memory (`STACK_BASE = initial pages * 64 KiB`); the
//! memory size starts past the stacks, so stack addresses are ordinary addresses. Modules
//! without one use up to 65535 workgroups per dispatch.
//!
//! # Example
//!
//! ```no_run
//! # fn main() -> Result<(), gpu_runtime::host::HostError> {
//! let wasm = std::fs::read("sum.wasm").unwrap_or_default();
//! let out = gpu_runtime::host::run_wasm(&wasm, "main", 1024, &[])?.into_result()?;
//! println!("{:?}", out.all_same());
//! # Ok(()) }
//! ```
//!
//! One thread per pixel of an 800x600 framebuffer, at time 0.5 s, written as a PNG:
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, RunOptions};
//! use gpu_runtime::translate::{translate, TranslateOptions};
//!
//! let wasm = std::fs::read("pixels.wasm")?;
//! let program = Program::new(&shared_gpu()?, translate(&wasm, &TranslateOptions::entry("main"))?)?;
//! let mut instance = Instance::new(&program, &InstanceOptions::default())?;
//! let options = RunOptions { time: Some(0.5), framebuffer: Some((800, 600)) };
//! let mut out = instance.run_with("main", 800 * 600, &[], &options)?.into_result()?;
//! if let Some(image) = out.take_image() {
//!     image.save_png(std::path::Path::new("out.png"))?;
//! }
//! # Ok(()) }
//! ```

mod adapter;
mod bind;
mod error;
pub mod exact_spirv;
mod float_controls;
mod frame;
mod gpu;
mod instance;
mod output;
mod plan;
mod program;
mod run;
mod timed;
mod transfer;
mod value;

use std::sync::OnceLock;

pub use error::HostError;
pub use frame::{Image, RunOptions};
pub use gpu::{Gpu, GpuOptions, ADAPTER_ENV};
pub use instance::{Instance, InstanceOptions};
pub use output::{RunOutput, Timings, Trap};
pub use plan::{
    MemoryPlan, DEFAULT_MAX_MEMORY_BYTES, DEFAULT_MAX_RESULTS_BYTES, DEFAULT_MAX_STACK_SLOTS,
    DEFAULT_STACK_SIZE, MAX_THREADS,
};
pub use program::{Program, ProgramOptions};
pub use timed::{DispatchTimes, PassTimer};
pub use value::Value;

use crate::translate::{translate, TranslateOptions};

/// The GPU shared by [`run_wasm`], opened once with default options (so `GPU_RUN_ADAPTER`
/// applies).
pub fn shared_gpu() -> Result<Gpu, HostError> {
    static SHARED: OnceLock<Result<Gpu, HostError>> = OnceLock::new();
    match SHARED.get_or_init(|| Gpu::new(&GpuOptions::default())) {
        Ok(gpu) => Ok(gpu.clone()),
        Err(e) => Err(HostError::GpuUnavailable {
            message: e.to_string(),
        }),
    }
}

/// Translates `wasm`, instantiates it with default options on the [`shared_gpu`] and runs
/// export `entry` on `threads` threads. Traps are in the output: call
/// [`RunOutput::check`] or [`RunOutput::into_result`] to turn them into errors.
pub fn run_wasm(
    wasm: &[u8],
    entry: &str,
    threads: u64,
    args: &[Value],
) -> Result<RunOutput, HostError> {
    let gpu = shared_gpu()?;
    let translation = translate(wasm, &TranslateOptions::entry(entry))?;
    let program = Program::new(&gpu, translation)?;
    let mut instance = Instance::new(&program, &InstanceOptions::default())?;
    instance.run(entry, threads, args)
}
