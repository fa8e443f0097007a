//! Saved views in headless Chromium, over the test server's views: the view on screen (a
//! text filter) saved with a name, shared with the team; a nameless one refused in the page;
//! the saved view listed with its "Shared" word and how many loaded rows it holds, current
//! while its filters are; its link brings them back; removed, it is gone from the server.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use leptos_router::components::Router;
use std::sync::Arc;
use switchboard::components::inbox::conversation_list::ConversationList;
use switchboard::components::inbox::inbox_filters::use_inbox_filters;
use switchboard::components::inbox::inbox_order::{use_refinement, use_shown_rows};
use switchboard::components::inbox::saved_views::{SaveViewForm, SavedViewLinks};
use switchboard::connectors::saved_views::saved_views;
use switchboard::connectors::Inbox;
use switchboard::state::InboxRows;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The sidebar's saved views over the list, and where the test sends the page.
#[component]
fn Viewing(rows: InboxRows, go: RwSignal<Option<String>>) -> impl IntoView {
    let filters = use_inbox_filters();
    let shown = use_shown_rows(rows, filters, use_refinement(filters));
    follow_to(go);
    view! {
        <nav class="inbox-views"><SavedViewLinks filters /><SaveViewForm /></nav>
        <ConversationList rows shown agents=Vec::new() />
    }
}

fn list(root: &web_sys::Element) -> String {
    root.query_selector(".conversation-list")
        .ok()
        .flatten()
        .and_then(|list| list.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_view_on_screen_is_saved_named_and_shared_listed_with_its_count_and_brought_back() {
    let agent = sign_in().await.agent;
    let mut conversations = made_up_rows("Viewer", 3);
    // A word no other row has (their numbers may share digits).
    conversations[1].customer_name = Some("Viewer Bravo".into());
    let rows = InboxRows(RwSignal::new(Inbox {
        conversations: conversations.into_iter().map(Arc::new).collect(),
        ..Default::default()
    }));
    let go = RwSignal::new(None::<String>);
    let root = mount(move || {
        provide_list_context(agent.clone(), rows);
        view! { <Router><Viewing rows go /></Router> }
    });
    wait_until("the rows", || list(&root).contains("Viewer 2")).await;
    go.set(Some("/?q=bravo".to_owned()));
    wait_until("narrowed", || {
        list(&root).contains("Viewer Bravo") && !list(&root).contains("Viewer 2")
    })
    .await;

    // Named on screen; a nameless view is refused in the page first.
    click(&root, "saved-view-new");
    wait_until("the name field has the focus", || {
        document()
            .active_element()
            .and_then(|el| el.get_attribute("data-testid"))
            .as_deref()
            == Some("saved-view-name")
    })
    .await;
    click(&root, "saved-view-save");
    wait_until("refused", || {
        !find_all(&root, "saved-view-problem").is_empty()
    })
    .await;
    assert_eq!(text(&root, "saved-view-problem"), "Give the view a name.");
    let name = format!("Viewer one {}", js_sys::Date::now() as u64);
    type_into(&root, "saved-view-name", &name);
    click(&root, "saved-view-shared");
    click(&root, "saved-view-save");
    wait_until("listed", || text(&root, "saved-views").contains(&name)).await;
    let link = find_all(&root, "view-saved")
        .into_iter()
        .find(|a| a.text_content().unwrap_or_default().contains(&name))
        .expect("its link");
    let id = link.get_attribute("data-view").expect("its id");
    assert!(link.text_content().unwrap_or_default().contains("Shared"));
    assert_eq!(text(&root, &format!("count-view-{id}")), "1");
    assert_eq!(link.get_attribute("aria-current").as_deref(), Some("true"));
    let href = link.get_attribute("href").expect("an address");
    assert!(href.ends_with("?q=bravo"), "{href}");

    // Elsewhere, then back through the view's link.
    go.set(Some("/".to_owned()));
    wait_until("the whole list", || list(&root).contains("Viewer 2")).await;
    wait_until("no longer current", || {
        find_all(&root, "view-saved")
            .iter()
            .all(|a| a.get_attribute("aria-current").is_none())
    })
    .await;
    go.set(Some(href));
    wait_until("the view again", || !list(&root).contains("Viewer 2")).await;

    // Removed: gone from the sidebar and the server.
    let remove = find_all(&root, "view-saved")
        .into_iter()
        .find(|a| a.text_content().unwrap_or_default().contains(&name))
        .and_then(|a| a.next_element_sibling())
        .expect("its remove button");
    use wasm_bindgen::JsCast;
    remove.unchecked_into::<web_sys::HtmlElement>().click();
    wait_until("gone", || !text(&root, "saved-views").contains(&name)).await;
    let kept = saved_views(server_origin()).await.expect("views");
    assert!(kept.iter().all(|v| v.id != id), "removed on the server");
    go.set(Some("/".to_owned()));
}
