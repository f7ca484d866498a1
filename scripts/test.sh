#!/usr/bin/env bash
# Runs every test Crosscheck has, after the idempotent set-up:
#   1. formatting and lints (native and wasm32),
#   2. native unit, integration and property tests (cargo test),
#   3. a bounded fuzz run of every input door (scripts/fuzz.sh, 30 s each),
#   4. component tests in headless Chromium (wasm-bindgen-test),
#   5. a release build under the sub-path /crosscheck/ and end-to-end tests
#      that serve dist/ on 127.0.0.1 and drive headless Chromium.
# A summary with the number of tests run at each level (and of fuzz
# executions per target) is printed at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

LOGS="$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-test.XXXXXX")"
SUMMARY=()

step() {
  local name="$1"; shift
  printf '\n==> %s\n' "$name"
  local log="$LOGS/$(echo "$name" | tr ' /' '__').log"
  if ! "$@" 2>&1 | tee "$log"; then
    printf '\nFAILED: %s (log: %s)\n' "$name" "$log" >&2
    exit 1
  fi
  LAST_LOG="$log"
}

# Sums the "N passed" / "N failed" / "N ignored" counts of cargo's test result lines.
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) {
         if ($(i) ~ /^passed/) p += $(i-1); if ($(i) ~ /^failed/) f += $(i-1); if ($(i) ~ /^ignored/) g += $(i-1) } }
       END { printf "%d passed, %d failed, %d ignored", p, f, g }' "$1"
}

step "format" cargo fmt --all --check
step "lint (native)" cargo clippy --workspace --all-targets --offline -- -D warnings
step "lint (wasm32)" cargo clippy -p crosscheck-web --target wasm32-unknown-unknown --all-targets --offline -- -D warnings

step "native tests" cargo test --workspace --offline
SUMMARY+=("native tests (cargo test):            $(cargo_counts "$LAST_LOG")")

step "fuzzing (30 s a target)" "$ROOT/scripts/fuzz.sh" 30
SUMMARY+=("fuzzing (libFuzzer, 30 s a target):   $(awk '/^\[fuzz\] .* executions/ { printf "%s%s %s", sep, $2, $3; sep = ", " }
  END { print " executions, no finding" }' "$LAST_LOG")")

step "browser component tests" cargo test -p crosscheck-web --target wasm32-unknown-unknown --offline
SUMMARY+=("component tests (Chromium, wasm):     $(cargo_counts "$LAST_LOG")")

step "release build under /crosscheck/" trunk build --release --offline --public-url /crosscheck/
# The page's wasm (content-hashed name) and the corpus worker's (fixed name).
for WASM in dist/crosscheck-web-*_bg.wasm dist/crosscheck-worker_bg.wasm; do
  SUMMARY+=("release wasm: $(stat -c %s "$WASM") bytes raw, $(gzip -9c "$WASM" | wc -c) bytes gzip -9 ($WASM)")
done

# A second build with a visible change, deployed mid-test to check that the
# service worker announces and applies updates.
step "second release build (update test)" env CROSSCHECK_BUILD_LABEL=e2e-update \
  trunk build --release --offline --public-url /crosscheck/ --dist target/dist-next

step "end-to-end tests" env CROSSCHECK_BASE=/crosscheck/ CROSSCHECK_DIST_NEXT="$ROOT/target/dist-next" \
  node --test --test-concurrency=1 --test-reporter=spec e2e/*.test.mjs
SUMMARY+=("end-to-end tests (Chromium, dist/):   $(awk '/^ℹ pass/ {p=$3} /^ℹ fail/ {f=$3} END {printf "%d passed, %d failed", p, f}' "$LAST_LOG")")

printf '\n==> summary\n'
printf '  %s\n' "${SUMMARY[@]}"
printf 'all tests passed\n'
