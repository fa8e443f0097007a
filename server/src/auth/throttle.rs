//! Wrong passwords are slowed and limited, without handing anyone a lock on somebody
//! else's account (OWASP's "device cookies"):
//!
//! - each client address may try [`crate::Limits::sign_in_attempts`] sign-ins, right or
//!   wrong, counted before the body is read ([`super::admission`]);
//! - an address may fail [`crate::Limits::sign_in_failures`] times for one email; then that
//!   address alone is refused for that email. An attacker guessing from elsewhere does not
//!   touch the agent's own address;
//! - clients without a device cookie share [`crate::Limits::sign_in_untrusted_failures`]
//!   per email, all addresses together: past it, a guessing crowd is refused, but a device
//!   that signed in before still gets in;
//! - a device that signed in before has its own [`crate::Limits::sign_in_failures`]; once
//!   spent, its attempts wait [`crate::Limits::sign_in_trusted_slowdown`] rather than being
//!   refused.
//!
//! Emails count whether or not an agent has them, so a 429 says nothing about which
//! exist. A wrong password is answered only after [`crate::Limits::sign_in_failure_delay`];
//! a right one clears its address's (or device's) failures for that email.

use crate::http::rate_limit::{address_key, retry_after_secs, RateLimiter};
use crate::http::HttpError;
use crate::Limits;
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// Who is signing in, as the throttle counts them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Caller {
    /// A device that signed in to this email before: its token's hash.
    Trusted(String),
    /// Anyone else, by address.
    Untrusted(IpAddr),
}

pub struct Throttle {
    by_address: RateLimiter,
    by_caller: RateLimiter<(String, Caller)>,
    untrusted_by_email: RateLimiter<String>,
    failure_delay: Duration,
    trusted_slowdown: Duration,
}

impl Throttle {
    pub fn new(limits: &Limits) -> Throttle {
        Throttle {
            by_address: RateLimiter::new(limits.sign_in_attempts),
            by_caller: RateLimiter::new(limits.sign_in_failures),
            untrusted_by_email: RateLimiter::new(limits.sign_in_untrusted_failures),
            failure_delay: limits.sign_in_failure_delay,
            trusted_slowdown: limits.sign_in_trusted_slowdown,
        }
    }

    /// Before the body is read: the address spends an attempt.
    pub fn admit_address(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        self.by_address.check(client, now)
    }

    /// Before the password is checked: how long the caller waits first, or the refusal.
    pub fn admit(&self, caller: &Caller, email: &str, now: Instant) -> Result<Duration, HttpError> {
        let own = self.by_caller.peek(&key(email, caller), now);
        match caller {
            Caller::Trusted(_) => Ok(if own.is_err() {
                self.trusted_slowdown
            } else {
                Duration::ZERO
            }),
            Caller::Untrusted(_) => own
                .and_then(|()| self.untrusted_by_email.peek(&email_key(email), now))
                .map(|()| Duration::ZERO)
                .map_err(|wait| too_many(retry_after_secs(wait))),
        }
    }

    /// A wrong email or password: the caller spends a failure, and the answer waits.
    pub async fn failed(&self, caller: &Caller, email: &str, now: Instant) {
        // A caller already out of failures was refused (or slowed) by `admit`; racing
        // attempts past it only find the bucket empty here, which is what they deserve.
        let _ = self.by_caller.spend(key(email, caller), now);
        if let Caller::Untrusted(_) = caller {
            let _ = self.untrusted_by_email.spend(email_key(email), now);
        }
        tokio::time::sleep(self.failure_delay).await;
    }

    /// The right password: this caller's failures for the email are forgiven. The crowd's
    /// (untrusted, all addresses) drain on their own.
    pub fn succeeded(&self, caller: &Caller, email: &str) {
        self.by_caller.forget(&key(email, caller));
    }
}

/// Emails are compared as the store keeps them: trimmed, lowercased; an address as its
/// bucket's (an IPv6 host by its /64).
fn key(email: &str, caller: &Caller) -> (String, Caller) {
    let caller = match caller {
        Caller::Untrusted(address) => Caller::Untrusted(address_key(*address)),
        trusted => trusted.clone(),
    };
    (email_key(email), caller)
}

fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// 429 for a sign-in over a limit, saying when to try again.
pub fn too_many(retry_after_secs: u64) -> HttpError {
    HttpError {
        message: format!(
            "Too many sign-in attempts; try again in {retry_after_secs} s (the Retry-After header)."
        ),
        ..HttpError::too_many_requests(retry_after_secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RateLimit;

    fn throttle() -> Throttle {
        Throttle::new(&Limits {
            sign_in_attempts: RateLimit {
                per_minute: 1,
                burst: 4,
            },
            sign_in_failures: RateLimit {
                per_minute: 1,
                burst: 2,
            },
            sign_in_untrusted_failures: RateLimit {
                per_minute: 1,
                burst: 5,
            },
            sign_in_failure_delay: Duration::ZERO,
            sign_in_trusted_slowdown: Duration::from_secs(3),
            ..Limits::default()
        })
    }

    fn from(address: &str) -> Caller {
        Caller::Untrusted(address.parse().unwrap())
    }

    #[tokio::test]
    async fn an_address_runs_out_of_failures_for_one_email_whatever_its_case() {
        let throttle = throttle();
        let attacker = from("192.0.2.1");
        let now = Instant::now();
        for _ in 0..2 {
            assert!(throttle.admit(&attacker, "A@example.com", now).is_ok());
            throttle.failed(&attacker, "a@example.com ", now).await;
        }
        let refused = throttle.admit(&attacker, "a@EXAMPLE.com", now).unwrap_err();
        assert_eq!(refused.status, axum::http::StatusCode::TOO_MANY_REQUESTS);
        assert!(refused.retry_after_secs.is_some());
        // The agent, from their own address, is not refused.
        assert_eq!(
            throttle.admit(&from("198.51.100.7"), "a@example.com", now),
            Ok(Duration::ZERO)
        );
        throttle.succeeded(&attacker, "a@example.com");
        assert!(throttle.admit(&attacker, "a@example.com", now).is_ok());
    }

    #[tokio::test]
    async fn a_crowd_of_addresses_is_refused_but_a_known_device_is_only_slowed() {
        let throttle = throttle();
        let now = Instant::now();
        for n in 0..5 {
            let caller = from(&format!("203.0.113.{n}"));
            assert!(throttle.admit(&caller, "a@example.com", now).is_ok());
            throttle.failed(&caller, "a@example.com", now).await;
        }
        assert!(
            throttle
                .admit(&from("203.0.113.99"), "a@example.com", now)
                .is_err(),
            "the crowd's shared budget is spent"
        );
        let device = Caller::Trusted("device-hash".to_owned());
        assert_eq!(
            throttle.admit(&device, "a@example.com", now),
            Ok(Duration::ZERO)
        );
        for _ in 0..2 {
            throttle.failed(&device, "a@example.com", now).await;
        }
        assert_eq!(
            throttle.admit(&device, "a@example.com", now),
            Ok(Duration::from_secs(3)),
            "slowed, never refused"
        );
    }

    #[test]
    fn an_address_runs_out_of_attempts_whatever_the_emails() {
        let throttle = throttle();
        let client: IpAddr = "192.0.2.1".parse().unwrap();
        let now = Instant::now();
        for _ in 0..4 {
            assert!(throttle.admit_address(client, now).is_ok());
        }
        assert!(throttle.admit_address(client, now).is_err());
    }
}
