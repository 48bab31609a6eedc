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

fn mem_load32_(ea_2: u32) -> u32 {
    let _e2 = (ea_2 >> 2u);
    let _e5 = ((ea_2 & 3u) << 3u);
    let _e8 = atomicLoad((&memory[_e2]));
    if (_e5 == 0u) {
        return _e8;
    }
    let _e15 = atomicLoad((&memory[(_e2 + 1u)]));
    return ((_e8 >> _e5) | (_e15 << (32u - _e5)));
}

fn mem_load8_(ea_3: u32) -> u32 {
    let _e9 = atomicLoad((&memory[(ea_3 >> 2u)]));
    return ((_e9 >> ((ea_3 & 3u) << 3u)) & 255u);
}

fn mem_fill(dst: u32, value_1: u32, n: u32) {
    var i: u32 = 0u;

    let _e10 = (value_1 & 255u);
    loop {
        let _e13 = i;
        let _e15 = (dst + _e13);
        if ((_e13 >= n) || ((_e15 & 3u) == 0u)) {
            break;
        }
        mem_store(_e15, _e10, 255u);
        i = (_e13 + 1u);
    }
    loop {
        let _e20 = i;
        if (((n - _e20) < 4u) || (_e20 > n)) {
            break;
        }
        atomicStore((&memory[((dst + _e20) >> 2u)]), (_e10 * 16843009u));
        i = (_e20 + 4u);
    }
    loop {
        let _e30 = i;
        if (_e30 >= n) {
            break;
        }
        mem_store((dst + _e30), _e10, 255u);
        i = (_e30 + 1u);
    }
}

fn mem_copy(dst_1: u32, src: u32, n_1: u32) {
    var i_1: u32 = 0u;

    if (dst_1 > src) {
        i_1 = n_1;
        loop {
            let _e11 = i_1;
            if (_e11 == 0u) {
                return;
            }
            let _e13 = (_e11 - 1u);
            i_1 = _e13;
            let _e16 = mem_load8_((src + _e13));
            mem_store((dst_1 + _e13), _e16, 255u);
        }
    }
    if (((dst_1 ^ src) & 3u) == 0u) {
        loop {
            let _e20 = i_1;
            if ((_e20 >= n_1) || (((dst_1 + _e20) & 3u) == 0u)) {
                break;
            }
            let _e28 = mem_load8_((src + _e20));
            mem_store((dst_1 + _e20), _e28, 255u);
            i_1 = (_e20 + 1u);
        }
        loop {
            let _e30 = i_1;
            if (((n_1 - _e30) < 4u) || (_e30 > n_1)) {
                break;
            }
            let _e39 = atomicLoad((&memory[((src + _e30) >> 2u)]));
            atomicStore((&memory[((dst_1 + _e30) >> 2u)]), _e39);
            i_1 = (_e30 + 4u);
        }
    }
    loop {
        let _e45 = i_1;
        if (_e45 >= n_1) {
            break;
        }
        let _e49 = mem_load8_((src + _e45));
        mem_store((dst_1 + _e45), _e49, 255u);
        i_1 = (_e45 + 1u);
    }
}

fn mem_init(dst_2: u32, src_1: u32, n_2: u32) {
    var i_2: u32 = 0u;

    loop {
        let _e8 = i_2;
        if (_e8 >= n_2) {
            break;
        }
        let _e10 = (src_1 + _e8);
        let _e17 = data[(_e10 >> 2u)];
        mem_store((dst_2 + _e8), (_e17 >> ((_e10 & 3u) << 3u)), 255u);
        i_2 = (_e8 + 1u);
    }
}

fn mem_grow(delta: u32) -> u32 {
    var tries: u32 = 0u;

    let _e13 = atomicLoad((&control[1u]));
    loop {
        let _e15 = tries;
        if (_e15 >= 1024u) {
            return 4294967295u;
        }
        tries = (_e15 + 1u);
        let _e18 = atomicLoad((&control[0u]));
        if (delta > ((_e13 - _e18) >> 16u)) {
            return 4294967295u;
        }
        let _e23 = (_e18 + (delta << 16u));
        let _e24 = atomicCompareExchangeWeak((&control[0u]), _e18, _e23);
        if _e24.exchanged {
            mem_bytes = _e23;
            return (_e18 >> 16u);
        }
    }
    return 4294967295u;
}

fn w_rw_f0_(p0_: u32) -> u64 {
    var l0_: u32 = 0u;

    l0_ = p0_;
    let _e4 = l0_;
    let _e6 = mem_oob(_e4, 1u);
    if _e6 {
        trap_kind = 5u;
        trap_func = 0u;
        trap_offset = 47u;
        return u64();
    }
    mem_store(_e4, 255u, 255u);
    let _e16 = l0_;
    let _e18 = (_e16 + 3u);
    let _e20 = mem_oob(_e18, 2u);
    if ((_e18 < _e16) || _e20) {
        trap_kind = 5u;
        trap_func = 0u;
        trap_offset = 55u;
        return u64();
    }
    mem_store(_e18, 4660u, 65535u);
    let _e32 = l0_;
    let _e34 = (_e32 + 8u);
    let _e36 = mem_oob(_e34, 8u);
    if ((_e34 < _e32) || _e36) {
        trap_kind = 5u;
        trap_func = 0u;
        trap_offset = 62u;
        return u64();
    }
    mem_store(_e34, u32(18446744073709551614lu), 4294967295u);
    mem_store((_e34 + 4u), u32((18446744073709551614lu >> 32u)), 4294967295u);
    let _e54 = l0_;
    let _e56 = (_e54 + 16u);
    let _e58 = mem_oob(_e56, 4u);
    if ((_e56 < _e54) || _e58) {
        trap_kind = 5u;
        trap_func = 0u;
        trap_offset = 72u;
        return u64();
    }
    mem_store(_e56, bitcast<u32>(1.5f), 4294967295u);
    let _e70 = l0_;
    let _e72 = mem_oob(_e70, 1u);
    if _e72 {
        trap_kind = 5u;
        trap_func = 0u;
        trap_offset = 77u;
        return u64();
    }
    let _e80 = mem_load8_(_e70);
    let _e86 = l0_;
    let _e88 = (_e86 + 1u);
    let _e90 = mem_oob(_e88, 4u);
    if ((_e88 < _e86) || _e90) {
        trap_kind = 5u;
        trap_func = 0u;
        trap_offset = 83u;
        return u64();
    }
    let _e100 = mem_load32_(_e88);
    let _e105 = mem_oob(100u, 10u);
    if _e105 {
        trap_kind = 5u;
        trap_func = 0u;
        trap_offset = 94u;
        return u64();
    }
    mem_fill(100u, 7u, 10u);
    let _e116 = mem_oob(200u, 10u);
    let _e117 = mem_oob(100u, 10u);
    if (_e116 || _e117) {
        trap_kind = 5u;
        trap_func = 0u;
        trap_offset = 105u;
        return u64();
    }
    mem_copy(200u, 100u, 10u);
    let _e132 = atomicLoad((&control[9u]));
    let _e133 = (0u + 5u);
    let _e137 = mem_oob(300u, 5u);
    if (((_e133 < 0u) || (_e133 > _e132)) || _e137) {
        trap_kind = 5u;
        trap_func = 0u;
        trap_offset = 116u;
        return u64();
    }
    mem_init(300u, (4u + 0u), 5u);
    atomicStore((&control[9u]), 0u);
    let _e153 = mem_grow(1u);
    let _e154 = l0_;
    let _e156 = (_e154 + 8u);
    let _e158 = mem_oob(_e156, 8u);
    if ((_e156 < _e154) || _e158) {
        trap_kind = 5u;
        trap_func = 0u;
        trap_offset = 130u;
        return u64();
    }
    let _e168 = mem_load32_(_e156);
    let _e171 = mem_load32_((_e156 + 4u));
    let _e180 = atomicLoad((&control[0u]));
    return ((u64(_e168) | (u64(_e171) << 32u)) + u64((_e180 >> 16u)));
}

@compute @workgroup_size(64, 1, 1) 
fn e0_rw(@builtin(global_invocation_id) gid: vec3<u32>) {
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
        let _e32 = w_rw_f0_(_e31);
        let _e35 = ((_e18 - _e10) * 3u);
        let _e36 = trap_kind;
        results[_e35] = _e36;
        let _e39 = (_e36 == 0u);
        if _e39 {
            results[(_e35 + 1u)] = u32(_e32);
            results[(_e35 + 2u)] = u32((_e32 >> 32u));
        } else {
            let _e56 = atomicAdd((&control[2u]), 1u);
            if (_e56 == 0u) {
                let _e59 = trap_func;
                let _e61 = trap_offset;
                atomicStore((&control[3u]), _e18);
                atomicStore((&control[4u]), _e36);
                atomicStore((&control[5u]), _e59);
                atomicStore((&control[6u]), _e61);
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
