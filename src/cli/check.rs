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
    print!("{}", describe(&s));
    print!("{changes}");
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
    let side = |v: &Option<(String, usize)>, none: &str| match v {
        Some((text, at)) => format!("{} ({})", shorten(text), src.position(*at)),
        None => none.to_string(),
    };
    for c in &m.changes {
        let _ = match c.kind {
            ChangeKind::Added => writeln!(o, "  + {} = {}", c.path, side(&c.option, "")),
            ChangeKind::Changed => writeln!(
                o,
                "  ~ {}: {} -> {}",
                c.path,
                side(&c.base, ""),
                side(&c.option, "")
            ),
            ChangeKind::Removed => writeln!(
                o,
                "  - {}: {} -> removed ({})",
                c.path,
                side(&c.base, ""),
                c.option
                    .as_ref()
                    .map(|(_, at)| src.position(*at))
                    .unwrap_or_default()
            ),
        };
    }
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
        let header: Vec<String> = ["  key", "distribution", "unit"].map(String::from).to_vec();
        let rows: Vec<Vec<String>> = s
            .inputs
            .iter()
            .map(|i| {
                vec![
                    format!("  {}", i.key),
                    i.distribution.describe(),
                    i.unit.clone(),
                ]
            })
            .collect();
        o.push_str(&crate::text_table::render(
            &header,
            &rows,
            &[true, true, true],
        ));
    }
    if !s.departments.is_empty() {
        let _ = writeln!(o, "opening hours (hours per week):");
        for r in crate::summary::hours_rows(s) {
            match (&r.proposal, r.proposal_hours_per_week) {
                (Some(p), Some(h)) => {
                    let _ = writeln!(o, "  {:<22} {:<8} today {:>5} h  \"{}\"\n  {:<22} {:<8} option {:>4} h  \"{}\"", r.department, r.channel, crate::text_table::format_hours(r.today_hours_per_week), r.today, "", "", crate::text_table::format_hours(h), p);
                }
                _ => {
                    let _ = writeln!(
                        o,
                        "  {:<22} {:<8} today {:>5} h  \"{}\"",
                        r.department,
                        r.channel,
                        crate::text_table::format_hours(r.today_hours_per_week),
                        r.today
                    );
                }
            }
        }
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
        for e in &s.events {
            let kind = match e.kind {
                crate::scenario::EventKind::Policy => "policy",
                crate::scenario::EventKind::External => "external",
            };
            let _ = writeln!(
                o,
                "  {:<40} {:<8} {} to {}",
                e.name,
                kind,
                month_label(s.base_year, e.start),
                month_label(s.base_year, e.end)
            );
        }
    }
    if !s.goals.is_empty() {
        let _ = writeln!(o, "goals:");
        for g in &s.goals {
            let years: Vec<String> = g
                .targets
                .iter()
                .enumerate()
                .filter_map(|(y, t)| {
                    t.map(|t| format!("{}: {} {}", s.base_year + y as i32, g.op.symbol(), t))
                })
                .collect();
            let _ = writeln!(
                o,
                "  {:<40} {} [{}]",
                g.name,
                g.metric.key(),
                years.join(", ")
            );
        }
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

/// "2014-01" for month index `m` (0 = January of `base_year`).
fn month_label(base_year: i32, m: usize) -> String {
    crate::domain::YearMonth {
        year: base_year + (m / 12) as i32,
        month: (m % 12) as u32 + 1,
    }
    .to_string()
}
