//! Quotations: a sentence → the spans between quotation marks.
//!
//! Consumes one sentence; produces [`Found`]s of kind quote, key "quote", whose span is the
//! quoted words without the marks and whose value is the quotation as first written; two
//! articles quoting the same words (compared by [`normalize`]) make one fact. Curly (“…”) and straight ("…") double
//! quotes are read; single quotes are not (they are apostrophes too often). A quotation that
//! opens and does not close in the sentence runs to its end, and a closing mark with no
//! opening one starts the quotation at the sentence start: segmentation splits long
//! quotations into sentences.
//!
//! Weak spots: a stray or unbalanced mark makes the rest of the sentence a quotation;
//! nested quotations are part of the outer one.

use super::{Found, Kind, Value};
use crate::span::Span;

/// Characters trimmed from both ends of a quotation.
fn is_edge(c: char) -> bool {
    c.is_whitespace() || matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '\u{feff}')
}

/// The quoted words in lower case, one space apart: what two quotations compare on.
#[must_use]
pub fn normalize(text: &str) -> String {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The quotations of one sentence.
#[must_use]
pub fn find_quotes(text: &str, sentence: Span) -> Vec<Found> {
    let Some(slice) = sentence.text(text) else {
        return Vec::new();
    };
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    let mut previous: Option<char> = None;
    for (idx, c) in slice.char_indices() {
        let after = idx + c.len_utf8();
        match c {
            '“' if open.is_none() => open = Some(after),
            '”' => match open.take() {
                Some(start) => pieces.push((start, idx)),
                None if pieces.is_empty() => pieces.push((0, idx)),
                None => {}
            },
            '"' => {
                if let Some(start) = open.take() {
                    pieces.push((start, idx));
                } else if previous
                    .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | ':' | '[' | '—' | '–'))
                {
                    open = Some(after);
                }
            }
            _ => {}
        }
        previous = Some(c);
    }
    if let Some(start) = open {
        pieces.push((start, slice.len()));
    }
    pieces
        .into_iter()
        .filter_map(|(start, end)| {
            let inner = slice.get(start..end)?;
            let lead = inner.len() - inner.trim_start_matches(is_edge).len();
            let body = inner.trim_matches(is_edge);
            if !body.chars().any(char::is_alphanumeric) {
                return None;
            }
            let from = sentence.start + start + lead;
            Some(Found {
                kind: Kind::Quote,
                key: "quote".into(),
                value: Value::Text(body.to_owned()),
                span: Span::new(from, from + body.len()),
                slot: false,
                strength: 1,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        find_quotes(text, Span::new(0, text.len()))
            .into_iter()
            .filter_map(|f| f.span.text(text).map(str::to_owned))
            .collect()
    }

    #[rstest]
    #[case::curly("Putin said the “tragic incident” had occurred.", &["tragic incident"])]
    #[case::straight("He said \"stop spreading disinformation\" today.", &["stop spreading disinformation"])]
    #[case::two("a “weapon” and “external interference”.", &["weapon", "external interference"])]
    #[case::unclosed("“During the conversation, it was noted that", &["During the conversation, it was noted that"])]
    #[case::continued("and Russian air defence systems repelled these attacks.”", &["and Russian air defence systems repelled these attacks."])]
    #[case::nested("“‘At the time, Grozny was under attack.”", &["At the time, Grozny was under attack."])]
    #[case::apostrophe("Putin’s request", &[])]
    fn quote_cases(#[case] text: &str, #[case] expected: &[&str]) {
        assert_eq!(quotes(text), expected);
    }

    #[test]
    fn same_words_normalize_alike() {
        assert_eq!(normalize("Tragic  incident,"), normalize("tragic incident"));
    }
}
