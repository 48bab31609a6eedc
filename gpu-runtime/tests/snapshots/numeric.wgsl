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
    var trapped: u32 = 0u;
    var trap_thread: u32 = 0u;
    var first_trap_code: u32 = 0u;
    var first_trap_func: u32 = 0u;
    var first_panic0_: u32 = 0u;
    var first_panic1_: u32 = 0u;
    var first_panic2_: u32 = 0u;
    var first_panic3_: u32 = 0u;
    var kept_globals: bool = false;

    let _e5 = params[2u];
    if (gid.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread = (_e10 + gid.x);
        let _e21 = atomicLoad((&control[0u]));
        let _e25 = params[5u];
        let _e26 = (gid.x * _e25);
        let _e31 = params[10u];
        let _e35 = params[11u];
        loop {
            let _e54 = thread;
            if (_e54 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e54;
            invocation = gid.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            finished = 0u;
            let _e64 = w_func_0_f0_(_e31, _e35);
            let _e65 = finished;
            let _e67 = trap_code;
            let _e69 = ((_e65 == 0u) && (_e67 == 0u));
            trap_code = select(_e67, 2952790016u, _e69);
            let _e73 = trap_func;
            trap_func = select(_e73, 0u, _e69);
            let _e78 = ((_e54 - _e10) * 2u);
            let _e79 = trap_code;
            let _e81 = (_e79 >> 28u);
            results[_e78] = (_e81 | 2147483648u);
            if (_e81 == 0u) {
                results[(_e78 + 1u)] = _e64;
            } else {
                let _e91 = trapped;
                if (_e91 == 0u) {
                    trap_thread = _e54;
                    first_trap_code = _e79;
                    let _e95 = trap_func;
                    first_trap_func = _e95;
                    let _e97 = panic_file;
                    first_panic0_ = _e97;
                    let _e99 = panic_file_len;
                    first_panic1_ = _e99;
                    let _e101 = panic_line;
                    first_panic2_ = _e101;
                    let _e103 = panic_column;
                    first_panic3_ = _e103;
                }
                trapped = (_e91 + 1u);
            }
            if ((_e14 - _e54) <= _e5) {
                break;
            }
            thread = (_e54 + _e5);
        }
        let _e109 = trapped;
        if (_e109 != 0u) {
            let _e115 = atomicAdd((&control[2u]), _e109);
            if (_e115 == 0u) {
                let _e118 = first_trap_code;
                let _e123 = trap_thread;
                let _e124 = first_trap_func;
                atomicStore((&control[3u]), _e123);
                atomicStore((&control[4u]), (_e118 >> 28u));
                atomicStore((&control[5u]), _e124);
                atomicStore((&control[6u]), (_e118 & 268435455u));
                let _e137 = first_panic0_;
                atomicStore((&control[7u]), _e137);
                let _e141 = first_panic1_;
                atomicStore((&control[8u]), _e141);
                let _e145 = first_panic2_;
                atomicStore((&control[9u]), _e145);
                let _e149 = first_panic3_;
                atomicStore((&control[10u]), _e149);
            }
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e1_long(@builtin(global_invocation_id) gid_1: vec3<u32>) {
    var thread_1: u32 = 0u;
    var trapped_1: u32 = 0u;
    var trap_thread_1: u32 = 0u;
    var first_trap_code_1: u32 = 0u;
    var first_trap_func_1: u32 = 0u;
    var first_panic0_1: u32 = 0u;
    var first_panic1_1: u32 = 0u;
    var first_panic2_1: u32 = 0u;
    var first_panic3_1: u32 = 0u;
    var kept_globals_1: bool = false;

    let _e5 = params[2u];
    if (gid_1.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_1 = (_e10 + gid_1.x);
        let _e21 = atomicLoad((&control[0u]));
        let _e25 = params[5u];
        let _e26 = (gid_1.x * _e25);
        let _e31 = params[10u];
        let _e35 = params[11u];
        let _e44 = params[12u];
        let _e48 = params[13u];
        loop {
            let _e72 = thread_1;
            if (_e72 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e72;
            invocation = gid_1.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            finished = 0u;
            let _e82 = w_func_1_f1_((u64(_e31) | (u64(_e35) << 32u)), (u64(_e44) | (u64(_e48) << 32u)));
            let _e83 = finished;
            let _e85 = trap_code;
            let _e87 = ((_e83 == 0u) && (_e85 == 0u));
            trap_code = select(_e85, 2952790016u, _e87);
            let _e91 = trap_func;
            trap_func = select(_e91, 1u, _e87);
            let _e96 = ((_e72 - _e10) * 3u);
            let _e97 = trap_code;
            let _e99 = (_e97 >> 28u);
            results[_e96] = (_e99 | 2147483648u);
            if (_e99 == 0u) {
                results[(_e96 + 1u)] = u32(_e82);
                results[(_e96 + 2u)] = u32((_e82 >> 32u));
            } else {
                let _e117 = trapped_1;
                if (_e117 == 0u) {
                    trap_thread_1 = _e72;
                    first_trap_code_1 = _e97;
                    let _e121 = trap_func;
                    first_trap_func_1 = _e121;
                    let _e123 = panic_file;
                    first_panic0_1 = _e123;
                    let _e125 = panic_file_len;
                    first_panic1_1 = _e125;
                    let _e127 = panic_line;
                    first_panic2_1 = _e127;
                    let _e129 = panic_column;
                    first_panic3_1 = _e129;
                }
                trapped_1 = (_e117 + 1u);
            }
            if ((_e14 - _e72) <= _e5) {
                break;
            }
            thread_1 = (_e72 + _e5);
        }
        let _e135 = trapped_1;
        if (_e135 != 0u) {
            let _e141 = atomicAdd((&control[2u]), _e135);
            if (_e141 == 0u) {
                let _e144 = first_trap_code_1;
                let _e149 = trap_thread_1;
                let _e150 = first_trap_func_1;
                atomicStore((&control[3u]), _e149);
                atomicStore((&control[4u]), (_e144 >> 28u));
                atomicStore((&control[5u]), _e150);
                atomicStore((&control[6u]), (_e144 & 268435455u));
                let _e163 = first_panic0_1;
                atomicStore((&control[7u]), _e163);
                let _e167 = first_panic1_1;
                atomicStore((&control[8u]), _e167);
                let _e171 = first_panic2_1;
                atomicStore((&control[9u]), _e171);
                let _e175 = first_panic3_1;
                atomicStore((&control[10u]), _e175);
            }
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e2_float(@builtin(global_invocation_id) gid_2: vec3<u32>) {
    var thread_2: u32 = 0u;
    var trapped_2: u32 = 0u;
    var trap_thread_2: u32 = 0u;
    var first_trap_code_2: u32 = 0u;
    var first_trap_func_2: u32 = 0u;
    var first_panic0_2: u32 = 0u;
    var first_panic1_2: u32 = 0u;
    var first_panic2_2: u32 = 0u;
    var first_panic3_2: u32 = 0u;
    var kept_globals_2: bool = false;

    let _e5 = params[2u];
    if (gid_2.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_2 = (_e10 + gid_2.x);
        let _e21 = atomicLoad((&control[0u]));
        let _e25 = params[5u];
        let _e26 = (gid_2.x * _e25);
        let _e31 = params[10u];
        let _e36 = params[11u];
        let _e40 = params[12u];
        loop {
            let _e65 = thread_2;
            if (_e65 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e65;
            invocation = gid_2.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            finished = 0u;
            let _e75 = w_func_2_f2_(bitcast<f32>(_e31), bitcast<f64>((u64(_e36) | (u64(_e40) << 32u))));
            let _e76 = finished;
            let _e78 = trap_code;
            let _e80 = ((_e76 == 0u) && (_e78 == 0u));
            trap_code = select(_e78, 2952790016u, _e80);
            let _e84 = trap_func;
            trap_func = select(_e84, 2u, _e80);
            let _e89 = ((_e65 - _e10) * 3u);
            let _e90 = trap_code;
            let _e92 = (_e90 >> 28u);
            results[_e89] = (_e92 | 2147483648u);
            if (_e92 == 0u) {
                let _e98 = bitcast<u64>(_e75);
                results[(_e89 + 1u)] = u32(_e98);
                results[(_e89 + 2u)] = u32((_e98 >> 32u));
            } else {
                let _e111 = trapped_2;
                if (_e111 == 0u) {
                    trap_thread_2 = _e65;
                    first_trap_code_2 = _e90;
                    let _e115 = trap_func;
                    first_trap_func_2 = _e115;
                    let _e117 = panic_file;
                    first_panic0_2 = _e117;
                    let _e119 = panic_file_len;
                    first_panic1_2 = _e119;
                    let _e121 = panic_line;
                    first_panic2_2 = _e121;
                    let _e123 = panic_column;
                    first_panic3_2 = _e123;
                }
                trapped_2 = (_e111 + 1u);
            }
            if ((_e14 - _e65) <= _e5) {
                break;
            }
            thread_2 = (_e65 + _e5);
        }
        let _e129 = trapped_2;
        if (_e129 != 0u) {
            let _e135 = atomicAdd((&control[2u]), _e129);
            if (_e135 == 0u) {
                let _e138 = first_trap_code_2;
                let _e143 = trap_thread_2;
                let _e144 = first_trap_func_2;
                atomicStore((&control[3u]), _e143);
                atomicStore((&control[4u]), (_e138 >> 28u));
                atomicStore((&control[5u]), _e144);
                atomicStore((&control[6u]), (_e138 & 268435455u));
                let _e157 = first_panic0_2;
                atomicStore((&control[7u]), _e157);
                let _e161 = first_panic1_2;
                atomicStore((&control[8u]), _e161);
                let _e165 = first_panic2_2;
                atomicStore((&control[9u]), _e165);
                let _e169 = first_panic3_2;
                atomicStore((&control[10u]), _e169);
            }
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e3_conv(@builtin(global_invocation_id) gid_3: vec3<u32>) {
    var thread_3: u32 = 0u;
    var trapped_3: u32 = 0u;
    var trap_thread_3: u32 = 0u;
    var first_trap_code_3: u32 = 0u;
    var first_trap_func_3: u32 = 0u;
    var first_panic0_3: u32 = 0u;
    var first_panic1_3: u32 = 0u;
    var first_panic2_3: u32 = 0u;
    var first_panic3_3: u32 = 0u;
    var kept_globals_3: bool = false;

    let _e5 = params[2u];
    if (gid_3.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_3 = (_e10 + gid_3.x);
        let _e21 = atomicLoad((&control[0u]));
        let _e25 = params[5u];
        let _e26 = (gid_3.x * _e25);
        let _e31 = params[10u];
        let _e35 = params[11u];
        loop {
            let _e60 = thread_3;
            if (_e60 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e60;
            invocation = gid_3.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            finished = 0u;
            let _e70 = w_func_3_f3_(bitcast<f64>((u64(_e31) | (u64(_e35) << 32u))));
            let _e71 = finished;
            let _e73 = trap_code;
            let _e75 = ((_e71 == 0u) && (_e73 == 0u));
            trap_code = select(_e73, 2952790016u, _e75);
            let _e79 = trap_func;
            trap_func = select(_e79, 3u, _e75);
            let _e84 = ((_e60 - _e10) * 2u);
            let _e85 = trap_code;
            let _e87 = (_e85 >> 28u);
            results[_e84] = (_e87 | 2147483648u);
            if (_e87 == 0u) {
                results[(_e84 + 1u)] = _e70;
            } else {
                let _e97 = trapped_3;
                if (_e97 == 0u) {
                    trap_thread_3 = _e60;
                    first_trap_code_3 = _e85;
                    let _e101 = trap_func;
                    first_trap_func_3 = _e101;
                    let _e103 = panic_file;
                    first_panic0_3 = _e103;
                    let _e105 = panic_file_len;
                    first_panic1_3 = _e105;
                    let _e107 = panic_line;
                    first_panic2_3 = _e107;
                    let _e109 = panic_column;
                    first_panic3_3 = _e109;
                }
                trapped_3 = (_e97 + 1u);
            }
            if ((_e14 - _e60) <= _e5) {
                break;
            }
            thread_3 = (_e60 + _e5);
        }
        let _e115 = trapped_3;
        if (_e115 != 0u) {
            let _e121 = atomicAdd((&control[2u]), _e115);
            if (_e121 == 0u) {
                let _e124 = first_trap_code_3;
                let _e129 = trap_thread_3;
                let _e130 = first_trap_func_3;
                atomicStore((&control[3u]), _e129);
                atomicStore((&control[4u]), (_e124 >> 28u));
                atomicStore((&control[5u]), _e130);
                atomicStore((&control[6u]), (_e124 & 268435455u));
                let _e143 = first_panic0_3;
                atomicStore((&control[7u]), _e143);
                let _e147 = first_panic1_3;
                atomicStore((&control[8u]), _e147);
                let _e151 = first_panic2_3;
                atomicStore((&control[9u]), _e151);
                let _e155 = first_panic3_3;
                atomicStore((&control[10u]), _e155);
            }
        }
    }
}
