//! The locals that hold a function's own shadow-stack frame, so that stores into the frame can
//! skip the question "could another thread write this word?".
//!
//! rustc opens a frame with `global.get $__stack_pointer; i32.const N; i32.sub; local.tee $fp`
//! and addresses the frame as `local.get $fp` plus a memarg offset below `N`. When the stack
//! depth is bounded (`stack_bound.rs`: the host then sizes every slot for the deepest chain of
//! frames), `$fp .. $fp + N` lies inside the thread's own stack slot, which no other thread
//! touches: a partial-word store there can be a plain read-modify-write, with no atomic path
//! that the driver must keep (on the H200 the mere presence of that path in the inlined stores
//! cost sha256 about 12% of its time, although the path never ran; docs/PERFORMANCE.md).
//!
//! A local qualifies when it is not a parameter, is written exactly once in the body, and that
//! write is `global.get $sp; i32.const N; i32.sub; local.set/tee` in the straight-line code at
//! the start of the body (before any block, branch or call), with no read of the local before
//! it: every read then sees the frame address. A parameter qualifies when every caller passes
//! a frame local in it ([`module_frames`]).

use std::collections::BTreeMap;

use wasmparser::{FunctionBody, Operator};

use super::body_ops::is_control;
use super::env::ModuleEnv;
use super::error::TranslateError;

/// Frame locals of every defined function, by function index: its own (see
/// [`frame_locals`]) and the parameters through which all its callers pass a frame.
///
/// A parameter is a frame pointer of extent `N` when the function is only ever called
/// directly (not exported, not in a table, not the start function), is never written, and
/// every call passes `local.get $x` of a frame local `$x` of the caller whose frame has at
/// least `N` bytes (the `sha2` crate: `compress(state = $fp, block)`, where `$fp` is the
/// caller's frame). Iterated so that a frame passed on through a parameter stays one.
pub fn module_frames(
    env: &ModuleEnv<'_>,
    stack_pointer: u32,
) -> Result<BTreeMap<u32, BTreeMap<u32, u32>>, TranslateError> {
    let first = env.num_imported_funcs();
    let mut own = BTreeMap::new();
    let mut bodies = BTreeMap::new();
    for (i, body) in env.bodies.iter().enumerate() {
        let f = first + i as u32;
        let params = env.func_sig(f).map_or(0, |s| s.params.len() as u32);
        let ops = operators(body)?;
        own.insert(f, frame_locals(&ops, params, stack_pointer));
        bodies.insert(f, ops);
    }
    let mut sites = Vec::new();
    for (&g, ops) in &bodies {
        for (i, op) in ops.iter().enumerate() {
            if let Operator::Call { function_index } = op {
                let n = env.func_sig(*function_index).map_or(0, |s| s.params.len());
                sites.push(CallSite {
                    caller: g,
                    callee: *function_index,
                    args: arguments(env, &ops[..i], n),
                });
            }
        }
    }
    let written = |f: u32, local: u32| {
        bodies.get(&f).is_some_and(|ops| {
            ops.iter().any(|op| {
                matches!(op, Operator::LocalSet { local_index } | Operator::LocalTee { local_index }
                    if *local_index == local)
            })
        })
    };
    let mut frames = own.clone();
    // Each round can only add parameters one call deeper; the call graph is acyclic here
    // (a bounded stack), so its depth bounds the rounds.
    for _ in 0..bodies.len().min(64) {
        let mut changed = false;
        for &f in bodies.keys() {
            if env.called_from_outside(f) {
                continue;
            }
            let params = env.func_sig(f).map_or(0, |s| s.params.len() as u32);
            for k in 0..params {
                if frames[&f].contains_key(&k) || written(f, k) {
                    continue;
                }
                let mut extent: Option<u32> = None;
                let mut all = true;
                let mut any = false;
                for site in sites.iter().filter(|s| s.callee == f) {
                    any = true;
                    let passed = site
                        .args
                        .as_ref()
                        .and_then(|a| a[k as usize])
                        .and_then(|x| frames[&site.caller].get(&x).copied());
                    match passed {
                        Some(n) => extent = Some(extent.map_or(n, |e| e.min(n))),
                        None => all = false,
                    }
                }
                if let (true, true, Some(n)) = (any, all, extent) {
                    frames.get_mut(&f).map(|m| m.insert(k, n));
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    Ok(frames)
}

/// A direct call.
struct CallSite {
    caller: u32,
    callee: u32,
    /// Per argument, the caller's local when the argument is a `local.get`; `None` when the
    /// arguments could not be told apart.
    args: Option<Vec<Option<u32>>>,
}

/// For a call with `n` parameters at the end of `before`: per argument, the local it is when
/// the value is a plain `local.get`; `None` when an operator on the way has an arity this does
/// not know (a block, a branch, a call through a table, ...).
fn arguments(env: &ModuleEnv<'_>, before: &[Operator<'_>], n: usize) -> Option<Vec<Option<u32>>> {
    let mut args = vec![None; n];
    let mut p = before.len();
    for j in (0..n).rev() {
        // Walk back over the operators that produced argument `j`: the first one met (the
        // last executed) that pushes a value while one value is needed made it.
        let mut need: i64 = 1;
        let mut producer = None;
        while need > 0 {
            p = p.checked_sub(1)?;
            let (pops, pushes) = arity(env, &before[p])?;
            if need == 1 && producer.is_none() && pushes == 1 {
                producer = Some(p);
            }
            need += i64::from(pops) - i64::from(pushes);
        }
        if let Some(Operator::LocalGet { local_index }) = producer.map(|q| &before[q]) {
            args[j] = Some(*local_index);
        }
    }
    Some(args)
}

/// (values popped, values pushed) of an operator, for the ones whose counts do not depend on
/// the control stack; direct calls from the callee's signature.
pub(super) fn arity(env: &ModuleEnv<'_>, op: &Operator<'_>) -> Option<(u32, u32)> {
    match op {
        Operator::Call { function_index } => env
            .func_sig(*function_index)
            .map(|s| (s.params.len() as u32, s.results.len() as u32)),
        _ => op.operator_arity(&NoModule),
    }
}

/// Arity of fixed-arity operators only: everything that needs the module answers `None`.
pub(super) struct NoModule;

impl wasmparser::ModuleArity for NoModule {
    fn sub_type_at(&self, _: u32) -> Option<&wasmparser::SubType> {
        None
    }
    fn tag_type_arity(&self, _: u32) -> Option<(u32, u32)> {
        None
    }
    fn type_index_of_function(&self, _: u32) -> Option<u32> {
        None
    }
    fn func_type_of_cont_type(&self, _: &wasmparser::ContType) -> Option<&wasmparser::FuncType> {
        None
    }
    fn sub_type_of_ref_type(&self, _: &wasmparser::RefType) -> Option<&wasmparser::SubType> {
        None
    }
    fn control_stack_height(&self) -> u32 {
        0
    }
    fn label_block(&self, _: u32) -> Option<(wasmparser::BlockType, wasmparser::FrameKind)> {
        None
    }
}

/// Frame locals of a body with `params` parameters, with their frame size `N` in bytes.
pub fn frame_locals(ops: &[Operator<'_>], params: u32, stack_pointer: u32) -> BTreeMap<u32, u32> {
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
            op if is_control(op) => prefix = false,
            Operator::Call { .. } | Operator::CallIndirect { .. } => prefix = false,
            _ => {}
        }
    }
    candidates.retain(|local, _| *local >= params && writes.get(local) == Some(&1));
    candidates
}

/// The operators of a body, read once.
fn operators<'a>(body: &FunctionBody<'a>) -> Result<Vec<Operator<'a>>, TranslateError> {
    let mut ops = Vec::new();
    let mut reader = body.get_operators_reader()?;
    while !reader.eof() {
        ops.push(reader.read()?);
    }
    Ok(ops)
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
                return frame_locals(&operators(&body).unwrap(), 1, 0);
            }
        }
        panic!("no function");
    }

    fn module(wat: &str) -> BTreeMap<u32, BTreeMap<u32, u32>> {
        let wasm = wat::parse_str(wat).unwrap();
        let env = crate::translate::env::ModuleEnv::parse(&wasm).unwrap();
        module_frames(&env, 0).unwrap()
    }

    #[test]
    fn a_parameter_every_caller_passes_its_frame_in_is_a_frame_local() {
        let wat = |second: &str| {
            format!(
                "(module (memory 1) (global $sp (mut i32) (i32.const 65536))
                   (func $caller (export \"caller\") (local i32)
                     global.get $sp i32.const 64 i32.sub local.tee 0 global.set $sp
                     (call $helper (local.get 0) (i32.const 5))
                     {second})
                   (func $helper (param i32 i32) (i32.store8 (local.get 0) (local.get 1))))"
            )
        };
        // One call site with the frame: param 0 of $helper (function 1) is a frame of 64.
        let f = module(&wat(""));
        assert_eq!(f[&0], BTreeMap::from([(0, 64)]));
        assert_eq!(f[&1], BTreeMap::from([(0, 64)]));
        // A second call with something else: not a frame.
        let f = module(&wat(
            "(call $helper (i32.add (local.get 0) (i32.const 8)) (i32.const 5))",
        ));
        assert!(f[&1].is_empty());
    }

    #[test]
    fn an_exported_callee_is_not_given_frames() {
        let f = module(
            "(module (memory 1) (global $sp (mut i32) (i32.const 65536))
               (func $caller (local i32)
                 global.get $sp i32.const 64 i32.sub local.tee 0 global.set $sp
                 (call $helper (local.get 0)))
               (func $helper (export \"helper\") (param i32) (i32.store8 (local.get 0) (i32.const 1))))",
        );
        assert!(f[&1].is_empty());
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
