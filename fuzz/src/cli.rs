//! Command-line options shared by the plain runners: `--seconds N`, `--seed N`, `--dump DIR`.

use std::path::PathBuf;
use std::time::Duration;

/// Options of a plain runner.
#[derive(Debug, Clone)]
pub struct Options {
    /// How long to run.
    pub duration: Duration,
    /// First seed (each input is one seed).
    pub seed: u64,
    /// Where inputs that found something are written.
    pub dump: PathBuf,
}

impl Options {
    /// Parses `std::env::args`; `Err` holds the usage message.
    pub fn parse(program: &str) -> Result<Options, String> {
        let usage = format!("usage: {program} [--seconds N] [--seed N] [--dump DIR]");
        let mut options = Options {
            duration: Duration::from_secs(60),
            seed: 0,
            dump: PathBuf::from("findings"),
        };
        let mut args = std::env::args().skip(1);
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or_else(|| usage.clone());
            match flag.as_str() {
                "--seconds" => {
                    let s: f64 = value()?.parse().map_err(|_| usage.clone())?;
                    options.duration = Duration::from_secs_f64(s.max(0.0));
                }
                "--seed" => options.seed = value()?.parse().map_err(|_| usage.clone())?,
                "--dump" => options.dump = PathBuf::from(value()?),
                _ => return Err(usage),
            }
        }
        Ok(options)
    }

    /// Writes `bytes` as `dump/name`, creating the folder; reports where (or why not).
    pub fn save(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dump.join(name);
        match std::fs::create_dir_all(&self.dump).and_then(|()| std::fs::write(&path, bytes)) {
            Ok(()) => format!("saved {}", path.display()),
            Err(e) => format!("could not save {}: {e}", path.display()),
        }
    }
}
