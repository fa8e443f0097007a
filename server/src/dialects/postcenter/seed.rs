//! PostCenter's demo data: the social and email tickets of "Mercado Sur", a Chilean
//! retailer, over Facebook, Twitter, email and WhatsApp across the last five months, in
//! Spanish; six agents ("cm") in channel teams, nobody of the WhatsApp team online (so
//! `get_possible_agent` answers `cm: null` there). Ticket 261 is the document's: open, on
//! Facebook, assigned, with a picture in its thread. One customer has many tickets (by
//! `country_id` and by Facebook user), and Facebook's last four weeks fill three pages.
//! Times are relative to `now` (whole seconds); everything else comes from the index.

use super::ours::media;
use super::store::{self, CmRecord, MessageRecord, NewTicket};
use crate::http::HttpError;
use crate::seed::{seed_uuid, Seed};
use crate::store::{StoreError, Tx};
use chrono::{DateTime, Duration, Utc};
use switchboard_core::wire::format_instant;
use switchboard_core::wire::postcenter::COMPANY_ACCOUNT;

/// How the dialects list seeds this API.
pub const SEED: Seed = Seed { is_empty, run };

/// How many demo tickets there are; half of them on Facebook.
pub const TICKET_COUNT: usize = 450;
/// How many of them are on Facebook (the even indices).
pub const FACEBOOK_TICKETS: usize = TICKET_COUNT / 2;
/// How many Facebook tickets were created in the last 28 days: three pages.
pub const RECENT_FACEBOOK_TICKETS: usize = 215;
/// The document's ticket: open, on Facebook, assigned to [`DEMO_CMID`], with a picture.
pub const DEMO_IDENTIFIER: i64 = 261;
/// The agent ticket 261 is assigned to.
pub const DEMO_CMID: i64 = 467;
/// Mercado Sur's Facebook page.
pub const DEMO_PAGE_ID: &str = "104857392817465";
/// The first identifier; ticket `i` is `FIRST_IDENTIFIER + i`.
const FIRST_IDENTIFIER: i64 = 101;
/// Where the seed's ids come from ([`seed_uuid`]'s kind).
const ID_KIND: u64 = 0x9c;
/// Who the company's messages are by.
const COMPANY_NAME: &str = "Mercado Sur";
const COMPANY_AUTHOR_ID: &str = "5a1f0c2e9b7d4e0012ab34cd";

/// `(cmid, name, email, channel team, online)`.
pub const CMS: [(i64, &str, &str, &str, bool); 6] = [
    (27, "Matías Rojas", "mrojas@mercadosur.cl", "facebook", true),
    (31, "Valentina Soto", "vsoto@mercadosur.cl", "twitter", true),
    (42, "Benjamín Muñoz", "bmunoz@mercadosur.cl", "email", true),
    (
        58,
        "Catalina Fuentes",
        "cfuentes@mercadosur.cl",
        "email",
        false,
    ),
    (
        63,
        "Joaquín Herrera",
        "jherrera@mercadosur.cl",
        "whatsapp",
        false,
    ),
    (
        467,
        "Francisca Pinto",
        "fapinto@mercadosur.cl",
        "facebook",
        true,
    ),
];

/// `(name, account)` of the customers; ticket `i` is customer `i % len`'s.
const CUSTOMERS: [(&str, &str); 23] = [
    ("Carlos Palma", "cpalma"),
    ("Daniela Contreras", "dcontreras"),
    ("Felipe Araya", "faraya"),
    ("Constanza Silva", "csilva"),
    ("Ignacio Tapia", "itapia"),
    ("Javiera Reyes", "jreyes"),
    ("Rodrigo Espinoza", "respinoza"),
    ("Fernanda Morales", "fmorales"),
    ("Sebastián Vera", "svera"),
    ("Paula Castillo", "pcastillo"),
    ("Tomás Gutiérrez", "tgutierrez"),
    ("Antonia Navarro", "anavarro"),
    ("Cristóbal Pérez", "cperez"),
    ("Macarena Díaz", "mdiaz"),
    ("Diego Sepúlveda", "dsepulveda"),
    ("Camila Vargas", "cvargas"),
    ("Nicolás Campos", "ncampos"),
    ("Isidora Carrasco", "icarrasco"),
    ("Martín Álvarez", "malvarez"),
    ("Josefa Núñez", "jnunez"),
    ("Vicente Rojas", "vrojas"),
    ("Florencia Cortés", "fcortes"),
    ("Jhon Doe", "jhondoe"),
];

/// `(customer's lines, company's lines)`, alternating from the customer's first.
const TOPICS: [([&str; 3], [&str; 3]); 5] = [
    (
        [
            "Hola, mi pedido aún no llega y ya pasaron cinco días.",
            "El número de pedido es el que aparece en la boleta.",
            "Gracias, quedo atento al despacho.",
        ],
        [
            "Hola, lamentamos la demora. ¿Nos confirmas tu número de pedido?",
            "Revisamos tu pedido: sale a reparto mañana en la mañana.",
            "¡Gracias a ti! Cualquier duda, escríbenos por aquí.",
        ],
    ),
    (
        [
            "Me llegó la talla equivocada, ¿cómo hago el cambio?",
            "Prefiero retirar en la tienda de Providencia.",
            "Perfecto, muchas gracias.",
        ],
        [
            "Hola, puedes cambiarla sin costo en cualquier tienda o por despacho.",
            "Listo, dejamos el cambio reservado en Providencia por 10 días.",
            "Que tengas un buen día.",
        ],
    ),
    (
        [
            "Me cobraron dos veces la misma compra con tarjeta.",
            "Les mando la foto del estado de cuenta.",
            "Ok, espero la devolución entonces.",
        ],
        [
            "Hola, lo revisamos de inmediato. ¿Nos envías el comprobante?",
            "Confirmamos el doble cargo; la devolución demora hasta 5 días hábiles.",
            "Te avisaremos por este medio cuando se procese.",
        ],
    ),
    (
        [
            "¿Tienen stock de la chaqueta impermeable en talla M?",
            "¿Y en la tienda de Viña del Mar?",
            "Genial, paso el sábado.",
        ],
        [
            "Hola, en la web queda stock en talla M y L.",
            "Sí, en Viña del Mar quedan tres unidades en talla M.",
            "¡Te esperamos!",
        ],
    ),
    (
        [
            "No puedo ingresar a mi cuenta, me dice que la clave es incorrecta.",
            "Ya lo intenté y no me llega el correo.",
            "Ahora sí funcionó, gracias.",
        ],
        [
            "Hola, prueba con \"Olvidé mi contraseña\" en la página de ingreso.",
            "Revisa la carpeta de spam; te reenviamos el enlace recién.",
            "¡Qué bueno! Quedamos atentos.",
        ],
    ),
];

/// The subjects of the email tickets.
const SUBJECTS: [&str; 6] = [
    "Consulta por despacho de pedido",
    "Solicitud de cambio de producto",
    "Reclamo por doble cobro",
    "Consulta de stock",
    "Problema para ingresar a mi cuenta",
    "Boleta de compra",
];

fn is_empty(conn: &Tx) -> Result<bool, StoreError> {
    Ok(store::count_tickets(conn)? == 0)
}

/// A ticket's API id: 24 hexadecimal characters from its index.
pub fn ticket_id(index: usize) -> String {
    seed_uuid(ID_KIND, index as u64)
        .replace('-', "")
        .chars()
        .take(24)
        .collect()
}

/// Ticket `index`'s channel: Facebook for the even ones, then Twitter, email, WhatsApp.
pub fn channel_of(index: usize) -> &'static str {
    if index.is_multiple_of(2) {
        return "facebook";
    }
    ["twitter", "email", "whatsapp"][(index / 2) % 3]
}

/// A customer's Chilean RUT, its check digit computed (modulo 11).
pub fn country_id_of(customer: usize) -> String {
    let body = 12_000_000 + customer as u64 * 437_911;
    let mut sum = 0;
    for (position, digit) in body.to_string().bytes().rev().enumerate() {
        sum += u64::from(digit - b'0') * (2 + position as u64 % 6);
    }
    let check = match 11 - sum % 11 {
        11 => "0".to_owned(),
        10 => "K".to_owned(),
        digit => digit.to_string(),
    };
    format!("{body}-{check}")
}

/// A customer's Facebook id on [`DEMO_PAGE_ID`].
pub fn uid_of(customer: usize) -> String {
    format!("10000481233{:04}", customer * 7 + 11)
}

/// The customer of ticket 261: many tickets share its `country_id` and Facebook user.
pub const DEMO_CUSTOMER: usize = (DEMO_IDENTIFIER - FIRST_IDENTIFIER) as usize % CUSTOMERS.len();

/// How long before `now` ticket `index` was created, in seconds: Facebook's first
/// [`RECENT_FACEBOOK_TICKETS`] in the last four weeks, everything else over five months.
fn age_secs(index: usize) -> i64 {
    let k = (index / 2) as i64;
    let day = 86_400;
    let jitter = (index as i64 * 37) % 600;
    let recent = RECENT_FACEBOOK_TICKETS as i64;
    match channel_of(index) {
        "facebook" if k < recent => 3_600 + k * (27 * day / recent) + jitter,
        "facebook" => 35 * day + (k - recent) * (115 * day / 10) + jitter,
        _ => 3_600 + k * (150 * day / FACEBOOK_TICKETS as i64) + jitter,
    }
}

fn state_of(index: usize) -> &'static str {
    match (index * 7 + 3) % 20 {
        0..=11 => "open",
        12..=14 => "inProgress",
        15..=17 => "closed",
        _ => "ignored",
    }
}

fn cmid_of(index: usize, state: &str, channel: &str) -> Option<i64> {
    if state == "ignored" || (state == "open" && index % 7 == 3) {
        return None;
    }
    let team: Vec<i64> = CMS
        .iter()
        .filter(|cm| cm.3 == channel)
        .map(|cm| cm.0)
        .collect();
    team.get((index / 2) % team.len().max(1)).copied()
}

/// Ticket `index` as the seed writes it, created at `created`.
fn ticket(index: usize, created: DateTime<Utc>, updated: DateTime<Utc>) -> NewTicket {
    let identifier = FIRST_IDENTIFIER + index as i64;
    let channel = channel_of(index);
    let customer = index % CUSTOMERS.len();
    let demo = identifier == DEMO_IDENTIFIER;
    let state = if demo { "open" } else { state_of(index) };
    let facebook = channel == "facebook";
    NewTicket {
        id: ticket_id(index),
        identifier,
        state: state.to_owned(),
        channel: channel.to_owned(),
        subject: (channel == "email").then(|| SUBJECTS[(index / 6) % SUBJECTS.len()].to_owned()),
        customer_name: CUSTOMERS[customer].0.to_owned(),
        customer_account: CUSTOMERS[customer].1.to_owned(),
        country_id: Some(country_id_of(customer)),
        page_id: facebook.then(|| DEMO_PAGE_ID.to_owned()),
        uid: facebook.then(|| uid_of(customer)),
        cmid: if demo {
            Some(DEMO_CMID)
        } else {
            cmid_of(index, state, channel)
        },
        created_at: format_instant(created),
        updated_at: format_instant(updated),
    }
}

/// The media of message `position` of ticket `index`, if any: ticket 261's second
/// message, and the first of every thirteenth ticket (pictures and a PDF).
fn media_of(index: usize, position: usize) -> Option<String> {
    if FIRST_IDENTIFIER + index as i64 == DEMO_IDENTIFIER {
        return (position == 1).then(|| media::url(media::PRODUCT_PHOTO));
    }
    (index % 13 == 5 && position == 0).then(|| media::url(media::NAMES[(index / 13) % 3]))
}

/// Ticket `index`'s messages, oldest first, and the last one's time.
fn messages(index: usize, created: DateTime<Utc>) -> (Vec<MessageRecord>, DateTime<Utc>) {
    let customer = CUSTOMERS[index % CUSTOMERS.len()];
    let (asks, answers) = TOPICS[index % TOPICS.len()];
    let count = if FIRST_IDENTIFIER + index as i64 == DEMO_IDENTIFIER {
        4
    } else {
        2 + index % 5
    };
    let step = Duration::seconds(420 + (index as i64 % 5) * 60);
    let mut at = created;
    let mut records = Vec::with_capacity(count);
    for position in 0..count {
        let by_customer = position % 2 == 0;
        let line = if by_customer { asks } else { answers }[(position / 2) % 3];
        let content = match (by_customer, channel_of(index)) {
            (true, "twitter") => format!("@{COMPANY_ACCOUNT} {line}"),
            _ => line.to_owned(),
        };
        let (author_id, author_name, author_account) = if by_customer {
            (
                ticket_id(index % CUSTOMERS.len() + TICKET_COUNT),
                customer.0,
                customer.1,
            )
        } else {
            (COMPANY_AUTHOR_ID.to_owned(), COMPANY_NAME, COMPANY_ACCOUNT)
        };
        records.push(MessageRecord {
            position: position as i64,
            content,
            author_id,
            author_name: author_name.to_owned(),
            author_account: author_account.to_owned(),
            created_at: format_instant(at),
            media: media_of(index, position),
        });
        at += step;
    }
    (records, at - step)
}

fn cms(conn: &Tx) -> Result<(), StoreError> {
    for (cmid, name, email, channel, is_online) in CMS {
        store::insert_cm(
            conn,
            &CmRecord {
                cmid,
                name: name.to_owned(),
                email: Some(email.to_owned()),
                channel: channel.to_owned(),
                is_online,
            },
        )?;
    }
    Ok(())
}

/// Writes the agents, the tickets and their messages.
fn run(conn: &Tx, now: DateTime<Utc>) -> Result<(), HttpError> {
    let now = DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now);
    cms(conn)?;
    for index in 0..TICKET_COUNT {
        let created = now - Duration::seconds(age_secs(index));
        let (thread, updated) = messages(index, created);
        let ticket = ticket(index, created, updated);
        store::insert_ticket(conn, &ticket)?;
        for message in &thread {
            store::insert_message(conn, &ticket.id, message)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_holds_what_the_tests_rely_on() {
        let facebook = (0..TICKET_COUNT).filter(|i| channel_of(*i) == "facebook");
        assert_eq!(facebook.clone().count(), FACEBOOK_TICKETS);
        let recent = facebook.filter(|i| age_secs(*i) < 28 * 86_400).count();
        assert_eq!(recent, RECENT_FACEBOOK_TICKETS);
        let demo = (DEMO_IDENTIFIER - FIRST_IDENTIFIER) as usize;
        assert_eq!(channel_of(demo), "facebook");
        assert!((0..TICKET_COUNT).all(|i| age_secs(i) < 151 * 86_400 && age_secs(i) > 3_000));
        assert_eq!(ticket_id(3).len(), 24);
        assert_eq!(country_id_of(0), "12000000-4");
    }
}
