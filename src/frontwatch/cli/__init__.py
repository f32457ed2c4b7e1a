"""The ``frontwatch`` command. Each area registers its commands in its own module."""

from __future__ import annotations

# Importing a module registers its commands on ``app``.
from frontwatch.cli import (  # noqa: F401  (registration imports)
    analysis_cmds,
    code_cmds,
    docs_cmds,
    geo_cmds,
    serve_cmds,
    watch_cmds,
)
from frontwatch.cli.app import app, main

__all__ = ["app", "main"]
