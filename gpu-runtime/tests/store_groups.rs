//! Store groups (`translate/store_groups.rs`): whole-word stores to one base local in
//! straight-line code are plain word writes when the leader finds the group's span aligned,
//! inside memory and outside the stack region, and take the usual checked path otherwise.
//! Checked against wasmi, memory included, after every call: aligned, unaligned, wrapping and
//! out-of-bounds destinations, a source that overlaps the destination (a load between two
//! stores must see the first), and a load between two stores that traps (the stores before it
//! stay, the ones after it never happen), in every `StoreMode`.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use gpu_runtime::translate::{translate, StoreMode, TranslateOptions};

/// `copy(out, src)`: four stores to `out` (4, 4, 8 and 4 bytes, rustc's `align=1` for a byte
/// slice), each of a value loaded from `src` just before it, the first two crosswise.
const WAT: &str = r#"(module
  (memory (export "memory") 1)
  (func (export "copy") (param $out i32) (param $src i32)
    (i32.store align=1 (local.get $out) (i32.rotl (i32.load offset=4 (local.get $src)) (i32.const 8)))
    (i32.store offset=4 align=1 (local.get $out) (i32.rotl (i32.load (local.get $src)) (i32.const 8)))
    (i64.store offset=8 align=1 (local.get $out) (i64.rotl (i64.load offset=8 (local.get $src)) (i64.const 8)))
    (i32.store offset=16 align=1 (local.get $out) (i32.xor (i32.load offset=16 (local.get $src)) (i32.const -1))))
  (data (i32.const 1024) "\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10\11\12\13\14\15\16\17\18")
  (data (i32.const 65512) "\a1\a2\a3\a4\a5\a6\a7\a8\a9\aa\ab\ac\ad\ae\af\b0\b1\b2\b3\b4\b5\b6\b7\b8"))"#;

#[test]
fn the_copy_is_a_store_group() {
    let wgsl = translate(&wasm(WAT), &TranslateOptions::default())
        .unwrap()
        .to_wgsl()
        .unwrap();
    assert!(wgsl.contains("store_group"), "{wgsl}");
}

#[test]
fn store_groups_match_wasmi_memory_included() {
    let bytes = wasm(WAT);
    let mut outs = vec![0, 4, 2048, 1, 2, 3, 5, 1022, 1023, 1025, 1026];
    outs.extend(65500..=65540);
    outs.extend([-1, -3, -4, -8, -16, -20, i32::MIN, i32::MAX]);
    for stores in [
        StoreMode::AtomicPartial,
        StoreMode::Atomic,
        StoreMode::Plain,
    ] {
        let mut oracle = Oracle::new(&bytes);
        let mut inst = gpu_instance_stores(&bytes, stores);
        for &out in &outs {
            // A plain source; the destination itself (each load sees the stores before it);
            // a source whose third load leaves memory after two stores.
            for src in [1024, out, 65512, 65528] {
                let args = [Value::I32(out), Value::I32(src)];
                let want = oracle.call("copy", &args);
                let got = inst.run("copy", 1, &args).unwrap();
                assert_eq!(
                    got.result(0).unwrap(),
                    want,
                    "{stores:?} copy({out}, {src})"
                );
                let memory = inst.read_memory(0, 65536).unwrap();
                let expected = oracle.memory();
                if let Some(at) = (0..65536).find(|&i| memory[i] != expected[i]) {
                    panic!(
                        "{stores:?} copy({out}, {src}): byte {at} is {:#x}, wasmi has {:#x}",
                        memory[at], expected[at]
                    );
                }
            }
        }
    }
}
