//! The gateway URL when `discord.api_url` is set: asked of that address only, never of
//! Discord. serenity asks too, but falls back to Discord's own gateway host when the request
//! fails; briefbot asks before any shard starts and gives serenity the answer, retrying with
//! backoff (each failure logged as an error naming the address) until it gets one.
//!
//! Invariant: with `api_url` set, no shard starts before the URL came from `api_url`.

use std::time::Duration;

/// First wait after a failed request; doubled each time up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// One request's time limit.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The gateway URL `api_url` gives (`GET {api_url}/api/v10/gateway`), retried until it gives
/// one. Cancel by dropping the future (shutdown does).
pub async fn gateway_url(client: &reqwest::Client, api_url: &str) -> String {
    let endpoint = format!("{api_url}/api/v10/gateway");
    let mut wait = FIRST_BACKOFF;
    loop {
        match fetch(client, &endpoint).await {
            Ok(url) => return url,
            Err(reason) => {
                tracing::error!(%endpoint, "cannot get the gateway URL from discord.api_url: {reason}; retrying in {wait:?}");
            }
        }
        tokio::time::sleep(wait).await;
        wait = (wait * 2).min(MAX_BACKOFF);
    }
}

async fn fetch(client: &reqwest::Client, endpoint: &str) -> Result<String, String> {
    let response = client.get(endpoint).timeout(REQUEST_TIMEOUT).send().await.map_err(|e| e.to_string())?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("HTTP {status}"));
    }
    let body: serde_json::Value = response.json().await.map_err(|e| format!("not JSON: {e}"))?;
    match body["url"].as_str() {
        Some(url) if url.starts_with("ws://") || url.starts_with("wss://") => Ok(url.to_string()),
        _ => Err("no `url` with a ws:// or wss:// address in the answer".into()),
    }
}
