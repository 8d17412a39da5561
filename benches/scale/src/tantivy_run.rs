//! tantivy's side of the table: a RAM index of the same paragraphs (the documents' blocks
//! between blank lines), Dutch stemmer and stop words, queried with BM25 term clauses and with
//! fuzzy (distance 1, transpositions as one edit) clauses per word, top 10.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};
use tantivy::{Index, IndexReader, Term};

use crate::briefbot_run::ms;
use crate::generate::Question;
use crate::measure::{latencies, memory, DuringReload, Row};

const WRITER_HEAP: usize = 100_000_000;

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::Dutch).expect("Dutch stop words"))
        .filter(Stemmer::new(Language::Dutch))
        .build()
}

struct Built {
    reader: IndexReader,
    text: Field,
    passages: usize,
}

fn paragraphs(dir: &Path) -> Vec<String> {
    crate::document_files(dir)
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).expect("a document");
            text.split("\n\n").map(str::to_string).collect::<Vec<_>>()
        })
        .filter(|p| !p.trim().is_empty())
        .collect()
}

fn build(dir: &Path) -> Built {
    let mut schema = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("nl")
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = schema.add_text_field("text", TextOptions::default().set_indexing_options(indexing));
    let index = Index::create_in_ram(schema.build());
    index.tokenizers().register("nl", analyzer());
    let mut writer: tantivy::IndexWriter = index.writer(WRITER_HEAP).expect("a writer");
    let mut passages = 0;
    for paragraph in paragraphs(dir) {
        let mut document = tantivy::TantivyDocument::default();
        document.add_text(text, &paragraph);
        writer.add_document(document).expect("indexed");
        passages += 1;
    }
    writer.commit().expect("committed");
    let reader = index.reader().expect("a reader");
    Built { reader, text, passages }
}

fn query(built: &Built, question: &str, fuzzy: bool) -> Box<dyn Query> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(question);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    while stream.advance() {
        let term = Term::from_field_text(built.text, &stream.token().text);
        let clause: Box<dyn Query> = match fuzzy {
            true => Box::new(FuzzyTermQuery::new(term, 1, true)),
            false => Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
        };
        clauses.push((Occur::Should, clause));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn ask(built: &Built, question: &str, fuzzy: bool) -> usize {
    let searcher = built.reader.searcher();
    let top = searcher.search(&*query(built, question, fuzzy), &TopDocs::with_limit(10).order_by_score());
    top.map_or(0, |t| t.len())
}

pub fn run(dir: &Path, questions: &[Question], started: Instant, fuzzy: bool) -> Row {
    let before = memory();
    let t = Instant::now();
    let built = build(dir);
    let build_ms = ms(t.elapsed());
    let ready_ms = ms(started.elapsed());
    let held = memory().rss_mib - before.rss_mib;
    let mut times = Vec::with_capacity(questions.len());
    for question in questions {
        let t = Instant::now();
        ask(&built, &question.text, fuzzy);
        times.push(t.elapsed());
    }
    let (reload, during) = reload_while_answering(dir, &built, questions, fuzzy);
    Row {
        engine: if fuzzy { "tantivy fuzzy" } else { "tantivy term" }.into(),
        passages: built.passages,
        ready_ms,
        build_ms,
        held_mib: held,
        peak_mib: memory().peak_mib,
        peak_after_edits_mib: None,
        latency: latencies(&mut times),
        reload_ms: ms(reload),
        reload_one_ms: None,
        worst_during_reload_ms: ms(during.worst),
        worst_cpu_during_reload_ms: ms(during.worst_cpu),
        held_off_answers: during.held_off,
        absent_quoted: None,
        right_document: None,
    }
}

fn reload_while_answering(
    dir: &Path,
    built: &Built,
    questions: &[Question],
    fuzzy: bool,
) -> (Duration, DuringReload) {
    let done = AtomicBool::new(false);
    let mut during = DuringReload::default();
    let reload = std::thread::scope(|scope| {
        let rebuilding = scope.spawn(|| {
            let t = Instant::now();
            let fresh = build(dir);
            done.store(true, Ordering::Release);
            (t.elapsed(), fresh.passages)
        });
        for question in questions.iter().cycle() {
            if done.load(Ordering::Acquire) {
                break;
            }
            during.time(|| ask(built, &question.text, fuzzy));
        }
        rebuilding.join().expect("rebuild thread").0
    });
    (reload, during)
}
