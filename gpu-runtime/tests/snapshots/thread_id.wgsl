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

fn mem_store(ea_1: u32, value: u32, mask: u32) {
    let _e4 = trap_code;
    if (_e4 == 0u) {
        let _e8 = (ea_1 >> 2u);
        let _e11 = ((ea_1 & 3u) << 3u);
        let _e12 = (value & mask);
        let _e13 = (mask << _e11);
        let _e14 = (_e12 << _e11);
        if (_e13 == 4294967295u) {
            memory[_e8] = _e14;
        } else {
            atomicAnd((&memory_atomic[_e8]), ~(_e13));
            atomicOr((&memory_atomic[_e8]), _e14);
        }
        if (_e11 != 0u) {
            let _e26 = (32u - _e11);
            let _e27 = (mask >> _e26);
            if (_e27 != 0u) {
                atomicAnd((&memory_atomic[(_e8 + 1u)]), ~(_e27));
                atomicOr((&memory_atomic[(_e8 + 1u)]), (_e12 >> _e26));
            }
        }
    }
}

fn w_func_1_f1_(p0_: u32) -> u32 {
    var l0_: u32 = 0u;
    var ret1_: u32 = 0u;

    l0_ = p0_;
    loop {
        let _e6 = thread_id;
        let _e7 = l0_;
        let _e8 = (_e7 + _e6);
        let _e10 = thread_id;
        let _e12 = mem_oob(_e8, 1u);
        let _e15 = trap_code;
        let _e18 = (_e12 && (_e15 == 0u));
        let _e21 = trap_func;
        trap_code = select(_e15, 1342177350u, _e18);
        trap_func = select(_e21, 1u, _e18);
        mem_store(_e8, _e10, 255u);
        let _e26 = thread_id;
        ret1_ = _e26;
        break;
    }
    let _e27 = ret1_;
    finished = 1u;
    return _e27;
}

@compute @workgroup_size(64, 1, 1) 
fn e0_main(@builtin(global_invocation_id) gid: vec3<u32>) {
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
            let _e62 = w_func_1_f1_(_e31);
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
