//! The analysis result: what every stage writes and every view and exporter reads.
//!
//! Field names follow `shared/eval/CONTRACT.md` (`schema: 1`, byte offsets, `end`
//! exclusive). Fields beyond the contract are allowed; renaming a contract field breaks the
//! evaluation scripts, so don't.

use serde::{Deserialize, Serialize};

use crate::span::{ArticleId, SentenceId, Span};

mod check;
pub use check::check_contract;

/// The version of the JSON contract this model serialises to.
pub const SCHEMA: u32 = 1;

/// Everything parallax found in a set of articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Contract version, always [`SCHEMA`].
    pub schema: u32,
    /// The articles, in the order they were given.
    pub articles: Vec<Article>,
    /// Aligned passages in reading order; every non-boilerplate sentence is in exactly one.
    pub groups: Vec<Group>,
    /// Reported speech and cited claims.
    #[serde(default)]
    pub attributions: Vec<Attribution>,
    /// Facts consolidated across articles.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Keys on which the articles disagree, most important first.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// One article as read, with its sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The path it was read from (`-` for standard input).
    pub path: String,
    /// Who published it: the header's `source:`, else the file name.
    pub source: String,
    /// The headline, from the header or the first line when it reads as one.
    pub title: Option<String>,
    /// The publication date as `YYYY-MM-DD` when known.
    pub date: Option<String>,
    /// The address it came from, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The text exactly as read (when the file was valid UTF-8; see `invalid_utf8_at`).
    pub text: String,
    /// Byte offset of the first invalid UTF-8 sequence when the file was not valid UTF-8;
    /// invalid bytes were then replaced by U+FFFD and offsets point into the decoded text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_utf8_at: Option<usize>,
    /// The input's format when it was not plain text: `"html"` for a page whose main text
    /// was extracted (the text is then that extraction, with a header block).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Every sentence of the article, in order, not overlapping.
    pub sentences: Vec<Sentence>,
}

impl Article {
    /// The text of sentence `id`, or `""` when the id or its span is out of range.
    #[must_use]
    pub fn sentence_text(&self, id: SentenceId) -> &str {
        self.sentences
            .get(id.0)
            .and_then(|s| s.span().text(&self.text))
            .unwrap_or("")
    }
}

/// One sentence: a span of its article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Captions, credits, share prompts and the like: shown dimmed, never aligned.
    pub boilerplate: bool,
    /// What kind of boilerplate, when it is boilerplate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Boilerplate>,
}

impl Sentence {
    /// The sentence's byte range.
    #[must_use]
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The kinds of boilerplate that segmentation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// A header line or a date line: metadata, not prose.
    Metadata,
    /// An image caption.
    Caption,
    /// A picture credit such as "(Image: AFP via Getty Images)".
    Credit,
    /// "Follow us", "Share this".
    Share,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Comment forms: "Leave a Reply", "Your email address will not be published".
    Comments,
    /// Tag or topic lists, often run together (`Breaking NewsChristmasFacebook`).
    Tags,
    /// Lines with no letters or digits, such as separators.
    Decoration,
}

/// A member of a group: one sentence of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The article.
    pub article: ArticleId,
    /// The sentence within that article.
    pub sentence: SentenceId,
    /// Word runs of this sentence that no other member of the group shares.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diverging: Vec<DiffSpan>,
}

/// A passage: sentences of one or more articles that report the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The sentences, ordered by article and then sentence.
    pub members: Vec<Member>,
    /// How strongly the members agree lexically, 0 to 1 (0 for a single-article group).
    pub score: f32,
    /// Share of the members' words that diverge, 0 (identical) to 1.
    #[serde(default)]
    pub divergence: f32,
    /// True when a number, name or negation diverges: the divergences that matter most.
    #[serde(default)]
    pub significant: bool,
}

impl Group {
    /// The number of different articles among the members.
    #[must_use]
    pub fn article_count(&self) -> usize {
        let mut seen: Vec<ArticleId> = self.members.iter().map(|m| m.article).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }
}

/// A run of words in one member that the other members do not share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffSpan {
    /// First byte, into the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What diverges.
    pub kind: DiffKind,
}

impl DiffSpan {
    /// The run's byte range.
    #[must_use]
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// How a diverging word run matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// Ordinary wording.
    Changed,
    /// A number differs.
    Number,
    /// A name differs.
    Name,
    /// A negation appears on one side only.
    Negation,
}

/// A source span with the name it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Who the span stands for (a pronoun resolved), or the span's own text.
    pub name: String,
}

/// Who said what: reported speech or a cited claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The article.
    pub article: ArticleId,
    /// The sentence holding the cue.
    pub sentence: SentenceId,
    /// Who said it, when named.
    pub source: Option<SourceSpan>,
    /// The reporting verb or phrase.
    pub cue: Option<Span>,
    /// What was said.
    pub content: Span,
    /// True for a verbatim quotation.
    pub direct: bool,
    /// The outlet told, as in "told Reuters".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Span>,
}

/// One mention of a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The article.
    pub article: ArticleId,
    /// The sentence.
    pub sentence: SentenceId,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index into [`Analysis::attributions`] when the mention is attributed.
    pub attribution: Option<usize>,
    /// Index into [`Analysis::groups`] of the passage holding the sentence, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<usize>,
}

/// A fact: one key, one normalised value, every mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// number, date, person, place, organization, quote, code, …
    pub kind: String,
    /// What the value is about.
    pub key: String,
    /// The normalised value.
    pub value: String,
    /// Every mention.
    pub mentions: Vec<Mention>,
    /// The distinct articles that state it, in order: "k of n articles".
    #[serde(default)]
    pub articles: Vec<ArticleId>,
    /// Other spellings merged into this value ("Volodymr Zelensky" for "Volodymyr Zelensky").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
}

/// Articles that disagree on one key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// What kind of disagreement.
    pub kind: String,
    /// The key disagreed on.
    pub key: String,
    /// The competing claims.
    pub claims: Vec<Claim>,
    /// How much the disagreement matters, 0 to 100; conflicts are listed highest first.
    #[serde(default)]
    pub importance: u32,
}

/// One side of a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The value claimed.
    pub value: String,
    /// The mentions that make the claim.
    pub mentions: Vec<Mention>,
    /// The distinct articles that make the claim, in order.
    #[serde(default)]
    pub articles: Vec<ArticleId>,
    /// The distinct attributions (indices into [`Analysis::attributions`]) the claim is
    /// made through; empty when every mention is asserted bare.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<usize>,
}

/// Text made safe for a terminal or a report: control characters (escape sequences
/// included) become visible Unicode control pictures (ESC → ␛), line breaks and tabs become
/// spaces, so article text can never move the cursor, recolour or retitle a terminal.
#[must_use]
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => ' ',
            c if u32::from(c) < 0x20 => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_neutralises_escapes() {
        assert_eq!(printable("a\u{1b}[31mred\u{7}"), "a\u{241b}[31mred\u{2407}");
        assert_eq!(printable("line\nbreak"), "line break");
        assert!(matches!(printable("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
