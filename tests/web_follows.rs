//! Switchboard's list of followed items, through the console's connector against the live
//! test server in headless Chromium: follow an item, find it listed (once, by whom), stop
//! following it, and a refusal for a backend the server does not speak.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use switchboard::connectors::follows;
use switchboard_core::error::ErrorKind;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn an_agent_follows_an_item_and_stops() {
    let me = sign_in().await;
    let origin = server_origin();
    // An id with characters a path must escape.
    let item = format!("order 42/b-{}", js_sys::Date::now());
    follows::follow(origin, "octopia", &item)
        .await
        .expect("followed");
    follows::follow(origin, "octopia", &item)
        .await
        .expect("followed again, harmlessly");
    let listed = follows::followed(origin, "octopia")
        .await
        .expect("the list");
    let mine: Vec<_> = listed.iter().filter(|f| f.item_id == item).collect();
    assert_eq!(mine.len(), 1, "{listed:?}");
    assert_eq!(mine[0].added_by.as_deref(), Some(me.agent.id.as_str()));

    follows::unfollow(origin, "octopia", &item)
        .await
        .expect("no longer followed");
    let listed = follows::followed(origin, "octopia")
        .await
        .expect("the list");
    assert!(listed.iter().all(|f| f.item_id != item));
    let again = follows::unfollow(origin, "octopia", &item)
        .await
        .unwrap_err();
    assert_eq!(again.kind, ErrorKind::NotFound);
}

#[wasm_bindgen_test]
async fn a_backend_the_server_does_not_speak_is_refused() {
    sign_in().await;
    let refused = follows::followed(server_origin(), "nowhere")
        .await
        .unwrap_err();
    assert_eq!(refused.kind, ErrorKind::NotFound);
}
