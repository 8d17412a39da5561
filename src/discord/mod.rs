//! The Discord adapter: the only module that knows Discord (serenity). It translates gateway
//! events into core [`Request`](crate::conversation::Request)s and renders the core's replies
//! as Discord messages. See `README.md` (Discord) for set-up and sharding.

pub mod commands;
mod documents;
mod respond;
mod gateway;
mod handler;
pub mod render;
mod rest;

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use serenity::all::{ClientBuilder, GatewayIntents};
use serenity::http::HttpBuilder;

use crate::config::{ConfigError, DiscordConfig};
use crate::conversation::Engine;


/// Who moderates besides members with Manage Server.
#[derive(Debug, Clone, Default)]
pub struct Moderators {
    pub roles: HashSet<u64>,
    pub users: HashSet<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum DiscordError {
    #[error("no Discord token: set BRIEFBOT_DISCORD__TOKEN (or discord.token in config/local.toml)")]
    NoToken,
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("HTTP client: {0}")]
    Client(#[from] reqwest::Error),
    #[error("Discord: {0}")]
    Serenity(#[from] serenity::Error),
}

/// Connects to Discord and serves until SIGINT or SIGTERM. SIGHUP reloads the documents.
pub async fn run(engine: Arc<Engine>, config: &DiscordConfig) -> Result<(), DiscordError> {
    if config.token.is_empty() {
        return Err(DiscordError::NoToken);
    }
    let (first, last, total) = config.shards()?;
    let moderators = Moderators {
        roles: config.ids("moderator_role_ids")?.into_iter().collect(),
        users: config.ids("moderator_user_ids")?.into_iter().collect(),
    };
    let guild_ids = config.ids("guild_ids")?;
    let client = reqwest::Client::builder().build()?;
    let proxy =
        (!config.api_url.trim().is_empty()).then(|| config.api_url.trim().trim_end_matches('/').to_string());
    let mut http = HttpBuilder::new(config.token.expose()).client(client.clone());
    if let Some(url) = &proxy {
        // serenity applies the proxy only with its rate limiter off (serenity issue #1739);
        // `rest` then honours 429 responses itself.
        http = http.proxy(url.clone()).ratelimiter_disabled(true);
    }
    let http = http.build();
    let intents = GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES;
    let mut builder = ClientBuilder::new_with_http(http, intents);
    let client_for_gateway = client.clone();
    let rest = rest::Rest::new(client, proxy.clone(), config.max_rest_attempts);
    let handler =
        handler::Handler { engine: engine.clone(), rest, moderators, guild_ids, bot_id: OnceLock::new() };
    builder = builder.event_handler(handler);
    let mut client = builder.await?;
    let shards = client.shard_manager.clone();
    if let Some(api_url) = &proxy {
        // serenity's own request may have failed over to Discord's gateway: ask api_url.
        let asked = tokio::select! {
            url = gateway::gateway_url(&client_for_gateway, api_url) => Some(url),
            () = shutdown_signal() => None,
        };
        let Some(url) = asked else {
            tracing::info!("shutting down before connecting");
            return Ok(());
        };
        *client.ws_url.lock().await = url;
    }
    tokio::spawn(reload_on_sighup(engine));
    tokio::select! {
        result = client.start_shard_range(first..last, total) => result?,
        () = shutdown_signal() => {
            tracing::info!("shutting down");
            // Closing the gateway politely is worth a moment, not a hang.
            if tokio::time::timeout(SHUTDOWN_GRACE, shards.shutdown_all()).await.is_err() {
                tracing::warn!("shards did not close within {SHUTDOWN_GRACE:?}; exiting anyway");
            }
        }
    }
    Ok(())
}

/// How long shutdown waits for the shards to close; the binary then gives work still on the
/// blocking pool (a reload) the same again before it exits.
pub const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_millis(400);

async fn shutdown_signal() {
    let mut terminate = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(s) => s,
        Err(e) => {
            tracing::error!("cannot listen for SIGTERM: {e}");
            let _ = tokio::signal::ctrl_c().await;
            return;
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
}

async fn reload_on_sighup(engine: Arc<Engine>) {
    let Ok(mut hangup) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) else {
        return;
    };
    while hangup.recv().await.is_some() {
        let engine = engine.clone();
        let language = engine.settings().default_language;
        match tokio::task::spawn_blocking(move || engine.reload(false, language)).await {
            Ok(reply) => tracing::info!(report = %reply.render_plain(), "SIGHUP: reload"),
            Err(e) => tracing::error!("SIGHUP reload failed: {e}"),
        }
    }
}
