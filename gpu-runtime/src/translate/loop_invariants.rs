//! What a tiled load group inside a loop can learn once, at the loop's entry.
//!
//! n-body reads body `j` as `local.get $q; f32.load offset=…` four times and then steps
//! `$q += 16`. The group's 16-byte loads need its span to be 16-byte aligned, which the
//! translator tested on every iteration. When `$q`'s only write in the loop is one
//! `local.get $q; i32.const c; i32.add; local.set/tee $q` at the loop body's own level with `c`
//! a multiple of 16, `$q + k` has the same remainder mod 16 on every iteration as on entry, so
//! the translator computes `($q + k) & 15 == 0` once, right before the loop, and the group
//! reads that ([`entry_aligned`]).
//!
//! What still stood in the loop (the group's bounds check, the clamp of its 16-byte load's
//! index) goes with loop versioning ([`Versioned`]): a counted loop translated twice, the copy
//! without them chosen by one test before the loop. On the H200 that took n-body from 11.35 to
//! 6.84 ms (docs/PERFORMANCE.md, fifth session).

use std::collections::BTreeMap;

use wasmparser::Operator;

use super::access_groups::Role;
use super::body_ops::{loops, opens};

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
    ops: &[(usize, Operator<'_>)],
    groups: &BTreeMap<usize, Role>,
) -> BTreeMap<usize, Vec<EntryAligned>> {
    let plain: Vec<&Operator<'_>> = ops.iter().map(|(_, op)| op).collect();
    // Leader -> (loop offset, group); loops in program order, so inner loops come later and
    // replace their enclosing loop's claim.
    let mut chosen: BTreeMap<usize, (usize, EntryAligned)> = BTreeMap::new();
    for (start, end, _) in loops(&plain) {
        let steps = steps(&plain[start + 1..end], start + 1);
        let (from, to) = (ops[start].0, ops[end].0);
        for (&leader, role) in groups.range(from..to) {
            let Role::Leader(g) = role else { continue };
            let sixteen = steps.get(&g.base).is_some_and(|(step, _)| step % 16 == 0);
            if g.tiled_blocks.is_none() || !sixteen {
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
    by_loop
}

/// A counted loop translated twice (loop versioning): a copy without the bounds checks of
/// its tiled load groups, run when one test before the loop shows that every iteration's
/// groups are inside memory, 16-byte aligned and outside the stack region; else the usual
/// copy. On the H200, n-body's inner loop with its group's check and the clamp of its 16-byte
/// load took 11.1 ms, without both 9.4 ms; a test of an invariant flag in the loop does not do
/// (11.9 ms: the driver does not unswitch the loop).
///
/// The loop (no parameters or results) must be a counted loop (`counted_loops.rs`) ending in
/// `local.get k; i32.const -1; i32.add; local.tee k; br_if 0`, so that it runs exactly `k`
/// times from entry (`k != 0`), hold no other loop, and have no branch, `return` or
/// `unreachable` that leaves it; each group's base must step by a positive multiple of 16
/// once per iteration (`local.get b; i32.const s; i32.add; local.set/tee b` at the body's own
/// level, its only write there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versioned {
    /// The trip count's local.
    pub counter: u32,
    pub groups: Vec<VersionedGroup>,
}

/// A tiled group of a versioned loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionedGroup {
    pub leader: usize,
    /// Its span is `[base + add, base + add + len)` on the first iteration, and moves by
    /// `step` bytes per iteration.
    pub base: u32,
    pub add: i64,
    pub len: u32,
    pub step: u32,
}

/// The loops to version, by the offset of their `loop` operator; `back_edges`: the counted
/// loops' back-edges (`counted_loops::find`).
pub fn versioned_loops(
    ops: &[(usize, Operator<'_>)],
    groups: &BTreeMap<usize, Role>,
    back_edges: &std::collections::BTreeSet<usize>,
) -> BTreeMap<usize, Versioned> {
    let plain: Vec<&Operator<'_>> = ops.iter().map(|(_, op)| op).collect();
    let mut found = BTreeMap::new();
    for (start, end, blockty) in loops(&plain) {
        if blockty != wasmparser::BlockType::Empty {
            continue;
        }
        let body_ops = &plain[start + 1..end];
        let n = body_ops.len();
        if n < 5 || !back_edges.contains(&ops[end - 1].0) || !stays_inside(body_ops) {
            continue;
        }
        let counter = match body_ops[n - 5..] {
            [Operator::LocalGet { local_index: k }, Operator::I32Const { value: -1 }, Operator::I32Add, Operator::LocalTee { local_index }, Operator::BrIf { relative_depth: 0 }]
                if k == local_index =>
            {
                k
            }
            _ => continue,
        };
        let steps = steps(body_ops, start + 1);
        let (from, to) = (ops[start].0, ops[end].0);
        let mut members = Vec::new();
        for (&leader, role) in groups.range(from..to) {
            let Role::Leader(g) = role else { continue };
            let Some(&(step, write_at)) = steps.get(&g.base) else {
                continue;
            };
            if g.tiled_blocks.is_none() || step <= 0 || step % 16 != 0 {
                continue;
            }
            let step = step as u32;
            let (lo, hi) = g.span();
            // A group after the step in the body sees the base one step on.
            let after = leader > ops[write_at].0;
            members.push(VersionedGroup {
                leader,
                base: g.base,
                add: g.base_const + lo + if after { i64::from(step) } else { 0 },
                len: (hi - lo) as u32,
                step,
            });
        }
        if !members.is_empty() {
            found.insert(
                ops[start].0,
                Versioned {
                    counter: *counter,
                    groups: members,
                },
            );
        }
    }
    found
}

/// Whether a loop body holds no other loop and nothing that leaves it except by falling
/// through its end (branches to blocks inside it are fine).
fn stays_inside(body: &[&Operator<'_>]) -> bool {
    let mut depth = 0u32;
    for op in body {
        match op {
            Operator::Block { .. } | Operator::If { .. } => depth += 1,
            Operator::End => depth = depth.saturating_sub(1),
            Operator::Loop { .. }
            | Operator::TryTable { .. }
            | Operator::Return
            | Operator::Unreachable
            | Operator::BrTable { .. }
            | Operator::Throw { .. }
            | Operator::ThrowRef
            | Operator::Rethrow { .. }
            | Operator::Delegate { .. }
            | Operator::ReturnCall { .. }
            | Operator::ReturnCallIndirect { .. } => return false,
            // Depth `depth` is the loop itself (its one back-edge is the counted `br_if`);
            // beyond it, a branch leaves the loop.
            Operator::Br { relative_depth } | Operator::BrIf { relative_depth }
                if *relative_depth > depth =>
            {
                return false;
            }
            _ => {}
        }
    }
    true
}

/// Locals of a loop body written exactly once, by a constant step at the body's own level
/// (`local.get b; i32.const c; i32.add|i32.sub; local.set/tee b`): (the signed step, index in
/// the function's operators of the write, the body starting at index `first`).
fn steps(body: &[&Operator<'_>], first: usize) -> BTreeMap<u32, (i64, usize)> {
    let mut writes: BTreeMap<u32, (u32, Option<(i64, usize)>)> = BTreeMap::new();
    let mut depth = 0u32;
    for (i, op) in body.iter().enumerate() {
        match op {
            op if opens(op) => depth += 1,
            Operator::End => depth = depth.saturating_sub(1),
            Operator::LocalSet { local_index } | Operator::LocalTee { local_index } => {
                let step = match body[i.saturating_sub(3)..i] {
                    [Operator::LocalGet { local_index: k }, Operator::I32Const { value }, add]
                        if depth == 0 && i >= 3 && k == local_index =>
                    {
                        match add {
                            Operator::I32Add => Some((i64::from(*value), first + i)),
                            Operator::I32Sub => Some((-i64::from(*value), first + i)),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                let e = writes.entry(*local_index).or_insert((0, step));
                e.0 += 1;
            }
            _ => {}
        }
    }
    writes
        .into_iter()
        .filter_map(|(local, (n, step))| (n == 1).then_some(step).flatten().map(|s| (local, s)))
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
                let ops = crate::translate::body_ops::read(&body).unwrap();
                let groups = access_groups::find(&ops);
                return entry_aligned(&ops, &groups)
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

    fn versioned(func: &str) -> Vec<Versioned> {
        let wat = format!("(module (memory 1) (func $f (param i32 i32) (local f32) {func}))");
        let wasm = wat::parse_str(&wat).unwrap();
        for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
            if let wasmparser::Payload::CodeSectionEntry(body) = payload.unwrap() {
                let ops = crate::translate::body_ops::read(&body).unwrap();
                let groups = access_groups::find(&ops);
                let counted = crate::translate::counted_loops::find(&ops);
                return versioned_loops(&ops, &groups, &counted)
                    .into_values()
                    .collect();
            }
        }
        panic!("no function");
    }

    #[test]
    fn the_n_body_loop_is_versioned() {
        let v = versioned(&format!(
            "(loop {LOADS} (local.set 0 (i32.add (local.get 0) (i32.const 16)))
               (br_if 0 (local.tee 1 (i32.add (local.get 1) (i32.const -1)))))"
        ));
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].counter, 1);
        let g = v[0].groups[0];
        assert_eq!((g.base, g.add, g.len, g.step), (0, 0, 16, 16));
        // With the step first, the group sees the base one step on.
        let v = versioned(&format!(
            "(loop (local.set 0 (i32.add (local.get 0) (i32.const 32))) {LOADS}
               (br_if 0 (local.tee 1 (i32.add (local.get 1) (i32.const -1)))))"
        ));
        assert_eq!(v[0].groups[0].add, 32);
    }

    #[test]
    fn loops_that_leave_early_or_count_otherwise_are_not_versioned() {
        let step = "(local.set 0 (i32.add (local.get 0) (i32.const 16)))";
        for (extra, back_edge) in [
            // A branch out of the loop.
            (
                "(block (br_if 2 (local.get 1)))",
                "(br_if 0 (local.tee 1 (i32.add (local.get 1) (i32.const -1))))",
            ),
            ("(return)", "(br_if 0 (local.tee 1 (i32.add (local.get 1) (i32.const -1))))"),
            // Counting up: the trip count is not the counter's entry value.
            (
                "",
                "(br_if 0 (i32.ne (local.tee 1 (i32.add (local.get 1) (i32.const 1))) (i32.const 9)))",
            ),
        ] {
            let v = versioned(&format!("(block (loop {LOADS} {step} {extra} {back_edge}))"));
            assert!(v.is_empty(), "{extra} {back_edge}");
        }
    }
}
