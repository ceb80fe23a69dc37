//! Segmentation: an article's text → sentences (byte spans) with a boilerplate flag.
//!
//! Consumes the text and the metadata spans found by `load`; produces every sentence in
//! order, trimmed, non-overlapping, covering every non-space character of the text.
//!
//! How it splits:
//! - Blank lines always end a sentence. Single line breaks end one too when the text is
//!   line-structured (one sentence, headline or caption per line); in text that wraps its
//!   sentences across lines they are read as spaces. A text counts as wrapped when at least
//!   a quarter of its single line breaks fall mid-sentence (the line does not end in
//!   punctuation and the next starts in lower case, or the line ends in a comma).
//! - Within a line or paragraph, `.`, `!`, `?` and `…`, with any closing quotes and
//!   brackets after them, end a sentence when white space and a word that does not start in
//!   lower case follow — except after titles (Dr., Gen.), initials (J.), month and number
//!   abbreviations before a digit (Jan. 5, No. 10), and dotted abbreviations (U.S., p.m.,
//!   Inc.) unless a typical sentence opener follows ("in the U.S. The …"), and between
//!   digits (a decimal spaced out by detokenised text: "$2. 6 million").
//! - In the text's first paragraph, a headline that runs into the first sentence because
//!   the line breaks were lost is split off: before a date stamp ("… rehab Published May 3,
//!   2013 It seems …"), and before a capitalised word that opens a sentence: a pronoun or
//!   article, a repeat of the headline's subject, or a word the text writes in lower case
//!   elsewhere, so a common word and not a name ("… under fire A week of …", "… banks
//!   Rioting youths …").
//!
//! Boilerplate (captions, credits, share and follow prompts, newsletter sign-ups, comment
//! forms, run-together tag lists) is marked, never removed.
//!
//! Weak spots: a sentence that really starts in lower case is joined to the one before; an
//! abbreviation that ends a sentence before a name ("… in the U.S. Obama said") stays joined.

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;

use regex::Regex;

use crate::analysis::static_regex;

use crate::model::{Boilerplate, Sentence};
use crate::span::{Span, is_space};

/// Splits `text` into sentences. `metadata` spans (header and date lines) become sentences
/// of their own, marked as metadata boilerplate.
#[must_use]
pub fn split_sentences(text: &str, metadata: &[Span]) -> Vec<Sentence> {
    let lines = line_spans(text);
    let structured = is_line_structured(text, &lines);
    // Line-structured text has its headlines on lines of their own: no casing needed.
    let casing = if structured {
        Casing::default()
    } else {
        Casing::new(text)
    };
    let mut spans: Vec<(Span, bool)> = Vec::new();
    for (idx, unit) in units(text, &lines, structured).into_iter().enumerate() {
        // Only the text's first paragraph can hold a headline run into the first sentence.
        let first = idx == 0;
        for piece in subtract(unit, metadata) {
            for span in split_unit(text, piece, structured, &casing, first) {
                let span = span.trim(text);
                if !span.is_empty() {
                    let line = lines.partition_point(|l| l.end < span.start);
                    let whole_line = lines.get(line).is_some_and(|l| l.trim(text) == span);
                    spans.push((span, whole_line));
                }
            }
        }
    }
    let mut sentences: Vec<(Sentence, bool)> = spans
        .into_iter()
        .map(|(span, whole_line)| (sentence(span, None), whole_line))
        .chain(
            metadata
                .iter()
                .map(|m| m.trim(text))
                .filter(|m| !m.is_empty())
                .map(|m| (sentence(m, Some(Boilerplate::Metadata)), true)),
        )
        .collect();
    sentences.sort_by_key(|(s, _)| s.start);
    mark_boilerplate(text, &mut sentences);
    sentences.into_iter().map(|(s, _)| s).collect()
}

const fn sentence(span: Span, kind: Option<Boilerplate>) -> Sentence {
    Sentence {
        start: span.start,
        end: span.end,
        boilerplate: kind.is_some(),
        kind,
    }
}

/// Every line of the text, without its line ending (`\n`, `\r\n` or a lone `\r`).
fn line_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut idx = 0;
    while idx < bytes.len() {
        match bytes.get(idx) {
            Some(b'\n') => {
                lines.push(Span::new(start, idx));
                start = idx + 1;
            }
            Some(b'\r') => {
                lines.push(Span::new(start, idx));
                if bytes.get(idx + 1) == Some(&b'\n') {
                    idx += 1;
                }
                start = idx + 1;
            }
            _ => {}
        }
        idx += 1;
    }
    lines.push(Span::new(start, bytes.len()));
    lines
}

fn is_blank(text: &str, line: Span) -> bool {
    line.text(text).is_none_or(|l| l.chars().all(is_space))
}

/// True when the text has single line breaks and fewer than a quarter of them fall
/// mid-sentence.
fn is_line_structured(text: &str, lines: &[Span]) -> bool {
    let mut breaks = 0usize;
    let mut mid_sentence = 0usize;
    for pair in lines.windows(2) {
        let [a, b] = pair else { continue };
        if is_blank(text, *a) || is_blank(text, *b) {
            continue;
        }
        breaks += 1;
        let a_text = a.text(text).unwrap_or("").trim_end_matches(is_space);
        let b_first = b
            .text(text)
            .unwrap_or("")
            .trim_start_matches(is_space)
            .chars()
            .next();
        let last = a_text.chars().last();
        let open_end = last.is_some_and(|c| c.is_alphanumeric() || c == ',');
        if last == Some(',') || (open_end && b_first.is_some_and(char::is_lowercase)) {
            mid_sentence += 1;
        }
    }
    // Text with no single line breaks at all says nothing about its lines: read it as prose.
    breaks > 0 && mid_sentence * 4 < breaks
}

/// Lines (line-structured text) or paragraphs (wrapped text): spans no sentence crosses.
fn units(text: &str, lines: &[Span], structured: bool) -> Vec<Span> {
    if structured {
        return lines.iter().copied().filter(|l| !is_blank(text, *l)).collect();
    }
    let mut units = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines {
        if is_blank(text, *line) {
            units.extend(current.take());
        } else {
            current = Some(current.map_or(*line, |c| Span::new(c.start, line.end)));
        }
    }
    units.extend(current);
    units
}

/// `unit` with the `cut` spans taken out.
fn subtract(unit: Span, cut: &[Span]) -> Vec<Span> {
    let mut pieces = vec![unit];
    for c in cut.iter().filter(|c| c.overlaps(unit)) {
        pieces = pieces
            .into_iter()
            .flat_map(|p| {
                if !p.overlaps(*c) {
                    return vec![p];
                }
                [
                    Span::new(p.start, c.start.max(p.start)),
                    Span::new(c.end.min(p.end), p.end),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect()
            })
            .collect();
    }
    pieces
}

const TERMINATORS: &[char] = &['.', '!', '?', '…', '。', '！', '？'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '›', '}'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«', '‹'];

/// Titles that never end a sentence: "Dr. Smith", "Gen. Gerasimov".
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm", "cmdr",
    "gov", "sen", "rep", "reps", "sens", "rev", "hon", "pres", "supt", "insp", "det", "messrs", "mme",
    "mlle", "st", "ste", "mt", "ft", "fr", "atty", "brig", "lieut",
];
/// Abbreviations that stay joined when a number follows: "Jan. 5", "No. 10".
const BEFORE_NUMBER: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "art",
    "vol", "fig", "p", "pp", "ch", "sec", "op", "ed", "para", "approx", "ca",
];
/// Abbreviations that may or may not end a sentence.
const AMBIGUOUS: &[&str] = &[
    "inc", "corp", "ltd", "co", "jr", "sr", "etc", "bros", "vs", "approx", "ave", "blvd", "rd", "est",
    "dept", "univ", "assn", "plc", "llc", "al",
];
/// Words that typically open a sentence; after an ambiguous abbreviation they mean a new one.
const OPENERS_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "there",
    "however",
    "meanwhile",
    "after",
    "when",
    "while",
    "according",
    "as",
    "if",
    "so",
    "yet",
    "for",
    "since",
    "then",
    "also",
    "both",
    "some",
    "many",
    "most",
    "one",
    "two",
    "no",
    "not",
    "what",
    "who",
    "why",
    "how",
    "officials",
    "police",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// The words a text writes in lower case somewhere. A capitalised word among them is a common
/// word, so its capital most likely opens a sentence; a word never written in lower case is
/// likely a name (the document-centred reading of capitals of Mikheev, 2002).
#[derive(Default)]
struct Casing<'t> {
    lower: HashSet<&'t str>,
}

impl<'t> Casing<'t> {
    fn new(text: &'t str) -> Self {
        let lower = text
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_lowercase))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        Self { lower }
    }

    /// True when `word` (bare, lower-cased) is written in lower case somewhere in the text.
    fn is_common(&self, word: &str) -> bool {
        self.lower.contains(word)
    }
}

/// A word without surrounding punctuation, in lower case.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// Sentence boundaries inside one line or paragraph.
/// `first` says the unit opens the text, where a headline may run into the first sentence.
fn split_unit(text: &str, unit: Span, structured: bool, casing: &Casing, first: bool) -> Vec<Span> {
    let Some(slice) = unit.text(text) else {
        return vec![unit];
    };
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut starts = vec![0usize];
    let mut idx = 0;
    while idx < chars.len() {
        let Some(&(_, c)) = chars.get(idx) else { break };
        if !TERMINATORS.contains(&c) {
            idx += 1;
            continue;
        }
        let mut last_term = idx;
        while chars
            .get(last_term + 1)
            .is_some_and(|(_, c)| TERMINATORS.contains(c))
        {
            last_term += 1;
        }
        let mut after = last_term + 1;
        while chars.get(after).is_some_and(|(_, c)| CLOSERS.contains(c)) {
            after += 1;
        }
        // Chinese and Japanese put no space after a full-width stop.
        let full_width = matches!(c, '。' | '！' | '？');
        if !full_width && !chars.get(after).is_some_and(|(_, c)| is_space(*c)) {
            idx = after.max(idx + 1);
            continue;
        }
        let mut next = after;
        while chars.get(next).is_some_and(|(_, c)| is_space(*c)) {
            next += 1;
        }
        let Some(&(next_at, _)) = chars.get(next) else {
            break;
        };
        let single_dot = last_term == idx && c == '.';
        if ends_sentence(slice, &chars, idx, next, single_dot) {
            starts.push(next_at);
        }
        idx = next;
    }
    if structured {
        // Headlines and datelines already stand on lines of their own.
        starts.push(slice.len());
        return spans_between(unit, &starts);
    }
    let (stamp_starts, stamp_ends) = stamp_boundaries(slice, casing);
    starts.extend(stamp_starts);
    starts.extend(stamp_ends.iter().copied());
    starts.sort_unstable();
    starts.dedup();
    starts.push(slice.len());
    // Headlines open a paragraph or follow its date stamp; only there may a sentence-case
    // headline run into the first sentence.
    let headlines: Vec<usize> = starts
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => {
                let segment = slice.get(*a..*b)?;
                let heading = (first && (*a == 0 || stamp_ends.contains(a))).then_some(casing);
                headline_end(segment, heading)
                    .or_else(|| heading.and_then(|casing| run_in_end(segment, casing)))
                    .map(|at| a + at)
            }
            _ => None,
        })
        .collect();
    starts.extend(headlines);
    starts.sort_unstable();
    starts.dedup();
    spans_between(unit, &starts)
}

/// The spans between consecutive offsets (relative to `unit`).
fn spans_between(unit: Span, starts: &[usize]) -> Vec<Span> {
    starts
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(Span::new(unit.start + a, unit.start + b)),
            _ => None,
        })
        .collect()
}

static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    let weekday = r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?,?";
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    let date = format!(
        r"(?:{weekday}\s+)?(?:{month}\s+{day}(?:,?\s+|-)\d{{4}}|{day}\s+{month},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|{month}\s+{day})"
    );
    // Detokenised text may space a clock out ("2: 00pm", "12:52 p. m.").
    let time = r"(?:\d{1,2}:\s?\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm](?-u:\b)\.?|[AaPp](?-u:\b))?(?:\s*(?:EST|EDT|GMT|UTC|PST|PDT|CST|CDT|ET|PT|BST|CET|IST|AKDT|HKT|hrs)(?-u:\b))?(?:\s*\(GMT[+-]\d{1,2}:\d{2}\))?)";
    let prefix = r"(?:(?:UPDATED|Updated|Posted|POSTED|Published|PUBLISHED|Last updated|First Published|Published time|Created)(?:\s+on)?\s*:?\s*)";
    static_regex(&format!(
        r"(?i)(?-u:\b){prefix}?(?:{date}|{time})(?:(?:\s*[,|@-]\s*|\s+at\s+|\s+)(?:{date}|{time}))*"
    ))
});

/// Words after which a date belongs to the sentence ("on December 23, 2008").
const BEFORE_DATE: &[&str] = &[
    "on", "by", "in", "at", "since", "until", "from", "of", "to", "the", "and", "or", "before", "after",
    "between", "as", "dated", "till", "through", "around", "about", "than",
];

/// Boundaries around date or time stamps standing between a headline and a sentence, as in
/// text whose line breaks were lost: "… as High as $184M December 23, 2008 For weeks now, …"
/// splits before and after "December 23, 2008". Returns the boundaries before stamps and
/// those after them (where a sentence or headline starts) apart.
///
/// A stamp needs a year or a clock time, and a capitalised word after it. A written date
/// after "on", "by" and the like belongs to its sentence. After another lower-case word
/// ("signed December 23, 2008 Boston time") it does too, unless the word after it is a
/// common word written with a capital — a new sentence — or the stamp says what it is
/// (a clock time, a numeric date, "Posted", a weekday).
fn stamp_boundaries(slice: &str, casing: &Casing) -> (Vec<usize>, Vec<usize>) {
    let mut before_stamps = Vec::new();
    let mut after_stamps = Vec::new();
    for stamp in STAMP.find_iter(slice) {
        let text = stamp.as_str();
        let has_year = text
            .as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit));
        let clock = text.contains(':') || text.contains('/') || text.contains('-');
        if !has_year && !clock {
            continue;
        }
        let after = slice.get(stamp.end()..).unwrap_or("");
        let next = after.trim_start_matches(is_space);
        let next_starts_sentence = next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || OPENERS.contains(&c));
        if !next_starts_sentence || after.len() == next.len() {
            continue;
        }
        let before = slice
            .get(..stamp.start())
            .unwrap_or("")
            .trim_end_matches(is_space);
        let previous_word = before.rsplit(is_space).next().unwrap_or("");
        let attached = previous_word.ends_with([',', ':', '(', '-', '—', '–'])
            || BEFORE_DATE.contains(&previous_word.to_lowercase().as_str());
        // "On December 23, 2008 President Bush signed …": the date opens the sentence.
        let opens_sentence = attached && before.len() == previous_word.len();
        let labelled = clock || STAMP_LABEL.is_match(text);
        let next_word = bare(next.split(is_space).next().unwrap_or(""));
        let new_sentence = OPENERS_WORDS.contains(&next_word.as_str()) || casing.is_common(&next_word);
        let lower_before = previous_word.chars().next().is_some_and(char::is_lowercase);
        if opens_sentence || attached && !labelled && !new_sentence {
            continue;
        }
        if lower_before && !attached && !labelled && !new_sentence {
            continue;
        }
        if !attached && !before.is_empty() && !before.ends_with(TERMINATORS) {
            before_stamps.push(stamp.start());
        }
        after_stamps.push(slice.len() - next.len());
    }
    (before_stamps, after_stamps)
}

static STAMP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)^(?:updated|posted|published|last updated|first published|created|mon|tue|wed|thu|fri|sat|sun)",
    )
});

/// Words a title-case headline leaves in lower case.
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "vs", "via", "into", "over", "after", "out", "up", "off", "is", "be",
];

/// Words that open a sentence and are never the first word of a name: after a title-case
/// headline they start the first sentence ("… For Undisclosed Reasons It's been …").
const PRONOUN_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "it's",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "this",
    "these",
    "those",
    "there",
    "there's",
    "but",
    "however",
    "meanwhile",
    "when",
    "while",
    "if",
    "so",
    "yet",
    "now",
    "his",
    "her",
    "its",
    "their",
    "our",
];

/// Where a title-case headline ends when text whose line breaks were lost runs it into the
/// first sentence: "Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab Lindsay Lohan
/// has left …" ends before the second "Lindsay Lohan". The headline must be at least three
/// title-case words, and the sentence's opening capitalised words must repeat words of the
/// headline — a strong sign of a new sentence about the headline's subject. At the head of
/// a paragraph (`heading`), an opening pronoun, article or conjunction is sign enough.
fn headline_end(segment: &str, heading: Option<&Casing>) -> Option<usize> {
    let words: Vec<(usize, &str)> = segment
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - segment.as_ptr() as usize, w))
        .collect();
    let lower_start = |w: &str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase)
    };
    let first_lower = words
        .iter()
        .position(|(_, w)| lower_start(w) && !TITLE_SMALL.contains(&bare(w).as_str()))?;
    let title_case = |start: usize| {
        words.get(..start).is_some_and(|head| {
            head.iter()
                .all(|(_, w)| !lower_start(w) || TITLE_SMALL.contains(&bare(w).as_str()))
        })
    };
    // The sentence's subject: the capitalised words right before the first lower-case word.
    for start in 3..first_lower {
        let subject: Vec<String> = words
            .get(start..first_lower)?
            .iter()
            .map(|(_, w)| bare(w))
            .collect();
        if subject.len() > 4 || subject.iter().any(String::is_empty) {
            continue;
        }
        let head: Vec<String> = words.get(..start)?.iter().map(|(_, w)| bare(w)).collect();
        // "… Near Houston A Texas inmate escaped …": the article opens the subject.
        let named = subject.iter().find(|w| !matches!(w.as_str(), "a" | "an" | "the"));
        let repeats = named.is_some_and(|first| head.contains(first));
        if repeats && title_case(start) {
            return words.get(start).map(|(at, _)| *at);
        }
    }
    let casing = heading?;
    // The shortest subject first: "… Sam's Club Police use Taser" is not about a club.
    // A pronoun or article opens a sentence; so does a common word right before the verb
    // ("… In Suspicious Fire Authorities estimate …").
    (3..first_lower)
        .rev()
        .take(4)
        .find(|&start| {
            words.get(start).is_some_and(|(_, w)| {
                let word = bare(w);
                w.starts_with(char::is_uppercase)
                    && (PRONOUN_OPENERS.contains(&word.as_str())
                        || start + 1 == first_lower && casing.is_common(&word))
            }) && title_case(start)
        })
        .and_then(|start| words.get(start).map(|(at, _)| *at))
}

/// Words after which a capitalised word is part of the sentence, not the start of a new one
/// ("told The Associated Press", "in The Hague", "said Friday").
const LINKING: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "from",
    "as",
    "vs",
    "via",
    "into",
    "over",
    "after",
    "about",
    "than",
    "like",
    "near",
    "under",
    "against",
    "during",
    "including",
    "between",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "called",
    "named",
    "dubbed",
    "is",
    "was",
    "be",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// Where a sentence-case headline ends when it runs into the first sentence: "Greek
/// government under fire A week of violence …", "Bush placed on injured reserve The Saints
/// placed …". A word with no punctuation after it, followed by a capitalised word that
/// opens sentences or that the text writes in lower case elsewhere, or that repeats a name
/// of the headline ("… dies at 91 Esther Williams, the …"). The headline keeps at least
/// three words and the sentence at least three.
fn run_in_end(segment: &str, casing: &Casing) -> Option<usize> {
    let words: Vec<(usize, &str)> = segment
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - segment.as_ptr() as usize, w))
        .collect();
    let head_first = words.first().map(|(_, w)| bare(w)).unwrap_or_default();
    for idx in 3..words.len().saturating_sub(2) {
        let (Some((_, prev)), Some((at, word)), Some((_, following))) =
            (words.get(idx - 1), words.get(idx), words.get(idx + 1))
        else {
            continue;
        };
        // A quoted title ("… to helm "New Moon," the sequel …") is no sentence start.
        if !word.starts_with(char::is_uppercase) {
            continue;
        }
        // The headline's last word: a lower-case word or a number ("… dies at 91"), or a
        // closing quote ("… sequel ‘Catching Fire’ Now that …"), never a name or title
        // ("… Shawn Holley", "… the 81st Annual …").
        let prev_bare = bare(prev);
        let ends_open = prev
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || CLOSERS.contains(&c));
        let lower_word = prev.starts_with(char::is_lowercase) && ends_open;
        let number = prev.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'));
        let quoted = prev.ends_with(CLOSERS) && !prev.ends_with([')', ']']);
        let current = bare(word);
        let opener = OPENERS_WORDS.contains(&current.as_str());
        // "… suspicion of DUI But after …": an acronym may end the headline before "But".
        let acronym = prev.len() > 1 && prev.chars().all(|c| c.is_uppercase() || c == '\'') && opener;
        // "… attack off Gulf of Aden The Indian Navy …": a sentence-case headline may end in
        // a name; a pronoun or article after it still opens the sentence.
        let sentence_case = words.get(..idx).is_some_and(|head| {
            head.iter()
                .any(|(_, w)| w.starts_with(char::is_lowercase) && !TITLE_SMALL.contains(&bare(w).as_str()))
        });
        let after_name = sentence_case && ends_open && PRONOUN_OPENERS.contains(&current.as_str());
        if prev_bare.is_empty()
            || LINKING.contains(&prev_bare.as_str())
            || !(lower_word || number || quoted || acronym || after_name)
        {
            continue;
        }
        // A common word opening a sentence is followed by lower case ("Rioting youths
        // attacked"); followed by a capital it is more likely a title ("fired Coach Maurice
        // Cheeks").
        let common = casing.is_common(&current)
            && following.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
        if opener || common || current == head_first {
            return Some(*at);
        }
    }
    None
}

/// Decides a candidate boundary: the terminator at `term`, the next word at `next`.
fn ends_sentence(slice: &str, chars: &[(usize, char)], term: usize, next: usize, single_dot: bool) -> bool {
    let next_word = word_at(slice, chars, next);
    let next_char = next_word
        .chars()
        .next()
        .or_else(|| chars.get(next).map(|(_, c)| *c));
    if next_char.is_some_and(char::is_lowercase) {
        return false;
    }
    if !single_dot {
        return true;
    }
    let prev = token_before(slice, chars, term);
    let lower = prev.to_lowercase();
    let mut letters = prev.chars().filter(|c| c.is_alphabetic());
    let initial =
        letters.next().is_some_and(char::is_uppercase) && letters.next().is_none() && !prev.contains('.');
    let next_is_digit = next_char.is_some_and(|c| c.is_ascii_digit());
    if initial || TITLES.contains(&lower.as_str()) {
        return false;
    }
    if BEFORE_NUMBER.contains(&lower.as_str()) && next_is_digit {
        return false;
    }
    // "$2. 6 million", "Windows 8. 1": a decimal spaced out by detokenised text.
    if next_is_digit && prev.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if matches!(lower.as_str(), "e.g" | "i.e" | "cf" | "viz") {
        return false;
    }
    if prev.contains('.') || AMBIGUOUS.contains(&lower.as_str()) {
        let opens_quote = chars.get(next).is_some_and(|(_, c)| OPENERS.contains(c));
        return opens_quote || OPENERS_WORDS.contains(&next_word.to_lowercase().as_str());
    }
    true
}

/// The token just before the terminator at `term`, without leading quotes or brackets.
fn token_before<'a>(slice: &'a str, chars: &[(usize, char)], term: usize) -> &'a str {
    let end = chars.get(term).map_or(0, |(at, _)| *at);
    let mut start_idx = term;
    while start_idx > 0 && chars.get(start_idx - 1).is_some_and(|(_, c)| !is_space(*c)) {
        start_idx -= 1;
    }
    let start = chars.get(start_idx).map_or(0, |(at, _)| *at);
    slice.get(start..end).unwrap_or("").trim_start_matches(OPENERS)
}

/// The word starting at char `idx`, after any opening quotes or brackets.
fn word_at<'a>(slice: &'a str, chars: &[(usize, char)], idx: usize) -> &'a str {
    let mut first = idx;
    while chars.get(first).is_some_and(|(_, c)| OPENERS.contains(c)) {
        first += 1;
    }
    let mut last = first;
    while chars.get(last).is_some_and(|(_, c)| c.is_alphanumeric()) {
        last += 1;
    }
    let at = |i: usize| chars.get(i).map_or(slice.len(), |(at, _)| *at);
    slice.get(at(first)..at(last)).unwrap_or("")
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(concat!(
        r"(?i)^\(?\s*(?:images?|photos?|pictures?|pic|credits?|video|illustration|graphic)\s*:",
        r"|^\(?(?:(?:reuters|getty|images?|afp|ap|epa|efe|shutterstock|alamy|pa|bloomberg|xinhua|tass|anadolu|agency|via|photo|photos|file|wire|media|and)\b[\s/,&|-]*)+\)?$",
        r"|^(?:©|\(c\)|copyright\b)",
    ))
});
static TRAILING_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(?i)\((?:images?|photos?|pictures?|credits?)\s*:[^)]*\)\s*$"));
static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)^(?:follow us\b|share (?:this|on|via)\b|click here\b|tweet this\b|like us on\b|follow .{1,40} on (?:twitter|facebook|instagram|x|tiktok|telegram)\b|(?:read|see) more\b|related\b:?|advertisement$|share$|print$|email$)",
    )
});
static NEWSLETTER: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)\b(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletters?|email|alerts|updates|inbox)\b|\bnewsletters?\b.{0,40}\b(?:sign up|subscribe)\b",
    )
});
static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)^(?:leave a (?:reply|comment)|post (?:a )?comment|comments? (?:are|have been) closed|log in to comment|your email address will not be published|required fields are marked|\d+ comments?$|join the (?:conversation|discussion))",
    )
});

/// Marks boilerplate in place. `whole_line` says whether each sentence is a whole line.
fn mark_boilerplate(text: &str, sentences: &mut [(Sentence, bool)]) {
    for (sentence, _) in sentences.iter_mut() {
        if sentence.kind.is_none() {
            sentence.kind = classify(sentence.span().text(text).unwrap_or(""));
        }
    }
    // A caption is a whole line without final punctuation right before a credit line.
    for idx in 0..sentences.len() {
        let next_is_credit = sentences
            .get(idx + 1)
            .is_some_and(|(s, _)| s.kind == Some(Boilerplate::Credit));
        if let Some((sentence, whole_line)) = sentences.get_mut(idx) {
            let body = sentence.span().text(text).unwrap_or("");
            let unpunctuated = !body.trim_end_matches(CLOSERS).ends_with(TERMINATORS);
            if sentence.kind.is_none() && *whole_line && unpunctuated && next_is_credit {
                sentence.kind = Some(Boilerplate::Caption);
            }
        }
    }
    for (sentence, _) in sentences.iter_mut() {
        sentence.boilerplate = sentence.kind.is_some();
    }
}

fn classify(body: &str) -> Option<Boilerplate> {
    if !body.chars().any(char::is_alphanumeric) {
        return Some(Boilerplate::Decoration);
    }
    let words = body.split_whitespace().count();
    let short = words <= 40;
    if words <= 12 && CREDIT.is_match(body) {
        return Some(Boilerplate::Credit);
    }
    if TRAILING_CREDIT.is_match(body) {
        return Some(Boilerplate::Caption);
    }
    if short && COMMENTS.is_match(body) {
        return Some(Boilerplate::Comments);
    }
    if short && NEWSLETTER.is_match(body) {
        return Some(Boilerplate::Newsletter);
    }
    if words <= 12 && SHARE.is_match(body) {
        return Some(Boilerplate::Share);
    }
    if is_tag_list(body) {
        return Some(Boilerplate::Tags);
    }
    None
}

/// Tags run together: `Breaking NewsChristmasFacebookTwitter` — lower case followed
/// directly by upper case at least twice, and no final punctuation.
fn is_tag_list(body: &str) -> bool {
    if body.trim_end_matches(CLOSERS).ends_with(TERMINATORS) || body.split_whitespace().count() > 20 {
        return false;
    }
    let chars: Vec<char> = body.chars().collect();
    let joins = chars
        .windows(2)
        .filter(|w| matches!(w, [a, b] if a.is_lowercase() && b.is_uppercase()))
        .count();
    joins >= 2 || body.matches(" | ").count() >= 2
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, &[])
            .iter()
            .filter_map(|s| s.span().text(text))
            .collect()
    }

    #[rstest]
    #[case::abbreviation_us("He flew to the U.S. on Monday. It was late.", &["He flew to the U.S. on Monday.", "It was late."])]
    #[case::us_ends_sentence("He lives in the U.S. The plane did not.", &["He lives in the U.S.", "The plane did not."])]
    #[case::title_dr("Dr. Smith spoke. Gen. Gerasimov did not.", &["Dr. Smith spoke.", "Gen. Gerasimov did not."])]
    #[case::month("It happened on Jan. 5 in Baku. Then more.", &["It happened on Jan. 5 in Baku.", "Then more."])]
    #[case::number_abbrev("He lives at No. 10 Downing Street. Truly.", &["He lives at No. 10 Downing Street.", "Truly."])]
    #[case::saint("They flew from St. Petersburg. It landed.", &["They flew from St. Petersburg.", "It landed."])]
    #[case::initials("John F. Kennedy was there. So was J. R. R. Tolkien.", &["John F. Kennedy was there.", "So was J. R. R. Tolkien."])]
    #[case::decimals("Growth was 3.5 percent. About 1,200 people came.", &["Growth was 3.5 percent.", "About 1,200 people came."])]
    #[case::times("It landed at 10 a.m. Moscow time. It burned.", &["It landed at 10 a.m. Moscow time.", "It burned."])]
    #[case::time_ends("It landed at 5 p.m. He said so.", &["It landed at 5 p.m.", "He said so."])]
    #[case::clock("At 10:30 the jet fell. Nobody knew.", &["At 10:30 the jet fell.", "Nobody knew."])]
    #[case::ellipsis_lower("He paused... and went on. Done.", &["He paused... and went on.", "Done."])]
    #[case::ellipsis_upper("He paused… Then he left.", &["He paused…", "Then he left."])]
    #[case::cjk_full_stops("客机在阿克套附近坠毁。机上38人遇难！飛行機が墜落した？", &["客机在阿克套附近坠毁。", "机上38人遇难！", "飛行機が墜落した？"])]
    #[case::quote_closes_after_stop("\"It was a tragedy.\" The Kremlin agreed.", &["\"It was a tragedy.\"", "The Kremlin agreed."])]
    #[case::curly_quote_closes("“It was a tragedy.” The Kremlin agreed.", &["“It was a tragedy.”", "The Kremlin agreed."])]
    #[case::quote_then_said("“Is it over?” he asked. Yes.", &["“Is it over?” he asked.", "Yes."])]
    #[case::quote_spans_sentences(
        "“No one claims this was intentional. However, Baku expects a confession,” the source said.",
        &["“No one claims this was intentional.", "However, Baku expects a confession,” the source said."]
    )]
    #[case::exclamation("Stop! Now.", &["Stop!", "Now."])]
    #[case::inc("Apple Inc. said it would. Shares fell.", &["Apple Inc. said it would.", "Shares fell."])]
    #[case::eg("Some cities, e.g. Grozny, were hit. Others not.", &["Some cities, e.g. Grozny, were hit.", "Others not."])]
    #[case::dateline_stamp(
        "Teixeira Bumped as High as $184M December 23, 2008 For weeks now, he waited.",
        &["Teixeira Bumped as High as $184M", "December 23, 2008", "For weeks now, he waited."]
    )]
    #[case::time_stamp("Red Sox extend offer 12/16/08 1:30 AM EST Though the Red Sox waited.", &["Red Sox extend offer", "12/16/08 1:30 AM EST", "Though the Red Sox waited."])]
    #[case::date_in_sentence("It happened on December 23, 2008 in Boston. Then more.", &["It happened on December 23, 2008 in Boston.", "Then more."])]
    #[case::date_after_verb("The deal was signed December 23, 2008 Boston time.", &["The deal was signed December 23, 2008 Boston time."])]
    #[case::run_in_headline(
        "Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab Lindsay Lohan has left the Betty Ford Center.",
        &["Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab", "Lindsay Lohan has left the Betty Ford Center."]
    )]
    #[case::run_in_sentence_case(
        "Greek government under fire A week of violence in Greece has taken its toll.",
        &["Greek government under fire", "A week of violence in Greece has taken its toll."]
    )]
    #[case::run_in_common_word(
        "Rioters in Greece attack police, banks Rioting youths attacked banks in the rioting.",
        &["Rioters in Greece attack police, banks", "Rioting youths attacked banks in the rioting."]
    )]
    #[case::run_in_repeated_subject(
        "Esther Williams, swimmer and actress, dies at 91 Esther Williams, the swimmer, has died.",
        &["Esther Williams, swimmer and actress, dies at 91", "Esther Williams, the swimmer, has died."]
    )]
    #[case::run_in_after_name(
        "Navy foils pirate attack off Gulf of Aden The Indian Navy thwarted an attack.",
        &["Navy foils pirate attack off Gulf of Aden", "The Indian Navy thwarted an attack."]
    )]
    #[case::run_in_title_case_pronoun(
        "Tara Reid Finally Checks Into Rehab For Undisclosed Reasons It's been a long time coming.",
        &["Tara Reid Finally Checks Into Rehab For Undisclosed Reasons", "It's been a long time coming."]
    )]
    #[case::run_in_title_case_common_word(
        "Pedestrian Fatally Hit Outside Sam's Club Police use a Taser to arrest the police suspect.",
        &["Pedestrian Fatally Hit Outside Sam's Club", "Police use a Taser to arrest the police suspect."]
    )]
    #[case::title_before_name_kept(
        "The 76ers fired Coach Maurice Cheeks on Saturday after a coach left.",
        &["The 76ers fired Coach Maurice Cheeks on Saturday after a coach left."]
    )]
    #[case::newspaper_name_kept(
        "Her rep told The Associated Press that the actress was fine.",
        &["Her rep told The Associated Press that the actress was fine."]
    )]
    #[case::weekday_stamp(
        "Gary Ross remains in talks Wednesday, 04 April 2012 10:30 After opening weekend, it grew.",
        &["Gary Ross remains in talks", "Wednesday, 04 April 2012 10:30", "After opening weekend, it grew."]
    )]
    #[case::labelled_stamp(
        "Lohan heads to rehab Published May 03, 2013 It seems Lohan had enough.",
        &["Lohan heads to rehab", "Published May 03, 2013", "It seems Lohan had enough."]
    )]
    #[case::spaced_clock_stamp(
        "Ellen DeGeneres To Host Oscars AUGUST 2, 2013 | 08: 06AM PT Talkshow host returns.",
        &["Ellen DeGeneres To Host Oscars", "AUGUST 2, 2013 | 08: 06AM PT", "Talkshow host returns."]
    )]
    #[case::spaced_decimal("It cost $2. 6 million on Windows 8. 1 today. Then more.", &["It cost $2. 6 million on Windows 8. 1 today.", "Then more."])]
    #[case::date_opens_sentence("On December 23, 2008 President Bush signed it.", &["On December 23, 2008 President Bush signed it."])]
    #[case::title_case_sentence_kept("The United Nations Security Council met on Monday.", &["The United Nations Security Council met on Monday."])]
    #[case::no_space_after_stop("Visit example.com today. Now.", &["Visit example.com today.", "Now."])]
    fn splits_sentences(#[case] text: &str, #[case] expected: &[&str]) {
        assert_eq!(split(text), expected);
    }

    #[test]
    fn headline_caption_and_dateline_lines_stand_alone() {
        let text = "Putin apologises for downed jet\n\nMOSCOW (Reuters)\nThe Kremlin said so. More.\nThe crash killed 38 people\n(Image: AFP via Getty Images)\n";
        assert_eq!(
            split(text),
            [
                "Putin apologises for downed jet",
                "MOSCOW (Reuters)",
                "The Kremlin said so.",
                "More.",
                "The crash killed 38 people",
                "(Image: AFP via Getty Images)"
            ]
        );
    }

    #[test]
    fn wrapped_text_joins_lines() {
        let text = "The plane had repeatedly tried to land at\nGrozny airport, and the pilots were\nforced to divert over the sea. It crashed\nnear Aktau.";
        assert_eq!(
            split(text),
            [
                "The plane had repeatedly tried to land at\nGrozny airport, and the pilots were\nforced to divert over the sea.",
                "It crashed\nnear Aktau."
            ]
        );
    }

    #[test]
    fn crlf_and_cr_only_lines() {
        assert_eq!(split("One line\r\nTwo line\r\n"), ["One line", "Two line"]);
        assert_eq!(split("One line\rTwo line"), ["One line", "Two line"]);
    }

    #[test]
    fn metadata_spans_are_their_own_sentences() {
        let text = "date 2024-12-29 Putin spoke.";
        let sentences = split_sentences(text, &[Span::new(0, 15)]);
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].kind, Some(Boilerplate::Metadata));
        assert_eq!(sentences[1].span().text(text), Some("Putin spoke."));
    }

    #[rstest]
    #[case::credit("(Image: Anadolu via Getty Images)", Boilerplate::Credit)]
    #[case::agency_credit("Reuters/Getty", Boilerplate::Credit)]
    #[case::follow("Follow us on:", Boilerplate::Share)]
    #[case::newsletter(
        "For the latest news from the Daily Star, sign up for our newsletters.",
        Boilerplate::Newsletter
    )]
    #[case::reply("Leave a Reply", Boilerplate::Comments)]
    #[case::email("Your email address will not be published.", Boilerplate::Comments)]
    #[case::tags("Breaking NewsChristmasFacebookTwitterVladimir Putin", Boilerplate::Tags)]
    #[case::separator("* * *", Boilerplate::Decoration)]
    fn classifies_boilerplate(#[case] text: &str, #[case] kind: Boilerplate) {
        assert_eq!(classify(text), Some(kind));
    }

    #[rstest]
    #[case("Reuters reported that the plane was hit.")]
    #[case("Putin said he would follow the investigation.")]
    #[case("The Kremlin said the call took place at Putin's request.")]
    fn prose_is_not_boilerplate(#[case] text: &str) {
        assert_eq!(classify(text), None);
    }

    #[test]
    fn caption_before_credit_is_marked() {
        let text = "Body sentence.\nThe crash killed 38 people\n(Image: AFP via Getty Images)\nMore body.";
        let kinds: Vec<_> = split_sentences(text, &[]).iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [None, Some(Boilerplate::Caption), Some(Boilerplate::Credit), None]
        );
    }
}
