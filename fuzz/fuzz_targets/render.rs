//! Rendering an arbitrary analysis: articles from arbitrary text, then arbitrary key
//! actions and terminal sizes, each frame drawn into a small buffer. No panic, and no cell
//! ever holds a control character (which would reach the terminal raw).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use parallax::tui::{Action, App, view};
use parallax::{Input, Options, analyze_inputs};
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};

#[derive(Debug, Arbitrary)]
struct Case {
    articles: Vec<String>,
    width: u8,
    height: u8,
    actions: Vec<u8>,
}

/// The actions a user can cause, chosen by one byte (typed characters for the rest).
fn action(byte: u8) -> Action {
    const FIXED: [Action; 30] = [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::FocusLeft,
        Action::FocusRight,
        Action::FocusNext,
        Action::FocusPrev,
        Action::NextConflict,
        Action::PrevConflict,
        Action::NextDivergent,
        Action::PrevDivergent,
        Action::ToggleSelect,
        Action::StartExport,
        Action::Copy,
        Action::ToggleFacts,
        Action::PanelWider,
        Action::PanelNarrower,
        Action::ToggleReading,
        Action::StartSearch,
        Action::ShowHelp,
        Action::Backspace,
        Action::Submit,
        Action::Cancel,
        Action::NextFormat,
        Action::ScrollBy(3),
        Action::ScrollBy(-3),
        Action::Quit,
    ];
    match FIXED.get(usize::from(byte)) {
        Some(action) => action.clone(),
        None if byte >= 0xf0 => Action::Resize(u16::from(byte & 0x0f) * 9, u16::from(byte & 0x07) * 5),
        None if byte >= 0xe0 => Action::Click(u16::from(byte & 0x0f) * 7, u16::from(byte & 0x0f)),
        None => Action::Input(char::from(byte)),
    }
}

fn draw(app: &App) {
    let area = Rect::new(0, 0, app.viewport.width, app.viewport.height);
    let mut buffer = Buffer::empty(area);
    view::render(app, area, &mut buffer);
    for cell in buffer.content() {
        if let Some(c) = cell.symbol().chars().find(|c| c.is_control()) {
            panic!("control character {c:?} drawn");
        }
    }
}

fuzz_target!(|case: Case| {
    if case.articles.is_empty() || case.articles.len() > 6 || case.actions.len() > 64 {
        return;
    }
    let inputs = case
        .articles
        .iter()
        .enumerate()
        .map(|(i, text)| Input::from_text(format!("{i}.txt"), text.clone()))
        .collect();
    let Ok(analysis) = analyze_inputs(inputs, &Options::default()) else {
        return;
    };
    let size = Size::new(u16::from(case.width % 160), u16::from(case.height % 60));
    let mut app = App::new(analysis, size);
    draw(&app);
    for &byte in &case.actions {
        app.update(action(byte));
        draw(&app);
        if app.quit {
            break;
        }
    }
});
