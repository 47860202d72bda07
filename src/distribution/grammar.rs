//! The TOML forms of a distribution (see the module docs): reading them,
//! with every problem named and located, and writing them back.

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::*;

impl Distribution {
    /// Builds a distribution from the entries of a TOML/serde table,
    /// validating it; errors name the problem and list the accepted forms.
    fn from_entries(entries: &[(String, Raw)]) -> Result<Self, String> {
        let mut kind: Option<(&str, &Raw)> = None;
        let mut lambda = None;
        let mut min = None;
        let mut max = None;
        let mut weights = None;
        for (key, raw) in entries {
            match key.as_str() {
                k if DIST_KEYS.contains(&k) => {
                    if let Some((prev, _)) = kind {
                        let (first, second) = if prev < k { (prev, k) } else { (k, prev) };
                        return Err(format!(
                            "`{first}` and `{second}` are both given, but an input has exactly \
                             one distribution: keep only one of them; {ACCEPTED_FORMS}"
                        ));
                    }
                    kind = Some((k, raw));
                }
                "lambda" => lambda = Some(raw),
                "min" => min = Some(raw),
                "max" => max = Some(raw),
                "weights" => weights = Some(raw),
                other => {
                    let known = DIST_KEYS.iter().chain(&["lambda", "min", "max", "weights"]);
                    let hint = match closest_key(other, known.copied()) {
                        Some(key) => format!("did you mean `{key}`? Otherwise check the spelling"),
                        None => "check the spelling".to_string(),
                    };
                    return Err(format!(
                        "unknown key `{other}` in a distribution table: {hint}; {ACCEPTED_FORMS}"
                    ));
                }
            }
        }
        let Some((name, raw)) = kind else {
            let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
            return Err(format!(
                "no distribution given (the table has only {}): add one of uniform, triangular, \
                 pert, normal, lognormal, beta, discrete or ci90; {ACCEPTED_FORMS}",
                if keys.is_empty() {
                    "no keys".to_string()
                } else {
                    keys.join(", ")
                }
            ));
        };
        for (key, raw) in entries {
            if let Some(bad) = raw.numbers().find(|x| !x.is_finite()) {
                return Err(format!(
                    "`{key}` contains {bad}, but every number must be finite: write ordinary \
                     numbers (leave out min or max for an unbounded side)"
                ));
            }
        }
        let allowed: &[&str] = match name {
            "pert" => &["lambda"],
            "normal" | "beta" => &["min", "max"],
            "discrete" => &["weights"],
            _ => &[],
        };
        for (key, _) in entries {
            let k = key.as_str();
            if k != name && !allowed.contains(&k) {
                return Err(format!(
                    "`{k}` does not apply to {name} (lambda belongs to pert, min and max to \
                     normal and beta, weights to discrete): remove it; {ACCEPTED_FORMS}"
                ));
            }
        }
        let lambda = option_number("lambda", lambda)?;
        let min = option_number("min", min)?;
        let max = option_number("max", max)?;
        let d = match name {
            "uniform" => {
                let [min, max] = fixed_list(name, raw, "[min, max]")?;
                Distribution::Uniform { min, max }
            }
            "triangular" => {
                let [min, mode, max] = fixed_list(name, raw, "[min, mode, max]")?;
                Distribution::Triangular { min, mode, max }
            }
            "pert" => {
                let [min, mode, max] = fixed_list(name, raw, "[min, mode, max]")?;
                Distribution::Pert {
                    min,
                    mode,
                    max,
                    lambda: lambda.unwrap_or(DEFAULT_PERT_LAMBDA),
                }
            }
            "normal" => {
                let [mean, sd] = fixed_list(name, raw, "[mean, sd]")?;
                Distribution::Normal { mean, sd, min, max }
            }
            "lognormal" => match raw {
                Raw::Table(pairs) => {
                    let mut mu = None;
                    let mut sigma = None;
                    for (k, v) in pairs {
                        match k.as_str() {
                            "mu" => mu = Some(*v),
                            "sigma" => sigma = Some(*v),
                            other => {
                                let hint = closest_key(other, ["mu", "sigma"])
                                    .map(|k| format!("did you mean `{k}`? "))
                                    .unwrap_or_default();
                                return Err(format!(
                                    "unknown key `{other}` in lognormal: {hint}the table form is \
                                     {{ lognormal = {{ mu = .., sigma = .. }} }} with mu and \
                                     sigma of ln X; {ACCEPTED_FORMS}"
                                ));
                            }
                        }
                    }
                    match (mu, sigma) {
                        (Some(mu), Some(sigma)) => Distribution::LogNormal { mu, sigma },
                        _ => {
                            return Err(format!(
                                "lognormal table needs both mu and sigma: write \
                                 {{ lognormal = {{ mu = .., sigma = .. }} }}; {ACCEPTED_FORMS}"
                            ))
                        }
                    }
                }
                _ => {
                    let [mean, sd] = fixed_list(name, raw, "[mean, sd]")?;
                    Distribution::lognormal_from_mean_sd(mean, sd)?
                }
            },
            "beta" => {
                let [alpha, beta] = fixed_list(name, raw, "[alpha, beta]")?;
                Distribution::Beta {
                    alpha,
                    beta,
                    min: min.unwrap_or(0.0),
                    max: max.unwrap_or(1.0),
                }
            }
            "discrete" => {
                let Raw::List(values) = raw else {
                    return Err(format!(
                        "discrete takes a list of values [v1, v2, ...], got {}; {ACCEPTED_FORMS}",
                        raw.kind()
                    ));
                };
                let weights = match weights {
                    None => None,
                    Some(Raw::List(w)) => Some(w.clone()),
                    Some(other) => {
                        return Err(format!(
                            "weights must be a list of numbers [w1, w2, ...], got {}; \
                             {ACCEPTED_FORMS}",
                            other.kind()
                        ))
                    }
                };
                Distribution::discrete(values.clone(), weights)?
            }
            "ci90" => {
                let [low, high] = fixed_list(name, raw, "[low, high]")?;
                Distribution::ci90(low, high)?
            }
            _ => unreachable!("all distribution keys are handled"),
        };
        d.validate()?;
        Ok(d)
    }
}

impl<'de> Deserialize<'de> for Distribution {
    /// Reads the TOML forms described in the module docs and validates the
    /// result, so a bad input is reported with its line and column.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DistVisitor;
        impl<'de> Visitor<'de> for DistVisitor {
            type Value = Distribution;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "a number or a distribution table such as \
                     {{ triangular = [80, 100, 130] }} ({ACCEPTED_FORMS})"
                )
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Distribution, E> {
                Ok(Distribution::Fixed(v as f64))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Distribution, E> {
                Ok(Distribution::Fixed(v as f64))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Distribution, E> {
                let d = Distribution::Fixed(v);
                d.validate().map_err(E::custom)?;
                Ok(d)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Distribution, A::Error> {
                let mut entries: Vec<(String, Raw)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let raw = map.next_value::<Raw>()?;
                    entries.push((key, raw));
                }
                Distribution::from_entries(&entries).map_err(de::Error::custom)
            }
        }
        deserializer.deserialize_any(DistVisitor)
    }
}

impl Serialize for Distribution {
    /// Writes the same forms the deserializer reads (log-normals in the
    /// `{ mu, sigma }` table form), so scenarios can be saved and re-read
    /// unchanged.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct MuSigma {
            mu: f64,
            sigma: f64,
        }
        match *self {
            Distribution::Fixed(v) => serializer.serialize_f64(v),
            Distribution::Uniform { min, max } => {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry("uniform", &[min, max])?;
                m.end()
            }
            Distribution::Triangular { min, mode, max } => {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry("triangular", &[min, mode, max])?;
                m.end()
            }
            Distribution::Pert {
                min,
                mode,
                max,
                lambda,
            } => {
                let mut m = serializer.serialize_map(Some(2))?;
                m.serialize_entry("pert", &[min, mode, max])?;
                m.serialize_entry("lambda", &lambda)?;
                m.end()
            }
            Distribution::Normal { mean, sd, min, max } => {
                let mut m = serializer.serialize_map(None)?;
                m.serialize_entry("normal", &[mean, sd])?;
                if let Some(lo) = min {
                    m.serialize_entry("min", &lo)?;
                }
                if let Some(hi) = max {
                    m.serialize_entry("max", &hi)?;
                }
                m.end()
            }
            Distribution::LogNormal { mu, sigma } => {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry("lognormal", &MuSigma { mu, sigma })?;
                m.end()
            }
            Distribution::Beta {
                alpha,
                beta,
                min,
                max,
            } => {
                let mut m = serializer.serialize_map(Some(3))?;
                m.serialize_entry("beta", &[alpha, beta])?;
                m.serialize_entry("min", &min)?;
                m.serialize_entry("max", &max)?;
                m.end()
            }
            Distribution::Discrete {
                ref values,
                ref weights,
            } => {
                let mut m = serializer.serialize_map(Some(2))?;
                m.serialize_entry("discrete", values)?;
                m.serialize_entry("weights", weights)?;
                m.end()
            }
        }
    }
}

/// A value inside a distribution table before interpretation.
#[derive(Debug)]
enum Raw {
    Num(f64),
    List(Vec<f64>),
    Table(Vec<(String, f64)>),
}

impl Raw {
    fn numbers(&self) -> Box<dyn Iterator<Item = f64> + '_> {
        match self {
            Raw::Num(x) => Box::new(std::iter::once(*x)),
            Raw::List(v) => Box::new(v.iter().copied()),
            Raw::Table(v) => Box::new(v.iter().map(|(_, x)| *x)),
        }
    }

    fn kind(&self) -> String {
        match self {
            Raw::Num(x) => format!("the single number {x}"),
            Raw::List(v) => format!("a list of {} numbers", v.len()),
            Raw::Table(_) => "a table".to_string(),
        }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = Raw;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a number, a list of numbers such as [80, 100, 130], \
                     or a table of numbers such as { mu = 4.6, sigma = 0.3 }",
                )
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
                Ok(Raw::Num(v as f64))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
                Ok(Raw::Num(v as f64))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
                Ok(Raw::Num(v))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(3));
                while let Some(x) = seq.next_element::<f64>()? {
                    out.push(x);
                }
                Ok(Raw::List(out))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<f64>()?;
                    out.push((key, value));
                }
                Ok(Raw::Table(out))
            }
        }
        deserializer.deserialize_any(RawVisitor)
    }
}

/// The list of exactly `N` numbers that distribution `name` takes.
/// The key of `known` closest to the misspelt `unknown`, if one is close
/// enough to be a typo: Jaro-Winkler similarity of at least 0.8 (with 0.1
/// more when one is a prefix of the other), as misspelt scenario keys get
/// (`scenario::load`). Case is ignored, so `Normal` suggests `normal`.
fn closest_key<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = unknown.to_lowercase();
    known
        .into_iter()
        .map(|k| {
            let prefix = k.starts_with(&lower) || lower.starts_with(k);
            let score = strsim::jaro_winkler(&lower, k) + if prefix { 0.1 } else { 0.0 };
            (score, k)
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

fn fixed_list<const N: usize>(name: &str, raw: &Raw, shape: &str) -> Result<[f64; N], String> {
    if let Raw::List(v) = raw {
        if let Ok(arr) = <[f64; N]>::try_from(v.as_slice()) {
            return Ok(arr);
        }
    }
    Err(format!(
        "{name} takes a list of {N} numbers {shape}, got {}; {ACCEPTED_FORMS}",
        raw.kind()
    ))
}

/// An optional option (`lambda`, `min`, `max`) that must be a single number.
fn option_number(name: &str, raw: Option<&Raw>) -> Result<Option<f64>, String> {
    match raw {
        None => Ok(None),
        Some(Raw::Num(x)) => Ok(Some(*x)),
        Some(other) => Err(format!(
            "{name} must be a single number, got {}: write e.g. {name} = 0; {ACCEPTED_FORMS}",
            other.kind()
        )),
    }
}

pub(super) fn finite(name: &str, xs: &[f64]) -> Result<(), String> {
    match xs.iter().find(|x| !x.is_finite()) {
        None => Ok(()),
        Some(bad) => Err(format!(
            "{name} needs finite numbers, got {bad}: write ordinary numbers"
        )),
    }
}

pub(super) fn three_point(name: &str, min: f64, mode: f64, max: f64) -> Result<(), String> {
    if min <= mode && mode <= max {
        Ok(())
    } else {
        Err(format!(
            "{name} needs min <= mode <= max, got [{min}, {mode}, {max}]: put the most likely \
             value between the smallest and the largest"
        ))
    }
}

pub(super) fn check_weights(weights: &[f64]) -> Result<(), String> {
    if let Some(w) = weights.iter().find(|w| !(w.is_finite() && **w >= 0.0)) {
        return Err(format!(
            "discrete weights must be finite and >= 0, got {w}: use relative frequencies such \
             as [0.3, 0.7] or [3, 7]"
        ));
    }
    if !weights.iter().sum::<f64>().is_finite() {
        return Err(
            "discrete weights sum to infinity: use relative frequencies such as [0.3, 0.7] \
             or [3, 7]"
                .to_string(),
        );
    }
    if weights.iter().sum::<f64>() <= 0.0 {
        return Err(format!(
            "discrete weights are all zero, got {weights:?}: give at least one value a \
             positive weight"
        ));
    }
    Ok(())
}
