//! Prints the index's heap use per part: `cargo run --release --example memory -- DIR`.
use briefbot::library::{load, Source};
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let s = load(Source::Folder(std::path::Path::new(&dir))).unwrap();
    for (part, bytes) in s.index.memory_breakdown() {
        eprintln!("{part:32} {:8.1} MiB", bytes as f64 / 1048576.0);
    }
}
