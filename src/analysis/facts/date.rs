//! Dates: a sentence → days, partial days, weekdays and spans of days, normalised and
//! resolved against the article's own date.
//!
//! Consumes one sentence and the article's `date` (when it has one); produces [`Found`]s of
//! kind date with key "date". Recognised: "25 December (2024)", "December 25, 2024",
//! "2024-12-25", "December 2024", named days ("Christmas Day", "New Year's Eve", "Boxing
//! Day", …), weekdays ("on Wednesday", "last Friday", "next Monday") and relative words
//! ("today", "yesterday", "this week", "earlier in the week", "last month"). With an article
//! date, a weekday resolves to the latest such day on or before it ("next" looks ahead), a
//! day without a year takes the article's year (the previous year when that would put it
//! more than a month after the article), and relative words become a day or a span.
//! Without one, values stay partial ("12-25", "Wednesday", "this week") and agree with any
//! full date they fit. Day arithmetic is `chrono`'s.
//!
//! Weak spots: times of day are ignored; "May" and "March" are read as months only before
//! or after a day number; a weekday in a future-tense sentence without "next" resolves to
//! the past.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::Regex;

use super::{Class, Found, Kind, Value};
use crate::analysis::static_regex;
use crate::span::Span;

/// A normalised date: as precise as the text and the article date allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateValue {
    /// A full day.
    Day(NaiveDate),
    /// A month and day without a year.
    MonthDay(u32, u32),
    /// A weekday not resolved to a day.
    Weekday(Weekday),
    /// A span of days, both ends included ("this week").
    Range(NaiveDate, NaiveDate),
    /// A month of a year.
    Month(i32, u32),
    /// A relative word with no date to resolve it against ("today").
    Relative(String),
}

impl DateValue {
    /// The value as shown: "2024-12-25", "12-25", "Wednesday", "2024-12-23/2024-12-29".
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            Self::Day(d) => d.format("%Y-%m-%d").to_string(),
            Self::MonthDay(m, d) => format!("{m:02}-{d:02}"),
            Self::Weekday(w) => weekday_name(*w).to_owned(),
            Self::Range(a, b) => format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
            Self::Month(y, m) => format!("{y}-{m:02}"),
            Self::Relative(text) => text.clone(),
        }
    }

    /// True when both can describe the same day.
    #[must_use]
    pub fn compatible(&self, other: &Self) -> bool {
        use DateValue::{Day, Month, MonthDay, Range};
        match (self, other) {
            (Day(a), Day(b)) => a == b,
            (Day(a), MonthDay(m, d)) | (MonthDay(m, d), Day(a)) => a.month() == *m && a.day() == *d,
            (Day(a), Self::Weekday(w)) | (Self::Weekday(w), Day(a)) => a.weekday() == *w,
            (Day(a), Range(s, e)) | (Range(s, e), Day(a)) => s <= a && a <= e,
            (Day(a), Month(y, m)) | (Month(y, m), Day(a)) => a.year() == *y && a.month() == *m,
            (MonthDay(m1, d1), MonthDay(m2, d2)) => m1 == m2 && d1 == d2,
            (Self::Weekday(a), Self::Weekday(b)) => a == b,
            (Month(y1, m1), Month(y2, m2)) => y1 == y2 && m1 == m2,
            (MonthDay(m, _), Month(_, m2)) | (Month(_, m2), MonthDay(m, _)) => m == m2,
            (Range(s1, e1), Range(s2, e2)) => s1 <= e2 && s2 <= e1,
            (Range(from, to), Month(year, month)) | (Month(year, month), Range(from, to)) => {
                let first = NaiveDate::from_ymd_opt(*year, *month, 1);
                let last = first.and_then(|day| day.checked_add_months(chrono::Months::new(1))?.pred_opt());
                match (first, last) {
                    (Some(first), Some(last)) => *from <= last && first <= *to,
                    _ => true,
                }
            }
            (Range(s, e), MonthDay(m, d)) | (MonthDay(m, d), Range(s, e)) => [s.year(), e.year()]
                .iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(*y, *m, *d))
                .any(|day| *s <= day && day <= *e),
            (Range(s, e), Self::Weekday(w)) | (Self::Weekday(w), Range(s, e)) => {
                e.signed_duration_since(*s).num_days() >= 6
                    || s.iter_days()
                        .take(7)
                        .take_while(|d| d <= e)
                        .any(|d| d.weekday() == *w)
            }
            // A relative word, or a weekday against a day of a month, can always meet.
            _ => true,
        }
    }

    /// True when the value names one determinate day or weekday (not a span, not partial
    /// relative wording): two of these that differ really disagree.
    #[must_use]
    pub const fn is_determinate(&self) -> bool {
        matches!(self, Self::Day(_) | Self::MonthDay(..) | Self::Weekday(_))
    }
}

const fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Parses `YYYY-MM-DD`.
#[must_use]
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(&format!(
        concat!(
            r"(?-u:\b)(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{m})(?-u:\b)\.?(?:,?\s+(?P<y1>\d{{4}})(?-u:\b))?",
            r"|(?-u:\b)(?P<m2>{m})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y2>\d{{4}})(?-u:\b))?",
            r"|(?-u:\b)(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?-u:\b)",
            r"|(?-u:\b)(?P<m3>{m})\s+(?P<y3>\d{{4}})(?-u:\b)",
            r"|(?-u:\b)(?P<named>Christmas [Dd]ay|Christmas [Ee]ve|New Year['’]s [Dd]ay|New Year['’]s [Ee]ve|Boxing [Dd]ay|Halloween|Valentine['’]s [Dd]ay|Independence Day)(?-u:\b)",
            r"|(?-u:\b)(?:(?P<wmod>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)",
            r"|(?-u:\b)(?P<rel>(?i:today|yesterday|tomorrow|tonight|earlier (?:this|in the) week|this week|last week|earlier this month|this month|last month|earlier this year|this year|last year))(?-u:\b)",
        ),
        m = MONTHS
    ))
});

fn month_number(name: &str) -> Option<u32> {
    let prefix: String = name.chars().take(3).collect();
    let idx = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == prefix)?;
    u32::try_from(idx + 1).ok()
}

fn weekday_of(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

/// The day `month`-`day` in the year that fits `reference` best: its year, or the year
/// before when that would put the day more than a month after it.
fn resolve_month_day(month: u32, day: u32, reference: Option<NaiveDate>) -> DateValue {
    let Some(reference) = reference else {
        return DateValue::MonthDay(month, day);
    };
    let this_year = NaiveDate::from_ymd_opt(reference.year(), month, day);
    match this_year {
        Some(date) if date.signed_duration_since(reference).num_days() > 31 => {
            NaiveDate::from_ymd_opt(reference.year() - 1, month, day)
                .map_or(DateValue::MonthDay(month, day), DateValue::Day)
        }
        Some(date) => DateValue::Day(date),
        None => DateValue::MonthDay(month, day),
    }
}

fn resolve_weekday(weekday: Weekday, modifier: &str, reference: Option<NaiveDate>) -> DateValue {
    let Some(reference) = reference else {
        return DateValue::Weekday(weekday);
    };
    let today = i64::from(reference.weekday().num_days_from_monday());
    let target = i64::from(weekday.num_days_from_monday());
    let resolved = if modifier.eq_ignore_ascii_case("next") {
        let ahead = (target - today).rem_euclid(7);
        reference.checked_add_days(Days::new(
            u64::try_from(if ahead == 0 { 7 } else { ahead }).unwrap_or(7),
        ))
    } else {
        let back = (today - target).rem_euclid(7);
        let back = if back == 0 && modifier.eq_ignore_ascii_case("last") {
            7
        } else {
            back
        };
        reference.checked_sub_days(Days::new(u64::try_from(back).unwrap_or(0)))
    };
    resolved.map_or(DateValue::Weekday(weekday), DateValue::Day)
}

fn resolve_relative(word: &str, reference: Option<NaiveDate>) -> DateValue {
    let lower = word.to_lowercase();
    let Some(day) = reference else {
        return DateValue::Relative(lower);
    };
    let monday = day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())));
    let first_of_month = day.with_day(1);
    let resolved = match lower.as_str() {
        "today" | "tonight" => Some(DateValue::Day(day)),
        "yesterday" => day.pred_opt().map(DateValue::Day),
        "tomorrow" => day.succ_opt().map(DateValue::Day),
        "this week" | "earlier this week" | "earlier in the week" => monday.map(|m| DateValue::Range(m, day)),
        "last week" => {
            monday.and_then(|m| Some(DateValue::Range(m.checked_sub_days(Days::new(7))?, m.pred_opt()?)))
        }
        "this month" | "earlier this month" => first_of_month.map(|f| DateValue::Range(f, day)),
        "last month" => first_of_month
            .and_then(|f| f.pred_opt())
            .map(|d| DateValue::Month(d.year(), d.month())),
        "this year" | "earlier this year" => {
            NaiveDate::from_ymd_opt(day.year(), 1, 1).map(|f| DateValue::Range(f, day))
        }
        "last year" => NaiveDate::from_ymd_opt(day.year() - 1, 1, 1)
            .zip(NaiveDate::from_ymd_opt(day.year() - 1, 12, 31))
            .map(|(a, b)| DateValue::Range(a, b)),
        _ => None,
    };
    resolved.unwrap_or(DateValue::Relative(lower))
}

fn named_day(name: &str) -> Option<(u32, u32)> {
    let lower = name.to_lowercase().replace('’', "'");
    Some(match lower.as_str() {
        "christmas day" => (12, 25),
        "christmas eve" => (12, 24),
        "new year's day" => (1, 1),
        "new year's eve" => (12, 31),
        "boxing day" => (12, 26),
        "halloween" => (10, 31),
        "valentine's day" => (2, 14),
        "independence day" => (7, 4),
        _ => return None,
    })
}

/// The dates of one sentence of an article dated `reference`.
#[must_use]
pub fn find_dates(text: &str, sentence: Span, reference: Option<NaiveDate>) -> Vec<Found> {
    let Some(slice) = sentence.text(text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    // ASCII word boundaries keep the regex on its fast DFA path: Unicode `\b` would fall
    // back to the slow engines on every sentence with a curly quote.
    for caps in DATE.captures_iter(slice) {
        let Some(whole) = caps.get(0) else { continue };
        let get = |name: &str| caps.name(name).map(|m| m.as_str());
        let number = |name: &str| get(name).and_then(|s| s.parse::<u32>().ok());
        let year = |name: &str| get(name).and_then(|s| s.parse::<i32>().ok());
        let value = if let (Some(d), Some(m)) = (number("d1"), get("m1").and_then(month_number)) {
            day_value(year("y1"), m, d, reference)
        } else if let (Some(d), Some(m)) = (number("d2"), get("m2").and_then(month_number)) {
            day_value(year("y2"), m, d, reference)
        } else if let (Some(y), Some(m), Some(d)) = (year("iy"), number("im"), number("id")) {
            NaiveDate::from_ymd_opt(y, m, d).map(DateValue::Day)
        } else if let (Some(m), Some(y)) = (get("m3").and_then(month_number), year("y3")) {
            Some(DateValue::Month(y, m))
        } else if let Some((m, d)) = get("named").and_then(named_day) {
            Some(resolve_month_day(m, d, reference))
        } else if let Some(w) = get("wd").and_then(weekday_of) {
            Some(resolve_weekday(w, get("wmod").unwrap_or(""), reference))
        } else {
            get("rel").map(|r| resolve_relative(r, reference))
        };
        let Some(value) = value else { continue };
        let span = Span::new(sentence.start + whole.start(), sentence.start + whole.end());
        found.push(Found {
            kind: Kind::Date,
            key: "date".into(),
            value: Value::Date(value),
            span,
            slot: false,
            strength: 1,
        });
    }
    found
}

fn day_value(year: Option<i32>, month: u32, day: u32, reference: Option<NaiveDate>) -> Option<DateValue> {
    if !(1..=31).contains(&day) {
        return None;
    }
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day).map(DateValue::Day),
        None => Some(resolve_month_day(month, day, reference)),
    }
}

/// Merges the dates of one event: equal full days form a class; a partial day (a weekday,
/// a day without a year) joins the largest full-day class it fits; anything else joins the
/// class of values written the same way.
#[must_use]
pub fn merge(values: &[&Value]) -> Vec<Class> {
    let dates: Vec<(usize, &DateValue)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| match v {
            Value::Date(d) => Some((i, d)),
            _ => None,
        })
        .collect();
    let mut classes: Vec<Class> = Vec::new();
    let mut by_display: HashMap<String, usize> = HashMap::default();
    for (idx, date) in dates.iter().filter(|(_, d)| matches!(d, DateValue::Day(_))) {
        let display = date.display();
        if let Some(class) = by_display.get(&display).and_then(|&c| classes.get_mut(c)) {
            class.members.push(*idx);
        } else {
            by_display.insert(display, classes.len());
            classes.push(Class {
                value: Value::Date((*date).clone()),
                members: vec![*idx],
                variants: Vec::new(),
            });
        }
    }
    let days = classes.len();
    for (idx, date) in dates.iter().filter(|(_, d)| !matches!(d, DateValue::Day(_))) {
        // Only a partial day (a weekday, a day without a year) is the same fact as a full
        // day it fits; "this week" fits the 25th but says something else.
        let fits = matches!(date, DateValue::MonthDay(..) | DateValue::Weekday(_));
        let best = classes
            .iter_mut()
            .take(days)
            .filter(|c| fits && matches!(&c.value, Value::Date(d) if d.compatible(date)))
            .max_by_key(|c| c.members.len());
        if let Some(class) = best {
            class.members.push(*idx);
            continue;
        }
        let display = date.display();
        if let Some(class) = by_display.get(&display).and_then(|&c| classes.get_mut(c)) {
            class.members.push(*idx);
        } else {
            by_display.insert(display, classes.len());
            classes.push(Class {
                value: Value::Date((*date).clone()),
                members: vec![*idx],
                variants: Vec::new(),
            });
        }
    }
    for class in &mut classes {
        class.members.sort_unstable();
    }
    classes
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn dates(text: &str, reference: Option<&str>) -> Vec<(String, String)> {
        find_dates(text, Span::new(0, text.len()), reference.and_then(parse_iso))
            .into_iter()
            .map(|f| (f.value.display(), f.span.text(text).unwrap_or("").to_owned()))
            .collect()
    }

    #[rstest]
    #[case::day_month("on 25 December near Aktau", None, "12-25", "25 December")]
    #[case::day_month_dated("on 25 December near Aktau", Some("2024-12-29"), "2024-12-25", "25 December")]
    #[case::month_day_year("on December 25, 2024,", None, "2024-12-25", "December 25, 2024")]
    #[case::iso("date 2024-12-29 Russia", None, "2024-12-29", "2024-12-29")]
    #[case::christmas("the Christmas Day crash", None, "12-25", "Christmas Day")]
    #[case::christmas_dated("the Christmas day crash", Some("2024-12-29"), "2024-12-25", "Christmas day")]
    #[case::christmas_last_year("on Christmas Day", Some("2025-01-03"), "2024-12-25", "Christmas Day")]
    #[case::weekday_back("a statement on Saturday", Some("2024-12-29"), "2024-12-28", "Saturday")]
    #[case::weekday_wednesday("crashed on Wednesday", Some("2024-12-29"), "2024-12-25", "Wednesday")]
    #[case::weekday_same_day("said on Sunday", Some("2024-12-29"), "2024-12-29", "Sunday")]
    #[case::weekday_next("will meet next Monday", Some("2024-12-29"), "2024-12-30", "next Monday")]
    #[case::weekday_unresolved("crashed on Wednesday", None, "Wednesday", "Wednesday")]
    #[case::yesterday("said yesterday", Some("2024-12-29"), "2024-12-28", "yesterday")]
    #[case::earlier_in_week(
        "had earlier in the week said",
        Some("2024-12-29"),
        "2024-12-23/2024-12-29",
        "earlier in the week"
    )]
    #[case::today_unresolved("its statement today", None, "today", "today")]
    #[case::month_year("in December 2024", None, "2024-12", "December 2024")]
    fn date_cases(
        #[case] text: &str,
        #[case] reference: Option<&str>,
        #[case] value: &str,
        #[case] span: &str,
    ) {
        let found = dates(text, reference);
        assert!(
            found.contains(&(value.to_owned(), span.to_owned())),
            "{text:?} gave {found:?}"
        );
    }

    #[test]
    fn may_the_verb_is_no_date() {
        assert_eq!(dates("It may have been struck.", None), []);
    }

    #[test]
    fn written_two_ways_is_one_date() {
        let full = Value::Date(DateValue::Day(
            NaiveDate::from_ymd_opt(2024, 12, 25).unwrap_or_default(),
        ));
        let partial = Value::Date(DateValue::MonthDay(12, 25));
        let weekday = Value::Date(DateValue::Weekday(Weekday::Wed));
        assert_eq!(merge(&[&partial, &full, &weekday]).len(), 1);
        let thursday = Value::Date(DateValue::Weekday(Weekday::Thu));
        assert_eq!(merge(&[&full, &thursday]).len(), 2);
    }
}
