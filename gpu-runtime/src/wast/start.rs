//! The start function: the translator ignores the start section, so the runner rewrites the
//! binary to export the start function under [`START_EXPORT`] instead (and drops the start
//! section), then calls it once right after instantiation, as the spec's instantiation does.

/// The export name given to the start function.
pub const START_EXPORT: &str = "wast::start";

const EXPORT_SECTION: u8 = 7;
const START_SECTION: u8 = 8;
const FUNC_KIND: u8 = 0;

/// `wasm` with its start function exported as [`START_EXPORT`] and no start section, or
/// `None` when it has no start section (or is not well-formed enough to rewrite: then the
/// translator reports it).
pub fn export_start(wasm: &[u8]) -> Option<Vec<u8>> {
    let sections = sections(wasm)?;
    let start = sections.iter().position(|s| s.id == START_SECTION)?;
    let mut payload = &wasm[sections[start].payload.clone()];
    let func = read_leb(&mut payload)?;
    let export = sections.iter().position(|s| s.id == EXPORT_SECTION);

    let mut out = wasm[..8].to_vec();
    for (i, s) in sections.iter().enumerate() {
        if i == start {
            if export.is_none() {
                push_section(&mut out, EXPORT_SECTION, &new_exports(&[], 0, func));
            }
            continue;
        }
        if Some(i) == export {
            let mut body = &wasm[s.payload.clone()];
            let count = read_leb(&mut body)?;
            push_section(&mut out, EXPORT_SECTION, &new_exports(body, count, func));
            continue;
        }
        out.extend_from_slice(&wasm[s.whole.clone()]);
    }
    Some(out)
}

/// An export section: `count` existing entries (`entries`) plus the start export.
fn new_exports(entries: &[u8], count: u32, func: u32) -> Vec<u8> {
    let mut body = Vec::new();
    push_leb(&mut body, count + 1);
    body.extend_from_slice(entries);
    push_leb(&mut body, START_EXPORT.len() as u32);
    body.extend_from_slice(START_EXPORT.as_bytes());
    body.push(FUNC_KIND);
    push_leb(&mut body, func);
    body
}

pub(super) struct Section {
    pub(super) id: u8,
    /// The whole section, id and size included.
    pub(super) whole: std::ops::Range<usize>,
    pub(super) payload: std::ops::Range<usize>,
}

/// The sections of a module binary (`None` when the framing is broken).
pub(super) fn sections(wasm: &[u8]) -> Option<Vec<Section>> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return None;
    }
    let mut sections = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let mut rest = &wasm[at + 1..];
        let before = rest.len();
        let size = read_leb(&mut rest)? as usize;
        let start = at + 1 + (before - rest.len());
        let end = start.checked_add(size).filter(|e| *e <= wasm.len())?;
        sections.push(Section {
            id,
            whole: at..end,
            payload: start..end,
        });
        at = end;
    }
    Some(sections)
}

pub(super) fn push_section(out: &mut Vec<u8>, id: u8, body: &[u8]) {
    out.push(id);
    push_leb(out, body.len() as u32);
    out.extend_from_slice(body);
}

pub(super) fn read_leb(bytes: &mut &[u8]) -> Option<u32> {
    let mut value: u64 = 0;
    for shift in (0..35).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return u32::try_from(value).ok();
        }
    }
    None
}

pub(super) fn push_leb(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn exports(wasm: &[u8]) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        let mut has_start = false;
        for p in wasmparser::Parser::new(0).parse_all(wasm) {
            match p.unwrap() {
                wasmparser::Payload::ExportSection(r) => {
                    for e in r {
                        let e = e.unwrap();
                        out.push((e.name.to_string(), e.index));
                    }
                }
                wasmparser::Payload::StartSection { .. } => has_start = true,
                _ => {}
            }
        }
        assert!(!has_start);
        out
    }

    #[test]
    fn adds_an_export_section() {
        let wasm = wat::parse_str("(module (func) (func $s) (start $s))").unwrap();
        let out = export_start(&wasm).unwrap();
        wasmparser::validate(&out).unwrap();
        assert_eq!(exports(&out), vec![(START_EXPORT.to_string(), 1)]);
    }

    #[test]
    fn extends_the_export_section() {
        let wasm = wat::parse_str(
            r#"(module (func (export "a")) (func $s) (memory (export "m") 1) (start $s))"#,
        )
        .unwrap();
        let out = export_start(&wasm).unwrap();
        wasmparser::validate(&out).unwrap();
        assert_eq!(
            exports(&out),
            vec![
                ("a".to_string(), 0),
                ("m".to_string(), 0),
                (START_EXPORT.to_string(), 1)
            ]
        );
    }

    #[test]
    fn no_start_no_rewrite() {
        let wasm = wat::parse_str("(module (func))").unwrap();
        assert!(export_start(&wasm).is_none());
        assert!(export_start(b"junk").is_none());
    }

    #[test]
    fn leb_round_trip() {
        for v in [0, 1, 127, 128, 300, u32::MAX] {
            let mut b = Vec::new();
            push_leb(&mut b, v);
            assert_eq!(read_leb(&mut b.as_slice()), Some(v));
        }
    }
}
