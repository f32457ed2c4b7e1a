#!/usr/bin/env bash
# The test command (README, CI): set up .venv, lint, run the whole suite.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m "not slow" tests/clean`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup_venv.sh

lint_paths=(src tests)
[ -d bench ] && lint_paths+=(bench)
.venv/bin/ruff check "${lint_paths[@]}"

status=0
.venv/bin/pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests; nothing to run"
    status=0
fi
exit "$status"
