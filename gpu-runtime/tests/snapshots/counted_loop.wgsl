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

fn mem_oob(ea: u32, size: u32) -> bool {
    var r: bool;

    let _e4 = mem_bytes;
    let _e8 = ((size > _e4) || (ea > (_e4 - size)));
    r = _e8;
    let _e10 = may_grow;
    if (_e8 && _e10) {
        let _e15 = atomicLoad((&control[0u]));
        mem_bytes = _e15;
        r = ((size > _e15) || (ea > (_e15 - size)));
    }
    let _e20 = r;
    return _e20;
}

fn mem_load32_(ea_1: u32) -> u32 {
    var r_1: u32 = 0u;

    let _e2 = (ea_1 >> 2u);
    let _e5 = ((ea_1 & 3u) << 3u);
    let _e8 = memory[_e2];
    r_1 = _e8;
    if (_e5 != 0u) {
        let _e16 = memory[(_e2 + 1u)];
        r_1 = ((_e8 >> _e5) | (_e16 << (32u - _e5)));
    }
    let _e22 = r_1;
    return _e22;
}

fn w_sum_f0_(p0_: u32, p1_: u32) -> u32 {
    var l0_: u32 = 0u;
    var l1_: u32 = 0u;
    var l2_: u32 = 0u;
    var ret3_: u32 = 0u;
    var brk: u32 = 4294967295u;

    l0_ = p0_;
    l1_ = p1_;
    loop {
        let _e10 = l0_;
        let _e12 = (_e10 + 4u);
        let _e15 = mem_oob(_e12, 4u);
        let _e19 = trap_code;
        let _e22 = (((_e12 < _e10) || _e15) && (_e19 == 0u));
        let _e25 = trap_func;
        trap_code = select(_e19, 1342177324u, _e22);
        trap_func = select(_e25, 0u, _e22);
        let _e28 = mem_load32_(_e12);
        l1_ = _e28;
        let _e58 = trap_code;
        if (_e58 == 0u) {
            loop {
                let _e29 = l0_;
                let _e31 = mem_oob(_e29, 4u);
                let _e34 = trap_code;
                let _e37 = (_e31 && (_e34 == 0u));
                let _e40 = trap_func;
                trap_code = select(_e34, 1342177335u, _e37);
                trap_func = select(_e40, 0u, _e37);
                let _e43 = mem_load32_(_e29);
                let _e44 = l2_;
                l2_ = (_e44 + _e43);
                let _e47 = l0_;
                l0_ = (_e47 + 4u);
                let _e50 = l1_;
                let _e51 = (_e50 + 4294967295u);
                l1_ = _e51;
                if (_e51 != 0u) {
                    continue;
                }
                brk = 4294967294u;
                break;
            }
        }
        let _e61 = brk;
        let _e66 = trap_code;
        let _e69 = ((_e61 == 4294967295u) && (_e66 == 0u));
        let _e72 = trap_func;
        trap_code = select(_e66, 2952790093u, _e69);
        trap_func = select(_e72, 0u, _e69);
        if (_e61 == 4294967294u) {
            brk = 4294967295u;
        }
        let _e77 = l2_;
        ret3_ = _e77;
        break;
    }
    let _e78 = ret3_;
    finished = 1u;
    return _e78;
}

@compute @workgroup_size(64, 1, 1) 
fn e0_sum(@builtin(global_invocation_id) gid: vec3<u32>) {
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
            let _e66 = w_sum_f0_(_e31, _e35);
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
