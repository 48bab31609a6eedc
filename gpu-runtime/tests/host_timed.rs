//! `Instance::time_dispatches`: the runs really happen (memory shows every one of them), one
//! time per run comes back, inputs written before stay, and a trap in any run is an error.

#![allow(clippy::unwrap_used, clippy::panic)]

use gpu_runtime::host::{shared_gpu, HostError, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::{translate, TranslateOptions};

/// `inc(step)`: adds `step` to memory word `thread`; `trap_at(t)`: thread `t` traps.
const KERNELS: &str = r#"
(module
  (import "gpu" "thread_id" (func $tid (result i32)))
  (memory 1)
  (func (export "inc") (param $step i32)
    (local $a i32)
    (local.set $a (i32.shl (call $tid) (i32.const 2)))
    (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (local.get $step))))
  (func (export "trap_at") (param $t i32)
    (if (i32.eq (call $tid) (local.get $t)) (then unreachable))))
"#;

fn instance() -> Instance {
    let wasm = wat::parse_str(KERNELS).unwrap();
    let t = translate(&wasm, &TranslateOptions::default()).unwrap();
    let program = Program::new(&shared_gpu().unwrap(), t).unwrap();
    Instance::new(&program, &InstanceOptions::default()).unwrap()
}

#[test]
fn every_run_happens_and_is_timed() {
    let mut inst = instance();
    let threads = 300u64;
    let seed: Vec<u8> = (0..threads as u32)
        .flat_map(|i| (i * 10).to_le_bytes())
        .collect();
    inst.write_memory(0, &seed).unwrap();
    let times = inst
        .time_dispatches("inc", threads, &[Value::I32(2)], 5)
        .unwrap();
    assert_eq!(times.runs, 5);
    assert_eq!(times.dispatches, 1);
    assert!(times.gpu.is_empty() || times.gpu.len() == 5);
    assert_eq!(times.per_run().len(), 5);
    assert!(times.wall > std::time::Duration::ZERO);
    let mem = inst.read_memory(0, threads * 4).unwrap();
    for (i, w) in mem.chunks_exact(4).enumerate() {
        let v = u32::from_le_bytes(w.try_into().unwrap());
        assert_eq!(v, i as u32 * 10 + 2 * 5, "word {i}");
    }
}

#[test]
fn runs_split_into_chunks_cover_all_threads() {
    let wasm = wat::parse_str(KERNELS).unwrap();
    let t = translate(&wasm, &TranslateOptions::default()).unwrap();
    let program = Program::new(&shared_gpu().unwrap(), t).unwrap();
    let mut inst = Instance::new(
        &program,
        &InstanceOptions {
            // 4 bytes of status per thread: 100 threads per dispatch.
            max_results_bytes: Some(400),
            ..InstanceOptions::default()
        },
    )
    .unwrap();
    let times = inst
        .time_dispatches("inc", 250, &[Value::I32(1)], 2)
        .unwrap();
    assert_eq!(times.dispatches, 3);
    let mem = inst.read_memory(0, 251 * 4).unwrap();
    let words: Vec<u32> = mem
        .chunks_exact(4)
        .map(|w| u32::from_le_bytes(w.try_into().unwrap()))
        .collect();
    assert!(words[..250].iter().all(|&v| v == 2), "{words:?}");
    assert_eq!(words[250], 0);
}

#[test]
fn a_trap_in_a_timed_run_is_an_error() {
    let mut inst = instance();
    match inst.time_dispatches("trap_at", 128, &[Value::I32(77)], 2) {
        Err(HostError::Trap { first, count, .. }) => {
            assert_eq!(first.thread, 77);
            assert_eq!(count, 2);
        }
        other => panic!("expected a trap, got {other:?}"),
    }
    // No trap: fine again.
    inst.time_dispatches("trap_at", 128, &[Value::I32(1000)], 1)
        .unwrap();
}
