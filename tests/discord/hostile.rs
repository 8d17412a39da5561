//! Regression tests for what a hostile member could do to the bot through Discord: forged or
//! stale button ids, and names so long that a reply of the bot's own words overflowed the
//! message limit (the fitting loop used to spin forever on them).

use serde_json::json;

use super::harness::{assert_nothing_left_loopback, start};
use super::payloads::{button, direct_message, member, message, string_option};
use super::{letter_folder, mock, settings, slash, CHANNEL, MEMBER};

#[test]
fn forged_and_stale_button_ids_get_a_private_reply() {
    let docs = letter_folder();
    let bot = start(docs.path(), settings());
    let before = bot.engine.library().snapshot();
    let forged = [
        "bb:reload",
        "bb:more:x",
        "xx:more",
        "",
        "bb:para:-1:participatiesamenleving-2014-04-07",
        "bb:para:99999999999:participatiesamenleving-2014-04-07",
        "bb:para:4294967295:participatiesamenleving-2014-04-07",
        "bb:para:2:no-such-document",
    ];
    for (i, custom_id) in forged.iter().enumerate() {
        let id = 60 + i as u64;
        let mark = bot.mock.mark();
        bot.mock.dispatch(
            "INTERACTION_CREATE",
            button(id, custom_id, CHANNEL, member(MEMBER, &[], "0"), "en-GB"),
        );
        let reply = bot.mock.wait_for(mark, "a callback for a forged button", |r| {
            r.path.contains(&format!("/interactions/{id}/"))
        });
        let data = &reply.body["data"];
        assert_eq!(data["flags"], 64, "{custom_id:?}: private: {}", reply.body);
        assert!(!data["content"].as_str().unwrap_or_default().is_empty(), "{custom_id:?}: {}", reply.body);
    }
    assert!(
        std::sync::Arc::ptr_eq(&before, &bot.engine.library().snapshot()),
        "`bb:reload` reloaded nothing"
    );
    assert_nothing_left_loopback();
}

#[test]
fn replies_echoing_a_very_long_document_name_still_fit_one_message() {
    let docs = letter_folder();
    let bot = start(docs.path(), settings());
    let mark = bot.mock.mark();
    let text = format!("<@{}> alinea 1 van {}", mock::BOT_ID, "é".repeat(1900));
    bot.mock.dispatch("MESSAGE_CREATE", message(800000000000000070, CHANNEL, MEMBER, &text, true));
    let reply = bot.mock.wait_for(mark, "a reply to a long name", |r| r.path.ends_with("/messages"));
    let content = reply.body["content"].as_str().unwrap();
    assert!(content.chars().count() <= 2000, "{} characters", content.chars().count());
    assert!(content.contains("Ik ken geen document"), "{content}");

    let options =
        json!([{ "name": "number", "type": 4, "value": 1 }, string_option("document", &"x".repeat(5000))]);
    let paragraph = slash(&bot, 71, "paragraph", options, member(MEMBER, &[], "0"), "nl");
    let content = paragraph.body["data"]["content"].as_str().unwrap();
    assert!(content.chars().count() <= 2000, "{} characters", content.chars().count());
    assert!(content.contains("Ik ken geen document"), "{content}");
    assert_nothing_left_loopback();
}

/// A member's moderator command by mention (answered privately, by DM) and in a direct
/// message changes nothing; the slash-command path is covered in `main.rs`, a forged reload
/// button above, and the script path in `tests/conversations/member-reload-refused.conv`.
#[test]
fn moderator_commands_are_refused_to_members_by_mention_and_direct_message() {
    let docs = letter_folder();
    let bot = start(docs.path(), settings());
    let before = bot.engine.library().snapshot();
    for (i, command) in ["herlaad", "herlaad forceer", "status"].iter().enumerate() {
        let mark = bot.mock.mark();
        let text = format!("<@{}> {command}", mock::BOT_ID);
        bot.mock
            .dispatch("MESSAGE_CREATE", message(800000000000000080 + i as u64, CHANNEL, MEMBER, &text, true));
        let reply = bot.mock.wait_for(mark, "a refusal by mention", |r| r.path.ends_with("/messages"));
        assert!(!reply.path.contains(CHANNEL), "refusals are private: {}", reply.path);
        assert!(reply.body["content"].as_str().unwrap().contains("alleen moderatoren"), "{}", reply.body);

        let mark = bot.mock.mark();
        let dm = direct_message(800000000000000090 + i as u64, "900000000000000098", MEMBER, command);
        bot.mock.dispatch("MESSAGE_CREATE", dm);
        let reply =
            bot.mock.wait_for(mark, "a refusal in a DM", |r| r.path.ends_with("900000000000000098/messages"));
        assert!(reply.body["content"].as_str().unwrap().contains("alleen moderatoren"), "{}", reply.body);
    }
    assert!(std::sync::Arc::ptr_eq(&before, &bot.engine.library().snapshot()), "nothing was reloaded");
    assert_nothing_left_loopback();
}
