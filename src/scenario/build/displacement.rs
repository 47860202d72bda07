//! Displacement: scenario-wide, then per-department and per-area overrides.

use super::*;

/// Sets the departments' and areas' displacement; returns the scenario-wide.
pub(super) fn build_displacements(
    b: &mut Builder,
    m: &Merged,
    prices: &[Option<Param>; N_CHANNELS],
    departments: &mut [Department],
    areas: &mut [Area],
) -> R<[Fractions; 2]> {
    let zero = Param::Fixed(0.0);
    let none = Fractions {
        retime: zero,
        to_digital: zero,
        to_phone: zero,
    };
    let displacement = match &m.displacement {
        Some(d) => build_displacement(
            b,
            d.file,
            d.value.get_ref(),
            DisplacementOwner::Scenario,
            prices,
            [none; 2],
        )?,
        None => [none; 2],
    };
    for (di, d) in m.departments.iter().enumerate() {
        let v = d.value.get_ref();
        departments[di].displacement = match &v.displacement {
            Some(own) => build_displacement(
                b,
                d.file,
                own.get_ref(),
                DisplacementOwner::Department(v.name.get_ref().clone()),
                prices,
                displacement,
            )?,
            None => displacement,
        };
    }
    for (ai, a) in m.areas.iter().enumerate() {
        let v = a.value.get_ref();
        let Some(own) = &v.displacement else { continue };
        let Some(d) = areas[ai].department else {
            return Err(b
                .err(
                    a.file,
                    own.span(),
                    format!(
                        "area \"{}\" sets displacement but belongs to no department, so no opening hours displace its contacts",
                        v.name.get_ref()
                    ),
                )
                .with_help("add department = \"...\" to the area, or remove its displacement"));
        };
        areas[ai].displacement = Some(build_displacement(
            b,
            a.file,
            own.get_ref(),
            DisplacementOwner::Area(v.name.get_ref().clone()),
            prices,
            departments[d].displacement,
        )?);
    }
    Ok(displacement)
}

/// Where a channel's displaced contacts go; channels not given keep `base`.
fn build_displacement(
    b: &mut Builder,
    f: FileId,
    dv: &RawDisplacement,
    owner: DisplacementOwner,
    prices: &[Option<Param>; N_CHANNELS],
    base: [Fractions; 2],
) -> R<[Fractions; 2]> {
    let zero = Param::Fixed(0.0);
    let mut out = base;
    for (i, fr) in [&dv.counter, &dv.phone].into_iter().enumerate() {
        let Some(fr) = fr else { continue };
        let x = fr.get_ref();
        let channel = OpeningChannel::at(i);
        let key = |share| InputKey::Displacement {
            owner: owner.clone(),
            channel,
            share,
        };
        if i == PHONE {
            if let Some(tp) = &x.to_phone {
                return Err(b
                    .err(f, tp.span(), "to_phone is only allowed for the counter")
                    .with_help("displaced phone calls can be retimed, go digital or be avoided"));
            }
        }
        let retime = b
            .opt_param(
                f,
                &x.retime,
                &key(DisplacedShare::Retime),
                "share",
                Bounds::Share,
            )?
            .unwrap_or(zero);
        let to_digital = b
            .opt_param(
                f,
                &x.to_digital,
                &key(DisplacedShare::ToDigital),
                "share",
                Bounds::Share,
            )?
            .unwrap_or(zero);
        let to_phone = b
            .opt_param(
                f,
                &x.to_phone,
                &key(DisplacedShare::ToPhone),
                "share",
                Bounds::Share,
            )?
            .unwrap_or(zero);
        if to_phone != zero && prices[Channel::Phone.index()].is_none() {
            return Err(b
                .err(
                    f,
                    fr.span(),
                    format!(
                        "{} sends contacts to the phone, which has no price",
                        key(DisplacedShare::ToPhone)
                    ),
                )
                .with_help("add phone = <kr. per contact> to [prices]"));
        }
        let sum: f64 = [retime, to_digital, to_phone]
            .iter()
            .map(|p| fixed_or_nan(*p))
            .sum();
        if sum > 1.0 + 1e-9 {
            return Err(b
                .err(f, fr.span(), format!("{owner}.{channel}: retime + to_digital + to_phone = {sum}, more than 1"))
                .with_help("the fractions of displaced contacts must sum to at most 1; the rest are avoided"));
        }
        out[i] = Fractions {
            retime,
            to_digital,
            to_phone,
        };
    }
    Ok(out)
}
