//! The texts of the communication API's demo conversations: customers, stays, and
//! scenarios alternating customer and agent.

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Language {
    French,
    Spanish,
    English,
}

/// (first name, full name, email)
pub type Customer = (&'static str, &'static str, &'static str);

pub const FRENCH_CUSTOMERS: [Customer; 5] = [
    ("Élodie", "Élodie Marchand", "elodie.marchand@orange.fr"),
    ("Julien", "Julien Moreau", "julien.moreau@gmail.com"),
    ("Chloé", "Chloé Dubois", "chloe.dubois@free.fr"),
    ("Mathieu", "Mathieu Lefèvre", "mathieu.lefevre@laposte.net"),
    ("Amélie", "Amélie Girard", "amelie.girard@wanadoo.fr"),
];
pub const SPANISH_CUSTOMERS: [Customer; 5] = [
    ("Lucía", "Lucía Fernández", "lucia.fernandez@correo.es"),
    ("Diego", "Diego Martín", "diego.martin@gmail.com"),
    ("Carmen", "Carmen Navarro", "carmen.navarro@telefonica.net"),
    ("Pablo", "Pablo Herrera", "pablo.herrera@yahoo.es"),
    ("Nuria", "Nuria Solé", "nuria.sole@gmail.com"),
];
pub const ENGLISH_CUSTOMERS: [Customer; 6] = [
    ("Olivia", "Olivia Bennett", "olivia.bennett@outlook.com"),
    ("James", "James O'Connor", "james.oconnor@gmail.com"),
    ("Priya", "Priya Patel", "priya.patel@btinternet.com"),
    ("Noah", "Noah Williams", "noah.williams@icloud.com"),
    ("Hannah", "Hannah Schmidt", "hannah.schmidt@gmx.de"),
    ("Sophie", "Sophie Turner", "sophie.turner@yahoo.co.uk"),
];

/// (establishment id, name, city)
pub const STAYS: [(&str, &str, &str); 8] = [
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
pub struct Scenario {
    pub language: Language,
    pub messages: &'static [&'static str],
}

pub const REGULAR_SCENARIOS: [Scenario; 12] = [
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

pub const SCRIPT_SCENARIO: Scenario = Scenario {
    language: Language::English,
    messages: &[
        "<script>alert('x')</script> is this safe?",
        "Hi {first}, that looks like code pasted by mistake. It's shown as plain text here, so nothing runs. How can I help with {trip}?",
        "Sorry, my son was playing with my laptop 😅 I only wanted to know whether breakfast is included at {stay}.",
    ],
};

pub const LONG_SCENARIO: Scenario = Scenario {
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
