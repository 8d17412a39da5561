//! Per-user rate limit: at most `max` requests in any `window`, a sliding window of request
//! times per user. Memory is bounded: users idle for a whole window are forgotten, and at
//! most `max_users` are tracked (the longest idle go first).

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

#[derive(Debug)]
pub struct RateLimiter {
    max: usize,
    window: Duration,
    max_users: usize,
    recent: HashMap<String, VecDeque<Duration>>,
}

impl RateLimiter {
    pub fn new(max: usize, window: Duration, max_users: usize) -> RateLimiter {
        RateLimiter { max, window, max_users, recent: HashMap::new() }
    }

    /// Records a request at `now`, or says how long until one is allowed.
    pub fn check(&mut self, user: &str, now: Duration) -> Result<(), Duration> {
        if self.max == 0 {
            return Ok(());
        }
        let window = self.window;
        let times = self.recent.entry(user.to_string()).or_default();
        while times.front().is_some_and(|&t| now.saturating_sub(t) >= window) {
            times.pop_front();
        }
        if times.len() >= self.max {
            let oldest = times[0];
            return Err(window.saturating_sub(now.saturating_sub(oldest)));
        }
        times.push_back(now);
        if self.recent.len() > self.max_users {
            self.forget_idle(now);
        }
        Ok(())
    }

    #[cfg(test)]
    pub fn tracked_users(&self) -> usize {
        self.recent.len()
    }

    fn forget_idle(&mut self, now: Duration) {
        let window = self.window;
        self.recent.retain(|_, times| times.back().is_some_and(|&t| now.saturating_sub(t) < window));
        while self.recent.len() > self.max_users {
            let idlest = self.recent.iter().min_by_key(|(_, t)| t.back().copied()).map(|(u, _)| u.clone());
            match idlest {
                Some(user) => self.recent.remove(&user),
                None => break,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: fn(u64) -> Duration = Duration::from_secs;

    #[test]
    fn allows_max_then_says_when_to_retry() {
        let mut limiter = RateLimiter::new(2, S(30), 100);
        assert!(limiter.check("a", S(0)).is_ok());
        assert!(limiter.check("a", S(10)).is_ok());
        assert_eq!(limiter.check("a", S(12)), Err(S(18)));
        assert!(limiter.check("b", S(12)).is_ok(), "users are limited separately");
        assert!(limiter.check("a", S(30)).is_ok(), "the first request left the window");
    }

    #[test]
    fn memory_stays_bounded() {
        let mut limiter = RateLimiter::new(5, S(30), 10);
        for i in 0..1000 {
            limiter.check(&format!("user{i}"), S(i)).unwrap();
        }
        assert!(limiter.tracked_users() <= 11);
    }
}
