//! Real rustc output, differentially: the guest crate `tests/guests/kitchen` (stack arrays,
//! memcpy/memset, `dyn` calls, i64/u128/f64, big matches, panics) is built for wasm32, every
//! export runs on the GPU for 100 threads (`KITCHEN_THREADS`), and each thread's result (or trap) is compared
//! with wasmi running the same call with the same `gpu.thread_id` (exactly for integers, within
//! a few ulps for floats: see [`FLOAT_ULPS`]).

use std::path::Path;

use gpu_runtime::guest::GuestBuilder;
use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::abi::TrapKind;
use gpu_runtime::translate::{translate, TranslateOptions};

/// Threads per export (KITCHEN_THREADS overrides: the H200 run uses 10,000).
fn threads() -> u64 {
    std::env::var("KITCHEN_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(100)
}

fn to_wasmi(v: Value) -> wasmi::Val {
    match v {
        Value::I32(x) => wasmi::Val::I32(x),
        Value::I64(x) => wasmi::Val::I64(x),
        _ if v.ty() == gpu_runtime::translate::abi::ValType::F32 => {
            wasmi::Val::F32(wasmi::F32::from_bits(v.to_bits() as u32))
        }
        _ => wasmi::Val::F64(wasmi::F64::from_bits(v.to_bits())),
    }
}

/// Float results may differ from wasmi by this many units in the last place: GPU compilers
/// contract `a * b + c` into a fused multiply-add (NVIDIA's does; naga emits no `NoContraction`),
/// which rounds once instead of twice. Integer results must be exact.
const FLOAT_ULPS: u64 = 4;

/// Distance in representable values between two floats of the same width given as bits
/// (f32 bits in the low word), for finite values of the same sign; `u64::MAX` otherwise.
fn ulps_apart(a: u64, b: u64) -> u64 {
    if a == b {
        return 0;
    }
    let sign = if a >> 32 == 0 && b >> 32 == 0 {
        1u64 << 31
    } else {
        1 << 63
    };
    if (a & sign) != (b & sign) {
        return u64::MAX;
    }
    a.abs_diff(b)
}

fn bits(v: &wasmi::Val) -> u64 {
    match v {
        wasmi::Val::I32(x) => *x as u32 as u64,
        wasmi::Val::I64(x) => *x as u64,
        wasmi::Val::F32(x) => x.to_bits() as u64,
        wasmi::Val::F64(x) => x.to_bits(),
        _ => 0,
    }
}

/// Runs `export(args)` in wasmi as thread `tid` (a fresh instance each time, as every GPU thread
/// starts from the module's initial state); `None` when it traps.
fn oracle(
    module: &wasmi::Module,
    export: &str,
    args: &[Value],
    tid: i32,
    results: usize,
) -> Option<Vec<u64>> {
    let engine = module.engine();
    let mut store = wasmi::Store::new(engine, tid);
    let mut linker = wasmi::Linker::<i32>::new(engine);
    linker
        .func_wrap(
            "gpu",
            "thread_id",
            |caller: wasmi::Caller<'_, i32>| -> i32 { *caller.data() },
        )
        .expect("define thread_id");
    // gpu-std's panic handler calls gpu.panic before its `unreachable`: a trap either way.
    linker
        .func_wrap(
            "gpu",
            "panic",
            |_: wasmi::Caller<'_, i32>,
             _file: i32,
             _len: i32,
             _line: i32,
             _column: i32|
             -> Result<(), wasmi::Error> { Err(wasmi::Error::new("panic")) },
        )
        .expect("define panic");
    let instance = linker
        .instantiate_and_start(&mut store, module)
        .expect("instantiate");
    let func = instance.get_func(&store, export).expect("export");
    let inputs: Vec<wasmi::Val> = args.iter().map(|v| to_wasmi(*v)).collect();
    let mut outputs = vec![wasmi::Val::I32(0); results];
    func.call(&mut store, &inputs, &mut outputs).ok()?;
    Some(outputs.iter().map(bits).collect())
}

#[test]
fn kitchen_exports_match_wasmi() {
    // KITCHEN_WASM: a prebuilt kitchen.wasm, for machines without a Rust toolchain (the GPU box).
    let wasm_path = match std::env::var_os("KITCHEN_WASM") {
        Some(p) => p.into(),
        None => {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/guests/kitchen");
            GuestBuilder::new(dir)
                .build()
                .expect("build the kitchen guest")
        }
    };
    let wasm = std::fs::read(wasm_path).expect("read wasm");
    let gpu = shared_gpu().expect("a GPU adapter (lavapipe in CI)");
    let engine = wasmi::Engine::default();
    let module = wasmi::Module::new(&engine, &wasm[..]).expect("wasmi module");
    let cases: &[(&str, &[Value])] = &[
        ("insertion_sort", &[Value::I32(40)]),
        ("fnv_bytes", &[Value::I32(150)]),
        ("dyn_dispatch", &[Value::f32(1.5)]),
        ("float_mix", &[Value::f64(2.5)]),
        ("struct_copy", &[Value::I32(40)]),
        ("match_table", &[Value::I32(40)]),
        ("collatz", &[Value::I64(27)]),
        ("mul_high", &[Value::I64(123456789), Value::I64(-987654321)]),
        ("checked_div", &[Value::I32(1000), Value::I32(37)]),
        ("bit_tricks", &[Value::I64(0x1234_5678_9abc)]),
    ];
    let mut failures = Vec::new();
    for (export, args) in cases {
        let t = translate(&wasm, &TranslateOptions::entry(*export)).expect("translate");
        let program = Program::new(&gpu, t).expect("program");
        let mut instance = Instance::new(&program, &InstanceOptions::default()).expect("instance");
        let threads = threads();
        let out = instance.run(export, threads, args).expect("run");
        let n = out.result_types().len();
        if *export == "checked_div" && threads > 37 {
            // Rust's own division check panics, and gpu-std's handler reports it as a panic.
            assert_eq!(
                out.result(37),
                Some(Err(TrapKind::Panic)),
                "checked_div thread 37"
            );
            let trap = out.first_trap().expect("a trap");
            let at = trap.panic_location.clone().unwrap_or_default();
            assert!(
                at.contains("lib.rs:194:"),
                "panic location of checked_div: {trap}"
            );
        }
        for tid in 0..threads {
            let want = oracle(&module, export, args, tid as i32, n);
            let got = match out.result(tid) {
                Some(Ok(values)) => Ok(values.iter().map(|v| v.to_bits()).collect::<Vec<_>>()),
                Some(Err(kind)) => Err(kind),
                None => Err(TrapKind::Unreachable),
            };
            let float = out.result_types().iter().any(|t| {
                matches!(
                    t,
                    gpu_runtime::translate::abi::ValType::F32
                        | gpu_runtime::translate::abi::ValType::F64
                )
            });
            let same = match (&want, &got) {
                (Some(w), Ok(g)) if float => w
                    .iter()
                    .zip(g)
                    .all(|(a, b)| ulps_apart(*a, *b) <= FLOAT_ULPS),
                (Some(w), Ok(g)) => w == g,
                (None, Err(_)) => true,
                _ => false,
            };
            if !same {
                failures.push(format!(
                    "{export} thread {tid}: wasmi {want:x?}, GPU {got:x?}"
                ));
                break;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
