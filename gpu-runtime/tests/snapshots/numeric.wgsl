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
@group(0) @binding(6) 
var<storage, read_write> framebuffer: array<u32>;
var<private> invocation: u32;
var<private> panic_file: u32;
var<private> panic_file_len: u32;
var<private> panic_line: u32;
var<private> panic_column: u32;
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
            invocation = gid.x;
            let _e27 = params[5u];
            let _e28 = (gid.x * _e27);
            csp = _e28;
            cs_limit = (_e28 + _e27);
            let _e36 = atomicLoad((&control[0u]));
            mem_bytes = _e36;
            let _e40 = params[10u];
            let _e44 = params[11u];
            finished = 0u;
            let _e46 = w_func_0_f0_(_e40, _e44);
            let _e47 = finished;
            let _e49 = trap_code;
            let _e51 = ((_e47 == 0u) && (_e49 == 0u));
            trap_code = select(_e49, 2952790016u, _e51);
            let _e55 = trap_func;
            trap_func = select(_e55, 0u, _e51);
            let _e60 = ((_e18 - _e10) * 2u);
            let _e61 = trap_code;
            let _e63 = (_e61 >> 28u);
            results[_e60] = (_e63 | 2147483648u);
            let _e68 = (_e63 == 0u);
            if _e68 {
                results[(_e60 + 1u)] = _e46;
            } else {
                let _e77 = atomicAdd((&control[2u]), 1u);
                if (_e77 == 0u) {
                    let _e80 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e63);
                    atomicStore((&control[5u]), _e80);
                    atomicStore((&control[6u]), (_e61 & 268435455u));
                    let _e96 = panic_file;
                    atomicStore((&control[7u]), _e96);
                    let _e101 = panic_file_len;
                    atomicStore((&control[8u]), _e101);
                    let _e106 = panic_line;
                    atomicStore((&control[9u]), _e106);
                    let _e111 = panic_column;
                    atomicStore((&control[10u]), _e111);
                }
            }
            if ((_e18 == 0u) && _e68) {
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
            invocation = gid_1.x;
            let _e27 = params[5u];
            let _e28 = (gid_1.x * _e27);
            csp = _e28;
            cs_limit = (_e28 + _e27);
            let _e36 = atomicLoad((&control[0u]));
            mem_bytes = _e36;
            let _e40 = params[10u];
            let _e44 = params[11u];
            let _e53 = params[12u];
            let _e57 = params[13u];
            finished = 0u;
            let _e64 = w_func_1_f1_((u64(_e40) | (u64(_e44) << 32u)), (u64(_e53) | (u64(_e57) << 32u)));
            let _e65 = finished;
            let _e67 = trap_code;
            let _e69 = ((_e65 == 0u) && (_e67 == 0u));
            trap_code = select(_e67, 2952790016u, _e69);
            let _e73 = trap_func;
            trap_func = select(_e73, 1u, _e69);
            let _e78 = ((_e18 - _e10) * 3u);
            let _e79 = trap_code;
            let _e81 = (_e79 >> 28u);
            results[_e78] = (_e81 | 2147483648u);
            let _e86 = (_e81 == 0u);
            if _e86 {
                results[(_e78 + 1u)] = u32(_e64);
                results[(_e78 + 2u)] = u32((_e64 >> 32u));
            } else {
                let _e103 = atomicAdd((&control[2u]), 1u);
                if (_e103 == 0u) {
                    let _e106 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e81);
                    atomicStore((&control[5u]), _e106);
                    atomicStore((&control[6u]), (_e79 & 268435455u));
                    let _e122 = panic_file;
                    atomicStore((&control[7u]), _e122);
                    let _e127 = panic_file_len;
                    atomicStore((&control[8u]), _e127);
                    let _e132 = panic_line;
                    atomicStore((&control[9u]), _e132);
                    let _e137 = panic_column;
                    atomicStore((&control[10u]), _e137);
                }
            }
            if ((_e18 == 0u) && _e86) {
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
            invocation = gid_2.x;
            let _e27 = params[5u];
            let _e28 = (gid_2.x * _e27);
            csp = _e28;
            cs_limit = (_e28 + _e27);
            let _e36 = atomicLoad((&control[0u]));
            mem_bytes = _e36;
            let _e40 = params[10u];
            let _e45 = params[11u];
            let _e49 = params[12u];
            finished = 0u;
            let _e57 = w_func_2_f2_(bitcast<f32>(_e40), bitcast<f64>((u64(_e45) | (u64(_e49) << 32u))));
            let _e58 = finished;
            let _e60 = trap_code;
            let _e62 = ((_e58 == 0u) && (_e60 == 0u));
            trap_code = select(_e60, 2952790016u, _e62);
            let _e66 = trap_func;
            trap_func = select(_e66, 2u, _e62);
            let _e71 = ((_e18 - _e10) * 3u);
            let _e72 = trap_code;
            let _e74 = (_e72 >> 28u);
            results[_e71] = (_e74 | 2147483648u);
            let _e79 = (_e74 == 0u);
            if _e79 {
                let _e80 = bitcast<u64>(_e57);
                results[(_e71 + 1u)] = u32(_e80);
                results[(_e71 + 2u)] = u32((_e80 >> 32u));
            } else {
                let _e97 = atomicAdd((&control[2u]), 1u);
                if (_e97 == 0u) {
                    let _e100 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e74);
                    atomicStore((&control[5u]), _e100);
                    atomicStore((&control[6u]), (_e72 & 268435455u));
                    let _e116 = panic_file;
                    atomicStore((&control[7u]), _e116);
                    let _e121 = panic_file_len;
                    atomicStore((&control[8u]), _e121);
                    let _e126 = panic_line;
                    atomicStore((&control[9u]), _e126);
                    let _e131 = panic_column;
                    atomicStore((&control[10u]), _e131);
                }
            }
            if ((_e18 == 0u) && _e79) {
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
            invocation = gid_3.x;
            let _e27 = params[5u];
            let _e28 = (gid_3.x * _e27);
            csp = _e28;
            cs_limit = (_e28 + _e27);
            let _e36 = atomicLoad((&control[0u]));
            mem_bytes = _e36;
            let _e40 = params[10u];
            let _e44 = params[11u];
            finished = 0u;
            let _e52 = w_func_3_f3_(bitcast<f64>((u64(_e40) | (u64(_e44) << 32u))));
            let _e53 = finished;
            let _e55 = trap_code;
            let _e57 = ((_e53 == 0u) && (_e55 == 0u));
            trap_code = select(_e55, 2952790016u, _e57);
            let _e61 = trap_func;
            trap_func = select(_e61, 3u, _e57);
            let _e66 = ((_e18 - _e10) * 2u);
            let _e67 = trap_code;
            let _e69 = (_e67 >> 28u);
            results[_e66] = (_e69 | 2147483648u);
            let _e74 = (_e69 == 0u);
            if _e74 {
                results[(_e66 + 1u)] = _e52;
            } else {
                let _e83 = atomicAdd((&control[2u]), 1u);
                if (_e83 == 0u) {
                    let _e86 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e69);
                    atomicStore((&control[5u]), _e86);
                    atomicStore((&control[6u]), (_e67 & 268435455u));
                    let _e102 = panic_file;
                    atomicStore((&control[7u]), _e102);
                    let _e107 = panic_file_len;
                    atomicStore((&control[8u]), _e107);
                    let _e112 = panic_line;
                    atomicStore((&control[9u]), _e112);
                    let _e117 = panic_column;
                    atomicStore((&control[10u]), _e117);
                }
            }
            if ((_e18 == 0u) && _e74) {
            }
            if ((_e14 - _e18) <= _e5) {
                break;
            }
            thread_3 = (_e18 + _e5);
        }
    }
}
