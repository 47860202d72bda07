//! The workbooks' texts.

use crate::i18n::table::{template_table, text_table};

text_table! {
    /// Fixed texts of the Excel workbooks.
    pub enum TextSheet {
        // src/export/comparison_xlsx.rs
        Comparison: "Sammenligning" / "Comparison",
        Pairwise: "Parvis" / "Pairwise",
        Payback: "Tilbagebetaling" / "Payback",
        TheOptionsSideBySide: "Forslagene side om side" / "The options side by side",
        Option: "Forslag" / "Option",
        CostOption: "Omkostning med forslaget" / "Cost, option",
        OpeningCostOption: "Åbningsomkostning med forslaget" / "Opening cost, option",
        OptionA: "Forslag A" / "Option A",
        OptionB: "Forslag B" / "Option B",
        ProbabilityThatASavesMore:
            "Sandsynlighed for at A sparer mere end B i året"
            / "Probability that A saves more than B that year",
        SavingsAB: "Besparelse A - B" / "Savings A - B",
        ProbabilityThatAsCumulativeNet:
            "Sandsynlighed for at A's akkumulerede nettobesparelse er større end B's"
            / "Probability that A's cumulative net savings exceed B's",
        CumulativeNetSavingsAB:
            "Akkumuleret nettobesparelse A - B"
            / "Cumulative net savings A - B",
        TheDifferencesAreTakenTrial:
            "Forskellene er regnet simulering for simulering på fælles tilfældige tal: A - B i hver simulering, derefter fraktilerne."
            / "The differences are taken trial by trial on common random numbers: A - B in each trial, then the percentiles.",
        ShareOfSimulations: "Andel af simuleringerne" / "Share of simulations",
        NotByTheEndOf: "Ikke inden udgangen af" / "Not by the end of",
        HoursPerWeekToday: "Timer pr. uge i dag" / "Hours per week today",

        // src/export/xlsx.rs
        ByYear: "Pr. år" / "By year",
        Metric: "Størrelse" / "Metric",
        Key: "Nøgle" / "Key",
        Unit: "Enhed" / "Unit",
        StandardDeviation: "Standardafvigelse" / "Standard deviation",
        StandardError: "Standardfejl" / "Standard error",
        P50Median: "P50 (median)" / "P50 (median)",
        Max: "Maks" / "Max",
        N95PctCiLow: "95 % KI fra" / "95 % CI low",
        N95PctCiHigh: "95 % KI til" / "95 % CI high",
        PaybackYearTheFirstYear:
            "Tilbagebetalingsår: det første år, hvor den akkumulerede nettobesparelse er positiv og forbliver det til og med slutåret."
            / "Payback year: the first year in which cumulative net savings are positive and stay positive through the end year.",
        Goals: "Mål" / "Goals",
        /// The first-year table's column of the last year a goal is judged.
        TheGoalsLastYear: "Målets sidste år" / "The goal's last year",
        ProbabilityOfMeetingTheGoal:
            "Sandsynlighed for at nå målet"
            / "Probability of meeting the goal",
        Probability95PctCiLow:
            "Sandsynlighed, 95 % KI fra (Wilson)"
            / "Probability, 95 % CI low (Wilson)",
        Probability95PctCiHigh:
            "Sandsynlighed, 95 % KI til (Wilson)"
            / "Probability, 95 % CI high (Wilson)",
        ValueMedian: "Værdi, median" / "Value, median",
        ValueP5: "Værdi, P5" / "Value, P5",
        ValueP95: "Værdi, P95" / "Value, P95",
        ValueMean: "Værdi, gennemsnit" / "Value, mean",
        Inputs: "Antagelser" / "Inputs",
        Distribution: "Fordeling" / "Distribution",
        SourceAndReasoning: "Kilde og begrundelse" / "Source and reasoning",
        FileLine: "Fil:linje" / "File:line",
        TheScenarioHasNoUncertain:
            "Scenariet har ingen usikre antagelser."
            / "The scenario has no uncertain inputs.",
        HoursPerWeekProposal: "Timer pr. uge i forslaget" / "Hours per week, proposal",
        Breakdown: "Fordeling" / "Breakdown",
        By: "Fordelt på" / "By",
        Name: "Navn" / "Name",
        Sensitivity: "Følsomhed" / "Sensitivity",
        RankCorrelationSpearman: "Rangkorrelation (Spearman)" / "Rank correlation (Spearman)",
        DeclaredRankCorrelation: "Angivet rangkorrelation" / "Declared rank correlation",
        AchievedRankCorrelation: "Opnået rangkorrelation" / "Achieved rank correlation",
        Measures: "Tiltag" / "Measures",
        TrialNo: "Simulering nr." / "Trial no.",
        Trials: "Simuleringer" / "Trials",

        // src/export/xlsx.rs: attribution sheet
        ExtraNetSavings: "Ekstra nettobesparelse" / "Extra net savings",
        Cost: "Omkostning" / "Cost",
        SavingsBeforeCost: "Besparelse før omkostning" / "Savings before cost",

        // src/export/xlsx.rs: the breakdown sheet (English = `crate::breakdown::COVERS`, as summary.json writes it)
        BreakdownCovers:
            "ekspeditionsomkostning og ekspederede henvendelser pr. område, afdeling og henvendelsestype; åbningsomkostning (pris pr. åben time, personale i bemandede kanaler) pr. afdeling; kampagneomkostninger (tiltag) og udgående post hører ikke til nogen gruppe. Besparelse = status quo - scenarie for det, gruppen dækker."
            / "handling cost and handled contacts by area, department and contact type; opening cost (cost per open hour, staffed-mode staff) by department; campaign (event) costs and outbound mail are in no group. Savings = status quo - scenario of what the group covers.",
    }
}

template_table! {
    // src/export/xlsx.rs, comparison_xlsx.rs: the notes under the sheet titles
    pub fn summary_sheet_note(trials: usize, seed: u64, file: &str) =
        "{trials} simuleringer, seed {seed}, scenariefil {file}. Besparelse = omkostning i status quo - omkostning i scenariet. Fraktiler: type 7 (som FRAKTIL.MEDTAG); 95 % konfidensinterval for hver fraktil fra ordensstatistikker (fordelingsfrit)."
        / "{trials} simulations, seed {seed}, scenario file {file}. Savings = status quo cost - scenario cost. Percentiles: type 7 (as PERCENTILE.INC); 95 % confidence interval of each percentile from order statistics (distribution-free).";
    pub fn options_sheet_note(trials: usize, seed: u64) =
        "{trials} simuleringer pr. forslag, seed {seed}, fælles tilfældige tal (arket Parvis sammenligner forslagene simulering for simulering). Besparelse = omkostning i status quo - omkostning med forslaget. P5, P50 og P95: 5 %-, 50 %- (median) og 95 %-fraktilen; hver kolonne er sin egen fordeling, så medianer summerer ikke."
        / "{trials} trials per option, seed {seed}, common random numbers (the Pairwise sheet compares the options trial by trial). Savings = status quo cost - the option's cost. P5, P50 and P95: the 5th, 50th (median) and 95th percentiles; each column is its own distribution, so medians do not add up.";
}
