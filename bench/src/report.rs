//! The results of a benchmark run and their markdown and JSON forms.

use std::time::Duration;

use serde_json::{json, Value};

use crate::cases::Case;
use crate::check::{self, Check};

/// One side's timed runs of one workload.
#[derive(Debug, Clone)]
pub struct Timed {
    pub median: Duration,
    pub min: Duration,
    pub runs: usize,
    /// `gpu timestamps` or `wall clock`.
    pub source: &'static str,
}

/// What happened to one side of one workload.
#[derive(Debug, Clone, Default)]
pub struct SideResult {
    pub check: Option<Check>,
    pub timed: Option<Timed>,
    /// Setup figures, in order, e.g. `("translate", 1.2 ms)`.
    pub setup: Vec<(&'static str, Duration)>,
    /// Extra facts (stack slots, dispatches per run, CPU threads).
    pub notes: Vec<String>,
    pub error: Option<String>,
}

impl SideResult {
    /// Checked (or the reference) and timed without error.
    pub fn ok(&self) -> bool {
        self.error.is_none() && self.check.as_ref().is_none_or(|c| c.ok)
    }
}

/// All sides of one workload.
#[derive(Debug, Clone)]
pub struct Row {
    pub case: Case,
    /// (a) translated Rust, (b) WGSL, (c) native CPU.
    pub sides: [SideResult; 3],
}

pub const SIDE_NAMES: [&str; 3] = ["a: Rust→wasm→GPU", "b: WGSL", "c: CPU (rayon)"];
const SIDE_KEYS: [&str; 3] = ["translated", "wgsl", "native"];

fn ms(d: Duration) -> String {
    let v = d.as_secs_f64() * 1e3;
    if v >= 100.0 {
        format!("{v:.1} ms")
    } else if v >= 1.0 {
        format!("{v:.2} ms")
    } else {
        format!("{v:.3} ms")
    }
}

fn rate(v: f64) -> String {
    format!("{v:.3e}")
}

impl Row {
    fn median(&self, side: usize) -> Option<Duration> {
        let s = &self.sides[side];
        if s.ok() {
            s.timed.as_ref().map(|t| t.median)
        } else {
            None
        }
    }

    fn ratio(&self, x: usize, y: usize) -> Option<f64> {
        Some(self.median(x)?.as_secs_f64() / self.median(y)?.as_secs_f64())
    }

    fn cell(&self, side: usize) -> String {
        let s = &self.sides[side];
        if let Some(e) = &s.error {
            return format!("error: {}", e.lines().next().unwrap_or(""));
        }
        if let Some(c) = s.check.as_ref().filter(|c| !c.ok) {
            return format!("WRONG ({})", c.detail);
        }
        match &s.timed {
            Some(t) => {
                let thr = self.case.items / t.median.as_secs_f64();
                let mut cell = format!("{} ({} {}/s", ms(t.median), rate(thr), self.case.item_unit);
                if self.case.min_bytes > 0.0 {
                    cell += &format!(
                        ", {:.1} GB/s",
                        self.case.min_bytes / t.median.as_secs_f64() / 1e9
                    );
                }
                cell + ")"
            }
            None => "not run".into(),
        }
    }
}

/// The three markdown tables (times, setup, checks).
pub fn markdown(rows: &[Row], header: &str) -> String {
    let mut s = String::new();
    s += header;
    s += "\n\n| workload | size | ";
    s += &SIDE_NAMES.join(" | ");
    s += " | a/b | a/c |\n| --- | --- | --- | --- | --- | --- | --- |\n";
    for r in rows {
        let f = |x: Option<f64>| x.map_or("–".to_string(), |v| format!("{v:.2}"));
        s += &format!(
            "| {} | {} {} | {} | {} | {} | {} | {} |\n",
            r.case.workload,
            r.case.size,
            r.case.workload.size_unit(),
            r.cell(0),
            r.cell(1),
            r.cell(2),
            f(r.ratio(0, 1)),
            f(r.ratio(0, 2)),
        );
    }
    s += "\nMedian time per run; a/b and a/c are time ratios (above 1: the translated Rust is slower). \
          GB/s is the least traffic the kernel must make (saxpy 12 B/element, sha256 96 B/message) over the median time.\n";

    s += "\n| workload | a: translate (wasm→naga) | a: naga→SPIR-V | a: pipeline | a: slots, dispatches | b: WGSL→naga | b: pipeline | c |\n";
    s += "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
    for r in rows {
        let get = |side: usize, key: &str| {
            r.sides[side]
                .setup
                .iter()
                .find(|(k, _)| *k == key)
                .map_or("–".to_string(), |(_, d)| ms(*d))
        };
        s += &format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            r.case.workload,
            get(0, "translate"),
            get(0, "spirv"),
            get(0, "pipeline"),
            r.sides[0].notes.join(", "),
            get(1, "parse"),
            get(1, "pipeline"),
            r.sides[2].notes.join(", "),
        );
    }

    s += "\n| workload | tolerance | a vs c | b vs c | timing (a / b / c) |\n| --- | --- | --- | --- | --- |\n";
    for r in rows {
        let chk = |side: usize| {
            r.sides[side].check.as_ref().map_or("–".to_string(), |c| {
                format!("{}{}", if c.ok { "ok: " } else { "FAIL: " }, c.detail)
            })
        };
        let src = |side: usize| {
            r.sides[side].timed.as_ref().map_or("–".to_string(), |t| {
                format!("{} runs, {}", t.runs, t.source)
            })
        };
        s += &format!(
            "| {} | {} | {} | {} | {} / {} / {} |\n",
            r.case.workload,
            check::tolerance(r.case.workload),
            chk(0),
            chk(1),
            src(0),
            src(1),
            src(2)
        );
    }
    s
}

/// Everything as JSON (times in seconds).
pub fn json(rows: &[Row], meta: Value) -> Value {
    let rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            let mut sides = serde_json::Map::new();
            for (i, key) in SIDE_KEYS.iter().enumerate() {
                let s = &r.sides[i];
                let setup: serde_json::Map<String, Value> = s
                    .setup
                    .iter()
                    .map(|(k, d)| (k.to_string(), json!(d.as_secs_f64())))
                    .collect();
                sides.insert(
                    key.to_string(),
                    json!({
                        "ok": s.ok(),
                        "error": s.error,
                        "check": s.check.as_ref().map(|c| json!({"ok": c.ok, "detail": c.detail})),
                        "median_s": s.timed.as_ref().map(|t| t.median.as_secs_f64()),
                        "min_s": s.timed.as_ref().map(|t| t.min.as_secs_f64()),
                        "runs": s.timed.as_ref().map(|t| t.runs),
                        "timing": s.timed.as_ref().map(|t| t.source),
                        "throughput": s.timed.as_ref().map(|t| r.case.items / t.median.as_secs_f64()),
                        "bandwidth_gb_s": s.timed.as_ref().filter(|_| r.case.min_bytes > 0.0)
                            .map(|t| r.case.min_bytes / t.median.as_secs_f64() / 1e9),
                        "setup_s": setup,
                        "notes": s.notes,
                    }),
                );
            }
            json!({
                "workload": r.case.workload.name(),
                "size": r.case.size,
                "size_unit": r.case.workload.size_unit(),
                "threads": r.case.threads,
                "items": r.case.items,
                "item_unit": r.case.item_unit,
                "min_bytes": r.case.min_bytes,
                "tolerance": check::tolerance(r.case.workload),
                "ratio_a_b": r.ratio(0, 1),
                "ratio_a_c": r.ratio(0, 2),
                "sides": sides,
            })
        })
        .collect();
    json!({ "meta": meta, "rows": rows })
}
