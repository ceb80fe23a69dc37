//! Comparison: each group → the word runs where each member diverges from the others.
//!
//! Consumes the groups and every sentence's words; fills each member's `diverging` spans,
//! the group's `divergence` (share of content words not shared) and `significant` (a number,
//! name or negation diverges).
//!
//! A member's word is shared when a word-level diff (`similar`: an exact LCS, or Myers for
//! very long sentences; on the normalised keys, so "apologised" meets "apologized") matches it against another member, or when a
//! second diff of the words left over on both sides does: outlets reorder clauses, and a
//! moved clause is not a divergence, while a substituted name still is. Runs of unshared words, with the space between them, become one
//! span each, of the strongest kind among their words: negation, then number, then name.
//!
//! Each diff has a deadline (`Options::diff_timeout`), and all of them together one more
//! (`Options::time_budget`), so a pathological pair or set cannot hang a run; past it,
//! `similar` returns a coarser diff, never an error.

use std::time::{Duration, Instant};

use rayon::prelude::*;
use similar::Algorithm;
use similar::algorithms::{DiffHook, diff_deadline};

use crate::analysis::Options;
use crate::analysis::words::{NameLexicon, Word};
use crate::model::{DiffKind, DiffSpan, Group};

/// Sequences longer than this many words are diffed with Myers and a deadline.
const LONG_DIFF: usize = 300;

/// Fills the diverging spans of every group with members from two or more articles.
pub fn compare_groups(words: &[Vec<Vec<Word>>], lexicon: &NameLexicon, groups: &mut [Group], opts: &Options) {
    let budget = Budget {
        per_diff: opts.diff_timeout,
        run_deadline: Instant::now().checked_add(opts.time_budget),
    };
    groups
        .par_iter_mut()
        .filter(|g| g.article_count() > 1)
        .for_each(|group| compare_group(words, lexicon, group, opts.max_compared, budget));
}

/// How long diffs may take: each one, and all of them together.
#[derive(Debug, Clone, Copy)]
struct Budget {
    per_diff: Duration,
    run_deadline: Option<Instant>,
}

impl Budget {
    /// The deadline of a diff starting now: a long diff's own limit or the run's, whichever
    /// is first. A short diff (an exact LCS of at most `LONG_DIFF` words, so bounded) gets no
    /// deadline while the run has time left, as reading the clock inside its loop would cost
    /// more than the diff; past the run's deadline it gets the expired one and returns at once.
    fn deadline(self, long: bool) -> Option<Instant> {
        let now = Instant::now();
        if !long {
            return self.run_deadline.filter(|&d| d <= now);
        }
        let own = now.checked_add(self.per_diff);
        match (own, self.run_deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

fn compare_group(
    words: &[Vec<Vec<Word>>],
    lexicon: &NameLexicon,
    group: &mut Group,
    max_compared: usize,
    budget: Budget,
) {
    let member_words: Vec<&[Word]> = group
        .members
        .iter()
        .map(|m| {
            words
                .get(m.article.0)
                .and_then(|a| a.get(m.sentence.0))
                .map_or(&[][..], Vec::as_slice)
        })
        .collect();
    let keys: Vec<Vec<u32>> = member_words
        .iter()
        .map(|ws| ws.iter().map(|w| w.id).collect())
        .collect();
    let articles_of: Vec<usize> = group.members.iter().map(|m| m.article.0).collect();
    let mut content_total = 0usize;
    let mut content_diverging = 0usize;
    let mut significant = false;
    // Each member is compared with up to `max_compared` members of other articles; each
    // pair is diffed once and marks both sides.
    let mut shared: Vec<Vec<bool>> = keys.iter().map(|k| vec![false; k.len()]).collect();
    let mut done = rustc_hash::FxHashSet::default();
    for idx in 0..keys.len() {
        let partners: Vec<usize> = (0..keys.len())
            .filter(|&j| j != idx && articles_of.get(j) != articles_of.get(idx))
            .take(max_compared)
            .collect();
        for other in partners {
            if !done.insert((idx.min(other), idx.max(other))) {
                continue;
            }
            let (Some(own_keys), Some(other_keys)) = (keys.get(idx), keys.get(other)) else {
                continue;
            };
            let (own_used, other_used) = mark_matches(own_keys, other_keys, budget);
            for (target, used) in [(idx, own_used), (other, other_used)] {
                if let Some(flags) = shared.get_mut(target) {
                    flags.iter_mut().zip(used).for_each(|(flag, u)| *flag |= u);
                }
            }
        }
    }
    for (idx, member) in group.members.iter_mut().enumerate() {
        let own = member_words.get(idx).copied().unwrap_or(&[]);
        let shared = shared.get(idx).map_or(&[][..], Vec::as_slice);
        member.diverging = diverging_runs(own, shared, lexicon);
        for (word, flag) in own.iter().zip(shared) {
            if !word.stop {
                content_total += 1;
                content_diverging += usize::from(!flag);
            }
        }
        significant |= member.diverging.iter().any(|d| d.kind != DiffKind::Changed);
    }
    group.divergence = if content_total == 0 {
        0.0
    } else {
        content_diverging as f32 / content_total as f32
    };
    group.significant = significant;
}

/// Marks the words of `own` that a diff against `other` lines up, then, among the words
/// left unmatched on both sides, those that a second diff lines up. A clause that an outlet
/// moved keeps its inner order, so the second pass finds it; a lone substituted name ("Kazakhstan
/// Airlines" against "Azerbaijan Airlines … in Kazakhstan") stays unmatched.
fn mark_matches(own: &[u32], other: &[u32], budget: Budget) -> (Vec<bool>, Vec<bool>) {
    let mut own_used = vec![false; own.len()];
    let mut other_used = vec![false; other.len()];
    for (old_index, new_index, len) in equal_runs(own, other, budget) {
        own_used
            .iter_mut()
            .skip(old_index)
            .take(len)
            .for_each(|f| *f = true);
        other_used
            .iter_mut()
            .skip(new_index)
            .take(len)
            .for_each(|f| *f = true);
    }
    let rest = |used: &[bool]| -> Vec<usize> {
        (0..used.len())
            .filter(|&i| !used.get(i).copied().unwrap_or(true))
            .collect()
    };
    let own_rest = rest(&own_used);
    let other_rest = rest(&other_used);
    let keys_at =
        |seq: &[u32], at: &[usize]| -> Vec<u32> { at.iter().filter_map(|&i| seq.get(i).copied()).collect() };
    for (old_index, new_index, len) in
        equal_runs(&keys_at(own, &own_rest), &keys_at(other, &other_rest), budget)
    {
        for &i in own_rest.iter().skip(old_index).take(len) {
            if let Some(flag) = own_used.get_mut(i) {
                *flag = true;
            }
        }
        for &i in other_rest.iter().skip(new_index).take(len) {
            if let Some(flag) = other_used.get_mut(i) {
                *flag = true;
            }
        }
    }
    (own_used, other_used)
}

/// The runs a word-level diff lines up, as `(old_index, new_index, len)`: an exact longest
/// common subsequence for sentences of ordinary length, Myers with a deadline for long ones,
/// so a pathological pair cannot hang a run. Past the run's deadline every diff comes back
/// at once, coarse.
fn equal_runs(old: &[u32], new: &[u32], budget: Budget) -> Vec<(usize, usize, usize)> {
    let (algorithm, long) = algorithm_for(old.len(), new.len());
    let mut runs = EqualRuns::default();
    let Ok(()) = diff_deadline(
        algorithm,
        &mut runs,
        old,
        0..old.len(),
        new,
        0..new.len(),
        budget.deadline(long),
    );
    runs.0
}

/// The diff algorithm for word sequences of these lengths, and whether they count as long:
/// an exact LCS table for sentences of ordinary length (cheapest there, and bounded), Myers
/// for longer ones, which then need a deadline.
pub(crate) fn algorithm_for(old: usize, new: usize) -> (Algorithm, bool) {
    if old.max(new) > LONG_DIFF {
        (Algorithm::Myers, true)
    } else {
        (Algorithm::Lcs, false)
    }
}

/// Collects the equal runs of a diff; only they matter here, so no edit script is built.
#[derive(Default)]
struct EqualRuns(Vec<(usize, usize, usize)>);

impl DiffHook for EqualRuns {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old_index: usize, new_index: usize, len: usize) -> Result<(), Self::Error> {
        self.0.push((old_index, new_index, len));
        Ok(())
    }
}

/// Joins consecutive unshared words of one kind into spans. Function words at either end of
/// a run, and runs of function words alone, are left out: "the" against "a" is noise.
fn diverging_runs(words: &[Word], shared: &[bool], lexicon: &NameLexicon) -> Vec<DiffSpan> {
    // Runs as word ranges: (first, last, kind).
    let mut runs: Vec<(usize, usize, DiffKind)> = Vec::new();
    for (idx, (word, is_shared)) in words.iter().zip(shared).enumerate() {
        if *is_shared {
            continue;
        }
        let kind = kind_of(word, lexicon);
        match runs.last_mut() {
            Some((_, last, run_kind)) if *last + 1 == idx && *run_kind == kind => *last = idx,
            _ => runs.push((idx, idx, kind)),
        }
    }
    runs.into_iter()
        .filter_map(|(first, last, kind)| {
            let inner = words.get(first..=last)?;
            let content = |w: &&Word| !w.stop || w.negation;
            Some(DiffSpan {
                start: inner.iter().find(content)?.span.start,
                end: inner.iter().rev().find(content)?.span.end,
                kind,
            })
        })
        .collect()
}

fn kind_of(word: &Word, lexicon: &NameLexicon) -> DiffKind {
    if word.negation {
        DiffKind::Negation
    } else if word.number {
        DiffKind::Number
    } else if lexicon.is_name(word) {
        DiffKind::Name
    } else {
        DiffKind::Changed
    }
}
