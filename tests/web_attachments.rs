//! The attachment picker in headless Chromium, with files built in the test: refusals name
//! the file, the rule and the limit, before anything is sent.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use switchboard::components::conversation::attachment_picker::{AttachmentPicker, PickedFiles};
use switchboard_core::attachments::{AttachmentPolicy, MB, OCTOPIA_POLICY};
use switchboard_core::wire::communication::CONTACT_ATTACHMENT_POLICY;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn picker(policy: AttachmentPolicy) -> (web_sys::HtmlElement, PickedFiles) {
    let picked = PickedFiles::default();
    let root = mount(move || {
        view! { <AttachmentPicker picked policy disabled=Signal::derive(|| false) id="test-picker" /> }
    });
    (root, picked)
}

fn problems(root: &web_sys::Element) -> Vec<String> {
    find_all(root, "attachment-problem")
        .into_iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn a_renamed_executable_is_refused_and_a_real_png_is_kept() {
    let (root, picked) = picker(CONTACT_ATTACHMENT_POLICY);
    choose_files(
        &root,
        "attachment-input",
        &[
            make_file("invoice.exe", EXE_HEAD, 40_000),
            make_file("invoice.pdf", EXE_HEAD, 40_000),
            make_file("Screenshot.PNG", PNG_HEAD, 120_000),
        ],
    );
    wait_until("the files are checked", || {
        picked.files.with_untracked(|f| f.len()) == 1
    })
    .await;
    settle().await;
    assert_eq!(
        problems(&root),
        vec![
            "invoice.exe is not an accepted format: accepted are PNG, JPEG, PDF.".to_owned(),
            "invoice.pdf is not really a PDF file: its content does not match its name. Accepted are PNG, JPEG, PDF.".to_owned(),
        ]
    );
    let chips = find_all(&root, "attachment-chip");
    assert_eq!(chips.len(), 1);
    let chip = chips[0].text_content().unwrap_or_default();
    assert!(
        chip.contains("Screenshot.PNG") && chip.contains("120 KB"),
        "{chip}"
    );
    assert!(
        chips[0].query_selector("img").unwrap().is_some(),
        "an image gets a thumbnail"
    );
}

#[wasm_bindgen_test]
async fn four_files_are_one_too_many_for_octopia_until_one_is_removed() {
    let (root, picked) = picker(OCTOPIA_POLICY);
    let files: Vec<_> = ["a.png", "b.png", "c.pdf", "d.pdf"]
        .iter()
        .map(|name| {
            let head = if name.ends_with("png") {
                PNG_HEAD
            } else {
                PDF_HEAD
            };
            make_file(name, head, 1_000)
        })
        .collect();
    choose_files(&root, "attachment-input", &files);
    wait_until("four chips", || {
        picked.files.with_untracked(|f| f.len()) == 4
    })
    .await;
    settle().await;
    assert_eq!(
        problems(&root),
        vec!["3 files are the most one message can carry (4 chosen).".to_owned()]
    );

    click(&root, "attachment-remove");
    settle().await;
    assert_eq!(find_all(&root, "attachment-chip").len(), 3);
    assert!(problems(&root).is_empty(), "{:?}", problems(&root));
}

#[wasm_bindgen_test]
async fn files_dropped_on_the_reply_box_over_the_total_say_how_much_and_the_limit() {
    let root = mount_reply_box(Some("agent-camille"), "conv-drop", UNREACHABLE_API);
    settle().await;
    drop_files(
        &root,
        "reply-box",
        &[
            make_file("scan-1.pdf", PDF_HEAD, 9 * MB as usize),
            make_file("scan-2.pdf", PDF_HEAD, 9 * MB as usize),
            make_file("scan-3.pdf", PDF_HEAD, 2_800_000),
        ],
    );
    wait_until("three chips", || {
        find_all(&root, "attachment-chip").len() == 3
    })
    .await;
    assert_eq!(
        problems(&root),
        vec!["These files come to 20.8 MB; a message can carry 20 MB.".to_owned()]
    );

    // Sending is refused in the page: the same sentence, and nothing leaves.
    click(&root, "reply-send");
    settle().await;
    assert_eq!(
        text(&root, "reply-problem"),
        "These files come to 20.8 MB; a message can carry 20 MB."
    );
    assert!(
        find_all(&root, "error-panel").is_empty(),
        "nothing was sent"
    );
}

#[wasm_bindgen_test]
async fn a_pasted_screenshot_is_attached_and_a_failed_send_keeps_text_and_files() {
    // Nothing listens there: the upload fails like a dropped connection.
    let root = mount_reply_box(Some("agent-camille"), "conv-paste", UNREACHABLE_API);
    settle().await;
    paste_files(
        &root,
        "reply-input",
        &[make_file("image.png", PNG_HEAD, 80_000)],
    );
    wait_until("the pasted image is a chip", || {
        find_all(&root, "attachment-chip").len() == 1
    })
    .await;
    type_into(&root, "reply-input", "Here is what I see.");
    click(&root, "reply-send");
    wait_until("the send fails", || {
        !find_all(&root, "error-panel").is_empty()
    })
    .await;
    assert!(text(&root, "error-panel").contains("could not be reached"));
    assert_eq!(
        find_all(&root, "attachment-chip").len(),
        1,
        "the file is kept"
    );
    let area = find(&root, "reply-input")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    assert_eq!(area.value(), "Here is what I see.", "the text is kept");
    assert!(
        find_all(&root, "upload-progress").is_empty(),
        "no progress left behind"
    );
}

#[wasm_bindgen_test]
async fn empty_and_oversized_files_are_refused_one_by_one() {
    let (root, picked) = picker(OCTOPIA_POLICY);
    choose_files(
        &root,
        "attachment-input",
        &[
            make_file("blank.png", b"", 0),
            make_file("huge.png", PNG_HEAD, 5 * MB as usize),
            make_file("ok.png", PNG_HEAD, 4 * MB as usize),
        ],
    );
    wait_until("one chip", || picked.files.with_untracked(|f| f.len()) == 1).await;
    settle().await;
    assert_eq!(
        problems(&root),
        vec![
            "blank.png is empty.".to_owned(),
            "huge.png is 5 MB; one file can be at most 4 MB.".to_owned(),
        ]
    );
}

#[wasm_bindgen_test]
async fn checking_three_files_of_1_3_mb_takes_milliseconds() {
    let picked = PickedFiles::default();
    let files: Vec<_> = (1..=3)
        .map(|i| make_file(&format!("photo-{i}.png"), PNG_HEAD, 1_300_000))
        .collect();
    let performance = window().performance().expect("performance");
    let start = performance.now();
    picked.add_now(OCTOPIA_POLICY, files).await;
    let elapsed = performance.now() - start;
    assert_eq!(picked.files.with_untracked(|f| f.len()), 3);
    assert!(picked.set_problems(&OCTOPIA_POLICY).is_empty());
    wasm_bindgen_test::console_log!("validation of 3 files of 1.3 MB took {elapsed:.2} ms");
}
