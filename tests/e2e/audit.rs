//! The accessibility audit: axe-core (from npm, installed by `scripts/setup.sh`) run in
//! headless Chromium over every kind of page a person meets (the sign-in page, the inbox,
//! a thread with attachments, the reply box showing a refusal, the contact page with
//! errors and its confirmation, the not-found page), in the light and the dark theme, and
//! the contact page once more as a system that prefers dark shows it.
//! Any violation of WCAG 2.0 to 2.2 A and AA, or of axe's best practices (one main
//! landmark, a level-one heading, content in landmarks), fails the test, named with
//! where it is.

use crate::e2e_support::*;
use std::path::PathBuf;
use thirtyfour::prelude::*;

fn axe_source() -> String {
    let path = std::env::var_os("AXE_CORE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(".tools/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (scripts/setup.sh installs axe-core)",
            path.display()
        )
    })
}

/// axe's violations on the page as it stands, one line each: rule, help and where.
pub(crate) async fn violations(h: &Harness) -> Vec<String> {
    h.driver
        .execute(axe_source(), Vec::new())
        .await
        .expect("axe loads");
    let result = h
        .driver
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, {
                runOnly: { type: "tag", values: [
                    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"
                ] }
            }).then(
                r => done(r.violations.map(v => v.id + ": " + v.help + " at " +
                    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "))),
                e => done(["axe failed: " + e])
            );
            "#,
            Vec::new(),
        )
        .await
        .expect("axe runs");
    serde_json::from_value(result.json().clone()).expect("a list of violations")
}

/// Audits the page now shown, recording what it found under `page`.
async fn audit(h: &Harness, page: &str, found: &mut Vec<String>) {
    for violation in violations(h).await {
        found.push(format!("{page}: {violation}"));
    }
}

pub(crate) async fn set_theme(h: &Harness, theme: &str) {
    h.driver
        .execute(
            "localStorage.setItem('switchboard.theme', arguments[0])",
            vec![serde_json::json!(theme)],
        )
        .await
        .expect("the theme is stored");
}

/// WCAG 2.4.7 for the list: the row the keyboard moved to is drawn differently from the
/// others, with a focus style inside it (the row clips what spills out of it).
async fn focused_row_stands_out(h: &Harness, theme: &str, found: &mut Vec<String>) {
    let (from, to) = h.press_j_in_the_list().await;
    let look = if to != from {
        h.focused_row_look().await
    } else {
        None
    };
    let Some(((ring, background), (other_ring, other_background))) = look else {
        found.push(format!(
            "inbox ({theme}): j moved the keyboard to no other row"
        ));
        return;
    };
    if !ring.contains("inset") || (ring == other_ring && background == other_background) {
        found.push(format!(
            "inbox ({theme}): the focused row is not drawn apart from the others \
             (focused {ring} on {background}, another {other_ring} on {other_background})"
        ));
    }
}

async fn audit_agent_pages(h: &Harness, theme: &str, found: &mut Vec<String>) {
    h.driver.goto(format!("{}/sign-in", h.base)).await.unwrap();
    set_theme(h, theme).await;
    h.driver.refresh().await.unwrap();
    h.wait_for(testid("sign-in-form")).await;
    audit(h, &format!("sign-in ({theme})"), found).await;

    h.sign_in_at("/?status=open").await;
    h.wait_for(communication_row()).await;
    audit(h, &format!("inbox ({theme})"), found).await;
    focused_row_stands_out(h, theme, found).await;
    // The rows' time left (it follows the first rows) and the bulk bar, a row picked.
    h.wait_for(By::Css("[data-testid='row-deadline']")).await;
    h.click(testid("row-pick")).await;
    h.wait_for(testid("bulk-bar")).await;
    audit(
        h,
        &format!("inbox with time left and the bulk bar ({theme})"),
        found,
    )
    .await;
    h.click(testid("bulk-clear")).await;
    h.wait_gone(testid("bulk-bar")).await;

    // A thread with attachments: the agent sends a photo and a PDF first.
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("message")).await;
    let files = format!(
        "{}\n{}",
        fixture("boarding-pass.png").display(),
        fixture("invoice.pdf").display()
    );
    h.wait_for(testid("attachment-input"))
        .await
        .send_keys(files)
        .await
        .unwrap();
    h.wait_for(testid("attachment-chip")).await;
    h.wait_for(testid("reply-input"))
        .await
        .send_keys("Voici les documents.")
        .await
        .unwrap();
    h.click(testid("reply-send")).await;
    h.wait_for(testid("message-attachment")).await;
    audit(h, &format!("thread with attachments ({theme})"), found).await;

    // The reply box refusing a file it cannot send.
    let exe = tempfile::Builder::new().suffix(".exe").tempfile().unwrap();
    std::fs::write(exe.path(), b"MZ\x90\0\x03\0\0\0 program").unwrap();
    h.wait_for(testid("attachment-input"))
        .await
        .send_keys(exe.path().to_string_lossy().as_ref())
        .await
        .unwrap();
    h.wait_for(testid("attachment-problem")).await;
    audit(h, &format!("reply box with a refusal ({theme})"), found).await;

    // An internal note: the box writing one, then the note in the thread.
    h.click(testid("compose-note")).await;
    h.wait_for(testid("note-hint")).await;
    h.wait_for(testid("reply-input"))
        .await
        .send_keys("Documents sent; waiting for the buyer.")
        .await
        .unwrap();
    audit(h, &format!("reply box writing a note ({theme})"), found).await;
    h.click(testid("reply-send")).await;
    h.wait_for(testid("note")).await;
    audit(h, &format!("thread with a note ({theme})"), found).await;

    // `@` in a note: the team offered.
    h.click(testid("compose-note")).await;
    h.click(testid("reply-input")).await;
    h.press("cc @").await;
    h.wait_for(testid("mention-option")).await;
    audit(h, &format!("mention picker ({theme})"), found).await;
    h.press(Key::Escape).await;

    // `/` offers the saved replies, with a preview.
    h.press(" /").await;
    h.wait_for(testid("saved-reply-preview")).await;
    audit(h, &format!("saved reply picker ({theme})"), found).await;
    h.press(Key::Escape).await;

    // Snooze: its choices, then the line of a snoozed conversation (woken again after).
    h.click(testid("snooze-open")).await;
    h.wait_for(testid("snooze-choice-tomorrow")).await;
    audit(h, &format!("snooze choices ({theme})"), found).await;
    h.click(testid("snooze-choice-tomorrow")).await;
    h.wait_for(testid("snooze-held")).await;
    audit(h, &format!("a snoozed conversation ({theme})"), found).await;
    h.click(testid("snooze-wake")).await;
    h.wait_for(testid("snooze-open")).await;

    // Labels: the picker, a label created with its colour and on the conversation.
    h.click(testid("label-add")).await;
    h.wait_for(testid("label-find"))
        .await
        .send_keys(format!("Audit {theme}"))
        .await
        .unwrap();
    h.click(testid("label-create")).await;
    h.wait_for(By::Css(
        "[data-testid='label-line'] [data-testid='label-chip']",
    ))
    .await;
    audit(
        h,
        &format!("labels under the header, the picker open ({theme})"),
        found,
    )
    .await;
    h.click(testid("label-done")).await;

    // Saving the view on screen: the form, its name refused when empty.
    h.click(testid("saved-view-new")).await;
    h.wait_for(testid("saved-view-name")).await;
    h.click(testid("saved-view-save")).await;
    h.wait_for(testid("saved-view-problem")).await;
    audit(
        h,
        &format!("saving a view, a problem named ({theme})"),
        found,
    )
    .await;
    h.press(Key::Escape).await;

    // A colleague names this agent in a note: announced, then listed under Mentions.
    let id = key.trim_start_matches("communication/");
    h.api_put_as(
        "javier.ortega@switchboard.example",
        &format!(
            "/api/notes/communication/{id}/3e1d2c4b-0000-4000-8000-{:012}",
            theme.len()
        ),
        serde_json::json!({ "body": "@Camille Laurent see above", "mentions": ["agent-camille"] }),
    )
    .await;
    h.click(testid("view-mentions")).await;
    h.wait_for(testid("mention")).await;
    audit(h, &format!("mentions ({theme})"), found).await;

    // The saved replies' settings: the list, a reply's history, the editor.
    h.driver
        .goto(format!("{}/settings/saved-replies", h.base))
        .await
        .unwrap();
    h.click(testid("saved-reply-history")).await;
    h.wait_for(testid("saved-reply-change")).await;
    h.click(testid("saved-reply-new")).await;
    h.wait_for(testid("saved-reply-editor")).await;
    audit(h, &format!("saved replies settings ({theme})"), found).await;

    // The response deadlines' settings: the list, a policy's form with a mistake named.
    h.driver
        .goto(format!("{}/settings/deadlines", h.base))
        .await
        .unwrap();
    h.click(By::Css(
        "[data-backend='postcenter'] [data-testid='deadline-policy-edit']",
    ))
    .await;
    h.retype(testid("policy-target"), "soon").await;
    h.click(testid("deadline-policy-save")).await;
    h.wait_for(testid("policy-problem")).await;
    audit(h, &format!("response deadlines settings ({theme})"), found).await;

    h.driver
        .goto(format!("{}/nowhere/at/all", h.base))
        .await
        .unwrap();
    h.wait_for(testid("not-found")).await;
    audit(h, &format!("not found ({theme})"), found).await;
}

async fn audit_customer_pages(h: &Harness, theme: &str, found: &mut Vec<String>) {
    h.driver.goto(format!("{}/contact", h.base)).await.unwrap();
    set_theme(h, theme).await;
    h.driver.refresh().await.unwrap();
    h.wait_for(testid("contact-form")).await;
    h.wait_for(testid("contact-name"))
        .await
        .send_keys("Lucía Fernández")
        .await
        .unwrap();
    h.click(testid("contact-submit")).await;
    h.wait_for_text(testid("error-mail"), "required").await;
    audit(h, &format!("contact with errors ({theme})"), found).await;

    for (field, value) in [
        ("contact-mail", "lucia@correo.es"),
        ("contact-object", "Reserva TRIP-2026-0412"),
        (
            "contact-message",
            "No he recibido la confirmación de mi reserva.",
        ),
    ] {
        h.wait_for(testid(field))
            .await
            .send_keys(value)
            .await
            .unwrap();
    }
    h.click(testid("contact-submit")).await;
    h.wait_for(testid("contact-confirmation")).await;
    audit(h, &format!("contact confirmation ({theme})"), found).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_the_accessibility_audit_in_both_themes() {
    let h = start().await;
    let mut found = Vec::new();
    for theme in ["light", "dark"] {
        audit_customer_pages(&h, theme, &mut found).await;
        audit_agent_pages(&h, theme, &mut found).await;
        // Signed out again for the next theme's sign-in page.
        h.driver.delete_all_cookies().await.unwrap();
    }
    // Left to the system, the theme follows it: a system that prefers dark gets the dark
    // palette, and it passes too.
    h.driver
        .cdp()
        .send_raw(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
        )
        .await
        .expect("a system that prefers dark");
    h.driver.goto(format!("{}/contact", h.base)).await.unwrap();
    set_theme(&h, "system").await;
    h.driver.refresh().await.unwrap();
    h.wait_for(testid("contact-form")).await;
    let background = h
        .driver
        .execute(
            "return getComputedStyle(document.body).backgroundColor",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(
        background.json().as_str(),
        Some("rgb(18, 21, 27)"),
        "the dark palette, as the system prefers"
    );
    audit(&h, "contact (system, dark)", &mut found).await;

    assert!(
        found.is_empty(),
        "{} accessibility violations:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// What search engines read: a `robots.txt` (not the app's page) that keeps the agents'
/// console and the customers' private pages out and lets the public pages in, and a
/// description on every page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawlers_get_a_robots_file_and_every_page_a_description() {
    let h = start().await;
    let robots = reqwest::get(format!("{}/robots.txt", h.base))
        .await
        .expect("the server answers");
    assert_eq!(robots.status(), 200);
    let kind = robots.headers()["content-type"]
        .to_str()
        .unwrap_or("")
        .to_owned();
    assert!(kind.starts_with("text/plain"), "{kind}");
    let rules = robots.text().await.expect("a body");
    assert!(rules.contains("Disallow: /\n"), "{rules}");
    assert!(rules.contains("Allow: /contact\n"), "{rules}");
    assert!(rules.contains("Allow: /sign-in\n"), "{rules}");
    assert!(
        rules.contains("Allow: /$\n"),
        "the root leads to sign in: {rules}"
    );
    assert!(rules.contains("Disallow: /contact/follow-up\n"), "{rules}");
    for page in ["/sign-in", "/contact"] {
        h.driver.goto(format!("{}{page}", h.base)).await.unwrap();
        let description = h
            .wait_for(By::Css("meta[name='description']"))
            .await
            .attr("content")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(description.len() > 60, "{page}: {description:?}");
    }
    h.finish().await;
}

/// A visitor without a session opens the console: the server sends them to the small
/// sign-in page before any of the console loads, and nothing the page asks for is refused
/// (a refused request is an error in the browser's console). While the agent types, the
/// console's main part is fetched, but none of the parts that come on first use.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_out_visit_meets_no_refusal_and_downloads_no_console() {
    let h = start().await;
    h.driver
        .goto(format!("{}/?status=open", h.base))
        .await
        .unwrap();
    h.wait_for(testid("sign-in-form")).await;
    h.wait_for_path("/sign-in?next=%2F%3Fstatus%3Dopen").await;
    h.retype(testid("sign-in-email"), "camille").await;
    let mut seen = requests(&h).await;
    let split = seen.iter().any(|(path, _)| path.starts_with("/pkg-"));
    if split {
        // The release build: the main part arrives while the agent types.
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            if seen
                .iter()
                .any(|(path, _)| path.ends_with("/switchboard_bg.wasm"))
            {
                break;
            }
            tokio::time::sleep(POLL).await;
            seen = requests(&h).await;
        }
        assert!(
            seen.iter()
                .any(|(path, _)| path.ends_with("/switchboard_bg.wasm")),
            "the console's main part is fetched: {seen:?}"
        );
    }
    let refused: Vec<_> = seen.iter().filter(|(_, status)| *status >= 400).collect();
    assert!(refused.is_empty(), "refused: {refused:?}");
    assert!(
        !seen
            .iter()
            .any(|(path, _)| path.contains("/split_") || path.contains("/chunk_")),
        "no part of the console that comes on first use: {seen:?}"
    );
    assert!(
        !seen.iter().any(|(path, _)| path == "/api/session"),
        "the sign-in page never asks who is signed in: {seen:?}"
    );
    h.finish().await;
}

/// Every request of the page so far, with its status (0 where the browser does not say, as
/// for a prefetch still under way).
async fn requests(h: &Harness) -> Vec<(String, u16)> {
    let value = h
        .driver
        .execute(
            "return performance.getEntriesByType('navigation')\
               .concat(performance.getEntriesByType('resource'))\
               .map(e => [new URL(e.name).pathname, e.responseStatus || 0]);",
            Vec::new(),
        )
        .await
        .expect("the page answers");
    serde_json::from_value(value.json().clone()).unwrap_or_default()
}

/// Signed in, the console fetches the conversation's part once every backend's first page
/// is in, before any conversation is opened: opening one never waits on a download.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_conversations_part_is_fetched_before_a_conversation_is_opened() {
    let h = start().await;
    h.sign_in_at("/").await;
    h.wait_for(By::Css("[data-testid='conversation-row']"))
        .await;
    let mut seen = requests(&h).await;
    if !seen.iter().any(|(path, _)| path.starts_with("/pkg-")) {
        // A development build is one bundle: nothing comes later.
        h.finish().await;
        return;
    }
    let has_part = |seen: &[(String, u16)]| {
        seen.iter()
            .any(|(path, _)| path.contains("/split_") && path.contains("conversation_part"))
    };
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        if has_part(&seen) {
            break;
        }
        tokio::time::sleep(POLL).await;
        seen = requests(&h).await;
    }
    assert!(
        has_part(&seen),
        "the conversation's part is fetched: {seen:?}"
    );
    assert_eq!(h.path().await, "/", "no conversation was opened");
    h.finish().await;
}
