#!/usr/bin/env bash
# Fuzzes every input door of crosscheck-core with libFuzzer (cargo-fuzz),
# one target after another, for a bounded time each, and prints each
# target's execution count:
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 30); TARGETs default to all of them (parse,
# query, bundle, html, export). The README's test command runs this with 30 s; a long run
# is the same command with more seconds, e.g. `nice -n 19 scripts/fuzz.sh 3600 query`.
#
# It runs on the stable toolchain: the targets are built with
# `--sanitizer none` (Rust is memory safe; the targets look for panics,
# hangs, runaway memory and broken invariants). CROSSCHECK_FUZZ_SANITIZER=address
# builds with AddressSanitizer instead, through RUSTC_BOOTSTRAP=1. They are
# built without compare tracing (`--no-trace-compares`): here that makes
# runs three to four times faster, and the seeds and dictionaries
# (core/fuzz/dicts) already hold the keywords it would help find.
# CROSSCHECK_FUZZ_RUNS=N also stops each target after N executions.
#
# Each target reads its seeds (core/fuzz/seeds/TARGET, in git) and grows a
# corpus in core/fuzz/corpus/TARGET (not in git). Every run is bounded: a
# 10 s timeout per input, 512 MB of memory, 64 MB for any one allocation.
# A finding stops the script with status 1 and names the input libFuzzer
# saved in core/fuzz/artifacts/TARGET/; replay it with
#   cd core && cargo fuzz run TARGET --sanitizer none --no-trace-compares fuzz/artifacts/TARGET/FILE
# and make it a regression test in core/tests/fuzz_regressions.rs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_EACH="${1:-30}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(parse query bundle html export)
SANITIZER="${CROSSCHECK_FUZZ_SANITIZER:-none}"

export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Like every build here, offline: scripts/setup.sh fetched the crates.
export CARGO_NET_OFFLINE="${CARGO_NET_OFFLINE:-true}"
if [ "$SANITIZER" != none ]; then
  export RUSTC_BOOTSTRAP=1
fi
cargo fuzz --version >/dev/null 2>&1 || {
  echo "[fuzz] cargo-fuzz is missing: run scripts/setup.sh" >&2
  exit 1
}

cd "$ROOT/core"
# Build first, so the time budget is all fuzzing.
FLAGS=(--sanitizer "$SANITIZER" --no-trace-compares)
cargo fuzz build "${FLAGS[@]}"

LOGS="$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-fuzz.XXXXXX")"
status=0
for target in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  extra=()
  [ -f "fuzz/dicts/$target.dict" ] && extra+=("-dict=fuzz/dicts/$target.dict")
  [ -n "${CROSSCHECK_FUZZ_RUNS:-}" ] && extra+=("-runs=$CROSSCHECK_FUZZ_RUNS")
  log="$LOGS/$target.log"
  if cargo fuzz run "$target" "${FLAGS[@]}" \
      "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
      -max_total_time="$SECONDS_EACH" -timeout=10 \
      -rss_limit_mb=512 -malloc_limit_mb=64 \
      -print_final_stats=1 "${extra[@]}" >"$log" 2>&1; then
    runs="$(awk '/^stat::number_of_executed_units:/ {print $2}' "$log")"
    secs="$(awk '/^Done [0-9]+ runs in/ {print $5}' "$log")"
    printf '[fuzz] %-6s %12s executions in %s s, no finding\n' "$target" "${runs:-?}" "${secs:-?}"
  else
    status=1
    printf '[fuzz] %-6s FINDING (log: %s)\n' "$target" "$log" >&2
    grep -E "panicked at|ERROR: libFuzzer|SUMMARY|Test unit written" "$log" | head -n 8 >&2 || true
  fi
done
exit "$status"
