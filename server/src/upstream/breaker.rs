//! A circuit breaker per upstream: after a run of failures (timeouts, refused connections,
//! 5xx) the vendor is given a rest, and calls are answered at once ("not up to date")
//! instead of each waiting out a timeout. When the rest is over, one call tries the
//! vendor; its success closes the breaker, its failure opens it again. Hand-written: the
//! crates that offer one are either unmaintained or bring a policy framework for what is
//! three states and a counter.

use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Closed,
    Open,
    /// The rest is over and one call is trying the vendor.
    Trying,
}

pub struct Breaker {
    threshold: u32,
    rest: Duration,
    inner: Mutex<Inner>,
}

struct Inner {
    state: State,
    failures: u32,
    open_until: Instant,
}

impl Breaker {
    pub fn new(threshold: u32, rest: Duration) -> Breaker {
        Breaker {
            threshold: threshold.max(1),
            rest,
            inner: Mutex::new(Inner {
                state: State::Closed,
                failures: 0,
                open_until: Instant::now(),
            }),
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        // Nothing panics while holding it; a poisoned lock still holds consistent numbers.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether a call may go to the vendor now; if not, how long until it may.
    pub fn admit(&self, now: Instant) -> Result<(), Duration> {
        let mut inner = self.inner();
        match inner.state {
            State::Closed => Ok(()),
            State::Open if now >= inner.open_until => {
                inner.state = State::Trying;
                Ok(())
            }
            State::Open => Err(inner.open_until - now),
            // One trial at a time; the others hear back when it has.
            State::Trying => Err(Duration::from_secs(1)),
        }
    }

    /// What the call that was admitted found.
    pub fn record(&self, healthy: bool, now: Instant) {
        let mut inner = self.inner();
        if healthy {
            inner.state = State::Closed;
            inner.failures = 0;
            return;
        }
        inner.failures = inner.failures.saturating_add(1);
        if inner.state == State::Trying || inner.failures >= self.threshold {
            inner.state = State::Open;
            inner.open_until = now + self.rest;
        }
    }

    pub fn state(&self) -> State {
        self.inner().state
    }
}

#[cfg(test)]
mod tests {
    use super::{Breaker, State};
    use std::time::{Duration, Instant};

    #[test]
    fn a_run_of_failures_opens_it_and_a_success_after_the_rest_closes_it() {
        let breaker = Breaker::new(3, Duration::from_secs(10));
        let t0 = Instant::now();
        for _ in 0..2 {
            assert!(breaker.admit(t0).is_ok());
            breaker.record(false, t0);
        }
        assert_eq!(breaker.state(), State::Closed);
        breaker.record(false, t0);
        assert_eq!(breaker.state(), State::Open);
        assert_eq!(
            breaker.admit(t0 + Duration::from_secs(4)),
            Err(Duration::from_secs(6))
        );

        let later = t0 + Duration::from_secs(10);
        assert!(breaker.admit(later).is_ok(), "one trial after the rest");
        assert!(breaker.admit(later).is_err(), "only one at a time");
        breaker.record(true, later);
        assert_eq!(breaker.state(), State::Closed);
        assert!(breaker.admit(later).is_ok());
    }

    #[test]
    fn a_failed_trial_opens_it_again_at_once() {
        let breaker = Breaker::new(1, Duration::from_secs(5));
        let t0 = Instant::now();
        breaker.record(false, t0);
        let later = t0 + Duration::from_secs(5);
        assert!(breaker.admit(later).is_ok());
        breaker.record(false, later);
        assert_eq!(breaker.state(), State::Open);
        assert!(breaker.admit(later + Duration::from_secs(1)).is_err());
    }

    #[test]
    fn a_success_forgets_earlier_failures() {
        let breaker = Breaker::new(2, Duration::from_secs(5));
        let t0 = Instant::now();
        breaker.record(false, t0);
        breaker.record(true, t0);
        breaker.record(false, t0);
        assert_eq!(breaker.state(), State::Closed);
    }
}
