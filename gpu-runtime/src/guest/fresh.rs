//! The "is the `.wasm` newer than its sources?" check that lets a build skip cargo.
//!
//! A stamp file per set of build options records the `.wasm` path of the last successful
//! build. The `.wasm` is up to date when no input is newer than it: the crate's `Cargo.toml`,
//! `Cargo.lock`, `build.rs`, everything under `src/`, and the sources cargo listed in the
//! dep-info file next to the `.wasm` (which include path dependencies' sources).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Where the stamp for a set of build options lives.
pub fn stamp_path(target_dir: &Path, key: &str) -> PathBuf {
    let mut hasher = DefaultHasher::new();
    key.hash(&mut hasher);
    target_dir
        .join("gpu-guest-stamps")
        .join(format!("{:016x}", hasher.finish()))
}

/// Records the `.wasm` that a successful build produced.
pub fn write_stamp(stamp: &Path, wasm: &Path) -> std::io::Result<()> {
    if let Some(dir) = stamp.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(stamp, wasm.as_os_str().as_encoded_bytes())
}

/// The stamped `.wasm` if it exists and is newer than every input; `None` means "run cargo".
pub fn up_to_date(stamp: &Path, manifest: &Path) -> Option<PathBuf> {
    let wasm = PathBuf::from(std::fs::read_to_string(stamp).ok()?);
    let built = modified(&wasm)?;
    let crate_dir = manifest.parent()?;
    let dep_info = std::fs::read_to_string(wasm.with_extension("d")).ok()?;
    if !tree_older_than(&crate_dir.join("src"), built) {
        return None;
    }
    // A source cargo listed that is gone now: let cargo decide what that means.
    for source in dep_info_sources(&dep_info) {
        if modified(&source).is_none_or(|time| time > built) {
            return None;
        }
    }
    // These may not exist (no `build.rs`, no lock file yet).
    for name in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        if modified(&crate_dir.join(name)).is_some_and(|time| time > built) {
            return None;
        }
    }
    Some(wasm)
}

/// The prerequisites of a make-style dep-info file (`target: dep dep ...`; cargo escapes a
/// space in a path as `\ ` and nothing else).
fn dep_info_sources(text: &str) -> Vec<PathBuf> {
    let mut sources = Vec::new();
    for line in text.lines() {
        let Some(rest) = prerequisites(line) else {
            continue;
        };
        let mut current = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&' ') => {
                    current.push(' ');
                    chars.next();
                }
                ' ' => {
                    if !current.is_empty() {
                        sources.push(PathBuf::from(std::mem::take(&mut current)));
                    }
                }
                c => current.push(c),
            }
        }
        if !current.is_empty() {
            sources.push(PathBuf::from(current));
        }
    }
    sources
}

/// The part of a dep-info line after `target:`; `None` for lines that are not rules.
fn prerequisites(line: &str) -> Option<&str> {
    match line.split_once(": ") {
        Some((_, rest)) => Some(rest),
        None => line.ends_with(':').then_some(""),
    }
}

/// Whether every file under `dir` (if it exists) is no newer than `time`.
fn tree_older_than(dir: &Path, time: SystemTime) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return true;
    };
    for entry in entries {
        let Ok(entry) = entry else {
            return false;
        };
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            return false;
        };
        if kind.is_dir() {
            if !tree_older_than(&path, time) {
                return false;
            }
        } else if modified(&path).is_none_or(|modified| modified > time) {
            return false;
        }
    }
    true
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).ok()?.modified().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dep_info_lists_every_prerequisite() {
        let text = "/t/sum.wasm: /a/src/lib.rs /b/my\\ dir/x.rs\n\n/a/src/lib.rs:\n";
        assert_eq!(
            dep_info_sources(text),
            vec![
                PathBuf::from("/a/src/lib.rs"),
                PathBuf::from("/b/my dir/x.rs")
            ]
        );
    }

    #[test]
    fn windows_paths_keep_their_backslashes() {
        let text = "C:\\t\\sum.wasm: C:\\a\\lib.rs\n";
        assert_eq!(dep_info_sources(text), vec![PathBuf::from("C:\\a\\lib.rs")]);
    }
}
