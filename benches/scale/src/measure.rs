//! What one engine's run reports, and how memory and latency are read.

use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Latency {
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Row {
    pub engine: String,
    pub passages: usize,
    /// From process start to the first question that could be answered.
    pub ready_ms: f64,
    pub build_ms: f64,
    /// Resident memory gained by building the index.
    pub held_mib: f64,
    /// Peak resident memory of the process (VmHWM) over the run up to and including the full
    /// rebuild, which sets it.
    pub peak_mib: f64,
    /// Peak resident memory up to and during a reload after a paragraph was added to every
    /// document, the other passages unchanged (briefbot only; measured before the full
    /// rebuild, whose memory stays resident once freed).
    pub peak_after_edits_mib: Option<f64>,
    pub latency: Latency,
    /// A reload after every passage of every document changed (a full rebuild), while
    /// answering.
    pub reload_ms: f64,
    /// A reload after one document changed.
    pub reload_one_ms: Option<f64>,
    /// The slowest answer given during any of the reloads (for briefbot also a reload after
    /// one document changed and one after none did).
    pub worst_during_reload_ms: f64,
    /// The most CPU time the answering thread spent on one of those answers: what answering
    /// cost the process. The rest of an answer's time by the clock is time another thread
    /// (the reload's, another process's, the kernel's) held the core.
    pub worst_cpu_during_reload_ms: f64,
    /// Answers during the reloads that waited more than [`HELD_OFF`] for a core.
    pub held_off_answers: usize,
    /// Absent-word questions that got a quote, of all absent-word questions.
    pub absent_quoted: Option<(usize, usize)>,
    /// Questions made from a document that were answered from that document first.
    pub right_document: Option<(usize, usize)>,
}

/// How long an answer may wait for a core before it counts as held off.
pub const HELD_OFF: Duration = Duration::from_millis(1);

/// The answers given while a reload ran: the slowest by the clock and by the answering
/// thread's CPU time, and how many were held off a core.
#[derive(Debug, Default, Clone, Copy)]
pub struct DuringReload {
    pub worst: Duration,
    pub worst_cpu: Duration,
    pub held_off: usize,
}

impl DuringReload {
    /// Runs `answer` on this thread and takes its times into account.
    pub fn time<R>(&mut self, answer: impl FnOnce() -> R) -> R {
        let (cpu, clock) = (thread_cpu_time(), std::time::Instant::now());
        let result = answer();
        let (wall, cpu) = (clock.elapsed(), thread_cpu_time().saturating_sub(cpu));
        self.worst = self.worst.max(wall);
        self.worst_cpu = self.worst_cpu.max(cpu);
        self.held_off += usize::from(wall.saturating_sub(cpu) > HELD_OFF);
        result
    }

    /// Both reloads' answers together.
    pub fn and(self, other: DuringReload) -> DuringReload {
        DuringReload {
            worst: self.worst.max(other.worst),
            worst_cpu: self.worst_cpu.max(other.worst_cpu),
            held_off: self.held_off + other.held_off,
        }
    }
}

/// The CPU time the calling thread has used (`CLOCK_THREAD_CPUTIME_ID`).
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec, which `now` is.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "the thread's CPU clock is readable");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

pub struct Memory {
    pub rss_mib: f64,
    pub peak_mib: f64,
}

/// Resident and peak resident memory from /proc/self/status.
pub fn memory() -> Memory {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    Memory { rss_mib: field("VmRSS:"), peak_mib: field("VmHWM:") }
}

pub fn latencies(times: &mut [Duration]) -> Latency {
    times.sort();
    let at = |q: f64| {
        let i = ((times.len() as f64 * q).ceil() as usize).clamp(1, times.len().max(1)) - 1;
        times.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Latency {
        p50_ms: at(0.5),
        p99_ms: at(0.99),
        max_ms: times.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
    }
}
