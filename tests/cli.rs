//! The command line: answers, JSON shape, and bad input that gets a clear message and the
//! right exit code, never a panic.

use std::path::Path;
use std::process::{Command, Output};

fn briefbot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .args(args)
        .env_remove("BRIEFBOT_DISCORD__TOKEN")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("briefbot runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_no_panic(o: &Output) {
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

#[test]
fn ask_json_has_the_documented_fields() {
    let out = briefbot(&["ask", "--json", "Blijft de verzorgingsstaat bestaan?"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["answered"], true);
    assert!(json["reply"].as_str().unwrap().contains("alinea 7, p. 2–3"));
    let first = &json["passages"][0];
    assert_eq!(first["document"], "participatiesamenleving-2014-04-07");
    assert_eq!(first["number"], 7);
    assert_eq!(first["page"], 2);
    assert_eq!(first["kind"], "body");
    assert!(first["score"].as_f64().unwrap() > 0.0);
    assert!(first["reference"].as_str().unwrap().starts_with("Brief van de minister-president over de participatiesamenleving, 7 april 2014 (Kamerstuk 33 750 VII)"));
    assert!(first["text"].as_str().unwrap().starts_with("Daarbij is bijzondere aandacht"));
}

#[test]
fn ask_declines_off_topic_with_no_passages() {
    let out = briefbot(&["ask", "--json", "wat voor weer wordt het morgen?"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["answered"], false);
    assert_eq!(json["passages"].as_array().unwrap().len(), 0);
    assert!(json["reply"].as_str().unwrap().contains("zegt de brief niets"));
}

#[test]
fn passages_json_lists_the_index() {
    let out = briefbot(&["passages", "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let passages = json.as_array().unwrap();
    assert_eq!(passages.len(), 12);
    assert!(passages.iter().all(|p| p.get("score").is_none() && p["text"].is_string()));
}

#[test]
fn empty_question_is_a_usage_error() {
    let out = briefbot(&["ask", "   "]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Stel een vraag"), "{}", stderr(&out));
    assert_no_panic(&out);
}

#[test]
fn ten_thousand_character_question_is_a_usage_error() {
    let long = "participatie ".repeat(800);
    let out = briefbot(&["ask", &long]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("te lang"), "{}", stderr(&out));
    assert_no_panic(&out);
}

#[test]
fn unknown_option_is_a_usage_error() {
    let out = briefbot(&["ask", "--frobnicate", "vraag"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--frobnicate"));
}

fn folder_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn check(dir: &Path) -> Output {
    briefbot(&["check", "--documents", dir.to_str().unwrap()])
}

#[test]
fn binary_document_is_an_error_naming_the_file() {
    let dir = folder_with(&[("kapot.txt", b"Tekst\n\x00\x01\x02 binair")]);
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("kapot.txt:2: not a text file"), "{}", stdout(&out));
    assert_no_panic(&out);
}

#[test]
fn empty_document_is_an_error_naming_the_file() {
    let dir = folder_with(&[("leeg.txt", b"  \n\n")]);
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("leeg.txt: the document is empty"), "{}", stdout(&out));
}

#[test]
fn bad_metadata_names_file_and_line() {
    let dir =
        folder_with(&[("brief.txt", b"Een alinea.\n"), ("brief.toml", b"title = \"T\"\nauteur = \"X\"\n")]);
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("brief.toml:2: bad metadata"), "{}", stdout(&out));
}

#[test]
fn missing_documents_folder_names_it() {
    let out = briefbot(&["ask", "--documents", "/nonexistent/briefbot-docs", "vraag"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/briefbot-docs"), "{}", stderr(&out));
    assert_eq!(stderr(&out).matches("os error 2").count(), 1, "{}", stderr(&out));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn check_reports_the_seed_folder() {
    let out = briefbot(&["check"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("ok: participatiesamenleving-2014-04-07"));
}

#[test]
fn other_documents_in_the_folder_are_indexed_and_cited() {
    let dir = folder_with(&[
        (
            "notitie.txt",
            b"Titel van de notitie\n\nAan de lezer\n\nDe gemeente plant nieuwe fietspaden langs de rivier.\n",
        ),
        ("notitie.toml", b"title = \"Notitie over fietspaden\"\ndate = \"2020-05-01\"\n"),
    ]);
    let out = briefbot(&["ask", "--documents", dir.path().to_str().unwrap(), "Komen er nieuwe fietspaden?"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Notitie over fietspaden, 1 mei 2020, alinea 1, p. 1"), "{}", stdout(&out));
}

#[test]
fn reply_never_exceeds_two_thousand_characters() {
    let sentence =
        "De fietspaden langs de rivier worden breder en veiliger gemaakt voor iedereen, ".repeat(60);
    let text = format!("Titel\n\nAan de lezer\n\n{}einde.\n", sentence);
    let dir = folder_with(&[("lang.txt", text.as_bytes())]);
    let out = briefbot(&[
        "ask",
        "--json",
        "--documents",
        dir.path().to_str().unwrap(),
        "Worden de fietspaden veiliger?",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["answered"], true);
    let reply = json["reply"].as_str().unwrap();
    assert!(reply.chars().count() <= 2000, "{} characters", reply.chars().count());
    assert!(reply.contains("De fietspaden langs de rivier"));
}

#[test]
#[cfg(feature = "discord")]
fn discord_without_a_token_says_how_to_set_it() {
    let out = briefbot(&["discord"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("BRIEFBOT_DISCORD__TOKEN"), "{}", stderr(&out));
    assert_no_panic(&out);
}

#[test]
#[cfg(feature = "discord")]
fn bad_discord_ids_name_the_key() {
    let out = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .arg("discord")
        .env("BRIEFBOT_DISCORD__TOKEN", "x")
        .env(
            "BRIEFBOT_FEEDBACK__DATABASE",
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-feedback.sqlite3"),
        )
        .env("BRIEFBOT_DISCORD__GUILD_IDS", "12,abc")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("discord.guild_ids: `abc`"), "{}", stderr(&out));
}

/// The terminal chat fed `input` on standard input.
fn chat_with(input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .args(["chat", "--documents", "tests/fixtures/letter"])
        .env_remove("BRIEFBOT_DISCORD__TOKEN")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("briefbot runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn chat_survives_invalid_utf8_empty_and_overlong_lines_and_stops_on_stop() {
    let mut input = b"\xff\xfe kapot\n\n".to_vec();
    input.extend(std::iter::repeat_n(b'a', 100_000));
    input.extend(b"\nhelp\nstop\nhelp\n");
    let out = chat_with(&input);
    assert_no_panic(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.matches("Opdrachten:").count(), 1, "help once, nothing after `stop`: {text}");
    assert!(text.contains("te lang"), "the overlong line is refused as a question: {text}");
}

#[test]
fn ask_explain_shows_the_analysis_and_why_it_declined() {
    let out = briefbot(&["ask", "--explain", "wat is het adres van de tweede kamer?"]);
    let text = stdout(&out);
    assert!(text.contains("word adres [focus]"), "{text}");
    assert!(text.contains("declined: the word the question asks about"), "{text}");
    let out = briefbot(&["ask", "--json", "--explain", "Blijft de verzorgingsstaat bestaan?"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["explain"]["declined_because"], serde_json::Value::Null);
    assert!(json["explain"]["hits"][0]["reference"].as_str().unwrap().contains("alinea 7"), "{json}");
}

#[test]
fn ask_json_gives_references_in_the_replys_language() {
    let out = briefbot(&["ask", "--json", "Who signed the letter?"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let reference = json["passages"][0]["reference"].as_str().unwrap();
    assert!(reference.contains("signature") && reference.contains("7 April 2014"), "{reference}");
}

#[test]
fn the_chat_greets_in_the_configured_language() {
    let out = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .args(["chat", "--documents", "tests/fixtures/letter"])
        .env_remove("BRIEFBOT_DISCORD__TOKEN")
        .env("BRIEFBOT_BOT__LANGUAGE", "en")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(stdout(&out).starts_with("Ask a question about the letter"), "{}", stdout(&out));
}

#[test]
fn piped_chat_prints_no_prompt_into_the_quotes() {
    let out = chat_with(b"Blijft de verzorgingsstaat bestaan?\n");
    let text = stdout(&out);
    assert!(!text.contains("Vraag:"), "{text}");
    let quote_lines: Vec<&str> = text.lines().filter(|l| l.contains("> ")).collect();
    assert!(!quote_lines.is_empty() && quote_lines.iter().all(|l| l.starts_with("> ")), "{text}");
}

#[test]
fn converse_says_a_scripts_own_documents_win_over_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let letter = std::fs::canonicalize("tests/fixtures/letter").unwrap();
    let pinned = dir.path().join("pinned.conv");
    std::fs::write(
        &pinned,
        format!("@documents {}\nmember a: Wat is Burgernet?\n    answers\n", letter.display()),
    )
    .unwrap();
    let free = dir.path().join("free.conv");
    std::fs::write(
        &free,
        "member a: Wat staat er in de notitie over fietspaden?\n    cites alinea 2 in notitie\n",
    )
    .unwrap();
    let out = briefbot(&[
        "converse",
        "--documents",
        "tests/fixtures/letter-plus-note",
        pinned.to_str().unwrap(),
        free.to_str().unwrap(),
    ]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("pinned.conv: the script's @documents"), "{text}");
    assert!(text.contains("is used, not --documents tests/fixtures/letter-plus-note"), "{text}");
    assert!(!text.contains("free.conv: the script's"), "{text}");
    assert!(text.contains("2 passed, 0 failed"), "{text}");
}

#[test]
fn report_prints_an_empty_report_then_what_was_stored() {
    use briefbot::conversation::{Clock, SystemClock};
    use briefbot::feedback::{Event, EventKind, FeedbackLog, FeedbackSettings};
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("f.sqlite3");
    let report = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_briefbot"))
            .args(args)
            .env("BRIEFBOT_FEEDBACK__DATABASE", &database)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
    };
    let empty = report(&["report"]);
    assert!(empty.status.success(), "{}", stderr(&empty));
    assert!(stdout(&empty).contains("- geen vragen."), "{}", stdout(&empty));
    let now = SystemClock::default().unix_secs();
    let log = FeedbackLog::open(&database, FeedbackSettings::default(), now).unwrap();
    let event = Event {
        at: now,
        kind: EventKind::Declined,
        guild: Some("g".into()),
        channel: "c".into(),
        user: "u".into(),
        question: "Wat kost een paspoort?".into(),
        words: "kost paspoort".into(),
        passage: None,
    };
    log.record(&event).unwrap();
    drop(log);
    let text = stdout(&report(&["report", "--days", "7"]));
    assert!(text.contains("1. 1× “Wat kost een paspoort?” (kost paspoort)"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&report(&["report", "--json"]))).unwrap();
    assert_eq!(json["declined"][0]["count"], 1);
    assert_eq!(json["days"], 30);
}

#[test]
fn add_and_remove_change_the_folder_without_a_terminal() {
    let dir = folder_with(&[]);
    std::fs::copy(
        "tests/fixtures/letter/participatiesamenleving-2014-04-07.txt",
        dir.path().join("brief.txt"),
    )
    .unwrap();
    let folder = dir.path().to_str().unwrap();
    let added = briefbot(&[
        "add",
        "--documents",
        folder,
        "--date",
        "2025-03-04",
        "tests/fixtures/uploads/buurthuizen.pdf",
    ]);
    assert!(added.status.success(), "{}{}", stdout(&added), stderr(&added));
    assert!(stdout(&added).contains("Toegevoegd: buurthuizen"), "{}", stdout(&added));
    let metadata = std::fs::read_to_string(dir.path().join("buurthuizen.toml")).unwrap();
    assert!(metadata.contains("date = \"2025-03-04\""), "{metadata}");
    let again = briefbot(&["add", "--documents", folder, "tests/fixtures/uploads/buurthuizen.pdf"]);
    assert_eq!(again.status.code(), Some(1), "{}", stdout(&again));
    let removed = briefbot(&["remove", "--documents", folder, "buurthuizen"]);
    assert!(removed.status.success() && !dir.path().join("buurthuizen.txt").exists(), "{}", stdout(&removed));
}

/// `briefbot passages | head`: a reader that closes the pipe early ends the command quietly,
/// as it ends any Unix tool, not with a panic in `println!`.
#[test]
fn a_pipe_closed_early_ends_the_command_without_a_panic() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .args(["passages", "--documents", "tests/fixtures/corpus"])
        .env_remove("BRIEFBOT_DISCORD__TOKEN")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("briefbot runs");
    // Closed before the command writes: its first write meets a closed pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("briefbot ends");
    assert_no_panic(&out);
}
