//! `--image FILE --size WxH [--frames N --fps F] [--time T]`: runs the export with a
//! framebuffer and writes its pixels as PNG.
//!
//! One frame writes `FILE` itself. Several frames write numbered files next to it, the number
//! before the extension: `out.png` becomes `out-0000.png`, `out-0001.png`, ... Frame `k` runs
//! with `gpu.time() = T + k / F` and a fresh (transparent black) framebuffer.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use gpu_runtime::host::{Instance, RunOptions, RunOutput, Value};

/// What to render, from the command line.
#[derive(Debug, Clone)]
pub struct Frames {
    pub path: PathBuf,
    pub width: u32,
    pub height: u32,
    pub count: u32,
    pub fps: f32,
    pub start: f32,
}

/// Parses `WxH` (both at least 1).
pub fn parse_size(text: &str) -> anyhow::Result<(u32, u32)> {
    let Some((w, h)) = text.split_once(['x', 'X']) else {
        bail!("size `{text}` is not WIDTHxHEIGHT (e.g. 800x600)");
    };
    let parse = |s: &str| s.trim().parse::<u32>().ok().filter(|v| *v > 0);
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => bail!("size `{text}` is not WIDTHxHEIGHT with both at least 1 (e.g. 800x600)"),
    }
}

impl Frames {
    /// Pixels per frame: the default thread count.
    pub fn pixels(&self) -> u64 {
        u64::from(self.width) * u64::from(self.height)
    }

    /// The file of frame `k`: the path itself for a single frame.
    pub fn frame_path(&self, k: u32) -> PathBuf {
        if self.count == 1 {
            return self.path.clone();
        }
        numbered(&self.path, k)
    }

    /// The time of frame `k`.
    pub fn time(&self, k: u32) -> f32 {
        self.start + k as f32 / self.fps
    }

    /// Runs every frame and writes its PNG; calls `report` with each frame's number, output
    /// and file (an error from it stops the rendering).
    pub fn render(
        &self,
        instance: &mut Instance,
        entry: &str,
        threads: u64,
        args: &[Value],
        mut report: impl FnMut(u32, &RunOutput, &Path) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        for k in 0..self.count {
            let options = RunOptions {
                time: Some(self.time(k)),
                framebuffer: Some((self.width, self.height)),
            };
            let mut output = instance.run_with(entry, threads, args, &options)?;
            let path = self.frame_path(k);
            let image = output
                .take_image()
                .context("the run returned no framebuffer")?;
            image
                .save_png(&path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            report(k, &output, &path)?;
        }
        Ok(())
    }
}

/// `dir/out.png` → `dir/out-0007.png` (a name without extension gets `-0007.png`).
fn numbered(path: &Path, k: u32) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "png".into());
    path.with_file_name(format!("{stem}-{k:04}.{ext}"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("800x600").unwrap(), (800, 600));
        assert_eq!(parse_size("1X2").unwrap(), (1, 2));
        assert!(parse_size("800").is_err());
        assert!(parse_size("0x5").is_err());
        assert!(parse_size("ax5").is_err());
    }

    #[test]
    fn frame_names() {
        let f = Frames {
            path: "dir/out.png".into(),
            width: 1,
            height: 1,
            count: 3,
            fps: 4.0,
            start: 1.0,
        };
        assert_eq!(f.frame_path(2), PathBuf::from("dir/out-0002.png"));
        assert_eq!(f.time(2), 1.5);
        assert_eq!(numbered(Path::new("x"), 12), PathBuf::from("x-0012.png"));
        let one = Frames { count: 1, ..f };
        assert_eq!(one.frame_path(0), PathBuf::from("dir/out.png"));
    }
}
