//! Why a guest build failed.

use std::path::PathBuf;

/// An error from [`GuestBuilder::build`](super::GuestBuilder::build).
#[derive(Debug, thiserror::Error)]
pub enum GuestBuildError {
    #[error("no guest crate at {}: the file does not exist", path.display())]
    MissingManifest { path: PathBuf },

    #[error("cargo not found (tried `{}`); install Rust with rustup", cargo.display())]
    CargoNotFound { cargo: PathBuf },

    #[error("could not run `{}`: {source}", cargo.display())]
    CargoSpawn {
        cargo: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("the Rust target {target} is not installed; run `rustup target add {target}`")]
    MissingTarget { target: &'static str },

    #[error("cargo could not build the guest crate {} ({status}); its last output:\n{stderr_tail}", manifest.display())]
    Compile {
        manifest: PathBuf,
        status: String,
        stderr_tail: String,
    },

    #[error(
        "cargo built {} but wrote no .wasm file; a guest library needs `crate-type = [\"cdylib\"]`",
        manifest.display()
    )]
    NoWasm { manifest: PathBuf },

    #[error(
        "cargo built several .wasm files from {}: {}; choose one with `GuestBuilder::lib` or `GuestBuilder::bin`",
        manifest.display(),
        list(wasm)
    )]
    SeveralWasm {
        manifest: PathBuf,
        wasm: Vec<PathBuf>,
    },

    #[error("unexpected output from cargo: {message}")]
    CargoOutput { message: String },

    #[error("i/o error on {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|path| path.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
