//! What the console sends to the support sessions API, built from the domain (the other
//! direction of [`super::map`]), so every body is tested natively.

use super::dto::*;
use crate::domain::Performer;

/// `PUT /support/{orderId}` with the callback phone, trimmed; `None` sends `null`, which
/// removes it.
pub fn callback_phone_to_wire(phone: Option<&str>) -> SupportChangeDto {
    SupportChangeDto {
        order_id: None,
        callback_phone: Some(phone.map(|p| p.trim().to_owned())),
    }
}

/// `PUT /support/{orderId}/agent` with the order's performer and the rating they must
/// have, both trimmed.
pub fn performer_to_wire(performer: &Performer) -> AgentChangeDto {
    AgentChangeDto {
        id: Some(performer.id.trim().to_owned()),
        rating: performer.rating.as_deref().map(|r| r.trim().to_owned()),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_is_sent_trimmed_and_none_sends_null_to_remove_it() {
        let json = serde_json::to_value(callback_phone_to_wire(Some(" +33612345678 "))).unwrap();
        assert_eq!(json, serde_json::json!({"callback_phone": "+33612345678"}));
        let json = serde_json::to_value(callback_phone_to_wire(None)).unwrap();
        assert_eq!(json, serde_json::json!({"callback_phone": null}));
    }

    #[test]
    fn a_performer_is_sent_with_the_rating_they_must_have() {
        let performer = Performer {
            id: " driver-amadou-diallo ".into(),
            rating: Some(" gte 4.5 ".into()),
        };
        let json = serde_json::to_value(performer_to_wire(&performer)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"id": "driver-amadou-diallo", "rating": "gte 4.5"})
        );
    }
}
