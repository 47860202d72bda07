//! Reading an [`InputKey`] back from its dotted name. The fixed words
//! follow the name of a department, area, event or solution, so those are
//! read from the end: the last segments must be a known pattern, and what
//! is left (dots and all) is the name.

use super::*;

/// The key written as `s`, if it is one.
pub(super) fn parse(s: &str) -> Option<InputKey> {
    let (head, rest) = s.split_once('.')?;
    match head {
        "prices" => channel(rest).map(InputKey::Price),
        "population" => match rest {
            "base" => Some(InputKey::PopulationBase),
            "growth" => Some(InputKey::PopulationGrowth),
            _ => None,
        },
        "economics" => match rest {
            "discount_rate" => Some(InputKey::DiscountRate),
            "price_index" => Some(InputKey::PriceIndex),
            _ => None,
        },
        "outbound_mail" => OutboundField::ALL
            .into_iter()
            .find(|x| x.key() == rest)
            .map(InputKey::Outbound),
        "citizens" => {
            let (cap, what) = rest.split_once('.')?;
            let capability = Capability::from_key(cap)?;
            let param = match what {
                "today" => CitizenParam::Today,
                w => CitizenParam::Bass(bass(w)?),
            };
            Some(InputKey::Citizens { capability, param })
        }
        "completion" => match rest {
            "comes_back" => Some(InputKey::CompletionComesBack),
            "abandoned_price_kr" => Some(InputKey::CompletionAbandonedPrice),
            which => completion_rate(None, which),
        },
        "displacement" => displacement(DisplacementOwner::Scenario, &segments(rest)),
        "defaults" => scoped(Scope::Defaults, &segments(rest)),
        "departments" => department(rest),
        "areas" => area(rest),
        "solutions" => {
            let solution = rest.strip_suffix(".delay_months")?;
            (!solution.is_empty()).then(|| InputKey::SolutionDelay {
                solution: solution.to_string(),
            })
        }
        "events" => event(rest),
        _ => None,
    }
}

fn segments(s: &str) -> Vec<&str> {
    s.split('.').collect()
}

/// `s` less its last `n` dot-separated segments, and those segments in
/// order; the name left must not be empty.
fn tail(s: &str, n: usize) -> Option<(&str, Vec<&str>)> {
    let mut parts: Vec<&str> = s.rsplitn(n + 1, '.').collect();
    if parts.len() != n + 1 {
        return None;
    }
    let name = parts.pop()?;
    parts.reverse();
    (!name.is_empty()).then_some((name, parts))
}

/// A channel by its key (not the `counter` alias: keys write `personal`).
fn channel(k: &str) -> Option<Channel> {
    Channel::ALL.into_iter().find(|c| c.key() == k)
}

fn bass(k: &str) -> Option<BassParam> {
    BassParam::ALL.into_iter().find(|b| b.key() == k)
}

fn completion_rate(area: Option<&str>, which: &str) -> Option<InputKey> {
    let contact_type = match which {
        "rate" => None,
        t => Some(ContactType::from_key(t)?),
    };
    Some(InputKey::CompletionRate {
        area: area.map(str::to_string),
        contact_type,
    })
}

/// `<channel>.<share>` after `displacement`.
fn displacement(owner: DisplacementOwner, segs: &[&str]) -> Option<InputKey> {
    let [ch, share] = segs else { return None };
    Some(InputKey::Displacement {
        owner,
        channel: OpeningChannel::from_key(ch)?,
        share: DisplacedShare::ALL
            .into_iter()
            .find(|s| s.key() == *share)?,
    })
}

/// A type split, mix or adoption after its scope.
fn scoped(scope: Scope, segs: &[&str]) -> Option<InputKey> {
    match segs {
        ["type_split", t] => Some(InputKey::TypeSplit {
            scope,
            contact_type: ContactType::from_key(t)?,
        }),
        ["mix", t, ch] => Some(InputKey::Mix {
            scope,
            contact_type: ContactType::from_key(t)?,
            channel: channel(ch)?,
        }),
        ["adoption", w] => Some(InputKey::Adoption {
            scope,
            contact_type: None,
            param: bass(w)?,
        }),
        ["adoption", t, w] => Some(InputKey::Adoption {
            scope,
            contact_type: Some(ContactType::from_key(t)?),
            param: bass(w)?,
        }),
        _ => None,
    }
}

/// After `departments.`: `<department>.open_hour_cost_kr.<channel>`,
/// `<department>.staffing.<channel>.<field>` or
/// `<department>.displacement.<channel>.<share>`.
fn department(rest: &str) -> Option<InputKey> {
    if let Some((d, segs)) = tail(rest, 3) {
        match segs.as_slice() {
            ["staffing", ch, field] => {
                return Some(InputKey::Staffing {
                    department: d.to_string(),
                    channel: OpeningChannel::from_key(ch)?,
                    field: StaffingField::ALL.into_iter().find(|x| x.key() == *field)?,
                })
            }
            ["displacement", more @ ..] => {
                return displacement(DisplacementOwner::Department(d.to_string()), more)
            }
            _ => {}
        }
    }
    let (d, segs) = tail(rest, 2)?;
    match segs.as_slice() {
        ["open_hour_cost_kr", ch] => Some(InputKey::OpenHourCost {
            department: d.to_string(),
            channel: OpeningChannel::from_key(ch)?,
        }),
        _ => None,
    }
}

/// After `areas.`: an area's volume, price, type split, mix, adoption,
/// displacement or completion rate.
fn area(rest: &str) -> Option<InputKey> {
    let area = |a: &str| a.to_string();
    if let Some((a, segs)) = tail(rest, 3) {
        if let ["displacement", more @ ..] = segs.as_slice() {
            return displacement(DisplacementOwner::Area(area(a)), more);
        }
        if let Some(k) = scoped(Scope::Area(area(a)), &segs) {
            return Some(k);
        }
    }
    if let Some((a, segs)) = tail(rest, 2) {
        match segs.as_slice() {
            ["prices", ch] => {
                return Some(InputKey::AreaPrice {
                    area: area(a),
                    channel: channel(ch)?,
                })
            }
            ["completion", which] => return completion_rate(Some(a), which),
            _ => {
                if let Some(k) = scoped(Scope::Area(area(a)), &segs) {
                    return Some(k);
                }
            }
        }
    }
    let (a, segs) = tail(rest, 1)?;
    let per_1000 = match segs[0] {
        "volume" => false,
        "volume_per_1000" => true,
        _ => return None,
    };
    Some(InputKey::AreaVolume {
        area: area(a),
        per_1000,
    })
}

/// After `events.`: `<event>.<param>`, with a year, channel or capability
/// and effect where the parameter has one.
fn event(rest: &str) -> Option<InputKey> {
    let key = |e: &str, param| Some(InputKey::event(e, param));
    if let Some((e, segs)) = tail(rest, 3) {
        if let ["citizens", cap, what] = segs.as_slice() {
            let capability = Capability::from_key(cap)?;
            let effect = match BassAdd::ALL.into_iter().find(|a| a.key() == *what) {
                Some(a) => CitizenEffect::Add(a),
                None => CitizenEffect::Floor(floor(what)?),
            };
            return key(e, EventParam::Citizens { capability, effect });
        }
    }
    if let Some((e, segs)) = tail(rest, 2) {
        match segs.as_slice() {
            ["cost_by_year_kr", year] => {
                return key(e, EventParam::CostInYearKr(year.parse().ok()?))
            }
            [list, ch] => {
                if let Some(list) = TargetList::ALL.into_iter().find(|l| l.key() == *list) {
                    let channel = SpelledChannel::from_written(ch)?;
                    return key(e, EventParam::Target { list, channel });
                }
            }
            _ => {}
        }
    }
    let (e, segs) = tail(rest, 1)?;
    let param = match segs[0] {
        "cost_one_off_kr" => EventParam::CostOneOffKr,
        "cost_monthly_kr" => EventParam::CostMonthlyKr,
        "digital_post_exemption" => EventParam::DigitalPostExemption,
        "shift_share" => EventParam::ShiftShare,
        "price_kr" => EventParam::PriceKr,
        "price_factor" => EventParam::PriceFactor,
        "volume_factor" => EventParam::VolumeFactor,
        "completion_add" => EventParam::CompletionAdd,
        w => match BassAdd::ALL.into_iter().find(|a| a.key() == w) {
            Some(a) => EventParam::Add(a),
            None => EventParam::Floor(floor(w)?),
        },
    };
    key(e, param)
}

fn floor(w: &str) -> Option<FloorField> {
    FloorField::ALL.into_iter().find(|f| f.key() == w)
}
