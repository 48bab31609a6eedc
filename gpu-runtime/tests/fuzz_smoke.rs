//! Bounded differential fuzzing in the normal test suite: fixed wasm-smith seeds run in wasmi
//! and on the GPU (see `fuzz_common`), asserting no mismatch and no translator error. Long runs
//! are the `fuzz/` crate's job (see docs/FUZZING.md).
//!
//! `FUZZ_SEEDS=a..b` runs another seed range; `FUZZ_DUMP=dir` writes each failing module there.

mod fuzz_common;

use std::time::Instant;

use fuzz_common::Differ;

/// The seeds CI runs: about 55 s on lavapipe with 2 cores (all 3,000 seeds of 0..3000 pass,
/// see docs/FUZZING.md).
const SEEDS: std::ops::Range<u64> = 0..150;

fn seeds() -> std::ops::Range<u64> {
    std::env::var("FUZZ_SEEDS")
        .ok()
        .and_then(|s| {
            let (a, b) = s.split_once("..")?;
            Some(a.parse().ok()?..b.parse().ok()?)
        })
        .unwrap_or(SEEDS)
}

#[test]
fn fixed_seeds_match_wasmi() {
    fuzz_common::with_big_stack(run).expect("the differential thread");
}

fn run() {
    let start = Instant::now();
    let mut differ = Differ::new().expect("a GPU adapter (lavapipe in CI)");
    let dump = std::env::var_os("FUZZ_DUMP").map(std::path::PathBuf::from);
    for seed in seeds() {
        let t = Instant::now();
        let found = differ.check_seed(seed);
        if std::env::var_os("FUZZ_VERBOSE").is_some() {
            eprintln!("seed {seed}: {:?}, {found} findings", t.elapsed());
        }
        if let (true, Some(dir), Some(wasm)) =
            (found > 0, &dump, fuzz_common::gen::module_from_seed(seed))
        {
            let _ = std::fs::create_dir_all(dir);
            let _ = std::fs::write(dir.join(format!("seed-{seed}.wasm")), wasm);
        }
    }
    eprintln!("{}", differ.stats);
    eprintln!("fuzz smoke: {:?}", start.elapsed());
    assert!(
        differ.stats.findings.is_empty(),
        "{} findings:\n{}",
        differ.stats.findings.len(),
        differ.stats
    );
    assert!(differ.stats.calls > 0, "no call was compared");
}
