//! Saved replies end to end (`docs/saved-replies.md`): Camille, an admin, finds the
//! settings page from the command palette, writes a team reply in French and English with
//! variables, sees it listed and its history name her; then, in an Octopia discussion,
//! `/` in the reply box offers it, the French version is chosen for the marketplace's
//! buyer, what the discussion does not say is asked for, and the reply holds no `{{`.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

const FRENCH: &str = "Bonjour {{customer_name}}, votre commande {{reference}} est partie.";
const ENGLISH: &str = "Hello {{customer_name}}, order {{reference}} has shipped.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_writes_a_team_reply_and_it_goes_into_an_octopia_reply_in_french() {
    let h = start().await;
    h.sign_in_at("/?status=open").await;
    h.wait_for(communication_row()).await;

    // From the palette to the settings page.
    h.press_ctrl("k").await;
    h.wait_for_focus("palette-input").await;
    h.press("saved replies").await;
    h.press(Key::Enter).await;
    h.wait_for_path_starting("/settings/saved-replies").await;
    h.wait_for(testid("saved-reply-list")).await;

    h.click(testid("saved-reply-new")).await;
    h.wait_for(testid("saved-reply-editor")).await;
    // Saved without a title: said beside it, nothing lost.
    h.retype(testid("saved-reply-text-fr"), FRENCH).await;
    h.click(testid("saved-reply-save")).await;
    h.wait_for_text(testid("saved-reply-title-problem"), "Give it a title")
        .await;
    h.retype(testid("saved-reply-title"), "Commande partie")
        .await;
    h.retype(testid("saved-reply-text-en"), ENGLISH).await;
    h.click(testid("saved-reply-save")).await;
    h.wait_for_text(testid("saved-reply-list"), "Commande partie")
        .await;
    h.wait_for_text(testid("saved-replies-said"), "saved").await;

    // Its history names who wrote it.
    let ours = By::XPath(
        "//li[@data-testid='saved-reply-item'][.//bdi[text()='Commande partie']]".to_owned(),
    );
    let history = h
        .wait_for(ours.clone())
        .await
        .find(By::Css("[data-testid='saved-reply-history']".to_owned()))
        .await
        .expect("a history button");
    history.click().await.expect("clicked");
    h.wait_for_text(
        testid("saved-reply-change-by"),
        "Revision 1, Camille Laurent",
    )
    .await;

    // In an Octopia discussion, `/` offers it, in French.
    h.driver
        .goto(format!("{}/?backend=octopia&status=open", h.base))
        .await
        .expect("the inbox");
    let octopia = By::Css("[data-key^='octopia']".to_owned());
    h.click(octopia).await;
    h.wait_for(testid("conversation-customer")).await;
    h.click(testid("reply-input")).await;
    h.press("/").await;
    h.wait_for_focus("saved-reply-search").await;
    h.press("commande partie").await;
    h.wait_for_text(testid("saved-reply-preview-text"), "Bonjour")
        .await;
    h.press(Key::Enter).await;
    // A buyer without a name on file is asked for first; one with a name goes in at once.
    let reply = h.wait_for(testid("reply-input")).await;
    let mut written = String::new();
    let mut answered = false;
    for _ in 0..100 {
        written = reply.prop("value").await.unwrap().unwrap_or_default();
        if written.starts_with("Bonjour") {
            break;
        }
        let asked = h
            .driver
            .find_all(testid("saved-reply-variable"))
            .await
            .expect("found");
        if !asked.is_empty() && !answered {
            h.wait_for_focus("saved-reply-variable").await;
            h.press("Camille").await;
            h.press(Key::Enter).await;
            answered = true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(written.starts_with("Bonjour "), "{written}");
    assert!(written.contains("votre commande "), "{written}");
    assert!(
        !written.contains("{{") && !written.contains('/'),
        "{written}"
    );
    h.wait_for_focus("reply-input").await;
    h.finish().await;
}
