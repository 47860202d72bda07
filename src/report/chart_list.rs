//! The one list of charts: which charts a run or a comparison shows, their
//! file names, titles and how each is drawn. Writing the chart files,
//! pruning old ones from an output directory and the HTML report's figures
//! all follow this list, so a chart is added in one place.

use crate::i18n::{outcomes_title, title_option_savings, Lang, TextChart, TextReport};
use crate::metric_key::MetricKey;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::chart_data::{self, *};
use crate::charts::data::*;
use crate::charts::{self, ChartError, ChartText, Sink};
use crate::comparison::Comparison;
use crate::error::Error;
use crate::summary::RunSummary;

/// Every chart the program draws, named by its file stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartId {
    CostFan,
    SavingsHistogram,
    SavingsSCurve,
    CostHistogram,
    Goals,
    Citizens,
    Convergence,
    ChannelMix,
    Tornado,
    Attribution,
    OptionsSavings,
    OptionsCumulative,
    OptionsHours,
    OptionsSCurve,
    /// `backtest`'s chart (src/report/backtest.rs draws it).
    Backtest,
}

impl ChartId {
    pub const ALL: [ChartId; 15] = [
        ChartId::CostFan,
        ChartId::SavingsHistogram,
        ChartId::SavingsSCurve,
        ChartId::CostHistogram,
        ChartId::Goals,
        ChartId::Citizens,
        ChartId::Convergence,
        ChartId::ChannelMix,
        ChartId::Tornado,
        ChartId::Attribution,
        ChartId::OptionsSavings,
        ChartId::OptionsCumulative,
        ChartId::OptionsHours,
        ChartId::OptionsSCurve,
        ChartId::Backtest,
    ];

    /// The file name without extension (each chart is written as .png and .svg).
    pub fn file_stem(self) -> &'static str {
        match self {
            ChartId::CostFan => "cost-fan",
            ChartId::SavingsHistogram => "savings-histogram",
            ChartId::SavingsSCurve => "savings-s-curve",
            ChartId::CostHistogram => "cost-histogram",
            ChartId::Goals => "goals",
            ChartId::Citizens => "citizens",
            ChartId::Convergence => "convergence",
            ChartId::ChannelMix => "channel-mix",
            ChartId::Tornado => "tornado",
            ChartId::Attribution => "attribution",
            ChartId::OptionsSavings => "options-savings",
            ChartId::OptionsCumulative => "options-cumulative",
            ChartId::OptionsHours => "options-hours",
            ChartId::OptionsSCurve => "options-s-curve",
            ChartId::Backtest => "backtest",
        }
    }
}

/// Where a list of charts goes: the chart files, or the HTML report (which
/// shows the convergence chart only while the figures are still settling).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Files,
    Report,
}

type DrawFn<'a> = Box<dyn Fn(Sink<'_>) -> Result<(), ChartError> + Send + Sync + 'a>;

/// One chart to draw: what it is, its title (the report's figure label)
/// and the drawing, a function of computed summaries only.
pub struct Chart<'a> {
    pub id: ChartId,
    pub title: String,
    draw: DrawFn<'a>,
}

impl<'a> Chart<'a> {
    fn new(
        id: ChartId,
        title: impl Into<String>,
        draw: impl Fn(Sink<'_>) -> Result<(), ChartError> + Send + Sync + 'a,
    ) -> Self {
        Chart {
            id,
            title: title.into(),
            draw: Box::new(draw),
        }
    }

    /// Draws the chart into `sink` (a file, or an SVG string).
    pub fn draw(&self, sink: Sink<'_>) -> Result<(), ChartError> {
        (self.draw)(sink)
    }

    /// Writes `<dir>/<stem>.png` and `.svg`; returns the two paths.
    fn write(&self, dir: &Path) -> Result<[PathBuf; 2], ChartError> {
        charts::render_both(&dir.join(self.id.file_stem()), |p| self.draw(p.into()))
    }
}

/// The charts of a single run, in the report's order.
pub fn run_charts(s: &RunSummary, lang: Lang, purpose: Purpose) -> Vec<Chart<'_>> {
    let end = s.end_year;
    let text = ChartText::subtitle(s.scenario.clone());
    let mut out = Vec::new();

    let fan = cost_fan(s, lang);
    let mut fan_text = cost_fan_text(s, text.clone(), lang);
    // Why overlapping cost bands do not mean uncertain savings, in the
    // files and the report alike; nothing is saved in a projection, so
    // there are no savings to pair.
    if !s.is_status_quo_projection() {
        fan_text = fan_text.with_note(fan_note(lang));
    }
    let fan_title = fan_text
        .title
        .clone()
        .unwrap_or_else(|| TextChart::TitleFanCost.get(lang).to_string());
    out.push(Chart::new(ChartId::CostFan, fan_title, move |p| {
        charts::fan_chart(&fan, &fan_text, lang, p)
    }));

    match s.shape(MetricKey::CumulativeNetSavings) {
        Some(shape) if savings_vary(s) => {
            let measure = Measure::CumulativeNetSavings { through: end };
            let hist = histogram_data(s, shape, measure);
            let t = text.clone();
            out.push(Chart::new(
                ChartId::SavingsHistogram,
                outcomes_title(lang, &measure.label(lang)),
                move |p| charts::histogram(&hist, &t, lang, p),
            ));
            let label = s.proposal.clone().unwrap_or_else(|| s.scenario.clone());
            let ex = ExceedanceData {
                measure,
                curves: vec![exceedance_curve(&label, shape)],
                trials: Some(s.trials as u64),
            };
            let t = text.clone();
            out.push(Chart::new(
                ChartId::SavingsSCurve,
                TextChart::TitleExceedance.get(lang),
                move |p| charts::exceedance(&ex, &t, lang, p),
            ));
        }
        _ => {
            // Nothing is saved: show what the year's cost may be.
            if let Some(hist) = cost_histogram(s) {
                let t = text.clone();
                out.push(Chart::new(
                    ChartId::CostHistogram,
                    outcomes_title(lang, &hist.measure.label(lang)),
                    move |p| charts::histogram(&hist, &t, lang, p),
                ));
            }
        }
    }
    if !s.goals.is_empty() {
        let g = goal_data(s, lang);
        let t = text.clone();
        out.push(Chart::new(
            ChartId::Goals,
            TextChart::TitleGoals.get(lang),
            move |p| charts::goal_probability(&g, &t, lang, p),
        ));
    }
    if let Some(c) = citizens_data(s, lang) {
        let t = text.clone();
        out.push(Chart::new(
            ChartId::Citizens,
            TextChart::TitleCitizens.get(lang),
            move |p| charts::citizens(&c, &t, lang, p),
        ));
    }
    // The report shows convergence while the figures are still settling;
    // once settled, its method section states the precision in words.
    let convergence = convergence_to_show(s)
        .filter(|c| purpose == Purpose::Files || !chart_data::figures_settled(c));
    if let Some(c) = convergence {
        let what = convergence_what(c, lang);
        let t = text.clone();
        out.push(Chart::new(
            ChartId::Convergence,
            TextReport::HowSettledAreTheFigures.get(lang),
            move |p| charts::convergence(c, &what, &t, lang, p),
        ));
    }
    let mix = channel_mix_data(s, lang);
    if !mix.channels.is_empty() {
        let t = text.clone();
        out.push(Chart::new(
            ChartId::ChannelMix,
            TextChart::TitleChannelMix.get(lang),
            move |p| charts::channel_mix(&mix, &t, lang, p),
        ));
    }
    if let Some(data) = tornado_data(s, lang) {
        let t = text.clone();
        out.push(Chart::new(
            ChartId::Tornado,
            TextChart::TitleTornado.get(lang),
            move |p| charts::tornado(&data, &t, lang, p),
        ));
    }
    if let Some(data) = attribution_data(s, lang) {
        let t = text;
        out.push(Chart::new(
            ChartId::Attribution,
            TextChart::TitleAttribution.get(lang),
            move |p| charts::attribution(&data, &t, lang, p),
        ));
    }
    out
}

/// The charts comparing options; options whose hours equal today's (the
/// base) are left out of the hours chart's option bars. `summaries` are the
/// options' own run summaries, in the comparison's order.
pub fn comparison_charts<'a>(
    c: &'a Comparison,
    summaries: &'a [RunSummary],
    lang: Lang,
) -> Vec<Chart<'a>> {
    let Some(&end) = c.years.last() else {
        return Vec::new();
    };
    let data = std::sync::Arc::new(option_comparison(c, lang));
    let mut out = Vec::new();
    let d = data.clone();
    out.push(Chart::new(
        ChartId::OptionsSavings,
        title_option_savings(lang, end),
        move |p| charts::option_savings(&d, end, &ChartText::new(), lang, p),
    ));
    let d = data.clone();
    out.push(Chart::new(
        ChartId::OptionsCumulative,
        TextChart::TitleOptionCumulative.get(lang),
        move |p| charts::option_cumulative(&d, &ChartText::new(), lang, p),
    ));
    if !data.current_hours.is_empty() {
        let d = data.clone();
        out.push(Chart::new(
            ChartId::OptionsHours,
            TextChart::TitleOptionHours.get(lang),
            move |p| charts::option_hours(&d, &ChartText::new(), lang, p),
        ));
    }
    let curves: Vec<ExceedanceCurve> = c
        .options
        .iter()
        .zip(summaries)
        .filter_map(|(o, s)| {
            s.shape(MetricKey::CumulativeNetSavings)
                .map(|sh| exceedance_curve(&o.name, sh))
        })
        .collect();
    if !curves.is_empty() {
        let ex = ExceedanceData {
            measure: Measure::CumulativeNetSavings { through: end },
            curves,
            trials: Some(c.trials as u64),
        };
        out.push(Chart::new(
            ChartId::OptionsSCurve,
            TextChart::TitleExceedance.get(lang),
            move |p| charts::exceedance(&ex, &ChartText::new(), lang, p),
        ));
    }
    out
}

/// Writes every chart of `list` into `dir` (PNG and SVG each), drawn in
/// parallel; returns the paths in the list's order. The first chart that
/// fails stops the run with its error.
pub fn write_charts(list: &[Chart<'_>], dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let written: Vec<Result<[PathBuf; 2], ChartError>> =
        list.par_iter().map(|c| c.write(dir)).collect();
    let mut out = Vec::with_capacity(2 * written.len());
    for w in written {
        out.extend(w.map_err(|e| Error::Other(anyhow::anyhow!("chart: {e}")))?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::scenario::Scenario;

    #[test]
    fn every_chart_has_its_own_file_stem() {
        let stems: Vec<&str> = ChartId::ALL.iter().map(|c| c.file_stem()).collect();
        let mut unique = stems.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), stems.len(), "{stems:?}");
    }

    fn ids(list: &[Chart<'_>]) -> Vec<ChartId> {
        list.iter().map(|c| c.id).collect()
    }

    /// Solrød proposal 1: savings vary, it has goals and citizens; no
    /// sensitivity is run here. The report leaves the convergence chart out
    /// once the figures are settled; the files always keep it.
    #[test]
    fn a_run_lists_its_charts_for_files_and_report() {
        let s = Scenario::from_file(std::path::Path::new(
            "scenarios/solrod-2011-proposal-1.toml",
        ))
        .unwrap();
        let engine = Engine::new(&s, 1);
        let trials = engine.run(2_000);
        let summary = RunSummary::new(&s, &engine.layout, &trials, 1, None);
        let files = ids(&run_charts(&summary, Lang::Da, Purpose::Files));
        let report = ids(&run_charts(&summary, Lang::Da, Purpose::Report));
        use ChartId::*;
        assert_eq!(files[0], CostFan);
        assert!(files.contains(&SavingsHistogram) && files.contains(&SavingsSCurve));
        assert!(
            !files.contains(&CostHistogram),
            "savings vary: no cost histogram"
        );
        assert!(files.contains(&Goals) && files.contains(&Citizens));
        assert!(!files.contains(&Tornado), "no sensitivity was run");
        let settled = convergence_to_show(&summary).is_some_and(chart_data::figures_settled);
        assert_eq!(
            files.contains(&Convergence),
            convergence_to_show(&summary).is_some()
        );
        assert_eq!(
            report.contains(&Convergence),
            !settled && files.contains(&Convergence)
        );
        let without: Vec<ChartId> = files.into_iter().filter(|c| *c != Convergence).collect();
        assert_eq!(
            without,
            report
                .into_iter()
                .filter(|c| *c != Convergence)
                .collect::<Vec<_>>()
        );
    }
}
