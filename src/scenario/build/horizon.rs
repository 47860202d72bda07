//! The horizon (`[horizon]`) and the simulation's defaults (`[simulation]`).

use super::*;

/// The years a scenario runs over.
pub(super) struct Horizon {
    pub(super) base_year: i32,
    pub(super) end_year: i32,
    /// Months from January of `base_year` to December of `end_year`.
    pub(super) n_months: usize,
}

/// What `[simulation]` sets, each `None` when not given.
pub(super) struct SimulationDefaults {
    pub(super) trials: Option<u64>,
    pub(super) seed: Option<u64>,
    pub(super) correlation: Option<crate::sampling::CorrelationMethod>,
    pub(super) sampling: Option<crate::sampling::Method>,
}

/// `[horizon]`: `base_year` and `end_year` (default 2015), checked.
pub(super) fn build_horizon(b: &Builder, m: &Merged) -> R<Horizon> {
    let (sources, top) = (b.sources, m.top);
    let horizon = m.horizon.as_ref().ok_or_else(|| {
        sources
            .error_in(top, "missing [horizon]")
            .with_help("add [horizon] with base_year = 2011 (end_year defaults to 2015)")
    })?;
    let hf = horizon.file;
    let h = horizon.value.get_ref();
    let base_year = *h.base_year.get_ref();
    let end_year = h.end_year.as_ref().map(|e| *e.get_ref()).unwrap_or(2015);
    if !(1990..=2100).contains(&base_year) {
        return Err(b.err(
            hf,
            h.base_year.span(),
            format!("base_year {base_year} is not a plausible year"),
        ));
    }
    if end_year < base_year || end_year > base_year + 50 {
        let span = h
            .end_year
            .as_ref()
            .map(|e| e.span())
            .unwrap_or(h.base_year.span());
        return Err(b
            .err(
                hf,
                span,
                format!(
                    "end_year {end_year} must be between base_year {base_year} and {}",
                    base_year + 50
                ),
            )
            .with_help("the horizon runs from January of base_year to December of end_year"));
    }
    let (base_year, end_year) = (base_year as i32, end_year as i32);
    let n_years = (end_year - base_year + 1) as usize;
    let n_months = n_years * 12;
    Ok(Horizon {
        base_year,
        end_year,
        n_months,
    })
}

/// `[simulation]`: trials, seed, correlation and sampling method, checked.
pub(super) fn build_simulation_defaults(b: &Builder, m: &Merged) -> R<SimulationDefaults> {
    let (default_trials, default_seed) = match &m.simulation {
        Some(s) => {
            let v = s.value.get_ref();
            let t = v.trials.as_ref().map(|t| (*t.get_ref(), t.span()));
            if let Some((t, span)) = &t {
                if *t < 1 {
                    return Err(b.err(s.file, span.clone(), "trials must be at least 1"));
                }
                if *t > limits::TRIALS {
                    return Err(b
                        .err(
                            s.file,
                            span.clone(),
                            format!(
                                "trials = {t} is above the limit of {} trials",
                                limits::TRIALS
                            ),
                        )
                        .with_help(
                            "10,000 trials are usually plenty; run with --precision 1% to \
                             stop once the mean is precise enough",
                        ));
                }
            }
            if let Some(seed) = &v.seed {
                if *seed.get_ref() < 0 {
                    return Err(b.err(
                        s.file,
                        seed.span(),
                        "seed must be 0 or a positive whole number",
                    ));
                }
            }
            let seed = v.seed.as_ref().map(|s| *s.get_ref() as u64);
            (t.map(|(t, _)| t as u64), seed)
        }
        None => (None, None),
    };
    let default_correlation = match &m.simulation {
        Some(s) => match &s.value.get_ref().correlation {
            Some(text) => Some(
                crate::sampling::CorrelationMethod::parse(text.get_ref()).ok_or_else(|| {
                    b.err(
                        s.file,
                        text.span(),
                        format!(
                            "correlation = \"{}\" is not a correlation method",
                            text.get_ref()
                        ),
                    )
                    .with_help("write correlation = \"copula\" (Gaussian copula, default) or \"iman-conover\"")
                })?,
            ),
            None => None,
        },
        None => None,
    };
    let default_sampling = match &m.simulation {
        Some(s) => match &s.value.get_ref().sampling {
            Some(text) => Some(crate::sampling::Method::parse(text.get_ref()).ok_or_else(
                || {
                    b.err(
                        s.file,
                        text.span(),
                        format!("sampling = \"{}\" is not a sampling method", text.get_ref()),
                    )
                    .with_help(
                        "write sampling = \"random\", \"lhs\" (Latin hypercube) or \"sobol\"",
                    )
                },
            )?),
            None => None,
        },
        None => None,
    };
    Ok(SimulationDefaults {
        trials: default_trials,
        seed: default_seed,
        correlation: default_correlation,
        sampling: default_sampling,
    })
}
