//! The binding ABI between a translated module and the host that runs it.
//!
//! Everything the host needs to know to run a [`Translation`](super::Translation) is in a
//! [`ModuleLayout`]; the translator knows nothing of wgpu, the host knows nothing of wasm.
//!
//! # Bindings (all in bind group 0)
//!
//! | binding | name      | WGSL type                        | access     | contents |
//! |---------|-----------|----------------------------------|------------|----------|
//! | 0       | `params`  | `array<u32>`                     | read       | [`params`] words, then the call's arguments |
//! | 1       | `memory`  | `array<atomic<u32>>`             | read_write | linear memory, little-endian words; stacks inside |
//! | 2       | `results` | `array<u32>`                     | read_write | per thread: status word, then result words |
//! | 3       | `control` | `array<atomic<u32>>`             | read_write | [`control`] words: memory size, trap record, globals |
//! | 4       | `data`    | `array<u32>`                     | read       | passive data segments, word aligned |
//! | 5       | `call_stack` | `array<u32>`                  | read_write | per slot: frames of recursive calls |
//! | 6       | `framebuffer` | `array<u32>`                 | read_write | pixels of `gpu.set_pixel`, one RGBA8 word each, row-major |
//!
//! Every entry point uses all seven bindings, so one explicit bind group layout fits them all.
//! A module without memory still gets a `memory` binding (the host binds at least 4 bytes).
//!
//! # Values
//!
//! A wasm value crosses the ABI as raw bits in little-endian 32-bit words: `i32`/`f32` one word,
//! `i64`/`f64` two words (low word first). Floats are never converted on the way, so NaN payloads
//! and `-0.0` survive.

/// Word offsets inside the `params` buffer (binding 0).
pub mod params {
    /// First thread id of this dispatch (the host may split a large run into several dispatches).
    pub const THREAD_BASE: u32 = 0;
    /// One past the last thread id of this dispatch.
    pub const THREAD_END: u32 = 1;
    /// Number of invocations dispatched (= stack slots). Invocation `s` runs threads
    /// `THREAD_BASE + s`, `THREAD_BASE + s + SLOT_COUNT`, ... while below `THREAD_END`.
    pub const SLOT_COUNT: u32 = 2;
    /// Byte address of the first stack slot inside linear memory (0 when the module has no stack).
    pub const STACK_BASE: u32 = 3;
    /// Bytes per stack slot.
    pub const STACK_SIZE: u32 = 4;
    /// Words of the `call_stack` binding per slot (0 when the module has no recursion).
    pub const CALL_STACK_WORDS: u32 = 5;
    /// Threads of the whole run (all its dispatches): `gpu.thread_count`.
    pub const THREAD_COUNT: u32 = 6;
    /// `gpu.time`: f32 bits, seconds (since the instance was created, or the frame's time).
    pub const TIME: u32 = 7;
    /// Framebuffer width and height in pixels (0 without a framebuffer): `gpu.width`,
    /// `gpu.height`, and the bounds `gpu.set_pixel` checks.
    pub const FB_WIDTH: u32 = 8;
    pub const FB_HEIGHT: u32 = 9;
    /// The wasm arguments start here, as raw bits (see the module docs). The word after the
    /// last argument is always 0: exact-float mode builds float constants from it.
    pub const ARGS: u32 = 10;
}

/// Word offsets inside the `control` buffer (binding 3). The buffer is the instance's state: it
/// persists between dispatches on the same instance, like the memory buffer.
pub mod control {
    /// Current linear memory size in bytes (a multiple of 65536; `memory.grow` updates it).
    pub const MEMORY_BYTES: u32 = 0;
    /// Largest memory size in bytes that `memory.grow` may reach (the memory buffer's capacity).
    pub const MEMORY_CAPACITY: u32 = 1;
    /// Number of threads that trapped in this dispatch (the host zeroes it before dispatching).
    pub const TRAP_COUNT: u32 = 2;
    /// The first trap recorded: thread id, [`TrapKind`](super::TrapKind) code, wasm function
    /// index and byte offset of the trapping instruction in the module.
    pub const TRAP_THREAD: u32 = 3;
    pub const TRAP_KIND: u32 = 4;
    pub const TRAP_FUNCTION: u32 = 5;
    pub const TRAP_OFFSET: u32 = 6;
    /// When the first trap is a [`TrapKind::Panic`](super::TrapKind::Panic): the arguments of
    /// its `gpu.panic` call, the source location of the panic (the file name's address and
    /// length in linear memory, line and column; all 0 when the guest passed none).
    pub const PANIC_FILE: u32 = 7;
    pub const PANIC_FILE_LEN: u32 = 8;
    pub const PANIC_LINE: u32 = 9;
    pub const PANIC_COLUMN: u32 = 10;
    /// Wasm globals start here (one or two words each, see [`GlobalLayout`](super::GlobalLayout)),
    /// followed by one word per passive data segment (its length in bytes; 0 once dropped),
    /// the tables ([`TableLayout`](super::TableLayout)) and one word per passive element
    /// segment (its live length in items).
    pub const GLOBALS: u32 = 11;
}

/// Binding numbers of the seven resources.
pub mod binding {
    pub const PARAMS: u32 = 0;
    pub const MEMORY: u32 = 1;
    pub const RESULTS: u32 = 2;
    pub const CONTROL: u32 = 3;
    pub const DATA: u32 = 4;
    pub const CALL_STACK: u32 = 5;
    pub const FRAMEBUFFER: u32 = 6;
    /// The stack region's words, interleaved, when [`StackLayout::own_buffer`](super::StackLayout::own_buffer) (else unused:
    /// the host binds a 4-byte buffer).
    pub const STACK: u32 = 7;
    /// The `memory` buffer bound a second time, as `array<atomic<u32>>`, when
    /// [`ModuleLayout::memory_atomic_view`](super::ModuleLayout::memory_atomic_view): the partial-word stores of
    /// `StoreMode::AtomicPartial` go through it (loads and whole words through [`MEMORY`]).
    pub const MEMORY_ATOMIC: u32 = 8;
    /// The `memory` buffer bound a third time, as `array<vec4<u32>>`, when
    /// [`ModuleLayout::memory_vec4_view`](super::ModuleLayout::memory_vec4_view): groups of loads that tile 16-byte blocks read them
    /// through it (`access_groups.rs`).
    pub const MEMORY_VEC4: u32 = 9;
}

/// Set in every status word a thread writes when it finishes; the low bits are the
/// [`TrapKind`] code (0: returned). A status word without it means the thread never finished
/// (the driver stopped the kernel early), which a zero-initialised results buffer would
/// otherwise pass off as success.
pub const STATUS_DONE: u32 = 1 << 31;

/// The export name under which a module's start function appears in
/// [`ModuleLayout::entries`] (not a name rustc or the spec tests use).
pub const START_EXPORT: &str = "\u{0}start";

/// Invocations per workgroup of every entry point.
pub const WORKGROUP_SIZE: u32 = 64;

/// Bytes in a wasm page.
pub const PAGE_SIZE: u32 = 65536;

/// The most bytes a linear memory has on the GPU (its size is a `u32` in `control`): 4 GiB
/// less 4 MiB. The margin lets a load group's bounds check catch a span whose start wrapped
/// below address 0 with its one compare (`access_groups.rs`: spans reach at most 1 MiB
/// below the leader's address).
pub const MAX_MEMORY_BYTES: u64 = (1 << 32) - (4 << 20);

/// Why a thread stopped early. The code is the thread's status word in `results`; 0 is success.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum TrapKind {
    /// The `unreachable` instruction (also how a Rust panic ends, without gpu-std's handler).
    Unreachable = 1,
    /// Integer division or remainder by zero.
    IntegerDivideByZero = 2,
    /// Signed division `MIN / -1`, or a float-to-int truncation out of the target's range.
    IntegerOverflow = 3,
    /// Float-to-int truncation of a NaN.
    InvalidConversionToInteger = 4,
    /// A load, store or bulk memory operation outside linear memory.
    MemoryOutOfBounds = 5,
    /// `call_indirect` with an index past the end of the table.
    UndefinedElement = 6,
    /// `call_indirect` through a null table entry.
    UninitializedElement = 7,
    /// `call_indirect` to a function of another type.
    IndirectCallTypeMismatch = 8,
    /// The thread's shadow stack (`__stack_pointer`) went below its slot.
    StackOverflow = 9,
    /// Bulk memory operation reading a data segment out of bounds (`memory.init`).
    DataSegmentOutOfBounds = 10,
    /// The driver ended a loop early: lavapipe (Mesa's software Vulkan) stops a thread's loops
    /// after 65,535 iterations in total. Reported instead of a silently wrong result.
    LoopLimit = 11,
    /// A recursive call found no room on the thread's call stack (`call_stack` binding).
    CallStackExhausted = 12,
    /// `table.get/set/fill/copy/init` outside a table, or `table.init` past the end of its
    /// element segment.
    TableOutOfBounds = 13,
    /// The guest panicked: gpu-std's panic handler calls the `gpu.panic` intrinsic.
    Panic = 14,
}

impl TrapKind {
    /// All kinds, for decoding.
    pub const ALL: [TrapKind; 14] = [
        TrapKind::Unreachable,
        TrapKind::IntegerDivideByZero,
        TrapKind::IntegerOverflow,
        TrapKind::InvalidConversionToInteger,
        TrapKind::MemoryOutOfBounds,
        TrapKind::UndefinedElement,
        TrapKind::UninitializedElement,
        TrapKind::IndirectCallTypeMismatch,
        TrapKind::StackOverflow,
        TrapKind::DataSegmentOutOfBounds,
        TrapKind::LoopLimit,
        TrapKind::CallStackExhausted,
        TrapKind::TableOutOfBounds,
        TrapKind::Panic,
    ];

    /// The status word written for this trap.
    pub fn code(self) -> u32 {
        self as u32
    }

    /// Decodes a status word; `None` for 0 (success) and unknown codes.
    pub fn from_code(code: u32) -> Option<TrapKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The message the spec testsuite uses for this trap.
    pub fn message(self) -> &'static str {
        match self {
            TrapKind::Unreachable => "unreachable",
            TrapKind::IntegerDivideByZero => "integer divide by zero",
            TrapKind::IntegerOverflow => "integer overflow",
            TrapKind::InvalidConversionToInteger => "invalid conversion to integer",
            TrapKind::MemoryOutOfBounds => "out of bounds memory access",
            TrapKind::UndefinedElement => "undefined element",
            TrapKind::UninitializedElement => "uninitialized element",
            TrapKind::IndirectCallTypeMismatch => "indirect call type mismatch",
            TrapKind::StackOverflow => "stack overflow",
            TrapKind::DataSegmentOutOfBounds => "out of bounds memory access",
            TrapKind::LoopLimit => "loop iteration limit of the GPU driver reached",
            TrapKind::CallStackExhausted => "call stack exhausted",
            TrapKind::TableOutOfBounds => "out of bounds table access",
            TrapKind::Panic => "panic",
        }
    }
}

impl std::fmt::Display for TrapKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// A wasm value type as it crosses the ABI.
///
/// References are one `u32` word: a `funcref` is 0 for null, else the function index + 1; an
/// `externref` is a handle the host chooses, 0 for null (the translator never looks inside).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ValType {
    I32,
    I64,
    F32,
    F64,
    FuncRef,
    ExternRef,
}

impl ValType {
    /// Number of 32-bit words the value takes.
    pub fn words(self) -> u32 {
        match self {
            ValType::I32 | ValType::F32 | ValType::FuncRef | ValType::ExternRef => 1,
            ValType::I64 | ValType::F64 => 2,
        }
    }
}

impl ValType {
    /// Whether this is a reference type (`funcref` or `externref`).
    pub fn is_ref(self) -> bool {
        matches!(self, ValType::FuncRef | ValType::ExternRef)
    }
}

impl std::fmt::Display for ValType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ValType::I32 => "i32",
            ValType::I64 => "i64",
            ValType::F32 => "f32",
            ValType::F64 => "f64",
            ValType::FuncRef => "funcref",
            ValType::ExternRef => "externref",
        })
    }
}

/// One exported function that became a compute entry point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryLayout {
    /// The wasm export name.
    pub export: String,
    /// The naga entry point name (a valid identifier in WGSL, SPIR-V and MSL).
    pub entry_point: String,
    /// The wasm function index.
    pub func_index: u32,
    /// Parameter types, in order; their bits follow [`params::ARGS`].
    pub params: Vec<ValType>,
    /// Result types; each thread writes `1 + sum(words)` words to `results`.
    pub results: Vec<ValType>,
}

impl EntryLayout {
    /// Words per thread in the `results` buffer: the status word and the results.
    pub fn result_stride(&self) -> u32 {
        1 + self.results.iter().map(|t| t.words()).sum::<u32>()
    }

    /// An export without results has sparse status words: a thread writes its status word
    /// only when it traps (the host zeroes the buffer first), and after its threads each
    /// invocation `s` writes how many it ran at word `count + s` of `results`, where `count`
    /// is the dispatch's thread count (`THREAD_END - THREAD_BASE`). The host checks those counts
    /// instead of a `STATUS_DONE` bit per thread: for a memory-bound kernel the status words
    /// were a quarter of the traffic (saxpy on the H200: 0.310 → 0.246 ms without them).
    pub fn sparse_status(&self) -> bool {
        self.results.is_empty()
    }

    /// Words of `results` a dispatch of `count` threads on `slots` invocations uses.
    pub fn results_words(&self, count: u64, slots: u32) -> u64 {
        let counts = if self.sparse_status() {
            u64::from(slots)
        } else {
            0
        };
        count * u64::from(self.result_stride()) + counts
    }

    /// Words of arguments after [`params::ARGS`].
    pub fn arg_words(&self) -> u32 {
        self.params.iter().map(|t| t.words()).sum()
    }
}

/// Where a wasm global lives in the `control` buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobalLayout {
    /// Word offset in `control`.
    pub word: u32,
    pub ty: ValType,
    pub mutable: bool,
    /// Initial value bits (low word first for 64-bit types).
    pub init: u64,
    /// Export name, when exported.
    pub export: Option<String>,
}

/// An active data segment: the host copies `bytes` to `offset` before the first dispatch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveData {
    pub offset: u32,
    pub bytes: Vec<u8>,
}

/// Linear memory of the module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryLayout {
    /// Pages the module declares as its initial size.
    pub initial_pages: u32,
    /// Declared maximum in pages, if any.
    pub maximum_pages: Option<u32>,
    /// Active data segments, in module order (a later segment overwrites an earlier one).
    pub active_data: Vec<ActiveData>,
}

/// The shadow stack: the mutable `__stack_pointer` global that LLVM uses, made per-thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StackLayout {
    /// Index of the stack pointer global.
    pub global_index: u32,
    /// The most bytes of stack the translated code can use, when the translator could bound
    /// it (constant frames, no recursion: `stack_bound.rs`); the host sizes stack slots by it.
    pub max_bytes: Option<u32>,
    /// The stack region's words live in their own plain buffer ([`binding::STACK`],
    /// `SLOT_COUNT · STACK_SIZE` bytes per dispatch), interleaved: word `k` of slot `s` at
    /// index `k · SLOT_COUNT + s` (`TranslateOptions::interleave_stack`). Linear memory's bytes
    /// in that region are then unused.
    pub own_buffer: bool,
}

/// Passive data segments, concatenated into the `data` binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassiveData {
    /// Data segment index in the module.
    pub segment: u32,
    /// Byte offset of the segment in the `data` buffer (a multiple of 4).
    pub offset: u32,
    /// Length in bytes.
    pub len: u32,
    /// Word offset in `control` of the segment's live length (set to `len` at instantiation).
    pub control_word: u32,
}

/// A table kept in `control` (only when the module uses table operators; otherwise tables are
/// constants of the translated code). Word `size_word` is the current size in slots, the
/// `capacity` slot words follow it; each slot is a reference word (0: null; a funcref is the
/// function index + 1, an externref a host handle).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableLayout {
    /// Word offset in `control` of the size; slot `i` is word `size_word + 1 + i`.
    pub size_word: u32,
    /// Most slots `table.grow` may reach.
    pub capacity: u32,
    /// The slots at instantiation (the initial size is their number).
    pub init: Vec<u32>,
}

/// A passive element segment, its items stored as reference words in the `data` binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassiveElem {
    /// Element segment index in the module.
    pub segment: u32,
    /// Byte offset of the items in the `data` buffer (a multiple of 4).
    pub offset: u32,
    /// Number of items.
    pub len: u32,
    /// Word offset in `control` of the segment's live length (set to `len` at instantiation,
    /// 0 once dropped).
    pub control_word: u32,
}

/// Everything the host needs to run a translated module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleLayout {
    pub entries: Vec<EntryLayout>,
    pub globals: Vec<GlobalLayout>,
    /// Total words of `control` (header, globals, data segment words, globals shadow).
    pub control_words: u32,
    /// Word offset in `control` of the globals' shadow copy: thread 0 writes its final mutable
    /// globals there (same offsets relative to [`control::GLOBALS`]), and the host copies them
    /// over the globals after the run, so every thread of a run starts from the same values.
    pub globals_shadow: u32,
    pub memory: Option<MemoryLayout>,
    pub stack: Option<StackLayout>,
    /// Contents of the `data` binding (may be empty; bind at least 4 bytes).
    pub data: Vec<u8>,
    pub passive_data: Vec<PassiveData>,
    /// Tables kept in `control` (empty when no function uses a table operator).
    pub tables: Vec<TableLayout>,
    /// Passive element segments (empty when no function uses a table operator).
    pub passive_elems: Vec<PassiveElem>,
    /// The module uses 64-bit integers (the adapter needs `SHADER_INT64`).
    pub needs_int64: bool,
    /// The module uses 64-bit floats (the adapter needs `SHADER_F64`).
    pub needs_f64: bool,
    /// Recursive functions are reachable: the host gives each slot `call_stack` words.
    pub needs_call_stack: bool,
    /// The shader declares [`binding::MEMORY_ATOMIC`]: the host binds `memory`'s buffer there
    /// too (`StoreMode::AtomicPartial`).
    pub memory_atomic_view: bool,
    /// The shader declares [`binding::MEMORY_VEC4`]: the host binds `memory`'s buffer there
    /// too.
    pub memory_vec4_view: bool,
    /// The entry for the module's start function, which the host runs once (one thread) when
    /// it instantiates the module. Its export name is [`START_EXPORT`].
    pub start: Option<String>,
    /// Function names from the name section, by function index, for trap reports.
    pub function_names: std::collections::BTreeMap<u32, String>,
}

impl ModuleLayout {
    /// The entry for a wasm export name.
    pub fn entry(&self, export: &str) -> Option<&EntryLayout> {
        self.entries.iter().find(|e| e.export == export)
    }

    /// A printable name for a wasm function: its name-section name or `func[N]`.
    pub fn function_name(&self, index: u32) -> String {
        self.function_names
            .get(&index)
            .cloned()
            .unwrap_or_else(|| format!("func[{index}]"))
    }
}
