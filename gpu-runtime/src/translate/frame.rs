//! The locals that hold a function's own shadow-stack frame, so that stores into the frame can
//! skip the question "could another thread write this word?".
//!
//! rustc opens a frame with `global.get $__stack_pointer; i32.const N; i32.sub; local.tee $fp`
//! and addresses the frame as `local.get $fp` plus a memarg offset below `N`. When the stack
//! depth is bounded (`stack_bound.rs`: the host then sizes every slot for the deepest chain of
//! frames), `$fp .. $fp + N` lies inside the thread's own stack slot, which no other thread
//! touches: a partial-word store there can be a plain read-modify-write, with no atomic path
//! that the driver must keep (on the H200 the mere presence of that path in every inlined
//! store cost sha256 a third of its time; docs/PERFORMANCE.md).
//!
//! A local qualifies when it is not a parameter, is written exactly once in the body, and that
//! write is `global.get $sp; i32.const N; i32.sub; local.set/tee` in the straight-line code at
//! the start of the body (before any block, branch or call), with no read of the local before
//! it: every read then sees the frame address.

use std::collections::BTreeMap;

use wasmparser::{FunctionBody, Operator};

use super::error::TranslateError;

/// Frame locals of a body with `params` parameters, with their frame size `N` in bytes.
pub fn frame_locals(
    body: &FunctionBody<'_>,
    params: u32,
    stack_pointer: u32,
) -> Result<BTreeMap<u32, u32>, TranslateError> {
    let mut ops = Vec::new();
    let mut reader = body.get_operators_reader()?;
    while !reader.eof() {
        ops.push(reader.read()?);
    }
    // Writes per local, and the frame locals candidates found in the prefix.
    let mut writes: BTreeMap<u32, u32> = BTreeMap::new();
    let mut read_before: Vec<u32> = Vec::new();
    let mut candidates: BTreeMap<u32, u32> = BTreeMap::new();
    let mut prefix = true;
    for (i, op) in ops.iter().enumerate() {
        match op {
            Operator::LocalSet { local_index } | Operator::LocalTee { local_index } => {
                *writes.entry(*local_index).or_default() += 1;
                if prefix && !read_before.contains(local_index) {
                    if let [.., Operator::GlobalGet { global_index }, Operator::I32Const { value }, Operator::I32Sub] =
                        &ops[..i]
                    {
                        if *global_index == stack_pointer && *value > 0 {
                            candidates.insert(*local_index, *value as u32);
                        }
                    }
                }
            }
            Operator::LocalGet { local_index } if prefix => read_before.push(*local_index),
            Operator::Block { .. }
            | Operator::Loop { .. }
            | Operator::If { .. }
            | Operator::Else
            | Operator::End
            | Operator::Br { .. }
            | Operator::BrIf { .. }
            | Operator::BrTable { .. }
            | Operator::Return
            | Operator::Unreachable
            | Operator::Call { .. }
            | Operator::CallIndirect { .. } => prefix = false,
            _ => {}
        }
    }
    candidates.retain(|local, _| *local >= params && writes.get(local) == Some(&1));
    Ok(candidates)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn frames(func: &str) -> BTreeMap<u32, u32> {
        let wat = format!(
            "(module (memory 1) (global $sp (mut i32) (i32.const 65536)) (func $f (param i32) {func}))"
        );
        let wasm = wat::parse_str(&wat).unwrap();
        for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
            if let wasmparser::Payload::CodeSectionEntry(body) = payload.unwrap() {
                return frame_locals(&body, 1, 0).unwrap();
            }
        }
        panic!("no function");
    }

    #[test]
    fn rustc_prologue_is_a_frame_local() {
        let f = frames(
            "(local i32 i32)
             global.get $sp i32.const 112 i32.sub local.tee 1 global.set $sp
             (block (i32.store8 offset=5 (local.get 1) (i32.const 7)))
             (global.set $sp (i32.add (local.get 1) (i32.const 112)))",
        );
        assert_eq!(f, BTreeMap::from([(1, 112)]));
    }

    #[test]
    fn a_second_write_a_late_write_or_a_parameter_is_not() {
        for body in [
            // Written again later.
            "(local i32) global.get $sp i32.const 16 i32.sub local.set 1
             (local.set 1 (i32.const 0))",
            // Only written inside a block.
            "(local i32) (block global.get $sp i32.const 16 i32.sub local.set 1)",
            // Read (as 0) before its write.
            "(local i32) (drop (local.get 1)) global.get $sp i32.const 16 i32.sub local.set 1",
            // A parameter.
            "global.get $sp i32.const 16 i32.sub local.set 0",
            // Not below the stack pointer.
            "(local i32) global.get $sp i32.const 16 i32.add local.set 1",
        ] {
            assert!(frames(body).is_empty(), "{body}");
        }
    }
}
