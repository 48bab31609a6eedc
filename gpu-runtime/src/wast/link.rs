//! Imports of pure functions from registered modules. Modules cannot import from one another
//! on the GPU (each is its own shader), but a function that touches no state and calls
//! nothing (the spec scripts' `(func (export "ef1") (result i32) (i32.const 1))`, put into
//! tables by table_copy and table_init) behaves the same when copied into the importer. So the
//! runner rewrites the importer: every imported function becomes a defined function with the
//! exporter's body, at the same function index (imports come first in the index space, so the
//! copies go first in the function and code sections). Only when *all* the module's imports
//! are such functions: otherwise the module is left as it is and the translator names the
//! import it refuses.

use wasmparser::{BlockType, ExternalKind, FunctionBody, Operator, Parser, Payload, TypeRef};

use super::start::{push_leb, push_section, sections};

const IMPORT_SECTION: u8 = 2;
const FUNCTION_SECTION: u8 = 3;
const CODE_SECTION: u8 = 10;

/// `wasm` with its imported functions replaced by copies of the exporters' bodies, or `None`
/// when it imports nothing, imports something else than a function, or an import is not a
/// pure function of a registered module with the same signature. `exporter(module)` gives the
/// bytes of the module registered under that name.
pub fn inline_pure_imports<'e>(
    wasm: &[u8],
    exporter: impl Fn(&str) -> Option<&'e [u8]>,
) -> Option<Vec<u8>> {
    let mut types: Vec<wasmparser::FuncType> = Vec::new();
    let mut imports = Vec::new();
    let mut defined = Vec::new();
    let mut bodies = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.ok()? {
            Payload::TypeSection(r) => types = func_types(r)?,
            Payload::ImportSection(r) => {
                for import in r.into_imports() {
                    let import = import.ok()?;
                    let TypeRef::Func(t) = import.ty else {
                        return None;
                    };
                    imports.push((import.module.to_string(), import.name.to_string(), t));
                }
            }
            Payload::FunctionSection(r) => {
                for t in r {
                    defined.push(t.ok()?);
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.as_bytes().to_vec()),
            _ => {}
        }
    }
    if imports.is_empty() {
        return None;
    }
    let mut copies = Vec::new();
    for (module, name, t) in &imports {
        let want = types.get(*t as usize)?;
        copies.push(pure_export(exporter(module)?, name, want)?);
    }

    let mut function = Vec::new();
    push_leb(&mut function, (imports.len() + defined.len()) as u32);
    for t in imports.iter().map(|(_, _, t)| *t).chain(defined.iter().copied()) {
        push_leb(&mut function, t);
    }
    let mut code = Vec::new();
    push_leb(&mut code, (copies.len() + bodies.len()) as u32);
    for body in copies.iter().chain(&bodies) {
        push_leb(&mut code, body.len() as u32);
        code.extend_from_slice(body);
    }

    // Sections in their required order; the function and code sections go where they belong
    // when the module had none.
    let order = |id: u8| -> u8 {
        match id {
            1..=3 => id,
            4 | 5 => id,
            13 => 6,
            6..=9 => id + 1,
            12 => 11,
            10 => 12,
            11 => 13,
            _ => 0,
        }
    };
    let mut out = wasm[..8].to_vec();
    let mut function_done = false;
    let mut code_done = false;
    for s in sections(wasm)? {
        if s.id != 0 {
            if !function_done && order(s.id) > order(FUNCTION_SECTION) {
                push_section(&mut out, FUNCTION_SECTION, &function);
                function_done = true;
            }
            if !code_done && order(s.id) > order(CODE_SECTION) {
                push_section(&mut out, CODE_SECTION, &code);
                code_done = true;
            }
        }
        match s.id {
            IMPORT_SECTION => {}
            FUNCTION_SECTION => {
                push_section(&mut out, FUNCTION_SECTION, &function);
                function_done = true;
            }
            CODE_SECTION => {
                push_section(&mut out, CODE_SECTION, &code);
                code_done = true;
            }
            _ => out.extend_from_slice(&wasm[s.whole.clone()]),
        }
    }
    if !function_done {
        push_section(&mut out, FUNCTION_SECTION, &function);
    }
    if !code_done {
        push_section(&mut out, CODE_SECTION, &code);
    }
    Some(out)
}

fn func_types(r: wasmparser::TypeSectionReader<'_>) -> Option<Vec<wasmparser::FuncType>> {
    let mut out = Vec::new();
    for group in r {
        for sub in group.ok()?.into_types() {
            match sub.composite_type.inner {
                wasmparser::CompositeInnerType::Func(f) => out.push(f),
                _ => return None,
            }
        }
    }
    Some(out)
}

/// The body (locals and code) of export `name` of `exporter` when it is a defined function
/// of signature `want` that touches no state and calls nothing.
fn pure_export(exporter: &[u8], name: &str, want: &wasmparser::FuncType) -> Option<Vec<u8>> {
    let mut types = Vec::new();
    let mut imported = 0u32;
    let mut func_types_of = Vec::new();
    let mut index = None;
    let mut bodies: Vec<FunctionBody<'_>> = Vec::new();
    for payload in Parser::new(0).parse_all(exporter) {
        match payload.ok()? {
            Payload::TypeSection(r) => types = func_types(r)?,
            Payload::ImportSection(r) => {
                for import in r.into_imports() {
                    if matches!(import.ok()?.ty, TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::FunctionSection(r) => {
                for t in r {
                    func_types_of.push(t.ok()?);
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e.ok()?;
                    if e.name == name && e.kind == ExternalKind::Func {
                        index = Some(e.index);
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body),
            _ => {}
        }
    }
    let defined = index?.checked_sub(imported)? as usize;
    let ty = types.get(*func_types_of.get(defined)? as usize)?;
    if ty != want {
        return None;
    }
    let body = bodies.get(defined)?;
    let mut reader = body.get_operators_reader().ok()?;
    while !reader.eof() {
        if !pure(&reader.read().ok()?) {
            return None;
        }
    }
    Some(body.as_bytes().to_vec())
}

/// Whether an operator touches nothing outside its function's locals and operand stack, and
/// names no index of its module (types, functions, globals, memories, tables, segments).
fn pure(op: &Operator<'_>) -> bool {
    let block_ok = |bt: &BlockType| !matches!(bt, BlockType::FuncType(_));
    match op {
        Operator::Block { blockty } | Operator::Loop { blockty } | Operator::If { blockty } => {
            block_ok(blockty)
        }
        Operator::Call { .. }
        | Operator::CallIndirect { .. }
        | Operator::ReturnCall { .. }
        | Operator::ReturnCallIndirect { .. }
        | Operator::GlobalGet { .. }
        | Operator::GlobalSet { .. }
        | Operator::MemorySize { .. }
        | Operator::MemoryGrow { .. }
        | Operator::MemoryFill { .. }
        | Operator::MemoryCopy { .. }
        | Operator::MemoryInit { .. }
        | Operator::DataDrop { .. }
        | Operator::TableGet { .. }
        | Operator::TableSet { .. }
        | Operator::TableSize { .. }
        | Operator::TableGrow { .. }
        | Operator::TableFill { .. }
        | Operator::TableCopy { .. }
        | Operator::TableInit { .. }
        | Operator::ElemDrop { .. }
        | Operator::RefFunc { .. } => false,
        // Loads and stores (every operator with a memory argument).
        other => !format!("{other:?}").contains("memarg"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn wasm(wat: &str) -> Vec<u8> {
        wat::parse_str(wat).unwrap()
    }

    const EXPORTER: &str = r#"(module
      (memory 1)
      (global $g (mut i32) (i32.const 0))
      (func (export "one") (result i32) (i32.const 1))
      (func (export "add") (param i32 i32) (result i32)
        (block (result i32) (i32.add (local.get 0) (local.get 1))))
      (func (export "load") (result i32) (i32.load (i32.const 0)))
      (func (export "bump") (global.set $g (i32.const 1))))"#;

    fn link(importer: &str) -> Option<Vec<u8>> {
        let exporter = wasm(EXPORTER);
        inline_pure_imports(&wasm(importer), |m| (m == "a").then_some(exporter.as_slice()))
    }

    #[test]
    fn pure_functions_are_copied_in_at_their_indices() {
        // No defined functions of its own: the function and code sections are new.
        let out = link(
            r#"(module (import "a" "one" (func (result i32)))
                 (import "a" "add" (func (param i32 i32) (result i32)))
                 (table 2 funcref) (elem (i32.const 0) 1 0)
                 (export "one" (func 0)) (export "add" (func 1)))"#,
        )
        .unwrap();
        wasmparser::Validator::new().validate_all(&out).unwrap();
        let mut imports = 0;
        let mut bodies = 0;
        for p in Parser::new(0).parse_all(&out) {
            match p.unwrap() {
                Payload::ImportSection(_) => imports += 1,
                Payload::CodeSectionEntry(_) => bodies += 1,
                _ => {}
            }
        }
        assert_eq!((imports, bodies), (0, 2));
        // Defined functions of its own keep their indices after the copies.
        let out = link(
            r#"(module (import "a" "one" (func $one (result i32)))
                 (func (export "two") (result i32) (i32.add (call $one) (call $one))))"#,
        )
        .unwrap();
        wasmparser::Validator::new().validate_all(&out).unwrap();
    }

    #[test]
    fn anything_else_is_left_to_the_translator() {
        for importer in [
            // Touches memory, or a global.
            r#"(module (import "a" "load" (func (result i32))))"#,
            r#"(module (import "a" "bump" (func)))"#,
            // Another signature than the export's.
            r#"(module (import "a" "one" (func (result i64))))"#,
            // Not registered, not exported, or not a function.
            r#"(module (import "b" "one" (func (result i32))))"#,
            r#"(module (import "a" "two" (func (result i32))))"#,
            r#"(module (import "a" "one" (func (result i32))) (import "a" "m" (memory 1)))"#,
            // Nothing imported.
            r#"(module (func (export "f")))"#,
        ] {
            assert_eq!(link(importer), None, "{importer}");
        }
    }
}
