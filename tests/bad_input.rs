//! The bad-input corpus (`tests/bad-input/`, each file's expected behaviour in its README)
//! through the real binary, plus the inputs too large to keep in the repository. Every
//! input gets its documented exit code and a clear message, or a sensible result; and
//! nothing an article holds reaches the terminal as a control character or escape sequence.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use parallax::model::{Analysis, check_contract};
use tempfile::TempDir;

/// An ordinary article every corpus file is paired with.
const REFERENCE: &str = "The plane crashed near Aktau on Wednesday, officials said. Thirty-eight people \
     died and 29 survived, the Kremlin said.\n";

/// A guard against hangs, far above any normal run (not a timing assertion).
const HANG_GUARD: Duration = Duration::from_mins(2);

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad-input")
        .join(name)
}

fn reference(dir: &TempDir) -> PathBuf {
    let path = dir.path().join("reference.txt");
    std::fs::write(&path, REFERENCE).unwrap();
    path
}

fn run(args: &[&str], files: &[&Path]) -> Output {
    Command::cargo_bin("parallax")
        .unwrap()
        .args(args)
        .args(files)
        .timeout(HANG_GUARD)
        .output()
        .unwrap()
}

/// The first control character of `bytes` read as text, other than line feed and tab.
fn control_in(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
}

/// Every readable output of `files` (summary, facts, Markdown, CSV, JSON, messages) is
/// free of control characters; the JSON keeps the contract and each text byte for byte.
fn assert_clean(files: &[&Path]) -> Analysis {
    for args in [
        &["analyze"][..],
        &["facts"],
        &["export", "--format", "md"],
        &["export", "--format", "csv"],
    ] {
        let out = run(args, files);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if let Some(c) = control_in(&out.stdout).or_else(|| control_in(&out.stderr)) {
            panic!("{args:?} printed control character {c:?} from {files:?}");
        }
    }
    let out = run(&["analyze", "--json"], files);
    assert!(out.status.success());
    assert_eq!(control_in(&out.stdout), None, "raw control character in the JSON");
    let analysis: Analysis = serde_json::from_slice(&out.stdout).unwrap();
    if let Err(broken) = check_contract(&analysis) {
        panic!("{files:?}: {broken}");
    }
    for (article, path) in analysis.articles.iter().zip(files) {
        let bytes = std::fs::read(path).unwrap();
        if article.invalid_utf8_at.is_none() && article.format.is_none() {
            assert_eq!(article.text.as_bytes(), bytes, "{}: text changed", path.display());
        }
    }
    analysis
}

/// Exit code 2 and a one-line message naming the file and saying `what`.
fn assert_refused(file: &Path, what: &str) {
    let dir = TempDir::new().unwrap();
    let out = run(&["analyze"], &[file, &reference(&dir)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{}: {stderr}", file.display());
    assert!(stderr.contains(what), "{}: {stderr}", file.display());
    assert!(
        stderr.contains(&*file.file_name().unwrap().to_string_lossy()),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(out.stdout.is_empty());
}

/// The text of sentence `s` of article `a`.
fn sentences(analysis: &Analysis, a: usize) -> Vec<&str> {
    let article = &analysis.articles[a];
    article
        .sentences
        .iter()
        .map(|s| s.span().text(&article.text).unwrap())
        .collect()
}

#[test]
fn every_corpus_file_has_a_case_here() {
    let tested = [
        "README.md",
        "binary.png",
        "nul-bytes.txt",
        "utf16.txt",
        "empty.txt",
        "whitespace-only.txt",
        "invalid-utf8.txt",
        "bom.txt",
        "cr-only.txt",
        "mixed-line-endings.txt",
        "rtl.txt",
        "cjk.txt",
        "emoji-combining.txt",
        "zero-width.txt",
        "bidi-override.txt",
        "ansi-colour.txt",
        "ansi-cursor.txt",
        "osc-title.txt",
        "osc52-clipboard.txt",
        "c1-controls.txt",
        "html-escapes.html",
        "deep-nesting.html",
        "one-line-no-punctuation.txt",
    ];
    for entry in std::fs::read_dir(corpus("")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            tested.contains(&name.as_str()),
            "{name} has no expected behaviour"
        );
    }
}

#[test]
fn unreadable_inputs_are_refused_with_exit_2() {
    assert_refused(&corpus("binary.png"), "looks like a binary file");
    assert_refused(&corpus("nul-bytes.txt"), "looks like a binary file");
    assert_refused(&corpus("utf16.txt"), "UTF-16 text; parallax reads UTF-8");
    assert_refused(&corpus("empty.txt"), "empty (no text to compare)");
    assert_refused(&corpus("whitespace-only.txt"), "empty (no text to compare)");
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning() {
    let dir = TempDir::new().unwrap();
    let file = corpus("invalid-utf8.txt");
    let out = run(&["analyze"], &[&file, &reference(&dir)]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("invalid-utf8.txt: not valid UTF-8 (first bad byte at 3)"),
        "{stderr}"
    );
    let analysis = assert_clean(&[&file, &reference(&dir)]);
    assert_eq!(analysis.articles[0].invalid_utf8_at, Some(3));
    assert!(analysis.articles[0].text.starts_with("Caf\u{fffd} owners"));
}

#[test]
fn byte_order_mark_stays_in_the_text_and_out_of_the_sentences() {
    let dir = TempDir::new().unwrap();
    let analysis = assert_clean(&[&corpus("bom.txt"), &reference(&dir)]);
    assert!(analysis.articles[0].text.starts_with('\u{feff}'));
    assert_eq!(analysis.articles[0].sentences[0].start, 3);
}

#[test]
fn every_kind_of_line_break_separates_lines() {
    let dir = TempDir::new().unwrap();
    for name in ["cr-only.txt", "mixed-line-endings.txt"] {
        let analysis = assert_clean(&[&corpus(name), &reference(&dir)]);
        let found = sentences(&analysis, 0);
        assert_eq!(found[0], "Plane crash in Aktau", "{name}: {found:?}");
        assert_eq!(
            found[1], "The plane crashed near Aktau on Wednesday.",
            "{name}: {found:?}"
        );
        assert_eq!(
            analysis.articles[0].title.as_deref(),
            Some("Plane crash in Aktau")
        );
    }
}

#[test]
fn right_to_left_and_cjk_text_is_split_into_sentences() {
    let dir = TempDir::new().unwrap();
    let rtl = assert_clean(&[&corpus("rtl.txt"), &reference(&dir)]);
    assert_eq!(sentences(&rtl, 0).len(), 4, "{:?}", sentences(&rtl, 0));
    let cjk = assert_clean(&[&corpus("cjk.txt"), &reference(&dir)]);
    assert_eq!(
        sentences(&cjk, 0),
        [
            "阿塞拜疆航空公司的客机在阿克套附近坠毁。",
            "机上38人遇难，29人幸存。",
            "飛行機がアクタウ近郊で墜落した。"
        ]
    );
}

#[test]
fn emoji_combining_marks_and_invisible_characters_are_ordinary_text() {
    let dir = TempDir::new().unwrap();
    for name in ["emoji-combining.txt", "zero-width.txt", "bidi-override.txt"] {
        let analysis = assert_clean(&[&corpus(name), &reference(&dir)]);
        assert!(sentences(&analysis, 0).len() >= 2, "{name}");
    }
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal() {
    let dir = TempDir::new().unwrap();
    for name in [
        "ansi-colour.txt",
        "ansi-cursor.txt",
        "osc-title.txt",
        "osc52-clipboard.txt",
        "c1-controls.txt",
        "html-escapes.html",
    ] {
        let analysis = assert_clean(&[&corpus(name), &reference(&dir)]);
        // The escapes are still in the text (JSON keeps it), only never printed raw.
        assert!(analysis.articles[0].text.chars().any(char::is_control), "{name}");
    }
}

#[test]
fn deeply_nested_html_is_flattened_not_slow() {
    let dir = TempDir::new().unwrap();
    let analysis = assert_clean(&[&corpus("deep-nesting.html"), &reference(&dir)]);
    assert!(
        analysis.articles[0]
            .text
            .contains("The plane crashed near Aktau on Wednesday.")
    );
    let deeper = dir.path().join("deeper.html");
    let depth = 100_000;
    std::fs::write(
        &deeper,
        format!(
            "<html><body>{}<p>The plane crashed near Aktau. Thirty-eight people died.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        ),
    )
    .unwrap();
    let out = run(&["extract", "--body-only"], &[&deeper]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "The plane crashed near Aktau. Thirty-eight people died."
    );
}

#[test]
fn one_line_without_punctuation_is_one_sentence() {
    let dir = TempDir::new().unwrap();
    let analysis = assert_clean(&[&corpus("one-line-no-punctuation.txt"), &reference(&dir)]);
    assert_eq!(sentences(&analysis, 0).len(), 1);
}

#[test]
fn a_megabyte_line_without_a_break_is_analysed() {
    let dir = TempDir::new().unwrap();
    let words = ["plane", "crash", "Aktau", "officials", "38", "said", "Grozny"];
    let line: String = (0..200_000)
        .map(|i| words[i * 7 % 5 + i % 3])
        .collect::<Vec<_>>()
        .join(" ");
    assert!(line.len() > 1_000_000);
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, &line).unwrap();
    std::fs::write(&b, line.replace("38", "39")).unwrap();
    // The JSON and the Markdown export (one quote per mention once took minutes); the
    // other outputs are covered by the small cases.
    let out = run(&["export", "--format", "md"], &[&a, &b]);
    assert!(out.status.success());
    assert!(
        out.stdout.len() < 4 * line.len(),
        "{} bytes of Markdown",
        out.stdout.len()
    );
    let out = run(&["analyze", "--json"], &[&a, &b]);
    assert!(out.status.success());
    let analysis: Analysis = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(check_contract(&analysis), Ok(()));
    assert_eq!(analysis.articles[0].sentences.len(), 1);
    assert_eq!(analysis.groups.len(), 1, "the two long lines are one passage");
    assert!(analysis.groups[0].members.iter().all(|m| !m.diverging.is_empty()));
}

#[test]
fn five_thousand_tiny_files_meet_the_article_limit_or_are_analysed() {
    let dir = TempDir::new().unwrap();
    for i in 0..5000 {
        let text = format!(
            "Plane {i} landed in city {} on day {}. Crew number {i} was safe.\n",
            i % 97,
            i % 31
        );
        std::fs::write(dir.path().join(format!("{i:04}.txt")), text).unwrap();
    }
    let out = run(&["analyze"], &[dir.path()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        "parallax: 5000 articles given; the limit is 1000 (raise it with --max-articles)"
    );
    let out = run(&["analyze", "--json", "--max-articles", "5000"], &[dir.path()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let analysis: Analysis = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(analysis.articles.len(), 5000);
    assert_eq!(check_contract(&analysis), Ok(()));
}

#[test]
fn a_200_megabyte_file_is_refused_without_reading_it() {
    let dir = TempDir::new().unwrap();
    let huge = dir.path().join("huge.txt");
    // Sparse: no disk is used, and parallax reads at most one byte past the limit.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let out = run(&["analyze"], &[&huge, &reference(&dir)]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "huge.txt: too large (209715200 bytes; the limit is 16777216 bytes, raise it with --max-bytes)"
        ),
        "{stderr}"
    );
    let out = run(&["analyze", "--max-bytes", "1000"], &[&reference(&dir)]);
    assert!(out.status.success(), "a small file passes a small limit");
}

#[test]
fn escape_sequences_in_file_names_are_shown_not_sent() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("gone\u{1b}]0;pwned\u{7}.txt");
    let out = run(&["analyze"], &[&missing]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(control_in(&out.stderr), None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("gone\u{241b}]0;pwned\u{2407}.txt"));
    let named = dir.path().join("evil\u{1b}[2J\u{9b}31m.txt");
    std::fs::write(&named, REFERENCE).unwrap();
    assert_clean(&[&named, &reference(&dir)]);
}
