//! The contract's invariants as one function, shared by the tests, the property tests and the
//! fuzz targets: offsets in bounds and on character boundaries, sentences ordered and
//! covering the text, every non-boilerplate sentence in exactly one group, every mention and
//! diverging run inside its sentence, every index in range.

use rustc_hash::FxHashMap;

use super::{Analysis, SCHEMA};
use crate::span::{Span, is_space};

/// The first broken invariant of `analysis`, as a sentence naming where it is broken.
///
/// # Errors
/// A message describing the first invariant that does not hold.
pub fn check_contract(analysis: &Analysis) -> Result<(), String> {
    if analysis.schema != SCHEMA {
        return Err(format!("schema {} is not {SCHEMA}", analysis.schema));
    }
    check_sentences(analysis)?;
    check_groups(analysis)?;
    check_attributions(analysis)?;
    check_mentions(analysis)
}

/// The text `span` covers in article `article`, or why there is none.
fn covered<'a>(analysis: &'a Analysis, article: usize, span: Span, what: &str) -> Result<&'a str, String> {
    let text = analysis
        .articles
        .get(article)
        .map(|a| a.text.as_str())
        .ok_or_else(|| format!("{what}: article {article} out of range"))?;
    if span.is_empty() {
        return Err(format!("{what}: empty span {}..{}", span.start, span.end));
    }
    span.text(text).ok_or_else(|| {
        format!(
            "{what}: {}..{} is out of bounds or splits a character",
            span.start, span.end
        )
    })
}

/// The span of sentence `sentence` of article `article`, or why there is none.
fn sentence_span(analysis: &Analysis, article: usize, sentence: usize, what: &str) -> Result<Span, String> {
    analysis
        .articles
        .get(article)
        .and_then(|a| a.sentences.get(sentence))
        .map(super::Sentence::span)
        .ok_or_else(|| format!("{what}: sentence {article}.{sentence} out of range"))
}

fn check_sentences(analysis: &Analysis) -> Result<(), String> {
    for (a, article) in analysis.articles.iter().enumerate() {
        let mut last_end = 0;
        let mut covered_to = vec![false; article.text.len()];
        for (s, sentence) in article.sentences.iter().enumerate() {
            covered(analysis, a, sentence.span(), &format!("sentence {a}.{s}"))?;
            if sentence.start < last_end {
                return Err(format!("sentence {a}.{s} overlaps or precedes the one before"));
            }
            last_end = sentence.end;
            if let Some(bytes) = covered_to.get_mut(sentence.start..sentence.end) {
                bytes.fill(true);
            }
        }
        if let Some((at, c)) = article
            .text
            .char_indices()
            .find(|&(at, c)| !covered_to.get(at).copied().unwrap_or(false) && !is_space(c))
        {
            return Err(format!("article {a}: {c:?} at byte {at} is in no sentence"));
        }
    }
    Ok(())
}

fn check_groups(analysis: &Analysis) -> Result<(), String> {
    let mut seen: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (g, group) in analysis.groups.iter().enumerate() {
        if group.members.is_empty() {
            return Err(format!("group {g} is empty"));
        }
        if !(0.0..=2.0).contains(&group.score) {
            return Err(format!("group {g}: score {} out of 0..=2", group.score));
        }
        for member in &group.members {
            let (a, s) = (member.article.0, member.sentence.0);
            let span = sentence_span(analysis, a, s, &format!("group {g}"))?;
            if analysis.articles[a].sentences[s].boilerplate {
                return Err(format!("group {g} holds boilerplate sentence {a}.{s}"));
            }
            *seen.entry((a, s)).or_default() += 1;
            for run in &member.diverging {
                covered(analysis, a, run.span(), &format!("group {g}: diverging run"))?;
                if !span.contains(run.span()) {
                    return Err(format!(
                        "group {g}: a diverging run lies outside sentence {a}.{s}"
                    ));
                }
            }
        }
    }
    for (a, article) in analysis.articles.iter().enumerate() {
        for (s, sentence) in article.sentences.iter().enumerate() {
            let count = seen.get(&(a, s)).copied().unwrap_or(0);
            if count != usize::from(!sentence.boilerplate) {
                return Err(format!("sentence {a}.{s} is in {count} groups"));
            }
        }
    }
    Ok(())
}

fn check_attributions(analysis: &Analysis) -> Result<(), String> {
    for (i, attribution) in analysis.attributions.iter().enumerate() {
        let a = attribution.article.0;
        let what = format!("attribution {i}");
        sentence_span(analysis, a, attribution.sentence.0, &what)?;
        let source = attribution.source.as_ref().map(|s| Span::new(s.start, s.end));
        for span in std::iter::once(attribution.content)
            .chain(attribution.cue)
            .chain(source)
            .chain(attribution.channel)
        {
            covered(analysis, a, span, &what)?;
        }
    }
    Ok(())
}

fn check_mentions(analysis: &Analysis) -> Result<(), String> {
    let facts = analysis.facts.iter().flat_map(|f| &f.mentions);
    let claims = analysis
        .conflicts
        .iter()
        .flat_map(|c| c.claims.iter().flat_map(|claim| &claim.mentions));
    for mention in facts.chain(claims) {
        let (a, s) = (mention.article.0, mention.sentence.0);
        let span = Span::new(mention.start, mention.end);
        let sentence = sentence_span(analysis, a, s, "mention")?;
        covered(analysis, a, span, "mention")?;
        if !sentence.contains(span) {
            return Err(format!("a mention lies outside sentence {a}.{s}"));
        }
        if mention
            .attribution
            .is_some_and(|i| i >= analysis.attributions.len())
        {
            return Err(format!("a mention in {a}.{s} points to a missing attribution"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn the_fixture_keeps_the_contract() {
        assert_eq!(check_contract(&fixture::analysis()), Ok(()));
    }

    #[test]
    fn broken_invariants_are_named() {
        let good = fixture::analysis();
        let mut unsorted = good.clone();
        unsorted.articles[0].sentences.swap(0, 1);
        assert!(check_contract(&unsorted).is_err_and(|e| e.contains("precedes")));
        let mut ungrouped = good.clone();
        ungrouped.groups.pop();
        assert!(check_contract(&ungrouped).is_err_and(|e| e.contains("in 0 groups")));
        let mut outside = good.clone();
        outside.articles[0].sentences[0].end = outside.articles[0].text.len() + 1;
        assert!(check_contract(&outside).is_err_and(|e| e.contains("out of bounds")));
        let mut dangling = good;
        dangling.groups[0].members[0].sentence.0 = 999;
        assert!(check_contract(&dangling).is_err_and(|e| e.contains("out of range")));
    }
}
