//! Printing a run's results: one line when all threads agree, a summary otherwise, and the
//! per-thread `--out` file.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use gpu_runtime::host::{Instance, RunOutput, Value};
use gpu_runtime::translate::abi::TrapKind;

/// Most distinct results counted exactly.
const MAX_DISTINCT: usize = 1000;
/// Threads shown in the summary.
const SHOWN: u64 = 4;

/// Prints `Result: ...` or a summary of the results to stdout.
pub fn print(output: &RunOutput, has_out_file: bool) {
    for line in summary(output, has_out_file) {
        println!("{line}");
    }
}

/// The lines [`print`](fn@print) prints.
pub fn summary(output: &RunOutput, has_out_file: bool) -> Vec<String> {
    if output.threads() == 0 {
        return vec!["Result: (no threads ran)".into()];
    }
    if let Some(values) = output.all_same() {
        return vec![format!("Result: {}", values_text(&values))];
    }
    let mut distinct: HashMap<&[u32], u64> = HashMap::new();
    let mut more = false;
    let mut ok_threads = 0u64;
    for w in output.raw_iter() {
        if w[0] != 0 {
            continue;
        }
        ok_threads += 1;
        if let Some(n) = distinct.get_mut(w) {
            *n += 1;
        } else if distinct.len() < MAX_DISTINCT {
            distinct.insert(w, 1);
        } else {
            more = true;
        }
    }
    let mut lines = Vec::new();
    if ok_threads > 0 {
        lines.push(format!(
            "Results: {}{} distinct values from {ok_threads} threads",
            if more { "more than " } else { "" },
            distinct.len()
        ));
    } else {
        lines.push("Results: every thread trapped".into());
    }
    for t in 0..output.threads().min(SHOWN) {
        if let Some(r) = output.result(t) {
            lines.push(format!("  thread {t}: {}", outcome_text(&r)));
        }
    }
    if output.threads() > SHOWN {
        lines.push("  ...".into());
    }
    if !has_out_file {
        lines.push("(use --out FILE to write every thread's result)".into());
    }
    lines
}

/// Writes `thread<TAB>values` (or the trap message) for every thread.
pub fn write_out(output: &RunOutput, path: &Path) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    for (t, r) in output.iter().enumerate() {
        writeln!(w, "{t}\t{}", outcome_text(&r))?;
    }
    w.flush()
}

/// `3 of 10240 threads trapped; first: thread 7: integer divide by zero in function 3 (div)
/// at offset 0x4a`, when any thread trapped.
pub fn trap_line(output: &RunOutput) -> Option<String> {
    if output.trap_count() == 0 {
        return None;
    }
    let first = match output.first_trap() {
        Some(t) => format!(
            "thread {}: {}{} in function {} ({}) at offset {:#x}",
            t.thread,
            t.kind,
            t.panic_location
                .as_ref()
                .map_or(String::new(), |at| format!(" at {at}")),
            t.func_index,
            t.func_name,
            t.offset
        ),
        None => match output.trapped_threads().next() {
            Some(t) => format!(
                "thread {t}: {}",
                output
                    .result(t)
                    .and_then(Result::err)
                    .map_or("trap".into(), |k| k.to_string())
            ),
            None => "unknown".into(),
        },
    };
    Some(format!(
        "{} of {} threads trapped; first: {first}",
        output.trap_count(),
        output.threads()
    ))
}

/// `initial 1 MiB, 4032 stacks of 16384 bytes at 0x110000, size 64 MiB, capacity 128 MiB`.
pub fn memory_text(instance: &Instance) -> String {
    let plan = instance.memory_plan();
    let stacks = match plan.stack_slots {
        Some(n) => format!(
            "{n} stacks of {} bytes at {:#x}",
            plan.stack_size, plan.stack_base
        ),
        None => "no stacks".into(),
    };
    format!(
        "initial {}, {stacks}, size {}, capacity {}",
        bytes_text(plan.initial_bytes),
        bytes_text(instance.memory_size_bytes()),
        bytes_text(instance.memory_capacity_bytes())
    )
}

fn bytes_text(n: u64) -> String {
    if n >= 1 << 20 && n % (1 << 20) == 0 {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n % (1 << 10) == 0 {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}

fn values_text(values: &[Value]) -> String {
    if values.is_empty() {
        return "()".into();
    }
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

fn outcome_text(r: &Result<Vec<Value>, TrapKind>) -> String {
    match r {
        Ok(values) => values_text(values),
        Err(kind) => format!("trap: {kind}"),
    }
}
