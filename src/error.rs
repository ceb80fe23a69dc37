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
    /// A directory holds no `.txt` or `.md` files.
    #[error("{}: no .txt or .md articles in this directory", .path.display())]
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
    /// No input at all.
    #[error("no articles given")]
    NoInput,
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
