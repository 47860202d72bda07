//! Section 2 (assumptions) and appendix A (the other inputs).

use super::*;
use crate::i18n::{
    appendix_intro, key_inputs_of_proposals, key_inputs_of_scenario, TextCommon, TextReport,
};

impl Report<'_> {
    /// The inputs section 2 shows and the inputs left for appendix A: with
    /// a sensitivity analysis and more than [`KEY_INPUTS`] inputs, the ten
    /// that matter most (the sensitivity table's and the tornado chart's
    /// ten, in their order) and the rest in the scenario file's order;
    /// otherwise every input in section 2.
    pub(super) fn split_inputs(&self) -> (Vec<usize>, Vec<usize>) {
        let all: Vec<usize> = (0..self.s.inputs.len()).collect();
        if self.c.is_some() {
            return self.split_inputs_of_options(all);
        }
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

    /// A comparison's split: the inputs that matter most for any option
    /// (the first [`super::options::OPTION_KEY_INPUTS`] of each option's
    /// ranking, which its section shows), the rest for appendix A; every
    /// input here when no option has a ranking or the inputs are few.
    fn split_inputs_of_options(&self, all: Vec<usize>) -> (Vec<usize>, Vec<usize>) {
        if all.len() <= KEY_INPUTS + 5 {
            return (all, Vec::new());
        }
        let mut key: Vec<usize> = Vec::new();
        for o in self.options {
            let Some(sens) = &o.sensitivity else { continue };
            for r in sens.rows.iter().take(super::options::OPTION_KEY_INPUTS) {
                if let Some(k) = self.s.inputs.iter().position(|i| i.key == r.input) {
                    if !key.contains(&k) {
                        key.push(k);
                    }
                }
            }
        }
        if key.is_empty() {
            return (all, Vec::new());
        }
        let rest = all.into_iter().filter(|i| !key.contains(i)).collect();
        (key, rest)
    }

    /// The readable labels of every input, in the summary's order.
    pub(super) fn input_labels(&self) -> Vec<String> {
        let keys: Vec<&InputKey> = self.s.inputs.iter().map(|i| &i.key).collect();
        chart_data::summary_input_labels(self.s, &keys, self.lang)
    }

    /// A table of inputs: the label with the unit under it, the
    /// distribution with its mean under it, and the source (the scenario
    /// file's comment) with file:line.
    pub(super) fn inputs_table(&self, rows: &[usize], id: &str) -> Markup {
        let lang = self.lang;
        let labels = self.input_labels();
        html! {
            table class="assumptions" id=(id) { "\n"
                colgroup { col style="width:28%"; col style="width:25%"; col style="width:47%"; } "\n"
                thead { tr {
                    th { (TextReport::InputUnit.get(self.lang)) }
                    th { (TextReport::DistributionMean.get(self.lang)) }
                    th { (TextReport::SourceAndReasoningFileLine.get(self.lang)) }
                } }
                tbody { "\n"
                    @for &k in rows {
                        @let i = &self.s.inputs[k];
                        tr {
                            td {
                                (clean_text(&labels[k])) br;
                                span class="small" { (clean_text(&unit_label(&i.unit, lang))) }
                            }
                            td {
                                (clean_text(&distribution_label(&i.distribution, lang))) br;
                                span class="small" { (TextCommon::Mean.get(self.lang)) " " (format_sig(i.mean, 4, lang)) }
                            }
                            td {
                                (clean_text(i.comment.as_deref().unwrap_or("–"))) " "
                                span class="loc" { (location(&i.location)) }
                            }
                        } "\n"
                    }
                }
            } "\n"
        }
    }

    /// What the distributions' numbers mean.
    pub(super) fn distributions_note(&self) -> Markup {
        html! {
            p class="note" {
                (TextReport::DistributionsTriangularMinModeMax.get(self.lang))
            } "\n"
        }
    }

    pub(super) fn assumptions_section(&self) -> Markup {
        let (key, rest) = self.split_inputs();
        let intro = TextReport::EveryUncertainNumberInThe.get(self.lang);
        let (n_key, n_all) = (key.len(), self.s.inputs.len());
        let n_rest = n_all - n_key;
        html! {
            section class="major" id="assumptions" { "\n"
                h2 { (self.section(2)) ". " (TextReport::Assumptions.get(self.lang)) } "\n"
                @if self.s.inputs.is_empty() {
                    p { (TextReport::TheScenarioHasNoUncertain.get(self.lang)) } "\n"
                } @else {
                    p {
                        (intro)
                        @if self.c.is_some() {
                            " "
                            (TextReport::TheProposalsShareTheseInputs.get(self.lang))
                            @if !rest.is_empty() {
                                " "
                                (key_inputs_of_proposals(self.lang, n_key, n_all, n_rest))
                            }
                        } @else if !rest.is_empty() {
                            " "
                            (key_inputs_of_scenario(self.lang, n_key, n_all, n_rest))
                        }
                    } "\n"
                    (self.inputs_table(&key, "table-assumptions"))
                    (self.distributions_note())
                }
            } "\n"
        }
    }

    /// Appendix A: the inputs section 2 leaves out, when it shows only the
    /// ten that matter most.
    pub(super) fn appendix_section(&self) -> Markup {
        let (_, rest) = self.split_inputs();
        if rest.is_empty() {
            return html! {};
        }
        html! {
            section class="major appendix" id="appendix" { "\n"
                h2 { (TextReport::AppendixAOtherInputs.get(self.lang)) } "\n"
                p class="detail-note" {
                    (appendix_intro(self.lang, rest.len(), self.section(2)))
                } "\n"
                (self.inputs_list(&rest))
            } "\n"
        }
    }

    /// Inputs as a compact list in two columns (appendix A): "label (unit):
    /// distribution, mean. Source (file:line)", one entry each, every field
    /// of the assumptions table in a third of its space.
    pub(super) fn inputs_list(&self, rows: &[usize]) -> Markup {
        let lang = self.lang;
        let labels = self.input_labels();
        let comments: Vec<&str> = rows
            .iter()
            .map(|&k| self.s.inputs[k].comment.as_deref().unwrap_or("–"))
            .collect();
        html! {
            ul class="inputs" id="list-assumptions" { "\n"
                @for (n, &k) in rows.iter().enumerate() {
                    @let i = &self.s.inputs[k];
                    li {
                        strong { (clean_text(&labels[k])) }
                        " (" (clean_text(&unit_label(&i.unit, lang))) "): "
                        (clean_text(&distribution_label(&i.distribution, lang))) "; "
                        (TextCommon::Mean.get(self.lang)) " " (format_sig(i.mean, 4, lang)) ". "
                        // A source the entry before gives too is not repeated.
                        @if n > 0 && comments[n - 1] == comments[n] && comments[n].chars().count() > 20 {
                            (TextReport::SourceAsAbove.get(self.lang))
                        } @else {
                            (clean_text(comments[n]))
                        }
                        " " span class="loc" { (location(&i.location)) }
                    } "\n"
                }
            } "\n"
        }
    }
}

/// Where an input is written, "solrod-2011.toml:47", with a line break
/// allowed after each colon.
fn location(location: &str) -> Markup {
    let short = short_location(location);
    html! {
        @for (n, part) in short.split(':').enumerate() {
            @if n > 0 { ":" wbr; }
            (clean_text(part))
        }
    }
}
