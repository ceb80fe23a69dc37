//! Word wrapping by display width, with styles attached by byte span before wrapping so a
//! highlight that crosses a line break stays correct.
//!
//! Text is made printable first ([`printable`] maps each character to one character, so
//! byte positions can be tracked through it); control characters therefore show up as
//! visible pictures and never reach the terminal raw. Wide characters (CJK, emoji) count
//! two cells; a word longer than the width is broken inside.

use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use unicode_width::UnicodeWidthChar;

use crate::model::printable;
use crate::span::Span;

/// A style laid over a byte range of the text (absolute offsets into the article).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The range it covers.
    pub span: Span,
    /// The style patched over the base style; later marks win.
    pub style: Style,
}

/// Wraps `text`, which starts at byte `base` of its article, into lines at most `width`
/// cells wide. Each character gets `style` patched with every mark that covers it.
pub fn wrap(text: &str, base: usize, style: Style, marks: &[Mark], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let shown = printable(text);
    let mut styles = Styles::new(base, style, marks);
    let cells: Vec<(char, Style)> = text
        .char_indices()
        .zip(shown.chars().map(cell_char))
        .map(|((offset, _), c)| (c, styles.at(base + offset)))
        .collect();
    let mut lines: Vec<Vec<(char, Style)>> = Vec::new();
    let mut line: Vec<(char, Style)> = Vec::new();
    let mut used = 0usize;
    let mut idx = 0usize;
    while idx < cells.len() {
        let space = cells.get(idx).is_some_and(|(c, _)| c.is_whitespace());
        let mut end = idx;
        while cells.get(end).is_some_and(|(c, _)| c.is_whitespace() == space) {
            end += 1;
        }
        let token = cells.get(idx..end).unwrap_or(&[]);
        let token_width: usize = token.iter().map(|(c, _)| char_width(*c)).sum();
        if space {
            if used > 0 && used + token_width <= width {
                line.extend_from_slice(token);
                used += token_width;
            } else if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
        } else {
            if used > 0 && used + token_width > width {
                trim_end(&mut line);
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            for &(c, s) in token {
                let w = char_width(c);
                if used + w > width && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push((c, s));
                used += w;
            }
        }
        idx = end;
    }
    trim_end(&mut line);
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(to_line).collect()
}

/// The style of each character in turn, swept over the marks' starts and ends: linear in
/// the text and the marks together, where testing every mark at every character was
/// their product (a megabyte sentence with thousands of marked mentions froze the viewer).
struct Styles<'a> {
    base: Style,
    marks: &'a [Mark],
    /// Mark boundaries `(offset, mark index)`, by offset.
    events: Vec<(usize, usize)>,
    next: usize,
    /// Indices of the marks covering the current offset, in order (later marks win).
    active: std::collections::BTreeSet<usize>,
    current: Style,
}

impl<'a> Styles<'a> {
    fn new(from: usize, base: Style, marks: &'a [Mark]) -> Self {
        let mut events: Vec<(usize, usize)> = marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.span.start < m.span.end && m.span.end > from)
            .flat_map(|(i, m)| [(m.span.start, i), (m.span.end, i)])
            .collect();
        events.sort_unstable();
        Self {
            base,
            marks,
            events,
            next: 0,
            active: std::collections::BTreeSet::new(),
            current: base,
        }
    }

    /// The style at byte `at`; offsets must come in increasing order.
    fn at(&mut self, at: usize) -> Style {
        let mut changed = false;
        while let Some(&(offset, mark)) = self.events.get(self.next) {
            if offset > at {
                break;
            }
            // A mark's first boundary opens it, its second closes it.
            if !self.active.remove(&mark) && self.marks.get(mark).is_some_and(|m| at < m.span.end) {
                self.active.insert(mark);
            }
            self.next += 1;
            changed = true;
        }
        if changed {
            self.current = self
                .active
                .iter()
                .filter_map(|&i| self.marks.get(i))
                .fold(self.base, |s, m| s.patch(m.style));
        }
        self.current
    }
}

/// The character shown for `c`. Variation selectors can widen the character before them
/// ("0\u{fe0f}" is an emoji two cells wide) in a way a per-character count cannot see, so
/// they are shown as zero-width spaces: a line's width is then the sum of its characters'.
fn cell_char(c: char) -> char {
    if matches!(c, '\u{fe0e}' | '\u{fe0f}') {
        '\u{200b}'
    } else {
        c
    }
}

/// How many lines [`wrap`] makes of `text` at `width`.
pub fn height(text: &str, width: usize) -> usize {
    wrap(text, 0, Style::new(), &[], width).len()
}

/// The display width of a line.
pub fn line_width(line: &Line<'_>) -> usize {
    line.width()
}

/// Cuts `text` to at most `width` cells, ending in `…` when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    let shown: String = printable(text).chars().map(cell_char).collect();
    let total: usize = shown.chars().map(char_width).sum();
    if total <= width {
        return shown;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in shown.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

fn trim_end(line: &mut Vec<(char, Style)>) {
    while line.last().is_some_and(|(c, _)| c.is_whitespace()) {
        line.pop();
    }
}

fn to_line(cells: Vec<(char, Style)>) -> Line<'static> {
    let mut spans: Vec<TextSpan<'static>> = Vec::new();
    let mut text = String::new();
    let mut current: Option<Style> = None;
    for (c, s) in cells {
        if current.is_some_and(|cur| cur != s) {
            spans.push(TextSpan::styled(
                std::mem::take(&mut text),
                current.unwrap_or_default(),
            ));
        }
        current = Some(s);
        text.push(c);
    }
    if let Some(s) = current {
        spans.push(TextSpan::styled(text, s));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};
    use rstest::rstest;

    use super::*;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn overlapping_marks_patch_in_order() {
        let red = Mark {
            span: Span::new(10, 15),
            style: Style::new().fg(Color::Red),
        };
        let bold_blue = Mark {
            span: Span::new(13, 18),
            style: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        };
        let empty = Mark {
            span: Span::new(12, 12),
            style: Style::new().bg(Color::Green),
        };
        let lines = wrap("abcdefghij", 10, Style::new(), &[bold_blue, red, empty], 20);
        let styles: Vec<Style> = lines[0]
            .spans
            .iter()
            .flat_map(|s| s.content.chars().map(|_| s.style))
            .collect();
        let want = |fg: Option<Color>, bold: bool| {
            let s = fg.map_or(Style::new(), |c| Style::new().fg(c));
            if bold { s.add_modifier(Modifier::BOLD) } else { s }
        };
        assert_eq!(styles[0], want(Some(Color::Red), false));
        // Both cover 13..15: the later mark (red) wins the colour, bold stays.
        assert_eq!(styles[3], want(Some(Color::Red), true));
        assert_eq!(styles[5], want(Some(Color::Blue), true));
        assert_eq!(styles[8], Style::new());
    }

    #[rstest]
    #[case::fits("one two", 10, &["one two"])]
    #[case::breaks_at_space("one two three", 8, &["one two", "three"])]
    #[case::long_word("abcdefghij", 4, &["abcd", "efgh", "ij"])]
    #[case::wide_chars("日本語の記事", 5, &["日本", "語の", "記事"])]
    #[case::controls("a\u{1b}[31mb", 20, &["a\u{241b}[31mb"])]
    #[case::empty("", 5, &[""])]
    #[case::zero_width("abc", 0, &["a", "b", "c"])]
    fn wraps_by_display_width(#[case] text: &str, #[case] width: usize, #[case] want: &[&str]) {
        let lines = wrap(text, 0, Style::new(), &[], width);
        assert_eq!(plain(&lines), want);
        for line in &lines {
            assert!(line_width(line) <= width.max(1));
        }
    }

    #[test]
    fn style_crosses_line_break() {
        let text = "killed thirty eight people";
        let mark = Mark {
            span: Span::new(7 + 100, 19 + 100),
            style: Style::new().fg(Color::Red),
        };
        let lines = wrap(text, 100, Style::new().add_modifier(Modifier::BOLD), &[mark], 13);
        assert_eq!(plain(&lines), ["killed thirty", "eight people"]);
        let red = |line: &Line<'_>| -> String {
            line.spans
                .iter()
                .filter(|s| s.style.fg == Some(Color::Red))
                .map(|s| s.content.to_string())
                .collect()
        };
        assert_eq!(red(&lines[0]), "thirty");
        assert_eq!(red(&lines[1]), "eight");
        assert!(
            lines[1]
                .spans
                .iter()
                .all(|s| s.style.add_modifier.contains(Modifier::BOLD))
        );
    }

    proptest::proptest! {
        #[test]
        // Width from 2: a double-width character cannot fit in one cell.
        fn lines_fit_and_keep_every_visible_character(text in "\\PC{0,200}", width in 2usize..40) {
            let lines = wrap(&text, 0, Style::new(), &[], width);
            for line in &lines {
                proptest::prop_assert!(line_width(line) <= width);
            }
            let kept: String = plain(&lines).concat().chars().filter(|c| !c.is_whitespace()).collect();
            let shown = printable(&text);
            let want: String = shown.chars().map(cell_char).filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(kept, want);
        }
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("Azerbaijan Airlines", 10), "Azerbaija…");
        assert_eq!(truncate("short", 10), "short");
    }
}
