//! Token buckets in memory, one per key: per client address for the public routes (the
//! contact form, sign-in attempts) and per account for failed sign-ins; and
//! [`Occupancy`], what each address holds at once (connections, public requests). Each key may
//! spend `burst` requests at once, and earns `per_minute` back each minute. Over it,
//! [`RateLimiter::check`] says how long to wait, for a 429 and its `Retry-After`.
//!
//! An IPv6 address is counted by its /64 (what one host is usually given), and an
//! IPv4-mapped one as its IPv4 address. Full buckets are forgotten when the table grows,
//! so memory stays bounded by the keys active within a refill.
//!
//! Written here rather than taken from `governor` (the well-kept GCRA crate), on purpose:
//! every check takes the caller's `now`, so the admission layer answers a refusal and its
//! `Retry-After` from one instant and the tests step time exactly, where `governor` reads
//! its own clock; and one table type serves both the buckets and [`Occupancy`] (what an
//! address holds at once), which `governor` does not count. The bucket itself is GCRA, as
//! `governor`'s is, in about forty lines.

use crate::config::RateLimit;
use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Beyond this many keys, the full (idle) buckets are dropped before adding one.
const PRUNE_ABOVE: usize = 10_000;

/// Each key's bucket, kept as the instant it will be full again (the "theoretical
/// arrival time" of GCRA, the same bucket in whole durations, so no rounding creeps in):
/// one request adds an interval; one that would put it more than `burst - 1` intervals
/// ahead of now is refused. Keyed by client address unless said otherwise.
pub struct RateLimiter<K = IpAddr> {
    limit: RateLimit,
    full_at: Mutex<HashMap<K, Instant>>,
}

impl<K: Eq + Hash> RateLimiter<K> {
    pub fn new(limit: RateLimit) -> RateLimiter<K> {
        RateLimiter {
            limit,
            full_at: Mutex::new(HashMap::new()),
        }
    }

    /// Spends one request of `key`'s at `now`; `Err` holds how long until one is earned.
    pub fn spend(&self, key: K, now: Instant) -> Result<(), Duration> {
        let mut full_at = self.table();
        if full_at.len() >= PRUNE_ABOVE {
            full_at.retain(|_, at| *at > now);
        }
        let at = self.ahead_of(&full_at, &key, now)?;
        full_at.insert(key, at + self.interval());
        Ok(())
    }

    /// Whether `key` could spend one now, spending nothing.
    pub fn peek(&self, key: &K, now: Instant) -> Result<(), Duration> {
        self.ahead_of(&self.table(), key, now).map(|_| ())
    }

    /// Gives `key` a full bucket again (a correct password clears the failures).
    pub fn forget(&self, key: &K) {
        self.table().remove(key);
    }

    fn interval(&self) -> Duration {
        Duration::from_secs(60) / self.limit.per_minute.max(1)
    }

    /// When `key`'s bucket is full again, if it has a request left.
    fn ahead_of(
        &self,
        full_at: &HashMap<K, Instant>,
        key: &K,
        now: Instant,
    ) -> Result<Instant, Duration> {
        let tolerance = self.interval() * (self.limit.burst.max(1) - 1);
        let at = full_at.get(key).copied().unwrap_or(now).max(now);
        let ahead = at - now;
        if ahead > tolerance {
            return Err(ahead - tolerance);
        }
        Ok(at)
    }

    /// A panic elsewhere cannot leave the table half-written: take it back.
    fn table(&self) -> MutexGuard<'_, HashMap<K, Instant>> {
        self.full_at
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl RateLimiter<IpAddr> {
    /// Spends one request of `client`'s (its /64 for IPv6) at `now`.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        self.spend(address_key(client), now)
    }
}

/// The address a bucket (or a count of connections) is kept for.
pub fn address_key(client: IpAddr) -> IpAddr {
    match client {
        IpAddr::V4(_) => client,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// How many of something (connections, requests under way) each client address holds now,
/// capped per address and overall. [`Occupancy::enter`] takes a [`Seat`], given back when
/// dropped.
pub struct Occupancy {
    max: usize,
    max_per_address: usize,
    counts: Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// One place held in an [`Occupancy`].
pub struct Seat {
    occupancy: Arc<Occupancy>,
    /// `None` for a trusted proxy's seat, counted overall only.
    address: Option<IpAddr>,
}

impl Occupancy {
    pub fn new(max: usize, max_per_address: usize) -> Arc<Occupancy> {
        Arc::new(Occupancy {
            max,
            max_per_address,
            counts: Mutex::new(Counts::default()),
        })
    }

    /// A place for `client` (its /64 for IPv6), if both caps leave one.
    pub fn enter(self: &Arc<Self>, client: IpAddr) -> Option<Seat> {
        let address = address_key(client);
        let mut counts = self.counts();
        let held = counts.by_address.get(&address).copied().unwrap_or(0);
        if counts.total >= self.max || held >= self.max_per_address {
            return None;
        }
        counts.total += 1;
        counts.by_address.insert(address, held + 1);
        Some(Seat {
            occupancy: Arc::clone(self),
            address: Some(address),
        })
    }

    /// A place for a trusted proxy, which carries many clients: only the overall cap holds.
    pub fn enter_shared(self: &Arc<Self>) -> Option<Seat> {
        let mut counts = self.counts();
        if counts.total >= self.max {
            return None;
        }
        counts.total += 1;
        Some(Seat {
            occupancy: Arc::clone(self),
            address: None,
        })
    }

    fn counts(&self) -> MutexGuard<'_, Counts> {
        self.counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Seat {
    fn drop(&mut self) {
        let mut counts = self.occupancy.counts();
        counts.total = counts.total.saturating_sub(1);
        let Some(address) = self.address else {
            return;
        };
        if let Some(held) = counts.by_address.get_mut(&address) {
            *held = held.saturating_sub(1);
            if *held == 0 {
                counts.by_address.remove(&address);
            }
        }
    }
}

/// Whole seconds to wait, at least one, as `Retry-After` says them.
pub fn retry_after_secs(wait: Duration) -> u64 {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    secs.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_burst_is_spent_then_earned_back_at_the_rate() {
        let limiter = RateLimiter::new(RateLimit {
            per_minute: 20,
            burst: 10,
        });
        let start = Instant::now();
        let a = ip("203.0.113.7");
        for _ in 0..10 {
            assert_eq!(limiter.check(a, start), Ok(()));
        }
        let wait = limiter.check(a, start).unwrap_err();
        assert_eq!(retry_after_secs(wait), 3, "20 a minute: one every 3 s");
        // Another address has its own bucket.
        assert_eq!(limiter.check(ip("203.0.113.8"), start), Ok(()));
        assert!(limiter.check(a, start + Duration::from_secs(2)).is_err());
        assert_eq!(limiter.check(a, start + Duration::from_secs(3)), Ok(()));
        assert!(limiter.check(a, start + Duration::from_secs(3)).is_err());
        // Idle for long, the bucket is full again, never fuller.
        let later = start + Duration::from_secs(3600);
        for _ in 0..10 {
            assert_eq!(limiter.check(a, later), Ok(()));
        }
        assert!(limiter.check(a, later).is_err());
    }

    #[test]
    fn ipv6_hosts_share_their_64_and_mapped_ipv4_is_ipv4() {
        assert_eq!(
            address_key(ip("2001:db8:1:2:aaaa::1")),
            ip("2001:db8:1:2::")
        );
        assert_eq!(address_key(ip("::ffff:192.0.2.1")), ip("192.0.2.1"));
        let limiter = RateLimiter::new(RateLimit {
            per_minute: 1,
            burst: 1,
        });
        let now = Instant::now();
        assert!(limiter.check(ip("2001:db8:1:2::1"), now).is_ok());
        assert!(limiter.check(ip("2001:db8:1:2::2"), now).is_err());
    }

    #[test]
    fn peeking_spends_nothing_and_forgetting_refills() {
        let limiter = RateLimiter::<String>::new(RateLimit {
            per_minute: 1,
            burst: 2,
        });
        let now = Instant::now();
        let who = "a@example.com".to_owned();
        assert!(limiter.peek(&who, now).is_ok());
        assert!(limiter.spend(who.clone(), now).is_ok());
        assert!(limiter.spend(who.clone(), now).is_ok());
        assert!(limiter.peek(&who, now).is_err());
        assert!(limiter.peek(&who, now).is_err(), "a peek spends nothing");
        limiter.forget(&who);
        assert!(limiter.peek(&who, now).is_ok());
    }

    #[test]
    fn seats_are_capped_per_address_and_overall_and_given_back() {
        let occupancy = Occupancy::new(3, 2);
        let a1 = occupancy.enter(ip("192.0.2.1")).expect("first");
        let _a2 = occupancy.enter(ip("192.0.2.1")).expect("second");
        assert!(occupancy.enter(ip("192.0.2.1")).is_none(), "per address");
        let _b1 = occupancy.enter(ip("192.0.2.2")).expect("another address");
        assert!(occupancy.enter(ip("192.0.2.3")).is_none(), "overall");
        drop(a1);
        assert!(occupancy.enter(ip("192.0.2.1")).is_some(), "given back");
        let per_host = Occupancy::new(10, 1);
        let _first = per_host.enter(ip("2001:db8:1:2::1")).expect("first");
        assert!(
            per_host.enter(ip("2001:db8:1:2::ffff")).is_none(),
            "one /64"
        );
        assert!(per_host.enter(ip("2001:db8:1:3::1")).is_some());
    }

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(retry_after_secs(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_secs(Duration::from_secs(3)), 3);
        assert_eq!(retry_after_secs(Duration::from_millis(3001)), 4);
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
    }
}
