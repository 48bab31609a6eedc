//! Counters of a fuzzing run and findings, printable as the report in docs/FUZZING.md.

use std::collections::BTreeMap;

use super::compare::Relaxation;

/// Something that must not happen: a translator or host bug until shown otherwise.
#[derive(Debug, Clone)]
pub struct Finding {
    /// `mismatch`, `state mismatch`, `translate error`, `host error`, `instantiation mismatch`.
    pub kind: &'static str,
    pub detail: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind, self.detail)
    }
}

/// Counts of everything a run did.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Inputs wasm-smith turned into a module.
    pub modules: u64,
    /// Inputs wasm-smith gave up on.
    pub not_generated: u64,
    /// Modules with at least one export run on both sides.
    pub modules_run: u64,
    /// Modules of which nothing ran, by reason.
    pub modules_skipped: BTreeMap<String, u64>,
    /// Exports run.
    pub exports_run: u64,
    /// Exports skipped inside modules that otherwise ran, by reason.
    pub exports_skipped: BTreeMap<String, u64>,
    /// Calls compared.
    pub calls: u64,
    /// Calls that trapped on both sides (same class).
    pub calls_trapped: u64,
    /// Calls that trapped on both sides, by trap kind.
    pub traps: BTreeMap<String, u64>,
    /// Calls not compared, by reason.
    pub calls_skipped: BTreeMap<String, u64>,
    /// Values equal only under a relaxation.
    pub relaxed: BTreeMap<Relaxation, u64>,
    /// State comparisons (memory bytes, memory size, exported globals) done.
    pub state_checks: u64,
    /// Findings, in order.
    pub findings: Vec<Finding>,
}

impl Stats {
    pub fn skip_module(&mut self, reason: impl Into<String>) {
        *self.modules_skipped.entry(reason.into()).or_default() += 1;
    }

    pub fn skip_export(&mut self, reason: impl Into<String>) {
        *self.exports_skipped.entry(reason.into()).or_default() += 1;
    }

    pub fn skip_call(&mut self, reason: impl Into<String>) {
        *self.calls_skipped.entry(reason.into()).or_default() += 1;
    }

    pub fn relax(&mut self, r: Relaxation) {
        *self.relaxed.entry(r).or_default() += 1;
    }

    pub fn find(&mut self, kind: &'static str, detail: impl Into<String>) {
        self.findings.push(Finding {
            kind,
            detail: detail.into(),
        });
    }

    /// Adds another run's counts (for runners that split work).
    pub fn merge(&mut self, other: Stats) {
        fn add<K: Ord>(to: &mut BTreeMap<K, u64>, from: BTreeMap<K, u64>) {
            for (k, v) in from {
                *to.entry(k).or_default() += v;
            }
        }
        self.modules += other.modules;
        self.not_generated += other.not_generated;
        self.modules_run += other.modules_run;
        add(&mut self.modules_skipped, other.modules_skipped);
        self.exports_run += other.exports_run;
        add(&mut self.exports_skipped, other.exports_skipped);
        self.calls += other.calls;
        self.calls_trapped += other.calls_trapped;
        add(&mut self.traps, other.traps);
        add(&mut self.calls_skipped, other.calls_skipped);
        add(&mut self.relaxed, other.relaxed);
        self.state_checks += other.state_checks;
        self.findings.extend(other.findings);
    }
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let total = |m: &BTreeMap<String, u64>| m.values().sum::<u64>();
        writeln!(
            f,
            "modules: {} generated ({} inputs not generated), {} run, {} skipped",
            self.modules,
            self.not_generated,
            self.modules_run,
            total(&self.modules_skipped)
        )?;
        for (reason, n) in &self.modules_skipped {
            writeln!(f, "  module skipped, {reason}: {n}")?;
        }
        writeln!(
            f,
            "exports: {} run, {} skipped in modules that ran",
            self.exports_run,
            total(&self.exports_skipped)
        )?;
        for (reason, n) in &self.exports_skipped {
            writeln!(f, "  export skipped, {reason}: {n}")?;
        }
        writeln!(
            f,
            "calls: {} compared ({} trapped on both sides), {} skipped",
            self.calls,
            self.calls_trapped,
            total(&self.calls_skipped)
        )?;
        for (kind, n) in &self.traps {
            writeln!(f, "  trapped on both sides, {kind}: {n}")?;
        }
        for (reason, n) in &self.calls_skipped {
            writeln!(f, "  call skipped, {reason}: {n}")?;
        }
        for (r, n) in &self.relaxed {
            writeln!(f, "  equal only under relaxation {r:?}: {n}")?;
        }
        writeln!(f, "state checks: {}", self.state_checks)?;
        writeln!(f, "findings: {}", self.findings.len())?;
        for finding in &self.findings {
            writeln!(f, "  {finding}")?;
        }
        Ok(())
    }
}
