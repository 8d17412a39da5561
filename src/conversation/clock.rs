//! Time as the conversation core sees it: a monotonic duration since an arbitrary start.
//! Scripts and tests use [`ManualClock`] so follow-up expiry and rate limits are exact.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub trait Clock: Send + Sync {
    fn now(&self) -> Duration;
    /// Wall-clock time in seconds since the Unix epoch (what the feedback log stores).
    fn unix_secs(&self) -> u64;
}

/// Real time.
pub struct SystemClock {
    start: Instant,
}

impl Default for SystemClock {
    fn default() -> Self {
        SystemClock { start: Instant::now() }
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.start.elapsed()
    }

    fn unix_secs(&self) -> u64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
    }
}

/// Time that moves only when told to.
#[derive(Default)]
pub struct ManualClock {
    millis: AtomicU64,
}

impl ManualClock {
    pub fn advance(&self, by: Duration) {
        self.millis.fetch_add(by.as_millis() as u64, Ordering::SeqCst);
    }
}

/// The wall-clock time at which a [`ManualClock`] starts: 2026-01-01T00:00:00Z.
pub const MANUAL_CLOCK_EPOCH_SECS: u64 = 1_767_225_600;

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        Duration::from_millis(self.millis.load(Ordering::SeqCst))
    }

    fn unix_secs(&self) -> u64 {
        MANUAL_CLOCK_EPOCH_SECS + self.now().as_secs()
    }
}
