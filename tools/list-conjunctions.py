"""Lists the Dutch conjunctions appended to data/stopwords-nl.txt (see data/README.md).

Inputs (none is committed): the CoNLL-U files of Universal Dependencies' Dutch treebanks,
UD_Dutch-Alpino and UD_Dutch-LassySmall (github.com/UniversalDependencies, CC BY-SA 4.0);
their dev and test files (the train files are kept out of the repositories' small clones).

Usage: python3 tools/list-conjunctions.py data/stopwords-nl.txt FILE.conllu...

Selection: words (folded: lower case, no accents; letters only) tagged SCONJ or CCONJ in at least 80% of their
occurrences and at least twice, that the stop list does not hold yet, most frequent first.
"""
import collections
import sys
import unicodedata


def fold(word):
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stop_words(path):
    words = set()
    for line in open(path, encoding="utf-8"):
        words.update(line.split("#")[0].split())
    return words


def main():
    stop = stop_words(sys.argv[1])
    tags = collections.defaultdict(collections.Counter)
    for path in sys.argv[2:]:
        for line in open(path, encoding="utf-8"):
            columns = line.rstrip("\n").split("\t")
            if len(columns) < 4 or not columns[0].isdigit():
                continue
            tags[fold(columns[1])][columns[3]] += 1
    chosen = []
    for word, counts in tags.items():
        conjunction = counts["SCONJ"] + counts["CCONJ"]
        if word.isalpha() and word not in stop and conjunction >= 2 and conjunction >= 0.8 * sum(counts.values()):
            chosen.append((-conjunction, word))
    print(" ".join(word for _, word in sorted(chosen)))


if __name__ == "__main__":
    main()
