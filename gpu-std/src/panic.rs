//! The guest panic handler: a panic ends the GPU thread with a wasm `unreachable` trap.
//!
//! The panic message is dropped: formatting it would pull `core::fmt` into every guest, and there
//! is no debug output channel yet.

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
