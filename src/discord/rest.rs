//! Sending REST requests to Discord. With Discord's own API, serenity's rate limiter handles
//! 429s. With `discord.api_url` set the rate limiter must be off (otherwise serenity ignores
//! the proxy), so this module honours 429 responses itself: it waits `retry_after` (from the
//! JSON body, else the `Retry-After` header) and tries again, a bounded number of times.

use std::time::Duration;

use serenity::http::{Http, Request};

#[derive(Debug, thiserror::Error)]
pub enum RestError {
    #[error("Discord request failed: {0}")]
    Serenity(#[from] serenity::Error),
    #[error("Discord request failed: {0}")]
    Transport(#[from] reqwest::Error),
    #[error("Discord answered {status}: {body}")]
    Status { status: u16, body: String },
    #[error("Discord kept answering 429 after {0} attempts")]
    RateLimited(u32),
}

/// REST sender shared by the event handlers.
pub struct Rest {
    client: reqwest::Client,
    proxy: Option<String>,
    attempts: u32,
}

impl Rest {
    /// `client` must be the client the serenity `Http` was built with.
    pub fn new(client: reqwest::Client, proxy: Option<String>, attempts: u32) -> Rest {
        Rest { client, proxy, attempts: attempts.max(1) }
    }

    /// The HTTP client (for downloading attachments).
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// `discord.api_url`, when set.
    pub fn api_url(&self) -> Option<&str> {
        self.proxy.as_deref()
    }

    /// Sends a request; the response body as JSON (`Null` for an empty body).
    pub async fn send(&self, http: &Http, request: Request<'_>) -> Result<serde_json::Value, RestError> {
        let Some(proxy) = &self.proxy else {
            let response = http.request(request).await?;
            return Ok(json_body(response).await?);
        };
        for attempt in 1..=self.attempts {
            let built = request.clone().build(&self.client, http.token(), Some(proxy))?.build()?;
            let response = self.client.execute(built).await?;
            let status = response.status().as_u16();
            if status == 429 {
                let wait = retry_after(response).await;
                tracing::warn!(attempt, ?wait, "Discord answered 429; waiting before retrying");
                tokio::time::sleep(wait).await;
                continue;
            }
            if !response.status().is_success() {
                let body = response.text().await.unwrap_or_default();
                return Err(RestError::Status { status, body });
            }
            return Ok(json_body(response).await?);
        }
        Err(RestError::RateLimited(self.attempts))
    }
}

async fn json_body(response: reqwest::Response) -> Result<serde_json::Value, reqwest::Error> {
    let bytes = response.bytes().await?;
    Ok(serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null))
}

/// Seconds to wait from a 429: the body's `retry_after`, else the `Retry-After` header, else 1.
async fn retry_after(response: reqwest::Response) -> Duration {
    let header = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<f64>().ok());
    let body: Option<serde_json::Value> = response.json().await.ok();
    let seconds = body.as_ref().and_then(|b| b["retry_after"].as_f64()).or(header).unwrap_or(1.0);
    Duration::from_secs_f64(seconds.clamp(0.0, 60.0))
}
