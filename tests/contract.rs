//! The JSON contract's invariants, on every sample set and on awkward inputs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use parallax::model::{Analysis, check_contract};
use parallax::{Input, Options, analyze, analyze_inputs};

/// The contract's invariants (the library's own check) and a JSON round trip.
fn check_invariants(analysis: &Analysis) {
    if let Err(broken) = check_contract(analysis) {
        panic!("contract broken: {broken}");
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

mod generated {
    use proptest::prelude::*;

    use super::check_invariants;
    use parallax::{Input, Options, analyze_inputs};

    /// Article-like text: words, names, numbers, punctuation, quotes, line breaks, and the
    /// odd awkward character (BOM, NBSP, zero-width, combining, emoji, CJK, escapes).
    fn article() -> impl Strategy<Value = String> {
        let token = prop_oneof![
            6 => "[a-z]{1,9}",
            2 => "[A-Z][a-z]{1,8}",
            1 => "[0-9]{1,4}([.,][0-9]{1,3})?",
            2 => prop::sample::select(vec![
                ". ", ", ", "! ", "? ", "… ", "\n", "\n\n", "\r\n", "\r", " “", "” ", "\"", "'s", " - ",
                "U.S. ", "Dr. ", "Jan. ", "(Image: AFP via Getty Images)", "\u{feff}", "\u{a0}",
                "\u{200b}", "e\u{301}", "👍🏽", "東京", "\u{1b}[31m", "\t", "\u{0}",
            ])
            .prop_map(str::to_owned),
        ];
        prop::collection::vec(token, 0..80).prop_map(|tokens| tokens.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn generated_articles_keep_the_contract(texts in prop::collection::vec(article(), 1..4)) {
            let inputs: Vec<Input> =
                texts.iter().enumerate().map(|(i, t)| Input::from_text(format!("{i}.txt"), t.clone())).collect();
            // Empty or binary-looking inputs are refused with an error; everything else is analysed.
            if let Ok(analysis) = analyze_inputs(inputs, &Options::default()) {
                check_invariants(&analysis);
                for (article, text) in analysis.articles.iter().zip(&texts) {
                    prop_assert_eq!(&article.text, text);
                }
            }
        }
    }
}
