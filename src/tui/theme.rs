//! Every style the viewer uses, in one place. Colours stay within the 16 ANSI colours so
//! they work on any colour terminal; with `NO_COLOR` set, every style falls back to bold,
//! underline, reverse and dim, which carry the same distinctions without colour.

use ratatui::style::{Color, Modifier, Style};

use crate::model::DiffKind;

/// The palette: colours, or modifiers only when colour is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when `NO_COLOR` asks for no colours.
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Self { color: true }
    }
}

impl Theme {
    /// A theme without colours, as `NO_COLOR` asks.
    pub const NO_COLOR: Self = Self { color: false };

    /// The theme the environment asks for: no colours when `NO_COLOR` is set and not empty
    /// (<https://no-color.org>).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self { color: !no_color }
    }

    fn pick(self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// A diverging word run; numbers, names and negations are the strongest.
    pub fn diff(self, kind: DiffKind) -> Style {
        let strong = Style::new().add_modifier(Modifier::BOLD);
        match kind {
            DiffKind::Changed => self.pick(
                Style::new().fg(Color::Yellow),
                Style::new().add_modifier(Modifier::UNDERLINED),
            ),
            DiffKind::Number => self.pick(
                strong.fg(Color::Black).bg(Color::Yellow),
                strong.add_modifier(Modifier::REVERSED),
            ),
            DiffKind::Name => self.pick(
                strong.fg(Color::Black).bg(Color::Cyan),
                strong.add_modifier(Modifier::REVERSED),
            ),
            DiffKind::Negation => self.pick(
                strong.fg(Color::White).bg(Color::Red),
                strong.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            ),
        }
    }

    /// Text that no other article shares (a passage only one article has).
    pub fn unique(self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }

    /// Boilerplate: captions, credits, share prompts.
    pub fn boilerplate(self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    /// The mentions of the selected fact or conflict.
    pub fn mention(self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightGreen)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED | Modifier::ITALIC),
        )
    }

    /// A search match.
    pub fn search(self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::LightMagenta),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
        )
    }

    /// The current passage's partners in reading mode.
    pub fn partner(self) -> Style {
        self.pick(
            Style::new().bg(Color::Blue).fg(Color::White),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The cursor row's text.
    pub fn cursor_row(self) -> Style {
        self.pick(
            Style::new().add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The cursor marker in the gutter.
    pub fn cursor_mark(self) -> Style {
        self.pick(
            Style::new().fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    }

    /// The conflict marker in the gutter, and conflicts in the panel.
    pub fn conflict(self) -> Style {
        self.pick(
            Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The bar left of the odd one out: the one article that differs on a number, name or
    /// negation when the others agree.
    pub fn odd_one(self) -> Style {
        self.pick(
            Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The selection marker.
    pub fn selected(self) -> Style {
        self.pick(
            Style::new().fg(Color::LightGreen).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The only-one-article marker in the gutter.
    pub fn unique_mark(self) -> Style {
        self.pick(Style::new().fg(Color::Cyan), Style::new())
    }

    /// A column header.
    pub fn header(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The focused column's header, and the focused panel's border.
    pub fn focused(self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    }

    /// Secondary text: dates, counts, separators, hints.
    pub fn muted(self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    /// The status bar.
    pub fn status(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A key name in the status bar and the help.
    pub fn key(self) -> Style {
        self.pick(
            Style::new().fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// An error message in the status bar.
    pub fn error(self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// The item under the cursor in the facts panel.
    pub fn panel_cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A section title in the panel and the help.
    pub fn title(self) -> Style {
        self.pick(
            Style::new().fg(Color::LightBlue).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }
}
