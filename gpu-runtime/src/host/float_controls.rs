//! Which float-controls execution modes the device supports, read from Vulkan's
//! `VkPhysicalDeviceFloatControlsProperties` (core since Vulkan 1.2). wgpu does not expose
//! them, so this goes through wgpu-hal to the raw Vulkan instance. Other backends (Metal, DX12,
//! GL) report none: exact-float mode is a Vulkan feature (docs/ARCHITECTURE.md, "Float semantics").

use super::exact_spirv::FloatControls;

/// The modes the adapter supports; `None` when it is not a Vulkan 1.2+ adapter.
#[cfg(not(any(target_vendor = "apple", target_arch = "wasm32")))]
#[allow(unsafe_code)]
pub(crate) fn query(adapter: &wgpu::Adapter) -> Option<FloatControls> {
    use ash::vk;
    // SAFETY: the handles are only read from, while `adapter` keeps them alive.
    let hal = unsafe { adapter.as_hal::<wgpu::hal::api::Vulkan>() }?;
    let shared = hal.shared_instance();
    if shared.instance_api_version() < vk::API_VERSION_1_1
        || hal.physical_device_capabilities().properties().api_version < vk::API_VERSION_1_2
    {
        return None;
    }
    let mut fc = vk::PhysicalDeviceFloatControlsProperties::default();
    let mut props = vk::PhysicalDeviceProperties2::default().push_next(&mut fc);
    // SAFETY: a valid physical device of this instance, and a properly chained output struct.
    unsafe {
        shared
            .raw_instance()
            .get_physical_device_properties2(hal.raw_physical_device(), &mut props)
    };
    Some(FloatControls {
        signed_zero_inf_nan_32: fc.shader_signed_zero_inf_nan_preserve_float32 != 0,
        signed_zero_inf_nan_64: fc.shader_signed_zero_inf_nan_preserve_float64 != 0,
        denorm_preserve_32: fc.shader_denorm_preserve_float32 != 0,
        denorm_preserve_64: fc.shader_denorm_preserve_float64 != 0,
    })
}

/// Not a Vulkan platform here: no float controls.
#[cfg(any(target_vendor = "apple", target_arch = "wasm32"))]
pub(crate) fn query(_adapter: &wgpu::Adapter) -> Option<FloatControls> {
    None
}
