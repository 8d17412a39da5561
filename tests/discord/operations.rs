//! Operational faults: a configured `discord.api_url` that cannot give the gateway URL (a
//! closed port, a 500, an HTML page) is retried with an error naming it, Discord's own
//! gateway is never tried instead, and SIGTERM still ends the process at once, as it does while
//! a send waits out a rate limit and during a reload. Logs to a pipe carry no colour codes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A port nothing listens on.
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A server on loopback that answers every request with `response`.
fn answering(response: &'static str) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buffer = [0u8; 4096];
            let _ = stream.read(&mut buffer);
            let _ = stream.write_all(response.as_bytes());
        }
    });
    port
}

/// The binary connecting to `api_url`, its log lines sent to the returned channel.
fn start_bot(api_url: &str) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .arg("discord")
        .env("BRIEFBOT_DISCORD__TOKEN", "SECRET.TOKEN.for-tests")
        .env("BRIEFBOT_FEEDBACK__DATABASE", super::harness::scratch_database())
        .env("BRIEFBOT_DISCORD__API_URL", api_url)
        .env("BRIEFBOT_LOG", "debug")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (sender, lines) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    (child, lines)
}

/// Log lines until one contains `needle` (or 20 s pass), all of them.
fn read_until(lines: &mpsc::Receiver<String>, needle: &str) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) => {
                let found = line.contains(needle);
                seen.push(line);
                if found {
                    return seen;
                }
            }
            Err(_) => break,
        }
    }
    panic!("no log line with {needle:?} in:\n{}", seen.join("\n"));
}

fn terminate(child: &mut Child) -> Duration {
    let started = Instant::now();
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "exit on SIGTERM: {status:?}");
            return started.elapsed();
        }
        assert!(started.elapsed() < Duration::from_secs(5), "still running 5 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_api_url_that_cannot_give_the_gateway_is_retried_never_bypassed_and_sigterm_ends_it() {
    let addresses = [
        format!("http://127.0.0.1:{}", closed_port()),
        format!("http://127.0.0.1:{}", answering("HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")),
        format!(
            "http://127.0.0.1:{}",
            answering("HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 21\r\nconnection: close\r\n\r\n<html>proxy up</html>")
        ),
    ];
    for api_url in addresses {
        let (mut child, lines) = start_bot(&api_url);
        let first = read_until(&lines, "cannot get the gateway URL");
        let second = read_until(&lines, "cannot get the gateway URL");
        let log = [first, second].concat().join("\n");
        assert!(log.contains(&api_url), "the error names the address: {log}");
        assert!(
            !log.contains("gateway.discord.gg") && !log.contains("Connecting"),
            "never another gateway: {log}"
        );
        let took = terminate(&mut child);
        println!("{api_url}: exited {took:?} after SIGTERM");
    }
}

/// The binary against the mock Discord with `documents`, connected.
fn start_connected(mock: &super::mock::MockDiscord, documents: &std::path::Path) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_briefbot"))
        .args(["discord", "--documents", documents.to_str().unwrap()])
        .env("BRIEFBOT_DISCORD__TOKEN", "SECRET.TOKEN.for-tests")
        .env("BRIEFBOT_FEEDBACK__DATABASE", super::harness::scratch_database())
        .env("BRIEFBOT_DISCORD__API_URL", mock.api_url())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    mock.wait_identified(1);
    child
}

#[test]
fn sigterm_ends_the_process_while_it_waits_out_a_rate_limit_and_during_a_reload() {
    use super::mock::{MockDiscord, RestFault, BOT_ID};
    let docs = super::letter_folder();
    let mock = MockDiscord::start();
    let mut child = start_connected(&mock, docs.path());
    mock.fault_next(&[RestFault::RateLimitFor(60)]);
    let mark = mock.mark();
    let text = format!("<@{BOT_ID}> Wat is Burgernet?");
    mock.dispatch(
        "MESSAGE_CREATE",
        super::payloads::message(800000000000000140, super::CHANNEL, super::MEMBER, &text, true),
    );
    mock.wait_for(mark, "the rate-limited send", |r| r.status == 429);
    println!("waiting out a 60 s rate limit: exited {:?} after SIGTERM", terminate(&mut child));

    // Many documents make a reload take a while; SIGHUP starts one, SIGTERM comes during it.
    for i in 0..400 {
        let text = format!(
            "Notitie {i}\n\nAan de raad\nUtrecht, 1 mei 2020\n\n{}\n",
            "De gemeente onderhoudt de bruggen en de fietspaden in de wijken. ".repeat(40)
        );
        std::fs::write(docs.path().join(format!("notitie-{i:03}.txt")), text).unwrap();
    }
    let mock = MockDiscord::start();
    let mut child = start_connected(&mock, docs.path());
    let status = Command::new("kill").args(["-HUP", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    std::thread::sleep(Duration::from_millis(50));
    println!("during a reload of 401 documents: exited {:?} after SIGTERM", terminate(&mut child));
}
