//! Instance state: memory and globals persist between runs, data segments, host memory access,
//! argument and result encoding.

#![allow(clippy::unwrap_used, clippy::panic)]

mod host_common;

use gpu_runtime::host::{HostError, Instance, InstanceOptions, Value};
use gpu_runtime::translate::abi::{
    ActiveData, GlobalLayout, MemoryLayout, ModuleLayout, PassiveData, ValType,
};
use host_common::{entry, instance, layout, program};

/// `bump`: every thread adds 1 to memory word `1024 + thread` and returns the new value; thread 0
/// also increments global 0 (control word 11, through its shadow copy at word 15) and returns
/// the memory size word.
const BUMP: &str = r#"
@compute @workgroup_size(64)
fn bump(@builtin(global_invocation_id) gid: vec3<u32>) {
    let slot = gid.x;
    let base = params[THREAD_BASE];
    let end = params[THREAD_END];
    let count = params[SLOT_COUNT];
    if slot >= count { return; }
    var t = base + slot;
    loop {
        if t >= end { break; }
        let i = (t - base) * 3u;
        results[i] = 0u | 0x80000000u;
        results[i + 1u] = atomicAdd(&memory[1024u + t], 1u) + 1u;
        results[i + 2u] = 0u;
        if t == 0u {
            // Thread 0's final globals go to the shadow copy (word 15), applied after the run.
            atomicStore(&control[15], atomicLoad(&control[11]) + 1u);
            results[i + 2u] = atomicLoad(&control[0]);
        }
        if end - t <= count { break; }
        t = t + count;
    }
}

// `peek(addr)`: the memory word at byte address `addr`, the data word at `addr` and the
// control word `addr / 4` (tests only read the ones in bounds).
@compute @workgroup_size(64)
fn peek(@builtin(global_invocation_id) gid: vec3<u32>) {
    if gid.x >= params[SLOT_COUNT] { return; }
    let addr = params[ARGS];
    results[0] = 0x80000000u;
    results[1] = atomicLoad(&memory[addr / 4u]);
    results[2] = data[addr / 4u];
    results[3] = atomicLoad(&control[addr / 4u]);
}
"#;

fn bump_layout() -> ModuleLayout {
    let mut l = layout(vec![
        entry("bump", &[], &[ValType::I32, ValType::I32]),
        entry(
            "peek",
            &[ValType::I32],
            &[ValType::I32, ValType::I32, ValType::I32],
        ),
    ]);
    l.memory = Some(MemoryLayout {
        initial_pages: 1,
        maximum_pages: Some(3),
        active_data: vec![
            ActiveData {
                offset: 0x101,
                bytes: vec![0xaa, 0xbb, 0xcc],
            },
            ActiveData {
                offset: 0x102,
                bytes: vec![0x11],
            },
        ],
    });
    l.globals = vec![
        GlobalLayout {
            word: 11,
            ty: ValType::I32,
            mutable: true,
            init: 40,
            export: Some("counter".into()),
        },
        GlobalLayout {
            word: 12,
            ty: ValType::I64,
            mutable: false,
            init: 0x1234_5678_9abc_def0,
            export: None,
        },
    ];
    l.data = vec![1, 2, 3, 4, 5, 6];
    l.passive_data = vec![PassiveData {
        segment: 0,
        offset: 0,
        len: 6,
        control_word: 14,
    }];
    // Globals at 11..13 (the i64 takes two words; `control::GLOBALS` is 11), passive length at
    // 14, shadow at 15..17.
    l.globals_shadow = 15;
    l.control_words = 18;
    l
}

#[test]
fn memory_and_globals_persist() {
    let mut inst = instance(BUMP, bump_layout());
    assert_eq!(inst.memory_size_bytes(), 65536);
    assert_eq!(inst.memory_capacity_bytes(), 3 * 65536);
    assert_eq!(inst.read_global(0).expect("global"), Value::I32(40));
    assert_eq!(
        inst.read_global(1).expect("global"),
        Value::I64(0x1234_5678_9abc_def0)
    );
    for round in 1..=3 {
        let out = inst.run("bump", 1000, &[]).expect("run");
        out.check().expect("no traps");
        assert_eq!(
            out.result(0),
            Some(Ok(vec![Value::I32(round), Value::I32(65536)]))
        );
        for t in 1..1000 {
            assert_eq!(
                out.result(t),
                Some(Ok(vec![Value::I32(round), Value::I32(0)]))
            );
        }
    }
    assert_eq!(inst.read_global(0).expect("global"), Value::I32(43));
    assert_eq!(
        inst.read_global_export("counter").expect("global"),
        Some(Value::I32(43))
    );
    let bytes = inst.read_memory(4 * (1024 + 999), 8).expect("read");
    assert_eq!(bytes, [3, 0, 0, 0, 0, 0, 0, 0]);

    inst.write_global(0, Value::I32(-5)).expect("write global");
    assert_eq!(inst.read_global(0).expect("global"), Value::I32(-5));
    assert!(matches!(
        inst.write_global(0, Value::I64(1)),
        Err(HostError::GlobalTypeMismatch { .. })
    ));
    assert!(matches!(
        inst.read_global(7),
        Err(HostError::NoSuchGlobal { index: 7, count: 2 })
    ));
}

#[test]
fn data_segments_and_host_memory_access() {
    let mut inst = instance(BUMP, bump_layout());
    // Segment 1 overwrote the middle byte of segment 0.
    assert_eq!(
        inst.read_memory(0x100, 5).expect("read"),
        [0, 0xaa, 0x11, 0xcc, 0]
    );
    let out = inst.run("peek", 1, &[Value::I32(0x100)]).expect("run");
    assert_eq!(
        out.result(0).unwrap().unwrap()[0],
        Value::I32(0xcc11_aa00_u32 as i32)
    );
    // Passive data and its live length.
    let out = inst.run("peek", 1, &[Value::I32(0)]).expect("run");
    assert_eq!(out.result(0).unwrap().unwrap()[1], Value::I32(0x0403_0201));
    let out = inst.run("peek", 1, &[Value::I32(56)]).expect("run");
    assert_eq!(out.result(0).unwrap().unwrap()[2], Value::I32(6));

    // Unaligned writes keep the neighbouring bytes.
    inst.write_memory(0x103, &[1, 2, 3, 4, 5, 6])
        .expect("write");
    assert_eq!(
        inst.read_memory(0x100, 12).expect("read"),
        [0, 0xaa, 0x11, 1, 2, 3, 4, 5, 6, 0, 0, 0]
    );
    inst.write_memory(0x1, &[9]).expect("write");
    assert_eq!(inst.read_memory(0, 4).expect("read"), [0, 9, 0, 0]);
    assert!(matches!(
        inst.read_memory(65535, 2),
        Err(HostError::MemoryOutOfBounds { .. })
    ));
    assert!(matches!(
        inst.write_memory(u64::MAX, &[1]),
        Err(HostError::MemoryOutOfBounds { .. })
    ));
}

#[test]
fn data_segment_outside_initial_memory_fails() {
    let mut l = bump_layout();
    if let Some(m) = &mut l.memory {
        m.active_data.push(ActiveData {
            offset: 65535,
            bytes: vec![1, 2],
        });
    }
    let err = Instance::new(&program(BUMP, l), &InstanceOptions::default()).expect_err("oob");
    assert!(
        matches!(err, HostError::DataSegmentOutOfBounds { index: 2, .. }),
        "{err}"
    );
}

/// Arguments arrive as raw bits, low word first; results go back the same way.
const ECHO: &str = r#"
@compute @workgroup_size(64)
fn echo(@builtin(global_invocation_id) gid: vec3<u32>) {
    let slot = gid.x;
    if slot >= params[SLOT_COUNT] { return; }
    let base = params[THREAD_BASE];
    let end = params[THREAD_END];
    var t = base + slot;
    loop {
        if t >= end { break; }
        let i = (t - base) * 7u;
        results[i] = 0u | 0x80000000u;
        for (var k = 0u; k < 6u; k++) {
            results[i + 1u + k] = params[ARGS + k];
        }
        t = t + params[SLOT_COUNT];
    }
}
"#;

#[test]
fn values_cross_as_raw_bits() {
    let tys = [ValType::I32, ValType::I64, ValType::F32, ValType::F64];
    let mut inst = instance(ECHO, layout(vec![entry("echo", &tys, &tys)]));
    let args = [
        Value::I32(-7),
        Value::I64(-0x1_0000_0002),
        Value::F32Bits(0x7fa0_0001), // a signalling NaN with payload
        Value::f64(-0.0),
    ];
    let out = inst.run("echo", 130, &args).expect("run");
    assert_eq!(out.all_same(), Some(args.to_vec()));
    assert_eq!(
        out.raw(129),
        Some(
            &[
                0,
                0xffff_fff9,
                0xffff_fffe,
                0xffff_fffe,
                0x7fa0_0001,
                0,
                0x8000_0000
            ][..]
        )
    );
}
