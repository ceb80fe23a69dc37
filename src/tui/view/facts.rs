//! The facts panel: conflicts first (each claim with its sources), then facts grouped by
//! kind, each with its value, agreement ("3/5") and who said it. The current entry is
//! kept on screen; an empty analysis shows "none found" rather than nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Borders, Widget};

use crate::export::{agreement, attributions, said_by, source_name};
use crate::model::{Mention, printable};
use crate::tui::app::{App, Focus, PanelItem};
use crate::tui::wrap;

/// One line of the panel and the entry (index into `App::panel_items`) it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelLine {
    /// The entry, or `None` for titles and blank lines.
    pub item: Option<usize>,
    /// The text.
    pub line: Line<'static>,
}

/// Every line of the panel for an area of this size (border included in `area`).
pub fn panel_lines(app: &App, area: Rect) -> Vec<PanelLine> {
    let theme = app.theme;
    let width = usize::from(area.width.saturating_sub(2));
    let analysis = &app.analysis;
    let mut out: Vec<PanelLine> = Vec::new();
    let title = |text: String| PanelLine {
        item: None,
        line: Line::styled(text, theme.title()),
    };
    out.push(title(format!("Conflicts ({})", analysis.conflicts.len())));
    if analysis.conflicts.is_empty() {
        out.push(PanelLine {
            item: None,
            line: Line::styled("  none found", theme.muted()),
        });
    }
    let mut last_kind: Option<&str> = None;
    for (pos, item) in app.panel_items.iter().enumerate() {
        let selected;
        let mut entry: Vec<(String, Style)> = Vec::new();
        match *item {
            PanelItem::Conflict(i) => {
                let Some(conflict) = analysis.conflicts.get(i) else {
                    continue;
                };
                selected = app.view.selection.conflicts.contains(&i);
                entry.push((format!("{} ({})", conflict.key, conflict.kind), theme.conflict()));
                for claim in &conflict.claims {
                    entry.push((
                        format!("  {}: {}", claim.value, sources(app, &claim.mentions)),
                        Style::new(),
                    ));
                    let mut said: Vec<String> = Vec::new();
                    for s in claim.mentions.iter().filter_map(|m| said_by(analysis, m)) {
                        if !said.contains(&s) {
                            said.push(s);
                        }
                    }
                    for s in said {
                        entry.push((format!("    said by {s}"), theme.muted()));
                    }
                }
            }
            PanelItem::Fact(i) => {
                let Some(fact) = analysis.facts.get(i) else {
                    continue;
                };
                if last_kind != Some(fact.kind.as_str()) {
                    if last_kind.is_none() {
                        out.push(PanelLine {
                            item: None,
                            line: Line::default(),
                        });
                        out.push(title(format!("Facts ({})", analysis.facts.len())));
                    }
                    out.push(PanelLine {
                        item: None,
                        line: Line::styled(format!(" {}", printable(&fact.kind)), theme.header()),
                    });
                    last_kind = Some(fact.kind.as_str());
                }
                selected = app.view.selection.facts.contains(&i);
                entry.push((
                    format!(
                        "{}: {}  {}",
                        fact.key,
                        fact.value,
                        agreement(analysis, &fact.mentions)
                    ),
                    Style::new(),
                ));
                for said in attributions(analysis, fact) {
                    entry.push((format!("  said by {said}"), theme.muted()));
                }
            }
        }
        let current = pos == app.view.panel_cursor;
        let focused = current && app.view.focus == Focus::Panel;
        let marker = match (current, selected) {
            (true, true) => "▶●",
            (true, false) => "▶ ",
            (false, true) => " ●",
            (false, false) => "  ",
        };
        for (idx, (text, style)) in entry.into_iter().enumerate() {
            let style = if focused {
                style.patch(theme.panel_cursor())
            } else {
                style
            };
            // Leading spaces are the entry's indentation; wrapping would drop them.
            let body = text.trim_start_matches(' ');
            let indent = " ".repeat(text.len() - body.len() + 1);
            let wrap_width = width.saturating_sub(2 + indent.len()).max(1);
            for (wrapped_idx, line) in wrap::wrap(body, 0, style, &[], wrap_width)
                .into_iter()
                .enumerate()
            {
                let lead = if idx == 0 && wrapped_idx == 0 {
                    marker
                } else {
                    "  "
                };
                let mut spans = vec![
                    TextSpan::styled(lead, theme.selected()),
                    TextSpan::raw(indent.clone()),
                ];
                spans.extend(line.spans);
                out.push(PanelLine {
                    item: Some(pos),
                    line: Line::from(spans),
                });
            }
        }
    }
    if analysis.facts.is_empty() {
        out.push(PanelLine {
            item: None,
            line: Line::default(),
        });
        out.push(title("Facts (0)".to_owned()));
        out.push(PanelLine {
            item: None,
            line: Line::styled("  none found", theme.muted()),
        });
    }
    out
}

/// The distinct sources of some mentions: "alpha, beta".
fn sources(app: &App, mentions: &[Mention]) -> String {
    let mut ids: Vec<usize> = mentions.iter().map(|m| m.article.0).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.iter()
        .map(|&i| source_name(&app.analysis, i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first line shown: the current entry is kept on screen.
fn scroll(app: &App, lines: &[PanelLine], height: usize) -> usize {
    let cursor = app.view.panel_cursor;
    let first = lines.iter().position(|l| l.item == Some(cursor)).unwrap_or(0);
    let last = lines.iter().rposition(|l| l.item == Some(cursor)).unwrap_or(0);
    if last < height {
        0
    } else {
        (last + 1).saturating_sub(height).min(first)
    }
}

/// The entry shown on line `line` of the panel's area (border row 0), if any.
pub fn item_at(app: &App, area: Rect, lines: &[PanelLine], line: usize) -> Option<usize> {
    let height = usize::from(area.height.saturating_sub(2));
    let inner = line.checked_sub(1).filter(|&l| l < height)?;
    lines.get(scroll(app, lines, height) + inner)?.item
}

/// Draws the panel.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let focused = app.view.focus == Focus::Panel;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { theme.key() } else { theme.muted() })
        .title(TextSpan::styled(
            " Facts & conflicts ",
            if focused { theme.focused() } else { theme.header() },
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = panel_lines(app, area);
    let height = usize::from(inner.height);
    let start = scroll(app, &lines, height);
    for (offset, line) in lines.iter().skip(start).take(height).enumerate() {
        buf.set_line(
            inner.x,
            inner.y.saturating_add(offset as u16),
            &line.line,
            inner.width,
        );
    }
}
