//! Starting the real briefbot Discord client (in this process, on its own runtime) against a
//! mock Discord, with a trap that fails the tests if any HTTPS request tries to leave.

use std::net::TcpListener;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use briefbot::config::Config;
use briefbot::conversation::{Engine, ManualClock, Settings};
use briefbot::library::{Library, SourceConfig};

use super::mock::{MockDiscord, GUILD_ID};
use super::payloads::MODERATOR_ROLE;

/// Connections made to the trap proxy: any HTTPS request (to discord.com or anywhere else)
/// would arrive there instead of leaving the machine.
static TRAP: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

/// Installs the trap as the HTTPS proxy, once, before any HTTP client is built.
pub fn install_trap() -> Arc<AtomicUsize> {
    TRAP.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let count = Arc::new(AtomicUsize::new(0));
        let seen = count.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                seen.fetch_add(1, Ordering::SeqCst);
                drop(stream);
            }
        });
        for key in ["HTTPS_PROXY", "https_proxy"] {
            std::env::set_var(key, format!("http://127.0.0.1:{port}"));
        }
        for key in ["NO_PROXY", "no_proxy"] {
            std::env::set_var(key, "127.0.0.1,localhost");
        }
        prove_the_trap_catches_https(&count);
        count
    })
    .clone()
}

/// An HTTPS request from a client built like the bot's must land in the trap; the count is
/// then reset so the tests see only the bot's own requests.
fn prove_the_trap_catches_https(count: &AtomicUsize) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let _ = runtime.block_on(async {
        let client = reqwest::Client::builder().build().unwrap();
        client.get("https://discord.com/api/v10/gateway").timeout(Duration::from_secs(5)).send().await
    });
    assert_eq!(count.swap(0, Ordering::SeqCst), 1, "the trap must catch an HTTPS request");
}

pub fn assert_nothing_left_loopback() {
    let trapped = TRAP.get().map_or(0, |c| c.load(Ordering::SeqCst));
    assert_eq!(trapped, 0, "{trapped} HTTPS request(s) tried to leave the machine");
}

/// A running bot: its engine and clock, and the mock it talks to.
pub struct Bot {
    pub mock: MockDiscord,
    pub engine: Arc<Engine>,
    pub clock: Arc<ManualClock>,
}

/// Starts a mock Discord and the bot over `documents` with `settings`, and waits until the
/// bot has identified and registered its commands.
pub fn start(documents: &Path, settings: Settings) -> Bot {
    install_trap();
    let library =
        Library::open(SourceConfig::Folder(documents.to_path_buf()), Duration::ZERO).expect("documents load");
    start_with(library, settings)
}

pub fn start_with(library: Library, settings: Settings) -> Bot {
    start_engine(|clock| Engine::new(library, settings, clock))
}

/// Starts a mock Discord and the bot over the engine `make` builds on the bot's clock.
pub fn start_engine(make: impl FnOnce(Arc<ManualClock>) -> Engine) -> Bot {
    install_trap();
    let mock = MockDiscord::start();
    let clock = Arc::new(ManualClock::default());
    let engine = Arc::new(make(clock.clone()));
    let env = [
        ("BRIEFBOT_DISCORD__TOKEN".to_string(), "mock-token".to_string()),
        ("BRIEFBOT_DISCORD__API_URL".to_string(), mock.api_url()),
        ("BRIEFBOT_DISCORD__GUILD_IDS".to_string(), GUILD_ID.to_string()),
        ("BRIEFBOT_DISCORD__MODERATOR_ROLE_IDS".to_string(), MODERATOR_ROLE.to_string()),
    ];
    let config = Config::load_from(None, false, env).expect("config");
    let bot_engine = engine.clone();
    std::thread::spawn(move || {
        let runtime =
            tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        if let Err(e) = runtime.block_on(briefbot::discord::run(bot_engine, &config.discord)) {
            panic!("the Discord client stopped: {e}");
        }
    });
    mock.wait_identified(1);
    mock.wait_for(0, "the command registration", |r| r.method == "PUT" && r.path.ends_with("/commands"));
    Bot { mock, engine, clock }
}

/// A feedback database of its own for each bot process a test starts (tests run in
/// parallel; bots sharing one file would wait on each other's locks): in Cargo's scratch
/// folder for integration tests, never in the repository.
pub fn scratch_database() -> std::path::PathBuf {
    static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("feedback-{}-{n}.sqlite3", std::process::id()))
}
