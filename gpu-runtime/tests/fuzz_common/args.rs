//! Argument sets for an export: all zeros, then a mix of edge values and random bits.
//! Subnormal floats are never passed (GPUs may flush them on input; see `compare`).

use gpu_runtime::host::Value;
use gpu_runtime::translate::abi::ValType;

use super::gen::Prng;

const I32_EDGES: [u32; 8] = [0, 1, 2, 0xffff_ffff, 0x7fff_ffff, 0x8000_0000, 16, 65_536];
const I64_EDGES: [u64; 7] = [
    0,
    1,
    u64::MAX,
    i64::MAX as u64,
    i64::MIN as u64,
    0xffff_ffff,
    0x1_0000_0000,
];
const F32_EDGES: [f32; 10] = [
    0.0,
    -0.0,
    1.0,
    -1.5,
    f32::INFINITY,
    f32::NEG_INFINITY,
    f32::NAN,
    f32::MAX,
    f32::MIN_POSITIVE,
    2_147_483_648.0,
];
const F64_EDGES: [f64; 10] = [
    0.0,
    -0.0,
    1.0,
    -1.5,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    f64::MAX,
    f64::MIN_POSITIVE,
    9_223_372_036_854_775_808.0,
];

/// `count` argument sets for parameters `params`; the first is all zeros.
pub fn argument_sets(params: &[ValType], rng: &mut Prng, count: usize) -> Vec<Vec<Value>> {
    let mut sets = vec![params.iter().map(|t| Value::from_bits(*t, 0)).collect()];
    while sets.len() < count {
        sets.push(params.iter().map(|t| value(*t, rng)).collect());
    }
    sets
}

/// One value: an edge value half of the time, random bits otherwise.
fn value(ty: ValType, rng: &mut Prng) -> Value {
    let edge = rng.below(2) == 0;
    let pick = |n: usize, rng: &mut Prng| rng.below(n as u64) as usize;
    match ty {
        ValType::I32 if edge => Value::from(I32_EDGES[pick(I32_EDGES.len(), rng)]),
        ValType::I64 if edge => Value::from(I64_EDGES[pick(I64_EDGES.len(), rng)]),
        ValType::F32 if edge => Value::from(F32_EDGES[pick(F32_EDGES.len(), rng)]),
        ValType::F64 if edge => Value::from(F64_EDGES[pick(F64_EDGES.len(), rng)]),
        ValType::I32 => Value::from(rng.next_u64() as u32),
        ValType::I64 => Value::from(rng.next_u64()),
        ValType::F32 => Value::from(no_subnormal_f32(rng.next_u64() as u32)),
        ValType::F64 => Value::from(no_subnormal_f64(rng.next_u64())),
        // Generated modules have no reference types (see `gen::config`); null is valid anyway.
        ValType::FuncRef | ValType::ExternRef => Value::from_bits(ty, 0),
    }
}

fn no_subnormal_f32(bits: u32) -> f32 {
    let x = f32::from_bits(bits);
    if x.is_subnormal() {
        0.0f32.copysign(x)
    } else {
        x
    }
}

fn no_subnormal_f64(bits: u64) -> f64 {
    let x = f64::from_bits(bits);
    if x.is_subnormal() {
        0.0f64.copysign(x)
    } else {
        x
    }
}
