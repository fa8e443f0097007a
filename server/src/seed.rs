//! Demo data for an empty store: agents, about forty travel-booking conversations in
//! French, Spanish and English, a few contact-us messages and mails. Times are relative
//! to `now` so the inbox reads "5 min ago" to a month back; everything else, ids included,
//! is derived from indices, so two seeds differ only in their times.

use crate::dialects::communication::contact::record_contact;
use crate::dialects::communication::input::ContactInput;
use crate::dialects::communication::store::{self, ConversationRecord, MailRecord, MessageRecord};
use crate::http::upload::sha256_hex;
use crate::http::HttpError;
use crate::store::files::{FileRecord, NewFile};
use crate::store::{people, Store};
use chrono::{DateTime, Duration, Utc};
use switchboard_core::attachments::{check_file, CandidateFile};
use switchboard_core::directory::Agent;
use switchboard_core::wire::communication::{
    ConversationStatusDto, MailCategory, MessageStatus, ProductType, TransmitterType,
    ATTACHMENT_POLICY,
};
use switchboard_core::wire::format_instant;

pub const CONVERSATION_COUNT: u32 = 40;

const AGENTS: [(&str, &str, &str); 5] = [
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Language {
    French,
    Spanish,
    English,
}

/// (first name, full name, email)
type Customer = (&'static str, &'static str, &'static str);

const FRENCH_CUSTOMERS: [Customer; 5] = [
    ("Élodie", "Élodie Marchand", "elodie.marchand@orange.fr"),
    ("Julien", "Julien Moreau", "julien.moreau@gmail.com"),
    ("Chloé", "Chloé Dubois", "chloe.dubois@free.fr"),
    ("Mathieu", "Mathieu Lefèvre", "mathieu.lefevre@laposte.net"),
    ("Amélie", "Amélie Girard", "amelie.girard@wanadoo.fr"),
];
const SPANISH_CUSTOMERS: [Customer; 5] = [
    ("Lucía", "Lucía Fernández", "lucia.fernandez@correo.es"),
    ("Diego", "Diego Martín", "diego.martin@gmail.com"),
    ("Carmen", "Carmen Navarro", "carmen.navarro@telefonica.net"),
    ("Pablo", "Pablo Herrera", "pablo.herrera@yahoo.es"),
    ("Nuria", "Nuria Solé", "nuria.sole@gmail.com"),
];
const ENGLISH_CUSTOMERS: [Customer; 6] = [
    ("Olivia", "Olivia Bennett", "olivia.bennett@outlook.com"),
    ("James", "James O'Connor", "james.oconnor@gmail.com"),
    ("Priya", "Priya Patel", "priya.patel@btinternet.com"),
    ("Noah", "Noah Williams", "noah.williams@icloud.com"),
    ("Hannah", "Hannah Schmidt", "hannah.schmidt@gmx.de"),
    ("Sophie", "Sophie Turner", "sophie.turner@yahoo.co.uk"),
];

/// (establishment id, name, city)
const STAYS: [(&str, &str, &str); 8] = [
    ("est-riad-zitoun", "Riad Zitoun", "Marrakech"),
    ("est-casa-azul", "Casa Azul", "Sevilla"),
    ("est-hotel-des-dunes", "Hôtel des Dunes", "Biarritz"),
    ("est-fjordhytte", "Fjordhytte Lodge", "Bergen"),
    ("est-villa-limoni", "Villa Limoni", "Amalfi"),
    ("est-chalet-aiguille", "Chalet l'Aiguille", "Chamonix"),
    ("est-posada-del-sol", "Posada del Sol", "Oaxaca"),
    ("est-harbour-inn", "Harbour Inn", "Galway"),
];

/// A conversation's messages, alternating customer then agent, with placeholders:
/// `{first}` the customer's first name, `{trip}`, `{res}`, `{stay}`, `{city}`.
struct Scenario {
    language: Language,
    messages: &'static [&'static str],
}

const REGULAR_SCENARIOS: [Scenario; 12] = [
    Scenario {
        language: Language::French,
        messages: &[
            "Bonjour, nous arrivons à {city} vers 23h le 14. Est-ce que l'enregistrement tardif est possible au {stay} ? Réservation {res}.",
            "Bonjour {first}, oui : l'hôte laisse les clés dans une boîte à code. Je vous envoie le code la veille de votre arrivée.",
            "Parfait, merci beaucoup ! Et le parking, il est inclus ?",
            "Le parking est gratuit, juste derrière le bâtiment. Bon voyage ! 🚗",
        ],
    },
    Scenario {
        language: Language::Spanish,
        messages: &[
            "Hola, quisiera cambiar las fechas de mi estancia en {stay} ({res}). ¿Es posible pasar del 3 al 10 de mayo?",
            "Hola {first}, lo consulto con el alojamiento y te digo algo hoy mismo.",
            "Gracias. Si no hay disponibilidad, ¿me devolvéis el depósito?",
            "Buenas noticias: el alojamiento acepta las nuevas fechas sin coste adicional. 🎉",
            "¡Genial! ¿Me llegará una nueva confirmación?",
            "Sí, acabo de enviarla a tu correo. ¡Que disfrutes de {city}!",
        ],
    },
    Scenario {
        language: Language::English,
        messages: &[
            "Hi, my card was declined when paying the balance for {trip}, but my bank says there's no problem on their side. Can you check?",
            "Hi {first}, thanks for flagging it. I can see two attempts that timed out during 3-D Secure. I've sent you a new payment link, valid for 48 hours.",
            "That worked, thank you! Could you confirm the booking is fully paid now?",
            "Confirmed: {trip} is fully paid and your vouchers are in your account. Have a great trip! ✈️",
            "Brilliant, thanks again.",
        ],
    },
    Scenario {
        language: Language::French,
        messages: &[
            "Bonjour, l'excursion en bateau du voyage {trip} a été annulée à cause de la météo. Comment se passe le remboursement ?",
            "Bonjour {first}, je suis désolée pour ce contretemps. Le remboursement de l'excursion (85 €) est automatique sous 5 à 7 jours ouvrés.",
            "D'accord. Il sera versé sur la carte utilisée pour la réservation ?",
            "Oui, sur la même carte. Vous recevrez un e-mail de confirmation dès qu'il part.",
            "Merci, c'est très clair.",
        ],
    },
    Scenario {
        language: Language::Spanish,
        messages: &[
            "Buenas tardes. Me dejé un cargador y unas gafas de sol en la habitación de {stay}. ¿Pueden enviármelos?",
            "Hola {first}, el anfitrión los ha encontrado. El envío a España cuesta 12 €; ¿te parece bien?",
            "Sí, perfecto. Mi dirección es la misma que en la reserva {res}.",
        ],
    },
    Scenario {
        language: Language::English,
        messages: &[
            "Hello, my father uses a wheelchair. Is the room at {stay} step-free, and is there a walk-in shower?",
            "Hello {first}, the ground-floor room is step-free with a walk-in shower and grab rails. I've added a note to reservation {res} so the host prepares it.",
        ],
    },
    Scenario {
        language: Language::French,
        messages: &[
            "Bonsoir, nous sommes quatre et nous atterrissons à 6h05 à {city}. Le transfert depuis l'aéroport est-il prévu si tôt ?",
            "Bonsoir {first}, oui : le chauffeur suit votre vol et vous attendra dans le hall des arrivées avec une pancarte à votre nom.",
            "Super. Nous aurons aussi une poussette et un siège auto, c'est un problème ?",
            "Pas du tout, je l'ai noté. Le véhicule sera un monospace.",
            "Et si le vol a du retard ?",
            "Le chauffeur attend jusqu'à 90 minutes après l'atterrissage réel, sans supplément.",
            "Génial, merci pour votre réactivité !",
            "Avec plaisir. Très bon séjour au {stay} ! ☀️",
        ],
    },
    Scenario {
        language: Language::Spanish,
        messages: &[
            "Hola. Anoche hubo muchísimo ruido en {stay} hasta las 3 de la mañana. No pudimos dormir.",
            "Lo siento mucho, {first}. He hablado con el anfitrión y te ofrece cambiar a una habitación interior esta misma tarde.",
            "Vale, aceptamos el cambio. ¿Hay alguna compensación?",
            "Te hemos aplicado un descuento del 20 % sobre esa noche. Verás el reembolso en unos días.",
            "Gracias por la rapidez.",
        ],
    },
    Scenario {
        language: Language::English,
        messages: &[
            "Hi there, can we add one more traveller to {trip}? My sister decided to join us at the last minute.",
            "Hi {first}! There's one place left. The supplement is €640, including a shared room at {stay}.",
            "Great, please add her: Grace, born 2 March 1991. Same surname as me.",
            "Done. Grace is on the booking and the updated invoice is in your account.",
        ],
    },
    Scenario {
        language: Language::French,
        messages: &[
            "Bonjour, pourriez-vous m'envoyer une facture au nom de ma société pour le séjour {res} ?",
            "Bonjour {first}, bien sûr. Indiquez-moi la raison sociale et le numéro de TVA, et je vous l'envoie dans la journée.",
            "Société Lumière & Fils, TVA FR 42 123456789. Merci !",
        ],
    },
    Scenario {
        language: Language::Spanish,
        messages: &[
            "¡Hola! Salimos hacia {city} la semana que viene. ¿Qué tiempo suele hacer? No sé si llevar abrigo 🧥",
            "Hola {first}, por las noches refresca bastante, unos 12 °C. Te recomiendo una chaqueta ligera y calzado cómodo para las excursiones.",
            "¿Y el desayuno en {stay} está incluido?",
            "Sí, está incluido en tu reserva {res}, de 7:30 a 10:30. ¡Buen viaje! 🌞",
        ],
    },
    Scenario {
        language: Language::English,
        messages: &[
            "Hi, we'd love to bring our dog (a calm 12 kg spaniel) to {stay}. Is that allowed?",
            "Hi {first}, the host welcomes dogs for a €15 cleaning fee per stay. I've added it to reservation {res}; you'll pay it on arrival.",
            "Perfect, he'll be on his best behaviour 🐶",
            "Looking forward to hearing how it went. Enjoy {city}!",
        ],
    },
];

const SCRIPT_SCENARIO: Scenario = Scenario {
    language: Language::English,
    messages: &[
        "<script>alert('x')</script> is this safe?",
        "Hi {first}, that looks like code pasted by mistake. It's shown as plain text here, so nothing runs. How can I help with {trip}?",
        "Sorry, my son was playing with my laptop 😅 I only wanted to know whether breakfast is included at {stay}.",
    ],
};

const LONG_SCENARIO: Scenario = Scenario {
    language: Language::English,
    messages: &[
        "Hello, I hope you can help, as this is a bit of a complicated one and I'd rather explain everything at once.\n\n\
         We booked {trip} for the two of us plus our teenage kids, with four nights at {stay} in {city} at the start and a guided \
         walking tour afterwards. Since then a few things have changed. First, my daughter's school has moved her exams, so she can \
         only join us from the third day: is it possible for her to travel separately and meet us at {stay}, and if so, who would \
         look after the transfer from the station, given that she is sixteen and has never travelled alone? Second, my husband has \
         recently been told he should avoid long climbs because of his knee, so we are wondering whether the walking tour has an \
         easier option, or whether he could join the group only for the afternoons and rest in the mornings. Third, we would like \
         to add one extra night at the end, ideally in the same place, because our return flight was moved to the following \
         morning at 7:10, which is far too early to get there from the last stop of the tour.\n\n\
         I also noticed that the confirmation for reservation {res} still shows the old flight times, and the name of my son is \
         misspelled (it should be Eoin, not Owen). Could you correct that before the documents are printed? Finally, is there a \
         laundry service anywhere along the way? We are travelling with hand luggage only and a week is a long time.\n\n\
         Thank you so much for your patience, and sorry for the long message!",
        "Hello {first}, thank you for putting it all in one message, it makes it much easier. Your daughter can join on day three: \
         our local partner will meet her at the station and bring her to {stay}, and I've added an unaccompanied-minor note. The \
         tour has an easier variant for the two steepest days, and I've asked the guide to arrange it. The extra night is \
         confirmed, Eoin's name is corrected, and the new flight times are on the updated confirmation. There is a laundry service \
         at the second hotel, free for guests. Anything else, just reply here.",
    ],
};

/// Ids that look like the API's own UUIDs but come from the index: a fixed shuffle of the
/// bits, then the version and variant of a v4.
fn seed_uuid(kind: u64, index: u64) -> String {
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

fn minutes(n: i64) -> Duration {
    Duration::minutes(n)
}

/// Seeds the store when it has no conversation yet; says whether it did.
pub fn seed_if_empty(store: &Store, now: DateTime<Utc>) -> Result<bool, HttpError> {
    store.run_blocking(|conn| {
        if store::count_conversations(conn)? > 0 {
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
        for index in 0..CONVERSATION_COUNT {
            let (conversation, messages) = demo_conversation(index, now);
            store::insert_conversation(conn, &conversation)?;
            for message in &messages {
                store::insert_message(conn, message)?;
            }
            for (message_id, files) in demo_attachments(index, &messages)? {
                store::insert_message_files(conn, &message_id, &files)?;
            }
        }
        seed_contacts(conn, now)?;
        for mail in demo_mails(now) {
            store::insert_mail(conn, &mail)?;
        }
        Ok(true)
    })
}

fn status_of(index: u32) -> ConversationStatusDto {
    if index % 7 == 4 {
        ConversationStatusDto::Archived
    } else if index % 4 == 3 {
        ConversationStatusDto::Closed
    } else {
        ConversationStatusDto::Open
    }
}

fn scenario_of(index: u32) -> &'static Scenario {
    match index {
        2 => &SCRIPT_SCENARIO,
        6 => &LONG_SCENARIO,
        _ => &REGULAR_SCENARIOS[(index as usize * 5) % REGULAR_SCENARIOS.len()],
    }
}

fn trip_of(index: u32) -> String {
    format!("TRIP-2026-{:04}", 300 + index * 7)
}

fn reservation_of(index: u32) -> String {
    format!("RES-{}", 48_100 + index * 37)
}

fn customer_of(language: Language, index: u32) -> Customer {
    let pool: &[Customer] = match language {
        Language::French => &FRENCH_CUSTOMERS,
        Language::Spanish => &SPANISH_CUSTOMERS,
        Language::English => &ENGLISH_CUSTOMERS,
    };
    pool[index as usize % pool.len()]
}

fn demo_conversation(index: u32, now: DateTime<Utc>) -> (ConversationRecord, Vec<MessageRecord>) {
    let i = i64::from(index);
    let scenario = scenario_of(index);
    let (first_name, _full_name, email) = customer_of(scenario.language, index);
    let (establishment_id, stay, city) = STAYS[(index as usize * 3 + 1) % STAYS.len()];
    let trip = trip_of(index);
    let reservation = reservation_of(index);
    let conversation_id = seed_uuid(1, u64::from(index));

    // Some conversations wait in the queue; the others are spread over every agent.
    let assigned = (index % 6 != 1).then(|| AGENTS[(index as usize * 3) % AGENTS.len()].0);
    // Who answered: the assignee, or for a queued one whoever took it before it was released.
    let responder = assigned.unwrap_or(AGENTS[(index as usize + 2) % AGENTS.len()].0);

    // The newest activity runs from 5 minutes to about 29 days ago, denser near now.
    let last_at = now - minutes(5 + 27 * i * i);
    let count = scenario.messages.len();
    let mut sent_at = Vec::with_capacity(count);
    let mut at = last_at;
    for k in (0..count).rev() {
        sent_at.push(at);
        at -= minutes(4 + ((i * 7 + k as i64 * 11) % 50));
    }
    sent_at.reverse();
    let created_at = sent_at[0] - minutes(2);

    let fill = |template: &str| {
        template
            .replace("{first}", first_name)
            .replace("{trip}", &trip)
            .replace("{res}", &reservation)
            .replace("{stay}", stay)
            .replace("{city}", city)
    };
    let messages: Vec<MessageRecord> = scenario
        .messages
        .iter()
        .enumerate()
        .map(|(k, template)| {
            let from_customer = k % 2 == 0;
            let is_last = k + 1 == count;
            let status = match (is_last, index % 2) {
                (false, _) => MessageStatus::Read,
                (true, 0) => MessageStatus::Delivered,
                (true, _) => MessageStatus::Sent,
            };
            let received_date =
                (status != MessageStatus::Sent).then(|| format_instant(sent_at[k] + minutes(1)));
            let (transmitter_type, transmitter, receiver) = if from_customer {
                (TransmitterType::Customer, Some(email), assigned)
            } else {
                (TransmitterType::Agent, Some(responder), Some(email))
            };
            MessageRecord {
                id: seed_uuid(2, u64::from(index) * 16 + k as u64),
                conversation_id: conversation_id.clone(),
                sending_date: format_instant(sent_at[k]),
                transmitter_id: transmitter.map(str::to_owned),
                receiver_id: receiver.map(str::to_owned),
                transmitter_type: transmitter_type.to_string(),
                content: fill(template),
                content_type: "TEXT".to_owned(),
                status: status.to_string(),
                received_date,
                attachments: Vec::new(),
            }
        })
        .collect();

    let mut participants = vec![email.to_owned()];
    if count > 1 {
        participants.push(responder.to_owned());
    }
    if let Some(agent) = assigned {
        if agent != responder {
            participants.push(agent.to_owned());
        }
    }
    let conversation = ConversationRecord {
        id: conversation_id,
        trip_publication_id: format!("pub-{}-2026", establishment_id.trim_start_matches("est-")),
        trip_reference: trip,
        establishment_id: establishment_id.to_owned(),
        customer_id: email.to_owned(),
        assigned_agent_id: assigned.map(str::to_owned),
        participants,
        status: status_of(index).to_string(),
        created_at: format_instant(created_at),
    };
    (conversation, messages)
}

// ---- demo attachments ---------------------------------------------------------------------

/// The files a few demo messages carry, made here so the seed needs no asset: a customer's
/// screenshot, an agent's map, a confirmation. `(message index, name, bytes)`.
fn demo_files(index: u32) -> Vec<(usize, String, Vec<u8>)> {
    let trip = trip_of(index);
    let reservation = reservation_of(index);
    match index {
        // "The host leaves the keys in a key box": the agent sends the way in.
        0 => vec![(1, "plan d'accès.png".to_owned(), access_map_png())],
        // The customer shows the booking whose dates should change.
        5 => vec![(
            0,
            "captura-reserva.png".to_owned(),
            screenshot_png(0x1a73e8),
        )],
        // The long request: the updated confirmation and the easier walking route.
        6 => vec![
            (
                1,
                format!("confirmation-{reservation}.pdf"),
                pdf(
                    &format!("Booking confirmation {reservation}"),
                    &[
                        &format!("Trip: {trip}"),
                        "Travellers: 4 (Eoin's name corrected)",
                        "Extra night added at the end of the tour.",
                        "Return flight: 07:10, new times confirmed.",
                    ],
                ),
            ),
            (1, "easier-route.png".to_owned(), access_map_png()),
        ],
        // "My card was declined": the customer's screenshot of the error.
        10 => vec![(0, "card-declined.png".to_owned(), screenshot_png(0xd93025))],
        _ => Vec::new(),
    }
}

/// The demo files of one conversation, checked like uploads, grouped by message id.
fn demo_attachments(
    index: u32,
    messages: &[MessageRecord],
) -> Result<Vec<(String, Vec<NewFile>)>, HttpError> {
    let mut by_message: Vec<(String, Vec<NewFile>)> = Vec::new();
    for (position, (k, name, data)) in demo_files(index).into_iter().enumerate() {
        let Some(message) = messages.get(k) else {
            continue;
        };
        let candidate = CandidateFile {
            name: &name,
            size: data.len() as u64,
            head: &data,
        };
        // Our own bytes: a refusal here is a bug in this file, reported at startup.
        let accepted = check_file(&ATTACHMENT_POLICY, candidate)
            .map_err(|problem| HttpError::internal(format!("demo file: {problem}")))?;
        let file = NewFile {
            record: FileRecord {
                id: seed_uuid(5, u64::from(index) * 16 + position as u64),
                name: accepted.name,
                media_type: accepted.format.media_type().to_owned(),
                size: data.len() as u64,
                sha256: sha256_hex(&data),
                created_at: message.sending_date.clone(),
            },
            data: data.into(),
        };
        match by_message.iter_mut().find(|(id, _)| *id == message.id) {
            Some((_, files)) => files.push(file),
            None => by_message.push((message.id.clone(), vec![file])),
        }
    }
    Ok(by_message)
}

/// A small RGB picture as a valid PNG. The pixels go in stored (uncompressed) deflate
/// blocks, so no compressor is needed; the checksums are computed below.
fn png(width: u32, height: u32, pixel: impl Fn(u32, u32) -> [u8; 3]) -> Vec<u8> {
    let mut raw = Vec::with_capacity((height * (1 + 3 * width)) as usize);
    for y in 0..height {
        raw.push(0); // filter: none
        for x in 0..width {
            raw.extend(pixel(x, y));
        }
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(usize::from(u16::MAX)).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = u16::try_from(block.len()).unwrap_or(u16::MAX);
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    zlib.extend(adler32(&raw).to_be_bytes());
    let mut header = Vec::with_capacity(13);
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]); // 8 bits per channel, RGB, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut out, b"IHDR", &header);
    png_chunk(&mut out, b"IDAT", &zlib);
    png_chunk(&mut out, b"IEND", &[]);
    out
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend(u32::try_from(data.len()).unwrap_or(u32::MAX).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in bytes {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

fn rgb(hex: u32) -> [u8; 3] {
    let [_, r, g, b] = hex.to_be_bytes();
    [r, g, b]
}

/// Streets on a sand background, the way in marked red.
fn access_map_png() -> Vec<u8> {
    png(64, 48, |x, y| {
        let (dx, dy) = (x as i32 - 44, y as i32 - 18);
        if dx * dx + dy * dy <= 9 {
            rgb(0xd93025)
        } else if (20..24).contains(&y) || (12..16).contains(&x) || x + y == 70 {
            rgb(0xffffff)
        } else if x > 48 && y > 30 {
            rgb(0x8fc98f)
        } else {
            rgb(0xf1e4c8)
        }
    })
}

/// A page with a coloured header, a banner and lines of grey "text".
fn screenshot_png(accent: u32) -> Vec<u8> {
    png(96, 64, |x, y| match y {
        0..=7 => rgb(accent),
        14..=21 if (6..90).contains(&x) => rgb(0xfce8e6),
        _ if y >= 28 && y % 6 < 2 && (6..6 + (x * 7 + y * 13) % 70 + 14).contains(&x) => {
            rgb(0xbdc1c6)
        }
        _ => rgb(0xffffff),
    })
}

/// A one-page PDF of ASCII text, its cross-reference table computed from the real offsets.
fn pdf(title: &str, lines: &[&str]) -> Vec<u8> {
    let escape = |text: &str| {
        text.replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)")
    };
    let mut content = format!("BT /F1 18 Tf 56 780 Td ({}) Tj /F1 11 Tf", escape(title));
    for (i, line) in lines.iter().enumerate() {
        let gap = if i == 0 { 32 } else { 16 };
        content.push_str(&format!(" 0 -{gap} Td ({}) Tj", escape(line)));
    }
    content.push_str(" ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{object}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for offset in offsets {
        out.push_str(&format!("{offset:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.into_bytes()
}

/// Contact-us messages go through the same path as the public form, so each opens its
/// conversation exactly as a real one would.
fn seed_contacts(conn: &rusqlite::Connection, now: DateTime<Utc>) -> Result<(), HttpError> {
    let contacts = [
        (
            minutes(38),
            "Inès Bouchard",
            "ines.bouchard@gmail.com",
            "Question sur une réservation",
            "Bonjour, je n'ai pas reçu l'e-mail de confirmation de ma réservation au Riad Zitoun. Pouvez-vous vérifier ? Merci !",
        ),
        (
            minutes(60 * 7),
            "Marco Rossi",
            "marco.rossi@libero.it",
            "Group trip for 12 people",
            "Hello, we are a hiking club of 12 and would like a private version of your Chamonix trip in September. Is that possible?",
        ),
        (
            minutes(60 * 53),
            "Alejandra Gómez",
            "alejandra.gomez@hotmail.com",
            "Factura de mi viaje",
            "Hola, necesito la factura de mi viaje a Oaxaca con mis datos fiscales. ¿A quién se la pido?",
        ),
    ];
    let mut next = 0u64;
    let mut new_id = || {
        next += 1;
        seed_uuid(3, next)
    };
    for (ago, name, mail, object, message) in contacts {
        let contact = ContactInput {
            conversation_id: None,
            receiver_id: None,
            transmitter_id: None,
            name: name.to_owned(),
            mail: mail.to_owned(),
            object: object.to_owned(),
            message: message.to_owned(),
            required: serde_json::Value::Null,
        };
        record_contact(conn, contact, &[], &format_instant(now - ago), &mut new_id)?;
    }
    Ok(())
}

fn demo_mails(now: DateTime<Utc>) -> Vec<MailRecord> {
    vec![
        MailRecord {
            id: seed_uuid(4, 1),
            sending_date: format_instant(now - minutes(60 * 26)),
            receivers_id: vec!["olivia.bennett@outlook.com".to_owned()],
            publication_id: Some("pub-riad-zitoun-2026".to_owned()),
            reservation_id: Some("RES-48137".to_owned()),
            product_type: Some(ProductType::Trip.to_string()),
            organization_id: None,
            establishment_id: Some("est-riad-zitoun".to_owned()),
            category: MailCategory::ClientTripBookingNotification.to_string(),
        },
        MailRecord {
            id: seed_uuid(4, 2),
            sending_date: format_instant(now - minutes(60 * 75)),
            receivers_id: vec!["host-villa-limoni".to_owned()],
            publication_id: None,
            reservation_id: Some("RES-48211".to_owned()),
            product_type: Some(ProductType::Hote.to_string()),
            organization_id: Some("org-limoni-stays".to_owned()),
            establishment_id: Some("est-villa-limoni".to_owned()),
            category: MailCategory::PartnerPaymentNotification.to_string(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::{ConversationFilter, Window};

    #[test]
    fn the_seed_is_varied_and_runs_once() {
        let store = Store::in_memory();
        let now = Utc::now();
        assert!(seed_if_empty(&store, now).unwrap());
        assert!(
            !seed_if_empty(&store, now).unwrap(),
            "a second start adds nothing"
        );

        let all = Window {
            offset: 0,
            limit: 100,
        };
        let page = store
            .run_blocking(|conn| {
                store::list_conversations(conn, &ConversationFilter::default(), all)
            })
            .unwrap();
        assert_eq!(page.total, u64::from(CONVERSATION_COUNT) + 3);
        for status in ["OPEN", "CLOSED", "ARCHIVED"] {
            assert!(page.rows.iter().any(|c| c.status == status), "{status}");
        }
        assert!(page.rows.iter().any(|c| c.assigned_agent_id.is_none()));
        for (agent, _, _) in AGENTS {
            assert!(
                page.rows
                    .iter()
                    .any(|c| c.assigned_agent_id.as_deref() == Some(agent)),
                "{agent} has conversations"
            );
        }
        let open = page.rows.iter().filter(|c| c.status == "OPEN").count();
        assert!(open * 2 > page.rows.len(), "most conversations are open");
    }

    #[test]
    fn seeded_conversations_have_two_to_eight_alternating_messages() {
        let now = Utc::now();
        let mut seen_script = false;
        for index in 0..CONVERSATION_COUNT {
            let (conversation, messages) = demo_conversation(index, now);
            assert!((2..=8).contains(&messages.len()), "{index}");
            for pair in messages.windows(2) {
                assert_ne!(pair[0].transmitter_type, pair[1].transmitter_type);
                assert!(pair[0].sending_date < pair[1].sending_date);
            }
            assert!(conversation.created_at < messages[0].sending_date);
            assert!(messages.iter().all(|m| !m.content.contains('{')), "{index}");
            seen_script |= messages
                .iter()
                .any(|m| m.content == "<script>alert('x')</script> is this safe?");
        }
        assert!(seen_script);
    }

    #[test]
    fn a_few_demo_messages_carry_valid_files() {
        let now = Utc::now();
        let mut messages_with_files = 0;
        for index in 0..CONVERSATION_COUNT {
            let (_, messages) = demo_conversation(index, now);
            let groups = demo_attachments(index, &messages).unwrap();
            assert_eq!(
                groups.iter().map(|(_, files)| files.len()).sum::<usize>(),
                demo_files(index).len(),
                "every demo file lands on a message of conversation {index}"
            );
            messages_with_files += groups.len();
        }
        assert!(
            (3..=5).contains(&messages_with_files),
            "{messages_with_files}"
        );
        let names: Vec<String> = demo_files(0).into_iter().map(|(_, name, _)| name).collect();
        assert_eq!(names, ["plan d'accès.png"]);
    }

    #[test]
    fn demo_pictures_are_well_formed_pngs() {
        let picture = screenshot_png(0x1a73e8);
        assert!(picture.starts_with(b"\x89PNG\r\n\x1a\n"));
        // Walk the chunks: each length fits and each CRC matches its type and data.
        let mut at = 8;
        let mut kinds = Vec::new();
        while at < picture.len() {
            let len = u32::from_be_bytes(picture[at..at + 4].try_into().unwrap()) as usize;
            let body = &picture[at + 4..at + 8 + len];
            let crc = u32::from_be_bytes(picture[at + 8 + len..at + 12 + len].try_into().unwrap());
            assert_eq!(crc, crc32(body));
            kinds.push(String::from_utf8_lossy(&body[..4]).into_owned());
            at += 12 + len;
        }
        assert_eq!(kinds, ["IHDR", "IDAT", "IEND"]);
        assert_eq!(crc32(b"IEND"), 0xAE42_6082, "the well-known IEND CRC");
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn the_demo_pdf_points_at_its_objects() {
        let document = String::from_utf8(pdf("Title (1)", &["a line"])).unwrap();
        assert!(document.starts_with("%PDF-1.4\n"));
        assert!(document.contains("(Title \\(1\\)) Tj"));
        let startxref: usize = document
            .rsplit("startxref\n")
            .next()
            .and_then(|tail| tail.lines().next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(document[startxref..].starts_with("xref\n0 6\n"));
        // Lines: "xref", "0 6", the free entry, then objects 1 to 5.
        let fifth: usize = document[startxref..].lines().nth(7).unwrap()[..10]
            .parse()
            .unwrap();
        assert!(document[fifth..].starts_with("5 0 obj"));
    }

    #[test]
    fn seed_ids_are_stable_uuids() {
        let id = seed_uuid(1, 7);
        assert_eq!(id, seed_uuid(1, 7));
        assert_ne!(id, seed_uuid(1, 8));
        assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 4);
    }
}
