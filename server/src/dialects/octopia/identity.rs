//! Who writes to Octopia, for the gateway: a reply (`POST /messages`) names its writer as
//! `userId` (the agent's Octopia user id) with `userType: Seller`, as embedded mode sets it
//! from the signed-in agent. Opening, closing and marking read name no one, but still need
//! the agent to be known on Octopia.

use crate::upstream::identity::{Field, Identities, Source, Write};

pub const IDENTITIES: Identities = Identities {
    required: true,
    writes: &[Write {
        method: "POST",
        path: "/messages",
        fields: &[
            Field::Author("userId", Source::VendorId),
            Field::Fixed("userType", "Seller"),
        ],
    }],
    exempt: &[],
    reads: &[],
};
