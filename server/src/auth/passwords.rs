//! Agents' passwords: hashed with Argon2id (the `argon2` crate's defaults, OWASP's
//! minimum: 19 MiB, two passes) into a PHC string that carries its own salt and
//! parameters, so stronger settings later still verify old hashes.
//!
//! A sign-in for an email no agent has still verifies against a fixed hash, so the time
//! of an answer never tells whether the email exists.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand_core::{OsRng, RngCore};
use std::sync::OnceLock;

/// Shorter passwords are refused when an agent's password is set.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Longer ones are refused before hashing: hashing a megabyte would be free work for a flood.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// The PHC string of `password`, with a fresh random salt.
pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("Argon2 with its default parameters hashes any password")
        .to_string()
}

/// Whether `password` is the one `phc` was made from. A malformed stored hash matches
/// nothing. `None` (no agent, or an agent without a password) spends the same time as a
/// real check, and fails.
pub fn verify(phc: Option<&str>, password: &str) -> bool {
    let stored = phc.and_then(|phc| PasswordHash::new(phc).ok());
    let matches = |hash: &PasswordHash| {
        Argon2::default()
            .verify_password(password.as_bytes(), hash)
            .is_ok()
    };
    match stored {
        Some(hash) => matches(&hash),
        None => {
            let decoy = PasswordHash::new(decoy_hash()).expect("the decoy is a PHC string");
            let _ = matches(&decoy);
            false
        }
    }
}

/// Why a new password is refused, in words for whoever sets it.
pub fn check_new(password: &str) -> Result<(), String> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(format!(
            "a password needs at least {MIN_PASSWORD_CHARS} characters"
        ));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(format!(
            "a password may have at most {MAX_PASSWORD_BYTES} bytes"
        ));
    }
    Ok(())
}

/// A password nobody knows, for accounts created without one: 20 random letters and
/// digits from the operating system's generator (about 119 bits).
pub fn generate() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    OsRng.fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect()
}

/// The hash a sign-in for an unknown email is checked against, made once per process.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash(&generate()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let phc = hash("correct horse battery");
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(verify(Some(&phc), "correct horse battery"));
        assert!(!verify(Some(&phc), "correct horse batterY"));
        assert_ne!(
            phc,
            hash("correct horse battery"),
            "each hash has its own salt"
        );
    }

    #[test]
    fn nothing_stored_or_garbage_stored_matches_nothing() {
        assert!(!verify(None, ""));
        assert!(!verify(None, "anything at all"));
        assert!(!verify(Some("not a phc string"), "not a phc string"));
    }

    #[test]
    fn new_passwords_have_a_floor_and_a_ceiling() {
        assert!(check_new("short").is_err());
        assert!(check_new("twelve chars").is_ok());
        assert!(check_new(&"x".repeat(MAX_PASSWORD_BYTES + 1)).is_err());
        let generated = generate();
        assert_eq!(generated.len(), 20);
        assert!(check_new(&generated).is_ok());
        assert_ne!(generated, generate());
    }
}
