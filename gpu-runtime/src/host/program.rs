//! A translated module on the GPU: its shader module, the one bind group layout of the ABI and
//! one compute pipeline per entry point (compiled on first use, or by [`Program::prepare`]).
//!
//! Two ways to the driver: normally wgpu gets the naga module and writes SPIR-V (or MSL, HLSL)
//! itself; in exact-float mode ([`ProgramOptions::exact_floats`]) the program writes each entry
//! point's SPIR-V, patches it ([`super::exact_spirv`]) and passes it through.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::error::HostError;
use super::exact_spirv::{self, FloatControls};
use super::gpu::Gpu;
use crate::translate::abi::{EntryLayout, ModuleLayout};
use crate::translate::Translation;

/// A compiled translation. Cheap to clone; instances of it share its pipelines.
#[derive(Debug, Clone)]
pub struct Program {
    inner: Arc<ProgramInner>,
}

/// Options for [`Program::with_options`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProgramOptions {
    /// Keep the driver from bending wasm float semantics: every float operation is marked
    /// `NoContraction` (no fused multiply-add, no algebraic folding such as `x + 0.0 -> x`),
    /// and signed zeros, infinities, NaNs and subnormals are preserved where the device
    /// supports those float-controls modes ([`Gpu::float_controls`]). Vulkan only (the
    /// program is created from SPIR-V passthrough); elsewhere [`Program::with_options`] returns
    /// [`HostError::ExactFloatsUnsupported`]. Pair it with
    /// [`TranslateOptions::exact_floats`](crate::translate::TranslateOptions) for
    /// correctly rounded f32 division and square root. Costs: docs/PERFORMANCE.md.
    pub exact_floats: bool,
}

#[derive(Debug)]
enum Shader {
    /// wgpu writes the backend's shader from the naga module.
    Naga(wgpu::ShaderModule),
    /// Exact floats: SPIR-V written and patched per entry point, when its pipeline is made.
    Exact {
        module: naga::Module,
        info: naga::valid::ModuleInfo,
        controls: FloatControls,
    },
}

#[derive(Debug)]
struct ProgramInner {
    gpu: Gpu,
    layout: ModuleLayout,
    shader: Shader,
    bind_group_layout: wgpu::BindGroupLayout,
    pipeline_layout: wgpu::PipelineLayout,
    /// By export name.
    pipelines: Mutex<HashMap<String, wgpu::ComputePipeline>>,
}

impl Program {
    /// Checks the adapter has the features the module needs, then hands the naga module to wgpu
    /// (which validates it again) and creates the bind group layout of [`abi`](crate::translate::abi).
    pub fn new(gpu: &Gpu, translation: Translation) -> Result<Program, HostError> {
        Program::with_options(gpu, translation, &ProgramOptions::default())
    }

    /// [`Program::new`] with options.
    pub fn with_options(
        gpu: &Gpu,
        translation: Translation,
        options: &ProgramOptions,
    ) -> Result<Program, HostError> {
        let Translation {
            module,
            info,
            layout,
        } = translation;
        gpu.check_features(layout.needs_int64, layout.needs_f64)?;

        let device = gpu.device();
        let shader = if options.exact_floats {
            let passthrough = gpu.features().contains(wgpu::Features::PASSTHROUGH_SHADERS);
            match gpu.float_controls() {
                Some(controls) if passthrough => Shader::Exact {
                    module,
                    info,
                    controls,
                },
                _ => {
                    return Err(HostError::ExactFloatsUnsupported {
                        adapter: gpu.adapter_info().to_string(),
                    })
                }
            }
        } else {
            let (module, error) = gpu.scoped(|| create_shader_module(device, module));
            if let Some(e) = error {
                return Err(HostError::Shader {
                    message: e.to_string(),
                });
            }
            Shader::Naga(module)
        };

        let (layouts, error) = gpu.scoped(|| {
            let bind_group_layout =
                device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
                    label: Some("wasm abi"),
                    entries: &super::bind::layout_entries(&layout),
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
                shader,
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
        let exact_module;
        let module = match &self.inner.shader {
            Shader::Naga(module) => module,
            Shader::Exact {
                module,
                info,
                controls,
            } => {
                exact_module =
                    exact_shader_module(gpu, module, info, *controls, export, &entry.entry_point)?;
                &exact_module
            }
        };
        let (pipeline, error) = gpu.scoped(|| {
            gpu.device()
                .create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
                    label: Some(&entry.entry_point),
                    layout: Some(&self.inner.pipeline_layout),
                    module,
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

/// One entry point's SPIR-V, patched for exact floats, as a passthrough shader module. Written
/// with the options wgpu uses for an unchecked naga module (see [`create_shader_module`]).
#[allow(unsafe_code)]
fn exact_shader_module(
    gpu: &Gpu,
    module: &naga::Module,
    info: &naga::valid::ModuleInfo,
    controls: FloatControls,
    export: &str,
    entry_point: &str,
) -> Result<wgpu::ShaderModule, HostError> {
    let spirv_error = |message: String| HostError::Spirv {
        export: export.to_string(),
        message,
    };
    let options = naga::back::spv::Options {
        lang_version: (1, 3),
        flags: naga::back::spv::WriterFlags::empty(),
        // Bindings map one to one (group 0, binding N -> set 0, binding N), as wgpu maps them.
        fake_missing_bindings: true,
        bounds_check_policies: naga::proc::BoundsCheckPolicies::default(),
        zero_initialize_workgroup_memory: naga::back::spv::ZeroInitializeWorkgroupMemoryMode::None,
        force_loop_bounding: false,
        emit_int_div_checks: false,
        ..naga::back::spv::Options::default()
    };
    let pipeline = naga::back::spv::PipelineOptions {
        shader_stage: naga::ShaderStage::Compute,
        entry_point: entry_point.to_string(),
    };
    let words = naga::back::spv::write_vec(module, info, &options, Some(&pipeline))
        .map_err(|e| spirv_error(e.to_string()))?;
    let (words, _) =
        exact_spirv::make_exact(&words, controls).map_err(|e| spirv_error(e.to_string()))?;
    let workgroup_size = module
        .entry_points
        .iter()
        .find(|e| e.name == entry_point)
        .map(|e| {
            (
                e.workgroup_size[0],
                e.workgroup_size[1],
                e.workgroup_size[2],
            )
        })
        .unwrap_or((1, 1, 1));
    let desc = wgpu::ShaderModuleDescriptorPassthrough {
        label: Some(entry_point),
        entry_points: Cow::Owned(vec![wgpu::PassthroughShaderEntryPoint {
            name: Cow::Borrowed(entry_point),
            workgroup_size,
        }]),
        spirv: Some(Cow::Owned(words)),
        ..Default::default()
    };
    // SAFETY: the SPIR-V is naga's output for a module naga validated, changed only by
    // decorations and execution modes the device reports support for (`FloatControls`); its
    // bindings are the ABI's, which the pipeline layout declares.
    let (shader, error) =
        gpu.scoped(|| unsafe { gpu.device().create_shader_module_passthrough(desc) });
    match error {
        Some(e) => Err(HostError::Shader {
            message: e.to_string(),
        }),
        None => Ok(shader),
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
