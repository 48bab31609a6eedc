//! Plain (no libFuzzer, stable toolchain) runner of the differential check: seeds from
//! `--seed` on, for `--seconds`; prints the counters every minute and at the end, writes the
//! module of each seed with a finding to `--dump` (default `findings/`). Exits 1 on findings.
//!
//! `cargo run --release --bin fuzz-differential -- --seconds 600 --seed 100000`

use std::time::{Duration, Instant};

use gpu_runtime_fuzz::cli::Options;
use gpu_runtime_fuzz::differential::{gen, with_big_stack, Differ, Stats};

fn main() {
    let options = match Options::parse("fuzz-differential") {
        Ok(o) => o,
        Err(usage) => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let stats = match with_big_stack(|| run(&options)) {
        Ok(Ok(stats)) => stats,
        Ok(Err(e)) => {
            eprintln!("fuzz-differential: {e}");
            std::process::exit(2);
        }
        Err(e) => {
            eprintln!("fuzz-differential: {e}");
            std::process::exit(2);
        }
    };
    if !stats.findings.is_empty() {
        std::process::exit(1);
    }
}

fn run(options: &Options) -> Result<Stats, String> {
    let mut differ = Differ::new().map_err(|e| e.to_string())?;
    let start = Instant::now();
    let mut report = start + Duration::from_secs(60);
    let mut seed = options.seed;
    while start.elapsed() < options.duration {
        if differ.check_seed(seed) > 0 {
            let last = differ.stats.findings.last().map(|f| f.to_string());
            eprintln!("{}", last.unwrap_or_default());
            if let Some(wasm) = gen::module_from_seed(seed) {
                eprintln!("{}", options.save(&format!("seed-{seed}.wasm"), &wasm));
            }
        }
        seed += 1;
        if Instant::now() >= report {
            eprintln!(
                "[{:?}, seeds {}..{seed}]\n{}",
                start.elapsed(),
                options.seed,
                differ.stats
            );
            report += Duration::from_secs(60);
        }
    }
    println!(
        "seeds {}..{seed} in {:.1} s\n{}",
        options.seed,
        start.elapsed().as_secs_f64(),
        differ.stats
    );
    Ok(differ.stats)
}
