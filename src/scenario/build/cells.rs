//! The cells of an area, one per contact type it has: digital channel,
//! channel mix and adoption (Bass p, q and ceiling).

use super::areas::AreaCx;
use super::*;

/// The cell of contact type `t` of area `area_index`.
pub(super) fn build_cell(
    b: &mut Builder,
    cx: &AreaCx,
    area_index: usize,
    t: ContactType,
    raised_ceilings: &mut Vec<RaisedCeiling>,
) -> R<Cell> {
    let digital = cell_digital(b, cx, t)?;
    let mix = cell_mix(b, cx, t, digital)?;
    let (p, q, ceiling) = cell_adoption(b, cx, t, digital, &mix, raised_ceilings)?;
    Ok(Cell {
        area: area_index,
        contact_type: t,
        digital,
        mix,
        p,
        q,
        ceiling,
    })
}

/// The digital channel: the area's, `[defaults]`'s, or the type's default.
fn cell_digital(b: &Builder, cx: &AreaCx, t: ContactType) -> R<Channel> {
    let (f, v) = (cx.f, cx.v);
    let own = v.digital_channel.as_ref().and_then(|d| {
        let d2 = d.get_ref();
        type_keyed(t, &d2.transaction, &d2.information, &d2.case_information).map(|x| (f, x))
    });
    let def = cx.defaults.digital.as_ref().and_then(|(df, d)| {
        let d2 = d.get_ref();
        type_keyed(t, &d2.transaction, &d2.information, &d2.case_information).map(|x| (*df, x))
    });
    Ok(match own.or(def) {
        Some((df, s)) => {
            let ch = b.channel(df, s.span(), s.get_ref())?;
            if !ch.can_be_digital_target() {
                return Err(b
                    .err(
                        df,
                        s.span(),
                        format!("{} cannot be the digital channel", ch.key()),
                    )
                    .with_help("use self_service, website, digital_post_in, chat or sms"));
            }
            ch
        }
        None => t.default_digital_channel(),
    })
}

/// The channel mix, the area's or `[defaults]`'s: shares summing to 1, every
/// channel used (and the digital channel) with a price.
fn cell_mix(
    b: &mut Builder,
    cx: &AreaCx,
    t: ContactType,
    digital: Channel,
) -> R<[Param; N_CHANNELS]> {
    let AreaCx {
        f,
        v,
        aname,
        prices,
        area_prices,
        ..
    } = *cx;
    let own = v.mix.as_ref().and_then(|mx| {
        let mv = mx.get_ref();
        type_keyed(t, &mv.transaction, &mv.information, &mv.case_information)
            .map(|x| (f, x, Scope::Area(aname.to_string())))
    });
    let def = cx.defaults.mix.as_ref().and_then(|(df, mx)| {
        let mv = mx.get_ref();
        type_keyed(t, &mv.transaction, &mv.information, &mv.case_information)
            .map(|x| (*df, x, Scope::Defaults))
    });
    let (mf, mixmap, scope) = own.or(def).ok_or_else(|| {
        b.err(f, v.name.span(), format!("area \"{aname}\" has {} contacts but no channel mix for them", t.key()))
            .with_help(format!("add [areas.mix] {} = {{ phone = 0.5, personal = 0.3, self_service = 0.2 }} (or a default in [defaults.mix])", t.key()))
    })?;
    let mut mix = [Param::Fixed(0.0); N_CHANNELS];
    for (ck, n) in mixmap.get_ref() {
        let ch = b.channel(mf, ck.span(), ck.get_ref())?;
        mix[ch.index()] = b.param(
            mf,
            n,
            &InputKey::Mix {
                scope: scope.clone(),
                contact_type: t,
                channel: ch,
            },
            "share",
            Bounds::Share,
        )?;
    }
    check_shares(
        b,
        mf,
        mixmap.span(),
        &mix,
        &Channel::ALL.map(|c| c.key().to_string()),
        &format!("mix of {}", t.key()),
    )?;
    for (i, pm) in mix.iter().enumerate() {
        if *pm != Param::Fixed(0.0) && prices[i].is_none() && area_prices[i].is_none() {
            return Err(b
                .err(
                    mf,
                    mixmap.span(),
                    format!(
                        "channel {} is used in the mix but has no price",
                        Channel::ALL[i].key()
                    ),
                )
                .with_help(format!(
                    "add {} = <kr. per contact> to [prices]",
                    Channel::ALL[i].key()
                )));
        }
    }
    if prices[digital.index()].is_none() && area_prices[digital.index()].is_none() {
        return Err(b
            .err(
                mf,
                mixmap.span(),
                format!("digital channel {} has no price", digital.key()),
            )
            .with_help(format!(
                "add {} = <kr. per contact> to [prices]",
                digital.key()
            )));
    }
    Ok(mix)
}

/// Adoption: area type > area > defaults type > defaults. A fixed ceiling
/// below today's digital share is noted in `raised_ceilings`.
fn cell_adoption(
    b: &mut Builder,
    cx: &AreaCx,
    t: ContactType,
    digital: Channel,
    mix: &[Param; N_CHANNELS],
    raised_ceilings: &mut Vec<RaisedCeiling>,
) -> R<(Param, Param, Param)> {
    let AreaCx { f, v, aname, .. } = *cx;
    // Adoption: area type > area > defaults type > defaults; each layer
    // with its scope and contact type (None: every type).
    type Layer = (FileId, RawAdoptionLeaf, (Scope, Option<ContactType>));
    let mut layers: Vec<Layer> = Vec::new();
    let area = || Scope::Area(aname.to_string());
    if let Some(ad) = &v.adoption {
        let av = ad.get_ref();
        if let Some(leaf) = type_keyed(t, &av.transaction, &av.information, &av.case_information) {
            layers.push((f, leaf.into_inner(), (area(), Some(t))));
        }
        layers.push((
            f,
            RawAdoptionLeaf {
                p: av.p.clone(),
                q: av.q.clone(),
                ceiling: av.ceiling.clone(),
            },
            (area(), None),
        ));
    }
    if let Some((df, ad)) = &cx.defaults.adopt {
        let av = ad.get_ref();
        if let Some(leaf) = type_keyed(t, &av.transaction, &av.information, &av.case_information) {
            layers.push((*df, leaf.into_inner(), (Scope::Defaults, Some(t))));
        }
        layers.push((
            *df,
            RawAdoptionLeaf {
                p: av.p.clone(),
                q: av.q.clone(),
                ceiling: av.ceiling.clone(),
            },
            (Scope::Defaults, None),
        ));
    }
    let pick = |get: &dyn Fn(&RawAdoptionLeaf) -> Option<Num>| {
        layers.iter().find_map(|(lf, leaf, (scope, contact_type))| {
            get(leaf).map(|n| {
                let key = |param| InputKey::Adoption {
                    scope: scope.clone(),
                    contact_type: *contact_type,
                    param,
                };
                (*lf, n, BassParam::ALL.map(key))
            })
        })
    };
    let cell_label = format!("{aname} / {}", t.key());
    let (p, q, ceiling) = {
        let pp = pick(&|l| l.p.clone());
        let qq = pick(&|l| l.q.clone());
        let cc = pick(&|l| l.ceiling.clone());
        let p = match pp {
            Some((lf, n, k)) => {
                let p = b.param(lf, &n, &k[0], "per year", Bounds::Positive(limits::BASS_P))?;
                if let Param::Fixed(x) = p {
                    if x < limits::BASS_P_MIN {
                        return Err(b.err(lf, n.span(), format!("{} = {} is below the smallest Bass innovation of {} per year", k[0], fmt_limit(x), fmt_limit(limits::BASS_P_MIN)))
                            .with_help(format!("p must lie between {} and {} per year (typically 0.01-0.03); for practically no spontaneous adoption write p = {}", fmt_limit(limits::BASS_P_MIN), limits::BASS_P, fmt_limit(limits::BASS_P_MIN))));
                    }
                }
                p
            }
            None => {
                return Err(b
                    .err(
                        f,
                        v.name.span(),
                        format!("no Bass innovation p for {cell_label}"),
                    )
                    .with_help(
                        "add [defaults.adoption] p = 0.03, q = 0.4, ceiling = 0.8 (or per area)",
                    ))
            }
        };
        let q = match qq {
            Some((lf, n, k)) => b.param(
                lf,
                &n,
                &k[1],
                "per year",
                Bounds::NonNegative(limits::BASS_Q),
            )?,
            None => Param::Fixed(0.0),
        };
        let c = match cc {
            Some((lf, n, k)) => {
                let c = b.param(lf, &n, &k[2], "share", Bounds::Share)?;
                if let (Param::Fixed(cv), true) = (c, mix.iter().all(|x| x.is_fixed())) {
                    let s0 = fixed_share(mix, digital.index());
                    if cv < s0 - 1e-12 {
                        raised_ceilings.push(RaisedCeiling {
                            area: aname.to_string(),
                            contact_type: t,
                            ceiling: cv,
                            today: s0,
                        });
                    }
                }
                c
            }
            None => {
                return Err(b.err(f, v.name.span(), format!("no adoption ceiling for {cell_label}"))
                    .with_help("add ceiling = <share that will ever go digital> to [defaults.adoption] or the area"))
            }
        };
        (p, q, c)
    };
    Ok((p, q, ceiling))
}
