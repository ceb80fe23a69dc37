//! Loading: paths → raw inputs → articles with their metadata.
//!
//! This is the only stage that does I/O. [`read_inputs`] turns the command line's paths
//! (files, directories of `.txt`/`.md` files, `-` for standard input) into [`Input`]s;
//! [`parse_article`] turns one input into an [`Article`] without touching the disk.
//!
//! Invariants: `Article::text` is the input byte for byte when it is valid UTF-8. Input that
//! is not valid UTF-8 but still looks like text (say, Latin-1) is decoded with U+FFFD in
//! place of each invalid sequence, and `invalid_utf8_at` records where the first one was;
//! input that looks binary (NUL bytes, many control bytes) is refused with
//! [`Error::Binary`].
//!
//! HTML pages (`.html`/`.htm` files, pages sniffed on standard input, fetched addresses)
//! are first reduced to their main text by [`html`]; the article's `text` is then that text
//! with a `key: value` header block, and offsets point into it.
//!
//! Weak spots: the headline and date heuristics read only the first line.

pub mod fetch;
pub mod html;
pub mod save;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::static_regex;

use crate::Options;
use crate::error::{Error, Result};
use crate::model::Article;
use crate::span::{Span, is_space};

/// One input as read: where it came from and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as given (`-` for standard input).
    pub path: String,
    /// The bytes read.
    pub bytes: Vec<u8>,
}

impl Input {
    /// An input from text already in memory (tests, the bundled sample).
    #[must_use]
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            bytes: text.into().into_bytes(),
        }
    }
}

/// An article with the parts of its text that are metadata rather than prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The article, with no sentences yet.
    pub article: Article,
    /// Header lines and date lines: marked as metadata by segmentation.
    pub metadata: Vec<Span>,
}

/// Reads every path: a file, a directory (its `.txt`, `.md`, `.html` and `.htm` files,
/// sorted by name), `-` for standard input, or an `http`/`https` address (fetched, see
/// [`fetch`]).
///
/// # Errors
/// A missing path, an unreadable file, a directory with no articles, a file over
/// `opts.max_input_bytes`, more than `opts.max_articles` articles, or an address that
/// cannot be fetched.
pub fn read_inputs(paths: &[PathBuf], opts: &Options) -> Result<Vec<Input>> {
    let gathered = gather_inputs(paths, opts)?;
    match gathered.failed.into_iter().next() {
        Some(err) => Err(err),
        None => Ok(gathered.inputs),
    }
}

/// Inputs read from files and addresses, with the addresses that could not be fetched.
#[derive(Debug, Default)]
pub struct Gathered {
    /// What was read, in the order given.
    pub inputs: Vec<Input>,
    /// One error per address that failed ([`Error::Fetch`], or [`Error::NoArticleText`] for
    /// a page with no article text); those addresses are left out.
    pub failed: Vec<Error>,
}

/// Like [`read_inputs`], but an address that cannot be fetched is set aside in
/// [`Gathered::failed`] instead of failing the whole run.
///
/// # Errors
/// A missing path, an unreadable file, a directory with no articles, a file over
/// `opts.max_input_bytes`, more than `opts.max_articles` articles; no inputs at all.
pub fn gather_inputs(paths: &[PathBuf], opts: &Options) -> Result<Gathered> {
    let mut files = Vec::new();
    for path in paths {
        if let Some(url) = path.to_str().filter(|p| fetch::is_url(p)) {
            files.push(Source::Url(url.to_owned()));
        } else if path.as_os_str() == "-" {
            files.push(Source::File(path.clone()));
        } else if path.is_dir() {
            let found = article_files(path)?;
            if found.is_empty() {
                return Err(Error::EmptyDirectory { path: path.clone() });
            }
            files.extend(found.into_iter().map(Source::File));
        } else if path.exists() {
            files.push(Source::File(path.clone()));
        } else {
            return Err(Error::NotFound { path: path.clone() });
        }
    }
    if files.is_empty() {
        return Err(Error::NoInput);
    }
    if files.len() > opts.max_articles {
        return Err(Error::TooManyArticles {
            count: files.len(),
            limit: opts.max_articles,
        });
    }
    let mut gathered = Gathered::default();
    for source in files {
        match source {
            Source::File(path) => gathered.inputs.push(read_one(&path, opts.max_input_bytes)?),
            Source::Url(url) => match fetch_input(&url, &opts.fetch) {
                // A page with no article text (a front page, a page built by JavaScript)
                // is set aside like a failed fetch rather than failing the whole run.
                Ok(input) if extract_page(&input).is_ok_and(|p| p.body.trim().is_empty()) => {
                    gathered.failed.push(Error::NoArticleText {
                        path: PathBuf::from(url),
                    });
                }
                Ok(input) => gathered.inputs.push(input),
                Err(err) => gathered.failed.push(err),
            },
        }
    }
    Ok(gathered)
}

/// Where one input comes from.
enum Source {
    File(PathBuf),
    Url(String),
}

/// Fetches an address (or takes it from the cache) as an [`Input`] named by the address.
/// The page is decoded with its declared character set and handed on as UTF-8 behind a
/// byte-order mark, so that [`parse_article`] decodes it the same way.
///
/// # Errors
/// [`Error::Fetch`] naming the address and the failure.
pub fn fetch_input(url: &str, opts: &fetch::FetchOptions) -> Result<Input> {
    let page = fetch::fetch(url, opts)?;
    let (text, _) = html::decode(&page.bytes, page.content_type.as_deref());
    let mut bytes = Vec::with_capacity(text.len() + 3);
    bytes.extend_from_slice(b"\xef\xbb\xbf");
    bytes.extend_from_slice(text.as_bytes());
    Ok(Input {
        path: url.to_owned(),
        bytes,
    })
}

/// Extracts the main text and metadata of an HTML input (a saved page, a page on standard
/// input, or a fetched address).
///
/// # Errors
/// [`Error::NotHtml`] when the input is not an HTML page.
pub fn extract_page(input: &Input) -> Result<html::Page> {
    let is_url = fetch::is_url(&input.path);
    if !(is_url || html::has_html_extension(&input.path) || html::looks_like_html(&input.bytes)) {
        return Err(Error::NotHtml {
            path: PathBuf::from(&input.path),
        });
    }
    let (page, _) = html::decode(&input.bytes, None);
    Ok(html::extract(&page, is_url.then_some(input.path.as_str())))
}

fn article_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "html" | "htm"));
        if wanted && path.is_file() {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

fn read_one(path: &Path, limit: u64) -> Result<Input> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    // Read one byte past the limit so a huge file is refused without reading it all.
    let take = limit.saturating_add(1);
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(take)
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        file.take(take).read_to_end(&mut bytes).map_err(io)?;
    }
    let size = bytes.len() as u64;
    if size > limit {
        let size = std::fs::metadata(path).map_or(size, |m| m.len().max(size));
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        });
    }
    Ok(Input {
        path: path.display().to_string(),
        bytes,
    })
}

/// Decodes one input and reads its metadata: the header block, headline and date.
///
/// # Errors
/// [`Error::Binary`] for data that is not text, [`Error::Utf16`] for UTF-16 text,
/// [`Error::Empty`] for input with no text.
pub fn parse_article(input: Input) -> Result<Loaded> {
    let path = PathBuf::from(&input.path);
    let is_html = fetch::is_url(&input.path)
        || html::has_html_extension(&input.path)
        || html::looks_like_html(&input.bytes);
    if !is_html && matches!(input.bytes.get(..2), Some([0xff, 0xfe] | [0xfe, 0xff])) {
        return Err(Error::Utf16 { path });
    }
    if !is_html && looks_binary(&input.bytes) {
        return Err(Error::Binary { path });
    }
    let (text, invalid_utf8_at) = if is_html {
        let extracted = extract_page(&input)?;
        if extracted.body.trim().is_empty() {
            return Err(Error::NoArticleText { path });
        }
        (extracted.to_text(true), None)
    } else {
        match String::from_utf8(input.bytes) {
            Ok(text) => (text, None),
            Err(err) => {
                let at = err.utf8_error().valid_up_to();
                (String::from_utf8_lossy(err.as_bytes()).into_owned(), Some(at))
            }
        }
    };
    if text.chars().all(is_space) {
        return Err(Error::Empty { path });
    }
    let header = read_header(&text);
    let mut metadata = header.lines.clone();
    let mut date = header.get("date").and_then(normalize_date);
    let body_start = header.end;
    let mut title = header.get("title").map(str::to_owned);
    if let Some((span, found)) = leading_date(&text, body_start) {
        metadata.push(span);
        date = date.or(Some(found));
    }
    if title.is_none() {
        title = headline(&text, metadata.last().map_or(body_start, |s| s.end));
    }
    let source = header
        .get("source")
        .map_or_else(|| source_from_path(&input.path), str::to_owned);
    let article = Article {
        path: input.path,
        source,
        title,
        date,
        url: header.get("url").map(str::to_owned),
        text,
        invalid_utf8_at,
        format: is_html.then(|| "html".to_owned()),
        sentences: Vec::new(),
    };
    Ok(Loaded { article, metadata })
}

/// True for data that is not text: a NUL byte, or more than one byte in ten being a control
/// character other than tab, line feed, carriage return, form feed or escape, in the first
/// 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..8192).unwrap_or(bytes);
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 10 > head.len()
}

fn source_from_path(path: &str) -> String {
    if path == "-" {
        return "stdin".to_owned();
    }
    Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned())
}

/// The header block: `key: value` lines at the very top, for the keys parallax knows.
struct Header<'a> {
    fields: Vec<(String, &'a str)>,
    lines: Vec<Span>,
    end: usize,
}

impl Header<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| *v)
            .filter(|v| !v.is_empty())
    }
}

static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"(?i)^(source|title|date|url|author|byline|site)[ \t]*:[ \t]*(.*?)[ \t]*\r?$")
});

fn read_header(text: &str) -> Header<'_> {
    let mut header = Header {
        fields: Vec::new(),
        lines: Vec::new(),
        end: 0,
    };
    let mut pos = usize::from(text.starts_with('\u{feff}')) * '\u{feff}'.len_utf8();
    for line in text.get(pos..).unwrap_or("").split_inclusive('\n') {
        let bare = line.trim_end_matches('\n');
        let Some(caps) = HEADER_LINE.captures(bare) else {
            break;
        };
        let (Some(key), Some(value)) = (caps.get(1), caps.get(2)) else {
            break;
        };
        header
            .fields
            .push((key.as_str().to_ascii_lowercase(), value.as_str()));
        header.lines.push(Span::new(pos, pos + bare.len()).trim(text));
        pos += line.len();
        header.end = pos;
    }
    header
}

static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"(?i)^[\s\u{feff}]*((?:(?:date|published|updated)[ \t]*:?[ \t]*)?(\d{4}-\d{2}-\d{2}))\b")
});

/// A date written at the very start of the body ("date 2024-12-29 Russia's President …").
fn leading_date(text: &str, body_start: usize) -> Option<(Span, String)> {
    let body = text.get(body_start..)?;
    let caps = LEADING_DATE.captures(body)?;
    let whole = caps.get(1)?;
    let date = normalize_date(caps.get(2)?.as_str())?;
    Some((
        Span::new(body_start + whole.start(), body_start + whole.end()),
        date,
    ))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"(?i)^(?:\w+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(r"(?i)^(?:\w+,?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
});

/// A date as `YYYY-MM-DD`, from ISO dates (with or without a time) and the usual
/// "29 December 2024" / "December 29, 2024" forms.
#[must_use]
pub fn normalize_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let iso = |y: &str, m: u32, d: u32| -> Option<String> {
        let year: u32 = y.parse().ok()?;
        ((1..=12).contains(&m) && (1..=31).contains(&d) && (1000..=2999).contains(&year))
            .then(|| format!("{year:04}-{m:02}-{d:02}"))
    };
    let month = |name: &str| {
        let lower = name.to_ascii_lowercase();
        MONTHS
            .iter()
            .position(|m| *m == lower)
            .and_then(|i| u32::try_from(i + 1).ok())
    };
    if let (Some(y), Some(m), Some(d)) = (raw.get(0..4), raw.get(5..7), raw.get(8..10))
        && raw.as_bytes().get(4) == Some(&b'-')
        && raw.as_bytes().get(7) == Some(&b'-')
    {
        return iso(y, m.parse().ok()?, d.parse().ok()?);
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(raw) {
        return iso(&c[3], month(&c[2])?, c[1].parse().ok()?);
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(raw) {
        return iso(&c[3], month(&c[1])?, c[2].parse().ok()?);
    }
    None
}

/// The first line of the body when it reads as a headline: 3 to 30 words, no full stop at
/// the end, and more text after it.
fn headline(text: &str, from: usize) -> Option<String> {
    let rest = text.get(from..)?;
    let lead = rest.len() - rest.trim_start_matches(is_space).len();
    let start = from + lead;
    let body = text.get(start..)?;
    let line_len = body.find(['\n', '\r'])?;
    let line = body.get(..line_len)?.trim();
    let after = body.get(line_len..)?.trim();
    let words = line.split_whitespace().count();
    let ends_sentence = line.ends_with(['.', ',', ';', ':']);
    let starts_upper = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    (!after.is_empty() && (3..=30).contains(&words) && !ends_sentence && starts_upper)
        .then(|| line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Loaded {
        parse_article(Input::from_text("dir/some-outlet.txt", text)).unwrap()
    }

    #[test]
    fn header_block_fills_metadata() {
        let loaded = parse("source: BBC\ntitle: Plane down\ndate: 29 December 2024\n\nBody text here.");
        assert_eq!(loaded.article.source, "BBC");
        assert_eq!(loaded.article.title.as_deref(), Some("Plane down"));
        assert_eq!(loaded.article.date.as_deref(), Some("2024-12-29"));
        assert_eq!(loaded.metadata.len(), 3);
    }

    #[test]
    fn source_falls_back_to_file_name() {
        assert_eq!(parse("Just text.").article.source, "some-outlet");
    }

    #[test]
    fn prose_with_a_colon_is_not_a_header() {
        let loaded = parse("Note: this is prose.\nMore prose.");
        assert!(loaded.metadata.is_empty());
    }

    #[test]
    fn leading_date_is_read_and_marked() {
        let text = " date 2024-12-29 Russia's President spoke.";
        let loaded = parse(text);
        assert_eq!(loaded.article.date.as_deref(), Some("2024-12-29"));
        assert_eq!(loaded.metadata[0].text(text), Some("date 2024-12-29"));
    }

    #[test]
    fn headline_is_first_line_without_full_stop() {
        let loaded = parse("Putin apologises for downed jet\n\nThe Kremlin said so.");
        assert_eq!(
            loaded.article.title.as_deref(),
            Some("Putin apologises for downed jet")
        );
        assert_eq!(parse("A sentence here.\nAnother.").article.title, None);
    }

    #[test]
    fn text_is_kept_byte_for_byte() {
        let text = "\u{feff}Line one.\r\nLine two.\r\n";
        assert_eq!(parse(text).article.text, text);
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily() {
        let input = Input {
            path: "x.txt".into(),
            bytes: b"Caf\xe9 noir.".to_vec(),
        };
        let loaded = parse_article(input).unwrap();
        assert_eq!(loaded.article.invalid_utf8_at, Some(3));
        assert_eq!(loaded.article.text, "Caf\u{fffd} noir.");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        let binary = Input {
            path: "x.bin".into(),
            bytes: vec![0, 1, 2, 3],
        };
        assert!(matches!(parse_article(binary), Err(Error::Binary { .. })));
        let empty = Input::from_text("e.txt", " \n\t ");
        assert!(matches!(parse_article(empty), Err(Error::Empty { .. })));
    }

    #[test]
    fn html_input_becomes_extracted_text_with_a_header() {
        let html = "<html><head><title>Ferry back | Courier</title>\
            <meta property=\"og:site_name\" content=\"Courier\">\
            <meta property=\"article:published_time\" content=\"2024-03-02\"></head>\
            <body><nav>Home News Sport</nav><article>\
            <p>The harbour ferry resumed its regular timetable on Saturday morning after the storm.</p>\
            <p>Engineers worked through Friday night to replace two broken gangway sections.</p>\
            </article></body></html>";
        let loaded = parse_article(Input::from_text("-", html)).unwrap();
        let article = &loaded.article;
        assert_eq!(article.format.as_deref(), Some("html"));
        assert_eq!(article.source, "Courier");
        assert_eq!(article.date.as_deref(), Some("2024-03-02"));
        assert!(article.text.starts_with("source: Courier\n"));
        assert!(!article.text.contains("<p>"));
        assert!(!article.text.contains("Home News Sport"));
        assert!(
            article
                .text
                .contains("Saturday morning after the storm.\n\nEngineers")
        );
        // Every header line is metadata, so segmentation keeps it out of alignment.
        let header_lines = article.text.split("\n\n").next().unwrap().lines().count();
        assert_eq!(loaded.metadata.len(), header_lines);
    }

    #[test]
    fn html_file_without_text_is_refused() {
        let input = Input::from_text("page.html", "<html><body><nav>Home</nav></body></html>");
        assert!(matches!(parse_article(input), Err(Error::NoArticleText { .. })));
    }

    #[test]
    fn dates_normalise() {
        assert_eq!(
            normalize_date("2024-12-29T10:00:00Z").as_deref(),
            Some("2024-12-29")
        );
        assert_eq!(normalize_date("December 25, 2024").as_deref(), Some("2024-12-25"));
        assert_eq!(normalize_date("Sun, 29 Dec 2024").as_deref(), Some("2024-12-29"));
        assert_eq!(normalize_date("2024-13-01"), None);
    }
}
