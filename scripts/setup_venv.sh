#!/usr/bin/env bash
# Create .venv if it is missing and install frontwatch into it with pinned dependencies.
#   bash scripts/setup_venv.sh          # runtime and dev dependencies (tests, lint)
#   bash scripts/setup_venv.sh --no-dev # runtime dependencies only
# Sourced by test.sh and demo.sh; safe to run again (pip skips what is installed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "creating .venv with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv .venv
    # The pip that ensurepip bundles with Debian's Python may predate the wheel metadata of the lock.
    .venv/bin/python -m pip install --quiet --upgrade pip
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
# requirements.lock pins every package (runtime and dev) at the versions the suite was run with.
.venv/bin/python -m pip install --quiet -r requirements.lock
if [ "${1:-}" = "--no-dev" ]; then
    .venv/bin/python -m pip install --quiet -e .
else
    .venv/bin/python -m pip install --quiet -e '.[dev]'
fi
