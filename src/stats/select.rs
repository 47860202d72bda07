//! Exact order statistics at a few ranks of many values, by counting.
//!
//! A summary needs about twenty order statistics of each output (five
//! percentiles, the two values each interpolates between and the bounds of
//! its confidence interval). Selecting them one after another with
//! `select_nth_unstable` visits the values about five times over, with
//! data-dependent branches (measured: 6 % of the hard benchmark case's run).
//! Here one pass finds the smallest and largest key, one pass counts the
//! keys per bucket of equal width between them, and one pass copies only the
//! keys of the buckets holding a wanted rank; those few are found the same
//! way in turn, or sorted once they are few. The keys are the floats' total
//! order ([`super::total_order_key`]), so the order statistics are exactly
//! the ones a sort gives.

/// Buckets per counting pass: 2,048, so that the counters (four sets of
/// `u32`, interleaved so that runs of equal keys do not wait on the same
/// counter) fit in a 32 KiB first-level cache.
const BUCKET_BITS: u32 = 11;

/// Fewer keys than this are sorted outright.
const SORT_BELOW: usize = 1024;

/// The keys at 0-based `ranks` (each below `keys.len()`, in any order) of
/// `keys` as if sorted ascending. Reorders `keys`.
pub fn order_statistics(keys: &mut [i64], ranks: &[usize]) -> Vec<i64> {
    let n = keys.len();
    assert!(ranks.iter().all(|&r| r < n), "ranks within the keys");
    if n < SORT_BELOW {
        keys.sort_unstable();
        return ranks.iter().map(|&r| keys[r]).collect();
    }
    let (mut min, mut max) = (i64::MAX, i64::MIN);
    for &k in keys.iter() {
        min = min.min(k);
        max = max.max(k);
    }
    // Key distances as unsigned: max - min can exceed i64::MAX.
    let range = max.wrapping_sub(min) as u64;
    if range == 0 {
        return vec![min; ranks.len()];
    }
    let shift = (u64::BITS - range.leading_zeros()).saturating_sub(BUCKET_BITS);
    let bucket = |k: i64| (k.wrapping_sub(min) as u64 >> shift) as usize;
    let n_buckets = bucket(max) + 1;
    let start = bucket_starts(keys, n_buckets, &bucket);
    // The bucket of rank `r`: the last whose start is at or below it.
    let bucket_of = |r: usize| start.partition_point(|&s| s <= r) - 1;
    let mut wanted = vec![false; n_buckets];
    for &r in ranks {
        if r != 0 && r != n - 1 {
            wanted[bucket_of(r)] = true;
        }
    }
    // The wanted buckets' keys, bucket by bucket, in a buffer of their own.
    let mut offset = vec![usize::MAX; n_buckets];
    let mut m = 0;
    for b in (0..n_buckets).filter(|&b| wanted[b]) {
        offset[b] = m;
        m += start[b + 1] - start[b];
    }
    let mut gathered = vec![0i64; m];
    let mut next = offset.clone();
    for &k in keys.iter() {
        let b = bucket(k);
        if wanted[b] {
            gathered[next[b]] = k;
            next[b] += 1;
        }
    }
    // The ends are known; each wanted bucket is resolved once for all of
    // its ranks.
    let mut out: Vec<i64> = ranks
        .iter()
        .map(|&r| if r == 0 { min } else { max })
        .collect();
    for b in (0..n_buckets).filter(|&b| wanted[b]) {
        let asked: Vec<usize> = (0..ranks.len())
            .filter(|&i| ranks[i] != 0 && ranks[i] != n - 1 && bucket_of(ranks[i]) == b)
            .collect();
        let local: Vec<usize> = asked.iter().map(|&i| ranks[i] - start[b]).collect();
        let slice = &mut gathered[offset[b]..offset[b] + start[b + 1] - start[b]];
        for (i, key) in asked.into_iter().zip(order_statistics(slice, &local)) {
            out[i] = key;
        }
    }
    out
}

/// Where each bucket's keys start in sorted order (`n_buckets + 1` entries,
/// the last is the number of keys).
fn bucket_starts(keys: &[i64], n_buckets: usize, bucket: &impl Fn(i64) -> usize) -> Vec<usize> {
    let mut counts = vec![[0u32; 4]; n_buckets];
    let mut quads = keys.chunks_exact(4);
    for q in &mut quads {
        for j in 0..4 {
            counts[bucket(q[j])][j] += 1;
        }
    }
    for &k in quads.remainder() {
        counts[bucket(k)][0] += 1;
    }
    let mut start = Vec::with_capacity(n_buckets + 1);
    let mut sum = 0usize;
    start.push(0);
    for c in &counts {
        sum += c.iter().map(|&x| x as usize).sum::<usize>();
        start.push(sum);
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator for the tests' keys.
    fn lcg(seed: u64) -> impl FnMut() -> u64 {
        let mut x = seed;
        move || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            x >> 11
        }
    }

    fn check(keys: &[i64], ranks: &[usize]) {
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        let want: Vec<i64> = ranks.iter().map(|&r| sorted[r]).collect();
        let got = order_statistics(&mut keys.to_vec(), ranks);
        assert_eq!(got, want, "n = {}, ranks {ranks:?}", keys.len());
    }

    #[test]
    fn order_statistics_are_the_sorted_keys_at_the_ranks() {
        let mut next = lcg(7);
        for n in [1usize, 2, 5, 1023, 1024, 1025, 5000, 100_000] {
            let ranks: Vec<usize> = vec![
                0,
                n / 20,
                n / 4,
                n / 2,
                n / 2,
                3 * n / 4,
                (n - 1) * 19 / 20,
                n - 1,
                n / 3,
            ];
            // Spread keys, keys from both ends of i64 (range above i64::MAX),
            // a few distinct keys, all equal, and one far outlier with the
            // rest packed together (every wanted rank in one bucket).
            let spread: Vec<i64> = (0..n).map(|_| next() as i64 - (1 << 52)).collect();
            let extremes: Vec<i64> = (0..n)
                .map(|i| match i % 3 {
                    0 => i64::MIN + (next() % 1000) as i64,
                    1 => i64::MAX - (next() % 1000) as i64,
                    _ => (next() % 7) as i64,
                })
                .collect();
            let few: Vec<i64> = (0..n).map(|_| (next() % 3) as i64 * 1_000_000).collect();
            let equal = vec![-42i64; n];
            let outlier: Vec<i64> = (0..n)
                .map(|i| {
                    if i == n / 2 {
                        i64::MIN
                    } else {
                        5_000_000 + (next() % 5000) as i64
                    }
                })
                .collect();
            for keys in [&spread, &extremes, &few, &equal, &outlier] {
                check(keys, &ranks);
            }
        }
    }

    #[test]
    fn order_statistics_keep_the_order_of_the_ranks_asked() {
        let keys: Vec<i64> = (0..3000).rev().collect();
        assert_eq!(
            order_statistics(&mut keys.clone(), &[2999, 0, 1500, 7]),
            vec![2999, 0, 1500, 7]
        );
    }
}
