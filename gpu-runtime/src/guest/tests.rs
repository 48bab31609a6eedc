//! Builds real guest crates: `examples/sum` and small broken crates made on the fly.

use std::error::Error;
use std::path::{Path, PathBuf};

use super::{GuestBuildError, GuestBuilder};

type TestResult = Result<(), Box<dyn Error>>;

fn examples_sum() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/sum")
}

/// A fresh crate directory under the system temp dir with the given `src/lib.rs`.
fn scratch_crate(name: &str, manifest_extra: &str, lib_rs: &str) -> std::io::Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!(
        "gpu-guest-test-{name}-{}-{nanos}",
        std::process::id()
    ));
    std::fs::create_dir_all(dir.join("src"))?;
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n\
             [workspace]\n\n{manifest_extra}"
        ),
    )?;
    std::fs::write(dir.join("src/lib.rs"), lib_rs)?;
    Ok(dir)
}

#[test]
fn builds_examples_sum_and_the_wasm_runs() -> TestResult {
    let builder = GuestBuilder::new(examples_sum());
    let wasm = builder.build()?;
    assert_eq!(wasm.extension().and_then(|e| e.to_str()), Some("wasm"));
    let bytes = std::fs::read(&wasm)?;

    let mut exports_main = false;
    for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
        if let wasmparser::Payload::ExportSection(reader) = payload? {
            for export in reader {
                let export = export?;
                exports_main |=
                    export.name == "main" && export.kind == wasmparser::ExternalKind::Func;
            }
        }
    }
    assert!(exports_main, "{} does not export `main`", wasm.display());

    let engine = wasmi::Engine::default();
    let module = wasmi::Module::new(&engine, &bytes[..])?;
    let mut store = wasmi::Store::new(&engine, ());
    let instance = wasmi::Linker::<()>::new(&engine).instantiate_and_start(&mut store, &module)?;
    let main = instance.get_typed_func::<i32, i32>(&store, "main")?;
    assert_eq!(main.call(&mut store, 100)?, 5050);
    assert_eq!(main.call(&mut store, 0)?, 0);
    assert_eq!(main.call(&mut store, -5)?, 0);
    // Wraps instead of panicking: 1 + ... + 65536 = 2^31 + 2^15 wraps to i32::MIN + 2^15.
    assert_eq!(main.call(&mut store, 65536)?, i32::MIN + 32768);

    // Nothing changed since, so the next build does not need cargo.
    assert_eq!(builder.up_to_date(), Some(wasm.clone()));
    assert_eq!(builder.build()?, wasm);
    Ok(())
}

#[test]
fn cargo_toml_path_is_accepted_too() -> TestResult {
    let wasm = GuestBuilder::new(examples_sum().join("Cargo.toml")).build()?;
    assert!(wasm.is_file());
    Ok(())
}

#[test]
fn a_missing_crate_is_reported() {
    let error = GuestBuilder::new("/nonexistent/guest").build();
    assert!(
        matches!(error, Err(GuestBuildError::MissingManifest { .. })),
        "{error:?}"
    );
}

#[test]
fn a_compile_error_carries_the_compiler_output() -> TestResult {
    let dir = scratch_crate(
        "broken",
        "[lib]\ncrate-type = [\"cdylib\"]\n",
        "#![no_std]\npub fn f() -> u32 { undefined_name }\n",
    )?;
    let result = GuestBuilder::new(&dir).build();
    std::fs::remove_dir_all(&dir)?;
    let message = match result {
        Err(error @ GuestBuildError::Compile { .. }) => error.to_string(),
        other => return Err(format!("expected a compile error, got {other:?}").into()),
    };
    assert!(message.contains("undefined_name"), "{message}");
    Ok(())
}

#[test]
fn a_crate_without_cdylib_yields_no_wasm() -> TestResult {
    let dir = scratch_crate("plainlib", "", "#![no_std]\npub fn f() -> u32 { 1 }\n")?;
    let result = GuestBuilder::new(&dir).build();
    std::fs::remove_dir_all(&dir)?;
    assert!(
        matches!(result, Err(GuestBuildError::NoWasm { .. })),
        "{result:?}"
    );
    Ok(())
}
