//! The least coverage with which a passage of common words only may answer, which decides
//! whether `rank_within` may stop before scoring such passages: it follows the things the
//! groups with common words can make.

use super::Prepared;
use crate::library::{load, Source};
use crate::search::params::{MEETING_MIN_COVERAGE, MIN_COVERAGE, SEVERAL_MIN_COVERAGE};
use crate::search::scope::Scope;
use crate::search::Searcher;

/// 30 letters of 40 paragraphs, each paragraph with `gemeente`, `zorg` and `buurt` (common:
/// in all 1,200, more than the 1,000 paragraphs a common word needs) and `asperge` in one.
fn common_words_corpus(dir: &std::path::Path) -> Searcher {
    for d in 0..30 {
        let mut text = String::from(" Beleid\n\nBRIEF VAN DE MINISTER\n\n");
        for p in 0..40 {
            let rare = if d == 0 && p == 0 { " asperge" } else { "" };
            text.push_str(&format!("De gemeente regelt zorg in de buurt{rare} ({d}, {p}).\n\n"));
        }
        std::fs::write(dir.join(format!("brief-{d:02}.txt")), text).expect("letter written");
    }
    load(Source::Folder(dir)).expect("corpus loads")
}

#[test]
fn common_only_passages_may_answer_as_low_as_their_common_groups_allow() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let searcher = common_words_corpus(dir.path());
    let lowest = |question: &str| {
        let query = searcher.query(question);
        Prepared::new(&searcher.index, &query, Scope::Index).common_only_lowest_answering(&query)
    };
    // One common word: it neither meets another nor makes three things.
    assert_eq!(lowest("wat zegt de brief over de gemeente en asperge"), MIN_COVERAGE);
    // Two: they may stand together.
    assert_eq!(lowest("wat zegt de brief over gemeente zorg en asperge"), MEETING_MIN_COVERAGE);
    // Three things.
    assert_eq!(lowest("wat zegt de brief over gemeente zorg buurt en asperge"), SEVERAL_MIN_COVERAGE);
    // A compound's two parts (`buurtzorg`, which no paragraph holds whole) are one thing.
    assert_eq!(lowest("wat zegt de brief over gemeente buurtzorg en asperge"), MEETING_MIN_COVERAGE);
}
