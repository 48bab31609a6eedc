//! Which commands can change an instance's state, so that skipping one is known to leave the
//! instance in a state the script does not expect.
//!
//! - [`mutating_exports`]: exported functions that may (transitively) store to memory, grow it,
//!   set a global, drop a segment, change a table, or call an imported function while the
//!   module imports a memory, table or global (which that function might write).
//! - [`writes_into_imports`]: the modules whose memory or table a module writes into when it is
//!   instantiated (active segments into imported memories or tables, or a start function).
//! - [`shared_imports`]: the modules whose memory, table or globals a module imports (its
//!   functions may write them).

use std::collections::{BTreeSet, HashSet};

use wasmparser::{ElementItems, ExternalKind, Operator, Parser, Payload, TypeRef};

/// Exported functions that may change the instance's state (empty when `wasm` does not parse).
pub fn mutating_exports(wasm: &[u8]) -> HashSet<String> {
    let mut imported = 0u32;
    let mut shares_state = false;
    let mut exports = Vec::new();
    let mut table_funcs = Vec::new();
    // Per defined function: direct effect, callees (`None`: every table function).
    let mut bodies: Vec<(bool, Vec<Option<u32>>)> = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let Ok(payload) = payload else {
            return HashSet::new();
        };
        match payload {
            Payload::ImportSection(r) => {
                for import in r.into_imports().flatten() {
                    if matches!(import.ty, TypeRef::Func(_)) {
                        imported += 1;
                    } else {
                        shares_state = true;
                    }
                }
            }
            Payload::ExportSection(r) => {
                for e in r.into_iter().flatten() {
                    if e.kind == ExternalKind::Func {
                        exports.push((e.name.to_string(), e.index));
                    }
                }
            }
            Payload::ElementSection(r) => {
                for e in r.into_iter().flatten() {
                    table_funcs.extend(element_funcs(e.items));
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(scan(&body)),
            _ => {}
        }
    }
    let total = imported as usize + bodies.len();
    let mut effect = vec![false; total];
    effect[..imported as usize].fill(shares_state);
    for (i, (direct, _)) in bodies.iter().enumerate() {
        effect[imported as usize + i] = *direct;
    }
    // Propagate through calls until nothing changes (call graphs here are small).
    let mut changed = true;
    while changed {
        changed = false;
        for (i, (_, callees)) in bodies.iter().enumerate() {
            let f = imported as usize + i;
            if effect[f] {
                continue;
            }
            let calls_effect = callees.iter().any(|c| match c {
                Some(callee) => effect.get(*callee as usize).copied().unwrap_or(true),
                None => table_funcs
                    .iter()
                    .any(|t| effect.get(*t as usize).copied().unwrap_or(true)),
            });
            if calls_effect {
                effect[f] = true;
                changed = true;
            }
        }
    }
    exports
        .into_iter()
        .filter(|(_, f)| effect.get(*f as usize).copied().unwrap_or(true))
        .map(|(name, _)| name)
        .collect()
}

/// Whether a body changes state itself, and whom it calls (`None`: `call_indirect`).
fn scan(body: &wasmparser::FunctionBody<'_>) -> (bool, Vec<Option<u32>>) {
    let mut direct = false;
    let mut callees = Vec::new();
    let Ok(mut reader) = body.get_operators_reader() else {
        return (true, callees);
    };
    while !reader.eof() {
        let Ok(op) = reader.read() else {
            return (true, callees);
        };
        match op {
            Operator::Call { function_index } => callees.push(Some(function_index)),
            Operator::CallIndirect { .. } => callees.push(None),
            op if mutates(&op) => direct = true,
            _ => {}
        }
    }
    (direct, callees)
}

fn mutates(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::I32Store { .. }
            | Operator::I64Store { .. }
            | Operator::F32Store { .. }
            | Operator::F64Store { .. }
            | Operator::I32Store8 { .. }
            | Operator::I32Store16 { .. }
            | Operator::I64Store8 { .. }
            | Operator::I64Store16 { .. }
            | Operator::I64Store32 { .. }
            | Operator::MemoryGrow { .. }
            | Operator::MemoryFill { .. }
            | Operator::MemoryCopy { .. }
            | Operator::MemoryInit { .. }
            | Operator::DataDrop { .. }
            | Operator::GlobalSet { .. }
            | Operator::TableSet { .. }
            | Operator::TableGrow { .. }
            | Operator::TableFill { .. }
            | Operator::TableCopy { .. }
            | Operator::TableInit { .. }
            | Operator::ElemDrop { .. }
    )
}

fn element_funcs(items: ElementItems<'_>) -> Vec<u32> {
    match items {
        ElementItems::Functions(r) => r.into_iter().flatten().collect(),
        ElementItems::Expressions(_, r) => r
            .into_iter()
            .flatten()
            .filter_map(|e| match e.get_operators_reader().read() {
                Ok(Operator::RefFunc { function_index }) => Some(function_index),
                _ => None,
            })
            .collect(),
    }
}

/// The modules (import module names) a module imports a memory, table or global from.
pub fn shared_imports(wasm: &[u8]) -> BTreeSet<String> {
    let mut modules = BTreeSet::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let Ok(payload) = payload else { break };
        if let Payload::ImportSection(r) = payload {
            for import in r.into_imports().flatten() {
                if !matches!(import.ty, TypeRef::Func(_)) {
                    modules.insert(import.module.to_string());
                }
            }
        }
    }
    modules
}

/// The modules (import module names) whose state instantiating `wasm` may change: those it
/// imports a memory or table from when it has active data or element segments, and every
/// module it imports from when it has a start function.
pub fn writes_into_imports(wasm: &[u8]) -> BTreeSet<String> {
    let mut shared = BTreeSet::new();
    let mut all = BTreeSet::new();
    let mut active_segments = false;
    let mut start = false;
    for payload in Parser::new(0).parse_all(wasm) {
        let Ok(payload) = payload else { break };
        match payload {
            Payload::ImportSection(r) => {
                for import in r.into_imports().flatten() {
                    all.insert(import.module.to_string());
                    if matches!(import.ty, TypeRef::Memory(_) | TypeRef::Table(_)) {
                        shared.insert(import.module.to_string());
                    }
                }
            }
            Payload::DataSection(r) => {
                active_segments |= r
                    .into_iter()
                    .flatten()
                    .any(|d| matches!(d.kind, wasmparser::DataKind::Active { .. }));
            }
            Payload::ElementSection(r) => {
                active_segments |= r
                    .into_iter()
                    .flatten()
                    .any(|e| matches!(e.kind, wasmparser::ElementKind::Active { .. }));
            }
            Payload::StartSection { .. } => start = true,
            _ => {}
        }
    }
    if start {
        all
    } else if active_segments {
        shared
    } else {
        BTreeSet::new()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn transitive_effects() {
        let wasm = wat::parse_str(
            r#"(module
                (import "m" "f" (func $imp))
                (memory 1)
                (global $g (mut i32) (i32.const 0))
                (table funcref (elem $setg))
                (func $setg (global.set $g (i32.const 1)))
                (func (export "pure") (result i32) (i32.load (i32.const 0)))
                (func (export "store") (i32.store (i32.const 0) (i32.const 1)))
                (func (export "calls-set") (call $setg))
                (func (export "indirect") (call_indirect (i32.const 0)))
                (func (export "import") (call $imp)))"#,
        )
        .unwrap();
        let m = mutating_exports(&wasm);
        let mut names: Vec<&str> = m.iter().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, vec!["calls-set", "indirect", "store"]);
        let shared = wat::parse_str(
            r#"(module (import "m" "f" (func $imp)) (import "m" "t" (table 1 funcref))
                (func (export "import") (call $imp)))"#,
        )
        .unwrap();
        assert!(mutating_exports(&shared).contains("import"));
        assert_eq!(
            shared_imports(&shared).into_iter().collect::<Vec<_>>(),
            vec!["m"]
        );
    }

    #[test]
    fn instantiation_writes() {
        let seg = wat::parse_str(
            r#"(module (import "Mm" "mem" (memory 1)) (import "F" "f" (func))
                (data (i32.const 0) "a"))"#,
        )
        .unwrap();
        assert_eq!(
            writes_into_imports(&seg).into_iter().collect::<Vec<_>>(),
            vec!["Mm"]
        );
        let no_seg = wat::parse_str(r#"(module (import "Mm" "mem" (memory 1)))"#).unwrap();
        assert!(writes_into_imports(&no_seg).is_empty());
        let start = wat::parse_str(r#"(module (import "F" "f" (func $f)) (start $f))"#).unwrap();
        assert_eq!(
            writes_into_imports(&start).into_iter().collect::<Vec<_>>(),
            vec!["F"]
        );
    }
}
