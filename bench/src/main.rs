//! `gpu-bench`: the same six workloads written three ways and timed on one machine:
//!
//! - (a) plain Rust (bench/guest/) compiled to wasm32, translated by gpu-runtime and run by its
//!   host (`translated.rs`);
//! - (b) hand-written WGSL through wgpu on the same adapter and device (`wgsl.rs`);
//! - (c) native Rust on the host CPU, all cores through rayon (`native.rs`).
//!
//! Each side's outputs after its first run are checked against (c)'s (`check.rs` states the
//! float tolerances) before it is timed. The GPU sides are warmed up together for `--warmup-ms`
//! and then timed in `--rounds` alternating rounds, each round one submission of back-to-back
//! runs per side, by timestamp queries around each run's compute pass when the adapter has
//! `TIMESTAMP_QUERY` (else the submission's wall clock, divided); the median is reported.
//! Inputs are uploaded once, nothing is copied per run. Setup (translation, naga to SPIR-V,
//! pipeline creation) is reported apart. (a)'s time can depend on what runs next to it
//! (docs/PERFORMANCE.md): compare variants (`--a-shaders`) with `--sides ab`.
//!
//! ```text
//! gpu-bench --wasm bench_guest.wasm --size full --runs 20 --json out.json --markdown out.md
//! gpu-bench --workload saxpy --size 4194304 --runs 5     # one workload at its own size
//! ```
//!
//! Without `--wasm`, the guest crate is built with cargo (`GuestBuilder`); machines without a
//! Rust toolchain need a prebuilt `.wasm` (scripts/build-bench.sh).

mod cases;
mod check;
mod gputime;
mod native;
mod report;
mod translated;
mod wgsl;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context, Result};
use clap::Parser;
use gpu_runtime::host::{Gpu, GpuOptions};
use gpu_runtime::translate::StoreMode;
use serde_json::json;

use cases::{Case, Workload};
use check::Check;
use report::{Row, SideResult, Timed};

#[derive(Debug, Parser)]
#[command(
    name = "gpu-bench",
    about = "Translated Rust vs hand-written WGSL vs native CPU, six workloads"
)]
struct Args {
    /// Workloads, comma-separated (saxpy, mandelbrot, nbody, sha256, splitmix, sort) or `all`.
    #[arg(long, default_value = "all")]
    workload: String,
    /// `full` (the issue's sizes), `small` (for lavapipe) or a number (with one workload: its
    /// main size; elements, pixels per side, bodies, messages or threads).
    #[arg(long, default_value = "full")]
    size: String,
    /// Timed runs per side (median reported).
    #[arg(long, default_value_t = 20)]
    runs: u32,
    /// Untimed runs per side and warm-up round, after the checked first run.
    #[arg(long, default_value_t = 5)]
    warmup: u32,
    /// Warm-up rounds go on until this many milliseconds have passed (GPU clocks rise under
    /// sustained load; on the H200, saxpy's memory-bound times halve between 500 ms and 3 s of
    /// warm-up, docs/PERFORMANCE.md).
    #[arg(long, default_value_t = 3000)]
    warmup_ms: u64,
    /// The timed runs are split into this many rounds, alternating (a) and (b) within each
    /// (each round: one submission of back-to-back runs per side).
    #[arg(long, default_value_t = 4)]
    rounds: u32,
    /// Prebuilt guest (bench/guest built for wasm32-unknown-unknown); built with cargo if absent.
    #[arg(long)]
    wasm: Option<PathBuf>,
    /// Adapter: backend name or a substring of its name (as gpu-run's `--adapter`).
    #[arg(long)]
    adapter: Option<String>,
    /// Sides to run, any of `a`, `b`, `c` (c is always run once: it is the reference).
    #[arg(long, default_value = "abc")]
    sides: String,
    /// Shadow-stack bytes per slot for (a) (default: the runtime's).
    #[arg(long)]
    stack_size: Option<u32>,
    /// Stack slots (invocations per dispatch) for (a) (default: the runtime's).
    #[arg(long)]
    stack_slots: Option<u32>,
    /// How (a)'s memory accesses are translated: `atomic-partial` (the translator's default:
    /// plain loads and whole-word stores, atomic partial-word stores), `atomic` (every access
    /// atomic) or `plain` (nothing atomic; right for these workloads, whose threads never
    /// write bytes of one word at the same time).
    #[arg(long, value_enum, default_value_t = Stores::AtomicPartial)]
    stores: Stores,
    /// Short for `--stores plain`.
    #[arg(long, conflicts_with = "stores")]
    plain_memory: bool,
    /// Replace (a)'s translated shaders by `DIR/<workload>.wgsl` (hand-edited `gpu-run --emit
    /// wgsl` output with the same ABI), to measure a translator change before making it.
    #[arg(long, value_name = "DIR")]
    a_shaders: Option<PathBuf>,
    /// Replace (b)'s built-in WGSL by `DIR/<workload>.wgsl` where that file exists (same
    /// bindings), to measure what a hand-written kernel can reach on the adapter. The
    /// dispatch follows the entry point's workgroup size; a line
    /// `// gpu-bench: threads-per-invocation N` says one invocation handles N threads.
    #[arg(long, value_name = "DIR")]
    b_shaders: Option<PathBuf>,
    /// Translate (a) with contiguous shadow-stack slots instead of interleaved ones
    /// (`TranslateOptions::interleave_stack: false`), to measure what interleaving buys.
    #[arg(long)]
    contiguous_stack: bool,
    /// Translate (a) without load groups (`TranslateOptions::group_loads: false`): one bounds
    /// check and 4-byte loads per wasm load, to measure what grouping buys.
    #[arg(long)]
    no_load_groups: bool,
    /// Translate (a) with a trap test on every loop back-edge, counted loops included
    /// (`TranslateOptions::counted_loops: false`), to measure what leaving it out buys.
    #[arg(long)]
    no_counted_loops: bool,
    /// Translate (a) with every shadow-stack frame in linear memory
    /// (`TranslateOptions::private_frames: false`), to measure what private frames buy.
    #[arg(long)]
    no_private_frames: bool,
    /// Check (a)'s first run by its outputs only, not by the per-thread status words (for
    /// `--a-shaders` variants that write none; traps are still caught).
    #[arg(long)]
    no_status: bool,
    /// Write (a)'s translated shaders as `DIR/<workload>.wgsl` and exit (no GPU needed).
    #[arg(long, value_name = "DIR")]
    emit_shaders: Option<PathBuf>,
    /// Write the markdown tables here (they are printed either way).
    #[arg(long)]
    markdown: Option<PathBuf>,
    /// Write the results as JSON here.
    #[arg(long)]
    json: Option<PathBuf>,
}

/// `--stores` (`TranslateOptions::stores`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Stores {
    Atomic,
    AtomicPartial,
    Plain,
}

impl Args {
    fn store_mode(&self) -> StoreMode {
        match (self.plain_memory, self.stores) {
            (true, _) | (false, Stores::Plain) => StoreMode::Plain,
            (false, Stores::Atomic) => StoreMode::Atomic,
            (false, Stores::AtomicPartial) => StoreMode::AtomicPartial,
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("gpu-bench: some checks failed or sides had errors (see the tables)");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("gpu-bench: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool> {
    let args = Args::parse();
    let workloads: Vec<Workload> = if args.workload == "all" {
        Workload::ALL.to_vec()
    } else {
        args.workload
            .split(',')
            .map(|w| w.trim().parse().map_err(|e: String| anyhow!(e)))
            .collect::<Result<_>>()?
    };
    let single = workloads.len() == 1;
    let size_of = |w: Workload| -> Result<u64> {
        match args.size.as_str() {
            "full" => Ok(w.full_size()),
            "small" => Ok(w.small_size()),
            n if single => n.parse().map_err(|_| anyhow!("bad --size `{n}`")),
            n => Err(anyhow!("--size {n}: a number needs exactly one --workload")),
        }
    };
    let sides = [
        args.sides.contains('a'),
        args.sides.contains('b'),
        args.sides.contains('c'),
    ];

    let options = translated::Options {
        stack_size: args.stack_size,
        stack_slots: args.stack_slots,
        shader_dir: args.a_shaders.clone(),
        stores: args.store_mode(),
        no_status: args.no_status,
        contiguous_stack: args.contiguous_stack,
        no_load_groups: args.no_load_groups,
        no_counted_loops: args.no_counted_loops,
        no_private_frames: args.no_private_frames,
    };
    if let Some(dir) = &args.emit_shaders {
        let wasm = read_wasm(&args)?;
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for w in &workloads {
            let text = translated::emit_wgsl(&wasm, *w, &options)?;
            let path = dir.join(format!("{w}.wgsl"));
            std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        return Ok(true);
    }
    let gpu = Gpu::new(&GpuOptions {
        adapter: args.adapter.clone(),
    })?;
    let wasm = if sides[0] {
        read_wasm(&args)?
    } else {
        Vec::new()
    };
    let timestamps = gpu.features().contains(wgpu::Features::TIMESTAMP_QUERY);
    let cpu_threads = rayon::current_num_threads();
    let mut header = format!(
        "Adapter: {} ({:?}); GPU timing: {}; CPU: {} rayon threads; {} timed runs per side in {} rounds alternating (a) and (b), after at least {} ms of warm-up.",
        gpu.adapter_info(),
        gpu.wgpu_adapter_info().device_type,
        if timestamps { "timestamp queries" } else { "wall clock (no TIMESTAMP_QUERY)" },
        cpu_threads,
        args.runs.div_ceil(args.rounds.max(1)) * args.rounds.max(1),
        args.rounds.max(1),
        args.warmup_ms
    );
    if let Some(dir) = &args.a_shaders {
        header += &format!(
            " (a) runs the shaders in {} instead of the translator's.",
            dir.display()
        );
    }
    if args.store_mode() != StoreMode::default() {
        header += &format!(" (a) translated with {:?} memory.", args.store_mode());
    }
    if args.contiguous_stack {
        header += " (a) translated with contiguous stack slots.";
    }
    if args.no_load_groups {
        header += " (a) translated without load groups.";
    }
    if args.no_counted_loops {
        header += " (a) translated with a trap test in counted loops.";
    }
    if args.no_private_frames {
        header += " (a) translated with every frame in linear memory.";
    }
    if args.stack_size.is_some() || args.stack_slots.is_some() {
        header += &format!(
            " (a) stack size {:?}, slots {:?}.",
            args.stack_size, args.stack_slots
        );
    }
    eprintln!("{header}");

    let mut rows = Vec::new();
    for w in workloads {
        let case = Case::new(w, size_of(w)?).map_err(|e| anyhow!(e))?;
        eprintln!(
            "{w}: {} {} ({} threads)",
            case.size,
            w.size_unit(),
            case.threads
        );
        let row = bench(&gpu, &wasm, &case, &args, sides, &options);
        for (name, s) in report::SIDE_NAMES.iter().zip(&row.sides) {
            if let Some(e) = &s.error {
                eprintln!("  {name}: error: {e}");
            } else if let Some(t) = &s.timed {
                eprintln!("  {name}: {:.3} ms median", t.median.as_secs_f64() * 1e3);
            }
        }
        rows.push(row);
    }

    let md = report::markdown(&rows, &header);
    println!("{md}");
    if let Some(p) = &args.markdown {
        std::fs::write(p, &md).with_context(|| format!("writing {}", p.display()))?;
    }
    if let Some(p) = &args.json {
        let meta = json!({
            "adapter": gpu.adapter_info(),
            "device_type": format!("{:?}", gpu.wgpu_adapter_info().device_type),
            "driver": gpu.wgpu_adapter_info().driver_info,
            "timestamps": timestamps,
            "cpu_threads": cpu_threads,
            "runs": args.runs,
            "warmup": args.warmup,
            "warmup_ms": args.warmup_ms,
            "rounds": args.rounds,
            "stack_size": args.stack_size,
            "stack_slots": args.stack_slots,
            "a_shaders": args.a_shaders.as_ref().map(|p| p.display().to_string()),
            "b_shaders": args.b_shaders.as_ref().map(|p| p.display().to_string()),
            "stores": format!("{:?}", args.store_mode()),
            "contiguous_stack": args.contiguous_stack,
            "load_groups": !args.no_load_groups,
            "counted_loops": !args.no_counted_loops,
            "private_frames": !args.no_private_frames,
        });
        let text = serde_json::to_string_pretty(&report::json(&rows, meta))?;
        std::fs::write(p, text).with_context(|| format!("writing {}", p.display()))?;
    }
    Ok(rows.iter().all(|r| r.sides.iter().all(|s| s.ok())))
}

/// The guest: `--wasm`, else built from bench/guest with cargo.
fn read_wasm(args: &Args) -> Result<Vec<u8>> {
    let path = match &args.wasm {
        Some(p) => p.clone(),
        None => gpu_runtime::guest::GuestBuilder::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/guest"
        ))
        .build()
        .context(
            "building bench/guest (pass --wasm with a prebuilt guest on machines without cargo)",
        )?,
    };
    std::fs::read(&path).with_context(|| format!("reading {}", path.display()))
}

fn timed(times: &[Duration], source: &'static str) -> Timed {
    Timed {
        median: gputime::median(times),
        min: times.iter().copied().min().unwrap_or_default(),
        runs: times.len(),
        source,
    }
}

fn outputs(case: &Case, buffers: &[cases::Buffer]) -> Vec<Vec<u8>> {
    case.buffers
        .iter()
        .zip(buffers)
        .filter(|(c, _)| c.output)
        .map(|(_, b)| b.bytes().to_vec())
        .collect()
}

/// Runs the sides of one workload. (c) runs first: its first run is the reference. Then (a)
/// and (b) are prepared and checked, warmed up together, and timed in alternating rounds
/// (`--rounds`): a drift of the GPU's clocks or of other load during the measurement then
/// reaches both sides alike instead of whichever side happened to run at the time.
fn bench(
    gpu: &Gpu,
    wasm: &[u8],
    case: &Case,
    args: &Args,
    sides: [bool; 3],
    options: &translated::Options,
) -> Row {
    let mut row = Row {
        case: case.clone(),
        sides: Default::default(),
    };
    let mut buffers = case.buffers.clone();
    native::run(case, &mut buffers);
    let reference = outputs(case, &buffers);
    row.sides[2]
        .notes
        .push(format!("{} threads", rayon::current_num_threads()));
    if sides[2] {
        for _ in 0..args.warmup {
            native::run(case, &mut buffers);
        }
        let times: Vec<Duration> = (0..args.runs)
            .map(|_| {
                let t = Instant::now();
                native::run(case, &mut buffers);
                t.elapsed()
            })
            .collect();
        row.sides[2].timed = Some(timed(&times, "wall clock"));
    }
    drop(buffers);

    let mut a = None;
    if sides[0] {
        let side = &mut row.sides[0];
        match prepare_translated(gpu, wasm, case, options, &reference, side) {
            Ok(p) => a = p,
            Err(e) => side.error = Some(format!("{e:#}")),
        }
    }
    let mut b = None;
    if sides[1] {
        let side = &mut row.sides[1];
        match prepare_wgsl(gpu, case, args.b_shaders.as_deref(), &reference, side) {
            Ok(p) => b = p,
            Err(e) => side.error = Some(format!("{e:#}")),
        }
    }
    let mut timers: Vec<(
        usize,
        Box<dyn FnMut(u32) -> Result<(Vec<Duration>, &'static str)> + '_>,
    )> = Vec::new();
    if let Some(mut p) = a {
        timers.push((
            0,
            Box::new(move |runs| {
                let t = p.time(case, runs)?;
                Ok((t.per_run(), source(&t.gpu)))
            }),
        ));
    }
    if let Some(p) = b {
        timers.push((
            1,
            Box::new(move |runs| {
                let t = p.time(gpu, runs)?;
                Ok((t.per_run(), source(&t.gpu)))
            }),
        ));
    }
    let mut times: [Vec<Duration>; 2] = Default::default();
    let mut sources = [""; 2];
    let mut failed = [false; 2];
    // Warm-up: until every side has run `--warmup` times and the GPU has been busy for
    // `--warmup-ms` (its clocks rise under sustained load). After the first batch, each batch
    // is sized to about `WARMUP_BATCH` of GPU time, so that the host's wait between batches
    // does not leave the GPU idle for most of the warm-up (a short kernel's batch of a few
    // runs is over in milliseconds).
    const WARMUP_BATCH: Duration = Duration::from_millis(50);
    let warm = Instant::now();
    let mut batch = [args.warmup.max(1); 2];
    let mut rounds = 0;
    while rounds < 1 || (warm.elapsed().as_millis() < u128::from(args.warmup_ms) && rounds < 1000) {
        for (side, timer) in &mut timers {
            if failed[*side] {
                continue;
            }
            match timer(batch[*side]) {
                Ok((t, _)) => {
                    if let Some(per_run) = t.iter().min().filter(|d| !d.is_zero()) {
                        let fit = WARMUP_BATCH.as_nanos() / per_run.as_nanos();
                        // 2,000: two timestamps per run, wgpu allows 4,096 per query set.
                        batch[*side] = (fit as u32).clamp(args.warmup.max(1), 2_000);
                    }
                }
                Err(e) => {
                    row.sides[*side].error = Some(format!("{e:#}"));
                    failed[*side] = true;
                }
            }
        }
        rounds += 1;
    }
    let rounds = args.rounds.max(1);
    let per_round = args.runs.div_ceil(rounds).max(1);
    for _ in 0..rounds {
        for (side, timer) in &mut timers {
            if failed[*side] {
                continue;
            }
            match timer(per_round) {
                Ok((t, src)) => {
                    times[*side].extend(t);
                    sources[*side] = src;
                }
                Err(e) => {
                    row.sides[*side].error = Some(format!("{e:#}"));
                    failed[*side] = true;
                }
            }
        }
    }
    for side in 0..2 {
        if !failed[side] && !times[side].is_empty() {
            row.sides[side].timed = Some(timed(&times[side], sources[side]));
        }
    }
    row
}

fn source(gpu: &[Duration]) -> &'static str {
    if gpu.is_empty() {
        "wall clock"
    } else {
        "gpu timestamps"
    }
}

/// (a) translated, instantiated, run once and checked; `None` when the check failed.
fn prepare_translated(
    gpu: &Gpu,
    wasm: &[u8],
    case: &Case,
    options: &translated::Options,
    reference: &[Vec<u8>],
    side: &mut SideResult,
) -> Result<Option<translated::Prepared>> {
    let mut p = translated::prepare(gpu, wasm, case, options)?;
    side.setup = vec![
        ("translate", p.translate),
        ("spirv", p.spirv),
        ("pipeline", p.pipeline),
    ];
    if p.slots > 0 {
        side.notes.push(format!("{} stack slots", p.slots));
    }
    let got = if options.no_status {
        p.run_unchecked_status(case)?
    } else {
        p.run_checked(case)?
    };
    let check: Check = check::compare(case.workload, &got, reference);
    let ok = check.ok;
    side.check = Some(check);
    Ok(ok.then_some(p))
}

/// (b) built, run once and checked; `None` when the check failed.
fn prepare_wgsl(
    gpu: &Gpu,
    case: &Case,
    b_shaders: Option<&std::path::Path>,
    reference: &[Vec<u8>],
    side: &mut SideResult,
) -> Result<Option<wgsl::Prepared>> {
    let replacement = match b_shaders {
        Some(dir) => {
            let path = dir.join(format!("{}.wgsl", case.workload));
            path.exists()
                .then(|| std::fs::read_to_string(&path))
                .transpose()
                .with_context(|| format!("reading {}", path.display()))?
        }
        None => None,
    };
    if replacement.is_some() {
        side.notes.push("replacement WGSL".into());
    }
    let p = wgsl::prepare(gpu, case, replacement.as_deref())?;
    side.setup = vec![("parse", p.parse), ("pipeline", p.pipeline)];
    p.time(gpu, 1)?;
    let got = p.outputs(gpu, case)?;
    let check = check::compare(case.workload, &got, reference);
    let ok = check.ok;
    side.check = Some(check);
    Ok(ok.then_some(p))
}
