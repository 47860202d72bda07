//! `[proposal]` and the named `[[proposals]]` it may combine
//! (docs/scenario-format.md, section 18): new opening hours per department
//! and channel, each from its own month.

use toml::Spanned;

use super::build::{parse_schedule, Builder};
use super::load::{FileId, Merged};
use super::raw::RawProposal;
use super::{Department, Proposal};
use crate::error::InputError;
use crate::hours::schedule::WeeklySchedule;

/// Hours collected so far, with the proposal that set each.
struct Collected {
    hours: Vec<[Option<WeeklySchedule>; 2]>,
    starts: Vec<[usize; 2]>,
    set_by: Vec<[Option<String>; 2]>,
}

/// Builds `[proposal]`, combining the `[[proposals]]` it names; checks
/// every `[[proposals]]` entry even when no proposal combines it.
pub(super) fn build_proposal(
    b: &Builder,
    m: &Merged,
    departments: &[Department],
    base_year: i32,
    end_year: i32,
) -> Result<Option<Proposal>, InputError> {
    let n = departments.len();
    for q in &m.proposals {
        let v = q.value.get_ref();
        if let Some(c) = &v.combine {
            return Err(b
                .err(
                    q.file,
                    c.span(),
                    format!(
                        "[[proposals]] \"{}\" has combine, which only [proposal] may have",
                        v.name.get_ref()
                    ),
                )
                .with_help(
                    "write combine = [...] in [proposal], naming the [[proposals]] to combine",
                ));
        }
        let start = b.month(q.file, &v.start, base_year, end_year, "proposal start")?;
        let mut scratch = Collected::new(n, start);
        apply(
            b,
            q.file,
            v,
            (start, true),
            departments,
            (base_year, end_year),
            &mut scratch,
        )?;
    }
    let Some(p) = &m.proposal else {
        return Ok(None);
    };
    let f = p.file;
    let v = p.value.get_ref();
    let start = b.month(f, &v.start, base_year, end_year, "proposal start")?;
    let mut c = Collected::new(n, start);
    apply(
        b,
        f,
        v,
        (start, true),
        departments,
        (base_year, end_year),
        &mut c,
    )?;
    if let Some(list) = &v.combine {
        let mut seen: Vec<&str> = Vec::new();
        for name in list.get_ref() {
            if seen.contains(&name.as_str()) {
                return Err(b
                    .err(
                        f,
                        list.span(),
                        format!("proposal combines \"{name}\" twice"),
                    )
                    .with_help("name each of the [[proposals]] once"));
            }
            seen.push(name);
            let q = m
                .proposals
                .iter()
                .find(|q| q.value.get_ref().name.get_ref() == name)
                .ok_or_else(|| {
                    b.err(
                        f,
                        list.span(),
                        format!("proposal combines \"{name}\", but there is no [[proposals]] of that name"),
                    )
                    .with_help(if m.proposals.is_empty() {
                        "add a [[proposals]] entry with name, start and hours (docs/scenario-format.md, section 18)".to_string()
                    } else {
                        format!(
                            "the [[proposals]] are: {}",
                            m.proposals
                                .iter()
                                .map(|q| q.value.get_ref().name.get_ref().as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    })
                })?;
            let qv = q.value.get_ref();
            let qstart = b.month(q.file, &qv.start, base_year, end_year, "proposal start")?;
            apply(
                b,
                q.file,
                qv,
                (qstart, false),
                departments,
                (base_year, end_year),
                &mut c,
            )?;
        }
    }
    Ok(Some(Proposal {
        name: v.name.get_ref().clone(),
        description: v.description.clone(),
        start,
        hours: c.hours,
        starts: c.starts,
    }))
}

impl Collected {
    /// Nothing set yet; every channel starts with `[proposal]`.
    fn new(n: usize, start: usize) -> Collected {
        Collected {
            hours: vec![[None, None]; n],
            starts: vec![[start; 2]; n],
            set_by: vec![[None, None]; n],
        }
    }
}

/// Adds one proposal's hours (from `start`, or its departments' and
/// channels' own starts) to `c`; hours for a (department, channel) that an
/// earlier proposal set are an error. `primary`: this is `[proposal]`
/// itself, whose departments' starts apply to both channels as they always
/// have; a combined proposal's starts apply only where it sets hours.
fn apply(
    b: &Builder,
    f: FileId,
    v: &RawProposal,
    (start, primary): (usize, bool),
    departments: &[Department],
    (base_year, end_year): (i32, i32),
    c: &mut Collected,
) -> Result<(), InputError> {
    let pname = v.name.get_ref();
    let Some(h) = &v.hours else {
        return Ok(());
    };
    for (dname, sched) in h.get_ref() {
        let di = departments
            .iter()
            .position(|d| &d.name == dname)
            .ok_or_else(|| {
                b.err(
                    f,
                    sched.span(),
                    format!("proposal names unknown department \"{dname}\""),
                )
                .with_help(format!(
                    "departments are: {}",
                    departments
                        .iter()
                        .map(|d| d.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
        let sv = sched.get_ref();
        let month = |m: &Spanned<String>, ch: &str| {
            b.month(
                f,
                m,
                base_year,
                end_year,
                &format!("proposal hours of \"{dname}\" {ch}"),
            )
        };
        for (i, (ch, own)) in [("counter", &sv.counter_start), ("phone", &sv.phone_start)]
            .into_iter()
            .enumerate()
        {
            let has = if i == 0 { &sv.counter } else { &sv.phone };
            if let (Some(m), None) = (own, has) {
                return Err(b
                    .err(
                        f,
                        m.span(),
                        format!(
                            "proposal stages {ch} hours of \"{dname}\" but sets no new {ch} hours"
                        ),
                    )
                    .with_help(format!(
                        "add {ch} = \"...\" (the new hours) next to {ch}_start"
                    )));
            }
            let own_start = match own.as_ref().or(sv.start.as_ref()) {
                Some(m) => Some(month(m, ch)?),
                None => None,
            };
            if primary {
                if let Some(m) = own_start {
                    c.starts[di][i] = m;
                }
            }
            let Some(s) = has else {
                continue;
            };
            if departments[di].today[i].is_none() {
                return Err(b.err(f, s.span(), format!("proposal sets {ch} hours for \"{dname}\", which has no {ch} hours today"))
                    .with_help(format!("add hours.{ch} (today's hours) to department \"{dname}\"")));
            }
            if let Some(other) = &c.set_by[di][i] {
                return Err(b
                    .err(f, s.span(), format!("proposal \"{pname}\" sets {ch} hours for \"{dname}\", which proposal \"{other}\" already sets"))
                    .with_help("combine proposals that change different departments or channels, or write these hours in one of them only"));
            }
            c.starts[di][i] = own_start.unwrap_or(start);
            c.hours[di][i] = Some(parse_schedule(
                b,
                f,
                s,
                &format!("proposal \"{pname}\", department \"{dname}\", {ch} hours"),
            )?);
            c.set_by[di][i] = Some(pname.clone());
        }
    }
    Ok(())
}
