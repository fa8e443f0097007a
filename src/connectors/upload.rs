//! Multipart uploads with progress and cancel. `fetch` cannot report upload progress, so
//! uploads go through XMLHttpRequest and its `upload.onprogress`; everything else stays
//! on gloo-net. Like every request, an upload goes with the browser's credentials and the
//! headers of [`common_headers`], and its error status goes through [`Client::refused`].

use super::http::{common_headers, Client, Method, IDEMPOTENCY_KEY_HEADER, KEY_REUSED_HEADER};
use crate::i18n::lang_now;
use futures::channel::oneshot;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use switchboard_core::error::{ApiError, ErrorKind};
use switchboard_core::i18n::text;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{FormData, ProgressEvent, XmlHttpRequest};

/// Generous: a 20 MB message on a slow uplink takes minutes, and progress shows meanwhile.
const UPLOAD_TIMEOUT_MS: u32 = 10 * 60 * 1000;

/// Bytes sent so far and in all, for a progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    pub sent: f64,
    pub total: f64,
}

impl Progress {
    /// Whole percents, rounded down: a bar never reads done before it is (and no float
    /// is ever printed, which keeps float formatting out of the bundle).
    pub fn percent(&self) -> u32 {
        if self.total > 0.0 {
            (self.sent / self.total * 100.0).clamp(0.0, 100.0) as u32
        } else {
            0
        }
    }
}

/// Follows one upload: the page reads `progress` and may `cancel()`. Reactive handles
/// only, so it is `Copy` and can go anywhere in a view.
#[derive(Clone, Copy)]
pub struct UploadControl {
    pub progress: RwSignal<Option<Progress>>,
    request: StoredValue<Option<XmlHttpRequest>, LocalStorage>,
}

impl Default for UploadControl {
    fn default() -> Self {
        UploadControl {
            progress: RwSignal::new(None),
            request: StoredValue::new_local(None),
        }
    }
}

impl UploadControl {
    pub fn cancel(&self) {
        self.request.with_value(|request| {
            if let Some(request) = request {
                // Aborting an already finished request is a no-op.
                let _ = request.abort();
            }
        });
    }
}

enum Outcome {
    Loaded,
    Failed,
    TimedOut,
    Aborted,
}

/// What an upload carries: a multipart form, or JSON with the files inside (Octopia).
#[derive(Clone, Copy)]
pub enum UploadBody<'a> {
    Form(&'a FormData),
    Json(&'a str),
}

/// POSTs `form` and returns the response body of a 2xx; any other status becomes the
/// backend's normalised error.
pub async fn post_multipart(
    client: Client,
    url: &str,
    form: &FormData,
    control: &UploadControl,
    idempotency_key: Option<&str>,
) -> Result<String, ApiError> {
    post_with_progress(
        client,
        url,
        UploadBody::Form(form),
        control,
        idempotency_key,
    )
    .await
}

/// PUTs `form` (a resource at an id of the console's choosing, with its files): as
/// [`post_multipart`].
pub async fn put_multipart(
    client: Client,
    url: &str,
    form: &FormData,
    control: &UploadControl,
) -> Result<String, ApiError> {
    send_with_progress(
        client,
        Method::Put,
        url,
        UploadBody::Form(form),
        control,
        None,
    )
    .await
}

/// POSTs `body` with progress and cancel; the response body of a 2xx, else the backend's
/// normalised error.
pub async fn post_with_progress(
    client: Client,
    url: &str,
    body: UploadBody<'_>,
    control: &UploadControl,
    idempotency_key: Option<&str>,
) -> Result<String, ApiError> {
    send_with_progress(client, Method::Post, url, body, control, idempotency_key).await
}

/// Sends `body` with `method`, progress and cancel.
async fn send_with_progress(
    client: Client,
    method: Method,
    url: &str,
    body: UploadBody<'_>,
    control: &UploadControl,
    idempotency_key: Option<&str>,
) -> Result<String, ApiError> {
    let xhr = XmlHttpRequest::new().map_err(|_| ApiError::network("no XMLHttpRequest"))?;
    xhr.open(method.as_str(), url)
        .map_err(|_| ApiError::network(format!("cannot open {url}")))?;
    xhr.set_with_credentials(true);
    for (name, value) in common_headers(method) {
        let _ = xhr.set_request_header(name, &value);
    }
    if let UploadBody::Json(_) = body {
        let _ = xhr.set_request_header("Content-Type", "application/json");
    }
    if let Some(key) = idempotency_key.filter(|key| !key.is_empty()) {
        let _ = xhr.set_request_header(IDEMPOTENCY_KEY_HEADER, key);
    }
    xhr.set_timeout(UPLOAD_TIMEOUT_MS);

    let progress = control.progress;
    progress.set(Some(Progress::default()));
    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |event: ProgressEvent| {
        if event.length_computable() {
            progress.set(Some(Progress {
                sent: event.loaded(),
                total: event.total(),
            }));
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }

    let (sender, receiver) = oneshot::channel::<Outcome>();
    let sender = Rc::new(RefCell::new(Some(sender)));
    let settle = |outcome: fn() -> Outcome| {
        let sender = sender.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(sender) = sender.borrow_mut().take() {
                let _ = sender.send(outcome());
            }
        })
    };
    let on_load = settle(|| Outcome::Loaded);
    let on_error = settle(|| Outcome::Failed);
    let on_timeout = settle(|| Outcome::TimedOut);
    let on_abort = settle(|| Outcome::Aborted);
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    xhr.set_ontimeout(Some(on_timeout.as_ref().unchecked_ref()));
    xhr.set_onabort(Some(on_abort.as_ref().unchecked_ref()));

    control.request.set_value(Some(xhr.clone()));
    let started = match body {
        UploadBody::Form(form) => xhr.send_with_opt_form_data(Some(form)),
        UploadBody::Json(json) => xhr.send_with_opt_str(Some(json)),
    };
    if started.is_err() {
        control.request.set_value(None);
        progress.set(None);
        return Err(ApiError::network(text(
            lang_now(),
            msg!("connector-upload-not-started"),
        )));
    }
    let outcome = receiver.await.unwrap_or(Outcome::Failed);
    control.request.set_value(None);
    progress.set(None);
    // The closures live until the request has settled; dropping them now is safe.
    drop((on_progress, on_load, on_error, on_timeout, on_abort));

    match outcome {
        Outcome::Aborted => Err(ApiError::new(ErrorKind::Cancelled)),
        Outcome::TimedOut => Err(ApiError::new(ErrorKind::Timeout)),
        Outcome::Failed => Err(ApiError::network(text(
            lang_now(),
            msg!("connector-upload-failed"),
        ))),
        Outcome::Loaded => {
            let status = xhr.status().unwrap_or(0);
            let body = xhr.response_text().ok().flatten().unwrap_or_default();
            if (200..300).contains(&status) {
                Ok(body)
            } else {
                let correlation_id = xhr.get_response_header("X-Correlation-ID").ok().flatten();
                let key_reused = xhr
                    .get_response_header(KEY_REUSED_HEADER)
                    .ok()
                    .flatten()
                    .is_some();
                Err(client.refused(status, &body, correlation_id, key_reused))
            }
        }
    }
}
