//! Intrinsics: functions imported from the wasm module `gpu`, which the translator lowers to
//! GPU built-ins (see `docs/ABI.md`). They exist only on wasm32, where a guest runs.

// Declaring the import is the only `unsafe` here: the translator defines `gpu.thread_id` with
// exactly this signature for every thread, so calling it is safe.
#[allow(unsafe_code)]
#[link(wasm_import_module = "gpu")]
unsafe extern "C" {
    #[link_name = "thread_id"]
    safe fn gpu_thread_id() -> i32;
}

/// The id of the running GPU thread: `0..threads`, where `threads` is the number of calls the
/// host asked for (`gpu-run --threads`). Every thread gets the same arguments; this is how
/// threads tell themselves apart.
#[inline]
pub fn thread_id() -> u32 {
    gpu_thread_id() as u32
}
