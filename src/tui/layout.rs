//! Where every pane goes: a pure function of the terminal area and the state, called by
//! `update` (page sizes, scrolling, mouse clicks) and by the view (placing widgets), so both
//! always agree.
//!
//! Columns all get the same width, so every column wraps at the same point. When the
//! articles don't fit at [`MIN_COLUMN`] cells each, only some are shown and the rest are
//! reached by moving the focus (horizontal scrolling).

use ratatui::layout::Rect;

use super::app::App;

/// Narrowest a column gets before articles are scrolled off screen instead.
pub const MIN_COLUMN: u16 = 28;
/// Width of the gutter left of the rows (cursor, mark, conflict, single-article markers).
pub const GUTTER: u16 = 5;
/// Height of the column headers (source, date and counts, title).
pub const HEADER: u16 = 3;
/// Smallest terminal the viewer draws in; anything smaller gets a plain message.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 8;
/// Narrowest the facts panel gets.
pub const MIN_PANEL: u16 = 24;

/// The panes of one frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Areas {
    /// True when the terminal is below [`MIN_WIDTH`] x [`MIN_HEIGHT`]: nothing else is set.
    pub too_small: bool,
    /// The column headers, gutter excluded.
    pub header: Rect,
    /// The line under the headers.
    pub rule: Rect,
    /// The gutter beside the rows.
    pub gutter: Rect,
    /// The whole rows area, gutter excluded.
    pub body: Rect,
    /// The visible columns: `(article index, area)` over header and body, left to right.
    pub columns: Vec<(usize, Rect)>,
    /// Width of each column's text.
    pub column_width: u16,
    /// How many articles are scrolled off to the left.
    pub hidden_left: usize,
    /// How many articles are scrolled off to the right.
    pub hidden_right: usize,
    /// The facts panel, when open.
    pub panel: Option<Rect>,
    /// The status bar.
    pub status: Rect,
}

impl Areas {
    /// Lays out `area` for `app`.
    pub fn new(area: Rect, app: &App) -> Self {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return Self {
                too_small: true,
                ..Self::default()
            };
        }
        let status = Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1);
        let main = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
        let (passages, panel) = if app.view.panel_open {
            let want = u32::from(main.width) * u32::from(app.view.panel_width) / 100;
            let most = main.width.saturating_sub(MIN_WIDTH);
            let width = (want as u16).clamp(MIN_PANEL.min(most), most);
            let left = Rect::new(main.x, main.y, main.width.saturating_sub(width), main.height);
            (left, Some(Rect::new(left.right(), main.y, width, main.height)))
        } else {
            (main, None)
        };
        let inner_x = passages.x.saturating_add(GUTTER);
        let inner_width = passages.width.saturating_sub(GUTTER);
        let header = Rect::new(inner_x, passages.y, inner_width, HEADER.min(passages.height));
        let rule = Rect::new(passages.x, header.bottom(), passages.width, 1);
        let body_y = rule.bottom();
        let body_height = passages.bottom().saturating_sub(body_y);
        let body = Rect::new(inner_x, body_y, inner_width, body_height);
        let gutter = Rect::new(passages.x, body_y, GUTTER.min(passages.width), body_height);
        let total = app.analysis.articles.len();
        let (first, count) = visible_columns(inner_width, total, app.view.col_offset);
        let column_width = if count == 0 {
            0
        } else {
            // One cell between columns for the separator.
            let seps = count.saturating_sub(1) as u16;
            inner_width.saturating_sub(seps) / count as u16
        };
        let columns = (0..count)
            .map(|i| {
                let x = inner_x.saturating_add((column_width.saturating_add(1)).saturating_mul(i as u16));
                (first + i, Rect::new(x, passages.y, column_width, passages.height))
            })
            .collect();
        Self {
            too_small: false,
            header,
            rule,
            gutter,
            body,
            columns,
            column_width,
            hidden_left: first,
            hidden_right: total.saturating_sub(first + count),
            panel,
            status,
        }
    }

    /// The article whose column holds terminal column `x`, if any.
    pub fn column_at(&self, x: u16) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, r)| r.x <= x && x < r.right().saturating_add(1))
            .map(|(article, _)| *article)
    }
}

/// How many columns fit in `width`, and which is the first, given the wanted offset:
/// `(first, count)`, with `first + count <= total`.
pub fn visible_columns(width: u16, total: usize, offset: usize) -> (usize, usize) {
    let fit = (usize::from(width) + 1) / (usize::from(MIN_COLUMN) + 1);
    let count = fit.clamp(1, total.max(1)).min(total);
    let first = offset.min(total.saturating_sub(count));
    (first, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_scroll_when_too_many() {
        assert_eq!(visible_columns(200, 20, 0), (0, 6));
        assert_eq!(visible_columns(200, 20, 18), (14, 6));
        assert_eq!(visible_columns(175, 20, 0), (0, 6));
        assert_eq!(visible_columns(200, 3, 2), (0, 3));
        assert_eq!(visible_columns(10, 3, 1), (1, 1));
        assert_eq!(visible_columns(10, 0, 1), (0, 0));
    }
}
