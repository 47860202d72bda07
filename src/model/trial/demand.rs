//! Demand: each area's monthly volume (population growth, season, noise).

use super::*;

/// Fills `sc.area_month` and `sc.area_epoch`; returns the monthly growth factor.
pub(super) fn demand(ctx: &Ctx, noise_stream: u64, trial: u64, sc: &mut Scratch) -> f64 {
    let (s, plan, values) = (ctx.s, ctx.plan, ctx.values);
    let n_months = plan.n_months;
    let n_epochs = plan.epochs.len();
    let n_areas = s.areas.len();
    let v = |p: Param| p.get(values);
    // Demand: population growth, season, optional noise. `area_month` holds
    // each month's volume as an annual rate (contacts a year at that month's
    // pace); sums are divided by 12 once, so a flat year sums exactly.
    let p0 = s.population_base.map(v).unwrap_or(1.0);
    let monthly_growth = (1.0 + v(s.growth)).powf(1.0 / 12.0);
    // The growth factor of month m, g_m = g_(m-1) * monthly_growth, is the
    // same for every area: computed once, so each area's months are
    // independent products (the same products, in the same order, as one
    // running factor per area; measured: the running factor was a chain of
    // dependent multiplications, a tenth of the hard case's trial).
    sc.growth_month.clear();
    let mut g = 1.0;
    sc.growth_month.extend((0..n_months).map(|_| {
        let now = g;
        g *= monthly_growth;
        now
    }));
    // Fully overwritten below: resize only, no clearing.
    sc.area_month.resize(n_areas * n_months, 0.0);
    for (a, area) in s.areas.iter().enumerate() {
        let annual = match area.volume {
            Volume::Absolute(x) => v(x),
            Volume::Per1000(x) => v(x) * p0 / 1000.0,
        };
        let row = &mut sc.area_month[a * n_months..(a + 1) * n_months];
        for (year, growth) in row.chunks_mut(12).zip(sc.growth_month.chunks(12)) {
            if let (Ok(year), Ok(growth)) = (
                <&mut [f64; 12]>::try_from(&mut *year),
                <&[f64; 12]>::try_from(growth),
            ) {
                // A whole year as fixed-size arrays: vector instructions.
                for m in 0..12 {
                    year[m] = annual * growth[m] * area.season[m];
                }
            } else {
                for ((slot, g), season) in year.iter_mut().zip(growth).zip(&area.season) {
                    *slot = annual * g * season;
                }
            }
        }
        if s.noise_relative_sd > 0.0 {
            for (m, slot) in row.iter_mut().enumerate() {
                let z = sampling::standard_normal(noise_stream, trial, (a * n_months + m) as u64);
                *slot *= (1.0 + s.noise_relative_sd * z).max(0.0);
            }
        }
    }
    sc.area_epoch.resize(n_areas * n_epochs, 0.0);
    epoch_sums(&sc.area_month, plan, n_areas, &mut sc.area_epoch);
    monthly_growth
}

/// Areas summed side by side by [`epoch_sums`].
const AREAS: usize = 8;

/// Each area's contacts per epoch: the sum of its months (in month order)
/// over 12. [`AREAS`] areas at a time, so that their independent chains of
/// additions overlap (one area's chain alone waits on every addition).
fn epoch_sums(area_month: &[f64], plan: &Plan, n_areas: usize, area_epoch: &mut [f64]) {
    let n_months = plan.n_months;
    let n_epochs = plan.epochs.len();
    for first in (0..n_areas).step_by(AREAS) {
        let group = first..(first + AREAS).min(n_areas);
        // Lanes past the last area repeat it (summed, not written).
        let rows: [&[f64]; AREAS] = std::array::from_fn(|j| {
            let a = (first + j).min(n_areas - 1);
            &area_month[a * n_months..(a + 1) * n_months]
        });
        for (e, ep) in plan.epochs.iter().enumerate() {
            let mut sum = [0.0; AREAS];
            for m in ep.start..ep.end {
                for j in 0..AREAS {
                    sum[j] += rows[j][m];
                }
            }
            for (j, a) in group.clone().enumerate() {
                area_epoch[a * n_epochs + e] = sum[j] / 12.0;
            }
        }
    }
}
