//! The report, the terminal and `check` speak the reader's language.
//!
//! The Danish report of every shipped scenario is Danish throughout (no
//! English word the program wrote, inputs by their labels, decimal commas,
//! one unit within an interval) and the English report English; a run that
//! proposes nothing says it is a status-quo projection instead of showing
//! zero savings; `check --lang` lists in the chosen language.
//!
//! Text from the scenario file (names, descriptions, the sources' comments,
//! goal, event, area and department names) is the author's and may be in
//! any language: it is taken out before the words are checked.

use std::path::{Path, PathBuf};
use std::process::Command;

use channelshift::engine::Engine;
use channelshift::i18n::Lang;
use channelshift::report::chart_data::summary_input_label;
use channelshift::report::html::{render_html, schedule_label, unit_label};
use channelshift::scenario::Scenario;
use channelshift::summary::RunSummary;

const TRIALS: usize = 400;

fn scenario_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// Every shipped scenario.
fn shipped() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenario_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    files
}

/// A run as `run --report` makes it: with the sensitivity analysis and, when
/// the scenario has a policy, the attribution.
fn run(s: &Scenario) -> RunSummary {
    let engine = Engine::new(s, 1);
    let trials = engine.run(TRIALS);
    let mut summary = RunSummary::new(s, &engine.layout, &trials, 1, None);
    if !s.inputs.is_empty() {
        let output = if summary.is_status_quo_projection() {
            channelshift::sensitivity::Output::Cost
        } else {
            channelshift::sensitivity::Output::CumulativeNetSavings
        };
        summary.sensitivity = Some(channelshift::sensitivity::analyse(
            &engine, &trials, output, s.end_year, TRIALS,
        ));
    }
    if !summary.is_status_quo_projection() {
        summary.attribution = Some(channelshift::attribution::attribute(
            &engine,
            &trials,
            &|_| {},
        ));
    }
    summary
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Everything a reader sees, charts' texts included: inline tags (spans,
/// strong, wbr) are dropped, other tags become a space, entities are
/// decoded and runs of white space are one space.
fn visible_text(html: &str) -> String {
    let body = &html[html.find("<body").unwrap_or(0)..];
    let mut out = String::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let end = rest[lt..].find('>').map_or(rest.len(), |i| lt + i + 1);
        let tag = &rest[lt + 1..end - 1];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !matches!(name.as_str(), "span" | "strong" | "wbr" | "code" | "tspan") {
            out.push(' ');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    squash(&unescape(&out))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The texts of the scenario file, longest first, as the report writes
/// them (schedules in the report's language).
fn authors_texts(s: &Scenario, summary: &RunSummary, lang: Lang) -> Vec<String> {
    let mut t: Vec<String> = vec![s.name.clone(), summary.scenario_file.clone()];
    t.extend(s.description.clone());
    if let Some(p) = &s.proposal {
        t.push(p.name.clone());
        t.extend(p.description.clone());
    }
    t.extend(s.inputs.iter().filter_map(|i| i.comment.clone()));
    t.extend(s.inputs.iter().map(|i| i.location.clone()));
    t.extend(s.goals.iter().map(|g| g.name.clone()));
    t.extend(s.events.iter().map(|e| e.name.clone()));
    t.extend(s.areas.iter().map(|a| a.name.clone()));
    t.extend(s.solutions.iter().map(|x| x.name.clone()));
    for d in &s.departments {
        t.push(d.name.clone());
        t.push(d.label.clone());
    }
    for h in &summary.hours {
        t.push(schedule_label(&h.today, lang));
        t.extend(h.proposal.as_ref().map(|p| schedule_label(p, lang)));
    }
    let mut t: Vec<String> = t
        .into_iter()
        .map(|x| squash(&x))
        .filter(|x| !x.is_empty())
        .collect();
    t.sort_by_key(|x| std::cmp::Reverse(x.len()));
    t.dedup();
    t
}

/// The report's visible text without the scenario author's texts, and
/// without file names and command-line flags (`--seed`, `run --xlsx`,
/// convergence.png).
fn programs_text(html: &str, s: &Scenario, summary: &RunSummary, lang: Lang) -> String {
    let mut text = visible_text(html);
    let authors = authors_texts(s, summary, lang);
    for a in &authors {
        text = text.replace(a.as_str(), " ");
    }
    // Chart labels cut an author's long name with an ellipsis: a start of
    // at least 8 characters of the name, then "…".
    // The longest cuts first, so that one name's cut does not eat into
    // another's.
    let mut cuts: Vec<String> = authors
        .iter()
        .flat_map(|a| {
            let chars: Vec<char> = a.chars().collect();
            (8..chars.len())
                .map(move |n| format!("{}…", chars[..n].iter().collect::<String>().trim_end()))
        })
        .collect();
    cuts.sort_by_key(|c| std::cmp::Reverse(c.len()));
    for cut in cuts {
        text = text.replace(&cut, " ");
    }
    text.split_whitespace()
        .map(|w| w.trim_start_matches(['(', '[']))
        .filter(|w| !w.starts_with("--") && !w.contains(".png") && !w.contains(".toml"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// English words that are not Danish words.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "with",
    "from",
    "per",
    "share",
    "cost",
    "costs",
    "savings",
    "saving",
    "contact",
    "contacts",
    "phone",
    "counter",
    "transaction",
    "attempt",
    "attempts",
    "month",
    "months",
    "year",
    "years",
    "ceiling",
    "area",
    "areas",
    "case",
    "total",
    "mean",
    "probability",
    "proposal",
    "scenario",
    "payback",
    "today",
    "hours",
    "week",
    "closed",
    "open",
    "staffing",
    "volume",
    "price",
    "trials",
    "simulations",
    "goal",
    "goals",
    "is",
    "are",
    "not",
    "in",
    "seed",
    "letters",
    "citizens",
    "share",
    "wage",
    "handling",
    "displaced",
    "retimed",
    "avoided",
];

/// Danish words that are not English words.
const DANISH: &[&str] = &[
    "og",
    "af",
    "til",
    "mellem",
    "sandsynlighed",
    "besparelse",
    "omkostning",
    "henvendelser",
    "henvendelse",
    "antagelse",
    "antagelser",
    "fordeling",
    "gennemsnit",
    "skranke",
    "telefon",
    "andel",
    "pris",
    "pr",
    "år",
    "mål",
    "forslag",
    "scenarie",
    "timer",
    "lukket",
    "trekantfordeling",
    "simuleringer",
    "borgere",
    "kilde",
    "mio",
];

#[test]
fn the_danish_report_is_danish_and_the_english_report_english() {
    for file in shipped() {
        let s = Scenario::from_file(&file).expect("scenario loads");
        let summary = run(&s);
        for (lang, foreign) in [(Lang::Da, ENGLISH), (Lang::En, DANISH)] {
            let html = render_html(&summary, None, &[], lang).unwrap();
            if let Some(dir) = std::env::var_os("KEEP_REPORTS") {
                let name = file.file_stem().unwrap().to_string_lossy();
                std::fs::write(Path::new(&dir).join(format!("{name}.{lang}.html")), &html).unwrap();
            }
            let text = programs_text(&html, &s, &summary, lang);
            let found: Vec<String> = words(&text)
                .into_iter()
                .filter(|w| foreign.contains(&w.as_str()))
                .collect();
            let show = |w: &str| {
                let i = text.to_lowercase().find(&format!(" {w} ")).unwrap_or(0);
                text.chars()
                    .skip(text[..i].chars().count().saturating_sub(60))
                    .take(140)
                    .collect::<String>()
            };
            assert!(
                found.is_empty(),
                "{} ({lang}): foreign words {found:?}, e.g. …{}…\n{}",
                file.display(),
                show(&found[0]),
                if std::env::var_os("SHOW_TEXT").is_some() {
                    text.clone()
                } else {
                    String::new()
                }
            );
        }
    }
}

#[test]
fn inputs_are_listed_by_their_labels_not_their_keys() {
    for file in shipped() {
        let s = Scenario::from_file(&file).expect("scenario loads");
        let summary = run(&s);
        for lang in Lang::ALL {
            let html = render_html(&summary, None, &[], lang).unwrap();
            let text = visible_text(&html);
            for i in &summary.inputs {
                assert!(
                    !text.contains(&i.key.to_string()),
                    "{} ({lang}): the raw key {} is shown",
                    file.display(),
                    i.key
                );
                let label = summary_input_label(&summary, &i.key, lang);
                assert!(
                    !label.contains('_') && label != i.key.to_string(),
                    "{} ({lang}): {} has no label ({label})",
                    file.display(),
                    i.key
                );
                assert!(
                    text.contains(&squash(&label)),
                    "{} ({lang}): the label {label:?} of {} is missing",
                    file.display(),
                    i.key
                );
                let unit = unit_label(&i.unit, lang);
                if lang == Lang::Da {
                    let english: Vec<String> = words(&unit)
                        .into_iter()
                        .filter(|w| ENGLISH.contains(&w.as_str()))
                        .collect();
                    assert!(english.is_empty(), "unit {:?} -> {unit:?}", i.unit);
                }
            }
            // Departments by their labels in the staffing table too.
            if let Some(i) = html.find("class=\"staffing\"") {
                let table = &html[i..i + html[i..].find("</table>").unwrap()];
                for d in s.departments.iter().filter(|d| d.name != d.label) {
                    assert!(
                        !table.contains(&format!("<td>{} ", d.name)),
                        "{}: department code {} in the staffing table",
                        file.display(),
                        d.name
                    );
                }
            }
        }
    }
}

/// Numbers with a decimal point in `text` ("0.05"), other than thousands
/// groups ("1.234"): in Danish there are none.
fn decimal_points(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    for i in 1..b.len().saturating_sub(1) {
        if b[i] == b'.' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit() {
            let frac = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            let int_start = b[..i]
                .iter()
                .rposition(|c| !c.is_ascii_digit())
                .map_or(0, |p| p + 1);
            // Thousands groups have exactly three digits after the point and
            // at most three before the first point.
            let grouped = frac == 3 && (i - int_start <= 3);
            if !grouped {
                found.push(text[int_start..(i + 1 + frac).min(text.len())].to_string());
            }
        }
    }
    found
}

#[test]
fn danish_numbers_have_decimal_commas_and_intervals_one_unit() {
    for file in shipped() {
        let s = Scenario::from_file(&file).expect("scenario loads");
        let summary = run(&s);
        let html = render_html(&summary, None, &[], Lang::Da).unwrap();
        let text = programs_text(&html, &s, &summary, Lang::Da);
        let points = decimal_points(&text);
        assert!(
            points.is_empty(),
            "{}: decimal points in the Danish report: {points:?}",
            file.display()
        );
        if !summary.is_status_quo_projection() {
            let rate =
                channelshift::report::html::discount_rate_label(&summary.discount_rate, Lang::Da);
            assert!(text.contains(&format!("r = {rate}")), "{}", file.display());
            assert!(!rate.contains('.'), "{rate}");
        }
        for lang in Lang::ALL {
            let html = render_html(&summary, None, &[], lang).unwrap();
            let text = programs_text(&html, &s, &summary, lang);
            // "643.035 kr. til 14,4 mio. kr.": an interval whose ends have
            // different units.
            let words: Vec<&str> = text.split(' ').collect();
            for (i, w) in words.iter().enumerate() {
                let join = ["til", "og", "to", "and", "–", "-"];
                if *w == "kr." && i >= 1 && words[i - 1] != "mio." && words[i - 1] != "m" {
                    if let (Some(sep), Some(next)) = (words.get(i + 1), words.get(i + 2)) {
                        let mixed = join.contains(sep)
                            && next.chars().any(|c| c.is_ascii_digit())
                            && matches!(words.get(i + 3), Some(&"mio.") | Some(&"m"));
                        assert!(
                            !mixed,
                            "{} ({lang}): an interval in two units: {}",
                            file.display(),
                            words[i.saturating_sub(3)..(i + 6).min(words.len())].join(" ")
                        );
                    }
                }
            }
        }
    }
    // The check itself finds decimal points.
    assert_eq!(
        decimal_points("r = 0.05 og 1.234.567 kr. og 12.5"),
        ["0.05", "12.5"]
    );
}

#[test]
fn a_run_that_proposes_nothing_is_reported_as_a_status_quo_projection() {
    let file = scenario_dir().join("vallensbaek-2012.toml");
    let s = Scenario::from_file(&file).unwrap();
    let summary = run(&s);
    assert!(summary.is_status_quo_projection());
    for (lang, says, not) in [
        (
            Lang::Da,
            [
                "Status quo-fremskrivning",
                "Henvendelser i",
                "Digital andel",
            ],
            [
                "Tjent hjem",
                "Besparelse i 2015",
                "Nettonutidsværdien af",
                "Hvor besparelsen kommer fra",
            ],
        ),
        (
            Lang::En,
            ["Status-quo projection", "Contacts in", "Digital share"],
            [
                "Pays for itself",
                "Savings in 2015",
                "The net present value of",
                "Where the savings come from",
            ],
        ),
    ] {
        let html = render_html(&summary, None, &[], lang).unwrap();
        let text = visible_text(&html);
        for w in says {
            assert!(text.contains(w), "({lang}) lacks {w:?}");
        }
        for w in not {
            assert!(!text.contains(w), "({lang}) shows {w:?}");
        }
    }
    // A run with a proposal still reports its savings and payback.
    let p1 = Scenario::from_file(&scenario_dir().join("solrod-2011-proposal-1.toml")).unwrap();
    let html = render_html(&run(&p1), None, &[], Lang::Da).unwrap();
    let text = visible_text(&html);
    assert!(text.contains("Tjent hjem") && text.contains("Besparelse i 2015"));
    assert!(!text.contains("Status quo-fremskrivning"));

    // The terminal says the same.
    for (lang, says, not) in [
        (
            "da",
            "status quo-fremskrivning",
            ["tilbagebetaling", "nettobesparelse", "besparelse ="],
        ),
        (
            "en",
            "status-quo projection",
            ["payback", "net savings", "savings ="],
        ),
    ] {
        let out_dir = tempfile::tempdir().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_channelshift"))
            .arg("run")
            .arg(&file)
            .args([
                "--trials",
                "300",
                "--no-charts",
                "--no-sensitivity",
                "--lang",
                lang,
                "--out",
            ])
            .arg(out_dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(says), "{text}");
        for w in not {
            assert!(!text.contains(w), "{w:?} in\n{text}");
        }
        assert!(
            text.contains(lang_pick(lang, "henvendelser i alt", "contacts, total")),
            "{text}"
        );
    }
}

fn lang_pick<'a>(lang: &str, da: &'a str, en: &'a str) -> &'a str {
    if lang == "da" {
        da
    } else {
        en
    }
}

fn check(args: &[&str], file: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_channelshift"))
        .arg("check")
        .args(args)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn check_lists_in_the_chosen_language() {
    let danish = [
        "horisont:",
        "usikre antagelser:",
        "fordeling",
        "enhed",
        "trekantfordeling (",
        "kr. pr. henvendelse",
        "åbningstider (timer pr. uge):",
        "forslag:",
        "begivenheder:",
        "mål:",
        "ændringer i forhold til grundscenariet",
        "man-ons 10-14",
    ];
    let english = [
        "horizon:",
        "uncertain inputs:",
        "distribution",
        "unit",
        "triangular(",
        "kr. per contact",
        "opening hours (hours per week):",
        "proposal:",
        "events:",
        "goals:",
        "changes against the base",
        "Mon-Wed 10-14",
    ];
    let file = scenario_dir().join("solrod-2011-proposal-1.toml");
    let da = check(&["--lang", "da"], &file);
    let en = check(&["--lang", "en"], &file);
    // The list of changes quotes the file's values as written.
    let listing = &da[..da.find("ændringer i forhold til").unwrap_or(da.len())];
    for (d, e) in danish.iter().zip(english) {
        assert!(da.contains(d), "Danish lacks {d:?}:\n{da}");
        assert!(!listing.contains(e), "Danish has {e:?}:\n{da}");
        assert!(en.contains(e), "English lacks {e:?}:\n{en}");
    }
    // Danish is the default, as for `run`.
    assert_eq!(check(&[], &file), da);
    // Decimal commas in Danish; the words of goals, citizens and solutions too.
    assert!(da.contains("0,005") && en.contains("0.005"));
    let ltk = scenario_dir().join("lyngby-taarbaek-2015.toml");
    let da = check(&["--lang", "da"], &ltk);
    for d in [
        "selvbetjeningsløsninger:",
        "borgernes digitale parathed",
        "i drift fra",
        "måltal",
    ] {
        assert!(da.contains(d), "Danish lacks {d:?}:\n{da}");
    }
    for e in [
        "self-service solutions",
        "citizens' capabilities",
        "launch",
        "metric",
        "targets",
    ] {
        assert!(!da.contains(e), "Danish has {e:?}:\n{da}");
    }
}
