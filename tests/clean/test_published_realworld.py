"""Publication dates on ../shared/eval/realworld (real pages, read in place, never copied).

The pages listed in PRINTS print their publication date somewhere in the stored text (date
line, byline, forum post header, corpus date line, headline bracket); it must be found from
the text alone. On every page, with the URL a crawler hands over, no date may be wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from frontwatch.clean import parse
from frontwatch.records import RawDocument

# Checked by reading each page; the other pages print no date with a year (or none at all).
PRINTS = ("302", "304", "305", "306", "307", "309", "316", "317", "319", "320", "323", "325",
          "329", "330", "331", "332", "334", "335")


def _pages(shared_dir: Path) -> list[dict[str, str]]:
    docs = shared_dir / "eval" / "realworld" / "docs"
    if not (docs / "SOURCES.tsv").is_file():
        pytest.skip("../shared/eval/realworld is not present")
    with (docs / "SOURCES.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        row["text"] = (docs / f"{row['id']}.txt").read_text(encoding="utf-8")
    return rows


def _published(row: dict[str, str], *, url: bool) -> dt.date | None:
    raw = RawDocument(doc_id=row["id"], content=row["text"], content_type="text", source=row["id"],
                      url=row["url"] if url else None)
    return parse(raw).published


def test_published_realworld_found_on_every_page_that_prints_it(shared_dir: Path) -> None:
    rows = [r for r in _pages(shared_dir) if r["id"][:3] in PRINTS]
    assert len(rows) == len(PRINTS)
    found = {r["id"]: _published(r, url=False) for r in rows}
    assert {k: v for k, v in found.items() if v is None or v.isoformat() != _row(rows, k)["published"]} == {}


def test_published_realworld_never_wrong_with_the_url(shared_dir: Path) -> None:
    rows = _pages(shared_dir)
    wrong = {}
    for r in rows:
        got = _published(r, url=True)
        if got is not None and got.isoformat() != r["published"]:
            wrong[r["id"]] = got
    assert wrong == {}
    known = [r for r in rows if r["published"]]
    found = sum(_published(r, url=True) is not None for r in known)
    assert found >= len(known) - 1  # 324 prints none and its URL carries only a two-digit year


def _row(rows: list[dict[str, str]], doc_id: str) -> dict[str, str]:
    return next(r for r in rows if r["id"] == doc_id)


def test_published_realworld_photo_caption_when_nothing_else(shared_dir: Path) -> None:
    (row,) = [r for r in _pages(shared_dir) if r["id"].startswith("322")]  # a caption's day and time
    raw = RawDocument(doc_id=row["id"], content=row["text"], content_type="text", source=row["id"])
    doc = parse(raw)
    assert doc.published is not None
    assert (doc.published.isoformat(), doc.published_source) == (row["published"], "caption")
