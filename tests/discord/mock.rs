//! A mock Discord for the integration tests: REST under `/api/v10/...` and the gateway as a
//! plain websocket, bound to 127.0.0.1 only. It records every REST call, can answer the next
//! calls with 429, speaks the gateway conversation serenity needs (HELLO, READY, heartbeat
//! ACKs, RESUME with replay), and can drop the connection on demand.
//!
//! The test thread uses it synchronously; the server runs on its own runtime thread.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::sync::mpsc;

pub const BOT_ID: &str = "900000000000000001";
pub const APP_ID: &str = "900000000000000002";
pub const GUILD_ID: &str = "900000000000000003";

/// One REST call the bot made.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub body: Value,
    pub at: Instant,
    /// The status the mock answered with.
    pub status: u16,
}

enum ToGateway {
    Text(String),
    Close,
    /// A close frame with this code (4000: unknown error, 4009: session timed out, ...).
    CloseWith(u16),
}

/// A fault for the next reply-creating REST calls.
#[derive(Debug, Clone, Copy)]
pub enum RestFault {
    /// 429 with `global: true`.
    GlobalRateLimit,
    /// A server error.
    ServerError,
    /// An answer that takes this long.
    Slow(Duration),
    /// 429 asking to wait this many seconds.
    RateLimitFor(u32),
}

#[derive(Default)]
struct Gateway {
    sender: Option<mpsc::UnboundedSender<ToGateway>>,
    seq: u64,
    /// Every dispatch sent, for replay after a RESUME.
    sent: Vec<(u64, String)>,
}

#[derive(Default)]
struct Shared {
    requests: Mutex<Vec<Recorded>>,
    changed: Condvar,
    gateway: Mutex<Gateway>,
    /// How many of the next reply-creating calls get a 429.
    rate_limit_next: Mutex<u32>,
    /// Faults for the next reply-creating calls, first first.
    faults: Mutex<Vec<RestFault>>,
    identifies: AtomicUsize,
    resumes: AtomicUsize,
    connections: AtomicUsize,
    addr: Mutex<Option<SocketAddr>>,
    /// Files served under `/cdn/` (attachments), by path.
    files: Mutex<std::collections::HashMap<String, Vec<u8>>>,
}

pub struct MockDiscord {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
}

impl MockDiscord {
    pub fn start() -> MockDiscord {
        let shared = Arc::new(Shared::default());
        let (tx, rx) = std::sync::mpsc::channel();
        let state = shared.clone();
        std::thread::spawn(move || {
            let runtime =
                tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let addr = listener.local_addr().unwrap();
                *state.addr.lock().unwrap() = Some(addr);
                tx.send(addr).unwrap();
                let app = Router::new().route("/gateway", get(gateway)).fallback(rest).with_state(state);
                axum::serve(listener, app).await.unwrap();
            });
        });
        let addr = rx.recv().unwrap();
        MockDiscord { addr, shared }
    }

    pub fn api_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Serves `bytes` as an attachment on the mock's CDN route; its URL.
    pub fn host_file(&self, name: &str, bytes: Vec<u8>) -> String {
        let path = format!("/cdn/attachments/{name}");
        self.shared.files.lock().unwrap().insert(path.clone(), bytes);
        format!("{}{path}", self.api_url())
    }

    /// Sends a gateway dispatch (queued for replay if the bot is not connected).
    pub fn dispatch(&self, event: &str, data: Value) {
        let mut gateway = self.shared.gateway.lock().unwrap();
        gateway.seq += 1;
        let text = json!({ "op": 0, "t": event, "s": gateway.seq, "d": data }).to_string();
        let seq = gateway.seq;
        gateway.sent.push((seq, text.clone()));
        if let Some(sender) = &gateway.sender {
            let _ = sender.send(ToGateway::Text(text));
        }
    }

    /// Closes the gateway connection abruptly, as a network drop would.
    pub fn drop_connection(&self) {
        let mut gateway = self.shared.gateway.lock().unwrap();
        if let Some(sender) = gateway.sender.take() {
            let _ = sender.send(ToGateway::Close);
        }
    }

    /// Sends a raw gateway payload (op 7 RECONNECT, op 9 INVALID SESSION, ...).
    pub fn send_raw(&self, payload: Value) {
        let gateway = self.shared.gateway.lock().unwrap();
        if let Some(sender) = &gateway.sender {
            let _ = sender.send(ToGateway::Text(payload.to_string()));
        }
    }

    /// Closes the gateway connection with a close code.
    pub fn close_with(&self, code: u16) {
        let mut gateway = self.shared.gateway.lock().unwrap();
        if let Some(sender) = gateway.sender.take() {
            let _ = sender.send(ToGateway::CloseWith(code));
        }
    }

    /// Answers the next message or interaction replies with these faults, one each.
    pub fn fault_next(&self, faults: &[RestFault]) {
        self.shared.faults.lock().unwrap().extend_from_slice(faults);
    }

    /// Answers the next `n` message or interaction replies with 429.
    pub fn rate_limit_next(&self, n: u32) {
        *self.shared.rate_limit_next.lock().unwrap() = n;
    }

    pub fn identifies(&self) -> usize {
        self.shared.identifies.load(Ordering::SeqCst)
    }

    pub fn resumes(&self) -> usize {
        self.shared.resumes.load(Ordering::SeqCst)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// Number of calls recorded so far: pass it to [`Self::wait_for`] to see only later ones.
    pub fn mark(&self) -> usize {
        self.shared.requests.lock().unwrap().len()
    }

    /// Waits for a call after `from` that satisfies `matches`.
    pub fn wait_for(&self, from: usize, what: &str, matches: impl Fn(&Recorded) -> bool) -> Recorded {
        let deadline = Instant::now() + LIVENESS_BOUND;
        let mut requests = self.shared.requests.lock().unwrap();
        loop {
            if let Some(found) = requests.iter().skip(from).find(|r| matches(r)) {
                return found.clone();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "the bot never made {what}; calls: {:#?}", &requests[from..]);
            requests = self.shared.changed.wait_timeout(requests, left).unwrap().0;
        }
    }

    /// Waits until the gateway has seen `n` IDENTIFY payloads.
    pub fn wait_identified(&self, n: usize) {
        let deadline = Instant::now() + LIVENESS_BOUND;
        while self.identifies() < n {
            assert!(Instant::now() < deadline, "the bot did not identify");
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// How long a wait gives the bot before calling it stuck: a bound on liveness, not a
/// measure of speed (a bot loading 401 documents beside the other tests' bots on two cores
/// once took over 15 s to identify).
const LIVENESS_BOUND: Duration = Duration::from_secs(60);

fn record(shared: &Shared, method: &Method, path: &str, body: Value, status: u16) {
    let mut requests = shared.requests.lock().unwrap();
    requests.push(Recorded {
        method: method.to_string(),
        path: path.to_string(),
        body,
        at: Instant::now(),
        status,
    });
    shared.changed.notify_all();
}

fn message_json(channel: &str, body: &Value) -> Value {
    json!({
        "id": format!("{}", 800000000000000000u64 + rand_id()),
        "channel_id": channel,
        "author": { "id": BOT_ID, "username": "briefbot", "discriminator": "0000", "avatar": null, "bot": true },
        "content": body["content"].clone(),
        "timestamp": "2026-11-29T10:00:00.000000+00:00",
        "edited_timestamp": null,
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": false, "type": 0
    })
}

fn rand_id() -> u64 {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    NEXT.fetch_add(1, Ordering::SeqCst) as u64
}

async fn rest(State(shared): State<Arc<Shared>>, method: Method, uri: Uri, body: Bytes) -> Response {
    let path = uri.path().to_string();
    if method == Method::GET && path.starts_with("/cdn/") {
        let file = shared.files.lock().unwrap().get(&path).cloned();
        record(&shared, &method, &path, Value::Null, if file.is_some() { 200 } else { 404 });
        return match file {
            Some(bytes) => (StatusCode::OK, bytes).into_response(),
            None => StatusCode::NOT_FOUND.into_response(),
        };
    }
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let creates_reply = (method == Method::POST
        && (path.ends_with("/messages") || path.ends_with("/callback")))
        || (method == Method::PATCH && path.ends_with("/@original"));
    let fault = if creates_reply {
        let mut faults = shared.faults.lock().unwrap();
        (!faults.is_empty()).then(|| faults.remove(0))
    } else {
        None
    };
    match fault {
        Some(RestFault::GlobalRateLimit) => {
            record(&shared, &method, &path, body, 429);
            let payload =
                json!({ "message": "You are being rate limited.", "retry_after": 0.3, "global": true });
            return (StatusCode::TOO_MANY_REQUESTS, [("x-ratelimit-global", "true")], Json(payload))
                .into_response();
        }
        Some(RestFault::ServerError) => {
            record(&shared, &method, &path, body, 500);
            return (StatusCode::INTERNAL_SERVER_ERROR, "upstream failed").into_response();
        }
        Some(RestFault::Slow(delay)) => tokio::time::sleep(delay).await,
        Some(RestFault::RateLimitFor(seconds)) => {
            record(&shared, &method, &path, body, 429);
            let payload =
                json!({ "message": "You are being rate limited.", "retry_after": seconds, "global": false });
            return (StatusCode::TOO_MANY_REQUESTS, Json(payload)).into_response();
        }
        None => {}
    }
    if creates_reply {
        let mut limited = shared.rate_limit_next.lock().unwrap();
        if *limited > 0 {
            *limited -= 1;
            drop(limited);
            record(&shared, &method, &path, body, 429);
            let payload =
                json!({ "message": "You are being rate limited.", "retry_after": 0.4, "global": false });
            return (StatusCode::TOO_MANY_REQUESTS, [("retry-after", "1")], Json(payload)).into_response();
        }
    }
    let parts: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    let addr = shared.addr.lock().unwrap().unwrap();
    let (status, response) = match (method.as_str(), parts.as_slice()) {
        ("GET", ["gateway"]) => (200, json!({ "url": format!("ws://{addr}/gateway") })),
        ("GET", ["gateway", "bot"]) => (
            200,
            json!({ "url": format!("ws://{addr}/gateway"), "shards": 1,
            "session_start_limit": { "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1 } }),
        ),
        ("PUT", ["applications", _, "commands"]) | ("PUT", ["applications", _, "guilds", _, "commands"]) => {
            let commands: Vec<Value> = body
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, mut c)| {
                    c["id"] = json!(format!("{}", 700000000000000000u64 + i as u64));
                    c["application_id"] = json!(APP_ID);
                    c["version"] = json!("1");
                    c["type"] = json!(1);
                    c
                })
                .collect();
            (200, Value::Array(commands))
        }
        ("POST", ["channels", channel, "messages"]) => (200, message_json(channel, &body)),
        ("POST", ["users", "@me", "channels"]) => (
            200,
            json!({ "id": "900000000000000099", "type": 1,
            "recipients": [{ "id": body["recipient_id"].clone(), "username": "lid", "discriminator": "0000", "avatar": null }] }),
        ),
        ("POST", ["interactions", _, _, "callback"]) => (204, Value::Null),
        ("PATCH", ["webhooks", _, _, "messages", "@original"]) => (200, message_json("0", &body)),
        ("POST", ["webhooks", _, _]) => (200, message_json("0", &body)),
        _ => (404, json!({ "message": "Unknown route in mock Discord", "code": 0 })),
    };
    record(&shared, &method, &path, body, status);
    let status = StatusCode::from_u16(status).unwrap();
    if response.is_null() {
        status.into_response()
    } else {
        (status, Json(response)).into_response()
    }
}

async fn gateway(upgrade: WebSocketUpgrade, State(shared): State<Arc<Shared>>) -> Response {
    upgrade.on_upgrade(move |socket| session(socket, shared))
}

fn ready(addr: SocketAddr, seq: u64) -> String {
    json!({ "op": 0, "t": "READY", "s": seq, "d": {
        "v": 10,
        "user": { "id": BOT_ID, "username": "briefbot", "discriminator": "0000", "avatar": null, "bot": true,
                  "verified": true, "mfa_enabled": false },
        "guilds": [],
        "session_id": "mock-session",
        "resume_gateway_url": format!("ws://{addr}/gateway"),
        "shard": [0, 1],
        "application": { "id": APP_ID, "flags": 0 }
    }})
    .to_string()
}

async fn session(mut socket: WebSocket, shared: Arc<Shared>) {
    shared.connections.fetch_add(1, Ordering::SeqCst);
    let (tx, mut rx) = mpsc::unbounded_channel();
    shared.gateway.lock().unwrap().sender = Some(tx);
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": 41250 } }).to_string();
    if socket.send(Message::Text(hello.into())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let Some(Ok(Message::Text(text))) = incoming else { return };
                let payload: Value = serde_json::from_str(text.as_str()).unwrap_or(Value::Null);
                for reply in answer_gateway(&shared, &payload) {
                    if socket.send(Message::Text(reply.into())).await.is_err() {
                        return;
                    }
                }
            }
            outgoing = rx.recv() => match outgoing {
                Some(ToGateway::Text(text)) => {
                    if socket.send(Message::Text(text.into())).await.is_err() {
                        return;
                    }
                }
                Some(ToGateway::CloseWith(code)) => {
                    let frame = axum::extract::ws::CloseFrame { code, reason: "mock".into() };
                    let _ = socket.send(Message::Close(Some(frame))).await;
                    return;
                }
                Some(ToGateway::Close) | None => return,
            }
        }
    }
}

/// The mock's answers to one payload from the bot.
fn answer_gateway(shared: &Shared, payload: &Value) -> Vec<String> {
    let addr = shared.addr.lock().unwrap().unwrap();
    match payload["op"].as_u64() {
        Some(1) => vec![json!({ "op": 11 }).to_string()],
        Some(2) => {
            assert!(
                payload["d"]["token"].as_str().is_some_and(|t| t.starts_with("Bot ")),
                "IDENTIFY carries the token"
            );
            shared.identifies.fetch_add(1, Ordering::SeqCst);
            let mut gateway = shared.gateway.lock().unwrap();
            gateway.seq += 1;
            vec![ready(addr, gateway.seq)]
        }
        Some(6) => {
            shared.resumes.fetch_add(1, Ordering::SeqCst);
            let from = payload["d"]["seq"].as_u64().unwrap_or(0);
            let mut gateway = shared.gateway.lock().unwrap();
            let mut replies: Vec<String> =
                gateway.sent.iter().filter(|(s, _)| *s > from).map(|(_, t)| t.clone()).collect();
            gateway.seq += 1;
            replies.push(json!({ "op": 0, "t": "RESUMED", "s": gateway.seq, "d": {} }).to_string());
            replies
        }
        _ => Vec::new(),
    }
}
