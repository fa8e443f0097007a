//! Internal notes end to end (`docs/notes.md`): an agent opens a conversation, presses `n`,
//! writes a note and adds it with Ctrl+Enter; the note is in the thread as the team's own,
//! no message went to the backend, and after a reload the note is still there and the box
//! writes a reply again.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_adds_a_note_from_the_keyboard_and_it_stays_for_the_team() {
    let h = start().await;
    h.sign_in_at("/?status=open").await;
    h.wait_for(communication_row()).await;
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("conversation-customer")).await;
    h.wait_for(testid("message")).await;
    let messages = h.driver.find_all(testid("message")).await.unwrap().len();

    // `n` from the page, not a field: the box, writing a note.
    h.driver
        .execute(
            "document.activeElement && document.activeElement.blur()",
            vec![],
        )
        .await
        .unwrap();
    h.press("n").await;
    h.wait_for_focus("reply-input").await;
    h.wait_for(testid("note-hint")).await;
    let words = "Called the buyer: the parcel is at the depot, do not refund yet.";
    h.press(words).await;
    h.press_ctrl(Key::Enter).await;
    h.wait_for_text(testid("note-body"), words).await;
    h.wait_for_text(testid("note-label"), "Internal note").await;
    assert_eq!(
        h.driver.find_all(testid("message")).await.unwrap().len(),
        messages,
        "nothing was sent to the backend"
    );

    h.driver.refresh().await.unwrap();
    h.wait_for_text(testid("note-body"), words).await;
    assert_eq!(
        h.driver.find_all(testid("message")).await.unwrap().len(),
        messages
    );
    h.wait_for_text(testid("reply-send"), "Send").await;
}
