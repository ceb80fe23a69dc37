//! Alignment: the sentences of all articles → groups of sentences that report the same thing.
//!
//! Consumes every article's non-boilerplate sentences and their words; produces groups in
//! which every such sentence appears exactly once, each with a score, in reading order.
//!
//! Method (lexical, no model at run time):
//! 1. Each sentence becomes a TF-IDF vector over stemmed content words; names and numbers,
//!    the anchors of a news story, weigh more.
//! 2. Candidate pairs come from an inverted index: only sentences of different articles
//!    that share a reasonably rare term are ever compared, so the cost grows with the number
//!    of sentences, not with its square. Each sentence keeps its best `max_neighbours`.
//! 3. A pair's similarity is its cosine, damped when the two articles as a whole are not
//!    about the same event (article-level cosine), so that two similar events mentioned in
//!    one run are kept apart.
//! 4. Average-linkage clustering merges groups while the mean similarity over all their
//!    cross-article pairs stays above `link_threshold`, and puts no more than
//!    `max_per_article` sentences of one article in a group — unless the extra sentences
//!    are corroborated: each resembles sentences of at least `corroboration` other
//!    articles of the group. The core of a widely covered story is restated in many
//!    outlets' headline, lead and summary; such a group keeps up to `max_corroborated`
//!    sentences of one article. A group of fewer articles never gets the wider limit.
//! 5. Groups are ordered by the first article, each other article's passages slotted in
//!    after the passage that precedes them in that article.
//!
//! Weak spots: paraphrases that share no content word are not linked; a sentence that packs
//! two claims joins whichever group it resembles most.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::time::Instant;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::analysis::Options;
use crate::analysis::words::{NameLexicon, Word};
use crate::model::{Article, Group, Member};
use crate::span::{ArticleId, SentenceId};

/// One sentence taking part in alignment.
#[derive(Debug, Clone, Copy)]
struct Node {
    article: usize,
    sentence: usize,
}

/// How many terms a group's centroid keeps.
const CENTROID_TERMS: usize = 48;

/// A sparse vector: sorted term ids with weights, L2-normalised.
type Vector = Vec<(u32, f32)>;

/// Groups every non-boilerplate sentence of `articles`. `words[a][s]` are the words of
/// sentence `s` of article `a`.
#[must_use]
pub fn group_passages(
    articles: &[Article],
    words: &[Vec<Vec<Word>>],
    lexicon: &NameLexicon,
    opts: &Options,
) -> Vec<Group> {
    let nodes: Vec<Node> = articles
        .iter()
        .enumerate()
        .flat_map(|(a, art)| {
            art.sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| !s.boilerplate)
                .map(move |(s, _)| Node {
                    article: a,
                    sentence: s,
                })
        })
        .collect();
    let clock = std::time::Instant::now();
    let deadline = clock.checked_add(opts.time_budget);
    let (vectors, doc_vectors) = vectorize(&nodes, words, lexicon, articles.len(), opts);
    tracing::debug!(elapsed = ?clock.elapsed(), "vectorized");
    let doc_sim = article_similarity(&doc_vectors);
    tracing::debug!(elapsed = ?clock.elapsed(), "article similarity");
    for (article, row) in doc_sim.iter().enumerate() {
        tracing::trace!(article, similarities = ?row, "article similarity");
    }
    let events = group_events(&doc_sim, opts, deadline);
    tracing::debug!(?events, "articles grouped into events");
    tracing::debug!(elapsed = ?clock.elapsed(), "events");
    let edges = candidate_edges(&nodes, &vectors, &doc_sim, &events, opts);
    tracing::debug!(elapsed = ?clock.elapsed(), edges = edges.len(), "candidate edges");
    // Merging may overshoot the per-article limit a little; `enforce_limit` then lets go of
    // the weakest members, which keeps large passages whole where a strict limit would
    // have refused the merge outright.
    let limit = Limit {
        plain: opts.max_per_article,
        corroborated: if opts.corroboration > 0 {
            opts.max_corroborated.max(opts.max_per_article)
        } else {
            opts.max_per_article
        },
        support: opts.corroboration,
        bar: opts.min_link,
    };
    let linkage = Linkage {
        threshold: opts.link_threshold,
        max_per_article: opts.max_per_article.saturating_add(opts.merge_slack),
        wide: Wide {
            articles: opts.corroboration.saturating_add(1),
            max_per_article: limit.corroborated.saturating_add(opts.merge_slack),
        },
        min_link: opts.min_link,
        centroid_weight: opts.centroid_weight,
        cross_event_factor: opts.cross_event_factor,
    };
    let clusters = cluster(&nodes, &edges, &vectors, &events, &linkage, deadline);
    let clusters = enforce_limit(clusters, &nodes, &edges, limit);
    tracing::debug!(elapsed = ?clock.elapsed(), "clustered");
    order_groups(articles, &nodes, clusters)
}

fn word_at(words: &[Vec<Vec<Word>>], node: Node) -> &[Word] {
    words
        .get(node.article)
        .and_then(|a| a.get(node.sentence))
        .map_or(&[], Vec::as_slice)
}

/// Sentence vectors and article vectors, TF-IDF weighted, anchors boosted.
fn vectorize(
    nodes: &[Node],
    words: &[Vec<Vec<Word>>],
    lexicon: &NameLexicon,
    article_count: usize,
    opts: &Options,
) -> (Vec<Vector>, Vec<Vector>) {
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let mut boosts: Vec<f32> = Vec::new();
    let mut counts: Vec<Vec<(u32, f32)>> = Vec::with_capacity(nodes.len());
    for node in nodes {
        let mut terms: Vec<(u32, f32)> = Vec::new();
        for word in word_at(words, *node)
            .iter()
            .filter(|w| !w.stop && w.key.chars().count() > 1 || w.number)
        {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            let name = lexicon.is_name(word);
            let id = *ids.entry(anchor_key(word, name)).or_insert(next);
            let boost = if word.number {
                opts.number_boost
            } else if name {
                opts.name_boost
            } else {
                1.0
            };
            let slot = usize::try_from(id).unwrap_or(usize::MAX);
            if boosts.len() <= slot {
                boosts.resize(slot + 1, 1.0);
            }
            if let Some(b) = boosts.get_mut(slot) {
                *b = b.max(boost);
            }
            terms.push((id, 1.0));
        }
        counts.push(merge_terms(terms));
    }
    let term_count = ids.len();
    let mut sentence_df = vec![0u32; term_count];
    let mut article_df = vec![0u32; term_count];
    let mut article_terms: Vec<Vec<(u32, f32)>> = vec![Vec::new(); article_count];
    for (node, terms) in nodes.iter().zip(&counts) {
        for (id, tf) in terms {
            if let Some(df) = sentence_df.get_mut(*id as usize) {
                *df += 1;
            }
            if let Some(doc) = article_terms.get_mut(node.article) {
                doc.push((*id, *tf));
            }
        }
    }
    let article_terms: Vec<Vec<(u32, f32)>> = article_terms.into_iter().map(merge_terms).collect();
    for terms in &article_terms {
        for (id, _) in terms {
            if let Some(df) = article_df.get_mut(*id as usize) {
                *df += 1;
            }
        }
    }
    let weigh = |terms: &[(u32, f32)], df: &[u32], total: usize| -> Vector {
        let total = total as f32;
        let mut v: Vector = terms
            .iter()
            .map(|(id, tf)| {
                let df = df.get(*id as usize).copied().unwrap_or(1).max(1) as f32;
                let idf = (1.0 + total / df).ln();
                let boost = boosts.get(*id as usize).copied().unwrap_or(1.0);
                (*id, (1.0 + tf.ln()) * idf * boost)
            })
            .collect();
        normalize(&mut v);
        v
    };
    let vectors = counts
        .iter()
        .map(|t| weigh(t, &sentence_df, nodes.len()))
        .collect();
    let docs = article_terms
        .iter()
        .map(|t| weigh(t, &article_df, article_count))
        .collect();
    (vectors, docs)
}

/// The key a word matches on. Names match on their first six letters, so that a country
/// meets its adjective and demonym ("Russia", "Russian"; "Azerbaijan", "Azerbaijani";
/// "Ukraine", "Ukrainian").
fn anchor_key(word: &Word, name: bool) -> &str {
    if !name {
        return word.key.as_str();
    }
    let cut = word
        .key
        .char_indices()
        .nth(6)
        .map_or(word.key.len(), |(at, _)| at);
    word.key.get(..cut).unwrap_or(word.key.as_str())
}

/// Sorts by term id and adds up repeated terms.
fn merge_terms(mut terms: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    terms.sort_unstable_by_key(|(id, _)| *id);
    let mut merged: Vec<(u32, f32)> = Vec::with_capacity(terms.len());
    for (id, tf) in terms {
        match merged.last_mut() {
            Some((last, sum)) if *last == id => *sum += tf,
            _ => merged.push((id, tf)),
        }
    }
    merged
}

/// The sum of two sparse vectors (both sorted by term), sorted.
fn add_vectors(left: &Vector, right: &Vector) -> Vector {
    let mut sum = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    loop {
        match (left.get(i), right.get(j)) {
            (Some(&(ta, wa)), Some(&(tb, wb))) => match ta.cmp(&tb) {
                Ordering::Less => {
                    sum.push((ta, wa));
                    i += 1;
                }
                Ordering::Greater => {
                    sum.push((tb, wb));
                    j += 1;
                }
                Ordering::Equal => {
                    sum.push((ta, wa + wb));
                    i += 1;
                    j += 1;
                }
            },
            (Some(&x), None) => {
                sum.push(x);
                i += 1;
            }
            (None, Some(&y)) => {
                sum.push(y);
                j += 1;
            }
            (None, None) => return sum,
        }
    }
}

fn normalize(v: &mut Vector) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

fn dot(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while let (Some((ta, wa)), Some((tb, wb))) = (a.get(i), b.get(j)) {
        match ta.cmp(tb) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                sum += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Cosine similarity between every two articles, as a dense matrix (articles are few),
/// accumulated through an inverted index so that articles sharing no term cost nothing.
/// Terms found in more articles than this are left out of article similarity.
const ARTICLE_POSTINGS: usize = 1000;

/// Each article keeps its edges to at most this many most similar articles for event
/// grouping: all of them in sets of ordinary size, and a bounded number in huge ones.
const EVENT_NEIGHBOURS: usize = 100;

fn article_similarity(docs: &[Vector]) -> Vec<Vec<f32>> {
    let mut postings: HashMap<u32, Vec<(usize, f32)>> = HashMap::default();
    for (idx, v) in docs.iter().enumerate() {
        for (term, w) in v {
            postings.entry(*term).or_default().push((idx, *w));
        }
    }
    let mut sim = vec![vec![0.0f32; docs.len()]; docs.len()];
    // A term in more than this many articles adds a pair for each two of them, and carries
    // next to no weight: skipped, so thousands of articles do not cost their square per term.
    for list in postings.values().filter(|list| list.len() <= ARTICLE_POSTINGS) {
        for (pos, (a, wa)) in list.iter().enumerate() {
            for (b, wb) in list.get(pos + 1..).unwrap_or(&[]) {
                if let Some(x) = sim.get_mut(*a).and_then(|row| row.get_mut(*b)) {
                    *x += wa * wb;
                }
            }
        }
    }
    for a in 0..docs.len() {
        for b in 0..a {
            let upper = sim.get(b).and_then(|row| row.get(a)).copied().unwrap_or(0.0);
            if let Some(x) = sim.get_mut(a).and_then(|row| row.get_mut(b)) {
                *x = upper;
            }
        }
        if let Some(x) = sim.get_mut(a).and_then(|row| row.get_mut(a)) {
            *x = 1.0;
        }
    }
    sim
}

/// Groups the articles into events (average linkage over article similarity): passages of
/// articles about different events are held apart, and the leads of articles about one
/// event are expected to report the same thing. Returns an event index per article.
fn group_events(doc_sim: &[Vec<f32>], opts: &Options, deadline: Option<Instant>) -> Vec<usize> {
    let nodes: Vec<Node> = (0..doc_sim.len())
        .map(|a| Node {
            article: a,
            sentence: 0,
        })
        .collect();
    let mut edges = Vec::new();
    for (a, row) in doc_sim.iter().enumerate() {
        let mut near: Vec<(usize, f32)> = row
            .iter()
            .copied()
            .enumerate()
            .filter(|&(b, weight)| b != a && weight >= opts.event_threshold / 2.0)
            .collect();
        if near.len() > EVENT_NEIGHBOURS {
            near.select_nth_unstable_by(EVENT_NEIGHBOURS, |x, y| y.1.total_cmp(&x.1));
            near.truncate(EVENT_NEIGHBOURS);
        }
        edges.extend(near.into_iter().map(|(b, weight)| Edge {
            a: a.min(b),
            b: a.max(b),
            weight,
            cosine: weight,
        }));
    }
    // A pair kept by both of its articles is one edge.
    edges.sort_unstable_by_key(|e| (e.a, e.b));
    edges.dedup_by_key(|e| (e.a, e.b));
    let mut event = vec![0; doc_sim.len()];
    // Plain average linkage: articles have no centroids, events or per-article limit here.
    let linkage = Linkage {
        threshold: opts.event_threshold,
        max_per_article: usize::MAX,
        wide: Wide::NONE,
        min_link: 0.0,
        centroid_weight: 0.0,
        cross_event_factor: 1.0,
    };
    let clusters = cluster(&nodes, &edges, &[], &[], &linkage, deadline);
    for (idx, members) in clusters.iter().enumerate() {
        for &m in members {
            if let Some(e) = event.get_mut(m) {
                *e = idx;
            }
        }
    }
    attach_strays(
        &clusters,
        doc_sim,
        opts.event_threshold * opts.stray_factor,
        &mut event,
    );
    event
}

/// Moves each article left alone by the clustering into the event it is closest to on
/// average, when that mean similarity reaches `bar`. Average linkage leaves an article
/// alone when it is a little below the bar against every event, though it plainly belongs
/// to one; alone, its passages are damped against every other article.
fn attach_strays(clusters: &[Vec<usize>], doc_sim: &[Vec<f32>], bar: f32, event: &mut [usize]) {
    if bar <= 0.0 {
        return;
    }
    let mut moves = Vec::new();
    for members in clusters.iter().filter(|m| m.len() == 1) {
        let Some(&article) = members.first() else { continue };
        let Some(row) = doc_sim.get(article) else { continue };
        let best = clusters
            .iter()
            .enumerate()
            .filter(|(_, other)| other.len() > 1)
            .map(|(idx, other)| {
                let sum: f32 = other.iter().filter_map(|&b| row.get(b)).sum();
                (sum / other.len() as f32, idx)
            })
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((mean, idx)) = best.filter(|(mean, _)| *mean >= bar) {
            tracing::trace!(article, mean, event = idx, "stray article attached");
            moves.push((article, idx));
        }
    }
    for (article, idx) in moves {
        if let Some(e) = event.get_mut(article) {
            *e = idx;
        }
    }
}

/// A weighted edge between two nodes of different articles.
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: usize,
    b: usize,
    /// What clustering goes by: the cosine, damped across events, plus any lead bonus.
    weight: f32,
    /// The plain cosine of the two sentences, for the group's score.
    cosine: f32,
}

/// Candidate pairs from an inverted index over the rarer terms, plus the lead sentences of
/// articles about one event; exact similarity for each, each node keeping its best partners.
fn candidate_edges(
    nodes: &[Node],
    vectors: &[Vector],
    doc_sim: &[Vec<f32>],
    events: &[usize],
    opts: &Options,
) -> Vec<Edge> {
    let mut postings: HashMap<u32, Vec<(usize, f32)>> = HashMap::default();
    for (idx, v) in vectors.iter().enumerate() {
        for (term, w) in v {
            postings.entry(*term).or_default().push((idx, *w));
        }
    }
    let ranks = lead_ranks(nodes);
    let leads = lead_partners(nodes, &ranks, doc_sim, events, opts);
    let lead_weight = |n: usize| {
        let rank = ranks.get(n).copied().unwrap_or(usize::MAX);
        1.0 - (rank as f32 / opts.lead_sentences.max(1) as f32).min(1.0)
    };
    // Terms in very many sentences carry little weight; leaving them out of the candidate
    // search keeps the cost near-linear. Their weight still counts in the exact cosine.
    let cap = opts.max_postings.max(2);
    // Each node's partners (among later nodes, and its lead partners) are scored
    // independently, in parallel with a scratch accumulator per worker; the edges are then
    // shared out in node order, so the result does not depend on the schedule.
    let scratch = || (vec![0.0f32; nodes.len()], Vec::<usize>::new());
    let found: Vec<Vec<(f32, f32, usize)>> = vectors
        .par_iter()
        .enumerate()
        .map_init(scratch, |(partial, touched), (idx, v)| {
            let Some(node) = nodes.get(idx) else {
                return Vec::new();
            };
            for (term, w) in v {
                let Some(list) = postings.get(term).filter(|l| l.len() <= cap) else {
                    continue;
                };
                let from = list.partition_point(|(j, _)| *j <= idx);
                for (j, wj) in list.get(from..).unwrap_or(&[]) {
                    if let Some(acc) = partial.get_mut(*j) {
                        if *acc == 0.0 {
                            touched.push(*j);
                        }
                        *acc += w * wj;
                    }
                }
            }
            let mut scored: Vec<(f32, usize)> = touched
                .drain(..)
                .filter_map(|j| {
                    let score = partial.get_mut(j).map_or(0.0, std::mem::take);
                    (score >= opts.min_similarity / 2.0).then_some((score, j))
                })
                .collect();
            // Only the most promising partners get an exact cosine.
            if scored.len() > opts.max_neighbours {
                scored.select_nth_unstable_by(opts.max_neighbours, |x, y| y.0.total_cmp(&x.0));
                scored.truncate(opts.max_neighbours);
            }
            let mut partners: Vec<usize> = scored.into_iter().map(|(_, j)| j).collect();
            partners.extend(leads.get(idx).map_or(&[][..], Vec::as_slice).iter().copied());
            partners.sort_unstable();
            partners.dedup();
            partners.retain(|&j| nodes.get(j).is_some_and(|n| n.article != node.article));
            partners
                .into_iter()
                .filter_map(|j| {
                    let (other, vj) = (nodes.get(j)?, vectors.get(j)?);
                    let cosine = dot(v, vj);
                    let weight = if events.get(node.article) == events.get(other.article) {
                        // Leads of one event likely state the same thing, but only leads that
                        // share some words: two sentences with nothing in common stay apart.
                        let bonus = if cosine > 0.0 {
                            opts.lead_bonus * lead_weight(idx) * lead_weight(j)
                        } else {
                            0.0
                        };
                        cosine + bonus
                    } else {
                        cosine * opts.cross_event_factor
                    };
                    (weight >= opts.min_similarity).then_some((weight, cosine, j))
                })
                .collect()
        })
        .collect();
    let mut best: Vec<Vec<(f32, f32, usize)>> = vec![Vec::new(); nodes.len()];
    for (idx, list) in found.into_iter().enumerate() {
        for (weight, cosine, j) in list {
            if let Some(list) = best.get_mut(idx) {
                list.push((weight, cosine, j));
            }
            if let Some(list) = best.get_mut(j) {
                list.push((weight, cosine, idx));
            }
        }
    }
    let mut edges = Vec::new();
    for (idx, mut list) in best.into_iter().enumerate() {
        list.sort_unstable_by(|x, y| y.0.total_cmp(&x.0));
        list.truncate(opts.max_neighbours);
        edges.extend(list.into_iter().map(|(weight, cosine, j)| Edge {
            a: idx.min(j),
            b: idx.max(j),
            weight,
            cosine,
        }));
    }
    edges.sort_unstable_by_key(|e| (e.a, e.b));
    edges.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    edges
}

/// Each node's position among its article's aligned sentences (0 for the first).
fn lead_ranks(nodes: &[Node]) -> Vec<usize> {
    let mut ranks = Vec::with_capacity(nodes.len());
    let mut previous: Option<usize> = None;
    let mut rank = 0;
    for node in nodes {
        rank = if previous == Some(node.article) {
            rank + 1
        } else {
            0
        };
        previous = Some(node.article);
        ranks.push(rank);
    }
    ranks
}

/// For each lead node, the lead nodes (later in node order) of the most similar articles of
/// the same event: news leads state the main event, so they are candidates for each other
/// even when they share no rare word.
fn lead_partners(
    nodes: &[Node],
    ranks: &[usize],
    doc_sim: &[Vec<f32>],
    events: &[usize],
    opts: &Options,
) -> Vec<Vec<usize>> {
    let mut partners = vec![Vec::new(); nodes.len()];
    if opts.lead_bonus <= 0.0 {
        return partners;
    }
    let mut lead_nodes: Vec<Vec<usize>> = vec![Vec::new(); doc_sim.len()];
    for (idx, (node, rank)) in nodes.iter().zip(ranks).enumerate() {
        if *rank < opts.lead_sentences
            && let Some(list) = lead_nodes.get_mut(node.article)
        {
            list.push(idx);
        }
    }
    for (a, row) in doc_sim.iter().enumerate() {
        let mut near: Vec<(f32, usize)> = row
            .iter()
            .enumerate()
            .filter(|(b, _)| *b > a && events.get(*b) == events.get(a))
            .map(|(b, s)| (*s, b))
            .collect();
        near.sort_unstable_by(|x, y| y.0.total_cmp(&x.0));
        near.truncate(opts.max_neighbours);
        for &i in lead_nodes.get(a).map_or(&[][..], Vec::as_slice) {
            if let Some(list) = partners.get_mut(i) {
                list.extend(
                    near.iter()
                        .flat_map(|(_, b)| lead_nodes.get(*b).into_iter().flatten().copied()),
                );
            }
        }
    }
    partners
}

/// A candidate merge in the heap, ordered by average linkage.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    linkage: f32,
    a: usize,
    b: usize,
    versions: (u32, u32),
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.linkage
            .total_cmp(&other.linkage)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

/// The edges between two clusters: their total and their strongest.
#[derive(Debug, Clone, Copy, Default)]
struct Link {
    sum: f32,
    max: f32,
}

impl Link {
    fn absorb(&mut self, other: Self) {
        self.sum += other.sum;
        self.max = self.max.max(other.max);
    }
}

/// When two clusters merge.
#[derive(Debug, Clone, Copy)]
struct Linkage {
    /// The linkage two clusters need to merge.
    threshold: f32,
    /// At most this many nodes of one article in a cluster.
    max_per_article: usize,
    /// The limit for clusters that span many articles.
    wide: Wide,
    /// The strongest edge between two clusters must reach this.
    min_link: f32,
    /// Share of centroid cosine against mean pairwise similarity in the linkage.
    centroid_weight: f32,
    /// Factor on the centroid cosine of clusters from different events.
    cross_event_factor: f32,
}

/// A cluster spanning at least `articles` articles may hold `max_per_article` sentences of
/// one article: only there can extra sentences be corroborated by enough other articles.
#[derive(Debug, Clone, Copy)]
struct Wide {
    articles: usize,
    max_per_article: usize,
}

impl Wide {
    const NONE: Self = Self {
        articles: usize::MAX,
        max_per_article: 0,
    };
}

/// Clusters under construction; a cluster is named by the node it started from.
struct Clusters<'v> {
    vectors: &'v [Vector],
    events: Vec<usize>,
    linkage: Linkage,
    centroids: Vec<Vector>,
    empty: Vector,
    members: Vec<Vec<usize>>,
    per_article: Vec<Vec<(usize, usize)>>,
    links: Vec<HashMap<usize, Link>>,
    intra: Vec<f32>,
    version: Vec<u32>,
    alive: Vec<bool>,
}

impl<'v> Clusters<'v> {
    fn new(
        nodes: &[Node],
        edges: &[Edge],
        vectors: &'v [Vector],
        events: &[usize],
        linkage: Linkage,
    ) -> Self {
        let n = nodes.len();
        let mut links: Vec<HashMap<usize, Link>> = vec![HashMap::default(); n];
        for e in edges {
            let link = Link {
                sum: e.weight,
                max: e.weight,
            };
            if let Some(map) = links.get_mut(e.a) {
                map.insert(e.b, link);
            }
            if let Some(map) = links.get_mut(e.b) {
                map.insert(e.a, link);
            }
        }
        Self {
            vectors,
            events: nodes
                .iter()
                .map(|n| events.get(n.article).copied().unwrap_or(0))
                .collect(),
            linkage,
            centroids: vec![Vec::new(); n],
            empty: Vec::new(),
            members: (0..n).map(|i| vec![i]).collect(),
            per_article: nodes.iter().map(|node| vec![(node.article, 1)]).collect(),
            links,
            intra: vec![0.0; n],
            version: vec![0; n],
            alive: vec![true; n],
        }
    }

    fn count(&self, cluster: usize, article: usize) -> usize {
        self.per_article
            .get(cluster)
            .and_then(|list| list.iter().find(|(a, _)| *a == article))
            .map_or(0, |(_, c)| *c)
    }

    /// Pairs of members from different articles between two clusters.
    fn cross_pairs(&self, a: usize, b: usize) -> usize {
        let size = |c: usize| self.members.get(c).map_or(0, Vec::len);
        let same: usize = self.per_article.get(a).map_or(0, |list| {
            list.iter().map(|(art, n)| n * self.count(b, *art)).sum()
        });
        (size(a) * size(b)).saturating_sub(same)
    }

    fn linkage(&self, a: usize, b: usize) -> f32 {
        let link = self
            .links
            .get(a)
            .and_then(|m| m.get(&b))
            .copied()
            .unwrap_or_default();
        if link.max < self.linkage.min_link {
            return 0.0;
        }
        let sum = link.sum;
        let pairs = self.cross_pairs(a, b);
        let average = if pairs == 0 { 0.0 } else { sum / pairs as f32 };
        let weight = self.linkage.centroid_weight;
        if weight <= 0.0 {
            return average;
        }
        let centroid = |c: usize| -> &Vector {
            match self.centroids.get(c) {
                Some(v) if !v.is_empty() => v,
                _ => self.vectors.get(c).unwrap_or(&self.empty),
            }
        };
        let (ca, cb) = (centroid(a), centroid(b));
        let norm = |v: &Vector| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        let mut cosine = dot(ca, cb) / (norm(ca) * norm(cb)).max(f32::EPSILON);
        if self.events.get(a) != self.events.get(b) {
            cosine *= self.linkage.cross_event_factor;
        }
        (1.0 - weight) * average + weight * cosine
    }

    /// Whether `a` and `b` together keep to the per-article limit (the wider one when they
    /// span many articles).
    fn fits(&self, a: usize, b: usize) -> bool {
        let (Some(left), Some(right)) = (self.per_article.get(a), self.per_article.get(b)) else {
            return false;
        };
        let only_right = right
            .iter()
            .filter(|(art, _)| !left.iter().any(|(l, _)| l == art))
            .count();
        let wide = self.linkage.wide;
        let max_per_article = if left.len() + only_right >= wide.articles {
            wide.max_per_article.max(self.linkage.max_per_article)
        } else {
            self.linkage.max_per_article
        };
        self.per_article.get(a).is_some_and(|list| {
            list.iter()
                .all(|(art, n)| n + self.count(b, *art) <= max_per_article)
        })
    }

    fn candidate(&self, a: usize, b: usize) -> Candidate {
        let version = |c: usize| self.version.get(c).copied().unwrap_or(0);
        Candidate {
            linkage: self.linkage(a, b),
            a,
            b,
            versions: (version(a), version(b)),
        }
    }

    fn is_current(&self, c: &Candidate) -> bool {
        let live = |x: usize| self.alive.get(x).copied().unwrap_or(false);
        let version = |x: usize| self.version.get(x).copied().unwrap_or(0);
        live(c.a) && live(c.b) && (version(c.a), version(c.b)) == c.versions
    }

    /// Merges the smaller of `a` and `b` into the larger; returns the survivor.
    fn merge(&mut self, a: usize, b: usize) -> usize {
        let size = |c: usize| self.members.get(c).map_or(0, Vec::len);
        let (keep, gone) = if size(a) >= size(b) { (a, b) } else { (b, a) };
        let between = self
            .links
            .get(keep)
            .and_then(|m| m.get(&gone))
            .map_or(0.0, |l| l.sum);
        let moved_links = self.links.get_mut(gone).map(std::mem::take).unwrap_or_default();
        for (other, link) in moved_links {
            if other == keep {
                continue;
            }
            if let Some(map) = self.links.get_mut(other) {
                map.remove(&gone);
                map.entry(keep).or_default().absorb(link);
            }
            if let Some(map) = self.links.get_mut(keep) {
                map.entry(other).or_default().absorb(link);
            }
        }
        if let Some(map) = self.links.get_mut(keep) {
            map.remove(&gone);
        }
        let moved = self.members.get_mut(gone).map(std::mem::take).unwrap_or_default();
        let moved_counts = self
            .per_article
            .get_mut(gone)
            .map(std::mem::take)
            .unwrap_or_default();
        if let Some(list) = self.members.get_mut(keep) {
            list.extend(moved);
        }
        if let Some(list) = self.per_article.get_mut(keep) {
            for (art, n) in moved_counts {
                match list.iter_mut().find(|(a, _)| *a == art) {
                    Some((_, count)) => *count += n,
                    None => list.push((art, n)),
                }
            }
        }
        if self.linkage.centroid_weight > 0.0 {
            let take = |this: &mut Self, c: usize| match this.centroids.get_mut(c).map(std::mem::take) {
                Some(v) if !v.is_empty() => v,
                _ => this.vectors.get(c).cloned().unwrap_or_default(),
            };
            let mut merged = add_vectors(&take(self, keep), &take(self, gone));
            // A centroid keeps its heaviest terms only: enough to compare passages, and it
            // keeps a large group's merges cheap.
            if merged.len() > CENTROID_TERMS {
                merged.select_nth_unstable_by(CENTROID_TERMS, |x, y| y.1.total_cmp(&x.1));
                merged.truncate(CENTROID_TERMS);
                merged.sort_unstable_by_key(|(term, _)| *term);
            }
            if let Some(slot) = self.centroids.get_mut(keep) {
                *slot = merged;
            }
        }
        let gone_intra = self.intra.get(gone).copied().unwrap_or(0.0);
        if let Some(x) = self.intra.get_mut(keep) {
            *x += gone_intra + between;
        }
        if let Some(v) = self.version.get_mut(keep) {
            *v += 1;
        }
        if let Some(alive) = self.alive.get_mut(gone) {
            *alive = false;
        }
        keep
    }
}

/// Average-linkage clustering over the candidate edges, merging as `linkage` says. Returns
/// each cluster's node indices.
fn cluster(
    nodes: &[Node],
    edges: &[Edge],
    vectors: &[Vector],
    events: &[usize],
    linkage: &Linkage,
    deadline: Option<Instant>,
) -> Vec<Vec<usize>> {
    let threshold = linkage.threshold;
    let mut clusters = Clusters::new(nodes, edges, vectors, events, *linkage);
    let mut heap: BinaryHeap<Candidate> = edges
        .iter()
        .filter(|e| e.weight >= threshold)
        .map(|e| clusters.candidate(e.a, e.b))
        .collect();
    let mut merges = 0usize;
    while let Some(top) = heap.pop() {
        if top.linkage < threshold {
            break;
        }
        // Past the time budget, the groups stay as merged so far: coarser, never a hang.
        merges += 1;
        if merges.is_multiple_of(256) && deadline.is_some_and(|d| Instant::now() > d) {
            tracing::warn!(merges, "alignment cut short by the time budget");
            break;
        }
        if !clusters.is_current(&top) || !clusters.fits(top.a, top.b) {
            continue;
        }
        let keep = clusters.merge(top.a, top.b);
        let neighbours: Vec<usize> = clusters
            .links
            .get(keep)
            .map(|m| m.keys().copied().collect())
            .unwrap_or_default();
        for other in neighbours {
            let c = clusters.candidate(keep, other);
            if c.linkage >= threshold {
                heap.push(c);
            }
        }
    }
    (0..nodes.len())
        .filter(|&c| clusters.alive.get(c).copied().unwrap_or(false))
        .filter_map(|c| clusters.members.get(c).cloned())
        .collect()
}

/// How many sentences of one article a group keeps.
#[derive(Debug, Clone, Copy)]
struct Limit {
    /// Kept in any case.
    plain: usize,
    /// Kept when each one beyond `plain` is corroborated.
    corroborated: usize,
    /// Corroborated: linked, at `bar` or more, to sentences of this many other articles.
    support: usize,
    bar: f32,
}

/// Keeps at most `limit.plain` sentences of one article in each group — those most linked
/// to the rest of the group — plus, up to `limit.corroborated`, those that sentences of
/// many other articles of the group resemble; each sentence let go becomes a passage of its
/// own. Returns every group with its score: the mean cosine over its cross-article pairs
/// (0 to 1).
fn enforce_limit(
    clusters: Vec<Vec<usize>>,
    nodes: &[Node],
    edges: &[Edge],
    limit: Limit,
) -> Vec<(Vec<usize>, f32)> {
    let mut adjacency: Vec<Vec<(usize, f32, f32)>> = vec![Vec::new(); nodes.len()];
    for e in edges {
        if let Some(list) = adjacency.get_mut(e.a) {
            list.push((e.b, e.weight, e.cosine));
        }
        if let Some(list) = adjacency.get_mut(e.b) {
            list.push((e.a, e.weight, e.cosine));
        }
    }
    for list in &mut adjacency {
        list.sort_unstable_by_key(|(n, _, _)| *n);
    }
    let edge = |a: usize, b: usize| -> (f32, f32) {
        adjacency
            .get(a)
            .and_then(|list| {
                list.binary_search_by_key(&b, |(n, _, _)| *n)
                    .ok()
                    .and_then(|i| list.get(i))
            })
            .map_or((0.0, 0.0), |(_, w, c)| (*w, *c))
    };
    let weight = |a: usize, b: usize| edge(a, b).0;
    let article = |n: usize| nodes.get(n).map_or(usize::MAX, |node| node.article);
    let mut result = Vec::with_capacity(clusters.len());
    for mut members in clusters {
        let mut evicted = Vec::new();
        let mut by_article: HashMap<usize, Vec<usize>> = HashMap::default();
        for &m in &members {
            by_article.entry(article(m)).or_default().push(m);
        }
        let support = |n: usize| {
            let mut articles: Vec<usize> = members
                .iter()
                .filter(|&&m| weight(n, m) >= limit.bar)
                .map(|&m| article(m))
                .collect();
            articles.sort_unstable();
            articles.dedup();
            articles.len()
        };
        for (_, mut same) in by_article.into_iter().filter(|(_, v)| v.len() > limit.plain) {
            let strength = |n: usize| members.iter().map(|&m| weight(n, m)).sum::<f32>();
            same.sort_by(|a, b| strength(*b).total_cmp(&strength(*a)));
            let mut kept = 0;
            for n in same {
                let corroborated = limit.support > 0 && support(n) >= limit.support;
                if kept < limit.plain || kept < limit.corroborated && corroborated {
                    kept += 1;
                } else {
                    evicted.push(n);
                }
            }
        }
        members.retain(|m| !evicted.contains(m));
        let mut sum = 0.0;
        let mut pairs = 0usize;
        for (i, &a) in members.iter().enumerate() {
            for &b in members.get(i + 1..).unwrap_or(&[]) {
                if article(a) != article(b) {
                    sum += edge(a, b).1;
                    pairs += 1;
                }
            }
        }
        result.push((members, if pairs == 0 { 0.0 } else { sum / pairs as f32 }));
        result.extend(evicted.into_iter().map(|n| (vec![n], 0.0)));
    }
    result
}

/// Builds the groups and puts them in reading order: the first article's order, with every
/// other article's passages placed right after the passage that precedes them there.
fn order_groups(articles: &[Article], nodes: &[Node], clusters: Vec<(Vec<usize>, f32)>) -> Vec<Group> {
    let mut group_of: HashMap<(usize, usize), usize> = HashMap::default();
    let mut groups: Vec<Group> = Vec::with_capacity(clusters.len());
    for (g, (members, score)) in clusters.into_iter().enumerate() {
        let mut members: Vec<Member> = members
            .iter()
            .filter_map(|&m| nodes.get(m))
            .map(|n| Member {
                article: ArticleId(n.article),
                sentence: SentenceId(n.sentence),
                diverging: Vec::new(),
            })
            .collect();
        members.sort_by_key(|m| (m.article, m.sentence));
        for m in &members {
            group_of.insert((m.article.0, m.sentence.0), g);
        }
        groups.push(Group {
            members,
            score,
            divergence: 0.0,
            significant: false,
        });
    }
    // children[p + 1] lists the groups placed right after group p (index 0: at the start).
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); groups.len() + 1];
    let mut placed = vec![false; groups.len()];
    for (a, article) in articles.iter().enumerate() {
        let mut cursor: Option<usize> = None;
        for s in 0..article.sentences.len() {
            let Some(&g) = group_of.get(&(a, s)) else { continue };
            if placed.get(g).copied().unwrap_or(true) {
                cursor = Some(g);
                continue;
            }
            let slot = cursor.map_or(0, |c| c + 1);
            if let Some(list) = children.get_mut(slot) {
                list.push(g);
            }
            if let Some(p) = placed.get_mut(g) {
                *p = true;
            }
            cursor = Some(g);
        }
    }
    let mut order = Vec::with_capacity(groups.len());
    let mut stack: Vec<usize> = children
        .first()
        .map(|c| c.iter().rev().copied().collect())
        .unwrap_or_default();
    while let Some(g) = stack.pop() {
        order.push(g);
        if let Some(list) = children.get(g + 1) {
            stack.extend(list.iter().rev().copied());
        }
    }
    let mut slots: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|g| slots.get_mut(g).and_then(Option::take))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nodes 0..3 are three sentences of article 0; node 3 + k is the one sentence of article
    /// k + 1. Every sentence of article 0 resembles every other article's sentence.
    fn star(others: usize) -> (Vec<Node>, Vec<Edge>, Vec<usize>) {
        let mut nodes: Vec<Node> = (0..3)
            .map(|s| Node {
                article: 0,
                sentence: s,
            })
            .collect();
        nodes.extend((1..=others).map(|a| Node {
            article: a,
            sentence: 0,
        }));
        let mut edges = Vec::new();
        for a in 0..3 {
            for b in 3..nodes.len() {
                edges.push(Edge {
                    a,
                    b,
                    weight: 0.5,
                    cosine: 0.5,
                });
            }
        }
        (nodes.clone(), edges, (0..nodes.len()).collect())
    }

    const LIMIT: Limit = Limit {
        plain: 2,
        corroborated: 4,
        support: 5,
        bar: 0.2,
    };

    #[test]
    fn a_third_sentence_stays_when_many_articles_corroborate_it() {
        let (nodes, edges, members) = star(5);
        let groups = enforce_limit(vec![members], &nodes, &edges, LIMIT);
        assert_eq!(groups.len(), 1);
    }

    #[test]
    fn a_third_sentence_is_let_go_when_few_articles_back_it() {
        let (nodes, edges, members) = star(4);
        let groups = enforce_limit(vec![members], &nodes, &edges, LIMIT);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups.iter().map(|(m, _)| m.len()).max(), Some(6));
    }

    #[test]
    fn a_stray_article_joins_the_event_it_is_closest_to() {
        let clusters = vec![vec![0, 1], vec![2, 3], vec![4], vec![5]];
        let mut doc_sim = vec![vec![0.0f32; 6]; 6];
        let mut set = |a: usize, b: usize, v: f32| {
            doc_sim[a][b] = v;
            doc_sim[b][a] = v;
        };
        set(4, 2, 0.1);
        set(4, 3, 0.06);
        set(4, 0, 0.05);
        set(5, 0, 0.02);
        let mut event = vec![0, 0, 1, 1, 2, 3];
        attach_strays(&clusters, &doc_sim, 0.06, &mut event);
        assert_eq!(event, [0, 0, 1, 1, 1, 3]);
    }
}
