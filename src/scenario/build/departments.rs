//! Departments (`[[departments]]`): opening hours, costs, staffing and
//! demand profiles. Their displacement is set later, with the areas'.

use super::*;

/// `[[departments]]`, in the order written; names must be unique.
pub(super) fn build_departments(b: &mut Builder, m: &Merged) -> R<Vec<Department>> {
    let mut departments = Vec::new();
    let mut department_names = std::collections::HashSet::new();
    // Departments are independent: every department's errors are reported.
    let mut errors = Vec::new();
    for d in &m.departments {
        let v = d.value.get_ref();
        let dname = v.name.get_ref().clone();
        if !department_names.insert(dname.clone()) {
            errors.push(b.err(
                d.file,
                v.name.span(),
                format!("department \"{dname}\" is defined twice"),
            ));
            continue;
        }
        match build_department(b, d.file, v, dname) {
            Ok(dept) => departments.push(dept),
            Err(e) => errors.push(e),
        }
    }
    match InputError::all(errors) {
        Some(e) => Err(e),
        None => Ok(departments),
    }
}

/// One `[[departments]]` entry.
fn build_department(b: &mut Builder, f: FileId, v: &RawDepartment, dname: String) -> R<Department> {
    let today = dept_hours(b, f, v, &dname)?;
    let open_hour_cost_kr = dept_open_hour_costs(b, f, v, &dname, &today)?;
    let staffing = dept_staffing(b, f, v, &dname, &today, &open_hour_cost_kr)?;
    let profile = dept_demand_profiles(b, f, v, &dname)?;
    Ok(Department {
        displacement: [Fractions {
            retime: Param::Fixed(0.0),
            to_digital: Param::Fixed(0.0),
            to_phone: Param::Fixed(0.0),
        }; 2],
        name: dname.clone(),
        label: v.label.clone().unwrap_or(dname),
        today,
        open_hour_cost_kr,
        staffing,
        profile,
    })
}

/// Today's counter and phone hours of a department.
fn dept_hours(
    b: &Builder,
    f: FileId,
    v: &RawDepartment,
    dname: &str,
) -> R<[Option<WeeklySchedule>; 2]> {
    let mut today: [Option<WeeklySchedule>; 2] = [None, None];
    if let Some(hours) = &v.hours {
        let hv = hours.get_ref();
        if let Some(s) = &hv.counter {
            today[COUNTER] = Some(parse_schedule(
                b,
                f,
                s,
                &format!("department \"{dname}\", counter hours"),
            )?);
        }
        if let Some(s) = &hv.phone {
            today[PHONE] = Some(parse_schedule(
                b,
                f,
                s,
                &format!("department \"{dname}\", phone hours"),
            )?);
        }
    }
    Ok(today)
}

/// `open_hour_cost_kr`: only for a channel with hours.
fn dept_open_hour_costs(
    b: &mut Builder,
    f: FileId,
    v: &RawDepartment,
    dname: &str,
    today: &[Option<WeeklySchedule>; 2],
) -> R<[Option<Param>; 2]> {
    let mut open_hour_cost_kr = [None, None];
    if let Some(c) = &v.open_hour_cost_kr {
        let cv = c.get_ref();
        for (i, (num, ch)) in [(&cv.counter, "counter"), (&cv.phone, "phone")]
            .into_iter()
            .enumerate()
        {
            if let Some(n) = num {
                if today[i].is_none() {
                    return Err(b.err(f, n.span(), format!("department \"{dname}\" has a cost per open {ch} hour but no {ch} hours"))
                        .with_help(format!("add hours.{ch} = \"Mon-Fri 9-15\" (today's hours) to the department")));
                }
                open_hour_cost_kr[i] = Some(b.param(
                    f,
                    n,
                    &InputKey::OpenHourCost {
                        department: dname.to_string(),
                        channel: OpeningChannel::at(i),
                    },
                    "kr. per open hour",
                    Bounds::NonNegative(limits::PRICE_KR),
                )?);
            }
        }
    }
    Ok(open_hour_cost_kr)
}

/// `[departments.staffing]`: staffed mode (Erlang C) per channel, only for a
/// channel with hours and without a cost per open hour.
fn dept_staffing(
    b: &mut Builder,
    f: FileId,
    v: &RawDepartment,
    dname: &str,
    today: &[Option<WeeklySchedule>; 2],
    open_hour_cost_kr: &[Option<Param>; 2],
) -> R<[Option<Staffing>; 2]> {
    let mut staffing: [Option<Staffing>; 2] = [None, None];
    if let Some(s) = &v.staffing {
        let sv = s.get_ref();
        for (i, (st, ch)) in [(&sv.counter, "counter"), (&sv.phone, "phone")]
            .into_iter()
            .enumerate()
        {
            if let Some(st) = st {
                if today[i].is_none() {
                    return Err(b
                        .err(
                            f,
                            st.span(),
                            format!(
                                "department \"{dname}\" is staffed on {ch} but has no {ch} hours"
                            ),
                        )
                        .with_help(format!(
                            "add hours.{ch} to the department: staffing is computed per open hour"
                        )));
                }
                let x = st.get_ref();
                let key = |field| InputKey::Staffing {
                    department: dname.to_string(),
                    channel: OpeningChannel::at(i),
                    field,
                };
                let sl = *x.service_level.get_ref();
                if !(0.0 < sl && sl < 1.0) {
                    return Err(b
                        .err(
                            f,
                            x.service_level.span(),
                            format!("service_level {sl} must be between 0 and 1 (exclusive)"),
                        )
                        .with_help("e.g. 0.8 for 80 % answered within answer_within_seconds"));
                }
                let within = *x.answer_within_seconds.get_ref();
                if within.is_nan() || !(0.0..=limits::SECONDS).contains(&within) {
                    return Err(b
                        .err(
                            f,
                            x.answer_within_seconds.span(),
                            format!(
                                "answer_within_seconds {within} must be between 0 and {} (a day)",
                                limits::SECONDS
                            ),
                        )
                        .with_help("e.g. 20 for 80 % answered within 20 seconds"));
                }
                staffing[i] = Some(Staffing {
                    aht_seconds: b.param(
                        f,
                        &x.aht_seconds,
                        &key(StaffingField::AhtSeconds),
                        "seconds",
                        Bounds::Positive(limits::SECONDS),
                    )?,
                    service_level: sl,
                    answer_within_seconds: within,
                    hourly_wage_kr: b.param(
                        f,
                        &x.hourly_wage_kr,
                        &key(StaffingField::HourlyWageKr),
                        "kr. per hour",
                        Bounds::NonNegative(limits::PRICE_KR),
                    )?,
                    shrinkage: b.param(
                        f,
                        &x.shrinkage,
                        &key(StaffingField::Shrinkage),
                        "share",
                        Bounds::Share,
                    )?,
                });
                if x.shrinkage.get_ref().support().1 >= 1.0 {
                    return Err(b
                        .err(f, x.shrinkage.span(), format!("{} can reach 1 or more: no paid time would be left for contacts", key(StaffingField::Shrinkage)))
                        .with_help("shrinkage is the share of paid time not spent on contacts, typically 0.25-0.35; keep it below 1"));
                }
                if open_hour_cost_kr[i].is_some() {
                    return Err(b.err(f, st.span(), format!("department \"{dname}\" has both staffing and open_hour_cost_kr for {ch}"))
                        .with_help("choose one: staffed mode computes the staff cost per open hour itself"));
                }
            }
        }
    }
    Ok(staffing)
}

/// `[departments.demand_profile]`: weights of the hours, not overlapping.
fn dept_demand_profiles(
    b: &Builder,
    f: FileId,
    v: &RawDepartment,
    dname: &str,
) -> R<[DemandProfile; 2]> {
    let mut profile = [DemandProfile::uniform(), DemandProfile::uniform()];
    if let Some(p) = &v.demand_profile {
        let pv = p.get_ref();
        for (i, w) in [&pv.counter, &pv.phone].into_iter().enumerate() {
            if let Some(w) = w {
                let entries: Vec<(String, f64)> =
                    w.get_ref().iter().map(|(k, v)| (k.clone(), *v)).collect();
                if let Some((k, x)) = entries
                    .iter()
                    .find(|(_, x)| !(0.0..=limits::DEMAND_WEIGHT).contains(x))
                {
                    return Err(b.err(
                        f,
                        w.span(),
                        format!(
                            "demand weight {x} for \"{k}\" must be a number from 0 to {}",
                            fmt_limit(limits::DEMAND_WEIGHT)
                        ),
                    ));
                }
                // Entries must not overlap: a TOML table has no order, so
                // "later overrides earlier" would be ambiguous.
                let parsed: Vec<(String, Vec<usize>)> = entries
                    .iter()
                    .filter_map(|(k, _)| {
                        WeeklySchedule::parse(k).ok().map(|sch| {
                            (k.clone(), sch.open_slots().map(|(slot, _)| slot).collect())
                        })
                    })
                    .collect();
                // Which entry claimed each slot: linear in the entries'
                // slots, however many entries there are.
                let mut owner: HashMap<usize, usize> = HashMap::new();
                for (bi, (kb, sb)) in parsed.iter().enumerate() {
                    for &slot in sb {
                        match owner.insert(slot, bi) {
                            Some(ai) if ai != bi => {
                                let ka = &parsed[ai].0;
                                return Err(b
                                    .err(f, w.span(), format!("department \"{dname}\", demand profile: \"{ka}\" and \"{kb}\" overlap"))
                                    .with_help("give each hour one weight: split the entries so they do not overlap (hours not listed weigh 1)"));
                            }
                            _ => {}
                        }
                    }
                }
                profile[i] = DemandProfile::from_weights(&entries).map_err(|e| {
                    b.err(
                        f,
                        w.span(),
                        format!(
                            "department \"{dname}\", demand profile: {} (in \"{}\")",
                            e.message, e.fragment
                        ),
                    )
                })?;
            }
        }
    }
    Ok(profile)
}
