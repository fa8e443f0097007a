//! Versions for a vendor that has none, in forward mode: the console guards its writes
//! with `If-Match` (a colleague's change is never overwritten unseen), and the embedded
//! dialects give versions; a real vendor may not. The gateway then gives a resource's
//! representation a fingerprint as its `ETag` (`"fp-…"`, a hash of the body the vendor
//! sent), and before a write carrying such an `If-Match` it reads the resource again and
//! compares. A vendor's own `ETag` always wins: its `If-Match` goes through untouched.
//!
//! The race left: between that read and the vendor's write, another client may still
//! change the resource (a window of one round trip to the vendor, where the embedded
//! store has none). A vendor with real versions closes it.

use sha2::{Digest, Sha256};

/// The start of every fingerprint this gateway gives, so it knows its own from a vendor's.
const PREFIX: &str = "\"fp-";

/// The `ETag` of a representation: a short hash of its bytes.
pub fn fingerprint(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("{PREFIX}{hex}\"")
}

/// Whether `tag` (an `If-Match` value) is one of this gateway's fingerprints.
pub fn is_fingerprint(tag: &str) -> bool {
    tag.trim().starts_with(PREFIX)
}

#[cfg(test)]
mod tests {
    use super::{fingerprint, is_fingerprint};

    #[test]
    fn a_fingerprint_changes_with_the_body_and_is_known_as_ours() {
        let a = fingerprint(br#"{"status":"OPEN"}"#);
        assert_eq!(a, fingerprint(br#"{"status":"OPEN"}"#));
        assert_ne!(a, fingerprint(br#"{"status":"CLOSED"}"#));
        assert!(is_fingerprint(&a));
        assert!(!is_fingerprint("\"v3\""));
        assert!(!is_fingerprint("*"));
    }
}
