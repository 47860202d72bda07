//! Every chart renders to PNG and SVG in both languages from hand-made data.
//! Set `CHANNELSHIFT_CHART_SAMPLES=/some/dir` to keep the files for viewing.

use std::path::{Path, PathBuf};

use super::*;
use crate::i18n::Lang;

fn out_dir(test: &str) -> PathBuf {
    let base = match std::env::var_os("CHANNELSHIFT_CHART_SAMPLES") {
        Some(d) => PathBuf::from(d),
        None => std::env::temp_dir().join(format!("channelshift-charts-{}", std::process::id())),
    };
    let dir = base.join(test);
    std::fs::create_dir_all(&dir).unwrap();
    dir
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
        assert!(png_bytes.len() > 10_000, "{} is only {} bytes", png.display(), png_bytes.len());
        assert_eq!(&png_bytes[1..4], b"PNG");
        let s = svg_text(&svg);
        assert!(s.len() > 2_000, "{} is only {} bytes", svg.display(), s.len());
        assert!(s.starts_with("<svg"));
        assert!(s.contains("font-family=\"sans-serif\""));
        svgs.push(s);
        // No temporary files are left behind.
        for e in std::fs::read_dir(&dir).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!name.contains(".tmp."), "left over {name}");
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
                .map(|(i, _)| q(12_400_000.0 + 250_000.0 * i as f64, 150_000.0 + 120_000.0 * i as f64))
                .collect(),
        },
        scenario: FanSeries {
            label: "Digital strategi".into(),
            years: YEARS.to_vec(),
            q: YEARS
                .iter()
                .enumerate()
                .map(|(i, _)| q(12_600_000.0 - 700_000.0 * i as f64, 150_000.0 + 260_000.0 * i as f64))
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
    assert!(da.contains("12,0"), "Danish decimal comma in ticks");
    assert!(da.contains("Baseret på 10.000 simuleringer."));
    assert!(da.contains("mio. kr."));
    assert!(en.contains("Annual cost: scenario and status quo"));
    assert!(en.contains("Annual cost (m kr.)"));
    assert!(en.contains("Based on 10,000 simulations."));
    // Integer years only.
    assert!(da.contains(">2013\n<") || da.contains(">2013<"));
    assert!(!da.contains("2011.5") && !da.contains("2011,5"));
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
