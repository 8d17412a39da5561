//! Faults of the network and of Discord: gateway RECONNECT (op 7), INVALID SESSION (op 9,
//! resumable or not), close codes that resume or re-identify, a global 429, a server error and
//! a slow answer on a send. After each, a member's question is answered exactly once.

use std::time::Duration;

use serde_json::json;

use super::harness::{assert_nothing_left_loopback, start, Bot};
use super::mock::{self, RestFault};
use super::payloads::message;
use super::{letter_folder, settings, CHANNEL, MEMBER};

/// Asks by mention and returns how many successful replies to it arrive (waiting a little
/// after the first, so a duplicate would be seen).
fn replies_to_a_question(bot: &Bot, id: u64) -> usize {
    let mark = bot.mock.mark();
    let text = format!("<@{}> Wat is Burgernet?", mock::BOT_ID);
    bot.mock.dispatch("MESSAGE_CREATE", message(id, CHANNEL, MEMBER, &text, true));
    let reply = bot.mock.wait_for(mark, "a reply", |r| r.path.ends_with("/messages") && r.status == 200);
    assert!(reply.body["content"].as_str().unwrap().contains("alinea 4"), "{}", reply.body);
    std::thread::sleep(Duration::from_millis(300));
    let requests = bot.mock.requests();
    requests.iter().skip(mark).filter(|r| r.path.ends_with("/messages") && r.status == 200).count()
}

fn wait_until(what: &str, condition: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !condition() {
        assert!(std::time::Instant::now() < deadline, "never: {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn gateway_reconnect_and_invalid_session_are_survived_with_no_answer_lost_or_doubled() {
    let bot = start(letter_folder().path(), settings());
    bot.mock.send_raw(json!({ "op": 7, "d": null }));
    wait_until("a resume after op 7", || bot.mock.resumes() >= 1);
    assert_eq!(replies_to_a_question(&bot, 800000000000000101), 1);

    let resumes = bot.mock.resumes();
    bot.mock.send_raw(json!({ "op": 9, "d": true }));
    wait_until("a resume after a resumable op 9", || {
        bot.mock.resumes() > resumes || bot.mock.identifies() > 1
    });
    assert_eq!(replies_to_a_question(&bot, 800000000000000102), 1);

    let identifies = bot.mock.identifies();
    bot.mock.send_raw(json!({ "op": 9, "d": false }));
    wait_until("a new identify after a non-resumable op 9", || bot.mock.identifies() > identifies);
    assert_eq!(replies_to_a_question(&bot, 800000000000000103), 1);
    assert_nothing_left_loopback();
}

#[test]
fn close_codes_that_allow_it_are_resumed_or_reidentified() {
    let bot = start(letter_folder().path(), settings());
    let (resumes, identifies) = (bot.mock.resumes(), bot.mock.identifies());
    bot.mock.close_with(4000);
    wait_until("a reconnect after close 4000", || {
        bot.mock.resumes() > resumes || bot.mock.identifies() > identifies
    });
    assert_eq!(replies_to_a_question(&bot, 800000000000000111), 1);

    let (resumes, identifies) = (bot.mock.resumes(), bot.mock.identifies());
    bot.mock.close_with(4009);
    wait_until("a reconnect after close 4009", || {
        bot.mock.resumes() > resumes || bot.mock.identifies() > identifies
    });
    assert_eq!(replies_to_a_question(&bot, 800000000000000112), 1);
    assert_nothing_left_loopback();
}

#[test]
fn a_global_429_is_waited_out_and_the_message_arrives_once() {
    let bot = start(letter_folder().path(), settings());
    bot.mock.fault_next(&[RestFault::GlobalRateLimit]);
    assert_eq!(replies_to_a_question(&bot, 800000000000000121), 1);
    assert_nothing_left_loopback();
}

#[test]
fn a_server_error_loses_only_that_reply_and_a_slow_send_holds_up_no_one_else() {
    let bot = start(letter_folder().path(), settings());
    let mark = bot.mock.mark();
    bot.mock.fault_next(&[RestFault::ServerError]);
    let text = format!("<@{}> Wat is Burgernet?", mock::BOT_ID);
    bot.mock.dispatch("MESSAGE_CREATE", message(800000000000000131, CHANNEL, MEMBER, &text, true));
    bot.mock.wait_for(mark, "the failed send", |r| r.path.ends_with("/messages") && r.status == 500);
    assert_eq!(replies_to_a_question(&bot, 800000000000000132), 1, "the next question is answered");

    bot.mock.fault_next(&[RestFault::Slow(Duration::from_secs(3))]);
    let mark = bot.mock.mark();
    bot.mock.dispatch("MESSAGE_CREATE", message(800000000000000133, CHANNEL, MEMBER, &text, true));
    std::thread::sleep(Duration::from_millis(100));
    let other = format!("<@{}> Wie heeft de brief ondertekend?", mock::BOT_ID);
    bot.mock
        .dispatch("MESSAGE_CREATE", message(800000000000000134, CHANNEL, "900000000000000101", &other, true));
    let first = bot.mock.wait_for(mark, "the other member's answer", |r| r.path.ends_with("/messages"));
    assert!(
        first.body["content"].as_str().unwrap().contains("Rutte"),
        "answered while a send hung: {}",
        first.body
    );
    assert_nothing_left_loopback();
}
