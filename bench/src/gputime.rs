//! GPU timing and readback for the WGSL side (b), measured the same way as gpu-runtime's
//! `Instance::time_dispatches` measures the translated side (a): the runs go back to back into
//! one command buffer, one compute pass each, with timestamps at each pass's start and end when
//! the device has `TIMESTAMP_QUERY`; the host's wall clock times the whole submission.

use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};
use gpu_runtime::host::{Gpu, PassTimer};

/// The times of some runs.
#[derive(Debug, Clone, Default)]
pub struct RunTimes {
    /// The whole submission.
    pub wall: Duration,
    pub runs: u32,
    /// One per run; empty without `TIMESTAMP_QUERY`.
    pub gpu: Vec<Duration>,
}

impl RunTimes {
    /// One time per run: GPU timestamps when there are any, else the wall clock divided evenly.
    pub fn per_run(&self) -> Vec<Duration> {
        if self.gpu.is_empty() {
            vec![self.wall / self.runs.max(1); self.runs as usize]
        } else {
            self.gpu.clone()
        }
    }
}

/// Waits until the queue is idle.
pub fn check_idle(gpu: &Gpu, during: &str) -> Result<()> {
    gpu.device()
        .poll(wgpu::PollType::wait_indefinitely())
        .map_err(|e| anyhow!("{during}: {e}"))?;
    Ok(())
}

/// Runs `f` inside a validation and an out-of-memory error scope; fails with what they caught.
pub fn scoped<T>(gpu: &Gpu, during: &str, f: impl FnOnce() -> T) -> Result<T> {
    let device = gpu.device();
    let validation = device.push_error_scope(wgpu::ErrorFilter::Validation);
    let oom = device.push_error_scope(wgpu::ErrorFilter::OutOfMemory);
    let value = f();
    let oom = pollster::block_on(oom.pop());
    let validation = pollster::block_on(validation.pop());
    match validation.or(oom) {
        Some(e) => Err(anyhow!("{during}: {e}")),
        None => Ok(value),
    }
}

/// Runs `record` in its own compute pass `runs` times, all in one submission, and times them.
pub fn time_passes(
    gpu: &Gpu,
    runs: u32,
    record: impl Fn(&mut wgpu::ComputePass<'_>),
) -> Result<RunTimes> {
    let device = gpu.device();
    let timer = PassTimer::new(gpu, runs)?;
    let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
    let mut times = RunTimes {
        runs,
        ..RunTimes::default()
    };
    let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
        label: Some("bench runs"),
    });
    for run in 0..runs {
        let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
            label: Some("bench run"),
            timestamp_writes: timer.as_ref().map(|t| t.writes(run)),
        });
        record(&mut pass);
    }
    let t = Instant::now();
    gpu.queue().submit([encoder.finish()]);
    check_idle(gpu, "dispatch")?;
    times.wall = t.elapsed();
    if let Some(e) = pollster::block_on(scope.pop()) {
        return Err(anyhow!("dispatch: {e}"));
    }
    if let Some(timer) = timer {
        times.gpu = timer.read(gpu)?;
    }
    Ok(times)
}

/// Copies the first `len` bytes of a `COPY_SRC` buffer to the host.
pub fn read_buffer(gpu: &Gpu, buffer: &wgpu::Buffer, len: u64) -> Result<Vec<u8>> {
    let device = gpu.device();
    let size = len.max(4).next_multiple_of(4);
    let staging = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("bench staging"),
        size,
        usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let mut encoder = device.create_command_encoder(&Default::default());
    encoder.copy_buffer_to_buffer(buffer, 0, &staging, 0, size);
    gpu.queue().submit([encoder.finish()]);
    let (tx, rx) = std::sync::mpsc::channel();
    staging.map_async(wgpu::MapMode::Read, 0..size, move |r| {
        let _ = tx.send(r);
    });
    check_idle(gpu, "readback")?;
    rx.recv()
        .map_err(|e| anyhow!("readback: {e}"))?
        .map_err(|e| anyhow!("readback: {e}"))?;
    let bytes = {
        let view = staging
            .slice(0..size)
            .get_mapped_range()
            .map_err(|e| anyhow!("readback: {e}"))?;
        view[..len as usize].to_vec()
    };
    staging.unmap();
    Ok(bytes)
}

/// The median of some durations (zero for none).
pub fn median(times: &[Duration]) -> Duration {
    let mut v = times.to_vec();
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}
