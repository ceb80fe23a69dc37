//! Rendering: a pure function of [`App`]. Nothing here changes state, reads a clock or does
//! I/O; the same state always draws the same frame. Each pane has its own module.

pub mod facts;
pub mod help;
pub mod passages;
pub mod status;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, Mode};
use super::layout::{Areas, MIN_HEIGHT, MIN_WIDTH};

/// Draws the whole viewer into a frame.
pub fn draw(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    render(app, area, frame.buffer_mut());
}

/// Draws the whole viewer into `area` of `buf`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let areas = Areas::new(area, app);
    if areas.too_small {
        let message = format!(
            "Terminal too small ({}x{}): parallax needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Enlarge it, or press q to quit.",
            area.width, area.height
        );
        Paragraph::new(message)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    passages::render(app, &areas, buf);
    if let Some(panel) = areas.panel {
        facts::render(app, panel, buf);
    }
    status::render(app, &areas, buf);
    if app.mode == Mode::Help {
        help::render(app, area, buf);
    }
}
