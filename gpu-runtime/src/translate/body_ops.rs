//! A function body's operators, read once with their byte offsets, for the analyses that run
//! before a function is translated (`access_groups`, `store_groups`, `counted_loops`,
//! `loop_invariants`).

use wasmparser::{FunctionBody, MemArg, Operator};

use super::error::TranslateError;

/// The operators of `body` with the byte offset of each.
pub fn read<'a>(body: &FunctionBody<'a>) -> Result<Vec<(usize, Operator<'a>)>, TranslateError> {
    let mut ops = Vec::new();
    let mut reader = body.get_operators_reader()?;
    while !reader.eof() {
        let at = reader.original_position() as usize;
        ops.push((at, reader.read()?));
    }
    Ok(ops)
}

/// Operators that open a construct closed by an `end`.
pub fn opens(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::Block { .. }
            | Operator::Loop { .. }
            | Operator::If { .. }
            | Operator::TryTable { .. }
    )
}

/// Every `loop` of `ops` with its block type: (index of the `loop`, index of its `end`).
pub fn loops(ops: &[&Operator<'_>]) -> Vec<(usize, usize, wasmparser::BlockType)> {
    ops.iter()
        .enumerate()
        .filter_map(|(start, op)| match op {
            Operator::Loop { blockty } => {
                matching_end(ops, start).map(|end| (start, end, *blockty))
            }
            _ => None,
        })
        .collect()
}

/// Operators that end straight-line code (looking backwards, control may arrive there from
/// elsewhere; looking forwards, it may leave).
pub fn is_control(op: &Operator<'_>) -> bool {
    opens(op)
        || matches!(
            op,
            Operator::Else
                | Operator::End
                | Operator::Br { .. }
                | Operator::BrIf { .. }
                | Operator::BrTable { .. }
                | Operator::Return
                | Operator::Unreachable
                | Operator::Delegate { .. }
                | Operator::Rethrow { .. }
                | Operator::Throw { .. }
                | Operator::ThrowRef
        )
}

/// The index of the `end` closing the construct opened at `start`.
pub fn matching_end(ops: &[&Operator<'_>], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, op) in ops.iter().enumerate().skip(start) {
        if opens(op) {
            depth += 1;
        } else if matches!(op, Operator::End) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// The memarg, size in bytes and store-ness (`true`: a store) of a load or store.
pub fn memory_access(op: &Operator<'_>) -> Option<(MemArg, u32, bool)> {
    use Operator as O;
    Some(match *op {
        O::I32Load { memarg } | O::F32Load { memarg } | O::I64Load32S { memarg } => {
            (memarg, 4, false)
        }
        O::I64Load32U { memarg } => (memarg, 4, false),
        O::I64Load { memarg } | O::F64Load { memarg } => (memarg, 8, false),
        O::I32Load8S { memarg }
        | O::I32Load8U { memarg }
        | O::I64Load8S { memarg }
        | O::I64Load8U { memarg } => (memarg, 1, false),
        O::I32Load16S { memarg }
        | O::I32Load16U { memarg }
        | O::I64Load16S { memarg }
        | O::I64Load16U { memarg } => (memarg, 2, false),
        O::I32Store { memarg } | O::F32Store { memarg } | O::I64Store32 { memarg } => {
            (memarg, 4, true)
        }
        O::I64Store { memarg } | O::F64Store { memarg } => (memarg, 8, true),
        O::I32Store8 { memarg } | O::I64Store8 { memarg } => (memarg, 1, true),
        O::I32Store16 { memarg } | O::I64Store16 { memarg } => (memarg, 2, true),
        _ => return None,
    })
}
