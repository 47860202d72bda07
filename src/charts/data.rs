//! Inputs of the charts: plain summaries computed from the simulation results
//! (never raw simulation state). Amounts are in kroner, shares and
//! probabilities in 0..=1, years are calendar years.

use serde::Serialize;

use crate::i18n::{
    cost_in_year, cumulative_net_savings_through, npv_through, savings_in_year, Lang,
};

/// Percentiles and mean of one reported quantity (one year, one series).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quantiles {
    pub p5: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p95: f64,
    pub mean: f64,
}

impl Quantiles {
    /// All quantiles equal to `x` (a quantity without uncertainty).
    pub fn fixed(x: f64) -> Self {
        Quantiles {
            p5: x,
            p25: x,
            p50: x,
            p75: x,
            p95: x,
            mean: x,
        }
    }

    fn values(&self) -> [f64; 6] {
        [self.p5, self.p25, self.p50, self.p75, self.p95, self.mean]
    }

    pub(crate) fn is_finite(&self) -> bool {
        self.values().iter().all(|v| v.is_finite())
    }
}

/// What an amount on a chart is; gives axis titles such as
/// "Akkumuleret nettobesparelse til og med 2015 (mio. kr.)".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Measure {
    /// Savings (status quo cost - scenario cost) in one year.
    AnnualSavings { year: i32 },
    /// Cumulative net savings from the base year through `through`.
    CumulativeNetSavings { through: i32 },
    /// Net present value of the savings through `through`.
    NetPresentValue { through: i32 },
    /// Scenario cost in one year.
    AnnualCost { year: i32 },
}

impl Measure {
    /// The measure in words, without unit.
    pub fn label(&self, lang: Lang) -> String {
        match *self {
            Measure::AnnualSavings { year } => savings_in_year(lang, year),
            Measure::CumulativeNetSavings { through } => {
                cumulative_net_savings_through(lang, through)
            }
            Measure::NetPresentValue { through } => npv_through(lang, through),
            Measure::AnnualCost { year } => cost_in_year(lang, year),
        }
    }

    /// True for savings-like measures, where 0 kr. separates gain from loss.
    pub fn is_savings(&self) -> bool {
        !matches!(self, Measure::AnnualCost { .. })
    }
}

/// One series of a fan chart: quantiles per year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FanSeries {
    /// Legend text, e.g. the scenario name. Empty: "Scenarie" / "Status quo".
    pub label: String,
    pub years: Vec<i32>,
    /// One entry per year in `years`.
    pub q: Vec<Quantiles>,
}

/// Input of [`super::citizens`]: shares per year, each with its 90 % band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitizensChart {
    /// Citizens' capabilities (solid lines) and the shares they drive
    /// (dashed): completed self-service, completion rate, letters by
    /// Digital Post.
    pub lines: Vec<ShareLine>,
    pub trials: Option<u64>,
}

/// One line of a [`CitizensChart`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareLine {
    /// Name (legend) and quantiles per year, shares 0 to 1.
    pub series: FanSeries,
    /// Colour index (`OPTION_COLORS`).
    pub color: usize,
    /// A share of contacts or letters the capabilities drive (dashed).
    pub driven: bool,
}

/// Input of [`super::fan_chart`]: annual cost of the scenario and of the
/// status quo, computed from the same trials.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FanChartData {
    pub status_quo: FanSeries,
    pub scenario: FanSeries,
    /// Number of Monte Carlo trials behind the quantiles (printed as a caption).
    pub trials: Option<u64>,
}

/// Input of [`super::histogram`]: the distribution of one amount over the
/// trials, typically cumulative net savings in the end year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistogramData {
    pub measure: Measure,
    /// `(lower edge, upper edge, number of trials)`, edges in kr., ascending.
    pub bins: Vec<(f64, f64, u64)>,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub mean: f64,
    pub trials: u64,
    /// Share of trials with an amount > 0 (printed if given).
    pub prob_positive: Option<f64>,
}

/// One goal: the probability that it is met, per year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalRow {
    /// The goal in words, e.g. "Selvbetjeningsandel ≥ 80 %".
    pub name: String,
    pub years: Vec<i32>,
    /// One entry per year in `years`; `None` = the goal is not evaluated that
    /// year (shown as "–").
    pub probability: Vec<Option<f64>>,
    /// Years (indices into `years`) in which the goal has a target but no
    /// trial can evaluate it (a share over no contacts); shown as such, never
    /// as met. Empty when every year is evaluable.
    pub not_evaluable: Vec<usize>,
}

/// Input of [`super::goal_probability`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalData {
    pub rows: Vec<GoalRow>,
    pub trials: Option<u64>,
}

/// One S-curve: the probability that the amount exceeds `x`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExceedanceCurve {
    pub label: String,
    /// `(x in kr., probability that the amount is > x)`; any order, the chart
    /// sorts by x. The probability should fall as x grows.
    pub points: Vec<(f64, f64)>,
}

/// Input of [`super::exceedance`]: one curve per option (or scenario).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExceedanceData {
    pub measure: Measure,
    pub curves: Vec<ExceedanceCurve>,
    pub trials: Option<u64>,
}

/// A point on the time axis of the channel mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Period {
    Year(i32),
    /// `month` 1 = January.
    Month {
        year: i32,
        month: u32,
    },
}

/// Input of [`super::channel_mix`]: median volume per channel and period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelMix {
    /// All years or all months (do not mix the two).
    pub periods: Vec<Period>,
    /// The channels, stacked bottom-up in this order.
    pub channels: Vec<ChannelSeries>,
    pub trials: Option<u64>,
}

/// One channel of a [`ChannelMix`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelSeries {
    pub name: String,
    /// The channel's fixed colour (its index in `Channel::ALL`), so that a
    /// channel has the same colour in every chart whichever others are shown.
    pub color: usize,
    /// Median volume per period.
    pub median: Vec<f64>,
}

/// One bar of the tornado: the output median when `input` is in its lowest
/// decile and in its highest decile, against the overall median `base`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoBar {
    pub input: String,
    pub low_value: f64,
    pub high_value: f64,
    /// Overall median of the output (the same for every bar; the chart uses
    /// the first bar's).
    pub base: f64,
}

/// Input of [`super::tornado`]: the bars in the order they are drawn, the
/// first on top.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoData {
    pub measure: Measure,
    pub bars: Vec<TornadoBar>,
    pub trials: Option<u64>,
}

/// Weekly open (or staffed) hours of one channel of one department.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenHours {
    pub department: String,
    pub channel: String,
    pub hours_per_week: f64,
}

/// One opening-hour proposal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionSeries {
    pub name: String,
    pub years: Vec<i32>,
    /// Annual savings against the status quo, one per year.
    pub savings: Vec<Quantiles>,
    /// Cumulative net savings from the base year, one per year.
    pub cumulative_net: Vec<Quantiles>,
    /// Weekly open hours under this proposal.
    pub hours: Vec<OpenHours>,
}

/// Input of the option charts ([`super::option_savings`],
/// [`super::option_cumulative`], [`super::option_hours`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionComparison {
    pub options: Vec<OptionSeries>,
    /// Today's opening hours (drawn grey next to the proposals; may be empty).
    pub current_hours: Vec<OpenHours>,
    pub trials: Option<u64>,
}

/// Marginal savings of one policy event (savings with the event minus
/// savings without it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributionBar {
    pub event: String,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
}

/// Input of [`super::attribution`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributionData {
    pub measure: Measure,
    pub bars: Vec<AttributionBar>,
    pub trials: Option<u64>,
}
