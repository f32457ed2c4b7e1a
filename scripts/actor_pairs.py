#!/usr/bin/env python3
"""List the named parties of the actor dictionary that one language has and the other lacks.

usage: python scripts/actor_pairs.py [--folder DIR] [--kinds group,org,igo]

Reads ``src/frontwatch/data/actors/*.tsv`` (or ``--folder``) with the resolver's own reader and
pairs the English and Japanese rows of non-state groups, agencies and military bodies (kinds
``group`` and ``org`` unless ``--kinds`` says otherwise) by their canonical English ``name``
(compared without case, a bracketed gloss, a leading "the" or "US"/"United States" spelling).
It prints three lists: names with English rows only, names with Japanese rows only, and names
whose rows disagree across the languages on code or sector. A ``*`` row counts for both.
Exit status 0 always: it is a report for editors (issues 12 and 13), not a gate; the gate is
``tests/resolve/test_actor_pairs.py``.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from frontwatch.resolve.actors import ActorEntry, read_actor_file

DEFAULT_FOLDER = Path(__file__).resolve().parents[1] / "src" / "frontwatch" / "data" / "actors"
_GLOSS = re.compile(r"\s*\([^)]*\)")


def pair_key(name: str) -> str:
    """The name both languages' rows of one party share: lower case, no gloss, one US spelling."""
    key = _GLOSS.sub("", name).strip().lower()
    key = re.sub(r"^the ", "", key)
    return re.sub(r"^us ", "united states ", key)


def rows_by_language(folder: Path, kinds: frozenset[str]) -> dict[str, dict[str, list[ActorEntry]]]:
    """``{lang: {pair_key: rows}}`` for the rows of the given kinds (``*`` rows under both)."""
    table: dict[str, dict[str, list[ActorEntry]]] = {"en": defaultdict(list), "ja": defaultdict(list)}
    for path in sorted(folder.glob("*.tsv")):
        for entry in read_actor_file(path):
            if entry.kind not in kinds:
                continue
            for lang in ("en", "ja") if entry.lang == "*" else (entry.lang,):
                if lang in table:
                    table[lang][pair_key(entry.name)].append(entry)
    return table


def _labels(rows: list[ActorEntry]) -> set[tuple[str, str]]:
    return {(r.code, r.sector or "") for r in rows}


def _show(rows: list[ActorEntry]) -> str:
    return ", ".join(sorted({r.pattern for r in rows}))


def report(table: dict[str, dict[str, list[ActorEntry]]]) -> list[str]:
    """The report's lines: one-sided names, then disagreeing ones."""
    en, ja = table["en"], table["ja"]
    lines = ["# English rows with no Japanese counterpart"]
    lines += [f"{k}\t{sorted(_labels(en[k]))}\t{_show(en[k])}" for k in sorted(set(en) - set(ja))]
    lines.append("# Japanese rows with no English counterpart")
    lines += [f"{k}\t{sorted(_labels(ja[k]))}\t{_show(ja[k])}" for k in sorted(set(ja) - set(en))]
    lines.append("# names whose code or sector differs across the languages")
    for k in sorted(set(en) & set(ja)):
        if _labels(en[k]) != _labels(ja[k]):
            lines.append(f"{k}\ten {sorted(_labels(en[k]))}\tja {sorted(_labels(ja[k]))}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--kinds", default="group,org")
    args = parser.parse_args()
    kinds = frozenset(k.strip() for k in args.kinds.split(",") if k.strip())
    print("\n".join(report(rows_by_language(args.folder, kinds))))


if __name__ == "__main__":
    main()
