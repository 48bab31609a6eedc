//! Exact-float SPIR-V: the changes to naga's SPIR-V output that keep a Vulkan driver from
//! bending wasm's float semantics.
//!
//! naga emits neither the `NoContraction` decoration nor the float-controls execution modes,
//! so a driver may fuse `a * b + c` into one FMA (NVIDIA does), fold `x + 0.0` to `x` or
//! `x * 0.0` to `0.0` (lavapipe's NIR does: wrong for `-0.0`, NaN and infinities) and flush
//! subnormals to zero (NVIDIA does for f32). wasm allows none of these. This pass, on the words
//! naga wrote:
//!
//! - decorates the result of every float arithmetic instruction (`OpFNegate`, `OpFAdd`,
//!   `OpFSub`, `OpFMul`, `OpFDiv`, `OpFRem`, `OpFMod`) `NoContraction`, which SPIR-V defines as
//!   "no contraction, no reassociation, no algebraic simplification" for that instruction;
//! - adds the `SPV_KHR_float_controls` execution modes the device supports
//!   ([`FloatControls`]): `SignedZeroInfNanPreserve` and `DenormPreserve` for 32 and 64 bits,
//!   with their capabilities and the extension.
//!
//! It is pure (words in, words out) so it is tested without a GPU; the host decides when to use
//! it (exact-float mode, `Program` options).

/// Float-controls execution modes to request, per width. Only set what the device reports in
/// `VkPhysicalDeviceFloatControlsProperties`: requesting an unsupported mode is invalid usage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FloatControls {
    /// `SignedZeroInfNanPreserve` for f32.
    pub signed_zero_inf_nan_32: bool,
    /// `SignedZeroInfNanPreserve` for f64.
    pub signed_zero_inf_nan_64: bool,
    /// `DenormPreserve` for f32.
    pub denorm_preserve_32: bool,
    /// `DenormPreserve` for f64.
    pub denorm_preserve_64: bool,
}

impl FloatControls {
    /// The modes as `(execution mode, capability, width)`.
    fn modes(&self) -> Vec<(u32, u32, u32)> {
        let mut modes = Vec::new();
        let wanted = [
            (
                self.signed_zero_inf_nan_32,
                MODE_SIGNED_ZERO_INF_NAN,
                CAP_SIGNED_ZERO_INF_NAN,
                32,
            ),
            (
                self.signed_zero_inf_nan_64,
                MODE_SIGNED_ZERO_INF_NAN,
                CAP_SIGNED_ZERO_INF_NAN,
                64,
            ),
            (
                self.denorm_preserve_32,
                MODE_DENORM_PRESERVE,
                CAP_DENORM_PRESERVE,
                32,
            ),
            (
                self.denorm_preserve_64,
                MODE_DENORM_PRESERVE,
                CAP_DENORM_PRESERVE,
                64,
            ),
        ];
        for (on, mode, cap, width) in wanted {
            if on {
                modes.push((mode, cap, width));
            }
        }
        modes
    }
}

/// Why the words could not be patched (naga wrote something this pass does not understand).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpirvPatchError {
    #[error("spir-v module is shorter than its header")]
    NoHeader,
    #[error("spir-v instruction at word {0} has length 0 or runs past the end")]
    BadInstruction(usize),
}

const MAGIC: u32 = 0x0723_0203;
const HEADER_WORDS: usize = 5;

const OP_SOURCE_CONTINUED: u32 = 2;
const OP_SOURCE: u32 = 3;
const OP_SOURCE_EXTENSION: u32 = 4;
const OP_NAME: u32 = 5;
const OP_MEMBER_NAME: u32 = 6;
const OP_STRING: u32 = 7;
const OP_EXTENSION: u32 = 10;
const OP_EXT_INST_IMPORT: u32 = 11;
const OP_MEMORY_MODEL: u32 = 14;
const OP_ENTRY_POINT: u32 = 15;
const OP_EXECUTION_MODE: u32 = 16;
const OP_CAPABILITY: u32 = 17;
const OP_DECORATE: u32 = 71;
const OP_MODULE_PROCESSED: u32 = 330;

const OP_FNEGATE: u32 = 127;
const OP_FADD: u32 = 129;
const OP_FSUB: u32 = 131;
const OP_FMUL: u32 = 133;
const OP_FDIV: u32 = 136;
const OP_FREM: u32 = 138;
const OP_FMOD: u32 = 141;
const FLOAT_ARITHMETIC: [u32; 7] = [
    OP_FNEGATE, OP_FADD, OP_FSUB, OP_FMUL, OP_FDIV, OP_FREM, OP_FMOD,
];

const DECORATION_NO_CONTRACTION: u32 = 42;
const MODE_DENORM_PRESERVE: u32 = 4459;
const MODE_SIGNED_ZERO_INF_NAN: u32 = 4461;
const CAP_DENORM_PRESERVE: u32 = 4464;
const CAP_SIGNED_ZERO_INF_NAN: u32 = 4466;
const FLOAT_CONTROLS_EXTENSION: &str = "SPV_KHR_float_controls";

/// What [`make_exact`] changed, for logs and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PatchSummary {
    /// Instructions decorated `NoContraction`.
    pub no_contraction: usize,
    /// Execution modes added (per entry point and width).
    pub execution_modes: usize,
}

/// One instruction: its word range in the module and its opcode.
struct Inst {
    start: usize,
    len: usize,
    opcode: u32,
}

fn instructions(words: &[u32]) -> Result<Vec<Inst>, SpirvPatchError> {
    if words.len() < HEADER_WORDS || words[0] != MAGIC {
        return Err(SpirvPatchError::NoHeader);
    }
    let mut out = Vec::new();
    let mut at = HEADER_WORDS;
    while at < words.len() {
        let len = (words[at] >> 16) as usize;
        if len == 0 || at + len > words.len() {
            return Err(SpirvPatchError::BadInstruction(at));
        }
        out.push(Inst {
            start: at,
            len,
            opcode: words[at] & 0xffff,
        });
        at += len;
    }
    Ok(out)
}

fn inst(opcode: u32, operands: &[u32]) -> Vec<u32> {
    let mut v = Vec::with_capacity(operands.len() + 1);
    v.push(((operands.len() as u32 + 1) << 16) | opcode);
    v.extend_from_slice(operands);
    v
}

/// A SPIR-V literal string: UTF-8, nul-terminated, padded to whole words (little end first).
fn string_words(s: &str) -> Vec<u32> {
    let mut bytes = s.as_bytes().to_vec();
    bytes.push(0);
    while bytes.len() % 4 != 0 {
        bytes.push(0);
    }
    bytes
        .chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// Returns `words` with every float arithmetic result decorated `NoContraction` and the
/// requested float-controls modes on every entry point.
pub fn make_exact(
    words: &[u32],
    controls: FloatControls,
) -> Result<(Vec<u32>, PatchSummary), SpirvPatchError> {
    let insts = instructions(words)?;
    let modes = controls.modes();

    let mut existing_caps = Vec::new();
    let mut has_extension = false;
    let mut entries = Vec::new();
    let mut arithmetic = Vec::new();
    for i in &insts {
        let w = &words[i.start..i.start + i.len];
        match i.opcode {
            OP_CAPABILITY if i.len == 2 => existing_caps.push(w[1]),
            OP_EXTENSION => has_extension |= w[1..] == string_words(FLOAT_CONTROLS_EXTENSION)[..],
            OP_ENTRY_POINT if i.len >= 3 => entries.push(w[2]),
            op if FLOAT_ARITHMETIC.contains(&op) && i.len >= 3 => arithmetic.push(w[2]),
            _ => {}
        }
    }

    // Sections, in the order SPIR-V requires: capabilities, extensions, imports, memory model,
    // entry points, execution modes, debug, annotations, then everything else.
    let mut new_caps = Vec::new();
    for &(_, cap, _) in &modes {
        if !existing_caps.contains(&cap) && !new_caps.contains(&cap) {
            new_caps.push(cap);
        }
    }
    let mut out = Vec::with_capacity(words.len() + 3 * arithmetic.len() + 16);
    out.extend_from_slice(&words[..HEADER_WORDS]);
    let mut summary = PatchSummary::default();
    let mut caps_done = false;
    let mut modes_done = false;
    let mut decorations_done = false;
    for i in &insts {
        let section = section_of(i.opcode);
        if !caps_done && section > Section::Capability {
            for &cap in &new_caps {
                out.extend(inst(OP_CAPABILITY, &[cap]));
            }
            if !modes.is_empty() && !has_extension {
                out.extend(inst(OP_EXTENSION, &string_words(FLOAT_CONTROLS_EXTENSION)));
            }
            caps_done = true;
        }
        if !modes_done && section > Section::ExecutionMode {
            for &entry in &entries {
                for &(mode, _, width) in &modes {
                    out.extend(inst(OP_EXECUTION_MODE, &[entry, mode, width]));
                    summary.execution_modes += 1;
                }
            }
            modes_done = true;
        }
        if !decorations_done && section > Section::Debug {
            for &id in &arithmetic {
                out.extend(inst(OP_DECORATE, &[id, DECORATION_NO_CONTRACTION]));
                summary.no_contraction += 1;
            }
            decorations_done = true;
        }
        out.extend_from_slice(&words[i.start..i.start + i.len]);
    }
    Ok((out, summary))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Capability,
    Preamble,
    ExecutionMode,
    Debug,
    Rest,
}

fn section_of(opcode: u32) -> Section {
    match opcode {
        OP_CAPABILITY => Section::Capability,
        OP_EXTENSION | OP_EXT_INST_IMPORT | OP_MEMORY_MODEL | OP_ENTRY_POINT => Section::Preamble,
        OP_EXECUTION_MODE => Section::ExecutionMode,
        OP_SOURCE_CONTINUED | OP_SOURCE | OP_SOURCE_EXTENSION | OP_NAME | OP_MEMBER_NAME
        | OP_STRING | OP_MODULE_PROCESSED => Section::Debug,
        _ => Section::Rest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spirv_of(wgsl: &str) -> Vec<u32> {
        let module = naga::front::wgsl::parse_str(wgsl).expect("test wgsl parses");
        let info = naga::valid::Validator::new(
            naga::valid::ValidationFlags::all(),
            naga::valid::Capabilities::all(),
        )
        .validate(&module)
        .expect("test wgsl validates");
        naga::back::spv::write_vec(&module, &info, &naga::back::spv::Options::default(), None)
            .expect("naga writes spir-v")
    }

    const WGSL: &str = "
        @group(0) @binding(0) var<storage, read_write> v: array<f32>;
        @compute @workgroup_size(1) fn main() { v[0] = v[1] * v[2] + v[3]; v[4] = -v[5] / v[6]; }
    ";

    #[test]
    fn decorates_every_float_op_and_adds_modes() {
        let words = spirv_of(WGSL);
        let controls = FloatControls {
            signed_zero_inf_nan_32: true,
            denorm_preserve_32: true,
            ..FloatControls::default()
        };
        let (out, summary) = make_exact(&words, controls).unwrap();
        // v1 * v2, + v3, -v5, / v6.
        assert_eq!(summary.no_contraction, 4);
        assert_eq!(summary.execution_modes, 2);
        let insts = instructions(&out).unwrap();
        let count = |op: u32, operand: u32, index: usize| {
            insts
                .iter()
                .filter(|i| i.opcode == op && out[i.start + index] == operand)
                .count()
        };
        assert_eq!(count(OP_DECORATE, DECORATION_NO_CONTRACTION, 2), 4);
        assert_eq!(count(OP_CAPABILITY, CAP_DENORM_PRESERVE, 1), 1);
        assert_eq!(count(OP_CAPABILITY, CAP_SIGNED_ZERO_INF_NAN, 1), 1);
        assert_eq!(count(OP_EXECUTION_MODE, MODE_DENORM_PRESERVE, 2), 1);
        // Sections stay in order: no capability after a non-capability instruction, no
        // decoration before the last debug instruction.
        let order: Vec<Section> = insts.iter().map(|i| section_of(i.opcode)).collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    }

    /// naga's SPIR-V reader knows `NoContraction` but not the float-controls capabilities, so
    /// it checks the decorated module (the modes' placement is checked above, and the GPU tests
    /// run the whole thing through the Vulkan driver).
    #[test]
    fn the_decorated_module_reads_back_in_naga() {
        let words = spirv_of(WGSL);
        let (out, summary) = make_exact(&words, FloatControls::default()).unwrap();
        assert!(summary.no_contraction > 0);
        let bytes: Vec<u8> = out.iter().flat_map(|w| w.to_le_bytes()).collect();
        naga::front::spv::parse_u8_slice(&bytes, &naga::front::spv::Options::default())
            .expect("naga reads the patched module back");
    }

    #[test]
    fn without_modes_only_decorations_change() {
        let words = spirv_of(WGSL);
        let (out, summary) = make_exact(&words, FloatControls::default()).unwrap();
        assert_eq!(summary.execution_modes, 0);
        assert_eq!(out.len(), words.len() + 3 * summary.no_contraction);
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(
            make_exact(&[1, 2], FloatControls::default()),
            Err(SpirvPatchError::NoHeader)
        );
        let mut words = spirv_of(WGSL);
        words.push(0);
        assert_eq!(
            make_exact(&words, FloatControls::default()).unwrap_err(),
            SpirvPatchError::BadInstruction(words.len() - 1)
        );
    }
}
