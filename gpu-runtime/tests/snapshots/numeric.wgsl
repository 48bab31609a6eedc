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
@group(0) @binding(5) 
var<storage, read_write> call_stack: array<u32>;
var<private> csp: u32;
var<private> cs_limit: u32;
var<private> trap_code: u32;
var<private> trap_func: u32;
var<private> mem_bytes: u32;
var<private> stack_floor: u32;
var<private> thread_id: u32;
var<private> finished: u32;
var<private> stack_top: u32;

fn w_func_0_f0_(p0_: u32, p1_: u32) -> u32 {
    var l0_: u32 = 0u;
    var l1_: u32 = 0u;
    var ret2_: u32 = 0u;

    l0_ = p0_;
    l1_ = p1_;
    loop {
        let _e8 = l1_;
        let _e9 = l0_;
        let _e14 = trap_code;
        let _e17 = ((_e8 == 0u) && (_e14 == 0u));
        let _e20 = trap_func;
        trap_code = select(_e14, 536870993u, _e17);
        trap_func = select(_e20, 0u, _e17);
        let _e30 = trap_code;
        let _e33 = (((_e9 == 2147483648u) && (_e8 == 4294967295u)) && (_e30 == 0u));
        let _e36 = trap_func;
        trap_code = select(_e30, 805306449u, _e33);
        trap_func = select(_e36, 0u, _e33);
        let _e43 = l1_;
        let _e44 = l0_;
        let _e49 = trap_code;
        let _e52 = ((_e43 == 0u) && (_e49 == 0u));
        let _e55 = trap_func;
        trap_code = select(_e49, 536870998u, _e52);
        trap_func = select(_e55, 0u, _e52);
        let _e60 = l1_;
        let _e61 = l0_;
        let _e63 = (_e60 & 31u);
        let _e71 = l0_;
        ret2_ = ((bitcast<u32>((bitcast<i32>(_e9) / bitcast<i32>(_e8))) + (_e44 % _e43)) + (((_e61 << _e63) | (_e61 >> ((32u - _e63) & 31u))) + countLeadingZeros(_e71)));
        break;
    }
    let _e75 = ret2_;
    finished = 1u;
    return _e75;
}

fn w_func_1_f1_(p0_1: u64, p1_1: u64) -> u64 {
    var l0_1: u64 = 0lu;
    var l1_1: u64 = 0lu;
    var ret2_1: u64 = 0lu;

    l0_1 = p0_1;
    l1_1 = p1_1;
    loop {
        let _e8 = l1_1;
        let _e9 = l0_1;
        let _e14 = trap_code;
        let _e17 = ((_e8 == 0lu) && (_e14 == 0u));
        let _e20 = trap_func;
        trap_code = select(_e14, 536871017u, _e17);
        trap_func = select(_e20, 1u, _e17);
        let _e31 = l1_1;
        let _e32 = l0_1;
        let _e39 = l0_1;
        ret2_1 = (bitcast<u64>((bitcast<i64>(_e9) % bitcast<i64>(select(_e8, 1lu, (_e8 == 18446744073709551615lu))))) + (bitcast<u64>((bitcast<i64>(_e32) >> u32((_e31 & 63lu)))) + u64((countOneBits(u32(_e39)) + countOneBits(u32((_e39 >> 32u)))))));
        break;
    }
    let _e50 = ret2_1;
    finished = 1u;
    return _e50;
}

fn w_func_2_f2_(p0_2: f32, p1_2: f64) -> f64 {
    var l0_2: f32 = 0f;
    var l1_2: f64 = 0.0lf;
    var ret2_2: f64 = 0.0lf;

    l0_2 = p0_2;
    l1_2 = p1_2;
    loop {
        let _e9 = bitcast<f32>(2143289344u);
        let _e10 = l0_2;
        let _e19 = bitcast<u32>(_e10);
        let _e20 = bitcast<u32>(_e9);
        let _e32 = l1_2;
        let _e40 = bitcast<f64>(((bitcast<u64>(1.0lf) & 9223372036854775807lu) | (bitcast<u64>(_e32) & 9223372036854775808lu)));
        let _e41 = l1_2;
        let _e50 = bitcast<u64>(_e41);
        let _e51 = bitcast<u64>(_e40);
        ret2_2 = (f64(select(select(select(select(_e9, _e10, (_e10 < _e9)), bitcast<f32>((_e19 | _e20)), (_e10 == _e9)), bitcast<f32>((_e20 | 4194304u)), !((_e9 == _e9))), bitcast<f32>((_e19 | 4194304u)), !((_e10 == _e10)))) + select(select(select(select(_e40, _e41, (_e41 > _e40)), bitcast<f64>((_e50 & _e51)), (_e41 == _e40)), bitcast<f64>((_e51 | 2251799813685248lu)), !((_e40 == _e40))), bitcast<f64>((_e50 | 2251799813685248lu)), !((_e41 == _e41))));
        break;
    }
    let _e62 = ret2_2;
    finished = 1u;
    return _e62;
}

fn w_func_3_f3_(p0_3: f64) -> u32 {
    var l0_3: f64 = 0.0lf;
    var ret1_: u32 = 0u;

    l0_3 = p0_3;
    loop {
        let _e5 = l0_3;
        let _e10 = ((_e5 > -2147483649.0lf) && (_e5 < 2147483648.0lf));
        let _e15 = trap_code;
        let _e18 = (!((_e5 == _e5)) && (_e15 == 0u));
        let _e21 = trap_func;
        trap_code = select(_e15, 1073741973u, _e18);
        trap_func = select(_e21, 3u, _e18);
        let _e27 = trap_code;
        let _e30 = (!(_e10) && (_e27 == 0u));
        let _e33 = trap_func;
        trap_code = select(_e27, 805306517u, _e30);
        trap_func = select(_e33, 3u, _e30);
        let _e40 = l0_3;
        let _e45 = ((_e40 > -1.0lf) && (_e40 < 4294967296.0lf));
        let _e49 = !(_e45);
        ret1_ = (bitcast<u32>(i32(select(0.0lf, _e5, _e10))) + select(select(u32(select(0.0lf, _e40, _e45)), 4294967295u, (_e49 && (_e40 > 0.0lf))), 0u, (_e49 && (_e40 < 0.0lf))));
        break;
    }
    let _e59 = ret1_;
    finished = 1u;
    return _e59;
}

@compute @workgroup_size(64, 1, 1) 
fn e0_int(@builtin(global_invocation_id) gid: vec3<u32>) {
    var thread: u32 = 0u;

    let _e5 = params[2u];
    if (gid.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread = (_e10 + gid.x);
        loop {
            let _e18 = thread;
            if (_e18 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e18;
            let _e26 = params[5u];
            let _e27 = (gid.x * _e26);
            csp = _e27;
            cs_limit = (_e27 + _e26);
            let _e35 = atomicLoad((&control[0u]));
            mem_bytes = _e35;
            let _e39 = params[6u];
            let _e43 = params[7u];
            finished = 0u;
            let _e45 = w_func_0_f0_(_e39, _e43);
            let _e46 = finished;
            let _e48 = trap_code;
            let _e50 = ((_e46 == 0u) && (_e48 == 0u));
            trap_code = select(_e48, 2952790016u, _e50);
            let _e54 = trap_func;
            trap_func = select(_e54, 0u, _e50);
            let _e59 = ((_e18 - _e10) * 2u);
            let _e60 = trap_code;
            let _e62 = (_e60 >> 28u);
            results[_e59] = (_e62 | 2147483648u);
            let _e67 = (_e62 == 0u);
            if _e67 {
                results[(_e59 + 1u)] = _e45;
            } else {
                let _e76 = atomicAdd((&control[2u]), 1u);
                if (_e76 == 0u) {
                    let _e79 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e62);
                    atomicStore((&control[5u]), _e79);
                    atomicStore((&control[6u]), (_e60 & 268435455u));
                }
            }
            if ((_e18 == 0u) && _e67) {
            }
            if ((_e14 - _e18) <= _e5) {
                break;
            }
            thread = (_e18 + _e5);
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e1_long(@builtin(global_invocation_id) gid_1: vec3<u32>) {
    var thread_1: u32 = 0u;

    let _e5 = params[2u];
    if (gid_1.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_1 = (_e10 + gid_1.x);
        loop {
            let _e18 = thread_1;
            if (_e18 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e18;
            let _e26 = params[5u];
            let _e27 = (gid_1.x * _e26);
            csp = _e27;
            cs_limit = (_e27 + _e26);
            let _e35 = atomicLoad((&control[0u]));
            mem_bytes = _e35;
            let _e39 = params[6u];
            let _e43 = params[7u];
            let _e52 = params[8u];
            let _e56 = params[9u];
            finished = 0u;
            let _e63 = w_func_1_f1_((u64(_e39) | (u64(_e43) << 32u)), (u64(_e52) | (u64(_e56) << 32u)));
            let _e64 = finished;
            let _e66 = trap_code;
            let _e68 = ((_e64 == 0u) && (_e66 == 0u));
            trap_code = select(_e66, 2952790016u, _e68);
            let _e72 = trap_func;
            trap_func = select(_e72, 1u, _e68);
            let _e77 = ((_e18 - _e10) * 3u);
            let _e78 = trap_code;
            let _e80 = (_e78 >> 28u);
            results[_e77] = (_e80 | 2147483648u);
            let _e85 = (_e80 == 0u);
            if _e85 {
                results[(_e77 + 1u)] = u32(_e63);
                results[(_e77 + 2u)] = u32((_e63 >> 32u));
            } else {
                let _e102 = atomicAdd((&control[2u]), 1u);
                if (_e102 == 0u) {
                    let _e105 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e80);
                    atomicStore((&control[5u]), _e105);
                    atomicStore((&control[6u]), (_e78 & 268435455u));
                }
            }
            if ((_e18 == 0u) && _e85) {
            }
            if ((_e14 - _e18) <= _e5) {
                break;
            }
            thread_1 = (_e18 + _e5);
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e2_float(@builtin(global_invocation_id) gid_2: vec3<u32>) {
    var thread_2: u32 = 0u;

    let _e5 = params[2u];
    if (gid_2.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_2 = (_e10 + gid_2.x);
        loop {
            let _e18 = thread_2;
            if (_e18 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e18;
            let _e26 = params[5u];
            let _e27 = (gid_2.x * _e26);
            csp = _e27;
            cs_limit = (_e27 + _e26);
            let _e35 = atomicLoad((&control[0u]));
            mem_bytes = _e35;
            let _e39 = params[6u];
            let _e44 = params[7u];
            let _e48 = params[8u];
            finished = 0u;
            let _e56 = w_func_2_f2_(bitcast<f32>(_e39), bitcast<f64>((u64(_e44) | (u64(_e48) << 32u))));
            let _e57 = finished;
            let _e59 = trap_code;
            let _e61 = ((_e57 == 0u) && (_e59 == 0u));
            trap_code = select(_e59, 2952790016u, _e61);
            let _e65 = trap_func;
            trap_func = select(_e65, 2u, _e61);
            let _e70 = ((_e18 - _e10) * 3u);
            let _e71 = trap_code;
            let _e73 = (_e71 >> 28u);
            results[_e70] = (_e73 | 2147483648u);
            let _e78 = (_e73 == 0u);
            if _e78 {
                let _e79 = bitcast<u64>(_e56);
                results[(_e70 + 1u)] = u32(_e79);
                results[(_e70 + 2u)] = u32((_e79 >> 32u));
            } else {
                let _e96 = atomicAdd((&control[2u]), 1u);
                if (_e96 == 0u) {
                    let _e99 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e73);
                    atomicStore((&control[5u]), _e99);
                    atomicStore((&control[6u]), (_e71 & 268435455u));
                }
            }
            if ((_e18 == 0u) && _e78) {
            }
            if ((_e14 - _e18) <= _e5) {
                break;
            }
            thread_2 = (_e18 + _e5);
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e3_conv(@builtin(global_invocation_id) gid_3: vec3<u32>) {
    var thread_3: u32 = 0u;

    let _e5 = params[2u];
    if (gid_3.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_3 = (_e10 + gid_3.x);
        loop {
            let _e18 = thread_3;
            if (_e18 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e18;
            let _e26 = params[5u];
            let _e27 = (gid_3.x * _e26);
            csp = _e27;
            cs_limit = (_e27 + _e26);
            let _e35 = atomicLoad((&control[0u]));
            mem_bytes = _e35;
            let _e39 = params[6u];
            let _e43 = params[7u];
            finished = 0u;
            let _e51 = w_func_3_f3_(bitcast<f64>((u64(_e39) | (u64(_e43) << 32u))));
            let _e52 = finished;
            let _e54 = trap_code;
            let _e56 = ((_e52 == 0u) && (_e54 == 0u));
            trap_code = select(_e54, 2952790016u, _e56);
            let _e60 = trap_func;
            trap_func = select(_e60, 3u, _e56);
            let _e65 = ((_e18 - _e10) * 2u);
            let _e66 = trap_code;
            let _e68 = (_e66 >> 28u);
            results[_e65] = (_e68 | 2147483648u);
            let _e73 = (_e68 == 0u);
            if _e73 {
                results[(_e65 + 1u)] = _e51;
            } else {
                let _e82 = atomicAdd((&control[2u]), 1u);
                if (_e82 == 0u) {
                    let _e85 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e68);
                    atomicStore((&control[5u]), _e85);
                    atomicStore((&control[6u]), (_e66 & 268435455u));
                }
            }
            if ((_e18 == 0u) && _e73) {
            }
            if ((_e14 - _e18) <= _e5) {
                break;
            }
            thread_3 = (_e18 + _e5);
        }
    }
}
