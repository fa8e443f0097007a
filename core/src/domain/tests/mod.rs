//! The domain's small rules: keys, filters, previews, status changes.

use super::*;

#[test]
fn keys_encode_into_safe_paths() {
    let key = ConversationKey::new("communication", "a/b c?d");
    assert_eq!(key.path(), "/conversations/communication/a%2Fb%20c%3Fd");
}

#[test]
fn routes_give_their_key_back_encoded_or_not() {
    let key = ConversationKey::new("communication", "a/b c?d");
    assert_eq!(ConversationKey::from_path(&key.path()), Some(key.clone()));
    assert_eq!(
        ConversationKey::from_path("/conversations/communication/a/b c?d"),
        Some(key)
    );
    assert_eq!(ConversationKey::from_path("/"), None);
    assert_eq!(ConversationKey::from_path("/conversations/octopia/"), None);
}

#[test]
fn decoding_undoes_encoding_and_survives_bad_escapes() {
    for id in ["a/b c?d", "réservation #4", "plain-id_1.2~x", ""] {
        assert_eq!(decode_percent(&encode_path_segment(id)), id);
    }
    assert_eq!(decode_percent("100%"), "100%");
    assert_eq!(decode_percent("%zz%4"), "%zz%4");
    assert_eq!(decode_percent("%C3"), "\u{FFFD}");
}

#[test]
fn slugs_are_the_serialized_kinds() {
    for kind in [
        BackendKind::Communication,
        BackendKind::Octopia,
        BackendKind::CaseMessages,
        BackendKind::SupportSessions,
        BackendKind::Postcenter,
    ] {
        assert_eq!(
            serde_json::to_value(kind).unwrap(),
            serde_json::Value::from(kind.slug())
        );
    }
}

#[test]
fn filters_round_trip_through_their_tokens() {
    for f in StatusFilter::ALL {
        assert_eq!(StatusFilter::parse(Some(f.token())), f);
    }
    for f in AssigneeFilter::ALL {
        assert_eq!(AssigneeFilter::parse(Some(f.token())), f);
    }
    assert_eq!(StatusFilter::parse(Some("nonsense")), StatusFilter::All);
    assert_eq!(AssigneeFilter::parse(None), AssigneeFilter::All);
}

#[test]
fn preview_folds_whitespace_and_cuts_on_characters() {
    assert_eq!(preview_text("  a\n\n b\t c ", 10), "a b c");
    let long = "é".repeat(200);
    let cut = preview_text(&long, 10);
    assert_eq!(cut.chars().count(), 10);
    assert!(cut.ends_with('…'));
}

#[test]
fn status_changes_follow_the_status() {
    assert_eq!(
        StatusChange::available_from(&ConversationStatus::Open),
        vec![StatusChange::Close, StatusChange::Archive]
    );
    assert_eq!(
        StatusChange::available_from(&ConversationStatus::Archived),
        vec![StatusChange::Reopen]
    );
}
