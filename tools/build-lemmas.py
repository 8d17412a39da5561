"""Writes the candidates for `data/lemmas-nl.txt`: irregular Dutch inflections with their
lemma (`liepen lopen`, `steden stad`, `paden pad`, `kansje kans`), which the analyzer brings
to the lemma's stem where the Kraaij-Pohlmann stemmer keeps the two apart (`liepen` -> `liep`
beside `lopen` -> `loop`, `paden` -> `paad` beside `pad`), so `fietspaden` meets `fietspad`
and `liepen vertraging op` meets `vertraging oplopen`.

Source: spaCy's lookup tables (PyPI `spacy-lookups-data` 1.0.5, MIT, github.com/explosion/
spacy-lookups-data): `nl_lemma_exc.json.gz` (the irregular forms of nouns and verbs) and
`nl_lemma_lookup.json.gz` (word form -> lemma). Kept, folded: a form whose lemma is a noun or
verb of `nl_lemma_index.json.gz`, starting with the same letter (so no suppletive degrees:
`beter` -> `goed`, `eerder` -> `vroeg`), both in the OpenTaal word list (Debian `wdutch`),
neither a stop word, the form at `wordfreq` Zipf >= 2.5. Left out: a form that is itself a
lemma of any of spaCy's word classes (`wegen`, `dagen`), a form given two lemmas, and past
participles (`ge-` where the lemma has none: `meegedaan`, `opgelopen`), which are often
adjectives with a meaning of their own (`gesloten`, `gewend`).

Measured and left out: the participles (session 45: they let a synonym of a question word
reach a participle in another letter, `participatie` -> `meedoen` meeting `meegedaan`, and
one more near-miss of the other letters' test half got a quote).

The candidates are then kept only where the analyzer without the table gives the form and
its lemma different stems (`examples/lemma_filter.rs`).

Usage:
  pip download --no-deps spacy-lookups-data==1.0.5 && unzip spacy_lookups_data-*.whl 'spacy_lookups_data/data/nl_*'
  pip install wordfreq
  python3 tools/build-lemmas.py spacy_lookups_data/data /usr/share/dict/dutch \
    | cargo run --release -q --features internals --example lemma_filter > data/lemmas-nl.txt
"""
import gzip, json, sys, unicodedata
import wordfreq
data_dir, dutch_list = sys.argv[1:3]
def fold(w):
    return "".join(c for c in unicodedata.normalize("NFD", w.lower()) if not unicodedata.combining(c))
def load(name):
    return json.load(gzip.open(f"{data_dir}/nl_lemma_{name}.json.gz"))
words = {fold(w.strip()) for w in open(dutch_list, encoding="utf-8") if w.strip() == w.strip().lower()}
stop = set()
for line in open("data/stopwords-nl.txt", encoding="utf-8"):
    line = line.split("#")[0]
    stop.update(line.split())
index = load("index")
lemma_of_any = {fold(l) for pos in index.values() for l in pos}
open_class = {fold(l) for pos in ("noun", "verb") for l in index.get(pos, [])}
pairs = {}


def is_participle(form, lemma):
    """`ge-` after a part the form shares with its lemma, where the lemma has none there."""
    start = form.find("ge")
    while start >= 0:
        if form[:start] == lemma[:start] and lemma[start:start + 2] != "ge":
            return True
        start = form.find("ge", start + 1)
    return False


def offer(form, lemma):
    form, lemma = fold(form), fold(lemma)
    if form == lemma or not form.isalpha() or not lemma.isalpha() or len(form) < 3:
        return
    if form in lemma_of_any or lemma not in open_class:
        return
    if form not in words or lemma not in words or form in stop or lemma in stop:
        return
    if form[0] != lemma[0]:
        return
    if wordfreq.zipf_frequency(form, "nl") < 2.5:
        return
    if pairs.get(form, lemma) != lemma:
        pairs[form] = None  # two lemmas: ambiguous
        return
    pairs[form] = lemma
exc = load("exc")
for pos in ("noun", "verb"):
    for form, lemmas in exc[pos].items():
        if len(lemmas) == 1:
            offer(form, lemmas[0])
        else:
            pairs[fold(form)] = None
for form, lemma in load("lookup").items():
    offer(form, lemma)
for form in sorted(pairs):
    if pairs[form] and not is_participle(form, pairs[form]):
        print(form, pairs[form])
