//! The messages the conversation page's native tests are made of: one customer's
//! message, named by its id, which each test then changes where it matters.

use switchboard_core::domain::{Author, AuthorKind, Message};

/// A customer's message whose body is its id, unread state and time unknown.
pub fn customer_message(id: &str) -> Message {
    Message {
        id: id.to_owned(),
        author: Author {
            kind: AuthorKind::Customer,
            id: None,
            name: None,
            role: None,
        },
        body: id.to_owned(),
        read: None,
        recipients: Vec::new(),
        sent_at: None,
        delivery: None,
        attachments: Vec::new(),
        kind: None,
        in_reply_to: None,
    }
}
