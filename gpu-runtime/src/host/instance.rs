//! One wasm instance on the GPU: its linear memory (stacks inside), control words (memory size,
//! trap record, globals, passive segment lengths, tables) and passive data and element
//! segments. State persists between runs.

use super::error::HostError;
use super::gpu::Gpu;
use super::plan::{self, MemoryPlan, MemoryRequest};
use super::program::Program;
use super::transfer::{bytes_of_words, create_buffer, read_buffer, read_words, words_from_bytes};
use super::value::Value;
use crate::translate::abi::{control, GlobalLayout, ModuleLayout, PAGE_SIZE, WORKGROUP_SIZE};

/// Options for [`Instance::new`].
#[derive(Debug, Clone)]
pub struct InstanceOptions {
    /// Bytes the module's memory may grow to, not counting the stacks (also bounded by its
    /// declared maximum and the adapter's storage binding limit). Default 256 MiB.
    pub max_memory_bytes: u64,
    /// Bytes of shadow stack per stack slot, rounded up to a power of two (at least 16). Default
    /// 16 KiB. Only used when the translated code uses the stack pointer global
    /// (`__stack_pointer`); see also [`fit_stack`](Self::fit_stack).
    pub stack_size: u32,
    /// When the translator bounded the code's stack depth (`StackLayout::max_bytes`: constant
    /// frames, no recursion), use slots of twice that bound, at least 1 KiB, instead of
    /// [`stack_size`](Self::stack_size) when that is smaller: more slots, so more threads at
    /// once. Default on; `gpu-run --stack-size` turns it off.
    pub fit_stack: bool,
    /// Number of stack slots (= most invocations of one dispatch). Default: as many as fit in
    /// half of what the binding limit leaves after the initial memory, at most 65536 (lavapipe:
    /// about 4096; a 2 GiB binding: 65536). Only used when the module has a stack.
    pub stack_slots: Option<u32>,
    /// Bytes of call stack per slot for recursive functions (frames of their locals). Default
    /// 256 KiB; the number of slots shrinks so all of them fit the adapter's binding limit.
    /// Only used when the module has recursion.
    pub call_stack_bytes: u32,
    /// Upper bound on the results bytes of one dispatch; larger runs are split into several
    /// dispatches. Default 256 MiB, always within the adapter's binding limit.
    pub max_results_bytes: Option<u64>,
}

impl Default for InstanceOptions {
    fn default() -> Self {
        InstanceOptions {
            max_memory_bytes: plan::DEFAULT_MAX_MEMORY_BYTES,
            stack_size: plan::DEFAULT_STACK_SIZE,
            fit_stack: true,
            stack_slots: None,
            call_stack_bytes: plan::DEFAULT_CALL_STACK_BYTES,
            max_results_bytes: None,
        }
    }
}

/// A wasm instance: a [`Program`] plus the buffers holding its state.
#[derive(Debug)]
pub struct Instance {
    pub(crate) program: Program,
    pub(crate) plan: MemoryPlan,
    pub(crate) memory: wgpu::Buffer,
    pub(crate) control: wgpu::Buffer,
    pub(crate) data: wgpu::Buffer,
    pub(crate) control_words: u32,
    /// Bytes of results one dispatch may write.
    pub(crate) max_results_bytes: u64,
    /// The memory size word as of the last run (or instantiation, or `refresh`).
    pub(crate) memory_bytes: u64,
    /// Per-slot call stacks for recursive functions (4 bytes when there is no recursion).
    pub(crate) call_stack: wgpu::Buffer,
    /// Words of call stack per slot (0 without recursion).
    pub(crate) call_stack_words: u32,
    /// Most slots the call stacks allow (`u32::MAX` without recursion).
    pub(crate) call_stack_slots: u32,
    /// The shadow stacks when the module keeps them in their own buffer
    /// (`StackLayout::own_buffer`: slots × slot size bytes), else 4 bytes.
    pub(crate) stack: wgpu::Buffer,
    /// When the instance was created: `gpu.time` counts from here unless a run sets it.
    pub(crate) created: std::time::Instant,
}

impl Instance {
    /// Instantiates a program: lays out memory and stacks (see [`InstanceOptions`]), writes the
    /// active data segments, the control words (memory size and capacity, global initial values,
    /// passive segment lengths) and the passive data.
    pub fn new(program: &Program, options: &InstanceOptions) -> Result<Instance, HostError> {
        let gpu = program.gpu().clone();
        let layout = program.layout();
        let binding_limit = gpu.max_binding_bytes();
        let plan = MemoryPlan::new(&MemoryRequest {
            memory: layout.memory.as_ref(),
            has_stack: layout.stack.is_some(),
            max_memory_bytes: options.max_memory_bytes,
            stack_size: slot_size(options, layout),
            stack_slots: options.stack_slots,
            binding_limit,
            max_invocations: max_invocations(&gpu),
        })?;
        let control_init = initial_control(layout, &plan)?;
        let control_words = control_init.len() as u32;

        let storage = wgpu::BufferUsages::STORAGE
            | wgpu::BufferUsages::COPY_DST
            | wgpu::BufferUsages::COPY_SRC;
        // At least one 16-byte block: the `memory_vec4` view of the buffer needs one.
        let memory = create_buffer(&gpu, "memory", plan.capacity.max(16), storage)?;
        let control = create_buffer(&gpu, "control", u64::from(control_words) * 4, storage)?;
        let data = create_buffer(&gpu, "data", layout.data.len() as u64, storage)?;
        let (call_stack_words, call_stack_slots) = if layout.needs_call_stack {
            let words = (options.call_stack_bytes / 4).max(16);
            let fit = binding_limit / (u64::from(words) * 4);
            let slots = plan
                .stack_slots
                .map_or(fit, |s| u64::from(s).min(fit))
                .min(u64::from(max_invocations(&gpu)));
            if slots == 0 {
                return Err(HostError::InvalidOption {
                    message: format!(
                        "a call stack of {} bytes per slot does not fit the adapter's {binding_limit}-byte binding",
                        options.call_stack_bytes
                    ),
                });
            }
            (words, slots as u32)
        } else {
            (0, u32::MAX)
        };
        let call_stack = create_buffer(
            &gpu,
            "call stack",
            u64::from(call_stack_words)
                * u64::from(call_stack_slots.min(1 << 30))
                * 4
                * u64::from(layout.needs_call_stack),
            wgpu::BufferUsages::STORAGE,
        )?;
        let own_stack = layout.stack.as_ref().is_some_and(|s| s.own_buffer);
        let stack_bytes = match plan.stack_slots {
            Some(slots) if own_stack => u64::from(slots) * u64::from(plan.stack_size),
            _ => 0,
        };
        let stack = create_buffer(&gpu, "stacks", stack_bytes, wgpu::BufferUsages::STORAGE)?;

        let queue = gpu.queue();
        queue.write_buffer(&control, 0, &bytes_of_words(&control_init));
        if !layout.data.is_empty() {
            let mut bytes = layout.data.clone();
            bytes.resize(bytes.len().next_multiple_of(4), 0);
            queue.write_buffer(&data, 0, &bytes);
        }
        if let Some(mem) = &layout.memory {
            for (start, image) in data_images(mem, plan.initial_bytes)? {
                queue.write_buffer(&memory, start, &image);
            }
        }
        queue.submit([]);
        gpu.wait("instantiation")?;

        let max_results_bytes = options
            .max_results_bytes
            .unwrap_or(plan::DEFAULT_MAX_RESULTS_BYTES)
            .min(binding_limit)
            .max(4);
        let mut instance = Instance {
            program: program.clone(),
            memory_bytes: plan.start_bytes,
            plan,
            memory,
            control,
            data,
            control_words,
            max_results_bytes,
            call_stack,
            call_stack_words,
            call_stack_slots,
            stack,
            created: std::time::Instant::now(),
        };
        // The module's start function runs once, on one thread, before anything else.
        if let Some(start) = layout.start.clone() {
            instance.run(&start, 1, &[])?.check()?;
        }
        Ok(instance)
    }

    /// The program this is an instance of.
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// The module's layout.
    pub fn layout(&self) -> &ModuleLayout {
        self.program.layout()
    }

    /// The GPU it runs on.
    pub fn gpu(&self) -> &Gpu {
        self.program.gpu()
    }

    /// Where memory and stacks are.
    pub fn memory_plan(&self) -> &MemoryPlan {
        &self.plan
    }

    /// Current linear memory size in bytes (stacks included), as of the last run.
    pub fn memory_size_bytes(&self) -> u64 {
        self.memory_bytes
    }

    /// Largest size `memory.grow` can reach.
    pub fn memory_capacity_bytes(&self) -> u64 {
        self.plan.capacity
    }

    /// Reads `len` bytes of linear memory at `offset`.
    pub fn read_memory(&self, offset: u64, len: u64) -> Result<Vec<u8>, HostError> {
        self.check_range(offset, len)?;
        if len == 0 {
            return Ok(Vec::new());
        }
        let start = offset & !3;
        let end = (offset + len).next_multiple_of(4);
        let bytes = read_buffer(self.gpu(), &self.memory, start, end - start)?;
        let from = (offset - start) as usize;
        Ok(bytes[from..from + len as usize].to_vec())
    }

    /// Writes `bytes` to linear memory at `offset` (any alignment; the bytes around an unaligned
    /// start or end are preserved).
    pub fn write_memory(&mut self, offset: u64, bytes: &[u8]) -> Result<(), HostError> {
        let len = bytes.len() as u64;
        self.check_range(offset, len)?;
        if len == 0 {
            return Ok(());
        }
        let start = offset & !3;
        let end = (offset + len).next_multiple_of(4);
        let mut image = vec![0u8; (end - start) as usize];
        if start != offset {
            let head = read_buffer(self.gpu(), &self.memory, start, 4)?;
            image[..4].copy_from_slice(&head);
        }
        let tail_loaded = start != offset && end - 4 == start;
        if end != offset + len && !tail_loaded {
            let tail = read_buffer(self.gpu(), &self.memory, end - 4, 4)?;
            let n = image.len();
            image[n - 4..].copy_from_slice(&tail);
        }
        let from = (offset - start) as usize;
        image[from..from + bytes.len()].copy_from_slice(bytes);
        self.gpu().queue().write_buffer(&self.memory, start, &image);
        self.gpu().queue().submit([]);
        self.gpu().wait("memory write")
    }

    /// The current value of global `index` (an index into `layout().globals`).
    pub fn read_global(&self, index: usize) -> Result<Value, HostError> {
        let g = self.global(index)?;
        let words = read_words(self.gpu(), &self.control, g.word, g.ty.words())?;
        Ok(Value::from_words(g.ty, &words))
    }

    /// The current value of an exported global.
    pub fn read_global_export(&self, name: &str) -> Result<Option<Value>, HostError> {
        match self
            .layout()
            .globals
            .iter()
            .position(|g| g.export.as_deref() == Some(name))
        {
            Some(i) => self.read_global(i).map(Some),
            None => Ok(None),
        }
    }

    /// Sets global `index` (an index into `layout().globals`) for the next runs.
    pub fn write_global(&mut self, index: usize, value: Value) -> Result<(), HostError> {
        let g = self.global(index)?;
        if g.ty != value.ty() {
            return Err(HostError::GlobalTypeMismatch {
                index,
                expected: g.ty,
                got: value.ty(),
            });
        }
        let mut words = Vec::new();
        value.push_words(&mut words);
        let shadow = self.layout().globals_shadow + g.word - control::GLOBALS;
        for word in [g.word, shadow] {
            self.gpu().queue().write_buffer(
                &self.control,
                u64::from(word) * 4,
                &bytes_of_words(&words),
            );
        }
        self.gpu().queue().submit([]);
        self.gpu().wait("global write")
    }

    /// Re-reads the memory size word (after writes through other handles).
    pub fn refresh(&mut self) -> Result<(), HostError> {
        let words = read_words(self.gpu(), &self.control, control::MEMORY_BYTES, 1)?;
        self.memory_bytes = u64::from(words.first().copied().unwrap_or(0));
        Ok(())
    }

    /// All control words, as the GPU has them now.
    pub fn read_control(&self) -> Result<Vec<u32>, HostError> {
        let bytes = read_buffer(
            self.gpu(),
            &self.control,
            0,
            u64::from(self.control_words) * 4,
        )?;
        Ok(words_from_bytes(&bytes))
    }

    fn global(&self, index: usize) -> Result<&GlobalLayout, HostError> {
        let globals = &self.layout().globals;
        globals.get(index).ok_or(HostError::NoSuchGlobal {
            index,
            count: globals.len(),
        })
    }

    fn check_range(&self, offset: u64, len: u64) -> Result<(), HostError> {
        match offset.checked_add(len) {
            Some(end) if end <= self.memory_bytes => Ok(()),
            _ => Err(HostError::MemoryOutOfBounds {
                offset,
                len,
                size: self.memory_bytes,
            }),
        }
    }
}

/// Most invocations one 1D dispatch can have.
/// Bytes per stack slot: the option, or twice the translator's bound on the stack depth.
fn slot_size(options: &InstanceOptions, layout: &ModuleLayout) -> u32 {
    /// Fitted slots are never smaller than this.
    const MIN_FITTED: u32 = 1024;
    match layout.stack.as_ref().and_then(|s| s.max_bytes) {
        Some(bound) if options.fit_stack => bound
            .saturating_mul(2)
            .max(MIN_FITTED)
            .min(options.stack_size),
        _ => options.stack_size,
    }
}

impl Instance {
    /// Threads per dispatch of `entry`: as many as `max_results_bytes` of results hold, and,
    /// with sparse status words, few enough that the invocations' counts after them still fit
    /// the adapter's binding limit.
    pub(crate) fn threads_per_chunk(
        &self,
        entry: &crate::translate::abi::EntryLayout,
        threads: u64,
        max_inv: u32,
    ) -> u64 {
        let stride_bytes = u64::from(entry.result_stride()) * 4;
        let n = (self.max_results_bytes / stride_bytes)
            .max(1)
            .min(threads.max(1));
        if !entry.sparse_status() {
            return n;
        }
        let limit = self.program.gpu().max_binding_bytes();
        let room = limit.saturating_sub(u64::from(max_inv) * 4) / stride_bytes;
        n.min(room.max(1))
    }

    /// Bytes of the `results` buffer for dispatches of at most `per_chunk` threads.
    pub(crate) fn results_buffer_bytes(
        entry: &crate::translate::abi::EntryLayout,
        per_chunk: u64,
        max_inv: u32,
    ) -> u64 {
        let slots = u64::from(max_inv).min(per_chunk) as u32;
        entry.results_words(per_chunk, slots) * 4
    }
}

pub(crate) fn max_invocations(gpu: &Gpu) -> u32 {
    gpu.limits()
        .max_compute_workgroups_per_dimension
        .clamp(1, 65535)
        * WORKGROUP_SIZE
}

/// The control words at instantiation.
fn initial_control(layout: &ModuleLayout, plan: &MemoryPlan) -> Result<Vec<u32>, HostError> {
    let n = layout.control_words.max(control::GLOBALS) as usize;
    let mut words = vec![0u32; n];
    let bad = |message: String| HostError::Layout { message };
    words[control::MEMORY_BYTES as usize] = plan.start_bytes as u32;
    words[control::MEMORY_CAPACITY as usize] = plan.capacity as u32;
    for (i, g) in layout.globals.iter().enumerate() {
        let at = g.word as usize;
        let count = g.ty.words() as usize;
        if at < control::GLOBALS as usize || at + count > n {
            return Err(bad(format!(
                "global {i} at control word {} does not fit in {n} control words",
                g.word
            )));
        }
        // The globals and their shadow copy (see `ModuleLayout::globals_shadow`) start equal.
        let shadow = (layout.globals_shadow + g.word - control::GLOBALS) as usize;
        for at in [at, shadow] {
            if at + count > n {
                return Err(bad(format!(
                    "global {i} at control word {at} does not fit in {n} control words"
                )));
            }
            words[at] = g.init as u32;
            if count == 2 {
                words[at + 1] = (g.init >> 32) as u32;
            }
        }
    }
    for p in &layout.passive_data {
        let at = p.control_word as usize;
        if at < control::GLOBALS as usize || at >= n {
            return Err(bad(format!(
                "passive data segment {} at control word {} does not fit in {n} control words",
                p.segment, p.control_word
            )));
        }
        if u64::from(p.offset) + u64::from(p.len) > layout.data.len() as u64 {
            return Err(bad(format!(
                "passive data segment {} ({} bytes at {}) is outside the data buffer ({} bytes)",
                p.segment,
                p.len,
                p.offset,
                layout.data.len()
            )));
        }
        words[at] = p.len;
    }
    for (i, t) in layout.tables.iter().enumerate() {
        let at = t.size_word as usize;
        let end = at + 1 + t.capacity as usize;
        if at < control::GLOBALS as usize || end > n || t.init.len() > t.capacity as usize {
            return Err(bad(format!(
                "table {i} ({} of {} slots at control word {at}) does not fit in {n} control words",
                t.init.len(),
                t.capacity
            )));
        }
        words[at] = t.init.len() as u32;
        words[at + 1..at + 1 + t.init.len()].copy_from_slice(&t.init);
    }
    for e in &layout.passive_elems {
        let at = e.control_word as usize;
        let bytes = u64::from(e.offset) + 4 * u64::from(e.len);
        if at < control::GLOBALS as usize || at >= n || bytes > layout.data.len() as u64 {
            return Err(bad(format!(
                "passive element segment {} (control word {at}, {} items at byte {}) does not fit",
                e.segment, e.len, e.offset
            )));
        }
        words[at] = e.len;
    }
    Ok(words)
}

/// Word-aligned images of the active data segments: nearby segments are merged into one image,
/// later segments overwrite earlier ones, gaps are zero (memory is zero before).
fn data_images(
    mem: &crate::translate::abi::MemoryLayout,
    initial_bytes: u64,
) -> Result<Vec<(u64, Vec<u8>)>, HostError> {
    const MERGE_GAP: u64 = PAGE_SIZE as u64;
    let mut ranges: Vec<(u64, u64)> = Vec::new();
    for (index, seg) in mem.active_data.iter().enumerate() {
        let start = u64::from(seg.offset);
        let end = start + seg.bytes.len() as u64;
        if end > initial_bytes {
            return Err(HostError::DataSegmentOutOfBounds {
                index,
                offset: seg.offset,
                len: seg.bytes.len(),
                memory: initial_bytes,
            });
        }
        if !seg.bytes.is_empty() {
            ranges.push((start & !3, end.next_multiple_of(4)));
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(u64, u64)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 + MERGE_GAP => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut images: Vec<(u64, Vec<u8>)> = merged
        .iter()
        .map(|&(s, e)| (s, vec![0u8; (e - s) as usize]))
        .collect();
    for seg in &mem.active_data {
        let start = u64::from(seg.offset);
        if let Some((base, image)) = images
            .iter_mut()
            .find(|(base, image)| start >= *base && start < *base + image.len() as u64)
        {
            let from = (start - *base) as usize;
            image[from..from + seg.bytes.len()].copy_from_slice(&seg.bytes);
        }
    }
    Ok(images)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::translate::abi::{ActiveData, MemoryLayout};

    #[test]
    fn images_merge_and_overwrite() {
        let mem = MemoryLayout {
            initial_pages: 4,
            maximum_pages: None,
            active_data: vec![
                ActiveData {
                    offset: 1,
                    bytes: vec![1, 2, 3],
                },
                ActiveData {
                    offset: 2,
                    bytes: vec![9],
                },
                ActiveData {
                    offset: 200_000,
                    bytes: vec![7; 5],
                },
            ],
        };
        let images = data_images(&mem, 4 * 65536).unwrap();
        assert_eq!(images.len(), 2);
        assert_eq!(images[0], (0, vec![0, 1, 9, 3]));
        assert_eq!(images[1], (200_000, vec![7, 7, 7, 7, 7, 0, 0, 0]));
        assert!(data_images(&mem, 65536).is_err());
    }
}
