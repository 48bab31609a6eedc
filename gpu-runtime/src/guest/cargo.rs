//! Runs `cargo build` for a guest and reads the `.wasm` path from its JSON messages.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{GuestBuildError, GuestBuilder, GuestProfile, GuestTarget, Selection};

/// Variables a surrounding (host) cargo run may have set that would break or redirect a wasm
/// build. Variables starting with `__CARGO` are removed as well.
const CLEARED_ENV: &[&str] = &[
    "RUSTFLAGS",
    "CARGO_ENCODED_RUSTFLAGS",
    "CARGO_BUILD_RUSTFLAGS",
    "CARGO_BUILD_TARGET",
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET_DIR",
    "RUSTC_WORKSPACE_WRAPPER",
    "CARGO_MAKEFLAGS",
    "MAKEFLAGS",
    "MFLAGS",
];

/// Lines of cargo's stderr kept for a compile error.
const STDERR_TAIL_LINES: usize = 60;

/// Runs cargo and returns the `.wasm` it produced.
pub fn build(
    builder: &GuestBuilder,
    manifest: &Path,
    target_dir: &Path,
) -> Result<PathBuf, GuestBuildError> {
    let cargo = cargo_path();
    let mut command = command(builder, &cargo, manifest, target_dir);
    let mut child = command.spawn().map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            GuestBuildError::CargoNotFound {
                cargo: cargo.clone(),
            }
        } else {
            GuestBuildError::CargoSpawn {
                cargo: cargo.clone(),
                source,
            }
        }
    })?;

    // Read stderr on its own thread so that neither pipe fills up and blocks cargo.
    let stderr = child.stderr.take().map(|pipe| {
        let verbose = builder.verbose;
        std::thread::spawn(move || collect_stderr(pipe, verbose))
    });
    let mut artifacts = Artifacts::default();
    let mut read_error = None;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            match line {
                Ok(line) => artifacts.add_message(&line, manifest),
                Err(error) => read_error = Some(error),
            }
        }
    }
    let status = child.wait().map_err(|source| GuestBuildError::CargoSpawn {
        cargo: cargo.clone(),
        source,
    })?;
    let stderr = stderr
        .and_then(|thread| thread.join().ok())
        .unwrap_or_default();

    if !status.success() || artifacts.finished == Some(false) {
        return Err(failure(
            builder.target,
            manifest,
            &status.to_string(),
            &stderr,
        ));
    }
    if let Some(error) = read_error {
        return Err(GuestBuildError::CargoOutput {
            message: format!("reading cargo's messages: {error}"),
        });
    }
    artifacts.into_wasm(manifest)
}

/// `$CARGO` when this process runs under cargo (the same toolchain), else `cargo` from `PATH`.
fn cargo_path() -> PathBuf {
    std::env::var_os("CARGO")
        .filter(|cargo| !cargo.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("cargo"))
}

fn command(builder: &GuestBuilder, cargo: &Path, manifest: &Path, target_dir: &Path) -> Command {
    let mut command = Command::new(cargo);
    command
        .arg("build")
        .arg("--manifest-path")
        .arg(manifest)
        .arg("--target")
        .arg(builder.target.triple())
        .arg("--target-dir")
        .arg(target_dir)
        .arg("--message-format=json-render-diagnostics");
    match &builder.profile {
        GuestProfile::Release => {
            command.arg("--release");
        }
        GuestProfile::Dev => {}
        GuestProfile::Named(name) => {
            command.arg("--profile").arg(name);
        }
    }
    if !builder.features.is_empty() {
        command.arg("--features").arg(builder.features.join(","));
    }
    if builder.no_default_features {
        command.arg("--no-default-features");
    }
    match &builder.selection {
        Selection::All => {}
        Selection::Lib => {
            command.arg("--lib");
        }
        Selection::Bin(name) => {
            command.arg("--bin").arg(name);
        }
    }
    for name in CLEARED_ENV {
        command.env_remove(name);
    }
    for (name, _) in std::env::vars_os() {
        if name.as_encoded_bytes().starts_with(b"__CARGO") {
            command.env_remove::<OsString>(name);
        }
    }
    // Build from the crate's directory so that its `.cargo/config.toml` applies, not ours.
    if let Some(dir) = manifest.parent() {
        command.current_dir(dir);
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// All of cargo's stderr (rendered diagnostics and progress), echoed if asked.
fn collect_stderr(pipe: impl Read, verbose: bool) -> String {
    let mut text = String::new();
    let mut reader = BufReader::new(pipe);
    let mut line = Vec::new();
    while let Ok(n) = reader.read_until(b'\n', &mut line) {
        if n == 0 {
            break;
        }
        let piece = String::from_utf8_lossy(&line);
        if verbose {
            eprint!("{piece}");
        }
        text.push_str(&piece);
        line.clear();
    }
    text
}

/// The error for a failed cargo run: a missing rustup target, or a compile failure.
fn failure(target: GuestTarget, manifest: &Path, status: &str, stderr: &str) -> GuestBuildError {
    if stderr.contains("target may not be installed") {
        return GuestBuildError::MissingTarget {
            target: target.triple(),
        };
    }
    let lines: Vec<&str> = stderr.lines().collect();
    let start = lines.len().saturating_sub(STDERR_TAIL_LINES);
    GuestBuildError::Compile {
        manifest: manifest.to_path_buf(),
        status: status.to_string(),
        stderr_tail: lines[start..].join("\n"),
    }
}

/// What cargo's JSON messages said.
#[derive(Debug, Default)]
struct Artifacts {
    /// `.wasm` files of the guest crate's own targets.
    own: Vec<PathBuf>,
    /// `.wasm` files of any package (used if the manifest paths do not compare equal).
    any: Vec<PathBuf>,
    /// `success` of the `build-finished` message.
    finished: Option<bool>,
}

impl Artifacts {
    fn add_message(&mut self, line: &str, manifest: &Path) {
        // Cargo's stdout holds one JSON object per line; anything else is not ours to read.
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            return;
        };
        match message["reason"].as_str() {
            Some("compiler-artifact") => {
                let own = message["manifest_path"]
                    .as_str()
                    .is_some_and(|path| same_file(Path::new(path), manifest));
                let wasm = message["filenames"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|name| name.as_str())
                    .filter(|name| name.ends_with(".wasm"))
                    .map(PathBuf::from);
                for file in wasm {
                    if own {
                        self.own.push(file.clone());
                    }
                    self.any.push(file);
                }
            }
            Some("build-finished") => self.finished = message["success"].as_bool(),
            _ => {}
        }
    }

    fn into_wasm(self, manifest: &Path) -> Result<PathBuf, GuestBuildError> {
        let mut wasm = if self.own.is_empty() {
            self.any
        } else {
            self.own
        };
        wasm.dedup();
        match wasm.len() {
            0 => Err(GuestBuildError::NoWasm {
                manifest: manifest.to_path_buf(),
            }),
            1 => Ok(wasm.remove(0)),
            _ => Err(GuestBuildError::SeveralWasm {
                manifest: manifest.to_path_buf(),
                wasm,
            }),
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_target_is_recognised() {
        let stderr = "error[E0463]: can't find crate for `core`\n  |\n  = note: the \
                      `wasm32-unknown-unknown` target may not be installed\n  = help: consider \
                      downloading the target with `rustup target add wasm32-unknown-unknown`\n";
        let error = failure(
            GuestTarget::Wasm32UnknownUnknown,
            Path::new("/x/Cargo.toml"),
            "exit status: 101",
            stderr,
        );
        assert!(matches!(error, GuestBuildError::MissingTarget { .. }));
        assert!(error
            .to_string()
            .contains("rustup target add wasm32-unknown-unknown"));
    }

    #[test]
    fn compile_errors_keep_the_tail_of_stderr() {
        let stderr: String = (0..100).map(|i| format!("line {i}\n")).collect();
        let error = failure(
            GuestTarget::Wasm32Wasip1,
            Path::new("/x/Cargo.toml"),
            "exit status: 101",
            &stderr,
        );
        let tail = match &error {
            GuestBuildError::Compile { stderr_tail, .. } => stderr_tail.as_str(),
            _ => "",
        };
        assert!(tail.ends_with("line 99"), "{error:?}");
        assert!(!tail.contains("line 39\n"));
        assert_eq!(tail.lines().count(), STDERR_TAIL_LINES);
    }

    #[test]
    fn artifacts_of_the_guest_crate_win() {
        let manifest = Path::new("/g/Cargo.toml");
        let mut artifacts = Artifacts::default();
        artifacts.add_message(
            r#"{"reason":"compiler-artifact","manifest_path":"/dep/Cargo.toml","filenames":["/t/dep.wasm"]}"#,
            manifest,
        );
        artifacts.add_message(
            r#"{"reason":"compiler-artifact","manifest_path":"/g/Cargo.toml","filenames":["/t/g.wasm","/t/libg.rlib"]}"#,
            manifest,
        );
        artifacts.add_message("not json", manifest);
        artifacts.add_message(r#"{"reason":"build-finished","success":true}"#, manifest);
        assert_eq!(artifacts.finished, Some(true));
        assert_eq!(
            artifacts.into_wasm(manifest).ok(),
            Some(PathBuf::from("/t/g.wasm"))
        );
    }
}
