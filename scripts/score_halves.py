#!/usr/bin/env python3
"""Score coded records on the fixed halves of the realworld development set, per language.

usage: python scripts/score_halves.py EVENTS.jsonl [--gold DIR] [--docs DOCS.jsonl] [--json]

Half A holds the even document numbers, half B the odd ones (``300_…`` is A, ``301_…`` is B),
so the split never moves. Rules are written from one half and the other is scored before it is
read (issue 12). ``EVENTS.jsonl`` is ``frontwatch code DOCS.jsonl --format jsonl``; each cell runs
``score.py`` of the shared evaluation folder with ``--docs`` set to that half and language.
Any gold folder of ``<doc_id>.json`` files with a docs.jsonl beside it works (``--gold``, ``--docs``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"


def half_of(doc_id: str) -> str:
    """A for an even document number, B for an odd one; "" when the id has no number."""
    head = doc_id.split("_", 1)[0]
    return ("A" if int(head) % 2 == 0 else "B") if head.isdigit() else ""


def _languages(docs: Path) -> dict[str, str]:
    out = {}
    for line in docs.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out[str(d["doc_id"])] = str(d.get("language") or "")
    return out


def _score(gold: Path, events: Path, ids: list[str]) -> dict[str, float]:
    cmd = [sys.executable, str(EVAL / "score.py"), str(gold), str(events), "--json",
           "--docs=" + ",".join(ids)]
    res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    return {k: res[k] for k in ("precision", "recall", "f1", "gold_events", "system_events")}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("events", type=Path)
    ap.add_argument("--gold", type=Path, default=EVAL / "realworld" / "gold")
    ap.add_argument("--docs", type=Path, default=EVAL / "realworld" / "docs.jsonl")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    langs = _languages(args.docs)
    gold_ids = {p.stem for p in args.gold.glob("*.json")}
    rows = []
    for half in ("A", "B", "all"):
        for lang in ("ja", "en", "all"):
            ids = sorted(i for i in gold_ids if i in langs and (half == "all" or half_of(i) == half)
                         and (lang == "all" or langs[i] == lang))
            if ids:
                scored = _score(args.gold, args.events, ids)
                rows.append({"half": half, "lang": lang, "docs": len(ids), **scored})
    if args.json:
        print(json.dumps(rows))
        return 0
    print(f"{'half':4} {'lang':4} {'docs':>4} {'gold':>4} {'sys':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for r in rows:
        print(f"{r['half']:4} {r['lang']:4} {r['docs']:>4} {r['gold_events']:>4} {r['system_events']:>4} "
              f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
