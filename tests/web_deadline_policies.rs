//! The response deadlines' settings page in headless Chromium, against the test server, as
//! its admin: every backend's policy in a line; PostCenter's changed with two mistakes
//! (hours that are not hours, a target that is not a number), each named beside its field
//! and nothing sent; then corrected and saved: the line, who set it, the server and the
//! console's shared policies all say the new hours at once.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use switchboard::components::inbox::deadlines::DeadlinePolicies;
use switchboard::connectors::deadlines::policies;
use switchboard::connectors::load_directory;
use switchboard::pages::deadline_policies::DeadlinePoliciesPage;
use switchboard::state::{ApiOrigin, CurrentAgent, DirectoryResource};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn postcenter(root: &web_sys::Element) -> Option<web_sys::Element> {
    root.query_selector("[data-testid='deadline-policy'][data-backend='postcenter']")
        .ok()
        .flatten()
}

#[wasm_bindgen_test]
async fn an_admin_changes_a_policy_each_mistake_named_beside_its_field_then_saved() {
    let agent = sign_in().await.agent;
    let shared = DeadlinePolicies(RwSignal::new(Some(
        policies(server_origin()).await.expect("the policies"),
    )));
    let root = mount(move || {
        provide_context(ApiOrigin(server_origin().to_owned()));
        provide_context(CurrentAgent(RwSignal::new(Some(agent.clone()))));
        let directory: DirectoryResource =
            LocalResource::new(|| async { load_directory(server_origin()).await });
        provide_context(directory);
        provide_context(shared);
        view! { <DeadlinePoliciesPage /> }
    });
    wait_until("every backend's policy", || {
        find_all(&root, "deadline-policy").len() >= 5
    })
    .await;
    let line = postcenter(&root).expect("PostCenter's policy");
    let said = line.text_content().unwrap_or_default();
    assert!(
        said.contains("Business hours in America/Santiago: Monday 09:00-18:00"),
        "{said}"
    );
    assert!(said.contains("Default"), "{said}");
    let edit = line
        .query_selector("[data-testid='deadline-policy-edit']")
        .ok()
        .flatten()
        .expect("an admin may change it");
    leptos::wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&edit).click();
    wait_until("the form", || {
        !find_all(&root, "deadline-policy-form").is_empty()
    })
    .await;

    type_into(&root, "policy-Mon", "nine to five");
    type_into(&root, "policy-target", "soon");
    click(&root, "deadline-policy-save");
    wait_until("both mistakes named", || {
        find_all(&root, "policy-problem").len() == 2
    })
    .await;
    assert_eq!(
        find(&root, "policy-Mon")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true"),
        "the field says it is wrong, and which words say why"
    );
    let kept = policies(server_origin()).await.expect("the policies");
    let kept = kept
        .iter()
        .find(|p| p.backend == "postcenter")
        .expect("PostCenter");
    assert!(kept.is_default, "nothing was sent");

    type_into(&root, "policy-Mon", "08:30-12:30, 13:30-17:30");
    type_into(&root, "policy-target", "10");
    click(&root, "deadline-policy-save");
    wait_until("saved, the form closed", || {
        find_all(&root, "deadline-policy-form").is_empty()
    })
    .await;
    wait_until("the new line, set by the admin", || {
        postcenter(&root).is_some_and(|line| {
            let said = line.text_content().unwrap_or_default();
            said.contains("Monday 08:30-12:30, 13:30-17:30")
                && said.contains("an answer within 10 h")
                && said.contains("Set by Camille")
        })
    })
    .await;
    let kept = policies(server_origin()).await.expect("the policies");
    let kept = kept
        .iter()
        .find(|p| p.backend == "postcenter")
        .expect("PostCenter");
    assert_eq!(kept.policy.target_minutes, 600);
    assert!(!kept.is_default);
    let counted = shared.0.with_untracked(|all| {
        all.as_ref()
            .and_then(|all| all.iter().find(|p| p.backend == "postcenter").cloned())
    });
    assert_eq!(
        counted.map(|p| p.policy.target_minutes),
        Some(600),
        "the rows and headers count with it at once"
    );
}
