//! Byte ranges into an article's text, and the typed ids that index articles and sentences.
//!
//! Every position parallax reports — a sentence, a diff run, a fact mention, an attribution
//! part — is a [`Span`] into the article's untouched `text`. Slicing goes through
//! [`Span::text`], which never panics: a span that is out of bounds or not on a character
//! boundary yields `None`.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into an article's text.
///
/// ```
/// use parallax::Span;
/// let text = "Flight J2-8243 crashed.";
/// let span = Span::new(7, 14);
/// assert_eq!(span.text(text), Some("J2-8243"));
/// assert_eq!(Span::new(7, 99).text(text), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The number of bytes the span covers.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers, or `None` when it is out of bounds or splits a character.
    #[must_use]
    pub fn text(self, src: &str) -> Option<&str> {
        src.get(self.start..self.end)
    }

    /// True when `other` lies entirely inside this span.
    #[must_use]
    pub const fn contains(self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span shrunk so that it neither starts nor ends with white space (including the
    /// byte-order mark and no-break spaces). An all-space span becomes empty at its end.
    #[must_use]
    pub fn trim(self, src: &str) -> Self {
        let Some(slice) = self.text(src) else {
            return self;
        };
        let lead = slice.len() - slice.trim_start_matches(is_space).len();
        let rest = slice.get(lead..).unwrap_or("");
        let body = rest.trim_end_matches(is_space).len();
        Self::new(self.start + lead, self.start + lead + body)
    }
}

/// White space for trimming: Unicode white space, the byte-order mark, the zero-width space,
/// the word joiner and the left-to-right and right-to-left marks.
#[must_use]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}' | '\u{200e}' | '\u{200f}')
}

/// Index of an article in [`crate::Analysis::articles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub usize);

/// Index of a sentence within its article's `sentences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SentenceId(pub usize);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_skips_bom_and_spaces() {
        let text = "\u{feff}  Hello.\r\n";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.text(text), Some("Hello."));
    }

    #[test]
    fn text_refuses_char_boundary() {
        let text = "é";
        assert_eq!(Span::new(1, 2).text(text), None);
    }

    #[test]
    fn all_space_span_is_empty() {
        let text = "a   b";
        assert!(Span::new(1, 4).trim(text).is_empty());
    }
}
