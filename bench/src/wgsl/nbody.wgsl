// One Euler step of n bodies (xyz, mass): each invocation sums the softened gravity of all n.
struct Params { n: u32, dt: f32, eps2: f32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> pos: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> vel: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> pos_out: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> vel_out: array<vec4<f32>>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = gid.x + gid.y * nwg.x * 64u;
    if (i >= p.n) {
        return;
    }
    let pi = pos[i];
    var acc = vec3<f32>(0.0);
    for (var j = 0u; j < p.n; j++) {
        let q = pos[j];
        let d = q.xyz - pi.xyz;
        let r2 = dot(d, d) + p.eps2;
        let inv = 1.0 / sqrt(r2);
        acc += d * (q.w * inv * inv * inv);
    }
    let v = vel[i];
    let nv = vec4<f32>(v.xyz + acc * p.dt, v.w);
    vel_out[i] = nv;
    pos_out[i] = vec4<f32>(pi.xyz + nv.xyz * p.dt, pi.w);
}
