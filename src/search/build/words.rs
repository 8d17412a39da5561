//! Step 1 of a fresh build on every core: each passage's content words as word ids, the
//! distinct words numbered in order of first occurrence.
//!
//! Each thread numbers the words of a contiguous run of passages on its own; the runs are
//! then joined in order, each run's words that are new taking the next ids in its own order,
//! so the ids are the ones one thread reading every passage in order would give.

use std::ops::Range;

use crate::search::interner::Interner;
use crate::search::word_store::WordStore;
use crate::document::text::TextReader;
use crate::document::{Corpus, Passage};
use crate::parallel::{map_in_order, Share};
use crate::search::question_types::is_dated;
use crate::text::separable::{ApartVerbs, Join};
use crate::text::{analyzer::Analyzer, fold_into, word_spans};

/// Passages' words as ids into a vocabulary.
#[derive(Default)]
pub(in crate::search) struct PassageWords {
    pub(in crate::search) vocabulary: Interner,
    /// Every passage's content words, one passage after another.
    pub(in crate::search) words: WordStore,
    /// Per passage of the corpus, in order: where its words end in `words`.
    pub(in crate::search) ends: Vec<u32>,
    /// Per passage of the corpus, in order: whether it is dated (`question_types::is_dated`),
    /// found while its text is at hand.
    pub(in crate::search) dated: Vec<bool>,
}

/// A run's passages' words, numbered within the run: unpacked, as they live only until
/// the runs are joined.
#[derive(Default)]
struct Run {
    vocabulary: Interner,
    words: Vec<u32>,
    ends: Vec<u32>,
    dated: Vec<bool>,
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
    let mut buffers = WordBuffers::default();
    let mut texts = TextReader::default();
    for passage in run {
        let Run { vocabulary, words: store, .. } = &mut words;
        add_content_words(texts.read(&passage.text), analyzer, vocabulary, &mut buffers, |id| store.push(id));
        words.ends.push(words.words.len() as u32);
        words.dated.push(is_dated(passage, &mut texts));
    }
    words
}

/// What [`for_each_content_word`] finds in a text, in order.
pub(in crate::search) trait WordSink {
    /// The next word the index holds, at `range` in the text.
    fn word(&mut self, range: Range<usize>, word: &str);
    /// The `nth` word given (from 0, in this text) is `word` instead: a verb whose particle
    /// came after it (`leggen ... aan` is `aanleggen`).
    fn rename(&mut self, nth: usize, word: &str);
}

/// Buffers [`add_content_words`] reuses from one passage to the next.
#[derive(Default)]
pub(in crate::search) struct WordBuffers {
    /// A word's folded form.
    folded: String,
    /// The passage's words, one after another, and where each stands in `arena`: a word is
    /// numbered only once the passage is read, when a verb whose particle came after it has
    /// been renamed (no word enters the vocabulary that no passage holds).
    arena: String,
    spans: Vec<Range<usize>>,
}

/// Gives the ids of the content words of `text` to `add`, numbering new words; `buffers`
/// are reused (a word is copied into the vocabulary only when it is new).
pub(super) fn add_content_words(
    text: &str,
    analyzer: &Analyzer,
    vocabulary: &mut Interner,
    buffers: &mut WordBuffers,
    mut add: impl FnMut(u32),
) {
    struct Kept<'a> {
        arena: &'a mut String,
        spans: &'a mut Vec<Range<usize>>,
    }
    impl Kept<'_> {
        fn put(&mut self, word: &str) -> Range<usize> {
            self.arena.push_str(word);
            self.arena.len() - word.len()..self.arena.len()
        }
    }
    impl WordSink for Kept<'_> {
        fn word(&mut self, _: Range<usize>, word: &str) {
            let span = self.put(word);
            self.spans.push(span);
        }
        fn rename(&mut self, nth: usize, word: &str) {
            self.spans[nth] = self.put(word);
        }
    }
    let WordBuffers { folded, arena, spans } = buffers;
    arena.clear();
    spans.clear();
    for_each_content_word(text, analyzer, folded, &mut Kept { arena, spans });
    spans.iter().for_each(|span| add(vocabulary.intern(&arena[span.clone()])));
}

/// Gives `sink` the byte range and the indexed form of every word of `text` the index
/// holds, in order: a content word, a stop word that is a noun after an article (`de
/// staat`), a separable te-infinitive as its verb (`in te *richten*` as `inrichten`), and
/// a separable verb written apart in a main clause as the joined verb, in the verb's place
/// (`*leggen* wadi's aan` as `aanleggen`, renamed when its particle comes), or after the
/// particle when the verb is a stop word on its own (`gaat ... in` adds `ingaat`, with the
/// verb's range, so ranges are in order but for such a verb).
/// The one place that decides which words a passage's word store holds, for the build and
/// for finding the words again in the text ([`Index::content_tokens`]).
///
/// [`Index::content_tokens`]: crate::search::index::Index::content_tokens
pub(in crate::search) fn for_each_content_word(
    text: &str,
    analyzer: &Analyzer,
    folded: &mut String,
    sink: &mut impl WordSink,
) {
    // The two words before this one, folded.
    let (mut before_te, mut previous) = (String::new(), String::new());
    let mut apart = ApartVerbs::default();
    let mut elided = Elided::default();
    let (mut last_end, mut given) = (0, 0);
    for (start, end) in word_spans(text) {
        fold_into(&text[start..end], folded);
        if let Some(join) = apart.resolve(&text[last_end..start], folded, analyzer) {
            given += joined_verb(sink, join);
        }
        elided.read(&text[last_end..start], &previous, folded, analyzer, sink);
        last_end = end;
        let infinitive = (previous == "te").then(|| analyzer.separable_infinitive(&before_te, folded)).flatten();
        let kept = match &infinitive {
            Some(verb) => Some(verb.as_str()),
            None if analyzer.is_content_word(folded) || analyzer.is_noun_after_article(&previous, folded) => {
                Some(folded.as_str())
            }
            None => None,
        };
        let number = kept.map(|word| {
            sink.word(start..end, word);
            given += 1;
            given - 1
        });
        elided.last = number;
        apart.push(text, start..end, folded, number, analyzer);
        std::mem::swap(&mut before_te, &mut previous);
        previous.clear();
        previous.push_str(folded);
    }
    if let Some(join) = apart.finish() {
        joined_verb(sink, join);
    }
}

/// Words written with an elision hyphen (`wet-` in `wet- en regelgeving`, `sport-,
/// cultuur- en welzijnsorganisaties`) waiting for the compound after the conjunction that
/// completes them; each is then renamed to its whole compound (`wetgeving`) when
/// [`Analyzer::elided_compound`] finds one.
#[derive(Default)]
struct Elided {
    /// The given number of the word read last, if it was given.
    last: Option<usize>,
    /// The elided words so far: given number and folded form.
    waiting: Vec<(usize, String)>,
    /// Whether `en`, `of` or `noch` came after them.
    after_conjunction: bool,
}

impl Elided {
    /// Reads the next word, `folded`, with the text `gap` before it and the word before it.
    fn read(&mut self, gap: &str, previous: &str, folded: &str, analyzer: &Analyzer, sink: &mut impl WordSink) {
        let elision = gap.strip_prefix('-').is_some_and(|rest| {
            !rest.is_empty() && rest.chars().all(|c| c.is_whitespace() || c == ',')
        });
        if elision {
            self.waiting.extend(self.last.map(|nth| (nth, previous.to_string())));
            self.after_conjunction = matches!(folded, "en" | "of" | "noch");
            return;
        }
        if self.after_conjunction {
            for (nth, modifier) in &self.waiting {
                if let Some(whole) = analyzer.elided_compound(modifier, folded) {
                    sink.rename(*nth, &whole);
                }
            }
        }
        self.waiting.clear();
        self.after_conjunction = false;
    }
}

/// Gives `sink` a separable verb found apart; returns how many words that added.
fn joined_verb(sink: &mut impl WordSink, join: Join) -> usize {
    match join {
        Join::Rename(verb, joined) => {
            sink.rename(verb, &joined);
            0
        }
        Join::Add(verb, joined) => {
            sink.word(verb, &joined);
            1
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
        all.dated.extend(run.dated);
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
        let mut words: Vec<u32> = Vec::new();
        add_content_words(text, &analyzer, &mut vocabulary, &mut WordBuffers::default(), |id| words.push(id));
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

    /// A word written with an elision hyphen is indexed as the compound the next one
    /// completes (`wet- en regelgeving` says `wetgeving`), in its own place; one that no
    /// compound completes stays itself (`basis- en voortgezet`).
    #[test]
    fn a_word_with_an_elision_hyphen_is_indexed_as_its_whole_compound() {
        let text = "Knelpunten in wet- en regelgeving, sport-, cultuur- en muziekverenigingen; basis- en voortgezet onderwijs.";
        let expected = [
            "knelpunten", "wetgeving", "regelgeving", "sportverenigingen", "cultuurverenigingen",
            "muziekverenigingen", "basis", "voortgezet", "onderwijs",
        ];
        assert_eq!(indexed_words(text), expected);
    }

    /// A stop word that is a noun right after `de` or `een` is indexed there, and only there.
    #[test]
    fn a_stop_word_that_is_a_noun_after_an_article_is_indexed_there() {
        let text = "Het staat vast dat de staat hulp biedt; wat staat er in een staat? Voor een ieder, ieder jaar.";
        assert_eq!(indexed_words(text), ["vast", "staat", "hulp", "biedt", "staat", "ieder", "jaar"]);
    }
}
