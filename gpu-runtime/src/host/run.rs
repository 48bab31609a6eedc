//! Running an export: one dispatch per chunk of threads, each invocation (stack slot) looping
//! over its threads, results read back after each chunk.

use std::time::Instant;

use super::bind::DispatchBuffers;
use super::error::HostError;
use super::frame::{Image, RunOptions};
use super::instance::{max_invocations, Instance};
use super::output::{RunOutput, Timings, Trap};
use super::plan;
use super::transfer::{
    bytes_of_words, create_buffer, extend_words, map_read, read_buffer, read_words, staging_buffer,
};
use super::value::{signature, Value};
use crate::translate::abi::{control, params, EntryLayout, TrapKind, STATUS_DONE};

impl Instance {
    /// Runs export `export` on `threads` threads (ids `0..threads`), every thread with the same
    /// arguments. Threads that trap do not stop the others: see [`RunOutput::check`].
    ///
    /// A run whose results exceed [`InstanceOptions::max_results_bytes`](super::InstanceOptions)
    /// is split into several dispatches, each with its own `THREAD_BASE..THREAD_END`; the results
    /// binding of a dispatch holds only its own threads (index `thread - THREAD_BASE`).
    pub fn run(
        &mut self,
        export: &str,
        threads: u64,
        args: &[Value],
    ) -> Result<RunOutput, HostError> {
        self.run_with(export, threads, args, &RunOptions::default())
    }

    /// [`run`](Self::run) with a time for `gpu.time` and a framebuffer for `gpu.set_pixel`
    /// (see [`RunOptions`]); the framebuffer's pixels are in [`RunOutput::image`].
    pub fn run_with(
        &mut self,
        export: &str,
        threads: u64,
        args: &[Value],
        options: &RunOptions,
    ) -> Result<RunOutput, HostError> {
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
        let queue = gpu.queue();
        let mut timings = Timings::default();
        let started = Instant::now();

        // Fresh trap record for this run.
        queue.write_buffer(
            &self.control,
            u64::from(control::TRAP_COUNT) * 4,
            &[0u8; 4 * (control::TRAP_OFFSET - control::TRAP_COUNT + 1) as usize],
        );

        let stride = entry.result_stride();
        let stride_bytes = u64::from(stride) * 4;
        let max_inv = max_invocations(&gpu);
        let per_chunk = self.threads_per_chunk(&entry, threads, max_inv);
        let results_size = per_chunk * stride_bytes;
        // With sparse status words, the invocations' thread counts follow the statuses.
        let buffer_size = Instance::results_buffer_bytes(&entry, per_chunk, max_inv);
        let params_buffer = create_buffer(
            &gpu,
            "params",
            // The arguments, then the zero word (abi::params::ARGS).
            u64::from(params::ARGS + entry.arg_words() + 1) * 4,
            wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_DST,
        )?;
        let results = create_buffer(
            &gpu,
            "results",
            buffer_size,
            wgpu::BufferUsages::STORAGE
                | wgpu::BufferUsages::COPY_SRC
                | wgpu::BufferUsages::COPY_DST,
        )?;
        let staging = staging_buffer(&gpu, buffer_size)?;
        let pixels = options.pixels()?;
        if pixels * 4 > gpu.max_binding_bytes() {
            return Err(HostError::InvalidOption {
                message: format!(
                    "a framebuffer of {pixels} pixels needs {} bytes, but the adapter binds at most {}",
                    pixels * 4,
                    gpu.max_binding_bytes()
                ),
            });
        }
        let framebuffer = create_buffer(
            &gpu,
            "framebuffer",
            pixels * 4,
            wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_SRC,
        )?;
        let (fb_width, fb_height) = options.framebuffer.unwrap_or((0, 0));
        let time = options
            .time
            .unwrap_or_else(|| self.created.elapsed().as_secs_f32());

        let total_words = usize::try_from(threads * u64::from(stride)).ok();
        let mut words: Vec<u32> = Vec::new();
        if total_words.is_none_or(|n| words.try_reserve_exact(n).is_err()) {
            return Err(HostError::Gpu {
                during: "readback",
                message: format!(
                    "cannot allocate {} bytes on the host for the results",
                    threads * stride_bytes
                ),
            });
        }
        timings.upload += started.elapsed();

        for chunk in plan::chunks(threads, stride, results_size) {
            let t = Instant::now();
            let count = chunk.end - chunk.start;
            let slots = self
                .plan
                .slots_for(count, max_inv)
                .min(self.call_stack_slots);
            let p = self.params_words(
                &chunk,
                slots,
                threads,
                time,
                (fb_width, fb_height),
                &arg_words,
            );
            queue.write_buffer(&params_buffer, 0, &bytes_of_words(&p));
            let bytes = entry.results_words(count, slots) * 4;
            let ((), error) = gpu.scoped(|| {
                let bind_group = self.bind_group(
                    "wasm abi",
                    &DispatchBuffers {
                        params: &params_buffer,
                        results: &results,
                        results_bytes: bytes,
                        framebuffer: &framebuffer,
                    },
                );
                let mut encoder =
                    gpu.device()
                        .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                            label: Some(export),
                        });
                if entry.sparse_status() {
                    // Only trapping threads write their status: the rest must read 0.
                    encoder.clear_buffer(&results, 0, Some(bytes));
                }
                {
                    let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
                        label: Some(export),
                        timestamp_writes: None,
                    });
                    pass.set_pipeline(&pipeline);
                    pass.set_bind_group(0, &bind_group, &[]);
                    pass.dispatch_workgroups(plan::workgroups(slots), 1, 1);
                }
                encoder.copy_buffer_to_buffer(&results, 0, &staging, 0, bytes);
                queue.submit([encoder.finish()]);
            });
            if let Some(e) = error {
                return Err(HostError::Gpu {
                    during: "dispatch",
                    message: e.to_string(),
                });
            }
            timings.upload += t.elapsed();

            let t = Instant::now();
            gpu.wait("dispatch")?;
            timings.gpu += t.elapsed();

            let t = Instant::now();
            if entry.sparse_status() {
                let mut chunk_words = Vec::new();
                map_read(&gpu, &staging, bytes, |b| extend_words(&mut chunk_words, b))?;
                words.extend(dense_statuses(&chunk_words, count, slots));
            } else {
                map_read(&gpu, &staging, bytes, |b| extend_words(&mut words, b))?;
            }
            timings.readback += t.elapsed();
        }
        if threads == 0 {
            queue.submit([]);
            gpu.wait("dispatch")?;
        }

        let t = Instant::now();
        // Thread 0's final globals (the shadow copy) become the instance's globals.
        let layout = program.layout();
        let globals_words: u32 = layout.globals.iter().map(|g| g.ty.words()).sum();
        if layout.globals.iter().any(|g| g.mutable) && globals_words > 0 {
            let shadow = read_words(&gpu, &self.control, layout.globals_shadow, globals_words)?;
            queue.write_buffer(
                &self.control,
                u64::from(control::GLOBALS) * 4,
                &bytes_of_words(&shadow),
            );
            queue.submit([]);
        }
        let image = match options.framebuffer {
            Some((width, height)) => Some(Image {
                width,
                height,
                rgba: read_buffer(&gpu, &framebuffer, 0, pixels * 4)?,
            }),
            None => None,
        };
        let record = read_words(&gpu, &self.control, 0, control::GLOBALS)?;
        let word = |i: u32| record.get(i as usize).copied().unwrap_or(0);
        self.memory_bytes = u64::from(word(control::MEMORY_BYTES));

        // Every finished thread sets STATUS_DONE; strip it so 0 means "returned" below.
        let mut unfinished = 0u64;
        let mut first_unfinished = None;
        for (i, w) in words.chunks_exact_mut(stride as usize).enumerate() {
            if w[0] & STATUS_DONE == 0 {
                unfinished += 1;
                first_unfinished.get_or_insert(i as u64);
            }
            w[0] &= !STATUS_DONE;
        }
        if let Some(first) = first_unfinished {
            return Err(HostError::Unfinished {
                count: unfinished,
                first,
                adapter: gpu.adapter_info().to_string(),
            });
        }
        let mut trapped = 0u64;
        for (i, w) in words.chunks_exact(stride as usize).enumerate() {
            if w[0] != 0 {
                if TrapKind::from_code(w[0]).is_none() {
                    return Err(HostError::BadStatus {
                        thread: i as u64,
                        code: w[0],
                    });
                }
                trapped += 1;
            }
        }
        let first_trap = if word(control::TRAP_COUNT) > 0 {
            let code = word(control::TRAP_KIND);
            let kind = TrapKind::from_code(code).ok_or(HostError::BadStatus {
                thread: u64::from(word(control::TRAP_THREAD)),
                code,
            })?;
            let func_index = word(control::TRAP_FUNCTION);
            Some(Trap {
                thread: word(control::TRAP_THREAD),
                kind,
                func_index,
                func_name: program.layout().function_name(func_index),
                offset: word(control::TRAP_OFFSET),
                panic_location: if kind == TrapKind::Panic {
                    self.panic_location(&record)
                } else {
                    None
                },
            })
        } else {
            None
        };
        timings.readback += t.elapsed();

        Ok(RunOutput {
            export: export.to_string(),
            result_types: entry.results.clone(),
            stride: stride as usize,
            threads,
            words,
            trap_count: trapped.max(u64::from(word(control::TRAP_COUNT)).min(threads)),
            first_trap,
            timings,
            image,
        })
    }
}

impl Instance {
    /// The `params` words of one dispatch (`abi::params`): the launch, the arguments, and the
    /// zero word after them.
    pub(crate) fn params_words(
        &self,
        chunk: &std::ops::Range<u64>,
        slots: u32,
        threads: u64,
        time: f32,
        (fb_width, fb_height): (u32, u32),
        arg_words: &[u32],
    ) -> Vec<u32> {
        let mut p = vec![
            chunk.start as u32,
            chunk.end as u32,
            slots,
            self.plan.stack_base,
            self.plan.stack_size,
            self.call_stack_words,
            threads as u32,
            time.to_bits(),
            fb_width,
            fb_height,
        ];
        debug_assert_eq!(p.len() as u32, params::ARGS);
        p.extend_from_slice(arg_words);
        p.push(0);
        p
    }

    /// `file:line:column` from the panic words of `control` (see `control::PANIC_FILE`), when
    /// the file name is a plausible string inside linear memory.
    fn panic_location(&self, record: &[u32]) -> Option<String> {
        const MAX_FILE_LEN: u32 = 4096;
        let word = |i: u32| record.get(i as usize).copied().unwrap_or(0);
        let (ptr, len) = (word(control::PANIC_FILE), word(control::PANIC_FILE_LEN));
        if len == 0 || len > MAX_FILE_LEN {
            return None;
        }
        // Out of memory or unreadable: the trap is still reported, without its place.
        let bytes = self.read_memory(u64::from(ptr), u64::from(len)).ok()?;
        Some(format!(
            "{}:{}:{}",
            String::from_utf8_lossy(&bytes),
            word(control::PANIC_LINE),
            word(control::PANIC_COLUMN)
        ))
    }
}

/// The status words of a dispatch with sparse statuses (`EntryLayout::sparse_status`), in the
/// dense form: a thread whose invocation ran all its threads and that wrote no status
/// returned (`STATUS_DONE`); one of an invocation that stopped short keeps 0 (unfinished).
fn dense_statuses(words: &[u32], count: u64, slots: u32) -> Vec<u32> {
    let count = count as usize;
    let slots = slots.max(1) as usize;
    let (status, ran) = words.split_at(count.min(words.len()));
    (0..count)
        .map(|j| {
            let inv = j % slots;
            let expected = (count - inv).div_ceil(slots);
            let finished = ran.get(inv).is_some_and(|&n| n as usize == expected);
            match status.get(j).copied().unwrap_or(0) {
                0 if finished => STATUS_DONE,
                w => w,
            }
        })
        .collect()
}

/// The argument words, after checking the arguments against the export's parameters.
pub(crate) fn check_args(entry: &EntryLayout, args: &[Value]) -> Result<Vec<u32>, HostError> {
    let matches = args.len() == entry.params.len()
        && args.iter().zip(&entry.params).all(|(a, t)| a.ty() == *t);
    if !matches {
        let got: Vec<_> = args.iter().map(|a| a.ty()).collect();
        return Err(HostError::ArgumentMismatch {
            export: entry.export.clone(),
            expected: signature(&entry.params, &entry.results),
            got: signature(&got, &[]),
        });
    }
    let mut words = Vec::with_capacity(entry.arg_words() as usize);
    for a in args {
        a.push_words(&mut words);
    }
    Ok(words)
}
