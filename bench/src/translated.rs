//! (a) The workloads as plain Rust compiled to wasm32 (guest/), translated by gpu-runtime and
//! run by its host: translate (wasm to naga IR), naga to SPIR-V (timed on its own, as wgpu
//! does it again inside shader module creation), pipeline creation, then one instance whose
//! memory is grown by the guest's `grow` export to hold the case's buffers, filled once with
//! `Instance::write_memory`. Timed runs go through `Instance::time_dispatches`: no per-run
//! buffer creation, upload or readback.

use std::time::{Duration, Instant};

use anyhow::{anyhow, Context, Result};
use gpu_runtime::host::{DispatchTimes, Gpu, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::{translate, StoreMode, TranslateOptions};

use crate::cases::{Case, Scalar};

/// Instance settings for the translated side.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Bytes of shadow stack per slot (`None`: the runtime's default).
    pub stack_size: Option<u32>,
    /// Check (a)'s first run by its outputs alone, without the per-thread status words.
    pub no_status: bool,
    /// Number of stack slots = most invocations per dispatch (`None`: the runtime's default).
    pub stack_slots: Option<u32>,
    /// A folder of `<workload>.wgsl` files that replace the translated shader (same ABI and
    /// layout): the translator's own output edited by hand, to measure what a change to the
    /// translator would gain before making it (see `bench/variants.py`).
    pub shader_dir: Option<std::path::PathBuf>,
    /// How (a)'s memory accesses are translated (`TranslateOptions::stores`).
    pub stores: StoreMode,
    /// Translate with contiguous stack slots (`interleave_stack: false`).
    pub contiguous_stack: bool,
    /// Translate without load groups (`group_loads: false`).
    pub no_load_groups: bool,
    /// Translate with a trap test in counted loops too (`counted_loops: false`).
    pub no_counted_loops: bool,
    /// Translate with every frame in linear memory (`private_frames: false`).
    pub no_private_frames: bool,
}

/// A translated workload, instantiated, with its inputs in linear memory.
#[derive(Debug)]
pub struct Prepared {
    /// wasm to validated naga IR.
    pub translate: Duration,
    /// naga IR to SPIR-V words (naga's writer alone).
    pub spirv: Duration,
    /// Shader module creation and the export's pipeline (the driver's compile).
    pub pipeline: Duration,
    /// Stack slots of the instance (invocations per dispatch), 0 without a stack.
    pub slots: u32,
    export: &'static str,
    instance: Instance,
    /// Byte address of each of the case's buffers.
    addresses: Vec<u32>,
    args: Vec<Value>,
}

/// The translated shader of a workload as WGSL (what `prepare` runs without `shader_dir`).
pub fn emit_wgsl(
    wasm: &[u8],
    workload: crate::cases::Workload,
    options: &Options,
) -> Result<String> {
    let export = workload.name();
    let translation = translate(wasm, &translate_options(export, options))
        .with_context(|| format!("translating `{export}`"))?;
    Ok(translation.to_wgsl()?)
}

/// The translator's options for workload `export`: it and `grow` as entry points.
fn translate_options(export: &str, options: &Options) -> TranslateOptions {
    TranslateOptions {
        entries: Some(vec![export.to_string(), "grow".to_string()]),
        stores: options.stores,
        interleave_stack: !options.contiguous_stack,
        group_loads: !options.no_load_groups,
        counted_loops: !options.no_counted_loops,
        private_frames: !options.no_private_frames,
        ..TranslateOptions::default()
    }
}

/// Translates and instantiates `wasm` for `case` and writes its inputs.
pub fn prepare(gpu: &Gpu, wasm: &[u8], case: &Case, options: &Options) -> Result<Prepared> {
    let export = case.workload.name();
    let t = Instant::now();
    let translation = translate(wasm, &translate_options(export, options))
        .with_context(|| format!("translating `{export}`"))?;
    let translate_time = t.elapsed();
    let mut translation = translation;
    if let Some(dir) = &options.shader_dir {
        let path = dir.join(format!("{export}.wgsl"));
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let mut module = naga::front::wgsl::parse_str(&text)
            .map_err(|e| anyhow!("{}: {}", path.display(), e.emit_to_string(&text)))?;
        // naga's WGSL writer renames `e0_sha256` to `e0_sha256_` (no names ending in a digit);
        // the layout keeps the translator's name.
        for ep in &mut module.entry_points {
            if let Some(stem) = ep.name.strip_suffix('_') {
                if translation
                    .layout
                    .entries
                    .iter()
                    .any(|e| e.entry_point == stem)
                {
                    ep.name = stem.to_string();
                }
            }
        }
        let info = naga::valid::Validator::new(
            naga::valid::ValidationFlags::all(),
            naga::valid::Capabilities::all(),
        )
        .validate(&module)
        .map_err(|e| anyhow!("{} does not validate: {e:?}", path.display()))?;
        translation.module = module;
        translation.info = info;
    }

    let t = Instant::now();
    translation
        .to_spirv()
        .with_context(|| format!("`{export}` to SPIR-V"))?;
    let spirv = t.elapsed();

    let t = Instant::now();
    let program = Program::new(gpu, translation)?;
    program.prepare(export)?;
    let pipeline = t.elapsed();
    program.prepare("grow")?;

    let defaults = InstanceOptions::default();
    let mut instance = Instance::new(
        &program,
        &InstanceOptions {
            max_memory_bytes: gpu.max_binding_bytes(),
            stack_size: options.stack_size.unwrap_or(defaults.stack_size),
            fit_stack: options.stack_size.is_none(),
            stack_slots: options.stack_slots,
            ..defaults
        },
    )?;
    let slots = instance.memory_plan().stack_slots.unwrap_or(0);

    let mut offsets = Vec::new();
    let mut total = 0u64;
    for b in &case.buffers {
        offsets.push(total);
        total += (b.len as u64).next_multiple_of(256);
    }
    let pages = total.div_ceil(65536);
    let grown = instance
        .run("grow", 1, &[Value::I32(pages as i32)])?
        .into_result()?;
    let old = grown
        .result(0)
        .and_then(|r| r.ok())
        .and_then(|v| v.first().and_then(|v| v.as_i32()))
        .ok_or_else(|| anyhow!("`grow` returned no i32"))?;
    if old < 0 {
        return Err(anyhow!(
            "linear memory cannot grow by {pages} pages ({} MiB): it is {} MiB of at most {} MiB \
             (the adapter's binding limit, stacks included; try --stack-size or --stack-slots)",
            total >> 20,
            instance.memory_size_bytes() >> 20,
            instance.memory_capacity_bytes() >> 20
        ));
    }
    let base = old as u64 * 65536;
    let addresses: Vec<u32> = offsets.iter().map(|o| (base + o) as u32).collect();
    for (b, addr) in case.buffers.iter().zip(&addresses) {
        instance
            .write_memory(u64::from(*addr), b.bytes())
            .with_context(|| format!("writing {}", b.name))?;
    }
    let mut args: Vec<Value> = addresses.iter().map(|a| Value::I32(*a as i32)).collect();
    args.extend(case.scalars.iter().map(|s| match s {
        Scalar::U32(v) => Value::I32(*v as i32),
        Scalar::F32(v) => Value::f32(*v),
    }));
    Ok(Prepared {
        translate: translate_time,
        spirv,
        pipeline,
        slots,
        export,
        instance,
        addresses,
        args,
    })
}

impl Prepared {
    /// One ordinary `Instance::run` (all threads' status words read back and checked), then
    /// the output buffers read from linear memory.
    pub fn run_checked(&mut self, case: &Case) -> Result<Vec<Vec<u8>>> {
        self.instance
            .run(self.export, case.threads, &self.args)?
            .check()?;
        let mut out = Vec::new();
        for (b, addr) in case.buffers.iter().zip(&self.addresses) {
            if b.output {
                out.push(self.instance.read_memory(u64::from(*addr), b.len as u64)?);
            }
        }
        Ok(out)
    }

    /// One run through `Instance::time_dispatches` (no status words read back: for hand-edited
    /// shaders that write none; traps are still caught), then the output buffers.
    pub fn run_unchecked_status(&mut self, case: &Case) -> Result<Vec<Vec<u8>>> {
        self.time(case, 1)?;
        let mut out = Vec::new();
        for (b, addr) in case.buffers.iter().zip(&self.addresses) {
            if b.output {
                out.push(self.instance.read_memory(u64::from(*addr), b.len as u64)?);
            }
        }
        Ok(out)
    }

    /// `runs` timed runs.
    pub fn time(&mut self, case: &Case, runs: u32) -> Result<DispatchTimes> {
        Ok(self
            .instance
            .time_dispatches(self.export, case.threads, &self.args, runs)?)
    }
}
