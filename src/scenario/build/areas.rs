//! Areas (`[[areas]]`, with `[defaults]`): volumes, prices, seasons and
//! type splits; each area's cells are built in `cells`.

use super::cells::build_cell;
use super::*;

/// What `[defaults]` gives every area that does not give its own.
pub(super) struct Defaults {
    pub(super) split: Option<(FileId, Spanned<RawTypeSplit>)>,
    pub(super) mix: Option<(FileId, Spanned<RawMix>)>,
    pub(super) adopt: Option<(FileId, Spanned<RawAdoption>)>,
    pub(super) digital: Option<(FileId, Spanned<RawDigitalChannel>)>,
}

/// The areas, their cells (area x contact type), and the adoption ceilings
/// below today's digital share.
pub(super) struct Areas {
    pub(super) areas: Vec<Area>,
    pub(super) cells: Vec<Cell>,
    pub(super) raised_ceilings: Vec<RaisedCeiling>,
}

/// What the cells of an area need of the area.
pub(super) struct AreaCx<'a> {
    pub(super) f: FileId,
    pub(super) v: &'a RawArea,
    pub(super) aname: &'a str,
    pub(super) defaults: &'a Defaults,
    pub(super) prices: &'a [Option<Param>; N_CHANNELS],
    pub(super) area_prices: &'a [Option<Param>; N_CHANNELS],
}

fn defaults_of(m: &Merged) -> Defaults {
    let defaults = m.defaults.as_ref();
    let def_split: Option<(FileId, Spanned<RawTypeSplit>)> =
        defaults.and_then(|d| d.value.get_ref().type_split.clone().map(|s| (d.file, s)));
    let def_mix: Option<(FileId, Spanned<RawMix>)> =
        defaults.and_then(|d| d.value.get_ref().mix.clone().map(|s| (d.file, s)));
    let def_adopt: Option<(FileId, Spanned<RawAdoption>)> =
        defaults.and_then(|d| d.value.get_ref().adoption.clone().map(|s| (d.file, s)));
    let def_digital: Option<(FileId, Spanned<RawDigitalChannel>)> = defaults.and_then(|d| {
        d.value
            .get_ref()
            .digital_channel
            .clone()
            .map(|s| (d.file, s))
    });
    Defaults {
        split: def_split,
        mix: def_mix,
        adopt: def_adopt,
        digital: def_digital,
    }
}

/// `[[areas]]`, in the order written, and their cells.
pub(super) fn build_areas(
    b: &mut Builder,
    m: &Merged,
    departments: &[Department],
    population_base: Option<Param>,
    prices: &[Option<Param>; N_CHANNELS],
) -> R<Areas> {
    let defaults = defaults_of(m);
    if m.areas.is_empty() {
        return Err(b
            .sources
            .error_in(m.top, "the scenario has no [[areas]]")
            .with_help(
                "add at least one [[areas]] table with a name, a volume and a channel mix",
            ));
    }
    let mut areas = Vec::new();
    let mut area_names = std::collections::HashSet::new();
    let mut cells = Vec::new();
    let mut raised_ceilings = Vec::new();
    // Areas are independent: every area's errors are reported, not only
    // the first area's.
    let mut errors = Vec::new();
    for a in &m.areas {
        let v = a.value.get_ref();
        let aname = v.name.get_ref().clone();
        if !area_names.insert(aname.clone()) {
            errors.push(
                b.err(
                    a.file,
                    v.name.span(),
                    format!("area \"{aname}\" is defined twice"),
                )
                .with_help("give each area its own name"),
            );
            continue;
        }
        let cx = AreaInputs {
            defaults: &defaults,
            departments,
            population_base,
            prices,
        };
        let mut own_cells = Vec::new();
        match build_area(b, a, &cx, areas.len(), &mut own_cells, &mut raised_ceilings) {
            Ok(area) => {
                areas.push(area);
                cells.append(&mut own_cells);
            }
            Err(e) => errors.push(e),
        }
    }
    if let Some(e) = InputError::all(errors) {
        return Err(e);
    }
    Ok(Areas {
        areas,
        cells,
        raised_ceilings,
    })
}

/// What every area is built against.
struct AreaInputs<'a> {
    defaults: &'a Defaults,
    departments: &'a [Department],
    population_base: Option<Param>,
    prices: &'a [Option<Param>; N_CHANNELS],
}

/// One `[[areas]]` entry with its cells (pushed to `cells`; the area will
/// have index `area_index`).
fn build_area(
    b: &mut Builder,
    a: &Located<Spanned<RawArea>>,
    inputs: &AreaInputs,
    area_index: usize,
    cells: &mut Vec<Cell>,
    raised_ceilings: &mut Vec<RaisedCeiling>,
) -> R<Area> {
    let f = a.file;
    let v = a.value.get_ref();
    let aname = v.name.get_ref().clone();
    let department = area_department(b, f, v, &aname, inputs.departments)?;
    let volume = area_volume(b, a, &aname, inputs.population_base)?;
    let area_prices = area_prices(b, f, v, &aname)?;
    let season = area_season(b, f, v)?;
    let type_split = area_type_split(b, f, v, &aname, inputs.defaults)?;
    let cx = AreaCx {
        f,
        v,
        aname: &aname,
        defaults: inputs.defaults,
        prices: inputs.prices,
        area_prices: &area_prices,
    };
    for t in ContactType::ALL {
        let share = type_split[t.index()];
        if share == Param::Fixed(0.0) {
            continue;
        }
        cells.push(build_cell(b, &cx, area_index, t, raised_ceilings)?);
    }
    Ok(Area {
        name: aname,
        department,
        volume,
        season,
        type_split,
        prices: area_prices,
        displacement: None,
    })
}

/// The area's department: named, or the only one.
fn area_department(
    b: &Builder,
    f: FileId,
    v: &RawArea,
    aname: &str,
    departments: &[Department],
) -> R<Option<usize>> {
    Ok(match &v.department {
        Some(d) => Some(departments.iter().position(|x| &x.name == d.get_ref()).ok_or_else(|| {
            b.err(f, d.span(), format!("area \"{aname}\" names unknown department \"{}\"", d.get_ref()))
                .with_help(format!("departments are: {}", departments.iter().map(|d| d.name.as_str()).collect::<Vec<_>>().join(", ")))
        })?),
        None if departments.len() == 1 => Some(0),
        None if departments.is_empty() => None,
        None => {
            return Err(b.err(f, v.name.span(), format!("area \"{aname}\" has no department, and the scenario has several"))
                .with_help("add department = \"...\" to the area so its counter and phone follow that department's hours"))
        }
    })
}

/// `volume` or `volume_per_1000` (with `[population] base`), within the limit.
fn area_volume(
    b: &mut Builder,
    a: &Located<Spanned<RawArea>>,
    aname: &str,
    population_base: Option<Param>,
) -> R<Volume> {
    let f = a.file;
    let v = a.value.get_ref();
    Ok(match (&v.volume, &v.volume_per_1000) {
        (Some(n), None) => Volume::Absolute(b.param(f, n, &InputKey::AreaVolume { area: aname.to_string(), per_1000: false }, "contacts per year", Bounds::NonNegative(limits::VOLUME))?),
        (None, Some(n)) => {
            if population_base.is_none() {
                return Err(b.err(f, n.span(), format!("area \"{aname}\" gives volume_per_1000 but [population] has no base"))
                    .with_help("add base = <citizens> to [population]"));
            }
            let per1000 = b.param(f, n, &InputKey::AreaVolume { area: aname.to_string(), per_1000: true }, "contacts per year per 1,000 citizens", Bounds::NonNegative(limits::VOLUME_PER_1000))?;
            let (_, rate) = reachable(&b.inputs, per1000);
            let (_, citizens) = reachable(&b.inputs, population_base.expect("checked above"));
            let top = rate * citizens / 1000.0;
            if top.is_nan() || top > limits::VOLUME {
                return Err(b.err(f, n.span(), format!("area \"{aname}\": volume_per_1000 up to {} times a population up to {} gives up to {} contacts a year, above the limit of {} for an area", fmt_limit(rate), fmt_limit(citizens), fmt_limit(top), fmt_limit(limits::VOLUME)))
                    .with_help("check the units: volume_per_1000 is contacts a year per 1,000 citizens; see \"Limits\" in docs/scenario-format.md"));
            }
            Volume::Per1000(per1000)
        }
        (Some(n), Some(_)) => {
            return Err(b.err(f, n.span(), format!("area \"{aname}\" gives both volume and volume_per_1000")).with_help("keep one of them"))
        }
        (None, None) => {
            return Err(b.err(f, a.value.span(), format!("area \"{aname}\" has no volume"))
                .with_help("add volume = <contacts per year> or volume_per_1000 = <contacts per 1,000 citizens>"))
        }
    })
}

/// Prices of this area that differ from the scenario-wide ones.
fn area_prices(
    b: &mut Builder,
    f: FileId,
    v: &RawArea,
    aname: &str,
) -> R<[Option<Param>; N_CHANNELS]> {
    let mut area_prices: [Option<Param>; N_CHANNELS] = [None; N_CHANNELS];
    if let Some(ap) = &v.prices {
        for (k, n) in ap.get_ref() {
            let ch = b.channel(f, k.span(), k.get_ref())?;
            area_prices[ch.index()] = Some(b.param(
                f,
                n,
                &InputKey::AreaPrice {
                    area: aname.to_string(),
                    channel: ch,
                },
                "kr. per contact",
                Bounds::NonNegative(limits::PRICE_KR),
            )?);
        }
    }
    Ok(area_prices)
}

/// `season`: 12 factors averaging 1, or flat.
fn area_season(b: &Builder, f: FileId, v: &RawArea) -> R<[f64; 12]> {
    Ok(match &v.season {
        Some(s) => {
            let xs = s.get_ref();
            if xs.len() != 12 {
                return Err(b.err(
                    f,
                    s.span(),
                    format!(
                        "season has {} factors, needs 12 (January to December)",
                        xs.len()
                    ),
                ));
            }
            let mean = xs.iter().sum::<f64>() / 12.0;
            if xs.iter().any(|x| x.is_nan() || *x < 0.0 || !x.is_finite())
                || (mean - 1.0).abs() > 1e-6
            {
                return Err(b
                    .err(
                        f,
                        s.span(),
                        format!(
                            "season factors must be >= 0 and average 1, they average {mean:.6}"
                        ),
                    )
                    .with_help("divide each factor by their average"));
            }
            let mut arr = [1.0; 12];
            arr.copy_from_slice(xs);
            arr
        }
        None => [1.0; 12],
    })
}

/// `type_split`, the area's own or `[defaults]`'s; fixed shares sum to 1.
fn area_type_split(
    b: &mut Builder,
    f: FileId,
    v: &RawArea,
    aname: &str,
    defaults: &Defaults,
) -> R<[Param; 3]> {
    let (split_file, split) = match (&v.type_split, &defaults.split) {
        (Some(s), _) => (f, s.clone()),
        (None, Some((df, s))) => (*df, s.clone()),
        (None, None) => return Err(b
            .err(
                f,
                v.name.span(),
                format!("area \"{aname}\" has no type_split and [defaults] has none"),
            )
            .with_help(
                "add type_split = { transaction = 0.5, information = 0.3, case_information = 0.2 }",
            )),
    };
    let sv = split.get_ref();
    let scope = if v.type_split.is_some() {
        Scope::Area(aname.to_string())
    } else {
        Scope::Defaults
    };
    let mut type_split = [Param::Fixed(0.0); 3];
    for (t, n) in
        ContactType::ALL
            .iter()
            .zip([&sv.transaction, &sv.information, &sv.case_information])
    {
        if let Some(n) = n {
            type_split[t.index()] = b.param(
                split_file,
                n,
                &InputKey::TypeSplit {
                    scope: scope.clone(),
                    contact_type: *t,
                },
                "share",
                Bounds::Share,
            )?;
        }
    }
    check_shares(
        b,
        split_file,
        split.span(),
        &type_split,
        &ContactType::ALL.map(|t| t.key().to_string()),
        "type_split",
    )?;
    Ok(type_split)
}
