//! Direct calls and `call_indirect`, a naga `Switch`. When the module has no table operator
//! the table is fixed at translation time and the switch goes over the slot index: matching
//! slots call their function; null slots, mismatched slots and indices past the end trap with
//! the spec's kinds. Otherwise the table lives in `control`: the index is checked against its
//! size, the slot's reference word loaded, and the switch goes over it (0: null; function
//! index + 1 for every function of the right type a reference can name; anything else is a
//! type mismatch).
//!
//! In a member of a call cycle, a target in the same cycle is a call site of the cycle (see
//! `recursion.rs`): the switch only chooses the member, and one site per member follows it.

use naga::{BinaryOperator as B, Block, Expression, Handle, Statement, SwitchCase, SwitchValue};
use wasmparser::Operator;

use super::super::abi::{TrapKind, ValType};
use super::super::env::Signature;
use super::super::func::{FuncInfo, FuncTranslator};
use super::super::intrinsics::Intrinsic;
use super::super::math::MathOp;
use super::super::TranslateError;

type H = Handle<Expression>;

impl FuncTranslator<'_, '_> {
    pub(super) fn call_op(&mut self, op: &Operator<'_>) -> Result<bool, TranslateError> {
        match *op {
            Operator::Call { function_index } if self.cycle_callee(op).is_some() => {
                let _ = function_index;
                if let Some(m) = self.cycle_callee(op) {
                    self.site_call(m)?;
                }
            }
            Operator::Call { function_index } if self.env.intrinsic(function_index).is_some() => {
                self.intrinsic(function_index);
            }
            Operator::Call { function_index }
                if MathOp::defined(self.env, function_index).is_some() =>
            {
                if let Some(op) = MathOp::defined(self.env, function_index) {
                    self.math_call(op);
                }
            }
            Operator::Call { .. } if self.frame_event().is_some() => {
                if let Some((frame, super::super::private_frames::Event::Call { key })) =
                    self.frame_event()
                {
                    self.frame_call(frame, &key)?;
                }
            }
            Operator::Call { function_index } => {
                let info = self.callee(function_index)?;
                let args = self.pop_n(info.sig.params.len());
                let args: Vec<H> = args.into_iter().map(|(h, _)| h).collect();
                let result = self.checked_call(info.handle, args, info.result_ty.is_some());
                self.push_results(&info, result);
            }
            Operator::CallIndirect {
                type_index,
                table_index,
            } => self.call_indirect(type_index, table_index)?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The cycle member a direct call goes to, when translating a member of the same cycle.
    pub(crate) fn cycle_callee(&self, op: &Operator<'_>) -> Option<usize> {
        match op {
            Operator::Call { function_index } => self.scc.as_ref()?.member_id(*function_index),
            _ => None,
        }
    }

    fn intrinsic(&mut self, index: u32) {
        match self.env.intrinsic(index) {
            Some(Intrinsic::ThreadId) => {
                let p = self.b.expr(Expression::GlobalVariable(self.rt.thread_id));
                let v = self.b.load(p);
                self.push(v, ValType::I32);
            }
            Some(Intrinsic::Math(op)) => self.math_call(op),
            Some(other) => self.launch_intrinsic(other),
            None => {}
        }
    }

    fn callee(&self, index: u32) -> Result<FuncInfo, TranslateError> {
        self.funcs.get(&index).cloned().ok_or_else(|| {
            let (module, name) = self
                .env
                .func_imports
                .get(index as usize)
                .cloned()
                .unwrap_or_default();
            TranslateError::UnsupportedImport {
                module,
                name,
                func_index: index,
            }
        })
    }

    /// Pushes a call's results (a struct's members for several).
    pub(super) fn push_results(&mut self, info: &FuncInfo, result: Option<H>) {
        let Some(r) = result else { return };
        if info.sig.results.len() == 1 {
            self.push(r, info.sig.results[0]);
            return;
        }
        for (i, t) in info.sig.results.iter().enumerate() {
            let v = self.b.access_index(r, i as u32);
            self.push(v, *t);
        }
    }

    /// What `call_indirect` may call: per switch key, the target. Static tables switch over
    /// the slot index, tables in `control` over the reference word loaded from the slot.
    fn indirect_targets(
        &self,
        type_index: u32,
        table_index: u32,
    ) -> Result<(Signature, Vec<(u32, Target)>), TranslateError> {
        let want = self
            .env
            .types
            .get(type_index as usize)
            .cloned()
            .flatten()
            .ok_or_else(|| self.unsupported("call_indirect with a non-function type"))?;
        let target = |f: u32| match self.scc.as_ref().and_then(|c| c.member_id(f)) {
            Some(m) => Target::Member(m),
            None => Target::Plain(f),
        };
        let mut out = Vec::new();
        if self.tables.is_empty() {
            let slots = self
                .env
                .tables
                .get(table_index as usize)
                .map(|t| t.slots.clone())
                .ok_or_else(|| self.unsupported("call_indirect through an imported table"))?;
            for (slot, entry) in slots.iter().enumerate() {
                let t = match entry {
                    None => Target::Null,
                    Some(f) if self.env.func_sig(*f) == Some(&want) => target(*f),
                    Some(_) => Target::Mismatch,
                };
                out.push((slot as u32, t));
            }
        } else {
            out.push((0, Target::Null));
            for f in &self.env.ref_targets {
                if self.env.func_sig(*f) == Some(&want) {
                    out.push((f + 1, target(*f)));
                }
            }
        }
        Ok((want, out))
    }

    /// Whether `op` is a `call_indirect` that may call a member of the cycle being translated
    /// (such a call is a call site of the cycle, see `recursion.rs`).
    pub(crate) fn indirect_reaches_cycle(&self, op: &Operator<'_>) -> bool {
        let Operator::CallIndirect {
            type_index,
            table_index,
        } = *op
        else {
            return false;
        };
        self.scc.is_some()
            && self
                .indirect_targets(type_index, table_index)
                .is_ok_and(|(_, ts)| ts.iter().any(|(_, t)| matches!(t, Target::Member(_))))
    }

    fn call_indirect(&mut self, type_index: u32, table_index: u32) -> Result<(), TranslateError> {
        let (want, targets) = self.indirect_targets(type_index, table_index)?;
        let mut members: Vec<usize> = targets
            .iter()
            .filter_map(|(_, t)| match t {
                Target::Member(m) => Some(*m),
                _ => None,
            })
            .collect();
        members.sort_unstable();
        members.dedup();
        let index = self.pop();
        let args: Vec<(H, ValType)> = self.pop_n(want.params.len());
        let arg_values: Vec<H> = args.iter().map(|(h, _)| *h).collect();
        let result_locals = self.new_locals("ci", &want.results);

        // In a cycle member whose call may go to the cycle: the selection runs only when not
        // resuming; the cycle calls are call sites after it (see below).
        let resume = if members.is_empty() {
            None
        } else {
            let r = self.scc.as_ref().map(|c| c.resume);
            r.map(|p| self.b.load(p))
        };
        let u = self.ty(ValType::I32);
        let none = self.b.u32(u32::MAX);
        let chosen = resume.map(|_| self.b.local("ci_member", u, Some(none)));
        if let Some(chosen) = chosen {
            // Every pass: the member's locals are shared by all its activations.
            self.b.store(chosen, none);
            self.b.open_block();
        }

        let selector = if self.tables.is_empty() {
            index
        } else {
            // Past the end: "undefined element"; the selector then matches no function.
            let t = self.table_layout(table_index)?;
            let size = self.table_size(&t);
            let oob = self.b.bin(B::GreaterEqual, index, size);
            self.trap_if(oob, TrapKind::UndefinedElement);
            let zero = self.b.u32(0);
            let i = self.b.select(oob, zero, index);
            let first = self.b.u32(t.size_word + 1);
            let word = self.b.bin(B::Add, first, i);
            let fref = self.control_load(word);
            self.b.select(oob, none, fref)
        };

        let mut cases = Vec::new();
        let mut nulls = Vec::new();
        let mut mismatched = Vec::new();
        for (key, target) in &targets {
            match target {
                Target::Null => nulls.push(*key),
                Target::Mismatch => mismatched.push(*key),
                Target::Plain(f) => {
                    let info = self.callee(*f)?;
                    self.b.open_block();
                    let r = self
                        .b
                        .call(info.handle, arg_values.clone(), info.result_ty.is_some());
                    if let Some(r) = r {
                        if want.results.len() == 1 {
                            self.b.store(result_locals[0], r);
                        } else {
                            for (i, ptr) in result_locals.iter().enumerate() {
                                let v = self.b.access_index(r, i as u32);
                                self.b.store(*ptr, v);
                            }
                        }
                    }
                    let body = self.b.close_block();
                    cases.push(SwitchCase {
                        value: SwitchValue::U32(*key),
                        body,
                        fall_through: false,
                    });
                }
                Target::Member(m) => {
                    self.b.open_block();
                    if let Some(p) = chosen {
                        let mv = self.b.u32(*m as u32);
                        self.b.store(p, mv);
                    }
                    // No naga call here: `finished` as if one had returned.
                    self.rt.mark_finished(&mut self.b);
                    let body = self.b.close_block();
                    cases.push(SwitchCase {
                        value: SwitchValue::U32(*key),
                        body,
                        fall_through: false,
                    });
                }
            }
        }
        // Static tables: past the end is the default; tables in `control`: any function of
        // another type is.
        let (default_kind, listed) = if self.tables.is_empty() {
            (
                TrapKind::UndefinedElement,
                vec![
                    (nulls, TrapKind::UninitializedElement),
                    (mismatched, TrapKind::IndirectCallTypeMismatch),
                ],
            )
        } else {
            (
                TrapKind::IndirectCallTypeMismatch,
                vec![(nulls, TrapKind::UninitializedElement)],
            )
        };
        for (slots, kind) in listed {
            let last = slots.len().saturating_sub(1);
            for (k, slot) in slots.iter().enumerate() {
                let body = if k == last {
                    self.b.open_block();
                    self.record_trap(None, kind);
                    self.b.close_block()
                } else {
                    Block::new()
                };
                cases.push(SwitchCase {
                    value: SwitchValue::U32(*slot),
                    body,
                    fall_through: k != last,
                });
            }
        }
        self.b.open_block();
        self.record_trap(None, default_kind);
        let default = self.b.close_block();
        cases.push(SwitchCase {
            value: SwitchValue::Default,
            body: default,
            fall_through: false,
        });
        if self.detect_loop_limit {
            // Set before the switch: the callee sets it again; trap cases have trapped anyway.
            self.clear_finished();
        }
        self.b.stmt(Statement::Switch { selector, cases });
        if self.detect_loop_limit {
            self.check_finished();
        }

        if let (Some(r), Some(chosen)) = (resume, chosen) {
            let guarded = self.b.close_block();
            let zero = self.b.u32(0);
            let idle = self.b.bin(B::Equal, r, zero);
            self.b.stmt(Statement::If {
                condition: idle,
                accept: guarded,
                reject: Block::new(),
            });
            // Resuming at one of the sites below: the member it called.
            let first_site = self.site_counter();
            for (k, m) in members.iter().enumerate() {
                let site = self.b.u32(first_site + k as u32);
                let here = self.b.bin(B::Equal, r, site);
                let mv = self.b.u32(*m as u32);
                let c = self.b.load(chosen);
                let v = self.b.select(here, mv, c);
                self.b.store(chosen, v);
            }
            for m in &members {
                let c = self.b.load(chosen);
                let mv = self.b.u32(*m as u32);
                let taken = self.b.bin(B::Equal, c, mv);
                self.b.open_block();
                for (h, t) in &args {
                    self.push(*h, *t);
                }
                self.site_call(*m)?;
                let results = self.pop_n(want.results.len());
                for (ptr, (v, _)) in result_locals.iter().zip(results) {
                    self.b.store(*ptr, v);
                }
                let body = self.b.close_block();
                self.b.stmt(Statement::If {
                    condition: taken,
                    accept: body,
                    reject: Block::new(),
                });
            }
        }
        for (ptr, t) in result_locals.iter().zip(&want.results) {
            let v = self.b.load(*ptr);
            self.push(v, *t);
        }
        Ok(())
    }
}

/// What one key of a `call_indirect` switch does.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// A plain naga call of this function.
    Plain(u32),
    /// A call site of this member of the cycle being translated.
    Member(usize),
    /// Trap: uninitialized element.
    Null,
    /// Trap: indirect call type mismatch.
    Mismatch,
}
