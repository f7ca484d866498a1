#!/usr/bin/env bash
# Idempotent set-up: installs only what is missing, says what it installs,
# and stops with a clear message naming the piece it could not install.
# Both README commands (scripts/serve.sh and scripts/test.sh) run it first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
CARGO_FUZZ_VERSION="0.13.2"
WASM_BINDGEN_VERSION="0.2.130"
WASM_OPT_VERSION="version_132"

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

command -v cargo >/dev/null || die "cargo is missing: install Rust from https://rustup.rs (rustc 1.95 is verified)"
command -v rustup >/dev/null || die "rustup is missing: it is needed to add the wasm32-unknown-unknown target"
command -v npm >/dev/null || die "npm is missing: install Node.js 20+ (it provides wasm-opt and the browser test driver)"

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown || die "could not add the wasm32-unknown-unknown target"
fi

# 2. npm dev dependencies: wasm-opt (binaryen), playwright-core, axe-core.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies (binaryen wasm-opt, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed: the npm registry must be reachable once"
fi
[ "$(wasm-opt --version 2>/dev/null | awk '{print $NF}' | tr -d '()')" = "$WASM_OPT_VERSION" ] \
  || [ "$(wasm-opt --version 2>/dev/null | grep -o 'version_[0-9]*')" = "$WASM_OPT_VERSION" ] \
  || die "wasm-opt $WASM_OPT_VERSION expected in node_modules/.bin (got: $(wasm-opt --version 2>&1 || true))"

# 3. wasm-bindgen-cli, pinned to the wasm-bindgen crate version.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force \
    || die "could not install wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io"
fi

# 4. trunk.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force \
    || die "could not install trunk $TRUNK_VERSION from crates.io"
fi

# 5. Chromium and ChromeDriver for browser tests (Debian packages).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian packages chromium and chromium-driver"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "chromium and chromium-driver are missing and this user is not root: run 'apt-get install chromium chromium-driver' as root"
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq || die "apt-get update failed while installing chromium"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null \
    || die "could not install chromium and chromium-driver with apt-get"
fi
[ "$(chromium --version 2>/dev/null | awk '{print $2}' | cut -d. -f1)" = "$(chromedriver --version 2>/dev/null | awk '{print $2}' | cut -d. -f1)" ] \
  || die "chromium and chromedriver major versions differ: $(chromium --version) / $(chromedriver --version)"

# 6. cargo-fuzz, for the bounded fuzz runs (scripts/fuzz.sh; stable toolchain).
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 2 minutes, once)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force \
    || die "could not install cargo-fuzz $CARGO_FUZZ_VERSION from crates.io"
fi

# 7. Crates, so every later build can run offline (the fuzz crate is not in
#    the workspace and has its own lock file).
cargo fetch --quiet || die "cargo fetch failed: crates.io must be reachable once"
cargo fetch --quiet --manifest-path core/fuzz/Cargo.toml \
  || die "cargo fetch failed for core/fuzz: crates.io must be reachable once"

say "ready: $(trunk --version), $(cargo fuzz --version), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt $(wasm-opt --version | grep -o 'version_[0-9]*'), $(chromium --version 2>/dev/null | awk '{print $1, $2}')"
