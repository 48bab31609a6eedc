//! Groups of whole-word stores to one base local in straight-line code, found before a
//! function is translated, so that one test at the first store decides for all of them that
//! they are plain word writes.
//!
//! A wasm store may be unaligned (`i32.store align=1` is what rustc emits for a `[u8]`
//! destination, such as `out.copy_from_slice(&digest)` in the SHA-256 workload), so each one
//! goes through the store helper: split the address into word and shift, a whole-word write
//! when the shift is zero, else two partial words merged atomically (neighbouring threads may
//! write the other bytes), and the interleaved-stack index mapping on every word. On the H200
//! sha256 took 0.511 ms with the eight digest stores through that helper, although none of
//! them is ever unaligned, and 0.490 ms as a store group (the hand-written WGSL: 0.448 ms;
//! docs/PERFORMANCE.md, fifth session).
//!
//! A group is a run of 4- and 8-byte stores whose address operand is `local.get B` with memarg
//! offsets that are multiples of 4, where the operators between them only compute values,
//! load, or write other locals: no branch, call, other store, or write of `B`. The first store
//! (the leader) asks once whether the group's byte span `B + [lo, hi)` is 4-byte aligned,
//! inside memory (without the address carrying past 4 GiB) and outside the interleaved stack
//! region. When it is, every member is a plain write of its words at `(B + offset) / 4`, made
//! while the thread has not trapped (a load between two members may trap); when it is not,
//! each member takes the usual checked path, with its own bounds check and trap offset. Each
//! store stays where it is, so loads between members see exactly what they saw before.

use std::collections::BTreeMap;

use wasmparser::Operator;

use super::access_groups::{load_size, pure, MAX_REL};
use super::frame::NoModule;

/// What the translator does at a store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreRole {
    /// The first store of a group: decides for the group.
    Leader(StoreGroup),
    /// A later store, decided by the leader at this byte offset.
    Member { leader: usize },
}

/// The bytes a group writes, `[lo, hi)` relative to its base local's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreGroup {
    pub lo: u32,
    pub hi: u32,
}

/// Spans above this are left alone (no digest or struct copy is that long; the stack-region
/// test assumes spans much shorter than the region).
const MAX_SPAN: u32 = 256;

/// The stores to group in a function body, by operator offset.
pub fn find(ops: &[(usize, Operator<'_>)]) -> BTreeMap<usize, StoreRole> {
    let plain: Vec<&Operator<'_>> = ops.iter().map(|(_, op)| op).collect();
    let mut roles = BTreeMap::new();
    let mut open: Option<Open> = None;
    for (i, (at, op)) in ops.iter().enumerate() {
        if let Some((size, offset)) = word_store(op) {
            match (base_local(&plain[..i]), &mut open) {
                (Some(local), Some(g)) if g.local == local => g.stores.push((*at, offset, size)),
                (Some(local), _) => {
                    close(open.take(), &mut roles);
                    open = Some(Open {
                        local,
                        stores: vec![(*at, offset, size)],
                    });
                }
                (None, _) => close(open.take(), &mut roles),
            }
            continue;
        }
        let keeps = match op {
            Operator::LocalSet { local_index } | Operator::LocalTee { local_index } => {
                open.as_ref().is_none_or(|g| g.local != *local_index)
            }
            _ => pure(op) || load_size(op).is_some(),
        };
        if !keeps {
            close(open.take(), &mut roles);
        }
    }
    close(open, &mut roles);
    roles
}

/// A group being collected.
struct Open {
    local: u32,
    /// (operator offset, memarg offset, bytes), leader first.
    stores: Vec<(usize, u32, u32)>,
}

fn close(open: Option<Open>, roles: &mut BTreeMap<usize, StoreRole>) {
    let Some(g) = open else { return };
    if g.stores.len() < 2 {
        return;
    }
    let lo = g.stores.iter().map(|s| s.1).min().unwrap_or(0);
    let hi = g.stores.iter().map(|s| s.1 + s.2).max().unwrap_or(0);
    if hi - lo > MAX_SPAN {
        return;
    }
    let leader = g.stores[0].0;
    for s in &g.stores[1..] {
        roles.insert(s.0, StoreRole::Member { leader });
    }
    roles.insert(leader, StoreRole::Leader(StoreGroup { lo, hi }));
}

/// A 4- or 8-byte store with a memarg offset that keeps word alignment: (bytes, offset).
fn word_store(op: &Operator<'_>) -> Option<(u32, u32)> {
    let (size, memarg) = match op {
        Operator::I32Store { memarg } | Operator::F32Store { memarg } => (4, memarg),
        Operator::I64Store { memarg } | Operator::F64Store { memarg } => (8, memarg),
        _ => return None,
    };
    let offset = u32::try_from(memarg.offset).ok()?;
    (offset % 4 == 0 && i64::from(offset) <= MAX_REL).then_some((size, offset))
}

/// The local whose `local.get` pushed a store's address, the store's operands having been
/// pushed by the operators of `before`: walk back over those that produced the value, then the
/// next one back produced the address. `None` when an operator on the way has an arity that
/// depends on the module or the control stack.
fn base_local(before: &[&Operator<'_>]) -> Option<u32> {
    let mut p = before.len();
    let mut need: i64 = 1;
    while need > 0 {
        p = p.checked_sub(1)?;
        let (pops, pushes) = before[p].operator_arity(&NoModule)?;
        need += i64::from(pops) - i64::from(pushes);
    }
    match before.get(p.checked_sub(1)?)? {
        Operator::LocalGet { local_index } => Some(*local_index),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn roles(func: &str) -> Vec<StoreRole> {
        let wat = format!("(module (memory 1) (func $f (param i32 i32) (local i32) {func}))");
        let wasm = wat::parse_str(&wat).unwrap();
        for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
            if let wasmparser::Payload::CodeSectionEntry(body) = payload.unwrap() {
                let ops = crate::translate::body_ops::read(&body).unwrap();
                return find(&ops).into_values().collect();
            }
        }
        panic!("no function");
    }

    #[test]
    fn digest_copy_is_one_group() {
        // The SHA-256 digest: loads from the frame, byte swaps, unaligned stores to `out`.
        let swap = |o: u32| {
            format!(
                "(i32.store offset={o} align=1 (local.get 0)
                   (i32.rotl (i32.load offset={o} (local.get 1)) (i32.const 8)))"
            )
        };
        let r = roles(&format!("{}{}{}", swap(8), swap(4), swap(0)));
        assert_eq!(r.len(), 3);
        assert!(r.contains(&StoreRole::Leader(StoreGroup { lo: 0, hi: 12 })));
    }

    #[test]
    fn what_ends_a_group() {
        let st = |o: u32| format!("(i64.store offset={o} (local.get 0) (i64.const 1))");
        // Two groups: the base is written in between.
        let r = roles(&format!(
            "{}{} (local.set 0 (local.get 1)) {}{}",
            st(0),
            st(8),
            st(0),
            st(8)
        ));
        assert_eq!(
            r.iter()
                .filter(|r| matches!(r, StoreRole::Leader(_)))
                .count(),
            2
        );
        // A call, a byte store or a branch in between: no group.
        for between in [
            "(call $f (i32.const 0) (i32.const 0))",
            "(i32.store8 (local.get 1) (i32.const 0))",
            "(br_if 0 (local.get 1))",
        ] {
            assert!(
                roles(&format!("{}{between}{}", st(0), st(8))).is_empty(),
                "{between}"
            );
        }
        // Another base, or an offset that is not a multiple of 4.
        assert!(roles(&format!(
            "{} (i64.store (local.get 1) (i64.const 1))",
            st(0)
        ))
        .is_empty());
        assert!(roles(&format!("{}{}", st(0), st(6))).is_empty());
    }
}
