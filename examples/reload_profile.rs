//! Times reloads of an unchanged folder (every document reused), for profiling a reload
//! whose cost should follow the change: `cargo run --release --example reload_profile -- DIR N`.
use briefbot::library::Library;
use briefbot::library::SourceConfig;
use std::time::{Duration, Instant};
fn main() {
    // `RUST_LOG=briefbot=debug` shows each reload's load and build times.
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("a documents folder");
    let times: usize = args.next().map_or(3, |n| n.parse().expect("a number"));
    let library = Library::open(SourceConfig::Folder(dir.into()), Duration::ZERO).expect("loads");
    for _ in 0..times {
        let start = Instant::now();
        library.reload(Duration::ZERO, |_| Ok::<(), ()>(())).expect("reloads");
        eprintln!("reload {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
        // The replaced index is freed on a thread of its own: let that end before the next.
        std::thread::sleep(Duration::from_millis(500));
    }
}
