//! Axis scales and tick choice for effect estimates.
//!
//! Ratio measures (RR, OR, HR) are drawn on a log axis so that 0.5 and 2 sit at the
//! same distance from the null line 1, as the field expects; differences use a
//! linear axis. Ticks are "nice" numbers a lay reader can read.

/// How estimates map onto the horizontal axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Linear,
    Log,
}

/// A scale fitted to a domain and a pixel range.
#[derive(Clone, Copy, Debug)]
pub struct Axis {
    pub scale: Scale,
    /// Domain ends on the transformed scale (log values for [`Scale::Log`]).
    lo: f64,
    hi: f64,
    px_lo: f64,
    px_hi: f64,
}

impl Axis {
    /// An axis covering `values` (natural scale) and the null value, padded a little.
    /// Non-finite values and, on a log axis, non-positive ones are ignored.
    pub fn fit(
        scale: Scale,
        values: impl IntoIterator<Item = f64>,
        null_value: f64,
        px_lo: f64,
        px_hi: f64,
    ) -> Axis {
        let transformed = values
            .into_iter()
            .chain(std::iter::once(null_value))
            .filter_map(|v| transform(scale, v))
            .filter(|v| v.is_finite());
        let (mut lo, mut hi) = transformed
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        if !lo.is_finite() || !hi.is_finite() {
            (lo, hi) = match scale {
                Scale::Log => (-1.0, 1.0),
                Scale::Linear => (-1.0, 1.0),
            };
        }
        if hi - lo < 1e-9 {
            lo -= 0.5;
            hi += 0.5;
        }
        // Keep the null line away from the edges so that both "favours" labels fit.
        if let Some(null) = transform(scale, null_value) {
            let span = hi - lo;
            lo = lo.min(null - 0.3 * span);
            hi = hi.max(null + 0.3 * span);
        }
        let pad = (hi - lo) * 0.05;
        Axis {
            scale,
            lo: lo - pad,
            hi: hi + pad,
            px_lo,
            px_hi,
        }
    }

    /// Pixel position of a natural-scale value, clamped to the axis; `None` if the
    /// value cannot be placed (a non-positive ratio, NaN).
    pub fn px(&self, value: f64) -> Option<f64> {
        let t = transform(self.scale, value)?;
        let t = t.clamp(self.lo, self.hi);
        Some(self.px_lo + (t - self.lo) / (self.hi - self.lo) * (self.px_hi - self.px_lo))
    }

    /// Whether a natural-scale value lies beyond the drawn range (for arrows).
    pub fn beyond(&self, value: f64) -> Option<std::cmp::Ordering> {
        let t = transform(self.scale, value)?;
        if t < self.lo {
            Some(std::cmp::Ordering::Less)
        } else if t > self.hi {
            Some(std::cmp::Ordering::Greater)
        } else {
            Some(std::cmp::Ordering::Equal)
        }
    }

    pub fn pixel_range(&self) -> (f64, f64) {
        (self.px_lo, self.px_hi)
    }

    /// Tick values (natural scale) for roughly `max_ticks` labels.
    pub fn ticks(&self, max_ticks: usize) -> Vec<f64> {
        match self.scale {
            Scale::Linear => linear_ticks(self.lo, self.hi, max_ticks),
            Scale::Log => log_ticks(self.lo, self.hi, max_ticks),
        }
    }
}

fn transform(scale: Scale, v: f64) -> Option<f64> {
    match scale {
        Scale::Linear if v.is_finite() => Some(v),
        Scale::Log if v.is_finite() && v > 0.0 => Some(v.ln()),
        _ => None,
    }
}

/// Ticks at 1, 2 or 5 times a power of ten.
fn linear_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<f64> {
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) {
        return Vec::new();
    }
    let raw = span / max_ticks.max(2) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| span / s <= max_ticks.max(2) as f64)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last)
        .take(64)
        .map(|i| clean(i as f64 * step))
        .collect()
}

/// Ticks on a log axis from the 1–2–5 sequence, thinned to fit.
fn log_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<f64> {
    let decade_lo = (lo / std::f64::consts::LN_10).floor() as i32;
    let decade_hi = (hi / std::f64::consts::LN_10).ceil() as i32;
    if decade_hi - decade_lo > 40 {
        return Vec::new();
    }
    for mantissas in [&[1.0, 2.0, 5.0][..], &[1.0, 3.0][..], &[1.0][..]] {
        let ticks: Vec<f64> = (decade_lo..=decade_hi)
            .flat_map(|d| mantissas.iter().map(move |m| clean(m * 10f64.powi(d))))
            .filter(|v| (lo..=hi).contains(&v.ln()))
            .collect();
        if ticks.len() <= max_ticks.max(2) {
            return ticks;
        }
    }
    // Very wide ranges: every n-th decade.
    let stride = ((decade_hi - decade_lo) as usize / max_ticks.max(2)).max(1);
    (decade_lo..=decade_hi)
        .step_by(stride)
        .map(|d| 10f64.powi(d))
        .filter(|v| (lo..=hi).contains(&v.ln()))
        .collect()
}

/// Removes floating-point noise such as 0.30000000000000004.
fn clean(v: f64) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let digits = 12 - v.abs().log10().floor() as i32;
    let f = 10f64.powi(digits.clamp(-300, 300));
    (v * f).round() / f
}

/// Formats a tick label with no more digits than it needs.
pub fn format_tick(v: f64) -> String {
    let decimals = (0..=6usize)
        .find(|&d| {
            let shown = crate::number::parse_f64(&format!("{v:.d$}")).unwrap_or(f64::NAN);
            (shown - v).abs() <= 1e-9 * v.abs().max(1.0)
        })
        .unwrap_or(6);
    format!("{v:.decimals$}").replace('-', "\u{2212}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_ticks_are_one_two_five_and_include_the_null() {
        let axis = Axis::fit(Scale::Log, [0.02, 0.24, 0.58, 1.5], 1.0, 0.0, 500.0);
        let ticks = axis.ticks(8);
        assert!(ticks.contains(&1.0), "{ticks:?}");
        assert!(ticks.contains(&0.1) && ticks.contains(&0.5), "{ticks:?}");
        assert!(ticks.iter().all(|t| [1.0, 2.0, 5.0]
            .iter()
            .any(|m| ((t / m).log10() - (t / m).log10().round()).abs() < 1e-9)));
    }

    #[test]
    fn log_axis_is_symmetric_around_one() {
        let axis = Axis::fit(Scale::Log, [0.5, 2.0], 1.0, 0.0, 100.0);
        let (a, b, c) = (
            axis.px(0.5).unwrap(),
            axis.px(1.0).unwrap(),
            axis.px(2.0).unwrap(),
        );
        assert!(((b - a) - (c - b)).abs() < 1e-9);
        assert_eq!(axis.px(0.0), None);
        assert_eq!(axis.px(f64::NAN), None);
    }

    #[test]
    fn linear_ticks_are_round_numbers() {
        let axis = Axis::fit(Scale::Linear, [-2.03, -1.29], 0.0, 0.0, 400.0);
        let ticks = axis.ticks(6);
        assert!(ticks.contains(&0.0) && ticks.contains(&-1.0), "{ticks:?}");
        assert!(ticks.len() <= 7);
    }

    #[test]
    fn tick_labels_are_short() {
        assert_eq!(format_tick(0.5), "0.5");
        assert_eq!(format_tick(0.02), "0.02");
        assert_eq!(format_tick(1.0), "1");
        assert_eq!(format_tick(20.0), "20");
        assert_eq!(format_tick(-1.5), "−1.5");
    }
}
