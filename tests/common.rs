//! Helpers shared by the integration tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::path::{Path, PathBuf};

use parallax::{Analysis, Options, analyze};

/// Every sample set under `assets/samples`.
pub fn sample_sets() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut sets: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sets.sort();
    sets
}

/// The bundled Azerbaijan Airlines sample, analysed with the default options.
pub fn azal() -> Analysis {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/azal-8243");
    analyze(&[dir], &Options::default()).unwrap()
}

/// The text of sentence `s` of article `a`.
pub fn sentence(analysis: &Analysis, a: usize, s: usize) -> &str {
    let article = &analysis.articles[a];
    article.sentences[s].span().text(&article.text).unwrap()
}

/// The index of the one sentence of article `a` that contains `needle`.
pub fn find(analysis: &Analysis, a: usize, needle: &str) -> usize {
    let hits: Vec<usize> = (0..analysis.articles[a].sentences.len())
        .filter(|&s| sentence(analysis, a, s).contains(needle))
        .collect();
    assert_eq!(hits.len(), 1, "article {a}: {needle:?} found in {hits:?}");
    hits[0]
}

/// The index of the group holding sentence `s` of article `a`.
pub fn group_of(analysis: &Analysis, a: usize, s: usize) -> Option<usize> {
    analysis
        .groups
        .iter()
        .position(|g| g.members.iter().any(|m| m.article.0 == a && m.sentence.0 == s))
}
