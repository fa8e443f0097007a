//! The document's shapes as fixtures: the session ("Details of customer support") and the
//! agent, read, written back and mapped; Switchboard's additions and history beside them.

use super::*;
use crate::domain::ConversationStatus;
use crate::i18n::Lang;

/// The session's shape as `support-management.txt` lists it: `order_id`, `callback_phone`.
const DOCUMENT_SESSION: &str = include_str!("../fixtures/document-session.json");
/// The agent's shape: `id`, `rating` (a rating may be an expression).
const DOCUMENT_AGENT: &str = include_str!("../fixtures/document-agent.json");
/// A session as the reference server answers it, with Switchboard's additions.
const SERVER_SESSION: &str = include_str!("../fixtures/server-session.json");

#[test]
fn the_documented_shapes_read_and_write_back() {
    let session: SupportDto = serde_json::from_str(DOCUMENT_SESSION).unwrap();
    assert_eq!(session.order_id.as_deref(), Some("RIDE-2611-4821"));
    assert_eq!(session.callback_phone.as_deref(), Some("+33612345678"));
    assert_eq!(session.status, None);
    let agent: AgentDto = serde_json::from_str(DOCUMENT_AGENT).unwrap();
    assert_eq!(agent.id.as_deref(), Some("driver-amadou-diallo"));
    assert_eq!(agent.rating.as_deref(), Some("gte 4.5"));
    assert_eq!(serde_json::to_string(&agent).unwrap(), DOCUMENT_AGENT);
    let full: SupportDto = serde_json::from_str(SERVER_SESSION).unwrap();
    assert_eq!(serde_json::to_string(&full).unwrap(), SERVER_SESSION);
}

#[test]
fn reads_are_lenient() {
    let agent: AgentDto = serde_json::from_str(r#"{"id":"d-1","rating":4.5}"#).unwrap();
    assert_eq!(
        agent.rating.as_deref(),
        Some("4.5"),
        "a number is kept as its text"
    );
    let session: SupportDto =
        serde_json::from_str(r#"{"order_id":"o","status":"escalated","agent":null}"#).unwrap();
    assert_eq!(
        session.status,
        Some(SessionStatus::Other("escalated".into()))
    );
    let empty: SupportDto = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, SupportDto::default());
}

#[test]
fn a_change_tells_absent_from_null() {
    let absent: SupportChangeDto = serde_json::from_str(r#"{"order_id":"o"}"#).unwrap();
    assert_eq!(absent.callback_phone, None);
    let null: SupportChangeDto = serde_json::from_str(r#"{"callback_phone":null}"#).unwrap();
    assert_eq!(null.callback_phone, Some(None));
    let set: SupportChangeDto = serde_json::from_str(DOCUMENT_SESSION).unwrap();
    assert_eq!(set.callback_phone, Some(Some("+33612345678".into())));
    assert_eq!(serde_json::to_string(&set).unwrap(), DOCUMENT_SESSION);
    // The agent's PUT in the document's literal shape (the session's): no `id` to set.
    let literal: AgentChangeDto = serde_json::from_str(DOCUMENT_SESSION).unwrap();
    assert_eq!(literal.id, None);
    assert_eq!(literal.callback_phone, Some(Some("+33612345678".into())));
}

#[test]
fn a_session_is_a_conversation_keyed_by_its_order() {
    let dto: SupportDto = serde_json::from_str(SERVER_SESSION).unwrap();
    let c = session_to_domain("support-sessions", &dto, Lang::En).unwrap();
    assert_eq!(
        c.key.path(),
        "/conversations/support-sessions/RIDE-2611-4821"
    );
    assert_eq!(c.reference.as_deref(), Some("RIDE-2611-4821"));
    assert_eq!(c.customer, "+33612345678");
    assert_eq!(c.status, ConversationStatus::InProgress, "it has an agent");
    assert_eq!(
        c.subject.as_deref(),
        Some("Support for order RIDE-2611-4821")
    );
    assert_eq!(
        c.badges,
        ["Agent driver-amadou-diallo · rating > 4 and ≤ 5"]
    );
    assert_eq!(c.participants, ["driver-amadou-diallo"]);
    assert!(!c.capabilities.reply && !c.capabilities.assign && c.capabilities.close);
    assert_eq!(
        c.last_activity.map(crate::wire::format_instant).as_deref(),
        Some("2026-11-25T09:30:00.000Z")
    );

    let bare: SupportDto = serde_json::from_str(DOCUMENT_SESSION).unwrap();
    let c = session_to_domain("support-sessions", &bare, Lang::En).unwrap();
    assert_eq!(c.status, ConversationStatus::Open);
    assert!(c.badges.is_empty());
    let closed = SupportDto {
        status: Some(SessionStatus::Closed),
        ..dto
    };
    let c = session_to_domain("support-sessions", &closed, Lang::En).unwrap();
    assert_eq!(c.status, ConversationStatus::Closed);
    assert!(session_to_domain("support-sessions", &SupportDto::default(), Lang::En).is_err());
    assert_eq!(tel_link("+33612345678"), "tel:+33612345678");
}

#[test]
fn history_entries_read_as_sentences() {
    let raw = include_str!("../fixtures/history.json");
    let entries: Vec<HistoryEntryDto> = serde_json::from_str(raw).unwrap();
    let lines: Vec<String> = entries.iter().map(|e| history_line(e, Lang::En)).collect();
    assert_eq!(
        lines,
        [
            "Camille Laurent opened the session, callback phone +33612345678.",
            "Camille Laurent changed the callback phone from +33612345678 to +33698765432.",
            "agent-javier set the agent: driver-1 · rating 4.8.",
            "Someone changed the agent from driver-1 · rating 4.8 to driver-2.",
            "Aisha Khan removed the agent driver-2.",
            "Aisha Khan closed the session.",
            "Someone did “reassigned”.",
        ]
    );
}

#[test]
fn a_session_reads_in_french_and_spanish() {
    let dto: SupportDto = serde_json::from_str(SERVER_SESSION).unwrap();
    let fr = session_to_domain("support-sessions", &dto, Lang::Fr).unwrap();
    assert_eq!(
        fr.subject.as_deref(),
        Some("Assistance pour la commande RIDE-2611-4821")
    );
    assert_eq!(
        fr.badges,
        ["Intervenant driver-amadou-diallo · note > 4 et ≤ 5"]
    );
    let es = session_to_domain("support-sessions", &dto, Lang::Es).unwrap();
    assert_eq!(
        es.subject.as_deref(),
        Some("Soporte para el pedido RIDE-2611-4821")
    );
    assert_eq!(
        es.badges,
        ["Encargado driver-amadou-diallo · valoración > 4 y ≤ 5"]
    );
    assert!(no_messages(Lang::En).starts_with("A support session has no messages"));
    assert!(no_messages(Lang::Fr).starts_with("Une session d’assistance"));
}

#[test]
fn history_entries_read_in_french_and_spanish() {
    let raw = include_str!("../fixtures/history.json");
    let entries: Vec<HistoryEntryDto> = serde_json::from_str(raw).unwrap();
    let french: Vec<String> = entries.iter().map(|e| history_line(e, Lang::Fr)).collect();
    assert_eq!(
        french,
        [
            "Camille Laurent a ouvert la session, numéro de rappel +33612345678.",
            "Camille Laurent a changé le numéro de rappel (avant : +33612345678, après : +33698765432).",
            "agent-javier a défini l’intervenant : driver-1 · note 4.8.",
            "Quelqu’un a changé l’intervenant (avant : driver-1 · note 4.8, après : driver-2).",
            "Aisha Khan a retiré l’intervenant driver-2.",
            "Aisha Khan a fermé la session.",
            "Quelqu’un a effectué « reassigned ».",
        ]
    );
    let spanish: Vec<String> = entries.iter().map(|e| history_line(e, Lang::Es)).collect();
    assert_eq!(
        spanish,
        [
            "Camille Laurent abrió la sesión, teléfono para devolver la llamada +33612345678.",
            "Camille Laurent cambió el teléfono para devolver la llamada de +33612345678 a +33698765432.",
            "agent-javier asignó el encargado: driver-1 · valoración 4.8.",
            "Alguien cambió el encargado de driver-1 · valoración 4.8 a driver-2.",
            "Aisha Khan quitó al encargado driver-2.",
            "Aisha Khan cerró la sesión.",
            "Alguien hizo «reassigned».",
        ]
    );
    let bare = HistoryEntryDto::default();
    assert_eq!(history_line(&bare, Lang::En), "Someone made a change.");
    assert_eq!(
        history_line(&bare, Lang::Fr),
        "Quelqu’un a effectué une modification."
    );
    assert_eq!(history_line(&bare, Lang::Es), "Alguien hizo un cambio.");
}

#[test]
fn error_codes_follow_the_status() {
    assert_eq!(error_code(409), "CONFLICT");
    assert_eq!(error_code(401), "UNAUTHORIZED");
    assert_eq!(error_code(418), "INVALID_REQUEST");
    assert_eq!(error_code(502), "INTERNAL_ERROR");
}
