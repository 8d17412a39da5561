//! The configuration: one typed struct, read once at start-up from `config/default.toml`
//! (compiled in), an optional local file, then `BRIEFBOT_...` environment variables.
//! Unknown keys and wrong types are errors that name the key.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::conversation::Settings;
use crate::feedback::FeedbackSettings;
use crate::i18n::Language;
use crate::library::SourceConfig;

const DEFAULTS: &str = include_str!("../config/default.toml");
/// Local overrides read when present (or the file named by `BRIEFBOT_CONFIG`).
pub const LOCAL_FILE: &str = "config/local.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub bot: BotConfig,
    pub conversation: ConversationConfig,
    pub feedback: FeedbackConfig,
    pub privacy: PrivacyConfig,
    pub discord: DiscordConfig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackConfig {
    pub database: PathBuf,
    pub retention_days: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyConfig {
    pub store_user_ids: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConversationConfig {
    pub rate_limit_questions: usize,
    pub rate_limit_window_secs: u64,
    pub followup_expiry_secs: u64,
    pub max_sessions: usize,
    pub reload_gate: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BotConfig {
    pub language: Language,
    pub documents: PathBuf,
    pub max_upload_bytes: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordConfig {
    pub token: Secret,
    pub api_url: String,
    pub guild_ids: String,
    pub moderator_role_ids: String,
    pub moderator_user_ids: String,
    pub shard_count: u32,
    pub shard_first: u32,
    pub shard_last: u32,
    pub max_rest_attempts: u32,
}

impl DiscordConfig {
    /// A comma-separated id list from the key `discord.NAME`, checked at start-up.
    pub fn ids(&self, name: &str) -> Result<Vec<u64>, ConfigError> {
        let value = match name {
            "guild_ids" => &self.guild_ids,
            "moderator_role_ids" => &self.moderator_role_ids,
            "moderator_user_ids" => &self.moderator_user_ids,
            other => return Err(ConfigError(format!("discord.{other}: not an id list"))),
        };
        value
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|id| {
                id.parse::<u64>().ok().filter(|&n| n > 0).ok_or_else(|| {
                    ConfigError(format!("discord.{name}: `{id}` is not a Discord id (a positive number)"))
                })
            })
            .collect()
    }

    /// The shard range and total, checked.
    pub fn shards(&self) -> Result<(u32, u32, u32), ConfigError> {
        let (first, last, total) = (self.shard_first, self.shard_last, self.shard_count);
        if total == 0 || first > last || last >= total {
            return Err(ConfigError(format!(
                "discord.shard_first..shard_last ({first}..{last}) must lie within 0..shard_count ({total})"
            )));
        }
        Ok((first, last, total))
    }
}

/// A secret string whose `Debug` and `Display` never show it.
#[derive(Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.is_empty() { "Secret(<empty>)" } else { "Secret(<redacted>)" })
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(pub String);

impl Config {
    /// The conversation engine's settings.
    pub fn conversation_settings(&self) -> Settings {
        let c = &self.conversation;
        Settings {
            default_language: self.bot.language,
            rate_limit: c.rate_limit_questions,
            rate_window: Duration::from_secs(c.rate_limit_window_secs),
            followup_expiry: Duration::from_secs(c.followup_expiry_secs),
            max_sessions: c.max_sessions.max(1),
            max_upload_bytes: self.bot.max_upload_bytes,
        }
    }

    /// Where the feedback log is kept and what it keeps; `None` when `feedback.database` is
    /// empty.
    pub fn feedback(&self) -> Option<(&Path, FeedbackSettings)> {
        let database = &self.feedback.database;
        let settings = FeedbackSettings {
            store_user_ids: self.privacy.store_user_ids,
            retention: Duration::from_secs(u64::from(self.feedback.retention_days.max(1)) * 24 * 3600),
        };
        (!database.as_os_str().is_empty()).then_some((database.as_path(), settings))
    }

    /// The folder of conversation scripts new documents must pass before a reload swaps them
    /// in, if one is configured.
    pub fn reload_gate(&self) -> Option<&Path> {
        let gate = &self.conversation.reload_gate;
        (!gate.as_os_str().is_empty()).then_some(gate.as_path())
    }

    /// Where the documents come from: the configured folder, or the compiled-in letter when
    /// that folder is missing.
    pub fn documents_source(&self) -> SourceConfig {
        SourceConfig::FolderOrEmbedded(self.bot.documents.clone())
    }

    /// Reads defaults, the local file (if any) and the environment.
    pub fn load() -> Result<Config, ConfigError> {
        let local = std::env::var("BRIEFBOT_CONFIG").map(PathBuf::from).ok();
        let required = local.is_some();
        let local = local.unwrap_or_else(|| PathBuf::from(LOCAL_FILE));
        Config::load_from(Some(&local), required, std::env::vars())
    }

    /// Reads defaults, then `local` (an error if `required` and missing), then `env`.
    pub fn load_from(
        local: Option<&Path>,
        required: bool,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut builder =
            config::Config::builder().add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml));
        if let Some(path) = local {
            if required || path.exists() {
                builder = builder
                    .add_source(config::File::from(path).format(config::FileFormat::Toml).required(true));
            }
        }
        let env: config::Map<String, String> = env
            .into_iter()
            .filter(|(k, _)| k.starts_with("BRIEFBOT_") && k != "BRIEFBOT_CONFIG" && k != "BRIEFBOT_LOG")
            .collect();
        let source = config::Environment::with_prefix("BRIEFBOT")
            .prefix_separator("_")
            .separator("__")
            .source(Some(env));
        let settings = builder.add_source(source).build().map_err(|e| ConfigError(e.to_string()))?;
        settings.try_deserialize().map_err(|e| ConfigError(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_load() {
        let config = Config::load_from(None, false, env(&[])).unwrap();
        assert_eq!(config.bot.language, Language::Dutch);
        assert!(config.discord.token.is_empty());
    }

    #[test]
    fn environment_overrides_and_token_is_redacted() {
        let config = Config::load_from(
            None,
            false,
            env(&[("BRIEFBOT_DISCORD__TOKEN", "abc.def"), ("BRIEFBOT_BOT__LANGUAGE", "en")]),
        )
        .unwrap();
        assert_eq!(config.bot.language, Language::English);
        assert_eq!(config.discord.token.expose(), "abc.def");
        assert!(!format!("{config:?}").contains("abc.def"));
    }

    #[test]
    fn unknown_key_is_an_error_naming_it() {
        let err = Config::load_from(None, false, env(&[("BRIEFBOT_BOT__COLOUR", "red")])).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }

    #[test]
    fn discord_ids_and_shards_are_checked() {
        let config = Config::load_from(
            None,
            false,
            env(&[("BRIEFBOT_DISCORD__GUILD_IDS", "12, 34"), ("BRIEFBOT_DISCORD__MODERATOR_ROLE_IDS", "x1")]),
        )
        .unwrap();
        assert_eq!(config.discord.ids("guild_ids").unwrap(), [12, 34]);
        let err = config.discord.ids("moderator_role_ids").unwrap_err();
        assert!(err.to_string().contains("discord.moderator_role_ids: `x1`"), "{err}");
        assert_eq!(config.discord.shards().unwrap(), (0, 0, 1));
        let bad = Config::load_from(None, false, env(&[("BRIEFBOT_DISCORD__SHARD_LAST", "3")])).unwrap();
        assert!(bad.discord.shards().is_err());
    }

    #[test]
    fn wrong_type_is_an_error_naming_the_key() {
        let err = Config::load_from(None, false, env(&[("BRIEFBOT_BOT__LANGUAGE", "fr")])).unwrap_err();
        assert!(err.to_string().contains("language") || err.to_string().contains("fr"), "{err}");
    }
}
