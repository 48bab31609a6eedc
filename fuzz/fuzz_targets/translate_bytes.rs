//! libFuzzer target: arbitrary bytes into `translate` (a typed error or a validated module,
//! never a panic), and the wasm-smith module the same bytes describe (valid WebAssembly 2.0 with
//! SIMD, table operators, imports, ...: exercises the paths past validation).

#![no_main]

use gpu_runtime_fuzz::bytes::{broad_module, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(bug) = check(data) {
        panic!("raw bytes: {}", bug.0);
    }
    if let Some(wasm) = broad_module(data) {
        if let Err(bug) = check(&wasm) {
            panic!("wasm-smith module: {}", bug.0);
        }
    }
});
