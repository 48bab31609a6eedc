//! Are a GPU side's outputs those of the native reference? Integers must be equal; floats are
//! compared within the tolerances below, stated with every result:
//!
//! - saxpy: `|got - want| <= 1e-6 * max(|want|, 1)` per element (a fused multiply-add on the GPU
//!   rounds once instead of twice);
//! - mandelbrot (u32 iteration counts of f32 orbits): at most 0.5% of the pixels may differ
//!   (near the set's boundary the orbit is chaotic: one rounding difference from a fused
//!   multiply-add or a different `f32` division changes the count);
//! - n-body: per output array, `max |got - want| <= 1e-3 * max |want|` (65,536-term sums of
//!   `1/sqrt` terms; GPU `sqrt` and division need not be correctly rounded).

use crate::cases::Workload;

/// The verdict on one side's outputs.
#[derive(Debug, Clone)]
pub struct Check {
    pub ok: bool,
    /// What was compared and what was found, e.g. `exact` or `max rel err 3.1e-7 (tol 1e-6)`.
    pub detail: String,
}

/// The tolerance, in words, for the report.
pub fn tolerance(workload: Workload) -> &'static str {
    match workload {
        Workload::Saxpy => "abs(d) ≤ 1e-6·max(abs(ref), 1) per element",
        Workload::Mandelbrot => "≤ 0.5% of pixels differ",
        Workload::Nbody => "max abs(d) ≤ 1e-3·max abs(ref) per array",
        Workload::Sha256 | Workload::Splitmix | Workload::Sort => "exact",
    }
}

fn f32s(b: &[u8]) -> Vec<f32> {
    b.chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn u32s(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// Compares `got` (one side's output buffers) with `want` (the reference's).
pub fn compare(workload: Workload, got: &[Vec<u8>], want: &[Vec<u8>]) -> Check {
    if got.len() != want.len() || got.iter().zip(want).any(|(g, w)| g.len() != w.len()) {
        return Check {
            ok: false,
            detail: "output sizes differ".into(),
        };
    }
    match workload {
        Workload::Saxpy => {
            let (g, w) = (f32s(&got[0]), f32s(&want[0]));
            let mut worst = 0.0f32;
            let mut bad = 0usize;
            let mut first_bad = None;
            for (i, (g, w)) in g.iter().zip(&w).enumerate() {
                let d = (g - w).abs() / w.abs().max(1.0);
                if d > 1e-6 || d.is_nan() {
                    bad += 1;
                    first_bad.get_or_insert((i, *g, *w));
                }
                worst = worst.max(d);
            }
            match first_bad {
                None => Check {
                    ok: true,
                    detail: format!("max rel err {worst:.1e}"),
                },
                Some((i, g, w)) => Check {
                    ok: false,
                    detail: format!("{bad} elements off, first [{i}]: {g} vs {w}"),
                },
            }
        }
        Workload::Mandelbrot => {
            let (g, w) = (u32s(&got[0]), u32s(&want[0]));
            let differ = g.iter().zip(&w).filter(|(a, b)| a != b).count();
            let share = differ as f64 / w.len().max(1) as f64;
            Check {
                ok: share <= 0.005,
                detail: format!(
                    "{differ} of {} pixels differ ({:.3}%)",
                    w.len(),
                    share * 100.0
                ),
            }
        }
        Workload::Nbody => {
            let mut ok = true;
            let mut parts = Vec::new();
            for (name, g, w) in [("pos", &got[0], &want[0]), ("vel", &got[1], &want[1])] {
                let (g, w) = (f32s(g), f32s(w));
                let scale = w
                    .iter()
                    .fold(0.0f32, |m, v| m.max(v.abs()))
                    .max(f32::MIN_POSITIVE);
                let diff = g.iter().zip(&w).fold(0.0f32, |m, (a, b)| {
                    if (a - b).is_nan() {
                        f32::INFINITY
                    } else {
                        m.max((a - b).abs())
                    }
                });
                let rel = diff / scale;
                ok &= rel <= 1e-3;
                parts.push(format!("{name} {rel:.1e}"));
            }
            Check {
                ok,
                detail: format!("max abs(d) / max abs(ref): {}", parts.join(", ")),
            }
        }
        Workload::Sha256 | Workload::Splitmix | Workload::Sort => {
            let unit = if workload == Workload::Sha256 {
                32
            } else if workload == Workload::Splitmix {
                8
            } else {
                4
            };
            let differ = got[0]
                .chunks(unit)
                .zip(want[0].chunks(unit))
                .filter(|(a, b)| a != b)
                .count();
            Check {
                ok: differ == 0,
                detail: if differ == 0 {
                    "exact".into()
                } else {
                    format!("{differ} of {} outputs differ", want[0].len() / unit)
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(v: &[f32]) -> Vec<u8> {
        v.iter().flat_map(|x| x.to_le_bytes()).collect()
    }

    #[test]
    fn saxpy_tolerance_accepts_one_rounding_and_rejects_more() {
        let want = vec![bytes(&[1.0, 2.0])];
        let near = vec![bytes(&[1.0 + f32::EPSILON, 2.0])];
        let far = vec![bytes(&[1.001, 2.0])];
        assert!(compare(Workload::Saxpy, &near, &want).ok);
        assert!(!compare(Workload::Saxpy, &far, &want).ok);
    }

    #[test]
    fn exact_workloads_count_differing_outputs() {
        let want = vec![vec![0u8; 64]];
        let mut got = want.clone();
        got[0][40] = 1;
        let c = compare(Workload::Sha256, &got, &want);
        assert!(!c.ok);
        assert!(c.detail.starts_with("1 of 2"));
    }
}
