use crate::api::upload::UploadControl;
use leptos::prelude::*;
use switchboard_core::attachments::format_size;

/// A progress bar for one upload, with a way to stop it.
#[component]
pub fn UploadProgress(control: UploadControl) -> impl IntoView {
    let progress = control.progress;
    view! {
        <Show when=move || progress.get().is_some()>
            {
                move || {
                    let p = progress.get().unwrap_or_default();
                    view! {
                        <div class="upload-progress" data-testid="upload-progress">
                            <progress max="100" value=p.percent() aria-label="Upload progress"></progress>
                            <span class="state-hint">
                                {format!(
                                    "{} of {} sent",
                                    format_size(p.sent as u64),
                                    format_size(p.total as u64),
                                )}
                            </span>
                            <button
                                class="button ghost"
                                type="button"
                                data-testid="upload-cancel"
                                on:click=move |_| control.cancel()
                            >
                                "Cancel"
                            </button>
                        </div>
                    }
                }
            }
        </Show>
    }
}
