//! End to end on the backends that cannot list: an agent stops following a repair case,
//! follows it again by pasting its guid (a malformed one is refused in words first),
//! replies to its last message with a type, with cases confirmed only when asked; an
//! agent opens a support session for a new order, changes its callback phone (a bad one
//! refused first), sets the order's agent with a rating and removes it, reads the history
//! instead of messages, and closes a session. The harness is `e2e_support`.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

/// The document's own example case, followed by the demo data.
const CASE: &str = "1e0abcb7-b94c-4072-a9c0-37072a1ef015";

fn row(backend: &str, id: &str) -> By {
    By::Css(format!(
        "[data-testid='conversation-row'][data-key='{backend}/{id}']"
    ))
}

/// Deletes the case's oldest unconfirmed message from the workshop that nothing answers,
/// as the vendor's own system might: its id.
fn delete_an_unread_message(h: &Harness) -> i64 {
    h.store()
        .query_row(
            "DELETE FROM case_messages WHERE id = (
                SELECT m.id FROM case_messages m
                JOIN case_messages_cases c ON c.id = m.case_id
                WHERE c.guid = ?1 AND m.confirmed_at IS NULL
                  AND m.sender_type IS NOT 'partner' AND m.content IS NOT NULL
                  AND NOT EXISTS (
                      SELECT 1 FROM case_messages r WHERE r.parent_message_id = m.id)
                ORDER BY m.id LIMIT 1)
             RETURNING id",
            [CASE],
            |row| row.get(0),
        )
        .expect("an unread message nothing answers")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_confirms_a_case_follows_it_by_its_guid_and_replies_to_a_message() {
    an_agent_confirms_a_case_follows_it_by_its_guid_and_replies_to_a_message_journey(start().await)
        .await;
}

/// The same, with the console's server as a gateway in front of the vendors.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_confirms_a_case_follows_it_by_its_guid_and_replies_to_a_message_through_the_gateway(
) {
    an_agent_confirms_a_case_follows_it_by_its_guid_and_replies_to_a_message_journey(
        start_through_gateway().await,
    )
    .await;
}

async fn an_agent_confirms_a_case_follows_it_by_its_guid_and_replies_to_a_message_journey(
    h: Harness,
) {
    h.sign_in_at("/").await;
    // This agent confirms cases only when they say so: opening leaves them unread.
    h.open_tool("read-setting").await;
    h.click(testid("read-on-open")).await;
    h.driver
        .goto(format!("{}/conversations/case-messages/{CASE}", h.base))
        .await
        .unwrap();
    h.wait_for_text(testid("conversation-reference"), "7748")
        .await;
    h.wait_for(row("case-messages", CASE)).await;
    h.wait_for(testid("conversation-unread")).await;
    h.wait_for_text(testid("toggle-read"), "Mark read").await;
    // While the agent reads, the workshop's system deletes one of its unread messages.
    let deleted = delete_an_unread_message(&h);
    let on_screen = By::Css(format!(
        "[data-testid='message'][data-message-id='{}']",
        deleted
    ));
    h.wait_for(on_screen.clone()).await;
    h.click(testid("toggle-read")).await;
    // Never a silent "done": the report names it and why; the others are confirmed.
    h.wait_for_text(testid("read-error"), &format!("message {}", deleted))
        .await;
    h.wait_for_text(testid("read-error"), "not found").await;
    h.wait_gone(testid("conversation-unread")).await;
    h.wait_gone(on_screen).await;
    // A case cannot be marked unread again: not offered, and said why.
    h.wait_for_text(testid("read-unsupported"), "cannot mark this unread")
        .await;
    h.wait_gone(testid("toggle-read")).await;

    // The team stops following it: it leaves the inbox.
    h.click(testid("stop-following")).await;
    h.wait_for_path("/").await;
    h.wait_gone(row("case-messages", CASE)).await;
    // Leaving the page it was open in panics nothing, and the console works on.
    h.assert_no_panic().await;
    h.click(communication_row()).await;
    h.wait_for(testid("conversation-customer")).await;
    h.assert_no_panic().await;
    h.driver.goto(format!("{}/", h.base)).await.unwrap();
    h.wait_for(communication_row()).await;

    // A guid cut short is refused before anything is asked.
    h.open_tool("follow").await;
    h.select("follow-backend", "case-messages").await;
    h.retype(testid("follow-id"), &CASE[..8]).await;
    h.click(testid("follow-submit")).await;
    h.wait_for_text(testid("follow-problem"), "hexadecimal digits")
        .await;
    // The whole guid is checked with the backend, followed and opened.
    h.retype(testid("follow-id"), CASE).await;
    h.click(testid("follow-submit")).await;
    h.wait_for_path(&format!("/conversations/case-messages/{CASE}"))
        .await;
    h.wait_for(row("case-messages", CASE)).await;
    let followed = h.api_json("/api/follows/case-messages").await;
    assert!(followed.to_string().contains(CASE), "{followed}");

    // A reply, as the partner, to the workshop's last message, as a status request.
    h.click(By::Css(
        "[data-testid='thread'] li:last-child [data-testid='reply-to-message']".to_owned(),
    ))
    .await;
    h.wait_for_text(testid("replying-to"), "Replying to").await;
    h.select("reply-kind", "statusRequest").await;
    let reply = "Please send the espresso machine back with the invoice.";
    h.wait_for(testid("reply-input"))
        .await
        .send_keys(reply)
        .await
        .unwrap();
    h.click(testid("reply-send")).await;
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-body']"),
        reply,
    )
    .await;
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-kind']"),
        "Status request",
    )
    .await;
    // Who sent it: the agent, for the service partner.
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-author']"),
        "(Service partner)",
    )
    .await;
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-quote']"),
        "In reply to",
    )
    .await;
    h.wait_gone(testid("replying-to")).await;
    // Confirmed when the agent asked: every message from the workshop or the platform has
    // its confirmedAt.
    h.wait_gone(testid("conversation-unread")).await;
    let mut unconfirmed = usize::MAX;
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        let messages = h
            .api_json(&format!("/api/v3/case-messages?guid={CASE}"))
            .await;
        unconfirmed = messages
            .as_array()
            .expect("a list")
            .iter()
            .filter(|m| m["senderType"] != "partner" && m["confirmedAt"].is_null())
            .count();
        if unconfirmed == 0 {
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert_eq!(unconfirmed, 0, "every message confirmed");
    let messages = h
        .api_json(&format!("/api/v3/case-messages?guid={CASE}"))
        .await;
    let list = messages.as_array().expect("a list");
    let mine = list.last().expect("the reply");
    assert_eq!(mine["content"], reply);
    assert_eq!(mine["type"], "statusRequest");
    assert_eq!(
        mine["parentMessageId"],
        list[list.len() - 2]["id"],
        "{mine}"
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_opens_a_support_session_changes_its_phone_and_agent_and_closes_it() {
    an_agent_opens_a_support_session_changes_its_phone_and_agent_and_closes_it_journey(
        start().await,
    )
    .await;
}

/// The same, with the console's server as a gateway in front of the vendors.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_opens_a_support_session_changes_its_phone_and_agent_and_closes_it_through_the_gateway(
) {
    an_agent_opens_a_support_session_changes_its_phone_and_agent_and_closes_it_journey(
        start_through_gateway().await,
    )
    .await;
}

async fn an_agent_opens_a_support_session_changes_its_phone_and_agent_and_closes_it_journey(
    h: Harness,
) {
    h.sign_in_at("/?status=open").await;

    // An order with no session yet: the backend does not know it, and the agent opens one.
    h.open_tool("follow").await;
    h.select("follow-backend", "support-sessions").await;
    h.retype(testid("follow-id"), "ORD-E2E-7001").await;
    h.click(testid("follow-submit")).await;
    h.wait_for_text(testid("follow-problem"), "knows no item")
        .await;
    h.click(testid("follow-open")).await;
    h.wait_for_path("/conversations/support-sessions/ORD-E2E-7001?status=open")
        .await;
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:first-child [data-testid='message-body']"),
        "opened the session",
    )
    .await;
    let followed = h.api_json("/api/follows/support-sessions").await;
    assert!(followed.to_string().contains("ORD-E2E-7001"), "{followed}");

    // The callback phone: a bad number is refused in words, a good one becomes a link.
    h.retype(testid("callback-phone"), "06 12").await;
    h.click(testid("callback-save")).await;
    h.wait_for(By::Css(
        "[data-testid='callback-problem']:not(:empty)".to_owned(),
    ))
    .await;
    h.retype(testid("callback-phone"), "+33 6 12 34 56 78")
        .await;
    h.click(testid("callback-save")).await;
    h.wait_for_text(testid("callback-link"), "+33612345678")
        .await;
    assert_eq!(
        h.attribute(testid("callback-link"), "href").await,
        "tel:+33612345678"
    );
    // The order's agent with a rating expression, then removed.
    h.retype(testid("performer-id"), "driver-e2e-42").await;
    h.retype(testid("performer-rating"), "gte 4.5 && lte 5")
        .await;
    h.click(testid("performer-save")).await;
    h.wait_for(testid("performer-remove")).await;
    let session = h
        .api_json("/support-management/v1/support/ORD-E2E-7001")
        .await;
    assert_eq!(session["callback_phone"], "+33612345678", "{session}");
    assert_eq!(session["agent"]["id"], "driver-e2e-42", "{session}");
    assert_eq!(session["agent"]["rating"], "gte 4.5 && lte 5", "{session}");
    h.click(testid("performer-remove")).await;
    h.wait_for_text(testid("performer-save"), "Set agent").await;
    let session = h
        .api_json("/support-management/v1/support/ORD-E2E-7001")
        .await;
    assert!(session["agent"].is_null(), "{session}");
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-body']"),
        "removed",
    )
    .await;

    // The session is closed from the console, and the backend says so.
    h.click(testid("status-close")).await;
    h.wait_for(testid("status-reopen")).await;
    let session = h
        .api_json("/support-management/v1/support/ORD-E2E-7001")
        .await;
    assert_eq!(session["status"], "closed", "{session}");
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-body']"),
        "closed",
    )
    .await;

    // Another session, from the list: its history, and no reply box, with the reason.
    let other = By::Css(
        "[data-testid='conversation-row'][data-key^='support-sessions/']\
         :not([data-key='support-sessions/ORD-E2E-7001'])"
            .to_owned(),
    );
    let key = h.attribute(other, "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:first-child [data-testid='message-body']"),
        "opened the session",
    )
    .await;
    let placeholder = h.attribute(testid("reply-input"), "placeholder").await;
    assert!(placeholder.contains("no messages"), "{placeholder}");
    let input = h.wait_for(testid("reply-input")).await;
    assert!(!input.is_enabled().await.unwrap(), "nothing to write");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn choosing_one_backend_shows_its_rows_at_once_under_its_name_and_keeps_the_other_counts() {
    let h = start().await;
    h.sign_in_at("/").await;
    h.wait_for(row("case-messages", CASE)).await;
    h.wait_for(communication_row()).await;
    // Every backend has answered once its count reads: then nothing is left to load.
    let communication_count = h
        .wait_for(testid("count-backend-communication"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!communication_count.is_empty());

    h.click(testid("view-backend-case-messages")).await;
    // At once: the rows were loaded already. Well under the seconds a new ask took.
    let started = std::time::Instant::now();
    let mut shown = false;
    while started.elapsed() < std::time::Duration::from_secs(3) {
        let rows = h
            .driver
            .find_all(By::Css("[data-testid='conversation-row']"))
            .await
            .unwrap_or_default();
        let mut all_cases = !rows.is_empty();
        for r in &rows {
            let key = r.attr("data-key").await.ok().flatten().unwrap_or_default();
            all_cases &= key.starts_with("case-messages/");
        }
        if all_cases {
            shown = true;
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert!(shown, "the case's rows show at once, alone");
    h.wait_for_text(testid("inbox-title"), "Case messages")
        .await;
    // The other backends' counts are what they were, never a zero not measured.
    assert_eq!(
        h.wait_for(testid("count-backend-communication"))
            .await
            .text()
            .await
            .unwrap(),
        communication_count
    );
    h.finish().await;
}
