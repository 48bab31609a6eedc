//! Counted loops: wasm loops whose back-edge needs no "has the thread trapped?" test.
//!
//! A trap does not jump (see `func.rs`): it records itself and the thread runs on with
//! harmless values, side effects off, until every enclosing loop has left. So each back-edge
//! normally continues only while `trap_code == 0`. On the loop that matters most, a counted
//! `for j in 0..n`, that extra term in the exit condition keeps the driver from computing the
//! trip count, and so from unrolling: on the H200 the n-body step took 11.99 ms with it and
//! 11.83 ms without, and 6.84 ms once the loop is also versioned (`loop_invariants.rs`), which
//! needs a counted loop (docs/PERFORMANCE.md, fifth session).
//!
//! The test may go when the number of iterations cannot depend on anything a trap changes and
//! is finite whatever happened before: then a thread that traps inside the loop only finishes
//! the iterations the program itself asked for, with stores and other effects already off. A
//! loop qualifies when
//! - exactly one branch targets it: a `br_if` that is the last operator of its body;
//! - that `br_if`'s condition is one of
//!   `k`, `k == 0` (`i32.eqz`), or `k ⊙ m` / `m ⊙ k` with `⊙` one of `eq ne lt_u gt_u lt_s gt_s`,
//!   where `k` is a counter and `m` is an `i32.const` or a local that the loop never writes
//!   (`k` itself may be the `local.tee` of its step);
//! - the counter `k` is an `i32` local written exactly once in the loop, by
//!   `local.get k; i32.const ±1; i32.add|i32.sub; local.set|tee k` at the loop body's own level
//!   (so it steps by one on every iteration that reaches the back-edge);
//! - or, for the conditions `k` and `k == 0` only, the step is `±2^s` and `k` is a multiple of
//!   `2^s` on entry, as the `i32.const c` / `i32.and` that last wrote it right ahead of the
//!   loop shows (a loop unrolled by two counts down from `n & -2`);
//! - the loop takes no parameters.
//!
//! A counter that steps by one reaches every `i32` value within 2³² iterations, and each of
//! those conditions is false for at least one of them, so the loop always ends; a multiple of
//! `2^s` stepping by `2^s` meets zero as surely. (`le`/`ge` and other steps are left out:
//! `k <= u32::MAX`, or `k += 16` against an `m` it skips over, never end, and such a loop may
//! rely on a trap to leave.) What the counter and
//! limit hold on entry must be real values too: the translator enters a counted loop only
//! while the thread has not trapped (`if trap_code == 0 { loop { … } }`).
//!
//! Loops of call-cycle members are not analysed (their back-edges also resume calls).

use std::collections::BTreeSet;

use wasmparser::{BlockType, Operator};

use super::body_ops::{is_control, loops, opens};

/// Byte offsets of the `br_if` back-edges of the body's counted loops.
pub fn find(ops: &[(usize, Operator<'_>)]) -> BTreeSet<usize> {
    let plain: Vec<&Operator<'_>> = ops.iter().map(|(_, op)| op).collect();
    let mut found = BTreeSet::new();
    for (start, end, blockty) in loops(&plain) {
        if matches!(blockty, BlockType::FuncType(_)) {
            continue;
        }
        let entry = |k| entry_multiple(&plain[..start], k);
        if end >= start + 2 && is_counted(&plain[start + 1..end], entry) {
            found.insert(ops[end - 1].0);
        }
    }
    found
}

/// Whether a loop with this body (without its `loop` and `end`) is counted; `entry(k)`: a
/// power of two that local `k` is known to be a multiple of when the loop is entered.
fn is_counted(body: &[&Operator<'_>], entry: impl Fn(u32) -> u32) -> bool {
    let Some((Operator::BrIf { relative_depth: 0 }, before)) = body.split_last() else {
        return false;
    };
    if branches_to_loop(body) != 1 {
        return false;
    }
    conditions(before).into_iter().any(|(k, limit)| {
        let invariant = match limit {
            Limit::Zero | Limit::Const => true,
            Limit::Local(m) => m != k && writes(body, m) == 0,
        };
        let Some(step) = (writes(body, k) == 1)
            .then(|| top_level_step(body, k))
            .flatten()
        else {
            return false;
        };
        // A step of ±2^s meets zero only from a multiple of 2^s; other tests need ±1.
        let ends = match limit {
            Limit::Zero => entry(k) % step == 0,
            Limit::Const | Limit::Local(_) => step == 1,
        };
        invariant && ends
    })
}

/// A power of two that `k` is a multiple of on entry to a loop preceded by `before`: read from
/// its last write, when that is `i32.const c` or `… i32.const c; i32.and` in the straight-line
/// code right ahead of the loop (rustc's loops unrolled by two count down from `n & -2`).
fn entry_multiple(before: &[&Operator<'_>], k: u32) -> u32 {
    let multiple = |c: i32| 1u32 << c.trailing_zeros().min(31);
    for (i, op) in before.iter().enumerate().rev() {
        match op {
            Operator::LocalSet { local_index } | Operator::LocalTee { local_index }
                if *local_index == k =>
            {
                return match &before[..i] {
                    [.., Operator::I32Const { value }, Operator::I32And] => multiple(*value),
                    [.., Operator::I32Const { value }] => multiple(*value),
                    _ => 1,
                };
            }
            op if is_control(op) => return 1,
            _ => {}
        }
    }
    1
}

/// How many branches in the loop body target the loop itself.
fn branches_to_loop(body: &[&Operator<'_>]) -> usize {
    let mut depth = 0u32;
    let mut n = 0;
    for op in body {
        match op {
            op if opens(op) => depth += 1,
            Operator::End => depth = depth.saturating_sub(1),
            Operator::Br { relative_depth } | Operator::BrIf { relative_depth }
                if *relative_depth == depth =>
            {
                n += 1
            }
            Operator::BrTable { targets } => {
                let all: Vec<u32> = targets.targets().filter_map(Result::ok).collect();
                if all.len() != targets.len() as usize
                    || all.iter().chain([&targets.default()]).any(|t| *t == depth)
                {
                    // An unreadable or looping table: never counted.
                    n += 2;
                }
            }
            Operator::Delegate { .. } | Operator::Rethrow { .. } => n += 2,
            _ => {}
        }
    }
    n
}

/// `local.get k; i32.const c; i32.add|i32.sub; local.set|tee k` with `c = ±2^s`: `k` and
/// the step's magnitude `2^s`.
fn step_write(ops: &[&Operator<'_>]) -> Option<(u32, u32)> {
    match ops {
        [Operator::LocalGet { local_index: k }, Operator::I32Const { value }, Operator::I32Add | Operator::I32Sub, Operator::LocalSet { local_index } | Operator::LocalTee { local_index }]
            if k == local_index && value.unsigned_abs().is_power_of_two() =>
        {
            Some((*k, value.unsigned_abs()))
        }
        _ => None,
    }
}

/// The counter read by an operand that ends `ops`, with the operand's length: `local.get k`
/// or the `local.tee k` of its step.
fn counter_operand(ops: &[&Operator<'_>]) -> Option<(u32, usize)> {
    if ops.len() >= 4 {
        let tail = &ops[ops.len() - 4..];
        if matches!(tail[3], Operator::LocalTee { .. }) {
            if let Some((k, _)) = step_write(tail) {
                return Some((k, 4));
            }
        }
    }
    match ops.last() {
        Some(Operator::LocalGet { local_index }) => Some((*local_index, 1)),
        _ => None,
    }
}

/// What a counter is compared with.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Limit {
    /// The condition is `k` or `k == 0`: the loop ends when (or right after) `k` is zero.
    Zero,
    /// A constant.
    Const,
    /// `local.get m` (whether the loop writes `m` is checked by the caller).
    Local(u32),
}

/// A loop-invariant operand: an `i32.const` or a `local.get`.
fn limit_operand(op: &Operator<'_>) -> Option<Limit> {
    match op {
        Operator::I32Const { .. } => Some(Limit::Const),
        Operator::LocalGet { local_index } => Some(Limit::Local(*local_index)),
        _ => None,
    }
}

fn is_strict_or_equality(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::I32Eq
            | Operator::I32Ne
            | Operator::I32LtU
            | Operator::I32GtU
            | Operator::I32LtS
            | Operator::I32GtS
    )
}

/// The ways to read the condition computed by `before` (the operators ahead of the
/// `br_if`) as a counter `k` with its limit (whether `k` and the limit are what they must be
/// is checked by the caller).
fn conditions(before: &[&Operator<'_>]) -> Vec<(u32, Limit)> {
    let mut found = Vec::new();
    match before.split_last() {
        Some((Operator::I32Eqz, rest)) => {
            found.extend(counter_operand(rest).map(|(k, _)| (k, Limit::Zero)));
        }
        Some((cmp, rest)) if is_strict_or_equality(cmp) => {
            // `k ⊙ m`: the counter on the left.
            if let Some((right, left_ops)) = rest.split_last() {
                if let (Some(limit), Some((k, _))) =
                    (limit_operand(right), counter_operand(left_ops))
                {
                    found.push((k, limit));
                }
            }
            // `m ⊙ k`: the counter on the right (a `local.get` or its stepping `local.tee`).
            if let Some((k, len)) = counter_operand(rest) {
                let left = rest.len().checked_sub(len + 1).and_then(|i| rest.get(i));
                if let Some(limit) = left.and_then(|op| limit_operand(op)) {
                    found.push((k, limit));
                }
            }
        }
        _ => found.extend(counter_operand(before).map(|(k, _)| (k, Limit::Zero))),
    }
    found
}

/// Writes of `local` anywhere in the loop body.
fn writes(body: &[&Operator<'_>], local: u32) -> usize {
    body.iter()
        .filter(|op| {
            matches!(op, Operator::LocalSet { local_index } | Operator::LocalTee { local_index }
                if *local_index == local)
        })
        .count()
}

/// The step's magnitude, when the one write of `k` is its step at the loop body's own level.
fn top_level_step(body: &[&Operator<'_>], k: u32) -> Option<u32> {
    let mut depth = 0u32;
    for (i, op) in body.iter().enumerate() {
        match op {
            op if opens(op) => depth += 1,
            Operator::End => depth = depth.saturating_sub(1),
            Operator::LocalSet { local_index } | Operator::LocalTee { local_index }
                if *local_index == k =>
            {
                if depth != 0 || i < 3 {
                    return None;
                }
                return step_write(&body[i - 3..=i])
                    .filter(|(written, _)| *written == k)
                    .map(|(_, step)| step);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    /// The number of counted loops in `func` (one function's text).
    fn counted(func: &str) -> usize {
        let wat = format!("(module (memory 1) (func $f (param i32 i32) (local i32 f32) {func}))");
        let wasm = wat::parse_str(&wat).unwrap();
        for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
            if let wasmparser::Payload::CodeSectionEntry(body) = payload.unwrap() {
                return find(&crate::translate::body_ops::read(&body).unwrap()).len();
            }
        }
        panic!("no function");
    }

    #[test]
    fn counting_down_to_zero_is_counted() {
        // rustc's `for j in 0..n` in the n-body step.
        assert_eq!(
            counted(
                "(loop (local.set 3 (f32.load (local.get 0)))
                   (local.set 0 (i32.add (local.get 0) (i32.const 16)))
                   (br_if 0 (local.tee 1 (i32.add (local.get 1) (i32.const -1)))))"
            ),
            1
        );
    }

    #[test]
    fn counting_up_to_an_invariant_limit_is_counted_either_way_round() {
        let step = "(local.set 2 (i32.add (local.get 2) (i32.const 1)))";
        assert_eq!(
            counted(&format!(
                "(loop {step} (br_if 0 (i32.lt_u (local.get 2) (local.get 1))))"
            )),
            1
        );
        assert_eq!(
            counted(&format!(
                "(loop {step} (br_if 0 (i32.gt_s (i32.const 100) (local.get 2))))"
            )),
            1
        );
        assert_eq!(
            counted(
                "(loop (br_if 0 (i32.ne (local.get 1)
                   (local.tee 2 (i32.sub (local.get 2) (i32.const 1))))))"
            ),
            1
        );
    }

    #[test]
    fn loops_that_might_never_end_keep_their_trap_test() {
        // A step of 16 can skip the limit; `<=` a maximum is always true.
        assert_eq!(
            counted(
                "(loop (br_if 0 (i32.ne (local.tee 0 (i32.add (local.get 0) (i32.const 16)))
                   (local.get 1))))"
            ),
            0
        );
        assert_eq!(
            counted(
                "(loop (local.set 2 (i32.add (local.get 2) (i32.const 1)))
                   (br_if 0 (i32.le_u (local.get 2) (local.get 1))))"
            ),
            0
        );
        // No counter at all: loops until something traps.
        assert_eq!(counted("(loop (br_if 0 (local.get 1)))"), 0);
    }

    #[test]
    fn counting_down_by_two_from_an_even_count_is_counted() {
        // rustc's loop unrolled by two (splitmix64): `k = n & -2`, then `k -= 2` until zero.
        let body = "(loop (local.set 3 (f32.add (local.get 3) (f32.const 1)))
                     (br_if 0 (local.tee 2 (i32.add (local.get 2) (i32.const -2)))))";
        assert_eq!(
            counted(&format!(
                "(local.set 2 (i32.and (local.get 1) (i32.const -2))) {body}"
            )),
            1
        );
        // From a count that may be odd it would never meet zero.
        assert_eq!(counted(&format!("(local.set 2 (local.get 1)) {body}")), 0);
        assert_eq!(
            counted(&format!(
                "(local.set 2 (i32.and (local.get 1) (i32.const -2))) (nop) (block) {body}"
            )),
            0
        );
    }

    #[test]
    fn a_limit_or_counter_written_elsewhere_disqualifies() {
        // The limit changes in the loop.
        assert_eq!(
            counted(
                "(loop (local.set 1 (i32.load (local.get 0)))
                   (local.set 2 (i32.add (local.get 2) (i32.const 1)))
                   (br_if 0 (i32.lt_u (local.get 2) (local.get 1))))"
            ),
            0
        );
        // The counter is also written from memory.
        assert_eq!(
            counted(
                "(loop (local.set 2 (i32.load (local.get 0)))
                   (local.set 2 (i32.add (local.get 2) (i32.const 1)))
                   (br_if 0 (i32.lt_u (local.get 2) (local.get 1))))"
            ),
            0
        );
        // The step sits in a conditional block: some iterations would not step.
        assert_eq!(
            counted(
                "(loop (if (local.get 0) (then
                   (local.set 2 (i32.add (local.get 2) (i32.const 1)))))
                   (br_if 0 (i32.lt_u (local.get 2) (local.get 1))))"
            ),
            0
        );
    }

    #[test]
    fn a_second_back_edge_disqualifies() {
        assert_eq!(
            counted(
                "(loop (br_if 0 (local.get 0))
                   (br_if 0 (local.tee 1 (i32.add (local.get 1) (i32.const -1)))))"
            ),
            0
        );
        // Exits to an outer block are fine.
        assert_eq!(
            counted(
                "(block (loop (br_if 1 (local.get 0))
                   (br_if 0 (local.tee 1 (i32.add (local.get 1) (i32.const -1))))))"
            ),
            1
        );
    }
}
