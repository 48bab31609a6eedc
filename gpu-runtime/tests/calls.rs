//! Helper functions: only what an entry point reaches becomes a naga function, and deep
//! non-recursive call chains run (naga calls all the way down; no recursion machinery).
//! Many arguments, i64/f64 arguments and multi-value returns are in `gpu_ops.rs`
//! (`direct_calls`).

#![allow(clippy::unwrap_used, clippy::panic)]

use gpu_runtime::host::{run_wasm, Value};
use gpu_runtime::translate::{translate, TranslateOptions};

fn naga_functions(wasm: &[u8], options: &TranslateOptions) -> Vec<String> {
    let t = translate(wasm, options).expect("translate");
    t.module
        .functions
        .iter()
        .filter_map(|(_, f)| f.name.clone())
        .collect()
}

#[test]
fn functions_unreachable_from_the_entry_are_dropped() {
    let wat = r#"(module
  (func $used (param i32) (result i32) local.get 0 i32.const 1 i32.add)
  (func $only_from_unused (param i32) (result i32) local.get 0)
  (func $unused (param i32) (result i32) local.get 0 call $only_from_unused)
  (func $other_export_helper (result i32) i32.const 7)
  (func (export "main") (param i32) (result i32) local.get 0 call $used)
  (func (export "other") (result i32) call $other_export_helper))"#;
    let wasm = wat::parse_str(wat).unwrap();
    let has = |names: &[String], f: &str| names.iter().any(|n| n.starts_with(&format!("w_{f}_f")));

    let names = naga_functions(&wasm, &TranslateOptions::entry("main"));
    assert!(has(&names, "used"), "{names:?}");
    for dropped in ["unused", "only_from_unused", "other_export_helper"] {
        assert!(
            !has(&names, dropped),
            "{dropped} is unreachable from main: {names:?}"
        );
    }

    // All exports: each export's helpers are kept, the never-called ones still dropped.
    let names = naga_functions(&wasm, &TranslateOptions::default());
    assert!(
        has(&names, "used") && has(&names, "other_export_helper"),
        "{names:?}"
    );
    assert!(
        !has(&names, "unused") && !has(&names, "only_from_unused"),
        "{names:?}"
    );
}

#[test]
fn a_call_chain_200_deep_runs() {
    // $f0 calls $f1 ... calls $f199; each level adds its depth, mixing i64 and f64 values.
    const DEPTH: u32 = 200;
    let mut wat = String::from("(module\n");
    for i in 0..DEPTH {
        let body = if i + 1 == DEPTH {
            "local.get 0 local.get 1".to_string()
        } else {
            format!(
                "local.get 0 i64.const {i} i64.add local.get 1 f64.const 0.5 f64.add call $f{}",
                i + 1
            )
        };
        wat.push_str(&format!(
            "  (func $f{i} (param i64 f64) (result i64 f64) {body})\n"
        ));
    }
    wat.push_str(
        "  (func (export \"main\") (param i64 f64) (result i64 f64)\n    local.get 0 local.get 1 call $f0))",
    );
    let wasm = wat::parse_str(&wat).unwrap();
    let names = naga_functions(&wasm, &TranslateOptions::entry("main"));
    assert!(
        names.len() > DEPTH as usize,
        "every level is a naga function"
    );
    let out = run_wasm(&wasm, "main", 128, &[Value::I64(-5), Value::f64(1.0)])
        .and_then(|o| o.into_result())
        .expect("run");
    let levels = u64::from(DEPTH - 1);
    let want_i = -5 + (levels * (levels - 1) / 2) as i64;
    let want_f = 1.0 + 0.5 * levels as f64;
    assert_eq!(
        out.all_same(),
        Some(vec![Value::I64(want_i), Value::f64(want_f)])
    );
}
