//! The guest panic handler: a panic ends the GPU thread with a trap of kind "panic", reported
//! with the panic's source location (`gpu.panic` records both; the `unreachable` after it ends
//! the thread, and the first trap recorded wins).
//!
//! The panic message is dropped: formatting it would pull `core::fmt` into every guest, and there
//! is no debug output channel yet. The location needs no formatting: the file name is a
//! `&'static str` in the module's data, which the host reads from linear memory.

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    let (file, line, column) = match info.location() {
        Some(at) => (at.file(), at.line(), at.column()),
        None => ("", 0, 0),
    };
    crate::intrinsics::gpu_panic(
        file.as_ptr() as i32,
        file.len() as i32,
        line as i32,
        column as i32,
    );
    core::arch::wasm32::unreachable()
}
