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
        let _e42 = l0_;
        let _e44 = (_e42 + 8u);
        let _e47 = mem_oob(_e44, 8u);
        let _e51 = trap_code;
        let _e54 = (((_e44 < _e42) || _e47) && (_e51 == 0u));
        let _e57 = trap_func;
        trap_code = select(_e51, 1342177342u, _e54);
        trap_func = select(_e57, 0u, _e54);
        mem_store(_e44, u32(18446744073709551614lu), 4294967295u);
        mem_store((_e44 + 4u), u32((18446744073709551614lu >> 32u)), 4294967295u);
        let _e68 = l0_;
        let _e70 = (_e68 + 16u);
        let _e73 = mem_oob(_e70, 4u);
        let _e77 = trap_code;
        let _e80 = (((_e70 < _e68) || _e73) && (_e77 == 0u));
        let _e83 = trap_func;
        trap_code = select(_e77, 1342177352u, _e80);
        trap_func = select(_e83, 0u, _e80);
        mem_store(_e70, bitcast<u32>(1.5f), 4294967295u);
        let _e88 = l0_;
        let _e90 = mem_oob(_e88, 5u);
        if _e90 {
            let _e92 = mem_oob(_e88, 1u);
            let _e95 = trap_code;
            let _e98 = (_e92 && (_e95 == 0u));
            let _e101 = trap_func;
            trap_code = select(_e95, 1342177357u, _e98);
            trap_func = select(_e101, 0u, _e98);
            let _e105 = (_e88 + 1u);
            let _e108 = mem_oob(_e105, 4u);
            let _e112 = trap_code;
            let _e115 = (((_e105 < _e88) || _e108) && (_e112 == 0u));
            let _e118 = trap_func;
            trap_code = select(_e112, 1342177363u, _e115);
            trap_func = select(_e118, 0u, _e115);
        }
        let _e121 = mem_load8_(_e88);
        let _e127 = l0_;
        let _e130 = mem_load32_((_e127 + 1u));
        let _e135 = mem_oob(100u, 10u);
        let _e138 = trap_code;
        let _e141 = (_e135 && (_e138 == 0u));
        let _e144 = trap_func;
        trap_code = select(_e138, 1342177374u, _e141);
        trap_func = select(_e144, 0u, _e141);
        finished = 0u;
        let _e149 = mem_fill(100u, 7u, 10u);
        let _e151 = finished;
        let _e156 = trap_code;
        let _e159 = ((_e151 == 0u) && (_e156 == 0u));
        let _e162 = trap_func;
        trap_code = select(_e156, 2952790110u, _e159);
        trap_func = select(_e162, 0u, _e159);
        let _e168 = trap_code;
        let _e171 = (!(_e149) && (_e168 == 0u));
        let _e174 = trap_func;
        trap_code = select(_e168, 2952790110u, _e171);
        trap_func = select(_e174, 0u, _e171);
        let _e180 = mem_oob(200u, 10u);
        let _e181 = mem_oob(100u, 10u);
        let _e185 = trap_code;
        let _e188 = ((_e180 || _e181) && (_e185 == 0u));
        let _e191 = trap_func;
        trap_code = select(_e185, 1342177385u, _e188);
        trap_func = select(_e191, 0u, _e188);
        finished = 0u;
        let _e196 = mem_copy(200u, 100u, 10u);
        let _e198 = finished;
        let _e203 = trap_code;
        let _e206 = ((_e198 == 0u) && (_e203 == 0u));
        let _e209 = trap_func;
        trap_code = select(_e203, 2952790121u, _e206);
        trap_func = select(_e209, 0u, _e206);
        let _e215 = trap_code;
        let _e218 = (!(_e196) && (_e215 == 0u));
        let _e221 = trap_func;
        trap_code = select(_e215, 2952790121u, _e218);
        trap_func = select(_e221, 0u, _e218);
        let _e230 = atomicLoad((&control[12u]));
        let _e231 = (0u + 5u);
        let _e235 = mem_oob(300u, 5u);
        let _e239 = trap_code;
        let _e242 = ((((_e231 < 0u) || (_e231 > _e230)) || _e235) && (_e239 == 0u));
        let _e245 = trap_func;
        trap_code = select(_e239, 1342177396u, _e242);
        trap_func = select(_e245, 0u, _e242);
        finished = 0u;
        let _e252 = mem_init(300u, (4u + 0u), 5u);
        let _e254 = finished;
        let _e259 = trap_code;
        let _e262 = ((_e254 == 0u) && (_e259 == 0u));
        let _e265 = trap_func;
        trap_code = select(_e259, 2952790132u, _e262);
        trap_func = select(_e265, 0u, _e262);
        let _e271 = trap_code;
        let _e274 = (!(_e252) && (_e271 == 0u));
        let _e277 = trap_func;
        trap_code = select(_e271, 2952790132u, _e274);
        trap_func = select(_e277, 0u, _e274);
        atomicStore((&control[12u]), 0u);
        finished = 0u;
        let _e287 = mem_grow(1u);
        let _e289 = finished;
        let _e294 = trap_code;
        let _e297 = ((_e289 == 0u) && (_e294 == 0u));
        let _e300 = trap_func;
        trap_code = select(_e294, 2952790141u, _e297);
        trap_func = select(_e300, 0u, _e297);
        let _e303 = l0_;
        let _e305 = (_e303 + 8u);
        let _e308 = mem_oob(_e305, 8u);
        let _e312 = trap_code;
        let _e315 = (((_e305 < _e303) || _e308) && (_e312 == 0u));
        let _e318 = trap_func;
        trap_code = select(_e312, 1342177410u, _e315);
        trap_func = select(_e318, 0u, _e315);
        let _e321 = mem_load32_(_e305);
        let _e324 = mem_load32_((_e305 + 4u));
        let _e333 = atomicLoad((&control[0u]));
        ret1_ = ((u64(_e321) | (u64(_e324) << 32u)) + u64((_e333 >> 16u)));
        break;
    }
    let _e338 = ret1_;
    finished = 1u;
    return _e338;
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
