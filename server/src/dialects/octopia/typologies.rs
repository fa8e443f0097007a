//! The sub-typologies `GET /discussions/typologies` answers: a fixed catalogue, since the
//! reference server has no marketplace behind it to ask. Each entry is one reason for a
//! discussion at one order status; the seed picks its discussions' codes from here.

use switchboard_core::wire::octopia::OrderStatus;

/// One sub-typology at one order status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Typology {
    pub typology_id: &'static str,
    pub typology_code: &'static str,
    pub sub_typology_code: &'static str,
    pub description: &'static str,
    pub state: OrderState,
}

/// [`OrderStatus`] as a constant can hold it (the open enum owns strings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderState {
    WaitingForShipmentAcceptation,
    Shipped,
    Received,
    Cancelled,
}

impl OrderState {
    pub fn status(self) -> OrderStatus {
        match self {
            OrderState::WaitingForShipmentAcceptation => OrderStatus::WaitingForShipmentAcceptation,
            OrderState::Shipped => OrderStatus::Shipped,
            OrderState::Received => OrderStatus::Received,
            OrderState::Cancelled => OrderStatus::Cancelled,
        }
    }
}

pub const COMMANDE: &str = "COMMANDE";
pub const LIVRAISON: &str = "LIVRAISON";
pub const PRODUIT: &str = "PRODUIT";
pub const RETOUR: &str = "RETOUR";

pub const DEMANDE_ANNULATION: &str = "DEMANDE_ANNULATION";
pub const DEMANDE_FACTURE: &str = "DEMANDE_FACTURE";
pub const MODIFICATION_ADRESSE: &str = "MODIFICATION_ADRESSE";
pub const REMBOURSEMENT_ANNULATION: &str = "REMBOURSEMENT_ANNULATION";
pub const RETARD_LIVRAISON: &str = "RETARD_LIVRAISON";
pub const PRODUIT_NON_RECU: &str = "PRODUIT_NON_RECU";
pub const COLIS_ENDOMMAGE: &str = "COLIS_ENDOMMAGE";
pub const PRODUIT_NON_CONFORME: &str = "PRODUIT_NON_CONFORME";
pub const PRODUIT_DEFECTUEUX: &str = "PRODUIT_DEFECTUEUX";
pub const QUESTION_PRODUIT: &str = "QUESTION_PRODUIT";
pub const DEMANDE_RETOUR: &str = "DEMANDE_RETOUR";
pub const RETOUR_NON_REMBOURSE: &str = "RETOUR_NON_REMBOURSE";

const fn entry(
    typology_id: &'static str,
    typology_code: &'static str,
    sub_typology_code: &'static str,
    description: &'static str,
    state: OrderState,
) -> Typology {
    Typology {
        typology_id,
        typology_code,
        sub_typology_code,
        description,
        state,
    }
}

use OrderState::{Cancelled, Received, Shipped, WaitingForShipmentAcceptation as Waiting};

/// Every sub-typology, by typology then order status.
pub const CATALOGUE: &[Typology] = &[
    entry(
        "1",
        COMMANDE,
        DEMANDE_ANNULATION,
        "Demande d'annulation",
        Waiting,
    ),
    entry(
        "1",
        COMMANDE,
        MODIFICATION_ADRESSE,
        "Modification de l'adresse de livraison",
        Waiting,
    ),
    entry(
        "1",
        COMMANDE,
        DEMANDE_FACTURE,
        "Demande de facture",
        Shipped,
    ),
    entry(
        "1",
        COMMANDE,
        DEMANDE_FACTURE,
        "Demande de facture",
        Received,
    ),
    entry(
        "1",
        COMMANDE,
        REMBOURSEMENT_ANNULATION,
        "Remboursement d'une commande annulée",
        Cancelled,
    ),
    entry(
        "2",
        LIVRAISON,
        RETARD_LIVRAISON,
        "Retard de livraison",
        Shipped,
    ),
    entry(
        "2",
        LIVRAISON,
        PRODUIT_NON_RECU,
        "Produit non reçu",
        Shipped,
    ),
    entry("2", LIVRAISON, COLIS_ENDOMMAGE, "Colis endommagé", Received),
    entry(
        "3",
        PRODUIT,
        QUESTION_PRODUIT,
        "Question sur le produit",
        Waiting,
    ),
    entry(
        "3",
        PRODUIT,
        PRODUIT_NON_CONFORME,
        "Produit non conforme",
        Received,
    ),
    entry(
        "3",
        PRODUIT,
        PRODUIT_DEFECTUEUX,
        "Produit défectueux",
        Received,
    ),
    entry("4", RETOUR, DEMANDE_RETOUR, "Demande de retour", Received),
    entry(
        "4",
        RETOUR,
        RETOUR_NON_REMBOURSE,
        "Retour non remboursé",
        Cancelled,
    ),
];

/// The entries for one order status, or all of them.
pub fn for_status(status: Option<&OrderStatus>) -> impl Iterator<Item = &'static Typology> + '_ {
    CATALOGUE
        .iter()
        .filter(move |t| status.is_none_or(|s| t.state.status() == *s))
}

/// The typology a sub-typology belongs to.
pub fn typology_of(sub_typology_code: &str) -> Option<&'static str> {
    CATALOGUE
        .iter()
        .find(|t| t.sub_typology_code == sub_typology_code)
        .map(|t| t.typology_code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_sub_typologies_and_codes_keep_their_typology() {
        for status in OrderStatus::KNOWN {
            let status = OrderStatus::from((*status).to_owned());
            assert!(for_status(Some(&status)).count() >= 2, "{status}");
        }
        assert_eq!(for_status(None).count(), CATALOGUE.len());
        for t in CATALOGUE {
            assert_eq!(typology_of(t.sub_typology_code), Some(t.typology_code));
        }
    }
}
