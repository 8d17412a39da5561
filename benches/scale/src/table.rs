//! Runs every engine on every size, each in its own process, and prints one table.

use std::path::Path;
use std::process::Command;

use crate::measure::Row;

const ENGINES: [&str; 3] = ["briefbot", "tantivy-term", "tantivy-fuzzy"];

pub fn run(args: &[&str]) {
    let sizes: Vec<usize> = args
        .iter()
        .find(|a| a.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .unwrap_or(&"1,100,1000")
        .split(',')
        .map(|s| s.parse().expect("sizes like 1,100,1000"))
        .collect();
    let work = crate::work_dir(args);
    println!("| documents | engine | passages | ready ms | build ms | index MiB | peak MiB | peak after edits MiB | p50 ms | p99 ms | max ms | reload ms | reload one ms | worst in reload ms | its CPU ms | held off | absent quoted | right document |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for size in sizes {
        let dir = work.join(size.to_string());
        if !dir.join("questions.json").exists() {
            crate::generate(&dir, size);
        }
        let rows: Vec<Row> = ENGINES.iter().map(|engine| run_engine(engine, &dir)).collect();
        for row in &rows {
            print_row(size, row);
        }
        let fuzzy = &rows[2];
        let ours = &rows[0];
        println!(
            "| {size} | ratio briefbot / tantivy fuzzy | | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | | {:.2} | {:.2} | | | |",
            ours.ready_ms / fuzzy.ready_ms,
            ours.build_ms / fuzzy.build_ms,
            ours.held_mib / fuzzy.held_mib.max(0.1),
            ours.peak_mib / fuzzy.peak_mib,
            ours.peak_after_edits_mib.unwrap_or(0.0) / fuzzy.peak_mib,
            ours.latency.p50_ms / fuzzy.latency.p50_ms,
            ours.latency.p99_ms / fuzzy.latency.p99_ms,
            ours.latency.max_ms / fuzzy.latency.max_ms,
            ours.reload_ms / fuzzy.reload_ms,
            ours.worst_during_reload_ms / fuzzy.worst_during_reload_ms,
            ours.worst_cpu_during_reload_ms / fuzzy.worst_cpu_during_reload_ms,
        );
    }
}

fn run_engine(engine: &str, dir: &Path) -> Row {
    let me = std::env::current_exe().expect("own path");
    let output = Command::new(me).args(["run", engine]).arg(dir).output().expect("engine process");
    assert!(output.status.success(), "{engine}: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect("a row")
}

fn print_row(size: usize, row: &Row) {
    let share = |s: Option<(usize, usize)>| s.map_or("".into(), |(a, b)| format!("{a}/{b}"));
    println!(
        "| {size} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {} | {:.3} | {:.3} | {:.3} | {:.1} | {} | {:.3} | {:.3} | {} | {} | {} |",
        row.engine,
        row.passages,
        row.ready_ms,
        row.build_ms,
        row.held_mib,
        row.peak_mib,
        row.peak_after_edits_mib.map_or("".into(), |m| format!("{m:.1}")),
        row.latency.p50_ms,
        row.latency.p99_ms,
        row.latency.max_ms,
        row.reload_ms,
        row.reload_one_ms.map_or("".into(), |m| format!("{m:.1}")),
        row.worst_during_reload_ms,
        row.worst_cpu_during_reload_ms,
        row.held_off_answers,
        share(row.absent_quoted),
        share(row.right_document),
    );
}
