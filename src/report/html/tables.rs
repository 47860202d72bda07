//! Section 4: the tables per year.

use super::*;

impl Report<'_> {
    pub(super) fn tables_section(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let l = labels(lang);
        let s = self.s;
        writeln!(h, "<section class=\"major\" id=\"tables\">")?;
        writeln!(
            h,
            "<h2>4. {}{}</h2>",
            self.t("Tabeller", "Tables"),
            self.detail_suffix()
        )?;

        if self.projection() {
            self.projection_years_table(h)?;
        } else {
            // Overview of medians.
            let keys = [
                "cost_status_quo_kr",
                "cost_scenario_kr",
                "savings_kr",
                "cumulative_net_savings_kr",
                "npv_kr",
            ];
            writeln!(h, "<table class=\"years\" id=\"table-years\">")?;
            writeln!(
                h,
                "<caption>{} ({})</caption>",
                self.t(
                    "Omkostninger og besparelser pr. år",
                    "Costs and savings per year"
                ),
                self.t("median, kr.", "median, kr.")
            )?;
            write!(h, "<thead><tr><th>{}</th>", l.year)?;
            for k in keys {
                write!(
                    h,
                    "<th class=\"num\">{}</th>",
                    escape(&metric_label(k, lang))
                )?;
            }
            writeln!(h, "</tr></thead><tbody>")?;
            for (y, year) in s.years.iter().enumerate() {
                write!(h, "<tr><td>{year}</td>")?;
                for k in keys {
                    let v = self.metric(k).get(y).map(|q| q.p50).unwrap_or(f64::NAN);
                    write!(h, "<td class=\"num\">{}</td>", format_kr(v, lang))?;
                }
                writeln!(h, "</tr>")?;
            }
            writeln!(h, "</tbody></table>")?;
            self.medians_note(h)?;
            self.intervals_table(h, &keys)?;
        }
        self.savings_sources_table(h)?;

        // Cost components.
        let components = [
            (
                "handling_cost",
                self.t("Ekspedition af henvendelser", "Handling contacts"),
            ),
            (
                "opening_cost",
                self.t(
                    "Åbningstid (bemanding, lokaler)",
                    "Opening hours (staff, premises)",
                ),
            ),
            (
                "campaign_cost",
                self.t("Kampagner og tiltag", "Campaigns and measures"),
            ),
            (
                "outbound_mail_cost",
                self.t("Udgående post", "Outbound mail"),
            ),
        ];
        let present: Vec<_> = components
            .iter()
            .filter(|(k, _)| {
                let sq = self.metric(&format!("{k}_status_quo_kr"));
                let sc = self.metric(&format!("{k}_scenario_kr"));
                sq.iter().chain(sc).any(|q| q.p50 != 0.0 || q.mean != 0.0)
            })
            .collect();
        if !present.is_empty() {
            writeln!(h, "<table class=\"components\">")?;
            writeln!(
                h,
                "<caption>{} {} ({})</caption>",
                self.t("Omkostningernes sammensætning i", "Cost components in"),
                s.end_year,
                self.t("median, kr.", "median, kr.")
            )?;
            let projection = self.projection();
            if projection {
                // One path: the status quo and the scenario are the same.
                writeln!(
                    h,
                    "<thead><tr><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                    self.t("Post", "Item"),
                    self.t("Omkostning", "Cost"),
                )?;
            } else {
                writeln!(
                    h,
                    "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                    self.t("Post", "Item"),
                    l.status_quo,
                    l.scenario,
                    self.t("Forskel", "Difference")
                )?;
            }
            let e = self.end_index();
            for (k, name) in present {
                let sq = self
                    .metric(&format!("{k}_status_quo_kr"))
                    .get(e)
                    .map(|q| q.p50)
                    .unwrap_or(0.0);
                let sc = self
                    .metric(&format!("{k}_scenario_kr"))
                    .get(e)
                    .map(|q| q.p50)
                    .unwrap_or(0.0);
                if projection {
                    writeln!(
                        h,
                        "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
                        escape(name),
                        format_kr(sc, lang),
                    )?;
                    continue;
                }
                writeln!(
                    h,
                    "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    escape(name),
                    format_kr(sq, lang),
                    format_kr(sc, lang),
                    format_kr(sc - sq, lang)
                )?;
            }
            writeln!(h, "</tbody></table>")?;
            writeln!(
                h,
                "<p class=\"note\">{}</p>",
                self.t(
                    "Medianer af hver post for sig; de summerer ikke nødvendigvis til medianen af den samlede omkostning.",
                    "Medians of each item on its own; they need not add up to the median of the total cost."
                )
            )?;
        }

        crate::report::breakdown_html::breakdown_tables(s, lang, h)?;
        self.hours_table(h)?;
        self.displaced_table(h)?;
        self.staffing_table(h)?;
        self.goals_tables(h)?;
        self.citizens_table(h)?;
        if let Some(sens) = &s.sensitivity {
            self.sensitivity_table(h, sens)?;
        }
        self.attribution_table(h)?;
        if let Some(c) = self.c {
            self.comparison_tables(h, c)?;
        }
        writeln!(h, "</section>")?;
        Ok(())
    }

    /// Where the savings come from: means per year, which add up to the mean
    /// savings; avoided contacts named apart, since they are valued at full
    /// unit cost.
    pub(super) fn savings_sources_table(&self, h: &mut String) -> anyhow::Result<()> {
        use crate::model::layout::SavingsSource;
        let s = self.s;
        let lang = self.lang;
        let mean = |k: &str| -> Vec<f64> { self.metric(k).iter().map(|q| q.mean).collect() };
        let savings = mean("savings_kr");
        if savings.iter().all(|&x| x == 0.0) || self.metric(SavingsSource::ALL[0].key()).is_empty()
        {
            return Ok(());
        }
        // Whole kroner when a row of them fits the page; else millions, the
        // unit said once in the caption (seven years of "613.268.790 kr."
        // would not fit A4, and a cell that wrapped would strand its "kr.").
        let all: Vec<f64> = SavingsSource::ALL
            .iter()
            .flat_map(|src| mean(src.key()))
            .chain(savings.iter().copied())
            .collect();
        let widest = all
            .iter()
            .map(|v| format_kr(*v, lang).chars().count())
            .max()
            .unwrap_or(0);
        let unit = if widest * s.years.len() <= SOURCES_ROW_CHARS {
            MoneyUnit::of([0.0])
        } else {
            MoneyUnit::of(all.iter().copied())
        };
        writeln!(h, "<table class=\"years\" id=\"table-sources\">")?;
        writeln!(
            h,
            "<caption>{} ({}, {}; {})</caption>",
            self.t("Hvor besparelsen kommer fra", "Where the savings come from"),
            self.t("gennemsnit", "mean"),
            unit.unit(lang),
            self.t(
                "delene summerer til besparelsen",
                "the parts add up to the savings"
            )
        )?;
        write!(h, "<thead><tr><th>{}</th>", self.t("Kilde", "Source"))?;
        for y in &s.years {
            write!(h, "<th class=\"num\">{y}</th>")?;
        }
        writeln!(h, "</tr></thead><tbody>")?;
        let mut row = |label: &str, values: &[f64]| -> anyhow::Result<()> {
            write!(h, "<tr><td>{}</td>", escape(label))?;
            for v in values {
                let cell = if unit.is_kroner() {
                    format_kr(*v, lang)
                } else {
                    unit.number(*v, lang)
                };
                write!(h, "<td class=\"num\">{cell}</td>")?;
            }
            writeln!(h, "</tr>")?;
            Ok(())
        };
        for src in SavingsSource::ALL {
            let values = mean(src.key());
            if values.iter().any(|&x| x != 0.0) {
                row(src.label(lang), &values)?;
            }
        }
        row(&metric_label("savings_kr", lang), &savings)?;
        writeln!(h, "</tbody></table>")?;
        let avoided: f64 = mean(SavingsSource::AvoidedContacts.key()).iter().sum();
        let total: f64 = savings.iter().sum();
        if avoided != 0.0 && total != 0.0 {
            let share = format_pct(avoided / total, 0, lang);
            writeln!(
                h,
                "<p class=\"note\">{}</p>",
                escape(&match lang {
                    Lang::Da => format!("Henvendelser der bliver væk, er regnet til den fulde enhedspris i den kanal, borgeren forlod: {share} af besparelsen frem til {}. Det er en besparelse kun hvis borgeren faktisk fik sit svar et andet sted.", s.end_year),
                    Lang::En => format!("Contacts avoided are valued at the full unit price of the channel the citizen left: {share} of the savings through {}. That is a saving only if the citizen really got the answer elsewhere.", s.end_year),
                })
            )?;
        }
        Ok(())
    }

    /// The per-year table of a status-quo projection: the cost (median and
    /// 90 % interval), the contacts and the digital share; no savings.
    pub(super) fn projection_years_table(&self, h: &mut String) -> anyhow::Result<()> {
        let lang = self.lang;
        let s = self.s;
        let cost = self.metric("cost_scenario_kr");
        let contacts = self.metric("contacts_scenario");
        let digital = self.metric("digital_share_scenario");
        let unit = MoneyUnit::of(cost.iter().flat_map(|q| [q.p5, q.p95]));
        writeln!(h, "<table class=\"years\" id=\"table-years\">")?;
        writeln!(
            h,
            "<caption>{}</caption>",
            self.t(
                "Omkostninger og henvendelser pr. år (status quo-fremskrivning; median og 90 %-interval)",
                "Costs and contacts per year (status-quo projection; median and 90 % interval)"
            )
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{} ({})</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            labels(lang).year,
            self.t("Omkostning (median)", "Cost (median)"),
            self.t("Omkostning, 90 %-interval", "Cost, 90 % interval"),
            unit.unit(lang),
            self.t("Henvendelser i alt (median)", "Contacts, total (median)"),
            self.t("Digital andel (median)", "Digital share (median)"),
        )?;
        for (y, year) in s.years.iter().enumerate() {
            let range = cost
                .get(y)
                .map(|q| {
                    if q.p5 == q.p95 {
                        unit.number(q.p50, lang)
                    } else {
                        join_interval(&unit.number(q.p5, lang), &unit.number(q.p95, lang), lang)
                    }
                })
                .unwrap_or_else(|| "–".into());
            let p50 = |m: &[Summary]| m.get(y).map_or(f64::NAN, |q| q.p50);
            writeln!(
                h,
                "<tr><td>{year}</td><td class=\"num\">{}</td><td class=\"num nw\">{range}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                format_kr(p50(cost), lang),
                format_number(p50(contacts), 0, lang),
                format_pct(p50(digital), 1, lang),
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    /// The 90 % interval of each amount of the per-year table, in one unit
    /// for the whole table (the unit of its largest amount): "14,8–20,1".
    pub(super) fn intervals_table(&self, h: &mut String, keys: &[&str]) -> anyhow::Result<()> {
        let lang = self.lang;
        let s = self.s;
        let present: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|k| self.metric(k).iter().any(|q| q.p5 != q.p95))
            .collect();
        if present.is_empty() {
            return Ok(());
        }
        let unit = MoneyUnit::of(
            present
                .iter()
                .flat_map(|k| self.metric(k).iter().flat_map(|q| [q.p5, q.p95])),
        );
        writeln!(h, "<table class=\"years\" id=\"table-intervals\">")?;
        writeln!(
            h,
            "<caption>{} ({})</caption>",
            self.t(
                "90 %-interval pr. år: 5 %- til 95 %-fraktil",
                "90 % interval per year: 5th to 95th percentile"
            ),
            unit.unit(lang)
        )?;
        write!(h, "<thead><tr><th>{}</th>", labels(lang).year)?;
        for k in &present {
            write!(
                h,
                "<th class=\"num\">{}</th>",
                escape(&metric_label(k, lang))
            )?;
        }
        writeln!(h, "</tr></thead><tbody>")?;
        for (y, year) in s.years.iter().enumerate() {
            write!(h, "<tr><td>{year}</td>")?;
            for k in &present {
                let cell = match self.metric(k).get(y) {
                    Some(q) if q.p5 == q.p95 => unit.number(q.p50, lang),
                    // "-0,6 til 14,4": a dash after a minus sign would misread.
                    Some(q) if q.p5 < 0.0 => format!(
                        "{} {} {}",
                        unit.number(q.p5, lang),
                        self.t("til", "to"),
                        unit.number(q.p95, lang)
                    ),
                    Some(q) => format!("{}–{}", unit.number(q.p5, lang), unit.number(q.p95, lang)),
                    None => "–".into(),
                };
                write!(h, "<td class=\"num nw\">{cell}</td>")?;
            }
            writeln!(h, "</tr>")?;
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    /// Said under every table of per-year medians.
    pub(super) fn medians_note(&self, h: &mut String) -> anyhow::Result<()> {
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            self.t(
                "Hver kolonne er medianen af sine egne simuleringer: median for status quo minus median for scenariet er ikke medianen af besparelsen, og medianer kan ikke lægges sammen over år.",
                "Each column is the median of its own simulations: the status quo's median minus the scenario's median is not the median saving, and medians do not add up over years."
            )
        )?;
        Ok(())
    }
}
