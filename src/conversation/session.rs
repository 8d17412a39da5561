//! Follow-up state per asker and channel: the last question (for "more") and the last
//! paragraph shown (for previous/next). Entries expire after a period of silence, and at
//! most `capacity` are kept (the least recently used go first).

use std::collections::HashMap;
use std::time::Duration;

/// Whose follow-ups these are: one user in one channel.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SessionKey {
    pub user: String,
    pub channel: String,
}

#[derive(Debug, Clone, Default)]
pub struct Session {
    /// The last question asked.
    pub question: Option<String>,
    /// How many answering passages of that question have been quoted.
    pub quoted: usize,
    /// The last paragraph shown or quoted: document id and number (0 for the parts before
    /// the first paragraph, one past the last for the signature).
    pub paragraph: Option<(String, u32)>,
    /// The language of the last question, for the follow-ups (`more`, `next`).
    pub language: Option<crate::i18n::Language>,
}

#[derive(Debug)]
pub struct Sessions {
    entries: HashMap<SessionKey, (Session, Duration)>,
    expiry: Duration,
    capacity: usize,
}

impl Sessions {
    pub fn new(expiry: Duration, capacity: usize) -> Sessions {
        Sessions { entries: HashMap::new(), expiry, capacity: capacity.max(1) }
    }

    /// The live session for this key, if any; an expired one is dropped.
    pub fn get(&mut self, key: &SessionKey, now: Duration) -> Option<Session> {
        let (session, last) = self.entries.get(key)?;
        if now.saturating_sub(*last) >= self.expiry {
            self.entries.remove(key);
            return None;
        }
        Some(session.clone())
    }

    pub fn put(&mut self, key: SessionKey, session: Session, now: Duration) {
        if !self.entries.contains_key(&key) && self.entries.len() >= self.capacity {
            self.evict(now);
        }
        self.entries.insert(key, (session, now));
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }

    /// Forgets every session (as a restart would).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    fn evict(&mut self, now: Duration) {
        let expiry = self.expiry;
        self.entries.retain(|_, (_, last)| now.saturating_sub(*last) < expiry);
        if self.entries.len() >= self.capacity {
            let oldest = self.entries.iter().min_by_key(|(_, (_, last))| *last).map(|(k, _)| k.clone());
            if let Some(key) = oldest {
                self.entries.remove(&key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(user: &str) -> SessionKey {
        SessionKey { user: user.into(), channel: "c".into() }
    }

    #[test]
    fn sessions_expire_after_silence() {
        let mut sessions = Sessions::new(Duration::from_secs(60), 10);
        let session = Session { question: Some("q".into()), ..Session::default() };
        sessions.put(key("a"), session, Duration::from_secs(0));
        assert!(sessions.get(&key("a"), Duration::from_secs(59)).is_some());
        assert!(sessions.get(&key("a"), Duration::from_secs(60)).is_none());
    }

    #[test]
    fn capacity_is_kept_by_dropping_the_least_recently_used() {
        let mut sessions = Sessions::new(Duration::from_secs(600), 3);
        for (i, user) in ["a", "b", "c", "d"].iter().enumerate() {
            sessions.put(key(user), Session::default(), Duration::from_secs(i as u64));
        }
        assert_eq!(sessions.len(), 3);
        assert!(sessions.get(&key("a"), Duration::from_secs(5)).is_none());
        assert!(sessions.get(&key("d"), Duration::from_secs(5)).is_some());
    }
}
