//! The charts' texts.

use crate::i18n::table::text_table;

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
    }
}
