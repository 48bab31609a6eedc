//! Snapshot tests: every `tests/snapshots/*.wat` is translated (validated by naga on the way)
//! and written as WGSL; the result must equal the checked-in `.wgsl` next to it.
//! Re-bless with `GPU_RUN_BLESS=1 cargo test --test snapshots`.

use std::path::Path;

use gpu_runtime::translate::{translate, TranslateOptions};

#[test]
fn wat_to_wgsl_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let bless = std::env::var_os("GPU_RUN_BLESS").is_some();
    let mut failures = Vec::new();
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("snapshot dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "wat"))
        .collect();
    entries.sort();
    for wat_path in entries {
        count += 1;
        let wasm = wat::parse_file(&wat_path).expect("valid wat");
        let wgsl = match translate(&wasm, &TranslateOptions::default()).and_then(|t| t.to_wgsl()) {
            Ok(w) => w,
            Err(e) => {
                failures.push(format!("{}: {e}", wat_path.display()));
                continue;
            }
        };
        let out = wat_path.with_extension("wgsl");
        if bless {
            std::fs::write(&out, &wgsl).expect("write snapshot");
            continue;
        }
        match std::fs::read_to_string(&out) {
            Ok(expected) if expected == wgsl => {}
            Ok(_) => failures.push(format!(
                "{}: WGSL differs from the snapshot (GPU_RUN_BLESS=1 to accept)",
                wat_path.display()
            )),
            Err(_) => failures.push(format!("{}: no snapshot (GPU_RUN_BLESS=1)", out.display())),
        }
    }
    assert!(count > 0, "no snapshots found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
