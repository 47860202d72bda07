//! `extends`: deep merge, removal of inherited entries, errors that point at
//! the file a value was written in, `check`'s list of an option's changes,
//! and the loader's defences against files that are not scenarios.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use channelshift::domain::Channel;
use channelshift::scenario::load::{self, ChangeKind};
use channelshift::scenario::{Param, Scenario, Volume};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn solrod() -> String {
    repo()
        .join("scenarios/solrod-2011.toml")
        .display()
        .to_string()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn bin() -> Command {
    Command::cargo_bin("channelshift").unwrap()
}

/// A parameter as text: its value, or its distribution and where it was written.
fn show(s: &Scenario, p: Param) -> String {
    match p {
        Param::Fixed(v) => format!("{v}"),
        Param::Input(i) => format!(
            "{} @ {}",
            s.inputs[i].distribution.describe(),
            s.inputs[i].location
        ),
    }
}

/// A small valid base with fixed displacement fractions, in `dir`.
const SMALL_BASE: &str = r#"name = "Small base"

[horizon]
base_year = 2011
end_year = 2013

[prices]
personal = 100
phone = 50
self_service = 5

[defaults]
type_split = { transaction = 1.0 }
adoption = { p = 0.03, q = 0.38, ceiling = 0.2 }

[[areas]]
name = "A"
volume = 10000
[areas.mix]
transaction = { personal = 0.4, phone = 0.4, self_service = 0.2 }

[[areas]]
name = "B"
volume = 5000   # counted in 2010
[areas.mix]
transaction = { personal = 0.5, phone = 0.5 }

[displacement.counter]
retime = 0.6
to_digital = 0.3

[displacement.phone]
retime = 0.5
"#;

#[test]
fn an_option_with_only_displacement_phone_keeps_the_base_counter() {
    let dir = tempfile::tempdir().unwrap();
    let opt = write(
        dir.path(),
        "opt.toml",
        &format!(
            "extends = {:?}\nname = \"opt\"\n\n[displacement.phone]\nretime = 0.6\n",
            solrod()
        ),
    );
    let base = Scenario::from_file(Path::new(&solrod())).unwrap();
    let s = Scenario::from_file(&opt).unwrap();
    let (c, bc) = (&s.displacement[0], &base.displacement[0]);
    // The counter comes whole from the base: the same triangles, same lines.
    for (a, b) in [
        (c.retime, bc.retime),
        (c.to_digital, bc.to_digital),
        (c.to_phone, bc.to_phone),
    ] {
        assert_eq!(show(&s, a), show(&base, b));
    }
    assert_eq!(
        show(&s, c.retime),
        format!("triangular(0.4, 0.55, 0.7) @ {}:232", solrod())
    );
    // The phone: retime from the option, to_digital still from the base.
    let p = &s.displacement[1];
    assert_eq!(show(&s, p.retime), "0.6");
    assert_eq!(
        show(&s, p.to_digital),
        show(&base, base.displacement[1].to_digital)
    );
    assert!(show(&s, p.to_digital).ends_with("solrod-2011.toml:238"));
}

#[test]
fn an_option_with_only_defaults_adoption_keeps_the_base_type_split_and_mix() {
    let dir = tempfile::tempdir().unwrap();
    let opt = write(
        dir.path(),
        "opt.toml",
        &format!(
            "extends = {:?}\nname = \"opt\"\n\n[defaults.adoption]\np = 0.05\n",
            solrod()
        ),
    );
    let base = Scenario::from_file(Path::new(&solrod())).unwrap();
    let s = Scenario::from_file(&opt).unwrap();
    assert_eq!(s.cells.len(), base.cells.len());
    let last = s.areas.len() - 1;
    for t in 0..3 {
        assert_eq!(
            show(&s, s.areas[last].type_split[t]),
            show(&base, base.areas[last].type_split[t])
        );
    }
    assert_eq!(show(&s, s.areas[last].type_split[0]), "0.3");
    for (c, bc) in s.cells.iter().zip(&base.cells) {
        // p from the option, q and the ceilings still from the base.
        assert_eq!(show(&s, c.p), "0.05");
        assert_eq!(show(&s, c.q), show(&base, bc.q));
        assert_eq!(show(&s, c.ceiling), show(&base, bc.ceiling));
        for (m, bm) in c.mix.iter().zip(&bc.mix) {
            assert_eq!(show(&s, *m), show(&base, *bm));
        }
    }
}

#[test]
fn named_entries_merge_by_name_and_remove_drops_them() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.toml", SMALL_BASE);
    let opt = write(
        dir.path(),
        "opt.toml",
        r#"extends = "base.toml"
name = "opt"

[[areas]]
name = "A"
volume = 12000

[[areas]]
name = "B"
remove = true

[[areas]]
name = "C"
volume = 300
mix.transaction = { personal = 1.0 }
"#,
    );
    let s = Scenario::from_file(&opt).unwrap();
    let names: Vec<&str> = s.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["A", "C"]);
    assert!(matches!(s.areas[0].volume, Volume::Absolute(Param::Fixed(v)) if v == 12000.0));
    // A's mix is inherited.
    let cell = s.cells.iter().find(|c| c.area == 0).unwrap();
    assert_eq!(show(&s, cell.mix[Channel::Personal.index()]), "0.4");
    assert_eq!(show(&s, cell.mix[Channel::SelfService.index()]), "0.2");

    let m = load::load(&opt).unwrap();
    let find = |p: &str| m.changes.iter().find(|c| c.path == p).unwrap();
    let a = find("areas[\"A\"].volume");
    assert_eq!(a.kind, ChangeKind::Changed);
    assert_eq!(a.base.as_ref().unwrap().0, "10000");
    assert_eq!(
        m.sources.position(a.base.as_ref().unwrap().1),
        format!("{}:18", dir.path().join("base.toml").display())
    );
    assert_eq!(a.option.as_ref().unwrap().0, "12000");
    assert_eq!(
        m.sources.position(a.option.as_ref().unwrap().1),
        format!("{}:6", opt.display())
    );
    assert_eq!(find("areas[\"B\"]").kind, ChangeKind::Removed);
    // The name is the entry's identity: not a change, and still the base's.
    assert!(m.changes.iter().all(|c| !c.path.ends_with(".name")));
    let a = &m.areas[0];
    assert_eq!(a.file, 0);
    assert_eq!(
        m.sources.position(a.value.get_ref().name.span().start),
        format!("{}:17", dir.path().join("base.toml").display())
    );
    assert_eq!(find("areas[\"C\"].volume").kind, ChangeKind::Added);
}

#[test]
fn removing_an_entry_the_base_does_not_have_is_an_error_at_its_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.toml", SMALL_BASE);
    let opt = write(
        dir.path(),
        "opt.toml",
        "extends = \"base.toml\"\n\n[[areas]]\nname = \"Nope\"\nremove = true\n",
    );
    let out = bin().arg("check").arg(&opt).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("opt.toml:4:8: there is no inherited areas entry named \"Nope\" to remove"),
        "{err}"
    );
    assert!(err.contains("help:"), "{err}");
}

#[test]
fn a_value_replaces_whole_even_when_written_as_an_inline_table() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.toml", SMALL_BASE);
    let opt = write(
        dir.path(),
        "opt.toml",
        r#"extends = "base.toml"

[prices]
personal = { pert = [80, 100, 140] }
phone = 55

[[areas]]
name = "B"
mix.transaction = { personal = 0.7, self_service = 0.3 }
"#,
    );
    let s = Scenario::from_file(&opt).unwrap();
    let price = |c: Channel| show(&s, s.prices[c.index()].unwrap());
    assert!(
        price(Channel::Personal).starts_with("pert(80, 100, 140) @ "),
        "{}",
        price(Channel::Personal)
    );
    assert!(price(Channel::Personal).ends_with("opt.toml:4"));
    assert_eq!(price(Channel::Phone), "55");
    assert_eq!(price(Channel::SelfService), "5");
    // B's transaction shares are the option's alone: no phone share left over.
    let b = s.cells.iter().find(|c| c.area == 1).unwrap();
    assert_eq!(show(&s, b.mix[Channel::Phone.index()]), "0");
    assert_eq!(show(&s, b.mix[Channel::Personal.index()]), "0.7");
    assert_eq!(show(&s, b.mix[Channel::SelfService.index()]), "0.3");
}

#[test]
fn the_counter_price_alias_still_sets_personal_in_an_option() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.toml", SMALL_BASE);
    let opt = write(
        dir.path(),
        "opt.toml",
        "extends = \"base.toml\"\n[prices]\ncounter = 90\n",
    );
    let s = Scenario::from_file(&opt).unwrap();
    assert_eq!(show(&s, s.prices[Channel::Personal.index()].unwrap()), "90");
    assert_eq!(show(&s, s.prices[Channel::Phone.index()].unwrap()), "50");
}

#[test]
fn an_error_in_a_merged_table_names_the_file_and_the_option_that_changed_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.toml", SMALL_BASE);
    let opt = write(
        dir.path(),
        "opt.toml",
        "extends = \"base.toml\"\n\n[displacement.counter]\nto_phone = 0.2\n",
    );
    let out = bin().arg("check").arg(&opt).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("base.toml:28:1: displacement.counter: retime + to_digital + to_phone"),
        "{err}"
    );
    assert!(err.contains("28 | [displacement.counter]"), "{err}");
    assert!(
        err.contains("note: `displacement.counter` is merged from several files:")
            && err.contains("opt.toml set `to_phone` (line 4) on top of"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn a_bad_value_in_the_option_is_reported_at_the_option_with_its_line_shown() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.toml", SMALL_BASE);
    let opt = write(
        dir.path(),
        "opt.toml",
        "extends = \"base.toml\"\n\n[[areas]]\nname = \"A\"\nvolume = -5   # typo\n",
    );
    let out = bin().arg("check").arg(&opt).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let first = err.lines().next().unwrap();
    assert!(first.contains("opt.toml:5:10: "), "{err}");
    assert!(err.contains("5 | volume = -5   # typo"), "{err}");
    assert!(err.contains("  |          ^^"), "{err}");
    // The option wrote the bad value itself: no note about the merged table.
    assert!(!err.contains("note:"), "{err}");
    assert!(err.contains("help:"), "{err}");
}

#[test]
fn check_lists_what_proposal_1_changes_against_its_base() {
    let out = bin()
        .current_dir(repo())
        .args([
            "check",
            "--lang",
            "en",
            "scenarios/solrod-2011-proposal-1.toml",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("changes against the base (scenarios/solrod-2011.toml): 11\n"),
        "{text}"
    );
    // A change too long for one terminal line goes on with "->" or its
    // position on an indented line.
    assert!(text.contains(
        "  ~ name: \"Solrød 2011: dagens åbningstider\" (scenarios/solrod-2011.toml:34)\n      -> \"Solrød 2011: Forslag 1\" (scenarios/solrod-2011-proposal-1.toml:20)\n"
    ), "{text}");
    assert!(text.contains(
        "  + proposal.hours.\"Øvrige\".phone = \"Mon-Tue 10-14; Wed closed; Thu 10-17; Fri 10-13\"\n      (scenarios/solrod-2011-proposal-1.toml:37)\n"
    ), "{text}");
    assert!(
        text.contains(
            "  + proposal.start = \"2011-01\" (scenarios/solrod-2011-proposal-1.toml:26)\n"
        ),
        "{text}"
    );
    // A base scenario has nothing to compare with.
    let out = bin()
        .current_dir(repo())
        .args(["check", "--lang", "en", "scenarios/solrod-2011.toml"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("changes against"));
}

/// Runs `check` on `file` and returns stderr, asserting exit 2 and no panic.
fn check_fails(file: &Path) -> String {
    let out = bin()
        .arg("check")
        .arg(file)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("help:"), "{err}");
    err
}

#[test]
fn extends_naming_a_directory_points_at_the_extends_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let opt = write(dir.path(), "opt.toml", "name = \"x\"\nextends = \"sub\"\n");
    let err = check_fails(&opt);
    assert!(err.contains("opt.toml:2:11: `extends`: "), "{err}");
    assert!(err.contains("is a directory, not a scenario file"), "{err}");
}

#[cfg(unix)]
#[test]
fn extends_naming_a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(ok.success());
    let opt = write(dir.path(), "opt.toml", "extends = \"pipe.toml\"\n");
    let start = Instant::now();
    let err = check_fails(&opt);
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(err.contains("opt.toml:1:11: `extends`: "), "{err}");
    assert!(err.contains("is not a regular file"), "{err}");
}

#[cfg(unix)]
#[test]
fn extends_naming_dev_zero_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let opt = write(dir.path(), "opt.toml", "extends = \"/dev/zero\"\n");
    let err = check_fails(&opt);
    assert!(
        err.contains("opt.toml:1:11: `extends`: /dev/zero is not a regular file"),
        "{err}"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(load::MAX_FILE_BYTES + 1).unwrap();
    let opt = write(dir.path(), "opt.toml", "extends = \"big.toml\"\n");
    let err = check_fails(&opt);
    assert!(err.contains("opt.toml:1:11: `extends`: "), "{err}");
    assert!(err.contains("is larger than 16 MiB"), "{err}");
    let err = check_fails(&big);
    assert!(err.contains("big.toml is larger than 16 MiB"), "{err}");
}

#[test]
fn non_utf8_input_is_reported_at_the_first_invalid_byte() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin1.toml");
    std::fs::write(&p, b"name = \"x\"\n[[areas]]\nname = \"S\xF8ndag\"\n").unwrap();
    let err = check_fails(&p);
    assert!(
        err.contains("latin1.toml:3:10: the file is not UTF-8 text: byte 0xF8"),
        "{err}"
    );
}

#[test]
fn a_200_part_dotted_header_is_reported_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let key: Vec<String> = (0..200).map(|i| format!("a{i}")).collect();
    let p = write(
        dir.path(),
        "deep.toml",
        &format!("name = \"x\"\n\n[{}]\nk = 1\n", key.join(".")),
    );
    let err = check_fails(&p);
    assert!(
        err.contains("deep.toml:3:1: this key has 200 dotted parts"),
        "{err}"
    );
}

/// `n` areas (each with an uncertain, commented volume if `uncertain`),
/// and an option overriding every volume.
fn many_areas(dir: &Path, n: usize, uncertain: bool) -> PathBuf {
    let mut base = String::from(
        "name = \"many\"\n[horizon]\nbase_year = 2011\nend_year = 2012\n[prices]\npersonal = 100\nphone = 50\nself_service = 5\n[defaults]\ntype_split = { transaction = 1.0 }\nadoption = { p = 0.03, q = 0.38, ceiling = 0.5 }\nmix = { transaction = { personal = 0.5, phone = 0.5 } }\n",
    );
    let mut opt = String::from("extends = \"base.toml\"\nname = \"many option\"\n");
    for i in 0..n {
        if uncertain {
            base.push_str(&format!(
                "[[areas]]\nname = \"a{i}\"\nvolume = {{ triangular = [1, 2, 3] }}   # source {i}\n"
            ));
        } else {
            base.push_str(&format!("[[areas]]\nname = \"a{i}\"\nvolume = 1\n"));
        }
        opt.push_str(&format!("[[areas]]\nname = \"a{i}\"\nvolume = 4\n"));
    }
    write(dir, "base.toml", &base);
    write(dir, "opt.toml", &opt)
}

#[test]
fn merging_250000_areas_is_near_linear() {
    let dir = tempfile::tempdir().unwrap();
    let opt = many_areas(dir.path(), 250_000, false);
    let start = Instant::now();
    let m = load::load(&opt).unwrap();
    let took = start.elapsed();
    assert_eq!(m.areas.len(), 250_000);
    assert_eq!(m.changes.len(), 250_001);
    // Quadratic name lookup took hours here; linear takes about a second.
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn check_with_10000_uncertain_areas_looks_up_comments_fast() {
    let dir = tempfile::tempdir().unwrap();
    let opt = many_areas(dir.path(), 10_000, true);
    let base = dir.path().join("base.toml");
    let start = Instant::now();
    let s = Scenario::from_file(&base).unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    let last = s
        .inputs
        .iter()
        .find(|i| i.key.to_string().contains("a9999"))
        .unwrap();
    assert_eq!(last.comment.as_deref(), Some("source 9999"));
    assert_eq!(
        last.location,
        format!("{}:{}", base.display(), 12 + 3 * 9999 + 3)
    );
    // The option overrides every volume with a number: no uncertain area left.
    let s = Scenario::from_file(&opt).unwrap();
    assert!(s
        .inputs
        .iter()
        .all(|i| !i.key.to_string().contains("volume")));
}
