//! Two agents in two browsers on one conversation (`docs/presence.md`, `docs/notes.md`):
//! each sees the other there, and sees when the other writes; Camille writes a note and
//! names Javier with `@` and the picker's keys. Javier, back in his inbox, sees the row's
//! mark, his Mentions count rise and the mention announced, finds it under Mentions, opens
//! it, reads the note in the thread, and the count falls back.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

const JAVIER: &str = "javier.ortega@switchboard.example";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_agents_see_each_other_and_one_finds_the_others_note_under_mentions() {
    let camille = start().await;
    camille.sign_in_at("/?status=open").await;
    camille.wait_for(communication_row()).await;
    let key = camille.attribute(communication_row(), "data-key").await;
    let javier = start_with(Browser {
        join: Some(camille.base.clone()),
        ..Browser::default()
    })
    .await;
    javier.sign_in_as_at(JAVIER, "/?status=open").await;
    javier.wait_for_text(testid("count-mentions"), "0").await;

    // Both on the conversation: each sees the other.
    let row = By::Css(format!("[data-key='{key}']"));
    camille.click(row.clone()).await;
    camille.wait_for(testid("conversation-customer")).await;
    javier.click(row.clone()).await;
    javier.wait_for(testid("conversation-customer")).await;
    javier
        .wait_for_text(
            testid("conversation-presence"),
            "Camille Laurent is viewing",
        )
        .await;
    camille
        .wait_for_text(testid("conversation-presence"), "Javier Ortega is viewing")
        .await;

    // Camille writes: Javier sees it, then goes back to his inbox, where the row says so.
    camille.click(testid("compose-note")).await;
    camille.click(testid("reply-input")).await;
    camille.press("Javier, @jav").await;
    javier
        .wait_for_text(
            testid("conversation-presence"),
            "Camille Laurent is writing",
        )
        .await;
    javier.click(By::Css(".brand".to_owned())).await;
    javier.wait_for_path("/").await;
    javier
        .wait_for_text(
            By::Css(format!("[data-key='{key}'] [data-testid='row-presence']")),
            "Camille Laurent is writing",
        )
        .await;

    // The name from the picker, then the rest, then Ctrl+Enter.
    camille
        .wait_for_text(testid("mention-option"), "Javier Ortega")
        .await;
    camille.press(Key::Enter).await;
    camille.press("can you call the buyer back?").await;
    let written = "Javier, @Javier Ortega can you call the buyer back?";
    camille.press_ctrl(Key::Enter).await;
    camille.wait_for_text(testid("note-body"), written).await;

    // Javier's console hears of the note, counts it and says so.
    javier.wait_for_text(testid("count-mentions"), "1").await;
    javier
        .wait_for_text(testid("mention-announced"), "Camille Laurent mentioned you")
        .await;
    javier.click(testid("view-mentions")).await;
    javier
        .wait_for_text(testid("mention-excerpt"), written)
        .await;
    javier.wait_for_text(testid("mention-new"), "New").await;
    javier.click(testid("mention-link")).await;
    javier
        .wait_for_path_starting("/conversations/communication/")
        .await;
    javier.wait_for_text(testid("note-body"), written).await;
    javier.wait_for_text(testid("count-mentions"), "0").await;

    javier.finish().await;
    camille.finish().await;
}
