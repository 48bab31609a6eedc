//! The example guests (`examples/square_cube`, `examples/pixels`), built for wasm32 with
//! [`GuestBuilder`] and run through the library and through `gpu-run`. The pixels are
//! compared with a CPU rendering of the same formula.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use gpu_runtime::guest::GuestBuilder;
use gpu_runtime::host::{run_wasm, Value};

fn example(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name);
    GuestBuilder::new(dir)
        .build()
        .unwrap_or_else(|e| panic!("build examples/{name}: {e}"))
}

fn gpu_run(args: &[&str]) -> (String, String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_gpu-run"))
        .args(args)
        .output()
        .expect("gpu-run starts");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gpu-run-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn square_cube_calls_its_helpers() {
    let wasm_path = example("square_cube");
    let wasm = std::fs::read(&wasm_path).unwrap();
    let out = run_wasm(&wasm, "main", 64, &[Value::I32(3)])
        .and_then(|o| o.into_result())
        .expect("run");
    assert_eq!(out.all_same(), Some(vec![Value::I32(36)]));
    let out = run_wasm(&wasm, "main", 1, &[Value::I32(-7)]).expect("run");
    assert_eq!(out.all_same(), Some(vec![Value::I32(49 - 343)]));

    let (stdout, stderr, code) = gpu_run(&[wasm_path.to_str().unwrap(), "--", "3"]);
    assert_eq!(code, Some(0), "stderr: {stderr}");
    assert!(
        stdout.lines().any(|l| l == "Result: 36"),
        "stdout: {stdout}"
    );
}

/// The pixels example's formula on the CPU (see examples/pixels/src/lib.rs), as RGBA8.
fn cpu_pixel(x: u32, y: u32, w: u32, h: u32, t: f32) -> [u8; 4] {
    let u = x as f32 / w as f32 + t * 0.25;
    let r = u - (u as u32) as f32;
    let g = y as f32 / h as f32;
    [r, g, 0.0, 1.0].map(|c: f32| (c.clamp(0.0, 1.0) * 255.0 + 0.5) as u8)
}

fn read_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut reader = png::Decoder::new(file).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(
        (info.color_type, info.bit_depth),
        (png::ColorType::Rgba, png::BitDepth::Eight)
    );
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// Every pixel within 1/255 per channel of the CPU rendering at time `t`.
fn assert_matches_cpu(path: &Path, w: u32, h: u32, t: f32) {
    let (pw, ph, rgba) = read_png(path);
    assert_eq!((pw, ph), (w, h), "{}", path.display());
    let mut worst = (0u8, 0u32, 0u32);
    for y in 0..h {
        for x in 0..w {
            let i = ((y * w + x) * 4) as usize;
            let want = cpu_pixel(x, y, w, h, t);
            for c in 0..4 {
                let d = rgba[i + c].abs_diff(want[c]);
                if d > worst.0 {
                    worst = (d, x, y);
                }
            }
        }
    }
    assert!(
        worst.0 <= 1,
        "{}: pixel ({}, {}) is {} off the CPU rendering at time {t}",
        path.display(),
        worst.1,
        worst.2,
        worst.0
    );
}

#[test]
fn pixels_png_matches_the_cpu_rendering() {
    let wasm = example("pixels");
    let dir = temp_dir("pixels");
    let png = dir.join("a.png");
    let (stdout, stderr, code) = gpu_run(&[
        wasm.to_str().unwrap(),
        "--image",
        png.to_str().unwrap(),
        "--size",
        "800x600",
    ]);
    assert_eq!(code, Some(0), "stderr: {stderr}");
    assert!(
        stdout.contains("Threads: 480000"),
        "one thread per pixel: {stdout}"
    );
    assert_matches_cpu(&png, 800, 600, 0.0);
}

#[test]
fn pixels_frames_advance_time() {
    let wasm = example("pixels");
    let dir = temp_dir("frames");
    let png = dir.join("f.png");
    let (stdout, stderr, code) = gpu_run(&[
        wasm.to_str().unwrap(),
        "--image",
        png.to_str().unwrap(),
        "--size",
        "64x48",
        "--frames",
        "3",
        "--fps",
        "4",
        "--time",
        "1",
    ]);
    assert_eq!(code, Some(0), "stderr: {stderr}");
    assert_eq!(stdout.matches("Image: ").count(), 3, "{stdout}");
    assert!(!png.exists(), "several frames are numbered files only");
    for k in 0..3u32 {
        let frame = dir.join(format!("f-{k:04}.png"));
        assert_matches_cpu(&frame, 64, 48, 1.0 + k as f32 / 4.0);
    }
}

#[test]
fn image_options_need_an_image() {
    let wasm = example("pixels");
    let (_, stderr, code) = gpu_run(&[wasm.to_str().unwrap(), "--size", "8x8"]);
    assert_eq!(code, Some(2), "stderr: {stderr}");
    assert!(stderr.contains("--image"), "stderr: {stderr}");
    let (_, stderr, code) = gpu_run(&[wasm.to_str().unwrap(), "--image", "x.png", "--size", "8"]);
    assert_eq!(code, Some(2), "stderr: {stderr}");
    assert!(stderr.contains("WIDTHxHEIGHT"), "stderr: {stderr}");
}
