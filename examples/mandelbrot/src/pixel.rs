// The per-pixel formula, `include!`d word for word by the guest and by the host test that
// checks it, so both compute the same thing. Plain f32 arithmetic, plus `hypot`, `ln` and
// `log2` from whatever the includer has in scope (gpu-std's prelude, or `std`).

/// The point of the complex plane at the centre of pixel `id` of a `w`×`h` image (row-major,
/// `id = y * w + x`) spanning [-2.5, 1] × [-1.25, 1.25]. With power-of-two sizes the products
/// are exact, so a compiler that fuses them with the additions changes nothing.
fn point(id: u32, w: u32, h: u32) -> (f32, f32) {
    let px = id % w;
    let py = id / w;
    let cx = (px as f32 + 0.5) * (3.5 / w as f32) - 2.5;
    let cy = (py as f32 + 0.5) * (2.5 / h as f32) - 1.25;
    (cx, cy)
}

/// Iterations of z ← z² + c from z = 0 until |z|² > 4 or `max_iter`, and the last z.
///
/// Written with `mul_add` (one rounding, on the CPU and on the GPU alike): plain `x * x + c`
/// may be fused into one operation by a GPU compiler (Vulkan allows it; lavapipe and NVIDIA do
/// it), and near the set's boundary one rounding more or less changes the count.
fn orbit(cx: f32, cy: f32, max_iter: u32) -> (u32, f32, f32) {
    let (mut x, mut y) = (0.0f32, 0.0f32);
    let mut i = 0;
    while i < max_iter && x.mul_add(x, y * y) <= 4.0 {
        let xt = x.mul_add(x, (-y).mul_add(y, cx));
        y = (2.0 * x).mul_add(y, cy);
        x = xt;
        i += 1;
    }
    (i, x, y)
}

/// The iteration count of pixel `id`.
fn iterations(id: u32, w: u32, h: u32, max_iter: u32) -> u32 {
    let (cx, cy) = point(id, w, h);
    orbit(cx, cy, max_iter).0
}

/// The smooth ("normalised") iteration count `i + 1 − log2(ln |z|)` of pixel `id`, for
/// banding-free colouring; `max_iter` inside the set.
fn smooth(id: u32, w: u32, h: u32, max_iter: u32) -> f32 {
    let (cx, cy) = point(id, w, h);
    let (i, x, y) = orbit(cx, cy, max_iter);
    if i >= max_iter {
        return max_iter as f32;
    }
    let modulus = x.hypot(y);
    i as f32 + 1.0 - modulus.ln().log2()
}
