//! The public contact page on its own: customers write from phones, so their page
//! downloads only what it needs, never the agents' console. Built from `contact.html`
//! beside the console; the server sends it for `/contact`.
//!
//! In the release build (`--cfg switchboard_split`, `scripts/split-console.sh`) the page
//! comes in two: the form with its checks shows at once, and the sending code (where
//! messages go, the message as JSON, the files' upload) is a part fetched as the customer
//! starts on the form. A part that cannot come is said as a message not sent, with the
//! form as it was: sending again fetches it again.

use leptos::prelude::*;
use switchboard::pages::contact::{
    send_contact, ContactPage, ContactSending, Outgoing, SendContact, Sent,
};
use switchboard::part;
use switchboard_core::error::ApiError;

part! {
    /// The sending code: discovery, the connector, the JSON, the upload.
    sending_part, warm_sending -> SendContact = send_contact
}

/// Sends through the part, fetched first if it has not come yet.
fn send(outgoing: Outgoing) -> Sent {
    Box::pin(async move {
        match sending_part().await {
            Ok(send) => send(outgoing).await,
            Err(_) => Err(ApiError::network(
                "the contact page's sending code could not be downloaded",
            )),
        }
    })
}

fn main() {
    console_error_panic_hook::set_once();
    let sending = ContactSending {
        send,
        warm: || {
            Box::pin(async {
                // Not come now, it is fetched again when the message is sent.
                let _ = warm_sending().await;
            })
        },
    };
    leptos::mount::mount_to_body(move || view! { <ContactPage sending /> });
}
