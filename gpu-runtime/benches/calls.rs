//! What a naga function call costs against the same code inlined at translation time: one loop
//! per thread doing the same arithmetic (with a trap check) (a) inline, (b) through one call,
//! (c) through a chain of three calls. Prints a markdown table of median GPU times and the
//! pipeline creation time of each (the driver's compile).
//!
//! `cargo bench --bench calls [-- THREADS ITERATIONS RUNS]`

use std::time::{Duration, Instant};

use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::{translate, TranslateOptions};

/// `mix(a, i) = s2 + s2 % (i | 1)` with `s2 = a * 31 ^ (i + 7) / 3`, per loop iteration.
const KERNELS: &str = r#"
(module
  (func $mix (param $a i32) (param $i i32) (result i32)
    (local $s i32)
    (local.set $s (i32.xor (i32.mul (local.get $a) (i32.const 31))
                           (i32.div_u (i32.add (local.get $i) (i32.const 7)) (i32.const 3))))
    (i32.add (local.get $s) (i32.rem_u (local.get $s) (i32.or (local.get $i) (i32.const 1)))))
  (func $m3 (param $s i32) (param $i i32) (result i32)
    (i32.add (local.get $s) (i32.rem_u (local.get $s) (i32.or (local.get $i) (i32.const 1)))))
  (func $m2 (param $a i32) (param $i i32) (result i32)
    (call $m3 (i32.xor (local.get $a) (i32.div_u (i32.add (local.get $i) (i32.const 7)) (i32.const 3)))
              (local.get $i)))
  (func $m1 (param $a i32) (param $i i32) (result i32)
    (call $m2 (i32.mul (local.get $a) (i32.const 31)) (local.get $i)))
  (func (export "inlined") (param $n i32) (result i32)
    (local $acc i32) (local $i i32) (local $s i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $s (i32.xor (i32.mul (local.get $acc) (i32.const 31))
                             (i32.div_u (i32.add (local.get $i) (i32.const 7)) (i32.const 3))))
      (local.set $acc
        (i32.add (local.get $s) (i32.rem_u (local.get $s) (i32.or (local.get $i) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $acc))
  (func (export "one_call") (param $n i32) (result i32)
    (local $acc i32) (local $i i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $acc (call $mix (local.get $acc) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $acc))
  (func (export "call_chain") (param $n i32) (result i32)
    (local $acc i32) (local $i i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $acc (call $m1 (local.get $acc) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $acc)))
"#;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let nums: Vec<u64> = std::env::args().filter_map(|a| a.parse().ok()).collect();
    let threads = nums.first().copied().unwrap_or(4096);
    let iterations = nums.get(1).copied().unwrap_or(1000) as i32;
    let runs = nums.get(2).copied().unwrap_or(7) as usize;
    let wasm = wat::parse_str(KERNELS)?;
    let gpu = shared_gpu()?;
    println!("Adapter: {}", gpu.adapter_info());
    println!("{threads} threads, {iterations} iterations per thread, median of {runs} runs\n");
    println!("| kernel | GPU time | vs inlined | pipeline | result |");
    println!("| --- | --- | --- | --- | --- |");
    let mut base = None;
    let mut first_result = None;
    for export in ["inlined", "one_call", "call_chain"] {
        let t = translate(&wasm, &TranslateOptions::entry(export))?;
        let started = Instant::now();
        let program = Program::new(&gpu, t)?;
        program.prepare(export)?;
        let pipeline = started.elapsed();
        let mut instance = Instance::new(&program, &InstanceOptions::default())?;
        let args = [Value::I32(iterations)];
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
        let base_time = *base.get_or_insert(m);
        println!(
            "| {export} | {} | {:.2}x | {} | {:?} |",
            ms(m),
            m.as_secs_f64() / base_time.as_secs_f64(),
            ms(pipeline),
            result
        );
        if *first_result.get_or_insert(result.clone()) != result || result.is_none() {
            return Err(format!("{export}: result {result:?} differs from inlined").into());
        }
    }
    Ok(())
}
