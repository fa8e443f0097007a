//! Wrong passwords are slowed and limited. Each client address may try
//! [`crate::Limits::sign_in_attempts`] sign-ins (right or wrong); each email may fail
//! [`crate::Limits::sign_in_failures`] times, whether or not an agent has it, so a 429
//! says nothing about which emails exist. A wrong password is answered only after
//! [`crate::Limits::sign_in_failure_delay`]; a right one clears its email's failures.

use crate::http::rate_limit::{retry_after_secs, RateLimiter};
use crate::http::HttpError;
use crate::Limits;
use std::net::IpAddr;
use std::time::{Duration, Instant};

pub struct Throttle {
    by_address: RateLimiter,
    by_email: RateLimiter<String>,
    failure_delay: Duration,
}

impl Throttle {
    pub fn new(limits: &Limits) -> Throttle {
        Throttle {
            by_address: RateLimiter::new(limits.sign_in_attempts),
            by_email: RateLimiter::new(limits.sign_in_failures),
            failure_delay: limits.sign_in_failure_delay,
        }
    }

    /// Before a password is checked: the address spends an attempt, and the email must
    /// have a failure left.
    pub fn admit(&self, client: IpAddr, email: &str, now: Instant) -> Result<(), HttpError> {
        self.by_address
            .check(client, now)
            .and_then(|()| self.by_email.peek(&key(email), now))
            .map_err(|wait| too_many(retry_after_secs(wait)))
    }

    /// A wrong email or password: the email spends a failure, and the answer waits.
    pub async fn failed(&self, email: &str, now: Instant) {
        // An email already out of failures was refused by `admit`; racing attempts past it
        // only find the bucket empty here, which is what they deserve.
        let _ = self.by_email.spend(key(email), now);
        tokio::time::sleep(self.failure_delay).await;
    }

    /// The right password: the email's failures are forgiven.
    pub fn succeeded(&self, email: &str) {
        self.by_email.forget(&key(email));
    }
}

/// Emails are compared as the store keeps them: trimmed, lowercased.
fn key(email: &str) -> String {
    email.trim().to_lowercase()
}

fn too_many(retry_after_secs: u64) -> HttpError {
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
            sign_in_failure_delay: Duration::ZERO,
            ..Limits::default()
        })
    }

    #[tokio::test]
    async fn an_email_runs_out_of_failures_whatever_its_case_and_a_success_forgives() {
        let throttle = throttle();
        let client: IpAddr = "192.0.2.1".parse().unwrap();
        let other: IpAddr = "192.0.2.2".parse().unwrap();
        let now = Instant::now();
        for _ in 0..2 {
            assert!(throttle.admit(client, "A@example.com", now).is_ok());
            throttle.failed("a@example.com ", now).await;
        }
        let refused = throttle.admit(other, "a@EXAMPLE.com", now).unwrap_err();
        assert_eq!(refused.status, axum::http::StatusCode::TOO_MANY_REQUESTS);
        assert!(refused.retry_after_secs.is_some());
        throttle.succeeded("a@example.com");
        assert!(throttle.admit(other, "a@example.com", now).is_ok());
    }

    #[tokio::test]
    async fn an_address_runs_out_of_attempts_whatever_the_emails() {
        let throttle = throttle();
        let client: IpAddr = "192.0.2.1".parse().unwrap();
        let now = Instant::now();
        for n in 0..4 {
            assert!(throttle
                .admit(client, &format!("{n}@example.com"), now)
                .is_ok());
        }
        assert!(throttle.admit(client, "new@example.com", now).is_err());
    }
}
