//! End to end, two agents on one conversation: while an agent has it open, a colleague
//! assigns it to someone else. The agent's "Close", made on what they read, is refused
//! instead of silently undoing the colleague's assignment; the console says who changed
//! it and how it stands, shows it as it is now, and the agent's second "Close" goes
//! through. The harness is `e2e_support`.

use crate::e2e_support::*;
use switchboard_core::session::{WRITE_HEADER, WRITE_HEADER_VALUE};
use thirtyfour::prelude::*;

/// The assignee the header's select shows now ("" for no one).
async fn selected_assignee(h: &Harness) -> String {
    h.wait_for(testid("assignee-select"))
        .await
        .prop("value")
        .await
        .unwrap_or_default()
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_colleagues_assignment_made_meanwhile_is_never_undone_by_a_close() {
    let h = start().await;
    h.sign_in_at("/?status=open").await;
    let agents = h.api_json("/api/agents").await;
    h.wait_for(communication_row()).await;
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("conversation-customer")).await;
    h.wait_for(testid("status-close")).await;
    let id = key.trim_start_matches("communication/").to_owned();

    // The colleague: someone the select does not show as the assignee now.
    let shown = selected_assignee(&h).await;
    let colleague = agents
        .as_array()
        .expect("agents")
        .iter()
        .map(|a| a["id"].as_str().expect("an id").to_owned())
        .find(|a| *a != shown)
        .expect("another agent");
    let response = reqwest::Client::new()
        .put(format!(
            "{}/communication/v1/conversations/{id}/assigned-agent",
            h.base
        ))
        .header("cookie", h.api_cookie().await)
        .header(WRITE_HEADER, WRITE_HEADER_VALUE)
        .header("content-type", "application/json")
        .body(serde_json::json!({ "assignedAgentId": colleague }).to_string())
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), 200);

    // The agent closes what they read: refused, said, and shown as it stands.
    h.click(testid("status-close")).await;
    h.wait_for_text(
        testid("stale-notice"),
        "changed this conversation since you read it",
    )
    .await;
    // Named as the team knows them, not by their id.
    let colleague_name = agents
        .as_array()
        .expect("agents")
        .iter()
        .find(|a| a["id"] == colleague.as_str())
        .and_then(|a| a["name"].as_str())
        .expect("the colleague's name")
        .to_owned();
    h.wait_for_text(
        testid("stale-notice"),
        &format!("assigned to {colleague_name}"),
    )
    .await;
    // The header shows the colleague's assignment.
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        if selected_assignee(&h).await == colleague {
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert_eq!(selected_assignee(&h).await, colleague);
    let now = h
        .api_json(&format!("/communication/v1/conversations/{id}"))
        .await;
    assert_eq!(
        now["status"], "OPEN",
        "nothing was changed by the stale close"
    );

    // Deciding again, on what is now shown: it goes through, and keeps the assignment.
    h.click(testid("status-close")).await;
    h.wait_for_text(testid("announcement"), "Conversation closed.")
        .await;
    let closed = h
        .api_json(&format!("/communication/v1/conversations/{id}"))
        .await;
    assert_eq!(closed["status"], "CLOSED");
    assert_eq!(closed["assignedAgentId"], colleague.as_str());
    h.finish().await;
}
