//! Changing the documents folder so that no half-written document ever becomes visible, and
//! so that a change can be undone when the reload after it fails.
//!
//! A document is its `NAME.txt` (which the loader looks for) and its `NAME.toml`. New files
//! are written under hidden temporary names (`.NAME.txt.new`, which the loader ignores),
//! synced, then renamed into place: the metadata first, the text last, so a crash leaves
//! either no new document or a complete one. Files replaced or removed are first renamed to
//! hidden backups (`.NAME.txt.old`), which [`Applied::commit`] deletes and
//! [`Applied::roll_back`] puts back.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::ImportError;

/// A change to the documents folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new document, or new contents for an existing one (`replace`).
    Write { name: String, text: String, metadata: String, replace: bool },
    Remove { name: String },
}

impl Change {
    pub fn name(&self) -> &str {
        match self {
            Change::Write { name, .. } | Change::Remove { name } => name,
        }
    }
}

/// A change made to the folder, not yet kept or undone.
#[derive(Debug)]
#[must_use = "commit or roll back the change"]
pub struct Applied {
    /// Backups and the files they stand for.
    backups: Vec<(PathBuf, PathBuf)>,
    /// Files the change created.
    created: Vec<PathBuf>,
}

/// Makes `change` in `folder`.
pub fn apply(folder: &Path, change: &Change) -> Result<Applied, ImportError> {
    let path = |extension: &str| folder.join(format!("{}.{extension}", change.name()));
    let hidden = |extension: &str, suffix: &str| folder.join(format!(".{}.{extension}.{suffix}", change.name()));
    let exists = path("txt").exists();
    let mut applied = Applied { backups: Vec::new(), created: Vec::new() };
    match change {
        Change::Write { replace: false, .. } if exists => {
            return Err(ImportError::Exists { name: change.name().to_string() })
        }
        Change::Write { replace: true, .. } | Change::Remove { .. } if !exists => {
            return Err(ImportError::NoSuchDocument { name: change.name().to_string() })
        }
        _ => {}
    }
    let result = (|| {
        if exists {
            for extension in ["txt", "toml"] {
                applied.back_up(&path(extension), &hidden(extension, "old"))?;
            }
        }
        if let Change::Write { text, metadata, .. } = change {
            for (extension, contents) in [("toml", metadata), ("txt", text)] {
                write_synced(&hidden(extension, "new"), contents)?;
                fs::rename(hidden(extension, "new"), path(extension))?;
                applied.created.push(path(extension));
            }
        }
        sync_folder(folder)
    })();
    match result {
        Ok(()) => Ok(applied),
        Err(error) => {
            let _ = applied.roll_back();
            Err(ImportError::Write(error.to_string()))
        }
    }
}

impl Applied {
    fn back_up(&mut self, file: &Path, backup: &Path) -> std::io::Result<()> {
        if file.exists() {
            fs::rename(file, backup)?;
            self.backups.push((backup.to_path_buf(), file.to_path_buf()));
        }
        Ok(())
    }

    /// Keeps the change: the backups go.
    pub fn commit(self) {
        for (backup, _) in &self.backups {
            if let Err(error) = fs::remove_file(backup) {
                tracing::warn!(%error, backup = %backup.display(), "a backup was not deleted");
            }
        }
    }

    /// Undoes the change: the created files go (text first), the backups come back (metadata
    /// first).
    pub fn roll_back(self) -> std::io::Result<()> {
        for file in self.created.iter().rev() {
            fs::remove_file(file)?;
        }
        for (backup, file) in self.backups.iter().rev() {
            fs::rename(backup, file)?;
        }
        Ok(())
    }
}

fn write_synced(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}

/// Makes the renames durable (a no-op where folders cannot be opened).
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    match File::open(folder) {
        Ok(dir) => dir.sync_all().or(Ok(())),
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    fn write(name: &str, text: &str, replace: bool) -> Change {
        Change::Write { name: name.into(), text: text.into(), metadata: "title = \"T\"\n".into(), replace }
    }

    #[test]
    fn a_write_is_kept_or_undone_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        apply(dir.path(), &write("brief", "een", false)).unwrap().commit();
        assert_eq!(names(dir.path()), ["brief.toml", "brief.txt"]);
        assert!(matches!(apply(dir.path(), &write("brief", "twee", false)), Err(ImportError::Exists { .. })));
        let replaced = apply(dir.path(), &write("brief", "twee", true)).unwrap();
        assert_eq!(fs::read_to_string(dir.path().join("brief.txt")).unwrap(), "twee");
        replaced.roll_back().unwrap();
        assert_eq!(fs::read_to_string(dir.path().join("brief.txt")).unwrap(), "een");
        assert_eq!(names(dir.path()), ["brief.toml", "brief.txt"]);
    }

    #[test]
    fn a_removal_is_kept_or_undone() {
        let dir = tempfile::tempdir().unwrap();
        apply(dir.path(), &write("brief", "een", false)).unwrap().commit();
        let removal = Change::Remove { name: "brief".into() };
        apply(dir.path(), &removal).unwrap().roll_back().unwrap();
        assert_eq!(names(dir.path()), ["brief.toml", "brief.txt"]);
        apply(dir.path(), &removal).unwrap().commit();
        assert!(names(dir.path()).is_empty());
        assert!(matches!(apply(dir.path(), &removal), Err(ImportError::NoSuchDocument { .. })));
    }
}
