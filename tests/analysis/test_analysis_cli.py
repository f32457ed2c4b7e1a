"""The analysis commands over a real SQLite store filled with hand-built documents and records."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from analysis_builders import ev
from test_incidents import border_night
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.records import Document, Event, Section
from frontwatch.store import open_store

runner = CliRunner()


def doc(doc_id: str, published: str | None, events: list[Event]) -> Document:
    text = "\n".join(e.text for e in events) or "empty"
    return Document(
        doc_id=doc_id,
        text=text,
        sections=(Section(kind="body", text=text, start=0, end=len(text), language="en"),),
        published=dt.date.fromisoformat(published) if published else None,
        content_hash=hashlib.sha256(f"{doc_id}:{text}".encode()).hexdigest(),
    )


def records() -> dict[str, tuple[str | None, list[Event]]]:
    night = [e for e in border_night() if e.id != "dig#4"]
    return {
        "dig": ("2022-09-13", night),
        "feb22": ("2022-02-28", [
            ev("feb22#1", "ASSAULT", ("BLR",), ("UKR",), claimed_by=("UKR", "USA"), factuality="possible",
               horizon="within hours", horizon_days=1,
               text="Kyiv says BLR may join the attack within hours."),
        ]),
        "mar22": ("2022-03-01", [ev("mar22#1", "ASSAULT", ("BLR",), ("UKR",), date="2022-03-01")]),
        "oct23": ("2023-10-14", [
            ev("oct23#1", "ASSAULT", ("AZE",), ("ARM",), claimed_by=("USA",), factuality="possible",
               horizon="within weeks", horizon_days=21,
               text="AZE could move on ARM within weeks, officials say."),
        ]),
        "dec23": ("2023-12-01", [ev("dec23#1", "MOBILIZE", ("RUS",), date="2023-12-01")]),
        "sev": (None, [
            ev("sev#1", "COERCE", ("AZE",), ("ARM",), places=("Lake Sev",), mode=("troops", "seize"),
               date="2021-05-12"),
        ]),
    }


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("analysis") / "fw.db")
    store = open_store(path)
    try:
        for doc_id, (published, events) in records().items():
            store.put(doc(doc_id, published, events), events)
    finally:
        store.close()
    return path


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_analysis_cli_incidents_json_one_contested(db: str) -> None:
    data = json.loads(run("incidents", "--contested", "--json", "--db", db))
    assert len(data) == 1
    assert {v["claimant"] for v in data[0]["versions"]} == {"ARM", "AZE", "reported"}
    assert data[0]["reasons"]


def test_analysis_cli_incidents_table(db: str) -> None:
    out = run("incidents", "--db", db)
    assert "CONTESTED" in out and "Goris" in out and "why:" in out


def test_analysis_cli_forecasts_resolved_and_open(db: str) -> None:
    data = json.loads(run("forecasts", "--json", "--db", db))
    outcomes = {f["id"]: f["outcome"] for f in data["forecasts"]}
    assert outcomes == {"feb22#1": "happened", "oct23#1": "not_by_deadline"}
    usa = next(s for s in data["sources"] if s["source"] == "USA")
    assert usa["resolved"] == 2 and usa["brier"] == pytest.approx(0.25)
    early = json.loads(run("forecasts", "--open", "--json", "--as-of", "2023-10-20", "--db", db))
    assert [f["id"] for f in early["forecasts"]] == ["oct23#1"]
    resolved = json.loads(run("forecasts", "--resolved", "--json", "--as-of", "2023-10-20", "--db", db))
    assert [f["id"] for f in resolved["forecasts"]] == ["feb22#1"]
    assert "Brier" in run("forecasts", "--db", db)


def test_analysis_cli_alliances_event_and_country(db: str) -> None:
    data = json.loads(run("alliances", "sev#1", "--json", "--db", db))
    art4 = next(o for o in data["obligations"] if o["treaty"] == "CSTO" and o["article"] == "Art. 4")
    assert set(art4["bound"]) == {"RUS", "BLR", "KAZ", "KGZ", "TJK"}
    country = json.loads(run("alliances", "arm", "--json", "--on", "2023-01-01", "--db", db))
    assert {t["treaty"] for t in country["treaties"]} == {"CSTO", "RUS-ARM-1997"}
    assert "CSTO" in run("alliances", "AZE", "--db", db)  # its past membership


def test_analysis_cli_bad_input_is_one_line_error(db: str) -> None:
    for args in (["alliances", "no-such-thing", "--db", db],
                 ["forecasts", "--open", "--resolved", "--db", db],
                 ["forecasts", "--as-of", "yesterday", "--db", db]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert "error:" in result.output and len(result.output.strip().splitlines()) == 1


def test_analysis_cli_empty_store(tmp_path: Path) -> None:
    target = str(tmp_path / "empty.db")
    open_store(target).close()  # an existing store with nothing in it
    assert "no incidents" in run("incidents", "--db", target)
    assert "no forecasts" in run("forecasts", "--db", target)


def test_analysis_cli_country_needs_no_store(tmp_path: Path) -> None:
    target = tmp_path / "never.db"
    out = run("alliances", "FIN", "--on", "2023-01-01", "--db", str(target))
    assert "a member of no treaty in the table on 2023-01-01" in out and "2023-04-04" in out
    assert "no treaty in the table binds it" in run("alliances", "XYZ", "--db", str(target))
    assert not target.exists()
