//! The bot's words about changing the documents, in Dutch and English: previews, the outcome
//! of a confirmed change, and why an upload cannot be used.

use crate::document::{Document, PassageKind};
use crate::fit;
use crate::i18n::Language;
use crate::import::{ImportError, Proposal};

/// Characters of a name or title echoed back.
const ECHO_MAX_CHARS: usize = 120;

fn pick(language: Language, nl: String, en: String) -> String {
    match language {
        Language::Dutch => nl,
        Language::English => en,
    }
}

/// The preview of an addition or replacement.
pub fn addition(language: Language, proposal: &Proposal, replace: bool) -> String {
    let name = fit::truncate(&proposal.metadata.id, ECHO_MAX_CHARS);
    let citation = fit::truncate(&proposal.metadata.citation(language), ECHO_MAX_CHARS * 2).into_owned();
    let (format, pages, paragraphs) = (proposal.format.name(), proposal.pages, proposal.paragraphs);
    let mut lines = vec![pick(
        language,
        format!(
            "Voorstel: document `{name}` {} ({format}, {pages} pagina('s), {paragraphs} alinea's).",
            if replace { "vervangen" } else { "toevoegen" }
        ),
        format!(
            "Proposal: {} document `{name}` ({format}, {pages} page(s), {paragraphs} paragraphs).",
            if replace { "replace" } else { "add" }
        ),
    )];
    lines.push(pick(language, format!("Bronvermelding: {citation}"), format!("Citation: {citation}")));
    for (i, paragraph) in proposal.first.iter().enumerate() {
        let label = pick(language, format!("Alinea {}", i + 1), format!("Paragraph {}", i + 1));
        lines.push(format!("{label}: {}", paragraph.replace('\n', " ")));
    }
    lines.push(confirm_hint(language));
    lines.join("\n")
}

/// The preview of a removal.
pub fn removal(language: Language, document: &Document) -> String {
    let name = fit::truncate(&document.meta.id, ECHO_MAX_CHARS);
    let citation = fit::truncate(&document.meta.citation(language), ECHO_MAX_CHARS * 2).into_owned();
    let paragraphs = document.passages.iter().filter(|p| p.kind == PassageKind::Body).count();
    let first = pick(
        language,
        format!("Voorstel: document `{name}` verwijderen ({citation}; {paragraphs} alinea's)."),
        format!("Proposal: remove document `{name}` ({citation}; {paragraphs} paragraphs)."),
    );
    format!("{first}\n{}", confirm_hint(language))
}

fn confirm_hint(language: Language) -> String {
    pick(
        language,
        "Bevestig om het door te voeren (daarna wordt herladen), of annuleer.".into(),
        "Confirm to make the change (a reload follows), or cancel.".into(),
    )
}

pub fn expired(language: Language) -> String {
    pick(
        language,
        "Dit voorstel is verlopen of al afgehandeld; begin opnieuw.".into(),
        "This proposal has expired or was already handled; start again.".into(),
    )
}

pub fn cancelled(language: Language) -> String {
    pick(language, "Geannuleerd; er is niets veranderd.".into(), "Cancelled; nothing changed.".into())
}

pub fn no_folder(language: Language) -> String {
    pick(
        language,
        "Er is geen documentenmap om in te schrijven (`bot.documents` bestaat niet).".into(),
        "There is no documents folder to write to (`bot.documents` does not exist).".into(),
    )
}

pub fn rolled_back(language: Language) -> String {
    pick(
        language,
        "Het herladen mislukte, dus de wijziging is teruggedraaid; de documenten zijn ongewijzigd.".into(),
        "The reload failed, so the change was undone; the documents are unchanged.".into(),
    )
}

/// Why an upload or change cannot be used.
pub fn import_error(language: Language, error: &ImportError) -> String {
    let name = |n: &str| fit::truncate(n, ECHO_MAX_CHARS).into_owned();
    match (language, error) {
        (Language::English, error) => fit::truncate(&format!("That did not work: {error}."), 300).into_owned(),
        (_, ImportError::TooLarge { bytes, max }) => {
            format!("Het bestand is {bytes} bytes; er mag hoogstens {max} bytes worden toegevoegd.")
        }
        (_, ImportError::UnknownFormat) => {
            "Dit is geen PDF, HTML- of XML-publicatie of platte tekst; alleen die kan ik toevoegen.".into()
        }
        (_, ImportError::BadPdf(_)) => "Deze PDF kan ik niet lezen.".into(),
        (_, ImportError::NoText) => "Er staat geen tekst in het bestand.".into(),
        (_, ImportError::NoPassages) => "Ik vond geen alinea's in de tekst.".into(),
        (_, ImportError::TextTooLarge { .. }) => "De tekst is te lang voor één document.".into(),
        (_, ImportError::BadDate(date)) => format!("`{}` is geen datum; schrijf JJJJ-MM-DD.", name(date)),
        (_, ImportError::Exists { name: n }) => {
            format!("Er is al een document `{}`; gebruik vervangen.", name(n))
        }
        (_, ImportError::NoSuchDocument { name: n }) => format!("Er is geen document `{}`.", name(n)),
        (_, ImportError::Write(_)) => "Schrijven in de documentenmap mislukte; er is niets veranderd.".into(),
    }
}
