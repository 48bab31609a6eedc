//! The guest panic handler: a panic ends the GPU thread with a trap of kind "panic" (the
//! `gpu.panic` intrinsic records it; the `unreachable` after it ends the thread, and the first
//! trap recorded wins).
//!
//! The panic message is dropped: formatting it would pull `core::fmt` into every guest, and there
//! is no debug output channel yet.

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
    crate::intrinsics::gpu_panic();
    core::arch::wasm32::unreachable()
}
