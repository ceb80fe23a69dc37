//! The whole analysis on arbitrary bytes as one to eight articles: no panic, the contract
//! holds, the JSON parses back, and the Markdown export carries no control characters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::export::{self, Format, Selection};
use parallax::model::{Analysis, check_contract};
use parallax::{Input, Options, analyze_inputs};

fuzz_target!(|articles: Vec<Vec<u8>>| {
    if articles.is_empty() || articles.len() > 8 {
        return;
    }
    let inputs: Vec<Input> = articles
        .iter()
        .enumerate()
        .map(|(i, bytes)| Input {
            path: format!("{i}.txt"),
            bytes: bytes.clone(),
        })
        .collect();
    let Ok(analysis) = analyze_inputs(inputs, &Options::default()) else {
        return;
    };
    if let Err(broken) = check_contract(&analysis) {
        panic!("{broken}");
    }
    let json = serde_json::to_string(&analysis).expect("serialises");
    let back: Analysis = serde_json::from_str(&json).expect("parses back");
    assert!(back == analysis, "JSON does not round-trip");
    let mut markdown = Vec::new();
    export::write(
        Format::Markdown,
        &analysis,
        &Selection::all(&analysis),
        &mut markdown,
    )
    .expect("writes");
    let markdown = String::from_utf8(markdown).expect("Markdown is UTF-8");
    if let Some(c) = markdown.chars().find(|&c| c.is_control() && c != '\n') {
        panic!("control character {c:?} in the Markdown export");
    }
});
