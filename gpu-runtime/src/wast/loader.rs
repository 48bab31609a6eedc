//! Turning module bytes into a [`Program`]: translation (salvaging the exports that translate
//! when some do not), the start-function rewrite, and a cache keyed by the module's bytes, so a
//! module that a script (or another script) repeats is translated and compiled once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use super::effects::mutating_exports;
use super::start::export_start;
use crate::host::{Gpu, Program, ProgramOptions};
use crate::translate::{translate, TranslateError, TranslateOptions};

/// Why something is not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    /// The runtime does not support it (yet): its commands are skipped with this reason.
    Unsupported(String),
    /// It should run but a translator or host bug stops it: its commands fail with this.
    Broken(String),
}

/// A translated and compiled module.
#[derive(Debug)]
pub struct Loaded {
    pub program: Program,
    /// Exported functions left out of the program, with why.
    pub unavailable: BTreeMap<String, Unavailable>,
    /// Exported functions that may change the instance's state.
    pub mutating: HashSet<String>,
    /// The module has a start function, exported as
    /// [`START_EXPORT`](super::start::START_EXPORT).
    pub has_start: bool,
}

/// What loading module bytes gave.
#[derive(Debug)]
pub enum Load {
    Ready(Loaded),
    /// wasmparser rejected the module (the message).
    Invalid(String),
    /// No export can run.
    Unavailable(Unavailable),
}

/// Module bytes to loaded programs. Cheap to clone; clones share the cache.
#[derive(Debug, Clone)]
pub struct ProgramCache {
    gpu: Gpu,
    exact_floats: bool,
    map: Arc<Mutex<HashMap<Vec<u8>, Arc<Load>>>>,
}

impl ProgramCache {
    /// A cache whose programs use exact-float mode when `exact_floats` (see
    /// [`ProgramOptions::exact_floats`]).
    pub fn new(gpu: &Gpu, exact_floats: bool) -> ProgramCache {
        ProgramCache {
            gpu: gpu.clone(),
            exact_floats,
            map: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// The loaded module for `wasm`, translated and compiled on first use.
    pub fn load(&self, wasm: &[u8]) -> Arc<Load> {
        if let Some(hit) = self.lock().get(wasm) {
            return Arc::clone(hit);
        }
        let loaded = Arc::new(load(&self.gpu, wasm, self.exact_floats));
        self.lock().insert(wasm.to_vec(), Arc::clone(&loaded));
        loaded
    }

    /// Number of distinct modules loaded.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Vec<u8>, Arc<Load>>> {
        // A poisoned map only means a thread panicked between lookups; the entries are whole.
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Whether wasmparser (the translator's validator) rejects `wasm`, with its message.
pub fn rejection(wasm: &[u8]) -> Option<String> {
    match translate(wasm, &TranslateOptions::default()) {
        Err(e @ TranslateError::InvalidWasm { .. }) => Some(e.to_string()),
        _ => None,
    }
}

/// The translation options of every export: the defaults, plus correctly rounded f32 division
/// and square root in exact-float mode.
fn base_options(exact_floats: bool) -> TranslateOptions {
    TranslateOptions {
        exact_floats,
        ..TranslateOptions::default()
    }
}

fn load(gpu: &Gpu, original: &[u8], exact_floats: bool) -> Load {
    let rewritten = export_start(original);
    let has_start = rewritten.is_some();
    let wasm = rewritten.as_deref().unwrap_or(original);
    let base = base_options(exact_floats);
    let (translation, unavailable) = match translate(wasm, &base) {
        Ok(t) => (t, BTreeMap::new()),
        Err(e @ TranslateError::InvalidWasm { .. }) => return Load::Invalid(e.to_string()),
        Err(e) => match salvage(wasm, &base) {
            Some(found) => found,
            None => return Load::Unavailable(classify(&e)),
        },
    };
    let options = ProgramOptions { exact_floats };
    match Program::with_options(gpu, translation, &options) {
        Ok(program) => Load::Ready(Loaded {
            program,
            unavailable,
            mutating: mutating_exports(wasm),
            has_start,
        }),
        Err(e) => Load::Unavailable(Unavailable::Broken(format!(
            "the host rejected the module: {e}"
        ))),
    }
}

/// Translates each export alone to find those that translate, then all of them together.
/// `None` when none does.
fn salvage(
    wasm: &[u8],
    base: &TranslateOptions,
) -> Option<(crate::translate::Translation, BTreeMap<String, Unavailable>)> {
    let mut ok = Vec::new();
    let mut unavailable = BTreeMap::new();
    for name in exported_functions(wasm) {
        let alone = TranslateOptions {
            entries: Some(vec![name.clone()]),
            ..base.clone()
        };
        match translate(wasm, &alone) {
            Ok(_) => ok.push(name),
            Err(e) => {
                unavailable.insert(name, classify(&e));
            }
        }
    }
    if ok.is_empty() {
        return None;
    }
    let options = TranslateOptions {
        entries: Some(ok),
        ..base.clone()
    };
    let translation = translate(wasm, &options).ok()?;
    Some((translation, unavailable))
}

fn exported_functions(wasm: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let Ok(wasmparser::Payload::ExportSection(reader)) = payload else {
            continue;
        };
        for export in reader.into_iter().flatten() {
            if export.kind == wasmparser::ExternalKind::Func {
                names.push(export.name.to_string());
            }
        }
    }
    names
}

/// A translator error as a skip reason (features not supported yet, worded to aggregate well)
/// or a failure (translator bugs).
pub fn classify(e: &TranslateError) -> Unavailable {
    match e {
        TranslateError::Recursion { .. } => Unavailable::Unsupported("recursion".into()),
        TranslateError::Unsupported { op, .. } => {
            Unavailable::Unsupported(format!("unsupported operator `{op}`"))
        }
        TranslateError::UnsupportedFeature { what } => {
            Unavailable::Unsupported(format!("unsupported: {what}"))
        }
        TranslateError::UnsupportedImport { module, name, .. } => {
            Unavailable::Unsupported(format!("unsupported import `{module}.{name}`"))
        }
        other => Unavailable::Broken(format!("translation failed: {other}")),
    }
}
