"""Writes `data/countries.txt`: the names of the world's countries in Dutch and English that a
question can name and a document can lack (`hoe doen ze dit in duitsland?`), one folded name
per line. The Netherlands is left out: every document briefbot serves is Dutch, so a question
that names it (`nederland`, `netherlands`) asks about the documents' own country.

Source: the Unicode CLDR territory names as shipped in the PyPI package `babel` (BSD licence;
CLDR data under the Unicode licence). Kept: two-letter territory codes (countries, not
regions or groupings such as `EU` or `UN`), names that are one word of letters, and whose
lower-case form the word lists of Dutch (OpenTaal list, Debian `wdutch`) and English (Debian
`wamerican`) do not know only as a common word: a name they list in lower case and not
capitalized is left out; `Japan`, `Canada` and `Polen` are listed capitalized too, so kept.

Usage:
  pip download --no-deps babel && unzip babel-*.whl -d babel
  apt-get download wamerican && dpkg-deb -x wamerican_*.deb wam
  PYTHONPATH=babel python3 tools/build-countries.py /usr/share/dict/dutch \
      wam/usr/share/dict/american-english > data/countries.txt
"""
import re
import sys
import unicodedata

from babel import Locale

dutch_list, english_list = sys.argv[1:3]
# Groupings and placeholders with two-letter codes, and the documents' own country.
LEFT_OUT = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "NL"}
words = set()
for path in (dutch_list, english_list):
    with open(path, encoding="utf-8") as f:
        words.update(line.strip() for line in f)


def folded(name):
    decomposed = unicodedata.normalize("NFD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


names = set()
for language in ("nl", "en"):
    for code, name in Locale(language).territories.items():
        if not re.fullmatch(r"[A-Z]{2}", code) or code in LEFT_OUT:
            continue
        # A name is left out only when the word lists know it as a common word and not as a
        # name (lower case only): `Canada`, `Japan`, `Polen` are listed as names too.
        common_word = name.lower() in words and name not in words
        if re.fullmatch(r"[A-Za-zÀ-ÿ]+", name) and not common_word:
            names.add(folded(name))
print("# Country names in Dutch and English (Unicode CLDR via babel); rebuilt by tools/build-countries.py")
for name in sorted(names):
    print(name)
