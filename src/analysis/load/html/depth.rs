//! Pathologically deep pages, flattened before extraction.
//!
//! Readability-style extraction looks at each container's descendants, so its cost grows
//! with the square of the nesting depth: 4,000 nested `<div>`s took 9 s, 100,000 would take
//! hours. No news page nests anywhere near [`MAX_DEPTH`] elements (browsers stop nesting at
//! 512), so past that depth the tags are dropped and their text kept, in one linear pass.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use crate::analysis::static_regex;

/// Elements nested deeper than this lose their tags (their content stays).
pub const MAX_DEPTH: usize = 256;

/// A start or end tag: `/` when it ends, the element's name, and `/` when self-closing.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| static_regex(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(/?)>"));

/// Elements that never hold content, and elements whose end tag may be left out (HTML
/// closes them implicitly, so counting them would overstate the depth).
fn uncounted(name: &str) -> bool {
    const NAMES: [&str; 34] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
        "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// `html` with the tags nested deeper than [`MAX_DEPTH`] removed; borrowed unchanged when
/// nothing is that deep.
pub fn flatten(html: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut depth = 0usize;
    // Start tags dropped and not yet matched by an end tag, per element name.
    let mut dropped: FxHashMap<String, usize> = FxHashMap::default();
    for cap in TAG.captures_iter(html) {
        let (Some(tag), Some(name)) = (cap.get(0), cap.get(2)) else {
            continue;
        };
        let closing = cap.get(1).is_some_and(|m| !m.is_empty());
        let self_closing = cap.get(3).is_some_and(|m| !m.is_empty());
        if self_closing || uncounted(name.as_str()) {
            continue;
        }
        let name = name.as_str().to_ascii_lowercase();
        let drop = if closing {
            if let Some(open) = dropped.get_mut(&name).filter(|n| **n > 0) {
                *open -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_DEPTH {
            *dropped.entry(name).or_default() += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(html.get(copied..tag.start()).unwrap_or(""));
            copied = tag.end();
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(html.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize, tag: &str) -> String {
        format!(
            "<html><body>{}<p>Deep text.</p>{}</body></html>",
            format!("<{tag} class=\"x\">").repeat(depth),
            format!("</{tag}>").repeat(depth)
        )
    }

    #[test]
    fn ordinary_pages_are_left_alone() {
        let page = nested(MAX_DEPTH, "div");
        assert!(matches!(flatten(&page), Cow::Borrowed(_)));
        // Unclosed paragraphs and list items do not count as depth.
        let paragraphs = format!("<div>{}</div>", "<p>One.<li>Two.<br>".repeat(1000));
        assert!(matches!(flatten(&paragraphs), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_pages_keep_their_text_and_lose_the_excess_tags() {
        let page = nested(10_000, "div");
        let flat = flatten(&page);
        assert_eq!(flat.matches("<div").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("<p>Deep text.</p>"));
    }

    #[test]
    fn unbalanced_deep_tags_are_flattened_too() {
        let page = format!("{}Text{}", "<b><i>".repeat(5000), "</i>".repeat(10));
        let flat = flatten(&page);
        assert!(flat.matches('<').count() <= 2 * MAX_DEPTH + 10);
        assert!(flat.contains("Text"));
    }
}
