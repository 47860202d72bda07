//! TEMPORARY

use super::*;

/// Fixed texts of the charts (and any other output that wants them).
/// Get them with [`labels`]; texts with a number in them are methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    pub lang: Lang,
    pub year: &'static str,
    pub kr: &'static str,
    pub mkr: &'static str,
    pub percent: &'static str,
    pub probability: &'static str,
    /// A goal that cannot be evaluated in a year (a share over no contacts).
    pub not_evaluable: &'static str,
    pub status_quo: &'static str,
    pub scenario: &'static str,
    pub savings: &'static str,
    pub annual_cost: &'static str,
    pub cumulative_net_savings: &'static str,
    pub median: &'static str,
    pub mean: &'static str,
    pub interval_50: &'static str,
    pub interval_90: &'static str,
    pub today: &'static str,
    pub option: &'static str,
    pub goal: &'static str,
    pub not_evaluated: &'static str,
    pub unlikely: &'static str,
    pub likely: &'static str,
    pub loss: &'static str,
    pub saving: &'static str,
    pub share_of_simulations: &'static str,
    pub contacts: &'static str,
    pub hours_per_week: &'static str,
    pub hours_short: &'static str,
    pub low_decile: &'static str,
    pub high_decile: &'static str,
    pub possible_outcomes: &'static str,
    pub limits_5_95: &'static str,
    pub loss_arrow: &'static str,
    pub saving_arrow: &'static str,
    pub total_contacts: &'static str,
    pub month: &'static str,
    pub department_channel: &'static str,
    // Chart titles.
    pub title_fan_cost: &'static str,
    pub title_goals: &'static str,
    pub title_exceedance: &'static str,
    pub title_channel_mix: &'static str,
    pub title_citizens: &'static str,
    pub explain_citizens: &'static str,
    pub title_tornado: &'static str,
    pub title_option_cumulative: &'static str,
    pub title_option_hours: &'static str,
    pub title_attribution: &'static str,
    // Explanations printed under the charts.
    pub explain_fan: &'static str,
    pub explain_histogram: &'static str,
    pub explain_goals: &'static str,
    pub explain_exceedance: &'static str,
    pub explain_channel_mix: &'static str,
    pub explain_tornado: &'static str,
    pub explain_boxplot: &'static str,
    pub explain_option_cumulative: &'static str,
    pub explain_option_hours: &'static str,
    pub explain_attribution: &'static str,
}

const DA: Labels = Labels {
    lang: Lang::Da,
    year: "År",
    kr: "kr.",
    mkr: "mio. kr.",
    percent: "%",
    probability: "Sandsynlighed",
    not_evaluable: "kan ikke måles",
    status_quo: "Status quo",
    scenario: "Scenarie",
    savings: "Besparelse",
    annual_cost: "Årlig omkostning",
    cumulative_net_savings: "Akkumuleret nettobesparelse",
    median: "Median",
    mean: "Gennemsnit",
    interval_50: "50 %-interval",
    interval_90: "90 %-interval",
    today: "I dag",
    option: "Forslag",
    goal: "Mål",
    not_evaluated: "ikke vurderet",
    unlikely: "Usandsynligt",
    likely: "Sandsynligt",
    loss: "Tab",
    saving: "Besparelse",
    share_of_simulations: "Andel af simuleringerne (%)",
    contacts: "Henvendelser",
    hours_per_week: "Åbningstimer pr. uge (timer)",
    hours_short: "t",
    low_decile: "Input blandt de laveste 10 %",
    high_decile: "Input blandt de højeste 10 %",
    possible_outcomes: "mulige udfald",
    limits_5_95: "5 %- og 95 %-grænse",
    loss_arrow: "← Tab",
    saving_arrow: "Besparelse →",
    total_contacts: "I alt",
    month: "Måned",
    department_channel: "Afdeling og kanal",
    title_fan_cost: "Årlig omkostning: scenarie og status quo",
    title_goals: "Sandsynlighed for at nå målene",
    title_exceedance: "Sandsynlighed for at spare mindst et givet beløb",
    title_channel_mix: "Henvendelser fordelt på kanal",
    title_citizens: "Borgernes digitale parathed og de andele, den driver",
    explain_citizens: "Fuld linje: andel af de voksne borgere (median pr. år, gennemsnit over årets måneder); stiplet: de andele af henvendelser og breve, som borgernes parathed driver. Bånd: 90 % af forsøgene.",
    title_tornado: "Hvilke usikkerheder betyder mest?",
    title_option_cumulative: "Akkumuleret nettobesparelse pr. forslag",
    title_option_hours: "Åbningstimer pr. uge pr. forslag",
    title_attribution: "Hvad bidrager hvert tiltag med?",
    explain_fan: "Linje: median (det midterste udfald). Mørkt bånd: 50 % sandsynlighed for at tallet havner her, lyst bånd: 90 %.",
    explain_histogram: "Søjlerne viser, hvor ofte hvert beløb forekom. 90 % af simuleringerne ligger mellem 5 %- og 95 %-stregerne.",
    explain_goals: "Tallet i hver celle er andelen af simuleringer, hvor målet er nået det år. – : målet vurderes ikke det år.",
    explain_exceedance: "Aflæs fx: ved 90 % er der 90 % sandsynlighed for at spare mindst det beløb, kurven viser.",
    explain_channel_mix: "Median pr. kanal. Kanalernes medianer summerer ikke nødvendigvis til medianen af det samlede antal.",
    explain_tornado: "Median af resultatet, når det enkelte input ligger blandt sine laveste hhv. højeste 10 %. De ti input fra følsomhedstabellen (størst Spearman-korrelation); længste bjælke øverst.",
    explain_boxplot: "Tyk streg: median. Kasse: 50 % sandsynlighed (25–75 %). Tynde streger: 90 % sandsynlighed (5–95 %).",
    explain_option_cumulative: "Linje: median. Bånd: 90 % sandsynlighed (5–95 %). Over 0 kr. er forslaget tjent hjem. Båndene kan overlappe, selv om det ene forslag sparer mest i hver simulering: se sandsynligheden i sammenligningstabellen.",
    explain_option_hours: "Ugentlige åbningstimer pr. afdeling og kanal. Grå: åbningstiderne i dag.",
    explain_attribution: "Bjælke: median af tiltagets ekstra besparelse. Streg: 90 % sandsynlighed (5–95 %).",
};

const EN: Labels = Labels {
    lang: Lang::En,
    year: "Year",
    kr: "kr.",
    mkr: "m kr.",
    percent: "%",
    probability: "Probability",
    not_evaluable: "not evaluable",
    status_quo: "Status quo",
    scenario: "Scenario",
    savings: "Savings",
    annual_cost: "Annual cost",
    cumulative_net_savings: "Cumulative net savings",
    median: "Median",
    mean: "Mean",
    interval_50: "50 % interval",
    interval_90: "90 % interval",
    today: "Today",
    option: "Proposal",
    goal: "Goal",
    not_evaluated: "not evaluated",
    unlikely: "Unlikely",
    likely: "Likely",
    loss: "Loss",
    saving: "Saving",
    share_of_simulations: "Share of simulations (%)",
    contacts: "Contacts",
    hours_per_week: "Opening hours per week (hours)",
    hours_short: "h",
    low_decile: "Input in its lowest 10 %",
    high_decile: "Input in its highest 10 %",
    possible_outcomes: "possible outcomes",
    limits_5_95: "5 % and 95 % limits",
    loss_arrow: "← Loss",
    saving_arrow: "Saving →",
    total_contacts: "Total",
    month: "Month",
    department_channel: "Department and channel",
    title_fan_cost: "Annual cost: scenario and status quo",
    title_goals: "Probability of reaching the goals",
    title_exceedance: "Probability of saving at least a given amount",
    title_channel_mix: "Contacts by channel",
    title_citizens: "Citizens' digital readiness and the shares it drives",
    explain_citizens: "Solid line: share of adult citizens (median per year, mean over the year's months); dashed: the shares of contacts and letters that citizens' readiness drives. Band: 90 % of the trials.",
    title_tornado: "Which uncertainties matter most?",
    title_option_cumulative: "Cumulative net savings by proposal",
    title_option_hours: "Weekly opening hours by proposal",
    title_attribution: "What does each measure contribute?",
    explain_fan: "Line: median (the middle outcome). Dark band: 50 % probability that the figure lands here, light band: 90 %.",
    explain_histogram: "The bars show how often each amount occurred. 90 % of the simulations lie between the 5 % and 95 % lines.",
    explain_goals: "Each cell is the share of simulations in which the goal is met that year. – : the goal is not evaluated that year.",
    explain_exceedance: "Read e.g.: at 90 % there is a 90 % probability of saving at least the amount the curve shows.",
    explain_channel_mix: "Median per channel. The channel medians need not add up to the median of the total.",
    explain_tornado: "Median result when a single input lies in its lowest or highest 10 %. The ten inputs of the sensitivity table (largest Spearman correlation); longest bar on top.",
    explain_boxplot: "Thick line: median. Box: 50 % probability (25–75 %). Thin lines: 90 % probability (5–95 %).",
    explain_option_cumulative: "Line: median. Band: 90 % probability (5–95 %). Above 0 kr. the proposal has paid for itself. Bands may overlap even when one proposal saves more in every trial: see the probability in the comparison table.",
    explain_option_hours: "Weekly opening hours per department and channel. Grey: today's opening hours.",
    explain_attribution: "Bar: median extra savings of the measure. Line: 90 % probability (5–95 %).",
};

/// The chart texts in the given language.
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    }
}

impl Labels {
    /// "Baseret på 10.000 simuleringer." / "Based on 10,000 simulations."
    pub fn based_on_trials(&self, trials: u64) -> String {
        let n = format_number(trials as f64, 0, self.lang);
        match self.lang {
            Lang::Da => format!("Baseret på {n} simuleringer."),
            Lang::En => format!("Based on {n} simulations."),
        }
    }

    /// "til og med 2015" / "through 2015".
    pub fn through_year(&self, year: i32) -> String {
        match self.lang {
            Lang::Da => format!("til og med {year}"),
            Lang::En => format!("through {year}"),
        }
    }

    /// "Besparelse i 2015" / "Savings in 2015".
    pub fn savings_in_year(&self, year: i32) -> String {
        match self.lang {
            Lang::Da => format!("Besparelse i {year}"),
            Lang::En => format!("Savings in {year}"),
        }
    }

    /// "Omkostning i 2015" / "Cost in 2015".
    pub fn cost_in_year(&self, year: i32) -> String {
        match self.lang {
            Lang::Da => format!("Omkostning i {year}"),
            Lang::En => format!("Cost in {year}"),
        }
    }

    /// "Akkumuleret nettobesparelse til og med 2015".
    pub fn cumulative_net_savings_through(&self, year: i32) -> String {
        format!(
            "{} {}",
            self.cumulative_net_savings,
            self.through_year(year)
        )
    }

    /// "Nettonutidsværdi 2011–2015" / "Net present value 2011–2015".
    pub fn npv_through(&self, year: i32) -> String {
        match self.lang {
            Lang::Da => format!("Nettonutidsværdi {}", self.through_year(year)),
            Lang::En => format!("Net present value {}", self.through_year(year)),
        }
    }

    /// Title of the option box plots: "Besparelse i 2015 pr. forslag".
    pub fn title_option_savings(&self, year: i32) -> String {
        match self.lang {
            Lang::Da => format!("Besparelse i {year} pr. forslag"),
            Lang::En => format!("Savings in {year} by proposal"),
        }
    }

    /// "Henvendelser pr. år (median)" / "... pr. måned".
    pub fn contacts_per(&self, monthly: bool) -> &'static str {
        match (self.lang, monthly) {
            (Lang::Da, false) => "Henvendelser pr. år (median)",
            (Lang::Da, true) => "Henvendelser pr. måned (median)",
            (Lang::En, false) => "Contacts per year (median)",
            (Lang::En, true) => "Contacts per month (median)",
        }
    }

    /// "Sandsynlighed for en besparelse: 87 %".
    pub fn probability_of_saving(&self, p: f64) -> String {
        let p = format_probability(p, self.lang);
        match self.lang {
            Lang::Da => format!("Sandsynlighed for en besparelse: {p}"),
            Lang::En => format!("Probability of a saving: {p}"),
        }
    }

    /// "Gennemsnit: 3,40 mio. kr." / "Mean: 3.40 m kr." (a sentence: ends
    /// with a full stop).
    pub fn mean_value(&self, amount: &str) -> String {
        let stop = if amount.ends_with('.') { "" } else { "." };
        format!("{}: {amount}{stop}", self.mean)
    }

    /// Title of a distribution chart: "Besparelse i 2015: mulige udfald".
    pub fn outcomes_title(&self, measure: &str) -> String {
        format!("{measure}: {}", self.possible_outcomes)
    }

    /// "Sandsynlighed for at spare mindst beløbet (%)".
    pub fn probability_at_least_axis(&self) -> &'static str {
        match self.lang {
            Lang::Da => "Sandsynlighed for mindst dette beløb (%)",
            Lang::En => "Probability of at least this amount (%)",
        }
    }

    /// Label of a percentile line: "5 %: 1,2 mio. kr." (`amount` formatted
    /// by the caller).
    pub fn percentile_value(&self, pct: u32, amount: &str) -> String {
        format!("{pct} %: {amount}")
    }

    /// "Median: 3,4 mio. kr.".
    pub fn median_value(&self, amount: &str) -> String {
        format!("{}: {amount}", self.median)
    }

    /// "0 kr.: hverken besparelse eller tab" / "0 kr.: break-even".
    pub fn break_even(&self) -> &'static str {
        match self.lang {
            Lang::Da => "0 kr. = hverken besparelse eller tab",
            Lang::En => "0 kr. = break-even",
        }
    }

    /// Legend entry for the 90 % point of an S-curve:
    /// "90 % sikkert: mindst 2,1 mio. kr." / "90 % certain: at least 2.1 m kr.".
    pub fn at_least_with_90(&self, amount: &str) -> String {
        let v = amount;
        match self.lang {
            Lang::Da => format!("90 % sandsynligt: mindst {v}"),
            Lang::En => format!("90 % probable: at least {v}"),
        }
    }

    /// Axis title with unit: "Årlig omkostning (mio. kr.)".
    pub fn with_unit(&self, what: &str, unit: &str) -> String {
        format!("{what} ({unit})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_texts() {
        let da = labels(Lang::Da);
        let en = labels(Lang::En);
        assert_eq!(da.year, "År");
        assert_eq!(en.year, "Year");
        assert_eq!(
            da.based_on_trials(10_000),
            "Baseret på 10.000 simuleringer."
        );
        assert_eq!(en.based_on_trials(10_000), "Based on 10,000 simulations.");
        assert_eq!(
            da.cumulative_net_savings_through(2015),
            "Akkumuleret nettobesparelse til og med 2015"
        );
        assert_eq!(
            da.median_value(&format_money(3_400_000.0, Lang::Da)),
            "Median: 3,40 mio. kr."
        );
        assert_eq!(
            en.percentile_value(5, &format_money(-250_000.0, Lang::En)),
            "5 %: -250,000 kr."
        );
        assert_eq!(da.mean_value("3,4 mio. kr."), "Gennemsnit: 3,4 mio. kr.");
        assert_eq!(en.mean_value("12 %"), "Mean: 12 %.");
    }
}
