//! Files written whole or not at all, the one way parallax writes a file (exports, `--save`,
//! the fetch cache).
//!
//! The content goes to a temporary file beside the target, is flushed to disk, then renamed
//! over the target (`overwrite`) or linked to it only if it does not exist yet (a check and
//! a write in one step, so a file that appears meanwhile is not replaced either). On any
//! failure (a full disk, a read-only or missing folder) the temporary file is removed and an
//! existing target is left exactly as it was.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file was not written. In every case nothing on disk changed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target exists and overwriting was not allowed.
    #[error("{} already exists", .0.display())]
    Exists(PathBuf),
    /// The folder to write into does not exist.
    #[error("cannot write {}: the folder {} does not exist", .path.display(), .folder.display())]
    NoFolder {
        /// The target.
        path: PathBuf,
        /// Its missing folder.
        folder: PathBuf,
    },
    /// Creating, writing, flushing or renaming the file failed.
    #[error("cannot write {}: {source}; nothing was changed", .path.display())]
    Io {
        /// The target.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
}

/// Writes `path` with what `fill` writes, atomically. Without `overwrite`, an existing file
/// is an error ([`WriteError::Exists`]) and stays as it is.
///
/// # Errors
/// See [`WriteError`].
pub fn write_file(
    path: &Path,
    overwrite: bool,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let io_err = |source: io::Error| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    if !overwrite && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(WriteError::NoFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    // Dropped on every early return below, which deletes it.
    let mut tmp = tempfile::Builder::new()
        .prefix(".parallax-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|err| io_err(without_temp_path(err)))?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        fill(&mut out).map_err(io_err)?;
        out.flush().map_err(io_err)?;
    }
    tmp.as_file().sync_all().map_err(io_err)?;
    let persisted = if overwrite {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    match persisted {
        Ok(_) => Ok(()),
        Err(err) if err.error.kind() == io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_path_buf()))
        }
        Err(err) => Err(io_err(err.error)),
    }
}

/// The system error alone: `tempfile` adds the temporary file's name, which means nothing
/// to the reader.
fn without_temp_path(err: io::Error) -> io::Error {
    if err.raw_os_error().is_none() && err.kind() != io::ErrorKind::Other {
        io::Error::from(err.kind())
    } else {
        err
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_new_files_and_keeps_existing_ones_unless_told() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_file(&path, false, |w| w.write_all(b"first")).unwrap();
        let err = write_file(&path, false, |w| w.write_all(b"second")).unwrap_err();
        assert!(matches!(err, WriteError::Exists(p) if p == path));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        write_file(&path, true, |w| w.write_all(b"third")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "third");
        assert_eq!(names(dir.path()), ["out.md"]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        std::fs::write(&path, "kept").unwrap();
        let err = write_file(&path, true, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(
            err.to_string().ends_with("disk full; nothing was changed"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
        assert_eq!(names(dir.path()), ["out.md"]);
    }

    #[test]
    fn a_missing_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nowhere/out.md");
        let err = write_file(&path, false, |w| w.write_all(b"x")).unwrap_err();
        assert!(matches!(err, WriteError::NoFolder { .. }));
        assert!(err.to_string().contains("nowhere does not exist"), "{err}");
    }
}
