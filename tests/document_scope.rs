//! A document ranks its own paragraphs as it would alone: with the whole test corpus loaded,
//! ranking within the participation letter (its own word statistics and its own average
//! paragraph length) scores its paragraphs as the letter alone does. Before each document's
//! average length weighed its paragraphs, the corpus's shorter paragraphs made the letter's
//! long ones weigh as longer than they are.

use briefbot::library::{self, Source};
use briefbot::search::rank::rank_within;

#[test]
fn a_document_ranks_its_paragraphs_as_it_would_alone() {
    let alone = library::load(Source::Folder("tests/fixtures/letter".as_ref())).expect("the letter loads");
    let corpus = library::load(Source::Folder("tests/fixtures/corpus".as_ref())).expect("the corpus loads");
    let letter = corpus
        .index
        .documents()
        .iter()
        .position(|d| d.meta.id.starts_with("participatiesamenleving"))
        .expect("the letter is in the corpus");
    let questions = [
        "blijft de verzorgingsstaat bestaan",
        "wat doet de overheid tegen inbraken",
        "hoe organiseren mensen zich tegenwoordig",
        "welke rol speelt handhaving",
        "waarom verliezen bestaande instituties terrein",
    ];
    for question in questions {
        let scored = |searcher: &briefbot::search::Searcher, document| {
            let query = searcher.query(question);
            let hits = rank_within(&searcher.index, &query, Some(document));
            hits.iter().map(|h| (h.id.passage, (h.score * 1000.0).round() as i64)).collect::<Vec<_>>()
        };
        assert_eq!(scored(&corpus, letter), scored(&alone, 0), "{question}");
    }
}
