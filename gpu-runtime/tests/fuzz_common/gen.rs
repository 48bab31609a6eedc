//! Random modules: a wasm-smith [`Config`] restricted to what the translator supports, and a
//! deterministic byte source so that a seed names one module.

use arbitrary::Unstructured;
use wasm_smith::{Config, InstructionKind, InstructionKinds, Module};

/// Fuel of the `ensure_termination` counter: every loop iteration, call and bulk-memory byte
/// costs one. lavapipe ends a thread's loops after 65,535 back-edges in total, so this stays
/// far below that (bulk memory helpers loop once per word, so they stay below it too).
pub const FUEL: u32 = 2_000;

/// Largest memory (initial and maximum) a generated module may declare: 16 pages.
pub const MAX_MEMORY_BYTES: u64 = 16 * 65_536;

/// SplitMix64: a tiny deterministic generator, so a seed is all a repro needs.
#[derive(Debug, Clone)]
pub struct Prng(u64);

impl Prng {
    pub fn new(seed: u64) -> Self {
        Prng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// `len` random bytes.
    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 8);
        while out.len() < len {
            out.extend_from_slice(&self.next_u64().to_le_bytes());
        }
        out.truncate(len);
        out
    }
}

/// The wasm-smith configuration: WebAssembly 2.0 scalar code (numeric, parametric, variable,
/// memory and control instructions, `call_indirect` included), one memory of at most 16 pages
/// with a declared maximum, at most one `funcref` table, no imports, no start function
/// ([`swarm_config`] allows one in a quarter of the modules), everything exported, NaNs canonicalised after float arithmetic.
pub fn config() -> Config {
    Config {
        // Proposals outside WebAssembly 2.0 (or outside what the translator lowers).
        simd_enabled: false,
        relaxed_simd_enabled: false,
        threads_enabled: false,
        shared_everything_threads_enabled: false,
        reference_types_enabled: false,
        gc_enabled: false,
        exceptions_enabled: false,
        tail_call_enabled: false,
        memory64_enabled: false,
        custom_page_sizes_enabled: false,
        wide_arithmetic_enabled: false,
        extended_const_enabled: false,
        custom_descriptors_enabled: false,
        // WebAssembly 2.0 proposals rustc uses.
        bulk_memory_enabled: true,
        multi_value_enabled: true,
        saturating_float_to_int_enabled: true,
        sign_extension_ops_enabled: true,
        // No table.get/set/grow/fill/copy/init/size, elem.drop, ref.* or SIMD in code.
        allowed_instructions: InstructionKinds::new(&[
            InstructionKind::Numeric,
            InstructionKind::Parametric,
            InstructionKind::Variable,
            InstructionKind::Memory,
            InstructionKind::Control,
        ]),
        // Module shape.
        max_imports: 0,
        max_memories: 1,
        max_tables: 1,
        max_memory32_bytes: MAX_MEMORY_BYTES,
        memory_max_size_required: true,
        max_table_elements: 64,
        allow_start_export: false,
        export_everything: true,
        min_types: 1,
        min_funcs: 2,
        max_funcs: 10,
        max_globals: 8,
        max_types: 12,
        max_data_segments: 4,
        max_element_segments: 4,
        max_elements: 16,
        max_instructions: 100,
        canonicalize_nans: true,
        ..Config::default()
    }
}

/// Swarm testing: the first input bytes vary a few limits of [`config`], so that some modules
/// are large, some never trap (wasm-smith guards loads, divisions and truncations, so code runs
/// further), some have no floats or no bulk memory.
pub fn swarm_config(u: &mut Unstructured<'_>) -> arbitrary::Result<Config> {
    let mut config = config();
    let knobs: u32 = u.arbitrary()?;
    config.disallow_traps = knobs & 1 != 0;
    config.allow_floats = knobs & 0b110 != 0;
    config.bulk_memory_enabled = knobs & 0b1000 == 0;
    config.multi_value_enabled = knobs & 0b1_0000 == 0;
    config.max_instructions = 20 + (knobs >> 8) as usize % 300;
    config.max_funcs = 2 + (knobs >> 20) as usize % 10;
    config.allow_start_export = knobs & 0b1100_0000 == 0;
    Ok(config)
}

/// Generates a module from raw bytes (a libFuzzer input): wasm-smith with [`swarm_config`] and
/// `ensure_termination(FUEL)`. `None` when wasm-smith gives up on these bytes.
pub fn module_from_bytes(data: &[u8]) -> Option<Vec<u8>> {
    let mut u = Unstructured::new(data);
    let config = swarm_config(&mut u).ok()?;
    let mut module = Module::new(config, &mut u).ok()?;
    module.ensure_termination(FUEL).ok()?;
    Some(module.to_bytes())
}

/// Generates the module of a seed (16 KiB of [`Prng`] bytes fed to [`module_from_bytes`]).
pub fn module_from_seed(seed: u64) -> Option<Vec<u8>> {
    module_from_bytes(&Prng::new(seed).bytes(16 * 1024))
}
