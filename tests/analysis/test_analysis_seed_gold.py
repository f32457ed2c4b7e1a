"""The three analyses over the seeds' gold records, read from ../shared at run time.

The gold is what a careful coder writes for the five real pages; running the analyses
on it shows what they make of records shaped exactly like the real ones (codes only,
places without coordinates, many dates missing). Nothing of the seeds is copied here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from frontwatch.analysis.alliances import engaged_obligations, load_alliances
from frontwatch.analysis.forecasts import build_ledger
from frontwatch.analysis.incidents import build_incidents
from frontwatch.records import Entity, Event, Place

pytestmark = pytest.mark.seeds

SHELLING, SEIZURE, WARNING_2023, WARNING_2022 = "000_", "001_", "002_", "004_"


def _entities(codes: list[str]) -> tuple[Entity, ...]:
    return tuple(Entity(text=c, code=c) for c in codes)


def _event(doc_id: str, n: int, g: dict[str, Any]) -> Event:
    return Event(
        id=f"{doc_id}#{n}",
        doc_id=doc_id,
        event=g["event"][0],
        text="",
        span=(0, 0),
        language="ja",
        mode=tuple(g.get("mode") or ()),
        actor=_entities(g["actor"]),
        recipient=_entities(g["recipient"]),
        event_loc=tuple(Place(text=p.split("|")[0], name=p.split("|")[0]) for p in g["event_loc"]),
        date=g.get("date"),
        dead=g.get("dead"),
        weapons=tuple(g.get("weapons") or ()),
        factuality=g["factuality"],
        claimed_by=_entities(g["claimed_by"]),
        horizon=g.get("horizon"),
        horizon_days=g.get("horizon_days"),
        symmetric=bool(g.get("symmetric")),
    )


@pytest.fixture(scope="module")
def gold(shared_dir: Path) -> tuple[list[Event], dict[str, str | None]]:
    files = sorted((shared_dir / "eval" / "seeds").glob("*.json"))
    if not files:
        pytest.skip("no gold files in ../shared/eval/seeds")
    events: list[Event] = []
    published: dict[str, str | None] = {}
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        published[data["doc_id"]] = data.get("published")
        events += [_event(data["doc_id"], n, g) for n, g in enumerate(data["events"])]
    return events, published


def test_analysis_seed_gold_border_night_is_one_contested_incident(
    gold: tuple[list[Event], dict[str, str | None]],
) -> None:
    events, published = gold
    night = [i for i in build_incidents(events, published) if i.events[0].doc_id.startswith(SHELLING)]
    assert len(night) == 1 and night[0].contested
    versions = {v.claimant: v for v in night[0].versions}
    assert "AZE" in versions["ARM"].actors and "ARM" in versions["AZE"].actors
    assert {"Goris", "Sotk", "Jermuk"} <= set(versions["ARM"].places)
    assert {"Dashkasan", "Lachin"} <= set(versions["AZE"].places)
    assert "ARM" in versions["AZE"].disputes


def test_analysis_seed_gold_seizure_engages_csto(gold: tuple[list[Event], dict[str, str | None]]) -> None:
    events, _published = gold
    table = load_alliances()
    seize = next(e for e in events if e.doc_id.startswith(SEIZURE) and e.event == "COERCE")
    art4 = [o for o in engaged_obligations(seize, table) if o.treaty == "CSTO" and o.article == "Art. 4"]
    assert len(art4) == 1
    assert set(art4[0].bound) == {"RUS", "BLR", "KAZ", "KGZ", "TJK"}


def test_analysis_seed_gold_warnings_are_in_the_ledger(
    gold: tuple[list[Event], dict[str, str | None]],
) -> None:
    events, published = gold
    ledger = build_ledger(events, published)
    warned = {f.event.actor[0].code: f for f in ledger if f.event.actor and "USA" in f.sources}
    assert set(warned) >= {"AZE", "BLR"}
    for code, doc_prefix, days in (("AZE", WARNING_2023, 21), ("BLR", WARNING_2022, 1)):
        fc = warned[code]
        assert fc.event.doc_id.startswith(doc_prefix)
        assert fc.issued == published[fc.event.doc_id]
        assert fc.issued is not None and fc.due is not None
        assert (dt.date.fromisoformat(fc.due) - dt.date.fromisoformat(fc.issued)).days == days
