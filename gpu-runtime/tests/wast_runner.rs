//! The .wast runner on small scripts: every command kind, the pass/fail/skip counts and the
//! reasons.

#![allow(clippy::unwrap_used, clippy::panic)]

use gpu_runtime::host::shared_gpu;
use gpu_runtime::wast::{FileReport, WastError, WastRunner};

fn run(script: &str) -> FileReport {
    let gpu = shared_gpu().unwrap();
    WastRunner::new(&gpu).run_script("t.wast", script).unwrap()
}

/// `(passed, failed, skipped)`.
fn counts(r: &FileReport) -> (u64, u64, u64) {
    (r.passed, r.failed_count(), r.skipped_count())
}

#[test]
fn returns_traps_and_state() {
    let r = run(r#"
        (module $m
          (memory 1)
          (global $g (export "g") (mut i32) (i32.const 5))
          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
          (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
          (func (export "store") (param i32) (i32.store (i32.const 8) (local.get 0)))
          (func (export "load") (result i32) (i32.load (i32.const 8)))
          (func (export "set") (param i32) (global.set $g (local.get 0)))
          (func (export "nan") (result f32) (f32.div (f32.const 0) (f32.const 0)))
          (func (export "neg0") (result f64) (f64.const -0))
          (func (export "two") (result i32 i64) (i32.const 1) (i64.const -1)))
        (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
        (assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
        (assert_trap (invoke "div" (i32.const 0x80000000) (i32.const -1)) "integer overflow")
        (invoke "store" (i32.const 42))
        (assert_return (invoke "load") (i32.const 42))
        (assert_return (get "g") (i32.const 5))
        (invoke "set" (i32.const 9))
        (assert_return (get $m "g") (i32.const 9))
        (assert_return (invoke "nan") (f32.const nan:canonical))
        (assert_return (invoke "nan") (f32.const nan:arithmetic))
        (assert_return (invoke "neg0") (f64.const -0))
        (assert_return (invoke "two") (i32.const 1) (i64.const -1))
    "#);
    assert_eq!(counts(&r), (12, 0, 0), "{:?}", r.failed);
}

#[test]
fn failures_name_the_line_and_values() {
    let r = run(r#"
        (module (func (export "one") (result i32) (i32.const 1))
                (func (export "neg0") (result f32) (f32.const -0)))
        (assert_return (invoke "one") (i32.const 2))
        (assert_return (invoke "neg0") (f32.const 0))
        (assert_trap (invoke "one") "unreachable")
        (assert_return (invoke "missing") (i32.const 1))
    "#);
    assert_eq!(counts(&r), (0, 4, 0));
    assert_eq!(r.failed[0].line, 4);
    assert!(
        r.failed[0].message.contains("got i32:1, expected i32:2"),
        "{}",
        r.failed[0]
    );
    assert!(
        r.failed[1].message.contains("0x80000000"),
        "{}",
        r.failed[1]
    );
    assert!(r.failed[2].message.contains("expected trap `unreachable`"));
    assert!(r.failed[3]
        .message
        .contains("no exported function `missing`"));
}

#[test]
fn invalid_and_malformed_modules() {
    let r = run(r#"
        (assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
        (assert_malformed (module quote "(func (i32.const))") "unexpected token")
        (assert_malformed (module binary "\00asm\02\00\00\00") "unknown binary version")
        (assert_invalid (module (func (result i32) (i32.const 0))) "accepted: a failure")
    "#);
    assert_eq!(counts(&r), (3, 1, 0));
    assert!(r.failed[0].message.contains("invalid module was accepted"));
}

#[test]
fn instantiation_traps_and_start() {
    let r = run(r#"
        (assert_trap (module (memory 1) (data (i32.const 65535) "ab")) "out of bounds memory access")
        (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
        (module
          (global $g (mut i32) (i32.const 0))
          (func $s (global.set $g (i32.const 7)))
          (func (export "g") (result i32) (global.get $g))
          (start $s))
        (assert_return (invoke "g") (i32.const 7))
    "#);
    assert_eq!(counts(&r), (3, 0, 0), "{:?}", r.failed);
}

#[test]
fn unsupported_modules_are_skipped_with_reasons() {
    let r = run(r#"
        (module (import "spectest" "memory" (memory 1))
                (func (export "f") (result i32) (i32.const 1)))
        (assert_return (invoke "f") (i32.const 1))
        (invoke "f")
        (module (func (export "r") (result v128) (v128.const i64x2 0 0)))
        (assert_return (invoke "r") (v128.const i64x2 0 0))
        (assert_unlinkable (module (import "nowhere" "f" (func))) "unknown import")
    "#);
    assert_eq!(counts(&r), (0, 0, 4));
    let reasons: Vec<&str> = r.skipped.keys().map(String::as_str).collect();
    assert!(
        reasons.iter().any(|s| s.contains("spectest.memory")),
        "{reasons:?}"
    );
    assert!(reasons.iter().any(|s| s.contains("linking")), "{reasons:?}");
}

#[test]
fn a_skipped_state_change_skips_later_commands() {
    let r = run(r#"
        (module
          (import "host" "log" (func $print (param i32)))
          (memory 1)
          (func (export "store-and-print") (i32.store (i32.const 0) (i32.const 7))
            (call $print (i32.const 7)))
          (func (export "load") (result i32) (i32.load (i32.const 0))))
        (assert_return (invoke "load") (i32.const 0))
        (invoke "store-and-print")
        (assert_return (invoke "load") (i32.const 7))
    "#);
    // `store-and-print` does not translate (no host calls yet); `load` then would see memory
    // the script expects written, so everything after it is skipped.
    assert_eq!(counts(&r), (1, 0, 2), "{:?} {:?}", r.failed, r.skipped);
    assert!(
        r.skipped
            .keys()
            .any(|k| k.starts_with("after a skipped state change")),
        "{:?}",
        r.skipped
    );
}

#[test]
fn parse_errors_are_errors() {
    let gpu = shared_gpu().unwrap();
    let err = WastRunner::new(&gpu)
        .run_script("bad.wast", "(module\n  (func (i32.const 1)")
        .unwrap_err();
    assert!(matches!(err, WastError::Parse { line: 2, .. }), "{err}");
    assert!(err.to_string().starts_with("bad.wast:2:"), "{err}");
}
