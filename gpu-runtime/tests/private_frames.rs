//! Private frames (`translate/private_frames.rs`): a shadow-stack frame whose address never
//! leaves its function, except into callees that use it the same way, lives in a function-local
//! array. Checked against wasmi (results and every byte outside the stack): loads and stores of
//! every width at unaligned frame offsets, `memory.fill` of part of the frame, a callee that
//! writes through a frame parameter, reads through a second one it later overwrites and loops
//! on the first, and frames that escape (stored to memory, held in a local across a block),
//! which must stay in memory.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use gpu_runtime::translate::{translate, StoreMode, TranslateOptions};

const WAT: &str = r#"(module
  (memory (export "memory") 1)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  ;; $p is the caller's frame, $q the frame plus 12 until it is overwritten.
  (func $helper (param $p i32) (param $q i32) (param $x i32) (result i32)
    (i32.store offset=3 align=1 (local.get $p) (local.get $x))
    (i64.store16 offset=9 align=1 (local.get $p) (i64.extend_i32_u (local.get $x)))
    (local.set $x (i32.add (local.get $x) (i32.load8_s offset=1 (local.get $q))))
    (local.set $q (i32.const 7))
    (loop
      (i32.store8 offset=40 (local.get $p)
        (i32.add (i32.load8_u offset=40 (local.get $p)) (local.get $q)))
      (local.set $q (i32.sub (local.get $q) (i32.const 1)))
      (br_if 0 (local.get $q)))
    (i32.add (local.get $x) (i32.load offset=3 align=1 (local.get $p))))
  (func (export "run") (param $out i32) (param $v i32)
    (local $fp i32) (local $a i32)
    global.get $__stack_pointer i32.const 48 i32.sub local.tee $fp global.set $__stack_pointer
    (memory.fill (local.get $fp) (i32.const 0) (i32.const 48))
    (memory.fill (i32.add (local.get $fp) (i32.const 1)) (local.get $v) (i32.const 26))
    (i64.store offset=16 (local.get $fp) (i64.const 0x0102030405060708))
    (i32.store8 offset=30 (local.get $fp) (local.get $v))
    (i32.store16 offset=33 align=1 (local.get $fp) (i32.mul (local.get $v) (i32.const 3)))
    (i32.store offset=40 (local.get $fp) (i32.const 0x11223344))
    (local.set $a (i32.add (local.get $fp) (i32.const 12)))
    (i32.store offset=44 (local.get $fp)
      (call $helper (local.get $fp) (local.get $a) (local.get $v)))
    (i64.store (local.get $out) (i64.load (local.get $fp)))
    (i64.store offset=8 (local.get $out) (i64.load offset=8 (local.get $fp)))
    (i64.store offset=16 (local.get $out) (i64.load offset=16 (local.get $fp)))
    (i64.store offset=24 (local.get $out) (i64.load offset=24 (local.get $fp)))
    (i64.store offset=32 (local.get $out) (i64.load offset=32 (local.get $fp)))
    (i64.store offset=40 (local.get $out) (i64.load offset=40 (local.get $fp)))
    (i32.store offset=48 (local.get $out) (i32.load16_s offset=5 align=1 (local.get $fp)))
    (i64.store offset=56 (local.get $out) (i64.load32_s offset=29 align=1 (local.get $fp)))
    (f32.store offset=64 (local.get $out) (f32.load offset=20 (local.get $fp)))
    (i64.store offset=72 (local.get $out) (i64.load8_s offset=31 (local.get $fp)))
    (f64.store offset=80 (local.get $out) (f64.load offset=3 align=1 (local.get $fp)))
    (global.set $__stack_pointer (i32.add (local.get $fp) (i32.const 48))))
  ;; Copies between the frame and memory, which trap when memory's end is out of bounds
  ;; (before writing anything).
  (func (export "copy_in") (param $out i32) (param $src i32)
    (local $fp i32)
    global.get $__stack_pointer i32.const 16 i32.sub local.tee $fp global.set $__stack_pointer
    (i64.store offset=8 (local.get $fp) (i64.const -1))
    (memory.copy (i32.add (local.get $fp) (i32.const 1)) (local.get $src) (i32.const 13))
    (i64.store (local.get $out) (i64.load (local.get $fp)))
    (i64.store offset=8 (local.get $out) (i64.load offset=8 (local.get $fp)))
    (global.set $__stack_pointer (i32.add (local.get $fp) (i32.const 16))))
  (func (export "copy_out") (param $out i32) (param $v i32)
    (local $fp i32)
    global.get $__stack_pointer i32.const 16 i32.sub local.tee $fp global.set $__stack_pointer
    (i32.store (local.get $fp) (local.get $v))
    (i32.store offset=4 (local.get $fp) (i32.rotl (local.get $v) (i32.const 8)))
    (i64.store offset=8 (local.get $fp) (i64.extend_i32_s (local.get $v)))
    (memory.copy (local.get $out) (i32.add (local.get $fp) (i32.const 3)) (i32.const 11))
    (global.set $__stack_pointer (i32.add (local.get $fp) (i32.const 16))))
  ;; The frame's address is stored to memory: the frame stays there.
  (func (export "stored") (param $out i32) (param $v i32)
    (local $fp i32)
    global.get $__stack_pointer i32.const 16 i32.sub local.tee $fp global.set $__stack_pointer
    (i32.store offset=4 (local.get $fp) (local.get $v))
    (i32.store (local.get $out) (local.get $fp))
    (i32.store offset=4 (local.get $out) (i32.load offset=4 (i32.load (local.get $out))))
    ;; The address itself differs from wasmi's (each GPU thread has its own stack slot).
    (i32.store (local.get $out) (i32.const 0))
    (global.set $__stack_pointer (i32.add (local.get $fp) (i32.const 16))))
  ;; A frame address held in a local across a loop: the frame stays in memory.
  (func (export "held") (param $out i32) (param $v i32)
    (local $fp i32) (local $p i32) (local $n i32)
    global.get $__stack_pointer i32.const 32 i32.sub local.tee $fp global.set $__stack_pointer
    (local.set $p (local.get $fp))
    (local.set $n (i32.const 8))
    (loop
      (i32.store (local.get $p) (i32.add (local.get $v) (local.get $n)))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if 0 (local.get $n)))
    (i32.store (local.get $out) (i32.load offset=12 (local.get $fp)))
    (global.set $__stack_pointer (i32.add (local.get $fp) (i32.const 32)))))"#;

fn wgsl(options: &TranslateOptions) -> String {
    translate(&wasm(WAT), options).unwrap().to_wgsl().unwrap()
}

#[test]
fn copies_into_a_private_frame_trap_before_writing() {
    let bytes = wasm(WAT);
    let mut oracle = Oracle::new(&bytes);
    let mut inst = gpu_instance(&bytes, &Default::default());
    let checked = 60 * 1024usize;
    // In memory (away from the top page, where wasmi's stack is); far past its end; wrapping.
    for src in [0, 7, 1023, 40_000, 0x7fff_fff0, -1, -13] {
        let args = [Value::I32(2048), Value::I32(src)];
        let want = oracle.call("copy_in", &args);
        let got = gpu_call(&mut inst, "copy_in", &args);
        assert_eq!(got, want, "copy_in(2048, {src})");
        oracle.assert_same_memory(&mut inst, checked, &format!("copy_in(2048, {src})"));
    }
}

#[test]
fn only_the_unescaped_frame_is_private() {
    let text = wgsl(&TranslateOptions::default());
    // `run` keeps its 48-byte frame as 12 words, and `$helper` has a copy taking it.
    assert!(text.contains("array<u32, 12>"), "{text}");
    assert!(text.contains("fn w_helper_f0_frame("), "{text}");
    // Every call of `$helper` goes to the copy: its usual translation is left out.
    assert!(!text.contains("fn w_helper_f0_("), "{text}");
    // The copies' 16-byte frames are private; `held` (32 bytes) keeps its frame in memory.
    assert!(text.contains("array<u32, 4>"), "{text}");
    assert!(!text.contains("array<u32, 8>"), "{text}");
    let off = wgsl(&TranslateOptions {
        private_frames: false,
        ..TranslateOptions::default()
    });
    assert!(!off.contains("array<u32, 12>"), "{off}");
}

#[test]
fn private_frames_match_wasmi_outside_the_stack() {
    let bytes = wasm(WAT);
    // The copies out of a frame store to memory through each mode's store path.
    for stores in [
        StoreMode::AtomicPartial,
        StoreMode::Atomic,
        StoreMode::Plain,
    ] {
        match_wasmi(&bytes, stores);
    }
}

fn match_wasmi(bytes: &[u8], stores: StoreMode) {
    let mut oracle = Oracle::new(bytes);
    let mut inst = gpu_instance_stores(bytes, stores);
    // The stack grows down from 64 KiB; everything below 60 KiB must agree.
    let checked = 60 * 1024usize;
    for export in ["run", "stored", "held", "copy_out"] {
        for out in [1024, 2001, 60 * 1024 - 11, 60 * 1024 - 10, -1] {
            for v in [0, 1, 0x7f, 0x80, 0xff, -1, 0x1234_5678, i32::MIN] {
                let args = [Value::I32(out), Value::I32(v)];
                let want = oracle.call(export, &args);
                let got = gpu_call(&mut inst, export, &args);
                assert_eq!(got, want, "{stores:?} {export}({out}, {v})");
                let what = format!("{stores:?} {export}({out}, {v})");
                oracle.assert_same_memory(&mut inst, checked, &what);
            }
        }
    }
}
