use super::*;

/// Every input of every shipped scenario: its name parses back to the same
/// key, and the key writes the same name.
#[test]
fn every_shipped_input_key_round_trips() {
    let mut n = 0;
    for entry in std::fs::read_dir("scenarios").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let s = crate::scenario::Scenario::from_file(&path).unwrap();
        for input in &s.inputs {
            let name = input.key.to_string();
            assert_eq!(InputKey::parse(&name).as_ref(), Some(&input.key), "{name}");
            assert_eq!(input.key.as_stream_key(), name);
            n += 1;
        }
    }
    assert!(n > 100, "only {n} inputs in the shipped scenarios");
}

/// One key of every kind, with names holding dots: the name each writes,
/// and back.
#[test]
fn every_kind_writes_its_name_and_parses_back() {
    let dept = || "Borger.service".to_string();
    let area = || "Hjælp (mv.)".to_string();
    let event = |param| InputKey::event("1. Ny hjemmeside", param);
    let cases: Vec<(InputKey, &str)> = vec![
        (InputKey::Price(Channel::Personal), "prices.personal"),
        (InputKey::PopulationBase, "population.base"),
        (InputKey::PopulationGrowth, "population.growth"),
        (InputKey::DiscountRate, "economics.discount_rate"),
        (InputKey::PriceIndex, "economics.price_index"),
        (
            InputKey::Outbound(OutboundField::PriceDigitalPostKr),
            "outbound_mail.price_digital_post_kr",
        ),
        (
            InputKey::OpenHourCost {
                department: dept(),
                channel: OpeningChannel::Phone,
            },
            "departments.Borger.service.open_hour_cost_kr.phone",
        ),
        (
            InputKey::Staffing {
                department: dept(),
                channel: OpeningChannel::Counter,
                field: StaffingField::HourlyWageKr,
            },
            "departments.Borger.service.staffing.counter.hourly_wage_kr",
        ),
        (
            InputKey::Displacement {
                owner: DisplacementOwner::Scenario,
                channel: OpeningChannel::Phone,
                share: DisplacedShare::Retime,
            },
            "displacement.phone.retime",
        ),
        (
            InputKey::Displacement {
                owner: DisplacementOwner::Department(dept()),
                channel: OpeningChannel::Counter,
                share: DisplacedShare::ToDigital,
            },
            "departments.Borger.service.displacement.counter.to_digital",
        ),
        (
            InputKey::Displacement {
                owner: DisplacementOwner::Area(area()),
                channel: OpeningChannel::Counter,
                share: DisplacedShare::ToPhone,
            },
            "areas.Hjælp (mv.).displacement.counter.to_phone",
        ),
        (
            InputKey::AreaVolume {
                area: area(),
                per_1000: false,
            },
            "areas.Hjælp (mv.).volume",
        ),
        (
            InputKey::AreaVolume {
                area: area(),
                per_1000: true,
            },
            "areas.Hjælp (mv.).volume_per_1000",
        ),
        (
            InputKey::AreaPrice {
                area: area(),
                channel: Channel::Website,
            },
            "areas.Hjælp (mv.).prices.website",
        ),
        (
            InputKey::TypeSplit {
                scope: Scope::Defaults,
                contact_type: ContactType::CaseInformation,
            },
            "defaults.type_split.case_information",
        ),
        (
            InputKey::TypeSplit {
                scope: Scope::Area(area()),
                contact_type: ContactType::Information,
            },
            "areas.Hjælp (mv.).type_split.information",
        ),
        (
            InputKey::Mix {
                scope: Scope::Area(area()),
                contact_type: ContactType::Transaction,
                channel: Channel::DigitalPostIn,
            },
            "areas.Hjælp (mv.).mix.transaction.digital_post_in",
        ),
        (
            InputKey::Adoption {
                scope: Scope::Defaults,
                contact_type: None,
                param: BassParam::Q,
            },
            "defaults.adoption.q",
        ),
        (
            InputKey::Adoption {
                scope: Scope::Area(area()),
                contact_type: Some(ContactType::Transaction),
                param: BassParam::Ceiling,
            },
            "areas.Hjælp (mv.).adoption.transaction.ceiling",
        ),
        (
            InputKey::Adoption {
                scope: Scope::Area(area()),
                contact_type: None,
                param: BassParam::P,
            },
            "areas.Hjælp (mv.).adoption.p",
        ),
        (
            InputKey::Citizens {
                capability: Capability::NemId,
                param: CitizenParam::Today,
            },
            "citizens.nemid.today",
        ),
        (
            InputKey::CompletionRate {
                area: None,
                contact_type: None,
            },
            "completion.rate",
        ),
        (
            InputKey::CompletionRate {
                area: Some(area()),
                contact_type: Some(ContactType::Transaction),
            },
            "areas.Hjælp (mv.).completion.transaction",
        ),
        (InputKey::CompletionComesBack, "completion.comes_back"),
        (
            InputKey::CompletionAbandonedPrice,
            "completion.abandoned_price_kr",
        ),
        (
            InputKey::SolutionDelay {
                solution: "Nye løsninger 2.0".into(),
            },
            "solutions.Nye løsninger 2.0.delay_months",
        ),
        (
            event(EventParam::CostInYearKr(2013)),
            "events.1. Ny hjemmeside.cost_by_year_kr.2013",
        ),
        (
            event(EventParam::Floor(FloorField::Exemption)),
            "events.1. Ny hjemmeside.exemption",
        ),
        (
            event(EventParam::Add(BassAdd::CeilingAdd)),
            "events.1. Ny hjemmeside.ceiling_add",
        ),
        (
            event(EventParam::Target {
                list: TargetList::CloseTo,
                channel: SpelledChannel::from_written("counter").unwrap(),
            }),
            "events.1. Ny hjemmeside.close_to.counter",
        ),
        (
            event(EventParam::Target {
                list: TargetList::ShiftTo,
                channel: SpelledChannel::from_written("personal").unwrap(),
            }),
            "events.1. Ny hjemmeside.shift_to.personal",
        ),
        (
            event(EventParam::Citizens {
                capability: Capability::DigitalPost,
                effect: CitizenEffect::Floor(FloorField::Exemption),
            }),
            "events.1. Ny hjemmeside.citizens.digital_post.exemption",
        ),
        (
            event(EventParam::DigitalPostExemption),
            "events.1. Ny hjemmeside.digital_post_exemption",
        ),
    ];
    for (key, name) in cases {
        assert_eq!(key.to_string(), name);
        assert_eq!(InputKey::parse(name), Some(key), "{name}");
    }
    for bad in [
        "prices.counter",
        "areas.volume",
        "events.x.cost_by_year_kr.y",
        "nope.x",
    ] {
        assert_eq!(InputKey::parse(bad), None, "{bad}");
    }
}

/// summary.json writes a key as its name.
#[test]
fn serialises_as_its_name() {
    let k = InputKey::event("Ny side", EventParam::Add(BassAdd::PAdd));
    assert_eq!(
        serde_json::to_string(&k).unwrap(),
        "\"events.Ny side.p_add\""
    );
}
