//! Who wrote it, over a forwarded backend: the vendor only sees the team's credentials, so
//! before a write leaves, the signed-in agent's identity on that vendor is looked up
//! ([`crate::store::identities`]) and the body's author fields are set from it, the way the
//! vendor's document reads them. An agent with no identity there is refused (403, in the
//! dialect's error shape, in words saying how an admin adds it) and the vendor never hears
//! of the write. Each dialect declares its vendor's fields as data ([`Identities`]), handed
//! down by `Dialect::router`: this module never reads the list of dialects.
//!
//! Only JSON bodies are rewritten; any other body (multipart files) still needs the
//! identity but goes as it came. Reads go the other way ([`reads`]).

pub mod reads;

use super::routes::matches;
use crate::http::extract::is_json;
use crate::http::signed_in::{not_signed_in, SignedIn};
use crate::http::HttpError;
use crate::store::{identities, people, Store};
use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Method};
use serde_json::Value;

/// Which part of the agent's identity a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The vendor's id for the agent.
    VendorId,
    /// The identity's email, else the agent's email in Switchboard.
    Email,
    /// The identity's display name, else the agent's name in Switchboard.
    Name,
}

/// What the gateway does to one top-level field of a write's JSON body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The writer: set from the signed-in agent's identity, whatever the browser put there.
    Author(&'static str, Source),
    /// A value the document pairs with the author (`transmitterType: AGENT`).
    Fixed(&'static str, &'static str),
    /// Another agent, named by their Switchboard id (an assignee): becomes their id on the
    /// vendor. A value that names no Switchboard agent (the vendor's own id, read back from
    /// it) goes as it is.
    Assignee(&'static str),
}

/// One write route of the vendor's document whose body names an agent.
#[derive(Clone, Copy, Debug)]
pub struct Write {
    pub method: &'static str,
    /// Under the backend's base path, `{}` for one segment: `/conversations/{}/messages`.
    pub path: &'static str,
    pub fields: &'static [Field],
}

/// How a vendor knows who writes: each dialect's declaration.
#[derive(Clone, Copy, Debug)]
pub struct Identities {
    /// Whether the vendor knows agents at all; when not, no write needs an identity.
    pub required: bool,
    /// The writes whose body names an agent; every other write needs the identity only.
    pub writes: &'static [Write],
    /// Writes that need no identity: public ones, and lookups the document sends as `POST`.
    pub exempt: &'static [(&'static str, &'static str)],
    /// The reads whose query or answer names agents ([`reads`]).
    pub reads: &'static [reads::Read],
}

impl Identities {
    /// A vendor that knows nothing of the agents who call it.
    pub const NONE: Identities = Identities {
        required: false,
        writes: &[],
        exempt: &[],
        reads: &[],
    };
}

/// What the gateway needs to check one forwarded backend's writes.
#[derive(Clone)]
pub struct Check {
    pub store: Store,
    /// The backend's name, as the identities are kept and the CLI names it.
    pub backend: &'static str,
    pub identities: &'static Identities,
}

fn is_write(method: &Method) -> bool {
    matches!(
        *method,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    )
}

/// The refusal of a write by (or naming) the agent `name`, `email`, who has no identity on
/// `backend`: what to do about it, in words.
fn no_identity(name: &str, email: &str, backend: &str) -> HttpError {
    HttpError::forbidden(format!(
        "{name} has no identity on {backend} yet: an admin adds it with \
         `switchboard-server agents identity set {email} {backend} --id …` (their id on \
         {backend}). The write was not sent."
    ))
}

impl Check {
    /// The body to send for this request (under `base_path`): unchanged for a read,
    /// with its author fields set for a write by an agent known on the vendor; the
    /// refusal otherwise. `parts`' `Content-Length` follows a rewritten body.
    pub async fn apply(
        &self,
        parts: &mut Parts,
        body: Body,
        base_path: &str,
        max_body: usize,
    ) -> Result<Body, HttpError> {
        let path = parts.uri.path().strip_prefix(base_path).unwrap_or_default();
        let method = parts.method.as_str();
        let exempt = self
            .identities
            .exempt
            .iter()
            .any(|(m, template)| *m == method && matches(template, path));
        if !is_write(&parts.method) || !self.identities.required || exempt {
            return Ok(body);
        }
        let SignedIn(agent, _) = parts
            .extensions
            .get::<SignedIn>()
            .cloned()
            .ok_or_else(not_signed_in)?;
        let backend = self.backend;
        let (agent_id, store) = (agent.id.clone(), self.store.clone());
        let identity = store
            .run(move |conn| identities::get(conn, &agent_id, backend))
            .await?
            .ok_or_else(|| no_identity(&agent.name, &agent.email, backend))?;
        let write = self
            .identities
            .writes
            .iter()
            .find(|write| write.method == method && matches(write.path, path))
            .copied();
        let Some(write) = write.filter(|_| is_json(&parts.headers)) else {
            return Ok(body);
        };
        let bytes = axum::body::to_bytes(body, max_body)
            .await
            .map_err(|_| HttpError::payload_too_large_over(max_body))?;
        let Ok(Value::Object(mut object)) = serde_json::from_slice::<Value>(&bytes) else {
            // Not an object: the vendor answers it in its own words.
            return Ok(Body::from(bytes));
        };
        for field in write.fields {
            match *field {
                Field::Author(name, source) => {
                    let value = match source {
                        Source::VendorId => identity.vendor_id.clone(),
                        Source::Email => identity
                            .email
                            .clone()
                            .unwrap_or_else(|| agent.email.clone()),
                        Source::Name => identity.name.clone().unwrap_or_else(|| agent.name.clone()),
                    };
                    object.insert(name.to_owned(), Value::String(value));
                }
                Field::Fixed(name, value) => {
                    object.insert(name.to_owned(), Value::String(value.to_owned()));
                }
                Field::Assignee(name) => {
                    if let Some(Value::String(assignee)) = object.get(name) {
                        let vendor_id = self.assignee(assignee.clone()).await?;
                        object.insert(name.to_owned(), Value::String(vendor_id));
                    }
                }
            }
        }
        let rewritten = serde_json::to_vec(&object).map_err(HttpError::internal)?;
        parts
            .headers
            .insert(header::CONTENT_LENGTH, HeaderValue::from(rewritten.len()));
        Ok(Body::from(rewritten))
    }

    /// The vendor's id for the agent `assignee` names: theirs when it is a Switchboard
    /// agent's id (refused when they have no identity here), `assignee` itself otherwise.
    async fn assignee(&self, assignee: String) -> Result<String, HttpError> {
        let backend = self.backend;
        let found = self
            .store
            .run(move |conn| {
                let account = people::account_by_id(conn, &assignee)?;
                let identity = identities::get(conn, &assignee, backend)?;
                Ok::<_, crate::store::StoreError>((assignee.clone(), account, identity))
            })
            .await?;
        match found {
            (_, Some(_), Some(identity)) => Ok(identity.vendor_id),
            (_, Some(account), None) => Err(no_identity(
                &account.agent.name,
                &account.agent.email,
                backend,
            )),
            (assignee, None, _) => Ok(assignee),
        }
    }
}
