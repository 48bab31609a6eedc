//! Direct calls and `call_indirect`. The table is fixed at translation time, so an indirect call
//! is a naga `Switch` over the slots: matching slots call their function, null slots, mismatched
//! slots and indices past the end trap with the spec's kinds.

use naga::{Block, Expression, Handle, Statement, SwitchCase, SwitchValue};
use wasmparser::Operator;

use super::super::abi::{TrapKind, ValType};
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
    fn push_results(&mut self, info: &FuncInfo, result: Option<H>) {
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

    fn call_indirect(&mut self, type_index: u32, table_index: u32) -> Result<(), TranslateError> {
        let want = self
            .env
            .types
            .get(type_index as usize)
            .cloned()
            .flatten()
            .ok_or_else(|| self.unsupported("call_indirect with a non-function type"))?;
        let slots = self
            .env
            .tables
            .get(table_index as usize)
            .map(|t| t.slots.clone())
            .ok_or_else(|| self.unsupported("call_indirect through an imported table"))?;
        if let Some(ctx) = &self.scc {
            if slots.iter().flatten().any(|f| ctx.member_id(*f).is_some()) {
                return Err(self.unsupported("call_indirect to a member of its own call cycle"));
            }
        }
        let index = self.pop();
        let args: Vec<H> = self
            .pop_n(want.params.len())
            .into_iter()
            .map(|(h, _)| h)
            .collect();
        let result_locals = self.new_locals("ci", &want.results);

        let mut cases = Vec::new();
        let mut nulls = Vec::new();
        let mut mismatched = Vec::new();
        for (slot, entry) in slots.iter().enumerate() {
            let slot = slot as u32;
            match entry {
                None => nulls.push(slot),
                Some(f) if self.env.func_sig(*f) == Some(&want) => {
                    let info = self.callee(*f)?;
                    self.b.open_block();
                    let r = self
                        .b
                        .call(info.handle, args.clone(), info.result_ty.is_some());
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
                        value: SwitchValue::U32(slot),
                        body,
                        fall_through: false,
                    });
                }
                Some(_) => mismatched.push(slot),
            }
        }
        for (slots, kind) in [
            (nulls, TrapKind::UninitializedElement),
            (mismatched, TrapKind::IndirectCallTypeMismatch),
        ] {
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
        self.record_trap(None, TrapKind::UndefinedElement);
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
        self.b.stmt(Statement::Switch {
            selector: index,
            cases,
        });
        if self.detect_loop_limit {
            self.check_finished();
        }
        for (ptr, t) in result_locals.iter().zip(&want.results) {
            let v = self.b.load(*ptr);
            self.push(v, *t);
        }
        Ok(())
    }
}
