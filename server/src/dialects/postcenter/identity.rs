//! Who writes to PostCenter, for the gateway: its agents are executives known by their
//! `cmid`. Closing a ticket and asking for its automatic reassignment carry no body and name
//! no one, but still need the agent to be known there. Finding a ticket's API id from the id
//! agents see (`POST /v2/ticket/{id}/by_agent_id/`) is a lookup that changes nothing: it
//! needs no identity.

use crate::upstream::identity::Identities;

pub const IDENTITIES: Identities = Identities {
    required: true,
    writes: &[],
    exempt: &[("POST", "/v2/ticket/{}/by_agent_id/")],
    reads: &[],
};
