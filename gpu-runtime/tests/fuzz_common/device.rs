//! The GPU side: which exports can be translated, and one GPU instance of them.

use gpu_runtime::host::{Gpu, HostError, Instance, InstanceOptions, Program, Value};
use gpu_runtime::translate::abi::{EntryLayout, TrapKind, START_EXPORT};
use gpu_runtime::translate::{translate, TranslateError, TranslateOptions, Translation};

use super::compare::Outcome;

/// Why a translation error is not a finding: the translator declines the input by design.
pub fn skip_reason(e: &TranslateError) -> Option<String> {
    match e {
        TranslateError::Recursion { .. } => Some("recursion".into()),
        TranslateError::Unsupported { op, .. } => Some(format!("unsupported operator `{op}`")),
        TranslateError::UnsupportedFeature { what } => {
            Some(format!("unsupported feature: {}", without_digits(what)))
        }
        _ => None,
    }
}

/// `"70000 locals in one function"` → `"N locals in one function"`, so reasons group.
fn without_digits(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('N') {
                out.push('N');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The exports that translate, as one translation, and the skipped ones with their reasons.
#[derive(Debug)]
pub struct Selection {
    pub translation: Translation,
    pub skipped: Vec<(String, String)>,
}

/// Translates every export at once; when the translator declines that (recursion, an
/// unsupported operator in some function), each export alone, keeping those that translate.
/// `Ok(Err(reasons))`: nothing translates, for these reasons; `Err`: a translator bug.
pub fn select(
    wasm: &[u8],
    exports: &[String],
) -> Result<Result<Selection, Vec<String>>, TranslateError> {
    let first = match translate(wasm, &TranslateOptions::default()) {
        Ok(translation) => {
            return Ok(Ok(Selection {
                translation,
                skipped: Vec::new(),
            }))
        }
        Err(e) => e,
    };
    if skip_reason(&first).is_none() {
        return Err(first);
    }
    let mut good = Vec::new();
    let mut skipped = Vec::new();
    for name in exports {
        match translate(wasm, &TranslateOptions::entry(name.clone())) {
            Ok(_) => good.push(name.clone()),
            Err(e) => match skip_reason(&e) {
                Some(reason) => skipped.push((name.clone(), reason)),
                None => return Err(e),
            },
        }
    }
    if good.is_empty() {
        return Ok(Err(skipped.into_iter().map(|(_, r)| r).collect()));
    }
    let options = TranslateOptions {
        entries: Some(good),
        ..TranslateOptions::default()
    };
    translate(wasm, &options).map(|translation| {
        Ok(Selection {
            translation,
            skipped,
        })
    })
}

/// One GPU instance of a program.
#[derive(Debug)]
pub struct Device {
    program: Program,
    instance: Instance,
}

/// What a GPU call gave when it cannot be compared.
#[derive(Debug)]
pub enum DeviceLimit {
    /// The driver's loop cap (lavapipe: 65,535 back-edges per invocation): `LoopLimit` trap or
    /// an unfinished thread.
    LoopLimit,
    /// The per-thread call stack of recursive code ran out (`CallStackExhausted`): a resource
    /// limit, like wasmi's own stack limit, that the spec allows anywhere.
    CallStack,
    /// Any other host error: a finding.
    Host(HostError),
}

impl Device {
    /// Compiles the translation for `gpu`.
    pub fn program(gpu: &Gpu, translation: Translation) -> Result<Program, HostError> {
        Program::new(gpu, translation)
    }

    /// A fresh instance of `program` (default options: memory may grow to the declared maximum).
    pub fn new(program: &Program) -> Result<Device, HostError> {
        Ok(Device {
            program: program.clone(),
            instance: Instance::new(program, &InstanceOptions::default())?,
        })
    }

    /// The entry points of exports, in translation order (not the start function's).
    pub fn entries(&self) -> Vec<EntryLayout> {
        let layout = self.program.layout();
        layout
            .entries
            .iter()
            .filter(|e| e.export != START_EXPORT)
            .cloned()
            .collect()
    }

    /// Runs `export(args)` on one GPU thread.
    pub fn call(&mut self, export: &str, args: &[Value]) -> Result<Outcome, DeviceLimit> {
        match self.instance.run(export, 1, args) {
            Ok(out) => match out.result(0) {
                Some(Ok(values)) => Ok(Outcome::Returned(values)),
                Some(Err(TrapKind::LoopLimit)) => Err(DeviceLimit::LoopLimit),
                Some(Err(TrapKind::CallStackExhausted)) => Err(DeviceLimit::CallStack),
                Some(Err(kind)) => Ok(Outcome::Trapped(kind)),
                None => Err(DeviceLimit::Host(HostError::Layout {
                    message: "a run of one thread returned no thread".into(),
                })),
            },
            Err(HostError::Unfinished { .. }) => Err(DeviceLimit::LoopLimit),
            Err(e) => Err(DeviceLimit::Host(e)),
        }
    }

    /// The memory's bytes (empty without a memory).
    pub fn memory(&mut self) -> Result<Vec<u8>, HostError> {
        if self.program.layout().memory.is_none() {
            return Ok(Vec::new());
        }
        self.instance.refresh()?;
        let size = self.instance.memory_size_bytes();
        self.instance.read_memory(0, size)
    }

    /// The exported globals: name, index in the layout, type.
    pub fn exported_globals(&self) -> Vec<(String, usize, gpu_runtime::translate::abi::ValType)> {
        self.program
            .layout()
            .globals
            .iter()
            .enumerate()
            .filter_map(|(i, g)| g.export.clone().map(|n| (n, i, g.ty)))
            .collect()
    }

    /// The current value of global `index`.
    pub fn global(&self, index: usize) -> Result<Value, HostError> {
        self.instance.read_global(index)
    }
}
