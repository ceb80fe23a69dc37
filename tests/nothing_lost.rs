//! Nothing lost: exports and `--save` on a full disk, in a read-only folder and in a
//! missing one give a clear message and exit code 1, and leave the existing file as it was
//! and no temporary file behind.
//!
//! The full disk is a 64 KiB tmpfs and the read-only folder a read-only tmpfs when the tests
//! may mount (root, as in CI); else a file-size limit (`ulimit -f`, which fails writes with
//! "File too large") stands in for the full disk and `chmod` for the read-only folder.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const KEPT: &str = "my notes, not to be lost\n";

fn parallax() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_parallax"))
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A tmpfs mounted on a fresh folder, unmounted when dropped; `None` where mounting is not
/// allowed.
struct Mount {
    dir: TempDir,
}

impl Mount {
    fn tmpfs(options: &str) -> Option<Self> {
        let dir = TempDir::new().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        mounted.then_some(Self { dir })
    }

    fn remount(&self, options: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(self.dir.path())
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn export(to: &Path, force: bool) -> Output {
    let mut cmd = Command::new(parallax());
    cmd.args(["export", "--format", "md", "-o"]).arg(to);
    if force {
        cmd.arg("--force");
    }
    cmd.output().unwrap()
}

fn assert_failed_cleanly(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(what), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn a_full_disk_leaves_the_existing_file_intact() {
    if let Some(disk) = Mount::tmpfs("size=64k") {
        let target = disk.path().join("report.md");
        std::fs::write(&target, KEPT).unwrap();
        // Fill what is left of the disk.
        let filler = vec![b'x'; 64 * 1024];
        let _ = std::fs::write(disk.path().join("filler"), &filler);
        let out = export(&target, true);
        assert_failed_cleanly(&out, "No space left on device");
        assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was changed"));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), KEPT);
        assert_eq!(names(disk.path()), ["filler", "report.md"]);
    } else {
        eprintln!("nothing_lost: cannot mount a tmpfs here; the full disk is simulated with ulimit -f only");
    }
    // Anywhere: a file-size limit makes the write fail part-way, like a full disk.
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("report.md");
    std::fs::write(&target, KEPT).unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 8; exec \"$0\" export --format md --force -o \"$1\"")
        .arg(parallax())
        .arg(&target)
        .output()
        .unwrap();
    assert_failed_cleanly(&out, "File too large");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), KEPT);
    assert_eq!(names(dir.path()), ["report.md"]);
}

#[test]
fn a_read_only_folder_is_reported_and_left_alone() {
    let (guard, folder) = if let Some(mount) = Mount::tmpfs("size=1m") {
        let folder = mount.path().to_path_buf();
        std::fs::write(folder.join("report.md"), KEPT).unwrap();
        mount.remount("ro");
        (Some(mount), folder)
    } else {
        let dir = TempDir::new().unwrap();
        std::fs::write(dir.path().join("report.md"), KEPT).unwrap();
        let mut perms = std::fs::metadata(dir.path()).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
        std::fs::set_permissions(dir.path(), perms).unwrap();
        let folder = dir.keep();
        (None, folder)
    };
    let out = export(&folder.join("new.md"), false);
    assert_failed_cleanly(&out, "nothing was changed");
    let out = export(&folder.join("report.md"), true);
    assert_failed_cleanly(&out, "nothing was changed");
    assert_eq!(std::fs::read_to_string(folder.join("report.md")).unwrap(), KEPT);
    assert_eq!(names(&folder), ["report.md"]);
    let save = Command::new(parallax())
        .args(["analyze", "--save"])
        .arg(folder.join("set"))
        .output()
        .unwrap();
    assert_eq!(save.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&save.stderr).contains("set"));
    assert_eq!(names(&folder), ["report.md"]);
    drop(guard);
}

#[test]
fn a_missing_folder_is_named() {
    let dir = TempDir::new().unwrap();
    let out = export(&dir.path().join("no/such/report.md"), false);
    assert_failed_cleanly(&out, "the folder");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such does not exist"));
    assert!(names(dir.path()).is_empty());
}

#[test]
fn an_existing_file_needs_force_and_save_never_overwrites_without_it() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("report.md");
    std::fs::write(&target, KEPT).unwrap();
    let out = export(&target, false);
    assert_failed_cleanly(&out, "already exists; use --force to replace it");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), KEPT);
    let set = dir.path().join("set");
    let save = |force: bool| {
        let mut cmd = Command::new(parallax());
        cmd.args(["analyze", "--save"]).arg(&set);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    assert!(save(false).status.success());
    let first = names(&set);
    assert_eq!(first.len(), 5);
    let mine = set.join(&first[0]);
    std::fs::write(&mine, KEPT).unwrap();
    let again = save(false);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists (use --force to overwrite)"));
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), KEPT);
    assert!(save(true).status.success());
    assert_ne!(std::fs::read_to_string(&mine).unwrap(), KEPT);
    assert_eq!(names(&set), first, "no temporary files left");
}
