//! The bind group of the wasm ABI (`translate::abi::binding`): its layout, made once per
//! program, and the bind group of one dispatch, made from an instance's buffers.

use super::instance::Instance;
use crate::translate::abi::{binding, ModuleLayout};

/// The layout entries for a module: bindings 0..=7 always, [`binding::MEMORY_ATOMIC`] and
/// [`binding::MEMORY_VEC4`] when the shader declares them (so adapters with only 8 storage
/// buffers per stage still run the modules that need no more).
pub(super) fn layout_entries(layout: &ModuleLayout) -> Vec<wgpu::BindGroupLayoutEntry> {
    let mut entries = vec![
        storage_entry(binding::PARAMS, true),
        storage_entry(binding::MEMORY, false),
        storage_entry(binding::RESULTS, false),
        storage_entry(binding::CONTROL, false),
        storage_entry(binding::DATA, true),
        storage_entry(binding::CALL_STACK, false),
        storage_entry(binding::FRAMEBUFFER, false),
        storage_entry(binding::STACK, false),
    ];
    if layout.memory_atomic_view {
        entries.push(storage_entry(binding::MEMORY_ATOMIC, false));
    }
    if layout.memory_vec4_view {
        entries.push(storage_entry(binding::MEMORY_VEC4, false));
    }
    entries
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

/// The per-dispatch buffers that are not the instance's own.
pub(super) struct DispatchBuffers<'a> {
    pub params: &'a wgpu::Buffer,
    pub results: &'a wgpu::Buffer,
    /// Bytes of `results` this dispatch writes (the binding's size).
    pub results_bytes: u64,
    pub framebuffer: &'a wgpu::Buffer,
}

impl Instance {
    /// The bind group of one dispatch. wgpu may report errors in it through the caller's error
    /// scope (`Gpu::scoped`).
    pub(super) fn bind_group(&self, label: &str, d: &DispatchBuffers<'_>) -> wgpu::BindGroup {
        let program = self.program();
        let mut entries = vec![
            whole(binding::PARAMS, d.params),
            whole(binding::MEMORY, &self.memory),
            wgpu::BindGroupEntry {
                binding: binding::RESULTS,
                resource: wgpu::BindingResource::Buffer(wgpu::BufferBinding {
                    buffer: d.results,
                    offset: 0,
                    size: wgpu::BufferSize::new(d.results_bytes),
                }),
            },
            whole(binding::CONTROL, &self.control),
            whole(binding::DATA, &self.data),
            whole(binding::CALL_STACK, &self.call_stack),
            whole(binding::FRAMEBUFFER, d.framebuffer),
            whole(binding::STACK, &self.stack),
        ];
        if program.layout().memory_atomic_view {
            // The same buffer again, seen as atomic words (wgpu allows one buffer in two
            // read-write storage bindings; SPIR-V storage buffers without `Restrict`, as naga
            // writes them, may alias).
            entries.push(whole(binding::MEMORY_ATOMIC, &self.memory));
        }
        if program.layout().memory_vec4_view {
            entries.push(whole(binding::MEMORY_VEC4, &self.memory));
        }
        program
            .gpu()
            .device()
            .create_bind_group(&wgpu::BindGroupDescriptor {
                label: Some(label),
                layout: program.bind_group_layout(),
                entries: &entries,
            })
    }
}

fn whole(binding: u32, buffer: &wgpu::Buffer) -> wgpu::BindGroupEntry<'_> {
    wgpu::BindGroupEntry {
        binding,
        resource: buffer.as_entire_binding(),
    }
}
