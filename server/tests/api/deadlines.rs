//! Response-deadline policies (`/api/deadline-policies`, `docs/deadlines.md`): every
//! backend has one (its default until an admin sets another); only admins change them; a
//! policy with an early alarm, no hours or an unknown time zone is refused with every
//! problem, and nothing changes.

use crate::common::{signed_in_as, start, AGENT_ID};
use reqwest::StatusCode;
use serde_json::{json, Value};

const PATH: &str = "/api/deadline-policies";

fn office(zone: &str, target: u32, alarm: u32) -> Value {
    json!({
        "clock": {
            "kind": "business",
            "zone": zone,
            "week": [
                { "day": "Mon", "spans": [{ "open": "09:00:00", "close": "13:00:00" }, { "open": "14:00:00", "close": "18:00:00" }] },
                { "day": "Sat", "spans": [{ "open": "10:00:00", "close": "12:00:00" }] }
            ],
            "holidays": ["2026-12-25"]
        },
        "targetMinutes": target,
        "alarmMinutes": alarm
    })
}

fn of<'a>(all: &'a Value, backend: &str) -> &'a Value {
    all.as_array()
        .and_then(|all| all.iter().find(|p| p["backend"] == backend))
        .expect("listed")
}

#[tokio::test]
async fn every_backend_has_a_policy_and_an_admin_sets_another() {
    let server = start().await;
    let listed = server.get(PATH).await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
    assert_eq!(listed.body.as_array().map(Vec::len), Some(5));
    let octopia = of(&listed.body, "octopia");
    assert_eq!(octopia["isDefault"], true);
    assert_eq!(octopia["policy"]["clock"]["kind"], "always");
    assert_eq!(octopia["policy"]["targetMinutes"], 1440);
    assert_eq!(octopia["policy"]["alarmMinutes"], 2880);

    let set = server
        .put(
            &format!("{PATH}/communication"),
            office("Europe/Madrid", 120, 480),
        )
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.text);
    assert_eq!(set.body["isDefault"], false);
    assert_eq!(set.body["updatedBy"], AGENT_ID);
    let after = server.get(PATH).await;
    let communication = of(&after.body, "communication");
    assert_eq!(communication["policy"]["clock"]["zone"], "Europe/Madrid");
    assert_eq!(
        communication["policy"]["clock"]["holidays"],
        json!(["2026-12-25"])
    );
    assert_eq!(communication["isDefault"], false);
}

#[tokio::test]
async fn only_admins_change_a_policy_and_a_wrong_one_is_refused_with_every_problem() {
    let server = start().await;
    let javier = signed_in_as(&server, "javier.ortega@switchboard.example").await;
    let refused = server
        .send(
            javier
                .put(server.url(&format!("{PATH}/octopia")))
                .json(&office("Europe/Paris", 60, 120)),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.text);
    let read = server.send(javier.get(server.url(PATH))).await;
    assert_eq!(read.status, StatusCode::OK, "every agent reads them");

    let wrong = server
        .put(
            &format!("{PATH}/octopia"),
            office("Europe/Atlantis", 240, 60),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST, "{}", wrong.text);
    let fields: Vec<&str> = wrong.body["details"]
        .as_array()
        .expect("details")
        .iter()
        .filter_map(|p| p["field"].as_str())
        .collect();
    assert_eq!(fields, ["alarmMinutes", "clock.zone"]);
    let unknown = server
        .put(&format!("{PATH}/nowhere"), office("Europe/Paris", 60, 120))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(
        of(&server.get(PATH).await.body, "octopia")["isDefault"],
        true,
        "nothing changed"
    );
    let anonymous = server.send(server.anonymous.get(server.url(PATH))).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}
