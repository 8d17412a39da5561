//! The real briefbot Discord client against a mock Discord on 127.0.0.1: mentions, slash
//! commands, buttons, moderators, reloads, mentions kept inert, long questions, English,
//! a dropped gateway connection, a 429 on a reply, and the conversation scripts through the
//! Discord path. Any HTTPS request that tries to leave the machine fails the tests.

mod documents;
mod faults;
mod harness;
mod hostile;
mod mock;
mod operations;
mod payloads;
mod transport;

use std::path::Path;

use briefbot::conversation::Settings;
use serde_json::{json, Value};

use harness::{assert_nothing_left_loopback, start, Bot};
use mock::Recorded;
use payloads::{button, command, member, message, string_option, MANAGE_GUILD, MODERATOR_ROLE};

const CHANNEL: &str = "900000000000000020";
const MEMBER: &str = "900000000000000100";
const MODERATOR: &str = "900000000000000200";
const REFERENCE_7: &str = "**Brief van de minister-president over de participatiesamenleving, 7 april 2014 (Kamerstuk 33 750 VII), alinea 7, p. 2–3**";

fn letter_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["txt", "toml"] {
        let name = format!("participatiesamenleving-2014-04-07.{ext}");
        std::fs::copy(Path::new("tests/fixtures/letter").join(&name), dir.path().join(&name)).unwrap();
    }
    dir
}

fn settings() -> Settings {
    Settings { rate_limit: 0, ..Settings::default() }
}

/// Sends a slash command and returns the interaction callback the bot made.
fn slash(bot: &Bot, id: u64, name: &str, options: Value, member: Value, locale: &str) -> Recorded {
    let mark = bot.mock.mark();
    bot.mock.dispatch("INTERACTION_CREATE", command(id, name, options, CHANNEL, member, locale));
    bot.mock.wait_for(mark, "an interaction callback", |r| {
        r.path.contains(&format!("/interactions/{id}/")) && r.status == 204
    })
}

fn no_mentions_allowed(body: &Value) {
    assert_eq!(body["allowed_mentions"]["parse"], json!([]), "allowed_mentions parses nothing: {body}");
}

#[test]
fn mention_gets_a_quoted_answer_with_mentions_disabled() {
    let docs = letter_folder();
    let bot = start(docs.path(), settings());
    let mark = bot.mock.mark();
    let text = format!("<@{}> Blijft de verzorgingsstaat bestaan?", mock::BOT_ID);
    bot.mock.dispatch("MESSAGE_CREATE", message(800000000000000001, CHANNEL, MEMBER, &text, true));
    let reply = bot
        .mock
        .wait_for(mark, "a channel message", |r| r.path == format!("/api/v10/channels/{CHANNEL}/messages"));
    let content = reply.body["content"].as_str().unwrap();
    assert!(content.contains("> Daarbij is bijzondere aandacht nodig"), "{content}");
    assert!(content.contains(REFERENCE_7), "{content}");
    no_mentions_allowed(&reply.body);
    assert_eq!(reply.body["message_reference"]["message_id"], "800000000000000001");
    assert!(content.chars().count() <= 2000);

    let unmentioned = bot.mock.mark();
    bot.mock.dispatch(
        "MESSAGE_CREATE",
        message(800000000000000002, CHANNEL, MEMBER, "Blijft de verzorgingsstaat bestaan?", false),
    );
    bot.mock.dispatch(
        "MESSAGE_CREATE",
        message(800000000000000003, CHANNEL, MEMBER, &format!("<@{}> help", mock::BOT_ID), true),
    );
    let next =
        bot.mock.wait_for(unmentioned, "a reply to the help message", |r| r.path.ends_with("/messages"));
    assert_eq!(
        next.body["message_reference"]["message_id"], "800000000000000003",
        "messages without a mention are ignored"
    );

    let mark = bot.mock.mark();
    let dm = payloads::direct_message(800000000000000004, "900000000000000098", MEMBER, "Wat is Burgernet?");
    bot.mock.dispatch("MESSAGE_CREATE", dm);
    let dm = bot.mock.wait_for(mark, "a direct-message reply", |r| {
        r.path == "/api/v10/channels/900000000000000098/messages"
    });
    assert!(dm.body["content"].as_str().unwrap().contains("alinea 4"), "direct messages need no mention");
    assert_nothing_left_loopback();
}

#[test]
fn the_binary_connects_never_logs_the_token_and_stops_on_sigterm() {
    harness::install_trap();
    let mock = mock::MockDiscord::start();
    let token = "SECRET.TOKEN.do-not-log-me";
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .arg("discord")
        .env("BRIEFBOT_FEEDBACK__DATABASE", harness::scratch_database())
        .env("BRIEFBOT_DISCORD__TOKEN", token)
        .env("BRIEFBOT_DISCORD__API_URL", mock.api_url())
        .env("BRIEFBOT_LOG", "debug")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    mock.wait_identified(1);
    let mark = mock.mark();
    let text = format!("<@{}> Wat is Burgernet?", mock::BOT_ID);
    mock.dispatch("MESSAGE_CREATE", message(800000000000000050, CHANNEL, MEMBER, &text, true));
    mock.wait_for(mark, "a reply from the binary", |r| r.path.ends_with("/messages"));
    let status =
        std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "graceful exit on SIGTERM: {:?}", output.status);
    let logs = String::from_utf8_lossy(&output.stderr);
    assert!(logs.contains("connected to Discord"), "debug logs were written: {logs}");
    assert!(!logs.contains("SECRET.TOKEN"), "the token leaked into the logs");
    assert_nothing_left_loopback();
}

#[test]
fn slash_command_answer_carries_buttons_and_a_button_gives_the_next_result() {
    let docs = letter_folder();
    let bot = start(docs.path(), settings());
    let asker = member(MEMBER, &[], "0");
    let question =
        json!([string_option("question", "Wat zegt de brief over initiatieven van mensen en de overheid?")]);
    let answer = slash(&bot, 1, "ask", question, asker.clone(), "nl");
    assert_eq!(answer.body["type"], 4);
    let data = &answer.body["data"];
    assert_eq!(data["flags"].as_u64().unwrap_or(0) & 64, 0, "answers are public");
    no_mentions_allowed(data);
    let buttons: Vec<&str> = data["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["custom_id"].as_str().unwrap())
        .collect();
    assert!(buttons.contains(&"bb:more"), "{buttons:?}");
    assert!(buttons.iter().any(|b| b.starts_with("bb:para:")), "{buttons:?}");
    let first = data["content"].as_str().unwrap().to_string();

    let mark = bot.mock.mark();
    bot.mock.dispatch("INTERACTION_CREATE", button(2, "bb:more", CHANNEL, asker.clone(), "nl"));
    let more = bot.mock.wait_for(mark, "the button's callback", |r| r.path.contains("/interactions/2/"));
    let second = more.body["data"]["content"].as_str().unwrap();
    assert!(second.contains("> "), "{second}");
    assert_ne!(first.lines().last(), second.lines().find(|l| l.starts_with("**")), "another passage");

    bot.engine.forget_sessions();
    let mark = bot.mock.mark();
    bot.mock.dispatch(
        "INTERACTION_CREATE",
        button(3, "bb:para:5:participatiesamenleving-2014-04-07", CHANNEL, asker.clone(), "nl"),
    );
    let paragraph =
        bot.mock.wait_for(mark, "the paragraph button's callback", |r| r.path.contains("/interactions/3/"));
    assert!(
        paragraph.body["data"]["content"].as_str().unwrap().contains("alinea 5, p. 2"),
        "paragraph buttons survive a restart"
    );
    let mark = bot.mock.mark();
    bot.mock.dispatch("INTERACTION_CREATE", button(4, "bb:more", CHANNEL, asker, "nl"));
    let expired =
        bot.mock.wait_for(mark, "the expired button's callback", |r| r.path.contains("/interactions/4/"));
    assert!(
        expired.body["data"]["content"].as_str().unwrap().contains("Stel eerst een vraag"),
        "{}",
        expired.body
    );
    assert_eq!(expired.body["data"]["flags"], 64);
    assert_nothing_left_loopback();
}

#[test]
fn reload_is_refused_to_members_and_deferred_for_moderators() {
    let docs = letter_folder();
    let bot = start(docs.path(), settings());
    let refused = slash(&bot, 10, "reload", json!([]), member(MEMBER, &[], "0"), "nl");
    assert_eq!(refused.body["data"]["flags"], 64, "refusals are ephemeral");
    assert!(refused.body["data"]["content"].as_str().unwrap().contains("alleen moderatoren"));
    assert_eq!(bot.engine.library().snapshot().documents().len(), 1, "nothing reloaded");

    for ext in ["txt", "toml"] {
        let name = format!("notitie-fietspaden.{ext}");
        std::fs::copy(Path::new("tests/fixtures/letter-plus-note").join(&name), docs.path().join(&name))
            .unwrap();
    }
    let member_status = slash(&bot, 11, "status", json!([]), member(MEMBER, &[], "0"), "nl");
    assert!(member_status.body["data"]["content"].as_str().unwrap().contains("alleen moderatoren"));

    let mark = bot.mock.mark();
    let deferred = slash(&bot, 12, "reload", json!([]), member(MODERATOR, &[MODERATOR_ROLE], "0"), "nl");
    assert_eq!(deferred.body["type"], 5, "a reload is deferred");
    assert_eq!(deferred.body["data"]["flags"], 64);
    let report = bot.mock.wait_for(mark, "the reload follow-up", |r| {
        r.method == "PATCH" && r.path.contains("/webhooks/") && r.path.ends_with("tok12/messages/@original")
    });
    let text = report.body["content"].as_str().unwrap();
    assert!(text.contains("Toegevoegd: notitie-fietspaden") && text.contains("Passages: 12 → 16"), "{text}");
    no_mentions_allowed(&report.body);

    let by_permission =
        slash(&bot, 13, "status", json!([]), member("900000000000000300", &[], MANAGE_GUILD), "nl");
    assert!(
        by_permission.body["data"]["content"].as_str().unwrap().contains("2 documenten en"),
        "Manage Server makes a moderator"
    );
    let question = json!([string_option("question", "Komen er nieuwe fietspaden langs de rivier?")]);
    let answer = slash(&bot, 14, "ask", question, member(MEMBER, &[], "0"), "nl");
    assert!(answer.body["data"]["content"]
        .as_str()
        .unwrap()
        .contains("**Notitie over fietspaden, 1 mei 2020, alinea 1, p. 1**"));
    assert_nothing_left_loopback();
}

#[test]
fn everyone_pings_long_questions_and_english_users() {
    let docs = letter_folder();
    let bot = start(docs.path(), settings());
    let mark = bot.mock.mark();
    let text = format!("<@{}> @everyone <@900000000000000555> Wie heeft de brief ondertekend?", mock::BOT_ID);
    bot.mock.dispatch("MESSAGE_CREATE", message(800000000000000010, CHANNEL, MEMBER, &text, true));
    let reply =
        bot.mock.wait_for(mark, "a channel message", |r| r.path.ends_with(&format!("{CHANNEL}/messages")));
    no_mentions_allowed(&reply.body);
    assert_eq!(reply.body["allowed_mentions"]["replied_user"], false);
    assert!(reply.body["content"].as_str().unwrap().contains("M. Rutte"));

    let long = "participatie ".repeat(200);
    let too_long =
        slash(&bot, 20, "ask", json!([string_option("question", &long)]), member(MEMBER, &[], "0"), "nl");
    assert_eq!(too_long.body["data"]["flags"], 64);
    assert!(too_long.body["data"]["content"].as_str().unwrap().contains("te lang"));

    let english = slash(
        &bot,
        21,
        "ask",
        json!([string_option("question", "Who signed the letter?")]),
        member(MEMBER, &[], "0"),
        "en-US",
    );
    let content = english.body["data"]["content"].as_str().unwrap();
    assert!(content.contains("**Letter from the Prime Minister on the participation society, 7 April 2014 (Parliamentary paper 33 750 VII), signature, p. 3**"), "{content}");
    let help = slash(&bot, 22, "help", json!([]), member(MEMBER, &[], "0"), "en-US");
    assert!(help.body["data"]["content"].as_str().unwrap().contains("Commands"));
    assert_nothing_left_loopback();
}

#[test]
fn bot_resumes_after_the_gateway_drops() {
    let docs = letter_folder();
    let bot = start(docs.path(), settings());
    bot.mock.drop_connection();
    let mark = bot.mock.mark();
    let text = format!("<@{}> Wat is Burgernet?", mock::BOT_ID);
    bot.mock.dispatch("MESSAGE_CREATE", message(800000000000000030, CHANNEL, MEMBER, &text, true));
    let reply = bot.mock.wait_for(mark, "a reply after the reconnect", |r| r.path.ends_with("/messages"));
    assert!(reply.body["content"].as_str().unwrap().contains("alinea 4"));
    assert!(bot.mock.resumes() >= 1, "the bot resumed its session");
    assert_eq!(bot.mock.identifies(), 1, "a resume, not a new identify");
    assert_nothing_left_loopback();
}

#[test]
fn a_429_on_a_reply_is_waited_out_and_the_message_arrives_once() {
    let docs = letter_folder();
    let bot = start(docs.path(), settings());
    bot.mock.rate_limit_next(1);
    let mark = bot.mock.mark();
    let text = format!("<@{}> Wat is Burgernet?", mock::BOT_ID);
    bot.mock.dispatch("MESSAGE_CREATE", message(800000000000000040, CHANNEL, MEMBER, &text, true));
    let sent =
        bot.mock.wait_for(mark, "the retried message", |r| r.path.ends_with("/messages") && r.status == 200);
    let calls: Vec<Recorded> =
        bot.mock.requests().into_iter().skip(mark).filter(|r| r.path.ends_with("/messages")).collect();
    assert_eq!(calls.len(), 2, "one 429, then one message: {calls:#?}");
    assert_eq!(calls[0].status, 429);
    let waited = sent.at.duration_since(calls[0].at);
    assert!(waited.as_millis() >= 400, "waited retry_after (0.4 s), not {waited:?}");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let later: usize = bot
        .mock
        .requests()
        .iter()
        .skip(mark)
        .filter(|r| r.path.ends_with("/messages") && r.status == 200)
        .count();
    assert_eq!(later, 1, "the message arrives once");
    assert_nothing_left_loopback();
}

#[test]
fn conversation_scripts_pass_through_discord_too() {
    let failed = transport::run_all_scripts(Path::new("tests/conversations"));
    assert!(failed.is_empty(), "scripts failing through Discord:\n{}", failed.join("\n"));
    assert_nothing_left_loopback();
}
