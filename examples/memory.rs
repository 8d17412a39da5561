//! Prints the index's heap use per part, and the process's resident memory once the index is
//! built (peak and, after the allocator returned what the build freed, now):
//! `cargo run --release --example memory -- DIR`.
use briefbot::library::{load, Source};
fn main() {
    let dir = std::env::args().nth(1).expect("a documents folder");
    let s = load(Source::Folder(std::path::Path::new(&dir))).expect("documents that load");
    let mut total = 0;
    for (part, bytes) in s.index.memory_breakdown() {
        eprintln!("{part:32} {:8.1} MiB", bytes as f64 / 1048576.0);
        total += if part.contains("lengths only") { 0 } else { bytes };
    }
    eprintln!("{:32} {:8.1} MiB", "total", total as f64 / 1048576.0);
    eprintln!("after the build: {}", resident());
    // SAFETY: malloc_trim only hands free memory back to the system.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    unsafe {
        libc::malloc_trim(0);
    }
    eprintln!("after returning freed memory: {}", resident());
}

fn resident() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status.lines().find(|l| l.starts_with(name)).map_or("?", |l| l[name.len()..].trim()).to_string()
    };
    format!("rss {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}
