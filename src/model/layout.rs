//! What one trial records: a fixed row of numbers per trial.
//!
//! Money and goal values are kept as `f64` (the figures finance re-derives to
//! the øre); the breakdowns behind them (volumes per channel, displaced
//! contacts, cost components, staffing) as `f32`, which holds 7 significant
//! digits and halves the memory of a million-trial run. A [`Layout`] names
//! every slot, so summaries, JSON, CSV and charts all read the same row.

use crate::domain::OpeningChannel;
use crate::domain::{Channel, N_CHANNELS};
use crate::i18n::SourceName;
use crate::metric_key::{MetricKey, MetricName};
use crate::scenario::{Scenario, OPENING_CHANNELS};
use crate::series_key::{CostPart, RunPath, SeriesKey, StaffingMeasure};

/// Which array of the trial store a metric lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// `f64`: costs, savings, goal values.
    Core,
    /// `f32`: breakdowns.
    Detail,
}

/// One recorded quantity.
#[derive(Debug, Clone)]
pub struct MetricDef {
    /// What the metric is, typed.
    pub name: MetricName,
    /// Stable key used in summary.json and CSV, e.g. `savings_kr`: the
    /// name's `Display`.
    pub key: String,
    /// Unit, e.g. "kr.", "contacts", "share".
    pub unit: &'static str,
    /// One value per year (true) or one per trial (false).
    pub per_year: bool,
    pub store: Store,
    /// Offset of the first slot in its store's row.
    pub offset: usize,
}

/// Offsets of the slots the model writes.
#[derive(Debug, Clone)]
pub struct Slots {
    pub cost_status_quo: usize,
    pub cost_scenario: usize,
    pub savings: usize,
    pub cumulative: usize,
    pub npv: usize,
    pub payback: usize,
    pub goals: Vec<usize>,
    pub handling: [usize; 2],
    pub opening: [usize; 2],
    pub campaign: [usize; 2],
    pub outbound: [usize; 2],
    pub contacts: [usize; 2],
    pub volume: [[usize; N_CHANNELS]; 2],
    pub digital_share: usize,
    pub displaced: [usize; 4],
    pub closure_avoided: usize,
    pub paper_letters: [usize; 2],
    pub digital_post_letters: usize,
    /// Per staffed (department, channel): agents per open hour, service level, ASA; per path.
    pub staffing: Vec<[[usize; 3]; 2]>,
    /// Savings by source, indexed by [`SavingsSource`]; they add up to `savings`.
    pub savings_by_source: [usize; N_SOURCES],
    /// Contacts avoided by partial channel shifts (scenario path), present
    /// only when the scenario has such events.
    pub shift_avoided: Option<usize>,
    /// Started self-service (scenario path): attempts, completed, fallback
    /// contacts, completion rate; only when the scenario models completion.
    pub completion: Option<[usize; 4]>,
    /// Per tracked capability: the share of citizens with it (scenario path,
    /// mean over the year's months).
    pub citizens: Vec<usize>,
    /// Self-service solutions live at the end of each year; only when the
    /// scenario lists solutions.
    pub solutions_live: Option<usize>,
    /// Share of outbound letters sent by Digital Post (scenario path); only
    /// when registration for Digital Post drives it.
    pub outbound_digital_share: Option<usize>,
    /// By area, department and contact type; only with `run --breakdown`.
    pub breakdown: Option<super::breakdown::BreakdownSlots>,
    /// Monthly series; only with `run --monthly`.
    pub monthly: Option<super::monthly::MonthlySlots>,
}

/// Where a year's savings come from (status quo minus scenario of each part
/// of the cost). The five parts add up to the savings of every trial.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavingsSource {
    /// Fewer open hours or fewer staff (opening and staffing cost).
    OpeningHours,
    /// Contacts handled in cheaper channels: adoption, displacement to
    /// digital or phone, closures (handling cost, avoided contacts excluded).
    ChannelShift,
    /// Contacts that are no longer made (citizens who gave up or found the
    /// answer elsewhere), valued at the unit price of the channel they left.
    AvoidedContacts,
    /// The initiatives' own costs (campaigns, events): usually negative.
    Initiatives,
    /// Outbound mail: letters replaced by Digital Post.
    OutboundMail,
}

/// Number of [`SavingsSource`] values.
pub const N_SOURCES: usize = 5;

impl SavingsSource {
    pub const ALL: [SavingsSource; N_SOURCES] = [
        SavingsSource::OpeningHours,
        SavingsSource::ChannelShift,
        SavingsSource::AvoidedContacts,
        SavingsSource::Initiatives,
        SavingsSource::OutboundMail,
    ];

    /// The metric key in summary.json and the CSV files.
    pub fn key(self) -> &'static str {
        match self {
            SavingsSource::OpeningHours => "savings_opening_hours_kr",
            SavingsSource::ChannelShift => "savings_channel_shift_kr",
            SavingsSource::AvoidedContacts => "savings_avoided_contacts_kr",
            SavingsSource::Initiatives => "savings_initiatives_kr",
            SavingsSource::OutboundMail => "savings_outbound_mail_kr",
        }
    }

    /// What the source is, for tables and the report.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            SavingsSource::OpeningHours => SourceName::OpeningHours,
            SavingsSource::ChannelShift => SourceName::ChannelShift,
            SavingsSource::AvoidedContacts => SourceName::AvoidedContacts,
            SavingsSource::Initiatives => SourceName::Initiatives,
            SavingsSource::OutboundMail => SourceName::OutboundMail,
        }
        .get(lang)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The row layout of a scenario's trials.
#[derive(Debug, Clone)]
pub struct Layout {
    pub metrics: Vec<MetricDef>,
    pub core_len: usize,
    pub detail_len: usize,
    pub n_years: usize,
    pub slots: Slots,
    /// (department, opening channel) of each staffed channel, in slot order.
    pub staffed: Vec<(usize, usize)>,
}

struct Builder {
    metrics: Vec<MetricDef>,
    core: usize,
    detail: usize,
    n_years: usize,
}

impl Builder {
    fn add(&mut self, name: MetricName, unit: &'static str, per_year: bool, store: Store) -> usize {
        let width = if per_year { self.n_years } else { 1 };
        let offset = match store {
            Store::Core => {
                self.core += width;
                self.core - width
            }
            Store::Detail => {
                self.detail += width;
                self.detail - width
            }
        };
        self.metrics.push(MetricDef {
            key: name.to_string(),
            name,
            unit,
            per_year,
            store,
            offset,
        });
        offset
    }

    /// A per-year detail slot that is no metric of summary.json (breakdowns).
    fn reserve(&mut self) -> usize {
        self.reserve_width(self.n_years)
    }

    /// `width` detail slots that are no metric of summary.json (monthly series).
    fn reserve_width(&mut self, width: usize) -> usize {
        self.detail += width;
        self.detail - width
    }
}

impl Layout {
    /// The layout for a scenario: fixed metrics, one per goal, one set per staffed channel.
    pub fn new(s: &Scenario) -> Layout {
        let n_years = s.years();
        let mut b = Builder {
            metrics: Vec::new(),
            core: 0,
            detail: 0,
            n_years,
        };
        use Store::*;
        let cost_status_quo = b.add(MetricKey::CostStatusQuo.into(), "kr.", true, Core);
        let cost_scenario = b.add(MetricKey::CostScenario.into(), "kr.", true, Core);
        let savings = b.add(MetricKey::Savings.into(), "kr.", true, Core);
        let cumulative = b.add(MetricKey::CumulativeNetSavings.into(), "kr.", true, Core);
        let npv = b.add(MetricKey::Npv.into(), "kr.", true, Core);
        let payback = b.add(MetricKey::PaybackYear.into(), "year", false, Core);
        let goals = s
            .goals
            .iter()
            .enumerate()
            .map(|(i, _)| b.add(MetricName::Goal(i), "goal metric", true, Core))
            .collect();
        // A per-year detail metric named by a series key, in its unit.
        let series = |b: &mut Builder, k: SeriesKey| {
            let unit = k.unit();
            b.add(k.into(), unit, true, Detail)
        };
        let cost = |b: &mut Builder, part| {
            RunPath::ALL.map(|path| series(b, SeriesKey::Cost { part, path }))
        };
        let handling = cost(&mut b, CostPart::Handling);
        let opening = cost(&mut b, CostPart::Opening);
        let campaign = cost(&mut b, CostPart::Campaign);
        let outbound = cost(&mut b, CostPart::OutboundMail);
        let contacts = [MetricKey::ContactsStatusQuo, MetricKey::ContactsScenario]
            .map(|k| b.add(k.into(), "contacts", true, Detail));
        let mut volume = [[0; N_CHANNELS]; 2];
        for path in RunPath::ALL {
            for channel in Channel::ALL {
                volume[path.index()][channel.index()] =
                    series(&mut b, SeriesKey::Volume { path, channel });
            }
        }
        let digital_share = b.add(
            MetricKey::DigitalShareScenario.into(),
            "share",
            true,
            Detail,
        );
        let displaced = [
            b.add(
                MetricName::Other("displaced_retimed"),
                "contacts",
                true,
                Detail,
            ),
            b.add(
                MetricName::Other("displaced_to_digital"),
                "contacts",
                true,
                Detail,
            ),
            b.add(
                MetricName::Other("displaced_to_phone"),
                "contacts",
                true,
                Detail,
            ),
            b.add(
                MetricName::Other("displaced_avoided"),
                "contacts",
                true,
                Detail,
            ),
        ];
        let closure_avoided = b.add(
            MetricName::Other("closure_avoided"),
            "contacts",
            true,
            Detail,
        );
        let paper_letters = RunPath::ALL.map(|path| series(&mut b, SeriesKey::PaperLetters(path)));
        let digital_post_letters = b.add(
            MetricName::Other("digital_post_letters_scenario"),
            "letters",
            true,
            Detail,
        );
        let mut staffed = Vec::new();
        let mut staffing = Vec::new();
        for (di, d) in s.departments.iter().enumerate() {
            for (ci, _) in OPENING_CHANNELS.iter().enumerate() {
                if d.staffing[ci].is_some() {
                    let mut slots = [[0; 3]; 2];
                    for path in RunPath::ALL {
                        slots[path.index()] = StaffingMeasure::ALL.map(|measure| {
                            let k = SeriesKey::Staffing {
                                department: d.name.clone(),
                                channel: OpeningChannel::at(ci),
                                path,
                                measure,
                            };
                            series(&mut b, k)
                        });
                    }
                    staffed.push((di, ci));
                    staffing.push(slots);
                }
            }
        }
        let savings_by_source =
            SavingsSource::ALL.map(|src| b.add(src.into(), "kr.", true, Detail));
        let shift_avoided = s
            .events
            .iter()
            .any(|e| e.shift.is_some())
            .then(|| b.add(MetricName::Other("shift_avoided"), "contacts", true, Detail));
        let completion = s.completion.is_some().then(|| {
            [
                b.add(
                    MetricName::Other("self_service_attempts"),
                    "contacts",
                    true,
                    Detail,
                ),
                b.add(
                    MetricName::Other("self_service_completed"),
                    "contacts",
                    true,
                    Detail,
                ),
                b.add(
                    MetricName::Other("fallback_contacts"),
                    "contacts",
                    true,
                    Detail,
                ),
                b.add(MetricKey::CompletionRate.into(), "share", true, Detail),
            ]
        });
        let citizens = s
            .citizens
            .iter()
            .map(|c| series(&mut b, SeriesKey::Citizens(c.capability)))
            .collect();
        let solutions_live = (!s.solutions.is_empty()).then(|| {
            b.add(
                MetricName::Other("solutions_live"),
                "solutions",
                true,
                Detail,
            )
        });
        let outbound_digital_share = s.citizens.iter().any(|c| c.drives_outbound).then(|| {
            b.add(
                MetricName::Other("outbound_digital_share_scenario"),
                "share",
                true,
                Detail,
            )
        });
        let breakdown = s
            .breakdown
            .then(|| super::breakdown::BreakdownSlots::new(s, &mut || b.reserve()));
        let n_months = s.months();
        let monthly = s
            .monthly
            .then(|| super::monthly::MonthlySlots::new(s, &mut || b.reserve_width(n_months)));
        Layout {
            metrics: b.metrics,
            core_len: b.core,
            detail_len: b.detail,
            n_years,
            slots: Slots {
                cost_status_quo,
                cost_scenario,
                savings,
                cumulative,
                npv,
                payback,
                goals,
                handling,
                opening,
                campaign,
                outbound,
                contacts,
                volume,
                digital_share,
                displaced,
                closure_avoided,
                paper_letters,
                digital_post_letters,
                staffing,
                savings_by_source,
                shift_avoided,
                completion,
                citizens,
                solutions_live,
                outbound_digital_share,
                breakdown,
                monthly,
            },
            staffed,
        }
    }

    /// The metric with a key.
    pub fn metric(&self, key: &str) -> Option<&MetricDef> {
        self.metrics.iter().find(|m| m.key == key)
    }

    /// The metric whose slots in `store` hold `slot`.
    pub fn metric_at(&self, store: Store, slot: usize) -> Option<&MetricDef> {
        self.metrics.iter().find(|m| {
            let width = if m.per_year { self.n_years } else { 1 };
            m.store == store && (m.offset..m.offset + width).contains(&slot)
        })
    }

    /// The metric named `name`.
    pub fn metric_named(&self, name: &MetricName) -> Option<&MetricDef> {
        self.metrics.iter().find(|m| m.name == *name)
    }
}
