//! A vendor's own limit, honoured: when it answers 429 with `Retry-After`, every call to
//! it waits that long (up to the configured patience, past which the call is refused at
//! once with the time left) instead of spending the team's quota on refusals.

use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

#[derive(Default)]
pub struct Budget {
    paused_until: Mutex<Option<Instant>>,
}

impl Budget {
    /// How long a call must wait now, if at all.
    pub fn wait_needed(&self, now: Instant) -> Option<Duration> {
        let paused = self.paused_until.lock().unwrap_or_else(|p| p.into_inner());
        paused
            .and_then(|until| until.checked_duration_since(now))
            .filter(|d| !d.is_zero())
    }

    /// The vendor asked for a pause of `pause` from `now`; a longer pause already asked
    /// for stands.
    pub fn pause(&self, now: Instant, pause: Duration) {
        let mut paused = self.paused_until.lock().unwrap_or_else(|p| p.into_inner());
        let until = now + pause;
        if paused.is_none_or(|current| current < until) {
            *paused = Some(until);
        }
    }
}

/// A `Retry-After` value: seconds, or an HTTP date; `None` if neither (the caller then
/// picks a default).
pub fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let at = SystemTime::UNIX_EPOCH + Duration::from_secs(u64::try_from(date.timestamp()).ok()?);
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::{retry_after, Budget};
    use std::time::{Duration, Instant, SystemTime};

    #[test]
    fn a_pause_holds_every_call_until_it_ends_and_a_shorter_one_does_not_cut_it() {
        let budget = Budget::default();
        let t0 = Instant::now();
        assert_eq!(budget.wait_needed(t0), None);
        budget.pause(t0, Duration::from_secs(10));
        budget.pause(t0, Duration::from_secs(2));
        assert_eq!(
            budget.wait_needed(t0 + Duration::from_secs(4)),
            Some(Duration::from_secs(6))
        );
        assert_eq!(budget.wait_needed(t0 + Duration::from_secs(10)), None);
    }

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_767); // 1994-11-06 08:49:27
        assert_eq!(retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(retry_after("soon", now), None);
    }
}
