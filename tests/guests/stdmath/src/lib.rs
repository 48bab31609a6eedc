//! A `std` guest: `x.sin()` and friends are `std`'s, which rustc links from libm into the
//! module (compiler-builtins' port for `wasm32-unknown-unknown`). The translator replaces the
//! calls to those functions by GPU math (`MathOp::defined`). Thread `t` works on `x = t/4`
//! (exact, so the host computes the same `x`).

fn x64() -> f64 {
    f64::from(gpu_std::thread_id()) * 0.25
}

fn x32() -> f32 {
    gpu_std::thread_id() as f32 * 0.25
}

#[no_mangle]
pub extern "C" fn sin64() -> f64 {
    x64().sin()
}

#[no_mangle]
pub extern "C" fn exp_ln64() -> f64 {
    (x64() * 0.01).exp() + (x64() + 1.0).ln()
}

#[no_mangle]
pub extern "C" fn pow32() -> f32 {
    (x32() + 0.5).powf(1.25)
}

#[no_mangle]
pub extern "C" fn atan2_32() -> f32 {
    x32().atan2(7.0)
}
