//! A message's files as the reader sees them, in the agents' thread and on the customer's
//! follow-up page alike: a picture as a thumbnail that opens large (and closes with Escape,
//! giving the focus back), any other file as a download with its format and size. Names
//! are text; links never send a `Referer`.

use crate::i18n::{tr, tr_with, use_i18n, Args};
use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use switchboard_core::attachments::{format_size_in, FileFormat};
use switchboard_core::domain::Attachment;
use switchboard_core::i18n::text;

/// An image attachment shown large over the messages. It takes the focus when it opens,
/// Escape or Close shuts it, and the focus goes back to the thumbnail that opened it.
#[component]
pub fn Lightbox(enlarged: RwSignal<Option<Attachment>>) -> impl IntoView {
    let i18n = use_i18n();
    let close_button = NodeRef::<html::Button>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let close = move || {
        enlarged.set(None);
        if let Some(el) = opener.get_value() {
            let _ = el.focus();
        }
    };
    Effect::new(move |_| {
        if enlarged.with(Option::is_some) {
            opener.set_value(
                document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            request_animation_frame(move || {
                if let Some(button) = close_button.try_get_untracked().flatten() {
                    let _ = button.focus();
                }
            });
        }
    });
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && enlarged.with_untracked(Option::is_some) {
            close();
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        {move || {
            enlarged
                .get()
                .map(|image| {
                    view! {
                        <div
                            class="lightbox"
                            role="dialog"
                            aria-modal="true"
                            aria-label=image.name.clone()
                            data-testid="lightbox"
                            on:click=move |_| close()
                        >
                            <img src=image.url.clone() alt=image.name.clone() referrerpolicy="no-referrer" />
                            <p class="lightbox-caption">
                                {
                                    let (name, size) = (image.name.clone(), image.size);
                                    move || format!("{name} · {}", format_size_in(i18n.lang(), size))
                                }
                            </p>
                            <a
                                class="button"
                                href=image.url.clone()
                                download=image.name.clone()
                                data-testid="lightbox-download"
                                on:click=|ev| ev.stop_propagation()
                            >
                                {tr(msg!("thread-download"))}
                            </a>
                            <button class="button" type="button" node_ref=close_button>
                                {tr(msg!("thread-lightbox-close"))}
                            </button>
                        </div>
                    }
                })
        }}
    }
}

#[component]
pub fn AttachmentItem(
    attachment: Attachment,
    enlarged: RwSignal<Option<Attachment>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The format's name, else the media type as the backend gave it; "Media" when none.
    let known = FileFormat::from_media_type(&attachment.media_type)
        .map(|f| f.label().to_owned())
        .or_else(|| (!attachment.media_type.is_empty()).then(|| attachment.media_type.clone()));
    let kind = move || {
        known
            .clone()
            .unwrap_or_else(|| text(i18n.lang(), msg!("thread-media")))
    };
    // A link's size is unknown until fetched (PostCenter's media): not shown as 0 B.
    let size = attachment.size;
    let details = {
        let kind = kind.clone();
        move || match size {
            0 => kind(),
            size => format!("{} · {}", kind(), format_size_in(i18n.lang(), size)),
        }
    };
    let stored_name = StoredValue::new(attachment.name.clone());
    if attachment.is_image {
        let label = tr_with(msg!("thread-show-large"), move || {
            Args::new().str("name", stored_name.get_value())
        });
        let name = attachment.name.clone();
        let url = attachment.url.clone();
        let download_url = attachment.url.clone();
        view! {
            <li class="attachment image" data-testid="message-attachment">
                <button
                    class="thumb"
                    type="button"
                    aria-label=label
                    on:click=move |_| enlarged.set(Some(attachment.clone()))
                >
                    <img src=url alt=name.clone() loading="lazy" referrerpolicy="no-referrer" />
                </button>
                <span class="attachment-name" dir="auto">{name.clone()}</span>
                <span class="state-hint">{details}</span>
                <a
                    class="attachment-download"
                    href=download_url
                    download=name.clone()
                    aria-label=tr_with(msg!("thread-download-named"), move || {
                        Args::new().str("name", stored_name.get_value())
                    })
                    data-testid="attachment-download"
                >
                    {tr(msg!("thread-download"))}
                </a>
            </li>
        }
        .into_any()
    } else {
        view! {
            <li class="attachment file" data-testid="message-attachment">
                <a href=attachment.url.clone() download=attachment.name.clone() rel="noreferrer" referrerpolicy="no-referrer">
                    <span class="file-icon" aria-hidden="true">{kind.clone()}</span>
                    <span class="attachment-name" dir="auto">{attachment.name.clone()}</span>
                </a>
                <span class="state-hint">{details}</span>
            </li>
        }
        .into_any()
    }
}
