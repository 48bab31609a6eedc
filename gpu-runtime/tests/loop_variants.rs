//! Generated loops for the loop passes (`translate/counted_loops.rs`, `loop_invariants.rs`,
//! `store_groups.rs`), checked against wasmi with memory included after every call: counters
//! counting down to zero, up to a limit, and by two from an even count; load groups whose base
//! steps by 4 to 48 bytes before or after them (versioned loops and not); store groups that
//! step through memory; an early exit that keeps a loop from being versioned. Arguments put
//! the accesses at aligned, unaligned, near-the-end, out-of-bounds and wrapping addresses,
//! so the copies with and without checks, the trap tests and the trap offsets all run.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use gpu_runtime::translate::StoreMode;

/// Bytes `i * 13 + 5` in the first and last 1 KiB of the page.
fn data() -> String {
    let bytes = |range: std::ops::Range<usize>| -> String {
        range
            .map(|i| format!("\\{:02x}", (i * 13 + 5) & 0xff))
            .collect()
    };
    format!(
        "(data (i32.const 0) \"{}\") (data (i32.const 64512) \"{}\")",
        bytes(0..1024),
        bytes(64512..65536)
    )
}

/// One generated function `f(p, q, n) -> i32`.
struct Case {
    wat: String,
    /// Counts `n` below this make the loop go round 2^31 or 2^32 times (only run where the
    /// loads soon leave memory).
    long_below: i32,
}

fn case(rng: &mut Rng) -> Case {
    let form = rng.below(3);
    let (pre, back_edge, long_below) = match form {
        0 => (
            "(local.set $k (local.get $n))",
            "(br_if 0 (local.tee $k (i32.add (local.get $k) (i32.const -1))))",
            1,
        ),
        1 => (
            "(local.set $k (i32.const 0))",
            "(br_if 0 (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $n)))",
            0,
        ),
        _ => (
            "(local.set $k (i32.and (local.get $n) (i32.const -2)))",
            "(br_if 0 (local.tee $k (i32.add (local.get $k) (i32.const -2))))",
            2,
        ),
    };
    let step = [16, 32, 48, 8, 4][rng.below(5) as usize];
    let step_p = format!("(local.set $p (i32.add (local.get $p) (i32.const {step})))");
    // A 16-byte group, fields in a random order, at a random constant from $p.
    let base = [0i32, 4, 16, -16][rng.below(4) as usize];
    let mut fields = [0, 4, 8, 12];
    for i in (1..4).rev() {
        fields.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let load = |o: i32| {
        let at = base + o;
        if at >= 0 {
            format!("(i32.load offset={at} (local.get $p))")
        } else {
            format!("(i32.load (i32.add (local.get $p) (i32.const {at})))")
        }
    };
    let loads = format!(
        "(local.set $s (i32.add (local.get $s) (i32.xor (i32.add {} {}) (i32.rotl (i32.add {} {}) (i32.const 7)))))",
        load(fields[0]),
        load(fields[1]),
        load(fields[2]),
        load(fields[3])
    );
    let stores = if rng.below(2) == 0 {
        "(i32.store align=1 (local.get $q) (local.get $s))
         (i32.store offset=4 align=1 (local.get $q) (i32.xor (local.get $s) (local.get $k)))
         (local.set $q (i32.add (local.get $q) (i32.const 8)))"
    } else {
        ""
    };
    let exit = if rng.below(4) == 0 {
        "(br_if 1 (i32.eq (i32.and (local.get $s) (i32.const 255)) (i32.const 7)))"
    } else {
        ""
    };
    let body = if rng.below(2) == 0 {
        format!("{loads} {step_p} {stores} {exit}")
    } else {
        format!("{step_p} {loads} {exit} {stores}")
    };
    let wat = format!(
        "(module (memory (export \"memory\") 1) {}
           (func (export \"f\") (param $p i32) (param $q i32) (param $n i32) (result i32)
             (local $s i32) (local $k i32)
             {pre}
             (block (loop {body} {back_edge}))
             (local.get $s)))",
        data()
    );
    Case { wat, long_below }
}

#[test]
fn generated_loops_match_wasmi_memory_included() {
    let mut rng = Rng::new(0x5eed_1005);
    let ps = [
        0, 16, 20, 3, 1024, 64448, 64900, 65400, 65500, 65520, 65530, -16, -8,
    ];
    let qs = [2048, 2051, 65520, 65532, 70000, -4];
    let mut calls = 0;
    for module in 0..24 {
        let c = case(&mut rng);
        let bytes = wasm(&c.wat);
        let stores = if module % 3 == 2 {
            StoreMode::Plain
        } else {
            StoreMode::AtomicPartial
        };
        let mut oracle = Oracle::new(&bytes);
        let mut inst = gpu_instance_stores(&bytes, stores);
        // Random arguments, then the last iterations' accesses ending right at, before and
        // past the end of memory.
        let mut sets: Vec<(i32, i32, i32)> = (0..12)
            .map(|_| {
                (
                    ps[rng.below(ps.len() as u64) as usize],
                    qs[rng.below(qs.len() as u64) as usize],
                    [0, 1, 2, 3, 7][rng.below(5) as usize],
                )
            })
            .collect();
        for p in [65424, 65472, 65488, 65504, 65520] {
            for n in [1, 2, 3] {
                sets.push((p, 65536 - 8 * n - 8 * rng.below(2) as i32, n));
            }
        }
        for (p, q, n) in sets {
            let mut n = n;
            // A count of 0 (or 1, counting by two) may mean 2^31 or 2^32 iterations: only where
            // the loads soon leave memory (the oracle, wasmi, overflows a debug test thread's
            // stack on long loops).
            if n < c.long_below && !(64900..=65536).contains(&p) {
                n = 3;
            }
            let args = [Value::I32(p), Value::I32(q), Value::I32(n)];
            let want = oracle.call("f", &args);
            let got = inst.run("f", 1, &args).unwrap();
            assert_eq!(
                got.result(0).unwrap(),
                want,
                "module {module} f({p}, {q}, {n}):\n{}",
                c.wat.lines().skip(1).collect::<Vec<_>>().join("\n")
            );
            let memory = inst.read_memory(0, 65536).unwrap();
            let expected = oracle.memory();
            if let Some(at) = (0..65536).find(|&i| memory[i] != expected[i]) {
                panic!(
                    "module {module} f({p}, {q}, {n}): byte {at} is {:#x}, wasmi has {:#x}\n{}",
                    memory[at],
                    expected[at],
                    c.wat.lines().skip(1).collect::<Vec<_>>().join("\n")
                );
            }
            calls += 1;
        }
    }
    assert_eq!(calls, 24 * 27);
}
