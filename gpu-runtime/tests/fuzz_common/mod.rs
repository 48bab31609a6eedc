//! Differential fuzzing of the translator: random valid modules from wasm-smith ([`gen`]) run
//! in wasmi ([`oracle`]) and on the GPU ([`device`]), call by call, results compared bit for bit
//! with the relaxations documented in [`compare`].
//!
//! For each module: every exported function is called with a few argument sets ([`args`]), one
//! GPU thread per call, on one instance per side whose state (memory, globals) carries over
//! between calls. After a call that trapped on either side, and at the end, memory (size and
//! bytes) is compared too, and exported globals when no trap intervened (a GPU thread that traps
//! does not write its globals back); then both sides start from fresh instances.
//!
//! Not findings, counted in [`Stats`] instead: modules or exports the translator declines by
//! design (`Recursion`, `Unsupported`, `UnsupportedFeature`), calls that hit the GPU driver's
//! loop cap (`LoopLimit`) or a wasmi limit. Everything else that differs is a [`Finding`].
//!
//! Used by `tests/fuzz_smoke.rs` and, through a `#[path]` module, by the `fuzz/` crate.

#![allow(dead_code)]

pub mod args;
pub mod compare;
pub mod device;
pub mod gen;
pub mod oracle;
pub mod stats;
pub mod wasmi_fix;

use gpu_runtime::host::{Gpu, HostError, Program, Value};
use gpu_runtime::translate::abi::EntryLayout;

use compare::{compare_outcome, compare_value, Outcome, Verdict};
use device::{Device, DeviceLimit};
use oracle::{Oracle, OracleLimit};
pub use stats::Stats;

/// Argument sets per export (the first is all zeros).
pub const CALLS_PER_EXPORT: usize = 3;

/// Stack for threads that run wasmi: its dispatch relies on tail calls that unoptimised builds
/// leave as real calls, so a long-running call can need hundreds of MiB of stack.
pub const ORACLE_STACK_BYTES: usize = 1 << 30;

/// Runs `f` on a scoped thread with [`ORACLE_STACK_BYTES`] of stack (reserved, not committed).
pub fn with_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> std::io::Result<T> {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("differential".into())
            .stack_size(ORACLE_STACK_BYTES)
            .spawn_scoped(scope, f)?;
        handle
            .join()
            .map_err(|_| std::io::Error::other("the differential thread panicked"))
    })
}

/// The differential checker: one GPU, one wasmi engine, the counters.
#[derive(Debug)]
pub struct Differ {
    gpu: Gpu,
    engine: wasmi::Engine,
    pub stats: Stats,
}

/// The two instances compared call by call.
struct Pair {
    oracle: Oracle,
    device: Device,
}

impl Differ {
    /// A checker on the shared GPU (`GPU_RUN_ADAPTER` selects it; lavapipe in CI).
    pub fn new() -> Result<Differ, HostError> {
        Ok(Differ {
            gpu: gpu_runtime::host::shared_gpu()?,
            engine: oracle::engine(),
            stats: Stats::default(),
        })
    }

    /// Checks the module of `seed` ([`gen::module_from_seed`]); arguments come from the seed too.
    /// Returns the number of new findings.
    pub fn check_seed(&mut self, seed: u64) -> usize {
        match gen::module_from_seed(seed) {
            Some(wasm) => {
                let mut rng = gen::Prng::new(seed.wrapping_add(1));
                self.check_wasm(&format!("seed {seed}"), &wasm, &mut rng)
            }
            None => {
                self.stats.not_generated += 1;
                0
            }
        }
    }

    /// Checks the module wasm-smith makes of `data` (a libFuzzer input).
    pub fn check_bytes(&mut self, data: &[u8]) -> usize {
        match gen::module_from_bytes(data) {
            Some(wasm) => {
                let seed = data
                    .iter()
                    .fold(0u64, |h, b| h.rotate_left(5) ^ u64::from(*b));
                let mut rng = gen::Prng::new(seed);
                self.check_wasm("fuzz input", &wasm, &mut rng)
            }
            None => {
                self.stats.not_generated += 1;
                0
            }
        }
    }

    /// Checks one module; `label` names it in findings. Returns the number of new findings.
    pub fn check_wasm(&mut self, label: &str, wasm: &[u8], rng: &mut gen::Prng) -> usize {
        let before = self.stats.findings.len();
        self.stats.modules += 1;
        self.run_module(label, wasm, rng);
        self.stats.findings.len() - before
    }

    fn run_module(&mut self, label: &str, wasm: &[u8], rng: &mut gen::Prng) {
        let Some(oracle_wasm) = wasmi_fix::route_select_conditions(wasm) else {
            return self
                .stats
                .skip_module("the wasmi workaround could not rewrite the module");
        };
        let module = match wasmi::Module::new(&self.engine, &oracle_wasm[..]) {
            Ok(m) => m,
            Err(e) => {
                return self
                    .stats
                    .skip_module(format!("wasmi rejects the module: {e}"))
            }
        };
        let exports: Vec<String> = module
            .exports()
            .filter(|e| e.ty().func().is_some())
            .map(|e| e.name().to_string())
            .collect();
        if exports.is_empty() {
            return self.stats.skip_module("no exported function");
        }
        let selection = match device::select(wasm, &exports) {
            Ok(Ok(s)) => s,
            Ok(Err(reasons)) => {
                let reason = reasons.into_iter().next().unwrap_or_default();
                return self.stats.skip_module(reason);
            }
            Err(e) => return self.stats.find("translate error", format!("{label}: {e}")),
        };
        for (_, reason) in &selection.skipped {
            self.stats.skip_export(reason.clone());
        }
        let program = match Device::program(&self.gpu, selection.translation) {
            Ok(p) => p,
            Err(e @ HostError::MissingFeature { .. }) => {
                return self.stats.skip_module(format!("adapter: {e}"))
            }
            Err(e) => return self.stats.find("host error", format!("{label}: {e}")),
        };
        let Some(mut pair) = self.instantiate(label, &module, &program, true) else {
            return;
        };
        let entries = pair.device.entries();
        self.stats.modules_run += 1;
        let mut clean = true;
        for entry in &entries {
            self.stats.exports_run += 1;
            for args in args::argument_sets(&entry.params, rng, CALLS_PER_EXPORT) {
                match self.call(label, &mut pair, entry, &args) {
                    Step::Continue => clean = false,
                    Step::Reset => {
                        match self.instantiate(label, &module, &program, false) {
                            Some(p) => pair = p,
                            None => return,
                        }
                        clean = true;
                    }
                    Step::Stop => return,
                }
            }
        }
        self.compare_state(label, &mut pair, "after the last call", clean);
    }

    /// Fresh instances on both sides; `None` (with the outcome counted) when either fails.
    fn instantiate(
        &mut self,
        label: &str,
        module: &wasmi::Module,
        program: &Program,
        first_time: bool,
    ) -> Option<Pair> {
        let oracle = Oracle::new(module);
        let device = Device::new(program);
        match (oracle, device) {
            (Ok(oracle), Ok(device)) => Some(Pair { oracle, device }),
            (Err(w), _) if w.as_trap_code() == Some(wasmi::TrapCode::StackOverflow) => {
                self.stats
                    .skip_module(format!("wasmi limit at instantiation: {w}"));
                None
            }
            (_, Err(HostError::Trap { first, .. }))
                if first.kind == gpu_runtime::translate::abi::TrapKind::CallStackExhausted =>
            {
                self.stats
                    .skip_module("GPU call stack exhausted in the start function");
                None
            }
            (Err(w), Err(HostError::Trap { first, .. })) if first_time => {
                let want = w.as_trap_code().and_then(compare::trap_kind);
                match want.map(|k| Outcome::Trapped(k)) {
                    Some(want)
                        if compare_outcome(&want, &Outcome::Trapped(first.kind))
                            == Verdict::Same =>
                    {
                        self.stats
                            .skip_module("start function traps on both sides (same trap)")
                    }
                    _ => self.stats.find(
                        "instantiation mismatch",
                        format!("{label}: start function: wasmi {w}, GPU {first}"),
                    ),
                }
                None
            }
            (Err(_), Err(HostError::DataSegmentOutOfBounds { .. })) if first_time => {
                self.stats
                    .skip_module("instantiation fails on both sides (data segment out of bounds)");
                None
            }
            (w, g) => {
                self.stats.find(
                    "instantiation mismatch",
                    format!(
                        "{label}: wasmi {}, GPU {}",
                        w.err()
                            .map(|e| e.to_string())
                            .unwrap_or_else(|| "ok".into()),
                        g.err()
                            .map(|e| e.to_string())
                            .unwrap_or_else(|| "ok".into())
                    ),
                );
                None
            }
        }
    }

    /// Runs one call on both sides and compares.
    fn call(&mut self, label: &str, pair: &mut Pair, entry: &EntryLayout, args: &[Value]) -> Step {
        let want = pair.oracle.call(&entry.export, args, &entry.results);
        let got = pair.device.call(&entry.export, args);
        let what = format!("{}({})", entry.export, show(args));
        let (want, got) = match (want, got) {
            (_, Err(DeviceLimit::Host(e))) => {
                self.stats
                    .find("host error", format!("{label}: {what}: {e}"));
                return Step::Stop;
            }
            (Err(OracleLimit(m)), _) => {
                self.stats.skip_call(format!("wasmi limit: {m}"));
                return Step::Reset;
            }
            (_, Err(DeviceLimit::LoopLimit)) => {
                self.stats.skip_call("GPU driver loop limit (LoopLimit)");
                return Step::Reset;
            }
            (_, Err(DeviceLimit::CallStack)) => {
                self.stats.skip_call("GPU call stack exhausted");
                return Step::Reset;
            }
            (Ok(w), Ok(g)) => (w, g),
        };
        self.stats.calls += 1;
        match compare_outcome(&want, &got) {
            Verdict::Same => {}
            Verdict::Relaxed(r) => self.stats.relax(r),
            Verdict::Different => {
                self.stats.find(
                    "mismatch",
                    format!(
                        "{label}: {what}: wasmi {}, GPU {}",
                        show_outcome(&want),
                        show_outcome(&got)
                    ),
                );
                return Step::Stop;
            }
        }
        let Outcome::Trapped(kind) = want else {
            return Step::Continue;
        };
        self.stats.calls_trapped += 1;
        *self.stats.traps.entry(kind.to_string()).or_default() += 1;
        if self.compare_state(label, pair, &format!("after {what} trapped"), false) {
            Step::Reset
        } else {
            Step::Stop
        }
    }

    /// Compares memory (size and bytes) and, when `globals`, the exported globals. `false`
    /// when they differ (a finding was recorded).
    fn compare_state(&mut self, label: &str, pair: &mut Pair, when: &str, globals: bool) -> bool {
        self.stats.state_checks += 1;
        let want = pair.oracle.memory();
        let got = match pair.device.memory() {
            Ok(m) => m,
            Err(e) => {
                self.stats
                    .find("host error", format!("{label}: reading memory {when}: {e}"));
                return false;
            }
        };
        if want.len() != got.len() {
            self.stats.find(
                "state mismatch",
                format!(
                    "{label}: memory size {when}: wasmi {} bytes, GPU {} bytes",
                    want.len(),
                    got.len()
                ),
            );
            return false;
        }
        if let Some(at) = want.iter().zip(&got).position(|(a, b)| a != b) {
            let end = (at + 8).min(want.len());
            self.stats.find(
                "state mismatch",
                format!(
                    "{label}: memory {when} at {at:#x}: wasmi {:02x?}, GPU {:02x?}",
                    &want[at..end],
                    &got[at..end]
                ),
            );
            return false;
        }
        if !globals {
            return true;
        }
        for (name, index, ty) in pair.device.exported_globals() {
            let Some(w) = pair.oracle.global(&name, ty) else {
                continue;
            };
            let g = match pair.device.global(index) {
                Ok(g) => g,
                Err(e) => {
                    self.stats
                        .find("host error", format!("{label}: reading global {name}: {e}"));
                    return false;
                }
            };
            match compare_value(w, g) {
                Verdict::Same => {}
                Verdict::Relaxed(r) => self.stats.relax(r),
                Verdict::Different => {
                    self.stats.find(
                        "state mismatch",
                        format!(
                            "{label}: global `{name}` {when}: wasmi {}, GPU {}",
                            show(&[w]),
                            show(&[g])
                        ),
                    );
                    return false;
                }
            }
        }
        true
    }
}

/// What to do after a call.
enum Step {
    /// Go on with the same instances.
    Continue,
    /// Go on with fresh instances (after a trap or a skipped call).
    Reset,
    /// Stop this module (a finding was recorded; what follows would only repeat it).
    Stop,
}

/// `1, -2:i64, 1.5:f32 (0x3fc00000)`.
fn show(values: &[Value]) -> String {
    values
        .iter()
        .map(|v| match v {
            Value::I32(x) => format!("{x}"),
            Value::I64(x) => format!("{x}:i64"),
            Value::F32Bits(b) => format!("{v}:f32 ({b:#010x})"),
            Value::F64Bits(b) => format!("{v}:f64 ({b:#018x})"),
            Value::FuncRef(_) | Value::ExternRef(_) => v.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn show_outcome(o: &Outcome) -> String {
    match o {
        Outcome::Returned(v) => format!("[{}]", show(v)),
        Outcome::Trapped(k) => format!("trap `{k}`"),
    }
}
