//! Octopia's documented attributes, read and mapped.

use super::*;
use crate::i18n::Lang;

/// A discussion's detail with every attribute the document lists.
const DISCUSSION: &str = include_str!("../../fixtures/discussion.json");

fn typologies() -> Vec<TypologyDto> {
    vec![TypologyDto {
        sub_typology_code: Some("DamagedParcel".into()),
        typology_description: Some("Colis endommagé".into()),
        ..Default::default()
    }]
}

#[test]
fn the_documented_discussion_maps() {
    let dto: DiscussionDto = serde_json::from_str(DISCUSSION).unwrap();
    assert_eq!(dto.seller_id.as_deref(), Some("s-1"), "`sellerid` is read");
    let c = discussion_to_domain("octopia", dto, &typologies(), Lang::En).unwrap();
    assert_eq!(c.key.path(), "/conversations/octopia/d-1");
    assert_eq!(c.customer_display(), "Camille Martin");
    assert_eq!(c.reference.as_deref(), Some("2511PAQ7731"));
    assert_eq!(c.reason.as_deref(), Some("Colis endommagé"));
    assert_eq!(c.badges, vec!["Claim", "CDISCOUNT"]);
    assert_eq!(c.status, ConversationStatus::Open);
    assert_eq!(c.unread, Some(true));
    let roles: Vec<_> = c.reply_recipients.iter().map(|r| r.role.as_str()).collect();
    assert_eq!(roles, ["Customer", "CustomerService"]);
    assert_eq!(c.reply_recipients[0].label, "Customer · Camille Martin");
    let last = c.last_message.unwrap();
    assert_eq!(
        last.author.kind,
        AuthorKind::Other("Marketplace care team".into())
    );
    assert_eq!(last.read, Some(false));
}

#[test]
fn messages_carry_their_files_and_read_state() {
    let dto: DiscussionDto = serde_json::from_str(DISCUSSION).unwrap();
    let first = message_to_domain(dto.messages[0].clone(), Lang::En).unwrap();
    assert_eq!(first.author.name.as_deref(), Some("Camille Martin"));
    assert_eq!(first.recipients, vec!["Seller"]);
    assert_eq!(first.attachments[0].media_type, "image/jpeg");
    assert!(first.attachments[0].is_image);
    assert_eq!(first.attachments[0].size, 2048);
    assert_eq!(first.read, Some(true));
}

#[test]
fn statuses_follow_is_open_then_the_process_status() {
    use ProcessStatus::*;
    assert_eq!(
        status_to_domain(Some(false), Some(&ToTreat)),
        ConversationStatus::Closed
    );
    assert_eq!(
        status_to_domain(Some(true), Some(&Treated)),
        ConversationStatus::InProgress
    );
    assert_eq!(status_to_domain(None, None), ConversationStatus::Open);
    assert_eq!(
        status_to_domain(Some(true), Some(&Other("Escalated".into()))),
        ConversationStatus::Other("Escalated".into())
    );
}

#[test]
fn a_page_counts_the_unreadable_and_knows_its_next() {
    let raw = format!(
        r#"{{"items":[{DISCUSSION},{{"subject":"no id"}},42],"pageIndex":"1","pageSize":3,"totalCount":7}}"#
    );
    let dto: DiscussionPageDto<serde_json::Value> = serde_json::from_str(&raw).unwrap();
    let (page, unreadable) = page_to_domain("octopia", dto, &[], Lang::En);
    assert_eq!(page.items.len(), 1);
    assert_eq!(unreadable, 2);
    assert_eq!(page.next, Some(Cursor::page(2)));
    assert_eq!(
        page.items[0].reason.as_deref(),
        Some("DamagedParcel"),
        "unknown codes show as they came"
    );

    let last = r#"{"items":[],"pageIndex":3,"pageSize":3,"totalCount":7}"#;
    let (page, _) = page_to_domain(
        "octopia",
        serde_json::from_str(last).unwrap(),
        &[],
        Lang::En,
    );
    assert_eq!(page.next, None);
}

#[test]
fn a_page_numbered_at_the_last_index_has_no_next_instead_of_overflowing() {
    let raw = format!(
        r#"{{"items":[{DISCUSSION}],"pageIndex":4294967295,"pageSize":0,"totalCount":4294967294}}"#
    );
    let (page, unreadable) = page_to_domain(
        "octopia",
        serde_json::from_str(&raw).unwrap(),
        &[],
        Lang::En,
    );
    assert_eq!(
        (page.items.len(), unreadable),
        (1, 0),
        "its discussions still show"
    );
    assert_eq!(page.next, None);
    assert_eq!(page.total_items, Some(4_294_967_294));

    let huge = format!(
        r#"{{"items":[{DISCUSSION}],"pageIndex":"4294967295","pageSize":"4294967295","totalCount":18446744073709551615}}"#
    );
    let (page, _) = page_to_domain(
        "octopia",
        serde_json::from_str(&huge).unwrap(),
        &[],
        Lang::En,
    );
    assert_eq!(page.next, None);

    let one_before =
        format!(r#"{{"items":[{DISCUSSION}],"pageIndex":4294967294,"pageSize":0,"totalCount":2}}"#);
    let (page, _) = page_to_domain(
        "octopia",
        serde_json::from_str(&one_before).unwrap(),
        &[],
        Lang::En,
    );
    assert_eq!(page.next, Some(Cursor::page(u32::MAX)));
}

#[test]
fn a_long_search_is_split_into_six_month_windows() {
    let at = |s: &str| parse_instant(s).unwrap();
    let windows = search_windows(at("2025-01-15T00:00:00Z"), at("2026-03-01T00:00:00Z"));
    assert_eq!(
        windows,
        vec![
            (at("2025-09-01T00:00:00Z"), at("2026-03-01T00:00:00Z")),
            (at("2025-03-01T00:00:00Z"), at("2025-09-01T00:00:00Z")),
            (at("2025-01-15T00:00:00Z"), at("2025-03-01T00:00:00Z")),
        ]
    );
    assert!(search_windows(at("2026-03-01T00:00:00Z"), at("2026-03-01T00:00:00Z")).is_empty());
}

#[test]
fn roles_and_channels_read_in_each_language() {
    assert_eq!(role_label(&UserType::Seller, Lang::Fr), "Vendeur");
    assert_eq!(
        role_label(&UserType::CustomerService, Lang::Es),
        "Atención al cliente del marketplace"
    );
    let unknown = UserType::Other("Transporteur".into());
    assert_eq!(role_label(&unknown, Lang::Es), "Transporteur", "as it came");
    use crate::domain::channel_word;
    assert_eq!(channel_word("Email", Lang::Es), "Correo electrónico");
    assert_eq!(channel_word("Facebook", Lang::Fr), "Facebook");
}

#[test]
fn the_clock_starts_at_the_buyers_first_unanswered_message_as_the_thread_says() {
    let discussion = |messages: &[(&str, &str)]| {
        let mut dto: DiscussionDto = serde_json::from_str(DISCUSSION).unwrap();
        let template = dto.messages[0].clone();
        dto.messages = messages
            .iter()
            .map(|(who, when)| MessageDto {
                user_type: serde_json::from_value(serde_json::json!(who)).unwrap(),
                created_at: Some((*when).to_owned()),
                ..template.clone()
            })
            .collect();
        discussion_to_domain("octopia", dto, &typologies(), Lang::En).unwrap()
    };
    let at = |text: &str| text.parse::<chrono::DateTime<chrono::Utc>>().ok();
    // The documented discussion: the buyer wrote, then the marketplace's care team (which
    // does not answer for the seller).
    let dto: DiscussionDto = serde_json::from_str(DISCUSSION).unwrap();
    let documented = discussion_to_domain("octopia", dto, &typologies(), Lang::En).unwrap();
    assert_eq!(documented.awaiting_since, at("2026-11-20T09:00:00Z"));
    let twice = discussion(&[
        ("Seller", "2026-11-20T08:00:00.000Z"),
        ("Customer", "2026-11-20T09:00:00.000Z"),
        ("Customer", "2026-11-20T15:00:00.000Z"),
    ]);
    assert_eq!(twice.awaiting_since, at("2026-11-20T09:00:00Z"));
    let answered = discussion(&[
        ("Customer", "2026-11-20T09:00:00.000Z"),
        ("Seller", "2026-11-20T10:00:00.000Z"),
    ]);
    assert_eq!(answered.awaiting_since, None);
}
