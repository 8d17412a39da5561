//! Discord events in, core requests out: mentions and direct messages, slash commands and
//! buttons. Every moderator check happens here, on every use, whatever Discord's default
//! command permissions say.

use std::sync::{Arc, OnceLock};

use serenity::all::{
    ChannelId, CommandInteraction, ComponentInteraction, Context, CreateMessage, EventHandler, Interaction,
    LightMethod, Member, Message, Permissions, Ready, Route, User, UserId,
};
use serenity::async_trait;
use serenity::http::{Http, Request as RestRequest};

use super::commands;
use super::render::render;
use super::respond::{action_rows, json, no_mentions};
use super::rest::{Rest, RestError};
use super::Moderators;
use crate::answer::{Outcome, Reply};
use crate::conversation::{texts, Command, Engine, Input, Request, Role};
use crate::i18n::Language;

pub struct Handler {
    pub engine: Arc<Engine>,
    pub rest: Rest,
    pub moderators: Moderators,
    /// Guilds to register commands in; empty: global commands.
    pub guild_ids: Vec<u64>,
    pub bot_id: OnceLock<UserId>,
}

impl Handler {
    fn is_moderator(&self, user: UserId, member: Option<&Member>) -> bool {
        let Some(member) = member else { return self.moderators.users.contains(&user.get()) };
        let manages = member.permissions.is_some_and(|p| p.contains(Permissions::MANAGE_GUILD));
        manages
            || self.moderators.users.contains(&user.get())
            || member.roles.iter().any(|r| self.moderators.roles.contains(&r.get()))
    }

    /// The core request for an interaction, with the user's role checked here.
    fn interaction_request(
        &self,
        user: &User,
        member: Option<&Member>,
        channel: ChannelId,
        locale: &str,
        command: Command,
    ) -> Request {
        let role = if self.is_moderator(user.id, member) { Role::Moderator } else { Role::Member };
        self.request(user.id, &user.name, role, channel, Some(locale), Input::Command(command))
    }

    fn request(
        &self,
        user: UserId,
        name: &str,
        role: Role,
        channel: ChannelId,
        locale: Option<&str>,
        input: Input,
    ) -> Request {
        let input = match input {
            Input::Command(Command::Ask(question)) => Input::Command(Command::Ask(strip_mentions(&question))),
            other => other,
        };
        Request {
            user_id: user.to_string(),
            display_name: name.to_string(),
            role,
            guild: None,
            channel: channel.to_string(),
            locale: locale.map(String::from),
            input,
        }
    }

    /// Handles a request on tokio's blocking pool: answering and reloading are CPU work that
    /// must not stall the gateway, other members or shutdown.
    async fn handle(&self, request: Request) -> Reply {
        let engine = self.engine.clone();
        match tokio::task::spawn_blocking(move || engine.handle(&request)).await {
            Ok(reply) => reply,
            Err(e) => {
                tracing::error!("request handler failed: {e}");
                let language = self.engine.settings().default_language;
                Reply::note(language, Outcome::Invalid, texts::internal_error(language)).private()
            }
        }
    }

    async fn on_message(&self, http: &Http, message: Message) -> Result<(), RestError> {
        let Some(bot) = self.bot_id.get().copied() else { return Ok(()) };
        if message.author.bot {
            return Ok(());
        }
        let mentioned = message.mentions.iter().any(|u| u.id == bot);
        if message.guild_id.is_some() && !mentioned {
            return Ok(());
        }
        let text = strip_mentions(&message.content);
        let roles: Vec<u64> =
            message.member.as_ref().map(|m| m.roles.iter().map(|r| r.get()).collect()).unwrap_or_default();
        let moderator = self.moderators.users.contains(&message.author.id.get())
            || (message.guild_id.is_some() && roles.iter().any(|r| self.moderators.roles.contains(r)));
        let role = if moderator { Role::Moderator } else { Role::Member };
        let input = Input::Text(text);
        let mut request =
            self.request(message.author.id, &message.author.name, role, message.channel_id, None, input);
        request.guild = message.guild_id.map(|g| g.to_string());
        let rendered = render(&self.handle(request).await);
        let mut create = CreateMessage::new()
            .content(rendered.content.clone())
            .components(action_rows(&rendered))
            .allowed_mentions(no_mentions());
        let channel = if rendered.private && message.guild_id.is_some() {
            self.dm_channel(http, message.author.id).await?
        } else {
            create = create.reference_message(&message);
            message.channel_id
        };
        let request = RestRequest::new(Route::ChannelMessages { channel_id: channel }, LightMethod::Post)
            .body(json(&create));
        self.rest.send(http, request).await.map(|_| ())
    }

    async fn dm_channel(&self, http: &Http, user: UserId) -> Result<ChannelId, RestError> {
        let body = serde_json::json!({ "recipient_id": user.to_string() });
        let request = RestRequest::new(Route::UserMeDmChannels, LightMethod::Post).body(json(&body));
        let channel = self.rest.send(http, request).await?;
        let id = channel["id"].as_str().and_then(|s| s.parse::<u64>().ok()).filter(|&id| id > 0);
        id.map(ChannelId::new).ok_or(RestError::Status { status: 200, body: "no DM channel id".into() })
    }

    async fn on_command(&self, http: &Http, interaction: CommandInteraction) -> Result<(), RestError> {
        if interaction.data.name == super::documents::NAME {
            return self.on_document(http, &interaction).await;
        }
        let Some(command) = commands::from_interaction(&interaction) else { return Ok(()) };
        let mut request = self.interaction_request(
            &interaction.user,
            interaction.member.as_deref(),
            interaction.channel_id,
            &interaction.locale,
            command,
        );
        request.guild = interaction.guild_id.map(|g| g.to_string());
        if !takes_long(&request) {
            let rendered = render(&self.handle(request).await);
            return self.respond(http, interaction.id, &interaction.token, &rendered).await;
        }
        self.defer(http, interaction.id, &interaction.token).await?;
        let rendered = render(&self.handle(request).await);
        self.edit_deferred(http, interaction.application_id, &interaction.token, &rendered).await
    }

    /// `/document ...`: deferred at once, then the attachment fetched and the core asked.
    async fn on_document(&self, http: &Http, interaction: &CommandInteraction) -> Result<(), RestError> {
        let Some(call) = super::documents::Call::of(interaction) else { return Ok(()) };
        self.defer(http, interaction.id, &interaction.token).await?;
        let role = if self.is_moderator(interaction.user.id, interaction.member.as_deref()) {
            Role::Moderator
        } else {
            Role::Member
        };
        let max = self.engine.settings().max_upload_bytes;
        let Some(input) = call.input(self.rest.client(), self.rest.api_url(), role, max).await else {
            let language = Language::from_locale(&interaction.locale).unwrap_or(self.engine.settings().default_language);
            let reply = Reply::note(language, Outcome::Invalid, texts::internal_error(language)).private();
            return self.edit_deferred(http, interaction.application_id, &interaction.token, &render(&reply)).await;
        };
        let mut request =
            self.request(interaction.user.id, &interaction.user.name, role, interaction.channel_id, Some(&interaction.locale), input);
        request.guild = interaction.guild_id.map(|g| g.to_string());
        let rendered = render(&self.handle(request).await);
        self.edit_deferred(http, interaction.application_id, &interaction.token, &rendered).await
    }

    async fn on_button(&self, http: &Http, interaction: ComponentInteraction) -> Result<(), RestError> {
        let Some(command) = commands::from_button(&interaction.data.custom_id) else {
            tracing::info!(custom_id = ?interaction.data.custom_id, "unknown or stale button");
            let language =
                Language::from_locale(&interaction.locale).unwrap_or(self.engine.settings().default_language);
            let reply = Reply::note(language, Outcome::Invalid, texts::stale_button(language)).private();
            return self.respond(http, interaction.id, &interaction.token, &render(&reply)).await;
        };
        let mut request = self.interaction_request(
            &interaction.user,
            interaction.member.as_ref(),
            interaction.channel_id,
            &interaction.locale,
            command,
        );
        request.guild = interaction.guild_id.map(|g| g.to_string());
        if takes_long(&request) {
            self.defer(http, interaction.id, &interaction.token).await?;
            let rendered = render(&self.handle(request).await);
            return self.edit_deferred(http, interaction.application_id, &interaction.token, &rendered).await;
        }
        let rendered = render(&self.handle(request).await);
        self.respond(http, interaction.id, &interaction.token, &rendered).await
    }
}

/// A moderator's reload, or the change to the documents it confirms: answered after a
/// deferral, since reloading can take longer than an interaction may wait.
fn takes_long(request: &Request) -> bool {
    let reloads = matches!(request.input, Input::Command(Command::Reload { .. } | Command::ConfirmChange { .. }));
    reloads && request.role == Role::Moderator
}

/// The question in a message: without mentions of users, roles and channels (`<@id>`,
/// `<@!id>`, `<@&id>`, `<#id>`) and without `@everyone` / `@here`, none of which is part of
/// what is asked.
fn strip_mentions(content: &str) -> String {
    let words: Vec<&str> = content
        .split_whitespace()
        .filter(|w| !(w.starts_with("<@") || w.starts_with("<#")) || !w.ends_with('>'))
        .filter(|w| !matches!(*w, "@everyone" | "@here"))
        .collect();
    words.join(" ")
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        let _ = self.bot_id.set(ready.user.id);
        tracing::info!(user = %ready.user.name, shard = ?ready.shard, "connected to Discord");
        let definitions = commands::definitions();
        let registered = if self.guild_ids.is_empty() {
            serenity::all::Command::set_global_commands(&ctx.http, definitions).await.map(|c| c.len())
        } else {
            let mut count = 0;
            for guild in &self.guild_ids {
                match serenity::all::GuildId::new(*guild).set_commands(&ctx.http, definitions.clone()).await {
                    Ok(c) => count += c.len(),
                    Err(e) => tracing::error!(guild, "registering commands failed: {e}"),
                }
            }
            Ok(count)
        };
        match registered {
            Ok(count) => tracing::info!(count, "slash commands registered"),
            Err(e) => tracing::error!("registering slash commands failed: {e}"),
        }
    }

    async fn message(&self, ctx: Context, message: Message) {
        let channel = message.channel_id;
        if let Err(e) = self.on_message(&ctx.http, message).await {
            tracing::error!(%channel, "replying to a message failed: {e}");
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let channel = match &interaction {
            Interaction::Command(command) => Some(command.channel_id),
            Interaction::Component(component) => Some(component.channel_id),
            _ => None,
        };
        let result = match interaction {
            Interaction::Command(command) => self.on_command(&ctx.http, command).await,
            Interaction::Component(component) => self.on_button(&ctx.http, component).await,
            _ => Ok(()),
        };
        if let Err(e) = result {
            tracing::error!(channel = ?channel, "answering an interaction failed: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::strip_mentions;

    #[test]
    fn mentions_are_not_part_of_the_question() {
        assert_eq!(strip_mentions("<@1> @everyone <@!2> <@&3> <#4> Wie   tekende?"), "Wie tekende?");
        assert_eq!(strip_mentions("mail me@here.nl"), "mail me@here.nl");
    }
}
