//! Step 1 of a fresh build on every core: each passage's content words as word ids, the
//! distinct words numbered in order of first occurrence.
//!
//! Each thread numbers the words of a contiguous run of passages on its own; the runs are
//! then joined in order, each run's words that are new taking the next ids in its own order,
//! so the ids are the ones one thread reading every passage in order would give.

use std::collections::VecDeque;
use std::ops::Range;

use crate::search::interner::Interner;
use crate::search::word_store::WordStore;
use crate::document::{Corpus, Passage};
use crate::parallel::{map_in_order, Share};

use crate::text::separable::{ends_clause, ApartVerbs, VERB_REACH};
use crate::text::{analyzer::Analyzer, fold_into, word_spans};

/// Passages' words as ids into a vocabulary.
#[derive(Default)]
pub(in crate::search) struct PassageWords {
    pub(in crate::search) vocabulary: Interner,
    /// Every passage's content words, one passage after another.
    pub(in crate::search) words: WordStore,
    /// Per passage of the corpus, in order: where its words end in `words`.
    pub(in crate::search) ends: Vec<u32>,
}

/// A run's passages' words, numbered within the run: unpacked, as they live only until
/// the runs are joined.
#[derive(Default)]
struct Run {
    vocabulary: Interner,
    words: Vec<u32>,
    ends: Vec<u32>,
}

/// The content words of every passage of `corpus`, numbered.
pub(in crate::search) fn passage_words(corpus: &Corpus, analyzer: &Analyzer, share: Share) -> PassageWords {
    let passages: Vec<&Passage> = corpus.documents.iter().flat_map(|d| d.passages.iter()).collect();
    let run = passages.len().div_ceil(share.threads()).max(1);
    let runs: Vec<&[&Passage]> = passages.chunks(run).collect();
    let numbered = map_in_order(share, &runs, |run| numbered_run(run, analyzer));
    joined(numbered)
}

/// A run of passages' words, numbered within the run.
fn numbered_run(run: &[&Passage], analyzer: &Analyzer) -> Run {
    let mut words = Run::default();
    // One buffer for every word's folded form: a word is copied only when it is new.
    let mut folded = String::new();
    for passage in run {
        let Run { vocabulary, words: store, .. } = &mut words;
        add_content_words(&passage.text, analyzer, vocabulary, &mut folded, |id| store.push(id));
        words.ends.push(words.words.len() as u32);
    }
    words
}

/// Gives the ids of the content words of `text` to `add`, numbering new words; `folded` is
/// the buffer each word is folded into (a word is copied only when it is new).
pub(super) fn add_content_words(
    text: &str,
    analyzer: &Analyzer,
    vocabulary: &mut Interner,
    folded: &mut String,
    mut add: impl FnMut(u32),
) {
    for_each_content_word(text, analyzer, folded, |_, word| add(vocabulary.intern(word)));
}

/// Calls `each` with the byte range and the indexed form of every word of `text` the index
/// holds, in order: a content word, a stop word that is a noun after an article (`de
/// staat`), a separable te-infinitive as its verb (`in te *richten*` as `inrichten`), and
/// a separable verb written apart in a main clause as the joined verb, at the verb's place
/// (`*leggen* wadi's aan` as `aanleggen`).
/// The one place that decides which words a passage's word store holds, for the build and
/// for finding the words again in the text ([`Index::content_tokens`]).
///
/// [`Index::content_tokens`]: crate::search::index::Index::content_tokens
pub(in crate::search) fn for_each_content_word(
    text: &str,
    analyzer: &Analyzer,
    folded: &mut String,
    mut each: impl FnMut(Range<usize>, &str),
) {
    // The two words before this one, folded.
    let (mut before_te, mut previous) = (String::new(), String::new());
    let mut apart = ApartVerbs::default();
    // A verb's particle may follow it: its words are held until the reach has passed.
    let mut held = Held::default();
    let mut last_end = 0;
    for (start, end) in word_spans(text) {
        fold_into(&text[start..end], folded);
        let gap = &text[last_end..start];
        if let Some((verb, joined)) = apart.word(gap, folded, start..end, analyzer) {
            held.replace(verb, &joined);
        }
        if ends_clause(gap) {
            held.flush(&mut each);
        }
        last_end = end;
        let joined = (previous == "te").then(|| analyzer.separable_infinitive(&before_te, folded)).flatten();
        match joined {
            Some(verb) => held.push(start..end, &verb, &mut each),
            None if analyzer.is_content_word(folded) || analyzer.is_noun_after_article(&previous, folded) => {
                held.push(start..end, folded, &mut each)
            }
            None => {}
        }
        std::mem::swap(&mut before_te, &mut previous);
        previous.clear();
        previous.push_str(folded);
    }
    if let Some((verb, joined)) = apart.finish() {
        held.replace(verb, &joined);
    }
    held.flush(&mut each);
}

/// The last words of a clause, held back from `each` while a particle may still join one of
/// them (see [`ApartVerbs`]): at most [`VERB_REACH`] and the word after the particle. Their
/// strings are reused, so holding costs no allocation per word.
#[derive(Default)]
struct Held {
    words: VecDeque<(Range<usize>, String)>,
    spare: Vec<String>,
}

impl Held {
    fn push(&mut self, range: Range<usize>, word: &str, each: &mut impl FnMut(Range<usize>, &str)) {
        let mut owned = self.spare.pop().unwrap_or_default();
        owned.clear();
        owned.push_str(word);
        self.words.push_back((range, owned));
        while self.words.len() > VERB_REACH + 1 {
            self.emit_first(each);
        }
    }

    /// The held word at `range` becomes the joined verb.
    fn replace(&mut self, range: Range<usize>, joined: &str) {
        if let Some((_, word)) = self.words.iter_mut().find(|(r, _)| *r == range) {
            word.clear();
            word.push_str(joined);
        }
    }

    fn flush(&mut self, each: &mut impl FnMut(Range<usize>, &str)) {
        while !self.words.is_empty() {
            self.emit_first(each);
        }
    }

    fn emit_first(&mut self, each: &mut impl FnMut(Range<usize>, &str)) {
        if let Some((range, word)) = self.words.pop_front() {
            each(range, &word);
            self.spare.push(word);
        }
    }
}

/// Runs joined in order, their ids renumbered into one vocabulary.
fn joined(runs: Vec<Run>) -> PassageWords {
    let mut all = PassageWords::default();
    all.words.reserve(runs.iter().map(|r| r.words.len()).sum());
    for run in runs {
        let ids: Vec<u32> =
            run.vocabulary.iter().map(|word| all.vocabulary.intern(word)).collect();
        let offset = all.words.len() as u32;
        run.words.iter().for_each(|&id| all.words.push(ids[id as usize]));
        all.ends.extend(run.ends.iter().map(|&end| offset + end));
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{load_corpus, Source};

    /// Numbering on two threads gives the ids one thread gives.
    #[test]
    fn words_numbered_in_runs_are_numbered_as_in_one() {
        let analyzer = Analyzer::default();
        let corpus = load_corpus(Source::Folder("tests/fixtures/corpus".as_ref()), &analyzer).expect("fixture");
        let passages: Vec<&Passage> = corpus.documents.iter().flat_map(|d| d.passages.iter()).collect();
        let one = numbered_run(&passages, &analyzer);
        let (first, second) = passages.split_at(passages.len() / 3);
        let two = joined(vec![numbered_run(first, &analyzer), numbered_run(second, &analyzer)]);
        assert_eq!(one.vocabulary, two.vocabulary);
        assert_eq!((one.words.iter().copied().collect::<WordStore>(), one.ends), (two.words, two.ends));
        assert!(one.vocabulary.len() > 1000, "a corpus of many words");
    }

    /// The content words `add_content_words` gives for `text`, in order.
    fn indexed_words(text: &str) -> Vec<String> {
        let analyzer = Analyzer::default();
        let mut vocabulary = Interner::default();
        let mut words = Vec::new();
        add_content_words(text, &analyzer, &mut vocabulary, &mut String::new(), |id| words.push(id));
        words.iter().map(|&id| vocabulary.name(id).to_string()).collect()
    }

    /// A te-infinitive of a separable verb written apart is indexed as the verb (`in te
    /// richten`, and `mee te doen`, whose `doen` alone is a stop word); `om te` opens a clause
    /// of purpose, and a particle that no verb follows joins nothing.
    #[test]
    fn a_separable_te_infinitive_is_indexed_as_its_verb() {
        let text = "Mensen willen hun leven zelf in te richten en mee te doen, om te gaan werken in te grote wijken.";
        let expected = ["mensen", "willen", "leven", "inrichten", "mee", "meedoen", "werken", "grote", "wijken"];
        assert_eq!(indexed_words(text), expected);
    }

    /// A separable verb written apart in a main clause is indexed as the joined verb, in the
    /// verb's place; a particle before a noun phrase joins nothing (`op *hun* werk`).
    #[test]
    fn a_separable_verb_written_apart_is_indexed_as_the_joined_verb() {
        let text = "Gemeenten leggen wadi's aan en lopen vast op hun werk. Zij werken met scholen samen.";
        let expected = ["gemeenten", "aanleggen", "wadi", "lopen", "vast", "werk", "samenwerken", "scholen", "samen"];
        assert_eq!(indexed_words(text), expected);
    }

    /// A stop word that is a noun right after `de` or `een` is indexed there, and only there.
    #[test]
    fn a_stop_word_that_is_a_noun_after_an_article_is_indexed_there() {
        let text = "Het staat vast dat de staat hulp biedt; wat staat er in een staat? Voor een ieder, ieder jaar.";
        assert_eq!(indexed_words(text), ["vast", "staat", "hulp", "biedt", "staat", "ieder", "jaar"]);
    }
}
