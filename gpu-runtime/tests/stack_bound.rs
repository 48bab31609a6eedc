//! The translator's static bound on shadow-stack depth (`StackLayout::max_bytes`), which the
//! host sizes stack slots by, and the host's use of it.

#![allow(clippy::unwrap_used)]

use gpu_runtime::translate::{translate, TranslateOptions};

/// `f` reserves 48 bytes and calls `g`, which reserves 32; `h` uses no stack.
const FRAMES: &str = r#"
(module
  (memory 2)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (func $g (result i32)
    (local $sp i32)
    (global.set $__stack_pointer (local.tee $sp (i32.sub (global.get $__stack_pointer) (i32.const 32))))
    (i32.store (local.get $sp) (i32.const 7))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 32)))
    (i32.const 1))
  (func $f (export "f") (result i32)
    (local $sp i32)
    (global.set $__stack_pointer (local.tee $sp (i32.sub (global.get $__stack_pointer) (i32.const 48))))
    (i32.store (local.get $sp) (call $g))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 48)))
    (i32.load (local.get $sp)))
  (func $h (export "h") (result i32) (i32.const 3))
  (func $dynamic (export "dynamic") (param $n i32) (result i32)
    (global.set $__stack_pointer (i32.sub (global.get $__stack_pointer) (local.get $n)))
    (i32.const 0))
  (func $rec (export "rec") (param $n i32) (result i32)
    (global.set $__stack_pointer (i32.sub (global.get $__stack_pointer) (i32.const 16)))
    (if (result i32) (local.get $n)
      (then (call $rec (i32.sub (local.get $n) (i32.const 1))))
      (else (i32.const 0)))))
"#;

fn stack_of(export: &str) -> Option<Option<u32>> {
    let wasm = wat::parse_str(FRAMES).unwrap();
    let t = translate(&wasm, &TranslateOptions::entry(export)).unwrap();
    t.layout.stack.map(|s| s.max_bytes)
}

#[test]
fn constant_frames_add_up_along_the_deepest_chain() {
    assert_eq!(stack_of("f"), Some(Some(80)));
}

#[test]
fn code_that_never_touches_the_stack_pointer_gets_no_stack() {
    assert_eq!(stack_of("h"), None);
}

#[test]
fn a_frame_sized_at_run_time_gives_no_bound() {
    assert_eq!(stack_of("dynamic"), Some(None));
}

#[test]
fn recursion_gives_no_bound() {
    assert_eq!(stack_of("rec"), Some(None));
}

#[test]
fn the_host_fits_slots_to_the_bound_and_the_code_runs() {
    use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, Value};
    let wasm = wat::parse_str(FRAMES).unwrap();
    let t = translate(&wasm, &TranslateOptions::entry("f")).unwrap();
    let gpu = shared_gpu().unwrap();
    let program = Program::new(&gpu, t).unwrap();
    let mut fitted = Instance::new(&program, &InstanceOptions::default()).unwrap();
    // 2 × 80 bytes, raised to the 1 KiB floor.
    assert_eq!(fitted.memory_plan().stack_size, 1024);
    let out = fitted.run("f", 10_000, &[]).unwrap();
    for thread in [0, 4_321, 9_999] {
        assert_eq!(out.result(thread), Some(Ok(vec![Value::I32(1)])));
    }
    let fixed = Instance::new(
        &program,
        &InstanceOptions {
            fit_stack: false,
            ..InstanceOptions::default()
        },
    )
    .unwrap();
    assert_eq!(fixed.memory_plan().stack_size, 16 << 10);
}
