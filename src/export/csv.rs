//! The CSV export: one record per mention of each selected conflict claim and fact, so a
//! spreadsheet can sort and filter them. Passages are not part of it (use JSON for those).
//! Text fields go through [`printable`], so a cell never carries a control character.

use std::io::{self, Write};

use super::{Selection, agreement, said_by, source_name};
use crate::model::{Analysis, Mention, printable};

/// The header row.
const HEADER: [&str; 12] = [
    "record",
    "kind",
    "key",
    "value",
    "agreement",
    "article",
    "source",
    "sentence",
    "start",
    "end",
    "text",
    "said_by",
];

/// Writes the CSV of `selection`'s facts and conflicts to `out`.
pub fn write(analysis: &Analysis, selection: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = ::csv::Writer::from_writer(out);
    csv.write_record(HEADER)?;
    for conflict in selection
        .conflicts
        .iter()
        .filter_map(|&i| analysis.conflicts.get(i))
    {
        for claim in &conflict.claims {
            let agree = agreement(analysis, &claim.mentions);
            for mention in &claim.mentions {
                csv.write_record(record(
                    analysis,
                    ["conflict", &conflict.kind, &conflict.key, &claim.value, &agree],
                    mention,
                ))?;
            }
        }
    }
    for fact in selection.facts.iter().filter_map(|&i| analysis.facts.get(i)) {
        let agree = agreement(analysis, &fact.mentions);
        for mention in &fact.mentions {
            csv.write_record(record(
                analysis,
                ["fact", &fact.kind, &fact.key, &fact.value, &agree],
                mention,
            ))?;
        }
    }
    csv.flush()
}

/// One record: the five leading fields, then the mention's place, text and speaker.
fn record(analysis: &Analysis, lead: [&str; 5], mention: &Mention) -> Vec<String> {
    let text = analysis
        .articles
        .get(mention.article.0)
        .and_then(|a| a.text.get(mention.start..mention.end))
        .unwrap_or("");
    let mut fields: Vec<String> = lead.iter().map(|f| printable(f).into_owned()).collect();
    fields.extend([
        mention.article.0.to_string(),
        printable(&source_name(analysis, mention.article.0)).into_owned(),
        mention.sentence.0.to_string(),
        mention.start.to_string(),
        mention.end.to_string(),
        printable(text).into_owned(),
        said_by(analysis, mention)
            .map(|s| printable(&s).into_owned())
            .unwrap_or_default(),
    ]);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn one_record_per_mention() {
        let analysis = fixture::analysis();
        let text =
            crate::export::to_string(crate::export::Format::Csv, &analysis, &Selection::all(&analysis));
        insta::assert_snapshot!(text);
    }
}
