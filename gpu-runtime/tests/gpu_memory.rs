//! Linear memory on a real GPU: a million threads storing single bytes side by side, loads and
//! stores of every width at every alignment (compared with wasmi's memory), `memory.size` /
//! `memory.grow` up to the limit (also from many threads at once), bulk memory (overlapping
//! copies, fill, init, data.drop, active segments) and state persisting between runs.
//!
//! Threads learn their id through the `gpu.thread_id` intrinsic (docs/ABI.md). Modules with a
//! memory are run one argument set per dispatch (see `common/mod.rs`).

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;

const MIB: u64 = 1 << 20;

/// The byte thread `t` stores in the headline test.
fn byte_of(t: u64) -> u8 {
    let t = t as u32;
    ((t.wrapping_mul(0x9e37_79b1) >> 13) ^ t) as u8
}

/// 1,048,576 threads each store one byte at `base + thread_id`: four threads share every word,
/// so the sub-word stores must not lose each other's bytes. Every byte reads back correctly,
/// through the host and through a second run in which every thread loads its own byte and its
/// neighbours' (with unaligned 16- and 32-bit loads across word boundaries).
#[test]
fn million_threads_store_one_byte_each() {
    let wat = r#"(module
  (import "gpu" "thread_id" (func $tid (result i32)))
  (memory (export "memory") 18)
  (func (export "store") (param $base i32)
    (local $t i32)
    (local.set $t (call $tid))
    (i32.store8 (i32.add (local.get $base) (local.get $t))
      (i32.xor
        (i32.shr_u (i32.mul (local.get $t) (i32.const 0x9e3779b1)) (i32.const 13))
        (local.get $t))))
  (func (export "check") (param $base i32) (result i32 i32 i32)
    (local $a i32)
    (local.set $a (i32.add (local.get $base) (call $tid)))
    (i32.load8_u (local.get $a))
    (i32.load16_u offset=1 (local.get $a))
    (i32.load offset=3 (local.get $a))))"#;
    let bytes = wasm(wat);
    let mut inst = gpu_instance(&bytes, &InstanceOptions::default());
    let base = 65536 + 3; // not word aligned
    let n = MIB;
    // Garbage around the target range must survive.
    inst.write_memory(base - 3, &[0xa5; 3]).unwrap();
    inst.write_memory(base + n, &[0x5a; 16]).unwrap();
    let t = std::time::Instant::now();
    let out = inst.run("store", n, &[Value::I32(base as i32)]).unwrap();
    println!(
        "store: {n} threads in {:?} ({:?})",
        t.elapsed(),
        out.timings()
    );
    assert_eq!(out.trap_count(), 0, "{:?}", out.first_trap());
    let mem = inst.read_memory(base, n).unwrap();
    let wrong: Vec<u64> = (0..n)
        .filter(|t| mem[*t as usize] != byte_of(*t))
        .take(10)
        .collect();
    assert!(wrong.is_empty(), "bytes of threads {wrong:?} are wrong");
    assert_eq!(inst.read_memory(base - 3, 3).unwrap(), [0xa5; 3]);
    assert_eq!(inst.read_memory(base + n, 16).unwrap(), [0x5a; 16]);

    // Every thread reads back its own byte and the next few (the last threads read into the
    // 0x5a guard bytes).
    let out = inst.run("check", n, &[Value::I32(base as i32)]).unwrap();
    assert_eq!(out.trap_count(), 0);
    let at = |i: u64| -> u8 {
        if i < n {
            byte_of(i)
        } else {
            0x5a
        }
    };
    for t in 0..n {
        let want = vec![
            Value::I32(i32::from(at(t))),
            Value::I32(i32::from(u16::from_le_bytes([at(t + 1), at(t + 2)]))),
            Value::I32(i32::from_le_bytes([
                at(t + 3),
                at(t + 4),
                at(t + 5),
                at(t + 6),
            ])),
        ];
        let got = out.result(t).unwrap();
        assert_eq!(got, Ok(want), "thread {t}");
    }
}

/// Half a million threads each store 16 bits at an odd address: every other store straddles a
/// word boundary, sharing both words with its neighbours.
#[test]
fn unaligned_16_bit_stores_from_many_threads() {
    let wat = r#"(module
  (import "gpu" "thread_id" (func $tid (result i32)))
  (memory (export "memory") 17)
  (func (export "store") (param $base i32)
    (i32.store16 (i32.add (local.get $base) (i32.shl (call $tid) (i32.const 1)))
      (i32.add (call $tid) (i32.const 0x1234)))))"#;
    let mut inst = gpu_instance(&wasm(wat), &InstanceOptions::default());
    let n = MIB / 2;
    let base = 1u64;
    inst.write_memory(0, &[0xee]).unwrap();
    inst.write_memory(base + 2 * n, &[0xdd; 3]).unwrap();
    let out = inst.run("store", n, &[Value::I32(base as i32)]).unwrap();
    assert_eq!(out.trap_count(), 0);
    let mem = inst.read_memory(0, 2 * n + 4).unwrap();
    assert_eq!(mem[0], 0xee);
    for t in 0..n as usize {
        let v = u16::from_le_bytes([mem[1 + 2 * t], mem[2 + 2 * t]]);
        assert_eq!(v, (t as u32 + 0x1234) as u16, "thread {t}");
    }
    assert_eq!(&mem[1 + 2 * n as usize..], &[0xdd; 3]);
}

/// Every store width at every alignment 0..7 (and with memarg offsets), then every load width at
/// every address of the region, compared with wasmi: the loads' results and the memory bytes.
#[test]
fn every_width_at_every_alignment() {
    let stores = [
        ("i32.store", "i32"),
        ("i32.store8", "i32"),
        ("i32.store16", "i32"),
        ("i64.store", "i64"),
        ("i64.store8", "i64"),
        ("i64.store16", "i64"),
        ("i64.store32", "i64"),
        ("f32.store", "f32"),
        ("f64.store", "f64"),
    ];
    let loads = [
        ("i32.load", "i32"),
        ("i32.load8_s", "i32"),
        ("i32.load8_u", "i32"),
        ("i32.load16_s", "i32"),
        ("i32.load16_u", "i32"),
        ("i64.load", "i64"),
        ("i64.load8_s", "i64"),
        ("i64.load8_u", "i64"),
        ("i64.load16_s", "i64"),
        ("i64.load16_u", "i64"),
        ("i64.load32_s", "i64"),
        ("i64.load32_u", "i64"),
        ("f32.load", "f32"),
        ("f64.load", "f64"),
    ];
    let mut wat = String::from("(module\n  (memory (export \"memory\") 1)\n");
    for (op, t) in stores {
        wat += &format!(
            "  (func (export \"{op}\") (param i32 {t}) ({op} (local.get 0) (local.get 1)))\n"
        );
        wat += &format!(
            "  (func (export \"{op}_off\") (param i32 {t}) ({op} offset=13 (local.get 0) (local.get 1)))\n"
        );
    }
    for (op, t) in loads {
        wat +=
            &format!("  (func (export \"{op}\") (param i32) (result {t}) ({op} (local.get 0)))\n");
        wat += &format!(
            "  (func (export \"{op}_off\") (param i32) (result {t}) ({op} offset=65530 (local.get 0)))\n"
        );
    }
    wat += ")";
    let mut h = Harness::unbatched(&wat, &InstanceOptions::default());
    let mut rng = Rng::new(0xa11);
    let ty = |t: &str| match t {
        "i32" => ValType::I32,
        "i64" => ValType::I64,
        "f32" => ValType::F32,
        _ => ValType::F64,
    };
    // Stores: every op at 8 alignments in the first 128 bytes, and with the offset near the end of
    // memory; random values, NaN payloads included.
    let mut addr = 0;
    for (k, (op, t)) in stores.into_iter().enumerate() {
        let mut sets = Vec::new();
        for a in 0..8 {
            sets.push(vec![Value::I32(addr + a), rng.value(ty(t))]);
            addr += 1;
        }
        h.check(op, &sets);
        let sets: Vec<Vec<Value>> = (0..8)
            .map(|a| vec![Value::I32(65300 + 20 * k as i32 + a), rng.value(ty(t))])
            .collect();
        h.check(&format!("{op}_off"), &sets);
        addr = (addr + 3) % 120;
    }
    h.check(
        "f32.store",
        &[vec![Value::I32(201), Value::F32Bits(0x7fa0_0001)]],
    );
    h.check(
        "f64.store",
        &[vec![Value::I32(211), Value::F64Bits(0xfff4_0000_dead_beef)]],
    );
    // The whole memory is the same in both.
    let want = h.oracle.memory();
    let got = h.gpu.read_memory(0, want.len() as u64).unwrap();
    let diff: Vec<usize> = (0..want.len())
        .filter(|i| want[*i] != got[*i])
        .take(10)
        .collect();
    assert!(diff.is_empty(), "memory differs at {diff:?}");

    // Loads at every address of the stored region, plus the last addresses (traps past the end).
    let mut sets: Vec<Vec<Value>> = (0..224).map(|a| vec![Value::I32(a)]).collect();
    sets.extend((65528..65537).map(|a| vec![Value::I32(a)]));
    sets.extend((65400..65540).step_by(7).map(|a| vec![Value::I32(a)]));
    for (op, _) in loads {
        h.check(op, &sets);
    }
    let off_sets: Vec<Vec<Value>> = (0..12).map(|a| vec![Value::I32(a)]).collect();
    for (op, _) in loads {
        h.check(&format!("{op}_off"), &off_sets);
    }
    h.report("widths and alignments");
}

#[test]
fn memory_size_and_grow() {
    let wat = r#"(module
  (memory (export "memory") 1 4)
  (func (export "size") (result i32) memory.size)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "poke") (param i32 i32) (result i32)
    (i32.store (local.get 0) (local.get 1))
    (i32.load (local.get 0))))"#;
    let mut h = Harness::unbatched(wat, &InstanceOptions::default());
    let i = Value::I32;
    h.check("size", &[vec![]]);
    h.check("poke", &[vec![i(65532), i(7)], vec![i(65536), i(8)]]); // second one traps
    h.check("grow", &[vec![i(0)], vec![i(1)]]);
    assert_eq!(h.gpu.memory_size_bytes(), 2 * 65536);
    h.check("size", &[vec![]]);
    // The new page is usable, and zeroed.
    h.check(
        "poke",
        &[
            vec![i(65536), i(8)],
            vec![i(131068), i(9)],
            vec![i(131072), i(1)],
        ],
    );
    assert_eq!(h.gpu.read_memory(131068, 4).unwrap(), 9u32.to_le_bytes());
    h.check(
        "grow",
        &[
            vec![i(3)],
            vec![i(-1)],
            vec![i(0x10000)],
            vec![i(2)],
            vec![i(1)],
            vec![i(0)],
        ],
    );
    h.check("size", &[vec![]]);
    h.check(
        "poke",
        &[vec![i(4 * 65536 - 4), i(10)], vec![i(4 * 65536), i(10)]],
    );
    assert_eq!(h.gpu.memory_size_bytes(), 4 * 65536);
    let want = h.oracle.memory();
    assert_eq!(h.gpu.read_memory(0, want.len() as u64).unwrap(), want);

    // No declared maximum: the instance's `max_memory_bytes` is the limit (wasmi has none).
    let wat = r#"(module
  (memory (export "memory") 2)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#;
    let options = InstanceOptions {
        max_memory_bytes: 5 * 65536,
        ..InstanceOptions::default()
    };
    let mut inst = gpu_instance(&wasm(wat), &options);
    let mut grow = |d: i32| gpu_call(&mut inst, "grow", &[Value::I32(d)]).unwrap()[0];
    assert_eq!(grow(4), Value::I32(-1));
    assert_eq!(grow(3), Value::I32(2));
    assert_eq!(grow(1), Value::I32(-1));
    assert_eq!(grow(0), Value::I32(5));
}

/// 300 threads grow by one page each at once: the first 100 succeed with distinct old sizes,
/// the rest get -1, and the memory ends at its maximum.
#[test]
fn concurrent_grow() {
    let wat = r#"(module
  (memory (export "memory") 1 101)
  (func (export "grow") (result i32 i32)
    (memory.grow (i32.const 1))
    memory.size))"#;
    let mut inst = gpu_instance(&wasm(wat), &InstanceOptions::default());
    let out = inst.run("grow", 300, &[]).unwrap();
    assert_eq!(out.trap_count(), 0);
    let mut old: Vec<i32> = out
        .iter()
        .map(|r| {
            let r = r.unwrap();
            let (o, size) = (r[0].as_i32().unwrap(), r[1].as_i32().unwrap());
            assert!(size > o, "size {size} after growing from {o}");
            o
        })
        .collect();
    old.sort();
    let mut want = vec![-1; 200];
    want.extend(1..=100);
    assert_eq!(old, want);
    assert_eq!(inst.memory_size_bytes(), 101 * 65536);
}

#[test]
fn bulk_memory() {
    let wat = r#"(module
  (memory (export "memory") 1)
  (data (i32.const 3) "active segment at 3")
  (data (i32.const 10) "overwrites")
  (data (i32.const 65530) "\01\02\03\04\05\06")
  (data $p0 "passive zero: 0123456789abcdefghijklmnopqrstuvwxyz")
  (data $p1 "\ff\fe\fd\fc\fb\fa\f9")
  (data $empty "")
  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init0") (param i32 i32 i32) (memory.init $p0 (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init1") (param i32 i32 i32) (memory.init $p1 (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init_empty") (param i32 i32 i32) (memory.init $empty (local.get 0) (local.get 1) (local.get 2)))
  (func (export "drop0") (data.drop $p0))
  (func (export "drop1") (data.drop $p1)))"#;
    let mut h = Harness::unbatched(wat, &InstanceOptions::default());
    let region = 512usize;
    let compare = |h: &mut Harness, what: &str| {
        let want = h.oracle.memory();
        let got = h.gpu.read_memory(0, region as u64).unwrap();
        assert_eq!(got, want[..region], "memory after {what}");
        let tail = h.gpu.read_memory(65536 - 16, 16).unwrap();
        assert_eq!(tail, want[65536 - 16..], "memory end after {what}");
    };
    compare(&mut h, "instantiation (active segments)");
    let mut rng = Rng::new(0xb01c);
    let i = |v: u64| Value::I32(v as i32);
    for step in 0..150 {
        let n = rng.below(40);
        let a = rng.below(region as u64 - 40);
        let b = rng.below(region as u64 - 40);
        let (op, args) = match step % 5 {
            // Overlapping copies, both directions.
            0 => ("copy", vec![i(a), i(a + rng.below(9)), i(n)]),
            1 => ("copy", vec![i(b + rng.below(9)), i(b), i(n)]),
            2 => ("fill", vec![i(a), Value::I32(rng.i32()), i(n)]),
            3 => ("init0", vec![i(a), i(rng.below(50)), i(rng.below(20))]),
            _ => ("init1", vec![i(a), i(rng.below(9)), i(rng.below(8))]),
        };
        h.check(op, &[args.clone()]);
        compare(&mut h, &format!("{op}{}", show_values(&args)));
    }
    // Copies and fills reaching the last byte, zero-length operations at the end of memory.
    h.check(
        "copy",
        &[
            vec![i(65530), i(65531), i(5)],
            vec![i(65531), i(65530), i(5)],
            vec![i(65536), i(0), i(0)],
        ],
    );
    h.check(
        "fill",
        &[
            vec![i(65534), Value::I32(0x1ab), i(2)],
            vec![i(65536), i(1), i(0)],
        ],
    );
    h.check(
        "init_empty",
        &[
            vec![i(0), i(0), i(0)],
            vec![i(0), i(0), i(1)],
            vec![i(65536), i(0), i(0)],
        ],
    );
    compare(&mut h, "end-of-memory operations");
    // Dropping a segment: init of 0 bytes at offset 0 still works, anything else traps.
    h.check("drop0", &[vec![], vec![]]);
    h.check(
        "init0",
        &[
            vec![i(0), i(0), i(0)],
            vec![i(0), i(0), i(1)],
            vec![i(0), i(1), i(0)],
        ],
    );
    h.check("init1", &[vec![i(100), i(0), i(7)]]);
    h.check("drop1", &[vec![]]);
    h.check("init1", &[vec![i(100), i(0), i(1)]]);
    compare(&mut h, "data.drop");
    // Bulk operations over a large range (many words at once).
    h.check("fill", &[vec![i(1001), Value::I32(0x77), i(30000)]]);
    h.check(
        "copy",
        &[
            vec![i(1003), i(1000), i(30000)],
            vec![i(999), i(1003), i(30001)],
        ],
    );
    let want = h.oracle.memory();
    assert_eq!(h.gpu.read_memory(0, 65536).unwrap(), want);
    h.report("bulk memory");
}

/// Globals and memory persist between runs of one instance (and between different exports),
/// exactly as in one wasmi instance.
#[test]
fn state_persists_between_runs() {
    let wat = r#"(module
  (memory (export "memory") 1)
  (global $count (export "count") (mut i32) (i32.const 0))
  (global $sum (export "sum") (mut i64) (i64.const 100))
  (global $last (export "last") (mut f64) (f64.const 0))
  (func (export "push") (param i32) (result i32)
    (i32.store (i32.shl (global.get $count) (i32.const 2)) (local.get 0))
    (global.set $sum (i64.add (global.get $sum) (i64.extend_i32_s (local.get 0))))
    (global.set $last (f64.convert_i32_s (local.get 0)))
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (global.get $count))
  (func (export "pop") (result i32)
    (global.set $count (i32.sub (global.get $count) (i32.const 1)))
    (i32.load (i32.shl (global.get $count) (i32.const 2))))
  (func (export "total") (result i64 f64) (global.get $sum) (global.get $last)))"#;
    let mut h = Harness::unbatched(wat, &InstanceOptions::default());
    let mut rng = Rng::new(0x57);
    for round in 0..4 {
        let pushes: Vec<Vec<Value>> = (0..10).map(|_| vec![Value::I32(rng.i32())]).collect();
        h.check("push", &pushes);
        h.check("pop", &vec![vec![]; 3 + round]);
        h.check("total", &[vec![]]);
        for g in ["count", "sum", "last"] {
            let got = h.gpu.read_global_export(g).unwrap().unwrap();
            assert_eq!(got, h.oracle.global(g), "global {g} after round {round}");
        }
        let want = h.oracle.memory();
        assert_eq!(h.gpu.read_memory(0, 256).unwrap(), want[..256]);
    }
    // Host writes are seen by the next run, like wasmi's.
    h.gpu.write_memory(0, &77u32.to_le_bytes()).unwrap();
    let count = h
        .gpu
        .read_global_export("count")
        .unwrap()
        .unwrap()
        .as_i32()
        .unwrap();
    let out = h.gpu.run("push", 1, &[Value::I32(5)]).unwrap();
    assert_eq!(out.all_same(), Some(vec![Value::I32(count + 1)]));
    assert_eq!(h.gpu.read_memory(0, 4).unwrap(), 77u32.to_le_bytes());
}

/// Sub-word stores inside the threads' own shadow-stack slots (which the translator may do as
/// plain read-modify-writes: `StoreMode::PrivatePlain`, `StoreMode::AtomicPartial`), in every
/// stack layout, from many threads sharing few slots,
/// next to the neighbouring slot: every thread's result matches wasmi's for its id.
#[test]
fn stack_slot_stores_from_many_threads() {
    let wat = r#"(module
  (import "gpu" "thread_id" (func $tid (result i32)))
  (memory (export "memory") 1)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  ;; A 48-byte frame: zero it, store bytes, halves and words at seed-dependent (unaligned)
  ;; offsets, return a checksum of the frame.
  (func $work (export "work") (param $seed i32) (result i64)
    (local $sp i32) (local $k i32) (local $sum i64)
    (global.set $__stack_pointer (local.tee $sp (i32.sub (global.get $__stack_pointer) (i32.const 48))))
    (memory.fill (local.get $sp) (i32.const 0) (i32.const 48))
    (loop $l
      (i32.store8 (i32.add (local.get $sp) (i32.rem_u (i32.add (i32.mul (local.get $seed) (i32.const 7)) (i32.mul (local.get $k) (i32.const 5))) (i32.const 48)))
        (i32.add (local.get $seed) (local.get $k)))
      (i32.store16 (i32.add (local.get $sp) (i32.rem_u (i32.add (local.get $seed) (i32.mul (local.get $k) (i32.const 3))) (i32.const 47)))
        (i32.mul (local.get $seed) (i32.const 0x101)))
      (i64.store32 (i32.add (local.get $sp) (i32.rem_u (i32.add (local.get $seed) (i32.mul (local.get $k) (i32.const 11))) (i32.const 45)))
        (i64.extend_i32_u (i32.xor (local.get $seed) (i32.const 0xa5a5a5a5))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $k) (i32.const 12))))
    (local.set $k (i32.const 0))
    (loop $l
      (local.set $sum (i64.add (i64.rotl (local.get $sum) (i64.const 7))
        (i64.load (i32.add (local.get $sp) (local.get $k)))))
      (local.set $k (i32.add (local.get $k) (i32.const 5)))
      (br_if $l (i32.le_u (local.get $k) (i32.const 40))))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 48)))
    (local.get $sum))
  (func (export "all") (result i64) (call $work (call $tid))))"#;
    let bytes = wasm(wat);
    let threads = 5000u64;
    let mut oracle = Oracle::new(&bytes);
    let want: Vec<Outcome> = (0..threads)
        .map(|t| oracle.call("work", &[Value::I32(t as i32)]))
        .collect();
    use gpu_runtime::translate::StoreMode;
    for (stores, interleave_stack) in [
        (StoreMode::AtomicPartial, true),
        (StoreMode::AtomicPartial, false),
        (StoreMode::PrivatePlain, false),
        (StoreMode::Atomic, true),
    ] {
        let options = gpu_runtime::translate::TranslateOptions {
            stores,
            interleave_stack,
            ..Default::default()
        };
        let translation = gpu_runtime::translate::translate(&bytes, &options).unwrap();
        let program = Program::new(&gpu_runtime::host::shared_gpu().unwrap(), translation).unwrap();
        let mut inst = Instance::new(
            &program,
            &InstanceOptions {
                stack_size: 64,
                stack_slots: Some(128),
                ..InstanceOptions::default()
            },
        )
        .unwrap();
        let out = inst.run("all", threads, &[]).unwrap();
        for t in 0..threads {
            assert_eq!(
                out.result(t).as_ref(),
                Some(&want[t as usize]),
                "{stores:?} (interleaved: {interleave_stack}) thread {t}"
            );
        }
    }
}

/// The module's start function runs at instantiation (wasm semantics): here it initialises a
/// global and memory. The translator reads the start section but neither runs the function nor
/// rejects the module, so the GPU instance starts with the global's initial value and zeroed
/// memory.
#[test]
fn start_function_initialises_state() {
    let wat = r#"(module
  (memory (export "memory") 1)
  (global $g (export "g") (mut i32) (i32.const 1))
  (func $init
    (global.set $g (i32.const 42))
    (i32.store (i32.const 8) (i32.const 0x1234)))
  (start $init)
  (func (export "read") (result i32 i32) (global.get $g) (i32.load (i32.const 8))))"#;
    let mut h = Harness::unbatched(wat, &InstanceOptions::default());
    h.check("read", &[vec![]]);
}

/// Every thread of one run sees the globals as they were when the run started (each thread is
/// its own call; only thread 0's writes are kept afterwards). Today thread 0 writes its globals
/// back to `control` as soon as it ends, and threads that start later (the later threads of
/// thread 0's own slot, and invocations scheduled after it) load the updated values: with
/// 100,000 threads about half of them see `11` here.
#[test]
fn threads_of_a_run_see_the_globals_of_its_start() {
    let wat = r#"(module
  (global $c (export "c") (mut i32) (i32.const 10))
  (func (export "inc") (result i32)
    (global.get $c)
    (global.set $c (i32.add (global.get $c) (i32.const 1)))))"#;
    let mut inst = gpu_instance(&wasm(wat), &InstanceOptions::default());
    let out = inst.run("inc", 100_000, &[]).unwrap();
    let late: Vec<u64> = (0..100_000)
        .filter(|t| out.result(*t) != Some(Ok(vec![Value::I32(10)])))
        .take(10)
        .collect();
    assert!(late.is_empty(), "threads {late:?} saw thread 0's write");
    assert_eq!(inst.read_global_export("c").unwrap(), Some(Value::I32(11)));
}
