//! The bundled sample (five outlets on the Azerbaijan Airlines crash): boilerplate, and the
//! passages that must come out as one group each, apart from each other.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashMap;

use common::{azal, find, group_of, sentence};
use parallax::model::Boilerplate;

#[test]
fn boilerplate_is_marked_on_the_samples() {
    let analysis = azal();
    let kind = |a: usize, needle: &str| analysis.articles[a].sentences[find(&analysis, a, needle)].kind;
    assert_eq!(
        kind(0, "(Image: Anadolu via Getty Images)"),
        Some(Boilerplate::Credit)
    );
    assert_eq!(
        kind(0, "The plane crash was initially thought to be due to birds"),
        Some(Boilerplate::Caption)
    );
    assert_eq!(
        kind(0, "sign up for our newsletters"),
        Some(Boilerplate::Newsletter)
    );
    assert_eq!(kind(0, "Breaking NewsChristmasFacebook"), Some(Boilerplate::Tags));
    assert_eq!(kind(1, "Reuters/Getty"), Some(Boilerplate::Credit));
    assert_eq!(
        kind(1, "which is in Russian airspace"),
        Some(Boilerplate::Caption)
    );
    assert_eq!(kind(2, "Leave a Reply"), Some(Boilerplate::Comments));
    assert_eq!(
        kind(2, "Your email address will not be published"),
        Some(Boilerplate::Comments)
    );
    assert_eq!(kind(3, "Follow us on"), Some(Boilerplate::Share));
    assert_eq!(kind(4, "date 2024-12-29"), Some(Boilerplate::Metadata));
    // Prose stays prose, including the one body line of article 0 with no final full stop.
    assert_eq!(kind(0, "The crash killed 38 people, but 29"), None);
    assert_eq!(kind(0, "rather than an attack from the Ukrainian defence"), None);
}

#[test]
fn sample_metadata_is_read() {
    let analysis = azal();
    assert_eq!(analysis.articles[4].date.as_deref(), Some("2024-12-29"));
    assert!(
        analysis.articles[0]
            .title
            .as_deref()
            .unwrap()
            .starts_with("BREAKING Vladimir Putin apologises")
    );
    assert!(
        analysis.articles[2]
            .title
            .as_deref()
            .unwrap()
            .starts_with("Vladimir Putin issues carefully worded")
    );
    assert_eq!(analysis.articles[1].title, None);
    assert_eq!(analysis.articles[0].source, "000_90c442df7da68b3d");
}

/// The passages that must each be one group: (name, [(article, text in the sentence)]).
const PASSAGES: &[(&str, &[(usize, &str)])] = &[
    (
        "Kremlin apology quote",
        &[
            (1, "tragic incident occurred in the Russian airspace"),
            (2, "the incident happened in Russian airspace"),
            (3, "apologised for the tragic incident that occurred"),
        ],
    ),
    (
        "drone-attack quote",
        &[
            (0, "were attacked by Ukrainian combat"),
            (1, "were under attack by Ukrainian combat drones"),
            (2, "attacked Grozny, Mozdok and Vladikavkaz"),
            (3, "responding to attacks on Grozny"),
            (4, "being attacked by Ukrainian unmanned"),
        ],
    ),
    (
        "repeated landing attempts at Grozny",
        &[
            (0, "repeatedly attempted to land"),
            (1, "several attempts to land"),
            (2, "repeatedly tried to land at Grozny Airport"),
            (3, "repeated attempts to land in Grozny"),
            (4, "repeatedly tried to land at Grozny airport"),
        ],
    ),
    (
        "survivors heard blasts",
        &[
            (1, "heard three blasts"),
            (3, "hearing loud explosions"),
            (4, "hearing loud bangs"),
        ],
    ),
    (
        "US officials' view",
        &[
            (1, "US defence officials on Friday"),
            (3, "US defense officials, however"),
            (4, "US defence officials on Friday"),
        ],
    ),
];

#[test]
fn sample_passages_are_one_group_each_and_apart() {
    let analysis = azal();
    let mut owner: HashMap<usize, &str> = HashMap::new();
    for (name, members) in PASSAGES {
        let groups: Vec<Option<usize>> = members
            .iter()
            .map(|(a, needle)| group_of(&analysis, *a, find(&analysis, *a, needle)))
            .collect();
        let first = groups[0].unwrap();
        for ((a, needle), g) in members.iter().zip(&groups) {
            assert_eq!(
                *g,
                Some(first),
                "{name}: article {a} ({needle:?}) is not with the others;\n  {}",
                sentence(&analysis, *a, find(&analysis, *a, needle))
            );
        }
        if let Some(other) = owner.insert(first, name) {
            panic!("{name} and {other} share group {first}");
        }
    }
}

#[test]
fn no_group_holds_more_than_two_sentences_of_one_article() {
    let analysis = azal();
    for (g, group) in analysis.groups.iter().enumerate() {
        let mut per_article: HashMap<usize, usize> = HashMap::new();
        for m in &group.members {
            *per_article.entry(m.article.0).or_default() += 1;
        }
        assert!(
            per_article.values().all(|&n| n <= 2),
            "group {g}: {per_article:?}"
        );
    }
}

#[test]
fn diverging_numbers_names_and_negations_are_marked() {
    use parallax::model::DiffKind;
    let analysis = azal();
    let a = find(&analysis, 2, "Kazakhstan Airlines Flight J2-8243");
    let group = &analysis.groups[group_of(&analysis, 2, a).unwrap()];
    assert!(group.article_count() > 1, "the flight passage is shared");
    let member = group.members.iter().find(|m| m.article.0 == 2).unwrap();
    let text = &analysis.articles[2].text;
    let marked: Vec<(&str, DiffKind)> = member
        .diverging
        .iter()
        .map(|d| (d.span().text(text).unwrap(), d.kind))
        .collect();
    assert!(
        marked
            .iter()
            .any(|(t, k)| t.contains("Kazakhstan") && *k == DiffKind::Name),
        "{marked:?}"
    );
}
