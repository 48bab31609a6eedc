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

fn mem_load32_(ea_2: u32) -> u32 {
    var r_1: u32 = 0u;

    let _e2 = (ea_2 >> 2u);
    let _e5 = ((ea_2 & 3u) << 3u);
    let _e8 = memory[_e2];
    r_1 = _e8;
    if (_e5 != 0u) {
        let _e16 = memory[(_e2 + 1u)];
        r_1 = ((_e8 >> _e5) | (_e16 << (32u - _e5)));
    }
    let _e22 = r_1;
    return _e22;
}

fn mem_load8_(ea_3: u32) -> u32 {
    var r_2: u32 = 0u;

    let _e11 = memory[(ea_3 >> 2u)];
    r_2 = ((_e11 >> ((ea_3 & 3u) << 3u)) & 255u);
    let _e14 = r_2;
    return _e14;
}

fn mem_fill(dst: u32, value_1: u32, n: u32) -> bool {
    var i: u32 = 0u;
    var complete_at: u32 = 0u;

    complete_at = n;
    let _e12 = trap_code;
    if (_e12 == 0u) {
        let _e15 = (value_1 & 255u);
        let _e17 = (_e15 * 16843009u);
        loop {
            let _e18 = i;
            let _e20 = (dst + _e18);
            if ((_e18 >= n) || ((_e20 & 3u) == 0u)) {
                break;
            }
            mem_store(_e20, _e15, 255u);
            i = (_e18 + 1u);
        }
        loop {
            let _e25 = i;
            if (((n - _e25) < 4u) || (_e25 > n)) {
                break;
            }
            memory[((dst + _e25) >> 2u)] = _e17;
            i = (_e25 + 4u);
            let _e35 = i;
            if (((n - _e35) < 4u) || (_e35 > n)) {
                break;
            }
            memory[((dst + _e35) >> 2u)] = _e17;
            i = (_e35 + 4u);
            let _e45 = i;
            if (((n - _e45) < 4u) || (_e45 > n)) {
                break;
            }
            memory[((dst + _e45) >> 2u)] = _e17;
            i = (_e45 + 4u);
            let _e55 = i;
            if (((n - _e55) < 4u) || (_e55 > n)) {
                break;
            }
            memory[((dst + _e55) >> 2u)] = _e17;
            i = (_e55 + 4u);
        }
        loop {
            let _e65 = i;
            if (_e65 >= n) {
                break;
            }
            mem_store((dst + _e65), _e15, 255u);
            i = (_e65 + 1u);
        }
    }
    let _e69 = i;
    let _e70 = complete_at;
    finished = 1u;
    return (_e69 == _e70);
}

fn mem_copy(dst_1: u32, src: u32, n_1: u32) -> bool {
    var i_1: u32 = 0u;
    var complete_at_1: u32 = 0u;

    complete_at_1 = n_1;
    let _e12 = trap_code;
    if (_e12 == 0u) {
        let _e15 = (dst_1 > src);
        if _e15 {
            i_1 = n_1;
            complete_at_1 = 0u;
        }
        loop {
            let _e16 = i_1;
            let _e18 = select((n_1 - _e16), _e16, _e15);
            if (_e18 == 0u) {
                break;
            }
            let _e24 = ((((dst_1 + _e16) & 3u) == 0u) && (_e18 >= 4u));
            let _e25 = select(1u, 4u, _e24);
            let _e26 = (_e16 - _e25);
            let _e27 = select(_e16, _e26, _e15);
            i_1 = select((_e16 + _e25), _e26, _e15);
            if _e24 {
                let _e31 = mem_load32_((src + _e27));
                memory[((dst_1 + _e27) >> 2u)] = _e31;
            } else {
                let _e38 = mem_load8_((src + _e27));
                mem_store((dst_1 + _e27), _e38, 255u);
            }
        }
    }
    let _e39 = i_1;
    let _e40 = complete_at_1;
    finished = 1u;
    return (_e39 == _e40);
}

fn mem_init(dst_2: u32, src_1: u32, n_2: u32) -> bool {
    var i_2: u32 = 0u;
    var complete_at_2: u32 = 0u;

    complete_at_2 = n_2;
    let _e10 = trap_code;
    if (_e10 == 0u) {
        loop {
            let _e13 = i_2;
            if (_e13 >= n_2) {
                break;
            }
            let _e15 = (src_1 + _e13);
            let _e22 = data[(_e15 >> 2u)];
            mem_store((dst_2 + _e13), (_e22 >> ((_e15 & 3u) << 3u)), 255u);
            i_2 = (_e13 + 1u);
        }
    }
    let _e26 = i_2;
    let _e27 = complete_at_2;
    finished = 1u;
    return (_e26 == _e27);
}

fn mem_grow(delta: u32) -> u32 {
    var tries: u32 = 0u;
    var r_3: u32 = 4294967295u;

    let _e15 = trap_code;
    if (_e15 == 0u) {
        let _e18 = atomicLoad((&control[1u]));
        loop {
            let _e20 = tries;
            if (_e20 >= 1024u) {
                break;
            }
            tries = (_e20 + 1u);
            let _e23 = atomicLoad((&control[0u]));
            if (delta > ((_e18 - _e23) >> 16u)) {
                break;
            }
            let _e28 = (_e23 + (delta << 16u));
            let _e29 = atomicCompareExchangeWeak((&control[0u]), _e23, _e28);
            if _e29.exchanged {
                mem_bytes = _e28;
                r_3 = (_e23 >> 16u);
                break;
            }
        }
    }
    let _e32 = r_3;
    finished = 1u;
    return _e32;
}

fn w_rw_f0_(p0_: u32) -> u64 {
    var l0_: u32 = 0u;
    var ret1_: u64 = 0lu;
    var store_group: u32;

    l0_ = p0_;
    loop {
        let _e6 = l0_;
        let _e8 = mem_oob(_e6, 1u);
        let _e11 = trap_code;
        let _e14 = (_e8 && (_e11 == 0u));
        let _e17 = trap_func;
        trap_code = select(_e11, 1342177327u, _e14);
        trap_func = select(_e17, 0u, _e14);
        mem_store(_e6, 255u, 255u);
        let _e22 = l0_;
        let _e24 = (_e22 + 3u);
        let _e27 = mem_oob(_e24, 2u);
        let _e31 = trap_code;
        let _e34 = (((_e24 < _e22) || _e27) && (_e31 == 0u));
        let _e37 = trap_func;
        trap_code = select(_e31, 1342177335u, _e34);
        trap_func = select(_e37, 0u, _e34);
        mem_store(_e24, 4660u, 65535u);
        let _e42 = u32(18446744073709551614lu);
        let _e45 = u32((18446744073709551614lu >> 32u));
        let _e46 = l0_;
        let _e48 = (_e46 + 8u);
        let _e50 = mem_oob(_e48, 12u);
        store_group = u32(((!(_e50) && !((_e48 < _e46))) && ((_e48 & 3u) == 0u)));
        let _e66 = store_group;
        let _e70 = trap_code;
        if ((_e66 != 0u) && (_e70 == 0u)) {
            let _e77 = ((_e46 + 8u) >> 2u);
            memory[_e77] = _e42;
            memory[(_e77 + 1u)] = _e45;
        } else {
            let _e85 = (_e46 + 8u);
            let _e88 = mem_oob(_e85, 8u);
            let _e92 = trap_code;
            let _e95 = (((_e85 < _e46) || _e88) && (_e92 == 0u));
            let _e98 = trap_func;
            trap_code = select(_e92, 1342177342u, _e95);
            trap_func = select(_e98, 0u, _e95);
            mem_store(_e85, _e42, 4294967295u);
            mem_store((_e85 + 4u), _e45, 4294967295u);
        }
        let _e105 = bitcast<u32>(1.5f);
        let _e106 = l0_;
        let _e107 = store_group;
        let _e111 = trap_code;
        if ((_e107 != 0u) && (_e111 == 0u)) {
            memory[((_e106 + 16u) >> 2u)] = _e105;
        } else {
            let _e122 = (_e106 + 16u);
            let _e125 = mem_oob(_e122, 4u);
            let _e129 = trap_code;
            let _e132 = (((_e122 < _e106) || _e125) && (_e129 == 0u));
            let _e135 = trap_func;
            trap_code = select(_e129, 1342177352u, _e132);
            trap_func = select(_e135, 0u, _e132);
            mem_store(_e122, _e105, 4294967295u);
        }
        let _e139 = l0_;
        let _e141 = mem_oob(_e139, 5u);
        if _e141 {
            let _e143 = mem_oob(_e139, 1u);
            let _e146 = trap_code;
            let _e149 = (_e143 && (_e146 == 0u));
            let _e152 = trap_func;
            trap_code = select(_e146, 1342177357u, _e149);
            trap_func = select(_e152, 0u, _e149);
            let _e156 = (_e139 + 1u);
            let _e159 = mem_oob(_e156, 4u);
            let _e163 = trap_code;
            let _e166 = (((_e156 < _e139) || _e159) && (_e163 == 0u));
            let _e169 = trap_func;
            trap_code = select(_e163, 1342177363u, _e166);
            trap_func = select(_e169, 0u, _e166);
        }
        let _e172 = mem_load8_(_e139);
        let _e178 = l0_;
        let _e181 = mem_load32_((_e178 + 1u));
        let _e186 = mem_oob(100u, 10u);
        let _e189 = trap_code;
        let _e192 = (_e186 && (_e189 == 0u));
        let _e195 = trap_func;
        trap_code = select(_e189, 1342177374u, _e192);
        trap_func = select(_e195, 0u, _e192);
        finished = 0u;
        let _e200 = mem_fill(100u, 7u, 10u);
        let _e202 = finished;
        let _e207 = trap_code;
        let _e210 = ((_e202 == 0u) && (_e207 == 0u));
        let _e213 = trap_func;
        trap_code = select(_e207, 2952790110u, _e210);
        trap_func = select(_e213, 0u, _e210);
        let _e219 = trap_code;
        let _e222 = (!(_e200) && (_e219 == 0u));
        let _e225 = trap_func;
        trap_code = select(_e219, 2952790110u, _e222);
        trap_func = select(_e225, 0u, _e222);
        let _e231 = mem_oob(200u, 10u);
        let _e232 = mem_oob(100u, 10u);
        let _e236 = trap_code;
        let _e239 = ((_e231 || _e232) && (_e236 == 0u));
        let _e242 = trap_func;
        trap_code = select(_e236, 1342177385u, _e239);
        trap_func = select(_e242, 0u, _e239);
        finished = 0u;
        let _e247 = mem_copy(200u, 100u, 10u);
        let _e249 = finished;
        let _e254 = trap_code;
        let _e257 = ((_e249 == 0u) && (_e254 == 0u));
        let _e260 = trap_func;
        trap_code = select(_e254, 2952790121u, _e257);
        trap_func = select(_e260, 0u, _e257);
        let _e266 = trap_code;
        let _e269 = (!(_e247) && (_e266 == 0u));
        let _e272 = trap_func;
        trap_code = select(_e266, 2952790121u, _e269);
        trap_func = select(_e272, 0u, _e269);
        let _e281 = atomicLoad((&control[12u]));
        let _e282 = (0u + 5u);
        let _e286 = mem_oob(300u, 5u);
        let _e290 = trap_code;
        let _e293 = ((((_e282 < 0u) || (_e282 > _e281)) || _e286) && (_e290 == 0u));
        let _e296 = trap_func;
        trap_code = select(_e290, 1342177396u, _e293);
        trap_func = select(_e296, 0u, _e293);
        finished = 0u;
        let _e303 = mem_init(300u, (4u + 0u), 5u);
        let _e305 = finished;
        let _e310 = trap_code;
        let _e313 = ((_e305 == 0u) && (_e310 == 0u));
        let _e316 = trap_func;
        trap_code = select(_e310, 2952790132u, _e313);
        trap_func = select(_e316, 0u, _e313);
        let _e322 = trap_code;
        let _e325 = (!(_e303) && (_e322 == 0u));
        let _e328 = trap_func;
        trap_code = select(_e322, 2952790132u, _e325);
        trap_func = select(_e328, 0u, _e325);
        atomicStore((&control[12u]), 0u);
        finished = 0u;
        let _e338 = mem_grow(1u);
        let _e340 = finished;
        let _e345 = trap_code;
        let _e348 = ((_e340 == 0u) && (_e345 == 0u));
        let _e351 = trap_func;
        trap_code = select(_e345, 2952790141u, _e348);
        trap_func = select(_e351, 0u, _e348);
        let _e354 = l0_;
        let _e356 = (_e354 + 8u);
        let _e359 = mem_oob(_e356, 8u);
        let _e363 = trap_code;
        let _e366 = (((_e356 < _e354) || _e359) && (_e363 == 0u));
        let _e369 = trap_func;
        trap_code = select(_e363, 1342177410u, _e366);
        trap_func = select(_e369, 0u, _e366);
        let _e372 = mem_load32_(_e356);
        let _e375 = mem_load32_((_e356 + 4u));
        let _e384 = atomicLoad((&control[0u]));
        ret1_ = ((u64(_e372) | (u64(_e375) << 32u)) + u64((_e384 >> 16u)));
        break;
    }
    let _e389 = ret1_;
    finished = 1u;
    return _e389;
}

@compute @workgroup_size(64, 1, 1) 
fn e0_rw(@builtin(global_invocation_id) gid: vec3<u32>) {
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
            may_grow = true;
            finished = 0u;
            let _e62 = w_rw_f0_(_e31);
            let _e63 = finished;
            let _e65 = trap_code;
            let _e67 = ((_e63 == 0u) && (_e65 == 0u));
            trap_code = select(_e65, 2952790016u, _e67);
            let _e71 = trap_func;
            trap_func = select(_e71, 0u, _e67);
            let _e76 = ((_e50 - _e10) * 3u);
            let _e77 = trap_code;
            let _e79 = (_e77 >> 28u);
            results[_e76] = (_e79 | 2147483648u);
            if (_e79 == 0u) {
                results[(_e76 + 1u)] = u32(_e62);
                results[(_e76 + 2u)] = u32((_e62 >> 32u));
            } else {
                let _e97 = trapped;
                if (_e97 == 0u) {
                    trap_thread = _e50;
                    first_trap_code = _e77;
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
            if ((_e14 - _e50) <= _e5) {
                break;
            }
            thread = (_e50 + _e5);
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
