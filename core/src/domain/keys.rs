//! A conversation's identity across backends, and the percent-encoding that keeps ids
//! from ever changing the shape of a URL.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A conversation is identified by its backend and its id: ids are only unique within a backend.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConversationKey {
    /// The backend's name as discovery gives it (also the URL segment).
    pub backend: String,
    pub id: String,
}

impl ConversationKey {
    pub fn new(backend: impl Into<String>, id: impl Into<String>) -> Self {
        Self {
            backend: backend.into(),
            id: id.into(),
        }
    }

    /// The console route of this conversation.
    pub fn path(&self) -> String {
        format!(
            "/conversations/{}/{}",
            encode_path_segment(&self.backend),
            encode_path_segment(&self.id)
        )
    }

    /// The conversation a console route shows, whether the router hands the path back
    /// encoded or decoded (backend names never hold a `/`; ids may).
    pub fn from_path(path: &str) -> Option<Self> {
        let rest = path.strip_prefix("/conversations/")?;
        let (backend, id) = rest.split_once('/')?;
        let (backend, id) = (decode_percent(backend), decode_percent(id));
        (!backend.is_empty() && !id.is_empty()).then(|| ConversationKey::new(backend, id))
    }
}

impl fmt::Display for ConversationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.backend, self.id)
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so an id can never
/// change the shape of a URL path or query.
pub fn encode_path_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes [`encode_path_segment`] (and any other percent-encoding); a malformed escape
/// is kept as written.
pub fn decode_percent(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
