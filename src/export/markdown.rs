//! The Markdown report: conflicts with their claims, facts with their attributions, then
//! each passage with its sources and its diverging words marked (`**bold**` for numbers,
//! names and negations, `_italic_` for other wording).
//!
//! Article text goes through [`printable`] and Markdown escaping, so neither control
//! characters nor stray `*` or `[` in an article can change the report's structure.

use std::io::{self, Write};

use super::{Selection, agreement, attributions, said_by, source_name};
use crate::model::{Analysis, Article, DiffKind, DiffSpan, Mention, printable};

/// Writes the Markdown report of `selection` to `out`.
pub fn write(analysis: &Analysis, selection: &Selection, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# parallax: {} articles\n", analysis.articles.len())?;
    for (idx, article) in analysis.articles.iter().enumerate() {
        write!(out, "{}. **{}**", idx + 1, escape(&article.source))?;
        if let Some(date) = &article.date {
            write!(out, ", {}", escape(date))?;
        }
        if let Some(title) = &article.title {
            write!(out, ": {}", escape(title))?;
        }
        writeln!(out)?;
    }
    let conflicts: Vec<_> = selection
        .conflicts
        .iter()
        .filter_map(|&i| analysis.conflicts.get(i))
        .collect();
    if !conflicts.is_empty() {
        writeln!(out, "\n## Conflicts")?;
        for conflict in conflicts {
            writeln!(
                out,
                "\n### {} ({})\n",
                escape(&conflict.key),
                escape(&conflict.kind)
            )?;
            for claim in &conflict.claims {
                writeln!(
                    out,
                    "- **{}**: {}",
                    escape(&claim.value),
                    sources(analysis, &claim.mentions)
                )?;
                // One quote per article: the others say the same thing again.
                let mut quoted: Vec<usize> = Vec::new();
                for mention in &claim.mentions {
                    if !quoted.contains(&mention.article.0) {
                        quoted.push(mention.article.0);
                        writeln!(out, "  - {}", quote(analysis, mention))?;
                    }
                }
                let more = claim.mentions.len() - quoted.len();
                if more > 0 {
                    writeln!(out, "  - and {more} more mentions in these articles")?;
                }
            }
        }
    }
    let facts: Vec<_> = selection
        .facts
        .iter()
        .filter_map(|&i| analysis.facts.get(i))
        .collect();
    if !facts.is_empty() {
        writeln!(out, "\n## Facts")?;
        let mut kinds: Vec<&str> = facts.iter().map(|f| f.kind.as_str()).collect();
        kinds.dedup();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            writeln!(out, "\n### {}\n", escape(kind))?;
            for fact in facts.iter().filter(|f| f.kind == kind) {
                write!(
                    out,
                    "- **{}**: {} ({} articles: {})",
                    escape(&fact.key),
                    escape(&fact.value),
                    agreement(analysis, &fact.mentions),
                    sources(analysis, &fact.mentions)
                )?;
                let said = attributions(analysis, fact);
                if !said.is_empty() {
                    write!(out, "; said by {}", escape(&said.join(", ")))?;
                }
                writeln!(out)?;
            }
        }
    }
    let groups: Vec<_> = selection
        .groups
        .iter()
        .filter_map(|&i| analysis.groups.get(i).map(|g| (i, g)))
        .collect();
    if !groups.is_empty() {
        writeln!(out, "\n## Passages")?;
        for (idx, group) in groups {
            writeln!(
                out,
                "\n### Passage {}: {} of {} articles, similarity {:.2}\n",
                idx + 1,
                group.article_count(),
                analysis.articles.len(),
                group.score
            )?;
            for member in &group.members {
                let Some(article) = analysis.articles.get(member.article.0) else {
                    continue;
                };
                let Some(sentence) = article.sentences.get(member.sentence.0) else {
                    continue;
                };
                writeln!(
                    out,
                    "- **{}**: {}",
                    escape(&article.source),
                    marked(article, sentence.start, sentence.end, &member.diverging)
                )?;
            }
        }
    }
    Ok(())
}

/// The distinct sources among `mentions`, in article order.
fn sources(analysis: &Analysis, mentions: &[Mention]) -> String {
    let mut ids: Vec<usize> = mentions.iter().map(|m| m.article.0).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.iter()
        .map(|&i| escape(&source_name(analysis, i)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sentence holding a mention, the mention in bold, with its source.
fn quote(analysis: &Analysis, mention: &Mention) -> String {
    let Some(article) = analysis.articles.get(mention.article.0) else {
        return String::new();
    };
    let Some(sentence) = article.sentences.get(mention.sentence.0) else {
        return String::new();
    };
    let span = DiffSpan {
        start: mention.start,
        end: mention.end,
        kind: DiffKind::Number,
    };
    let (start, end) = window(&article.text, sentence.start, sentence.end, &span);
    let mut text = format!(
        "{}: {}{}{}",
        escape(&article.source),
        if start > sentence.start { "… " } else { "" },
        marked(article, start, end, &[span]),
        if end < sentence.end { " …" } else { "" }
    );
    if let Some(said) = said_by(analysis, mention) {
        text = format!("{text} (said by {})", escape(&said));
    }
    text
}

/// Bytes of context quoted on either side of a mention in a long sentence.
const CONTEXT: usize = 240;

/// The part of the sentence `start..end` quoted around `span`: all of it when short, else
/// [`CONTEXT`] bytes either side, cut at white space, so a megabyte-long "sentence" is not
/// copied once per mention.
fn window(text: &str, start: usize, end: usize, span: &DiffSpan) -> (usize, usize) {
    let from = span.start.saturating_sub(CONTEXT).max(start);
    let to = span.end.saturating_add(CONTEXT).min(end);
    let from = if from > start {
        text.get(from..span.start)
            .and_then(|t| t.char_indices().find(|(_, c)| c.is_whitespace()))
            .map_or(span.start, |(at, c)| from + at + c.len_utf8())
    } else {
        start
    };
    let to = if to < end {
        text.get(span.end..to)
            .and_then(|t| t.rfind(char::is_whitespace))
            .map_or(span.end, |at| span.end + at)
    } else {
        end
    };
    (from, to)
}

/// The text from `start` to `end` with each diverging run marked.
fn marked(article: &Article, start: usize, end: usize, runs: &[DiffSpan]) -> String {
    let text = &article.text;
    let mut out = String::new();
    let mut pos = start;
    let mut runs: Vec<&DiffSpan> = runs
        .iter()
        .filter(|r| r.start >= start && r.end <= end && r.start < r.end)
        .collect();
    runs.sort_by_key(|r| r.start);
    for run in runs {
        if run.start < pos {
            continue;
        }
        out.push_str(&escape(text.get(pos..run.start).unwrap_or("")));
        let word = text.get(run.start..run.end).unwrap_or("");
        let trimmed = word.trim();
        let lead = word.len().saturating_sub(word.trim_start().len());
        out.push_str(word.get(..lead).unwrap_or(""));
        let mark = if run.kind == DiffKind::Changed { "_" } else { "**" };
        if trimmed.is_empty() {
            out.push_str(&escape(word));
        } else {
            out.push_str(mark);
            out.push_str(&escape(trimmed));
            out.push_str(mark);
        }
        if word.len() > lead + trimmed.len() {
            out.push(' ');
        }
        pos = run.end;
    }
    out.push_str(&escape(text.get(pos..end).unwrap_or("")));
    out.trim().to_owned()
}

/// Article text made safe for Markdown: control characters shown, markup characters escaped.
fn escape(text: &str) -> String {
    let shown = printable(text);
    let chars: Vec<char> = shown.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (idx, &c) in chars.iter().enumerate() {
        // An underscore inside a word (a file name) cannot start emphasis: leave it readable.
        let inside_word = c == '_'
            && idx
                .checked_sub(1)
                .and_then(|i| chars.get(i))
                .is_some_and(|p| p.is_alphanumeric())
            && chars.get(idx + 1).is_some_and(|n| n.is_alphanumeric());
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|') && !inside_word {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn report_of_everything() {
        let analysis = fixture::analysis();
        let text = crate::export::to_string(
            crate::export::Format::Markdown,
            &analysis,
            &Selection::all(&analysis),
        );
        insta::assert_snapshot!(text);
    }

    #[test]
    fn long_sentences_are_quoted_around_the_mention() {
        let text = format!("{} 38 killed {}", "word ".repeat(1000), "more ".repeat(1000));
        let at = text.find("38").unwrap();
        let span = DiffSpan {
            start: at,
            end: at + 2,
            kind: DiffKind::Number,
        };
        let (from, to) = window(&text, 0, text.len(), &span);
        assert!(from > 0 && to < text.len());
        assert!(to - from <= 2 * CONTEXT + 2);
        let quoted = text.get(from..to).unwrap();
        assert!(quoted.contains("38 killed") && !quoted.starts_with(' ') && !quoted.ends_with(' '));
        assert!(
            quoted.starts_with("word") && quoted.ends_with("more"),
            "{quoted:?}"
        );
        let short = "Only 38 died.";
        let span = DiffSpan {
            start: 5,
            end: 7,
            kind: DiffKind::Number,
        };
        assert_eq!(window(short, 0, short.len(), &span), (0, short.len()));
    }

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(escape("a*b _[c]\u{1b}"), "a\\*b \\_\\[c\\]\u{241b}");
        assert_eq!(escape("000_90c"), "000_90c");
    }
}
