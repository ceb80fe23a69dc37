//! Conflicts: facts, aligned passages and attributions → the points on which articles
//! about one event disagree, most important first.
//!
//! Consumes the articles, the groups (with each member's `diverging` spans), the
//! attributions and the [`Collected`] facts. Produces [`Conflict`]s of four kinds:
//! - `value`: one slot, incompatible values. Slots with one true value per event are the
//!   casualty counts ("killed", "injured", "survivors", "aboard", …), the airline operating
//!   the aircraft and whose air defence it was; any other key is a slot only inside one
//!   aligned passage (two dates, two distances, two flight numbers in one passage).
//!   Compatible values never conflict: "at least 38" allows 38, "12-25" fits
//!   "2024-12-25", "Wednesday" fits 25 December 2024.
//! - `quote`: one quotation worded differently in one passage (the words in between shared
//!   anchors differ, not merely where one article quotes less).
//! - `substitution` / `polarity`: inside an aligned passage, a short run between shared
//!   content words that holds a diverging name on both sides ("Ukrainian" vs "Russian"), or
//!   a negation on one side only. Across the event, responsibility affirmed for an actor in
//!   one place and denied in another ("Putin felt responsible" / "Putin did not take
//!   responsibility"), the actor being the nearest name before the word.
//! - `attribution`: one fact stated through different sources, or attributed in one
//!   article and asserted bare in another.
//!
//! Invariants: every claim has at least one mention; mentions come from the facts or from
//! member sentences, so their spans lie inside their sentences. Work is per bucket and per
//! group (pairs of members capped at 12 per group), never over all pairs of mentions.
//!
//! Weak spots: an event with two aircraft or two attacks has two true airlines or
//! casualty counts and gets a false conflict; substitution needs the alignment to have put
//! the two sentences in one passage; translations of one statement worded differently are
//! reported as quote conflicts too; the responsibility stance reads only the clause before
//! the word, so "raised questions about Russia's accountability" counts as affirming it.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use regex::Regex;

use similar::{DiffOp, capture_diff_slices_deadline};

use crate::analysis::facts::{self, Collected, Kind, Located, Value, number};
use crate::analysis::words::{self, Tokenizer, Word};
use crate::analysis::{compare, static_regex};
use crate::model::{Article, Attribution, Claim, Conflict, DiffKind, Group, Mention};
use crate::span::{ArticleId, Span};

/// Most members of one group compared pairwise.
const MAX_MEMBERS: usize = 12;
/// Longest run (in words, each side) read as one substituted name or flipped negation.
const MAX_RUN: usize = 3;

/// Finds the conflicts; see the module docs. Tokenizes the sentences itself; the pipeline
/// passes the words it already has to [`find_conflicts_with_words`].
#[must_use]
pub fn find_conflicts(
    articles: &[Article],
    groups: &[Group],
    attributions: &[Attribution],
    collected: &Collected,
) -> Vec<Conflict> {
    let tokenizer = Tokenizer::default();
    let mut words: Vec<Vec<Vec<Word>>> = articles
        .iter()
        .map(|a| {
            a.sentences
                .iter()
                .map(|s| tokenizer.words(&a.text, s.span()))
                .collect()
        })
        .collect();
    words::intern(words.iter_mut().flatten());
    find_conflicts_with_words(articles, groups, attributions, collected, &words)
}

/// Finds the conflicts, given the words of every sentence (`words[article][sentence]`, as
/// alignment used them, interned by [`words::intern`]).
#[must_use]
pub fn find_conflicts_with_words(
    articles: &[Article],
    groups: &[Group],
    attributions: &[Attribution],
    collected: &Collected,
    words: &[Vec<Vec<Word>>],
) -> Vec<Conflict> {
    let started = Instant::now();
    let mut conflicts = slot_conflicts(collected);
    let passages = shared_passage_mentions(groups, collected);
    conflicts.extend(group_value_conflicts(&passages));
    conflicts.extend(quote_conflicts(articles, &passages, words));
    let mut taken: Vec<(ArticleId, Span)> = conflicts
        .iter()
        .flat_map(|c| c.claims.iter().flat_map(|claim| claim.mentions.iter()))
        .map(|m| (m.article, Span::new(m.start, m.end)))
        .collect();
    for conflict in passage_conflicts(articles, groups, attributions, words) {
        let overlaps = conflict.claims.iter().flat_map(|c| c.mentions.iter()).any(|m| {
            taken
                .iter()
                .any(|(a, s)| *a == m.article && s.overlaps(Span::new(m.start, m.end)))
        });
        if !overlaps {
            taken.extend(
                conflict
                    .claims
                    .iter()
                    .flat_map(|c| c.mentions.iter())
                    .map(|m| (m.article, Span::new(m.start, m.end))),
            );
            conflicts.push(conflict);
        }
    }
    conflicts.extend(stance_conflicts(articles, attributions, collected));
    conflicts.extend(attribution_conflicts(attributions, collected));
    conflicts.sort_by(|a, b| b.importance.cmp(&a.importance).then_with(|| a.key.cmp(&b.key)));
    tracing::debug!(
        conflicts = conflicts.len(),
        elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
        "conflicts"
    );
    conflicts
}

/// A claim from a list of mentions: distinct articles and attributions filled in.
fn claim(value: String, mut mentions: Vec<Mention>) -> Claim {
    mentions.sort_by_key(|m| (m.article, m.sentence, m.start));
    mentions.dedup_by_key(|m| (m.article, m.sentence, m.start, m.end));
    let mut articles: Vec<ArticleId> = mentions.iter().map(|m| m.article).collect();
    articles.sort_unstable();
    articles.dedup();
    let mut attributions: Vec<usize> = mentions.iter().filter_map(|m| m.attribution).collect();
    attributions.sort_unstable();
    attributions.dedup();
    Claim {
        value,
        mentions,
        articles,
        attributions,
    }
}

/// Importance: a base for the kind of disagreement plus up to 10 for how many articles
/// take part in it.
fn importance(base: u32, claims: &[Claim]) -> u32 {
    let articles: HashSet<ArticleId> = claims.iter().flat_map(|c| c.articles.iter().copied()).collect();
    let spread = u32::try_from(articles.len().min(5)).unwrap_or(5) * 2;
    (base + spread).min(100)
}

fn incompatible(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => !x.compatible(y),
        (Value::Date(x), Value::Date(y)) => x.is_determinate() && y.is_determinate() && !x.compatible(y),
        (Value::Text(x), Value::Text(y)) => !x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

/// Conflicts on event-wide slots: casualty counts, the airline, whose air defence.
fn slot_conflicts(collected: &Collected) -> Vec<Conflict> {
    let mut buckets: HashMap<(usize, &str, &str), Vec<usize>> = HashMap::new();
    for (idx, fact) in collected.facts.iter().enumerate() {
        let event = collected.fact_events.get(idx).copied().unwrap_or(0);
        let slot = match fact.kind.as_str() {
            "number" => number::SLOT_KEYS.contains(&fact.key.as_str()),
            "role" => true,
            "organization" => fact.key == "airline",
            _ => false,
        };
        if slot {
            buckets
                .entry((event, fact.kind.as_str(), fact.key.as_str()))
                .or_default()
                .push(idx);
        }
    }
    let slot_mention: HashSet<usize> = collected
        .mentions
        .iter()
        .filter(|m| m.found.slot)
        .map(|m| m.fact)
        .collect();
    let mut keys: Vec<_> = buckets.keys().copied().collect();
    keys.sort_unstable();
    let mut conflicts = Vec::new();
    for bucket in keys {
        let Some(facts) = buckets.get(&bucket) else {
            continue;
        };
        let (_, kind, key) = bucket;
        // An airline is a slot only where it names the operator ("X Airlines plane").
        let facts: Vec<usize> = facts
            .iter()
            .copied()
            .filter(|f| kind != "organization" || slot_mention.contains(f))
            .collect();
        let values: Vec<Option<&Value>> = facts.iter().map(|&f| collected.fact_values.get(f)).collect();
        let articles_of = |i: usize| {
            facts
                .get(i)
                .and_then(|&f| collected.facts.get(f))
                .map_or(&[][..], |f| f.articles.as_slice())
        };
        // A value is disputed when an incompatible value comes from a different article
        // directly linked to one of its own (two stories in one loose event don't count).
        let disputed: Vec<usize> = facts
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                values.iter().enumerate().any(|(j, other)| {
                    *i != j
                        && matches!((values.get(*i).copied().flatten(), other), (Some(a), Some(b)) if incompatible(a, b))
                        && collected.linked(articles_of(*i), articles_of(j))
                })
            })
            .map(|(_, &f)| f)
            .collect();
        if disputed.len() < 2 {
            continue;
        }
        let claims: Vec<Claim> = disputed
            .iter()
            .filter_map(|&f| collected.facts.get(f))
            .map(|fact| claim(fact.value.clone(), fact.mentions.clone()))
            .collect();
        let base = match kind {
            "number" => 80,
            "organization" => 78,
            _ => 75,
        };
        conflicts.push(Conflict {
            kind: "value".into(),
            key: key.to_owned(),
            importance: importance(base, &claims),
            claims,
        });
    }
    conflicts
}

/// The mentions of every passage that two or more articles share, in passage order.
fn shared_passage_mentions<'c>(groups: &[Group], collected: &'c Collected) -> Vec<Vec<&'c Located>> {
    let mut by_group: HashMap<usize, Vec<&Located>> = HashMap::new();
    for item in &collected.mentions {
        if let Some(group) = item.group {
            by_group.entry(group).or_default().push(item);
        }
    }
    groups
        .iter()
        .enumerate()
        .filter(|(_, group)| group.article_count() >= 2)
        .filter_map(|(idx, _)| by_group.remove(&idx))
        .collect()
}

/// Conflicts inside one passage on keys that are not event-wide slots: dates, distances,
/// other counts, codes.
fn group_value_conflicts(passages: &[Vec<&Located>]) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for items in passages {
        let mut by_key: HashMap<(Kind, &str), Vec<&Located>> = HashMap::new();
        for item in items {
            let wanted = match item.found.kind {
                Kind::Number => !number::SLOT_KEYS.contains(&item.found.key.as_str()),
                Kind::Date | Kind::Code => true,
                _ => false,
            };
            if wanted {
                by_key
                    .entry((item.found.kind, item.found.key.as_str()))
                    .or_default()
                    .push(item);
            }
        }
        let mut keys: Vec<_> = by_key.keys().copied().collect();
        keys.sort_unstable();
        for bucket in keys {
            let Some(list) = by_key.get(&bucket) else { continue };
            // Distinct values, each with its mentions; a value only conflicts with a value
            // from another article.
            let mut values: Vec<(&Value, Vec<&Located>)> = Vec::new();
            for item in list {
                match values.iter_mut().find(|(v, _)| {
                    !incompatible(v, &item.found.value) && v.display() == item.found.value.display()
                }) {
                    Some((_, members)) => members.push(item),
                    None => values.push((&item.found.value, vec![item])),
                }
            }
            let disputed: Vec<usize> = (0..values.len())
                .filter(|&i| {
                    values.iter().enumerate().any(|(j, (other, members))| {
                        let Some((mine, own)) = values.get(i) else {
                            return false;
                        };
                        i != j
                            && incompatible(mine, other)
                            && !values
                                .iter()
                                .any(|(v, _)| !incompatible(v, mine) && !incompatible(v, other))
                            && members.iter().any(|m| own.iter().all(|o| o.article != m.article))
                    })
                })
                .collect();
            if disputed.len() < 2 {
                continue;
            }
            let claims: Vec<Claim> = disputed
                .iter()
                .filter_map(|&i| values.get(i))
                .map(|(value, members)| claim(value.display(), members.iter().map(|m| m.mention()).collect()))
                .collect();
            let base = match bucket.0 {
                Kind::Date => 55,
                Kind::Code => 60,
                _ => 50,
            };
            conflicts.push(Conflict {
                kind: "value".into(),
                key: bucket.1.to_owned(),
                importance: importance(base, &claims),
                claims,
            });
        }
    }
    conflicts
}

/// The words of sentence `sentence` of `article`.
fn sentence_words(words: &[Vec<Vec<Word>>], article: ArticleId, sentence: usize) -> &[Word] {
    words
        .get(article.0)
        .and_then(|a| a.get(sentence))
        .map_or(&[], Vec::as_slice)
}

/// Quotations in one passage that quote the same words differently.
fn quote_conflicts(
    articles: &[Article],
    passages: &[Vec<&Located>],
    words: &[Vec<Vec<Word>>],
) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for items in passages {
        let quotes: Vec<(&Located, Vec<Word>)> = items
            .iter()
            .filter(|m| m.found.kind == Kind::Quote)
            .filter_map(|m| {
                let inside: Vec<Word> = sentence_words(words, m.article, m.sentence.0)
                    .iter()
                    .filter(|w| m.found.span.contains(w.span))
                    .cloned()
                    .collect();
                (inside.len() >= 4).then_some((*m, inside))
            })
            .take(MAX_MEMBERS)
            .collect();
        let mut involved: Vec<&Located> = Vec::new();
        for (i, (a, wa)) in quotes.iter().enumerate() {
            for (b, wb) in quotes.iter().skip(i + 1) {
                if a.article == b.article || !worded_differently(wa, wb) {
                    continue;
                }
                for item in [*a, *b] {
                    if !involved.iter().any(|x| std::ptr::eq(*x, item)) {
                        involved.push(item);
                    }
                }
            }
        }
        if involved.len() < 2 {
            continue;
        }
        let mut by_wording: Vec<(String, Vec<Mention>)> = Vec::new();
        for item in &involved {
            let wording = item.found.value.display();
            match by_wording.iter_mut().find(|(w, _)| *w == wording) {
                Some((_, mentions)) => mentions.push(item.mention()),
                None => by_wording.push((wording, vec![item.mention()])),
            }
        }
        let claims: Vec<Claim> = by_wording
            .into_iter()
            .map(|(_, mentions)| {
                let shown = mentions
                    .first()
                    .and_then(|m| articles.get(m.article.0)?.text.get(m.start..m.end))
                    .unwrap_or("")
                    .to_owned();
                claim(shown, mentions)
            })
            .collect();
        let key = claims.first().map_or_else(
            || "quote".to_owned(),
            |c| {
                let words: Vec<&str> = c.value.split_whitespace().take(6).collect();
                format!("quote “{}…”", words.join(" "))
            },
        );
        conflicts.push(Conflict {
            kind: "quote".into(),
            key,
            importance: importance(70, &claims),
            claims,
        });
    }
    conflicts
}

/// True when two quotations share enough anchored words to be one quotation and differ in
/// a content word between their first and last shared word.
fn worded_differently(a: &[Word], b: &[Word]) -> bool {
    // A left quote used as an apostrophe ("Trump‘s") is still a possessive: the stemmed
    // key keeps the mark ("trump‘"), so trim it.
    let key = |w: &Word| w.key.trim_end_matches(['‘', '\'', '’']).to_owned();
    let ka: Vec<String> = a.iter().map(key).collect();
    let kb: Vec<String> = b.iter().map(key).collect();
    let ops = word_diff(&ka, &kb);
    let equal: usize = ops
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    let shorter = ka.len().min(kb.len());
    if equal < 4 || equal * 2 < shorter {
        return false;
    }
    let first = ops.iter().position(|op| matches!(op, DiffOp::Equal { .. }));
    let last = ops.iter().rposition(|op| matches!(op, DiffOp::Equal { .. }));
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    ops.iter().take(last).skip(first + 1).any(|op| {
        let (old, new) = op_ranges(op);
        a.get(old).is_some_and(|ws| ws.iter().any(|w| !w.stop))
            || b.get(new).is_some_and(|ws| ws.iter().any(|w| !w.stop))
    })
}

/// A word-level diff as comparison runs it; a long pair gets 20 ms.
fn word_diff<T: Eq + std::hash::Hash>(old: &[T], new: &[T]) -> Vec<DiffOp> {
    let (algorithm, long) = compare::algorithm_for(old.len(), new.len());
    let deadline = if long {
        Instant::now().checked_add(Duration::from_millis(20))
    } else {
        None
    };
    capture_diff_slices_deadline(algorithm, old, new, deadline)
}

fn op_ranges(op: &DiffOp) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let (_, old, new) = op.as_tag_tuple();
    (old, new)
}

/// Substituted names and flipped negations inside aligned passages.
fn passage_conflicts(
    articles: &[Article],
    groups: &[Group],
    attributions: &[Attribution],
    words: &[Vec<Vec<Word>>],
) -> Vec<Conflict> {
    let by_article = facts::attributions_by_article(articles.len(), attributions);
    let mut conflicts = Vec::new();
    for (group_idx, group) in groups.iter().enumerate() {
        // Substitution needs a diverging name on both sides, polarity a diverging negation on
        // one: groups without them (most) are skipped before any diff is run.
        if group.score < 0.3 || !group.significant || group.article_count() < 2 {
            continue;
        }
        let marked = |m: &&crate::model::Member| {
            m.diverging
                .iter()
                .any(|d| matches!(d.kind, DiffKind::Name | DiffKind::Negation))
        };
        if group.members.iter().filter(marked).count() == 0 {
            continue;
        }
        let members: Vec<(&crate::model::Member, &Article, &[Word])> = group
            .members
            .iter()
            .take(MAX_MEMBERS)
            .filter_map(|m| {
                let article = articles.get(m.article.0)?;
                Some((m, article, sentence_words(words, m.article, m.sentence.0)))
            })
            .collect();
        for (i, (ma, aa, wa)) in members.iter().enumerate() {
            for (mb, ab, wb) in members.iter().skip(i + 1) {
                if ma.article == mb.article || !(marked(ma) || marked(mb)) {
                    continue;
                }
                let ka: Vec<u32> = wa.iter().map(|w| w.id).collect();
                let kb: Vec<u32> = wb.iter().map(|w| w.id).collect();
                let ops = word_diff(&ka, &kb);
                for (op_idx, op) in ops.iter().enumerate() {
                    if matches!(op, DiffOp::Equal { .. }) {
                        continue;
                    }
                    let (old, new) = op_ranges(op);
                    if old.len() > MAX_RUN || new.len() > MAX_RUN {
                        continue;
                    }
                    let anchored = |k: usize| {
                        ops.get(k).is_some_and(|o| match o {
                            DiffOp::Equal { old_index, len, .. } => wa
                                .get(*old_index..old_index + len)
                                .is_some_and(|ws| ws.iter().any(|w| !w.stop)),
                            _ => false,
                        })
                    };
                    if op_idx == 0 || !anchored(op_idx - 1) || !anchored(op_idx + 1) {
                        continue;
                    }
                    let side_a = wa.get(old.clone()).unwrap_or(&[]);
                    let side_b = wb.get(new.clone()).unwrap_or(&[]);
                    let names_a = diverging_names(ma, side_a);
                    let names_b = diverging_names(mb, side_b);
                    let neg_a = side_a.iter().any(|w| w.negation);
                    let neg_b = side_b.iter().any(|w| w.negation);
                    // "Azerbaijani president" and "Azerbaijan’s President" name one country.
                    let same_names = canonical_names(side_a, &aa.text) == canonical_names(side_b, &ab.text);
                    let kind = if names_a && names_b && !same_names && group.score >= 0.3 {
                        "substitution"
                    } else if neg_a != neg_b && group.score >= 0.5 {
                        "polarity"
                    } else {
                        continue;
                    };
                    let Some(span_a) = context_span(wa, old.clone()) else {
                        continue;
                    };
                    let Some(span_b) = context_span(wb, new.clone()) else {
                        continue;
                    };
                    let mention = |m: &crate::model::Member, span: Span| Mention {
                        article: m.article,
                        sentence: m.sentence,
                        start: span.start,
                        end: span.end,
                        attribution: by_article
                            .get(m.article.0)
                            .and_then(|list| facts::link_attribution(span, list)),
                        group: Some(group_idx),
                    };
                    let text_a = span_a.text(&aa.text).unwrap_or("").to_owned();
                    let text_b = span_b.text(&ab.text).unwrap_or("").to_owned();
                    let key = anchor_key(wa, &ops, op_idx, &aa.text);
                    let claims = vec![
                        claim(text_a, vec![mention(ma, span_a)]),
                        claim(text_b, vec![mention(mb, span_b)]),
                    ];
                    conflicts.push(Conflict {
                        kind: kind.into(),
                        key,
                        importance: importance(if kind == "polarity" { 65 } else { 60 }, &claims),
                        claims,
                    });
                }
            }
        }
    }
    conflicts
}

/// The capitalised words of a run, with demonyms and possessives folded to the country or
/// name they stand for, sorted: two runs naming the same things compare equal.
fn canonical_names(words: &[Word], text: &str) -> Vec<String> {
    let mut names: Vec<String> = words
        .iter()
        .filter(|w| w.capitalized)
        .filter_map(|w| w.span.text(text))
        .map(|t| {
            let bare = t.strip_suffix("’s").or_else(|| t.strip_suffix("'s")).unwrap_or(t);
            crate::analysis::facts::entity::demonym(bare)
                .map_or_else(|| bare.to_lowercase(), str::to_lowercase)
        })
        .filter(|n| !matches!(n.as_str(), "president" | "minister" | "prime"))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// True when the words include a name the member's diverging spans mark as a name (a date
/// word such as "Wednesday" or "December" does not count).
fn diverging_names(member: &crate::model::Member, words: &[Word]) -> bool {
    words.iter().any(|w| {
        member
            .diverging
            .iter()
            .any(|d| d.kind == DiffKind::Name && d.span().contains(w.span))
            && !DATE_WORDS.contains(&w.key.as_str())
    })
}

const DATE_WORDS: &[&str] = &[
    "januari",
    "februari",
    "march",
    "april",
    "may",
    "june",
    "juli",
    "august",
    "septemb",
    "octob",
    "novemb",
    "decemb",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "christma",
];

/// The span from the last word before the run to the first word after it: the differing
/// words with one shared word of context each side.
fn context_span(words: &[Word], run: std::ops::Range<usize>) -> Option<Span> {
    let start = run.start.checked_sub(1).and_then(|i| words.get(i))?;
    let end = words.get(run.end)?;
    Some(Span::new(start.span.start, end.span.end))
}

/// A key naming the passage frame: the shared words around the difference.
fn anchor_key(words: &[Word], ops: &[DiffOp], op_idx: usize, text: &str) -> String {
    let side = |k: usize, last: bool| -> String {
        let Some(DiffOp::Equal { old_index, len, .. }) = ops.get(k) else {
            return String::new();
        };
        let slice = words.get(*old_index..old_index + len).unwrap_or(&[]);
        let pick: Vec<&Word> = if last {
            slice
                .iter()
                .rev()
                .take(2)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect()
        } else {
            slice.iter().take(2).collect()
        };
        pick.iter()
            .filter_map(|w| w.span.text(text))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "{} … {}",
        side(op_idx.saturating_sub(1), true),
        side(op_idx + 1, false)
    )
}

/// Mentions affirming and denying one stance.
type Sides = (Vec<Mention>, Vec<Mention>);

static STANCE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"(?i)(?-u:\b)(?:responsib(?:le|ility)|accountab(?:le|ility)|to blame)(?-u:\b)")
});

/// Cues that deny what follows in their clause.
const DENIALS: &[&str] = &[
    " not ",
    "n't ",
    "n’t ",
    " never ",
    " no ",
    "refused",
    "refrained",
    "stopped short",
    "denied",
    "denies",
    "deny",
    "without",
    "failed to",
    "declined",
    "rejected",
];

/// Responsibility affirmed in one place and denied in another, for one actor: "Putin felt
/// responsible" against "Putin did not take responsibility". The actor is the nearest name
/// before the word in its sentence; a denial cue in the same clause flips the polarity.
fn stance_conflicts(
    articles: &[Article],
    attributions: &[Attribution],
    collected: &Collected,
) -> Vec<Conflict> {
    let by_article = facts::attributions_by_article(articles.len(), attributions);
    let mut names: HashMap<(ArticleId, usize), Vec<&Located>> = HashMap::new();
    for item in &collected.mentions {
        if matches!(item.found.kind, Kind::Person | Kind::Organization | Kind::Place) {
            names
                .entry((item.article, item.sentence.0))
                .or_default()
                .push(item);
        }
    }
    // (event, actor) → (affirmed, denied) mentions.
    let mut stances: HashMap<(usize, String), Sides> = HashMap::new();
    for (article_idx, article) in articles.iter().enumerate() {
        let event = collected.events.get(article_idx).copied().unwrap_or(0);
        for (sentence_idx, sentence) in article.sentences.iter().enumerate() {
            if sentence.boilerplate {
                continue;
            }
            let Some(names_here) = names.get(&(ArticleId(article_idx), sentence_idx)) else {
                continue;
            };
            let Some(text) = sentence.span().text(&article.text) else {
                continue;
            };
            if !(text.contains("esponsib") || text.contains("ccountab") || text.contains("blame")) {
                continue;
            }
            for found in STANCE.find_iter(text) {
                let before = text.get(..found.start()).unwrap_or("");
                let clause_start = before.rfind([',', ';', ':', '–', '—']).map_or(0, |i| {
                    i + before
                        .get(i..)
                        .and_then(|r| r.chars().next())
                        .map_or(1, char::len_utf8)
                });
                let clause = before.get(clause_start..).unwrap_or("").to_lowercase();
                let denied = DENIALS.iter().any(|cue| format!(" {clause}").contains(cue));
                let at = sentence.start + found.start();
                let Some(actor) = names_here
                    .iter()
                    .filter(|m| m.found.span.end <= at)
                    .max_by_key(|m| m.found.span.start)
                    .and_then(|m| collected.facts.get(m.fact))
                else {
                    continue;
                };
                let lead = text
                    .get(clause_start..found.start())
                    .map_or(0, |c| c.len() - c.trim_start().len());
                let span = Span::new(sentence.start + clause_start + lead, sentence.start + found.end());
                let mention = Mention {
                    article: ArticleId(article_idx),
                    sentence: crate::span::SentenceId(sentence_idx),
                    start: span.start,
                    end: span.end,
                    attribution: by_article
                        .get(article_idx)
                        .and_then(|list| facts::link_attribution(span, list)),
                    group: names_here.first().and_then(|m| m.group),
                };
                let sides = stances.entry((event, actor.value.clone())).or_default();
                if denied {
                    sides.1.push(mention);
                } else {
                    sides.0.push(mention);
                }
            }
        }
    }
    let mut keys: Vec<_> = stances.keys().cloned().collect();
    keys.sort_unstable();
    let mut conflicts = Vec::new();
    for key in keys {
        let Some((affirmed, denied)) = stances.remove(&key) else {
            continue;
        };
        if affirmed.is_empty() || denied.is_empty() {
            continue;
        }
        let actor = key.1;
        let claims = vec![
            claim(format!("{actor}: responsible"), affirmed),
            claim(format!("{actor}: not responsible"), denied),
        ];
        let (Some(yes), Some(no)) = (claims.first(), claims.get(1)) else {
            continue;
        };
        if !collected.linked(&yes.articles, &no.articles) {
            continue;
        }
        conflicts.push(Conflict {
            kind: "polarity".into(),
            key: format!("responsible: {actor}"),
            importance: importance(62, &claims),
            claims,
        });
    }
    conflicts
}

/// One fact stated through different sources, or attributed in one article and bare in
/// another.
fn attribution_conflicts(attributions: &[Attribution], collected: &Collected) -> Vec<Conflict> {
    let source_of = |idx: Option<usize>| -> Option<String> {
        let attribution = attributions.get(idx?)?;
        Some(
            attribution
                .source
                .as_ref()
                .map_or_else(|| "unnamed source".to_owned(), |s| s.name.trim().to_owned()),
        )
    };
    let mut conflicts = Vec::new();
    for fact in &collected.facts {
        if !matches!(fact.kind.as_str(), "number" | "date" | "quote" | "role") || fact.articles.len() < 2 {
            continue;
        }
        if fact.mentions.iter().all(|m| m.attribution.is_none()) {
            continue;
        }
        // Per article: the sources it gives, or none when every mention is bare.
        let mut by_source: Vec<(String, Vec<Mention>)> = Vec::new();
        for article in &fact.articles {
            let own: Vec<&Mention> = fact.mentions.iter().filter(|m| m.article == *article).collect();
            let sources: Vec<String> = own.iter().filter_map(|m| source_of(m.attribution)).collect();
            let (label, picked): (String, Vec<Mention>) = if let Some(first) = sources.first() {
                (
                    format!("according to {first}"),
                    own.iter()
                        .filter(|m| source_of(m.attribution).as_ref() == Some(first))
                        .map(|m| (*m).clone())
                        .collect(),
                )
            } else {
                (
                    "asserted without attribution".to_owned(),
                    own.iter().map(|m| (*m).clone()).collect(),
                )
            };
            match by_source.iter_mut().find(|(l, _)| l.eq_ignore_ascii_case(&label)) {
                Some((_, mentions)) => mentions.extend(picked),
                None => by_source.push((label, picked)),
            }
        }
        if by_source.len() < 2 {
            continue;
        }
        let claims: Vec<Claim> = by_source
            .into_iter()
            .map(|(label, mentions)| claim(format!("{} ({label})", fact.value), mentions))
            .collect();
        conflicts.push(Conflict {
            kind: "attribution".into(),
            key: format!("{}: {}", fact.key, fact.value),
            importance: importance(30, &claims),
            claims,
        });
    }
    conflicts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::facts::number::{Approx, NumberValue, Unit};
    use crate::model::Fact;

    fn fact(key: &str, value: NumberValue, article: usize) -> (Fact, Value) {
        let mention = Mention {
            article: ArticleId(article),
            sentence: crate::span::SentenceId(0),
            start: 0,
            end: 2,
            attribution: None,
            group: None,
        };
        (
            Fact {
                kind: "number".into(),
                key: key.into(),
                value: value.display(),
                mentions: vec![mention],
                articles: vec![ArticleId(article)],
                variants: Vec::new(),
            },
            Value::Number(value),
        )
    }

    fn collected(facts: Vec<(Fact, Value)>) -> Collected {
        let n = facts.len();
        let (facts, values): (Vec<_>, Vec<_>) = facts.into_iter().unzip();
        Collected {
            facts,
            fact_events: vec![0; n],
            fact_values: values,
            mentions: Vec::new(),
            events: vec![0; n],
            links: (0..n).flat_map(|a| (a + 1..n).map(move |b| (a, b))).collect(),
        }
    }

    fn words(text: &str) -> Vec<Word> {
        Tokenizer::default().words(text, Span::new(0, text.len()))
    }

    #[rstest::rstest]
    #[case::tragic_dropped(
        "Vladimir Putin apologised for the fact that the tragic incident occurred in the Russian airspace",
        "Vladimir Putin apologised for the fact that the incident happened in Russian airspace",
        true
    )]
    #[case::shorter_excerpt(
        "apologised for the fact that the incident happened in Russian airspace, once again",
        "Vladimir Putin apologised for the fact that the incident happened in Russian airspace",
        false
    )]
    #[case::spelling_only(
        "Putin apologized for the tragic incident in Russian airspace",
        "Putin apologised for the tragic incident in Russian airspace",
        false
    )]
    #[case::curly_possessive(
        "Donald Trump‘s ignorant view of Islam could make both our countries less safe",
        "Donald Trump's ignorant view of Islam could make both our countries less safe",
        false
    )]
    #[case::unrelated(
        "I expect to be vetted by the press",
        "We will all come together to say it loudly",
        false
    )]
    fn quote_wording(#[case] a: &str, #[case] b: &str, #[case] differs: bool) {
        assert_eq!(worded_differently(&words(a), &words(b)), differs);
    }

    #[test]
    fn different_counts_conflict() {
        let c = collected(vec![
            fact("killed", NumberValue::new(38.0, Approx::Exact, Unit::Count), 0),
            fact("killed", NumberValue::new(35.0, Approx::Exact, Unit::Count), 1),
        ]);
        let conflicts = slot_conflicts(&c);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts.first().map(|c| c.claims.len()), Some(2));
    }

    proptest::proptest! {
        /// Any mix of mentions that all allow one true value (exact, at least, at most,
        /// about, a vague range around it) never conflicts.
        #[test]
        fn compatible_values_never_conflict(
            x in 1u32..5000,
            spread in 0u32..20,
            kinds in proptest::collection::vec(0u8..5, 1..8),
        ) {
            let x = f64::from(x);
            let spread = f64::from(spread);
            let values: Vec<Value> = kinds
                .iter()
                .map(|k| match k {
                    0 => NumberValue::new(x, Approx::Exact, Unit::Count),
                    1 => NumberValue::new((x - spread).max(0.0), Approx::AtLeast, Unit::Count),
                    2 => NumberValue::new(x + spread, Approx::AtMost, Unit::Count),
                    3 => NumberValue::new(x, Approx::About, Unit::Count),
                    _ => NumberValue::range((x - spread).max(0.0), x + spread, Unit::Count),
                })
                .map(Value::Number)
                .collect();
            let refs: Vec<&Value> = values.iter().collect();
            let facts = number::merge(&refs)
                .iter()
                .enumerate()
                .filter_map(|(i, c)| match &c.value {
                    Value::Number(n) => Some(fact("killed", *n, i)),
                    _ => None,
                })
                .collect();
            proptest::prop_assert!(slot_conflicts(&collected(facts)).is_empty());
        }
    }
}
