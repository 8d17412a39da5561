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
    /// Absent-word questions that got a quote, of all absent-word questions.
    pub absent_quoted: Option<(usize, usize)>,
    /// Questions made from a document that were answered from that document first.
    pub right_document: Option<(usize, usize)>,
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
    Latency { p50_ms: at(0.5), p99_ms: at(0.99), max_ms: times.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0) }
}
