//! Every chart renders to PNG and SVG in both languages from hand-made data.
//! Set `CHANNELSHIFT_CHART_SAMPLES=/some/dir` to keep the files for viewing.

use std::path::{Path, PathBuf};

use super::*;
use crate::i18n::Lang;

/// A per-test output directory, removed at the end of the test unless
/// `CHANNELSHIFT_CHART_SAMPLES` asks to keep the files.
struct OutDir {
    path: PathBuf,
    keep: bool,
}

impl OutDir {
    fn join(&self, p: impl AsRef<Path>) -> PathBuf {
        self.path.join(p)
    }
}

impl std::ops::Deref for OutDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.path
    }
}

impl Drop for OutDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
            // The shared parent goes when the last test is done with it.
            if let Some(parent) = self.path.parent() {
                let _ = std::fs::remove_dir(parent);
            }
        }
    }
}

fn out_dir(test: &str) -> OutDir {
    let (base, keep) = match std::env::var_os("CHANNELSHIFT_CHART_SAMPLES") {
        Some(d) => (PathBuf::from(d), true),
        None => (
            std::env::temp_dir().join(format!("channelshift-charts-{}", std::process::id())),
            false,
        ),
    };
    let path = base.join(test);
    std::fs::create_dir_all(&path).unwrap();
    OutDir { path, keep }
}

fn q(p50: f64, spread: f64) -> Quantiles {
    Quantiles {
        p5: p50 - 1.645 * spread,
        p25: p50 - 0.674 * spread,
        p50,
        p75: p50 + 0.674 * spread,
        p95: p50 + 1.645 * spread,
        mean: p50 + 0.05 * spread,
    }
}

const YEARS: [i32; 5] = [2011, 2012, 2013, 2014, 2015];

/// True if the SVG has a `<text>` element whose whole content is `s`.
fn has_text_element(svg: &str, s: &str) -> bool {
    svg.contains(&format!(">\n{s}\n</text>")) || svg.contains(&format!(">{s}</text>"))
}

/// The words of an SVG's `<text>` elements in document order, one space
/// between elements and runs of white space made one: a caption wrapped
/// over several lines reads as one sentence.
fn svg_words(svg: &str) -> String {
    let mut words = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find("<text") {
        let open = at + rest[at..].find('>').unwrap() + 1;
        let close = open + rest[open..].find("</text>").unwrap();
        words.push(rest[open..close].to_string());
        rest = &rest[close..];
    }
    words
        .join(" ")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn svg_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Writes both formats in both languages; checks the files and returns the
/// Danish and English SVG text.
fn render_all<F>(test: &str, chart: F) -> (String, String)
where
    F: Fn(Lang, &Path) -> Result<(), ChartError>,
{
    let dir = out_dir(test);
    let mut svgs = Vec::new();
    for lang in Lang::ALL {
        let stem = dir.join(format!("{test}_{}", lang.code()));
        let [png, svg] = render_both(&stem, |p| chart(lang, p)).unwrap();
        let png_bytes = std::fs::read(&png).unwrap();
        assert!(
            png_bytes.len() > 10_000,
            "{} is only {} bytes",
            png.display(),
            png_bytes.len()
        );
        assert_eq!(&png_bytes[1..4], b"PNG");
        let s = svg_text(&svg);
        assert!(
            s.len() > 2_000,
            "{} is only {} bytes",
            svg.display(),
            s.len()
        );
        assert!(s.starts_with("<svg"));
        assert!(s.contains("font-family=\"sans-serif\""));
        svgs.push(s);
        // No temporary files are left behind.
        for e in std::fs::read_dir(&dir.path).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!crate::export::is_temp_name(&name), "left over {name}");
        }
    }
    let en = svgs.pop().unwrap();
    let da = svgs.pop().unwrap();
    (da, en)
}

pub(crate) fn sample_fan() -> FanChartData {
    FanChartData {
        status_quo: FanSeries {
            label: String::new(),
            years: YEARS.to_vec(),
            q: YEARS
                .iter()
                .enumerate()
                .map(|(i, _)| {
                    q(
                        12_400_000.0 + 250_000.0 * i as f64,
                        150_000.0 + 120_000.0 * i as f64,
                    )
                })
                .collect(),
        },
        scenario: FanSeries {
            label: "Digital strategi".into(),
            years: YEARS.to_vec(),
            q: YEARS
                .iter()
                .enumerate()
                .map(|(i, _)| {
                    q(
                        12_600_000.0 - 700_000.0 * i as f64,
                        150_000.0 + 260_000.0 * i as f64,
                    )
                })
                .collect(),
        },
        trials: Some(10_000),
    }
}

#[test]
fn fan_chart_renders() {
    let data = sample_fan();
    let text = ChartText::subtitle("Digital strategi, Eksempel Kommune");
    let (da, en) = render_all("fan", |lang, p| fan_chart(&data, &text, lang, p));
    assert!(da.contains("Årlig omkostning: scenarie og status quo"));
    assert!(da.contains("Årlig omkostning (mio. kr.)"));
    assert!(
        da.contains("9,8 mio. kr."),
        "Danish decimal comma in the end label"
    );
    assert!(da.contains("Baseret på 10.000 simuleringer."));
    assert!(da.contains("mio. kr."));
    assert!(en.contains("Annual cost: scenario and status quo"));
    assert!(en.contains("Annual cost (m kr.)"));
    assert!(en.contains("Based on 10,000 simulations."));
    // Every band drawn is in the legend, named after its series: the
    // status quo's 50 % band too.
    for (svg, i50, i90) in [
        (&da, "50 %-interval", "90 %-interval"),
        (&en, "50 % interval", "90 % interval"),
    ] {
        for series in ["Digital strategi", "Status quo"] {
            for interval in [i50, i90] {
                let entry = format!("{interval} ({series})");
                assert!(has_text_element(svg, &entry), "legend lacks {entry}");
            }
        }
    }
    // Integer years only.
    assert!(has_text_element(&da, "2013"));
    assert!(!da.contains("2011.5") && !da.contains("2011,5"));
}

#[test]
fn fan_legend_has_no_band_for_a_series_without_spread() {
    let mut data = sample_fan();
    for q in &mut data.status_quo.q {
        *q = Quantiles {
            p5: q.p50,
            p25: q.p50,
            p75: q.p50,
            p95: q.p50,
            mean: q.p50,
            ..*q
        };
    }
    let (_, en) = render_all("fan_flat_status_quo", |lang, p| {
        fan_chart(&data, &ChartText::new(), lang, p)
    });
    assert!(has_text_element(&en, "Status quo"));
    assert!(has_text_element(&en, "50 % interval (Digital strategi)"));
    assert!(!en.contains("interval (Status quo)"), "no status quo band");
}

#[test]
fn unsupported_extension_and_bad_data() {
    let data = sample_fan();
    let dir = out_dir("errors");
    let err = fan_chart(&data, &ChartText::new(), Lang::Da, &dir.join("x.jpg")).unwrap_err();
    assert!(matches!(err, ChartError::UnsupportedFormat(_)));
    let mut bad = data.clone();
    bad.scenario.q.pop();
    let err = fan_chart(&bad, &ChartText::new(), Lang::Da, &dir.join("x.png")).unwrap_err();
    assert!(matches!(err, ChartError::InvalidData(_)), "{err}");
    assert!(!dir.join("x.png").exists());
}

pub(crate) fn sample_histogram() -> HistogramData {
    // A skewed distribution of cumulative net savings around 3.4 mio. kr.
    let centre = 3_400_000.0;
    let width = 250_000.0;
    let mut bins = Vec::new();
    for k in -16..=20 {
        let lo = centre + k as f64 * width;
        let z = (k as f64 + 0.5) / 6.0;
        let count = (1_000.0 * (-0.5 * z * z).exp() * if k < 0 { 1.0 } else { 0.9 }) as u64;
        bins.push((lo, lo + width, count));
    }
    let trials = bins.iter().map(|b| b.2).sum();
    HistogramData {
        measure: Measure::CumulativeNetSavings { through: 2015 },
        bins,
        p5: 980_000.0,
        p50: 3_420_000.0,
        p95: 6_050_000.0,
        mean: 3_510_000.0,
        trials,
        prob_positive: Some(0.987),
    }
}

#[test]
fn histogram_renders() {
    let data = sample_histogram();
    let text = ChartText::subtitle("Digital strategi, Eksempel Kommune");
    let (da, en) = render_all("histogram", |lang, p| histogram(&data, &text, lang, p));
    assert!(da.contains("Akkumuleret nettobesparelse til og med 2015: mulige udfald"));
    assert!(da.contains("Median: 3,42 mio. kr."));
    assert!(da.contains("5 %: 0,98 mio. kr."));
    assert!(da.contains("95 %: 6,05 mio. kr."));
    assert!(da.contains("Sandsynlighed for en besparelse: 99 %"));
    assert!(da.contains("(mio. kr.)"));
    assert!(en.contains("Median: 3.42 m kr."));
    assert!(en.contains("5 %: 0.98 m kr."));

    // A distribution straddling zero shows the loss side.
    let mut loss = data.clone();
    for b in &mut loss.bins {
        b.0 -= 4_000_000.0;
        b.1 -= 4_000_000.0;
    }
    loss.p5 -= 4_000_000.0;
    loss.p50 -= 4_000_000.0;
    loss.p95 -= 4_000_000.0;
    loss.mean -= 4_000_000.0;
    loss.prob_positive = Some(0.38);
    let (da, _) = render_all("histogram_loss", |lang, p| {
        histogram(&loss, &ChartText::new(), lang, p)
    });
    assert!(da.contains("← Tab"));
    assert!(da.contains("Besparelse →"));
    assert!(da.contains("Median: -0,58 mio. kr."));
}

pub(crate) fn sample_goals() -> GoalData {
    GoalData {
        rows: vec![
            GoalRow {
                not_evaluable: vec![],
                name: "Selvbetjeningsandel af transaktioner ≥ 80 %".into(),
                years: YEARS.to_vec(),
                probability: vec![Some(0.0), Some(0.02), Some(0.31), Some(0.64), Some(0.91)],
            },
            GoalRow {
                not_evaluable: vec![],
                name: "Personlig, e-mail og brev ≤ 20 % af henvendelserne".into(),
                years: YEARS.to_vec(),
                probability: vec![None, None, Some(0.12), Some(0.48), Some(0.77)],
            },
            GoalRow {
                not_evaluable: vec![],
                name: "Ingen papirbreve".into(),
                years: vec![2015],
                probability: vec![Some(0.004)],
            },
            GoalRow {
                not_evaluable: vec![],
                name: "Akkumuleret nettobesparelse ≥ 5 mio. kr. i 2014".into(),
                years: vec![2014],
                probability: vec![Some(0.998)],
            },
        ],
        trials: Some(10_000),
    }
}

#[test]
fn goal_probability_renders() {
    let data = sample_goals();
    let (da, en) = render_all("goals", |lang, p| {
        goal_probability(&data, &ChartText::subtitle("Digital strategi"), lang, p)
    });
    assert!(da.contains("Sandsynlighed for at nå målene"));
    assert!(da.contains("91 %"));
    assert!(da.contains("&gt; 99 %"));
    assert!(da.contains("&lt; 1 %"));
    assert!(da.contains("–"));
    assert!(da.contains("Usandsynligt"));
    assert!(en.contains("Probability of reaching the goals"));
}

pub(crate) fn sample_exceedance() -> ExceedanceData {
    let curve = |label: &str, median: f64, spread: f64| ExceedanceCurve {
        label: label.into(),
        points: (0..=40)
            .map(|k| {
                let x = median + (k as f64 - 20.0) / 10.0 * spread;
                let z = (x - median) / spread;
                // Logistic approximation of a normal tail.
                (x, 1.0 / (1.0 + (1.702 * z).exp()))
            })
            .collect(),
    };
    ExceedanceData {
        measure: Measure::CumulativeNetSavings { through: 2015 },
        curves: vec![
            curve("Forslag A: 18 timer", 2_400_000.0, 700_000.0),
            curve("Forslag B: 24 timer", 1_500_000.0, 450_000.0),
            curve("Forslag C: lukket fredag", 900_000.0, 600_000.0),
        ],
        trials: Some(10_000),
    }
}

#[test]
fn exceedance_renders() {
    let data = sample_exceedance();
    let (da, en) = render_all("exceedance", |lang, p| {
        exceedance(
            &data,
            &ChartText::subtitle("Åbningstider i Borgerservice"),
            lang,
            p,
        )
    });
    assert!(da.contains("Sandsynlighed for at spare mindst et givet beløb"));
    assert!(da.contains("50 %"));
    // The 90 % point is named as the 10th percentile in the legend, next to
    // each curve's label, and the caption tells it from the 5-95 % interval
    // the report gives elsewhere.
    let (da, en) = (svg_words(&da), svg_words(&en));
    for c in &data.curves {
        let da_entry = format!("{} (mindst ", c.label);
        let en_entry = format!("{} (at least ", c.label);
        let at = da
            .find(&da_entry)
            .unwrap_or_else(|| panic!("{da_entry}: {da}"));
        assert!(
            da[at..].contains(" med 90 % sandsynlighed: 10 %-fraktilen)"),
            "{da}"
        );
        let at = en
            .find(&en_entry)
            .unwrap_or_else(|| panic!("{en_entry}: {en}"));
        assert!(
            en[at..].contains(" with 90 % probability: the 10th percentile)"),
            "{en}"
        );
    }
    assert_eq!(
        da.matches("med 90 % sandsynlighed: 10 %-fraktilen").count(),
        3
    );
    assert_eq!(
        en.matches("with 90 % probability: the 10th percentile")
            .count(),
        3
    );
    assert!(
        da.contains(
            "Prikken ved 90 % er 10 %-fraktilen: 9 ud af 10 simuleringer sparer mindst det beløb"
        ),
        "{da}"
    );
    assert!(da.contains("det interval går fra 5 %- til 95 %-fraktilen, så dets nedre grænse spares med 95 % sandsynlighed"), "{da}");
    assert!(
        en.contains(
            "The dot at 90 % is the 10th percentile: 9 in 10 simulations save at least that amount"
        ),
        "{en}"
    );
    assert!(en.contains("that interval runs from the 5th to the 95th percentile, so its lower end is saved with 95 % probability"), "{en}");
    assert!(!da.contains("90 % sandsynligt: mindst") && !en.contains("90 % probable: at least"));
}

/// Lyngby-Taarbæk's citizens chart in 2015: four of six lines end between
/// 80 % and 82 %.
pub(crate) fn sample_citizens() -> CitizensChart {
    let line = |label: &str, from: f64, to: f64, color: usize, driven: bool| ShareLine {
        series: FanSeries {
            label: label.to_string(),
            years: YEARS.to_vec(),
            q: (0..5)
                .map(|i| q(from + (to - from) * i as f64 / 4.0, 0.03))
                .collect(),
        },
        color,
        driven,
    };
    CitizensChart {
        lines: vec![
            line("Borgere med NemID", 0.55, 0.82, 0, false),
            line("Borgere tilmeldt Digital Post", 0.09, 0.80, 1, false),
            line("Borgere der bruger selvbetjening", 0.16, 0.53, 2, false),
            line("Digitale henvendelser (andel)", 0.66, 0.80, 3, true),
            line("Gennemført påbegyndt selvbetjening", 0.18, 0.63, 4, true),
            line("Breve sendt med Digital Post", 0.09, 0.801, 5, true),
        ],
        trials: Some(10_000),
    }
}

/// Each line's value in the last year stands in the legend beside its
/// name, not as a bare percentage at the line's end, where lines ending
/// close together (80, 80, 80 and 82 %) left labels no one could match to
/// their lines.
#[test]
fn citizens_chart_gives_each_lines_end_value_in_the_legend() {
    let data = sample_citizens();
    let (da, en) = render_all("citizens", |lang, p| {
        citizens(
            &data,
            &ChartText::subtitle("Lyngby-Taarbæk 2011-2015"),
            lang,
            p,
        )
    });
    for (svg, lang, year) in [(&da, Lang::Da, "i 2015"), (&en, Lang::En, "in 2015")] {
        for l in &data.lines {
            let end = l.series.q.last().unwrap().p50;
            let entry = format!(
                "{} ({year}: {})",
                l.series.label,
                crate::i18n::format_pct(end, 0, lang)
            );
            assert!(has_text_element(svg, &entry), "{lang:?}: {entry}");
        }
        // No bare end labels beside the plot: "82 %" and "53 %" are no axis
        // ticks (0, 20, ..., 100 %), so they appear only in the legend.
        for bare in ["82 %", "53 %", "63 %"] {
            assert!(!has_text_element(svg, bare), "{lang:?}: {bare}");
        }
    }
    assert!(has_text_element(&da, "Borgere med NemID (i 2015: 82 %)"));
    assert!(has_text_element(&en, "Borgere med NemID (in 2015: 82 %)"));
}

pub(crate) fn sample_channel_mix(monthly: bool) -> ChannelMix {
    let periods: Vec<Period> = if monthly {
        (0..24)
            .map(|i| Period::Month {
                year: 2012 + i / 12,
                month: (i % 12 + 1) as u32,
            })
            .collect()
    } else {
        YEARS.iter().map(|y| Period::Year(*y)).collect()
    };
    let n = periods.len();
    let f = |k: usize| k as f64 / (n - 1).max(1) as f64;
    let scale = if monthly { 1.0 / 12.0 } else { 1.0 };
    let ch = |name: &str, color: usize, a: f64, b: f64| ChannelSeries {
        name: name.to_string(),
        color,
        median: (0..n).map(|k| scale * (a + (b - a) * f(k))).collect(),
    };
    ChannelMix {
        periods,
        channels: vec![
            ch("Personlig", 3, 120_000.0, 60_000.0),
            ch("Telefon", 2, 150_000.0, 110_000.0),
            ch("E-mail", 5, 30_000.0, 12_000.0),
            ch("Brev", 4, 10_000.0, 3_000.0),
            ch("Selvbetjening", 0, 60_000.0, 190_000.0),
        ],
        trials: Some(10_000),
    }
}

#[test]
fn channel_mix_renders() {
    let data = sample_channel_mix(false);
    let (da, en) = render_all("channel_mix", |lang, p| {
        channel_mix(&data, &ChartText::subtitle("Digital strategi"), lang, p)
    });
    assert!(da.contains("Henvendelser fordelt på kanal"));
    assert!(da.contains("Henvendelser pr. år (median)"));
    assert!(da.contains("Selvbetjening 51 %"));
    assert!(da.contains("150.000") || da.contains("100.000"));
    assert!(en.contains("Contacts per year (median)"));
    let monthly = sample_channel_mix(true);
    let (da, en) = render_all("channel_mix_monthly", |lang, p| {
        channel_mix(&monthly, &ChartText::subtitle("Digital strategi"), lang, p)
    });
    assert!(da.contains("jan. 2012"));
    assert!(da.contains("Henvendelser pr. måned (median)"));
    assert!(en.contains("Jan 2013"));
}

pub(crate) fn sample_tornado() -> TornadoData {
    let base = 3_420_000.0;
    let bar = |name: &str, lo: f64, hi: f64| TornadoBar {
        input: name.into(),
        low_value: base + lo,
        high_value: base + hi,
        base,
    };
    TornadoData {
        measure: Measure::CumulativeNetSavings { through: 2015 },
        bars: vec![
            bar("Enhedspris, personlig henvendelse", -450_000.0, 520_000.0),
            bar("Bass-imitation q (selvbetjening)", -1_200_000.0, 900_000.0),
            bar("Loft for digital andel", -800_000.0, 300_000.0),
            bar("Andel der flytter til telefon", 250_000.0, -350_000.0),
            bar("Kampagneomkostning", 120_000.0, -140_000.0),
            bar("Vækst i antal henvendelser", -60_000.0, 90_000.0),
        ],
        trials: Some(10_000),
    }
}

#[test]
fn tornado_renders() {
    let data = sample_tornado();
    let (da, en) = render_all("tornado", |lang, p| {
        tornado(&data, &ChartText::subtitle("Digital strategi"), lang, p)
    });
    assert!(da.contains("Hvilke usikkerheder betyder mest?"));
    assert!(da.contains("Bass-imitation q (selvbetjening)"));
    assert!(da.contains("Median: 3,42 mio. kr."));
    assert!(da.contains("2,22 mio. kr."));
    assert!(en.contains("Which uncertainties matter most?"));
}

pub(crate) fn sample_options() -> OptionComparison {
    let hours = |counter: f64, phone: f64, jc: f64| {
        vec![
            OpenHours {
                department: "Borgerservice".into(),
                channel: "Personlig".into(),
                hours_per_week: counter,
            },
            OpenHours {
                department: "Borgerservice".into(),
                channel: "Telefon".into(),
                hours_per_week: phone,
            },
            OpenHours {
                department: "Jobcenter".into(),
                channel: "Personlig".into(),
                hours_per_week: jc,
            },
            OpenHours {
                department: "Ydelsescenter".into(),
                channel: "Telefon".into(),
                hours_per_week: 30.0,
            },
        ]
    };
    let option = |name: &str, annual: f64, spread: f64, h: Vec<OpenHours>| {
        let savings: Vec<Quantiles> = YEARS
            .iter()
            .enumerate()
            .map(|(i, _)| {
                q(
                    annual * (i as f64 + 1.0) / 5.0,
                    spread * (1.0 + i as f64) / 3.0,
                )
            })
            .collect();
        let mut cum = 0.0;
        let mut cum_sd: f64 = 0.0;
        let cumulative_net = savings
            .iter()
            .enumerate()
            .map(|(i, s)| {
                cum += s.p50 - if i == 0 { 350_000.0 } else { 0.0 };
                cum_sd += spread * (1.0 + i as f64) / 3.0;
                q(cum, cum_sd)
            })
            .collect();
        OptionSeries {
            name: name.into(),
            years: YEARS.to_vec(),
            savings,
            cumulative_net,
            hours: h,
        }
    };
    OptionComparison {
        options: vec![
            option(
                "A: Skranke 18 timer",
                1_100_000.0,
                250_000.0,
                hours(18.0, 35.0, 25.0),
            ),
            option(
                "B: Skranke 24 timer",
                700_000.0,
                180_000.0,
                hours(24.0, 35.0, 31.5),
            ),
            option(
                "C: Lukket fredag, telefon kun formiddag",
                900_000.0,
                400_000.0,
                hours(25.0, 20.0, 25.0),
            ),
        ],
        current_hours: hours(31.5, 37.0, 31.5),
        trials: Some(10_000),
    }
}

#[test]
fn option_charts_render() {
    let data = sample_options();
    let text = ChartText::subtitle("Åbningstider 2012, Eksempel Kommune");
    let (da, en) = render_all("option_savings", |lang, p| {
        option_savings(&data, 2015, &text, lang, p)
    });
    assert!(da.contains("Besparelse i 2015 pr. forslag"));
    assert!(da.contains("1,10 mio. kr."));
    assert!(da.contains("Besparelse i 2015 (mio. kr.)"));
    assert!(en.contains("Savings in 2015 by proposal"));
    // Overlapping boxes are not a draw: the note points to the paired
    // probability (the note wraps, so its start is checked).
    assert!(da.contains("Kasserne kan overlappe, selv om det ene forslag sparer mest i de fleste"));
    assert!(en.contains("Boxes may overlap even when one proposal saves more in most trials"));
    let (da, en) = render_all("option_cumulative", |lang, p| {
        option_cumulative(&data, &text, lang, p)
    });
    assert!(da.contains("Akkumuleret nettobesparelse pr. forslag"));
    assert!(da.contains("Akkumuleret nettobesparelse (mio. kr.)"));
    assert!(en.contains("Cumulative net savings (m kr.)"));
    let (da, en) = render_all("option_hours", |lang, p| {
        option_hours(&data, &text, lang, p)
    });
    assert!(da.contains("Åbningstimer pr. uge pr. forslag"));
    assert!(da.contains("31,5"));
    assert!(da.contains("I dag"));
    assert!(en.contains("31.5"));
    assert!(en.contains("Today"));
    let err = option_savings(
        &data,
        2030,
        &text,
        Lang::Da,
        &out_dir("errors").join("y.png"),
    )
    .unwrap_err();
    assert!(matches!(err, ChartError::InvalidData(_)));
}

pub(crate) fn sample_attribution() -> AttributionData {
    let b = |event: &str, p5: f64, p50: f64, p95: f64| AttributionBar {
        event: event.into(),
        p5,
        p50,
        p95,
    };
    AttributionData {
        measure: Measure::CumulativeNetSavings { through: 2015 },
        bars: vec![
            b(
                "Kampagne for selvbetjening 2012",
                300_000.0,
                900_000.0,
                1_600_000.0,
            ),
            b(
                "Kortere åbningstid i Borgerservice",
                800_000.0,
                1_350_000.0,
                1_900_000.0,
            ),
            b(
                "Digital Post til alle virksomheder",
                150_000.0,
                420_000.0,
                700_000.0,
            ),
            b("Ny telefonløsning", -350_000.0, -120_000.0, 90_000.0),
        ],
        trials: Some(10_000),
    }
}

#[test]
fn attribution_renders() {
    let data = sample_attribution();
    let (da, en) = render_all("attribution", |lang, p| {
        attribution(&data, &ChartText::subtitle("Digital strategi"), lang, p)
    });
    assert!(da.contains("Hvad bidrager hvert tiltag med?"));
    assert!(da.contains("1,35 mio. kr."));
    assert!(da.contains("-0,12 mio. kr."));
    assert!(en.contains("What does each measure contribute?"));
}

#[test]
fn png_text_is_rendered() {
    // The title is drawn with anti-aliased glyphs: a PNG with text has many
    // distinct grey levels in the title strip, not just background colours.
    let dir = out_dir("png_text");
    let path = dir.join("fan.png");
    fan_chart(&sample_fan(), &ChartText::new(), Lang::Da, &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 20_000);
    let with_title = bytes.len();
    let path2 = dir.join("fan_long_title.png");
    let text = ChartText::new().with_title("Årlig omkostning ".repeat(3).trim().to_string());
    fan_chart(&sample_fan(), &text, Lang::Da, &path2).unwrap();
    // More text gives a larger (less compressible) PNG.
    assert!(std::fs::read(&path2).unwrap().len() > with_title);
}

/// Awkward inputs: many series, long names, one year, far from zero.
#[test]
fn edge_cases_render() {
    let dir = out_dir("edge");
    let text = ChartText::subtitle("Et meget langt scenarienavn der fortsætter og fortsætter for at se om undertitlen ombrydes pænt på to linjer uden at løbe ud over kanten af diagrammet")
        .with_note("Kørsel 2011-05-02, seed 42.");

    // One year only.
    let mut one = sample_fan();
    one.status_quo.years.truncate(1);
    one.status_quo.q.truncate(1);
    one.scenario.years.truncate(1);
    one.scenario.q.truncate(1);
    render_both(&dir.join("fan_one_year"), |p| {
        fan_chart(&one, &text, Lang::Da, p)
    })
    .unwrap();

    // Many goals and years, long names.
    let years: Vec<i32> = (2008..=2015).collect();
    let rows = (0..10)
        .map(|i| GoalRow {
            not_evaluable: vec![],
            name: format!("Mål nummer {i}: andel af henvendelser via selvbetjening i alle afdelinger og kanaler ≥ {} %", 50 + i * 3),
            years: years.clone(),
            probability: years.iter().map(|y| if *y < 2010 { None } else { Some(((y - 2009) as f64 * 0.15 + i as f64 * 0.03).min(1.0)) }).collect(),
        })
        .collect();
    let goals = GoalData {
        rows,
        trials: Some(1_000),
    };
    render_both(&dir.join("goals_many"), |p| {
        goal_probability(&goals, &text, Lang::Da, p)
    })
    .unwrap();

    // Histogram far from zero: 0 kr. is not forced into view.
    let mut far = sample_histogram();
    for b in &mut far.bins {
        b.0 += 40_000_000.0;
        b.1 += 40_000_000.0;
    }
    far.p5 += 40_000_000.0;
    far.p50 += 40_000_000.0;
    far.p95 += 40_000_000.0;
    far.mean += 40_000_000.0;
    render_both(&dir.join("histogram_far"), |p| {
        histogram(&far, &text, Lang::En, p)
    })
    .unwrap();

    // Twelve tornado bars.
    let mut t = sample_tornado();
    for i in 0..6 {
        let mut b = t.bars[i].clone();
        b.input = format!(
            "{} (variant {i}) med et ekstra langt navn til sidst",
            b.input
        );
        b.low_value = b.base + (b.low_value - b.base) * 0.3;
        b.high_value = b.base + (b.high_value - b.base) * 0.3;
        t.bars.push(b);
    }
    render_both(&dir.join("tornado_many"), |p| {
        tornado(&t, &text, Lang::Da, p)
    })
    .unwrap();

    // Six options.
    let mut o = sample_options();
    for k in 0..3 {
        let mut extra = o.options[k].clone();
        extra.name = format!("{} (variant)", extra.name);
        for q in extra
            .savings
            .iter_mut()
            .chain(extra.cumulative_net.iter_mut())
        {
            q.p5 *= 0.8;
            q.p25 *= 0.8;
            q.p50 *= 0.8;
            q.p75 *= 0.8;
            q.p95 *= 0.8;
        }
        o.options.push(extra);
    }
    render_both(&dir.join("option_savings_many"), |p| {
        option_savings(&o, 2015, &text, Lang::Da, p)
    })
    .unwrap();
    render_both(&dir.join("option_cumulative_many"), |p| {
        option_cumulative(&o, &text, Lang::Da, p)
    })
    .unwrap();
    render_both(&dir.join("option_hours_many"), |p| {
        option_hours(&o, &text, Lang::Da, p)
    })
    .unwrap();

    // Channel mix with one period; exceedance with one curve.
    let mut mix = sample_channel_mix(false);
    mix.periods.truncate(1);
    for c in &mut mix.channels {
        c.median.truncate(1);
    }
    render_both(&dir.join("channel_mix_one"), |p| {
        channel_mix(&mix, &text, Lang::Da, p)
    })
    .unwrap();
    let mut ex = sample_exceedance();
    ex.curves.truncate(1);
    render_both(&dir.join("exceedance_one"), |p| {
        exceedance(&ex, &text, Lang::Da, p)
    })
    .unwrap();

    // Small amounts (kr. axis).
    let mut small = sample_attribution();
    for b in &mut small.bars {
        b.p5 /= 20.0;
        b.p50 /= 20.0;
        b.p95 /= 20.0;
    }
    render_both(&dir.join("attribution_small"), |p| {
        attribution(&small, &text, Lang::Da, p)
    })
    .unwrap();
    let svg = std::fs::read_to_string(dir.join("attribution_small.svg")).unwrap();
    assert!(svg.contains("(kr.)"));
    assert!(svg.contains("67.500 kr."));
}

/// Degenerate histograms (all trials equal, one value far from zero, tiny
/// or huge ranges, labels wider than the plot) are drawn, never a panic.
#[test]
fn histogram_degenerate_data_renders() {
    let dir = out_dir("histogram_degenerate");
    let one = |lo: f64, hi: f64, p: f64| HistogramData {
        measure: Measure::CumulativeNetSavings { through: 2015 },
        bins: vec![(lo, hi, 500)],
        p5: p,
        p50: p,
        p95: p,
        mean: p,
        trials: 500,
        prob_positive: Some(if p > 0.0 { 1.0 } else { 0.0 }),
    };
    let cases = [
        ("all_zero", one(-1.0, 1.0, 0.0)),
        ("all_equal", one(3_366_000.0, 3_434_000.0, 3_400_000.0)),
        ("all_equal_negative", one(-1_010.0, -990.0, -1_000.0)),
        // The narrowest bin the summary can produce around a large amount.
        ("tiny_width", one(1e15, 1e15 + 0.25, 1e15)),
        ("huge", one(-1e300, 1e300, 0.0)),
        ("huge_positive", one(1e290, 1e300, 5e299)),
        ("huge_far", one(1e18, 1.0000001e18, 1.00000005e18)),
        ("near_f64_max", one(-f64::MAX / 2.0, f64::MAX / 2.0, 0.0)),
    ];
    for (name, data) in &cases {
        for lang in Lang::ALL {
            for cost in [false, true] {
                let mut d = data.clone();
                if cost {
                    d.measure = Measure::AnnualCost { year: 2015 };
                    d.prob_positive = None;
                }
                let stem = dir.join(format!("{name}_{}_{cost}", lang.code()));
                let [png, svg] = render_both(&stem, |p| histogram(&d, &ChartText::new(), lang, p))
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(std::fs::metadata(&png).unwrap().len() > 1_000, "{name}");
                assert!(svg_text(&svg).starts_with("<svg"), "{name}");
            }
        }
    }
    // Percentiles outside the bins and far apart.
    let mut wide = sample_histogram();
    wide.p5 = -5e12;
    wide.p95 = 7e12;
    render_both(&dir.join("wide"), |p| {
        histogram(&wide, &ChartText::new(), Lang::Da, p)
    })
    .unwrap();
}
