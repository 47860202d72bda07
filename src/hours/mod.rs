//! Opening hours: weekly schedules people can type, and Erlang C staffing.

pub mod erlang;
pub mod schedule;
