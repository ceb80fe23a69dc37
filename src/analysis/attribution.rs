//! Attribution: who said (or believes, wants, found) what.
//!
//! Consumes the articles with their sentences (from `segment`); produces one
//! [`Attribution`] per quotation or reported claim: the source span (who), the cue (the
//! reporting verb or phrase), the content span, whether the content is a verbatim
//! quotation, and the channel of `told Reuters`. A pronoun source keeps the pronoun as its
//! span; its `name` is the most recent compatible named source before it (a person for
//! "he"/"she"), expanded to the full name found in the article ("Putin" → "Vladimir
//! Putin"). A person's name drops titles; any other source is named by its own text.
//!
//! How it works, per article, in one left-to-right pass over its tokens: quotation marks
//! are paired into quoted regions (which may span sentences, not paragraphs); every word
//! outside a quotation that is a cue (`lexicon`: reporting, belief and intention verbs in
//! all their forms, `according to`, stance adjectives after "be") is read in the syntax
//! around it. A subject noun phrase before the verb (after auxiliaries, adverbs, a
//! parenthesis or comma-enclosed appositions) is the source and the rest of the clause the
//! content (`X said (that) …`, `X told Y …`, `X said: "…"`, `…, saying …`); a verb that
//! ends its clause takes the content before it (`"…," X said.`, `…, said X.`), extended
//! over what follows an interruption (`"…," he said, "…"`, `"…," he said. "…"`, `A, he
//! said, B`), so an interrupted quote is one attribution whose content runs from the first
//! to the last fragment. Lines opening with a speaker label (`PENCE: …`) and quotations
//! signed with a dash (`"…" ― Name`) are read too. The candidates are then made univocal,
//! as `PolNeAR` annotates: longer contents first, and a cue or content inside a kept
//! content is dropped. Boilerplate sentences (captions, tag lists) are skipped.
//!
//! Invariants: every span is non-empty and on character boundaries of `Article.text`;
//! the cue lies in the sentence `sentence`; the cue overlaps the content only in an
//! interrupted quotation; contents of different attributions never overlap. Every scan is
//! bounded (a clause is read for at most 150 tokens), so the work stays linear in the text.
//!
//! Weak spots: no parser, so subjects are noun phrases found by word classes and
//! capitalisation, and clause ends by punctuation and conjunctions; nouns that are also cue
//! verbs ("plans", "claims") are told apart by their neighbours only; passive cues ("is
//! expected to"), noun cues ("in a statement", "his claim that") and the long tail of
//! rarer verbs `PolNeAR` counts ("unleashed", "spoke of") are missed; a bare quotation with
//! no cue in its own or the neighbouring sentence gets no attribution.

mod lexicon;
mod tokens;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use crate::model::{Article, Attribution, SourceSpan};
use crate::span::{ArticleId, SentenceId, Span};
use lexicon::{Class, Form};
use tokens::{Kind, Token, Tokens};

/// Finds every attribution in every article, in article order and text order.
#[must_use]
pub fn find_attributions(articles: &[Article]) -> Vec<Attribution> {
    let started = std::time::Instant::now();
    let per_article: Vec<Vec<Attribution>> = articles
        .par_iter()
        .enumerate()
        .map(|(idx, article)| find_in_article(ArticleId(idx), article))
        .collect();
    let out: Vec<Attribution> = per_article.into_iter().flatten().collect();
    tracing::debug!(
        attributions = out.len(),
        elapsed = ?started.elapsed(),
        "attributions found"
    );
    out
}

/// The most tokens a content clause (outside quotations) or a lead is scanned for: long
/// enough for any reported clause, short enough that a run-on text stays linear.
const MAX_CLAUSE_TOKENS: usize = 150;

/// An inclusive range of token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Range {
    first: usize,
    last: usize,
}

impl Range {
    const fn new(first: usize, last: usize) -> Self {
        Self { first, last }
    }
    const fn overlaps(self, other: Self) -> bool {
        self.first <= other.last && other.first <= self.last
    }
    const fn len(self) -> usize {
        self.last.saturating_sub(self.first) + 1
    }
}

/// An attribution in token ranges, before conversion to byte spans.
#[derive(Debug, Clone)]
struct Candidate {
    source: Option<Range>,
    cue: Range,
    content: Range,
    direct: bool,
    channel: Option<Range>,
}

/// One article's tokens with the sentence of each token.
struct Doc<'a> {
    text: &'a str,
    tokens: Tokens,
    /// Sentence index of every token.
    sentence_of: Vec<usize>,
    /// First and one-past-last token of every sentence.
    sentence_tokens: Vec<(usize, usize)>,
    /// Whether each sentence is boilerplate (captions, tag lists, credits).
    boilerplate: Vec<bool>,
}

impl<'a> Doc<'a> {
    fn new(article: &'a Article) -> Self {
        let text = article.text.as_str();
        let tokens = tokens::tokenize(text);
        let mut sentence_of = Vec::with_capacity(tokens.list.len());
        let mut sentence_tokens = vec![(0usize, 0usize); article.sentences.len().max(1)];
        let mut current = 0usize;
        for (idx, token) in tokens.list.iter().enumerate() {
            while article
                .sentences
                .get(current)
                .is_some_and(|s| s.end <= token.span.start)
                && current + 1 < article.sentences.len()
            {
                current += 1;
            }
            sentence_of.push(current);
            if let Some(bounds) = sentence_tokens.get_mut(current) {
                if bounds.1 == 0 {
                    bounds.0 = idx;
                }
                bounds.1 = idx + 1;
            }
        }
        Self {
            text,
            tokens,
            sentence_of,
            sentence_tokens,
            boilerplate: article.sentences.iter().map(|s| s.boilerplate).collect(),
        }
    }

    /// True when the token lies in a title-case sentence (a headline such as "Obama Says
    /// Museum Will Tell of …"), where a capitalised cue word is still a verb.
    fn in_headline(&self, idx: usize) -> bool {
        let (first, end) = self.sentence_bounds(idx);
        let words = (first..end).filter(|m| self.is_word(*m));
        let (mut total, mut capital) = (0usize, 0usize);
        for m in words {
            total += 1;
            capital += usize::from(
                self.capital(m)
                    || matches!(
                        self.lower(m),
                        "of" | "the" | "a" | "an" | "to" | "for" | "in" | "on" | "and"
                    ),
            );
            if total > 40 {
                return false;
            }
        }
        total >= 3 && capital * 10 >= total * 9
    }

    /// True when the token lies in a boilerplate sentence.
    fn in_boilerplate(&self, idx: usize) -> bool {
        self.sentence_of
            .get(idx)
            .and_then(|s| self.boilerplate.get(*s))
            .copied()
            .unwrap_or(false)
    }

    fn token(&self, idx: usize) -> Option<&Token> {
        self.tokens.list.get(idx)
    }

    fn lower(&self, idx: usize) -> &str {
        self.token(idx).map_or("", |t| t.lower.as_str())
    }

    fn kind(&self, idx: usize) -> Option<Kind> {
        self.token(idx).map(|t| t.kind)
    }

    fn is_punct(&self, idx: usize, c: char) -> bool {
        self.kind(idx) == Some(Kind::Punct(c))
    }

    fn is_word(&self, idx: usize) -> bool {
        self.kind(idx) == Some(Kind::Word)
    }

    fn capital(&self, idx: usize) -> bool {
        self.token(idx).is_some_and(|t| t.capital)
    }

    fn quote_of(&self, idx: usize) -> Option<usize> {
        self.tokens.quote_of.get(idx).copied().flatten()
    }

    fn quote(&self, q_idx: usize) -> Option<tokens::Quote> {
        self.tokens.quotes.get(q_idx).copied()
    }

    /// The sentence's token range `[first, end)` for the token.
    fn sentence_bounds(&self, idx: usize) -> (usize, usize) {
        self.sentence_of
            .get(idx)
            .and_then(|s| self.sentence_tokens.get(*s))
            .copied()
            .unwrap_or((idx, idx + 1))
    }

    fn span(&self, range: Range) -> Span {
        let start = self.token(range.first).map_or(0, |t| t.span.start);
        let end = self.token(range.last).map_or(start, |t| t.span.end);
        Span::new(start, end.max(start))
    }

    fn text_of(&self, range: Range) -> &str {
        self.span(range).text(self.text).unwrap_or("")
    }

    /// True for a sentence-ending token: `.`, `!`, `?`, or none.
    fn ends_clause(&self, idx: usize, end: usize) -> bool {
        idx >= end
            || matches!(
                self.kind(idx),
                Some(Kind::Punct('.' | '!' | '?' | ';' | ')')) | None
            )
    }

    /// True for a dash: `—`, `–`, or either hyphen of `--`.
    fn is_dash(&self, idx: usize) -> bool {
        self.is_punct(idx, '—')
            || self.is_punct(idx, '–')
            || (self.is_punct(idx, '-')
                && (self.is_punct(idx + 1, '-') || self.is_punct(idx.wrapping_sub(1), '-')))
    }

    /// True when the word is possessive ("Trump’s").
    fn possessive(&self, idx: usize) -> bool {
        let lower = self.lower(idx);
        lower.ends_with("'s") || lower.ends_with("’s") || lower.ends_with("s'") || lower.ends_with("s’")
    }
}

fn find_in_article(article_id: ArticleId, article: &Article) -> Vec<Attribution> {
    let doc = Doc::new(article);
    let mut candidates = Vec::new();
    let count = doc.tokens.list.len();
    let mut idx = 0;
    while idx < count {
        if doc.in_boilerplate(idx) {
            idx += 1;
            continue;
        }
        if doc.quote_of(idx).is_none() && doc.is_word(idx) {
            let found = if doc.lower(idx) == "according" && doc.lower(idx + 1) == "to" {
                according_to(&doc, idx)
            } else if doc.capital(idx) && !doc.in_headline(idx) && !opens_inverted_report(&doc, idx) {
                // "States", "Says" in a headline: a capitalised cue word is a name or a title.
                None
            } else {
                adjective_cue(&doc, idx)
                    .or_else(|| continued_cue(&doc, idx))
                    .or_else(|| lexicon::cue(doc.lower(idx)))
                    .and_then(|cue| verb_cue(&doc, idx, cue))
            };
            if let Some(candidate) = found {
                candidates.push(candidate);
            }
        }
        if let Some(candidate) = dash_signature(&doc, idx).or_else(|| speaker_label(&doc, idx)) {
            candidates.push(candidate);
        }
        idx += 1;
    }
    let kept = make_univocal(candidates);
    let names = NameIndex::new(&doc);
    let mut out: Vec<Attribution> = Vec::with_capacity(kept.len());
    let mut recent = Recent::default();
    for candidate in kept {
        let source = candidate.source.map(|range| {
            let span = doc.span(range);
            let name = source_name(&doc, range, &names, &recent);
            if !is_pronoun_range(&doc, range) {
                let slot = if is_person(&doc, range) {
                    &mut recent.person
                } else {
                    &mut recent.other
                };
                *slot = Some(name.clone());
            }
            SourceSpan {
                start: span.start,
                end: span.end,
                name,
            }
        });
        let sentence = doc.sentence_of.get(candidate.cue.first).copied().unwrap_or(0);
        out.push(Attribution {
            article: article_id,
            sentence: SentenceId(sentence),
            source,
            cue: Some(doc.span(candidate.cue)),
            content: doc.span(candidate.content),
            direct: candidate.direct,
            channel: candidate.channel.map(|r| doc.span(r)),
        });
    }
    out
}

/// Keeps candidates so that no cue lies inside another kept attribution's content and no
/// two contents overlap (`PolNeAR` is univocal), preferring longer contents, then returns
/// them in text order.
fn make_univocal(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.content.len()), c.cue.first));
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    // Kept ranges stay disjoint, keyed by their first token: the one starting last at or
    // before a range's end is the only one that can overlap it.
    let mut claimed: BTreeMap<usize, Range> = BTreeMap::new();
    for candidate in candidates {
        let clash = |range: Range| {
            claimed
                .range(..=range.last)
                .next_back()
                .is_some_and(|(_, c)| c.overlaps(range))
        };
        // Sources may be shared ("X said A and added B"); contents and cues may not.
        let own_parts = [candidate.content, candidate.cue];
        if own_parts.iter().any(|r| clash(*r)) {
            continue;
        }
        // An interrupted quotation holds its own cue: claim the union once.
        let parts: Vec<Range> = if candidate.content.overlaps(candidate.cue) {
            vec![Range::new(
                candidate.content.first.min(candidate.cue.first),
                candidate.content.last.max(candidate.cue.last),
            )]
        } else {
            own_parts.to_vec()
        };
        for part in parts {
            claimed.insert(part.first, part);
        }
        kept.push(candidate);
    }
    kept.sort_by_key(|c| (c.content.first, c.cue.first));
    kept
}

/// True for a capitalised reporting verb opening its sentence before a name:
/// `Said Ellis: "…"`, `Added Trump, "…"`.
fn opens_inverted_report(doc: &Doc<'_>, idx: usize) -> bool {
    doc.sentence_bounds(idx).0 == idx
        && doc.capital(idx + 1)
        && matches!(
            doc.lower(idx),
            "said" | "says" | "added" | "adds" | "asked" | "asks" | "wrote" | "writes"
        )
}

/// A stance adjective after a form of "be" and before its complement ("are afraid that",
/// "is worried about", "was confident the"): read as a belief verb.
fn adjective_cue(doc: &Doc<'_>, idx: usize) -> Option<lexicon::Cue> {
    let be = matches!(
        doc.lower(idx.checked_sub(1)?),
        "is" | "are" | "was" | "were" | "be" | "been"
    );
    let complement = matches!(doc.lower(idx + 1), "that" | "about" | "to" | "of") || doc.is_word(idx + 1);
    (be && complement && lexicon::is_stance_adjective(doc.lower(idx))).then_some(lexicon::Cue {
        class: Class::Belief,
        form: Form::Third,
        noun: false,
    })
}

/// "continued" as a reporting verb: before a colon (`Limbaugh continued: "…"`) or after
/// a quotation (`"…," she continued.`); elsewhere it is an auxiliary ("continued to say").
fn continued_cue(doc: &Doc<'_>, idx: usize) -> Option<lexicon::Cue> {
    let form = match doc.lower(idx) {
        "continued" => Form::Past,
        "continues" => Form::Third,
        _ => return None,
    };
    let colon = doc.is_punct(idx + 1, ':');
    let after_quote = doc.ends_clause(idx + 1, idx + 2) || doc.is_punct(idx + 1, ',');
    (colon || after_quote).then_some(lexicon::Cue {
        class: Class::Speech,
        form,
        noun: false,
    })
}

/// A quotation signed with a dash: `“…” ― Karen Bobadilla`.
fn dash_signature(doc: &Doc<'_>, idx: usize) -> Option<Candidate> {
    if doc.kind(idx) != Some(Kind::Close) || !matches!(doc.kind(idx + 1), Some(Kind::Punct('―' | '—' | '–')))
    {
        return None;
    }
    let first = idx + 2;
    if !doc.capital(first) || doc.token(first).is_some_and(|t| t.line_break_before) {
        return None;
    }
    let mut last = first;
    let mut k = first + 1;
    while k < first + 8
        && doc.token(k).is_some_and(|t| !t.line_break_before)
        && (doc.is_word(k) || doc.is_punct(k, '.') && doc.is_word(k + 1))
    {
        if doc.is_word(k) {
            last = k;
        }
        k += 1;
    }
    let quote = doc.quote_of(idx).and_then(|q| doc.quote(q))?;
    candidate(
        doc,
        Some(Range::new(first, last)),
        Range::new(idx + 1, idx + 1),
        Range::new(quote.open, quote.close),
        None,
    )
}

/// A speaker label opening a line: `PENCE: Well, look, …`, `Rush Limbaugh: Hillary …`.
fn speaker_label(doc: &Doc<'_>, idx: usize) -> Option<Candidate> {
    let starts_line = idx == 0 || doc.token(idx).is_some_and(|t| t.line_break_before);
    if !starts_line {
        return None;
    }
    let first = if doc.kind(idx) == Some(Kind::Open) {
        idx + 1
    } else {
        idx
    };
    let mut k = first;
    while k < first + 4 && doc.capital(k) {
        k += 1;
    }
    if k == first || !doc.is_punct(k, ':') || doc.token(k + 1).is_none_or(|t| t.line_break_before) {
        return None;
    }
    if (first..k).any(|m| {
        matches!(
            doc.lower(m),
            "update"
                | "updated"
                | "note"
                | "editor’s"
                | "editor's"
                | "watch"
                | "read"
                | "related"
                | "photo"
                | "source"
                | "sources"
                | "image"
                | "video"
                | "credit"
                | "latest"
                | "breaking"
                | "q"
                | "a"
        )
    }) {
        return None;
    }
    let mut last = k + 1;
    let mut m = k + 1;
    while doc.token(m).is_some_and(|t| !t.line_break_before) {
        last = m;
        m += 1;
    }
    let content = if doc.kind(k + 1) == Some(Kind::Open) {
        doc.quote_of(k + 1)
            .and_then(|q| doc.quote(q))
            .map_or(Range::new(k + 1, last), |q| Range::new(q.open, q.close))
    } else {
        Range::new(k + 1, last)
    };
    // Two words at least: "Poll: Clinton and Trump in dead heat".
    if (content.first..=content.last).filter(|i| doc.is_word(*i)).count() < 2 {
        return None;
    }
    candidate(
        doc,
        Some(Range::new(first, k - 1)),
        Range::new(k, k),
        content,
        None,
    )
}

/// `according to X, …` and `…, according to X`.
fn according_to(doc: &Doc<'_>, idx: usize) -> Option<Candidate> {
    let (s_first, s_end) = doc.sentence_bounds(idx);
    let cue = Range::new(idx, idx + 1);
    let source = noun_phrase_after(doc, idx + 2, s_end)?;
    let after = source.last + 1;
    // "According to X, …", "But, according to X, …", "And according to X, …".
    let opens_clause = idx == s_first
        || (idx == s_first + 2 && doc.is_punct(idx - 1, ','))
        || (idx == s_first + 1 && matches!(doc.lower(s_first), "but" | "and" | "yet" | "so"));
    if opens_clause && doc.is_punct(after, ',') {
        let content = clause_after(doc, after + 1, s_end)?;
        return candidate(doc, Some(source), cue, content, None);
    }
    let left_end = if doc.is_punct(idx.wrapping_sub(1), ',') || doc.is_punct(idx.wrapping_sub(1), '—') {
        idx.checked_sub(2)?
    } else {
        idx.checked_sub(1)?
    };
    let content = content_before(doc, s_first, left_end)?;
    candidate(doc, Some(source), cue, content, None)
}

/// Builds a candidate, marking it direct when the content is quoted. A hearer that is not a
/// name ("told reporters") joins the cue; a named one ("told Reuters") is the channel.
fn candidate(
    doc: &Doc<'_>,
    source: Option<Range>,
    cue: Range,
    content: Range,
    channel: Option<Range>,
) -> Option<Candidate> {
    let direct = is_quoted(doc, content);
    // A content needs a word: punctuation alone was not said by anyone.
    if !has_words(doc, content) {
        return None;
    }
    let (cue, channel) = match channel {
        Some(hearer) if !doc.capital(hearer.first) && hearer.first == cue.last + 1 => {
            (Range::new(cue.first, hearer.last), None)
        }
        other => (cue, other),
    };
    Some(Candidate {
        source,
        cue,
        content,
        direct,
        channel,
    })
}

/// True when the range is covered by quoted regions from its first to its last word.
fn is_quoted(doc: &Doc<'_>, range: Range) -> bool {
    let mut first_word = range.first;
    while first_word < range.last && !doc.is_word(first_word) {
        first_word += 1;
    }
    let mut last_word = range.last;
    while last_word > first_word && !doc.is_word(last_word) {
        last_word -= 1;
    }
    let (Some(a), Some(b)) = (doc.quote_of(first_word), doc.quote_of(last_word)) else {
        return false;
    };
    // Interrupted quotes: every word between two quoted parts is the interruption.
    a == b || b > a
}

/// A reporting, belief or intention verb at `idx`.
fn verb_cue(doc: &Doc<'_>, idx: usize, cue: lexicon::Cue) -> Option<Candidate> {
    let (s_first, s_end) = doc.sentence_bounds(idx);
    // Walk back over auxiliaries, adverbs and "on Friday".
    let mut j = idx;
    let mut aux = false;
    let mut be_aux = false;
    let mut parenthesis: Option<usize> = None;
    while j > s_first {
        let prev = doc.lower(j - 1);
        let ly_adverb = prev.len() > 4 && prev.ends_with("ly") && !doc.capital(j - 1);
        if doc.is_word(j - 1) && (lexicon::is_aux_or_adverb(prev) || ly_adverb) {
            aux |= matches!(
                prev,
                "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "could"
                    | "did"
                    | "does"
                    | "do"
                    | "may"
                    | "might"
                    | "can"
                    | "should"
                    | "must"
                    | "not"
                    | "never"
                    | "also"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
            );
            be_aux |= matches!(prev, "is" | "was" | "are" | "were" | "be" | "been" | "being");
            j -= 1;
        } else if doc.is_punct(j - 1, ')')
            && let Some(open) = (j.saturating_sub(12).max(s_first)..j - 1)
                .rev()
                .find(|m| doc.is_punct(*m, '('))
            && open > s_first
            && doc.is_word(open - 1)
        {
            // "Rep. Gwen Moore (D-Wis.) said": the parenthesis belongs to the subject.
            parenthesis = Some(j - 1);
            j = open;
        } else if doc.is_word(j - 1) && is_weekday(prev) {
            j -= 1;
            if doc.lower(j.wrapping_sub(1)) == "on" && j > s_first {
                j -= 1;
            }
        } else {
            break;
        }
    }
    // Passives ("is expected", "was told") have no subject source; skip them.
    if be_aux && matches!(cue.form, Form::Past) {
        return None;
    }
    // A progressive ("is demanding") is a finite verb.
    let cue = if be_aux && cue.form == Form::Ing {
        lexicon::Cue {
            form: Form::Third,
            ..cue
        }
    } else {
        cue
    };
    // A closing mark that ended the previous sentence still counts: `“…?” Trump said.`
    let prev = j.checked_sub(1).filter(|p| {
        *p >= s_first
            || (doc.kind(*p) == Some(Kind::Close) && doc.token(j).is_some_and(|t| !t.line_break_before))
    });
    let prev_lower = prev.map_or("", |p| doc.lower(p));
    let cue_range = Range::new(idx, idx);

    // A participle after a comma: "…, saying …", "…, adding that …".
    if cue.form == Form::Ing {
        let gerund = matches!(
            prev_lower,
            "for" | "from" | "by" | "after" | "before" | "without" | "while" | "when" | "of" | "about"
        );
        if (prev.is_some_and(|p| doc.is_punct(p, ',')) || gerund) && !aux {
            let source = sentence_subject(doc, s_first, idx);
            let (content, channel) = content_after(doc, idx, cue, s_end)?;
            return candidate(doc, source, cue_range, content, channel);
        }
        return None;
    }
    // "to say" is an infinitive, not a report, unless "went on to say".
    if prev_lower == "to" {
        let before = prev.and_then(|p| p.checked_sub(1)).map_or("", |p| doc.lower(p));
        if before != "on" {
            return None;
        }
        let source = sentence_subject(doc, s_first, idx);
        let (content, channel) = content_after(doc, idx, cue, s_end)?;
        return candidate(doc, source, cue_range, content, channel);
    }

    let subject = match prev {
        Some(p) if doc.is_word(p) => {
            if lexicon::is_determiner(prev_lower) || lexicon::is_preposition(prev_lower) {
                return None;
            }
            if cue.noun && matches!(cue.form, Form::Base | Form::Third) && !aux {
                let plural = prev_lower.ends_with('s') && !doc.possessive(p);
                let name = doc.capital(p) && !doc.possessive(p) && p > s_first;
                let next = doc.lower(idx + 1);
                let next_is_verb = lexicon::is_aux_or_adverb(next)
                    && !matches!(
                        next,
                        "also" | "then" | "now" | "again" | "still" | "only" | "even" | "just"
                    );
                let next_ok = doc.is_word(idx + 1)
                    && !next_is_verb
                    && !matches!(
                        next,
                        "of" | "in"
                            | "on"
                            | "from"
                            | "by"
                            | "with"
                            | "and"
                            | "or"
                            | "at"
                            | "into"
                            | "which"
                            | "who"
                    );
                // After a plain noun the verb reading needs a complement that starts like
                // one: "the average shows Clinton ahead", "a poll shows that …".
                let next_starts_complement = next == "that"
                    || next == "to"
                    || doc.capital(idx + 1)
                    || lexicon::is_determiner(next)
                    || lexicon::is_pronoun(next)
                    || matches!(next, "him" | "her" | "them" | "us" | "me")
                    || doc
                        .token(idx + 1)
                        .is_some_and(|t| t.lower.starts_with(|c: char| c.is_ascii_digit()));
                let third_after_noun = cue.form == Form::Third
                    && next_ok
                    && next_starts_complement
                    && !prev_lower.ends_with("ed")
                    && !lexicon::is_clause_word(prev_lower);
                // "…, The Wall Street Journal reports." ends its clause: a verb.
                let clause_end = doc.ends_clause(idx + 1, s_end) && (name || plural);
                if !(lexicon::is_pronoun(prev_lower) || plural || name || third_after_noun)
                    || !next_ok && !lexicon::is_pronoun(prev_lower) && !clause_end
                {
                    return None;
                }
            }
            if doc.possessive(p) {
                return None;
            }
            if matches!(prev_lower, "and" | "but" | "or") {
                Subject::Shared
            } else if prev_lower == "that" {
                Subject::Found(noun_phrase_before(doc, p.checked_sub(1)?, s_first)?)
            } else if lexicon::is_clause_word(prev_lower) {
                return None;
            } else if lexicon::is_pronoun(prev_lower) {
                Subject::Found(Range::new(p, p))
            } else {
                Subject::Found(noun_phrase_before(doc, p, s_first)?)
            }
        }
        // ", called to service by the governor,": a participle, not a report.
        Some(p)
            if doc.is_punct(p, ',')
                && cue.form == Form::Past
                && matches!(doc.lower(idx + 1), "to" | "by") =>
        {
            return None;
        }
        Some(p) if doc.is_punct(p, ',') || doc.kind(p) == Some(Kind::Close) || doc.is_dash(p) => {
            Subject::AfterPunct(p)
        }
        None => Subject::Initial,
        Some(_) => return None,
    };

    match subject {
        Subject::Found(source) => {
            let source = match parenthesis {
                Some(close) if doc.is_punct(source.last + 1, '(') => Range::new(source.first, close),
                _ => source,
            };
            subject_then_cue(doc, source, idx, cue, s_first, s_end)
        }
        Subject::Shared => {
            let source = sentence_subject(doc, s_first, idx);
            let (content, channel) = content_after(doc, idx, cue, s_end)?;
            candidate(doc, source, cue_range, content, channel)
        }
        Subject::AfterPunct(p) => {
            // "…," said Caddell. / "…," says the report.
            // After a bare comma the inverted source must end the sentence ("…, said
            // officials."); otherwise the comma closes an apposition before the verb.
            let inverted = inverted_source(doc, idx + 1, s_end).filter(|source| {
                doc.kind(p) == Some(Kind::Close)
                    || doc.kind(p.wrapping_sub(1)) == Some(Kind::Close)
                    || doc.ends_clause(source.last + 1, s_end)
                    || doc.capital(source.first)
            });
            if cue.class != Class::Belief
                && let Some(source) = inverted
            {
                let content = content_left_of(doc, p, s_first)?;
                let content = extend_interrupted(doc, content, source.last + 1, s_end);
                return candidate(doc, Some(source), cue_range, content, None);
            }
            // "Stein, who …, said …": the subject stands before the parenthetical.
            if doc.is_punct(p, ',') || doc.is_dash(p) {
                let p = if doc.is_punct(p, '-') && doc.is_punct(p.wrapping_sub(1), '-') {
                    p - 1
                } else {
                    p
                };
                let source = subject_before_apposition(doc, p, s_first)?;
                return subject_then_cue(doc, source, idx, cue, s_first, s_end);
            }
            None
        }
        Subject::Initial => {
            // `Said Ellis: "…"`: the source follows, then a colon or comma and the content.
            let source = inverted_source(doc, idx + 1, s_end)?;
            let after = source.last + 1;
            if !(doc.is_punct(after, ':') || doc.is_punct(after, ',')) {
                return None;
            }
            let content = match doc.quote_of(after + 1).and_then(|q| doc.quote(q)) {
                Some(quote) if quote.open == after + 1 => Range::new(quote.open, quote.close),
                _ => clause_after(doc, after + 1, s_end)?,
            };
            candidate(doc, Some(source), cue_range, content, None)
        }
    }
}

/// What stands before a cue verb.
enum Subject {
    /// A noun phrase or pronoun.
    Found(Range),
    /// "… and said": the verb shares the clause's subject.
    Shared,
    /// A comma, a closing quotation mark or a dash at this token.
    AfterPunct(usize),
    /// Nothing: the verb opens the sentence.
    Initial,
}

/// The subject before one or more comma-enclosed phrases ending at the comma `comma`:
/// "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said".
fn subject_before_apposition(doc: &Doc<'_>, comma: usize, s_first: usize) -> Option<Range> {
    let mut seg_end = comma;
    let mut head: Option<Range> = None;
    for _ in 0..4 {
        // The boundary before this segment: a comma, a closing mark or the sentence start.
        let mut b = seg_end;
        let mut found = None;
        let mut has_cue = false;
        while b > s_first && seg_end - b <= 60 {
            b -= 1;
            if doc.is_punct(b, ',') || doc.kind(b) == Some(Kind::Close) || doc.is_dash(b) {
                found = Some(b);
                break;
            }
            has_cue |= doc.is_word(b) && lexicon::cue(doc.lower(b)).is_some_and(|c| !c.noun);
        }
        let first = found.map_or(s_first, |b| b + 1);
        let opener = doc.lower(first);
        let relative = matches!(opener, "who" | "which" | "whose" | "who’s" | "who's")
            || (opener.ends_with("ing") && !doc.capital(first));
        // Noun phrases are short; a relative clause may run longer.
        if first >= seg_end || seg_end - first > if relative { 60 } else { 24 } {
            return head;
        }
        // A leading phrase ("In a statement,", "In fact,") or a dateline ("WASHINGTON --")
        // is not the subject: stop before it.
        let dateline = first + 1 == seg_end
            && doc.token(first).is_some_and(|t| {
                t.span
                    .text(doc.text)
                    .is_some_and(|w| w.len() > 2 && w.chars().all(|c| !c.is_lowercase()))
            });
        if head.is_some() && ((lexicon::is_preposition(opener) && opener != "of") || dateline) {
            return head;
        }
        // Relative and participle clauses ("who was not invited", "dedicating the museum")
        // are skipped, whatever verb they hold; so are places ("of Ashton, Md.,").
        if has_cue && !relative {
            return head;
        }
        if !relative && opener != "of" {
            // "Va." ends on an abbreviation dot.
            let last = if doc.is_punct(seg_end - 1, '.') {
                seg_end.saturating_sub(2)
            } else {
                seg_end - 1
            };
            let Some(segment) = noun_phrase_before(doc, last, first) else {
                return head;
            };
            head = Some(segment);
        }
        match found {
            Some(b)
                if (doc.is_punct(b, ',') || doc.is_dash(b))
                    && doc.kind(b.wrapping_sub(1)) != Some(Kind::Close) =>
            {
                seg_end = if doc.is_punct(b, '-') && doc.is_punct(b.wrapping_sub(1), '-') {
                    b - 1
                } else {
                    b
                };
            }
            _ => return head,
        }
    }
    head
}

/// `X said (that) …` or, when nothing follows, `"…," X said`.
fn subject_then_cue(
    doc: &Doc<'_>,
    source: Range,
    idx: usize,
    cue: lexicon::Cue,
    s_first: usize,
    s_end: usize,
) -> Option<Candidate> {
    let cue_range = Range::new(idx, idx);
    // A closing mark that ends the previous sentence of the same paragraph counts too
    // (`“…?” Trump said.`), but only when nothing follows the cue.
    let crossing = source.first == s_first;
    let before = source.first.checked_sub(1).filter(|b| {
        *b >= s_first
            || (doc.kind(*b) == Some(Kind::Close) && doc.token(s_first).is_some_and(|t| !t.line_break_before))
    });
    let quote_left = !crossing
        && before.is_some_and(|b| {
            doc.kind(b) == Some(Kind::Close)
                || (doc.is_punct(b, ',') && doc.kind(b.wrapping_sub(1)) == Some(Kind::Close))
        });
    let right = content_after(doc, idx, cue, s_end);
    if crossing && right.is_some() {
        return right
            .and_then(|(content, channel)| candidate(doc, Some(source), cue_range, content, channel));
    }
    if let Some((content, channel)) = right {
        // After `"…," X said` only a "that" clause or a quotation is content on the right;
        // anything else ("several months later") is circumstance.
        let strong = matches!(doc.lower(content.first.wrapping_sub(1)), "that" | ":");
        if !quote_left || strong || cue.class == Class::Belief {
            return candidate(doc, Some(source), cue_range, content, channel);
        }
    }
    // "…, a new analysis shows." takes the clause before; a belief verb takes no quotation.
    if cue.class == Class::Belief
        && !before.is_some_and(|b| doc.is_punct(b, ',') && doc.kind(b.wrapping_sub(1)) != Some(Kind::Close))
    {
        return None;
    }
    // Content before: the token before the source is a comma, dash or closing quote.
    let before = before?;
    let punct = doc.is_punct(before, ',') || doc.is_dash(before) || doc.kind(before) == Some(Kind::Close);
    if !punct {
        return None;
    }
    let left = content_left_of(doc, before, s_first)?;
    let after_cue = skip_adverbials(doc, idx + 1, s_end);
    let extended = extend_interrupted(doc, left, after_cue, s_end);
    // `X said A "…," she said. "B"`: the first quotation ends X's content, so this cue
    // takes only the quotation that follows it.
    let content = if extended.last > left.last
        && doc.kind(left.first) == Some(Kind::Open)
        && lead_has_cue(doc, left.first, s_first)
    {
        let open = (after_cue..=extended.last).find(|m| doc.kind(*m) == Some(Kind::Open));
        open.map_or(extended, |o| Range::new(o, extended.last))
    } else {
        extended
    };
    candidate(doc, Some(source), cue_range, content, None)
}

/// True when the words of the sentence before the quotation at `open` hold a cue, a colon
/// or another quotation: the quotation is then the end of that report.
fn lead_has_cue(doc: &Doc<'_>, open: usize, s_first: usize) -> bool {
    open > s_first
        && (s_first.max(open.saturating_sub(MAX_CLAUSE_TOKENS))..open).any(|m| {
            doc.quote_of(m).is_some()
                || doc.is_punct(m, ':')
                || lexicon::cue(doc.lower(m)).is_some_and(|c| !c.noun)
        })
}

/// The content ending just before the punctuation at `punct` (a comma, dash or closing
/// quotation mark): the quotation it closes, or the clause from the sentence start.
fn content_left_of(doc: &Doc<'_>, punct: usize, s_first: usize) -> Option<Range> {
    let mut end = punct;
    // Skip a comma and closing mark pair in either order: `,”` or `”,`.
    let mut k = punct;
    for _ in 0..2 {
        if doc.kind(k) == Some(Kind::Close) {
            let quote = doc.quote_of(k).and_then(|q| doc.quote(q))?;
            return Some(quote_with_lead(doc, quote, s_first));
        }
        if doc.is_punct(k, ',') || doc.is_punct(k, '—') {
            k = k.checked_sub(1)?;
            end = k;
        } else {
            break;
        }
    }
    if doc.kind(end) == Some(Kind::Close) {
        let quote = doc.quote_of(end).and_then(|q| doc.quote(q))?;
        return Some(quote_with_lead(doc, quote, s_first));
    }
    content_before(doc, s_first, end)
}

/// A quotation ending a clause, with the words of its clause before it: `Not paying taxes
/// "makes me smart," Trump said` (the quotation alone when it opens the sentence).
fn quote_with_lead(doc: &Doc<'_>, quote: tokens::Quote, s_first: usize) -> Range {
    if quote.open <= s_first || !doc.is_word(s_first) {
        return Range::new(quote.open, quote.close);
    }
    if lead_has_cue(doc, quote.open, s_first) {
        Range::new(quote.open, quote.close)
    } else {
        content_before(doc, s_first, quote.close).unwrap_or(Range::new(quote.open, quote.close))
    }
}

/// Content from the clause start to `last`: the sentence start, or, when the sentence
/// starts inside a quotation, that quotation's opening mark.
fn content_before(doc: &Doc<'_>, s_first: usize, last: usize) -> Option<Range> {
    if last < s_first {
        return None;
    }
    let mut first = s_first;
    if let Some(quote) = doc.quote_of(first).and_then(|q| doc.quote(q)) {
        first = first.min(quote.open);
    }
    // Leading conjunctions are not part of what was said.
    while first < last && matches!(doc.lower(first), "but" | "and" | "so" | "yet") {
        first += 1;
    }
    let range = Range::new(first, last);
    has_words(doc, range).then_some(range)
}

fn has_words(doc: &Doc<'_>, range: Range) -> bool {
    (range.first..=range.last).any(|i| doc.is_word(i))
}

/// After `"…," he said`: a following `, "…"` in the sentence, or a next sentence that
/// is a quotation, continues the same quote (one attribution, as `PolNeAR` annotates).
fn extend_interrupted(doc: &Doc<'_>, content: Range, after: usize, s_end: usize) -> Range {
    // A content that ends in a quotation ("Both parties "saw Burma …,"") continues like one.
    let mut last_word = content.last;
    while last_word > content.first && !doc.is_word(last_word) {
        last_word -= 1;
    }
    if doc.quote_of(last_word).is_none() {
        // "Too often, Mr. Clarke said, the debate …": the clause goes on after the cue.
        if doc.is_punct(after, ',') && doc.is_word(after + 1) && after + 1 < s_end {
            let next = doc.lower(after + 1);
            let starts_clause = lexicon::cue(next).is_some()
                || matches!(
                    next,
                    "but"
                        | "though"
                        | "although"
                        | "while"
                        | "as"
                        | "because"
                        | "who"
                        | "which"
                        | "according"
                        | "in"
                        | "at"
                        | "on"
                        | "during"
                        | "after"
                        | "before"
                        | "when"
                        | "referring"
                        | "noting"
                        | "adding"
                );
            if !starts_clause && let Some(rest) = clause_after(doc, after + 1, s_end) {
                return Range::new(content.first, rest.last);
            }
        }
        return content;
    }
    // A quotation later in the same sentence ("…," he said, "…") or opening the next
    // sentence of the same paragraph ("…," he said. "…").
    if (doc.is_punct(after, ',') || doc.is_punct(after, ':'))
        && doc.kind(after + 1) == Some(Kind::Open)
        && let Some(quote) = doc.quote_of(after + 1).and_then(|q| doc.quote(q))
    {
        return Range::new(content.first, quote.close);
    }
    let mut k = after;
    if s_end.saturating_sub(k) > MAX_CLAUSE_TOKENS {
        return content;
    }
    while k < s_end {
        // `…," Schiff told Capital Download on Wednesday, "but …"`: a quotation after a
        // comma later in the sentence resumes the quote.
        if doc.kind(k) == Some(Kind::Open) && (doc.is_punct(k - 1, ',') || doc.is_punct(k - 1, ':')) {
            return doc
                .quote_of(k)
                .and_then(|q| doc.quote(q))
                .map_or(content, |quote| Range::new(content.first, quote.close));
        }
        // Another report in the rest of the sentence owns what follows.
        let report = lexicon::cue(doc.lower(k))
            .is_some_and(|c| !c.noun && c.class != Class::Belief && matches!(c.form, Form::Past | Form::Ing));
        if doc.quote_of(k).is_some() || report {
            return content;
        }
        k += 1;
    }
    if k >= s_end && doc.token(k).is_some_and(|t| t.line_break_before) {
        return content;
    }
    if doc.kind(k) == Some(Kind::Open)
        && let Some(quote) = doc.quote_of(k).and_then(|q| doc.quote(q))
    {
        return Range::new(content.first, quote.close);
    }
    content
}

/// The content after a cue at `idx`, with the channel of `told Reuters`, or `None` when
/// the clause ends right after the cue.
fn content_after(
    doc: &Doc<'_>,
    idx: usize,
    cue: lexicon::Cue,
    s_end: usize,
) -> Option<(Range, Option<Range>)> {
    let mut k = idx + 1;
    let mut channel = None;
    // Particles of phrasal cues: "pointed out", "called for", "went on".
    if matches!(doc.lower(k), "out" | "for" | "on" | "up" | "back")
        && matches!(
            doc.lower(idx),
            "pointed"
                | "points"
                | "point"
                | "called"
                | "calls"
                | "call"
                | "calling"
                | "spoke"
                | "speaks"
                | "fired"
                | "shot"
                | "hit"
                | "followed"
                | "summed"
        )
    {
        k += 1;
    }
    k = skip_adverbials(doc, k, s_end);
    if cue.class == Class::Tell
        && let Some(object) = object_after(doc, k, s_end)
    {
        if doc.capital(object.first) || matches!(doc.lower(object.first), "reporters" | "journalists") {
            channel = Some(object);
        }
        k = object.last + 1;
        k = skip_adverbials(doc, k, s_end);
    }
    if doc.lower(k) == "to"
        && doc.is_word(k + 1)
        && matches!(doc.lower(k + 1), "reporters" | "journalists" | "supporters")
    {
        k += 2;
        k = skip_adverbials(doc, k, s_end);
    }
    // "says at a campaign stop in Toledo, Ohio, that …": a place name between commas.
    if doc.is_punct(k, ',') {
        let mut m = k + 1;
        while m < k + 5 && doc.capital(m) {
            m += 1;
        }
        if m > k + 1 && doc.is_punct(m, ',') && doc.lower(m + 1) == "that" {
            k = m + 1;
        }
    }
    if doc.is_punct(k, ':') || doc.is_punct(k, ',') {
        k += 1;
        // "said, …" without a quotation is rarely a report.
        if doc.kind(k) != Some(Kind::Open) && doc.is_punct(k - 1, ',') {
            return None;
        }
    }
    if doc.lower(k) == "that" && !doc.is_punct(k + 1, '.') {
        k += 1;
        // "said that, if elected, he'd …": the aside after "that" is part of the content.
        if doc.is_punct(k, ',') {
            k += 1;
        }
    }
    if doc.kind(k) == Some(Kind::Open)
        && let Some(quote) = doc.quote_of(k).and_then(|q| doc.quote(q))
    {
        // A quotation that stops short of the clause end is part of the paraphrase.
        let after = quote.close + 1;
        if after >= s_end || doc.ends_clause(after, s_end) || doc.is_punct(after, ',') || after > s_end {
            return Some((Range::new(quote.open, quote.close), channel));
        }
    }
    if doc.ends_clause(k, s_end) || doc.is_punct(k, ',') || doc.is_dash(k) {
        return None;
    }
    if doc.lower(k.wrapping_sub(1)) != "that"
        && matches!(
            doc.lower(k),
            "as" | "when"
                | "while"
                | "after"
                | "before"
                | "because"
                | "since"
                | "until"
                | "during"
                | "shortly"
                | "just"
        )
    {
        return None;
    }
    let content = clause_after(doc, k, s_end)?;
    Some((content, channel))
}

/// Skips time and circumstance phrases after a cue: "on Friday", "Monday night",
/// "in a statement", "in an interview with CNN", "last week".
fn skip_adverbials(doc: &Doc<'_>, mut k: usize, s_end: usize) -> usize {
    for _ in 0..4 {
        let lower = doc.lower(k);
        if is_weekday(lower)
            || matches!(
                lower,
                "today"
                    | "yesterday"
                    | "tonight"
                    | "again"
                    | "also"
                    | "repeatedly"
                    | "publicly"
                    | "privately"
                    | "recently"
                    | "earlier"
                    | "later"
                    | "previously"
                    | "once"
                    | "flatly"
                    | "bluntly"
                    | "simply"
                    | "openly"
                    | "explicitly"
                    | "directly"
                    | "firmly"
                    | "strongly"
                    | "angrily"
                    | "then"
            )
        {
            k += 1;
            continue;
        }
        if matches!(lower, "on" | "last" | "this" | "late" | "early" | "earlier")
            && lexicon::is_time_word(doc.lower(k + 1))
        {
            k += 2;
            while lexicon::is_time_word(doc.lower(k)) && !matches!(doc.lower(k), "on" | "at" | "the" | "this")
            {
                k += 1;
            }
            continue;
        }
        if matches!(lower, "in" | "during" | "at" | "on" | "via" | "through")
            && matches!(
                doc.lower(k + 1),
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "one"
            )
        {
            // Only when the phrase ends before "that", a comma, a colon or a quotation.
            let mut m = k + 2;
            let limit = (k + 9).min(s_end);
            while m < limit && doc.is_word(m) && doc.lower(m) != "that" {
                m += 1;
            }
            if m < s_end
                && (doc.lower(m) == "that"
                    || doc.is_punct(m, ',')
                    || doc.is_punct(m, ':')
                    || doc.kind(m) == Some(Kind::Open))
            {
                k = m;
                continue;
            }
        }
        if lexicon::is_preposition(lower)
            && !matches!(lower, "like" | "than" | "about" | "of" | "against" | "for")
        {
            // "said at a Washington event this month." runs to the sentence end.
            let mut m = k + 1;
            let limit = (k + 12).min(s_end);
            while m < limit
                && (doc.is_word(m) || doc.is_punct(m, '.') && is_abbreviation(doc.lower(m - 1)))
                && doc.lower(m) != "that"
            {
                m += 1;
            }
            if doc.ends_clause(m, s_end) && !doc.is_punct(m, ')') {
                return m;
            }
        }
        break;
    }
    k
}

/// The hearer after "told": a pronoun, a name or a short noun phrase.
fn object_after(doc: &Doc<'_>, k: usize, s_end: usize) -> Option<Range> {
    if k >= s_end || !doc.is_word(k) {
        return None;
    }
    let lower = doc.lower(k);
    if matches!(
        lower,
        "him"
            | "her"
            | "them"
            | "me"
            | "us"
            | "you"
            | "reporters"
            | "journalists"
            | "supporters"
            | "voters"
            | "lawmakers"
            | "investigators"
            | "police"
            | "authorities"
            | "congress"
            | "viewers"
            | "listeners"
            | "audiences"
            | "the"
            | "a"
            | "an"
            | "his"
            | "their"
            | "its"
    ) || doc.capital(k)
    {
        let mut last = k;
        if lexicon::is_determiner(lower) || doc.capital(k) {
            // Extend over the rest of the phrase: capitalised words, or up to three words
            // after a determiner, never past "that" or a cue.
            let limit = (k + 5).min(s_end);
            let mut m = k + 1;
            while m < limit
                && doc.is_word(m)
                && !matches!(doc.lower(m), "that" | "to")
                && !lexicon::is_preposition(doc.lower(m))
                && lexicon::cue(doc.lower(m)).is_none()
            {
                if doc.capital(k) && !doc.capital(m) {
                    break;
                }
                last = m;
                m += 1;
            }
        }
        return Some(Range::new(k, last));
    }
    None
}

/// The clause from `k`: to the sentence end, or to a `;`, a dash, or a comma that starts a
/// new clause (", but", ", though", ", according to", ", adding"); quoted regions are
/// taken whole.
fn clause_after(doc: &Doc<'_>, k: usize, s_end: usize) -> Option<Range> {
    let mut last = k;
    let mut m = k;
    // Bounded, so that a run-on "sentence" with many cues stays linear.
    let mut end = s_end.min(k + MAX_CLAUSE_TOKENS);
    while m < end {
        if let Some(quote) = doc.quote_of(m).and_then(|q| doc.quote(q))
            && quote.open == m
        {
            last = quote.close;
            m = quote.close + 1;
            // A quotation that crosses the sentence end carries the clause with it.
            if m > end {
                end = m;
            }
            continue;
        }
        if doc.is_punct(m, ';') {
            break;
        }
        // "… and said …": a second report sharing the subject starts its own attribution.
        if matches!(doc.lower(m), "and" | "but") && m > k {
            let mut n = m + 1;
            while lexicon::is_aux_or_adverb(doc.lower(n)) && n < m + 3 {
                n += 1;
            }
            if lexicon::cue(doc.lower(n)).is_some_and(|c| {
                matches!(c.form, Form::Past | Form::Third) && !c.noun && c.class != Class::Belief
            }) {
                break;
            }
        }
        if doc.is_punct(m, ',') || doc.is_punct(m, '—') || doc.is_punct(m, '–') {
            let next = doc.lower(m + 1);
            let next_cue = lexicon::cue(next);
            if matches!(
                next,
                "but" | "though" | "although" | "while" | "whereas" | "according"
            ) || (next == "and"
                && matches!(
                    doc.lower(m + 2),
                    "when" | "while" | "as" | "after" | "before" | "if" | "then"
                ))
                || next_cue.is_some_and(|c| c.form == Form::Ing)
                || (lexicon::is_pronoun(next)
                    && lexicon::cue(doc.lower(m + 2)).is_some_and(|c| c.class != Class::Belief))
            {
                break;
            }
        }
        if !matches!(doc.kind(m), Some(Kind::Punct(_))) || doc.is_word(m) {
            last = m;
        }
        m += 1;
    }
    // Trailing punctuation other than a closing mark is not content.
    while last > k && matches!(doc.kind(last), Some(Kind::Punct(_))) {
        last -= 1;
    }
    let range = Range::new(k, last);
    has_words(doc, range).then_some(range)
}

/// The noun phrase ending at `last` (inclusive), walking back to the clause boundary.
fn noun_phrase_before(doc: &Doc<'_>, last: usize, s_first: usize) -> Option<Range> {
    let mut last = last;
    if doc.is_punct(last, ')')
        && let Some(open) = (last.saturating_sub(12).max(s_first)..last)
            .rev()
            .find(|m| doc.is_punct(*m, '('))
    {
        last = open.checked_sub(1)?;
    }
    if !doc.is_word(last) || last < s_first {
        return None;
    }
    let mut first = last;
    let mut k = last;
    let mut steps = 0;
    while k > s_first && steps < 14 {
        let p = k - 1;
        let lower = doc.lower(p);
        let abbreviation_dot =
            doc.is_punct(p, '.') && p > s_first && doc.is_word(p - 1) && is_abbreviation(doc.lower(p - 1));
        if abbreviation_dot {
            k = p;
            steps += 1;
            continue;
        }
        if !doc.is_word(p) && !doc.is_punct(p, '-') && !doc.is_punct(p, '&') {
            break;
        }
        if doc.is_word(p) && (lexicon::is_clause_word(lower) && !matches!(lower, "and")) {
            break;
        }
        if lower == "and"
            && !(doc.capital(p.wrapping_sub(1)) && doc.capital(k))
            && !lexicon::is_determiner(doc.lower(k))
        {
            break;
        }
        if doc.is_word(p) && (lexicon::cue(lower).is_some() && !lexicon::cue(lower).is_some_and(|c| c.noun)) {
            break;
        }
        if doc.is_word(p) && lexicon::is_aux_or_adverb(lower) && !matches!(lower, "first" | "long" | "only") {
            break;
        }
        k = p;
        if doc.is_word(p) {
            first = p;
        }
        steps += 1;
    }
    // A sentence-opening prepositional phrase is not part of the subject:
    // "In 2012 Trump said" → "Trump".
    if lexicon::is_preposition(doc.lower(first)) && first < last {
        let mut m = first + 1;
        while m < last
            && !doc.capital(m)
            && !lexicon::is_determiner(doc.lower(m))
            && !lexicon::is_pronoun(doc.lower(m))
        {
            m += 1;
        }
        if m < last && doc.is_word(m) && lexicon::is_determiner(doc.lower(m)) {
            // "At the rally the senator said": keep the last determiner phrase.
            let mut n = last;
            while n > m && !lexicon::is_determiner(doc.lower(n)) {
                n -= 1;
            }
            m = n;
        } else if m < last && doc.capital(m) {
            // Capitalised object of the preposition, then the subject: keep the last
            // capitalised run.
            let mut n = last;
            while n > m && doc.capital(n - 1) {
                n -= 1;
            }
            m = n;
        }
        first = m.min(last);
    }
    Some(Range::new(first, last))
}

fn is_abbreviation(lower: &str) -> bool {
    // An initial ("E." in "Leonard E. Burman").
    if lower.len() == 1 && lower.chars().all(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    matches!(
        lower,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "st"
            | "jr"
            | "sr"
            | "gen"
            | "lt"
            | "col"
            | "u.s"
            | "u.n"
            | "u.k"
            | "d.c"
            | "inc"
            | "co"
            | "corp"
            | "ltd"
            | "prof"
            | "rev"
            | "capt"
            | "sgt"
            | "n.y"
            | "calif"
            | "fla"
            | "ga"
            | "pa"
            | "va"
            | "mass"
            | "mich"
            | "ill"
            | "ohio"
    )
}

/// The noun phrase starting at `first`: words up to punctuation or a clause word.
fn noun_phrase_after(doc: &Doc<'_>, first: usize, s_end: usize) -> Option<Range> {
    if !doc.is_word(first) {
        return None;
    }
    let mut last = first;
    let mut k = first + 1;
    let limit = (first + 16).min(s_end);
    while k < limit {
        if doc.is_punct(k, '.') && is_abbreviation(doc.lower(k - 1)) {
            k += 1;
            continue;
        }
        if !doc.is_word(k) && !doc.is_punct(k, '-') && !doc.is_punct(k, '&') && !doc.is_punct(k, '/') {
            break;
        }
        let lower = doc.lower(k);
        if doc.is_word(k)
            && (matches!(
                lower,
                "that"
                    | "who"
                    | "which"
                    | "when"
                    | "while"
                    | "because"
                    | "as"
                    | "but"
                    | "if"
                    | "since"
                    | "although"
                    | "though"
                    | "whether"
                    | "where"
            ) || lexicon::cue(lower).is_some_and(|c| !c.noun && c.form != Form::Past))
        {
            break;
        }
        if doc.is_word(k) {
            last = k;
        }
        k += 1;
    }
    Some(Range::new(first, last))
}

/// The source after an inverted cue (`"…," said Caddell.`): a short noun phrase that runs to
/// the end of the clause.
fn inverted_source(doc: &Doc<'_>, k: usize, s_end: usize) -> Option<Range> {
    let k = skip_adverbials(doc, k, s_end);
    if !doc.is_word(k)
        || matches!(doc.lower(k), "that" | "to" | "me" | "him" | "her" | "us" | "them")
        || lexicon::is_preposition(doc.lower(k))
    {
        return None;
    }
    let phrase = noun_phrase_after(doc, k, s_end)?;
    let after = phrase.last + 1;
    let closes = doc.ends_clause(after, s_end)
        || doc.is_punct(after, '(')
        || doc.is_punct(after, ',')
        || doc.is_punct(after, ':')
        || doc.is_punct(after, '—')
        || doc.kind(after) == Some(Kind::Open);
    // "said he" is rare; "said he would" is a subject-first report, not an inversion.
    if lexicon::is_pronoun(doc.lower(k)) && phrase.len() > 1 {
        return None;
    }
    // A verb inside the phrase means it is a clause ("said the plan would work", "said the
    // videos show Scott").
    let has_verb = (phrase.first..=phrase.last).any(|m| {
        let lower = doc.lower(m);
        if m > phrase.first && !doc.capital(m) && lexicon::cue(lower).is_some() {
            return true;
        }
        matches!(
            lower,
            "is" | "was"
                | "are"
                | "were"
                | "has"
                | "have"
                | "had"
                | "would"
                | "will"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "must"
        )
    });
    (closes && phrase.len() <= 12 && !has_verb).then_some(phrase)
}

/// The subject of the sentence's main clause: after any opening phrase ended by a comma,
/// a pronoun or a noun phrase up to the first verb-like word.
fn sentence_subject(doc: &Doc<'_>, s_first: usize, before: usize) -> Option<Range> {
    let mut k = s_first;
    // Skip a leading quotation and a leading phrase ended by a comma.
    if let Some(quote) = doc.quote_of(k).and_then(|q| doc.quote(q)) {
        k = quote.close + 1;
        while doc.is_punct(k, ',') {
            k += 1;
        }
    }
    let opener = doc.lower(k);
    if (lexicon::is_preposition(opener)
        || matches!(
            opener,
            "but"
                | "and"
                | "however"
                | "still"
                | "yet"
                | "meanwhile"
                | "later"
                | "earlier"
                | "separately"
                | "once"
                | "then"
                | "now"
                | "instead"
                | "finally"
                | "today"
                | "indeed"
                | "again"
        ))
        && let Some(comma) = (k..before.min(k + 12)).find(|m| doc.is_punct(*m, ','))
    {
        k = comma + 1;
    }
    while matches!(doc.lower(k), "but" | "and" | "so" | "yet") {
        k += 1;
    }
    if k >= before || !doc.is_word(k) {
        return None;
    }
    if lexicon::is_pronoun(doc.lower(k)) {
        return Some(Range::new(k, k));
    }
    let mut last = k;
    let mut m = k + 1;
    while m < before && m < k + 10 {
        if !doc.is_word(m) {
            if doc.is_punct(m, '.') && is_abbreviation(doc.lower(m - 1)) {
                m += 1;
                continue;
            }
            break;
        }
        let lower = doc.lower(m);
        if lexicon::is_aux_or_adverb(lower)
            || lexicon::cue(lower).is_some_and(|c| !c.noun)
            || lexicon::is_clause_word(lower)
        {
            break;
        }
        // A lower-case word after a capitalised run is usually the verb.
        let after_determiner = m == k + 1 && lexicon::is_determiner(doc.lower(k));
        if doc.capital(m - 1)
            && !doc.capital(m)
            && !after_determiner
            && !matches!(lower, "of" | "for" | "and")
        {
            break;
        }
        last = m;
        m += 1;
    }
    Some(Range::new(k, last))
}

fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

fn is_pronoun_range(doc: &Doc<'_>, range: Range) -> bool {
    range.first == range.last && lexicon::is_pronoun(doc.lower(range.first))
}

/// True when a named source reads as a person: a capitalised run that is not an
/// organisation and does not start with an article.
fn is_person(doc: &Doc<'_>, range: Range) -> bool {
    let words: Vec<usize> = (range.first..=range.last).filter(|i| doc.is_word(*i)).collect();
    let Some(&last) = words.last() else {
        return false;
    };
    let all_capital = words.iter().all(|i| doc.capital(*i));
    let tail_capital = words.len() >= 2 && words.iter().rev().take(2).all(|i| doc.capital(*i));
    (all_capital || tail_capital)
        && doc.capital(last)
        && !words.iter().any(|i| lexicon::is_organization_word(doc.lower(*i)))
        && !matches!(doc.lower(range.first), "the" | "a" | "an")
}

/// Full person names in an article, by their last word ("putin" → "Vladimir Putin"): the
/// longest capitalised run of at least two words ending in that word, titles stripped.
struct NameIndex {
    by_last: HashMap<String, String>,
    /// Person-like runs of two or more capitalised words, by start byte, in text order.
    runs: Vec<(usize, String)>,
}

impl NameIndex {
    fn new(doc: &Doc<'_>) -> Self {
        let mut by_last: HashMap<String, String> = HashMap::default();
        let mut runs = Vec::new();
        let list = &doc.tokens.list;
        let mut idx = 0;
        while idx < list.len() {
            if !doc.capital(idx) || doc.in_boilerplate(idx) {
                idx += 1;
                continue;
            }
            let mut end = idx;
            while doc.capital(end + 1)
                || (doc.is_punct(end + 1, '.') && is_abbreviation(doc.lower(end)) && doc.capital(end + 2))
            {
                end += if doc.capital(end + 1) { 1 } else { 2 };
            }
            // Strip leading titles and possessives: "Russia’s President Vladimir Putin".
            let mut first = idx;
            for m in idx..end {
                if lexicon::is_title(doc.lower(m))
                    || doc.possessive(m)
                    || doc.is_punct(m, '.')
                    || is_abbreviation(doc.lower(m))
                {
                    first = m + 1;
                }
            }
            while first < end && doc.is_punct(first, '.') {
                first += 1;
            }
            let words = (first..=end).filter(|i| doc.is_word(*i)).count();
            let any_org = (first..=end).any(|i| lexicon::is_organization_word(doc.lower(i)));
            if words >= 2 && !any_org && !doc.possessive(end) {
                let name = doc.text_of(Range::new(first, end)).to_owned();
                let key = doc.lower(end).to_owned();
                let entry = by_last.entry(key).or_insert_with(|| name.clone());
                if name.len() > entry.len() {
                    entry.clone_from(&name);
                }
                let start = doc.token(first).map_or(0, |t| t.span.start);
                runs.push((start, name));
            }
            idx = end + 1;
        }
        Self { by_last, runs }
    }

    /// The full form of a one-word name, or the name itself.
    fn full(&self, name: &str) -> String {
        let bare = name.trim_end_matches("’s").trim_end_matches("'s");
        let last = bare.rsplit(' ').next().unwrap_or(bare).to_lowercase();
        match self.by_last.get(&last) {
            Some(full) if full.len() > bare.len() && !name.contains(' ') => full.clone(),
            _ => bare.to_owned(),
        }
    }

    /// The most recent person-like run starting before `pos`.
    fn last_run_before(&self, pos: usize) -> Option<(usize, &str)> {
        let at = self.runs.partition_point(|(start, _)| *start < pos);
        at.checked_sub(1)
            .and_then(|i| self.runs.get(i))
            .map(|(start, name)| (*start, name.as_str()))
    }
}

/// The names of the latest non-pronoun sources, a person and anything else: the antecedents
/// a later "he", "she", "they" or "it" may stand for.
#[derive(Debug, Default)]
struct Recent {
    person: Option<String>,
    other: Option<String>,
}

/// The name a source stands for: a pronoun resolved to the most recent compatible source
/// or person before it, a person's name without titles, or the span's own text.
fn source_name(doc: &Doc<'_>, range: Range, names: &NameIndex, recent: &Recent) -> String {
    let own = doc.text_of(range).to_owned();
    if is_pronoun_range(doc, range) {
        let pos = doc.span(range).start;
        let lower = doc.lower(range.first);
        let person = matches!(lower, "he" | "she");
        if !matches!(lower, "he" | "she" | "they" | "it") {
            return own;
        }
        let source = if person { &recent.person } else { &recent.other };
        let run = if person { names.last_run_before(pos) } else { None };
        // Earlier sources are the likelier antecedents; a capitalised run (which may be a
        // caption or a place) is the fallback.
        return match (source, run) {
            (Some(name), _) => name.clone(),
            (None, Some((_, run))) => run.to_owned(),
            (None, None) => own,
        };
    }
    if is_person(doc, range) {
        // Drop the lower-case description and titles before the name.
        let mut first = range.last;
        while first > range.first && (doc.capital(first - 1) || doc.is_punct(first - 1, '.')) {
            first -= 1;
        }
        while first < range.last
            && (lexicon::is_title(doc.lower(first))
                || doc.possessive(first)
                || !doc.is_word(first)
                || is_abbreviation(doc.lower(first)))
        {
            first += 1;
        }
        return names.full(doc.text_of(Range::new(first, range.last)));
    }
    own
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;
    use crate::analysis::segment::split_sentences;

    fn article(text: &str) -> Article {
        Article {
            path: "t.txt".into(),
            source: "t".into(),
            text: text.into(),
            sentences: split_sentences(text, &[]),
            ..Article::default()
        }
    }

    /// (source, cue, content, direct) texts of every attribution in the text.
    fn extract(text: &str) -> Vec<(String, String, String, bool)> {
        let article = article(text);
        find_attributions(std::slice::from_ref(&article))
            .into_iter()
            .map(|a| {
                let get = |s: Span| s.text(text).unwrap_or("?").to_owned();
                (
                    a.source
                        .map(|s| get(Span::new(s.start, s.end)))
                        .unwrap_or_default(),
                    a.cue.map(get).unwrap_or_default(),
                    get(a.content),
                    a.direct,
                )
            })
            .collect()
    }

    #[rstest]
    #[case::quote_then_source(
        "“We were there under legitimate pretenses,” Figueroa said.",
        "Figueroa",
        "said",
        "“We were there under legitimate pretenses,”",
        true
    )]
    #[case::source_said_that(
        "The Kremlin said that the call took place at Putin’s request.",
        "The Kremlin",
        "said",
        "the call took place at Putin’s request",
        false
    )]
    #[case::source_said_bare(
        "Figueroa said Stein complied with police orders and left the area.",
        "Figueroa",
        "said",
        "Stein complied with police orders and left the area",
        false
    )]
    #[case::paraphrase_then_source(
        "Russia was responsible for the crash, officials said.",
        "officials",
        "said",
        "Russia was responsible for the crash",
        false
    )]
    #[case::inverted(
        "“Yesterday, there were two polls,” said Caddell.",
        "Caddell",
        "said",
        "“Yesterday, there were two polls,”",
        true
    )]
    #[case::according_to_after(
        "The plane was diverted because of fog, according to the airline.",
        "the airline",
        "according to",
        "The plane was diverted because of fog",
        false
    )]
    #[case::according_to_before(
        "According to the airline, the plane was diverted because of fog.",
        "the airline",
        "According to",
        "the plane was diverted because of fog",
        false
    )]
    #[case::told_channel(
        "Figueroa told USA Today the campaign would protest.",
        "Figueroa",
        "told",
        "the campaign would protest",
        false
    )]
    #[case::colon_quote(
        "In a statement, the Kremlin said: “Putin apologised for the incident.”",
        "the Kremlin",
        "said",
        "“Putin apologised for the incident.”",
        true
    )]
    #[case::multi_sentence_quote(
        "“This country needs a leader. We need a leader with integrity,” he said.",
        "he",
        "said",
        "“This country needs a leader. We need a leader with integrity,”",
        true
    )]
    #[case::interrupted_quote(
        "“This normally is a big open park,” he said. “So obviously they pulled the brakes.”",
        "he",
        "said",
        "“This normally is a big open park,” he said. “So obviously they pulled the brakes.”",
        true
    )]
    #[case::interrupted_in_sentence(
        "“Hopefully,” the president said, “this museum can help us talk.”",
        "the president",
        "said",
        "“Hopefully,” the president said, “this museum can help us talk.”",
        true
    )]
    #[case::belief(
        "Aviation experts believe electronic jamming interfered with the plane.",
        "Aviation experts",
        "believe",
        "electronic jamming interfered with the plane",
        false
    )]
    #[case::intention(
        "Stein plans to join her supporters at the protest.",
        "Stein",
        "plans",
        "to join her supporters at the protest",
        false
    )]
    #[case::claimed_that(
        "Putin claimed that Grozny was attacked by drones.",
        "Putin",
        "claimed",
        "Grozny was attacked by drones",
        false
    )]
    #[case::appositive(
        "Stein, who was not invited, said she would stream her response.",
        "Stein",
        "said",
        "she would stream her response",
        false
    )]
    #[case::participle(
        "Zelensky spoke on television, saying Russia must provide explanations.",
        "Zelensky",
        "saying",
        "Russia must provide explanations",
        false
    )]
    #[case::polls_show(
        "Polls show Clinton leading in Florida.",
        "Polls",
        "show",
        "Clinton leading in Florida",
        false
    )]
    #[case::said_source_after_comma(
        "Russia was responsible, said a senior official.",
        "a senior official",
        "said",
        "Russia was responsible",
        false
    )]
    #[case::told_then_that(
        "Figueroa told reporters that the campaign would protest.",
        "Figueroa",
        "told reporters",
        "the campaign would protest",
        false
    )]
    #[case::interrupted_paraphrase(
        "Too often, Mr. Clarke said, the debate is infected with tribalism.",
        "Mr. Clarke",
        "said",
        "Too often, Mr. Clarke said, the debate is infected with tribalism",
        false
    )]
    #[case::quote_ends_previous_sentence(
        "“Who would have believed it?” Trump said.",
        "Trump",
        "said",
        "“Who would have believed it?”",
        true
    )]
    #[case::source_with_parenthesis(
        "“It’s a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.",
        "Rep. Gwen Moore (D-Wis.)",
        "said",
        "“It’s a dog whistle,”",
        true
    )]
    #[case::quote_after_circumstance(
        "“It never crossed my mind,” she said several months after her release.",
        "she",
        "said",
        "“It never crossed my mind,”",
        true
    )]
    #[case::dash_signature(
        "“He represents everything the US is not.” ― Karen Bobadilla",
        "Karen Bobadilla",
        "―",
        "“He represents everything the US is not.”",
        true
    )]
    #[case::speaker_label(
        "PENCE: Well, look, this is serious business.",
        "PENCE",
        ":",
        "Well, look, this is serious business.",
        false
    )]
    #[case::apposition_after_leading_phrase(
        "In a statement, one of the family's attorneys, Justin Bamberg, said the videos show Scott.",
        "one of the family's attorneys",
        "said",
        "the videos show Scott",
        false
    )]
    #[case::dateline_then_participle(
        "WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell an American story.",
        "President Obama",
        "said",
        "it would tell an American story",
        false
    )]
    #[case::headline(
        "Obama Says Museum Will Tell of Suffering and Delight",
        "Obama",
        "Says",
        "Museum Will Tell of Suffering and Delight",
        false
    )]
    #[case::finding_after_comma(
        "Donations hit $1.1 billion, a new analysis of campaign reports shows.",
        "a new analysis of campaign reports",
        "shows",
        "Donations hit $1.1 billion",
        false
    )]
    #[case::said_name_colon(
        "Said Ellis: “I don’t get the sense she’s interested.”",
        "Ellis",
        "Said",
        "“I don’t get the sense she’s interested.”",
        true
    )]
    #[case::continued_colon(
        "Limbaugh continued: “The left is demanding this.”",
        "Limbaugh",
        "continued",
        "“The left is demanding this.”",
        true
    )]
    #[case::stance_adjective(
        "Many Democrats are afraid that turnout may be low.",
        "Many Democrats",
        "afraid",
        "turnout may be low",
        false
    )]
    #[case::time_after_cue(
        "Four sources said on Thursday that air defences had shot it down.",
        "Four sources",
        "said",
        "air defences had shot it down",
        false
    )]
    fn extracts_one(
        #[case] text: &str,
        #[case] source: &str,
        #[case] cue: &str,
        #[case] content: &str,
        #[case] direct: bool,
    ) {
        let found = extract(text);
        assert_eq!(
            found,
            vec![(source.to_owned(), cue.to_owned(), content.to_owned(), direct)],
            "{text}"
        );
    }

    #[rstest]
    #[case::own_voice("The plane crashed near Aktau on Wednesday.")]
    #[case::noun_plans("His plans were announced in July.")]
    #[case::possessive_claims("Trump’s claims drew criticism.")]
    #[case::infinitive("She went home to say goodbye.")]
    #[case::continued_auxiliary("The plane continued to fly toward Aktau.")]
    #[case::capitalised_name("Officials in the United States met on Monday.")]
    #[case::noun_after_adjective("Russia's annexation renewed fears along the flank.")]
    #[case::passive("The plane is believed to have been hit.")]
    fn finds_none(#[case] text: &str) {
        assert_eq!(extract(text), vec![], "{text}");
    }

    #[test]
    fn clause_boundary_splits_two_reports() {
        let found = extract(
            "Figueroa said the campaign planned a protest, though she acknowledged it was unlikely to work.",
        );
        let contents: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
        assert_eq!(
            contents,
            ["the campaign planned a protest", "it was unlikely to work"]
        );
    }

    #[test]
    fn pronoun_resolves_to_full_name() {
        let text = "Russian President Vladimir Putin spoke on Saturday. Putin also acknowledged the \
                    crash. The cities were “under attack”, he said.";
        let article = article(text);
        let found = find_attributions(std::slice::from_ref(&article));
        let he = found.iter().find_map(|a| {
            a.source
                .as_ref()
                .filter(|s| Span::new(s.start, s.end).text(text) == Some("he"))
        });
        assert_eq!(he.map(|s| s.name.as_str()), Some("Vladimir Putin"));
    }

    const SAMPLES: [&str; 5] = [
        include_str!("../../assets/samples/azal-8243/000_90c442df7da68b3d.txt"),
        include_str!("../../assets/samples/azal-8243/001_ea2528ae18b20ba0.txt"),
        include_str!("../../assets/samples/azal-8243/002_6bf9abbf19ad2503.txt"),
        include_str!("../../assets/samples/azal-8243/003_b7aa727b01899e0d.txt"),
        include_str!("../../assets/samples/azal-8243/004_646ddf6e40494ef5.txt"),
    ];

    /// One attribution of the samples as texts: article, source, name, cue, channel, content.
    #[derive(Debug)]
    struct Found {
        article: usize,
        source: String,
        name: String,
        cue: String,
        channel: String,
        content: String,
    }

    fn sample_attributions() -> Vec<Found> {
        let articles: Vec<Article> = SAMPLES.iter().map(|t| article(t)).collect();
        find_attributions(&articles)
            .into_iter()
            .map(|a| {
                let text = SAMPLES[a.article.0];
                let get = |s: Span| s.text(text).unwrap_or("?").to_owned();
                Found {
                    article: a.article.0,
                    source: a
                        .source
                        .as_ref()
                        .map(|s| get(Span::new(s.start, s.end)))
                        .unwrap_or_default(),
                    name: a.source.map(|s| s.name).unwrap_or_default(),
                    cue: a.cue.map(get).unwrap_or_default(),
                    channel: a.channel.map(get).unwrap_or_default(),
                    content: get(a.content),
                }
            })
            .collect()
    }

    #[rstest]
    #[case::kremlin_said(1, "the Kremlin", "said", "", "“Vladimir Putin apologised")]
    #[case::told_reuters(
        2,
        "One of the Azerbaijani resources",
        "told",
        "Reuters",
        "initial effects showed"
    )]
    #[case::told_cnn(2, "An official", "told", "CNN", "if it was shot down by Russia")]
    #[case::kirby(
        1,
        "National security spokesperson John Kirby",
        "told reporters",
        "",
        "there were “early indications"
    )]
    #[case::four_sources(
        1,
        "Four sources with knowledge of the preliminary findings of Azerbaijan’s investigation into the disaster",
        "said",
        "",
        "Russian air defences had mistakenly shot it down"
    )]
    #[case::according_to_airline(0, "the airline", "according to", "", "The Embraer 190 aircraft left")]
    #[case::putin_claimed(0, "Putin", "claimed", "", "during the attempted landing")]
    fn samples_have_named_attributions(
        #[case] article: usize,
        #[case] source_start: &str,
        #[case] cue: &str,
        #[case] channel: &str,
        #[case] content_start: &str,
    ) {
        let found = sample_attributions();
        let hit = found.iter().find(|f| {
            f.article == article
                && f.source.starts_with(source_start)
                && f.cue == cue
                && f.channel == channel
                && f.content.starts_with(content_start)
        });
        assert!(hit.is_some(), "{source_start} {cue}: {found:#?}");
    }

    #[test]
    fn samples_resolve_he_to_putin() {
        let found = sample_attributions();
        let he = found
            .iter()
            .find(|f| f.article == 4 && f.source == "he" && f.cue == "said")
            .map(|f| f.name.as_str());
        assert_eq!(he, Some("Vladimir Putin"));
    }

    #[test]
    fn samples_spans_are_valid() {
        let articles: Vec<Article> = SAMPLES.iter().map(|t| article(t)).collect();
        let found = find_attributions(&articles);
        assert!(found.len() > 20);
        for pair in found.windows(2) {
            if pair[0].article == pair[1].article {
                assert!(
                    pair[0].content.end <= pair[1].content.start,
                    "contents overlap: {pair:?}"
                );
            }
        }
        for a in found {
            let text = SAMPLES[a.article.0];
            assert!(a.content.text(text).is_some_and(|t| !t.trim().is_empty()));
            let cue = a.cue.expect("every attribution has a cue");
            assert!(cue.text(text).is_some());
            // Only an interrupted quotation holds its own cue.
            assert!(!cue.overlaps(a.content) || a.direct);
            let sentence = articles[a.article.0].sentences[a.sentence.0];
            assert!(sentence.span().contains(cue), "cue outside its sentence");
        }
    }

    proptest::proptest! {
        /// Any mix of words, cues, quotation marks, dashes and line breaks yields valid,
        /// disjoint spans and never panics.
        #[test]
        fn arbitrary_text_gives_valid_spans(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "He", "said", "Trump", "told", "Reuters", "that", "according", "to", "the",
                    "Kremlin", ",", ".", ":", "“", "”", "\"", "''", "―", "--", "(", ")", "\n",
                    "\n\n", "é", "Mr.", "believes", "plans", "who", "is", "afraid", "PENCE:",
                ]),
                0..60,
            )
        ) {
            let text = parts.join(" ");
            let article = article(&text);
            let found = find_attributions(std::slice::from_ref(&article));
            for a in &found {
                proptest::prop_assert!(a.content.text(&text).is_some_and(|t| !t.is_empty()));
                proptest::prop_assert!(a.cue.is_some_and(|c| c.text(&text).is_some()));
                if let Some(source) = &a.source {
                    proptest::prop_assert!(Span::new(source.start, source.end).text(&text).is_some());
                }
            }
            for pair in found.windows(2) {
                proptest::prop_assert!(pair[0].content.end <= pair[1].content.start);
            }
        }
    }

    #[test]
    fn spans_are_on_char_boundaries() {
        let text = "« Ça suffit », a-t-il dit. “Déjà vu,” said Zoë Ñúñez.";
        let article = article(text);
        for a in find_attributions(std::slice::from_ref(&article)) {
            assert!(a.content.text(text).is_some());
            assert!(a.cue.is_none_or(|c| c.text(text).is_some()));
        }
    }
}
