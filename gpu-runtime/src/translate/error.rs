//! Typed translation errors. Every error that concerns code names the wasm function and the byte
//! offset of the operator in the module, so a user can find it with `wasm-objdump -d`.

use thiserror::Error;

/// Where in the module an error happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Wasm function index (imports included, as in the wasm index space).
    pub func_index: u32,
    /// The function's name from the name section, or `func[N]`.
    pub func_name: String,
    /// Byte offset of the operator in the module.
    pub offset: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "in function {} ({}) at offset {:#x}",
            self.func_index, self.func_name, self.offset
        )
    }
}

/// A failure to translate a WebAssembly module into naga IR.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum TranslateError {
    /// The bytes are not a valid WebAssembly module.
    #[error("invalid wasm at offset {offset:#x}: {message}")]
    InvalidWasm { message: String, offset: usize },

    /// An operator the translator cannot lower (yet).
    #[error("unsupported operator `{op}` {location}")]
    Unsupported { op: String, location: Location },

    /// A module-level construct the translator cannot lower (yet).
    #[error("unsupported module feature: {what}")]
    UnsupportedFeature { what: String },

    /// A function reachable from an entry point is imported from the host.
    #[error("function {func_index} is imported as `{module}.{name}`, which this runtime does not provide")]
    UnsupportedImport {
        module: String,
        name: String,
        func_index: u32,
    },

    /// The requested export does not exist or is not a function.
    #[error("no exported function named `{name}` (exported functions: {available})")]
    MissingExport { name: String, available: String },

    /// A call cycle is reachable from an entry point and recursion was turned off.
    #[error("recursion is turned off and the call graph has a cycle: {}", cycle.join(" -> "))]
    Recursion { cycle: Vec<String> },

    /// naga rejected the generated module: a translator bug, reported with the function.
    #[error("generated shader failed validation (translator bug): {message}")]
    Validation { message: String },

    /// Writing the module as WGSL, SPIR-V or MSL failed.
    #[error("could not write {format}: {message}")]
    Backend {
        format: &'static str,
        message: String,
    },
}

impl TranslateError {
    /// The location of the error, when it concerns code in a function.
    pub fn location(&self) -> Option<&Location> {
        match self {
            TranslateError::Unsupported { location, .. } => Some(location),
            _ => None,
        }
    }
}

impl From<wasmparser::BinaryReaderError> for TranslateError {
    fn from(e: wasmparser::BinaryReaderError) -> Self {
        TranslateError::InvalidWasm {
            message: e.message().split_whitespace().collect::<Vec<_>>().join(" "),
            offset: e.offset() as usize,
        }
    }
}
