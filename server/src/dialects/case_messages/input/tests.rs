//! The checks of `create`, the guid query and `confirm`'s ids, one rule at a time.

use super::*;
use serde_json::json;

const GUID: &str = "1e0abcb7-b94c-4072-a9c0-37072a1ef015";

fn fields(error: HttpError) -> Vec<(String, String)> {
    error
        .problems
        .into_iter()
        .map(|p| (p.field, p.issue))
        .collect()
}

#[test]
fn the_documents_example_is_valid() {
    let body: Value = serde_json::from_str(include_str!(
        "../../../../../core/src/wire/case_messages/fixtures/create_request.json"
    ))
    .unwrap();
    let message = create(body).unwrap();
    assert_eq!(message.guid, GUID);
    assert_eq!(message.kind, "serviceComment");
    assert_eq!(
        message.declared_at.as_deref(),
        Some("2017-07-25T10:12:54.003Z")
    );
    assert_eq!(message.external_id.as_deref(), Some("test-42"));
    assert_eq!(message.content.as_deref(), Some("Test message"));
}

#[test]
fn guid_and_type_are_required_and_checked() {
    assert_eq!(
        fields(create(json!({})).unwrap_err()),
        [
            ("guid".to_owned(), "is required".to_owned()),
            ("type".to_owned(), "is required".to_owned())
        ]
    );
    let error = create(json!({"guid": "not-a-guid", "type": "comment"})).unwrap_err();
    let problems = fields(error);
    assert_eq!(problems[0], ("guid".into(), "must be a valid GUID".into()));
    assert!(problems[1]
        .1
        .starts_with("must be one of [serviceComment, customerCenterReply"));
    let long = "x".repeat(33);
    let problems = fields(create(json!({"guid": GUID, "type": long})).unwrap_err());
    assert_eq!(
        problems[0].1,
        "length must be less than or equal to 32 characters long"
    );
    let problems = fields(create(json!({"guid": 5, "type": ["reminder"]})).unwrap_err());
    assert_eq!(problems[0].1, "must be a string");
    assert_eq!(problems[1].1, "must be a string");
}

#[test]
fn lengths_are_the_documents() {
    let at = |n: usize| "a".repeat(n);
    let ok = create(
        json!({"guid": GUID, "type": "reminder", "externalId": at(512), "userEmail": at(512), "userName": at(512)}),
    );
    assert!(ok.is_ok());
    let error = create(json!({"guid": GUID, "type": "reminder", "externalId": at(513), "userEmail": at(513), "userName": at(513), "content": at(10_001)})).unwrap_err();
    let names: Vec<String> = fields(error).into_iter().map(|(f, _)| f).collect();
    assert_eq!(names, ["content", "externalId", "userEmail", "userName"]);
}

#[test]
fn optional_fields_default_and_refuse_bad_values() {
    let message = create(json!({"guid": GUID.to_uppercase(), "type": "statusRequest", "content": "  ", "declaredAt": "", "externalId": null})).unwrap();
    assert_eq!(message.guid, GUID, "guids are kept in lower case");
    assert_eq!(message.content, None);
    assert_eq!(message.declared_at, None, "empty means now");
    assert_eq!(message.external_id, None);
    let message = create(json!({"guid": GUID, "type": "reminder", "declaredAt": "2017-07-25T12:12:54+02:00", "parentMessageId": 4377})).unwrap();
    assert_eq!(
        message.declared_at.as_deref(),
        Some("2017-07-25T10:12:54.000Z")
    );
    assert_eq!(message.parent_message_id, Some(4377));
    let problems = fields(create(json!({"guid": GUID, "type": "reminder", "declaredAt": "yesterday", "parentMessageId": "12"})).unwrap_err());
    assert_eq!(problems[0].0, "declaredAt");
    assert_eq!(
        problems[1],
        ("parentMessageId".into(), "must be a number".into())
    );
    for (bad, issue) in [
        (json!(0), "must be a positive number"),
        (json!(1.5), "must be an integer"),
    ] {
        let problems = fields(
            create(json!({"guid": GUID, "type": "reminder", "parentMessageId": bad})).unwrap_err(),
        );
        assert_eq!(problems[0].1, issue);
    }
}

#[test]
fn unknown_fields_are_refused_by_name() {
    let problems = fields(create(json!({"guid": GUID, "messageType": "reminder", "type": "reminder", "senderType": "provider"})).unwrap_err());
    assert_eq!(
        problems,
        [
            ("messageType".to_owned(), "is not allowed".to_owned()),
            ("senderType".to_owned(), "is not allowed".to_owned())
        ]
    );
    let problems = fields(create(json!([1])).unwrap_err());
    assert_eq!(problems[0], (ROOT.into(), "must be an object".into()));
}

#[test]
fn confirm_takes_an_array_of_positive_ids() {
    assert_eq!(
        confirm_ids(json!([4377, 4378, 4377])).unwrap(),
        [4377, 4378]
    );
    assert_eq!(confirm_ids(json!([])).unwrap(), Vec::<i64>::new());
    let problems = fields(confirm_ids(json!(["a", 2, -1, 2.5])).unwrap_err());
    assert_eq!(
        problems,
        [
            ("0".to_owned(), "must be a number".to_owned()),
            ("2".to_owned(), "must be a positive number".to_owned()),
            ("3".to_owned(), "must be an integer".to_owned())
        ]
    );
    assert_eq!(
        fields(confirm_ids(json!({"ids": [1]})).unwrap_err())[0].1,
        "must be an array"
    );
    let too_many: Vec<i64> = (1..=1001).collect();
    assert!(fields(confirm_ids(json!(too_many)).unwrap_err())[0]
        .1
        .contains("less than or equal to 1000 items"));
}
