//! Agents' passwords: hashed with Argon2id (the `argon2` crate's defaults, OWASP's
//! minimum: 19 MiB, two passes) into a PHC string that carries its own salt and
//! parameters, so stronger settings later still verify old hashes.
//!
//! A sign-in for an email no agent has still verifies against a fixed hash, so the time
//! of an answer never tells whether the email exists.
//!
//! Each check needs 19 MiB: sign-ins go through [`Checker`], which runs a few at once over
//! memory it keeps and reuses, so a flood of sign-ins neither multiplies the server's
//! memory nor leaves it there afterwards (freed 19 MiB blocks stay with the allocator).

use crate::http::HttpError;
use argon2::password_hash::{Output, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use rand_core::{OsRng, RngCore};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Password checks, a few at once, each over a block of memory kept for the next.
pub struct Checker {
    permits: Arc<Semaphore>,
    memory: Mutex<Vec<Vec<Block>>>,
    wait: Duration,
}

impl Checker {
    /// At most `at_once` checks run together; a sign-in waits `wait` for its turn.
    pub fn new(at_once: usize, wait: Duration) -> Checker {
        Checker {
            permits: Arc::new(Semaphore::new(at_once.max(1))),
            memory: Mutex::new(Vec::new()),
            wait,
        }
    }

    /// Whether `password` is the one `phc` was made from ([`verify`]), once a turn comes;
    /// 503 with `Retry-After` when none comes within the wait.
    pub async fn check(
        self: &Arc<Self>,
        phc: Option<String>,
        password: String,
    ) -> Result<bool, HttpError> {
        let busy = || {
            HttpError::unavailable(
                2,
                "Too many sign-ins are being checked right now; try again in a moment.",
            )
        };
        let permit = tokio::time::timeout(self.wait, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| busy())?
            .map_err(|_| busy())?;
        let checker = Arc::clone(self);
        // Argon2 is a CPU-bound moment by design: off the async workers.
        tokio::task::spawn_blocking(move || {
            let mut memory = checker.take_memory();
            let matches = password.len() <= MAX_PASSWORD_BYTES
                && verify_in(phc.as_deref(), &password, &mut memory);
            checker.give_back(memory);
            drop(permit);
            matches
        })
        .await
        .map_err(|error| HttpError::internal(format!("the password check did not finish: {error}")))
    }

    /// How many blocks of memory are kept (at most one per check at once).
    pub fn kept(&self) -> usize {
        self.pool().len()
    }

    fn take_memory(&self) -> Vec<Block> {
        self.pool().pop().unwrap_or_default()
    }

    fn give_back(&self, memory: Vec<Block>) {
        self.pool().push(memory);
    }

    fn pool(&self) -> std::sync::MutexGuard<'_, Vec<Vec<Block>>> {
        self.memory
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

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

/// [`verify`] over `memory`, grown to what the hash's parameters need and kept.
fn verify_in(phc: Option<&str>, password: &str, memory: &mut Vec<Block>) -> bool {
    match phc.and_then(|phc| PasswordHash::new(phc).ok()) {
        Some(hash) => matches_in(&hash, password, memory),
        None => {
            let decoy = PasswordHash::new(decoy_hash()).expect("the decoy is a PHC string");
            let _ = matches_in(&decoy, password, memory);
            false
        }
    }
}

/// What `Argon2::verify_password` does, with the caller's memory instead of a fresh one.
fn matches_in(hash: &PasswordHash, password: &str, memory: &mut Vec<Block>) -> bool {
    let (Some(expected), Some(salt)) = (hash.hash, hash.salt) else {
        return false;
    };
    let Ok(params) = Params::try_from(hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(hash.algorithm) else {
        return false;
    };
    let version = match hash.version {
        Some(version) => match Version::try_from(version) {
            Ok(version) => version,
            Err(_) => return false,
        },
        None => Version::default(),
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let blocks = params.block_count();
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    let mut out = vec![0u8; expected.len()];
    let argon2 = Argon2::new(algorithm, version, params);
    argon2
        .hash_password_into_with_memory(password.as_bytes(), salt, &mut out, &mut memory[..blocks])
        .is_ok()
        // `Output`'s equality is constant-time.
        && Output::new(&out).is_ok_and(|computed| computed == expected)
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
    fn checking_over_kept_memory_agrees_with_the_library() {
        let phc = hash("correct horse battery");
        let mut memory = Vec::new();
        assert!(verify_in(Some(&phc), "correct horse battery", &mut memory));
        assert!(!verify_in(Some(&phc), "correct horse batterY", &mut memory));
        assert!(!verify_in(None, "correct horse battery", &mut memory));
        assert!(!verify_in(Some("garbage"), "garbage", &mut memory));
        assert_eq!(memory.len(), Params::default().block_count());
    }

    #[tokio::test]
    async fn checks_run_a_few_at_once_and_the_rest_wait_or_are_refused() {
        let phc = hash("correct horse battery");
        let checker = Arc::new(Checker::new(1, Duration::from_millis(1)));
        let permit = checker.permits.clone().acquire_owned().await.unwrap();
        let refused = checker
            .check(Some(phc.clone()), "correct horse battery".to_owned())
            .await
            .unwrap_err();
        assert_eq!(refused.status, axum::http::StatusCode::SERVICE_UNAVAILABLE);
        assert!(refused.retry_after_secs.is_some());
        drop(permit);
        let patient = Arc::new(Checker::new(1, Duration::from_secs(30)));
        let check = || patient.check(Some(phc.clone()), "correct horse battery".to_owned());
        let results = tokio::join!(check(), check(), check(), check());
        assert_eq!(results, (Ok(true), Ok(true), Ok(true), Ok(true)));
        assert_eq!(patient.kept(), 1, "one block of memory, reused");
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
