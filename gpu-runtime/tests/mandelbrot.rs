//! The `examples/mandelbrot` guest (one pixel per thread, f32 arithmetic, gpu-std's `hypot`,
//! `ln` and `log2`) against the same formula on the CPU: the guest and this test both
//! `include!` `examples/mandelbrot/src/pixel.rs`, here with `std`'s f32 methods.
//!
//! Iteration counts must be equal for every pixel: the orbit is written with `mul_add`, so a
//! driver that fuses `x * x + c` on its own (lavapipe does: 50 of 40,960 pixels changed their
//! count when the orbit used plain operations) has nothing left to fuse. The smooth count
//! (through `hypot`, `ln`, `log2`) must agree within 1e-5 relative.

#![allow(clippy::unwrap_used, clippy::panic, dead_code)]

use std::path::Path;

use gpu_runtime::guest::GuestBuilder;
use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::{translate, TranslateOptions};

include!("../../examples/mandelbrot/src/pixel.rs");

const W: u32 = 256;
const H: u32 = 160;
const MAX_ITER: u32 = 200;

fn wasm() -> Vec<u8> {
    // MANDELBROT_WASM: a prebuilt mandelbrot.wasm, for machines without a Rust toolchain.
    let path = match std::env::var_os("MANDELBROT_WASM") {
        Some(p) => p.into(),
        None => {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/mandelbrot");
            GuestBuilder::new(dir)
                .build()
                .expect("build the mandelbrot guest")
        }
    };
    std::fs::read(path).expect("read mandelbrot.wasm")
}

fn args() -> [Value; 3] {
    [
        Value::I32(W as i32),
        Value::I32(H as i32),
        Value::I32(MAX_ITER as i32),
    ]
}

#[test]
fn iteration_counts_match_the_cpu() {
    let wasm = wasm();
    let gpu = shared_gpu().expect("a GPU adapter (lavapipe in CI)");
    let t = translate(&wasm, &TranslateOptions::entry("mandelbrot")).expect("translate");
    let program = Program::new(&gpu, t).expect("program");
    let mut instance = Instance::new(&program, &InstanceOptions::default()).expect("instance");
    let out = instance
        .run("mandelbrot", u64::from(W * H), &args())
        .expect("run");
    assert_eq!(out.trap_count(), 0);
    let mut different = Vec::new();
    let mut inside = 0;
    for id in 0..W * H {
        let want = iterations(id, W, H, MAX_ITER);
        let got = match out.result(u64::from(id)) {
            Some(Ok(v)) => v[0].as_i32().unwrap() as u32,
            other => panic!("pixel {id}: {other:?}"),
        };
        inside += usize::from(want == MAX_ITER);
        if got != want {
            different.push(format!("pixel {id}: gpu {got}, cpu {want}"));
        }
    }
    // the picture is not trivial: some pixels inside the set, most outside
    assert!(
        inside > 1000 && inside < (W * H) as usize / 2,
        "{inside} pixels inside"
    );
    assert!(
        different.is_empty(),
        "{} pixels differ: {}",
        different.len(),
        different
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ")
    );
}

#[test]
fn smooth_counts_match_the_cpu() {
    let wasm = wasm();
    let gpu = shared_gpu().expect("a GPU adapter (lavapipe in CI)");
    let t = translate(&wasm, &TranslateOptions::entry("smooth")).expect("translate");
    let program = Program::new(&gpu, t).expect("program");
    let mut instance = Instance::new(&program, &InstanceOptions::default()).expect("instance");
    let out = instance
        .run("smooth", u64::from(W * H), &args())
        .expect("run");
    let mut worst = 0.0f64;
    let mut different = 0;
    for id in 0..W * H {
        let want = smooth(id, W, H, MAX_ITER);
        let got = match out.result(u64::from(id)) {
            Some(Ok(v)) => f32::from_bits(v[0].to_bits() as u32),
            other => panic!("pixel {id}: {other:?}"),
        };
        // a different iteration count is a different value altogether (counted above)
        if (got - want).abs() > 1.0 {
            different += 1;
            continue;
        }
        let rel = f64::from((got - want).abs()) / f64::from(want.abs().max(1.0));
        worst = worst.max(rel);
    }
    println!("smooth: worst relative difference {worst:e}, {different} pixels with another count");
    assert_eq!(different, 0);
    assert!(worst <= 1e-5, "worst relative difference {worst:e}");
}
