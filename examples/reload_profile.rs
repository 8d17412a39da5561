//! Times reloads of a folder, for profiling a reload whose cost should follow the change:
//! `cargo run --release --example reload_profile -- DIR N [one]`. Without `one` every
//! document is unchanged; with it each reload follows a change to the first document (a
//! paragraph added, then taken out again), as the scale bench's "reload one" does. Each
//! reload's CPU time (user and system, of the whole process) is printed beside its wall time:
//! time the host of a virtual machine takes away (steal) counts in the wall time only.
use briefbot::library::Library;
use briefbot::library::SourceConfig;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
fn main() {
    // `RUST_LOG=briefbot=debug` shows each reload's load and build times.
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("a documents folder"));
    let times: usize = args.next().map_or(3, |n| n.parse().expect("a number"));
    let change_one = args.next().as_deref() == Some("one");
    let library = Library::open(SourceConfig::Folder(dir.clone()), Duration::ZERO).expect("loads");
    eprintln!("opened: {}", memory());
    let first = first_document(&dir);
    let original = std::fs::read_to_string(&first).expect("a document");
    for round in 0..times {
        if change_one {
            let text = if round % 2 == 0 {
                original.replacen("\n\n", "\n\nDit is een gewijzigde alinea over de herziening.\n\n", 1)
            } else {
                original.clone()
            };
            std::fs::write(&first, text).expect("writable");
        }
        let (start, cpu_start) = (Instant::now(), cpu_time());
        library.reload(Duration::ZERO, |_| Ok::<(), ()>(())).expect("reloads");
        let cpu = cpu_time() - cpu_start;
        eprintln!(
            "reload {:.1} ms, cpu {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0,
            cpu.as_secs_f64() * 1000.0
        );
        eprintln!("  {}", memory());
        // The replaced index is freed on a thread of its own: let that end before the next.
        std::thread::sleep(Duration::from_millis(500));
    }
    std::fs::write(&first, original).expect("writable");
}

fn first_document(dir: &Path) -> PathBuf {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    names.sort();
    names.remove(0)
}

/// User and system time of the process so far (its threads that ended included).
fn cpu_time() -> Duration {
    // SAFETY: `getrusage` fills the struct it is given; a zeroed `rusage` is a valid one.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a valid pointer to a `rusage` for the call to fill.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let of = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    of(usage.ru_utime) + of(usage.ru_stime)
}

/// Resident and peak resident memory of the process, from /proc/self/status.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        let line = status.lines().find(|l| l.starts_with(name)).unwrap_or_default();
        line.trim_start_matches(name).trim().to_string()
    };
    format!("rss {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}
