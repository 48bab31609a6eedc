// saxpy, 4 elements per invocation a quarter of the array apart (each load still coalesced
// across a warp), all 8 loads issued before the 4 stores.
// gpu-bench: threads-per-invocation 4
struct Params { a: f32, n: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let q = p.n / 4u;
    let i = gid.x + gid.y * nwg.x * 64u;
    if (i < q) {
        let x0 = x[i];
        let x1 = x[i + q];
        let x2 = x[i + 2u * q];
        let x3 = x[i + 3u * q];
        let y0 = y[i];
        let y1 = y[i + q];
        let y2 = y[i + 2u * q];
        let y3 = y[i + 3u * q];
        y[i] = p.a * x0 + y0;
        y[i + q] = p.a * x1 + y1;
        y[i + 2u * q] = p.a * x2 + y2;
        y[i + 3u * q] = p.a * x3 + y3;
    }
}
