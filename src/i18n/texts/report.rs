//! The HTML report's texts.

use crate::i18n::table::{template_table, text_table};

text_table! {
    /// Fixed texts of the HTML report (and of the backtest and breakdown sections it shares with the terminal).
    pub enum TextReport {
        // src/report/backtest.rs
        NotEvaluable: "ikke beregnelig" / "not evaluable",
        Pp: "pp." / "pp",
        BacktestAgainst: "backtest mod" / "backtest against",
        TheForecastAgainstWhatHappened:
            "Prognosen holdt op mod virkeligheden"
            / "The forecast against what happened",
        Source: "Kilde" / "Source",
        Realised: "faktisk" / "realised",

        // src/report/breakdown_html.rs
        NoDepartment: "Ingen afdeling" / "No department",
        CostBy: "Omkostninger fordelt på" / "Cost by",
        MeanKr: "gennemsnit, kr." / "mean, kr.",
        ContactsScenario: "Henvendelser, scenarie" / "Contacts, scenario",
        TheBreakdownsCoverTheHandling:
            "Fordelingerne dækker ekspeditionsomkostningen (antal henvendelser gange enhedspris) og, for afdelingerne, omkostningen til åbne timer eller bemanding. Kampagners og tiltags udgifter og udgående post hører ikke til noget område og er ikke med. Gennemsnit summerer over grupperne; besparelse = status quo minus scenarie af det, gruppen dækker."
            / "The breakdowns cover the handling cost (contacts times unit price) and, for departments, the cost of open hours or staff. Campaign and initiative costs and outbound mail belong to no area and are left out. Means add up over the groups; savings = status quo minus scenario of what the group covers.",

        // src/report/chart_data.rs
        DigitalContactsShare: "Digitale henvendelser (andel)" / "Digital contacts (share)",
        StartedSelfServiceCompleted:
            "Gennemført påbegyndt selvbetjening"
            / "Started self-service completed",
        LettersSentByDigitalPost: "Breve sendt med Digital Post" / "Letters sent by Digital Post",
        StatusQuoTheSamePath: "Status quo, samme forløb" / "Status quo, the same path",
        Projection: "Fremskrivning" / "Projection",
        AnnualCostStatusQuoProjection:
            "Årlig omkostning: status quo-fremskrivning"
            / "Annual cost: status-quo projection",

        // src/report/chart_list.rs
        HowSettledAreTheFigures: "Hvor stabile er tallene?" / "How settled are the figures?",

        // src/report/html/analysis.rs
        SensitivityTheTenMostImportant:
            "Følsomhed, de ti vigtigste antagelser"
            / "Sensitivity, the ten most important inputs",
        RankCorrelation: "Rangkorrelation" / "Rank correlation",
        RankSpearmanCorrelationBetweenThe:
            "Rangkorrelation (Spearman) mellem antagelsen og resultatet over simuleringerne. Udsving: forskellen mellem medianen, når antagelsen ligger blandt sine laveste 10 %, og når den ligger blandt sine højeste 10 %."
            / "Rank (Spearman) correlation between the input and the result across the simulations. Swing: the difference between the median with the input in its lowest 10 % and with it in its highest 10 %.",
        DeclaredAndAchievedRankCorrelations:
            "Angivne og opnåede rangkorrelationer"
            / "Declared and achieved rank correlations",
        Declared: "Angivet" / "Declared",
        Achieved: "Opnået" / "Achieved",
        WhatEachMeasureContributes:
            "Hvad hvert tiltag bidrager med"
            / "What each measure contributes",
        ExtraNetSavingsMedian: "Ekstra nettobesparelse (median)" / "Extra net savings (median)",
        TheMeasuresCostMedian: "Tiltagets omkostning (median)" / "The measure's cost (median)",
        SavingsBeforeCostMedian:
            "Besparelse før omkostning (median)"
            / "Savings before cost (median)",
        EachMeasureIsMeasuredAlone:
            "Hvert tiltag er målt for sig: scenariet regnet uden netop det tiltag, med de samme tilfældige tal. Tiltag, der flytter de samme henvendelser, overlapper, så tallene summerer ikke nødvendigvis til den samlede besparelse."
            / "Each measure is measured alone: the scenario computed without just that measure, on the same random numbers. Measures that move the same contacts overlap, so the figures need not add up to the total savings.",
        TheMeasuresEffectOnThe:
            "Tiltagenes virkning på sandsynligheden for at nå målene (procentpoint)"
            / "The measures' effect on the probability of meeting the goals (percentage points)",

        // src/report/html/brief.rs
        N90PctProbability: "90 % sandsynlighed" / "90 % probability",
        ContactsIn: "Henvendelser i" / "Contacts in",
        DigitalShareOfContactsIn:
            "Digital andel af henvendelserne i"
            / "Digital share of contacts in",
        ThereAreNoSavingsPresent:
            "Der er ingen besparelse, nutidsværdi eller tilbagebetaling at beregne: scenariet ændrer intet i forhold til status quo. Læg et forslag eller et tiltag ind i scenariet for at se, hvad det sparer."
            / "There are no savings, present value or payback to compute: the scenario changes nothing against the status quo. Add a proposal or an initiative to the scenario to see what it saves.",
        InBrief: "Kort fortalt" / "In brief",
        PaysForItselfPayback: "Tjent hjem (tilbagebetaling)" / "Pays for itself (payback)",
        ProbabilityOfANetSaving:
            "Sandsynlighed for samlet besparelse til og med"
            / "Probability of a net saving through",
        HowToReadTheFigures:
            "Sådan læses tallene: medianen er det midterste udfald – der er lige stor chance for et større og et mindre tal. »90 % sandsynlighed« betyder, at tallet i 9 ud af 10 simuleringer ligger i intervallet."
            / "How to read the figures: the median is the middle outcome – a larger and a smaller figure are equally likely. “90 % probability” means that in 9 out of 10 simulations the figure lies in the interval.",
        NoUncertaintyInTheInputs: "ingen usikkerhed i input" / "no uncertainty in the inputs",
        TheSameInEverySimulation: "ens i alle simuleringer" / "the same in every simulation",

        // src/report/html/comparison.rs
        TheProposalsCompared: "Forslagene sammenlignet" / "The proposals compared",
        OpeningHoursPerWeekIn: "Åbningstimer pr. uge i alt" / "Opening hours per week in all",
        CumulativeNetSavingsThrough:
            "Akkumuleret nettobesparelse til og med"
            / "Cumulative net savings through",
        N90PctProbabilityCumulative:
            "90 % sandsynlighed (akkumuleret)"
            / "90 % probability (cumulative)",
        TheProposalsPerYearMedian:
            "Forslagene pr. år (median; 90 %-interval under)"
            / "The proposals per year (median; 90 % interval below)",
        DisplacedContacts: "Fortrængte henvendelser" / "Displaced contacts",
        ProbabilityOfMeetingTheGoals:
            "Sandsynlighed for at nå målene pr. forslag og år"
            / "Probability of meeting the goals per proposal and year",
        ProposalAgainstProposalSimulationBy:
            "Forslag mod forslag, simulering for simulering (samme tilfældige tal)"
            / "Proposal against proposal, simulation by simulation (same random numbers)",
        PASavesMoreThat: "P(A sparer mere det år)" / "P(A saves more that year)",
        DifferenceInSavingsMedian:
            "Forskel i besparelse (median)"
            / "Difference in savings (median)",
        PAsCumulativeSavingsLarger:
            "P(A har størst akkumuleret besparelse)"
            / "P(A's cumulative savings larger)",
        DifferenceCumulativeMedian:
            "Forskel, akkumuleret (median)"
            / "Difference, cumulative (median)",

        // src/report/html/figures.rs
        TheChartCouldNotBe: "figuren kunne ikke tegnes" / "the chart could not be drawn",
        Charts: "Figurer" / "Charts",

        // src/report/html/goals.rs
        ProbabilityOfMeetingTheGoalsPer:
            "Sandsynlighed for at nå målene pr. år"
            / "Probability of meeting the goals per year",
        TheGoalsFiguresPerYear:
            "Målenes tal pr. år (median; 90 %-interval under)"
            / "The goals' figures per year (median; 90 % interval below)",
        CitizensSolutionsAndCompletionPer:
            "Borgere, løsninger og gennemførsel pr. år (median; 90 %-interval under)"
            / "Citizens, solutions and completion per year (median; 90 % interval below)",
        CitizensSharesAreTheMean:
            "Borgernes andele er gennemsnit over årets måneder af andelen af de voksne borgere. Et forsøg er en påbegyndt selvbetjening; de opgivne forsøg, der kommer igen, er henvendelser i borgerservice, telefon eller brev ud over dem, der aldrig prøvede selv."
            / "Citizens' shares are the mean over the year's months of the share of adult citizens. An attempt is a started self-service form; the abandoned attempts that come back are contacts at the counter, by phone or by letter on top of those who never tried online.",

        // src/report/html/hours.rs
        DisplacedShare: "Fortrængt andel ρ" / "Displaced share ρ",
        N1ProposalHoursTodaysHours:
            "ρ = 1 − timer i forslaget / timer i dag: den andel af kanalens henvendelser, der ikke længere kan komme på det vante tidspunkt (jævn efterspørgsel over de åbne timer, medmindre scenariet angiver en ugeprofil)."
            / "ρ = 1 − proposal hours / today's hours: the share of the channel's contacts that can no longer come at the usual time (demand spread evenly over the open hours unless the scenario gives a weekly profile).",
        ContactsDisplacedByShorterOpening:
            "Henvendelser fortrængt af kortere åbningstid (median pr. år)"
            / "Contacts displaced by shorter opening hours (median per year)",
        Retimed: "Andet tidspunkt" / "Retimed",
        ToDigital: "Til digital kanal" / "To digital",
        CounterToPhone: "Skranke → telefon" / "Counter → phone",
        Avoided: "Bliver væk" / "Avoided",
        StaffedChannelErlangCStatus:
            "Bemandet kanal (Erlang C): status quo → scenarie (medianer)"
            / "Staffed channel (Erlang C): status quo → scenario (medians)",
        AgentsNeededPerOpenHour:
            "Gns. medarbejdere pr. åben time"
            / "Average agents per open hour",
        ServiceLevel: "Serviceniveau" / "Service level",
        AverageWaitS: "Gns. ventetid (sek.)" / "Average wait (s)",

        // src/report/html/inputs.rs
        InputUnit: "Antagelse (enhed)" / "Input (unit)",
        DistributionMean: "Fordeling (gennemsnit)" / "Distribution (mean)",
        SourceAndReasoningFileLine:
            "Kilde og begrundelse (fil:linje)"
            / "Source and reasoning (file:line)",
        DistributionsTriangularMinModeMax:
            "Fordelinger: trekantfordeling (min.; typisk; maks.), PERT (min.; typisk; maks.), ligefordeling (min.; maks.), lognormal (median; 90 % i [fra; til]), normalfordeling (middel; sd = standardafvigelse)."
            / "Distributions: triangular(min, mode, max), PERT(min, mode, max), uniform(min, max), log-normal(median, 90 % in [from, to]), normal(mean, sd = standard deviation).",
        EveryUncertainNumberInThe:
            "Hvert usikkert tal i scenariet er en sandsynlighedsfordeling, som trækkes én gang pr. simulering. Kilden er kommentaren i scenariefilen; fil:linje viser, hvor tallet står."
            / "Every uncertain number in the scenario is a probability distribution, drawn once per simulation. The source is the comment in the scenario file; file:line shows where the number is written.",
        Assumptions: "Antagelser" / "Assumptions",
        TheScenarioHasNoUncertain:
            "Scenariet har ingen usikre antagelser: alle tal er faste, så alle simuleringer giver det samme resultat."
            / "The scenario has no uncertain inputs: every number is fixed, so every simulation gives the same result.",
        TheProposalsShareTheseInputs:
            "Forslagene har de samme antagelser og de samme trukne tal i hver simulering; antagelser, som kun ét forslag har, står i dets afsnit 2."
            / "The proposals share these inputs and the numbers drawn in each simulation; inputs only one proposal has are in its section 2.",
        AppendixAOtherInputs: "Bilag A. Øvrige antagelser" / "Appendix A. Other inputs",
        SourceAsAbove: "(kilde som ovenfor)" / "(source as above)",

        // src/report/html/labels.rs
        HandlingCost: "Ekspeditionsomkostning" / "Handling cost",
        OpeningCost: "Åbningsomkostning" / "Opening cost",
        CampaignCost: "Kampagneomkostning" / "Campaign cost",
        OutboundMailCost: "Udgående post" / "Outbound mail cost",
        PaperLetters: "Papirbreve" / "Paper letters",
        AverageWaitSLower: "gns. ventetid (sek.)" / "average wait (s)",
        Staffing: "Bemanding" / "Staffing",
        CostStatusQuo: "Omkostning, status quo" / "Cost, status quo",
        CostScenario: "Omkostning, scenarie" / "Cost, scenario",
        NetPresentValue: "Nettonutidsværdi" / "Net present value",
        DigitalShareScenario: "Digital andel, scenarie" / "Digital share, scenario",
        ContactsTotal: "Henvendelser i alt" / "Contacts, total",
        DisplacedContactsRetimed:
            "Fortrængte henvendelser: andet tidspunkt"
            / "Displaced contacts: retimed",
        DisplacedContactsToDigital:
            "Fortrængte henvendelser: til digital kanal"
            / "Displaced contacts: to digital",
        DisplacedContactsCounterToPhone:
            "Fortrængte henvendelser: fra skranke til telefon"
            / "Displaced contacts: counter to phone",
        DisplacedContactsAvoided:
            "Fortrængte henvendelser: bliver væk"
            / "Displaced contacts: avoided",
        ContactsAvoidedByChannelClosure:
            "Henvendelser undgået ved lukket kanal"
            / "Contacts avoided by channel closure",
        ContactsAvoidedByPartialChannel:
            "Henvendelser undgået ved delvis kanalflytning"
            / "Contacts avoided by partial channel shifts",
        DigitalPostLettersScenario:
            "Breve via Digital Post, scenarie"
            / "Digital Post letters, scenario",
        AtMost: "højst" / "at most",
        AtLeast: "mindst" / "at least",
        VirtuallyCertain: "næsten sikkert" / "virtually certain",
        VeryLikely: "meget sandsynligt" / "very likely",
        Likely: "sandsynligt" / "likely",
        AboutAsLikelyAsNot: "lige så sandsynligt som ikke" / "about as likely as not",
        Unlikely: "usandsynligt" / "unlikely",
        VeryUnlikely: "meget usandsynligt" / "very unlikely",
        ExceptionallyUnlikely: "næsten udelukket" / "exceptionally unlikely",

        // src/report/html/method.rs
        StatusQuoProjection: "Status quo-fremskrivning" / "Status-quo projection",
        EverySimulationComputesTwoPaths:
            "Hver simulering regner to forløb med de samme trukne tal: scenariet og status quo (dagens åbningstider og kun eksterne begivenheder som love). Her har scenariet hverken forslag eller tiltag, så de to forløb er de samme, og besparelsen er 0 i hver simulering. Rapporten viser derfor omkostningerne, henvendelserne og målene for det ene forløb."
            / "Every simulation computes two paths with the same drawn numbers: the scenario and the status quo (today's opening hours, external events such as laws only). Here the scenario has neither a proposal nor initiatives, so the two paths are the same and savings are 0 in every simulation. The report therefore shows the costs, contacts and goals of the one path.",
        HowTheNumbersAreMade: "Sådan er tallene beregnet" / "How the numbers are made",
        CumulativeNetSavingsLower: "den akkumulerede nettobesparelse" / "cumulative net savings",
        TheScenariosCost: "scenariets omkostning" / "the scenario's cost",
        N95PctCi: "95 % konfidensinterval" / "95 % CI",

        // src/report/html/mod.rs
        TheProposal: "forslaget" / "the proposal",
        ThePlanOpeningHoursAnd:
            "planen (åbningstider og tiltag)"
            / "the plan (opening hours and initiatives)",
        TheScenario: "scenariet" / "the scenario",
        ChannelShiftForecast: "Prognose for kanalomlægning" / "Channel-shift forecast",

        // src/report/html/options.rs
        OpeningHoursPerWeek: "Åbningstimer pr. uge" / "Opening hours per week",
        OpeningHoursPerProposal: "Åbningstider pr. forslag" / "Opening hours per proposal",
        StaffingByErlangCToday:
            "bemanding efter Erlang C: i dag → forslag (medianer)"
            / "staffing by Erlang C: today → proposal (medians)",
        TheInputsThatMatterMost:
            "De antagelser, der betyder mest for"
            / "The inputs that matter most for",
        MedianWhenLow: "Median når lav" / "Median when low",
        MedianWhenHigh: "Median når høj" / "Median when high",
        TheResultsMedianWithThe:
            "Resultatets median, når antagelsen er blandt sine laveste/højeste 10 %. Fordelingerne står i afsnit 3."
            / "The result's median with the input among its lowest/highest 10 %. The distributions are in section 3.",
        InputsOfThisProposalOnly: "Antagelser kun i dette forslag" / "Inputs of this proposal only",
        TheOtherProposalsDoNot:
            "Disse antagelser har de andre forslag ikke, eller de trækkes fra en anden fordeling der."
            / "The other proposals do not have these inputs, or draw them from another distribution.",
        SavingsIn: "Besparelse i" / "Savings in",
        By: "pr." / "by",
        AndProposal: "og forslag" / "and proposal",
        ADepartmentsSavingsCoverHandling:
            "Afdelingernes besparelse dækker ekspedition (henvendelser gange enhedspris) og åbne timer eller bemanding; kampagner, tiltag og udgående post hører ikke til en afdeling. Gennemsnit summerer over grupperne til linjen i alt."
            / "A department's savings cover handling (contacts times unit price) and open hours or staff; campaigns, initiatives and outbound mail belong to no department. Means add up over the groups to the total row.",
        AContactTypesSavingsCover:
            "Henvendelsestypernes besparelse dækker ekspeditionen (henvendelser gange enhedspris). Gennemsnit summerer over grupperne til linjen i alt."
            / "A contact type's savings cover handling (contacts times unit price). Means add up over the groups to the total row.",

        // src/report/html/sentences.rs
        NotBy: "Ikke inden" / "Not by",

        // src/report/html/summary.rs
        StatusQuoProjectionTheScenario:
            "Status quo-fremskrivning: scenariet har intet forslag og ingen tiltag, så der er intet at spare i forhold til status quo. Rapporten viser omkostninger, henvendelser og mål, som de udvikler sig med dagens åbningstider og de eksterne begivenheder (fx love). Alle beløb er i kr."
            / "Status-quo projection: the scenario has no proposal and no initiatives, so there is nothing to save against the status quo. The report shows costs, contacts and goals as they develop with today's opening hours and the external events (such as laws). All amounts are in kr.",
        AllAmountsAreInKr:
            "Alle beløb er i kr. og sammenlignet med status quo (uændrede åbningstider, kun eksterne begivenheder som love)."
            / "All amounts are in kr. and against the status quo (today's opening hours, external events such as laws only).",
        ScenarioFile: "Scenariefil" / "Scenario file",
        Seed: "startværdi (--seed)" / "seed",
        HowTheNumbersAreMadeSee:
            "Sådan er tallene beregnet: se afsnit"
            / "How the numbers are made: see section",
        Summary: "Sammenfatning" / "Summary",
        AllAmountsAreInKrAnd:
            "Alle beløb er i kr. og sammenlignet med status quo (uændrede åbningstider, kun eksterne begivenheder som love). Alle forslag er regnet med de samme tilfældige tal, så forskellen mellem to forslag er beregnet simulering for simulering."
            / "All amounts are in kr. and against the status quo (today's opening hours, external events such as laws only). Every proposal is computed with the same random numbers, so the difference between two proposals is computed simulation by simulation.",
        Base: "Grundlag" / "Base",
        TheProposalsFiles: "Forslagenes filer" / "The proposals' files",
        Section2ShowsEachProposal:
            "Afsnit 2 viser hvert forslag for sig: nøgletal, mål, åbningstider, bemanding og de antagelser, der betyder mest for det."
            / "Section 2 shows each proposal on its own: key figures, goals, opening hours, staffing and the inputs that matter most for it.",
        TheGoals: "Målene" / "The goals",
        OpeningSchedulePerWeek: "Åbningstider pr. uge" / "Opening hours per week",
        TodayHours: "I dag (timer)" / "Today (hours)",
        ProposalHours: "Forslag (timer)" / "Proposal (hours)",
        Change: "Ændring" / "Change",

        // src/report/html/tables.rs
        Tables: "Tabeller" / "Tables",
        CostsAndSavingsPerYear: "Omkostninger og besparelser pr. år" / "Costs and savings per year",
        MedianKr: "median, kr." / "median, kr.",
        HandlingContacts: "Ekspedition af henvendelser" / "Handling contacts",
        OpeningHoursStaffPremises:
            "Åbningstid (bemanding, lokaler)"
            / "Opening hours (staff, premises)",
        CampaignsAndMeasures: "Kampagner og tiltag" / "Campaigns and measures",
        OutboundMail: "Udgående post" / "Outbound mail",
        CostComponentsIn: "Omkostningernes sammensætning i" / "Cost components in",
        Item: "Post" / "Item",
        Cost: "Omkostning" / "Cost",
        SavingsStatusQuoMinusScenario:
            "Besparelse (status quo − scenarie)" / "Savings (status quo − scenario)",
        MediansOfEachItemSavings:
            "Medianer af hver post for sig; de summerer ikke nødvendigvis til medianen af den samlede omkostning. Besparelsen er postens median i status quo minus dens median i scenariet, med samme fortegn som besparelsen i resten af rapporten: positiv, når posten koster mindre i scenariet."
            / "Medians of each item on its own; they need not add up to the median of the total cost. The savings are the item's median in the status quo minus its median in the scenario, signed like the savings in the rest of the report: positive when the item costs less in the scenario.",
        BacktestNothingScored:
            "Intet faktisk tal kunne sammenlignes med prognosen."
            / "No realised figure could be compared with the forecast.",
        BacktestFewerThanExpected:
            " Færre end ventet: prognosens bånd er for smalle, den var for sikker på sig selv."
            / " Fewer than expected: the forecast's bands are too narrow, it was too sure of itself.",
        BacktestMoreThanExpected:
            " Flere end ventet: prognosens bånd er bredere end nødvendigt."
            / " More than expected: the forecast's bands are wider than they need to be.",
        MediansOfEachItemOn:
            "Medianer af hver post for sig; de summerer ikke nødvendigvis til medianen af den samlede omkostning."
            / "Medians of each item on its own; they need not add up to the median of the total cost.",
        WhereTheSavingsComeFrom: "Hvor besparelsen kommer fra" / "Where the savings come from",
        ThePartsAddUpTo: "delene summerer til besparelsen" / "the parts add up to the savings",
        CostsAndContactsPerYear:
            "Omkostninger og henvendelser pr. år (status quo-fremskrivning; median og 90 %-interval)"
            / "Costs and contacts per year (status-quo projection; median and 90 % interval)",
        CostMedian: "Omkostning (median)" / "Cost (median)",
        Cost90PctInterval: "Omkostning, 90 %-interval" / "Cost, 90 % interval",
        ContactsTotalMedian: "Henvendelser i alt (median)" / "Contacts, total (median)",
        DigitalShareMedian: "Digital andel (median)" / "Digital share (median)",
        N90PctIntervalPerYear:
            "90 %-interval pr. år: 5 %- til 95 %-fraktil"
            / "90 % interval per year: 5th to 95th percentile",
        EachColumnIsTheMedian:
            "Hver kolonne er medianen af sine egne simuleringer: median for status quo minus median for scenariet er ikke medianen af besparelsen, og medianer kan ikke lægges sammen over år."
            / "Each column is the median of its own simulations: the status quo's median minus the scenario's median is not the median saving, and medians do not add up over years.",

        // src/report/input_label.rs
        Counter: "skranke" / "counter",
        Phone: "telefon" / "phone",
        InnovationP: "Innovation p" / "Innovation p",
        ImitationQ: "Imitation q" / "Imitation q",
        DigitalCeiling: "Loft for digital andel" / "Digital ceiling",
        AddedInnovationP: "Ekstra innovation p" / "Added innovation p",
        AddedImitationQ: "Ekstra imitation q" / "Added imitation q",
        RaisedCeiling: "Højere loft" / "Raised ceiling",
        MandatoryFloor: "Minimumsandel" / "Mandatory floor",
        ExemptedShare: "Fritagne" / "Exempted share",
        ComesBackLater: "Kommer igen senere" / "Comes back later",
        GoDigital: "Går digitalt" / "Go digital",
        CallInstead: "Ringer i stedet" / "Call instead",
        HandlingTime: "Behandlingstid" / "Handling time",
        HourlyWage: "Timeløn" / "Hourly wage",
        Shrinkage: "Ikke-produktiv tid" / "Shrinkage",
        LettersAYear: "Breve pr. år" / "Letters a year",
        DigitalPostShareToday: "Andel Digital Post i dag" / "Digital Post share today",
        PricePaperLetter: "Pris: papirbrev" / "Price: paper letter",
        PriceDigitalPost: "Pris: Digital Post" / "Price: Digital Post",
        CompletionRate: "Gennemførselsgrad" / "Completion rate",
        OneOffCost: "Engangsomkostning" / "One-off cost",
        MonthlyCost: "Månedlig omkostning" / "Monthly cost",
        ExemptFromDigitalPost: "Fritaget for Digital Post" / "Exempt from Digital Post",
        ShareShifted: "Andel der flyttes" / "Share shifted",
        NewUnitPrice: "Ny enhedspris" / "New unit price",
        UnitPriceFactor: "Faktor på enhedspris" / "Unit price factor",
        VolumeFactor: "Faktor på volumen" / "Volume factor",
        RaisedCompletionRate: "Højere gennemførselsgrad" / "Raised completion rate",
        MovesTo: "Flytter til" / "Moves to",
        Price: "Pris" / "Price",
        Population: "Befolkning" / "Population",
        PopulationGrowth: "Befolkningsvækst" / "Population growth",
        DiscountRate: "Diskonteringsrente" / "Discount rate",
        PriceIndex: "Prisudvikling" / "Price index",
        CostPerOpenHour: "Pris pr. åben time" / "Cost per open hour",
        Volume: "Volumen" / "Volume",
        Share: "Andel" / "Share",
        ShareToday: "Andel i dag" / "Share today",
        AbandonedAttemptsThatComeBack:
            "Opgivne forsøg der kommer igen"
            / "Abandoned attempts that come back",
        PriceAbandonedAttempt: "Pris: opgivet forsøg" / "Price: abandoned attempt",
        DelayMonths: "Forsinkelse (måneder)" / "Delay (months)",

        // src/report/html/goals.rs: citizens table
        SelfServiceStarted: "Påbegyndt selvbetjening (forsøg)" / "Self-service started (attempts)",
        OfWhichCompleted: "Heraf gennemført" / "Of which completed",
        GivenUpAndBack:
            "Opgivet og henvendt i anden kanal"
            / "Given up and back through another channel",
        SolutionsLiveAtYearEnd:
            "Selvbetjeningsløsninger i drift ved årets udgang"
            / "Self-service solutions live at the end of the year",

        // src/report/html/method.rs: section 5, how the numbers are made
        MethodSimulation: "Simulering" / "Simulation",
        MethodContacts: "Henvendelser" / "Contacts",
        MethodContactsBody:
            "Antallet af henvendelser i hvert område følger befolkningen, P(m) = P0 · (1 + g)^(m/12), og fordeles på henvendelsestyper (ansøgninger og anmeldelser, generel information, information om en sag) og på kanaler efter den nuværende kanalfordeling."
            / "The number of contacts in each service area follows the population, P(m) = P0 · (1 + g)^(m/12), and is split by contact type (applications and notifications, general information, information about a case) and by channel according to today's channel mix.",
        MethodAdoption:
            "Overgang til digitale kanaler (Bass-modellen)"
            / "Adoption of digital channels (the Bass model)",
        MethodAdoptionBody:
            "For hvert område og hver henvendelsestype er den digitale andel s = c · F(t), hvor c er loftet (den andel, der nogensinde går digitalt), og F følger Bass-modellen dF/dt = (p + q·F)(1 − F) med innovation p og imitation q (t i år). Modellen løses eksakt i lukket form, F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)), fra måned til måned, så resultatet ikke afhænger af en skridtlængde. Kampagner og love kan hæve p, q og loftet, sætte en lovpligtig minimumsandel (bølgerne af obligatorisk selvbetjening) eller lukke en kanal."
            / "For each area and contact type the digital share is s = c · F(t), where c is the ceiling (the share that will ever go digital) and F follows the Bass model dF/dt = (p + q·F)(1 − F) with innovation p and imitation q (t in years). The model is solved exactly in closed form, F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)), month by month, so the result does not depend on a step size. Campaigns and laws can raise p, q and the ceiling, set a mandatory minimum share (the waves of mandatory self-service) or close a channel.",
        MethodShorterHours: "Kortere åbningstid" / "Shorter opening hours",
        MethodShorterHoursBody:
            "Den ikke-digitale del af henvendelserne fordeles på de øvrige kanaler i forhold til deres nuværende andele. Når en kanals åbne timer falder fra H0 til H1 om ugen, fortrænges andelen ρ = 1 − H1/H0 af kanalens henvendelser. De fortrængte henvendelser kommer igen på et andet tidspunkt i samme kanal, går til den digitale kanal, går fra skranken til telefonen, eller bliver væk (borgeren fandt svaret andetsteds eller opgav). De fire andele er usikre antagelser."
            / "The non-digital part of the contacts is spread over the other channels in proportion to their shares today. When a channel's open hours fall from H0 to H1 a week, the share ρ = 1 − H1/H0 of its contacts is displaced. Displaced contacts come back at another time in the same channel, go to the digital channel, move from the counter to the phone, or are avoided (the citizen found the answer elsewhere or gave up). The four fractions are uncertain inputs.",
        MethodCosts: "Omkostninger" / "Costs",
        MethodCostsBody:
            "Hver måned: antal henvendelser pr. kanal gange kanalprisen, plus omkostningen ved at holde åbent (timer pr. uge · 52/12 · pris pr. åben time, eller for en bemandet kanal de medarbejdere, Erlang C-formlen kræver for at nå serviceniveauet), plus kampagneomkostninger og udgående post. Priserne kan stige med et årligt indeks."
            / "Each month: contacts per channel times the channel's unit price, plus the cost of being open (hours per week · 52/12 · price per open hour, or for a staffed channel the agents the Erlang C formula needs to reach the service level), plus campaign costs and outbound mail. Prices may rise by an annual index.",
        MethodSavings: "Besparelse" / "Savings",
        MethodGoals: "Mål" / "Goals",
        MethodGoalsBody:
            "Et mål er nået i en simulering, når målets tal det år (fx selvbetjeningsandelen, beregnet af årets samlede henvendelser) opfylder målet; et mål »i december« bedømmes alene på decembers tal. Sandsynligheden er andelen af simuleringerne, hvor det sker. Ordene ved sandsynlighederne: næsten sikkert ≥ 99 %, meget sandsynligt ≥ 90 %, sandsynligt ≥ 66 %, lige så sandsynligt som ikke 33–66 %, usandsynligt ≤ 33 %, meget usandsynligt ≤ 10 %, næsten udelukket ≤ 1 %."
            / "A goal is met in a simulation when the goal's figure that year (e.g. the self-service share, computed from the year's total contacts) meets the target; a goal \"in December\" is judged on December's figure alone. The probability is the share of simulations in which that happens. Words used with probabilities: virtually certain ≥ 99 %, very likely ≥ 90 %, likely ≥ 66 %, about as likely as not 33–66 %, unlikely ≤ 33 %, very unlikely ≤ 10 %, exceptionally unlikely ≤ 1 %.",
        MethodStatistics: "Statistik" / "Statistics",
        MethodComparison: "Sammenligning" / "Comparison",
        MethodComparisonBody:
            "Alle forslag er regnet med de samme tilfældige tal: i simulering nr. k har hver antagelse den samme værdi i hvert forslag. Forskellen mellem to forslag er derfor beregnet simulering for simulering, og sandsynligheden for, at ét forslag sparer mere end et andet, er andelen af simuleringerne, hvor det gør."
            / "Every proposal is computed with the same random numbers: in simulation k every input has the same value under each proposal. The difference between two proposals is therefore computed simulation by simulation, and the probability that one proposal saves more than another is the share of simulations in which it does.",
        MethodManyTrials: "Mange simuleringer" / "Many trials",
        MeanOfCost: "Gennemsnittet af omkostningen" / "The mean cost",
        MeanOfCumulative:
            "Gennemsnittet af den akkumulerede nettobesparelse"
            / "The mean cumulative net savings",
        InSection2: "(afsnit 2)" / "(section 2)",
        InSection3: "(afsnit 3)" / "(section 3)",
        SamplingRandom: "uafhængige tilfældige tal" / "independent random numbers",
        SamplingLhs:
            "latinsk hyperkube (stratificeret) udvælgelse"
            / "Latin hypercube (stratified) sampling",
        SamplingSobol: "scramblede Sobol'-punkter" / "scrambled Sobol' points",

        // src/report/breakdown_html.rs, chart_data.rs
        CoversDepartment:
            "ekspeditionsomkostning og åbningstids- eller bemandingsomkostning"
            / "handling cost and opening-hour or staffing cost",
        CoversHandling: "ekspeditionsomkostning" / "handling cost",
        InDecember: " i december" / " in December",
        /// After a year-end goal's name in the table of the goals' figures.
        InDecemberParens: " (i december)" / " (in December)",
        FanNote:
            "Båndene viser hver omkostning for sig; besparelsen regnes parvis i hver simulering (samme simulerings status quo minus scenarie) og er langt mere sikker (se besparelsesfigurerne)."
            / "Bands show each cost on its own; savings are paired within each simulation (the same simulation's status quo minus scenario) and far more certain (see the savings charts).",

        // src/report/backtest.rs: the backtest table and notes
        BtObservation: "observation" / "observation",
        BtRealised: "faktisk" / "realised",
        BtPit: "PIT" / "PIT",
        BtCrps: "CRPS" / "CRPS",
        BtNaiveCrps: "CRPS naiv" / "naive CRPS",
        BacktestTerminalNote:
            "PIT: andelen af prognosens simuleringer under det faktiske tal (0,5 = midt i prognosen). CRPS: prognosens afstand til det faktiske tal i tallets enhed (0 = ramte præcist og sikkert); naiv = dagens tal holdt konstante."
            / "PIT: the share of the forecast's trials below the realised value (0.5 = in the middle of the forecast). CRPS: the forecast's distance from the realised value in its unit (0 = hit exactly and with certainty); naive = today's figures held constant.",
        BacktestReportNote:
            "Hvert faktisk tal (fx fra en statusrapport) sammenlignes med prognosens fordeling af samme tal. PIT er andelen af simuleringerne under det faktiske tal: over mange observationer bør PIT-værdierne være jævnt spredt mellem 0 og 1, halvdelen af de faktiske tal bør ligge i 50 %-båndet og ni ud af ti i 90 %-båndet. CRPS (continuous ranked probability score) måler afstanden mellem hele prognosefordelingen og det faktiske tal i tallets enhed; jo lavere, jo bedre. Den naive prognose holder dagens tal (basisårets) konstante."
            / "Each realised value (e.g. from a status report) is compared with the forecast's distribution of the same figure. The PIT is the share of simulations below the realised value: over many observations the PIT values should be spread evenly between 0 and 1, half the realised values should lie in the 50 % band and nine in ten in the 90 % band. The CRPS (continuous ranked probability score) measures the distance between the whole forecast distribution and the realised value in the figure's unit; lower is better. The naive forecast holds today's (the base year's) figures constant.",
    }
}

template_table! {
    // src/report/html/analysis.rs: after the sensitivity table, its order,
    // which the tornado chart (titled `chart`) shares
    pub fn sensitivity_order(chart: &str) =
        "Rækkefølge: størst andel af variansen først, som i figuren »{chart}«."
        / "Order: largest share of variance first, as in the chart “{chart}”.";
    // src/report/html/sentences.rs: the sentences of the brief
    pub fn goal_first_year_likely_from(first_year: i32, p: &str, from: i32) =
        "I {first_year} (første år) er sandsynligheden {p}, fra {from} over 50 %."
        / "In {first_year} (the first year) the probability is {p}, from {from} above 50 %.";
    pub fn goal_first_year(first_year: i32, p: &str) =
        "I {first_year} (første år) er sandsynligheden {p}."
        / "In {first_year} (the first year) the probability is {p}.";
    pub fn saves_constant(subject: &str, amount: &str, year: i32, note: &str) =
        "{subject} sparer {amount} i {year} ({note})."
        / "{subject} saves {amount} in {year} ({note}).";
    pub fn costs_more_constant(subject: &str, amount: &str, year: i32) =
        "{subject} koster {amount} mere end status quo i {year}."
        / "{subject} costs {amount} more than the status quo in {year}.";
    pub fn saves_between(subject: &str, range: &str, year: i32) =
        "sparer {subject} mellem {range} i {year}"
        / "{subject} saves between {range} in {year}";
    pub fn costs_between(subject: &str, range: &str, year: i32) =
        "koster {subject} mellem {range} mere end status quo i {year}"
        / "{subject} costs between {range} more than the status quo in {year}";
    pub fn loss_or_saving_between(year: i32, loss: &str, saving: &str) =
        "ligger resultatet i {year} mellem et tab på {loss} og en besparelse på {saving}"
        / "the result in {year} lies between a loss of {loss} and a saving of {saving}";
    pub fn with_90_probability(body: &str, median: &str) =
        "Med 90 % sandsynlighed {body}; medianen er {median}."
        / "With 90 % probability {body}; the median is {median}.";
    pub fn probability_90_range(range: &str) =
        "; 90 % sandsynlighed: {range}"
        / "; 90 % probability: {range}";
    pub fn npv_sentence(base: i32, end: i32, amount: &str, interval: &str) =
        "Nettonutidsværdien af besparelserne {base}–{end} er {amount} (median{interval})."
        / "The net present value of the savings {base}–{end} is {amount} (median{interval}).";
    pub fn with_90_probability_between(range: &str) =
        "; med 90 % sandsynlighed mellem {range}"
        / "; with 90 % probability between {range}";
    pub fn cumulative_sentence(base: i32, end: i32, subject: &str, amount: &str, interval: &str) =
        "Den akkumulerede nettobesparelse {base}–{end} (efter omkostningerne ved {subject}) er {amount} (median){interval}."
        / "Cumulative net savings {base}–{end} (after the costs of {subject}) are {amount} (median){interval}.";
    pub fn probability_is(p: &str) = "sandsynlighed {p}" / "probability {p}";
    pub fn payback_median_by(median: i32, end: i32, p: &str) =
        "med 50 % sandsynlighed senest i {median}; inden udgangen af {end}: {p}"
        / "with 50 % probability by {median}; by the end of {end}: {p}";
    pub fn payback_probability_by(end: i32, p: &str) =
        "sandsynlighed for tilbagebetaling senest {end}: {p}"
        / "probability of payback by {end}: {p}";
    pub fn pays_back_already(subject: &str, year: i32, p: &str) =
        "{subject} er tjent hjem allerede i {year} (sandsynlighed {p}): fra {year} er den akkumulerede nettobesparelse positiv og forbliver det."
        / "{subject} pays for itself in {year} already (probability {p}): from {year} cumulative net savings are positive and stay so.";
    pub fn pays_back_by(subject: &str, end: i32, p_end: &str, year: i32, p: &str, median: i32) =
        "{subject} er tjent hjem (den akkumulerede nettobesparelse bliver positiv og forbliver det) inden udgangen af {end} med sandsynlighed {p_end}; det mest sandsynlige år er {year} ({p}), og med 50 % sandsynlighed senest {median}."
        / "{subject} pays for itself (cumulative net savings turn positive and stay so) by the end of {end} with probability {p_end}; the most likely year is {year} ({p}), and with 50 % probability by {median}.";
    pub fn pays_back_not(subject: &str, end: i32, p: &str) =
        "{subject} er ikke tjent hjem inden udgangen af {end} (sandsynlighed for tilbagebetaling senest {end}: {p})."
        / "{subject} does not pay for itself by the end of {end} (probability of payback by {end}: {p}).";
    /// `why`: [`avoided_why`] or [`avoided_why_valued`], what the avoided
    /// contacts are.
    pub fn displaced_sentence(total: &str, year: i32, retimed: &str, digital: &str, phone: &str, avoided: &str, why: &str) =
        "De kortere åbningstider flytter ca. {total} henvendelser i {year} (medianer): {retimed} kommer igen på et andet tidspunkt, {digital} går til selvbetjening eller hjemmesiden, {phone} går fra skranken til telefonen, og {avoided} bliver væk ({why})."
        / "The shorter opening hours displace about {total} contacts in {year} (medians): {retimed} come back at another time, {digital} go to self-service or the website, {phone} move from the counter to the phone, and {avoided} are avoided ({why}).";
    pub fn avoided_why() =
        "borgeren finder svaret andetsteds eller opgiver"
        / "the citizen finds the answer elsewhere or gives up";
    /// Where avoided contacts are valued in the savings: their share of the
    /// savings through the end year.
    pub fn avoided_why_valued(share: &str) =
        "svar andetsteds eller opgivet; til fuld pris {share} af besparelsen"
        / "answer found elsewhere or given up; at full price {share} of the savings";
    // src/report/html/method.rs
    pub fn method_simulation(base: i32, end: i32, n: &str, seed: u64) =
        "Prognosen er en Monte Carlo-simulering: hele forløbet {base}–{end} er regnet igennem måned for måned {n} gange. I hver simulering trækkes hvert usikkert tal (afsnit 2) én gang fra sin fordeling; det er usikker viden, ikke tilfældig støj fra måned til måned. Samme scenariefil, startværdi for de tilfældige tal (--seed {seed}) og antal simuleringer giver præcis de samme tal."
        / "The forecast is a Monte Carlo simulation: the whole period {base}–{end} is computed month by month {n} times. In each simulation every uncertain number (section 2) is drawn once from its distribution; it is uncertain knowledge, not month-to-month noise. The same scenario file, seed ({seed}) and number of simulations give exactly the same figures.";
    pub fn method_savings(rate: &str) =
        "Hver simulering regner to forløb med de samme trukne tal: scenariet og status quo (dagens åbningstider og kun eksterne begivenheder som love). Besparelse = omkostning i status quo − omkostning i scenariet. Forslagets egne omkostninger er med i scenariets omkostning, så besparelsen er netto. Nettonutidsværdien tilbagediskonterer år y med (1 + r)^(y − basisår) ved scenariets diskonteringsrente r = {rate}. Tilbagebetalingsåret er det første år, hvor den akkumulerede nettobesparelse er positiv og forbliver positiv til og med slutåret."
        / "Every simulation computes two paths with the same drawn numbers: the scenario and the status quo (today's opening hours, external events such as laws only). Savings = status quo cost − scenario cost. The proposal's own costs are part of the scenario's cost, so savings are net. The net present value discounts year y by (1 + r)^(y − base year) at the scenario's discount rate r = {rate}. The payback year is the first year in which cumulative net savings are positive and stay positive through the end year.";
    pub fn method_statistics(se: &str) =
        "Medianen er det midterste udfald: halvdelen af simuleringerne giver mere, halvdelen mindre. 90 %-intervallet går fra 5 %- til 95 %-fraktilen: i 90 % af simuleringerne ligger tallet mellem de to. Fraktiler beregnes med lineær interpolation mellem de sorterede værdier (Hyndman–Fan type 7, som i R, NumPy og Excels FRAKTIL.MEDTAG). Standardafvigelsen bruger n − 1.{se}"
        / "The median is the middle outcome: half of the simulations give more, half less. The 90 % interval runs from the 5th to the 95th percentile: in 90 % of the simulations the figure lies between the two. Percentiles interpolate linearly between the sorted values (Hyndman–Fan type 7, as in R, NumPy and Excel's PERCENTILE.INC). The standard deviation uses n − 1.{se}";
    pub fn method_mean_se(mean_of: &str, year: i32, se: &str) =
        " {mean_of} i {year} er bestemt med en Monte Carlo-standardfejl på {se} (simuleringspræcisionen, ikke prognosens usikkerhed, som 90 %-intervallet viser)."
        / " {mean_of} in {year} is known to a Monte Carlo standard error of {se} (the simulation's precision, not the forecast's uncertainty, which the 90 % interval shows).";
    pub fn method_many_trials(up_to: &str, kept: &str) =
        "Over {up_to} simuleringer gemmes de enkelte simuleringer ikke: fraktiler og deres konfidensintervaller kommer fra en kvantilskitse (DDSketch), der rammer hver fraktil inden for 0,1 %; middelværdier, standardafvigelser og sandsynligheder er eksakte. Følsomhedsanalyse, attribution og regnearkets simuleringsark bruger de første {kept} simuleringer."
        / "Above {up_to} trials the individual trials are not kept: percentiles and their confidence intervals come from a quantile sketch (DDSketch) that places every percentile within 0.1 %; means, standard deviations and probabilities are exact. The sensitivity analysis, attribution and the workbook's per-trial sheet use the first {kept} trials.";
    pub fn settled_sentence(share: &str) =
        " Tallene har stabiliseret sig: hvert af disse konfidensintervaller er smallere end {share} af 90 %-intervallet, så flere simuleringer ville ikke flytte dem synligt (forløbet efter antal simuleringer står i convergence.png)."
        / " The figures have settled: each of these confidence intervals is narrower than {share} of the 90 % interval, so more simulations would not visibly move them (their course by number of simulations is in convergence.png).";
    pub fn percentile_precision(what: &str, year: i32, median: &str, p95: &str, method: &str) =
        " Fraktilerne er også kun bestemt med en vis præcision: for {what} i {year} er medianen {median}, og 95 %-fraktilen er {p95} (fordelingsfrie intervaller fra ordensstatistikker: hvor fraktilen ville ligge med uendeligt mange simuleringer; de siger, hvor præcist simuleringerne har fundet tallet, ikke hvor usikker prognosen er). De usikre tal er trukket med {method}."
        / " The percentiles, too, are known only to some precision: for {what} in {year} the median is {median}, and the 95th percentile is {p95} (distribution-free intervals from order statistics: where the percentile would lie with endlessly many simulations; they say how precisely the simulations have found the figure, not how uncertain the forecast is). The uncertain numbers were drawn with {method}.";
    // src/report/html/brief.rs, summary.rs, options.rs, comparison.rs, inputs.rs, tables.rs
    pub fn cost_sentence(cost: &str, end: i32, range: &str, cost0: &str, base: i32) =
        "Omkostningen er {cost} i {end}{range} mod {cost0} i {base}."
        / "The cost is {cost} in {end}{range} against {cost0} in {base}.";
    pub fn contacts_sentence(count: &str, end: i32, range: &str, count0: &str, base: i32) =
        "Der kommer ca. {count} henvendelser i {end}{range} mod ca. {count0} i {base}."
        / "About {count} contacts come in {end}{range} against about {count0} in {base}.";
    pub fn digital_share_sentence(share: &str, end: i32, median: &str, share0: &str, base: i32) =
        "{share} af henvendelserne er digitale i {end} ({median}) mod {share0} i {base}."
        / "{share} of the contacts are digital in {end} ({median}) against {share0} in {base}.";
    pub fn goal_met_sentence(name: &str, condition: &str, year: i32, p: &str, words: &str) =
        "Målet »{name}« ({condition}) nås i {year} med sandsynlighed {p} – {words}."
        / "The goal “{name}” ({condition}) is met in {year} with probability {p} – {words}.";
    pub fn comparison_of_one_proposal(n: usize) =
        "Sammenligning af {n} forslag"
        / "Comparison of {n} proposal";
    pub fn comparison_of_proposals(n: usize) =
        "Sammenligning af {n} forslag"
        / "Comparison of {n} proposals";
    pub fn options_intro_base_is_option(names: &str, file: &str, name: &str, n: usize) =
        "{names}, hvert målt mod status quo (dagens åbningstider, kun eksterne begivenheder). Grundlaget, den første fil ({file}: »{name}«), har selv et forslag og er derfor forslag 1 af {n}."
        / "{names}, each measured against the status quo (today's opening hours, external events only). The base, the first file ({file}: “{name}”), has a proposal of its own and is therefore option 1 of {n}.";
    pub fn options_intro_base(names: &str, file: &str, name: &str) =
        "{names} sammenlignet med dagens situation: grundlaget, den første fil ({file}: »{name}«), er status quo, som hvert forslag måles mod; det er ikke selv et forslag."
        / "{names} compared with today's situation: the base, the first file ({file}: “{name}”), is the status quo each option is measured against; it is not an option itself.";
    pub fn options_intro(names: &str) =
        "{names}, hvert målt mod status quo (dagens åbningstider, kun eksterne begivenheder)."
        / "{names}, each measured against the status quo (today's opening hours, external events only).";
    pub fn option_leads(a: &str, b: &str, end: i32, prob: &str, median: &str, range: &str) =
        "»{a}« giver en større akkumuleret nettobesparelse end »{b}« til og med {end} i {prob} af simuleringerne; forskellen er {median} (median; 90 % sandsynlighed: {range})."
        / "“{a}” gives larger cumulative net savings than “{b}” through {end} in {prob} of the simulations; the difference is {median} (median; 90 % probability: {range}).";
    pub fn key_inputs_of_proposals(n_key: usize, n_all: usize, n_rest: usize) =
        "Her står de {n_key} af de {n_all} antagelser, der betyder mest for mindst ét af forslagene (afsnit 2 viser dem for hvert forslag); de øvrige {n_rest} står i bilag A."
        / "Shown here are the {n_key} of the {n_all} inputs that matter most for at least one proposal (section 2 shows them for each); the other {n_rest} are in appendix A.";
    pub fn key_inputs_of_scenario(n_key: usize, n_all: usize, n_rest: usize) =
        "Her står de {n_key} af scenariets {n_all} antagelser, der betyder mest for resultatet (samme rækkefølge som følsomhedstabellen i afsnit 4); de øvrige {n_rest} står i bilag A."
        / "Shown here are the {n_key} of the scenario's {n_all} inputs that matter most for the result (in the order of the sensitivity table in section 4); the other {n_rest} are in appendix A.";
    pub fn appendix_intro(n: usize, section: u8) =
        "De {n} antagelser, der ikke står i afsnit {section}, i scenariefilens rækkefølge. Arbejdsbogen (run --xlsx) har dem alle i arket »Antagelser«."
        / "The {n} inputs not shown in section {section}, in the scenario file's order. The workbook (run --xlsx) has all of them on its sheet “Inputs”.";
    pub fn avoided_valued_note(share: &str, end: i32) =
        "Henvendelser der bliver væk, er regnet til den fulde enhedspris i den kanal, borgeren forlod: {share} af besparelsen frem til {end}. Det er en besparelse kun hvis borgeren faktisk fik sit svar et andet sted."
        / "Contacts avoided are valued at the full unit price of the channel the citizen left: {share} of the savings through {end}. That is a saving only if the citizen really got the answer elsewhere.";
    /// Under the table of where the savings come from, when a Digital
    /// Post law (an external event) makes the savings on outbound mail fall.
    pub fn outbound_law_note(before: &str, prev: i32, after: &str, year: i32, law: &str, start: &str) =
        "Besparelsen på udgående post falder fra {before} i {prev} til {after} i {year}, fordi »{law}« (ekstern begivenhed fra {start}) også gælder i status quo: fra da af sender også status quo mindst lovens andel af brevene med Digital Post (alle undtagen de fritagne). Kun det, scenariets egne tiltag løfter Digital Post ud over loven, sparer stadig."
        / "The savings on outbound mail fall from {before} in {prev} to {after} in {year} because “{law}” (an external event from {start}) applies to the status quo too: from then on the status quo also sends at least the law's share of the letters by Digital Post (all but the exempt). Only what the scenario's own measures add to Digital Post beyond the law still saves.";
    // src/report/html/labels.rs
    pub fn savings_from(source: &str) = "Besparelse: {source}" / "Savings: {source}";
    // src/report/backtest.rs
    pub fn backtest_better(pct: &str) =
        "Prognosen rammer bedre end at holde dagens tal konstante: dens gennemsnitlige CRPS er {pct} lavere (et gennemsnit over observationerne i deres egne enheder, så de største tal vejer tungest; tabellen viser hver observation for sig)."
        / "The forecast does better than holding today's figures constant: its mean CRPS is {pct} lower (a mean over the observations in their own units, so the largest numbers weigh most; the table shows each observation on its own).";
    pub fn backtest_no_better(pct: &str) =
        "Prognosen rammer ikke bedre end at holde dagens tal konstante: dens gennemsnitlige CRPS er {pct} højere (et gennemsnit over observationerne i deres egne enheder, så de største tal vejer tungest; tabellen viser hver observation for sig)."
        / "The forecast does no better than holding today's figures constant: its mean CRPS is {pct} higher (a mean over the observations in their own units, so the largest numbers weigh most; the table shows each observation on its own).";
    pub fn backtest_coverage(n: usize, in50: usize, in90: usize, e50: &str, e90: &str, means: &str) =
        "Af de {n} faktiske tal ligger {in50} i prognosens 50 %-bånd og {in90} i dens 90 %-bånd; en velkalibreret prognose rammer omkring halvdelen ({e50}) med 50 %-båndet og 9 ud af 10 ({e90}) med 90 %-båndet.{means}"
        / "Of the {n} realised figures, the forecast's 50 % band holds {in50} and its 90 % band {in90}; a well-calibrated forecast holds about half ({e50}) in its 50 % band and 9 in 10 ({e90}) in its 90 % band.{means}";
    pub fn backtest_trials(n: &str) = "{n} simuleringer" / "{n} trials";
}
