//! The JSON export: the contract's shape (`shared/eval/CONTRACT.md`) limited to the
//! selection. Articles are kept whole, so offsets still point into their `text`; groups,
//! facts and conflicts are the selected ones; attributions are those the selection refers
//! to, renumbered, with each mention's `attribution` index updated to match. A `selected`
//! field records the original indices.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::Selection;
use crate::model::{Analysis, Mention};

/// The original indices of what was exported.
#[derive(Debug, Serialize)]
struct Selected<'a> {
    groups: Vec<&'a usize>,
    facts: Vec<&'a usize>,
    conflicts: Vec<&'a usize>,
}

#[derive(Debug, Serialize)]
struct Export<'a> {
    #[serde(flatten)]
    analysis: Analysis,
    selected: Selected<'a>,
}

/// Writes the JSON of `selection` to `out`, one line, newline-terminated.
pub fn write(analysis: &Analysis, selection: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let groups: Vec<_> = selection
        .groups
        .iter()
        .filter_map(|&i| analysis.groups.get(i).cloned())
        .collect();
    let mut facts: Vec<_> = selection
        .facts
        .iter()
        .filter_map(|&i| analysis.facts.get(i).cloned())
        .collect();
    let mut conflicts: Vec<_> = selection
        .conflicts
        .iter()
        .filter_map(|&i| analysis.conflicts.get(i).cloned())
        .collect();
    // Keep the attributions of the selected passages' sentences and of the selected
    // mentions, in their original order, and renumber.
    let mut keep: BTreeMap<usize, usize> = BTreeMap::new();
    for (idx, attribution) in analysis.attributions.iter().enumerate() {
        let in_group = groups.iter().any(|g| {
            g.members
                .iter()
                .any(|m| m.article == attribution.article && m.sentence == attribution.sentence)
        });
        if in_group {
            keep.insert(idx, 0);
        }
    }
    let mentions = facts.iter().flat_map(|f| f.mentions.iter()).chain(
        conflicts
            .iter()
            .flat_map(|c| c.claims.iter().flat_map(|cl| cl.mentions.iter())),
    );
    for mention in mentions {
        if let Some(idx) = mention.attribution.filter(|&i| i < analysis.attributions.len()) {
            keep.insert(idx, 0);
        }
    }
    for (new, old) in keep.values_mut().enumerate() {
        *old = new;
    }
    let renumber = |m: &mut Mention| m.attribution = m.attribution.and_then(|i| keep.get(&i).copied());
    for fact in &mut facts {
        fact.mentions.iter_mut().for_each(renumber);
    }
    for conflict in &mut conflicts {
        for claim in &mut conflict.claims {
            claim.mentions.iter_mut().for_each(renumber);
        }
    }
    let export = Export {
        analysis: Analysis {
            schema: analysis.schema,
            articles: analysis.articles.clone(),
            groups,
            attributions: keep
                .keys()
                .filter_map(|&i| analysis.attributions.get(i).cloned())
                .collect(),
            facts,
            conflicts,
        },
        selected: Selected {
            groups: selection
                .groups
                .iter()
                .filter(|&&i| i < analysis.groups.len())
                .collect(),
            facts: selection
                .facts
                .iter()
                .filter(|&&i| i < analysis.facts.len())
                .collect(),
            conflicts: selection
                .conflicts
                .iter()
                .filter(|&&i| i < analysis.conflicts.len())
                .collect(),
        },
    };
    write_escaped(&mut *out, &export)?;
    writeln!(out)
}

/// Writes `value` as JSON with every control character escaped as `\uXXXX`, C1 controls
/// and DEL included (`serde_json` escapes only C0), so JSON printed to a terminal never
/// carries an escape sequence. It parses back to exactly the same strings.
pub fn write_escaped(out: impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, EscapeControls);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// The compact formatter of `serde_json`, escaping the characters it leaves raw.
struct EscapeControls;

impl serde_json::ser::Formatter for EscapeControls {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                writer.write_all(fragment.get(start..at).unwrap_or("").as_bytes())?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = at + c.len_utf8();
            }
        }
        writer.write_all(fragment.get(start..).unwrap_or("").as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn limits_to_selection_and_renumbers_attributions() {
        let analysis = fixture::analysis();
        let selection = Selection {
            facts: [1].into(),
            ..Selection::default()
        };
        let text = crate::export::to_string(crate::export::Format::Json, &analysis, &selection);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["schema"], 1);
        assert_eq!(value["groups"].as_array().unwrap().len(), 0);
        assert_eq!(value["facts"].as_array().unwrap().len(), 1);
        assert_eq!(value["facts"][0]["key"], "killed");
        assert_eq!(value["facts"][0]["mentions"][0]["attribution"], 0);
        assert_eq!(value["attributions"].as_array().unwrap().len(), 1);
        assert_eq!(value["articles"].as_array().unwrap().len(), 3);
        assert_eq!(value["selected"]["facts"][0], 1);
        let back: Analysis = serde_json::from_value(value).unwrap();
        assert_eq!(back.conflicts.len(), 0);
    }

    #[test]
    fn control_characters_are_escaped_and_read_back() {
        let text = "C0 \u{1b}[31m, DEL \u{7f}, C1 \u{9b}31m \u{9d}0;t\u{9c}, separators \u{2028}, é 東";
        let mut out = Vec::new();
        write_escaped(&mut out, &text).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert!(!json.chars().any(char::is_control), "{json}");
        assert!(json.contains("\\u009b31m") && json.contains("é 東"), "{json}");
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
    }
}
