//! Building an [`Index`] in four steps, so that the costly analysis is done once per distinct
//! word and on every core:
//! 1. tokens: each passage's content words, with a word id per distinct folded word;
//! 2. analysis: stem, compound parts and OCR alias of each distinct word, in parallel;
//! 3. terms: stems interned, each word's forms as term ids;
//! 4. postings from the tokens, while another thread builds the typo index and the
//!    alphabetical order of the words.
//!
//! A reload's build (one after another index) leaves a core free for the answers the old
//! index gives meanwhile (`parallel::Share::LeaveOneCore`). While most passages are
//! unchanged and few words are dead, it continues the served index's word and term ids
//! (`build/continued.rs`); otherwise it renumbers them as a fresh build would.
//!
//! Invariants: the index is the same whatever the number of threads (words are analysed
//! independently and interned in word-id order); a reload's index answers as a fresh build
//! of the same documents does (a renumbering reload is that very index).

use std::collections::HashMap;
use std::sync::Arc;

use crate::document::text::TextReader;

use super::acronyms::Acronyms;
use super::fuzzy::TypoIndex;
use super::interner::Interner;
use super::lists::Lists;
use super::openings::WordsInOrder;
use super::fields::{FieldTexts, FieldWords};
use super::index::{add_posting, Index, IndexedPassage, IndexedWord, Posting, SlotFacts, Terms, HAS_FORMS};
use super::question_types::{is_dated, is_opening};
use super::reused_postings::{worth_reusing, Reused};
use super::word_store::{WordStore, Words};
use words::{add_content_words, passage_words, PassageWords, WordBuffers};
use crate::document::{Corpus, PassageKind};
use crate::parallel::Share;
use crate::text::analyzer::Analyzer;

mod analysis;
mod continued;
mod renumbering;
mod words;

pub(super) use words::{for_each_content_word, WordSink};

use analysis::{analysed_words, continued_words};
use renumbering::{unchanged_slots, Renumbering};
#[cfg(test)]
use analysis::Analysed;

impl Index {
    pub fn build(corpus: Corpus, analyzer: Analyzer) -> Index {
        Index::build_after(corpus, analyzer, None)
    }

    /// [`Index::build`], taking the analysis of every word `previous` already holds from it
    /// instead of analysing it again: a reload after a few documents changed analyses only
    /// their new words (a word's analysis depends on the word and the compiled-in language
    /// data only). The result answers as a fresh build does; it is the very index a fresh
    /// build makes unless the build continues `previous`'s ids (`continued.rs`).
    pub fn build_after(corpus: Corpus, analyzer: impl Into<Arc<Analyzer>>, previous: Option<&Index>) -> Index {
        // A build after another is a reload, while the other answers: one core stays free.
        let share = if previous.is_some() { Share::LeaveOneCore } else { Share::AllCores };
        let mut index = Index {
            documents: Vec::new(),
            diagnostics: Vec::new(),
            passages: Vec::new(),
            word_store: WordStore::default(),
            terms: Terms::default(),
            whole: Lists::default(),
            parts: Lists::default(),
            frequencies: Vec::new(),
            titles: Lists::default(),
            senders: Lists::default(),
            words: Vec::new(),
            plain_stems: Vec::new(),
            vocabulary: Interner::default(),
            occurrences: Vec::new(),
            field_words: FieldWords::default(),
            document_fields: Vec::with_capacity(corpus.documents.len()),
            numbers: Vec::new(),
            by_kind: HashMap::new(),
            openings: Vec::new(),
            slot_documents: Vec::new(),
            document_starts: vec![0],
            typos: TypoIndex::default(),
            words_in_order: WordsInOrder::default(),
            slot_facts: Vec::new(),
            acronyms: Default::default(),
            analyzer: analyzer.into(),
            workspaces: Default::default(),
        };
        let started = std::time::Instant::now();
        let reused = unchanged_slots(&corpus, previous);
        let passages: usize = corpus.documents.iter().map(|d| d.passages.len()).sum();
        // A reload after a few changes keeps the served index's ids (`continued.rs`).
        let continued = previous.filter(|p| continued::continues(p, &reused, passages));
        let Tokenized { vocabulary, previous_ids } = index.tokenize(&corpus, previous, (&reused, passages), continued.is_some(), share);
        index.occurrences = match continued {
            Some(previous) => continued::occurrences_after(previous, &reused, &index, vocabulary.len()),
            None => continued::count_occurrences(&index.word_store, vocabulary.len()),
        };
        let tokenized = started.elapsed();
        let analysis = match continued {
            Some(previous) => continued_words(&index.analyzer, &vocabulary, previous, share, &mut index.terms),
            None => {
                let known = (previous, previous_ids.as_slice());
                analysed_words(&index.analyzer, &vocabulary, known, share, &mut index.terms)
            }
        };
        let (words, numbers) = (analysis.words, analysis.numbers);
        let analysed_at = started.elapsed();
        index.words = words;
        index.plain_stems = index
            .words
            .iter()
            .map(|w| if w.parts.is_empty() && w.alias.is_none() { w.stem } else { HAS_FORMS })
            .collect();
        let mut field_texts = FieldTexts::after(previous, continued.is_some());
        for (document, slots) in corpus.documents.iter().zip(&reused) {
            let earlier = previous.zip(slots.as_ref()).map(|(p, slots)| p.slot_documents[slots.start as usize] as usize);
            index.add_document_fields(document, earlier, &mut field_texts);
        }
        index.keep_fields(field_texts);
        let reuse = previous.filter(|_| worth_reusing(&reused, index.passages.len()));
        let postings = |index: &mut Index| match reuse {
            Some(previous) => index.add_reused_postings(previous, &reused, &analysis.previous_terms),
            None => index.add_postings(),
        };
        let typos = || match previous {
            Some(previous) => TypoIndex::after(&previous.typos, vocabulary.iter(), |w| previous_ids[w] != u32::MAX),
            None => TypoIndex::new(vocabulary.iter()),
        };
        let words_in_order = || match previous {
            Some(previous) => WordsInOrder::after(&previous.words_in_order, &previous_ids, &vocabulary),
            None => WordsInOrder::new(&vocabulary),
        };
        if share.threads() > 1 {
            std::thread::scope(|scope| {
                let typos = scope.spawn(|| (typos(), words_in_order()));
                postings(&mut index);
                (index.typos, index.words_in_order) =
                    typos.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            });
        } else {
            postings(&mut index);
            index.typos = typos();
            index.words_in_order = words_in_order();
        }
        let postings_at = started.elapsed();
        index.count_frequencies();
        index.numbers = numbers;
        index.vocabulary = vocabulary;
        index.vocabulary.shrink_to_fit();
        index.terms.names.shrink_to_fit();
        index.documents = corpus.documents;
        index.diagnostics = corpus.diagnostics;
        index.slot_facts = slot_facts(&index);
        index.terms.live = continued::live_terms(&index);
        index.acronyms = match continued.filter(|p| continued::same_acronyms(p, &index)) {
            Some(previous) => Arc::clone(&previous.acronyms),
            None => Arc::new(Acronyms::of_titles(&index)),
        };
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        tracing::debug!(
            tokens_ms = ms(tokenized),
            analysis_ms = ms(analysed_at - tokenized),
            postings_and_typos_ms = ms(postings_at - analysed_at),
            rest_ms = ms(started.elapsed() - postings_at),
            words = index.vocabulary.len(),
            dead_words = index.dead_words(),
            continued = continued.is_some(),
            tokens = index.word_store.len(),
            postings = index.whole.total() + index.parts.total(),
            "index built"
        );
        index
    }

    /// Step 1: the passages' content words with word ids; returns the distinct words in
    /// id order, with each one's id in `previous` when it held it. A document whose text
    /// `previous` indexed too takes its passages' words from there (by word id, renumbered)
    /// instead of reading its text again; ids come out in the same order either way, unless
    /// the build is `continued` from `previous` (`continued.rs`): then the vocabulary starts
    /// as the previous one, and an unchanged document's word ids are copied as they are.
    /// `reused`: per document, the previous index's slots of it when it is unchanged;
    /// `passages`: how many passages the corpus has.
    fn tokenize(
        &mut self,
        corpus: &Corpus,
        previous: Option<&Index>,
        (reused, passages): (&Reused, usize),
        continued: bool,
        share: Share,
    ) -> Tokenized {
        // A fresh build reads every passage, on every core.
        let mut fresh = match previous {
            None => passage_words(corpus, &self.analyzer, share),
            Some(_) => PassageWords::default(),
        };
        let mut vocabulary = std::mem::take(&mut fresh.vocabulary);
        let mut fresh_ends = fresh.ends.iter().copied();
        let mut fresh_dated = fresh.dated.iter().copied();
        self.word_store = std::mem::take(&mut fresh.words);
        // A reload's words are about as many as the index being served holds: room for those
        // and a few more, so that a small change neither grows nor shrinks (copies) the store.
        self.word_store.reserve(previous.map_or(0, |p| p.word_store.len() + p.word_store.len() / 16));
        match previous {
            Some(previous) if continued => vocabulary = previous.vocabulary.clone(),
            Some(previous) => vocabulary.reserve(previous.vocabulary.len(), previous.vocabulary.text_len()),
            None => {}
        }
        self.passages.reserve_exact(passages);
        self.slot_documents.reserve_exact(passages);
        let mut renumbered = Renumbering::new(previous, continued);
        let mut buffers = WordBuffers::default();
        let mut texts = TextReader::default();
        // Where the next passage's words start in the word store.
        let mut words_start = 0u32;
        // Slots per kind of passage, by `kind_index`.
        let mut by_kind: [Vec<u32>; KINDS.len()] = Default::default();
        for (d, document) in corpus.documents.iter().enumerate() {
            if let (Some(slots), Some(previous)) = (&reused[d], previous) {
                // An unchanged document: its passages as the served index read them, its words
                // copied (or renumbered) in one run.
                let new_start = self.word_store.len() as u32;
                let old_start = renumbered.words(slots.clone(), &mut vocabulary, &mut self.word_store);
                for old in &previous.passages[slots.start as usize..slots.end as usize] {
                    let words = old.words.start - old_start + new_start..old.words.end - old_start + new_start;
                    self.add_passage(d, IndexedPassage { words, ..*old }, &mut by_kind);
                }
                words_start = self.word_store.len() as u32;
                self.document_starts.push(self.passages.len() as u32);
                continue;
            }
            let words_before = vocabulary.len();
            for passage in document.passages.iter() {
                let start = words_start;
                let dated = if previous.is_none() {
                    words_start = fresh_ends.next().unwrap_or(start);
                    fresh_dated.next().unwrap_or(false)
                } else {
                    let store = &mut self.word_store;
                    add_content_words(texts.read(&passage.text), &self.analyzer, &mut vocabulary, &mut buffers, |id| store.push(id));
                    words_start = self.word_store.len() as u32;
                    is_dated(passage, &mut texts)
                };
                let indexed = IndexedPassage {
                    kind: passage.kind,
                    opening: is_opening(passage),
                    dated,
                    words: start..words_start,
                };
                self.add_passage(d, indexed, &mut by_kind);
            }
            renumbered.note_new_words(&vocabulary, words_before);
            self.document_starts.push(self.passages.len() as u32);
        }
        self.by_kind = KINDS.iter().zip(by_kind).filter(|(_, slots)| !slots.is_empty()).map(|(&k, s)| (k, s)).collect();
        if self.word_store.spare_bytes() > self.word_store.capacity_bytes() / 9 {
            self.word_store.shrink_to_fit();
        }
        let previous_ids = renumbered.previous_ids(&vocabulary);
        Tokenized { vocabulary, previous_ids }
    }

    /// Adds a passage in the next slot, in its document's passages (the one being added).
    fn add_passage(&mut self, document: usize, indexed: IndexedPassage, by_kind: &mut [Vec<u32>; KINDS.len()]) {
        let slot = self.passages.len() as u32;
        by_kind[kind_index(indexed.kind)].push(slot);
        if indexed.opening {
            self.openings.push(slot);
        }
        self.slot_documents.push(document as u32);
        self.passages.push(indexed);
    }

    /// Step 4: postings of whole words, OCR aliases and compound parts, counted from every
    /// passage's words (see `reused_postings.rs` for a reload's).
    fn add_postings(&mut self) {
        let Index { passages, words, word_store, .. } = self;
        let words_of = |passage: &IndexedPassage| word_store.words(passage.words.clone());
        // The lists allocated once at their sizes: no regrowth, no spare capacity held.
        let (whole_sizes, part_sizes) = posting_list_sizes(passages, words, self.terms.len(), words_of);
        let mut whole = Lists::of_sizes(&whole_sizes, Posting::once(0));
        let mut parts = Lists::of_sizes(&part_sizes, Posting::once(0));
        // Per term: postings written so far.
        let (mut whole_filled, mut parts_filled) = (vec![0u32; whole.len()], vec![0u32; parts.len()]);
        for (slot, passage) in passages.iter().enumerate() {
            for word in words_of(passage).iter() {
                let word = &words[word as usize];
                for term in std::iter::once(word.stem).chain(word.alias) {
                    let term = term as usize;
                    add_posting(whole.list_mut(term), &mut whole_filled[term], slot as u32);
                }
                for &part in word.parts.iter() {
                    let part = part as usize;
                    add_posting(parts.list_mut(part), &mut parts_filled[part], slot as u32);
                }
            }
        }
        debug_assert!(whole_filled == whole_sizes && parts_filled == part_sizes, "every list filled to its size");
        (self.whole, self.parts) = (whole, parts);
    }
}

/// Per term: the number of passages holding it as a whole word (or alias), and as a
/// compound part, i.e. the lengths of its postings lists.
fn posting_list_sizes<'a>(
    passages: &'a [IndexedPassage],
    words: &[IndexedWord],
    terms: usize,
    words_of: impl Fn(&'a IndexedPassage) -> Words<'a>,
) -> (Vec<u32>, Vec<u32>) {
    let (mut whole, mut parts) = (vec![0u32; terms], vec![0u32; terms]);
    let (mut whole_last, mut parts_last) = (vec![u32::MAX; terms], vec![u32::MAX; terms]);
    let count = |sizes: &mut [u32], last: &mut [u32], term: u32, slot: u32| {
        if std::mem::replace(&mut last[term as usize], slot) != slot {
            sizes[term as usize] += 1;
        }
    };
    for (slot, passage) in passages.iter().enumerate() {
        for word in words_of(passage).iter() {
            let word = &words[word as usize];
            for term in std::iter::once(word.stem).chain(word.alias) {
                count(&mut whole, &mut whole_last, term, slot as u32);
            }
            for &part in word.parts.iter() {
                count(&mut parts, &mut parts_last, part, slot as u32);
            }
        }
    }
    (whole, parts)
}

/// Every kind of passage, in the order of [`kind_index`].
const KINDS: [PassageKind; 5] =
    [PassageKind::Heading, PassageKind::Addressee, PassageKind::Body, PassageKind::Footnote, PassageKind::Signature];

fn kind_index(kind: PassageKind) -> usize {
    match kind {
        PassageKind::Heading => 0,
        PassageKind::Addressee => 1,
        PassageKind::Body => 2,
        PassageKind::Footnote => 3,
        PassageKind::Signature => 4,
    }
}

/// What step 1 gives the others.
struct Tokenized {
    /// Distinct folded words, by word id.
    vocabulary: Interner,
    /// Per word id: its id in the previous index (`u32::MAX`: new, or no previous index).
    previous_ids: Vec<u32>,
}


#[cfg(test)]
impl Index {
    /// The analysis this index made of a word, if it holds it.
    fn analysed(&self, folded: &str) -> Option<Analysed> {
        let word_id = self.vocabulary.get(folded)?;
        let word = &self.words[word_id as usize];
        let name = |term| self.terms.name(term).to_string();
        Some(Analysed {
            stem: name(word.stem),
            parts: word.parts.iter().map(|&p| name(p)).collect(),
            alias: word.alias.map(name),
            number: self.numbers[word_id as usize],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{load_corpus, Source};
    use crate::search::index::{Posting, TermId};

    fn corpus(folder: &str, analyzer: &Analyzer) -> Corpus {
        load_corpus(Source::Folder(folder.as_ref()), analyzer).expect("fixture loads")
    }

    /// An index built after another (as a reload builds it) is the index a fresh build
    /// makes: the same words, analyses, terms and postings.
    #[test]
    fn a_build_that_reuses_the_previous_analysis_is_the_same_index() {
        let analyzer = Analyzer::default();
        let previous = Index::build(corpus("tests/fixtures/two-letters", &analyzer), Analyzer::default());
        let fresh = Index::build(corpus("tests/fixtures/corpus", &analyzer), Analyzer::default());
        let reused =
            Index::build_after(corpus("tests/fixtures/corpus", &analyzer), Analyzer::default(), Some(&previous));
        assert!(previous.vocabulary.iter().any(|w| reused.vocabulary.get(w).is_some()), "some words are reused");
        assert_eq!(fresh.vocabulary, reused.vocabulary);
        let names = |index: &Index| -> Vec<String> {
            (0..index.terms.len()).map(|t| index.terms.name(t as TermId).to_string()).collect()
        };
        assert_eq!(names(&fresh), names(&reused));
        for word in fresh.vocabulary.iter() {
            let (a, b) = (fresh.analysed(word).unwrap(), reused.analysed(word).unwrap());
            assert_eq!((a.stem, a.parts, a.alias), (b.stem, b.parts, b.alias), "{word}");
        }
        let slots = |postings: &Lists<Posting>| -> Vec<Vec<u32>> {
            postings.iter().map(|p| p.iter().map(|p| p.slot()).collect()).collect()
        };
        assert_eq!(slots(&fresh.whole), slots(&reused.whole));
        assert_eq!(slots(&fresh.parts), slots(&reused.parts));
    }

    /// The words found again in a passage's text are the words its store holds, one for one
    /// and of the same word (a joined te-infinitive, a separable verb written apart, a word
    /// with an elision hyphen and a noun after an article included), so
    /// a quote's matched words are the words that matched.
    #[test]
    fn content_tokens_are_the_passage_words_found_again() {
        let analyzer = Analyzer::default();
        let index = Index::build(corpus("tests/fixtures/corpus", &analyzer), Analyzer::default());
        let mut joined = 0;
        for slot in 0..index.passages.len() {
            let text = index.passage(index.passage_id(slot)).text.get();
            let tokens: Vec<(std::ops::Range<usize>, u32)> = index.content_tokens(slot, &text).collect();
            assert_eq!(tokens.len(), index.words_of(&index.passages[slot]).iter().count(), "{text}");
            for (range, word) in tokens {
                let written = crate::text::fold(&text[range]);
                let indexed = index.vocabulary.name(word);
                joined += usize::from(written != indexed);
                let (verb, elided) = (indexed.ends_with(&written), indexed.starts_with(&written));
                assert!(verb || elided, "{written} is {indexed}");
            }
        }
        assert!(joined > 0, "the corpus has a te-infinitive written apart");
    }
}

/// Per slot: what scoring reads of every candidate (see [`Index::slot_facts`]). A passage's
/// length is taken relative to its own document's average: BM25 then ranks each document's
/// paragraphs as it would alone, and a letter written in long paragraphs is not outranked by
/// one in short paragraphs for being long-winded.
fn slot_facts(index: &Index) -> Vec<SlotFacts> {
    let average_length = |slots: &[u32]| {
        let passages = &index.passages[slots[0] as usize..slots[1] as usize];
        let total: f32 = passages.iter().map(IndexedPassage::length).sum();
        (total / passages.len().max(1) as f32).max(1.0)
    };
    let averages: Vec<f32> = index.document_starts.windows(2).map(average_length).collect();
    let facts = |(slot, p): (usize, &IndexedPassage)| SlotFacts {
        relative_length: p.length() / averages[index.slot_documents[slot] as usize],
        kind: p.kind,
        opening: p.opening,
        dated: p.dated,
    };
    index.passages.iter().enumerate().map(facts).collect()
}
