//! `gpu-run wast FILE.wast...`: the per-file lines, `-v` details and exit codes.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn gpu_run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gpu-run"))
        .args(args)
        .output()
        .expect("gpu-run starts")
}

fn script(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gpu-run-wast-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const GOOD: &str = r#"
(module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
(module (import "spectest" "memory" (memory 1)))
(assert_return (get "missing") (i32.const 0))
"#;

const BAD: &str = r#"
(module (func (export "one") (result i32) (i32.const 1)))
(assert_return (invoke "one") (i32.const 2))
"#;

#[test]
fn one_line_per_file_and_exit_status() {
    let good = script("good.wast", GOOD);
    let out = gpu_run(&["wast", good.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("Adapter: "), "{text}");
    assert!(
        lines[1].ends_with("good.wast: 2 passed, 0 failed, 1 skipped"),
        "{text}"
    );

    let bad = script("bad.wast", BAD);
    let out = gpu_run(&["wast", "-v", good.to_str().unwrap(), bad.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("bad.wast: 0 passed, 1 failed, 0 skipped"),
        "{text}"
    );
    assert!(
        text.contains("line 3: invoke `one`(): got i32:1, expected i32:2"),
        "{text}"
    );
    assert!(text.contains("spectest.memory"), "{text}");
    assert!(
        text.contains("Total: 2 passed, 1 failed, 1 skipped in 2 files"),
        "{text}"
    );
}

#[test]
fn unreadable_scripts_and_usage_errors() {
    let out = gpu_run(&["wast", "/no/such/file.wast"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("/no/such/file.wast: error: cannot read"));

    let broken = script("broken.wast", "(module (func");
    let out = gpu_run(&["wast", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("cannot parse the script"),
        "{}",
        stdout(&out)
    );

    let out = gpu_run(&["wast"]);
    assert_eq!(out.status.code(), Some(2));

    let out = gpu_run(&["--help"]);
    assert!(stdout(&out).contains("gpu-run wast FILE.wast"));
}
