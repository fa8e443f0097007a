//! Octopia's demo data: 30 discussions and 8 claims across three sales channels, in
//! French, open and closed, to treat and treated, read and unread, spread over about four
//! months before `now`; a few carry files. One claim is fixed, field for field, for the
//! console's end-to-end test: its constants are below, and it is the newest of all.
//!
//! Customers and the care team write through Octopia itself, not through this (seller's)
//! API, so their messages are written here directly: the discussion is then to treat and
//! their messages unread unless the seller has looked.

mod scenarios;

use super::store::{self, DiscussionRecord, MessageRecord, PartyRecord};
use super::typologies::{self, COLIS_ENDOMMAGE};
use super::{eligible_receivers, CUSTOMER_SERVICE_ID, CUSTOMER_SERVICE_NAME};
use crate::http::HttpError;
use crate::seed::files::{demo_files_by_message, pdf, screenshot_png};
use crate::seed::{seed_uuid, Seed, AGENTS};
use crate::store::files::NewFile;
use crate::store::{StoreError, Tx};
use chrono::{DateTime, Duration, Utc};
use scenarios::{DemoFile, Scenario, Who, CLAIMS, CUSTOMERS, DISCUSSIONS, SCRIPT_DISCUSSION};
use switchboard_core::wire::format_instant;
use switchboard_core::wire::octopia::{GraduationCode, ProcessStatus, UserType, ATTACHMENT_POLICY};

/// The fixed claim of the console's end-to-end test.
pub const CLAIM_ID: &str = "oct-claim-2511-PAQ7731";
pub const CLAIM_ORDER_REFERENCE: &str = "2511PAQ7731";
pub const CLAIM_SUB_TYPOLOGY_CODE: &str = COLIS_ENDOMMAGE;
pub const CLAIM_SUBJECT: &str = "Colis endommagé à la livraison";
pub const CLAIM_CUSTOMER_ID: &str = "cust-camille-martin";
pub const CLAIM_CUSTOMER_NAME: &str = "Camille Martin";
pub const CLAIM_SALES_CHANNEL: &str = "CDISCOUNT";
/// Its two messages: the customer's (read), then the care team's (unread, the newest of
/// every seeded discussion).
pub const CLAIM_CUSTOMER_MESSAGE: &str = "Bonjour, le colis est arrivé éventré et le vase qu'il contenait est cassé. Je souhaite un remboursement ou un nouveau vase.";
pub const CLAIM_SERVICE_MESSAGE: &str = "Bonjour, le service client intervient sur cette réclamation. Vendeur, merci de proposer une solution à Camille Martin sous 48 heures : remplacement ou remboursement.";

pub const SALES_CHANNELS: [&str; 3] = ["CDISCOUNT", "CDISCOUNT_PRO", "CDISCOUNT_BE"];
/// The seller this console answers for.
pub const SELLER_ID: &str = "seller-maison-lumiere";
pub const SELLER_NAME: &str = "Maison Lumière";
/// Plain discussions, and claims (the fixed one included).
pub const DISCUSSION_COUNT: u32 = 30;
pub const CLAIM_COUNT: u32 = 8;

/// How the dialects list seeds this API.
pub const SEED: Seed = Seed { is_empty, run };

fn is_empty(conn: &Tx) -> Result<bool, StoreError> {
    Ok(store::count_all_discussions(conn)? == 0)
}

fn run(conn: &Tx, now: DateTime<Utc>) -> Result<(), HttpError> {
    for demo in demo_discussions(now)? {
        store::insert_discussion(conn, &demo.discussion)?;
        for message in &demo.messages {
            store::insert_message(conn, message)?;
        }
        for (message_id, files) in &demo.files {
            store::insert_message_files(conn, message_id, files)?;
        }
    }
    Ok(())
}

/// One seeded discussion: its row, its messages (oldest first) and their files.
pub struct Demo {
    pub discussion: DiscussionRecord,
    pub messages: Vec<MessageRecord>,
    pub files: Vec<(String, Vec<NewFile>)>,
}

/// Every seeded discussion, the fixed claim first.
pub fn demo_discussions(now: DateTime<Utc>) -> Result<Vec<Demo>, HttpError> {
    let mut all = vec![fixed_claim(now)];
    for i in 0..DISCUSSION_COUNT {
        let scenario = match i {
            8 => &SCRIPT_DISCUSSION,
            _ => &DISCUSSIONS[(i as usize * 3) % DISCUSSIONS.len()],
        };
        // From 20 minutes to about 110 days ago, denser near now.
        let last_at = now - Duration::minutes(20 + i64::from(i * i) * 190);
        all.push(demo(Kind::Discussion, i, scenario, last_at)?);
    }
    for j in 1..CLAIM_COUNT {
        let scenario = &CLAIMS[(j as usize - 1) % CLAIMS.len()];
        let last_at = now - Duration::minutes(45 + i64::from(j * j) * 2900);
        all.push(demo(Kind::Claim, j, scenario, last_at)?);
    }
    Ok(all)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Discussion,
    Claim,
}

fn seller() -> PartyRecord {
    party(SELLER_ID, UserType::Seller, SELLER_NAME)
}

fn party(id: &str, user_type: UserType, name: &str) -> PartyRecord {
    PartyRecord {
        user_id: id.to_owned(),
        user_type: user_type.to_string(),
        name: Some(name.to_owned()),
    }
}

/// `2509KRT4821`: year and month, three letters, four digits, from the index alone.
fn order_reference(n: u32) -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    let letter = |k: u32| char::from(LETTERS[(k as usize) % LETTERS.len()]);
    format!(
        "25{:02}{}{}{}{:04}",
        7 + n % 5,
        letter(n * 7),
        letter(n * 11 + 3),
        letter(n * 13 + 5),
        1000 + (n * 7919) % 9000
    )
}

fn fixed_claim(now: DateTime<Utc>) -> Demo {
    let customer = party(CLAIM_CUSTOMER_ID, UserType::Customer, CLAIM_CUSTOMER_NAME);
    let service = party(
        CUSTOMER_SERVICE_ID,
        UserType::CustomerService,
        CUSTOMER_SERVICE_NAME,
    );
    let first_at = format_instant(now - Duration::hours(26));
    let last_at = format_instant(now - Duration::minutes(3));
    let message =
        |k: u64, from: &PartyRecord, to: Vec<PartyRecord>, body: &str, at: &str, has_read| {
            MessageRecord {
                id: seed_uuid(12, 9_000 + k),
                discussion_id: CLAIM_ID.to_owned(),
                body: body.to_owned(),
                sender_id: from.user_id.clone(),
                sender_name: from.name.clone().unwrap_or_default(),
                user_type: from.user_type.clone(),
                created_at: at.to_owned(),
                has_read,
                receivers: to,
                attachments: Vec::new(),
            }
        };
    Demo {
        discussion: DiscussionRecord {
            id: CLAIM_ID.to_owned(),
            subject: CLAIM_SUBJECT.to_owned(),
            order_reference: CLAIM_ORDER_REFERENCE.to_owned(),
            order_id: "ORD-7731004512".to_owned(),
            offer_id: Some("OFF-562310".to_owned()),
            product_id: Some("VASE-CERAMIQUE-30".to_owned()),
            typology_code: typologies::typology_of(COLIS_ENDOMMAGE)
                .unwrap_or_default()
                .to_owned(),
            sub_typology_code: CLAIM_SUB_TYPOLOGY_CODE.to_owned(),
            status: ProcessStatus::ToTreat.to_string(),
            is_open: true,
            graduation_code: GraduationCode::Claim.to_string(),
            customer_id: CLAIM_CUSTOMER_ID.to_owned(),
            customer_name: CLAIM_CUSTOMER_NAME.to_owned(),
            seller_id: SELLER_ID.to_owned(),
            sales_channel: CLAIM_SALES_CHANNEL.to_owned(),
            created_at: first_at.clone(),
            updated_at: last_at.clone(),
        },
        messages: vec![
            message(
                1,
                &customer,
                vec![seller(), service.clone()],
                CLAIM_CUSTOMER_MESSAGE,
                &first_at,
                true,
            ),
            message(
                2,
                &service,
                vec![seller(), customer.clone()],
                CLAIM_SERVICE_MESSAGE,
                &last_at,
                false,
            ),
        ],
        files: Vec::new(),
    }
}

fn demo(
    kind: Kind,
    index: u32,
    scenario: &Scenario,
    last_at: DateTime<Utc>,
) -> Result<Demo, HttpError> {
    let i = i64::from(index);
    let n = if kind == Kind::Claim {
        100 + index
    } else {
        index
    };
    let (customer_id, customer_name) = CUSTOMERS[(n as usize * 7) % CUSTOMERS.len()];
    let first_name = customer_name.split(' ').next().unwrap_or(customer_name);
    let reference = order_reference(n);
    let id = match kind {
        Kind::Discussion => format!("oct-disc-{}-{}", &reference[..4], &reference[4..]),
        Kind::Claim => format!("oct-claim-{}-{}", &reference[..4], &reference[4..]),
    };
    let closed = match kind {
        Kind::Discussion => index % 5 == 4,
        Kind::Claim => index % 4 == 3,
    };
    // A closed one is told in full; the others stop at different points, some waiting for
    // the seller.
    let total = scenario.messages.len();
    let count = match kind {
        _ if closed => total,
        Kind::Discussion => 1 + (index as usize * 3 + 1) % total,
        // Half the claims wait on the care team's word, the others are told in full.
        Kind::Claim if index % 2 == 1 => 2.min(total),
        Kind::Claim => total,
    };
    let lines = &scenario.messages[..count];
    let answered = lines.iter().rposition(|(who, _)| *who == Who::Seller);
    let to_treat = lines.last().is_some_and(|(who, _)| *who != Who::Seller);
    // Some waiting messages have been read but not answered yet.
    let seen = index % 4 == 1;

    let mut at = Vec::with_capacity(count);
    let mut t = last_at;
    for k in (0..count).rev() {
        at.push(t);
        t -= Duration::minutes(90 + (i * 37 + k as i64 * 53) % 1500);
    }
    at.reverse();

    let customer = party(customer_id, UserType::Customer, customer_name);
    let service = party(
        CUSTOMER_SERVICE_ID,
        UserType::CustomerService,
        CUSTOMER_SERVICE_NAME,
    );
    let agent = AGENTS[(n as usize) % AGENTS.len()];
    let discussion = DiscussionRecord {
        id: id.clone(),
        subject: scenario.subject.to_owned(),
        order_reference: reference.clone(),
        order_id: format!("ORD-{}", 7_000_000_000u64 + u64::from(n) * 104_729),
        offer_id: Some(format!("OFF-{}", 540_000 + n * 37)),
        product_id: Some(scenario.product.to_owned()),
        typology_code: typologies::typology_of(scenario.sub_typology)
            .unwrap_or_default()
            .to_owned(),
        sub_typology_code: scenario.sub_typology.to_owned(),
        status: if to_treat {
            ProcessStatus::ToTreat
        } else {
            ProcessStatus::Treated
        }
        .to_string(),
        is_open: !closed,
        graduation_code: match kind {
            Kind::Discussion => GraduationCode::Discussion,
            Kind::Claim => GraduationCode::Claim,
        }
        .to_string(),
        customer_id: customer_id.to_owned(),
        customer_name: customer_name.to_owned(),
        seller_id: SELLER_ID.to_owned(),
        sales_channel: SALES_CHANNELS[(n as usize) % SALES_CHANNELS.len()].to_owned(),
        created_at: format_instant(at[0]),
        updated_at: format_instant(last_at),
    };
    let messages: Vec<MessageRecord> = lines
        .iter()
        .enumerate()
        .map(|(k, (who, template))| {
            let (from, to) = match who {
                Who::Customer if kind == Kind::Claim => {
                    (customer.clone(), vec![seller(), service.clone()])
                }
                Who::Customer => (customer.clone(), vec![seller()]),
                Who::Service => (service.clone(), vec![seller(), customer.clone()]),
                Who::Seller => (
                    party(agent.0, UserType::Seller, agent.1),
                    eligible_receivers(&discussion),
                ),
            };
            let unanswered = answered.is_none_or(|last| k > last);
            MessageRecord {
                id: seed_uuid(12, u64::from(n) * 16 + k as u64),
                discussion_id: id.clone(),
                body: template
                    .replace("{first}", first_name)
                    .replace("{ref}", &reference),
                sender_id: from.user_id,
                sender_name: from.name.unwrap_or_default(),
                user_type: from.user_type,
                created_at: format_instant(at[k]),
                has_read: *who == Who::Seller || !unanswered || seen || closed,
                receivers: to,
                attachments: Vec::new(),
            }
        })
        .collect();
    let files = demo_files(n, scenario, &messages, &reference)?;
    Ok(Demo {
        discussion,
        messages,
        files,
    })
}

/// The scenario's files that land on a message told, checked like uploads.
fn demo_files(
    n: u32,
    scenario: &Scenario,
    messages: &[MessageRecord],
    reference: &str,
) -> Result<Vec<(String, Vec<NewFile>)>, HttpError> {
    let files = scenario.files.iter().map(|(k, file)| {
        let (name, data) = match file {
            DemoFile::Invoice => (
                format!("facture-{reference}.pdf"),
                pdf(
                    &format!("Facture {reference}"),
                    &[
                        "Maison Lumiere",
                        &format!("Commande {reference}"),
                        "Total TTC : 89,90 EUR",
                    ],
                ),
            ),
            DemoFile::Proof => (
                format!("preuve-de-depot-{reference}.pdf"),
                pdf(
                    "Preuve de depot",
                    &[
                        &format!("Commande {reference}"),
                        "Colis remis au transporteur.",
                    ],
                ),
            ),
            DemoFile::Manual => (
                "notice.pdf".to_owned(),
                pdf(
                    "Notice d'utilisation",
                    &[
                        "1. Deballez l'appareil.",
                        "2. Lisez les consignes de securite.",
                    ],
                ),
            ),
            DemoFile::Photo => ("photo.png".to_owned(), screenshot_png(0x8a4b2d)),
        };
        (*k, name, data)
    });
    let messages: Vec<(&str, &str)> = messages
        .iter()
        .map(|message| (message.id.as_str(), message.created_at.as_str()))
        .collect();
    demo_files_by_message(
        &ATTACHMENT_POLICY,
        (13, u64::from(n)),
        files.collect(),
        &messages,
    )
}

#[cfg(test)]
mod tests;
