// A chain of `rounds` splitmix64 steps from the invocation id (needs SHADER_INT64).
struct Params { n: u32, rounds: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> out: array<u64>;

fn splitmix64(x: u64) -> u64 {
    var z = x + 0x9E3779B97F4A7C15lu;
    z = (z ^ (z >> 30u)) * 0xBF58476D1CE4E5B9lu;
    z = (z ^ (z >> 27u)) * 0x94D049BB133111EBlu;
    return z ^ (z >> 31u);
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = gid.x + gid.y * nwg.x * 64u;
    if (i >= p.n) {
        return;
    }
    var x = u64(i);
    for (var r = 0u; r < p.rounds; r++) {
        x = splitmix64(x);
    }
    out[i] = x;
}
