//! One upload as it goes, for the reply box and the customer's contact and follow-up pages:
//! a bar with the bytes sent of the total, and a way to stop it.

use crate::connectors::upload::UploadControl;
use crate::i18n::{tr, use_i18n, Args};
use leptos::prelude::*;
use switchboard_core::attachments::format_size_in;
use switchboard_core::i18n::text_with;

/// A progress bar for one upload, with a way to stop it. Built once per upload: only the
/// bar and the figures follow the progress, so Cancel stays clickable and focusable.
#[component]
pub fn UploadProgress(control: UploadControl) -> impl IntoView {
    let progress = control.progress;
    let percent = move || progress.get().map(|p| p.percent()).unwrap_or_default();
    let i18n = use_i18n();
    let figures = move || {
        let p = progress.get().unwrap_or_default();
        let lang = i18n.lang();
        let args = Args::new()
            .str("sent", format_size_in(lang, p.sent as u64))
            .str("total", format_size_in(lang, p.total as u64));
        text_with(lang, msg!("upload-sent-of"), &args)
    };
    view! {
        <Show when=move || progress.with(Option::is_some)>
            <div class="upload-progress" data-testid="upload-progress">
                <progress max="100" value=percent aria-label=tr(msg!("upload-progress"))></progress>
                <span class="state-hint">{figures}</span>
                <button
                    class="button ghost"
                    type="button"
                    data-testid="upload-cancel"
                    on:click=move |_| control.cancel()
                >
                    {tr(msg!("action-cancel"))}
                </button>
            </div>
        </Show>
    }
}
