//! What a run returns: every thread's status and results as raw words, the trap record and
//! timings. Values are decoded on demand (16M threads of `Vec<Value>` would not fit).

use std::time::Duration;

use super::error::HostError;
use super::frame::Image;
use super::value::Value;
use crate::translate::abi::{TrapKind, ValType};

/// The first trap the GPU recorded during a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trap {
    /// Thread id (as passed to the entry point's thread).
    pub thread: u32,
    pub kind: TrapKind,
    /// Wasm function index of the trapping instruction.
    pub func_index: u32,
    /// The function's name from the name section, or `func[N]`.
    pub func_name: String,
    /// Byte offset of the trapping instruction in the module.
    pub offset: u32,
    /// For a [`TrapKind::Panic`]: where the guest panicked, `file:line:column`, as gpu-std's
    /// panic handler passes it to `gpu.panic` (`None` when it passed none).
    pub panic_location: Option<String>,
}

/// `thread 7 trapped: integer divide by zero in function 3 (div) at offset 0x4a`;
/// `thread 7 trapped: panic at src/lib.rs:12:9 in function ...` for a panic with its location.
impl std::fmt::Display for Trap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "thread {} trapped: {}", self.thread, self.kind)?;
        if let Some(at) = &self.panic_location {
            write!(f, " at {at}")?;
        }
        write!(
            f,
            " in function {} ({}) at offset {:#x}",
            self.func_index, self.func_name, self.offset
        )
    }
}

/// Where the time of a run went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timings {
    /// Writing params and control, creating buffers and bind groups, encoding.
    pub upload: Duration,
    /// From submitting the dispatches to the GPU finishing them.
    pub gpu: Duration,
    /// Mapping the results and copying them out.
    pub readback: Duration,
}

impl Timings {
    /// Sum of the three.
    pub fn total(&self) -> Duration {
        self.upload + self.gpu + self.readback
    }
}

/// The outcome of [`Instance::run`](super::Instance::run): per thread, a status word and the
/// result words, as the shader wrote them.
#[derive(Debug, Clone)]
pub struct RunOutput {
    pub(crate) export: String,
    pub(crate) result_types: Vec<ValType>,
    pub(crate) stride: usize,
    pub(crate) threads: u64,
    pub(crate) words: Vec<u32>,
    pub(crate) trap_count: u64,
    pub(crate) first_trap: Option<Trap>,
    pub(crate) timings: Timings,
    pub(crate) image: Option<Image>,
}

impl RunOutput {
    /// The export that ran.
    pub fn export(&self) -> &str {
        &self.export
    }

    /// The export's result types.
    pub fn result_types(&self) -> &[ValType] {
        &self.result_types
    }

    /// Number of threads run.
    pub fn threads(&self) -> u64 {
        self.threads
    }

    /// Number of threads that trapped.
    pub fn trap_count(&self) -> u64 {
        self.trap_count
    }

    /// The first trap the GPU recorded (not necessarily the lowest thread id).
    pub fn first_trap(&self) -> Option<&Trap> {
        self.first_trap.as_ref()
    }

    /// Where the time went.
    pub fn timings(&self) -> Timings {
        self.timings
    }

    /// The framebuffer's pixels, when the run had one
    /// ([`RunOptions::framebuffer`](super::RunOptions::framebuffer)).
    pub fn image(&self) -> Option<&Image> {
        self.image.as_ref()
    }

    /// Takes the framebuffer's pixels out of the output.
    pub fn take_image(&mut self) -> Option<Image> {
        self.image.take()
    }

    /// The raw words of a thread: status word, then results (`None` past the last thread).
    pub fn raw(&self, thread: u64) -> Option<&[u32]> {
        if thread >= self.threads {
            return None;
        }
        let start = usize::try_from(thread).ok()? * self.stride;
        self.words.get(start..start + self.stride)
    }

    /// A thread's results, or how it trapped (`None` past the last thread).
    pub fn result(&self, thread: u64) -> Option<Result<Vec<Value>, TrapKind>> {
        self.raw(thread).map(|w| self.decode(w))
    }

    /// Every thread's outcome, in thread order.
    pub fn iter(&self) -> impl Iterator<Item = Result<Vec<Value>, TrapKind>> + '_ {
        self.raw_iter().map(|w| self.decode(w))
    }

    /// Every thread's raw words, in thread order.
    pub fn raw_iter(&self) -> impl Iterator<Item = &[u32]> + '_ {
        self.words.chunks_exact(self.stride)
    }

    /// The results, when every thread succeeded with the same values (and at least one ran).
    pub fn all_same(&self) -> Option<Vec<Value>> {
        let mut it = self.raw_iter();
        let first = it.next()?;
        if first[0] != 0 || it.any(|w| w != first) {
            return None;
        }
        self.decode(first).ok()
    }

    /// Ids of the threads that trapped, in order.
    pub fn trapped_threads(&self) -> impl Iterator<Item = u64> + '_ {
        self.raw_iter()
            .enumerate()
            .filter(|(_, w)| w[0] != 0)
            .map(|(i, _)| i as u64)
    }

    /// `Err(HostError::Trap)` when any thread trapped.
    pub fn check(&self) -> Result<(), HostError> {
        if self.trap_count == 0 {
            return Ok(());
        }
        let first = self
            .first_trap
            .clone()
            .unwrap_or_else(|| self.lowest_trap());
        Err(HostError::Trap {
            first,
            count: self.trap_count,
            threads: self.threads,
        })
    }

    /// `self`, or `Err(HostError::Trap)` when any thread trapped.
    pub fn into_result(self) -> Result<RunOutput, HostError> {
        self.check().map(|()| self)
    }

    /// A trap built from the status words alone (no function or offset known).
    fn lowest_trap(&self) -> Trap {
        let (thread, kind) = self
            .raw_iter()
            .enumerate()
            .find_map(|(i, w)| TrapKind::from_code(w[0]).map(|k| (i as u32, k)))
            .unwrap_or((0, TrapKind::Unreachable));
        Trap {
            thread,
            kind,
            func_index: 0,
            func_name: "unknown".into(),
            offset: 0,
            panic_location: None,
        }
    }

    fn decode(&self, words: &[u32]) -> Result<Vec<Value>, TrapKind> {
        if words[0] != 0 {
            // Unknown codes were rejected when the run finished.
            return Err(TrapKind::from_code(words[0]).unwrap_or(TrapKind::Unreachable));
        }
        let mut at = 1;
        Ok(self
            .result_types
            .iter()
            .map(|&ty| {
                let n = ty.words() as usize;
                let v = Value::from_words(ty, words.get(at..at + n).unwrap_or(&[]));
                at += n;
                v
            })
            .collect())
    }
}
