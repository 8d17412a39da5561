//! Answering Discord: a message or interaction response with the rendered content and its
//! buttons (five to a row), mentions always disabled; deferring an interaction whose answer
//! takes long, and putting the answer in place afterwards.

use serenity::all::{
    ApplicationId, ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton, CreateInteractionResponse,
    CreateInteractionResponseMessage, EditInteractionResponse, InteractionId, LightMethod, Route,
};
use serenity::http::{Http, Request as RestRequest};

use super::handler::Handler;
use super::render::Rendered;
use super::rest::RestError;

pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().replied_user(false)
}

pub fn action_rows(rendered: &Rendered) -> Vec<CreateActionRow> {
    if rendered.buttons.is_empty() {
        return Vec::new();
    }
    // Discord takes at most five buttons in a row.
    let button = |b: &super::render::Button| {
        CreateButton::new(b.custom_id.clone()).label(b.label.clone()).style(ButtonStyle::Secondary)
    };
    rendered.buttons.chunks(5).map(|row| CreateActionRow::Buttons(row.iter().map(button).collect())).collect()
}

fn interaction_message(rendered: &Rendered) -> CreateInteractionResponseMessage {
    CreateInteractionResponseMessage::new()
        .content(rendered.content.clone())
        .ephemeral(rendered.private)
        .components(action_rows(rendered))
        .allowed_mentions(no_mentions())
}

pub fn json(body: &impl serde::Serialize) -> Option<Vec<u8>> {
    serde_json::to_vec(body).ok()
}

impl Handler {
    /// Tells Discord the answer will follow (privately); it may then take up to 15 minutes.
    pub async fn defer(&self, http: &Http, id: InteractionId, token: &str) -> Result<(), RestError> {
        let defer = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true));
        let route = Route::InteractionResponse { interaction_id: id, token };
        self.rest.send(http, RestRequest::new(route, LightMethod::Post).body(json(&defer))).await.map(|_| ())
    }

    /// Puts the answer in place of a deferred one.
    pub async fn edit_deferred(
        &self,
        http: &Http,
        application_id: ApplicationId,
        token: &str,
        rendered: &Rendered,
    ) -> Result<(), RestError> {
        let edit = EditInteractionResponse::new()
            .content(rendered.content.clone())
            .components(action_rows(rendered))
            .allowed_mentions(no_mentions());
        let route = Route::WebhookOriginalInteractionResponse { application_id, token };
        self.rest.send(http, RestRequest::new(route, LightMethod::Patch).body(json(&edit))).await.map(|_| ())
    }

    /// Answers an interaction at once.
    pub async fn respond(
        &self,
        http: &Http,
        id: InteractionId,
        token: &str,
        rendered: &Rendered,
    ) -> Result<(), RestError> {
        let response = CreateInteractionResponse::Message(interaction_message(rendered));
        let route = Route::InteractionResponse { interaction_id: id, token };
        self.rest
            .send(http, RestRequest::new(route, LightMethod::Post).body(json(&response)))
            .await
            .map(|_| ())
    }
}
