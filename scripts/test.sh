#!/usr/bin/env bash
# The test command (README, CI): set up .venv, lint, run the whole suite.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -m "not slow" tests/clean`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup_venv.sh

lint_paths=(src tests)
if [ -d bench ]; then lint_paths+=(bench); fi
# Lint first, but run the tests even when lint fails: both results are worth seeing.
lint=0
.venv/bin/ruff check "${lint_paths[@]}" || lint=$?

status=0
.venv/bin/pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests; nothing to run"
    status=0
fi
if [ "$lint" -ne 0 ]; then
    echo "ruff check failed (exit $lint)" >&2
    [ "$status" -ne 0 ] || status=$lint
fi
exit "$status"
