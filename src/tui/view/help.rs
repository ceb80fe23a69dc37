//! The help popup: every key of every mode, generated from the keymap table, and a legend
//! of the highlights drawn in the real styles.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::model::DiffKind;
use crate::tui::app::{App, Mode};
use crate::tui::keymap;

/// The help's lines.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = Vec::new();
    let sections = [
        (Mode::Normal, "Viewer"),
        (Mode::Search, "Search prompt"),
        (Mode::Export, "Export prompt (type a path)"),
        (Mode::Confirm, "Overwrite question"),
        (Mode::Help, "This help"),
    ];
    for (mode, title) in sections {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(title, theme.title()));
        for entry in keymap::help(mode) {
            lines.push(Line::from(vec![
                TextSpan::styled(format!("  {:<16}", entry.keys), theme.key()),
                TextSpan::raw(entry.help),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled("Mouse", theme.title()));
    lines.push(Line::from(vec![
        TextSpan::styled(format!("  {:<16}", "wheel"), theme.key()),
        TextSpan::raw("scroll the rows"),
    ]));
    lines.push(Line::from(vec![
        TextSpan::styled(format!("  {:<16}", "click"), theme.key()),
        TextSpan::raw("pick a row and column, or a panel entry"),
    ]));
    lines.push(Line::default());
    lines.push(Line::styled("Legend", theme.title()));
    let sample = |label: &'static str, style: Style, text: &'static str| {
        Line::from(vec![
            TextSpan::raw("  "),
            TextSpan::styled(label, style),
            TextSpan::raw(" "),
            TextSpan::raw(text),
        ])
    };
    lines.push(sample(
        "changed",
        theme.diff(DiffKind::Changed),
        "words only this article uses",
    ));
    lines.push(sample("38", theme.diff(DiffKind::Number), "a number differs"));
    lines.push(sample("Aliyev", theme.diff(DiffKind::Name), "a name differs"));
    lines.push(sample(
        "not",
        theme.diff(DiffKind::Negation),
        "a negation on one side only",
    ));
    lines.push(sample(
        "shared",
        Style::new(),
        "plain text: words the other articles share",
    ));
    lines.push(sample(
        "unique",
        theme.unique(),
        "a passage only this article has",
    ));
    lines.push(sample(
        "caption",
        theme.boilerplate(),
        "boilerplate (captions, share prompts)",
    ));
    lines.push(sample(
        "mention",
        theme.mention(),
        "mentions of the selected fact or conflict",
    ));
    lines.push(sample("match", theme.search(), "search matches"));
    lines.push(sample("▶", theme.cursor_mark(), "gutter: the current row"));
    lines.push(sample("●", theme.selected(), "gutter: marked for export"));
    lines.push(sample(
        "!",
        theme.conflict(),
        "gutter: a conflict is mentioned in this row",
    ));
    lines.push(sample(
        "◇",
        theme.unique_mark(),
        "gutter: only one article has this passage",
    ));
    lines.push(sample(
        "▌",
        theme.odd_one(),
        "the odd one out: alone in differing on a number, name or negation",
    ));
    lines
}

/// Draws the popup over the middle of `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).min(84);
    let height = area.height.saturating_sub(2);
    let popup = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    Clear.render(popup, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.key())
        .title(" parallax: keys and legend (j/k scroll, Esc closes) ");
    let inner = block.inner(popup);
    block.render(popup, buf);
    let lines = help_lines(app);
    let visible = usize::from(inner.height);
    let start = app.view.help_scroll.min(lines.len().saturating_sub(visible));
    for (offset, line) in lines.iter().skip(start).take(visible).enumerate() {
        buf.set_line(inner.x, inner.y.saturating_add(offset as u16), line, inner.width);
    }
}
