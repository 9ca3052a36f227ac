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
