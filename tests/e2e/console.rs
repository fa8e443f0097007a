//! End to end, as people use it: the built console (Trunk's `dist/`) served by the
//! reference server, driven in headless Chromium through chromedriver.
//!
//! `scripts/test.sh` builds `dist/` first. Each test starts its own server on a fresh
//! database and its own chromedriver. Agents sign in through the sign-in page, as the demo
//! agent; the tests' own look at the server (reqwest) signs in too, with its own session.

use crate::e2e_support::*;
use switchboard_core::session::{SESSION_PATH, WRITE_HEADER, WRITE_HEADER_VALUE};
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_replies_assigns_and_closes_and_it_all_survives_a_reload() {
    an_agent_replies_assigns_and_closes_and_it_all_survives_a_reload_journey(start().await).await;
}

/// The same, with the console's server as a gateway in front of the vendors.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_replies_assigns_and_closes_and_it_all_survives_a_reload_through_the_gateway() {
    an_agent_replies_assigns_and_closes_and_it_all_survives_a_reload_journey(
        start_through_gateway().await,
    )
    .await;
}

async fn an_agent_replies_assigns_and_closes_and_it_all_survives_a_reload_journey(h: Harness) {
    let me = h.sign_in_at("/?status=open").await;
    let agents = h.api_json("/api/agents").await;
    h.wait_for(communication_row()).await;

    // Open the first open conversation.
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("conversation-customer")).await;
    h.wait_for(testid("message")).await;
    assert!(h
        .driver
        .current_url()
        .await
        .unwrap()
        .path()
        .starts_with("/conversations/"));

    // Reply.
    let reply = "Bonjour ! Votre remboursement part aujourd'hui — merci de votre patience.";
    let input = h.wait_for(testid("reply-input")).await;
    input.send_keys(reply).await.unwrap();
    h.wait_for(testid("reply-send"))
        .await
        .click()
        .await
        .unwrap();
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-body']"),
        reply,
    )
    .await;
    let cleared = h
        .wait_for(testid("reply-input"))
        .await
        .value()
        .await
        .unwrap();
    assert_eq!(
        cleared.as_deref(),
        Some(""),
        "a sent reply leaves an empty box"
    );

    // Assign to a colleague (choosing, then Save), then close; focus stays with the controls.
    let assignee = h
        .wait_for(testid("assignee-select"))
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    let colleague = agents
        .as_array()
        .expect("agents")
        .iter()
        .map(|a| a["id"].as_str().expect("an id").to_owned())
        .find(|id| *id != me && *id != assignee)
        .expect("a colleague who is not the assignee");
    h.select("assignee-select", &colleague).await;
    h.click(testid("assignee-save")).await;
    let colleague_name = agents
        .as_array()
        .and_then(|all| all.iter().find(|a| a["id"] == colleague.as_str()))
        .and_then(|a| a["name"].as_str())
        .expect("the colleague's name")
        .to_owned();
    h.wait_for_text(
        By::Css(format!("[data-key='{key}'] [data-testid='row-assignee']")),
        &colleague_name,
    )
    .await;
    h.wait_for_focus("assignee-select").await;
    let close = h.wait_for(testid("status-close")).await;
    let (close_at, archive_at) = (
        close.rect().await.unwrap(),
        h.wait_for(testid("status-archive"))
            .await
            .rect()
            .await
            .unwrap(),
    );
    close.click().await.unwrap();
    h.wait_for_text(
        By::Css("[data-testid='conversation'] [data-testid='status-badge']"),
        "Closed",
    )
    .await;
    h.wait_for_focus("status-reopen").await;
    // Reopen took Close's place, and nothing else in the header moved.
    let reopen_at = h
        .wait_for(testid("status-reopen"))
        .await
        .rect()
        .await
        .unwrap();
    let archive_now = h
        .wait_for(testid("status-archive"))
        .await
        .rect()
        .await
        .unwrap();
    assert_eq!((reopen_at.x, reopen_at.y), (close_at.x, close_at.y));
    assert_eq!((archive_now.x, archive_now.y), (archive_at.x, archive_at.y));
    h.wait_for_text(testid("announcement"), "Conversation closed.")
        .await;
    // The write changed its row in place: the list was asked once, when it loaded.
    assert_eq!(h.requests_to("/communication/v1/conversations?").await, 1);
    assert_eq!(h.requests_to("/octopia/v2/discussions?").await, 1);

    // Everything is still there after a reload.
    h.driver.refresh().await.unwrap();
    h.wait_for_text(
        By::Css("[data-testid='conversation'] [data-testid='status-badge']"),
        "Closed",
    )
    .await;
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-body']"),
        reply,
    )
    .await;
    let selected = h
        .wait_for(By::Css(format!(
            "[data-testid='assignee-select'] option[value='{colleague}']"
        )))
        .await;
    assert!(
        selected.is_selected().await.unwrap(),
        "the colleague is still assigned"
    );
    let my_name = agents
        .as_array()
        .and_then(|all| all.iter().find(|a| a["id"] == me.as_str()))
        .and_then(|a| a["name"].as_str())
        .expect("my name")
        .to_owned();
    h.wait_for_text(testid("signed-in-agent"), &my_name).await;

    // And the server agrees.
    let id = key.split_once('/').map(|(_, id)| id).expect("backend/id");
    let stored = h
        .api_json(&format!("/communication/v1/conversations/{id}"))
        .await;
    assert_eq!(stored["status"], "CLOSED");
    assert_eq!(stored["assignedAgentId"], colleague.as_str());
    assert_eq!(stored["lastMessage"]["content"], reply);
    assert_eq!(
        stored["lastMessage"]["transmitterId"],
        me.as_str(),
        "the reply is the signed-in agent's"
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_sends_an_image_and_a_pdf_and_both_are_in_the_thread_after_a_reload() {
    let h = start().await;
    h.sign_in_at("/?status=open").await;
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("message")).await;

    // A file that is not allowed is refused in the page, by name.
    let exe = tempfile::Builder::new().suffix(".exe").tempfile().unwrap();
    std::fs::write(
        exe.path(),
        b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0 program",
    )
    .unwrap();
    let input = h.wait_for(testid("attachment-input")).await;
    input
        .send_keys(exe.path().to_string_lossy().as_ref())
        .await
        .unwrap();
    h.wait_for_text(testid("attachment-problem"), "is not an accepted format")
        .await;

    // The real ones are accepted, shown as chips, and sent with the reply.
    let png = fixture("boarding-pass.png");
    let pdf = fixture("invoice.pdf");
    let input = h.wait_for(testid("attachment-input")).await;
    input
        .send_keys(format!("{}\n{}", png.display(), pdf.display()))
        .await
        .unwrap();
    let chips = h
        .driver
        .query(testid("attachment-chip"))
        .wait(WAIT, POLL)
        .all_from_selector_required()
        .await
        .unwrap();
    assert_eq!(chips.len(), 2);
    h.wait_for(testid("reply-input"))
        .await
        .send_keys("Voici votre carte d'embarquement et la facture.")
        .await
        .unwrap();
    h.wait_for(testid("reply-send"))
        .await
        .click()
        .await
        .unwrap();

    let last_attachments =
        "[data-testid='thread'] li[data-testid='message']:last-child [data-testid='message-attachment']";
    h.wait_for_text(By::Css(last_attachments), "boarding-pass.png")
        .await;
    assert!(
        h.driver
            .find_all(testid("attachment-chip"))
            .await
            .unwrap()
            .is_empty(),
        "chips cleared after sending"
    );

    h.driver.refresh().await.unwrap();
    h.wait_for_text(By::Css(last_attachments), "boarding-pass.png")
        .await;
    let attachments = h.driver.find_all(By::Css(last_attachments)).await.unwrap();
    assert_eq!(attachments.len(), 2);
    let texts = futures_texts(&attachments).await;
    assert!(
        texts
            .iter()
            .any(|t| t.contains("invoice.pdf") && t.contains("PDF")),
        "{texts:?}"
    );

    // The thumbnail really loads from the server, and the PDF link serves the same bytes.
    let image = h.wait_for(By::Css(format!("{last_attachments} img"))).await;
    let mut loaded = false;
    for _ in 0..50 {
        let width = h
            .driver
            .execute(
                "return arguments[0].naturalWidth;",
                vec![image.to_json().unwrap()],
            )
            .await
            .unwrap();
        if width.json().as_u64() == Some(96) {
            loaded = true;
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert!(loaded, "the thumbnail shows the uploaded 96x64 image");
    let link = h
        .wait_for(By::Css(
            "[data-testid='thread'] li[data-testid='message']:last-child li.attachment.file a[download]"
                .to_owned(),
        ))
        .await
        .prop("href")
        .await
        .unwrap()
        .expect("a link");
    let served = h.api_bytes(&link).await;
    assert_eq!(served, std::fs::read(&pdf).unwrap());

    // The image can be downloaded too, from the thread and from the viewer.
    let image_link = h
        .wait_for(By::Css(format!(
            "{last_attachments} [data-testid='attachment-download']"
        )))
        .await
        .prop("href")
        .await
        .unwrap()
        .expect("a link");
    let served = h.api_bytes(&image_link).await;
    assert_eq!(served, std::fs::read(&png).unwrap());

    // Opening the image shows it large.
    h.wait_for(By::Css(format!("{last_attachments} button.thumb")))
        .await
        .click()
        .await
        .unwrap();
    h.wait_for(testid("lightbox")).await;
    let viewer_link = h
        .wait_for(testid("lightbox-download"))
        .await
        .prop("href")
        .await
        .unwrap()
        .expect("a link");
    assert_eq!(viewer_link, image_link);
    // Large means larger than its thumbnail, even for a 96×64 picture.
    let mut sizes = serde_json::Value::Null;
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        sizes = h
            .driver
            .execute(
                "const size = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
                 const thumb = document.querySelector(arguments[0] + ' button.thumb img');
                 const large = document.querySelector(\"[data-testid='lightbox'] img\");
                 return thumb && large && large.complete && large.naturalWidth
                   ? [size(thumb), size(large)] : null;",
                vec![serde_json::Value::from(last_attachments)],
            )
            .await
            .unwrap()
            .json()
            .clone();
        if !sizes.is_null() {
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    let (thumb, large) = (&sizes[0], &sizes[1]);
    let at_least = |large: &serde_json::Value, thumb: &serde_json::Value, i: usize| {
        large[i].as_f64().unwrap_or(0.0) >= thumb[i].as_f64().unwrap_or(f64::MAX)
    };
    assert!(
        at_least(large, thumb, 0) && at_least(large, thumb, 1),
        "the large view ({large}) is at least its thumbnail ({thumb})"
    );

    let id = key.split_once('/').map(|(_, id)| id).unwrap();
    let stored = h
        .api_json(&format!("/communication/v1/conversations/{id}"))
        .await;
    assert_eq!(
        stored["lastMessage"]["attachments"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_finds_a_claim_by_its_order_reference_answers_with_a_pdf_and_closes_it() {
    an_agent_finds_a_claim_by_its_order_reference_answers_with_a_pdf_and_closes_it_journey(
        start().await,
    )
    .await;
}

/// The same, with the console's server as a gateway in front of the vendors.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_finds_a_claim_by_its_order_reference_answers_with_a_pdf_and_closes_it_through_the_gateway(
) {
    an_agent_finds_a_claim_by_its_order_reference_answers_with_a_pdf_and_closes_it_journey(
        start_through_gateway().await,
    )
    .await;
}

async fn an_agent_finds_a_claim_by_its_order_reference_answers_with_a_pdf_and_closes_it_journey(
    h: Harness,
) {
    const REFERENCE: &str = "2511PAQ7731";
    h.sign_in_at("/").await;
    let claims = || async {
        let text = h
            .wait_for(testid("count-claims-to-treat"))
            .await
            .text()
            .await
            .unwrap();
        text.trim().parse::<u64>().expect("a count")
    };
    let before = claims().await;
    assert!(before >= 1, "the seeded claim is to treat");

    // Find it by its order reference: one row, the claim.
    h.open_tool("reference").await;
    h.wait_for(testid("reference-search"))
        .await
        .send_keys(REFERENCE)
        .await
        .unwrap();
    h.click(testid("reference-find")).await;
    h.wait_for_text(testid("inbox-title"), REFERENCE).await;
    let row = By::Css("[data-testid='conversation-row'][data-key^='octopia/']".to_owned());
    let key = h.attribute(row.clone(), "data-key").await;
    h.wait_for_text(testid("inbox-count"), "1 conversation")
        .await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;

    // Reading it turns it read: in the header, in the list, and on the server.
    h.wait_for_text(testid("conversation-reference"), REFERENCE)
        .await;
    h.wait_for_text(testid("conversation-reason"), "Colis endommagé")
        .await;
    h.wait_for_text(testid("conversation-customer"), "Camille Martin")
        .await;
    h.wait_for_text(testid("toggle-read"), "Mark unread").await;
    let id = key
        .split_once('/')
        .map(|(_, id)| id)
        .expect("backend/id")
        .to_owned();
    let detail = || async { h.api_json(&format!("/octopia/v2/discussions/{id}")).await };
    assert!(detail().await["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .all(|m| m["hasRead"] == true));

    // Opened again, already read: the button marks it unread, and it stays unread
    // (reading on open must not undo it a moment later).
    h.driver.refresh().await.unwrap();
    h.wait_for_text(testid("toggle-read"), "Mark unread").await;
    h.click(testid("toggle-read")).await;
    h.wait_for_text(testid("toggle-read"), "Mark read").await;
    let unread = |detail: serde_json::Value| {
        detail["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .any(|m| m["hasRead"] == false)
    };
    // Watched for two seconds: the undoing PATCH came 60 ms after the click.
    for _ in 0..20 {
        assert!(unread(detail().await), "marked unread, and it stays so");
        tokio::time::sleep(POLL).await;
    }
    h.wait_for_text(testid("toggle-read"), "Mark read").await;
    h.click(testid("toggle-read")).await;
    h.wait_for_text(testid("toggle-read"), "Mark unread").await;

    // Answer the customer (chosen by default) with a PDF.
    let customer = h
        .wait_for(By::Css(
            "[data-testid='recipient-Customer'] input".to_owned(),
        ))
        .await;
    assert!(
        customer.is_selected().await.unwrap(),
        "the customer receives by default"
    );
    let pdf = fixture("invoice.pdf");
    h.wait_for(testid("attachment-input"))
        .await
        .send_keys(pdf.display().to_string())
        .await
        .unwrap();
    h.wait_for(testid("attachment-chip")).await;
    let answer = "Bonjour Camille, nous vous remboursons : voici l'avoir.";
    h.wait_for(testid("reply-input"))
        .await
        .send_keys(answer)
        .await
        .unwrap();
    h.click(testid("reply-send")).await;
    let last = "[data-testid='thread'] li[data-testid='message']:last-child";
    h.wait_for_text(
        By::Css(format!("{last} [data-testid='message-body']")),
        answer,
    )
    .await;
    h.wait_for_text(
        By::Css(format!("{last} [data-testid='message-attachment']")),
        "invoice.pdf",
    )
    .await;

    // Close it: the claims to treat go down by one.
    h.click(testid("status-close")).await;
    h.wait_for_text(
        By::Css("[data-testid='conversation'] [data-testid='status-badge']".to_owned()),
        "Closed",
    )
    .await;
    h.wait_for_text(testid("count-claims-to-treat"), &(before - 1).to_string())
        .await;

    // And the server agrees, in Octopia's own words.
    let stored = detail().await;
    assert_eq!(stored["isOpen"], false);
    let sent = stored["messages"]
        .as_array()
        .and_then(|m| m.last())
        .cloned()
        .expect("a message");
    assert_eq!(sent["message"], answer);
    assert_eq!(sent["receivers"][0]["userType"], "Customer");
    assert_eq!(sent["attachments"][0]["attachmentName"], "invoice.pdf");
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_runs_under_its_content_security_policy() {
    let h = start().await;
    let page = reqwest::get(format!("{}/", h.base))
        .await
        .expect("the page");
    let policy = page
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .expect("a Content-Security-Policy")
        .to_owned();
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");

    // The app starts (its inline loader is allowed by hash), then every screen is walked
    // while the browser reports any violation, from the first byte of each page on (the
    // contact page is a page load of its own).
    h.driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));" }),
        )
        .await
        .expect("CDP");
    h.driver.goto(format!("{}/", h.base)).await.unwrap();
    h.wait_for(testid("sign-in-form")).await;
    h.submit_sign_in(DEMO_PASSWORD).await;
    h.wait_for(communication_row()).await;
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("message")).await;
    let octopia = By::Css("[data-testid='conversation-row'][data-key^='octopia/']".to_owned());
    let key = h.attribute(octopia, "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for_text(testid("conversation-customer"), "Camille Martin")
        .await;
    h.wait_for(testid("message")).await;
    assert_no_violations(&h, "the console").await;
    h.click(By::Css("a.topbar-link".to_owned())).await;
    h.wait_for(testid("contact-form")).await;
    assert_no_violations(&h, "the contact page").await;
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_works_from_the_keyboard_and_a_reply_reopens_a_closed_conversation() {
    let h = start().await;
    h.sign_in_at("/?status=closed").await;
    // A page loaded afresh, signed in: the keyboard starts from the top.
    h.driver.refresh().await.unwrap();
    h.wait_for(communication_row()).await;
    // Every backend's first page in: at the top of the list, a backend answering later
    // with newer rows pushes the rows shown out of the window, the focused one with them.
    h.wait_for_text(testid("inbox-count"), "conversation").await;

    // The first Tab reaches the skip links; the list is one stop, walked with arrows.
    h.driver
        .execute(
            "document.activeElement && document.activeElement.blur();",
            vec![],
        )
        .await
        .unwrap();
    h.press(Key::Tab).await;
    h.wait_for_focus("skip-to-list").await;
    h.press(Key::Enter).await;
    h.wait_for_focus("conversation-row").await;
    let first = h
        .driver
        .active_element()
        .await
        .unwrap()
        .attr("data-key")
        .await
        .unwrap();
    h.press(Key::Down).await;
    let mut second = first.clone();
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        second = h
            .driver
            .active_element()
            .await
            .unwrap()
            .attr("data-key")
            .await
            .unwrap();
        // Focus on another row (the list focuses it a frame later), not on nothing while
        // rows are put in the page: a late focus would take it back from what comes next.
        if second.is_some() && second != first {
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert!(
        second.is_some() && second != first,
        "ArrowDown moves to the next row"
    );
    // Find a closed communication conversation's row and open it with Enter.
    let key = h.attribute(communication_row(), "data-key").await;
    h.driver
        .execute(
            "document.querySelector(`[data-key='${arguments[0]}']`).focus();",
            vec![serde_json::Value::from(key.clone())],
        )
        .await
        .unwrap();
    h.press(Key::Enter).await;
    h.wait_for_focus("conversation-customer").await;

    // The reply box says the conversation is closed and what sending does.
    h.wait_for_text(
        testid("reply-closed-notice"),
        "Sending your reply reopens it",
    )
    .await;
    // Skip links show once focused; Enter follows one.
    h.driver
        .execute(
            "document.querySelector(\"[data-testid='skip-to-reply']\").focus();",
            vec![],
        )
        .await
        .unwrap();
    h.press(Key::Enter).await;
    h.wait_for_focus("reply-input").await;
    let reply = "Je rouvre votre demande : nous revenons vers vous aujourd'hui.";
    h.press(reply).await;
    h.press_ctrl(Key::Enter).await;
    h.wait_for_text(
        By::Css("[data-testid='conversation'] [data-testid='status-badge']".to_owned()),
        "Open",
    )
    .await;
    h.wait_for_text(testid("announcement"), "open again").await;
    h.wait_for_text(testid("reply-reopened"), "the conversation is open again")
        .await;
    let id = key.split_once('/').map(|(_, id)| id).expect("backend/id");
    let stored = h
        .api_json(&format!("/communication/v1/conversations/{id}"))
        .await;
    assert_eq!(stored["status"], "OPEN");
    assert_eq!(stored["lastMessage"]["content"], reply);
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_signs_in_replies_signs_out_and_the_console_asks_for_sign_in_again() {
    let h = start().await;
    // Nobody is signed in: the console sends the agent to sign in, and remembers where to.
    h.driver
        .goto(format!("{}/?status=open", h.base))
        .await
        .unwrap();
    h.wait_for_path("/sign-in?next=%2F%3Fstatus%3Dopen").await;
    assert_eq!(
        h.attribute(testid("sign-in-email"), "autocomplete").await,
        "username"
    );
    assert_eq!(
        h.attribute(testid("sign-in-password"), "autocomplete")
            .await,
        "current-password"
    );

    // A wrong password is refused in words; the email stays as typed.
    h.submit_sign_in("not-the-password").await;
    h.wait_for_text(testid("sign-in-problem"), "do not match")
        .await;
    let kept = h
        .wait_for(testid("sign-in-email"))
        .await
        .value()
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some(DEMO_EMAIL));

    // The right one (sent with Enter) opens the console where the agent was going.
    h.submit_sign_in(DEMO_PASSWORD).await;
    h.wait_for_path("/?status=open").await;
    let me = h.api_json(SESSION_PATH).await["agent"].clone();
    let my_name = me["name"].as_str().expect("a name").to_owned();
    h.wait_for_text(testid("signed-in-agent"), &my_name).await;
    // Signed in already, the sign-in page goes straight on.
    h.driver
        .goto(format!("{}/sign-in?next=%2F%3Fstatus%3Dopen", h.base))
        .await
        .unwrap();
    h.wait_for_path("/?status=open").await;
    h.wait_for_text(testid("signed-in-agent"), &my_name).await;

    // The agent replies, as themselves.
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("message")).await;
    let reply = "Merci, c'est noté : je reviens vers vous demain matin.";
    h.wait_for(testid("reply-input"))
        .await
        .send_keys(reply)
        .await
        .unwrap();
    h.click(testid("reply-send")).await;
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-body']"),
        reply,
    )
    .await;
    let id = key.split_once('/').map(|(_, id)| id).expect("backend/id");
    let stored = h
        .api_json(&format!("/communication/v1/conversations/{id}"))
        .await;
    assert_eq!(stored["lastMessage"]["content"], reply);
    assert_eq!(stored["lastMessage"]["transmitterId"], me["id"]);

    // Signing out ends the session: the sign-in page, and nothing of the console after a
    // reload, nor for the browser's own requests.
    h.click(testid("sign-out")).await;
    h.wait_for(testid("sign-in-form")).await;
    h.wait_for_path("/sign-in").await;
    h.driver.goto(format!("{}/", h.base)).await.unwrap();
    h.wait_for(testid("sign-in-form")).await;
    h.wait_for_path("/sign-in").await;
    assert!(h.driver.find(testid("conversation-row")).await.is_err());
    let status = h
        .driver
        .execute(
            "return fetch('/api/session', { credentials: 'include' }).then(r => r.status);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(status.json(), &serde_json::json!(401));

    // A conversation's own address brings the agent back to it once signed in.
    let conversation = format!("/conversations/{key}");
    h.sign_in_at(&conversation).await;
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-body']"),
        reply,
    )
    .await;
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_that_ends_mid_reply_is_signed_into_again_and_the_reply_is_kept() {
    let h = start().await;
    h.sign_in_at("/?status=open").await;
    let key = h.attribute(communication_row(), "data-key").await;
    h.click(By::Css(format!("[data-key='{key}']"))).await;
    h.wait_for(testid("message")).await;
    let reply = "Votre billet est modifié ; vous recevrez la confirmation par e-mail.";
    h.wait_for(testid("reply-input"))
        .await
        .send_keys(reply)
        .await
        .unwrap();

    // The session ends behind the console's back (expired, or signed out in another tab).
    let ended = h
        .driver
        .execute(
            &format!(
                "return fetch('{SESSION_PATH}', {{ method: 'DELETE', credentials: 'include', \
                 headers: {{ '{WRITE_HEADER}': '{WRITE_HEADER_VALUE}' }} }}).then(r => r.status);"
            ),
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(ended.json(), &serde_json::json!(204));

    // Sending is refused: the console asks to sign in again over everything, email given.
    h.wait_for_focus("reply-input").await;
    h.press_ctrl(Key::Enter).await;
    h.wait_for(testid("session-ended")).await;
    let email = h
        .wait_for(By::Css(
            "[data-testid='session-ended'] [data-testid='sign-in-email']".to_owned(),
        ))
        .await
        .value()
        .await
        .unwrap();
    assert_eq!(email.as_deref(), Some(DEMO_EMAIL));
    h.wait_for_focus("sign-in-password").await;
    h.press(DEMO_PASSWORD).await;
    h.press(Key::Enter).await;

    // Signed in again: the dialog goes, the reply is still in its box, focus is back there,
    // and sending it now works.
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        if h.driver.find(testid("session-ended")).await.is_err() {
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert!(h.driver.find(testid("session-ended")).await.is_err());
    let kept = h
        .wait_for(testid("reply-input"))
        .await
        .value()
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some(reply));
    h.wait_for_focus("reply-input").await;
    h.press_ctrl(Key::Enter).await;
    h.wait_for_text(
        By::Css("[data-testid='thread'] li:last-child [data-testid='message-body']"),
        reply,
    )
    .await;
    h.finish().await;
}

async fn futures_texts(elements: &[WebElement]) -> Vec<String> {
    let mut texts = Vec::new();
    for element in elements {
        texts.push(element.text().await.unwrap_or_default());
    }
    texts
}

/// What the page's `securitypolicyviolation` listener collected: nothing.
async fn assert_no_violations(h: &Harness, page: &str) {
    let violations = h
        .driver
        .execute("return window.__violations;", vec![])
        .await
        .unwrap();
    assert_eq!(
        violations.json(),
        &serde_json::json!([]),
        "no CSP violation on {page}"
    );
}
