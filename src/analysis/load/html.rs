//! HTML pages → the article's main text and metadata.
//!
//! Consumes the bytes of a saved page (or a fetched one, with its `Content-Type`); produces
//! a [`Page`]: the headline, date, byline, site name and address from the page's metadata
//! (Open Graph, JSON-LD, `<meta>`, `<time>`), and the body as plain text with one paragraph
//! per block, blocks separated by a blank line so that segmentation and alignment see the
//! paragraph breaks. [`Page::to_text`] renders it with a `key: value` header block that
//! [`super::parse_article`] reads back.
//!
//! The main text comes from `dom_smoothie` (a Readability.js-style extractor) with formatted
//! text; around it this module decodes the character set, sniffs HTML, and cleans what the
//! extractor lets through (see [`extract`]).
//!
//! Weak spots: pages that need JavaScript to show their text come out empty or short, and
//! a page with several articles yields the one the extractor scores highest.

use std::borrow::Cow;
use std::sync::LazyLock;

use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::Encoding;
use regex::Regex;

mod depth;

use crate::analysis::load::{fetch, normalize_date};
use crate::analysis::static_regex;

/// What was pulled out of one HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The headline, from the page's metadata or its `<title>`.
    pub title: Option<String>,
    /// The byline (author names) when the page gives one.
    pub author: Option<String>,
    /// The publication's name (`og:site_name`, JSON-LD publisher), when given.
    pub site_name: Option<String>,
    /// The publication date as `YYYY-MM-DD`, when found.
    pub date: Option<String>,
    /// The page's address: its canonical or Open Graph URL, else where it was fetched from.
    pub url: Option<String>,
    /// The article's text: paragraphs separated by blank lines.
    pub body: String,
}

impl Page {
    /// The page as an article: a `key: value` header block (source, title, date, url,
    /// author, each when known), a blank line, then the body. With `header` false, only the
    /// body.
    #[must_use]
    pub fn to_text(&self, header: bool) -> String {
        let mut out = String::with_capacity(self.body.len() + 256);
        if header {
            let source = self
                .site_name
                .clone()
                .or_else(|| self.url.as_deref().and_then(host).map(str::to_owned));
            let fields = [
                ("source", source.as_deref()),
                ("title", self.title.as_deref()),
                ("date", self.date.as_deref()),
                ("url", self.url.as_deref()),
                ("author", self.author.as_deref()),
            ];
            let mut any = false;
            for (key, value) in fields {
                let Some(value) = value.map(one_line).filter(|v| !v.is_empty()) else {
                    continue;
                };
                out.push_str(key);
                out.push_str(": ");
                out.push_str(&value);
                out.push('\n');
                any = true;
            }
            if any {
                out.push('\n');
            }
        }
        out.push_str(&self.body);
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }
}

/// The host of an `http(s)` address, without a leading `www.`.
#[must_use]
pub fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..end)?;
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// Collapses white space (line breaks included) to single spaces, so a value fits on one
/// header line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when the file name says HTML (`.html`, `.htm`, `.xhtml`).
#[must_use]
pub fn has_html_extension(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let name = lower.rsplit(['/', '\\']).next().unwrap_or(&lower);
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "html" | "htm" | "xhtml"))
}

static HTML_START: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    regex::bytes::Regex::new(
        r"(?i)^(?-u:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]",
    )
    .expect("pattern literal compiles")
});

/// True when the bytes start like an HTML document (after an optional byte-order mark,
/// white space and comments): `<!DOCTYPE html`, `<html`, `<head`, `<body`, `<meta` or
/// `<title`. UTF-16 pages are recognised by their byte-order mark.
#[must_use]
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = bytes.get(..1024).unwrap_or(bytes);
    match Encoding::for_bom(head) {
        Some((encoding, bom_len)) if encoding != encoding_rs::UTF_8 => {
            let rest = head.get(bom_len..).unwrap_or_default();
            let (text, _) = encoding.decode_without_bom_handling(rest);
            HTML_START.is_match(text.as_bytes())
        }
        _ => HTML_START.is_match(head),
    }
}

static META_CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    regex::bytes::Regex::new(r#"(?i)<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("pattern literal compiles")
});

/// The `charset` parameter of a `Content-Type` value (`text/html; charset=windows-1251`).
fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

/// Decodes an HTML page to text, with the encoding used.
///
/// The order: a byte-order mark; then UTF-8 when the bytes are valid UTF-8 (saving tools
/// often re-encode a page to UTF-8 and leave its old `<meta charset>`, so valid UTF-8 wins
/// over a declaration); then the `charset` of `content_type` (the HTTP header); then a
/// `<meta charset>` or `<meta http-equiv>` in the first 4 KiB; then `chardetng`'s guess.
/// Bytes invalid in the chosen encoding become U+FFFD.
#[must_use]
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, &'static Encoding) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return (text.into_owned(), encoding);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), encoding_rs::UTF_8);
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| {
            let head = bytes.get(..4096).unwrap_or(bytes);
            let label = META_CHARSET.captures(head)?.get(1)?;
            Encoding::for_label(label.as_bytes())
        })
        // A page cannot declare UTF-16 in its own ASCII bytes (the HTML standard reads such
        // a declaration as UTF-8), and the bytes are not valid UTF-8 here: detect instead.
        .filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE && *e != encoding_rs::UTF_8);
    let encoding = declared.unwrap_or_else(|| {
        // The bytes are not valid UTF-8 here, so UTF-8 is not a candidate; ISO-2022-JP is
        // left out as browsers do (it can hide markup).
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Deny)
    });
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding)
}

/// Extracts the article from a decoded HTML page. `url` (where the page came from) is used
/// when the page names no address of its own.
///
/// Pages nested deeper than a few hundred elements are flattened first ([`depth`]).
///
/// The body is `dom_smoothie`'s formatted text, cleaned: white space inside each paragraph
/// collapsed, empty lines dropped, and paragraphs separated by one blank line.
#[must_use]
pub fn extract(html: &str, url: Option<&str>) -> Page {
    let base = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let html = &*depth::flatten(html);
    let doc = dom_query::Document::from(html);
    let own_url = page_url(&doc);
    let meta_date = meta_date(&doc);
    let title_site = title_site_name(&doc.select("head title").text());
    remove_clutter(&doc);
    let base = base.filter(|u| Readability::new("", Some(u), None).is_ok());
    let article = Readability::with_document(doc, base, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let Some(article) = article else {
        return Page {
            url: base.map(str::to_owned),
            ..Page::default()
        };
    };
    let body = clean_body(&article.text_content, Some(&article.title));
    let nonempty = |s: Option<String>| s.map(|s| one_line(&s)).filter(|s| !s.is_empty());
    Page {
        title: nonempty(Some(article.title.clone())),
        author: nonempty(article.byline.clone()),
        // Some pages put their address in `og:site_name`; the host reads better.
        site_name: nonempty(article.site_name.clone())
            .map(|s| host(&s).map_or_else(|| s.clone(), str::to_owned))
            .or(title_site),
        date: article
            .published_time
            .as_deref()
            .and_then(normalize_date)
            .or(meta_date)
            .or_else(|| json_ld_date(html))
            .or_else(|| time_element_date(html))
            .or_else(|| own_url.as_deref().or(base).and_then(url_date)),
        url: own_url
            .or_else(|| nonempty(article.url.clone()).filter(|u| fetch::is_url(u)))
            .or_else(|| base.map(str::to_owned)),
        body,
    }
}

/// The page's own address: `<link rel="canonical">`, else `og:url`, when absolute.
fn page_url(doc: &dom_query::Document) -> Option<String> {
    let canonical = doc.select("link[rel='canonical']").attr("href");
    let og = doc.select("meta[property='og:url']").attr("content");
    [canonical, og]
        .into_iter()
        .flatten()
        .map(|u| u.trim().to_owned())
        .find(|u| fetch::is_url(u))
}

/// Elements that are never article text, whatever the page.
const CLUTTER_TAGS: &str = "figcaption, aside, nav, footer, form, button, select, \
    [role=complementary], [role=navigation], [aria-hidden=true], [hidden]";

static CLUTTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?x)(?:^|[-_])(?:
            share|sharing|social|sharebar|related|newsletter|subscribe|subscription|promo|
            breadcrumbs?|tags|comments?|advert|advertisement|ads?|adslot|byline|dateline|
            timestamp|caption|credits?|gallery|slideshow|recommended|recommendations|
            more-?stories|read-?more|readmore|popular|trending|sidebar|signup|outbrain|
            taboola|disqus|author-?bio|newsletter-?signup|most-?read|next-?article
        )(?:$|[-_])",
    )
});

static CONTENT_NAME: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(?:^|[-_])(?:content|body|entry|story|text|articlebody|post)(?:$|[-_])"));

/// Removes what readability scoring tends to keep: captions, share bars, related links,
/// newsletter boxes, bylines and datelines (they are in the header already). A
/// class or id word names the clutter (`share-bar`, `related_links`); an element named so
/// is removed only when it holds less than a fifth of the page's text, so a wrapper with a
/// misleading name never takes the article with it, and never when another of its words
/// says content (`entry-content-read-more`, `l-article-body-segment`).
fn remove_clutter(doc: &dom_query::Document) {
    // Scripts would count as text below; JSON-LD stays for the metadata.
    doc.select("script:not([type='application/ld+json']), style, template")
        .remove();
    doc.select(CLUTTER_TAGS).remove();
    let total = doc.select("body").text().len().max(1);
    let named = doc.select("[class], [id]");
    let mut doomed = Vec::new();
    for node in named.nodes() {
        let name = node.node_name();
        if matches!(name.as_deref(), Some("html" | "body" | "article" | "main")) {
            continue;
        }
        let mut words = String::new();
        if let Some(class) = node.class() {
            words.push_str(&class);
        }
        if let Some(id) = node.id_attr() {
            words.push(' ');
            words.push_str(&id);
        }
        let words = words.to_ascii_lowercase();
        if words.split_whitespace().any(|w| CLUTTER_NAME.is_match(w))
            && !words.split_whitespace().any(|w| CONTENT_NAME.is_match(w))
            && node.text().len() * 5 < total
        {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// The site's name from a `<title>` such as "Ferry back | Coastal Courier": the last part
/// after ` | `, ` - `, ` – ` or ` — `, when it is short (one to four words).
fn title_site_name(title: &str) -> Option<String> {
    let title = one_line(title);
    let (_, last) = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .min_by_key(|(_, last)| last.len())?;
    let words = last.split_whitespace().count();
    (1..=4).contains(&words).then(|| last.trim().to_owned())
}

/// Publication-date `<meta>` tags and microdata that readability does not read.
const DATE_META: &str = "[itemprop~='datePublished'], \
    meta[property='article:published'], meta[property='og:pubdate'], \
    meta[property='og:published_time'], meta[name='pubdate'], meta[name='publishdate'], \
    meta[name='publish-date'], meta[name='date'], meta[name='dc.date'], \
    meta[name='DC.date.issued'], meta[name='parsely-pub-date'], meta[name='sailthru.date']";

/// The first publication date in the page's `<meta>` tags or `itemprop="datePublished"`.
fn meta_date(doc: &dom_query::Document) -> Option<String> {
    doc.select(DATE_META).nodes().iter().find_map(|node| {
        let value = node.attr("content").or_else(|| node.attr("datetime"))?;
        normalize_date(&value)
    })
}

static JSON_LD_DATE: LazyLock<Regex> = LazyLock::new(|| static_regex(r#""datePublished"\s*:\s*"([^"]+)""#));

/// The first JSON-LD `datePublished` that reads as a date (pages often carry several
/// blocks, some with placeholders such as `0001-01-01`).
fn json_ld_date(html: &str) -> Option<String> {
    JSON_LD_DATE
        .captures_iter(html)
        .filter_map(|c| c.get(1))
        .find_map(|m| normalize_date(m.as_str()))
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| static_regex(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/"));

/// A date in the address's path, as in `/2019/11/19/`.
fn url_date(url: &str) -> Option<String> {
    let caps = URL_DATE.captures(url)?;
    let (y, m, d) = (caps.get(1)?, caps.get(2)?, caps.get(3)?);
    normalize_date(&format!("{}-{}-{}", y.as_str(), m.as_str(), d.as_str()))
}

static TIME_DATETIME: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r#"(?i)<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']"#));

/// The first `<time datetime="…">` in the page that reads as a date.
fn time_element_date(html: &str) -> Option<String> {
    TIME_DATETIME
        .captures_iter(html)
        .filter_map(|c| c.get(1))
        .find_map(|m| normalize_date(m.as_str()))
}

/// Collapses white space within each line, drops boilerplate lines (see
/// [`is_boilerplate_line`]), the headline (it is in the header) and exact repeats of the
/// line before, and separates the rest by
/// a blank line. After a heading that opens a list of links ("Read more", "More from …",
/// "Recent articles"), the short lines that follow it (headlines without a full stop) go too;
/// such a heading in the last quarter of the text ends the article there.
fn clean_body(text: &str, title: Option<&str>) -> String {
    let lines: Vec<Cow<'_, str>> = text
        .lines()
        .map(collapse_spaces)
        .filter(|l| !l.is_empty())
        .collect();
    let title = title.map(|t| collapse_spaces(t).to_lowercase());
    let mut out = String::with_capacity(text.len());
    let mut previous = "";
    let mut in_link_list = false;
    // A link-list heading in the last quarter of the text closes the article: what follows
    // is teasers for other stories.
    let total: usize = lines.iter().map(|l| l.len()).sum();
    let mut seen = 0usize;
    for line in &lines {
        let line = line.as_ref();
        seen += line.len();
        if END_HEADING.is_match(line) && seen * 4 > total * 3 {
            break;
        }
        if title.as_deref() == Some(line.to_lowercase().as_str()) {
            continue;
        }
        if LINK_LIST_HEADING.is_match(line) {
            in_link_list = true;
            continue;
        }
        if in_link_list {
            let words = line.split_whitespace().count();
            if words <= 20 && !line.ends_with(['.', '!', '"', '”', ':']) {
                continue;
            }
            in_link_list = false;
        }
        if line == previous || is_boilerplate_line(line) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
        previous = line;
    }
    out
}

static LINK_LIST_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)^(?:more (?:great )?(?:\w+ )?(?:stories|from \w+|news|articles)|recent articles|related (?:articles|stories|posts|news|coverage)|popular (?:this week|now|stories)|most (?:read|popular)|you (?:may|might) also like:?|read (?:more|next):?|don'?t miss|trending now|recommended(?: for you)?)$",
    )
});

static END_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?i)^(?:more (?:great )?(?:\w+ )?(?:stories|from \w+|news|articles)|related (?:articles|stories|posts|news|coverage)|want more stories like this\?|most (?:read|popular)|you (?:may|might) also like:?|recommended(?: for you)?)$",
    )
});

static BOILERPLATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    static_regex(
        r"(?ix)^[\W&&[^\w(©\[]]*(?:
            \[?(?:read\ more|related|see\ also|also\ on|more\ from|recommended|don'?t\ miss|leggi\ anche)\b.*
          | tags?:?|breaking\ news\ emails|tell\ us\ what\ you\ think.*
          | \(?(?:additional\ )?reporting\ by\b.*|.*\bcontributed\ (?:reporting|to\ this\ report)\b.*
          | [\w.+-]+@[\w-]+\.[\w.]+|(?:https?://)?(?:www\.)?[\w-]+\.(?:com|org|net)(?:/\S*)?
          | (?:subscribe|sign\ up|click\ here|follow\ us|share\ this)\b.*
          | advert(?:isement)?|comments?|caption|close|share|sharing\ is\ caring!?|reprints?
          | like\ this\ story\?.*|view\ author\ archive|email\ the\ author|post\ comment.*
          | (?:first\ )?(?:published|updated|posted|last\ updated)\b.*\d.*
          | (?:©|\(c\)|copyright\b)\W*\w+(?:\W+\w+){0,3}\W*
          | \(?(?:image|photo|picture|pic|foto|фото)s?(?:\ credit)?\ ?:.*
          | (?:image|photo)\ \d+\ of\ /?\ ?\d+
          | .*&(?:amp;)*lt;.*
        )$",
    )
});

static NEWSLETTER: LazyLock<Regex> = LazyLock::new(|| static_regex(r"(?i)\b(?:newsletters?|inbox)\b"));
static PROMPT: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"(?i)\b(?:sign(?:ing)? up|subscribe|delivered|get|alerts?|free)\b"));

static BYLINE: LazyLock<Regex> = LazyLock::new(|| static_regex(r"^(?:By|BY|by)\s+\p{Lu}[^.!?]*$"));

/// True for a line that is page furniture rather than article text: "Read more: …",
/// "Advertisement", "Published 4:00 am …", "© Reuters", "Photo: …", "Image 1 of 5", a
/// byline ("By Jane Doe"), a newsletter prompt or a bare date. Only short lines (under 40 words) qualify.
fn is_boilerplate_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words >= 40 {
        return false;
    }
    BOILERPLATE_LINE.is_match(line)
        || (NEWSLETTER.is_match(line) && PROMPT.is_match(line))
        || (words <= 8 && BYLINE.is_match(line))
        || (words <= 6 && normalize_date(line).is_some())
}

/// Collapses runs of white space (non-breaking spaces included) to one space, drops soft
/// hyphens and zero-width characters, and trims.
fn collapse_spaces(line: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if matches!(c, '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}') {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_strips_scheme_www_and_port() {
        assert_eq!(host("https://www.bbc.co.uk/news/x"), Some("bbc.co.uk"));
        assert_eq!(host("http://127.0.0.1:8080/a"), Some("127.0.0.1"));
        assert_eq!(host("ftp://x"), None);
    }

    #[test]
    fn html_is_sniffed() {
        assert!(looks_like_html(b"<!DOCTYPE html><html>"));
        assert!(looks_like_html(b"\xef\xbb\xbf\n  <!-- saved --> <HTML lang=en>"));
        assert!(looks_like_html(b"<head><title>x</title>"));
        assert!(!looks_like_html(b"The <b>plane</b> crashed."));
        assert!(!looks_like_html(b"source: BBC\n\n<html>"));
        assert!(has_html_extension("dir/Page.HTM"));
        assert!(!has_html_extension("dir/page.txt"));
    }

    #[test]
    fn boilerplate_lines_are_recognised() {
        for line in [
            "Read more: Alibaba poised to launch record-breaking listing",
            "Advertisement",
            "Published 4:00 am CST, Wednesday, November 20, 2019",
            "© Reuters",
            "(Image credit: Blue Origin)",
            "Image 1 of 5",
            "By Paul Takahashi",
            "Get breaking news alerts delivered to your inbox.",
            "Reporting by Rodrigo Campos; Editing by Nick Zieminski",
            "paul.takahashi@chron.com",
            "18 NOV 2019",
        ] {
            assert!(is_boilerplate_line(line), "{line}");
        }
        for line in [
            "By the time rescuers arrived, the fire had spread.",
            "You will be visible online in a blog post, an email inbox or a webinar.",
            "Officials said 38 people died in the crash.",
            "Comments from the minister came later that day.",
        ] {
            assert!(!is_boilerplate_line(line), "{line}");
        }
    }

    #[test]
    fn link_lists_after_a_heading_are_dropped() {
        let body = clean_body(
            "Story title\nFirst paragraph of the story.\nMore Great WIRED Stories\nYouTubers must unionize\nThe plan to boost drone batteries\nA closing paragraph that is prose.",
            Some("Story  Title"),
        );
        assert_eq!(
            body,
            "First paragraph of the story.\n\nA closing paragraph that is prose."
        );
    }

    fn page(bytes: &[u8]) -> Page {
        let (text, _) = decode(bytes, None);
        extract(&text, None)
    }

    #[test]
    fn open_graph_page_keeps_article_and_metadata() {
        let page = page(include_bytes!("../../../assets/html/og-news.html"));
        assert_eq!(page.title.as_deref(), Some("Plane crashes near Aktau, 38 dead"));
        assert_eq!(page.site_name.as_deref(), Some("Example News"));
        assert_eq!(page.date.as_deref(), Some("2024-12-25"));
        assert_eq!(page.author.as_deref(), Some("Jane Doe"));
        assert_eq!(
            page.url.as_deref(),
            Some("https://news.example.com/world/aktau-crash")
        );
        let paragraphs: Vec<&str> = page.body.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 3, "{}", page.body);
        assert!(paragraphs[0].starts_with("An Azerbaijan Airlines passenger jet"));
        assert!(paragraphs[2].starts_with("Twenty-nine survivors"));
        for clutter in [
            "Share on",
            "Rescuers at the crash site",
            "Read more",
            "Storm closes airport",
            "Great article",
            "Copyright",
            "Home",
            "By Jane Doe",
        ] {
            assert!(!page.body.contains(clutter), "kept {clutter:?}");
        }
    }

    #[test]
    fn json_ld_gives_metadata() {
        let page = page(include_bytes!("../../../assets/html/jsonld-blog.html"));
        assert_eq!(
            page.title.as_deref(),
            Some("Harbour ferry service resumes after storm")
        );
        assert_eq!(page.date.as_deref(), Some("2024-03-02"));
        assert_eq!(page.author.as_deref(), Some("Tom Smith"));
        assert_eq!(page.site_name.as_deref(), Some("Coastal Courier"));
        assert_eq!(page.body.split("\n\n").count(), 3);
        assert!(!page.body.contains("newsletter"));
    }

    #[test]
    fn header_block_reads_back() {
        let page = page(include_bytes!("../../../assets/html/og-news.html"));
        let text = page.to_text(true);
        assert!(text.starts_with("source: Example News\ntitle: Plane crashes near Aktau, 38 dead\ndate: 2024-12-25\nurl: https://news.example.com/world/aktau-crash\nauthor: Jane Doe\n\nAn Azerbaijan"));
        assert!(page.to_text(false).starts_with("An Azerbaijan"));
    }

    #[test]
    fn declared_windows_1251_is_decoded() {
        let bytes = include_bytes!("../../../assets/html/cp1251.html");
        let (text, encoding) = decode(bytes, None);
        assert_eq!(encoding, encoding_rs::WINDOWS_1251);
        assert!(text.contains("Паром возобновил рейсы"));
        let page = page(bytes);
        assert!(page.body.starts_with("Паромная переправа в субботу"));
    }

    #[test]
    fn undeclared_latin1_is_sniffed() {
        let bytes = include_bytes!("../../../assets/html/latin1-undeclared.html");
        let (text, encoding) = decode(bytes, None);
        assert_eq!(encoding, encoding_rs::WINDOWS_1252);
        assert!(text.contains("Le café du port a rouvert"));
        assert!(!text.contains('\u{fffd}'));
    }

    #[test]
    fn http_charset_beats_meta_and_valid_utf8_beats_both() {
        let bytes = "<meta charset=\"utf-8\"><p>caf\u{e9}</p>".as_bytes();
        let latin = encoding_rs::WINDOWS_1252
            .encode("<meta charset=\"utf-8\"><p>caf\u{e9}</p>")
            .0;
        assert_eq!(
            decode(&latin, Some("text/html; charset=iso-8859-1")).1,
            encoding_rs::WINDOWS_1252
        );
        assert_eq!(
            decode(bytes, Some("text/html; charset=iso-8859-1")).1,
            encoding_rs::UTF_8
        );
        let utf16: Vec<u8> = "\u{feff}<html><p>x</p>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(looks_like_html(&utf16));
        assert_eq!(decode(&utf16, None).0, "<html><p>x</p>");
    }

    #[test]
    fn a_late_teaser_heading_ends_the_article() {
        let story = "A long opening paragraph of the story that carries most of the text here.\nA second paragraph of the story, also long enough to count for something.\nA third paragraph of the story that closes what the reporter had to say.";
        let body = clean_body(
            &format!("{story}\nMore from UK\nA teaser with a full stop that looks like prose."),
            None,
        );
        assert_eq!(body, story.replace('\n', "\n\n"));
        // Early on, the same heading only drops the link titles right after it.
        let early = clean_body("More from UK\nTeaser title\nThe story starts here.", None);
        assert_eq!(early, "The story starts here.");
    }

    #[test]
    fn dates_come_from_meta_json_ld_time_or_the_address() {
        let date = |html: &str, url: Option<&str>| extract(html, url).date;
        let body = "<article><p>The harbour ferry resumed its regular timetable on Saturday morning after the storm had passed.</p></article>";
        assert_eq!(
            date(&format!("<html><head><meta itemprop=\"datePublished dateCreated\" content=\"2019-11-19T11:00:09Z\"></head><body>{body}</body></html>"), None).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            date(&format!("<html><head><script type=\"application/ld+json\">{{\"datePublished\": \"0001-01-01T00:00:00Z\"}}</script><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\":\"2019-11-20T07:50:10+0000\"}}</script></head><body>{body}</body></html>"), None).as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(
            date(
                &format!("<html><body><time datetime=\"2018-01-22\">Jan 22</time>{body}</body></html>"),
                None
            )
            .as_deref(),
            Some("2018-01-22")
        );
        assert_eq!(
            date(
                &format!("<html><body>{body}</body></html>"),
                Some("https://x.example/2019/11/18/story.html")
            )
            .as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(date(&format!("<html><body>{body}</body></html>"), None), None);
    }

    #[test]
    fn site_name_falls_back_to_the_title_suffix() {
        assert_eq!(
            title_site_name("Ferry back after storm | Coastal  Courier").as_deref(),
            Some("Coastal Courier")
        );
        assert_eq!(title_site_name("Ferry back after storm"), None);
        assert_eq!(
            title_site_name("Ferry - back after a storm that lasted for days and days"),
            None
        );
    }

    #[test]
    fn charset_param_is_read() {
        assert_eq!(
            charset_param("text/html; charset=\"windows-1251\""),
            Some("windows-1251")
        );
        assert_eq!(charset_param("text/html"), None);
    }
}
