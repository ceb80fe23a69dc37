//! The article columns: headers, then either aligned rows (one row per passage, members in
//! their article's column, all columns scrolling together) or reading mode (each column in
//! its own article's order, the current passage's partners highlighted and brought into
//! view).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

use crate::model::{Article, printable};
use crate::span::{SentenceId, Span};
use crate::tui::app::{App, Focus, Row, RowMember};
use crate::tui::layout::{Areas, HEADER};
use crate::tui::wrap::{self, Mark};

/// Draws headers, separators and the rows or reading columns.
pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    render_headers(app, areas, buf);
    let muted = app.theme.muted();
    for x in areas.rule.left()..areas.rule.right() {
        buf.set_string(x, areas.rule.y, "─", muted);
    }
    for (idx, (_, rect)) in areas.columns.iter().enumerate() {
        if idx == 0 {
            continue;
        }
        let x = rect.x.saturating_sub(1);
        for y in rect.top()..rect.bottom() {
            let symbol = if y == areas.rule.y { "┼" } else { "│" };
            buf.set_string(x, y, symbol, muted);
        }
    }
    if app.view.reading {
        render_reading(app, areas, buf);
    } else {
        render_rows(app, areas, buf);
    }
}

fn render_headers(app: &App, areas: &Areas, buf: &mut Buffer) {
    let theme = app.theme;
    let last = areas.columns.len().saturating_sub(1);
    for (idx, &(article_idx, rect)) in areas.columns.iter().enumerate() {
        let Some(article) = app.analysis.articles.get(article_idx) else {
            continue;
        };
        let width = usize::from(rect.width);
        let mut name = format!("{} {}", article_idx + 1, article.source);
        if idx == 0 && areas.hidden_left > 0 {
            name = format!("◀{} {name}", areas.hidden_left);
        }
        let more = if idx == last && areas.hidden_right > 0 {
            format!(" {}▶", areas.hidden_right)
        } else {
            String::new()
        };
        let more_width = more.chars().count();
        let focused = app.view.focus == Focus::Column(article_idx);
        let style = if focused { theme.focused() } else { theme.header() };
        let name = wrap::truncate(&name, width.saturating_sub(more_width));
        let line = Line::from(vec![
            TextSpan::styled(name, style),
            TextSpan::styled(more, theme.key()),
        ]);
        buf.set_line(rect.x, areas.header.y, &line, rect.width);
        let own = app
            .rows
            .iter()
            .filter(|r| r.unique && r.cell(article_idx).next().is_some())
            .count();
        let counts = format!(
            "{} · {} sent · {own} unique",
            article.date.as_deref().unwrap_or("undated"),
            article.sentences.len()
        );
        if HEADER > 1 {
            buf.set_string(
                rect.x,
                areas.header.y + 1,
                wrap::truncate(&counts, width),
                theme.muted(),
            );
        }
        if HEADER > 2 {
            let title = article.title.as_deref().unwrap_or("(no title)");
            buf.set_string(
                rect.x,
                areas.header.y + 2,
                wrap::truncate(title, width),
                Style::new(),
            );
        }
    }
}

fn render_rows(app: &App, areas: &Areas, buf: &mut Buffer) {
    let theme = app.theme;
    let body = areas.body;
    let text_width = usize::from(areas.column_width.saturating_sub(1));
    let mut y = body.y;
    let mut row_idx = app.view.top;
    while y < body.bottom() {
        let Some(row) = app.rows.get(row_idx) else {
            break;
        };
        let cursor = row_idx == app.view.cursor;
        if app.row_height(row_idx, areas) == 0 {
            row_idx += 1;
            continue;
        }
        render_gutter(
            app,
            row,
            cursor,
            Rect::new(areas.gutter.x, y, areas.gutter.width, 1),
            buf,
        );
        let mut height = 1;
        for &(article_idx, rect) in &areas.columns {
            let lines = cell_lines(app, row, article_idx, cursor, text_width);
            let odd = row.odd_one.is_some_and(|a| a.0 == article_idx);
            for (offset, line) in lines.iter().enumerate() {
                let Some(line_y) = y.checked_add(offset as u16).filter(|&ly| ly < body.bottom()) else {
                    break;
                };
                if odd {
                    buf.set_string(rect.x, line_y, "▌", theme.odd_one());
                }
                buf.set_line(
                    rect.x.saturating_add(1),
                    line_y,
                    line,
                    rect.width.saturating_sub(1),
                );
            }
            height = height.max(lines.len());
        }
        y = y.saturating_add(height as u16 + 1);
        row_idx += 1;
    }
}

/// The gutter of a row: cursor, mark, conflict and only-one-article markers.
fn render_gutter(app: &App, row: &Row, cursor: bool, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let selected = row.group.is_some_and(|g| app.view.selection.groups.contains(&g));
    let marks = [
        (cursor, "▶", theme.cursor_mark()),
        (selected, "●", theme.selected()),
        (row.conflict, "!", theme.conflict()),
        (row.unique, "◇", theme.unique_mark()),
    ];
    for (idx, (on, symbol, style)) in marks.into_iter().enumerate() {
        if on && (idx as u16) < area.width {
            buf.set_string(area.x + idx as u16, area.y, symbol, style);
        }
    }
}

/// The wrapped lines of one article's sentences in a row.
fn cell_lines(app: &App, row: &Row, article_idx: usize, cursor: bool, width: usize) -> Vec<Line<'static>> {
    let Some(article) = app.analysis.articles.get(article_idx) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for member in row.cell(article_idx) {
        let mut base = base_style(app, article, member.sentence, row.unique);
        if cursor {
            base = base.patch(app.theme.cursor_row());
        }
        lines.extend(sentence_lines(app, article, row, member, base, width));
    }
    lines
}

fn base_style(app: &App, article: &Article, sentence: SentenceId, unique: bool) -> Style {
    let boilerplate = article.sentences.get(sentence.0).is_some_and(|s| s.boilerplate);
    if boilerplate {
        app.theme.boilerplate()
    } else if unique {
        app.theme.unique()
    } else {
        Style::new()
    }
}

/// One sentence wrapped, with its diverging words, the active mentions and search matches
/// marked.
fn sentence_lines(
    app: &App,
    article: &Article,
    row: &Row,
    member: &RowMember,
    base: Style,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(sentence) = article.sentences.get(member.sentence.0) else {
        return Vec::new();
    };
    let text = article.sentence_text(member.sentence);
    let mut marks: Vec<Mark> = Vec::new();
    let group_member = row
        .group
        .and_then(|g| app.analysis.groups.get(g))
        .zip(member.member)
        .and_then(|(g, idx)| g.members.get(idx));
    if let Some(group_member) = group_member {
        marks.extend(group_member.diverging.iter().map(|d| Mark {
            span: d.span(),
            style: app.theme.diff(d.kind),
        }));
    }
    if let Some(search) = &app.search {
        let needle = search.query.to_ascii_lowercase();
        let hay = text.to_ascii_lowercase();
        if !needle.is_empty() {
            marks.extend(hay.match_indices(&needle).map(|(at, m)| Mark {
                span: Span::new(sentence.start + at, sentence.start + at + m.len()),
                style: app.theme.search(),
            }));
        }
    }
    for mention in app.active_mentions() {
        if mention.article == member.article && mention.sentence == member.sentence {
            marks.push(Mark {
                span: Span::new(mention.start, mention.end),
                style: app.theme.mention(),
            });
        }
    }
    wrap::wrap(text, sentence.start, base, &marks, width)
}

fn render_reading(app: &App, areas: &Areas, buf: &mut Buffer) {
    let theme = app.theme;
    let body = areas.body;
    let height = usize::from(body.height);
    let text_width = usize::from(areas.column_width.saturating_sub(1));
    for &(article_idx, rect) in &areas.columns {
        let Some(article) = app.analysis.articles.get(article_idx) else {
            continue;
        };
        let target = app.current_sentence(article_idx);
        let mut lines: Vec<(Line<'static>, bool)> = Vec::new();
        let mut target_line = 0;
        let mut previous_end = 0;
        for (idx, sentence) in article.sentences.iter().enumerate() {
            // Past the target, a screenful is all that can be shown.
            if target.is_some_and(|t| t.0 < idx) && lines.len() >= target_line + height {
                break;
            }
            let gap = article.text.get(previous_end..sentence.start).unwrap_or("");
            if idx > 0 && gap.contains('\n') {
                lines.push((Line::default(), false));
            }
            previous_end = sentence.end;
            let id = SentenceId(idx);
            let row_idx = app
                .row_of
                .get(article_idx)
                .and_then(|r| r.get(idx))
                .copied()
                .unwrap_or(0);
            let Some(row) = app.rows.get(row_idx) else {
                continue;
            };
            let Some(member) = row
                .members
                .iter()
                .find(|m| m.article.0 == article_idx && m.sentence == id)
            else {
                continue;
            };
            let mut base = base_style(app, article, id, row.unique);
            let current = row_idx == app.view.cursor;
            if current {
                base = base.patch(theme.partner());
            }
            if target == Some(id) {
                target_line = lines.len();
            }
            let first = lines.len();
            for line in sentence_lines(app, article, row, member, base, text_width) {
                let here = target == Some(id) && lines.len() == first;
                lines.push((line, here));
            }
        }
        let scroll = target_line
            .saturating_sub(height / 3)
            .min(lines.len().saturating_sub(height));
        let focused = app.view.focus == Focus::Column(article_idx);
        for (offset, (line, here)) in lines.iter().skip(scroll).take(height).enumerate() {
            let y = body.y.saturating_add(offset as u16);
            if *here && focused {
                buf.set_string(rect.x, y, "▶", theme.cursor_mark());
            }
            buf.set_line(rect.x.saturating_add(1), y, line, rect.width.saturating_sub(1));
        }
    }
}

/// The source names of the articles, made printable: used by the status bar.
pub fn source(app: &App, article: usize) -> String {
    app.analysis
        .articles
        .get(article)
        .map(|a| printable(&a.source).into_owned())
        .unwrap_or_default()
}
