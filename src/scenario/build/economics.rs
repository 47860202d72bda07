//! Population, economics and the scenario-wide prices.

use super::*;

/// `[population]` and `[economics]`; rates default to 0.
pub(super) struct Economics {
    pub(super) population_base: Option<Param>,
    pub(super) growth: Param,
    pub(super) discount_rate: Param,
    pub(super) price_index: Param,
}

/// `[population]` and `[economics]`.
pub(super) fn build_economics(b: &mut Builder, m: &Merged) -> R<Economics> {
    let (population_base, growth) = match &m.population {
        Some(p) => {
            let v = p.value.get_ref();
            let base = b.opt_param(
                p.file,
                &v.base,
                &InputKey::PopulationBase,
                "citizens",
                Bounds::Positive(limits::POPULATION),
            )?;
            let g = b.opt_param(
                p.file,
                &v.growth,
                &InputKey::PopulationGrowth,
                "share per year",
                Bounds::Rate,
            )?;
            (base, g.unwrap_or(Param::Fixed(0.0)))
        }
        None => (None, Param::Fixed(0.0)),
    };
    let (discount_rate, price_index) = match &m.economics {
        Some(e) => {
            let v = e.value.get_ref();
            let d = b.opt_param(
                e.file,
                &v.discount_rate,
                &InputKey::DiscountRate,
                "share per year",
                Bounds::Rate,
            )?;
            let i = b.opt_param(
                e.file,
                &v.price_index,
                &InputKey::PriceIndex,
                "share per year",
                Bounds::Rate,
            )?;
            (
                d.unwrap_or(Param::Fixed(0.0)),
                i.unwrap_or(Param::Fixed(0.0)),
            )
        }
        None => (Param::Fixed(0.0), Param::Fixed(0.0)),
    };
    Ok(Economics {
        population_base,
        growth,
        discount_rate,
        price_index,
    })
}

/// `[prices]`: kr. per contact of each channel, scenario-wide.
pub(super) fn build_prices(b: &mut Builder, m: &Merged) -> R<[Option<Param>; N_CHANNELS]> {
    let mut prices: [Option<Param>; N_CHANNELS] = [None; N_CHANNELS];
    for (k, v) in &m.prices {
        let ch = b.channel(v.file, k.span(), k.get_ref())?;
        prices[ch.index()] = Some(b.param(
            v.file,
            &v.value,
            &InputKey::Price(ch),
            "kr. per contact",
            Bounds::NonNegative(limits::PRICE_KR),
        )?);
    }
    Ok(prices)
}
