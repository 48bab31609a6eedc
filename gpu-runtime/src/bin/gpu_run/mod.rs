//! The `gpu-run` command: options, the steps of a run, and exit codes.

mod args;
mod image;
mod input;
mod report;
mod wast_cmd;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context};
use clap::{Parser, ValueEnum};

use gpu_runtime::host::{Gpu, GpuOptions, Instance, InstanceOptions, Program, ProgramOptions};
use gpu_runtime::translate::{translate, StoreMode, TranslateOptions, Translation};

/// Translate a WebAssembly module to a GPU shader and run one export on many GPU threads
/// (one wasm call per thread).
#[derive(Debug, Parser)]
#[command(
    name = "gpu-run",
    version,
    after_help = "Spec testsuite scripts: gpu-run wast FILE.wast... [-v] [--adapter NAME]"
)]
pub struct Cli {
    /// The module: a .wasm binary or a .wat text file.
    #[arg(required_unless_present = "list_adapters")]
    pub file: Option<PathBuf>,

    /// Number of threads (wasm calls) to run (default 1; with --image, one per pixel).
    #[arg(short, long)]
    pub threads: Option<u64>,

    /// Give the program a framebuffer (gpu.width/height/set_pixel) and write it to this PNG
    /// file (8-bit RGBA). With --frames N: FILE-0000.png ... FILE-(N-1).png instead.
    #[arg(long, value_name = "FILE")]
    pub image: Option<PathBuf>,

    /// Framebuffer size with --image (default 800x600).
    #[arg(long, value_name = "WxH", requires = "image", value_parser = image::parse_size)]
    pub size: Option<(u32, u32)>,

    /// With --image: render this many frames, frame k at gpu.time() = TIME + k / FPS, each
    /// to its own numbered PNG.
    #[arg(long, value_name = "N", requires = "image", default_value_t = 1)]
    pub frames: u32,

    /// Frames per second with --frames.
    #[arg(long, value_name = "F", requires = "image", default_value_t = 30.0)]
    pub fps: f32,

    /// gpu.time() of the first frame with --image, in seconds. Without --image, gpu.time()
    /// is the seconds since the module was instantiated.
    #[arg(
        long,
        value_name = "SECONDS",
        requires = "image",
        default_value_t = 0.0
    )]
    pub time: f32,

    /// The export to run (default: `main`, else `_start`, else the only exported function).
    #[arg(short, long)]
    pub entry: Option<String>,

    /// Write the translated shader instead of running it.
    #[arg(long, value_enum)]
    pub emit: Option<Emit>,

    /// With --emit: the shader file (default stdout). Otherwise: write one line per thread,
    /// `thread<TAB>results` or `thread<TAB>trap message`.
    #[arg(short, long)]
    pub out: Option<PathBuf>,

    /// Bytes of shadow stack per GPU invocation, rounded up to a power of two (default 16384).
    #[arg(long)]
    pub stack_size: Option<u32>,

    /// Number of stack slots, i.e. most invocations in flight (default: what fits in memory).
    #[arg(long)]
    pub stack_slots: Option<u32>,

    /// Bytes of call stack per slot for recursive functions (default 262144); a deeper
    /// recursion traps with "call stack exhausted".
    #[arg(long)]
    pub call_stack_size: Option<u32>,

    /// Reject modules whose call graph has a cycle (recursion), naming it, instead of running
    /// them on a call stack.
    #[arg(long)]
    pub no_recursion: bool,

    /// Exact wasm float semantics: no fused multiply-add or float folding by the driver,
    /// signed zeros, NaNs and subnormals kept where the device can, correctly rounded f32
    /// division and square root (Vulkan 1.2+ only; see docs/ARCHITECTURE.md).
    #[arg(long)]
    pub exact_floats: bool,

    /// Linear memory without any atomics: partial-word stores become plain read-modify-writes
    /// (by default they are atomic; loads and whole-word stores are plain either way). Correct
    /// only when no two threads write bytes of the same 32-bit word at the same time (see
    /// docs/ARCHITECTURE.md).
    #[arg(long)]
    pub plain_memory: bool,

    /// Adapter: vulkan, metal, dx12, gl, or part of its name (default: $GPU_RUN_ADAPTER, else
    /// the best one).
    #[arg(long)]
    pub adapter: Option<String>,

    /// List the adapters and exit.
    #[arg(long)]
    pub list_adapters: bool,

    /// Also print the memory layout and a finer split of the times.
    #[arg(short, long)]
    pub verbose: bool,

    /// Arguments of the export, parsed by its parameter types (i32/i64: decimal or 0x hex;
    /// f32/f64: decimal, nan, inf, -inf).
    #[arg(last = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// Shader languages for --emit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Emit {
    Wgsl,
    Spv,
    Msl,
}

/// Why the command failed, which decides the exit code.
#[derive(Debug)]
pub enum Failure {
    /// Bad usage or input (exit 2).
    Input(anyhow::Error),
    /// A trap or a GPU/runtime failure (exit 1).
    Runtime(anyhow::Error),
    /// Already reported on stderr (exit 1).
    Reported,
}

impl Failure {
    fn input(e: impl Into<anyhow::Error>) -> Failure {
        Failure::Input(e.into())
    }
    fn runtime(e: impl Into<anyhow::Error>) -> Failure {
        Failure::Runtime(e.into())
    }
}

/// Parses the command line, runs, prints errors as one line, returns the exit code.
/// `gpu-run wast FILE.wast...` (first argument literally `wast`) runs spec scripts instead.
pub fn main() -> ExitCode {
    silence_vulkan_layers();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "wast") {
        return wast_cmd::main(args.into_iter().skip(1).collect());
    }
    let cli = Cli::parse_from(args);
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(e)) => {
            eprintln!("error: {}", one_line(&format!("{e:#}")));
            ExitCode::from(2)
        }
        Err(Failure::Runtime(e)) => {
            eprintln!("error: {}", one_line(&format!("{e:#}")));
            ExitCode::from(1)
        }
        Err(Failure::Reported) => ExitCode::from(1),
    }
}

/// Joins the lines of a (possibly multi-line) message into one.
pub fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn run(cli: &Cli) -> Result<(), Failure> {
    if cli.list_adapters {
        for a in Gpu::list_adapters() {
            println!("{a}");
        }
        return Ok(());
    }
    let Some(file) = &cli.file else {
        return Err(Failure::input(anyhow!("no module given")));
    };
    let wasm = input::load(file).map_err(Failure::input)?;
    if let (Some(format), None) = (cli.emit, &cli.entry) {
        // Without --entry, --emit writes every export's entry point.
        let options = TranslateOptions {
            allow_recursion: !cli.no_recursion,
            exact_floats: cli.exact_floats,
            stores: store_mode(cli.plain_memory),
            ..TranslateOptions::default()
        };
        let translation = translate(&wasm, &options).map_err(Failure::input)?;
        return emit(&translation, format, cli.out.as_deref()).map_err(Failure::runtime);
    }
    let entry = match &cli.entry {
        Some(e) => e.clone(),
        None => input::default_entry(&wasm).map_err(Failure::input)?,
    };

    let started = Instant::now();
    let options = TranslateOptions {
        allow_recursion: !cli.no_recursion,
        exact_floats: cli.exact_floats,
        stores: store_mode(cli.plain_memory),
        ..TranslateOptions::entry(entry.as_str())
    };
    let translation = translate(&wasm, &options).map_err(Failure::input)?;
    let translate_time = started.elapsed();

    if let Some(format) = cli.emit {
        return emit(&translation, format, cli.out.as_deref()).map_err(Failure::runtime);
    }

    let layout = translation.layout.entry(&entry).cloned().ok_or_else(|| {
        Failure::input(anyhow!("the translation has no entry point for `{entry}`"))
    })?;
    let values = args::parse(&layout, &cli.args).map_err(Failure::input)?;
    let frames = frames(cli).map_err(Failure::input)?;
    let threads = cli
        .threads
        .or(frames.as_ref().map(image::Frames::pixels))
        .unwrap_or(1);

    let gpu = Gpu::new(&GpuOptions {
        adapter: cli.adapter.clone(),
    })
    .map_err(Failure::runtime)?;
    println!("Adapter: {}", gpu.adapter_info());
    println!("Threads: {threads}");

    let started = Instant::now();
    let program_options = ProgramOptions {
        exact_floats: cli.exact_floats,
    };
    let program =
        Program::with_options(&gpu, translation, &program_options).map_err(Failure::runtime)?;
    program.prepare(&entry).map_err(Failure::runtime)?;
    let program_time = started.elapsed();
    let mut options = InstanceOptions::default();
    if let Some(size) = cli.stack_size {
        options.stack_size = size;
        options.fit_stack = false;
    }
    options.stack_slots = cli.stack_slots;
    if let Some(size) = cli.call_stack_size {
        options.call_stack_bytes = size;
    }
    let mut instance = Instance::new(&program, &options).map_err(Failure::runtime)?;
    let pipeline_time = started.elapsed();
    if cli.verbose {
        println!("Memory: {}", report::memory_text(&instance));
    }

    if let Some(frames) = &frames {
        return render(cli, frames, &mut instance, &entry, threads, &values);
    }
    let output = instance
        .run(&entry, threads, &values)
        .map_err(Failure::runtime)?;
    let t = output.timings();
    println!(
        "Time: translate {}, pipeline {}, dispatch {}",
        ms(translate_time),
        ms(pipeline_time),
        ms(t.upload + t.gpu)
    );
    if cli.verbose {
        println!(
            "Time detail: program {}, instance {}, upload {}, gpu {}, readback {}",
            ms(program_time),
            ms(pipeline_time.saturating_sub(program_time)),
            ms(t.upload),
            ms(t.gpu),
            ms(t.readback)
        );
    }
    report::print(&output, cli.out.is_some());
    if let Some(path) = &cli.out {
        report::write_out(&output, path)
            .with_context(|| format!("cannot write {}", path.display()))
            .map_err(Failure::runtime)?;
    }
    if let Some(line) = report::trap_line(&output) {
        eprintln!("error: {line}");
        return Err(Failure::Reported);
    }
    Ok(())
}

/// The frames `--image` asks for, after checking `--frames` and `--fps`.
fn frames(cli: &Cli) -> anyhow::Result<Option<image::Frames>> {
    let Some(path) = &cli.image else {
        return Ok(None);
    };
    if cli.frames == 0 {
        anyhow::bail!("--frames must be at least 1");
    }
    if !(cli.fps.is_finite() && cli.fps > 0.0) {
        anyhow::bail!("--fps must be a positive number, not {}", cli.fps);
    }
    if !cli.time.is_finite() {
        anyhow::bail!("--time must be a finite number of seconds");
    }
    let (width, height) = cli.size.unwrap_or((800, 600));
    Ok(Some(image::Frames {
        path: path.clone(),
        width,
        height,
        count: cli.frames,
        fps: cli.fps,
        start: cli.time,
    }))
}

/// Runs every frame of `--image`, printing a line per frame file; a trap stops the rendering
/// after writing the frame it happened in.
fn render(
    cli: &Cli,
    frames: &image::Frames,
    instance: &mut Instance,
    entry: &str,
    threads: u64,
    values: &[gpu_runtime::host::Value],
) -> Result<(), Failure> {
    let mut trapped = None;
    let result = frames.render(instance, entry, threads, values, |k, output, path| {
        let t = output.timings();
        println!(
            "Image: {} ({}x{}, time {} s, dispatch {})",
            path.display(),
            frames.width,
            frames.height,
            frames.time(k),
            ms(t.upload + t.gpu)
        );
        if cli.verbose {
            report::print(output, true);
        }
        if let Some(line) = report::trap_line(output) {
            trapped = Some(line);
            anyhow::bail!("stopped after a trap");
        }
        Ok(())
    });
    if let Some(line) = trapped {
        eprintln!("error: {line}");
        return Err(Failure::Reported);
    }
    result.map_err(Failure::runtime)
}

fn emit(
    translation: &Translation,
    format: Emit,
    out: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use std::io::Write;
    let bytes = match format {
        Emit::Wgsl => translation.to_wgsl()?.into_bytes(),
        Emit::Msl => translation.to_msl()?.into_bytes(),
        Emit::Spv => translation
            .to_spirv()?
            .iter()
            .flat_map(|w| w.to_le_bytes())
            .collect(),
    };
    match out {
        Some(path) => {
            std::fs::write(path, &bytes).with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes).context("cannot write to stdout")?;
            stdout.flush().context("cannot write to stdout")
        }
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// Mesa's device-select layer prints `XDG_RUNTIME_DIR is invalid` on headless machines; wgpu
/// picks the adapter itself, so the layer is not needed.
fn silence_vulkan_layers() {
    if std::env::var_os("NODEVICE_SELECT").is_none() {
        std::env::set_var("NODEVICE_SELECT", "1");
    }
}

/// `--plain-memory`: [`StoreMode::Plain`]; else the default.
fn store_mode(plain_memory: bool) -> StoreMode {
    if plain_memory {
        StoreMode::Plain
    } else {
        StoreMode::default()
    }
}
