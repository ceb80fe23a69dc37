//! The status bar: where you are (row, article, conflict, matches, marks), the last
//! message, and the keys of the current mode (generated from the keymap).

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span as TextSpan};

use crate::model::printable;
use crate::tui::app::{App, Focus, Mode};
use crate::tui::keymap;
use crate::tui::layout::Areas;

/// Draws the status bar.
pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let theme = app.theme;
    let area = areas.status;
    buf.set_style(area, theme.status());
    let mut left: Vec<TextSpan<'static>> = Vec::new();
    match app.mode {
        Mode::Search => left.push(TextSpan::raw(format!(" /{}▏", printable(&app.input)))),
        Mode::Export => left.push(TextSpan::raw(format!(
            " export {} to: {}▏",
            app.format,
            printable(&app.input)
        ))),
        Mode::Help => left.push(TextSpan::raw(" help")),
        Mode::Normal | Mode::Confirm => left.push(TextSpan::raw(format!(" {}", position(app, areas)))),
    }
    if let Some(status) = &app.status {
        let style = if status.error { theme.error() } else { theme.key() };
        let message = TextSpan::styled(printable(&status.text).into_owned(), style);
        let position_width: usize = left.iter().map(TextSpan::width).sum();
        if position_width + 3 + message.width() <= usize::from(area.width) {
            left.push(TextSpan::raw(" │ "));
            left.push(message);
        } else {
            // Too narrow for both: the message first, so feedback is never cut off.
            left.insert(0, TextSpan::raw(" "));
            left.insert(1, message);
            left.insert(2, TextSpan::raw(" │"));
        }
    }
    let left = Line::from(left);
    let left_width = left.width();
    buf.set_line(area.x, area.y, &left, area.width);
    // Hints on the right, as many as fit.
    let mut hints: Vec<TextSpan<'static>> = Vec::new();
    let mut width = 0;
    let room = usize::from(area.width).saturating_sub(left_width + 2);
    for (key, help) in keymap::hints(app.mode) {
        let piece = key.chars().count() + help.chars().count() + 3;
        if width + piece > room {
            break;
        }
        width += piece;
        hints.push(TextSpan::styled(key, theme.key()));
        hints.push(TextSpan::raw(format!(" {help}  ")));
    }
    if !hints.is_empty() {
        let x = area.right().saturating_sub(width as u16);
        buf.set_line(x, area.y, &Line::from(hints), width as u16);
    }
}

/// "row 12/80 · col 2/5 alpha · conflict 1/3 · 2 marked".
fn position(app: &App, areas: &Areas) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mode = if app.view.reading { "reading" } else { "rows" };
    let rows = app.rows.len();
    if rows == 0 || app.analysis.articles.is_empty() {
        return "no passages to show".to_owned();
    }
    let row = app.view.cursor + 1;
    let passage = app
        .rows
        .get(app.view.cursor)
        .and_then(|r| r.group)
        .map_or_else(|| " (boilerplate)".to_owned(), |g| format!(" passage {}", g + 1));
    parts.push(format!("{mode} {row}/{rows}{passage}"));
    let articles = app.analysis.articles.len();
    match app.view.focus {
        Focus::Column(a) => parts.push(format!(
            "col {}/{articles} {}",
            a + 1,
            super::passages::source(app, a)
        )),
        Focus::Panel => parts.push(format!(
            "panel {}/{}",
            app.view.panel_cursor + 1,
            app.panel_items.len()
        )),
    }
    if areas.hidden_left + areas.hidden_right > 0 {
        let shown = areas.columns.len();
        parts.push(format!(
            "cols {}-{}/{articles}",
            areas.hidden_left + 1,
            areas.hidden_left + shown
        ));
    }
    let conflicts = app.analysis.conflicts.len();
    match app.view.conflict {
        Some(c) => parts.push(format!("conflict {}/{conflicts}", c + 1)),
        None if conflicts > 0 => parts.push(format!("{conflicts} conflicts")),
        None => {}
    }
    if let Some(search) = &app.search {
        parts.push(format!("match {}/{}", search.current + 1, search.matches.len()));
    }
    let marked = app.view.selection.len();
    if marked > 0 {
        parts.push(format!("{marked} marked"));
    }
    parts.join(" · ")
}
