//! Reading the module (binary or text) and choosing the default export.

use std::path::Path;

use anyhow::{anyhow, bail, Context};

use gpu_runtime::translate::TranslateError;

/// The module's binary: `.wasm` as is, `.wat` (or anything that is not binary wasm but is text)
/// through the `wat` crate.
pub fn load(path: &Path) -> anyhow::Result<Vec<u8>> {
    if path.is_dir() {
        bail!("{} is a directory, not a wasm file", path.display());
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.starts_with(b"\0asm") {
        return Ok(bytes);
    }
    let is_wat = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("wat") || e.eq_ignore_ascii_case("wast"));
    match std::str::from_utf8(&bytes) {
        Ok(text) if is_wat || text.trim_start().starts_with('(') => {
            wat::parse_str(text).map_err(|mut e| {
                e.set_path(path);
                anyhow!("invalid WebAssembly text: {}", wat_message(&e.to_string()))
            })
        }
        _ => bail!(
            "{} is not a WebAssembly module (no \\0asm header, and not .wat text)",
            path.display()
        ),
    }
}

/// `path:line:col: message` from wat's multi-line error display.
fn wat_message(text: &str) -> String {
    let mut lines = text.lines();
    let message = lines.next().unwrap_or("").trim();
    match lines.find_map(|l| l.trim().strip_prefix("--> ")) {
        Some(location) => format!("{location}: {message}"),
        None => message.to_string(),
    }
}

/// Names of the exported functions, in export order.
pub fn exported_functions(wasm: &[u8]) -> Result<Vec<String>, TranslateError> {
    let mut names = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let wasmparser::Payload::ExportSection(reader) = payload? {
            for export in reader {
                let export = export?;
                if export.kind == wasmparser::ExternalKind::Func {
                    names.push(export.name.to_string());
                }
            }
        }
    }
    Ok(names)
}

/// `main` if exported, else `_start`, else the only exported function.
pub fn default_entry(wasm: &[u8]) -> anyhow::Result<String> {
    let names = exported_functions(wasm)?;
    choose_entry(&names)
}

fn choose_entry(names: &[String]) -> anyhow::Result<String> {
    for preferred in ["main", "_start"] {
        if names.iter().any(|n| n == preferred) {
            return Ok(preferred.to_string());
        }
    }
    match names {
        [only] => Ok(only.clone()),
        [] => bail!("the module exports no functions"),
        many => bail!(
            "the module exports several functions and none is `main`; choose one with --entry ({})",
            many.iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn default_entry_order() {
        assert_eq!(
            choose_entry(&names(&["a", "main", "_start"])).unwrap(),
            "main"
        );
        assert_eq!(choose_entry(&names(&["a", "_start"])).unwrap(), "_start");
        assert_eq!(choose_entry(&names(&["sum"])).unwrap(), "sum");
        let err = choose_entry(&names(&["a", "b"])).unwrap_err().to_string();
        assert!(err.contains("`a`, `b`"), "{err}");
        assert!(choose_entry(&[]).is_err());
    }

    #[test]
    fn exports_from_binary() {
        let wasm = wat::parse_str(
            r#"(module (func (export "f")) (memory (export "memory") 1) (func (export "g")))"#,
        )
        .unwrap();
        assert_eq!(exported_functions(&wasm).unwrap(), names(&["f", "g"]));
        assert!(exported_functions(b"\0asm\x02\0\0\0").is_err());
    }
}
