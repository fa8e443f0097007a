//! Who is signed in, as server and console agree on it: `/api/session` signs an agent in
//! (`POST`), says who is signed in (`GET`) and signs out (`DELETE`). The session itself is
//! an `HttpOnly` cookie the console never reads; it only learns the agent it belongs to.
//!
//! Every write (any method but `GET`, `HEAD` and `OPTIONS`), on every API path, carries
//! [`WRITE_HEADER`]: a cross-site form cannot send a custom header, and a cross-site
//! script cannot either without a CORS preflight the server refuses.

use serde::{Deserialize, Serialize};

/// Sign in (`POST`), who am I (`GET`), sign out (`DELETE`).
pub const SESSION_PATH: &str = "/api/session";

/// The header every write carries, and its value.
pub const WRITE_HEADER: &str = "x-requested-by";
pub const WRITE_HEADER_VALUE: &str = "switchboard";

/// The session cookie's name (the console never reads it: it is `HttpOnly`).
pub const SESSION_COOKIE: &str = "switchboard_session";

/// What an agent may do beyond answering customers: an admin also manages agents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Agent,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Admin => "admin",
        }
    }

    pub fn parse(raw: &str) -> Option<Role> {
        match raw {
            "agent" => Some(Role::Agent),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// `POST /api/session`'s body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignIn {
    pub email: String,
    pub password: String,
}

/// The signed-in agent, as `POST` and `GET /api/session` answer it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionAgent {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
}

/// `POST` and `GET /api/session`'s answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub agent: SessionAgent,
    /// When the session ends, whatever the agent does (RFC 3339).
    pub expires_at: String,
}

/// Whether a request with this method must carry [`WRITE_HEADER`].
pub fn is_write(method: &str) -> bool {
    !matches!(method, "GET" | "HEAD" | "OPTIONS")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_reads_as_the_server_writes_it() {
        let raw = r#"{"agent":{"id":"agent-camille","name":"Camille","email":"c@example.com","role":"admin"},"expiresAt":"2026-11-25T20:00:00Z"}"#;
        let session: Session = serde_json::from_str(raw).unwrap();
        assert_eq!(session.agent.role, Role::Admin);
        assert_eq!(serde_json::to_string(&session).unwrap(), raw);
    }

    #[test]
    fn only_safe_methods_go_without_the_write_header() {
        for method in ["GET", "HEAD", "OPTIONS"] {
            assert!(!is_write(method), "{method}");
        }
        for method in ["POST", "PUT", "PATCH", "DELETE", "TRACE"] {
            assert!(is_write(method), "{method}");
        }
    }

    #[test]
    fn roles_round_trip_and_others_are_refused() {
        for role in [Role::Agent, Role::Admin] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
