//! The `parallax` command line: a thin layer over the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use parallax::analysis::load::{self, fetch};
use parallax::export::{self, ExportError, Format, Selection};
use parallax::model::{Analysis, DiffKind, printable};
use parallax::{Input, Options, analyze_inputs};

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
    /// Articles: text, Markdown or HTML files, directories of them, http(s) addresses, or -
    /// for standard input. With none, the bundled sample (five outlets on the Azerbaijan
    /// Airlines crash).
    files: Vec<PathBuf>,
    #[command(flatten)]
    limits: Limits,
    #[command(flatten)]
    web: Web,
    #[command(flatten)]
    keep: Keep,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse articles and print the result: a readable summary, or JSON with --json.
    Analyze {
        /// Print the analysis as JSON (the contract in shared/eval/CONTRACT.md).
        #[arg(long)]
        json: bool,
        /// Articles: files, directories, http(s) addresses, or - for standard input
        /// (default: the bundled sample).
        files: Vec<PathBuf>,
        #[command(flatten)]
        limits: Limits,
        #[command(flatten)]
        web: Web,
        #[command(flatten)]
        keep: Keep,
    },
    /// List the conflicts, then the facts by kind with their value, "k/n articles" and sources.
    Facts {
        /// Articles: files, directories, http(s) addresses, or - for standard input
        /// (default: the bundled sample).
        files: Vec<PathBuf>,
        #[command(flatten)]
        limits: Limits,
        #[command(flatten)]
        web: Web,
    },
    /// Export passages, facts and conflicts as Markdown, JSON or CSV (everything unless
    /// --conflicts, --facts or --rows narrow it down).
    Export {
        /// Output format: md, json or csv.
        #[arg(long, default_value = "md", value_parser = parse_format)]
        format: Format,
        /// Export the conflicts.
        #[arg(long)]
        conflicts: bool,
        /// Export the facts.
        #[arg(long)]
        facts: bool,
        /// Export these passages, numbered as in the viewer from 1: `3..7` (inclusive), `5`,
        /// `3..` or `..7`.
        #[arg(long, value_name = "A..B", value_parser = parse_rows)]
        rows: Option<(usize, usize)>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Articles: files, directories, or - for standard input (default: the bundled sample).
        files: Vec<PathBuf>,
        #[command(flatten)]
        limits: Limits,
        #[command(flatten)]
        web: Web,
    },

    /// Print the main text of an HTML page (a file, an http(s) address, or - for standard
    /// input) with a `key: value` header block (source, title, date, url, author).
    Extract {
        /// Print only the text, without the header block.
        #[arg(long)]
        body_only: bool,
        /// The page: an HTML file, an http(s) address, or - for standard input.
        page: PathBuf,
        #[command(flatten)]
        limits: Limits,
        #[command(flatten)]
        web: Web,
    },
}

/// Options for articles read from the web.
#[derive(Debug, clap::Args)]
struct Web {
    /// Fetch addresses again even when they are in the cache.
    #[arg(long)]
    refresh: bool,
    /// Time limit for fetching one address, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u64,
    /// Largest page fetched from an address, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = parallax::analysis::load::fetch::FetchOptions::default().max_bytes)]
    max_fetch_bytes: u64,
}

/// Options for keeping a set.
#[derive(Debug, Default, clap::Args)]
struct Keep {
    /// Write each article as a text file with its header block into DIR (reopen the set
    /// with `parallax DIR`).
    #[arg(long, value_name = "DIR")]
    save: Option<PathBuf>,
    /// With --save: replace files that already exist.
    #[arg(long, requires = "save")]
    force: bool,
}

impl Web {
    fn apply(&self, opts: &mut Options) {
        opts.fetch.refresh = self.refresh;
        opts.fetch.timeout = std::time::Duration::from_secs(self.timeout.max(1));
        opts.fetch.max_bytes = self.max_fetch_bytes;
        opts.fetch.cache_dir = fetch::default_cache_dir();
    }
}

/// What `parallax export` writes and where.
struct ExportArgs {
    format: Format,
    conflicts: bool,
    facts: bool,
    rows: Option<(usize, usize)>,
    output: Option<PathBuf>,
    force: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

/// `A..B`, `A..`, `..B` or `A`, 1-based and inclusive, as a 0-based inclusive range.
fn parse_rows(s: &str) -> Result<(usize, usize), String> {
    let number = |t: &str, default: usize| -> Result<usize, String> {
        if t.is_empty() {
            return Ok(default);
        }
        match t.trim().parse::<usize>() {
            Ok(0) | Err(_) => Err(format!("`{t}` is not a passage number (they start at 1)")),
            Ok(n) => Ok(n - 1),
        }
    };
    let (a, b) = if let Some((a, b)) = s.split_once("..") {
        (number(a, 0)?, number(b.trim_start_matches('='), usize::MAX)?)
    } else {
        let n = number(s, 0)?;
        (n, n)
    };
    if a > b {
        return Err(format!("`{s}`: the range is empty"));
    }
    Ok((a, b))
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
                report(format_args!("warning: --tune {setting}: {err}"));
            }
        }
        opts
    }
}

fn main() -> ExitCode {
    init_logging();
    let cli = Cli::parse();
    let mut viewer = false;
    let mut export_args = None;
    let mut facts_listing = false;
    let (json, files, limits, web, keep) = match cli.command {
        Some(Command::Facts { files, limits, web }) => {
            facts_listing = true;
            (false, files, limits, web, Keep::default())
        }
        Some(Command::Analyze {
            json,
            files,
            limits,
            web,
            keep,
        }) => (json, files, limits, web, keep),
        Some(Command::Extract {
            body_only,
            page,
            limits,
            web,
        }) => return extract(&page, body_only, &limits, &web),
        Some(Command::Export {
            format,
            conflicts,
            facts,
            rows,
            output,
            force,
            files,
            limits,
            web,
        }) => {
            export_args = Some(ExportArgs {
                format,
                conflicts,
                facts,
                rows,
                output,
                force,
            });
            (false, files, limits, web, Keep::default())
        }
        None => {
            // The viewer needs a terminal; scripts and CI piping the output get the summary.
            viewer = std::io::stdout().is_terminal();
            (false, cli.files, cli.limits, cli.web, cli.keep)
        }
    };
    let mut opts = limits.options();
    web.apply(&mut opts);
    let inputs = if files.is_empty() {
        SAMPLE
            .iter()
            .map(|(path, text)| Input::from_text(*path, *text))
            .collect()
    } else {
        match gather(&files, &opts) {
            Some(inputs) => inputs,
            None => return ExitCode::from(exit_code::BAD_INPUT),
        }
    };
    let analysis = match analyze_inputs(inputs, &opts) {
        Ok(analysis) => analysis,
        Err(err) => {
            report(format_args!("{err}"));
            return ExitCode::from(exit_code::BAD_INPUT);
        }
    };
    if let Some(dir) = &keep.save {
        match load::save::save_articles(&analysis.articles, dir, keep.force) {
            Ok(written) => report(format_args!(
                "saved {} articles in {}",
                written.len(),
                dir.display()
            )),
            Err(err) => {
                report(format_args!("{err}"));
                return ExitCode::from(exit_code::FAILED);
            }
        }
    }
    for article in &analysis.articles {
        if let Some(at) = article.invalid_utf8_at {
            report(format_args!(
                "warning: {}: not valid UTF-8 (first bad byte at {at}); invalid bytes shown as U+FFFD",
                article.path
            ));
        }
    }
    if viewer {
        return match parallax::tui::run(analysis) {
            Ok(()) => ExitCode::from(exit_code::OK),
            Err(err) => {
                report(format_args!("{err:#}"));
                ExitCode::from(exit_code::FAILED)
            }
        };
    }
    if let Some(args) = export_args {
        return run_export(&analysis, &args);
    }
    to_stdout(|out| {
        if json {
            write_json(out, &analysis)
        } else if facts_listing {
            write_facts(out, &analysis)
        } else {
            write_summary(out, &analysis)
        }
    })
}

/// Writes to standard output and flushes. A reader that closed the pipe early (`| head`)
/// is not an error; any other write failure is exit code 1.
fn to_stdout(write: impl FnOnce(&mut std::io::StdoutLock<'static>) -> std::io::Result<()>) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::from(exit_code::OK),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(exit_code::OK),
        Err(err) => {
            report(format_args!("cannot write output: {err}"));
            ExitCode::from(exit_code::FAILED)
        }
    }
}

/// `parallax export`: the selection to standard output, or atomically to `-o FILE`.
fn run_export(analysis: &Analysis, args: &ExportArgs) -> ExitCode {
    let mut selection = Selection::default();
    if args.conflicts {
        selection.conflicts = (0..analysis.conflicts.len()).collect();
    }
    if args.facts {
        selection.facts = (0..analysis.facts.len()).collect();
    }
    if let Some((first, last)) = args.rows {
        let end = last.saturating_add(1).min(analysis.groups.len());
        selection.groups = (first.min(end)..end).collect();
    }
    if !args.conflicts && !args.facts && args.rows.is_none() {
        selection = Selection::all(analysis);
    }
    let Some(path) = &args.output else {
        return to_stdout(|out| export::write(args.format, analysis, &selection, out));
    };
    match export::write_file(args.format, analysis, &selection, path, args.force) {
        Ok(path) => {
            report(format_args!(
                "wrote {} ({} passages, {} facts, {} conflicts)",
                path.display(),
                selection.groups.len(),
                selection.facts.len(),
                selection.conflicts.len()
            ));
            ExitCode::from(exit_code::OK)
        }
        Err(err @ ExportError::Exists(_)) => {
            report(format_args!("{err}; use --force to replace it"));
            ExitCode::from(exit_code::FAILED)
        }
        Err(err) => {
            report(format_args!("{err}"));
            ExitCode::from(exit_code::FAILED)
        }
    }
}

/// Reads the inputs; an address that cannot be fetched is reported and skipped. `None`
/// (after printing why) when nothing could be read.
fn gather(files: &[PathBuf], opts: &Options) -> Option<Vec<Input>> {
    let gathered = match load::gather_inputs(files, opts) {
        Ok(gathered) => gathered,
        Err(err) => {
            report(format_args!("{err}"));
            return None;
        }
    };
    for err in &gathered.failed {
        report(format_args!("{err} (skipped)"));
    }
    if gathered.inputs.is_empty() {
        report(format_args!("no article could be read"));
        return None;
    }
    Some(gathered.inputs)
}

/// `parallax extract`: the page's main text, with or without its header block.
fn extract(page: &std::path::Path, body_only: bool, limits: &Limits, web: &Web) -> ExitCode {
    let mut opts = limits.options();
    web.apply(&mut opts);
    let result = load::read_inputs(&[page.to_path_buf()], &opts).and_then(|inputs| {
        let input = inputs.into_iter().next().ok_or(parallax::Error::NoInput)?;
        load::extract_page(&input)
    });
    let page = match result {
        Ok(page) => page,
        Err(err) => {
            report(format_args!("{err}"));
            return ExitCode::from(exit_code::BAD_INPUT);
        }
    };
    to_stdout(|out| out.write_all(page.to_text(!body_only).as_bytes()))
}

/// Prints a one-line message on standard error, with any control character in it (from a
/// file name or an address) made visible rather than sent to the terminal.
fn report(message: std::fmt::Arguments<'_>) {
    eprintln!("parallax: {}", printable(&message.to_string()));
}

fn init_logging() {
    let Ok(filter) = std::env::var("PARALLAX_LOG").or_else(|_| std::env::var("RUST_LOG")) else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}

fn write_json(out: &mut impl Write, analysis: &Analysis) -> std::io::Result<()> {
    export::json::write_escaped(&mut *out, analysis)?;
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
    let mut shared_by = std::collections::BTreeMap::new();
    for group in &analysis.groups {
        *shared_by.entry(group.article_count()).or_insert(0usize) += 1;
    }
    for (k, count) in shared_by.iter().rev() {
        writeln!(out, "  {count:>4} shared by {k} of {n} articles")?;
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
