//! Shadow-stack frames kept in registers: a function's frame whose address never leaves the
//! function (or only into callees that use it the same way) becomes a function-local array of
//! words instead of bytes of linear memory.
//!
//! rustc keeps a local in the shadow stack when LLVM could not prove it unescaped, most often
//! because its address is passed to a function LLVM did not inline (the `sha2` crate:
//! `compress(state = &mut frame.state, block = &frame.buffer)`). On a GPU every such access
//! is a global-memory access with a bounds check and the stack-slot remap, and the data makes
//! a round trip through L2 between the caller's stores and the callee's loads. Here the frame
//! is an `array<u32, W>` local of the owner, the callees receive a pointer to it, and every
//! access is at a constant word index, which drivers keep in registers.
//!
//! **Which frames.** The owner's frame local is the one of `frame.rs` (written once, by the
//! rustc prologue `global.get $sp; i32.const N; i32.sub; local.tee $fp`). The body is
//! interpreted abstractly, each value being a frame address `$fp + o` with `o` known, an
//! `i32` constant, or anything else. The frame is private when every frame address is used
//! only as
//! - the address of a load or store with the whole access inside `[0, N)`;
//! - the destination of a `memory.fill`, or either end of a `memory.copy`, with a constant
//!   length and the frame's side inside `[0, N)`;
//! - an argument of a direct call to a defined function (not an import, not a member of a
//!   call cycle) that uses it by the same rules: that callee is translated once more for this
//!   use (a [`SpecKey`]: which parameters hold which frame offsets), with the frame pointer as
//!   an extra argument;
//! - the stack pointer's new value (the prologue and `$fp + N` in the epilogue);
//! - a value kept in a local, in straight-line code.
//!
//! Anything else (compared, stored, returned, a bulk operation of unknown length, passed to an
//! import or through a table, held in a local or on the stack across a block boundary) keeps
//! the frame in memory. Only the owner's frame local and the callee's frame parameters that are never
//! written hold frame addresses across block boundaries, where the analysis state would
//! otherwise have to merge; constants are forgotten there.
//!
//! **What changes.** Nothing else sees the frame's bytes: with its address unescaped, no other
//! code holds it (wasm code can still compute the address from the stack pointer; no compiler
//! does, and the callees' own frames lie below it). The stack pointer still moves as before,
//! so the callees' frames and the stack-overflow trap are unchanged. The frame's bytes in
//! linear memory are left as they were: the host reading the stack region after a run sees
//! the old contents.

use std::collections::{BTreeMap, BTreeSet};

use wasmparser::{BlockType, Operator};

use super::body_ops::{self, memory_access};
use super::env::ModuleEnv;
use super::error::TranslateError;
use super::frame::{arity, frame_locals};

/// A function translated for callers that pass it frame addresses.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SpecKey {
    pub func: u32,
    /// Per parameter, the frame byte offset it holds on entry (`None`: an ordinary value).
    pub params: Vec<Option<u32>>,
    /// The frame's size in bytes.
    pub frame_bytes: u32,
}

/// What the translator does at an operator (by its byte offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A load or store of the frame's bytes from `at` (the access's own size).
    Access { at: u32 },
    /// `memory.fill` of the frame's bytes `[at, at + len)`.
    Fill { at: u32, len: u32 },
    /// `memory.copy` of `len` bytes where the destination, the source or both are in the
    /// frame (at these offsets; `None`: in linear memory).
    Copy {
        dst: Option<u32>,
        src: Option<u32>,
        len: u32,
    },
    /// A direct call that passes frame addresses: calls the copy `key` with the frame.
    Call { key: SpecKey },
}

/// The frame accesses of one translation of a function.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrameUses {
    /// The frame's size in bytes.
    pub frame_bytes: u32,
    pub events: BTreeMap<usize, Event>,
}

impl FrameUses {
    pub fn words(&self) -> u32 {
        self.frame_bytes.div_ceil(4)
    }
}

/// Every private frame of a module.
#[derive(Debug, Default)]
pub struct Plan {
    /// Functions whose own frame is private, with its uses.
    pub owners: BTreeMap<u32, FrameUses>,
    /// Copies of functions for callers passing frame addresses.
    pub specs: BTreeMap<SpecKey, FrameUses>,
}

impl Plan {
    /// Of `funcs`, those no translation calls directly any more: every direct call to them
    /// (from the usual translation of a function of `funcs` or from a copy) goes to a copy,
    /// and nothing calls them from outside (an export, a table, the start function). Their
    /// usual translation would be dead code for the driver to compile.
    pub fn only_copies_called(
        &self,
        env: &ModuleEnv<'_>,
        funcs: &BTreeSet<u32>,
    ) -> Result<BTreeSet<u32>, TranslateError> {
        if self.specs.is_empty() {
            return Ok(BTreeSet::new());
        }
        let first = env.num_imported_funcs();
        let mut plain_called = BTreeSet::new();
        for &g in funcs {
            let Some(body) = g
                .checked_sub(first)
                .and_then(|i| env.bodies.get(i as usize))
            else {
                continue;
            };
            let ops = body_ops::read(body)?;
            let mut translations: Vec<Option<&FrameUses>> = vec![self.owners.get(&g)];
            translations.extend(
                self.specs
                    .iter()
                    .filter(|(k, _)| k.func == g)
                    .map(|(_, u)| Some(u)),
            );
            for uses in translations {
                for (offset, op) in &ops {
                    if let Operator::Call { function_index } = op {
                        let copy = uses.is_some_and(|u| {
                            matches!(u.events.get(offset), Some(Event::Call { .. }))
                        });
                        if !copy {
                            plain_called.insert(*function_index);
                        }
                    }
                }
            }
        }
        Ok(self
            .specs
            .keys()
            .map(|k| k.func)
            .filter(|f| !plain_called.contains(f) && !env.called_from_outside(*f))
            .collect())
    }
}

/// How deep copies may call copies.
const MAX_DEPTH: usize = 8;

/// Finds the private frames of the defined functions in `funcs` (members of call cycles are
/// left out by the caller: their locals live on the call stack).
pub fn plan(
    env: &ModuleEnv<'_>,
    stack_pointer: u32,
    funcs: &BTreeSet<u32>,
) -> Result<Plan, TranslateError> {
    let mut p = Planner {
        env,
        stack_pointer,
        funcs,
        bodies: BTreeMap::new(),
        specs: BTreeMap::new(),
    };
    let mut owners = BTreeMap::new();
    for &f in funcs {
        let ops = p.ops(f)?;
        let params = env.func_sig(f).map_or(0, |s| s.params.len() as u32);
        let plain: Vec<_> = ops.iter().map(|(_, op)| op.clone()).collect();
        let fps = frame_locals(&plain, params, stack_pointer);
        // One frame local per function (rustc's prologue); the first if there were several.
        let Some((&fp, &bytes)) = fps.iter().next() else {
            continue;
        };
        let init = Init {
            params: Vec::new(),
            owner_fp: Some(fp),
            frame_bytes: bytes,
        };
        if let Some(uses) = p.analyze(f, &init, 0)? {
            if !uses.events.is_empty() {
                owners.insert(f, uses);
            }
        }
    }
    let specs = p
        .specs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    Ok(Plan { owners, specs })
}

/// The abstract value of a wasm value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum V {
    Other,
    Const(i32),
    /// The frame's address plus this many bytes.
    Frame(i64),
}

/// Where frame addresses are on entry.
struct Init {
    /// Per parameter, its frame offset (a copy's [`SpecKey::params`]).
    params: Vec<Option<u32>>,
    /// The owner's frame local.
    owner_fp: Option<u32>,
    frame_bytes: u32,
}

struct Planner<'e, 'w> {
    env: &'e ModuleEnv<'w>,
    stack_pointer: u32,
    funcs: &'e BTreeSet<u32>,
    bodies: BTreeMap<u32, Vec<(usize, Operator<'w>)>>,
    /// Copies analysed so far: `None` when the callee cannot take the frame (or while it is
    /// being analysed, which makes a recursive use fail).
    specs: BTreeMap<SpecKey, Option<FrameUses>>,
}

/// The frame escapes: the translation keeps it in memory.
struct Escape;

impl<'w> Planner<'_, 'w> {
    fn ops(&mut self, f: u32) -> Result<Vec<(usize, Operator<'w>)>, TranslateError> {
        if let Some(ops) = self.bodies.get(&f) {
            return Ok(ops.clone());
        }
        let first = self.env.num_imported_funcs();
        let body = f
            .checked_sub(first)
            .and_then(|i| self.env.bodies.get(i as usize))
            .ok_or_else(|| TranslateError::UnsupportedImport {
                module: String::new(),
                name: self.env.func_name(f),
                func_index: f,
            })?;
        let ops = body_ops::read(body)?;
        self.bodies.insert(f, ops.clone());
        Ok(ops)
    }

    /// Whether a call passing `key` can go to a copy; analyses the copy on first use.
    fn spec(&mut self, key: &SpecKey, depth: usize) -> Result<bool, TranslateError> {
        if let Some(known) = self.specs.get(key) {
            return Ok(known.is_some());
        }
        if depth >= MAX_DEPTH || !self.funcs.contains(&key.func) {
            return Ok(false);
        }
        self.specs.insert(key.clone(), None);
        let init = Init {
            params: key.params.clone(),
            owner_fp: None,
            frame_bytes: key.frame_bytes,
        };
        let uses = self.analyze(key.func, &init, depth + 1)?;
        let ok = uses.is_some();
        self.specs.insert(key.clone(), uses);
        Ok(ok)
    }

    /// The frame's uses in `f` from `init`, or `None` when the frame escapes there.
    fn analyze(
        &mut self,
        f: u32,
        init: &Init,
        depth: usize,
    ) -> Result<Option<FrameUses>, TranslateError> {
        let ops = self.ops(f)?;
        let written: BTreeSet<u32> = ops
            .iter()
            .filter_map(|(_, op)| match op {
                Operator::LocalSet { local_index } | Operator::LocalTee { local_index } => {
                    Some(*local_index)
                }
                _ => None,
            })
            .collect();
        let mut a = Abstract {
            locals: BTreeMap::new(),
            pinned: BTreeSet::new(),
            stack: Vec::new(),
            control: Vec::new(),
            reachable: true,
            frame_bytes: init.frame_bytes,
            events: BTreeMap::new(),
        };
        for (i, o) in init.params.iter().enumerate() {
            if let Some(o) = o {
                a.locals.insert(i as u32, V::Frame(i64::from(*o)));
                if !written.contains(&(i as u32)) {
                    a.pinned.insert(i as u32);
                }
            }
        }
        if let Some(fp) = init.owner_fp {
            a.pinned.insert(fp);
        }
        for (offset, op) in &ops {
            match self.step(&mut a, init, *offset, op, depth)? {
                Ok(()) => {}
                Err(Escape) => return Ok(None),
            }
        }
        Ok(Some(FrameUses {
            frame_bytes: init.frame_bytes,
            events: a.events,
        }))
    }

    fn step(
        &mut self,
        a: &mut Abstract,
        init: &Init,
        offset: usize,
        op: &Operator<'_>,
        depth: usize,
    ) -> Result<Result<(), Escape>, TranslateError> {
        use Operator as O;
        let r = match op {
            O::LocalGet { local_index } => {
                let v = a.local(*local_index);
                a.stack.push(v);
                Ok(())
            }
            O::LocalSet { local_index } | O::LocalTee { local_index } => {
                let v = a.pop();
                let v = if init.owner_fp == Some(*local_index) {
                    // The prologue's only write of the frame local.
                    V::Frame(0)
                } else if a.pinned.contains(local_index) {
                    return Ok(Err(Escape));
                } else {
                    v
                };
                a.locals.insert(*local_index, v);
                if matches!(op, O::LocalTee { .. }) {
                    a.stack.push(v);
                }
                Ok(())
            }
            O::I32Const { value } => {
                a.stack.push(V::Const(*value));
                Ok(())
            }
            O::I32Add | O::I32Sub => {
                let y = a.pop();
                let x = a.pop();
                let sub = matches!(op, O::I32Sub);
                let v = match (x, y) {
                    (V::Frame(o), V::Const(c)) => Some(V::Frame(if sub {
                        o - i64::from(c)
                    } else {
                        o + i64::from(c)
                    })),
                    (V::Const(c), V::Frame(o)) if !sub => Some(V::Frame(o + i64::from(c))),
                    (V::Const(c), V::Const(d)) => Some(V::Const(if sub {
                        c.wrapping_sub(d)
                    } else {
                        c.wrapping_add(d)
                    })),
                    (V::Frame(_), _) | (_, V::Frame(_)) => None,
                    _ => Some(V::Other),
                };
                match v {
                    Some(v) => {
                        a.stack.push(v);
                        Ok(())
                    }
                    None => Err(Escape),
                }
            }
            // The owner's code reading the stack pointer after its prologue (a dynamic
            // allocation) could address the frame through it.
            O::GlobalGet { global_index }
                if *global_index == self.stack_pointer
                    && init.owner_fp.is_some_and(|fp| a.locals.contains_key(&fp)) =>
            {
                Err(Escape)
            }
            O::GlobalSet { global_index } => match a.pop() {
                V::Frame(o)
                    if init.owner_fp.is_some()
                        && *global_index == self.stack_pointer
                        && (o == 0 || o == i64::from(init.frame_bytes)) =>
                {
                    Ok(())
                }
                V::Frame(_) => Err(Escape),
                _ => Ok(()),
            },
            O::MemoryFill { .. } => {
                let n = a.pop();
                let value = a.pop();
                let dst = a.pop();
                match (dst, value, n) {
                    (_, V::Frame(_), _) | (_, _, V::Frame(_)) => Err(Escape),
                    (V::Frame(o), _, V::Const(len)) if len >= 0 => match a.inside(o, len as u32) {
                        Some(at) => {
                            a.events.insert(
                                offset,
                                Event::Fill {
                                    at,
                                    len: len as u32,
                                },
                            );
                            Ok(())
                        }
                        None => Err(Escape),
                    },
                    (V::Frame(_), _, _) => Err(Escape),
                    _ => Ok(()),
                }
            }
            O::MemoryCopy { .. } => {
                let n = a.pop();
                let src = a.pop();
                let dst = a.pop();
                match (dst, src, n) {
                    (_, _, V::Frame(_)) => Err(Escape),
                    (V::Frame(_), _, _) | (_, V::Frame(_), _) => {
                        let V::Const(len) = n else {
                            return Ok(Err(Escape));
                        };
                        let Ok(len) = u32::try_from(len) else {
                            return Ok(Err(Escape));
                        };
                        let end = |v: V| match v {
                            V::Frame(o) => a.inside(o, len).map(Some),
                            _ => Some(None),
                        };
                        match (end(dst), end(src)) {
                            (Some(dst), Some(src)) => {
                                a.events.insert(offset, Event::Copy { dst, src, len });
                                Ok(())
                            }
                            _ => Err(Escape),
                        }
                    }
                    _ => Ok(()),
                }
            }
            O::Call { function_index } => {
                let Some(sig) = self.env.func_sig(*function_index) else {
                    return Ok(Err(Escape));
                };
                let (n, results) = (sig.params.len(), sig.results.len());
                let args = a.pop_n(n);
                if args.iter().any(|v| matches!(v, V::Frame(_))) {
                    let mut params = Vec::with_capacity(n);
                    for v in &args {
                        params.push(match *v {
                            V::Frame(o) => match u32::try_from(o) {
                                Ok(o) if o < init.frame_bytes => Some(o),
                                _ => return Ok(Err(Escape)),
                            },
                            _ => None,
                        });
                    }
                    let key = SpecKey {
                        func: *function_index,
                        params,
                        frame_bytes: init.frame_bytes,
                    };
                    if !self.spec(&key, depth)? {
                        return Ok(Err(Escape));
                    }
                    a.events.insert(offset, Event::Call { key });
                }
                a.push_other(results);
                Ok(())
            }
            O::CallIndirect { type_index, .. } => {
                let n = self
                    .env
                    .types
                    .get(*type_index as usize)
                    .and_then(|t| t.as_ref())
                    .map(|s| (s.params.len(), s.results.len()));
                match n {
                    Some((params, results)) => a.pass(params + 1, results),
                    None => Err(Escape),
                }
            }
            O::Block { blockty } | O::Loop { blockty } | O::If { blockty } => {
                if matches!(op, O::If { .. }) && matches!(a.pop(), V::Frame(_)) {
                    return Ok(Err(Escape));
                }
                let Some((params, results)) = self.block_arity(*blockty) else {
                    return Ok(Err(Escape));
                };
                a.boundary().map(|()| {
                    let height = a.stack.len().saturating_sub(params);
                    a.control.push((height, params, results));
                })
            }
            O::Else => a.boundary().map(|()| {
                if let Some(&(height, params, _)) = a.control.last() {
                    a.stack.truncate(height);
                    a.push_other(params);
                }
                a.reachable = true;
            }),
            O::End => {
                let last = a.control.is_empty();
                if last {
                    // The function's end: only its results matter.
                    if a.stack.iter().any(|v| matches!(v, V::Frame(_))) && a.reachable {
                        return Ok(Err(Escape));
                    }
                    return Ok(Ok(()));
                }
                let checked = if a.reachable { a.boundary() } else { Ok(()) };
                checked.map(|()| {
                    if let Some((height, _, results)) = a.control.pop() {
                        a.stack.truncate(height);
                        a.push_other(results);
                    }
                    a.reachable = true;
                })
            }
            O::BrIf { .. } => {
                if matches!(a.pop(), V::Frame(_)) {
                    return Ok(Err(Escape));
                }
                a.boundary()
            }
            O::Br { .. } | O::BrTable { .. } | O::Return | O::Unreachable => {
                if matches!(op, O::BrTable { .. }) && matches!(a.pop(), V::Frame(_)) {
                    return Ok(Err(Escape));
                }
                a.boundary().map(|()| {
                    let height = a.control.last().map_or(0, |c| c.0);
                    a.stack.truncate(height);
                    a.reachable = false;
                })
            }
            op => match memory_access(op) {
                Some((memarg, size, store)) => {
                    if store && matches!(a.pop(), V::Frame(_)) {
                        return Ok(Err(Escape));
                    }
                    let addr = a.pop();
                    let r = match addr {
                        V::Frame(o) => {
                            match memarg
                                .offset
                                .try_into()
                                .ok()
                                .and_then(|m: i64| a.inside(o + m, size))
                            {
                                Some(at) => {
                                    a.events.insert(offset, Event::Access { at });
                                    Ok(())
                                }
                                None => Err(Escape),
                            }
                        }
                        _ => Ok(()),
                    };
                    if !store {
                        a.stack.push(V::Other);
                    }
                    r
                }
                None => match arity(self.env, op) {
                    Some((pops, pushes)) => a.pass(pops as usize, pushes as usize),
                    None => Err(Escape),
                },
            },
        };
        Ok(r)
    }

    fn block_arity(&self, bt: BlockType) -> Option<(usize, usize)> {
        match bt {
            BlockType::Empty => Some((0, 0)),
            BlockType::Type(_) => Some((0, 1)),
            BlockType::FuncType(i) => self
                .env
                .types
                .get(i as usize)
                .and_then(|t| t.as_ref())
                .map(|s| (s.params.len(), s.results.len())),
        }
    }
}

/// The abstract state at one operator.
struct Abstract {
    locals: BTreeMap<u32, V>,
    /// Locals that hold the same frame address everywhere (never written, or the owner's
    /// frame local after its prologue write).
    pinned: BTreeSet<u32>,
    stack: Vec<V>,
    /// Per open block: stack height below its parameters, parameter and result counts.
    control: Vec<(usize, usize, usize)>,
    reachable: bool,
    frame_bytes: u32,
    events: BTreeMap<usize, Event>,
}

impl Abstract {
    fn local(&self, i: u32) -> V {
        self.locals.get(&i).copied().unwrap_or(V::Other)
    }

    /// Pops a value; below the current block's values (dead code) any value.
    fn pop(&mut self) -> V {
        let floor = self.control.last().map_or(0, |c| c.0);
        if self.stack.len() > floor {
            self.stack.pop().unwrap_or(V::Other)
        } else {
            V::Other
        }
    }

    fn pop_n(&mut self, n: usize) -> Vec<V> {
        let mut v: Vec<V> = (0..n).map(|_| self.pop()).collect();
        v.reverse();
        v
    }

    fn push_other(&mut self, n: usize) {
        self.stack.extend(std::iter::repeat_n(V::Other, n));
    }

    /// An operator that must not see frame addresses.
    fn pass(&mut self, pops: usize, pushes: usize) -> Result<(), Escape> {
        let args = self.pop_n(pops);
        if args.iter().any(|v| matches!(v, V::Frame(_))) {
            return Err(Escape);
        }
        self.push_other(pushes);
        Ok(())
    }

    /// The frame byte of an access of `size` bytes at frame offset `o`, when it is inside.
    fn inside(&self, o: i64, size: u32) -> Option<u32> {
        let end = o.checked_add(i64::from(size))?;
        (o >= 0 && end <= i64::from(self.frame_bytes)).then_some(o as u32)
    }

    /// A block boundary: control can arrive from elsewhere, so only pinned locals keep frame
    /// addresses, and constants are forgotten.
    fn boundary(&mut self) -> Result<(), Escape> {
        if self.stack.iter().any(|v| matches!(v, V::Frame(_))) {
            return Err(Escape);
        }
        for (i, v) in self.locals.iter_mut() {
            match v {
                V::Frame(_) if self.pinned.contains(i) => {}
                V::Frame(_) => return Err(Escape),
                _ => *v = V::Other,
            }
        }
        for v in &mut self.stack {
            *v = V::Other;
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    /// The plan of a module whose function 0 is `$f` (an owner candidate with a 32-byte
    /// frame in local 1) and function 1 is `$g (param i32 i32)`.
    fn plan_of(f_body: &str, g_body: &str) -> Plan {
        let wat = format!(
            "(module (import \"env\" \"ext\" (func $ext (param i32)))
               (memory 1) (global $sp (mut i32) (i32.const 65536))
               (func $f (export \"f\") (param i32) (local i32 i32)
                 global.get $sp i32.const 32 i32.sub local.tee 1 global.set $sp
                 {f_body}
                 (global.set $sp (i32.add (local.get 1) (i32.const 32))))
               (func $g (param i32 i32) {g_body}))"
        );
        let wasm = wat::parse_str(&wat).unwrap();
        let env = ModuleEnv::parse(&wasm).unwrap();
        plan(&env, 0, &BTreeSet::from([1, 2])).unwrap()
    }

    #[test]
    fn accesses_fills_and_calls_are_recorded() {
        let p = plan_of(
            "(i64.store offset=8 (local.get 1) (i64.const 1))
             (memory.fill (i32.add (local.get 1) (i32.const 2)) (i32.const 0) (i32.const 30))
             (call $g (local.get 1) (i32.add (local.get 1) (i32.const 16)))",
            "(i32.store offset=4 (local.get 0) (i32.load offset=12 (local.get 1)))",
        );
        let uses = &p.owners[&1];
        assert_eq!(uses.frame_bytes, 32);
        let events: Vec<&Event> = uses.events.values().collect();
        assert_eq!(events[0], &Event::Access { at: 8 });
        assert_eq!(events[1], &Event::Fill { at: 2, len: 30 });
        let key = SpecKey {
            func: 2,
            params: vec![Some(0), Some(16)],
            frame_bytes: 32,
        };
        assert_eq!(events[2], &Event::Call { key: key.clone() });
        let callee: Vec<&Event> = p.specs[&key].events.values().collect();
        // The load at 16 + 12 and the store at 0 + 4.
        assert_eq!(
            callee,
            [&Event::Access { at: 28 }, &Event::Access { at: 4 }]
        );
    }

    #[test]
    fn escapes_keep_the_frame_in_memory() {
        for (f, g) in [
            // Stored, compared, passed to an import, past the frame's end, below it.
            ("(i32.store (i32.const 0) (local.get 1))", ""),
            ("(drop (i32.eq (local.get 1) (i32.const 0)))", ""),
            ("(call $ext (local.get 1))", ""),
            ("(drop (i32.load offset=29 (local.get 1)))", ""),
            (
                "(drop (i32.load (i32.sub (local.get 1) (i32.const 4))))",
                "",
            ),
            // A fill or copy of unknown length, or reaching past the frame.
            (
                "(memory.fill (local.get 1) (i32.const 0) (local.get 0))",
                "",
            ),
            (
                "(memory.copy (i32.const 0) (local.get 1) (local.get 0))",
                "",
            ),
            (
                "(memory.copy (local.get 1) (i32.const 0) (i32.const 33))",
                "",
            ),
            // The stack pointer read again after the prologue.
            ("(drop (i32.load offset=4 (global.get $sp)))", ""),
            // Held in another local across a block.
            (
                "(local.set 2 (local.get 1)) (block) (drop (i32.load (local.get 2)))",
                "",
            ),
            // A callee that stores it, or reads past the frame through it.
            (
                "(call $g (local.get 1) (i32.const 0))",
                "(i32.store (i32.const 0) (local.get 0))",
            ),
            (
                "(call $g (i32.add (local.get 1) (i32.const 24)) (i32.const 0))",
                "(drop (i64.load offset=4 (local.get 0)))",
            ),
            // A callee frame parameter that is written and still held at a loop.
            (
                "(call $g (local.get 1) (i32.const 0))",
                "(local.set 0 (i32.add (local.get 0) (i32.const 4))) (loop)",
            ),
        ] {
            let p = plan_of(f, g);
            assert!(p.owners.is_empty(), "{f} / {g}: {:?}", p.owners);
        }
    }

    #[test]
    fn copies_with_a_frame_end_are_recorded() {
        let p = plan_of(
            "(memory.copy (i32.add (local.get 1) (i32.const 8)) (local.get 1) (i32.const 24))
             (memory.copy (local.get 0) (i32.add (local.get 1) (i32.const 4)) (i32.const 3))
             (memory.copy (local.get 1) (local.get 0) (i32.const 32))",
            "",
        );
        let events: Vec<&Event> = p.owners[&1].events.values().collect();
        let copy = |dst, src, len| Event::Copy { dst, src, len };
        assert_eq!(
            events,
            [
                &copy(Some(8), Some(0), 24),
                &copy(None, Some(4), 3),
                &copy(Some(0), None, 32),
            ]
        );
    }

    #[test]
    fn a_pinned_parameter_may_cross_blocks() {
        let p = plan_of(
            "(call $g (local.get 1) (i32.const 3))",
            "(loop (i32.store8 (local.get 0) (local.get 1))
                   (br_if 0 (local.tee 1 (i32.sub (local.get 1) (i32.const 1)))))",
        );
        assert_eq!(p.owners.len(), 1);
        assert_eq!(p.specs.len(), 1);
    }
}
