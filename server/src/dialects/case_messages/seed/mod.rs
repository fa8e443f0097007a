//! The case messages demo data: seven repair cases between this console's team (the
//! service partner) and three workshops (service providers), long back-and-forths with
//! replies to earlier messages, every message type, and the platform's reminders; one
//! case with no message yet; two cases of another partner, which this console may not
//! read. Times are relative to `now`; ids are fixed. The partner's own cases are followed
//! (`/api/follows/case-messages`), the other partner's are not.
//!
//! The first case is the document's own example (its guid, case id 7748, message ids from
//! 4377): the console's end-to-end test works on it, and its newest message, the
//! workshop's shipment, is the newest of all and waits for confirmation.

mod scenarios;

use super::store::{self, CaseRecord, MessageFields};
use super::{NAME, PARTNER_ACCOUNT_ID, PLATFORM_ACCOUNT_ID};
use crate::http::HttpError;
use crate::seed::{seed_uuid, Seed, AGENTS};
use crate::store::{follows, StoreError, Tx};
use chrono::{DateTime, Duration, Utc};
use scenarios::{Line, Who, ESPRESSO, PROVIDERS, SCRIPTS, SHIPMENT};
use switchboard_core::wire::case_messages::SenderType;
use switchboard_core::wire::format_instant;

/// The fixed case: the document's example guid and case id.
pub const CASE_GUID: &str = "1e0abcb7-b94c-4072-a9c0-37072a1ef015";
pub const CASE_ID: i64 = 7748;
/// The ids of the fixed case's messages are `FIRST_MESSAGE_ID..FIRST_MESSAGE_ID + 9`
/// (the document's confirm example starts at 4377); the last one is unconfirmed.
pub const FIRST_MESSAGE_ID: i64 = 4377;
pub const CASE_MESSAGE_COUNT: usize = ESPRESSO.len();
/// The followed cases: the scripted ones and the empty one.
pub const FOLLOWED_CASE_COUNT: usize = SCRIPTS.len() + 1;
/// A followed case with no message yet.
pub const EMPTY_CASE_GUID: &str = "5d1c8f0e-2b7a-4c39-9e64-0f3a7d2b1c58";
/// Another partner's case: "No access" for this console; and the id of its first message.
pub const FOREIGN_CASE_GUID: &str = "9b2e4f6a-1c3d-4e5f-8a7b-6c5d4e3f2a1b";
pub const FOREIGN_MESSAGE_ID: i64 = message_id(FOREIGN_INDEX, 0);
/// The other partner.
pub const OTHER_PARTNER_ACCOUNT_ID: i64 = 1077;

/// Cases are numbered by index: the scripted ones from 0, then the empty one, then the
/// other partner's two.
const EMPTY_INDEX: usize = SCRIPTS.len();
const FOREIGN_INDEX: usize = EMPTY_INDEX + 1;
/// Ids leave room for a script of up to this many messages.
const MESSAGE_ID_STRIDE: i64 = 40;

/// The id of message `k` of case `index`.
pub const fn message_id(index: usize, k: usize) -> i64 {
    FIRST_MESSAGE_ID + index as i64 * MESSAGE_ID_STRIDE + k as i64
}

/// How the dialects list seeds this API.
pub const SEED: Seed = Seed { is_empty, run };

fn is_empty(conn: &Tx) -> Result<bool, StoreError> {
    Ok(store::count_cases(conn)? == 0)
}

fn run(conn: &Tx, now: DateTime<Utc>) -> Result<(), HttpError> {
    for demo in demo_cases(now) {
        store::insert_case(conn, &demo.case)?;
        for (id, message) in &demo.messages {
            store::insert_message(conn, Some(*id), message)?;
        }
        if demo.case.partner_account_id == PARTNER_ACCOUNT_ID {
            follows::follow(conn, NAME, &demo.case.guid, &demo.case.created_at, None)?;
        }
    }
    Ok(())
}

/// One seeded case and its messages (with their ids), oldest first.
pub struct Demo {
    pub case: CaseRecord,
    pub messages: Vec<(i64, MessageFields)>,
}

fn guid(index: usize) -> String {
    match index {
        0 => CASE_GUID.to_owned(),
        EMPTY_INDEX => EMPTY_CASE_GUID.to_owned(),
        FOREIGN_INDEX => FOREIGN_CASE_GUID.to_owned(),
        _ => seed_uuid(30, index as u64),
    }
}

/// Every seeded case: the scripted ones (the fixed one first and newest), the empty one,
/// the other partner's.
pub fn demo_cases(now: DateTime<Utc>) -> Vec<Demo> {
    let mut all: Vec<Demo> = SCRIPTS
        .iter()
        .enumerate()
        .map(|(index, script)| scripted(index, script, PARTNER_ACCOUNT_ID, now))
        .collect();
    all.push(Demo {
        case: CaseRecord {
            id: case_id(EMPTY_INDEX),
            guid: guid(EMPTY_INDEX),
            partner_account_id: PARTNER_ACCOUNT_ID,
            created_at: format_instant(now - Duration::hours(5)),
        },
        messages: Vec::new(),
    });
    for (k, script) in SCRIPTS[1..3].iter().enumerate() {
        let index = FOREIGN_INDEX + k;
        all.push(scripted(index, script, OTHER_PARTNER_ACCOUNT_ID, now));
    }
    all
}

fn case_id(index: usize) -> i64 {
    CASE_ID + index as i64 * 13
}

/// Who confirms what `who` wrote: the workshop the partner's messages, the partner the
/// others'.
fn reader_of(who: Who) -> Who {
    match who {
        Who::Partner => Who::Provider,
        Who::Provider | Who::Platform => Who::Partner,
    }
}

fn scripted(index: usize, script: &[Line], partner: i64, now: DateTime<Utc>) -> Demo {
    let n = index as i64;
    // The fixed case's last message 4 minutes ago; the others from 40 minutes to weeks.
    let last_at = now - Duration::minutes(4 + n * n * 170 + n * 36);
    let mut at = Vec::with_capacity(script.len());
    let mut t = last_at;
    for k in (0..script.len()).rev() {
        at.push(t);
        t -= Duration::minutes(150 + (n * 211 + k as i64 * 97) % 1300);
    }
    at.reverse();
    let provider = &PROVIDERS[index % PROVIDERS.len()];
    let messages = script
        .iter()
        .enumerate()
        .map(|(k, &(who, kind, reply_to, text))| {
            // Confirmed by its reader just before they next wrote; what they have not
            // answered yet is unconfirmed.
            let confirmed_at = script[k + 1..]
                .iter()
                .zip(&at[k + 1..])
                .find(|((later, ..), _)| *later == reader_of(who))
                .map(|(_, when)| format_instant(*when - Duration::minutes(7)));
            let created_at = format_instant(at[k]);
            // A shipment is declared when the parcel left, before it was written down.
            let declared_at = if kind == SHIPMENT {
                format_instant(at[k] - Duration::hours(2))
            } else {
                created_at.clone()
            };
            let agent = AGENTS[(index + k / 4) % AGENTS.len()];
            let (sender_type, account, email, name, external_id) = match who {
                Who::Partner => (
                    Some(SenderType::Partner),
                    Some(partner),
                    Some(agent.2.to_owned()),
                    Some(agent.1.to_owned()),
                    Some(seed_uuid(31, message_id(index, k) as u64)),
                ),
                Who::Provider => (
                    Some(SenderType::Provider),
                    Some(provider.account_id),
                    Some(provider.email.to_owned()),
                    Some(provider.technician.to_owned()),
                    Some(format!("RS-{}-{:02}", case_id(index), k + 1)),
                ),
                Who::Platform => (None, Some(PLATFORM_ACCOUNT_ID), None, None, None),
            };
            let fields = MessageFields {
                case_id: case_id(index),
                parent_message_id: reply_to.map(|r| message_id(index, r)),
                sender_account_id: account,
                sender_type: sender_type.map(|s| s.to_string()),
                content: Some(text.to_owned()),
                kind: kind.to_owned(),
                external_id,
                user_email: email,
                user_name: name,
                agent_id: (who == Who::Partner && partner == PARTNER_ACCOUNT_ID)
                    .then(|| agent.0.to_owned()),
                declared_at,
                updated_at: confirmed_at.clone().unwrap_or_else(|| created_at.clone()),
                confirmed_at,
                created_at,
            };
            (message_id(index, k), fields)
        })
        .collect();
    Demo {
        case: CaseRecord {
            id: case_id(index),
            guid: guid(index),
            partner_account_id: partner,
            created_at: format_instant(at[0] - Duration::hours(1)),
        },
        messages,
    }
}

#[cfg(test)]
mod tests;
