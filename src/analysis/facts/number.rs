//! Numbers: a sentence's tokens → counts, distances, amounts, shares and ages, each with
//! what it counts.
//!
//! Consumes the tokens of one sentence and the spans other extractors already claimed
//! (codes such as "J2-8243", dates such as "25 December"); produces [`Found`]s of kind
//! number. Figures come from digits ("38", "1,200", "3.5", "450km"), from number words
//! ("thirty-eight", "three", "two hundred"; composed by the `text2num` crate) and from vague
//! plurals ("dozens", "hundreds"). A modifier before the figure makes it a range: "at least
//! 38" is 38 to infinity, "about 450" is 405 to 495, "up to 10" is 0 to 10, so "at least
//! 38" and "38" agree. Units are normalised: distances to kilometres (450km and 280 miles
//! are one distance), "per cent" to "%".
//!
//! The key ("killed", "injured", "survivors", "aboard", "distance", …) is read from a
//! keyword in a short window after the figure, else before it ("the crash killed 38
//! people"), else the first plain noun after it ("three blasts" → "blast"). In "38 of the
//! 67 on board", 38 takes the verb and 67 takes "on board".
//!
//! Weak spots: the keyword window is lexical, so "killed 38 of the 67 aboard" is right but
//! a long clause between the figure and its verb loses the key; a bare figure with no noun
//! after it is dropped; four-digit figures from 1900 to 2100 with nothing after them are
//! taken for years and dropped.

use std::sync::LazyLock;

use regex::Regex;
use text2num::lang::English;

use super::{Class, Found, Kind, Token, Value};
use crate::analysis::static_regex;
use crate::span::Span;

/// How a figure was qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// Written as is: "38".
    Exact,
    /// "at least", "more than", "over".
    AtLeast,
    /// "at most", "up to", "fewer than", "under".
    AtMost,
    /// "about", "around", "some", "nearly", "an estimated".
    About,
    /// A vague plural: "dozens", "hundreds".
    Vague,
}

/// What a figure measures, after normalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A plain count.
    Count,
    /// A distance in kilometres.
    Km,
    /// A share in percent.
    Percent,
    /// An amount of money in the given currency code.
    Money(&'static str),
    /// An age or duration in years.
    Years,
}

/// A normalised figure: the range it allows and how it was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberValue {
    /// The figure as written, converted to the unit.
    pub point: f64,
    /// Smallest value the mention allows.
    pub low: f64,
    /// Largest value the mention allows.
    pub high: f64,
    /// How it was qualified.
    pub approx: Approx,
    /// The unit.
    pub unit: Unit,
}

impl NumberValue {
    /// A figure with a qualifier; the range follows from the qualifier.
    #[must_use]
    pub fn new(point: f64, approx: Approx, unit: Unit) -> Self {
        let (low, high) = match approx {
            Approx::Exact | Approx::Vague => (point, point),
            Approx::AtLeast => (point, f64::INFINITY),
            Approx::AtMost => (0.0, point),
            Approx::About => (point * 0.9, point * 1.1),
        };
        Self {
            point,
            low,
            high,
            approx,
            unit,
        }
    }

    /// A vague range such as "dozens" (24 to 99).
    #[must_use]
    pub fn range(low: f64, high: f64, unit: Unit) -> Self {
        Self {
            point: low,
            low,
            high,
            approx: Approx::Vague,
            unit,
        }
    }

    /// The tolerance two exact figures of this unit may differ by and still agree:
    /// converted units round ("280 miles" is 450.6 km).
    fn tolerance(&self) -> f64 {
        match self.unit {
            Unit::Count | Unit::Years => 0.0,
            Unit::Km | Unit::Percent | Unit::Money(_) => self.point.abs() * 0.02,
        }
    }

    /// True when the two figures can both be true: same unit and overlapping ranges.
    #[must_use]
    pub fn compatible(&self, other: &Self) -> bool {
        let slack = self.tolerance().max(other.tolerance());
        self.unit == other.unit && self.low <= other.high + slack && other.low <= self.high + slack
    }

    /// The value as shown: "38", "≥38", "~450 km", "24–99", "12%".
    #[must_use]
    pub fn display(&self) -> String {
        let figure = |v: f64| {
            if (self.unit == Unit::Km && v >= 10.0) || (v - v.round()).abs() < 1e-9 {
                format!("{}", v.round())
            } else {
                let s = format!("{v:.2}");
                s.trim_end_matches('0').trim_end_matches('.').to_owned()
            }
        };
        let body = match self.approx {
            Approx::Exact => figure(self.point),
            Approx::AtLeast => format!("≥{}", figure(self.point)),
            Approx::AtMost => format!("≤{}", figure(self.point)),
            Approx::About => format!("~{}", figure(self.point)),
            Approx::Vague => format!("{}–{}", figure(self.low), figure(self.high)),
        };
        match self.unit {
            Unit::Count => body,
            Unit::Km => format!("{body} km"),
            Unit::Percent => format!("{body}%"),
            Unit::Money(code) => format!("{body} {code}"),
            Unit::Years => format!("{body} years"),
        }
    }
}

static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)([A-Za-z%]*)$"));
static AGE: LazyLock<Regex> = LazyLock::new(|| static_regex(r"(?i)^(\d{1,3})-years?-old$"));

const UNITS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
];

/// Keywords that name what a figure counts.
const KEYWORDS: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("kill", "killed"),
    ("kills", "killed"),
    ("killing", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("die", "killed"),
    ("dying", "killed"),
    ("deaths", "killed"),
    ("death", "killed"),
    ("lives", "killed"),
    ("fatalities", "killed"),
    ("perished", "killed"),
    ("bodies", "killed"),
    ("injured", "injured"),
    ("injuries", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("hospitalised", "injured"),
    ("hospitalized", "injured"),
    ("survivors", "survivors"),
    ("survived", "survivors"),
    ("survive", "survivors"),
    ("surviving", "survivors"),
    ("aboard", "aboard"),
    ("onboard", "aboard"),
    ("missing", "missing"),
    ("arrested", "arrested"),
    ("arrests", "arrested"),
    ("detained", "arrested"),
    ("votes", "votes"),
    ("passengers", "passengers"),
    ("crew", "crew"),
    ("evacuated", "evacuated"),
    ("displaced", "displaced"),
];

/// Keywords that are nouns: they name what a figure counts only after it.
const NOUN_KEYWORDS: &[&str] = &[
    "survivors",
    "passengers",
    "crew",
    "votes",
    "deaths",
    "death",
    "bodies",
    "fatalities",
    "lives",
    "injuries",
    "arrests",
];

/// Keys for which one event has one true figure: two incompatible figures are a conflict.
pub const SLOT_KEYS: &[&str] = &[
    "killed",
    "injured",
    "survivors",
    "aboard",
    "missing",
    "arrested",
    "passengers",
    "crew",
    "evacuated",
    "displaced",
];

/// Words that are never what a figure counts.
const NOT_COUNTED: &[&str] = &[
    "other", "more", "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for", "were", "was",
    "are", "is", "had", "have", "has", "been", "who", "which", "that", "than", "per", "as", "from", "with",
    "s", "times",
];

const MODIFIERS: &[(&[&str], Approx)] = &[
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["as", "many", "as"], Approx::AtMost),
    (&["at", "least"], Approx::AtLeast),
    (&["more", "than"], Approx::AtLeast),
    (&["over"], Approx::AtLeast),
    (&["upwards", "of"], Approx::AtLeast),
    (&["in", "excess", "of"], Approx::AtLeast),
    (&["at", "most"], Approx::AtMost),
    (&["up", "to"], Approx::AtMost),
    (&["fewer", "than"], Approx::AtMost),
    (&["less", "than"], Approx::AtMost),
    (&["under"], Approx::AtMost),
    (&["about"], Approx::About),
    (&["around"], Approx::About),
    (&["some"], Approx::About),
    (&["nearly"], Approx::About),
    (&["almost"], Approx::About),
    (&["approximately"], Approx::About),
    (&["roughly"], Approx::About),
    (&["estimated"], Approx::About),
    (&["an", "estimated"], Approx::About),
];

/// A figure read at a token position: its value, the token index after it.
struct Figure {
    value: f64,
    end: usize,
    vague: Option<(f64, f64)>,
    suffix: String,
}

fn is_number_word(word: &str) -> bool {
    !word.is_empty() && word.len() <= 40 && word.split('-').all(is_unit_word)
}

/// True for one of [`UNITS`], in any case; compared through a stack buffer, as it runs on
/// every word of every sentence.
fn is_unit_word(part: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(slot) = buf.get_mut(..part.len()) else {
        return false;
    };
    slot.copy_from_slice(part.as_bytes());
    slot.make_ascii_lowercase();
    std::str::from_utf8(slot).is_ok_and(|lower| UNITS.contains(&lower))
}

/// Reads a figure starting at token `idx`, if there is one.
fn read_figure(tokens: &[Token<'_>], idx: usize) -> Option<Figure> {
    let token = tokens.get(idx)?;
    let first = token.text.chars().next()?;
    if first.is_ascii_digit()
        && let Some(caps) = DIGITS.captures(token.text)
    {
        let digits = caps.get(1)?.as_str().replace(',', "");
        let value: f64 = digits.parse().ok()?;
        let suffix = caps.get(2).map_or("", |m| m.as_str()).to_lowercase();
        return Some(Figure {
            value,
            end: idx + 1,
            vague: None,
            suffix,
        });
    }
    if !first.is_ascii_alphabetic() || token.text.len() > 40 {
        return None;
    }
    let vague = [
        ("dozens", (24.0, 99.0)),
        ("hundreds", (200.0, 999.0)),
        ("thousands", (2000.0, 9999.0)),
        ("millions", (2e6, 999e6)),
    ]
    .iter()
    .find(|(w, _)| w.eq_ignore_ascii_case(token.text))
    .map(|(_, range)| *range);
    if let Some(range) = vague {
        let next_is_of = tokens.get(idx + 1).is_some_and(|t| t.is(&["of"]));
        return Some(Figure {
            value: range.0,
            end: if next_is_of { idx + 2 } else { idx + 1 },
            vague: Some(range),
            suffix: String::new(),
        });
    }
    if token.is(&["dozen"]) && idx > 0 && tokens.get(idx - 1).is_some_and(|t| t.is(&["a"])) {
        return Some(Figure {
            value: 12.0,
            end: idx + 1,
            vague: None,
            suffix: String::new(),
        });
    }
    if !is_number_word(token.text) {
        return None;
    }
    let mut words = vec![token.lower()];
    let mut end = idx + 1;
    while let Some(next) = tokens.get(end) {
        let next_lower = next.lower();
        if is_number_word(&next_lower) {
            words.push(next_lower);
            end += 1;
        } else if next_lower == "and"
            && words.last().is_some_and(|w| w == "hundred" || w == "thousand")
            && tokens.get(end + 1).is_some_and(|t| is_number_word(&t.lower()))
        {
            end += 1;
        } else {
            break;
        }
    }
    let phrase = words.join(" ");
    let digits = text2num::text2digits(&phrase, &English::new()).ok()?;
    let value: f64 = digits.parse().ok()?;
    Some(Figure {
        value,
        end,
        vague: None,
        suffix: String::new(),
    })
}

/// The numbers of one sentence; `taken` are spans other extractors claimed.
#[must_use]
pub fn find_numbers(tokens: &[Token<'_>], taken: &[Span]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut idx = 0;
    while idx < tokens.len() {
        let Some(token) = tokens.get(idx) else { break };
        if taken.iter().any(|t| t.overlaps(token.span)) {
            idx += 1;
            continue;
        }
        if let Some(age) = AGE
            .captures(token.text)
            .and_then(|c| c.get(1)?.as_str().parse::<f64>().ok())
        {
            found.push(Found {
                kind: Kind::Number,
                key: "age".into(),
                value: Value::Number(NumberValue::new(age, Approx::Exact, Unit::Years)),
                span: token.span,
                slot: false,
                strength: 1,
            });
            idx += 1;
            continue;
        }
        let Some(figure) = read_figure(tokens, idx) else {
            idx += 1;
            continue;
        };
        if let Some(item) = build(tokens, idx, &figure) {
            found.push(item);
        }
        idx = figure.end.max(idx + 1);
    }
    found
}

/// Turns a figure at `idx` into a mention: modifier, multiplier, unit and key.
fn build(tokens: &[Token<'_>], idx: usize, figure: &Figure) -> Option<Found> {
    let token = tokens.get(idx)?;
    let lower_at = |i: usize| tokens.get(i).map(Token::lower).unwrap_or_default();
    // Modifier before the figure.
    let (approx, start_idx) = modifier_before(tokens, idx);
    let approx = if figure.vague.is_some() {
        Approx::Vague
    } else {
        approx
    };
    let mut value = figure.value;
    let mut end = figure.end;
    // Multiplier after the figure.
    match lower_at(end).as_str() {
        "million" | "millions" => {
            value *= 1e6;
            end += 1;
        }
        "billion" | "billions" => {
            value *= 1e9;
            end += 1;
        }
        "trillion" => {
            value *= 1e12;
            end += 1;
        }
        _ => {}
    }
    match figure.suffix.as_str() {
        "bn" => value *= 1e9,
        "k" => value *= 1e3,
        _ => {}
    }
    // Currency before, unit after.
    let mut unit = Unit::Count;
    let mut start = tokens.get(start_idx).map_or(token.span.start, |t| t.span.start);
    let before = if start_idx > 0 {
        tokens.get(start_idx - 1).map(|t| t.text)
    } else {
        None
    };
    let currency = match before {
        Some("$") => Some("USD"),
        Some("£") => Some("GBP"),
        Some("€") => Some("EUR"),
        _ => None,
    };
    if let Some(code) = currency {
        unit = Unit::Money(code);
        if let Some(t) = tokens.get(start_idx.saturating_sub(1)) {
            start = t.span.start;
        }
    }
    let suffix_unit = match figure.suffix.as_str() {
        "" | "bn" | "k" => None,
        "km" => Some((Unit::Km, 1.0)),
        "mi" => Some((Unit::Km, 1.609_344)),
        "m" if currency.is_some() => {
            value *= 1e6;
            None
        }
        "m" => Some((Unit::Km, 0.001)),
        "ft" => Some((Unit::Km, 0.000_304_8)),
        "%" => Some((Unit::Percent, 1.0)),
        _ => return None,
    };
    if let Some((u, factor)) = suffix_unit {
        unit = u;
        value *= factor;
    } else if currency.is_none() {
        let (u, factor, used) = unit_after(tokens, end);
        if used > 0 {
            unit = u;
            value *= factor;
            end += used;
        }
    }
    if unit == Unit::Count
        && approx == Approx::Exact
        && token.text.len() == 4
        && (1900.0..=2100.0).contains(&figure.value)
        && figure.suffix.is_empty()
    {
        return None;
    }
    let key = match unit {
        Unit::Km => "distance".to_owned(),
        Unit::Percent => "percent".to_owned(),
        Unit::Money(_) => "money".to_owned(),
        Unit::Years => "age".to_owned(),
        Unit::Count => {
            if lower_at(start_idx.saturating_sub(1)) == "aged" && start_idx > 0 {
                unit = Unit::Years;
                "age".to_owned()
            } else if lower_at(end) == "years" && lower_at(end + 1) == "old" {
                unit = Unit::Years;
                end += 2;
                "age".to_owned()
            } else {
                let key = counted_key(tokens, start_idx, end)?;
                if (figure.value - 1.0).abs() < f64::EPSILON
                    && figure.vague.is_none()
                    && !KEYWORDS.iter().any(|(_, k)| *k == key)
                {
                    // "one" alone is an article more often than a count.
                    return None;
                }
                key
            }
        }
    };
    let number = if let Some((low, high)) = figure.vague {
        let factor = if figure.value == 0.0 {
            1.0
        } else {
            value / figure.value
        };
        NumberValue::range(low * factor, high * factor, unit)
    } else {
        NumberValue::new(value, approx, unit)
    };
    let end_span = tokens
        .get(end.saturating_sub(1))
        .map_or(token.span.end, |t| t.span.end);
    Some(Found {
        kind: Kind::Number,
        key,
        value: Value::Number(number),
        span: Span::new(start, end_span.max(token.span.end)),
        slot: false,
        strength: 1,
    })
}

/// The modifier right before token `idx` and the index where the mention starts.
fn modifier_before(tokens: &[Token<'_>], idx: usize) -> (Approx, usize) {
    for (words, approx) in MODIFIERS {
        let len = words.len();
        if idx < len {
            continue;
        }
        let matches = words
            .iter()
            .enumerate()
            .all(|(k, w)| tokens.get(idx - len + k).is_some_and(|t| t.is(&[w])));
        if matches {
            return (*approx, idx - len);
        }
    }
    (Approx::Exact, idx)
}

/// A unit written after the figure: (unit, factor to normalise, tokens used).
fn unit_after(tokens: &[Token<'_>], idx: usize) -> (Unit, f64, usize) {
    let lower = tokens.get(idx).map(Token::lower).unwrap_or_default();
    let next = tokens.get(idx + 1).map(Token::lower).unwrap_or_default();
    match lower.as_str() {
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => (Unit::Km, 1.0, 1),
        "miles" | "mile" | "mi" => (Unit::Km, 1.609_344, 1),
        "metres" | "meters" | "metre" | "meter" => (Unit::Km, 0.001, 1),
        "feet" | "ft" => (Unit::Km, 0.000_304_8, 1),
        "%" | "percent" => (Unit::Percent, 1.0, 1),
        "per" if next == "cent" => (Unit::Percent, 1.0, 2),
        "dollars" => (Unit::Money("USD"), 1.0, 1),
        "euros" => (Unit::Money("EUR"), 1.0, 1),
        "pounds" => (Unit::Money("GBP"), 1.0, 1),
        "roubles" | "rubles" => (Unit::Money("RUB"), 1.0, 1),
        _ => (Unit::Count, 1.0, 0),
    }
}

fn keyword(lower: &str) -> Option<&'static str> {
    KEYWORDS.iter().find(|(w, _)| *w == lower).map(|(_, k)| *k)
}

fn is_figure_token(token: &Token<'_>) -> bool {
    token.text.chars().next().is_some_and(|c| c.is_ascii_digit()) || is_number_word(token.text)
}

const CLAUSE_ENDS: &[&str] = &[",", ";", ":", "(", ")", "–", "—", ".", "!", "?", "“", "”", "\""];

/// What the figure spanning tokens `start..end` counts.
fn counted_key(tokens: &[Token<'_>], start: usize, end: usize) -> Option<String> {
    let partitive = tokens.get(end).is_some_and(|t| t.is(&["of"]));
    let window = if partitive { 10 } else { 6 };
    let mut fallback: Option<String> = None;
    let mut seen = 0;
    let mut idx = end;
    while let Some(token) = tokens.get(idx) {
        if seen >= window || CLAUSE_ENDS.contains(&token.text) || (idx > end && is_figure_token(token)) {
            break;
        }
        let lower = token.lower();
        if lower == "on" && tokens.get(idx + 1).is_some_and(|t| t.is(&["board"])) {
            if !partitive {
                return Some("aboard".into());
            }
        } else if let Some(key) = keyword(&lower) {
            // In "29 of the passengers and crew on board survived" the nouns describe the
            // whole; the verb says what the part did.
            if !(partitive && matches!(key, "aboard" | "passengers" | "crew")) {
                return Some(key.into());
            }
        } else if fallback.is_none()
            && !partitive
            && token.word
            && !token.capitalized()
            && token.text.chars().all(char::is_alphabetic)
            && !NOT_COUNTED.contains(&lower.as_str())
        {
            fallback = Some(singular(&lower));
        }
        seen += 1;
        idx += 1;
    }
    // Before the figure: "the crash killed 38", "claimed 38 lives" is handled after.
    let mut back = start;
    let mut steps = 0;
    while back > 0 && steps < 3 {
        back -= 1;
        let Some(token) = tokens.get(back) else { break };
        if CLAUSE_ENDS.contains(&token.text) || is_figure_token(token) {
            break;
        }
        // Before the figure only a verb says what it counts: "Survivors heard three
        // blasts" counts blasts.
        let lower = token.lower();
        if let Some(key) = keyword(&lower).filter(|_| !NOUN_KEYWORDS.contains(&lower.as_str())) {
            return Some(key.into());
        }
        steps += 1;
    }
    fallback.filter(|f| f != "people")
}

fn singular(word: &str) -> String {
    if word.ends_with("ss") || word.len() < 4 {
        word.to_owned()
    } else if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = word.strip_suffix('s') {
        stem.to_owned()
    } else {
        word.to_owned()
    }
}

/// Merges the figures of one (event, key) bucket: equal exact figures form a class; a
/// range joins the largest class whose figure it allows, else a class of ranges it
/// overlaps, else starts its own.
#[must_use]
pub fn merge(values: &[&Value]) -> Vec<Class> {
    let mut figures: Vec<(usize, NumberValue)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| match v {
            Value::Number(n) => Some((i, *n)),
            _ => None,
        })
        .collect();
    figures.sort_by(|a, b| a.1.point.total_cmp(&b.1.point));
    let mut classes: Vec<(NumberValue, Vec<usize>)> = Vec::new();
    for (idx, figure) in figures.iter().filter(|(_, f)| f.approx == Approx::Exact) {
        match classes.last_mut() {
            Some((anchor, members)) if anchor.unit == figure.unit && anchor.compatible(figure) => {
                members.push(*idx);
            }
            _ => classes.push((*figure, vec![*idx])),
        }
    }
    let exact_classes = classes.len();
    for (idx, figure) in figures.iter().filter(|(_, f)| f.approx != Approx::Exact) {
        let best = classes
            .iter_mut()
            .take(exact_classes)
            .filter(|(anchor, _)| figure.compatible(anchor))
            .max_by_key(|(_, members)| members.len());
        if let Some((_, members)) = best {
            members.push(*idx);
            continue;
        }
        let range = classes
            .iter_mut()
            .skip(exact_classes)
            .find(|(anchor, _)| figure.compatible(anchor));
        if let Some((anchor, members)) = range {
            // Keep the tighter range as the shown value.
            if figure.high - figure.low < anchor.high - anchor.low {
                *anchor = *figure;
            }
            members.push(*idx);
        } else {
            classes.push((*figure, vec![*idx]));
        }
    }
    classes
        .into_iter()
        .map(|(value, mut members)| {
            members.sort_unstable();
            Class {
                value: Value::Number(value),
                members,
                variants: Vec::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::super::tokenize;
    use super::*;

    fn numbers(text: &str) -> Vec<(String, String, String)> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        find_numbers(&tokens, &[])
            .into_iter()
            .map(|f| {
                (
                    f.key,
                    f.value.display(),
                    f.span.text(text).unwrap_or("").to_owned(),
                )
            })
            .collect()
    }

    #[rstest]
    #[case::digits_verb_before("The crash killed 38 people.", "killed", "38", "38")]
    #[case::passive_after("At least 38 other people were killed.", "killed", "≥38", "At least 38")]
    #[case::dying("with 38 people dying and 29 survivors", "killed", "38", "38")]
    #[case::survivors_noun("with 38 people dying and 29 survivors", "survivors", "29", "29")]
    #[case::claimed_lives("The crash, which claimed 38 lives and left 29 injured", "killed", "38", "38")]
    #[case::left_injured(
        "The crash, which claimed 38 lives and left 29 injured",
        "injured",
        "29",
        "29"
    )]
    #[case::partitive_verb("killing 38 of the 67 people aboard.", "killed", "38", "38")]
    #[case::partitive_whole("killing 38 of the 67 people aboard.", "aboard", "67", "67")]
    #[case::on_board("killing 38 of the 67 on board.", "aboard", "67", "67")]
    #[case::partitive_survived("29 of the passengers and crew on board survived", "survivors", "29", "29")]
    #[case::word_number("Thirty-eight people died.", "killed", "38", "Thirty-eight")]
    #[case::word_plain("Survivors heard three blasts.", "blast", "3", "three")]
    #[case::vague("Dozens of people were injured.", "injured", "24–99", "Dozens of")]
    #[case::about_km("some 450km to the east", "distance", "~450 km", "some 450km")]
    #[case::miles("(280 miles) to the east", "distance", "451 km", "280 miles")]
    #[case::percent("Turnout rose to 45 per cent.", "percent", "45%", "45 per cent")]
    #[case::money("The fine was $1.5 million.", "money", "1500000 USD", "$1.5 million")]
    #[case::up_to("up to 10 people are missing", "missing", "≤10", "up to 10")]
    #[case::more_than("more than 200 people were arrested", "arrested", "≥200", "more than 200")]
    #[case::age_hyphen("a 45-year-old man", "age", "45 years", "45-year-old")]
    #[case::hundred_and(
        "two hundred and twenty passengers",
        "passengers",
        "220",
        "two hundred and twenty"
    )]
    fn number_cases(#[case] text: &str, #[case] key: &str, #[case] value: &str, #[case] span: &str) {
        let found = numbers(text);
        assert!(
            found.contains(&(key.to_owned(), value.to_owned(), span.to_owned())),
            "{text:?} gave {found:?}"
        );
    }

    #[rstest]
    #[case::year("It happened in 2024.")]
    #[case::lone_one("One of the sources said so.")]
    #[case::no_noun("The total was 38.")]
    fn not_numbers(#[case] text: &str) {
        assert_eq!(numbers(text), []);
    }

    #[test]
    fn miles_and_km_are_one_distance() {
        let km = Value::Number(NumberValue::new(450.0, Approx::About, Unit::Km));
        let miles = Value::Number(NumberValue::new(280.0 * 1.609_344, Approx::Exact, Unit::Km));
        assert_eq!(merge(&[&km, &miles]).len(), 1);
    }

    #[test]
    fn range_joins_the_figure_it_allows() {
        let at_least = Value::Number(NumberValue::new(38.0, Approx::AtLeast, Unit::Count));
        let exact = Value::Number(NumberValue::new(38.0, Approx::Exact, Unit::Count));
        let other = Value::Number(NumberValue::new(30.0, Approx::Exact, Unit::Count));
        let classes = merge(&[&at_least, &exact, &other]);
        assert_eq!(classes.len(), 2);
        assert!(classes.iter().any(|c| c.members == [0, 1]));
    }
}
