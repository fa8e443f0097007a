//! Choosing attachments: from a file picker, by dropping onto the box, or by pasting an
//! image. Each file is checked in the browser against the backend's policy (by its first
//! bytes) before it can be sent; refusals say which file, what rule and the limit.

use crate::i18n::{tr, use_i18n, Args, Say};
use leptos::prelude::*;
use leptos::task::spawn_local;
use switchboard_core::attachments::{
    check_file, check_message, format_size_in, AttachmentPolicy, AttachmentProblem, CandidateFile,
    FileFormat, SNIFF_LEN,
};
use switchboard_core::i18n::text_with;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList};

/// A file the person chose and the checks accepted.
#[derive(Clone, Debug)]
pub struct PickedFile {
    /// Stable within the page, for keyed lists and removal.
    pub key: u32,
    pub file: File,
    pub name: String,
    pub size: u64,
    pub format: FileFormat,
    pub head: Vec<u8>,
    /// An object URL of the file itself, for image thumbnails; revoked on removal.
    pub thumbnail: Option<String>,
}

/// The attachments of one message being written.
#[derive(Clone, Copy)]
pub struct PickedFiles {
    pub files: RwSignal<Vec<PickedFile>, LocalStorage>,
    /// Files refused when they were added, as sentences.
    pub refusals: RwSignal<Vec<AttachmentProblem>>,
    next_key: RwSignal<u32>,
}

impl Default for PickedFiles {
    fn default() -> Self {
        PickedFiles {
            files: RwSignal::new_local(Vec::new()),
            refusals: RwSignal::new(Vec::new()),
            next_key: RwSignal::new(0),
        }
    }
}

impl PickedFiles {
    /// Problems of the set as it stands (too many files, too large in all).
    pub fn set_problems(&self, policy: &AttachmentPolicy) -> Vec<AttachmentProblem> {
        self.files.with(|files| {
            let candidates: Vec<CandidateFile<'_>> = files
                .iter()
                .map(|f| CandidateFile {
                    name: &f.name,
                    size: f.size,
                    head: &f.head,
                })
                .collect();
            check_message(policy, &candidates).err().unwrap_or_default()
        })
    }

    pub fn files(&self) -> Vec<File> {
        self.files
            .with_untracked(|files| files.iter().map(|f| f.file.clone()).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.files.with(Vec::is_empty)
    }

    /// Each chosen file's name and size, to tell one set of files from another.
    pub fn names(&self) -> Vec<(String, u64)> {
        self.files
            .with_untracked(|files| files.iter().map(|f| (f.name.clone(), f.size)).collect())
    }

    pub fn remove(&self, key: u32) {
        self.files.update(|files| {
            files.retain(|f| {
                let keep = f.key != key;
                if !keep {
                    revoke(f);
                }
                keep
            })
        });
    }

    /// Frees the thumbnails' object URLs when the box goes away; safe after disposal.
    pub fn release_thumbnails(&self) {
        let _ = self
            .files
            .try_with_untracked(|files| files.iter().for_each(revoke));
    }

    pub fn clear(&self) {
        self.files.update(|files| {
            files.iter().for_each(revoke);
            files.clear();
        });
        self.refusals.set(Vec::new());
    }

    /// Checks and adds files; refused ones are reported, never added.
    pub fn add(&self, policy: AttachmentPolicy, incoming: Vec<File>) {
        let this = *self;
        spawn_local(async move {
            this.add_now(policy, incoming).await;
        });
    }

    /// [`PickedFiles::add`], awaitable (tests and timings use it).
    pub async fn add_now(&self, policy: AttachmentPolicy, incoming: Vec<File>) {
        let mut refusals = Vec::new();
        for file in incoming {
            let head = read_head(&file).await;
            let name = file.name();
            let size = file.size().max(0.0) as u64;
            match check_file(
                &policy,
                CandidateFile {
                    name: &name,
                    size,
                    head: &head,
                },
            ) {
                Err(problem) => refusals.push(problem),
                Ok(accepted) => {
                    // Read while the files were: the box may be gone (its conversation
                    // left), and then there is nothing to add to.
                    let Some(key) = self.next_key.try_get_untracked() else {
                        return;
                    };
                    self.next_key.try_set(key.wrapping_add(1));
                    let thumbnail = accepted
                        .format
                        .is_image()
                        .then(|| web_sys::Url::create_object_url_with_blob(&file).ok())
                        .flatten();
                    self.files.try_update(|files| {
                        files.push(PickedFile {
                            key,
                            file,
                            name: accepted.name,
                            size,
                            format: accepted.format,
                            head,
                            thumbnail,
                        })
                    });
                }
            }
        }
        self.refusals.try_set(refusals);
    }

    /// [`PickedFiles::files`], or `None` once the box is gone.
    pub fn try_files(&self) -> Option<Vec<File>> {
        self.files
            .try_with_untracked(|files| files.iter().map(|f| f.file.clone()).collect())
    }
}

fn revoke(file: &PickedFile) {
    if let Some(url) = &file.thumbnail {
        let _ = web_sys::Url::revoke_object_url(url);
    }
}

/// The file's first bytes, enough to recognise its format. An unreadable file yields none,
/// and is then refused as an unknown format rather than failing the page.
async fn read_head(file: &File) -> Vec<u8> {
    let end = (SNIFF_LEN as f64).min(file.size());
    let Ok(slice) = file.slice_with_f64_and_f64(0.0, end) else {
        return Vec::new();
    };
    match JsFuture::from(slice.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(_) => Vec::new(),
    }
}

pub fn files_from_list(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Drag-and-drop and paste handlers for the box that holds the picker.
pub fn on_drop(picked: PickedFiles, policy: AttachmentPolicy) -> impl Fn(web_sys::DragEvent) {
    move |event: web_sys::DragEvent| {
        let files = files_from_list(event.data_transfer().and_then(|d| d.files()));
        if !files.is_empty() {
            event.prevent_default();
            picked.add(policy, files);
        }
    }
}

pub fn on_drag_over(event: web_sys::DragEvent) {
    // Without this the browser would open the dropped file instead of attaching it.
    event.prevent_default();
}

pub fn on_paste(picked: PickedFiles, policy: AttachmentPolicy) -> impl Fn(web_sys::ClipboardEvent) {
    move |event: web_sys::ClipboardEvent| {
        let files = files_from_list(event.clipboard_data().and_then(|d| d.files()));
        // Pasted text keeps its normal behaviour; only files are taken over.
        if !files.is_empty() {
            event.prevent_default();
            picked.add(policy, files);
        }
    }
}

#[component]
pub fn AttachmentPicker(
    picked: PickedFiles,
    policy: AttachmentPolicy,
    #[prop(into)] disabled: Signal<bool>,
    /// Distinguishes the input's id when two pickers share a page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let on_change = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        picked.add(policy, files_from_list(input.files()));
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    let set_problems = move || {
        picked
            .set_problems(&policy)
            .into_iter()
            .filter(|p| p.file_name().is_none())
            .collect::<Vec<_>>()
    };
    let i18n = use_i18n();
    let total = move || picked.files.with(|f| f.iter().map(|f| f.size).sum::<u64>());
    let hint_id = format!("{id}-hint");
    view! {
        <div class="attachments">
            <div class="attachments-bar">
                <label class="button ghost attach-button" class:disabled=disabled>
                    <input
                        id=id
                        class="visually-hidden"
                        type="file"
                        multiple=true
                        accept=policy.accept_attribute()
                        data-testid="attachment-input"
                        disabled=disabled
                        aria-describedby=hint_id.clone()
                        on:change=on_change
                    />
                    {tr(msg!("attachment-attach"))}
                </label>
                // A phone can neither drop nor paste files: say what it can do.
                <span id=hint_id class="state-hint attachments-hint">
                    <span class="hint-pointer">{tr(msg!("attachment-hint-pointer"))} " "</span>
                    <span class="hint-touch">{tr(msg!("attachment-hint-touch"))} " "</span>
                    {move || policy.summary(i18n.lang())}
                </span>
            </div>
            <div role="alert">
                <ul class="attachment-problems" data-testid="attachment-problems">
                    {move || {
                        picked
                            .refusals
                            .get()
                            .into_iter()
                            .chain(set_problems())
                            .map(|p| view! { <li data-testid="attachment-problem">{p.say(i18n.lang())}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
            <Show when=move || !picked.is_empty()>
                <ul class="attachment-chips" aria-label=tr(msg!("attachment-attached"))>
                    <For each=move || picked.files.get() key=|f| f.key let:file>
                        <AttachmentChip file picked />
                    </For>
                    <li class="attachment-total">{move || text_with(i18n.lang(), msg!("attachment-in-all"), &Args::new().str("size", format_size_in(i18n.lang(), total())))}</li>
                </ul>
            </Show>
        </div>
    }
}

#[component]
fn AttachmentChip(file: PickedFile, picked: PickedFiles) -> impl IntoView {
    let key = file.key;
    let i18n = use_i18n();
    let name = file.name.clone();
    let label = move || {
        text_with(
            i18n.lang(),
            msg!("attachment-remove"),
            &Args::new().str("name", name.clone()),
        )
    };
    view! {
        <li class="attachment-chip" data-testid="attachment-chip">
            {match file.thumbnail.clone() {
                Some(url) => view! { <img class="chip-thumb" src=url alt="" /> }.into_any(),
                None => view! { <span class="chip-icon" aria-hidden="true">{file.format.label()}</span> }.into_any(),
            }}
            <span class="chip-name" dir="auto" title=file.name.clone()>{file.name.clone()}</span>
            <span class="chip-size">{move || format_size_in(i18n.lang(), file.size)}</span>
            <button
                class="chip-remove"
                type="button"
                aria-label=label
                data-testid="attachment-remove"
                on:click=move |_| picked.remove(key)
            >
                "×"
            </button>
        </li>
    }
}
