//! WebAssembly → naga IR. This layer uses wasmparser and naga only; it knows nothing of wgpu.
//!
//! # Contract
//!
//! **Input**: a wasm module valid under rustc's default wasm32 features (sign-ext,
//! nontrapping-fptoint, bulk-memory, multi-value, mutable-globals, reference-types). It is
//! validated with wasmparser first.
//!
//! **Output**: one [`naga::Module`] with one compute entry point per selected export, already
//! validated by [`naga::valid::Validator`], and a [`ModuleLayout`](abi::ModuleLayout) that tells
//! the host how to bind and call it (see [`abi`] for the binding ABI).
//!
//! # Execution model
//!
//! One wasm call per GPU thread. Invocation `slot` of a dispatch runs threads
//! `THREAD_BASE + slot + k * SLOT_COUNT` in turn, so the number of threads is unbounded while
//! the number of invocations (and shadow stacks) stays within the adapter's limits.
//!
//! # Value representation
//!
//! | wasm | naga               | why |
//! |------|--------------------|-----|
//! | i32  | `u32`              | wasm integers are signless; signed ops bitcast to `i32` for one operation |
//! | i64  | `u64`              | needs `SHADER_INT64` (only requested when the module uses i64) |
//! | f32  | `f32`              | |
//! | f64  | `f64`              | needs `SHADER_F64` |
//! | funcref, externref | `u32` | a reference word, 0 for null |
//!
//! Every wasm local (parameters included, since naga arguments are immutable) is a naga
//! `LocalVariable`. The wasm operand stack exists only at translation time: it is a stack of naga
//! expression handles, each emitted at the point its wasm operator ran, so later stores cannot
//! change an already-pushed value.
//!
//! Wasm globals are naga `Private` globals (per invocation, like wasm threads where each thread is
//! an instance sharing memory). They are loaded from the `control` buffer when a thread starts;
//! thread 0 writes them back when it ends, so state persists between dispatches of one instance.
//! The LLVM shadow-stack global (`__stack_pointer`), when the selected code touches it, is instead set to the top of the thread's
//! own stack slot, and every `global.set` of it checks it stays inside the slot
//! (trap: stack overflow). A frame whose address never escapes, except into callees that use
//! it the same way, is a function-local array instead of stack memory (`private_frames.rs`).
//!
//! # Memory
//!
//! Linear memory is the `memory` binding, a plain `array<u32>` by default ([`StoreMode`]).
//! naga has no 8- or 16-bit storage, and threads share memory, so sub-word and unaligned stores
//! are `atomicAnd` + `atomicOr` on the words they touch, through `memory_atomic`, the same
//! buffer bound as `array<atomic<u32>>`: a thread never loses a neighbour's write to the other
//! bytes of a word. Stores into the thread's own stack frame (`frame.rs`) are plain
//! read-modify-writes. Loads of any width and alignment combine the (at most two) words they
//! touch; loads from one base in straight-line code share one bounds check and, when they tile
//! 16-byte blocks, are read through `memory_vec4` (`access_groups.rs`); whole-word stores to
//! one base share one test that makes them plain word writes (`store_groups.rs`). Every access checks
//! `addr + offset + size <= memory size` (computed without wrapping) and traps otherwise. `memory.grow` is a compare-exchange on the size word of `control`, bounded by the
//! capacity the host reserved; a thread whose cached size is too small re-reads it before
//! trapping.
//!
//! # Control flow
//!
//! naga's `Break`/`Continue` leave only the innermost loop, and naga has no phi. So:
//! - every wasm `block`, `loop` and `if` becomes a naga `Loop` whose body ends in `Break`
//!   (for `loop`, a branch to its label is `Continue`; for `block`/`if`, `Break`);
//! - a branch that leaves more than one level stores the target depth in a local (`brk`) and
//!   breaks; after each construct that such a branch left, the parent checks `brk` and either
//!   stops there (clearing it) or breaks further;
//! - values carried by a branch or a block end go through per-frame result locals;
//! - `br_table` is a naga `Switch` whose cases set `brk`; `return` and branches to the function
//!   body are naga `Return`;
//! - a loop's back-edge continues only while the thread has not trapped, except in a counted
//!   loop (`counted_loops.rs`), which ends by itself and is entered only while running; a
//!   counted loop whose load groups step through memory is translated twice, a copy without
//!   their checks chosen by one test before it (`loop_invariants.rs`).
//!
//! # Traps
//!
//! A trap writes the kind, the wasm function index and the byte offset into private variables
//! and returns zero values; every call site checks the trap kind afterwards and returns too. The
//! entry point then writes the thread's status word and records the first trap in `control`.
//! Other threads go on.
//!
//! # Calls
//!
//! Direct calls are naga calls (multi-value results are a struct). `call_indirect` is a naga
//! `Switch`: over the slot index when the table is fixed at translation time (no table
//! operator in the module, rustc's case), over the reference word loaded from the table in
//! `control` otherwise (see `ops/call.rs`). Null, out-of-range and mismatched targets trap
//! with the spec's kinds. Call cycles run on an explicit call stack (`recursion.rs`), direct
//! and indirect calls into the caller's own cycle alike.
//!
//! # References and tables
//!
//! `funcref` and `externref` values are `u32` words: 0 is null, a funcref is the function
//! index plus one, an externref a handle the host chose. Tables used by table operators live
//! in `control` with their size (see [`abi::TableLayout`]); passive element segments are words
//! in the `data` binding with a live length in `control`, like passive data segments.

pub mod abi;
mod access_groups;
mod body_ops;
mod builder;
mod counted_loops;
mod entry;
mod env;
mod error;
mod frame;
mod func;
pub mod intrinsics;
mod loop_invariants;
pub mod math;
mod math_lib;
mod ops;
mod private_frames;
mod reach;
mod recursion;
mod runtime;
mod stack;
mod stack_bound;
mod store_groups;
mod table_rt;

pub use error::{Location, TranslateError};
pub use math::MathMode;

/// Options for [`translate`].
#[derive(Debug, Clone)]
pub struct TranslateOptions {
    /// Exports to make entry points of. `None` selects every exported function; functions not
    /// reachable from the selected exports are not translated (so an unsupported operator there
    /// does not matter).
    pub entries: Option<Vec<String>>,
    /// How sub-word and unaligned stores update the words they share with other bytes.
    pub stores: StoreMode,
    /// Accept recursive call graphs (the default): cycles run on a per-thread call stack. With
    /// `false`, a reachable cycle is rejected with [`TranslateError::Recursion`] naming it, for
    /// kernels that must not need a call stack (as rust-gpu and CubeCL require).
    pub allow_recursion: bool,
    /// Some drivers end loops silently after a fixed number of iterations (lavapipe, Mesa's
    /// software Vulkan: 65,535 back-edges per invocation in total). With this on (the
    /// default), a wasm `loop` that ends without reaching one of its real exits traps with
    /// [`TrapKind::LoopLimit`](abi::TrapKind::LoopLimit) instead of going on with a wrong
    /// state. Costs one compare per loop exit.
    pub detect_loop_limit: bool,
    /// The translator's half of exact-float mode (the host's half is
    /// `ProgramOptions::exact_floats`; docs/ARCHITECTURE.md, "Float semantics"):
    /// - `f32.div` and `f32.sqrt` are computed in f64 and rounded once to f32, so both are
    ///   correctly rounded as wasm requires, also on drivers whose f32 division or square root
    ///   is not (Vulkan allows 2.5 ulp; NVIDIA's division is about 1 ulp off). This makes the
    ///   module need `SHADER_F64`;
    /// - an f32 NaN result becomes the canonical NaN (NVIDIA's are `0x7fffffff`);
    /// - float constants are built at run time from a zero the host passes (the params word
    ///   after the arguments), so the driver cannot fold `x * 0.0`, `x + 0.0`, `x / 0.0`, ...
    ///
    /// Off by default: both cost a little (docs/PERFORMANCE.md).
    pub exact_floats: bool,
    /// How the f32 transcendental math intrinsics are computed (see [`MathMode`]).
    pub math: MathMode,
    /// Interleave the shadow-stack slots word by word (the default): word `k` of slot `s` is
    /// stored at word `k * SLOT_COUNT + s` of the stack region instead of at
    /// `s * slot_words + k`. The 32 threads of a warp touching the same stack variable then
    /// touch 128 consecutive bytes (one memory transaction, as a GPU lays out its own
    /// per-thread local memory) instead of 32 addresses one slot apart. With plain memory (the
    /// default [`StoreMode::AtomicPartial`] and [`StoreMode::Plain`]) the interleaved words stay
    /// in the stack region of `memory` (one index `select` per access); with atomic memory
    /// ([`StoreMode::Atomic`], [`StoreMode::PrivatePlain`]) they move to their own plain buffer,
    /// the `stack` binding, so that stack accesses need no atomics (a branch per access between
    /// the two buffers). Linear memory keeps its meaning either way: only the host, reading
    /// the stack region's bytes, sees the difference. Costs a compare and a few integer
    /// instructions per memory access in modules whose code uses the stack
    /// (docs/PERFORMANCE.md).
    pub interleave_stack: bool,
    /// Group the loads from one base local in straight-line code (the default; see
    /// `access_groups.rs`): one bounds check per group, and 16-byte loads for groups that tile
    /// 16-byte blocks when memory is plain; likewise one test for a run of whole-word stores
    /// (`store_groups.rs`, plain memory only). Off: one check and 4-byte loads per wasm load and
    /// the store helper for every store, to measure what grouping buys.
    pub group_loads: bool,
    /// Let counted loops (`for j in 0..n`) continue without testing whether the thread has
    /// trapped (the default; see `counted_loops.rs`), so that drivers can unroll them, and
    /// version those whose load groups step through memory (`loop_invariants.rs`, with
    /// `group_loads`). Off: every back-edge tests and every loop has one copy, to measure what
    /// it costs.
    pub counted_loops: bool,
    /// Keep a function's shadow-stack frame in a function-local array (registers) when its
    /// address never leaves the function except into callees that use it the same way (the
    /// default; see `private_frames.rs`). Those callees get a copy taking the frame by pointer.
    /// Off: every frame lives in linear memory, to measure what this buys.
    pub private_frames: bool,
}

/// How linear memory is accessed: which accesses are atomic.
///
/// Threads of one dispatch cannot synchronise through memory (the translator accepts no wasm
/// atomics), so a thread may only rely on its own writes; what must not happen is a thread
/// losing a neighbour's bytes when both write different bytes of one 32-bit word, which a
/// plain read-modify-write of the word would do. The modes differ in how they prevent that.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StoreMode {
    /// `memory` is `array<atomic<u32>>`: every load and store is atomic, partial-word stores
    /// `atomicAnd` + `atomicOr`. On NVIDIA an atomic load is served by L2, never L1, which
    /// makes read-heavy kernels slower (docs/PERFORMANCE.md).
    Atomic,
    /// As [`StoreMode::Atomic`], but a partial-word store that lies in the thread's own
    /// shadow-stack slot (no other thread touches those words) is a plain read-modify-write.
    PrivatePlain,
    /// The default: `memory` is a plain `array<u32>`, so loads and whole-word stores are
    /// ordinary (cached) accesses, and the same buffer is bound a second time as
    /// `array<atomic<u32>>` (`memory_atomic`, binding 8) for partial-word stores, which stay
    /// `atomicAnd` + `atomicOr`, except those the translator knows to land in the thread's
    /// own stack frame (`frame.rs`: plain read-modify-writes). Same results as
    /// [`StoreMode::Atomic`] for every module the translator accepts; needs an adapter with 9
    /// storage buffers per shader stage (10 with load groups' 16-byte view; every desktop
    /// Vulkan, Metal and DX12 one).
    #[default]
    AtomicPartial,
    /// Linear memory is a plain `array<u32>` (no atomics anywhere): partial-word stores are
    /// plain read-modify-writes too. Slightly faster than [`StoreMode::AtomicPartial`] where a
    /// kernel stores bytes, and correct only when no two threads write bytes of the same
    /// 32-bit word at the same time; threads writing neighbouring bytes may lose each other's
    /// writes.
    Plain,
}

impl TranslateOptions {
    /// Options selecting a single export.
    pub fn entry(name: impl Into<String>) -> Self {
        TranslateOptions {
            entries: Some(vec![name.into()]),
            ..TranslateOptions::default()
        }
    }
}

impl Default for TranslateOptions {
    fn default() -> Self {
        TranslateOptions {
            entries: None,
            stores: StoreMode::default(),
            allow_recursion: true,
            detect_loop_limit: true,
            exact_floats: false,
            math: MathMode::default(),
            interleave_stack: true,
            group_loads: true,
            counted_loops: true,
            private_frames: true,
        }
    }
}

/// A translated module: naga IR plus the ABI for the host.
#[derive(Debug)]
pub struct Translation {
    pub module: naga::Module,
    pub info: naga::valid::ModuleInfo,
    pub layout: abi::ModuleLayout,
}

/// Translates a wasm module into a validated naga module and its ABI layout.
pub fn translate(wasm: &[u8], options: &TranslateOptions) -> Result<Translation, TranslateError> {
    let env = env::ModuleEnv::parse(wasm)?;
    let exported: Vec<(String, u32)> = env
        .exported_funcs()
        .map(|(n, i)| (n.to_string(), i))
        .collect();
    let selected: Vec<(String, u32)> = match &options.entries {
        None => exported.clone(),
        Some(names) => names
            .iter()
            .map(|n| {
                exported
                    .iter()
                    .find(|(e, _)| e == n)
                    .cloned()
                    .ok_or_else(|| TranslateError::MissingExport {
                        name: n.clone(),
                        available: if exported.is_empty() {
                            "none".to_string()
                        } else {
                            exported
                                .iter()
                                .map(|(e, _)| e.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        },
                    })
            })
            .collect::<Result<_, _>>()?,
    };
    // The start function runs once at instantiation: an entry point of its own.
    let mut selected = selected;
    if let Some(start) = env.start {
        selected.push((abi::START_EXPORT.to_string(), start));
    }
    let roots: Vec<u32> = selected.iter().map(|(_, f)| *f).collect();
    let graph = reach::CallGraph::build(&env, &roots)?;
    if let Some(&f) = graph
        .callees
        .keys()
        .find(|f| **f < env.num_imported_funcs() && env.intrinsic(**f).is_none())
    {
        let (module, name) = env.func_imports[f as usize].clone();
        return Err(TranslateError::UnsupportedImport {
            module,
            name,
            func_index: f,
        });
    }
    if !options.allow_recursion {
        graph
            .post_order(&roots)
            .map_err(|cycle| TranslateError::Recursion {
                cycle: cycle.iter().map(|f| env.func_name(*f)).collect(),
            })?;
    }
    let components = graph.components(&roots);

    let mut module = naga::Module::default();
    let global_types: Vec<abi::ValType> = env.globals.iter().map(|g| g.ty).collect();
    // A stack only when the selected code uses it: rustc declares `__stack_pointer` in every
    // module, but kernels without locals in memory never touch it, and a module without a
    // stack runs one thread per invocation with no slot limit (docs/PERFORMANCE.md).
    let stack_pointer = match env.stack_pointer_global() {
        Some(g) if graph.uses_global(&env, g)? => Some(g),
        _ => None,
    };
    let stack_max_bytes = match stack_pointer {
        Some(sp) => stack_bound::max_stack_bytes(&env, &graph, &roots, sp)?,
        None => None,
    };
    // With the stack in its own buffer, stack words are plain there and never in `memory`.
    let views = match options.stores {
        StoreMode::Atomic | StoreMode::PrivatePlain => runtime::MemoryViews::Atomic,
        StoreMode::AtomicPartial => runtime::MemoryViews::PlainAndAtomic,
        StoreMode::Plain => runtime::MemoryViews::Plain,
    };
    // Plain memory keeps the interleaved stack in place; atomic memory gives it its own buffer.
    let plain_memory = views != runtime::MemoryViews::Atomic;
    let private_plain = options.stores == StoreMode::PrivatePlain
        && stack_pointer.is_some()
        && !options.interleave_stack;
    let mut rt = runtime::Runtime::new(&mut module, &global_types, private_plain, views);
    if options.interleave_stack && stack_pointer.is_some() {
        rt.declare_interleaved_stack(&mut module);
    }
    if options.exact_floats {
        rt.declare_opaque_zero(&mut module);
    }
    rt.math_mode = options.math;
    rt.group_loads = options.group_loads;
    rt.counted_loops = options.counted_loops;

    let mut word = abi::control::GLOBALS;
    let mut globals = Vec::new();
    for (i, g) in env.globals.iter().enumerate() {
        globals.push(abi::GlobalLayout {
            word,
            ty: g.ty,
            mutable: g.mutable,
            init: g.init,
            export: env
                .exports
                .iter()
                .find(|(_, k, idx)| *k == wasmparser::ExternalKind::Global && *idx == i as u32)
                .map(|(n, _, _)| n.clone()),
        });
        word += g.ty.words();
    }
    let mut data = Vec::new();
    let mut passive = std::collections::BTreeMap::new();
    let mut active_data = Vec::new();
    for (i, d) in env.data.iter().enumerate() {
        match d.active_offset {
            Some(offset) => active_data.push(abi::ActiveData {
                offset,
                bytes: d.bytes.to_vec(),
            }),
            None => {
                let seg = abi::PassiveData {
                    segment: i as u32,
                    offset: data.len() as u32,
                    len: d.bytes.len() as u32,
                    control_word: word,
                };
                word += 1;
                data.extend_from_slice(d.bytes);
                while data.len() % 4 != 0 {
                    data.push(0);
                }
                passive.insert(i as u32, seg);
            }
        }
    }

    let (tables, passive_elems) = table_layout(&env, &mut word, &mut data);

    let globals_words: u32 = env.globals.iter().map(|g| g.ty.words()).sum();
    let globals_shadow = word;
    // Frames are known to lie in the thread's own slot only when the stack depth is bounded.
    let frames = match (stack_pointer, stack_max_bytes) {
        (Some(sp), Some(_)) => frame::module_frames(&env, sp)?,
        _ => std::collections::BTreeMap::new(),
    };
    // Defined functions to translate, and those outside call cycles.
    let defined = |cycles: bool| -> std::collections::BTreeSet<u32> {
        components
            .iter()
            .filter(|c| cycles || !graph.is_cycle(c))
            .flatten()
            .copied()
            .filter(|f| *f >= env.num_imported_funcs())
            .collect()
    };
    let plan = match stack_pointer.filter(|_| options.private_frames) {
        Some(sp) => private_frames::plan(&env, sp, &defined(false))?,
        None => private_frames::Plan::default(),
    };
    let only_copies = plan.only_copies_called(&env, &defined(true))?;
    let mut spec_funcs = std::collections::BTreeMap::new();
    let mut funcs = std::collections::BTreeMap::new();
    let mut needs_call_stack = false;
    for component in components {
        let component: Vec<u32> = component
            .into_iter()
            .filter(|f| *f >= env.num_imported_funcs())
            .collect();
        let mut shared = func::Shared {
            env: &env,
            module: &mut module,
            rt: &mut rt,
            funcs: &funcs,
            passive: &passive,
            tables: &tables,
            elems: &passive_elems,
            stack_pointer,
            detect_loop_limit: options.detect_loop_limit,
            exact_floats: options.exact_floats,
            frames: &frames,
            plan: &plan,
            spec_funcs: &spec_funcs,
        };
        if !graph.is_cycle(&component) {
            let mut translated = Vec::new();
            let mut copies = Vec::new();
            for f in &component {
                if !only_copies.contains(f) {
                    let info = func::FuncTranslator::translate(shared.reborrow(), *f)?;
                    translated.push((*f, info));
                }
                for key in plan.specs.keys().filter(|k| k.func == *f) {
                    let info =
                        func::FuncTranslator::translate_as(shared.reborrow(), *f, Some(key))?;
                    copies.push((key.clone(), info));
                }
            }
            funcs.extend(translated);
            spec_funcs.extend(copies);
            continue;
        }
        // A call cycle: one dispatcher per member that code outside the cycle calls.
        needs_call_stack = true;
        let mut dispatchers = Vec::new();
        for (m, f) in component.iter().enumerate() {
            let called_from_outside = roots.contains(f)
                || graph
                    .callees
                    .iter()
                    .any(|(caller, callees)| !component.contains(caller) && callees.contains(f));
            if called_from_outside {
                dispatchers.push((*f, recursion::build_dispatcher(&mut shared, &component, m)?));
            }
        }
        funcs.extend(dispatchers);
    }

    let mut entries = Vec::new();
    for (k, (name, f)) in selected.iter().enumerate() {
        let Some(info) = funcs.get(f) else { continue };
        let layout = abi::EntryLayout {
            export: name.clone(),
            entry_point: format!(
                "e{k}_{}",
                name.chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .take(40)
                    .collect::<String>()
            ),
            func_index: *f,
            params: info.sig.params.clone(),
            results: info.sig.results.clone(),
        };
        let ctx = entry::EntryContext {
            globals: &globals,
            globals_shadow,
            stack_pointer,
            may_grow: graph.grows_memory(&env, *f)?,
        };
        let ep = entry::build(&mut module, &rt, &ctx, &layout, info);
        module.entry_points.push(ep);
        entries.push(layout);
    }

    let info = validate(&module)?;
    let (needs_int64, needs_f64) = wide_types(&module);
    let layout = abi::ModuleLayout {
        entries,
        globals,
        control_words: globals_shadow + globals_words,
        globals_shadow,
        memory: env.memory.map(|m| abi::MemoryLayout {
            initial_pages: m.initial as u32,
            maximum_pages: m.maximum.map(|x| x as u32),
            active_data,
        }),
        stack: stack_pointer.map(|global_index| abi::StackLayout {
            global_index,
            max_bytes: stack_max_bytes,
            own_buffer: options.interleave_stack && !plain_memory,
        }),
        data,
        passive_data: passive.into_values().collect(),
        tables,
        passive_elems: passive_elems.into_values().collect(),
        needs_int64,
        needs_f64,
        needs_call_stack,
        memory_atomic_view: views == runtime::MemoryViews::PlainAndAtomic,
        memory_vec4_view: rt.memory_vec4.is_some(),
        function_names: env.names.clone(),
        start: env.start.map(|_| abi::START_EXPORT.to_string()),
    };
    Ok(Translation {
        module,
        info,
        layout,
    })
}

/// Slots a table without a maximum (or with a larger one) may grow by: its capacity in
/// `control` is reserved at instantiation.
pub const TABLE_GROW_HEADROOM: u32 = 4096;

/// Places the tables and the passive element segments' lengths in `control` from `word` on,
/// and the passive segments' items in `data`, when some function uses a table operator.
fn table_layout(
    env: &env::ModuleEnv<'_>,
    word: &mut u32,
    data: &mut Vec<u8>,
) -> (
    Vec<abi::TableLayout>,
    std::collections::BTreeMap<u32, abi::PassiveElem>,
) {
    let mut tables = Vec::new();
    let mut elems = std::collections::BTreeMap::new();
    if !env.dynamic_tables {
        return (tables, elems);
    }
    for t in &env.tables {
        let initial = t.slots.len() as u32;
        let headroom = initial.saturating_add(TABLE_GROW_HEADROOM);
        let capacity = t
            .maximum
            .map_or(headroom, |m| {
                u32::try_from(m).unwrap_or(u32::MAX).min(headroom)
            })
            .max(initial);
        tables.push(abi::TableLayout {
            size_word: *word,
            capacity,
            init: t.slots.iter().map(|f| f.map_or(0, |f| f + 1)).collect(),
        });
        *word += 1 + capacity;
    }
    for (i, e) in env.elems.iter().enumerate() {
        if e.mode != env::ElemMode::Passive {
            continue;
        }
        elems.insert(
            i as u32,
            abi::PassiveElem {
                segment: i as u32,
                offset: data.len() as u32,
                len: e.items.len() as u32,
                control_word: *word,
            },
        );
        *word += 1;
        for item in &e.items {
            data.extend_from_slice(&item.to_le_bytes());
        }
    }
    (tables, elems)
}

/// Validates a generated module with every capability; the host checks the adapter's.
fn validate(module: &naga::Module) -> Result<naga::valid::ModuleInfo, TranslateError> {
    naga::valid::Validator::new(
        naga::valid::ValidationFlags::all(),
        naga::valid::Capabilities::all(),
    )
    .validate(module)
    .map_err(|e| {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(e.as_inner());
        while let Some(s) = source {
            message.push_str(": ");
            message.push_str(&s.to_string());
            source = s.source();
        }
        if let Some((span, label)) = e.spans().next() {
            let _ = span;
            message.push_str(&format!(" ({label})"));
        }
        TranslateError::Validation { message }
    })
}

/// Whether the module uses 64-bit integers and 64-bit floats.
fn wide_types(module: &naga::Module) -> (bool, bool) {
    let mut int64 = false;
    let mut f64 = false;
    for (_, ty) in module.types.iter() {
        let scalar = match ty.inner {
            naga::TypeInner::Scalar(s) | naga::TypeInner::Atomic(s) => s,
            naga::TypeInner::Vector { scalar, .. } => scalar,
            _ => continue,
        };
        if scalar.width == 8 {
            match scalar.kind {
                naga::ScalarKind::Float => f64 = true,
                naga::ScalarKind::Sint | naga::ScalarKind::Uint => int64 = true,
                _ => {}
            }
        }
    }
    (int64, f64)
}

impl Translation {
    /// The module as WGSL text.
    pub fn to_wgsl(&self) -> Result<String, TranslateError> {
        naga::back::wgsl::write_string(
            &self.module,
            &self.info,
            naga::back::wgsl::WriterFlags::empty(),
        )
        .map_err(|e| TranslateError::Backend {
            format: "WGSL",
            message: e.to_string(),
        })
    }

    /// The module as SPIR-V words.
    pub fn to_spirv(&self) -> Result<Vec<u32>, TranslateError> {
        let options = naga::back::spv::Options::default();
        naga::back::spv::write_vec(&self.module, &self.info, &options, None).map_err(|e| {
            TranslateError::Backend {
                format: "SPIR-V",
                message: e.to_string(),
            }
        })
    }

    /// The module as Metal Shading Language text.
    pub fn to_msl(&self) -> Result<String, TranslateError> {
        if self.layout.needs_f64 {
            // naga's MSL writer has no f64 (Metal has no double) and would panic.
            return Err(TranslateError::Backend {
                format: "MSL",
                message: "the module uses f64, which Metal does not support".into(),
            });
        }
        let options = naga::back::msl::Options::default();
        let pipeline = naga::back::msl::PipelineOptions::default();
        naga::back::msl::write_string(&self.module, &self.info, &options, &pipeline)
            .map(|(text, _)| text)
            .map_err(|e| TranslateError::Backend {
                format: "MSL",
                message: e.to_string(),
            })
    }
}
