//! Timing the dispatches of a run alone, for benchmarks: [`Instance::time_dispatches`].
//!
//! [`Instance::run`] creates its params/results/staging buffers and bind groups, and copies
//! every thread's status and results back to the host, on every call; for a kernel that takes
//! a fraction of a millisecond that copy is most of the time. Here the buffers and bind groups
//! are made once and the `runs` runs go back to back into one submission, one compute pass
//! each, without any copy, so the GPU stays busy (and at its working clocks) from the first
//! run to the last, as it would in a program that streams kernels. Each run is timed by GPU
//! timestamps around its compute pass (when the device has `TIMESTAMP_QUERY`); the host's wall
//! clock times the whole submission. Memory is what the runs leave it: inputs written before
//! with [`Instance::write_memory`] stay on the GPU, and each run sees the previous run's
//! writes.
//!
//! Results and status words are not read back: check a kernel with [`Instance::run`] first.
//! Traps are still caught: the trap count in the control words is read once after the last
//! run, and any trap fails the call with [`HostError::Trap`]. Unlike [`Instance::run`], thread
//! 0's final globals do not become the instance's globals (every run starts from the same ones),
//! and threads the driver stopped early (lavapipe's loop limit) are not detected unless the
//! module traps on them (`TranslateOptions::detect_loop_limit`, the default).

use std::time::{Duration, Instant};

use super::bind::DispatchBuffers;
use super::error::HostError;
use super::instance::{max_invocations, Instance};
use super::output::Trap;
use super::plan;
use super::run::check_args;
use super::transfer::{bytes_of_words, create_buffer, map_read, read_words, staging_buffer};
use super::value::Value;
use crate::translate::abi::{control, TrapKind};

/// The times of [`Instance::time_dispatches`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DispatchTimes {
    /// Host wall clock from submitting the runs (one command buffer) to the queue being idle.
    pub wall: Duration,
    /// GPU time from the start to the end of each run's compute pass (timestamp queries), one
    /// entry per run; empty when the device has no `TIMESTAMP_QUERY`.
    pub gpu: Vec<Duration>,
    /// Runs timed.
    pub runs: u32,
    /// Dispatches per run (more than one when the results of all threads exceed
    /// `max_results_bytes`).
    pub dispatches: u32,
}

impl DispatchTimes {
    /// One time per run: the GPU times when there are any, else the wall clock of the whole
    /// submission divided evenly.
    pub fn per_run(&self) -> Vec<Duration> {
        if self.gpu.is_empty() {
            let each = self.wall / self.runs.max(1);
            vec![each; self.runs as usize]
        } else {
            self.gpu.clone()
        }
    }
}

impl Instance {
    /// Runs export `export` on `threads` threads `runs` times, with the same arguments, and
    /// returns the time of each run (see the module docs: no per-run buffer creation, upload or
    /// readback). Fails if any thread of any run trapped.
    pub fn time_dispatches(
        &mut self,
        export: &str,
        threads: u64,
        args: &[Value],
        runs: u32,
    ) -> Result<DispatchTimes, HostError> {
        let program = self.program.clone();
        let entry = program.entry(export)?.clone();
        let arg_words = check_args(&entry, args)?;
        if threads > plan::MAX_THREADS {
            return Err(HostError::TooManyThreads {
                threads,
                max: plan::MAX_THREADS,
            });
        }
        let pipeline = program.pipeline(export)?;
        let gpu = program.gpu().clone();
        let device = gpu.device();
        let queue = gpu.queue();

        queue.write_buffer(
            &self.control,
            u64::from(control::TRAP_COUNT) * 4,
            &[0u8; 4 * (control::TRAP_OFFSET - control::TRAP_COUNT + 1) as usize],
        );

        let stride_bytes = u64::from(entry.result_stride()) * 4;
        let max_inv = max_invocations(&gpu);
        let per_chunk = self.threads_per_chunk(&entry, threads, max_inv);
        let results = create_buffer(
            &gpu,
            "results",
            Instance::results_buffer_bytes(&entry, per_chunk, max_inv),
            wgpu::BufferUsages::STORAGE,
        )?;
        // No framebuffer (the binding still needs a buffer: 4 bytes, width = height = 0).
        let framebuffer = create_buffer(&gpu, "framebuffer", 4, wgpu::BufferUsages::STORAGE)?;
        let time = self.created.elapsed().as_secs_f32();
        // One params buffer and bind group per chunk: all chunks go into one submission, and
        // a `write_buffer` between them would be seen by all of them.
        let mut groups = Vec::new();
        for chunk in plan::chunks(threads, entry.result_stride(), per_chunk * stride_bytes) {
            let count = chunk.end - chunk.start;
            let slots = self
                .plan
                .slots_for(count, max_inv)
                .min(self.call_stack_slots);
            let p = self.params_words(&chunk, slots, threads, time, (0, 0), &arg_words);
            let params_buffer = create_buffer(
                &gpu,
                "params",
                p.len() as u64 * 4,
                wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_DST,
            )?;
            queue.write_buffer(&params_buffer, 0, &bytes_of_words(&p));
            let (bind_group, error) = gpu.scoped(|| {
                self.bind_group(
                    "wasm abi (timed)",
                    &DispatchBuffers {
                        params: &params_buffer,
                        results: &results,
                        results_bytes: entry.results_words(count, slots) * 4,
                        framebuffer: &framebuffer,
                    },
                )
            });
            if let Some(e) = error {
                return Err(HostError::Gpu {
                    during: "dispatch",
                    message: e.to_string(),
                });
            }
            groups.push((bind_group, plan::workgroups(slots), params_buffer));
        }

        let timer = PassTimer::new(&gpu, runs)?;
        let mut times = DispatchTimes {
            runs,
            dispatches: groups.len() as u32,
            ..DispatchTimes::default()
        };
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some(export),
        });
        for run in 0..runs {
            let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
                label: Some(export),
                timestamp_writes: timer.as_ref().map(|t| t.writes(run)),
            });
            pass.set_pipeline(&pipeline);
            for (bind_group, workgroups, _) in &groups {
                pass.set_bind_group(0, bind_group, &[]);
                pass.dispatch_workgroups(*workgroups, 1, 1);
            }
        }
        let t = Instant::now();
        // Errors no scope catches are reported by the wait (uncaptured errors).
        queue.submit([encoder.finish()]);
        gpu.wait("dispatch")?;
        times.wall = t.elapsed();
        if let Some(t) = timer {
            times.gpu = t.read(&gpu)?;
        }

        let record = read_words(&gpu, &self.control, 0, control::GLOBALS)?;
        let word = |i: u32| record.get(i as usize).copied().unwrap_or(0);
        self.memory_bytes = u64::from(word(control::MEMORY_BYTES));
        let count = u64::from(word(control::TRAP_COUNT));
        if count > 0 {
            let code = word(control::TRAP_KIND);
            let kind = TrapKind::from_code(code).ok_or(HostError::BadStatus {
                thread: u64::from(word(control::TRAP_THREAD)),
                code,
            })?;
            let func_index = word(control::TRAP_FUNCTION);
            return Err(HostError::Trap {
                first: Trap {
                    thread: word(control::TRAP_THREAD),
                    kind,
                    func_index,
                    func_name: program.layout().function_name(func_index),
                    offset: word(control::TRAP_OFFSET),
                    panic_location: None,
                },
                count,
                threads: threads * u64::from(runs),
            });
        }
        Ok(times)
    }
}

/// Timestamps around compute passes: two per run (the start and end of its pass), resolved and
/// read back as one duration per run. Used by [`Instance::time_dispatches`], and by benchmarks
/// that time their own passes the same way.
#[derive(Debug)]
pub struct PassTimer {
    set: wgpu::QuerySet,
    resolve: wgpu::Buffer,
    runs: u32,
}

impl PassTimer {
    /// A timer for `runs` passes; `None` when the device cannot write timestamps or `runs` is 0.
    pub fn new(gpu: &super::Gpu, runs: u32) -> Result<Option<PassTimer>, HostError> {
        if !gpu.features().contains(wgpu::Features::TIMESTAMP_QUERY) || runs == 0 {
            return Ok(None);
        }
        let count = runs * 2;
        let (set, error) = gpu.scoped(|| {
            gpu.device().create_query_set(&wgpu::QuerySetDescriptor {
                label: Some("dispatch timestamps"),
                ty: wgpu::QueryType::Timestamp,
                count,
            })
        });
        if let Some(e) = error {
            return Err(HostError::Gpu {
                during: "query set creation",
                message: e.to_string(),
            });
        }
        let resolve = create_buffer(
            gpu,
            "timestamps",
            u64::from(count) * 8,
            wgpu::BufferUsages::QUERY_RESOLVE | wgpu::BufferUsages::COPY_SRC,
        )?;
        Ok(Some(PassTimer { set, resolve, runs }))
    }

    /// The timestamp writes for pass `run` (`0..runs`).
    pub fn writes(&self, run: u32) -> wgpu::ComputePassTimestampWrites<'_> {
        wgpu::ComputePassTimestampWrites {
            query_set: &self.set,
            beginning_of_pass_write_index: Some(run * 2),
            end_of_pass_write_index: Some(run * 2 + 1),
        }
    }

    /// After the passes were submitted: each pass's duration, in order.
    pub fn read(self, gpu: &super::Gpu) -> Result<Vec<Duration>, HostError> {
        let bytes = u64::from(self.runs) * 16;
        let staging = staging_buffer(gpu, bytes)?;
        let mut encoder = gpu
            .device()
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("timestamps"),
            });
        encoder.resolve_query_set(&self.set, 0..self.runs * 2, &self.resolve, 0);
        encoder.copy_buffer_to_buffer(&self.resolve, 0, &staging, 0, bytes);
        gpu.queue().submit([encoder.finish()]);
        gpu.wait("timestamp readback")?;
        let period = f64::from(gpu.queue().get_timestamp_period());
        map_read(gpu, &staging, bytes, |b| {
            b.chunks_exact(16)
                .map(|c| {
                    let t = |at: usize| {
                        let mut w = [0u8; 8];
                        w.copy_from_slice(&c[at..at + 8]);
                        u64::from_le_bytes(w)
                    };
                    let ticks = t(8).saturating_sub(t(0));
                    Duration::from_nanos((ticks as f64 * period) as u64)
                })
                .collect()
        })
    }
}
