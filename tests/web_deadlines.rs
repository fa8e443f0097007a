//! Response deadlines in headless Chromium: the browser's own time-zone database turns the
//! team's local times into instants across the nights clocks change (Paris, Madrid,
//! Santiago), as the server's does; and the line under a conversation's header says the
//! time left or how long overdue from the test server's policies; "No answer needed"
//! stops it (kept by the server, and undone); nothing shows once an agent has answered.
#![cfg(target_arch = "wasm32")]

mod common;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use common::*;
use leptos::prelude::*;
use switchboard::components::conversation::deadline::DeadlineLine;
use switchboard::components::inbox::deadlines::engine::engine;
use switchboard::components::inbox::deadlines::{DeadlinePolicies, IntlZone};
use switchboard::state::ApiOrigin;
use switchboard_core::deadlines::{due_at, Clock, DayHours, Span, Zone};
use switchboard_core::domain::AuthorKind;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a local time")
}

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().expect("an instant")
}

#[wasm_bindgen_test]
fn the_browsers_zones_know_the_nights_the_clocks_change() {
    let paris = IntlZone::new("Europe/Paris").expect("Paris");
    assert_eq!(paris.instant(local("2027-03-28 02:30")), None, "skipped");
    assert_eq!(
        paris.instant(local("2027-03-28 03:00")),
        Some(utc("2027-03-28T01:00:00Z"))
    );
    assert_eq!(
        paris.date(utc("2027-03-27T23:30:00Z")),
        NaiveDate::from_ymd_opt(2027, 3, 28).expect("a date")
    );
    let madrid = IntlZone::new("Europe/Madrid").expect("Madrid");
    assert_eq!(
        madrid.instant(local("2026-10-25 02:30")),
        Some(utc("2026-10-25T00:30:00Z")),
        "the hour that happens twice: its first time"
    );
    let santiago = IntlZone::new("America/Santiago").expect("Santiago");
    assert_eq!(
        santiago.instant(local("2026-09-06 00:00")),
        None,
        "midnight never happens"
    );
    let sundays = Clock::Business {
        zone: "America/Santiago".into(),
        week: vec![DayHours {
            day: Weekday::Sun,
            spans: vec![Span {
                open: NaiveTime::from_hms_opt(0, 0, 0).expect("midnight"),
                close: NaiveTime::from_hms_opt(8, 0, 0).expect("eight"),
            }],
        }],
        holidays: Vec::new(),
    };
    assert_eq!(
        due_at(&sundays, utc("2026-09-05T15:00:00Z"), 30, &santiago),
        Some(utc("2026-09-06T04:30:00Z")),
        "as the server's database counts it"
    );
    assert!(
        IntlZone::new("Europe/Atlantis").is_none(),
        "an unknown zone is no crash"
    );
}

#[wasm_bindgen_test]
async fn the_line_says_the_time_left_or_how_late_and_nothing_once_answered() {
    sign_in().await;
    let thread = RwSignal::new(vec![(
        AuthorKind::Customer,
        Some(Utc::now() - Duration::hours(30)),
    )]);
    let root = mount(move || {
        provide_context(ApiOrigin(server_origin().to_owned()));
        DeadlinePolicies::provide_read(engine());
        view! { <DeadlineLine backend="octopia" conversation="d-1001" thread=thread.into() /> }
    });
    // Octopia's default: every hour counts, 24 h to answer, the alarm at 48 h.
    wait_until("overdue by six hours", || {
        !find_all(&root, "deadline").is_empty()
            && text(&root, "deadline").contains("Overdue by 6 h")
    })
    .await;
    assert_eq!(
        find(&root, "deadline")
            .get_attribute("data-standing")
            .as_deref(),
        Some("overdue")
    );
    // "No answer needed" stops the clock, says who, and is kept by the server; Undo.
    click(&root, "no-answer-needed");
    wait_until("no answer needed", || {
        !find_all(&root, "deadline").is_empty()
            && text(&root, "deadline").contains("No answer needed, said by")
    })
    .await;
    let kept =
        switchboard::connectors::deadlines::no_answer_mark(server_origin(), "octopia", "d-1001")
            .await
            .expect("the mark is read");
    assert!(kept.is_some(), "kept by the server");
    click(&root, "no-answer-undo");
    wait_until("overdue again", || {
        !find_all(&root, "deadline-words").is_empty()
            && text(&root, "deadline-words").contains("Overdue by 6 h")
    })
    .await;

    thread.update(|t| t.push((AuthorKind::Agent, Some(Utc::now()))));
    wait_until("an answer stops the clock", || {
        find_all(&root, "deadline").is_empty()
    })
    .await;
    thread.set(vec![(
        AuthorKind::Customer,
        Some(Utc::now() - Duration::hours(2)),
    )]);
    wait_until("due in 22 hours", || {
        !find_all(&root, "deadline").is_empty()
            && text(&root, "deadline").contains("Answer due in 22 h")
    })
    .await;
    thread.set(vec![(
        AuthorKind::Customer,
        Some(Utc::now() - Duration::hours(50)),
    )]);
    wait_until("past the alarm", || {
        !find_all(&root, "deadline").is_empty()
            && text(&root, "deadline").contains("past the alarm")
    })
    .await;
    root.remove();
}

/// The rows' due times are counted into the last count's map: a recount with nothing new
/// says nothing changed, a new or moved row is counted and said, and a row that left the
/// list or awaits no more leaves the map.
#[wasm_bindgen_test]
fn a_recount_keeps_its_map_says_what_changed_and_drops_rows_that_left() {
    use std::collections::HashMap;
    use switchboard::components::inbox::deadlines::DueCache;
    use switchboard::connectors::Inbox;
    use switchboard_core::deadlines::{BackendPolicy, Policy};
    use switchboard_core::domain::ConversationKey;
    use switchboard_core::domain::ConversationStatus;

    let policies = vec![BackendPolicy {
        backend: "communication".into(),
        policy: Policy {
            clock: Clock::Always,
            target_minutes: 60,
            alarm_minutes: 120,
        },
        is_default: true,
        updated_by: None,
        updated_at: None,
    }];
    let mut rows: Vec<_> = (0..3).map(row).collect();
    for (i, row) in rows.iter_mut().enumerate() {
        row.awaiting_since = Some(utc("2026-12-07T09:00:00Z") + Duration::minutes(i as i64));
    }
    let inbox = |rows: &[switchboard_core::domain::Conversation]| Inbox {
        conversations: rows.iter().cloned().map(std::sync::Arc::new).collect(),
        ..Inbox::default()
    };
    let count = engine().count;
    let (marks, known) = (HashMap::new(), HashMap::new());
    let (mut cache, mut dues) = (DueCache::default(), HashMap::new());
    let mut recount = |rows: &[_]| {
        count(
            &inbox(rows),
            &marks,
            &known,
            &policies,
            &mut cache,
            &mut dues,
        )
    };

    assert!(recount(&rows), "the first count");
    assert!(!recount(&rows), "nothing new");
    rows[1].awaiting_since = Some(utc("2026-12-07T10:00:00Z"));
    assert!(recount(&rows), "a row whose customer wrote again");
    rows[2].status = ConversationStatus::Closed;
    assert!(recount(&rows), "a row that awaits no more");
    rows.remove(0);
    assert!(recount(&rows), "a row that left the list");
    let due = |i: usize| dues.get(&ConversationKey::new("communication", format!("c-{i}")));
    assert_eq!(dues.len(), 1, "{dues:?}");
    assert_eq!(
        due(1).map(|d| d.due),
        Some(utc("2026-12-07T11:00:00Z")),
        "an hour after the customer last wrote"
    );
    assert!(due(0).is_none() && due(2).is_none());
}
