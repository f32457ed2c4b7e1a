"""Numbered schema migrations, one folder per backend.

``store/migrations/<backend>/NNNN_name.sql`` are applied in order, each in its own
transaction together with its row in ``schema_version``. Another area adds a table
by adding the next numbered file; nothing else changes. A store whose
``schema_version`` holds a number above the newest file here was written by a newer
frontwatch and is refused rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

from frontwatch.errors import MigrationError

SCHEMA_TABLE = "schema_version"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(backend: str) -> list[Migration]:
    """The migrations shipped for ``backend`` ("sqlite" or "postgres"), oldest first."""
    folder = files("frontwatch.store") / "migrations" / backend
    found: list[Migration] = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    versions = [mig.version for mig in found]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"two {backend} migrations share a number: {versions}; renumber one of them")
    return found


def latest(backend: str) -> int:
    ms = migrations(backend)
    return ms[-1].version if ms else 0


def pending(backend: str, current: int, where: str) -> list[Migration]:
    """The migrations still to apply to a store at schema ``current``."""
    newest = latest(backend)
    if current > newest:
        raise MigrationError(
            f"{where} was written by a newer frontwatch (schema {current}; this one knows up to"
            f" {newest}): upgrade frontwatch to open it"
        )
    return [m for m in migrations(backend) if m.version > current]
