//! The texts of Octopia's demo discussions, in French as on Cdiscount: who writes what,
//! in order, with `{first}` (the customer's first name) and `{ref}` (the order reference)
//! filled in by the seed, and which message carries which demo file.

use crate::dialects::octopia::typologies::*;

/// Who writes a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Customer,
    Seller,
    Service,
}

/// A demo file, made by `seed::files`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoFile {
    Invoice,
    Photo,
    Proof,
    Manual,
}

pub struct Scenario {
    pub sub_typology: &'static str,
    pub subject: &'static str,
    pub product: &'static str,
    pub messages: &'static [(Who, &'static str)],
    /// `(message index, file)`.
    pub files: &'static [(usize, DemoFile)],
}

use DemoFile::*;
use Who::{Customer as C, Seller as S, Service as CS};

pub const CUSTOMERS: [(&str, &str); 10] = [
    ("cust-lea-dubois", "Léa Dubois"),
    ("cust-hugo-bernard", "Hugo Bernard"),
    ("cust-chloe-petit", "Chloé Petit"),
    ("cust-lucas-moreau", "Lucas Moreau"),
    ("cust-manon-girard", "Manon Girard"),
    ("cust-nathan-roux", "Nathan Roux"),
    ("cust-ines-fontaine", "Inès Fontaine"),
    ("cust-thomas-lefebvre", "Thomas Lefebvre"),
    ("cust-sarah-mercier", "Sarah Mercier"),
    ("cust-julien-faure", "Julien Faure"),
];

/// Discussions between a customer and the seller.
pub const DISCUSSIONS: &[Scenario] = &[
    Scenario {
        sub_typology: RETARD_LIVRAISON,
        subject: "Commande toujours pas arrivée",
        product: "Cafetière à piston 1 L",
        messages: &[
            (C, "Bonjour, ma commande {ref} devait arriver mardi et je n'ai toujours rien reçu. Pouvez-vous me dire où elle en est ?"),
            (S, "Bonjour {first}, le transporteur signale un retard dans son centre de tri. Le colis est annoncé pour jeudi ; je vous tiens informé."),
            (C, "Merci. Et s'il n'arrive pas jeudi ?"),
            (S, "Dans ce cas je vous renvoie un produit à nos frais ou je vous rembourse, comme vous préférez."),
        ],
        files: &[],
    },
    Scenario {
        sub_typology: DEMANDE_FACTURE,
        subject: "Facture pour ma commande",
        product: "Casque audio sans fil",
        messages: &[
            (C, "Bonjour, pourriez-vous m'envoyer la facture de la commande {ref} ? J'en ai besoin pour ma note de frais."),
            (S, "Bonjour {first}, vous trouverez la facture en pièce jointe. Bonne journée !"),
            (C, "Parfait, merci beaucoup."),
        ],
        files: &[(1, Invoice)],
    },
    Scenario {
        sub_typology: DEMANDE_ANNULATION,
        subject: "Annulation de commande",
        product: "Lampe de bureau LED",
        messages: &[
            (C, "Bonjour, je me suis trompé de couleur. Est-il possible d'annuler la commande {ref} avant l'expédition ?"),
            (S, "Bonjour {first}, c'est fait : la commande est annulée et le remboursement part sous 48 heures."),
        ],
        files: &[],
    },
    Scenario {
        sub_typology: QUESTION_PRODUIT,
        subject: "Compatibilité du chargeur",
        product: "Chargeur USB-C 65 W",
        messages: &[
            (C, "Bonjour, ce chargeur est-il compatible avec un ordinateur portable USB-C de 60 W ?"),
            (S, "Bonjour {first}, oui : il délivre jusqu'à 65 W et s'adapte automatiquement à votre ordinateur."),
            (C, "Et le câble est-il fourni ?"),
            (S, "Oui, un câble USB-C de 1,8 m est inclus."),
        ],
        files: &[],
    },
    Scenario {
        sub_typology: PRODUIT_NON_CONFORME,
        subject: "Taille différente de la fiche produit",
        product: "Housse de couette 240 x 220",
        messages: &[
            (C, "Bonjour, j'ai reçu une housse en 200 x 200 alors que j'avais commandé du 240 x 220. Je joins une photo de l'étiquette."),
            (S, "Bonjour {first}, toutes nos excuses. Je vous envoie la bonne taille aujourd'hui ; gardez l'autre, inutile de la renvoyer."),
        ],
        files: &[(0, Photo)],
    },
    Scenario {
        sub_typology: MODIFICATION_ADRESSE,
        subject: "Changement d'adresse de livraison",
        product: "Aspirateur balai sans fil",
        messages: &[
            (C, "Bonjour, j'ai déménagé la semaine dernière. Pouvez-vous livrer la commande {ref} au 12 rue des Lilas, 69003 Lyon ?"),
            (S, "Bonjour {first}, l'adresse est modifiée : la commande part demain à votre nouvelle adresse."),
        ],
        files: &[],
    },
    Scenario {
        sub_typology: DEMANDE_RETOUR,
        subject: "Retour d'un article",
        product: "Chaussures de randonnée T42",
        messages: &[
            (C, "Bonjour, les chaussures sont trop petites. Comment faire pour les retourner ?"),
            (S, "Bonjour {first}, je vous envoie une étiquette de retour prépayée par e-mail. Déposez le colis en point relais sous 14 jours."),
            (C, "Bien reçu, je dépose le colis demain."),
        ],
        files: &[],
    },
    Scenario {
        sub_typology: PRODUIT_DEFECTUEUX,
        subject: "Bouilloire qui fuit",
        product: "Bouilloire électrique 1,7 L",
        messages: &[
            (C, "Bonjour, la bouilloire fuit par le dessous dès la première utilisation."),
            (S, "Bonjour {first}, désolé pour ce désagrément. Pouvez-vous m'envoyer une photo du dessous de l'appareil ?"),
            (C, "Voici la photo : on voit l'eau sous le socle."),
        ],
        files: &[(2, Photo)],
    },
    Scenario {
        sub_typology: PRODUIT_NON_RECU,
        subject: "Colis indiqué livré mais pas reçu",
        product: "Montre connectée",
        messages: &[
            (C, "Bonjour, le suivi indique que le colis a été livré hier mais je n'ai rien reçu, ni dans ma boîte aux lettres ni chez les voisins."),
            (S, "Bonjour {first}, j'ouvre une enquête auprès du transporteur ; réponse sous 48 heures."),
            (C, "D'accord, j'attends de vos nouvelles."),
        ],
        files: &[],
    },
    Scenario {
        sub_typology: REMBOURSEMENT_ANNULATION,
        subject: "Remboursement pas encore reçu",
        product: "Tapis de yoga",
        messages: &[
            (C, "Bonjour, ma commande {ref} a été annulée il y a dix jours et je n'ai pas encore été remboursé."),
            (S, "Bonjour {first}, le remboursement est parti le 3 ; comptez trois à cinq jours ouvrés selon votre banque."),
        ],
        files: &[],
    },
];

/// The one discussion whose customer pasted markup: the console must show it as text.
pub const SCRIPT_DISCUSSION: Scenario = Scenario {
    sub_typology: QUESTION_PRODUIT,
    subject: "Question sur la notice",
    product: "Robot pâtissier",
    messages: &[
        (C, "Bonjour, la notice en ligne affiche <script>alert(\"x\")</script> au lieu du texte. Est-ce normal ?"),
        (S, "Bonjour {first}, merci du signalement : voici la notice en PDF."),
    ],
    files: &[(1, Manual)],
};

/// Claims: the marketplace's care team steps in between the customer and the seller.
pub const CLAIMS: &[Scenario] = &[
    Scenario {
        sub_typology: PRODUIT_NON_RECU,
        subject: "Réclamation : commande jamais reçue",
        product: "Enceinte Bluetooth",
        messages: &[
            (C, "Bonjour, cela fait trois semaines que j'attends ma commande {ref} et le vendeur ne répond plus."),
            (CS, "Bonjour, nous avons ouvert une réclamation. Vendeur, merci de fournir la preuve de livraison ou de rembourser le client."),
            (S, "Bonjour, voici la preuve de dépôt du colis. Nous avons relancé le transporteur et remboursons le client si rien n'est retrouvé sous cinq jours."),
        ],
        files: &[(2, Proof)],
    },
    Scenario {
        sub_typology: RETOUR_NON_REMBOURSE,
        subject: "Réclamation : retour non remboursé",
        product: "Veste imperméable",
        messages: &[
            (C, "Bonjour, j'ai renvoyé l'article il y a un mois et je ne suis toujours pas remboursé."),
            (CS, "Bonjour, le colis retour a bien été livré au vendeur le 12. Vendeur, merci de procéder au remboursement."),
            (S, "Bonjour, le remboursement vient d'être effectué. Toutes nos excuses pour le délai."),
            (C, "Je confirme avoir reçu le remboursement, merci."),
        ],
        files: &[],
    },
    Scenario {
        sub_typology: PRODUIT_NON_CONFORME,
        subject: "Réclamation : article non conforme",
        product: "Parfum 100 ml",
        messages: &[
            (C, "Bonjour, le produit reçu ne ressemble pas à l'original : pas de numéro de lot et un emballage différent."),
            (CS, "Bonjour, merci de votre signalement. Vendeur, merci de nous transmettre la facture d'achat de cet article auprès de votre fournisseur."),
        ],
        files: &[],
    },
    Scenario {
        sub_typology: PRODUIT_DEFECTUEUX,
        subject: "Réclamation : écran fissuré",
        product: "Tablette 10 pouces",
        messages: &[
            (C, "Bonjour, la tablette est arrivée avec l'écran fissuré et le vendeur me demande de payer le retour."),
            (CS, "Bonjour, un produit arrivé endommagé se retourne aux frais du vendeur. Vendeur, merci d'envoyer une étiquette prépayée."),
            (S, "Bonjour, l'étiquette prépayée est envoyée au client. Nous expédions une tablette neuve dès réception du retour."),
        ],
        files: &[],
    },
];
