//! Module-level pieces every translated function shares: the seven resource bindings, the
//! per-thread private variables (trap record, cached memory size, wasm globals) and the helper
//! functions for memory access, generated on first use.

use naga::{
    AddressSpace, ArraySize, AtomicFunction, BinaryOperator as B, Expression, Function,
    FunctionArgument, FunctionResult, GlobalVariable, Handle, MemoryDecorations, Module,
    ResourceBinding, Scalar, Span, StorageAccess, Type, TypeInner, UnaryOperator,
};

use super::abi::{binding, control, ValType};
use super::builder::{scalar_type, IrBuilder};

/// Handles of the shared module pieces.
#[derive(Debug)]
pub struct Runtime {
    pub params: Handle<GlobalVariable>,
    pub memory: Handle<GlobalVariable>,
    pub results: Handle<GlobalVariable>,
    pub control: Handle<GlobalVariable>,
    pub data: Handle<GlobalVariable>,
    /// Frames of recursive calls, `CALL_STACK_WORDS` per slot; private to its slot's thread.
    pub call_stack: Handle<GlobalVariable>,
    /// Pixels written by `gpu.set_pixel` (one packed RGBA8 word each, row-major).
    pub framebuffer: Handle<GlobalVariable>,
    /// Private: the invocation (stack slot) running the thread, for `gpu.workgroup_id` and
    /// `gpu.local_id`.
    pub invocation: Handle<GlobalVariable>,
    /// Private: the arguments of the `gpu.panic` call that trapped the thread (file address,
    /// file length, line, column), for `control::PANIC_FILE..`.
    pub panic_at: [Handle<GlobalVariable>; 4],
    /// Private: word index of the top of this thread's call stack, and one past its end.
    pub csp: Handle<GlobalVariable>,
    pub cs_limit: Handle<GlobalVariable>,
    /// Private: the thread's first trap, `kind << 28 | byte offset` (see [`trap_code`]); 0 while
    /// it has not trapped.
    pub trap_code: Handle<GlobalVariable>,
    /// Private: the wasm function index of the first trap.
    pub trap_func: Handle<GlobalVariable>,
    /// Private: the memory size in bytes as this thread last saw it.
    pub mem_bytes: Handle<GlobalVariable>,
    /// Private, set by the entry point to a constant: whether code reachable from it can grow
    /// memory. When it cannot, no thread of the dispatch changes the size, the size loaded at
    /// the start is exact, and `mem_oob` need not reload it on a miss (the driver then drops
    /// the reload, an atomic load inside every access's check).
    pub may_grow: Handle<GlobalVariable>,
    /// Private, set per thread by the entry point: the interleaved stack layout
    /// (`TranslateOptions::interleave_stack`), when the module has a stack.
    pub interleave: Option<InterleavedStack>,
    /// Private: one past the highest address of this thread's stack slot.
    pub stack_top: Handle<GlobalVariable>,
    /// Partial-word stores inside the thread's stack slot are plain read-modify-writes.
    private_plain: bool,
    /// The `memory` binding is a plain array (`StoreMode::Plain` and
    /// `StoreMode::AtomicPartial`): loads and whole-word stores are plain.
    plain_memory: bool,
    /// `StoreMode::AtomicPartial`: the same buffer as `memory`, bound a second time as
    /// `array<atomic<u32>>` ([`binding::MEMORY_ATOMIC`]), for the `atomicAnd` + `atomicOr` of
    /// partial-word stores outside the thread's own stack slot.
    memory_atomic: Option<Handle<GlobalVariable>>,
    /// The same buffer as `memory` seen as `array<vec4<u32>>` ([`binding::MEMORY_VEC4`]), for
    /// the 16-byte loads of load groups (`access_groups.rs`); declared on first use, only when
    /// `memory` is plain.
    pub memory_vec4: Option<Handle<GlobalVariable>>,
    /// `TranslateOptions::group_loads`.
    pub group_loads: bool,
    /// `TranslateOptions::counted_loops`.
    pub counted_loops: bool,
    /// Private: set to 1 by a function right before its single `return`. A caller clears it
    /// before a call and checks it after: lavapipe disables a thread whose loops it cut until
    /// the function returns, so the function's own checks never run (see `detect_loop_limit`).
    pub finished: Handle<GlobalVariable>,
    /// Private: the id of the thread being run.
    pub thread_id: Handle<GlobalVariable>,
    /// Private, exact-float mode only: 0, read from the params word after the arguments, so
    /// that float constants built from it are unknown to the driver's compiler and cannot be
    /// folded (`x * 0.0 -> 0.0` is wrong for -0, NaN and infinities; lavapipe's LLVM does it).
    pub opaque_zero: Option<Handle<GlobalVariable>>,
    /// Private: lowest valid value of the stack pointer for this thread's slot.
    pub stack_floor: Handle<GlobalVariable>,
    /// Private: one per wasm global.
    pub globals: Vec<Handle<GlobalVariable>>,
    pub u32_type: Handle<Type>,
    /// How f32 math intrinsics are lowered (`TranslateOptions::math`).
    pub math_mode: super::math::MathMode,
    helpers: Helpers,
    /// Helpers for tables kept in `control` (see `table_rt.rs`).
    pub(super) table_helpers: super::table_rt::TableHelpers,
}

#[derive(Debug, Default)]
struct Helpers {
    load32: Option<Handle<Function>>,
    load16: Option<Handle<Function>>,
    load8: Option<Handle<Function>>,
    store: Option<Handle<Function>>,
    store_own: Option<Handle<Function>>,
    oob: Option<Handle<Function>>,
    grow: Option<Handle<Function>>,
    fill: Option<Handle<Function>>,
    copy: Option<Handle<Function>>,
    init: Option<Handle<Function>>,
}

/// Bits of a trap code below the kind: the byte offset of the trapping operator (saturated).
pub const TRAP_OFFSET_BITS: u32 = 28;

/// The private trap code of a trap at `offset`: `kind << 28 | offset`, never 0.
/// Words `memory.fill` stores per loop pass.
const FILL_UNROLL: usize = 4;

pub fn trap_code(kind: super::abi::TrapKind, offset: usize) -> u32 {
    let max = (1u32 << TRAP_OFFSET_BITS) - 1;
    (kind.code() << TRAP_OFFSET_BITS) | (offset as u32).min(max)
}

/// The naga scalar for a wasm value type.
pub fn scalar_of(t: ValType) -> Scalar {
    match t {
        ValType::I32 | ValType::FuncRef | ValType::ExternRef => Scalar::U32,
        ValType::I64 => Scalar::U64,
        ValType::F32 => Scalar::F32,
        ValType::F64 => Scalar::F64,
    }
}

pub fn val_ty(module: &mut Module, t: ValType) -> Handle<Type> {
    scalar_type(&mut module.types, scalar_of(t))
}

pub fn u32_ty(module: &mut Module) -> Handle<Type> {
    scalar_type(&mut module.types, Scalar::U32)
}

fn array_ty(module: &mut Module, atomic: bool) -> Handle<Type> {
    let inner = if atomic {
        TypeInner::Atomic(Scalar::U32)
    } else {
        TypeInner::Scalar(Scalar::U32)
    };
    let base = module
        .types
        .insert(Type { name: None, inner }, Span::UNDEFINED);
    module.types.insert(
        Type {
            name: None,
            inner: TypeInner::Array {
                base,
                size: ArraySize::Dynamic,
                stride: 4,
            },
        },
        Span::UNDEFINED,
    )
}

fn storage(
    module: &mut Module,
    name: &str,
    binding: u32,
    atomic: bool,
    writable: bool,
) -> Handle<GlobalVariable> {
    let ty = array_ty(module, atomic);
    let access = if writable {
        StorageAccess::LOAD | StorageAccess::STORE
    } else {
        StorageAccess::LOAD
    };
    module.global_variables.append(
        GlobalVariable {
            name: Some(name.into()),
            space: AddressSpace::Storage { access },
            binding: Some(ResourceBinding { group: 0, binding }),
            ty,
            init: None,
            memory_decorations: MemoryDecorations::empty(),
        },
        Span::UNDEFINED,
    )
}

fn private(module: &mut Module, name: &str, ty: Handle<Type>) -> Handle<GlobalVariable> {
    module.global_variables.append(
        GlobalVariable {
            name: Some(name.into()),
            space: AddressSpace::Private,
            binding: None,
            ty,
            init: None,
            memory_decorations: MemoryDecorations::empty(),
        },
        Span::UNDEFINED,
    )
}

/// A helper function under construction.
pub(super) fn helper_fn(
    name: &str,
    args: &[(&str, Handle<Type>)],
    result: Option<Handle<Type>>,
) -> IrBuilder {
    IrBuilder::new(Function {
        name: Some(name.into()),
        arguments: args
            .iter()
            .map(|(n, ty)| FunctionArgument {
                name: Some((*n).into()),
                ty: *ty,
                binding: None,
            })
            .collect(),
        result: result.map(|ty| FunctionResult { ty, binding: None }),
        ..Function::default()
    })
}

/// How linear memory is bound (from `StoreMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoryViews {
    /// `memory` is `array<atomic<u32>>`: every access is atomic.
    Atomic,
    /// `memory` is `array<u32>` and `memory_atomic` the same buffer as `array<atomic<u32>>`:
    /// plain loads and whole-word stores, atomic partial-word stores.
    PlainAndAtomic,
    /// `memory` is `array<u32>`, nothing atomic.
    Plain,
}

/// The interleaved stack: word `k` of slot `s` of the region `[base_word, base_word +
/// region_words)` of linear memory lives at index `k * slots + s` of the `stack` binding.
#[derive(Debug, Clone, Copy)]
pub struct InterleavedStack {
    /// The `stack` binding, holding the region's words; `None`: they stay in the region of
    /// `memory`, at word `base_word + k * slots + s`.
    pub buffer: Option<Handle<GlobalVariable>>,
    /// `STACK_BASE / 4`.
    pub base_word: Handle<GlobalVariable>,
    /// `slots << slot_shift`: the words of this dispatch's slots.
    pub region_words: Handle<GlobalVariable>,
    /// log2 of the words per slot (`STACK_SIZE` is a power of two).
    pub slot_shift: Handle<GlobalVariable>,
    /// `SLOT_COUNT`: slots (= invocations) of this dispatch.
    pub slots: Handle<GlobalVariable>,
}

impl Runtime {
    /// Declares the bindings and private variables.
    /// `views`: how `memory` is declared (see [`MemoryViews`]).
    pub fn new(
        module: &mut Module,
        globals: &[ValType],
        private_plain: bool,
        views: MemoryViews,
    ) -> Self {
        let u32t = u32_ty(module);
        let params = storage(module, "params", binding::PARAMS, false, false);
        let plain_memory = views != MemoryViews::Atomic;
        let memory = storage(module, "memory", binding::MEMORY, !plain_memory, true);
        let memory_atomic = (views == MemoryViews::PlainAndAtomic)
            .then(|| storage(module, "memory_atomic", binding::MEMORY_ATOMIC, true, true));
        let results = storage(module, "results", binding::RESULTS, false, true);
        let control_g = storage(module, "control", binding::CONTROL, true, true);
        let data = storage(module, "data", binding::DATA, false, false);
        let call_stack = storage(module, "call_stack", binding::CALL_STACK, false, true);
        let framebuffer = storage(module, "framebuffer", binding::FRAMEBUFFER, false, true);
        let globals = globals
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let ty = val_ty(module, *t);
                private(module, &format!("global{i}"), ty)
            })
            .collect();
        Runtime {
            params,
            memory,
            results,
            control: control_g,
            data,
            call_stack,
            framebuffer,
            invocation: private(module, "invocation", u32t),
            panic_at: ["panic_file", "panic_file_len", "panic_line", "panic_column"]
                .map(|name| private(module, name, u32t)),
            csp: private(module, "csp", u32t),
            cs_limit: private(module, "cs_limit", u32t),
            trap_code: private(module, "trap_code", u32t),
            trap_func: private(module, "trap_func", u32t),
            mem_bytes: private(module, "mem_bytes", u32t),
            interleave: None,
            may_grow: {
                let boolt = scalar_type(&mut module.types, Scalar::BOOL);
                private(module, "may_grow", boolt)
            },
            stack_floor: private(module, "stack_floor", u32t),
            thread_id: private(module, "thread_id", u32t),
            opaque_zero: None,
            finished: private(module, "finished", u32t),
            stack_top: private(module, "stack_top", u32t),
            private_plain,
            plain_memory,
            memory_atomic,
            memory_vec4: None,
            group_loads: true,
            counted_loops: true,
            globals,
            u32_type: u32t,
            math_mode: super::math::MathMode::default(),
            helpers: Helpers::default(),
            table_helpers: Default::default(),
        }
    }

    /// Declares [`Runtime::interleave`] (`TranslateOptions::interleave_stack`): in the `stack`
    /// binding when memory is atomic, inside `memory` when it is plain (no second buffer to
    /// choose between: one `select` of the index instead of a branch per access).
    pub fn declare_interleaved_stack(&mut self, module: &mut Module) {
        let u = self.u32_type;
        self.interleave = Some(InterleavedStack {
            buffer: (!self.plain_memory)
                .then(|| storage(module, "stack", binding::STACK, false, true)),
            base_word: private(module, "stack_base_word", u),
            region_words: private(module, "stack_region_words", u),
            slot_shift: private(module, "stack_slot_shift", u),
            slots: private(module, "stack_slots", u),
        });
    }

    /// Whether 16-byte loads can serve load groups: only when `memory` is plain (a plain view
    /// of atomic words could see stale values).
    pub fn wide_loads(&self) -> bool {
        self.plain_memory
    }

    /// The 16-byte block `block` of linear memory (bytes `16·block ..`), as `vec4<u32>`;
    /// declares the `memory_vec4` view on first use. A block past the buffer reads its last
    /// block instead; the caller makes sure that the block is outside the interleaved stack
    /// region ([`Runtime::outside_stack`]) and uses the words only when it is inside memory.
    /// Without `clamp` the caller knows the block is inside memory.
    pub fn load_block(
        &mut self,
        module: &mut Module,
        b: &mut IrBuilder,
        block: Handle<Expression>,
        clamp: bool,
    ) -> Handle<Expression> {
        let view = *self.memory_vec4.get_or_insert_with(|| {
            let vec4 = module.types.insert(
                Type {
                    name: None,
                    inner: TypeInner::Vector {
                        size: naga::VectorSize::Quad,
                        scalar: Scalar::U32,
                    },
                },
                Span::UNDEFINED,
            );
            let ty = module.types.insert(
                Type {
                    name: None,
                    inner: TypeInner::Array {
                        base: vec4,
                        size: ArraySize::Dynamic,
                        stride: 16,
                    },
                },
                Span::UNDEFINED,
            );
            module.global_variables.append(
                GlobalVariable {
                    name: Some("memory_vec4".into()),
                    space: AddressSpace::Storage {
                        access: StorageAccess::LOAD | StorageAccess::STORE,
                    },
                    binding: Some(ResourceBinding {
                        group: 0,
                        binding: binding::MEMORY_VEC4,
                    }),
                    ty,
                    init: None,
                    memory_decorations: MemoryDecorations::empty(),
                },
                Span::UNDEFINED,
            )
        });
        let g = b.expr(Expression::GlobalVariable(view));
        if !clamp {
            let p = b.access(g, block);
            return b.load(p);
        }
        // Clamped to the buffer: callers may load before knowing the block is in memory.
        let blocks = b.expr(Expression::ArrayLength(g));
        let one = b.u32(1);
        let last = b.bin(B::Subtract, blocks, one);
        let block = b.expr(Expression::Math {
            fun: naga::MathFunction::Min,
            arg: block,
            arg1: Some(last),
            arg2: None,
            arg3: None,
        });
        let p = b.access(g, block);
        b.load(p)
    }

    /// Whether the words `first..=last` (`first <= last`, no wrap) of linear memory are all
    /// outside the interleaved stack region (whose words are not where their addresses say);
    /// `None`: there is no such region. Relative to the region's base, both ends must lie at
    /// or past its end, in order: a span below the base wraps both to large values (still in
    /// order), and a span that covers the whole region wraps only its first word.
    pub fn outside_stack(
        &self,
        b: &mut IrBuilder,
        first: Handle<Expression>,
        last: Handle<Expression>,
    ) -> Option<Handle<Expression>> {
        let st = self.interleave?;
        let base = load_global(b, st.base_word);
        let region = load_global(b, st.region_words);
        let rel_first = b.bin(B::Subtract, first, base);
        let rel_last = b.bin(B::Subtract, last, base);
        let first_out = b.bin(B::GreaterEqual, rel_first, region);
        let last_out = b.bin(B::GreaterEqual, rel_last, region);
        let ordered = b.bin(B::LessEqual, rel_first, rel_last);
        let ends_out = b.bin(B::LogicalAnd, first_out, last_out);
        Some(b.bin(B::LogicalAnd, ends_out, ordered))
    }

    /// Declares [`Runtime::opaque_zero`] (exact-float mode).
    pub fn declare_opaque_zero(&mut self, module: &mut Module) {
        self.opaque_zero = Some(private(module, "opaque_zero", self.u32_type));
    }

    /// Pointer to `memory[word]`.
    pub fn mem_word(&self, b: &mut IrBuilder, word: Handle<Expression>) -> Handle<Expression> {
        let g = b.expr(Expression::GlobalVariable(self.memory));
        b.access(g, word)
    }

    /// Where the word of linear memory with index `word` is: `memory[word]`, or, with the
    /// interleaved stack and `word` in the stack region, `stack[k * slots + s]` (or
    /// `memory[base + k * slots + s]` when memory is plain). Every access to linear memory goes
    /// through [`Runtime::read_word`], [`Runtime::write_word`] and the store helper's merge, so
    /// the layout is decided here alone. Calls `on` once per place the word can be, with the
    /// pointer and whether that place is private to the thread (plain accesses are enough
    /// there), under an `if` when there are two.
    fn at_word(
        &self,
        b: &mut IrBuilder,
        word: Handle<Expression>,
        on: &dyn Fn(&mut IrBuilder, Handle<Expression>, bool),
    ) {
        let Some((st, buffer)) = self
            .interleave
            .and_then(|st| st.buffer.map(|buffer| (st, buffer)))
        else {
            let p = self.one_place(b, word);
            on(b, p, false);
            return;
        };
        let (in_stack, stack_index) = self.stack_index(b, &st, word);
        b.if_else(
            in_stack,
            |b| {
                let g = b.expr(Expression::GlobalVariable(buffer));
                let p = b.access(g, stack_index);
                on(b, p, true);
            },
            |b| {
                let p = self.mem_word(b, word);
                on(b, p, false);
            },
        );
    }

    /// Whether `word` lies in the stack region, and its index `k * slots + s` there.
    fn stack_index(
        &self,
        b: &mut IrBuilder,
        st: &InterleavedStack,
        word: Handle<Expression>,
    ) -> (Handle<Expression>, Handle<Expression>) {
        let base = load_global(b, st.base_word);
        let region = load_global(b, st.region_words);
        let shift = load_global(b, st.slot_shift);
        let slots = load_global(b, st.slots);
        // rel < region also rejects words below the base (rel wraps around).
        let rel = b.bin(B::Subtract, word, base);
        let in_stack = b.bin(B::Less, rel, region);
        let slot = b.bin(B::ShiftRight, rel, shift);
        let slot_start = b.bin(B::ShiftLeft, slot, shift);
        let k = b.bin(B::Subtract, rel, slot_start);
        let k_row = b.bin(B::Multiply, k, slots);
        let index = b.bin(B::Add, k_row, slot);
        (in_stack, index)
    }

    /// The index in `memory` of the word of linear memory with index `word` when the word has
    /// one place (`memory`, with the stack region's words interleaved in place when the stack
    /// has no buffer of its own), and, with the interleaved stack, whether it is a stack word.
    fn place_index(
        &self,
        b: &mut IrBuilder,
        word: Handle<Expression>,
    ) -> (Handle<Expression>, Option<Handle<Expression>>) {
        match self.interleave {
            Some(st) => {
                let (in_stack, within) = self.stack_index(b, &st, word);
                let base_p = b.expr(Expression::GlobalVariable(st.base_word));
                let base = b.load(base_p);
                let moved = b.bin(B::Add, base, within);
                (b.select(in_stack, moved, word), Some(in_stack))
            }
            None => (word, None),
        }
    }

    /// The pointer to the word when it has one place (see [`Runtime::place_index`]).
    fn one_place(&self, b: &mut IrBuilder, word: Handle<Expression>) -> Handle<Expression> {
        let (index, _) = self.place_index(b, word);
        self.mem_word(b, index)
    }

    /// The word of linear memory with index `word`.
    fn read_word(&self, b: &mut IrBuilder, word: Handle<Expression>) -> Handle<Expression> {
        if self.interleave.is_none_or(|st| st.buffer.is_none()) {
            let p = self.one_place(b, word);
            return b.load(p);
        }
        let r = b.local("word", self.u32_type, None);
        self.at_word(b, word, &|b, p, _| {
            let v = b.load(p);
            b.store(r, v);
        });
        b.load(r)
    }

    /// Writes the whole word of linear memory with index `word`.
    fn write_word(&self, b: &mut IrBuilder, word: Handle<Expression>, value: Handle<Expression>) {
        self.at_word(b, word, &|b, p, _| b.store(p, value));
    }

    /// Pointer to `control[word]`.
    pub fn control_word(&self, b: &mut IrBuilder, word: u32) -> Handle<Expression> {
        let g = b.expr(Expression::GlobalVariable(self.control));
        let i = b.u32(word);
        b.access(g, i)
    }

    /// `trap_code == 0`: the thread has not trapped, so its side effects may happen.
    pub fn running(&self, b: &mut IrBuilder) -> Handle<Expression> {
        let p = b.expr(Expression::GlobalVariable(self.trap_code));
        let code = b.load(p);
        let zero = b.u32(0);
        b.bin(B::Equal, code, zero)
    }

    /// `finished = 1`, right before a function's return.
    pub fn mark_finished(&self, b: &mut IrBuilder) {
        let p = b.expr(Expression::GlobalVariable(self.finished));
        let one = b.u32(1);
        b.store(p, one);
    }

    /// The end of a bulk memory helper: closes the `running` guard, returns whether the byte
    /// counter `i` reached `complete_at` (a driver's loop cap may cut the loops short), marks
    /// the function finished, and adds it to the module.
    pub(super) fn finish_bulk(
        &self,
        module: &mut Module,
        mut b: IrBuilder,
        running: Handle<Expression>,
        i: Handle<Expression>,
        complete_at: Handle<Expression>,
    ) -> Handle<Function> {
        let guarded = b.close_block();
        b.stmt(naga::Statement::If {
            condition: running,
            accept: guarded,
            reject: naga::Block::new(),
        });
        let iv = b.load(i);
        let end = b.load(complete_at);
        let complete = b.bin(B::Equal, iv, end);
        self.mark_finished(&mut b);
        b.ret(Some(complete));
        module.functions.append(b.finish(), Span::UNDEFINED)
    }

    /// `(word index, bit shift)` of a byte address.
    fn split(
        b: &mut IrBuilder,
        ea: Handle<Expression>,
    ) -> (Handle<Expression>, Handle<Expression>) {
        let two = b.u32(2);
        let w = b.bin(B::ShiftRight, ea, two);
        let three = b.u32(3);
        let lowbits = b.bin(B::And, ea, three);
        let s = b.bin(B::ShiftLeft, lowbits, three);
        (w, s)
    }

    /// `load32(ea: u32) -> u32`: four bytes at any alignment (bounds already checked).
    pub fn load32(&mut self, module: &mut Module) -> Handle<Function> {
        if let Some(h) = self.helpers.load32 {
            return h;
        }
        let u = u32_ty(module);
        let mut b = helper_fn("mem_load32", &[("ea", u)], Some(u));
        let ea = b.expr(Expression::FunctionArgument(0));
        let (w, s) = Self::split(&mut b, ea);
        let lo = self.read_word(&mut b, w);
        let zero = b.u32(0);
        let r = b.local("r", u, Some(zero));
        b.store(r, lo);
        let unaligned = b.bin(B::NotEqual, s, zero);
        b.if_then(unaligned, |b| {
            let one = b.u32(1);
            let w1 = b.bin(B::Add, w, one);
            let hi = self.read_word(b, w1);
            let a = b.bin(B::ShiftRight, lo, s);
            let thirty_two = b.u32(32);
            let rs = b.bin(B::Subtract, thirty_two, s);
            let c = b.bin(B::ShiftLeft, hi, rs);
            let v = b.bin(B::InclusiveOr, a, c);
            b.store(r, v);
        });
        let v = b.load(r);
        b.ret(Some(v));
        let h = module.functions.append(b.finish(), Span::UNDEFINED);
        self.helpers.load32 = Some(h);
        h
    }

    /// `load16(ea) -> u32` and `load8(ea) -> u32`: zero-extended.
    pub fn load_narrow(&mut self, module: &mut Module, bytes: u32) -> Handle<Function> {
        let cached = if bytes == 1 {
            self.helpers.load8
        } else {
            self.helpers.load16
        };
        if let Some(h) = cached {
            return h;
        }
        let load32 = self.load32(module);
        let u = u32_ty(module);
        let name = if bytes == 1 {
            "mem_load8"
        } else {
            "mem_load16"
        };
        let mut b = helper_fn(name, &[("ea", u)], Some(u));
        let ea = b.expr(Expression::FunctionArgument(0));
        let mask = b.u32(if bytes == 1 { 0xff } else { 0xffff });
        let zero = b.u32(0);
        let r = b.local("r", u, Some(zero));
        let in_one_word = |b: &mut IrBuilder| {
            let (w, s) = Self::split(b, ea);
            let word = self.read_word(b, w);
            let shifted = b.bin(B::ShiftRight, word, s);
            let v = b.bin(B::And, shifted, mask);
            b.store(r, v);
        };
        if bytes == 2 {
            // Only a half-word starting at the last byte of a word spans two words.
            let three = b.u32(3);
            let low = b.bin(B::And, ea, three);
            let spans = b.bin(B::Equal, low, three);
            b.if_else(
                spans,
                |b| {
                    if let Some(v) = b.call(load32, vec![ea], true) {
                        let v = b.bin(B::And, v, mask);
                        b.store(r, v);
                    }
                },
                in_one_word,
            );
        } else {
            in_one_word(&mut b);
        }
        let v = b.load(r);
        b.ret(Some(v));
        let h = module.functions.append(b.finish(), Span::UNDEFINED);
        if bytes == 1 {
            self.helpers.load8 = Some(h);
        } else {
            self.helpers.load16 = Some(h);
        }
        h
    }

    /// `store(ea, value, mask)`: writes the bytes of `value & mask` (mask 0xff, 0xffff or
    /// 0xffffffff) at `ea`. Whole words are single stores (atomic when `memory` is); partial
    /// words outside the thread's stack slot are `atomicAnd` + `atomicOr` (on `memory_atomic`
    /// when `memory` is plain), so bytes of the same word written by other threads are never
    /// lost, except with `StoreMode::Plain`, where they are plain read-modify-writes.
    pub fn store(&mut self, module: &mut Module) -> Handle<Function> {
        match self.helpers.store {
            Some(h) => h,
            None => {
                let h = self.build_store(module, false);
                self.helpers.store = Some(h);
                h
            }
        }
    }

    /// `store_own(ea, value, mask)`: [`Runtime::store`] for an access the translator knows to
    /// lie in the thread's own stack frame (`frame.rs`): with `StoreMode::AtomicPartial`, its
    /// partial words are plain read-modify-writes with no atomic path; otherwise the same
    /// helper as `store`.
    pub fn store_own(&mut self, module: &mut Module) -> Handle<Function> {
        if self.memory_atomic.is_none() {
            return self.store(module);
        }
        match self.helpers.store_own {
            Some(h) => h,
            None => {
                let h = self.build_store(module, true);
                self.helpers.store_own = Some(h);
                h
            }
        }
    }

    /// The store helper; `own`: the access is in the thread's own frame (see `store_own`).
    fn build_store(&mut self, module: &mut Module, own: bool) -> Handle<Function> {
        let u = u32_ty(module);
        let name = if own { "mem_store_own" } else { "mem_store" };
        let mut b = helper_fn(name, &[("ea", u), ("value", u), ("mask", u)], None);
        let ea = b.expr(Expression::FunctionArgument(0));
        let value = b.expr(Expression::FunctionArgument(1));
        let mask = b.expr(Expression::FunctionArgument(2));
        // Nothing happens once the thread has trapped (traps are recorded, not jumped to).
        let running = self.running(&mut b);
        b.open_block();
        let (w, s) = Self::split(&mut b, ea);
        let v = b.bin(B::And, value, mask);
        let m0 = b.bin(B::ShiftLeft, mask, s);
        let v0 = b.bin(B::ShiftLeft, v, s);
        let full = b.u32(u32::MAX);
        let whole = b.bin(B::Equal, m0, full);
        // Whether the access's words lie inside this thread's contiguous stack slot (only
        // asked with `private_plain`).
        let in_own_slot = |b: &mut IrBuilder| {
            let floor_p = b.expr(Expression::GlobalVariable(self.stack_floor));
            let floor = b.load(floor_p);
            let top_p = b.expr(Expression::GlobalVariable(self.stack_top));
            let top = b.load(top_p);
            let eight = b.u32(8);
            let above = b.bin(B::GreaterEqual, ea, floor);
            let end = b.bin(B::Add, ea, eight);
            let below = b.bin(B::LessEqual, end, top);
            b.bin(B::LogicalAnd, above, below)
        };
        // The bytes `m` of the word at `p` become those of `v`, by a plain read-modify-write
        // (right where no other thread writes the word) or by two atomics.
        let plain_merge = |b: &mut IrBuilder,
                           p: Handle<Expression>,
                           m: Handle<Expression>,
                           v: Handle<Expression>| {
            let not_m = b.un(UnaryOperator::BitwiseNot, m);
            let old = b.load(p);
            let kept = b.bin(B::And, old, not_m);
            let new = b.bin(B::InclusiveOr, kept, v);
            b.store(p, new);
        };
        let atomic_merge = |b: &mut IrBuilder,
                            p: Handle<Expression>,
                            m: Handle<Expression>,
                            v: Handle<Expression>| {
            let not_m = b.un(UnaryOperator::BitwiseNot, m);
            b.atomic(p, AtomicFunction::And, not_m, None);
            b.atomic(p, AtomicFunction::InclusiveOr, v, None);
        };
        let merge = |b: &mut IrBuilder,
                     word: Handle<Expression>,
                     m: Handle<Expression>,
                     v: Handle<Expression>| {
            if let Some(atomic_view) = self.memory_atomic.filter(|_| !own) {
                // Plain memory plus its atomic view: the word has one index in both. Always
                // atomic, also for a word that turns out to be on the stack: the stores the
                // translator can place in the thread's own frame use `store_own` instead, and
                // a branch between a plain and an atomic path in every inlined store cost more
                // than it saved (sha256 on the H200, docs/PERFORMANCE.md).
                let (index, _) = self.place_index(b, word);
                let g = b.expr(Expression::GlobalVariable(atomic_view));
                let p = b.access(g, index);
                atomic_merge(b, p, m, v);
                return;
            }
            self.at_word(b, word, &|b, p, own| {
                if self.plain_memory || own {
                    plain_merge(b, p, m, v);
                } else if self.private_plain {
                    let private = in_own_slot(b);
                    b.if_else(
                        private,
                        |b| plain_merge(b, p, m, v),
                        |b| atomic_merge(b, p, m, v),
                    );
                } else {
                    atomic_merge(b, p, m, v);
                }
            });
        };
        b.if_else(
            whole,
            |b| self.write_word(b, w, v0),
            |b| merge(b, w, m0, v0),
        );
        let zero = b.u32(0);
        let unaligned = b.bin(B::NotEqual, s, zero);
        let one = b.u32(1);
        let thirty_two = b.u32(32);
        b.if_then(unaligned, |b| {
            let rs = b.bin(B::Subtract, thirty_two, s);
            let m1 = b.bin(B::ShiftRight, mask, rs);
            let spills = b.bin(B::NotEqual, m1, zero);
            b.if_then(spills, |b| {
                let v1 = b.bin(B::ShiftRight, v, rs);
                let w1 = b.bin(B::Add, w, one);
                merge(b, w1, m1, v1);
            });
        });
        let guarded = b.close_block();
        b.stmt(naga::Statement::If {
            condition: running,
            accept: guarded,
            reject: naga::Block::new(),
        });
        module.functions.append(b.finish(), Span::UNDEFINED)
    }

    /// `oob(ea, size) -> bool`: whether `[ea, ea + size)` leaves linear memory. Re-reads the
    /// shared size before saying yes when another thread may have grown memory (`may_grow`).
    pub fn oob(&mut self, module: &mut Module) -> Handle<Function> {
        if let Some(h) = self.helpers.oob {
            return h;
        }
        let u = u32_ty(module);
        let boolt = scalar_type(&mut module.types, Scalar::BOOL);
        let mut b = helper_fn("mem_oob", &[("ea", u), ("size", u)], Some(boolt));
        let ea = b.expr(Expression::FunctionArgument(0));
        let size = b.expr(Expression::FunctionArgument(1));
        // `ea + size > bytes` without the 33-bit sum: `size > bytes || ea > bytes - size`. With
        // `size` a constant at each (inlined) call and `bytes` unchanged in a loop, the driver
        // hoists all but the last compare out of the loop.
        let outside = |b: &mut IrBuilder, bytes: Handle<Expression>| {
            let too_big = b.bin(B::Greater, size, bytes);
            let room = b.bin(B::Subtract, bytes, size);
            let past = b.bin(B::Greater, ea, room);
            b.bin(B::LogicalOr, too_big, past)
        };
        let r = b.local("r", boolt, None);
        let cached_p = b.expr(Expression::GlobalVariable(self.mem_bytes));
        let cached = b.load(cached_p);
        let out_cached = outside(&mut b, cached);
        b.store(r, out_cached);
        let may_grow_p = b.expr(Expression::GlobalVariable(self.may_grow));
        let may_grow = b.load(may_grow_p);
        let recheck = b.bin(B::LogicalAnd, out_cached, may_grow);
        b.if_then(recheck, |b| {
            let shared_p = self.control_word(b, control::MEMORY_BYTES);
            let shared = b.load(shared_p);
            b.store(cached_p, shared);
            let out = outside(b, shared);
            b.store(r, out);
        });
        let v = b.load(r);
        b.ret(Some(v));
        let h = module.functions.append(b.finish(), Span::UNDEFINED);
        self.helpers.oob = Some(h);
        h
    }

    /// `grow(delta_pages) -> old_pages or 0xffffffff`: a bounded compare-exchange loop on the
    /// shared size word.
    pub fn grow(&mut self, module: &mut Module) -> Handle<Function> {
        if let Some(h) = self.helpers.grow {
            return h;
        }
        let u = u32_ty(module);
        let cmpxchg_ty = module.generate_predeclared_type(
            naga::PredeclaredType::AtomicCompareExchangeWeakResult(Scalar::U32),
        );
        let mut b = helper_fn("mem_grow", &[("delta", u)], Some(u));
        let delta = b.expr(Expression::FunctionArgument(0));
        let fail = b.u32(u32::MAX);
        let zero = b.u32(0);
        let one = b.u32(1);
        let sixteen = b.u32(16);
        let tries = b.local("tries", u, Some(zero));
        let r = b.local("r", u, Some(fail));
        let cap_p = self.control_word(&mut b, control::MEMORY_CAPACITY);
        let size_p = self.control_word(&mut b, control::MEMORY_BYTES);
        let cached_p = b.expr(Expression::GlobalVariable(self.mem_bytes));
        // Nothing happens once the thread has trapped (traps are recorded, not jumped to).
        let running = self.running(&mut b);
        b.open_block();
        let cap = b.load(cap_p);
        let limit = b.u32(1024);
        b.loop_(|b| {
            let t = b.load(tries);
            let done = b.bin(B::GreaterEqual, t, limit);
            b.if_then(done, |b| b.stmt(naga::Statement::Break));
            let t1 = b.bin(B::Add, t, one);
            b.store(tries, t1);
            let old = b.load(size_p);
            let room = b.bin(B::Subtract, cap, old);
            let room_pages = b.bin(B::ShiftRight, room, sixteen);
            let too_big = b.bin(B::Greater, delta, room_pages);
            b.if_then(too_big, |b| b.stmt(naga::Statement::Break));
            let added = b.bin(B::ShiftLeft, delta, sixteen);
            let new = b.bin(B::Add, old, added);
            let res = b.expr(Expression::AtomicResult {
                ty: cmpxchg_ty,
                comparison: true,
            });
            b.stmt(naga::Statement::Atomic {
                pointer: size_p,
                fun: AtomicFunction::Exchange { compare: Some(old) },
                value: new,
                result: Some(res),
            });
            let exchanged = b.access_index(res, 1);
            b.if_then(exchanged, |b| {
                b.store(cached_p, new);
                let pages = b.bin(B::ShiftRight, old, sixteen);
                b.store(r, pages);
                b.stmt(naga::Statement::Break);
            });
        });
        let guarded = b.close_block();
        b.stmt(naga::Statement::If {
            condition: running,
            accept: guarded,
            reject: naga::Block::new(),
        });
        let v = b.load(r);
        self.mark_finished(&mut b);
        b.ret(Some(v));
        let h = module.functions.append(b.finish(), Span::UNDEFINED);
        self.helpers.grow = Some(h);
        h
    }

    /// `fill(dst, byte, n)`: bytes up to a word boundary, whole words, then the tail.
    pub fn fill(&mut self, module: &mut Module) -> Handle<Function> {
        if let Some(h) = self.helpers.fill {
            return h;
        }
        let store = self.store(module);
        let u = u32_ty(module);
        let boolt = scalar_type(&mut module.types, Scalar::BOOL);
        let mut b = helper_fn(
            "mem_fill",
            &[("dst", u), ("value", u), ("n", u)],
            Some(boolt),
        );
        let dst = b.expr(Expression::FunctionArgument(0));
        let value = b.expr(Expression::FunctionArgument(1));
        let n = b.expr(Expression::FunctionArgument(2));
        let zero = b.u32(0);
        let one = b.u32(1);
        let two = b.u32(2);
        let three = b.u32(3);
        let four = b.u32(4);
        let byte_mask = b.u32(0xff);
        let i = b.local("i", u, Some(zero));
        let complete_at = b.local("complete_at", u, Some(zero));
        b.store(complete_at, n);
        // Nothing happens once the thread has trapped (traps are recorded, not jumped to).
        let running = self.running(&mut b);
        b.open_block();
        let byte = b.bin(B::And, value, byte_mask);
        let splat = b.u32(0x0101_0101);
        let word = b.bin(B::Multiply, byte, splat);
        // Head: until dst + i is word aligned.
        b.loop_(|b| {
            let iv = b.load(i);
            let at_end = b.bin(B::GreaterEqual, iv, n);
            let a = b.bin(B::Add, dst, iv);
            let low = b.bin(B::And, a, three);
            let aligned = b.bin(B::Equal, low, zero);
            let stop = b.bin(B::LogicalOr, at_end, aligned);
            b.if_then(stop, |b| b.stmt(naga::Statement::Break));
            b.call(store, vec![a, byte, byte_mask], false);
            let next = b.bin(B::Add, iv, one);
            b.store(i, next);
        });
        // Body: whole words, FILL_UNROLL per loop pass (lavapipe's loop cap counts passes;
        // plain word stores are small, so the copies each call site gets stay cheap).
        b.loop_(|b| {
            for _ in 0..FILL_UNROLL {
                let iv = b.load(i);
                let rest = b.bin(B::Subtract, n, iv);
                let short = b.bin(B::Less, rest, four);
                let past = b.bin(B::Greater, iv, n);
                let stop = b.bin(B::LogicalOr, short, past);
                b.if_then(stop, |b| b.stmt(naga::Statement::Break));
                let a = b.bin(B::Add, dst, iv);
                let w = b.bin(B::ShiftRight, a, two);
                self.write_word(b, w, word);
                let next = b.bin(B::Add, iv, four);
                b.store(i, next);
            }
        });
        // Tail.
        b.loop_(|b| {
            let iv = b.load(i);
            let at_end = b.bin(B::GreaterEqual, iv, n);
            b.if_then(at_end, |b| b.stmt(naga::Statement::Break));
            let a = b.bin(B::Add, dst, iv);
            b.call(store, vec![a, byte, byte_mask], false);
            let next = b.bin(B::Add, iv, one);
            b.store(i, next);
        });
        let h = self.finish_bulk(module, b, running, i, complete_at);
        self.helpers.fill = Some(h);
        h
    }

    /// `copy(dst, src, n)` with `memmove` semantics: forward when `dst <= src`, else backward.
    /// Bytes until the destination is word aligned, then whole destination words (the source
    /// read at any alignment with `load32`), then the last bytes. Few loop passes matter:
    /// lavapipe ends a thread's loops after 65,535 passes in total. Reading a source word
    /// before writing its destination word keeps overlapping copies right in both directions
    /// (the words written are never read again).
    pub fn copy(&mut self, module: &mut Module) -> Handle<Function> {
        if let Some(h) = self.helpers.copy {
            return h;
        }
        let store = self.store(module);
        let load8 = self.load_narrow(module, 1);
        let load32 = self.load32(module);
        let u = u32_ty(module);
        let boolt = scalar_type(&mut module.types, Scalar::BOOL);
        let mut b = helper_fn("mem_copy", &[("dst", u), ("src", u), ("n", u)], Some(boolt));
        let dst = b.expr(Expression::FunctionArgument(0));
        let src = b.expr(Expression::FunctionArgument(1));
        let n = b.expr(Expression::FunctionArgument(2));
        let zero = b.u32(0);
        let one = b.u32(1);
        let two = b.u32(2);
        let three = b.u32(3);
        let four = b.u32(4);
        let byte_mask = b.u32(0xff);
        let i = b.local("i", u, Some(zero));
        let complete_at = b.local("complete_at", u, Some(zero));
        b.store(complete_at, n);
        let copy_byte = |b: &mut IrBuilder, iv: Handle<Expression>| {
            let s = b.bin(B::Add, src, iv);
            let d = b.bin(B::Add, dst, iv);
            if let Some(v) = b.call(load8, vec![s], true) {
                b.call(store, vec![d, v, byte_mask], false);
            }
        };
        // The destination word at `dst + iv` (aligned) gets the four source bytes at `src + iv`.
        let copy_word = |b: &mut IrBuilder, iv: Handle<Expression>| {
            let s = b.bin(B::Add, src, iv);
            if let Some(v) = b.call(load32, vec![s], true) {
                let d = b.bin(B::Add, dst, iv);
                let dw = b.bin(B::ShiftRight, d, two);
                self.write_word(b, dw, v);
            }
        };
        // Nothing happens once the thread has trapped (traps are recorded, not jumped to).
        let running = self.running(&mut b);
        b.open_block();
        // One loop for both directions and both step sizes: drivers that inline every call
        // (Mesa does) copy this body to each `memory.copy` site, so it stays small. `i` counts
        // from 0 up to `n` (forward) or from `n` down to 0 (backward); a step moves a whole
        // destination word when `dst + i` is word aligned and 4 bytes remain, else one byte.
        let backward = b.bin(B::Greater, dst, src);
        b.if_then(backward, |b| {
            b.store(i, n);
            b.store(complete_at, zero);
        });
        b.loop_(|b| {
            let iv = b.load(i);
            let left_fwd = b.bin(B::Subtract, n, iv);
            let left = b.select(backward, iv, left_fwd);
            let done = b.bin(B::Equal, left, zero);
            b.if_then(done, |b| b.stmt(naga::Statement::Break));
            let d = b.bin(B::Add, dst, iv);
            let low = b.bin(B::And, d, three);
            let aligned = b.bin(B::Equal, low, zero);
            let room = b.bin(B::GreaterEqual, left, four);
            let word = b.bin(B::LogicalAnd, aligned, room);
            let size = b.select(word, four, one);
            let back_k = b.bin(B::Subtract, iv, size);
            let k = b.select(backward, back_k, iv);
            let fwd_next = b.bin(B::Add, iv, size);
            let next = b.select(backward, back_k, fwd_next);
            b.store(i, next);
            b.if_else(word, |b| copy_word(b, k), |b| copy_byte(b, k));
        });
        let h = self.finish_bulk(module, b, running, i, complete_at);
        self.helpers.copy = Some(h);
        h
    }

    /// `init(dst, data_byte_offset, n)`: copies bytes of the `data` binding into memory.
    pub fn init(&mut self, module: &mut Module) -> Handle<Function> {
        if let Some(h) = self.helpers.init {
            return h;
        }
        let store = self.store(module);
        let u = u32_ty(module);
        let boolt = scalar_type(&mut module.types, Scalar::BOOL);
        let mut b = helper_fn("mem_init", &[("dst", u), ("src", u), ("n", u)], Some(boolt));
        let dst = b.expr(Expression::FunctionArgument(0));
        let src = b.expr(Expression::FunctionArgument(1));
        let n = b.expr(Expression::FunctionArgument(2));
        let zero = b.u32(0);
        let one = b.u32(1);
        let byte_mask = b.u32(0xff);
        let i = b.local("i", u, Some(zero));
        let complete_at = b.local("complete_at", u, Some(zero));
        b.store(complete_at, n);
        let data = b.expr(Expression::GlobalVariable(self.data));
        // Nothing happens once the thread has trapped (traps are recorded, not jumped to).
        let running = self.running(&mut b);
        b.open_block();
        b.loop_(|b| {
            let iv = b.load(i);
            let at_end = b.bin(B::GreaterEqual, iv, n);
            b.if_then(at_end, |b| b.stmt(naga::Statement::Break));
            let s = b.bin(B::Add, src, iv);
            let (w, sh) = Self::split(b, s);
            let p = b.access(data, w);
            let word = b.load(p);
            let v = b.bin(B::ShiftRight, word, sh);
            let d = b.bin(B::Add, dst, iv);
            b.call(store, vec![d, v, byte_mask], false);
            let next = b.bin(B::Add, iv, one);
            b.store(i, next);
        });
        let h = self.finish_bulk(module, b, running, i, complete_at);
        self.helpers.init = Some(h);
        h
    }
}

/// The value of a private or uniform global variable.
fn load_global(b: &mut IrBuilder, v: Handle<GlobalVariable>) -> Handle<Expression> {
    let p = b.expr(Expression::GlobalVariable(v));
    b.load(p)
}
