//! The impure part of the viewer: terminal set-up and restore, the event loop, and running
//! effects (writing exports, the OSC 52 clipboard). Everything else in `tui` is pure.
//!
//! The terminal is restored on quit, on error and on panic: `ratatui::try_init` installs a
//! panic hook that restores it, and ours (installed first, so it runs after) turns mouse
//! capture off as well.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Size;

use super::action::{Action, Effect, ExportFailure};
use super::app::App;
use super::theme::Theme;
use super::{keymap, view};
use crate::export::{self, ExportError};
use crate::model::Analysis;

/// Opens the viewer on `analysis` in the current terminal and returns when the user quits.
pub fn run(analysis: Analysis) -> anyhow::Result<()> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::try_init().context("opening the terminal")?;
    let result = execute!(io::stdout(), EnableMouseCapture)
        .context("enabling the mouse")
        .and_then(|()| event_loop(&mut terminal, analysis));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, analysis: Analysis) -> anyhow::Result<()> {
    let size = terminal.size().context("reading the terminal size")?;
    let mut app = App::new(analysis, Size::new(size.width, size.height)).with_theme(Theme::from_env());
    loop {
        terminal
            .draw(|frame| view::draw(&app, frame))
            .context("drawing")?;
        if app.quit {
            return Ok(());
        }
        let action = match event::read().context("reading input")? {
            Event::Key(key) if key.kind != KeyEventKind::Release => keymap::lookup(app.mode, key),
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::ScrollDown => Some(Action::ScrollBy(3)),
                MouseEventKind::ScrollUp => Some(Action::ScrollBy(-3)),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
                _ => None,
            },
            Event::Resize(width, height) => Some(Action::Resize(width, height)),
            _ => None,
        };
        let mut next = action;
        while let Some(action) = next.take() {
            if let Some(effect) = app.update(action) {
                next = run_effect(effect, &app.analysis);
            }
        }
    }
}

/// Runs an effect and reports its result as an action.
fn run_effect(effect: Effect, analysis: &Analysis) -> Option<Action> {
    match effect {
        Effect::Export {
            format,
            path,
            selection,
            overwrite,
        } => {
            let result =
                export::write_file(format, analysis, &selection, &path, overwrite).map_err(|err| match err {
                    ExportError::Exists(path) => ExportFailure::Exists(path),
                    other => ExportFailure::Other(other.to_string()),
                });
            Some(Action::ExportFinished(result.map(absolute)))
        }
        Effect::Copy(text) => {
            let mut out = io::stdout();
            let _ = out.write_all(osc52(&text).as_bytes()).and_then(|()| out.flush());
            None
        }
    }
}

fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (a few lines, rather than a dependency for one use).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (idx, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if idx <= chunk.len() {
                let sextet = ((n >> shift) & 0x3f) as usize;
                out.push(char::from(ALPHABET.get(sextet).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
