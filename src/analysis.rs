//! The pipeline: load → segment → align → compare, in that order, each stage an ordinary
//! function of the earlier stages' output and the [`Options`].

pub mod align;
pub mod attribution;
pub mod compare;
pub mod conflict;
pub mod facts;
pub mod load;
pub mod segment;
pub mod words;

use std::path::PathBuf;
use std::time::Duration;

use crate::error::Result;
use rayon::prelude::*;

use crate::model::{Analysis, Article, SCHEMA};
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
    /// Mean similarity two groups need to be merged (default 0.15).
    pub link_threshold: f32,
    /// Two groups merge only when their strongest pair reaches this similarity (default 0.2).
    pub min_link: f32,
    /// Pairs below this similarity are not candidates at all (default 0.1).
    pub min_similarity: f32,
    /// At most this many sentences of one article in one group (default 2).
    pub max_per_article: usize,
    /// While merging, groups may hold this many sentences of one article beyond
    /// `max_per_article`; the weakest extra ones are then let go (default 1).
    pub merge_slack: usize,
    /// A sentence beyond `max_per_article` may stay in a group when it is itself similar
    /// (at least `min_link`) to sentences of this many other articles of the group: many
    /// outlets corroborate it as the same passage (default 5; 0 turns this off).
    pub corroboration: usize,
    /// Most sentences of one article a group may hold with corroboration (default 4).
    pub max_corroborated: usize,
    /// Each sentence keeps at most this many candidate partners (default 40).
    pub max_neighbours: usize,
    /// Terms in more sentences than this do not propose candidates (default 200).
    pub max_postings: usize,
    /// Weight multiplier for numbers (default 1.5).
    pub number_boost: f32,
    /// Weight multiplier for names (default 1.5).
    pub name_boost: f32,
    /// Mean article-level cosine at which articles are grouped into one event (default 0.12).
    pub event_threshold: f32,
    /// An article left alone by event grouping joins the event it is closest to when its
    /// mean similarity to it reaches this share of `event_threshold` (default 0.5; 0 off).
    pub stray_factor: f32,
    /// Factor applied to the similarity of sentences from different events (default 0.3).
    pub cross_event_factor: f32,
    /// How many first sentences of an article count as its lead (default 6).
    pub lead_sentences: usize,
    /// Similarity added to two leads of one event, first sentences most (default 1.5).
    pub lead_bonus: f32,
    /// Share of cluster-centroid cosine (against mean pairwise similarity) in the linkage
    /// that decides merges (default 0.5).
    pub centroid_weight: f32,
    /// Each member of a group is diffed against at most this many others (default 5).
    pub max_compared: usize,
    /// Time limit for one word diff (default 50 ms).
    pub diff_timeout: Duration,
    /// Time the alignment's merging, and the word diffs all together, may each take before
    /// they are cut short: merging stops where it is, diffs come back coarse (default 10 s;
    /// the 840-article benchmark needs well under 1 s of either).
    pub time_budget: Duration,
    /// How `http`/`https` addresses are fetched and cached (no cache by default).
    pub fetch: load::fetch::FetchOptions,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_input_bytes: 16 * 1024 * 1024,
            max_articles: 1000,
            link_threshold: 0.15,
            min_link: 0.2,
            min_similarity: 0.1,
            max_per_article: 2,
            merge_slack: 1,
            corroboration: 5,
            max_corroborated: 4,
            max_neighbours: 40,
            max_postings: 200,
            number_boost: 1.5,
            name_boost: 1.5,
            event_threshold: 0.12,
            stray_factor: 0.5,
            cross_event_factor: 0.3,
            lead_sentences: 6,
            lead_bonus: 1.5,
            centroid_weight: 0.5,
            max_compared: 5,
            diff_timeout: Duration::from_millis(50),
            time_budget: Duration::from_secs(10),
            fetch: load::fetch::FetchOptions::default(),
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
            "min_link" => self.min_link = number,
            "max_per_article" => self.max_per_article = count(),
            "merge_slack" => self.merge_slack = count(),
            "corroboration" => self.corroboration = count(),
            "max_corroborated" => self.max_corroborated = count(),
            "max_neighbours" => self.max_neighbours = count(),
            "max_postings" => self.max_postings = count(),
            "max_compared" => self.max_compared = count(),
            "number_boost" => self.number_boost = number,
            "name_boost" => self.name_boost = number,
            "event_threshold" => self.event_threshold = number,
            "stray_factor" => self.stray_factor = number,
            "cross_event_factor" => self.cross_event_factor = number,
            "lead_sentences" => self.lead_sentences = count(),
            "lead_bonus" => self.lead_bonus = number,
            "centroid_weight" => self.centroid_weight = number,
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
    // Articles are parsed, segmented and tokenized independently: in parallel, in order, in
    // one run of articles per thread so that each thread's tokenizer reuses its stems.
    let per_thread = inputs.len().div_ceil(rayon::current_num_threads()).max(1);
    let parsed: Vec<Result<(Article, Vec<Vec<words::Word>>)>> = inputs
        .into_par_iter()
        .with_min_len(per_thread)
        .map_init(Tokenizer::default, |tokenizer, input| {
            let loaded = load::parse_article(input)?;
            let mut article = loaded.article;
            article.sentences = segment::split_sentences(&article.text, &loaded.metadata);
            let words = article
                .sentences
                .iter()
                .map(|s| tokenizer.words(&article.text, Span::new(s.start, s.end)))
                .collect();
            Ok((article, words))
        })
        .collect();
    let (articles, mut words): (Vec<Article>, Vec<Vec<Vec<words::Word>>>) = parsed
        .into_iter()
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    words::intern(words.iter_mut().flatten());
    let lexicon = NameLexicon::build(
        articles
            .iter()
            .zip(&words)
            .flat_map(|(a, sentences)| sentences.iter().map(|w| (a.text.as_str(), w.as_slice()))),
    );
    tracing::debug!(sentences = words.iter().map(Vec::len).sum::<usize>(), "segmented");
    let mut groups = align::group_passages(&articles, &words, &lexicon, opts);
    let clock = std::time::Instant::now();
    compare::compare_groups(&words, &lexicon, &mut groups, opts);
    tracing::debug!(elapsed = ?clock.elapsed(), "compared");
    let attributions = attribution::find_attributions(&articles);
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
