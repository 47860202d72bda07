//! `channelshift check`: validate a scenario and summarise it.

use crate::i18n::{completion_line, Lang, TextChart, TextCommon, TextTerm};
use std::path::Path;

use crate::domain::{ContactType, OpeningChannel};
use crate::error::Error;
use crate::report::html::{distribution_label, schedule_label, unit_label};
use crate::scenario::load::{ChangeKind, Merged};
use crate::scenario::{build, load, Scenario};

/// Validates the scenario at `path`, simulates a few trials and prints what
/// it contains in `lang`.
pub fn check(path: &Path, lang: Lang) -> Result<(), Error> {
    let merged = load::load(path)?;
    let changes = describe_changes(&merged, lang);
    let s = build::build(merged)?;
    // Simulate a few trials (medians, extremes, the first sampled ones), so
    // that `check` catches outputs that `run` would find overflowing.
    let engine = crate::engine::Engine::new(&s, s.default_seed.unwrap_or(1));
    if let Some(n) = s.default_trials {
        super::run::check_memory(
            n,
            super::run::bytes_per_trial(&engine, false),
            super::run::available_memory_bytes(),
            &format!("[simulation] trials in {}", s.path.display()),
            "lower [simulation] trials, or run with --precision 1% to stop when precise enough",
        )?;
    }
    engine.probe()?;
    super::run::print_terminal(&describe(&s, lang));
    super::run::print_terminal(&changes);
    Ok(())
}

/// What an option file changes against its base, one key a line:
/// `~ key: base value (file:line) -> option value (file:line)`,
/// `+ key = value (file:line)` for a key the base does not have,
/// `- key: base value (file:line) -> removed (file:line)` for a removed
/// entry. Empty for a file without `extends`.
pub fn describe_changes(m: &Merged, lang: Lang) -> String {
    use std::fmt::Write;
    if m.top == 0 {
        return String::new();
    }
    let src = &m.sources;
    let bases: Vec<String> = src.files[..m.top]
        .iter()
        .rev()
        .map(|f| f.path.display().to_string())
        .collect();
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} ({}): {}",
        TextTerm::ChangesAgainstTheBase.get(lang),
        bases.join(" <- "),
        m.changes.len()
    );
    for c in &m.changes {
        let line = match c.kind {
            ChangeKind::Added => change_line("+", &format!("{} =", c.path), "", &c.option, src),
            ChangeKind::Changed => {
                let before = format!("{}:", c.path);
                let base = side(&c.base, src);
                change_line("~", &before, &base, &c.option, src)
            }
            ChangeKind::Removed => {
                let at = c.option.as_ref().map(|(_, at)| src.position(*at));
                let base = side(&c.base, src);
                let removed = format!(
                    "{} ({})",
                    TextTerm::Removed.get(lang),
                    at.unwrap_or_default()
                );
                fit_change(&[format!("  - {}: {base}", c.path), format!("-> {removed}")])
            }
        };
        o.push_str(&line);
    }
    o
}

/// "value (file:line)" of one side of a change, or "" when absent.
fn side(v: &Option<(String, usize)>, src: &crate::scenario::load::Sources) -> String {
    match v {
        Some((text, at)) => format!("{} ({})", shorten(text), src.position(*at)),
        None => String::new(),
    }
}

/// One change: `~ path: base -> option` or `+ path = option`.
fn change_line(
    mark: &str,
    path: &str,
    base: &str,
    option: &Option<(String, usize)>,
    src: &crate::scenario::load::Sources,
) -> String {
    let new = option
        .as_ref()
        .map(|(text, at)| (shorten(text), src.position(*at)));
    let (value, at) = new.unwrap_or_default();
    let at = format!("({at})");
    if base.is_empty() {
        fit_change(&[format!("  {mark} {path} {value}"), at])
    } else {
        fit_change(&[
            format!("  {mark} {path} {base}"),
            format!("-> {value} {at}"),
        ])
    }
}

/// The parts of a change on one line when it fits the terminal, else each
/// further part on a continuation line indented under the first.
fn fit_change(parts: &[String]) -> String {
    let one = parts.join(" ");
    if crate::text_table::width(&one) <= crate::text_table::TERMINAL_WIDTH {
        return format!("{one}\n");
    }
    let mut o = parts[0].clone();
    for p in &parts[1..] {
        o.push_str("\n      ");
        o.push_str(p);
    }
    o.push('\n');
    o
}

/// A value cut to a readable length.
fn shorten(text: &str) -> String {
    const MAX: usize = 70;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

/// A short human description of what a scenario contains, in `lang`.
pub fn describe(s: &Scenario, lang: Lang) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(o, "ok: {} ({})", s.name, s.path.display());
    let _ = writeln!(
        o,
        "{}: {}-{} ({} {})",
        TextTerm::Horizon.get(lang),
        s.base_year,
        s.end_year,
        s.months(),
        TextTerm::Months.get(lang)
    );
    let _ = writeln!(
        o,
        "{}: {}, {}: {}",
        TextTerm::Areas.get(lang),
        s.areas.len(),
        TextTerm::CellsAreaXContactType.get(lang),
        s.cells.len()
    );
    let _ = writeln!(
        o,
        "{}: {}",
        TextTerm::UncertainInputs.get(lang),
        s.inputs.len()
    );
    if !s.inputs.is_empty() {
        let rows: Vec<Vec<String>> = s
            .inputs
            .iter()
            .map(|i| {
                vec![
                    i.key.to_string(),
                    distribution_label(&i.distribution.describe(), lang),
                    unit_label(&i.unit, lang),
                ]
            })
            .collect();
        // Keys break at their dots, continuation lines indented.
        let header = [
            TextTerm::Key.get(lang),
            TextTerm::Distribution.get(lang),
            TextTerm::Unit.get(lang),
        ]
        .map(String::from);
        o.push_str(&crate::text_table::render_hanging(
            &header,
            &rows,
            &[true; 3],
            &[2, 0, 0],
        ));
    }
    if !s.departments.is_empty() {
        let _ = writeln!(o, "{}:", TextTerm::OpeningHoursHoursPerWeek.get(lang));
        o.push_str(&hours_table(s, lang));
    }
    if let Some(p) = &s.proposal {
        let _ = writeln!(
            o,
            "{}: {} {} {}",
            TextTerm::Proposal.get(lang),
            p.name,
            TextTerm::From.get(lang),
            month_label(s.base_year, p.start)
        );
        // Departments that stage their new hours at other months.
        for (d, dep) in s.departments.iter().enumerate() {
            for channel in OpeningChannel::ALL {
                let ch = channel.index();
                if p.hours[d][ch].is_some() && p.starts[d][ch] != p.start {
                    let _ = writeln!(
                        o,
                        "  {} {}: {} {}",
                        dep.name,
                        channel_word(channel, lang),
                        TextTerm::NewHoursFrom.get(lang),
                        month_label(s.base_year, p.starts[d][ch])
                    );
                }
            }
        }
    }
    if !s.events.is_empty() {
        let _ = writeln!(o, "{}:", TextTerm::Events.get(lang));
        o.push_str(&events_table(s, lang));
    }
    o.push_str(&citizens_lines(s, lang));
    if !s.goals.is_empty() {
        let _ = writeln!(o, "{}:", TextTerm::Goals.get(lang));
        o.push_str(&goals_table(s, lang));
    }
    if s.raised_ceilings.is_empty() {
        let _ = writeln!(o, "{}", TextTerm::CeilingsNoneBelowTodaysDigital.get(lang));
    } else {
        let _ = writeln!(o, "{}:", TextTerm::CeilingsRaisedToTodaysDigital.get(lang));
        for r in &s.raised_ceilings {
            let _ = writeln!(
                o,
                "  {} / {}: {} {} {} {}",
                r.area,
                contact_type_word(r.contact_type, lang),
                TextTerm::Ceiling.get(lang),
                crate::i18n::format_number(r.ceiling, 4, lang)
                    .trim_end_matches('0')
                    .trim_end_matches(lang.decimal_separator()),
                TextTerm::RaisedToTodaysShare.get(lang),
                crate::i18n::format_number(r.today, 4, lang)
            );
        }
    }
    o
}

/// The counter or the phone as a word of `lang` ("skranke", "telefon").
fn channel_word(channel: OpeningChannel, lang: Lang) -> String {
    crate::report::chart_data::opening_channel_label(channel, lang).to_lowercase()
}

/// A contact type as a word of `lang` ("transaktion", "transaction").
fn contact_type_word(t: ContactType, lang: Lang) -> &'static str {
    match t {
        ContactType::Transaction => TextTerm::Transaction.get(lang),
        ContactType::Information => TextTerm::Information.get(lang),
        ContactType::CaseInformation => TextTerm::CaseInformation.get(lang),
    }
}

/// What the scenario models of citizens, completion and solutions.
fn citizens_lines(s: &Scenario, lang: Lang) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    if !s.citizens.is_empty() {
        let _ = writeln!(
            o,
            "{}:",
            TextTerm::CitizensCapabilitiesShareOfAdult.get(lang)
        );
        for c in &s.citizens {
            let mut couplings = Vec::new();
            if c.drives_outbound {
                couplings.push(TextTerm::OutboundLettersFollowIt.get(lang).to_string());
            }
            let types: Vec<&str> = ContactType::ALL
                .iter()
                .filter(|ty| c.limits_self_service[ty.index()])
                .map(|ty| contact_type_word(*ty, lang))
                .collect();
            if !types.is_empty() {
                couplings.push(format!(
                    "{} {}",
                    TextTerm::CapsSelfServiceOf.get(lang),
                    types.join(", ")
                ));
            }
            let _ = writeln!(
                o,
                "  {}{}",
                c.capability.label(lang),
                if couplings.is_empty() {
                    String::new()
                } else {
                    format!(": {}", couplings.join("; "))
                }
            );
        }
    }
    if let Some(cp) = &s.completion {
        let n = cp.rate.iter().filter(|r| r.is_some()).count();
        let price = if cp.abandoned_price_kr.is_some() {
            "abandoned_price_kr"
        } else {
            TextTerm::TheSelfServiceUnitPrice.get(lang)
        };
        let _ = writeln!(o, "{}", completion_line(lang, n, price));
    }
    if !s.solutions.is_empty() {
        let _ = writeln!(o, "{}:", TextTerm::SelfServiceSolutions.get(lang));
        let rows: Vec<Vec<String>> = s
            .solutions
            .iter()
            .map(|x| {
                vec![
                    x.name.clone(),
                    x.count.to_string(),
                    x.launch
                        .map(|m| month_label(s.base_year, m))
                        .unwrap_or_else(|| TextTerm::Live.get(lang).into()),
                    if x.delay_months.is_some() {
                        TextTerm::Uncertain.get(lang).into()
                    } else {
                        TextTerm::None.get(lang).into()
                    },
                ]
            })
            .collect();
        o.push_str(&table(
            &[
                TextTerm::Solution.get(lang),
                TextTerm::Count.get(lang),
                TextTerm::Launch.get(lang),
                TextTerm::Delay.get(lang),
            ],
            &rows,
        ));
    }
    o
}

/// "2014-01" for month index `m` (0 = January of `base_year`).
fn month_label(base_year: i32, m: usize) -> String {
    crate::domain::YearMonth {
        year: base_year + (m / 12) as i32,
        month: (m % 12) as u32 + 1,
    }
    .to_string()
}

/// A table with left-aligned columns.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    crate::text_table::render(&header, rows, &vec![true; header.len()])
}

/// Today's and the proposal's weekly hours per department and channel.
fn hours_table(s: &Scenario, lang: Lang) -> String {
    let hours = |h: f64| crate::report::html::format_sig(h, 4, lang);
    let mut rows = Vec::new();
    for r in crate::summary::hours_rows(s) {
        rows.push(vec![
            r.department.clone(),
            channel_word(r.channel, lang),
            format!(
                "{} {} {}",
                TextCommon::TodayLower.get(lang),
                hours(r.today_hours_per_week),
                TextChart::HoursShort.get(lang)
            ),
            schedule_label(&r.today, lang),
        ]);
        if let (Some(p), Some(h)) = (&r.proposal, r.proposal_hours_per_week) {
            rows.push(vec![
                String::new(),
                String::new(),
                format!(
                    "{} {} {}",
                    TextTerm::Option.get(lang),
                    hours(h),
                    TextChart::HoursShort.get(lang)
                ),
                schedule_label(p, lang),
            ]);
        }
    }
    table(
        &[
            TextCommon::DepartmentLower.get(lang),
            TextTerm::Channel.get(lang),
            TextTerm::Hours.get(lang),
            TextTerm::Schedule.get(lang),
        ],
        &rows,
    )
}

/// Each event's kind and months.
fn events_table(s: &Scenario, lang: Lang) -> String {
    let rows: Vec<Vec<String>> = s
        .events
        .iter()
        .map(|e| {
            let kind = match e.kind {
                crate::scenario::EventKind::Policy => TextTerm::Policy.get(lang),
                crate::scenario::EventKind::External => TextTerm::External.get(lang),
            };
            vec![
                e.name.clone(),
                kind.to_string(),
                month_label(s.base_year, e.start),
                month_label(s.base_year, e.end),
            ]
        })
        .collect();
    table(
        &[
            TextTerm::Event.get(lang),
            TextTerm::Kind.get(lang),
            TextTerm::From.get(lang),
            TextCommon::To.get(lang),
        ],
        &rows,
    )
}

/// Each goal's metric and targets by year; a target the same every year is
/// written once.
fn goals_table(s: &Scenario, lang: Lang) -> String {
    let rows: Vec<Vec<String>> = s
        .goals
        .iter()
        .map(|g| {
            let years: Vec<(i32, f64)> = g
                .targets
                .iter()
                .enumerate()
                .filter_map(|(y, t)| t.map(|t| (s.base_year + y as i32, t)))
                .collect();
            let op = g.op.symbol();
            let value = |v: f64| crate::goal_text::value(g.metric, v, lang);
            let same = years.windows(2).all(|w| w[0].1 == w[1].1);
            let targets = match (years.first(), years.last()) {
                (Some(a), Some(b)) if same && a.0 != b.0 => {
                    format!("{}-{}: {op} {}", a.0, b.0, value(a.1))
                }
                _ => years
                    .iter()
                    .map(|(y, v)| format!("{y}: {op} {}", value(*v)))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let mut metric = crate::goal_text::metric_label(g.metric, lang);
            if g.year_end {
                metric.push_str(TextTerm::December.get(lang));
            }
            vec![g.name.clone(), metric, targets]
        })
        .collect();
    table(
        &[
            TextTerm::Goal.get(lang),
            TextTerm::Metric.get(lang),
            TextTerm::Targets.get(lang),
        ],
        &rows,
    )
}
