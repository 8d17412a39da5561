"""Exports word frequencies from the `wordfreq` package (Robyn Speer; data CC-BY-SA 4.0) as
`word<TAB>zipf*100` lines, for `cargo run --example build_lexicon -- freq IN OUT`.

Usage: pip install wordfreq && python3 tools/export-wordfreq.py nl 120000 > /tmp/nl.tsv
"""
import sys

import wordfreq

lang, count = sys.argv[1], int(sys.argv[2])
for word in wordfreq.top_n_list(lang, count):
    if word.isalpha():
        print(f"{word}\t{round(wordfreq.zipf_frequency(word, lang) * 100)}")
