#!/usr/bin/env bash
# Runs each cargo-fuzz target of fuzz/ for FUZZ_SECONDS (default 300) on its working corpus
# (fuzz/seeds.sh builds it), then prints how many inputs each ran, how fast, and what it found.
# A crash leaves its input in fuzz/artifacts/TARGET/ and fails the run; the log of each target
# is target/fuzz-TARGET.log. Usage: scripts/fuzz.sh [TARGET...]   (default: every target)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds=${FUZZ_SECONDS:-300}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract decode)
# -timeout: any single input that takes over 10 s is a finding (the engine reads 20 MB/s);
# -max_len: room for the seeds' 100,000-character lines.
flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1)

fuzz/seeds.sh
mkdir -p target
failed=0
summary=()
for t in "${targets[@]}"; do
  log=target/fuzz-$t.log
  echo "==> fuzzing $t for $seconds s (log: $log)"
  if cargo fuzz run --sanitizer none "$t" "fuzz/corpus/$t" -- "${flags[@]}" >"$log" 2>&1; then
    verdict="no crash"
  else
    verdict="FAILED: see $log and fuzz/artifacts/$t/"
    failed=1
    tail -n 30 "$log" >&2
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  summary+=("$t: ${runs:-?} executions in $seconds s, ${speed:-?} exec/s, corpus of $corpus inputs, $verdict")
done
echo "==> fuzzing summary"
printf '  %s\n' "${summary[@]}"
exit "$failed"
