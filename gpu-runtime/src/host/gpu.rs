//! The GPU: one wgpu adapter, device and queue, shared by every program and instance on it.

use std::sync::{Arc, Mutex};

use super::adapter::{self, Selector};
use super::error::HostError;
use super::exact_spirv::FloatControls;
use super::float_controls;

/// Environment variable consulted when [`GpuOptions::adapter`] is `None` (same syntax).
pub const ADAPTER_ENV: &str = "GPU_RUN_ADAPTER";

/// Features requested when the adapter has them: shader features (programs are checked against
/// what the device got), timestamp queries (for
/// [`Instance::time_dispatches`](super::Instance::time_dispatches)) and `PASSTHROUGH_SHADERS`
/// for exact-float mode, which hands wgpu patched SPIR-V ([`super::exact_spirv`]).
const OPTIONAL_FEATURES: wgpu::Features = wgpu::Features::SHADER_INT64
    .union(wgpu::Features::SHADER_F64)
    .union(wgpu::Features::TIMESTAMP_QUERY)
    .union(wgpu::Features::PASSTHROUGH_SHADERS);

/// Options for [`Gpu::new`].
#[derive(Debug, Clone, Default)]
pub struct GpuOptions {
    /// Which adapter to use: a backend name (`vulkan`, `metal`, `dx12`, `gl`) or a
    /// case-insensitive substring of the adapter name (`h200`, `llvmpipe`). `None` reads
    /// [`ADAPTER_ENV`], and without it picks the best adapter: discrete GPU, then integrated,
    /// virtual, CPU; Vulkan/Metal/DX12 before GL.
    pub adapter: Option<String>,
}

/// An open GPU device. Cheap to clone (all clones share the device).
#[derive(Debug, Clone)]
pub struct Gpu {
    inner: Arc<GpuInner>,
}

#[derive(Debug)]
struct GpuInner {
    // Kept alive for as long as the device is used.
    _instance: wgpu::Instance,
    _adapter: wgpu::Adapter,
    device: wgpu::Device,
    queue: wgpu::Queue,
    info: wgpu::AdapterInfo,
    description: String,
    limits: wgpu::Limits,
    features: wgpu::Features,
    /// The float-controls modes of a Vulkan 1.2+ adapter.
    float_controls: Option<FloatControls>,
    /// Errors no error scope caught, and the device-lost reason; reported by the next run.
    uncaptured: Arc<Mutex<Vec<String>>>,
}

impl Gpu {
    /// Picks an adapter (see [`GpuOptions::adapter`]) and opens a device on it with the adapter's
    /// own limits and whichever of `SHADER_INT64` / `SHADER_F64` / `TIMESTAMP_QUERY` it supports.
    pub fn new(options: &GpuOptions) -> Result<Gpu, HostError> {
        let requested = options
            .adapter
            .clone()
            .or_else(|| std::env::var(ADAPTER_ENV).ok())
            .filter(|s| !s.trim().is_empty());
        let selector = requested.as_deref().map(Selector::parse);

        let instance = new_instance();
        let adapters = pollster::block_on(instance.enumerate_adapters(wgpu::Backends::all()));
        let infos: Vec<wgpu::AdapterInfo> = adapters.iter().map(|a| a.get_info()).collect();
        let Some(index) = adapter::choose(&infos, selector.as_ref()) else {
            return Err(HostError::NoAdapter {
                requested,
                available: infos.iter().map(adapter::describe).collect(),
            });
        };
        let adapter = adapters[index].clone();
        let info = infos[index].clone();
        let description = adapter::describe(&info);

        let features = adapter.features() & OPTIONAL_FEATURES;
        let float_controls = float_controls::query(&adapter);
        let limits = adapter.limits();
        let desc = wgpu::DeviceDescriptor {
            label: Some("gpu-runtime"),
            required_features: features,
            required_limits: limits.clone(),
            ..Default::default()
        };
        let (device, queue) = pollster::block_on(adapter.request_device(&desc)).map_err(|e| {
            HostError::RequestDevice {
                adapter: description.clone(),
                message: e.to_string(),
            }
        })?;

        // wgpu's default handler panics; keep the message for the next run to report instead.
        let uncaptured = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&uncaptured);
        device.on_uncaptured_error(Arc::new(move |e: wgpu::Error| {
            if let Ok(mut v) = sink.lock() {
                v.push(e.to_string());
            }
        }));
        let sink = Arc::clone(&uncaptured);
        device.set_device_lost_callback(move |reason, message| {
            if let Ok(mut v) = sink.lock() {
                v.push(format!("device lost ({reason:?}): {message}"));
            }
        });

        Ok(Gpu {
            inner: Arc::new(GpuInner {
                _instance: instance,
                _adapter: adapter,
                device,
                queue,
                info,
                description,
                limits,
                features,
                float_controls,
                uncaptured,
            }),
        })
    }

    /// Every adapter wgpu finds, described as by [`Gpu::adapter_info`], best first.
    pub fn list_adapters() -> Vec<String> {
        let instance = new_instance();
        let adapters = pollster::block_on(instance.enumerate_adapters(wgpu::Backends::all()));
        let mut infos: Vec<wgpu::AdapterInfo> = adapters.iter().map(|a| a.get_info()).collect();
        infos.retain(|i| i.backend != wgpu::Backend::Noop);
        infos.sort_by_key(adapter::preference);
        infos.iter().map(adapter::describe).collect()
    }

    /// The adapter, for printing: `NVIDIA H200 (Vulkan)`.
    pub fn adapter_info(&self) -> &str {
        &self.inner.description
    }

    /// wgpu's full description of the adapter.
    pub fn wgpu_adapter_info(&self) -> &wgpu::AdapterInfo {
        &self.inner.info
    }

    /// The device's limits (the adapter's own).
    pub fn limits(&self) -> &wgpu::Limits {
        &self.inner.limits
    }

    /// The float-controls execution modes the device supports (Vulkan 1.2+ only), which
    /// exact-float programs request ([`ProgramOptions::exact_floats`](super::ProgramOptions)).
    pub fn float_controls(&self) -> Option<FloatControls> {
        self.inner.float_controls
    }

    /// The features the device was opened with.
    pub fn features(&self) -> wgpu::Features {
        self.inner.features
    }

    /// The wgpu device.
    pub fn device(&self) -> &wgpu::Device {
        &self.inner.device
    }

    /// The wgpu queue.
    pub fn queue(&self) -> &wgpu::Queue {
        &self.inner.queue
    }

    /// Largest size in bytes of one storage buffer binding, capped at 4 GiB - 64 KiB (wasm
    /// addresses are 32-bit) and rounded down to a multiple of 64 KiB.
    pub fn max_binding_bytes(&self) -> u64 {
        let l = &self.inner.limits;
        let max = l
            .max_storage_buffer_binding_size
            .min(l.max_buffer_size)
            .min(crate::translate::abi::MAX_MEMORY_BYTES);
        max & !(u64::from(crate::translate::abi::PAGE_SIZE) - 1)
    }

    /// Fails with [`HostError::MissingFeature`] unless the device can run a module with these
    /// needs.
    pub fn check_features(&self, needs_int64: bool, needs_f64: bool) -> Result<(), HostError> {
        for (needed, feature, name) in [
            (needs_int64, wgpu::Features::SHADER_INT64, "SHADER_INT64"),
            (needs_f64, wgpu::Features::SHADER_F64, "SHADER_F64"),
        ] {
            if needed && !self.inner.features.contains(feature) {
                return Err(HostError::MissingFeature {
                    feature: name,
                    adapter: self.inner.description.clone(),
                });
            }
        }
        Ok(())
    }

    /// Runs `f` inside validation, out-of-memory and internal error scopes and returns the first
    /// error any of them caught.
    pub(crate) fn scoped<T>(&self, f: impl FnOnce() -> T) -> (T, Option<wgpu::Error>) {
        let device = &self.inner.device;
        let validation = device.push_error_scope(wgpu::ErrorFilter::Validation);
        let oom = device.push_error_scope(wgpu::ErrorFilter::OutOfMemory);
        let internal = device.push_error_scope(wgpu::ErrorFilter::Internal);
        let value = f();
        let internal = pollster::block_on(internal.pop());
        let oom = pollster::block_on(oom.pop());
        let validation = pollster::block_on(validation.pop());
        (value, validation.or(oom).or(internal))
    }

    /// Takes the errors no scope caught (and device loss) since the last call.
    pub(crate) fn take_uncaptured(&self) -> Option<String> {
        let mut v = self.inner.uncaptured.lock().ok()?;
        if v.is_empty() {
            None
        } else {
            let message = v.join("; ");
            v.clear();
            Some(message)
        }
    }

    /// Waits until the queue is idle.
    pub(crate) fn wait(&self, during: &'static str) -> Result<(), HostError> {
        self.inner
            .device
            .poll(wgpu::PollType::wait_indefinitely())
            .map_err(|e| HostError::Gpu {
                during,
                message: e.to_string(),
            })?;
        match self.take_uncaptured() {
            Some(message) => Err(HostError::Gpu { during, message }),
            None => Ok(()),
        }
    }
}

fn new_instance() -> wgpu::Instance {
    let mut desc = wgpu::InstanceDescriptor::new_without_display_handle();
    desc.backends = wgpu::Backends::all();
    // No validation layers unless asked for through WGPU_* variables: they are slow.
    desc.flags = wgpu::InstanceFlags::empty().with_env();
    wgpu::Instance::new(desc)
}
