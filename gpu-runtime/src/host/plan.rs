//! Pure arithmetic of an instance: where stacks go, how big memory is, how a run is split into
//! dispatches. Kept free of wgpu so it can be unit-tested.

use std::ops::Range;

use super::error::HostError;
use crate::translate::abi::{MemoryLayout, PAGE_SIZE, WORKGROUP_SIZE};

const PAGE: u64 = PAGE_SIZE as u64;

/// Default bytes of linear memory a module may grow to, beyond its stacks.
pub const DEFAULT_MAX_MEMORY_BYTES: u64 = 256 << 20;

/// Default bytes of shadow stack per stack slot.
pub const DEFAULT_STACK_SIZE: u32 = 16 << 10;

/// Default bytes of call stack (frames of recursive calls) per slot.
pub const DEFAULT_CALL_STACK_BYTES: u32 = 256 << 10;

/// Most stack slots chosen automatically: 1 Mi, about four times the threads an H200 keeps in
/// flight (fewer left it idle: docs/PERFORMANCE.md). The memory budget usually binds first
/// (16 KiB slots: 65,536 in 1 GiB); small fitted slots (`InstanceOptions::fit_stack`) reach it.
pub const DEFAULT_MAX_STACK_SLOTS: u32 = 1 << 20;

/// Default upper bound on the results bytes of one dispatch (also the staging buffer size).
pub const DEFAULT_MAX_RESULTS_BYTES: u64 = 256 << 20;

/// Highest thread count of one run: thread ids and `THREAD_END` are 32-bit.
pub const MAX_THREADS: u64 = u32::MAX as u64;

/// Where the parts of linear memory are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryPlan {
    /// The module's initial memory in bytes.
    pub initial_bytes: u64,
    /// Byte address of the first stack slot (`initial_bytes`), 0 without a stack.
    pub stack_base: u32,
    /// Bytes per stack slot (a power of two, at least 16: the translator's interleaved stack
    /// layout divides by it with a shift), 0 without a stack.
    pub stack_size: u32,
    /// Number of stack slots, `None` without a stack (then any number of invocations may run).
    pub stack_slots: Option<u32>,
    /// Memory size at instantiation: initial memory plus stacks, rounded up to a page.
    pub start_bytes: u64,
    /// Bytes `memory.grow` may reach (the memory buffer's size).
    pub capacity: u64,
}

/// Inputs of [`MemoryPlan::new`].
#[derive(Debug, Clone, Copy)]
pub struct MemoryRequest<'a> {
    pub memory: Option<&'a MemoryLayout>,
    pub has_stack: bool,
    pub max_memory_bytes: u64,
    pub stack_size: u32,
    pub stack_slots: Option<u32>,
    /// Largest storage binding, a multiple of 64 KiB.
    pub binding_limit: u64,
    /// Most invocations one dispatch can have.
    pub max_invocations: u32,
}

impl MemoryPlan {
    /// Lays out memory. Stacks, when the module has one, go right after the initial memory; by
    /// default there are as many slots as fit in half of what the binding leaves after the
    /// initial memory (at most [`DEFAULT_MAX_STACK_SLOTS`], a multiple of 64 when possible).
    /// Capacity is what the module could grow to by itself (`min(declared max,
    /// max_memory_bytes)`) plus the stacks, within the binding limit.
    pub fn new(req: &MemoryRequest<'_>) -> Result<MemoryPlan, HostError> {
        let limit = req.binding_limit;
        let initial_bytes = req.memory.map_or(0, |m| u64::from(m.initial_pages) * PAGE);
        let declared_max = req
            .memory
            .and_then(|m| m.maximum_pages)
            .map_or(u64::MAX, |p| u64::from(p) * PAGE);
        // What the module itself may reach without stacks (no memory: nothing to grow).
        let own_limit = if req.memory.is_some() {
            declared_max
                .min(req.max_memory_bytes & !(PAGE - 1))
                .min(limit)
                .max(initial_bytes)
        } else {
            0
        };
        if initial_bytes > limit {
            return Err(HostError::MemoryTooLarge {
                needed: initial_bytes,
                limit,
                what: "initial memory".into(),
            });
        }

        if !req.has_stack {
            return Ok(MemoryPlan {
                initial_bytes,
                stack_base: 0,
                stack_size: 0,
                stack_slots: None,
                start_bytes: initial_bytes,
                capacity: own_limit,
            });
        }

        if req.stack_size == 0 {
            return Err(HostError::InvalidOption {
                message: "stack size must be at least 16 bytes".into(),
            });
        }
        let stack_size = u64::from(req.stack_size).max(16).next_power_of_two();
        let max_slots = u64::from(req.max_invocations.max(1));
        let slots = match req.stack_slots {
            Some(0) => {
                return Err(HostError::InvalidOption {
                    message: "stack slots must be at least 1".into(),
                })
            }
            Some(n) if u64::from(n) > max_slots => {
                return Err(HostError::InvalidOption {
                    message: format!("{n} stack slots requested, at most {max_slots}"),
                })
            }
            Some(n) => u64::from(n),
            None => {
                let budget = limit.saturating_sub(initial_bytes) / 2;
                let fit = (budget / stack_size)
                    .min(u64::from(DEFAULT_MAX_STACK_SLOTS))
                    .min(max_slots)
                    .max(1);
                let wg = u64::from(WORKGROUP_SIZE);
                if fit >= wg {
                    fit / wg * wg
                } else {
                    fit
                }
            }
        };
        let stack_bytes = slots * stack_size;
        let start_bytes = (initial_bytes + stack_bytes).div_ceil(PAGE) * PAGE;
        if start_bytes > limit {
            return Err(HostError::MemoryTooLarge {
                needed: start_bytes,
                limit,
                what: format!("{initial_bytes} initial + {slots} stacks of {stack_size} bytes"),
            });
        }
        let capacity = (start_bytes + (own_limit - initial_bytes)).min(limit);
        Ok(MemoryPlan {
            initial_bytes,
            stack_base: initial_bytes as u32,
            stack_size: stack_size as u32,
            stack_slots: Some(slots as u32),
            start_bytes,
            capacity: capacity.max(start_bytes),
        })
    }

    /// Invocations (= slots) for a dispatch of `threads` threads.
    pub fn slots_for(&self, threads: u64, max_invocations: u32) -> u32 {
        let cap = self.stack_slots.unwrap_or(max_invocations).max(1);
        threads.min(u64::from(cap)).max(1) as u32
    }
}

/// Splits `threads` threads into dispatches whose results (`stride` words per thread) take at
/// most `max_results_bytes` each.
pub fn chunks(
    threads: u64,
    stride: u32,
    max_results_bytes: u64,
) -> impl Iterator<Item = Range<u64>> {
    let per_thread = u64::from(stride.max(1)) * 4;
    let per_chunk = (max_results_bytes / per_thread).max(1);
    (0..threads.div_ceil(per_chunk)).map(move |i| {
        let start = i * per_chunk;
        start..(start + per_chunk).min(threads)
    })
}

/// Workgroups for `slots` invocations.
pub fn workgroups(slots: u32) -> u32 {
    slots.div_ceil(WORKGROUP_SIZE)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn mem(initial_pages: u32, maximum_pages: Option<u32>) -> MemoryLayout {
        MemoryLayout {
            initial_pages,
            maximum_pages,
            active_data: vec![],
        }
    }

    fn req(memory: Option<&MemoryLayout>, has_stack: bool) -> MemoryRequest<'_> {
        MemoryRequest {
            memory,
            has_stack,
            max_memory_bytes: DEFAULT_MAX_MEMORY_BYTES,
            stack_size: DEFAULT_STACK_SIZE,
            stack_slots: None,
            binding_limit: 128 << 20,
            max_invocations: 65535 * 64,
        }
    }

    #[test]
    fn lavapipe_rust_module() {
        let m = mem(17, None);
        let plan = MemoryPlan::new(&req(Some(&m), true)).unwrap();
        assert_eq!(plan.stack_base, 17 * 65536);
        assert_eq!(plan.stack_size, 16384);
        let slots = plan.stack_slots.unwrap();
        assert_eq!(slots % 64, 0);
        assert!(u64::from(slots) * 16384 <= (128 << 20) / 2);
        assert_eq!(plan.start_bytes % 65536, 0);
        assert!(plan.start_bytes >= plan.initial_bytes + u64::from(slots) * 16384);
        assert_eq!(plan.capacity, 128 << 20);
    }

    #[test]
    fn declared_maximum_bounds_growth() {
        let m = mem(1, Some(2));
        let plan = MemoryPlan::new(&req(Some(&m), false)).unwrap();
        assert_eq!((plan.start_bytes, plan.capacity), (65536, 131072));
        let mut r = req(Some(&m), true);
        r.stack_slots = Some(4);
        let plan = MemoryPlan::new(&r).unwrap();
        assert_eq!(plan.start_bytes, 2 * 65536);
        assert_eq!(plan.capacity, 3 * 65536);
    }

    #[test]
    fn no_memory_no_stack() {
        let plan = MemoryPlan::new(&req(None, false)).unwrap();
        assert_eq!(
            (plan.start_bytes, plan.capacity, plan.stack_slots),
            (0, 0, None)
        );
        assert_eq!(plan.slots_for(10, 4_194_240), 10);
        assert_eq!(plan.slots_for(1 << 24, 4_194_240), 4_194_240);
    }

    #[test]
    fn too_many_stacks() {
        let m = mem(1, None);
        let mut r = req(Some(&m), true);
        r.stack_slots = Some(65536);
        r.stack_size = 4096;
        assert!(matches!(
            MemoryPlan::new(&r),
            Err(HostError::MemoryTooLarge { .. })
        ));
    }

    #[test]
    fn chunking() {
        let c: Vec<_> = chunks(10, 2, 32).collect();
        assert_eq!(c, vec![0..4, 4..8, 8..10]);
        assert_eq!(chunks(0, 2, 32).count(), 0);
        let c: Vec<_> = chunks(1 << 24, 2, 128 << 20).collect();
        assert_eq!(c, vec![0..(1 << 24)]);
        assert_eq!(workgroups(65), 2);
    }
}
