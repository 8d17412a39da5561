//! briefbot: answers questions about official Dutch letters by quoting the paragraphs that
//! answer them, each with its source reference. See `ARCHITECTURE.md` for the codemap.
//!
//! The library is the core: documents, search, answers. It knows nothing of Discord or the
//! terminal; adapters (in `main.rs` and its modules) render its plain [`answer::Reply`] values.

pub mod answer;
pub mod config;
pub mod conversation;
#[cfg(feature = "discord")]
pub mod discord;
pub mod document;
pub mod fit;
pub mod i18n;
pub mod library;
mod parallel;
pub mod script;
pub mod search;
pub mod text;
