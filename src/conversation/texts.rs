//! The conversation's own words in Dutch and English.

use std::time::Duration;

use crate::fit;
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

/// Documents listed per page of `documenten`: a page stays far below a message's limit.
pub const DOCUMENTS_PER_PAGE: usize = 10;
/// Longest echo of a name the user typed, in characters.
const ECHO_MAX_CHARS: usize = 60;
/// Document ids listed by name in a reload report per kind of change; the rest are counted.
const REPORT_IDS_MAX: usize = 10;

/// One page of the loaded documents, with where the next page is.
pub fn documents(language: Language, snapshot: &Snapshot, page: u32) -> String {
    let documents = snapshot.documents();
    let pages = documents.len().div_ceil(DOCUMENTS_PER_PAGE).max(1);
    let page = (page as usize).clamp(1, pages);
    let lines: Vec<String> = documents
        .iter()
        .enumerate()
        .skip((page - 1) * DOCUMENTS_PER_PAGE)
        .take(DOCUMENTS_PER_PAGE)
        .map(|(i, d)| {
            let citation = d.meta.citation(language);
            let (count, citation, id) = (d.body_count(), fit::truncate(&citation, 200), &d.meta.id);
            let n = i + 1;
            pick(
                language,
                format!("{n}. {citation} [`{id}`]: {count} alinea's"),
                format!("{n}. {citation} [`{id}`]: {count} paragraphs"),
            )
        })
        .collect();
    let total = documents.len();
    let mut head =
        pick(language, format!("Geladen documenten ({total}):"), format!("Loaded documents ({total}):"));
    if pages > 1 {
        let next = if page < pages { page + 1 } else { 1 };
        head = pick(
            language,
            format!("Geladen documenten ({total}), pagina {page} van {pages}; `documenten {next}` voor pagina {next}:"),
            format!("Loaded documents ({total}), page {page} of {pages}; `documents {next}` for page {next}:"),
        );
    }
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
        (snapshot.documents().len() as u64, snapshot.passage_count() as u64, age.as_secs() / 60);
    let count = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    pick(
        language,
        format!(
            "{} en {} geladen, {minutes} min geleden. Sinds de start {} beantwoord en {declined} niet.",
            count(docs, "document", "documenten"),
            count(passages, "passage", "passages"),
            count(answered, "vraag", "vragen"),
        ),
        format!(
            "{} and {} loaded {minutes} min ago. Since start {} answered and {declined} declined.",
            count(docs, "document", "documents"),
            count(passages, "passage", "passages"),
            count(answered, "question", "questions"),
        ),
    )
}

pub fn reloaded(language: Language, changes: &Changes, took: Duration, forced_past: &[String]) -> String {
    let list = |ids: &[String]| summarised_list(language, ids);
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

/// At most [`REPORT_IDS_MAX`] ids by name, the rest as a count; `-` for none.
fn summarised_list(language: Language, ids: &[String]) -> String {
    if ids.is_empty() {
        return "-".to_string();
    }
    let named: Vec<&str> = ids.iter().take(REPORT_IDS_MAX).map(String::as_str).collect();
    let rest = ids.len() - named.len();
    let named = named.join(", ");
    match rest {
        0 => named,
        _ => pick(language, format!("{named} en nog {rest}"), format!("{named} and {rest} more")),
    }
}

pub fn reload_failed(language: Language, error: &str) -> String {
    let error = fit::truncate(error, 500);
    pick(
        language,
        format!("Herladen mislukt: {error}. De vorige documenten blijven in gebruik."),
        format!("Reload failed: {error}. The previous documents stay in use."),
    )
}

pub fn reload_gated(language: Language, failures: &[String]) -> String {
    let mut shown: Vec<String> =
        failures.iter().take(REPORT_IDS_MAX).map(|f| fit::truncate(f, 300).into_owned()).collect();
    if failures.len() > shown.len() {
        let rest = failures.len() - shown.len();
        shown.push(pick(language, format!("… en nog {rest}"), format!("… and {rest} more")));
    }
    let list = shown.join("\n");
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
    let name = fit::truncate(name, ECHO_MAX_CHARS);
    pick(
        language,
        format!("Ik ken geen document `{name}`; typ `documenten` voor de lijst."),
        format!("I know no document `{name}`; type `documents` for the list."),
    )
}

/// (Discord: a button of a reply the bot no longer knows.)
#[cfg(feature = "discord")]
pub fn stale_button(language: Language) -> String {
    pick(
        language,
        "Deze knop werkt niet meer; stel je vraag opnieuw.".into(),
        "This button is no longer valid; please ask again.".into(),
    )
}

/// (Discord: what a member sees when answering failed inside the bot.)
#[cfg(feature = "discord")]
pub fn internal_error(language: Language) -> String {
    pick(
        language,
        "Er ging iets mis aan mijn kant; probeer het later opnieuw.".into(),
        "Something went wrong on my side; please try again later.".into(),
    )
}

pub fn no_next_paragraph(language: Language) -> String {
    pick(
        language,
        "Er is geen volgende alinea: dit was de laatste.".into(),
        "There is no next paragraph: that was the last.".into(),
    )
}

pub fn no_previous_paragraph(language: Language) -> String {
    pick(
        language,
        "Er is geen vorige alinea: dit was de eerste.".into(),
        "There is no previous paragraph: that was the first.".into(),
    )
}

/// How a command is typed, for one typed wrongly.
pub fn usage(language: Language, usage: crate::conversation::command::Usage) -> String {
    use crate::conversation::command::Usage;
    let (nl, en) = match usage {
        Usage::Paragraph => (
            "Typ `alinea N` (N vanaf 1), eventueel met `van DOCUMENT`, bijvoorbeeld `alinea 4`.",
            "Type `paragraph N` (N from 1), optionally with `of DOCUMENT`, for example `paragraph 4`.",
        ),
        Usage::Documents => (
            "Typ `documenten` of `documenten N` voor pagina N van de lijst.",
            "Type `documents` or `documents N` for page N of the list.",
        ),
        Usage::Reload => (
            "Typ `herlaad`, of `herlaad forceer` om de controlescripts over te slaan.",
            "Type `reload`, or `reload force` to skip the check scripts.",
        ),
        Usage::Unanswered => (
            "Typ `onbeantwoord`, of `onbeantwoord N` voor de laatste N dagen.",
            "Type `unanswered`, or `unanswered N` for the last N days.",
        ),
    };
    pick(language, nl.into(), en.into())
}

/// When no feedback database is configured.
pub fn no_feedback_log(language: Language) -> String {
    pick(
        language,
        "Er wordt geen logboek van onbeantwoorde vragen bijgehouden (`feedback.database` is leeg).".into(),
        "No log of unanswered questions is kept (`feedback.database` is empty).".into(),
    )
}

/// After a 👍 or 👎.
pub fn vote_thanks(language: Language) -> String {
    pick(language, "Dank je, je reactie is genoteerd.".into(), "Thank you, your feedback is noted.".into())
}

/// A second 👍 or 👎 by the same member on the same answer.
pub fn vote_already(language: Language) -> String {
    pick(language, "Je reactie op dit antwoord was al genoteerd.".into(), "Your feedback on this answer was already noted.".into())
}

/// A 👍 or 👎 on an answer the bot no longer remembers (after a restart).
pub fn vote_stale(language: Language) -> String {
    pick(
        language,
        "Dit antwoord ken ik niet meer; stel je vraag opnieuw om erop te reageren.".into(),
        "I no longer remember this answer; ask again to give feedback on it.".into(),
    )
}

/// Writing feedback failed (logged); the member is not bothered with why.
pub fn vote_failed(language: Language) -> String {
    pick(
        language,
        "Je reactie kon niet worden opgeslagen; probeer het later opnieuw.".into(),
        "Your feedback could not be stored; please try again later.".into(),
    )
}
