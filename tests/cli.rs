//! The command line: output, errors and exit codes (see the README's exit code table).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn json(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output).expect("stdout is JSON")
}

const ARTICLE: &str = "The plane crashed near Aktau on Wednesday. Thirty-eight people died.\n";

#[test]
fn no_arguments_summarises_the_bundled_sample() {
    parallax()
        .arg("analyze")
        .assert()
        .success()
        .stdout(predicate::str::contains("5 articles").and(predicate::str::contains("shared by 5 of 5")));
}

#[test]
fn analyze_json_prints_the_contract() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/azal-8243");
    let out = parallax()
        .args(["analyze", "--json"])
        .arg(&dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let value = json(&out);
    assert_eq!(value["schema"], 1);
    assert_eq!(value["articles"].as_array().unwrap().len(), 5);
    for key in ["groups", "attributions", "facts", "conflicts"] {
        assert!(value[key].is_array(), "{key} is a list");
    }
}

#[test]
fn missing_file_is_named_with_exit_2() {
    parallax()
        .args(["analyze", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no/such/file.txt: no such file or directory",
        ));
}

#[test]
fn directory_without_articles_exits_2() {
    let dir = TempDir::new().unwrap();
    write(&dir, "notes.pdf", b"%PDF");
    parallax()
        .arg("analyze")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no .txt or .md articles"));
}

#[test]
fn binary_file_exits_2() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "image.txt", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0]);
    parallax()
        .args(["analyze", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("image.txt: looks like a binary file"));
}

#[test]
fn empty_file_exits_2() {
    let dir = TempDir::new().unwrap();
    let empty = write(&dir, "empty.txt", b"");
    let other = write(&dir, "other.txt", ARTICLE.as_bytes());
    parallax()
        .args(["analyze", &other, &empty])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.txt: empty"));
}

#[test]
fn invalid_utf8_is_read_with_a_warning() {
    let dir = TempDir::new().unwrap();
    let latin1 = write(
        &dir,
        "latin1.txt",
        b"Caf\xe9 owners said the plane crashed near Aktau.\n",
    );
    let other = write(&dir, "other.txt", ARTICLE.as_bytes());
    let out = parallax()
        .args(["analyze", "--json", &latin1, &other])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "latin1.txt: not valid UTF-8 (first bad byte at 3)",
        ))
        .get_output()
        .stdout
        .clone();
    let value = json(&out);
    assert_eq!(
        value["articles"][0]["text"],
        "Caf\u{fffd} owners said the plane crashed near Aktau.\n"
    );
    assert_eq!(value["articles"][0]["invalid_utf8_at"], 3);
}

#[test]
fn one_line_without_punctuation_is_one_sentence() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "line.txt", b"just one line of words and no punctuation");
    let value = json(
        &parallax()
            .args(["analyze", "--json", &path])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(value["articles"][0]["sentences"].as_array().unwrap().len(), 1);
    assert_eq!(value["groups"].as_array().unwrap().len(), 1);
}

#[test]
fn two_identical_articles_pair_every_sentence() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", ARTICLE.as_bytes());
    let b = write(&dir, "b.txt", ARTICLE.as_bytes());
    let value = json(
        &parallax()
            .args(["analyze", "--json", &a, &b])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let groups = value["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert!(groups.iter().all(|g| g["members"].as_array().unwrap().len() == 2));
}

#[test]
fn standard_input_is_an_article() {
    let value = json(
        &parallax()
            .args(["analyze", "--json", "-"])
            .write_stdin(ARTICLE)
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(value["articles"][0]["path"], "-");
    assert_eq!(value["articles"][0]["source"], "stdin");
}

#[test]
fn huge_file_is_refused_quickly_with_exit_2() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("huge.txt");
    let mut file = std::fs::File::create(&path).unwrap();
    let line = "The plane crashed near Aktau and people watched it burn.\n".repeat(1000);
    while file.metadata().unwrap().len() < 50 * 1024 * 1024 {
        file.write_all(line.as_bytes()).unwrap();
    }
    drop(file);
    parallax()
        .arg("analyze")
        .arg(&path)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("huge.txt: too large").and(predicate::str::contains("--max-bytes")));
}

#[test]
fn bad_arguments_exit_2() {
    parallax().args(["analyze", "--no-such-flag"]).assert().code(2);
}

#[test]
fn summary_never_prints_escape_sequences_from_articles() {
    let dir = TempDir::new().unwrap();
    let a = write(
        &dir,
        "a.txt",
        b"The \x1b[31mplane\x1b[0m crashed near Aktau. People died.\n",
    );
    let b = write(
        &dir,
        "b.txt",
        b"The plane crashed near Aktau in Kazakhstan. People died.\n",
    );
    let out = parallax()
        .args(["analyze", &a, &b])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!out.contains(&0x1b), "raw ESC in the summary");
}
