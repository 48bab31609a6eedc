//! The arbitrary-bytes property: `translate` on any input returns a typed error or a module
//! that naga validated (`translate` validates before returning; a `Validation` error is a
//! translator bug), and the SPIR-V and WGSL writers take that module without panicking.

use gpu_runtime::translate::{translate, StoreMode, TranslateError, TranslateOptions};

/// How one input ended.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BytesOutcome {
    /// Translated and validated.
    Translated,
    /// A typed error that is not a translator bug: the variant name, with the operator or
    /// feature for `Unsupported`/`UnsupportedFeature`.
    Declined(String),
}

/// A translator bug: the generated module failed validation, or a backend error that a valid
/// module must not produce.
#[derive(Debug, Clone)]
pub struct BytesBug(pub String);

/// Translates `wasm` with the default options and with atomic stores, and writes SPIR-V and
/// WGSL for what translates.
pub fn check(wasm: &[u8]) -> Result<BytesOutcome, BytesBug> {
    let mut outcome = BytesOutcome::Translated;
    for stores in [StoreMode::PrivatePlain, StoreMode::Atomic] {
        let options = TranslateOptions {
            stores,
            ..TranslateOptions::default()
        };
        match translate(wasm, &options) {
            Ok(t) => {
                t.to_spirv()
                    .map_err(|e| BytesBug(format!("SPIR-V of a validated module: {e}")))?;
                // The WGSL writer may decline constructs WGSL lacks; only a panic would matter.
                let _ = t.to_wgsl();
            }
            Err(e @ TranslateError::Validation { .. }) => return Err(BytesBug(e.to_string())),
            Err(e) => {
                let reason = match &e {
                    TranslateError::Unsupported { .. }
                    | TranslateError::UnsupportedFeature { .. } => without_names(
                        &crate::differential::device::skip_reason(&e).unwrap_or_default(),
                    ),
                    _ => variant(&e).to_string(),
                };
                outcome = BytesOutcome::Declined(reason);
            }
        }
    }
    Ok(outcome)
}

/// The variant name of an error, for counting.
pub fn variant(e: &TranslateError) -> &'static str {
    match e {
        TranslateError::InvalidWasm { .. } => "InvalidWasm",
        TranslateError::Unsupported { .. } => "Unsupported",
        TranslateError::UnsupportedFeature { .. } => "UnsupportedFeature",
        TranslateError::UnsupportedImport { .. } => "UnsupportedImport",
        TranslateError::MissingExport { .. } => "MissingExport",
        TranslateError::Recursion { .. } => "Recursion",
        TranslateError::Validation { .. } => "Validation",
        TranslateError::Backend { .. } => "Backend",
        _ => "other",
    }
}

/// A wasm-smith module beyond what the differential checker generates: the first byte picks
/// WebAssembly 2.0 with everything in it (SIMD, every reference-type and table operator,
/// imports of every kind, several tables, start functions: valid input the translator must
/// lower or decline with a typed error), or every proposal wasm-smith knows (mostly rejected
/// by validation as outside WebAssembly 2.0).
pub fn broad_module(data: &[u8]) -> Option<Vec<u8>> {
    let mut u = arbitrary::Unstructured::new(data);
    let every_proposal: bool = u.arbitrary().ok()?;
    let config = if every_proposal {
        wasm_smith::Config {
            max_memories: 2,
            max_tables: 2,
            ..wasm_smith::Config::default()
        }
    } else {
        wasm_smith::Config {
            threads_enabled: false,
            gc_enabled: false,
            exceptions_enabled: false,
            tail_call_enabled: false,
            memory64_enabled: false,
            wide_arithmetic_enabled: false,
            extended_const_enabled: false,
            relaxed_simd_enabled: false,
            max_tables: 3,
            max_memories: 1,
            ..wasm_smith::Config::default()
        }
    };
    wasm_smith::Module::new(config, &mut u)
        .ok()
        .map(|m| m.to_bytes())
}

/// `import `a.b` (only ...)` → `import `…` (only ...)`, so reasons with names group.
fn without_names(reason: &str) -> String {
    match reason.split_once("import `") {
        Some((head, tail)) => match tail.split_once('`') {
            Some((_, rest)) => format!("{head}import `…`{rest}"),
            None => reason.to_string(),
        },
        None => reason.to_string(),
    }
}
