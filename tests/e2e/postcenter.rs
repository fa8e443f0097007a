//! End to end on PostCenter: an agent types ticket 261 as agents know it and lands on it,
//! sees PostCenter's agent with name and email and the thread with its picture, asks whom
//! PostCenter would assign, has it reassign automatically, and closes the ticket, which
//! then keeps its agent; the place of the reply box says why there is none. The harness is `e2e_support`.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_opens_ticket_261_by_its_number_reassigns_and_closes_it() {
    an_agent_opens_ticket_261_by_its_number_reassigns_and_closes_it_journey(start().await).await;
}

/// The same, with the console's server as a gateway in front of the vendors.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_opens_ticket_261_by_its_number_reassigns_and_closes_it_through_the_gateway() {
    an_agent_opens_ticket_261_by_its_number_reassigns_and_closes_it_journey(
        start_through_gateway().await,
    )
    .await;
}

async fn an_agent_opens_ticket_261_by_its_number_reassigns_and_closes_it_journey(h: Harness) {
    h.sign_in_at("/").await;

    // A number typed wrong is refused in words; the right one lands on the ticket.
    h.open_tool("number").await;
    h.retype(testid("find-number"), "26a").await;
    h.click(testid("find-number-submit")).await;
    h.wait_for_text(testid("find-number-problem"), "digits only")
        .await;
    h.retype(testid("find-number"), "261").await;
    h.click(testid("find-number-submit")).await;
    h.wait_for_text(testid("conversation-reference"), "#261")
        .await;
    let path = h.driver.current_url().await.unwrap().path().to_owned();
    assert!(path.starts_with("/conversations/postcenter/"), "{path}");
    let id = path.rsplit('/').next().unwrap().to_owned();

    // PostCenter's agent, the thread with its picture (no referrer sent), no reply box.
    let before = h
        .wait_for(testid("backend-assignee"))
        .await
        .text()
        .await
        .unwrap();
    assert!(before.contains('@'), "name and email: {before}");
    let picture = h
        .wait_for(By::Css("[data-testid='message-attachment'] img".to_owned()))
        .await;
    assert_eq!(
        picture.attr("referrerpolicy").await.unwrap().as_deref(),
        Some("no-referrer")
    );
    h.wait_for_text(testid("reply-blocked"), "no way to reply")
        .await;
    // The team's link opens it in PostCenter's own tool, by its number.
    assert_eq!(
        h.attribute(testid("open-elsewhere"), "href").await,
        TICKET_LINK.replace("{number}", "261")
    );

    // Whom PostCenter would assign, and why; then it reassigns on its own.
    h.click(testid("suggest-agent")).await;
    h.wait_for_text(testid("agent-suggestion"), "Reason given")
        .await;
    h.click(testid("reassign-auto")).await;
    h.wait_for_text(testid("announcement"), "Reassigned automatically to")
        .await;
    h.wait_for_focus("reassign-auto").await;
    let detail = h.api_json(&format!("/postcenter/v2/ticket/{id}/")).await;
    let now = h
        .wait_for(testid("backend-assignee"))
        .await
        .text()
        .await
        .unwrap();
    let email = detail["current_assignment"]["email"]
        .as_str()
        .expect("assigned")
        .to_owned();
    assert!(now.contains(&email), "{now} shows {detail}");

    // Closed from the console, as PostCenter now has it.
    h.click(testid("status-close")).await;
    h.wait_for_text(
        By::Css(".conversation-header [data-testid='status-badge']".to_owned()),
        "Closed",
    )
    .await;
    let detail = h.api_json(&format!("/postcenter/v2/ticket/{id}/")).await;
    assert_eq!(detail["is_closed"], true, "{detail}");
    // A closed ticket keeps its agent: Reassign is no longer offered, and that is said.
    h.wait_for_text(testid("reassign-closed"), "A closed ticket keeps its agent")
        .await;
    let offered = h.driver.find_all(testid("reassign-auto")).await.unwrap();
    assert!(
        offered.is_empty(),
        "Reassign is not offered on a closed ticket"
    );
    h.finish().await;
}
