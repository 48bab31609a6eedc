//! Dispatch geometry: chunking, slot loops, stack slots.

#![allow(clippy::unwrap_used, clippy::panic)]

mod host_common;

use gpu_runtime::host::{HostError, Instance, InstanceOptions, Value};
use gpu_runtime::translate::abi::{StackLayout, ValType};
use host_common::{entry, layout, program};

/// Every thread writes its own id; the loop is the one the translator emits.
const IDS: &str = r#"
@compute @workgroup_size(64)
fn ids(@builtin(global_invocation_id) gid: vec3<u32>) {
    let slot = gid.x;
    let base = params[THREAD_BASE];
    let end = params[THREAD_END];
    let count = params[SLOT_COUNT];
    if slot >= count { return; }
    var t = base + slot;
    loop {
        if t >= end { break; }
        let i = (t - base) * 2u;
        results[i] = 0u | 0x80000000u;
        results[i + 1u] = t;
        if end - t <= count { break; }
        t = t + count;
    }
}
"#;

#[test]
fn sixteen_million_threads_in_chunks() {
    let program = program(IDS, layout(vec![entry("ids", &[], &[ValType::I32])]));
    let options = InstanceOptions {
        // 4 dispatches of 4 Mi threads.
        max_results_bytes: Some(32 << 20),
        ..Default::default()
    };
    let mut instance = Instance::new(&program, &options).expect("instance");
    let threads = 1u64 << 24;
    let out = instance.run("ids", threads, &[]).expect("run");
    assert_eq!(out.threads(), threads);
    assert_eq!(out.trap_count(), 0);
    out.check().expect("no traps");
    for (i, w) in out.raw_iter().enumerate() {
        assert_eq!(w, [0, i as u32], "thread {i}");
    }
    assert_eq!(
        out.result(12_345_678),
        Some(Ok(vec![Value::I32(12_345_678)]))
    );
    assert_eq!(out.result(threads), None);
    assert_eq!(out.all_same(), None);
}

#[test]
fn few_threads_and_zero_threads() {
    let program = program(IDS, layout(vec![entry("ids", &[], &[ValType::I32])]));
    let mut instance = Instance::new(&program, &InstanceOptions::default()).expect("instance");
    let out = instance.run("ids", 3, &[]).expect("run");
    let got: Vec<_> = out.iter().collect();
    assert_eq!(
        got,
        vec![
            Ok(vec![Value::I32(0)]),
            Ok(vec![Value::I32(1)]),
            Ok(vec![Value::I32(2)])
        ]
    );
    let out = instance.run("ids", 1, &[]).expect("run");
    assert_eq!(out.all_same(), Some(vec![Value::I32(0)]));
    let out = instance.run("ids", 0, &[]).expect("run");
    assert_eq!(out.threads(), 0);
    assert_eq!(out.all_same(), None);
    assert!(matches!(
        instance.run("ids", 1 << 40, &[]),
        Err(HostError::TooManyThreads { .. })
    ));
}

/// Each thread reports its slot and the top of its stack, and writes its id at the top word
/// of its stack slot in linear memory.
const STACKS: &str = r#"
@compute @workgroup_size(64)
fn stacks(@builtin(global_invocation_id) gid: vec3<u32>) {
    let slot = gid.x;
    let base = params[THREAD_BASE];
    let end = params[THREAD_END];
    let count = params[SLOT_COUNT];
    if slot >= count { return; }
    let sp = params[STACK_BASE] + (slot + 1u) * params[STACK_SIZE];
    var t = base + slot;
    loop {
        if t >= end { break; }
        let i = (t - base) * 3u;
        atomicStore(&memory[sp / 4u - 1u], t);
        results[i] = 0u | 0x80000000u;
        results[i + 1u] = slot;
        results[i + 2u] = sp;
        if end - t <= count { break; }
        t = t + count;
    }
}
"#;

#[test]
fn stack_slots_live_in_memory() {
    let mut l = layout(vec![entry("stacks", &[], &[ValType::I32, ValType::I32])]);
    l.memory = Some(gpu_runtime::translate::abi::MemoryLayout {
        initial_pages: 2,
        maximum_pages: None,
        active_data: vec![],
    });
    l.globals = vec![gpu_runtime::translate::abi::GlobalLayout {
        word: gpu_runtime::translate::abi::control::GLOBALS,
        ty: ValType::I32,
        mutable: true,
        init: 65536,
        export: None,
    }];
    l.globals_shadow = gpu_runtime::translate::abi::control::GLOBALS + 1;
    l.control_words = gpu_runtime::translate::abi::control::GLOBALS + 2;
    l.stack = Some(StackLayout {
        global_index: 0,
        max_bytes: None,
        own_buffer: false,
    });
    let program = program(STACKS, l);
    let options = InstanceOptions {
        stack_size: 1000, // rounded up to 1024 (a power of two)
        stack_slots: Some(100),
        ..Default::default()
    };
    let mut instance = Instance::new(&program, &options).expect("instance");
    let plan = *instance.memory_plan();
    assert_eq!(plan.stack_base, 2 * 65536);
    assert_eq!(plan.stack_size, 1024);
    assert_eq!(plan.stack_slots, Some(100));
    assert_eq!(instance.memory_size_bytes(), 4 * 65536);
    let out = instance.run("stacks", 1000, &[]).expect("run");
    for (t, w) in out.raw_iter().enumerate() {
        let slot = w[1];
        assert_eq!(slot, t as u32 % 100, "thread {t}");
        assert_eq!(w[2], 2 * 65536 + (slot + 1) * 1024);
    }
    // The last thread of each slot wrote its id at the top of the slot.
    let bytes = instance
        .read_memory(u64::from(plan.stack_base), 100 * 1024)
        .expect("read stacks");
    for slot in 0..100usize {
        let at = (slot + 1) * 1024 - 4;
        let word = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        assert_eq!(word, 900 + slot as u32);
    }
    // The default slot count fits the binding limit and is a multiple of the workgroup size.
    let instance = Instance::new(&program, &InstanceOptions::default()).expect("instance");
    let slots = instance.memory_plan().stack_slots.unwrap();
    assert!(slots >= 64 && slots % 64 == 0 && slots <= 65536, "{slots}");
    assert!(instance.memory_capacity_bytes() <= program.gpu().max_binding_bytes());
}
