//! What a file looked like when it was read (size, modification and change times, inode),
//! so a reload can tell an unchanged file without reading it again.
//!
//! Invariant: a stamp vouches for a file only when the file was last modified well before it
//! was read ([`RACY_WINDOW`]): a file written again within the same clock tick as the read
//! could keep its size and times while its text changed (git's "racily clean" entries), so
//! such a file is read again at the next reload. The change time cannot be set by a program,
//! so a tool that copies a file and restores its modification time still changes the stamp.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// How long before it was read a file must have last changed for its stamp to vouch for
/// it: more than the coarsest file-system clock in use (FAT keeps times in 2-second steps).
const RACY_WINDOW: Duration = Duration::from_secs(3);

/// A document's text file and its metadata file (absent: `None`), as last read.
#[derive(Debug, Clone)]
pub struct Stamps {
    text: FileStamp,
    metadata: Option<FileStamp>,
    /// When the files were looked at, just before they were read.
    read_at: SystemTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    modified: SystemTime,
    /// Status change time and inode (Unix); zero elsewhere.
    changed: (i64, i64),
    inode: u64,
    /// The file is no link and has no other name (hard link): a watch on its folder sees
    /// every change of it.
    plain: bool,
}

impl Stamps {
    /// The stamps of a text file and of its metadata file, taken now (before reading them).
    pub fn of(text: &Path, metadata: &Path) -> std::io::Result<Stamps> {
        let read_at = SystemTime::now();
        let text = FileStamp::of(text)?.stamp;
        let metadata = match FileStamp::of(metadata) {
            Ok(stamp) if stamp.is_file => Some(stamp.stamp),
            Ok(_) => None,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        Ok(Stamps { text, metadata, read_at })
    }

    /// Whether the files `now` describes are the ones these stamps were taken of, and these
    /// stamps can vouch for that (see the module's invariant).
    pub fn unchanged(&self, now: &Stamps) -> bool {
        let settled = |stamp: &FileStamp| stamp.modified + RACY_WINDOW < self.read_at;
        self.text == now.text
            && self.metadata == now.metadata
            && settled(&self.text)
            && self.metadata.as_ref().is_none_or(settled)
    }

    pub fn has_metadata(&self) -> bool {
        self.metadata.is_some()
    }

    /// Whether a watch on the folder sees every change of these files (see `watch.rs`).
    pub fn watchable(&self) -> bool {
        self.text.plain && self.metadata.as_ref().is_none_or(|m| m.plain)
    }
}

/// A file's stamp, and whether it is a regular file (a link followed).
struct Looked {
    stamp: FileStamp,
    is_file: bool,
}

impl FileStamp {
    /// The stamp of the file at `path`, following a link (one status call for a file that is
    /// no link).
    fn of(path: &Path) -> std::io::Result<Looked> {
        let own = std::fs::symlink_metadata(path)?;
        let is_link = own.file_type().is_symlink();
        let metadata = if is_link { std::fs::metadata(path)? } else { own };
        #[cfg(unix)]
        let (changed, inode, names) = {
            use std::os::unix::fs::MetadataExt;
            ((metadata.ctime(), metadata.ctime_nsec()), metadata.ino(), metadata.nlink())
        };
        #[cfg(not(unix))]
        let (changed, inode, names) = ((0, 0), 0, 1);
        let plain = !is_link && names == 1;
        let stamp = FileStamp { len: metadata.len(), modified: metadata.modified()?, changed, inode, plain };
        Ok(Looked { stamp, is_file: metadata.is_file() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamps(dir: &Path) -> Stamps {
        Stamps::of(&dir.join("a.txt"), &dir.join("a.toml")).expect("stamps")
    }

    fn age(path: &Path, by: Duration) {
        let file = std::fs::File::options().write(true).open(path).expect("open");
        file.set_modified(SystemTime::now() - by).expect("set time");
    }

    /// A file last written long before it was read is vouched for while nothing changes,
    /// and not once its text (even at the same length and with its old time put back) or
    /// its metadata file's presence changes.
    #[test]
    fn a_stamp_vouches_for_a_settled_file_until_it_changes() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let text = dir.path().join("a.txt");
        std::fs::write(&text, "Eerste tekst.").expect("written");
        age(&text, Duration::from_secs(60));
        let first = stamps(dir.path());
        assert!(first.unchanged(&stamps(dir.path())), "nothing changed");
        let modified = std::fs::metadata(&text).expect("meta").modified().expect("time");
        std::fs::write(&text, "Andere tekst.").expect("rewritten");
        std::fs::File::options().write(true).open(&text).expect("open").set_modified(modified).expect("time put back");
        assert!(!first.unchanged(&stamps(dir.path())), "same length and time, but changed");
        let second = stamps(dir.path());
        std::fs::write(dir.path().join("a.toml"), "title = \"A\"\n").expect("metadata");
        assert!(!second.unchanged(&stamps(dir.path())), "a metadata file appeared");
    }

    /// A file written just before it was read may change again within the same clock tick
    /// without its stamp showing it, so its stamp does not vouch for it.
    #[test]
    fn a_file_written_just_before_it_was_read_is_read_again() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("a.txt"), "Verse tekst.").expect("written");
        let fresh = stamps(dir.path());
        assert!(!fresh.unchanged(&stamps(dir.path())));
    }
}
