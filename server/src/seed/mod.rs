//! Demo data for an empty store: Switchboard's shared people (the agents) and each
//! dialect's own scenarios, whose [`Seed`]s the top hands over (`dialects::seeds`). Demo files any dialect may attach are in
//! [`files`]. Times are relative to `now`; everything else, ids included, is derived from
//! indices, so two seeds differ only in their times. The demo agents sign in with
//! [`DEMO_PASSWORD`].

pub mod files;
mod saved_replies;

use crate::auth::passwords;
use crate::http::HttpError;
use crate::store::{people, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use std::sync::OnceLock;
use switchboard_core::directory::Agent;
use switchboard_core::session::Role;

/// `(id, name, email)` of the demo agents, whom every dialect's demo data assigns.
pub const AGENTS: [(&str, &str, &str); 5] = [
    (
        "agent-camille",
        "Camille Laurent",
        "camille.laurent@switchboard.example",
    ),
    (
        "agent-javier",
        "Javier Ortega",
        "javier.ortega@switchboard.example",
    ),
    (
        "agent-aisha",
        "Aisha Khan",
        "aisha.khan@switchboard.example",
    ),
    (
        "agent-tomas",
        "Tomás Ruiz",
        "tomas.ruiz@switchboard.example",
    ),
    (
        "agent-ingrid",
        "Ingrid Berg",
        "ingrid.berg@switchboard.example",
    ),
];

/// The demo agents' password, for the demo only (the README says so): a real team creates
/// its agents with `switchboard-server agents create`, and resets these.
pub const DEMO_PASSWORD: &str = "switchboard-demo";

/// The demo agent who may also manage agents.
pub const DEMO_ADMIN_ID: &str = "agent-camille";

/// How a dialect seeds its demo data.
#[derive(Clone, Copy)]
pub struct Seed {
    /// Whether the dialect has no data yet: only then is it seeded.
    pub is_empty: fn(&Tx) -> Result<bool, StoreError>,
    /// Writes its demo data, inside the seed's transaction; the agents are there already.
    pub run: fn(&Tx, DateTime<Utc>) -> Result<(), HttpError>,
}

/// Ids that look like the APIs' own UUIDs but come from the index: a fixed shuffle of the
/// bits, then the version and variant of a v4.
pub fn seed_uuid(kind: u64, index: u64) -> String {
    let mix = |mut x: u64| {
        // splitmix64's finaliser: spreads neighbouring indices over the whole range.
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    };
    let high = mix(kind.wrapping_mul(1_000_003).wrapping_add(index));
    let low = mix(high ^ 0x5bd1_e995);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&high.to_be_bytes());
    bytes[8..].copy_from_slice(&low.to_be_bytes());
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// Seeds every dialect's seed in `seeds` that has no data yet (and the agents with the
/// first of them), in one transaction; says whether it seeded anything.
pub fn seed_if_empty(store: &Store, now: DateTime<Utc>, seeds: &[Seed]) -> Result<bool, HttpError> {
    store.run_blocking(|conn| {
        let mut empty = Vec::new();
        for seed in seeds {
            if (seed.is_empty)(conn)? {
                empty.push(seed);
            }
        }
        if empty.is_empty() {
            give_demo_agents_a_password(conn)?;
            return Ok(false);
        }
        for (id, name, email) in AGENTS {
            people::insert_agent(
                conn,
                &Agent {
                    id: id.to_owned(),
                    name: name.to_owned(),
                    email: email.to_owned(),
                },
            )?;
        }
        people::set_role(conn, DEMO_ADMIN_ID, Role::Admin)?;
        give_demo_agents_a_password(conn)?;
        saved_replies::seed(conn, now, DEMO_ADMIN_ID)?;
        for seed in empty {
            (seed.run)(conn, now)?;
        }
        Ok(true)
    })
}

/// Demo agents without a password (a store seeded before sign-in existed, too) get
/// [`DEMO_PASSWORD`]; one whose password was set is left alone.
fn give_demo_agents_a_password(conn: &Tx) -> Result<(), HttpError> {
    for (id, _, _) in AGENTS {
        let without = people::account_by_id(conn, id)?.is_some_and(|a| a.password_hash.is_none());
        if without {
            people::set_password_hash(conn, id, demo_password_hash())?;
        }
    }
    Ok(())
}

/// [`DEMO_PASSWORD`] hashed once per process (Argon2id is slow on purpose, and the tests
/// start many servers).
fn demo_password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| passwords::hash(DEMO_PASSWORD))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_ids_are_stable_uuids() {
        let id = seed_uuid(1, 7);
        assert_eq!(id, seed_uuid(1, 7));
        assert_ne!(id, seed_uuid(1, 8));
        assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 4);
    }
}
