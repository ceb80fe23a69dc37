//! The JSON contract's invariants, on every sample set and on awkward inputs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashMap;

use parallax::model::Analysis;
use parallax::{Input, Options, analyze, analyze_inputs};

fn check_invariants(analysis: &Analysis) {
    assert_eq!(analysis.schema, 1);
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    for (g, group) in analysis.groups.iter().enumerate() {
        assert!(!group.members.is_empty(), "group {g} is empty");
        assert!(
            (0.0..=2.0).contains(&group.score),
            "group {g} score {}",
            group.score
        );
        for m in &group.members {
            let article = analysis
                .articles
                .get(m.article.0)
                .expect("member article in range");
            let sentence = article
                .sentences
                .get(m.sentence.0)
                .expect("member sentence in range");
            assert!(!sentence.boilerplate, "boilerplate sentence in group {g}");
            *seen.entry((m.article.0, m.sentence.0)).or_default() += 1;
            for run in &m.diverging {
                assert!(
                    sentence.span().contains(run.span()),
                    "diverging run outside its sentence"
                );
                assert!(
                    run.span().text(&article.text).is_some(),
                    "diverging run off char boundary"
                );
            }
        }
    }
    for (a, article) in analysis.articles.iter().enumerate() {
        let mut last_end = 0;
        for (s, sentence) in article.sentences.iter().enumerate() {
            assert!(sentence.start < sentence.end, "empty sentence {a}.{s}");
            assert!(
                sentence.start >= last_end,
                "sentences {a}.{s} overlap or are out of order"
            );
            assert!(
                sentence.span().text(&article.text).is_some(),
                "sentence {a}.{s} out of bounds or off a char boundary"
            );
            last_end = sentence.end;
            let count = seen.get(&(a, s)).copied().unwrap_or(0);
            let expected = usize::from(!sentence.boilerplate);
            assert_eq!(count, expected, "sentence {a}.{s} is in {count} groups");
        }
        // Every non-space character lies inside some sentence.
        let mut covered = vec![false; article.text.len()];
        for sentence in &article.sentences {
            covered[sentence.start..sentence.end].fill(true);
        }
        for (at, c) in article.text.char_indices() {
            assert!(
                covered[at] || parallax::span::is_space(c),
                "{a}: {c:?} at {at} is in no sentence"
            );
        }
    }
    let json = serde_json::to_string(analysis).unwrap();
    let back: Analysis = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, analysis, "JSON does not round-trip");
}

#[test]
fn every_sample_set_keeps_the_contract() {
    for set in common::sample_sets() {
        let analysis = analyze(std::slice::from_ref(&set), &Options::default()).unwrap();
        assert!(analysis.articles.len() > 1, "{}", set.display());
        check_invariants(&analysis);
        for (article, path) in analysis.articles.iter().zip(std::fs::read_dir(&set).unwrap()) {
            let _ = path;
            let bytes = std::fs::read(&article.path).unwrap();
            assert_eq!(
                article.text.as_bytes(),
                bytes.as_slice(),
                "text differs from the file"
            );
        }
    }
}

#[test]
fn awkward_inputs_keep_the_contract() {
    let cases = [
        "One line with no punctuation at all",
        "\u{feff}BOM first.\r\nThen CRLF lines.\r\n\r\nAnd a paragraph.",
        "Old Mac\rline endings\rhere.",
        "Émigrés in Zürich said “ça va”. 東京で地震があった。 Emoji 👍🏽 and combining é here.",
        "\u{1b}[31mRed\u{1b}[0m text. \u{1b}]0;title\u{7} More.",
        "...",
        "A.\n\n\n\nB.",
    ];
    for text in cases {
        let inputs = vec![Input::from_text("a.txt", text), Input::from_text("b.txt", text)];
        let analysis = analyze_inputs(inputs, &Options::default()).unwrap();
        check_invariants(&analysis);
    }
}

#[test]
fn two_identical_articles_align_sentence_for_sentence() {
    let text = "The plane crashed near Aktau. Thirty-eight people died. Twenty-nine survived.";
    let inputs = vec![Input::from_text("a.txt", text), Input::from_text("b.txt", text)];
    let analysis = analyze_inputs(inputs, &Options::default()).unwrap();
    check_invariants(&analysis);
    assert_eq!(analysis.groups.len(), 3);
    for group in &analysis.groups {
        assert_eq!(group.article_count(), 2);
        assert!(group.members.iter().all(|m| m.diverging.is_empty()));
    }
}

#[test]
fn one_article_alone_gives_single_article_groups() {
    let inputs = vec![Input::from_text("a.txt", "First claim here. Second claim there.")];
    let analysis = analyze_inputs(inputs, &Options::default()).unwrap();
    check_invariants(&analysis);
    assert_eq!(analysis.groups.len(), 2);
}
