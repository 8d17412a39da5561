//! The process reloads its documents on SIGHUP: a terminal chat is started on a folder, the
//! folder changes, SIGHUP arrives, and the next answer comes from the new documents.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const NOTE: &str =
    "Notitie over bruggen\n\nAan de lezer\n\nDe gemeente bouwt drie nieuwe bruggen over de rivier.\n";

/// Collects a stream into a channel of chunks.
fn pump(stream: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
            if tx.send(std::mem::take(&mut line)).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits (up to a generous limit) until the stream has said `needle`.
fn wait_for(rx: &mpsc::Receiver<String>, needle: &str) -> String {
    let mut seen = String::new();
    while !seen.contains(needle) {
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(chunk) => seen.push_str(&chunk),
            Err(_) => panic!("never saw {needle:?}; saw:\n{seen}"),
        }
    }
    seen
}

#[test]
fn sighup_reloads_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["txt", "toml"] {
        let name = format!("participatiesamenleving-2014-04-07.{ext}");
        std::fs::copy(format!("seeds/{name}"), dir.path().join(&name)).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .args(["chat", "--documents", dir.path().to_str().unwrap()])
        .env("BRIEFBOT_LOG", "briefbot=info")
        .env_remove("BRIEFBOT_DISCORD__TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = pump(child.stdout.take().unwrap());
    let err = pump(child.stderr.take().unwrap());
    let mut stdin = child.stdin.take().unwrap();
    wait_for(&out, "Stel een vraag");

    writeln!(stdin, "Komen er nieuwe bruggen over de rivier?").unwrap();
    wait_for(&out, "zegt de brief niets");

    std::fs::write(dir.path().join("notitie-bruggen.txt"), NOTE).unwrap();
    let status = Command::new("kill").args(["-HUP", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    wait_for(&err, "SIGHUP: reload");

    writeln!(stdin, "Komen er nieuwe bruggen over de rivier?").unwrap();
    wait_for(&out, "notitie-bruggen, alinea 1, p. 1");
    drop(stdin);
    assert!(child.wait().unwrap().success());
}
