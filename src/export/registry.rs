//! The one list of output files: every file other than a chart that `run`,
//! `compare` or `backtest` writes, with its name (or name pattern), the
//! commands that write it, when a command writes it and how it is rendered.
//!
//! Writing the files ([`super::manager::ExportManager`]), pruning files of
//! an earlier run from an output directory ([`super::outdir`]) and the
//! per-option file names in `comparison.json` all follow this list, so an
//! output is added in one place: a new [`OutputFile`] variant, which the
//! compiler then asks for in every `match` below. The charts have their own
//! list, [`crate::report::chart_list::ChartId`].

use std::path::PathBuf;

use super::csv::CsvLocale;
use super::Exporter;
use super::{breakdown_csv, comparison_xlsx, csv, json, monthly_files, xlsx};
use crate::backtest::Backtest;
use crate::comparison::Comparison;
use crate::engine::{Engine, Trials};
use crate::i18n::Lang;
use crate::report::html::ComparedBase;
use crate::summary::RunSummary;

/// A command that writes files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Run,
    Compare,
    Backtest,
}

/// What a command computed: everything its files are rendered from.
#[derive(Clone, Copy)]
pub enum Results<'a> {
    /// `run`: the summary, and the trials for the workbook's per-trial sheet.
    Run {
        summary: &'a RunSummary,
        engine: &'a Engine<'a>,
        trials: &'a Trials,
    },
    /// `compare`: the comparison and each option's run summary, in the
    /// comparison's order; for the report the same summaries with each
    /// option's sensitivity ranking (when `--report`, else empty) and what
    /// the first file is.
    Compare {
        comparison: &'a Comparison,
        summaries: &'a [RunSummary],
        report_summaries: &'a [RunSummary],
        base: &'a ComparedBase,
    },
    /// `backtest`: the scores, and the forecast's trials for its report.
    Backtest {
        backtest: &'a Backtest,
        engine: &'a Engine<'a>,
        trials: &'a Trials,
    },
}

impl<'a> Results<'a> {
    /// The command these results are from.
    pub fn command(&self) -> Command {
        match self {
            Results::Run { .. } => Command::Run,
            Results::Compare { .. } => Command::Compare,
            Results::Backtest { .. } => Command::Backtest,
        }
    }

    /// The run's summary (`option` None) or a compared option's (`Some(i)`,
    /// in the comparison's order).
    pub fn summary(&self, option: Option<usize>) -> anyhow::Result<&'a RunSummary> {
        match (*self, option) {
            (Results::Run { summary, .. }, None) => Ok(summary),
            (Results::Compare { summaries, .. }, Some(i)) => summaries
                .get(i)
                .ok_or_else(|| anyhow::anyhow!("no option {i} in the comparison")),
            _ => Err(self.mismatch("a run summary")),
        }
    }

    /// The comparison and the options' summaries.
    pub fn comparison(&self) -> anyhow::Result<(&'a Comparison, &'a [RunSummary])> {
        match *self {
            Results::Compare {
                comparison,
                summaries,
                ..
            } => Ok((comparison, summaries)),
            _ => Err(self.mismatch("a comparison")),
        }
    }

    /// The backtest's scores.
    pub fn backtest(&self) -> anyhow::Result<&'a Backtest> {
        match *self {
            Results::Backtest { backtest, .. } => Ok(backtest),
            _ => Err(self.mismatch("a backtest")),
        }
    }

    /// The engine and trials of a run or a backtest.
    pub fn trials(&self) -> anyhow::Result<(&'a Engine<'a>, &'a Trials)> {
        match *self {
            Results::Run { engine, trials, .. } | Results::Backtest { engine, trials, .. } => {
                Ok((engine, trials))
            }
            Results::Compare { .. } => Err(self.mismatch("trials")),
        }
    }

    fn mismatch(&self, what: &str) -> anyhow::Error {
        anyhow::anyhow!("{:?} has no {what} to write", self.command())
    }
}

/// What the user asked for beyond the files every run writes.
#[derive(Debug, Clone)]
pub struct Request {
    /// Language of the report and the workbooks.
    pub lang: Lang,
    /// Layout of every CSV file.
    pub csv: CsvLocale,
    /// `--report`: report.html.
    pub report: bool,
    /// `run --xlsx FILE`: where the run's workbook goes (in the staging
    /// directory when it goes into `--out`).
    pub workbook: Option<PathBuf>,
    /// `run --xlsx-trials`: trials in the workbook's per-trial sheet.
    pub workbook_trials: usize,
    /// `compare --xlsx`: comparison.xlsx.
    pub comparison_workbook: bool,
}

impl Request {
    /// The files every run writes, in `lang` and `csv`'s layout, and
    /// nothing on request.
    pub fn new(lang: Lang, csv: CsvLocale) -> Self {
        Request {
            lang,
            csv,
            report: false,
            workbook: None,
            workbook_trials: 0,
            comparison_workbook: false,
        }
    }
}

/// How an output's file is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileName {
    /// Always this name in the output directory.
    Fixed(&'static str),
    /// One file per compared option: `<prefix><option id><extension>`.
    PerOption {
        prefix: &'static str,
        extension: &'static str,
    },
    /// Named by the user (`run --xlsx FILE`), anywhere.
    Chosen,
}

impl FileName {
    /// Whether a file called `name` in an output directory is this output
    /// (of any option, for a per-option file). A chosen name matches none:
    /// the output directory's plan knows it ([`super::outdir`]).
    pub fn matches(self, name: &str) -> bool {
        match self {
            FileName::Fixed(n) => n == name,
            FileName::PerOption { prefix, extension } => name
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_suffix(extension))
                .is_some_and(|id| !id.is_empty()),
            FileName::Chosen => false,
        }
    }

    /// The file of the option with file id `id` (for a per-option file).
    pub fn for_option(self, id: &str) -> Option<String> {
        match self {
            FileName::PerOption { prefix, extension } => Some(format!("{prefix}{id}{extension}")),
            _ => None,
        }
    }
}

/// When a file is made, for the progress line: the data files, the report
/// or a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Data,
    Report,
    Workbook,
}

/// One file a command writes: where (a name in the output directory, or the
/// chosen workbook's path) and which option's it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub path: PathBuf,
    /// The compared option (index in the comparison) for a per-option file.
    pub option: Option<usize>,
}

/// Every file other than a chart that this tool writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFile {
    Summary,
    Years,
    Goals,
    Sensitivity,
    Breakdown,
    MonthlyCsv,
    MonthlyJson,
    Comparison,
    ComparisonCsv,
    ComparisonBreakdown,
    OptionBreakdown,
    OptionMonthlyCsv,
    OptionMonthlyJson,
    BacktestJson,
    BacktestCsv,
    Report,
    Workbook,
    ComparisonWorkbook,
}

impl OutputFile {
    /// Every output, in the order they are rendered: the data files, the
    /// report, the workbooks.
    pub const ALL: [OutputFile; 18] = [
        OutputFile::Summary,
        OutputFile::Years,
        OutputFile::Goals,
        OutputFile::Sensitivity,
        OutputFile::Breakdown,
        OutputFile::MonthlyCsv,
        OutputFile::MonthlyJson,
        OutputFile::Comparison,
        OutputFile::ComparisonCsv,
        OutputFile::ComparisonBreakdown,
        OutputFile::OptionBreakdown,
        OutputFile::OptionMonthlyCsv,
        OutputFile::OptionMonthlyJson,
        OutputFile::BacktestJson,
        OutputFile::BacktestCsv,
        OutputFile::Report,
        OutputFile::Workbook,
        OutputFile::ComparisonWorkbook,
    ];

    /// The file's name or name pattern.
    pub fn file_name(self) -> FileName {
        use FileName::{Chosen, Fixed, PerOption};
        match self {
            OutputFile::Summary => Fixed("summary.json"),
            OutputFile::Years => Fixed("years.csv"),
            OutputFile::Goals => Fixed("goals.csv"),
            OutputFile::Sensitivity => Fixed("sensitivity.csv"),
            OutputFile::Breakdown => Fixed("breakdown.csv"),
            OutputFile::MonthlyCsv => Fixed("monthly.csv"),
            OutputFile::MonthlyJson => Fixed("monthly.json"),
            OutputFile::Comparison => Fixed("comparison.json"),
            OutputFile::ComparisonCsv => Fixed("comparison.csv"),
            OutputFile::ComparisonBreakdown => Fixed("comparison-breakdown.csv"),
            OutputFile::OptionBreakdown => PerOption {
                prefix: "breakdown-",
                extension: ".csv",
            },
            OutputFile::OptionMonthlyCsv => PerOption {
                prefix: "monthly-",
                extension: ".csv",
            },
            OutputFile::OptionMonthlyJson => PerOption {
                prefix: "monthly-",
                extension: ".json",
            },
            OutputFile::BacktestJson => Fixed("backtest.json"),
            OutputFile::BacktestCsv => Fixed("backtest.csv"),
            OutputFile::Report => Fixed("report.html"),
            OutputFile::Workbook => Chosen,
            OutputFile::ComparisonWorkbook => Fixed(comparison_xlsx::FILE_NAME),
        }
    }

    /// The commands that write this file.
    pub fn commands(self) -> &'static [Command] {
        match self {
            OutputFile::Summary
            | OutputFile::Years
            | OutputFile::Goals
            | OutputFile::Sensitivity
            | OutputFile::Breakdown
            | OutputFile::MonthlyCsv
            | OutputFile::MonthlyJson
            | OutputFile::Workbook => &[Command::Run],
            OutputFile::Comparison
            | OutputFile::ComparisonCsv
            | OutputFile::ComparisonBreakdown
            | OutputFile::OptionBreakdown
            | OutputFile::OptionMonthlyCsv
            | OutputFile::OptionMonthlyJson
            | OutputFile::ComparisonWorkbook => &[Command::Compare],
            OutputFile::BacktestJson | OutputFile::BacktestCsv => &[Command::Backtest],
            OutputFile::Report => &[Command::Run, Command::Compare, Command::Backtest],
        }
    }

    /// When the file is made, for the progress line.
    pub fn step(self) -> Step {
        match self {
            OutputFile::Report => Step::Report,
            OutputFile::Workbook | OutputFile::ComparisonWorkbook => Step::Workbook,
            _ => Step::Data,
        }
    }

    /// The files of this output that `results`' command writes, given what
    /// it computed and what the user asked for: none, one, or one per
    /// compared option.
    pub fn instances(self, results: &Results<'_>, request: &Request) -> Vec<Instance> {
        if !self.commands().contains(&results.command()) {
            return Vec::new();
        }
        let fixed = |yes: bool| match (yes, self.file_name()) {
            (true, FileName::Fixed(name)) => vec![Instance {
                path: PathBuf::from(name),
                option: None,
            }],
            _ => Vec::new(),
        };
        let run = results.summary(None).ok();
        let run_has = |has: fn(&RunSummary) -> bool| run.is_some_and(has);
        match self {
            OutputFile::Summary
            | OutputFile::Years
            | OutputFile::Goals
            | OutputFile::Comparison
            | OutputFile::ComparisonCsv
            | OutputFile::BacktestJson
            | OutputFile::BacktestCsv => fixed(true),
            OutputFile::Sensitivity => fixed(run_has(|s| s.sensitivity.is_some())),
            OutputFile::Breakdown => fixed(run_has(|s| s.breakdown.is_some())),
            OutputFile::MonthlyCsv | OutputFile::MonthlyJson => {
                fixed(run_has(|s| s.monthly.is_some()))
            }
            OutputFile::ComparisonBreakdown => fixed(
                results
                    .comparison()
                    .is_ok_and(|(c, _)| c.options.iter().any(|o| o.breakdown.is_some())),
            ),
            OutputFile::OptionBreakdown => self.per_option(results, |_, s| s.breakdown.is_some()),
            OutputFile::OptionMonthlyCsv | OutputFile::OptionMonthlyJson => {
                self.per_option(results, |_, s| s.monthly.is_some())
            }
            OutputFile::Report => fixed(request.report),
            OutputFile::Workbook => request
                .workbook
                .iter()
                .map(|p| Instance {
                    path: p.clone(),
                    option: None,
                })
                .collect(),
            OutputFile::ComparisonWorkbook => fixed(request.comparison_workbook),
        }
    }

    /// One file per compared option for which `has` holds, named by the
    /// option's file id.
    fn per_option(
        self,
        results: &Results<'_>,
        has: fn(&crate::comparison::OptionResult, &RunSummary) -> bool,
    ) -> Vec<Instance> {
        let Ok((c, summaries)) = results.comparison() else {
            return Vec::new();
        };
        c.options
            .iter()
            .zip(summaries)
            .enumerate()
            .filter(|(_, (o, s))| has(o, s))
            .filter_map(|(i, (o, _))| {
                Some(Instance {
                    path: PathBuf::from(self.file_name().for_option(&o.id)?),
                    option: Some(i),
                })
            })
            .collect()
    }

    /// How the file of `option` (for a per-option file) is rendered.
    pub fn exporter(self, request: &Request, option: Option<usize>) -> Box<dyn Exporter> {
        let (lang, locale) = (request.lang, request.csv);
        match self {
            OutputFile::Summary => Box::new(json::SummaryJson),
            OutputFile::Years => Box::new(csv::YearsCsv(locale)),
            OutputFile::Goals => Box::new(csv::GoalsCsv(locale)),
            OutputFile::Sensitivity => Box::new(csv::SensitivityCsv(locale)),
            OutputFile::Breakdown | OutputFile::OptionBreakdown => {
                Box::new(breakdown_csv::BreakdownCsv { locale, option })
            }
            OutputFile::MonthlyCsv | OutputFile::OptionMonthlyCsv => {
                Box::new(monthly_files::MonthlyCsv { locale, option })
            }
            OutputFile::MonthlyJson | OutputFile::OptionMonthlyJson => {
                Box::new(monthly_files::MonthlyJson { option })
            }
            OutputFile::Comparison => Box::new(json::ComparisonJson),
            OutputFile::ComparisonCsv => Box::new(csv::ComparisonCsv(locale)),
            OutputFile::ComparisonBreakdown => {
                Box::new(breakdown_csv::ComparisonBreakdownCsv(locale))
            }
            OutputFile::BacktestJson => Box::new(json::BacktestJson),
            OutputFile::BacktestCsv => Box::new(csv::BacktestCsv(locale)),
            OutputFile::Report => Box::new(crate::report::html::HtmlReport(lang)),
            OutputFile::Workbook => Box::new(xlsx::WorkbookXlsx {
                lang,
                max_trial_rows: request.workbook_trials,
            }),
            OutputFile::ComparisonWorkbook => Box::new(comparison_xlsx::ComparisonXlsx(lang)),
        }
    }
}

/// The per-option files of an option with file id `id`, as `comparison.json`
/// lists them: `breakdown-<id>.csv` with `breakdown`, `monthly-<id>.csv`
/// and `.json` with `monthly`.
pub fn option_files(id: &str, breakdown: bool, monthly: bool) -> Vec<String> {
    [
        (OutputFile::OptionBreakdown, breakdown),
        (OutputFile::OptionMonthlyCsv, monthly),
        (OutputFile::OptionMonthlyJson, monthly),
    ]
    .into_iter()
    .filter(|(_, yes)| *yes)
    .filter_map(|(f, _)| f.file_name().for_option(id))
    .collect()
}

/// Whether a file called `name` in an output directory is one of this
/// tool's outputs (any output's name or pattern, or a chart as PNG or SVG):
/// such a file that a run did not write is from an earlier run and is not
/// kept.
pub fn is_output_name(name: &str) -> bool {
    OutputFile::ALL.iter().any(|f| f.file_name().matches(name))
        || crate::report::chart_list::ChartId::ALL.iter().any(|c| {
            let stem = c.file_stem();
            name.strip_prefix(stem)
                .is_some_and(|ext| ext == ".png" || ext == ".svg")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::chart_list::ChartId;

    /// Every name and pattern of an output or a chart file, as text.
    fn names() -> Vec<String> {
        let mut names: Vec<String> = OutputFile::ALL
            .iter()
            .filter_map(|f| match f.file_name() {
                FileName::Fixed(n) => Some(n.to_string()),
                FileName::PerOption { prefix, extension } => {
                    Some(format!("{prefix}<id>{extension}"))
                }
                FileName::Chosen => None,
            })
            .collect();
        for c in ChartId::ALL {
            names.push(format!("{}.png", c.file_stem()));
            names.push(format!("{}.svg", c.file_stem()));
        }
        names
    }

    #[test]
    fn every_output_has_its_own_name() {
        let names = names();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        // No fixed name is also another output's per-option file.
        for f in OutputFile::ALL {
            if let FileName::Fixed(n) = f.file_name() {
                let also: Vec<OutputFile> = OutputFile::ALL
                    .into_iter()
                    .filter(|g| *g != f && g.file_name().matches(n))
                    .collect();
                assert!(also.is_empty(), "{n} is also {also:?}");
            }
        }
        for (i, f) in OutputFile::ALL.iter().enumerate() {
            assert!(!OutputFile::ALL[i + 1..].contains(f), "{f:?} twice");
        }
    }

    #[test]
    fn every_output_is_written_by_some_command_and_rendered_in_step_order() {
        for f in OutputFile::ALL {
            assert!(!f.commands().is_empty(), "{f:?}");
        }
        let order = |s: Step| match s {
            Step::Data => 0,
            Step::Report => 1,
            Step::Workbook => 2,
        };
        let steps: Vec<u8> = OutputFile::ALL.iter().map(|f| order(f.step())).collect();
        assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
    }

    #[test]
    fn names_and_patterns_match_what_they_should() {
        assert!(is_output_name("summary.json"));
        assert!(is_output_name("comparison.xlsx"));
        assert!(is_output_name("cost-fan.svg"));
        assert!(is_output_name("breakdown-solrod-2011-proposal-1.csv"));
        assert!(is_output_name("monthly-a.json"));
        assert!(is_output_name("monthly-a.csv"));
        assert!(!is_output_name("monthly-.csv"));
        assert!(!is_output_name("breakdown-a.json"));
        assert!(!is_output_name("my-monthly-a.csv"));
        assert!(!is_output_name("cost-fan.pdf"));
        assert!(!is_output_name("book.xlsx"));
        assert_eq!(
            option_files("a", true, true),
            vec!["breakdown-a.csv", "monthly-a.csv", "monthly-a.json"]
        );
        assert_eq!(option_files("b", false, true).len(), 2);
        assert!(option_files("c", false, false).is_empty());
    }
}
