//! The document's examples (`fixtures/`, copied from `case-messages-v3.txt`; its `//`
//! comments dropped, its "Test comemnt" kept) read, and written back field for field.
//! Test code only (declared `#[cfg(test)]` in `dto.rs`): an unwrap here fails a test.
#![cfg(test)]

use super::*;
use serde_json::Value;

const GUID: &str = "1e0abcb7-b94c-4072-a9c0-37072a1ef015";

#[test]
fn the_create_example_reads_and_writes_back_unchanged() {
    let text = include_str!("../fixtures/create_request.json");
    let request: NewCaseMessageDto = serde_json::from_str(text).unwrap();
    assert_eq!(request.guid, GUID);
    assert_eq!(request.kind, MessageType::ServiceComment);
    assert_eq!(request.external_id.as_deref(), Some("test-42"));
    assert_eq!(request.parent_message_id, None);
    let original: Value = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_value(&request).unwrap(), original);
}

#[test]
fn the_create_answer_reads_and_writes_back_with_our_additions() {
    let text = include_str!("../fixtures/create_response.json");
    let message: CaseMessageDto = serde_json::from_str(text).unwrap();
    assert_eq!(message.id, Some(1));
    assert_eq!(message.case_id, Some(7748));
    assert_eq!(message.sender_account_id, Some(1009));
    assert_eq!(message.sender_type, Some(SenderType::Partner));
    assert_eq!(message.confirmed_at, None);
    assert_eq!(
        message.declared_at.as_deref(),
        Some("2017-07-25T10:12:54.003Z")
    );
    let mut original: Value = serde_json::from_str(text).unwrap();
    for added in ["parentMessageId", "userEmail", "userName"] {
        original[added] = Value::Null;
    }
    assert_eq!(serde_json::to_value(&message).unwrap(), original);
}

#[test]
fn the_list_example_reads_with_every_field() {
    let list: Vec<CaseMessageDto> =
        serde_json::from_str(include_str!("../fixtures/list_response.json")).unwrap();
    assert_eq!(list.len(), 2);
    assert!(list
        .iter()
        .all(|m| m.sender_type == Some(SenderType::Provider)));
    assert_eq!(list[1].content.as_deref(), Some("Test comemnt"));
    assert_eq!(list[1].external_id, None);
    assert_eq!(list[0].external_id.as_deref(), Some("test-42"));
}

#[test]
fn the_confirm_example_is_an_array_of_ids() {
    let ids: Vec<u64> =
        serde_json::from_str(include_str!("../fixtures/confirm_request.json")).unwrap();
    assert_eq!(ids, [4377, 4378, 4379, 4380]);
}

#[test]
fn a_message_read_leniently_keeps_what_it_does_not_know() {
    let message: CaseMessageDto = serde_json::from_str(
        r#"{"id":"12","caseId":null,"senderType":null,"type":"warrantyClaim","parentMessageId":"","messageType":"old"}"#,
    )
    .unwrap();
    assert_eq!(message.id, Some(12));
    assert_eq!(message.case_id, None);
    assert_eq!(message.sender_type, None);
    assert_eq!(message.parent_message_id, None);
    assert_eq!(
        message.kind,
        Some(MessageType::Other("warrantyClaim".into()))
    );
    assert!(serde_json::from_str::<CaseMessageDto>(r#"{"id":"x"}"#).is_err());
}

#[test]
fn the_ten_types_are_the_documents() {
    assert_eq!(
        MessageType::KNOWN,
        [
            "serviceComment",
            "customerCenterReply",
            "costProposalRejectRur",
            "costProposalRejectScrap",
            "statusRequest",
            "spareParts",
            "reminder",
            "costProposal",
            "shipment",
            "forwarding"
        ]
    );
    assert!(MessageType::KNOWN
        .iter()
        .all(|t| t.len() <= super::super::MAX_TYPE_CHARS));
}

#[test]
fn a_sender_account_reads_as_a_number_a_number_written_as_text_or_null() {
    for (raw, expected) in [
        ("1009", Some(1009)),
        (r#""1009""#, Some(1009)),
        ("null", None),
        (r#""""#, None),
    ] {
        let message: CaseMessageDto =
            serde_json::from_str(&format!(r#"{{"id": 1, "senderAccountId": {raw}}}"#)).unwrap();
        assert_eq!(message.sender_account_id, expected, "{raw}");
    }
    let absent: CaseMessageDto = serde_json::from_str(r#"{"id": 1}"#).unwrap();
    assert_eq!(absent.sender_account_id, None);
}
