//! Moderators change the documents through the engine: a PDF and an HTML publication added
//! end to end (preview, confirm, reload, a question answered from the new document with its
//! citation), and everything that must change nothing: a member, an oversized file, a file
//! that claims to be a PDF, a cancel, a reload that fails. A crash between writing and
//! reloading leaves a folder the next start serves.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use briefbot::answer::{Action, Outcome, Refusal, Reply};
use briefbot::conversation::{Command, DocumentRequest, Engine, Input, ManualClock, Request, Role, Settings};
use briefbot::import::{store, Change, Overrides, Upload};
use briefbot::library::{Library, SourceConfig};

/// A documents folder with the letter in it.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("tests/fixtures/letter").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn engine(dir: &Path, settings: Settings) -> Engine {
    let library = Library::open(SourceConfig::Folder(dir.to_path_buf()), Duration::ZERO).unwrap();
    Engine::new(library, settings, Arc::new(ManualClock::default()))
}

fn send(engine: &Engine, role: Role, input: Input) -> Reply {
    let mut request = Request::text("mo", role, "#mods", "");
    request.input = input;
    engine.handle(&request)
}

fn upload(path: &str) -> Upload {
    let bytes = std::fs::read(path).unwrap();
    let file_name = Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
    Upload { size: bytes.len() as u64, file_name, bytes }
}

fn add(file: &str) -> Input {
    Input::Document(DocumentRequest::Add { upload: upload(file), overrides: Overrides::default() })
}

fn confirm_id(preview: &Reply) -> u64 {
    let id = preview.actions.iter().find_map(|a| match a {
        Action::Confirm { change } => Some(*change),
        _ => None,
    });
    id.unwrap_or_else(|| panic!("no Confirm under: {}", preview.render_plain()))
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn ask(engine: &Engine, question: &str) -> Reply {
    engine.handle(&Request::text("anna", Role::Member, "#algemeen", question))
}

#[test]
fn a_pdf_is_previewed_confirmed_reloaded_and_answers_with_its_citation() {
    let dir = folder();
    let engine = engine(dir.path(), Settings::default());
    let preview = send(&engine, Role::Moderator, add("tests/fixtures/uploads/buurthuizen.pdf"));
    let text = preview.render_plain();
    assert!(text.contains("`buurthuizen` toevoegen (PDF, 2 pagina('s), 4 alinea's)"), "{text}");
    assert!(text.contains("(Kamerstuk 36 600 VII, nr. 12)") && preview.private, "{text}");
    let done =
        send(&engine, Role::Moderator, Input::Command(Command::ConfirmChange { id: confirm_id(&preview) }));
    assert!(done.render_plain().contains("Toegevoegd: buurthuizen"), "{}", done.render_plain());
    let answer = ask(&engine, "Hoeveel geld stelt het Rijk beschikbaar voor de renovatie van buurthuizen?");
    let quote = answer.quotes.first().expect("an answer");
    assert_eq!(
        (quote.reference.document.as_str(), quote.reference.number, quote.reference.pages),
        ("buurthuizen", 3, (2, 2))
    );
    assert!(quote.reference.label.starts_with("Brief van de minister van binnenlandse zaken, 3 maart 2025"));
    assert!(files(dir.path()).contains(&"buurthuizen.toml".to_string()));
}

#[test]
fn an_html_publication_is_added_and_answers() {
    let dir = folder();
    let engine = engine(dir.path(), Settings::default());
    let preview = send(&engine, Role::Moderator, add("tests/fixtures/uploads/wijkagenten.html"));
    assert!(preview.render_plain().contains("(HTML/XML, 1 pagina('s)"), "{}", preview.render_plain());
    send(&engine, Role::Moderator, Input::Command(Command::ConfirmChange { id: confirm_id(&preview) }));
    let answer = ask(&engine, "Hoeveel wijkagenten zijn er per inwoners?");
    let quote = answer.quotes.first().expect("an answer");
    assert_eq!(quote.reference.document, "wijkagenten");
    assert!(quote.text.contains("Per vijfduizend inwoners"), "{}", quote.text);
    assert!(
        quote.reference.label.contains("14 februari 2025 (Kamerstuk 36 601 VI, nr. 7)"),
        "{}",
        quote.reference.label
    );
}

#[test]
fn members_oversized_files_false_pdfs_and_cancels_change_nothing() {
    let dir = folder();
    let before = files(dir.path());
    let settings = Settings { max_upload_bytes: 1_000, ..Settings::default() };
    let engine = engine(dir.path(), settings);
    let refused = send(&engine, Role::Member, add("tests/fixtures/uploads/wijkagenten.html"));
    assert_eq!(refused.outcome, Outcome::Refused { reason: Refusal::Permission });
    let oversized = send(&engine, Role::Moderator, add("tests/fixtures/uploads/wijkagenten.html"));
    assert!(oversized.render_plain().contains("hoogstens 1000 bytes"), "{}", oversized.render_plain());
    let fake = Upload { file_name: "brief.pdf".into(), bytes: b"%PDF-1.7\nniet echt".to_vec(), size: 18 };
    let fake = send(
        &engine,
        Role::Moderator,
        Input::Document(DocumentRequest::Add { upload: fake, overrides: Overrides::default() }),
    );
    assert!(fake.render_plain().contains("PDF kan ik niet lezen"), "{}", fake.render_plain());
    let png =
        Upload { file_name: "brief.pdf".into(), bytes: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), size: 16 };
    let png = send(
        &engine,
        Role::Moderator,
        Input::Document(DocumentRequest::Add { upload: png, overrides: Overrides::default() }),
    );
    assert!(png.render_plain().contains("geen PDF, HTML- of XML-publicatie"), "{}", png.render_plain());
    let small = Settings::default();
    let engine = self::engine(dir.path(), small);
    let preview = send(&engine, Role::Moderator, add("tests/fixtures/uploads/wijkagenten.html"));
    let id = confirm_id(&preview);
    let member_confirm = send(&engine, Role::Member, Input::Command(Command::ConfirmChange { id }));
    assert_eq!(member_confirm.outcome, Outcome::Refused { reason: Refusal::Permission });
    let cancelled = send(&engine, Role::Moderator, Input::Command(Command::CancelChange { id }));
    assert!(cancelled.render_plain().contains("Geannuleerd"), "{}", cancelled.render_plain());
    let late = send(&engine, Role::Moderator, Input::Command(Command::ConfirmChange { id }));
    assert_eq!(late.outcome, Outcome::Invalid);
    assert_eq!(files(dir.path()), before);
}

#[test]
fn a_name_that_climbs_out_of_the_folder_is_written_inside_it() {
    let dir = folder();
    let inner = dir.path().join("docs");
    std::fs::create_dir(&inner).unwrap();
    std::fs::copy("tests/fixtures/letter/participatiesamenleving-2014-04-07.txt", inner.join("brief.txt"))
        .unwrap();
    let engine = engine(&inner, Settings::default());
    let mut upload = upload("tests/fixtures/uploads/wijkagenten.html");
    upload.file_name = "../../x.html".into();
    let preview = send(
        &engine,
        Role::Moderator,
        Input::Document(DocumentRequest::Add { upload, overrides: Overrides::default() }),
    );
    send(&engine, Role::Moderator, Input::Command(Command::ConfirmChange { id: confirm_id(&preview) }));
    assert_eq!(files(&inner), ["brief.txt", "x.toml", "x.txt"]);
    assert!(!dir.path().join("x.txt").exists() && !dir.path().parent().unwrap().join("x.txt").exists());
}

#[test]
fn a_reload_that_fails_rolls_the_change_back() {
    let dir = folder();
    let gate = tempfile::tempdir().unwrap();
    std::fs::write(gate.path().join("g.conv"), "member a: Wat doen wijkagenten?\n    declines\n").unwrap();
    let settings = Settings::default();
    let script_gate = briefbot::ScriptGate::new(gate.path().to_path_buf(), settings.clone());
    let engine =
        engine(dir.path(), settings).with_gate(Some(Arc::new(script_gate) as Arc<dyn briefbot::ReloadGate>));
    let before = files(dir.path());
    let preview = send(&engine, Role::Moderator, add("tests/fixtures/uploads/wijkagenten.html"));
    let failed =
        send(&engine, Role::Moderator, Input::Command(Command::ConfirmChange { id: confirm_id(&preview) }));
    assert_eq!(failed.outcome, Outcome::Invalid);
    assert!(failed.render_plain().contains("teruggedraaid"), "{}", failed.render_plain());
    assert_eq!(files(dir.path()), before);
    assert_eq!(engine.library().snapshot().documents().len(), 1);
    let removal = send(
        &engine,
        Role::Moderator,
        Input::Document(DocumentRequest::Remove { name: "participatiesamenleving-2014-04-07".into() }),
    );
    let failed =
        send(&engine, Role::Moderator, Input::Command(Command::ConfirmChange { id: confirm_id(&removal) }));
    assert_eq!(failed.outcome, Outcome::Invalid, "{}", failed.render_plain());
    assert_eq!(files(dir.path()), before);
}

#[test]
fn after_a_crash_between_writing_and_reloading_the_next_start_serves_a_consistent_folder() {
    let dir = folder();
    let change = Change::Write {
        name: "notitie".into(),
        text: "Notitie\n\nEen korte notitie over buurthuizen.\n".into(),
        metadata: "title = \"Notitie over buurthuizen\"\n".into(),
        replace: false,
    };
    // Written, never committed nor rolled back, never reloaded: the process died here.
    std::mem::forget(store::apply(dir.path(), &change).unwrap());
    // And a second change that died between its two renames: only the metadata is in place.
    std::fs::write(dir.path().join("half.toml"), "title = \"Half\"\n").unwrap();
    std::fs::write(dir.path().join(".half.txt.new"), "Half geschreven.\n").unwrap();
    let library = Library::open(SourceConfig::Folder(dir.path().to_path_buf()), Duration::ZERO).unwrap();
    let snapshot = library.snapshot();
    let ids: Vec<&str> = snapshot.documents().iter().map(|d| d.meta.id.as_str()).collect();
    assert_eq!(ids, ["notitie", "participatiesamenleving-2014-04-07"]);
    assert_eq!(snapshot.documents()[0].meta.title, "Notitie over buurthuizen");
}

#[test]
fn a_replacement_keeps_the_name_and_takes_the_new_text() {
    let dir = folder();
    let engine = engine(dir.path(), Settings::default());
    let preview = send(&engine, Role::Moderator, add("tests/fixtures/uploads/wijkagenten.html"));
    send(&engine, Role::Moderator, Input::Command(Command::ConfirmChange { id: confirm_id(&preview) }));
    let overrides = Overrides { title: Some("Brief over wijkagenten".into()), ..Overrides::default() };
    let replace = DocumentRequest::Replace {
        name: "wijkagenten".into(),
        upload: upload("tests/fixtures/uploads/buurthuizen.pdf"),
        overrides,
    };
    let preview = send(&engine, Role::Moderator, Input::Document(replace));
    assert!(preview.render_plain().contains("`wijkagenten` vervangen"), "{}", preview.render_plain());
    let done =
        send(&engine, Role::Moderator, Input::Command(Command::ConfirmChange { id: confirm_id(&preview) }));
    assert!(done.render_plain().contains("gewijzigd: wijkagenten"), "{}", done.render_plain());
    let answer = ask(&engine, "Wat is een buurthuis?");
    assert_eq!(answer.quotes[0].reference.document, "wijkagenten");
    assert!(answer.quotes[0].reference.label.starts_with("Brief over wijkagenten"));
    assert_eq!(files(dir.path()).len(), 4, "{:?}", files(dir.path()));
}
