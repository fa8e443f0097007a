//! The public contact-us page: validated as the person types, nothing sent until every
//! field is right, then a confirmation with the reference of the message.
//!
//! The page is given its sending code ([`ContactSending`]): in the release build the
//! contact page's bundle fetches it (the connector, JSON, uploads, and the confirmation
//! that follows) as a part of its own while the customer writes, so the form shows without
//! it (`src/bin/contact.rs`).

use crate::components::conversation::attachment_picker::{
    on_drag_over, on_drop, on_paste, AttachmentPicker, PickedFiles,
};
use crate::components::conversation::upload_progress::UploadProgress;
use crate::components::shell::feedback::ErrorPanel;
use crate::components::shell::language_select::LanguageSelect;
use crate::connectors::communication::CommunicationConnector;
use crate::connectors::http::new_idempotency_key;
use crate::connectors::upload::UploadControl;
use crate::connectors::{customer_channel, load_descriptors, CustomerConnector};
use crate::i18n::{provide_i18n, tr, use_i18n, Msg, Say};
use crate::state::api_origin;
use crate::storage;
use leptos::prelude::*;
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use switchboard_core::attachments::AttachmentPolicy;
use switchboard_core::domain::{BackendKind, ContactReceipt};
use switchboard_core::error::ApiError;
use switchboard_core::i18n::text;
use switchboard_core::validation::{limits, validate_contact_field, ContactField, ContactForm};
use switchboard_core::wire::communication::CONTACT_ATTACHMENT_POLICY;
use switchboard_core::wire::communication::DEFAULT_BASE_PATH;

#[component]
pub fn ContactPage(sending: ContactSending) -> impl IntoView {
    // The contact page is a bundle of its own: its root chooses the language.
    provide_i18n();
    crate::components::shell::theme_select::apply_saved();
    view! {
        <PublicPage title=msg!("page-title-contact")>
            <ContactForm sending />
        </PublicPage>
    }
}

/// A message on its way, as the form hands it to the sending code.
pub struct Outgoing {
    pub origin: String,
    pub form: ContactForm,
    pub files: Vec<web_sys::File>,
    pub upload: UploadControl,
    /// This submission's idempotency key.
    pub key: String,
}

/// What sending a message comes to: its receipt and how to say it, or why it was not sent.
pub type Sent = Pin<Box<dyn Future<Output = Result<Confirmed, ApiError>>>>;

/// A message sent: its receipt, and the confirmation that says it (the sending code's, so
/// a page in parts downloads it with the code that makes it needed).
#[derive(Clone)]
pub struct Confirmed {
    pub receipt: ContactReceipt,
    pub confirmation: fn(ContactReceipt, Callback<()>) -> AnyView,
}

/// Sends a message (`send_contact`, wherever the bundle keeps it).
pub type SendContact = fn(Outgoing) -> Sent;

/// The page's sending code, as its bundle gives it.
#[derive(Clone, Copy)]
pub struct ContactSending {
    pub send: SendContact,
    /// Makes the sending code ready ahead of use: called once, when the person starts
    /// on the form.
    pub warm: fn() -> Pin<Box<dyn Future<Output = ()>>>,
}

impl ContactSending {
    /// The sending code at hand, nothing to fetch (a bundle in one piece).
    pub const AT_HAND: ContactSending = ContactSending {
        send: send_contact,
        warm: || Box::pin(async {}),
    };
}

/// Sends a message where discovery says contact messages go, with its files.
pub fn send_contact(outgoing: Outgoing) -> Sent {
    Box::pin(async move {
        let Outgoing {
            origin,
            form,
            files,
            upload,
            key,
        } = outgoing;
        let connector = contact_connector(&origin).await;
        let receipt = connector.send_contact(&form, &files, &upload, &key).await?;
        Ok(Confirmed {
            receipt,
            confirmation: |receipt, on_reset| {
                view! { <ContactConfirmation receipt on_reset /> }.into_any()
            },
        })
    })
}

/// The frame of the customers' pages (contact, follow-up): the brand, and the page's
/// content in one narrow column that reads well on a phone; the tab's title in the
/// reader's language.
#[component]
pub fn PublicPage(title: Msg, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| document().set_title(&text(i18n.lang(), title)));
    view! {
        <div class="public-page">
            <header class="public-header">
                <span class="brand">"Switchboard"</span>
                <span class="public-tagline">{tr(msg!("brand-tagline"))}</span>
                <LanguageSelect />
            </header>
            <main class="public-main">{children()}</main>
        </div>
    }
}

/// Copies the private link, and says whether it worked: where the Clipboard API is
/// missing (a page not served over HTTPS) or refused, the customer is told to copy it.
#[component]
fn CopyLink(address: String) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        if wasm_bindgen::JsValue::from(clipboard.clone()).is_undefined() {
            copied.set(Some(false));
            return;
        }
        let promise = clipboard.write_text(&address);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.try_set(Some(done));
        });
    };
    let said = move || {
        copied.get().map(|done| {
            let id = if done {
                msg!("contact-link-copied")
            } else {
                msg!("contact-link-not-copied")
            };
            text(i18n.lang(), id)
        })
    };
    view! {
        <p class="copy-link">
            <button class="button ghost" type="button" data-testid="contact-copy-link" on:click=copy>
                {tr(msg!("contact-copy-link"))}
            </button>
            " "
            <span class="state-hint" role="status" data-testid="contact-copy-said">{said}</span>
        </p>
    }
}

/// Where contact messages go: the backend discovery names as taking them, else the
/// communication API at its default path. Public discovery only: a customer has no session.
pub(crate) async fn contact_connector(origin: &str) -> CustomerConnector {
    let discovered = load_descriptors(origin)
        .await
        .ok()
        .and_then(|backends| backends.iter().find_map(|b| customer_channel(b, origin)));
    // Without discovery, the customer's message still goes where the reference server mounts it.
    discovered.unwrap_or_else(|| {
        std::sync::Arc::new(CommunicationConnector::new(
            BackendKind::Communication.slug(),
            format!("{origin}{DEFAULT_BASE_PATH}"),
        ))
    })
}

/// Where this tab keeps the key of the submission being sent, with what it was made for.
const SUBMISSION_KEY: &str = "switchboard.contact.submission";

/// The idempotency key of this submission: the one already made for the same words in
/// this tab (a double click, a retry after a lost answer, a reload and the same message
/// sent again), else a new one. Changed words are a new submission, with a new key.
fn submission_key(form: &ContactForm, files: &[web_sys::File]) -> String {
    let fingerprint = fingerprint(form, files);
    if let Some((key, made_for)) = storage::tab_read(SUBMISSION_KEY)
        .as_deref()
        .and_then(|stored| stored.split_once('\n'))
    {
        if made_for == fingerprint {
            return key.to_owned();
        }
    }
    let key = new_idempotency_key();
    storage::tab_write(SUBMISSION_KEY, &format!("{key}\n{fingerprint}"));
    key
}

/// The form's words and files as one stable number (the same on every page load).
fn fingerprint(form: &ContactForm, files: &[web_sys::File]) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (
        form.name.trim(),
        form.email.trim(),
        form.subject.trim(),
        form.message.trim(),
    )
        .hash(&mut hasher);
    for file in files {
        (file.name(), file.size().to_bits()).hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}

#[component]
pub fn ContactForm(sending: ContactSending) -> impl IntoView {
    let form = RwSignal::new(ContactForm::default());
    // A field's problem shows once the person has left it, or tried to send.
    let touched = RwSignal::new(HashSet::<ContactField>::new());
    let confirmed = RwSignal::new(None::<Confirmed>);

    let picked = PickedFiles::default();
    let upload = UploadControl::default();
    let policy = CONTACT_ATTACHMENT_POLICY;
    let send = use_contact_send(sending.send, picked, upload, confirmed);
    // Once, as the person starts on the form: the sending code is ready by the time they send.
    let warmed = StoredValue::new(false);
    let warm = move |_| {
        if !warmed.get_value() {
            warmed.set_value(true);
            leptos::task::spawn_local((sending.warm)());
        }
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        touched.set(ContactField::ALL.into_iter().collect());
        let current = form.get_untracked();
        if let Some(first) = first_problem(&current) {
            focus_field(first);
            return;
        }
        if !picked.set_problems(&policy).is_empty() {
            return;
        }
        send.dispatch(current);
    };

    let server_error = move || match send.value().get() {
        Some(Err(error)) => Some(error),
        _ => None,
    };
    let reset = Callback::new(move |()| {
        form.set(ContactForm::default());
        touched.set(HashSet::new());
        confirmed.set(None);
        send.value().set(None);
    });

    let (sending, send_label) = (tr(msg!("action-sending")), tr(msg!("contact-send")));
    view! {
        <Show
            when=move || confirmed.with(Option::is_none)
            fallback=move || {
                confirmed.get().map(|sent| (sent.confirmation)(sent.receipt, reset))
            }
        >
            <form class="card contact-form" novalidate=true on:submit=submit on:focusin=warm data-testid="contact-form">
                <h1>{tr(msg!("contact-title"))}</h1>
                <p class="state-hint">{tr(msg!("contact-intro"))}</p>
                <ContactInput field=ContactField::Name form touched kind="text" autocomplete="name" max=limits::NAME_MAX_CHARS />
                <ContactInput field=ContactField::Email form touched kind="email" autocomplete="email" max=limits::EMAIL_MAX_CHARS />
                <ContactInput field=ContactField::Subject form touched kind="text" autocomplete="off" max=limits::SUBJECT_MAX_CHARS />
                <ContactInput field=ContactField::Message form touched kind="textarea" autocomplete="off" max=limits::MESSAGE_MAX_CHARS />
                <Honeypot form />
                <ContactAttachments picked policy disabled=Signal::derive(move || send.pending().get()) />
                <UploadProgress control=upload />
                {move || server_error().map(|error: ApiError| view! {
                    <ErrorPanel error context=tr(msg!("contact-not-sent")) />
                })}
                <button class="button primary" type="submit" data-testid="contact-submit" disabled=move || send.pending().get()>
                    {move || if send.pending().get() { sending() } else { send_label() }}
                </button>
            </form>
        </Show>
    }
}

/// Sends the message with the files picked, under this submission's key (forgotten once
/// it is sent); what comes back is the receipt with its confirmation, and the files are
/// let go.
fn use_contact_send(
    deliver: SendContact,
    picked: PickedFiles,
    upload: UploadControl,
    confirmed: RwSignal<Option<Confirmed>>,
) -> Action<ContactForm, Result<Confirmed, ApiError>> {
    let origin = api_origin();
    let send = Action::new_local(move |form: &ContactForm| {
        let form = form.clone();
        let origin = origin.clone();
        let files = picked.files();
        async move {
            let key = submission_key(&form, &files);
            let sent = deliver(Outgoing {
                origin,
                form,
                files,
                upload,
                key,
            })
            .await;
            if sent.is_ok() {
                storage::tab_remove(SUBMISSION_KEY);
            }
            sent
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(sent)) = send.value().get() {
            picked.clear();
            confirmed.set(Some(sent));
        }
    });
    send
}

/// The field to take the person to when sending is refused: the first with a problem.
fn first_problem(form: &ContactForm) -> Option<ContactField> {
    form.problems().first().map(|(field, _)| *field)
}

/// Said once the message is sent: its reference, the private link to follow it up (when
/// the backend gives one), and the way to send another.
#[component]
fn ContactConfirmation(receipt: ContactReceipt, on_reset: Callback<()>) -> impl IntoView {
    view! {
        <section class="card confirmation" role="status" data-testid="contact-confirmation">
            <h1>{tr(msg!("contact-sent-title"))}</h1>
            <p>{tr(msg!("contact-sent-body"))}</p>
            <p>{tr(msg!("contact-your-reference"))} " " <strong data-testid="contact-reference">{receipt.reference}</strong></p>
            {receipt.follow_up.map(|link| view! {
                <p>
                    {tr(msg!("contact-your-link"))} " "
                    <a class="follow-up-link" href=link.clone() data-testid="contact-follow-up">{follow_up_address(&link)}</a>
                </p>
                <CopyLink address=follow_up_address(&link) />
                <p class="state-hint">{tr(msg!("contact-link-private"))}</p>
            })}
            <p class="state-hint">{tr(msg!("contact-quote-reference"))}</p>
            <button class="button" type="button" on:click=move |_| on_reset.run(())>{tr(msg!("contact-send-another"))}</button>
        </section>
    }
}

/// The honeypot: out of sight, out of the tab order and of assistive tech, so only a
/// robot fills it in.
#[component]
fn Honeypot(form: RwSignal<ContactForm>) -> impl IntoView {
    view! {
        <div class="honeypot" aria-hidden="true">
            <label for="contact-website">{tr(msg!("contact-honeypot"))}</label>
            <input
                id="contact-website"
                name="website"
                type="text"
                tabindex="-1"
                autocomplete="off"
                data-testid="contact-website"
                prop:value=move || form.with(|f| f.website.clone())
                on:input=move |ev| form.update(|f| f.website = event_target_value(&ev))
            />
        </div>
    }
}

/// The files sent with the message: picked, dropped or pasted anywhere on the field.
#[component]
fn ContactAttachments(
    picked: PickedFiles,
    policy: AttachmentPolicy,
    disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <div
            class="field"
            on:dragover=on_drag_over
            on:drop=on_drop(picked, policy)
            on:paste=on_paste(picked, policy)
        >
            <span class="field-label">{tr(msg!("contact-attachments"))}</span>
            <AttachmentPicker picked policy disabled id="contact-attachments" />
        </div>
    }
}

/// The link as the customer would copy it: the full address on this site.
fn follow_up_address(link: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{link}")
}

fn field_id(field: ContactField) -> &'static str {
    match field {
        ContactField::Name => "contact-name",
        ContactField::Email => "contact-email",
        ContactField::Subject => "contact-subject",
        ContactField::Message => "contact-message",
    }
}

fn focus_field(field: ContactField) {
    if let Some(el) = document().get_element_by_id(field_id(field)) {
        use leptos::wasm_bindgen::JsCast;
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            // Focus is a courtesy; failing to move it changes nothing else.
            let _ = el.focus();
        }
    }
}

fn set_field(form: &mut ContactForm, field: ContactField, value: String) {
    match field {
        ContactField::Name => form.name = value,
        ContactField::Email => form.email = value,
        ContactField::Subject => form.subject = value,
        ContactField::Message => form.message = value,
    }
}

#[component]
fn ContactInput(
    field: ContactField,
    form: RwSignal<ContactForm>,
    touched: RwSignal<HashSet<ContactField>>,
    kind: &'static str,
    autocomplete: &'static str,
    max: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(field);
    let error_id = format!("{id}-error");
    let value = move || form.with(|f| f.value(field).to_owned());
    let problem = move || {
        if !touched.with(|t| t.contains(&field)) {
            return None;
        }
        form.with(|f| validate_contact_field(field, f.value(field)).err())
            .map(|problem| problem.say(i18n.lang()))
    };
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        form.update(|f| set_field(f, field, value));
    };
    let on_blur = move |_| {
        // An untouched empty field stays quiet until the person tries to send.
        if form.with(|f| !f.value(field).is_empty()) {
            touched.update(|t| {
                t.insert(field);
            });
        }
    };
    let invalid = move || problem().is_some().then_some("true");
    let testid = format!("contact-{}", field.wire_name());
    let control = if kind == "textarea" {
        view! {
            <textarea
                id=id
                name=field.wire_name()
                rows="7"
                data-testid=testid
                prop:value=value
                on:input=on_input
                on:blur=on_blur
                aria-invalid=invalid
                aria-describedby=error_id.clone()
                aria-required="true"
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                name=field.wire_name()
                type=kind
                autocomplete=autocomplete
                data-testid=testid
                prop:value=value
                on:input=on_input
                on:blur=on_blur
                aria-invalid=invalid
                aria-describedby=error_id.clone()
                aria-required="true"
            />
        }
        .into_any()
    };
    let count = move || form.with(|f| f.value(field).chars().count());
    let near_limit = move || count() > max * 9 / 10;
    view! {
        <div class="field" class:invalid=move || problem().is_some()>
            <label for=id>{move || field.label(i18n.lang())}</label>
            {control}
            <div class="field-footer">
                <span id=error_id class="field-error" data-testid=format!("error-{}", field.wire_name())>
                    {problem}
                </span>
                <span class="char-count" class:warn=near_limit>
                    {move || near_limit().then(|| format!("{} / {max}", count()))}
                </span>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sending_a_blank_form_takes_the_person_to_the_name_first() {
        assert_eq!(
            first_problem(&ContactForm::default()),
            Some(ContactField::Name)
        );
    }

    #[test]
    fn a_form_right_but_for_its_email_takes_the_person_there_and_a_right_one_nowhere() {
        let right = ContactForm {
            name: "Zoé Lambert".into(),
            email: "zoe@example.com".into(),
            subject: "Breakfast".into(),
            message: "The breakfast on the 12th was never brought to our room.".into(),
            ..ContactForm::default()
        };
        assert_eq!(first_problem(&right), None);
        let wrong_email = ContactForm {
            email: "zoe-at-example".into(),
            ..right
        };
        assert_eq!(first_problem(&wrong_email), Some(ContactField::Email));
    }
}
