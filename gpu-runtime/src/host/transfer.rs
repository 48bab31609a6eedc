//! Moving bytes between the host and GPU buffers.

use super::error::HostError;
use super::gpu::Gpu;

/// Creates a buffer, turning wgpu errors (size over the limits, out of memory) into
/// [`HostError::Gpu`].
pub(crate) fn create_buffer(
    gpu: &Gpu,
    label: &'static str,
    size: u64,
    usage: wgpu::BufferUsages,
) -> Result<wgpu::Buffer, HostError> {
    let (buffer, error) = gpu.scoped(|| {
        gpu.device().create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size: size.max(4).next_multiple_of(4),
            usage,
            mapped_at_creation: false,
        })
    });
    match error {
        Some(e) => Err(HostError::Gpu {
            during: "buffer creation",
            message: format!("{label} buffer of {size} bytes: {e}"),
        }),
        None => Ok(buffer),
    }
}

/// A buffer the GPU can copy into and the host can map.
pub(crate) fn staging_buffer(gpu: &Gpu, size: u64) -> Result<wgpu::Buffer, HostError> {
    create_buffer(
        gpu,
        "staging",
        size,
        wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
    )
}

/// Maps the first `len` bytes of `staging` (after the GPU is done with it), passes them to `f`
/// and unmaps.
pub(crate) fn map_read<T>(
    gpu: &Gpu,
    staging: &wgpu::Buffer,
    len: u64,
    f: impl FnOnce(&[u8]) -> T,
) -> Result<T, HostError> {
    let len = len.max(4).next_multiple_of(4);
    let (tx, rx) = std::sync::mpsc::channel();
    staging.map_async(wgpu::MapMode::Read, 0..len, move |r| {
        let _ = tx.send(r);
    });
    gpu.wait("readback")?;
    match rx.recv() {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            return Err(HostError::Gpu {
                during: "readback",
                message: e.to_string(),
            })
        }
        Err(_) => {
            return Err(HostError::Gpu {
                during: "readback",
                message: "buffer mapping never completed".into(),
            })
        }
    }
    let value = {
        let view = staging
            .get_mapped_range(0..len)
            .map_err(|e| HostError::Gpu {
                during: "readback",
                message: e.to_string(),
            })?;
        f(&view)
    };
    staging.unmap();
    Ok(value)
}

/// Reads `len` bytes at `offset` of `src` (both multiples of 4; `src` needs `COPY_SRC`).
pub(crate) fn read_buffer(
    gpu: &Gpu,
    src: &wgpu::Buffer,
    offset: u64,
    len: u64,
) -> Result<Vec<u8>, HostError> {
    if len == 0 {
        return Ok(Vec::new());
    }
    let staging = staging_buffer(gpu, len)?;
    let ((), error) = gpu.scoped(|| {
        let mut encoder = gpu
            .device()
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("read"),
            });
        encoder.copy_buffer_to_buffer(src, offset, &staging, 0, len);
        gpu.queue().submit([encoder.finish()]);
    });
    if let Some(e) = error {
        return Err(HostError::Gpu {
            during: "readback",
            message: e.to_string(),
        });
    }
    map_read(gpu, &staging, len, |bytes| bytes[..len as usize].to_vec())
}

/// Reads `len` words at word `offset` of `src`.
pub(crate) fn read_words(
    gpu: &Gpu,
    src: &wgpu::Buffer,
    offset: u32,
    len: u32,
) -> Result<Vec<u32>, HostError> {
    let bytes = read_buffer(gpu, src, u64::from(offset) * 4, u64::from(len) * 4)?;
    Ok(words_from_bytes(&bytes))
}

/// Little-endian words of `bytes` (a multiple of 4 long).
pub(crate) fn words_from_bytes(bytes: &[u8]) -> Vec<u32> {
    match bytemuck::try_cast_slice::<u8, u32>(bytes) {
        Ok(words) if cfg!(target_endian = "little") => words.to_vec(),
        _ => bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
    }
}

/// Appends the little-endian words of `bytes` to `out`.
pub(crate) fn extend_words(out: &mut Vec<u32>, bytes: &[u8]) {
    match bytemuck::try_cast_slice::<u8, u32>(bytes) {
        Ok(words) if cfg!(target_endian = "little") => out.extend_from_slice(words),
        _ => out.extend(
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
        ),
    }
}

/// The little-endian bytes of `words`.
pub(crate) fn bytes_of_words(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}
