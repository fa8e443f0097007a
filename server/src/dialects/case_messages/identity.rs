//! Who writes to case messages, for the gateway: a new message names the person who wrote it
//! by `userEmail` and `userName` (the document's own fields), as embedded mode sets them from
//! the signed-in agent. Confirming messages names no one, but still needs the agent to be
//! known there.

use crate::upstream::identity::{Field, Identities, Source, Write};

pub const IDENTITIES: Identities = Identities {
    required: true,
    writes: &[Write {
        method: "POST",
        path: "/case-messages/create",
        fields: &[
            Field::Author("userEmail", Source::Email),
            Field::Author("userName", Source::Name),
        ],
    }],
    exempt: &[],
    reads: &[],
};
