//! libFuzzer target: the differential check of `gpu-runtime/tests/fuzz_smoke.rs` on the module
//! wasm-smith makes of each input (wasmi against the GPU; see docs/FUZZING.md). A finding
//! panics, so libFuzzer keeps the input; counters are printed every 100 inputs.

#![no_main]

use std::sync::{Mutex, OnceLock};

use gpu_runtime_fuzz::differential::{with_big_stack, Differ};
use libfuzzer_sys::fuzz_target;

fn differ() -> &'static Mutex<Differ> {
    static DIFFER: OnceLock<Mutex<Differ>> = OnceLock::new();
    DIFFER.get_or_init(|| match Differ::new() {
        Ok(d) => Mutex::new(d),
        Err(e) => panic!("no GPU for the differential target: {e}"),
    })
}

fuzz_target!(|data: &[u8]| {
    let mut differ = differ().lock().unwrap_or_else(|e| e.into_inner());
    let d: &mut Differ = &mut differ;
    let found = with_big_stack(|| d.check_bytes(data)).unwrap_or(0);
    if differ.stats.modules % 100 == 0 {
        eprintln!("{}", differ.stats);
    }
    if found > 0 {
        let last = differ.stats.findings.last().map(|f| f.to_string());
        panic!("differential finding: {}", last.unwrap_or_default());
    }
});
