//! Fetching `http`/`https` addresses, with an on-disk cache.
//!
//! Consumes an address and the [`FetchOptions`]; produces the page's bytes and content type
//! ([`Fetched`]), or a [`Error::Fetch`] naming the address and what went wrong (DNS, refused,
//! timeout, an HTTP status, not HTML, too large, too many redirects).
//!
//! The client is `ureq` with rustls (no OpenSSL), a global time limit, a size limit, at most
//! [`FetchOptions::max_redirects`] redirects and the User-Agent `parallax/VERSION`. Only HTML
//! (and XHTML) responses are accepted.
//!
//! With a cache directory, each page is kept as `<hash>.html` plus `<hash>.json` (address,
//! final address, content type), so a set of addresses reopens offline and unchanged;
//! [`FetchOptions::refresh`] fetches again and replaces the entry. Cache writes go to a temp
//! file that is then renamed, so a crash never leaves half a page; a cache that cannot be
//! written is ignored (the fetch still succeeds).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::{Error, FetchFailure, Result};

/// How addresses are fetched and cached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Time limit for one fetch, redirects and body included (default 30 s).
    pub timeout: Duration,
    /// Largest page accepted, in bytes (default 20 MB).
    pub max_bytes: u64,
    /// Most redirects followed (default 5).
    pub max_redirects: u32,
    /// Where fetched pages are cached; `None` (the library's default) disables the cache.
    /// The command line uses [`default_cache_dir`].
    pub cache_dir: Option<PathBuf>,
    /// Fetch again even when the page is cached (and replace the cached copy).
    pub refresh: bool,
    /// The `User-Agent` header (default `parallax/VERSION`).
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_bytes: 20 * 1000 * 1000,
            max_redirects: 5,
            cache_dir: None,
            refresh: false,
            user_agent: format!("parallax/{}", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// The user's cache directory for parallax: `$PARALLAX_CACHE_DIR` when set, else
/// `$XDG_CACHE_HOME/parallax` or `~/.cache/parallax` (the platform's cache folder elsewhere).
#[must_use]
pub fn default_cache_dir() -> Option<PathBuf> {
    std::env::var_os("PARALLAX_CACHE_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::cache_dir().map(|d| d.join("parallax")))
}

/// True for an `http://` or `https://` address (the scheme in any case).
#[must_use]
pub fn is_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A fetched page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The address as asked for.
    pub url: String,
    /// The address the page finally came from, after redirects.
    pub final_url: String,
    /// The response's `Content-Type`, when it had one.
    pub content_type: Option<String>,
    /// The page's bytes, as sent.
    pub bytes: Vec<u8>,
    /// True when the page came from the cache rather than the network.
    pub from_cache: bool,
}

/// What the cache keeps beside a page's bytes.
#[derive(Debug, Serialize, Deserialize)]
struct CacheEntry {
    url: String,
    final_url: String,
    content_type: Option<String>,
}

/// Fetches one address, from the cache when it holds the page (unless `opts.refresh`).
///
/// # Errors
/// [`Error::Fetch`] naming the address and the failure.
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Fetched> {
    let cached = opts.cache_dir.as_deref().filter(|_| !opts.refresh);
    if let Some(page) = cached.and_then(|dir| read_cache(dir, url)) {
        tracing::debug!(url, "fetched from cache");
        return Ok(page);
    }
    let page = fetch_network(url, opts)?;
    if let Some(dir) = opts.cache_dir.as_deref()
        && let Err(err) = write_cache(dir, &page)
    {
        tracing::warn!(url, %err, "cannot write the page cache");
    }
    Ok(page)
}

fn fail(url: &str, failure: FetchFailure) -> Error {
    Error::Fetch {
        url: url.to_owned(),
        failure,
    }
}

fn fetch_network(url: &str, opts: &FetchOptions) -> Result<Fetched> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(opts.max_redirects)
        .max_redirects_will_error(true)
        .http_status_as_error(false)
        .user_agent(opts.user_agent.as_str())
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        .call()
        .map_err(|err| fail(url, classify(err, opts)))?;
    let status = response.status().as_u16();
    if status >= 400 {
        return Err(fail(url, FetchFailure::Status(status)));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Some(kind) = content_type.as_deref()
        && !is_html_type(kind)
    {
        return Err(fail(url, FetchFailure::NotHtml(kind.to_owned())));
    }
    if let Some(length) = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        && length > opts.max_bytes
    {
        return Err(fail(url, FetchFailure::TooLarge(opts.max_bytes)));
    }
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let mut bytes = Vec::new();
    // Read one byte past the limit so that a body without a length is caught too.
    response
        .body_mut()
        .with_config()
        .limit(u64::MAX)
        .reader()
        .take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| fail(url, classify_io(&err, opts)))?;
    if bytes.len() as u64 > opts.max_bytes {
        return Err(fail(url, FetchFailure::TooLarge(opts.max_bytes)));
    }
    if content_type.is_none() && !super::html::looks_like_html(&bytes) {
        return Err(fail(url, FetchFailure::NotHtml("no content type".to_owned())));
    }
    tracing::debug!(url, bytes = bytes.len(), "fetched");
    Ok(Fetched {
        url: url.to_owned(),
        final_url,
        content_type,
        bytes,
        from_cache: false,
    })
}

/// True for HTML and XHTML media types.
fn is_html_type(content_type: &str) -> bool {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    matches!(media.as_str(), "text/html" | "application/xhtml+xml")
}

fn classify(err: ureq::Error, opts: &FetchOptions) -> FetchFailure {
    match err {
        ureq::Error::StatusCode(code) => FetchFailure::Status(code),
        ureq::Error::Timeout(_) => FetchFailure::Timeout(opts.timeout),
        ureq::Error::HostNotFound => FetchFailure::Dns,
        ureq::Error::TooManyRedirects => FetchFailure::TooManyRedirects(opts.max_redirects),
        ureq::Error::BodyExceedsLimit(_) => FetchFailure::TooLarge(opts.max_bytes),
        ureq::Error::Io(io) => classify_io(&io, opts),
        ureq::Error::ConnectionFailed => FetchFailure::Refused,
        ureq::Error::BadUri(uri) => FetchFailure::Other(format!("bad address {uri}")),
        other => FetchFailure::Other(other.to_string()),
    }
}

fn classify_io(err: &std::io::Error, opts: &FetchOptions) -> FetchFailure {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::ConnectionRefused => FetchFailure::Refused,
        ErrorKind::TimedOut | ErrorKind::WouldBlock => FetchFailure::Timeout(opts.timeout),
        _ => {
            // ureq reports a timeout inside a body read as an io error wrapping its own.
            let text = err.to_string();
            if text.contains("timeout") || text.contains("timed out") {
                FetchFailure::Timeout(opts.timeout)
            } else {
                FetchFailure::Other(text)
            }
        }
    }
}

/// A stable 64-bit FNV-1a hash of the address: the cache file's name.
fn cache_key(url: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in url.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn read_cache(dir: &Path, url: &str) -> Option<Fetched> {
    let key = cache_key(url);
    let meta = std::fs::read(dir.join(format!("{key}.json"))).ok()?;
    let entry: CacheEntry = serde_json::from_slice(&meta).ok()?;
    // A hash collision must not serve another address's page.
    if entry.url != url {
        return None;
    }
    let bytes = std::fs::read(dir.join(format!("{key}.html"))).ok()?;
    Some(Fetched {
        url: entry.url,
        final_url: entry.final_url,
        content_type: entry.content_type,
        bytes,
        from_cache: true,
    })
}

fn write_cache(dir: &Path, page: &Fetched) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let key = cache_key(&page.url);
    let entry = CacheEntry {
        url: page.url.clone(),
        final_url: page.final_url.clone(),
        content_type: page.content_type.clone(),
    };
    let meta = serde_json::to_vec_pretty(&entry).map_err(std::io::Error::other)?;
    // The page first, then its entry: an entry always has its page beside it.
    write_atomic(&dir.join(format!("{key}.html")), &page.bytes)?;
    write_atomic(&dir.join(format!("{key}.json")), &meta)
}

/// Writes `bytes` to `path` whole or not at all ([`crate::atomic`]), replacing it.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::atomic::write_file(path, true, |out| out.write_all(bytes)).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_recognised() {
        assert!(is_url("https://example.com/a"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("example.com"));
        assert!(!is_url("file:///tmp/x.html"));
    }

    #[test]
    fn html_types() {
        assert!(is_html_type("text/html; charset=utf-8"));
        assert!(is_html_type("application/xhtml+xml"));
        assert!(!is_html_type("application/pdf"));
    }

    #[test]
    fn client_errors_are_classified() {
        let opts = FetchOptions::default();
        assert_eq!(classify(ureq::Error::HostNotFound, &opts), FetchFailure::Dns);
        assert_eq!(
            classify(ureq::Error::StatusCode(503), &opts),
            FetchFailure::Status(503)
        );
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(classify(ureq::Error::Io(refused), &opts), FetchFailure::Refused);
        assert_eq!(
            Error::Fetch {
                url: "https://x.example/a".into(),
                failure: FetchFailure::Dns
            }
            .to_string(),
            "https://x.example/a: cannot fetch: host not found (DNS)"
        );
    }

    #[test]
    fn cache_key_is_stable() {
        assert_eq!(cache_key("https://a"), cache_key("https://a"));
        assert_ne!(cache_key("https://a"), cache_key("https://b"));
        assert_eq!(cache_key(""), "cbf29ce484222325");
    }
}
