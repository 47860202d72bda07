//! Progress on stderr for runs longer than a moment: a bar while trials
//! run, then the stage the run is in ("summarising…", "writing charts…"), so
//! that the terminal never sits still without saying why.
//!
//! Both are hidden with `--quiet` and when stderr is not a terminal
//! (indicatif draws nothing then).

use crate::i18n::TextTerm;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::i18n::{format_number, Lang};

/// The widest a bar's label is drawn, so that the bar fits one line.
const LABEL_WIDTH: usize = 24;

/// Where progress goes: stderr, or nowhere with `--quiet`.
fn target(quiet: bool) -> ProgressDrawTarget {
    if quiet {
        ProgressDrawTarget::hidden()
    } else {
        ProgressDrawTarget::stderr()
    }
}

/// A bar of `total` trials labelled `what`, with a whole number of trials a
/// second ("81,234/s" reads better than "81234.5678/s").
pub fn bar(total: u64, quiet: bool, what: &str, lang: Lang) -> ProgressBar {
    let pb = ProgressBar::with_draw_target(Some(total), target(quiet));
    let count = move |x: u64| format_number(x as f64, 0, lang);
    let template = format!(
        "{{msg}} [{{bar:30}}] {{done}}/{{all}} {} ({{rate}}, {} {{eta}})",
        TextTerm::Trials.get(lang),
        TextTerm::Eta.get(lang)
    );
    pb.set_style(
        ProgressStyle::with_template(&template)
            .expect("valid template")
            .with_key(
                "rate",
                move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{}/s", format_number(s.per_sec().round(), 0, lang));
                },
            )
            .with_key(
                "done",
                move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{}", count(s.pos()));
                },
            )
            .with_key(
                "all",
                move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{}", count(s.len().unwrap_or(0)));
                },
            )
            .progress_chars("=> "),
    );
    pb.set_message(label(what));
    pb
}

/// A scenario name fit for the bar: no escape sequences, at most
/// [`LABEL_WIDTH`] columns (cut in the middle, so both ends still show).
fn label(what: &str) -> String {
    let clean = crate::export::sanitize::clean_text(what);
    crate::text_table::shorten_middle(&clean, LABEL_WIDTH)
}

/// A spinner naming what the run is doing between and after the trials.
pub struct Stage {
    spinner: ProgressBar,
    lang: Lang,
}

/// What a run does after its trials, each shown as a stage.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    Summarising,
    Sensitivity,
    Comparing,
    WritingFiles,
    WritingCharts,
    WritingReport,
    WritingWorkbook,
}

impl Step {
    /// "summarising…" / "opsummerer…".
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Step::Summarising => TextTerm::Summarising.get(lang),
            Step::Sensitivity => TextTerm::WorkingOutWhichInputsMatter.get(lang),
            Step::Comparing => TextTerm::ComparingTheOptions.get(lang),
            Step::WritingFiles => TextTerm::WritingSummaryJsonAndCsv.get(lang),
            Step::WritingCharts => TextTerm::WritingCharts.get(lang),
            Step::WritingReport => TextTerm::WritingTheReport.get(lang),
            Step::WritingWorkbook => TextTerm::WritingTheWorkbook.get(lang),
        }
    }
}

impl Stage {
    /// A spinner on stderr (hidden with `quiet` or without a terminal).
    pub fn new(quiet: bool, lang: Lang) -> Stage {
        let spinner = ProgressBar::with_draw_target(None, target(quiet));
        spinner.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .expect("valid template")
                .tick_chars("|/-\\ "),
        );
        spinner.enable_steady_tick(Duration::from_millis(120));
        Stage { spinner, lang }
    }

    /// Shows `step` as what the run is doing now, its time counted from now.
    pub fn show(&self, step: Step) {
        self.spinner.reset_elapsed();
        self.spinner.set_message(step.text(self.lang));
    }

    /// Removes the spinner before the results are printed.
    pub fn done(self) {
        self.spinner.finish_and_clear();
    }
}
