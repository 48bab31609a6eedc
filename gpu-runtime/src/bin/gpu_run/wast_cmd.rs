//! `gpu-run wast FILE.wast...`: runs spec testsuite scripts and prints one line per file.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use gpu_runtime::host::{Gpu, GpuOptions};
use gpu_runtime::wast::{FileReport, WastRunner};

/// Run WebAssembly spec testsuite scripts (.wast) on the GPU.
#[derive(Debug, Parser)]
#[command(name = "gpu-run wast", version)]
pub struct WastCli {
    /// The scripts to run.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// Also print every failure (under its file's line) and the reasons for skipped commands.
    #[arg(short, long)]
    pub verbose: bool,

    /// Exact wasm float semantics: no fused multiply-add or float folding by the driver,
    /// signed zeros, NaNs and subnormals kept where the device can, correctly rounded f32
    /// division and square root (Vulkan 1.2+ only; see docs/ARCHITECTURE.md).
    #[arg(long)]
    pub exact_floats: bool,

    /// Adapter: vulkan, metal, dx12, gl, or part of its name (default: $GPU_RUN_ADAPTER, else
    /// the best one).
    #[arg(long)]
    pub adapter: Option<String>,
}

/// Parses `args` (`wast` first) and runs; exit 0 when nothing failed, 1 when something failed,
/// 2 for usage errors.
pub fn main(args: Vec<std::ffi::OsString>) -> ExitCode {
    let cli = match WastCli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0), usage errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let gpu = match Gpu::new(&GpuOptions {
        adapter: cli.adapter.clone(),
    }) {
        Ok(gpu) => gpu,
        Err(e) => {
            eprintln!("error: {}", super::one_line(&e.to_string()));
            return ExitCode::from(1);
        }
    };
    println!("Adapter: {}", gpu.adapter_info());
    let runner = WastRunner::with_exact_floats(&gpu, cli.exact_floats);
    let started = Instant::now();
    let mut reports = Vec::new();
    let mut errors = 0u64;
    for file in &cli.files {
        match runner.run_file(file) {
            Ok(report) => {
                println!("{}", report.summary());
                // Right away, so a run cut short still shows what failed so far.
                if cli.verbose {
                    for f in &report.failed {
                        println!("  {f}");
                    }
                }
                reports.push(report);
            }
            Err(e) => {
                errors += 1;
                println!(
                    "{}: error: {}",
                    file.display(),
                    super::one_line(&e.to_string())
                );
            }
        }
    }
    if cli.verbose {
        print_skip_reasons(&reports);
    }
    let passed: u64 = reports.iter().map(|r| r.passed).sum();
    let failed: u64 = reports.iter().map(FileReport::failed_count).sum();
    let skipped: u64 = reports.iter().map(FileReport::skipped_count).sum();
    if cli.files.len() > 1 {
        println!(
            "Total: {passed} passed, {failed} failed, {skipped} skipped in {} files ({:.1} s)",
            reports.len(),
            started.elapsed().as_secs_f64()
        );
    }
    if failed > 0 || errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The skip reasons of all files together, most frequent first.
fn print_skip_reasons(reports: &[FileReport]) {
    let mut reasons: std::collections::BTreeMap<&str, u64> = std::collections::BTreeMap::new();
    for r in reports {
        for (reason, n) in &r.skipped {
            *reasons.entry(reason.as_str()).or_insert(0) += n;
        }
    }
    if reasons.is_empty() {
        return;
    }
    let mut reasons: Vec<(&str, u64)> = reasons.into_iter().collect();
    reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!();
    println!("Skipped, by reason:");
    for (reason, n) in reasons {
        println!("  {n:6}  {reason}");
    }
}
