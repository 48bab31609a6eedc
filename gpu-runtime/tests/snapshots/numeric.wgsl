@group(0) @binding(0) 
var<storage> params: array<u32>;
@group(0) @binding(1) 
var<storage, read_write> memory: array<atomic<u32>>;
@group(0) @binding(2) 
var<storage, read_write> results: array<u32>;
@group(0) @binding(3) 
var<storage, read_write> control: array<atomic<u32>>;
@group(0) @binding(4) 
var<storage> data: array<u32>;
var<private> trap_kind: u32;
var<private> trap_func: u32;
var<private> trap_offset: u32;
var<private> mem_bytes: u32;
var<private> stack_floor: u32;
var<private> thread_id: u32;
var<private> stack_top: u32;

fn w_func_0_f0_(p0_: u32, p1_: u32) -> u32 {
    var l0_: u32 = 0u;
    var l1_: u32 = 0u;

    l0_ = p0_;
    l1_ = p1_;
    let _e6 = l1_;
    let _e7 = l0_;
    if (_e6 == 0u) {
        trap_kind = 2u;
        trap_func = 0u;
        trap_offset = 81u;
        return u32();
    }
    if ((_e7 == 2147483648u) && (_e6 == 4294967295u)) {
        trap_kind = 3u;
        trap_func = 0u;
        trap_offset = 81u;
        return u32();
    }
    let _e33 = l1_;
    let _e34 = l0_;
    if (_e33 == 0u) {
        trap_kind = 2u;
        trap_func = 0u;
        trap_offset = 86u;
        return u32();
    }
    let _e46 = l1_;
    let _e47 = l0_;
    let _e49 = (_e46 & 31u);
    let _e57 = l0_;
    return ((bitcast<u32>((bitcast<i32>(_e7) / bitcast<i32>(_e6))) + (_e34 % _e33)) + (((_e47 << _e49) | (_e47 >> ((32u - _e49) & 31u))) + countLeadingZeros(_e57)));
}

fn w_func_1_f1_(p0_1: u64, p1_1: u64) -> u64 {
    var l0_1: u64 = 0lu;
    var l1_1: u64 = 0lu;

    l0_1 = p0_1;
    l1_1 = p1_1;
    let _e6 = l1_1;
    let _e7 = l0_1;
    if (_e6 == 0lu) {
        trap_kind = 2u;
        trap_func = 1u;
        trap_offset = 105u;
        return u64();
    }
    let _e25 = l1_1;
    let _e26 = l0_1;
    let _e33 = l0_1;
    return (bitcast<u64>((bitcast<i64>(_e7) % bitcast<i64>(select(_e6, 1lu, (_e6 == 18446744073709551615lu))))) + (bitcast<u64>((bitcast<i64>(_e26) >> u32((_e25 & 63lu)))) + u64((countOneBits(u32(_e33)) + countOneBits(u32((_e33 >> 32u)))))));
}

fn w_func_2_f2_(p0_2: f32, p1_2: f64) -> f64 {
    var l0_2: f32 = 0f;
    var l1_2: f64 = 0.0lf;

    l0_2 = p0_2;
    l1_2 = p1_2;
    let _e7 = bitcast<f32>(2143289344u);
    let _e8 = l0_2;
    let _e17 = bitcast<u32>(_e8);
    let _e18 = bitcast<u32>(_e7);
    let _e30 = l1_2;
    let _e38 = bitcast<f64>(((bitcast<u64>(1.0lf) & 9223372036854775807lu) | (bitcast<u64>(_e30) & 9223372036854775808lu)));
    let _e39 = l1_2;
    let _e48 = bitcast<u64>(_e39);
    let _e49 = bitcast<u64>(_e38);
    return (f64(select(select(select(select(_e7, _e8, (_e8 < _e7)), bitcast<f32>((_e17 | _e18)), (_e8 == _e7)), bitcast<f32>((_e18 | 4194304u)), !((_e7 == _e7))), bitcast<f32>((_e17 | 4194304u)), !((_e8 == _e8)))) + select(select(select(select(_e38, _e39, (_e39 > _e38)), bitcast<f64>((_e48 & _e49)), (_e39 == _e38)), bitcast<f64>((_e49 | 2251799813685248lu)), !((_e38 == _e38))), bitcast<f64>((_e48 | 2251799813685248lu)), !((_e39 == _e39))));
}

fn w_func_3_f3_(p0_3: f64) -> u32 {
    var l0_3: f64 = 0.0lf;

    l0_3 = p0_3;
    let _e3 = l0_3;
    let _e8 = ((_e3 > -2147483649.0lf) && (_e3 < 2147483648.0lf));
    if !((_e3 == _e3)) {
        trap_kind = 4u;
        trap_func = 3u;
        trap_offset = 149u;
        return u32();
    }
    if !(_e8) {
        trap_kind = 3u;
        trap_func = 3u;
        trap_offset = 149u;
        return u32();
    }
    let _e30 = l0_3;
    let _e35 = ((_e30 > -1.0lf) && (_e30 < 4294967296.0lf));
    let _e39 = !(_e35);
    return (bitcast<u32>(i32(select(0.0lf, _e3, _e8))) + select(select(u32(select(0.0lf, _e30, _e35)), 4294967295u, (_e39 && (_e30 > 0.0lf))), 0u, (_e39 && (_e30 < 0.0lf))));
}

@compute @workgroup_size(64, 1, 1) 
fn e0_int(@builtin(global_invocation_id) gid: vec3<u32>) {
    var thread: u32 = 0u;

    let _e5 = params[2u];
    if (gid.x >= _e5) {
        return;
    }
    let _e10 = params[0u];
    let _e14 = params[1u];
    thread = (_e10 + gid.x);
    loop {
        let _e18 = thread;
        if (_e18 >= _e14) {
            break;
        }
        trap_kind = 0u;
        thread_id = _e18;
        let _e27 = atomicLoad((&control[0u]));
        mem_bytes = _e27;
        let _e31 = params[5u];
        let _e35 = params[6u];
        let _e36 = w_func_0_f0_(_e31, _e35);
        let _e39 = ((_e18 - _e10) * 2u);
        let _e40 = trap_kind;
        results[_e39] = _e40;
        let _e43 = (_e40 == 0u);
        if _e43 {
            results[(_e39 + 1u)] = _e36;
        } else {
            let _e52 = atomicAdd((&control[2u]), 1u);
            if (_e52 == 0u) {
                let _e55 = trap_func;
                let _e57 = trap_offset;
                atomicStore((&control[3u]), _e18);
                atomicStore((&control[4u]), _e40);
                atomicStore((&control[5u]), _e55);
                atomicStore((&control[6u]), _e57);
            }
        }
        if ((_e18 == 0u) && _e43) {
        }
        if ((_e14 - _e18) <= _e5) {
            break;
        }
        thread = (_e18 + _e5);
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e1_long(@builtin(global_invocation_id) gid_1: vec3<u32>) {
    var thread_1: u32 = 0u;

    let _e5 = params[2u];
    if (gid_1.x >= _e5) {
        return;
    }
    let _e10 = params[0u];
    let _e14 = params[1u];
    thread_1 = (_e10 + gid_1.x);
    loop {
        let _e18 = thread_1;
        if (_e18 >= _e14) {
            break;
        }
        trap_kind = 0u;
        thread_id = _e18;
        let _e27 = atomicLoad((&control[0u]));
        mem_bytes = _e27;
        let _e31 = params[5u];
        let _e35 = params[6u];
        let _e44 = params[7u];
        let _e48 = params[8u];
        let _e54 = w_func_1_f1_((u64(_e31) | (u64(_e35) << 32u)), (u64(_e44) | (u64(_e48) << 32u)));
        let _e57 = ((_e18 - _e10) * 3u);
        let _e58 = trap_kind;
        results[_e57] = _e58;
        let _e61 = (_e58 == 0u);
        if _e61 {
            results[(_e57 + 1u)] = u32(_e54);
            results[(_e57 + 2u)] = u32((_e54 >> 32u));
        } else {
            let _e78 = atomicAdd((&control[2u]), 1u);
            if (_e78 == 0u) {
                let _e81 = trap_func;
                let _e83 = trap_offset;
                atomicStore((&control[3u]), _e18);
                atomicStore((&control[4u]), _e58);
                atomicStore((&control[5u]), _e81);
                atomicStore((&control[6u]), _e83);
            }
        }
        if ((_e18 == 0u) && _e61) {
        }
        if ((_e14 - _e18) <= _e5) {
            break;
        }
        thread_1 = (_e18 + _e5);
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e2_float(@builtin(global_invocation_id) gid_2: vec3<u32>) {
    var thread_2: u32 = 0u;

    let _e5 = params[2u];
    if (gid_2.x >= _e5) {
        return;
    }
    let _e10 = params[0u];
    let _e14 = params[1u];
    thread_2 = (_e10 + gid_2.x);
    loop {
        let _e18 = thread_2;
        if (_e18 >= _e14) {
            break;
        }
        trap_kind = 0u;
        thread_id = _e18;
        let _e27 = atomicLoad((&control[0u]));
        mem_bytes = _e27;
        let _e31 = params[5u];
        let _e36 = params[6u];
        let _e40 = params[7u];
        let _e47 = w_func_2_f2_(bitcast<f32>(_e31), bitcast<f64>((u64(_e36) | (u64(_e40) << 32u))));
        let _e50 = ((_e18 - _e10) * 3u);
        let _e51 = trap_kind;
        results[_e50] = _e51;
        let _e54 = (_e51 == 0u);
        if _e54 {
            let _e55 = bitcast<u64>(_e47);
            results[(_e50 + 1u)] = u32(_e55);
            results[(_e50 + 2u)] = u32((_e55 >> 32u));
        } else {
            let _e72 = atomicAdd((&control[2u]), 1u);
            if (_e72 == 0u) {
                let _e75 = trap_func;
                let _e77 = trap_offset;
                atomicStore((&control[3u]), _e18);
                atomicStore((&control[4u]), _e51);
                atomicStore((&control[5u]), _e75);
                atomicStore((&control[6u]), _e77);
            }
        }
        if ((_e18 == 0u) && _e54) {
        }
        if ((_e14 - _e18) <= _e5) {
            break;
        }
        thread_2 = (_e18 + _e5);
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e3_conv(@builtin(global_invocation_id) gid_3: vec3<u32>) {
    var thread_3: u32 = 0u;

    let _e5 = params[2u];
    if (gid_3.x >= _e5) {
        return;
    }
    let _e10 = params[0u];
    let _e14 = params[1u];
    thread_3 = (_e10 + gid_3.x);
    loop {
        let _e18 = thread_3;
        if (_e18 >= _e14) {
            break;
        }
        trap_kind = 0u;
        thread_id = _e18;
        let _e27 = atomicLoad((&control[0u]));
        mem_bytes = _e27;
        let _e31 = params[5u];
        let _e35 = params[6u];
        let _e42 = w_func_3_f3_(bitcast<f64>((u64(_e31) | (u64(_e35) << 32u))));
        let _e45 = ((_e18 - _e10) * 2u);
        let _e46 = trap_kind;
        results[_e45] = _e46;
        let _e49 = (_e46 == 0u);
        if _e49 {
            results[(_e45 + 1u)] = _e42;
        } else {
            let _e58 = atomicAdd((&control[2u]), 1u);
            if (_e58 == 0u) {
                let _e61 = trap_func;
                let _e63 = trap_offset;
                atomicStore((&control[3u]), _e18);
                atomicStore((&control[4u]), _e46);
                atomicStore((&control[5u]), _e61);
                atomicStore((&control[6u]), _e63);
            }
        }
        if ((_e18 == 0u) && _e49) {
        }
        if ((_e14 - _e18) <= _e5) {
            break;
        }
        thread_3 = (_e18 + _e5);
    }
}
