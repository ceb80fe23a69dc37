//! Rendering speed: the first frame on the bundled sample (analysis, `App::new`, one draw
//! into a `TestBackend`), and one key press handled and the frame redrawn with 20 articles
//! open on a 200x60 terminal. Targets: first frame < 50 ms, key + redraw < 5 ms.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::tui::action::Action;
use parallax::tui::app::App;
use parallax::tui::view;
use parallax::{Input, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;

fn sample_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/azal-8243");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn inputs(copies: usize) -> Vec<Input> {
    let texts: Vec<(String, String)> = sample_files()
        .iter()
        .map(|f| {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read_to_string(f).unwrap_or_default())
        })
        .collect();
    (0..copies)
        .flat_map(|copy| {
            texts
                .iter()
                .map(move |(name, text)| Input::from_text(format!("copy{copy}/{name}"), text.clone()))
        })
        .collect()
}

fn first_frame(c: &mut Criterion) {
    let opts = Options::default();
    c.bench_function("first_frame_sample_160x45", |b| {
        b.iter(|| {
            let analysis = parallax::analyze_inputs(inputs(1), &opts).unwrap_or_default();
            let app = App::new(analysis, Size::new(160, 45));
            let mut terminal = Terminal::new(TestBackend::new(160, 45)).ok();
            if let Some(t) = terminal.as_mut() {
                let _ = t.draw(|frame| view::draw(&app, frame));
            }
            black_box(terminal);
        });
    });
}

fn key_and_redraw(c: &mut Criterion) {
    let analysis = parallax::analyze_inputs(inputs(4), &Options::default()).unwrap_or_default();
    assert_eq!(analysis.articles.len(), 20);
    let mut app = App::new(analysis, Size::new(200, 60));
    let Ok(mut terminal) = Terminal::new(TestBackend::new(200, 60));
    let _ = terminal.draw(|frame| view::draw(&app, frame));
    let mut down = true;
    c.bench_function("key_and_redraw_20_articles_200x60", |b| {
        b.iter(|| {
            // Walk down and back up so every iteration moves the cursor.
            if app.view.cursor + 1 >= app.rows.len() {
                down = false;
            } else if app.view.cursor == 0 {
                down = true;
            }
            let _ = app.update(if down { Action::Down } else { Action::Up });
            let _ = terminal.draw(|frame| view::draw(&app, frame));
        });
    });
    let _ = app.update(Action::ToggleReading);
    c.bench_function("key_and_redraw_20_articles_200x60_reading", |b| {
        b.iter(|| {
            let _ = app.update(Action::Down);
            let _ = terminal.draw(|frame| view::draw(&app, frame));
        });
    });
}

criterion_group!(benches, first_frame, key_and_redraw);
criterion_main!(benches);
