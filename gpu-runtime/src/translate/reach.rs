//! The static call graph: which functions an entry point can reach (directly, or through
//! `call_indirect` to any table slot of the right type), in callee-first order, and the call
//! cycles that make a reachable set recursive.

use std::collections::{BTreeMap, BTreeSet};

use wasmparser::Operator;

use super::env::ModuleEnv;
use super::TranslateError;

/// Callees of every function reached so far.
#[derive(Debug, Default)]
pub struct CallGraph {
    pub callees: BTreeMap<u32, BTreeSet<u32>>,
}

impl CallGraph {
    /// Direct and indirect callees of `func` (imports have none).
    fn scan(env: &ModuleEnv<'_>, func: u32) -> Result<BTreeSet<u32>, TranslateError> {
        let mut out = BTreeSet::new();
        let Some(body) = env.body(func) else {
            return Ok(out);
        };
        let mut reader = body.get_operators_reader()?;
        while !reader.eof() {
            match reader.read()? {
                Operator::Call { function_index } => {
                    out.insert(function_index);
                }
                Operator::CallIndirect {
                    type_index,
                    table_index,
                } => {
                    let want = env.types.get(type_index as usize).and_then(|t| t.as_ref());
                    if let Some(table) = env.tables.get(table_index as usize) {
                        for f in table.slots.iter().flatten() {
                            if env.func_sig(*f) == want {
                                out.insert(*f);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// Builds the graph of everything reachable from `roots`.
    pub fn build(env: &ModuleEnv<'_>, roots: &[u32]) -> Result<Self, TranslateError> {
        let mut graph = CallGraph::default();
        let mut work: Vec<u32> = roots.to_vec();
        while let Some(f) = work.pop() {
            if graph.callees.contains_key(&f) {
                continue;
            }
            let callees = Self::scan(env, f)?;
            work.extend(callees.iter().copied());
            graph.callees.insert(f, callees);
        }
        Ok(graph)
    }

    /// Reachable functions with every callee before its callers, or the first cycle found.
    pub fn post_order(&self, roots: &[u32]) -> Result<Vec<u32>, Vec<u32>> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            Open,
            Done,
        }
        let mut marks: BTreeMap<u32, Mark> = BTreeMap::new();
        let mut order = Vec::new();
        for &root in roots {
            if marks.contains_key(&root) {
                continue;
            }
            // Iterative DFS: (function, its callees still to visit); the path is the stack.
            let mut stack: Vec<(u32, Vec<u32>)> = Vec::new();
            marks.insert(root, Mark::Open);
            stack.push((root, self.children(root)));
            while let Some((f, pending)) = stack.last_mut() {
                let f = *f;
                if let Some(c) = pending.pop() {
                    match marks.get(&c) {
                        Some(Mark::Done) => {}
                        Some(Mark::Open) => {
                            let start = stack.iter().position(|(g, _)| *g == c).unwrap_or(0);
                            let mut cycle: Vec<u32> =
                                stack[start..].iter().map(|(g, _)| *g).collect();
                            cycle.push(c);
                            return Err(cycle);
                        }
                        None => {
                            marks.insert(c, Mark::Open);
                            stack.push((c, self.children(c)));
                        }
                    }
                } else {
                    marks.insert(f, Mark::Done);
                    order.push(f);
                    stack.pop();
                }
            }
        }
        Ok(order)
    }

    fn children(&self, f: u32) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .callees
            .get(&f)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default();
        v.reverse();
        v
    }
}
