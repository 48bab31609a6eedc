//! What atomic sub-word stores cost: the same kernels translated with
//! [`StoreMode::Atomic`] (every partial-word store is `atomicAnd` + `atomicOr`) and
//! [`StoreMode::PrivatePlain`] (a plain read-modify-write inside the thread's own stack slot),
//! plus a word-store kernel as the baseline. Prints a markdown table of median GPU times.
//!
//! `cargo bench --bench stores [-- THREADS BYTES_PER_THREAD RUNS]`

use std::time::Duration;

use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::{translate, StoreMode, TranslateOptions};

/// Each thread reserves 1 KiB on its shadow stack and writes `$n` bytes (or `$n / 4` words)
/// into it, then returns a checksum read back from it.
const KERNELS: &str = r#"
(module
  (memory 17)
  (global $__stack_pointer (mut i32) (i32.const 1048576))
  (func (export "stack_bytes") (param $n i32) (result i32)
    (local $sp i32) (local $i i32) (local $sum i32)
    (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 1024)))
    (global.set $__stack_pointer (local.get $sp))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store8 (i32.add (local.get $sp) (i32.and (local.get $i) (i32.const 1023))) (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.set $sum (i32.load (local.get $sp)))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 1024)))
    (local.get $sum))
  (func (export "stack_words") (param $n i32) (result i32)
    (local $sp i32) (local $i i32) (local $sum i32)
    (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 1024)))
    (global.set $__stack_pointer (local.get $sp))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store (i32.add (local.get $sp) (i32.and (local.get $i) (i32.const 1020))) (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $next)))
    (local.set $sum (i32.load (local.get $sp)))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 1024)))
    (local.get $sum)))
"#;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `cargo bench` passes `--bench`; positional numbers override the defaults.
    let nums: Vec<u64> = std::env::args().filter_map(|a| a.parse().ok()).collect();
    let threads = nums.first().copied().unwrap_or(16384);
    let bytes = nums.get(1).copied().unwrap_or(1024) as i32;
    let runs = nums.get(2).copied().unwrap_or(7) as usize;
    let wasm = wat::parse_str(KERNELS)?;
    let gpu = shared_gpu()?;
    println!("Adapter: {}", gpu.adapter_info());
    println!("{threads} threads, {bytes} bytes written per thread, median of {runs} runs\n");
    println!("| kernel | store mode | GPU time | stores/s |");
    println!("| --- | --- | --- | --- |");
    let mut checksums = Vec::new();
    for (kernel, per_store) in [("stack_bytes", 1), ("stack_words", 4)] {
        for mode in [StoreMode::Atomic, StoreMode::PrivatePlain] {
            let t = translate(
                &wasm,
                &TranslateOptions {
                    entries: Some(vec![kernel.into()]),
                    stores: mode,
                    ..TranslateOptions::default()
                },
            )?;
            let program = Program::new(&gpu, t)?;
            let mut instance = Instance::new(&program, &InstanceOptions::default())?;
            let args = [Value::I32(bytes)];
            instance.run(kernel, threads, &args)?.check()?; // warm-up
            let mut times = Vec::new();
            for _ in 0..runs {
                let out = instance.run(kernel, threads, &args)?;
                out.check()?;
                checksums.push((kernel, out.all_same()));
                times.push(out.timings().gpu);
            }
            let m = median(times);
            let stores = threads as f64 * (bytes as f64 / per_store as f64);
            println!(
                "| {kernel} | {mode:?} | {:.3} ms | {:.3e} |",
                m.as_secs_f64() * 1e3,
                stores / m.as_secs_f64()
            );
        }
    }
    // Both modes must compute the same thing.
    for kernel in ["stack_bytes", "stack_words"] {
        let mut sums = checksums
            .iter()
            .filter(|(k, _)| *k == kernel)
            .map(|(_, s)| s);
        let first = sums.next();
        if sums.any(|s| Some(s) != first) || first.is_none_or(|s| s.is_none()) {
            return Err(format!("{kernel}: results differ between runs or threads").into());
        }
    }
    Ok(())
}
