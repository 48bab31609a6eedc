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

fn w_add_f0_(p0_: u32, p1_: u32) -> u32 {
    var l0_: u32 = 0u;
    var l1_: u32 = 0u;
    var ret2_: u32 = 0u;

    l0_ = p0_;
    l1_ = p1_;
    loop {
        let _e8 = l1_;
        let _e9 = l0_;
        ret2_ = (_e9 + _e8);
        break;
    }
    let _e11 = ret2_;
    finished = 1u;
    return _e11;
}

fn w_sub_f1_(p0_1: u32, p1_1: u32) -> u32 {
    var l0_1: u32 = 0u;
    var l1_1: u32 = 0u;
    var ret2_1: u32 = 0u;

    l0_1 = p0_1;
    l1_1 = p1_1;
    loop {
        let _e8 = l1_1;
        let _e9 = l0_1;
        ret2_1 = (_e9 - _e8);
        break;
    }
    let _e11 = ret2_1;
    finished = 1u;
    return _e11;
}

fn w_swap_f3_(p0_2: u32, p1_2: u32) -> Results_i32_i32_ {
    var l0_2: u32 = 0u;
    var l1_2: u32 = 0u;
    var ret2_2: u32 = 0u;
    var ret3_: u32 = 0u;

    l0_2 = p0_2;
    l1_2 = p1_2;
    loop {
        let _e10 = l1_2;
        let _e11 = l0_2;
        ret2_2 = _e10;
        ret3_ = _e11;
        break;
    }
    let _e12 = ret2_2;
    let _e13 = ret3_;
    finished = 1u;
    return Results_i32_i32_(_e12, _e13);
}

fn w_func_4_f4_(p0_3: u32, p1_3: u32, p2_: u32) -> u32 {
    var l0_3: u32 = 0u;
    var l1_3: u32 = 0u;
    var l2_: u32 = 0u;
    var ret3_1: u32 = 0u;
    var ci4_: u32 = 0u;

    l0_3 = p0_3;
    l1_3 = p1_3;
    l2_ = p2_;
    loop {
        let _e11 = l1_3;
        let _e12 = l2_;
        finished = 0u;
        let _e15 = w_swap_f3_(_e11, _e12);
        let _e17 = finished;
        let _e22 = trap_code;
        let _e25 = ((_e17 == 0u) && (_e22 == 0u));
        let _e28 = trap_func;
        trap_code = select(_e22, 2952790128u, _e25);
        trap_func = select(_e28, 4u, _e25);
        let _e33 = l0_3;
        finished = 0u;
        switch _e33 {
            case 0u: {
                let _e37 = w_add_f0_(_e15.r0_, _e15.r1_);
                ci4_ = _e37;
            }
            case 1u: {
                let _e38 = w_sub_f1_(_e15.r0_, _e15.r1_);
                ci4_ = _e38;
            }
            case 3u: {
                let _e41 = trap_code;
                let _e43 = (_e41 == 0u);
                let _e46 = trap_func;
                trap_code = select(_e41, 1879048308u, _e43);
                trap_func = select(_e46, 4u, _e43);
            }
            case 2u: {
                let _e51 = trap_code;
                let _e53 = (_e51 == 0u);
                let _e56 = trap_func;
                trap_code = select(_e51, 2147483764u, _e53);
                trap_func = select(_e56, 4u, _e53);
            }
            default: {
                let _e61 = trap_code;
                let _e63 = (_e61 == 0u);
                let _e66 = trap_func;
                trap_code = select(_e61, 1610612852u, _e63);
                trap_func = select(_e66, 4u, _e63);
            }
        }
        let _e72 = finished;
        let _e77 = trap_code;
        let _e80 = ((_e72 == 0u) && (_e77 == 0u));
        let _e83 = trap_func;
        trap_code = select(_e77, 2952790132u, _e80);
        trap_func = select(_e83, 4u, _e80);
        let _e86 = ci4_;
        ret3_1 = _e86;
        break;
    }
    let _e87 = ret3_1;
    finished = 1u;
    return _e87;
}

@compute @workgroup_size(64, 1, 1) 
fn e0_apply(@builtin(global_invocation_id) gid: vec3<u32>) {
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
        let _e39 = params[12u];
        loop {
            let _e58 = thread;
            if (_e58 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e58;
            invocation = gid.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e70 = w_func_4_f4_(_e31, _e35, _e39);
            let _e71 = finished;
            let _e73 = trap_code;
            let _e75 = ((_e71 == 0u) && (_e73 == 0u));
            trap_code = select(_e73, 2952790016u, _e75);
            let _e79 = trap_func;
            trap_func = select(_e79, 4u, _e75);
            let _e84 = ((_e58 - _e10) * 2u);
            let _e85 = trap_code;
            let _e87 = (_e85 >> 28u);
            results[_e84] = (_e87 | 2147483648u);
            if (_e87 == 0u) {
                results[(_e84 + 1u)] = _e70;
            } else {
                let _e97 = trapped;
                if (_e97 == 0u) {
                    trap_thread = _e58;
                    first_trap_code = _e85;
                    let _e101 = trap_func;
                    first_trap_func = _e101;
                    let _e103 = panic_file;
                    first_panic0_ = _e103;
                    let _e105 = panic_file_len;
                    first_panic1_ = _e105;
                    let _e107 = panic_line;
                    first_panic2_ = _e107;
                    let _e109 = panic_column;
                    first_panic3_ = _e109;
                }
                trapped = (_e97 + 1u);
            }
            if ((_e14 - _e58) <= _e5) {
                break;
            }
            thread = (_e58 + _e5);
        }
        let _e115 = trapped;
        if (_e115 != 0u) {
            let _e121 = atomicAdd((&control[2u]), _e115);
            if (_e121 == 0u) {
                let _e124 = first_trap_code;
                let _e129 = trap_thread;
                let _e130 = first_trap_func;
                atomicStore((&control[3u]), _e129);
                atomicStore((&control[4u]), (_e124 >> 28u));
                atomicStore((&control[5u]), _e130);
                atomicStore((&control[6u]), (_e124 & 268435455u));
                let _e143 = first_panic0_;
                atomicStore((&control[7u]), _e143);
                let _e147 = first_panic1_;
                atomicStore((&control[8u]), _e147);
                let _e151 = first_panic2_;
                atomicStore((&control[9u]), _e151);
                let _e155 = first_panic3_;
                atomicStore((&control[10u]), _e155);
            }
        }
    }
}
