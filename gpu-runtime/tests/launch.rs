//! The launch intrinsics of the `gpu` import module (thread count, workgroup and local ids,
//! time, framebuffer size, `set_pixel`, `panic`) on hand-written modules, and a run of
//! 16,777,216 threads that each write their id to memory.

#![allow(clippy::unwrap_used, clippy::panic)]

use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, RunOptions, Value};
use gpu_runtime::translate::abi::TrapKind;
use gpu_runtime::translate::{translate, TranslateOptions};

const WAT: &str = r#"
(module
  (import "gpu" "thread_id" (func $tid (result i32)))
  (import "gpu" "thread_count" (func $count (result i32)))
  (import "gpu" "workgroup_id" (func $wg (result i32)))
  (import "gpu" "local_id" (func $local (result i32)))
  (import "gpu" "time" (func $time (result f32)))
  (import "gpu" "width" (func $width (result i32)))
  (import "gpu" "height" (func $height (result i32)))
  (import "gpu" "set_pixel" (func $set_pixel (param i32 i32 f32 f32 f32 f32)))
  (import "gpu" "panic" (func $panic (param i32 i32 i32 i32)))
  (memory 1)
  (data (i32.const 16) "src/x.rs")
  (func (export "launch") (result i32 i32 i32 f32 i32 i32)
    call $count call $wg call $local call $time call $width call $height)
  ;; Thread t draws (t % (w+2) - 1, t / (w+2) - 1): one ring of pixels outside the
  ;; framebuffer on every side. Red and green say which pixel a thread meant (x/255, y/255).
  (func (export "draw") (param $b f32) (param $a f32)
    (local $w2 i32) (local $x i32) (local $y i32)
    call $width i32.const 2 i32.add local.set $w2
    call $tid local.get $w2 i32.rem_u i32.const 1 i32.sub local.set $x
    call $tid local.get $w2 i32.div_u i32.const 1 i32.sub local.set $y
    local.get $x local.get $y
    local.get $x f32.convert_i32_s f32.const 255 f32.div
    local.get $y f32.convert_i32_s f32.const 255 f32.div
    local.get $b local.get $a
    call $set_pixel)
  ;; Thread 0 traps before it draws pixel (0, 0); thread 1 draws (1, 0).
  (func (export "trap_then_draw") (param $zero i32)
    call $tid i32.eqz
    if i32.const 1 local.get $zero i32.div_u drop end
    call $tid i32.const 0 f32.const 1 f32.const 1 f32.const 1 f32.const 1 call $set_pixel)
  ;; Thread $who panics at src/x.rs:12:5 (the file name at 16, 8 bytes long) or, with
  ;; $bad_len, with a file name running past the end of memory.
  (func (export "panics") (param $who i32) (param $len i32) (result i32)
    call $tid local.get $who i32.eq
    if i32.const 16 local.get $len i32.const 12 i32.const 5 call $panic unreachable end
    call $tid)
)
"#;

fn instance(wat: &str, options: &InstanceOptions) -> Instance {
    let wasm = wat::parse_str(wat).unwrap();
    let gpu = shared_gpu().expect("a GPU adapter (lavapipe in CI)");
    let t = translate(&wasm, &TranslateOptions::default()).expect("translate");
    Instance::new(&Program::new(&gpu, t).expect("program"), options).expect("instance")
}

fn words(v: &[Value]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

#[test]
fn thread_count_and_invocation_ids_over_several_dispatches() {
    // 7 words per thread, 100 threads per dispatch: 10 dispatches of 1000 threads.
    let options = InstanceOptions {
        max_results_bytes: Some(7 * 4 * 100),
        ..InstanceOptions::default()
    };
    let mut inst = instance(WAT, &options);
    let run = RunOptions {
        time: Some(2.5),
        framebuffer: Some((7, 5)),
    };
    let out = inst.run_with("launch", 1000, &[], &run).expect("run");
    out.check().expect("no trap");
    for t in 0..1000u64 {
        let v = words(&out.result(t).unwrap().unwrap());
        assert_eq!(v[0], 1000, "thread {t}: thread_count is the whole run's");
        // No stack: a dispatch has one invocation per thread, slot = t - THREAD_BASE.
        assert_eq!(
            v[1] * 64 + v[2],
            t % 100,
            "thread {t}: workgroup {} local {}",
            v[1],
            v[2]
        );
        assert!(v[2] < 64);
        assert_eq!(v[3], u64::from(2.5f32.to_bits()), "thread {t}: time");
        assert_eq!((v[4], v[5]), (7, 5), "thread {t}: framebuffer size");
    }
    assert_eq!(out.image().map(|i| (i.width, i.height)), Some((7, 5)));

    // Without options: no framebuffer, time counts from instantiation.
    let out = inst.run("launch", 3, &[]).expect("run");
    let v = words(&out.result(2).unwrap().unwrap());
    assert_eq!(
        v[..3],
        [3, 0, 2],
        "thread_count, workgroup_id, local_id of thread 2"
    );
    let time = f32::from_bits(v[3] as u32);
    assert!(
        (0.0..600.0).contains(&time),
        "time since instantiation: {time}"
    );
    assert_eq!((v[4], v[5]), (0, 0));
    assert!(out.image().is_none());
}

#[test]
fn set_pixel_packs_rgba8_and_ignores_pixels_outside() {
    let mut inst = instance(WAT, &InstanceOptions::default());
    let (w, h) = (9u32, 6u32);
    let threads = u64::from((w + 2) * (h + 2));
    for (args, blue_alpha) in [
        ([2.0f32, f32::NAN], [255u8, 0]),
        ([-1.0, 0.5], [0, 128]),
        ([0.2, 1.0], [51, 255]),
    ] {
        let run = RunOptions {
            time: None,
            framebuffer: Some((w, h)),
        };
        let args = [Value::f32(args[0]), Value::f32(args[1])];
        let out = inst.run_with("draw", threads, &args, &run).expect("run");
        out.check().expect("no trap");
        let image = out.image().expect("an image");
        assert_eq!(image.rgba.len(), (w * h * 4) as usize);
        for y in 0..h {
            for x in 0..w {
                let want = [x as u8, y as u8, blue_alpha[0], blue_alpha[1]];
                assert_eq!(
                    image.pixel(x, y),
                    Some(want),
                    "pixel ({x}, {y}), args {args:?}"
                );
            }
        }
    }
    // A framebuffer without pixels is refused.
    let run = RunOptions {
        time: None,
        framebuffer: Some((0, 4)),
    };
    assert!(inst
        .run_with("draw", 1, &[Value::f32(0.0), Value::f32(0.0)], &run)
        .is_err());
}

#[test]
fn a_trapped_thread_draws_nothing() {
    let mut inst = instance(WAT, &InstanceOptions::default());
    let run = RunOptions {
        time: None,
        framebuffer: Some((2, 1)),
    };
    let out = inst
        .run_with("trap_then_draw", 2, &[Value::I32(0)], &run)
        .expect("run");
    assert_eq!(out.trap_count(), 1);
    assert_eq!(
        out.first_trap().unwrap().kind,
        TrapKind::IntegerDivideByZero
    );
    let image = out.image().unwrap();
    assert_eq!(image.pixel(0, 0), Some([0, 0, 0, 0]));
    assert_eq!(image.pixel(1, 0), Some([255; 4]));
}

#[test]
fn gpu_panic_is_a_trap_of_its_own_kind() {
    let mut inst = instance(WAT, &InstanceOptions::default());
    let out = inst
        .run("panics", 8, &[Value::I32(5), Value::I32(8)])
        .expect("run");
    assert_eq!(out.trap_count(), 1);
    let trap = out.first_trap().unwrap();
    assert_eq!((trap.thread, trap.kind), (5, TrapKind::Panic), "{trap}");
    assert_eq!(trap.kind.message(), "panic");
    assert_eq!(trap.panic_location.as_deref(), Some("src/x.rs:12:5"));
    assert!(
        trap.to_string()
            .starts_with("thread 5 trapped: panic at src/x.rs:12:5 in function"),
        "{trap}"
    );
    assert_eq!(out.result(4), Some(Ok(vec![Value::I32(4)])));
    assert_eq!(out.result(5), Some(Err(TrapKind::Panic)));

    // A file name outside memory: still a panic, without a location.
    let out = inst
        .run("panics", 2, &[Value::I32(1), Value::I32(70_000)])
        .expect("run");
    let trap = out.first_trap().unwrap();
    assert_eq!((trap.thread, trap.kind), (1, TrapKind::Panic), "{trap}");
    assert_eq!(trap.panic_location, None);
}

#[test]
fn sixteen_million_threads_each_write_their_id_once() {
    const THREADS: u64 = 1 << 24;
    // 64 MiB of u32 (word i at byte 4i), one page more so nothing is at the very end.
    let wat = r#"
(module
  (import "gpu" "thread_id" (func $tid (result i32)))
  (import "gpu" "thread_count" (func $count (result i32)))
  (memory 1025)
  (func (export "main") (result i32)
    call $tid i32.const 2 i32.shl
    call $tid
    i32.store
    call $count))
"#;
    let mut inst = instance(wat, &InstanceOptions::default());
    let out = inst.run("main", THREADS, &[]).expect("run");
    out.check().expect("no trap");
    assert_eq!(
        out.all_same(),
        Some(vec![Value::I32(THREADS as i32)]),
        "every thread sees thread_count() = 16,777,216"
    );
    let bytes = inst.read_memory(0, THREADS * 4).expect("read memory");
    let mut wrong = 0u64;
    let mut first = None;
    for (i, w) in bytes.chunks_exact(4).enumerate() {
        let v = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
        if v as usize != i {
            wrong += 1;
            first.get_or_insert((i, v));
        }
    }
    // Word i holds i for every i: each id was written, and by the thread that has it.
    assert_eq!(
        wrong, 0,
        "{wrong} words wrong, first (index, value): {first:?}"
    );
}
