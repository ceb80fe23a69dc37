//! Words: a sentence → word tokens with byte spans and the normalised keys that alignment,
//! comparison and fact extraction match on.
//!
//! Tokens are Unicode words (UAX #29, via `unicode-segmentation`), so "1,200", "3.5" and
//! "Putin’s" are one token each. The key folds case, British and American spellings
//! ("apologised" = "apologized", "defence" = "defense"), a possessive "’s", and then stems
//! with Snowball's English stemmer (`rust-stemmers`).
//!
//! Weak spot: British/American folding is suffix-based (-ise/-ize, -ence/-ense, -our/-or)
//! and applies to both sides alike, so it can only make two different words meet when they
//! differ in just that suffix.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet as HashSet};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// One word of a sentence.
#[allow(clippy::struct_excessive_bools)] // independent flags, read one at a time
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Where the word is in the article's text.
    pub span: Span,
    /// The matching key: lower case, spelling folded, stemmed.
    pub key: String,
    /// The key as a number, the same for equal keys across one analysis (see [`intern`]).
    pub id: u32,
    /// True for a function word ("the", "of", "said") that carries little meaning alone.
    pub stop: bool,
    /// True when the word has a digit.
    pub number: bool,
    /// True when the word starts with a capital letter.
    pub capitalized: bool,
    /// True for the first word of its sentence.
    pub initial: bool,
    /// True for a negation ("not", "never", "didn't", "refused").
    pub negation: bool,
}

/// Makes [`Word`]s; holds the stemmer so it is built once per analysis.
pub struct Tokenizer {
    stemmer: Stemmer,
    /// Stems already computed: news text repeats its words, and stemming is the costliest
    /// step of tokenizing.
    stems: std::cell::RefCell<FxHashMap<String, String>>,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
            stems: std::cell::RefCell::default(),
        }
    }
}

impl Tokenizer {
    /// The stem of a lower-case word, after folding spelling variants.
    fn stem(&self, bare: &str) -> String {
        if let Some(stem) = self.stems.borrow().get(bare) {
            return stem.clone();
        }
        let stem = self
            .stemmer
            .stem(&fold_spelling(canonical_form(bare)))
            .into_owned();
        self.stems.borrow_mut().insert(bare.to_owned(), stem.clone());
        stem
    }

    /// The words of `span` in `text` (an out-of-range span has none).
    #[must_use]
    pub fn words(&self, text: &str, span: Span) -> Vec<Word> {
        let Some(slice) = span.text(text) else {
            return Vec::new();
        };
        let mut words = Vec::new();
        for (offset, token) in slice.split_word_bound_indices() {
            if !token.chars().any(char::is_alphanumeric) {
                continue;
            }
            let lower: Cow<str> = if token.chars().any(char::is_uppercase) {
                Cow::Owned(token.to_lowercase())
            } else {
                Cow::Borrowed(token)
            };
            let bare = strip_possessive(&lower);
            let number = bare.chars().any(|c| c.is_ascii_digit());
            let key = if number {
                bare.replace(',', "")
            } else {
                self.stem(bare)
            };
            // "US", "UN": an acronym is a name, not the pronoun "us".
            let acronym = token.chars().count() > 1 && token.chars().all(char::is_uppercase);
            words.push(Word {
                span: Span::new(span.start + offset, span.start + offset + token.len()),
                stop: is_stopword(bare) && !acronym,
                negation: is_negation(bare),
                number,
                capitalized: token.chars().next().is_some_and(char::is_uppercase),
                initial: words.is_empty(),
                key,
                id: 0,
            });
        }
        words
    }
}

/// Irregular verb forms and near-synonyms that news reports use interchangeably, mapped to
/// one form. Kept short on purpose: each entry must be safe in any story.
fn canonical_form(word: &str) -> &str {
    match word {
        "heard" => "hear",
        "shot" => "shoot",
        "flew" | "flown" => "fly",
        "brought" => "bring",
        "fought" => "fight",
        "struck" | "hit" => "strike",
        "began" | "begun" => "begin",
        "spoke" | "spoken" => "speak",
        "went" | "gone" => "go",
        "took" | "taken" => "take",
        "gave" | "given" => "give",
        "left" => "leave",
        "fell" | "fallen" => "fall",
        "died" | "dead" | "death" | "deaths" | "dying" => "die",
        "blast" | "blasts" | "explosion" | "explosions" | "bang" | "bangs" => "explosion",
        "aircraft" | "airliner" | "airplane" | "jet" | "plane" | "planes" | "jets" | "airliners" => "plane",
        "drone" | "drones" | "uav" | "uavs" => "drone",
        "probe" | "probes" | "inquiry" => "investigation",
        "apology" | "apologies" | "sorry" => "apologize",
        "crashed" | "crash" | "crashes" | "crashing" => "crash",
        "passenger" | "passengers" => "passenger",
        "injured" | "injuries" | "wounded" | "hurt" => "injure",
        _ => word,
    }
}

/// Numbers every word's key so that equal keys get equal ids across all the sentences
/// given: diffs and vectors then compare integers, not strings.
pub fn intern<'a>(sentences: impl IntoIterator<Item = &'a mut Vec<Word>>) {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    for words in sentences {
        for word in words.iter_mut() {
            word.id = if let Some(&id) = ids.get(&word.key) {
                id
            } else {
                let id = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                ids.insert(word.key.clone(), id);
                id
            };
        }
    }
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Folds British spellings onto American ones by suffix, for words long enough that the
/// suffix is a suffix.
fn fold_spelling(word: &str) -> String {
    if word.chars().count() < 6 {
        return word.to_owned();
    }
    for (from, to) in [
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ence", "ense"),
        ("our", "or"),
        ("ours", "ors"),
        ("tre", "ter"),
        ("lled", "led"),
        ("lling", "ling"),
    ] {
        if let Some(stem) = word.strip_suffix(from) {
            return format!("{stem}{to}");
        }
    }
    word.to_owned()
}

fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word) || word.ends_with("n't") || word.ends_with("n’t")
}

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "refused", "denied",
    "denies", "deny", "cannot",
];

/// True for a function word (see [`STOPWORDS`]); a hash lookup, as it runs for every word.
#[must_use]
pub fn is_stopword(word: &str) -> bool {
    static SET: std::sync::LazyLock<HashSet<&'static str>> =
        std::sync::LazyLock::new(|| STOPWORDS.iter().copied().collect());
    SET.contains(word)
}

/// English function words, plus the commonest reporting verbs.
pub const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "according",
    "also",
    "one",
    "two",
    "mr",
    "mrs",
    "ms",
    "may",
    "might",
    "must",
    "shall",
    "us",
    "yet",
    "however",
    "since",
    "still",
    "even",
    "many",
    "much",
    "another",
    "every",
    "via",
    "per",
    "upon",
    "amid",
    "among",
    "within",
    "without",
    "across",
    "along",
    "around",
    "toward",
    "towards",
    "onto",
    "unto",
    "whether",
    "though",
    "although",
    "ago",
    "yesterday",
    "today",
    "tomorrow",
    "week",
    "year",
    "time",
];

/// Words that appear capitalised inside sentences and never in lower case: names.
#[derive(Debug, Default, Clone)]
pub struct NameLexicon {
    names: HashSet<String>,
}

impl NameLexicon {
    /// Builds the lexicon from the words of every sentence of every article: a key is a name
    /// when it is capitalised somewhere other than the start of a sentence and never written
    /// in lower case.
    pub fn build<'a>(text_words: impl IntoIterator<Item = (&'a str, &'a [Word])>) -> Self {
        let mut capital = HashSet::default();
        let mut lower = HashSet::default();
        for (text, words) in text_words {
            for word in words {
                if word.number || word.stop {
                    continue;
                }
                let starts_lower = word
                    .span
                    .text(text)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_lowercase);
                if starts_lower {
                    lower.insert(word.key.clone());
                } else if word.capitalized && !word.initial {
                    capital.insert(word.key.clone());
                }
            }
        }
        capital.retain(|k| !lower.contains(k));
        Self { names: capital }
    }

    /// True when the word is a name.
    #[must_use]
    pub fn is_name(&self, word: &Word) -> bool {
        word.capitalized && !word.stop && self.names.contains(&word.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        Tokenizer::default()
            .words(text, Span::new(0, text.len()))
            .into_iter()
            .map(|w| w.key)
            .collect()
    }

    #[test]
    fn spelling_and_possessives_fold() {
        assert_eq!(
            keys("apologised defence Putin’s"),
            keys("apologized defense Putin")
        );
    }

    #[test]
    fn irregular_forms_and_synonyms_meet() {
        assert_eq!(keys("heard blasts aircraft"), keys("hear explosions plane"));
    }

    #[test]
    fn acronyms_are_not_stopwords() {
        let text = "US officials told us";
        let words = Tokenizer::default().words(text, Span::new(0, text.len()));
        assert!(!words[0].stop);
        assert!(words[3].stop);
    }

    #[test]
    fn numbers_keep_their_digits() {
        assert_eq!(keys("1,200 3.5 J2-8243"), ["1200", "3.5", "j2", "8243"]);
    }

    #[test]
    fn negations_are_flagged() {
        let text = "He didn't know and never said no.";
        let words = Tokenizer::default().words(text, Span::new(0, text.len()));
        let negations: Vec<_> = words
            .iter()
            .filter(|w| w.negation)
            .filter_map(|w| w.span.text(text))
            .collect();
        assert_eq!(negations, ["didn't", "never", "no"]);
    }

    #[test]
    fn names_are_capitalised_mid_sentence_only() {
        let tokenizer = Tokenizer::default();
        let a = "Survivors said Putin spoke.";
        let b = "The survivors met Putin.";
        let wa = tokenizer.words(a, Span::new(0, a.len()));
        let wb = tokenizer.words(b, Span::new(0, b.len()));
        let lexicon = NameLexicon::build([(a, wa.as_slice()), (b, wb.as_slice())]);
        assert!(lexicon.is_name(&wa[2]));
        assert!(!lexicon.is_name(&wa[0]));
    }
}
