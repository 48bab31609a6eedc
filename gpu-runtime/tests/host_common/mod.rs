//! Shared helpers of the host tests: hand-written WGSL shaders that follow `translate::abi`,
//! wrapped in a `Translation` with a hand-made layout.

#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeMap;

use gpu_runtime::host::{shared_gpu, Instance, InstanceOptions, Program};
use gpu_runtime::translate::abi::{EntryLayout, ModuleLayout, ValType};
use gpu_runtime::translate::Translation;

/// The ABI's bindings (the call stack is unused here) plus the params accessors every shader uses.
pub const PRELUDE: &str = r#"
@group(0) @binding(0) var<storage, read> params: array<u32>;
@group(0) @binding(1) var<storage, read_write> memory: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> results: array<u32>;
@group(0) @binding(3) var<storage, read_write> control: array<atomic<u32>>;
@group(0) @binding(4) var<storage, read> data: array<u32>;

const THREAD_BASE: u32 = 0u;
const THREAD_END: u32 = 1u;
const SLOT_COUNT: u32 = 2u;
const STACK_BASE: u32 = 3u;
const STACK_SIZE: u32 = 4u;
const CALL_STACK_WORDS: u32 = 5u;
const THREAD_COUNT: u32 = 6u;
const ARGS: u32 = 10u;
"#;

/// The prelude's constants must be the ABI's.
#[allow(dead_code)]
const _: () = {
    use gpu_runtime::translate::abi::params;
    assert!(params::ARGS == 10 && params::THREAD_COUNT == 6 && params::STACK_SIZE == 4);
    // host_state.rs lays out globals by hand from here.
    assert!(gpu_runtime::translate::abi::control::GLOBALS == 11);
};

/// An entry layout whose naga entry point has the export's name.
pub fn entry(name: &str, params: &[ValType], results: &[ValType]) -> EntryLayout {
    EntryLayout {
        export: name.into(),
        entry_point: name.into(),
        func_index: 0,
        params: params.to_vec(),
        results: results.to_vec(),
    }
}

/// A layout without memory, globals or data.
pub fn layout(entries: Vec<EntryLayout>) -> ModuleLayout {
    ModuleLayout {
        entries,
        globals: vec![],
        control_words: 8,
        globals_shadow: 8,
        start: None,
        memory: None,
        stack: None,
        data: vec![],
        passive_data: vec![],
        tables: vec![],
        passive_elems: vec![],
        needs_int64: false,
        needs_f64: false,
        needs_call_stack: false,
        memory_atomic_view: false,
        memory_vec4_view: false,
        function_names: BTreeMap::new(),
    }
}

/// Parses `PRELUDE + wgsl`, validates it and wraps it with `layout`.
pub fn translation(wgsl: &str, layout: ModuleLayout) -> Translation {
    let source = format!("{PRELUDE}{wgsl}");
    let module = match naga::front::wgsl::parse_str(&source) {
        Ok(m) => m,
        Err(e) => panic!("{}", e.emit_to_string(&source)),
    };
    let info = naga::valid::Validator::new(
        naga::valid::ValidationFlags::all(),
        naga::valid::Capabilities::all(),
    )
    .validate(&module)
    .expect("test shader validates");
    Translation {
        module,
        info,
        layout,
    }
}

/// A program on the shared GPU.
pub fn program(wgsl: &str, layout: ModuleLayout) -> Program {
    let gpu = shared_gpu().expect("a GPU adapter (lavapipe at least)");
    Program::new(&gpu, translation(wgsl, layout)).expect("program")
}

/// An instance with default options.
pub fn instance(wgsl: &str, layout: ModuleLayout) -> Instance {
    Instance::new(&program(wgsl, layout), &InstanceOptions::default()).expect("instance")
}
