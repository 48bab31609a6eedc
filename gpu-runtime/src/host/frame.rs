//! Per-run inputs beyond the arguments ([`RunOptions`]: the time `gpu.time` reads, a
//! framebuffer for `gpu.set_pixel`) and the pixels a run drew ([`Image`], written as PNG).
//!
//! The framebuffer is the `framebuffer` binding: `width * height` words, one pixel each as
//! RGBA8 (red in the low byte), row-major from the top-left pixel. It is created zeroed
//! (transparent black) for every run, so each frame starts empty; pixels nobody wrote stay so.

use std::io::Write;

use super::error::HostError;

/// Options of one run, for [`Instance::run_with`](super::Instance::run_with).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RunOptions {
    /// What `gpu.time()` returns, in seconds. `None`: the seconds since the instance was
    /// created, taken when the run starts (the same for every thread of the run).
    pub time: Option<f32>,
    /// A framebuffer of `(width, height)` pixels for `gpu.set_pixel`; its pixels come back in
    /// [`RunOutput::image`](super::RunOutput::image). `None`: `gpu.width()` and
    /// `gpu.height()` are 0 and `gpu.set_pixel` writes nothing.
    pub framebuffer: Option<(u32, u32)>,
}

impl RunOptions {
    /// Pixels of the framebuffer (0 without one), or an error when a side is 0 or the product
    /// overflows.
    pub(crate) fn pixels(&self) -> Result<u64, HostError> {
        match self.framebuffer {
            None => Ok(0),
            Some((w, h)) if w == 0 || h == 0 => Err(HostError::InvalidOption {
                message: format!("a framebuffer of {w}x{h} pixels has no pixels"),
            }),
            Some((w, h)) => Ok(u64::from(w) * u64::from(h)),
        }
    }
}

/// The pixels of a run's framebuffer: RGBA8, row-major from the top-left pixel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    /// `4 * width * height` bytes: red, green, blue, alpha of each pixel.
    pub rgba: Vec<u8>,
}

impl Image {
    /// The `[r, g, b, a]` of pixel `(x, y)`; `None` outside the image.
    pub fn pixel(&self, x: u32, y: u32) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = (y as usize * self.width as usize + x as usize) * 4;
        let p = self.rgba.get(i..i + 4)?;
        Some([p[0], p[1], p[2], p[3]])
    }

    /// Encodes the image as an 8-bit RGBA PNG.
    pub fn write_png(&self, out: impl Write) -> Result<(), png::EncodingError> {
        let mut encoder = png::Encoder::new(out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&self.rgba)?;
        writer.finish()
    }

    /// Writes the image to a PNG file.
    pub fn save_png(&self, path: &std::path::Path) -> Result<(), png::EncodingError> {
        let file = std::fs::File::create(path)?;
        let mut out = std::io::BufWriter::new(file);
        self.write_png(&mut out)?;
        out.flush()?;
        Ok(())
    }
}
