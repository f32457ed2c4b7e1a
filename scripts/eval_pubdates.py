"""Publication-date detection on an evaluation set of real pages (read in place, never copied).

usage: python scripts/eval_pubdates.py SET_DIR [--ids 300,302,...] [--verbose]

SET_DIR holds ``docs/NNN_*.txt`` and ``docs/SOURCES.tsv`` (id, url, ..., published) as in
``../shared/eval/realworld``; an optional ``pubdates.tsv`` (doc_id, printed_date) says which
pages print their date. Prints, for the text alone and for the text with the page's URL:
dates found and correct, and dates that are wrong. Only ids and dates are printed.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from frontwatch.clean import parse
from frontwatch.records import RawDocument


def _rows(root: Path) -> list[dict[str, str]]:
    with (root / "docs" / "SOURCES.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _printed(root: Path) -> dict[str, str]:
    path = root / "pubdates.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as f:
        return {r["doc_id"]: r["printed_date"] for r in csv.DictReader(f, delimiter="\t")}


def _found(root: Path, row: dict[str, str], *, url: bool) -> str:
    text = (root / "docs" / f"{row['id']}.txt").read_text(encoding="utf-8")
    raw = RawDocument(doc_id=row["id"], content=text, content_type="text", source=row["id"],
                      url=row["url"] if url else None)
    doc = parse(raw)
    return doc.published.isoformat() if doc.published else ""


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    root = Path(args[0])
    only = next((set(a.split("=", 1)[1].split(",")) for a in argv if a.startswith("--ids=")), None)
    printed = _printed(root)
    rows = [r for r in _rows(root) if only is None or r["id"][:3] in only]
    tally = {"text": [0, 0], "url": [0, 0]}
    for row in rows:
        truth = row.get("published") or ""
        got = {mode: _found(root, row, url=mode == "url") for mode in tally}
        for mode, date in got.items():
            tally[mode][0] += bool(date) and date == truth
            tally[mode][1] += bool(date) and date != truth
        if "--verbose" in argv:
            print(f"{row['id'][:34]:34} true {truth or '-':10} printed {printed.get(row['id'], '?'):10} "
                  f"text {got['text'] or '-':10} text+url {got['url'] or '-'}")
    known = sum(bool(r.get("published")) for r in rows)
    for mode, (ok, wrong) in tally.items():
        print(f"{'text alone' if mode == 'text' else 'text + URL'}: {ok}/{known} correct, {wrong} wrong")
    if printed:
        prints = [r for r in rows if printed.get(r["id"], "none") != "none"]
        ok = sum(_found(root, r, url=False) == printed[r["id"]] for r in prints)
        print(f"pages that print their date: {ok}/{len(prints)} found from the text")


if __name__ == "__main__":
    main(sys.argv[1:])
