//! What recursion costs against plain calls: the same number of calls made (a) recursively,
//! through the call-cycle dispatcher and the per-thread call stack, and (b) from a loop calling
//! a non-recursive function (plain naga calls). Prints a markdown table of median GPU times.
//!
//! `cargo bench --bench recursion [-- THREADS DEPTH RUNS]`

use std::time::Duration;

use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::{translate, TranslateOptions};

const KERNELS: &str = r#"
(module
  (func $rec (export "recursive") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.mul (local.get $n) (i32.const 3))
                     (call $rec (i32.sub (local.get $n) (i32.const 1)))))))
  (func $step (param $acc i32) (param $n i32) (result i32)
    (i32.add (local.get $acc) (i32.mul (local.get $n) (i32.const 3))))
  (func (export "plain") (param $n i32) (result i32)
    (local $acc i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $acc (call $step (local.get $acc) (local.get $n)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $acc)))
"#;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let nums: Vec<u64> = std::env::args().filter_map(|a| a.parse().ok()).collect();
    let threads = nums.first().copied().unwrap_or(4096);
    let depth = nums.get(1).copied().unwrap_or(1000) as i32;
    let runs = nums.get(2).copied().unwrap_or(7) as usize;
    let wasm = wat::parse_str(KERNELS)?;
    let gpu = shared_gpu()?;
    println!("Adapter: {}", gpu.adapter_info());
    println!("{threads} threads, {depth} calls per thread, median of {runs} runs\n");
    println!("| calls | GPU time | calls/s | result |");
    println!("| --- | --- | --- | --- |");
    let mut times = Vec::new();
    let mut results = Vec::new();
    for export in ["plain", "recursive"] {
        let t = translate(&wasm, &TranslateOptions::entry(export))?;
        let program = Program::new(&gpu, t)?;
        let mut instance = Instance::new(&program, &InstanceOptions::default())?;
        let args = [Value::I32(depth)];
        instance.run(export, threads, &args)?.check()?;
        let mut samples = Vec::new();
        let mut result = None;
        for _ in 0..runs {
            let out = instance.run(export, threads, &args)?;
            out.check()?;
            result = out.all_same();
            samples.push(out.timings().gpu);
        }
        let m = median(samples);
        let calls = threads as f64 * depth as f64;
        println!(
            "| {export} | {:.3} ms | {:.3e} | {:?} |",
            m.as_secs_f64() * 1e3,
            calls / m.as_secs_f64(),
            result
        );
        times.push(m);
        results.push(result);
    }
    if results[0] != results[1] || results[0].is_none() {
        return Err("recursive and plain results differ".into());
    }
    println!(
        "\nrecursive / plain time: {:.1}x",
        times[1].as_secs_f64() / times[0].as_secs_f64()
    );
    Ok(())
}
