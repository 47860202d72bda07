//! Summaries of trial outcomes (MODEL.md section 10).
//!
//! Kept apart from plotting and printing: charts and tables are functions of
//! these summaries, never of raw trials.

use serde::Serialize;

pub mod ci;
pub mod convergence;
mod select;

pub use ci::PercentileCis;

/// The summary of one quantity across trials.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    pub mean: f64,
    /// Sample standard deviation (n - 1).
    pub sd: f64,
    /// Monte Carlo standard error of the mean, sd / sqrt(n).
    pub se: f64,
    pub p5: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p95: f64,
    pub min: f64,
    pub max: f64,
    /// 95 % confidence interval of each percentile (order statistics, [`ci`]).
    pub ci95: PercentileCis,
}

impl Summary {
    /// Summarises `values`; reorders them. NaN values are left out.
    pub fn of(values: &mut [f64]) -> Summary {
        let mut n = values.len();
        // Move NaNs to the end and ignore them.
        let mut i = 0;
        while i < n {
            if values[i].is_nan() {
                n -= 1;
                values.swap(i, n);
            } else {
                i += 1;
            }
        }
        let v = &mut values[..n];
        if v.is_empty() {
            let nan = f64::NAN;
            return Summary {
                mean: nan,
                sd: nan,
                se: nan,
                p5: nan,
                p25: nan,
                p50: nan,
                p75: nan,
                p95: nan,
                min: nan,
                max: nan,
                ci95: PercentileCis::NAN,
            };
        }
        let mean = kahan_mean(v);
        let sum_sq = if n > 1 {
            v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>()
        } else {
            0.0
        };
        Summary::of_moments(v, mean, sum_sq)
    }

    /// The summary of NaN-free, non-empty `v` (reordered) whose mean and sum
    /// of squared deviations from it are known already ([`Summary::of`]
    /// computes them; [`ColumnGroup`] computes them for a group of columns at once).
    fn of_moments(v: &mut [f64], mean: f64, sum_sq: f64) -> Summary {
        let n = v.len();
        let var = if n > 1 { sum_sq / (n - 1) as f64 } else { 0.0 };
        let sd = var.sqrt();
        let (q, cis) = type7_points_with_cis(v, &[0.05, 0.25, 0.50, 0.75, 0.95], ci::CONFIDENCE);
        Summary {
            mean,
            sd,
            se: sd / (n as f64).sqrt(),
            p5: q[0],
            p25: q[1],
            p50: q[2],
            p75: q[3],
            p95: q[4],
            min: q[5],
            max: q[6],
            ci95: PercentileCis {
                p5: cis[0],
                p25: cis[1],
                p50: cis[2],
                p75: cis[3],
                p95: cis[4],
            },
        }
    }

    /// Half-width of the 95 % confidence interval of the mean.
    pub fn ci95_half_width(&self) -> f64 {
        1.959_963_984_540_054 * self.se
    }
}

/// Mean with compensated summation, so the mean of a million equal values is that value.
pub fn kahan_mean(v: &[f64]) -> f64 {
    let mut sum = 0.0;
    let mut c = 0.0;
    for x in v {
        let y = x - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum / v.len() as f64
}

/// Columns gathered and summarised together by [`ColumnGroup`].
pub const GROUP: usize = 8;

/// Up to [`GROUP`] columns of trial values gathered in one pass over the trial
/// rows, with each column's compensated sum taken in the same pass, the
/// columns side by side (one lane each). A column's summary is bit for bit
/// [`Summary::of`] of it: each lane does exactly [`kahan_mean`]'s and the
/// variance's operations in trial order, and a column with a NaN (whose
/// order `Summary::of` changes) is summarised by `Summary::of` itself.
///
/// Why (measured with perf on the hard benchmark case): taken one column at
/// a time, the compensated sum is one chain of dependent additions per
/// value (the larger part of `Summary::of`), and reading one slot of every
/// trial row costs a cache miss per trial for each column; neighbouring
/// slots share it. (Sixteen `f32` slots, a whole line, measured slower than
/// eight: perf share of the summaries 7.3 % against 5.6 %.)
pub struct ColumnGroup {
    columns: Vec<Vec<f64>>,
    sum: [f64; GROUP],
    nan: [bool; GROUP],
}

impl ColumnGroup {
    /// Gathers `slots` (one to [`GROUP`]) of `n` rows of `row_len` values.
    pub fn gather<T: Copy + Into<f64>>(
        rows: &[T],
        row_len: usize,
        n: usize,
        slots: &[usize],
    ) -> Self {
        assert!(
            !slots.is_empty() && slots.len() <= GROUP,
            "one to GROUP slots"
        );
        // Lanes past the last slot repeat the first one; their results are dropped.
        let at: [usize; GROUP] =
            std::array::from_fn(|k| slots[if k < slots.len() { k } else { 0 }]);
        let mut columns: Vec<Vec<f64>> = slots.iter().map(|_| Vec::with_capacity(n)).collect();
        let (mut sum, mut c, mut nan) = ([0.0; GROUP], [0.0; GROUP], [false; GROUP]);
        for row in rows.chunks_exact(row_len).take(n) {
            let x: [f64; GROUP] = std::array::from_fn(|k| row[at[k]].into());
            for k in 0..GROUP {
                let y = x[k] - c[k];
                let t = sum[k] + y;
                c[k] = (t - sum[k]) - y;
                sum[k] = t;
                nan[k] |= x[k].is_nan();
            }
            for (col, &x) in columns.iter_mut().zip(&x) {
                col.push(x);
            }
        }
        ColumnGroup { columns, sum, nan }
    }

    /// Every column's summary, in the order of the slots.
    pub fn summaries(self) -> Vec<Summary> {
        let ColumnGroup {
            mut columns,
            sum,
            nan,
        } = self;
        let n = columns[0].len();
        if n == 0 {
            return columns.iter_mut().map(|col| Summary::of(col)).collect();
        }
        let mean: [f64; GROUP] = std::array::from_fn(|k| sum[k] / n as f64);
        // Sums of squared deviations, lanes side by side, each from -0.0 in
        // trial order as `Iterator::sum`; a lane past the columns reads the last.
        let mut sum_sq = [-0.0; GROUP];
        if n > 1 {
            let last = columns.len() - 1;
            let cols: [&[f64]; GROUP] = std::array::from_fn(|k| &columns[k.min(last)][..n]);
            for i in 0..n {
                for k in 0..GROUP {
                    let d = cols[k][i] - mean[k];
                    sum_sq[k] += d * d;
                }
            }
        }
        columns
            .iter_mut()
            .enumerate()
            .map(|(k, col)| {
                if nan[k] {
                    Summary::of(col)
                } else {
                    Summary::of_moments(col, mean[k], if n > 1 { sum_sq[k] } else { 0.0 })
                }
            })
            .collect()
    }
}

/// Type-7 percentiles at `ps` (ascending), then the minimum and maximum, of
/// NaN-free `v` (reordered), by selection instead of a full sort: each
/// order statistic the interpolation needs is found with
/// `select_nth_unstable` in the part of `v` not yet partitioned, so the
/// results equal [`percentile_sorted`] of the sorted data bit for bit at
/// O(n) expected cost (a sort was 8 % of a run's time).
pub fn type7_points(v: &mut [f64], ps: &[f64]) -> Vec<f64> {
    let n = v.len();
    let cmp = |a: &f64, b: &f64| a.total_cmp(b);
    let mut out = Vec::with_capacity(ps.len() + 2);
    // `v[..from]` holds values <= v[from]'s rank: selection of a larger rank
    // only needs to look at `v[from..]`.
    let mut from = 0;
    let select = |v: &mut [f64], k: usize, from: &mut usize| -> f64 {
        if k >= *from {
            v[*from..].select_nth_unstable_by(k - *from, cmp);
            *from = k;
        }
        v[k]
    };
    for &p in ps {
        let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
        let lo = h.floor() as usize;
        let hi = (lo + 1).min(n - 1);
        let frac = h - lo as f64;
        let x_lo = select(v, lo, &mut from);
        // The next order statistic is the smallest value right of `lo`.
        let x_hi = if hi == lo {
            x_lo
        } else {
            v[lo + 1..].iter().copied().min_by(cmp).expect("hi < n")
        };
        out.push(if frac == 0.0 || x_lo == x_hi {
            x_lo
        } else {
            x_lo + frac * (x_hi - x_lo)
        });
    }
    let min = v.iter().copied().min_by(cmp).expect("n > 0");
    let max = v.iter().copied().max_by(cmp).expect("n > 0");
    out.push(min);
    out.push(max);
    out
}

/// `x` as an integer whose order is `f64::total_cmp`'s order of the floats
/// (the transformation `total_cmp` applies to both operands); its own
/// inverse.
#[inline]
fn total_order_key(x: f64) -> i64 {
    let b = x.to_bits() as i64;
    b ^ ((((b >> 63) as u64) >> 1) as i64)
}

/// The float of a [`total_order_key`].
#[inline]
fn from_total_order_key(k: i64) -> f64 {
    f64::from_bits((k ^ ((((k >> 63) as u64) >> 1) as i64)) as u64)
}

/// [`type7_points`] and, for each of `ps`, the `confidence` interval
/// `[x_(l), x_(u)]` of [`ci::ranks`]: every order statistic the points and
/// intervals need (and the minimum and maximum) is found in one counting
/// selection ([`select::order_statistics`]), so the points equal
/// [`type7_points`]' bit for bit. The selection runs on integer keys in the
/// floats' total order ([`total_order_key`]): equal keys are equal bits, so
/// every order statistic is the same number whichever way it is found
/// (selecting the ranks one after another with `select_nth_unstable` was
/// 6 % of the hard case's run, the counting selection is 2 %).
pub fn type7_points_with_cis(v: &[f64], ps: &[f64], confidence: f64) -> (Vec<f64>, Vec<[f64; 2]>) {
    let mut keys: Vec<i64> = v.iter().map(|&x| total_order_key(x)).collect();
    type7_keys_with_cis(&mut keys, ps, confidence)
}

/// [`type7_points_with_cis`] on the keys of the values.
fn type7_keys_with_cis(v: &mut [i64], ps: &[f64], confidence: f64) -> (Vec<f64>, Vec<[f64; 2]>) {
    let n = v.len();
    let x = from_total_order_key;
    // Per percentile the two order statistics it interpolates between and
    // the bounds of its interval (0-based ranks), then the minimum and
    // maximum: all found together (select.rs).
    let needs: Vec<(usize, usize, f64, usize, usize)> = ps
        .iter()
        .map(|&p| {
            let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
            let lo = h.floor() as usize;
            let (l, u) = ci::ranks(n, p, confidence);
            (lo, (lo + 1).min(n - 1), h - lo as f64, l - 1, u - 1)
        })
        .collect();
    let mut ranks: Vec<usize> = needs
        .iter()
        .flat_map(|&(lo, hi, _, l, u)| [lo, hi, l, u])
        .collect();
    ranks.extend([0, n - 1]);
    let keys = select::order_statistics(v, &ranks);
    let at = |k: usize| x(keys[k]);
    let mut points = Vec::with_capacity(ps.len() + 2);
    let mut cis = Vec::with_capacity(ps.len());
    for (i, &(_, _, frac, _, _)) in needs.iter().enumerate() {
        let (x_lo, x_hi) = (at(4 * i), at(4 * i + 1));
        points.push(if frac == 0.0 || x_lo == x_hi {
            x_lo
        } else {
            x_lo + frac * (x_hi - x_lo)
        });
        cis.push([at(4 * i + 2), at(4 * i + 3)]);
    }
    points.push(at(4 * ps.len()));
    points.push(at(4 * ps.len() + 1));
    (points, cis)
}

/// Percentile of sorted data by linear interpolation between order
/// statistics (Hyndman-Fan type 7: R's default, NumPy's, Excel PERCENTILE.INC).
pub fn percentile_sorted(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    let frac = h - lo as f64;
    if frac == 0.0 || sorted[lo] == sorted[hi] {
        sorted[lo]
    } else {
        sorted[lo] + frac * (sorted[hi] - sorted[lo])
    }
}

/// Share of values strictly greater than `x` (exceedance probability).
pub fn share_above(values: &[f64], x: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.iter().filter(|v| **v > x).count() as f64 / values.len() as f64
}

/// Equal-width histogram of `values` (NaNs left out): (low, high, count) per bin.
pub fn histogram(values: &[f64], bins: usize) -> Vec<(f64, f64, u64)> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if finite.is_empty() || bins == 0 {
        return Vec::new();
    }
    let lo = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if hi <= lo {
        let w = lo.abs().max(1.0) * 0.01;
        return vec![(lo - w, lo + w, finite.len() as u64)];
    }
    let width = (hi - lo) / bins as f64;
    let mut counts = vec![0u64; bins];
    for v in finite {
        let i = (((v - lo) / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, c)| (lo + i as f64 * width, lo + (i + 1) as f64 * width, c))
        .collect()
}

/// Ranks (0-based, ties averaged) for Spearman correlation.
pub fn ranks(x: &[f64]) -> Vec<f64> {
    ranks_and_sorted(x).0
}

/// The ranks of `x` (as [`ranks`]) and its values in ascending order
/// (`total_cmp`), from one sort.
///
/// One stable radix sort (radsort, whose float order is IEEE totalOrder,
/// the order of `total_cmp`) of (value, index) pairs: the same permutation
/// as a stable comparison sort of the indices by value, and the sorted
/// values come with it. The sensitivity used to sort every input twice by
/// comparison; sorting was a quarter of a run of 100,000 trials with
/// sensitivity (cachegrind, every-input-uncertain, 20,000 trials with
/// sensitivity: 17.42e9 instructions before, 15.54e9 with one comparison
/// sort, fewer with the radix sort: see docs/performance.md).
pub fn ranks_and_sorted(x: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let mut pairs: Vec<(f64, usize)> = x.iter().copied().zip(0..).collect();
    radsort::sort_by_key(&mut pairs, |p| p.0);
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j + 1 < pairs.len() && pairs[j + 1].0 == pairs[i].0 {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0;
        for &(_, k) in &pairs[i..=j] {
            r[k] = avg;
        }
        i = j + 1;
    }
    (r, pairs.into_iter().map(|(v, _)| v).collect())
}

/// Pearson correlation; NaN when either side is constant.
pub fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        cov += (x - ma) * (y - mb);
        va += (x - ma) * (x - ma);
        vb += (y - mb) * (y - mb);
    }
    if va == 0.0 || vb == 0.0 {
        return f64::NAN;
    }
    cov / (va * vb).sqrt()
}

/// Spearman rank correlation.
pub fn spearman(a: &[f64], b: &[f64]) -> f64 {
    pearson(&ranks(a), &ranks(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bits of a summary, NaN included (a NaN summary equals itself here).
    fn bits(s: &Summary) -> Vec<u64> {
        let c = &s.ci95;
        let mut v = vec![
            s.mean, s.sd, s.se, s.p5, s.p25, s.p50, s.p75, s.p95, s.min, s.max,
        ];
        for ci in [c.p5, c.p25, c.p50, c.p75, c.p95] {
            v.extend(ci);
        }
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn column_groups_give_the_bits_of_one_column_at_a_time() {
        // Rows of 11 f32 slots; the summarised slots read values that make
        // compensation matter (1e8 plus small steps), equal values, a NaN,
        // negative zeros and infinities.
        let row_len = 11;
        for n in [0usize, 1, 2, 3, 1000] {
            let rows: Vec<f32> = (0..n * row_len)
                .map(|k| {
                    let (i, slot) = (k / row_len, k % row_len);
                    match slot {
                        0 => 1e8 + (i % 7) as f32,
                        1 => 0.1 * i as f32 - 30.0,
                        2 => 4.25,
                        3 if i == n / 2 => f32::NAN,
                        3 => i as f32,
                        4 => -0.0,
                        5 if i == 1 => f32::INFINITY,
                        5 => (i * i % 97) as f32,
                        _ => (k * 7919 % 1013) as f32 / 3.0,
                    }
                })
                .collect();
            for slots in [vec![0, 1, 2, 3, 4, 5, 6, 7], vec![3, 9, 0], vec![10]] {
                let one_at_a_time: Vec<Vec<u64>> = slots
                    .iter()
                    .map(|&slot| {
                        let mut col: Vec<f64> =
                            (0..n).map(|i| rows[i * row_len + slot] as f64).collect();
                        bits(&Summary::of(&mut col))
                    })
                    .collect();
                let grouped: Vec<Vec<u64>> = ColumnGroup::gather(&rows, row_len, n, &slots)
                    .summaries()
                    .iter()
                    .map(bits)
                    .collect();
                assert_eq!(grouped, one_at_a_time, "n = {n}, slots {slots:?}");
            }
        }
        // The compensated mean is the one a plain sum would miss.
        let rows = vec![1e16, 1.0, 1.0, 1.0, 1.0];
        let s = &ColumnGroup::gather(&rows, 1, 5, &[0]).summaries()[0];
        assert_eq!(s.mean, (1e16 + 4.0) / 5.0);
    }

    #[test]
    fn percentiles_follow_type_7() {
        // NumPy: np.percentile([1,2,3,4,10], [5,25,50,75,95]) = [1.2, 2, 3, 4, 8.8]
        let mut v = vec![10.0, 2.0, 4.0, 1.0, 3.0];
        let s = Summary::of(&mut v);
        assert!((s.p5 - 1.2).abs() < 1e-12);
        assert_eq!(s.p25, 2.0);
        assert_eq!(s.p50, 3.0);
        assert_eq!(s.p75, 4.0);
        assert!((s.p95 - 8.8).abs() < 1e-12);
        assert_eq!(s.mean, 4.0);
        // sd with n - 1: var = (9+4+1+0+36)/4 = 12.5
        assert!((s.sd - 12.5f64.sqrt()).abs() < 1e-12);
        assert!((s.se - (12.5f64 / 5.0).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn selection_gives_the_sorted_percentiles_bit_for_bit() {
        // Pseudo-random values with ties, signed zeros and extremes.
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for n in [1usize, 2, 3, 7, 20, 101, 1000, 4097] {
            let v: Vec<f64> = (0..n)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    match i % 11 {
                        0 => 0.0,
                        1 => -0.0,
                        2 => 5.0,
                        _ => (x >> 11) as f64 / (1u64 << 53) as f64 * 2e6 - 1e6,
                    }
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort_unstable_by(|a, b| a.total_cmp(b));
            let ps = [0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0];
            let got = type7_points(&mut v.clone(), &ps);
            for (k, &p) in ps.iter().enumerate() {
                assert_eq!(
                    got[k].to_bits(),
                    percentile_sorted(&sorted, p).to_bits(),
                    "n {n} p {p}"
                );
            }
            assert_eq!(got[ps.len()].to_bits(), sorted[0].to_bits());
            assert_eq!(got[ps.len() + 1].to_bits(), sorted[n - 1].to_bits());
        }
    }

    #[test]
    fn points_with_cis_equal_type7_and_the_order_statistics_bit_for_bit() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        for n in [1usize, 2, 3, 5, 20, 100, 1000, 4097, 100_000] {
            let v: Vec<f64> = (0..n)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    match i % 13 {
                        0 => 0.0,
                        1 => -0.0,
                        2 => 7.0,
                        _ => (x >> 11) as f64 / (1u64 << 53) as f64 * 2e6 - 1e6,
                    }
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort_unstable_by(|a, b| a.total_cmp(b));
            let ps = [0.05, 0.25, 0.5, 0.75, 0.95];
            let plain = type7_points(&mut v.clone(), &ps);
            let (points, cis) = type7_points_with_cis(&v, &ps, 0.95);
            let bits = |xs: &[f64]| xs.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&plain), bits(&points), "n {n}");
            for (k, &p) in ps.iter().enumerate() {
                let (l, u) = ci::ranks(n, p, 0.95);
                assert_eq!(cis[k][0].to_bits(), sorted[l - 1].to_bits(), "n {n} p {p}");
                assert_eq!(cis[k][1].to_bits(), sorted[u - 1].to_bits(), "n {n} p {p}");
            }
        }
    }

    #[test]
    fn the_summary_of_1_to_100_has_the_hand_computed_intervals() {
        // Ranks (90, 100) for p = 0.95 and (40, 61) for the median: the
        // values 1..=100 are their own order statistics.
        let mut v: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        let s = Summary::of(&mut v);
        assert_eq!(s.ci95.p95, [90.0, 100.0]);
        assert_eq!(s.ci95.p50, [40.0, 61.0]);
        assert_eq!(s.p50, 50.5);
        assert_eq!(s.ci95.of(0.95), Some([90.0, 100.0]));
    }

    #[test]
    fn constant_values_summarise_exactly() {
        let mut v = vec![610_000.0; 1000];
        let s = Summary::of(&mut v);
        assert_eq!(s.mean, 610_000.0);
        assert_eq!(s.p5, 610_000.0);
        assert_eq!(s.p95, 610_000.0);
        assert_eq!(s.sd, 0.0);
    }

    #[test]
    fn nans_are_left_out() {
        let mut v = vec![f64::NAN, 1.0, 3.0];
        let s = Summary::of(&mut v);
        assert_eq!(s.mean, 2.0);
        assert_eq!(s.p50, 2.0);
    }

    #[test]
    fn histogram_counts_every_value() {
        let v: Vec<f64> = (0..100).map(|i| i as f64).collect();
        let h = histogram(&v, 10);
        assert_eq!(h.len(), 10);
        assert!(h.iter().all(|b| b.2 == 10));
        assert_eq!(h[0].0, 0.0);
        assert_eq!(h[9].1, 99.0);
    }

    #[test]
    fn spearman_sees_monotone_relations_and_ties() {
        let a = [1.0, 2.0, 3.0, 4.0];
        let b = [1.0, 8.0, 27.0, 64.0];
        assert!((spearman(&a, &b) - 1.0).abs() < 1e-12);
        assert_eq!(ranks(&[5.0, 5.0, 1.0]), vec![1.5, 1.5, 0.0]);
    }

    #[test]
    fn ranks_and_sorted_give_the_stable_sort_ranks_and_the_sorted_values() {
        // Ties, signed zeros (equal under ==, ordered by total_cmp) and NaNs
        // (never tied: each keeps its own position, in index order).
        let x = [3.0, f64::NAN, -0.0, 1.0, 0.0, 3.0, f64::NAN, -2.0, 1.0, 3.0];
        let (r, sorted) = ranks_and_sorted(&x);
        // -2 | -0, 0 (tied) | 1, 1 | 3, 3, 3 | NaN, NaN (indices 1 then 6).
        assert_eq!(r, vec![6.0, 8.0, 1.5, 3.5, 1.5, 6.0, 9.0, 0.0, 3.5, 6.0]);
        let bits: Vec<u64> = sorted.iter().map(|v| v.to_bits()).collect();
        let mut expected = x.to_vec();
        expected.sort_by(f64::total_cmp);
        assert_eq!(
            bits,
            expected.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
        assert_eq!(sorted[1].to_bits(), (-0.0f64).to_bits());
        assert_eq!(ranks(&x), r);
    }

    #[test]
    fn total_order_keys_order_as_total_cmp_and_invert() {
        let xs = [
            f64::NEG_INFINITY,
            -1e300,
            -2.5,
            -f64::MIN_POSITIVE,
            -5e-324,
            -0.0,
            0.0,
            5e-324,
            1.0,
            1.0 + f64::EPSILON,
            f64::MAX,
            f64::INFINITY,
        ];
        for a in xs {
            assert_eq!(
                from_total_order_key(total_order_key(a)).to_bits(),
                a.to_bits()
            );
            for b in xs {
                assert_eq!(
                    total_order_key(a).cmp(&total_order_key(b)),
                    a.total_cmp(&b),
                    "{a} vs {b}"
                );
            }
        }
        // -0.0 sorts below 0.0 and both survive the round trip.
        assert!(total_order_key(-0.0) < total_order_key(0.0));
    }
}
