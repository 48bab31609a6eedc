//! Typed host errors. Every message is one lowercase sentence that names what failed and, where
//! it helps, what was expected.

use thiserror::Error;

use super::output::Trap;
use crate::translate::TranslateError;

/// A failure to set up or run a translated module on a GPU.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum HostError {
    /// No adapter at all, or none matching the requested selector.
    #[error("{}", no_adapter_message(.requested.as_deref(), .available))]
    NoAdapter {
        /// The selector from [`GpuOptions::adapter`](super::GpuOptions) or `GPU_RUN_ADAPTER`.
        requested: Option<String>,
        /// Every adapter wgpu found, as printed by [`Gpu::adapter_info`](super::Gpu).
        available: Vec<String>,
    },

    /// The adapter refused to create a device.
    #[error("could not open a device on {adapter}: {message}")]
    RequestDevice { adapter: String, message: String },

    /// The module needs a shader feature the adapter does not have.
    #[error("the module needs {feature}, which adapter {adapter} does not support")]
    MissingFeature {
        feature: &'static str,
        adapter: String,
    },

    /// wgpu rejected the shader module (a translator bug or a driver limitation).
    #[error("wgpu rejected the shader module: {message}")]
    Shader { message: String },

    /// Exact-float mode was asked for on an adapter that cannot give it.
    #[error(
        "exact floats need a vulkan 1.2 adapter with passthrough shaders; {adapter} is not one"
    )]
    ExactFloatsUnsupported { adapter: String },

    /// naga could not write, or the exact-float pass could not patch, an entry point's SPIR-V.
    #[error("could not write the spir-v of export `{export}`: {message}")]
    Spirv { export: String, message: String },

    /// wgpu could not create the compute pipeline of an entry point.
    #[error("could not create the pipeline of export `{export}`: {message}")]
    Pipeline { export: String, message: String },

    /// The export is not an entry point of the translation.
    #[error("no entry point for export `{name}` (entry points: {available})")]
    MissingEntry { name: String, available: String },

    /// The arguments do not match the export's parameter types.
    #[error("export `{export}` has signature {expected}, but was called with {got}")]
    ArgumentMismatch {
        export: String,
        expected: String,
        got: String,
    },

    /// More threads than thread ids (thread ids are 32-bit).
    #[error("{threads} threads requested, at most {max} are supported")]
    TooManyThreads { threads: u64, max: u64 },

    /// The memory the instance needs does not fit in one storage buffer binding.
    #[error("the instance needs {needed} bytes of linear memory ({what}), but the adapter binds at most {limit} bytes")]
    MemoryTooLarge {
        needed: u64,
        limit: u64,
        what: String,
    },

    /// An option value is out of range.
    #[error("invalid option: {message}")]
    InvalidOption { message: String },

    /// An active data segment does not fit in the initial memory (instantiation fails).
    #[error("active data segment {index} ({len} bytes at offset {offset:#x}) does not fit in the initial memory of {memory} bytes")]
    DataSegmentOutOfBounds {
        index: usize,
        offset: u32,
        len: usize,
        memory: u64,
    },

    /// A host read or write of linear memory outside the current memory size.
    #[error("memory access of {len} bytes at offset {offset:#x} is outside linear memory ({size} bytes)")]
    MemoryOutOfBounds { offset: u64, len: u64, size: u64 },

    /// No global with this index.
    #[error("no global with index {index} (the module has {count})")]
    NoSuchGlobal { index: usize, count: usize },

    /// A global write with a value of the wrong type.
    #[error("global {index} has type {expected}, not {got}")]
    GlobalTypeMismatch {
        index: usize,
        expected: crate::translate::abi::ValType,
        got: crate::translate::abi::ValType,
    },

    /// The module layout is inconsistent (a translator bug).
    #[error("invalid module layout (translator bug): {message}")]
    Layout { message: String },

    /// No usable shared GPU (see [`shared_gpu`](super::shared_gpu)).
    #[error("no usable GPU: {message}")]
    GpuUnavailable { message: String },

    /// Threads that never finished: the driver stopped the kernel early.
    #[error("{count} threads did not finish (first: thread {first}); the driver on {adapter} stopped the kernel early (lavapipe ends a thread's loops after 65,535 iterations in total: use fewer threads per stack slot or a hardware GPU)")]
    Unfinished {
        count: u64,
        first: u64,
        adapter: String,
    },

    /// A thread wrote a status word that is no trap code (a translator bug).
    #[error("thread {thread} wrote unknown status word {code} (translator bug)")]
    BadStatus { thread: u64, code: u32 },

    /// wgpu reported an error while running (validation, out of memory, device lost, mapping).
    #[error("gpu error during {during}: {message}")]
    Gpu {
        during: &'static str,
        message: String,
    },

    /// At least one thread trapped (see [`RunOutput::check`](super::RunOutput::check)).
    #[error("{}", trap_message(.first, *.count, *.threads))]
    Trap {
        /// The first trap the GPU recorded.
        first: Trap,
        /// Number of threads that trapped.
        count: u64,
        /// Number of threads run.
        threads: u64,
    },

    /// The wasm module could not be translated (from [`run_wasm`](super::run_wasm)).
    #[error(transparent)]
    Translate(#[from] TranslateError),
}

fn no_adapter_message(requested: Option<&str>, available: &[String]) -> String {
    let list = if available.is_empty() {
        "none found".to_string()
    } else {
        available.join(", ")
    };
    match requested {
        Some(r) => format!("no GPU adapter matches `{r}` (adapters: {list})"),
        None => format!("no GPU adapter found (adapters: {list})"),
    }
}

fn trap_message(first: &Trap, count: u64, threads: u64) -> String {
    if count <= 1 {
        first.to_string()
    } else {
        format!("{first} ({count} of {threads} threads trapped)")
    }
}
