//! (c) The workloads as native Rust on the host CPU, parallel over threads with rayon (all
//! cores). The per-thread code is the guest's (guest/src/lib.rs), line for line; its result
//! after one run is the reference the GPU results are checked against.

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::cases::{Buffer, Case, Scalar, Workload};

fn u32_arg(s: &[Scalar], i: usize) -> u32 {
    match s.get(i) {
        Some(Scalar::U32(v)) => *v,
        Some(Scalar::F32(v)) => v.to_bits(),
        None => 0,
    }
}

fn f32_arg(s: &[Scalar], i: usize) -> f32 {
    match s.get(i) {
        Some(Scalar::F32(v)) => *v,
        Some(Scalar::U32(v)) => f32::from_bits(*v),
        None => 0.0,
    }
}

/// Runs `case` once on `buffers` (its buffers, or copies of them).
pub fn run(case: &Case, buffers: &mut [Buffer]) {
    let s = &case.scalars;
    match case.workload {
        Workload::Saxpy => {
            let a = f32_arg(s, 0);
            let (x, y) = buffers.split_at_mut(1);
            let x = x[0].f32s();
            y[0].f32s_mut()
                .par_iter_mut()
                .zip(x.par_iter())
                .for_each(|(y, x)| *y += a * *x);
        }
        Workload::Mandelbrot => {
            let (w, h, max_iter) = (u32_arg(s, 0), u32_arg(s, 1), u32_arg(s, 2));
            buffers[0]
                .u32s_mut()
                .par_iter_mut()
                .enumerate()
                .for_each(|(i, out)| *out = mandelbrot(i as u32, w, h, max_iter));
        }
        Workload::Nbody => {
            let (n, dt, eps2) = (u32_arg(s, 0) as usize, f32_arg(s, 1), f32_arg(s, 2));
            let (inputs, outputs) = buffers.split_at_mut(2);
            let (pos, vel) = (inputs[0].f32s(), inputs[1].f32s());
            let (pos_out, vel_out) = outputs.split_at_mut(1);
            pos_out[0].f32s_mut()[..n * 4]
                .par_chunks_exact_mut(4)
                .zip(vel_out[0].f32s_mut()[..n * 4].par_chunks_exact_mut(4))
                .enumerate()
                .for_each(|(i, (po, vo))| nbody(pos, vel, i, n, dt, eps2, po, vo));
        }
        Workload::Sha256 => {
            let (msgs, digests) = buffers.split_at_mut(1);
            let msgs = msgs[0].bytes();
            digests[0]
                .bytes_mut()
                .par_chunks_exact_mut(32)
                .zip(msgs.par_chunks_exact(64))
                .for_each(|(out, msg)| out.copy_from_slice(&Sha256::digest(msg)));
        }
        Workload::Splitmix => {
            let rounds = u32_arg(s, 1);
            buffers[0]
                .u64s_mut()
                .par_iter_mut()
                .enumerate()
                .for_each(|(i, out)| {
                    let mut x = i as u64;
                    for _ in 0..rounds {
                        x = splitmix64(x);
                    }
                    *out = x;
                });
        }
        Workload::Sort => {
            buffers[0]
                .u32s_mut()
                .par_iter_mut()
                .enumerate()
                .for_each(|(i, out)| *out = sort64(i as u32));
        }
    }
}

fn mandelbrot(i: u32, width: u32, height: u32, max_iter: u32) -> u32 {
    let cx = -2.0 + 3.0 * (i % width) as f32 / width as f32;
    let cy = -1.5 + 3.0 * (i / width) as f32 / height as f32;
    let (mut x, mut y) = (0.0f32, 0.0f32);
    let mut k = 0;
    while k < max_iter && x * x + y * y <= 4.0 {
        let xt = x * x - y * y + cx;
        y = 2.0 * x * y + cy;
        x = xt;
        k += 1;
    }
    k
}

#[allow(clippy::too_many_arguments)]
fn nbody(
    pos: &[f32],
    vel: &[f32],
    i: usize,
    n: usize,
    dt: f32,
    eps2: f32,
    pos_out: &mut [f32],
    vel_out: &mut [f32],
) {
    let p = &pos[i * 4..i * 4 + 4];
    let (mut ax, mut ay, mut az) = (0.0f32, 0.0f32, 0.0f32);
    for q in pos[..n * 4].chunks_exact(4) {
        let (dx, dy, dz) = (q[0] - p[0], q[1] - p[1], q[2] - p[2]);
        let r2 = dx * dx + dy * dy + dz * dz + eps2;
        let inv = 1.0 / r2.sqrt();
        let s = q[3] * inv * inv * inv;
        ax += dx * s;
        ay += dy * s;
        az += dz * s;
    }
    let v = &vel[i * 4..i * 4 + 4];
    let nv = [v[0] + ax * dt, v[1] + ay * dt, v[2] + az * dt, v[3]];
    vel_out.copy_from_slice(&nv);
    pos_out.copy_from_slice(&[
        p[0] + nv[0] * dt,
        p[1] + nv[1] * dt,
        p[2] + nv[2] * dt,
        p[3],
    ]);
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn sort64(i: u32) -> u32 {
    let mut a = [0u32; 64];
    let mut s = i.wrapping_mul(0x9E37_79B9) | 1;
    for v in a.iter_mut() {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        *v = s;
    }
    for k in 1..a.len() {
        let v = a[k];
        let mut j = k;
        while j > 0 && a[j - 1] > v {
            a[j] = a[j - 1];
            j -= 1;
        }
        a[j] = v;
    }
    let mut sum = 0u32;
    for (k, v) in a.iter().enumerate() {
        sum = sum.wrapping_add((k as u32 + 1).wrapping_mul(*v));
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_from_zero_is_the_reference_sequence() {
        // The first output of Vigna's splitmix64.c seeded with 0.
        assert_eq!(splitmix64(0), 0xE220_A839_7B1D_CDAF);
    }
}
