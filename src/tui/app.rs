//! The viewer's state ([`App`]) and its one way to change ([`App::update`]).
//!
//! `App::new` needs no terminal, so tests build one from an [`Analysis`] and a size, apply
//! actions and assert on the state. Rows are derived once from the analysis: one per
//! aligned group, in reading order, plus rows for sentences outside every group
//! (boilerplate), placed after the group holding the previous sentence of their article.
//! Every cursor and offset is clamped after each action.

use std::collections::BTreeSet;
use std::path::PathBuf;

use ratatui::layout::{Rect, Size};

use super::action::{Action, Effect, ExportFailure};
use super::layout::Areas;
use super::theme::Theme;
use super::wrap;
use crate::export::{self, Format, Selection};
use crate::model::{Analysis, DiffKind, Mention};
use crate::span::{ArticleId, SentenceId};

/// What the keyboard currently drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// Browsing rows, columns and the facts panel.
    #[default]
    Normal,
    /// The help popup is open.
    Help,
    /// Typing a search.
    Search,
    /// Typing the export path.
    Export,
    /// Asking whether to overwrite an existing file.
    Confirm,
}

/// Which pane has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// The column of this article.
    Column(usize),
    /// The facts panel.
    Panel,
}

/// An entry of the facts panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PanelItem {
    /// `analysis.conflicts[i]`.
    Conflict(usize),
    /// `analysis.facts[i]`.
    Fact(usize),
}

/// One sentence shown in a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowMember {
    /// Its article.
    pub article: ArticleId,
    /// The sentence.
    pub sentence: SentenceId,
    /// Its index in the group's members, for the diverging spans (none outside groups).
    pub member: Option<usize>,
}

/// A row of the side-by-side view.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The group it shows, or `None` for a row of sentences outside every group.
    pub group: Option<usize>,
    /// Its sentences, by article and then sentence.
    pub members: Vec<RowMember>,
    /// True when a conflict has a mention in this row.
    pub conflict: bool,
    /// True when a number, name or negation differs between its articles.
    pub divergent: bool,
    /// True when only one article has this passage (and it is not boilerplate).
    pub unique: bool,
    /// The article that alone differs on a number, name or negation, when the others agree.
    pub odd_one: Option<ArticleId>,
}

impl Row {
    /// The sentences of one article in this row.
    pub fn cell(&self, article: usize) -> impl Iterator<Item = &RowMember> {
        self.members.iter().filter(move |m| m.article.0 == article)
    }
}

/// A search that has been run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// What was searched for.
    pub query: String,
    /// The rows that match, in order.
    pub matches: Vec<usize>,
    /// Index into `matches` of the current one.
    pub current: usize,
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// Shown as an error.
    pub error: bool,
}

/// Where the user is and what they have marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// The current row.
    pub cursor: usize,
    /// The first row on screen (aligned mode).
    pub top: usize,
    /// The focused pane.
    pub focus: Focus,
    /// The first article column on screen.
    pub col_offset: usize,
    /// The conflict last jumped to, for "conflict 2/5".
    pub conflict: Option<usize>,
    /// The fact or conflict whose mentions are highlighted.
    pub active: Option<PanelItem>,
    /// True when the facts panel is shown.
    pub panel_open: bool,
    /// The panel's share of the width, in percent.
    pub panel_width: u16,
    /// The current entry of the panel.
    pub panel_cursor: usize,
    /// True in reading mode: each column in its own article's order.
    pub reading: bool,
    /// In reading mode, the current sentence of the focused article.
    pub sentence: Option<SentenceId>,
    /// What is marked for export.
    pub selection: Selection,
    /// First line of the help popup.
    pub help_scroll: usize,
}

/// The whole state of the viewer.
#[derive(Debug, Clone)]
pub struct App {
    /// What is shown.
    pub analysis: Analysis,
    /// Cursor, scroll, focus, selection.
    pub view: ViewState,
    /// What the keyboard drives.
    pub mode: Mode,
    /// The terminal size.
    pub viewport: Size,
    /// The last message for the status bar.
    pub status: Option<Status>,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// The styles.
    pub theme: Theme,
    /// The rows, derived from the analysis.
    pub rows: Vec<Row>,
    /// The facts panel's entries: conflicts, then facts grouped by kind.
    pub panel_items: Vec<PanelItem>,
    /// For each article and sentence, its row.
    pub row_of: Vec<Vec<usize>>,
    /// The text typed into the current prompt.
    pub input: String,
    /// The format chosen in the export prompt.
    pub format: Format,
    /// The last search with matches, while it is active.
    pub search: Option<Search>,
    /// The export waiting for an overwrite answer.
    pub pending: Option<(Format, PathBuf, Selection)>,
}

/// Default share of the width for the facts panel, in percent.
const PANEL_WIDTH: u16 = 30;

impl App {
    /// A viewer on `analysis` for a terminal of `size`, cursor on the first row, the facts
    /// panel open when there is something in it.
    pub fn new(analysis: Analysis, size: Size) -> Self {
        let rows = build_rows(&analysis);
        let row_of = index_rows(&analysis, &rows);
        let panel_items = build_panel(&analysis);
        let mut app = Self {
            view: ViewState {
                cursor: 0,
                top: 0,
                focus: Focus::Column(0),
                col_offset: 0,
                conflict: None,
                active: None,
                panel_open: !panel_items.is_empty(),
                panel_width: PANEL_WIDTH,
                panel_cursor: 0,
                reading: false,
                sentence: None,
                selection: Selection::default(),
                help_scroll: 0,
            },
            analysis,
            mode: Mode::Normal,
            viewport: size,
            status: None,
            quit: false,
            theme: Theme::default(),
            rows,
            panel_items,
            row_of,
            input: String::new(),
            format: Format::Markdown,
            search: None,
            pending: None,
        };
        app.mark_conflicts();
        app.clamp();
        // Start on the first passage rather than on a row of headers and captions.
        if let Some(first) = app.rows.iter().position(|r| r.group.is_some()) {
            app.view.cursor = first;
        }
        app.cursor_to_shown_row();
        app.scroll_to_cursor();
        app
    }

    /// The same viewer with another theme.
    #[must_use]
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// The layout of the current viewport.
    pub fn areas(&self) -> Areas {
        Areas::new(Rect::new(0, 0, self.viewport.width, self.viewport.height), self)
    }

    /// The article of the focused column (the first visible one while the panel has focus).
    pub fn focused_article(&self) -> usize {
        match self.view.focus {
            Focus::Column(a) => a,
            Focus::Panel => self.view.col_offset,
        }
    }

    /// The mentions of the highlighted fact or conflict.
    pub fn active_mentions(&self) -> Vec<&Mention> {
        match self.view.active {
            Some(PanelItem::Conflict(i)) => self
                .analysis
                .conflicts
                .get(i)
                .map(|c| c.claims.iter().flat_map(|cl| cl.mentions.iter()).collect())
                .unwrap_or_default(),
            Some(PanelItem::Fact(i)) => self
                .analysis
                .facts
                .get(i)
                .map(|f| f.mentions.iter().collect())
                .unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// What `e` and `y` export: the marked items, or the current one when nothing is marked.
    pub fn export_selection(&self) -> Selection {
        if !self.view.selection.is_empty() {
            return self.view.selection.clone();
        }
        let mut selection = Selection::default();
        if self.view.focus == Focus::Panel {
            match self.panel_items.get(self.view.panel_cursor) {
                Some(PanelItem::Conflict(i)) => {
                    selection.conflicts.insert(*i);
                }
                Some(PanelItem::Fact(i)) => {
                    selection.facts.insert(*i);
                }
                None => {}
            }
        } else if let Some(g) = self.rows.get(self.view.cursor).and_then(|r| r.group) {
            selection.groups.insert(g);
        }
        selection
    }

    /// The row's height on screen at the current layout: its tallest visible cell plus a
    /// blank separator line.
    /// Rows with nothing in the visible columns take no space (their articles are scrolled
    /// off screen).
    pub fn row_height(&self, row: usize, areas: &Areas) -> usize {
        let Some(row) = self.rows.get(row) else {
            return 1;
        };
        if !row_shown(row, areas) {
            return 0;
        }
        let width = usize::from(areas.column_width.saturating_sub(1));
        let tallest = areas
            .columns
            .iter()
            .map(|&(article, _)| {
                row.cell(article)
                    .map(|m| self.sentence_height(m.article, m.sentence, width))
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0);
        tallest.max(1) + 1
    }

    fn sentence_height(&self, article: ArticleId, sentence: SentenceId, width: usize) -> usize {
        self.analysis
            .articles
            .get(article.0)
            .map_or(1, |a| wrap::height(a.sentence_text(sentence), width))
    }

    /// The last row that is at least partly on screen.
    pub fn last_visible_row(&self, areas: &Areas) -> usize {
        let height = usize::from(areas.body.height);
        let mut used = 0;
        let mut row = self.view.top;
        while row < self.rows.len() {
            used += self.row_height(row, areas);
            if used >= height {
                return row;
            }
            row += 1;
        }
        self.rows.len().saturating_sub(1)
    }

    /// Applies an action: changes the state, clamps it, and returns the side effect to run.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(action, Action::Resize(..) | Action::ScrollBy(_)) {
            self.status = None;
        }
        let effect = match self.mode {
            Mode::Normal => self.update_normal(action),
            Mode::Help => {
                match action {
                    Action::Down => self.view.help_scroll = self.view.help_scroll.saturating_add(1),
                    Action::Up => self.view.help_scroll = self.view.help_scroll.saturating_sub(1),
                    Action::Cancel | Action::ShowHelp | Action::Quit => self.mode = Mode::Normal,
                    other => return self.update_common(other),
                }
                None
            }
            Mode::Search | Mode::Export => self.update_prompt(action),
            Mode::Confirm => self.update_confirm(action),
        };
        self.clamp();
        effect
    }

    /// Actions every mode handles the same way.
    fn update_common(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Resize(w, h) => {
                self.viewport = Size::new(w, h);
                self.clamp();
                self.scroll_to_cursor();
            }
            Action::ExportFinished(result) => self.export_finished(result),
            Action::Quit => self.quit = true,
            _ => {}
        }
        None
    }

    fn update_normal(&mut self, action: Action) -> Option<Effect> {
        let in_panel = self.view.focus == Focus::Panel && self.view.panel_open;
        match action {
            Action::Down if in_panel => self.move_panel(1),
            Action::Up if in_panel => self.move_panel(-1),
            Action::PageDown if in_panel => self.move_panel(10),
            Action::PageUp if in_panel => self.move_panel(-10),
            Action::Top if in_panel => self.move_panel(isize::MIN / 2),
            Action::Bottom if in_panel => self.move_panel(isize::MAX / 2),
            Action::Down if self.view.reading => self.move_sentence(1),
            Action::Up if self.view.reading => self.move_sentence(-1),
            Action::PageDown if self.view.reading => self.move_sentence(10),
            Action::PageUp if self.view.reading => self.move_sentence(-10),
            Action::Down => self.move_cursor_by(1),
            Action::Up => self.move_cursor_by(-1),
            Action::PageDown => {
                let areas = self.areas();
                let last = self.last_visible_row(&areas);
                let page = last.saturating_sub(self.view.top).max(1);
                self.view.top = self.view.top.saturating_add(page);
                self.view.cursor = self.view.cursor.saturating_add(page);
                self.clamp();
                self.cursor_to_shown_row();
                self.scroll_to_cursor();
            }
            Action::PageUp => {
                let areas = self.areas();
                let last = self.last_visible_row(&areas);
                let page = last.saturating_sub(self.view.top).max(1);
                self.view.top = self.view.top.saturating_sub(page);
                self.view.cursor = self.view.cursor.saturating_sub(page);
                self.cursor_to_shown_row();
                self.scroll_to_cursor();
            }
            Action::Top => {
                let areas = self.areas();
                let first = (0..self.rows.len()).find(|&r| self.shown(r, &areas)).unwrap_or(0);
                self.jump_to_row(first);
            }
            Action::Bottom => {
                let areas = self.areas();
                let last = (0..self.rows.len()).rev().find(|&r| self.shown(r, &areas));
                self.jump_to_row(last.unwrap_or(self.rows.len().saturating_sub(1)));
            }
            Action::ScrollBy(n) => self.scroll_by(n),
            Action::FocusLeft => self.focus_step(-1, false),
            Action::FocusRight => self.focus_step(1, false),
            Action::FocusNext => self.focus_step(1, true),
            Action::FocusPrev => self.focus_step(-1, true),
            Action::NextConflict => self.next_conflict(true),
            Action::PrevConflict => self.next_conflict(false),
            Action::NextDivergent => self.next_divergent(true),
            Action::PrevDivergent => self.next_divergent(false),
            Action::ToggleSelect => self.toggle_select(),
            Action::ToggleFacts => {
                self.view.panel_open = !self.view.panel_open;
                if !self.view.panel_open && self.view.focus == Focus::Panel {
                    self.view.focus = Focus::Column(self.view.col_offset);
                }
                self.scroll_to_cursor();
            }
            Action::PanelWider => {
                self.view.panel_open = true;
                self.view.panel_width = self.view.panel_width.saturating_add(5).min(80);
                self.scroll_to_cursor();
            }
            Action::PanelNarrower => {
                self.view.panel_width = self.view.panel_width.saturating_sub(5).max(15);
                self.scroll_to_cursor();
            }
            Action::ToggleReading => {
                self.view.reading = !self.view.reading;
                self.view.sentence = None;
                self.set_status(if self.view.reading {
                    "reading mode: each column in its article's order"
                } else {
                    "aligned rows"
                });
                self.scroll_to_cursor();
            }
            Action::StartSearch => {
                self.mode = Mode::Search;
                self.input.clear();
            }
            Action::StartExport => {
                self.mode = Mode::Export;
                self.input = default_path(self.format);
            }
            Action::Copy => {
                let selection = self.export_selection();
                if selection.is_empty() {
                    self.set_status("nothing to copy: mark rows, facts or conflicts with v");
                    return None;
                }
                let text = export::to_string(Format::Markdown, &self.analysis, &selection);
                self.set_status(&format!(
                    "copied {} as Markdown to the clipboard (OSC 52)",
                    items(selection.len())
                ));
                return Some(Effect::Copy(text));
            }
            Action::ShowHelp => {
                self.mode = Mode::Help;
                self.view.help_scroll = 0;
            }
            Action::Click(x, y) => self.click(x, y),
            other => return self.update_common(other),
        }
        None
    }

    fn update_prompt(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Input(c) if !c.is_control() => self.input.push(c),
            Action::Backspace => {
                self.input.pop();
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.input.clear();
            }
            Action::NextFormat if self.mode == Mode::Export => {
                let next = self.format.next();
                if let Some(stem) = self.input.strip_suffix(&format!(".{}", self.format.extension())) {
                    self.input = format!("{stem}.{}", next.extension());
                }
                self.format = next;
            }
            // An export prompt is never dropped silently: the user says what becomes of it.
            Action::Quit if self.mode == Mode::Export => {
                self.set_status("the export is not written yet: Enter writes it, Esc cancels it");
            }
            Action::Submit if self.mode == Mode::Search => {
                self.mode = Mode::Normal;
                let query = std::mem::take(&mut self.input);
                self.run_search(&query);
            }
            Action::Submit => {
                self.mode = Mode::Normal;
                let path = std::mem::take(&mut self.input);
                if path.trim().is_empty() {
                    self.set_status("export cancelled: no file name");
                    return None;
                }
                let selection = self.export_selection();
                if selection.is_empty() {
                    self.set_status("nothing to export: mark rows, facts or conflicts with v");
                    return None;
                }
                let path = PathBuf::from(path.trim());
                self.pending = Some((self.format, path.clone(), selection.clone()));
                return Some(Effect::Export {
                    format: self.format,
                    path,
                    selection,
                    overwrite: false,
                });
            }
            other => return self.update_common(other),
        }
        None
    }

    fn update_confirm(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Submit => {
                self.mode = Mode::Normal;
                if let Some((format, path, selection)) = self.pending.clone() {
                    return Some(Effect::Export {
                        format,
                        path,
                        selection,
                        overwrite: true,
                    });
                }
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.pending = None;
                self.set_status("export cancelled: the file was kept");
            }
            Action::Quit => {
                self.set_status("the export is not written yet: y overwrites the file, n keeps it");
            }
            other => return self.update_common(other),
        }
        None
    }

    fn export_finished(&mut self, result: Result<PathBuf, ExportFailure>) {
        match result {
            Ok(path) => {
                let count = self.pending.take().map_or(0, |(_, _, s)| s.len());
                self.set_status(&format!("exported {} to {}", items(count), path.display()));
            }
            Err(ExportFailure::Exists(path)) => {
                self.mode = Mode::Confirm;
                self.set_status(&format!("{} exists: overwrite? (y/n)", path.display()));
            }
            Err(ExportFailure::Other(message)) => {
                self.pending = None;
                self.status = Some(Status {
                    text: format!("export failed: {message}"),
                    error: true,
                });
            }
        }
    }

    fn set_status(&mut self, text: &str) {
        self.status = Some(Status {
            text: text.to_owned(),
            error: false,
        });
    }

    /// Moves by `delta` rows that have something in the visible columns.
    fn move_cursor_by(&mut self, delta: isize) {
        let areas = self.areas();
        let step = delta.signum();
        let mut left = delta.unsigned_abs();
        let mut row = self.view.cursor;
        let mut target = row;
        while left > 0 {
            let Some(next) = row.checked_add_signed(step).filter(|&r| r < self.rows.len()) else {
                break;
            };
            row = next;
            if self.shown(row, &areas) {
                target = row;
                left -= 1;
            }
        }
        self.jump_to_row(target);
    }

    /// True when the row has a sentence in one of the visible columns.
    fn shown(&self, row: usize, areas: &Areas) -> bool {
        areas.too_small || self.rows.get(row).is_some_and(|r| row_shown(r, areas))
    }

    /// Puts the cursor on `row` (clamped) and scrolls it into view, bringing one of its
    /// articles' columns on screen when none is.
    fn jump_to_row(&mut self, row: usize) {
        self.view.cursor = row.min(self.rows.len().saturating_sub(1));
        self.view.sentence = None;
        let areas = self.areas();
        if !self.shown(self.view.cursor, &areas) {
            let article = self
                .rows
                .get(self.view.cursor)
                .and_then(|r| r.members.first())
                .map(|m| m.article.0);
            if let Some(article) = article {
                self.view.focus = Focus::Column(article);
                self.reveal_column(article);
            }
        }
        self.scroll_to_cursor();
    }

    /// Moves the cursor to the nearest row with something in the visible columns.
    fn cursor_to_shown_row(&mut self) {
        let areas = self.areas();
        if self.shown(self.view.cursor, &areas) {
            return;
        }
        let cursor = self.view.cursor;
        let after = (cursor..self.rows.len()).find(|&r| self.shown(r, &areas));
        let before = (0..cursor).rev().find(|&r| self.shown(r, &areas));
        if let Some(row) = after.or(before) {
            self.view.cursor = row;
        }
    }

    /// Scrolls so the cursor row is on screen, keeping `top` where it is when possible.
    fn scroll_to_cursor(&mut self) {
        let areas = self.areas();
        if areas.too_small {
            return;
        }
        let cursor = self.view.cursor;
        if cursor < self.view.top {
            self.view.top = cursor;
            return;
        }
        let height = usize::from(areas.body.height);
        let mut used = 0;
        let mut first = cursor;
        loop {
            used += self.row_height(first, &areas);
            if used > height {
                // `first` does not fit any more: the rows after it do.
                first = (first + 1).min(cursor);
                break;
            }
            if first <= self.view.top {
                break;
            }
            first -= 1;
        }
        self.view.top = self.view.top.max(first);
    }

    fn scroll_by(&mut self, delta: i32) {
        let max_top = self.rows.len().saturating_sub(1);
        self.view.top = self.view.top.saturating_add_signed(delta as isize).min(max_top);
        let areas = self.areas();
        let last = self.last_visible_row(&areas);
        let cursor = self.view.cursor.clamp(self.view.top, last.max(self.view.top));
        if cursor != self.view.cursor {
            self.view.cursor = cursor;
            self.view.sentence = None;
            self.cursor_to_shown_row();
        }
    }

    /// Reading mode: the next or previous sentence of the focused article.
    fn move_sentence(&mut self, delta: isize) {
        let article = self.focused_article();
        let count = self
            .analysis
            .articles
            .get(article)
            .map_or(0, |a| a.sentences.len());
        if count == 0 {
            return;
        }
        let current = self.current_sentence(article).map_or(0, |s| s.0);
        let target = current.saturating_add_signed(delta).min(count - 1);
        if let Some(&row) = self.row_of.get(article).and_then(|r| r.get(target)) {
            self.view.cursor = row;
            self.scroll_to_cursor();
        }
        self.view.sentence = Some(SentenceId(target));
    }

    /// The sentence of `article` the reading view centres on: the remembered one, else the
    /// article's first sentence in the cursor row, else its last sentence before that row.
    pub fn current_sentence(&self, article: usize) -> Option<SentenceId> {
        if article == self.focused_article()
            && let Some(s) = self.view.sentence
        {
            return Some(s);
        }
        let rows = self.row_of.get(article)?;
        if let Some(s) = rows.iter().position(|&r| r == self.view.cursor) {
            return Some(SentenceId(s));
        }
        rows.iter()
            .enumerate()
            .filter(|&(_, &r)| r <= self.view.cursor)
            .max_by_key(|&(_, &r)| r)
            .map(|(s, _)| SentenceId(s))
            .or(if rows.is_empty() {
                None
            } else {
                Some(SentenceId(0))
            })
    }

    fn focus_step(&mut self, delta: isize, wrap_around: bool) {
        let articles = self.analysis.articles.len();
        let panel = self.view.panel_open;
        // Positions: 0..articles are columns, `articles` is the panel when open.
        let slots = articles + usize::from(panel);
        if slots == 0 {
            return;
        }
        let pos = match self.view.focus {
            Focus::Column(a) => a.min(articles.saturating_sub(1)),
            Focus::Panel => articles,
        };
        let next = if wrap_around {
            (pos + slots).saturating_add_signed(delta) % slots
        } else {
            pos.saturating_add_signed(delta).min(slots - 1)
        };
        self.view.focus = if next >= articles {
            Focus::Panel
        } else {
            Focus::Column(next)
        };
        self.view.sentence = None;
        if let Focus::Column(a) = self.view.focus {
            self.show_column(a);
        }
    }

    /// Scrolls the columns horizontally so `article` is on screen.
    fn show_column(&mut self, article: usize) {
        self.reveal_column(article);
        self.cursor_to_shown_row();
        self.scroll_to_cursor();
    }

    /// Sets the column offset so `article` is on screen.
    fn reveal_column(&mut self, article: usize) {
        let areas = self.areas();
        let count = areas.columns.len().max(1);
        if article < self.view.col_offset {
            self.view.col_offset = article;
        } else if article >= self.view.col_offset + count {
            self.view.col_offset = article + 1 - count;
        }
    }

    fn move_panel(&mut self, delta: isize) {
        if self.panel_items.is_empty() {
            self.set_status("no facts or conflicts");
            return;
        }
        let last = self.panel_items.len() - 1;
        self.view.panel_cursor = self.view.panel_cursor.saturating_add_signed(delta).min(last);
        self.activate_panel_item();
    }

    /// Highlights the panel's current item and jumps to its first mention.
    fn activate_panel_item(&mut self) {
        let Some(&item) = self.panel_items.get(self.view.panel_cursor) else {
            return;
        };
        self.view.active = Some(item);
        if let PanelItem::Conflict(i) = item {
            self.view.conflict = Some(i);
        }
        if let Some(row) = self.first_mention_row() {
            self.jump_to_row(row);
        }
    }

    fn first_mention_row(&self) -> Option<usize> {
        self.active_mentions()
            .iter()
            .filter_map(|m| self.row_of.get(m.article.0)?.get(m.sentence.0).copied())
            .min()
    }

    fn next_conflict(&mut self, forward: bool) {
        if let Some(search) = &mut self.search {
            let n = search.matches.len();
            if n > 0 {
                search.current = if forward {
                    (search.current + 1) % n
                } else {
                    (search.current + n - 1) % n
                };
                let (row, text) = (
                    search.matches.get(search.current).copied().unwrap_or(0),
                    format!("match {}/{n} for “{}”", search.current + 1, search.query),
                );
                self.jump_to_row(row);
                self.set_status(&text);
                return;
            }
        }
        let n = self.analysis.conflicts.len();
        if n == 0 {
            self.set_status("no conflicts found");
            return;
        }
        let next = match (self.view.conflict, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        self.view.conflict = Some(next);
        self.view.active = Some(PanelItem::Conflict(next));
        if let Some(pos) = self
            .panel_items
            .iter()
            .position(|&i| i == PanelItem::Conflict(next))
        {
            self.view.panel_cursor = pos;
        }
        if let Some(row) = self.first_mention_row() {
            self.jump_to_row(row);
        }
        let key = self.analysis.conflicts.get(next).map_or("", |c| c.key.as_str());
        let text = format!("conflict {}/{n}: {}", next + 1, crate::model::printable(key));
        self.set_status(&text);
    }

    fn next_divergent(&mut self, forward: bool) {
        let n = self.rows.len();
        let cursor = self.view.cursor;
        let found = if forward {
            (cursor + 1..n)
                .chain(0..cursor.min(n))
                .find(|&r| self.rows.get(r).is_some_and(|r| r.divergent))
        } else {
            (0..cursor.min(n))
                .rev()
                .chain((cursor + 1..n).rev())
                .find(|&r| self.rows.get(r).is_some_and(|r| r.divergent))
        };
        match found {
            Some(row) => {
                let wrapped = (row < cursor) == forward;
                self.jump_to_row(row);
                if wrapped {
                    self.set_status("divergent rows: wrapped around");
                }
            }
            None => self.set_status("no rows where a number, name or negation differs"),
        }
    }

    fn toggle_select(&mut self) {
        let selection = &mut self.view.selection;
        if self.view.focus == Focus::Panel && self.view.panel_open {
            match self.panel_items.get(self.view.panel_cursor) {
                Some(PanelItem::Conflict(i)) => toggle(&mut selection.conflicts, *i),
                Some(PanelItem::Fact(i)) => toggle(&mut selection.facts, *i),
                None => return,
            }
        } else if let Some(group) = self.rows.get(self.view.cursor).and_then(|r| r.group) {
            toggle(&mut selection.groups, group);
        } else {
            self.set_status("only passages can be marked, not boilerplate");
            return;
        }
        // Marking in the rows moves on, so a run of rows is quick to mark.
        if self.view.focus != Focus::Panel && !self.view.reading {
            self.move_cursor_by(1);
        }
        let count = self.view.selection.len();
        self.set_status(&format!("{} marked; e exports, y copies", items(count)));
    }

    fn run_search(&mut self, query: &str) {
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            self.search = None;
            self.set_status("search cleared");
            return;
        }
        let matches: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                row.members.iter().any(|m| {
                    self.analysis
                        .articles
                        .get(m.article.0)
                        .is_some_and(|a| a.sentence_text(m.sentence).to_lowercase().contains(&needle))
                })
            })
            .map(|(idx, _)| idx)
            .collect();
        if matches.is_empty() {
            self.search = None;
            self.set_status(&format!(
                "no match for “{}”",
                crate::model::printable(query.trim())
            ));
            return;
        }
        let current = matches.iter().position(|&r| r >= self.view.cursor).unwrap_or(0);
        let row = matches.get(current).copied().unwrap_or(0);
        let total = matches.len();
        self.search = Some(Search {
            query: crate::model::printable(query.trim()).into_owned(),
            matches,
            current,
        });
        self.jump_to_row(row);
        self.set_status(&format!(
            "match {}/{total} for “{}”; n/N for more",
            current + 1,
            crate::model::printable(query.trim())
        ));
    }

    fn click(&mut self, x: u16, y: u16) {
        let areas = self.areas();
        if areas.too_small {
            return;
        }
        if let Some(panel) = areas.panel
            && panel.contains((x, y).into())
        {
            self.view.focus = Focus::Panel;
            let line = usize::from(y.saturating_sub(panel.y));
            let lines = super::view::facts::panel_lines(self, panel);
            if let Some(item) = super::view::facts::item_at(self, panel, &lines, line) {
                self.view.panel_cursor = item;
                self.activate_panel_item();
            }
            return;
        }
        let Some(article) = areas.column_at(x) else {
            return;
        };
        self.view.focus = Focus::Column(article);
        self.view.sentence = None;
        if self.view.reading || y < areas.body.y || y >= areas.body.bottom() {
            return;
        }
        let mut line = usize::from(y.saturating_sub(areas.body.y));
        let mut row = self.view.top;
        while row < self.rows.len() {
            let h = self.row_height(row, &areas);
            if line < h {
                self.view.cursor = row;
                self.scroll_to_cursor();
                return;
            }
            line -= h;
            row += 1;
        }
    }

    /// Keeps every index in range after any change.
    fn clamp(&mut self) {
        let rows = self.rows.len();
        self.view.cursor = self.view.cursor.min(rows.saturating_sub(1));
        self.view.top = self.view.top.min(self.view.cursor);
        self.view.panel_cursor = self
            .view
            .panel_cursor
            .min(self.panel_items.len().saturating_sub(1));
        let articles = self.analysis.articles.len();
        if let Focus::Column(a) = self.view.focus
            && a >= articles
        {
            self.view.focus = Focus::Column(articles.saturating_sub(1));
        }
        if self.view.focus == Focus::Panel && !self.view.panel_open {
            self.view.focus = Focus::Column(self.view.col_offset.min(articles.saturating_sub(1)));
        }
        let areas = self.areas();
        let count = areas.columns.len();
        self.view.col_offset = self.view.col_offset.min(articles.saturating_sub(count.max(1)));
        if let Focus::Column(a) = self.view.focus
            && count > 0
            && (a < self.view.col_offset || a >= self.view.col_offset + count)
        {
            self.view.col_offset = a.saturating_sub(count - 1).min(a);
        }
    }

    /// Flags the rows holding a conflict's mention.
    fn mark_conflicts(&mut self) {
        // (article, sentence, the article when it alone makes its claim against two or more)
        let mut marks: Vec<(usize, usize, Option<ArticleId>)> = Vec::new();
        for conflict in &self.analysis.conflicts {
            let articles_of = |mentions: &[Mention]| -> BTreeSet<ArticleId> {
                mentions.iter().map(|m| m.article).collect()
            };
            let all: BTreeSet<ArticleId> = conflict
                .claims
                .iter()
                .flat_map(|c| c.mentions.iter().map(|m| m.article))
                .collect();
            let lone: Vec<&crate::model::Claim> = conflict
                .claims
                .iter()
                .filter(|c| articles_of(&c.mentions).len() == 1)
                .collect();
            let odd = match lone.as_slice() {
                [claim] if all.len() >= 3 => claim.mentions.first().map(|m| m.article),
                _ => None,
            };
            for claim in &conflict.claims {
                for m in &claim.mentions {
                    let odd_here = odd.filter(|&a| a == m.article);
                    marks.push((m.article.0, m.sentence.0, odd_here));
                }
            }
        }
        for (article, sentence, odd) in marks {
            if let Some(&row) = self.row_of.get(article).and_then(|r| r.get(sentence))
                && let Some(row) = self.rows.get_mut(row)
            {
                row.conflict = true;
                if odd.is_some() {
                    row.odd_one = odd;
                }
            }
        }
    }
}

/// True when the row has a sentence in one of the visible columns.
fn row_shown(row: &Row, areas: &Areas) -> bool {
    row.members
        .iter()
        .any(|m| areas.columns.iter().any(|&(article, _)| article == m.article.0))
}

fn toggle(set: &mut BTreeSet<usize>, item: usize) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

fn items(count: usize) -> String {
    if count == 1 {
        "1 item".to_owned()
    } else {
        format!("{count} items")
    }
}

/// The export path the prompt starts with.
fn default_path(format: Format) -> String {
    format!("parallax-export.{}", format.extension())
}

/// One row per group in order; sentences outside every group go in extra rows after the
/// group holding their article's previous grouped sentence (before the first group when
/// there is none), one extra row per anchor.
fn build_rows(analysis: &Analysis) -> Vec<Row> {
    let mut group_of: Vec<Vec<Option<usize>>> = analysis
        .articles
        .iter()
        .map(|a| vec![None; a.sentences.len()])
        .collect();
    for (gi, group) in analysis.groups.iter().enumerate() {
        for m in &group.members {
            if let Some(slot) = group_of
                .get_mut(m.article.0)
                .and_then(|a| a.get_mut(m.sentence.0))
            {
                *slot = Some(gi);
            }
        }
    }
    // Loose sentences, keyed by the group they follow (`None`: before every group).
    let mut loose: Vec<(Option<usize>, RowMember)> = Vec::new();
    for (ai, groups) in group_of.iter().enumerate() {
        let mut anchor = None;
        for (si, group) in groups.iter().enumerate() {
            match group {
                Some(g) => anchor = Some(*g),
                None => loose.push((
                    anchor,
                    RowMember {
                        article: ArticleId(ai),
                        sentence: SentenceId(si),
                        member: None,
                    },
                )),
            }
        }
    }
    let extra_row = |anchor: Option<usize>| -> Option<Row> {
        let members: Vec<RowMember> = loose
            .iter()
            .filter(|(a, _)| *a == anchor)
            .map(|(_, m)| *m)
            .collect();
        if members.is_empty() {
            return None;
        }
        let boilerplate = members.iter().all(|m| {
            analysis
                .articles
                .get(m.article.0)
                .and_then(|a| a.sentences.get(m.sentence.0))
                .is_some_and(|s| s.boilerplate)
        });
        Some(Row {
            group: None,
            members,
            conflict: false,
            divergent: false,
            unique: !boilerplate,
            odd_one: None,
        })
    };
    let mut rows = Vec::new();
    rows.extend(extra_row(None));
    for (gi, group) in analysis.groups.iter().enumerate() {
        let mut members: Vec<RowMember> = group
            .members
            .iter()
            .enumerate()
            .map(|(idx, m)| RowMember {
                article: m.article,
                sentence: m.sentence,
                member: Some(idx),
            })
            .collect();
        members.sort_by_key(|m| (m.article, m.sentence));
        let articles = group.article_count();
        let significant_articles: BTreeSet<ArticleId> = group
            .members
            .iter()
            .filter(|m| m.diverging.iter().any(|d| d.kind != DiffKind::Changed))
            .map(|m| m.article)
            .collect();
        let odd_one = if articles >= 3 && significant_articles.len() == 1 {
            significant_articles.first().copied()
        } else {
            None
        };
        rows.push(Row {
            group: Some(gi),
            members,
            conflict: false,
            divergent: articles > 1 && (group.significant || !significant_articles.is_empty()),
            unique: articles == 1,
            odd_one,
        });
        rows.extend(extra_row(Some(gi)));
    }
    rows
}

/// For each article and sentence, the row that shows it.
fn index_rows(analysis: &Analysis, rows: &[Row]) -> Vec<Vec<usize>> {
    let mut index: Vec<Vec<usize>> = analysis
        .articles
        .iter()
        .map(|a| vec![0; a.sentences.len()])
        .collect();
    for (ri, row) in rows.iter().enumerate() {
        for m in &row.members {
            if let Some(slot) = index.get_mut(m.article.0).and_then(|a| a.get_mut(m.sentence.0)) {
                *slot = ri;
            }
        }
    }
    index
}

/// Conflicts first, then facts grouped by kind (kinds in order of first appearance).
fn build_panel(analysis: &Analysis) -> Vec<PanelItem> {
    let mut items: Vec<PanelItem> = (0..analysis.conflicts.len()).map(PanelItem::Conflict).collect();
    let mut kinds: Vec<&str> = Vec::new();
    for fact in &analysis.facts {
        if !kinds.contains(&fact.kind.as_str()) {
            kinds.push(&fact.kind);
        }
    }
    for kind in kinds {
        items.extend(
            analysis
                .facts
                .iter()
                .enumerate()
                .filter(|(_, f)| f.kind == kind)
                .map(|(i, _)| PanelItem::Fact(i)),
        );
    }
    items
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::fixture;

    fn app() -> App {
        App::new(fixture::analysis(), Size::new(100, 30))
    }

    /// The fixture with a second conflict, on the place.
    fn two_conflicts() -> App {
        let mut analysis = fixture::analysis();
        let mut second = analysis.conflicts[0].clone();
        second.key = "place".to_owned();
        second.claims[0].mentions = analysis.facts[0].mentions[..1].to_vec();
        second.claims[1].mentions = analysis.facts[0].mentions[1..].to_vec();
        analysis.conflicts.push(second);
        App::new(analysis, Size::new(100, 30))
    }

    #[test]
    fn next_conflict_wraps_both_ways() {
        let mut app = two_conflicts();
        let mut seen = Vec::new();
        for _ in 0..3 {
            app.update(Action::NextConflict);
            seen.push(app.view.conflict);
        }
        assert_eq!(seen, [Some(0), Some(1), Some(0)]);
        app.update(Action::PrevConflict);
        assert_eq!(app.view.conflict, Some(1));
        app.update(Action::PrevConflict);
        app.update(Action::PrevConflict);
        assert_eq!(app.view.conflict, Some(1));
        assert_eq!(
            app.status.as_ref().map(|s| s.text.as_str()),
            Some("conflict 2/2: place")
        );
    }

    #[test]
    fn next_conflict_jumps_to_its_row_and_highlights_mentions() {
        let mut app = app();
        app.update(Action::NextConflict);
        let row = &app.rows[app.view.cursor];
        assert_eq!(row.group, Some(1));
        assert!(row.conflict);
        assert_eq!(app.view.active, Some(PanelItem::Conflict(0)));
        assert_eq!(app.active_mentions().len(), 3);
    }

    #[test]
    fn no_conflicts_is_a_message_not_a_move() {
        let mut analysis = fixture::analysis();
        analysis.conflicts.clear();
        let mut app = App::new(analysis, Size::new(100, 30));
        let before = app.view.clone();
        app.update(Action::NextConflict);
        assert_eq!(app.view, before);
        assert_eq!(
            app.status.as_ref().map(|s| s.text.as_str()),
            Some("no conflicts found")
        );
    }

    #[test]
    fn selection_survives_scrolling_and_focus_changes() {
        let mut app = app();
        app.update(Action::Down);
        app.update(Action::ToggleSelect);
        let marked = app.view.selection.clone();
        assert_eq!(marked.groups.len(), 1);
        for action in [
            Action::PageDown,
            Action::Bottom,
            Action::ScrollBy(-3),
            Action::Top,
            Action::FocusNext,
            Action::ToggleReading,
            Action::Down,
            Action::ToggleReading,
            Action::Resize(60, 20),
        ] {
            app.update(action);
        }
        assert_eq!(app.view.selection, marked);
        app.update(Action::FocusPrev);
        app.update(Action::FocusPrev);
        assert_eq!(app.view.focus, Focus::Panel);
        app.update(Action::ToggleSelect);
        assert_eq!(app.view.selection.conflicts.len(), 1);
        assert_eq!(app.view.selection.groups, marked.groups);
    }

    #[test]
    fn tab_cycles_columns_then_panel() {
        let mut app = app();
        let mut seen = Vec::new();
        for _ in 0..4 {
            app.update(Action::FocusNext);
            seen.push(app.view.focus);
        }
        assert_eq!(
            seen,
            [Focus::Column(1), Focus::Column(2), Focus::Panel, Focus::Column(0)]
        );
        app.update(Action::ToggleFacts);
        app.update(Action::FocusPrev);
        assert_eq!(app.view.focus, Focus::Column(2));
        assert!(
            app.areas().columns.iter().any(|&(a, _)| a == 2),
            "focused column is on screen"
        );
    }

    #[test]
    fn panel_navigation_jumps_to_mentions() {
        let mut app = app();
        app.update(Action::FocusPrev);
        app.update(Action::Down);
        assert_eq!(app.view.active, Some(PanelItem::Fact(0)));
        assert_eq!(app.rows[app.view.cursor].group, Some(0));
        app.update(Action::Bottom);
        assert_eq!(app.view.active, Some(PanelItem::Fact(1)));
        assert_eq!(app.rows[app.view.cursor].group, Some(1));
    }

    #[test]
    fn search_then_n_cycles_matches() {
        let mut app = app();
        app.update(Action::StartSearch);
        for c in "AKTAU".chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::Submit);
        assert_eq!(app.mode, Mode::Normal);
        let search = app.search.clone().unwrap();
        assert_eq!(search.matches.len(), 1);
        app.update(Action::NextConflict);
        assert_eq!(app.search.as_ref().unwrap().current, 0);
        app.update(Action::StartSearch);
        app.update(Action::Submit);
        assert!(app.search.is_none(), "an empty search clears it");
    }

    #[test]
    fn export_asks_before_overwriting() {
        let mut app = app();
        app.update(Action::StartExport);
        assert_eq!(app.input, "parallax-export.md");
        app.update(Action::NextFormat);
        assert_eq!(app.input, "parallax-export.json");
        let effect = app.update(Action::Submit);
        let Some(Effect::Export {
            format,
            path,
            selection,
            overwrite,
        }) = effect
        else {
            panic!("expected an export, got {effect:?}");
        };
        assert_eq!(format, Format::Json);
        assert_eq!(path, PathBuf::from("parallax-export.json"));
        assert!(!overwrite);
        assert_eq!(selection.groups.len(), 1, "nothing marked: the current row");
        app.update(Action::ExportFinished(Err(ExportFailure::Exists(path.clone()))));
        assert_eq!(app.mode, Mode::Confirm);
        let effect = app.update(Action::Submit);
        assert!(matches!(effect, Some(Effect::Export { overwrite: true, .. })));
        app.update(Action::ExportFinished(Ok(path)));
        assert_eq!(
            app.status.as_ref().map(|s| s.text.as_str()),
            Some("exported 1 item to parallax-export.json")
        );
    }

    #[test]
    fn an_open_export_prompt_never_quits_without_an_answer() {
        let mut app = app();
        app.update(Action::ToggleSelect);
        app.update(Action::StartExport);
        assert_eq!(app.mode, Mode::Export);
        app.update(Action::Quit);
        assert!(!app.quit);
        assert_eq!(app.mode, Mode::Export);
        assert!(
            app.status
                .as_ref()
                .is_some_and(|s| s.text.contains("Enter writes it"))
        );
        // Overwrite question: the same.
        app.mode = Mode::Confirm;
        app.update(Action::Quit);
        assert!(!app.quit);
        assert!(
            app.status
                .as_ref()
                .is_some_and(|s| s.text.contains("y overwrites"))
        );
        app.update(Action::Cancel);
        app.update(Action::Quit);
        assert!(app.quit, "with the prompt answered, q quits");
    }

    #[test]
    fn export_failure_is_a_status_message() {
        let mut app = app();
        app.update(Action::ExportFinished(Err(ExportFailure::Other(
            "disk full".to_owned(),
        ))));
        assert!(
            app.status
                .as_ref()
                .is_some_and(|s| s.error && s.text.contains("disk full"))
        );
        assert!(!app.quit);
    }

    #[test]
    fn copy_gives_markdown() {
        let mut app = app();
        app.update(Action::NextConflict);
        app.update(Action::FocusPrev);
        app.update(Action::ToggleSelect);
        let Some(Effect::Copy(text)) = app.update(Action::Copy) else {
            panic!("expected a copy");
        };
        assert!(text.contains("## Conflicts"), "{text}");
    }

    #[test]
    fn reading_mode_moves_by_sentence() {
        let mut app = app();
        app.update(Action::ToggleReading);
        app.update(Action::FocusNext);
        assert_eq!(app.focused_article(), 1);
        app.update(Action::Down);
        assert_eq!(app.current_sentence(1), Some(SentenceId(1)));
        app.update(Action::Down);
        assert_eq!(app.current_sentence(1), Some(SentenceId(2)));
        assert_eq!(app.rows[app.view.cursor].group, Some(2));
        app.update(Action::Down);
        assert_eq!(
            app.current_sentence(1),
            Some(SentenceId(2)),
            "stays on the last sentence"
        );
    }

    #[test]
    fn boilerplate_gets_its_own_row_after_its_neighbour() {
        let app = app();
        let groups: Vec<Option<usize>> = app.rows.iter().map(|r| r.group).collect();
        assert_eq!(groups, [Some(0), Some(1), None, Some(2)]);
        assert!(
            !app.rows[2].unique,
            "boilerplate is not a passage only one article has"
        );
        assert!(app.rows[3].unique);
    }

    #[test]
    fn lone_claim_against_two_is_the_odd_one_out() {
        let app = app();
        let row = app.rows.iter().find(|r| r.group == Some(1)).unwrap();
        assert!(row.conflict);
        assert_eq!(row.odd_one, Some(ArticleId(0)), "alpha alone says 38");
    }

    #[test]
    fn click_in_panel_picks_the_entry() {
        let mut app = app();
        let areas = app.areas();
        let panel = areas.panel.unwrap();
        let lines = crate::tui::view::facts::panel_lines(&app, panel);
        let fact_line = lines.iter().position(|l| l.item == Some(2)).unwrap();
        app.update(Action::Click(panel.x + 3, panel.y + 1 + fact_line as u16));
        assert_eq!(app.view.focus, Focus::Panel);
        assert_eq!(app.view.panel_cursor, 2);
        assert_eq!(app.view.active, Some(PanelItem::Fact(1)));
    }

    #[test]
    fn click_selects_row_and_column() {
        let mut app = app();
        let areas = app.areas();
        let (article, rect) = areas.columns[1];
        let second_row_y = areas.body.y + app.row_height(0, &areas) as u16;
        app.update(Action::Click(rect.x + 2, second_row_y));
        assert_eq!(app.view.focus, Focus::Column(article));
        assert_eq!(app.view.cursor, 1);
    }

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::Down),
            Just(Action::Up),
            Just(Action::PageDown),
            Just(Action::PageUp),
            Just(Action::Top),
            Just(Action::Bottom),
            Just(Action::FocusLeft),
            Just(Action::FocusRight),
            Just(Action::FocusNext),
            Just(Action::FocusPrev),
            Just(Action::NextConflict),
            Just(Action::PrevConflict),
            Just(Action::NextDivergent),
            Just(Action::PrevDivergent),
            Just(Action::ToggleSelect),
            Just(Action::ToggleFacts),
            Just(Action::PanelWider),
            Just(Action::PanelNarrower),
            Just(Action::ToggleReading),
            Just(Action::ShowHelp),
            Just(Action::Cancel),
            (-20i32..20).prop_map(Action::ScrollBy),
            (0u16..120, 0u16..40).prop_map(|(x, y)| Action::Click(x, y)),
            (0u16..160, 0u16..50).prop_map(|(w, h)| Action::Resize(w, h)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn cursor_stays_in_bounds(actions in proptest::collection::vec(action(), 1..40)) {
            let mut app = two_conflicts();
            for action in actions {
                app.update(action);
                prop_assert!(app.view.cursor < app.rows.len());
                prop_assert!(app.view.top <= app.view.cursor);
                prop_assert!(app.view.panel_cursor < app.panel_items.len());
                prop_assert!(app.view.col_offset < app.analysis.articles.len());
                if let Focus::Column(a) = app.view.focus {
                    prop_assert!(a < app.analysis.articles.len());
                }
                if app.view.focus == Focus::Panel {
                    prop_assert!(app.view.panel_open);
                }
                let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
                    app.viewport.width,
                    app.viewport.height,
                ))
                .unwrap();
                terminal.draw(|frame| crate::tui::view::draw(&app, frame)).unwrap();
            }
        }
    }
}
