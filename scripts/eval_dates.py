"""Event-date accuracy on paired records of an evaluation set, per language (read in place, never copied).

usage: python scripts/eval_dates.py GOLD_DIR EVENTS.jsonl [--docs DOCS.jsonl] [--misses]

``EVENTS.jsonl`` is ``frontwatch code DOCS.jsonl --format jsonl`` (with ``--explain`` the misses
show the coder's date note). Records are paired with the gold by ``shared/eval/score.py``'s own
pairing; for each language it prints event F1 and the dates right of the paired required gold
records that carry a date. ``--misses`` lists each wrong date: doc id, event type, gold date,
system date and the system's date note. Only ids, dates and notes are printed, no page text.
The language of a document comes from ``DOCS.jsonl`` (default: ``docs.jsonl`` beside ``GOLD_DIR``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SCORE = REPO.parent / "shared" / "eval" / "score.py"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORE)
    if spec is None or spec.loader is None:
        raise SystemExit(f"eval_dates: cannot load {SCORE}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _languages(docs: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in docs.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[str(row["doc_id"])] = str(row.get("language") or "")
    return out


def _date_note(rec: dict[str, Any]) -> str:
    notes = (rec.get("explanation") or {}).get("notes") or []
    return next((str(n) for n in notes if str(n).startswith("date:")), "")


def _misses(sc: ModuleType, gold: dict[str, Any], system: dict[str, Any], ids: set[str]) -> list[str]:
    out: list[str] = []
    for doc_id in sorted(ids & set(gold)):
        golds = gold[doc_id].get("events", [])
        recs = system.get(doc_id, [])
        for gi, ri in sorted(sc.match(golds, recs).items()):
            g, r = golds[gi], recs[ri]
            if g.get("optional") or not g.get("date") or r.get("date") == g["date"]:
                continue
            out.append(f"  {doc_id}  {r.get('event')}  gold {g['date']}  system {r.get('date')}"
                       f"  {_date_note(r)}")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("events", type=Path)
    ap.add_argument("--docs", type=Path)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    sc = _scorer()
    gold, system = sc.load_gold(args.gold), sc.load_system(args.events)
    langs = _languages(args.docs or args.gold.parent / "docs.jsonl")
    for lang in sorted(set(langs.values())):
        ids = {d for d, lg in langs.items() if lg == lang}
        res = sc.score(gold, system, ids)
        date = res["fields"].get("date", {"correct": 0, "of": 0})
        print(f"{lang}  F1 {res['f1']:.3f}  date {date['correct']}/{date['of']}")
        if args.misses:
            print("\n".join(_misses(sc, gold, system, ids)))


if __name__ == "__main__":
    main()
