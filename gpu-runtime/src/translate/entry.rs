//! Compute entry points: one per selected export. Each invocation takes a slot and loads once
//! what all its threads share (memory size, globals, stack bounds, arguments: no atomic load of
//! `control` inside the loop), then loops over the threads of its slot, and per thread: resets
//! the trap state, sets the globals and the shadow stack, calls the wasm function and writes
//! its status and results (see [`abi`](super::abi)). Traps and thread 0's final globals are
//! kept in locals and written to `control` once after the loop, so the loop body has no
//! atomics of its own and the driver may overlap one thread's memory accesses with the next
//! one's (docs/PERFORMANCE.md, third-session change 3).

use naga::{
    BinaryOperator as B, Binding, BuiltIn, EntryPoint, Expression, Function, FunctionArgument,
    Handle, Module, ScalarKind, ShaderStage, Span, Statement, Type, TypeInner, VectorSize,
};

use super::abi::{control, params, EntryLayout, GlobalLayout, ValType, WORKGROUP_SIZE};
use super::builder::IrBuilder;
use super::func::FuncInfo;
use super::runtime::Runtime;

type H = Handle<Expression>;

/// What an entry point needs to know about the module.
#[derive(Debug)]
pub struct EntryContext<'a> {
    pub globals: &'a [GlobalLayout],
    /// See [`ModuleLayout::globals_shadow`](super::abi::ModuleLayout::globals_shadow).
    pub globals_shadow: u32,
    pub stack_pointer: Option<u32>,
    /// Whether code reachable from the entry can execute `memory.grow` (see
    /// [`Runtime::may_grow`]).
    pub may_grow: bool,
}

fn word(b: &mut IrBuilder, array: Handle<naga::GlobalVariable>, index: H) -> H {
    let g = b.expr(Expression::GlobalVariable(array));
    b.access(g, index)
}

fn word_at(b: &mut IrBuilder, array: Handle<naga::GlobalVariable>, index: u32) -> H {
    let i = b.u32(index);
    word(b, array, i)
}

/// A value of type `t` from its words (low word first).
/// The value of type `t` stored at `array[word..]` (one or two words).
fn load_value(b: &mut IrBuilder, array: Handle<naga::GlobalVariable>, word: u32, t: ValType) -> H {
    let lo_p = word_at(b, array, word);
    let lo = b.load(lo_p);
    let hi = (t.words() == 2).then(|| {
        let hi_p = word_at(b, array, word + 1);
        b.load(hi_p)
    });
    decode(b, t, lo, hi)
}

pub(super) fn decode(b: &mut IrBuilder, t: ValType, lo: H, hi: Option<H>) -> H {
    match (t, hi) {
        (ValType::F32, _) => b.bitcast(lo, ScalarKind::Float),
        (ValType::I32 | ValType::FuncRef | ValType::ExternRef, _) | (_, None) => lo,
        (_, Some(hi)) => {
            let lo64 = b.convert(lo, ScalarKind::Uint, 8);
            let hi64 = b.convert(hi, ScalarKind::Uint, 8);
            let k = b.u32(32);
            let hs = b.bin(B::ShiftLeft, hi64, k);
            let v = b.bin(B::InclusiveOr, lo64, hs);
            if t == ValType::F64 {
                b.bitcast(v, ScalarKind::Float)
            } else {
                v
            }
        }
    }
}

/// The words of a value (low first).
pub(super) fn encode(b: &mut IrBuilder, t: ValType, v: H) -> Vec<H> {
    match t {
        ValType::I32 | ValType::FuncRef | ValType::ExternRef => vec![v],
        ValType::F32 => vec![b.bitcast(v, ScalarKind::Uint)],
        ValType::I64 | ValType::F64 => {
            let bits = if t == ValType::F64 {
                b.bitcast(v, ScalarKind::Uint)
            } else {
                v
            };
            let lo = b.convert(bits, ScalarKind::Uint, 4);
            let k = b.u32(32);
            let h = b.bin(B::ShiftRight, bits, k);
            let hi = b.convert(h, ScalarKind::Uint, 4);
            vec![lo, hi]
        }
    }
}

/// Builds the entry point for `entry`, calling the translated `callee`.
pub fn build(
    module: &mut Module,
    rt: &Runtime,
    ctx: &EntryContext<'_>,
    entry: &EntryLayout,
    callee: &FuncInfo,
) -> EntryPoint {
    let u32_t = super::runtime::u32_ty(module);
    let global_types: Vec<Handle<Type>> = rt
        .globals
        .iter()
        .map(|g| module.global_variables[*g].ty)
        .collect();
    let bool_t = module.types.insert(
        Type {
            name: None,
            inner: TypeInner::Scalar(naga::Scalar::BOOL),
        },
        Span::UNDEFINED,
    );
    let vec3 = module.types.insert(
        Type {
            name: None,
            inner: TypeInner::Vector {
                size: VectorSize::Tri,
                scalar: naga::Scalar::U32,
            },
        },
        Span::UNDEFINED,
    );
    let mut b = IrBuilder::new(Function {
        name: Some(entry.entry_point.clone()),
        arguments: vec![FunctionArgument {
            name: Some("gid".into()),
            ty: vec3,
            binding: Some(Binding::BuiltIn(BuiltIn::GlobalInvocationId)),
        }],
        ..Function::default()
    });
    let gid = b.expr(Expression::FunctionArgument(0));
    let slot = b.access_index(gid, 0);
    let p = word_at(&mut b, rt.params, params::SLOT_COUNT);
    let slot_count = b.load(p);
    let active = b.bin(B::Less, slot, slot_count);
    b.open_block();
    let p = word_at(&mut b, rt.params, params::THREAD_BASE);
    let base = b.load(p);
    let p = word_at(&mut b, rt.params, params::THREAD_END);
    let end = b.load(p);
    let first = b.bin(B::Add, base, slot);
    let zero = b.u32(0);
    let t_var = b.local("thread", u32_t, Some(zero));
    b.store(t_var, first);
    let stride = entry.result_stride();
    let start = invocation_start(&mut b, rt, ctx, entry, slot);
    let record = TrapRecord::new(&mut b, rt, u32_t);
    let keep = KeptGlobals::new(&mut b, ctx, &global_types, bool_t);
    // Sparse status words (`EntryLayout::sparse_status`): the threads this invocation ran.
    let ran = entry
        .sparse_status()
        .then(|| b.local("ran", u32_t, Some(zero)));

    b.loop_(|b| {
        let t = b.load(t_var);
        let done = b.bin(B::GreaterEqual, t, end);
        b.if_then(done, |b| b.stmt(Statement::Break));
        run_thread(
            b, rt, ctx, entry, callee, &start, &record, &keep, t, base, stride,
        );
        if let Some(ran) = ran {
            let n = b.load(ran);
            let one = b.u32(1);
            let n1 = b.bin(B::Add, n, one);
            b.store(ran, n1);
        }
        // Step to this slot's next thread without wrapping past u32::MAX.
        let left = b.bin(B::Subtract, end, t);
        let last = b.bin(B::LessEqual, left, slot_count);
        b.if_then(last, |b| b.stmt(Statement::Break));
        let next = b.bin(B::Add, t, slot_count);
        b.store(t_var, next);
    });
    if let Some(ran) = ran {
        let count = b.bin(B::Subtract, end, base);
        let at = b.bin(B::Add, count, slot);
        let p = word(&mut b, rt.results, at);
        let n = b.load(ran);
        b.store(p, n);
    }
    record.report(&mut b, rt);
    keep.write(&mut b, rt, ctx);
    // Slots past SLOT_COUNT (the last workgroup's tail) do nothing; no early return.
    let body = b.close_block();
    b.stmt(Statement::If {
        condition: active,
        accept: body,
        reject: naga::Block::new(),
    });
    EntryPoint {
        name: entry.entry_point.clone(),
        stage: ShaderStage::Compute,
        early_depth_test: None,
        workgroup_size: [WORKGROUP_SIZE, 1, 1],
        workgroup_size_overrides: None,
        function: b.finish(),
        mesh_info: None,
        task_payload: None,
        incoming_ray_payload: None,
    }
}

/// What is the same for every thread of an invocation, loaded once before its thread loop:
/// nothing in the loop then reads `control` (an atomic, L2-only load on the GPU), so the driver
/// is free to overlap one thread's memory traffic with the next one's.
struct InvocationStart {
    slot: H,
    mem_bytes: H,
    globals: Vec<H>,
    cs_base: H,
    cs_end: H,
    /// Stack floor and top of the slot, when the module has a stack.
    stack: Option<(H, H)>,
    /// Values of the interleaved layout's variables, in `InterleavedStack` order.
    interleave: Option<[H; 4]>,
    args: Vec<H>,
    opaque_zero: Option<H>,
}

fn invocation_start(
    b: &mut IrBuilder,
    rt: &Runtime,
    ctx: &EntryContext<'_>,
    entry: &EntryLayout,
    slot: H,
) -> InvocationStart {
    // Memory may grow while the invocation runs: an access past this size reloads it before
    // it traps (`mem_oob`), so a stale value costs time, never a wrong trap.
    let shared = word_at(b, rt.control, control::MEMORY_BYTES);
    let mem_bytes = b.load(shared);
    let globals = ctx
        .globals
        .iter()
        .map(|g| load_value(b, rt.control, g.word, g.ty))
        .collect();
    // This slot's call stack (for recursive functions).
    let p = word_at(b, rt.params, params::CALL_STACK_WORDS);
    let cs_words = b.load(p);
    let cs_base = b.bin(B::Multiply, slot, cs_words);
    let cs_end = b.bin(B::Add, cs_base, cs_words);
    let mut interleave = None;
    let stack = ctx.stack_pointer.map(|_| {
        let p = word_at(b, rt.params, params::STACK_BASE);
        let stack_base = b.load(p);
        let p = word_at(b, rt.params, params::STACK_SIZE);
        let stack_size = b.load(p);
        let below = b.bin(B::Multiply, slot, stack_size);
        let floor = b.bin(B::Add, stack_base, below);
        let top = b.bin(B::Add, floor, stack_size);
        if rt.interleave.is_some() {
            let two = b.u32(2);
            let base_word = b.bin(B::ShiftRight, stack_base, two);
            let slot_words = b.bin(B::ShiftRight, stack_size, two);
            let shift = b.math1(naga::MathFunction::CountTrailingZeros, slot_words);
            let p = word_at(b, rt.params, params::SLOT_COUNT);
            let slots = b.load(p);
            let region = b.bin(B::ShiftLeft, slots, shift);
            interleave = Some([base_word, region, shift, slots]);
        }
        (floor, top)
    });
    let mut args = Vec::new();
    let mut w = params::ARGS;
    for t_arg in &entry.params {
        args.push(load_value(b, rt.params, w, *t_arg));
        w += t_arg.words();
    }
    // The word after the arguments, always 0 (abi::params).
    let opaque_zero = rt.opaque_zero.map(|_| {
        let p = word_at(b, rt.params, w);
        b.load(p)
    });
    InvocationStart {
        slot,
        mem_bytes,
        globals,
        cs_base,
        cs_end,
        stack,
        interleave,
        args,
        opaque_zero,
    }
}

/// The first trap among an invocation's threads and how many trapped, kept in locals and
/// reported to `control` once after the thread loop (one `atomicAdd` per invocation that saw a
/// trap, instead of atomics inside the loop).
struct TrapRecord {
    count: H,
    thread: H,
    code: H,
    func: H,
    panic_at: Vec<H>,
}

impl TrapRecord {
    fn new(b: &mut IrBuilder, rt: &Runtime, u32_t: Handle<Type>) -> TrapRecord {
        let mut local = |name: &str| {
            let zero = b.u32(0);
            b.local(name, u32_t, Some(zero))
        };
        TrapRecord {
            count: local("trapped"),
            thread: local("trap_thread"),
            code: local("first_trap_code"),
            func: local("first_trap_func"),
            panic_at: (0..rt.panic_at.len())
                .map(|k| local(&format!("first_panic{k}")))
                .collect(),
        }
    }

    /// Called for a thread that trapped with `code`.
    fn note(&self, b: &mut IrBuilder, rt: &Runtime, t: H, code: H) {
        let n = b.load(self.count);
        let zero = b.u32(0);
        let is_first = b.bin(B::Equal, n, zero);
        b.if_then(is_first, |b| {
            b.store(self.thread, t);
            b.store(self.code, code);
            let func_p = b.expr(Expression::GlobalVariable(rt.trap_func));
            let func = b.load(func_p);
            b.store(self.func, func);
            for (var, local) in rt.panic_at.iter().zip(&self.panic_at) {
                let gp = b.expr(Expression::GlobalVariable(*var));
                let v = b.load(gp);
                b.store(*local, v);
            }
        });
        let one = b.u32(1);
        let n1 = b.bin(B::Add, n, one);
        b.store(self.count, n1);
    }

    /// After the loop: add the count to `TRAP_COUNT`; the invocation that finds it zero writes
    /// its first trap as the run's.
    fn report(&self, b: &mut IrBuilder, rt: &Runtime) {
        let n = b.load(self.count);
        let zero = b.u32(0);
        let any = b.bin(B::NotEqual, n, zero);
        b.if_then(any, |b| {
            let count_p = word_at(b, rt.control, control::TRAP_COUNT);
            let old = b.expr(Expression::AtomicResult {
                ty: rt.u32_type,
                comparison: false,
            });
            b.stmt(Statement::Atomic {
                pointer: count_p,
                fun: naga::AtomicFunction::Add,
                value: n,
                result: Some(old),
            });
            let zero = b.u32(0);
            let first = b.bin(B::Equal, old, zero);
            b.if_then(first, |b| {
                let code = b.load(self.code);
                let kind_shift = b.u32(super::runtime::TRAP_OFFSET_BITS);
                let kind = b.bin(B::ShiftRight, code, kind_shift);
                let off_mask = b.u32((1 << super::runtime::TRAP_OFFSET_BITS) - 1);
                let off = b.bin(B::And, code, off_mask);
                let thread = b.load(self.thread);
                let func = b.load(self.func);
                for (wi, v) in [
                    (control::TRAP_THREAD, thread),
                    (control::TRAP_KIND, kind),
                    (control::TRAP_FUNCTION, func),
                    (control::TRAP_OFFSET, off),
                ] {
                    let p = word_at(b, rt.control, wi);
                    b.store(p, v);
                }
                // Meaningful only for a panic; other kinds leave whatever a panic left.
                for (k, local) in self.panic_at.iter().enumerate() {
                    let v = b.load(*local);
                    let p = word_at(b, rt.control, control::PANIC_FILE + k as u32);
                    b.store(p, v);
                }
            });
        });
    }
}

/// Thread 0's final mutable globals, kept in locals by the invocation that ran thread 0 and
/// written to the shadow copy after its loop (the host applies it after the run; threads
/// starting later still see the run's start values).
struct KeptGlobals {
    kept: H,
    values: Vec<Option<H>>,
}

impl KeptGlobals {
    fn new(
        b: &mut IrBuilder,
        ctx: &EntryContext<'_>,
        types: &[Handle<Type>],
        bool_t: Handle<Type>,
    ) -> KeptGlobals {
        let no = b.lit(naga::Literal::Bool(false));
        let kept = b.local("kept_globals", bool_t, Some(no));
        let values = ctx
            .globals
            .iter()
            .enumerate()
            .map(|(i, g)| {
                (g.mutable && Some(i as u32) != ctx.stack_pointer)
                    .then(|| b.local(format!("kept_global{i}"), types[i], None))
            })
            .collect();
        KeptGlobals { kept, values }
    }

    /// In the loop, after thread `t` finished cleanly.
    fn note(&self, b: &mut IrBuilder, rt: &Runtime, t: H, ok: H) {
        if self.values.iter().all(Option::is_none) {
            return;
        }
        let zero = b.u32(0);
        let is_zero = b.bin(B::Equal, t, zero);
        let keep = b.bin(B::LogicalAnd, is_zero, ok);
        b.if_then(keep, |b| {
            let yes = b.lit(naga::Literal::Bool(true));
            b.store(self.kept, yes);
            for (i, local) in self.values.iter().enumerate() {
                if let Some(local) = local {
                    let gp = b.expr(Expression::GlobalVariable(rt.globals[i]));
                    let v = b.load(gp);
                    b.store(*local, v);
                }
            }
        });
    }

    fn write(&self, b: &mut IrBuilder, rt: &Runtime, ctx: &EntryContext<'_>) {
        if self.values.iter().all(Option::is_none) {
            return;
        }
        let kept = b.load(self.kept);
        b.if_then(kept, |b| {
            for (i, g) in ctx.globals.iter().enumerate() {
                let Some(local) = self.values[i] else {
                    continue;
                };
                let v = b.load(local);
                for (k, word_v) in encode(b, g.ty, v).into_iter().enumerate() {
                    let shadow = ctx.globals_shadow + (g.word - control::GLOBALS);
                    let p = word_at(b, rt.control, shadow + k as u32);
                    b.store(p, word_v);
                }
            }
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn run_thread(
    b: &mut IrBuilder,
    rt: &Runtime,
    ctx: &EntryContext<'_>,
    entry: &EntryLayout,
    callee: &FuncInfo,
    start: &InvocationStart,
    record: &TrapRecord,
    keep: &KeptGlobals,
    t: H,
    base: H,
    stride: u32,
) {
    let zero = b.u32(0);
    let trap_p = b.expr(Expression::GlobalVariable(rt.trap_code));
    b.store(trap_p, zero);
    let tid_p = b.expr(Expression::GlobalVariable(rt.thread_id));
    b.store(tid_p, t);
    let inv_p = b.expr(Expression::GlobalVariable(rt.invocation));
    b.store(inv_p, start.slot);
    let csp_p = b.expr(Expression::GlobalVariable(rt.csp));
    b.store(csp_p, start.cs_base);
    let limit_p = b.expr(Expression::GlobalVariable(rt.cs_limit));
    b.store(limit_p, start.cs_end);
    let mem_p = b.expr(Expression::GlobalVariable(rt.mem_bytes));
    b.store(mem_p, start.mem_bytes);
    let grow_p = b.expr(Expression::GlobalVariable(rt.may_grow));
    let may_grow = b.lit(naga::Literal::Bool(ctx.may_grow));
    b.store(grow_p, may_grow);
    for (i, v) in start.globals.iter().enumerate() {
        let gp = b.expr(Expression::GlobalVariable(rt.globals[i]));
        b.store(gp, *v);
    }
    if let (Some(sp), Some((floor, top))) = (ctx.stack_pointer, start.stack) {
        let floor_p = b.expr(Expression::GlobalVariable(rt.stack_floor));
        b.store(floor_p, floor);
        let top_p = b.expr(Expression::GlobalVariable(rt.stack_top));
        b.store(top_p, top);
        let gp = b.expr(Expression::GlobalVariable(rt.globals[sp as usize]));
        b.store(gp, top);
    }
    if let (Some(st), Some(values)) = (rt.interleave, start.interleave) {
        for (var, v) in [st.base_word, st.region_words, st.slot_shift, st.slots]
            .into_iter()
            .zip(values)
        {
            let p = b.expr(Expression::GlobalVariable(var));
            b.store(p, v);
        }
    }
    if let (Some(zero_var), Some(v)) = (rt.opaque_zero, start.opaque_zero) {
        let zp = b.expr(Expression::GlobalVariable(zero_var));
        b.store(zp, v);
    }
    let fin_p = b.expr(Expression::GlobalVariable(rt.finished));
    b.store(fin_p, zero);
    let result = b.call(
        callee.handle,
        start.args.clone(),
        callee.result_ty.is_some(),
    );
    // A callee that never reached its return was cut by the driver's loop cap.
    let fin = b.load(fin_p);
    let cut = b.bin(B::Equal, fin, zero);
    let code_before = b.load(trap_p);
    let clean = b.bin(B::Equal, code_before, zero);
    let first = b.bin(B::LogicalAnd, cut, clean);
    let limit = b.u32(super::runtime::trap_code(
        super::abi::TrapKind::LoopLimit,
        0,
    ));
    let code_after = b.select(first, limit, code_before);
    b.store(trap_p, code_after);
    let func_p = b.expr(Expression::GlobalVariable(rt.trap_func));
    let func_before = b.load(func_p);
    let me = b.u32(entry.func_index);
    let func_after = b.select(first, me, func_before);
    b.store(func_p, func_after);

    let rel = b.bin(B::Subtract, t, base);
    let stride_h = b.u32(stride);
    let at = b.bin(B::Multiply, rel, stride_h);
    let code = b.load(trap_p);
    let kind_shift = b.u32(super::runtime::TRAP_OFFSET_BITS);
    let kind = b.bin(B::ShiftRight, code, kind_shift);
    let status_p = word(b, rt.results, at);
    let done = b.u32(super::abi::STATUS_DONE);
    let status = b.bin(B::InclusiveOr, kind, done);
    let sparse = entry.sparse_status();
    if !sparse {
        b.store(status_p, status);
    }
    let ok = b.bin(B::Equal, kind, zero);
    b.if_else(
        ok,
        |b| {
            let Some(r) = result else { return };
            let values: Vec<(H, ValType)> = if entry.results.len() == 1 {
                vec![(r, entry.results[0])]
            } else {
                entry
                    .results
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (b.access_index(r, i as u32), *t))
                    .collect()
            };
            let mut k = 1;
            for (v, ty) in values {
                for word_v in encode(b, ty, v) {
                    let off = b.u32(k);
                    let i = b.bin(B::Add, at, off);
                    let p = word(b, rt.results, i);
                    b.store(p, word_v);
                    k += 1;
                }
            }
        },
        |b| {
            if sparse {
                b.store(status_p, status);
            }
            record.note(b, rt, t, code)
        },
    );
    keep.note(b, rt, t, ok);
}
