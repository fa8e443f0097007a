//! The files of a reply beyond its picker: dropped or pasted on the box, and kept with its
//! draft in IndexedDB. Apart because keeping them waits on the browser's storage, with its
//! own ordering rules.

use crate::components::conversation::attachment_picker::{
    on_drag_over, on_drop, on_paste, PickedFiles,
};
use crate::draft_files;
use leptos::prelude::*;
use switchboard_core::attachments::AttachmentPolicy;

/// The chosen files follow the draft's text: restored when the conversation is opened
/// again (after a reload, a crash, another conversation), kept in IndexedDB at every
/// change, and removed once the reply is stored (sending clears the picker). Nothing is
/// written before the stored files are back, so opening never erases them.
pub(super) fn keep_files_with_the_draft(
    picked: PickedFiles,
    policy: AttachmentPolicy,
    key: String,
) {
    let restored = StoredValue::new(false);
    {
        let key = key.clone();
        // Each step after a wait checks the box is still there: the agent may have left
        // the conversation (or it may have left the inbox) while the files were read.
        leptos::task::spawn_local(async move {
            let files = draft_files::load(&key).await;
            if !files.is_empty() {
                picked.add_now(policy, files).await;
            }
            if restored.try_set_value(true).is_some() {
                return;
            }
            // What was picked while they were read is kept too.
            if let Some(files) = picked.try_files() {
                draft_files::save(&key, &files).await;
            }
        });
    }
    Effect::new(move |_| {
        picked.files.with(|_| ());
        if restored.get_value() {
            let (key, files) = (key.clone(), picked.files());
            leptos::task::spawn_local(async move {
                draft_files::save(&key, &files).await;
            });
        }
    });
}

/// Files dropped or pasted anywhere on the box, taken only while it `accepts` them.
#[derive(Clone, Copy)]
pub(super) struct FileDrop {
    /// Files are being dragged over a box that would take them.
    pub over: RwSignal<bool>,
    picked: PickedFiles,
    /// The reply's or the note's, as the box writes one or the other.
    policy: Signal<AttachmentPolicy>,
    accepts: Signal<bool>,
}

impl FileDrop {
    pub fn new(
        picked: PickedFiles,
        policy: Signal<AttachmentPolicy>,
        accepts: Signal<bool>,
    ) -> Self {
        let over = RwSignal::new(false);
        FileDrop {
            over,
            picked,
            policy,
            accepts,
        }
    }

    pub fn drag_over(&self, ev: web_sys::DragEvent) {
        on_drag_over(ev);
        self.over.set(self.accepts.get());
    }

    pub fn leave(&self) {
        self.over.set(false);
    }

    pub fn drop(&self, ev: web_sys::DragEvent) {
        self.over.set(false);
        if self.accepts.get() {
            on_drop(self.picked, self.policy.get_untracked())(ev);
        } else {
            ev.prevent_default();
        }
    }

    pub fn paste(&self, ev: web_sys::ClipboardEvent) {
        if self.accepts.get() {
            on_paste(self.picked, self.policy.get_untracked())(ev);
        }
    }
}
