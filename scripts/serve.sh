#!/usr/bin/env bash
# Sets up (idempotent), builds the app with the corpus in corpus/ embedded and
# serves it on 127.0.0.1 with live rebuilds. PORT overrides the port (8080).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
PORT="${PORT:-8080}"
echo "Crosscheck: building, then serving at http://127.0.0.1:${PORT}/ (Ctrl-C stops)"
exec trunk serve --offline --address 127.0.0.1 --port "$PORT"
