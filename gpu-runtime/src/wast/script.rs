//! The interpreter of one script: modules and their instances (state kept between commands,
//! as the spec requires), names, and one handler per command.

use std::collections::{BTreeMap, HashMap, HashSet};

use wast::token::{Id, Span};
use wast::{QuoteWat, WastDirective, WastExecute, WastInvoke};

use super::effects::{mutating_exports, shared_imports, writes_into_imports};
use super::link::inline_pure_imports;
use super::loader::{rejection, Load, ProgramCache, Unavailable};
use super::report::FileReport;
use super::start::START_EXPORT;
use super::values::{self, values_text, Expected, UNSUPPORTED_VALUE};
use crate::host::{HostError, Instance, InstanceOptions, Value};
use crate::translate::abi::TrapKind;

/// Skip reason of `assert_unlinkable`.
const NO_LINKING: &str = "linking is not supported: modules cannot import from other modules";

/// A module command's result, as later commands see it.
enum Slot {
    Ready {
        instance: Box<Instance>,
        /// Exports that did not translate.
        unavailable: BTreeMap<String, Unavailable>,
        /// Exports that may change state.
        mutating: HashSet<String>,
        /// Why the state may differ from the script's (a skipped state change), if it may.
        tainted: Option<String>,
    },
    /// Not run (its commands are skipped).
    Unsupported {
        reason: String,
        /// Exports that may change state.
        mutating: HashSet<String>,
        /// Registered modules whose memory, table or globals it imports: a skipped command that
        /// may change state leaves theirs unknown.
        shares: Vec<usize>,
    },
    /// Not run because of a bug (its commands fail).
    Broken(String),
}

/// What instantiating module bytes gave.
enum Instantiated {
    Ready(Slot),
    /// Instantiation trapped (out-of-bounds data segment, trapping start function).
    Trapped(TrapKind, String),
    Unavailable(Unavailable),
    /// The validator rejected the module.
    Invalid(String),
}

/// What running a function (or reading a global) gave.
enum Outcome {
    Returned(Vec<Value>),
    Trapped(TrapKind),
    Skip(String),
    Fail(String),
}

/// 1-based line numbers of byte offsets.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    fn line(&self, span: Span) -> usize {
        self.starts.partition_point(|s| *s <= span.offset())
    }
}

/// One script's state.
pub(crate) struct Script<'c> {
    cache: &'c ProgramCache,
    options: &'c InstanceOptions,
    lines: Lines,
    pub(crate) report: FileReport,
    modules: Vec<Slot>,
    names: HashMap<String, usize>,
    /// `register`ed names.
    registered: HashMap<String, usize>,
    current: Option<usize>,
    /// `module definition` bytes by name (`""` for the last unnamed one).
    definitions: HashMap<String, Vec<u8>>,
    /// The bytes of each module still referenced, for modules importing from it (`link`).
    sources: HashMap<usize, Vec<u8>>,
}

impl<'c> Script<'c> {
    pub(crate) fn new(
        cache: &'c ProgramCache,
        options: &'c InstanceOptions,
        file: &str,
        text: &str,
    ) -> Script<'c> {
        Script {
            cache,
            options,
            lines: Lines::new(text),
            report: FileReport::new(file),
            modules: Vec::new(),
            names: HashMap::new(),
            registered: HashMap::new(),
            current: None,
            definitions: HashMap::new(),
            sources: HashMap::new(),
        }
    }

    /// Runs one command.
    pub(crate) fn run(&mut self, directive: WastDirective<'_>) {
        let line = self.lines.line(directive.span());
        match directive {
            WastDirective::Module(mut quote) => {
                let name = quote_name(&quote);
                match quote.encode() {
                    Ok(wasm) => self.module(line, name, &wasm),
                    Err(e) => {
                        let message = format!("module does not encode: {}", e.message());
                        self.report.fail(line, message.clone());
                        self.push(name, Slot::Broken(message));
                    }
                }
            }
            WastDirective::ModuleDefinition(mut quote) => {
                let name = quote_name(&quote).unwrap_or_default();
                match quote.encode() {
                    Ok(wasm) => {
                        self.definitions.insert(name, wasm);
                    }
                    Err(e) => self
                        .report
                        .fail(line, format!("module does not encode: {}", e.message())),
                }
            }
            WastDirective::ModuleInstance {
                instance, module, ..
            } => {
                let key = module.map(|m| m.name().to_string()).unwrap_or_default();
                match self.definitions.get(&key).cloned() {
                    Some(wasm) => self.module(line, instance.map(id_name), &wasm),
                    None => self
                        .report
                        .fail(line, format!("no module definition `{key}`")),
                }
            }
            WastDirective::Register { name, module, .. } => {
                let index = match module {
                    Some(id) => self.names.get(id.name()).copied(),
                    None => self.current,
                };
                match index {
                    Some(i) => {
                        self.registered.insert(name.to_string(), i);
                    }
                    None => self.report.fail(line, "register: no such module"),
                }
            }
            WastDirective::Invoke(invoke) => match self.invoke(&invoke) {
                Outcome::Returned(_) => self.report.pass(),
                Outcome::Trapped(kind) => self
                    .report
                    .fail(line, format!("{} trapped: {kind}", describe(&invoke))),
                Outcome::Skip(reason) => self.report.skip(reason),
                Outcome::Fail(message) => self.report.fail(line, message),
            },
            WastDirective::AssertReturn { exec, results, .. } => {
                let expected: Option<Vec<Expected>> =
                    results.iter().map(values::expected).collect();
                match expected {
                    Some(expected) => self.assert_return(line, &exec, &expected),
                    None => self.report.skip(UNSUPPORTED_VALUE),
                }
            }
            WastDirective::AssertTrap { exec, message, .. } => {
                self.assert_trap(line, exec, message)
            }
            WastDirective::AssertExhaustion { call, message, .. } => match self.invoke(&call) {
                Outcome::Trapped(kind) if trap_matches(kind, message) => self.report.pass(),
                Outcome::Trapped(kind) => self.report.fail(
                    line,
                    format!(
                        "{} trapped with `{kind}`, expected `{message}`",
                        describe(&call)
                    ),
                ),
                Outcome::Returned(v) => self.report.fail(
                    line,
                    format!(
                        "{} returned {}, expected `{message}`",
                        describe(&call),
                        values_text(&v)
                    ),
                ),
                Outcome::Skip(reason) => self.report.skip(reason),
                Outcome::Fail(m) => self.report.fail(line, m),
            },
            WastDirective::AssertInvalid {
                module, message, ..
            }
            | WastDirective::AssertInvalidCustom {
                module, message, ..
            } => self.assert_rejected(line, module, "invalid", message),
            WastDirective::AssertMalformed {
                module, message, ..
            }
            | WastDirective::AssertMalformedCustom {
                module, message, ..
            } => self.assert_rejected(line, module, "malformed", message),
            WastDirective::AssertUnlinkable { .. } => self.report.skip(NO_LINKING),
            WastDirective::AssertException { .. } => {
                self.report.skip("not WebAssembly 2.0: assert_exception")
            }
            WastDirective::AssertSuspension { .. } => {
                self.report.skip("not WebAssembly 2.0: assert_suspension")
            }
            WastDirective::Thread(_) | WastDirective::Wait { .. } => {
                self.report.skip("not WebAssembly 2.0: threads")
            }
        }
    }

    /// `wasm` with the pure functions it imports from registered modules copied in, when
    /// that is all it imports (see `link`).
    fn linked(&self, wasm: &[u8]) -> Option<Vec<u8>> {
        inline_pure_imports(wasm, |module| {
            let index = self.registered.get(module)?;
            self.sources.get(index).map(Vec::as_slice)
        })
    }

    /// A `module` command: instantiate and make it the current module.
    fn module(&mut self, line: usize, name: Option<String>, wasm: &[u8]) {
        let linked = self.linked(wasm);
        let wasm = linked.as_deref().unwrap_or(wasm);
        self.module_linked(line, name, wasm);
        if let Some(index) = self.current {
            self.sources.insert(index, wasm.to_vec());
        }
    }

    fn module_linked(&mut self, line: usize, name: Option<String>, wasm: &[u8]) {
        let slot = match self.instantiate(wasm) {
            Instantiated::Ready(slot) => slot,
            Instantiated::Unavailable(Unavailable::Unsupported(reason)) => {
                self.taint_imports(wasm, &reason);
                let shares = shared_imports(wasm)
                    .iter()
                    .filter_map(|m| self.registered.get(m).copied())
                    .collect();
                Slot::Unsupported {
                    reason,
                    mutating: mutating_exports(wasm),
                    shares,
                }
            }
            Instantiated::Unavailable(Unavailable::Broken(message)) => {
                self.report.fail(line, message.clone());
                Slot::Broken(message)
            }
            Instantiated::Trapped(_, detail) => {
                let message = format!("module failed to instantiate: {detail}");
                self.report.fail(line, message.clone());
                Slot::Broken(message)
            }
            Instantiated::Invalid(detail) => {
                let message = format!("valid module rejected: {detail}");
                self.report.fail(line, message.clone());
                Slot::Broken(message)
            }
        };
        self.push(name, slot);
    }

    fn push(&mut self, name: Option<String>, slot: Slot) {
        // The previous current module can no longer be named unless it has a name or was
        // registered: free its buffers (up to the adapter's binding size each).
        if let Some(previous) = self.current {
            let referenced = self.names.values().any(|i| *i == previous)
                || self.registered.values().any(|i| *i == previous);
            if !referenced {
                if let Some(slot) = self.modules.get_mut(previous) {
                    *slot = Slot::Broken("module no longer referenced".into());
                }
                self.sources.remove(&previous);
            }
        }
        self.modules.push(slot);
        let index = self.modules.len() - 1;
        self.current = Some(index);
        if let Some(name) = name {
            self.names.insert(name, index);
        }
    }

    /// Loads (cached), instantiates and runs the start function.
    fn instantiate(&self, wasm: &[u8]) -> Instantiated {
        let load = self.cache.load(wasm);
        let loaded = match &*load {
            Load::Ready(l) => l,
            Load::Invalid(m) => return Instantiated::Invalid(m.clone()),
            Load::Unavailable(u) => return Instantiated::Unavailable(u.clone()),
        };
        if loaded.has_start {
            if let Some(u) = loaded.unavailable.get(START_EXPORT) {
                return Instantiated::Unavailable(match u {
                    Unavailable::Unsupported(r) => {
                        Unavailable::Unsupported(format!("start function: {r}"))
                    }
                    Unavailable::Broken(m) => Unavailable::Broken(format!("start function: {m}")),
                });
            }
        }
        let mut instance = match Instance::new(&loaded.program, self.options) {
            Ok(i) => i,
            Err(e @ HostError::DataSegmentOutOfBounds { .. }) => {
                return Instantiated::Trapped(TrapKind::MemoryOutOfBounds, e.to_string())
            }
            Err(e) => {
                return Instantiated::Unavailable(Unavailable::Broken(format!(
                    "instantiation failed: {e}"
                )))
            }
        };
        if loaded.has_start {
            match instance.run(START_EXPORT, 1, &[]).map(|out| out.result(0)) {
                Ok(Some(Ok(_))) => {}
                Ok(Some(Err(kind))) => {
                    return Instantiated::Trapped(kind, format!("start function trapped: {kind}"))
                }
                Ok(None) => {
                    return Instantiated::Unavailable(Unavailable::Broken(
                        "the start function returned no status".into(),
                    ))
                }
                Err(e) => {
                    return Instantiated::Unavailable(Unavailable::Broken(format!(
                        "start function: {e}"
                    )))
                }
            }
        }
        Instantiated::Ready(Slot::Ready {
            instance: Box::new(instance),
            unavailable: loaded.unavailable.clone(),
            mutating: loaded.mutating.clone(),
            tainted: None,
        })
    }

    /// The index of the module a command names, or of the current one.
    fn index(&self, id: Option<Id<'_>>) -> Result<usize, String> {
        let index = match id {
            Some(id) => self.names.get(id.name()).copied(),
            None => self.current,
        };
        index
            .filter(|i| *i < self.modules.len())
            .ok_or_else(|| match id {
                Some(id) => format!("no module named `${}`", id.name()),
                None => "no module defined yet".to_string(),
            })
    }

    /// The module a command names, or the current one.
    fn slot(&mut self, id: Option<Id<'_>>) -> Result<&mut Slot, String> {
        let index = self.index(id)?;
        self.modules
            .get_mut(index)
            .ok_or_else(|| "no module defined yet".to_string())
    }

    /// Marks modules whose state may now differ from the script's.
    fn taint(&mut self, indices: &[usize], reason: &str) {
        for &i in indices {
            if let Some(Slot::Ready { tainted, .. }) = self.modules.get_mut(i) {
                tainted.get_or_insert_with(|| reason.to_string());
            }
        }
    }

    /// Marks the registered modules that instantiating the skipped module `wasm` would have
    /// written into.
    fn taint_imports(&mut self, wasm: &[u8], reason: &str) {
        for module in writes_into_imports(wasm) {
            if let Some(&index) = self.registered.get(&module) {
                self.taint(&[index], reason);
            }
        }
    }

    fn invoke(&mut self, invoke: &WastInvoke<'_>) -> Outcome {
        let (instance, unavailable, mutating, tainted) = match self.slot(invoke.module) {
            Err(m) => return Outcome::Fail(m),
            Ok(Slot::Broken(m)) => return Outcome::Fail(m.clone()),
            Ok(Slot::Unsupported {
                reason,
                mutating,
                shares,
            }) => {
                let reason = reason.clone();
                if mutating.contains(invoke.name) {
                    let shares = shares.clone();
                    self.taint(&shares, &reason);
                }
                return Outcome::Skip(reason);
            }
            Ok(Slot::Ready {
                instance,
                unavailable,
                mutating,
                tainted,
            }) => (instance, unavailable, mutating, tainted),
        };
        if let Some(reason) = tainted {
            return Outcome::Skip(after_skipped(reason));
        }
        let skip = |reason: &str, tainted: &mut Option<String>| {
            if mutating.contains(invoke.name) {
                *tainted = Some(reason.to_string());
            }
            Outcome::Skip(reason.to_string())
        };
        match unavailable.get(invoke.name) {
            Some(Unavailable::Unsupported(r)) => return skip(r, tainted),
            Some(u @ Unavailable::Broken(_)) => return unavailable_outcome(u),
            None => {}
        }
        let Some(args) = invoke
            .args
            .iter()
            .map(values::arg)
            .collect::<Option<Vec<_>>>()
        else {
            return skip(UNSUPPORTED_VALUE, tainted);
        };
        if instance.layout().entry(invoke.name).is_none() {
            return Outcome::Fail(format!("no exported function `{}`", invoke.name));
        }
        match instance.run(invoke.name, 1, &args).map(|out| out.result(0)) {
            Ok(Some(Ok(values))) => Outcome::Returned(values),
            Ok(Some(Err(kind))) => Outcome::Trapped(kind),
            Ok(None) => Outcome::Fail(format!("{}: no result", describe(invoke))),
            Err(e) => Outcome::Fail(format!("{}: {e}", describe(invoke))),
        }
    }

    fn get(&mut self, module: Option<Id<'_>>, global: &str) -> Outcome {
        match self.slot(module) {
            Err(m) => Outcome::Fail(m),
            Ok(Slot::Broken(m)) => Outcome::Fail(m.clone()),
            Ok(Slot::Unsupported { reason, .. }) => Outcome::Skip(reason.clone()),
            Ok(Slot::Ready {
                tainted: Some(reason),
                ..
            }) => Outcome::Skip(after_skipped(reason)),
            Ok(Slot::Ready { instance, .. }) => match instance.read_global_export(global) {
                Ok(Some(v)) => Outcome::Returned(vec![v]),
                Ok(None) => Outcome::Fail(format!("no exported global `{global}`")),
                Err(e) => Outcome::Fail(format!("get `{global}`: {e}")),
            },
        }
    }

    fn assert_return(&mut self, line: usize, exec: &WastExecute<'_>, expected: &[Expected]) {
        let (what, outcome) = match exec {
            WastExecute::Invoke(invoke) => (describe(invoke), self.invoke(invoke)),
            WastExecute::Get { module, global, .. } => {
                (format!("get `{global}`"), self.get(*module, global))
            }
            WastExecute::Wat(_) => {
                self.report
                    .fail(line, "assert_return of a module is not a 2.0 command");
                return;
            }
        };
        let expected_text = || {
            expected
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        };
        match outcome {
            Outcome::Returned(got) => {
                let ok = got.len() == expected.len()
                    && got.iter().zip(expected).all(|(v, e)| e.matches(*v));
                if ok {
                    self.report.pass();
                } else {
                    self.report.fail(
                        line,
                        format!(
                            "{what}: got {}, expected {}",
                            values_text(&got),
                            expected_text()
                        ),
                    );
                }
            }
            Outcome::Trapped(kind) => self.report.fail(
                line,
                format!(
                    "{what}: trapped with `{kind}`, expected {}",
                    expected_text()
                ),
            ),
            Outcome::Skip(reason) => self.report.skip(reason),
            Outcome::Fail(m) => self.report.fail(line, m),
        }
    }

    fn assert_trap(&mut self, line: usize, exec: WastExecute<'_>, message: &str) {
        match exec {
            WastExecute::Invoke(invoke) => match self.invoke(&invoke) {
                Outcome::Trapped(kind) if trap_matches(kind, message) => self.report.pass(),
                Outcome::Trapped(kind) => self.report.fail(
                    line,
                    format!(
                        "{} trapped with `{kind}`, expected `{message}`",
                        describe(&invoke)
                    ),
                ),
                Outcome::Returned(v) => self.report.fail(
                    line,
                    format!(
                        "{} returned {}, expected trap `{message}`",
                        describe(&invoke),
                        values_text(&v)
                    ),
                ),
                Outcome::Skip(reason) => self.report.skip(reason),
                Outcome::Fail(m) => self.report.fail(line, m),
            },
            WastExecute::Wat(mut wat) => {
                let wasm = match wat.encode() {
                    Ok(w) => w,
                    Err(e) => {
                        let m = format!("module does not encode: {}", e.message());
                        self.report.fail(line, m);
                        return;
                    }
                };
                self.assert_uninstantiable(line, &wasm, message);
            }
            WastExecute::Get { global, .. } => match self.get(None, global) {
                Outcome::Skip(reason) => self.report.skip(reason),
                _ => self.report.fail(line, "assert_trap of `get` cannot trap"),
            },
        }
    }

    /// `assert_trap (module ...)`: instantiation must trap.
    fn assert_uninstantiable(&mut self, line: usize, wasm: &[u8], message: &str) {
        let linked = self.linked(wasm);
        let wasm = linked.as_deref().unwrap_or(wasm);
        match self.instantiate(wasm) {
            Instantiated::Trapped(kind, _) if trap_matches(kind, message) => self.report.pass(),
            Instantiated::Trapped(kind, detail) => self.report.fail(
                line,
                format!("instantiation trapped with `{kind}` ({detail}), expected `{message}`"),
            ),
            Instantiated::Ready(_) => self.report.fail(
                line,
                format!("module instantiated, expected trap `{message}`"),
            ),
            // The translator refuses exactly the element segments that would trap.
            Instantiated::Unavailable(Unavailable::Unsupported(reason))
                if message == "out of bounds table access"
                    && reason.contains("instantiation would trap") =>
            {
                self.report.pass()
            }
            Instantiated::Unavailable(Unavailable::Unsupported(reason)) => {
                self.taint_imports(wasm, &reason);
                self.report.skip(reason)
            }
            Instantiated::Unavailable(Unavailable::Broken(m)) => self.report.fail(line, m),
            Instantiated::Invalid(m) => self
                .report
                .fail(line, format!("valid module rejected: {m}")),
        }
    }

    /// `assert_invalid` / `assert_malformed`: the text does not encode, or the validator
    /// rejects the binary.
    fn assert_rejected(
        &mut self,
        line: usize,
        mut module: QuoteWat<'_>,
        kind: &str,
        message: &str,
    ) {
        let wasm = match module.encode() {
            Ok(w) => w,
            Err(_) => return self.report.pass(),
        };
        if rejection(&wasm).is_some() {
            self.report.pass();
        } else {
            self.report.fail(
                line,
                format!("{kind} module was accepted, expected `{message}`"),
            );
        }
    }
}

/// The skip reason of commands on an instance whose state may differ from the script's.
fn after_skipped(reason: &str) -> String {
    format!("after a skipped state change ({reason})")
}

fn unavailable_outcome(u: &Unavailable) -> Outcome {
    match u {
        Unavailable::Unsupported(r) => Outcome::Skip(r.clone()),
        Unavailable::Broken(m) => Outcome::Fail(m.clone()),
    }
}

/// Our trap message against the script's: equal, or one a prefix of the other (the spec's
/// reference interpreter adds details to some, like `uninitialized element 2`).
fn trap_matches(kind: TrapKind, expected: &str) -> bool {
    let ours = kind.message();
    !expected.is_empty() && (expected.starts_with(ours) || ours.starts_with(expected))
}

fn quote_name(quote: &QuoteWat<'_>) -> Option<String> {
    quote.name().map(id_name)
}

fn id_name(id: Id<'_>) -> String {
    id.name().to_string()
}

/// `invoke `f`(i32:1 f32:1.5 (0x3fc00000))`.
fn describe(invoke: &WastInvoke<'_>) -> String {
    let args: Vec<String> = invoke
        .args
        .iter()
        .map(|a| values::arg(a).map_or("?".into(), values::value_text))
        .collect();
    format!("invoke `{}`({})", invoke.name, args.join(" "))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn trap_messages() {
        assert!(trap_matches(TrapKind::Unreachable, "unreachable"));
        assert!(trap_matches(
            TrapKind::UninitializedElement,
            "uninitialized element 2"
        ));
        assert!(!trap_matches(
            TrapKind::UndefinedElement,
            "uninitialized element"
        ));
        assert!(!trap_matches(TrapKind::Unreachable, ""));
        assert!(trap_matches(
            TrapKind::DataSegmentOutOfBounds,
            "out of bounds memory access"
        ));
    }

    #[test]
    fn line_numbers() {
        let lines = Lines::new("a\nbc\n\nd");
        let at = |o| lines.starts.partition_point(|s| *s <= o);
        assert_eq!(at(0), 1);
        assert_eq!(at(2), 2);
        assert_eq!(at(5), 3);
        assert_eq!(at(6), 4);
    }
}
