//! Moderators change the documents from the chat (or the command line): an upload or a
//! removal becomes a proposal shown as a preview with Confirm / Cancel; on confirm the change
//! is written into the documents folder and a normal reload (with its gate) runs. When the
//! reload fails, the change is rolled back: the folder and the serving index stay as they
//! were. Every change is logged with who made it.
//!
//! Invariants: only moderators propose or confirm; a proposal expires after
//! [`PROPOSAL_EXPIRY`] and at most [`PROPOSALS_KEPT`] wait at a time; uploads are read by
//! [`crate::import`], which bounds their size.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::Duration;

use super::{document_texts as words, lock, Engine};
use crate::answer::{Action, Outcome, Reply};
use crate::i18n::Language;
use crate::import::{self, Change, ImportError, Overrides, Upload};
use crate::library::SourceConfig;

/// How long a proposal waits for its Confirm.
pub const PROPOSAL_EXPIRY: Duration = Duration::from_secs(15 * 60);
/// Proposals kept at a time (the oldest goes first).
pub const PROPOSALS_KEPT: usize = 16;

/// What a moderator asks to change.
#[derive(Debug, Clone)]
pub enum DocumentRequest {
    Add { upload: Upload, overrides: Overrides },
    Replace { name: String, upload: Upload, overrides: Overrides },
    Remove { name: String },
}

#[derive(Debug)]
struct Proposed {
    id: u64,
    change: Change,
    by: String,
    at: Duration,
}

/// Proposals waiting for Confirm or Cancel.
#[derive(Debug, Default)]
pub struct Proposals {
    waiting: VecDeque<Proposed>,
    next_id: u64,
}

impl Proposals {
    /// Ids counted from `first` (see [`super::first_id`]).
    pub fn starting_at(first: u64) -> Proposals {
        Proposals { waiting: VecDeque::new(), next_id: first }
    }
}

impl Engine {
    /// A preview of the change, with Confirm / Cancel; or why it cannot be made.
    pub(super) fn propose(&self, by: &str, request: DocumentRequest, language: Language) -> Reply {
        let snapshot = self.library.snapshot();
        let lexicon = snapshot.searcher.index.analyzer().lexicon();
        let max = self.settings.max_upload_bytes;
        let exists = |name: &str| snapshot.documents().iter().any(|d| d.meta.id == name);
        let (change, preview) = match request {
            DocumentRequest::Remove { name } => {
                let Some(document) = snapshot.documents().iter().find(|d| d.meta.id == name) else {
                    return refused(language, &ImportError::NoSuchDocument { name });
                };
                (Change::Remove { name }, words::removal(language, document))
            }
            DocumentRequest::Add { upload, overrides } => match import::propose(&upload, &overrides, max, lexicon) {
                Ok(p) if exists(&p.metadata.id) => {
                    return refused(language, &ImportError::Exists { name: p.metadata.id })
                }
                Ok(proposal) => (proposal.change(false), words::addition(language, &proposal, false)),
                Err(error) => return refused(language, &error),
            },
            DocumentRequest::Replace { name, upload, overrides } => {
                if !exists(&name) {
                    return refused(language, &ImportError::NoSuchDocument { name });
                }
                let overrides = Overrides { name: Some(name), ..overrides };
                match import::propose(&upload, &overrides, max, lexicon) {
                    Ok(proposal) => (proposal.change(true), words::addition(language, &proposal, true)),
                    Err(error) => return refused(language, &error),
                }
            }
        };
        let id = self.keep_proposal(change, by);
        let mut reply = Reply::note(language, Outcome::Info, preview).private();
        reply.actions = vec![Action::Confirm { change: id }, Action::Cancel { change: id }];
        reply
    }

    fn keep_proposal(&self, change: Change, by: &str) -> u64 {
        let mut proposals = lock(&self.proposals);
        let id = proposals.next_id;
        proposals.next_id += 1;
        if proposals.waiting.len() >= PROPOSALS_KEPT {
            proposals.waiting.pop_front();
        }
        proposals.waiting.push_back(Proposed { id, change, by: by.to_string(), at: self.clock.now() });
        id
    }

    fn take_proposal(&self, id: u64) -> Option<Proposed> {
        let now = self.clock.now();
        let mut proposals = lock(&self.proposals);
        proposals.waiting.retain(|p| now.saturating_sub(p.at) < PROPOSAL_EXPIRY);
        let at = proposals.waiting.iter().position(|p| p.id == id)?;
        proposals.waiting.remove(at)
    }

    /// Confirm: writes the change and reloads; rolls it back when the reload fails.
    pub(super) fn confirm_change(&self, by: &str, id: u64, language: Language) -> Reply {
        let Some(proposed) = self.take_proposal(id) else {
            return Reply::note(language, Outcome::Invalid, words::expired(language)).private();
        };
        let Some(folder) = self.documents_folder() else {
            return Reply::note(language, Outcome::Invalid, words::no_folder(language)).private();
        };
        let applied = match import::store::apply(&folder, &proposed.change) {
            Ok(applied) => applied,
            Err(error) => return refused(language, &error),
        };
        let reload = self.reload(false, language);
        let name = proposed.change.name().to_string();
        if reload.outcome != Outcome::Info {
            if let Err(error) = applied.roll_back() {
                tracing::error!(%error, document = name, "rolling back a document change failed");
            }
            let text = format!("{}\n{}", words::rolled_back(language), reload.notes.join("\n"));
            return Reply::note(language, Outcome::Invalid, text).private();
        }
        applied.commit();
        let action = match &proposed.change {
            Change::Write { replace: false, .. } => "added",
            Change::Write { replace: true, .. } => "replaced",
            Change::Remove { .. } => "removed",
        };
        tracing::info!(document = name, action, proposed_by = proposed.by, confirmed_by = by, "documents changed");
        reload
    }

    /// Cancel: forgets the proposal; nothing is written.
    pub(super) fn cancel_change(&self, id: u64, language: Language) -> Reply {
        let text = match self.take_proposal(id) {
            Some(_) => words::cancelled(language),
            None => words::expired(language),
        };
        Reply::note(language, Outcome::Info, text).private()
    }

    /// The folder reloads read, when there is one to write to.
    fn documents_folder(&self) -> Option<PathBuf> {
        match self.library.source() {
            SourceConfig::Folder(folder) | SourceConfig::FolderOrEmbedded(folder) => {
                folder.is_dir().then_some(folder)
            }
        }
    }
}

fn refused(language: Language, error: &ImportError) -> Reply {
    Reply::note(language, Outcome::Invalid, words::import_error(language, error)).private()
}
