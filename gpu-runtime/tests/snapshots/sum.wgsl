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

fn w_main_f0_(p0_: u32) -> u32 {
    var l0_: u32 = 0u;
    var l1_: u32 = 0u;
    var l2_: u32 = 0u;
    var ret3_: u32 = 0u;
    var brk: u32 = 4294967295u;

    l0_ = p0_;
    loop {
        l1_ = 1u;
        loop {
            loop {
                let _e10 = l0_;
                let _e11 = l1_;
                if (u32((bitcast<i32>(_e11) > bitcast<i32>(_e10))) != 0u) {
                    brk = 1u;
                    break;
                }
                let _e21 = l1_;
                let _e22 = l2_;
                l2_ = (_e22 + _e21);
                let _e25 = l1_;
                l1_ = (_e25 + 1u);
                continue;
                continuing {
                    let _e28 = trap_code;
                    break if (_e28 != 0u);
                }
            }
            let _e31 = brk;
            let _e36 = trap_code;
            let _e39 = ((_e31 == 4294967295u) && (_e36 == 0u));
            let _e42 = trap_func;
            trap_code = select(_e36, 2952790084u, _e39);
            trap_func = select(_e42, 0u, _e39);
            if (_e31 == 4294967294u) {
                brk = 4294967295u;
            }
            let _e47 = brk;
            if (_e47 != 4294967295u) {
                if (_e47 == 1u) {
                    brk = 4294967295u;
                }
                break;
            }
        }
        let _e52 = l2_;
        ret3_ = _e52;
        break;
    }
    let _e53 = ret3_;
    finished = 1u;
    return _e53;
}

@compute @workgroup_size(64, 1, 1) 
fn e0_main(@builtin(global_invocation_id) gid: vec3<u32>) {
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
            let _e42 = w_main_f0_(_e40);
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
