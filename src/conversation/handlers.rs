//! One function per command. Each reads one library snapshot and the asker's session.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::feedback::Origin;
use super::session::{Session, SessionKey};
use super::{lock, texts, Command, Engine};
use crate::answer::{self, Outcome, Reply, SEE_ALSO_MAX};
use crate::document::{Document, PassageKind};
use crate::i18n::Language;
use crate::library::Snapshot;

/// Answers a parsed command. `told` is the language the request itself names (the asker's
/// locale, or English command words), if any.
pub(super) fn dispatch(engine: &Engine, origin: &Origin, command: Command, told: Option<Language>) -> Reply {
    let key = &SessionKey { user: origin.user.clone(), channel: origin.channel.clone() };
    let snapshot = engine.library.snapshot();
    let session = lock(&engine.sessions).get(key, engine.now()).unwrap_or_default();
    let language = reply_language(&command, told, session.language, engine.settings.default_language);
    let (reply, session) = match command {
        Command::Ask(question) => ask(engine, origin, &snapshot, session, &question, language),
        Command::More => more(&snapshot, session, language),
        Command::Paragraph { document, number } => {
            paragraph(&snapshot, session, document.as_deref(), number, language)
        }
        Command::Previous | Command::Next => step(&snapshot, session, command == Command::Next, language),
        Command::Documents { page } => {
            (Reply::note(language, Outcome::Info, texts::documents(language, &snapshot, page)), session)
        }
        Command::Help => (Reply::note(language, Outcome::Info, texts::help(language)), session),
        Command::Malformed(usage) => (invalid(language, texts::usage(language, usage)), session),
        Command::Reload { force } => (engine.reload(force, language), session),
        Command::Status => {
            let age = engine.now().saturating_sub(snapshot.loaded_at);
            let (answered, declined) =
                (engine.answered.load(Ordering::Relaxed), engine.declined.load(Ordering::Relaxed));
            let text = texts::status(language, &snapshot, age, answered, declined);
            (Reply::note(language, Outcome::Info, text).private(), session)
        }
        Command::Unanswered { days } => (engine.unanswered_report(days, language), session),
        Command::Vote { answer, helpful } => (engine.vote(origin, answer, helpful, language), session),
        Command::ConfirmChange { id } => (engine.confirm_change(&origin.user, id, language), session),
        Command::CancelChange { id } => (engine.cancel_change(id, language), session),
    };
    lock(&engine.sessions).put(key.clone(), session, engine.now());
    reply
}

/// A follow-up continues in the language of the question it follows, whatever the client's
/// locale (a Dutch client asking in English gets `next` in English). A question is answered
/// in its own language (English when it is English, else `told` or the default). Any other
/// command (`help`, `status`: the same word in both languages) follows `told`, else the
/// language of the asker's last question, else the default.
fn reply_language(command: &Command, told: Option<Language>, last: Option<Language>, default: Language) -> Language {
    let follow_up =
        matches!(command, Command::More | Command::Previous | Command::Next | Command::Paragraph { .. });
    match (command, last) {
        (_, Some(last)) if follow_up => last,
        (Command::Ask(_), _) => told.unwrap_or(default),
        _ => told.or(last).unwrap_or(default),
    }
}

fn invalid(language: Language, text: String) -> Reply {
    Reply::note(language, Outcome::Invalid, text).private()
}

fn ask(
    engine: &Engine,
    origin: &Origin,
    snapshot: &Snapshot,
    mut session: Session,
    question: &str,
    language: Language,
) -> (Reply, Session) {
    let current = session.paragraph.as_ref().map(|(document, _)| document.as_str());
    let mut answer = match answer::answer_about(&snapshot.searcher, question, language, current) {
        Ok(answer) => answer,
        Err(e) => return (invalid(language, e.message(language)), session),
    };
    let mut reply = std::mem::replace(&mut answer.reply, Reply::note(language, Outcome::Info, ""));
    engine.note_outcome(origin, question, &answer, &mut reply);
    answer.reply = reply;
    engine.count(&answer.reply);
    session.question = Some(question.to_string());
    session.language = Some(answer.reply.language);
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

/// Where previous/next go from a quoted passage: its paragraph number; for a footnote, the
/// paragraph it annotates; 0 before the first paragraph (heading, addressee); one past the
/// last for the signature.
fn remember_paragraph(session: &mut Session, snapshot: &Snapshot, id: crate::search::PassageId) {
    let document = &snapshot.documents()[id.document];
    let passage = &document.passages[id.passage];
    let number = match (passage.kind, passage.annotates) {
        (PassageKind::Body, _) => Some(passage.number),
        (PassageKind::Footnote, annotated) => annotated,
        (PassageKind::Heading | PassageKind::Addressee, _) => Some(0),
        (PassageKind::Signature, _) => Some(document.body_count() + 1),
    };
    if let Some(number) = number {
        session.paragraph = Some((document.meta.id.clone(), number));
    }
}

/// The paragraph before or after the one last shown; a short note at either end.
fn step(snapshot: &Snapshot, session: Session, forward: bool, language: Language) -> (Reply, Session) {
    let Some((document, n)) = session.paragraph.clone() else {
        return (invalid(language, texts::no_paragraph_yet(language)), session);
    };
    let count = find_document(snapshot, Some(&document)).map_or(0, Document::body_count);
    let number = if forward { n.saturating_add(1) } else { n.saturating_sub(1) };
    if number == 0 || number > count {
        let text =
            if forward { texts::no_next_paragraph(language) } else { texts::no_previous_paragraph(language) };
        return (invalid(language, text), session);
    }
    paragraph(snapshot, session, Some(&document), number, language)
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

/// A document by id; by a unique prefix of its id; by its number in the `documenten` list;
/// or by words of its title (`fietsstraten`, `brief over mantelzorg`) that only one title
/// holds. The first document when unnamed.
fn find_document<'a>(snapshot: &'a Snapshot, name: Option<&str>) -> Option<&'a Document> {
    named(snapshot.documents(), name).map(|document| &**document)
}

fn named<'a>(documents: &'a [Arc<Document>], name: Option<&str>) -> Option<&'a Arc<Document>> {
    let Some(name) = name else { return documents.first() };
    let name = name.trim().to_lowercase();
    if let Some(exact) = documents.iter().find(|d| d.meta.id == name) {
        return Some(exact);
    }
    if let Some(listed) =
        name.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|i| documents.get(i))
    {
        return Some(listed);
    }
    only_one(documents.iter().filter(|d| d.meta.id.starts_with(&name)))
        .or_else(|| by_title_words(documents, &name))
}

/// The only item, or `None` for none or several.
fn only_one<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    match (items.next(), items.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// The one document whose title holds every word of `name` (folded), if exactly one does.
fn by_title_words<'a>(documents: &'a [Arc<Document>], name: &str) -> Option<&'a Arc<Document>> {
    let words: Vec<String> = crate::text::tokens(name).into_iter().map(|t| t.folded).collect();
    if words.is_empty() {
        return None;
    }
    only_one(documents.iter().filter(|d| {
        let title: Vec<String> = crate::text::tokens(&d.meta.title).into_iter().map(|t| t.folded).collect();
        words.iter().all(|w| title.contains(w))
    }))
}
