//! Gateway payloads as Discord sends them, with the fields serenity requires (a payload
//! missing one becomes `Event::Unknown` and is silently ignored).

use serde_json::{json, Value};

use super::mock::{APP_ID, BOT_ID, GUILD_ID};

/// Role id the tests configure as a moderator role.
pub const MODERATOR_ROLE: &str = "900000000000000010";
/// The Manage Server permission bit.
pub const MANAGE_GUILD: &str = "32";

pub fn user(id: &str) -> Value {
    json!({ "id": id, "username": format!("lid{}", &id[id.len() - 3..]), "discriminator": "0000", "avatar": null,
            "global_name": null, "bot": false })
}

pub fn member(user_id: &str, roles: &[&str], permissions: &str) -> Value {
    json!({ "user": user(user_id), "roles": roles, "joined_at": "2024-01-01T00:00:00.000000+00:00",
            "deaf": false, "mute": false, "flags": 0, "permissions": permissions, "nick": null, "avatar": null })
}

/// A guild message by `author`; `mention_bot` adds the bot to `mentions`.
pub fn message(id: u64, channel: &str, author: &str, content: &str, mention_bot: bool) -> Value {
    let mentions: Vec<Value> = if mention_bot {
        vec![
            json!({ "id": BOT_ID, "username": "briefbot", "discriminator": "0000", "avatar": null, "bot": true }),
        ]
    } else {
        Vec::new()
    };
    let mut member = member(author, &[], "0");
    member.as_object_mut().unwrap().remove("user");
    json!({
        "id": id.to_string(), "channel_id": channel, "guild_id": GUILD_ID,
        "author": user(author), "member": member,
        "content": content, "timestamp": "2026-11-29T10:00:00.000000+00:00", "edited_timestamp": null,
        "tts": false, "mention_everyone": content.contains("@everyone"), "mentions": mentions, "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": false, "type": 0
    })
}

fn interaction(id: u64, kind: u8, data: Value, channel: &str, member: Value, locale: &str) -> Value {
    json!({
        "id": id.to_string(), "application_id": APP_ID, "type": kind, "data": data,
        "guild_id": GUILD_ID, "channel_id": channel, "member": member,
        "token": format!("tok{id}"), "version": 1, "locale": locale, "guild_locale": "nl",
        "app_permissions": "0", "entitlements": [], "attachment_size_limit": 8388608
    })
}

/// A slash command interaction (`type` 2).
pub fn command(id: u64, name: &str, options: Value, channel: &str, member: Value, locale: &str) -> Value {
    let data = json!({ "id": "700000000000000001", "name": name, "type": 1, "options": options });
    interaction(id, 2, data, channel, member, locale)
}

/// A button press (`type` 3) on one of the bot's messages.
pub fn button(id: u64, custom_id: &str, channel: &str, member: Value, locale: &str) -> Value {
    let data = json!({ "custom_id": custom_id, "component_type": 2 });
    let mut value = interaction(id, 3, data, channel, member, locale);
    value["message"] = json!({
        "id": "800000000000000500", "channel_id": channel,
        "author": { "id": BOT_ID, "username": "briefbot", "discriminator": "0000", "avatar": null, "bot": true },
        "content": "", "timestamp": "2026-11-29T10:00:00.000000+00:00", "edited_timestamp": null,
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": false, "type": 0, "components": []
    });
    value
}

pub fn string_option(name: &str, value: &str) -> Value {
    json!({ "name": name, "type": 3, "value": value })
}

/// A direct message to the bot (no guild, no member).
pub fn direct_message(id: u64, channel: &str, author: &str, content: &str) -> Value {
    let mut value = message(id, channel, author, content, false);
    let object = value.as_object_mut().unwrap();
    object.remove("guild_id");
    object.remove("member");
    value
}

/// `/document SUBCOMMAND` with `options`, and an attachment (id 600000000000000001) resolved
/// to `url` when given.
pub fn document_command(
    id: u64,
    subcommand: &str,
    options: Value,
    attachment: Option<(&str, &str, usize)>,
    member: Value,
) -> Value {
    let mut data = json!({ "id": "700000000000000009", "name": "document", "type": 1,
        "options": [{ "name": subcommand, "type": 1, "options": options }] });
    if let Some((file_name, url, size)) = attachment {
        data["resolved"] = json!({ "attachments": { "600000000000000001": {
            "id": "600000000000000001", "filename": file_name, "size": size, "url": url, "proxy_url": url,
            "content_type": "application/octet-stream" } } });
    }
    interaction(id, 2, data, "900000000000000020", member, "nl")
}

/// The attachment option of `/document add`.
pub fn attachment_option() -> Value {
    json!({ "name": "file", "type": 11, "value": "600000000000000001" })
}
