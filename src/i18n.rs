//! Language selection, number formatting and the user-facing texts of the
//! charts.
//!
//! Everything a councillor or a finance officer reads goes through this
//! module so that charts, terminal tables, HTML and Excel output agree on how
//! a number looks: Danish (the default) writes `1.234.567,5`, English writes
//! `1,234,567.5`.
//!
//! Rounding: numbers are rounded *half away from zero* on the exact binary
//! value of the `f64`. A value such as `2.675` is stored as
//! `2.67499999999999982236431605997495353221893310546875`, so with two
//! decimals it prints `2,67` (it is not a tie); a value that is exactly a tie
//! in binary, such as `0.5`, `2.5` or `0.125`, rounds away from zero (`1`,
//! `3`, `0,13`). Negative numbers carry an ASCII minus sign (`-1.234`) and a
//! result that rounds to zero never shows a sign (`-0.001` with two decimals
//! prints `0,00`).

use std::fmt;
use std::str::FromStr;

/// Output language. Danish is the default because the results are presented
/// to Danish municipal councils.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// All supported languages, Danish first.
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// ISO 639-1 code: "da" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Thousands separator.
    pub fn group_separator(self) -> char {
        match self {
            Lang::Da => '.',
            Lang::En => ',',
        }
    }

    /// Decimal separator.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::Da => ',',
            Lang::En => '.',
        }
    }

    /// The text in this language: `lang.pick("år", "year")`.
    pub fn pick<'a>(self, da: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Error from parsing a [`Lang`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseLangError {
    pub input: String,
}

impl fmt::Display for ParseLangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown language {:?}: expected \"da\" (Danish) or \"en\" (English)",
            self.input
        )
    }
}

impl std::error::Error for ParseLangError {}

impl FromStr for Lang {
    type Err = ParseLangError;

    /// Accepts "da" and "en" (case-insensitive, surrounding blanks ignored).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "da" => Ok(Lang::Da),
            "en" => Ok(Lang::En),
            _ => Err(ParseLangError {
                input: s.to_string(),
            }),
        }
    }
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

/// Formats `x` with `decimals` decimals, thousands separators and the
/// language's decimal separator: Danish `1.234.567,5`, English `1,234,567.5`.
///
/// Rounds half away from zero on the exact binary value (see the module
/// documentation: `2.675` with 2 decimals gives `2,67`, `0.125` gives
/// `0,13`). Never prints `-0`. NaN prints as `–` (an en dash, "no value"),
/// infinities as `∞` / `-∞`.
pub fn format_number(x: f64, decimals: usize, lang: Lang) -> String {
    if x.is_nan() {
        return "–".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let digits = round_half_away(x.abs(), decimals);
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits.as_str(), None),
    };
    let nonzero = digits.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    if x < 0.0 && nonzero {
        out.push('-');
    }
    push_grouped(&mut out, int_part, lang.group_separator());
    if let Some(f) = frac_part {
        out.push(lang.decimal_separator());
        out.push_str(f);
    }
    out
}

/// `x >= 0`, finite. Plain decimal digits with a `.` as decimal point.
fn round_half_away(x: f64, decimals: usize) -> String {
    // Rust's formatter rounds the exact binary value correctly but breaks
    // exact ties to even. A tie at `decimals` is only possible when x has at
    // most `decimals + 1` decimal digits exactly, which for a binary number
    // means `x * 2^(decimals + 1)` is an integer; in that case nudge x one ulp
    // away from zero so the tie is broken upwards.
    let mut v = x;
    if decimals < 1000 {
        let scaled = x * 2f64.powi(decimals as i32 + 1);
        if scaled.is_finite() && scaled.fract() == 0.0 {
            let longer = format!("{:.*}", decimals + 1, x);
            if longer.ends_with('5') {
                v = x.next_up();
            }
        }
    }
    format!("{:.*}", decimals, v)
}

fn push_grouped(out: &mut String, int_digits: &str, sep: char) {
    let n = int_digits.len();
    for (i, c) in int_digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
}

/// Whole kroner: "1.234.567 kr." / "1,234,567 kr.".
pub fn format_kr(x: f64, lang: Lang) -> String {
    format!("{} kr.", format_number(x, 0, lang))
}

/// Millions of kroner with one decimal: "1,2 mio. kr." / "1.2 m kr.".
pub fn format_mkr(x: f64, lang: Lang) -> String {
    format_mkr_decimals(x, 1, lang)
}

/// Millions of kroner with the given number of decimals.
pub fn format_mkr_decimals(x: f64, decimals: usize, lang: Lang) -> String {
    format!(
        "{} {}",
        format_number(x / 1e6, decimals, lang),
        mkr_unit(lang)
    )
}

/// The unit written after an amount in millions: "mio. kr." / "m kr.".
pub fn mkr_unit(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "mio. kr.",
        Lang::En => "m kr.",
    }
}

/// An amount for running text and chart annotations: whole kroner below one
/// million ("750.000 kr."), otherwise millions with one decimal, or two below
/// ten million ("1,25 mio. kr.", "12,5 mio. kr.").
pub fn format_money(x: f64, lang: Lang) -> String {
    let a = x.abs();
    if !a.is_finite() || a < 1e6 {
        format_kr(x, lang)
    } else if a < 1e7 {
        format_mkr_decimals(x, 2, lang)
    } else {
        format_mkr_decimals(x, 1, lang)
    }
}

/// The unit [`format_money`] picks for the larger of `amounts`: whole
/// kroner below one million, else millions with two decimals below ten
/// million and one above. Both ends of an interval are written in it, so an
/// interval never mixes units ("-0,64 til 14,4 mio. kr.", not
/// "-643.035 kr. til 14,4 mio. kr.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyUnit {
    /// Decimals of millions; `None` for whole kroner.
    millions: Option<usize>,
}

impl MoneyUnit {
    /// The unit of the largest finite amount of `amounts`.
    pub fn of(amounts: impl IntoIterator<Item = f64>) -> MoneyUnit {
        let a = amounts
            .into_iter()
            .filter(|x| x.is_finite())
            .fold(0.0f64, |m, x| m.max(x.abs()));
        MoneyUnit {
            millions: if a < 1e6 {
                None
            } else if a < 1e7 {
                Some(2)
            } else {
                Some(1)
            },
        }
    }

    /// The number alone: "1,51" (millions) or "643.035" (kroner).
    pub fn number(self, x: f64, lang: Lang) -> String {
        match self.millions {
            None => format_number(x, 0, lang),
            Some(d) => format_number(x / 1e6, d, lang),
        }
    }

    /// True for whole kroner, false for millions.
    pub fn is_kroner(self) -> bool {
        self.millions.is_none()
    }

    /// "kr." or "mio. kr." / "m kr.".
    pub fn unit(self, lang: Lang) -> &'static str {
        match self.millions {
            None => "kr.",
            Some(_) => mkr_unit(lang),
        }
    }

    /// The amount with its unit: "1,51 mio. kr.".
    pub fn amount(self, x: f64, lang: Lang) -> String {
        format!("{} {}", self.number(x, lang), self.unit(lang))
    }
}

/// Two amounts in one unit (the unit [`format_money`] picks for the larger):
/// `format_money_pair(-643_035.0, 14.4e6, Da)` = ("-0,6 mio. kr.", "14,4 mio. kr.").
pub fn format_money_pair(a: f64, b: f64, lang: Lang) -> (String, String) {
    let u = MoneyUnit::of([a, b]);
    (u.amount(a, lang), u.amount(b, lang))
}

/// An interval with its unit written once: "1,51 til 2,55 mio. kr." /
/// "1.51 to 2.55 m kr."; both ends in the unit of the larger
/// ([`MoneyUnit`]).
pub fn format_money_range(lo: f64, hi: f64, lang: Lang) -> String {
    let u = MoneyUnit::of([lo, hi]);
    format!(
        "{} {} {} {}",
        u.number(lo, lang),
        lang.pick("til", "to"),
        u.number(hi, lang),
        u.unit(lang)
    )
}

/// An amount rounded to `sig` significant digits (at least whole kroner),
/// in whole kroner below one million and in millions above:
/// `format_money_sig(918_821.0, 3, Da)` = "919.000 kr.",
/// `format_money_sig(2_345_678.0, 3, Da)` = "2,35 mio. kr.". For chart
/// annotations, where the exact øre would only distract.
pub fn format_money_sig(x: f64, sig: usize, lang: Lang) -> String {
    let a = x.abs();
    if !a.is_finite() || a == 0.0 {
        return format_kr(x, lang);
    }
    let digits = a.log10().floor() as i32 + 1;
    if a < 1e6 {
        let step = 10f64.powi((digits - sig as i32).max(0));
        // Round the kroner first, so that ties follow format_number's rule.
        let kr: f64 = format_number(x / step, 0, Lang::En)
            .replace(',', "")
            .parse()
            .unwrap_or(0.0);
        format_kr(kr * step, lang)
    } else {
        let decimals = (sig as i32 - (digits - 6)).max(0) as usize;
        format_mkr_decimals(x, decimals, lang)
    }
}

/// A share (0.125) as a percentage: "12,5 %" / "12.5 %" (a space before %).
pub fn format_pct(share: f64, decimals: usize, lang: Lang) -> String {
    format!("{} %", format_number(share * 100.0, decimals, lang))
}

/// A probability for a reader who should not be told "100 %" when a few
/// simulations failed: whole percent, but values that would round to 0 % or
/// 100 % without being exactly 0 or 1 print as "< 1 %" and "> 99 %".
pub fn format_probability(p: f64, lang: Lang) -> String {
    if p > 0.0 && p < 0.005 {
        "< 1 %".to_string()
    } else if (0.995..1.0).contains(&p) {
        "> 99 %".to_string()
    } else {
        format_pct(p, 0, lang)
    }
}

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_SHORT_DA: [&str; 12] = [
    "jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.",
];
const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS_DA: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const DAYS_SHORT_DA: [&str; 7] = ["man", "tir", "ons", "tor", "fre", "lør", "søn"];
const DAYS_SHORT_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn month_index(month: u32) -> usize {
    assert!(
        (1..=12).contains(&month),
        "month must be 1..=12, got {month}"
    );
    (month - 1) as usize
}

fn day_index(weekday: usize) -> usize {
    assert!(
        weekday < 7,
        "weekday must be 0 (Monday) ..= 6 (Sunday), got {weekday}"
    );
    weekday
}

/// Full month name, `month` 1 = January: "januar" / "January".
/// Panics if `month` is not in 1..=12.
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    let i = month_index(month);
    match lang {
        Lang::Da => MONTHS_DA[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// Short month name, `month` 1 = January: "jan." / "Jan".
/// Panics if `month` is not in 1..=12.
pub fn month_short(month: u32, lang: Lang) -> &'static str {
    let i = month_index(month);
    match lang {
        Lang::Da => MONTHS_SHORT_DA[i],
        Lang::En => MONTHS_SHORT_EN[i],
    }
}

/// Full weekday name, 0 = Monday ... 6 = Sunday: "mandag" / "Monday".
/// Panics if `weekday > 6`.
pub fn weekday_name(weekday: usize, lang: Lang) -> &'static str {
    let i = day_index(weekday);
    match lang {
        Lang::Da => DAYS_DA[i],
        Lang::En => DAYS_EN[i],
    }
}

/// Short weekday name, 0 = Monday ... 6 = Sunday: "man" / "Mon".
/// Panics if `weekday > 6`.
pub fn weekday_short(weekday: usize, lang: Lang) -> &'static str {
    let i = day_index(weekday);
    match lang {
        Lang::Da => DAYS_SHORT_DA[i],
        Lang::En => DAYS_SHORT_EN[i],
    }
}

// ---------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------

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
    fn parse_lang() {
        assert_eq!("da".parse::<Lang>().unwrap(), Lang::Da);
        assert_eq!(" EN ".parse::<Lang>().unwrap(), Lang::En);
        assert_eq!(Lang::default(), Lang::Da);
        let err = "de".parse::<Lang>().unwrap_err();
        assert!(err.to_string().contains("\"de\""));
        assert!(err.to_string().contains("\"da\""));
        assert_eq!(Lang::En.to_string(), "en");
    }

    #[test]
    fn grouping_both_languages() {
        assert_eq!(format_number(1234567.5, 1, Lang::Da), "1.234.567,5");
        assert_eq!(format_number(1234567.5, 1, Lang::En), "1,234,567.5");
        assert_eq!(format_number(999.0, 0, Lang::Da), "999");
        assert_eq!(format_number(1000.0, 0, Lang::Da), "1.000");
        assert_eq!(format_number(100000.0, 2, Lang::En), "100,000.00");
        assert_eq!(format_number(12.0, 3, Lang::Da), "12,000");
    }

    #[test]
    fn negatives() {
        assert_eq!(format_number(-1234.0, 0, Lang::Da), "-1.234");
        assert_eq!(format_number(-1234.4, 0, Lang::En), "-1,234");
        assert_eq!(format_number(-0.5, 0, Lang::Da), "-1");
        assert_eq!(format_number(-999999.96, 1, Lang::Da), "-1.000.000,0");
        assert_eq!(format_kr(-610_000.0, Lang::Da), "-610.000 kr.");
    }

    #[test]
    fn zero_and_negative_zero() {
        assert_eq!(format_number(0.0, 0, Lang::Da), "0");
        assert_eq!(format_number(-0.0, 0, Lang::Da), "0");
        assert_eq!(format_number(-0.0, 2, Lang::En), "0.00");
        assert_eq!(format_number(-0.001, 2, Lang::Da), "0,00");
        assert_eq!(format_number(-0.4, 0, Lang::En), "0");
        assert_eq!(format_pct(0.0, 1, Lang::Da), "0,0 %");
    }

    #[test]
    fn rounding_half_away_from_zero() {
        assert_eq!(format_number(0.5, 0, Lang::Da), "1");
        assert_eq!(format_number(1.5, 0, Lang::Da), "2");
        assert_eq!(format_number(2.5, 0, Lang::Da), "3");
        assert_eq!(format_number(-2.5, 0, Lang::Da), "-3");
        assert_eq!(format_number(0.125, 2, Lang::En), "0.13");
        assert_eq!(format_number(0.375, 2, Lang::En), "0.38");
        assert_eq!(format_number(1234.5, 0, Lang::Da), "1.235");
        // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875:
        // not a tie, so it rounds down.
        assert_eq!(format_number(2.675, 2, Lang::Da), "2,67");
        // 1.005 is stored slightly below 1.005 as well.
        assert_eq!(format_number(1.005, 2, Lang::En), "1.00");
        assert_eq!(format_number(0.49999999999999994, 0, Lang::Da), "0");
        assert_eq!(format_number(9.999, 2, Lang::Da), "10,00");
    }

    #[test]
    fn large_values() {
        assert_eq!(format_number(1e15, 0, Lang::Da), "1.000.000.000.000.000");
        assert_eq!(
            format_number(123456789012.0, 0, Lang::En),
            "123,456,789,012"
        );
        assert_eq!(
            format_number(2f64.powi(60), 0, Lang::Da),
            "1.152.921.504.606.846.976"
        );
        assert_eq!(format_number(f64::NAN, 0, Lang::Da), "–");
        assert_eq!(format_number(f64::INFINITY, 0, Lang::Da), "∞");
        assert_eq!(format_number(f64::NEG_INFINITY, 0, Lang::En), "-∞");
    }

    #[test]
    fn money_and_percent() {
        assert_eq!(format_kr(1234567.0, Lang::Da), "1.234.567 kr.");
        assert_eq!(format_kr(1234567.0, Lang::En), "1,234,567 kr.");
        assert_eq!(format_kr(535_428.57, Lang::Da), "535.429 kr.");
        assert_eq!(format_mkr(1_234_567.0, Lang::Da), "1,2 mio. kr.");
        assert_eq!(format_mkr(1_234_567.0, Lang::En), "1.2 m kr.");
        assert_eq!(format_mkr(-12_250_000.0, Lang::Da), "-12,3 mio. kr.");
        assert_eq!(format_mkr(0.0, Lang::Da), "0,0 mio. kr.");
        assert_eq!(format_money(74_571.43, Lang::Da), "74.571 kr.");
        assert_eq!(format_money(5_000_000.0, Lang::Da), "5,00 mio. kr.");
        assert_eq!(format_money(25_000_000.0, Lang::En), "25.0 m kr.");
        assert_eq!(format_money_sig(918_821.0, 3, Lang::Da), "919.000 kr.");
        assert_eq!(format_money_sig(74_571.43, 3, Lang::En), "74,600 kr.");
        assert_eq!(format_money_sig(-120_000.0, 3, Lang::Da), "-120.000 kr.");
        assert_eq!(format_money_sig(999.4, 3, Lang::Da), "999 kr.");
        assert_eq!(format_money_sig(2_345_678.0, 3, Lang::Da), "2,35 mio. kr.");
        assert_eq!(format_money_sig(23_456_789.0, 3, Lang::En), "23.5 m kr.");
        assert_eq!(format_money_sig(0.0, 3, Lang::Da), "0 kr.");
        // One unit within an interval: the unit of the larger end.
        assert_eq!(
            format_money_pair(-643_035.0, 14_400_000.0, Lang::Da),
            ("-0,6 mio. kr.".to_string(), "14,4 mio. kr.".to_string())
        );
        assert_eq!(
            format_money_range(-643_035.0, 14_400_000.0, Lang::Da),
            "-0,6 til 14,4 mio. kr."
        );
        assert_eq!(
            format_money_range(1_510_000.0, 2_550_000.0, Lang::En),
            "1.51 to 2.55 m kr."
        );
        assert_eq!(
            format_money_range(-250_000.0, 740_000.0, Lang::Da),
            "-250.000 til 740.000 kr."
        );
        assert_eq!(format_pct(0.125, 1, Lang::Da), "12,5 %");
        assert_eq!(format_pct(0.125, 1, Lang::En), "12.5 %");
        assert_eq!(format_pct(0.8, 0, Lang::Da), "80 %");
        assert_eq!(format_pct(-0.05, 0, Lang::En), "-5 %");
        assert_eq!(format_probability(0.999, Lang::Da), "> 99 %");
        assert_eq!(format_probability(1.0, Lang::Da), "100 %");
        assert_eq!(format_probability(0.001, Lang::En), "< 1 %");
        assert_eq!(format_probability(0.0, Lang::En), "0 %");
        assert_eq!(format_probability(0.875, Lang::En), "88 %");
    }

    #[test]
    fn calendar() {
        assert_eq!(month_name(1, Lang::Da), "januar");
        assert_eq!(month_name(12, Lang::En), "December");
        assert_eq!(month_short(5, Lang::Da), "maj");
        assert_eq!(month_short(10, Lang::Da), "okt.");
        assert_eq!(month_short(10, Lang::En), "Oct");
        assert_eq!(weekday_short(0, Lang::Da), "man");
        assert_eq!(weekday_short(5, Lang::Da), "lør");
        assert_eq!(weekday_short(6, Lang::En), "Sun");
        assert_eq!(weekday_name(3, Lang::Da), "torsdag");
    }

    #[test]
    #[should_panic(expected = "month must be 1..=12")]
    fn month_out_of_range() {
        month_name(13, Lang::Da);
    }

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
