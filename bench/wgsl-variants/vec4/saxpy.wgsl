// saxpy with 16-byte loads and stores: one invocation per 4 elements (n a multiple of 4).
// gpu-bench: threads-per-invocation 4
struct Params { a: f32, n: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = gid.x + gid.y * nwg.x * 64u;
    if (i < p.n / 4u) {
        y[i] = p.a * x[i] + y[i];
    }
}
