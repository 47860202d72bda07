//! What `run`, `compare` and `check` print fits a terminal of 100 columns,
//! in Danish and English, on every shipped scenario.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use channelshift::text_table::{width, TERMINAL_WIDTH};

fn bin() -> Command {
    Command::cargo_bin("channelshift").unwrap()
}

fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    files
}

/// True when the scenario has something to attribute: a proposal or a
/// policy event.
fn has_policy(file: &Path) -> bool {
    let text = std::fs::read_to_string(file).unwrap();
    text.contains("[proposal]") || text.contains("\"policy\"")
}

/// Stdout of a successful command, with every line checked against the width.
fn stdout_within_width(cmd: &mut Command, what: &str) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for line in text.lines() {
        assert!(
            width(line) <= TERMINAL_WIDTH,
            "{what}: a line of {} columns:\n{line}\n\n{text}",
            width(line)
        );
    }
    assert!(
        text.lines().count() >= 5,
        "{what}: printed too little:\n{text}"
    );
    text
}

#[test]
fn run_fits_100_columns_on_every_shipped_scenario_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for file in scenarios() {
        for lang in ["da", "en"] {
            let mut cmd = bin();
            cmd.arg("run")
                .arg(&file)
                .args(["--trials", "200", "--no-charts", "--lang", lang, "--out"])
                .arg(dir.path().join("out"));
            if has_policy(&file) {
                cmd.arg("--attribution");
            }
            let what = format!("run {} --lang {lang}", file.display());
            let text = stdout_within_width(&mut cmd, &what);
            // The sensitivity heading names the output, not its key.
            assert!(!text.contains("_kr"), "{what}: a raw key in\n{text}");
            let summary = std::fs::read_to_string(dir.path().join("out/summary.json")).unwrap();
            let v: serde_json::Value = serde_json::from_str(&summary).unwrap();
            if !v["inputs"].as_array().unwrap().is_empty() {
                let drives = if lang == "da" {
                    "hvad driver"
                } else {
                    "what drives"
                };
                assert!(text.contains(drives), "{what}:\n{text}");
            }
        }
    }
}

#[test]
fn compare_and_check_fit_100_columns() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let out = tempfile::tempdir().unwrap();
    for lang in ["da", "en"] {
        let mut cmd = bin();
        cmd.arg("compare")
            .arg(dir.join("solrod-2011.toml"))
            .arg(dir.join("solrod-2011-proposal-1.toml"))
            .arg(dir.join("solrod-2011-proposal-2.toml"))
            .args(["--trials", "200", "--no-charts", "--lang", lang, "--out"])
            .arg(out.path());
        let text = stdout_within_width(&mut cmd, &format!("compare --lang {lang}"));
        let hours = if lang == "da" {
            "ugentlige åbningstimer"
        } else {
            "weekly open hours"
        };
        assert!(text.contains(hours), "{text}");
        // Three files, two options: the terminal says what the first file
        // is, and what the Erlang C agents per open hour are.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let (base, options, erlang) = if lang == "da" {
            (
                "grundlag: den første fil, solrod-2011.toml (»Solrød 2011: dagens åbningstider«), er dagens situation (status quo), som forslagene måles mod; den er ikke selv et forslag, så 3 filer giver 2 forslag",
                "2 forslag, 200 simuleringer hver",
                "gns. medarbejdere pr. åben time: medarbejdertimer delt med årets åbne timer (derfor decimaler); så mange skal tage telefonen samtidig for at holde serviceniveauet, ikke antallet af ansatte. Tallet stiger, når de samme opkald samles på færre åbne timer (spidsbelastning, Erlang C). Det strider ikke mod besparelsen: lønnen følger medarbejdere gange åbne timer, og flere medarbejdere i færre timer kan koste mindre i alt.",
            )
        } else {
            (
                "base: the first file, solrod-2011.toml (“Solrød 2011: dagens åbningstider”), is today's situation (the status quo) the options are measured against; it is no option itself, so 3 files give 2 options",
                "2 options, 200 trials each",
                "avg. agents per open hour: agent-hours divided by the year's open hours (hence the decimals); how many must answer at the same time to keep the service level, not the number of employees. It rises when the same calls are concentrated into fewer open hours (peak load, Erlang C). That does not contradict the saving: the wage cost follows agents times open hours, and more agents in fewer hours can cost less in total.",
            )
        };
        assert!(flat.starts_with(base), "{flat}");
        assert!(flat.contains(options), "{flat}");
        assert!(flat.contains(erlang), "{flat}");
        // The staffing table's column says the figure is an average (it has
        // decimals: agent-hours over open hours).
        let column = if lang == "da" {
            "år gns. medarbejdere pr. åben time serviceniveau"
        } else {
            "year avg. agents per open hour service level"
        };
        assert!(flat.contains(column), "{flat}");
        // Each option says which share of its savings are avoided contacts
        // valued at full price (as `run` does): 10 % for both proposals.
        let avoided = if lang == "da" {
            "henvendelser der bliver væk, er regnet til den fulde enhedspris i den kanal, de forlod: 10 % af besparelsen til og med 2015"
        } else {
            "contacts avoided are valued at the full unit price of the channel they left: 10 % of the savings through 2015"
        };
        assert_eq!(flat.matches(avoided).count(), 2, "{flat}");
        // A base with a proposal of its own is the first option.
        let mut cmd = bin();
        cmd.arg("compare")
            .arg(dir.join("solrod-2011-proposal-1.toml"))
            .arg(dir.join("solrod-2011-proposal-2.toml"))
            .args(["--trials", "200", "--no-charts", "--lang", lang, "--out"])
            .arg(out.path());
        let text = stdout_within_width(&mut cmd, &format!("compare P1 P2 --lang {lang}"));
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let base = if lang == "da" {
            "grundlag: den første fil, solrod-2011-proposal-1.toml (»Solrød 2011: Forslag 1«), har selv et forslag eller tiltag, så den er forslag 1 af 2;"
        } else {
            "base: the first file, solrod-2011-proposal-1.toml (“Solrød 2011: Forslag 1”), has a proposal or initiatives of its own, so it is option 1 of 2;"
        };
        assert!(flat.starts_with(base), "{flat}");
    }
    for file in scenarios() {
        for lang in ["da", "en"] {
            let mut cmd = bin();
            cmd.args(["check", "--lang", lang]).arg(&file);
            let what = format!("check --lang {lang} {}", file.display());
            let text = stdout_within_width(&mut cmd, &what);
            if file.ends_with("solrod-2011-proposal-1.toml") {
                let changes = if lang == "da" {
                    "ændringer i forhold til grundscenariet"
                } else {
                    "changes against the base"
                };
                assert!(text.contains(changes), "{text}");
            }
        }
    }
}

/// A scenario with very long names still prints within the width, and each
/// long name can be read whole from its wrapped lines.
#[test]
fn long_names_wrap_inside_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/lyngby-taarbaek-2015.toml");
    let long = "Ny hjemmeside med fokus på selvbetjening, digitale ambassadører og en helt ny \
                supportfunktion i alle borgerservicecentre";
    let text = std::fs::read_to_string(base)
        .unwrap()
        .replace("1. Ny hjemmeside med fokus på selvbetjening", long);
    let file = dir.path().join("long.toml");
    std::fs::write(&file, text).unwrap();
    for lang in ["da", "en"] {
        let mut cmd = bin();
        cmd.arg("run")
            .arg(&file)
            .args([
                "--trials",
                "200",
                "--no-charts",
                "--attribution",
                "--lang",
                lang,
            ])
            .arg("--out")
            .arg(dir.path().join("out"));
        let out = stdout_within_width(&mut cmd, "long names");
        let words: Vec<&str> = out.split_whitespace().collect();
        assert!(
            words
                .join(" ")
                .contains("en helt ny supportfunktion i alle borgerservicecentre"),
            "{out}"
        );
    }
}

/// `run` on Lyngby-Taarbæk explains under "where the savings come from"
/// why its outbound mail savings fall in 2015 (the external Digital Post
/// law lifts the status quo too), with the table's own numbers, in Danish
/// and English; Solrød Proposal 1 (no such fall) prints no such line.
#[test]
fn run_explains_the_fall_in_outbound_mail_savings() {
    let dir = tempfile::tempdir().unwrap();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/lyngby-taarbaek-2015.toml");
    for (lang, expected) in [
        (
            "da",
            "besparelsen på udgående post falder i 2015 ({} -> {}), fordi »Digital Post obligatorisk for borgere« (ekstern begivenhed fra november 2014) også gælder i status quo: fra da af sender begge mindst lovens andel af brevene med Digital Post",
        ),
        (
            "en",
            "outbound mail savings fall in 2015 ({} -> {}) because “Digital Post obligatorisk for borgere” (an external event from November 2014) applies to the status quo too: from then on both send at least the law's share of the letters by Digital Post",
        ),
    ] {
        let out = dir.path().join(lang);
        let text = stdout_within_width(
            bin()
                .arg("run")
                .arg(&file)
                .args(["--trials", "500", "--seed", "3", "--no-charts", "--lang", lang])
                .arg("--out")
                .arg(&out),
            lang,
        );
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap())
                .unwrap();
        let mean = |y: usize| {
            json["metrics"]["savings_outbound_mail_kr"]["values"][y]["mean"]
                .as_f64()
                .unwrap()
        };
        assert!(mean(4) < mean(3) / 10.0, "{} {}", mean(3), mean(4));
        let l = if lang == "da" {
            channelshift::i18n::Lang::Da
        } else {
            channelshift::i18n::Lang::En
        };
        let kr = |x: f64| channelshift::i18n::format_kr(x, l);
        let expected = expected
            .replacen("{}", &kr(mean(3)), 1)
            .replacen("{}", &kr(mean(4)), 1);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&expected), "{lang}: {expected}\n\n{text}");
    }
    let solrod =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/solrod-2011-proposal-1.toml");
    for lang in ["da", "en"] {
        let text = stdout_within_width(
            bin()
                .arg("run")
                .arg(&solrod)
                .args(["--trials", "300", "--no-charts", "--lang", lang])
                .arg("--out")
                .arg(dir.path().join(format!("solrod-{lang}"))),
            lang,
        );
        assert!(
            !text.contains("udgående post falder") && !text.contains("outbound mail savings fall"),
            "{lang}"
        );
    }
}

/// A comparison with one option (status quo and one proposal) prints no
/// table of the options' pairwise probabilities: there is no other option.
#[test]
fn compare_with_one_option_prints_no_pairwise_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let out = tempfile::tempdir().unwrap();
    let mut cmd = bin();
    cmd.arg("compare")
        .arg(dir.join("solrod-2011.toml"))
        .arg(dir.join("solrod-2011-proposal-1.toml"))
        .args(["--trials", "100", "--no-charts", "--lang", "en", "--out"])
        .arg(out.path());
    let text = stdout_within_width(&mut cmd, "compare with one option");
    assert!(
        text.contains("1 options, 100 trials each") || text.contains("1 option, 100 trials each"),
        "{text}"
    );
    assert!(!text.contains("probability that the row option"), "{text}");
    // Two options keep the table.
    let mut cmd = bin();
    cmd.arg("compare")
        .arg(dir.join("solrod-2011-proposal-1.toml"))
        .arg(dir.join("solrod-2011-proposal-2.toml"))
        .args(["--trials", "100", "--no-charts", "--lang", "en", "--out"])
        .arg(out.path());
    let text = stdout_within_width(&mut cmd, "compare with two options");
    assert!(text.contains("probability that the row option"), "{text}");
}
