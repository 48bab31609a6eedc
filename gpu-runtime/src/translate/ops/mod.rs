//! Operator dispatch: wasmparser's [`VisitOperator`] feeds every operator to
//! [`FuncTranslator::op`], which routes it to one family module. An operator no family takes
//! becomes [`TranslateError::Unsupported`] with its function and byte offset.

mod call;
mod control;
mod convert;
mod launch;
mod memory;
mod numeric;
mod private_frame;
mod reference;
mod table;
mod variable;

use wasmparser::{Operator, VisitOperator};

use super::func::FuncTranslator;
use super::TranslateError;

/// The wasm name of an operator in snake case (`i32_add`, `call_indirect`, ...).
pub fn op_name(op: &Operator<'_>) -> &'static str {
    macro_rules! names {
        ($(@$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
            match op {
                $( Operator::$op { .. } => {
                    let n = stringify!($visit);
                    n.strip_prefix("visit_").unwrap_or(n)
                } )*
                _ => "simd or unknown operator",
            }
        };
    }
    wasmparser::for_each_operator!(names)
}

/// Feeds operators to a [`FuncTranslator`], remembering the byte offset of each.
pub struct OpVisitor<'t, 'f, 'w> {
    pub tr: &'t mut FuncTranslator<'f, 'w>,
}

macro_rules! define_visit {
    ($(@$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        $(
            fn $visit(&mut self $($(,$arg: $argty)*)?) -> Self::Output {
                self.tr.op(Operator::$op $({ $($arg),* })?)
            }
        )*
    };
}

impl<'a> VisitOperator<'a> for OpVisitor<'_, '_, '_> {
    type Output = Result<(), TranslateError>;
    wasmparser::for_each_visit_operator!(define_visit);
}

impl FuncTranslator<'_, '_> {
    /// Translates one operator.
    pub fn op(&mut self, op: Operator<'_>) -> Result<(), TranslateError> {
        if self.scc.is_some() {
            // Call-cycle members: straight-line operators run in guarded runs (skipped while
            // resuming at a call site); constructs and call sites end a run.
            let structural = matches!(
                op,
                Operator::Block { .. }
                    | Operator::Loop { .. }
                    | Operator::If { .. }
                    | Operator::Else
                    | Operator::End
            ) || self.cycle_callee(&op).is_some()
                || self.indirect_reaches_cycle(&op)
                || matches!(op, Operator::BrIf { relative_depth } if self.is_plain_block_exit(relative_depth));
            if structural {
                self.close_run();
            } else if self.reachable {
                self.open_run();
            }
        }
        if self.control_structure(&op)? {
            return Ok(());
        }
        if !self.reachable {
            return Ok(());
        }
        let handled = self.control_op(&op)?
            || self.variable_op(&op)?
            || self.numeric_op(&op)?
            || self.convert_op(&op)?
            || self.memory_op(&op)?
            || self.call_op(&op)?
            || self.reference_op(&op)?
            || self.table_op(&op)?;
        if handled {
            Ok(())
        } else {
            Err(self.unsupported(op_name(&op)))
        }
    }
}
