//! Records become the document's fields (core's `wire::case_messages` DTOs): a message as
//! `create` answers it and `GET /case-messages` lists it, with `parentMessageId`,
//! `userEmail` and `userName` given back (ours: the document only takes them), and the
//! answer of `confirm`.

use super::store::MessageRecord;
use switchboard_core::wire::case_messages::{
    CaseMessageDto, ConfirmErrorDto, ConfirmResultDto, SenderType,
};

fn id(value: i64) -> Option<u64> {
    u64::try_from(value).ok()
}

pub fn message(record: MessageRecord) -> CaseMessageDto {
    let fields = record.fields;
    CaseMessageDto {
        id: id(record.id),
        case_id: id(fields.case_id),
        guid: Some(record.guid),
        sender_account_id: fields.sender_account_id.and_then(id),
        sender_type: fields.sender_type.map(SenderType::from),
        content: fields.content,
        kind: Some(fields.kind.into()),
        external_id: fields.external_id,
        parent_message_id: fields.parent_message_id.and_then(id),
        user_email: fields.user_email,
        user_name: fields.user_name,
        confirmed_at: fields.confirmed_at,
        created_at: Some(fields.created_at),
        updated_at: Some(fields.updated_at),
        declared_at: Some(fields.declared_at),
    }
}

/// `{"success": true, "errors": [...], "data": {}}`: true whatever failed, as documented.
pub fn confirmed(failures: Vec<(i64, &'static str)>) -> ConfirmResultDto {
    ConfirmResultDto {
        errors: failures
            .into_iter()
            .map(|(failed, why)| ConfirmErrorDto {
                id: id(failed),
                message: Some(why.to_owned()),
            })
            .collect(),
        ..ConfirmResultDto::all_confirmed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialects::case_messages::store::MessageFields;
    use serde_json::json;

    #[test]
    fn a_message_has_every_field_of_the_document_nulls_included() {
        let record = MessageRecord {
            id: 1,
            guid: "1e0abcb7-b94c-4072-a9c0-37072a1ef015".into(),
            fields: MessageFields {
                case_id: 7748,
                sender_account_id: Some(1009),
                sender_type: Some("partner".into()),
                content: Some("Test message".into()),
                kind: "serviceComment".into(),
                external_id: Some("test-42".into()),
                declared_at: "2017-07-25T10:12:54.003Z".into(),
                created_at: "2017-07-26T14:02:02.170Z".into(),
                updated_at: "2017-07-26T14:02:02.170Z".into(),
                ..MessageFields::default()
            },
        };
        let mut expected: serde_json::Value = serde_json::from_str(include_str!(
            "../../../../core/src/wire/case_messages/fixtures/create_response.json"
        ))
        .unwrap();
        for added in ["parentMessageId", "userEmail", "userName"] {
            expected[added] = serde_json::Value::Null;
        }
        assert_eq!(serde_json::to_value(message(record)).unwrap(), expected);
    }

    #[test]
    fn a_partial_confirm_is_still_a_success() {
        assert_eq!(
            serde_json::to_value(confirmed(vec![(11, "Not found"), (22, "No access")])).unwrap(),
            json!({"success": true, "errors": [{"id": 11, "message": "Not found"}, {"id": 22, "message": "No access"}], "data": {}})
        );
    }
}
