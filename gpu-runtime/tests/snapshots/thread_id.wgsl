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

fn mem_oob(ea: u32, size: u32) -> bool {
    let _e2 = (ea + size);
    if (_e2 < ea) {
        return true;
    }
    let _e7 = mem_bytes;
    if (_e2 <= _e7) {
        return false;
    }
    let _e12 = atomicLoad((&control[0u]));
    mem_bytes = _e12;
    return (_e2 > _e12);
}

fn mem_store(ea_1: u32, value: u32, mask: u32) {
    let _e4 = (ea_1 >> 2u);
    let _e7 = ((ea_1 & 3u) << 3u);
    let _e8 = (value & mask);
    let _e9 = (mask << _e7);
    let _e10 = (_e8 << _e7);
    if (_e9 == 4294967295u) {
        atomicStore((&memory[_e4]), _e10);
    } else {
        atomicAnd((&memory[_e4]), ~(_e9));
        atomicOr((&memory[_e4]), _e10);
    }
    if (_e7 != 0u) {
        let _e20 = (32u - _e7);
        let _e21 = (mask >> _e20);
        if (_e21 != 0u) {
            atomicAnd((&memory[(_e4 + 1u)]), ~(_e21));
            atomicOr((&memory[(_e4 + 1u)]), (_e8 >> _e20));
        }
    }
}

fn w_func_1_f1_(p0_: u32) -> u32 {
    var l0_: u32 = 0u;

    l0_ = p0_;
    let _e4 = thread_id;
    let _e5 = l0_;
    let _e6 = (_e5 + _e4);
    let _e8 = thread_id;
    let _e10 = mem_oob(_e6, 1u);
    if _e10 {
        trap_kind = 5u;
        trap_func = 1u;
        trap_offset = 70u;
        return u32();
    }
    mem_store(_e6, _e8, 255u);
    let _e20 = thread_id;
    return _e20;
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
        let _e32 = w_func_1_f1_(_e31);
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
