//! Causes: a sentence → the reasons it gives for something ("was diverted because of fog").
//!
//! Consumes one sentence; produces [`Found`]s of kind cause, key `cause: <what happened>`
//! (the verb or noun the reason explains, lower case, as in `cause: diverted`) and value the
//! reason as written, lower case ("fog", "a drone strike"). With consolidation and the
//! attribution that holds the mention, the panel can say "fog — 1 of 5 articles, according
//! to the airline".
//!
//! Patterns: `X because of / due to / owing to / as a result of / caused by Y`, and
//! `Y caused / triggered / led to (the) X`. The reason runs to the next comma, clause word
//! or the end of the sentence, at most eight words.
//!
//! Weak spots: only the word right before the cue names what happened ("was diverted because
//! of fog" works, "the diversion of the plane was due to fog" names "plane"); causes stated
//! without a cue phrase ("fog forced a diversion") are not found.

use std::sync::LazyLock;

use regex::Regex;

use super::{Found, Kind, Value};
use crate::analysis::static_regex;
use crate::span::Span;

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)\b(?:because\s+of|due\s+to|owing\s+to|as\s+a\s+result\s+of|caused\s+by|triggered\s+by)\s+",
    )
});
static BEFORE_EFFECT: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)\b((?:[\w’'-]+\s+){1,6}?)(?:caused|triggered|led\s+to)\s+(?:the\s+|a\s+|an\s+)?([a-z][a-z-]{2,})",
    )
});

/// Words that end a reason: the next clause starts.
const STOP: &[&str] = &[
    "and",
    "but",
    "which",
    "that",
    "when",
    "while",
    "after",
    "before",
    "according",
    "rather",
    "although",
    "though",
    "as",
    "said",
    "says",
    "on",
    "in",
    "at",
    "with",
    "near",
    "over",
    "into",
    "across",
    "during",
    "for",
    "to",
    "by",
];
/// Verbs that follow "due to" as an infinitive ("was due to fly").
const INFINITIVES: &[&str] = &[
    "be", "fly", "land", "arrive", "leave", "depart", "take", "meet", "begin", "start", "return", "travel",
    "visit", "make", "hold", "speak", "open", "close", "end", "finish", "appear", "go", "come", "testify",
    "vote", "sign", "announce", "release", "publish",
];
/// Words that cannot name what happened or what caused it.
const NOT_EVENTS: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "not", "also", "partly", "largely", "mainly", "the",
    "this", "that", "it", "have", "has", "had", "may", "might", "could", "would", "will", "can", "to",
    "which", "who", "what", "they", "he", "she", "we",
];

/// The reasons given in one sentence.
#[must_use]
pub fn find_causes(text: &str, sentence: Span) -> Vec<Found> {
    let Some(slice) = sentence.text(text) else {
        return Vec::new();
    };
    // A cheap test first: most sentences give no reason, and the patterns are costly.
    let lower = slice.to_ascii_lowercase();
    let cues = [
        "because",
        "due to",
        "owing to",
        "result of",
        "caused",
        "triggered",
        "led to",
    ];
    if !cues.iter().any(|cue| lower.contains(cue)) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for cue in CUE.find_iter(slice) {
        // What happened: the word before the cue, passing over "was", "been" and the like.
        let before = slice.get(..cue.start()).unwrap_or("");
        let effect = before
            .split_whitespace()
            .rev()
            .take(3)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| !NOT_EVENTS.contains(&w.to_lowercase().as_str()));
        let Some(effect) = effect else { continue };
        // "was due to fly": an infinitive, not a reason.
        let next = slice
            .get(cue.end()..)
            .unwrap_or("")
            .split_whitespace()
            .next()
            .unwrap_or("");
        if INFINITIVES.contains(&next.to_lowercase().as_str()) {
            continue;
        }
        if let Some(span) = reason_span(slice, cue.end(), slice.len()) {
            push(&mut found, effect, slice, span, sentence.start);
        }
    }
    for caps in BEFORE_EFFECT.captures_iter(slice) {
        let (Some(reason), Some(effect)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let words: Vec<&str> = reason.as_str().split_whitespace().collect();
        // The reason is the words after the last clause boundary before the verb.
        let keep = words
            .iter()
            .rposition(|w| STOP.contains(&w.to_lowercase().trim_matches(',')) || w.ends_with(','));
        let first = keep.map_or(0, |k| k + 1);
        let Some(first_word) = words.get(first) else {
            continue;
        };
        let offset = reason
            .as_str()
            .find(first_word)
            .map_or(reason.start(), |o| reason.start() + o);
        // Drop trailing auxiliaries: "an investigation had led to" gives "an investigation".
        let mut body = reason.as_str().trim_end();
        while let Some((head, last)) = body.rsplit_once(char::is_whitespace) {
            if !NOT_EVENTS.contains(&last.to_lowercase().as_str()) {
                break;
            }
            body = head.trim_end();
        }
        let end = reason.start() + body.len();
        if offset < end {
            push(
                &mut found,
                effect.as_str(),
                slice,
                Span::new(offset, end),
                sentence.start,
            );
        }
    }
    found
}

fn push(found: &mut Vec<Found>, effect: &str, slice: &str, span: Span, base: usize) {
    let effect = effect.to_lowercase();
    let Some(reason) = span.text(slice) else { return };
    let value = reason.to_lowercase();
    if NOT_EVENTS.contains(&effect.as_str()) || NOT_EVENTS.contains(&value.as_str()) || value.is_empty() {
        return;
    }
    found.push(Found {
        kind: Kind::Cause,
        key: format!("cause: {effect}"),
        value: Value::Text(value),
        span: Span::new(base + span.start, base + span.end),
        slot: false,
        strength: 1,
    });
}

/// The reason's span inside `slice`: from `start`, up to the first clause word, comma or
/// closing punctuation.
fn reason_span(slice: &str, start: usize, end: usize) -> Option<Span> {
    let text = slice.get(start..end)?;
    let mut last = 0;
    let mut offset = 0;
    for word in text.split_inclusive(char::is_whitespace).take(8) {
        let bare = word.trim().trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() || (offset > 0 && STOP.contains(&bare.to_lowercase().as_str())) {
            break;
        }
        let trimmed = word.trim_end();
        let stop_here = trimmed.ends_with([',', ';', ':', '.', '!', '?', ')', '”', '"']);
        last = offset
            + word
                .trim_end()
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .len();
        offset += word.len();
        if stop_here {
            break;
        }
    }
    (last > 0).then(|| Span::new(start, start + last))
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn causes(text: &str) -> Vec<(String, String)> {
        find_causes(text, Span::new(0, text.len()))
            .into_iter()
            .map(|f| (f.key, f.value.display()))
            .collect()
    }

    #[rstest]
    #[case::because_of(
        "The plane was due to fly to Grozny but was diverted because of fog, according to the airline.",
        &[("cause: diverted", "fog")]
    )]
    #[case::due_to("The flight was cancelled due to a drone strike near the airport.", &[("cause: cancelled", "a drone strike")])]
    #[case::caused_by("The damage was caused by shrapnel from a missile.", &[("cause: damage", "shrapnel from a missile")])]
    #[case::caused("Officials said fog caused the diversion.", &[("cause: diversion", "fog")])]
    #[case::none("The plane landed safely in Aktau.", &[])]
    #[case::auxiliary_is_no_reason("He saw a weapon which seemed to have caused the attack.", &[])]
    #[case::led_to("He said an investigation had led to the opening of a case.", &[("cause: opening", "an investigation")])]
    #[case::infinitive("The plane was due to fly to Grozny.", &[])]
    fn finds_causes(#[case] text: &str, #[case] expected: &[(&str, &str)]) {
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(causes(text), expected);
    }
}
