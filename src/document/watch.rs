//! Which entries of the documents folder changed since a reload last looked, as the kernel
//! tells them (inotify, on Linux): a reload after one edited letter then looks at that
//! letter's files only, not at the status of every file in a folder of thousands.
//!
//! Invariants:
//! - The watch is set before the folder is read, and its events are taken when a reload
//!   starts, before any file is read: a change made while a reload reads is among the next
//!   reload's names, never lost between two looks.
//! - A reload whose result is not served gives the names back ([`FolderWatch::give_back`]),
//!   so the next reload looks at those files again.
//! - When events may have been lost (the kernel's queue overflowed, more names piled up than
//!   [`MAX_NAMES`], the events could not be read) or the folder itself was moved or removed,
//!   the answer is [`Changed::Unknown`]: the reload looks at every file's stamps, as it does
//!   where no watch can be set.
//! - A watch is set only on a local file system: on a network share, another machine's
//!   writes raise no event on this one.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Most names kept between two reloads; past it a reload looks at every file.
const MAX_NAMES: usize = 4096;
/// Most reads of the kernel's events in one look (each up to 4 KiB, about a hundred events).
#[cfg(target_os = "linux")]
const MAX_READS: usize = 1024;

/// What changed in the folder since the last look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// Anything may have: look at every file.
    Unknown,
    /// Only entries of these names (file names in the folder) may have.
    Names(BTreeSet<OsString>),
}

/// A watch on one documents folder.
pub struct FolderWatch {
    dir: PathBuf,
    #[cfg(target_os = "linux")]
    inotify: inotify::Inotify,
    names: BTreeSet<OsString>,
    /// Events may have been lost since the last look.
    lost: bool,
    /// The folder is gone from under the watch (moved, removed, unmounted): it sees no more.
    ended: bool,
}

impl FolderWatch {
    /// A watch on `dir`, or `None` where none can be set (not Linux, not a local file system,
    /// the kernel's limit of watches reached): reloads then look at every file.
    pub fn new(dir: &Path) -> Option<FolderWatch> {
        match FolderWatch::set(dir) {
            Ok(watch) => Some(watch),
            Err(reason) => {
                tracing::info!(folder = %dir.display(), %reason, "no watch on the documents folder; a reload looks at every file");
                None
            }
        }
    }

    /// The folder this watch looks at.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the watch still sees its folder's changes.
    pub fn sees(&self) -> bool {
        !self.ended
    }

    /// What changed since the last call; the names are this watch's no longer.
    pub fn take(&mut self) -> Changed {
        self.read_events();
        let names = std::mem::take(&mut self.names);
        match std::mem::replace(&mut self.lost, false) || self.ended {
            true => Changed::Unknown,
            false => Changed::Names(names),
        }
    }

    /// Hands back what [`FolderWatch::take`] gave, for a reload that was not served.
    pub fn give_back(&mut self, changed: Changed) {
        match changed {
            Changed::Unknown => self.lost = true,
            Changed::Names(names) => names.into_iter().for_each(|name| self.note(name)),
        }
    }

    fn note(&mut self, name: OsString) {
        self.names.insert(name);
        if self.names.len() > MAX_NAMES {
            self.names.clear();
            self.lost = true;
        }
    }
}

/// What changed in `dir` since the last look of `watch`, which is set anew (and the answer
/// is [`Changed::Unknown`]) when it watches no longer, or another folder, or none could be
/// set before.
pub fn look(watch: &mut Option<FolderWatch>, dir: &Path) -> Changed {
    match watch.as_mut().filter(|w| w.sees() && w.dir() == dir) {
        Some(watch) => watch.take(),
        None => {
            *watch = Some(dir).filter(|dir| dir.is_dir()).and_then(FolderWatch::new);
            Changed::Unknown
        }
    }
}

#[cfg(target_os = "linux")]
impl FolderWatch {
    fn set(dir: &Path) -> Result<FolderWatch, String> {
        use inotify::{Inotify, WatchMask};
        if let Some(kind) = network_file_system(dir) {
            return Err(format!("a network file system ({kind})"));
        }
        let inotify = Inotify::init().map_err(|e| e.to_string())?;
        let mask = WatchMask::CREATE
            | WatchMask::DELETE
            | WatchMask::MODIFY
            | WatchMask::CLOSE_WRITE
            | WatchMask::ATTRIB
            | WatchMask::MOVED_FROM
            | WatchMask::MOVED_TO
            | WatchMask::DELETE_SELF
            | WatchMask::MOVE_SELF
            | WatchMask::ONLYDIR;
        inotify.watches().add(dir, mask).map_err(|e| e.to_string())?;
        Ok(FolderWatch { dir: dir.to_path_buf(), inotify, names: BTreeSet::new(), lost: false, ended: false })
    }

    /// Reads every event the kernel holds, without waiting for more; a folder written to
    /// faster than its events are read makes the look end with [`Changed::Unknown`].
    fn read_events(&mut self) {
        use inotify::EventMask;
        let mut buffer = [0u8; 4096];
        for _ in 0..MAX_READS {
            let events = match self.inotify.read_events(&mut buffer) {
                Ok(events) => events,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return,
                Err(e) => {
                    tracing::warn!(error = %e, "the documents folder's events could not be read");
                    self.lost = true;
                    return;
                }
            };
            let mut names = Vec::new();
            for event in events {
                let gone = EventMask::DELETE_SELF | EventMask::MOVE_SELF | EventMask::IGNORED | EventMask::UNMOUNT;
                self.ended |= event.mask.intersects(gone);
                self.lost |= event.mask.contains(EventMask::Q_OVERFLOW);
                names.extend(event.name.map(|name| name.to_os_string()));
            }
            names.into_iter().for_each(|name| self.note(name));
        }
        self.lost = true;
    }
}

/// The kind of network file system `dir` is on, if it is on one (by the file system's magic
/// number, as Linux's `statfs` gives it).
#[cfg(target_os = "linux")]
fn network_file_system(dir: &Path) -> Option<&'static str> {
    use std::os::unix::ffi::OsStrExt;
    const NETWORK: [(u32, &str); 8] = [
        (0x6969, "NFS"),
        (0x517b, "SMB"),
        (0xff53_4d42, "CIFS"),
        (0xfe53_4d42, "SMB2"),
        (0x6573_5546, "FUSE"),
        (0x0102_1997, "9P"),
        (0x00c3_6400, "Ceph"),
        (0x5346_414f, "AFS"),
    ];
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: a zeroed `statfs` is a valid one for the call to fill.
    let mut stat: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: a NUL-terminated path and a valid pointer to a `statfs`.
    if unsafe { libc::statfs(path.as_ptr(), &mut stat) } != 0 {
        return None;
    }
    let kind = stat.f_type as u32;
    NETWORK.iter().find(|(magic, _)| *magic == kind).map(|(_, name)| *name)
}

#[cfg(not(target_os = "linux"))]
impl FolderWatch {
    fn set(_dir: &Path) -> Result<FolderWatch, String> {
        Err("folder watches are read on Linux only".into())
    }

    fn read_events(&mut self) {}
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Changed {
        Changed::Names(list.iter().map(OsString::from).collect())
    }

    /// Each look tells the names written to since the previous one, and a look given back
    /// is told again with what came after it.
    #[test]
    fn a_watch_tells_the_names_changed_since_the_last_look() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut watch = FolderWatch::new(dir.path()).expect("a watch on a local folder");
        assert_eq!(watch.take(), names(&[]));
        std::fs::write(dir.path().join("a.txt"), "Een.").expect("written");
        std::fs::write(dir.path().join("b.toml"), "title = \"B\"\n").expect("written");
        let first = watch.take();
        assert_eq!(first, names(&["a.txt", "b.toml"]));
        std::fs::remove_file(dir.path().join("a.txt")).expect("removed");
        assert_eq!(watch.take(), names(&["a.txt"]));
        std::fs::write(dir.path().join("c.txt"), "Drie.").expect("written");
        watch.give_back(first);
        assert_eq!(watch.take(), names(&["a.txt", "b.toml", "c.txt"]));
    }

    /// A folder moved away from under its watch is no longer seen: every look from then on
    /// says anything may have changed.
    #[test]
    fn a_watch_whose_folder_moved_tells_nothing_for_certain() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let folder = dir.path().join("documenten");
        std::fs::create_dir(&folder).expect("made");
        let mut watch = FolderWatch::new(&folder).expect("a watch");
        std::fs::rename(&folder, dir.path().join("elders")).expect("moved");
        assert_eq!(watch.take(), Changed::Unknown);
        assert!(!watch.sees());
        assert_eq!(watch.take(), Changed::Unknown);
    }

    /// More names than a watch keeps between looks make the next look say anything may have
    /// changed, rather than hold a growing list.
    #[test]
    fn a_watch_past_its_names_limit_tells_nothing_for_certain() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut watch = FolderWatch::new(dir.path()).expect("a watch");
        let many = (0..=MAX_NAMES).map(|n| OsString::from(format!("{n}.txt"))).collect();
        watch.give_back(Changed::Names(many));
        assert_eq!(watch.take(), Changed::Unknown);
        assert_eq!(watch.take(), names(&[]));
    }
}
