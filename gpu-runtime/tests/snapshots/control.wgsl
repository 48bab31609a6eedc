struct Results_i32_i32_ {
    r0_: u32,
    r1_: u32,
}

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
                if (u32((_e21 < 50u)) != 0u) {
                    continue;
                }
                brk_1 = 4294967294u;
                break;
                continuing {
                    let _e28 = trap_code;
                    break if (_e28 != 0u);
                }
            }
            let _e31 = brk_1;
            let _e36 = trap_code;
            let _e39 = ((_e31 == 4294967295u) && (_e36 == 0u));
            let _e42 = trap_func;
            trap_code = select(_e36, 2952790142u, _e39);
            trap_func = select(_e42, 1u, _e39);
            if (_e31 == 4294967294u) {
                brk_1 = 4294967295u;
            }
            let _e47 = brk_1;
            if (_e47 != 4294967295u) {
                if (_e47 == 1u) {
                    brk_1 = 4294967295u;
                }
                break;
            }
            blk2_ = 2u;
            break;
        }
        let _e53 = blk2_;
        ret1_1 = _e53;
        break;
    }
    let _e54 = ret1_1;
    finished = 1u;
    return _e54;
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
            finished = 0u;
            let _e42 = w_classify_f0_(_e40);
            let _e43 = finished;
            let _e45 = trap_code;
            let _e47 = ((_e43 == 0u) && (_e45 == 0u));
            trap_code = select(_e45, 2952790016u, _e47);
            let _e51 = trap_func;
            trap_func = select(_e51, 0u, _e47);
            let _e56 = ((_e18 - _e10) * 2u);
            let _e57 = trap_code;
            let _e59 = (_e57 >> 28u);
            results[_e56] = (_e59 | 2147483648u);
            let _e64 = (_e59 == 0u);
            if _e64 {
                results[(_e56 + 1u)] = _e42;
            } else {
                let _e73 = atomicAdd((&control[2u]), 1u);
                if (_e73 == 0u) {
                    let _e76 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e59);
                    atomicStore((&control[5u]), _e76);
                    atomicStore((&control[6u]), (_e57 & 268435455u));
                    let _e92 = panic_file;
                    atomicStore((&control[7u]), _e92);
                    let _e97 = panic_file_len;
                    atomicStore((&control[8u]), _e97);
                    let _e102 = panic_line;
                    atomicStore((&control[9u]), _e102);
                    let _e107 = panic_column;
                    atomicStore((&control[10u]), _e107);
                }
            }
            if ((_e18 == 0u) && _e64) {
            }
            if ((_e14 - _e18) <= _e5) {
                break;
            }
            thread = (_e18 + _e5);
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e1_nested(@builtin(global_invocation_id) gid_1: vec3<u32>) {
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
            finished = 0u;
            let _e42 = w_nested_f1_(_e40);
            let _e43 = finished;
            let _e45 = trap_code;
            let _e47 = ((_e43 == 0u) && (_e45 == 0u));
            trap_code = select(_e45, 2952790016u, _e47);
            let _e51 = trap_func;
            trap_func = select(_e51, 1u, _e47);
            let _e56 = ((_e18 - _e10) * 2u);
            let _e57 = trap_code;
            let _e59 = (_e57 >> 28u);
            results[_e56] = (_e59 | 2147483648u);
            let _e64 = (_e59 == 0u);
            if _e64 {
                results[(_e56 + 1u)] = _e42;
            } else {
                let _e73 = atomicAdd((&control[2u]), 1u);
                if (_e73 == 0u) {
                    let _e76 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e59);
                    atomicStore((&control[5u]), _e76);
                    atomicStore((&control[6u]), (_e57 & 268435455u));
                    let _e92 = panic_file;
                    atomicStore((&control[7u]), _e92);
                    let _e97 = panic_file_len;
                    atomicStore((&control[8u]), _e97);
                    let _e102 = panic_line;
                    atomicStore((&control[9u]), _e102);
                    let _e107 = panic_column;
                    atomicStore((&control[10u]), _e107);
                }
            }
            if ((_e18 == 0u) && _e64) {
            }
            if ((_e14 - _e18) <= _e5) {
                break;
            }
            thread_1 = (_e18 + _e5);
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e2_pair(@builtin(global_invocation_id) gid_2: vec3<u32>) {
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
            finished = 0u;
            let _e42 = w_pair_f2_(_e40);
            let _e43 = finished;
            let _e45 = trap_code;
            let _e47 = ((_e43 == 0u) && (_e45 == 0u));
            trap_code = select(_e45, 2952790016u, _e47);
            let _e51 = trap_func;
            trap_func = select(_e51, 2u, _e47);
            let _e56 = ((_e18 - _e10) * 3u);
            let _e57 = trap_code;
            let _e59 = (_e57 >> 28u);
            results[_e56] = (_e59 | 2147483648u);
            let _e64 = (_e59 == 0u);
            if _e64 {
                results[(_e56 + 1u)] = _e42.r0_;
                results[(_e56 + 2u)] = _e42.r1_;
            } else {
                let _e79 = atomicAdd((&control[2u]), 1u);
                if (_e79 == 0u) {
                    let _e82 = trap_func;
                    atomicStore((&control[3u]), _e18);
                    atomicStore((&control[4u]), _e59);
                    atomicStore((&control[5u]), _e82);
                    atomicStore((&control[6u]), (_e57 & 268435455u));
                    let _e98 = panic_file;
                    atomicStore((&control[7u]), _e98);
                    let _e103 = panic_file_len;
                    atomicStore((&control[8u]), _e103);
                    let _e108 = panic_line;
                    atomicStore((&control[9u]), _e108);
                    let _e113 = panic_column;
                    atomicStore((&control[10u]), _e113);
                }
            }
            if ((_e18 == 0u) && _e64) {
            }
            if ((_e14 - _e18) <= _e5) {
                break;
            }
            thread_2 = (_e18 + _e5);
        }
    }
}
