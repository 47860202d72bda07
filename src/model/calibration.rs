//! Base-period calibration (`[calibration]`; docs/model.md, "Base-period
//! calibration"): the written mix is what was observed in a named period,
//! not in January of the base year. The January digital share `s0` is the
//! one whose Bass path (the cell's own p, q and ceiling, no events) shows
//! the written share over the period, weighted by the area's monthly
//! volume. The non-digital split is unchanged.

use super::bass::BassState;

/// The January share whose path averages `target` over `months` (month
/// indices from January of the base year, inclusive range as `start..end`),
/// weighted by `volume[m]`. The average is non-decreasing in `s0`, so
/// bisection on `[0, target]` finds it; 0 when even `s0 = 0` shows more
/// than the target, and `target` itself when the period is January only.
pub fn base_share(
    target: f64,
    (p, q, c): (f64, f64, f64),
    months: std::ops::Range<usize>,
    volume: &[f64],
) -> f64 {
    if target <= 0.0 || months.is_empty() {
        return target.max(0.0);
    }
    let average = |s0: f64| -> f64 {
        let mut st = BassState::new(s0, p, q, c);
        let (mut num, mut den) = (0.0, 0.0);
        for m in 0..months.end {
            if m >= months.start {
                num += volume[m] * st.share();
                den += volume[m];
            }
            st.step();
        }
        if den > 0.0 {
            num / den
        } else {
            st.share()
        }
    };
    if average(0.0) >= target {
        return 0.0;
    }
    let (mut lo, mut hi) = (0.0, target);
    // 60 halvings take the interval below f64's resolution of a share.
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if average(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn january_alone_is_the_written_share() {
        let v = vec![1.0; 60];
        assert_eq!(base_share(0.3, (0.03, 0.38, 0.9), 0..1, &v), 0.3);
    }

    #[test]
    fn a_later_period_starts_lower_and_reproduces_the_share() {
        let v: Vec<f64> = (0..60).map(|m| 1.0 + (m % 12) as f64 * 0.1).collect();
        let (p, q, c) = (0.05, 0.4, 0.8);
        let s0 = base_share(0.3, (p, q, c), 15..17, &v);
        assert!(s0 < 0.3);
        let mut st = BassState::new(s0, p, q, c);
        let mut shares = Vec::new();
        for _ in 0..17 {
            shares.push(st.share());
            st.step();
        }
        let avg = (v[15] * shares[15] + v[16] * shares[16]) / (v[15] + v[16]);
        assert!((avg - 0.3).abs() < 1e-12, "{avg}");
    }
}
