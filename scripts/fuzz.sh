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
# -timeout: any single input that takes over 10 s is a finding (the engine reads 20 MB/s).
common=(-timeout=10 -rss_limit_mb=2048)
# Two passes per target. First every input of the working corpus once, at full length (the
# seeds' 100,000-character lines are 200 KB): the invariants and the work bound on long texts.
# Then the timed coverage-guided run, on inputs of up to 16 KB (longer ones are read truncated):
# at full length the corpus fills with 100 KB variants and runs at a few dozen inputs a second.
full=(-runs=0 -max_len=1048576)
timed=(-max_total_time="$seconds" -max_len=16384 -print_final_stats=1)

fuzz/seeds.sh
mkdir -p target
failed=0
summary=()
for t in "${targets[@]}"; do
  log=target/fuzz-$t.log
  corpus=fuzz/corpus/$t
  # The target's dictionary, when fuzz/seeds.sh wrote one (the engine's vocabulary for extract).
  dict=()
  [ ! -f "fuzz/corpus/$t.dict" ] || dict=(-dict="fuzz/corpus/$t.dict")
  echo "==> $t: every input of $corpus at full length, then fuzzing for $seconds s (log: $log)"
  if cargo fuzz run --sanitizer none "$t" "$corpus" -- "${common[@]}" "${full[@]}" >"$log" 2>&1 \
    && cargo fuzz run --sanitizer none "$t" "$corpus" -- "${common[@]}" "${timed[@]}" "${dict[@]}" >>"$log" 2>&1; then
    verdict="no crash"
  else
    verdict="FAILED: see $log and fuzz/artifacts/$t/"
    failed=1
    tail -n 30 "$log" >&2
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  size=$(find "$corpus" -type f | wc -l)
  summary+=("$t: ${runs:-?} executions in $seconds s, ${speed:-?} exec/s, corpus of $size inputs, $verdict")
done
echo "==> fuzzing summary"
printf '  %s\n' "${summary[@]}"
exit "$failed"
