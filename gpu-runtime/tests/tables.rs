//! Tables and references where the spec scripts do not look: `call_indirect` into its own call
//! cycle through a table that changes at run time, a grown table called through, externref
//! handles kept in a table across runs, and the static (rustc-style) table next to a cycle
//! with null and mismatched slots.

#![allow(clippy::unwrap_used, clippy::panic)]

use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::{translate, TranslateOptions};
use gpu_runtime::wast::{FileReport, WastRunner};

fn run(script: &str) -> FileReport {
    let gpu = shared_gpu().unwrap();
    WastRunner::new(&gpu).run_script("t.wast", script).unwrap()
}

/// Every command passed, and there were `n`.
fn all_pass(r: &FileReport, n: u64) {
    assert_eq!(
        (r.passed, r.failed_count(), r.skipped_count()),
        (n, 0, 0),
        "failed {:?}, skipped {:?}",
        r.failed,
        r.skipped
    );
}

#[test]
fn call_indirect_into_its_own_cycle_through_a_runtime_table() {
    // `fac` calls itself only through the table, whose slot 1 is set at run time.
    let r = run(r#"
        (module
          (type $ii (func (param i64) (result i64)))
          (table 3 funcref)
          (elem declare func $fac $neg)
          (func $neg (type $ii) (i64.sub (i64.const 0) (local.get 0)))
          (func $fac (export "fac") (type $ii)
            (if (result i64) (i64.le_u (local.get 0) (i64.const 1))
              (then (i64.const 1))
              (else (i64.mul (local.get 0)
                (call_indirect (type $ii) (i64.sub (local.get 0) (i64.const 1)) (i32.const 1))))))
          (func (export "set") (param i32) (table.set (i32.const 1)
            (select (result funcref) (ref.func $fac) (ref.func $neg) (local.get 0))))
          (func (export "clear") (table.set (i32.const 1) (ref.null func))))
        (assert_trap (invoke "fac" (i64.const 3)) "uninitialized element")
        (invoke "set" (i32.const 1))
        (assert_return (invoke "fac" (i64.const 20)) (i64.const 2432902008176640000))
        (invoke "set" (i32.const 0))
        (assert_return (invoke "fac" (i64.const 5)) (i64.const -20))
        (invoke "clear")
        (assert_return (invoke "fac" (i64.const 1)) (i64.const 1))
        (assert_trap (invoke "fac" (i64.const 2)) "uninitialized element")
    "#);
    all_pass(&r, 8);
}

#[test]
fn a_static_table_cycle_with_null_and_mismatched_slots() {
    // Slot 0: null, 1: the caller itself, 2: a function of another type, past 3: undefined.
    let r = run(r#"
        (module
          (type $ii (func (param i32) (result i32)))
          (table 3 funcref)
          (elem (i32.const 1) $down $other)
          (func $other (param i64) (result i64) (local.get 0))
          (func $down (export "down") (type $ii)
            (if (result i32) (i32.eqz (local.get 0))
              (then (i32.const 100))
              (else (i32.add (i32.const 1)
                (call_indirect (type $ii) (i32.sub (local.get 0) (i32.const 1))
                  (select (i32.const 1) (local.get 0) (i32.lt_u (local.get 0) (i32.const 10))))))))
          )
        (assert_return (invoke "down" (i32.const 0)) (i32.const 100))
        (assert_return (invoke "down" (i32.const 9)) (i32.const 109))
        (assert_trap (invoke "down" (i32.const 10)) "undefined element")
        (assert_return (invoke "down" (i32.const 2)) (i32.const 102))
    "#);
    all_pass(&r, 4);
    let r = run(r#"
        (module
          (type $ii (func (param i32) (result i32)))
          (table 3 funcref)
          (elem (i32.const 1) $down $other)
          (func $other (param i64) (result i64) (local.get 0))
          (func $down (export "down") (param i32) (param $slot i32) (result i32)
            (if (result i32) (i32.eqz (local.get 0))
              (then (i32.const 100))
              (else (call_indirect (param i32 i32) (result i32)
                (i32.sub (local.get 0) (i32.const 1)) (local.get $slot) (local.get $slot))))))
        (assert_trap (invoke "down" (i32.const 3) (i32.const 0)) "uninitialized element")
        (assert_trap (invoke "down" (i32.const 3) (i32.const 2)) "indirect call type mismatch")
        (assert_return (invoke "down" (i32.const 3) (i32.const 1)) (i32.const 100))
        (assert_return (invoke "down" (i32.const 0) (i32.const 1)) (i32.const 100))
    "#);
    all_pass(&r, 4);
    // An inner activation that takes a plain target after the outer one took the cycle.
    let r = run(r#"
        (module
          (type $ii (func (param i32) (result i32)))
          (table 2 funcref)
          (elem (i32.const 0) $leaf $again)
          (func $leaf (type $ii) (i32.add (local.get 0) (i32.const 100)))
          (func $again (export "again") (type $ii)
            (i32.add (i32.const 1000) (call_indirect (type $ii)
              (i32.shr_u (local.get 0) (i32.const 1)) (i32.and (local.get 0) (i32.const 1))))))
        (assert_return (invoke "again" (i32.const 0)) (i32.const 1100))
        (assert_return (invoke "again" (i32.const 1)) (i32.const 2100))
        (assert_return (invoke "again" (i32.const 7)) (i32.const 4100))
        (assert_return (invoke "again" (i32.const 6)) (i32.const 1103))
    "#);
    all_pass(&r, 4);
}

#[test]
fn grown_slots_are_called_and_externrefs_persist() {
    let r = run(r#"
        (module
          (type $v (func (result i32)))
          (table $f 1 funcref)
          (table $e 0 externref)
          (elem declare func $seven)
          (func $seven (type $v) (i32.const 7))
          (func (export "grow") (result i32) (table.grow $f (ref.func $seven) (i32.const 2)))
          (func (export "call") (param i32) (result i32) (call_indirect $f (type $v) (local.get 0)))
          (func (export "keep") (param externref) (result i32)
            (table.grow $e (local.get 0) (i32.const 1)))
          (func (export "get") (param i32) (result externref) (table.get $e (local.get 0)))
          (func (export "size") (result i32) (table.size $e)))
        (assert_trap (invoke "call" (i32.const 0)) "uninitialized element")
        (assert_trap (invoke "call" (i32.const 1)) "undefined element")
        (assert_return (invoke "grow") (i32.const 1))
        (assert_return (invoke "call" (i32.const 2)) (i32.const 7))
        (assert_return (invoke "keep" (ref.extern 41)) (i32.const 0))
        (assert_return (invoke "keep" (ref.null extern)) (i32.const 1))
        (assert_return (invoke "size") (i32.const 2))
        (assert_return (invoke "get" (i32.const 0)) (ref.extern 41))
        (assert_return (invoke "get" (i32.const 1)) (ref.null extern))
        (assert_trap (invoke "get" (i32.const 2)) "out of bounds table access")
    "#);
    all_pass(&r, 10);
}

#[test]
fn references_cross_the_host_abi_as_words() {
    let wat = r#"(module
      (elem declare func $f)
      (func $f)
      (func (export "pick") (param externref i32) (result externref funcref)
        (local.get 0)
        (select (result funcref) (ref.func $f) (ref.null func) (local.get 1))))"#;
    let bytes = wat::parse_str(wat).unwrap();
    let t = translate(&bytes, &TranslateOptions::default()).unwrap();
    let program = Program::new(&shared_gpu().unwrap(), t).unwrap();
    let mut inst = Instance::new(&program, &InstanceOptions::default()).unwrap();
    let out = inst
        .run("pick", 3, &[Value::ExternRef(0xdead_beef), Value::I32(1)])
        .unwrap();
    // $f is function 0: its reference word is 1.
    assert_eq!(
        out.all_same(),
        Some(vec![Value::ExternRef(0xdead_beef), Value::FuncRef(1)])
    );
    let out = inst
        .run("pick", 1, &[Value::ExternRef(0), Value::I32(0)])
        .unwrap();
    assert_eq!(
        out.all_same(),
        Some(vec![Value::ExternRef(0), Value::FuncRef(0)])
    );
}

#[test]
fn pure_functions_of_registered_modules_fill_tables() {
    let r = run(r#"
        (module (func (export "ef1") (result i32) (i32.const 1))
                (memory 1)
                (func (export "peek") (result i32) (i32.load (i32.const 0))))
        (register "a")
        (module
          (import "a" "ef1" (func $ef1 (result i32)))
          (table 2 funcref)
          (elem (i32.const 1) $ef1)
          (func (export "call") (param i32) (result i32) (call_indirect (result i32) (local.get 0))))
        (assert_return (invoke "call" (i32.const 1)) (i32.const 1))
        (assert_trap (invoke "call" (i32.const 0)) "uninitialized element")
        (module (import "a" "peek" (func (result i32))) (func (export "f") (result i32) (call 0)))
        (assert_return (invoke "f") (i32.const 0))
    "#);
    // The last module imports a function that reads memory: still refused, so skipped.
    assert_eq!(
        (r.passed, r.failed_count(), r.skipped_count()),
        (2, 0, 1),
        "failed {:?}, skipped {:?}",
        r.failed,
        r.skipped
    );
}
