//! Mentions end to end, two agents in two browsers (`docs/notes.md`): Camille opens a
//! conversation, writes a note and names Javier with `@` and the picker's keys; Javier,
//! in the inbox of his own browser, sees his Mentions count rise and the mention
//! announced, finds it under Mentions, opens it, reads the note in the thread, and the
//! count falls back.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

const JAVIER: &str = "javier.ortega@switchboard.example";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_colleague_named_in_a_note_finds_it_under_mentions_and_opens_it() {
    let camille = start().await;
    camille.sign_in_at("/?status=open").await;
    let javier = start_with(Browser {
        join: Some(camille.base.clone()),
        ..Browser::default()
    })
    .await;
    javier.sign_in_as_at(JAVIER, "/?status=open").await;
    javier.wait_for_text(testid("count-mentions"), "0").await;

    camille.wait_for(communication_row()).await;
    let key = camille.attribute(communication_row(), "data-key").await;
    camille.click(By::Css(format!("[data-key='{key}']"))).await;
    camille.wait_for(testid("conversation-customer")).await;
    camille.click(testid("compose-note")).await;
    camille.click(testid("reply-input")).await;
    camille.press("Javier, @jav").await;
    camille
        .wait_for_text(testid("mention-option"), "Javier Ortega")
        .await;
    camille.press(Key::Enter).await;
    camille.press("can you call the buyer back?").await;
    // Enter wrote the name where `@` was, and the typing went on after it.
    let written = "Javier, @Javier Ortega can you call the buyer back?";
    camille
        .driver
        .action_chain()
        .key_down(Key::Control)
        .send_keys(Key::Enter)
        .key_up(Key::Control)
        .perform()
        .await
        .unwrap();
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
