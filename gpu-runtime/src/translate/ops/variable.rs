//! local.get/set/tee and global.get/set. Locals are naga function variables; globals are
//! private (per-thread) variables. Setting the shadow stack pointer checks the thread's slot.

use naga::{BinaryOperator as B, Expression};
use wasmparser::Operator;

use super::super::abi::TrapKind;
use super::super::func::FuncTranslator;
use super::super::TranslateError;

impl FuncTranslator<'_, '_> {
    pub(super) fn variable_op(&mut self, op: &Operator<'_>) -> Result<bool, TranslateError> {
        match *op {
            Operator::LocalGet { local_index } => {
                let (_, t) = self.local(local_index)?;
                self.push_local(local_index, t);
            }
            Operator::LocalSet { local_index } => {
                let (ptr, _) = self.local(local_index)?;
                let v = self.pop();
                self.materialize_locals(Some(local_index));
                self.b.store(ptr, v);
            }
            Operator::LocalTee { local_index } => {
                let (ptr, t) = self.local(local_index)?;
                let v = self.pop();
                self.materialize_locals(Some(local_index));
                self.b.store(ptr, v);
                self.push(v, t);
            }
            Operator::GlobalGet { global_index } => {
                let (ptr, t) = self.global(global_index)?;
                let v = self.b.load(ptr);
                self.push(v, t);
            }
            Operator::GlobalSet { global_index } => {
                let (ptr, _) = self.global(global_index)?;
                let v = self.pop();
                if Some(global_index) == self.stack_pointer {
                    // Outside [floor, top] (one unsigned compare: below the floor wraps).
                    let floor_p = self.b.expr(Expression::GlobalVariable(self.rt.stack_floor));
                    let floor = self.b.load(floor_p);
                    let top_p = self.b.expr(Expression::GlobalVariable(self.rt.stack_top));
                    let top = self.b.load(top_p);
                    let depth = self.b.bin(B::Subtract, v, floor);
                    let size = self.b.bin(B::Subtract, top, floor);
                    let outside = self.b.bin(B::Greater, depth, size);
                    self.trap_if(outside, TrapKind::StackOverflow);
                }
                self.b.store(ptr, v);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn local(
        &self,
        index: u32,
    ) -> Result<(naga::Handle<Expression>, super::super::abi::ValType), TranslateError> {
        self.locals
            .get(index as usize)
            .copied()
            .ok_or_else(|| self.unsupported("local index out of range"))
    }

    fn global(
        &mut self,
        index: u32,
    ) -> Result<(naga::Handle<Expression>, super::super::abi::ValType), TranslateError> {
        let g = *self
            .rt
            .globals
            .get(index as usize)
            .ok_or_else(|| self.unsupported("global index out of range"))?;
        let t = self.env.globals[index as usize].ty;
        Ok((self.b.expr(Expression::GlobalVariable(g)), t))
    }
}
