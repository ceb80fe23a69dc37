//! Exporters: the selected part of an [`Analysis`] as Markdown, JSON or CSV.
//!
//! Every exporter has the shape `(&Analysis, &Selection, &mut dyn Write)`: it reads the same
//! model the viewer shows and writes to any sink, so the viewer, `parallax export` and the
//! tests share one code path. [`write_file`] adds the file handling ([`crate::atomic`]): a
//! reader never sees half a report and an existing file is only replaced when asked.

pub mod csv;
pub mod json;
pub mod markdown;

use std::collections::BTreeSet;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::model::{Analysis, Fact, Mention};

/// The formats an export can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// A readable report: passages with their sources, facts, conflicts.
    #[default]
    Markdown,
    /// The JSON contract, limited to the selection.
    Json,
    /// One record per mention of each selected fact and conflict.
    Csv,
}

impl Format {
    /// Every format, in the order the viewer cycles through them.
    pub const ALL: [Self; 3] = [Self::Markdown, Self::Json, Self::Csv];

    /// The usual file extension, without the dot.
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Json => "json",
            Self::Csv => "csv",
        }
    }

    /// The format after this one, wrapping around.
    #[must_use]
    pub const fn next(self) -> Self {
        match self {
            Self::Markdown => Self::Json,
            Self::Json => Self::Csv,
            Self::Csv => Self::Markdown,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Markdown => "Markdown",
            Self::Json => "JSON",
            Self::Csv => "CSV",
        })
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Self::Markdown),
            "json" => Ok(Self::Json),
            "csv" => Ok(Self::Csv),
            other => Err(format!("unknown format `{other}` (expected md, json or csv)")),
        }
    }
}

/// What to export: passages (by group index), facts and conflicts (by index into the
/// analysis). Indices that are out of range are ignored by every exporter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Indices into [`Analysis::groups`].
    pub groups: BTreeSet<usize>,
    /// Indices into [`Analysis::facts`].
    pub facts: BTreeSet<usize>,
    /// Indices into [`Analysis::conflicts`].
    pub conflicts: BTreeSet<usize>,
}

impl Selection {
    /// Everything in the analysis: every passage, fact and conflict.
    pub fn all(analysis: &Analysis) -> Self {
        Self {
            groups: (0..analysis.groups.len()).collect(),
            facts: (0..analysis.facts.len()).collect(),
            conflicts: (0..analysis.conflicts.len()).collect(),
        }
    }

    /// True when nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.facts.is_empty() && self.conflicts.is_empty()
    }

    /// How many items are selected, of all three kinds.
    pub fn len(&self) -> usize {
        self.groups.len() + self.facts.len() + self.conflicts.len()
    }
}

/// Why an export could not be written (nothing on disk changed).
pub use crate::atomic::WriteError as ExportError;

/// Writes the selection in `format` to `out`.
pub fn write(
    format: Format,
    analysis: &Analysis,
    selection: &Selection,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Markdown => markdown::write(analysis, selection, out),
        Format::Json => json::write(analysis, selection, out),
        Format::Csv => csv::write(analysis, selection, out),
    }
}

/// The export as a string (used for the clipboard and in tests).
pub fn to_string(format: Format, analysis: &Analysis, selection: &Selection) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(format, analysis, selection, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// Writes the selection to `path` atomically ([`crate::atomic::write_file`]): a reader
/// never sees half a report, and without `overwrite` an existing file is left alone and
/// [`ExportError::Exists`] returned.
pub fn write_file(
    format: Format,
    analysis: &Analysis,
    selection: &Selection,
    path: &Path,
    overwrite: bool,
) -> Result<PathBuf, ExportError> {
    crate::atomic::write_file(path, overwrite, |out| write(format, analysis, selection, out))?;
    Ok(path.to_path_buf())
}

/// How many different articles mention a fact, and of how many: "3/5".
pub fn agreement(analysis: &Analysis, mentions: &[Mention]) -> String {
    let mut articles: Vec<usize> = mentions.iter().map(|m| m.article.0).collect();
    articles.sort_unstable();
    articles.dedup();
    format!("{}/{}", articles.len(), analysis.articles.len())
}

/// Who said a fact: "source: speaker" for each attributed mention, without repeats.
pub fn attributions(analysis: &Analysis, fact: &Fact) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for mention in &fact.mentions {
        if let Some(said) = said_by(analysis, mention)
            && !out.contains(&said)
        {
            out.push(said);
        }
    }
    out
}

/// "source: speaker" for one mention, when it is attributed to a named speaker.
pub fn said_by(analysis: &Analysis, mention: &Mention) -> Option<String> {
    let attribution = analysis.attributions.get(mention.attribution?)?;
    let article = analysis.articles.get(mention.article.0)?;
    let speaker = attribution.source.as_ref().map_or("unnamed", |s| s.name.as_str());
    Some(format!("{}: {speaker}", article.source))
}

/// The outlet an article index names, or `article N` when out of range.
pub fn source_name(analysis: &Analysis, article: usize) -> String {
    analysis
        .articles
        .get(article)
        .map_or_else(|| format!("article {article}"), |a| a.source.clone())
}
