//! Section 3: the charts, inline SVG.

use super::*;

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
                        (self.t("figuren kunne ikke tegnes", "the chart could not be drawn"))
                        " (" (clean_text(&e.to_string())) ")"
                    } "\n"
                }
            }
        }
    }

    pub(super) fn charts_section(&self) -> Markup {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        let end = s.end_year;
        let text = ChartText::subtitle(s.scenario.clone());
        let mut figures: Vec<Markup> = Vec::new();

        let fan = chart_data::cost_fan(s, lang);
        let fan_text = chart_data::cost_fan_text(s, text.clone(), lang);
        figures.push(self.figure(
            fan_text.title.as_deref().unwrap_or(l.title_fan_cost),
            chart_svg(|p| charts::fan_chart(&fan, &fan_text, lang, p)),
        ));
        if !chart_data::savings_vary(s) {
            if let Some(hist) = chart_data::cost_histogram(s) {
                figures.push(self.figure(
                    &l.outcomes_title(&hist.measure.label(lang)),
                    chart_svg(|p| charts::histogram(&hist, &text, lang, p)),
                ));
            }
        } else if let Some(shape) = s.shape("cumulative_net_savings_kr") {
            let measure = Measure::CumulativeNetSavings { through: end };
            let hist = chart_data::histogram_data(s, shape, measure);
            figures.push(self.figure(
                &l.outcomes_title(&measure.label(lang)),
                chart_svg(|p| charts::histogram(&hist, &text, lang, p)),
            ));
            let label = s.proposal.clone().unwrap_or_else(|| s.scenario.clone());
            let ex = ExceedanceData {
                measure,
                curves: vec![chart_data::exceedance_curve(&label, shape)],
                trials: Some(s.trials as u64),
            };
            figures.push(self.figure(
                l.title_exceedance,
                chart_svg(|p| charts::exceedance(&ex, &text, lang, p)),
            ));
        }
        if !s.goals.is_empty() {
            let g = chart_data::goal_data(s, lang);
            figures.push(self.figure(
                l.title_goals,
                chart_svg(|p| charts::goal_probability(&g, &text, lang, p)),
            ));
        }
        if let Some(c) = chart_data::citizens_data(s, lang) {
            figures.push(self.figure(
                l.title_citizens,
                chart_svg(|p| charts::citizens(&c, &text, lang, p)),
            ));
        }
        // Shown while the figures are still settling; once settled, the
        // method section states the precision in words.
        if let Some(c) =
            chart_data::convergence_to_show(s).filter(|c| !chart_data::figures_settled(c))
        {
            let what = chart_data::convergence_what(c, lang);
            figures.push(self.figure(
                self.t("Hvor stabile er tallene?", "How settled are the figures?"),
                chart_svg(|p| charts::convergence(c, &what, &text, lang, p)),
            ));
        }
        let mix = chart_data::channel_mix_data(s, lang);
        if !mix.channels.is_empty() {
            figures.push(self.figure(
                l.title_channel_mix,
                chart_svg(|p| charts::channel_mix(&mix, &text, lang, p)),
            ));
        }
        if let Some(data) = chart_data::tornado_data(s, lang) {
            figures.push(self.figure(
                l.title_tornado,
                chart_svg(|p| charts::tornado(&data, &text, lang, p)),
            ));
        }
        if let Some(data) = chart_data::attribution_data(s, lang) {
            figures.push(self.figure(
                l.title_attribution,
                chart_svg(|p| charts::attribution(&data, &text, lang, p)),
            ));
        }
        if let Some(c) = self.c {
            if let Some(&cend) = c.years.last() {
                let data = chart_data::option_comparison(c, lang);
                let ctext = ChartText::new();
                figures.push(self.figure(
                    &l.title_option_savings(cend),
                    chart_svg(|p| charts::option_savings(&data, cend, &ctext, lang, p)),
                ));
                figures.push(self.figure(
                    l.title_option_cumulative,
                    chart_svg(|p| charts::option_cumulative(&data, &ctext, lang, p)),
                ));
                if !data.current_hours.is_empty() {
                    figures.push(self.figure(
                        l.title_option_hours,
                        chart_svg(|p| charts::option_hours(&data, &ctext, lang, p)),
                    ));
                }
                let curves: Vec<ExceedanceCurve> = c
                    .options
                    .iter()
                    .zip(self.options)
                    .filter_map(|(o, s)| {
                        s.shape("cumulative_net_savings_kr")
                            .map(|sh| chart_data::exceedance_curve(&o.name, sh))
                    })
                    .collect();
                if !curves.is_empty() {
                    let ex = ExceedanceData {
                        measure: Measure::CumulativeNetSavings { through: cend },
                        curves,
                        trials: Some(c.trials as u64),
                    };
                    figures.push(self.figure(
                        l.title_exceedance,
                        chart_svg(|p| charts::exceedance(&ex, &ctext, lang, p)),
                    ));
                }
            }
        }
        html! {
            section class="major" id="charts" { "\n"
                h2 { "3. " (self.t("Figurer", "Charts")) (self.detail_suffix()) } "\n"
                @for figure in &figures { (figure) }
            } "\n"
        }
    }
}
