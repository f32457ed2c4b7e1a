#!/usr/bin/env bash
# The main job (README): set up .venv, code the built-in demo corpus into a local store
# (once; later runs reuse it) and serve the dashboard on http://127.0.0.1:8000/.
# Extra arguments go to `frontwatch serve` (e.g. --port 8080, --host 0.0.0.0).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup_venv.sh --no-dev
exec .venv/bin/frontwatch serve --demo "$@"
