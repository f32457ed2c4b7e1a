#!/usr/bin/env bash
# Set up .venv and run the demo: ingest the built-in corpus and show what frontwatch found.
# Extra arguments go to `frontwatch demo` (e.g. --db /tmp/demo.db, --no-code).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup_venv.sh --no-dev
exec .venv/bin/frontwatch demo "$@"
