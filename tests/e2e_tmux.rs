#![allow(clippy::unwrap_used)]
//! End to end: the real binary in a real terminal (tmux), on the bundled sample. Open it,
//! press `n` for the first conflict, mark it, export Markdown, check the file, refuse to
//! overwrite it, quit. Skips (passes with a message) when tmux is not installed.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server on its own socket, killed when dropped (even when an assertion fails).
struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Waits until the screen shows `text`, and returns the screen.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn alive(&self) -> bool {
        self.run(&["has-session", "-t", "e2e"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn sample_conflicts() -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/azal-8243");
    parallax::analyze(&[dir], &parallax::Options::default())
        .unwrap()
        .conflicts
        .len()
}

#[test]
fn open_jump_to_conflict_mark_export() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("skipping the tmux end-to-end test: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux {
        socket: format!("parallax-e2e-{}", std::process::id()),
    };
    let binary = env!("CARGO_BIN_EXE_parallax");
    let started = tmux.run(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "160",
        "-y",
        "45",
        "-c",
        dir.path().to_str().unwrap(),
        binary,
    ]);
    assert!(
        started.status.success(),
        "tmux: {}",
        String::from_utf8_lossy(&started.stderr)
    );
    let screen = tmux.wait_for(" · col 1/5 ");
    assert!(screen.contains("000_90c442df7da68b3d"), "{screen}");

    let conflicts = sample_conflicts();
    assert!(
        conflicts > 0,
        "the sample has conflicts (the airline, whose air defences, the apology quote)"
    );
    tmux.keys(&["n"]);
    let screen = tmux.wait_for(&format!("conflict 1/{conflicts}"));
    assert!(
        screen.contains("airline"),
        "the first conflict is the airline:\n{screen}"
    );
    // The conflict is the panel's current entry: focus the panel (l stops there) and mark it.
    tmux.keys(&["l", "l", "l", "l", "l", "l", "v"]);
    tmux.wait_for("1 item marked");
    tmux.keys(&["e"]);
    tmux.wait_for("export Markdown to: parallax-export.md");
    tmux.keys(&["Enter"]);
    tmux.wait_for("exported 1 item to");

    let file = dir.path().join("parallax-export.md");
    let report = std::fs::read_to_string(&file).unwrap();
    assert!(report.starts_with("# parallax: 5 articles"), "{report}");
    assert!(report.contains("## Conflicts"), "{report}");
    assert!(report.contains("Kazakhstan Airlines"), "{report}");

    // A second export to the same path asks first; "n" keeps the file.
    tmux.keys(&["e"]);
    tmux.wait_for("export Markdown to:");
    tmux.keys(&["Enter"]);
    tmux.wait_for("exists: overwrite? (y/n)");
    tmux.keys(&["n"]);
    tmux.wait_for("export cancelled");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), report);

    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.alive() {
        assert!(start.elapsed() < Duration::from_secs(10), "q did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
}
