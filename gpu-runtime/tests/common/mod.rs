//! Shared harness of the GPU translator tests: every wasm function under test runs both in wasmi
//! (the oracle) and on the GPU (translated by `gpu_runtime::translate`, run by
//! `gpu_runtime::host`), and the results must be identical: same values (floats compared by their
//! raw bits) or the same trap kind.
//!
//! # How arguments reach the GPU (batching)
//!
//! Every argument set in its own single-thread `Instance::run` costs a dispatch, a readback and a
//! control-word read: about 0.4 ms on lavapipe (measured), so the ~75,000 argument sets of
//! `gpu_ops.rs` would take half a minute. So a [`Harness`] batches: when the test module has no
//! memory of its own, the harness appends a memory (`__batch_memory`, exported, 8 pages) and,
//! for every exported function `f`, a wrapper export
//! `__batch_f (param $n i32)` that loops `$n` times: loads the arguments of record `i` from
//! `IN_BASE + i * 8 * params` (one 8-byte slot per parameter, `T.load` of the raw bits), calls
//! `f` directly and stores its results to `OUT_BASE + i * 8 * results`. The arguments go in with
//! `Instance::write_memory`, one run of one thread executes the batch, the results come back with
//! `Instance::read_memory`.
//!
//! A trap ends the whole thread, so the oracle (which runs first) decides: argument sets on
//! which wasmi traps are run on their own through `f`'s own entry point, and so are the first
//! [`DIRECT`] sets of every check (so the entry point's argument decoding and result encoding
//! are exercised too). Sets are processed in order, so stateful functions (globals) see the same
//! sequence of calls as in wasmi. If a batch traps (where wasmi did not), every set of it is
//! re-run on its own to find which. Modules with memory (the memory tests) are run one set per
//! dispatch ([`Harness::unbatched`]).
//!
//! The wrapper is added to the module that both wasmi and the GPU run, so both see the same
//! code; the function under test is unchanged.
//!
//! # Float relaxations
//!
//! Results are compared exactly unless a check is made with [`Floats::Arith`], which only the
//! float arithmetic checks use (never integer ops, conversions, `copysign`/`abs`/`neg`,
//! comparisons; `min`/`max` get only the NaN-operand rule below). It accepts, and only for float
//! results:
//! - **NaN payloads**: both results are NaN, the GPU's with any sign and payload (the wasm spec
//!   itself leaves the payload of an arithmetic NaN nondeterministic);
//! - **flushed subnormal results**: the oracle's result is subnormal (or the smallest normal, to
//!   which a subnormal exact result may round) and the GPU's is a zero (of either sign);
//! - **flushed subnormal inputs**: the GPU's result equals the oracle's result for the same
//!   arguments with every subnormal float argument replaced by a zero of the same sign (modulo
//!   the two rules above).
//!
//! [`Floats::MinMax`] (for `min`/`max` only) is exact except that when both operands are NaN the
//! result may be either operand, quieted (**NaN operand choice**; the spec allows any
//! arithmetic NaN there).
//!
//! Every accepted relaxation is counted and printed (`cargo test -- --nocapture` shows them).

#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use std::fmt::Write as _;

use gpu_runtime::host::shared_gpu;
pub use gpu_runtime::host::{Instance, InstanceOptions, Program, Value};
pub use gpu_runtime::translate::abi::{TrapKind, ValType};
use gpu_runtime::translate::{translate, StoreMode, TranslateOptions};

/// What a call returned: its results, or the trap that ended it.
pub type Outcome = Result<Vec<Value>, TrapKind>;

/// Assembles wat text, panicking with the parser's message.
pub fn wasm(wat: &str) -> Vec<u8> {
    match wat::parse_str(wat) {
        Ok(b) => b,
        Err(e) => panic!("test wat does not assemble: {e}\n{wat}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Oracle: wasmi
// ---------------------------------------------------------------------------------------------

/// The reference interpreter: one wasmi instance of the module.
pub struct Oracle {
    store: wasmi::Store<()>,
    instance: wasmi::Instance,
}

impl Oracle {
    pub fn new(wasm: &[u8]) -> Oracle {
        let engine = wasmi::Engine::default();
        let module = wasmi::Module::new(&engine, wasm).expect("wasmi accepts the module");
        let mut store = wasmi::Store::new(&engine, ());
        let mut linker = wasmi::Linker::<()>::new(&engine);
        // The oracle is thread 0 of a one-thread run.
        linker
            .func_wrap("gpu", "thread_id", || -> i32 { 0 })
            .expect("define gpu.thread_id");
        let instance = linker
            .instantiate_and_start(&mut store, &module)
            .expect("wasmi instantiates the module");
        Oracle { store, instance }
    }

    /// Calls `export` with `args`.
    pub fn call(&mut self, export: &str, args: &[Value]) -> Outcome {
        let func = self
            .instance
            .get_func(&self.store, export)
            .unwrap_or_else(|| panic!("wasmi: no export {export}"));
        let ty = func.ty(&self.store);
        let params: Vec<wasmi::Val> = args.iter().map(|v| to_wasmi(*v)).collect();
        let mut results: Vec<wasmi::Val> = ty
            .results()
            .iter()
            .map(|t| match t {
                wasmi::ValType::I32 => wasmi::Val::I32(0),
                wasmi::ValType::I64 => wasmi::Val::I64(0),
                wasmi::ValType::F32 => wasmi::Val::F32(wasmi::F32::from_bits(0)),
                wasmi::ValType::F64 => wasmi::Val::F64(wasmi::F64::from_bits(0)),
                other => panic!("result type {other:?} is not supported by the tests"),
            })
            .collect();
        match func.call(&mut self.store, &params, &mut results) {
            Ok(()) => Ok(results.iter().map(from_wasmi).collect()),
            Err(e) => Err(trap_kind(&e)),
        }
    }

    /// A copy of linear memory.
    pub fn memory(&self) -> Vec<u8> {
        let mem = self
            .instance
            .get_memory(&self.store, "memory")
            .expect("the module exports its memory as `memory`");
        mem.data(&self.store).to_vec()
    }

    /// Panics, naming `what` and the first differing byte, unless the GPU instance's memory
    /// and this one agree on their first `len` bytes.
    pub fn assert_same_memory(&self, gpu: &mut Instance, len: usize, what: &str) {
        let memory = gpu.read_memory(0, len as u64).expect("reading GPU memory");
        let expected = self.memory();
        if let Some(at) = (0..len).find(|&i| memory[i] != expected[i]) {
            panic!(
                "{what}: byte {at} is {:#x}, wasmi has {:#x}",
                memory[at], expected[at]
            );
        }
    }

    /// The value of an exported global.
    pub fn global(&self, name: &str) -> Value {
        let g = self
            .instance
            .get_global(&self.store, name)
            .unwrap_or_else(|| panic!("wasmi: no global {name}"));
        from_wasmi(&g.get(&self.store))
    }
}

/// Our value as a wasmi value (raw bits for floats).
pub fn to_wasmi(v: Value) -> wasmi::Val {
    match v {
        Value::I32(x) => wasmi::Val::I32(x),
        Value::I64(x) => wasmi::Val::I64(x),
        Value::F32Bits(b) => wasmi::Val::F32(wasmi::F32::from_bits(b)),
        Value::F64Bits(b) => wasmi::Val::F64(wasmi::F64::from_bits(b)),
        Value::FuncRef(_) | Value::ExternRef(_) => {
            panic!("reference value {v} is not supported by the tests")
        }
    }
}

/// A wasmi value as ours.
pub fn from_wasmi(v: &wasmi::Val) -> Value {
    match v {
        wasmi::Val::I32(x) => Value::I32(*x),
        wasmi::Val::I64(x) => Value::I64(*x),
        wasmi::Val::F32(x) => Value::F32Bits(x.to_bits()),
        wasmi::Val::F64(x) => Value::F64Bits(x.to_bits()),
        other => panic!("value {other:?} is not supported by the tests"),
    }
}

/// Maps a wasmi trap to our trap kind by its trap code.
pub fn trap_kind(e: &wasmi::Error) -> TrapKind {
    use wasmi::TrapCode as C;
    match e.as_trap_code() {
        Some(C::UnreachableCodeReached) => TrapKind::Unreachable,
        Some(C::MemoryOutOfBounds) => TrapKind::MemoryOutOfBounds,
        Some(C::TableOutOfBounds) => TrapKind::UndefinedElement,
        Some(C::IndirectCallToNull) => TrapKind::UninitializedElement,
        Some(C::IntegerDivisionByZero) => TrapKind::IntegerDivideByZero,
        Some(C::IntegerOverflow) => TrapKind::IntegerOverflow,
        Some(C::BadConversionToInteger) => TrapKind::InvalidConversionToInteger,
        Some(C::StackOverflow) => TrapKind::StackOverflow,
        Some(C::BadSignature) => TrapKind::IndirectCallTypeMismatch,
        _ => panic!("wasmi failed without a wasm trap: {e}"),
    }
}

/// Trap kinds that the spec does not tell apart: a `memory.init` past its segment is "out of
/// bounds memory access" either way.
pub fn same_trap(a: TrapKind, b: TrapKind) -> bool {
    let norm = |k| match k {
        TrapKind::DataSegmentOutOfBounds => TrapKind::MemoryOutOfBounds,
        k => k,
    };
    norm(a) == norm(b)
}

// ---------------------------------------------------------------------------------------------
// GPU side
// ---------------------------------------------------------------------------------------------

/// A module translated (every export), compiled and instantiated on the shared GPU.
pub fn gpu_instance(wasm: &[u8], options: &InstanceOptions) -> Instance {
    gpu_instance_with(wasm, &TranslateOptions::default(), options)
}

/// [`gpu_instance`] translated with `stores`, default instance options.
pub fn gpu_instance_stores(wasm: &[u8], stores: StoreMode) -> Instance {
    let options = TranslateOptions {
        stores,
        ..TranslateOptions::default()
    };
    gpu_instance_with(wasm, &options, &InstanceOptions::default())
}

/// [`gpu_instance`] with translator options.
pub fn gpu_instance_with(
    wasm: &[u8],
    translate_options: &TranslateOptions,
    options: &InstanceOptions,
) -> Instance {
    let gpu = shared_gpu().expect("a GPU adapter (lavapipe at least)");
    let translation = match translate(wasm, translate_options) {
        Ok(t) => t,
        Err(e) => panic!("translation failed: {e}"),
    };
    let program = match Program::new(&gpu, translation) {
        Ok(p) => p,
        Err(e) => panic!("program creation failed: {e}"),
    };
    match Instance::new(&program, options) {
        Ok(i) => i,
        Err(e) => panic!("instantiation failed: {e}"),
    }
}

/// Runs `export` on one GPU thread.
pub fn gpu_call(instance: &mut Instance, export: &str, args: &[Value]) -> Outcome {
    let out = match instance.run(export, 1, args) {
        Ok(o) => o,
        Err(e) => panic!("run of {export} failed: {e}"),
    };
    out.result(0).expect("thread 0 ran")
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

/// How float results are compared (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Floats {
    /// Bit for bit.
    Exact,
    /// With the documented relaxations for float arithmetic (NaN payloads, subnormal flushing).
    Arith,
    /// Exact, except that when *both* operands are NaN the result may be either operand,
    /// quieted (the spec lets `min`/`max` return any arithmetic NaN then; wasmi returns the
    /// second operand, the translator the first).
    MinMax,
}

/// A NaN with its quiet bit set.
pub fn quieted(v: Value) -> Value {
    match v {
        Value::F32Bits(b) => Value::F32Bits(b | 0x0040_0000),
        Value::F64Bits(b) => Value::F64Bits(b | 0x0008_0000_0000_0000),
        v => v,
    }
}

fn is_subnormal_bits(v: Value) -> bool {
    match v {
        Value::F32Bits(b) => b & 0x7f80_0000 == 0 && b & 0x007f_ffff != 0,
        Value::F64Bits(b) => b & 0x7ff0_0000_0000_0000 == 0 && b & 0x000f_ffff_ffff_ffff != 0,
        _ => false,
    }
}

fn is_nan(v: Value) -> bool {
    match v {
        Value::F32Bits(b) => f32::from_bits(b).is_nan(),
        Value::F64Bits(b) => f64::from_bits(b).is_nan(),
        _ => false,
    }
}

fn is_zero(v: Value) -> bool {
    match v {
        Value::F32Bits(b) => b << 1 == 0,
        Value::F64Bits(b) => b << 1 == 0,
        _ => false,
    }
}

/// A subnormal float as the zero of its sign; anything else unchanged.
pub fn flush(v: Value) -> Value {
    match v {
        Value::F32Bits(b) if is_subnormal_bits(v) => Value::F32Bits(b & 0x8000_0000),
        Value::F64Bits(b) if is_subnormal_bits(v) => Value::F64Bits(b & (1 << 63)),
        v => v,
    }
}

/// Why a relaxed comparison accepted a difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relaxation {
    NanPayload,
    NanOperand,
    FlushedResult,
    FlushedInput,
}

/// Compares one value; `None` if different, `Some(None)` if equal, `Some(Some(r))` if equal under
/// relaxation `r`.
fn same_value(want: Value, got: Value, floats: Floats) -> Option<Option<Relaxation>> {
    if want == got {
        return Some(None);
    }
    if floats != Floats::Arith || want.ty() != got.ty() {
        return None;
    }
    if is_nan(want) && is_nan(got) {
        return Some(Some(Relaxation::NanPayload));
    }
    if (is_subnormal_bits(want) || is_smallest_normal(want)) && is_zero(got) {
        return Some(Some(Relaxation::FlushedResult));
    }
    None
}

/// ±the smallest normal: what a subnormal exact result may round up to, which a GPU that
/// flushes before rounding returns as zero (seen on the H200: f32.mul(-0.99999994, -2^-126)).
fn is_smallest_normal(v: Value) -> bool {
    match v {
        Value::F32Bits(b) => b & 0x7fff_ffff == 0x0080_0000,
        Value::F64Bits(b) => b & !(1 << 63) == 0x0010_0000_0000_0000,
        _ => false,
    }
}

fn same_outcome(want: &Outcome, got: &Outcome, floats: Floats) -> Option<Option<Relaxation>> {
    match (want, got) {
        (Err(a), Err(b)) => same_trap(*a, *b).then_some(None),
        (Ok(a), Ok(b)) if a.len() == b.len() => {
            let mut relax = None;
            for (x, y) in a.iter().zip(b) {
                match same_value(*x, *y, floats)? {
                    None => {}
                    r => relax = r,
                }
            }
            Some(relax)
        }
        _ => None,
    }
}

/// `i32:-1`, `f32:NaN(0x7fc00001)`, `f64:-0 (0x8000000000000000)`.
pub fn show_value(v: Value) -> String {
    match v {
        Value::I32(x) => format!("i32:{x} ({:#x})", x as u32),
        Value::I64(x) => format!("i64:{x} ({:#x})", x as u64),
        Value::F32Bits(b) => format!("f32:{:e} ({b:#010x})", f32::from_bits(b)),
        Value::F64Bits(b) => format!("f64:{:e} ({b:#018x})", f64::from_bits(b)),
        Value::FuncRef(_) | Value::ExternRef(_) => v.to_string(),
    }
}

pub fn show_values(vs: &[Value]) -> String {
    let parts: Vec<String> = vs.iter().map(|v| show_value(*v)).collect();
    format!("[{}]", parts.join(", "))
}

pub fn show_outcome(o: &Outcome) -> String {
    match o {
        Ok(vs) => show_values(vs),
        Err(k) => format!("trap: {k} ({k:?})"),
    }
}

/// The `(func ...)` of `wat` exported as `export` (or the whole text when not found).
pub fn wat_func<'a>(wat: &'a str, export: &str) -> &'a str {
    let needle = format!("(export \"{export}\")");
    let Some(at) = wat.find(&needle) else {
        return wat;
    };
    let Some(start) = wat[..at].rfind("(func") else {
        return wat;
    };
    let mut depth = 0i32;
    for (i, c) in wat[start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return &wat[start..start + i + 1];
                }
            }
            _ => {}
        }
    }
    wat
}

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

/// Argument sets of every check that run through the export's own entry point even when the
/// module is batched.
pub const DIRECT: usize = 6;
/// Where the batch wrappers read their argument records and write their result records.
const IN_BASE: u32 = 0;
const OUT_BASE: u32 = 4 * 65536;
const BATCH_PAGES: u32 = 8;

/// The parameter and result types of a function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sig {
    pub params: Vec<ValType>,
    pub results: Vec<ValType>,
}

fn val_type(t: wasmparser::ValType) -> Option<ValType> {
    match t {
        wasmparser::ValType::I32 => Some(ValType::I32),
        wasmparser::ValType::I64 => Some(ValType::I64),
        wasmparser::ValType::F32 => Some(ValType::F32),
        wasmparser::ValType::F64 => Some(ValType::F64),
        _ => None,
    }
}

/// The exported functions of a module: name, function index, signature (`None` for
/// signatures with other than numeric types). Also whether the module has a memory.
pub fn exported_funcs(wasm: &[u8]) -> (Vec<(String, u32, Option<Sig>)>, bool) {
    use wasmparser::{Parser, Payload, TypeRef};
    let mut types: Vec<Option<Sig>> = Vec::new();
    let mut funcs: Vec<u32> = Vec::new();
    let mut exports = Vec::new();
    let mut has_memory = false;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.expect("module parses") {
            Payload::TypeSection(r) => {
                for group in r {
                    for sub in group.expect("type").into_types() {
                        let sig = match &sub.composite_type.inner {
                            wasmparser::CompositeInnerType::Func(f) => {
                                let params: Option<Vec<_>> =
                                    f.params().iter().map(|t| val_type(*t)).collect();
                                let results: Option<Vec<_>> =
                                    f.results().iter().map(|t| val_type(*t)).collect();
                                params
                                    .zip(results)
                                    .map(|(params, results)| Sig { params, results })
                            }
                            _ => None,
                        };
                        types.push(sig);
                    }
                }
            }
            Payload::ImportSection(r) => {
                for import in r.into_imports() {
                    let import = import.expect("import");
                    match import.ty {
                        TypeRef::Func(t) => funcs.push(t),
                        TypeRef::Memory(_) => has_memory = true,
                        _ => {}
                    }
                }
            }
            Payload::FunctionSection(r) => {
                for t in r {
                    funcs.push(t.expect("function"));
                }
            }
            Payload::MemorySection(r) => has_memory |= r.count() > 0,
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e.expect("export");
                    if e.kind == wasmparser::ExternalKind::Func {
                        exports.push((e.name.to_string(), e.index));
                    }
                }
            }
            _ => {}
        }
    }
    let exports = exports
        .into_iter()
        .map(|(name, index)| {
            let sig = funcs
                .get(index as usize)
                .and_then(|t| types.get(*t as usize).cloned().flatten());
            (name, index, sig)
        })
        .collect();
    (exports, has_memory)
}

fn wat_type(t: ValType) -> &'static str {
    match t {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::FuncRef => "funcref",
        ValType::ExternRef => "externref",
    }
}

/// The batch wrapper of function `index` (see the module docs).
fn batch_wrapper(export: &str, index: u32, sig: &Sig) -> String {
    let mut w = format!("  (func (export \"__batch_{export}\") (param $n i32)\n");
    w += "    (local $i i32) (local $in i32) (local $out i32)";
    for (k, t) in sig.results.iter().enumerate() {
        let _ = write!(w, " (local $r{k} {})", wat_type(*t));
    }
    let _ = write!(
        w,
        "\n    (local.set $in (i32.const {IN_BASE}))\n    (local.set $out (i32.const {OUT_BASE}))\n"
    );
    w += "    (block $done (loop $next\n";
    w += "      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))\n";
    let _ = write!(w, "      (call {index}");
    for (k, t) in sig.params.iter().enumerate() {
        let _ = write!(
            w,
            " ({}.load offset={} (local.get $in))",
            wat_type(*t),
            8 * k
        );
    }
    w += ")\n";
    for k in (0..sig.results.len()).rev() {
        let _ = writeln!(w, "      (local.set $r{k})");
    }
    for (k, t) in sig.results.iter().enumerate() {
        let _ = writeln!(
            w,
            "      ({}.store offset={} (local.get $out) (local.get $r{k}))",
            wat_type(*t),
            8 * k
        );
    }
    let _ = writeln!(
        w,
        "      (local.set $in (i32.add (local.get $in) (i32.const {})))",
        8 * sig.params.len()
    );
    let _ = writeln!(
        w,
        "      (local.set $out (i32.add (local.get $out) (i32.const {})))",
        8 * sig.results.len()
    );
    w += "      (local.set $i (i32.add (local.get $i) (i32.const 1)))\n";
    w += "      (br $next)))\n  )\n";
    w
}

/// `wat` with a batch memory and a batch wrapper per exported function, and the signatures of
/// the wrapped exports; `None` when the module has a memory of its own.
pub fn add_batch_wrappers(wat: &str) -> Option<(String, Vec<(String, Sig)>)> {
    let (exports, has_memory) = exported_funcs(&wasm(wat));
    if has_memory {
        return None;
    }
    let mut extra =
        format!("\n  (memory (export \"__batch_memory\") {BATCH_PAGES} {BATCH_PAGES})\n");
    let mut sigs = Vec::new();
    for (name, index, sig) in exports {
        let Some(sig) = sig else { continue };
        extra += &batch_wrapper(&name, index, &sig);
        sigs.push((name, sig));
    }
    let end = wat.rfind(')').expect("a (module ...)");
    Some((format!("{}{extra}{}", &wat[..end], &wat[end..]), sigs))
}

/// One module in wasmi and on the GPU.
pub struct Harness {
    /// The module text as written by the test (shown on mismatch).
    pub wat: String,
    pub oracle: Oracle,
    pub gpu: Instance,
    /// Exports that have a batch wrapper, with their signatures.
    pub batched: Vec<(String, Sig)>,
    /// Comparisons accepted under a relaxation, with a description.
    pub relaxed: Vec<(Relaxation, String)>,
    /// Number of argument sets checked.
    pub checked: usize,
    /// Number of GPU dispatches made by checks.
    pub dispatches: usize,
}

impl Harness {
    /// A harness that batches when it can (see the module docs).
    pub fn new(wat: &str) -> Harness {
        Harness::with_options(wat, &InstanceOptions::default())
    }

    pub fn with_options(wat: &str, options: &InstanceOptions) -> Harness {
        let (text, batched) = add_batch_wrappers(wat).unwrap_or_else(|| (wat.to_string(), vec![]));
        let bytes = wasm(&text);
        Harness {
            wat: wat.to_string(),
            oracle: Oracle::new(&bytes),
            gpu: gpu_instance(&bytes, options),
            batched,
            relaxed: Vec::new(),
            checked: 0,
            dispatches: 0,
        }
    }

    /// A harness that runs every argument set in its own dispatch (no wrappers added).
    pub fn unbatched(wat: &str, options: &InstanceOptions) -> Harness {
        let bytes = wasm(wat);
        Harness {
            wat: wat.to_string(),
            oracle: Oracle::new(&bytes),
            gpu: gpu_instance(&bytes, options),
            batched: vec![],
            relaxed: Vec::new(),
            checked: 0,
            dispatches: 0,
        }
    }

    /// Runs `export` with every argument set in both and asserts identical outcomes.
    pub fn check(&mut self, export: &str, arg_sets: &[Vec<Value>]) {
        self.check_floats(export, arg_sets, Floats::Exact);
    }

    /// Like [`check`](Self::check), with the float relaxations of [`Floats::Arith`].
    pub fn check_arith(&mut self, export: &str, arg_sets: &[Vec<Value>]) {
        self.check_floats(export, arg_sets, Floats::Arith);
    }

    /// Runs one argument set on the GPU through the export's entry point.
    pub fn gpu_call(&mut self, export: &str, args: &[Value]) -> Outcome {
        self.dispatches += 1;
        gpu_call(&mut self.gpu, export, args)
    }

    /// Runs the argument sets through the batch wrapper of `export`; `None` if the batch trapped.
    fn gpu_batch(&mut self, export: &str, sig: &Sig, sets: &[Vec<Value>]) -> Option<Vec<Outcome>> {
        let mut input = Vec::with_capacity(sets.len() * sig.params.len() * 8);
        for args in sets {
            for a in args {
                input.extend_from_slice(&a.to_bits().to_le_bytes());
            }
        }
        if !input.is_empty() {
            self.gpu
                .write_memory(u64::from(IN_BASE), &input)
                .expect("write batch arguments");
        }
        self.dispatches += 1;
        let out = self
            .gpu
            .run(
                &format!("__batch_{export}"),
                1,
                &[Value::I32(sets.len() as i32)],
            )
            .unwrap_or_else(|e| panic!("batch run of {export} failed: {e}"));
        if out.trap_count() > 0 {
            return None;
        }
        let stride = 8 * sig.results.len();
        let bytes = if stride == 0 {
            Vec::new()
        } else {
            self.gpu
                .read_memory(u64::from(OUT_BASE), (sets.len() * stride) as u64)
                .expect("read batch results")
        };
        Some(
            (0..sets.len())
                .map(|i| {
                    Ok(sig
                        .results
                        .iter()
                        .enumerate()
                        .map(|(k, t)| {
                            let at = i * stride + 8 * k;
                            let mut b = [0u8; 8];
                            b.copy_from_slice(&bytes[at..at + 8]);
                            let bits = u64::from_le_bytes(b);
                            let bits = if t.words() == 1 {
                                bits & 0xffff_ffff
                            } else {
                                bits
                            };
                            Value::from_bits(*t, bits)
                        })
                        .collect())
                })
                .collect(),
        )
    }

    /// The GPU outcomes of every argument set, batched where possible; `want` are the oracle's.
    fn gpu_outcomes(
        &mut self,
        export: &str,
        arg_sets: &[Vec<Value>],
        want: &[Outcome],
    ) -> Vec<Outcome> {
        let sig = self
            .batched
            .iter()
            .find(|(n, _)| n == export)
            .map(|(_, s)| s.clone());
        let Some(sig) = sig else {
            return arg_sets.iter().map(|a| self.gpu_call(export, a)).collect();
        };
        let per_batch = [
            (OUT_BASE - IN_BASE) as usize / (8 * sig.params.len()).max(1),
            (BATCH_PAGES * 65536 - OUT_BASE) as usize / (8 * sig.results.len()).max(1),
            4096,
        ]
        .into_iter()
        .min()
        .unwrap_or(1);
        let mut got = Vec::with_capacity(arg_sets.len());
        let mut i = 0;
        while i < arg_sets.len() {
            if i < DIRECT || want[i].is_err() {
                got.push(self.gpu_call(export, &arg_sets[i]));
                i += 1;
                continue;
            }
            let mut j = i;
            while j < arg_sets.len() && want[j].is_ok() && j - i < per_batch {
                j += 1;
            }
            match self.gpu_batch(export, &sig, &arg_sets[i..j]) {
                Some(b) => got.extend(b),
                // A set trapped on the GPU although not in wasmi: one dispatch per set, to
                // report which.
                None => {
                    for args in &arg_sets[i..j] {
                        let o = self.gpu_call(export, args);
                        got.push(o);
                    }
                }
            }
            i = j;
        }
        got
    }

    pub fn check_floats(&mut self, export: &str, arg_sets: &[Vec<Value>], floats: Floats) {
        let want: Vec<Outcome> = arg_sets
            .iter()
            .map(|a| self.oracle.call(export, a))
            .collect();
        let got = self.gpu_outcomes(export, arg_sets, &want);
        let mut failures = String::new();
        let mut count = 0;
        for ((args, want), got) in arg_sets.iter().zip(&want).zip(&got) {
            self.checked += 1;
            let verdict = match same_outcome(want, got, floats) {
                Some(r) => Some(r),
                None if floats == Floats::MinMax
                    && args.len() == 2
                    && is_nan(args[0])
                    && is_nan(args[1])
                    && got.as_ref().is_ok_and(|g| {
                        g.len() == 1 && (g[0] == quieted(args[0]) || g[0] == quieted(args[1]))
                    }) =>
                {
                    Some(Some(Relaxation::NanOperand))
                }
                None if floats == Floats::Arith && args.iter().any(|a| is_subnormal_bits(*a)) => {
                    let flushed: Vec<Value> = args.iter().map(|a| flush(*a)).collect();
                    let alt = self.oracle.call(export, &flushed);
                    same_outcome(&alt, got, floats).map(|_| Some(Relaxation::FlushedInput))
                }
                None => None,
            };
            match verdict {
                Some(None) => {}
                Some(Some(r)) => self.relaxed.push((
                    r,
                    format!(
                        "{export}{}: wasmi {} gpu {}",
                        show_values(args),
                        show_outcome(want),
                        show_outcome(got)
                    ),
                )),
                None => {
                    count += 1;
                    if count <= 25 {
                        let _ = writeln!(
                            failures,
                            "  args {}\n    wasmi: {}\n    gpu:   {}",
                            show_values(args),
                            show_outcome(want),
                            show_outcome(got)
                        );
                    }
                }
            }
        }
        if count > 0 {
            panic!(
                "{count} of {} argument sets differ for export `{export}`:\n{}\n{failures}",
                arg_sets.len(),
                wat_func(&self.wat, export)
            );
        }
    }

    /// Prints what was checked and the relaxations accepted (visible with `--nocapture`).
    pub fn report(&self, what: &str) {
        println!(
            "{what}: {} argument sets checked in {} dispatches, {} accepted under a float relaxation",
            self.checked,
            self.dispatches,
            self.relaxed.len()
        );
        for (r, line) in self.relaxed.iter().take(40) {
            println!("  {r:?}: {line}");
        }
    }
}

/// Checks `export` of `wat` with every argument set (a fresh harness; see [`Harness`]).
pub fn check(wat: &str, export: &str, arg_sets: &[Vec<Value>]) {
    Harness::new(wat).check(export, arg_sets);
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/// splitmix64: a small deterministic generator, so every run checks the same inputs.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// An i32 that is often small, often near a power of two, otherwise uniform.
    pub fn i32(&mut self) -> i32 {
        match self.below(4) {
            0 => (self.below(33) as i32) - 16,
            1 => {
                let p = 1i64 << self.below(32);
                ((p + self.below(5) as i64 - 2) as i32).wrapping_mul(if self.below(2) == 0 {
                    1
                } else {
                    -1
                })
            }
            _ => self.next_u32() as i32,
        }
    }

    pub fn i64(&mut self) -> i64 {
        match self.below(4) {
            0 => (self.below(33) as i64) - 16,
            1 => {
                let p = 1i128 << self.below(64);
                ((p + self.below(5) as i128 - 2) as i64).wrapping_mul(if self.below(2) == 0 {
                    1
                } else {
                    -1
                })
            }
            _ => self.next_u64() as i64,
        }
    }

    /// An f32 from uniform bits (any class, NaN payloads included) or a "nice" value.
    pub fn f32(&mut self) -> f32 {
        match self.below(4) {
            0 => f32::from_bits(self.next_u32()),
            1 => (self.below(2001) as f32 - 1000.0) / 4.0,
            2 => ((self.next_u64() as i64) as f64 / (1u64 << self.below(64)) as f64) as f32,
            _ => {
                let m = self.next_u32() as f32 / u32::MAX as f32;
                let e = self.below(80) as i32 - 40;
                m * 2f32.powi(e) * if self.below(2) == 0 { 1.0 } else { -1.0 }
            }
        }
    }

    pub fn f64(&mut self) -> f64 {
        match self.below(4) {
            0 => f64::from_bits(self.next_u64()),
            1 => (self.below(2001) as f64 - 1000.0) / 4.0,
            2 => (self.next_u64() as i64) as f64 / (1u64 << self.below(64)) as f64,
            _ => {
                let m = self.next_u64() as f64 / u64::MAX as f64;
                let e = self.below(160) as i32 - 80;
                m * 2f64.powi(e) * if self.below(2) == 0 { 1.0 } else { -1.0 }
            }
        }
    }

    pub fn value(&mut self, ty: ValType) -> Value {
        match ty {
            ValType::I32 => Value::I32(self.i32()),
            ValType::I64 => Value::I64(self.i64()),
            ValType::F32 => Value::f32(self.f32()),
            ValType::F64 => Value::f64(self.f64()),
            ValType::FuncRef | ValType::ExternRef => Value::from_bits(ty, 0),
        }
    }
}

/// Edge-case i32s: 0, ±1, MIN, MAX, powers of two and their neighbours, shift amounts past the
/// width, alternating bit patterns.
pub fn edge_i32() -> Vec<i32> {
    let mut v = vec![
        0,
        1,
        -1,
        2,
        -2,
        3,
        7,
        31,
        32,
        33,
        63,
        64,
        65,
        i32::MIN,
        i32::MIN + 1,
        i32::MAX,
        i32::MAX - 1,
        0x5555_5555,
        0xaaaa_aaaau32 as i32,
        0x0f0f_0f0f,
        0x8000_0001u32 as i32,
        0x7f,
        0x80,
        0xff,
        0x7fff,
        0x8000,
        0xffff,
        0x1234_5678,
    ];
    for p in [4, 8, 15, 16, 17, 24, 30] {
        v.push(1 << p);
        v.push(-(1 << p));
    }
    v
}

pub fn edge_i64() -> Vec<i64> {
    let mut v = vec![
        0,
        1,
        -1,
        2,
        -2,
        3,
        31,
        32,
        33,
        63,
        64,
        65,
        127,
        128,
        i64::MIN,
        i64::MIN + 1,
        i64::MAX,
        i64::MAX - 1,
        i32::MIN as i64,
        i32::MAX as i64,
        u32::MAX as i64,
        1 << 32,
        (1 << 32) + 1,
        0x5555_5555_5555_5555,
        0xaaaa_aaaa_aaaa_aaaau64 as i64,
        0x0000_0001_0000_0000,
        0x8000_0000_0000_0001u64 as i64,
        0x0123_4567_89ab_cdef,
        0xff,
        0xffff,
        0x8000_0000,
    ];
    for p in [8, 16, 31, 33, 48, 52, 53, 62] {
        v.push(1 << p);
        v.push(-(1 << p));
    }
    v
}

/// Edge-case f32 bit patterns: ±0, ±1, ±inf, NaNs with payloads (quiet and signalling, both
/// signs), subnormals, MIN/MAX, halves, values around the i32/u32/i64/u64 truncation limits.
pub fn edge_f32() -> Vec<u32> {
    let mut v: Vec<u32> = [
        0.0f32,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        1.5,
        -1.5,
        2.5,
        -2.5,
        3.5,
        0.49999997,
        -0.49999997,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::MAX,
        f32::MIN,
        f32::MIN_POSITIVE,
        -f32::MIN_POSITIVE,
        f32::EPSILON,
        std::f32::consts::PI,
        1e10,
        -1e10,
        8388607.5,
        8388608.0,
        16777217.0,
        2147483520.0,
        2147483648.0,
        -2147483648.0,
        -2147483904.0,
        4294967040.0,
        4294967296.0,
        9.223372e18,
        -9.223372e18,
        9.223373e18,
        1.8446743e19,
        1.8446744e19,
        -0.99999994,
        -1.0000001,
        0.1,
        100.0,
    ]
    .iter()
    .map(|f| f.to_bits())
    .collect();
    v.extend([
        0x7fc0_0000, // canonical NaN
        0xffc0_0000, // negative canonical NaN
        0x7fc0_1234, // quiet NaN with payload
        0xffd0_0001, // negative quiet NaN with payload
        0x7f80_0001, // signalling NaN
        0x7fa0_0000, // signalling NaN
        0xff80_1234, // negative signalling NaN
        0x0000_0001, // smallest subnormal
        0x8000_0001,
        0x007f_ffff, // largest subnormal
        0x8040_0000,
        0x0000_1000,
    ]);
    v
}

pub fn edge_f64() -> Vec<u64> {
    let mut v: Vec<u64> = [
        0.0f64,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        1.5,
        -1.5,
        2.5,
        -2.5,
        3.5,
        0.49999999999999994,
        -0.49999999999999994,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        f64::EPSILON,
        std::f64::consts::PI,
        1e300,
        -1e300,
        1e-300,
        4503599627370495.5,
        4503599627370496.0,
        9007199254740993.0,
        2147483647.0,
        2147483647.5,
        2147483648.0,
        -2147483648.0,
        -2147483648.9,
        -2147483649.0,
        4294967295.0,
        4294967295.9,
        4294967296.0,
        9.223372036854775e18,
        9223372036854775808.0,
        -9223372036854775808.0,
        -9223372036854777856.0,
        18446744073709549568.0,
        18446744073709551616.0,
        -0.9999999999999999,
        -1.0000000000000002,
        0.1,
        1e10,
        3.4028235677973366e38, // f32::MAX exactly
        3.4028235677973370e38, // rounds to f32::MAX
        3.4028236e38,          // overflows f32
        1.401298464324817e-45, // f32 smallest subnormal
        1e-46,
    ]
    .iter()
    .map(|f| f.to_bits())
    .collect();
    v.extend([
        0x7ff8_0000_0000_0000, // canonical NaN
        0xfff8_0000_0000_0000,
        0x7ff8_0000_0000_1234, // quiet NaN with payload
        0xfffc_0000_0000_0001,
        0x7ff0_0000_0000_0001, // signalling NaN
        0x7ff4_0000_0000_0000,
        0xfff0_0000_dead_beef,
        0x7ff8_0000_2000_0000, // payload that survives demotion
        0x0000_0000_0000_0001, // smallest subnormal
        0x8000_0000_0000_0001,
        0x000f_ffff_ffff_ffff, // largest subnormal
        0x8008_0000_0000_0000,
    ]);
    v
}

/// Edge values of a type as [`Value`]s.
pub fn edges(ty: ValType) -> Vec<Value> {
    match ty {
        ValType::I32 => edge_i32().into_iter().map(Value::I32).collect(),
        ValType::I64 => edge_i64().into_iter().map(Value::I64).collect(),
        ValType::F32 => edge_f32().into_iter().map(Value::F32Bits).collect(),
        ValType::F64 => edge_f64().into_iter().map(Value::F64Bits).collect(),
        ValType::FuncRef | ValType::ExternRef => vec![Value::from_bits(ty, 0)],
    }
}

/// Argument sets for a unary operator: every edge value plus `random` random ones.
pub fn unary_args(ty: ValType, rng: &mut Rng, random: usize) -> Vec<Vec<Value>> {
    let mut v: Vec<Vec<Value>> = edges(ty).into_iter().map(|x| vec![x]).collect();
    for _ in 0..random {
        v.push(vec![rng.value(ty)]);
    }
    v
}

/// Argument sets for a binary operator: a sample of edge × edge pairs (`pairs` of them, always
/// including each edge value against 0, 1, -1 and itself), plus `random` random pairs and
/// `random` pairs mixing an edge value and a random one.
pub fn binary_args(
    ta: ValType,
    tb: ValType,
    rng: &mut Rng,
    pairs: usize,
    random: usize,
) -> Vec<Vec<Value>> {
    let ea = edges(ta);
    let eb = edges(tb);
    let mut v = Vec::new();
    // Each edge value of a with the first few edges of b (0, ±0, 1, -1, ... by construction) and
    // with the same index of b.
    for (i, a) in ea.iter().enumerate() {
        for b in eb.iter().take(4) {
            v.push(vec![*a, *b]);
        }
        v.push(vec![*a, eb[i % eb.len()]]);
    }
    for b in eb.iter().skip(4) {
        for a in ea.iter().take(3) {
            v.push(vec![*a, *b]);
        }
    }
    for _ in 0..pairs {
        let a = ea[rng.below(ea.len() as u64) as usize];
        let b = eb[rng.below(eb.len() as u64) as usize];
        v.push(vec![a, b]);
    }
    for _ in 0..random {
        v.push(vec![rng.value(ta), rng.value(tb)]);
        if rng.below(2) == 0 {
            v.push(vec![ea[rng.below(ea.len() as u64) as usize], rng.value(tb)]);
        } else {
            v.push(vec![rng.value(ta), eb[rng.below(eb.len() as u64) as usize]]);
        }
    }
    v
}
