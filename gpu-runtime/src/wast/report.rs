//! The outcome of one .wast script: assertions passed, failed (with messages) and skipped
//! (with reasons, counted per reason).

use std::collections::BTreeMap;
use std::time::Duration;

/// One failed command of a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// 1-based line of the command in the script.
    pub line: usize,
    /// What was expected and what happened, in one line.
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The results of one script.
///
/// Every assertion (`assert_*`) and every bare `invoke` counts once: passed, failed or
/// skipped. A `module` command counts only when it fails to load for a reason other than an
/// unsupported feature (a translator or host bug).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileReport {
    /// The script's name, as given to the runner.
    pub file: String,
    pub passed: u64,
    pub failed: Vec<Failure>,
    /// Skipped commands, counted by reason.
    pub skipped: BTreeMap<String, u64>,
    /// Wall time of the whole script.
    pub elapsed: Duration,
}

impl FileReport {
    /// An empty report for `file`.
    pub fn new(file: impl Into<String>) -> FileReport {
        FileReport {
            file: file.into(),
            ..FileReport::default()
        }
    }

    /// Number of failed commands.
    pub fn failed_count(&self) -> u64 {
        self.failed.len() as u64
    }

    /// Number of skipped commands, all reasons together.
    pub fn skipped_count(&self) -> u64 {
        self.skipped.values().sum()
    }

    /// Whether nothing failed.
    pub fn is_success(&self) -> bool {
        self.failed.is_empty()
    }

    /// `FILE: N passed, M failed, K skipped`.
    pub fn summary(&self) -> String {
        format!(
            "{}: {} passed, {} failed, {} skipped",
            self.file,
            self.passed,
            self.failed_count(),
            self.skipped_count()
        )
    }

    /// Skip reasons, most frequent first (ties by reason).
    pub fn skip_reasons(&self) -> Vec<(&str, u64)> {
        let mut reasons: Vec<(&str, u64)> =
            self.skipped.iter().map(|(r, n)| (r.as_str(), *n)).collect();
        reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        reasons
    }

    pub(crate) fn pass(&mut self) {
        self.passed += 1;
    }

    pub(crate) fn fail(&mut self, line: usize, message: impl Into<String>) {
        self.failed.push(Failure {
            line,
            message: message.into(),
        });
    }

    pub(crate) fn skip(&mut self, reason: impl Into<String>) {
        *self.skipped.entry(reason.into()).or_insert(0) += 1;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_summary() {
        let mut r = FileReport::new("i32.wast");
        r.pass();
        r.pass();
        r.fail(3, "wrong");
        r.skip("recursion");
        r.skip("recursion");
        r.skip("a");
        assert_eq!(r.summary(), "i32.wast: 2 passed, 1 failed, 3 skipped");
        assert_eq!(r.skip_reasons(), vec![("recursion", 2), ("a", 1)]);
        assert_eq!(r.failed[0].to_string(), "line 3: wrong");
        assert!(!r.is_success());
    }
}
