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

fn cycle_w_fac_f0_(p0_: u64) -> u64 {
    var m0_l0_: u64 = 0lu;
    var m0_ret0_: u64 = 0lu;
    var cur: u32 = 0u;
    var resume: u32 = 0u;
    var calling: u32 = 0u;
    var brk: u32 = 4294967295u;
    var done: u32 = 0u;
    var base: u32 = 0u;
    var s0_8_: u64 = 0lu;
    var s0_9_: u32 = 0u;
    var if10_: u64 = 0lu;
    var s1_11_: u64 = 0lu;
    var s2_12_: u64 = 0lu;

    m0_l0_ = p0_;
    cur = 0u;
    let _e15 = csp;
    base = _e15;
    loop {
        calling = 0u;
        let _e16 = cur;
        switch _e16 {
            case 0u: {
                let _e17 = resume;
                if (_e17 == 0u) {
                    let _e20 = m0_l0_;
                    s0_8_ = _e20;
                    let _e23 = s0_8_;
                    s0_9_ = u32((_e23 == 0lu));
                }
                let _e29 = s0_9_;
                let _e168 = resume;
                let _e177 = resume;
                if ((_e177 == 0u) || ((_e177 >= 1u) && (_e177 < 2u))) {
                    if select(((_e168 >= 1u) && (_e168 < 1u)), (_e29 != 0u), (_e168 == 0u)) {
                        let _e34 = resume;
                        if (_e34 == 0u) {
                            s0_8_ = 1lu;
                        }
                        let _e38 = s0_8_;
                        if10_ = _e38;
                    } else {
                        let _e39 = resume;
                        if (_e39 == 0u) {
                            let _e42 = m0_l0_;
                            s0_8_ = _e42;
                            let _e43 = m0_l0_;
                            s1_11_ = _e43;
                            s2_12_ = 1lu;
                            let _e49 = s2_12_;
                            let _e50 = s1_11_;
                            s1_11_ = (_e50 - _e49);
                        }
                        let _e52 = s1_11_;
                        let _e53 = resume;
                        if (_e53 == 1u) {
                            let _e62 = csp;
                            let _e63 = (_e62 - 8u);
                            let _e67 = call_stack[(_e63 + 0u)];
                            let _e71 = call_stack[(_e63 + 1u)];
                            m0_l0_ = (u64(_e67) | (u64(_e71) << 32u));
                            let _e80 = call_stack[(_e63 + 2u)];
                            let _e84 = call_stack[(_e63 + 3u)];
                            if10_ = (u64(_e80) | (u64(_e84) << 32u));
                            let _e93 = call_stack[(_e63 + 4u)];
                            let _e97 = call_stack[(_e63 + 5u)];
                            s0_8_ = (u64(_e93) | (u64(_e97) << 32u));
                            csp = _e63;
                            resume = 0u;
                        } else {
                            if (_e53 == 0u) {
                                let _e103 = csp;
                                let _e104 = cs_limit;
                                if ((_e104 - _e103) < 8u) {
                                    let _e109 = trap_code;
                                    let _e111 = (_e109 == 0u);
                                    let _e114 = trap_func;
                                    trap_code = select(_e109, 3221225563u, _e111);
                                    trap_func = select(_e114, 0u, _e111);
                                    break;
                                }
                                let _e117 = m0_l0_;
                                call_stack[(_e103 + 0u)] = u32(_e117);
                                call_stack[(_e103 + 1u)] = u32((_e117 >> 32u));
                                let _e128 = if10_;
                                call_stack[(_e103 + 2u)] = u32(_e128);
                                call_stack[(_e103 + 3u)] = u32((_e128 >> 32u));
                                let _e139 = s0_8_;
                                call_stack[(_e103 + 4u)] = u32(_e139);
                                call_stack[(_e103 + 5u)] = u32((_e139 >> 32u));
                                call_stack[(_e103 + 6u)] = 0u;
                                call_stack[(_e103 + 7u)] = 1u;
                                csp = (_e103 + 8u);
                                m0_l0_ = _e52;
                                cur = 0u;
                                calling = 1u;
                                break;
                            }
                        }
                        let _e160 = m0_ret0_;
                        s1_11_ = _e160;
                        let _e161 = resume;
                        if (_e161 == 0u) {
                            let _e164 = s1_11_;
                            let _e165 = s0_8_;
                            s0_8_ = (_e165 * _e164);
                        }
                        let _e167 = s0_8_;
                        if10_ = _e167;
                    }
                }
                let _e186 = if10_;
                s0_8_ = _e186;
                let _e187 = s0_8_;
                m0_ret0_ = _e187;
            }
            default: {
            }
        }
        let _e188 = calling;
        if (_e188 == 0u) {
            let _e193 = csp;
            let _e194 = base;
            if (_e193 <= _e194) {
                done = 1u;
            } else {
                let _e200 = call_stack[(_e193 - 2u)];
                cur = _e200;
                let _e203 = call_stack[(_e193 - 1u)];
                resume = _e203;
            }
        }
        let _e204 = done;
        if (_e204 != 0u) {
            break;
        }
        continuing {
            let _e207 = trap_code;
            break if (_e207 != 0u);
        }
    }
    let _e209 = done;
    let _e211 = trap_code;
    let _e213 = ((_e209 == 0u) && (_e211 == 0u));
    trap_code = select(_e211, 2952790016u, _e213);
    let _e217 = trap_func;
    trap_func = select(_e217, 0u, _e213);
    let _e220 = m0_ret0_;
    finished = 1u;
    return _e220;
}

fn cycle_w_fib_f1_(p0_1: u32) -> u32 {
    var m0_l0_1: u32 = 0u;
    var m0_ret0_1: u32 = 0u;
    var cur_1: u32 = 0u;
    var resume_1: u32 = 0u;
    var calling_1: u32 = 0u;
    var brk_1: u32 = 4294967295u;
    var done_1: u32 = 0u;
    var base_1: u32 = 0u;
    var s0_8_1: u32 = 0u;
    var s1_9_: u32 = 0u;
    var if10_1: u32 = 0u;
    var s2_11_: u32 = 0u;

    m0_l0_1 = p0_1;
    cur_1 = 0u;
    let _e15 = csp;
    base_1 = _e15;
    loop {
        calling_1 = 0u;
        let _e16 = cur_1;
        switch _e16 {
            case 0u: {
                let _e17 = resume_1;
                if (_e17 == 0u) {
                    let _e20 = m0_l0_1;
                    s0_8_1 = _e20;
                    s1_9_ = 2u;
                    let _e26 = s1_9_;
                    let _e27 = s0_8_1;
                    s0_8_1 = u32((_e27 < _e26));
                }
                let _e30 = s0_8_1;
                let _e179 = resume_1;
                let _e188 = resume_1;
                if ((_e188 == 0u) || ((_e188 >= 1u) && (_e188 < 3u))) {
                    if select(((_e179 >= 1u) && (_e179 < 1u)), (_e30 != 0u), (_e179 == 0u)) {
                        let _e35 = resume_1;
                        if (_e35 == 0u) {
                            let _e38 = m0_l0_1;
                            s0_8_1 = _e38;
                        }
                        let _e39 = s0_8_1;
                        if10_1 = _e39;
                    } else {
                        let _e40 = resume_1;
                        if (_e40 == 0u) {
                            let _e43 = m0_l0_1;
                            s0_8_1 = _e43;
                            s1_9_ = 1u;
                            let _e45 = s1_9_;
                            let _e46 = s0_8_1;
                            s0_8_1 = (_e46 - _e45);
                        }
                        let _e48 = s0_8_1;
                        let _e49 = resume_1;
                        if (_e49 == 1u) {
                            let _e58 = csp;
                            let _e59 = (_e58 - 4u);
                            let _e63 = call_stack[(_e59 + 0u)];
                            m0_l0_1 = _e63;
                            let _e67 = call_stack[(_e59 + 1u)];
                            if10_1 = _e67;
                            csp = _e59;
                            resume_1 = 0u;
                        } else {
                            if (_e49 == 0u) {
                                let _e68 = csp;
                                let _e69 = cs_limit;
                                if ((_e69 - _e68) < 4u) {
                                    let _e74 = trap_code;
                                    let _e76 = (_e74 == 0u);
                                    let _e79 = trap_func;
                                    trap_code = select(_e74, 3221225585u, _e76);
                                    trap_func = select(_e79, 1u, _e76);
                                    break;
                                }
                                let _e82 = m0_l0_1;
                                call_stack[(_e68 + 0u)] = _e82;
                                let _e86 = if10_1;
                                call_stack[(_e68 + 1u)] = _e86;
                                call_stack[(_e68 + 2u)] = 0u;
                                call_stack[(_e68 + 3u)] = 1u;
                                csp = (_e68 + 4u);
                                m0_l0_1 = _e48;
                                cur_1 = 0u;
                                calling_1 = 1u;
                                break;
                            }
                        }
                        let _e100 = m0_ret0_1;
                        s0_8_1 = _e100;
                        let _e101 = resume_1;
                        if (_e101 == 0u) {
                            let _e104 = m0_l0_1;
                            s1_9_ = _e104;
                            s2_11_ = 2u;
                            let _e108 = s2_11_;
                            let _e109 = s1_9_;
                            s1_9_ = (_e109 - _e108);
                        }
                        let _e111 = s1_9_;
                        let _e112 = resume_1;
                        if (_e112 == 2u) {
                            let _e121 = csp;
                            let _e122 = (_e121 - 5u);
                            let _e126 = call_stack[(_e122 + 0u)];
                            m0_l0_1 = _e126;
                            let _e130 = call_stack[(_e122 + 1u)];
                            if10_1 = _e130;
                            let _e134 = call_stack[(_e122 + 2u)];
                            s0_8_1 = _e134;
                            csp = _e122;
                            resume_1 = 0u;
                        } else {
                            if (_e112 == 0u) {
                                let _e135 = csp;
                                let _e136 = cs_limit;
                                if ((_e136 - _e135) < 5u) {
                                    let _e141 = trap_code;
                                    let _e143 = (_e141 == 0u);
                                    let _e146 = trap_func;
                                    trap_code = select(_e141, 3221225592u, _e143);
                                    trap_func = select(_e146, 1u, _e143);
                                    break;
                                }
                                let _e149 = m0_l0_1;
                                call_stack[(_e135 + 0u)] = _e149;
                                let _e153 = if10_1;
                                call_stack[(_e135 + 1u)] = _e153;
                                let _e157 = s0_8_1;
                                call_stack[(_e135 + 2u)] = _e157;
                                call_stack[(_e135 + 3u)] = 0u;
                                call_stack[(_e135 + 4u)] = 2u;
                                csp = (_e135 + 5u);
                                m0_l0_1 = _e111;
                                cur_1 = 0u;
                                calling_1 = 1u;
                                break;
                            }
                        }
                        let _e171 = m0_ret0_1;
                        s1_9_ = _e171;
                        let _e172 = resume_1;
                        if (_e172 == 0u) {
                            let _e175 = s1_9_;
                            let _e176 = s0_8_1;
                            s0_8_1 = (_e176 + _e175);
                        }
                        let _e178 = s0_8_1;
                        if10_1 = _e178;
                    }
                }
                let _e197 = if10_1;
                s0_8_1 = _e197;
                let _e198 = s0_8_1;
                m0_ret0_1 = _e198;
            }
            default: {
            }
        }
        let _e199 = calling_1;
        if (_e199 == 0u) {
            let _e204 = csp;
            let _e205 = base_1;
            if (_e204 <= _e205) {
                done_1 = 1u;
            } else {
                let _e211 = call_stack[(_e204 - 2u)];
                cur_1 = _e211;
                let _e214 = call_stack[(_e204 - 1u)];
                resume_1 = _e214;
            }
        }
        let _e215 = done_1;
        if (_e215 != 0u) {
            break;
        }
        continuing {
            let _e218 = trap_code;
            break if (_e218 != 0u);
        }
    }
    let _e220 = done_1;
    let _e222 = trap_code;
    let _e224 = ((_e220 == 0u) && (_e222 == 0u));
    trap_code = select(_e222, 2952790016u, _e224);
    let _e228 = trap_func;
    trap_func = select(_e228, 1u, _e224);
    let _e231 = m0_ret0_1;
    finished = 1u;
    return _e231;
}

fn cycle_w_sum_f2_(p0_2: u32) -> u32 {
    var m0_l0_2: u32 = 0u;
    var m0_ret0_2: u32 = 0u;
    var cur_2: u32 = 0u;
    var resume_2: u32 = 0u;
    var calling_2: u32 = 0u;
    var brk_2: u32 = 4294967295u;
    var done_2: u32 = 0u;
    var base_2: u32 = 0u;
    var s0_8_2: u32 = 0u;
    var if9_: u32 = 0u;
    var s1_10_: u32 = 0u;
    var s2_11_1: u32 = 0u;

    m0_l0_2 = p0_2;
    cur_2 = 0u;
    let _e15 = csp;
    base_2 = _e15;
    loop {
        calling_2 = 0u;
        let _e16 = cur_2;
        switch _e16 {
            case 0u: {
                let _e17 = resume_2;
                if (_e17 == 0u) {
                    let _e20 = m0_l0_2;
                    s0_8_2 = _e20;
                    let _e23 = s0_8_2;
                    s0_8_2 = u32((_e23 == 0u));
                }
                let _e27 = s0_8_2;
                let _e118 = resume_2;
                let _e127 = resume_2;
                if ((_e127 == 0u) || ((_e127 >= 1u) && (_e127 < 2u))) {
                    if select(((_e118 >= 1u) && (_e118 < 1u)), (_e27 != 0u), (_e118 == 0u)) {
                        let _e32 = resume_2;
                        if (_e32 == 0u) {
                            s0_8_2 = 0u;
                        }
                        let _e36 = s0_8_2;
                        if9_ = _e36;
                    } else {
                        let _e37 = resume_2;
                        if (_e37 == 0u) {
                            let _e40 = m0_l0_2;
                            s0_8_2 = _e40;
                            let _e41 = m0_l0_2;
                            s1_10_ = _e41;
                            s2_11_1 = 1u;
                            let _e47 = s2_11_1;
                            let _e48 = s1_10_;
                            s1_10_ = (_e48 - _e47);
                        }
                        let _e50 = s1_10_;
                        let _e51 = resume_2;
                        if (_e51 == 1u) {
                            let _e60 = csp;
                            let _e61 = (_e60 - 5u);
                            let _e65 = call_stack[(_e61 + 0u)];
                            m0_l0_2 = _e65;
                            let _e69 = call_stack[(_e61 + 1u)];
                            if9_ = _e69;
                            let _e73 = call_stack[(_e61 + 2u)];
                            s0_8_2 = _e73;
                            csp = _e61;
                            resume_2 = 0u;
                        } else {
                            if (_e51 == 0u) {
                                let _e74 = csp;
                                let _e75 = cs_limit;
                                if ((_e75 - _e74) < 5u) {
                                    let _e80 = trap_code;
                                    let _e82 = (_e80 == 0u);
                                    let _e85 = trap_func;
                                    trap_code = select(_e80, 3221225614u, _e82);
                                    trap_func = select(_e85, 2u, _e82);
                                    break;
                                }
                                let _e88 = m0_l0_2;
                                call_stack[(_e74 + 0u)] = _e88;
                                let _e92 = if9_;
                                call_stack[(_e74 + 1u)] = _e92;
                                let _e96 = s0_8_2;
                                call_stack[(_e74 + 2u)] = _e96;
                                call_stack[(_e74 + 3u)] = 0u;
                                call_stack[(_e74 + 4u)] = 1u;
                                csp = (_e74 + 5u);
                                m0_l0_2 = _e50;
                                cur_2 = 0u;
                                calling_2 = 1u;
                                break;
                            }
                        }
                        let _e110 = m0_ret0_2;
                        s1_10_ = _e110;
                        let _e111 = resume_2;
                        if (_e111 == 0u) {
                            let _e114 = s1_10_;
                            let _e115 = s0_8_2;
                            s0_8_2 = (_e115 + _e114);
                        }
                        let _e117 = s0_8_2;
                        if9_ = _e117;
                    }
                }
                let _e136 = if9_;
                s0_8_2 = _e136;
                let _e137 = s0_8_2;
                m0_ret0_2 = _e137;
            }
            default: {
            }
        }
        let _e138 = calling_2;
        if (_e138 == 0u) {
            let _e143 = csp;
            let _e144 = base_2;
            if (_e143 <= _e144) {
                done_2 = 1u;
            } else {
                let _e150 = call_stack[(_e143 - 2u)];
                cur_2 = _e150;
                let _e153 = call_stack[(_e143 - 1u)];
                resume_2 = _e153;
            }
        }
        let _e154 = done_2;
        if (_e154 != 0u) {
            break;
        }
        continuing {
            let _e157 = trap_code;
            break if (_e157 != 0u);
        }
    }
    let _e159 = done_2;
    let _e161 = trap_code;
    let _e163 = ((_e159 == 0u) && (_e161 == 0u));
    trap_code = select(_e161, 2952790016u, _e163);
    let _e167 = trap_func;
    trap_func = select(_e167, 2u, _e163);
    let _e170 = m0_ret0_2;
    finished = 1u;
    return _e170;
}

fn cycle_w_even_f3_(p0_3: u32) -> u32 {
    var m0_l0_3: u32 = 0u;
    var m0_ret0_3: u32 = 0u;
    var m1_l0_: u32 = 0u;
    var m1_ret0_: u32 = 0u;
    var cur_3: u32 = 0u;
    var resume_3: u32 = 0u;
    var calling_3: u32 = 0u;
    var brk_3: u32 = 4294967295u;
    var done_3: u32 = 0u;
    var base_3: u32 = 0u;
    var s0_10_: u32 = 0u;
    var if11_: u32 = 0u;
    var s1_12_: u32 = 0u;
    var s0_13_: u32 = 0u;
    var if14_: u32 = 0u;
    var s1_15_: u32 = 0u;

    m0_l0_3 = p0_3;
    cur_3 = 0u;
    let _e19 = csp;
    base_3 = _e19;
    loop {
        calling_3 = 0u;
        let _e20 = cur_3;
        switch _e20 {
            case 0u: {
                let _e21 = resume_3;
                if (_e21 == 0u) {
                    let _e24 = m0_l0_3;
                    s0_10_ = _e24;
                    let _e27 = s0_10_;
                    s0_10_ = u32((_e27 == 0u));
                }
                let _e31 = s0_10_;
                let _e105 = resume_3;
                let _e114 = resume_3;
                if ((_e114 == 0u) || ((_e114 >= 1u) && (_e114 < 2u))) {
                    if select(((_e105 >= 1u) && (_e105 < 1u)), (_e31 != 0u), (_e105 == 0u)) {
                        let _e36 = resume_3;
                        if (_e36 == 0u) {
                            s0_10_ = 1u;
                        }
                        let _e40 = s0_10_;
                        if11_ = _e40;
                    } else {
                        let _e41 = resume_3;
                        if (_e41 == 0u) {
                            let _e44 = m0_l0_3;
                            s0_10_ = _e44;
                            s1_12_ = 1u;
                            let _e48 = s1_12_;
                            let _e49 = s0_10_;
                            s0_10_ = (_e49 - _e48);
                        }
                        let _e51 = s0_10_;
                        let _e52 = resume_3;
                        if (_e52 == 1u) {
                            let _e61 = csp;
                            let _e62 = (_e61 - 4u);
                            let _e66 = call_stack[(_e62 + 0u)];
                            m0_l0_3 = _e66;
                            let _e70 = call_stack[(_e62 + 1u)];
                            if11_ = _e70;
                            csp = _e62;
                            resume_3 = 0u;
                        } else {
                            if (_e52 == 0u) {
                                let _e71 = csp;
                                let _e72 = cs_limit;
                                if ((_e72 - _e71) < 4u) {
                                    let _e77 = trap_code;
                                    let _e79 = (_e77 == 0u);
                                    let _e82 = trap_func;
                                    trap_code = select(_e77, 3221225634u, _e79);
                                    trap_func = select(_e82, 3u, _e79);
                                    break;
                                }
                                let _e85 = m0_l0_3;
                                call_stack[(_e71 + 0u)] = _e85;
                                let _e89 = if11_;
                                call_stack[(_e71 + 1u)] = _e89;
                                call_stack[(_e71 + 2u)] = 0u;
                                call_stack[(_e71 + 3u)] = 1u;
                                csp = (_e71 + 4u);
                                m1_l0_ = _e51;
                                cur_3 = 1u;
                                calling_3 = 1u;
                                break;
                            }
                        }
                        let _e103 = m1_ret0_;
                        s0_10_ = _e103;
                        let _e104 = s0_10_;
                        if11_ = _e104;
                    }
                }
                let _e123 = if11_;
                s0_10_ = _e123;
                let _e124 = s0_10_;
                m0_ret0_3 = _e124;
            }
            case 1u: {
                let _e125 = resume_3;
                if (_e125 == 0u) {
                    let _e128 = m1_l0_;
                    s0_13_ = _e128;
                    let _e131 = s0_13_;
                    s0_13_ = u32((_e131 == 0u));
                }
                let _e135 = s0_13_;
                let _e209 = resume_3;
                let _e218 = resume_3;
                if ((_e218 == 0u) || ((_e218 >= 2u) && (_e218 < 3u))) {
                    if select(((_e209 >= 2u) && (_e209 < 2u)), (_e135 != 0u), (_e209 == 0u)) {
                        let _e140 = resume_3;
                        if (_e140 == 0u) {
                            s0_13_ = 0u;
                        }
                        let _e144 = s0_13_;
                        if14_ = _e144;
                    } else {
                        let _e145 = resume_3;
                        if (_e145 == 0u) {
                            let _e148 = m1_l0_;
                            s0_13_ = _e148;
                            s1_15_ = 1u;
                            let _e152 = s1_15_;
                            let _e153 = s0_13_;
                            s0_13_ = (_e153 - _e152);
                        }
                        let _e155 = s0_13_;
                        let _e156 = resume_3;
                        if (_e156 == 2u) {
                            let _e165 = csp;
                            let _e166 = (_e165 - 4u);
                            let _e170 = call_stack[(_e166 + 0u)];
                            m1_l0_ = _e170;
                            let _e174 = call_stack[(_e166 + 1u)];
                            if14_ = _e174;
                            csp = _e166;
                            resume_3 = 0u;
                        } else {
                            if (_e156 == 0u) {
                                let _e175 = csp;
                                let _e176 = cs_limit;
                                if ((_e176 - _e175) < 4u) {
                                    let _e181 = trap_code;
                                    let _e183 = (_e181 == 0u);
                                    let _e186 = trap_func;
                                    trap_code = select(_e181, 3221225653u, _e183);
                                    trap_func = select(_e186, 4u, _e183);
                                    break;
                                }
                                let _e189 = m1_l0_;
                                call_stack[(_e175 + 0u)] = _e189;
                                let _e193 = if14_;
                                call_stack[(_e175 + 1u)] = _e193;
                                call_stack[(_e175 + 2u)] = 1u;
                                call_stack[(_e175 + 3u)] = 2u;
                                csp = (_e175 + 4u);
                                m0_l0_3 = _e155;
                                cur_3 = 0u;
                                calling_3 = 1u;
                                break;
                            }
                        }
                        let _e207 = m0_ret0_3;
                        s0_13_ = _e207;
                        let _e208 = s0_13_;
                        if14_ = _e208;
                    }
                }
                let _e227 = if14_;
                s0_13_ = _e227;
                let _e228 = s0_13_;
                m1_ret0_ = _e228;
            }
            default: {
            }
        }
        let _e229 = calling_3;
        if (_e229 == 0u) {
            let _e234 = csp;
            let _e235 = base_3;
            if (_e234 <= _e235) {
                done_3 = 1u;
            } else {
                let _e241 = call_stack[(_e234 - 2u)];
                cur_3 = _e241;
                let _e244 = call_stack[(_e234 - 1u)];
                resume_3 = _e244;
            }
        }
        let _e245 = done_3;
        if (_e245 != 0u) {
            break;
        }
        continuing {
            let _e248 = trap_code;
            break if (_e248 != 0u);
        }
    }
    let _e250 = done_3;
    let _e252 = trap_code;
    let _e254 = ((_e250 == 0u) && (_e252 == 0u));
    trap_code = select(_e252, 2952790016u, _e254);
    let _e258 = trap_func;
    trap_func = select(_e258, 3u, _e254);
    let _e261 = m0_ret0_3;
    finished = 1u;
    return _e261;
}

fn cycle_w_ack_f5_(p0_4: u32, p1_: u32) -> u32 {
    var m0_l0_4: u32 = 0u;
    var m0_l1_: u32 = 0u;
    var m0_ret0_4: u32 = 0u;
    var cur_4: u32 = 0u;
    var resume_4: u32 = 0u;
    var calling_4: u32 = 0u;
    var brk_4: u32 = 4294967295u;
    var done_4: u32 = 0u;
    var base_4: u32 = 0u;
    var blk9_: u32 = 0u;
    var s0_10_1: u32 = 0u;
    var s1_11_1: u32 = 0u;
    var s2_12_1: u32 = 0u;
    var s3_13_: u32 = 0u;

    m0_l0_4 = p0_4;
    m0_l1_ = p1_;
    cur_4 = 0u;
    let _e18 = csp;
    base_4 = _e18;
    loop {
        calling_4 = 0u;
        let _e19 = cur_4;
        switch _e19 {
            case 0u: {
                let _e319 = resume_4;
                if ((_e319 == 0u) || ((_e319 >= 1u) && (_e319 < 4u))) {
                    loop {
                        let _e22 = resume_4;
                        if (_e22 == 0u) {
                            let _e25 = m0_l0_4;
                            s0_10_1 = _e25;
                            let _e28 = s0_10_1;
                            s0_10_1 = u32((_e28 == 0u));
                        }
                        let _e32 = s0_10_1;
                        let _e46 = resume_4;
                        let _e55 = resume_4;
                        if (_e55 == 0u) {
                            if select(((_e46 >= 1u) && (_e46 < 1u)), (_e32 != 0u), (_e46 == 0u)) {
                                let _e35 = resume_4;
                                if (_e35 == 0u) {
                                    let _e38 = m0_l1_;
                                    s0_10_1 = _e38;
                                    s1_11_1 = 1u;
                                    let _e42 = s1_11_1;
                                    let _e43 = s0_10_1;
                                    s0_10_1 = (_e43 + _e42);
                                    let _e45 = s0_10_1;
                                    blk9_ = _e45;
                                    break;
                                }
                            }
                        }
                        let _e58 = resume_4;
                        if (_e58 == 0u) {
                            let _e61 = m0_l1_;
                            s0_10_1 = _e61;
                            let _e62 = s0_10_1;
                            s0_10_1 = u32((_e62 == 0u));
                        }
                        let _e66 = s0_10_1;
                        let _e146 = resume_4;
                        let _e155 = resume_4;
                        if ((_e155 == 0u) || ((_e155 >= 1u) && (_e155 < 2u))) {
                            if select(((_e146 >= 1u) && (_e146 < 2u)), (_e66 != 0u), (_e146 == 0u)) {
                                let _e69 = resume_4;
                                if (_e69 == 0u) {
                                    let _e72 = m0_l0_4;
                                    s0_10_1 = _e72;
                                    s1_11_1 = 1u;
                                    let _e74 = s1_11_1;
                                    let _e75 = s0_10_1;
                                    s0_10_1 = (_e75 - _e74);
                                    s1_11_1 = 1u;
                                }
                                let _e78 = s0_10_1;
                                let _e79 = s1_11_1;
                                let _e80 = resume_4;
                                if (_e80 == 1u) {
                                    let _e89 = csp;
                                    let _e90 = (_e89 - 5u);
                                    let _e94 = call_stack[(_e90 + 0u)];
                                    m0_l0_4 = _e94;
                                    let _e98 = call_stack[(_e90 + 1u)];
                                    m0_l1_ = _e98;
                                    let _e102 = call_stack[(_e90 + 2u)];
                                    blk9_ = _e102;
                                    csp = _e90;
                                    resume_4 = 0u;
                                } else {
                                    if (_e80 == 0u) {
                                        let _e103 = csp;
                                        let _e104 = cs_limit;
                                        if ((_e104 - _e103) < 5u) {
                                            let _e109 = trap_code;
                                            let _e111 = (_e109 == 0u);
                                            let _e114 = trap_func;
                                            trap_code = select(_e109, 3221225686u, _e111);
                                            trap_func = select(_e114, 5u, _e111);
                                            brk_4 = 0u;
                                            break;
                                        }
                                        let _e118 = m0_l0_4;
                                        call_stack[(_e103 + 0u)] = _e118;
                                        let _e122 = m0_l1_;
                                        call_stack[(_e103 + 1u)] = _e122;
                                        let _e126 = blk9_;
                                        call_stack[(_e103 + 2u)] = _e126;
                                        call_stack[(_e103 + 3u)] = 0u;
                                        call_stack[(_e103 + 4u)] = 1u;
                                        csp = (_e103 + 5u);
                                        m0_l0_4 = _e78;
                                        m0_l1_ = _e79;
                                        cur_4 = 0u;
                                        calling_4 = 1u;
                                        brk_4 = 0u;
                                        break;
                                    }
                                }
                                let _e141 = m0_ret0_4;
                                s0_10_1 = _e141;
                                let _e142 = resume_4;
                                if (_e142 == 0u) {
                                    let _e145 = s0_10_1;
                                    blk9_ = _e145;
                                    break;
                                }
                            }
                        }
                        let _e164 = resume_4;
                        if (_e164 == 0u) {
                            let _e167 = m0_l0_4;
                            s0_10_1 = _e167;
                            s1_11_1 = 1u;
                            let _e169 = s1_11_1;
                            let _e170 = s0_10_1;
                            s0_10_1 = (_e170 - _e169);
                            let _e172 = m0_l0_4;
                            s1_11_1 = _e172;
                            let _e173 = m0_l1_;
                            s2_12_1 = _e173;
                            s3_13_ = 1u;
                            let _e179 = s3_13_;
                            let _e180 = s2_12_1;
                            s2_12_1 = (_e180 - _e179);
                        }
                        let _e182 = s1_11_1;
                        let _e183 = s2_12_1;
                        let _e184 = resume_4;
                        if (_e184 == 2u) {
                            let _e193 = csp;
                            let _e194 = (_e193 - 6u);
                            let _e198 = call_stack[(_e194 + 0u)];
                            m0_l0_4 = _e198;
                            let _e202 = call_stack[(_e194 + 1u)];
                            m0_l1_ = _e202;
                            let _e206 = call_stack[(_e194 + 2u)];
                            blk9_ = _e206;
                            let _e210 = call_stack[(_e194 + 3u)];
                            s0_10_1 = _e210;
                            csp = _e194;
                            resume_4 = 0u;
                        } else {
                            if (_e184 == 0u) {
                                let _e211 = csp;
                                let _e212 = cs_limit;
                                if ((_e212 - _e211) < 6u) {
                                    let _e217 = trap_code;
                                    let _e219 = (_e217 == 0u);
                                    let _e222 = trap_func;
                                    trap_code = select(_e217, 3221225703u, _e219);
                                    trap_func = select(_e222, 5u, _e219);
                                    brk_4 = 0u;
                                    break;
                                }
                                let _e226 = m0_l0_4;
                                call_stack[(_e211 + 0u)] = _e226;
                                let _e230 = m0_l1_;
                                call_stack[(_e211 + 1u)] = _e230;
                                let _e234 = blk9_;
                                call_stack[(_e211 + 2u)] = _e234;
                                let _e238 = s0_10_1;
                                call_stack[(_e211 + 3u)] = _e238;
                                call_stack[(_e211 + 4u)] = 0u;
                                call_stack[(_e211 + 5u)] = 2u;
                                csp = (_e211 + 6u);
                                m0_l0_4 = _e182;
                                m0_l1_ = _e183;
                                cur_4 = 0u;
                                calling_4 = 1u;
                                brk_4 = 0u;
                                break;
                            }
                        }
                        let _e253 = m0_ret0_4;
                        s1_11_1 = _e253;
                        let _e254 = s0_10_1;
                        let _e255 = s1_11_1;
                        let _e256 = resume_4;
                        if (_e256 == 3u) {
                            let _e265 = csp;
                            let _e266 = (_e265 - 5u);
                            let _e270 = call_stack[(_e266 + 0u)];
                            m0_l0_4 = _e270;
                            let _e274 = call_stack[(_e266 + 1u)];
                            m0_l1_ = _e274;
                            let _e278 = call_stack[(_e266 + 2u)];
                            blk9_ = _e278;
                            csp = _e266;
                            resume_4 = 0u;
                        } else {
                            if (_e256 == 0u) {
                                let _e279 = csp;
                                let _e280 = cs_limit;
                                if ((_e280 - _e279) < 5u) {
                                    let _e285 = trap_code;
                                    let _e287 = (_e285 == 0u);
                                    let _e290 = trap_func;
                                    trap_code = select(_e285, 3221225705u, _e287);
                                    trap_func = select(_e290, 5u, _e287);
                                    brk_4 = 0u;
                                    break;
                                }
                                let _e294 = m0_l0_4;
                                call_stack[(_e279 + 0u)] = _e294;
                                let _e298 = m0_l1_;
                                call_stack[(_e279 + 1u)] = _e298;
                                let _e302 = blk9_;
                                call_stack[(_e279 + 2u)] = _e302;
                                call_stack[(_e279 + 3u)] = 0u;
                                call_stack[(_e279 + 4u)] = 3u;
                                csp = (_e279 + 5u);
                                m0_l0_4 = _e254;
                                m0_l1_ = _e255;
                                cur_4 = 0u;
                                calling_4 = 1u;
                                brk_4 = 0u;
                                break;
                            }
                        }
                        let _e317 = m0_ret0_4;
                        s0_10_1 = _e317;
                        let _e318 = s0_10_1;
                        blk9_ = _e318;
                        break;
                    }
                    let _e328 = brk_4;
                    if (_e328 != 4294967295u) {
                        if (_e328 == 0u) {
                            brk_4 = 4294967295u;
                        }
                        break;
                    }
                }
                let _e333 = blk9_;
                s0_10_1 = _e333;
                let _e334 = s0_10_1;
                m0_ret0_4 = _e334;
            }
            default: {
            }
        }
        let _e335 = calling_4;
        if (_e335 == 0u) {
            let _e340 = csp;
            let _e341 = base_4;
            if (_e340 <= _e341) {
                done_4 = 1u;
            } else {
                let _e347 = call_stack[(_e340 - 2u)];
                cur_4 = _e347;
                let _e350 = call_stack[(_e340 - 1u)];
                resume_4 = _e350;
            }
        }
        let _e351 = done_4;
        if (_e351 != 0u) {
            break;
        }
        continuing {
            let _e354 = trap_code;
            break if (_e354 != 0u);
        }
    }
    let _e356 = done_4;
    let _e358 = trap_code;
    let _e360 = ((_e356 == 0u) && (_e358 == 0u));
    trap_code = select(_e358, 2952790016u, _e360);
    let _e364 = trap_func;
    trap_func = select(_e364, 5u, _e360);
    let _e367 = m0_ret0_4;
    finished = 1u;
    return _e367;
}

@compute @workgroup_size(64, 1, 1) 
fn e0_fac(@builtin(global_invocation_id) gid: vec3<u32>) {
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
            let _e59 = thread;
            if (_e59 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e59;
            invocation = gid.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e71 = cycle_w_fac_f0_((u64(_e31) | (u64(_e35) << 32u)));
            let _e72 = finished;
            let _e74 = trap_code;
            let _e76 = ((_e72 == 0u) && (_e74 == 0u));
            trap_code = select(_e74, 2952790016u, _e76);
            let _e80 = trap_func;
            trap_func = select(_e80, 0u, _e76);
            let _e85 = ((_e59 - _e10) * 3u);
            let _e86 = trap_code;
            let _e88 = (_e86 >> 28u);
            results[_e85] = (_e88 | 2147483648u);
            if (_e88 == 0u) {
                results[(_e85 + 1u)] = u32(_e71);
                results[(_e85 + 2u)] = u32((_e71 >> 32u));
            } else {
                let _e106 = trapped;
                if (_e106 == 0u) {
                    trap_thread = _e59;
                    first_trap_code = _e86;
                    let _e110 = trap_func;
                    first_trap_func = _e110;
                    let _e112 = panic_file;
                    first_panic0_ = _e112;
                    let _e114 = panic_file_len;
                    first_panic1_ = _e114;
                    let _e116 = panic_line;
                    first_panic2_ = _e116;
                    let _e118 = panic_column;
                    first_panic3_ = _e118;
                }
                trapped = (_e106 + 1u);
            }
            if ((_e14 - _e59) <= _e5) {
                break;
            }
            thread = (_e59 + _e5);
        }
        let _e124 = trapped;
        if (_e124 != 0u) {
            let _e130 = atomicAdd((&control[2u]), _e124);
            if (_e130 == 0u) {
                let _e133 = first_trap_code;
                let _e138 = trap_thread;
                let _e139 = first_trap_func;
                atomicStore((&control[3u]), _e138);
                atomicStore((&control[4u]), (_e133 >> 28u));
                atomicStore((&control[5u]), _e139);
                atomicStore((&control[6u]), (_e133 & 268435455u));
                let _e152 = first_panic0_;
                atomicStore((&control[7u]), _e152);
                let _e156 = first_panic1_;
                atomicStore((&control[8u]), _e156);
                let _e160 = first_panic2_;
                atomicStore((&control[9u]), _e160);
                let _e164 = first_panic3_;
                atomicStore((&control[10u]), _e164);
            }
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e1_fib(@builtin(global_invocation_id) gid_1: vec3<u32>) {
    var thread_1: u32 = 0u;
    var trapped_1: u32 = 0u;
    var trap_thread_1: u32 = 0u;
    var first_trap_code_1: u32 = 0u;
    var first_trap_func_1: u32 = 0u;
    var first_panic0_1: u32 = 0u;
    var first_panic1_1: u32 = 0u;
    var first_panic2_1: u32 = 0u;
    var first_panic3_1: u32 = 0u;
    var kept_globals_1: bool = false;

    let _e5 = params[2u];
    if (gid_1.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_1 = (_e10 + gid_1.x);
        let _e21 = atomicLoad((&control[0u]));
        let _e25 = params[5u];
        let _e26 = (gid_1.x * _e25);
        let _e31 = params[10u];
        loop {
            let _e50 = thread_1;
            if (_e50 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e50;
            invocation = gid_1.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e62 = cycle_w_fib_f1_(_e31);
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
                let _e89 = trapped_1;
                if (_e89 == 0u) {
                    trap_thread_1 = _e50;
                    first_trap_code_1 = _e77;
                    let _e93 = trap_func;
                    first_trap_func_1 = _e93;
                    let _e95 = panic_file;
                    first_panic0_1 = _e95;
                    let _e97 = panic_file_len;
                    first_panic1_1 = _e97;
                    let _e99 = panic_line;
                    first_panic2_1 = _e99;
                    let _e101 = panic_column;
                    first_panic3_1 = _e101;
                }
                trapped_1 = (_e89 + 1u);
            }
            if ((_e14 - _e50) <= _e5) {
                break;
            }
            thread_1 = (_e50 + _e5);
        }
        let _e107 = trapped_1;
        if (_e107 != 0u) {
            let _e113 = atomicAdd((&control[2u]), _e107);
            if (_e113 == 0u) {
                let _e116 = first_trap_code_1;
                let _e121 = trap_thread_1;
                let _e122 = first_trap_func_1;
                atomicStore((&control[3u]), _e121);
                atomicStore((&control[4u]), (_e116 >> 28u));
                atomicStore((&control[5u]), _e122);
                atomicStore((&control[6u]), (_e116 & 268435455u));
                let _e135 = first_panic0_1;
                atomicStore((&control[7u]), _e135);
                let _e139 = first_panic1_1;
                atomicStore((&control[8u]), _e139);
                let _e143 = first_panic2_1;
                atomicStore((&control[9u]), _e143);
                let _e147 = first_panic3_1;
                atomicStore((&control[10u]), _e147);
            }
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e2_sum(@builtin(global_invocation_id) gid_2: vec3<u32>) {
    var thread_2: u32 = 0u;
    var trapped_2: u32 = 0u;
    var trap_thread_2: u32 = 0u;
    var first_trap_code_2: u32 = 0u;
    var first_trap_func_2: u32 = 0u;
    var first_panic0_2: u32 = 0u;
    var first_panic1_2: u32 = 0u;
    var first_panic2_2: u32 = 0u;
    var first_panic3_2: u32 = 0u;
    var kept_globals_2: bool = false;

    let _e5 = params[2u];
    if (gid_2.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_2 = (_e10 + gid_2.x);
        let _e21 = atomicLoad((&control[0u]));
        let _e25 = params[5u];
        let _e26 = (gid_2.x * _e25);
        let _e31 = params[10u];
        loop {
            let _e50 = thread_2;
            if (_e50 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e50;
            invocation = gid_2.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e62 = cycle_w_sum_f2_(_e31);
            let _e63 = finished;
            let _e65 = trap_code;
            let _e67 = ((_e63 == 0u) && (_e65 == 0u));
            trap_code = select(_e65, 2952790016u, _e67);
            let _e71 = trap_func;
            trap_func = select(_e71, 2u, _e67);
            let _e76 = ((_e50 - _e10) * 2u);
            let _e77 = trap_code;
            let _e79 = (_e77 >> 28u);
            results[_e76] = (_e79 | 2147483648u);
            if (_e79 == 0u) {
                results[(_e76 + 1u)] = _e62;
            } else {
                let _e89 = trapped_2;
                if (_e89 == 0u) {
                    trap_thread_2 = _e50;
                    first_trap_code_2 = _e77;
                    let _e93 = trap_func;
                    first_trap_func_2 = _e93;
                    let _e95 = panic_file;
                    first_panic0_2 = _e95;
                    let _e97 = panic_file_len;
                    first_panic1_2 = _e97;
                    let _e99 = panic_line;
                    first_panic2_2 = _e99;
                    let _e101 = panic_column;
                    first_panic3_2 = _e101;
                }
                trapped_2 = (_e89 + 1u);
            }
            if ((_e14 - _e50) <= _e5) {
                break;
            }
            thread_2 = (_e50 + _e5);
        }
        let _e107 = trapped_2;
        if (_e107 != 0u) {
            let _e113 = atomicAdd((&control[2u]), _e107);
            if (_e113 == 0u) {
                let _e116 = first_trap_code_2;
                let _e121 = trap_thread_2;
                let _e122 = first_trap_func_2;
                atomicStore((&control[3u]), _e121);
                atomicStore((&control[4u]), (_e116 >> 28u));
                atomicStore((&control[5u]), _e122);
                atomicStore((&control[6u]), (_e116 & 268435455u));
                let _e135 = first_panic0_2;
                atomicStore((&control[7u]), _e135);
                let _e139 = first_panic1_2;
                atomicStore((&control[8u]), _e139);
                let _e143 = first_panic2_2;
                atomicStore((&control[9u]), _e143);
                let _e147 = first_panic3_2;
                atomicStore((&control[10u]), _e147);
            }
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e3_even(@builtin(global_invocation_id) gid_3: vec3<u32>) {
    var thread_3: u32 = 0u;
    var trapped_3: u32 = 0u;
    var trap_thread_3: u32 = 0u;
    var first_trap_code_3: u32 = 0u;
    var first_trap_func_3: u32 = 0u;
    var first_panic0_3: u32 = 0u;
    var first_panic1_3: u32 = 0u;
    var first_panic2_3: u32 = 0u;
    var first_panic3_3: u32 = 0u;
    var kept_globals_3: bool = false;

    let _e5 = params[2u];
    if (gid_3.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_3 = (_e10 + gid_3.x);
        let _e21 = atomicLoad((&control[0u]));
        let _e25 = params[5u];
        let _e26 = (gid_3.x * _e25);
        let _e31 = params[10u];
        loop {
            let _e50 = thread_3;
            if (_e50 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e50;
            invocation = gid_3.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e62 = cycle_w_even_f3_(_e31);
            let _e63 = finished;
            let _e65 = trap_code;
            let _e67 = ((_e63 == 0u) && (_e65 == 0u));
            trap_code = select(_e65, 2952790016u, _e67);
            let _e71 = trap_func;
            trap_func = select(_e71, 3u, _e67);
            let _e76 = ((_e50 - _e10) * 2u);
            let _e77 = trap_code;
            let _e79 = (_e77 >> 28u);
            results[_e76] = (_e79 | 2147483648u);
            if (_e79 == 0u) {
                results[(_e76 + 1u)] = _e62;
            } else {
                let _e89 = trapped_3;
                if (_e89 == 0u) {
                    trap_thread_3 = _e50;
                    first_trap_code_3 = _e77;
                    let _e93 = trap_func;
                    first_trap_func_3 = _e93;
                    let _e95 = panic_file;
                    first_panic0_3 = _e95;
                    let _e97 = panic_file_len;
                    first_panic1_3 = _e97;
                    let _e99 = panic_line;
                    first_panic2_3 = _e99;
                    let _e101 = panic_column;
                    first_panic3_3 = _e101;
                }
                trapped_3 = (_e89 + 1u);
            }
            if ((_e14 - _e50) <= _e5) {
                break;
            }
            thread_3 = (_e50 + _e5);
        }
        let _e107 = trapped_3;
        if (_e107 != 0u) {
            let _e113 = atomicAdd((&control[2u]), _e107);
            if (_e113 == 0u) {
                let _e116 = first_trap_code_3;
                let _e121 = trap_thread_3;
                let _e122 = first_trap_func_3;
                atomicStore((&control[3u]), _e121);
                atomicStore((&control[4u]), (_e116 >> 28u));
                atomicStore((&control[5u]), _e122);
                atomicStore((&control[6u]), (_e116 & 268435455u));
                let _e135 = first_panic0_3;
                atomicStore((&control[7u]), _e135);
                let _e139 = first_panic1_3;
                atomicStore((&control[8u]), _e139);
                let _e143 = first_panic2_3;
                atomicStore((&control[9u]), _e143);
                let _e147 = first_panic3_3;
                atomicStore((&control[10u]), _e147);
            }
        }
    }
}

@compute @workgroup_size(64, 1, 1) 
fn e4_ack(@builtin(global_invocation_id) gid_4: vec3<u32>) {
    var thread_4: u32 = 0u;
    var trapped_4: u32 = 0u;
    var trap_thread_4: u32 = 0u;
    var first_trap_code_4: u32 = 0u;
    var first_trap_func_4: u32 = 0u;
    var first_panic0_4: u32 = 0u;
    var first_panic1_4: u32 = 0u;
    var first_panic2_4: u32 = 0u;
    var first_panic3_4: u32 = 0u;
    var kept_globals_4: bool = false;

    let _e5 = params[2u];
    if (gid_4.x < _e5) {
        let _e10 = params[0u];
        let _e14 = params[1u];
        thread_4 = (_e10 + gid_4.x);
        let _e21 = atomicLoad((&control[0u]));
        let _e25 = params[5u];
        let _e26 = (gid_4.x * _e25);
        let _e31 = params[10u];
        let _e35 = params[11u];
        loop {
            let _e54 = thread_4;
            if (_e54 >= _e14) {
                break;
            }
            trap_code = 0u;
            thread_id = _e54;
            invocation = gid_4.x;
            csp = _e26;
            cs_limit = (_e26 + _e25);
            mem_bytes = _e21;
            may_grow = false;
            finished = 0u;
            let _e66 = cycle_w_ack_f5_(_e31, _e35);
            let _e67 = finished;
            let _e69 = trap_code;
            let _e71 = ((_e67 == 0u) && (_e69 == 0u));
            trap_code = select(_e69, 2952790016u, _e71);
            let _e75 = trap_func;
            trap_func = select(_e75, 5u, _e71);
            let _e80 = ((_e54 - _e10) * 2u);
            let _e81 = trap_code;
            let _e83 = (_e81 >> 28u);
            results[_e80] = (_e83 | 2147483648u);
            if (_e83 == 0u) {
                results[(_e80 + 1u)] = _e66;
            } else {
                let _e93 = trapped_4;
                if (_e93 == 0u) {
                    trap_thread_4 = _e54;
                    first_trap_code_4 = _e81;
                    let _e97 = trap_func;
                    first_trap_func_4 = _e97;
                    let _e99 = panic_file;
                    first_panic0_4 = _e99;
                    let _e101 = panic_file_len;
                    first_panic1_4 = _e101;
                    let _e103 = panic_line;
                    first_panic2_4 = _e103;
                    let _e105 = panic_column;
                    first_panic3_4 = _e105;
                }
                trapped_4 = (_e93 + 1u);
            }
            if ((_e14 - _e54) <= _e5) {
                break;
            }
            thread_4 = (_e54 + _e5);
        }
        let _e111 = trapped_4;
        if (_e111 != 0u) {
            let _e117 = atomicAdd((&control[2u]), _e111);
            if (_e117 == 0u) {
                let _e120 = first_trap_code_4;
                let _e125 = trap_thread_4;
                let _e126 = first_trap_func_4;
                atomicStore((&control[3u]), _e125);
                atomicStore((&control[4u]), (_e120 >> 28u));
                atomicStore((&control[5u]), _e126);
                atomicStore((&control[6u]), (_e120 & 268435455u));
                let _e139 = first_panic0_4;
                atomicStore((&control[7u]), _e139);
                let _e143 = first_panic1_4;
                atomicStore((&control[8u]), _e143);
                let _e147 = first_panic2_4;
                atomicStore((&control[9u]), _e147);
                let _e151 = first_panic3_4;
                atomicStore((&control[10u]), _e151);
            }
        }
    }
}
