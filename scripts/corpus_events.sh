#!/usr/bin/env bash
# Trunk's build hook: the corpus's events and titles, computed now from the engine as it is
# (examples/corpus_data.rs), into the build as corpus-events.json: the page lists the corpus from
# it and loads the engine only when an article is added.
set -euo pipefail
out="${TRUNK_STAGING_DIR:?run by trunk}/corpus-events.json"
cargo run --quiet --example corpus_data > "$out.tmp"
mv "$out.tmp" "$out"
