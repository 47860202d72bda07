//! Texts shared by several outputs.

use crate::i18n::table::text_table;

text_table! {
    /// Words and phrases shared by several outputs.
    pub enum TextCommon {
        // src/charts/citizens.rs
        Share: "andel" / "share",

        // src/charts/convergence.rs
        Mean: "gennemsnit" / "mean",
        Simulations: "simuleringer" / "simulations",

        // src/cli/breakdown_table.rs
        Area: "område" / "area",
        DepartmentLower: "afdeling" / "department",
        ContactType: "henvendelsestype" / "contact type",
        Savings: "besparelse" / "savings",
        Contacts: "henvendelser" / "contacts",
        And: "og" / "and",

        // src/cli/check.rs
        TodayLower: "i dag" / "today",
        To: "til" / "to",

        // src/cli/compare.rs
        Cost: "omkostning" / "cost",
        ServiceLevel: "serviceniveau" / "service level",

        // src/report/html/labels.rs: the staffing metrics' label (the
        // workbook's rows); an average over the year's open hours
        AgentsNeededPerOpenHour:
            "gns. medarbejdere pr. åben time"
            / "average agents per open hour",
        // src/report/html/hours.rs, options.rs, src/export/xlsx.rs: under
        // the staffing tables (the terminal's line is TextTerm's)
        AgentsPerOpenHourNote:
            "Gns. medarbejdere pr. åben time: medarbejdertimer ÷ åbne timer, så mange skal svare samtidig, ikke antal ansatte. Stiger, når de samme opkald samles på færre timer (Erlang C); ingen modstrid med besparelsen: lønnen følger medarbejdere gange timer."
            / "Average agents per open hour: agent-hours ÷ open hours, how many must answer at once, not the number of employees. It rises when the same calls come in fewer hours (Erlang C); no contradiction with the saving: the wage follows agents times hours.",

        // src/export/comparison_xlsx.rs
        OpeningHours: "Åbningstider" / "Opening hours",
        Median: "median" / "median",
        PaybackYear: "Tilbagebetalingsår" / "Payback year",
        Department: "Afdeling" / "Department",
        Channel: "Kanal" / "Channel",
        HoursPerWeek: "Timer pr. uge" / "Hours per week",

        // src/export/xlsx.rs
        Target: "Målværdi" / "Target",
        /// The first year a simulation meets that year's target, per
        /// simulation (summary.rs, `first_year_met`).
        FirstYearTheGoalIs:
            "Første år målet nås i en simulering (andel af simuleringerne)"
            / "First year a simulation meets the goal (share of simulations)",
        NotMet: "Aldrig nået" / "Never met",
        MetInItsLastYear: "Nået i målets sidste år" / "Met in the goal's last year",
        FirstYearMetNote:
            "En simulering, der når et mål, kan miste det igen et senere år, så et tidligt første år er ikke i sig selv en succes: læs det sammen med sidste kolonne, sandsynligheden for at målet er nået i sit sidste år."
            / "A simulation that meets a goal may miss it again in a later year, so an early first year is no success in itself: read it with the last column, the probability that the goal is met in its last year.",
        Input: "Antagelse" / "Input",
        Today: "I dag" / "Today",
        Proposal: "Forslag" / "Proposal",
        Quantity: "Størrelse" / "Quantity",
        ShareOfVariance: "Andel af variansen" / "Share of variance",
        VarianceShareNote:
            "Andel af variansen: inputtets vægt i resultatets usikkerhed (Spearman-korrelationen i anden delt med summen over alle input; aldrig negativ, andelene summerer til 100 %). Retningen står ved Spearman: minus betyder, at resultatet falder, når inputtet stiger."
            / "Share of variance: the input's weight in the output's uncertainty (its Spearman correlation squared over the sum for all inputs; never negative, the shares add up to 100 %). The direction is the Spearman sign: minus means the output falls as the input rises.",
        MedianWithTheInputLow:
            "Median når antagelsen er lav (laveste 10 %)"
            / "Median with the input low (lowest 10 %)",
        MedianWithTheInputHigh:
            "Median når antagelsen er høj (højeste 10 %)"
            / "Median with the input high (highest 10 %)",
        Swing: "Udsving" / "Swing",
        InputA: "Antagelse A" / "Input A",
        InputB: "Antagelse B" / "Input B",
        Measure: "Tiltag" / "Measure",

        // src/goal_text.rs
        CumulativeNetSavings: "akkumuleret nettobesparelse" / "cumulative net savings",
        NetPresentValue: "nettonutidsværdi" / "net present value",
        CompletionRateOfStartedSelf:
            "gennemførselsgrad for påbegyndt selvbetjening"
            / "completion rate of started self-service",
        PaperLetters: "papirbreve" / "paper letters",
        SelfServiceSolutionsLive: "selvbetjeningsløsninger i drift" / "self-service solutions live",
        ContactsInParens: " (henvendelser)" / " (contacts)",
        PaperLettersInParens: " (papirbreve)" / " (paper letters)",
        SolutionsInParens: " (løsninger)" / " (solutions)",

        // src/i18n/number.rs: the unit after an amount in millions
        MillionKr: "mio. kr." / "m kr.",

        // the year, in a column heading or running text
        Year: "år" / "year",
    }
}
