#!/usr/bin/env bash
# Installs what Dépêche's build and tests need, skipping whatever is already there at the right
# version. Usage: scripts/tools.sh web      (wasm target, trunk, wasm-bindgen-cli, npm tools)
#                 scripts/tools.sh browser  (the above, plus Debian's chromium and chromium-driver)
#                 scripts/tools.sh fuzz     (cargo-fuzz only: `make fuzz` needs nothing else)
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-web}
TRUNK_VERSION=0.21.14
# cargo-fuzz builds libFuzzer targets on the stable toolchain with `--sanitizer none`.
CARGO_FUZZ_VERSION=0.13.2
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

die() { echo "depeche: $*" >&2; exit 1; }
say() { echo "==> $*"; }

command -v cargo >/dev/null || die "install Rust with rustup (https://rustup.rs), then run this again"

if [ "$MODE" = fuzz ]; then
  if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (a minute or two, once)"
    cargo install "cargo-fuzz@$CARGO_FUZZ_VERSION" --locked
  fi
  exit 0
fi

command -v rustup >/dev/null || die "the wasm32 target needs rustup: install Rust with rustup"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install "trunk@$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: the CLI's own lock file names a crate the registry no longer has.
  cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" --force
fi

command -v npm >/dev/null || die "install Node.js and npm (Debian: apt-get install nodejs npm), then run this again"
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132' \
   || [ ! -d node_modules/@playwright/test ] || [ ! -d node_modules/axe-core ] \
   || ! grep -qs '"version": "2.0.2"' node_modules/world-atlas/package.json; then
  say "installing npm tools (binaryen's wasm-opt, Playwright, axe-core, world-atlas for \`make map\`)"
  # Playwright drives the system Chromium: never let it download a browser of its own.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

if [ "$MODE" = browser ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    [ "$(id -u)" = 0 ] || die "install Debian's chromium and chromium-driver (as root: apt-get install chromium chromium-driver)"
    command -v apt-get >/dev/null || die "install Chromium and its ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver"
    say "installing chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
