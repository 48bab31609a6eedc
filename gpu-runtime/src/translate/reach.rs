//! The static call graph: which functions an entry point can reach (directly, or through
//! `call_indirect` to any table slot of the right type; with tables that change at run time,
//! to any function of the right type that a reference can name), in callee-first order, and the call
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
                // a call to libm's code becomes GPU math (see `math::MathOp::defined`)
                Operator::Call { function_index }
                    if super::math::MathOp::defined(env, function_index).is_none() =>
                {
                    out.insert(function_index);
                }
                Operator::CallIndirect {
                    type_index,
                    table_index,
                } => {
                    let want = env.types.get(type_index as usize).and_then(|t| t.as_ref());
                    if env.dynamic_tables {
                        // Tables change at run time: any function a reference can name.
                        for f in &env.ref_targets {
                            if env.func_sig(*f) == want {
                                out.insert(*f);
                            }
                        }
                    } else if let Some(table) = env.tables.get(table_index as usize) {
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

    /// Whether any reachable function reads or writes global `global` (for the shadow-stack
    /// pointer: an entry point whose code never touches it needs no stack slot, so the host
    /// can run as many threads at once as the GPU holds).
    pub fn uses_global(&self, env: &ModuleEnv<'_>, global: u32) -> Result<bool, TranslateError> {
        for &f in self.callees.keys() {
            let Some(body) = env.body(f) else { continue };
            let mut reader = body.get_operators_reader()?;
            while !reader.eof() {
                match reader.read()? {
                    Operator::GlobalGet { global_index } | Operator::GlobalSet { global_index }
                        if global_index == global =>
                    {
                        return Ok(true)
                    }
                    _ => {}
                }
            }
        }
        Ok(false)
    }

    /// Whether code reachable from `root` can execute `memory.grow`.
    pub fn grows_memory(&self, env: &ModuleEnv<'_>, root: u32) -> Result<bool, TranslateError> {
        let mut seen = BTreeSet::new();
        let mut work = vec![root];
        while let Some(f) = work.pop() {
            if !seen.insert(f) {
                continue;
            }
            if let Some(callees) = self.callees.get(&f) {
                work.extend(callees.iter().copied());
            }
            let Some(body) = env.body(f) else { continue };
            let mut reader = body.get_operators_reader()?;
            while !reader.eof() {
                if let Operator::MemoryGrow { .. } = reader.read()? {
                    return Ok(true);
                }
            }
        }
        Ok(false)
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

    /// The strongly connected components reachable from `roots`, every component after the
    /// components it calls (Tarjan's algorithm). A component is a call cycle when it has more
    /// than one function or a function that calls itself.
    pub fn components(&self, roots: &[u32]) -> Vec<Vec<u32>> {
        struct Tarjan<'g> {
            graph: &'g CallGraph,
            index: BTreeMap<u32, usize>,
            low: BTreeMap<u32, usize>,
            on_stack: BTreeSet<u32>,
            stack: Vec<u32>,
            out: Vec<Vec<u32>>,
        }
        impl Tarjan<'_> {
            fn visit(&mut self, v: u32) {
                let i = self.index.len();
                self.index.insert(v, i);
                self.low.insert(v, i);
                self.stack.push(v);
                self.on_stack.insert(v);
                let callees: Vec<u32> = self
                    .graph
                    .callees
                    .get(&v)
                    .map(|s| s.iter().copied().collect())
                    .unwrap_or_default();
                for w in callees {
                    if !self.index.contains_key(&w) {
                        self.visit(w);
                        let lw = self.low[&w];
                        if let Some(lv) = self.low.get_mut(&v) {
                            *lv = (*lv).min(lw);
                        }
                    } else if self.on_stack.contains(&w) {
                        let iw = self.index[&w];
                        if let Some(lv) = self.low.get_mut(&v) {
                            *lv = (*lv).min(iw);
                        }
                    }
                }
                if self.low[&v] == self.index[&v] {
                    let mut comp = Vec::new();
                    while let Some(w) = self.stack.pop() {
                        self.on_stack.remove(&w);
                        comp.push(w);
                        if w == v {
                            break;
                        }
                    }
                    comp.sort_unstable();
                    self.out.push(comp);
                }
            }
        }
        let mut t = Tarjan {
            graph: self,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            on_stack: BTreeSet::new(),
            stack: Vec::new(),
            out: Vec::new(),
        };
        for &r in roots {
            if !t.index.contains_key(&r) {
                t.visit(r);
            }
        }
        t.out
    }

    /// Whether a component is a call cycle.
    pub fn is_cycle(&self, component: &[u32]) -> bool {
        component.len() > 1
            || component
                .first()
                .is_some_and(|f| self.callees.get(f).is_some_and(|c| c.contains(f)))
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
