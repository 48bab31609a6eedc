//! `TranslateOptions::interleave_stack`: the shadow-stack slots are interleaved word by word
//! (word `k` of slot `s` at index `k * slots + s`), in their own buffer with atomic memory and
//! in place in linear memory with plain memory (the default), and the wasm code cannot tell:
//! unaligned, byte and multi-word accesses to its stack give the same results as with
//! contiguous slots in linear memory.

#![allow(clippy::unwrap_used)]

use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::{translate, StoreMode, TranslateOptions};

/// Each thread takes a 64-byte frame, writes `tid * 16 + k` as the k-th word of it, overwrites
/// bytes across word boundaries (an unaligned i32 and an i64 store, and single bytes), reads
/// the frame back with unaligned and narrow loads, and returns a checksum; it also leaves its
/// id in the frame's first word, where the host finds it. (The translator knows the stack
/// pointer by its name, `__stack_pointer`, as rustc writes it.)
const KERNEL: &str = r#"
(module
  (import "gpu" "thread_id" (func $tid (result i32)))
  (memory 1)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (func (export "run") (result i32)
    (local $fp i32) (local $k i32) (local $sum i32)
    (local.set $fp (i32.sub (global.get $__stack_pointer) (i32.const 64)))
    (global.set $__stack_pointer (local.get $fp))
    (loop $fill
      (i32.store (i32.add (local.get $fp) (i32.shl (local.get $k) (i32.const 2)))
                 (i32.add (i32.mul (call $tid) (i32.const 16)) (local.get $k)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $fill (i32.lt_u (local.get $k) (i32.const 16))))
    (i32.store offset=6 (local.get $fp) (i32.const 0x11223344))
    (i64.store offset=21 (local.get $fp) (i64.const 0x0102030405060708))
    (i32.store8 offset=40 (local.get $fp) (i32.const 0xab))
    (i32.store16 offset=47 (local.get $fp) (i32.const 0xcdef))
    (local.set $k (i32.const 0))
    (loop $sum
      (local.set $sum
        (i32.add (i32.mul (local.get $sum) (i32.const 31))
                 (i32.load offset=1 (i32.add (local.get $fp) (local.get $k)))))
      (local.set $sum (i32.add (local.get $sum)
                 (i32.load8_u offset=3 (i32.add (local.get $fp) (local.get $k)))))
      (local.set $k (i32.add (local.get $k) (i32.const 3)))
      (br_if $sum (i32.lt_u (local.get $k) (i32.const 56))))
    (i32.store (local.get $fp) (call $tid))
    (global.set $__stack_pointer (i32.add (local.get $fp) (i32.const 64)))
    (local.get $sum)))
"#;

/// The same checksum computed on the host from the same byte operations.
fn expected(tid: u32) -> u32 {
    let mut frame = [0u8; 64];
    for k in 0..16u32 {
        let v = tid.wrapping_mul(16).wrapping_add(k);
        frame[k as usize * 4..k as usize * 4 + 4].copy_from_slice(&v.to_le_bytes());
    }
    frame[6..10].copy_from_slice(&0x1122_3344u32.to_le_bytes());
    frame[21..29].copy_from_slice(&0x0102_0304_0506_0708u64.to_le_bytes());
    frame[40] = 0xab;
    frame[47..49].copy_from_slice(&0xcdefu16.to_le_bytes());
    let mut sum = 0u32;
    let mut k = 0usize;
    while k < 56 {
        let w = u32::from_le_bytes(frame[k + 1..k + 5].try_into().unwrap());
        sum = sum.wrapping_mul(31).wrapping_add(w);
        sum = sum.wrapping_add(u32::from(frame[k + 3]));
        k += 3;
    }
    sum
}

fn run(
    interleave: bool,
    stores: StoreMode,
    threads: u64,
    slots: u32,
) -> (Vec<u32>, Vec<u8>, u32, u32) {
    let wasm = wat::parse_str(KERNEL).unwrap();
    let options = TranslateOptions {
        interleave_stack: interleave,
        stores,
        ..TranslateOptions::entry("run")
    };
    let translation = translate(&wasm, &options).unwrap();
    let program = Program::new(&shared_gpu().unwrap(), translation).unwrap();
    let mut instance = Instance::new(
        &program,
        &InstanceOptions {
            stack_size: 256,
            fit_stack: false,
            stack_slots: Some(slots),
            ..InstanceOptions::default()
        },
    )
    .unwrap();
    let out = instance
        .run("run", threads, &[])
        .unwrap()
        .into_result()
        .unwrap();
    let sums = (0..threads)
        .map(|t| match out.result(t).unwrap().unwrap()[0] {
            Value::I32(v) => v as u32,
            ref other => panic!("thread {t}: {other:?}"),
        })
        .collect();
    let plan = *instance.memory_plan();
    let bytes = instance
        .read_memory(
            u64::from(plan.stack_base),
            u64::from(slots) * u64::from(plan.stack_size),
        )
        .unwrap();
    (sums, bytes, plan.stack_size, slots)
}

fn word(bytes: &[u8], index: usize) -> u32 {
    u32::from_le_bytes(bytes[index * 4..index * 4 + 4].try_into().unwrap())
}

#[test]
fn with_atomic_memory_stacks_in_their_own_buffer_give_the_same_results() {
    let (threads, slots) = (1000u64, 128u32);
    let (plain_sums, plain_bytes, _, _) = run(false, StoreMode::Atomic, threads, slots);
    for (t, s) in plain_sums.iter().enumerate() {
        assert_eq!(*s, expected(t as u32), "contiguous: thread {t}");
    }
    let (sums, bytes, size, _) = run(true, StoreMode::Atomic, threads, slots);
    for (t, s) in sums.iter().enumerate() {
        assert_eq!(*s, expected(t as u32), "thread {t}");
    }
    // Nothing of the stacks is in linear memory: they are in the stack buffer.
    assert_eq!(size, 256);
    assert!(bytes.iter().all(|&b| b == 0), "stack bytes found in memory");
    assert_eq!(plain_sums, sums);
    // Contiguous slots in memory: the frame is the top 64 bytes of a 256-byte slot, its first
    // word is word 48 of the slot, where the last thread of slot s left its id.
    let last = |s: u64| (threads - 1 - s) / u64::from(slots) * u64::from(slots) + s;
    for s in 0..u64::from(slots) {
        assert_eq!(
            word(&plain_bytes, s as usize * 64 + 48),
            last(s) as u32,
            "contiguous slot {s}"
        );
    }
}

#[test]
fn with_plain_memory_the_interleaved_stacks_stay_in_memory() {
    let (threads, slots) = (1000u64, 128u32);
    for stores in [StoreMode::AtomicPartial, StoreMode::Plain] {
        let (sums, bytes, size, _) = run(true, stores, threads, slots);
        for (t, s) in sums.iter().enumerate() {
            assert_eq!(*s, expected(t as u32), "{stores:?} thread {t}");
        }
        // The frame's first word is word 48 of a 256-byte slot; interleaved, word 48 of slot s
        // is word 48 * slots + s of the region, where the last thread of slot s left its id.
        assert_eq!(size, 256);
        let last = |s: u64| (threads - 1 - s) / u64::from(slots) * u64::from(slots) + s;
        for s in 0..u64::from(slots) {
            assert_eq!(
                word(&bytes, 48 * slots as usize + s as usize),
                last(s) as u32,
                "{stores:?} slot {s}"
            );
        }
    }
}
