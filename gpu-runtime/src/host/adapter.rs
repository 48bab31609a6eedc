//! Choosing an adapter: the `--adapter` / `GPU_RUN_ADAPTER` selector and the preference order.

/// What a selector string asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Selector {
    /// A backend name: `vulkan`, `metal`, `dx12` or `gl`.
    Backend(wgpu::Backend),
    /// A case-insensitive substring of the adapter name.
    Name(String),
}

impl Selector {
    /// Parses a selector; backend names win over name substrings.
    pub(crate) fn parse(text: &str) -> Selector {
        let lower = text.trim().to_ascii_lowercase();
        match lower.as_str() {
            "vulkan" | "vk" => Selector::Backend(wgpu::Backend::Vulkan),
            "metal" | "mtl" => Selector::Backend(wgpu::Backend::Metal),
            "dx12" | "d3d12" => Selector::Backend(wgpu::Backend::Dx12),
            "gl" | "gles" | "opengl" => Selector::Backend(wgpu::Backend::Gl),
            _ => Selector::Name(lower),
        }
    }

    /// Whether an adapter matches.
    pub(crate) fn matches(&self, info: &wgpu::AdapterInfo) -> bool {
        match self {
            Selector::Backend(b) => info.backend == *b,
            Selector::Name(sub) => info.name.to_ascii_lowercase().contains(sub.as_str()),
        }
    }
}

/// Sort key: lower is better. Discrete > integrated > virtual > CPU > other; native APIs over GL.
pub(crate) fn preference(info: &wgpu::AdapterInfo) -> (u8, u8) {
    let device = match info.device_type {
        wgpu::DeviceType::DiscreteGpu => 0,
        wgpu::DeviceType::IntegratedGpu => 1,
        wgpu::DeviceType::VirtualGpu => 2,
        wgpu::DeviceType::Cpu => 3,
        wgpu::DeviceType::Other => 4,
    };
    let backend = match info.backend {
        wgpu::Backend::Vulkan | wgpu::Backend::Metal | wgpu::Backend::Dx12 => 0,
        wgpu::Backend::Gl => 1,
        _ => 2,
    };
    (device, backend)
}

/// `NVIDIA H200 (Vulkan)`.
pub(crate) fn describe(info: &wgpu::AdapterInfo) -> String {
    let backend = match info.backend {
        wgpu::Backend::Vulkan => "Vulkan",
        wgpu::Backend::Metal => "Metal",
        wgpu::Backend::Dx12 => "DX12",
        wgpu::Backend::Gl => "GL",
        wgpu::Backend::BrowserWebGpu => "WebGPU",
        wgpu::Backend::Noop => "noop",
    };
    format!("{} ({backend})", info.name)
}

/// Index of the best adapter among `infos` that matches `selector`.
pub(crate) fn choose(infos: &[wgpu::AdapterInfo], selector: Option<&Selector>) -> Option<usize> {
    infos
        .iter()
        .enumerate()
        .filter(|(_, info)| info.backend != wgpu::Backend::Noop)
        .filter(|(_, info)| selector.is_none_or(|s| s.matches(info)))
        .min_by_key(|(i, info)| (preference(info), *i))
        .map(|(i, _)| i)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn info(
        name: &str,
        device_type: wgpu::DeviceType,
        backend: wgpu::Backend,
    ) -> wgpu::AdapterInfo {
        let mut info = wgpu::AdapterInfo::new(device_type, backend);
        info.name = name.into();
        info
    }

    #[test]
    fn prefers_discrete_native() {
        let infos = [
            info("llvmpipe", wgpu::DeviceType::Cpu, wgpu::Backend::Vulkan),
            info(
                "NVIDIA H200",
                wgpu::DeviceType::DiscreteGpu,
                wgpu::Backend::Gl,
            ),
            info(
                "NVIDIA H200",
                wgpu::DeviceType::DiscreteGpu,
                wgpu::Backend::Vulkan,
            ),
            info(
                "Intel",
                wgpu::DeviceType::IntegratedGpu,
                wgpu::Backend::Vulkan,
            ),
        ];
        assert_eq!(choose(&infos, None), Some(2));
        assert_eq!(choose(&infos, Some(&Selector::parse("gl"))), Some(1));
        assert_eq!(choose(&infos, Some(&Selector::parse("LLVMpipe"))), Some(0));
        assert_eq!(choose(&infos, Some(&Selector::parse("metal"))), None);
        assert_eq!(describe(&infos[2]), "NVIDIA H200 (Vulkan)");
    }
}
