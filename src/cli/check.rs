//! `channelshift check`: validate a scenario and summarise it.

use std::path::Path;

use crate::error::Error;
use crate::scenario::load::{ChangeKind, Merged};
use crate::scenario::{build, load, Scenario};

pub fn check(path: &Path) -> Result<(), Error> {
    let merged = load::load(path)?;
    let changes = describe_changes(&merged);
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
    super::run::print_terminal(&describe(&s));
    super::run::print_terminal(&changes);
    Ok(())
}

/// What an option file changes against its base, one key a line:
/// `~ key: base value (file:line) -> option value (file:line)`,
/// `+ key = value (file:line)` for a key the base does not have,
/// `- key: base value (file:line) -> removed (file:line)` for a removed
/// entry. Empty for a file without `extends`.
pub fn describe_changes(m: &Merged) -> String {
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
        "changes against the base ({}): {}",
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
                let removed = format!("removed ({})", at.unwrap_or_default());
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

/// A short human description of what a scenario contains.
pub fn describe(s: &Scenario) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(o, "ok: {} ({})", s.name, s.path.display());
    let _ = writeln!(
        o,
        "horizon: {}-{} ({} months)",
        s.base_year,
        s.end_year,
        s.months()
    );
    let _ = writeln!(
        o,
        "areas: {}, cells (area x contact type): {}",
        s.areas.len(),
        s.cells.len()
    );
    let _ = writeln!(o, "uncertain inputs: {}", s.inputs.len());
    if !s.inputs.is_empty() {
        let rows: Vec<Vec<String>> = s
            .inputs
            .iter()
            .map(|i| vec![i.key.clone(), i.distribution.describe(), i.unit.clone()])
            .collect();
        o.push_str(&table(&["key", "distribution", "unit"], &rows));
    }
    if !s.departments.is_empty() {
        let _ = writeln!(o, "opening hours (hours per week):");
        o.push_str(&hours_table(s));
    }
    if let Some(p) = &s.proposal {
        let _ = writeln!(
            o,
            "proposal: {} from {}",
            p.name,
            month_label(s.base_year, p.start)
        );
        // Departments that stage their new hours at other months.
        for (d, dep) in s.departments.iter().enumerate() {
            for (ch, name) in ["counter", "phone"].iter().enumerate() {
                if p.hours[d][ch].is_some() && p.starts[d][ch] != p.start {
                    let _ = writeln!(
                        o,
                        "  {} {name}: new hours from {}",
                        dep.name,
                        month_label(s.base_year, p.starts[d][ch])
                    );
                }
            }
        }
    }
    if !s.events.is_empty() {
        let _ = writeln!(o, "events:");
        o.push_str(&events_table(s));
    }
    o.push_str(&citizens_lines(s));
    if !s.goals.is_empty() {
        let _ = writeln!(o, "goals:");
        o.push_str(&goals_table(s));
    }
    if s.raised_ceilings.is_empty() {
        let _ = writeln!(o, "ceilings: none below today's digital share");
    } else {
        let _ = writeln!(o, "ceilings raised to today's digital share:");
        for r in &s.raised_ceilings {
            let _ = writeln!(o, "  {r}");
        }
    }
    o
}

/// What the scenario models of citizens, completion and solutions.
fn citizens_lines(s: &Scenario) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    if !s.citizens.is_empty() {
        let _ = writeln!(o, "citizens' capabilities (share of adult citizens):");
        for c in &s.citizens {
            let mut couplings = Vec::new();
            if c.drives_outbound {
                couplings.push("outbound letters follow it".to_string());
            }
            let types: Vec<&str> = crate::domain::ContactType::ALL
                .iter()
                .filter(|t| c.limits_self_service[t.index()])
                .map(|t| t.key())
                .collect();
            if !types.is_empty() {
                couplings.push(format!("caps self-service of {}", types.join(", ")));
            }
            let _ = writeln!(
                o,
                "  {}{}",
                c.capability.key(),
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
        let _ = writeln!(
            o,
            "completion of started self-service: {n} cells with a rate; failed attempts cost {}",
            if cp.abandoned_price_kr.is_some() {
                "abandoned_price_kr"
            } else {
                "the self-service unit price"
            }
        );
    }
    if !s.solutions.is_empty() {
        let _ = writeln!(o, "self-service solutions:");
        let rows: Vec<Vec<String>> = s
            .solutions
            .iter()
            .map(|x| {
                vec![
                    x.name.clone(),
                    x.count.to_string(),
                    x.launch
                        .map(|m| month_label(s.base_year, m))
                        .unwrap_or_else(|| "live".into()),
                    if x.delay_months.is_some() {
                        "uncertain".into()
                    } else {
                        "none".into()
                    },
                ]
            })
            .collect();
        o.push_str(&table(&["solution", "count", "launch", "delay"], &rows));
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
fn hours_table(s: &Scenario) -> String {
    let hours = crate::text_table::format_hours;
    let mut rows = Vec::new();
    for r in crate::summary::hours_rows(s) {
        rows.push(vec![
            r.department.clone(),
            r.channel.clone(),
            format!("today {} h", hours(r.today_hours_per_week)),
            r.today.clone(),
        ]);
        if let (Some(p), Some(h)) = (&r.proposal, r.proposal_hours_per_week) {
            rows.push(vec![
                String::new(),
                String::new(),
                format!("option {} h", hours(h)),
                p.clone(),
            ]);
        }
    }
    table(&["department", "channel", "hours", "schedule"], &rows)
}

/// Each event's kind and months.
fn events_table(s: &Scenario) -> String {
    let rows: Vec<Vec<String>> = s
        .events
        .iter()
        .map(|e| {
            let kind = match e.kind {
                crate::scenario::EventKind::Policy => "policy",
                crate::scenario::EventKind::External => "external",
            };
            vec![
                e.name.clone(),
                kind.to_string(),
                month_label(s.base_year, e.start),
                month_label(s.base_year, e.end),
            ]
        })
        .collect();
    table(&["event", "kind", "from", "to"], &rows)
}

/// Each goal's metric and targets by year; a target the same every year is
/// written once.
fn goals_table(s: &Scenario) -> String {
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
            let same = years.windows(2).all(|w| w[0].1 == w[1].1);
            let targets = match (years.first(), years.last()) {
                (Some(a), Some(b)) if same && a.0 != b.0 => {
                    format!("{}-{}: {op} {}", a.0, b.0, a.1)
                }
                _ => years
                    .iter()
                    .map(|(y, t)| format!("{y}: {op} {t}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let mut metric = match g.metric {
                crate::scenario::GoalMetric::Citizens(c) => format!("citizens: {}", c.key()),
                other => other.key().to_string(),
            };
            if g.year_end {
                metric.push_str(" (December)");
            }
            vec![g.name.clone(), metric, targets]
        })
        .collect();
    table(&["goal", "metric", "targets"], &rows)
}
