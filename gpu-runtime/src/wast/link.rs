//! Imports that need no shared state. Modules cannot import from one another on the GPU (each
//! is its own shader), but some imports behave the same when copied into the importer:
//!
//! - a function of a registered module that touches no state and calls nothing (the spec
//!   scripts' `(func (export "ef1") (result i32) (i32.const 1))`, put into tables by
//!   table_copy and table_init): its body is copied;
//! - `spectest`'s `print*` functions: they only print, so an empty body of their type;
//! - an immutable global of a registered module initialised by a constant, and `spectest`'s
//!   `global_i32/i64/f32/f64` (666, 666, 666.6, 666.6): a defined immutable global of that
//!   value.
//!
//! The runner rewrites the importer: each import becomes a definition at the same index
//! (imports come first in their index space, so the copies go first in the function, code and
//! global sections). Only when *all* the module's imports are such: otherwise the module is left
//! as it is and the translator names the import it refuses. Memories and tables are shared
//! state, never copied.

use wasmparser::{
    BlockType, ExternalKind, FunctionBody, Operator, Parser, Payload, TypeRef, ValType,
};

use super::start::{push_leb, push_section, read_leb, sections};

const IMPORT_SECTION: u8 = 2;
const GLOBAL_SECTION: u8 = 6;
const FUNCTION_SECTION: u8 = 3;
const CODE_SECTION: u8 = 10;

/// `wasm` with its imports replaced by definitions (see the module docs), or `None` when it
/// imports nothing or an import is not one of those (or not of the exporter's type).
/// `exporter(module)` gives the bytes of the module registered under that name.
pub fn inline_pure_imports<'e>(
    wasm: &[u8],
    exporter: impl Fn(&str) -> Option<&'e [u8]>,
) -> Option<Vec<u8>> {
    let mut types: Vec<wasmparser::FuncType> = Vec::new();
    let mut func_imports = Vec::new();
    let mut global_imports = Vec::new();
    let mut defined = Vec::new();
    let mut bodies = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.ok()? {
            Payload::TypeSection(r) => types = func_types(r)?,
            Payload::ImportSection(r) => {
                for import in r.into_imports() {
                    let import = import.ok()?;
                    let (module, name) = (import.module.to_string(), import.name.to_string());
                    match import.ty {
                        TypeRef::Func(t) => func_imports.push((module, name, t)),
                        TypeRef::Global(g) if !g.mutable => {
                            global_imports.push((module, name, g.content_type))
                        }
                        _ => return None,
                    }
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
    if func_imports.is_empty() && global_imports.is_empty() {
        return None;
    }
    let mut copies = Vec::new();
    for (module, name, t) in &func_imports {
        let want = types.get(*t as usize)?;
        copies.push(if module == "spectest" {
            spectest_print(name, want)?
        } else {
            pure_export(exporter(module)?, name, want)?
        });
    }

    // 2.0 constant expressions may read imported globals only: `global.get` of a replaced
    // import becomes the constant itself.
    let constants: Vec<Constant> = {
        let mut out = Vec::new();
        for (module, name, ty) in &global_imports {
            out.push(if module == "spectest" {
                spectest_global(name, *ty)?
            } else {
                constant_global(exporter(module)?, name, *ty)?
            });
        }
        out
    };
    let edits = const_expr_edits(wasm, &constants)?;
    let globals = global_imports
        .iter()
        .zip(&constants)
        .map(|((_, _, ty), c)| global_entry(*ty, *c))
        .collect::<Option<Vec<_>>>()?;

    let mut function = Vec::new();
    push_leb(&mut function, (func_imports.len() + defined.len()) as u32);
    for t in func_imports
        .iter()
        .map(|(_, _, t)| *t)
        .chain(defined.iter().copied())
    {
        push_leb(&mut function, t);
    }
    let mut code = Vec::new();
    push_leb(&mut code, (copies.len() + bodies.len()) as u32);
    for body in copies.iter().chain(&bodies) {
        push_leb(&mut code, body.len() as u32);
        code.extend_from_slice(body);
    }
    let all = sections(wasm)?;
    let mut global = Vec::new();
    let (count, rest) = match all.iter().find(|s| s.id == GLOBAL_SECTION) {
        Some(s) => {
            let mut payload = &wasm[s.payload.clone()];
            let count = read_leb(&mut payload)?;
            let start = s.payload.end - payload.len();
            (count, spliced(wasm, start..s.payload.end, &edits))
        }
        None => (0, Vec::new()),
    };
    push_leb(&mut global, globals.len() as u32 + count);
    for g in &globals {
        global.extend_from_slice(g);
    }
    global.extend_from_slice(&rest);

    // Sections in their required order; a function, code or global section goes where it
    // belongs when the module had none.
    let order = |id: u8| -> u8 {
        match id {
            1..=5 => id,
            13 => 6,
            6..=9 => id + 1,
            12 => 11,
            10 => 12,
            11 => 13,
            _ => 0,
        }
    };
    let mut replaced: Vec<(u8, Vec<u8>, bool)> = Vec::new();
    if !func_imports.is_empty() || !defined.is_empty() {
        replaced.push((FUNCTION_SECTION, function, false));
        replaced.push((CODE_SECTION, code, false));
    }
    if !globals.is_empty() || count > 0 {
        replaced.push((GLOBAL_SECTION, global, false));
    }
    let mut out = wasm[..8].to_vec();
    for s in &all {
        if s.id != 0 {
            for (id, body, done) in replaced.iter_mut() {
                if !*done && order(s.id) > order(*id) {
                    push_section(&mut out, *id, body);
                    *done = true;
                }
            }
        }
        if s.id == IMPORT_SECTION {
            continue;
        }
        match replaced.iter_mut().find(|(id, _, _)| *id == s.id) {
            Some((id, body, done)) => {
                push_section(&mut out, *id, body);
                *done = true;
            }
            None if edits.iter().any(|(r, _)| s.payload.contains(&r.start)) => {
                push_section(&mut out, s.id, &spliced(wasm, s.payload.clone(), &edits));
            }
            None => out.extend_from_slice(&wasm[s.whole.clone()]),
        }
    }
    for (id, body, done) in &replaced {
        if !done {
            push_section(&mut out, *id, body);
        }
    }
    Some(out)
}

/// `wasm[range]` with the edits inside it applied (each replaces a byte range).
fn spliced(
    wasm: &[u8],
    range: std::ops::Range<usize>,
    edits: &[(std::ops::Range<usize>, Vec<u8>)],
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = range.start;
    for (r, bytes) in edits.iter().filter(|(r, _)| range.contains(&r.start)) {
        out.extend_from_slice(&wasm[at..r.start]);
        out.extend_from_slice(bytes);
        at = r.end;
    }
    out.extend_from_slice(&wasm[at..range.end]);
    out
}

/// The constant expressions (global initialisers, segment offsets and element items) that are
/// exactly `global.get k` of imported global `k`, with the constant instruction replacing
/// each, in module order. `None` when one does not parse.
fn const_expr_edits(
    wasm: &[u8],
    constants: &[Constant],
) -> Option<Vec<(std::ops::Range<usize>, Vec<u8>)>> {
    let mut edits = Vec::new();
    let mut visit = |e: &wasmparser::ConstExpr<'_>| -> Option<()> {
        let mut reader = e.get_operators_reader();
        let start = reader.original_position() as usize;
        let first = reader.read().ok()?;
        let Operator::GlobalGet { global_index } = first else {
            return Some(());
        };
        if !matches!(reader.read().ok()?, Operator::End) {
            return Some(());
        }
        let Some(c) = constants.get(global_index as usize) else {
            return Some(());
        };
        let mut bytes = Vec::new();
        match *c {
            Constant::I32(v) => {
                bytes.push(0x41);
                push_sleb(&mut bytes, i64::from(v));
            }
            Constant::I64(v) => {
                bytes.push(0x42);
                push_sleb(&mut bytes, v);
            }
            Constant::F32(b) => {
                bytes.push(0x43);
                bytes.extend_from_slice(&b.to_le_bytes());
            }
            Constant::F64(b) => {
                bytes.push(0x44);
                bytes.extend_from_slice(&b.to_le_bytes());
            }
        }
        bytes.push(0x0b);
        edits.push((start..reader.original_position() as usize, bytes));
        Some(())
    };
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.ok()? {
            Payload::GlobalSection(r) => {
                for g in r {
                    visit(&g.ok()?.init_expr)?;
                }
            }
            Payload::ElementSection(r) => {
                for e in r {
                    let e = e.ok()?;
                    if let wasmparser::ElementKind::Active { offset_expr, .. } = &e.kind {
                        visit(offset_expr)?;
                    }
                    if let wasmparser::ElementItems::Expressions(_, items) = e.items {
                        for item in items {
                            visit(&item.ok()?)?;
                        }
                    }
                }
            }
            Payload::DataSection(r) => {
                for d in r {
                    if let wasmparser::DataKind::Active { offset_expr, .. } = d.ok()?.kind {
                        visit(&offset_expr)?;
                    }
                }
            }
            _ => {}
        }
    }
    edits.sort_by_key(|(r, _)| r.start);
    Some(edits)
}

/// The value of an immutable global, as raw bits.
#[derive(Debug, Clone, Copy)]
enum Constant {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
}

/// A global section entry: immutable, initialised to `value`.
fn global_entry(ty: ValType, value: Constant) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    match (ty, value) {
        (ValType::I32, Constant::I32(v)) => {
            out.extend_from_slice(&[0x7f, 0, 0x41]);
            push_sleb(&mut out, i64::from(v));
        }
        (ValType::I64, Constant::I64(v)) => {
            out.extend_from_slice(&[0x7e, 0, 0x42]);
            push_sleb(&mut out, v);
        }
        (ValType::F32, Constant::F32(b)) => {
            out.extend_from_slice(&[0x7d, 0, 0x43]);
            out.extend_from_slice(&b.to_le_bytes());
        }
        (ValType::F64, Constant::F64(b)) => {
            out.extend_from_slice(&[0x7c, 0, 0x44]);
            out.extend_from_slice(&b.to_le_bytes());
        }
        _ => return None,
    }
    out.push(0x0b);
    Some(out)
}

fn push_sleb(out: &mut Vec<u8>, mut v: i64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        let done = (v == 0 && b & 0x40 == 0) || (v == -1 && b & 0x40 != 0);
        if done {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// `spectest`'s globals (the values the reference interpreter gives them).
fn spectest_global(name: &str, ty: ValType) -> Option<Constant> {
    let value = match name {
        "global_i32" => Constant::I32(666),
        "global_i64" => Constant::I64(666),
        "global_f32" => Constant::F32(666.6f32.to_bits()),
        "global_f64" => Constant::F64(666.6f64.to_bits()),
        _ => return None,
    };
    let matches = matches!(
        (ty, value),
        (ValType::I32, Constant::I32(_))
            | (ValType::I64, Constant::I64(_))
            | (ValType::F32, Constant::F32(_))
            | (ValType::F64, Constant::F64(_))
    );
    matches.then_some(value)
}

/// An empty body for `spectest`'s print function `name`, when `want` is its type.
fn spectest_print(name: &str, want: &wasmparser::FuncType) -> Option<Vec<u8>> {
    use ValType::{F32, F64, I32, I64};
    let params: &[ValType] = match name {
        "print" => &[],
        "print_i32" => &[I32],
        "print_i64" => &[I64],
        "print_f32" => &[F32],
        "print_f64" => &[F64],
        "print_i32_f32" => &[I32, F32],
        "print_f64_f64" => &[F64, F64],
        _ => return None,
    };
    // No locals, `end`.
    (want.params() == params && want.results().is_empty()).then(|| vec![0x00, 0x0b])
}

/// The value of export `name` of `exporter` when it is an immutable global of type `ty`
/// initialised by a constant.
fn constant_global(exporter: &[u8], name: &str, ty: ValType) -> Option<Constant> {
    let mut imported = 0u32;
    let mut globals = Vec::new();
    let mut index = None;
    for payload in Parser::new(0).parse_all(exporter) {
        match payload.ok()? {
            Payload::ImportSection(r) => {
                for import in r.into_imports() {
                    if matches!(import.ok()?.ty, TypeRef::Global(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::GlobalSection(r) => {
                for g in r {
                    let g = g.ok()?;
                    let value = match g.init_expr.get_operators_reader().read().ok()? {
                        Operator::I32Const { value } => Some(Constant::I32(value)),
                        Operator::I64Const { value } => Some(Constant::I64(value)),
                        Operator::F32Const { value } => Some(Constant::F32(value.bits())),
                        Operator::F64Const { value } => Some(Constant::F64(value.bits())),
                        _ => None,
                    };
                    globals.push((g.ty, value));
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e.ok()?;
                    if e.name == name && e.kind == ExternalKind::Global {
                        index = Some(e.index);
                    }
                }
            }
            _ => {}
        }
    }
    let (gty, value) = globals.get(index?.checked_sub(imported)? as usize)?;
    (!gty.mutable && gty.content_type == ty).then_some(())?;
    *value
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
      (func (export "bump") (global.set $g (i32.const 1)))
      (global (export "seven") i64 (i64.const 7))
      (global (export "counter") (mut i32) (i32.const 0)))"#;

    fn link(importer: &str) -> Option<Vec<u8>> {
        let exporter = wasm(EXPORTER);
        inline_pure_imports(&wasm(importer), |m| {
            (m == "a").then_some(exporter.as_slice())
        })
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
    fn constant_globals_and_spectest_are_defined_in_place() {
        let out = link(
            r#"(module
                 (import "spectest" "print_i32" (func $print (param i32)))
                 (global $s (import "spectest" "global_i32") i32)
                 (global $seven (import "a" "seven") i64)
                 (global $copy i32 (global.get $s))
                 (memory 1)
                 (data (global.get $s) "x")
                 (func (export "f") (result i64)
                   (call $print (global.get $copy)) (global.get $seven)))"#,
        )
        .unwrap();
        wasmparser::Validator::new().validate_all(&out).unwrap();
        let mut inits = Vec::new();
        for p in Parser::new(0).parse_all(&out) {
            match p.unwrap() {
                Payload::ImportSection(_) => panic!("imports left"),
                Payload::GlobalSection(r) => {
                    for g in r {
                        let op = g.unwrap().init_expr.get_operators_reader().read().unwrap();
                        inits.push(format!("{op:?}"));
                    }
                }
                _ => {}
            }
        }
        assert_eq!(
            inits,
            [
                "I32Const { value: 666 }",
                "I64Const { value: 7 }",
                "I32Const { value: 666 }"
            ]
        );
        // A mutable global is state: not copied.
        assert_eq!(
            link(r#"(module (global (import "a" "counter") (mut i32)))"#),
            None
        );
        assert_eq!(
            link(r#"(module (global (import "a" "seven") i32))"#),
            None,
            "another type than the export's"
        );
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
