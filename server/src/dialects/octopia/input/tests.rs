//! The pure rules: the search window and JSON Patch bodies.

use super::attachments::{claimed_format, file_name};
use super::*;
use chrono::TimeZone;
use serde_json::json;
use switchboard_core::wire::octopia::NewAttachmentDto;

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
}

#[test]
fn no_bound_is_no_window_and_a_missing_bound_defaults() {
    let now = at(2026, 11, 25);
    assert_eq!(search_window(None, None, now), Ok(None));
    assert_eq!(
        search_window(Some(at(2026, 9, 1)), None, now),
        Ok(Some((at(2026, 9, 1), now)))
    );
    // Six calendar months before the max, month ends clamped.
    assert_eq!(
        search_window(None, Some(at(2026, 8, 31)), now),
        Ok(Some((at(2026, 2, 28), at(2026, 8, 31))))
    );
}

#[test]
fn six_calendar_months_pass_and_a_day_more_does_not() {
    let now = at(2026, 11, 25);
    assert!(search_window(Some(at(2026, 1, 15)), Some(at(2026, 7, 15)), now).is_ok());
    let (field, issue) =
        search_window(Some(at(2026, 1, 15)), Some(at(2026, 7, 16)), now).unwrap_err();
    assert_eq!(field, "updatedAtMin");
    assert!(
        issue.contains("updatedAtMax") && issue.contains("6 months"),
        "{issue}"
    );
    // Seven months before now, with the max left out.
    let (field, _) = search_window(Some(at(2026, 4, 20)), None, now).unwrap_err();
    assert_eq!(field, "updatedAtMin");
}

#[test]
fn a_min_after_the_max_is_refused() {
    let now = at(2026, 11, 25);
    let (field, issue) =
        search_window(Some(at(2026, 5, 2)), Some(at(2026, 5, 1)), now).unwrap_err();
    assert_eq!(field, "updatedAtMin");
    assert!(issue.contains("after updatedAtMax"), "{issue}");
    assert!(
        search_window(Some(at(2026, 12, 1)), None, now).is_err(),
        "a min in the future"
    );
}

fn fields(error: &HttpError) -> Vec<&str> {
    error.problems.iter().map(|p| p.field.as_str()).collect()
}

#[test]
fn a_patch_of_the_one_property_gives_its_value() {
    let array = json!([{"op": "replace", "path": "/isOpen", "value": false}]);
    assert_eq!(patch(array, "/isOpen", "isOpen"), Ok(false));
    let single = json!({"opt": "replace", "path": "/hasRead", "value": true});
    assert_eq!(patch(single, "/hasRead", "hasRead"), Ok(true));
    let two = json!([
        {"op": "replace", "path": "/isOpen", "value": false},
        {"op": "replace", "path": "/isOpen", "value": true}
    ]);
    assert_eq!(
        patch(two, "/isOpen", "isOpen"),
        Ok(true),
        "the last one wins"
    );
}

#[test]
fn anything_else_is_refused_naming_what() {
    let other_path = patch(
        json!([{"op": "replace", "path": "/hasRead", "value": true}]),
        "/isOpen",
        "isOpen",
    )
    .unwrap_err();
    assert_eq!(
        other_path.message,
        "Currently you can change only the isOpen property."
    );
    assert_eq!(fields(&other_path), ["[0].path"]);
    assert!(other_path.problems[0].issue.contains("/hasRead"));

    let add = patch(
        json!({"op": "add", "path": "/isOpen", "value": true}),
        "/isOpen",
        "isOpen",
    )
    .unwrap_err();
    assert_eq!(fields(&add), ["op"]);
    let text = patch(
        json!([{"op": "replace", "path": "/isOpen", "value": "no"}]),
        "/isOpen",
        "isOpen",
    )
    .unwrap_err();
    assert_eq!(fields(&text), ["[0].value"]);
    let missing = patch(
        json!([{"op": "replace", "value": true}]),
        "/isOpen",
        "isOpen",
    )
    .unwrap_err();
    assert_eq!(fields(&missing), ["[0]"]);
    let empty = patch(json!([]), "/isOpen", "isOpen").unwrap_err();
    assert_eq!(fields(&empty), [ROOT]);
    let scalar = patch(json!(true), "/isOpen", "isOpen").unwrap_err();
    assert_eq!(fields(&scalar), [ROOT]);
}

#[test]
fn attachment_names_take_their_format() {
    let dto = |name: Option<&str>, format: Option<&str>| NewAttachmentDto {
        content: None,
        name: name.map(str::to_owned),
        file_format: format.map(str::to_owned),
    };
    assert_eq!(
        file_name(0, &dto(Some("facture"), Some("pdf"))),
        "facture.pdf"
    );
    assert_eq!(
        file_name(0, &dto(Some("photo.png"), Some("png"))),
        "photo.png"
    );
    assert_eq!(file_name(1, &dto(None, Some(".PNG"))), "attachment-2.png");
    assert_eq!(
        claimed_format(&dto(Some("scan.TIF"), None)).as_deref(),
        Some("tif")
    );
}
