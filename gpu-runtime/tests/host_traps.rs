//! Trap reporting: status words, the first-trap record, `check()` and its message.

#![allow(clippy::unwrap_used, clippy::panic)]

mod host_common;

use gpu_runtime::host::{HostError, Value};
use gpu_runtime::translate::abi::{TrapKind, ValType};
use host_common::{entry, instance, layout};

/// `div(a) = a / (thread % 1000 - 7)`: threads 7, 1007, ... divide by zero (trap kind 2 in
/// function 3 at offset 0x4a), recorded the way the translator records traps.
const DIV: &str = r#"
fn record_trap(t: u32, kind: u32, func: u32, offset: u32) {
    let old = atomicAdd(&control[2], 1u);
    if old == 0u {
        atomicStore(&control[3], t);
        atomicStore(&control[4], kind);
        atomicStore(&control[5], func);
        atomicStore(&control[6], offset);
    }
}

@compute @workgroup_size(64)
fn div(@builtin(global_invocation_id) gid: vec3<u32>) {
    let slot = gid.x;
    let base = params[THREAD_BASE];
    let end = params[THREAD_END];
    let count = params[SLOT_COUNT];
    if slot >= count { return; }
    let a = bitcast<i32>(params[ARGS]);
    var t = base + slot;
    loop {
        if t >= end { break; }
        let i = (t - base) * 2u;
        let d = i32(t % 1000u) - 7;
        if d == 0 {
            record_trap(t, 2u, 3u, 0x4au);
            results[i] = 2u | 0x80000000u;
            results[i + 1u] = 0u;
        } else {
            results[i] = 0u | 0x80000000u;
            results[i + 1u] = bitcast<u32>(a / d);
        }
        if end - t <= count { break; }
        t = t + count;
    }
}
"#;

fn div_layout() -> gpu_runtime::translate::abi::ModuleLayout {
    let mut l = layout(vec![entry("div", &[ValType::I32], &[ValType::I32])]);
    l.function_names.insert(3, "div".into());
    l
}

#[test]
fn traps_are_counted_and_reported() {
    let mut inst = instance(DIV, div_layout());
    let out = inst.run("div", 10240, &[Value::I32(700)]).expect("run");
    assert_eq!(out.trap_count(), 11);
    let trapped: Vec<u64> = out.trapped_threads().collect();
    assert_eq!(trapped, (0..11).map(|k| 7 + 1000 * k).collect::<Vec<_>>());
    let first = out.first_trap().expect("a trap record").clone();
    assert!(trapped.contains(&u64::from(first.thread)));
    assert_eq!(first.kind, TrapKind::IntegerDivideByZero);
    assert_eq!(
        (first.func_index, first.func_name.as_str(), first.offset),
        (3, "div", 0x4a)
    );
    assert_eq!(out.result(7), Some(Err(TrapKind::IntegerDivideByZero)));
    assert_eq!(out.result(8), Some(Ok(vec![Value::I32(700)])));
    assert_eq!(out.result(0), Some(Ok(vec![Value::I32(-100)])));
    assert_eq!(out.all_same(), None);

    let err = out.check().expect_err("traps");
    let HostError::Trap { count, threads, .. } = &err else {
        panic!("not a trap error: {err}");
    };
    assert_eq!((*count, *threads), (11, 10240));
    let message = err.to_string();
    assert!(
        message.starts_with(&format!(
            "thread {} trapped: integer divide by zero in function 3 (div) at offset 0x4a",
            first.thread
        )),
        "{message}"
    );
    assert!(
        message.ends_with("(11 of 10240 threads trapped)"),
        "{message}"
    );

    // The trap record is fresh for every run.
    let out = inst.run("div", 7, &[Value::I32(700)]).expect("run");
    assert_eq!(out.trap_count(), 0);
    assert!(out.first_trap().is_none());
    assert_eq!(out.all_same(), None);
    out.into_result().expect("no traps");
}

#[test]
fn argument_and_entry_errors() {
    let mut inst = instance(DIV, div_layout());
    let err = inst.run("div", 1, &[]).expect_err("missing arg");
    assert_eq!(
        err.to_string(),
        "export `div` has signature (i32) -> i32, but was called with ()"
    );
    let err = inst
        .run("div", 1, &[Value::f32(1.0)])
        .expect_err("wrong type");
    assert!(matches!(err, HostError::ArgumentMismatch { .. }), "{err}");
    let err = inst.run("mul", 1, &[]).expect_err("no such export");
    assert_eq!(
        err.to_string(),
        "no entry point for export `mul` (entry points: `div`)"
    );
}

/// A status word that is no trap code is a translator bug, reported as such.
#[test]
fn unknown_status_is_an_error() {
    let src = r#"
@compute @workgroup_size(64)
fn bad(@builtin(global_invocation_id) gid: vec3<u32>) {
    if gid.x >= params[SLOT_COUNT] { return; }
    results[gid.x] = 77u | 0x80000000u;
}
"#;
    let mut inst = instance(src, layout(vec![entry("bad", &[], &[])]));
    let err = inst.run("bad", 1, &[]).expect_err("bad status");
    assert!(
        matches!(err, HostError::BadStatus { code: 77, .. }),
        "{err}"
    );
}

/// A thread that never writes its status (the driver stopped the kernel) is an error, not a
/// zero result.
#[test]
fn unfinished_threads_are_an_error() {
    let src = r#"
@compute @workgroup_size(64)
fn idle(@builtin(global_invocation_id) gid: vec3<u32>) {
    if gid.x >= params[SLOT_COUNT] { return; }
    if gid.x == 1u { results[gid.x * 2u] = 0x80000000u; }
}
"#;
    let mut inst = instance(src, layout(vec![entry("idle", &[], &[ValType::I32])]));
    let err = inst.run("idle", 3, &[]).expect_err("unfinished threads");
    assert!(
        matches!(
            err,
            HostError::Unfinished {
                count: 2,
                first: 0,
                ..
            }
        ),
        "{err}"
    );
}

/// Sparse status words (an export without results): a thread that returns writes nothing,
/// each invocation writes how many threads it ran after the statuses; an invocation that
/// stopped short leaves its untrapped threads unfinished.
#[test]
fn sparse_statuses_need_their_invocation_count() {
    let src = r#"
@compute @workgroup_size(64)
fn counts(@builtin(global_invocation_id) gid: vec3<u32>) {
    let slots = params[SLOT_COUNT];
    if gid.x >= slots { return; }
    let count = params[THREAD_END] - params[THREAD_BASE];
    // Invocation 1 stops before its count; the others report theirs.
    if gid.x != 1u {
        results[count + gid.x] = (count - gid.x + slots - 1u) / slots;
    }
}
"#;
    let mut inst = instance(src, layout(vec![entry("counts", &[], &[])]));
    // 3 threads on 3 invocations: thread 1 is unfinished.
    let err = inst.run("counts", 3, &[]).expect_err("unfinished thread");
    assert!(
        matches!(
            err,
            HostError::Unfinished {
                count: 1,
                first: 1,
                ..
            }
        ),
        "{err}"
    );
}
