struct Results_i32_i32_ {
    r0_: u32,
    r1_: u32,
}

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

fn w_classify_f0_(p0_: u32) -> u32 {
    var l0_: u32 = 0u;
    var ret1_: u32 = 0u;
    var brk: u32 = 4294967295u;

    l0_ = p0_;
    loop {
        loop {
            loop {
                loop {
                    let _e5 = l0_;
                    switch _e5 {
                        case 1u: {
                            brk = 2u;
                        }
                        case 0u: {
                            brk = 3u;
                        }
                        default: {
                            brk = 1u;
                        }
                    }
                    let _e11 = brk;
                    if (_e11 != 4294967295u) {
                        if (_e11 == 3u) {
                            brk = 4294967295u;
                        }
                        break;
                    }
                }
                let _e16 = brk;
                if (_e16 != 4294967295u) {
                    if (_e16 == 2u) {
                        brk = 4294967295u;
                    }
                    break;
                }
                ret1_ = 10u;
                brk = 0u;
                break;
            }
            let _e23 = brk;
            if (_e23 != 4294967295u) {
                if (_e23 == 1u) {
                    brk = 4294967295u;
                }
                break;
            }
            ret1_ = 20u;
            brk = 0u;
            break;
        }
        let _e30 = brk;
        if (_e30 != 4294967295u) {
            if (_e30 == 0u) {
                brk = 4294967295u;
            }
            break;
        }
        ret1_ = 30u;
        break;
    }
    let _e36 = ret1_;
    finished = 1u;
    return _e36;
}

fn w_nested_f1_(p0_1: u32) -> u32 {
    var l0_1: u32 = 0u;
    var ret1_1: u32 = 0u;
    var blk2_: u32 = 0u;
    var brk_1: u32 = 4294967295u;

    l0_1 = p0_1;
    loop {
        loop {
            loop {
                let _e8 = l0_1;
                if (u32((_e8 > 100u)) != 0u) {
                    blk2_ = 1u;
                    brk_1 = 1u;
                    break;
                }
                let _e18 = l0_1;
                l0_1 = (_e18 + 7u);
                let _e21 = l0_1;
                let _e27 = trap_code;
                if ((u32((_e21 < 50u)) != 0u) && (_e27 == 0u)) {
                    continue;
                }
                brk_1 = 4294967294u;
                break;
            }
            let _e32 = brk_1;
            let _e37 = trap_code;
            let _e40 = ((_e32 == 4294967295u) && (_e37 == 0u));
            let _e43 = trap_func;
            trap_code = select(_e37, 2952790142u, _e40);
            trap_func = select(_e43, 1u, _e40);
            if (_e32 == 4294967294u) {
                brk_1 = 4294967295u;
            }
            let _e48 = brk_1;
            if (_e48 != 4294967295u) {
                if (_e48 == 1u) {
                    brk_1 = 4294967295u;
                }
                break;
            }
            blk2_ = 2u;
            break;
        }
        let _e54 = blk2_;
        ret1_1 = _e54;
        break;
    }
    let _e55 = ret1_1;
    finished = 1u;
    return _e55;
}

fn w_pair_f2_(p0_2: u32) -> Results_i32_i32_ {
    var l0_2: u32 = 0u;
    var ret1_2: u32 = 0u;
    var ret2_: u32 = 0u;
    var blk3_: u32 = 0u;
    var blk4_: u32 = 0u;
    var if5_: u32 = 0u;
    var if6_: u32 = 0u;

    l0_2 = p0_2;
    loop {
        {
            let _e12 = l0_2;
            let _e13 = (_e12 + 1u);
            let _e14 = l0_2;
            if (_e14 != 0u) {
                if5_ = _e13;
                if6_ = 5u;
            } else {
                if5_ = _e13;
                if6_ = 6u;
            }
            let _e23 = if5_;
            let _e24 = if6_;
            blk3_ = _e23;
            blk4_ = _e24;
        }
        let _e25 = blk3_;
        let _e26 = blk4_;
        ret1_2 = _e25;
        ret2_ = _e26;
        break;
    }
    let _e27 = ret1_2;
    let _e28 = ret2_;
    finished = 1u;
    return Results_i32_i32_(_e27, _e28);
}

@compute @workgroup_size(64, 1, 1) 
fn e0_classify(@builtin(global_invocation_id) gid: vec3<u32>) {
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
        loop {
            let _e50 = thread;
            if (_e50 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e50;
            invocation = gid.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e62 = w_classify_f0_(_e31);
            let _e63 = finished;
            let _e65 = trap_code;
            let _e67 = ((_e63 == 0u) && (_e65 == 0u));
            trap_code = select(_e65, 2952790016u, _e67);
            let _e71 = trap_func;
            trap_func = select(_e71, 0u, _e67);
            let _e76 = ((_e50 - _e10) * 2u);
            let _e77 = trap_code;
            let _e79 = (_e77 >> 28u);
            results[_e76] = (_e79 | 2147483648u);
            if (_e79 == 0u) {
                results[(_e76 + 1u)] = _e62;
            } else {
                let _e89 = trapped;
                if (_e89 == 0u) {
                    trap_thread = _e50;
                    first_trap_code = _e77;
                    let _e93 = trap_func;
                    first_trap_func = _e93;
                    let _e95 = panic_file;
                    first_panic0_ = _e95;
                    let _e97 = panic_file_len;
                    first_panic1_ = _e97;
                    let _e99 = panic_line;
                    first_panic2_ = _e99;
                    let _e101 = panic_column;
                    first_panic3_ = _e101;
                }
                trapped = (_e89 + 1u);
            }
            if ((_e14 - _e50) <= _e5) {
                break;
            }
            thread = (_e50 + _e5);
        }
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
fn e1_nested(@builtin(global_invocation_id) gid_1: vec3<u32>) {
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
        loop {
            let _e50 = thread_1;
            if (_e50 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e50;
            invocation = gid_1.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e62 = w_nested_f1_(_e31);
            let _e63 = finished;
            let _e65 = trap_code;
            let _e67 = ((_e63 == 0u) && (_e65 == 0u));
            trap_code = select(_e65, 2952790016u, _e67);
            let _e71 = trap_func;
            trap_func = select(_e71, 1u, _e67);
            let _e76 = ((_e50 - _e10) * 2u);
            let _e77 = trap_code;
            let _e79 = (_e77 >> 28u);
            results[_e76] = (_e79 | 2147483648u);
            if (_e79 == 0u) {
                results[(_e76 + 1u)] = _e62;
            } else {
                let _e89 = trapped_1;
                if (_e89 == 0u) {
                    trap_thread_1 = _e50;
                    first_trap_code_1 = _e77;
                    let _e93 = trap_func;
                    first_trap_func_1 = _e93;
                    let _e95 = panic_file;
                    first_panic0_1 = _e95;
                    let _e97 = panic_file_len;
                    first_panic1_1 = _e97;
                    let _e99 = panic_line;
                    first_panic2_1 = _e99;
                    let _e101 = panic_column;
                    first_panic3_1 = _e101;
                }
                trapped_1 = (_e89 + 1u);
            }
            if ((_e14 - _e50) <= _e5) {
                break;
            }
            thread_1 = (_e50 + _e5);
        }
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
fn e2_pair(@builtin(global_invocation_id) gid_2: vec3<u32>) {
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
        loop {
            let _e50 = thread_2;
            if (_e50 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e50;
            invocation = gid_2.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e62 = w_pair_f2_(_e31);
            let _e63 = finished;
            let _e65 = trap_code;
            let _e67 = ((_e63 == 0u) && (_e65 == 0u));
            trap_code = select(_e65, 2952790016u, _e67);
            let _e71 = trap_func;
            trap_func = select(_e71, 2u, _e67);
            let _e76 = ((_e50 - _e10) * 3u);
            let _e77 = trap_code;
            let _e79 = (_e77 >> 28u);
            results[_e76] = (_e79 | 2147483648u);
            if (_e79 == 0u) {
                results[(_e76 + 1u)] = _e62.r0_;
                results[(_e76 + 2u)] = _e62.r1_;
            } else {
                let _e95 = trapped_2;
                if (_e95 == 0u) {
                    trap_thread_2 = _e50;
                    first_trap_code_2 = _e77;
                    let _e99 = trap_func;
                    first_trap_func_2 = _e99;
                    let _e101 = panic_file;
                    first_panic0_2 = _e101;
                    let _e103 = panic_file_len;
                    first_panic1_2 = _e103;
                    let _e105 = panic_line;
                    first_panic2_2 = _e105;
                    let _e107 = panic_column;
                    first_panic3_2 = _e107;
                }
                trapped_2 = (_e95 + 1u);
            }
            if ((_e14 - _e50) <= _e5) {
                break;
            }
            thread_2 = (_e50 + _e5);
        }
        let _e113 = trapped_2;
        if (_e113 != 0u) {
            let _e119 = atomicAdd((&control[2u]), _e113);
            if (_e119 == 0u) {
                let _e122 = first_trap_code_2;
                let _e127 = trap_thread_2;
                let _e128 = first_trap_func_2;
                atomicStore((&control[3u]), _e127);
                atomicStore((&control[4u]), (_e122 >> 28u));
                atomicStore((&control[5u]), _e128);
                atomicStore((&control[6u]), (_e122 & 268435455u));
                let _e141 = first_panic0_2;
                atomicStore((&control[7u]), _e141);
                let _e145 = first_panic1_2;
                atomicStore((&control[8u]), _e145);
                let _e149 = first_panic2_2;
                atomicStore((&control[9u]), _e149);
                let _e153 = first_panic3_2;
                atomicStore((&control[10u]), _e153);
            }
        }
    }
}
