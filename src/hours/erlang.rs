//! Erlang C staffing for the staffed mode of a channel (MODEL.md sections 6
//! and 13): how many agents an open hour needs so that a target share of
//! calls (e.g. 80 %) is answered within a given time (e.g. 20 s).
//!
//! Shorter opening hours concentrate the same calls into fewer hours, and
//! Erlang C shows the resulting peak-load penalty: agents grow faster than
//! linearly as an hour's traffic rises above the agents' capacity.
//!
//! Everything rests on the Erlang B recursion `B(0) = 1`,
//! `B(n) = A B(n-1) / (n + A B(n-1))`, which never forms a factorial or a
//! power, so it stays finite and accurate for loads of thousands of Erlang
//! (the textbook sum `A^n / n!` overflows above about 170 agents).
//!
//! Large loads. Written as `1/B(n) = 1 + (n/A) / B(n-1)`, the recursion
//! forgets its starting value: below `n = A` each step multiplies an error in
//! `1/B` by `n/A < 1`, so from `n0 = A - 13 sqrt(A)` up to `A` the error
//! shrinks by about `e^{-13^2/2} = e^{-84}`, far below rounding. Above
//! [`SKIP_FROM_ERLANGS`] the recursion therefore starts at `n0` from the
//! overloaded-system value `B(n0) ~ 1 - n0/A` instead of at 0, so a call costs
//! `O(sqrt(A))` steps instead of `O(A)` (1e9 Erlang: about 0.5 ms instead of
//! seconds). Below that load nothing changes, to the last bit.
//!
//! Bad input never panics: a traffic or handling time that is negative, NaN
//! or infinite, or a load above [`MAX_TRAFFIC_ERLANGS`], gives NaN from the
//! formulas and `None` from [`agents_needed`], which the engine reports as an
//! error naming the inputs involved.
//!
//! Notation: `A` = offered traffic in Erlang (calls per hour x average
//! handling time in hours), `n` = agents, `aht` = average handling time.

/// Loads above this many Erlang are refused ([`agents_needed`] gives `None`):
/// a billion agents on duty in one hour is no municipality's call centre, and
/// the agent count must fit in a `u32`.
pub const MAX_TRAFFIC_ERLANGS: f64 = 1e9;

/// From this load on the Erlang B recursion starts at `A - 13 sqrt(A)`
/// instead of 0 (see the module documentation).
pub const SKIP_FROM_ERLANGS: f64 = 1e4;

/// Standard deviations of the Poisson load below `A` where the shortened
/// recursion starts.
const SKIP_SDS: f64 = 13.0;

/// Probability that a call is blocked in an `agents`-server loss system with
/// `traffic_erlangs` offered (Erlang B); the building block of Erlang C.
/// Computed by the stable recursion, in `O(agents)` steps, or
/// `O(agents - A + sqrt(A))` from [`SKIP_FROM_ERLANGS`] on.
///
/// NaN if `traffic_erlangs` is negative, infinite or NaN.
#[must_use]
pub fn erlang_b(traffic_erlangs: f64, agents: u32) -> f64 {
    if !traffic_ok(traffic_erlangs) {
        return f64::NAN;
    }
    let (first, mut b) = recursion_start(traffic_erlangs, agents);
    for k in first + 1..=agents {
        b = next_b(traffic_erlangs, k, b);
        if b == 0.0 {
            break; // stays 0 for every larger n
        }
    }
    b
}

/// Where the Erlang B recursion for `B(agents)` starts: `(n0, B(n0))`.
fn recursion_start(a: f64, agents: u32) -> (u32, f64) {
    if a < SKIP_FROM_ERLANGS {
        return (0, 1.0);
    }
    let sd = a.sqrt();
    let n = f64::from(agents);
    // Start 13 sd below A; for fewer agents than that, start 7 sd below
    // `agents`: each step then shrinks the error by at least 1 - 13/sd, so
    // 7 sd steps shrink it by e^{-91}.
    let n0 = (a - SKIP_SDS * sd).min(n - 7.0 * sd).floor().max(0.0);
    // In an overloaded loss system (n0 well below A) B = 1 - n0/A to first
    // order; whatever error this has is forgotten by the time n is reached.
    (n0 as u32, 1.0 - n0 / a)
}

/// Probability that a call has to wait (Erlang C), `n B / (n - A (1 - B))`;
/// 1.0 when `agents <= traffic_erlangs`, since the queue then grows without
/// bound and every call waits.
///
/// NaN if `traffic_erlangs` is negative, infinite or NaN.
#[must_use]
pub fn erlang_c(traffic_erlangs: f64, agents: u32) -> f64 {
    c_from_b(traffic_erlangs, agents, erlang_b(traffic_erlangs, agents))
}

/// Share of calls answered within `answer_within_seconds`:
/// `1 - C e^{-(n - A) t / aht}`; 0.0 when `agents <= traffic_erlangs`
/// (an overloaded queue answers nothing in time in the long run), 1.0 when no
/// call ever waits.
///
/// NaN if `traffic_erlangs` is negative or not finite, or `aht_seconds` or
/// `answer_within_seconds` is negative or NaN.
#[must_use]
pub fn service_level(
    traffic_erlangs: f64,
    agents: u32,
    aht_seconds: f64,
    answer_within_seconds: f64,
) -> f64 {
    if !times_ok(aht_seconds, answer_within_seconds) {
        return f64::NAN;
    }
    let c = erlang_c(traffic_erlangs, agents);
    level_from_c(
        traffic_erlangs,
        agents,
        c,
        aht_seconds,
        answer_within_seconds,
    )
}

/// Average time a call waits before it is answered, over all calls (those
/// answered at once count as 0): `C aht / (n - A)` seconds;
/// `f64::INFINITY` when `agents <= traffic_erlangs`.
///
/// NaN if `traffic_erlangs` is negative or not finite, or `aht_seconds` is
/// negative or NaN.
#[must_use]
pub fn average_speed_of_answer_seconds(traffic_erlangs: f64, agents: u32, aht_seconds: f64) -> f64 {
    if !times_ok(aht_seconds, 0.0) {
        return f64::NAN;
    }
    let c = erlang_c(traffic_erlangs, agents);
    asa_from_c(traffic_erlangs, agents, c, aht_seconds)
}

/// The staffing of one open hour (or part of an hour) chosen by
/// [`agents_needed`], with the figures that justify it, so that reports can
/// show both the head count and the service it buys.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Staffing {
    /// Agents on duty: the smallest number meeting the service-level target,
    /// and at least one.
    pub agents: u32,
    /// Share of calls answered within the target time with these agents.
    pub service_level: f64,
    /// Probability that a call waits at all (Erlang C).
    pub wait_probability: f64,
    /// Average speed of answer in seconds, over all calls.
    pub asa_seconds: f64,
    /// Offered traffic in Erlang: calls per hour x handling time in hours.
    pub traffic_erlangs: f64,
}

/// The fewest agents that answer `target_service_level` of the calls (e.g.
/// 0.8) within `answer_within_seconds` (e.g. 20), for `calls_per_hour`
/// arrivals with average handling time `aht_seconds`.
///
/// The search starts at `max(1, ceil(A))` and accepts only `n > A` (with no
/// more agents than the traffic the queue grows without bound, even for a
/// target of 0); it updates Erlang B incrementally from one agent count to
/// the next, so it costs `O(A + extra agents)` steps below
/// [`SKIP_FROM_ERLANGS`] and `O(sqrt(A) + extra agents)` above. At least one
/// agent is on duty in an open hour even with no calls (MODEL.md section 13).
/// The search always ends: the service level tends to 1 as agents are added,
/// and Erlang B reaches exactly 0 within about `39 sqrt(A) + 750` agents
/// above `A` (`e^{-745}` underflows), where the level is 1.
///
/// `None` (never a panic) if `calls_per_hour` or `aht_seconds` is negative or
/// not finite, if `answer_within_seconds` is negative or NaN, if
/// `target_service_level` is outside `[0, 1]`, or if the load exceeds
/// [`MAX_TRAFFIC_ERLANGS`].
#[must_use]
pub fn agents_needed(
    calls_per_hour: f64,
    aht_seconds: f64,
    target_service_level: f64,
    answer_within_seconds: f64,
) -> Option<Staffing> {
    if !traffic_ok(calls_per_hour)
        || !traffic_ok(aht_seconds)
        || !times_ok(aht_seconds, answer_within_seconds)
        || !(0.0..=1.0).contains(&target_service_level)
    {
        return None;
    }
    let a = calls_per_hour * aht_seconds / 3600.0;
    if !traffic_ok(a) || a > MAX_TRAFFIC_ERLANGS {
        return None;
    }
    // a <= 1e9, so every count below fits a u32 (u32::MAX = 4.29e9).
    let mut n = a.ceil().max(1.0) as u32;
    let mut b = erlang_b(a, n);
    loop {
        let c = c_from_b(a, n, b);
        let level = level_from_c(a, n, c, aht_seconds, answer_within_seconds);
        // n <= A never keeps up (infinite queue), whatever the target says.
        if f64::from(n) > a && level >= target_service_level {
            return Some(Staffing {
                agents: n,
                service_level: level,
                wait_probability: c,
                asa_seconds: asa_from_c(a, n, c, aht_seconds),
                traffic_erlangs: a,
            });
        }
        n = n.checked_add(1)?;
        b = next_b(a, n, b);
    }
}

/// One step of the Erlang B recursion: `B(n)` from `B(n-1)`.
fn next_b(a: f64, n: u32, previous: f64) -> f64 {
    let ab = a * previous;
    ab / (f64::from(n) + ab)
}

fn c_from_b(a: f64, n: u32, b: f64) -> f64 {
    if b.is_nan() {
        return f64::NAN;
    }
    let n = f64::from(n);
    if n <= a {
        return 1.0;
    }
    // n > a and 0 <= b <= 1, so the denominator is > 0.
    (n * b / (n - a * (1.0 - b))).min(1.0)
}

fn level_from_c(a: f64, n: u32, c: f64, aht: f64, within: f64) -> f64 {
    if c.is_nan() {
        return f64::NAN;
    }
    if f64::from(n) <= a {
        return 0.0;
    }
    if c == 0.0 {
        return 1.0;
    }
    // Waiting time beyond `within` ~ exponential with rate (n - a) / aht.
    let periods = if aht > 0.0 {
        within / aht
    } else if within > 0.0 {
        f64::INFINITY
    } else {
        0.0
    };
    let level = 1.0 - c * (-(f64::from(n) - a) * periods).exp();
    level.clamp(0.0, 1.0)
}

fn asa_from_c(a: f64, n: u32, c: f64, aht: f64) -> f64 {
    if c.is_nan() {
        return f64::NAN;
    }
    if f64::from(n) <= a {
        return f64::INFINITY;
    }
    if c == 0.0 {
        return 0.0;
    }
    c * aht / (f64::from(n) - a)
}

fn traffic_ok(a: f64) -> bool {
    a.is_finite() && a >= 0.0
}

fn times_ok(aht: f64, within: f64) -> bool {
    aht >= 0.0 && within >= 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round4(x: f64) -> f64 {
        (x * 1e4).round() / 1e4
    }

    #[test]
    fn erlang_b_textbook_values() {
        assert_eq!(round4(erlang_b(10.0, 10)), 0.2146);
        assert_eq!(erlang_b(10.0, 0), 1.0);
        assert_eq!(erlang_b(0.0, 3), 0.0);
        // B(A=1, n=1) = 1/2, B(A=1, n=2) = 1/5.
        assert!((erlang_b(1.0, 1) - 0.5).abs() < 1e-15);
        assert!((erlang_b(1.0, 2) - 0.2).abs() < 1e-15);
    }

    #[test]
    fn erlang_c_limits() {
        assert_eq!(erlang_c(10.0, 10), 1.0);
        assert_eq!(erlang_c(10.0, 5), 1.0);
        assert_eq!(erlang_c(0.0, 1), 0.0);
        // M/M/1: C = A.
        assert!((erlang_c(0.5, 1) - 0.5).abs() < 1e-15);
        assert_eq!(service_level(10.0, 10, 180.0, 20.0), 0.0);
        assert_eq!(
            average_speed_of_answer_seconds(10.0, 9, 180.0),
            f64::INFINITY
        );
        assert_eq!(service_level(0.0, 1, 180.0, 20.0), 1.0);
        assert_eq!(average_speed_of_answer_seconds(0.0, 1, 180.0), 0.0);
    }

    /// The published worked example: 100 calls per 30 minutes, 180 s
    /// handling time, 80 % answered within 20 s.
    #[test]
    fn published_example_ten_erlang() {
        let s = agents_needed(200.0, 180.0, 0.80, 20.0).unwrap();
        assert_eq!(s.traffic_erlangs, 10.0);
        assert_eq!(s.agents, 14);
        assert_eq!(round4(s.wait_probability), 0.1741);
        assert_eq!(round4(s.service_level), 0.8884);
        assert_eq!(round4(service_level(10.0, 13, 180.0, 20.0)), 0.7956);
        assert_eq!(round4(erlang_c(10.0, 14)), 0.1741);
        // ASA = C aht / (n - A) = 0.17413 x 180 / 4 = 7.84 s.
        assert!((s.asa_seconds - 7.8359).abs() < 1e-3, "{}", s.asa_seconds);
        assert_eq!(
            s.asa_seconds,
            average_speed_of_answer_seconds(10.0, 14, 180.0)
        );
        assert_eq!(s.service_level, service_level(10.0, 14, 180.0, 20.0));
    }

    #[test]
    fn service_level_increases_with_agents() {
        for &a in &[0.3_f64, 2.5, 10.0, 47.3, 500.0] {
            let first = a.ceil() as u32;
            let mut previous = service_level(a, first, 180.0, 20.0);
            let mut previous_c = erlang_c(a, first);
            for n in first + 1..first + 60 {
                let level = service_level(a, n, 180.0, 20.0);
                let c = erlang_c(a, n);
                assert!(level >= previous, "A={a} n={n}: {level} < {previous}");
                assert!(c <= previous_c, "A={a} n={n}");
                assert!((0.0..=1.0).contains(&level) && (0.0..=1.0).contains(&c));
                previous = level;
                previous_c = c;
            }
        }
    }

    #[test]
    fn large_loads_stay_finite() {
        // 500 Erlang: 10,000 calls an hour at 180 s.
        let s = agents_needed(10_000.0, 180.0, 0.80, 20.0).unwrap();
        assert_eq!(s.traffic_erlangs, 500.0);
        assert!(s.agents > 500 && s.agents < 530, "{s:?}");
        assert!(s.service_level >= 0.80 && s.service_level.is_finite());
        assert!(service_level(500.0, s.agents - 1, 180.0, 20.0) < 0.80);
        assert!(s.wait_probability.is_finite() && s.asa_seconds.is_finite());

        for &a in &[1000.0_f64, 5000.0, 20_000.0] {
            let b = erlang_b(a, a as u32);
            assert!(b.is_finite() && b > 0.0 && b < 1.0, "B({a}) = {b}");
            let s = agents_needed(a * 20.0, 180.0, 0.9, 20.0).unwrap();
            assert!((s.traffic_erlangs - a).abs() < 1e-9);
            assert!(s.agents as f64 > a && (s.agents as f64) < a * 1.1, "{s:?}");
            assert!(s.service_level >= 0.9 && s.service_level <= 1.0);
        }
    }

    #[test]
    fn at_least_one_agent() {
        let s = agents_needed(0.0, 180.0, 0.8, 20.0).unwrap();
        assert_eq!(s.agents, 1);
        assert_eq!(s.service_level, 1.0);
        assert_eq!(s.wait_probability, 0.0);
        assert_eq!(s.asa_seconds, 0.0);
        let s = agents_needed(1.0, 180.0, 0.8, 20.0).unwrap();
        assert_eq!(s.agents, 1);
        assert_eq!(agents_needed(5.0, 0.0, 0.8, 20.0).unwrap().agents, 1);
    }

    #[test]
    fn strict_targets_terminate() {
        let s = agents_needed(200.0, 180.0, 1.0, 0.0).unwrap();
        assert_eq!(s.service_level, 1.0);
        assert!(s.agents > 14 && s.agents < 60, "{s:?}");
        let s = agents_needed(200.0, 180.0, 0.0, 20.0).unwrap();
        assert_eq!(s.agents, 11); // the first stable count: 10 agents never keep up with 10 Erlang
    }

    #[test]
    fn integer_traffic_starts_above_it() {
        // With A an integer, n = A is unstable (service level 0): the search
        // must move on rather than accept it.
        let s = agents_needed(20.0, 180.0, 0.01, 20.0).unwrap();
        assert_eq!(s.traffic_erlangs, 1.0);
        assert_eq!(s.agents, 2);
    }

    #[test]
    fn incremental_search_matches_direct_formula() {
        for &(calls, aht) in &[(30.0_f64, 240.0_f64), (123.0, 300.0), (750.0, 95.0)] {
            let s = agents_needed(calls, aht, 0.8, 20.0).unwrap();
            let a = calls * aht / 3600.0;
            assert_eq!(s.wait_probability, erlang_c(a, s.agents));
            assert!(service_level(a, s.agents, aht, 20.0) >= 0.8);
            if s.agents > (a.ceil() as u32).max(1) {
                assert!(service_level(a, s.agents - 1, aht, 20.0) < 0.8);
            }
        }
    }

    #[test]
    fn bad_input_gives_none_or_nan_never_a_panic() {
        // Target outside [0, 1].
        assert_eq!(agents_needed(200.0, 180.0, 1.5, 20.0), None);
        // NaN calls (population 1e308 overflowing the volumes upstream).
        assert_eq!(agents_needed(f64::NAN, 180.0, 0.8, 20.0), None);
        // Infinite handling time (a log-normal with mu = 800).
        assert_eq!(agents_needed(200.0, f64::INFINITY, 0.8, 20.0), None);
        // Infinite traffic from finite factors.
        assert_eq!(agents_needed(f64::MAX, 1e300, 0.8, 20.0), None);
        // Traffic beyond u32 agents, and beyond the supported load.
        assert_eq!(agents_needed(1e10 * 3600.0, 1.0, 0.8, 20.0), None);
        assert_eq!(agents_needed(1e12, 180.0, 0.8, 20.0), None);
        assert_eq!(agents_needed(-1.0, 180.0, 0.8, 20.0), None);
        assert_eq!(agents_needed(200.0, 180.0, 0.8, f64::NAN), None);
        assert!(erlang_b(-1.0, 3).is_nan());
        assert!(erlang_b(f64::INFINITY, 3).is_nan());
        assert!(erlang_c(f64::NAN, 3).is_nan());
        assert!(service_level(10.0, 14, f64::NAN, 20.0).is_nan());
        assert!(service_level(10.0, 14, 180.0, -1.0).is_nan());
        assert!(average_speed_of_answer_seconds(10.0, 14, -1.0).is_nan());
    }

    /// A load of a billion Erlang (the largest accepted) is staffed in
    /// milliseconds, not by walking a billion agent counts.
    #[test]
    fn a_billion_erlang_is_fast_and_sound() {
        let t = std::time::Instant::now();
        let a = MAX_TRAFFIC_ERLANGS;
        let s = agents_needed(a * 20.0, 180.0, 0.8, 20.0).unwrap();
        let elapsed = t.elapsed();
        assert!(elapsed.as_millis() < 500, "took {elapsed:?}");
        assert_eq!(s.traffic_erlangs, a);
        // Square-root staffing: n - A is of order sqrt(A) = 31,623.
        let extra = f64::from(s.agents) - a;
        assert!(extra > 0.0 && extra < 3.0 * a.sqrt(), "{s:?}");
        assert!(s.service_level >= 0.8 && s.service_level <= 1.0, "{s:?}");
        assert!(s.wait_probability.is_finite() && s.asa_seconds.is_finite());
        // The count is the smallest meeting the target.
        assert!(service_level(a, s.agents - 1, 180.0, 20.0) < 0.8);
    }

    /// The shortened recursion above SKIP_FROM_ERLANGS agrees with the full
    /// one from B(0) = 1 to rounding.
    #[test]
    fn shortened_recursion_matches_the_full_one() {
        for &a in &[SKIP_FROM_ERLANGS, 2.5e4, 1.0e5] {
            for n in [
                (a * 0.5) as u32,
                (a - 13.0 * a.sqrt()) as u32 + 3,
                a as u32,
                (a + 2.0 * a.sqrt()) as u32,
            ] {
                let mut full = 1.0;
                for k in 1..=n {
                    full = next_b(a, k, full);
                }
                let fast = erlang_b(a, n);
                assert!(
                    (fast - full).abs() <= 1e-12 * full,
                    "A={a} n={n}: {fast} vs {full}"
                );
            }
        }
        // Below the threshold the search is bit-identical to the plain walk.
        let s = agents_needed(9_000.0 * 20.0, 180.0, 0.8, 20.0).unwrap();
        let mut b = 1.0;
        for k in 1..=s.agents {
            b = next_b(9_000.0, k, b);
        }
        assert_eq!(s.wait_probability, c_from_b(9_000.0, s.agents, b));
    }
}
