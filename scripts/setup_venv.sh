#!/usr/bin/env bash
# Create .venv if it is missing and install frontwatch into it with pinned dependencies.
#   bash scripts/setup_venv.sh          # runtime and dev dependencies (tests, lint)
#   bash scripts/setup_venv.sh --no-dev # runtime dependencies only
# Run by test.sh and demo.sh; safe to run again: skips pip when the stamp matches.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "creating .venv with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv .venv
    # The pip that ensurepip bundles with Debian's Python may predate the wheel metadata of the lock.
    .venv/bin/python -m pip install --quiet --upgrade pip
fi
# pip takes about 17 s to confirm that nothing changed, on every start of demo.sh. The stamp
# holds a hash of what was installed (the lock, pyproject.toml) and for which mode; when it
# matches, pip is skipped. Delete .venv/frontwatch-setup.stamp to force a reinstall.
STAMP=.venv/frontwatch-setup.stamp
MODE=dev
[ "${1:-}" = "--no-dev" ] && MODE=no-dev
WANT="$(cat requirements.lock pyproject.toml | .venv/bin/python -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')"
if [ -f "$STAMP" ]; then
    read -r HAVE HAVE_MODE < "$STAMP" || true
    # a dev install holds everything a runtime install needs
    if [ "${HAVE:-}" = "$WANT" ] && { [ "${HAVE_MODE:-}" = "$MODE" ] || [ "${HAVE_MODE:-}" = dev ]; }; then
        exit 0
    fi
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
# requirements.lock pins every package (runtime and dev) at the versions the suite was run with.
.venv/bin/python -m pip install --quiet -r requirements.lock
if [ "$MODE" = no-dev ]; then
    .venv/bin/python -m pip install --quiet -e .
else
    .venv/bin/python -m pip install --quiet -e '.[dev]'
fi
echo "$WANT $MODE" > "$STAMP"
