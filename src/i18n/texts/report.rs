//! The HTML report's texts.

use crate::i18n::table::text_table;

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
        StatusQuo: "Status quo" / "Status quo",
        Scenario: "Scenarie" / "Scenario",
        Savings: "Besparelse" / "Savings",
        ContactsScenario: "Henvendelser, scenarie" / "Contacts, scenario",
        Total: "I alt" / "Total",
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
            "Rangkorrelation (Spearman) mellem antagelsen og resultatet over simuleringerne; bidraget til variansen er korrelationen i anden potens delt med summen over alle antagelser (med korrelationens fortegn). Udsving: forskellen mellem medianen, når antagelsen ligger blandt sine laveste 10 %, og når den ligger blandt sine højeste 10 %."
            / "Rank (Spearman) correlation between the input and the result across the simulations; the contribution to variance is the squared correlation over the sum over all inputs (signed like the correlation). Swing: the difference between the median with the input in its lowest 10 % and with it in its highest 10 %.",
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
            "Nødvendige medarbejdere pr. åben time"
            / "Agents needed per open hour",
        ServiceLevel: "Serviceniveau" / "Service level",
        AverageWaitS: "Gns. ventetid (sek.)" / "Average wait (s)",
        AgentsNeededPerOpenHourHow:
            "Nødvendige medarbejdere pr. åben time: så mange skal tage telefonen samtidig for at holde serviceniveauet, ikke antallet af ansatte. Tallet stiger, fordi de samme opkald kommer på færre timer; lønnen følger medarbejdere gange åbne timer."
            / "Agents needed per open hour: how many must answer at the same time to keep the service level, not the number of employees. It rises because the same calls come in fewer hours; the wage cost follows agents times open hours.",

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
        Contacts: "Henvendelser" / "Contacts",
        AverageWaitSLower: "gns. ventetid (sek.)" / "average wait (s)",
        Staffing: "Bemanding" / "Staffing",
        CostStatusQuo: "Omkostning, status quo" / "Cost, status quo",
        CostScenario: "Omkostning, scenarie" / "Cost, scenario",
        CumulativeNetSavings: "Akkumuleret nettobesparelse" / "Cumulative net savings",
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
        Difference: "Forskel" / "Difference",
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
        ComesBackLater: "Kommer igen senere" / "Retimed",
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
    }
}
