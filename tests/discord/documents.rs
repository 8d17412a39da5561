//! Moderators add documents through Discord: `/document add` with a PDF or an HTML
//! publication fetched from the mock's CDN, a private preview with Confirm / Cancel, the
//! confirmed reload, and a question answered from the new document with its citation. A
//! member is refused before anything is downloaded; an oversized file, or one on a host other
//! than Discord's CDN, is never fetched.

use serde_json::json;

use super::harness::start;
use super::mock::Recorded;
use super::payloads::{
    attachment_option, button, document_command, member, message, string_option, MODERATOR_ROLE,
};
use super::{letter_folder, settings, CHANNEL, MEMBER, MODERATOR};

/// The deferred answer to interaction `id`.
fn deferred_answer(bot: &super::Bot, mark: usize, id: u64) -> Recorded {
    bot.mock.wait_for(mark, "the deferred answer", |r| {
        r.method == "PATCH" && r.path.ends_with(&format!("tok{id}/messages/@original")) && r.status == 200
    })
}

fn button_id(answer: &Recorded, label: &str) -> String {
    let buttons = answer.body["components"][0]["components"].as_array().cloned().unwrap_or_default();
    let found = buttons.iter().find(|b| b["label"] == label);
    found.unwrap_or_else(|| panic!("no `{label}` button in {}", answer.body))["custom_id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_pdf_and_an_html_publication_are_added_from_discord_and_answer() {
    let docs = letter_folder();
    let bot = start(docs.path(), settings());
    let moderator = member(MODERATOR, &[MODERATOR_ROLE], "0");
    let cases = [
        ("buurthuizen.pdf", "Hoeveel geld stelt het Rijk beschikbaar voor de renovatie van buurthuizen?", "Brief van de minister van binnenlandse zaken, 3 maart 2025 (Kamerstuk 36 600 VII, nr. 12), alinea 3, p. 2"),
        ("wijkagenten.html", "Hoeveel wijkagenten zijn er per inwoners?", "Brief van de minister van justitie en veiligheid, 14 februari 2025 (Kamerstuk 36 601 VI, nr. 7), alinea 2, p. 1"),
    ];
    for (i, (file, question, reference)) in cases.iter().enumerate() {
        let bytes = std::fs::read(format!("tests/fixtures/uploads/{file}")).unwrap();
        let size = bytes.len();
        let url = bot.mock.host_file(file, bytes);
        let id = 100 + 10 * i as u64;
        let mark = bot.mock.mark();
        let add = document_command(
            id,
            "add",
            json!([attachment_option()]),
            Some((file, &url, size)),
            moderator.clone(),
        );
        bot.mock.dispatch("INTERACTION_CREATE", add);
        let preview = deferred_answer(&bot, mark, id);
        let text = preview.body["content"].as_str().unwrap();
        assert!(text.contains("toevoegen") && text.contains("Bronvermelding"), "{text}");
        assert!(bot.mock.requests().iter().any(|r| r.path == format!("/cdn/attachments/{file}")));
        let mark = bot.mock.mark();
        let confirm = button(id + 1, &button_id(&preview, "Bevestigen"), CHANNEL, moderator.clone(), "nl");
        bot.mock.dispatch("INTERACTION_CREATE", confirm);
        let done = deferred_answer(&bot, mark, id + 1);
        assert!(done.body["content"].as_str().unwrap().contains("Toegevoegd:"), "{}", done.body);
        let mark = bot.mock.mark();
        let content = format!("<@{}> {question}", super::mock::BOT_ID);
        bot.mock.dispatch(
            "MESSAGE_CREATE",
            message(800000000000000700 + i as u64, CHANNEL, MEMBER, &content, true),
        );
        let answer =
            bot.mock.wait_for(mark, "an answer", |r| r.path.ends_with("/messages") && r.status == 200);
        let text = answer.body["content"].as_str().unwrap();
        assert!(text.contains(&format!("**{reference}**")), "{text}");
    }
    assert_eq!(bot.engine.library().snapshot().documents().len(), 3);
}

#[test]
fn members_are_refused_oversized_files_are_not_fetched_and_cancel_changes_nothing() {
    let docs = letter_folder();
    let bot = start(docs.path(), briefbot::conversation::Settings { max_upload_bytes: 1_000, ..settings() });
    let bytes = std::fs::read("tests/fixtures/uploads/wijkagenten.html").unwrap();
    let size = bytes.len();
    let url = bot.mock.host_file("wijkagenten.html", bytes);
    let attachment = Some(("wijkagenten.html", url.as_str(), size));
    let mark = bot.mock.mark();
    let by_member =
        document_command(200, "add", json!([attachment_option()]), attachment, member(MEMBER, &[], "0"));
    bot.mock.dispatch("INTERACTION_CREATE", by_member);
    assert!(deferred_answer(&bot, mark, 200).body["content"]
        .as_str()
        .unwrap()
        .contains("alleen moderatoren"));
    let mark = bot.mock.mark();
    let moderator = member(MODERATOR, &[MODERATOR_ROLE], "0");
    bot.mock.dispatch(
        "INTERACTION_CREATE",
        document_command(201, "add", json!([attachment_option()]), attachment, moderator.clone()),
    );
    let oversized = deferred_answer(&bot, mark, 201);
    assert!(
        oversized.body["content"].as_str().unwrap().contains("hoogstens 1000 bytes"),
        "{}",
        oversized.body
    );
    assert!(!bot.mock.requests().iter().any(|r| r.path.starts_with("/cdn/")), "nothing was downloaded");
    let mark = bot.mock.mark();
    let elsewhere = Some(("brief.html", "https://files.example.org/brief.html", 200));
    bot.mock.dispatch(
        "INTERACTION_CREATE",
        document_command(204, "add", json!([attachment_option()]), elsewhere, moderator.clone()),
    );
    let refused = deferred_answer(&bot, mark, 204);
    assert!(refused.body["content"].as_str().unwrap().contains("Er ging iets mis"), "{}", refused.body);
    let mark = bot.mock.mark();
    let remove = json!([string_option("name", "participatiesamenleving-2014-04-07")]);
    bot.mock.dispatch("INTERACTION_CREATE", document_command(202, "remove", remove, None, moderator.clone()));
    let preview = deferred_answer(&bot, mark, 202);
    let mark = bot.mock.mark();
    bot.mock.dispatch(
        "INTERACTION_CREATE",
        button(203, &button_id(&preview, "Annuleren"), CHANNEL, moderator, "nl"),
    );
    let cancelled =
        bot.mock.wait_for(mark, "the cancel", |r| r.path.contains("/interactions/203/") && r.status == 204);
    assert!(
        cancelled.body["data"]["content"].as_str().unwrap().contains("Geannuleerd"),
        "{}",
        cancelled.body
    );
    assert_eq!(bot.engine.library().snapshot().documents().len(), 1);
    assert_eq!(std::fs::read_dir(docs.path()).unwrap().count(), 2);
}
