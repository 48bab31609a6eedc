//! Load groups (`translate/access_groups.rs`): loads from one base local in straight-line code
//! share one bounds check, and groups that tile 16-byte blocks are read with 16-byte loads
//! when aligned. Checked against wasmi for values at aligned, unaligned, wrapping and
//! out-of-bounds bases, for the trap's offset (the first load that really leaves memory, not
//! the group's first), inside the interleaved stack region, and in every `StoreMode`.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use gpu_runtime::host::{shared_gpu, Program};
use gpu_runtime::translate::{translate, StoreMode, TranslateOptions};

/// The functions under test; [`module`] adds the memory and its contents.
const FUNCS: &str = r#"
  ;; One 16-byte block, fields in program order +0 (i32), +4 (i64, memarg), +12 (f32 by an add).
  (func $fields (export "fields") (param $p i32) (result i64)
    (i64.xor
      (i64.add
        (i64.extend_i32_u (i32.load (local.get $p)))
        (i64.load offset=4 (local.get $p)))
      (i64.extend_i32_u (i32.reinterpret_f32
        (f32.load (i32.add (local.get $p) (i32.const 12)))))))
  ;; Fields read last-first, as rustc emits n-body's (the leader is the highest address).
  (func (export "backwards") (param $p i32) (result i32)
    (local $a i32)
    (local.set $a (i32.load (i32.add (local.get $p) (i32.const 12))))
    (block (result i32)
      (i32.xor
        (i32.rotl (i32.load (local.get $p)) (i32.const 5))
        (i32.add (i32.load offset=4 (local.get $p))
                 (i32.load (i32.add (local.get $p) (i32.const 8))))))
    (i32.add (local.get $a)))
  ;; Two blocks: eight words from +16 (the base address wraps when $p is near 2^32).
  (func (export "two_blocks") (param $p i32) (result i32)
    (i32.add
      (i32.add
        (i32.add (i32.load (i32.add (local.get $p) (i32.const 16)))
                 (i32.load (i32.add (local.get $p) (i32.const 20))))
        (i32.add (i32.load (i32.add (local.get $p) (i32.const 24)))
                 (i32.load (i32.add (local.get $p) (i32.const 28)))))
      (i32.xor
        (i32.xor (i32.load offset=32 (local.get $p)) (i32.load offset=36 (local.get $p)))
        (i32.xor (i32.load offset=40 (local.get $p)) (i32.load offset=44 (local.get $p))))))
;; n-body's loop: a tiled group read last-field-first from `$p`, which steps by 16, in a
  ;; loop counted down by `$n`: its alignment and bounds are tested once before the loop, which
  ;; runs its copy without checks when they hold (`loop_invariants.rs`).
  (func (export "bodies") (param $p i32) (param $n i32) (result i32) (local $s i32)
    (loop
      (local.set $s (i32.add (local.get $s)
        (i32.xor (i32.add (i32.load offset=12 (local.get $p)) (i32.load offset=8 (local.get $p)))
                 (i32.add (i32.rotl (i32.load offset=4 (local.get $p)) (i32.const 3))
                          (i32.load (local.get $p))))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (br_if 0 (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (local.get $s))
  ;; The same with the step first: each iteration reads the body after the one `$p` held on
  ;; entry (the test before the loop must count that step).
  (func (export "bodies_after_step") (param $p i32) (param $n i32) (result i32) (local $s i32)
    (loop
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (local.set $s (i32.add (local.get $s)
        (i32.xor (i32.add (i32.load offset=12 (local.get $p)) (i32.load offset=8 (local.get $p)))
                 (i32.add (i32.rotl (i32.load offset=4 (local.get $p)) (i32.const 3))
                          (i32.load (local.get $p))))))
      (br_if 0 (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (local.get $s))
  ;; Narrow loads: one check, no 16-byte load.
  (func (export "narrow") (param $p i32) (result i32)
    (i32.add (i32.load8_s offset=3 (local.get $p))
             (i32.add (i32.load16_u (local.get $p)) (i32.load offset=1 (local.get $p)))))
"#;

/// The module: one page of memory whose byte `i` is `i * 7 + 3` (mod 256) in the first and the
/// last 2 KiB, where the bases under test are (a data segment: the oracle, wasmi, overflows a
/// debug build's test-thread stack on a loop that writes a whole page).
fn module() -> String {
    let bytes = |range: std::ops::Range<usize>| -> String {
        range
            .map(|i| format!("\\{:02x}", (i * 7 + 3) & 0xff))
            .collect()
    };
    format!(
        "(module (memory (export \"memory\") 1) (data (i32.const 0) \"{}\") (data (i32.const 63488) \"{}\") {FUNCS})",
        bytes(0..2048),
        bytes(63488..65536)
    )
}

/// A stack frame written, then read back as a group: inside the interleaved stack region
/// (which the host adds after the module's memory, so it is a module of its own). `bytes`
/// also writes its frame with byte, half-word and unaligned stores at memarg offsets from the
/// frame local, and through the parameter of a helper it passes the frame to, both of which
/// the translator knows to be the thread's own (`frame.rs`).
const FRAME_WAT: &str = r#"(module
  (import "gpu" "thread_id" (func $tid (result i32)))
  (memory (export "memory") 1)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (func (export "bytes") (param $x i32) (result i64)
    (local $sp i32)
    global.get $__stack_pointer
    i32.const 48
    i32.sub
    local.tee $sp
    global.set $__stack_pointer
    (local.set $x (i32.add (local.get $x) (call $tid)))
    (i64.store (local.get $sp) (i64.const 0))
    (i64.store offset=8 (local.get $sp) (i64.const 0))
    (i64.store offset=16 (local.get $sp) (i64.const -1))
    (i32.store8 offset=1 (local.get $sp) (local.get $x))
    (i32.store8 offset=2 (local.get $sp) (i32.shr_u (local.get $x) (i32.const 8)))
    (i32.store16 offset=5 (local.get $sp) (i32.mul (local.get $x) (i32.const 7)))
    (i64.store offset=9 align=1 (local.get $sp) (i64.extend_i32_u (i32.xor (local.get $x) (i32.const 0x5a5a5a5a))))
    (i32.store offset=19 align=1 (local.get $sp) (local.get $x))
    (i64.store8 offset=23 (local.get $sp) (i64.const 0x99))
    (call $in_callers_frame (local.get $sp) (local.get $x))
    (i64.add
      (i64.add (i64.load (local.get $sp)) (i64.rotl (i64.load offset=8 (local.get $sp)) (i64.const 17)))
      (i64.rotl (i64.load offset=16 (local.get $sp)) (i64.const 33)))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 48))))
  ;; Stores through a parameter that every caller passes its frame in (`module_frames`).
  (func $in_callers_frame (param $p i32) (param $x i32)
    (i32.store8 offset=3 (local.get $p) (i32.add (local.get $x) (i32.const 9)))
    (i32.store16 offset=14 (local.get $p) (i32.mul (local.get $x) (i32.const 3)))
    (i64.store offset=17 align=1 (local.get $p) (i64.extend_i32_s (local.get $x))))
  ;; A stack frame written, then read back as a group (inside the interleaved stack region).
  (func (export "frame") (param $x i32) (result i32)
    (local $sp i32)
    (global.set $__stack_pointer
      (local.tee $sp (i32.sub (global.get $__stack_pointer) (i32.const 32))))
    (i32.store (local.get $sp) (local.get $x))
    (i32.store offset=4 (local.get $sp) (i32.mul (local.get $x) (i32.const 3)))
    (i32.store offset=8 (local.get $sp) (i32.xor (local.get $x) (i32.const -1)))
    (i32.store offset=12 (local.get $sp) (i32.const 77))
    (i32.add
      (i32.add (i32.load (local.get $sp)) (i32.rotl (i32.load offset=4 (local.get $sp)) (i32.const 3)))
      (i32.add (i32.load offset=8 (local.get $sp)) (i32.load offset=12 (local.get $sp))))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 32))))
)"#;

/// Bases: aligned, unaligned, at the end of memory, past it, and wrapping around 2^32.
fn bases() -> Vec<i32> {
    let mut v = vec![0, 16, 64, 1024, 1, 2, 3, 5, 6, 7, 13];
    for end in 65500..=65540 {
        v.push(end);
    }
    v.extend([-1, -4, -8, -12, -16, -20, -32, -48, i32::MIN, i32::MAX]);
    v
}

fn instance(bytes: &[u8], stores: StoreMode) -> gpu_runtime::host::Instance {
    let options = TranslateOptions {
        stores,
        ..TranslateOptions::default()
    };
    let translation = translate(bytes, &options).unwrap();
    let program = Program::new(&shared_gpu().unwrap(), translation).unwrap();
    gpu_runtime::host::Instance::new(
        &program,
        &gpu_runtime::host::InstanceOptions {
            stack_size: 1024,
            stack_slots: Some(256),
            ..Default::default()
        },
    )
    .unwrap()
}

/// Byte offsets of the load operators of function `func` (a defined function; no imports).
fn load_offsets(bytes: &[u8], func: usize) -> Vec<u32> {
    let mut index = 0;
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        if let wasmparser::Payload::CodeSectionEntry(body) = payload.unwrap() {
            if index == func {
                return body
                    .get_operators_reader()
                    .unwrap()
                    .into_iter_with_offsets()
                    .filter_map(|r| {
                        let (op, at) = r.unwrap();
                        format!("{op:?}").contains("Load").then_some(at as u32)
                    })
                    .collect();
            }
            index += 1;
        }
    }
    panic!("no function {func}")
}

#[test]
fn groups_match_wasmi_in_every_store_mode() {
    let bytes = wasm(&module());
    let mut oracle = Oracle::new(&bytes);
    // (export, function index) of the grouped functions.
    let exports = [
        ("fields", 0),
        ("backwards", 1),
        ("two_blocks", 2),
        ("narrow", 5),
    ];
    for stores in [
        StoreMode::AtomicPartial,
        StoreMode::Atomic,
        StoreMode::Plain,
    ] {
        let mut inst = instance(&bytes, stores);
        for (export, func) in exports {
            let loads = load_offsets(&bytes, func);
            for p in bases() {
                let args = [Value::I32(p)];
                let want = oracle.call(export, &args);
                let out = inst.run(export, 3, &args).unwrap();
                let got = out.result(0).unwrap();
                assert_eq!(got, want, "{stores:?} {export}({p})");
                if want.is_err() {
                    // The trap is at the first load that leaves memory, in program order.
                    let first_bad = first_out_of_bounds(export, p);
                    let trap = out.first_trap().unwrap();
                    assert_eq!(
                        trap.offset, loads[first_bad],
                        "{stores:?} {export}({p}): {trap}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_group_in_the_stack_region_reads_the_interleaved_words() {
    let bytes = wasm(FRAME_WAT);
    let mut oracle = Oracle::new(&bytes);
    for stores in [
        StoreMode::AtomicPartial,
        StoreMode::Atomic,
        StoreMode::Plain,
    ] {
        let mut inst = instance(&bytes, stores);
        for x in [0, 1, -5, 123_456_789] {
            let args = [Value::I32(x)];
            let want = oracle.call("frame", &args);
            let out = inst.run("frame", 300, &args).unwrap();
            for t in 0..300 {
                assert_eq!(
                    out.result(t).unwrap(),
                    want,
                    "{stores:?} frame({x}) thread {t}"
                );
            }
            // The oracle is thread 0; thread t computes what the oracle does for `x + t`.
            let out = inst.run("bytes", 300, &args).unwrap();
            for t in 0..300 {
                let want = oracle.call("bytes", &[Value::I32(x.wrapping_add(t as i32))]);
                assert_eq!(
                    out.result(t).unwrap(),
                    want,
                    "{stores:?} bytes({x}) thread {t}"
                );
            }
        }
    }
}

/// Index (in program order) of the first load of `export` that leaves the one-page memory.
fn first_out_of_bounds(export: &str, p: i32) -> usize {
    let p = p as u32;
    // (address before memarg, memarg offset, size) per load, in program order.
    let loads: Vec<(u32, u32, u32)> = match export {
        "fields" => vec![(p, 0, 4), (p, 4, 8), (p.wrapping_add(12), 0, 4)],
        "backwards" => vec![
            (p.wrapping_add(12), 0, 4),
            (p, 0, 4),
            (p, 4, 4),
            (p.wrapping_add(8), 0, 4),
        ],
        "two_blocks" => {
            let mut v: Vec<(u32, u32, u32)> =
                (0..4).map(|k| (p.wrapping_add(16 + 4 * k), 0, 4)).collect();
            v.extend((0..4).map(|k| (p, 32 + 4 * k, 4)));
            v
        }
        "narrow" => vec![(p, 3, 1), (p, 0, 2), (p, 1, 4)],
        _ => unreachable!(),
    };
    loads
        .iter()
        .position(|&(a, o, s)| u64::from(a) + u64::from(o) + u64::from(s) > 65536)
        .unwrap_or_else(|| panic!("{export}({p}) should not trap"))
}

#[test]
fn a_group_in_a_counted_loop_is_checked_once_before_it() {
    let bytes = wasm(&module());
    let wgsl = translate(&bytes, &TranslateOptions::default())
        .unwrap()
        .to_wgsl()
        .unwrap();
    assert!(wgsl.contains("aligned_at_entry"), "{wgsl}");
    let mut oracle = Oracle::new(&bytes);
    for (export, func, after) in [("bodies", 3, 0), ("bodies_after_step", 4, 16)] {
        let loads = load_offsets(&bytes, func);
        for stores in [StoreMode::AtomicPartial, StoreMode::Plain] {
            let mut inst = instance(&bytes, stores);
            for p in bases() {
                // n = 0 counts 2^32 times: the copy with checks, until the trap (only from near
                // the end of memory: wasmi, the oracle, overflows a debug build's test-thread
                // stack on thousands of iterations).
                let counts: &[i32] = if (65000..=65536).contains(&p) {
                    &[0, 1, 2, 5]
                } else {
                    &[1, 2, 5]
                };
                for &n in counts {
                    let args = [Value::I32(p), Value::I32(n)];
                    let want = oracle.call(export, &args);
                    let out = inst.run(export, 3, &args).unwrap();
                    assert_eq!(
                        out.result(0).unwrap(),
                        want,
                        "{stores:?} {export}({p}, {n})"
                    );
                    if want.is_err() {
                        // The first iteration that leaves memory, and in it the first load (fields
                        // are read at +12, +8, +4, +0).
                        let first = (0..(n as u32).wrapping_sub(1) as u64 + 1)
                            .map(|j| j as u32)
                            .flat_map(|j| {
                                let q = (p as u32).wrapping_add(16 * j + after);
                                [12u32, 8, 4, 0]
                                    .into_iter()
                                    .enumerate()
                                    .map(move |(k, o)| (k, u64::from(q) + u64::from(o)))
                            })
                            .find(|&(_, a)| a + 4 > 65536)
                            .map(|(k, _)| k)
                            .unwrap();
                        let trap = out.first_trap().unwrap();
                        assert_eq!(
                            trap.offset, loads[first],
                            "{stores:?} {export}({p}, {n}): {trap}"
                        );
                    }
                }
            }
        }
    }
}
