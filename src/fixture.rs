//! A small hand-made analysis with facts, an attribution and a conflict, for the tests and
//! benchmarks of the viewer and the exporters (fixed by hand, independent of what the analysis finds).

use crate::model::{
    Analysis, Article, Attribution, Claim, Conflict, DiffKind, DiffSpan, Fact, Group, Member, Mention,
    SCHEMA, Sentence, SourceSpan,
};
use crate::span::{ArticleId, SentenceId, Span};

fn article(source: &str, sentences: &[&str]) -> Article {
    let mut text = String::new();
    let mut spans = Vec::new();
    for s in sentences {
        let start = text.len();
        text.push_str(s);
        spans.push(Sentence {
            start,
            end: text.len(),
            boilerplate: s.starts_with("Share"),
            kind: None,
        });
        text.push(' ');
    }
    Article {
        path: format!("{source}.txt"),
        source: source.to_owned(),
        title: Some(format!("{source} headline")),
        date: Some("2024-12-28".to_owned()),
        url: None,
        text,
        invalid_utf8_at: None,
        format: None,
        sentences: spans,
    }
}

/// The byte range of `needle` in article `article`, or `(0, 0)` when absent.
fn span_in(a: &Analysis, article: usize, needle: &str) -> (usize, usize) {
    a.articles.get(article).map_or((0, 0), |a| span_of(a, needle))
}

fn span_of(a: &Article, needle: &str) -> (usize, usize) {
    let start = a.text.find(needle).unwrap_or(0);
    (start, start + needle.len())
}

fn mention(a: &Analysis, article: usize, sentence: usize, needle: &str) -> Mention {
    let (start, end) = span_in(a, article, needle);
    Mention {
        article: ArticleId(article),
        sentence: SentenceId(sentence),
        start,
        end,
        attribution: None,
        group: None,
    }
}

fn member(a: &Analysis, article: usize, sentence: usize, diverging: &[(&str, DiffKind)]) -> Member {
    Member {
        article: ArticleId(article),
        sentence: SentenceId(sentence),
        diverging: diverging
            .iter()
            .map(|(needle, kind)| {
                let (start, end) = span_in(a, article, needle);
                DiffSpan {
                    start,
                    end,
                    kind: *kind,
                }
            })
            .collect(),
    }
}

/// Three outlets; one says 38 killed, two say 39; the Kremlin is quoted.
pub fn analysis() -> Analysis {
    let mut a = Analysis {
        schema: SCHEMA,
        articles: vec![
            article(
                "alpha",
                &[
                    "The plane crashed near Aktau on Wednesday.",
                    "The crash killed 38 people, officials said.",
                    "Share this article.",
                ],
            ),
            article(
                "beta",
                &[
                    "A passenger jet crashed near Aktau.",
                    "The crash killed 39 people, the Kremlin said.",
                    "Rescuers worked through the night.",
                ],
            ),
            article(
                "gamma",
                &[
                    "The crash killed 39 people.",
                    "The plane crashed near Aktau in Kazakhstan.",
                ],
            ),
        ],
        ..Analysis::default()
    };
    a.groups = vec![
        Group {
            members: vec![
                member(&a, 0, 0, &[("on Wednesday", DiffKind::Changed)]),
                member(&a, 1, 0, &[("A passenger jet", DiffKind::Changed)]),
                member(&a, 2, 1, &[("Kazakhstan", DiffKind::Name)]),
            ],
            score: 0.6,
            divergence: 0.3,
            significant: true,
        },
        Group {
            members: vec![
                member(
                    &a,
                    0,
                    1,
                    &[("38", DiffKind::Number), ("officials", DiffKind::Changed)],
                ),
                member(&a, 1, 1, &[("39", DiffKind::Number), ("Kremlin", DiffKind::Name)]),
                member(&a, 2, 0, &[("39", DiffKind::Number)]),
            ],
            score: 0.7,
            divergence: 0.2,
            significant: true,
        },
        Group {
            members: vec![member(&a, 1, 2, &[])],
            score: 0.0,
            divergence: 0.0,
            significant: false,
        },
    ];
    let (cs, ce) = span_in(&a, 1, "the Kremlin");
    let (qs, qe) = span_in(&a, 1, "The crash killed 39 people");
    a.attributions = vec![Attribution {
        article: ArticleId(1),
        sentence: SentenceId(1),
        source: Some(SourceSpan {
            start: cs,
            end: ce,
            name: "Kremlin".to_owned(),
        }),
        cue: None,
        content: Span::new(qs, qe),
        direct: false,
        channel: None,
    }];
    let mut said = mention(&a, 1, 1, "39");
    said.attribution = Some(0);
    a.conflicts = vec![Conflict {
        kind: "value".to_owned(),
        key: "killed".to_owned(),
        claims: vec![
            Claim {
                value: "38".to_owned(),
                mentions: vec![mention(&a, 0, 1, "38")],
                articles: vec![ArticleId(0)],
                attributions: Vec::new(),
            },
            Claim {
                value: "39".to_owned(),
                mentions: vec![said.clone(), mention(&a, 2, 0, "39")],
                articles: vec![ArticleId(1), ArticleId(2)],
                attributions: vec![0],
            },
        ],
        importance: 90,
    }];
    a.facts = vec![
        Fact {
            kind: "place".to_owned(),
            key: "crash site".to_owned(),
            value: "Aktau".to_owned(),
            mentions: vec![
                mention(&a, 0, 0, "Aktau"),
                mention(&a, 1, 0, "Aktau"),
                mention(&a, 2, 1, "Aktau"),
            ],
            articles: vec![ArticleId(0), ArticleId(1), ArticleId(2)],
            variants: Vec::new(),
        },
        Fact {
            kind: "number".to_owned(),
            key: "killed".to_owned(),
            value: "39".to_owned(),
            mentions: vec![said, mention(&a, 2, 0, "39")],
            articles: vec![ArticleId(1), ArticleId(2)],
            variants: Vec::new(),
        },
    ];
    a
}
