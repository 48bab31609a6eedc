//! Groups of loads from one base address in straight-line code, found before a function is
//! translated, so that the group is bounds-checked once and, when its loads tile whole 16-byte
//! blocks, read with 16-byte loads.
//!
//! rustc reads a struct or an array element field by field: `local.get $p; f32.load offset=4`,
//! or `local.get $p; i32.const 4; i32.add; f32.load`, one load per field. Each wasm load has
//! its own bounds check, and a 4-byte load is all a GPU does for it, where hand-written WGSL
//! reads a `vec4<f32>` in one 16-byte load (n-body: four loads and four checks per body against
//! one; docs/PERFORMANCE.md).
//!
//! A group is a run of loads whose address is local `L` plus a constant, with only operators
//! between them that cannot trap, branch, write memory or change `L`: then every load of the
//! group runs exactly when the first one does, on the same `L`, and no side effect happens in
//! between. So one check of the whole byte span at the first load (the leader) decides all of
//! them; when the span is not inside memory, the leader checks each load on its own, in order,
//! and records the first that fails, with its own offset, exactly as before. The loads of a
//! group that tiles `16·m` bytes with 4- and 8-byte loads are all done at the leader (moving a
//! load earlier past pure operators changes nothing), from `m` 16-byte words when the span is
//! 16-byte aligned and outside the stack region; otherwise each load is done as usual.

use std::collections::BTreeMap;

use wasmparser::Operator;

use super::body_ops::memory_access;

/// What the translator does at a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// The first load of a group: checks the group's span and, for a tiled group, loads every
    /// member's words.
    Leader(Group),
    /// A later load of a group: no bounds check of its own; for a tiled group its words were
    /// loaded by the leader (`index` into [`Group::members`]).
    Member { leader: usize, index: usize },
}

/// A group of loads from `local + constant`, leader first, in program order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<Member>,
    /// The members cover `[lo, lo + 16·blocks)` relative to the leader's address with 4- and
    /// 8-byte loads, without gaps or overlaps: `Some(blocks)`.
    pub tiled_blocks: Option<u32>,
    /// The leader's address is local `base` plus `base_const` (modulo 2^32).
    pub base: u32,
    pub base_const: i64,
}

/// One load of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// Byte offset of the load operator (for its trap code).
    pub offset: usize,
    /// Its address minus the leader's popped address (`i32.const` difference plus `memarg`
    /// offset; the leader's own memarg offset included).
    pub rel: i64,
    /// Its memarg offset (added with a carry check, unlike the `i32.const`).
    pub memarg_offset: u32,
    /// Bytes loaded.
    pub size: u32,
}

impl Group {
    /// `[lo, hi)` for the bounds check: [`Group::span`] extended down to every member's
    /// address before its memarg offset. When the leader's address plus `lo` does not wrap
    /// and plus `hi` stays inside memory, no member's base wraps, no memarg offset carries and
    /// every member is inside memory; otherwise the members are checked one by one.
    pub fn check_span(&self) -> (i64, i64) {
        let (lo, hi) = self.span();
        let bases = self
            .members
            .iter()
            .map(|m| m.rel - i64::from(m.memarg_offset))
            .min()
            .unwrap_or(0);
        (lo.min(bases), hi)
    }

    /// `[lo, hi)`: the bytes the members load, relative to the leader's popped address.
    pub fn span(&self) -> (i64, i64) {
        let lo = self.members.iter().map(|m| m.rel).min().unwrap_or(0);
        let hi = self
            .members
            .iter()
            .map(|m| m.rel + i64::from(m.size))
            .max()
            .unwrap_or(0);
        (lo, hi)
    }
}

/// Constants and memarg offsets above this are left alone (their address arithmetic is not
/// worth reasoning about, and no struct field is that far away).
pub(super) const MAX_REL: i64 = 1 << 20;

/// The loads to group in a function body, by operator offset.
pub fn find(ops: &[(usize, Operator<'_>)]) -> BTreeMap<usize, Role> {
    let mut roles = BTreeMap::new();
    let mut open: Option<Open> = None;
    for (i, (at, op)) in ops.iter().enumerate() {
        if let Some(size) = load_size(op) {
            let addr = address_of(&ops[..i]);
            match (addr, &mut open) {
                (Some((local, c)), Some(g)) if g.local == local => {
                    g.loads.push(Load::new(*at, c, op, size));
                }
                (Some((local, c)), _) => {
                    close(open.take(), &mut roles);
                    open = Some(Open {
                        local,
                        loads: vec![Load::new(*at, c, op, size)],
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
            _ => pure(op),
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
    /// Leader first.
    loads: Vec<Load>,
}

/// A load of a group being collected.
struct Load {
    offset: usize,
    /// The `i32.const` added to the local (0 without an add).
    c: i64,
    memarg_offset: u32,
    size: u32,
    tileable: bool,
}

impl Load {
    fn new(offset: usize, c: i64, op: &Operator<'_>, size: u32) -> Self {
        Load {
            offset,
            c,
            memarg_offset: memarg_of(op),
            size,
            tileable: tileable(op),
        }
    }
}

fn close(open: Option<Open>, roles: &mut BTreeMap<usize, Role>) {
    let Some(g) = open else { return };
    if g.loads.len() < 2 {
        return;
    }
    let leader_const = g.loads[0].c;
    let members: Vec<Member> = g
        .loads
        .iter()
        .map(|l| Member {
            offset: l.offset,
            rel: l.c - leader_const + i64::from(l.memarg_offset),
            memarg_offset: l.memarg_offset,
            size: l.size,
        })
        .collect();
    // Both a member's address and its base before the memarg offset stay within `MAX_REL`
    // of the leader's address: the group's check relies on it (`abi::MAX_MEMORY_BYTES`).
    if members
        .iter()
        .any(|m| m.rel.abs() > MAX_REL || (m.rel - i64::from(m.memarg_offset)).abs() > MAX_REL)
    {
        return;
    }
    let tileable = g.loads.iter().all(|l| l.tileable);
    let mut group = Group {
        members,
        tiled_blocks: None,
        base: g.local,
        base_const: leader_const,
    };
    if tileable {
        group.tiled_blocks = tiling(&group);
    }
    let leader = group.members[0].offset;
    for (index, m) in group.members.iter().enumerate().skip(1) {
        roles.insert(m.offset, Role::Member { leader, index });
    }
    roles.insert(leader, Role::Leader(group));
}

/// `Some(blocks)` when the members cover `16·blocks` bytes exactly once.
fn tiling(group: &Group) -> Option<u32> {
    let mut ranges: Vec<(i64, i64)> = group
        .members
        .iter()
        .map(|m| (m.rel, m.rel + i64::from(m.size)))
        .collect();
    ranges.sort_unstable();
    let (lo, hi) = group.span();
    let contiguous = ranges.windows(2).all(|w| w[0].1 == w[1].0);
    let len = hi - lo;
    (contiguous && len % 16 == 0 && len > 0).then_some((len / 16) as u32)
}

/// The address operand of a load at the end of `before`: `local.get L` or `local.get L;
/// i32.const c; i32.add` (or the constant first), as `(L, c)`.
fn address_of(before: &[(usize, Operator<'_>)]) -> Option<(u32, i64)> {
    let n = before.len();
    match before {
        [.., (_, Operator::LocalGet { local_index })] => Some((*local_index, 0)),
        [.., (_, a), (_, b), (_, Operator::I32Add)] if n >= 3 => match (a, b) {
            (Operator::LocalGet { local_index }, Operator::I32Const { value })
            | (Operator::I32Const { value }, Operator::LocalGet { local_index }) => {
                let c = i64::from(*value);
                (c.abs() <= MAX_REL).then_some((*local_index, c))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Bytes read by a load operator.
pub(super) fn load_size(op: &Operator<'_>) -> Option<u32> {
    memory_access(op).and_then(|(_, size, store)| (!store).then_some(size))
}

/// Loads whose value is whole words (what a 16-byte load can serve without sign extension).
fn tileable(op: &Operator<'_>) -> bool {
    use Operator::*;
    matches!(
        op,
        I32Load { .. } | F32Load { .. } | I64Load { .. } | F64Load { .. }
    )
}

fn memarg_of(op: &Operator<'_>) -> u32 {
    memory_access(op).map_or(0, |(m, _, _)| u32::try_from(m.offset).unwrap_or(u32::MAX))
}

/// Operators that may stand between the loads of a group: they cannot trap, branch, call,
/// write memory or globals, and are not the end of a construct (whose code after it can be
/// reached by a branch that skipped the leader). Entering a `block` is straight-line.
pub(super) fn pure(op: &Operator<'_>) -> bool {
    use Operator::*;
    match op {
        Nop
        | Drop
        | Select
        | TypedSelect { .. }
        | Block { .. }
        | LocalGet { .. }
        | GlobalGet { .. }
        | I32Const { .. }
        | I64Const { .. }
        | F32Const { .. }
        | F64Const { .. } => true,
        I32DivS | I32DivU | I32RemS | I32RemU | I64DivS | I64DivU | I64RemS | I64RemU
        | I32TruncF32S | I32TruncF32U | I32TruncF64S | I32TruncF64U | I64TruncF32S
        | I64TruncF32U | I64TruncF64S | I64TruncF64U => false,
        _ => numeric(op),
    }
}

/// The numeric operators of wasm 2.0 that never trap (division, remainder and the trapping
/// float-to-int truncations are excluded by the caller).
fn numeric(op: &Operator<'_>) -> bool {
    use Operator::*;
    matches!(
        op,
        I32Eqz
            | I32Eq
            | I32Ne
            | I32LtS
            | I32LtU
            | I32GtS
            | I32GtU
            | I32LeS
            | I32LeU
            | I32GeS
            | I32GeU
            | I64Eqz
            | I64Eq
            | I64Ne
            | I64LtS
            | I64LtU
            | I64GtS
            | I64GtU
            | I64LeS
            | I64LeU
            | I64GeS
            | I64GeU
            | F32Eq
            | F32Ne
            | F32Lt
            | F32Gt
            | F32Le
            | F32Ge
            | F64Eq
            | F64Ne
            | F64Lt
            | F64Gt
            | F64Le
            | F64Ge
            | I32Clz
            | I32Ctz
            | I32Popcnt
            | I32Add
            | I32Sub
            | I32Mul
            | I32And
            | I32Or
            | I32Xor
            | I32Shl
            | I32ShrS
            | I32ShrU
            | I32Rotl
            | I32Rotr
            | I64Clz
            | I64Ctz
            | I64Popcnt
            | I64Add
            | I64Sub
            | I64Mul
            | I64And
            | I64Or
            | I64Xor
            | I64Shl
            | I64ShrS
            | I64ShrU
            | I64Rotl
            | I64Rotr
            | F32Abs
            | F32Neg
            | F32Ceil
            | F32Floor
            | F32Trunc
            | F32Nearest
            | F32Sqrt
            | F32Add
            | F32Sub
            | F32Mul
            | F32Div
            | F32Min
            | F32Max
            | F32Copysign
            | F64Abs
            | F64Neg
            | F64Ceil
            | F64Floor
            | F64Trunc
            | F64Nearest
            | F64Sqrt
            | F64Add
            | F64Sub
            | F64Mul
            | F64Div
            | F64Min
            | F64Max
            | F64Copysign
            | I32WrapI64
            | I64ExtendI32S
            | I64ExtendI32U
            | F32ConvertI32S
            | F32ConvertI32U
            | F32ConvertI64S
            | F32ConvertI64U
            | F32DemoteF64
            | F64ConvertI32S
            | F64ConvertI32U
            | F64ConvertI64S
            | F64ConvertI64U
            | F64PromoteF32
            | I32ReinterpretF32
            | I64ReinterpretF64
            | F32ReinterpretI32
            | F64ReinterpretI64
            | I32Extend8S
            | I32Extend16S
            | I64Extend8S
            | I64Extend16S
            | I64Extend32S
            | I32TruncSatF32S
            | I32TruncSatF32U
            | I32TruncSatF64S
            | I32TruncSatF64U
            | I64TruncSatF32S
            | I64TruncSatF32U
            | I64TruncSatF64S
            | I64TruncSatF64U
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn roles(wat_func: &str) -> BTreeMap<usize, Role> {
        let wat = format!("(module (memory 1) {wat_func})");
        let wasm = wat::parse_str(&wat).unwrap();
        for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
            if let wasmparser::Payload::CodeSectionEntry(body) = payload.unwrap() {
                return find(&crate::translate::body_ops::read(&body).unwrap());
            }
        }
        panic!("no function");
    }

    fn leaders(r: &BTreeMap<usize, Role>) -> Vec<&Group> {
        r.values()
            .filter_map(|x| match x {
                Role::Leader(g) => Some(g),
                Role::Member { .. } => None,
            })
            .collect()
    }

    #[test]
    fn struct_fields_in_any_order_tile_one_block() {
        let r = roles(
            "(func (param i32) (result f32)
               (local.get 0) (i32.const 12) (i32.add) (f32.load)
               (block (result f32)
                 (local.get 0) (f32.load)
                 (local.get 0) (i32.const 4) (i32.add) (f32.load)
                 (f32.add)
                 (local.get 0) (f32.load offset=8)
                 (f32.mul))
               (f32.add))",
        );
        let g = leaders(&r);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].members.len(), 4);
        assert_eq!(g[0].span(), (-12, 4));
        assert_eq!(g[0].tiled_blocks, Some(1));
        assert_eq!(
            g[0].members.iter().map(|m| m.rel).collect::<Vec<_>>(),
            vec![0, -12, -8, -4]
        );
    }

    #[test]
    fn a_branch_a_store_a_division_or_a_new_base_ends_the_group() {
        for between in [
            "(br_if 0 (i32.const 0))",
            "(i32.store (i32.const 0) (i32.const 1))",
            "(drop (i32.div_u (i32.const 1) (local.get 1)))",
            "(local.set 0 (i32.const 64))",
            "(drop (call 0 (i32.const 0) (i32.const 0)))",
        ] {
            let r = roles(&format!(
                "(func (param i32 i32) (result i32)
                   (block
                     (drop (i32.load (local.get 0)))
                     {between}
                     (drop (i32.load offset=4 (local.get 0))))
                   (i32.const 0))"
            ));
            assert!(r.is_empty(), "{between}: {r:?}");
        }
    }

    #[test]
    fn narrow_loads_share_the_check_but_do_not_tile() {
        let r = roles(
            "(func (param i32) (result i32)
               (i32.add (i32.load8_u (local.get 0)) (i32.load offset=4 (local.get 0))))",
        );
        let g = leaders(&r);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].members.len(), 2);
        assert_eq!(g[0].tiled_blocks, None);
    }

    #[test]
    fn gaps_and_overlaps_do_not_tile() {
        for (a, b) in [("0", "8"), ("0", "2"), ("0", "4")] {
            let r = roles(&format!(
                "(func (param i32) (result i64)
                   (i64.add (i64.load offset={a} (local.get 0)) (i64.load offset={b} (local.get 0))))"
            ));
            let g = leaders(&r);
            assert_eq!(g.len(), 1);
            let want = (a, b) == ("0", "8");
            assert_eq!(g[0].tiled_blocks.is_some(), want, "{a} {b}");
        }
    }
}
