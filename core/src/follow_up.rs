//! The customer's private link: after a contact message, the customer gets a link with an
//! unguessable token, where they read the agents' answers and write again in the same
//! conversation, and nowhere else. Shared by the server (which answers it) and the
//! console's public follow-up page (which reads it).
//!
//! The token travels in the page's fragment (`/contact/follow-up#TOKEN`), which browsers
//! never send to a server nor put in a `Referer`; the page sends it to the API in the path
//! of [`follow_up_path`].

use serde::{Deserialize, Serialize};

/// The console's public page for a follow-up link; the token is its fragment.
pub const FOLLOW_UP_PAGE: &str = "/contact/follow-up";

/// The link a customer keeps, relative to the console's origin.
pub fn follow_up_page_link(token: &str) -> String {
    format!("{FOLLOW_UP_PAGE}#{token}")
}

/// Where the API reads (`GET`) and writes to (`POST …/messages`) a link's conversation,
/// under the base path of the backend that took the contact message.
pub fn follow_up_path(base_path: &str, token: &str) -> String {
    format!("{base_path}/follow-up/{token}")
}

/// Who wrote a message, as the customer sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Author {
    /// The customer themself.
    Customer,
    /// Someone from support.
    Agent,
}

/// One message of the conversation, as the customer may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpMessage {
    pub id: String,
    pub author: Author,
    /// The agent's name for an agent's message; the customer's own name otherwise.
    pub author_name: String,
    pub body: String,
    /// RFC 3339.
    pub sent_at: String,
    /// The files sent with it, fetched through the same link ([`follow_up_attachment_path`]).
    /// Absent from servers that show none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<FollowUpAttachment>,
}

/// A file of a message, as the customer may see it: never where the server keeps it,
/// only what the link's own route needs to fetch it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpAttachment {
    pub id: String,
    pub name: String,
    pub media_type: String,
    pub size: u64,
}

/// What a follow-up link shows: the reference the customer was given, whether support
/// still considers it open, the messages, oldest first, and until when the link works.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub reference: String,
    pub open: bool,
    pub messages: Vec<FollowUpMessage>,
    /// When the link stops working unless used again (RFC 3339); each use renews it.
    /// Absent from servers that never expire links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_expires_at: Option<String>,
}

/// Where a file of the link's conversation is fetched: through the link itself, so it
/// opens what the link opens and nothing else.
pub fn follow_up_attachment_path(base_path: &str, token: &str, id: &str) -> String {
    format!("{}/attachments/{id}", follow_up_path(base_path, token))
}

/// `POST …/follow-up/{token}/messages`'s body (alone as JSON, or as the `message` part
/// beside the `files` part): the customer writes again; with files, the text may be empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpWrite {
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_stays_in_the_fragment_of_the_page_and_in_the_api_path() {
        assert_eq!(follow_up_page_link("abc"), "/contact/follow-up#abc");
        assert_eq!(
            follow_up_path("/communication/v1", "abc"),
            "/communication/v1/follow-up/abc"
        );
        assert_eq!(
            follow_up_attachment_path("/communication/v1", "abc", "f1"),
            "/communication/v1/follow-up/abc/attachments/f1"
        );
    }

    #[test]
    fn a_follow_up_reads_as_the_server_writes_it() {
        let raw = r#"{"reference":"C-4QK7M2XD","open":true,"messages":[{"id":"m1","author":"agent","authorName":"Camille","body":"Hi","sentAt":"2026-11-25T10:00:00.000Z"}]}"#;
        let follow_up: FollowUp = serde_json::from_str(raw).unwrap();
        assert_eq!(follow_up.messages[0].author, Author::Agent);
        assert_eq!(serde_json::to_string(&follow_up).unwrap(), raw);
    }

    #[test]
    fn a_message_with_a_photo_names_it_without_saying_where_it_is_kept() {
        let raw = r#"{"reference":"C-1","open":true,"messages":[{"id":"m1","author":"customer","authorName":"Ana","body":"","sentAt":"2026-11-25T10:00:00.000Z","attachments":[{"id":"f1","name":"box.png","mediaType":"image/png","size":2048}]}]}"#;
        let follow_up: FollowUp = serde_json::from_str(raw).unwrap();
        assert_eq!(follow_up.messages[0].attachments[0].name, "box.png");
        assert_eq!(serde_json::to_string(&follow_up).unwrap(), raw);
    }
}
