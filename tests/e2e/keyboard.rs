//! End to end, the keyboard and the room rows get: `e` closes and opens the next row, the
//! row moved to stands out in both themes, Esc empties the text filter; at 1440×900 rows
//! come first, and the command palette (Ctrl+K, or its button) jumps to a view and to a
//! conversation. The harness is `e2e_support`.

use crate::e2e_support::*;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e_closes_and_opens_the_next_row_the_current_row_shows_and_esc_clears_the_filter() {
    let h = start().await;
    h.sign_in_at("/?status=open&backend=communication").await;
    h.wait_for(communication_row()).await;
    let rows = h
        .driver
        .find_all(By::Css("a[data-testid='conversation-row']"))
        .await
        .unwrap();
    assert!(rows.len() >= 3, "a few open conversations to walk");
    let first = rows[0].attr("data-key").await.unwrap().unwrap();
    let second = rows[1].attr("data-key").await.unwrap().unwrap();

    // The row moved to is unmistakable, in both themes: a ring drawn inside it (the row
    // clips what spills out) and a background of its own.
    for theme in ["light", "dark"] {
        h.select("theme-select", theme).await;
        let (from, moved_to) = h.press_j_in_the_list().await;
        assert_ne!(moved_to, from, "{theme}: j moves to the next row");
        let ((ring, background), (_, other_background)) =
            h.focused_row_look().await.expect("a row has focus");
        assert!(
            ring.contains("inset"),
            "{theme}: the ring is inside the row: {ring}"
        );
        assert_ne!(
            background, other_background,
            "{theme}: the current row stands out"
        );
    }

    // Open the first, then `e`: it closes and the next one opens.
    h.driver
        .execute(
            "document.querySelector(\"a[data-testid='conversation-row']\").focus();",
            Vec::new(),
        )
        .await
        .unwrap();
    h.press(Key::Enter).await;
    h.wait_for_path_starting(&format!("/conversations/{first}"))
        .await;
    h.wait_for_focus("conversation-customer").await;
    h.press("e").await;
    h.wait_for_path_starting(&format!("/conversations/{second}"))
        .await;
    let id = first.split_once('/').map(|(_, id)| id).expect("backend/id");
    let closed = h
        .api_json(&format!("/communication/v1/conversations/{id}"))
        .await;
    assert_eq!(closed["status"], "CLOSED");

    // Esc in the text filter empties the filter itself: the URL, the list and the notice.
    h.driver
        .execute(
            "document.activeElement && document.activeElement.blur();",
            Vec::new(),
        )
        .await
        .unwrap();
    h.press("/").await;
    h.wait_for_focus("inbox-filter").await;
    h.press("zz-nothing-matches").await;
    h.wait_for_path_starting(&format!("/conversations/{second}"))
        .await;
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        if h.path().await.contains("q=zz-nothing-matches") {
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert!(h.path().await.contains("q=zz-nothing-matches"));
    h.press(Key::Escape).await;
    let mut last = String::new();
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        last = h.path().await;
        if !last.contains("q=") {
            break;
        }
        tokio::time::sleep(POLL).await;
    }
    assert!(!last.contains("q="), "the filter left the URL: {last}");
    let field = h.wait_for(testid("inbox-filter")).await;
    assert_eq!(field.prop("value").await.unwrap().unwrap_or_default(), "");
    h.wait_for(communication_row()).await;
    h.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_1440_by_900_rows_come_first_and_the_palette_jumps_to_views_and_conversations() {
    let h = start().await;
    // The viewport itself at 1440×900, whatever the browser's window keeps for itself.
    h.driver
        .cdp()
        .send_raw(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": 1440, "height": 900, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await
        .expect("a 1440×900 viewport");
    h.sign_in_at("/").await;
    h.wait_for(communication_row()).await;
    h.wait_for(testid("inbox-count")).await;
    let visible = h
        .driver
        .execute(
            "const list = document.querySelector('.list-scroller').getBoundingClientRect();
             const bottom = Math.min(list.bottom, window.innerHeight);
             return [...document.querySelectorAll(\"a[data-testid='conversation-row']\")]
               .filter(a => { const r = a.getBoundingClientRect();
                              return r.top >= list.top - 1 && r.bottom <= bottom + 1; })
               .length;",
            Vec::new(),
        )
        .await
        .unwrap()
        .json()
        .as_u64()
        .unwrap_or_default();
    println!("rows fully visible at 1440×900, no filter: {visible}");
    assert!(visible >= 10, "rows first: {visible} visible");
    // Each row's time shows whole, an email beside the name or not.
    let cut: Vec<String> = serde_json::from_value(
        h.driver
            .execute(
                "return [...document.querySelectorAll(\"a[data-testid='conversation-row']\")]
                   .filter(a => { const t = a.querySelector('.row-time');
                                  return t && (t.scrollWidth > t.clientWidth + 1
                                    || t.getBoundingClientRect().right > a.getBoundingClientRect().right + 1); })
                   .map(a => a.dataset.key);",
                Vec::new(),
            )
            .await
            .unwrap()
            .json()
            .clone(),
    )
    .unwrap_or_default();
    assert!(cut.is_empty(), "rows whose time is cut off: {cut:?}");

    // The button above the list opens it too; Esc closes it.
    h.click(testid("open-palette")).await;
    h.wait_for_focus("palette-input").await;
    h.press(Key::Escape).await;
    wait_gone_palette(&h).await;

    // Ctrl+K, a view by name, Enter.
    let ctrl_k = || async {
        h.press_ctrl("k").await;
        h.wait_for_focus("palette-input").await;
    };
    ctrl_k().await;
    h.press("closed").await;
    h.wait_for(testid("palette-option-view")).await;
    h.press(Key::Enter).await;
    h.wait_for_path("/?status=closed").await;
    wait_gone_palette(&h).await;
    // The closed view's rows, not the last view's, shown meanwhile: while they stay, the
    // count's line says the view loads, never the last view's count.
    closed_view_shown(&h).await;

    // A conversation by its customer's name, reached with the arrows.
    let customer = h
        .driver
        .execute(
            "return document.querySelector(\"a[data-testid='conversation-row'] .row-customer bdi\").textContent;",
            Vec::new(),
        )
        .await
        .unwrap()
        .json()
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(!customer.is_empty());
    ctrl_k().await;
    h.press(customer.as_str()).await;
    h.wait_for(testid("palette-option-conversation")).await;
    let before = h
        .driver
        .execute(
            "const all = [...document.querySelectorAll('.palette-option')];
             return all.findIndex(o => o.dataset.testid === 'palette-option-conversation');",
            Vec::new(),
        )
        .await
        .unwrap()
        .json()
        .as_u64()
        .unwrap_or_default();
    for _ in 0..before {
        h.press(Key::Down).await;
    }
    h.press(Key::Enter).await;
    h.wait_for(testid("conversation-customer")).await;
    h.wait_for_text(testid("conversation-customer"), &customer)
        .await;
    wait_gone_palette(&h).await;
    h.finish().await;
}

/// Waits until the closed view is counted, checking on the way that its count never shows
/// beside another view's rows.
async fn closed_view_shown(h: &Harness) {
    let mut seen = serde_json::Value::Null;
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        seen = h
            .driver
            .execute(
                "const count = document.querySelector(\"[data-testid='inbox-count']\");
                 const counted = !!count && !count.classList.contains('hidden');
                 const badges = [...document.querySelectorAll(\"a[data-testid='conversation-row'] .badge.status\")];
                 return [counted, badges.length, badges.filter(b => !b.classList.contains('status-closed')).length];",
                Vec::new(),
            )
            .await
            .unwrap()
            .json()
            .clone();
        let (counted, rows, others) = (
            seen[0].as_bool().unwrap_or(false),
            seen[1].as_u64().unwrap_or(0),
            seen[2].as_u64().unwrap_or(0),
        );
        assert!(
            !(counted && others > 0),
            "the closed view counted beside another view's rows: {seen}"
        );
        if counted && rows > 0 {
            return;
        }
        tokio::time::sleep(POLL).await;
    }
    panic!("the closed view never showed: {seen}");
}

/// Waits until the command palette has closed.
async fn wait_gone_palette(h: &Harness) {
    for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
        let open = h
            .driver
            .execute(
                "const d = document.querySelector(\"[data-testid='palette']\"); return !!(d && d.open);",
                Vec::new(),
            )
            .await
            .unwrap()
            .json()
            .as_bool()
            .unwrap_or(false);
        if !open {
            return;
        }
        tokio::time::sleep(POLL).await;
    }
    panic!("the palette stayed open");
}
