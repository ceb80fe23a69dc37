#![allow(clippy::unwrap_used)]
//! The viewer drawn into a `TestBackend`: text snapshots for layout, `Buffer` debug
//! snapshots where styles are what is under test.

use std::path::PathBuf;

use parallax::Analysis;
use parallax::tui::action::Action;
use parallax::tui::app::App;
use parallax::tui::theme::Theme;
use parallax::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;

fn sample() -> Analysis {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/azal-8243");
    parallax::analyze(&[dir], &parallax::Options::default()).unwrap()
}

fn app(analysis: Analysis, width: u16, height: u16) -> App {
    App::new(analysis, Size::new(width, height))
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.viewport.width, app.viewport.height)).unwrap();
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    terminal
}

fn press(app: &mut App, actions: &[Action]) {
    for action in actions {
        let _ = app.update(action.clone());
    }
}

#[test]
fn sample_rows_120x40() {
    let app = app(sample(), 120, 40);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn fixture_row_marked_60x16() {
    let mut app = app(parallax::fixture::analysis(), 60, 16);
    press(&mut app, &[Action::ToggleFacts, Action::ToggleSelect]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn sample_reading_mode_120x30() {
    let mut app = app(sample(), 120, 30);
    press(
        &mut app,
        &[Action::NextDivergent, Action::ToggleReading, Action::FocusRight],
    );
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn fixture_narrow_scrolls_columns_50x16() {
    let mut app = app(parallax::fixture::analysis(), 50, 16);
    press(&mut app, &[Action::ToggleFacts, Action::FocusRight]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn fixture_rows_with_panel_100x30() {
    let app = app(parallax::fixture::analysis(), 100, 30);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn fixture_conflict_selected_100x30() {
    let mut app = app(parallax::fixture::analysis(), 100, 30);
    press(&mut app, &[Action::NextConflict]);
    let terminal = draw(&app);
    insta::assert_snapshot!(terminal.backend());
    insta::assert_debug_snapshot!(terminal.backend().buffer());
}

#[test]
fn fixture_fact_focused_in_panel_100x30() {
    let mut app = app(parallax::fixture::analysis(), 100, 30);
    press(
        &mut app,
        &[Action::FocusPrev, Action::Bottom, Action::ToggleSelect],
    );
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn fixture_highlights_styles_72x14() {
    let mut app = app(parallax::fixture::analysis(), 72, 14);
    press(&mut app, &[Action::ToggleFacts, Action::Down]);
    insta::assert_debug_snapshot!(draw(&app).backend().buffer());
}

#[test]
fn fixture_highlights_no_color_72x14() {
    let mut app = app(parallax::fixture::analysis(), 72, 14).with_theme(Theme::NO_COLOR);
    press(&mut app, &[Action::ToggleFacts, Action::Down]);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|cell| cell.fg == ratatui::style::Color::Reset && cell.bg == ratatui::style::Color::Reset),
        "NO_COLOR draws without colours"
    );
    insta::assert_debug_snapshot!(buffer);
}

#[test]
fn empty_facts_render_fine_100x20() {
    let mut analysis = parallax::fixture::analysis();
    analysis.facts.clear();
    analysis.conflicts.clear();
    let mut app = app(analysis, 100, 20);
    press(&mut app, &[Action::ToggleFacts, Action::NextConflict]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn help_100x40() {
    let mut app = app(parallax::fixture::analysis(), 100, 40);
    press(&mut app, &[Action::ShowHelp]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn search_prompt_and_matches_100x20() {
    let mut app = app(parallax::fixture::analysis(), 100, 20);
    press(&mut app, &[Action::ToggleFacts, Action::StartSearch]);
    for c in "aktau".chars() {
        press(&mut app, &[Action::Input(c)]);
    }
    insta::assert_snapshot!("search_typing_100x20", draw(&app).backend());
    press(&mut app, &[Action::Submit, Action::NextConflict]);
    insta::assert_snapshot!("search_second_match_100x20", draw(&app).backend());
}

#[test]
fn export_prompt_100x12() {
    let mut app = app(parallax::fixture::analysis(), 100, 12);
    press(&mut app, &[Action::StartExport, Action::NextFormat]);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn too_small_20x5() {
    let app = app(parallax::fixture::analysis(), 20, 5);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn tiny_and_odd_sizes_do_not_panic() {
    let analysis = sample();
    for (width, height) in [
        (0, 0),
        (1, 1),
        (20, 5),
        (39, 8),
        (40, 8),
        (41, 9),
        (300, 3),
        (3, 300),
        (64, 10),
    ] {
        let mut app = app(analysis.clone(), width, height);
        for action in [
            Action::Down,
            Action::PageDown,
            Action::Bottom,
            Action::FocusNext,
            Action::ToggleReading,
            Action::ShowHelp,
            Action::Cancel,
            Action::Resize(width / 2, height / 2),
            Action::Click(width / 2, height / 2),
        ] {
            let _ = app.update(action);
            let _ = draw(&app);
        }
    }
}

#[test]
fn control_characters_shown_as_pictures() {
    let mut analysis = parallax::fixture::analysis();
    let article = &mut analysis.articles[0];
    // Replace "The" by ESC "[H" (three bytes for three), so every span stays valid.
    article.text.replace_range(0..3, "\u{1b}[H");
    article.source = "evil\u{7}\u{1b}]0;title".to_owned();
    let mut app = app(analysis, 100, 20);
    press(&mut app, &[Action::ToggleFacts]);
    let terminal = draw(&app);
    let text = terminal.backend().to_string();
    assert!(text.contains("\u{241b}[H plane crashed"), "{text}");
    assert!(text.contains("evil\u{2407}\u{241b}]0;title"), "{text}");
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "raw control character drawn"
        );
    }
}

#[test]
fn twenty_articles_200x60() {
    let mut inputs = Vec::new();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/azal-8243");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for copy in 0..4 {
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            let name = format!("copy{copy}/{}", file.file_name().unwrap().to_string_lossy());
            inputs.push(parallax::Input::from_text(name, text));
        }
    }
    let analysis = parallax::analyze_inputs(inputs, &parallax::Options::default()).unwrap();
    assert_eq!(analysis.articles.len(), 20);
    let mut app = app(analysis, 200, 60);
    press(&mut app, &[Action::Down, Action::FocusNext]);
    let terminal = draw(&app);
    let text = terminal.backend().to_string();
    // How many are off screen depends on whether the facts panel takes room (it opens when
    // the analysis has facts); at 200 columns it is well over ten of twenty.
    assert!(
        (10..20).any(|n| text.contains(&format!("{n}▶"))),
        "shows how many columns are off screen:\n{text}"
    );
}

/// The README's key table is the keymap's help, so it cannot drift.
#[test]
fn readme_key_table_matches_the_keymap() {
    use std::fmt::Write as _;

    use parallax::tui::app::Mode;
    use parallax::tui::keymap;
    let mut table = String::from("| keys | what they do |\n| --- | --- |\n");
    for (mode, title) in [
        (Mode::Normal, ""),
        (Mode::Search, "search prompt: "),
        (Mode::Export, "export prompt: "),
        (Mode::Confirm, "overwrite question: "),
    ] {
        for entry in keymap::help(mode) {
            let keys = entry
                .keys
                .split(' ')
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect::<Vec<_>>()
                .join(" ");
            writeln!(table, "| {keys} | {title}{} |", entry.help).unwrap();
        }
    }
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(&table),
        "README.md should contain this key table:\n{table}"
    );
}

#[test]
fn an_empty_analysis_draws_and_navigates() {
    let mut app = app(Analysis::default(), 80, 20);
    for action in [
        Action::Down,
        Action::Bottom,
        Action::FocusNext,
        Action::NextConflict,
        Action::NextDivergent,
        Action::ToggleSelect,
        Action::ToggleReading,
        Action::Click(10, 10),
        Action::ScrollBy(3),
    ] {
        let _ = app.update(action);
        let _ = draw(&app);
    }
    let screen = draw(&app).backend().to_string();
    assert!(screen.contains("no passages to show"), "{screen}");
}

/// Draws `app` and checks what reaches the terminal: no cell holds a control character,
/// and every column separator stands where the layout put it, on every row (a wide or
/// zero-width character miscounted would push it aside or overwrite it).
fn assert_safe_and_aligned(app: &App, what: &str) {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{what}: control character drawn: {:?}",
            cell.symbol()
        );
    }
    let areas = app.areas();
    for (_, rect) in areas.columns.iter().skip(1) {
        let x = rect.x - 1;
        for y in rect.top()..rect.bottom() {
            let expected = if y == areas.rule.y { "┼" } else { "│" };
            assert_eq!(buffer[(x, y)].symbol(), expected, "{what}: separator at {x},{y}");
        }
    }
}

#[test]
fn hostile_and_wide_text_draws_clean_and_aligned() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input");
    let reference =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples/azal-8243/001_ea2528ae18b20ba0.txt");
    for name in [
        "ansi-colour.txt",
        "ansi-cursor.txt",
        "osc-title.txt",
        "osc52-clipboard.txt",
        "c1-controls.txt",
        "bidi-override.txt",
        "rtl.txt",
        "cjk.txt",
        "emoji-combining.txt",
        "zero-width.txt",
        "html-escapes.html",
        "cr-only.txt",
    ] {
        let files = [corpus.join(name), reference.clone(), corpus.join("cjk.txt")];
        let analysis = parallax::analyze(&files, &parallax::Options::default()).unwrap();
        let mut app = app(analysis, 100, 30);
        assert_safe_and_aligned(&app, name);
        if name.starts_with("ansi") || name.starts_with("osc") {
            // Shown as control pictures, so the reader sees that the text holds escapes.
            let shown: String = draw(&app)
                .backend()
                .buffer()
                .content()
                .iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect();
            assert!(shown.contains('\u{241b}'), "{name}: the escape is not shown");
        }
        for action in [
            Action::ToggleFacts,
            Action::ToggleReading,
            Action::ToggleFacts,
            Action::Down,
        ] {
            app.update(action);
            assert_safe_and_aligned(&app, name);
        }
    }
}
