#!/usr/bin/env bash
# Builds the fuzzers' working corpora in fuzz/corpus/ (not committed): the hand-written seeds of
# fuzz/seeds/, the articles of corpus/, and generated texts too long to keep in the repository.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/extract corpus/decode
cp seeds/extract/* ../corpus/*.txt corpus/extract/
cp seeds/decode/* corpus/decode/

# One line of `n` characters (not bytes) made of `unit` repeated.
line() { local unit=$1 n=$2; python3 -c 'import sys; u, n = sys.argv[1], int(sys.argv[2]); sys.stdout.write((u * (n // len(u) + 1))[:n] + "\n")' "$unit" "$n"; }
line "Les forces ont repris Raqa à l’EI samedi, selon l’OSDH, et 20 civils ont été tués " 100000 > corpus/extract/long-sentence.txt
line "é" 100000 > corpus/extract/long-word.txt
line "«" 100000 > corpus/extract/long-quotes.txt
line ". " 100000 > corpus/extract/long-periods.txt
line "l’" 100000 > corpus/extract/long-elisions.txt
# Quotes nested 2,000 deep around an event, and 2,000 opened that never close.
python3 -c 'd = 2000; print("« " * d + "Les jihadistes ont attaqué Mossoul" + " »" * d + ", a dit l’AFP.")' > corpus/extract/deep-quotes.txt
python3 -c 'print("« Ils ont dit " * 2000 + "que l’armée a repris Alep.")' > corpus/extract/open-quotes.txt
# Ten thousand one-line paragraphs: many blocks and sentences.
python3 -c 'print("Un obus a tué 3 civils à Alep.\n\n" * 3000, end="")' > corpus/extract/many-paragraphs.txt
# The same for the decoder, behind a two-byte limit of 0xffff (so it is not too large).
printf '\xff\xff' > corpus/decode/long.bin
head -c 65533 corpus/extract/long-sentence.txt >> corpus/decode/long.bin

# A dictionary for the extract target: the engine's own vocabulary (trigger lemmas and phrases,
# number and time words, actor aliases, word classes), which libFuzzer splices into its inputs,
# plus the punctuation and markup the stages treat specially. Non-ASCII bytes are escaped.
python3 - <<'PY'
import re
words = set()
def add(w):
    w = w.strip()
    if 1 < len(w) <= 40:
        words.add(w)
for path, columns in [("../data/triggers.tsv", [1]), ("../data/number_words.tsv", [0]),
                      ("../data/time_words.tsv", [0]), ("../data/actors.tsv", [5])]:
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cells = line.rstrip("\n").split("\t")
        for c in columns:
            if c < len(cells):
                for w in cells[c].split("|"):
                    add(w)
for line in open("../data/words.tsv", encoding="utf-8"):
    if not line.startswith("#") and "\t" in line:
        for w in line.split("\t", 1)[1].split():
            add(w)
for w in ["« ", " »", "’", "l’", "d’", "(", ")", ". ", ", ", "\n\n", " | Auteur: ", "<p>", "</p>",
          "<br>", "<script>", "</script>", "2017", "samedi", "Raqa", "Mossoul", "l'EI", "selon l'OSDH"]:
    words.add(w)
def escape(w):
    out = []
    for b in w.encode("utf-8"):
        c = chr(b)
        out.append(c if 32 <= b < 127 and c not in '"\\' else "\\x%02x" % b)
    return '"' + "".join(out) + '"'
with open("corpus/extract.dict", "w") as f:
    for w in sorted(words):
        f.write(escape(w) + "\n")
PY
