//! The charts' texts.

use crate::i18n::table::{template_table, text_table};

text_table! {
    /// Fixed texts of the charts.
    pub enum TextChart {
        // src/charts/backtest.rs
        N90PctBand: "90 %-bånd" / "90 % band",
        N50PctBand: "50 %-bånd" / "50 % band",
        ForecastMedian: "prognosens median" / "forecast median",
        RealisedValue: "faktisk tal" / "realised value",
        PercentileOfTheForecast: "prognosens fraktil" / "percentile of the forecast",

        // src/charts/convergence.rs
        N5thAnd95thPercentile: "5 %- og 95 %-fraktil" / "5th and 95th percentile",
        N95PctConfidenceInterval: "95 % konfidensinterval" / "95 % confidence interval",

        // The charts' common words and titles (also used by the report and the workbook where they show the same)
        Year: "År" / "Year",
        NotEvaluable: "kan ikke måles" / "not evaluable",
        StatusQuo: "Status quo" / "Status quo",
        Scenario: "Scenarie" / "Scenario",
        Savings: "Besparelse" / "Savings",
        AnnualCost: "Årlig omkostning" / "Annual cost",
        CumulativeNetSavings: "Akkumuleret nettobesparelse" / "Cumulative net savings",
        Median: "Median" / "Median",
        Mean: "Gennemsnit" / "Mean",
        Interval50: "50 %-interval" / "50 % interval",
        Interval90: "90 %-interval" / "90 % interval",
        Goal: "Mål" / "Goal",
        NotEvaluated: "ikke vurderet" / "not evaluated",
        Unlikely: "Usandsynligt" / "Unlikely",
        Likely: "Sandsynligt" / "Likely",
        Loss: "Tab" / "Loss",
        Saving: "Besparelse" / "Saving",
        ShareOfSimulations: "Andel af simuleringerne (%)" / "Share of simulations (%)",
        Contacts: "Henvendelser" / "Contacts",
        HoursPerWeek: "Åbningstimer pr. uge (timer)" / "Opening hours per week (hours)",
        HoursShort: "t" / "h",
        LowDecile: "Input blandt de laveste 10 %" / "Input in its lowest 10 %",
        HighDecile: "Input blandt de højeste 10 %" / "Input in its highest 10 %",
        Limits595: "5 %- og 95 %-grænse" / "5 % and 95 % limits",
        LossArrow: "← Tab" / "← Loss",
        SavingArrow: "Besparelse →" / "Saving →",
        Total: "I alt" / "Total",
        Month: "Måned" / "Month",
        DepartmentChannel: "Afdeling og kanal" / "Department and channel",
        TitleFanCost:
            "Årlig omkostning: scenarie og status quo"
            / "Annual cost: scenario and status quo",
        TitleGoals: "Sandsynlighed for at nå målene" / "Probability of reaching the goals",
        TitleExceedance:
            "Sandsynlighed for at spare mindst et givet beløb"
            / "Probability of saving at least a given amount",
        TitleChannelMix: "Henvendelser fordelt på kanal" / "Contacts by channel",
        TitleCitizens:
            "Borgernes digitale parathed og de andele, den driver"
            / "Citizens' digital readiness and the shares it drives",
        ExplainCitizens:
            "Fuld linje: andel af de voksne borgere (median pr. år, gennemsnit over årets måneder); stiplet: de andele af henvendelser og breve, som borgernes parathed driver. Bånd: 90 % af simuleringerne."
            / "Solid line: share of adult citizens (median per year, mean over the year's months); dashed: the shares of contacts and letters that citizens' readiness drives. Band: 90 % of the trials.",
        TitleTornado: "Hvilke usikkerheder betyder mest?" / "Which uncertainties matter most?",
        TitleOptionCumulative:
            "Akkumuleret nettobesparelse pr. forslag"
            / "Cumulative net savings by proposal",
        TitleOptionHours: "Åbningstimer pr. uge pr. forslag" / "Weekly opening hours by proposal",
        TitleAttribution: "Hvad bidrager hvert tiltag med?" / "What does each measure contribute?",
        ExplainFan:
            "Linje: median (det midterste udfald). Mørkt bånd: 50 % sandsynlighed for at tallet havner her, lyst bånd: 90 %."
            / "Line: median (the middle outcome). Dark band: 50 % probability that the figure lands here, light band: 90 %.",
        ExplainFanNoBands:
            "Linje: omkostningen pr. år. Alle simuleringer giver det samme tal, så der er ingen bånd."
            / "Line: the cost per year. Every simulation gives the same figure, so there are no bands.",
        ExplainHistogram:
            "Søjlerne viser, hvor ofte hvert beløb forekom. 90 % af simuleringerne ligger mellem 5 %- og 95 %-stregerne."
            / "The bars show how often each amount occurred. 90 % of the simulations lie between the 5 % and 95 % lines.",
        ExplainGoals:
            "Tallet i hver celle er andelen af simuleringer, hvor målet er nået det år. – : målet vurderes ikke det år."
            / "Each cell is the share of simulations in which the goal is met that year. – : the goal is not evaluated that year.",
        ExplainExceedance:
            "Kurven viser for hvert beløb sandsynligheden for at spare mindst så meget. Prikken ved 90 % er 10 %-fraktilen: 9 ud af 10 simuleringer sparer mindst det beløb; prikken ved 50 % er medianen. Det er ikke det samme som »90 % sandsynlighed: … til …« andre steder i rapporten: det interval går fra 5 %- til 95 %-fraktilen, så dets nedre grænse spares med 95 % sandsynlighed."
            / "The curve shows, for each amount, the probability of saving at least that much. The dot at 90 % is the 10th percentile: 9 in 10 simulations save at least that amount; the dot at 50 % is the median. This is not the “90 % probability: … to …” elsewhere in the report: that interval runs from the 5th to the 95th percentile, so its lower end is saved with 95 % probability.",
        ExplainChannelMix:
            "Median pr. kanal. Kanalernes medianer summerer ikke nødvendigvis til medianen af det samlede antal."
            / "Median per channel. The channel medians need not add up to the median of the total.",
        ExplainTornado:
            "Median af resultatet, når det enkelte input ligger blandt sine laveste hhv. højeste 10 %. De ti input fra følsomhedstabellen i dens rækkefølge: størst andel af variansen (Spearman) øverst, så en kortere bjælke kan stå over en længere."
            / "Median result when a single input lies in its lowest or highest 10 %. The ten inputs of the sensitivity table in its order: largest share of variance (Spearman) on top, so a shorter bar may stand above a longer one.",
        ExplainBoxplot:
            "Tyk streg: median. Kasse: 50 % sandsynlighed (25–75 %). Tynde streger: 90 % sandsynlighed (5–95 %). Kasserne kan overlappe, selv om det ene forslag sparer mest i de fleste simuleringer: se sandsynligheden i sammenligningstabellen."
            / "Thick line: median. Box: 50 % probability (25–75 %). Thin lines: 90 % probability (5–95 %). Boxes may overlap even when one proposal saves more in most trials: see the probability in the comparison table.",
        ExplainOptionCumulative:
            "Linje: median. Bånd: 90 % sandsynlighed (5–95 %). Over 0 kr. er forslaget tjent hjem. Båndene kan overlappe, selv om det ene forslag sparer mest i hver simulering: se sandsynligheden i sammenligningstabellen."
            / "Line: median. Band: 90 % probability (5–95 %). Above 0 kr. the proposal has paid for itself. Bands may overlap even when one proposal saves more in every trial: see the probability in the comparison table.",
        ExplainOptionHours:
            "Ugentlige åbningstimer pr. afdeling og kanal. Grå: åbningstiderne i dag."
            / "Weekly opening hours per department and channel. Grey: today's opening hours.",
        ExplainAttribution:
            "Bjælke: median af tiltagets ekstra besparelse. Streg: 90 % sandsynlighed (5–95 %)."
            / "Bar: median extra savings of the measure. Line: 90 % probability (5–95 %).",
        ContactsPerYearMedian: "Henvendelser pr. år (median)" / "Contacts per year (median)",
        ContactsPerMonthMedian: "Henvendelser pr. måned (median)" / "Contacts per month (median)",
        ProbabilityAtLeastAxis:
            "Sandsynlighed for mindst dette beløb (%)"
            / "Probability of at least this amount (%)",

        // src/charts/convergence.rs
        TitleConvergence:
            "Hvor stabile er tallene? Resultatet efter flere og flere simuleringer"
            / "How settled are the figures? The result after more and more simulations",
        ExplainConvergence:
            "Linjerne viser gennemsnit, median og 5 %- og 95 %-fraktil efter de første simuleringer, båndene deres 95 % konfidensinterval. Smalle, flade bånd: flere simuleringer ville ikke flytte tallene."
            / "The lines show the mean, median and 5th and 95th percentiles after the first simulations, the bands their 95 % confidence intervals. Narrow, flat bands: more simulations would not move the figures.",

        // src/charts/backtest.rs
        TitleBacktest:
            "Hvor de faktiske tal landede i prognosen"
            / "Where the realised values fell in the forecast",
        ExplainBacktest:
            "Hver række er et faktisk tal. Båndene er prognosens 50 % og 90 % mest sandsynlige udfald, stregen dens median. En god prognose har halvdelen af prikkerne i det mørke bånd og ni ud af ti i det lyse."
            / "Each row is a realised value. The bands are the forecast's 50 % and 90 % most likely outcomes, the line its median. A good forecast has half the dots in the dark band and nine in ten in the light one.",
    }
}

template_table! {
    // Chart texts with a number or a name in them
    /// "Baseret på 10.000 simuleringer." (`n` formatted).
    pub fn based_on_trials(n: &str) = "Baseret på {n} simuleringer." / "Based on {n} simulations.";
    pub fn savings_in_year(year: i32) = "Besparelse i {year}" / "Savings in {year}";
    pub fn cost_in_year(year: i32) = "Omkostning i {year}" / "Cost in {year}";
    pub fn cumulative_net_savings_through(year: i32) =
        "Akkumuleret nettobesparelse til og med {year}"
        / "Cumulative net savings through {year}";
    pub fn npv_through(year: i32) =
        "Nettonutidsværdi til og med {year}"
        / "Net present value through {year}";
    /// Title of the option box plots.
    pub fn title_option_savings(year: i32) =
        "Besparelse i {year} pr. forslag"
        / "Savings in {year} by proposal";
    pub fn probability_of_saving(p: &str) =
        "Sandsynlighed for en besparelse: {p}"
        / "Probability of a saving: {p}";
    /// Title of a distribution chart: "Besparelse i 2015: mulige udfald".
    pub fn outcomes_title(measure: &str) =
        "{measure}: mulige udfald"
        / "{measure}: possible outcomes";
    /// Legend entry for the 90 % point of an S-curve: the 10th percentile,
    /// named, so that it is not read as the 5-95 % interval's lower end.
    pub fn at_least_with_90(amount: &str) =
        "mindst {amount} med 90 % sandsynlighed: 10 %-fraktilen"
        / "at least {amount} with 90 % probability: the 10th percentile";
    /// A line's legend entry with its value in the last year: "Borgere med
    /// NemID (i 2015: 82 %)".
    pub fn legend_with_end_value(label: &str, year: i32, value: &str) =
        "{label} (i {year}: {value})"
        / "{label} (in {year}: {value})";
    /// "Gennemsnit: 3,40 mio. kr." (`stop`: the full stop the sentence needs, if any).
    pub fn mean_value(amount: &str, stop: &str) =
        "Gennemsnit: {amount}{stop}"
        / "Mean: {amount}{stop}";
}
