//! Generated programs for private frames (`translate/private_frames.rs`): random sequences of
//! loads and stores of every width and signedness at every offset of a 64-byte frame, fills
//! of random ranges, copies within the frame (overlapping too), out of it and into it, and
//! calls of a helper through the frame and the frame plus an offset
//! (one parameter never written, one overwritten after use). Each is checked against wasmi,
//! the results and memory outside the stack included, and each must have had its frame made
//! private (else it would test nothing).

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use gpu_runtime::translate::{translate, TranslateOptions};

const FRAME: u64 = 64;

/// `(opcode, bytes, value type)` of the stores.
const STORES: [(&str, u64, &str); 9] = [
    ("i32.store8", 1, "i32"),
    ("i32.store16", 2, "i32"),
    ("i32.store", 4, "i32"),
    ("i64.store8", 1, "i64"),
    ("i64.store16", 2, "i64"),
    ("i64.store32", 4, "i64"),
    ("i64.store", 8, "i64"),
    ("f32.store", 4, "f32"),
    ("f64.store", 8, "f64"),
];

/// `(opcode, bytes, the conversions, outermost first, that make the loaded value an i64)`.
const LOADS: [(&str, u64, &str); 14] = [
    ("i32.load8_s", 1, "i64.extend_i32_s"),
    ("i32.load8_u", 1, "i64.extend_i32_u"),
    ("i32.load16_s", 2, "i64.extend_i32_s"),
    ("i32.load16_u", 2, "i64.extend_i32_u"),
    ("i32.load", 4, "i64.extend_i32_u"),
    ("i64.load8_s", 1, ""),
    ("i64.load8_u", 1, ""),
    ("i64.load16_s", 2, ""),
    ("i64.load16_u", 2, ""),
    ("i64.load32_s", 4, ""),
    ("i64.load32_u", 4, ""),
    ("i64.load", 8, ""),
    ("f32.load", 4, "i64.extend_i32_u i32.reinterpret_f32"),
    ("f64.load", 8, "i64.reinterpret_f64"),
];

/// A value of type `ty` from the `$seed` local of the function, rotated by `r`.
fn value(ty: &str, r: u64, seed: &str) -> String {
    let bits = format!("(i64.rotl (local.get {seed}) (i64.const {r}))");
    match ty {
        "i32" => format!("(i32.wrap_i64 {bits})"),
        "i64" => bits,
        // Only finite values: NaN payloads are not what this tests.
        "f32" => format!("(f32.convert_i64_s {bits})"),
        _ => format!("(f64.convert_i64_s {bits})"),
    }
}

/// Random accesses to `base + [lo, hi)`, folding loads into `$acc`.
fn accesses(rng: &mut Rng, base: &str, lo: u64, hi: u64, n: usize, seed: &str) -> String {
    let mut out = String::new();
    for _ in 0..n {
        if rng.below(2) == 0 {
            let (op, size, ty) = STORES[rng.below(STORES.len() as u64) as usize];
            let at = lo + rng.below(hi - lo - size + 1);
            let v = value(ty, rng.below(64), seed);
            out += &format!("({op} offset={at} align=1 (local.get {base}) {v})\n");
        } else {
            let (op, size, fold) = LOADS[rng.below(LOADS.len() as u64) as usize];
            let at = lo + rng.below(hi - lo - size + 1);
            let mut v = format!("({op} offset={at} align=1 (local.get {base}))");
            for conv in fold.split_whitespace().rev() {
                v = format!("({conv} {v})");
            }
            out += &format!(
                "(local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) {v}))\n"
            );
        }
    }
    out
}

fn program(rng: &mut Rng) -> String {
    // The helper: `$p` is the frame (never written), `$q` the frame plus `k` until it is
    // overwritten; it returns what it read.
    let k = rng.below(FRAME - 16 + 1);
    let helper_p = accesses(rng, "$p", 0, FRAME, 4, "$s");
    let helper_q = accesses(rng, "$q", 0, 16, 3, "$s");
    let mut body = String::new();
    for _ in 0..3 {
        body += &accesses(rng, "$fp", 0, FRAME, 6, "$seed");
        match rng.below(6) {
            3 => {
                // Within the frame, possibly overlapping.
                let len = rng.below(FRAME / 2 + 1);
                let from = rng.below(FRAME - len + 1);
                let to = rng.below(FRAME - len + 1);
                body += &format!(
                    "(memory.copy (i32.add (local.get $fp) (i32.const {to})) \
                     (i32.add (local.get $fp) (i32.const {from})) (i32.const {len}))\n"
                );
            }
            4 => {
                // Out of the frame to just past `out`'s 64 bytes, at any alignment.
                let len = rng.below(FRAME / 2 + 1);
                let from = rng.below(FRAME - len + 1);
                let to = FRAME + rng.below(32);
                body += &format!(
                    "(memory.copy (i32.add (local.get $out) (i32.const {to})) \
                     (i32.add (local.get $fp) (i32.const {from})) (i32.const {len}))\n"
                );
            }
            5 => {
                // Into the frame from the data below 1 KiB, at any alignment.
                let len = rng.below(FRAME / 2 + 1);
                let to = rng.below(FRAME - len + 1);
                let from = rng.below(512);
                body += &format!(
                    "(memory.copy (i32.add (local.get $fp) (i32.const {to})) \
                     (i32.const {from}) (i32.const {len}))\n"
                );
            }
            0 => {
                let at = rng.below(FRAME);
                let len = rng.below(FRAME - at + 1);
                body += &format!(
                    "(memory.fill (i32.add (local.get $fp) (i32.const {at})) \
                     (i32.wrap_i64 (local.get $seed)) (i32.const {len}))\n"
                );
            }
            1 => {
                body += &format!(
                    "(local.set $acc (i64.xor (local.get $acc) (call $helper (local.get $fp) \
                     (i32.add (local.get $fp) (i32.const {k})) (local.get $seed))))\n"
                );
            }
            _ => {}
        }
    }
    let data: String = (0..1024)
        .map(|i| format!("\\{:02x}", (i * 29 + 7) & 0xff))
        .collect();
    let copy_out: String = (0..FRAME / 8)
        .map(|i| {
            format!(
                "(i64.store offset={o} (local.get $out) (i64.load offset={o} (local.get $fp)))\n",
                o = i * 8
            )
        })
        .collect();
    format!(
        r#"(module
  (memory (export "memory") 1)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (data (i32.const 0) "{data}")
  (func $helper (param $p i32) (param $q i32) (param $s i64) (result i64) (local $acc i64)
    {helper_p}
    {helper_q}
    (local.set $q (i32.const 0))
    (local.get $acc))
  (func (export "run") (param $out i32) (param $seed i64) (result i64)
    (local $fp i32) (local $acc i64)
    global.get $__stack_pointer i32.const {FRAME} i32.sub local.tee $fp global.set $__stack_pointer
    (memory.fill (local.get $fp) (i32.const 0) (i32.const {FRAME}))
    {body}
    {copy_out}
    (global.set $__stack_pointer (i32.add (local.get $fp) (i32.const {FRAME})))
    (local.get $acc)))"#
    )
}

#[test]
fn generated_frame_programs_match_wasmi() {
    let mut rng = Rng::new(0x5eed_f4a3e);
    let checked = 60 * 1024usize;
    for case in 0..24 {
        let wat = program(&mut rng);
        let bytes = wasm(&wat);
        let wgsl = translate(&bytes, &TranslateOptions::default())
            .unwrap()
            .to_wgsl()
            .unwrap();
        assert!(
            wgsl.contains(&format!("array<u32, {}>", FRAME / 4)),
            "case {case}: the frame was not made private\n{wat}"
        );
        let mut oracle = Oracle::new(&bytes);
        let mut inst = gpu_instance(&bytes, &Default::default());
        for _ in 0..3 {
            let out = 1024 + rng.below(4096) as i32;
            let seed = rng.next_u64() as i64;
            let args = [Value::I32(out), Value::I64(seed)];
            let want = oracle.call("run", &args);
            let got = gpu_call(&mut inst, "run", &args);
            assert_eq!(got, want, "case {case}: run({out}, {seed})\n{wat}");
            let what = format!("case {case}: run({out}, {seed})\n{wat}");
            oracle.assert_same_memory(&mut inst, checked, &what);
        }
    }
}
