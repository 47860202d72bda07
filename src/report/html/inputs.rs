//! Section 2 (assumptions) and appendix A (the other inputs).

use super::*;

impl Report<'_> {
    /// The inputs section 2 shows and the inputs left for appendix A: with
    /// a sensitivity analysis and more than [`KEY_INPUTS`] inputs, the ten
    /// that matter most (the sensitivity table's and the tornado chart's
    /// ten, in their order) and the rest in the scenario file's order;
    /// otherwise every input in section 2.
    pub(super) fn split_inputs(&self) -> (Vec<usize>, Vec<usize>) {
        let all: Vec<usize> = (0..self.s.inputs.len()).collect();
        let Some(sens) = &self.s.sensitivity else {
            return (all, Vec::new());
        };
        if all.len() <= KEY_INPUTS + 5 {
            return (all, Vec::new());
        }
        let key: Vec<usize> = sens
            .rows
            .iter()
            .take(KEY_INPUTS)
            .filter_map(|r| self.s.inputs.iter().position(|i| i.key == r.input))
            .collect();
        let rest = all.into_iter().filter(|i| !key.contains(i)).collect();
        (key, rest)
    }

    /// The readable labels of every input, in the summary's order.
    pub(super) fn input_labels(&self) -> Vec<String> {
        let keys: Vec<&str> = self.s.inputs.iter().map(|i| i.key.as_str()).collect();
        chart_data::summary_input_labels(self.s, &keys, self.lang)
    }

    /// A table of inputs: the label with the unit under it, the
    /// distribution with its mean under it, and the source (the scenario
    /// file's comment) with file:line.
    pub(super) fn inputs_table(
        &self,
        h: &mut String,
        rows: &[usize],
        id: &str,
    ) -> anyhow::Result<()> {
        let lang = self.lang;
        let labels = self.input_labels();
        writeln!(h, "<table class=\"assumptions\" id=\"{id}\">")?;
        writeln!(
            h,
            "<colgroup><col style=\"width:28%\"><col style=\"width:25%\"><col style=\"width:47%\"></colgroup>"
        )?;
        writeln!(
            h,
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            self.t("Antagelse (enhed)", "Input (unit)"),
            self.t("Fordeling (gennemsnit)", "Distribution (mean)"),
            self.t(
                "Kilde og begrundelse (fil:linje)",
                "Source and reasoning (file:line)"
            ),
        )?;
        for &k in rows {
            let i = &self.s.inputs[k];
            writeln!(
                h,
                "<tr><td>{}<br><span class=\"small\">{}</span></td><td>{}<br><span class=\"small\">{} {}</span></td><td>{} <span class=\"loc\">{}</span></td></tr>",
                escape(&labels[k]),
                escape(&unit_label(&i.unit, lang)),
                escape(&distribution_label(&i.distribution, lang)),
                self.t("gennemsnit", "mean"),
                escape(&format_sig(i.mean, 4, lang)),
                escape(i.comment.as_deref().unwrap_or("–")),
                escape(&short_location(&i.location)).replace(':', ":<wbr>"),
            )?;
        }
        writeln!(h, "</tbody></table>")?;
        Ok(())
    }

    /// What the distributions' numbers mean.
    pub(super) fn distributions_note(&self, h: &mut String) -> anyhow::Result<()> {
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            self.t(
                "Fordelinger: trekantfordeling (min.; typisk; maks.), PERT (min.; typisk; maks.), ligefordeling (min.; maks.), lognormal (median; 90 % i [fra; til]), normalfordeling (middel; sd = standardafvigelse).",
                "Distributions: triangular(min, mode, max), PERT(min, mode, max), uniform(min, max), log-normal(median, 90 % in [from, to]), normal(mean, sd = standard deviation)."
            )
        )?;
        Ok(())
    }

    pub(super) fn assumptions_section(&self, h: &mut String) -> anyhow::Result<()> {
        writeln!(h, "<section class=\"major\" id=\"assumptions\">")?;
        writeln!(h, "<h2>2. {}</h2>", self.t("Antagelser", "Assumptions"))?;
        if self.s.inputs.is_empty() {
            writeln!(
                h,
                "<p>{}</p>",
                self.t(
                    "Scenariet har ingen usikre antagelser: alle tal er faste, så alle simuleringer giver det samme resultat.",
                    "The scenario has no uncertain inputs: every number is fixed, so every simulation gives the same result."
                )
            )?;
            writeln!(h, "</section>")?;
            return Ok(());
        }
        let (key, rest) = self.split_inputs();
        let intro = self.t(
            "Hvert usikkert tal i scenariet er en sandsynlighedsfordeling, som trækkes én gang pr. simulering. Kilden er kommentaren i scenariefilen; fil:linje viser, hvor tallet står.",
            "Every uncertain number in the scenario is a probability distribution, drawn once per simulation. The source is the comment in the scenario file; file:line shows where the number is written.",
        );
        if rest.is_empty() {
            writeln!(h, "<p>{intro}</p>")?;
        } else {
            let (n_key, n_all) = (key.len(), self.s.inputs.len());
            writeln!(
                h,
                "<p>{intro} {}</p>",
                escape(&match self.lang {
                    Lang::Da => format!("Her står de {n_key} af scenariets {n_all} antagelser, der betyder mest for resultatet (samme rækkefølge som følsomhedstabellen i afsnit 4); de øvrige {} står i bilag A.", n_all - n_key),
                    Lang::En => format!("Shown here are the {n_key} of the scenario's {n_all} inputs that matter most for the result (in the order of the sensitivity table in section 4); the other {} are in appendix A.", n_all - n_key),
                })
            )?;
        }
        self.inputs_table(h, &key, "table-assumptions")?;
        self.distributions_note(h)?;
        writeln!(h, "</section>")?;
        Ok(())
    }

    /// Appendix A: the inputs section 2 leaves out, when it shows only the
    /// ten that matter most.
    pub(super) fn appendix_section(&self, h: &mut String) -> anyhow::Result<()> {
        let (_, rest) = self.split_inputs();
        if rest.is_empty() {
            return Ok(());
        }
        writeln!(h, "<section class=\"major appendix\" id=\"appendix\">")?;
        writeln!(
            h,
            "<h2>{}</h2>",
            self.t("Bilag A. Øvrige antagelser", "Appendix A. Other inputs")
        )?;
        writeln!(
            h,
            "<p class=\"detail-note\">{}</p>",
            escape(&match self.lang {
                Lang::Da => format!("De {} antagelser, der ikke står i afsnit 2, i scenariefilens rækkefølge. Arbejdsbogen (run --xlsx) har dem alle i arket »Antagelser«.", rest.len()),
                Lang::En => format!("The {} inputs not shown in section 2, in the scenario file's order. The workbook (run --xlsx) has all of them on its sheet “Inputs”.", rest.len()),
            })
        )?;
        self.inputs_list(h, &rest)?;
        writeln!(h, "</section>")?;
        Ok(())
    }

    /// Inputs as a compact list in two columns (appendix A): "label (unit):
    /// distribution, mean. Source (file:line)", one entry each, every field
    /// of the assumptions table in a third of its space.
    pub(super) fn inputs_list(&self, h: &mut String, rows: &[usize]) -> anyhow::Result<()> {
        let lang = self.lang;
        let labels = self.input_labels();
        writeln!(h, "<ul class=\"inputs\" id=\"list-assumptions\">")?;
        let mut previous: Option<&str> = None;
        for &k in rows {
            let i = &self.s.inputs[k];
            // A source the entry before gives too is not repeated.
            let comment = i.comment.as_deref().unwrap_or("–");
            let source = if previous == Some(comment) && comment.chars().count() > 20 {
                self.t("(kilde som ovenfor)", "(source as above)")
                    .to_string()
            } else {
                escape(comment)
            };
            previous = Some(comment);
            writeln!(
                h,
                "<li><strong>{}</strong> ({}): {}; {} {}. {} <span class=\"loc\">{}</span></li>",
                escape(&labels[k]),
                escape(&unit_label(&i.unit, lang)),
                escape(&distribution_label(&i.distribution, lang)),
                self.t("gennemsnit", "mean"),
                escape(&format_sig(i.mean, 4, lang)),
                source,
                escape(&short_location(&i.location)).replace(':', ":<wbr>"),
            )?;
        }
        writeln!(h, "</ul>")?;
        Ok(())
    }
}
