//! The terminal's texts.

use crate::i18n::table::{template_table, text_table};

text_table! {
    /// Fixed texts of the terminal output (run, check, compare, backtest, progress).
    pub enum TextTerm {
        // src/cli/breakdown_table.rs
        ByDepartment: "pr. afdeling" / "by department",
        ByContactType: "pr. henvendelsestype" / "by contact type",
        ByDepartmentAndByContact:
            "pr. afdeling og henvendelsestype"
            / "by department and by contact type",
        CostStatusQuoScenarioSavings:
            "omkostning (status quo, scenarie), besparelse og henvendelser (scenarie)"
            / "cost (status quo, scenario), savings and contacts (scenario)",
        CostHandlingContactsXUnit:
            "omkostning = ekspedition (henvendelser x enhedspris), for afdelinger plus åbne timer eller bemanding; kampagner og udgående post er ikke med; medianer summerer ikke over grupperne (gennemsnittene i breakdown.csv gør)"
            / "cost = handling (contacts x unit price), for departments plus open hours or staff; campaigns and outbound mail are in no group; medians do not add up over the groups (the means in breakdown.csv do)",
        MonthlyResultsIn: "månedlige resultater i" / "monthly results in",
        Months: "måneder" / "months",
        HighestMedianMonthlyCost: "højeste median månedsomkostning" / "highest median monthly cost",
        Scenario: "scenariet" / "scenario",
        In: "i" / "in",
        SavingsVsStatusQuo: "besparelse i forhold til status quo" / "savings vs status quo",
        HandlingForDepartmentsPlusOpen:
            "ekspedition, for afdelinger plus åbne timer eller bemanding"
            / "handling, for departments plus open hours or staff",

        // src/cli/check.rs
        ChangesAgainstTheBase:
            "ændringer i forhold til grundscenariet"
            / "changes against the base",
        Removed: "fjernet" / "removed",
        Horizon: "horisont" / "horizon",
        Areas: "områder" / "areas",
        CellsAreaXContactType: "celler (område x henvendelsestype)" / "cells (area x contact type)",
        UncertainInputs: "usikre antagelser" / "uncertain inputs",
        Key: "nøgle" / "key",
        Distribution: "fordeling" / "distribution",
        Unit: "enhed" / "unit",
        OpeningHoursHoursPerWeek: "åbningstider (timer pr. uge)" / "opening hours (hours per week)",
        Proposal: "forslag" / "proposal",
        From: "fra" / "from",
        NewHoursFrom: "nye åbningstider fra" / "new hours from",
        Events: "begivenheder" / "events",
        Goals: "mål" / "goals",
        CeilingsNoneBelowTodaysDigital:
            "lofter: ingen under dagens digitale andel"
            / "ceilings: none below today's digital share",
        CeilingsRaisedToTodaysDigital:
            "lofter hævet til dagens digitale andel"
            / "ceilings raised to today's digital share",
        Ceiling: "loft" / "ceiling",
        RaisedToTodaysShare: "hævet til dagens andel" / "raised to today's share",
        Transaction: "transaktion" / "transaction",
        Information: "generel information" / "information",
        CaseInformation: "sagsinformation" / "case information",
        CitizensCapabilitiesShareOfAdult:
            "borgernes digitale parathed (andel af de voksne borgere)"
            / "citizens' capabilities (share of adult citizens)",
        OutboundLettersFollowIt: "udgående breve følger den" / "outbound letters follow it",
        CapsSelfServiceOf: "begrænser selvbetjening af" / "caps self-service of",
        TheSelfServiceUnitPrice: "enhedsprisen for selvbetjening" / "the self-service unit price",
        SelfServiceSolutions: "selvbetjeningsløsninger" / "self-service solutions",
        Live: "i drift" / "live",
        Uncertain: "usikker" / "uncertain",
        None: "ingen" / "none",
        Solution: "løsning" / "solution",
        Count: "antal" / "count",
        Launch: "i drift fra" / "launch",
        Delay: "forsinkelse" / "delay",
        Option: "forslag" / "option",
        Channel: "kanal" / "channel",
        Hours: "timer" / "hours",
        Schedule: "ugeplan" / "schedule",
        Policy: "tiltag" / "policy",
        External: "ekstern" / "external",
        Event: "begivenhed" / "event",
        Kind: "type" / "kind",
        December: " (december)" / " (December)",
        Goal: "mål" / "goal",
        Metric: "måltal" / "metric",
        Targets: "mål pr. år" / "targets",

        // src/cli/compare.rs
        Options: "forslag" / "options",
        /// One option ("1 option").
        OptionOne: "forslag" / "option",
        Trials: "simuleringer" / "trials",
        Each: "hver" / "each",
        CommonRandomNumbers: "fælles tilfældige tal" / "common random numbers",
        WeeklyOpenHours: "ugentlige åbningstimer" / "weekly open hours",
        DepartmentChannel: "afdeling / kanal" / "department / channel",
        DisplacedContactsPerYearMedian:
            "fortrængte henvendelser pr. år (median): hvor de gik hen"
            / "displaced contacts per year (median): where they went",
        Retimed: "andet tidspunkt" / "retimed",
        ToDigital: "digitalt" / "to digital",
        CounterToPhone: "skranke til telefon" / "counter to phone",
        Avoided: "bliver væk" / "avoided",
        StaffedChannel: "bemandet kanal" / "staffed channel",
        AvgSpeedOfAnswer: "gns. svartid" / "avg. speed of answer",
        StaffingByErlangCMedian:
            "bemanding efter Erlang C (median), i dag -> forslag"
            / "staffing by Erlang C (median), today -> option",
        /// The column of the staffing table: an average, so it has decimals.
        AvgAgentsPerOpenHour:
            "gns. medarbejdere pr. åben time"
            / "avg. agents per open hour",
        AgentsNeededPerOpenHour:
            "gns. medarbejdere pr. åben time: medarbejdertimer delt med årets åbne timer (derfor decimaler); så mange skal tage telefonen samtidig for at holde serviceniveauet, ikke antallet af ansatte. Tallet stiger, når de samme opkald samles på færre åbne timer (spidsbelastning, Erlang C). Det strider ikke mod besparelsen: lønnen følger medarbejdere gange åbne timer, og flere medarbejdere i færre timer kan koste mindre i alt."
            / "avg. agents per open hour: agent-hours divided by the year's open hours (hence the decimals); how many must answer at the same time to keep the service level, not the number of employees. It rises when the same calls are concentrated into fewer open hours (peak load, Erlang C). That does not contradict the saving: the wage cost follows agents times open hours, and more agents in fewer hours can cost less in total.",
        ProbabilityThatTheRowOptions:
            "sandsynlighed for at rækkens forslag har en større akkumuleret nettobesparelse"
            / "probability that the row option's cumulative net savings",
        ExceedTheColumnOptions: "end kolonnens" / "exceed the column option's",

        // src/cli/progress.rs
        Eta: "resterende" / "eta",
        Summarising: "opsummerer…" / "summarising…",
        WorkingOutWhichInputsMatter:
            "beregner hvilke input der betyder mest…"
            / "working out which inputs matter most…",
        ComparingTheOptions: "sammenligner forslagene…" / "comparing the options…",
        WritingSummaryJsonAndCsv:
            "skriver summary.json og CSV-filer…"
            / "writing summary.json and CSV files…",
        WritingCharts: "tegner diagrammer…" / "writing charts…",
        WritingTheReport: "skriver rapporten…" / "writing the report…",
        WritingTheWorkbook: "skriver regnearket…" / "writing the workbook…",

        // src/cli/run.rs
        Precision: "præcision" / "precision",
        Attribution: "tiltag" / "attribution",

        // src/cli/sensitivity_table.rs
        WhatDrives: "hvad driver" / "what drives",
        The: "de" / "the",
        MostInfluentialOf: "vigtigste af" / "most influential of",
        NoUncertainInputsTheOutput:
            "ingen usikre input: resultatet afhænger ikke af nogen lodtrækning"
            / "no uncertain inputs: the output does not depend on any draw",
        WhenLowHigh: "ved lav/høj" / "when low/high",
        TheOutputsMedianInTrials:
            "resultatets median i de simuleringer, hvor inputtet ligger blandt sine laveste/højeste 10 %"
            / "the output's median in trials with the input in its lowest/highest 10 %",
        Rank: "rang" / "rank",
        ShareOfVariance: "andel af variansen" / "share of variance",
        WhenLow: "ved lav" / "when low",
        WhenHigh: "ved høj" / "when high",
        Swing: "udsving" / "swing",
        RankCorrelationsBetweenInputs:
            "rangkorrelationer mellem input:"
            / "rank correlations between inputs:",
        Declared: "angivet" / "declared",
        Achieved: "opnået" / "achieved",

        // src/cli/table.rs
        MillionKr: "mio. kr." / "million kr.",
        LatinHypercube: ", latinsk hyperkube" / ", Latin hypercube",
        SobolPoints: ", Sobol'-punkter" / ", Sobol' points",
        StatusQuoProjectionNoProposal:
            "status quo-fremskrivning: intet forslag og ingen tiltag, så der er intet at spare; her er omkostninger, henvendelser og mål"
            / "status-quo projection: no proposal and no initiatives, so nothing is saved; here are costs, contacts and goals",
        ContactsTotal: "henvendelser i alt" / "contacts, total",
        DigitalShare: "digital andel" / "digital share",
        Median5Pct95Pct:
            "median [5 % .. 95 %] pr. år; digital andel: median"
            / "median [5 % .. 95 %] per year; digital share: median",
        MeanCost: "gennemsnitlig omkostning" / "mean cost",
        /// After "mean cost 2015: X ± Y": what the ± is, and what it is not.
        N95PctCiOfThe:
            "simuleringspræcision: 95 %-KI for gennemsnittet, ikke prognosens interval [5 % .. 95 %]"
            / "simulation precision: 95 % CI of the mean, not the forecast range [5 % .. 95 %]",
        PerYear: "pr. år" / "per year",
        SavingsStatusQuoCostScenario:
            "besparelse = omkostning i status quo - omkostning i scenariet"
            / "savings = status quo cost - scenario cost",
        Percentiles: "fraktiler" / "percentiles",
        /// "percentiles (simulation precision, 95 % CI): 5 % 9.11 (9.05–9.17), ...".
        N95PctCi: "simuleringspræcision, 95 %-KI" / "simulation precision, 95 % CI",
        MeanCumulativeNetSavings:
            "gennemsnitlig akkumuleret nettobesparelse"
            / "mean cumulative net savings",
        N95PctCiOfTheMedian:
            "medianens simuleringspræcision (95 %-KI)"
            / "simulation precision of the median (95 % CI)",
        /// The attribution table's column of each median's 95 % CI.
        MedianPrecisionColumn: "medianens præcision (95 %-KI)" / "median's precision (95 % CI)",
        NotBy: "ikke inden" / "not by",
        PaybackFirstYearFromWhich:
            "tilbagebetaling (første år, hvorfra den akkumulerede nettobesparelse forbliver over 0)"
            / "payback (first year from which cumulative net savings stay above 0)",
        OfTrials: "af simuleringerne" / "of trials",
        NotReachedWithinMaxTrials:
            "ikke nået inden for --max-trials"
            / "not reached within --max-trials",
        OfTheMeanOf: "af gennemsnittet af" / "of the mean of",
        PointsForTheProbabilityOf:
            "(procentpoint) for sandsynligheden for"
            / "(points) for the probability of",
        N95PctHalfWidth: "95 %-halvbredde" / "95 % half-width",
        Target: "mål" / "target",
        ProbabilityThatEachGoalIs:
            "sandsynlighed for at hvert mål nås"
            / "probability that each goal is met",
        NotEvaluableTheGoalsShare:
            "kan ikke måles: målets andel tages over celler uden henvendelser det år"
            / "not evaluable, the goal's share is taken over cells with no contacts that year",
        NE: "k.m." / "n/e",
        /// Heading of the first-year lines: the first year a trial meets
        /// that year's target, per trial (summary.rs, `first_year_met`).
        FirstYearEachGoalIs:
            "første år hvert mål nås i en simulering (andel af simuleringerne; en simulering, der når et mål, kan miste det igen et senere år, så hver linje slutter med sandsynligheden for, at målet er nået i sit sidste år)"
            / "first year each goal is met in a trial (share of trials; a trial that meets a goal may miss it again in a later year, so each line ends with the probability that the goal is met in its last year)",
        NotMet: "aldrig nået" / "never met",
        WhereTheSavingsComeFrom: "hvor besparelsen kommer fra" / "where the savings come from",
        MeanOfTheTrialsThe:
            "gennemsnit af simuleringerne: delene summerer til den gennemsnitlige besparelse"
            / "mean of the trials: the parts add up to the mean savings",
        Source: "kilde" / "source",
        ContactsAvoidedAreValuedAt:
            "henvendelser der bliver væk, er regnet til den fulde enhedspris i den kanal, de forlod"
            / "contacts avoided are valued at the full unit price of the channel they left",
        OfTheSavingsThrough: "af besparelsen til og med" / "of the savings through",
        EachColumnIsTheMedian:
            "hver kolonne er medianen af sine egne simuleringer: median status quo - median scenarie er ikke medianen af besparelsen, og medianer kan ikke lægges sammen over år"
            / "each column is the median of its own trials: median status quo - median scenario is not the median savings, and medians do not add up over years",
        NothingToAttributeTheScenario:
            "intet at tilskrive: scenariet har hverken forslag eller politiske tiltag"
            / "nothing to attribute: the scenario has neither a proposal nor policy events",
        WhatTheProposalsHoursAnd:
            "hvad forslagets åbningstider og hvert politisk tiltag giver til og med"
            / "what the proposal's hours and each policy event buy through",
        EachRerunWithoutItOn:
            "hvert genberegnet uden det på de samme tilfældige tal"
            / "each rerun without it on the same random numbers",
        EventMeasure: "tiltag" / "event",
        MarginalNetSavings: "ekstra nettobesparelse" / "marginal net savings",
        ItsCost: "dets omkostning" / "its cost",
        GrossSavings: "bruttobesparelse" / "gross savings",
        TheItemsMeanEffectsAdd:
            "tiltagenes gennemsnitlige effekter summerer til"
            / "the items' mean effects add up to",
        OfTheScenariosMean: "af scenariets gennemsnit på" / "of the scenario's mean",
        ItemsThatMoveTheSame:
            "tiltag, der flytter de samme henvendelser, overlapper, så hvert måles alene, ikke som en andel af helheden"
            / "items that move the same contacts overlap, so each is measured alone, not as a share of the total",
        PercentagePoints: "procentpoint" / "percentage points",
        LargestChangeInTheProbability:
            "største ændring i sandsynligheden for at nå et mål:"
            / "largest change in the probability of meeting a goal:",

        // src/cli/table.rs
        Reached: "nået" / "reached",
    }
}

template_table! {
    // src/cli/table.rs: a goal's first-year line, "first met 2011 30 %, 2012 < 1 %, ...; met in 2015: 25 %"
    pub fn first_met_in(parts: &str) = "først nået {parts}" / "first met {parts}";
    pub fn met_in_year(year: i32, p: &str) = "nået i {year}: {p}" / "met in {year}: {p}";
    // src/cli/sensitivity_table.rs
    pub fn uncertain_inputs(n: usize) = "{n} usikre input" / "{n} uncertain inputs";
    // src/cli: lines with numbers and names
    pub fn more_input(k: usize) = "... og {k} input mere" / "... and {k} more input";
    pub fn more_inputs(k: usize) = "... og {k} input mere" / "... and {k} more inputs";
    pub fn base_is_option(file: &str, name: &str, n: usize) =
        "grundlag: den første fil, {file} (»{name}«), har selv et forslag eller tiltag, så den er forslag 1 af {n}; hvert forslag måles mod status quo (dagens åbningstider, kun eksterne begivenheder)"
        / "base: the first file, {file} (“{name}”), has a proposal or initiatives of its own, so it is option 1 of {n}; each option is measured against the status quo (today's hours, external events only)";
    /// `options`: the word for `n` options ([`TextTerm::Options`] or [`TextTerm::OptionOne`]).
    pub fn base_is_status_quo(file: &str, name: &str, files: usize, n: usize, options: &str) =
        "grundlag: den første fil, {file} (»{name}«), er dagens situation (status quo), som forslagene måles mod; den er ikke selv et forslag, så {files} filer giver {n} {options}"
        / "base: the first file, {file} (“{name}”), is today's situation (the status quo) the options are measured against; it is no option itself, so {files} files give {n} {options}";
    pub fn wrote_n_files(n: usize, dir: &str) =
        "\nSkrev {n} filer til {dir}\n"
        / "\nWrote {n} files to {dir}\n";
    pub fn streamed_summary(up_to: &str, pct: &str, subset: &str) =
        "over {up_to} simuleringer: percentiler fra en kvantilskitse (inden for {pct} %), middelværdier og sandsynligheder eksakte{subset}\n"
        / "above {up_to} trials: percentiles from a quantile sketch (within {pct} %), means and probabilities exact{subset}\n";
    pub fn streamed_subset(kept: &str) =
        "; følsomhed, attribution og regnearkets simuleringsark bruger de første {kept}"
        / "; sensitivity, attribution and the workbook's per-trial sheet use the first {kept}";
    pub fn ci_of_medians(what: &str, parts: &str) =
        "simuleringspræcision for medianerne af {what} (95 %-KI: hvor medianen ville ligge med uendeligt mange simuleringer, ikke prognosens interval): {parts}\n"
        / "simulation precision of the medians of {what} (95 % CI: where the median would lie with endlessly many trials, not the forecast range): {parts}\n";
    pub fn of_the_percentile_of(n: &str) = "af {n} %-fraktilen af" / "of the {n}th percentile of";
    /// Under the table of where the savings come from, when a Digital
    /// Post law (an external event) makes the savings on outbound mail fall.
    pub fn outbound_law_line(year: i32, before: &str, after: &str, law: &str, start: &str) =
        "besparelsen på udgående post falder i {year} ({before} -> {after}), fordi »{law}« (ekstern begivenhed fra {start}) også gælder i status quo: fra da af sender begge mindst lovens andel af brevene med Digital Post, og kun scenariets forspring ud over loven sparer stadig"
        / "outbound mail savings fall in {year} ({before} -> {after}) because “{law}” (an external event from {start}) applies to the status quo too: from then on both send at least the law's share of the letters by Digital Post, and only the scenario's lead beyond the law still saves";
    pub fn completion_line(n: usize, price: &str) =
        "gennemførsel af påbegyndt selvbetjening: {n} celler med en gennemførselsgrad; opgivne forsøg koster {price}"
        / "completion of started self-service: {n} cells with a rate; failed attempts cost {price}";
}
