//! Plain (no libFuzzer, stable toolchain) runner of the arbitrary-bytes property for
//! `--seconds`: inputs of four kinds, from seeds starting at `--seed`:
//!
//! - `random`: random bytes, half of them after a wasm header;
//! - `mutated`: a module of the differential generator with a few bytes flipped, inserted,
//!   removed, or cut short;
//! - `broad`: a wasm-smith module with much more than the translator supports;
//! - `generated`: a module of the differential generator as it is.
//!
//! A panic or a bug ([`check`]) is printed and its input written to `--dump`. Exits 1 on any.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use gpu_runtime_fuzz::bytes::{broad_module, check, BytesOutcome};
use gpu_runtime_fuzz::cli::Options;
use gpu_runtime_fuzz::differential::gen::{module_from_seed, Prng};

fn main() {
    let options = match Options::parse("fuzz-translate-bytes") {
        Ok(o) => o,
        Err(usage) => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    let mut counts: BTreeMap<(&str, String), u64> = BTreeMap::new();
    let mut bugs = 0u64;
    let mut inputs = 0u64;
    let mut seed = options.seed;
    while start.elapsed() < options.duration {
        let (kind, input) = make_input(seed);
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&input)));
        let key = match outcome {
            Ok(Ok(BytesOutcome::Translated)) => "translated".to_string(),
            Ok(Ok(BytesOutcome::Declined(reason))) => format!("error {reason}"),
            Ok(Err(bug)) => {
                bugs += 1;
                eprintln!("seed {seed} ({kind}): translator bug: {}", bug.0);
                eprintln!("{}", options.save(&format!("bytes-{seed}.wasm"), &input));
                "BUG".to_string()
            }
            Err(_) => {
                bugs += 1;
                eprintln!("seed {seed} ({kind}): panic");
                eprintln!("{}", options.save(&format!("bytes-{seed}.wasm"), &input));
                "PANIC".to_string()
            }
        };
        *counts.entry((kind, key)).or_default() += 1;
        inputs += 1;
        seed += 1;
    }
    println!(
        "{inputs} inputs (seeds {}..{seed}) in {:.1} s, {bugs} bugs or panics",
        options.seed,
        start.elapsed().as_secs_f64()
    );
    for ((kind, key), n) in &counts {
        println!("  {kind:>9} {key}: {n}");
    }
    if bugs > 0 {
        std::process::exit(1);
    }
}

/// The input of a seed, and its kind.
fn make_input(seed: u64) -> (&'static str, Vec<u8>) {
    let mut rng = Prng::new(seed);
    match rng.below(4) {
        0 => {
            let len = rng.below(2048) as usize;
            let mut bytes = Vec::new();
            if rng.below(2) == 0 {
                bytes.extend_from_slice(b"\0asm\x01\0\0\0");
            }
            bytes.extend(rng.bytes(len));
            ("random", bytes)
        }
        1 => {
            let mut wasm = module_from_seed(rng.next_u64()).unwrap_or_default();
            mutate(&mut wasm, &mut rng);
            ("mutated", wasm)
        }
        2 => {
            let data = rng.bytes(16 * 1024);
            ("broad", broad_module(&data).unwrap_or_default())
        }
        _ => (
            "generated",
            module_from_seed(rng.next_u64()).unwrap_or_default(),
        ),
    }
}

/// Flips, inserts or removes 1 to 8 bytes, or cuts the module short.
fn mutate(wasm: &mut Vec<u8>, rng: &mut Prng) {
    for _ in 0..1 + rng.below(8) {
        if wasm.is_empty() {
            return;
        }
        let at = rng.below(wasm.len() as u64) as usize;
        match rng.below(4) {
            0 => wasm[at] ^= 1 << rng.below(8),
            1 => wasm.insert(at, rng.next_u64() as u8),
            2 => {
                wasm.remove(at);
            }
            _ => wasm.truncate(at.max(8)),
        }
    }
}
