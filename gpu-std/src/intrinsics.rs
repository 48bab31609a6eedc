//! Intrinsics: functions imported from the wasm module `gpu`, which the translator lowers to
//! GPU built-ins (see `docs/ABI.md`). They exist only on wasm32, where a guest runs.

// Declaring the imports is the only `unsafe` here: the translator defines each of them with
// exactly these signatures for every thread, and none has a precondition, so calling them is
// safe.
#[allow(unsafe_code)]
#[link(wasm_import_module = "gpu")]
unsafe extern "C" {
    #[link_name = "thread_id"]
    safe fn gpu_thread_id() -> i32;
    #[link_name = "thread_count"]
    safe fn gpu_thread_count() -> i32;
    #[link_name = "workgroup_id"]
    safe fn gpu_workgroup_id() -> i32;
    #[link_name = "local_id"]
    safe fn gpu_local_id() -> i32;
    #[link_name = "time"]
    safe fn gpu_time() -> f32;
    #[link_name = "width"]
    safe fn gpu_width() -> i32;
    #[link_name = "height"]
    safe fn gpu_height() -> i32;
    #[link_name = "set_pixel"]
    safe fn gpu_set_pixel(x: i32, y: i32, r: f32, g: f32, b: f32, a: f32);
    #[link_name = "panic"]
    pub(crate) safe fn gpu_panic(file: i32, file_len: i32, line: i32, column: i32);
}

/// The id of the running GPU thread: `0..threads`, where `threads` is the number of calls the
/// host asked for (`gpu-run --threads`). Every thread gets the same arguments; this is how
/// threads tell themselves apart.
#[inline]
pub fn thread_id() -> u32 {
    gpu_thread_id() as u32
}

/// The number of threads of the whole run (`gpu-run --threads`, or one per pixel with
/// `--image`): `thread_id()` is always below it.
#[inline]
pub fn thread_count() -> u32 {
    gpu_thread_count() as u32
}

/// The workgroup of the GPU invocation running this thread (workgroups have 64 invocations).
/// An invocation runs several threads one after the other when there are more threads than
/// invocations, so `workgroup_id() * 64 + local_id()` identifies the invocation, not the thread:
/// it is unique among the threads running at the same time (a race-free scratch index).
#[inline]
pub fn workgroup_id() -> u32 {
    gpu_workgroup_id() as u32
}

/// The index of the running invocation in its workgroup, `0..64` (see [`workgroup_id`]).
#[inline]
pub fn local_id() -> u32 {
    gpu_local_id() as u32
}

/// Seconds: since the instance was created, or the frame's time when the host renders frames
/// (`gpu-run --frames N --fps F`: frame `k` has time `k / F`). The same for every thread of a
/// run.
#[inline]
pub fn time() -> f32 {
    gpu_time()
}

/// Width of the host's framebuffer in pixels (`gpu-run --size WxH`); 0 without one.
#[inline]
pub fn width() -> u32 {
    gpu_width() as u32
}

/// Height of the host's framebuffer in pixels; 0 without one.
#[inline]
pub fn height() -> u32 {
    gpu_height() as u32
}

/// Sets pixel `(x, y)` (from the top-left corner) of the host's framebuffer. Channels are in
/// `0.0..=1.0` (clamped; NaN is 0) and stored as 8 bits each (`round(c * 255)`). A pixel
/// outside the framebuffer, or any pixel without one, is ignored.
#[inline]
pub fn set_pixel(x: u32, y: u32, r: f32, g: f32, b: f32, a: f32) {
    gpu_set_pixel(x as i32, y as i32, r, g, b, a)
}
