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

fn table_init(dst: u32, src: u32, n: u32) -> bool {
    var i: u32 = 0u;
    var complete_at: u32 = 0u;

    complete_at = n;
    let _e8 = trap_code;
    if (_e8 == 0u) {
        loop {
            let _e14 = i;
            if (_e14 >= n) {
                break;
            }
            let _e18 = select(_e14, ((n - 1u) - _e14), false);
            let _e21 = data[(src + _e18)];
            atomicStore((&control[(dst + _e18)]), _e21);
            i = (_e14 + 1u);
        }
    }
    let _e25 = i;
    let _e26 = complete_at;
    finished = 1u;
    return (_e25 == _e26);
}

fn w_func_2_f2_() {
    loop {
        let _e6 = atomicLoad((&control[4110u]));
        let _e10 = atomicLoad((&control[11u]));
        let _e22 = trap_code;
        let _e25 = ((((2u > _e10) || (0u > (_e10 - 2u))) || ((2u > _e6) || (0u > (_e6 - 2u)))) && (_e22 == 0u));
        let _e28 = trap_func;
        trap_code = select(_e22, 3489661038u, _e25);
        trap_func = select(_e28, 2u, _e25);
        finished = 0u;
        let _e37 = table_init((12u + 0u), (0u + 0u), 2u);
        let _e39 = finished;
        let _e44 = trap_code;
        let _e47 = ((_e39 == 0u) && (_e44 == 0u));
        let _e50 = trap_func;
        trap_code = select(_e44, 2952790126u, _e47);
        trap_func = select(_e50, 2u, _e47);
        let _e56 = trap_code;
        let _e59 = (!(_e37) && (_e56 == 0u));
        let _e62 = trap_func;
        trap_code = select(_e56, 2952790126u, _e59);
        trap_func = select(_e62, 2u, _e59);
        let _e66 = trap_code;
        if (_e66 == 0u) {
            atomicStore((&control[4110u]), 0u);
        }
        break;
    }
    finished = 1u;
    return;
}

fn w_func_3_f3_() {
    var l0_: u32 = 0u;

    loop {
        let _e6 = atomicLoad((&control[11u]));
        let _e7 = (0u >= _e6);
        let _e10 = trap_code;
        let _e13 = (_e7 && (_e10 == 0u));
        let _e16 = trap_func;
        trap_code = select(_e10, 3489661052u, _e13);
        trap_func = select(_e16, 3u, _e13);
        let _e25 = atomicLoad((&control[(12u + select(0u, 0u, _e7))]));
        l0_ = _e25;
        let _e31 = atomicLoad((&control[11u]));
        let _e32 = (1u >= _e31);
        let _e35 = trap_code;
        let _e38 = (_e32 && (_e35 == 0u));
        let _e41 = trap_func;
        trap_code = select(_e35, 3489661060u, _e38);
        trap_func = select(_e41, 3u, _e38);
        let _e50 = atomicLoad((&control[(12u + select(1u, 0u, _e32))]));
        let _e54 = atomicLoad((&control[11u]));
        let _e55 = (0u >= _e54);
        let _e58 = trap_code;
        let _e61 = (_e55 && (_e58 == 0u));
        let _e64 = trap_func;
        trap_code = select(_e58, 3489661062u, _e61);
        trap_func = select(_e64, 3u, _e61);
        let _e72 = trap_code;
        if (_e72 == 0u) {
            atomicStore((&control[(12u + select(0u, 0u, _e55))]), _e50);
        }
        let _e78 = l0_;
        let _e82 = atomicLoad((&control[11u]));
        let _e83 = (1u >= _e82);
        let _e86 = trap_code;
        let _e89 = (_e83 && (_e86 == 0u));
        let _e92 = trap_func;
        trap_code = select(_e86, 3489661068u, _e89);
        trap_func = select(_e92, 3u, _e89);
        let _e100 = trap_code;
        if (_e100 == 0u) {
            atomicStore((&control[(12u + select(1u, 0u, _e83))]), _e78);
        }
        break;
    }
    finished = 1u;
    return;
}

fn table_grow(size_word: u32, capacity: u32, delta: u32) -> u32 {
    var tries: u32 = 0u;
    var r: u32 = 4294967295u;

    let _e11 = trap_code;
    if (_e11 == 0u) {
        loop {
            let _e15 = tries;
            if (_e15 >= 1024u) {
                break;
            }
            tries = (_e15 + 1u);
            let _e18 = atomicLoad((&control[size_word]));
            if (delta > (capacity - _e18)) {
                break;
            }
            let _e22 = atomicCompareExchangeWeak((&control[size_word]), _e18, (_e18 + delta));
            if _e22.exchanged {
                r = _e18;
                break;
            }
        }
    }
    let _e24 = r;
    finished = 1u;
    return _e24;
}

fn table_fill(dst_1: u32, src_1: u32, n_1: u32) -> bool {
    var i_1: u32 = 0u;
    var complete_at_1: u32 = 0u;

    complete_at_1 = n_1;
    let _e8 = trap_code;
    if (_e8 == 0u) {
        loop {
            let _e14 = i_1;
            if (_e14 >= n_1) {
                break;
            }
            atomicStore((&control[(dst_1 + select(_e14, ((n_1 - 1u) - _e14), false))]), src_1);
            i_1 = (_e14 + 1u);
        }
    }
    let _e22 = i_1;
    let _e23 = complete_at_1;
    finished = 1u;
    return (_e22 == _e23);
}

fn w_func_4_f4_() -> u32 {
    var ret0_: u32 = 0u;

    loop {
        finished = 0u;
        let _e8 = table_grow(11u, 4098u, 1u);
        let _e10 = finished;
        let _e15 = trap_code;
        let _e18 = ((_e10 == 0u) && (_e15 == 0u));
        let _e21 = trap_func;
        trap_code = select(_e15, 2952790165u, _e18);
        trap_func = select(_e21, 4u, _e18);
        let _e25 = (_e8 != 4294967295u);
        finished = 0u;
        let _e33 = table_fill((12u + select(0u, _e8, _e25)), 1u, select(0u, 1u, _e25));
        let _e35 = finished;
        let _e40 = trap_code;
        let _e43 = ((_e35 == 0u) && (_e40 == 0u));
        let _e46 = trap_func;
        trap_code = select(_e40, 2952790165u, _e43);
        trap_func = select(_e46, 4u, _e43);
        let _e52 = trap_code;
        let _e55 = (!(_e33) && (_e52 == 0u));
        let _e58 = trap_func;
        trap_code = select(_e52, 2952790165u, _e55);
        trap_func = select(_e58, 4u, _e55);
        ret0_ = _e8;
        break;
    }
    let _e61 = ret0_;
    finished = 1u;
    return _e61;
}

fn w_inc_f0_(p0_: u32) -> u32 {
    var l0_1: u32 = 0u;
    var ret1_: u32 = 0u;

    l0_1 = p0_;
    loop {
        let _e6 = l0_1;
        ret1_ = (_e6 + 1u);
        break;
    }
    let _e8 = ret1_;
    finished = 1u;
    return _e8;
}

fn w_dbl_f1_(p0_1: u32) -> u32 {
    var l0_2: u32 = 0u;
    var ret1_1: u32 = 0u;

    l0_2 = p0_1;
    loop {
        let _e6 = l0_2;
        ret1_1 = (_e6 * 2u);
        break;
    }
    let _e8 = ret1_1;
    finished = 1u;
    return _e8;
}

fn w_func_5_f5_(p0_2: u32, p1_: u32) -> u32 {
    var l0_3: u32 = 0u;
    var l1_: u32 = 0u;
    var ret2_: u32 = 0u;
    var ci3_: u32 = 0u;

    l0_3 = p0_2;
    l1_ = p1_;
    loop {
        let _e8 = l0_3;
        let _e9 = l1_;
        let _e16 = atomicLoad((&control[11u]));
        let _e17 = (_e8 >= _e16);
        let _e20 = trap_code;
        let _e23 = (_e17 && (_e20 == 0u));
        let _e26 = trap_func;
        trap_code = select(_e20, 1610612895u, _e23);
        trap_func = select(_e26, 5u, _e23);
        let _e35 = atomicLoad((&control[(12u + select(_e8, 0u, _e17))]));
        finished = 0u;
        switch select(_e35, 4294967295u, _e17) {
            case 1u: {
                let _e37 = w_inc_f0_(_e9);
                ci3_ = _e37;
            }
            case 2u: {
                let _e38 = w_dbl_f1_(_e9);
                ci3_ = _e38;
            }
            case 0u: {
                let _e41 = trap_code;
                let _e43 = (_e41 == 0u);
                let _e46 = trap_func;
                trap_code = select(_e41, 1879048351u, _e43);
                trap_func = select(_e46, 5u, _e43);
            }
            default: {
                let _e51 = trap_code;
                let _e53 = (_e51 == 0u);
                let _e56 = trap_func;
                trap_code = select(_e51, 2147483807u, _e53);
                trap_func = select(_e56, 5u, _e53);
            }
        }
        let _e62 = finished;
        let _e67 = trap_code;
        let _e70 = ((_e62 == 0u) && (_e67 == 0u));
        let _e73 = trap_func;
        trap_code = select(_e67, 2952790175u, _e70);
        trap_func = select(_e73, 5u, _e70);
        let _e76 = ci3_;
        ret2_ = _e76;
        break;
    }
    let _e77 = ret2_;
    finished = 1u;
    return _e77;
}

@compute @workgroup_size(64, 1, 1) 
fn e0_init(@builtin(global_invocation_id) gid: vec3<u32>) {
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
    var ran: u32 = 0u;

    let _e5 = params[2u];
    if (gid.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread = (_e10 + gid.x);
        let _e21 = atomicLoad((&control[0u]));
        let _e25 = params[5u];
        let _e26 = (gid.x * _e25);
        loop {
            let _e47 = thread;
            if (_e47 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e47;
            invocation = gid.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            w_func_2_f2_();
            let _e59 = finished;
            let _e61 = trap_code;
            let _e63 = ((_e59 == 0u) && (_e61 == 0u));
            trap_code = select(_e61, 2952790016u, _e63);
            let _e67 = trap_func;
            trap_func = select(_e67, 2u, _e63);
            let _e73 = trap_code;
            let _e75 = (_e73 >> 28u);
            if (_e75 == 0u) {
            } else {
                results[((_e47 - _e10) * 1u)] = (_e75 | 2147483648u);
                let _e81 = trapped;
                if (_e81 == 0u) {
                    trap_thread = _e47;
                    first_trap_code = _e73;
                    let _e85 = trap_func;
                    first_trap_func = _e85;
                    let _e87 = panic_file;
                    first_panic0_ = _e87;
                    let _e89 = panic_file_len;
                    first_panic1_ = _e89;
                    let _e91 = panic_line;
                    first_panic2_ = _e91;
                    let _e93 = panic_column;
                    first_panic3_ = _e93;
                }
                trapped = (_e81 + 1u);
            }
            let _e96 = ran;
            ran = (_e96 + 1u);
            if ((_e14 - _e47) <= _e5) {
                break;
            }
            thread = (_e47 + _e5);
        }
        let _e106 = ran;
        results[((_e14 - _e10) + gid.x)] = _e106;
        let _e107 = trapped;
        if (_e107 != 0u) {
            let _e113 = atomicAdd((&control[2u]), _e107);
            if (_e113 == 0u) {
                let _e116 = first_trap_code;
                let _e121 = trap_thread;
                let _e122 = first_trap_func;
                atomicStore((&control[3u]), _e121);
                atomicStore((&control[4u]), (_e116 >> 28u));
                atomicStore((&control[5u]), _e122);
                atomicStore((&control[6u]), (_e116 & 268435455u));
                let _e135 = first_panic0_;
                atomicStore((&control[7u]), _e135);
                let _e139 = first_panic1_;
                atomicStore((&control[8u]), _e139);
                let _e143 = first_panic2_;
                atomicStore((&control[9u]), _e143);
                let _e147 = first_panic3_;
                atomicStore((&control[10u]), _e147);
            }
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e1_swap(@builtin(global_invocation_id) gid_1: vec3<u32>) {
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
    var ran_1: u32 = 0u;

    let _e5 = params[2u];
    if (gid_1.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_1 = (_e10 + gid_1.x);
        let _e21 = atomicLoad((&control[0u]));
        let _e25 = params[5u];
        let _e26 = (gid_1.x * _e25);
        loop {
            let _e47 = thread_1;
            if (_e47 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e47;
            invocation = gid_1.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            w_func_3_f3_();
            let _e59 = finished;
            let _e61 = trap_code;
            let _e63 = ((_e59 == 0u) && (_e61 == 0u));
            trap_code = select(_e61, 2952790016u, _e63);
            let _e67 = trap_func;
            trap_func = select(_e67, 3u, _e63);
            let _e73 = trap_code;
            let _e75 = (_e73 >> 28u);
            if (_e75 == 0u) {
            } else {
                results[((_e47 - _e10) * 1u)] = (_e75 | 2147483648u);
                let _e81 = trapped_1;
                if (_e81 == 0u) {
                    trap_thread_1 = _e47;
                    first_trap_code_1 = _e73;
                    let _e85 = trap_func;
                    first_trap_func_1 = _e85;
                    let _e87 = panic_file;
                    first_panic0_1 = _e87;
                    let _e89 = panic_file_len;
                    first_panic1_1 = _e89;
                    let _e91 = panic_line;
                    first_panic2_1 = _e91;
                    let _e93 = panic_column;
                    first_panic3_1 = _e93;
                }
                trapped_1 = (_e81 + 1u);
            }
            let _e96 = ran_1;
            ran_1 = (_e96 + 1u);
            if ((_e14 - _e47) <= _e5) {
                break;
            }
            thread_1 = (_e47 + _e5);
        }
        let _e106 = ran_1;
        results[((_e14 - _e10) + gid_1.x)] = _e106;
        let _e107 = trapped_1;
        if (_e107 != 0u) {
            let _e113 = atomicAdd((&control[2u]), _e107);
            if (_e113 == 0u) {
                let _e116 = first_trap_code_1;
                let _e121 = trap_thread_1;
                let _e122 = first_trap_func_1;
                atomicStore((&control[3u]), _e121);
                atomicStore((&control[4u]), (_e116 >> 28u));
                atomicStore((&control[5u]), _e122);
                atomicStore((&control[6u]), (_e116 & 268435455u));
                let _e135 = first_panic0_1;
                atomicStore((&control[7u]), _e135);
                let _e139 = first_panic1_1;
                atomicStore((&control[8u]), _e139);
                let _e143 = first_panic2_1;
                atomicStore((&control[9u]), _e143);
                let _e147 = first_panic3_1;
                atomicStore((&control[10u]), _e147);
            }
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e2_grow(@builtin(global_invocation_id) gid_2: vec3<u32>) {
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
        loop {
            let _e46 = thread_2;
            if (_e46 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e46;
            invocation = gid_2.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e58 = w_func_4_f4_();
            let _e59 = finished;
            let _e61 = trap_code;
            let _e63 = ((_e59 == 0u) && (_e61 == 0u));
            trap_code = select(_e61, 2952790016u, _e63);
            let _e67 = trap_func;
            trap_func = select(_e67, 4u, _e63);
            let _e72 = ((_e46 - _e10) * 2u);
            let _e73 = trap_code;
            let _e75 = (_e73 >> 28u);
            results[_e72] = (_e75 | 2147483648u);
            if (_e75 == 0u) {
                results[(_e72 + 1u)] = _e58;
            } else {
                let _e85 = trapped_2;
                if (_e85 == 0u) {
                    trap_thread_2 = _e46;
                    first_trap_code_2 = _e73;
                    let _e89 = trap_func;
                    first_trap_func_2 = _e89;
                    let _e91 = panic_file;
                    first_panic0_2 = _e91;
                    let _e93 = panic_file_len;
                    first_panic1_2 = _e93;
                    let _e95 = panic_line;
                    first_panic2_2 = _e95;
                    let _e97 = panic_column;
                    first_panic3_2 = _e97;
                }
                trapped_2 = (_e85 + 1u);
            }
            if ((_e14 - _e46) <= _e5) {
                break;
            }
            thread_2 = (_e46 + _e5);
        }
        let _e103 = trapped_2;
        if (_e103 != 0u) {
            let _e109 = atomicAdd((&control[2u]), _e103);
            if (_e109 == 0u) {
                let _e112 = first_trap_code_2;
                let _e117 = trap_thread_2;
                let _e118 = first_trap_func_2;
                atomicStore((&control[3u]), _e117);
                atomicStore((&control[4u]), (_e112 >> 28u));
                atomicStore((&control[5u]), _e118);
                atomicStore((&control[6u]), (_e112 & 268435455u));
                let _e131 = first_panic0_2;
                atomicStore((&control[7u]), _e131);
                let _e135 = first_panic1_2;
                atomicStore((&control[8u]), _e135);
                let _e139 = first_panic2_2;
                atomicStore((&control[9u]), _e139);
                let _e143 = first_panic3_2;
                atomicStore((&control[10u]), _e143);
            }
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e3_call(@builtin(global_invocation_id) gid_3: vec3<u32>) {
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
            let _e54 = thread_3;
            if (_e54 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e54;
            invocation = gid_3.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e66 = w_func_5_f5_(_e31, _e35);
            let _e67 = finished;
            let _e69 = trap_code;
            let _e71 = ((_e67 == 0u) && (_e69 == 0u));
            trap_code = select(_e69, 2952790016u, _e71);
            let _e75 = trap_func;
            trap_func = select(_e75, 5u, _e71);
            let _e80 = ((_e54 - _e10) * 2u);
            let _e81 = trap_code;
            let _e83 = (_e81 >> 28u);
            results[_e80] = (_e83 | 2147483648u);
            if (_e83 == 0u) {
                results[(_e80 + 1u)] = _e66;
            } else {
                let _e93 = trapped_3;
                if (_e93 == 0u) {
                    trap_thread_3 = _e54;
                    first_trap_code_3 = _e81;
                    let _e97 = trap_func;
                    first_trap_func_3 = _e97;
                    let _e99 = panic_file;
                    first_panic0_3 = _e99;
                    let _e101 = panic_file_len;
                    first_panic1_3 = _e101;
                    let _e103 = panic_line;
                    first_panic2_3 = _e103;
                    let _e105 = panic_column;
                    first_panic3_3 = _e105;
                }
                trapped_3 = (_e93 + 1u);
            }
            if ((_e14 - _e54) <= _e5) {
                break;
            }
            thread_3 = (_e54 + _e5);
        }
        let _e111 = trapped_3;
        if (_e111 != 0u) {
            let _e117 = atomicAdd((&control[2u]), _e111);
            if (_e117 == 0u) {
                let _e120 = first_trap_code_3;
                let _e125 = trap_thread_3;
                let _e126 = first_trap_func_3;
                atomicStore((&control[3u]), _e125);
                atomicStore((&control[4u]), (_e120 >> 28u));
                atomicStore((&control[5u]), _e126);
                atomicStore((&control[6u]), (_e120 & 268435455u));
                let _e139 = first_panic0_3;
                atomicStore((&control[7u]), _e139);
                let _e143 = first_panic1_3;
                atomicStore((&control[8u]), _e143);
                let _e147 = first_panic2_3;
                atomicStore((&control[9u]), _e147);
                let _e151 = first_panic3_3;
                atomicStore((&control[10u]), _e151);
            }
        }
    }
}
