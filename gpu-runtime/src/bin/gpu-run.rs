//! `gpu-run`: translate a WebAssembly module and run one export on many GPU threads.
//!
//! ```text
//! gpu-run sum.wasm --threads 10240 -- 100
//! gpu-run sum.wasm --emit wgsl
//! ```
//!
//! Errors are one line on stderr starting `error: `; exit code 1 for traps and runtime
//! failures, 2 for usage and input errors.

#[path = "gpu_run/mod.rs"]
mod gpu_run;

use std::process::ExitCode;

fn main() -> ExitCode {
    // One line, no backtrace, whatever goes wrong.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("error: internal error: {}{at}", gpu_run::one_line(&message));
    }));
    gpu_run::main()
}
