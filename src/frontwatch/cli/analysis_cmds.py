"""Commands of this area; registered on import."""

from __future__ import annotations

from frontwatch.cli.app import app  # noqa: F401
