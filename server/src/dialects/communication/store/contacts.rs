//! Contact-us messages and mails: the communication API's rows that are not a
//! conversation's.

use super::{ContactRecord, MailRecord};
use crate::store::{count, offset_param, Slice, StoreError, Tx, Window};
use crate::store::{params, OptionalExtension, Row};

// ---- contact messages ---------------------------------------------------------------------

const CONTACT_COLUMNS: &str = "id, conversation_id, sending_date, receiver_id, transmitter_id, \
     name, mail, object, message, required";

fn contact_from_row(row: &Row<'_>) -> Result<(ContactRecord, String), StoreError> {
    Ok((
        ContactRecord {
            id: row.get(0)?,
            conversation_id: row.get(1)?,
            sending_date: row.get(2)?,
            receiver_id: row.get(3)?,
            transmitter_id: row.get(4)?,
            name: row.get(5)?,
            mail: row.get(6)?,
            object: row.get(7)?,
            message: row.get(8)?,
            required: serde_json::Value::Null,
        },
        row.get(9)?,
    ))
}

fn with_required(
    (mut record, required): (ContactRecord, String),
) -> Result<ContactRecord, StoreError> {
    record.required = serde_json::from_str(&required)?;
    Ok(record)
}

pub fn insert_contact(conn: &Tx, contact: &ContactRecord) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO contact_messages (id, conversation_id, sending_date, receiver_id, \
         transmitter_id, name, mail, object, message, required) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            contact.id,
            contact.conversation_id,
            contact.sending_date,
            contact.receiver_id,
            contact.transmitter_id,
            contact.name,
            contact.mail,
            contact.object,
            contact.message,
            serde_json::to_string(&contact.required)?,
        ],
    )?;
    Ok(())
}

pub fn get_contact(conn: &Tx, id: &str) -> Result<Option<ContactRecord>, StoreError> {
    let sql = format!("SELECT {CONTACT_COLUMNS} FROM contact_messages WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], contact_from_row)
        .optional()?
        .map(with_required)
        .transpose()
}

/// Newest first.
pub fn list_contacts(conn: &Tx, window: Window) -> Result<Slice<ContactRecord>, StoreError> {
    let total = count(conn, "SELECT COUNT(*) FROM contact_messages", &[])?;
    let sql = format!(
        "SELECT {CONTACT_COLUMNS} FROM contact_messages \
         ORDER BY sending_date DESC, seq DESC LIMIT {} OFFSET {}",
        window.limit,
        offset_param(window)
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([], contact_from_row)?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(with_required)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Slice { total, rows })
}

// ---- mails --------------------------------------------------------------------------------

pub fn insert_mail(conn: &Tx, mail: &MailRecord) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO mails (id, sending_date, receivers_id, publication_id, reservation_id, \
         product_type, organization_id, establishment_id, category) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            mail.id,
            mail.sending_date,
            serde_json::to_string(&mail.receivers_id)?,
            mail.publication_id,
            mail.reservation_id,
            mail.product_type,
            mail.organization_id,
            mail.establishment_id,
            mail.category,
        ],
    )?;
    Ok(())
}

pub fn get_mail(conn: &Tx, id: &str) -> Result<Option<MailRecord>, StoreError> {
    let row = conn
        .prepare_cached(
            "SELECT id, sending_date, receivers_id, publication_id, reservation_id, \
             product_type, organization_id, establishment_id, category FROM mails WHERE id = ?1",
        )?
        .query_row([id], |row| {
            Ok((
                MailRecord {
                    id: row.get(0)?,
                    sending_date: row.get(1)?,
                    receivers_id: Vec::new(),
                    publication_id: row.get(3)?,
                    reservation_id: row.get(4)?,
                    product_type: row.get(5)?,
                    organization_id: row.get(6)?,
                    establishment_id: row.get(7)?,
                    category: row.get(8)?,
                },
                row.get::<_, String>(2)?,
            ))
        })
        .optional()?;
    row.map(|(mut mail, receivers)| {
        mail.receivers_id = serde_json::from_str(&receivers)?;
        Ok(mail)
    })
    .transpose()
}
