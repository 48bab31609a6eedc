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

fn w_add_f0_(p0_: u32, p1_: u32) -> u32 {
    var l0_: u32 = 0u;
    var l1_: u32 = 0u;

    l0_ = p0_;
    l1_ = p1_;
    let _e6 = l1_;
    let _e7 = l0_;
    return (_e7 + _e6);
}

fn w_sub_f1_(p0_1: u32, p1_1: u32) -> u32 {
    var l0_1: u32 = 0u;
    var l1_1: u32 = 0u;

    l0_1 = p0_1;
    l1_1 = p1_1;
    let _e6 = l1_1;
    let _e7 = l0_1;
    return (_e7 - _e6);
}

fn w_swap_f3_(p0_2: u32, p1_2: u32) -> Results_i32_i32_ {
    var l0_2: u32 = 0u;
    var l1_2: u32 = 0u;

    l0_2 = p0_2;
    l1_2 = p1_2;
    let _e6 = l1_2;
    let _e7 = l0_2;
    return Results_i32_i32_(_e6, _e7);
}

fn w_func_4_f4_(p0_3: u32, p1_3: u32, p2_: u32) -> u32 {
    var l0_3: u32 = 0u;
    var l1_3: u32 = 0u;
    var l2_: u32 = 0u;
    var ci3_: u32 = 0u;

    l0_3 = p0_3;
    l1_3 = p1_3;
    l2_ = p2_;
    let _e9 = l1_3;
    let _e10 = l2_;
    let _e11 = w_swap_f3_(_e9, _e10);
    let _e13 = trap_kind;
    if (_e13 != 0u) {
        return u32();
    }
    let _e19 = l0_3;
    switch _e19 {
        case 0u: {
            let _e22 = w_add_f0_(_e11.r0_, _e11.r1_);
            ci3_ = _e22;
        }
        case 1u: {
            let _e23 = w_sub_f1_(_e11.r0_, _e11.r1_);
            ci3_ = _e23;
        }
        case 3u: {
            trap_kind = 7u;
            trap_func = 4u;
            trap_offset = 116u;
            return u32();
        }
        case 2u: {
            trap_kind = 8u;
            trap_func = 4u;
            trap_offset = 116u;
            return u32();
        }
        default: {
            trap_kind = 6u;
            trap_func = 4u;
            trap_offset = 116u;
            return u32();
        }
    }
    let _e46 = trap_kind;
    if (_e46 != 0u) {
        return u32();
    }
    let _e50 = ci3_;
    return _e50;
}

@compute @workgroup_size(64, 1, 1) 
fn e0_apply(@builtin(global_invocation_id) gid: vec3<u32>) {
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
        let _e39 = params[7u];
        let _e40 = w_func_4_f4_(_e31, _e35, _e39);
        let _e43 = ((_e18 - _e10) * 2u);
        let _e44 = trap_kind;
        results[_e43] = _e44;
        let _e47 = (_e44 == 0u);
        if _e47 {
            results[(_e43 + 1u)] = _e40;
        } else {
            let _e56 = atomicAdd((&control[2u]), 1u);
            if (_e56 == 0u) {
                let _e59 = trap_func;
                let _e61 = trap_offset;
                atomicStore((&control[3u]), _e18);
                atomicStore((&control[4u]), _e44);
                atomicStore((&control[5u]), _e59);
                atomicStore((&control[6u]), _e61);
            }
        }
        if ((_e18 == 0u) && _e47) {
        }
        if ((_e14 - _e18) <= _e5) {
            break;
        }
        thread = (_e18 + _e5);
    }
}
