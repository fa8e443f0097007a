//! The thread's scroller: older pages on demand, the messages, the reply being sent at
//! the end; it lands on the newest message unless the agent scrolled up to read.

use super::older_pages::{LoadOlder, OlderPages};
use super::thread_pages::merge_thread;
use super::NewestPage;
use crate::components::conversation::notes::ConversationNotes;
use crate::components::conversation::outbox::OutboxMessage;
use crate::components::conversation::thread::MessageThread;
use crate::components::shell::feedback::{EmptyState, ErrorPanel, Loading};
use crate::i18n::tr;
use leptos::html;
use leptos::prelude::*;
use switchboard_core::directory::Agent;
use switchboard_core::domain::Conversation;
use switchboard_core::error::ApiError;

/// How near the end (px) the agent still reads the end of the thread.
const AT_END_PX: i32 = 48;

#[component]
pub(super) fn ThreadScroll(
    loaded: LocalResource<Result<Conversation, ApiError>>,
    newest: NewestPage,
    older: OlderPages,
    agents: Signal<Vec<Agent>>,
    retry: Callback<()>,
) -> impl IntoView {
    let scroller = NodeRef::<html::Div>::new();
    let notes = expect_context::<ConversationNotes>();
    // Made here, not in the thread's `Suspend`: a thread being replaced may still hear the
    // cursor change once, and must not read a signal disposed with it.
    let earlier_unloaded = Signal::derive(move || older.cursor.with(Option::is_some));
    // Whether the agent reads the end of the thread: then new messages stay in view;
    // scrolled up to read older ones, nothing moves under them.
    let at_end = StoredValue::new(true);
    // Land on the newest message when the thread first arrives and after each reload.
    Effect::new(move |_| {
        if newest.get().is_some() && at_end.get_value() {
            // A frame later the page may be gone (a case no longer followed): `try_`.
            request_animation_frame(move || {
                if let Some(el) = scroller.try_get_untracked().flatten() {
                    el.set_scroll_top(el.scroll_height());
                }
            });
        }
    });
    view! {
        <div
            class="thread-scroll"
            id="thread"
            tabindex="-1"
            node_ref=scroller
            on:scroll=move |_| {
                if let Some(el) = scroller.get_untracked() {
                    at_end.set_value(reads_the_end(el.scroll_height(), el.scroll_top(), el.client_height()));
                }
            }
        >
            <Transition fallback=|| view! { <Loading label=tr(msg!("thread-loading")) /> }>
                {move || Suspend::new(async move {
                    // Empty when unknown: the thread names the customer in the reader's words.
                    let customer = loaded
                        .await
                        .map(|c| c.customer_display().to_owned())
                        .unwrap_or_default();
                    match newest.await {
                        Err(error) => view! { <ErrorPanel error context=tr(msg!("thread-not-loaded")) on_retry=retry /> }.into_any(),
                        Ok(page) => {
                            let latest = page.items;
                            let shown = older.older;
                            let messages = Signal::derive(move || merge_thread(&shown.get(), &latest));
                            let empty = move || messages.with(Vec::is_empty) && notes.list.with(Vec::is_empty);
                            view! {
                                <LoadOlder pages=older />
                                <Show when=empty>
                                    <EmptyState title=tr(msg!("thread-empty")) hint=tr(msg!("thread-empty-hint")) />
                                </Show>
                                <MessageThread messages customer=customer.clone() agents notes=notes.list earlier_unloaded />
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
            <OutboxMessage />
            <NotesFailure notes />
        </div>
    }
}

/// Said under the thread when the team's notes could not be read: the messages still show.
#[component]
fn NotesFailure(notes: ConversationNotes) -> impl IntoView {
    move || {
        notes.failed.get().map(|error| {
            view! { <ErrorPanel error context=tr(msg!("notes-not-loaded")) /> }
        })
    }
}

/// Whether a scroller this tall, scrolled this far, shows its end (within `AT_END_PX`).
fn reads_the_end(scroll_height: i32, scroll_top: i32, client_height: i32) -> bool {
    scroll_height - scroll_top - client_height < AT_END_PX
}

#[cfg(test)]
mod tests {
    use super::reads_the_end;

    #[test]
    fn a_thread_scrolled_to_within_a_few_pixels_of_its_end_reads_the_end() {
        assert!(reads_the_end(1000, 600, 400));
        assert!(reads_the_end(1000, 553, 400));
        assert!(!reads_the_end(1000, 552, 400), "48 px above the end");
        assert!(!reads_the_end(1000, 0, 400));
    }
}
