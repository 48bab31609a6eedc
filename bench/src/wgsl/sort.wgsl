// Insertion sort of 64 xorshift32 values in a function-local array; writes a weighted checksum.
struct Params { n: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> out: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
    let i = gid.x + gid.y * nwg.x * 64u;
    if (i >= p.n) {
        return;
    }
    var a: array<u32, 64>;
    var s = (i * 0x9E3779B9u) | 1u;
    for (var k = 0u; k < 64u; k++) {
        s ^= s << 13u;
        s ^= s >> 17u;
        s ^= s << 5u;
        a[k] = s;
    }
    for (var k = 1u; k < 64u; k++) {
        let v = a[k];
        var j = k;
        while (j > 0u && a[j - 1u] > v) {
            a[j] = a[j - 1u];
            j -= 1u;
        }
        a[j] = v;
    }
    var sum = 0u;
    for (var k = 0u; k < 64u; k++) {
        sum += (k + 1u) * a[k];
    }
    out[i] = sum;
}
