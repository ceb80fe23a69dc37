#![allow(clippy::unwrap_used)]
//! `parallax export` and the viewer's fallback without a terminal, through the binary.

use assert_cmd::Command;
use predicates::prelude::*;

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

#[test]
fn without_a_terminal_prints_the_summary() {
    parallax()
        .assert()
        .success()
        .stdout(predicate::str::starts_with("5 articles"))
        .stdout(predicate::str::contains("passages"));
}

#[test]
fn exports_markdown_of_a_row_range_to_stdout() {
    let out = parallax().args(["export", "--rows", "3..4"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("# parallax: 5 articles"), "{text}");
    assert!(text.contains("### Passage 3:"), "{text}");
    assert!(text.contains("### Passage 4:"), "{text}");
    assert!(!text.contains("### Passage 5:"), "{text}");
}

#[test]
fn exports_json_limited_to_the_selection() {
    let out = parallax()
        .args(["export", "--format", "json", "--rows", "2"])
        .assert()
        .success();
    let value: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(value["schema"], 1);
    assert_eq!(value["groups"].as_array().unwrap().len(), 1);
    assert_eq!(value["selected"]["groups"][0], 1);
    assert_eq!(value["articles"].as_array().unwrap().len(), 5);
}

#[test]
fn exports_csv_header_even_when_empty() {
    parallax()
        .args(["export", "--format", "csv", "--facts", "--conflicts"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("record,kind,key,value,agreement,"));
}

#[test]
fn writes_a_file_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    parallax()
        .args(["export", "--rows", "1..2", "-o"])
        .arg(&path)
        .assert()
        .success();
    let first = std::fs::read_to_string(&path).unwrap();
    parallax()
        .args(["export", "--rows", "3", "-o"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists; use --force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
    parallax()
        .args(["export", "--rows", "3", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert_ne!(std::fs::read_to_string(&path).unwrap(), first);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

#[test]
fn bad_row_ranges_are_usage_errors() {
    for rows in ["0", "5..2", "x"] {
        parallax().args(["export", "--rows", rows]).assert().code(2);
    }
}
