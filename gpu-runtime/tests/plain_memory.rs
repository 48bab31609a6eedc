//! `StoreMode::Plain`: linear memory without atomics, for kernels whose threads never write
//! bytes of one 32-bit word at the same time.

#![allow(clippy::unwrap_used)]

use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program};
use gpu_runtime::translate::{translate, StoreMode, TranslateOptions};

/// Thread `t` writes the word `t * 3` at `4t`, then overwrites its second byte with 0xab and
/// reads the word back: whole-word and partial stores, each thread in its own word.
const KERNEL: &str = r#"
(module
  (import "gpu" "thread_id" (func $tid (result i32)))
  (memory 1)
  (func (export "run") (result i32)
    (local $a i32)
    (local.set $a (i32.shl (call $tid) (i32.const 2)))
    (i32.store (local.get $a) (i32.mul (call $tid) (i32.const 3)))
    (i32.store8 offset=1 (local.get $a) (i32.const 0xab))
    (i32.load (local.get $a))))
"#;

#[test]
fn plain_memory_has_no_atomics_and_gives_the_same_results() {
    let wasm = wat::parse_str(KERNEL).unwrap();
    let options = TranslateOptions {
        stores: StoreMode::Plain,
        ..TranslateOptions::entry("run")
    };
    let translation = translate(&wasm, &options).unwrap();
    let wgsl = translation.to_wgsl().unwrap();
    assert!(
        wgsl.contains("var<storage, read_write> memory: array<u32>"),
        "memory should be a plain array:\n{wgsl}"
    );

    let gpu = shared_gpu().unwrap();
    let program = Program::new(&gpu, translation).unwrap();
    let mut instance = Instance::new(&program, &InstanceOptions::default()).unwrap();
    let threads = 16_384u64;
    let out = instance.run("run", threads, &[]).unwrap();
    for t in [0u64, 1, 255, 8_191, 16_383] {
        let want = ((t as u32) * 3 & !0xff00) | 0xab00;
        let got = out.result(t).unwrap().unwrap();
        assert_eq!(
            got,
            vec![gpu_runtime::host::Value::I32(want as i32)],
            "thread {t}"
        );
    }
}
