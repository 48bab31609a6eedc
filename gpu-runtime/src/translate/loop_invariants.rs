//! What a tiled load group inside a loop can learn once, at the loop's entry.
//!
//! n-body reads body `j` as `local.get $q; f32.load offset=…` four times and then steps
//! `$q += 16`. The group's 16-byte loads need its span to be 16-byte aligned, which the
//! translator tested on every iteration; a branch on a value the driver cannot see is
//! invariant keeps it from unrolling the loop. Here it is invariant: when `$q`'s only write in
//! the loop is one `local.get $q; i32.const c; i32.add; local.set/tee $q` at the loop body's
//! own level with `c` a multiple of 16, `$q + k` has the same remainder mod 16 on every
//! iteration as on entry. So the translator computes `($q + k) & 15 == 0` once, right before
//! the loop, and the group reads that (docs/PERFORMANCE.md: nbody 11.2 → 9.4 ms on the H200
//! without the per-iteration test).

use std::collections::BTreeMap;

use wasmparser::{FunctionBody, Operator};

use super::access_groups::Role;
use super::counted_loops::matching_end;
use super::error::TranslateError;

/// A tiled group whose alignment is decided at a loop's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryAligned {
    /// The group leader's operator offset.
    pub leader: usize,
    /// The span starts at local `base` plus `add` (modulo 2^32).
    pub base: u32,
    pub add: i64,
}

/// Per loop (by the offset of its `loop` operator), the tiled groups in it whose alignment is
/// the same on every iteration. A group inside nested loops goes to the innermost one that
/// steps its base by a multiple of 16.
pub fn entry_aligned(
    body: &FunctionBody<'_>,
    groups: &BTreeMap<usize, Role>,
) -> Result<BTreeMap<usize, Vec<EntryAligned>>, TranslateError> {
    let mut ops = Vec::new();
    let mut reader = body.get_operators_reader()?;
    while !reader.eof() {
        let at = reader.original_position() as usize;
        ops.push((at, reader.read()?));
    }
    let plain: Vec<&Operator<'_>> = ops.iter().map(|(_, op)| op).collect();
    // Leader -> (loop offset, group); loops in program order, so inner loops come later and
    // replace their enclosing loop's claim.
    let mut chosen: BTreeMap<usize, (usize, EntryAligned)> = BTreeMap::new();
    for (start, op) in plain.iter().enumerate() {
        if !matches!(op, Operator::Loop { .. }) {
            continue;
        }
        let Some(end) = matching_end(&plain, start) else {
            continue;
        };
        let steps = sixteen_byte_steps(&plain[start + 1..end]);
        let (from, to) = (ops[start].0, ops[end].0);
        for (&leader, role) in groups.range(from..to) {
            let Role::Leader(g) = role else { continue };
            if g.tiled_blocks.is_none() || !steps.contains(&g.base) {
                continue;
            }
            let (lo, _) = g.span();
            let group = EntryAligned {
                leader,
                base: g.base,
                add: g.base_const + lo,
            };
            chosen.insert(leader, (ops[start].0, group));
        }
    }
    let mut by_loop: BTreeMap<usize, Vec<EntryAligned>> = BTreeMap::new();
    for (loop_at, group) in chosen.into_values() {
        by_loop.entry(loop_at).or_default().push(group);
    }
    Ok(by_loop)
}

/// Locals of a loop body written exactly once, by a step of a multiple of 16 at the body's
/// own level.
fn sixteen_byte_steps(body: &[&Operator<'_>]) -> Vec<u32> {
    let mut writes: BTreeMap<u32, (u32, bool)> = BTreeMap::new();
    let mut depth = 0u32;
    for (i, op) in body.iter().enumerate() {
        match op {
            Operator::Block { .. }
            | Operator::Loop { .. }
            | Operator::If { .. }
            | Operator::TryTable { .. } => depth += 1,
            Operator::End => depth = depth.saturating_sub(1),
            Operator::LocalSet { local_index } | Operator::LocalTee { local_index } => {
                let step = depth == 0
                    && i >= 3
                    && matches!(
                        body[i - 3..i],
                        [Operator::LocalGet { local_index: k }, Operator::I32Const { value }, Operator::I32Add | Operator::I32Sub]
                            if k == local_index && value % 16 == 0
                    );
                let e = writes.entry(*local_index).or_insert((0, true));
                e.0 += 1;
                e.1 &= step;
            }
            _ => {}
        }
    }
    writes
        .into_iter()
        .filter(|(_, (n, step))| *n == 1 && *step)
        .map(|(local, _)| local)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::translate::access_groups;

    fn found(func: &str) -> Vec<EntryAligned> {
        let wat = format!("(module (memory 1) (func $f (param i32 i32) (local f32) {func}))");
        let wasm = wat::parse_str(&wat).unwrap();
        for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
            if let wasmparser::Payload::CodeSectionEntry(body) = payload.unwrap() {
                let groups = access_groups::find(&body).unwrap();
                return entry_aligned(&body, &groups)
                    .unwrap()
                    .into_values()
                    .flatten()
                    .collect();
            }
        }
        panic!("no function");
    }

    const LOADS: &str = "(local.set 2 (f32.add (f32.add (f32.load offset=12 (local.get 0))
        (f32.load offset=8 (local.get 0))) (f32.add (f32.load offset=4 (local.get 0))
        (f32.load (local.get 0)))))";

    #[test]
    fn a_pointer_stepping_by_sixteen_is_aligned_alike_on_every_iteration() {
        let f = found(&format!(
            "(loop {LOADS} (local.set 0 (i32.add (local.get 0) (i32.const 16)))
               (br_if 0 (local.tee 1 (i32.add (local.get 1) (i32.const -1)))))"
        ));
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].base, f[0].add), (0, 0));
    }

    #[test]
    fn other_steps_or_writes_decide_per_iteration() {
        for step in [
            "(local.set 0 (i32.add (local.get 0) (i32.const 8)))",
            "(local.set 0 (i32.load (local.get 1)))",
            "(if (local.get 1) (then (local.set 0 (i32.add (local.get 0) (i32.const 16)))))",
            "(local.set 0 (i32.add (local.get 0) (i32.const 16)))
             (local.set 0 (i32.add (local.get 0) (i32.const 16)))",
        ] {
            let f = found(&format!(
                "(loop {LOADS} {step}
                   (br_if 0 (local.tee 1 (i32.add (local.get 1) (i32.const -1)))))"
            ));
            assert!(f.is_empty(), "{step}");
        }
    }
}
