//! Runs WebAssembly spec testsuite scripts (`.wast`) on a [`Gpu`].
//!
//! Every `module` is translated with [`TranslateOptions::default`](crate::translate::TranslateOptions)
//! (all exports) into a [`Program`](crate::host::Program) and instantiated; its
//! [`Instance`](crate::host::Instance) keeps memory, globals and dropped segments between
//! commands, as the spec requires. Each `invoke` is one run of one GPU thread; arguments and
//! results cross as raw bits and are compared exactly (`nan:canonical` and `nan:arithmetic` as
//! the spec defines them).
//!
//! | command | how it is checked |
//! |---|---|
//! | `module` | translated (cached by its bytes), instantiated, start function run |
//! | `register` | accepted; a module whose imports need no shared state (pure functions and constant globals of registered modules, `spectest`'s prints and globals) gets them defined in place (`link`); any other import is refused by the translator (skipped) |
//! | `invoke`, `assert_return` | run, results compared bit for bit |
//! | `get` | [`Instance::read_global_export`](crate::host::Instance::read_global_export) |
//! | `assert_trap` | our [`TrapKind::message`](crate::translate::abi::TrapKind::message) against the script's |
//! | `assert_trap (module ...)` | instantiation must trap (data segment, start function) |
//! | `assert_invalid`, `assert_malformed` | the text must not encode, or wasmparser must reject it |
//! | `assert_exhaustion` | the run must trap with `call stack exhausted` |
//! | `assert_unlinkable` | skipped: modules cannot import from other modules |
//!
//! A module the translator refuses (unsupported imports, table mutation, ...) has its commands
//! skipped with the translator's reason; when only some exports are refused, the others still
//! run. A skipped command that could have changed state (a store, a global or table write, an
//! import call: see `effects`) leaves the instance in a state the script does not expect, so
//! the later commands on it are skipped too (reason `after a skipped state change (...)`);
//! likewise for a registered module whose memory or table a skipped module would have written
//! into when instantiated. Translator and host bugs (a shader wgpu rejects, a naga validation error)
//! are failures, not skips.
//!
//! # Speed
//!
//! Measured on lavapipe (2 cores): a dispatch of one thread with its readback costs about
//! 0.4–0.9 ms, a pipeline for a small export about 1 ms, an instance 0.1–0.5 ms. So every
//! command is its own dispatch (no batching); programs are cached by module bytes, and a
//! pipeline is compiled only for exports that run.

mod effects;
mod error;
mod link;
mod loader;
mod report;
mod script;
mod start;
mod values;

use std::path::Path;
use std::time::Instant;

pub use error::WastError;
pub use report::{Failure, FileReport};
pub use start::START_EXPORT;

use crate::host::{Gpu, InstanceOptions};
use loader::ProgramCache;

/// Runs scripts on one GPU, sharing translated programs between them. Cheap to clone; clones
/// share the program cache.
#[derive(Debug, Clone)]
pub struct WastRunner {
    gpu: Gpu,
    cache: ProgramCache,
    options: InstanceOptions,
}

impl WastRunner {
    /// A runner on `gpu` with default instance options and the driver's own float semantics.
    pub fn new(gpu: &Gpu) -> WastRunner {
        WastRunner::with_exact_floats(gpu, false)
    }

    /// A runner whose programs use exact-float mode when `exact_floats`
    /// ([`ProgramOptions::exact_floats`](crate::host::ProgramOptions) and
    /// [`TranslateOptions::exact_floats`](crate::translate::TranslateOptions)); with
    /// it, a module fails to load on adapters that cannot give it.
    pub fn with_exact_floats(gpu: &Gpu, exact_floats: bool) -> WastRunner {
        WastRunner {
            gpu: gpu.clone(),
            cache: ProgramCache::new(gpu, exact_floats),
            options: InstanceOptions::default(),
        }
    }

    /// The GPU scripts run on.
    pub fn gpu(&self) -> &Gpu {
        &self.gpu
    }

    /// Number of distinct modules translated so far.
    pub fn cached_programs(&self) -> usize {
        self.cache.len()
    }

    /// Runs a script read from `path`; the report is named by the path as given.
    pub fn run_file(&self, path: &Path) -> Result<FileReport, WastError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| WastError::Read {
            file: name.clone(),
            message: e.to_string(),
        })?;
        self.run_script(&name, &text)
    }

    /// Runs the script `text`, named `file` in the report.
    pub fn run_script(&self, file: &str, text: &str) -> Result<FileReport, WastError> {
        let started = Instant::now();
        let mut lexer = wast::lexer::Lexer::new(text);
        // names.wast has names with bidirectional-override characters.
        lexer.allow_confusing_unicode(true);
        let buffer = wast::parser::ParseBuffer::new_with_lexer(lexer)
            .map_err(|e| WastError::parse(file, text, &e))?;
        let parsed = wast::parser::parse::<wast::Wast<'_>>(&buffer)
            .map_err(|e| WastError::parse(file, text, &e))?;
        let mut script = script::Script::new(&self.cache, &self.options, file, text);
        for directive in parsed.directives {
            script.run(directive);
        }
        let mut report = script.report;
        report.elapsed = started.elapsed();
        Ok(report)
    }
}
