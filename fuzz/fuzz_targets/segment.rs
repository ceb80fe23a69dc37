//! Segmentation of arbitrary bytes read as one article: loading (charset, BOM, header block,
//! binary refusal) and sentence splitting keep the contract's sentence invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::analysis::{load, segment};
use parallax::model::{Analysis, Group, Member, SCHEMA, check_contract};
use parallax::{ArticleId, Input, SentenceId};

fuzz_target!(|data: &[u8]| {
    let input = Input {
        path: "fuzz.txt".to_owned(),
        bytes: data.to_vec(),
    };
    // Binary or empty input is refused with an error: that is the expected outcome.
    let Ok(loaded) = load::parse_article(input) else {
        return;
    };
    let mut article = loaded.article;
    article.sentences = segment::split_sentences(&article.text, &loaded.metadata);
    // One group per non-boilerplate sentence, so the whole contract check applies.
    let groups = (0..article.sentences.len())
        .filter(|&s| !article.sentences[s].boilerplate)
        .map(|s| Group {
            members: vec![Member {
                article: ArticleId(0),
                sentence: SentenceId(s),
                diverging: Vec::new(),
            }],
            score: 0.0,
            divergence: 0.0,
            significant: false,
        })
        .collect();
    let analysis = Analysis {
        schema: SCHEMA,
        articles: vec![article],
        groups,
        ..Analysis::default()
    };
    if let Err(broken) = check_contract(&analysis) {
        panic!("{broken}");
    }
});
