// Escape iterations of z = z^2 + c over [-2, 1] x [-1.5, 1.5], one invocation per pixel.
struct Params { width: u32, height: u32, max_iter: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> out: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = gid.x + gid.y * nwg.x * 64u;
    if (i >= p.width * p.height) {
        return;
    }
    let cx = -2.0 + 3.0 * f32(i % p.width) / f32(p.width);
    let cy = -1.5 + 3.0 * f32(i / p.width) / f32(p.height);
    var x = 0.0;
    var y = 0.0;
    var k = 0u;
    while (k < p.max_iter && x * x + y * y <= 4.0) {
        let xt = x * x - y * y + cx;
        y = 2.0 * x * y + cy;
        x = xt;
        k += 1u;
    }
    out[i] = k;
}
