//! Weekly opening-hour schedules for phone and counter (MODEL.md section 6).
//!
//! Municipalities write opening hours the way they print them on the web,
//! e.g. `"Mon-Wed 8-15; Thu 8-18.30; Fri 8-13"`, `"Thu 9-14 & 16-18.30"` or
//! `"Wed closed"`, in English or Danish. This module turns such text (or the
//! structured TOML table form `{ mon = "9-15", thu = ["9-14", "16-18.30"] }`)
//! into a [`WeeklySchedule`], measures it (open hours per week, hours weighted
//! by a weekly [`DemandProfile`]) and cuts it into hourly segments for the
//! Erlang C staffing of `super::erlang`.
//!
//! Parsing is strict: a budget decision rests on these hours, so a typo must
//! be an error that says what is wrong, how to fix it and which piece of text
//! is at fault ([`ScheduleError`]), never a silently different schedule.
//!
//! # Grammar (case-insensitive, whitespace tolerant)
//!
//! ```text
//! schedule := "closed" | "lukket" | entry (SEP entry)*     SEP := ';' | ',' | newline
//! entry    := dayspec [':'] times                          (blank entries are skipped)
//! dayspec  := day | day '-' day                            (a range Mon-Wed, never wrapping past Sun)
//! times    := "closed" | "lukket" | interval (JOIN interval)*    JOIN := '&' | "og" | "and"
//! interval := time '-' time
//! time     := H | HH | H.MM | HH.MM | H:MM | HH:MM         (hours 0-24, minutes 00-59, 24 only as an end)
//! day      := mon|monday|man|mandag  tue|tues|tuesday|tir|tirs|tirsdag  wed|wednesday|ons|onsdag
//!             thu|thur|thurs|thursday|tor|tors|torsdag  fri|friday|fre|fredag
//!             sat|saturday|lør|lørdag|lor|lordag  sun|sunday|søn|søndag|son|sondag
//!             (each optionally followed by '.', as in "man.-ons.")
//! ```
//!
//! `-` may also be typed as an en dash or em dash. Days not mentioned are
//! closed. Minutes need not be multiples of 15; quarter-hour slots that are
//! only partly open are reported with their open fraction.

use std::fmt::{self, Write as _};

/// Quarter-hour slots in a week, Monday 00:00-00:15 being slot 0: the
/// resolution of demand profiles (fine enough for "18.30", small enough to
/// store one weight per slot).
pub const SLOTS_PER_WEEK: usize = 7 * 24 * 4;

/// Quarter-hour slots in one day; slot `day * SLOTS_PER_DAY + q` is quarter
/// `q` of `day` (0 = Monday).
pub const SLOTS_PER_DAY: usize = 24 * 4;

/// Minutes in one slot.
pub const MINUTES_PER_SLOT: u32 = 15;

/// Minutes in a day: the largest end time (`24`).
const MINUTES_PER_DAY: u32 = 24 * 60;

/// Canonical English day abbreviations, index 0 = Monday; used by
/// [`fmt::Display`] so that output reads like the municipalities' own tables.
pub const DAY_ABBREVIATIONS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Every accepted spelling of each day (lower case), index 0 = Monday.
const DAY_NAMES: [&[&str]; 7] = [
    &["mon", "monday", "man", "mandag"],
    &["tue", "tues", "tuesday", "tir", "tirs", "tirsdag"],
    &["wed", "wednesday", "ons", "onsdag"],
    &["thu", "thur", "thurs", "thursday", "tor", "tors", "torsdag"],
    &["fri", "friday", "fre", "fredag"],
    &["sat", "saturday", "lør", "lørdag", "lor", "lordag"],
    &["sun", "sunday", "søn", "søndag", "son", "sondag"],
];

/// Words meaning "closed all day".
const CLOSED_WORDS: [&str; 2] = ["closed", "lukket"];

/// Words that join two intervals of one day, besides `&`.
const JOIN_WORDS: [&str; 2] = ["og", "and"];

const DAY_HELP: &str = "use Mon, Tue, Wed, Thu, Fri, Sat, Sun (or Monday..Sunday, \
                        or Danish man, tir, ons, tor, fre, lør, søn / mandag..søndag)";

/// Day index (0 = Monday) of a day name in English or Danish, full or
/// abbreviated, any case, with an optional trailing `.`; `None` if it is not
/// a day. Public so that callers validating their own tables accept exactly
/// the names the text parser accepts.
#[must_use]
pub fn day_index(name: &str) -> Option<usize> {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_suffix('.').unwrap_or(&lower);
    DAY_NAMES.iter().position(|names| names.contains(&lower))
}

fn is_closed_word(word: &str) -> bool {
    CLOSED_WORDS.contains(&word.to_lowercase().as_str())
}

fn is_join_word(word: &str) -> bool {
    JOIN_WORDS.contains(&word.to_lowercase().as_str())
}

/// A schedule (or demand-profile) text that cannot be read.
///
/// `message` says what is wrong and how to fix it, in words a budget officer
/// can act on; `fragment` is the offending piece of the text as typed (empty
/// for an empty schedule), so that the caller can point at it together with
/// the file and option it came from.
#[derive(Debug, Clone)]
pub struct ScheduleError {
    /// What is wrong and what to write instead.
    pub message: String,
    /// The offending piece of text, exactly as typed where possible.
    pub fragment: String,
    /// Byte offset of `fragment` in the text given to
    /// [`WeeklySchedule::parse`], when it is a piece of that text.
    pub offset: Option<usize>,
    /// Address of the fragment as borrowed (see [`ScheduleError::locate_in`]).
    addr: usize,
}

impl ScheduleError {
    fn new(message: impl Into<String>, fragment: &str) -> Self {
        ScheduleError {
            message: message.into(),
            fragment: fragment.to_string(),
            offset: None,
            addr: fragment.as_ptr() as usize,
        }
    }

    /// Sets `offset` when the fragment was borrowed from `text`: its
    /// address minus the text's, checked against the text's bytes there.
    /// Fragments made up for the message (e.g. a normalised entry) get none.
    fn locate_in(mut self, text: &str) -> Self {
        let off = self.addr.wrapping_sub(text.as_ptr() as usize);
        let end = off.checked_add(self.fragment.len());
        if end.is_some_and(|end| text.get(off..end) == Some(self.fragment.as_str())) {
            self.offset = Some(off);
        }
        self
    }
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.fragment.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{} (at \"{}\")", self.message, self.fragment)
        }
    }
}

impl std::error::Error for ScheduleError {}

/// Two errors are equal when they say the same about the same place (the
/// borrowed address does not count).
impl PartialEq for ScheduleError {
    fn eq(&self, other: &Self) -> bool {
        (&self.message, &self.fragment, self.offset)
            == (&other.message, &other.fragment, other.offset)
    }
}

impl Eq for ScheduleError {}

/// The opening hours of one channel over a week.
///
/// Stored per day (0 = Monday) as sorted, non-overlapping, non-touching
/// `(start_minute, end_minute)` intervals with `0 <= start < end <= 1440`;
/// touching intervals (`9-12 & 12-15`) are merged, so two schedules are equal
/// exactly when they are open at the same times.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WeeklySchedule {
    days: [Vec<(u32, u32)>; 7],
}

/// One interval as read, remembering where its text came from so that errors
/// can quote it.
#[derive(Debug, Clone, Copy)]
struct SourcedInterval<'a> {
    start: u32,
    end: u32,
    source: &'a str,
    lo: usize,
    hi: usize,
}

impl SourcedInterval<'_> {
    fn text(&self) -> &str {
        &self.source[self.lo..self.hi]
    }
}

/// Either closed all day or a list of intervals.
enum Times<'a> {
    Closed,
    Open(Vec<SourcedInterval<'a>>),
}

impl WeeklySchedule {
    /// A channel closed all week (zero hours), e.g. a counter that a proposal
    /// shuts entirely; displayed as `closed`.
    #[must_use]
    pub fn closed() -> WeeklySchedule {
        WeeklySchedule::default()
    }

    /// Reads a schedule typed as text, e.g. `"Mon-Wed 8-15; Thu 8-18.30; Fri 8-13"`
    /// (grammar in the module docs).
    ///
    /// # Errors
    /// A [`ScheduleError`] naming the first problem found: an empty text, an
    /// unknown day, a day given twice, a day with no times, times with no day,
    /// an interval that ends at or before its start, a time past 24 or with
    /// minutes past 59, overlapping intervals, a dangling `9-` or `-15`, or a
    /// character that has no place in a schedule.
    pub fn parse(text: &str) -> Result<WeeklySchedule, ScheduleError> {
        Self::parse_text(text).map_err(|e| e.locate_in(text))
    }

    fn parse_text(text: &str) -> Result<WeeklySchedule, ScheduleError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(ScheduleError::new(
                "empty opening-hour schedule; write the hours, e.g. \"Mon-Fri 9-15\", \
                 or write \"closed\" for a channel that is closed all week",
                "",
            ));
        }
        if is_closed_word(trimmed) {
            return Ok(WeeklySchedule::closed());
        }

        if let Some(error) = decimal_comma(text) {
            return Err(error);
        }
        let mut schedule = WeeklySchedule::closed();
        let mut given: [Option<DayGiven>; 7] = Default::default();
        let mut previous: Option<&str> = None;
        for (separator, entry) in split_entries(text) {
            let tokens = lex(entry)?;
            if tokens.is_empty() {
                continue;
            }
            let entry_text = entry.trim();
            let first = tokens[0];
            let first_text = first.text(entry);
            match first.kind {
                Tok::Word if is_closed_word(first_text) => {
                    return Err(ScheduleError::new(
                        format!(
                            "\"{first_text}\" has no day; write the day before it, e.g. \"Wed {first_text}\" \
                             (or write only \"closed\" for a channel closed all week)"
                        ),
                        entry_text,
                    ));
                }
                Tok::Word => {}
                Tok::Number | Tok::Dash => {
                    return Err(times_without_day(entry_text, separator, previous));
                }
                Tok::Amp | Tok::Colon => {
                    return Err(ScheduleError::new(
                        format!(
                            "\"{entry_text}\" must start with a day, e.g. \"Thu 9-14 & 16-18.30\""
                        ),
                        entry_text,
                    ));
                }
            }
            let (days, rest) = parse_day_spec(entry, &tokens)?;
            let day_text = entry[tokens[0].lo..tokens[rest - 1].hi].trim_end_matches(':');
            let times_tokens = &tokens[rest..];
            if times_tokens.is_empty() {
                return Err(ScheduleError::new(
                    format!(
                        "\"{day_text}\" has no opening times; add them, e.g. \"{day_text} 9-15\", \
                         or write \"{day_text} closed\""
                    ),
                    entry_text,
                ));
            }
            let times_text =
                entry[times_tokens[0].lo..times_tokens[times_tokens.len() - 1].hi].trim();
            let times = parse_times(entry, times_tokens)?;
            let intervals = normalise(times)?;
            for day in days {
                if let Some(earlier) = &given[day] {
                    return Err(day_twice(day, earlier, entry_text, times_text, false));
                }
                given[day] = Some(DayGiven {
                    entry: entry_text.to_string(),
                    times: times_text.to_string(),
                });
                schedule.days[day].clone_from(&intervals);
            }
            previous = Some(entry_text);
        }
        if given.iter().all(Option::is_none) {
            // Only separators and blanks: as empty as an empty string.
            return Err(ScheduleError::new(
                "the schedule names no day; write the hours, e.g. \"Mon-Fri 9-15\", \
                 or write \"closed\" for a channel that is closed all week",
                trimmed,
            ));
        }
        Ok(schedule)
    }

    /// Reads the structured table form, as deserialised from TOML such as
    /// `{ mon = "9-15", thu = ["9-14", "16-18.30"], wed = "closed" }`: a list
    /// of (day key, interval strings). A key is a day name as in the text
    /// form or a range (`"mon-wed"`); each string holds one or more intervals
    /// (`"9-14 & 16-18.30"` is allowed) or is `"closed"` alone. Days not
    /// listed are closed. Validated exactly like [`WeeklySchedule::parse`], so
    /// both forms fail on the same mistakes.
    ///
    /// # Errors
    /// An empty table (as for an empty text: say `"closed"` instead), an
    /// unknown day key, a day given twice, a day with an empty list or an
    /// empty string, `"closed"` mixed with times, and every interval error of
    /// the text form.
    pub fn from_days<K, L, T>(days: &[(K, L)]) -> Result<WeeklySchedule, ScheduleError>
    where
        K: AsRef<str>,
        L: AsRef<[T]>,
        T: AsRef<str>,
    {
        if days.is_empty() {
            return Err(ScheduleError::new(
                "empty opening-hour table; list the days, e.g. { mon = \"9-15\" }, or write \
                 \"closed\" for a channel that is closed all week",
                "",
            ));
        }
        let mut schedule = WeeklySchedule::closed();
        let mut given: [Option<DayGiven>; 7] = Default::default();
        for (key, list) in days {
            let key = key.as_ref();
            let list = list.as_ref();
            let key_tokens = lex(key)?;
            let (day_range, rest) = if key_tokens.is_empty() {
                return Err(ScheduleError::new(
                    format!("empty day key; {DAY_HELP}"),
                    key,
                ));
            } else if key_tokens[0].kind != Tok::Word {
                return Err(ScheduleError::new(
                    format!("\"{}\" is not a day; {DAY_HELP}", key.trim()),
                    key,
                ));
            } else {
                parse_day_spec(key, &key_tokens)?
            };
            if rest != key_tokens.len() {
                return Err(ScheduleError::new(
                    format!(
                        "day key \"{}\" must be a day or a range like \"mon-wed\"; \
                         put the times in the value, e.g. mon = \"9-15\"",
                        key.trim()
                    ),
                    key,
                ));
            }
            let day_text = key.trim();
            if list.is_empty() {
                return Err(ScheduleError::new(
                    format!(
                        "{day_text} has an empty list of times; give them, e.g. {day_text} = \"9-15\", \
                         or write {day_text} = \"closed\""
                    ),
                    key,
                ));
            }
            let mut all: Vec<SourcedInterval<'_>> = Vec::new();
            let mut closed = false;
            for item in list {
                let item = item.as_ref();
                let tokens = lex(item)?;
                if tokens.is_empty() {
                    return Err(ScheduleError::new(
                        format!(
                            "{day_text} has an empty time string; give times like \"9-15\", \
                             or write \"closed\""
                        ),
                        item,
                    ));
                }
                if tokens[0].kind == Tok::Word && day_index(tokens[0].text(item)).is_some() {
                    return Err(ScheduleError::new(
                        format!(
                            "the times of {day_text} must not name a day; write only times, \
                             e.g. \"9-15\", and put other days under their own key"
                        ),
                        item.trim(),
                    ));
                }
                match parse_times(item, &tokens)? {
                    Times::Closed => closed = true,
                    Times::Open(ivs) => all.extend(ivs),
                }
            }
            let times_text = list
                .iter()
                .map(|t| t.as_ref().trim())
                .collect::<Vec<_>>()
                .join(" & ");
            if closed && (list.len() > 1) {
                return Err(ScheduleError::new(
                    format!(
                        "{day_text} is both closed and open; give either times or \"closed\", not both"
                    ),
                    &times_text,
                ));
            }
            let intervals = normalise(if closed {
                Times::Closed
            } else {
                Times::Open(all)
            })?;
            let entry_text = format!("{day_text} = {times_text}");
            for day in day_range {
                if let Some(earlier) = &given[day] {
                    return Err(day_twice(day, earlier, &entry_text, &times_text, true));
                }
                given[day] = Some(DayGiven {
                    entry: entry_text.clone(),
                    times: times_text.clone(),
                });
                schedule.days[day].clone_from(&intervals);
            }
        }
        Ok(schedule)
    }

    /// Open intervals of one day (0 = Monday) as `(start_minute, end_minute)`
    /// from midnight, sorted, for callers that need exact times.
    ///
    /// # Panics
    /// If `day >= 7`.
    #[must_use]
    pub fn day_intervals(&self, day: usize) -> &[(u32, u32)] {
        &self.days[day]
    }

    /// True if the channel is closed all week.
    #[must_use]
    pub fn is_closed(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }

    /// Open hours per week, e.g. 36.5 for `"Mon-Wed 8-15; Thu 8-18.30; Fri 8-13"`:
    /// the `hours_per_week` of the opening cost (MODEL.md section 6).
    #[must_use]
    pub fn hours_per_week(&self) -> f64 {
        let minutes: u32 = self
            .days
            .iter()
            .flatten()
            .map(|&(start, end)| end - start)
            .sum();
        f64::from(minutes) / 60.0
    }

    /// The quarter-hour slots that are at least partly open, in week order, as
    /// `(slot, open fraction in (0, 1])`; `"Thu 8-18.30"` ends with the slot
    /// 18:15-18:30 fully open, `"Thu 8-18.10"` with 18:00-18:15 open 2/3.
    /// This is how a schedule meets a [`DemandProfile`], which has one weight
    /// per slot.
    pub fn open_slots(&self) -> impl Iterator<Item = (usize, f64)> {
        let mut slots: Vec<(usize, u32)> = Vec::new();
        for (day, intervals) in self.days.iter().enumerate() {
            for &(start, end) in intervals {
                let first = start / MINUTES_PER_SLOT;
                let last = end.div_ceil(MINUTES_PER_SLOT);
                for q in first..last {
                    let lo = start.max(q * MINUTES_PER_SLOT);
                    let hi = end.min((q + 1) * MINUTES_PER_SLOT);
                    let slot = day * SLOTS_PER_DAY + q as usize;
                    match slots.last_mut() {
                        // Two intervals sharing one slot, e.g. 9-9.05 & 9.10-10.
                        Some((s, minutes)) if *s == slot => *minutes += hi - lo,
                        _ => slots.push((slot, hi - lo)),
                    }
                }
            }
        }
        slots
            .into_iter()
            .map(|(slot, minutes)| (slot, f64::from(minutes) / f64::from(MINUTES_PER_SLOT)))
    }

    /// The share of contacts displaced when these hours become `now`:
    /// `rho = max(0, 1 - H1/H0)` of the demand-weighted hours (MODEL.md
    /// section 6). The engine and every report take it from here.
    #[must_use]
    pub fn displaced_share(&self, now: &WeeklySchedule, profile: &DemandProfile) -> f64 {
        let h0 = self.weighted_hours(profile);
        let h1 = now.weighted_hours(profile);
        if h0 > 0.0 {
            (1.0 - h1 / h0).max(0.0)
        } else {
            0.0
        }
    }

    /// Open hours weighted by the demand profile: the sum over open time of
    /// weight x hours. With [`DemandProfile::uniform`] it equals
    /// [`WeeklySchedule::hours_per_week`].
    #[must_use]
    pub fn weighted_hours(&self, profile: &DemandProfile) -> f64 {
        self.open_slots()
            .map(|(slot, fraction)| fraction * 0.25 * profile.weights[slot])
            .sum()
    }

    /// Canonical text of one day (0 = Monday): `"9-14 & 16-18.30"`, or
    /// `"closed"`; for reports and for the day column of tables.
    ///
    /// # Panics
    /// If `day >= 7`.
    #[must_use]
    pub fn day_text(&self, day: usize) -> String {
        intervals_text(&self.days[day])
    }

    /// The open time cut at clock hours, as `(day, start hour, length in
    /// hours <= 1)`: `"Thu 16-18.30"` gives `(3, 16, 1)`, `(3, 17, 1)`,
    /// `(3, 18, 0.5)`. Staffed mode (MODEL.md sections 6 and 13) sizes the
    /// staff of each segment with Erlang C from that segment's arrival rate.
    /// The lengths sum to [`WeeklySchedule::hours_per_week`].
    #[must_use]
    pub fn hourly_segments(&self) -> Vec<(usize, f64, f64)> {
        let mut segments = Vec::new();
        for (day, intervals) in self.days.iter().enumerate() {
            for &(start, end) in intervals {
                let mut t = start;
                while t < end {
                    let next = end.min((t / 60 + 1) * 60);
                    segments.push((day, f64::from(t) / 60.0, f64::from(next - t) / 60.0));
                    t = next;
                }
            }
        }
        segments
    }
}

/// Canonical text: consecutive days with equal hours grouped as a range, and
/// closed days shown only between the first and the last open day, e.g.
/// `"Mon-Tue 9-15; Wed closed; Thu 9-18.30; Fri 9-13"` (the layout of the
/// municipalities' own tables); `"closed"` when closed all week.
/// [`WeeklySchedule::parse`] reads it back to an equal schedule.
impl fmt::Display for WeeklySchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open: Vec<usize> = (0..7).filter(|&d| !self.days[d].is_empty()).collect();
        let (Some(&first), Some(&last)) = (open.first(), open.last()) else {
            return write!(f, "closed");
        };
        let mut day = first;
        let mut separator = "";
        while day <= last {
            let mut end = day;
            while end < last && self.days[end + 1] == self.days[day] {
                end += 1;
            }
            write!(f, "{separator}{}", DAY_ABBREVIATIONS[day])?;
            if end > day {
                write!(f, "-{}", DAY_ABBREVIATIONS[end])?;
            }
            write!(f, " {}", intervals_text(&self.days[day]))?;
            separator = "; ";
            day = end + 1;
        }
        Ok(())
    }
}

/// Relative demand intensity over the week, one weight per quarter-hour slot
/// (MODEL.md section 13, "Staffed mode": demand within a week follows the
/// weekly demand profile, uniform by default). Weight 2 means twice the
/// contacts per hour of weight 1; only ratios matter.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandProfile {
    weights: Vec<f64>,
}

impl Default for DemandProfile {
    fn default() -> Self {
        DemandProfile::uniform()
    }
}

impl DemandProfile {
    /// Weight 1 in every slot: demand spread evenly over open time, so that
    /// weighted hours are plain hours (the model's default).
    #[must_use]
    pub fn uniform() -> DemandProfile {
        DemandProfile {
            weights: vec![1.0; SLOTS_PER_WEEK],
        }
    }

    /// A profile from `(schedule text, weight)` entries such as
    /// `("Mon-Fri 9-11", 2.0)`: the morning peak counts double. Weight is 1
    /// where no entry applies; later entries override earlier ones where they
    /// overlap. A slot that an entry covers only partly (`"Thu 16-16.10"`) gets
    /// the time-weighted mean of the new and the previous weight, so weights
    /// stay exact per minute when read back by the schedule.
    ///
    /// # Errors
    /// A weight that is negative, infinite or NaN, and any error of
    /// [`WeeklySchedule::parse`] in an entry's text.
    pub fn from_weights<S: AsRef<str>>(
        entries: &[(S, f64)],
    ) -> Result<DemandProfile, ScheduleError> {
        let mut profile = DemandProfile::uniform();
        for (text, weight) in entries {
            let text = text.as_ref();
            if !weight.is_finite() || *weight < 0.0 {
                return Err(ScheduleError::new(
                    format!(
                        "demand weight {weight} for \"{}\" must be a finite number >= 0 \
                         (1 = ordinary demand, 2 = twice as busy)",
                        text.trim()
                    ),
                    text.trim(),
                ));
            }
            let when = WeeklySchedule::parse(text)?;
            for (slot, fraction) in when.open_slots() {
                let old = profile.weights[slot];
                profile.weights[slot] = if fraction >= 1.0 {
                    *weight
                } else {
                    old * (1.0 - fraction) + weight * fraction
                };
            }
        }
        Ok(profile)
    }

    /// The weight of one quarter-hour slot (`slot < SLOTS_PER_WEEK`).
    ///
    /// # Panics
    /// If `slot >= SLOTS_PER_WEEK`.
    #[must_use]
    pub fn slot_weight(&self, slot: usize) -> f64 {
        self.weights[slot]
    }

    /// Weight-hours of the open time of `schedule` within one segment of
    /// `day`, `[start_hour, start_hour + len_hours)` (clipped to the day), as
    /// returned by [`WeeklySchedule::hourly_segments`]: the segment's share of
    /// the week's demand is this divided by
    /// [`WeeklySchedule::weighted_hours`]. Equals `len_hours` for a fully open
    /// segment under the uniform profile.
    ///
    /// # Panics
    /// If `day >= 7`.
    #[must_use]
    pub fn weight_in(
        &self,
        schedule: &WeeklySchedule,
        day: usize,
        start_hour: f64,
        len_hours: f64,
    ) -> f64 {
        let seg_lo = (start_hour * 60.0).max(0.0);
        let seg_hi = ((start_hour + len_hours) * 60.0).min(f64::from(MINUTES_PER_DAY));
        let slot_minutes = f64::from(MINUTES_PER_SLOT);
        let mut total = 0.0;
        for &(start, end) in &schedule.days[day] {
            let lo = seg_lo.max(f64::from(start));
            let hi = seg_hi.min(f64::from(end));
            if hi <= lo {
                continue;
            }
            let first = (lo / slot_minutes).floor() as usize;
            let last = ((hi / slot_minutes).ceil() as usize).min(SLOTS_PER_DAY);
            for q in first..last {
                let piece_lo = lo.max(q as f64 * slot_minutes);
                let piece_hi = hi.min((q + 1) as f64 * slot_minutes);
                if piece_hi > piece_lo {
                    total += (piece_hi - piece_lo) / 60.0 * self.weights[day * SLOTS_PER_DAY + q];
                }
            }
        }
        total
    }
}

/// The times of one day in the structured table form: either one string
/// (`thu = "9-14 & 16-18.30"`, `wed = "closed"`) or a list of strings
/// (`thu = ["9-14", "16-18.30"]`). Deserialise a table into
/// `BTreeMap<String, DayTimes>` and hand its entries to
/// [`WeeklySchedule::from_days`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayTimes(pub Vec<String>);

impl AsRef<[String]> for DayTimes {
    fn as_ref(&self) -> &[String] {
        &self.0
    }
}

impl<'de> serde::Deserialize<'de> for DayTimes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = DayTimes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "opening times as a string like \"9-15\" or \"closed\", \
                     or a list of strings like [\"9-14\", \"16-18.30\"]"
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DayTimes, E> {
                Ok(DayTimes(vec![v.to_string()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<DayTimes, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(DayTimes(out))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

// ---------------------------------------------------------------------------
// Reading text

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Word,
    Number,
    Dash,
    Amp,
    Colon,
}

/// A token with its byte span in the string it was read from.
#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Tok,
    lo: usize,
    hi: usize,
}

impl Token {
    fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.lo..self.hi]
    }
}

/// Where a day was first given, for the "given twice" message.
struct DayGiven {
    entry: String,
    times: String,
}

/// Splits on `;`, `,` and newlines, yielding each entry with the separator
/// that preceded it.
fn split_entries(text: &str) -> Vec<(Option<char>, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut separator = None;
    for (i, c) in text.char_indices() {
        if matches!(c, ';' | ',' | '\n' | '\r') {
            out.push((separator, &text[start..i]));
            separator = Some(c);
            start = i + c.len_utf8();
        }
    }
    out.push((separator, &text[start..]));
    out
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}')
}

fn lex(source: &str) -> Result<Vec<Token>, ScheduleError> {
    let mut tokens = Vec::new();
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let kind;
        let mut end = i + c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() {
            kind = Tok::Word;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // An abbreviation dot, as in "man.-ons.".
            if let Some(&(j, '.')) = chars.peek() {
                end = j + 1;
                chars.next();
            }
        } else if c.is_ascii_digit() {
            kind = Tok::Number;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            if let Some(&(j, '.' | ':')) = chars.peek() {
                end = j + 1;
                chars.next();
                while let Some(&(k, d)) = chars.peek() {
                    if d.is_ascii_digit() {
                        end = k + 1;
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
        } else if is_dash(c) {
            kind = Tok::Dash;
        } else if c == '&' {
            kind = Tok::Amp;
        } else if c == ':' {
            kind = Tok::Colon;
        } else {
            return Err(ScheduleError::new(
                format!(
                    "unexpected character '{c}' in \"{}\"; a schedule uses day names, times like \
                     8 or 18.30, '-' between start and end, '&' between intervals of a day \
                     and ';' between days",
                    source.trim()
                ),
                &source[i..end],
            ));
        }
        tokens.push(Token {
            kind,
            lo: i,
            hi: end,
        });
    }
    Ok(tokens)
}

/// Reads `day` or `day-day` at the start of `tokens` (whose first token is a
/// word) and an optional `:`; returns the days and the index of the first
/// token after them.
fn parse_day_spec(
    source: &str,
    tokens: &[Token],
) -> Result<(std::ops::RangeInclusive<usize>, usize), ScheduleError> {
    let first = tokens[0];
    let from = day_or_error(first.text(source))?;
    let mut next = 1;
    let mut to = from;
    // "Mon -15" is a day and a dangling interval, "Mon- 9-15" a range missing its end.
    let kinds: Vec<Tok> = tokens.iter().take(4).map(|t| t.kind).collect();
    let dangling_interval = kinds.get(2) == Some(&Tok::Number) && kinds.get(3) != Some(&Tok::Dash);
    if kinds.get(1) == Some(&Tok::Dash) && !dangling_interval {
        match tokens.get(2) {
            Some(t) if t.kind == Tok::Word => {
                to = day_or_error(t.text(source))?;
                next = 3;
                if to < from {
                    let text = &source[first.lo..t.hi];
                    return Err(ScheduleError::new(
                        format!(
                            "day range \"{text}\" runs backwards; write it from the earlier day \
                             (Mon first, Sun last), e.g. \"{}-{}\", or give the days separately",
                            DAY_ABBREVIATIONS[to], DAY_ABBREVIATIONS[from]
                        ),
                        text,
                    ));
                }
            }
            _ => {
                let text = &source[first.lo..tokens[1].hi];
                return Err(ScheduleError::new(
                    format!(
                        "day range \"{text}\" has no end day; write e.g. \"Mon-Wed 9-15\", \
                         or drop the '-' for a single day"
                    ),
                    text,
                ));
            }
        }
    }
    if tokens.get(next).map(|t| t.kind) == Some(Tok::Colon) {
        next += 1;
    }
    if let Some(t) = tokens.get(next) {
        if t.kind == Tok::Word && day_index(t.text(source)).is_some() {
            let text = &source[first.lo..t.hi];
            return Err(ScheduleError::new(
                format!(
                    "\"{text}\" lists several days; write a range like \"Mon-Wed 9-15\", or give \
                     each day its own entry separated by ';'"
                ),
                text,
            ));
        }
    }
    Ok((from..=to, next))
}

fn day_or_error(word: &str) -> Result<usize, ScheduleError> {
    day_index(word)
        .ok_or_else(|| ScheduleError::new(format!("unknown day \"{word}\"; {DAY_HELP}"), word))
}

/// Reads `closed` or `interval (& interval)*` from non-empty `tokens`.
fn parse_times<'a>(source: &'a str, tokens: &[Token]) -> Result<Times<'a>, ScheduleError> {
    let whole = source[tokens[0].lo..tokens[tokens.len() - 1].hi].trim();
    if tokens[0].kind == Tok::Word && is_closed_word(tokens[0].text(source)) {
        if tokens.len() > 1 {
            return Err(closed_with_times(whole));
        }
        return Ok(Times::Closed);
    }
    let mut intervals = Vec::new();
    let mut i = 0;
    loop {
        // An interval must start here.
        let Some(&tok) = tokens.get(i) else {
            let joiner = tokens[i - 1].text(source);
            return Err(ScheduleError::new(
                format!("\"{joiner}\" must be followed by another interval, e.g. \"9-14 & 16-18.30\"; drop it if there is none"),
                &source[tokens[i - 4].lo..tokens[i - 1].hi],
            ));
        };
        match tok.kind {
            Tok::Number => {
                let start_text = tok.text(source);
                match tokens.get(i + 1).map(|t| t.kind) {
                    Some(Tok::Dash) => {}
                    _ => {
                        return Err(ScheduleError::new(
                            format!(
                                "\"{start_text}\" is a single time; an opening needs a start and an end, \
                                 e.g. \"{start_text}-15\""
                            ),
                            start_text,
                        ));
                    }
                }
                let dash = tokens[i + 1];
                let end_tok = match tokens.get(i + 2) {
                    Some(t) if t.kind == Tok::Number => *t,
                    _ => {
                        let text = &source[tok.lo..dash.hi];
                        return Err(ScheduleError::new(
                            format!("interval \"{text}\" has no end time; write e.g. \"{start_text}-15\""),
                            text,
                        ));
                    }
                };
                intervals.push(interval(source, tok, end_tok)?);
                i += 3;
            }
            Tok::Dash => {
                let (text, example) = match tokens.get(i + 1) {
                    Some(t) if t.kind == Tok::Number => {
                        (&source[tok.lo..t.hi], format!("9-{}", t.text(source)))
                    }
                    _ => (tok.text(source), "9-15".to_string()),
                };
                return Err(ScheduleError::new(
                    format!("interval \"{text}\" has no start time; write e.g. \"{example}\""),
                    text,
                ));
            }
            Tok::Word => return Err(unexpected_word(source, tok, whole)),
            Tok::Amp => {
                return Err(ScheduleError::new(
                    format!("'&' must stand between two intervals, e.g. \"9-14 & 16-18.30\"; in \"{whole}\" it does not"),
                    whole,
                ));
            }
            Tok::Colon => return Err(unexpected_colon(whole)),
        }
        // After an interval: end, or a joiner.
        let Some(&tok) = tokens.get(i) else { break };
        match tok.kind {
            Tok::Amp => i += 1,
            Tok::Word if is_join_word(tok.text(source)) => i += 1,
            Tok::Number => {
                let first = &source[tokens[i - 3].lo..tokens[i - 1].hi];
                let hi = match (tokens.get(i + 1), tokens.get(i + 2)) {
                    (Some(d), Some(e)) if d.kind == Tok::Dash && e.kind == Tok::Number => e.hi,
                    _ => tok.hi,
                };
                let text = &source[tokens[i - 3].lo..hi];
                let second = &source[tok.lo..hi];
                return Err(ScheduleError::new(
                    format!(
                        "two intervals in \"{text}\" must be joined with '&': \"{first} & {second}\""
                    ),
                    text,
                ));
            }
            Tok::Dash => {
                let hi = tokens.get(i + 1).map_or(tok.hi, |t| t.hi);
                let text = &source[tokens[i - 3].lo..hi];
                return Err(ScheduleError::new(
                    format!("\"{text}\" has too many '-'; an interval is a start and an end, e.g. \"9-15\""),
                    text,
                ));
            }
            Tok::Word => return Err(unexpected_word(source, tok, whole)),
            Tok::Colon => return Err(unexpected_colon(whole)),
        }
    }
    Ok(Times::Open(intervals))
}

fn closed_with_times(whole: &str) -> ScheduleError {
    ScheduleError::new(
        format!(
            "\"{whole}\" mixes \"closed\" with times; give either times or \"closed\", not both"
        ),
        whole,
    )
}

fn unexpected_colon(whole: &str) -> ScheduleError {
    ScheduleError::new(
        format!("unexpected ':' in \"{whole}\"; ':' belongs after a day (\"Mon: 9-15\") or inside a time (\"8:30\")"),
        whole,
    )
}

fn unexpected_word(source: &str, tok: Token, whole: &str) -> ScheduleError {
    let word = tok.text(source);
    if is_closed_word(word) {
        closed_with_times(whole)
    } else if day_index(word).is_some() {
        ScheduleError::new(
            format!("\"{word}\" starts a new day inside \"{whole}\"; separate days with ';', e.g. \"Mon 9-12; Tue 13-15\""),
            word,
        )
    } else {
        ScheduleError::new(
            format!(
                "unexpected word \"{word}\" in \"{whole}\"; after the day write only times like \
                 \"9-14 & 16-18.30\" or \"closed\""
            ),
            word,
        )
    }
}

/// Builds one interval from its start and end tokens, checking the times.
fn interval(source: &str, start: Token, end: Token) -> Result<SourcedInterval<'_>, ScheduleError> {
    let text = &source[start.lo..end.hi];
    let s = clock_minutes(start.text(source))?;
    let e = clock_minutes(end.text(source))?;
    if s == MINUTES_PER_DAY {
        return Err(ScheduleError::new(
            format!("\"{text}\" starts at 24, the end of the day; 24 can only end an interval, e.g. \"18-24\""),
            text,
        ));
    }
    if e <= s {
        return Err(ScheduleError::new(
            format!(
                "interval \"{text}\" ends at or before it starts; write the earlier time first, \
                 e.g. \"{}-{}\" (an opening past midnight is split: \"Fri 22-24; Sat 0-2\")",
                end.text(source),
                start.text(source)
            ),
            text,
        ));
    }
    Ok(SourcedInterval {
        start: s,
        end: e,
        source,
        lo: start.lo,
        hi: end.hi,
    })
}

/// Minutes after midnight of a clock time such as `8`, `08`, `8.30`, `18:30`, `24`.
fn clock_minutes(text: &str) -> Result<u32, ScheduleError> {
    let (hours, minutes) = match text.find(['.', ':']) {
        Some(p) => (&text[..p], Some(&text[p + 1..])),
        None => (text, None),
    };
    if hours.len() > 2 {
        return Err(ScheduleError::new(
            format!("\"{text}\" is not a clock time; write hours with one or two digits, e.g. 8, 08 or 8.30"),
            text,
        ));
    }
    let h: u32 = hours.parse().expect("lexer gives digits");
    let m: u32 = match minutes {
        None => 0,
        Some("") => {
            return Err(ScheduleError::new(
                format!("\"{text}\" has no minutes after the separator; write {h} or {h}.30"),
                text,
            ));
        }
        Some(mm) if mm.len() != 2 => {
            return Err(ScheduleError::new(
                format!(
                    "\"{text}\": write minutes with two digits, e.g. {h}.30 for half past {h} \
                     or {h}.05 for five past (times are clock times, not decimal hours)"
                ),
                text,
            ));
        }
        Some(mm) => mm.parse().expect("lexer gives digits"),
    };
    if h > 24 || (h == 24 && m > 0) {
        return Err(ScheduleError::new(
            format!("\"{text}\" is past 24; hours run from 0 to 24 (24 = midnight at the end of the day)"),
            text,
        ));
    }
    if m > 59 {
        return Err(ScheduleError::new(
            format!(
                "\"{text}\" has minutes past 59; minutes run from 00 to 59 (times are clock times: \
                 {h}.45 is a quarter to {}, not {h}.75)",
                h + 1
            ),
            text,
        ));
    }
    Ok(h * 60 + m)
}

/// Sorts intervals, rejects overlaps and merges touching ones.
fn normalise(times: Times<'_>) -> Result<Vec<(u32, u32)>, ScheduleError> {
    let Times::Open(mut intervals) = times else {
        return Ok(Vec::new());
    };
    intervals.sort_by_key(|iv| (iv.start, iv.end));
    let mut out: Vec<(u32, u32)> = Vec::new();
    let mut last: Option<SourcedInterval<'_>> = None;
    for iv in intervals {
        if let Some(prev) = last {
            if iv.start < prev.end {
                let joined;
                let fragment = if std::ptr::eq(prev.source, iv.source) {
                    let lo = prev.lo.min(iv.lo);
                    let hi = prev.hi.max(iv.hi);
                    &iv.source[lo..hi]
                } else {
                    joined = format!("{} & {}", prev.text(), iv.text());
                    &joined
                };
                return Err(ScheduleError::new(
                    format!(
                        "intervals \"{}\" and \"{}\" overlap; make them one interval (\"{}\") \
                         or correct the times",
                        prev.text(),
                        iv.text(),
                        format_interval(prev.start.min(iv.start), prev.end.max(iv.end)),
                    ),
                    fragment,
                ));
            }
        }
        match out.last_mut() {
            Some(o) if o.1 == iv.start => o.1 = iv.end,
            _ => out.push((iv.start, iv.end)),
        }
        last = Some(iv);
    }
    Ok(out)
}

fn times_without_day(
    entry: &str,
    separator: Option<char>,
    previous: Option<&str>,
) -> ScheduleError {
    let mut message =
        format!("\"{entry}\" has times but no day; write the day first, e.g. \"Thu {entry}\"");
    if let (Some(','), Some(prev)) = (separator, previous) {
        let _ = write!(
            message,
            "; to give one day two intervals join them with '&' (\"{prev} & {entry}\"), \
             because ',' separates entries"
        );
    }
    ScheduleError::new(message, entry)
}

/// A ',' between two digits (`8,30`) is a Danish decimal comma, never valid
/// here since ',' separates entries: catch it before splitting, where it would
/// give a confusing error.
fn decimal_comma(text: &str) -> Option<ScheduleError> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b','
            && i > 0
            && i + 1 < bytes.len()
            && bytes[i - 1].is_ascii_digit()
            && bytes[i + 1].is_ascii_digit()
        {
            let lo = text[..i]
                .rfind(|c: char| !c.is_ascii_digit())
                .map_or(0, |p| p + 1);
            let hi = text[i + 1..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(text.len(), |p| i + 1 + p);
            let fragment = &text[lo..hi];
            let (h, m) = (&text[lo..i], &text[i + 1..hi]);
            return Some(ScheduleError::new(
                format!(
                    "\"{fragment}\" is not a time because ',' separates entries; write minutes with \
                     '.' or ':' (\"{h}.{m}\"), join two intervals of a day with '&' and start \
                     each entry with its day"
                ),
                fragment,
            ));
        }
    }
    None
}

fn day_twice(
    day: usize,
    earlier: &DayGiven,
    entry: &str,
    times: &str,
    table: bool,
) -> ScheduleError {
    let name = DAY_ABBREVIATIONS[day];
    let example = if is_closed_word(&earlier.times) || is_closed_word(times) {
        String::new()
    } else if table {
        format!(
            ", e.g. {} = \"{} & {times}\"",
            name.to_lowercase(),
            earlier.times
        )
    } else {
        format!(", e.g. \"{name} {} & {times}\"", earlier.times)
    };
    ScheduleError::new(
        format!(
            "{name} is given twice (in \"{}\" and in \"{entry}\"); give each day once: keep the right \
             one, or join intervals that do not overlap with &{example}",
            earlier.entry
        ),
        entry,
    )
}

fn format_time(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    if m == 0 {
        format!("{h}")
    } else {
        format!("{h}.{m:02}")
    }
}

fn format_interval(start: u32, end: u32) -> String {
    format!("{}-{}", format_time(start), format_time(end))
}

fn intervals_text(intervals: &[(u32, u32)]) -> String {
    if intervals.is_empty() {
        return "closed".to_string();
    }
    intervals
        .iter()
        .map(|&(s, e)| format_interval(s, e))
        .collect::<Vec<_>>()
        .join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> WeeklySchedule {
        WeeklySchedule::parse(text).unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
    }

    fn reject(text: &str) -> ScheduleError {
        match WeeklySchedule::parse(text) {
            Ok(s) => panic!("{text:?} should be rejected, got {s}"),
            Err(e) => e,
        }
    }

    fn assert_close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    /// Minutes of a clock time, for readable expectations.
    fn hm(h: u32, m: u32) -> u32 {
        h * 60 + m
    }

    // ---- the Solrød table (DOMAIN.md) ----

    #[test]
    fn solrod_totals() {
        let cases = [
            (
                "BSA phone today",
                "Mon-Wed 8-15; Thu 8-18.30; Fri 8-13",
                36.5,
            ),
            (
                "BSA counter today",
                "Mon-Wed 9-15; Thu 9-18.30; Fri 9-13",
                31.5,
            ),
            (
                "other phone today",
                "Mon-Tue 9-15; Wed closed; Thu 9-18.30; Fri 9-13",
                25.5,
            ),
            // The table's 26.5 counts the job centre's 9-14 on Mon-Wed;
            // the other departments' own counter (9-13) gives 23.5.
            (
                "other counter today (JC)",
                "Mon-Wed 9-14; Thu 9-14 & 16-18.30; Fri 9-13",
                26.5,
            ),
            (
                "other counter today",
                "Mon-Wed 9-13; Thu 9-14 & 16-18.30; Fri 9-13",
                23.5,
            ),
            (
                "proposal 1",
                "Mon-Tue 10-14; Wed closed; Thu 10-17; Fri 10-13",
                18.0,
            ),
            (
                "proposal 1 BSA",
                "Mon-Wed 10-14; Thu 10-18; Fri 10-13",
                23.0,
            ),
            ("proposal 2", "Mon-Wed 10-14; Thu 13-17; Fri 10-13", 19.0),
            (
                "proposal 2 BSA",
                "Mon-Wed 10-14; Thu 13-18; Fri 10-13",
                20.0,
            ),
        ];
        for (name, text, hours) in cases {
            let s = parse(text);
            assert_eq!(s.hours_per_week(), hours, "{name}: {text}");
            assert_eq!(s.weighted_hours(&DemandProfile::uniform()), hours, "{name}");
            let segment_hours: f64 = s.hourly_segments().iter().map(|seg| seg.2).sum();
            assert_close(segment_hours, hours);
            assert_eq!(parse(&s.to_string()), s, "{name} round trip");
        }
    }

    #[test]
    fn solrod_in_danish_and_as_table() {
        let english = parse("Mon-Wed 9-13; Thu 9-14 & 16-18.30; Fri 9-13");
        let danish = parse("man.-ons. 9-13\ntorsdag 9-14 og 16-18.30\nFredag: 9-13");
        assert_eq!(danish, english);
        let table = WeeklySchedule::from_days(&[
            ("mon-wed", vec!["9-13"]),
            ("thu", vec!["9-14", "16-18.30"]),
            ("fri", vec!["9-13"]),
            ("sat", vec!["closed"]),
        ])
        .unwrap();
        assert_eq!(table, english);
    }

    // ---- accepted forms ----

    #[test]
    fn parses_days_and_intervals() {
        let s = parse("Mon-Wed 8-15; Thu 8-18.30; Fri 8-13");
        for day in 0..3 {
            assert_eq!(s.day_intervals(day), &[(hm(8, 0), hm(15, 0))]);
        }
        assert_eq!(s.day_intervals(3), &[(hm(8, 0), hm(18, 30))]);
        assert_eq!(s.day_intervals(4), &[(hm(8, 0), hm(13, 0))]);
        assert!(s.day_intervals(5).is_empty() && s.day_intervals(6).is_empty());
    }

    #[test]
    fn accepts_every_time_form() {
        let expected = [(hm(8, 0), hm(18, 30))];
        for text in [
            "Thu 8-18.30",
            "Thu 08-18:30",
            "Thu 8.00-18.30",
            "Thu 08:00 - 18:30",
            "Thu 8 \u{2013} 18.30",
        ] {
            assert_eq!(parse(text).day_intervals(3), &expected, "{text}");
        }
        assert_eq!(parse("Fri 18-24").day_intervals(4), &[(hm(18, 0), 1440)]);
        assert_eq!(parse("Fri 18-24.00").day_intervals(4), &[(hm(18, 0), 1440)]);
        assert_eq!(parse("Sun 0-6").day_intervals(6), &[(0, hm(6, 0))]);
        assert_eq!(
            parse("Mon 9.07-9.52").day_intervals(0),
            &[(hm(9, 7), hm(9, 52))]
        );
    }

    #[test]
    fn accepts_every_day_name() {
        let names: [&[&str]; 7] = [
            &["Mon", "monday", "MAN", "Mandag", "man."],
            &["Tue", "Tues", "Tuesday", "tir", "tirs", "Tirsdag"],
            &["Wed", "Wednesday", "ons", "ONSDAG"],
            &["Thu", "Thur", "Thurs", "Thursday", "tor", "tors", "torsdag"],
            &["Fri", "Friday", "fre", "fredag"],
            &["Sat", "Saturday", "lør", "LØR", "Lørdag", "lor", "lordag"],
            &["Sun", "Sunday", "søn", "Søndag", "son", "sondag"],
        ];
        for (day, spellings) in names.iter().enumerate() {
            for name in *spellings {
                let s = parse(&format!("{name} 9-10"));
                assert_eq!(s.hours_per_week(), 1.0, "{name}");
                assert_eq!(s.day_intervals(day), &[(hm(9, 0), hm(10, 0))], "{name}");
                assert_eq!(day_index(name), Some(day));
            }
        }
        assert_eq!(day_index("Mnd"), None);
    }

    #[test]
    fn accepts_separators_joiners_and_whitespace() {
        let expected = parse("Mon-Wed 8-15; Thu 9-14 & 16-18.30");
        for text in [
            "Mon-Wed 8-15, Thu 9-14 & 16-18.30",
            "Mon-Wed 8-15\nThu 9-14 og 16-18.30",
            "Mon-Wed 8-15\r\n\r\nThu 9-14 and 16-18.30\n",
            "  mon - wed   8 - 15 ;thu 9-14&16-18.30;  ",
            "Mon-Wed: 8-15; Thu: 9-14 & 16-18.30",
            "Mon-Wed8-15;Thu9-14&16-18.30",
            "Thu 16-18.30 & 9-14; Mon-Wed 8-15",
        ] {
            assert_eq!(parse(text), expected, "{text}");
        }
    }

    #[test]
    fn closed_forms() {
        assert_eq!(parse("closed"), WeeklySchedule::closed());
        assert_eq!(parse(" Lukket "), WeeklySchedule::closed());
        assert!(parse("closed").is_closed());
        let s = parse("Mon-Tue 9-15; Wed closed; Thu 9-18.30; Fri 9-13");
        assert!(s.day_intervals(2).is_empty());
        assert_eq!(s, parse("Mon-Tue 9-15; Thu 9-18.30; Fri 9-13"));
        assert_eq!(parse("Mon 9-12; ons lukket"), parse("Mon 9-12"));
        assert_eq!(WeeklySchedule::closed().hours_per_week(), 0.0);
        assert_eq!(WeeklySchedule::closed().to_string(), "closed");
    }

    #[test]
    fn touching_intervals_merge() {
        let s = parse("Mon 9-12 & 12-15");
        assert_eq!(s, parse("Mon 9-15"));
        assert_eq!(s.day_text(0), "9-15");
    }

    // ---- rejections ----

    /// Asserts the error's fragment and that its message contains each hint.
    fn check_reject(text: &str, fragment: &str, hints: &[&str]) {
        let e = reject(text);
        assert_eq!(e.fragment, fragment, "fragment for {text:?}: {e}");
        for hint in hints {
            assert!(
                e.message.contains(hint),
                "message for {text:?} lacks {hint:?}: {}",
                e.message
            );
        }
    }

    #[test]
    fn rejects_end_not_after_start() {
        check_reject(
            "Mon 15-9",
            "15-9",
            &["ends at or before it starts", "\"9-15\""],
        );
        check_reject("Mon 9-9", "9-9", &["ends at or before it starts"]);
        check_reject("Fri 22-2", "22-2", &["Fri 22-24; Sat 0-2"]);
        check_reject("Mon 24-24", "24-24", &["24 can only end an interval"]);
    }

    #[test]
    fn rejects_times_out_of_range() {
        check_reject("Mon 9-25", "25", &["past 24", "0 to 24"]);
        check_reject("Mon 9-24.30", "24.30", &["past 24"]);
        check_reject("Mon 9.75-15", "9.75", &["minutes past 59", "9.45"]);
        check_reject("Mon 9-15.60", "15.60", &["minutes past 59"]);
        check_reject("Mon 9.5-15", "9.5", &["two digits", "9.30"]);
        check_reject("Mon 9.-15", "9.", &["no minutes", "9.30"]);
        check_reject("Mon 0800-1500", "0800", &["not a clock time", "8.30"]);
        check_reject("Mon 9.300-15", "9.300", &["two digits"]);
    }

    #[test]
    fn rejects_overlaps() {
        check_reject("Mon 9-14 & 13-16", "9-14 & 13-16", &["overlap", "\"9-16\""]);
        check_reject("Mon 13-16 & 9-14", "13-16 & 9-14", &["overlap"]);
        check_reject("Mon 9-17 & 10-11", "9-17 & 10-11", &["overlap", "\"9-17\""]);
        check_reject("Mon 9-12 & 9-12", "9-12 & 9-12", &["overlap"]);
    }

    #[test]
    fn rejects_day_given_twice() {
        check_reject(
            "Mon 9-12; Mon 13-15",
            "Mon 13-15",
            &[
                "Mon is given twice",
                "join intervals that do not overlap with &",
                "\"Mon 9-12 & 13-15\"",
            ],
        );
        check_reject(
            "Mon-Wed 9-12; tirsdag 13-15",
            "tirsdag 13-15",
            &["Tue is given twice", "\"Mon-Wed 9-12\""],
        );
        check_reject("Wed closed; Wed 9-12", "Wed 9-12", &["Wed is given twice"]);
    }

    #[test]
    fn rejects_unknown_days() {
        check_reject("Mnd 9-15", "Mnd", &["unknown day \"Mnd\"", "Mon", "man"]);
        check_reject("Xyz 9-15", "Xyz", &["unknown day"]);
        check_reject("Mon-Xyz 9-15", "Xyz", &["unknown day"]);
        check_reject(
            "Fri-Mon 9-15",
            "Fri-Mon",
            &["runs backwards", "\"Mon-Fri\""],
        );
        check_reject("Mon- 9-15", "Mon-", &["no end day"]);
        check_reject("Mon Tue 9-15", "Mon Tue", &["several days", "Mon-Wed"]);
    }

    #[test]
    fn rejects_dangling_intervals() {
        check_reject("Mon 9-", "9-", &["no end time", "\"9-15\""]);
        check_reject("Mon 9- & 13-15", "9-", &["no end time"]);
        check_reject("Mon -15", "-15", &["no start time", "\"9-15\""]);
        check_reject("Mon -15 & 16-18", "-15", &["no start time"]);
        check_reject("Mon 9-12 & -15", "-15", &["no start time"]);
        check_reject("Mon 9", "9", &["single time", "start and an end"]);
        check_reject("Mon 9-12 &", "9-12 &", &["followed by another interval"]);
        check_reject("Mon & 9-12", "& 9-12", &["between two intervals"]);
        check_reject(
            "Mon 9-12 13-15",
            "9-12 13-15",
            &["joined with '&'", "\"9-12 & 13-15\""],
        );
        check_reject("Mon 9-12 13", "9-12 13", &["joined with '&'"]);
        check_reject("Mon 9-12-15", "9-12-15", &["too many '-'"]);
    }

    #[test]
    fn rejects_missing_days_or_times() {
        check_reject(
            "Mon",
            "Mon",
            &["no opening times", "\"Mon 9-15\"", "\"Mon closed\""],
        );
        check_reject("Mon-Wed; Thu 9-12", "Mon-Wed", &["no opening times"]);
        check_reject("9-15", "9-15", &["no day", "\"Thu 9-15\""]);
        check_reject(
            "Thu 9-14, 16-18.30",
            "16-18.30",
            &["no day", "join them with '&'", "\"Thu 9-14 & 16-18.30\""],
        );
        check_reject(
            "Mon 9-12; closed",
            "closed",
            &["has no day", "\"Wed closed\""],
        );
        check_reject(
            "Mon closed & 9-12",
            "closed & 9-12",
            &["mixes \"closed\" with times"],
        );
        check_reject(
            "Mon 9-12 lukket",
            "9-12 lukket",
            &["mixes \"closed\" with times"],
        );
        check_reject("Mon 9-12 Tue 13-15", "Tue", &["separate days with ';'"]);
        check_reject("Mon 9-12 until", "until", &["unexpected word"]);
    }

    #[test]
    fn rejects_garbage_and_empty() {
        check_reject(
            "Mon 9-15!",
            "!",
            &["unexpected character '!'", "';' between days"],
        );
        check_reject("Mon 9-15 / Tue", "/", &["unexpected character"]);
        check_reject(
            "Mon 8,30-15",
            "8,30",
            &["',' separates entries", "\"8.30\""],
        );
        check_reject("Mon: : 9-15", ": 9-15", &["unexpected ':'"]);
        check_reject("", "", &["empty", "\"closed\""]);
        check_reject("   \n ", "", &["empty", "\"closed\""]);
        check_reject(" ; ;", "; ;", &["names no day", "\"closed\""]);
    }

    #[test]
    fn error_display_names_the_fragment() {
        let e = reject("Mon 15-9");
        assert_eq!(e.to_string(), format!("{} (at \"15-9\")", e.message));
        let e = reject("");
        assert_eq!(e.to_string(), e.message);
    }

    // ---- structured table form ----

    #[test]
    fn from_days_accepts_and_validates() {
        let s = WeeklySchedule::from_days(&[
            ("mon", vec!["9-15".to_string()]),
            ("Thursday", vec!["9-14".to_string(), "16-18.30".to_string()]),
            ("wed", vec!["closed".to_string()]),
        ])
        .unwrap();
        assert_eq!(s, parse("Mon 9-15; Thu 9-14 & 16-18.30"));
        let one_string = WeeklySchedule::from_days(&[("tor", vec!["9-14 & 16-18.30"])]).unwrap();
        assert_eq!(one_string, parse("Thu 9-14 & 16-18.30"));

        let err = |days: &[(&str, Vec<&str>)]| WeeklySchedule::from_days(days).unwrap_err();
        let e = err(&[("mnd", vec!["9-15"])]);
        assert_eq!(e.fragment, "mnd");
        assert!(e.message.contains("unknown day"), "{e}");
        let e = err(&[("mon", vec!["9-12"]), ("monday", vec!["13-15"])]);
        assert_eq!(e.fragment, "monday = 13-15");
        assert!(e.message.contains("Mon is given twice"), "{e}");
        assert!(e.message.contains("e.g. mon = \"9-12 & 13-15\""), "{e}");
        let e = err(&[]);
        assert!(e.message.contains("empty opening-hour table"), "{e}");
        let e = err(&[("mon-wed", vec!["9-12"]), ("tue", vec!["13-15"])]);
        assert!(e.message.contains("Tue is given twice"), "{e}");
        let e = err(&[("thu", vec!["9-14", "13-16"])]);
        assert_eq!(e.fragment, "9-14 & 13-16");
        assert!(e.message.contains("overlap"), "{e}");
        let e = err(&[("thu", vec!["15-9"])]);
        assert_eq!(e.fragment, "15-9");
        let e = err(&[("thu", vec![])]);
        assert!(
            e.message.contains("empty list") && e.message.contains("\"closed\""),
            "{e}"
        );
        let e = err(&[("thu", vec![" "])]);
        assert!(e.message.contains("empty time string"), "{e}");
        let e = err(&[("thu", vec!["closed", "9-12"])]);
        assert!(e.message.contains("both closed and open"), "{e}");
        let e = err(&[("thu", vec!["Thu 9-12"])]);
        assert!(e.message.contains("must not name a day"), "{e}");
        let e = err(&[("thu 9-12", vec!["9-12"])]);
        assert!(e.message.contains("must be a day or a range"), "{e}");
        let e = err(&[("9", vec!["9-12"])]);
        assert!(e.message.contains("not a day"), "{e}");
        let e = err(&[("thu", vec!["9-25"])]);
        assert_eq!(e.fragment, "25");
    }

    #[test]
    fn from_days_reads_toml_tables() {
        #[derive(serde::Deserialize)]
        struct Option1 {
            phone: std::collections::BTreeMap<String, DayTimes>,
        }
        let doc: Option1 = toml::from_str(
            r#"phone = { mon = "9-15", thu = ["9-14", "16-18.30"], wed = "closed" }"#,
        )
        .unwrap();
        let entries: Vec<(&String, &DayTimes)> = doc.phone.iter().collect();
        let s = WeeklySchedule::from_days(&entries).unwrap();
        assert_eq!(s, parse("Mon 9-15; Thu 9-14 & 16-18.30"));
        assert_eq!(s.hours_per_week(), 13.5);
        let bad: Result<Option1, _> = toml::from_str("phone = { mon = 9 }");
        let message = bad.err().unwrap().to_string();
        assert!(message.contains("a string like \"9-15\""), "{message}");
    }

    // ---- display ----

    #[test]
    fn display_is_compact_and_canonical() {
        assert_eq!(
            parse("Mon 8-15; Tue 8-15; Wed 8-15; Thu 8-18.30; Fri 8-13").to_string(),
            "Mon-Wed 8-15; Thu 8-18.30; Fri 8-13"
        );
        assert_eq!(
            parse("fre 9-13; tor 9-18:30; man-tir 09.00-15.00").to_string(),
            "Mon-Tue 9-15; Wed closed; Thu 9-18.30; Fri 9-13"
        );
        assert_eq!(
            parse("Tue 9-10; Fri 9-10").to_string(),
            "Tue 9-10; Wed-Thu closed; Fri 9-10"
        );
        assert_eq!(parse("Sat-Sun 10-14").to_string(), "Sat-Sun 10-14");
        assert_eq!(
            parse("Mon 9.05-9.10 & 16-18.30").to_string(),
            "Mon 9.05-9.10 & 16-18.30"
        );
        let s = parse("Mon-Wed 9-13; Thu 9-14 & 16-18.30; Fri 9-13");
        assert_eq!(s.day_text(3), "9-14 & 16-18.30");
        assert_eq!(s.day_text(5), "closed");
        assert_eq!(s.day_text(0), "9-13");
    }

    proptest::proptest! {
        #[test]
        fn display_round_trips(
            cuts in proptest::collection::vec(proptest::collection::btree_set(0u32..=1440, 0..7), 7)
        ) {
            // Sorted distinct cut points paired up give non-overlapping intervals
            // (some touching pairs are merged by the parser; the schedule is
            // built through from_days so that both forms are exercised).
            let mut table: Vec<(String, Vec<String>)> = Vec::new();
            for (day, set) in cuts.iter().enumerate() {
                let points: Vec<u32> = set.iter().copied().collect();
                let intervals: Vec<String> = points
                    .chunks_exact(2)
                    .map(|p| format_interval(p[0], p[1]))
                    .collect();
                if !intervals.is_empty() {
                    table.push((DAY_ABBREVIATIONS[day].to_lowercase(), intervals));
                }
            }
            // A table with no open interval at all is refused by design
            // ("empty opening-hour table"), not a schedule to round-trip.
            proptest::prop_assume!(!table.is_empty());
            let s = WeeklySchedule::from_days(&table).unwrap();
            let text = s.to_string();
            let back = WeeklySchedule::parse(&text).unwrap();
            proptest::prop_assert_eq!(&back, &s, "text {}", text);
            proptest::prop_assert_eq!(back.to_string(), text);
            let from_slots: f64 = s.open_slots().map(|(_, f)| f * 0.25).sum();
            proptest::prop_assert!((from_slots - s.hours_per_week()).abs() < 1e-9);
        }
    }

    // ---- slots, segments and demand profiles ----

    #[test]
    fn open_slots_of_half_past() {
        let slots: Vec<(usize, f64)> = parse("Thu 17-18.30").open_slots().collect();
        let thu = 3 * SLOTS_PER_DAY;
        let expected: Vec<(usize, f64)> = (68..74).map(|q| (thu + q, 1.0)).collect();
        assert_eq!(slots, expected);

        let slots: Vec<(usize, f64)> = parse("Thu 17.40-18.40").open_slots().collect();
        assert_eq!(slots.len(), 5);
        assert_eq!(slots[0].0, thu + 70); // 17:30-17:45, open from 17:40
        assert_close(slots[0].1, 5.0 / 15.0);
        assert_eq!(
            &slots[1..4],
            &[(thu + 71, 1.0), (thu + 72, 1.0), (thu + 73, 1.0)]
        );
        assert_eq!(slots[4].0, thu + 74); // 18:30-18:45, open to 18:40
        assert_close(slots[4].1, 10.0 / 15.0);

        // Two intervals sharing one slot are summed into it.
        let slots: Vec<(usize, f64)> = parse("Mon 9-9.05 & 9.10-9.15").open_slots().collect();
        assert_eq!(slots.len(), 1);
        assert_eq!(slots[0].0, 36);
        assert_close(slots[0].1, 10.0 / 15.0);
        assert_eq!(
            parse("Sun 23.45-24").open_slots().collect::<Vec<_>>(),
            vec![(SLOTS_PER_WEEK - 1, 1.0)]
        );
    }

    #[test]
    fn hourly_segments_cut_at_clock_hours() {
        assert_eq!(
            parse("Thu 9-14 & 16-18.30").hourly_segments(),
            vec![
                (3, 9.0, 1.0),
                (3, 10.0, 1.0),
                (3, 11.0, 1.0),
                (3, 12.0, 1.0),
                (3, 13.0, 1.0),
                (3, 16.0, 1.0),
                (3, 17.0, 1.0),
                (3, 18.0, 0.5),
            ]
        );
        let segs = parse("Mon 8.15-9.45").hourly_segments();
        assert_eq!(segs, vec![(0, 8.25, 0.75), (0, 9.0, 0.75)]);
    }

    #[test]
    fn demand_profile_weights_thursday_evening() {
        let profile = DemandProfile::from_weights(&[("Thu 16-18.30".to_string(), 2.0)]).unwrap();
        let counter = parse("Mon-Wed 9-13; Thu 9-14 & 16-18.30; Fri 9-13");
        // 23.5 open hours, of which 2.5 now count double: +2.5 exactly.
        assert_eq!(counter.weighted_hours(&profile), 23.5 + 2.5);
        let bsa_phone = parse("Mon-Wed 8-15; Thu 8-18.30; Fri 8-13");
        assert_eq!(bsa_phone.weighted_hours(&profile), 36.5 + 2.5);
        // Proposal 2 closes at 17: only 16-17 of the peak remains.
        let p2 = parse("Mon-Wed 10-14; Thu 13-17; Fri 10-13");
        assert_eq!(p2.weighted_hours(&profile), 19.0 + 1.0);
        // Per segment: the 18-18.30 half hour carries weight 2.
        assert_eq!(profile.weight_in(&counter, 3, 18.0, 0.5), 1.0);
        assert_eq!(profile.weight_in(&counter, 3, 16.0, 1.0), 2.0);
        assert_eq!(profile.weight_in(&counter, 3, 9.0, 1.0), 1.0);
        // A segment longer than the open time counts only open time.
        assert_eq!(profile.weight_in(&counter, 3, 18.0, 1.0), 1.0);
        assert_eq!(profile.weight_in(&counter, 3, 14.0, 2.0), 0.0);
        assert_eq!(profile.weight_in(&counter, 5, 9.0, 1.0), 0.0);
        // The segments' weights add up to the weighted hours.
        let total: f64 = counter
            .hourly_segments()
            .iter()
            .map(|&(d, start, len)| profile.weight_in(&counter, d, start, len))
            .sum();
        assert_close(total, counter.weighted_hours(&profile));
    }

    #[test]
    fn demand_profile_overrides_and_partial_slots() {
        assert_eq!(DemandProfile::default(), DemandProfile::uniform());
        let s = parse("Mon-Fri 9-15");
        assert_eq!(
            s.weighted_hours(&DemandProfile::uniform()),
            s.hours_per_week()
        );
        let profile =
            DemandProfile::from_weights(&[("Mon-Fri 9-11", 3.0), ("Mon 10-11", 0.5)]).unwrap();
        // Mon: 1h x 3 + 1h x 0.5 + 4h; Tue-Fri: 2h x 3 + 4h each.
        assert_eq!(s.weighted_hours(&profile), 7.5 + 4.0 * 10.0);
        assert_eq!(profile.slot_weight(40), 0.5); // Mon 10:00, overridden by the later entry
        assert_eq!(profile.slot_weight(36), 3.0); // Mon 9:00
        assert_eq!(profile.slot_weight(SLOTS_PER_DAY + 40), 3.0); // Tue 10:00

        // Weight 3 over 16:00-16:10 of the 16:00-16:15 slot: mean weight 7/3.
        let partial = DemandProfile::from_weights(&[("Thu 16-16.10", 3.0)]).unwrap();
        assert_close(partial.slot_weight(3 * SLOTS_PER_DAY + 64), 7.0 / 3.0);
        assert_close(
            parse("Thu 16-17").weighted_hours(&partial),
            0.25 * 7.0 / 3.0 + 0.75,
        );

        let e = DemandProfile::from_weights(&[("Mon 9-11", -1.0)]).unwrap_err();
        assert_eq!(e.fragment, "Mon 9-11");
        assert!(e.message.contains(">= 0"), "{e}");
        assert!(DemandProfile::from_weights(&[("Mon 9-11", f64::NAN)]).is_err());
        let e = DemandProfile::from_weights(&[("Mon 15-9", 2.0)]).unwrap_err();
        assert_eq!(e.fragment, "15-9");
    }
}
