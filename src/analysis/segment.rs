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
//!   Inc.) unless a typical sentence opener follows ("in the U.S. The …").
//!
//! Boilerplate (captions, credits, share and follow prompts, newsletter sign-ups, comment
//! forms, run-together tag lists) is marked, never removed.
//!
//! Weak spots: a sentence that really starts in lower case is joined to the one before; an
//! abbreviation that ends a sentence before a name ("… in the U.S. Obama said") stays joined.

use std::sync::LazyLock;

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
    let mut spans: Vec<(Span, bool)> = Vec::new();
    for unit in units(text, &lines, structured) {
        for piece in subtract(unit, metadata) {
            for span in split_unit(text, piece, structured) {
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

/// Sentence boundaries inside one line or paragraph.
fn split_unit(text: &str, unit: Span, structured: bool) -> Vec<Span> {
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
    starts.extend(stamp_boundaries(slice));
    starts.sort_unstable();
    starts.dedup();
    starts.push(slice.len());
    let headlines: Vec<usize> = starts
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => slice.get(*a..*b).and_then(headline_end).map(|at| a + at),
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
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    let date = format!(
        r"(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{month}\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    );
    let time = r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:EST|EDT|GMT|UTC|PST|PDT|CST|CDT|ET|PT|BST|CET|IST))?)";
    static_regex(&format!(
        r"(?:(?:UPDATED|Updated|Posted|Published|Last updated)\s*:?\s*)?(?:(?:{date}|{time})(?:\s*,?\s*(?:{date}|{time}))*)"
    ))
});

/// Words after which a date belongs to the sentence ("on December 23, 2008").
const BEFORE_DATE: &[&str] = &[
    "on", "by", "in", "at", "since", "until", "from", "of", "to", "the", "and", "or", "before", "after",
    "between", "as", "dated", "till", "through", "around", "about", "than",
];

/// Boundaries around a date or time stamp standing between a headline and a sentence,
/// as in text whose line breaks were lost: "… as High as $184M December 23, 2008 For weeks
/// now, …" splits before and after "December 23, 2008". A stamp followed by a lower-case
/// word, or after a lower-case word ("signed", "on"), belongs to its sentence.
fn stamp_boundaries(slice: &str) -> Vec<usize> {
    let mut found = Vec::new();
    for stamp in STAMP.find_iter(slice) {
        let text = stamp.as_str();
        let has_year_or_time = text.contains(':')
            || text
                .as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit))
            || text.contains('/');
        if !has_year_or_time {
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
        let joins = previous_word.ends_with([',', ':', '(', '-', '—', '–'])
            || BEFORE_DATE.contains(&previous_word.to_lowercase().as_str())
            || previous_word.chars().next().is_some_and(char::is_lowercase);
        // A clock time or a numeric date is a stamp even after a lower-case word; a written
        // date there ("signed December 23, 2008 …") belongs to the sentence.
        let clock = text.contains(':') || text.contains('/');
        if joins && !clock {
            continue;
        }
        if !joins && !before.is_empty() && !before.ends_with(TERMINATORS) {
            found.push(stamp.start());
        }
        found.push(slice.len() - next.len());
    }
    found
}

/// Words a title-case headline leaves in lower case.
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "vs", "via", "into", "over", "after", "out", "up", "off", "is", "be",
];

/// Where a title-case headline ends when text whose line breaks were lost runs it into the
/// first sentence: "Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab Lindsay Lohan
/// has left …" ends before the second "Lindsay Lohan". The headline must be at least three
/// title-case words, and the sentence's opening capitalised words must repeat words of the
/// headline — a strong sign of a new sentence about the headline's subject.
fn headline_end(segment: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = segment
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - segment.as_ptr() as usize, w))
        .collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let lower_start = |w: &str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase)
    };
    let first_lower = words
        .iter()
        .position(|(_, w)| lower_start(w) && !TITLE_SMALL.contains(&bare(w).as_str()))?;
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
        let repeats = subject.first().is_some_and(|first| head.contains(first));
        let title_case = words
            .get(..start)?
            .iter()
            .all(|(_, w)| !lower_start(w) || TITLE_SMALL.contains(&bare(w).as_str()));
        if repeats && title_case {
            return words.get(start).map(|(at, _)| *at);
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
    #[case::time_stamp("Red Sox extend offer 12/16/08 1:30 AM EST Though the Red Sox waited.", &["Red Sox extend offer 12/16/08 1:30 AM EST", "Though the Red Sox waited."])]
    #[case::date_in_sentence("It happened on December 23, 2008 in Boston. Then more.", &["It happened on December 23, 2008 in Boston.", "Then more."])]
    #[case::date_after_verb("The deal was signed December 23, 2008 Boston time.", &["The deal was signed December 23, 2008 Boston time."])]
    #[case::run_in_headline(
        "Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab Lindsay Lohan has left the Betty Ford Center.",
        &["Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab", "Lindsay Lohan has left the Betty Ford Center."]
    )]
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
