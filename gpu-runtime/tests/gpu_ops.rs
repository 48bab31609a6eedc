//! The translator's instructions on a real GPU (lavapipe here), against wasmi as the oracle: one
//! test per instruction family, each with edge-case inputs (0, ±1, MIN, MAX, powers of two,
//! shift amounts past the width, NaNs with payloads, ±0, ±inf, subnormals, huge values, values
//! around the truncation limits) plus pseudo-random inputs from fixed seeds.
//!
//! The harness (`common/mod.rs`) batches the argument sets through a generated wrapper (one
//! dispatch per batch); sets on which wasmi traps, and the first few of every check, run through
//! the export's own entry point. Results must be identical bit for bit (or the same trap kind).
//!
//! # Float relaxations
//!
//! Only the float *arithmetic* checks (`add`, `sub`, `mul`, `div`, `sqrt`, `ceil`, `floor`,
//! `trunc`, `nearest` of f32 and f64, checked with `Harness::check_arith`) accept:
//! - a NaN result with another sign or payload than wasmi's (the spec leaves arithmetic NaN
//!   payloads nondeterministic);
//! - a zero where wasmi has a subnormal result, and the result wasmi gives for the arguments with
//!   subnormals flushed to zero (GPUs may flush subnormals).
//!
//! `min` and `max` are exact except for one case: when *both* operands are NaN, the result may
//! be either operand quieted (`Floats::MinMax`). The spec allows any arithmetic NaN there; wasmi
//! returns the second operand, the translator the first (e.g. `f32.min(0x7fa00000, 0xffc00000)`
//! is `0xffc00000` in wasmi and `0x7fe00000` on the GPU).
//!
//! Integer ops, conversions (trapping and saturating truncation, convert, wrap/extend,
//! demote/promote, reinterpret), `copysign`/`abs`/`neg`, comparisons, constants, `select`,
//! locals, globals, control flow and calls are compared exactly, NaN payloads included. On
//! lavapipe the arithmetic relaxations are never needed (llvmpipe keeps subnormals and NaN
//! payloads); the tests print every relaxation they accepted (`-- --nocapture`).

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use ValType::{F32, F64, I32, I64};

/// `(func (export "name") (param ..) (result r) local.get 0 .. instr)`.
fn op(export: &str, instr: &str, params: &[&str], result: &str) -> String {
    let gets: Vec<String> = (0..params.len())
        .map(|i| format!("local.get {i}"))
        .collect();
    format!(
        "  (func (export \"{export}\") (param {}) (result {result}) {} {instr})\n",
        params.join(" "),
        gets.join(" ")
    )
}

fn module(funcs: &[String]) -> String {
    format!("(module\n{})", funcs.concat())
}

/// Integer ops of one width (`i32` or `i64`).
fn int_family(t: &str, ty: ValType, seed: u64) {
    let bins = [
        "add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl",
        "shr_s", "shr_u", "rotl", "rotr",
    ];
    let cmps = [
        "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u",
    ];
    let uns = ["clz", "ctz", "popcnt"];
    let mut funcs = Vec::new();
    for o in bins {
        funcs.push(op(&format!("{t}.{o}"), &format!("{t}.{o}"), &[t, t], t));
    }
    for o in cmps {
        funcs.push(op(&format!("{t}.{o}"), &format!("{t}.{o}"), &[t, t], "i32"));
    }
    for o in uns {
        funcs.push(op(&format!("{t}.{o}"), &format!("{t}.{o}"), &[t], t));
    }
    funcs.push(op(&format!("{t}.eqz"), &format!("{t}.eqz"), &[t], "i32"));
    // Constant right operands take the translator's literal paths (masked shift amounts, a
    // division by a literal zero that always traps, rem by -1).
    for (name, k) in [
        ("shl_c33", "shl 33"),
        ("shl_c64", "shl 64"),
        ("shl_c65", "shl 65"),
        ("shr_s_c31", "shr_s 31"),
        ("shr_s_c95", "shr_s 95"),
        ("shr_u_c63", "shr_u 63"),
        ("rotl_c100", "rotl 100"),
        ("rotr_c1", "rotr 1"),
        ("div_s_c0", "div_s 0"),
        ("div_u_c0", "div_u 0"),
        ("rem_s_c0", "rem_s 0"),
        ("rem_u_c0", "rem_u 0"),
        ("div_s_cm1", "div_s -1"),
        ("rem_s_cm1", "rem_s -1"),
        ("div_u_c3", "div_u 3"),
        ("rem_s_c7", "rem_s 7"),
    ] {
        let (o, c) = k.split_once(' ').unwrap();
        funcs.push(format!(
            "  (func (export \"{t}.{name}\") (param {t}) (result {t}) local.get 0 {t}.const {c} {t}.{o})\n"
        ));
    }
    let wat = module(&funcs);
    let mut h = Harness::new(&wat);
    let mut rng = Rng::new(seed);
    let args2 = binary_args(ty, ty, &mut rng, 100, 60);
    let args1 = unary_args(ty, &mut rng, 100);
    for o in bins.iter().chain(&cmps) {
        h.check(&format!("{t}.{o}"), &args2);
    }
    for o in uns.iter().chain(&["eqz"]) {
        h.check(&format!("{t}.{o}"), &args1);
    }
    for name in [
        "shl_c33",
        "shl_c64",
        "shl_c65",
        "shr_s_c31",
        "shr_s_c95",
        "shr_u_c63",
        "rotl_c100",
        "rotr_c1",
        "div_s_c0",
        "div_u_c0",
        "rem_s_c0",
        "rem_u_c0",
        "div_s_cm1",
        "rem_s_cm1",
        "div_u_c3",
        "rem_s_c7",
    ] {
        h.check(&format!("{t}.{name}"), &args1);
    }
    h.report(t);
}

#[test]
fn i32_ops() {
    int_family("i32", I32, 0x1032);
}

#[test]
fn i64_ops() {
    int_family("i64", I64, 0x1064);
}

/// Float ops of one width (`f32` or `f64`).
fn float_family(t: &str, ty: ValType, seed: u64) {
    let arith = ["add", "sub", "mul", "div"];
    let exact = ["copysign"];
    let min_max = ["min", "max"];
    let cmps = ["eq", "ne", "lt", "gt", "le", "ge"];
    let arith1 = ["sqrt", "ceil", "floor", "trunc", "nearest"];
    let exact1 = ["abs", "neg"];
    let mut funcs = Vec::new();
    for o in arith.iter().chain(&exact).chain(&min_max) {
        funcs.push(op(&format!("{t}.{o}"), &format!("{t}.{o}"), &[t, t], t));
    }
    for o in cmps {
        funcs.push(op(&format!("{t}.{o}"), &format!("{t}.{o}"), &[t, t], "i32"));
    }
    for o in arith1.iter().chain(&exact1) {
        funcs.push(op(&format!("{t}.{o}"), &format!("{t}.{o}"), &[t], t));
    }
    // A float result that does not leave the shader as a float: the sign and class of a
    // computation, through reinterpret (catches results that are only wrong in registers).
    let it = if ty == F32 { "i32" } else { "i64" };
    funcs.push(format!(
        "  (func (export \"{t}.mul_bits\") (param {t} {t}) (result {it}) local.get 0 local.get 1 {t}.mul {it}.reinterpret_{t})\n"
    ));
    let mut h = Harness::new(&module(&funcs));
    let mut rng = Rng::new(seed);
    let args2 = binary_args(ty, ty, &mut rng, 120, 60);
    let args1 = unary_args(ty, &mut rng, 120);
    for o in arith {
        h.check_arith(&format!("{t}.{o}"), &args2);
    }
    for o in exact.iter().chain(&cmps) {
        h.check(&format!("{t}.{o}"), &args2);
    }
    for o in min_max {
        h.check_floats(&format!("{t}.{o}"), &args2, Floats::MinMax);
    }
    for o in arith1 {
        h.check_arith(&format!("{t}.{o}"), &args1);
    }
    for o in exact1 {
        h.check(&format!("{t}.{o}"), &args1);
    }
    // Integer result: exact unless the product is NaN (payload) or subnormal.
    let finite: Vec<Vec<Value>> = args2
        .iter()
        .filter(|a| {
            let p = match (a[0], a[1]) {
                (Value::F32Bits(x), Value::F32Bits(y)) => {
                    let p = f32::from_bits(x) * f32::from_bits(y);
                    p.is_nan()
                        || p.is_subnormal()
                        || f32::from_bits(x).is_subnormal()
                        || f32::from_bits(y).is_subnormal()
                }
                (Value::F64Bits(x), Value::F64Bits(y)) => {
                    let p = f64::from_bits(x) * f64::from_bits(y);
                    p.is_nan()
                        || p.is_subnormal()
                        || f64::from_bits(x).is_subnormal()
                        || f64::from_bits(y).is_subnormal()
                }
                _ => true,
            };
            !p
        })
        .cloned()
        .collect();
    h.check(&format!("{t}.mul_bits"), &finite);
    h.report(t);
}

#[test]
fn f32_ops() {
    float_family("f32", F32, 0xf032);
}

#[test]
fn f64_ops() {
    float_family("f64", F64, 0xf064);
}

/// Extra inputs for conversions: values straddling the truncation limits and the f32/f64
/// rounding boundaries of large integers.
fn conversion_inputs(ty: ValType, rng: &mut Rng) -> Vec<Vec<Value>> {
    let mut v = unary_args(ty, rng, 120);
    match ty {
        F32 => {
            for limit in [
                2147483648.0f32,
                4294967296.0,
                9223372036854775808.0,
                18446744073709551616.0,
            ] {
                for x in [limit, -limit] {
                    let b = x.to_bits();
                    for d in [-2i32, -1, 0, 1, 2] {
                        v.push(vec![Value::F32Bits((b as i32 + d) as u32)]);
                    }
                }
            }
            for _ in 0..40 {
                let e = rng.below(70) as i32;
                let m = rng.next_u32() as f32 / u32::MAX as f32 + 1.0;
                let s = if rng.below(2) == 0 { 1.0 } else { -1.0 };
                v.push(vec![Value::f32(s * m * 2f32.powi(e))]);
            }
        }
        F64 => {
            for limit in [
                2147483648.0f64,
                4294967296.0,
                9223372036854775808.0,
                18446744073709551616.0,
            ] {
                for x in [
                    limit,
                    -limit,
                    limit - 1.0,
                    -limit - 1.0,
                    limit - 0.5,
                    -limit - 0.5,
                ] {
                    let b = x.to_bits();
                    for d in [-2i64, -1, 0, 1, 2] {
                        v.push(vec![Value::F64Bits((b as i64 + d) as u64)]);
                    }
                }
            }
            for x in [
                2147483647.5f64,
                -2147483648.9,
                -2147483649.0,
                4294967295.5,
                -0.5,
                -0.999,
            ] {
                v.push(vec![Value::f64(x)]);
            }
            for _ in 0..40 {
                let e = rng.below(70) as i32;
                let m = rng.next_u64() as f64 / u64::MAX as f64 + 1.0;
                let s = if rng.below(2) == 0 { 1.0 } else { -1.0 };
                v.push(vec![Value::f64(s * m * 2f64.powi(e))]);
            }
        }
        I64 => {
            // Integers whose conversion to f32/f64 needs correct rounding (ties, sticky bits
            // beyond the 53rd bit that a two-step conversion would lose).
            for x in [
                (1i64 << 53) + 1,
                (1 << 53) + 2,
                (1 << 53) + 3,
                (1 << 24) + 1,
                (1 << 25) + 3,
                0x0020_0000_2000_0001,
                0x7fff_ff80_0000_0000,
                0x7fff_ff80_0000_0001,
                0x7fff_ffff_ffff_fdff,
                0x7fff_ffff_ffff_fc00,
                -0x7fff_ff80_0000_0001,
                0x8000_0080_0000_0001u64 as i64,
                0xffff_ff80_0000_0000u64 as i64,
                0xffff_ff7f_ffff_ffffu64 as i64,
                0xffff_ffff_ffff_f800u64 as i64,
                0xffff_ffff_ffff_fbffu64 as i64,
                0xffff_ffff_ffff_fc00u64 as i64,
            ] {
                v.push(vec![Value::I64(x)]);
            }
        }
        I32 => {
            for x in [
                16777217i32,
                16777219,
                -16777217,
                0x7fff_ffc0,
                0x7fff_ff80,
                0x7fff_ff7f,
                0xffff_ff80u32 as i32,
                0xffff_ff7fu32 as i32,
            ] {
                v.push(vec![Value::I32(x)]);
            }
        }
        ValType::FuncRef | ValType::ExternRef => {}
    }
    v
}

#[test]
fn conversions() {
    // (export/instruction, param, result)
    let convs: &[(&str, &str, &str)] = &[
        ("i32.wrap_i64", "i64", "i32"),
        ("i64.extend_i32_s", "i32", "i64"),
        ("i64.extend_i32_u", "i32", "i64"),
        ("i32.trunc_f32_s", "f32", "i32"),
        ("i32.trunc_f32_u", "f32", "i32"),
        ("i32.trunc_f64_s", "f64", "i32"),
        ("i32.trunc_f64_u", "f64", "i32"),
        ("i64.trunc_f32_s", "f32", "i64"),
        ("i64.trunc_f32_u", "f32", "i64"),
        ("i64.trunc_f64_s", "f64", "i64"),
        ("i64.trunc_f64_u", "f64", "i64"),
        ("i32.trunc_sat_f32_s", "f32", "i32"),
        ("i32.trunc_sat_f32_u", "f32", "i32"),
        ("i32.trunc_sat_f64_s", "f64", "i32"),
        ("i32.trunc_sat_f64_u", "f64", "i32"),
        ("i64.trunc_sat_f32_s", "f32", "i64"),
        ("i64.trunc_sat_f32_u", "f32", "i64"),
        ("i64.trunc_sat_f64_s", "f64", "i64"),
        ("i64.trunc_sat_f64_u", "f64", "i64"),
        ("f32.convert_i32_s", "i32", "f32"),
        ("f32.convert_i32_u", "i32", "f32"),
        ("f32.convert_i64_s", "i64", "f32"),
        ("f32.convert_i64_u", "i64", "f32"),
        ("f64.convert_i32_s", "i32", "f64"),
        ("f64.convert_i32_u", "i32", "f64"),
        ("f64.convert_i64_s", "i64", "f64"),
        ("f64.convert_i64_u", "i64", "f64"),
        ("f32.demote_f64", "f64", "f32"),
        ("f64.promote_f32", "f32", "f64"),
        ("i32.reinterpret_f32", "f32", "i32"),
        ("i64.reinterpret_f64", "f64", "i64"),
        ("f32.reinterpret_i32", "i32", "f32"),
        ("f64.reinterpret_i64", "i64", "f64"),
    ];
    let funcs: Vec<String> = convs.iter().map(|(o, p, r)| op(o, o, &[p], r)).collect();
    let mut h = Harness::new(&module(&funcs));
    let mut rng = Rng::new(0xc0);
    let ty = |s: &str| match s {
        "i32" => I32,
        "i64" => I64,
        "f32" => F32,
        _ => F64,
    };
    let inputs: Vec<(ValType, Vec<Vec<Value>>)> = [I32, I64, F32, F64]
        .into_iter()
        .map(|t| (t, conversion_inputs(t, &mut rng)))
        .collect();
    for (o, p, _) in convs {
        let args = &inputs.iter().find(|(t, _)| *t == ty(p)).unwrap().1;
        h.check(o, args);
    }
    h.report("conversions");
}

#[test]
fn sign_extension() {
    let ops: &[(&str, &str)] = &[
        ("i32.extend8_s", "i32"),
        ("i32.extend16_s", "i32"),
        ("i64.extend8_s", "i64"),
        ("i64.extend16_s", "i64"),
        ("i64.extend32_s", "i64"),
    ];
    let funcs: Vec<String> = ops.iter().map(|(o, t)| op(o, o, &[t], t)).collect();
    let mut h = Harness::new(&module(&funcs));
    let mut rng = Rng::new(0x5e);
    let a32 = unary_args(I32, &mut rng, 100);
    let a64 = unary_args(I64, &mut rng, 100);
    for (o, t) in ops {
        h.check(o, if *t == "i32" { &a32 } else { &a64 });
    }
    h.report("sign extension");
}

#[test]
fn select() {
    let mut funcs = Vec::new();
    for t in ["i32", "i64", "f32", "f64"] {
        funcs.push(format!(
            "  (func (export \"select_{t}\") (param {t} {t} i32) (result {t}) local.get 0 local.get 1 local.get 2 select)\n"
        ));
        funcs.push(format!(
            "  (func (export \"select_typed_{t}\") (param {t} {t} i32) (result {t}) local.get 0 local.get 1 local.get 2 select (result {t}))\n"
        ));
    }
    // The condition computed from the operands, and a select whose operands are computations.
    funcs.push(
        "  (func (export \"select_mixed\") (param i64 i64 i32) (result i64)\n    (select (i64.add (local.get 0) (i64.const 1)) (i64.mul (local.get 1) (i64.const 3)) (i32.and (local.get 2) (i32.const 6))))\n"
            .to_string(),
    );
    let mut h = Harness::new(&module(&funcs));
    let mut rng = Rng::new(0x5e1);
    let conds = [0, 1, -1, 2, i32::MIN, 6, 8];
    for t in [I32, I64, F32, F64] {
        let e = edges(t);
        let mut args = Vec::new();
        for (i, a) in e.iter().enumerate() {
            let b = e[(i * 7 + 3) % e.len()];
            args.push(vec![*a, b, Value::I32(conds[i % conds.len()])]);
        }
        for _ in 0..100 {
            args.push(vec![rng.value(t), rng.value(t), Value::I32(rng.i32())]);
        }
        let name = match t {
            I32 => "i32",
            I64 => "i64",
            F32 => "f32",
            F64 => "f64",
            ValType::FuncRef | ValType::ExternRef => continue,
        };
        h.check(&format!("select_{name}"), &args);
        h.check(&format!("select_typed_{name}"), &args);
        if t == I64 {
            h.check("select_mixed", &args);
        }
    }
    h.report("select");
}

#[test]
fn locals_and_globals() {
    let wat = r#"(module
  (global $ci i32 (i32.const -7))
  (global $cl i64 (i64.const 0x1234567890abcdef))
  (global $cf f32 (f32.const nan:0x200001))
  (global $cd f64 (f64.const -0x1.8p-1000))
  (global $gi (export "gi") (mut i32) (i32.const 5))
  (global $gl (export "gl") (mut i64) (i64.const -1))
  (global $gf (export "gf") (mut f32) (f32.const -0.0))
  (global $gd (export "gd") (mut f64) (f64.const 1.5))
  (global $count (export "count") (mut i32) (i32.const 0))

  ;; Immutable globals, every type.
  (func (export "consts") (result i32 i64 f32 f64)
    global.get $ci global.get $cl global.get $cf global.get $cd)

  ;; Mutable globals: accumulate, return the old values.
  (func (export "accumulate") (param i32 i64 f32 f64) (result i32 i64 f32 f64)
    global.get $gi global.get $gl global.get $gf global.get $gd
    (global.set $gi (i32.add (global.get $gi) (local.get 0)))
    (global.set $gl (i64.xor (i64.rotl (global.get $gl) (i64.const 5)) (local.get 1)))
    (global.set $gf (local.get 2))
    (global.set $gd (f64.copysign (local.get 3) (global.get $gd)))
    (global.set $count (i32.add (global.get $count) (i32.const 1))))

  ;; Declared locals start at zero on every call, whatever an earlier call left in them.
  (func (export "fresh_locals") (param i32) (result i32 i64 f32 f64)
    (local $a i32) (local $b i64) (local $c f32) (local $d f64)
    (if (local.get 0) (then
      (local.set $a (i32.const 99))
      (local.set $b (i64.const -99))
      (local.set $c (f32.const 9.5))
      (local.set $d (f64.const -9.5))))
    local.get $a local.get $b local.get $c local.get $d)

  ;; Parameters are locals too: set, tee and reuse.
  (func (export "tee") (param $x i32) (param $y i64) (result i64)
    (local $t i32)
    (local.set $x (i32.mul (local.tee $t (i32.add (local.get $x) (i32.const 3))) (local.get $t)))
    (local.set $y (i64.add (local.get $y) (i64.extend_i32_s (local.get $x))))
    (i64.sub (local.get $y) (i64.extend_i32_u (local.tee $t (i32.const -1)))))

  ;; A value read before a later set keeps the old value (operand stack vs locals).
  (func (export "read_before_set") (param $x i32) (result i32 i32)
    local.get $x
    (local.set $x (i32.const 1000))
    local.get $x)

  ;; Globals read and written across calls in one run.
  (func $bump (result i32)
    (global.set $count (i32.add (global.get $count) (i32.const 10)))
    global.get $count)
  (func (export "bump_twice") (result i32 i32)
    call $bump call $bump)
)"#;
    let mut h = Harness::new(wat);
    let mut rng = Rng::new(0x61);
    h.check("consts", &[vec![], vec![]]);
    let mut args = Vec::new();
    for _ in 0..150 {
        args.push(vec![
            rng.value(I32),
            rng.value(I64),
            rng.value(F32),
            rng.value(F64),
        ]);
    }
    h.check("accumulate", &args);
    let flags: Vec<Vec<Value>> = (0..40)
        .map(|i| vec![Value::I32(if i % 3 == 0 { 0 } else { i })])
        .collect();
    h.check("fresh_locals", &flags);
    let tee_args: Vec<Vec<Value>> = (0..120)
        .map(|_| vec![rng.value(I32), rng.value(I64)])
        .collect();
    h.check("tee", &tee_args);
    h.check("read_before_set", &unary_args(I32, &mut rng, 10));
    h.check("bump_twice", &vec![vec![]; 20]);
    // The globals as wasmi and the GPU instance hold them now.
    for g in ["gi", "gl", "gf", "gd", "count"] {
        let want = h.oracle.global(g);
        let got = h.gpu.read_global_export(g).unwrap().unwrap();
        assert_eq!(
            got,
            want,
            "global {g}: gpu {} wasmi {}",
            show_value(got),
            show_value(want)
        );
    }
    h.report("locals and globals");
}

#[test]
fn control_flow() {
    let wat = r#"(module
  ;; block with two results, left early by br with both values
  (func (export "block_multi") (param i32 i64) (result i64 i32)
    (block $b (result i64 i32)
      (i64.mul (local.get 1) (i64.const 3))
      (i32.add (local.get 0) (i32.const 1))
      (br_if $b (i32.lt_s (local.get 0) (i32.const 0)))
      drop drop
      (i64.const 7) (local.get 0))
    (i32.const 1) i32.add)

  ;; loop with br_if: sum 1..n (n masked to 0..1023), and a factorial in i64
  (func (export "loop_sum") (param i32) (result i32 i64)
    (local $i i32) (local $s i32) (local $f i64)
    (local.set $f (i64.const 1))
    (local.set $i (i32.and (local.get 0) (i32.const 1023)))
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $i)))
        (local.set $s (i32.add (local.get $s) (local.get $i)))
        (local.set $f (i64.mul (local.get $f) (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br $l)))
    local.get $s local.get $f)

  ;; Collatz steps (bounded): nested loops and ifs
  (func (export "collatz") (param i32) (result i32)
    (local $n i64) (local $steps i32)
    (local.set $n (i64.add (i64.extend_i32_u (local.get 0)) (i64.const 1)))
    (loop $l
      (if (i64.ne (local.get $n) (i64.const 1))
        (then
          (if (i64.eqz (i64.and (local.get $n) (i64.const 1)))
            (then (local.set $n (i64.shr_u (local.get $n) (i64.const 1))))
            (else (local.set $n (i64.add (i64.mul (local.get $n) (i64.const 3)) (i64.const 1)))))
          (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $steps) (i32.const 1000))))))
    local.get $steps)

  ;; if/else with two results; if without else
  (func (export "if_multi") (param i32 f64) (result f64 i32)
    (local $x i32)
    (if (i32.gt_u (local.get 0) (i32.const 100)) (then (local.set $x (i32.const 1))))
    (if (result f64 i32) (i32.and (local.get 0) (i32.const 1))
      (then (f64.neg (local.get 1)) (i32.add (local.get $x) (i32.const 10)))
      (else (f64.add (local.get 1) (f64.const 0.5)) (i32.sub (local.get $x) (i32.const 10)))))

  ;; branches out of several levels at once, carrying a value
  (func (export "deep_br") (param i32) (result i32)
    (block $a (result i32)
      (block $b (result i32)
        (block $c (result i32)
          (loop $l (result i32)
            (block $d
              (br_if $d (i32.eqz (local.get 0)))
              (drop (br_if $a (i32.const 100) (i32.eq (local.get 0) (i32.const 1))))
              (drop (br_if $b (i32.const 200) (i32.eq (local.get 0) (i32.const 2))))
              (drop (br_if $c (i32.const 300) (i32.eq (local.get 0) (i32.const 3))))
              (if (i32.gt_u (local.get 0) (i32.const 50))
                (then (local.set 0 (i32.shr_u (local.get 0) (i32.const 1))) (br $l)))
              (br $a (i32.add (local.get 0) (i32.const 1000))))
            (i32.const 400)))
        (i32.const 1) i32.add)
      (i32.const 2) i32.add))

  ;; br_table with a default, every target carrying a value through nested blocks
  (func (export "br_table") (param i32) (result i32)
    (block $out (result i32)
      (block $t3 (result i32)
        (block $t2 (result i32)
          (block $t1 (result i32)
            (block $t0 (result i32)
              (i32.mul (local.get 0) (i32.const 10))
              (local.get 0)
              (br_table $t0 $t1 $t2 $t1 $t3 $out))
            (i32.const 1) i32.add (br $out))
          (i32.const 2) i32.add (br $out))
        (i32.const 3) i32.add (br $out))
      (i32.const 4) i32.add))

  ;; br_table into a loop (a continue) and out of it
  (func (export "br_table_loop") (param i32) (result i32)
    (local $n i32) (local $acc i32)
    (local.set $n (i32.and (local.get 0) (i32.const 63)))
    (block $done
      (loop $l
        (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 3)) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_table $l $done (i32.lt_s (local.get $n) (i32.const 0)))))
    local.get $acc)

  ;; return from inside nested loops and blocks, with two values
  (func (export "early_return") (param i32) (result i32 i64)
    (local $i i32)
    (loop $outer
      (block $skip
        (loop $inner
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (if (i32.eq (local.get $i) (local.get 0))
            (then (return (local.get $i) (i64.extend_i32_s (i32.mul (local.get $i) (i32.const -3))))))
          (br_if $skip (i32.eq (i32.and (local.get $i) (i32.const 7)) (i32.const 0)))
          (br $inner)))
      (br_if $outer (i32.lt_u (local.get $i) (i32.const 200))))
    (i32.const -1) (i64.const -1))

  ;; loops with parameters (multi-value)
  (func (export "loop_params") (param i32) (result i32)
    (local $k i32)
    (i32.const 1)
    (loop $l (param i32) (result i32)
      (i32.add (i32.const 3))
      (local.tee $k (i32.add (local.get $k) (i32.const 1)))
      (i32.and (local.get 0) (i32.const 15))
      (i32.lt_u)
      (br_if $l))
    (local.get $k) (i32.mul))

  ;; br_if leaves its value on the stack when not taken
  (func (export "br_if_value") (param i32) (result i32)
    (block $b (result i32)
      (br_if $b (i32.const 11) (local.get 0))
      (i32.const 22) i32.add))

  ;; code after an unconditional branch is unreachable (but valid)
  (func (export "dead_code") (param i32) (result i32)
    (block $b (result i32)
      (br $b (local.get 0))
      (i32.div_s (i32.const 1) (i32.const 0))
      drop unreachable))

  ;; unreachable reached only for some inputs
  (func (export "maybe_unreachable") (param i32) (result i32)
    (if (i32.eq (local.get 0) (i32.const 13)) (then unreachable))
    (i32.add (local.get 0) (i32.const 1)))

  ;; a trap deep inside loops and blocks
  (func (export "deep_trap") (param i32) (result i32)
    (local $i i32)
    (block $b (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $b (i32.gt_u (local.get $i) (i32.const 20)))
      (drop (i32.div_u (i32.const 100) (i32.sub (local.get 0) (local.get $i))))
      (br $l)))
    local.get $i)
)"#;
    let mut h = Harness::new(wat);
    let mut rng = Rng::new(0xcf);
    let mut small: Vec<Vec<Value>> = (-5..70).map(|i| vec![Value::I32(i)]).collect();
    small.extend(unary_args(I32, &mut rng, 60));
    for f in [
        "loop_sum",
        "collatz",
        "deep_br",
        "br_table",
        "br_table_loop",
        "early_return",
        "loop_params",
        "br_if_value",
        "dead_code",
        "maybe_unreachable",
        "deep_trap",
    ] {
        h.check(f, &small);
    }
    let pairs: Vec<Vec<Value>> = (0..120)
        .map(|_| vec![Value::I32(rng.i32()), rng.value(I64)])
        .collect();
    h.check("block_multi", &pairs);
    let pairs: Vec<Vec<Value>> = (0..120)
        .map(|_| vec![Value::I32(rng.i32()), rng.value(F64)])
        .collect();
    h.check("if_multi", &pairs);
    h.report("control flow");
}

#[test]
fn direct_calls() {
    let wat = r#"(module
  (func $many (param i32 i64 f32 f64 i32 i64 f32 f64 i32 i64) (result i64)
    (i64.extend_i32_s (local.get 0))
    (i64.mul (local.get 1) (i64.const 3)) i64.add
    (i64.trunc_sat_f32_s (local.get 2)) i64.add
    (i64.trunc_sat_f64_s (local.get 3)) i64.add
    (i64.extend_i32_u (local.get 4)) i64.sub
    (local.get 5) i64.xor
    (i64.reinterpret_f64 (f64.promote_f32 (local.get 6))) i64.add
    (i64.reinterpret_f64 (local.get 7)) i64.xor
    (i64.extend_i32_s (local.get 8)) (i64.const 17) i64.shl i64.add
    (local.get 9) i64.rotl)
  (func (export "many_args") (param i32 i64 f32 f64 i32 i64 f32 f64 i32 i64) (result i64)
    (call $many (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)
                (local.get 5) (local.get 6) (local.get 7) (local.get 8) (local.get 9)))

  ;; multi-value returns, passed straight into another call
  (func $split (param i64) (result i32 i32 f64 f32)
    (i32.wrap_i64 (local.get 0))
    (i32.wrap_i64 (i64.shr_u (local.get 0) (i64.const 32)))
    (f64.convert_i64_s (local.get 0))
    (f32.convert_i64_u (local.get 0)))
  (func $join (param i32 i32 f64 f32) (result i64 f64)
    (i64.or (i64.extend_i32_u (local.get 0)) (i64.shl (i64.extend_i32_u (local.get 1)) (i64.const 32)))
    (f64.add (local.get 2) (f64.promote_f32 (local.get 3))))
  (func (export "multi_return") (param i64) (result i64 f64)
    (call $join (call $split (local.get 0))))
  (func (export "split") (param i64) (result i32 i32 f64 f32)
    (call $split (local.get 0)))

  ;; floats (NaN payloads, -0) pass through calls bit for bit
  (func $id_f32 (param f32) (result f32) local.get 0)
  (func $id_f64 (param f64) (result f64) local.get 0)
  (func $swap (param f32 f64) (result f64 f32) local.get 1 local.get 0)
  (func (export "float_identity") (param f32 f64) (result f64 f32)
    (call $swap (call $id_f32 (local.get 0)) (call $id_f64 (local.get 1))))

  ;; a call chain five deep with traps possible at the bottom
  (func $d5 (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $d4 (param i32 i32) (result i32) (i32.add (call $d5 (local.get 0) (local.get 1)) (i32.const 1)))
  (func $d3 (param i32 i32) (result i32) (i32.mul (call $d4 (local.get 0) (local.get 1)) (i32.const 3)))
  (func $d2 (param i32 i32) (result i32) (call $d3 (local.get 1) (local.get 0)))
  (func (export "chain") (param i32 i32) (result i32)
    (i32.xor (call $d2 (local.get 0) (local.get 1)) (i32.const 0x55)))

  ;; the same callee called several times; calls inside expressions and branches
  (func $sq (param i64) (result i64) (i64.mul (local.get 0) (local.get 0)))
  (func (export "calls_in_expr") (param i64 i32) (result i64)
    (if (result i64) (local.get 1)
      (then (i64.add (call $sq (local.get 0)) (call $sq (i64.add (local.get 0) (i64.const 1)))))
      (else (call $sq (call $sq (local.get 0))))))

  ;; a call whose result is unused, and a call with no results
  (global $g (mut i32) (i32.const 0))
  (func $side (param i32) (global.set $g (i32.add (global.get $g) (local.get 0))))
  (func (export "side_effects") (param i32) (result i32)
    (call $side (local.get 0))
    (drop (call $d4 (local.get 0) (i32.const 1)))
    (call $side (i32.const 1))
    global.get $g)
)"#;
    let mut h = Harness::new(wat);
    let mut rng = Rng::new(0xca11);
    let types = [I32, I64, F32, F64, I32, I64, F32, F64, I32, I64];
    let mut many = Vec::new();
    for k in 0..150 {
        let mut a: Vec<Value> = types.iter().map(|t| rng.value(*t)).collect();
        if k < 20 {
            // Edge values in every position.
            for (i, t) in types.iter().enumerate() {
                let e = edges(*t);
                a[i] = e[(k * 5 + i) % e.len()];
            }
        }
        many.push(a);
    }
    h.check("many_args", &many);
    let a64 = unary_args(I64, &mut rng, 100);
    h.check("multi_return", &a64);
    h.check("split", &a64);
    h.check("float_identity", &binary_args(F32, F64, &mut rng, 60, 40));
    h.check("chain", &binary_args(I32, I32, &mut rng, 60, 40));
    let mut ci = Vec::new();
    for _ in 0..100 {
        ci.push(vec![rng.value(I64), Value::I32(rng.below(3) as i32)]);
    }
    h.check("calls_in_expr", &ci);
    h.check("side_effects", &unary_args(I32, &mut rng, 30));
    h.report("direct calls");
}

#[test]
fn indirect_calls() {
    let wat = r#"(module
  (type $ii (func (param i32) (result i32)))
  (type $ll (func (param i64) (result i64)))
  (type $iii (func (param i32 i32) (result i32)))
  (type $multi (func (param i32) (result i32 f64)))
  (table 12 funcref)
  (elem (i32.const 0) $inc $dbl $wide $add $neg)
  (elem (i32.const 6) $sq $multi $inc)
  ;; slots 5, 9, 10, 11 are null
  (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $ii) (i32.shl (local.get 0) (i32.const 1)))
  (func $wide (type $ll) (i64.mul (local.get 0) (i64.const -2)))
  (func $add (type $iii) (i32.add (local.get 0) (local.get 1)))
  (func $neg (param i32) (result i32) (i32.sub (i32.const 0) (local.get 0)))
  (func $sq (type $ii) (i32.mul (local.get 0) (local.get 0)))
  (func $multi (type $multi) (local.get 0) (f64.convert_i32_s (local.get 0)))

  (func (export "call_ii") (param $slot i32) (param $x i32) (result i32)
    (call_indirect (type $ii) (local.get $x) (local.get $slot)))
  (func (export "call_ll") (param $slot i32) (param $x i64) (result i64)
    (call_indirect (type $ll) (local.get $x) (local.get $slot)))
  (func (export "call_iii") (param $slot i32) (param $x i32) (result i32)
    (call_indirect (type $iii) (local.get $x) (i32.const 100) (local.get $slot)))
  (func (export "call_multi") (param $slot i32) (param $x i32) (result i32 f64)
    (call_indirect (type $multi) (local.get $x) (local.get $slot)))
  ;; an indirect call through a computed slot inside a loop
  (func (export "apply_all") (param $x i32) (result i32)
    (local $i i32)
    (loop $l
      (if (i32.ne (local.get $i) (i32.const 3))
        (then (local.set $x (call_indirect (type $ii) (local.get $x) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 2))))
    (local.get $x))
)"#;
    let mut h = Harness::new(wat);
    let mut rng = Rng::new(0x1d);
    // Every slot (matching, mismatched type, null), one past the end, far out of range.
    let slots = [
        0,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
        10,
        11,
        12,
        13,
        1000,
        -1,
        i32::MIN,
    ];
    let mut a32 = Vec::new();
    let mut a64 = Vec::new();
    for s in slots {
        for _ in 0..4 {
            a32.push(vec![Value::I32(s), Value::I32(rng.i32())]);
            a64.push(vec![Value::I32(s), Value::I64(rng.i64())]);
        }
    }
    h.check("call_ii", &a32);
    h.check("call_ll", &a64);
    h.check("call_iii", &a32);
    h.check("call_multi", &a32);
    h.check("apply_all", &unary_args(I32, &mut rng, 20));
    // All three trap kinds occurred.
    for (args, kind) in [
        (
            vec![Value::I32(2), Value::I32(1)],
            TrapKind::IndirectCallTypeMismatch,
        ),
        (
            vec![Value::I32(5), Value::I32(1)],
            TrapKind::UninitializedElement,
        ),
        (
            vec![Value::I32(12), Value::I32(1)],
            TrapKind::UndefinedElement,
        ),
    ] {
        assert_eq!(h.gpu_call("call_ii", &args), Err(kind));
    }
    h.report("indirect calls");
}

#[test]
fn constants() {
    let wat = r#"(module
  (func (export "ints") (result i32 i32 i32 i64 i64 i64 i64)
    (i32.const -2147483648) (i32.const 2147483647) (i32.const -1)
    (i64.const -9223372036854775808) (i64.const 9223372036854775807) (i64.const -1)
    (i64.const 0x0000000100000000))
  (func (export "f32s") (result f32 f32 f32 f32 f32 f32 f32)
    (f32.const nan:0x200001) (f32.const -nan:0x1) (f32.const -0.0) (f32.const 0x1p-149)
    (f32.const -0x1.fffffep127) (f32.const inf) (f32.const -nan))
  (func (export "f64s") (result f64 f64 f64 f64 f64 f64 f64)
    (f64.const nan:0x4000000000001) (f64.const -nan:0x1) (f64.const -0.0) (f64.const 0x1p-1074)
    (f64.const 0x1.fffffffffffffp1023) (f64.const -inf) (f64.const nan))
  ;; constants folded into operations
  (func (export "folded") (result i32 i64 f32 f64)
    (i32.add (i32.const 0x7fffffff) (i32.const 1))
    (i64.mul (i64.const 0x100000000) (i64.const 0x100000000))
    (f32.neg (f32.const nan:0x123))
    (f64.copysign (f64.const nan:0x5) (f64.const -1))))"#;
    let mut h = Harness::new(wat);
    for f in ["ints", "f32s", "f64s", "folded"] {
        h.check(f, &[vec![], vec![]]);
    }
    h.report("constants");
}

#[test]
fn control_flow_edge_cases() {
    let wat = r#"(module
  ;; extra values below a return are discarded
  (func (export "return_extra") (param i32) (result i32)
    (i32.const 1) (i32.const 2) (local.get 0) (return))
  ;; a branch to the function's own label is a return, with two values
  (func (export "br_function") (param i32) (result i32 i64)
    (block
      (br_if 1 (local.get 0) (i64.const 5) (i32.gt_s (local.get 0) (i32.const 10)))
      (drop (drop)))
    (i32.const -1) (i64.extend_i32_s (local.get 0)))
  ;; br_table to the function label and to blocks
  (func (export "br_table_function") (param i32) (result i32)
    (i32.add (i32.const 1000)
      (block $a (result i32)
        (i32.add (i32.const 100)
          (block $b (result i32)
            (br_table $a $b 2 (i32.const 77) (local.get 0)))))))
  ;; if with parameters and results
  (func (export "if_params") (param i32 i32) (result i32 i32)
    (local.get 0) (local.get 1)
    (if (param i32 i32) (result i32 i32) (i32.and (local.get 0) (i32.const 1))
      (then (i32.add) (i32.const 1))
      (else (i32.sub) (i32.const 2))))
  ;; loop with two params, branch carries both back
  (func (export "loop_two_params") (param i32) (result i32 i32)
    (local $n i32)
    (local.set $n (i32.and (local.get 0) (i32.const 31)))
    (i32.const 0) (i32.const 1)
    (loop $l (param i32 i32) (result i32 i32)
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      ;; (a, b) -> (b, a + b)
      (call $fib_step)
      (br_if $l (i32.ge_s (local.get $n) (i32.const 0)))))
  (func $fib_step (param i32 i32) (result i32 i32)
    (local.get 1) (i32.add (local.get 0) (local.get 1)))
  ;; dead code of every kind after unreachable / br / return
  (func (export "dead") (param i32) (result i32)
    (block $out (result i32)
      (block (result i32)
        (if (local.get 0) (then (br $out (i32.const 5))))
        (i32.const 6)
        (br 0)
        (i32.add)
        (br_table 0 0 0)
        (loop (result i32) unreachable)
        (if (result i32) (then (i32.const 1)) (else (i32.const 2)))
        (call $fib_step) drop
        (return)))
    (i32.const 100) i32.add)
  ;; the then-branch ends in unreachable, the else-branch is fine
  (func (export "half_dead") (param i32) (result i32)
    (if (result i32) (i32.eq (local.get 0) (i32.const 7))
      (then unreachable (i32.const 1) i32.add)
      (else (i32.mul (local.get 0) (i32.const 3)))))
  ;; deeply nested blocks, branch from the innermost to each level
  (func (export "nested_levels") (param i32) (result i32)
    (local $r i32)
    (block $l0 (block $l1 (block $l2 (block $l3 (block $l4 (block $l5 (block $l6 (block $l7
      (br_table $l0 $l1 $l2 $l3 $l4 $l5 $l6 $l7 (i32.and (local.get 0) (i32.const 7))))
      (local.set $r (i32.add (local.get $r) (i32.const 1))))
      (local.set $r (i32.add (local.get $r) (i32.const 2))))
      (local.set $r (i32.add (local.get $r) (i32.const 4))))
      (local.set $r (i32.add (local.get $r) (i32.const 8))))
      (local.set $r (i32.add (local.get $r) (i32.const 16))))
      (local.set $r (i32.add (local.get $r) (i32.const 32))))
      (local.set $r (i32.add (local.get $r) (i32.const 64))))
    (local.get $r))
  ;; a loop nested in a loop, the inner branching to the outer's start with a value
  (func (export "loop_in_loop") (param i32) (result i32)
    (local $i i32) (local $j i32) (local $acc i32)
    (block $done
      (loop $outer
        (local.set $j (i32.const 0))
        (loop $inner
          (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $i) (local.get $j))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $inner (i32.lt_u (local.get $j) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $done (i32.gt_u (local.get $i) (i32.and (local.get 0) (i32.const 15))))
          (br $outer))))
    (local.get $acc))
)"#;
    let mut h = Harness::new(wat);
    let mut rng = Rng::new(0xedce);
    let mut small: Vec<Vec<Value>> = (-3..40).map(|i| vec![Value::I32(i)]).collect();
    small.extend(unary_args(I32, &mut rng, 40));
    for f in [
        "return_extra",
        "br_function",
        "br_table_function",
        "loop_two_params",
        "dead",
        "half_dead",
        "nested_levels",
        "loop_in_loop",
    ] {
        h.check(f, &small);
    }
    h.check("if_params", &binary_args(I32, I32, &mut rng, 30, 30));
    h.report("control flow edge cases");
}

/// A trap in a callee stops the caller: no side effect after the trap happens (memory stores,
/// global writes), and a trap inside a loop leaves the loop.
#[test]
fn trap_stops_the_caller() {
    let wat = r#"(module
  (memory (export "memory") 1)
  (global $g (export "g") (mut i32) (i32.const 0))
  (func $check (param i32) (result i32)
    (if (i32.eq (local.get 0) (i32.const 5)) (then unreachable))
    (local.get 0))
  (func (export "run") (param i32) (result i32)
    (local $i i32)
    (loop $l
      (i32.store (i32.shl (local.get $i) (i32.const 2)) (call $check (i32.add (local.get $i) (local.get 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))
    (global.set $g (i32.const 1))
    (local.get $i)))"#;
    let mut h = Harness::unbatched(wat, &InstanceOptions::default());
    h.check("run", &[vec![Value::I32(100)], vec![Value::I32(0)]]);
    let want = h.oracle.memory();
    assert_eq!(h.gpu.read_memory(0, 64).unwrap(), want[..64]);
    // wasmi's global is still 1 from the first call: the trapping call never reached the set.
    assert_eq!(
        h.gpu.read_global_export("g").unwrap(),
        Some(h.oracle.global("g"))
    );
}

/// `br_if` carrying a value that came from `local.get`, when the branch is not taken: the value
/// must stay on the stack for the code after it. Since 1aad3c0 ("defer local.get loads to their
/// use") the not-taken path gets the wrong value (`br_if_local(1, 0)` is 1 instead of 2), and
/// with nothing after the `br_if` the shader fails naga validation ("Used by a statement before
/// it was introduced into the scope").
#[test]
fn br_if_carrying_local_values() {
    let wat = r#"(module
  (func (export "br_if_local") (param i32 i32) (result i32)
    (block (result i32)
      (local.get 0)
      (br_if 0 (local.get 1))
      (i32.const 1) i32.add))
  (func (export "br_if_local_at_end") (param i32 i32) (result i32)
    (block (result i32)
      (local.get 0)
      (br_if 0 (local.get 1))))
  (func (export "block_params") (param i32 i32) (result i32 i32)
    (local.get 0) (local.get 1)
    (block (param i32 i32) (result i32 i32)
      (i32.add) (local.get 0)
      (br_if 0 (i32.gt_s (local.get 1) (i32.const 0)))
      (i32.sub) (i32.const 5))))"#;
    let mut h = Harness::new(wat);
    let mut rng = Rng::new(0xb1f);
    let args = binary_args(I32, I32, &mut rng, 20, 40);
    for f in ["br_if_local", "br_if_local_at_end", "block_params"] {
        h.check(f, &args);
    }
}
