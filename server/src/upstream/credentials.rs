//! The credentials the gateway adds to every call to a vendor, the browser's never being
//! passed on ([`super::forward`] strips them). For OAuth2 client credentials (Octopia) the
//! token is fetched once, cached, refreshed before it expires, and once more when the
//! vendor answers 401: concurrent calls wait on the one refresh under way rather than each
//! asking the token endpoint (the lock is held across the fetch on purpose).

use crate::config::file::Auth;
use reqwest::{Client, RequestBuilder, Url};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// How one upstream is authenticated.
#[derive(Clone)]
pub enum Credentials {
    None,
    KeyHeader {
        header: String,
        /// The header's whole value (`Bearer …` or the bare key).
        value: Arc<SecretString>,
    },
    QueryToken {
        parameter: String,
        token: Arc<SecretString>,
    },
    ClientCredentials(Arc<TokenSource>),
}

/// Why credentials could not be had: the token endpoint failed or refused.
#[derive(Debug, thiserror::Error)]
pub enum CredentialsError {
    #[error("the token endpoint could not be reached: {0}")]
    Unreachable(String),
    #[error("the token endpoint refused the client credentials ({0})")]
    Refused(u16),
    #[error("the token endpoint's answer is not a token: {0}")]
    Malformed(String),
}

impl Credentials {
    pub fn new(auth: Option<&Auth>, client: Client) -> Credentials {
        match auth {
            None | Some(Auth::None) => Credentials::None,
            Some(Auth::KeyHeader {
                header,
                prefix,
                key,
            }) => Credentials::KeyHeader {
                header: header.clone(),
                value: Arc::new(SecretString::from(match prefix {
                    Some(prefix) => format!("{prefix} {}", key.expose_secret()),
                    None => key.expose_secret().to_owned(),
                })),
            },
            Some(Auth::QueryToken { parameter, token }) => Credentials::QueryToken {
                parameter: parameter.clone(),
                token: Arc::new(token.clone()),
            },
            Some(Auth::ClientCredentials {
                token_url,
                client_id,
                client_secret,
                scope,
                seller_id,
                seller_id_header,
                ..
            }) => Credentials::ClientCredentials(Arc::new(TokenSource {
                client,
                token_url: token_url.clone(),
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
                scope: scope.clone(),
                seller: seller_id
                    .as_ref()
                    .map(|id| (seller_id_header.clone(), id.clone())),
                current: Mutex::new(None),
            })),
        }
    }

    /// `request` with the credentials added; the token used, if any, so a 401 can retire
    /// exactly that one.
    pub async fn apply(
        &self,
        request: RequestBuilder,
    ) -> Result<(RequestBuilder, Option<Token>), CredentialsError> {
        Ok(match self {
            Credentials::None => (request, None),
            Credentials::KeyHeader { header, value } => {
                (request.header(header, value.expose_secret()), None)
            }
            Credentials::QueryToken { parameter, token } => (
                request.query(&[(parameter.as_str(), token.expose_secret())]),
                None,
            ),
            Credentials::ClientCredentials(source) => {
                let token = source.token().await?;
                let mut request = request.bearer_auth(token.value.expose_secret());
                if let Some((header, id)) = &source.seller {
                    request = request.header(header, id);
                }
                (request, Some(token))
            }
        })
    }

    /// The vendor answered 401 to a call made with `used`: that token is forgotten, so the
    /// next call fetches another. Whether a retry may help.
    pub async fn rejected(&self, used: Option<&Token>) -> bool {
        match (self, used) {
            (Credentials::ClientCredentials(source), Some(used)) => {
                source.forget(used).await;
                true
            }
            _ => false,
        }
    }

    /// Every secret value these credentials hold, for the log scrubber and tests.
    pub fn secrets(&self) -> Vec<String> {
        match self {
            Credentials::None => Vec::new(),
            Credentials::KeyHeader { value, .. } => vec![value.expose_secret().to_owned()],
            Credentials::QueryToken { token, .. } => vec![token.expose_secret().to_owned()],
            Credentials::ClientCredentials(source) => {
                vec![source.client_secret.expose_secret().to_owned()]
            }
        }
    }
}

/// A bearer token and when to stop using it.
#[derive(Clone)]
pub struct Token {
    pub value: Arc<SecretString>,
    refresh_at: Instant,
}

/// OAuth2 client credentials for one upstream.
pub struct TokenSource {
    client: Client,
    token_url: Url,
    client_id: String,
    client_secret: SecretString,
    scope: Option<String>,
    seller: Option<(String, String)>,
    current: Mutex<Option<Token>>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    /// Seconds; absent means the endpoint does not say, taken as five minutes.
    #[serde(default)]
    expires_in: Option<serde_json::Value>,
}

impl TokenSource {
    /// The cached token, or a fresh one when it is near its end. The lock is held across
    /// the fetch: whoever comes meanwhile waits for that token instead of asking again.
    pub async fn token(&self) -> Result<Token, CredentialsError> {
        let mut current = self.current.lock().await;
        if let Some(token) = current.as_ref() {
            if Instant::now() < token.refresh_at {
                return Ok(token.clone());
            }
        }
        let token = self.fetch().await?;
        *current = Some(token.clone());
        Ok(token)
    }

    async fn forget(&self, used: &Token) {
        let mut current = self.current.lock().await;
        if current
            .as_ref()
            .is_some_and(|token| Arc::ptr_eq(&token.value, &used.value))
        {
            *current = None;
        }
    }

    async fn fetch(&self) -> Result<Token, CredentialsError> {
        let mut form = vec![
            ("grant_type", "client_credentials"),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.client_secret.expose_secret()),
        ];
        if let Some(scope) = &self.scope {
            form.push(("scope", scope));
        }
        let started = Instant::now();
        let response = self
            .client
            .post(self.token_url.clone())
            .form(&form)
            .send()
            .await
            // Without the URL: it is the vendor's, and harmless, but an error is logged.
            .map_err(|error| CredentialsError::Unreachable(error.without_url().to_string()))?;
        let status = response.status();
        if !status.is_success() {
            return Err(CredentialsError::Refused(status.as_u16()));
        }
        let answer: TokenAnswer = response
            .json()
            .await
            .map_err(|error| CredentialsError::Malformed(error.without_url().to_string()))?;
        let lifetime = Duration::from_secs(seconds(answer.expires_in.as_ref()).unwrap_or(300));
        Ok(Token {
            value: Arc::new(SecretString::from(answer.access_token)),
            refresh_at: started + refresh_after(lifetime),
        })
    }
}

/// `expires_in` as the document's integer, or a number written as a string.
fn seconds(value: Option<&serde_json::Value>) -> Option<u64> {
    match value? {
        serde_json::Value::Number(number) => number.as_u64(),
        serde_json::Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// When to ask again for a token that lives `lifetime`: a minute early, or at four fifths
/// of a short lifetime, so a call never leaves with a token about to die on the way.
pub fn refresh_after(lifetime: Duration) -> Duration {
    let margin = (lifetime / 5).min(Duration::from_secs(60));
    lifetime.saturating_sub(margin)
}

#[cfg(test)]
mod tests {
    use super::{refresh_after, seconds};
    use std::time::Duration;

    #[test]
    fn a_token_is_renewed_a_minute_early_or_at_four_fifths_of_a_short_life() {
        assert_eq!(
            refresh_after(Duration::from_secs(3600)),
            Duration::from_secs(3540)
        );
        assert_eq!(
            refresh_after(Duration::from_secs(10)),
            Duration::from_secs(8)
        );
        assert_eq!(refresh_after(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn a_lifetime_may_be_a_number_or_a_number_written_as_text() {
        assert_eq!(seconds(Some(&serde_json::json!(120))), Some(120));
        assert_eq!(seconds(Some(&serde_json::json!("90"))), Some(90));
        assert_eq!(seconds(Some(&serde_json::json!(null))), None);
        assert_eq!(seconds(None), None);
    }
}
