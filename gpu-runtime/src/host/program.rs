//! A translated module on the GPU: its shader module, the one bind group layout of the ABI and
//! one compute pipeline per entry point (compiled on first use, or by [`Program::prepare`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::error::HostError;
use super::gpu::Gpu;
use crate::translate::abi::{binding, EntryLayout, ModuleLayout};
use crate::translate::Translation;

/// A compiled translation. Cheap to clone; instances of it share its pipelines.
#[derive(Debug, Clone)]
pub struct Program {
    inner: Arc<ProgramInner>,
}

#[derive(Debug)]
struct ProgramInner {
    gpu: Gpu,
    layout: ModuleLayout,
    module: wgpu::ShaderModule,
    bind_group_layout: wgpu::BindGroupLayout,
    pipeline_layout: wgpu::PipelineLayout,
    /// By export name.
    pipelines: Mutex<HashMap<String, wgpu::ComputePipeline>>,
}

impl Program {
    /// Checks the adapter has the features the module needs, then hands the naga module to wgpu
    /// (which validates it again) and creates the bind group layout of [`abi`](crate::translate::abi).
    pub fn new(gpu: &Gpu, translation: Translation) -> Result<Program, HostError> {
        let Translation { module, layout, .. } = translation;
        gpu.check_features(layout.needs_int64, layout.needs_f64)?;

        let device = gpu.device();
        let (module, error) = gpu.scoped(|| create_shader_module(device, module));
        if let Some(e) = error {
            return Err(HostError::Shader {
                message: e.to_string(),
            });
        }

        let (layouts, error) = gpu.scoped(|| {
            let bind_group_layout =
                device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
                    label: Some("wasm abi"),
                    entries: &[
                        storage_entry(binding::PARAMS, true),
                        storage_entry(binding::MEMORY, false),
                        storage_entry(binding::RESULTS, false),
                        storage_entry(binding::CONTROL, false),
                        storage_entry(binding::DATA, true),
                        storage_entry(binding::CALL_STACK, false),
                        storage_entry(binding::FRAMEBUFFER, false),
                    ],
                });
            let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
                label: Some("wasm abi"),
                bind_group_layouts: &[Some(&bind_group_layout)],
                immediate_size: 0,
            });
            (bind_group_layout, pipeline_layout)
        });
        if let Some(e) = error {
            return Err(HostError::Shader {
                message: e.to_string(),
            });
        }
        let (bind_group_layout, pipeline_layout) = layouts;

        Ok(Program {
            inner: Arc::new(ProgramInner {
                gpu: gpu.clone(),
                layout,
                module,
                bind_group_layout,
                pipeline_layout,
                pipelines: Mutex::new(HashMap::new()),
            }),
        })
    }

    /// The GPU the program lives on.
    pub fn gpu(&self) -> &Gpu {
        &self.inner.gpu
    }

    /// The module's ABI layout.
    pub fn layout(&self) -> &ModuleLayout {
        &self.inner.layout
    }

    /// The entry point of a wasm export.
    pub fn entry(&self, export: &str) -> Result<&EntryLayout, HostError> {
        self.inner
            .layout
            .entry(export)
            .ok_or_else(|| HostError::MissingEntry {
                name: export.to_string(),
                available: export_list(&self.inner.layout),
            })
    }

    /// Compiles the pipeline of one export now (otherwise the first run does).
    pub fn prepare(&self, export: &str) -> Result<(), HostError> {
        self.pipeline(export).map(|_| ())
    }

    /// Compiles every entry point's pipeline now.
    pub fn prepare_all(&self) -> Result<(), HostError> {
        for entry in &self.inner.layout.entries {
            self.prepare(&entry.export)?;
        }
        Ok(())
    }

    pub(crate) fn bind_group_layout(&self) -> &wgpu::BindGroupLayout {
        &self.inner.bind_group_layout
    }

    /// The pipeline of an export, compiling it on first use.
    pub(crate) fn pipeline(&self, export: &str) -> Result<wgpu::ComputePipeline, HostError> {
        let entry = self.entry(export)?;
        if let Some(p) = self.lock_pipelines().get(export) {
            return Ok(p.clone());
        }
        let gpu = &self.inner.gpu;
        let (pipeline, error) = gpu.scoped(|| {
            gpu.device()
                .create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
                    label: Some(&entry.entry_point),
                    layout: Some(&self.inner.pipeline_layout),
                    module: &self.inner.module,
                    entry_point: Some(&entry.entry_point),
                    compilation_options: wgpu::PipelineCompilationOptions::default(),
                    cache: None,
                })
        });
        if let Some(e) = error {
            return Err(HostError::Pipeline {
                export: export.to_string(),
                message: e.to_string(),
            });
        }
        self.lock_pipelines()
            .insert(export.to_string(), pipeline.clone());
        Ok(pipeline)
    }

    fn lock_pipelines(&self) -> std::sync::MutexGuard<'_, HashMap<String, wgpu::ComputePipeline>> {
        // A poisoned map only means another thread panicked while inserting; the map is fine.
        self.inner
            .pipelines
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The exports of a layout, for error messages.
pub(crate) fn export_list(layout: &ModuleLayout) -> String {
    if layout.entries.is_empty() {
        return "none".to_string();
    }
    layout
        .entries
        .iter()
        .map(|e| format!("`{}`", e.export))
        .collect::<Vec<_>>()
        .join(", ")
}

fn storage_entry(binding: u32, read_only: bool) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::COMPUTE,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Storage { read_only },
            has_dynamic_offset: false,
            min_binding_size: None,
        },
        count: None,
    }
}

/// Creates the shader module without wgpu's own bounds checks and loop bounding.
#[allow(unsafe_code)]
fn create_shader_module(device: &wgpu::Device, module: naga::Module) -> wgpu::ShaderModule {
    let desc = wgpu::ShaderModuleDescriptor {
        label: Some("wasm"),
        source: wgpu::ShaderSource::Naga(Cow::Owned(module)),
    };
    // SAFETY: the translator bounds-checks every linear memory access itself (a wasm trap), and
    // indexes the params/results/control/data buffers only within the sizes the host binds
    // (see `abi`). Loops without a bound are wasm semantics: an infinite wasm loop hangs the
    // thread on any engine.
    unsafe { device.create_shader_module_trusted(desc, wgpu::ShaderRuntimeChecks::unchecked()) }
}
