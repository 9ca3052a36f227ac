#!/usr/bin/env bash
# The CLI on a corpus (measured, never asserted): 600 files in 6 directories and a 20,000-line
# JSONL file made from the corpus/ articles; articles per second with -j 1 and -j 2, peak memory
# (/usr/bin/time -v), and whether both thread counts print the same bytes.
# Usage: scripts/bench_cli.sh [FILES] [LINES]   (`make bench-cli`)
set -euo pipefail
cd "$(dirname "$0")/.."

files=${1:-600}
lines=${2:-20000}
work=$(mktemp -d "${TMPDIR:-/tmp}/depeche-bench-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin depeche
bin=target/release/depeche

# The inputs: the corpus articles in turn, as files under 6 directories and as JSONL lines.
python3 - "$work" "$files" "$lines" <<'EOF'
import json, pathlib, sys
work, files, lines = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
articles = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(pathlib.Path("corpus").glob("*.txt"))]
for i in range(files):
    d = work / "files" / f"dir{i % 6}"
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{i:04}.txt").write_text(articles[i % len(articles)][1], encoding="utf-8")
with open(work / "corpus.jsonl", "w", encoding="utf-8") as out:
    for i in range(lines):
        stem, text = articles[i % len(articles)]
        out.write(json.dumps({"id": f"{stem}-{i}", "text": text, "source": "bench"}, ensure_ascii=False) + "\n")
EOF
jsonl_mb=$(du -m "$work/corpus.jsonl" | cut -f1)
echo "inputs: $files files ($(du -sh "$work/files" | cut -f1)), $lines JSONL lines (${jsonl_mb} MB), $(nproc) cores"

# run LABEL ARTICLES ARGS...: the fastest of $runs runs (these machines are shared), its
# articles per second and CPU time, the largest peak memory, and the output's digest.
runs=${BENCH_RUNS:-3}
run() {
  local label=$1 n=$2
  shift 2
  local best="" cpu="" rss=0 digest
  for _ in $(seq "$runs"); do
    digest=$(/usr/bin/time -v -o "$work/time" "$bin" extract "$@" | sha256sum | cut -c1-16)
    local secs user sys peak
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time")
    user=$(awk -F': ' '/User time/ { print $2 }' "$work/time")
    sys=$(awk -F': ' '/System time/ { print $2 }' "$work/time")
    peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time")
    if [ -z "$best" ] || [ "$(echo "$secs < $best" | bc)" = 1 ]; then
      best=$secs
      cpu=$(echo "$user + $sys" | bc)
    fi
    [ "$peak" -gt "$rss" ] && rss=$peak
  done
  printf '%-30s %7.2f s %7.0f articles/s  cpu %6.2f s %5s MB peak  output %s\n' \
    "$label" "$best" "$(echo "$n / $best" | bc -l)" "$cpu" "$rss" "$digest"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); best of $runs runs"
for format in jsonl csv; do
  run "files -j 1 --format $format" "$files" -j 1 --format "$format" "$work/files"
  run "files -j 2 --format $format" "$files" -j 2 --format "$format" "$work/files"
done
run "jsonl -j 1 --format jsonl" "$lines" -j 1 --format jsonl "$work/corpus.jsonl"
run "jsonl -j 2 --format jsonl" "$lines" -j 2 --format jsonl "$work/corpus.jsonl"
run "jsonl -j 2 --format csv" "$lines" -j 2 --format csv "$work/corpus.jsonl"
