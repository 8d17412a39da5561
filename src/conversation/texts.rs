//! The conversation's own words in Dutch and English.

use std::time::Duration;

use crate::i18n::Language;
use crate::library::{Changes, Snapshot};

fn pick(language: Language, nl: String, en: String) -> String {
    match language {
        Language::Dutch => nl,
        Language::English => en,
    }
}

pub fn help(language: Language) -> String {
    pick(
        language,
        "Stel een vraag over de brief en ik citeer de alinea's die haar beantwoorden, met bron.\n\
         Opdrachten: `meer` (volgende passages bij je vraag), `alinea N` (een alinea in zijn geheel), \
         `vorige` / `volgende` (alinea ervoor of erna), `documenten` (wat ik ken), `help`.\n\
         Moderatoren: `herlaad` (documenten opnieuw inlezen; `herlaad forceer` slaat de controle over) en `status`."
            .into(),
        "Ask a question about the letter and I quote the paragraphs that answer it, with their source.\n\
         Commands: `more` (next passages for your question), `paragraph N` (a paragraph in full), \
         `previous` / `next` (the paragraph before or after), `documents` (what I know), `help`.\n\
         Moderators: `reload` (read the documents again; `reload force` skips the checks) and `status`."
            .into(),
    )
}

pub fn documents(language: Language, snapshot: &Snapshot) -> String {
    let lines: Vec<String> = snapshot
        .documents()
        .iter()
        .map(|d| {
            let count = d.body_count();
            pick(
                language,
                format!("- {} [`{}`]: {count} alinea's", d.meta.citation(language), d.meta.id),
                format!("- {} [`{}`]: {count} paragraphs", d.meta.citation(language), d.meta.id),
            )
        })
        .collect();
    let head = pick(language, "Geladen documenten:".into(), "Loaded documents:".into());
    format!("{head}\n{}", lines.join("\n"))
}

pub fn status(
    language: Language,
    snapshot: &Snapshot,
    age: Duration,
    answered: u64,
    declined: u64,
) -> String {
    let (docs, passages, minutes) =
        (snapshot.documents().len(), snapshot.passage_count(), age.as_secs() / 60);
    pick(
        language,
        format!("Documenten: {docs}; passages: {passages}; index geladen {minutes} min geleden; sinds de start {answered} vragen beantwoord en {declined} niet."),
        format!("Documents: {docs}; passages: {passages}; index loaded {minutes} min ago; since start {answered} questions answered and {declined} declined."),
    )
}

pub fn reloaded(language: Language, changes: &Changes, took: Duration, forced_past: &[String]) -> String {
    let list = |ids: &[String]| if ids.is_empty() { "-".to_string() } else { ids.join(", ") };
    let ms = took.as_millis();
    let mut text = pick(
        language,
        format!(
            "Herladen in {ms} ms. Toegevoegd: {}; verwijderd: {}; gewijzigd: {}. Passages: {} → {}.",
            list(&changes.added),
            list(&changes.removed),
            list(&changes.changed),
            changes.passages_before,
            changes.passages_after
        ),
        format!(
            "Reloaded in {ms} ms. Added: {}; removed: {}; changed: {}. Passages: {} → {}.",
            list(&changes.added),
            list(&changes.removed),
            list(&changes.changed),
            changes.passages_before,
            changes.passages_after
        ),
    );
    if !forced_past.is_empty() {
        text.push_str(&pick(
            language,
            format!(" Geforceerd ondanks {} falende controle(s).", forced_past.len()),
            format!(" Forced despite {} failing check(s).", forced_past.len()),
        ));
    }
    text
}

pub fn reload_failed(language: Language, error: &str) -> String {
    pick(
        language,
        format!("Herladen mislukt: {error}. De vorige documenten blijven in gebruik."),
        format!("Reload failed: {error}. The previous documents stay in use."),
    )
}

pub fn reload_gated(language: Language, failures: &[String]) -> String {
    let list = failures.join("\n");
    pick(
        language,
        format!("Herladen tegengehouden: de controlescripts falen met de nieuwe documenten. De vorige documenten blijven in gebruik.\n{list}\nGebruik `herlaad forceer` om toch te herladen."),
        format!("Reload stopped: the check scripts fail on the new documents. The previous documents stay in use.\n{list}\nUse `reload force` to reload anyway."),
    )
}

pub fn moderators_only(language: Language) -> String {
    pick(
        language,
        "Dat kunnen alleen moderatoren. Er is niets gewijzigd.".into(),
        "Only moderators can do that. Nothing was changed.".into(),
    )
}

pub fn rate_limited(language: Language, retry_after: Duration) -> String {
    let secs = retry_after.as_secs().max(1);
    pick(
        language,
        format!("Rustig aan: je hebt veel vragen gesteld. Probeer het over {secs} seconden opnieuw."),
        format!("Slow down: you have asked a lot of questions. Try again in {secs} seconds."),
    )
}

pub fn no_question_yet(language: Language) -> String {
    pick(
        language,
        "Stel eerst een vraag; daarna geeft `meer` de volgende passages.".into(),
        "Ask a question first; then `more` gives the next passages.".into(),
    )
}

pub fn no_more(language: Language) -> String {
    pick(
        language,
        "Er zijn geen verdere passages die je vraag beantwoorden.".into(),
        "There are no further passages that answer your question.".into(),
    )
}

pub fn no_paragraph_yet(language: Language) -> String {
    pick(
        language,
        "Er is nog geen alinea getoond; vraag bijvoorbeeld `alinea 1`.".into(),
        "No paragraph has been shown yet; ask for example `paragraph 1`.".into(),
    )
}

pub fn no_such_paragraph(language: Language, number: u32, document: &str, count: u32) -> String {
    pick(
        language,
        format!("Alinea {number} bestaat niet in {document}: er zijn {count} alinea's."),
        format!("Paragraph {number} does not exist in {document}: there are {count} paragraphs."),
    )
}

pub fn no_such_document(language: Language, name: &str) -> String {
    pick(
        language,
        format!("Ik ken geen document `{name}`; typ `documenten` voor de lijst."),
        format!("I know no document `{name}`; type `documents` for the list."),
    )
}
