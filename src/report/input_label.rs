//! Readable labels of the scenario's inputs ([`InputKey`]) for charts,
//! tables, the terminal and the workbook, in Danish or English, with what
//! varies first so that a cut label keeps it: `prices.personal` -> "Pris:
//! personligt fremmøde", `events.Ny hjemmeside.p_add` -> "Ekstra innovation
//! p · Ny hjemmeside". Labels come from the key's variant; the key's dotted
//! name is never split.

use crate::domain::{Channel, ContactType, OpeningChannel};
use crate::i18n::{ContactTypeWord, Lang, TextReport};
use crate::input_key::*;
use crate::summary::RunSummary;

/// The label of `key`, departments named by their codes.
pub fn input_label(key: &InputKey, lang: Lang) -> String {
    label_with(key, lang, &|d| d.to_string())
}

/// [`input_label`] with each department named by its label in `s`
/// ("Pris pr. åben time · Øvrige afdelinger telefon", not "· Øvrige").
pub fn summary_input_label(s: &RunSummary, key: &InputKey, lang: Lang) -> String {
    label_with(key, lang, &|d| s.department_label(d).to_string())
}

/// The labels of `keys` ([`summary_input_label`]); where two keys would
/// read the same, the key follows in brackets so that rows can be told
/// apart.
pub fn summary_input_labels(s: &RunSummary, keys: &[&InputKey], lang: Lang) -> Vec<String> {
    let labels: Vec<String> = keys
        .iter()
        .map(|k| summary_input_label(s, k, lang))
        .collect();
    labels
        .iter()
        .zip(keys)
        .map(|(l, k)| {
            if labels.iter().filter(|x| *x == l).count() > 1 {
                format!("{l} ({k})")
            } else {
                l.clone()
            }
        })
        .collect()
}

/// The words of one language.
struct Words {
    lang: Lang,
}

impl Words {
    /// A channel as it reads in a sentence ("personligt fremmøde",
    /// "Digital Post (ind)").
    fn channel(&self, c: Channel) -> String {
        crate::i18n::in_sentence(c.label(self.lang))
    }

    /// "skranke" / "counter", "telefon" / "phone".
    fn opening(&self, c: OpeningChannel) -> String {
        match c {
            OpeningChannel::Counter => TextReport::Counter.get(self.lang).to_string(),
            OpeningChannel::Phone => TextReport::Phone.get(self.lang).to_string(),
        }
    }

    /// A contact type as the scenario names it.
    fn contact_type(&self, t: ContactType) -> String {
        match t {
            ContactType::Transaction => ContactTypeWord::Transaction,
            ContactType::Information => ContactTypeWord::Information,
            ContactType::CaseInformation => ContactTypeWord::CaseInformation,
        }
        .get(self.lang)
        .to_string()
    }

    fn bass(&self, p: BassParam) -> String {
        match p {
            BassParam::P => TextReport::InnovationP.get(self.lang).to_string(),
            BassParam::Q => TextReport::ImitationQ.get(self.lang).to_string(),
            BassParam::Ceiling => TextReport::DigitalCeiling.get(self.lang).to_string(),
        }
    }

    fn bass_add(&self, a: BassAdd) -> String {
        match a {
            BassAdd::PAdd => TextReport::AddedInnovationP.get(self.lang).to_string(),
            BassAdd::QAdd => TextReport::AddedImitationQ.get(self.lang).to_string(),
            BassAdd::CeilingAdd => TextReport::RaisedCeiling.get(self.lang).to_string(),
        }
    }

    fn floor(&self, f: FloorField) -> String {
        match f {
            FloorField::Floor => TextReport::MandatoryFloor.get(self.lang).to_string(),
            FloorField::Exemption => TextReport::ExemptedShare.get(self.lang).to_string(),
        }
    }

    fn displaced(&self, s: DisplacedShare) -> String {
        match s {
            DisplacedShare::Retime => TextReport::ComesBackLater.get(self.lang).to_string(),
            DisplacedShare::ToDigital => TextReport::GoDigital.get(self.lang).to_string(),
            DisplacedShare::ToPhone => TextReport::CallInstead.get(self.lang).to_string(),
        }
    }

    fn staffing(&self, f: StaffingField) -> String {
        match f {
            StaffingField::AhtSeconds => TextReport::HandlingTime.get(self.lang).to_string(),
            StaffingField::HourlyWageKr => TextReport::HourlyWage.get(self.lang).to_string(),
            StaffingField::Shrinkage => TextReport::Shrinkage.get(self.lang).to_string(),
        }
    }

    fn outbound(&self, f: OutboundField) -> String {
        match f {
            OutboundField::LettersPerYear => TextReport::LettersAYear.get(self.lang).to_string(),
            OutboundField::DigitalShare => {
                TextReport::DigitalPostShareToday.get(self.lang).to_string()
            }
            OutboundField::PriceLetterKr => TextReport::PricePaperLetter.get(self.lang).to_string(),
            OutboundField::PriceDigitalPostKr => {
                TextReport::PriceDigitalPost.get(self.lang).to_string()
            }
        }
    }

    /// A completion rate, common or of one contact type.
    fn completion(&self, t: Option<ContactType>) -> String {
        let rate = TextReport::CompletionRate.get(self.lang).to_string();
        match t {
            None => rate,
            Some(t) => format!("{rate} ({})", self.contact_type(t)),
        }
    }

    /// " (transaktion)" when a contact type is named, else nothing.
    fn of_type(&self, t: Option<ContactType>) -> String {
        t.map(|t| format!(" ({})", self.contact_type(t)))
            .unwrap_or_default()
    }

    /// What an event's number is, for the kinds read as "<what> · <event>".
    fn event_param(&self, p: EventParam) -> String {
        match p {
            EventParam::CostOneOffKr => TextReport::OneOffCost.get(self.lang).to_string(),
            EventParam::CostMonthlyKr => TextReport::MonthlyCost.get(self.lang).to_string(),
            EventParam::Add(a) => self.bass_add(a),
            EventParam::Floor(f) => self.floor(f),
            EventParam::DigitalPostExemption => {
                TextReport::ExemptFromDigitalPost.get(self.lang).to_string()
            }
            EventParam::ShiftShare => TextReport::ShareShifted.get(self.lang).to_string(),
            EventParam::PriceKr => TextReport::NewUnitPrice.get(self.lang).to_string(),
            EventParam::PriceFactor => TextReport::UnitPriceFactor.get(self.lang).to_string(),
            EventParam::VolumeFactor => TextReport::VolumeFactor.get(self.lang).to_string(),
            EventParam::CompletionAdd => {
                TextReport::RaisedCompletionRate.get(self.lang).to_string()
            }
            EventParam::CostInYearKr(year) => {
                format!("{} {year}", TextReport::Cost.get(self.lang))
            }
            EventParam::Target { channel, .. } => format!(
                "{}: {}",
                TextReport::MovesTo.get(self.lang),
                self.channel(channel.channel)
            ),
            EventParam::Citizens { capability, effect } => {
                let what = match effect {
                    CitizenEffect::Add(a) => self.bass_add(a),
                    CitizenEffect::Floor(f) => self.floor(f),
                };
                format!("{what} · {}", capability.label(self.lang))
            }
        }
    }
}

/// The label of `key`, each department named by `dept` of its code.
fn label_with(key: &InputKey, lang: Lang, dept: &dyn Fn(&str) -> String) -> String {
    let w = Words { lang };
    // A scope's area follows what varies: "Andel: transaktion · Flytning".
    let in_scope = |label: String, scope: &Scope| match scope {
        Scope::Defaults => label,
        Scope::Area(a) => format!("{label} · {a}"),
    };
    match key {
        InputKey::Price(ch) => format!("{}: {}", TextReport::Price.get(w.lang), w.channel(*ch)),
        InputKey::PopulationBase => TextReport::Population.get(w.lang).to_string(),
        InputKey::PopulationGrowth => TextReport::PopulationGrowth.get(w.lang).to_string(),
        InputKey::DiscountRate => TextReport::DiscountRate.get(w.lang).to_string(),
        InputKey::PriceIndex => TextReport::PriceIndex.get(w.lang).to_string(),
        InputKey::Outbound(f) => w.outbound(*f),
        InputKey::OpenHourCost {
            department,
            channel,
        } => format!(
            "{} · {} {}",
            TextReport::CostPerOpenHour.get(w.lang),
            dept(department),
            w.opening(*channel)
        ),
        InputKey::Staffing {
            department,
            channel,
            field,
        } => format!(
            "{} · {} {}",
            w.staffing(*field),
            dept(department),
            w.opening(*channel)
        ),
        InputKey::Displacement {
            owner,
            channel,
            share,
        } => {
            let what = w.displaced(*share);
            let ch = w.opening(*channel);
            match owner {
                DisplacementOwner::Scenario => format!("{what} ({ch})"),
                DisplacementOwner::Department(d) => format!("{what} ({} {ch})", dept(d)),
                DisplacementOwner::Area(a) => format!("{what} ({ch}) · {a}"),
            }
        }
        InputKey::AreaVolume { area, .. } => {
            format!("{} · {area}", TextReport::Volume.get(w.lang))
        }
        InputKey::AreaPrice { area, channel } => {
            format!(
                "{}: {} · {area}",
                TextReport::Price.get(w.lang),
                w.channel(*channel)
            )
        }
        InputKey::TypeSplit {
            scope,
            contact_type,
        } => in_scope(
            format!(
                "{}: {}",
                TextReport::Share.get(w.lang),
                w.contact_type(*contact_type)
            ),
            scope,
        ),
        InputKey::Mix {
            scope,
            contact_type,
            channel,
        } => in_scope(
            format!(
                "{}: {}{}",
                TextReport::Share.get(w.lang),
                w.channel(*channel),
                w.of_type(Some(*contact_type))
            ),
            scope,
        ),
        InputKey::Adoption {
            scope,
            contact_type,
            param,
        } => in_scope(
            format!("{}{}", w.bass(*param), w.of_type(*contact_type)),
            scope,
        ),
        InputKey::Citizens { capability, param } => {
            let what = match param {
                CitizenParam::Today => TextReport::ShareToday.get(w.lang).to_string(),
                CitizenParam::Bass(b) => w.bass(*b),
            };
            format!("{what} · {}", capability.label(lang))
        }
        InputKey::CompletionRate { area, contact_type } => {
            let rate = w.completion(*contact_type);
            match area {
                None => rate,
                Some(a) => format!("{rate} · {a}"),
            }
        }
        InputKey::CompletionComesBack => TextReport::AbandonedAttemptsThatComeBack
            .get(w.lang)
            .to_string(),
        InputKey::CompletionAbandonedPrice => {
            TextReport::PriceAbandonedAttempt.get(w.lang).to_string()
        }
        InputKey::SolutionDelay { solution } => {
            format!("{} · {solution}", TextReport::DelayMonths.get(w.lang))
        }
        InputKey::Event { event, param } => format!("{} · {event}", w.event_param(*param)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(name: &str, lang: Lang) -> String {
        input_label(&InputKey::parse(name).expect(name), lang)
    }

    #[test]
    fn input_labels_are_readable_and_lead_with_what_varies() {
        let cases = [
            ("prices.personal", Lang::Da, "Pris: personligt fremmøde"),
            ("prices.personal", Lang::En, "Price: personal attendance"),
            (
                "events.Ny hjemmeside.p_add",
                Lang::Da,
                "Ekstra innovation p · Ny hjemmeside",
            ),
            (
                "displacement.counter.retime",
                Lang::En,
                "Comes back later (counter)",
            ),
            (
                "events.4. Digital postfordeler.close_to.digital_post_in",
                Lang::En,
                "Moves to: Digital Post (in) · 4. Digital postfordeler",
            ),
            (
                "events.4. Digital postfordeler.close_to.digital_post_in",
                Lang::Da,
                "Flytter til: Digital Post (ind) · 4. Digital postfordeler",
            ),
            (
                "events.2. Medbetjening.cost_by_year_kr.2012",
                Lang::Da,
                "Omkostning 2012 · 2. Medbetjening",
            ),
            ("areas.Flytning.volume", Lang::Da, "Volumen · Flytning"),
            (
                "areas.Hjælp (mv.).volume_per_1000",
                Lang::En,
                "Volume · Hjælp (mv.)",
            ),
            (
                "areas.Flytning.adoption.transaction.ceiling",
                Lang::En,
                "Digital ceiling (transaction) · Flytning",
            ),
            (
                "areas.Flytning.adoption.ceiling",
                Lang::En,
                "Digital ceiling · Flytning",
            ),
            (
                "areas.Flytning.mix.transaction.phone",
                Lang::Da,
                "Andel: telefon (transaktion) · Flytning",
            ),
            (
                "areas.Flytning.prices.personal",
                Lang::Da,
                "Pris: personligt fremmøde · Flytning",
            ),
            (
                "departments.Øvrige.open_hour_cost_kr.phone",
                Lang::Da,
                "Pris pr. åben time · Øvrige telefon",
            ),
            (
                "departments.JC.displacement.counter.to_digital",
                Lang::Da,
                "Går digitalt (JC skranke)",
            ),
            (
                "areas.Pas.displacement.counter.to_phone",
                Lang::En,
                "Call instead (counter) · Pas",
            ),
            (
                "defaults.adoption.transaction.q",
                Lang::En,
                "Imitation q (transaction)",
            ),
            (
                "defaults.adoption.case_information.ceiling",
                Lang::Da,
                "Loft for digital andel (sagsinformation)",
            ),
            (
                "defaults.type_split.transaction",
                Lang::Da,
                "Andel: transaktion",
            ),
            (
                "departments.BSA.staffing.phone.shrinkage",
                Lang::Da,
                "Ikke-produktiv tid · BSA telefon",
            ),
            (
                "citizens.nemid.today",
                Lang::Da,
                "Andel i dag · Borgere med NemID",
            ),
            (
                "events.Udfasning.citizens.digital_post.exemption",
                Lang::En,
                "Exempted share · Citizens on Digital Post · Udfasning",
            ),
            (
                "areas.Pas.completion.transaction",
                Lang::Da,
                "Gennemførselsgrad (transaktion) · Pas",
            ),
            ("completion.rate", Lang::En, "Completion rate"),
            (
                "solutions.Nye løsninger 2012.delay_months",
                Lang::Da,
                "Forsinkelse (måneder) · Nye løsninger 2012",
            ),
        ];
        for (name, lang, want) in cases {
            assert_eq!(label(name, lang), want, "{name}");
        }
    }
}
