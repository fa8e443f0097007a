//! `--vendor-auth`: the embedded backends check their callers the way each vendor would, so
//! this server can stand in for the vendors behind another Switchboard run as a gateway.
//! [`VendorAuth`] holds what one backend expects (its `auth` section, the very one the
//! gateway sends); the gate checks it under the backend's base path ([`super::gate`]).
//! The dialect's two halves then get a layer each: [`vendor_callers_only`] on the vendor's
//! routes, [`agents_only`] on Switchboard's own, so no path under the base path is opened
//! by the vendor's credentials that an agent's session guarded before. [`token`] is the
//! OAuth2 token endpoint for client credentials; its tokens live in this process's memory.

use crate::config::file::Auth;
use crate::http::signed_in::VendorCall;
use crate::http::HttpError;
use crate::AppState;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Request, State};
use axum::http::{header, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use reqwest::Url;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use subtle::ConstantTimeEq;

/// The token endpoint, one per backend that uses client credentials: public, on the
/// sign-in attempts' budget (it is a password check too).
pub const TOKEN_PATH: &str = "/vendor-auth/{backend}/token";

/// One backend's vendor credentials, as a caller must show them.
pub struct VendorAuth {
    /// The dialect's name.
    pub backend: String,
    /// Where its routes live: every request under it is checked.
    pub base_path: String,
    expect: Expect,
}

enum Expect {
    /// The header (named as the file spells it, for the refusals' words) and its whole
    /// value: `prefix key`, or the bare key.
    Header {
        header: String,
        value: SecretString,
    },
    Query {
        parameter: String,
        token: SecretString,
    },
    Bearer(Box<Issuer>),
}

/// OAuth2 client credentials: who may have a token, and the tokens given out.
struct Issuer {
    client_id: String,
    client_secret: SecretString,
    /// The seller's header, as the file spells it, and the seller's id.
    seller: Option<(String, String)>,
    lifetime: Duration,
    /// By their SHA-256, so memory holds no usable token; with when each ends.
    issued: Mutex<HashMap<[u8; 32], Instant>>,
}

/// Why a call's vendor credentials were refused, kept in the request by the gate for the
/// vendor's routes to answer with. The words name the credential, never its value.
#[derive(Clone, Debug)]
pub struct VendorRefusal(pub String);

impl std::fmt::Debug for VendorAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VendorAuth")
            .field("backend", &self.backend)
            .field("base_path", &self.base_path)
            .finish_non_exhaustive()
    }
}

impl VendorAuth {
    /// What `backend` (at `base_path`) expects under `auth`; `None` when it asks nothing.
    pub fn new(backend: &str, base_path: &str, auth: &Auth) -> Option<VendorAuth> {
        let expect = match auth {
            Auth::None => return None,
            Auth::KeyHeader {
                header,
                prefix,
                key,
            } => Expect::Header {
                header: header.clone(),
                value: SecretString::from(match prefix {
                    Some(prefix) => format!("{prefix} {}", key.expose_secret()),
                    None => key.expose_secret().to_owned(),
                }),
            },
            Auth::QueryToken { parameter, token } => Expect::Query {
                parameter: parameter.clone(),
                token: token.clone(),
            },
            Auth::ClientCredentials {
                client_id,
                client_secret,
                seller_id,
                seller_id_header,
                token_lifetime,
                ..
            } => Expect::Bearer(Box::new(Issuer {
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
                seller: seller_id
                    .as_ref()
                    .map(|id| (seller_id_header.clone(), id.clone())),
                lifetime: *token_lifetime,
                issued: Mutex::new(HashMap::new()),
            })),
        };
        Some(VendorAuth {
            backend: backend.to_owned(),
            base_path: base_path.to_owned(),
            expect,
        })
    }

    /// Checks `request`'s credentials: when right, marks it a [`VendorCall`] and takes a
    /// query token out of its URI (the dialect's handlers never see it); when wrong, why.
    pub fn admit(&self, request: &mut Request) -> Result<(), String> {
        match &self.expect {
            Expect::Header { header, value } => {
                let given = request.headers().get(header.as_str()).map(|v| v.as_bytes());
                match given {
                    None => {
                        return Err(format!(
                            "The {header} header is missing: this API needs its key."
                        ))
                    }
                    Some(given) if !same(given, value.expose_secret().as_bytes()) => {
                        return Err(format!("The {header} header does not hold this API's key."))
                    }
                    Some(_) => {}
                }
            }
            Expect::Query { parameter, token } => {
                let (given, rest) = split_query(request.uri(), parameter);
                match given {
                    None => return Err(format!("The {parameter} query parameter is missing: this API needs its access token.")),
                    Some(given) if !same(given.as_bytes(), token.expose_secret().as_bytes()) => {
                        return Err(format!("The {parameter} query parameter is not this API's access token."))
                    }
                    Some(_) => {}
                }
                *request.uri_mut() = rest;
            }
            Expect::Bearer(issuer) => issuer.check(request, &self.backend)?,
        }
        request.extensions_mut().insert(VendorCall {
            backend: self.backend.clone(),
        });
        Ok(())
    }
}

impl Issuer {
    fn check(&self, request: &Request, backend: &str) -> Result<(), String> {
        let Some(token) = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(bearer)
        else {
            return Err(format!(
                "The Authorization header has no bearer token: ask POST /vendor-auth/{backend}/token for one."
            ));
        };
        if !self.knows(token) {
            return Err(
                "The bearer token is unknown or has expired: ask the token endpoint for another."
                    .to_owned(),
            );
        }
        if let Some((header, id)) = &self.seller {
            match request.headers().get(header.as_str()) {
                None => {
                    return Err(format!(
                        "The {header} header is missing: say which seller's data."
                    ))
                }
                Some(given) if !same(given.as_bytes(), id.as_bytes()) => {
                    return Err(format!(
                        "The {header} header names a seller these credentials do not open."
                    ))
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// A new token for the right client, its lifetime; `None` for any other.
    fn issue(&self, client_id: &str, client_secret: &str) -> Option<String> {
        // Both compared, whatever the first gives: the time says nothing of which was wrong.
        let right = same(client_id.as_bytes(), self.client_id.as_bytes())
            & same(
                client_secret.as_bytes(),
                self.client_secret.expose_secret().as_bytes(),
            );
        if !right {
            return None;
        }
        let token = super::sessions::new_token();
        let ends = Instant::now() + self.lifetime;
        self.unexpired().insert(digest(&token), ends);
        Some(token)
    }

    fn knows(&self, token: &str) -> bool {
        self.unexpired().contains_key(&digest(token))
    }

    /// The tokens still alive (the expired ones pruned as they are looked at).
    fn unexpired(&self) -> std::sync::MutexGuard<'_, HashMap<[u8; 32], Instant>> {
        let now = Instant::now();
        // Nothing panics while holding it: a poisoned map is still a consistent one.
        let mut issued = self
            .issued
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        issued.retain(|_, ends| *ends > now);
        issued
    }
}

/// Equal bytes, compared in constant time (a length differs at once: lengths are no secret).
fn same(given: &[u8], expected: &[u8]) -> bool {
    given.ct_eq(expected).into()
}

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// The token of `Bearer <token>`, the scheme in any case (RFC 7235).
fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The first value of `parameter` in `uri`'s query, and the URI without it (its path kept
/// as sent, the other parameters re-encoded as a form would).
fn split_query(uri: &Uri, parameter: &str) -> (Option<String>, Uri) {
    let Some(query) = uri.query() else {
        return (None, uri.clone());
    };
    let Ok(url) = Url::parse(&format!("http://vendor.invalid/?{query}")) else {
        return (None, uri.clone());
    };
    let (given, rest): (Vec<_>, Vec<_>) = url
        .query_pairs()
        .into_owned()
        .partition(|(name, _)| name == parameter);
    let Some((_, value)) = given.into_iter().next() else {
        return (None, uri.clone());
    };
    let mut rebuilt = Url::parse("http://vendor.invalid/").expect("a constant URL");
    if !rest.is_empty() {
        rebuilt.query_pairs_mut().extend_pairs(rest);
    }
    let path_and_query = match rebuilt.query() {
        Some(query) => format!("{}?{query}", uri.path()),
        None => uri.path().to_owned(),
    };
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = path_and_query.parse().ok();
    (
        Some(value),
        Uri::from_parts(parts).unwrap_or_else(|_| uri.clone()),
    )
}

/// On a checked dialect's vendor routes: only a call whose vendor credentials the gate
/// accepted passes (an agent's session does not stand in for them: the vendor knows none).
pub async fn vendor_callers_only(request: Request, next: Next) -> Response {
    if request.extensions().get::<VendorCall>().is_some() {
        return next.run(request).await;
    }
    let why = request.extensions().get::<VendorRefusal>().map_or_else(
        || "This API needs its vendor's credentials.".to_owned(),
        |refusal| refusal.0.clone(),
    );
    HttpError::unauthorized(why).into_response()
}

/// On a checked dialect's Switchboard routes: the gate let a vendor call through without a
/// session, so it is refused here; an agent (or a public route's caller) passed the gate
/// as ever.
pub async fn agents_only(request: Request, next: Next) -> Response {
    if request.extensions().get::<VendorCall>().is_none() {
        return next.run(request).await;
    }
    HttpError::unauthorized(
        "This is Switchboard's own route, not the vendor's: it needs a signed-in agent's \
         session, and the vendor's credentials do not stand in for one.",
    )
    .into_response()
}

/// The token request's form (RFC 6749 §4.4, the client's credentials in the body).
#[derive(Deserialize)]
pub struct TokenRequest {
    grant_type: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

/// `POST /vendor-auth/{backend}/token`: a bearer token for the right client, lasting the
/// backend's `token_seconds`; the errors in OAuth2's shape, as a token endpoint answers.
pub async fn token(
    State(state): State<AppState>,
    Path(backend): Path<String>,
    form: Result<Form<TokenRequest>, FormRejection>,
) -> Response {
    let issuer = state
        .access
        .vendor
        .iter()
        .find(|vendor| vendor.backend == backend)
        .and_then(|vendor| match &vendor.expect {
            Expect::Bearer(issuer) => Some(issuer),
            _ => None,
        });
    let Some(issuer) = issuer else {
        return oauth_error(
            StatusCode::NOT_FOUND,
            "invalid_request",
            "No backend of this server issues tokens under this name.",
        );
    };
    let Ok(Form(form)) = form else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The body must be a form: grant_type, client_id and client_secret.",
        );
    };
    if form.grant_type.as_deref() != Some("client_credentials") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Only grant_type=client_credentials is served.",
        );
    }
    let given = (
        form.client_id.unwrap_or_default(),
        form.client_secret.unwrap_or_default(),
    );
    let Some(token) = issuer.issue(&given.0, &given.1) else {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "The client id or secret is wrong.",
        );
    };
    let answer = serde_json::json!({
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": issuer.lifetime.as_secs(),
    });
    // A token is a secret: no cache keeps it (RFC 6749 §5.1).
    ([(header::CACHE_CONTROL, "no-store")], Json(answer)).into_response()
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    let body = serde_json::json!({"error": error, "error_description": description});
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bearer_token_is_read_whatever_the_schemes_case() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer  abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer "), None);
    }

    #[test]
    fn the_query_token_is_taken_out_and_the_other_parameters_kept() {
        let uri: Uri = "/api/v3/case-messages?guid=a%20b&accessToken=s3cret"
            .parse()
            .unwrap();
        let (given, rest) = split_query(&uri, "accessToken");
        assert_eq!(given.as_deref(), Some("s3cret"));
        assert_eq!(rest.path(), "/api/v3/case-messages");
        assert_eq!(rest.query(), Some("guid=a+b"));
        let (given, rest) = split_query(&"/x?accessToken=t".parse().unwrap(), "accessToken");
        assert_eq!(given.as_deref(), Some("t"));
        assert_eq!(rest.to_string(), "/x");
        assert_eq!(
            split_query(&"/x?a=1".parse().unwrap(), "accessToken").0,
            None
        );
    }

    #[test]
    fn a_token_lasts_its_lifetime_and_only_the_right_client_gets_one() {
        let issuer = Issuer {
            client_id: "client".to_owned(),
            client_secret: SecretString::from("secret"),
            seller: None,
            lifetime: Duration::from_millis(50),
            issued: Mutex::new(HashMap::new()),
        };
        assert!(issuer.issue("client", "wrong").is_none());
        assert!(issuer.issue("other", "secret").is_none());
        let token = issuer.issue("client", "secret").expect("a token");
        assert!(issuer.knows(&token));
        assert!(!issuer.knows("another"));
        std::thread::sleep(Duration::from_millis(80));
        assert!(!issuer.knows(&token), "expired");
        assert!(issuer.issued.lock().unwrap().is_empty(), "pruned");
    }
}
