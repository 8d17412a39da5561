"""Writes `data/countries.txt`: the names of the world's countries in Dutch and English that a
question can name and a document can lack (`hoe doen ze dit in duitsland?`), one folded name
per line. The Netherlands is left out: every document briefbot serves is Dutch, so a question
that names it (`nederland`, `netherlands`) asks about the documents' own country.

Source: the Unicode CLDR territory names as shipped in the PyPI package `babel` (BSD licence;
CLDR data under the Unicode licence). Kept: two-letter territory codes (countries, not
regions or groupings such as `EU` or `UN`), names that are one word of letters, and whose
lower-case form is not a word of Dutch (OpenTaal list, Debian `wdutch`) or English (Debian
`wamerican`): `Chad`, `Turkey` and `Jersey` are words too, so they are left out.

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
        if re.fullmatch(r"[A-Za-zÀ-ÿ]+", name) and name.lower() not in words:
            names.add(folded(name))
print("# Country names in Dutch and English (Unicode CLDR via babel); rebuilt by tools/build-countries.py")
for name in sorted(names):
    print(name)
