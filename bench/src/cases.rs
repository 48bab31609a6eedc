//! The six workloads as data: sizes, input buffers, scalar arguments, what to check and how
//! much work one run is. The three implementations (guest/src/lib.rs, wgsl/*.wgsl, native.rs)
//! all take the same buffers in the same order, then the same scalars:
//!
//! - guest export: `f(buffer addresses..., scalars...)`, one call per thread;
//! - WGSL: binding 0 a uniform struct of the scalars (4 bytes each, in order), bindings 1.. the
//!   buffers, one invocation per thread;
//! - native: a function over the same buffers and scalars, parallel over threads with rayon.

use std::fmt;
use std::str::FromStr;

/// One of the six workloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    Saxpy,
    Mandelbrot,
    Nbody,
    Sha256,
    Splitmix,
    Sort,
}

impl Workload {
    pub const ALL: [Workload; 6] = [
        Workload::Saxpy,
        Workload::Mandelbrot,
        Workload::Nbody,
        Workload::Sha256,
        Workload::Splitmix,
        Workload::Sort,
    ];

    /// The guest export and the WGSL file name.
    pub fn name(self) -> &'static str {
        match self {
            Workload::Saxpy => "saxpy",
            Workload::Mandelbrot => "mandelbrot",
            Workload::Nbody => "nbody",
            Workload::Sha256 => "sha256",
            Workload::Splitmix => "splitmix",
            Workload::Sort => "sort",
        }
    }

    /// The main size of the figures (`--size full`).
    pub fn full_size(self) -> u64 {
        match self {
            Workload::Saxpy => 64 << 20,
            Workload::Mandelbrot => 4096,
            Workload::Nbody => 64 << 10,
            Workload::Sha256 => 1 << 20,
            Workload::Splitmix => 1 << 20,
            Workload::Sort => 1 << 20,
        }
    }

    /// A size lavapipe runs in seconds and within its 65,535 loop iterations per invocation.
    pub fn small_size(self) -> u64 {
        match self {
            Workload::Saxpy => 1 << 20,
            Workload::Mandelbrot => 256,
            Workload::Nbody => 2048,
            Workload::Sha256 => 16 << 10,
            Workload::Splitmix => 16 << 10,
            Workload::Sort => 16 << 10,
        }
    }

    /// What `size` counts.
    pub fn size_unit(self) -> &'static str {
        match self {
            Workload::Saxpy => "f32 elements",
            Workload::Mandelbrot => "pixels per side",
            Workload::Nbody => "bodies",
            Workload::Sha256 => "64-byte messages",
            Workload::Splitmix => "threads",
            Workload::Sort => "threads",
        }
    }
}

impl fmt::Display for Workload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Workload {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Workload::ALL
            .into_iter()
            .find(|w| w.name() == s)
            .ok_or_else(|| {
                let names: Vec<_> = Workload::ALL.iter().map(|w| w.name()).collect();
                format!("unknown workload `{s}` (one of: {})", names.join(", "))
            })
    }
}

/// Mandelbrot iterations per pixel at most.
pub const MANDELBROT_ITERATIONS: u32 = 256;
/// splitmix64 steps per thread.
pub const SPLITMIX_ROUNDS: u32 = 1024;
/// n-body time step and softening (squared).
pub const NBODY_DT: f32 = 0.01;
pub const NBODY_EPS2: f32 = 0.01;
/// saxpy's `a`.
pub const SAXPY_A: f32 = 1.5;

/// A scalar argument (4 bytes in the WGSL uniform, one wasm `i32`/`f32` argument).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar {
    U32(u32),
    F32(f32),
}

impl Scalar {
    pub fn bits(self) -> u32 {
        match self {
            Scalar::U32(v) => v,
            Scalar::F32(v) => v.to_bits(),
        }
    }
}

/// A buffer of the workload, as 8-byte-aligned storage (so it can be viewed as any of f32, u32,
/// u64 with bytemuck); `len` is its size in bytes.
#[derive(Debug, Clone)]
pub struct Buffer {
    pub name: &'static str,
    pub len: usize,
    pub data: Vec<u64>,
    /// Written by the kernel (and compared after the first run); every buffer, outputs too, is
    /// uploaded (saxpy's `y` is both).
    pub output: bool,
}

impl Buffer {
    fn zeroed(name: &'static str, len: usize, output: bool) -> Buffer {
        Buffer {
            name,
            len,
            data: vec![0; len.div_ceil(8)],
            output,
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &bytemuck::cast_slice(&self.data)[..self.len]
    }

    pub fn bytes_mut(&mut self) -> &mut [u8] {
        &mut bytemuck::cast_slice_mut(&mut self.data)[..self.len]
    }

    pub fn f32s(&self) -> &[f32] {
        bytemuck::cast_slice(self.bytes())
    }

    pub fn f32s_mut(&mut self) -> &mut [f32] {
        bytemuck::cast_slice_mut(self.bytes_mut())
    }

    pub fn u32s_mut(&mut self) -> &mut [u32] {
        bytemuck::cast_slice_mut(self.bytes_mut())
    }

    pub fn u64s_mut(&mut self) -> &mut [u64] {
        let n = self.len / 8;
        &mut self.data[..n]
    }
}

/// One workload at one size: everything the three implementations need.
#[derive(Debug, Clone)]
pub struct Case {
    pub workload: Workload,
    pub size: u64,
    /// Threads (guest calls, WGSL invocations, native iterations).
    pub threads: u64,
    pub buffers: Vec<Buffer>,
    pub scalars: Vec<Scalar>,
    /// Work per run, in `item_unit`s.
    pub items: f64,
    pub item_unit: &'static str,
    /// Bytes of global memory a run must read and write at least (for effective bandwidth);
    /// 0 when the workload is not memory-bound.
    pub min_bytes: f64,
}

/// A deterministic generator for inputs (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

impl Case {
    /// Builds the inputs of `workload` at `size` (see [`Workload::size_unit`]).
    pub fn new(workload: Workload, size: u64) -> Result<Case, String> {
        if size == 0 || size > u64::from(u32::MAX) {
            return Err(format!("{workload}: size {size} out of range"));
        }
        let mut rng = Rng(0x1234_5678_9ABC_DEF1 ^ size);
        let n = size as usize;
        let case = match workload {
            Workload::Saxpy => {
                let mut x = Buffer::zeroed("x", n * 4, false);
                let mut y = Buffer::zeroed("y", n * 4, true);
                x.f32s_mut().iter_mut().for_each(|v| *v = rng.unit());
                y.f32s_mut().iter_mut().for_each(|v| *v = rng.unit());
                Case {
                    workload,
                    size,
                    threads: size,
                    buffers: vec![x, y],
                    scalars: vec![Scalar::F32(SAXPY_A), Scalar::U32(size as u32)],
                    items: size as f64,
                    item_unit: "elements",
                    min_bytes: 12.0 * size as f64,
                }
            }
            Workload::Mandelbrot => {
                let pixels = size.checked_mul(size).filter(|p| *p <= u64::from(u32::MAX));
                let Some(pixels) = pixels else {
                    return Err(format!("mandelbrot: {size}x{size} pixels is too many"));
                };
                Case {
                    workload,
                    size,
                    threads: pixels,
                    buffers: vec![Buffer::zeroed("out", pixels as usize * 4, true)],
                    scalars: vec![
                        Scalar::U32(size as u32),
                        Scalar::U32(size as u32),
                        Scalar::U32(MANDELBROT_ITERATIONS),
                    ],
                    items: pixels as f64,
                    item_unit: "pixels",
                    min_bytes: 0.0,
                }
            }
            Workload::Nbody => {
                let mut pos = Buffer::zeroed("pos", n * 16, false);
                let mut vel = Buffer::zeroed("vel", n * 16, false);
                for p in pos.f32s_mut().chunks_exact_mut(4) {
                    p[0] = rng.unit() * 2.0 - 1.0;
                    p[1] = rng.unit() * 2.0 - 1.0;
                    p[2] = rng.unit() * 2.0 - 1.0;
                    p[3] = (0.5 + rng.unit()) / size as f32;
                }
                for v in vel.f32s_mut().chunks_exact_mut(4) {
                    v[0] = (rng.unit() - 0.5) * 0.1;
                    v[1] = (rng.unit() - 0.5) * 0.1;
                    v[2] = (rng.unit() - 0.5) * 0.1;
                }
                Case {
                    workload,
                    size,
                    threads: size,
                    buffers: vec![
                        pos,
                        vel,
                        Buffer::zeroed("pos_out", n * 16, true),
                        Buffer::zeroed("vel_out", n * 16, true),
                    ],
                    scalars: vec![
                        Scalar::U32(size as u32),
                        Scalar::F32(NBODY_DT),
                        Scalar::F32(NBODY_EPS2),
                    ],
                    items: (size * size) as f64,
                    item_unit: "interactions",
                    min_bytes: 0.0,
                }
            }
            Workload::Sha256 => {
                let mut msgs = Buffer::zeroed("msgs", n * 64, false);
                msgs.u64s_mut().iter_mut().for_each(|v| *v = rng.next());
                Case {
                    workload,
                    size,
                    threads: size,
                    buffers: vec![msgs, Buffer::zeroed("digests", n * 32, true)],
                    scalars: vec![Scalar::U32(size as u32)],
                    items: size as f64,
                    item_unit: "messages",
                    min_bytes: 96.0 * size as f64,
                }
            }
            Workload::Splitmix => Case {
                workload,
                size,
                threads: size,
                buffers: vec![Buffer::zeroed("out", n * 8, true)],
                scalars: vec![Scalar::U32(size as u32), Scalar::U32(SPLITMIX_ROUNDS)],
                items: size as f64 * f64::from(SPLITMIX_ROUNDS),
                item_unit: "hashes",
                min_bytes: 0.0,
            },
            Workload::Sort => Case {
                workload,
                size,
                threads: size,
                buffers: vec![Buffer::zeroed("out", n * 4, true)],
                scalars: vec![Scalar::U32(size as u32)],
                items: size as f64,
                item_unit: "arrays of 64",
                min_bytes: 0.0,
            },
        };
        Ok(case)
    }
}
