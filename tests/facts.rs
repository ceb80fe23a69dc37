//! Facts and conflicts on the bundled sample: the three conflicts the articles really have,
//! no conflict where they agree, spans that stay inside their sentences, and attribution
//! linking with hand-made attributions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::LazyLock;

use parallax::analysis::{conflict, facts};
use parallax::model::{Analysis, Attribution, Conflict, Mention, SourceSpan};
use parallax::{ArticleId, Options, SentenceId, Span, analyze};

static SAMPLE: LazyLock<Analysis> = LazyLock::new(|| {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/azal-8243");
    analyze(&[dir], &Options::default()).unwrap()
});

fn mention_text<'a>(analysis: &'a Analysis, mention: &Mention) -> &'a str {
    let article = &analysis.articles[mention.article.0];
    Span::new(mention.start, mention.end).text(&article.text).unwrap()
}

fn claim_texts(analysis: &Analysis, conflict: &Conflict) -> Vec<String> {
    conflict
        .claims
        .iter()
        .map(|c| {
            c.mentions
                .iter()
                .map(|m| mention_text(analysis, m))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

/// The article index of a sample file by its name prefix ("002").
fn article(analysis: &Analysis, prefix: &str) -> ArticleId {
    let idx = analysis
        .articles
        .iter()
        .position(|a| a.source.starts_with(prefix))
        .unwrap();
    ArticleId(idx)
}

#[test]
fn airline_conflict_names_article_002() {
    let a = &*SAMPLE;
    let conflict = a
        .conflicts
        .iter()
        .find(|c| {
            c.claims.iter().any(|cl| cl.value == "Azerbaijan Airlines")
                && c.claims.iter().any(|cl| cl.value == "Kazakhstan Airlines")
        })
        .expect("an airline conflict");
    assert_eq!(conflict.kind, "value");
    let kazakh = conflict
        .claims
        .iter()
        .find(|c| c.value == "Kazakhstan Airlines")
        .unwrap();
    assert_eq!(kazakh.articles, [article(a, "002")]);
    let azeri = conflict
        .claims
        .iter()
        .find(|c| c.value == "Azerbaijan Airlines")
        .unwrap();
    assert!(azeri.articles.len() >= 3, "{:?}", azeri.articles);
}

#[test]
fn whose_air_defence_conflict() {
    let a = &*SAMPLE;
    let found = a.conflicts.iter().any(|c| {
        let texts = claim_texts(a, c);
        texts.iter().any(|t| t.contains("Ukrainian defences"))
            && texts.iter().any(|t| t.contains("Russian air defen"))
    });
    assert!(found, "{:#?}", a.conflicts);
}

#[test]
fn apology_quote_with_and_without_tragic() {
    let a = &*SAMPLE;
    let found = a.conflicts.iter().filter(|c| c.kind == "quote").any(|c| {
        c.claims
            .iter()
            .any(|cl| cl.value.contains("tragic incident occurred"))
            && c.claims
                .iter()
                .any(|cl| cl.value.contains("incident happened") && !cl.value.contains("tragic"))
    });
    assert!(found, "{:#?}", a.conflicts);
}

#[test]
fn values_that_agree_do_not_conflict() {
    let a = &*SAMPLE;
    for conflict in &a.conflicts {
        assert!(
            !matches!(
                conflict.key.as_str(),
                "killed" | "survivors" | "injured" | "aboard" | "flight" | "date"
            ),
            "unexpected conflict {conflict:#?}"
        );
        for claim in &conflict.claims {
            assert!(
                !["38", "29", "67", "J2-8243", "2024-12-25", "12-25"].contains(&claim.value.as_str()),
                "agreeing value in a conflict: {conflict:#?}"
            );
        }
    }
}

#[test]
fn agreed_facts_are_consolidated() {
    let a = &*SAMPLE;
    let fact = |kind: &str, key: &str, value: &str| {
        a.facts
            .iter()
            .find(|f| f.kind == kind && f.key == key && f.value == value)
            .unwrap_or_else(|| panic!("no fact {kind} {key} {value}"))
    };
    // "at least 38", "38 lives", "killing 38": all five articles.
    assert_eq!(fact("number", "killed", "38").articles.len(), 5);
    assert!(fact("number", "survivors", "29").articles.len() >= 2);
    assert_eq!(fact("number", "aboard", "67").articles.len(), 2);
    assert!(fact("code", "flight", "J2-8243").articles.len() >= 3);
    // "Christmas Day", "Christmas day", "25 December", resolved or not: one date.
    assert_eq!(fact("date", "date", "2024-12-25").articles.len(), 5);
    // "Putin" = "Vladimir Putin" = "President Vladimir Putin".
    assert_eq!(fact("person", "person", "Vladimir Putin").articles.len(), 5);
    // No competing facts on the killed count.
    assert_eq!(
        a.facts
            .iter()
            .filter(|f| f.kind == "number" && f.key == "killed")
            .count(),
        1
    );
}

#[test]
fn mentions_lie_inside_their_sentences() {
    let a = &*SAMPLE;
    let mentions = a.facts.iter().flat_map(|f| f.mentions.iter()).chain(
        a.conflicts
            .iter()
            .flat_map(|c| c.claims.iter().flat_map(|cl| cl.mentions.iter())),
    );
    let mut count = 0;
    for mention in mentions {
        let article = &a.articles[mention.article.0];
        let sentence = article.sentences[mention.sentence.0];
        assert!(sentence.span().contains(Span::new(mention.start, mention.end)));
        assert!(mention.start < mention.end);
        assert!(
            Span::new(mention.start, mention.end)
                .text(&article.text)
                .is_some()
        );
        if let Some(group) = mention.group {
            assert!(
                a.groups[group]
                    .members
                    .iter()
                    .any(|m| m.article == mention.article && m.sentence == mention.sentence)
            );
        }
        count += 1;
    }
    assert!(count > 50);
}

#[test]
fn conflicts_are_ranked_and_claims_complete() {
    let a = &*SAMPLE;
    for pair in a.conflicts.windows(2) {
        assert!(pair[0].importance >= pair[1].importance);
    }
    for conflict in &a.conflicts {
        assert!(conflict.claims.len() >= 2);
        for claim in &conflict.claims {
            assert!(!claim.mentions.is_empty());
            assert!(!claim.articles.is_empty());
        }
    }
}

fn attribution(article: ArticleId, sentence: SentenceId, content: Span, name: &str) -> Attribution {
    Attribution {
        article,
        sentence,
        source: Some(SourceSpan {
            start: content.start,
            end: content.start,
            name: name.into(),
        }),
        cue: None,
        content,
        direct: false,
        channel: None,
    }
}

/// The sentence of `article` that contains `needle`, with its span.
fn sentence_with(a: &Analysis, article: ArticleId, needle: &str) -> (SentenceId, Span) {
    let art = &a.articles[article.0];
    let idx = art
        .sentences
        .iter()
        .position(|s| s.span().text(&art.text).unwrap().contains(needle))
        .unwrap();
    (SentenceId(idx), art.sentences[idx].span())
}

#[test]
fn mentions_link_to_the_attribution_they_fall_in() {
    let a = &*SAMPLE;
    let star = article(a, "000");
    let (sentence, span) = sentence_with(a, star, "The crash killed 38 people, but");
    let attributions = vec![attribution(star, sentence, span, "the airline")];
    let collected = facts::collect_facts(&a.articles, &a.groups, &attributions);
    let killed = collected
        .facts
        .iter()
        .find(|f| f.key == "killed" && f.value == "38")
        .unwrap();
    let linked: Vec<_> = killed.mentions.iter().filter(|m| m.article == star).collect();
    assert!(linked.iter().any(|m| m.attribution == Some(0)), "{linked:?}");
    assert!(
        killed
            .mentions
            .iter()
            .filter(|m| m.article != star)
            .all(|m| m.attribution.is_none())
    );

    // Attributed in one article, asserted bare in the others: an attribution conflict.
    let conflicts = conflict::find_conflicts(&a.articles, &a.groups, &attributions, &collected);
    let found = conflicts
        .iter()
        .find(|c| c.kind == "attribution" && c.key == "killed: 38")
        .expect("attribution conflict");
    assert!(found.claims.iter().any(|c| c.attributions == [0]));
    assert!(found.claims.iter().any(|c| c.attributions.is_empty()));
}

#[test]
fn different_sources_for_one_fact_conflict() {
    let a = &*SAMPLE;
    let first = article(a, "003");
    let second = article(a, "004");
    let (s1, span1) = sentence_with(a, first, "killing 38 of the 67");
    let (s2, span2) = sentence_with(a, second, "killing 38 of the 67");
    let attributions = vec![
        attribution(first, s1, span1, "Kazakh officials"),
        attribution(second, s2, span2, "the airline"),
    ];
    let collected = facts::collect_facts(&a.articles, &a.groups, &attributions);
    let conflicts = conflict::find_conflicts(&a.articles, &a.groups, &attributions, &collected);
    let aboard = conflicts
        .iter()
        .find(|c| c.kind == "attribution" && c.key == "aboard: 67")
        .expect("aboard attributed differently");
    let values: Vec<&str> = aboard.claims.iter().map(|c| c.value.as_str()).collect();
    assert!(
        values.iter().any(|v| v.contains("Kazakh officials")),
        "{values:?}"
    );
    assert!(values.iter().any(|v| v.contains("the airline")), "{values:?}");
}

#[test]
fn facts_subcommand_lists_conflicts_then_facts() {
    let output = assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .arg("facts")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    let conflicts_at = text.find("conflicts").unwrap();
    let facts_at = text.find(" facts").unwrap();
    assert!(conflicts_at < facts_at);
    assert!(text.contains("killed: 38  5/5 articles"), "{text}");
    assert!(text.contains("Kazakhstan Airlines"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// Whatever the text (curly quotes, dashes, accents, CRLF, stray digits), every fact and
    /// conflict mention lies inside its sentence and on char boundaries.
    #[test]
    fn spans_stay_on_char_boundaries(
        a in "[A-Za-z0-9 ,.;:’'“”\"–—éü\r\n-]{0,300}",
        b in "[A-Za-z0-9 ,.;:’'“”\"–—éü\r\n-]{0,300}",
    ) {
        let base = "President Vladimir Putin said 38 people were killed on Christmas Day, near Aktau.";
        let inputs = vec![
            parallax::Input::from_text("a.txt", format!("{base} {a}")),
            parallax::Input::from_text("b.txt", format!("{b} {base} Putin felt responsible – “tragic incident”.")),
        ];
        let analysis = parallax::analyze_inputs(inputs, &Options::default()).unwrap();
        let mentions = analysis
            .facts
            .iter()
            .flat_map(|f| f.mentions.iter())
            .chain(analysis.conflicts.iter().flat_map(|c| c.claims.iter().flat_map(|cl| cl.mentions.iter())));
        for mention in mentions {
            let article = &analysis.articles[mention.article.0];
            let sentence = article.sentences[mention.sentence.0];
            let span = Span::new(mention.start, mention.end);
            proptest::prop_assert!(sentence.span().contains(span));
            proptest::prop_assert!(span.text(&article.text).is_some());
        }
    }
}

#[test]
fn fog_caused_the_diversion_according_to_the_airline() {
    let analysis = &*SAMPLE;
    let fact = analysis
        .facts
        .iter()
        .find(|f| f.kind == "cause" && f.value == "fog")
        .expect("a cause fact: fog");
    assert_eq!(fact.key, "cause: diverted");
    assert_eq!(fact.mentions.len(), 1, "1 of 5 articles");
    let mention = &fact.mentions[0];
    assert_eq!(mention.article, article(analysis, "000"));
    let attribution = &analysis.attributions[mention.attribution.expect("attributed")];
    let source = attribution.source.as_ref().expect("a source");
    assert_eq!(source.name, "the airline");
}
