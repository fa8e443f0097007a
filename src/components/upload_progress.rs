use crate::connectors::upload::UploadControl;
use leptos::prelude::*;
use switchboard_core::attachments::format_size;

/// A progress bar for one upload, with a way to stop it. Built once per upload: only the
/// bar and the figures follow the progress, so Cancel stays clickable and focusable.
#[component]
pub fn UploadProgress(control: UploadControl) -> impl IntoView {
    let progress = control.progress;
    let percent = move || progress.get().map(|p| p.percent()).unwrap_or_default();
    let figures = move || {
        let p = progress.get().unwrap_or_default();
        format!(
            "{} of {} sent",
            format_size(p.sent as u64),
            format_size(p.total as u64)
        )
    };
    view! {
        <Show when=move || progress.with(Option::is_some)>
            <div class="upload-progress" data-testid="upload-progress">
                <progress max="100" value=percent aria-label="Upload progress"></progress>
                <span class="state-hint">{figures}</span>
                <button
                    class="button ghost"
                    type="button"
                    data-testid="upload-cancel"
                    on:click=move |_| control.cancel()
                >
                    "Cancel"
                </button>
            </div>
        </Show>
    }
}
