//! Recursion on the GPU: the guest crate `tests/guests/recursion` (plain recursive Rust: a
//! doubly recursive fib, a sum of depth 10,000, Ackermann) gives the CPU's answers on every
//! thread, and a recursion deeper than the call stack option traps with "call stack exhausted".
//! `RECURSION_THREADS` sets the thread count (64 by default; the H200 run uses 10,000) and
//! `RECURSION_WASM` a prebuilt module (for machines without a Rust toolchain).

use std::path::Path;

use gpu_runtime::guest::GuestBuilder;
use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::abi::TrapKind;
use gpu_runtime::translate::{translate, TranslateError, TranslateOptions};

fn wasm() -> Vec<u8> {
    let path = match std::env::var_os("RECURSION_WASM") {
        Some(p) => p.into(),
        None => {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/guests/recursion");
            GuestBuilder::new(dir)
                .build()
                .expect("build the recursion guest")
        }
    };
    std::fs::read(path).expect("read the recursion guest")
}

fn threads() -> u64 {
    std::env::var("RECURSION_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(64)
}

fn fib(n: u32) -> u32 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fn ackermann(m: u32, n: u32) -> u32 {
    match (m, n) {
        (0, n) => n + 1,
        (m, 0) => ackermann(m - 1, 1),
        (m, n) => ackermann(m - 1, ackermann(m, n - 1)),
    }
}

fn instance(wasm: &[u8], export: &str, options: &InstanceOptions) -> Instance {
    let gpu = shared_gpu().expect("a GPU adapter (lavapipe in CI)");
    let t = translate(wasm, &TranslateOptions::entry(export)).expect("translate");
    assert!(
        t.layout.needs_call_stack,
        "{export} should need a call stack"
    );
    let program = Program::new(&gpu, t).expect("program");
    Instance::new(&program, options).expect("instance")
}

/// Rust's recursion also uses the shadow stack (`black_box` spills), 16 bytes or more per call.
fn deep_options() -> InstanceOptions {
    InstanceOptions {
        stack_size: 512 << 10,
        call_stack_bytes: 1 << 20,
        ..InstanceOptions::default()
    }
}

#[test]
fn recursive_rust_gives_the_cpu_answers() {
    let wasm = wasm();
    let n = threads();
    let cases: [(&str, Vec<Value>, Value); 3] = [
        ("fib", vec![Value::I32(20)], Value::I32(fib(20) as i32)),
        (
            "sum",
            vec![Value::I32(10_000)],
            Value::I64((1..=10_000u64).sum::<u64>() as i64),
        ),
        (
            "ackermann",
            vec![Value::I32(2), Value::I32(50)],
            Value::I32(ackermann(2, 50) as i32),
        ),
    ];
    for (export, args, want) in cases {
        let mut inst = instance(&wasm, export, &deep_options());
        let out = inst.run(export, n, &args).expect("run");
        if let Some(trap) = out.first_trap() {
            panic!("{export}: {trap}");
        }
        assert_eq!(out.all_same(), Some(vec![want]), "{export} on {n} threads");
    }
}

#[test]
fn recursion_past_the_call_stack_traps() {
    let wasm = wasm();
    let options = InstanceOptions {
        call_stack_bytes: 64 << 10,
        ..deep_options()
    };
    let mut inst = instance(&wasm, "sum", &options);
    let out = inst.run("sum", 4, &[Value::I32(100_000)]).expect("run");
    let trap = out.first_trap().expect("a trap");
    assert_eq!(trap.kind, TrapKind::CallStackExhausted, "{trap}");
    assert_eq!(trap.kind.message(), "call stack exhausted");
    assert_eq!(out.trap_count(), 4);
}

#[test]
fn strict_mode_rejects_the_cycle_by_name() {
    let wasm = wasm();
    let options = TranslateOptions {
        allow_recursion: false,
        ..TranslateOptions::entry("fib")
    };
    match translate(&wasm, &options) {
        Err(TranslateError::Recursion { cycle }) => {
            assert_eq!(cycle, ["fib", "fib"], "the cycle, by name-section names");
        }
        other => panic!("expected a recursion error, got {other:?}"),
    }
}
