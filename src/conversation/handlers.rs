//! One function per command. Each reads one library snapshot and the asker's session.

use std::sync::atomic::Ordering;

use super::session::{Session, SessionKey};
use super::{lock, texts, Command, Engine};
use crate::answer::{self, Outcome, Reply, SEE_ALSO_MAX};
use crate::document::{Document, PassageKind};
use crate::i18n::Language;
use crate::library::Snapshot;

pub(super) fn dispatch(engine: &Engine, key: &SessionKey, command: Command, language: Language) -> Reply {
    let snapshot = engine.library.snapshot();
    let session = lock(&engine.sessions).get(key, engine.now()).unwrap_or_default();
    let (reply, session) = match command {
        Command::Ask(question) => ask(engine, &snapshot, session, &question, language),
        Command::More => more(&snapshot, session, language),
        Command::Paragraph { document, number } => {
            paragraph(&snapshot, session, document.as_deref(), number, language)
        }
        Command::Previous | Command::Next => {
            let step: i64 = if command == Command::Next { 1 } else { -1 };
            match session.paragraph.clone() {
                Some((doc, n)) => {
                    let number = (i64::from(n) + step).max(0) as u32;
                    paragraph(&snapshot, session, Some(&doc), number, language)
                }
                None => (invalid(language, texts::no_paragraph_yet(language)), session),
            }
        }
        Command::Documents { page } => {
            (Reply::note(language, Outcome::Info, texts::documents(language, &snapshot, page)), session)
        }
        Command::Help => (Reply::note(language, Outcome::Info, texts::help(language)), session),
        Command::Reload { force } => (engine.reload(force, language), session),
        Command::Status => {
            let age = engine.now().saturating_sub(snapshot.loaded_at);
            let (answered, declined) =
                (engine.answered.load(Ordering::Relaxed), engine.declined.load(Ordering::Relaxed));
            let text = texts::status(language, &snapshot, age, answered, declined);
            (Reply::note(language, Outcome::Info, text).private(), session)
        }
    };
    lock(&engine.sessions).put(key.clone(), session, engine.now());
    reply
}

fn invalid(language: Language, text: String) -> Reply {
    Reply::note(language, Outcome::Invalid, text).private()
}

fn ask(
    engine: &Engine,
    snapshot: &Snapshot,
    mut session: Session,
    question: &str,
    language: Language,
) -> (Reply, Session) {
    let current = session.paragraph.as_ref().map(|(document, _)| document.as_str());
    let answer = match answer::answer_about(&snapshot.searcher, question, language, current) {
        Ok(answer) => answer,
        Err(e) => return (invalid(language, e.message(language)), session),
    };
    engine.count(&answer.reply);
    session.question = Some(question.to_string());
    session.quoted = usize::from(answer.reply.answered());
    if let Some(hit) = answer.hits.first().filter(|_| answer.reply.answered()) {
        remember_paragraph(&mut session, snapshot, hit.id);
    }
    (answer.reply, session)
}

fn more(snapshot: &Snapshot, mut session: Session, language: Language) -> (Reply, Session) {
    let Some(question) = session.question.clone() else {
        return (invalid(language, texts::no_question_yet(language)), session);
    };
    let current = session.paragraph.as_ref().map(|(document, _)| document.as_str());
    let (_, hits) = snapshot.searcher.search_about(&question, current);
    let answering: Vec<_> = hits.into_iter().filter(|h| h.answers()).skip(session.quoted).collect();
    let Some((next, rest)) = answering.split_first() else {
        return (Reply::note(language, Outcome::Info, texts::no_more(language)), session);
    };
    let others = &rest[..rest.len().min(SEE_ALSO_MAX)];
    let reply = answer::quoted_reply(&snapshot.searcher, next, others, language);
    session.quoted += 1;
    remember_paragraph(&mut session, snapshot, next.id);
    (reply, session)
}

fn remember_paragraph(session: &mut Session, snapshot: &Snapshot, id: crate::search::PassageId) {
    let document = &snapshot.documents()[id.document];
    let passage = &document.passages[id.passage];
    let number = match (passage.kind, passage.annotates) {
        (PassageKind::Body, _) => Some(passage.number),
        (PassageKind::Footnote, annotated) => annotated,
        _ => None,
    };
    if let Some(number) = number {
        session.paragraph = Some((document.meta.id.clone(), number));
    }
}

fn paragraph(
    snapshot: &Snapshot,
    mut session: Session,
    document: Option<&str>,
    number: u32,
    language: Language,
) -> (Reply, Session) {
    let named = document.or(session.paragraph.as_ref().map(|(d, _)| d.as_str()));
    let Some(doc) = find_document(snapshot, named) else {
        let name = named.unwrap_or_default().to_string();
        return (invalid(language, texts::no_such_document(language, &name)), session);
    };
    let Some(passage) = doc.paragraph(number) else {
        let text = texts::no_such_paragraph(language, number, &doc.meta.citation(language), doc.body_count());
        return (invalid(language, text), session);
    };
    session.paragraph = Some((doc.meta.id.clone(), number));
    (answer::passage_reply(doc, passage, language), session)
}

/// A document by id, or by a unique prefix of its id; the first document when unnamed.
fn find_document<'a>(snapshot: &'a Snapshot, name: Option<&str>) -> Option<&'a Document> {
    let documents = snapshot.documents();
    let Some(name) = name else { return documents.first() };
    if let Some(exact) = documents.iter().find(|d| d.meta.id == name) {
        return Some(exact);
    }
    let mut prefixed = documents.iter().filter(|d| d.meta.id.starts_with(name));
    match (prefixed.next(), prefixed.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}
