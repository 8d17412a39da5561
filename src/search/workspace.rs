//! The lists a ranking fills per candidate passage, kept between searches so that a question
//! with many candidates does not allocate them anew.
//!
//! At 10,000 letters a common word's round has thousands of candidates, and these lists
//! reach hundreds of KiB: the allocator serves such blocks from pages of their own (see
//! `parallel::keep_large_blocks_apart`), so each search that needed one paid for mapping and
//! faulting in its pages, which set the tail of answer latency (scale bench, 10,000 letters:
//! p99 2.60–2.68 ms, against 1.92–1.97 ms with the lists kept).
//!
//! Invariants: a workspace is taken by one search at a time and is empty when taken; the
//! pool's lock is held only to take or give one back (never across a search); at most
//! [`MAX_KEPT`] workspaces of at most [`MAX_KEPT_BYTES`] each are kept, so what the pool
//! holds stays a few MiB whatever the questions.

use std::sync::Mutex;

use super::candidates::{Base, BaseLists, BoundLists};
use crate::document::text::TextReader;

/// Workspaces kept: one per search that can run at once on a machine of a few cores.
const MAX_KEPT: usize = 8;
/// A workspace grown past this (a question that reached most passages of a huge corpus)
/// is freed instead of kept.
const MAX_KEPT_BYTES: usize = 8 << 20;

/// The per-candidate lists of one ranking.
#[derive(Default)]
pub(crate) struct Workspace {
    /// Per candidate with a base: its upper bound, slot and base ([`super::top::TopHits`]).
    pub(super) bounded: Vec<(f32, u32, Base)>,
    /// Per candidate of a round: running sums over the groups and what they read
    /// ([`super::candidates::Prepared::bases`]).
    pub(super) bases: BaseLists,
    /// Per candidate of a round: the groups that hold it and their most
    /// (`Prepared::held_bounds`).
    pub(super) bounds: BoundLists,
    /// The text of the candidates that a check reads (a decompressed block and a zstd
    /// context, kept between searches).
    pub(super) texts: TextReader,
}

impl Workspace {
    fn bytes(&self) -> usize {
        use std::mem::size_of;
        self.bounded.capacity() * size_of::<(f32, u32, Base)>()
            + self.bases.bytes()
            + self.bounds.bytes()
    }

    fn clear(&mut self) {
        self.bounded.clear();
        self.bounds.clear();
        self.bases.clear();
    }
}

/// The workspaces of the searches that ended, for the next ones to take.
#[derive(Default)]
pub(crate) struct Workspaces {
    kept: Mutex<Vec<Workspace>>,
}

impl Workspaces {
    /// An empty workspace: one kept, or a new one.
    pub(super) fn take(&self) -> Workspace {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner()).pop();
        kept.unwrap_or_default()
    }

    /// Keeps `workspace` for a later search, emptied, unless enough are kept or it grew too
    /// large.
    pub(super) fn give_back(&self, mut workspace: Workspace) {
        if workspace.bytes() > MAX_KEPT_BYTES {
            return;
        }
        workspace.clear();
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() < MAX_KEPT {
            kept.push(workspace);
        }
    }

    #[cfg(test)]
    fn kept(&self) -> usize {
        self.kept.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workspace_given_back_is_taken_again_empty_with_its_room() {
        let pool = Workspaces::default();
        let mut workspace = pool.take();
        workspace.bounds.reserve(1000);
        pool.give_back(workspace);
        let again = pool.take();
        assert!(again.bounds.is_empty_with_room(1000), "emptied, its room kept");
    }

    #[test]
    fn the_pool_keeps_neither_too_many_nor_too_large_workspaces() {
        let pool = Workspaces::default();
        let mut large = Workspace::default();
        large.bounds.reserve(MAX_KEPT_BYTES / 8 + 1);
        pool.give_back(large);
        assert_eq!(pool.kept(), 0, "a workspace past the limit is freed");
        (0..MAX_KEPT + 3).for_each(|_| pool.give_back(Workspace::default()));
        assert_eq!(pool.kept(), MAX_KEPT);
    }
}
