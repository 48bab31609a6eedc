//! (b) The workloads as hand-written WGSL (wgsl/*.wgsl), one invocation per thread, run through
//! wgpu on the same device as the translated code. Buffers are created and filled once; each
//! timed run is one compute pass with one dispatch, timed like (a) (see `gputime`).
//!
//! The shaders go through wgpu's ordinary (checked) `create_shader_module`, so they get the
//! bounds checks any WGSL program gets from wgpu.

use std::borrow::Cow;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context, Result};
use gpu_runtime::host::Gpu;

use crate::cases::{Case, Workload};
use crate::gputime::{self, RunTimes};

/// The WGSL source of a workload.
pub fn source(workload: Workload) -> &'static str {
    match workload {
        Workload::Saxpy => include_str!("wgsl/saxpy.wgsl"),
        Workload::Mandelbrot => include_str!("wgsl/mandelbrot.wgsl"),
        Workload::Nbody => include_str!("wgsl/nbody.wgsl"),
        Workload::Sha256 => include_str!("wgsl/sha256.wgsl"),
        Workload::Splitmix => include_str!("wgsl/splitmix.wgsl"),
        Workload::Sort => include_str!("wgsl/sort.wgsl"),
    }
}

/// A workload's WGSL pipeline with its buffers filled.
#[derive(Debug)]
pub struct Prepared {
    /// WGSL text to a validated naga module.
    pub parse: Duration,
    /// Shader module (naga to SPIR-V inside wgpu) and pipeline creation (the driver's compile).
    pub pipeline: Duration,
    buffers: Vec<wgpu::Buffer>,
    bind_group: wgpu::BindGroup,
    compute: wgpu::ComputePipeline,
    workgroups: (u32, u32),
}

/// The marker line by which a replacement shader (`--b-shaders`) says that one invocation
/// handles `N` threads of the case (`// gpu-bench: threads-per-invocation N`).
const PER_INVOCATION: &str = "// gpu-bench: threads-per-invocation";

/// Parses and compiles the workload's shader (`replacement`, or the built-in one) and uploads
/// `case`'s buffers. The dispatch covers `case.threads` threads with the entry point's
/// workgroup size, `N` threads per invocation when the source has the `PER_INVOCATION` line.
pub fn prepare(gpu: &Gpu, case: &Case, replacement: Option<&str>) -> Result<Prepared> {
    let device = gpu.device();
    let text = replacement.unwrap_or(source(case.workload));
    let t = Instant::now();
    let module = naga::front::wgsl::parse_str(text)
        .map_err(|e| anyhow!("{}.wgsl: {}", case.workload, e.emit_to_string(text)))?;
    let per_invocation: u64 = match text
        .lines()
        .find_map(|l| l.trim().strip_prefix(PER_INVOCATION))
    {
        Some(n) => n
            .trim()
            .parse()
            .with_context(|| format!("`{PER_INVOCATION}` needs a number"))?,
        None => 1,
    };
    let group_size = module
        .entry_points
        .iter()
        .find(|e| e.name == "main")
        .map_or(64, |e| u64::from(e.workgroup_size[0].max(1)));
    naga::valid::Validator::new(
        naga::valid::ValidationFlags::all(),
        naga::valid::Capabilities::all(),
    )
    .validate(&module)
    .map_err(|e| anyhow!("{}.wgsl does not validate: {e:?}", case.workload))?;
    let parse = t.elapsed();

    let t = Instant::now();
    let (shader, compute) = gputime::scoped(gpu, "wgsl pipeline creation", || {
        let shader = device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some(case.workload.name()),
            source: wgpu::ShaderSource::Naga(Cow::Owned(module)),
        });
        let compute = device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
            label: Some(case.workload.name()),
            layout: None,
            module: &shader,
            entry_point: Some("main"),
            compilation_options: wgpu::PipelineCompilationOptions::default(),
            cache: None,
        });
        (shader, compute)
    })?;
    drop(shader);
    let pipeline = t.elapsed();

    let upload = gputime::scoped(gpu, "wgsl buffer upload", || {
        let mut uniform: Vec<u32> = case.scalars.iter().map(|s| s.bits()).collect();
        uniform.resize(uniform.len().next_multiple_of(4), 0);
        let params = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("params"),
            size: uniform.len() as u64 * 4,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        gpu.queue()
            .write_buffer(&params, 0, bytemuck::cast_slice(&uniform));
        let mut buffers = Vec::new();
        for b in &case.buffers {
            let buffer = device.create_buffer(&wgpu::BufferDescriptor {
                label: Some(b.name),
                size: (b.len as u64).next_multiple_of(8),
                usage: wgpu::BufferUsages::STORAGE
                    | wgpu::BufferUsages::COPY_DST
                    | wgpu::BufferUsages::COPY_SRC,
                mapped_at_creation: false,
            });
            gpu.queue().write_buffer(&buffer, 0, b.bytes());
            buffers.push(buffer);
        }
        let mut entries = vec![wgpu::BindGroupEntry {
            binding: 0,
            resource: params.as_entire_binding(),
        }];
        for (i, b) in buffers.iter().enumerate() {
            entries.push(wgpu::BindGroupEntry {
                binding: i as u32 + 1,
                resource: b.as_entire_binding(),
            });
        }
        let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some(case.workload.name()),
            layout: &compute.get_bind_group_layout(0),
            entries: &entries,
        });
        buffers.push(params);
        (buffers, bind_group)
    })?;
    let (buffers, bind_group) = upload;
    gputime::check_idle(gpu, "wgsl buffer upload")?;

    let groups = case
        .threads
        .div_ceil(per_invocation.max(1))
        .div_ceil(group_size);
    let max = u64::from(gpu.limits().max_compute_workgroups_per_dimension.max(1));
    let x = groups.min(max);
    let y = groups.div_ceil(x);
    if y > max {
        return Err(anyhow!(
            "{}: {} threads need too many workgroups",
            case.workload,
            case.threads
        ));
    }
    Ok(Prepared {
        parse,
        pipeline,
        buffers,
        bind_group,
        compute,
        workgroups: (x as u32, y as u32),
    })
}

impl Prepared {
    /// Runs the kernel `runs` times (one pass, one dispatch each), timed.
    pub fn time(&self, gpu: &Gpu, runs: u32) -> Result<RunTimes> {
        gputime::time_passes(gpu, runs, |pass| {
            pass.set_pipeline(&self.compute);
            pass.set_bind_group(0, &self.bind_group, &[]);
            pass.dispatch_workgroups(self.workgroups.0, self.workgroups.1, 1);
        })
    }

    /// The output buffers' contents (as many bytes as the case's buffers have).
    pub fn outputs(&self, gpu: &Gpu, case: &Case) -> Result<Vec<Vec<u8>>> {
        let mut out = Vec::new();
        for (b, buffer) in case.buffers.iter().zip(&self.buffers) {
            if b.output {
                let bytes = gputime::read_buffer(gpu, buffer, b.len as u64)
                    .with_context(|| format!("reading {}", b.name))?;
                out.push(bytes);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn every_shader_parses_and_validates() {
        for w in Workload::ALL {
            let module = naga::front::wgsl::parse_str(source(w))
                .unwrap_or_else(|e| panic!("{w}: {}", e.emit_to_string(source(w))));
            naga::valid::Validator::new(
                naga::valid::ValidationFlags::all(),
                naga::valid::Capabilities::all(),
            )
            .validate(&module)
            .unwrap_or_else(|e| panic!("{w}: {e:?}"));
            assert_eq!(module.entry_points.len(), 1, "{w}");
        }
    }
}
