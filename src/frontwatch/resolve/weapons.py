"""Weapon lexicon: written forms of weapon systems -> canonical English names.

``data/weapons.tsv`` columns (tab-separated, ``#`` comment lines, a header row):
``pattern`` (as written), ``lang`` (ja, en or ``*``), ``canonical`` (English name used
in event records), ``mode`` (the PLOVER ASSAULT mode the weapon implies, or empty),
``source``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from frontwatch.errors import DataError

COLUMNS = ("pattern", "lang", "canonical", "mode", "source")


@dataclass(frozen=True, slots=True)
class WeaponEntry:
    pattern: str
    lang: str
    canonical: str
    mode: str | None = None

    @property
    def ref(self) -> str:
        return f"weapons.tsv:{self.pattern}"


@dataclass(frozen=True, slots=True)
class WeaponMention:
    text: str
    start: int
    end: int
    entry: WeaponEntry


class WeaponLexicon:
    def __init__(self, entries: Iterable[WeaponEntry]) -> None:
        self.entries = tuple(entries)
        self._rx: dict[str, tuple[re.Pattern[str], dict[str, WeaponEntry]]] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> WeaponLexicon:
        path = path or Path(str(resources.files("frontwatch") / "data" / "weapons.tsv"))
        return cls(read_weapons(path))

    def _index(self, lang: str) -> tuple[re.Pattern[str], dict[str, WeaponEntry]]:
        if lang not in self._rx:
            table = {e.pattern.casefold(): e for e in self.entries if e.lang in (lang, "*")}
            pats = sorted(table, key=lambda p: (-len(p), p))
            body = "|".join(re.escape(p) for p in pats) or r"(?!x)x"
            self._rx[lang] = (re.compile(rf"(?<![A-Za-z0-9])(?:{body})(?![a-z])", re.IGNORECASE), table)
        return self._rx[lang]

    def find(self, text: str, lang: str) -> list[WeaponMention]:
        rx, table = self._index(lang)
        return [WeaponMention(m.group(0), m.start(), m.end(), table[m.group(0).casefold()])
                for m in rx.finditer(text)]


def read_weapons(path: Path) -> list[WeaponEntry]:
    out: list[WeaponEntry] = []
    with path.open(encoding="utf-8", newline="") as fh:
        header = False
        for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            if not header:
                if tuple(c.strip() for c in row) != COLUMNS:
                    raise DataError(f"{path.name}: the header must be {' '.join(COLUMNS)} (tab-separated)")
                header = True
                continue
            if len(row) != len(COLUMNS):
                raise DataError(f"{path.name} line {n}: {len(row)} columns, expected {len(COLUMNS)}")
            pat, lang, canon, mode, _src = (c.strip() for c in row)
            out.append(WeaponEntry(pat, lang or "*", canon, mode or None))
    return out
