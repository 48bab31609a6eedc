//! Builds a guest crate (ordinary Rust for wasm32) into the `.wasm` file that the runtime runs.
//!
//! Like rust-gpu's `spirv-builder`, this is meant for tests, build scripts and tools: point
//! [`GuestBuilder`] at a crate directory and call [`build`](GuestBuilder::build).
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use gpu_runtime::guest::{GuestBuilder, GuestTarget};
//!
//! let wasm = GuestBuilder::new("examples/sum").build()?;
//! let bytes = std::fs::read(&wasm)?;
//! # let _ = bytes;
//! let wasi = GuestBuilder::new("my-std-program").target(GuestTarget::Wasm32Wasip1).build()?;
//! # let _ = wasi;
//! # Ok(())
//! # }
//! ```
//!
//! # What it runs
//!
//! `cargo build --manifest-path <crate>/Cargo.toml --target <target> --release
//! --target-dir <dir> --message-format=json-render-diagnostics`, and takes the `.wasm` path from
//! cargo's `compiler-artifact` messages. Cargo is `$CARGO` (set when running under cargo) or
//! `cargo` from `PATH`.
//!
//! Variables that a surrounding host build may have set and that would break or redirect a
//! wasm build are removed from cargo's environment: `RUSTFLAGS`, `CARGO_ENCODED_RUSTFLAGS`,
//! `CARGO_BUILD_RUSTFLAGS`, `CARGO_BUILD_TARGET`, `CARGO_TARGET_DIR`, `CARGO_BUILD_TARGET_DIR`,
//! `RUSTC_WORKSPACE_WRAPPER` (clippy's driver), the jobserver variables (`CARGO_MAKEFLAGS`,
//! `MAKEFLAGS`, `MFLAGS`) and cargo's internal `__CARGO*` variables. Flags meant for the guest
//! go in `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS` (or the wasip1 one), which is kept.
//!
//! # Target directory
//!
//! [`target_dir`](GuestBuilder::target_dir) if given; otherwise `$CARGO_TARGET_DIR/wasm-guests`
//! when `CARGO_TARGET_DIR` is set (a directory of its own, so the outer cargo's lock on its
//! target directory is never waited on); otherwise `<crate>/target`, where a plain
//! `cargo build` in the crate would put it too.
//!
//! # Caching
//!
//! Cargo's own fingerprints already make a repeated build cheap, but starting cargo still costs
//! a fraction of a second per call, which adds up over a test suite. So after a successful build
//! a small stamp file in the target directory records where the `.wasm` is, and the next
//! [`build`](GuestBuilder::build) with the same options skips cargo when the `.wasm` is newer
//! than all of: the crate's `Cargo.toml`, `Cargo.lock` and `build.rs`, every file under its
//! `src/`, and every source file listed in the dep-info file (`.d`) that cargo wrote next to the
//! `.wasm` (which covers the sources of path dependencies such as `gpu-std`). Not covered: the
//! manifests of path dependencies, environment variables and the toolchain version; call
//! [`always_run_cargo`](GuestBuilder::always_run_cargo) when those change.

mod cargo;
mod error;
mod fresh;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use error::GuestBuildError;

/// The wasm target a guest is built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum GuestTarget {
    /// `wasm32-unknown-unknown`: `#![no_std]` guests (the default).
    #[default]
    Wasm32UnknownUnknown,
    /// `wasm32-wasip1`: guests that use `std` through WASI preview 1 imports.
    Wasm32Wasip1,
}

impl GuestTarget {
    /// The target triple.
    pub fn triple(self) -> &'static str {
        match self {
            GuestTarget::Wasm32UnknownUnknown => "wasm32-unknown-unknown",
            GuestTarget::Wasm32Wasip1 => "wasm32-wasip1",
        }
    }
}

/// The cargo profile a guest is built with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum GuestProfile {
    /// `--release` (the default): small, fast kernels.
    #[default]
    Release,
    /// The `dev` profile (no flag).
    Dev,
    /// `--profile <name>`, a custom profile of the guest crate.
    Named(String),
}

/// Which of the crate's targets to build (cargo builds all of them by default).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
enum Selection {
    #[default]
    All,
    Lib,
    Bin(String),
}

/// Builds a guest crate for wasm32 and returns the path of its `.wasm` file.
#[derive(Debug, Clone)]
pub struct GuestBuilder {
    crate_dir: PathBuf,
    target: GuestTarget,
    profile: GuestProfile,
    target_dir: Option<PathBuf>,
    features: Vec<String>,
    no_default_features: bool,
    selection: Selection,
    always_run_cargo: bool,
    verbose: bool,
}

impl GuestBuilder {
    /// A builder for the crate in `crate_dir` (a directory holding `Cargo.toml`, or the path of
    /// the `Cargo.toml` itself), with the defaults: release, `wasm32-unknown-unknown`, default
    /// features.
    pub fn new(crate_dir: impl Into<PathBuf>) -> Self {
        let mut crate_dir = crate_dir.into();
        if crate_dir
            .file_name()
            .is_some_and(|name| name == "Cargo.toml")
            && crate_dir.is_file()
        {
            crate_dir.pop();
        }
        GuestBuilder {
            crate_dir,
            target: GuestTarget::default(),
            profile: GuestProfile::default(),
            target_dir: None,
            features: Vec::new(),
            no_default_features: false,
            selection: Selection::All,
            always_run_cargo: false,
            verbose: false,
        }
    }

    /// The wasm target to build for.
    pub fn target(mut self, target: GuestTarget) -> Self {
        self.target = target;
        self
    }

    /// The cargo profile to build with.
    pub fn profile(mut self, profile: GuestProfile) -> Self {
        self.profile = profile;
        self
    }

    /// Where cargo puts its build output (see the module docs for the default).
    pub fn target_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.target_dir = Some(dir.into());
        self
    }

    /// Enables a feature of the guest crate (`--features`).
    pub fn feature(mut self, feature: impl Into<String>) -> Self {
        self.features.push(feature.into());
        self
    }

    /// Turns off the guest crate's default features (`--no-default-features`).
    pub fn no_default_features(mut self) -> Self {
        self.no_default_features = true;
        self
    }

    /// Builds only the crate's library (`--lib`), for a crate that also has binaries.
    pub fn lib(mut self) -> Self {
        self.selection = Selection::Lib;
        self
    }

    /// Builds only the named binary (`--bin <name>`), e.g. a `wasm32-wasip1` program.
    pub fn bin(mut self, name: impl Into<String>) -> Self {
        self.selection = Selection::Bin(name.into());
        self
    }

    /// Runs cargo even when the `.wasm` looks up to date (see "Caching" in the module docs).
    pub fn always_run_cargo(mut self, yes: bool) -> Self {
        self.always_run_cargo = yes;
        self
    }

    /// Copies cargo's progress and diagnostics to this process's stderr as they arrive
    /// (otherwise they are only kept for the error of a failed build).
    pub fn verbose(mut self, yes: bool) -> Self {
        self.verbose = yes;
        self
    }

    /// Builds the crate (or finds it up to date) and returns the path of the `.wasm` file.
    pub fn build(&self) -> Result<PathBuf, GuestBuildError> {
        let manifest = self.manifest()?;
        let target_dir = self.resolved_target_dir(&manifest);
        let stamp = fresh::stamp_path(&target_dir, &self.stamp_key(&manifest));
        if !self.always_run_cargo {
            if let Some(wasm) = fresh::up_to_date(&stamp, &manifest) {
                return Ok(wasm);
            }
        }
        let wasm = cargo::build(self, &manifest, &target_dir)?;
        // The stamp only saves a cargo run next time; failing to write it is not an error.
        let _ = fresh::write_stamp(&stamp, &wasm);
        Ok(wasm)
    }

    /// The `.wasm` of the last build with these options if it is still up to date (the check
    /// [`build`](Self::build) makes before running cargo), without building anything.
    pub fn up_to_date(&self) -> Option<PathBuf> {
        let manifest = self.manifest().ok()?;
        let target_dir = self.resolved_target_dir(&manifest);
        fresh::up_to_date(
            &fresh::stamp_path(&target_dir, &self.stamp_key(&manifest)),
            &manifest,
        )
    }

    /// The crate's `Cargo.toml`, made absolute.
    fn manifest(&self) -> Result<PathBuf, GuestBuildError> {
        let manifest = self.crate_dir.join("Cargo.toml");
        if !manifest.is_file() {
            return Err(GuestBuildError::MissingManifest { path: manifest });
        }
        manifest
            .canonicalize()
            .map_err(|source| GuestBuildError::Io {
                path: manifest,
                source,
            })
    }

    fn resolved_target_dir(&self, manifest: &Path) -> PathBuf {
        if let Some(dir) = &self.target_dir {
            return dir.clone();
        }
        if let Some(outer) = std::env::var_os("CARGO_TARGET_DIR").filter(|dir| !dir.is_empty()) {
            return PathBuf::from(outer).join("wasm-guests");
        }
        manifest
            .parent()
            .map(|dir| dir.join("target"))
            .unwrap_or_else(|| PathBuf::from("target"))
    }

    /// Everything that selects which `.wasm` a build produces.
    fn stamp_key(&self, manifest: &Path) -> String {
        format!(
            "{}|{}|{:?}|{:?}|{}|{:?}",
            manifest.display(),
            self.target.triple(),
            self.profile,
            self.features,
            self.no_default_features,
            self.selection
        )
    }
}
