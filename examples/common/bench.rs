//! What the benchmark examples share: a deterministic generator and a median timer.

use std::time::Instant;

/// A deterministic generator (SplitMix64), so every run measures the same data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A standard normal draw (Box–Muller).
    #[allow(dead_code)] // (not every benchmark draws normals)
    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.next_f64().max(1e-300), self.next_f64());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
}

/// Median seconds of `f` over enough repetitions to take about `budget` seconds, and how many
/// repetitions that was.
pub fn median_secs(budget: f64, mut f: impl FnMut()) -> (f64, usize) {
    let start = Instant::now();
    f();
    let first = start.elapsed().as_secs_f64().max(1e-7);
    let reps = ((budget / first) as usize).clamp(3, 501);
    let mut times: Vec<f64> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    (times[reps / 2], reps)
}
