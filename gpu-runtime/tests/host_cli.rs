//! The `gpu-run` command: error lines, exit codes, and (once the translator handles them)
//! whole runs of small modules.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn gpu_run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gpu-run"));
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("gpu-run starts")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exactly one line on stderr, starting `error: `.
fn assert_one_error_line(out: &Output, code: i32, contains: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "stderr: {err}");
    assert!(err.starts_with("error: "), "stderr: {err}");
    assert!(err.contains(contains), "stderr: {err}");
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gpu-run-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("temp file");
    path
}

/// Whether the translator handles a trivial module yet (it is being written).
fn translator_ready() -> bool {
    let wasm =
        wat::parse_str(r#"(module (func (export "main") (result i32) i32.const 1))"#).expect("wat");
    gpu_runtime::translate::translate(
        &wasm,
        &gpu_runtime::translate::TranslateOptions::entry("main"),
    )
    .is_ok()
}

#[test]
fn input_errors_are_one_line_with_exit_2() {
    let out = gpu_run(&["/no/such/file.wasm"], &[]);
    assert_one_error_line(&out, 2, "cannot read /no/such/file.wasm");

    let dir = std::env::temp_dir();
    let out = gpu_run(&[dir.to_str().unwrap_or("/tmp")], &[]);
    assert_one_error_line(&out, 2, "is a directory");

    let junk = temp_file("junk.wasm", b"\x01\x02 not wasm");
    let out = gpu_run(&[junk.to_str().unwrap_or("")], &[]);
    assert_one_error_line(&out, 2, "is not a WebAssembly module");

    let bad = temp_file("bad.wat", b"(module (func (export \"main\")");
    let out = gpu_run(&[bad.to_str().unwrap_or("")], &[]);
    assert_one_error_line(&out, 2, "bad.wat:1:30: expected `)`");

    let truncated = temp_file("truncated.wasm", b"\0asm\x01\0\0\0\x01\x05");
    let out = gpu_run(&[truncated.to_str().unwrap_or("")], &[]);
    assert_one_error_line(&out, 2, "invalid wasm");

    let two = temp_file(
        "two.wat",
        br#"(module (func (export "a")) (func (export "b")))"#,
    );
    let out = gpu_run(&[two.to_str().unwrap_or("")], &[]);
    assert_one_error_line(&out, 2, "choose one with --entry (`a`, `b`)");

    // clap's own usage errors also exit 2.
    let out = gpu_run(&[], &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lists_adapters() {
    let out = gpu_run(&["--list-adapters"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!out.stdout.is_empty());
}

#[test]
fn runs_a_module() {
    if !translator_ready() {
        eprintln!("translator not ready: skipping");
        return;
    }
    let m = temp_file(
        "add.wat",
        br#"(module
              (func $add (export "add") (param i32 i32) (result i32)
                local.get 0 local.get 1 i32.add)
              (func $div (export "div") (param i32 i32) (result i32)
                local.get 0 local.get 1 i32.div_s))"#,
    );
    let path = m.to_str().unwrap_or("");
    let out = gpu_run(
        &[path, "--entry", "add", "--threads", "100", "--", "2", "-5"],
        &[],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    assert!(text.contains("Adapter: "), "{text}");
    assert!(text.contains("Threads: 100"), "{text}");
    assert!(text.contains("Result: -3\n"), "{text}");

    let out = gpu_run(&[path, "--entry", "add", "--", "2"], &[]);
    assert_one_error_line(&out, 2, "takes 2 arguments (i32, i32), got 1");
    let out = gpu_run(&[path, "--entry", "add", "--", "2", "x"], &[]);
    assert_one_error_line(&out, 2, "not a valid i32");
    let out = gpu_run(&[path, "--entry", "nope"], &[]);
    assert_one_error_line(&out, 2, "nope");

    let results = std::env::temp_dir().join(format!("gpu-run-test-{}/div.txt", std::process::id()));
    let out = gpu_run(
        &[
            path,
            "--entry",
            "div",
            "--threads",
            "10",
            "--out",
            results.to_str().unwrap_or(""),
            "--",
            "1",
            "0",
        ],
        &[],
    );
    assert_one_error_line(&out, 1, "10 of 10 threads trapped; first: thread ");
    assert!(stderr(&out).contains("integer divide by zero in function 1 (div) at offset 0x"));
    let lines = std::fs::read_to_string(&results).expect("--out file");
    assert_eq!(lines.lines().count(), 10);
    assert_eq!(
        lines.lines().next(),
        Some("0\ttrap: integer divide by zero")
    );

    let out = gpu_run(
        &[path, "--entry", "add", "--", "1", "2"],
        &[("GPU_RUN_ADAPTER", "no-such-gpu")],
    );
    assert_one_error_line(&out, 1, "no GPU adapter matches `no-such-gpu`");

    let out = gpu_run(&[path, "--entry", "add", "--emit", "wgsl"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("@compute"));
}

#[test]
fn no_recursion_names_the_cycle_by_name_section_names() {
    // $even and $odd call each other; `main` reaches the cycle through a plain call.
    let wat = r#"(module
  (func $even (param $n i32) (result i32)
    local.get $n i32.eqz
    if (result i32) i32.const 1 else local.get $n i32.const 1 i32.sub call $odd end)
  (func $odd (param $n i32) (result i32)
    local.get $n i32.eqz
    if (result i32) i32.const 0 else local.get $n i32.const 1 i32.sub call $even end)
  (func (export "main") (param i32) (result i32) local.get 0 call $even))"#;
    let path = temp_file("even_odd.wat", wat.as_bytes());
    let file = path.to_str().unwrap();
    let out = gpu_run(&[file, "--no-recursion", "--", "7"], &[]);
    assert_one_error_line(&out, 2, "recursion is turned off");
    let err = stderr(&out);
    assert!(
        err.contains("even -> odd -> even") || err.contains("odd -> even -> odd"),
        "the cycle by its names: {err}"
    );

    let out = gpu_run(&[file, "--", "7"], &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(
        stdout.lines().any(|l| l == "Result: 0"),
        "even(7) = 0: {stdout}"
    );
}
