//! Facts: every sentence of every article → mentions of numbers, dates, people, places,
//! organizations, codes and quotations → [`Fact`]s consolidated across articles.
//!
//! Consumes the articles (text and sentences), the aligned groups and the attributions.
//! Produces one [`Fact`] per (kind, key, normalised value) and event, each with every
//! mention, the distinct articles that state it and the attribution each mention falls in.
//! The extractors live in `facts/{number,date,entity,quote}.rs`; this file tokenizes,
//! runs them, links attributions, splits the articles into events and merges compatible
//! values ("at least 38" joins "38", "12-25" joins "2024-12-25", "Putin" joins
//! "Vladimir Putin").
//!
//! Invariants: every mention's span lies inside its sentence and on char boundaries (the
//! extractors only ever report spans of tokens found in the sentence); boilerplate sentences
//! are skipped; a mention belongs to exactly one fact. Cost is linear in the number of
//! tokens plus a sort per (event, kind, key) bucket: values are only compared inside one
//! bucket, never across all mentions.
//!
//! Weak spots: everything is lexical and English. "What a number counts" is read from a
//! small keyword window around it; an entity's kind from titles, a few indicator words and
//! prepositions; events are articles linked (transitively) by at least three shared
//! passages, so a chain of loosely related articles can still make one event (conflict
//! detection also asks for a direct link between the disagreeing articles).

pub mod cause;
pub mod date;
pub mod entity;
pub mod number;
pub mod quote;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rayon::prelude::*;

use crate::model::{Article, Attribution, Fact, Group, Mention};
use crate::span::{ArticleId, SentenceId, Span};

/// One token of a sentence: a word (letters and digits, with inner hyphens, apostrophes,
/// commas or points) or a single punctuation character.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Where it is, in the article's text.
    pub span: Span,
    /// True when the token is a word (not punctuation).
    pub word: bool,
}

impl Token<'_> {
    /// The token in lower case.
    #[must_use]
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// True when the token starts with an upper-case letter.
    #[must_use]
    pub fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True when the token is one of `words` (compared in lower case).
    #[must_use]
    pub fn is(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.text.eq_ignore_ascii_case(w))
    }
}

/// Characters that join two runs of letters or digits into one token: "J2-8243", "1,200",
/// "3.5", "Putin’s".
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',' | '/')
}

/// The tokens of `span` in `text` (none when the span is out of range). Hand-written rather
/// than a regex: it runs on every sentence, and a regex's per-match overhead made it the
/// slowest part of fact extraction.
#[must_use]
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let Some(slice) = span.text(text) else {
        return Vec::new();
    };
    let mut tokens = Vec::new();
    let mut chars = slice.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let word = c.is_alphanumeric();
        if word {
            loop {
                match chars.peek().copied() {
                    Some((i, next)) if next.is_alphanumeric() => {
                        end = i + next.len_utf8();
                        chars.next();
                    }
                    Some((i, next)) if is_joiner(next) => {
                        let after = slice.get(i + next.len_utf8()..).and_then(|r| r.chars().next());
                        if after.is_some_and(char::is_alphanumeric) {
                            end = i + next.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        }
        if let Some(token) = slice.get(start..end) {
            tokens.push(Token {
                text: token,
                span: Span::new(span.start + start, span.start + end),
                word,
            });
        }
    }
    tokens
}

/// What kind of fact a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A count, distance, amount, share or age.
    Number,
    /// A day, a weekday, a week or a month.
    Date,
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organization.
    Organization,
    /// A capitalised name of unknown kind.
    Name,
    /// A code or designation: a flight number, an aircraft or weapon type.
    Code,
    /// A quotation.
    Quote,
    /// Who a role belongs to, such as whose air defence.
    Role,
    /// A reason given for what happened ("diverted because of fog").
    Cause,
}

impl Kind {
    /// The contract's name for the kind.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Date => "date",
            Self::Person => "person",
            Self::Place => "place",
            Self::Organization => "organization",
            Self::Name => "name",
            Self::Code => "code",
            Self::Quote => "quote",
            Self::Role => "role",
            Self::Cause => "cause",
        }
    }
}

/// A normalised value, as the extractors produce it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number or range.
    Number(number::NumberValue),
    /// A date, partial date, weekday or range of days.
    Date(date::DateValue),
    /// A name, code or quotation: compared as normalised text.
    Text(String),
}

impl Value {
    /// The value as shown and serialised.
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            Self::Number(n) => n.display(),
            Self::Date(d) => d.display(),
            Self::Text(t) => t.clone(),
        }
    }
}

/// One mention found by an extractor, before consolidation.
#[derive(Debug, Clone)]
pub struct Found {
    /// Its kind.
    pub kind: Kind,
    /// What it is about ("killed", "date", "person", "airline", …).
    pub key: String,
    /// Its normalised value.
    pub value: Value,
    /// Where it is: inside its sentence, on char boundaries.
    pub span: Span,
    /// For names: evidence that the mention stands in a role slot (an airline name right
    /// before "plane" or "Flight"), which makes the slot single-valued.
    pub slot: bool,
    /// How strongly the evidence supports the kind (1 weak, 3 strong: a title, an
    /// organization word, a known place); votes decide a name's kind across an event.
    pub strength: u8,
}

/// A mention with its place, as consolidation sees it.
#[derive(Debug, Clone)]
pub struct Located {
    /// What was found.
    pub found: Found,
    /// The article.
    pub article: ArticleId,
    /// The sentence.
    pub sentence: SentenceId,
    /// The aligned group of that sentence, if any.
    pub group: Option<usize>,
    /// The attribution whose content span holds the mention, if any.
    pub attribution: Option<usize>,
    /// The index of the fact it went into.
    pub fact: usize,
}

impl Located {
    /// The mention as the model stores it.
    #[must_use]
    pub fn mention(&self) -> Mention {
        Mention {
            article: self.article,
            sentence: self.sentence,
            start: self.found.span.start,
            end: self.found.span.end,
            attribution: self.attribution,
            group: self.group,
        }
    }
}

/// The facts with what conflict detection needs beyond them.
#[derive(Debug, Clone, Default)]
pub struct Collected {
    /// The consolidated facts.
    pub facts: Vec<Fact>,
    /// The event each fact belongs to (parallel to `facts`).
    pub fact_events: Vec<usize>,
    /// The canonical value of each fact (parallel to `facts`).
    pub fact_values: Vec<Value>,
    /// Every mention, with the fact it went into.
    pub mentions: Vec<Located>,
    /// The event of each article: articles linked by shared passages.
    pub events: Vec<usize>,
    /// Pairs of articles (lower index first) that share at least [`LINK_PASSAGES`]
    /// passages: close enough that incompatible values between them are a disagreement
    /// about one story, not two stories.
    pub links: HashSet<(usize, usize)>,
}

impl Collected {
    /// True when some article of `a` and some other article of `b` are linked (at most 64
    /// articles of each side are looked at).
    #[must_use]
    pub fn linked(&self, a: &[ArticleId], b: &[ArticleId]) -> bool {
        a.iter().take(64).any(|x| {
            b.iter().take(64).any(|y| {
                let pair = if x.0 < y.0 { (x.0, y.0) } else { (y.0, x.0) };
                x != y && self.links.contains(&pair)
            })
        })
    }
}

/// Shared passages that link two articles directly.
pub const LINK_PASSAGES: usize = 2;
/// Shared passages that put two articles in one event (events are the connected
/// components, so this is stricter than a direct link).
pub const EVENT_PASSAGES: usize = 3;

/// Extracts and consolidates the facts of `articles`; see the module docs.
#[must_use]
pub fn extract_facts(articles: &[Article], groups: &[Group], attributions: &[Attribution]) -> Vec<Fact> {
    collect_facts(articles, groups, attributions).facts
}

/// Extracts and consolidates the facts, keeping the values and events for conflict detection.
#[must_use]
pub fn collect_facts(articles: &[Article], groups: &[Group], attributions: &[Attribution]) -> Collected {
    let started = std::time::Instant::now();
    let group_of = group_index(articles, groups);
    let shared = shared_passages(groups);
    let events = event_clusters(articles.len(), &shared);
    let lexicon = entity::Lexicon::build(articles);
    let by_article = attributions_by_article(articles.len(), attributions);
    // Each article's sentences are read independently: in parallel, kept in order.
    let per_article: Vec<Vec<Located>> = articles
        .par_iter()
        .enumerate()
        .map(|(article_idx, article)| {
            let own_attributions = by_article.get(article_idx).map_or(&[][..], Vec::as_slice);
            let groups = group_of.get(article_idx).map_or(&[][..], Vec::as_slice);
            locate_in_article(
                ArticleId(article_idx),
                article,
                groups,
                own_attributions,
                &lexicon,
            )
        })
        .collect();
    let located: Vec<Located> = per_article.into_iter().flatten().collect();
    let mut collected = consolidate(located, &events);
    collected.links = shared
        .into_iter()
        .filter(|(_, n)| *n >= LINK_PASSAGES)
        .map(|(pair, _)| pair)
        .collect();
    tracing::debug!(
        facts = collected.facts.len(),
        mentions = collected.mentions.len(),
        elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
        "facts"
    );
    collected
}

/// The facts found in one article's non-boilerplate sentences, each with its sentence, group
/// and attribution.
fn locate_in_article(
    article_id: ArticleId,
    article: &Article,
    group_of: &[Option<usize>],
    attributions: &[(Span, usize)],
    lexicon: &entity::Lexicon,
) -> Vec<Located> {
    let date = article.date.as_deref().and_then(date::parse_iso);
    let mut located = Vec::new();
    for (sentence_idx, sentence) in article.sentences.iter().enumerate() {
        if sentence.boilerplate {
            continue;
        }
        let span = sentence.span();
        let tokens = tokenize(&article.text, span);
        let group = group_of.get(sentence_idx).copied().flatten();
        for item in extract_sentence(&article.text, span, &tokens, date, lexicon) {
            if !span.contains(item.span) || item.span.text(&article.text).is_none() {
                continue;
            }
            located.push(Located {
                attribution: link_attribution(item.span, attributions),
                found: item,
                article: article_id,
                sentence: SentenceId(sentence_idx),
                group,
                fact: 0,
            });
        }
    }
    located
}

/// Runs every extractor on one sentence; codes and dates claim their tokens first so that
/// "J2-8243" or "25 December" never also read as numbers.
fn extract_sentence(
    text: &str,
    sentence: Span,
    tokens: &[Token<'_>],
    article_date: Option<chrono::NaiveDate>,
    lexicon: &entity::Lexicon,
) -> Vec<Found> {
    let mut found = entity::find_codes(tokens);
    found.extend(date::find_dates(text, sentence, article_date));
    let taken: Vec<Span> = found.iter().map(|f| f.span).collect();
    found.extend(number::find_numbers(tokens, &taken));
    found.extend(entity::find_entities(tokens, lexicon, &taken));
    found.extend(entity::find_roles(text, sentence));
    found.extend(quote::find_quotes(text, sentence));
    found.extend(cause::find_causes(text, sentence));
    found
}

/// The group of each (article, sentence).
fn group_index(articles: &[Article], groups: &[Group]) -> Vec<Vec<Option<usize>>> {
    let mut index: Vec<Vec<Option<usize>>> = articles.iter().map(|a| vec![None; a.sentences.len()]).collect();
    for (group_idx, group) in groups.iter().enumerate() {
        for member in &group.members {
            if let Some(slot) = index
                .get_mut(member.article.0)
                .and_then(|a| a.get_mut(member.sentence.0))
            {
                *slot = Some(group_idx);
            }
        }
    }
    index
}

/// The innermost attribution whose content span holds `span`, among `attributions` (content
/// span, index) of one article sorted by content start, as [`attributions_by_article`] gives
/// them. Contents never overlap (attribution keeps them univocal), so only the last few
/// starting at or before `span` can hold it: a binary search, not a scan, so that a huge
/// article stays linear.
pub fn link_attribution(span: Span, attributions: &[(Span, usize)]) -> Option<usize> {
    let before = attributions.partition_point(|(content, _)| content.start <= span.start);
    attributions
        .get(..before)?
        .iter()
        .rev()
        .take(NEAREST_CONTENTS)
        .filter(|(content, _)| content.contains(span))
        .min_by_key(|(content, idx)| (content.len(), *idx))
        .map(|(_, idx)| *idx)
}

/// How many contents starting before a span [`link_attribution`] looks at.
const NEAREST_CONTENTS: usize = 8;

/// Each article's attributions as (content span, index), sorted by content start.
#[must_use]
pub fn attributions_by_article(
    article_count: usize,
    attributions: &[Attribution],
) -> Vec<Vec<(Span, usize)>> {
    let mut by_article: Vec<Vec<(Span, usize)>> = vec![Vec::new(); article_count];
    for (idx, attribution) in attributions.iter().enumerate() {
        if let Some(list) = by_article.get_mut(attribution.article.0) {
            list.push((attribution.content, idx));
        }
    }
    for list in &mut by_article {
        list.sort_by_key(|(content, _)| content.start);
    }
    by_article
}

/// How many passages each pair of articles (lower index first) shares. A group with more
/// than 12 articles counts for its first 12 only, so one huge group (a wire story every
/// outlet ran) cannot make this quadratic.
pub fn shared_passages(groups: &[Group]) -> HashMap<(usize, usize), usize> {
    let mut shared: HashMap<(usize, usize), usize> = HashMap::default();
    for group in groups {
        let mut ids: Vec<usize> = group.members.iter().map(|m| m.article.0).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.truncate(12);
        for (i, a) in ids.iter().enumerate() {
            for b in ids.iter().skip(i + 1) {
                *shared.entry((*a, *b)).or_insert(0) += 1;
            }
        }
    }
    shared
}

/// Splits the articles into events: two articles are linked when they share at least
/// [`EVENT_PASSAGES`] aligned passages; events are the connected components (union-find).
fn event_clusters(article_count: usize, shared: &HashMap<(usize, usize), usize>) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..article_count).collect();
    let mut pairs: Vec<_> = shared
        .iter()
        .filter(|(_, n)| **n >= EVENT_PASSAGES)
        .map(|(p, _)| *p)
        .collect();
    pairs.sort_unstable();
    for (a, b) in pairs {
        let (ra, rb) = (find_root(&mut parent, a), find_root(&mut parent, b));
        if ra != rb {
            let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
            if let Some(p) = parent.get_mut(high) {
                *p = low;
            }
        }
    }
    (0..article_count).map(|a| find_root(&mut parent, a)).collect()
}

fn find_root(parent: &mut [usize], mut node: usize) -> usize {
    let mut steps = 0;
    while let Some(&up) = parent.get(node) {
        if up == node || steps > parent.len() {
            break;
        }
        if let Some(&grand) = parent.get(up)
            && let Some(slot) = parent.get_mut(node)
        {
            *slot = grand;
        }
        node = up;
        steps += 1;
    }
    node
}

/// Buckets the mentions by (event, kind, key), merges compatible values inside each
/// bucket and emits one fact per merged value.
fn consolidate(mut located: Vec<Located>, events: &[usize]) -> Collected {
    entity::resolve_kinds(&mut located, events);
    located.retain(|l| l.found.key != entity::TENTATIVE);
    let mut buckets: HashMap<(usize, Kind, String), Vec<usize>> = HashMap::default();
    for (idx, item) in located.iter().enumerate() {
        let event = events.get(item.article.0).copied().unwrap_or(0);
        buckets
            .entry((event, item.found.kind, item.found.key.clone()))
            .or_default()
            .push(idx);
    }
    let mut keys: Vec<_> = buckets.keys().cloned().collect();
    keys.sort_unstable();
    let mut collected = Collected {
        events: events.to_vec(),
        ..Collected::default()
    };
    for bucket_key in keys {
        let Some(members) = buckets.get(&bucket_key) else {
            continue;
        };
        let (event, kind, key) = bucket_key;
        let values: Vec<&Value> = members
            .iter()
            .filter_map(|&i| located.get(i).map(|l| &l.found.value))
            .collect();
        let classes = merge_values(kind, &values);
        for class in classes {
            let fact_idx = collected.facts.len();
            let mut mentions = Vec::new();
            for &member in &class.members {
                if let Some(&located_idx) = members.get(member)
                    && let Some(item) = located.get_mut(located_idx)
                {
                    item.fact = fact_idx;
                    mentions.push(item.mention());
                }
            }
            mentions.sort_by_key(|m| (m.article, m.sentence, m.start));
            let mut ids: Vec<ArticleId> = mentions.iter().map(|m| m.article).collect();
            ids.dedup();
            ids.sort_unstable();
            ids.dedup();
            collected.facts.push(Fact {
                kind: kind.name().to_owned(),
                key: key.clone(),
                value: class.value.display(),
                mentions,
                articles: ids,
                variants: class.variants,
            });
            collected.fact_events.push(event);
            collected.fact_values.push(class.value);
        }
    }
    collected.mentions = located;
    collected
}

/// One merged value of a bucket: the canonical value, the members (indices into the
/// bucket) and the spelling variants merged into it.
#[derive(Debug, Clone)]
pub struct Class {
    /// The canonical value.
    pub value: Value,
    /// Positions in the bucket.
    pub members: Vec<usize>,
    /// Near-spellings merged in.
    pub variants: Vec<String>,
}

fn merge_values(kind: Kind, values: &[&Value]) -> Vec<Class> {
    match kind {
        Kind::Number => number::merge(values),
        Kind::Date => date::merge(values),
        Kind::Person => entity::merge_people(values),
        _ => merge_exact(values),
    }
}

/// Merges equal values (compared case-insensitively), keeping first-seen order.
pub fn merge_exact(values: &[&Value]) -> Vec<Class> {
    let mut index: HashMap<String, usize> = HashMap::default();
    let mut classes: Vec<Class> = Vec::new();
    for (idx, value) in values.iter().enumerate() {
        let norm = quote::normalize(&value.display());
        if let Some(&class) = index.get(&norm) {
            if let Some(c) = classes.get_mut(class) {
                c.members.push(idx);
            }
        } else {
            index.insert(norm, classes.len());
            classes.push(Class {
                value: (*value).clone(),
                members: vec![idx],
                variants: Vec::new(),
            });
        }
    }
    classes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Member;

    #[test]
    fn a_mention_links_to_the_content_that_holds_it_among_many() {
        // 10,000 disjoint contents of 10 bytes each, every other 10 bytes.
        let contents: Vec<(Span, usize)> = (0..10_000).map(|i| (Span::new(i * 20, i * 20 + 10), i)).collect();
        assert_eq!(link_attribution(Span::new(5, 8), &contents), Some(0));
        assert_eq!(
            link_attribution(Span::new(123_402, 123_410), &contents),
            Some(6170)
        );
        assert_eq!(
            link_attribution(Span::new(199_980, 199_990), &contents),
            Some(9999)
        );
        // Between two contents, straddling one's end, or before them all: none.
        assert_eq!(link_attribution(Span::new(12, 15), &contents), None);
        assert_eq!(link_attribution(Span::new(8, 12), &contents), None);
        assert_eq!(link_attribution(Span::new(0, 0), &[]), None);
        // Nested contents (not produced today, but allowed): the innermost wins.
        let nested = [
            (Span::new(0, 100), 0),
            (Span::new(10, 50), 1),
            (Span::new(60, 70), 2),
        ];
        assert_eq!(link_attribution(Span::new(20, 30), &nested), Some(1));
        assert_eq!(link_attribution(Span::new(55, 58), &nested), Some(0));
    }

    #[test]
    fn attributions_come_per_article_in_text_order() {
        let attribution = |article: usize, start: usize| Attribution {
            article: ArticleId(article),
            sentence: SentenceId(0),
            source: None,
            cue: None,
            content: Span::new(start, start + 5),
            direct: false,
            channel: None,
        };
        let all = [
            attribution(1, 50),
            attribution(0, 30),
            attribution(1, 10),
            attribution(0, 0),
        ];
        let by_article = attributions_by_article(2, &all);
        assert_eq!(by_article[0], vec![(Span::new(0, 5), 3), (Span::new(30, 35), 1)]);
        assert_eq!(
            by_article[1],
            vec![(Span::new(10, 15), 2), (Span::new(50, 55), 0)]
        );
    }

    #[test]
    fn tokens_keep_codes_and_decimals_whole() {
        let text = "Flight J2-8243 flew 3.5km, with 1,200 aboard.";
        let words: Vec<&str> = tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            words,
            [
                "Flight", "J2-8243", "flew", "3.5km", ",", "with", "1,200", "aboard", "."
            ]
        );
    }

    #[test]
    fn innermost_attribution_wins() {
        let list = [
            (Span::new(0, 100), 0),
            (Span::new(10, 50), 1),
            (Span::new(60, 70), 2),
        ];
        assert_eq!(link_attribution(Span::new(20, 25), &list), Some(1));
        assert_eq!(link_attribution(Span::new(55, 58), &list), Some(0));
        assert_eq!(link_attribution(Span::new(95, 120), &list), None);
    }

    fn group(members: &[(usize, usize)]) -> Group {
        Group {
            members: members
                .iter()
                .map(|&(a, s)| Member {
                    article: ArticleId(a),
                    sentence: SentenceId(s),
                    diverging: Vec::new(),
                })
                .collect(),
            score: 0.5,
            divergence: 0.0,
            significant: false,
        }
    }

    #[test]
    fn events_need_three_shared_passages() {
        let groups = [
            group(&[(0, 0), (1, 0)]),
            group(&[(0, 1), (1, 1)]),
            group(&[(0, 2), (1, 2)]),
            group(&[(1, 3), (2, 0)]),
            group(&[(1, 4), (2, 1)]),
        ];
        let shared = shared_passages(&groups);
        let events = event_clusters(3, &shared);
        assert_eq!(events.first(), events.get(1));
        assert_ne!(events.get(1), events.get(2));
        assert_eq!(shared.get(&(1, 2)), Some(&2));
    }
}
