use super::*;

#[test]
fn text_is_escaped_and_cleaned() {
    let text = "<script>alert('x') & \"y\"</script>\u{1b}[2J\nend";
    assert_eq!(
        html! { p title=(clean_text(text)) { (clean_text(text)) } }.into_string(),
        "<p title=\"&lt;script&gt;alert('x') &amp; &quot;y&quot;&lt;/script&gt;\u{fffd}[2J end\">\
         &lt;script&gt;alert('x') &amp; &quot;y&quot;&lt;/script&gt;\u{fffd}[2J end</p>"
    );
}

#[test]
fn units_stay_with_their_numbers() {
    assert_eq!(
        keep_units_with_numbers("<p>mellem 1,51 og 2,55 mio. kr. i 2015</p>"),
        "<p>mellem 1,51 og <span class=\"nw\">2,55 mio. kr.</span> i 2015</p>"
    );
    assert_eq!(
        keep_units_with_numbers("<td>-643.035 kr.</td><td>&lt; 100 kr.</td><td>68–72 kr.</td><td>90 %</td>"),
        "<td><span class=\"nw\">-643.035 kr.</span></td><td><span class=\"nw\">&lt; 100 kr.</span></td><td><span class=\"nw\">68–72 kr.</span></td><td>90 %</td>"
    );
    assert_eq!(
        keep_units_with_numbers("<p>2-8 kr. og til -5 kr.</p>"),
        "<p><span class=\"nw\">2-8 kr.</span> og til <span class=\"nw\">-5 kr.</span></p>"
    );
    // Markup, the style sheet, the title and charts are left alone; a
    // number inside a word is not an amount.
    let untouched = "<title>5 kr.</title><style>a{b:5 %}</style><svg><text>5 kr.</text></svg><a title=\"5 kr.\">B2 kr.</a>";
    assert_eq!(keep_units_with_numbers(untouched), untouched);
}

#[test]
fn distributions_in_danish() {
    assert_eq!(
        distribution_label("triangular(90, 120, 150)", Lang::Da),
        "trekantfordeling (90; 120; 150)"
    );
    assert_eq!(
        distribution_label("triangular(0, 0.005, 0.012)", Lang::Da),
        "trekantfordeling (0; 0,005; 0,012)"
    );
    assert_eq!(
        distribution_label("log-normal(median 102, 90 % in [80, 130])", Lang::Da),
        "lognormal (median 102; 90 % i [80; 130])"
    );
    assert_eq!(
        distribution_label("normal(mean 1500, sd -2.5, min 0)", Lang::En),
        "normal(mean 1,500, sd -2.5, min 0)"
    );
    assert_eq!(
        distribution_label("discrete(1: 30 %, 2: 70 %)", Lang::Da),
        "diskret (1: 30 %; 2: 70 %)"
    );
    assert_eq!(distribution_label("2.50e20", Lang::Da), "2,50e20");
}

#[test]
fn schedules_in_danish() {
    assert_eq!(
        schedule_label("Mon-Tue 10-14; Wed closed; Thu 10-17; Fri 10-13", Lang::Da),
        "man-tir 10-14; ons lukket; tor 10-17; fre 10-13"
    );
    assert_eq!(schedule_label("Thu 9-18.30", Lang::En), "Thu 9-18.30");
}

#[test]
fn units_and_numbers() {
    assert_eq!(
        unit_label("kr. per contact", Lang::Da),
        "kr. pr. henvendelse"
    );
    assert_eq!(
        unit_label("contacts per year per 1,000 citizens", Lang::Da),
        "henvendelser pr. år pr. 1.000 borgere"
    );
    assert_eq!(
        unit_label("kr. per open hour", Lang::Da),
        "kr. pr. åben time"
    );
    assert_eq!(format_sig(0.005666, 3, Lang::Da), "0,00567");
    assert_eq!(format_sig(120.0, 4, Lang::Da), "120");
    assert_eq!(format_sig(31.5, 4, Lang::Da), "31,5");
    assert_eq!(format_sig(1234567.0, 4, Lang::En), "1,234,567");
    use crate::series_key::{CostPart, RunPath, SeriesKey};
    let volume = SeriesKey::Volume {
        path: RunPath::Scenario,
        channel: crate::domain::Channel::Phone,
    };
    assert_eq!(
        metric_label(volume, Lang::Da),
        "Henvendelser: Telefon, scenarie"
    );
    let opening = SeriesKey::Cost {
        part: CostPart::Opening,
        path: RunPath::StatusQuo,
    };
    assert_eq!(metric_label(opening, Lang::En), "Opening cost, status quo");
    assert_eq!(
        metric_label(crate::model::layout::SavingsSource::ChannelShift, Lang::En),
        "Savings: contacts handled in cheaper channels"
    );
    assert_eq!(
        metric_label(MetricName::Other("displaced_avoided"), Lang::En),
        "Displaced contacts: avoided"
    );
    // A name without a label reads as summary.json spells it.
    assert_eq!(
        metric_label(MetricName::Other("solutions_live"), Lang::Da),
        "solutions_live"
    );
}

/// Series keys are labelled from their parts, and a metric named by a
/// series key labels as the key.
#[test]
fn series_labels_come_from_typed_keys() {
    use crate::domain::{Channel, OpeningChannel};
    use crate::series_key::{CostPart, RunPath, SeriesKey, StaffingMeasure};
    let staffing = SeriesKey::Staffing {
        department: "BSA".into(),
        channel: OpeningChannel::Phone,
        path: RunPath::StatusQuo,
        measure: StaffingMeasure::ServiceLevel,
    };
    assert_eq!(
        series_label(&staffing, Lang::Da),
        "Bemanding BSA telefon, status quo: serviceniveau"
    );
    assert_eq!(
        series_label(&staffing, Lang::En),
        "Staffing BSA phone, status quo: service level"
    );
    let cost = SeriesKey::Cost {
        part: CostPart::Campaign,
        path: RunPath::Scenario,
    };
    assert_eq!(
        series_label(&cost, Lang::Da),
        "Kampagneomkostning, scenarie"
    );
    let volume = SeriesKey::Volume {
        path: RunPath::StatusQuo,
        channel: Channel::SelfService,
    };
    assert_eq!(
        series_label(&volume, Lang::En),
        "Contacts: Self-service, status quo"
    );
    assert_eq!(
        series_label(&SeriesKey::PaperLetters(RunPath::Scenario), Lang::En),
        "Paper letters, scenario"
    );
    for k in [staffing, cost, volume] {
        assert_eq!(
            metric_label(MetricName::Series(k.clone()), Lang::Da),
            series_label(&k, Lang::Da)
        );
    }
    assert_eq!(
        metric_label(MetricKey::ContactsStatusQuo, Lang::Da),
        "Henvendelser i alt, status quo"
    );
}
