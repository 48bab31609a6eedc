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

fn w_main_f0_(p0_: u32) -> u32 {
    var l0_: u32 = 0u;
    var l1_: u32 = 0u;
    var l2_: u32 = 0u;
    var brk: u32 = 4294967295u;

    l0_ = p0_;
    l1_ = 1u;
    loop {
        loop {
            let _e8 = l0_;
            let _e9 = l1_;
            if (u32((bitcast<i32>(_e9) > bitcast<i32>(_e8))) != 0u) {
                brk = 1u;
                break;
            }
            let _e19 = l1_;
            let _e20 = l2_;
            l2_ = (_e20 + _e19);
            let _e23 = l1_;
            l1_ = (_e23 + 1u);
            continue;
        }
        let _e25 = brk;
        if (_e25 != 4294967295u) {
            if (_e25 == 1u) {
                brk = 4294967295u;
            }
            break;
        }
    }
    let _e30 = l2_;
    return _e30;
}

@compute @workgroup_size(64, 1, 1) 
fn e0_main(@builtin(global_invocation_id) gid: vec3<u32>) {
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
        let _e32 = w_main_f0_(_e31);
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
