//! The library's one error type. Each variant names the file (or input) it is about, so the
//! command line can print it as a one-line message. The library never prints and never exits.

use std::path::PathBuf;

/// Everything that can go wrong while loading and analysing articles.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A path given on the command line does not exist.
    #[error("{}: no such file or directory", .path.display())]
    NotFound {
        /// The missing path.
        path: PathBuf,
    },
    /// Reading a file or standard input failed.
    #[error("{}: cannot read: {source}", .path.display())]
    Io {
        /// The file being read (`-` for standard input).
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input looks like binary data rather than text.
    #[error("{}: looks like a binary file (not text); give parallax text, Markdown or HTML", .path.display())]
    Binary {
        /// The offending file.
        path: PathBuf,
    },
    /// The input is UTF-16 text (it starts with a UTF-16 byte-order mark).
    #[error("{}: UTF-16 text; parallax reads UTF-8 (convert it with `iconv -f UTF-16 -t UTF-8`)", .path.display())]
    Utf16 {
        /// The offending file.
        path: PathBuf,
    },
    /// The input is larger than the configured limit.
    #[error("{}: too large ({size} bytes; the limit is {limit} bytes, raise it with --max-bytes)", .path.display())]
    TooLarge {
        /// The offending file.
        path: PathBuf,
        /// Its size in bytes (at least `limit + 1`).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The input holds no text at all (empty or only white space).
    #[error("{}: empty (no text to compare)", .path.display())]
    Empty {
        /// The empty file.
        path: PathBuf,
    },
    /// A directory holds no `.txt`, `.md` or `.html` files.
    #[error("{}: no .txt or .md articles or .html pages in this directory", .path.display())]
    EmptyDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// More articles were given than the configured limit.
    #[error("{count} articles given; the limit is {limit} (raise it with --max-articles)")]
    TooManyArticles {
        /// How many were given.
        count: usize,
        /// The limit in force.
        limit: usize,
    },
    /// An HTML page in which no article text was found.
    #[error("{}: no article text found in this HTML page", .path.display())]
    NoArticleText {
        /// The page (a file or an address).
        path: PathBuf,
    },
    /// `extract` was given something that is not an HTML page.
    #[error("{}: not an HTML page", .path.display())]
    NotHtml {
        /// The input.
        path: PathBuf,
    },
    /// An address could not be fetched.
    #[error("{url}: cannot fetch: {failure}")]
    Fetch {
        /// The address as given.
        url: String,
        /// What went wrong.
        failure: FetchFailure,
    },
    /// `--save` would overwrite a file that already exists.
    #[error("{}: already exists (use --force to overwrite)", .path.display())]
    Exists {
        /// The file that exists.
        path: PathBuf,
    },
    /// A file could not be written; nothing on disk changed.
    #[error(transparent)]
    Write(#[from] crate::atomic::WriteError),
    /// No input at all.
    #[error("no articles given")]
    NoInput,
}

/// Why fetching an address failed, worded for a one-line message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchFailure {
    /// The host name did not resolve.
    #[error("host not found (DNS)")]
    Dns,
    /// Nothing listens at the address, or the connection failed.
    #[error("connection refused")]
    Refused,
    /// The fetch ran past the time limit.
    #[error("timed out after {time} (raise the limit with --timeout)", time = humanize(*.0))]
    Timeout(std::time::Duration),
    /// The server answered with an error status.
    #[error("HTTP status {code}{reason}", code = .0, reason = status_reason(*.0))]
    Status(u16),
    /// The response is not an HTML page (its content type).
    #[error("not an HTML page ({0})")]
    NotHtml(String),
    /// The page is larger than the limit (in bytes).
    #[error("too large (over {0} bytes; raise the limit with --max-fetch-bytes)")]
    TooLarge(u64),
    /// More redirects than the limit.
    #[error("too many redirects (more than {0})")]
    TooManyRedirects(u32),
    /// Anything else (TLS, protocol), as the client words it.
    #[error("{0}")]
    Other(String),
}

fn humanize(duration: std::time::Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{} ms", duration.as_millis())
    }
}

fn status_reason(code: u16) -> &'static str {
    match code {
        401 => " (unauthorized)",
        403 => " (forbidden)",
        404 => " (not found)",
        410 => " (gone)",
        429 => " (too many requests)",
        500 => " (server error)",
        502 => " (bad gateway)",
        503 => " (service unavailable)",
        _ => "",
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
