//! The `parallax` command line: a thin layer over the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use parallax::model::{Analysis, DiffKind, printable};
use parallax::{Input, Options, analyze, analyze_inputs};

/// Exit codes, in one place. Documented in the README.
mod exit_code {
    /// Success.
    pub const OK: u8 = 0;
    /// The analysis ran but its output could not be written.
    pub const FAILED: u8 = 1;
    /// Bad arguments or unreadable input (missing, binary, empty, too large).
    pub const BAD_INPUT: u8 = 2;
}

/// The bundled sample: five outlets on the Azerbaijan Airlines crash of 25 December 2024.
const SAMPLE: [(&str, &str); 5] = [
    (
        "azal-8243/000_90c442df7da68b3d.txt",
        include_str!("../assets/samples/azal-8243/000_90c442df7da68b3d.txt"),
    ),
    (
        "azal-8243/001_ea2528ae18b20ba0.txt",
        include_str!("../assets/samples/azal-8243/001_ea2528ae18b20ba0.txt"),
    ),
    (
        "azal-8243/002_6bf9abbf19ad2503.txt",
        include_str!("../assets/samples/azal-8243/002_6bf9abbf19ad2503.txt"),
    ),
    (
        "azal-8243/003_b7aa727b01899e0d.txt",
        include_str!("../assets/samples/azal-8243/003_b7aa727b01899e0d.txt"),
    ),
    (
        "azal-8243/004_646ddf6e40494ef5.txt",
        include_str!("../assets/samples/azal-8243/004_646ddf6e40494ef5.txt"),
    ),
];

/// Put news articles about one event side by side: what they agree on, where they diverge.
#[derive(Debug, Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles: text or Markdown files, directories of them, or - for standard input.
    /// With none, the bundled sample (five outlets on the Azerbaijan Airlines crash).
    files: Vec<PathBuf>,
    #[command(flatten)]
    limits: Limits,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse articles and print the result: a readable summary, or JSON with --json.
    Analyze {
        /// Print the analysis as JSON (the contract in shared/eval/CONTRACT.md).
        #[arg(long)]
        json: bool,
        /// Articles: files, directories, or - for standard input (default: the bundled sample).
        files: Vec<PathBuf>,
        #[command(flatten)]
        limits: Limits,
    },
    /// List the conflicts, then the facts by kind with their value, "k/n articles" and sources.
    Facts {
        /// Articles: files, directories, or - for standard input (default: the bundled sample).
        files: Vec<PathBuf>,
        #[command(flatten)]
        limits: Limits,
    },
}

#[derive(Debug, clap::Args)]
struct Limits {
    /// Largest article accepted, in bytes.
    #[arg(long, default_value_t = Options::default().max_input_bytes)]
    max_bytes: u64,
    /// Most articles accepted in one run.
    #[arg(long, default_value_t = Options::default().max_articles)]
    max_articles: usize,
    /// Developer knob: override an alignment tunable, e.g. `--tune link_threshold=0.25`.
    #[arg(long, hide = true, value_name = "KEY=VALUE")]
    tune: Vec<String>,
}

impl Limits {
    fn options(&self) -> Options {
        let mut opts = Options {
            max_input_bytes: self.max_bytes,
            max_articles: self.max_articles,
            ..Options::default()
        };
        for setting in &self.tune {
            if let Err(err) = opts.tune(setting) {
                eprintln!("parallax: warning: --tune {setting}: {err}");
            }
        }
        opts
    }
}

fn main() -> ExitCode {
    init_logging();
    let cli = Cli::parse();
    let mut facts_listing = false;
    let (json, files, limits) = match cli.command {
        Some(Command::Analyze { json, files, limits }) => (json, files, limits),
        Some(Command::Facts { files, limits }) => {
            facts_listing = true;
            (false, files, limits)
        }
        None => (false, cli.files, cli.limits),
    };
    let opts = limits.options();
    let result = if files.is_empty() {
        let inputs = SAMPLE
            .iter()
            .map(|(path, text)| Input::from_text(*path, *text))
            .collect();
        analyze_inputs(inputs, &opts)
    } else {
        analyze(&files, &opts)
    };
    let analysis = match result {
        Ok(analysis) => analysis,
        Err(err) => {
            eprintln!("parallax: {err}");
            return ExitCode::from(exit_code::BAD_INPUT);
        }
    };
    for article in &analysis.articles {
        if let Some(at) = article.invalid_utf8_at {
            eprintln!(
                "parallax: warning: {}: not valid UTF-8 (first bad byte at {at}); invalid bytes shown as U+FFFD",
                printable(&article.path)
            );
        }
    }
    let mut out = std::io::stdout().lock();
    let written = if json {
        write_json(&mut out, &analysis)
    } else if facts_listing {
        write_facts(&mut out, &analysis)
    } else {
        write_summary(&mut out, &analysis)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::from(exit_code::OK),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(exit_code::OK),
        Err(err) => {
            eprintln!("parallax: cannot write output: {err}");
            ExitCode::from(exit_code::FAILED)
        }
    }
}

fn init_logging() {
    let Ok(filter) = std::env::var("PARALLAX_LOG").or_else(|_| std::env::var("RUST_LOG")) else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .try_init();
}

fn write_json(out: &mut impl Write, analysis: &Analysis) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, analysis)?;
    writeln!(out)
}

/// The readable summary: articles, how many passages k of n articles share, and the most
/// divergent shared passages with their diverging words in [brackets].
fn write_summary(out: &mut impl Write, analysis: &Analysis) -> std::io::Result<()> {
    let n = analysis.articles.len();
    writeln!(out, "{n} articles")?;
    for (idx, article) in analysis.articles.iter().enumerate() {
        let boilerplate = article.sentences.iter().filter(|s| s.boilerplate).count();
        writeln!(
            out,
            "  [{idx}] {}  {}  {} sentences ({boilerplate} boilerplate){}",
            printable(&article.source),
            article.date.as_deref().unwrap_or("no date"),
            article.sentences.len(),
            article
                .title
                .as_deref()
                .map(|t| format!("\n      {}", printable(t)))
                .unwrap_or_default()
        )?;
    }
    writeln!(out, "\n{} passages", analysis.groups.len())?;
    for k in (1..=n).rev() {
        let count = analysis.groups.iter().filter(|g| g.article_count() == k).count();
        if count > 0 {
            writeln!(out, "  {count:>4} shared by {k} of {n} articles")?;
        }
    }
    let mut divergent: Vec<_> = analysis.groups.iter().filter(|g| g.article_count() > 1).collect();
    divergent.sort_by(|a, b| {
        b.significant
            .cmp(&a.significant)
            .then(b.divergence.total_cmp(&a.divergence))
    });
    writeln!(
        out,
        "\nMost divergent shared passages (diverging words in [brackets]):"
    )?;
    for group in divergent.iter().take(5) {
        writeln!(
            out,
            "\n  score {:.2}, divergence {:.2}",
            group.score, group.divergence
        )?;
        for member in &group.members {
            let Some(article) = analysis.articles.get(member.article.0) else {
                continue;
            };
            let Some(sentence) = article.sentences.get(member.sentence.0) else {
                continue;
            };
            let mut line = String::new();
            let mut pos = sentence.start;
            for run in &member.diverging {
                line.push_str(article.text.get(pos..run.start).unwrap_or(""));
                let marker = match run.kind {
                    DiffKind::Changed => "",
                    DiffKind::Number => "#",
                    DiffKind::Name => "@",
                    DiffKind::Negation => "!",
                };
                line.push('[');
                line.push_str(marker);
                line.push_str(article.text.get(run.start..run.end).unwrap_or(""));
                line.push(']');
                pos = run.end;
            }
            line.push_str(article.text.get(pos..sentence.end).unwrap_or(""));
            writeln!(out, "    {}: {}", printable(&article.source), printable(&line))?;
        }
    }
    Ok(())
}

/// The `facts` listing: conflicts first (each claim with its articles and sources), then
/// the facts by kind, each with its value, "k/n articles" and who it is attributed to.
fn write_facts(out: &mut impl Write, analysis: &Analysis) -> std::io::Result<()> {
    let n = analysis.articles.len();
    let source = |article: parallax::ArticleId| {
        analysis.articles.get(article.0).map_or_else(
            || format!("#{}", article.0),
            |a| printable(&a.source).into_owned(),
        )
    };
    let cited = |attribution: Option<usize>| {
        attribution
            .and_then(|i| analysis.attributions.get(i))
            .and_then(|a| a.source.as_ref())
            .map(|s| printable(&s.name).into_owned())
    };
    writeln!(out, "{} conflicts", analysis.conflicts.len())?;
    for conflict in &analysis.conflicts {
        writeln!(
            out,
            "\n  [{}] {}  (importance {})",
            conflict.kind,
            printable(&conflict.key),
            conflict.importance
        )?;
        for claim in &conflict.claims {
            let articles: Vec<String> = claim.articles.iter().map(|a| source(*a)).collect();
            let mut sources: Vec<String> = claim
                .mentions
                .iter()
                .filter_map(|m| cited(m.attribution))
                .collect();
            sources.dedup();
            let via = if sources.is_empty() {
                String::new()
            } else {
                format!(", according to {}", sources.join("; "))
            };
            writeln!(
                out,
                "    - {}  ({}/{n}: {}{via})",
                printable(&claim.value),
                claim.articles.len(),
                articles.join(", ")
            )?;
        }
    }
    let mut kinds: Vec<&str> = analysis.facts.iter().map(|f| f.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    writeln!(out, "\n{} facts", analysis.facts.len())?;
    for kind in kinds {
        let mut facts: Vec<_> = analysis.facts.iter().filter(|f| f.kind == kind).collect();
        facts.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then_with(|| a.key.cmp(&b.key))
        });
        writeln!(out, "\n  {kind}")?;
        for fact in facts {
            let mut sources: Vec<String> = fact
                .mentions
                .iter()
                .filter_map(|m| cited(m.attribution))
                .collect();
            sources.sort();
            sources.dedup();
            let via = if sources.is_empty() {
                String::new()
            } else {
                format!(", according to {}", sources.join("; "))
            };
            let variants = if fact.variants.is_empty() {
                String::new()
            } else {
                format!(" (also spelled {})", fact.variants.join(", "))
            };
            let label = if matches!(kind, "number" | "role" | "code") || fact.key == "airline" {
                format!("{}: {}", fact.key, fact.value)
            } else {
                fact.value.clone()
            };
            writeln!(
                out,
                "    {}{}  {}/{n} articles{via}",
                printable(&label),
                printable(&variants),
                fact.articles.len()
            )?;
        }
    }
    Ok(())
}
