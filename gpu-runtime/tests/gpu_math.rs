//! GPU math intrinsics against the CPU's `std` (docs/CONFORMANCE.md, "GPU math").
//!
//! Every test module imports one math function (`gpu.sinf`, `env.pow`, ...), reads thread `t`'s
//! arguments from linear memory at `t * 24` (three 8-byte slots: the host writes them) and
//! returns the function's result. The host computes the same function with Rust's `std` on the
//! same arguments and measures:
//!
//! - **relative error** `|gpu − cpu| / max(|cpu|, MIN_POSITIVE)` of the result's own type: pure
//!   relative error, the floor only keeps exact zeros (sin at 0, ...) and subnormal results from
//!   dividing by (almost) nothing. Inputs are floats, so sin's zeros are never hit exactly except
//!   at 0; near them the GPU is as relative-accurate as elsewhere (the argument reduction keeps
//!   the result's low bits, see `translate/math_lib/trig.rs`);
//! - **ulps** between the two results (NaN = NaN of any payload; an infinity must match exactly).
//!
//! f32 results that differ only because the adapter flushes f32 subnormals to zero (the H200
//! does) are counted as `flushed` and not compared (see [`flushed`]); on lavapipe there are none.
//!
//! `cargo test -p gpu-runtime --test gpu_math -- --nocapture` prints the table of maxima that
//! docs/CONFORMANCE.md records.

#![allow(clippy::unwrap_used, clippy::panic)]

use gpu_runtime::host::{shared_gpu, Gpu, Instance, InstanceOptions, Program};
use gpu_runtime::translate::abi::ValType;
use gpu_runtime::translate::{translate, MathMode, TranslateOptions};

/// Bytes of arguments per thread.
const STRIDE: u64 = 24;

/// One measured function.
struct Measure {
    name: String,
    count: usize,
    max_rel: f64,
    max_ulps: u64,
    /// GPU time of the run (dispatch to completion).
    gpu_time: std::time::Duration,
    /// f32 results accepted as subnormals flushed to zero (see [`flushed`]).
    flushed: usize,
    worst: String,
    mismatches: Vec<String>,
}

/// The module: `run() -> T` calls `import` on thread `tid`'s arguments.
fn wat(module: &str, name: &str, params: &[ValType], result: ValType, pages: u64) -> String {
    let ty = |t: &ValType| match t {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::FuncRef => "funcref",
        ValType::ExternRef => "externref",
    };
    let ps: Vec<&str> = params.iter().map(ty).collect();
    let loads: Vec<String> = params
        .iter()
        .enumerate()
        .map(|(i, t)| format!("({}.load offset={} (local.get $a))", ty(t), i * 8))
        .collect();
    format!(
        r#"(module
  (import "gpu" "thread_id" (func $tid (result i32)))
  (import "{module}" "{name}" (func $f (param {ps}) (result {r})))
  (memory {pages})
  (func (export "run") (result {r})
    (local $a i32)
    (local.set $a (i32.mul (call $tid) (i32.const {STRIDE})))
    (call $f {loads})))"#,
        ps = ps.join(" "),
        r = ty(&result),
        loads = loads.join(" "),
    )
}

/// Runs `module.name` on `inputs` (raw bits per parameter) and returns the result bits.
fn run_gpu(
    gpu: &Gpu,
    options: &TranslateOptions,
    module: &str,
    name: &str,
    params: &[ValType],
    result: ValType,
    inputs: &[[u64; 3]],
) -> (Vec<u64>, std::time::Duration) {
    let bytes = inputs.len() as u64 * STRIDE;
    let pages = bytes.div_ceil(65536).max(1);
    let text = wat(module, name, params, result, pages);
    let wasm = wat::parse_str(&text).unwrap();
    let t = translate(&wasm, options).unwrap_or_else(|e| panic!("translate {module}.{name}: {e}"));
    if options.math == MathMode::Native && result == ValType::F32 {
        assert!(
            !t.layout.needs_f64,
            "{module}.{name}: native f32 math uses f64"
        );
    }
    let program = Program::new(gpu, t).unwrap();
    let mut instance = Instance::new(&program, &InstanceOptions::default()).unwrap();
    let mut mem = Vec::with_capacity(bytes as usize);
    for args in inputs {
        for (i, a) in args.iter().enumerate() {
            let t = params.get(i).copied().unwrap_or(ValType::I64);
            match t {
                ValType::F32 | ValType::I32 => {
                    mem.extend_from_slice(&(*a as u32).to_le_bytes());
                    mem.extend_from_slice(&[0; 4]);
                }
                _ => mem.extend_from_slice(&a.to_le_bytes()),
            }
        }
    }
    instance.write_memory(0, &mem).unwrap();
    let out = instance.run("run", inputs.len() as u64, &[]).unwrap();
    assert_eq!(out.trap_count(), 0, "{module}.{name} trapped");
    let bits = out
        .iter()
        .map(|r| match r {
            Ok(v) => v[0].to_bits(),
            Err(k) => panic!("{module}.{name}: trap {k:?}"),
        })
        .collect();
    (bits, out.timings().gpu)
}

fn ulps32(a: f32, b: f32) -> u64 {
    let key = |x: f32| {
        let i = x.to_bits() as i32;
        if i < 0 {
            i64::from(i32::MIN) - i64::from(i)
        } else {
            i64::from(i)
        }
    };
    key(a).abs_diff(key(b))
}

fn ulps64(a: f64, b: f64) -> u64 {
    let key = |x: f64| {
        let i = x.to_bits() as i64;
        if i < 0 {
            i128::from(i64::MIN) - i128::from(i)
        } else {
            i128::from(i)
        }
    };
    u64::try_from(key(a).abs_diff(key(b))).unwrap_or(u64::MAX)
}

/// A function under test: its `gpu` name and CPU reference, on raw bits.
struct Case {
    /// Import module and name.
    module: &'static str,
    name: &'static str,
    ty: ValType,
    arity: usize,
    /// Second parameter is an i32 (powi).
    int_arg: bool,
    cpu: fn(&[u64; 3]) -> u64,
}

fn f32a(a: &[u64; 3], i: usize) -> f32 {
    f32::from_bits(a[i] as u32)
}
fn f64a(a: &[u64; 3], i: usize) -> f64 {
    f64::from_bits(a[i])
}

fn measure(gpu: &Gpu, case: &Case, inputs: &[[u64; 3]]) -> Measure {
    let mut params = vec![case.ty; case.arity];
    if case.int_arg {
        params[1] = ValType::I32;
    }
    let (got, gpu_time) = run_gpu(
        gpu,
        &TranslateOptions::default(),
        case.module,
        case.name,
        &params,
        case.ty,
        inputs,
    );
    let mut m = Measure {
        name: format!("{}.{}", case.module, case.name),
        count: inputs.len(),
        max_rel: 0.0,
        max_ulps: 0,
        gpu_time,
        flushed: 0,
        worst: String::new(),
        mismatches: Vec::new(),
    };
    for (args, g) in inputs.iter().zip(got) {
        let g_bits = g;
        let want = (case.cpu)(args);
        let f32_ty = case.ty == ValType::F32;
        // only where it matters: an f32 result off by more than an ulp or so
        let flush = |g: u64| f32_ty && flushed(case, args, g, want);
        let (w, g, ulps, floor) = if f32_ty {
            let (w, g) = (f32::from_bits(want as u32), f32::from_bits(g as u32));
            (
                f64::from(w),
                f64::from(g),
                ulps32(g, w),
                f64::from(f32::MIN_POSITIVE),
            )
        } else {
            let (w, g) = (f64::from_bits(want), f64::from_bits(g));
            (w, g, ulps64(g, w), f64::MIN_POSITIVE)
        };
        let args_s = (0..case.arity)
            .map(|i| match (case.int_arg && i == 1, f32_ty) {
                (true, _) => format!("{}", args[1] as i32),
                (false, true) => format!("{:e}", f32a(args, i)),
                (false, false) => format!("{:e}", f64a(args, i)),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let show = format!("({args_s}): gpu {g:e}, cpu {w:e}");
        if w.is_nan() || g.is_nan() {
            if w.is_nan() != g.is_nan() {
                if flush(g_bits) {
                    m.flushed += 1;
                } else {
                    m.mismatches.push(format!("NaN mismatch {show}"));
                }
            }
            continue;
        }
        if w.is_infinite() || g.is_infinite() {
            if w != g {
                if flush(g_bits) {
                    m.flushed += 1;
                } else {
                    m.mismatches.push(format!("infinity mismatch {show}"));
                }
            }
            continue;
        }
        let rel = (g - w).abs() / w.abs().max(floor);
        if rel > F32_REL && flush(g_bits) {
            m.flushed += 1;
            continue;
        }
        if rel > m.max_rel || (rel == m.max_rel && ulps > m.max_ulps) {
            m.max_rel = rel;
            m.worst = show;
        }
        m.max_ulps = m.max_ulps.max(ulps);
    }
    m
}

/// An f32 result that differs only because the GPU flushes f32 subnormals to zero (the H200
/// does, for inputs and results; lavapipe does not, so there the count stays 0): the CPU's
/// result is subnormal and the GPU's a zero, or the GPU's equals the CPU's result for the same
/// arguments with every subnormal f32 argument replaced by a zero of its sign.
fn flushed(case: &Case, args: &[u64; 3], got: u64, want: u64) -> bool {
    let g = f32::from_bits(got as u32);
    let w = f32::from_bits(want as u32);
    if w.is_subnormal() && g == 0.0 {
        return true;
    }
    let mut zeroed = *args;
    let mut any = false;
    for (i, a) in zeroed.iter_mut().enumerate().take(case.arity) {
        let x = f32::from_bits(*a as u32);
        if !(case.int_arg && i == 1) && x.is_subnormal() {
            *a = u64::from((x.to_bits()) & 0x8000_0000);
            any = true;
        }
    }
    if !any {
        return false;
    }
    let alt = f32::from_bits((case.cpu)(&zeroed) as u32);
    alt.to_bits() == g.to_bits() || (alt.is_nan() && g.is_nan()) || (alt.is_subnormal() && g == 0.0)
}

fn report(m: &Measure) {
    println!(
        "{:<16} {:>8} inputs  max rel {:.3e}  max ulps {:>4}  flushed {}  gpu {:>8.2?}  worst {}",
        m.name, m.count, m.max_rel, m.max_ulps, m.flushed, m.gpu_time, m.worst
    );
}

/// xorshift64*: reproducible inputs without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform in [lo, hi).
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// `n` evenly spaced values of [lo, hi], as arguments of type `ty`.
fn grid(ty: ValType, lo: f64, hi: f64, n: usize) -> Vec<[u64; 3]> {
    (0..n)
        .map(|i| {
            let x = lo + (hi - lo) * (i as f64 / (n - 1) as f64);
            [bits(ty, x), 0, 0]
        })
        .collect()
}

fn bits(ty: ValType, x: f64) -> u64 {
    if ty == ValType::F32 {
        u64::from((x as f32).to_bits())
    } else {
        x.to_bits()
    }
}

/// Special values every function also gets.
fn specials(ty: ValType) -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        2.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        1e-30,
        -1e-30,
    ];
    if ty == ValType::F32 {
        v.extend([f64::from(f32::MIN_POSITIVE), 1e-40, f64::from(f32::MAX)]);
    } else {
        v.extend([f64::MIN_POSITIVE, 1e-310, f64::MAX]);
    }
    v
}

macro_rules! unary {
    ($module:expr, $name:expr, $ty:ident, $f:expr) => {
        Case {
            module: $module,
            name: $name,
            ty: ValType::$ty,
            arity: 1,
            int_arg: false,
            cpu: |a| unary!(@call $ty, a, $f),
        }
    };
    (@call F32, $a:expr, $f:expr) => {{
        let f: fn(f32) -> f32 = $f;
        u64::from(f(f32a($a, 0)).to_bits())
    }};
    (@call F64, $a:expr, $f:expr) => {{
        let f: fn(f64) -> f64 = $f;
        f(f64a($a, 0)).to_bits()
    }};
}

macro_rules! binary {
    ($module:expr, $name:expr, $ty:ident, $f:expr) => {
        Case {
            module: $module,
            name: $name,
            ty: ValType::$ty,
            arity: 2,
            int_arg: false,
            cpu: |a| binary!(@call $ty, a, $f),
        }
    };
    (@call F32, $a:expr, $f:expr) => {{
        let f: fn(f32, f32) -> f32 = $f;
        u64::from(f(f32a($a, 0), f32a($a, 1)).to_bits())
    }};
    (@call F64, $a:expr, $f:expr) => {{
        let f: fn(f64, f64) -> f64 = $f;
        f(f64a($a, 0), f64a($a, 1)).to_bits()
    }};
}

fn gpu() -> Gpu {
    shared_gpu().expect("a GPU adapter (lavapipe in CI)")
}

/// The inputs of a unary function: a grid, random points, the specials.
fn unary_inputs(ty: ValType, lo: f64, hi: f64, n: usize, seed: u64) -> Vec<[u64; 3]> {
    let mut v = grid(ty, lo, hi, n / 2);
    let mut rng = Rng(seed);
    for _ in 0..n / 2 {
        v.push([bits(ty, rng.uniform(lo, hi)), 0, 0]);
    }
    for s in specials(ty) {
        v.push([bits(ty, s), 0, 0]);
    }
    v
}

fn binary_inputs(
    ty: ValType,
    (lo, hi): (f64, f64),
    (lo2, hi2): (f64, f64),
    n: usize,
    seed: u64,
) -> Vec<[u64; 3]> {
    let mut rng = Rng(seed);
    let mut v: Vec<[u64; 3]> = (0..n)
        .map(|_| {
            [
                bits(ty, rng.uniform(lo, hi)),
                bits(ty, rng.uniform(lo2, hi2)),
                0,
            ]
        })
        .collect();
    let s = specials(ty);
    for a in &s {
        for b in &s {
            v.push([bits(ty, *a), bits(ty, *b), 0]);
        }
    }
    v
}

/// The failures of `m` against `max_rel` (printed with the maxima).
fn check(m: &Measure, max_rel: f64) -> Vec<String> {
    report(m);
    let mut f = Vec::new();
    if let Some(first) = m.mismatches.first() {
        f.push(format!(
            "{}: {} mismatches, first: {first}; last: {}",
            m.name,
            m.mismatches.len(),
            m.mismatches[m.mismatches.len() - 1]
        ));
    }
    if m.max_rel > max_rel {
        f.push(format!(
            "{}: max relative error {:e} > {max_rel:e} at {}",
            m.name, m.max_rel, m.worst
        ));
    }
    f
}

fn assert_none(failures: &[String]) {
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each one-argument case on `n` inputs in its range (half a grid, half random from `seed`),
/// within `max_rel` of std; fails with every case's mismatches.
fn assert_unary_cases(gpu: &Gpu, cases: &[(Case, f64, f64)], n: usize, seed: u64, max_rel: f64) {
    let mut failures = Vec::new();
    for (case, lo, hi) in cases {
        let inputs = unary_inputs(case.ty, *lo, *hi, n, seed);
        let m = measure(gpu, case, &inputs);
        failures.extend(check(&m, max_rel));
    }
    assert_none(&failures);
}

const MILLION: usize = 1 << 20;

/// The issue's bar: sin, cos, sqrt, exp, ln within 2e-6 relative of std on 1M inputs (f32).
#[test]
fn f32_core_functions_match_std_on_a_million_inputs() {
    let gpu = gpu();
    let cases = [
        (unary!("gpu", "sinf", F32, f32::sin), -100.0, 100.0),
        (unary!("gpu", "cosf", F32, f32::cos), -100.0, 100.0),
        (unary!("gpu", "sqrtf", F32, f32::sqrt), 0.0, 100.0),
        (unary!("gpu", "expf", F32, f32::exp), -100.0, 100.0),
        (unary!("gpu", "logf", F32, f32::ln), 0.0, 100.0),
    ];
    assert_unary_cases(&gpu, &cases, MILLION, 7, 2e-6);
}

/// The same five in f64, on a million inputs each.
#[test]
fn f64_core_functions_match_std_on_a_million_inputs() {
    let gpu = gpu();
    let cases = [
        (unary!("gpu", "sin", F64, f64::sin), -100.0, 100.0),
        (unary!("gpu", "cos", F64, f64::cos), -100.0, 100.0),
        (unary!("gpu", "sqrt", F64, f64::sqrt), 0.0, 100.0),
        (unary!("gpu", "exp", F64, f64::exp), -100.0, 100.0),
        (unary!("gpu", "log", F64, f64::ln), 0.0, 100.0),
    ];
    assert_unary_cases(&gpu, &cases, MILLION, 11, F64_REL);
}

/// Bound for the f64 software functions (see docs/CONFORMANCE.md): a few ulps.
const F64_REL: f64 = 1e-15;
/// Bound for f64 sin/cos/tan of huge arguments. The reference is the host's libm (glibc),
/// which is not always right there: cos(5.319372648326541e255) is −4.687165924254628e-19
/// correctly rounded (checked with 1400-bit π), the GPU gives that, glibc gives
/// −4.68716592425462e-19, 8 ulps away.
const GLIBC_LARGE_TRIG_REL: f64 = 4e-15;
/// Bound for the f32 functions (computed in f64, rounded once): about one ulp.
const F32_REL: f64 = 2.5e-7;
const N: usize = 1 << 16;

#[test]
fn f32_unary_functions_match_std() {
    let gpu = gpu();
    let cases = [
        (unary!("gpu", "tanf", F32, f32::tan), -100.0, 100.0),
        (unary!("gpu", "asinf", F32, f32::asin), -1.0, 1.0),
        (unary!("gpu", "acosf", F32, f32::acos), -1.0, 1.0),
        (unary!("gpu", "atanf", F32, f32::atan), -1000.0, 1000.0),
        (unary!("gpu", "sinhf", F32, f32::sinh), -100.0, 100.0),
        (unary!("gpu", "coshf", F32, f32::cosh), -100.0, 100.0),
        (unary!("gpu", "tanhf", F32, f32::tanh), -20.0, 20.0),
        (unary!("gpu", "exp2f", F32, f32::exp2), -160.0, 140.0),
        (unary!("gpu", "log2f", F32, f32::log2), 0.0, 1e6),
        (unary!("gpu", "log10f", F32, f32::log10), 0.0, 1e6),
    ];
    assert_unary_cases(&gpu, &cases, N, 3, F32_REL);
}

#[test]
fn f64_unary_functions_match_std() {
    let gpu = gpu();
    let cases = [
        (unary!("gpu", "tan", F64, f64::tan), -100.0, 100.0),
        (unary!("gpu", "asin", F64, f64::asin), -1.0, 1.0),
        (unary!("gpu", "acos", F64, f64::acos), -1.0, 1.0),
        (unary!("gpu", "atan", F64, f64::atan), -1000.0, 1000.0),
        (unary!("gpu", "sinh", F64, f64::sinh), -720.0, 720.0),
        (unary!("gpu", "cosh", F64, f64::cosh), -720.0, 720.0),
        (unary!("gpu", "tanh", F64, f64::tanh), -20.0, 20.0),
        (unary!("gpu", "exp2", F64, f64::exp2), -1100.0, 1100.0),
        (unary!("gpu", "log2", F64, f64::log2), 0.0, 1e6),
        (unary!("gpu", "log10", F64, f64::log10), 0.0, 1e6),
        (unary!("gpu", "exp", F64, f64::exp), -760.0, 720.0),
        (unary!("gpu", "log", F64, f64::ln), 0.0, 1e300),
    ];
    assert_unary_cases(&gpu, &cases, N, 5, F64_REL);
}

#[test]
fn binary_functions_match_std() {
    let gpu = gpu();
    let cases = [
        (
            binary!("gpu", "atan2f", F32, f32::atan2),
            (-10.0, 10.0),
            (-10.0, 10.0),
            F32_REL,
        ),
        (
            binary!("gpu", "atan2", F64, f64::atan2),
            (-10.0, 10.0),
            (-10.0, 10.0),
            F64_REL,
        ),
        (
            binary!("gpu", "powf", F32, f32::powf),
            (0.0, 10.0),
            (-30.0, 30.0),
            F32_REL,
        ),
        (
            binary!("gpu", "pow", F64, f64::powf),
            (0.0, 10.0),
            (-300.0, 300.0),
            F64_REL,
        ),
        (
            binary!("gpu", "hypotf", F32, f32::hypot),
            (-1e30, 1e30),
            (-1e20, 1e20),
            F32_REL,
        ),
        (
            binary!("gpu", "hypot", F64, f64::hypot),
            (-1e300, 1e300),
            (-1e290, 1e290),
            F64_REL,
        ),
    ];
    let mut failures = Vec::new();
    for (case, x, y, bound) in &cases {
        let inputs = binary_inputs(case.ty, *x, *y, N, 9);
        let m = measure(&gpu, case, &inputs);
        failures.extend(check(&m, *bound));
    }
    assert_none(&failures);
}

macro_rules! ternary {
    ($module:expr, $name:expr, $ty:ident, $f:expr) => {
        Case {
            module: $module,
            name: $name,
            ty: ValType::$ty,
            arity: 3,
            int_arg: false,
            cpu: |a| ternary!(@call $ty, a, $f),
        }
    };
    (@call F32, $a:expr, $f:expr) => {{
        let f: fn(f32, f32, f32) -> f32 = $f;
        u64::from(f(f32a($a, 0), f32a($a, 1), f32a($a, 2)).to_bits())
    }};
    (@call F64, $a:expr, $f:expr) => {{
        let f: fn(f64, f64, f64) -> f64 = $f;
        f(f64a($a, 0), f64a($a, 1), f64a($a, 2)).to_bits()
    }};
}

/// Inputs for the exact operations: random values of mixed magnitude, halves (for round),
/// and the specials in every position.
fn exact_inputs(ty: ValType, arity: usize, n: usize, seed: u64) -> Vec<[u64; 3]> {
    let mut rng = Rng(seed);
    let mut v = Vec::new();
    for i in 0..n {
        let mut args = [0u64; 3];
        for a in args.iter_mut().take(arity) {
            let x = match i % 4 {
                0 => rng.uniform(-100.0, 100.0),
                1 => (rng.uniform(-40.0, 40.0)).round() + 0.5,
                2 => rng.uniform(-1.0, 1.0) * 2f64.powf(rng.uniform(-60.0, 60.0)),
                // the whole exponent range (fma's rescaling paths)
                _ => {
                    let e = if ty == ValType::F32 { 130.0 } else { 1030.0 };
                    rng.uniform(-1.0, 1.0) * 2f64.powf(rng.uniform(-e, e))
                }
            };
            *a = bits(ty, x);
        }
        v.push(args);
    }
    let s = specials(ty);
    for (i, a) in s.iter().enumerate() {
        for b in &s {
            let c = s[(i * 7) % s.len()];
            v.push([bits(ty, *a), bits(ty, *b), bits(ty, c)]);
        }
    }
    v
}

/// Operations that Rust defines exactly: the GPU must give the same bits (NaN: any NaN).
#[test]
fn exact_operations_are_bit_exact() {
    let gpu = gpu();
    let cases = [
        unary!("gpu", "floorf", F32, f32::floor),
        unary!("gpu", "floor", F64, f64::floor),
        unary!("gpu", "ceilf", F32, f32::ceil),
        unary!("gpu", "ceil", F64, f64::ceil),
        unary!("gpu", "roundf", F32, f32::round),
        unary!("gpu", "round", F64, f64::round),
        unary!("gpu", "truncf", F32, f32::trunc),
        unary!("gpu", "trunc", F64, f64::trunc),
        unary!("gpu", "fractf", F32, f32::fract),
        unary!("gpu", "fract", F64, f64::fract),
        unary!("gpu", "fabsf", F32, f32::abs),
        unary!("gpu", "fabs", F64, f64::abs),
        unary!("gpu", "sqrtf", F32, f32::sqrt),
        unary!("gpu", "sqrt", F64, f64::sqrt),
        binary!("gpu", "fminf", F32, f32::min),
        binary!("gpu", "fmin", F64, f64::min),
        binary!("gpu", "fmaxf", F32, f32::max),
        binary!("gpu", "fmax", F64, f64::max),
        ternary!("gpu", "fmaf", F32, f32::mul_add),
        ternary!("gpu", "fma", F64, f64::mul_add),
        // Rust's clamp asserts min <= max; the intrinsic is its formula without the assert.
        ternary!("gpu", "clampf", F32, |x: f32, lo: f32, hi: f32| {
            let mut r = x;
            if r < lo {
                r = lo;
            }
            if r > hi {
                r = hi;
            }
            r
        }),
        ternary!("gpu", "clamp", F64, |x: f64, lo: f64, hi: f64| {
            let mut r = x;
            if r < lo {
                r = lo;
            }
            if r > hi {
                r = hi;
            }
            r
        }),
    ];
    let mut failures = Vec::new();
    for case in &cases {
        let inputs = exact_inputs(case.ty, case.arity, N, 13);
        let m = measure(&gpu, case, &inputs);
        failures.extend(check(&m, 0.0));
    }
    assert_none(&failures);
}

#[test]
fn powi_is_bit_exact() {
    let gpu = gpu();
    let cases = [
        Case {
            module: "gpu",
            name: "powif",
            ty: ValType::F32,
            arity: 2,
            int_arg: true,
            cpu: |a| u64::from(f32a(a, 0).powi(a[1] as i32).to_bits()),
        },
        Case {
            module: "gpu",
            name: "powi",
            ty: ValType::F64,
            arity: 2,
            int_arg: true,
            cpu: |a| f64a(a, 0).powi(a[1] as i32).to_bits(),
        },
    ];
    let mut failures = Vec::new();
    for case in &cases {
        let mut rng = Rng(17);
        let mut inputs: Vec<[u64; 3]> = (0..N)
            .map(|_| {
                let n = (rng.next() % 81) as i32 - 40;
                [
                    bits(case.ty, rng.uniform(-3.0, 3.0)),
                    u64::from(n as u32),
                    0,
                ]
            })
            .collect();
        for s in specials(case.ty) {
            for n in [0, 1, -1, 2, 3, -3, i32::MAX, i32::MIN] {
                inputs.push([bits(case.ty, s), u64::from(n as u32), 0]);
            }
        }
        let m = measure(&gpu, case, &inputs);
        failures.extend(check(&m, 0.0));
    }
    assert_none(&failures);
}

/// sin, cos and tan of large arguments (Payne-Hanek reduction): log-uniform magnitudes up to
/// the largest finite value, and the classic hard case near a multiple of π/2.
#[test]
fn trig_of_large_arguments_matches_std() {
    let gpu = gpu();
    let cases = [
        (unary!("gpu", "sinf", F32, f32::sin), 38.0, F32_REL),
        (unary!("gpu", "cosf", F32, f32::cos), 38.0, F32_REL),
        (unary!("gpu", "tanf", F32, f32::tan), 38.0, F32_REL),
        (
            unary!("gpu", "sin", F64, f64::sin),
            308.0,
            GLIBC_LARGE_TRIG_REL,
        ),
        (
            unary!("gpu", "cos", F64, f64::cos),
            308.0,
            GLIBC_LARGE_TRIG_REL,
        ),
        (
            unary!("gpu", "tan", F64, f64::tan),
            308.0,
            GLIBC_LARGE_TRIG_REL,
        ),
    ];
    let mut failures = Vec::new();
    for (case, max_exp, bound) in &cases {
        let mut rng = Rng(23);
        let mut inputs: Vec<[u64; 3]> = (0..N)
            .map(|_| {
                let x = rng.uniform(-1.0, 1.0) * 10f64.powf(rng.uniform(0.0, *max_exp));
                [bits(case.ty, x), 0, 0]
            })
            .collect();
        // 6381956970095103·2^797 is within 2^-61 of a multiple of π/2 (Kahan/McDonald)
        if case.ty == ValType::F64 {
            inputs.push([(6381956970095103.0 * 2f64.powi(797)).to_bits(), 0, 0]);
        }
        let m = measure(&gpu, case, &inputs);
        failures.extend(check(&m, *bound));
    }
    assert_none(&failures);
}

/// A module that imports libm's names from `env` (what a C or std build leaves unresolved)
/// gets the same GPU math, compiler-rt's `__powisf2`/`__powidf2` included.
#[test]
fn libm_imports_from_env_are_lowered() {
    let gpu = gpu();
    let cases = [
        unary!("env", "sinf", F32, f32::sin),
        unary!("env", "cos", F64, f64::cos),
        unary!("env", "expf", F32, f32::exp),
        unary!("env", "log", F64, f64::ln),
        unary!("env", "roundf", F32, f32::round),
        binary!("env", "pow", F64, f64::powf),
        binary!("env", "atan2f", F32, f32::atan2),
        binary!("env", "fmin", F64, f64::min),
        ternary!("env", "fmaf", F32, f32::mul_add),
        Case {
            module: "env",
            name: "__powidf2",
            ty: ValType::F64,
            arity: 2,
            int_arg: true,
            cpu: |a| f64a(a, 0).powi(a[1] as i32).to_bits(),
        },
    ];
    let mut failures = Vec::new();
    for case in &cases {
        let inputs = if case.int_arg {
            let mut rng = Rng(29);
            (0..4096)
                .map(|_| {
                    let n = (rng.next() % 41) as i32 - 20;
                    [
                        bits(case.ty, rng.uniform(-3.0, 3.0)),
                        u64::from(n as u32),
                        0,
                    ]
                })
                .collect()
        } else {
            exact_inputs(case.ty, case.arity, 4096, 31)
        };
        let m = measure(&gpu, case, &inputs);
        let exact = matches!(case.name, "roundf" | "fmin" | "fmaf" | "__powidf2");
        let bound = match (exact, case.ty) {
            (true, _) => 0.0,
            (false, ValType::F32) => F32_REL,
            (false, _) if case.name == "pow" => F64_REL,
            (false, _) => F64_REL,
        };
        failures.extend(check(&m, bound));
    }
    assert_none(&failures);
}

/// Every `gpu` math name translates (and validates) with its signature, in both widths; with
/// another signature the import is not an intrinsic and translation names it as unsupported.
#[test]
fn every_math_import_translates_and_wrong_signatures_are_rejected() {
    use gpu_runtime::translate::math::MathOp;
    use gpu_runtime::translate::TranslateError;
    let ty = |t: &ValType| match t {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::FuncRef => "funcref",
        ValType::ExternRef => "externref",
    };
    let mut count = 0;
    for op in MathOp::all() {
        let sig = op.signature();
        let params: Vec<&str> = sig.params.iter().map(ty).collect();
        let result = ty(&sig.results[0]);
        let args: String = sig
            .params
            .iter()
            .enumerate()
            .map(|(i, _)| format!("(local.get {i})"))
            .collect();
        let module = |params: &str| {
            format!(
                r#"(module
                  (import "gpu" "{name}" (func $f (param {params}) (result {result})))
                  (func (export "run") (param {params}) (result {result}) (call $f {args})))"#,
                name = op.gpu_name(),
            )
        };
        let ok = wat::parse_str(module(&params.join(" "))).unwrap();
        let t = match translate(&ok, &TranslateOptions::default()) {
            Ok(t) => t,
            Err(e) => panic!("gpu.{}: {e}", op.gpu_name()),
        };
        // the backends `gpu-run --emit` uses accept the helpers too
        t.to_wgsl()
            .unwrap_or_else(|e| panic!("gpu.{} to WGSL: {e}", op.gpu_name()));
        t.to_spirv()
            .unwrap_or_else(|e| panic!("gpu.{} to SPIR-V: {e}", op.gpu_name()));
        // the other width: same name, wrong types
        let other = if sig.params[0] == ValType::F32 {
            "f64"
        } else {
            "f32"
        };
        let wrong: Vec<&str> = params
            .iter()
            .map(|p| if *p == "i32" { "i32" } else { other })
            .collect();
        let text = module(&wrong.join(" "))
            .replace(&format!("(result {result})"), &format!("(result {other})"));
        let bad = wat::parse_str(text).unwrap();
        match translate(&bad, &TranslateOptions::default()) {
            Err(TranslateError::UnsupportedImport { .. }) => {}
            other => panic!("gpu.{} with the wrong signature: {other:?}", op.gpu_name()),
        }
        count += 1;
    }
    assert_eq!(count, 58);
}

/// A std guest (`tests/guests/stdmath`): rustc links libm's `sin`, `exp`, `log`, `powf`,
/// `atan2f` into the module; the calls become GPU math (the libm functions themselves are not
/// translated) and agree with the host's std.
#[test]
fn std_guest_libm_calls_become_gpu_math() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/guests/stdmath");
    let path = match std::env::var_os("STDMATH_WASM") {
        Some(p) => p.into(),
        None => gpu_runtime::guest::GuestBuilder::new(dir)
            .build()
            .expect("build the stdmath guest"),
    };
    let wasm = std::fs::read(path).unwrap();
    let gpu = gpu();
    let threads = 4096u64;
    let x64 = |t: u64| t as f64 * 0.25;
    let x32 = |t: u64| t as f32 * 0.25;
    type Cpu = Box<dyn Fn(u64) -> f64>;
    let cases: [(&str, &str, Cpu, f64); 4] = [
        (
            "sin64",
            "math_sin_f64",
            Box::new(move |t| x64(t).sin()),
            F64_REL,
        ),
        (
            "exp_ln64",
            "math_exp_f64",
            Box::new(move |t| (x64(t) * 0.01).exp() + (x64(t) + 1.0).ln()),
            F64_REL,
        ),
        (
            "pow32",
            "math_pow_f32",
            Box::new(move |t| f64::from((x32(t) + 0.5).powf(1.25))),
            F32_REL,
        ),
        (
            "atan2_32",
            "math_atan2_f32",
            Box::new(move |t| f64::from(x32(t).atan2(7.0))),
            F32_REL,
        ),
    ];
    for (export, helper, cpu, bound) in &cases {
        let t = translate(&wasm, &TranslateOptions::entry(*export)).unwrap();
        let names: Vec<&str> = t
            .module
            .functions
            .iter()
            .filter_map(|(_, f)| f.name.as_deref())
            .collect();
        assert!(names.contains(helper), "{export}: no {helper} in {names:?}");
        // libm's own code is not translated any more
        assert!(
            !names
                .iter()
                .any(|n| n.contains("rem_pio2") || n.contains("libm_math")),
            "{export}: libm code translated: {names:?}"
        );
        let program = Program::new(&gpu, t).unwrap();
        let mut instance = Instance::new(&program, &InstanceOptions::default()).unwrap();
        let out = instance.run(export, threads, &[]).unwrap();
        let mut worst = 0.0f64;
        for tid in 0..threads {
            let got = match out.result(tid) {
                Some(Ok(v)) => match v[0] {
                    gpu_runtime::host::Value::F32Bits(b) => f64::from(f32::from_bits(b)),
                    other => f64::from_bits(other.to_bits()),
                },
                other => panic!("{export} thread {tid}: {other:?}"),
            };
            let want = cpu(tid);
            worst = worst.max((got - want).abs() / want.abs().max(f64::MIN_POSITIVE));
        }
        println!("std guest {export}: max rel {worst:e}");
        assert!(worst <= *bound, "{export}: max relative error {worst:e}");
    }
}

/// `MathMode::Native` (the driver's own f32 functions, no f64): within Vulkan's precision
/// requirements on lavapipe (sin, cos: 2⁻¹¹ absolute on [-π, π]; exp, exp2: 3 + 2·|x| ulps;
/// log, log2: 3 ulps outside [0.5, 2], 2⁻²¹ absolute inside), and without f64 in the module.
/// Prints the errors against std that docs/CONFORMANCE.md records.
#[test]
fn native_f32_math_meets_vulkan_precision() {
    let gpu = gpu();
    let options = TranslateOptions {
        math: MathMode::Native,
        ..TranslateOptions::default()
    };
    type Bound = fn(f32, f32, f32) -> bool;
    type Native = (&'static str, fn(f32) -> f32, f64, f64, Bound);
    let pi = std::f64::consts::PI;
    let cases: [Native; 6] = [
        ("sinf", f32::sin, -pi, pi, |_, g, w| {
            (g - w).abs() <= 2f32.powi(-11)
        }),
        ("cosf", f32::cos, -pi, pi, |_, g, w| {
            (g - w).abs() <= 2f32.powi(-11)
        }),
        ("expf", f32::exp, -10.0, 10.0, |x, g, w| {
            ulps32(g, w) as f32 <= 3.0 + 2.0 * x.abs()
        }),
        ("exp2f", f32::exp2, -10.0, 10.0, |x, g, w| {
            ulps32(g, w) as f32 <= 3.0 + 2.0 * x.abs()
        }),
        ("logf", f32::ln, 0.01, 100.0, |x, g, w| {
            if (0.5..=2.0).contains(&x) {
                (g - w).abs() <= 2f32.powi(-21)
            } else {
                ulps32(g, w) <= 3
            }
        }),
        ("log2f", f32::log2, 0.01, 100.0, |x, g, w| {
            if (0.5..=2.0).contains(&x) {
                (g - w).abs() <= 2f32.powi(-21)
            } else {
                ulps32(g, w) <= 3
            }
        }),
    ];
    let mut failures = Vec::new();
    for (name, cpu, lo, hi, bound) in cases {
        let inputs = grid(ValType::F32, lo, hi, N);
        let (got, _) = run_gpu(
            &gpu,
            &options,
            "gpu",
            name,
            &[ValType::F32],
            ValType::F32,
            &inputs,
        );
        let (mut max_abs, mut max_rel, mut max_ulps, mut bad) = (0f32, 0f64, 0u64, 0);
        for (a, g) in inputs.iter().zip(got) {
            let x = f32::from_bits(a[0] as u32);
            let (g, w) = (f32::from_bits(g as u32), cpu(x));
            max_abs = max_abs.max((g - w).abs());
            max_rel =
                max_rel.max(f64::from((g - w).abs()) / f64::from(w.abs().max(f32::MIN_POSITIVE)));
            max_ulps = max_ulps.max(ulps32(g, w));
            if !bound(x, g, w) {
                if bad == 0 {
                    failures.push(format!("native {name}({x:e}): gpu {g:e}, std {w:e}"));
                }
                bad += 1;
            }
        }
        println!(
            "native gpu.{name:<6} on [{lo:.3}, {hi}]: max abs {max_abs:.3e}, max rel {max_rel:.3e}, max ulps {max_ulps}, {bad} outside Vulkan's bound"
        );
    }
    assert_none(&failures);
}
