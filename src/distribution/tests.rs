#![allow(clippy::excessive_precision)] // reference values quoted to full precision

use super::*;
use rand::distr::Open01;
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;
use statrs::distribution::{
    Beta as SBeta, ContinuousCDF, LogNormal as SLogNormal, Normal as SNormal,
    Triangular as STriangular, Uniform as SUniform,
};

#[derive(Debug, serde::Deserialize, serde::Serialize)]
struct T {
    x: Distribution,
}

fn parse(src: &str) -> Distribution {
    toml::from_str::<T>(src)
        .unwrap_or_else(|e| panic!("{src} should parse: {e}"))
        .x
}

/// Parses `x = <value>` on line 2 and returns the error text.
fn reject(value: &str) -> String {
    let src = format!("# scenario\nx = {value}\n");
    let err = toml::from_str::<T>(&src).expect_err(&format!("{value} should be rejected"));
    let text = err.to_string();
    assert!(
        text.contains("line 2"),
        "error for {value} should point at line 2: {text}"
    );
    let span = err.span().expect("error has a span");
    assert!(
        span.start >= src.find("x =").unwrap(),
        "span {span:?} should be on the value line"
    );
    text
}

fn close(actual: f64, expected: f64, rel: f64) -> bool {
    (actual - expected).abs() <= rel * expected.abs().max(1.0)
}

fn assert_close(actual: f64, expected: f64, rel: f64, what: &str) {
    assert!(
        close(actual, expected, rel),
        "{what}: got {actual}, expected {expected} (rel tol {rel})"
    );
}

const GRID: [f64; 13] = [
    1e-10, 1e-6, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999999,
];

// ---------------------------------------------------------------- parsing

#[test]
fn parses_plain_numbers_as_fixed() {
    assert_eq!(parse("x = 100"), Distribution::Fixed(100.0));
    assert_eq!(parse("x = -3"), Distribution::Fixed(-3.0));
    assert_eq!(parse("x = 0.35"), Distribution::Fixed(0.35));
    assert_eq!(parse("x = 1e3"), Distribution::Fixed(1000.0));
}

#[test]
fn parses_every_distribution_form() {
    assert_eq!(
        parse("x = { uniform = [80, 130] }"),
        Distribution::Uniform {
            min: 80.0,
            max: 130.0
        }
    );
    assert_eq!(
        parse("x = { triangular = [80, 100.5, 130] }"),
        Distribution::Triangular {
            min: 80.0,
            mode: 100.5,
            max: 130.0
        }
    );
    assert_eq!(
        parse("x = { pert = [80, 100, 130] }"),
        Distribution::Pert {
            min: 80.0,
            mode: 100.0,
            max: 130.0,
            lambda: 4.0
        }
    );
    assert_eq!(
        parse("x = { pert = [80, 100, 130], lambda = 6 }"),
        Distribution::Pert {
            min: 80.0,
            mode: 100.0,
            max: 130.0,
            lambda: 6.0
        }
    );
    assert_eq!(
        parse("x = { normal = [1000, 300] }"),
        Distribution::Normal {
            mean: 1000.0,
            sd: 300.0,
            min: None,
            max: None
        }
    );
    assert_eq!(
        parse("x = { normal = [1000, 300], min = 0 }"),
        Distribution::Normal {
            mean: 1000.0,
            sd: 300.0,
            min: Some(0.0),
            max: None
        }
    );
    assert_eq!(
        parse("x = { normal = [0.4, 0.1], min = 0, max = 1 }"),
        Distribution::Normal {
            mean: 0.4,
            sd: 0.1,
            min: Some(0.0),
            max: Some(1.0)
        }
    );
    assert_eq!(
        parse("x = { normal = [5, 1], max = 6.5 }"),
        Distribution::Normal {
            mean: 5.0,
            sd: 1.0,
            min: None,
            max: Some(6.5)
        }
    );
    assert_eq!(
        parse("x = { lognormal = { mu = 4.6, sigma = 0.3 } }"),
        Distribution::LogNormal {
            mu: 4.6,
            sigma: 0.3
        }
    );
    assert_eq!(
        parse("x = { lognormal = { mu = 4, sigma = 0 } }"),
        Distribution::LogNormal {
            mu: 4.0,
            sigma: 0.0
        }
    );
    assert_eq!(
        parse("x = { beta = [2, 5] }"),
        Distribution::Beta {
            alpha: 2.0,
            beta: 5.0,
            min: 0.0,
            max: 1.0
        }
    );
    assert_eq!(
        parse("x = { beta = [2, 5], min = 10, max = 20 }"),
        Distribution::Beta {
            alpha: 2.0,
            beta: 5.0,
            min: 10.0,
            max: 20.0
        }
    );
    assert_eq!(
        parse("x = { discrete = [3, 1, 2] }"),
        Distribution::Discrete {
            values: vec![1.0, 2.0, 3.0],
            weights: vec![1.0 / 3.0; 3]
        }
    );
    assert_eq!(
        parse("x = { discrete = [2, 1], weights = [3, 7] }"),
        Distribution::Discrete {
            values: vec![1.0, 2.0],
            weights: vec![0.7, 0.3]
        }
    );
    // A standard TOML table works as well as an inline one.
    assert_eq!(
        parse("[x]\ntriangular = [1, 2, 3]\n"),
        Distribution::Triangular {
            min: 1.0,
            mode: 2.0,
            max: 3.0
        }
    );
}

#[test]
fn parses_lognormal_mean_sd_into_mu_sigma() {
    let Distribution::LogNormal { mu, sigma } = parse("x = { lognormal = [100, 30] }") else {
        panic!("not a log-normal");
    };
    // sigma^2 = ln(1 + 0.09) = 0.0861776962410524, mu = ln 100 - sigma^2 / 2
    assert_close(sigma, 0.0861776962410524_f64.sqrt(), 1e-14, "sigma");
    assert_close(mu, 100f64.ln() - 0.5 * 0.0861776962410524, 1e-14, "mu");
    let d = Distribution::LogNormal { mu, sigma };
    assert_close(d.mean(), 100.0, 1e-13, "mean of lognormal [100, 30]");
    // The standard deviation comes back too: sd^2 = (e^{s^2} - 1) e^{2 mu + s^2}.
    let var = (sigma * sigma).exp_m1() * (2.0 * mu + sigma * sigma).exp();
    assert_close(var.sqrt(), 30.0, 1e-12, "sd of lognormal [100, 30]");
}

#[test]
fn parses_ci90_as_lognormal_or_normal() {
    let z95 = 1.6448536269514722;
    let Distribution::LogNormal { mu, sigma } = parse("x = { ci90 = [80, 130] }") else {
        panic!("positive ci90 should be log-normal");
    };
    assert_close(mu, (80f64 * 130.0).ln() / 2.0, 1e-14, "mu");
    assert_close(sigma, (130f64 / 80.0).ln() / (2.0 * z95), 1e-12, "sigma");

    let Distribution::Normal { mean, sd, min, max } = parse("x = { ci90 = [-5, 15] }") else {
        panic!("ci90 with low <= 0 should be normal");
    };
    assert_eq!((mean, min, max), (5.0, None, None));
    assert_close(sd, 10.0 / z95, 1e-12, "sd");
    assert!(matches!(
        parse("x = { ci90 = [0, 10] }"),
        Distribution::Normal { .. }
    ));
}

#[test]
fn ci90_round_trips_its_percentiles() {
    for (low, high) in [
        (80.0, 130.0),
        (0.001, 1000.0),
        (1e6, 1.2e6),
        (-5.0, 15.0),
        (0.0, 1.0),
        (-300.0, -200.0),
    ] {
        let d = Distribution::ci90(low, high).unwrap();
        assert_close(
            d.quantile(0.05),
            low,
            1e-12,
            &format!("q05 of ci90 [{low}, {high}]"),
        );
        assert_close(
            d.quantile(0.95),
            high,
            1e-12,
            &format!("q95 of ci90 [{low}, {high}]"),
        );
    }
}

#[test]
fn rejections_explain_the_problem_and_point_at_the_line() {
    let cases: &[(&str, &[&str])] = &[
        (
            "{ triangular = [100, 80, 130] }",
            &["triangular needs min <= mode <= max, got [100, 80, 130]: put the most likely value between the smallest and the largest"],
        ),
        ("{ triangular = [80, 140, 130] }", &["min <= mode <= max"]),
        ("{ pert = [80, 140, 130] }", &["pert needs min <= mode <= max", "most likely"]),
        ("{ pert = [80, 100, 130], lambda = -1 }", &["lambda >= 0", "default 4"]),
        ("{ pert = [80, 100, 130], lambda = 1e308 }", &["pert lambda 1.00000e308 is above the limit of 10000", "write the mode 100 as a plain number"]),
        ("{ beta = [1e300, 2] }", &["beta shapes [1.00000e300, 2] exceed the limit of 1000000", "write its mean as a plain number"]),
        ("{ uniform = [130, 80] }", &["uniform needs min < max", "[130, 80]", "smaller bound first"]),
        ("{ uniform = [5, 5] }", &["uniform needs min < max"]),
        ("{ normal = [100, -5] }", &["sd >= 0", "cannot be negative"]),
        ("{ normal = [100, 5], min = 10, max = 5 }", &["truncation needs min < max", "min = 10, max = 5"]),
        ("{ normal = [100, 5], min = 10, max = 10 }", &["truncation needs min < max"]),
        ("{ normal = [0, 1], min = 50 }", &["no probability inside the truncation", "same units"]),
        ("{ normal = [100, 0], min = 200 }", &["sd = 0", "outside"]),
        ("{ normal = [100, nan] }", &["finite", "NaN"]),
        ("inf", &["finite"]),
        ("nan", &["finite"]),
        ("{ uniform = [0, inf] }", &["finite"]),
        ("{ normal = [0, 1], min = -inf }", &["finite", "leave out min or max"]),
        ("{ beta = [0, 5] }", &["alpha > 0 and beta > 0", "[0, 5]", "positive"]),
        ("{ beta = [2, -1] }", &["alpha > 0 and beta > 0"]),
        ("{ beta = [2, 5], min = 3, max = 1 }", &["min < max", "min = 3, max = 1"]),
        ("{ discrete = [1, 2], weights = [-1, 2] }", &["weights must be finite and >= 0", "-1"]),
        ("{ discrete = [1, 2], weights = [0, 0] }", &["all zero", "positive weight"]),
        ("{ discrete = [1, 2], weights = [0.5] }", &["2 values but 1 weights", "one weight per value"]),
        ("{ discrete = [] }", &["at least one value"]),
        ("{ ci90 = [130, 80] }", &["ci90 needs low < high", "[130, 80]", "5th percentile first"]),
        ("{ ci90 = [5, 5] }", &["ci90 needs low < high"]),
        ("{ lognormal = [-3, 1] }", &["mean > 0", "always positive", "normal"]),
        ("{ lognormal = [0, 1] }", &["mean > 0"]),
        ("{ lognormal = [10, -1] }", &["sd >= 0"]),
        ("{ lognormal = { mu = 1, sigma = -0.5 } }", &["sigma >= 0"]),
        ("{ lognormal = { mu = 1 } }", &["needs both mu and sigma", ACCEPTED_FORMS]),
        ("{ lognormal = { mu = 1, sd = 2 } }", &["unknown key `sd` in lognormal"]),
        // Structural errors list the accepted forms.
        ("{ gamma = [2, 3] }", &["unknown key `gamma`", ACCEPTED_FORMS]),
        // A misspelt key gets the closest one it may mean.
        ("{ normall = [5, 1] }", &["unknown key `normall` in a distribution table: did you mean `normal`?", ACCEPTED_FORMS]),
        ("{ Triangular = [1, 2, 3] }", &["did you mean `triangular`?"]),
        ("{ pert = [1, 2, 3], lamda = 4 }", &["unknown key `lamda`", "did you mean `lambda`?"]),
        ("{ lognormal = { mu = 1, sigmaa = 2 } }", &["unknown key `sigmaa` in lognormal: did you mean `sigma`?"]),
        ("{ triangular = [80, 130] }", &["triangular takes a list of 3 numbers [min, mode, max], got a list of 2 numbers", ACCEPTED_FORMS]),
        ("{ uniform = [1, 2, 3] }", &["uniform takes a list of 2 numbers", ACCEPTED_FORMS]),
        ("{ normal = 5 }", &["normal takes a list of 2 numbers [mean, sd], got the single number 5", ACCEPTED_FORMS]),
        ("{ ci90 = [1] }", &["ci90 takes a list of 2 numbers [low, high]", ACCEPTED_FORMS]),
        ("{ uniform = [1, 2], normal = [0, 1] }", &["`normal` and `uniform` are both given", "keep only one", ACCEPTED_FORMS]),
        ("{ triangular = [1, 2, 3], lambda = 4 }", &["`lambda` does not apply to triangular", ACCEPTED_FORMS]),
        ("{ uniform = [1, 2], min = 0 }", &["`min` does not apply to uniform", ACCEPTED_FORMS]),
        ("{ normal = [1, 2], weights = [1] }", &["`weights` does not apply to normal"]),
        ("{ min = 0 }", &["no distribution given (the table has only min)", ACCEPTED_FORMS]),
        ("{ }", &["no distribution given", ACCEPTED_FORMS]),
        ("{ pert = [1, 2, 3], lambda = [4] }", &["lambda must be a single number", ACCEPTED_FORMS]),
        ("{ discrete = 3 }", &["discrete takes a list of values", ACCEPTED_FORMS]),
        ("\"100\"", &["a number or a distribution table", ACCEPTED_FORMS]),
        ("{ triangular = [1, \"a\", 3] }", &["invalid type"]),
    ];
    for (value, needles) in cases {
        let text = reject(value);
        for needle in *needles {
            assert!(
                text.contains(needle),
                "error for {value} should contain {needle:?}, got:\n{text}"
            );
        }
    }
}

#[test]
fn error_span_points_at_the_offending_value() {
    let src = "a = 1\nb = { uniform = [1, 2] }\nc = { triangular = [100, 80, 130] }\n";
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct S {
        a: Distribution,
        b: Distribution,
        c: Distribution,
    }
    let err = toml::from_str::<S>(src).unwrap_err();
    assert!(err.to_string().contains("line 3"), "{err}");
    let span = err.span().unwrap();
    assert_eq!(&src[span], "{ triangular = [100, 80, 130] }");
}

#[test]
fn serialization_round_trips() {
    let cases = [
        Distribution::Fixed(100.0),
        Distribution::Uniform { min: 1.0, max: 2.5 },
        Distribution::Triangular {
            min: 80.0,
            mode: 100.0,
            max: 130.0,
        },
        Distribution::Pert {
            min: 80.0,
            mode: 100.0,
            max: 130.0,
            lambda: 6.0,
        },
        Distribution::Normal {
            mean: 5.0,
            sd: 2.0,
            min: Some(0.0),
            max: None,
        },
        Distribution::Normal {
            mean: 5.0,
            sd: 2.0,
            min: None,
            max: None,
        },
        Distribution::ci90(80.0, 130.0).unwrap(),
        Distribution::Beta {
            alpha: 2.0,
            beta: 5.0,
            min: 10.0,
            max: 20.0,
        },
        Distribution::discrete(vec![2.0, 1.0], Some(vec![3.0, 7.0])).unwrap(),
    ];
    for d in cases {
        let text = toml::to_string(&T { x: d.clone() }).unwrap();
        assert_eq!(parse(&text), d, "round trip of {text}");
    }
}

// ------------------------------------------------------------ describe

#[test]
fn describes_in_short_human_text() {
    let cases = [
        ("x = 100", "100"),
        ("x = 0.35", "0.35"),
        ("x = { uniform = [80, 130] }", "uniform(80, 130)"),
        (
            "x = { triangular = [80, 100, 130] }",
            "triangular(80, 100, 130)",
        ),
        ("x = { pert = [80, 100, 130] }", "pert(80, 100, 130)"),
        (
            "x = { pert = [80, 100, 130], lambda = 6 }",
            "pert(80, 100, 130, lambda 6)",
        ),
        ("x = { normal = [100, 10] }", "normal(mean 100, sd 10)"),
        (
            "x = { normal = [100, 10], min = 0 }",
            "normal(mean 100, sd 10, min 0)",
        ),
        (
            "x = { ci90 = [80, 130] }",
            "log-normal(median 102, 90 % in [80, 130])",
        ),
        ("x = { beta = [2, 5] }", "beta(2, 5)"),
        (
            "x = { beta = [2, 5], min = 10, max = 20 }",
            "beta(2, 5) on [10, 20]",
        ),
        ("x = { discrete = [3, 1, 2] }", "discrete(1, 2, 3)"),
        (
            "x = { discrete = [1, 2], weights = [0.3, 0.7] }",
            "discrete(1: 30 %, 2: 70 %)",
        ),
    ];
    for (src, text) in cases {
        let d = parse(src);
        assert_eq!(d.describe(), text, "describe {src}");
        assert_eq!(d.to_string(), text);
    }
    assert_eq!(fmt_num(101.98039, 3), "102");
    assert_eq!(fmt_num(-0.000_012_345, 3), "-0.0000123");
    assert_eq!(fmt_num(2.5e20, 3), "2.50e20");
}

// ------------------------------------------------- support, fixed, mean

#[test]
fn fixed_and_degenerate_cases() {
    let f = Distribution::Fixed(7.5);
    assert!(f.is_fixed());
    assert_eq!(
        (f.quantile(0.01), f.quantile(0.99), f.mean()),
        (7.5, 7.5, 7.5)
    );
    assert_eq!(f.quantile(f64::NAN), 7.5, "Fixed ignores u");
    assert_eq!(f.support(), (7.5, 7.5));

    let degenerate = [
        parse("x = { triangular = [5, 5, 5] }"),
        parse("x = { pert = [5, 5, 5] }"),
        parse("x = { normal = [5, 0] }"),
        parse("x = { normal = [5, 0], min = 0, max = 10 }"),
        parse("x = { lognormal = [5, 0] }"),
        parse("x = { discrete = [5] }"),
        parse("x = { discrete = [1, 5, 9], weights = [0, 1, 0] }"),
    ];
    for d in degenerate {
        assert!(d.is_fixed(), "{d:?} should be fixed");
        for u in [0.0, 1e-9, 0.3, 0.999, 1.0] {
            assert_close(d.quantile(u), 5.0, 1e-14, &format!("{d:?} at {u}"));
        }
        assert_close(d.mean(), 5.0, 1e-14, &format!("mean of {d:?}"));
        let (lo, hi) = d.support();
        assert_close(lo, 5.0, 1e-14, "support lo");
        assert_close(hi, 5.0, 1e-14, "support hi");
    }
    assert!(!parse("x = { uniform = [1, 2] }").is_fixed());
    assert!(!parse("x = { discrete = [1, 2] }").is_fixed());
}

#[test]
fn supports() {
    let inf = f64::INFINITY;
    assert_eq!(parse("x = { uniform = [1, 2] }").support(), (1.0, 2.0));
    assert_eq!(parse("x = { pert = [1, 2, 4] }").support(), (1.0, 4.0));
    assert_eq!(parse("x = { normal = [1, 2] }").support(), (-inf, inf));
    assert_eq!(
        parse("x = { normal = [1, 2], min = 0 }").support(),
        (0.0, inf)
    );
    assert_eq!(parse("x = { lognormal = [1, 2] }").support(), (0.0, inf));
    assert_eq!(
        parse("x = { beta = [1, 2], min = 3, max = 4 }").support(),
        (3.0, 4.0)
    );
    assert_eq!(
        parse("x = { discrete = [1, 2, 3], weights = [0, 1, 1] }").support(),
        (2.0, 3.0)
    );
    // u = 0 and u = 1 give the ends of the support.
    let n = parse("x = { normal = [1, 2], min = 0 }");
    assert_eq!((n.quantile(0.0), n.quantile(1.0)), (0.0, inf));
    let p = parse("x = { pert = [1, 2, 4] }");
    assert_eq!((p.quantile(0.0), p.quantile(1.0)), (1.0, 4.0));
}

#[test]
fn closed_form_means() {
    assert_eq!(parse("x = { uniform = [80, 130] }").mean(), 105.0);
    assert_eq!(
        parse("x = { triangular = [80, 100, 130] }").mean(),
        310.0 / 3.0
    );
    assert_eq!(parse("x = { pert = [80, 100, 130] }").mean(), 610.0 / 6.0);
    assert_eq!(
        parse("x = { beta = [2, 6], min = 10, max = 20 }").mean(),
        12.5
    );
    assert_close(
        parse("x = { discrete = [1, 2], weights = [0.3, 0.7] }").mean(),
        1.7,
        1e-15,
        "discrete mean",
    );
    assert_close(
        parse("x = { lognormal = { mu = 1, sigma = 0.5 } }").mean(),
        1.125f64.exp(),
        1e-15,
        "lognormal mean",
    );
    // Normal(0, 1) truncated to [0, inf): the half-normal, mean sqrt(2/pi).
    assert_close(
        parse("x = { normal = [0, 1], min = 0 }").mean(),
        (2.0 / std::f64::consts::PI).sqrt(),
        1e-14,
        "half-normal mean",
    );
}

/// Composite Simpson integration, an independent check of the truncated
/// normal mean formula.
fn simpson(f: impl Fn(f64) -> f64, a: f64, b: f64, n: usize) -> f64 {
    let h = (b - a) / n as f64;
    let mut s = f(a) + f(b);
    for i in 1..n {
        let w = if i % 2 == 1 { 4.0 } else { 2.0 };
        s += w * f(a + i as f64 * h);
    }
    s * h / 3.0
}

#[test]
fn truncated_normal_mean_matches_numerical_integration() {
    for (mean, sd, lo, hi) in [
        (100.0, 30.0, 0.0, 1e9),
        (10.0, 30.0, 0.0, 40.0),
        (0.4, 0.1, 0.0, 1.0),
        (5.0, 2.0, -1e9, 4.0),
        (0.0, 1.0, 3.0, 5.0),
        (0.0, 1.0, -6.0, -2.5),
    ] {
        let d = Distribution::Normal {
            mean,
            sd,
            min: (lo > -1e8).then_some(lo),
            max: (hi < 1e8).then_some(hi),
        };
        d.validate().unwrap();
        let (a, b) = (lo.max(mean - 12.0 * sd), hi.min(mean + 12.0 * sd));
        let pdf = |x: f64| (-0.5 * ((x - mean) / sd).powi(2)).exp();
        let expected = simpson(|x| x * pdf(x), a, b, 20_000) / simpson(pdf, a, b, 20_000);
        assert_close(d.mean(), expected, 1e-10, &format!("mean of {d:?}"));
    }
}

// -------------------------------------------------- exact quantiles

#[test]
fn normal_tail_probabilities_are_exact() {
    // Reference values of Q(z) = 1 - Phi(z) (mpmath, 40 digits).
    // Tolerance: z / sqrt(2) is rounded before erfc sees it, which alone
    // costs a relative 2 (z^2 / 2) eps in Q; fdlibm's erfc adds < 1 ulp.
    for (z, q) in [
        (0.0, 0.5),
        (0.3, 0.38208857781104736),
        (1.0, 0.15865525393145705),
        (1.6448536269514722, 0.050000000000000053),
        (3.0, 1.3498980316300945e-3),
        (8.0, 6.2209605742717841e-16),
        (20.0, 2.7536241186062337e-89),
    ] {
        let tol = (2.0 + z * z) * 2.0 * f64::EPSILON;
        let rel = (std_normal_sf(z) - q).abs() / q;
        assert!(rel < tol, "Q({z}) relative error {rel:e}");
        let rel = (std_normal_cdf(-z) - q).abs() / q;
        assert!(rel < tol, "Phi(-{z}) relative error {rel:e}");
    }
    assert_eq!(erfc(f64::INFINITY), 0.0);
    assert_eq!(erfc(f64::NEG_INFINITY), 2.0);
    assert_eq!(std_normal_cdf(f64::NEG_INFINITY), 0.0);
    assert_eq!(std_normal_sf(f64::INFINITY), 0.0);
}

#[test]
fn regularized_beta_matches_statrs_and_closed_forms() {
    use statrs::function::beta::beta_reg;
    for (a, b) in [
        (2.6, 3.4),
        (0.5, 0.5),
        (0.3, 4.0),
        (30.0, 2.0),
        (1.0, 21.0),
        (500.0, 700.0),
    ] {
        let ln_b = ln_beta(a, b);
        for &x in &[1e-12, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999] {
            let ours = regularized_beta(a, b, x, ln_b);
            let theirs = beta_reg(a, b, x);
            assert!(
                (ours - theirs).abs() <= 1e-12 * theirs.max(1e-300) + 1e-15,
                "I_{x}({a}, {b}): {ours} vs statrs {theirs}"
            );
        }
    }
    for &x in &[1e-300, 1e-20, 1e-6, 0.2, 0.5, 0.8] {
        let x: f64 = x;
        // I_x(a, 1) = x^a; I_x(1/2, 1/2) = (2 / pi) asin(sqrt x). The
        // prefactor exp(a ln x + ...) carries a relative error of about
        // eps |a ln x| (3e-14 at x = 1e-300), hence 1e-13.
        assert_close(
            regularized_beta(0.2, 1.0, x, ln_beta(0.2, 1.0)) / x.powf(0.2),
            1.0,
            1e-13,
            "x^0.2",
        );
        let arcsine = std::f64::consts::FRAC_2_PI * x.sqrt().asin();
        assert_close(
            regularized_beta(0.5, 0.5, x, ln_beta(0.5, 0.5)) / arcsine,
            1.0,
            1e-13,
            "arcsine",
        );
    }
    assert_eq!(regularized_beta(2.0, 3.0, 0.0, ln_beta(2.0, 3.0)), 0.0);
    assert_eq!(regularized_beta(2.0, 3.0, 1.0, ln_beta(2.0, 3.0)), 1.0);
}

#[test]
fn reachable_range_covers_every_draw() {
    assert_eq!(parse("x = 5").reachable(), (5.0, 5.0));
    assert_eq!(
        parse("x = { triangular = [1, 2, 3] }").reachable(),
        (1.0, 3.0)
    );
    // Unbounded sides are evaluated at the extreme uniforms: 8.2 sd.
    let (lo, hi) = parse("x = { normal = [0, 1], min = -1 }").reachable();
    assert_eq!(lo, -1.0);
    assert!(hi > 8.1 && hi < 8.3, "{hi}");
    let (lo, hi) = parse("x = { normal = [0, 1] }").reachable();
    assert!(lo < -8.2 && lo > -8.4 && hi > 8.1, "{lo} {hi}");
    assert_eq!(lo, parse("x = { normal = [0, 1] }").quantile(SMALLEST_U));
    // A log-normal with mu = 800 overflows: reachable up to infinity.
    let (lo, hi) = parse("x = { lognormal = { mu = 800, sigma = 1 } }").reachable();
    assert_eq!(hi, f64::INFINITY);
    assert_eq!(lo, 0.0);
    let (_, hi) = parse("x = { lognormal = { mu = 0, sigma = 1 } }").reachable();
    assert!((hi.ln() - 8.2).abs() < 0.1, "{hi}");
    // Validation's range: the support, else the 99.99 % quantile.
    let d = parse("x = { lognormal = { mu = 0, sigma = 1 } }");
    let (lo, hi) = d.checked_range();
    assert_eq!((lo, hi), (0.0, d.quantile(TAIL_CHECK_U)));
    assert!((hi.ln() - 3.719).abs() < 1e-3, "{hi}");
    // A truncated normal's open side: its own (truncated) 0.01 % quantile.
    let d = parse("x = { normal = [0, 1], max = 2 }");
    let (lo, hi) = d.checked_range();
    assert_eq!((lo, hi), (d.quantile(1.0 - TAIL_CHECK_U), 2.0));
    assert!(lo < -3.7 && lo > -3.8, "{lo}");
    // The samplers' extremes.
    assert_eq!(SMALLEST_U, 0.5 / (1u64 << 53) as f64);
    let largest = LARGEST_U;
    assert!(largest < 1.0 && largest + f64::EPSILON / 2.0 >= 1.0);
}

#[test]
fn extreme_u_and_shapes_neither_panic_nor_hang() {
    // statrs' inv_beta_reg panics below p = 1e-162 and loops forever on
    // Beta(200, 3) at p = 1e-75; the solver here must do neither.
    let shapes = [
        (2.6, 3.4),
        (200.0, 3.0),
        (3.0, 200.0),
        (1000.0, 1000.0),
        (0.01, 0.01),
        (0.01, 5.0),
        (1.0, 101.0),
    ];
    let us = [
        5e-324,
        1e-300,
        1e-162,
        1e-75,
        1e-16,
        0.5,
        1.0 - 1e-16,
        1.0 - f64::EPSILON / 2.0,
    ];
    for (alpha, beta) in shapes {
        let d = Distribution::Beta {
            alpha,
            beta,
            min: 0.0,
            max: 1.0,
        };
        let mut prev = 0.0;
        for &u in &us {
            let x = d.quantile(u);
            assert!(
                (0.0..=1.0).contains(&x),
                "Beta({alpha}, {beta}) at {u}: {x}"
            );
            assert!(x >= prev, "Beta({alpha}, {beta}) not monotone at {u}");
            prev = x;
        }
    }
    let p = Distribution::Pert {
        min: 0.0,
        mode: 1.0,
        max: 100.0,
        lambda: 100.0,
    };
    assert!(p.quantile(1e-300) >= 0.0 && p.quantile(1.0 - 1e-16) <= 100.0);
}

#[test]
fn beta_quantile_keeps_relative_precision_in_the_tails() {
    // Beta(0.01, 1) has F = x^0.01: the 90 % point is 0.9^100 = 2.7e-5,
    // computed from the lower end although u > 0.5.
    let d = Distribution::Beta {
        alpha: 0.01,
        beta: 1.0,
        min: 0.0,
        max: 1.0,
    };
    for &u in &[1e-3f64, 0.1, 0.5, 0.9, 0.99, 0.999999] {
        let exact = u.powi(100);
        assert_close(
            d.quantile(u) / exact,
            1.0,
            1e-12,
            &format!("Beta(0.01, 1) at {u}"),
        );
    }
    // Beta(0.5, 0.5) is the arcsine law: F(x) = (2 / pi) asin(sqrt(x)),
    // so x = sin^2(pi u / 2); x is ~2.5e-20 at u = 1e-10.
    let d = Distribution::Beta {
        alpha: 0.5,
        beta: 0.5,
        min: 0.0,
        max: 1.0,
    };
    for &u in &GRID {
        let exact = (std::f64::consts::FRAC_PI_2 * u).sin().powi(2);
        assert_close(
            d.quantile(u) / exact,
            1.0,
            1e-12,
            &format!("arcsine at {u}"),
        );
    }
    // Beta(0.2, 1) has F(x) = x^0.2, so x = u^5 (1e-50 at u = 1e-10).
    let d = Distribution::Beta {
        alpha: 0.2,
        beta: 1.0,
        min: 0.0,
        max: 1.0,
    };
    for &u in &GRID {
        assert_close(
            d.quantile(u) / u.powi(5),
            1.0,
            1e-12,
            &format!("Beta(0.2, 1) at {u}"),
        );
    }
    // Upper tail near max, measured from max: Beta(1, 0.2) has 1 - F = (1 - x)^0.2.
    let d = Distribution::Beta {
        alpha: 1.0,
        beta: 0.2,
        min: 10.0,
        max: 20.0,
    };
    for &u in &GRID[7..] {
        let from_top = 10.0 * (1.0 - u).powi(5);
        assert!(
            ((20.0 - d.quantile(u)) - from_top).abs()
                <= 1e-12 * from_top + 4.0 * f64::EPSILON * 20.0,
            "Beta(1, 0.2) at {u}"
        );
    }
    // PERT with mode at min (Beta(1, 5)): F = 1 - (1 - x)^5 in the lower tail.
    let d = Distribution::pert(0.0, 0.0, 1.0);
    for &u in &GRID[..5] {
        let exact = -((-u).ln_1p() / 5.0).exp_m1();
        assert_close(
            d.quantile(u) / exact,
            1.0,
            1e-12,
            &format!("pert(0, 0, 1) at {u}"),
        );
    }
}

#[test]
fn standard_normal_quantile_is_exact() {
    // Reference values of the probit function (mpmath, 40 digits).
    for (p, z) in [
        (0.5, 0.0),
        (0.975, 1.959963984540054),
        (0.95, 1.6448536269514727),
        (0.3, -0.5244005127080407),
        (0.999, 3.090232306167813),
        (1e-10, -6.361340902404056),
        (1e-300, -37.047096299361199),
    ] {
        let got = std_normal_quantile(p);
        assert!(
            (got - z).abs() <= 1e-12 * z.abs().max(1.0),
            "probit({p}) = {got}, expected {z}"
        );
    }
    // And it inverts the CDF to ~1e-15 over the usual range.
    for &u in &GRID {
        let z = std_normal_quantile(u);
        assert!(
            (std_normal_cdf(z) - u).abs() <= 1e-14 * u.max(1e-3),
            "Phi(Phi^-1({u}))"
        );
    }
}

#[test]
fn uniform_and_triangular_quantiles_are_closed_form() {
    let uni = Distribution::Uniform {
        min: 80.0,
        max: 130.0,
    };
    let s_uni = SUniform::new(80.0, 130.0).unwrap();
    let tri = Distribution::Triangular {
        min: 80.0,
        mode: 100.0,
        max: 130.0,
    };
    let s_tri = STriangular::new(80.0, 130.0, 100.0).unwrap();
    for &u in &GRID {
        assert_close(uni.quantile(u), 80.0 + 50.0 * u, 1e-14, "uniform");
        assert_close(
            uni.quantile(u),
            s_uni.inverse_cdf(u),
            1e-12,
            "uniform vs statrs",
        );
        // F(x) = (x - a)^2 / ((b - a)(c - a)) below the mode, 1 - (b - x)^2 / ((b - a)(b - c)) above.
        let expected = if u <= 0.4 {
            80.0 + (u * 50.0 * 20.0).sqrt()
        } else {
            130.0 - ((1.0 - u) * 50.0 * 30.0).sqrt()
        };
        assert_close(tri.quantile(u), expected, 1e-14, "triangular");
        assert_close(
            tri.quantile(u),
            s_tri.inverse_cdf(u),
            1e-9,
            "triangular vs statrs",
        );
        assert!(
            (s_tri.cdf(tri.quantile(u)) - u).abs() < 1e-12,
            "triangular cdf round trip"
        );
    }
    assert_eq!(
        tri.quantile(0.4),
        100.0,
        "the mode sits at F = (c - a) / (b - a)"
    );
    // Modes at either end (right and left triangles).
    let left = Distribution::Triangular {
        min: 0.0,
        mode: 0.0,
        max: 1.0,
    };
    let right = Distribution::Triangular {
        min: 0.0,
        mode: 1.0,
        max: 1.0,
    };
    for &u in &GRID {
        assert_close(
            left.quantile(u),
            1.0 - (1.0 - u).sqrt(),
            1e-14,
            "left triangle",
        );
        assert_close(right.quantile(u), u.sqrt(), 1e-14, "right triangle");
    }
}

#[test]
fn pert_and_beta_quantiles_match_statrs_and_closed_forms() {
    // PERT(80, 100, 130): shapes 1 + 4 * 20/50 = 2.6 and 1 + 4 * 30/50 = 3.4.
    let pert = Distribution::pert(80.0, 100.0, 130.0);
    let s_beta = SBeta::new(2.6, 3.4).unwrap();
    for &u in &GRID {
        assert_close(
            pert.quantile(u),
            80.0 + 50.0 * s_beta.inverse_cdf(u),
            1e-9,
            "pert",
        );
        assert!(
            (s_beta.cdf((pert.quantile(u) - 80.0) / 50.0) - u).abs() < 1e-12,
            "pert cdf"
        );
    }
    // lambda = 0 is uniform; PERT(0, 0, 1) with lambda 1 is Beta(1, 2).
    let flat = Distribution::Pert {
        min: 2.0,
        mode: 3.0,
        max: 4.0,
        lambda: 0.0,
    };
    let left = Distribution::Pert {
        min: 0.0,
        mode: 0.0,
        max: 1.0,
        lambda: 1.0,
    };
    for &u in &GRID {
        assert_close(flat.quantile(u), 2.0 + 2.0 * u, 1e-12, "pert lambda 0");
        assert_close(
            left.quantile(u),
            1.0 - (1.0 - u).sqrt(),
            1e-12,
            "pert Beta(1, 2)",
        );
    }

    for (alpha, beta, min, max) in [
        (2.0, 5.0, 0.0, 1.0),
        (0.5, 0.5, 0.0, 1.0),
        (0.3, 4.0, 10.0, 20.0),
        (30.0, 2.0, -1.0, 1.0),
        (2.0, 1.0, 0.0, 1.0),
    ] {
        let d = Distribution::Beta {
            alpha,
            beta,
            min,
            max,
        };
        let s = SBeta::new(alpha, beta).unwrap();
        let unit = Distribution::Beta {
            alpha,
            beta,
            min: 0.0,
            max: 1.0,
        };
        for &u in &GRID {
            let x = d.quantile(u);
            assert_close(
                x,
                min + (max - min) * s.inverse_cdf(u),
                1e-9,
                "beta vs statrs",
            );
            assert_close(x, min + (max - min) * unit.quantile(u), 1e-14, "scaling");
            // On [0, 1] even the far tails invert the CDF to 1e-9 relative.
            let back = s.cdf(unit.quantile(u));
            assert!(
                (back - u).abs() <= 1e-9 * u,
                "Beta({alpha}, {beta}) cdf(q({u})) = {back}"
            );
        }
    }
    // Closed forms independent of statrs: Beta(2, 1) has F = x^2; Beta(2, 2) has F = 3x^2 - 2x^3.
    let b21 = Distribution::Beta {
        alpha: 2.0,
        beta: 1.0,
        min: 0.0,
        max: 1.0,
    };
    let b22 = Distribution::Beta {
        alpha: 2.0,
        beta: 2.0,
        min: 0.0,
        max: 1.0,
    };
    for &u in &GRID {
        assert_close(b21.quantile(u), u.sqrt(), 1e-12, "Beta(2, 1)");
        let x = b22.quantile(u);
        assert!(
            (3.0 * x * x - 2.0 * x * x * x - u).abs() < 1e-13,
            "Beta(2, 2) at {u}"
        );
    }
}

#[test]
fn normal_and_lognormal_quantiles_match_statrs() {
    let n = Distribution::Normal {
        mean: 1000.0,
        sd: 300.0,
        min: None,
        max: None,
    };
    let s_n = SNormal::new(1000.0, 300.0).unwrap();
    let ln = Distribution::LogNormal {
        mu: 4.6,
        sigma: 0.3,
    };
    let s_ln = SLogNormal::new(4.6, 0.3).unwrap();
    for &u in &GRID {
        assert_close(n.quantile(u), s_n.inverse_cdf(u), 1e-12, "normal");
        assert_close(ln.quantile(u), s_ln.inverse_cdf(u), 1e-9, "lognormal");
        assert_close(
            ln.quantile(u),
            (4.6 + 0.3 * std_normal_quantile(u)).exp(),
            1e-14,
            "lognormal",
        );
    }
    assert_close(ln.quantile(0.5), 4.6f64.exp(), 1e-15, "lognormal median");
    assert_close(
        n.quantile(0.975),
        1000.0 + 300.0 * 1.959963984540054,
        1e-14,
        "normal 97.5 %",
    );
}

#[test]
fn truncated_normal_quantile_matches_the_formula_and_stays_stable_in_tails() {
    // Moderate truncation: the textbook formula with statrs is accurate.
    for (mean, sd, lo, hi) in [
        (100.0, 30.0, Some(0.0), None),
        (0.4, 0.1, Some(0.0), Some(1.0)),
        (5.0, 2.0, None, Some(4.0)),
        (0.0, 1.0, Some(-1.0), Some(2.0)),
    ] {
        let d = Distribution::Normal {
            mean,
            sd,
            min: lo,
            max: hi,
        };
        let s = SNormal::new(mean, sd).unwrap();
        let fa = lo.map_or(0.0, |x| s.cdf(x));
        let fb = hi.map_or(1.0, |x| s.cdf(x));
        for &u in &GRID[2..GRID.len() - 1] {
            let expected = s.inverse_cdf(fa + u * (fb - fa));
            assert_close(d.quantile(u), expected, 1e-9, &format!("{d:?} at {u}"));
        }
    }
    // Far upper tail: Phi(8) rounds to 1, so the textbook formula would
    // fail. Check through the survival function instead.
    let d = Distribution::Normal {
        mean: 0.0,
        sd: 1.0,
        min: Some(8.0),
        max: None,
    };
    let sa = std_normal_sf(8.0);
    for &u in &GRID {
        let x = d.quantile(u);
        assert!(x >= 8.0);
        let fraction_below = (sa - std_normal_sf(x)) / sa;
        assert!(
            (fraction_below - u).abs() < 1e-9 * u.max(1e-3),
            "tail u {u}: x {x}, F {fraction_below}"
        );
    }
    // Mean of N(0, 1) truncated to [8, inf) is phi(8) / Q(8) = 8.1211... (Mills ratio).
    assert_close(d.mean(), std_normal_pdf(8.0) / sa, 1e-14, "far-tail mean");
    assert!(d.mean() > 8.12 && d.mean() < 8.125);
    // Far lower tail, two-sided.
    let d = Distribution::Normal {
        mean: 0.0,
        sd: 1.0,
        min: Some(-12.0),
        max: Some(-10.0),
    };
    let (ca, cb) = (std_normal_cdf(-12.0), std_normal_cdf(-10.0));
    for &u in &GRID {
        let x = d.quantile(u);
        let frac = (std_normal_cdf(x) - ca) / (cb - ca);
        assert!(
            (frac - u).abs() < 1e-9 * u.max(1e-3),
            "lower tail u {u}: {frac}"
        );
    }
}

#[test]
fn discrete_quantile_is_the_smallest_value_reaching_u() {
    let d = parse("x = { discrete = [30, 10, 20], weights = [0.5, 0.2, 0.3] }");
    // Sorted: 10 (0.2), 20 (0.3), 30 (0.5): cumulative 0.2, 0.5, 1.0.
    for (u, v) in [
        (1e-12, 10.0),
        (0.1, 10.0),
        (0.2, 10.0),
        (0.2000001, 20.0),
        (0.5, 20.0),
        (0.50001, 30.0),
        (0.999999, 30.0),
        (1.0, 30.0),
    ] {
        assert_eq!(d.quantile(u), v, "u = {u}");
    }
    // Zero weights are never drawn.
    let z = parse("x = { discrete = [1, 2, 3], weights = [0, 1, 0] }");
    for u in [0.0, 1e-15, 0.5, 1.0] {
        assert_eq!(z.quantile(u), 2.0);
    }
}

// ---------------------------------------------------- sampling checks

/// Draws `n` values through `quantile` with open-interval uniforms.
fn draw(d: &Distribution, n: usize, seed: u64) -> Vec<f64> {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    (0..n)
        .map(|_| d.quantile(rng.sample::<f64, _>(Open01)))
        .collect()
}

const N: usize = 200_000;

/// Sample mean within 4 standard errors of `mean()`, and empirical 5 %,
/// 50 %, 95 % quantiles checked against an independent reference CDF.
///
/// Tolerance for the quantiles: if x̂ is the k-th order statistic with
/// k = ceil(p n), then F(x̂) is Beta(k, n + 1 − k) distributed with
/// standard deviation sqrt(p (1 − p) / n) (4.9e-4 at p = 0.05, 1.1e-3 at
/// p = 0.5 for n = 200,000). Requiring |F(x̂) − p| < 5 of those (+1/n
/// for the discreteness of k) makes a false failure a < 1e-6 event while
/// still catching any error in the quantile function larger than about
/// 0.25 percentage points of probability. Measuring in probability
/// space makes one tolerance valid for every distribution.
fn check_sampling(d: &Distribution, reference_cdf: impl Fn(f64) -> f64, seed: u64) {
    let mut xs = draw(d, N, seed);
    let n = N as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let se = (var / n).sqrt();
    assert!(
        (mean - d.mean()).abs() <= 4.0 * se + 1e-12 * d.mean().abs(),
        "{}: sample mean {mean} vs mean() {} (4 SE = {})",
        d.describe(),
        d.mean(),
        4.0 * se
    );
    xs.sort_by(f64::total_cmp);
    let (lo, hi) = d.support();
    assert!(
        xs[0] >= lo && xs[N - 1] <= hi,
        "{}: draws outside support",
        d.describe()
    );
    for p in [0.05, 0.5, 0.95] {
        let k = (p * n).ceil() as usize;
        let x_hat = xs[k - 1];
        let tol = 5.0 * (p * (1.0 - p) / n).sqrt() + 1.0 / n;
        let f = reference_cdf(x_hat);
        assert!(
            (f - p).abs() < tol,
            "{}: empirical {p} quantile {x_hat} has reference F = {f} (tol {tol})",
            d.describe()
        );
        // And the exact quantile itself sits at probability p.
        assert!(
            (reference_cdf(d.quantile(p)) - p).abs() < 1e-9,
            "{}: F(q({p}))",
            d.describe()
        );
    }
}

#[test]
fn sampling_uniform_triangular() {
    let s = SUniform::new(80.0, 130.0).unwrap();
    check_sampling(
        &Distribution::Uniform {
            min: 80.0,
            max: 130.0,
        },
        |x| s.cdf(x),
        1,
    );
    let s = STriangular::new(80.0, 130.0, 100.0).unwrap();
    check_sampling(
        &parse("x = { triangular = [80, 100, 130] }"),
        |x| s.cdf(x),
        2,
    );
}

#[test]
fn sampling_pert_beta() {
    let s = SBeta::new(2.6, 3.4).unwrap();
    check_sampling(
        &parse("x = { pert = [80, 100, 130] }"),
        |x| s.cdf((x - 80.0) / 50.0),
        3,
    );
    // lambda 6: shapes 1 + 6 * 0.1 = 1.6 and 1 + 6 * 0.9 = 6.4.
    let s = SBeta::new(1.6, 6.4).unwrap();
    check_sampling(
        &parse("x = { pert = [0, 1, 10], lambda = 6 }"),
        |x| s.cdf(x / 10.0),
        4,
    );
    let s = SBeta::new(0.5, 2.0).unwrap();
    check_sampling(
        &parse("x = { beta = [0.5, 2], min = 10, max = 20 }"),
        |x| s.cdf((x - 10.0) / 10.0),
        5,
    );
}

#[test]
fn sampling_normal_lognormal() {
    let s = SNormal::new(1000.0, 300.0).unwrap();
    check_sampling(&parse("x = { normal = [1000, 300] }"), |x| s.cdf(x), 6);
    // Truncated at 0 with sd = mean: a quarter-sized chunk is cut off.
    let s = SNormal::new(100.0, 100.0).unwrap();
    let f0 = s.cdf(0.0);
    check_sampling(
        &parse("x = { normal = [100, 100], min = 0 }"),
        |x| (s.cdf(x) - f0) / (1.0 - f0),
        7,
    );
    let s = SNormal::new(0.4, 0.3).unwrap();
    let (fa, fb) = (s.cdf(0.0), s.cdf(1.0));
    check_sampling(
        &parse("x = { normal = [0.4, 0.3], min = 0, max = 1 }"),
        |x| (s.cdf(x) - fa) / (fb - fa),
        8,
    );
    let Distribution::LogNormal { mu, sigma } = parse("x = { lognormal = [100, 30] }") else {
        unreachable!()
    };
    let s = SLogNormal::new(mu, sigma).unwrap();
    check_sampling(&Distribution::LogNormal { mu, sigma }, |x| s.cdf(x), 9);
    let d = parse("x = { ci90 = [80, 130] }");
    let Distribution::LogNormal { mu, sigma } = d else {
        unreachable!()
    };
    let s = SLogNormal::new(mu, sigma).unwrap();
    check_sampling(&d, |x| s.cdf(x), 10);
    // The interval really is the 5th to 95th percentile.
    assert_close(
        std_normal_cdf((80f64.ln() - mu) / sigma),
        0.05,
        1e-14,
        "F(80)",
    );
    assert_close(
        std_normal_sf((130f64.ln() - mu) / sigma),
        0.05,
        1e-13,
        "1 - F(130)",
    );
}

#[test]
fn sampling_discrete() {
    let d = parse("x = { discrete = [1, 2, 3, 4], weights = [0.02, 0.3, 0.6, 0.08] }");
    let mut xs = draw(&d, N, 11);
    let n = N as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let sd = (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
    assert_close(d.mean(), 2.74, 1e-14, "discrete mean");
    assert!(
        (mean - 2.74).abs() < 4.0 * sd / n.sqrt(),
        "sample mean {mean}"
    );
    // Cumulative 0.02, 0.32, 0.92, 1.0: the 5 %, 50 %, 95 % quantiles
    // are 2, 3, 4 and every step is > 50 standard errors away from p,
    // so the empirical quantiles must equal them exactly.
    xs.sort_by(f64::total_cmp);
    for (p, v) in [(0.05, 2.0), (0.5, 3.0), (0.95, 4.0)] {
        assert_eq!(xs[(p * n).ceil() as usize - 1], v);
        assert_eq!(d.quantile(p), v);
    }
    // Observed frequencies within 5 binomial SE of the weights.
    for (v, w) in [(1.0, 0.02), (2.0, 0.3), (3.0, 0.6), (4.0, 0.08)] {
        let freq = xs.iter().filter(|&&x| x == v).count() as f64 / n;
        assert!(
            (freq - w).abs() < 5.0 * (w * (1.0 - w) / n).sqrt(),
            "frequency of {v}: {freq}"
        );
    }
}

// ------------------------------------------------------- monotonicity

#[test]
fn quantile_is_non_decreasing_on_a_fine_grid() {
    let dists = [
        parse("x = { uniform = [80, 130] }"),
        parse("x = { triangular = [80, 100, 130] }"),
        parse("x = { pert = [80, 100, 130] }"),
        parse("x = { pert = [0, 0, 1] }"),
        parse("x = { normal = [1000, 300] }"),
        parse("x = { normal = [100, 100], min = 0, max = 250 }"),
        parse("x = { normal = [0, 1], min = 3 }"),
        parse("x = { lognormal = [100, 30] }"),
        parse("x = { beta = [0.5, 0.5] }"),
        parse("x = { beta = [0.2, 3], min = 10, max = 20 }"),
        parse("x = { discrete = [1, 2, 3], weights = [0.2, 0.5, 0.3] }"),
    ];
    for d in &dists {
        let mut prev = f64::NEG_INFINITY;
        for i in 1..20_000 {
            let u = i as f64 / 20_000.0;
            let x = d.quantile(u);
            assert!(x >= prev, "{}: q({u}) = {x} < {prev}", d.describe());
            prev = x;
        }
    }
}

fn arb_distribution() -> impl proptest::strategy::Strategy<Value = Distribution> {
    use proptest::prelude::*;
    prop_oneof![
        (-1e3..1e3f64, 1e-3..1e3f64)
            .prop_map(|(a, w)| Distribution::Uniform { min: a, max: a + w }),
        (-1e3..1e3f64, 0.0..=1.0f64, 1e-3..1e3f64).prop_map(|(a, f, w)| {
            Distribution::Triangular {
                min: a,
                mode: a + f * w,
                max: a + w,
            }
        }),
        (-1e3..1e3f64, 0.0..=1.0f64, 1e-3..1e3f64, 0.0..20.0f64).prop_map(|(a, f, w, l)| {
            Distribution::Pert {
                min: a,
                mode: a + f * w,
                max: a + w,
                lambda: l,
            }
        }),
        (
            -1e3..1e3f64,
            1e-3..1e3f64,
            proptest::option::of(-3.0..0.0f64),
            proptest::option::of(0.1..3.0f64)
        )
            .prop_map(|(m, s, lo, hi)| Distribution::Normal {
                mean: m,
                sd: s,
                min: lo.map(|z| m + z * s),
                max: hi.map(|z| m + z * s)
            }),
        (-5.0..5.0f64, 0.0..2.0f64).prop_map(|(mu, sigma)| Distribution::LogNormal { mu, sigma }),
        (0.1..20.0f64, 0.1..20.0f64).prop_map(|(a, b)| Distribution::Beta {
            alpha: a,
            beta: b,
            min: 0.0,
            max: 1.0
        }),
        proptest::collection::vec((-1e3..1e3f64, 0.0..1.0f64), 1..8).prop_filter_map(
            "positive weights",
            |pairs| {
                let (v, w): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
                Distribution::discrete(v, Some(w)).ok()
            }
        ),
    ]
}

proptest::proptest! {
    #[test]
    fn quantile_is_monotone_and_within_support(
        d in arb_distribution(),
        u1 in 1e-9..(1.0 - 1e-9),
        u2 in 1e-9..(1.0 - 1e-9),
    ) {
        proptest::prop_assert!(d.validate().is_ok(), "{:?}", d.validate());
        let (lo_u, hi_u) = if u1 <= u2 { (u1, u2) } else { (u2, u1) };
        let (a, b) = (d.quantile(lo_u), d.quantile(hi_u));
        proptest::prop_assert!(a <= b, "{}: q({}) = {} > q({}) = {}", d.describe(), lo_u, a, hi_u, b);
        let (s_lo, s_hi) = d.support();
        proptest::prop_assert!(a >= s_lo && b <= s_hi, "{}: outside support", d.describe());
        proptest::prop_assert!(a.is_finite() && b.is_finite());
    }
}
