//! Every way the viewer's state can change ([`Action`]) and every side effect an update can
//! ask for ([`Effect`]). Effects are data: the event loop runs them and reports back with
//! an action, so `update` itself never touches a file or the terminal.

use std::path::PathBuf;

use crate::export::{Format, Selection};

/// A change to the viewer's state: a key press, a mouse event, a resize or an effect's
/// result, already decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move down one row (or one sentence in reading mode, or one item in the panel).
    Down,
    /// Move up one row (or one sentence, or one item).
    Up,
    /// Move down one screen.
    PageDown,
    /// Move up one screen.
    PageUp,
    /// Go to the first row (or item).
    Top,
    /// Go to the last row (or item).
    Bottom,
    /// Focus the column to the left.
    FocusLeft,
    /// Focus the column to the right (or the facts panel after the last column).
    FocusRight,
    /// Focus the next column, then the panel, wrapping around.
    FocusNext,
    /// Focus the previous column or the panel, wrapping around.
    FocusPrev,
    /// Jump to the next conflict, or the next search match while a search is active.
    NextConflict,
    /// Jump to the previous conflict, or the previous search match.
    PrevConflict,
    /// Jump to the next row where a number, name or negation differs.
    NextDivergent,
    /// Jump to the previous row where a number, name or negation differs.
    PrevDivergent,
    /// Mark or unmark the current row, fact or conflict for export.
    ToggleSelect,
    /// Open the export prompt.
    StartExport,
    /// Copy the selection as Markdown to the clipboard (OSC 52).
    Copy,
    /// Show or hide the facts panel.
    ToggleFacts,
    /// Make the facts panel wider.
    PanelWider,
    /// Make the facts panel narrower.
    PanelNarrower,
    /// Switch between aligned rows and reading mode.
    ToggleReading,
    /// Open the search prompt.
    StartSearch,
    /// Show the help popup.
    ShowHelp,
    /// Leave the viewer.
    Quit,
    /// Scroll the rows by this many (mouse wheel), dragging the cursor along.
    ScrollBy(i32),
    /// A mouse click at this column and row of the terminal.
    Click(u16, u16),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A character typed into a prompt.
    Input(char),
    /// Delete the last character of a prompt.
    Backspace,
    /// Confirm a prompt (search, export path, overwrite).
    Submit,
    /// Close a prompt or popup without doing anything.
    Cancel,
    /// In the export prompt: switch to the next format.
    NextFormat,
    /// An export effect finished: the path written, or why not.
    ExportFinished(Result<PathBuf, ExportFailure>),
}

/// Why an export effect failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportFailure {
    /// The file exists; the viewer asks before overwriting.
    Exists(PathBuf),
    /// Anything else, as a message for the status bar.
    Other(String),
}

/// A side effect requested by [`crate::tui::App::update`], run by the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the selection to a file atomically; `overwrite` replaces an existing file.
    Export {
        /// The format to write.
        format: Format,
        /// Where to write it.
        path: PathBuf,
        /// What to write.
        selection: Selection,
        /// Replace the file when it exists.
        overwrite: bool,
    },
    /// Put this text on the clipboard with an OSC 52 escape sequence.
    Copy(String),
}
