//! Section 3: the charts, inline SVG.

use super::*;
use crate::i18n::TextReport;
use crate::report::chart_list::{self, Purpose};
use rayon::prelude::*;

/// The report's charts: as wide as the files' ([`charts::SIZE`], so text is
/// as large on paper) but lower, so that three fit on an A4 page.
pub(super) const REPORT_CHART_SIZE: (u32, u32) = (1200, 540);

/// Runs a chart function into an SVG string in memory and returns the SVG
/// element (without an XML declaration, ready to inline).
pub(super) fn chart_svg<F>(draw: F) -> Result<String, ChartError>
where
    F: FnOnce(charts::Sink<'_>) -> Result<(), ChartError>,
{
    let mut svg = String::new();
    draw(charts::Sink::SvgOfSize(&mut svg, REPORT_CHART_SIZE))?;
    match svg.find("<svg") {
        Some(i) => Ok(svg[i..].to_string()),
        None => Err(ChartError::Draw("the chart wrote no <svg> element".into())),
    }
}

impl Report<'_> {
    /// A chart as a figure, or the reason it could not be drawn.
    pub(super) fn figure(&self, label: &str, result: Result<String, ChartError>) -> Markup {
        html! {
            @match result {
                Ok(svg) => {
                    figure class="chart" role="img" aria-label=(clean_text(label)) {
                        // Trusted markup: the SVG the chart code wrote, its
                        // texts escaped by the SVG backend.
                        "\n" (PreEscaped(svg)) "\n"
                    } "\n"
                }
                Err(e) => {
                    p class="chart-error" {
                        (clean_text(label)) ": "
                        (TextReport::TheChartCouldNotBe.get(self.lang))
                        " (" (clean_text(&e.to_string())) ")"
                    } "\n"
                }
            }
        }
    }

    /// The run's charts, or in a comparison the options' charts: the one
    /// list of [`chart_list`], drawn as SVG in parallel.
    pub(super) fn charts_section(&self) -> Markup {
        let list = match self.c {
            Some(c) => chart_list::comparison_charts(c, self.options, self.lang),
            None => chart_list::run_charts(self.s, self.lang, Purpose::Report),
        };
        let svgs: Vec<Result<String, ChartError>> = list
            .par_iter()
            .map(|chart| chart_svg(|p| chart.draw(p)))
            .collect();
        let figures: Vec<Markup> = list
            .iter()
            .zip(svgs)
            .map(|(chart, svg)| self.figure(&chart.title, svg))
            .collect();
        html! {
            section class="major" id="charts" { "\n"
                h2 { (self.section(3)) ". " (TextReport::Charts.get(self.lang)) } "\n"
                @for figure in &figures { (figure) }
            } "\n"
        }
    }
}
