//! The demo's saved replies (`docs/saved-replies.md`): a few the team would write on its
//! first day, in the languages its customers write, using the variables each backend
//! fills, so the picker has something to offer from the first sign-in.

use super::seed_uuid;
use crate::store::saved_replies::{self, SavedReplyRow};
use crate::store::{StoreError, Tx};
use chrono::{DateTime, Utc};
use switchboard_core::i18n::Lang;
use switchboard_core::saved_replies::SavedText;
use switchboard_core::wire::format_instant;

/// Seed ids of kind 90: apart from every dialect's.
const KIND: u64 = 90;

/// Title, then each language's text.
const REPLIES: &[(&str, &[(Lang, &str)])] = &[
    (
        "Refund on its way",
        &[
            (
                Lang::En,
                "Hello {{customer_name}},\n\nYour refund for order {{reference}} is on its way: \
                 it reaches your account within 5 working days.\n\n{{agent_name}}",
            ),
            (
                Lang::Fr,
                "Bonjour {{customer_name}},\n\nLe remboursement de la commande {{reference}} \
                 est en cours : il arrivera sur votre compte sous 5 jours ouvrés.\n\n{{agent_name}}",
            ),
            (
                Lang::Es,
                "Hola {{customer_name}}:\n\nEl reembolso del pedido {{reference}} está en \
                 camino: llegará a su cuenta en 5 días hábiles.\n\n{{agent_name}}",
            ),
        ],
    ),
    (
        "We are looking into it",
        &[
            (
                Lang::En,
                "Thank you for writing, {{customer_name}}. We are looking into it and will \
                 come back to you today.",
            ),
            (
                Lang::Fr,
                "Merci de votre message, {{customer_name}}. Nous regardons cela et revenons \
                 vers vous aujourd’hui.",
            ),
            (
                Lang::Es,
                "Gracias por escribirnos, {{customer_name}}. Lo estamos revisando y le \
                 respondemos hoy.",
            ),
        ],
    ),
    (
        "About your request (Octopia)",
        &[(
            Lang::Fr,
            "Bonjour,\n\nNous avons bien reçu votre demande ({{typology}}) pour la commande \
             {{reference}}. Nous revenons vers vous sous 24 heures.",
        )],
    ),
    (
        "Ticket received",
        &[
            (
                Lang::Es,
                "Hola {{customer_name}}: recibimos su ticket {{ticket_number}} y ya lo \
                 estamos atendiendo.",
            ),
            (
                Lang::En,
                "Hello {{customer_name}}, we received ticket {{ticket_number}} and are on it.",
            ),
        ],
    ),
    (
        "We will call you back",
        &[(
            Lang::En,
            "We will call you back on {{callback_phone}} within the hour.",
        )],
    ),
];

/// Keeps the demo's replies as the team's, made by the demo's admin.
pub fn seed(conn: &Tx, now: DateTime<Utc>, admin: &str) -> Result<(), StoreError> {
    let at = format_instant(now);
    for (index, (title, texts)) in (0u64..).zip(REPLIES) {
        let texts: Vec<SavedText> = SavedText::all(texts);
        let texts =
            serde_json::to_string(&texts).map_err(|e| StoreError::Database(e.to_string()))?;
        saved_replies::put(
            conn,
            &SavedReplyRow {
                id: seed_uuid(KIND, index),
                owner_id: None,
                title: (*title).to_owned(),
                texts,
                retired: false,
                revision: 1,
                updated_by: admin.to_owned(),
                updated_at: at.clone(),
            },
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_core::saved_replies::{check_edit, SavedReplyEdit};

    #[test]
    fn every_demo_reply_passes_the_checks_an_admin_would_meet() {
        for (title, texts) in REPLIES {
            let edit = SavedReplyEdit {
                title: (*title).to_owned(),
                personal: false,
                texts: SavedText::all(texts),
                retired: false,
                revision: None,
            };
            assert_eq!(check_edit(&edit), [], "{title}");
        }
    }
}
