//! Slash commands (English names with Dutch localizations) and button ids, both mapped to
//! the core's [`Command`].

use serenity::all::{
    CommandDataOptionValue, CommandInteraction, CommandOptionType, CreateCommand, CreateCommandOption,
    Permissions,
};

use super::render::BUTTON_PREFIX;
use crate::conversation::command::{UNANSWERED_DEFAULT_DAYS, UNANSWERED_MAX_DAYS};
use crate::conversation::Command;

/// One slash command: English name and description, Dutch ones.
struct Spec {
    name: &'static str,
    name_nl: &'static str,
    description: &'static str,
    description_nl: &'static str,
    moderators: bool,
}

const SPECS: [Spec; 8] = [
    Spec {
        name: "ask",
        name_nl: "vraag",
        description: "Ask a question about the letter",
        description_nl: "Stel een vraag over de brief",
        moderators: false,
    },
    Spec {
        name: "more",
        name_nl: "meer",
        description: "More passages for your last question",
        description_nl: "Meer passages bij je laatste vraag",
        moderators: false,
    },
    Spec {
        name: "paragraph",
        name_nl: "alinea",
        description: "Show a paragraph in full",
        description_nl: "Toon een alinea in zijn geheel",
        moderators: false,
    },
    Spec {
        name: "documents",
        name_nl: "documenten",
        description: "List the loaded documents",
        description_nl: "Toon de geladen documenten",
        moderators: false,
    },
    Spec {
        name: "help",
        name_nl: "help",
        description: "How to use briefbot",
        description_nl: "Hoe je briefbot gebruikt",
        moderators: false,
    },
    Spec {
        name: "reload",
        name_nl: "herlaad",
        description: "Moderators: reload the documents",
        description_nl: "Moderatoren: documenten opnieuw inlezen",
        moderators: true,
    },
    Spec {
        name: "status",
        name_nl: "status",
        description: "Moderators: documents, index and questions",
        description_nl: "Moderatoren: documenten, index en vragen",
        moderators: true,
    },
    Spec {
        name: "unanswered",
        name_nl: "onbeantwoord",
        description: "Moderators: frequent questions the documents did not answer, answers with 👎",
        description_nl: "Moderatoren: vaak gestelde vragen zonder antwoord, antwoorden met 👎",
        moderators: true,
    },
];

fn option(
    kind: CommandOptionType,
    name: &str,
    name_nl: &str,
    description: &str,
    description_nl: &str,
) -> CreateCommandOption {
    CreateCommandOption::new(kind, name, description)
        .name_localized("nl", name_nl)
        .description_localized("nl", description_nl)
}

/// The commands registered at start-up.
pub fn definitions() -> Vec<CreateCommand> {
    SPECS
        .iter()
        .map(|spec| {
            let mut command = CreateCommand::new(spec.name)
                .description(spec.description)
                .name_localized("nl", spec.name_nl)
                .description_localized("nl", spec.description_nl);
            if spec.moderators {
                // Only a hint for Discord's UI: the check itself happens on every use.
                command = command.default_member_permissions(Permissions::MANAGE_GUILD);
            }
            match spec.name {
                "ask" => command.add_option(
                    option(CommandOptionType::String, "question", "vraag", "Your question", "Je vraag")
                        .required(true),
                ),
                "paragraph" => command
                    .add_option(
                        option(
                            CommandOptionType::Integer,
                            "number",
                            "nummer",
                            "Paragraph number",
                            "Nummer van de alinea",
                        )
                        .required(true)
                        .min_int_value(1),
                    )
                    .add_option(option(
                        CommandOptionType::String,
                        "document",
                        "document",
                        "Document id",
                        "Document-id",
                    )),
                "documents" => command.add_option(
                    option(
                        CommandOptionType::Integer,
                        "page",
                        "pagina",
                        "Page of the list",
                        "Pagina van de lijst",
                    )
                    .min_int_value(1),
                ),
                "reload" => command.add_option(option(
                    CommandOptionType::Boolean,
                    "force",
                    "forceer",
                    "Reload even if the check scripts fail",
                    "Herlaad ook als de controlescripts falen",
                )),
                "unanswered" => command.add_option(
                    option(CommandOptionType::Integer, "days", "dagen", "How many days back", "Hoeveel dagen terug")
                        .min_int_value(1)
                        .max_int_value(u64::from(UNANSWERED_MAX_DAYS)),
                ),
                _ => command,
            }
        })
        .chain(std::iter::once(super::documents::definition()))
        .collect()
}

/// The core command for a slash command, or `None` for one briefbot does not know.
pub fn from_interaction(interaction: &CommandInteraction) -> Option<Command> {
    let option = |name: &str| interaction.data.options.iter().find(|o| o.name == name).map(|o| &o.value);
    let text = |name| match option(name) {
        Some(CommandDataOptionValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    Some(match interaction.data.name.as_str() {
        "ask" => Command::Ask(text("question").unwrap_or_default()),
        "more" => Command::More,
        "paragraph" => {
            let number = match option("number") {
                Some(CommandDataOptionValue::Integer(n)) => u32::try_from(*n).unwrap_or(0),
                _ => 0,
            };
            Command::Paragraph { document: text("document"), number }
        }
        "documents" => {
            let page = match option("page") {
                Some(CommandDataOptionValue::Integer(n)) => u32::try_from(*n).unwrap_or(1).max(1),
                _ => 1,
            };
            Command::Documents { page }
        }
        "help" => Command::Help,
        "reload" => {
            Command::Reload { force: matches!(option("force"), Some(CommandDataOptionValue::Boolean(true))) }
        }
        "status" => Command::Status,
        "unanswered" => {
            let days = match option("days") {
                Some(CommandDataOptionValue::Integer(n)) => u32::try_from(*n).unwrap_or(UNANSWERED_DEFAULT_DAYS),
                _ => UNANSWERED_DEFAULT_DAYS,
            };
            Command::Unanswered { days: days.clamp(1, UNANSWERED_MAX_DAYS) }
        }
        _ => return None,
    })
}

/// The core command for one of briefbot's buttons.
pub fn from_button(custom_id: &str) -> Option<Command> {
    let mut parts = custom_id.splitn(4, ':');
    if parts.next() != Some(BUTTON_PREFIX) {
        return None;
    }
    match (parts.next()?, parts.next(), parts.next()) {
        ("more", None, None) => Some(Command::More),
        ("doc", Some(verdict @ ("ok" | "no")), Some(id)) => {
            let id = id.parse().ok()?;
            Some(if verdict == "ok" { Command::ConfirmChange { id } } else { Command::CancelChange { id } })
        }
        ("vote", Some(verdict @ ("up" | "down")), Some(answer)) => {
            Some(Command::Vote { answer: answer.parse().ok()?, helpful: verdict == "up" })
        }
        ("para", Some(number), Some(document)) => {
            Some(Command::Paragraph { document: Some(document.to_string()), number: number.parse().ok()? })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn button_ids_round_trip() {
        assert_eq!(from_button("bb:more"), Some(Command::More));
        assert_eq!(
            from_button("bb:para:5:participatiesamenleving-2014-04-07"),
            Some(Command::Paragraph {
                document: Some("participatiesamenleving-2014-04-07".into()),
                number: 5
            })
        );
        assert_eq!(from_button("other:more"), None);
        assert_eq!(from_button("bb:para:x:doc"), None);
    }

    #[test]
    fn every_command_has_a_dutch_name() {
        let json = serde_json::to_value(definitions()).unwrap();
        let names: Vec<&str> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name_localizations"]["nl"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["vraag", "meer", "alinea", "documenten", "help", "herlaad", "status", "onbeantwoord", "document"]);
    }
}
