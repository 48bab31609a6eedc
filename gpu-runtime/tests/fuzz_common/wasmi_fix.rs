//! A workaround for a wasmi 2.0.0 miscompilation, applied to the oracle's copy of a module only.
//!
//! wasmi fuses an `i32.eqz` (or `i32.eq`/`i32.ne` with 0) that directly feeds `select` into the
//! `select`, dropping the comparison; when the comparison's operand is a local, the fused
//! `select` then tests a stale register, so `(select (i32.const 1) (local.get 0)
//! (i32.eqz (local.get 1)))` returns 1 for `local 1 != 0`. wasm-smith emits that shape all the
//! time (its guards against division by zero are exactly this). See
//! `gpu-runtime/tests/fuzz_repros/wasmi_select_eqz.wat`.
//!
//! The rewrite gives every function one extra `i32` local `c` and puts `local.set c; local.get c`
//! before every `select`: the same values, but the condition now comes from a local, which wasmi
//! never fuses.

use wasmparser::{FunctionBody, Operator, Parser, Payload};

const CODE_SECTION: u8 = 10;

/// The module with every `select` condition passed through a fresh local; `None` if the module
/// does not parse (the caller skips it).
pub fn route_select_conditions(wasm: &[u8]) -> Option<Vec<u8>> {
    let mut types: Vec<usize> = Vec::new();
    let mut func_types: Vec<u32> = Vec::new();
    let mut out = wasm.get(..8)?.to_vec();
    let mut code: Option<(u8, Vec<u8>, u32)> = None;
    let mut defined = 0usize;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.ok()?;
        match &payload {
            Payload::TypeSection(r) => {
                for group in r.clone() {
                    for sub in group.ok()?.into_types() {
                        let params = match &sub.composite_type.inner {
                            wasmparser::CompositeInnerType::Func(f) => f.params().len(),
                            _ => 0,
                        };
                        types.push(params);
                    }
                }
            }
            Payload::FunctionSection(r) => {
                for t in r.clone() {
                    func_types.push(t.ok()?);
                }
            }
            Payload::CodeSectionStart { count, .. } => {
                code = Some((CODE_SECTION, Vec::new(), *count));
                continue;
            }
            Payload::CodeSectionEntry(body) => {
                let (_, bytes, _) = code.as_mut()?;
                let params = types.get(*func_types.get(defined)? as usize).copied()?;
                let body = rewrite_body(body, params)?;
                leb(bytes, body.len() as u64);
                bytes.extend_from_slice(&body);
                defined += 1;
                continue;
            }
            _ => {}
        }
        if let Some((id, range)) = payload.as_section() {
            if let Some((code_id, bytes, count)) = code.take() {
                push_section(&mut out, code_id, count, &bytes);
            }
            out.push(id);
            leb(&mut out, range.end - range.start);
            out.extend_from_slice(wasm.get(range.start as usize..range.end as usize)?);
        }
    }
    if let Some((code_id, bytes, count)) = code.take() {
        push_section(&mut out, code_id, count, &bytes);
    }
    Some(out)
}

/// A section `id` holding `count` entries already encoded in `bytes`.
fn push_section(out: &mut Vec<u8>, id: u8, count: u32, bytes: &[u8]) {
    let mut content = Vec::new();
    leb(&mut content, u64::from(count));
    content.extend_from_slice(bytes);
    out.push(id);
    leb(out, content.len() as u64);
    out.extend_from_slice(&content);
}

/// One function body with the extra local and the rerouted `select` conditions.
fn rewrite_body(body: &FunctionBody<'_>, params: usize) -> Option<Vec<u8>> {
    let raw = body.as_bytes();
    let base = body.range().start;
    let mut locals = body.get_locals_reader().ok()?;
    let groups = locals.get_count();
    let mut declared = 0u64;
    for _ in 0..groups {
        declared += u64::from(locals.read().ok()?.0);
    }
    let code_start = (locals.original_position() - base) as usize;
    // The group count is the body's first LEB; the groups follow it.
    let groups_start = leb_len(raw)?;
    let c = params as u64 + declared;
    let mut out = Vec::new();
    leb(&mut out, u64::from(groups) + 1);
    out.extend_from_slice(raw.get(groups_start..code_start)?);
    out.extend_from_slice(&[0x01, 0x7f]);
    let mut ops = body.get_operators_reader().ok()?;
    let mut copied = code_start;
    while !ops.eof() {
        let (op, offset) = ops.read_with_offset().ok()?;
        if matches!(op, Operator::Select | Operator::TypedSelect { .. }) {
            let at = (offset - base) as usize;
            out.extend_from_slice(raw.get(copied..at)?);
            out.push(0x21);
            leb(&mut out, c);
            out.push(0x20);
            leb(&mut out, c);
            copied = at;
        }
    }
    out.extend_from_slice(raw.get(copied..)?);
    Some(out)
}

fn leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Length of the LEB128 number at the start of `bytes`.
fn leb_len(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|b| b & 0x80 == 0).map(|i| i + 1)
}
