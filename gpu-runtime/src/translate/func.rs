//! [`FuncTranslator`]: translates one wasm function body into one naga function.
//!
//! It keeps the wasm operand stack as naga expression handles, the control stack of
//! [`ControlFrame`]s, and an explicit `reachable` flag: code after `br`, `return` or
//! `unreachable` is skipped until the end of its frame (only block structure is tracked there).

use std::collections::{BTreeMap, BTreeSet};

use naga::{
    BinaryOperator as B, Expression, Function, FunctionArgument, FunctionResult, Handle, Module,
    Span, Statement, StructMember, Type, TypeInner,
};
use wasmparser::BlockType;

use super::abi::{PassiveData, PassiveElem, TableLayout, TrapKind, ValType};
use super::access_groups;
use super::body_ops;
use super::builder::IrBuilder;
use super::counted_loops;
use super::env::{val_type, ModuleEnv, Signature};
use super::loop_invariants::{self, EntryAligned, Versioned};
use super::ops::OpVisitor;
use super::private_frames::{self, Event, SpecKey};
use super::recursion::SccCtx;
use super::runtime::{val_ty, Runtime};
use super::stack::{ControlFrame, FrameKind};
use super::store_groups::{self, StoreRole};
use super::{Location, TranslateError};

/// A translated function, for callers.
#[derive(Debug, Clone)]
pub struct FuncInfo {
    pub handle: Handle<Function>,
    /// The naga result type: none, a scalar, or a struct of the results.
    pub result_ty: Option<Handle<Type>>,
    pub sig: Signature,
}

/// What every function translation shares.
#[derive(Debug)]
pub struct Shared<'a, 'w> {
    pub env: &'a ModuleEnv<'w>,
    pub module: &'a mut Module,
    pub rt: &'a mut Runtime,
    pub funcs: &'a BTreeMap<u32, FuncInfo>,
    pub passive: &'a BTreeMap<u32, PassiveData>,
    /// Tables kept in `control` (empty when tables are translation-time constants).
    pub tables: &'a [TableLayout],
    /// Passive element segments, by segment index.
    pub elems: &'a BTreeMap<u32, PassiveElem>,
    pub stack_pointer: Option<u32>,
    pub detect_loop_limit: bool,
    pub exact_floats: bool,
    /// Frame locals by function (`frame.rs`); empty when the stack depth is not bounded.
    pub frames: &'a BTreeMap<u32, BTreeMap<u32, u32>>,
    /// Private frames (`private_frames.rs`).
    pub plan: &'a private_frames::Plan,
    /// The copies of functions translated for callers passing frame addresses.
    pub spec_funcs: &'a BTreeMap<SpecKey, FuncInfo>,
}

impl<'w> Shared<'_, 'w> {
    /// The same references, borrowed for a shorter time.
    pub fn reborrow(&mut self) -> Shared<'_, 'w> {
        Shared {
            env: self.env,
            module: self.module,
            rt: self.rt,
            funcs: self.funcs,
            passive: self.passive,
            tables: self.tables,
            elems: self.elems,
            stack_pointer: self.stack_pointer,
            detect_loop_limit: self.detect_loop_limit,
            exact_floats: self.exact_floats,
            frames: self.frames,
            plan: self.plan,
            spec_funcs: self.spec_funcs,
        }
    }
}

/// The naga type of a list of results: none, the scalar, or a struct with one member each.
pub fn result_type(module: &mut Module, results: &[ValType]) -> Option<Handle<Type>> {
    match results {
        [] => None,
        [one] => Some(val_ty(module, *one)),
        many => {
            let mut members = Vec::new();
            let mut offset = 0u32;
            let mut align = 4u32;
            for (i, t) in many.iter().enumerate() {
                let size = t.words() * 4;
                offset = offset.div_ceil(size) * size;
                align = align.max(size);
                members.push(StructMember {
                    name: Some(format!("r{i}")),
                    ty: val_ty(module, *t),
                    binding: None,
                    offset,
                });
                offset += size;
            }
            let span = offset.div_ceil(align) * align;
            Some(module.types.insert(
                Type {
                    name: Some(format!(
                        "Results_{}",
                        many.iter().map(|t| t.to_string()).collect::<Vec<_>>().join("_")
                    )),
                    inner: TypeInner::Struct { members, span },
                },
                Span::UNDEFINED,
            ))
        }
    }
}

/// An operand stack entry.
///
/// `local.get` is deferred: loading every local where `local.get` runs keeps all those values
/// live until their use, and rustc output often pushes dozens of locals before an operator that
/// consumes them all (lavapipe miscompiles a function with about 80 such values live across an
/// `if`). The load happens when the value is used instead, which is the same value unless the
/// local is written first: `local.set`/`local.tee` load the deferred copies of that local before
/// storing, and opening a construct loads all of them in the enclosing block.
#[derive(Debug, Clone, Copy)]
pub enum Operand {
    Expr(Handle<Expression>),
    Local(u32),
}

/// No pending branch in the `brk` local.
pub const NO_BRANCH: u32 = u32::MAX;

/// In `brk`: a wasm loop's body reached its end (see `detect_loop_limit`).
pub const LOOP_FINISHED: u32 = u32::MAX - 1;

/// Translates one function.
#[derive(Debug)]
pub struct FuncTranslator<'a, 'w> {
    pub env: &'a ModuleEnv<'w>,
    pub module: &'a mut Module,
    pub rt: &'a mut Runtime,
    pub funcs: &'a BTreeMap<u32, FuncInfo>,
    pub passive: &'a BTreeMap<u32, PassiveData>,
    pub tables: &'a [TableLayout],
    pub elems: &'a BTreeMap<u32, PassiveElem>,
    pub stack_pointer: Option<u32>,
    pub detect_loop_limit: bool,
    pub exact_floats: bool,
    pub b: IrBuilder,
    pub func_index: u32,
    pub result_ty: Option<Handle<Type>>,
    pub locals: Vec<(Handle<Expression>, ValType)>,
    /// The operand stack; `local.get` is pushed as [`Operand::Local`] and loaded only when
    /// used (see [`Operand`]).
    pub stack: Vec<(Operand, ValType)>,
    pub control: Vec<ControlFrame>,
    pub reachable: bool,
    brk: Option<Handle<Expression>>,
    pub offset: usize,
    /// Set while translating a member of a call cycle (see `recursion.rs`).
    pub scc: Option<SccCtx>,
    /// Locals this translator created (saved with the wasm locals at recursive call sites).
    pub owned: Vec<(Handle<Expression>, ValType)>,
    /// In a cycle member: the condition of the open run of guarded operators, if any.
    pub run_open: Option<Handle<Expression>>,
    /// In a cycle member: the local of each operand stack slot, by depth and type.
    pub slots: BTreeMap<(usize, ValType), u32>,
    /// Per block/loop/if of the body, in program order: whether some branch targets it.
    pub targeted: Vec<bool>,
    /// Ordinal of the next block/loop/if opened.
    pub next_frame: usize,
    /// The `If` statement of a plain (loop-less) `if` frame being closed.
    pub plain_if: Option<Statement>,
    /// Load groups of the body by operator offset (`access_groups.rs`); empty in call-cycle
    /// members.
    pub groups: BTreeMap<usize, access_groups::Role>,
    /// The locals holding the words a tiled group's leader loaded, by member offset.
    pub group_words: BTreeMap<usize, Vec<Handle<Expression>>>,
    /// Locals holding this function's own stack frame, with its size (`frame.rs`).
    pub frame_locals: BTreeMap<u32, u32>,
    /// Byte offsets of the back-edges of counted loops, which need no trap test
    /// (`counted_loops.rs`); empty in call-cycle members.
    pub counted_back_edges: BTreeSet<usize>,
    /// Store groups of the body by operator offset (`store_groups.rs`); empty in call-cycle
    /// members and when memory is atomic.
    pub store_groups: BTreeMap<usize, StoreRole>,
    /// Per loop (by offset), tiled load groups whose alignment is tested once before it
    /// (`loop_invariants.rs`).
    pub entry_aligned: BTreeMap<usize, Vec<EntryAligned>>,
    /// Per tiled group leader (by offset): the local holding its alignment, set before the
    /// loop that keeps it.
    pub aligned_at_entry: BTreeMap<usize, Handle<Expression>>,
    /// Loops translated twice, by the offset of their `loop` (`loop_invariants::Versioned`).
    pub versioned: BTreeMap<usize, Versioned>,
    /// While translating the fast copy of a versioned loop: its groups' leaders, which skip
    /// their bounds checks.
    pub fast_leaders: BTreeSet<usize>,
    /// Versioned loops whose usual copy is being translated: (control stack height inside
    /// the loop, the test before it, the fast copy).
    pub versions: Vec<(usize, Handle<Expression>, naga::Block)>,
    /// Per store group leader (by offset): the local holding whether its group is plain.
    pub store_group_plain: BTreeMap<usize, Handle<Expression>>,
    pub frames: &'a BTreeMap<u32, BTreeMap<u32, u32>>,
    pub spec_funcs: &'a BTreeMap<SpecKey, FuncInfo>,
    /// The private frame this translation reaches (its own, or its caller's through the
    /// extra argument of a copy), with what each operator does with it.
    pub private_frame: Option<PrivateFrame>,
}

/// A private frame as seen by one translation (`private_frames.rs`).
#[derive(Debug, Clone)]
pub struct PrivateFrame {
    /// Pointer to the `array<u32, W>`.
    pub ptr: Handle<Expression>,
    pub events: BTreeMap<usize, Event>,
}

impl<'a, 'w> FuncTranslator<'a, 'w> {
    /// Translates function `func_index` (a defined function, not part of a call cycle).
    pub fn translate(shared: Shared<'a, 'w>, func_index: u32) -> Result<FuncInfo, TranslateError> {
        Self::translate_as(shared, func_index, None)
    }

    /// Translates function `func_index`; with `spec`, the copy for callers that pass frame
    /// addresses in the parameters it names, which takes a pointer to the caller's private
    /// frame as an extra last argument (`private_frames.rs`).
    pub fn translate_as(
        shared: Shared<'a, 'w>,
        func_index: u32,
        spec: Option<&SpecKey>,
    ) -> Result<FuncInfo, TranslateError> {
        let sig = signature(shared.env, func_index)?;
        let module = &mut *shared.module;
        let result_ty = result_type(module, &sig.results);
        let mut arguments: Vec<FunctionArgument> = sig
            .params
            .iter()
            .enumerate()
            .map(|(i, t)| FunctionArgument {
                name: Some(format!("p{i}")),
                ty: val_ty(module, *t),
                binding: None,
            })
            .collect();
        let uses = match spec {
            Some(key) => shared.plan.specs.get(key).cloned(),
            None => shared.plan.owners.get(&func_index).cloned(),
        };
        let frame_ty = uses.as_ref().map(|u| frame_array_type(module, u.words()));
        if let (Some(_), Some(ty)) = (spec, frame_ty) {
            let ptr = module.types.insert(
                Type {
                    name: None,
                    inner: TypeInner::Pointer {
                        base: ty,
                        space: naga::AddressSpace::Function,
                    },
                },
                Span::UNDEFINED,
            );
            arguments.push(FunctionArgument {
                name: Some("frame".into()),
                ty: ptr,
                binding: None,
            });
        }
        let mut name = naga_name(&shared.env.func_name(func_index), func_index);
        if spec.is_some() {
            name.push_str("_frame");
        }
        let func = Function {
            name: Some(name),
            arguments,
            result: result_ty.map(|ty| FunctionResult { ty, binding: None }),
            ..Function::default()
        };
        let mut t = Self::with_builder(shared, func_index, IrBuilder::new(func), None)?;
        t.result_ty = result_ty;
        if let (Some(uses), Some(ty)) = (uses, frame_ty) {
            let ptr = match spec {
                Some(_) => {
                    t.b.expr(Expression::FunctionArgument(sig.params.len() as u32))
                }
                None => t.b.local("frame", ty, None),
            };
            t.private_frame = Some(PrivateFrame {
                ptr,
                events: uses.events,
            });
        }
        for (i, p) in sig.params.iter().enumerate() {
            let ty = val_ty(t.module, *p);
            let zero = t.zero_literal(*p);
            let ptr = t.b.local(format!("l{i}"), ty, Some(zero));
            let arg = t.b.expr(Expression::FunctionArgument(i as u32));
            t.b.store(ptr, arg);
            t.locals.push((ptr, *p));
        }
        let declared = declared_locals(t.env, func_index)?;
        for vt in declared {
            let ty = val_ty(t.module, vt);
            let zero = t.zero_literal(vt);
            let n = t.locals.len();
            let ptr = t.b.local(format!("l{n}"), ty, Some(zero));
            t.locals.push((ptr, vt));
        }
        let ret = t.new_locals("ret", &sig.results);
        t.run_body(ret)?;
        let function = t.b.finish();
        let handle = t.module.functions.append(function, Span::UNDEFINED);
        Ok(FuncInfo {
            handle,
            result_ty,
            sig,
        })
    }

    /// A translator writing into `b` (for the members of a call cycle, which share one naga
    /// function: see `recursion.rs`).
    pub fn with_builder(
        shared: Shared<'a, 'w>,
        func_index: u32,
        b: IrBuilder,
        scc: Option<SccCtx>,
    ) -> Result<Self, TranslateError> {
        let offset = shared
            .env
            .body(func_index)
            .map(|body| body.range().start as usize)
            .unwrap_or(0);
        Ok(FuncTranslator {
            env: shared.env,
            module: shared.module,
            rt: shared.rt,
            funcs: shared.funcs,
            passive: shared.passive,
            tables: shared.tables,
            elems: shared.elems,
            stack_pointer: shared.stack_pointer,
            detect_loop_limit: shared.detect_loop_limit,
            exact_floats: shared.exact_floats,
            b,
            func_index,
            result_ty: None,
            locals: Vec::new(),
            stack: Vec::new(),
            control: Vec::new(),
            reachable: true,
            brk: scc.as_ref().map(|c| c.brk),
            offset,
            scc,
            owned: Vec::new(),
            run_open: None,
            slots: BTreeMap::new(),
            targeted: Vec::new(),
            next_frame: 0,
            plain_if: None,
            groups: BTreeMap::new(),
            group_words: BTreeMap::new(),
            frame_locals: BTreeMap::new(),
            counted_back_edges: BTreeSet::new(),
            store_groups: BTreeMap::new(),
            entry_aligned: BTreeMap::new(),
            aligned_at_entry: BTreeMap::new(),
            versioned: BTreeMap::new(),
            fast_leaders: BTreeSet::new(),
            versions: Vec::new(),
            store_group_plain: BTreeMap::new(),
            frames: shared.frames,
            spec_funcs: shared.spec_funcs,
            private_frame: None,
        })
    }

    /// Translates the body: the function frame (with result locals `ret`) and every operator.
    pub fn run_body(&mut self, ret: Vec<Handle<Expression>>) -> Result<(), TranslateError> {
        let body =
            self.env
                .body(self.func_index)
                .ok_or_else(|| TranslateError::UnsupportedImport {
                    module: String::new(),
                    name: self.env.func_name(self.func_index),
                    func_index: self.func_index,
                })?;
        let results = signature(self.env, self.func_index)?.results;
        self.control.push(ControlFrame {
            kind: FrameKind::Function,
            params: Vec::new(),
            results,
            height: 0,
            branch_locals: ret.clone(),
            result_locals: ret,
            if_params: Vec::new(),
            dead: false,
            branched_to: false,
            escapes: false,
            has_loop: true,
            rest_guards: Vec::new(),
            first_site: 1,
            plain_back_edge: false,
            counted: false,
        });
        self.targeted = targeted_frames(body)?;
        if self.scc.is_none() {
            let ops = body_ops::read(body)?;
            if self.rt.group_loads {
                self.groups = access_groups::find(&ops);
                if let Some(frame) = &self.private_frame {
                    // Frame accesses are not memory accesses: their groups go.
                    drop_groups(&mut self.groups, &frame.events, |r| match r {
                        access_groups::Role::Leader(_) => None,
                        access_groups::Role::Member { leader, .. } => Some(*leader),
                    });
                }
                if self.rt.wide_loads() {
                    self.entry_aligned = loop_invariants::entry_aligned(&ops, &self.groups);
                    self.store_groups = store_groups::find(&ops);
                    if let Some(frame) = &self.private_frame {
                        drop_groups(&mut self.store_groups, &frame.events, |r| match r {
                            StoreRole::Leader(_) => None,
                            StoreRole::Member { leader } => Some(*leader),
                        });
                    }
                }
            }
            if self.rt.counted_loops {
                self.counted_back_edges = counted_loops::find(&ops);
                if self.rt.wide_loads() && !self.groups.is_empty() {
                    self.versioned = loop_invariants::versioned_loops(
                        &ops,
                        &self.groups,
                        &self.counted_back_edges,
                    );
                }
            }
        }
        if self.scc.is_none() {
            self.frame_locals = self
                .frames
                .get(&self.func_index)
                .cloned()
                .unwrap_or_default();
        }
        // The function frame's loop: branches to the function frame (return, traps) leave it.
        // (In a call-cycle member, the dispatcher's switch case plays that part.)
        if self.scc.is_none() {
            self.b.open_block();
        }
        let mut reader = body.get_operators_reader()?;
        while !reader.eof() {
            self.offset = reader.original_position() as usize;
            reader.visit_operator(&mut OpVisitor { tr: self })??;
        }
        Ok(())
    }

    // ---- errors and traps -----------------------------------------------------------------

    pub fn location(&self) -> Location {
        Location {
            func_index: self.func_index,
            func_name: self.env.func_name(self.func_index),
            offset: self.offset,
        }
    }

    pub fn unsupported(&self, op: &str) -> TranslateError {
        TranslateError::Unsupported {
            op: op.to_string(),
            location: self.location(),
        }
    }

    /// Leaves the function: breaks out to the function frame's loop, after which the function's
    /// single `return` runs. Functions have one exit because early returns become nested
    /// control flow in some drivers' compilers (lavapipe gives wrong results past ~80 levels).
    pub fn exit_function(&mut self) {
        if self.loop_frame(self.control.len() - 1) > 0 {
            let brk = self.brk();
            let zero = self.b.u32(0);
            self.b.store(brk, zero);
            self.mark_escapes(0);
        }
        self.b.stmt(Statement::Break);
    }

    /// Records a trap of `kind` at the current operator when `condition` holds (always when
    /// `None`), unless the thread already trapped: the first trap wins. Nothing jumps: the
    /// thread runs on with harmless values while its stores, memory growth and bulk memory
    /// operations do nothing and every loop leaves at its next iteration, until the function
    /// returns. A branch per check would nest in some drivers' compilers (lavapipe silently
    /// drops code past about 80 conditional jumps in one block); a select does not.
    pub fn record_trap(&mut self, condition: Option<Handle<Expression>>, kind: TrapKind) {
        let code_p = self.b.expr(Expression::GlobalVariable(self.rt.trap_code));
        let func_p = self.b.expr(Expression::GlobalVariable(self.rt.trap_func));
        let code = self.b.load(code_p);
        let zero = self.b.u32(0);
        let clean = self.b.bin(B::Equal, code, zero);
        let first = match condition {
            Some(c) => self.b.bin(B::LogicalAnd, c, clean),
            None => clean,
        };
        let new_code = self.b.u32(super::runtime::trap_code(kind, self.offset));
        let code_v = self.b.select(first, new_code, code);
        let func = self.b.load(func_p);
        let me = self.b.u32(self.func_index);
        let func_v = self.b.select(first, me, func);
        self.b.store(code_p, code_v);
        self.b.store(func_p, func_v);
    }

    /// Traps unconditionally (`unreachable`, a constant divisor of zero) and leaves.
    pub fn trap(&mut self, kind: TrapKind) {
        self.record_trap(None, kind);
        self.exit_function();
    }

    /// Traps when the `bool` `condition` holds (deferred, see [`Self::record_trap`]).
    pub fn trap_if(&mut self, condition: Handle<Expression>, kind: TrapKind) {
        self.record_trap(Some(condition), kind);
    }

    /// `trap_code != 0`, for loops' `break_if`.
    pub fn trapped(&mut self) -> Handle<Expression> {
        let p = self.b.expr(Expression::GlobalVariable(self.rt.trap_code));
        let code = self.b.load(p);
        let zero = self.b.u32(0);
        self.b.bin(B::NotEqual, code, zero)
    }

    // ---- operand stack --------------------------------------------------------------------

    pub fn push(&mut self, h: Handle<Expression>, t: ValType) {
        if self.scc.is_some() {
            // Cycle members keep the operand stack in locals, saved at call sites.
            let slot = self.slot_local(self.stack.len(), t);
            let ptr = self.locals[slot as usize].0;
            self.b.store(ptr, h);
            self.stack.push((Operand::Local(slot), t));
            return;
        }
        self.stack.push((Operand::Expr(h), t));
    }

    /// Pushes a deferred `local.get`.
    pub fn push_local(&mut self, index: u32, t: ValType) {
        if self.scc.is_some() {
            let ptr = self.locals[index as usize].0;
            let v = self.b.load(ptr);
            self.push(v, t);
            return;
        }
        self.stack.push((Operand::Local(index), t));
    }

    /// The expression of an operand, loading a deferred local here.
    fn materialize(&mut self, op: Operand) -> Handle<Expression> {
        match op {
            Operand::Expr(h) => h,
            Operand::Local(i) => {
                let ptr = self.locals[i as usize].0;
                self.b.load(ptr)
            }
        }
    }

    /// Loads the deferred copies of local `index` (all locals when `None`) still on the stack.
    pub fn materialize_locals(&mut self, index: Option<u32>) {
        if self.scc.is_some() {
            // Slot locals are only written by pushes at their own depth.
            return;
        }
        for k in 0..self.stack.len() {
            if let (Operand::Local(i), t) = self.stack[k] {
                if index.is_none_or(|x| x == i) {
                    let h = self.materialize(Operand::Local(i));
                    self.stack[k] = (Operand::Expr(h), t);
                }
            }
        }
    }

    pub fn pop(&mut self) -> Handle<Expression> {
        self.pop_typed().0
    }

    pub fn pop_typed(&mut self) -> (Handle<Expression>, ValType) {
        // The module was validated, so the stack never underflows in reachable code; a
        // zero value keeps this total anyway.
        match self.stack.pop() {
            Some((op, t)) => (self.materialize(op), t),
            None => {
                let z = self.zero_literal(ValType::I32);
                (z, ValType::I32)
            }
        }
    }

    /// The top `n` values, bottom first, without popping.
    pub fn peek_n(&mut self, n: usize) -> Vec<(Handle<Expression>, ValType)> {
        let start = self.stack.len().saturating_sub(n);
        if self.scc.is_some() {
            // Keep the slots: the loads may sit in a guarded run, invisible after it.
            let entries = self.stack[start..].to_vec();
            return entries
                .into_iter()
                .map(|(op, t)| (self.materialize(op), t))
                .collect();
        }
        for k in start..self.stack.len() {
            let (op, t) = self.stack[k];
            let h = self.materialize(op);
            self.stack[k] = (Operand::Expr(h), t);
        }
        self.stack[start..]
            .iter()
            .map(|(op, t)| match op {
                Operand::Expr(h) => (*h, *t),
                Operand::Local(_) => unreachable_operand(*t),
            })
            .collect()
    }

    pub fn pop_n(&mut self, n: usize) -> Vec<(Handle<Expression>, ValType)> {
        let v = self.peek_n(n);
        let start = self.stack.len().saturating_sub(n);
        self.stack.truncate(start);
        v
    }

    pub fn ty(&mut self, t: ValType) -> Handle<Type> {
        val_ty(self.module, t)
    }

    /// The zero of a value type, as a literal.
    pub fn zero_literal(&mut self, t: ValType) -> Handle<Expression> {
        match t {
            ValType::I32 | ValType::FuncRef | ValType::ExternRef => self.b.u32(0),
            ValType::I64 => self.b.u64(0),
            ValType::F32 => self.b.f32_bits(0),
            ValType::F64 => self.b.f64_bits(0),
        }
    }

    /// `v != 0` for an i32.
    pub fn to_bool(&mut self, v: Handle<Expression>) -> Handle<Expression> {
        let zero = self.b.u32(0);
        self.b.bin(B::NotEqual, v, zero)
    }

    /// A `bool` as an i32 (0 or 1).
    pub fn from_bool(&mut self, c: Handle<Expression>) -> Handle<Expression> {
        self.b.convert(c, naga::ScalarKind::Uint, 4)
    }

    /// Whether `h` is an integer literal equal to `v`.
    pub fn is_literal(&self, h: Handle<Expression>, v: u64) -> bool {
        matches!(
            self.b.func.expressions[h],
            Expression::Literal(naga::Literal::U32(x)) if u64::from(x) == v
        ) || matches!(
            self.b.func.expressions[h],
            Expression::Literal(naga::Literal::U64(x)) if x == v
        )
    }

    // ---- control flow ---------------------------------------------------------------------

    /// Parameter and result types of a block type.
    pub fn block_sig(&self, bt: BlockType) -> Result<(Vec<ValType>, Vec<ValType>), TranslateError> {
        match bt {
            BlockType::Empty => Ok((Vec::new(), Vec::new())),
            BlockType::Type(t) => Ok((Vec::new(), vec![val_type(t)?])),
            BlockType::FuncType(i) => {
                let sig = self
                    .env
                    .types
                    .get(i as usize)
                    .and_then(|s| s.as_ref())
                    .ok_or_else(|| self.unsupported("block with a non-function type"))?;
                Ok((sig.params.clone(), sig.results.clone()))
            }
        }
    }

    /// Fresh locals for a list of types, returning their pointers.
    pub fn new_locals(&mut self, what: &str, types: &[ValType]) -> Vec<Handle<Expression>> {
        types
            .iter()
            .map(|t| {
                let ty = self.ty(*t);
                let zero = self.zero_literal(*t);
                let n = self.b.func.local_variables.len();
                let ptr = self.b.local(format!("{what}{n}"), ty, Some(zero));
                self.owned.push((ptr, *t));
                ptr
            })
            .collect()
    }

    /// The pending-branch local, created on first use.
    pub fn brk(&mut self) -> Handle<Expression> {
        if let Some(b) = self.brk {
            return b;
        }
        let u = self.ty(ValType::I32);
        let none = self.b.u32(NO_BRANCH);
        let b = self.b.local("brk", u, Some(none));
        self.brk = Some(b);
        b
    }

    /// The function's single exit, after the function frame's loop: returns its result locals.
    pub fn final_return(&mut self) {
        let locals = self.control[0].result_locals.clone();
        let values: Vec<Handle<Expression>> = locals.iter().map(|p| self.b.load(*p)).collect();
        let value = match (values.as_slice(), self.result_ty) {
            ([], _) | (_, None) => None,
            ([v], Some(_)) => Some(*v),
            (many, Some(ty)) => Some(self.b.expr(Expression::Compose {
                ty,
                components: many.to_vec(),
            })),
        };
        self.rt.mark_finished(&mut self.b);
        self.b.ret(value);
    }

    /// Calls `function`; with `detect_loop_limit`, a callee that did not reach its `return`
    /// (its thread disabled by a driver's loop cap) traps with `LoopLimit` here.
    pub fn checked_call(
        &mut self,
        function: Handle<Function>,
        arguments: Vec<Handle<Expression>>,
        has_result: bool,
    ) -> Option<Handle<Expression>> {
        if !self.detect_loop_limit {
            return self.b.call(function, arguments, has_result);
        }
        self.clear_finished();
        let r = self.b.call(function, arguments, has_result);
        self.check_finished();
        r
    }

    /// `finished = 0` before a call (see [`Self::checked_call`]).
    pub fn clear_finished(&mut self) {
        let p = self.b.expr(Expression::GlobalVariable(self.rt.finished));
        let zero = self.b.u32(0);
        self.b.store(p, zero);
    }

    /// After a call: trap with `LoopLimit` unless the callee reached its return.
    pub fn check_finished(&mut self) {
        let p = self.b.expr(Expression::GlobalVariable(self.rt.finished));
        let f = self.b.load(p);
        let zero = self.b.u32(0);
        let cut = self.b.bin(B::Equal, f, zero);
        self.trap_if(cut, TrapKind::LoopLimit);
    }

    /// Stores `values` into frame `target`'s branch locals (the result locals for the
    /// function frame) and records the branch for a later jump.
    pub fn branch_store(&mut self, target: usize, values: &[(Handle<Expression>, ValType)]) {
        let locals = self.control[target].branch_locals.clone();
        for (ptr, (v, _)) in locals.iter().zip(values) {
            self.b.store(*ptr, *v);
        }
        if !self.control[target].is_loop() {
            self.control[target].branched_to = true;
        }
    }

    /// Emits a complete branch to frame `target` from the innermost frame, with the top values
    /// of the operand stack (not popped).
    pub fn branch(&mut self, target: usize) {
        let n = self.control[target].branch_types().len();
        let values = self.peek_n(n);
        self.branch_store(target, &values);
        let current = self.loop_frame(self.control.len() - 1);
        if target == current {
            let s = if self.control[target].is_loop() {
                Statement::Continue
            } else {
                Statement::Break
            };
            self.b.stmt(s);
        } else {
            let brk = self.brk();
            let t = self.b.u32(target as u32);
            self.b.store(brk, t);
            self.mark_escapes(target);
            self.b.stmt(Statement::Break);
        }
    }

    /// The innermost frame at or below `frame` that is a naga loop (what `Break` leaves).
    pub fn loop_frame(&self, mut frame: usize) -> usize {
        while frame > 0 && !self.control[frame].has_loop {
            frame -= 1;
        }
        frame
    }

    /// Frames above `target` are left by a pending branch.
    pub fn mark_escapes(&mut self, target: usize) {
        for f in &mut self.control[target + 1..] {
            f.escapes = true;
        }
    }

    /// In frame `frame`'s body, right after a construct a pending branch may have left: stop the
    /// branch here when it targets this frame, otherwise pass it on.
    pub fn resolve_pending(&mut self, frame: usize) {
        let frame = self.loop_frame(frame);
        let brk = self.brk();
        let v = self.b.load(brk);
        let none = self.b.u32(NO_BRANCH);
        let pending = self.b.bin(B::NotEqual, v, none);
        let here = self.b.u32(frame as u32);
        let is_here = self.b.bin(B::Equal, v, here);
        let is_loop = self.control[frame].is_loop();
        self.b.open_block();
        {
            self.b.open_block();
            self.b.store(brk, none);
            if is_loop {
                self.b.stmt(Statement::Continue);
            }
            let accept = self.b.close_block();
            self.b.stmt(Statement::If {
                condition: is_here,
                accept,
                reject: naga::Block::new(),
            });
            self.b.stmt(Statement::Break);
        }
        let accept = self.b.close_block();
        self.b.stmt(Statement::If {
            condition: pending,
            accept,
            reject: naga::Block::new(),
        });
    }
}

/// Never reached: `peek_n` materialises the entries it returns.
fn unreachable_operand(_t: ValType) -> (Handle<Expression>, ValType) {
    unreachable!("operand was materialised")
}

/// Which blocks, loops and ifs of a body (in program order) some branch targets.
///
/// A `br`/`br_if` to the innermost `block` from its own body does not count: it is lowered
/// without a loop (the rest of the block goes under an `if`), see `ops/control.rs`.
fn targeted_frames(body: &wasmparser::FunctionBody<'_>) -> Result<Vec<bool>, TranslateError> {
    use wasmparser::Operator as O;
    let mut targeted = Vec::new();
    // `None`: the function frame; else (ordinal, is a `block`).
    let mut stack: Vec<Option<(usize, bool)>> = vec![None];
    let mut reader = body.get_operators_reader()?;
    let mark = |stack: &Vec<Option<(usize, bool)>>, targeted: &mut Vec<bool>, depth: u32| {
        if let Some(Some((i, _))) = stack
            .len()
            .checked_sub(1 + depth as usize)
            .map(|k| stack[k])
        {
            targeted[i] = true;
        }
    };
    while !reader.eof() {
        match reader.read()? {
            O::Block { .. } => {
                stack.push(Some((targeted.len(), true)));
                targeted.push(false);
            }
            O::Loop { .. } | O::If { .. } => {
                stack.push(Some((targeted.len(), false)));
                targeted.push(false);
            }
            O::End => {
                stack.pop();
            }
            O::Br { relative_depth: 0 } | O::BrIf { relative_depth: 0 }
                if matches!(stack.last(), Some(Some((_, true)))) => {}
            O::Br { relative_depth } | O::BrIf { relative_depth } => {
                mark(&stack, &mut targeted, relative_depth)
            }
            O::BrTable { targets } => {
                for t in targets.targets() {
                    mark(&stack, &mut targeted, t?);
                }
                mark(&stack, &mut targeted, targets.default());
            }
            _ => {}
        }
    }
    Ok(targeted)
}

/// The signature of a function.
pub fn signature(env: &ModuleEnv<'_>, func_index: u32) -> Result<Signature, TranslateError> {
    env.func_sig(func_index)
        .cloned()
        .ok_or_else(|| TranslateError::UnsupportedFeature {
            what: format!("function {func_index} without a function type"),
        })
}

/// The types of a defined function's declared locals (after its parameters).
pub fn declared_locals(
    env: &ModuleEnv<'_>,
    func_index: u32,
) -> Result<Vec<ValType>, TranslateError> {
    let Some(body) = env.body(func_index) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut reader = body.get_locals_reader()?;
    for _ in 0..reader.get_count() {
        let (count, wt) = reader.read()?;
        let vt = val_type(wt)?;
        if count as usize + out.len() > 50_000 {
            return Err(TranslateError::UnsupportedFeature {
                what: format!("more than 50000 locals in function {func_index}"),
            });
        }
        out.extend(std::iter::repeat_n(vt, count as usize));
    }
    Ok(out)
}

/// A naga-safe identifier for a function (WGSL/MSL need plain identifiers).
/// Removes the groups (by leader) that hold an operator with a frame event.
fn drop_groups<R>(
    groups: &mut BTreeMap<usize, R>,
    events: &BTreeMap<usize, Event>,
    leader_of: impl Fn(&R) -> Option<usize>,
) {
    let leaders: BTreeSet<usize> = groups
        .iter()
        .filter(|(at, _)| events.contains_key(at))
        .map(|(at, r)| leader_of(r).unwrap_or(*at))
        .collect();
    groups.retain(|at, r| !leaders.contains(&leader_of(r).unwrap_or(*at)));
}

/// `array<u32, words>`, the type of a private frame.
pub fn frame_array_type(module: &mut Module, words: u32) -> Handle<Type> {
    let u = module.types.insert(
        Type {
            name: None,
            inner: TypeInner::Scalar(naga::Scalar::U32),
        },
        Span::UNDEFINED,
    );
    module.types.insert(
        Type {
            name: None,
            inner: TypeInner::Array {
                base: u,
                size: naga::ArraySize::Constant(
                    std::num::NonZeroU32::new(words.max(1)).unwrap_or(std::num::NonZeroU32::MIN),
                ),
                stride: 4,
            },
        },
        Span::UNDEFINED,
    )
}

pub fn naga_name(name: &str, index: u32) -> String {
    let mut s: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(48)
        .collect();
    s.push_str(&format!("_f{index}"));
    format!("w_{s}")
}
