//! Saving a set: each article as a text file with its `key: value` header block, so that a
//! set read from the web can be kept, shared and reopened offline with the same text.
//!
//! Consumes loaded articles and a folder; writes one `NN-source-title.txt` per article
//! (`NN` its position, so the set reopens in the same order). Each file is written to a temp
//! file and renamed into place, and no existing file is replaced unless `force` is set: when
//! any target exists, nothing is written.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Article;

use super::read_header;
use crate::atomic::WriteError;

/// The file text for one article: its text when it already opens with a header block (HTML
/// pages, articles saved before), else a header block made from its source, title, date and
/// address, a blank line, then its text.
#[must_use]
pub fn article_file_text(article: &Article) -> String {
    if read_header(&article.text).end > 0 {
        return article.text.clone();
    }
    let mut out = String::with_capacity(article.text.len() + 200);
    let fields = [
        ("source", Some(article.source.as_str())),
        ("title", article.title.as_deref()),
        ("date", article.date.as_deref()),
        ("url", article.url.as_deref()),
    ];
    for (key, value) in fields {
        if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
            let value: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push_str(key);
            out.push_str(": ");
            out.push_str(&value);
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&article.text);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The file name for article `idx`: `NN-` then a slug of its source and title (ASCII letters
/// and digits joined by `-`, at most 60 characters), then `.txt`.
#[must_use]
pub fn file_name(idx: usize, article: &Article) -> String {
    let words = format!("{} {}", article.source, article.title.as_deref().unwrap_or(""));
    let mut slug = String::new();
    for word in words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() + 1 > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() {
        slug.push_str("article");
    }
    format!("{:02}-{slug}.txt", idx + 1)
}

/// Writes every article into `dir` (created when missing) and returns the files written.
///
/// # Errors
/// [`Error::Exists`] when a target file exists and `force` is off (then nothing is
/// written), [`Error::Io`] when the folder or a file cannot be written.
pub fn save_articles(articles: &[Article], dir: &Path, force: bool) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|source| {
        Error::Write(WriteError::Io {
            path: dir.to_path_buf(),
            source,
        })
    })?;
    let targets: Vec<PathBuf> = articles
        .iter()
        .enumerate()
        .map(|(idx, article)| dir.join(file_name(idx, article)))
        .collect();
    if !force && let Some(existing) = targets.iter().find(|p| p.exists()) {
        return Err(Error::Exists {
            path: existing.clone(),
        });
    }
    for (article, target) in articles.iter().zip(&targets) {
        let text = article_file_text(article);
        crate::atomic::write_file(target, force, |out| out.write_all(text.as_bytes())).map_err(|err| {
            match err {
                WriteError::Exists(path) => Error::Exists { path },
                other => Error::Write(other),
            }
        })?;
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(source: &str, title: Option<&str>, text: &str) -> Article {
        Article {
            source: source.into(),
            title: title.map(Into::into),
            text: text.into(),
            ..Article::default()
        }
    }

    #[test]
    fn names_are_numbered_slugs() {
        let a = article("BBC News", Some("Plane down: 38 dead"), "x");
        assert_eq!(file_name(0, &a), "01-bbc-news-plane-down-38-dead.txt");
        assert_eq!(file_name(11, &article("", None, "x")), "12-article.txt");
    }

    #[test]
    fn existing_files_are_kept_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let first = article("bbc", Some("One"), "source: bbc\n\nFirst text.\n");
        let second = article("cnn", Some("Two"), "source: cnn\n\nSecond text.\n");
        let written = save_articles(std::slice::from_ref(&second), dir.path(), false).unwrap();
        let taken = dir.path().join("01-bbc-one.txt");
        std::fs::write(&taken, "mine").unwrap();
        // 01 exists: nothing is written, not even 02.
        let both = [first.clone(), second.clone()];
        let err = save_articles(&both, dir.path(), false).unwrap_err();
        assert!(matches!(err, Error::Exists { path } if path == taken));
        assert_eq!(std::fs::read_to_string(&taken).unwrap(), "mine");
        assert!(!dir.path().join("02-cnn-two.txt").exists());
        assert_eq!(written, [dir.path().join("01-cnn-two.txt")]);
        save_articles(&both, dir.path(), true).unwrap();
        assert_eq!(std::fs::read_to_string(&taken).unwrap(), first.text);
        // No temp files are left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    }

    #[test]
    fn header_is_added_only_when_missing() {
        let plain = article("bbc", Some("Plane down"), "Plane down\n\nBody.");
        assert_eq!(
            article_file_text(&plain),
            "source: bbc\ntitle: Plane down\n\nPlane down\n\nBody.\n"
        );
        let headed = article("bbc", None, "source: bbc\n\nBody.\n");
        assert_eq!(article_file_text(&headed), headed.text);
    }
}
