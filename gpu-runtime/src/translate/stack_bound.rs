//! A static bound on how deep the shadow stack (`__stack_pointer`) gets, so the host can give
//! each thread a small stack slot and run many more threads at once (docs/PERFORMANCE.md).
//!
//! LLVM's wasm backend moves the stack pointer in one shape only: a function that needs a
//! frame reads the pointer and subtracts a constant (`global.get $sp; i32.const N; i32.sub`),
//! and may write the result or the old value back (`global.set $sp`). A function's frame is
//! the sum of its constants; the bound of an entry point is the deepest chain of frames in the
//! call graph. Anything else (a frame whose size is computed at run time, like a C `alloca`,
//! or a recursive call graph) gives no bound, and the host keeps its default slot size. A bound
//! that were too small would still not corrupt anything: every `global.set` of the stack
//! pointer checks it stays inside the slot (a "stack overflow" trap).

use std::collections::BTreeMap;

use wasmparser::Operator;

use super::env::ModuleEnv;
use super::reach::CallGraph;
use super::TranslateError;

/// The most bytes of shadow stack the code reachable from `roots` can use, if the code only
/// moves the stack pointer by constants and does not recurse.
pub fn max_stack_bytes(
    env: &ModuleEnv<'_>,
    graph: &CallGraph,
    roots: &[u32],
    stack_pointer: u32,
) -> Result<Option<u32>, TranslateError> {
    let Ok(order) = graph.post_order(roots) else {
        return Ok(None);
    };
    let mut bound: BTreeMap<u32, u64> = BTreeMap::new();
    for f in order {
        let Some(frame) = frame_bytes(env, f, stack_pointer)? else {
            return Ok(None);
        };
        let deepest_callee = graph
            .callees
            .get(&f)
            .into_iter()
            .flatten()
            .map(|c| bound.get(c).copied().unwrap_or(0))
            .max()
            .unwrap_or(0);
        bound.insert(f, frame + deepest_callee);
    }
    let deepest = roots
        .iter()
        .map(|r| bound.get(r).copied().unwrap_or(0))
        .max()
        .unwrap_or(0);
    Ok(u32::try_from(deepest).ok())
}

/// Bytes function `f` moves the stack pointer down by, or `None` when it reads the pointer in
/// any other shape.
fn frame_bytes(
    env: &ModuleEnv<'_>,
    f: u32,
    stack_pointer: u32,
) -> Result<Option<u64>, TranslateError> {
    let Some(body) = env.body(f) else {
        return Ok(Some(0));
    };
    let mut reader = body.get_operators_reader()?;
    let mut frame = 0u64;
    // Where we are in `global.get $sp; i32.const N; i32.sub`.
    let mut after_get = false;
    let mut pending: Option<u64> = None;
    while !reader.eof() {
        let op = reader.read()?;
        if after_get {
            after_get = false;
            match op {
                Operator::I32Const { value } if value >= 0 => {
                    pending = Some(value as u64);
                    continue;
                }
                _ => return Ok(None),
            }
        }
        if let Some(n) = pending.take() {
            match op {
                Operator::I32Sub => {
                    frame += n;
                    continue;
                }
                _ => return Ok(None),
            }
        }
        if let Operator::GlobalGet { global_index } = op {
            after_get = global_index == stack_pointer;
        }
    }
    Ok(Some(frame))
}
