//! The pipeline: load → segment → align → compare, in that order, each stage an ordinary
//! function of the earlier stages' output and the [`Options`].

pub mod align;
pub mod compare;
pub mod conflict;
pub mod facts;
pub mod load;
pub mod segment;
pub mod words;

use std::path::PathBuf;
use std::time::Duration;

use crate::error::Result;
use crate::model::{Analysis, SCHEMA};
use crate::span::Span;
use load::Input;
use words::{NameLexicon, Tokenizer};

/// Compiles a regular expression written in the source. The patterns are literals covered by
/// the unit tests, so a failure here is a programming error caught before release.
#[allow(clippy::expect_used)]
pub(crate) fn static_regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("pattern literal compiles")
}

/// Every tunable of the analysis, with documented defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Largest input accepted, in bytes (default 16 MiB).
    pub max_input_bytes: u64,
    /// Most articles accepted in one run (default 1,000).
    pub max_articles: usize,
    /// Mean similarity two groups need to be merged (default 0.3).
    pub link_threshold: f32,
    /// Pairs below this similarity are not candidates at all (default 0.1).
    pub min_similarity: f32,
    /// At most this many sentences of one article in one group (default 2).
    pub max_per_article: usize,
    /// Each sentence keeps at most this many candidate partners (default 20).
    pub max_neighbours: usize,
    /// Terms in more sentences than this (or than 5% of them) do not propose candidates
    /// (default 200).
    pub max_postings: usize,
    /// Weight multiplier for numbers (default 1.5).
    pub number_boost: f32,
    /// Weight multiplier for names (default 1.5).
    pub name_boost: f32,
    /// Article-level cosine from which two articles count as one event (default 0.25).
    pub same_event_similarity: f32,
    /// Lowest factor applied to pairs from articles about different events (default 0.3).
    pub cross_event_floor: f32,
    /// Time limit for one word diff (default 50 ms).
    pub diff_timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_input_bytes: 16 * 1024 * 1024,
            max_articles: 1000,
            link_threshold: 0.3,
            min_similarity: 0.1,
            max_per_article: 2,
            max_neighbours: 20,
            max_postings: 200,
            number_boost: 1.5,
            name_boost: 1.5,
            same_event_similarity: 0.25,
            cross_event_floor: 0.3,
            diff_timeout: Duration::from_millis(50),
        }
    }
}

impl Options {
    /// Sets one numeric tunable from `key=value` (a developer knob for measuring).
    ///
    /// # Errors
    /// An unknown key or a value that is not a number.
    pub fn tune(&mut self, setting: &str) -> std::result::Result<(), String> {
        let (key, value) = setting.split_once('=').ok_or("expected KEY=VALUE")?;
        let number: f32 = value
            .trim()
            .parse()
            .map_err(|_| format!("{value} is not a number"))?;
        let count = || number.max(0.0) as usize;
        match key.trim() {
            "link_threshold" => self.link_threshold = number,
            "min_similarity" => self.min_similarity = number,
            "max_per_article" => self.max_per_article = count(),
            "max_neighbours" => self.max_neighbours = count(),
            "max_postings" => self.max_postings = count(),
            "number_boost" => self.number_boost = number,
            "name_boost" => self.name_boost = number,
            "same_event_similarity" => self.same_event_similarity = number,
            "cross_event_floor" => self.cross_event_floor = number,
            other => return Err(format!("unknown tunable {other}")),
        }
        Ok(())
    }
}

/// Reads the paths (files, directories, `-`) and analyses them.
///
/// # Errors
/// Any error of loading: missing, unreadable, binary, empty or oversized input.
pub fn analyze(paths: &[PathBuf], opts: &Options) -> Result<Analysis> {
    analyze_inputs(load::read_inputs(paths, opts)?, opts)
}

/// Analyses inputs already in memory.
///
/// ```
/// use parallax::{Input, Options, analyze_inputs};
/// let inputs = vec![
///     Input::from_text("a.txt", "The plane crashed near Aktau. Officials said 38 people died."),
///     Input::from_text("b.txt", "Thirty-eight people died. The plane crashed near Aktau in Kazakhstan."),
/// ];
/// let analysis = analyze_inputs(inputs, &Options::default()).unwrap();
/// assert_eq!(analysis.articles.len(), 2);
/// let shared = analysis.groups.iter().filter(|g| g.article_count() == 2).count();
/// assert!(shared >= 1);
/// ```
///
/// # Errors
/// Binary or empty input.
pub fn analyze_inputs(inputs: Vec<Input>, opts: &Options) -> Result<Analysis> {
    let tokenizer = Tokenizer::default();
    let mut articles = Vec::with_capacity(inputs.len());
    for input in inputs {
        let loaded = load::parse_article(input)?;
        let mut article = loaded.article;
        article.sentences = segment::split_sentences(&article.text, &loaded.metadata);
        articles.push(article);
    }
    let words: Vec<Vec<Vec<words::Word>>> = articles
        .iter()
        .map(|a| {
            a.sentences
                .iter()
                .map(|s| tokenizer.words(&a.text, Span::new(s.start, s.end)))
                .collect()
        })
        .collect();
    let lexicon = NameLexicon::build(
        articles
            .iter()
            .zip(&words)
            .flat_map(|(a, sentences)| sentences.iter().map(|w| (a.text.as_str(), w.as_slice()))),
    );
    let mut groups = align::group_passages(&articles, &words, &lexicon, opts);
    compare::compare_groups(&words, &lexicon, &mut groups, opts);
    let attributions = Vec::new();
    let collected = facts::collect_facts(&articles, &groups, &attributions);
    let conflicts =
        conflict::find_conflicts_with_words(&articles, &groups, &attributions, &collected, &words);
    tracing::debug!(articles = articles.len(), groups = groups.len(), "analysed");
    Ok(Analysis {
        schema: SCHEMA,
        articles,
        groups,
        attributions,
        facts: collected.facts,
        conflicts,
    })
}
