//! The minimised fuzzing finds of `tests/fuzz_repros/*.wat` (each says what happened and what
//! is expected), run through the differential check of `fuzz_common` so that fixed bugs stay
//! fixed, plus the expected values of the wasmi bug the checker works around.

mod fuzz_common;

use std::path::Path;

use fuzz_common::{gen::Prng, with_big_stack, Differ};
use gpu_runtime::host::{run_wasm, Value};

fn repro(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_repros")
        .join(name);
    wat::parse_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn repros_match_wasmi() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_repros");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fuzz_repros")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".wat"))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    let stats = with_big_stack(|| {
        let mut differ = Differ::new().expect("a GPU adapter (lavapipe in CI)");
        for name in &names {
            let wasm = repro(name);
            differ.check_wasm(name, &wasm, &mut Prng::new(7));
        }
        differ.stats
    })
    .expect("the differential thread");
    eprintln!("{stats}");
    assert!(stats.findings.is_empty(), "{stats}");
    assert!(stats.calls >= 3 * names.len() as u64, "{stats}");
}

#[test]
fn wasmi_select_eqz_expected_values() {
    let wasm = repro("wasmi_select_eqz.wat");
    let cases = [("eqz", 5, 16), ("eqz", 0, 7), ("ne", 5, 7), ("ne", 0, 16)];
    for (export, c, want) in cases {
        let args = [Value::I32(7), Value::I32(16), Value::I32(c)];
        let out = run_wasm(&wasm, export, 1, &args).expect("run on the GPU");
        assert_eq!(
            out.all_same(),
            Some(vec![Value::I32(want)]),
            "{export}(7, 16, {c})"
        );
    }
}
