//! What the simulation adds on: calibration period, volume noise and rank
//! correlations between uncertain inputs.

use super::*;

/// `[calibration]`: the months the mix was observed, within the horizon.
pub(super) fn build_calibration(
    b: &Builder,
    m: &Merged,
    base_year: i32,
    end_year: i32,
) -> R<Option<(usize, usize)>> {
    Ok(match &m.calibration {
        Some(c) => {
            let v = c.value.get_ref();
            let what = "calibration mix_observed_from";
            let from = b.month(c.file, &v.mix_observed_from, base_year, end_year, what)?;
            let to = match &v.mix_observed_to {
                Some(t) => {
                    let what = "calibration mix_observed_to";
                    let to = b.month(c.file, t, base_year, end_year, what)?;
                    if to < from {
                        return Err(b
                            .err(c.file, t.span(), format!("mix_observed_to {} is before mix_observed_from {}", t.get_ref(), v.mix_observed_from.get_ref()))
                            .with_help("the period runs from mix_observed_from to mix_observed_to, both included"));
                    }
                    to
                }
                None => from,
            };
            Some((from, to))
        }
        None => None,
    })
}

/// `[noise]`: month-to-month volume noise, 0 without.
pub(super) fn build_noise(b: &Builder, m: &Merged) -> R<f64> {
    Ok(match &m.noise {
        Some(n) => {
            let v = n.value.get_ref();
            let sd = *v.volume_relative_sd.get_ref();
            if !(0.0..=1.0).contains(&sd) {
                return Err(b
                    .err(
                        n.file,
                        v.volume_relative_sd.span(),
                        format!("volume_relative_sd {sd} must be between 0 and 1"),
                    )
                    .with_help(
                        "e.g. 0.05 for month-to-month noise of 5 % around the expected volume",
                    ));
            }
            sd
        }
        None => 0.0,
    })
}

/// `[[correlations]]` between uncertain inputs, which must hold together.
pub(super) fn build_correlations(b: &Builder, m: &Merged) -> R<Vec<Correlation>> {
    let mut correlations = Vec::new();
    for c in &m.correlations {
        let v = c.value.get_ref();
        let names = v.inputs.get_ref();
        if names.len() != 2 {
            return Err(b.err(
                c.file,
                v.inputs.span(),
                "a correlation names exactly two inputs",
            ));
        }
        // Correlations name inputs as their keys are written.
        let find = |n: &str| b.inputs.iter().position(|i| i.key.to_string() == n);
        let ids: Vec<usize> = names
            .iter()
            .map(|n| {
                find(n).ok_or_else(|| {
                    b.err(
                        c.file,
                        v.inputs.span(),
                        format!("\"{n}\" is not an uncertain input"),
                    )
                    .with_help("`channelshift check` lists the keys of the uncertain inputs")
                })
            })
            .collect::<R<_>>()?;
        let rho = *v.rank_correlation.get_ref();
        if !(-1.0..=1.0).contains(&rho) || ids[0] == ids[1] {
            return Err(b.err(
                c.file,
                v.rank_correlation.span(),
                format!("rank_correlation {rho} must be in [-1, 1] between two different inputs"),
            ));
        }
        correlations.push(Correlation {
            a: ids[0],
            b: ids[1],
            rho,
        });
    }

    if !correlations.is_empty() {
        let (ids, mtx) = crate::correlation::matrix(&correlations);
        if let Err(i) = crate::correlation::cholesky(&mtx) {
            let c = &m.correlations[0];
            return Err(b
                .err(c.file, c.value.span(), format!("the declared rank correlations cannot hold together (the matrix is not positive definite at input {})", b.inputs[ids[i]].key))
                .with_help("weaken the correlations: e.g. if a and b, and b and c, are strongly positive, a and c cannot be strongly negative"));
        }
    }
    Ok(correlations)
}
