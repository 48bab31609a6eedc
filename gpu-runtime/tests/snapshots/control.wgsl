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
var<private> trap_kind: u32;
var<private> trap_func: u32;
var<private> trap_offset: u32;
var<private> mem_bytes: u32;
var<private> stack_floor: u32;
var<private> thread_id: u32;
var<private> stack_top: u32;

fn w_classify_f0_(p0_: u32) -> u32 {
    var l0_: u32 = 0u;
    var brk: u32 = 4294967295u;

    l0_ = p0_;
    loop {
        loop {
            loop {
                let _e3 = l0_;
                switch _e3 {
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
                let _e9 = brk;
                if (_e9 != 4294967295u) {
                    if (_e9 == 3u) {
                        brk = 4294967295u;
                    }
                    break;
                }
            }
            let _e14 = brk;
            if (_e14 != 4294967295u) {
                if (_e14 == 2u) {
                    brk = 4294967295u;
                }
                break;
            }
            return 10u;
        }
        let _e20 = brk;
        if (_e20 != 4294967295u) {
            if (_e20 == 1u) {
                brk = 4294967295u;
            }
            break;
        }
        return 20u;
    }
    return 30u;
}

fn w_nested_f1_(p0_1: u32) -> u32 {
    var l0_1: u32 = 0u;
    var blk1_: u32 = 0u;
    var brk_1: u32 = 4294967295u;

    l0_1 = p0_1;
    loop {
        loop {
            let _e6 = l0_1;
            loop {
                if (u32((_e6 > 100u)) != 0u) {
                    blk1_ = 1u;
                    brk_1 = 1u;
                    break;
                }
                break;
            }
            let _e15 = brk_1;
            if (_e15 != 4294967295u) {
                if (_e15 == 2u) {
                    brk_1 = 4294967295u;
                    continue;
                }
                break;
            }
            let _e21 = l0_1;
            l0_1 = (_e21 + 7u);
            let _e24 = l0_1;
            if (u32((_e24 < 50u)) != 0u) {
                continue;
            }
            break;
        }
        let _e29 = brk_1;
        if (_e29 != 4294967295u) {
            if (_e29 == 1u) {
                brk_1 = 4294967295u;
            }
            break;
        }
        blk1_ = 2u;
        break;
    }
    let _e35 = blk1_;
    return _e35;
}

fn w_pair_f2_(p0_2: u32) -> Results_i32_i32_ {
    var l0_2: u32 = 0u;
    var blk1_1: u32 = 0u;
    var blk2_: u32 = 0u;
    var if3_: u32 = 0u;
    var if4_: u32 = 0u;

    l0_2 = p0_2;
    loop {
        let _e8 = l0_2;
        let _e9 = (_e8 + 1u);
        let _e10 = l0_2;
        loop {
            if (_e10 != 0u) {
                if3_ = _e9;
                if4_ = 5u;
            } else {
                if3_ = _e9;
                if4_ = 6u;
            }
            break;
        }
        let _e19 = if3_;
        let _e20 = if4_;
        blk1_1 = _e19;
        blk2_ = _e20;
        break;
    }
    let _e21 = blk1_1;
    let _e22 = blk2_;
    return Results_i32_i32_(_e21, _e22);
}

@compute @workgroup_size(64, 1, 1) 
fn e0_classify(@builtin(global_invocation_id) gid: vec3<u32>) {
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
        let _e32 = w_classify_f0_(_e31);
        let _e35 = ((_e18 - _e10) * 2u);
        let _e36 = trap_kind;
        results[_e35] = _e36;
        let _e39 = (_e36 == 0u);
        if _e39 {
            results[(_e35 + 1u)] = _e32;
        } else {
            let _e48 = atomicAdd((&control[2u]), 1u);
            if (_e48 == 0u) {
                let _e51 = trap_func;
                let _e53 = trap_offset;
                atomicStore((&control[3u]), _e18);
                atomicStore((&control[4u]), _e36);
                atomicStore((&control[5u]), _e51);
                atomicStore((&control[6u]), _e53);
            }
        }
        if ((_e18 == 0u) && _e39) {
        }
        if ((_e14 - _e18) <= _e5) {
            break;
        }
        thread = (_e18 + _e5);
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e1_nested(@builtin(global_invocation_id) gid_1: vec3<u32>) {
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
        let _e32 = w_nested_f1_(_e31);
        let _e35 = ((_e18 - _e10) * 2u);
        let _e36 = trap_kind;
        results[_e35] = _e36;
        let _e39 = (_e36 == 0u);
        if _e39 {
            results[(_e35 + 1u)] = _e32;
        } else {
            let _e48 = atomicAdd((&control[2u]), 1u);
            if (_e48 == 0u) {
                let _e51 = trap_func;
                let _e53 = trap_offset;
                atomicStore((&control[3u]), _e18);
                atomicStore((&control[4u]), _e36);
                atomicStore((&control[5u]), _e51);
                atomicStore((&control[6u]), _e53);
            }
        }
        if ((_e18 == 0u) && _e39) {
        }
        if ((_e14 - _e18) <= _e5) {
            break;
        }
        thread_1 = (_e18 + _e5);
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e2_pair(@builtin(global_invocation_id) gid_2: vec3<u32>) {
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
        let _e32 = w_pair_f2_(_e31);
        let _e35 = ((_e18 - _e10) * 3u);
        let _e36 = trap_kind;
        results[_e35] = _e36;
        let _e39 = (_e36 == 0u);
        if _e39 {
            results[(_e35 + 1u)] = _e32.r0_;
            results[(_e35 + 2u)] = _e32.r1_;
        } else {
            let _e54 = atomicAdd((&control[2u]), 1u);
            if (_e54 == 0u) {
                let _e57 = trap_func;
                let _e59 = trap_offset;
                atomicStore((&control[3u]), _e18);
                atomicStore((&control[4u]), _e36);
                atomicStore((&control[5u]), _e57);
                atomicStore((&control[6u]), _e59);
            }
        }
        if ((_e18 == 0u) && _e39) {
        }
        if ((_e14 - _e18) <= _e5) {
            break;
        }
        thread_2 = (_e18 + _e5);
    }
}
