//! Names: a sentence's tokens → people, places, organizations, codes and role holders;
//! then, across an event, one kind per name and one canonical form per person.
//!
//! Consumes the tokens of one sentence and a [`Lexicon`] of words seen in lower case;
//! produces [`Found`]s. A name is a run of capitalised words (with "of" and name particles
//! inside, a possessive "’s" ending it); a sentence-initial word counts only when it is
//! never written in lower case. Leading titles ("President", "Kremlin"-free "spokesperson
//! John Kirby") are dropped and mark a person; organization words ("Airlines", "Office",
//! "Kremlin", "Reuters") an organization; a small gazetteer, place words ("Sea",
//! "Airport") and place prepositions ("in", "near") a place; two or more plain words
//! default to a person. Codes are flight numbers and designations ("J2-8243", "Pantsir-S",
//! "Embraer 190"). Role holders are whose air defence it was ("Ukrainian defences").
//!
//! Across an event ([`resolve_kinds`]): a lone surname becomes the one full name that ends
//! with it ("Putin" → "Vladimir Putin"), and each name takes the kind its mentions vote for.
//! [`merge_people`] joins near-spellings ("Volodymr" / "Volodymyr", Jaro-Winkler from
//! `strsim`) and keeps the other spellings as variants.
//!
//! Weak spots: no gazetteer beyond a few dozen countries and cities, so a single unknown
//! word is only a "name"; headline-case text yields long bogus runs; a name split by an
//! "and" ("Minister of Digital Development and Transport Rashad Nabiyev") keeps only its
//! last two words as the person.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::{Class, Found, Kind, Located, Token, Value};
use crate::analysis::static_regex;
use crate::model::Article;
use crate::span::Span;

/// Words seen in lower case anywhere in the articles: a capitalised sentence-initial
/// "Survivors" is such a word, "Putin" is not.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    lower: HashSet<String>,
}

impl Lexicon {
    /// Collects the lower-case words of every article.
    #[must_use]
    pub fn build(articles: &[Article]) -> Self {
        let mut lower: HashSet<String> = HashSet::default();
        for article in articles {
            let words = article
                .text
                .split(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '-')));
            for word in words {
                if word.chars().next().is_some_and(char::is_lowercase) && !lower.contains(word) {
                    lower.insert(word.to_owned());
                }
            }
        }
        Self { lower }
    }

    /// True when `word` (any case) was seen written in lower case.
    #[must_use]
    pub fn is_common(&self, word: &str) -> bool {
        self.lower.contains(&word.to_lowercase())
    }
}

const TITLES: &[&str] = &[
    "president",
    "minister",
    "prime",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen",
    "sen.",
    "rep",
    "rep.",
    "representative",
    "governor",
    "gov",
    "gov.",
    "mayor",
    "general",
    "gen",
    "gen.",
    "colonel",
    "col",
    "lt",
    "captain",
    "dr",
    "dr.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "judge",
    "justice",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "leader",
    "chief",
    "ambassador",
    "premier",
    "sheikh",
    "emir",
    "speaker",
    "vice",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "commander",
    "director",
    "officer",
    "candidate",
    "sir",
    "dame",
    "lord",
    "lady",
    "archbishop",
    "bishop",
    "attorney",
    "chairman",
    "chairwoman",
    "ceo",
    "analyst",
    "prosecutor",
];

const ORG_WORDS: &[&str] = &[
    "airlines",
    "airways",
    "airline",
    "office",
    "ministry",
    "kremlin",
    "reuters",
    "cnn",
    "bbc",
    "afp",
    "ap",
    "getty",
    "images",
    "network",
    "party",
    "committee",
    "agency",
    "university",
    "inc",
    "corp",
    "ltd",
    "bank",
    "council",
    "court",
    "police",
    "army",
    "navy",
    "forces",
    "department",
    "company",
    "group",
    "news",
    "tv",
    "times",
    "post",
    "journal",
    "congress",
    "senate",
    "parliament",
    "commission",
    "association",
    "union",
    "institute",
    "foundation",
    "service",
    "services",
    "guard",
    "organization",
    "organisation",
    "un",
    "nato",
    "eu",
    "fbi",
    "cia",
    "pentagon",
    "fox",
    "msnbc",
    "breitbart",
    "star",
    "daily",
    "club",
    "church",
    "house",
    "federation",
    "board",
    "bureau",
    "campaign",
    "coalition",
    "administration",
    "court",
    "tass",
    "interfax",
    "ria",
    "anadolu",
];

/// Organizations known by one word.
const KNOWN_ORGS: &[&str] = &[
    "kremlin",
    "reuters",
    "cnn",
    "bbc",
    "afp",
    "ap",
    "nato",
    "un",
    "eu",
    "fbi",
    "cia",
    "pentagon",
    "congress",
    "senate",
    "parliament",
    "tass",
    "interfax",
    "msnbc",
    "breitbart",
    "fox",
    "gop",
    "hamas",
    "hezbollah",
    "google",
    "facebook",
    "twitter",
    "apple",
    "microsoft",
    "amazon",
];

const PLACE_WORDS: &[&str] = &[
    "sea",
    "ocean",
    "river",
    "city",
    "airport",
    "region",
    "province",
    "island",
    "islands",
    "mountains",
    "valley",
    "street",
    "square",
    "county",
    "bay",
    "gulf",
    "lake",
    "strait",
    "state",
    "republic",
    "kingdom",
    "oblast",
    "district",
];

const PLACES: &[&str] = &[
    "russia",
    "ukraine",
    "azerbaijan",
    "kazakhstan",
    "chechnya",
    "georgia",
    "armenia",
    "belarus",
    "kyrgyzstan",
    "uzbekistan",
    "turkmenistan",
    "tajikistan",
    "turkey",
    "iran",
    "iraq",
    "syria",
    "israel",
    "gaza",
    "lebanon",
    "jordan",
    "egypt",
    "saudi arabia",
    "china",
    "japan",
    "india",
    "pakistan",
    "afghanistan",
    "brazil",
    "mexico",
    "canada",
    "france",
    "germany",
    "italy",
    "spain",
    "poland",
    "britain",
    "england",
    "scotland",
    "ireland",
    "europe",
    "asia",
    "africa",
    "america",
    "united states",
    "united kingdom",
    "us",
    "u.s",
    "uk",
    "moscow",
    "kyiv",
    "kiev",
    "baku",
    "grozny",
    "aktau",
    "washington",
    "london",
    "paris",
    "berlin",
    "beijing",
    "tehran",
    "ankara",
    "new york",
    "california",
    "texas",
    "florida",
    "iowa",
    "ohio",
    "virginia",
    "chicago",
    "caspian sea",
    "mozdok",
    "vladikavkaz",
    "astana",
    "almaty",
    "tbilisi",
    "yerevan",
    "minsk",
];

const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "to", "from", "at", "over", "across", "outside", "into", "towards", "toward", "inside",
    "of",
];

const MANUFACTURERS: &[&str] = &[
    "Embraer",
    "Boeing",
    "Airbus",
    "Bombardier",
    "ATR",
    "Sukhoi",
    "Antonov",
    "Tupolev",
    "Ilyushin",
    "Cessna",
    "Lockheed",
    "Tesla",
];

const NOT_NAMES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Christmas",
    "Day",
    "Eve",
    "I",
    "The",
    "A",
    "An",
    "Flight",
];

const PARTICLES: &[&str] = &[
    "al", "al-", "bin", "de", "van", "von", "da", "du", "le", "la", "el", "of",
];

const AIRCRAFT_NOUNS: &[&str] = &[
    "plane",
    "flight",
    "jet",
    "airliner",
    "aircraft",
    "passenger",
    "commercial",
    "crash",
];

static CODE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"^(?:[A-Z][A-Za-z0-9]{0,5}-[A-Z0-9]*\d[A-Z0-9]*|[A-Z][A-Za-z]{1,10}-[A-Z]{1,2}\d{0,3}|[A-Z]{1,3}\d{1,5}[A-Z]?|[A-Z]{1,2}\d[A-Z0-9]?-\d{2,5})$",
    )
});
static DIGIT_CODE: LazyLock<Regex> = LazyLock::new(|| static_regex(r"^[A-Z]?\d{2,5}(?:-\d{1,4})?[A-Z]?$"));

/// Flight numbers, aircraft types and designations in one sentence.
#[must_use]
pub fn find_codes(tokens: &[Token<'_>]) -> Vec<Found> {
    let mut found = Vec::new();
    for (idx, token) in tokens.iter().enumerate() {
        // Every code has a digit or a hyphen: skip the regexes for plain words.
        if !token.text.bytes().any(|b| b.is_ascii_digit() || b == b'-') {
            continue;
        }
        let previous = idx.checked_sub(1).and_then(|i| tokens.get(i));
        let after_flight = previous.is_some_and(|p| p.is(&["flight"]));
        let maker = previous.filter(|p| MANUFACTURERS.contains(&p.text));
        let (key, span, value) = if let Some(maker) = maker.filter(|_| DIGIT_CODE.is_match(token.text)) {
            (
                "aircraft",
                Span::new(maker.span.start, token.span.end),
                format!("{} {}", maker.text, token.text),
            )
        } else if CODE.is_match(token.text) && token.text.chars().any(|c| c.is_ascii_digit() || c == '-') {
            let key = if after_flight { "flight" } else { "designation" };
            (key, token.span, token.text.to_uppercase())
        } else if after_flight && DIGIT_CODE.is_match(token.text) {
            ("flight", token.span, token.text.to_uppercase())
        } else {
            continue;
        };
        found.push(Found {
            kind: Kind::Code,
            key: key.into(),
            value: Value::Text(value),
            span,
            slot: false,
            strength: 1,
        });
    }
    found
}

fn bare(text: &str) -> &str {
    text.strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text)
}

fn possessive(text: &str) -> bool {
    text.ends_with("’s") || text.ends_with("'s")
}

/// True when the word (without a possessive) is in `list`, ignoring ASCII case. Runs on
/// every capitalised token, so the common case compares through a stack buffer and a
/// length check before any string comparison.
fn lower_in(text: &str, list: &[&str]) -> bool {
    let word = bare(text);
    let mut buf = [0u8; 24];
    match buf.get_mut(..word.len()) {
        Some(slot) => {
            slot.copy_from_slice(word.as_bytes());
            slot.make_ascii_lowercase();
            list.iter()
                .any(|w| w.len() == slot.len() && w.as_bytes() == &*slot)
        }
        None => false,
    }
}

/// True for a word that can be part of a name at this position.
fn name_token(tokens: &[Token<'_>], idx: usize, lexicon: &Lexicon, taken: &[Span]) -> bool {
    let Some(token) = tokens.get(idx) else {
        return false;
    };
    if !token.word || !token.capitalized() || taken.iter().any(|t| t.overlaps(token.span)) {
        return false;
    }
    if NOT_NAMES.contains(&bare(token.text)) {
        return false;
    }
    let letters = token.text.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 5
        && token
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false; // "BREAKING"
    }
    if !token.text.chars().any(char::is_alphabetic) {
        return false;
    }
    let initial = idx == 0
        || tokens
            .get(idx - 1)
            .is_some_and(|p| !p.word && !matches!(p.text, "," | "(" | "–" | "—" | "-"));
    if initial && lexicon.is_common(bare(token.text)) && !lower_in(token.text, TITLES) {
        return false;
    }
    true
}

/// People, places, organizations and other names in one sentence.
#[must_use]
pub fn find_entities(tokens: &[Token<'_>], lexicon: &Lexicon, taken: &[Span]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut idx = 0;
    while idx < tokens.len() {
        if !name_token(tokens, idx, lexicon, taken) {
            idx += 1;
            continue;
        }
        let start = idx;
        let mut end = idx + 1;
        let mut has_of = false;
        loop {
            let last = tokens.get(end - 1);
            // A possessive ends a name unless an organization word follows ("Prosecutor
            // General’s Office"); an airline word ends it ("Kazakhstan Airlines Flight").
            let org_follows = tokens
                .get(end)
                .is_some_and(|t| t.capitalized() && lower_in(t.text, ORG_WORDS));
            if last.is_some_and(|t| possessive(t.text)) && !org_follows
                || last.is_some_and(|t| lower_in(t.text, &["airlines", "airways", "airline"]))
            {
                break;
            }
            if name_token(tokens, end, lexicon, taken) {
                end += 1;
            } else if tokens
                .get(end)
                .is_some_and(|t| t.is(PARTICLES) || (has_of && t.is(&["and"])))
                && name_token(tokens, end + 1, lexicon, taken)
            {
                has_of |= tokens.get(end).is_some_and(|t| t.is(&["of"]));
                end += 2;
            } else {
                break;
            }
        }
        if let Some(item) = classify(tokens, start, end) {
            found.push(item);
        }
        idx = end;
    }
    found
}

/// Classifies the name run `start..end`, dropping leading demonyms and titles.
fn classify(tokens: &[Token<'_>], start: usize, end: usize) -> Option<Found> {
    let run = tokens.get(start..end)?;
    let before = start.checked_sub(1).and_then(|i| tokens.get(i));
    let before2 = start.checked_sub(2).and_then(|i| tokens.get(i));
    let mut first = 0;
    let mut titled = before.is_some_and(|b| !b.capitalized() && lower_in(b.text, TITLES));
    // A demonym right before a title: "Russian President Vladimir Putin".
    if run.len() > 2
        && demonym(run.first()?.text).is_some()
        && run.get(1).is_some_and(|t| lower_in(t.text, TITLES))
    {
        first = 1;
    }
    while run.get(first).is_some_and(|t| lower_in(t.text, TITLES)) && first + 1 < run.len() {
        titled = true;
        first += 1;
    }
    let mut name_tokens = run.get(first..)?;
    if titled && name_tokens.iter().any(|t| t.is(&["of"])) {
        // "Minister of Digital Development and Transport Rashad Nabiyev": the person is
        // the last two words.
        name_tokens = name_tokens.get(name_tokens.len().saturating_sub(2)..)?;
    }
    let head = name_tokens.first()?;
    let tail = name_tokens.last()?;
    let text: Vec<&str> = name_tokens.iter().map(|t| bare(t.text)).collect();
    let name = text.join(" ");
    let lower = name.to_lowercase();
    if name_tokens.iter().all(|t| lower_in(t.text, TITLES))
        || (name_tokens.len() == 1 && demonym(head.text).is_some_and(|c| c != bare(head.text)))
    {
        return None;
    }
    let span = Span::new(
        head.span.start,
        tail.span.end - (tail.text.len() - bare(tail.text).len()),
    );
    let org = if name_tokens.len() == 1 {
        lower_in(head.text, KNOWN_ORGS)
    } else {
        name_tokens.iter().any(|t| lower_in(t.text, ORG_WORDS))
    };
    let airline = name_tokens
        .last()
        .is_some_and(|t| lower_in(t.text, &["airlines", "airways", "airline"]));
    let place_word = name_tokens.last().is_some_and(|t| lower_in(t.text, PLACE_WORDS));
    let known_place = PLACES.contains(&lower.as_str());
    let after_place_prep = before.is_some_and(|b| b.is(PLACE_PREPOSITIONS))
        && !before2.is_some_and(|b| b.is(&["one", "some", "many", "most", "all", "each", "both"]));
    let plain_words = name_tokens.len() >= 2
        && name_tokens.iter().all(|t| {
            t.text
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'' | '.'))
        });
    let (kind, strength) = if titled && !org {
        (Kind::Person, 3)
    } else if org {
        (Kind::Organization, 3)
    } else if known_place || place_word {
        (Kind::Place, 3)
    } else if after_place_prep && name_tokens.len() <= 2 {
        (Kind::Place, 1)
    } else if plain_words {
        (Kind::Person, 1)
    } else if start == 0 || tokens.get(start - 1).is_some_and(|t| !t.word) {
        // A lone unknown capitalised word opening a sentence or clause is more often an
        // ordinary word ("Upon", "Critics") than a name: kept only if the event knows it
        // as a name (a surname, or a place elsewhere); see `resolve_kinds`.
        return Some(Found {
            kind: Kind::Name,
            key: TENTATIVE.into(),
            value: Value::Text(name),
            span,
            slot: false,
            strength: 0,
        });
    } else {
        (Kind::Name, 0)
    };
    let slot = airline
        && tokens
            .get(end..end + 2)
            .is_some_and(|next| next.iter().any(|t| t.is(AIRCRAFT_NOUNS)));
    let key = if airline { "airline" } else { kind.name() };
    Some(Found {
        kind,
        key: key.into(),
        value: Value::Text(name),
        span,
        slot,
        strength,
    })
}

/// The country a demonym ("Russian", "Ukrainian", "US") stands for.
#[must_use]
pub fn demonym(word: &str) -> Option<&'static str> {
    Some(match bare(word) {
        "Russian" | "Russia" => "Russia",
        "Ukrainian" | "Ukraine" => "Ukraine",
        "Azerbaijani" | "Azeri" | "Azerbaijan" => "Azerbaijan",
        "Kazakh" | "Kazakhstani" | "Kazakhstan" => "Kazakhstan",
        "American" | "US" | "U.S." | "U.S" => "United States",
        "Israeli" | "Israel" => "Israel",
        "Iranian" | "Iran" => "Iran",
        "Syrian" | "Syria" => "Syria",
        "Turkish" | "Turkey" => "Turkey",
        "Chinese" | "China" => "China",
        "British" | "Britain" => "United Kingdom",
        "French" | "France" => "France",
        "German" | "Germany" => "Germany",
        "Georgian" | "Georgia" => "Georgia",
        "Belarusian" | "Belarus" => "Belarus",
        "Polish" | "Poland" => "Poland",
        "Chechen" | "Chechnya" => "Chechnya",
        "Armenian" | "Armenia" => "Armenia",
        "Iraqi" | "Iraq" => "Iraq",
        "Lebanese" | "Lebanon" => "Lebanon",
        "Saudi" => "Saudi Arabia",
        "Indian" | "India" => "India",
        "Pakistani" | "Pakistan" => "Pakistan",
        _ => return None,
    })
}

static DEFENCE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"\b(?P<who>[A-Z][A-Za-z.]+(?:['’]s)?)\s+(?:(?:own|military|air|anti-aircraft|missile)\s+){0,2}(?P<what>defen[cs]es?)\b(?:\s+(?P<next>\w+))?",
    )
});

/// Words after "defence" that make it an adjective of someone else ("US defence officials").
const DEFENCE_NOT_OWNER: &[&str] = &[
    "officials",
    "official",
    "ministry",
    "minister",
    "secretary",
    "department",
    "chief",
    "chiefs",
    "spokesman",
    "spokesperson",
    "sources",
    "analysts",
    "experts",
    "budget",
    "spending",
    "policy",
    "correspondent",
    "editor",
    "contractor",
    "contractors",
    "industry",
    "firm",
    "company",
];

/// Role holders in one sentence: whose air defence ("Ukrainian defences", "Russian air
/// defence systems") — a slot with one owner per event.
#[must_use]
pub fn find_roles(text: &str, sentence: Span) -> Vec<Found> {
    let Some(slice) = sentence.text(text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    if !slice.contains("efen") {
        return found;
    }
    for caps in DEFENCE.captures_iter(slice) {
        let (Some(who), Some(what)) = (caps.name("who"), caps.name("what")) else {
            continue;
        };
        if caps
            .name("next")
            .is_some_and(|n| DEFENCE_NOT_OWNER.contains(&n.as_str().to_lowercase().as_str()))
        {
            continue;
        }
        let Some(country) = demonym(who.as_str()) else {
            continue;
        };
        found.push(Found {
            kind: Kind::Role,
            key: "air defence".into(),
            value: Value::Text(country.to_owned()),
            span: Span::new(sentence.start + who.start(), sentence.start + what.end()),
            slot: true,
            strength: 1,
        });
    }
    found
}

/// The key of a sentence-initial word that is a name only if the event confirms it.
pub const TENTATIVE: &str = "tentative";

fn is_entity(kind: Kind) -> bool {
    matches!(kind, Kind::Person | Kind::Place | Kind::Organization | Kind::Name)
}

/// Across each event: maps a lone surname to the one full name ending with it, then gives
/// every name the kind its mentions vote for (strong evidence outweighs weak). Tentative
/// sentence-initial words that nothing confirms keep the key [`TENTATIVE`] and are dropped
/// by the caller.
pub fn resolve_kinds(located: &mut [Located], events: &[usize]) {
    let event_of = |l: &Located| events.get(l.article.0).copied().unwrap_or(0);
    // Full names by (event, lower-case surname).
    let mut full: HashMap<(usize, String), HashSet<String>> = HashMap::default();
    for item in located.iter().filter(|l| l.found.kind == Kind::Person) {
        if let Value::Text(name) = &item.found.value
            && let Some((_, last)) = name.rsplit_once(' ')
        {
            full.entry((event_of(item), last.to_lowercase()))
                .or_default()
                .insert(name.clone());
        }
    }
    for item in located.iter_mut().filter(|l| is_entity(l.found.kind)) {
        let Value::Text(name) = &item.found.value else {
            continue;
        };
        if name.contains(' ') {
            continue;
        }
        let candidates = full.get(&(
            events.get(item.article.0).copied().unwrap_or(0),
            name.to_lowercase(),
        ));
        if let Some(names) = candidates.filter(|n| n.len() == 1)
            && let Some(only) = names.iter().next()
        {
            item.found.value = Value::Text(only.clone());
            item.found.kind = Kind::Person;
            item.found.strength = item.found.strength.max(2);
        }
    }
    // Votes per (event, name): [person, place, organization, name].
    let mut votes: HashMap<(usize, String), [u32; 4]> = HashMap::default();
    for item in located.iter().filter(|l| is_entity(l.found.kind)) {
        let Value::Text(name) = &item.found.value else {
            continue;
        };
        let slot = match item.found.kind {
            Kind::Person => 0,
            Kind::Place => 1,
            Kind::Organization => 2,
            _ => 3,
        };
        let entry = votes.entry((event_of(item), name.to_lowercase())).or_default();
        if let Some(v) = entry.get_mut(slot) {
            *v += u32::from(item.found.strength);
        }
    }
    for item in located.iter_mut().filter(|l| is_entity(l.found.kind)) {
        let Value::Text(name) = &item.found.value else {
            continue;
        };
        let event = events.get(item.article.0).copied().unwrap_or(0);
        let Some(tally) = votes.get(&(event, name.to_lowercase())) else {
            continue;
        };
        // Ties go to organization, then place, then person.
        let order = [(2, Kind::Organization), (1, Kind::Place), (0, Kind::Person)];
        let best = order
            .iter()
            .filter(|(i, _)| tally.get(*i).copied().unwrap_or(0) > 0)
            .max_by_key(|(i, _)| tally.get(*i).copied().unwrap_or(0));
        let kind = best.map_or(Kind::Name, |(_, k)| *k);
        item.found.kind = kind;
        if kind == Kind::Name && item.found.key == TENTATIVE {
            continue; // dropped by the caller
        }
        if item.found.key != "airline" {
            kind.name().clone_into(&mut item.found.key);
        }
    }
}

/// True when two names are near-spellings of each other: the same number of words, at
/// least one identical, and every other pair close (Jaro-Winkler ≥ 0.9, from `strsim`).
#[must_use]
pub fn near_spelling(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return false;
    }
    let wa: Vec<String> = a.split_whitespace().map(str::to_lowercase).collect();
    let wb: Vec<String> = b.split_whitespace().map(str::to_lowercase).collect();
    near_words(&wa, &wb)
}

/// [`near_spelling`] on names already split into lower-case words.
fn near_words(wa: &[String], wb: &[String]) -> bool {
    if wa.len() != wb.len() || wa.is_empty() || wa == wb {
        return false;
    }
    let identical = wa.iter().zip(wb).filter(|(x, y)| x == y).count();
    let close = wa
        .iter()
        .zip(wb)
        .all(|(x, y)| x == y || (x.chars().count() >= 4 && strsim::jaro_winkler(x, y) >= 0.9));
    close && (identical >= 1 || wa.len() == 1)
}

/// Merges the people of one event: identical names, then near-spellings (the commonest
/// spelling is the value, the others are kept as variants). Candidates share a word at
/// the same position (or, for one-word names, their first letter and about their length),
/// so the work stays near-linear in the number of names.
#[must_use]
pub fn merge_people(values: &[&Value]) -> Vec<Class> {
    let mut classes = super::merge_exact(values);
    classes.sort_by_key(|c| std::cmp::Reverse(c.members.len()));
    let names: Vec<Vec<String>> = classes
        .iter()
        .map(|c| {
            c.value
                .display()
                .split_whitespace()
                .map(str::to_lowercase)
                .collect()
        })
        .collect();
    // Index: (word count, position, word) for multi-word names; (1, first char, length)
    // for one-word names.
    let mut index: HashMap<(usize, usize, String), Vec<usize>> = HashMap::default();
    for (idx, words) in names.iter().enumerate() {
        if words.len() == 1 {
            let first: String = words
                .first()
                .map(|w| w.chars().take(1).collect())
                .unwrap_or_default();
            let len = words.first().map_or(0, |w| w.chars().count());
            index.entry((1, len / 3, first)).or_default().push(idx);
        } else {
            for (pos, word) in words.iter().enumerate() {
                index
                    .entry((words.len(), pos, word.clone()))
                    .or_default()
                    .push(idx);
            }
        }
    }
    let mut target: Vec<usize> = (0..classes.len()).collect();
    let mut buckets: Vec<_> = index.into_values().filter(|b| b.len() > 1).collect();
    buckets.sort();
    for bucket in buckets {
        // A very common word ("John") makes a big bucket; near-spellings are rare, so
        // compare only the first 64 names of it.
        let bucket: Vec<usize> = bucket.into_iter().take(64).collect();
        for (i, &a) in bucket.iter().enumerate() {
            if target.get(a) != Some(&a) {
                continue;
            }
            for &b in bucket.iter().skip(i + 1) {
                if target.get(b) != Some(&b) {
                    continue;
                }
                let (Some(na), Some(nb)) = (names.get(a), names.get(b)) else {
                    continue;
                };
                if near_words(na, nb)
                    && let Some(t) = target.get_mut(b)
                {
                    *t = a;
                }
            }
        }
    }
    let mut merged: Vec<Class> = Vec::new();
    let mut position: HashMap<usize, usize> = HashMap::default();
    for (idx, class) in classes.iter().enumerate() {
        let root = target.get(idx).copied().unwrap_or(idx);
        if root == idx {
            position.insert(idx, merged.len());
            merged.push(class.clone());
        }
    }
    for (idx, class) in classes.iter().enumerate() {
        let root = target.get(idx).copied().unwrap_or(idx);
        if root != idx
            && let Some(into) = position.get(&root).and_then(|&p| merged.get_mut(p))
        {
            into.members.extend(&class.members);
            into.variants.push(class.value.display());
        }
    }
    for class in &mut merged {
        class.members.sort_unstable();
    }
    merged
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::super::tokenize;
    use super::*;

    fn entities(text: &str) -> Vec<(&'static str, String, String)> {
        let lexicon = Lexicon::default();
        let tokens = tokenize(text, Span::new(0, text.len()));
        find_entities(&tokens, &lexicon, &[])
            .into_iter()
            .map(|f| {
                (
                    f.kind.name(),
                    f.value.display(),
                    f.span.text(text).unwrap_or("").to_owned(),
                )
            })
            .collect()
    }

    #[rstest]
    #[case::title_dropped("and President Vladimir Putin spoke.", "person", "Vladimir Putin")]
    #[case::demonym_title("Russian President Vladimir Putin spoke.", "person", "Vladimir Putin")]
    #[case::lower_title("He called president Ilham Aliyev today.", "person", "Ilham Aliyev")]
    #[case::possessive("He met Azerbaijan’s President Ilham Aliyev.", "place", "Azerbaijan")]
    #[case::airline("the Azerbaijan Airlines plane", "organization", "Azerbaijan Airlines")]
    #[case::org_word("sources at the Kremlin said", "organization", "Kremlin")]
    #[case::place_word("across the Caspian Sea", "place", "Caspian Sea")]
    #[case::preposition("it crashed near Aktau today", "place", "Aktau")]
    #[case::two_words("a call with Kassym-Jomart Tokayev today", "person", "Kassym-Jomart Tokayev")]
    #[case::long_title(
        "the Minister of Digital Development and Transport Rashad Nabiyev said",
        "person",
        "Rashad Nabiyev"
    )]
    fn name_cases(#[case] text: &str, #[case] kind: &str, #[case] value: &str) {
        let found = entities(text);
        assert!(
            found.iter().any(|(k, v, _)| *k == kind && v == value),
            "{text:?} gave {found:?}"
        );
    }

    #[test]
    fn airline_before_plane_is_a_slot() {
        let text = "when Kazakhstan Airlines Flight J2-8243 crashed";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let found = find_entities(&tokens, &Lexicon::default(), &[]);
        assert!(found.iter().any(|f| f.key == "airline" && f.slot));
    }

    #[rstest]
    #[case::flight("Flight J2-8243 came down", "flight", "J2-8243")]
    #[case::aircraft("The Embraer 190 aircraft left", "aircraft", "Embraer 190")]
    #[case::weapon("a Russian Pantsir-S air defense system", "designation", "PANTSIR-S")]
    fn code_cases(#[case] text: &str, #[case] key: &str, #[case] value: &str) {
        let tokens = tokenize(text, Span::new(0, text.len()));
        let found = find_codes(&tokens);
        assert!(
            found.iter().any(|f| f.key == key && f.value.display() == value),
            "{text:?} gave {found:?}"
        );
    }

    #[rstest]
    #[case::first_name("Volodymr Zelensky", "Volodymyr Zelensky", true)]
    #[case::surname("Zelensky", "Zelenskyy", true)]
    #[case::different("Vladimir Putin", "Ilham Aliyev", false)]
    #[case::same_first_other_last("Vladimir Putin", "Vladimir Zelensky", false)]
    fn near_spellings(#[case] a: &str, #[case] b: &str, #[case] near: bool) {
        assert_eq!(near_spelling(a, b), near);
    }

    #[test]
    fn near_spellings_merge_as_variants() {
        let a = Value::Text("Volodymyr Zelensky".into());
        let b = Value::Text("Volodymr Zelensky".into());
        let c = Value::Text("Vladimir Putin".into());
        let classes = merge_people(&[&a, &a, &b, &c]);
        assert_eq!(classes.len(), 2);
        let zelensky = classes
            .iter()
            .find(|c| c.value.display() == "Volodymyr Zelensky")
            .map(|c| c.variants.clone());
        assert_eq!(zelensky, Some(vec!["Volodymr Zelensky".to_owned()]));
    }

    #[test]
    fn defence_owner_is_a_role() {
        let text = "the incident was down to Ukrainian defences, while US defence officials said Russian air defence systems fired";
        let owners: Vec<String> = find_roles(text, Span::new(0, text.len()))
            .into_iter()
            .map(|f| f.value.display())
            .collect();
        assert_eq!(owners, ["Ukraine", "Russia"]);
    }
}
