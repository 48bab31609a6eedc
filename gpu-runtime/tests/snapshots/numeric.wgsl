@group(0) @binding(0) 
var<storage> params: array<u32>;
@group(0) @binding(1) 
var<storage, read_write> memory: array<u32>;
@group(0) @binding(8) 
var<storage, read_write> memory_atomic: array<atomic<u32>>;
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
var<private> may_grow: bool;
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
            may_grow = false;
            finished = 0u;
            let _e66 = w_func_0_f0_(_e31, _e35);
            let _e67 = finished;
            let _e69 = trap_code;
            let _e71 = ((_e67 == 0u) && (_e69 == 0u));
            trap_code = select(_e69, 2952790016u, _e71);
            let _e75 = trap_func;
            trap_func = select(_e75, 0u, _e71);
            let _e80 = ((_e54 - _e10) * 2u);
            let _e81 = trap_code;
            let _e83 = (_e81 >> 28u);
            results[_e80] = (_e83 | 2147483648u);
            if (_e83 == 0u) {
                results[(_e80 + 1u)] = _e66;
            } else {
                let _e93 = trapped;
                if (_e93 == 0u) {
                    trap_thread = _e54;
                    first_trap_code = _e81;
                    let _e97 = trap_func;
                    first_trap_func = _e97;
                    let _e99 = panic_file;
                    first_panic0_ = _e99;
                    let _e101 = panic_file_len;
                    first_panic1_ = _e101;
                    let _e103 = panic_line;
                    first_panic2_ = _e103;
                    let _e105 = panic_column;
                    first_panic3_ = _e105;
                }
                trapped = (_e93 + 1u);
            }
            if ((_e14 - _e54) <= _e5) {
                break;
            }
            thread = (_e54 + _e5);
        }
        let _e111 = trapped;
        if (_e111 != 0u) {
            let _e117 = atomicAdd((&control[2u]), _e111);
            if (_e117 == 0u) {
                let _e120 = first_trap_code;
                let _e125 = trap_thread;
                let _e126 = first_trap_func;
                atomicStore((&control[3u]), _e125);
                atomicStore((&control[4u]), (_e120 >> 28u));
                atomicStore((&control[5u]), _e126);
                atomicStore((&control[6u]), (_e120 & 268435455u));
                let _e139 = first_panic0_;
                atomicStore((&control[7u]), _e139);
                let _e143 = first_panic1_;
                atomicStore((&control[8u]), _e143);
                let _e147 = first_panic2_;
                atomicStore((&control[9u]), _e147);
                let _e151 = first_panic3_;
                atomicStore((&control[10u]), _e151);
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
            may_grow = false;
            finished = 0u;
            let _e84 = w_func_1_f1_((u64(_e31) | (u64(_e35) << 32u)), (u64(_e44) | (u64(_e48) << 32u)));
            let _e85 = finished;
            let _e87 = trap_code;
            let _e89 = ((_e85 == 0u) && (_e87 == 0u));
            trap_code = select(_e87, 2952790016u, _e89);
            let _e93 = trap_func;
            trap_func = select(_e93, 1u, _e89);
            let _e98 = ((_e72 - _e10) * 3u);
            let _e99 = trap_code;
            let _e101 = (_e99 >> 28u);
            results[_e98] = (_e101 | 2147483648u);
            if (_e101 == 0u) {
                results[(_e98 + 1u)] = u32(_e84);
                results[(_e98 + 2u)] = u32((_e84 >> 32u));
            } else {
                let _e119 = trapped_1;
                if (_e119 == 0u) {
                    trap_thread_1 = _e72;
                    first_trap_code_1 = _e99;
                    let _e123 = trap_func;
                    first_trap_func_1 = _e123;
                    let _e125 = panic_file;
                    first_panic0_1 = _e125;
                    let _e127 = panic_file_len;
                    first_panic1_1 = _e127;
                    let _e129 = panic_line;
                    first_panic2_1 = _e129;
                    let _e131 = panic_column;
                    first_panic3_1 = _e131;
                }
                trapped_1 = (_e119 + 1u);
            }
            if ((_e14 - _e72) <= _e5) {
                break;
            }
            thread_1 = (_e72 + _e5);
        }
        let _e137 = trapped_1;
        if (_e137 != 0u) {
            let _e143 = atomicAdd((&control[2u]), _e137);
            if (_e143 == 0u) {
                let _e146 = first_trap_code_1;
                let _e151 = trap_thread_1;
                let _e152 = first_trap_func_1;
                atomicStore((&control[3u]), _e151);
                atomicStore((&control[4u]), (_e146 >> 28u));
                atomicStore((&control[5u]), _e152);
                atomicStore((&control[6u]), (_e146 & 268435455u));
                let _e165 = first_panic0_1;
                atomicStore((&control[7u]), _e165);
                let _e169 = first_panic1_1;
                atomicStore((&control[8u]), _e169);
                let _e173 = first_panic2_1;
                atomicStore((&control[9u]), _e173);
                let _e177 = first_panic3_1;
                atomicStore((&control[10u]), _e177);
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
            may_grow = false;
            finished = 0u;
            let _e77 = w_func_2_f2_(bitcast<f32>(_e31), bitcast<f64>((u64(_e36) | (u64(_e40) << 32u))));
            let _e78 = finished;
            let _e80 = trap_code;
            let _e82 = ((_e78 == 0u) && (_e80 == 0u));
            trap_code = select(_e80, 2952790016u, _e82);
            let _e86 = trap_func;
            trap_func = select(_e86, 2u, _e82);
            let _e91 = ((_e65 - _e10) * 3u);
            let _e92 = trap_code;
            let _e94 = (_e92 >> 28u);
            results[_e91] = (_e94 | 2147483648u);
            if (_e94 == 0u) {
                let _e100 = bitcast<u64>(_e77);
                results[(_e91 + 1u)] = u32(_e100);
                results[(_e91 + 2u)] = u32((_e100 >> 32u));
            } else {
                let _e113 = trapped_2;
                if (_e113 == 0u) {
                    trap_thread_2 = _e65;
                    first_trap_code_2 = _e92;
                    let _e117 = trap_func;
                    first_trap_func_2 = _e117;
                    let _e119 = panic_file;
                    first_panic0_2 = _e119;
                    let _e121 = panic_file_len;
                    first_panic1_2 = _e121;
                    let _e123 = panic_line;
                    first_panic2_2 = _e123;
                    let _e125 = panic_column;
                    first_panic3_2 = _e125;
                }
                trapped_2 = (_e113 + 1u);
            }
            if ((_e14 - _e65) <= _e5) {
                break;
            }
            thread_2 = (_e65 + _e5);
        }
        let _e131 = trapped_2;
        if (_e131 != 0u) {
            let _e137 = atomicAdd((&control[2u]), _e131);
            if (_e137 == 0u) {
                let _e140 = first_trap_code_2;
                let _e145 = trap_thread_2;
                let _e146 = first_trap_func_2;
                atomicStore((&control[3u]), _e145);
                atomicStore((&control[4u]), (_e140 >> 28u));
                atomicStore((&control[5u]), _e146);
                atomicStore((&control[6u]), (_e140 & 268435455u));
                let _e159 = first_panic0_2;
                atomicStore((&control[7u]), _e159);
                let _e163 = first_panic1_2;
                atomicStore((&control[8u]), _e163);
                let _e167 = first_panic2_2;
                atomicStore((&control[9u]), _e167);
                let _e171 = first_panic3_2;
                atomicStore((&control[10u]), _e171);
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
            may_grow = false;
            finished = 0u;
            let _e72 = w_func_3_f3_(bitcast<f64>((u64(_e31) | (u64(_e35) << 32u))));
            let _e73 = finished;
            let _e75 = trap_code;
            let _e77 = ((_e73 == 0u) && (_e75 == 0u));
            trap_code = select(_e75, 2952790016u, _e77);
            let _e81 = trap_func;
            trap_func = select(_e81, 3u, _e77);
            let _e86 = ((_e60 - _e10) * 2u);
            let _e87 = trap_code;
            let _e89 = (_e87 >> 28u);
            results[_e86] = (_e89 | 2147483648u);
            if (_e89 == 0u) {
                results[(_e86 + 1u)] = _e72;
            } else {
                let _e99 = trapped_3;
                if (_e99 == 0u) {
                    trap_thread_3 = _e60;
                    first_trap_code_3 = _e87;
                    let _e103 = trap_func;
                    first_trap_func_3 = _e103;
                    let _e105 = panic_file;
                    first_panic0_3 = _e105;
                    let _e107 = panic_file_len;
                    first_panic1_3 = _e107;
                    let _e109 = panic_line;
                    first_panic2_3 = _e109;
                    let _e111 = panic_column;
                    first_panic3_3 = _e111;
                }
                trapped_3 = (_e99 + 1u);
            }
            if ((_e14 - _e60) <= _e5) {
                break;
            }
            thread_3 = (_e60 + _e5);
        }
        let _e117 = trapped_3;
        if (_e117 != 0u) {
            let _e123 = atomicAdd((&control[2u]), _e117);
            if (_e123 == 0u) {
                let _e126 = first_trap_code_3;
                let _e131 = trap_thread_3;
                let _e132 = first_trap_func_3;
                atomicStore((&control[3u]), _e131);
                atomicStore((&control[4u]), (_e126 >> 28u));
                atomicStore((&control[5u]), _e132);
                atomicStore((&control[6u]), (_e126 & 268435455u));
                let _e145 = first_panic0_3;
                atomicStore((&control[7u]), _e145);
                let _e149 = first_panic1_3;
                atomicStore((&control[8u]), _e149);
                let _e153 = first_panic2_3;
                atomicStore((&control[9u]), _e153);
                let _e157 = first_panic3_3;
                atomicStore((&control[10u]), _e157);
            }
        }
    }
}
