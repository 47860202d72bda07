//! Bad scenarios: every misspelt key in a file is reported in one go, each
//! with its own line, source line and help; a misspelt channel gets a
//! suggestion. Exit code 2 and nothing written.

mod common;

use common::{bin, scenario};

/// The worked example with `edit` applied to its text, written to a temp dir.
fn edited(edit: impl Fn(String) -> String) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(scenario("model-worked-example.toml")).unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, edit(text)).unwrap();
    (dir, path)
}

/// `channelshift check FILE`, which must exit 2: its standard error.
fn check_fails(path: &std::path::Path) -> String {
    let assert = bin()
        .args(["check", path.to_str().unwrap()])
        .assert()
        .code(2);
    String::from_utf8_lossy(&assert.get_output().stderr).to_string()
}

#[test]
fn every_unknown_key_of_a_file_is_reported_at_once() {
    let (dir, path) = edited(|t| {
        t.replace("seed = 1\n", "seed = 1\ntrails = 5\n")
            .replace("volume = 10000", "volume = 10000\nvolumne = 3")
            .replace("[prices]\n", "[prices]\nbogus = 1\n")
    });
    let text = std::fs::read_to_string(&path).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.starts_with(needle)).unwrap() + 1;
    let out = dir.path().join("out");
    let assert = bin()
        .args([
            "run",
            path.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    // [prices] is a map of channels, checked after the keys: only the two
    // unknown keys of fixed tables are reported here, in file order.
    let trails = format!("bad.toml:{}:1: unknown field `trails`", line_of("trails"));
    let volumne = format!("bad.toml:{}:1: unknown field `volumne`", line_of("volumne"));
    let (a, b) = (stderr.find(&trails), stderr.find(&volumne));
    assert!(a.is_some() && b.is_some(), "both keys reported:\n{stderr}");
    assert!(a < b, "in file order:\n{stderr}");
    assert_eq!(stderr.matches("error: ").count(), 2, "{stderr}");
    assert!(stderr.contains("did you mean `trials`?"), "{stderr}");
    assert!(stderr.contains("did you mean `volume`?"), "{stderr}");
    assert!(stderr.contains("2 errors in this input"), "{stderr}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn one_unknown_key_is_one_error_without_a_count() {
    let (_dir, path) = edited(|t| t.replace("seed = 1\n", "seed = 1\ntrails = 5\n"));
    let stderr = check_fails(&path);
    assert_eq!(stderr.matches("error: ").count(), 1, "{stderr}");
    assert!(!stderr.contains("errors in this input"), "{stderr}");
}

#[test]
fn a_misspelt_channel_gets_the_nearest_channel() {
    let (_dir, path) = edited(|t| t.replace("phone = 50", "phnoe = 50"));
    let stderr = check_fails(&path);
    assert!(stderr.contains("unknown channel \"phnoe\""), "{stderr}");
    assert!(stderr.contains("did you mean `phone`?"), "{stderr}");
    // The key is what is wrong, so the caret is under the key, not the 50.
    let n = line_number(&path, "phnoe = 50");
    assert!(stderr.contains(&format!("bad.toml:{n}:1: ")), "{stderr}");
    assert_eq!(caret_line(&stderr), ("phnoe = 50".into(), 0, 5), "{stderr}");
}

/// The 1-based number of the first line of `path` that contains `needle`.
fn line_number(path: &std::path::Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// The source line an error quotes and where its carets are under it: the
/// line (as quoted, after the gutter), the caret's column (0-based) and
/// the number of carets.
fn caret_line(stderr: &str) -> (String, usize, usize) {
    let lines: Vec<&str> = stderr.lines().collect();
    let marks = lines.iter().position(|l| l.contains('^')).unwrap();
    let gutter = lines[marks].find('|').unwrap() + 2;
    let source = lines[marks - 1].get(gutter..).unwrap_or("").to_string();
    let under = &lines[marks][gutter..];
    let col = under.find('^').unwrap();
    (source, col, under.matches('^').count())
}

#[test]
fn a_misspelt_channel_in_a_mix_is_pointed_out_at_its_key() {
    let (_dir, path) = edited(|t| {
        t.replace(
            "transaction = { personal = 0.4, phone = 0.4, self_service = 0.2 }",
            "transaction = { personal = 0.4, phone = 0.4, self_servce = 0.2 }",
        )
    });
    let stderr = check_fails(&path);
    let line = "transaction = { personal = 0.4, phone = 0.4, self_servce = 0.2 }";
    let n = line_number(&path, line);
    let col = line.find("self_servce").unwrap();
    // file:line:col of the key, the source line, a caret under each of the
    // key's 11 characters (before, under the value 0.2), the nearest channel.
    assert!(
        stderr.contains(&format!(
            "bad.toml:{n}:{}: unknown channel \"self_servce\"",
            col + 1
        )),
        "{stderr}"
    );
    assert_eq!(caret_line(&stderr), (line.to_string(), col, 11), "{stderr}");
    assert!(stderr.contains("did you mean `self_service`?"), "{stderr}");
}

#[test]
fn a_misspelt_channel_in_an_events_to_is_pointed_out_at_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(scenario("lyngby-taarbaek-2015.toml")).unwrap();
    let bad = text.replacen(
        "shift_to = { digital_post_in = ",
        "shift_to = { digital_post_inn = ",
        1,
    );
    assert_ne!(bad, text, "the shipped file still has the event");
    let path = dir.path().join("events.toml");
    std::fs::write(&path, &bad).unwrap();
    let stderr = check_fails(&path);
    let n = line_number(&path, "digital_post_inn");
    let col = "shift_to = { ".len();
    assert!(
        stderr.contains(&format!(
            "events.toml:{n}:{}: unknown channel \"digital_post_inn\"",
            col + 1
        )),
        "{stderr}"
    );
    let (source, at, carets) = caret_line(&stderr);
    assert!(
        source.starts_with("shift_to = { digital_post_inn = "),
        "{stderr}"
    );
    assert_eq!((at, carets), (col, "digital_post_inn".len()), "{stderr}");
    assert!(
        stderr.contains("did you mean `digital_post_in`?"),
        "{stderr}"
    );
}

#[test]
fn a_misspelt_channel_in_an_option_file_is_pointed_out_there_without_a_merge_note() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(scenario("model-worked-example.toml")).unwrap();
    std::fs::write(dir.path().join("model-worked-example.toml"), base).unwrap();
    let path = dir.path().join("option.toml");
    std::fs::write(
        &path,
        "extends = \"model-worked-example.toml\"\nname = \"Option\"\n\n[prices]\n\"phnoe\" = 40\n",
    )
    .unwrap();
    let stderr = check_fails(&path);
    assert!(
        stderr.contains("option.toml:5:1: unknown channel \"phnoe\""),
        "{stderr}"
    );
    assert_eq!(
        caret_line(&stderr),
        ("\"phnoe\" = 40".into(), 0, 7),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `phone`?"), "{stderr}");
    // The option file wrote the key itself: where the base's [prices] came
    // from does not help.
    assert!(!stderr.contains("merged from several files"), "{stderr}");
}

#[test]
fn a_schedule_error_points_at_the_offending_piece_of_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(scenario("model-worked-example.toml")).unwrap();
    std::fs::write(dir.path().join("model-worked-example.toml"), base).unwrap();
    let text = std::fs::read_to_string(scenario("model-worked-example-hours.toml")).unwrap();
    let line = "hours.counter = \"Mon-Wed 9-15; Thu 9-18.30; Fri 9-13\"";
    assert!(text.contains(line), "the shipped file still has the line");
    let bad = text.replace("Fri 9-13\"", "Fri 10-25\"");
    let path = dir.path().join("hours.toml");
    std::fs::write(&path, &bad).unwrap();
    let n = bad.lines().position(|l| l.contains("Fri 10-25")).unwrap() + 1;
    let col = bad.lines().nth(n - 1).unwrap().find("25\"").unwrap() + 1;
    let stderr = check_fails(&path);
    assert!(
        stderr.contains(&format!("hours.toml:{n}:{col}: ")),
        "points at \"25\" ({n}:{col}):\n{stderr}"
    );
    assert!(stderr.contains("\"25\" is past 24"), "{stderr}");
    // The underline is two characters long, under the 25.
    let marks = stderr.lines().find(|l| l.contains('^')).unwrap();
    assert_eq!(marks.matches('^').count(), 2, "{stderr}");
}

#[test]
fn errors_in_different_areas_are_reported_together() {
    // One area's mix sums above 1, another names a misspelt channel: both
    // are reported (before, the first hid the second).
    let (_dir, path) = edited(|t| {
        let two_areas = t.replace(
            "[[areas]]\nname = \"Example area\"",
            "[[areas]]\nname = \"Second area\"\nvolume = 100\n\
             mix.transaction = { persnal = 0.5, phone = 0.5 }\n\n\
             [[areas]]\nname = \"Example area\"",
        );
        two_areas.replace(
            "transaction = { personal = 0.4, phone = 0.4, self_service = 0.2 }",
            "transaction = { personal = 0.5, phone = 0.4, self_service = 0.2 }",
        )
    });
    let stderr = check_fails(&path);
    assert!(stderr.contains("unknown channel \"persnal\""), "{stderr}");
    assert!(stderr.contains("sum to 1.1, not 1"), "{stderr}");
    assert!(stderr.contains("2 errors in this input"), "{stderr}");
}

#[test]
fn errors_in_different_events_are_reported_together() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(scenario("vallensbaek-2012.toml")).unwrap();
    let bad = text
        .replacen("start = \"2012-12\"", "start = \"2012-13\"", 1)
        .replacen(
            "areas = [\"Valg af læge og sygesikringsgruppe\"]",
            "areas = [\"Valg af laege\"]",
            1,
        );
    assert_ne!(bad, text);
    let path = dir.path().join("events.toml");
    std::fs::write(&path, bad).unwrap();
    let stderr = check_fails(&path);
    assert!(
        stderr.contains("start \"2012-13\" is not a month"),
        "{stderr}"
    );
    assert!(
        stderr.contains("names unknown area \"Valg af laege\""),
        "{stderr}"
    );
    assert!(stderr.contains("2 errors in this input"), "{stderr}");
}

#[test]
fn a_misspelt_required_key_is_one_error_not_also_a_missing_field() {
    let (_dir, path) = edited(|t| t.replace("base_year = 2011", "base_yaer = 2011"));
    let text = std::fs::read_to_string(&path).unwrap();
    let n = text
        .lines()
        .position(|l| l.starts_with("base_yaer"))
        .unwrap()
        + 1;
    let stderr = check_fails(&path);
    assert_eq!(stderr.matches("error: ").count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "bad.toml:{n}:1: unknown field `base_yaer`, expected `base_year` or `end_year`"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `base_year`?"), "{stderr}");
    assert!(!stderr.contains("missing field"), "{stderr}");
    assert!(!stderr.contains("errors in this input"), "{stderr}");
}

#[test]
fn a_misspelt_required_key_beside_other_errors_still_reports_them_all() {
    // The area's misspelt `name` is one error; its volume in quotes is an
    // independent one: two in all.
    let (_dir, path) = edited(|t| {
        t.replace("name = \"Example area\"", "nmae = \"Example area\"")
            .replace("volume = 10000", "volume = \"10000\"")
    });
    let stderr = check_fails(&path);
    assert!(stderr.contains("unknown field `nmae`"), "{stderr}");
    assert!(stderr.contains("did you mean `name`?"), "{stderr}");
    assert!(
        stderr.contains("invalid type: string \"10000\""),
        "{stderr}"
    );
    assert!(!stderr.contains("missing field `name`"), "{stderr}");
    assert_eq!(stderr.matches("error: ").count(), 2, "{stderr}");
    assert!(stderr.contains("2 errors in this input"), "{stderr}");
}

/// One mistake in a table every area inherits (`[defaults.mix]`) is one
/// error, not one per area (a new user saw it twice with two areas).
#[test]
fn a_mistake_in_inherited_defaults_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        r#"name = "Two areas"
[horizon]
base_year = 2013
end_year = 2016
[prices]
personal = 110
phone = 55
self_service = 8
[defaults]
type_split = { transaction = 1.0 }
[defaults.mix]
transaction = { self_service = 0.3, personal = 0.5, phone = 0.3 }
[defaults.adoption]
p = 0.03
q = 0.35
ceiling = 0.8
[[areas]]
name = "Flytning"
volume = 1000
[[areas]]
name = "Sundhedskort"
volume = 9000
"#,
    )
    .unwrap();
    let stderr = check_fails(&path);
    assert!(
        stderr.contains("bad.toml:12:15: the shares of mix of transaction sum to 1.1, not 1"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("error: ").count(), 1, "{stderr}");
    assert!(!stderr.contains("errors in this input"), "{stderr}");
}

/// A Danish decimal comma (`phone = 50,5`) is a TOML syntax error; the help
/// says to write a point and shows the number as TOML wants it.
#[test]
fn a_decimal_comma_gets_the_number_with_a_point() {
    let (_dir, path) = edited(|t| t.replace("phone = 50\n", "phone = 50,5\n"));
    let stderr = check_fails(&path);
    let line = line_number(&path, "phone = 50,5");
    assert!(stderr.contains(&format!("bad.toml:{line}:11:")), "{stderr}");
    assert!(stderr.contains("| phone = 50,5"), "{stderr}");
    assert!(
        stderr.contains("help: a decimal number takes a point, not a comma: write 50.5"),
        "{stderr}"
    );
    // A comma that is not between digits keeps the general syntax help.
    let (_dir, path) = edited(|t| t.replace("phone = 50\n", "phone = 50,\n"));
    let stderr = check_fails(&path);
    assert!(!stderr.contains("decimal"), "{stderr}");
    assert!(stderr.contains("help: check the TOML syntax"), "{stderr}");
}
