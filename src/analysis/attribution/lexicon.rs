//! Cue words: reporting, belief and intention verbs in every inflected form, and the small
//! closed word classes (pronouns, determiners, auxiliaries, time words) the attribution
//! heuristics read.
//!
//! Forms are generated from the lemma by the regular English rules, with the irregular
//! verbs listed in full. A verb that is also a common noun ("plans", "claims", "support")
//! is flagged so that its base and `-s` forms count as a cue only after a clear subject.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// How a cue verb takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Reporting speech or writing: content before or after ("said", "added", "wrote").
    Speech,
    /// Speech with a hearer as object before the content ("told Reuters that …").
    Tell,
    /// Belief, intention, stance or finding: content after ("wants", "believes", "shows").
    Belief,
}

/// The inflection a cue word has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The bare form ("say").
    Base,
    /// Third person singular ("says").
    Third,
    /// Past tense or past participle ("said").
    Past,
    /// Present participle ("saying").
    Ing,
}

/// A word that can be a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// How it takes its content.
    pub class: Class,
    /// Its inflection.
    pub form: Form,
    /// True when the base and `-s` forms are also common nouns.
    pub noun: bool,
}

/// `(lemma, class, also a noun, irregular [third, past, participle, ing] or empty)`.
type Entry = (&'static str, Class, bool, [&'static str; 4]);

const NONE: [&str; 4] = ["", "", "", ""];

const LEMMAS: &[Entry] = &[
    ("say", Class::Speech, false, ["says", "said", "said", "saying"]),
    ("tell", Class::Tell, false, ["tells", "told", "told", "telling"]),
    (
        "write",
        Class::Speech,
        false,
        ["writes", "wrote", "written", "writing"],
    ),
    (
        "think",
        Class::Belief,
        false,
        ["thinks", "thought", "thought", "thinking"],
    ),
    ("feel", Class::Belief, false, ["feels", "felt", "felt", "feeling"]),
    (
        "know",
        Class::Belief,
        false,
        ["knows", "knew", "known", "knowing"],
    ),
    (
        "find",
        Class::Belief,
        false,
        ["finds", "found", "found", "finding"],
    ),
    (
        "show",
        Class::Belief,
        true,
        ["shows", "showed", "shown", "showing"],
    ),
    (
        "swear",
        Class::Speech,
        false,
        ["swears", "swore", "sworn", "swearing"],
    ),
    ("add", Class::Speech, false, NONE),
    ("note", Class::Speech, true, NONE),
    ("claim", Class::Speech, true, NONE),
    ("argue", Class::Speech, false, NONE),
    ("insist", Class::Speech, false, NONE),
    ("deny", Class::Speech, false, NONE),
    ("announce", Class::Speech, false, NONE),
    ("warn", Class::Tell, false, NONE),
    ("explain", Class::Speech, false, NONE),
    ("declare", Class::Speech, false, NONE),
    ("tweet", Class::Speech, true, NONE),
    ("report", Class::Speech, true, NONE),
    ("reply", Class::Speech, true, NONE),
    ("respond", Class::Speech, false, NONE),
    ("ask", Class::Speech, false, NONE),
    ("acknowledge", Class::Speech, false, NONE),
    (
        "admit",
        Class::Speech,
        false,
        ["admits", "admitted", "admitted", "admitting"],
    ),
    ("suggest", Class::Speech, false, NONE),
    ("recall", Class::Speech, true, NONE),
    ("predict", Class::Speech, false, NONE),
    ("promise", Class::Speech, true, NONE),
    ("pledge", Class::Speech, true, NONE),
    ("vow", Class::Speech, true, NONE),
    ("urge", Class::Speech, true, NONE),
    ("call", Class::Speech, true, NONE),
    ("chant", Class::Speech, true, NONE),
    ("encourage", Class::Speech, false, NONE),
    ("discuss", Class::Speech, false, NONE),
    ("document", Class::Speech, true, NONE),
    ("rail", Class::Speech, false, NONE),
    ("express", Class::Speech, false, NONE),
    ("sponsor", Class::Belief, true, NONE),
    ("charge", Class::Speech, true, NONE),
    ("allege", Class::Speech, false, NONE),
    ("contend", Class::Speech, false, NONE),
    ("maintain", Class::Speech, false, NONE),
    ("assert", Class::Speech, false, NONE),
    ("stress", Class::Speech, true, NONE),
    ("emphasize", Class::Speech, false, NONE),
    ("emphasise", Class::Speech, false, NONE),
    ("confirm", Class::Speech, false, NONE),
    ("concede", Class::Speech, false, NONE),
    ("complain", Class::Speech, false, NONE),
    ("caution", Class::Speech, true, NONE),
    ("counter", Class::Speech, true, NONE),
    ("joke", Class::Speech, true, NONE),
    (
        "quip",
        Class::Speech,
        true,
        ["quips", "quipped", "quipped", "quipping"],
    ),
    ("boast", Class::Speech, true, NONE),
    (
        "brag",
        Class::Speech,
        false,
        ["brags", "bragged", "bragged", "bragging"],
    ),
    ("testify", Class::Speech, false, NONE),
    ("reveal", Class::Speech, false, NONE),
    ("disclose", Class::Speech, false, NONE),
    ("observe", Class::Speech, false, NONE),
    ("remark", Class::Speech, true, NONE),
    ("comment", Class::Speech, true, NONE),
    ("recount", Class::Speech, true, NONE),
    ("estimate", Class::Belief, true, NONE),
    ("conclude", Class::Belief, false, NONE),
    ("indicate", Class::Speech, false, NONE),
    ("demand", Class::Speech, true, NONE),
    ("propose", Class::Speech, false, NONE),
    ("question", Class::Speech, true, NONE),
    ("criticize", Class::Speech, false, NONE),
    ("criticise", Class::Speech, false, NONE),
    ("praise", Class::Speech, true, NONE),
    ("accuse", Class::Speech, false, NONE),
    ("blame", Class::Speech, true, NONE),
    ("cite", Class::Speech, false, NONE),
    ("mention", Class::Speech, true, NONE),
    ("agree", Class::Speech, false, NONE),
    ("repeat", Class::Speech, false, NONE),
    ("reiterate", Class::Speech, false, NONE),
    ("tout", Class::Speech, false, NONE),
    ("lament", Class::Speech, true, NONE),
    ("hint", Class::Speech, true, NONE),
    ("proclaim", Class::Speech, false, NONE),
    ("assure", Class::Tell, false, NONE),
    ("inform", Class::Tell, false, NONE),
    ("remind", Class::Tell, false, NONE),
    ("advise", Class::Tell, false, NONE),
    ("recommend", Class::Speech, false, NONE),
    ("speculate", Class::Speech, false, NONE),
    ("wonder", Class::Belief, true, NONE),
    ("describe", Class::Speech, false, NONE),
    ("attack", Class::Speech, true, NONE),
    ("blast", Class::Speech, true, NONE),
    (
        "slam",
        Class::Speech,
        true,
        ["slams", "slammed", "slammed", "slamming"],
    ),
    ("condemn", Class::Speech, false, NONE),
    ("reject", Class::Belief, false, NONE),
    ("dismiss", Class::Speech, false, NONE),
    ("defend", Class::Speech, false, NONE),
    ("threaten", Class::Speech, false, NONE),
    ("believe", Class::Belief, false, NONE),
    ("hope", Class::Belief, true, NONE),
    ("expect", Class::Belief, false, NONE),
    ("fear", Class::Belief, true, NONE),
    ("worry", Class::Belief, true, NONE),
    ("want", Class::Belief, true, NONE),
    (
        "plan",
        Class::Belief,
        true,
        ["plans", "planned", "planned", "planning"],
    ),
    ("intend", Class::Belief, false, NONE),
    ("wish", Class::Belief, true, NONE),
    ("doubt", Class::Belief, true, NONE),
    ("suspect", Class::Belief, true, NONE),
    ("support", Class::Belief, true, NONE),
    ("oppose", Class::Belief, false, NONE),
    ("favor", Class::Belief, true, NONE),
    (
        "seek",
        Class::Belief,
        false,
        ["seeks", "sought", "sought", "seeking"],
    ),
    (
        "understand",
        Class::Belief,
        false,
        ["understands", "understood", "understood", "understanding"],
    ),
    ("realize", Class::Belief, false, NONE),
    ("recognize", Class::Belief, false, NONE),
    ("endorse", Class::Belief, false, NONE),
    ("refuse", Class::Belief, false, NONE),
    ("decline", Class::Belief, true, NONE),
    ("decide", Class::Belief, false, NONE),
    ("pray", Class::Belief, false, NONE),
    ("vote", Class::Belief, true, NONE),
    ("echo", Class::Speech, true, NONE),
    ("liken", Class::Speech, false, NONE),
    ("portray", Class::Speech, false, NONE),
    ("label", Class::Speech, true, NONE),
    ("dub", Class::Speech, false, NONE),
    ("brand", Class::Speech, true, NONE),
    ("term", Class::Speech, true, NONE),
    ("deem", Class::Speech, false, NONE),
    ("characterize", Class::Speech, false, NONE),
    ("hail", Class::Speech, true, NONE),
    ("applaud", Class::Speech, false, NONE),
    ("welcome", Class::Speech, false, NONE),
    ("mock", Class::Speech, false, NONE),
    ("ridicule", Class::Speech, false, NONE),
    ("lash", Class::Speech, false, NONE),
    ("hammer", Class::Speech, false, NONE),
    ("grill", Class::Speech, false, NONE),
    ("scold", Class::Speech, false, NONE),
    ("chide", Class::Speech, false, NONE),
    ("rebuke", Class::Speech, false, NONE),
    ("denounce", Class::Speech, false, NONE),
    ("decry", Class::Speech, false, NONE),
    ("deride", Class::Speech, false, NONE),
    ("dispute", Class::Speech, false, NONE),
    ("challenge", Class::Speech, false, NONE),
    ("refute", Class::Speech, false, NONE),
    (
        "rebut",
        Class::Speech,
        false,
        ["rebuts", "rebutted", "rebutted", "rebutting"],
    ),
    ("contradict", Class::Speech, false, NONE),
    ("object", Class::Speech, false, NONE),
    ("protest", Class::Speech, true, NONE),
    ("plead", Class::Speech, false, NONE),
    ("beg", Class::Speech, false, NONE),
    ("request", Class::Speech, true, NONE),
    ("invite", Class::Speech, false, NONE),
    ("implore", Class::Speech, false, NONE),
    ("lobby", Class::Speech, false, NONE),
    ("promote", Class::Speech, false, NONE),
    ("champion", Class::Speech, false, NONE),
    ("embrace", Class::Speech, false, NONE),
    ("apologize", Class::Speech, false, NONE),
    ("apologise", Class::Speech, false, NONE),
    ("thank", Class::Speech, false, NONE),
    ("congratulate", Class::Speech, false, NONE),
    ("guarantee", Class::Speech, false, NONE),
    ("reassure", Class::Speech, false, NONE),
    ("forecast", Class::Speech, false, NONE),
    ("calculate", Class::Speech, false, NONE),
    ("reckon", Class::Speech, false, NONE),
    ("bet", Class::Speech, true, ["bets", "bet", "bet", "betting"]),
    ("muse", Class::Speech, false, NONE),
    ("ponder", Class::Speech, false, NONE),
    ("inquire", Class::Speech, false, NONE),
    ("query", Class::Speech, false, NONE),
    ("instruct", Class::Speech, false, NONE),
    ("alert", Class::Speech, true, NONE),
    ("notify", Class::Speech, false, NONE),
    ("counsel", Class::Speech, true, NONE),
    (
        "submit",
        Class::Speech,
        false,
        ["submits", "submitted", "submitted", "submitting"],
    ),
    ("reference", Class::Speech, true, NONE),
    ("quote", Class::Speech, true, NONE),
    ("detail", Class::Speech, true, NONE),
    ("outline", Class::Speech, true, NONE),
    ("clarify", Class::Speech, false, NONE),
    ("elaborate", Class::Speech, false, NONE),
    ("specify", Class::Speech, false, NONE),
    ("summarize", Class::Speech, false, NONE),
    ("highlight", Class::Speech, false, NONE),
    ("underscore", Class::Speech, false, NONE),
    ("retort", Class::Speech, false, NONE),
    ("shout", Class::Speech, true, NONE),
    ("yell", Class::Speech, true, NONE),
    ("scream", Class::Speech, true, NONE),
    ("exclaim", Class::Speech, false, NONE),
    ("affirm", Class::Speech, false, NONE),
    ("verify", Class::Speech, false, NONE),
    ("confess", Class::Speech, false, NONE),
    ("divulge", Class::Speech, false, NONE),
    ("publish", Class::Speech, false, NONE),
    ("blog", Class::Speech, false, NONE),
    ("attest", Class::Speech, false, NONE),
    ("certify", Class::Speech, false, NONE),
    ("fault", Class::Speech, true, NONE),
    ("bash", Class::Speech, true, NONE),
    ("knock", Class::Speech, true, NONE),
    (
        "pan",
        Class::Speech,
        true,
        ["pans", "panned", "panned", "panning"],
    ),
    ("trash", Class::Speech, true, NONE),
    ("downplay", Class::Speech, false, NONE),
    ("minimize", Class::Speech, false, NONE),
    ("justify", Class::Speech, false, NONE),
    ("commend", Class::Speech, false, NONE),
    ("laud", Class::Speech, false, NONE),
    ("compliment", Class::Speech, false, NONE),
    ("credit", Class::Speech, false, NONE),
    ("reason", Class::Speech, true, NONE),
    ("posit", Class::Speech, false, NONE),
    ("theorize", Class::Speech, false, NONE),
    ("surmise", Class::Speech, false, NONE),
    (
        "infer",
        Class::Speech,
        false,
        ["infers", "inferred", "inferred", "inferring"],
    ),
    ("imply", Class::Speech, false, NONE),
    ("demonstrate", Class::Speech, false, NONE),
    ("discover", Class::Speech, false, NONE),
    ("determine", Class::Speech, false, NONE),
    ("disagree", Class::Speech, false, NONE),
    (
        "concur",
        Class::Speech,
        false,
        ["concurs", "concurred", "concurred", "concurring"],
    ),
    ("dissent", Class::Speech, false, NONE),
    ("grumble", Class::Speech, false, NONE),
    ("mourn", Class::Speech, true, NONE),
    (
        "regret",
        Class::Speech,
        true,
        ["regrets", "regretted", "regretted", "regretting"],
    ),
    ("bemoan", Class::Speech, false, NONE),
    ("lambaste", Class::Speech, false, NONE),
    ("berate", Class::Speech, false, NONE),
    ("assail", Class::Speech, false, NONE),
    (
        "rip",
        Class::Speech,
        true,
        ["rips", "ripped", "ripped", "ripping"],
    ),
    ("dislike", Class::Belief, false, NONE),
    ("resist", Class::Belief, false, NONE),
    ("aim", Class::Belief, false, NONE),
    ("anticipate", Class::Belief, false, NONE),
    ("appear", Class::Belief, false, NONE),
];

/// Regular inflections of a lemma: third person, past, `-ing`.
fn regular_forms(lemma: &str) -> [String; 3] {
    let consonant_y = lemma.ends_with('y')
        && !lemma
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'));
    let stem_y = lemma.strip_suffix('y').unwrap_or(lemma);
    let third = if consonant_y {
        format!("{stem_y}ies")
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    let past = if consonant_y {
        format!("{stem_y}ied")
    } else if lemma.ends_with('e') {
        format!("{lemma}d")
    } else {
        format!("{lemma}ed")
    };
    let ing = if lemma.ends_with('e') && !lemma.ends_with("ee") {
        format!("{}ing", lemma.strip_suffix('e').unwrap_or(lemma))
    } else {
        format!("{lemma}ing")
    };
    [third, past, ing]
}

static CUES: LazyLock<HashMap<String, Cue>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for &(lemma, class, noun, irregular) in LEMMAS {
        let [third, past, ing] = if irregular[0].is_empty() {
            regular_forms(lemma)
        } else {
            [
                irregular[0].to_owned(),
                irregular[1].to_owned(),
                irregular[3].to_owned(),
            ]
        };
        let mut forms = vec![
            (lemma.to_owned(), Form::Base),
            (third, Form::Third),
            (past, Form::Past),
            (ing, Form::Ing),
        ];
        if !irregular[2].is_empty() && irregular[2] != irregular[1] {
            forms.push((irregular[2].to_owned(), Form::Past));
        }
        for (word, form) in forms {
            map.entry(word).or_insert(Cue { class, form, noun });
        }
    }
    map
});

/// The cue a lower-cased word is, if any.
pub fn cue(lower: &str) -> Option<Cue> {
    CUES.get(lower).copied()
}

/// Adjectives of belief and feeling that take a complement after "be" ("afraid that").
pub fn is_stance_adjective(lower: &str) -> bool {
    matches!(
        lower,
        "afraid"
            | "worried"
            | "concerned"
            | "convinced"
            | "confident"
            | "sure"
            | "certain"
            | "hopeful"
            | "skeptical"
            | "sceptical"
            | "optimistic"
            | "pessimistic"
            | "aware"
            | "eager"
            | "determined"
            | "adamant"
            | "unsure"
            | "uncertain"
            | "doubtful"
            | "opposed"
            | "committed"
            | "willing"
            | "unwilling"
            | "reluctant"
            | "frustrated"
            | "angry"
            | "upset"
            | "furious"
            | "critical"
            | "supportive"
            | "bullish"
            | "bearish"
    )
}

/// Personal and relative pronouns that can be a source on their own.
pub fn is_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "who" | "which"
    )
}

/// Determiners, possessives and quantifiers that start a noun phrase.
pub fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "some"
            | "many"
            | "most"
            | "several"
            | "all"
            | "both"
            | "other"
            | "another"
            | "each"
            | "every"
            | "any"
            | "no"
            | "few"
            | "more"
            | "such"
    )
}

/// Prepositions: a cue word right after one is a noun ("of his plans").
pub fn is_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "by"
            | "about"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "against"
            | "between"
            | "among"
            | "through"
            | "during"
            | "without"
            | "within"
            | "toward"
            | "towards"
            | "upon"
            | "across"
            | "after"
            | "before"
            | "amid"
            | "despite"
            | "like"
            | "than"
            | "per"
            | "via"
            | "behind"
            | "beyond"
            | "near"
            | "since"
            | "until"
    )
}

/// Auxiliaries, modals and adverbs that may stand between a subject and its cue.
pub fn is_aux_or_adverb(lower: &str) -> bool {
    matches!(
        lower,
        "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "also"
            | "previously"
            | "later"
            | "repeatedly"
            | "recently"
            | "then"
            | "once"
            | "would"
            | "will"
            | "could"
            | "may"
            | "might"
            | "can"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "not"
            | "never"
            | "reportedly"
            | "publicly"
            | "privately"
            | "again"
            | "still"
            | "already"
            | "first"
            | "further"
            | "often"
            | "frequently"
            | "long"
            | "explicitly"
            | "openly"
            | "flatly"
            | "simply"
            | "just"
            | "even"
            | "now"
            | "initially"
            | "earlier"
            | "originally"
            | "always"
            | "actually"
            | "clearly"
            | "only"
            | "too"
            | "ever"
            | "strongly"
            | "firmly"
            | "apparently"
            | "allegedly"
            | "indeed"
            | "really"
            | "generally"
            | "largely"
            | "finally"
            | "quickly"
            | "immediately"
            | "personally"
            | "directly"
            | "specifically"
            | "widely"
            | "falsely"
            | "wrongly"
            | "correctly"
            | "rightly"
            | "mistakenly"
            | "vehemently"
            | "angrily"
            | "quietly"
            | "loudly"
            | "bluntly"
            | "frankly"
            | "candidly"
            | "seemingly"
            | "doesn't"
            | "didn't"
            | "don't"
            | "doesn’t"
            | "didn’t"
            | "don’t"
            | "hasn't"
            | "hasn’t"
            | "haven't"
            | "haven’t"
            | "won't"
            | "won’t"
            | "wouldn't"
            | "wouldn’t"
            | "isn't"
            | "isn’t"
            | "wasn't"
            | "wasn’t"
            | "cannot"
            | "can't"
            | "can’t"
            | "continue"
            | "continues"
            | "continued"
            | "seem"
            | "seems"
            | "seemed"
    )
}

/// Words that end a subject noun phrase when walking back from a cue: conjunctions,
/// complementisers and words that start a clause.
pub fn is_clause_word(lower: &str) -> bool {
    matches!(
        lower,
        "that"
            | "when"
            | "while"
            | "if"
            | "because"
            | "as"
            | "but"
            | "or"
            | "so"
            | "although"
            | "though"
            | "where"
            | "whether"
            | "whom"
            | "whose"
            | "why"
            | "how"
            | "what"
            | "unless"
            | "and"
            | "nor"
            | "yet"
            | "than"
            | "once"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "not"
            | "whereas"
            | "however"
            | "meanwhile"
            | "instead"
            | "since"
            | "even"
            | "said"
            | "says"
            | "told"
            | "there"
    )
}

/// Words of time that may follow a cue before its content ("said Monday that …").
pub fn is_time_word(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "recently"
            | "earlier"
            | "later"
            | "previously"
            | "again"
            | "also"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "month"
            | "year"
            | "weekend"
            | "then"
            | "last"
            | "this"
            | "on"
            | "late"
            | "early"
            | "at"
            | "the"
            | "time"
            | "once"
            | "frequently"
            | "often"
            | "flatly"
            | "bluntly"
            | "simply"
            | "openly"
            | "explicitly"
            | "directly"
            | "firmly"
            | "strongly"
            | "angrily"
    )
}

/// Title words that precede a person's name ("President", "Sen.").
pub fn is_title(lower: &str) -> bool {
    matches!(
        lower,
        "president"
            | "prime"
            | "minister"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "gov"
            | "governor"
            | "secretary"
            | "chancellor"
            | "judge"
            | "general"
            | "gen"
            | "king"
            | "queen"
            | "pope"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "chairman"
            | "chairwoman"
            | "director"
            | "ambassador"
            | "mayor"
            | "vice"
            | "former"
            | "sir"
            | "lord"
            | "lady"
            | "speaker"
            | "leader"
            | "candidate"
            | "nominee"
            | "attorney"
            | "justice"
            | "officer"
            | "chief"
            | "deputy"
            | "adviser"
            | "advisor"
            | "aide"
            | "manager"
            | "democrat"
            | "republican"
            | "democratic"
            | "gop"
            | "presidential"
            | "u.s"
            | "us"
            | "state"
            | "foreign"
            | "national"
            | "security"
            | "defence"
            | "defense"
            | "white"
            | "house"
            | "press"
            | "campaign"
            | "russian"
            | "ukrainian"
            | "russia’s"
            | "russia's"
    )
}

/// Words that mark a named source as an organisation rather than a person.
pub fn is_organization_word(lower: &str) -> bool {
    matches!(
        lower,
        "kremlin"
            | "ministry"
            | "party"
            | "committee"
            | "department"
            | "office"
            | "agency"
            | "airlines"
            | "airline"
            | "times"
            | "post"
            | "news"
            | "council"
            | "court"
            | "house"
            | "government"
            | "campaign"
            | "commission"
            | "administration"
            | "association"
            | "union"
            | "institute"
            | "university"
            | "company"
            | "inc"
            | "corp"
            | "group"
            | "network"
            | "board"
            | "bureau"
            | "service"
            | "police"
            | "army"
            | "force"
            | "forces"
            | "senate"
            | "congress"
            | "reuters"
            | "cnn"
            | "press"
            | "journal"
            | "foundation"
            | "center"
            | "centre"
            | "organization"
            | "fbi"
            | "cia"
            | "nato"
            | "un"
            | "eu"
            | "pentagon"
            | "state"
            | "poll"
            | "survey"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_generated() {
        assert_eq!(cue("said").map(|c| c.form), Some(Form::Past));
        assert_eq!(cue("denies").map(|c| c.form), Some(Form::Third));
        assert_eq!(cue("denied").map(|c| c.form), Some(Form::Past));
        assert_eq!(cue("arguing").map(|c| c.form), Some(Form::Ing));
        assert_eq!(cue("planned").map(|c| c.form), Some(Form::Past));
        assert_eq!(cue("worries").map(|c| c.form), Some(Form::Third));
        assert_eq!(cue("stresses").map(|c| c.form), Some(Form::Third));
        assert_eq!(cue("told").map(|c| c.class), Some(Class::Tell));
        assert!(cue("plans").is_some_and(|c| c.noun));
        assert_eq!(cue("table"), None);
    }
}
