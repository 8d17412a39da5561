//! Every conversation script in `tests/conversations/` must pass through the conversation
//! core; and scripts must be able to fail: with a paragraph removed from the documents, the
//! scripts that depend on it fail with a clear message.

use std::path::{Path, PathBuf};

use briefbot::conversation::Settings;
use briefbot::library::SourceConfig;
use briefbot::script::{run_with_core, script_files, ScriptReport};

fn seeds() -> SourceConfig {
    SourceConfig::FolderOrEmbedded(PathBuf::from("seeds"))
}

fn run_all(dir: &Path, source: &SourceConfig) -> Vec<ScriptReport> {
    script_files(dir).iter().map(|file| run_with_core(file, source, &Settings::default())).collect()
}

#[test]
fn every_conversation_script_passes_through_the_core() {
    let reports = run_all(Path::new("tests/conversations"), &seeds());
    assert!(reports.len() >= 15, "at least 15 scripts, found {}", reports.len());
    let failed: Vec<&ScriptReport> = reports.iter().filter(|r| !r.passed()).collect();
    for report in &failed {
        for line in report.describe() {
            println!("{line}");
        }
    }
    println!("{} passed, {} failed", reports.len() - failed.len(), failed.len());
    assert!(failed.is_empty(), "{} script(s) failed", failed.len());
}

#[test]
fn scripts_fail_clearly_when_the_paragraph_they_rely_on_is_removed() {
    let changed = SourceConfig::Folder(PathBuf::from("tests/fixtures/letter-without-7"));
    let report = run_with_core(
        Path::new("tests/conversations/ask-answers-with-reference.conv"),
        &changed,
        &Settings::default(),
    );
    assert!(!report.passed());
    let text = report.describe().join("\n");
    assert!(
        text.contains("ask-answers-with-reference.conv:5: after `Blijft de verzorgingsstaat bestaan?`: expected `quotes \"benadrukt dat de verzorgingsstaat blijft bestaan\"`, but no quote contains that text"),
        "{text}"
    );
    assert!(text.contains("    | "), "the actual reply is shown: {text}");
    let unaffected = run_with_core(
        Path::new("tests/conversations/typos-and-compounds.conv"),
        &changed,
        &Settings::default(),
    );
    assert!(unaffected.passed(), "{:?}", unaffected.describe());
}

#[test]
fn a_broken_script_is_reported_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.conv");
    std::fs::write(&path, "member anna: hoi\n    cites alinea zeven\n").unwrap();
    let report = run_with_core(&path, &seeds(), &Settings::default());
    assert!(!report.passed());
    let error = report.error.unwrap();
    assert!(error.ends_with("kapot.conv:2:11: expected a number after the passage kind"), "{error}");
}

#[test]
fn a_follow_up_of_a_failed_question_says_which_failure_it_follows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("volgt.conv");
    let script = "member anna: Wat is de Academie van de Stad?\n    cites alinea 2\n\
                  member anna: volgende\n    cites alinea 3\n\
                  member bob: volgende\n    answers\n\
                  member anna: Blijft de verzorgingsstaat bestaan?\n    cites alinea 7\n\
                  member anna: volgende\n    cites alinea 9\n";
    std::fs::write(&path, script).unwrap();
    let report = run_with_core(&path, &seeds(), &Settings::default());
    let lines: Vec<String> = report.describe().into_iter().filter(|l| !l.starts_with("    |")).collect();
    assert_eq!(lines.len(), 4, "{lines:#?}");
    // Anna's `volgende` follows her failed question; Bob has no question; after Anna's next
    // question passes, her `volgende` fails on its own.
    assert!(lines[0].contains(":2: after `Wat is de Academie van de Stad?`: expected"), "{}", lines[0]);
    assert!(
        lines[1].contains(":4: after `volgende` (follows up the failed turn at line 1): expected"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains(":6: after `volgende`: expected"), "{}", lines[2]);
    assert!(lines[3].contains(":10: after `volgende`: expected"), "{}", lines[3]);
}
