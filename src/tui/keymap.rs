//! The key bindings: one static table of `(mode, key, action, help)`. [`lookup`] is the only
//! place that sees a key event; the status-bar hints and the help popup are generated from
//! the same table, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::Mode;

/// One key binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The mode it applies in.
    pub mode: Mode,
    /// The key.
    pub code: KeyCode,
    /// True when Ctrl must be held.
    pub ctrl: bool,
    /// What it does.
    pub action: Action,
    /// What the help says it does.
    pub help: &'static str,
    /// The word the status bar shows for it; empty when it is not shown there.
    pub hint: &'static str,
}

const fn bind(mode: Mode, code: KeyCode, action: Action, help: &'static str, hint: &'static str) -> Binding {
    Binding {
        mode,
        code,
        ctrl: false,
        action,
        help,
        hint,
    }
}

const fn ctrl(mode: Mode, c: char, action: Action, help: &'static str) -> Binding {
    Binding {
        mode,
        code: KeyCode::Char(c),
        ctrl: true,
        action,
        help,
        hint: "",
    }
}

use KeyCode::{
    BackTab, Backspace, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use Mode::{Confirm, Export, Help, Normal, Search};

/// Every binding, in the order the help lists them.
pub static BINDINGS: &[Binding] = &[
    bind(
        Normal,
        Char('j'),
        Action::Down,
        "next row (sentence in reading mode, item in panel)",
        "move",
    ),
    bind(
        Normal,
        Down,
        Action::Down,
        "next row (sentence in reading mode, item in panel)",
        "",
    ),
    bind(Normal, Char('k'), Action::Up, "previous row", ""),
    bind(Normal, Up, Action::Up, "previous row", ""),
    bind(Normal, PageDown, Action::PageDown, "one screen down", ""),
    ctrl(Normal, 'd', Action::PageDown, "one screen down"),
    bind(Normal, PageUp, Action::PageUp, "one screen up", ""),
    ctrl(Normal, 'u', Action::PageUp, "one screen up"),
    bind(Normal, Char('g'), Action::Top, "first row", ""),
    bind(Normal, Home, Action::Top, "first row", ""),
    bind(Normal, Char('G'), Action::Bottom, "last row", ""),
    bind(Normal, End, Action::Bottom, "last row", ""),
    bind(Normal, Char('h'), Action::FocusLeft, "column to the left", ""),
    bind(Normal, Left, Action::FocusLeft, "column to the left", ""),
    bind(
        Normal,
        Char('l'),
        Action::FocusRight,
        "column to the right, then the panel",
        "",
    ),
    bind(
        Normal,
        Right,
        Action::FocusRight,
        "column to the right, then the panel",
        "",
    ),
    bind(Normal, Tab, Action::FocusNext, "next column or panel", "column"),
    bind(Normal, BackTab, Action::FocusPrev, "previous column or panel", ""),
    bind(
        Normal,
        Char('n'),
        Action::NextConflict,
        "next conflict (next match after a search)",
        "conflict",
    ),
    bind(
        Normal,
        Char('N'),
        Action::PrevConflict,
        "previous conflict (previous match)",
        "",
    ),
    bind(
        Normal,
        Char(']'),
        Action::NextDivergent,
        "next row where a number, name or negation differs",
        "",
    ),
    bind(
        Normal,
        Char('['),
        Action::PrevDivergent,
        "previous row where a number, name or negation differs",
        "",
    ),
    bind(Normal, Char('/'), Action::StartSearch, "search", "search"),
    bind(
        Normal,
        Char('f'),
        Action::ToggleFacts,
        "show or hide the facts panel",
        "facts",
    ),
    bind(Normal, Char('>'), Action::PanelWider, "widen the facts panel", ""),
    bind(
        Normal,
        Char('<'),
        Action::PanelNarrower,
        "narrow the facts panel",
        "",
    ),
    bind(
        Normal,
        Char('r'),
        Action::ToggleReading,
        "aligned rows / reading mode",
        "reading",
    ),
    bind(
        Normal,
        Char('v'),
        Action::ToggleSelect,
        "mark the row, fact or conflict",
        "mark",
    ),
    bind(
        Normal,
        Char(' '),
        Action::ToggleSelect,
        "mark the row, fact or conflict",
        "",
    ),
    bind(
        Normal,
        Char('e'),
        Action::StartExport,
        "export the marked items",
        "export",
    ),
    bind(
        Normal,
        Char('y'),
        Action::Copy,
        "copy the marked items as Markdown (OSC 52)",
        "",
    ),
    bind(Normal, Char('?'), Action::ShowHelp, "help", "help"),
    bind(Normal, Char('q'), Action::Quit, "quit", "quit"),
    bind(Normal, Esc, Action::Quit, "quit", ""),
    ctrl(Normal, 'c', Action::Quit, "quit"),
    bind(Help, Char('j'), Action::Down, "scroll down", ""),
    bind(Help, Down, Action::Down, "scroll down", ""),
    bind(Help, Char('k'), Action::Up, "scroll up", ""),
    bind(Help, Up, Action::Up, "scroll up", ""),
    bind(Help, Esc, Action::Cancel, "close", "close"),
    bind(Help, Char('q'), Action::Cancel, "close", ""),
    bind(Help, Char('?'), Action::Cancel, "close", ""),
    bind(Search, Enter, Action::Submit, "search", "search"),
    bind(Search, Backspace, Action::Backspace, "delete a character", ""),
    bind(Search, Esc, Action::Cancel, "cancel", "cancel"),
    ctrl(Search, 'c', Action::Cancel, "cancel"),
    bind(Export, Enter, Action::Submit, "write the file", "write"),
    bind(
        Export,
        Tab,
        Action::NextFormat,
        "next format (Markdown, JSON, CSV)",
        "format",
    ),
    bind(Export, Backspace, Action::Backspace, "delete a character", ""),
    bind(Export, Esc, Action::Cancel, "cancel", "cancel"),
    ctrl(
        Export,
        'c',
        Action::Quit,
        "quit (asks first: Enter writes, Esc cancels)",
    ),
    bind(Confirm, Char('y'), Action::Submit, "overwrite", "overwrite"),
    bind(Confirm, Char('n'), Action::Cancel, "keep the file", "keep"),
    bind(Confirm, Esc, Action::Cancel, "keep the file", ""),
    ctrl(Confirm, 'c', Action::Quit, "quit (asks first: y or n)"),
];

/// The action a key press means in `mode`, if any. In the prompt modes, a printable
/// character without Ctrl is typed into the prompt.
pub fn lookup(mode: Mode, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let found = BINDINGS
        .iter()
        .find(|b| b.mode == mode && b.code == key.code && b.ctrl == ctrl)
        .map(|b| b.action.clone());
    if found.is_some() {
        return found;
    }
    match (mode, key.code) {
        (Search | Export, Char(c)) if !ctrl => Some(Action::Input(c)),
        (Search | Export, Char('c')) if ctrl => Some(Action::Cancel),
        _ => None,
    }
}

/// A key's name as the help shows it.
pub fn key_name(code: KeyCode, ctrl: bool) -> String {
    let name = match code {
        Char(' ') => "Space".to_owned(),
        Char(c) => c.to_string(),
        Down => "↓".to_owned(),
        Up => "↑".to_owned(),
        Left => "←".to_owned(),
        Right => "→".to_owned(),
        PageDown => "PgDn".to_owned(),
        PageUp => "PgUp".to_owned(),
        Tab => "Tab".to_owned(),
        BackTab => "S-Tab".to_owned(),
        Enter => "Enter".to_owned(),
        Esc => "Esc".to_owned(),
        Backspace => "Bksp".to_owned(),
        Home => "Home".to_owned(),
        End => "End".to_owned(),
        other => format!("{other:?}"),
    };
    if ctrl { format!("C-{name}") } else { name }
}

/// One line of help: every key of a mode that does the same thing, and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    /// The keys, as shown: "j ↓".
    pub keys: String,
    /// What they do.
    pub help: &'static str,
    /// Whether the status bar shows it.
    pub hint: bool,
}

/// The help of one mode, keys doing the same thing merged into one entry.
pub fn help(mode: Mode) -> Vec<HelpEntry> {
    let mut out: Vec<HelpEntry> = Vec::new();
    for binding in BINDINGS.iter().filter(|b| b.mode == mode) {
        let name = key_name(binding.code, binding.ctrl);
        if let Some(entry) = out.iter_mut().find(|e| e.help == binding.help) {
            entry.keys.push(' ');
            entry.keys.push_str(&name);
            entry.hint |= !binding.hint.is_empty();
        } else {
            out.push(HelpEntry {
                keys: name,
                help: binding.help,
                hint: !binding.hint.is_empty(),
            });
        }
    }
    out
}

/// The short hints of a mode for the status bar: `(first key, a word)`.
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.mode == mode && !b.hint.is_empty())
        .map(|b| (key_name(b.code, b.ctrl), b.hint))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn no_key_bound_twice_in_a_mode() {
        for (idx, a) in BINDINGS.iter().enumerate() {
            for b in BINDINGS.iter().skip(idx + 1) {
                assert!(
                    !(a.mode == b.mode && a.code == b.code && a.ctrl == b.ctrl),
                    "{:?} {} bound twice",
                    a.mode,
                    key_name(a.code, a.ctrl)
                );
            }
        }
    }

    #[test]
    fn every_binding_has_help_and_every_mode_a_hint() {
        for b in BINDINGS {
            assert!(b.help.len() > 3, "{:?} has no help", b.action);
        }
        for mode in [Normal, Help, Search, Export, Confirm] {
            assert!(!hints(mode).is_empty(), "{mode:?} has no hints");
        }
    }

    #[test]
    fn shifted_letters_and_typing() {
        let shifted = KeyEvent::new(Char('N'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Normal, shifted), Some(Action::PrevConflict));
        assert_eq!(lookup(Normal, key(Char('N'))), Some(Action::PrevConflict));
        let ctrl_d = KeyEvent::new(Char('d'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Normal, ctrl_d), Some(Action::PageDown));
        assert_eq!(lookup(Search, key(Char('q'))), Some(Action::Input('q')));
        assert_eq!(lookup(Normal, key(Char('q'))), Some(Action::Quit));
        assert_eq!(lookup(Normal, key(Char('Z'))), None);
    }

    #[test]
    fn hints_are_short() {
        let normal = hints(Normal);
        assert!(normal.contains(&("n".to_owned(), "conflict")));
        assert!(normal.contains(&("q".to_owned(), "quit")));
    }
}
