//! `/document add|replace|remove` (Dutch: `/document toevoegen|vervangen|verwijderen`): the
//! attachment is downloaded (only from Discord's CDN, or from `discord.api_url`'s host, and
//! never more than the upload limit), and the core gets a [`DocumentRequest`]. The answer is
//! deferred: reading a PDF can take longer than an interaction may wait.

use serenity::all::{
    Attachment, CommandDataOption, CommandDataOptionValue, CommandInteraction, CommandOptionType, CreateCommand,
    CreateCommandOption, Permissions,
};

use crate::conversation::{DocumentRequest, Input, Role};
use crate::import::{Overrides, Upload};

/// The slash command's name.
pub const NAME: &str = "document";

/// Hosts attachments are downloaded from (besides `discord.api_url`'s).
const CDN_HOSTS: [&str; 2] = ["cdn.discordapp.com", "media.discordapp.net"];

fn option(kind: CommandOptionType, name: &str, name_nl: &str, description: &str, description_nl: &str) -> CreateCommandOption {
    CreateCommandOption::new(kind, name, description)
        .name_localized("nl", name_nl)
        .description_localized("nl", description_nl)
}

fn metadata_options(sub: CreateCommandOption) -> CreateCommandOption {
    sub.add_sub_option(option(CommandOptionType::String, "title", "titel", "Title in references", "Titel in bronvermeldingen"))
        .add_sub_option(option(CommandOptionType::String, "date", "datum", "Date, YYYY-MM-DD", "Datum, JJJJ-MM-DD"))
        .add_sub_option(option(
            CommandOptionType::String,
            "reference",
            "kenmerk",
            "Dossier and number, e.g. 33 750 VII, nr. 56",
            "Dossier en nummer, bijv. 33 750 VII, nr. 56",
        ))
}

fn file_option() -> CreateCommandOption {
    option(CommandOptionType::Attachment, "file", "bestand", "PDF, HTML/XML publication or text", "PDF, HTML/XML-publicatie of tekst")
        .required(true)
}

fn name_option(required: bool) -> CreateCommandOption {
    option(CommandOptionType::String, "name", "naam", "Document name (see /documents)", "Naam van het document (zie /documenten)")
        .required(required)
}

/// The `/document` command with its three subcommands, for moderators.
pub fn definition() -> CreateCommand {
    let sub = |name, name_nl, description, description_nl| {
        option(CommandOptionType::SubCommand, name, name_nl, description, description_nl)
    };
    let add = sub("add", "toevoegen", "Add a document", "Voeg een document toe").add_sub_option(file_option());
    let replace =
        sub("replace", "vervangen", "Replace a document", "Vervang een document").add_sub_option(name_option(true));
    CreateCommand::new(NAME)
        .description("Moderators: add, replace or remove a document")
        .name_localized("nl", "document")
        .description_localized("nl", "Moderatoren: een document toevoegen, vervangen of verwijderen")
        .default_member_permissions(Permissions::MANAGE_GUILD)
        .add_option(metadata_options(add.add_sub_option(name_option(false))))
        .add_option(metadata_options(replace.add_sub_option(file_option())))
        .add_option(sub("remove", "verwijderen", "Remove a document", "Verwijder een document").add_sub_option(name_option(true)))
}

/// What a `/document` interaction asks, before the attachment is fetched.
pub struct Call<'a> {
    subcommand: String,
    options: Vec<CommandDataOption>,
    attachment: Option<&'a Attachment>,
}

impl<'a> Call<'a> {
    pub fn of(interaction: &'a CommandInteraction) -> Option<Call<'a>> {
        let first = interaction.data.options.first()?;
        let CommandDataOptionValue::SubCommand(options) = &first.value else { return None };
        let attachment = options.iter().find_map(|o| match &o.value {
            CommandDataOptionValue::Attachment(id) => interaction.data.resolved.attachments.get(id),
            _ => None,
        });
        Some(Call { subcommand: first.name.clone(), options: options.clone(), attachment })
    }

    fn text(&self, name: &str) -> Option<String> {
        self.options.iter().find(|o| o.name == name).and_then(|o| match &o.value {
            CommandDataOptionValue::String(s) => Some(s.clone()),
            _ => None,
        })
    }

    /// The core's input, downloading the attachment for a moderator (a member's request is
    /// refused by the core without it); `None` when the download failed.
    pub async fn input(&self, client: &reqwest::Client, api_url: Option<&str>, role: Role, max: u64) -> Option<Input> {
        let overrides = Overrides {
            name: self.text("name"),
            title: self.text("title"),
            date: self.text("date"),
            reference: self.text("reference"),
        };
        let name = overrides.name.clone().unwrap_or_default();
        let upload = match (role, self.attachment) {
            (Role::Moderator, Some(attachment)) => download(client, api_url, attachment, max).await?,
            (_, attachment) => Upload {
                file_name: attachment.map(|a| a.filename.clone()).unwrap_or_default(),
                bytes: Vec::new(),
                size: 0,
            },
        };
        Some(Input::Document(match self.subcommand.as_str() {
            "remove" => DocumentRequest::Remove { name },
            "replace" => DocumentRequest::Replace { name, upload, overrides },
            _ => DocumentRequest::Add { upload, overrides },
        }))
    }
}

/// The attachment's bytes; none when it is over `max` (the core then says so), `None` when it
/// cannot be fetched from an allowed host.
async fn download(client: &reqwest::Client, api_url: Option<&str>, attachment: &Attachment, max: u64) -> Option<Upload> {
    let mut upload = Upload { file_name: attachment.filename.clone(), bytes: Vec::new(), size: u64::from(attachment.size) };
    if upload.size > max {
        return Some(upload);
    }
    match fetch(client, api_url, &attachment.url, max).await {
        Ok(bytes) => {
            upload.size = bytes.len() as u64;
            upload.bytes = bytes;
            Some(upload)
        }
        Err(error) => {
            // Without the query: Discord signs attachment URLs there.
            let url = attachment.url.split('?').next().unwrap_or_default();
            tracing::warn!(%error, url, "an attachment could not be downloaded");
            None
        }
    }
}

async fn fetch(client: &reqwest::Client, api_url: Option<&str>, url: &str, max: u64) -> Result<Vec<u8>, String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| e.to_string())?;
    let allowed_api = api_url.and_then(|a| reqwest::Url::parse(a).ok()).and_then(|a| a.host_str().map(String::from));
    let host = parsed.host_str().unwrap_or_default();
    if !CDN_HOSTS.contains(&host) && allowed_api.as_deref() != Some(host) {
        return Err(format!("attachments come from Discord's CDN, not from {host}"));
    }
    let mut response = client.get(parsed).send().await.map_err(|e| e.to_string())?;
    if !response.status().is_success() {
        return Err(format!("the CDN answered {}", response.status()));
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| e.to_string())? {
        bytes.extend_from_slice(&chunk);
        if bytes.len() as u64 > max {
            return Err(format!("more than {max} bytes"));
        }
    }
    Ok(bytes)
}
