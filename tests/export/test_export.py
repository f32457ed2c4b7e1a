"""frontwatch.export: one CSV schema for CLI and API, the formula guard on every CSV the
product writes, GeoJSON, PLOVER JSON Lines, incidents and forecasts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontwatch import export
from frontwatch.analysis.forecasts import build_ledger
from frontwatch.analysis.incidents import build_incidents
from frontwatch.cli import app
from frontwatch.records import Entity, Event
from frontwatch.store import open_store
from tests.serve.samples import documents_and_events

HOSTILE = {
    "=HYPERLINK(\"http://evil.example/\",\"click\")": "'=HYPERLINK",
    "+cmd|' /C calc'!A0": "'+cmd",
    "-2+3 said the ministry": "'-2+3",
    "@SUM(A1:A9)": "'@SUM",
    "\tindented": "'\tindented",
}


def _all_events() -> list[Event]:
    return [e for _, evs in documents_and_events() for e in evs]


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _store_with(path: Path, extra: list[Event]) -> None:
    store = open_store(str(path))
    try:
        for doc, evs in documents_and_events():
            store.put(doc, evs + [e for e in extra if e.doc_id == doc.doc_id])
    finally:
        store.close()


def _hostile_events() -> list[Event]:
    base = documents_and_events()[1][1][0]  # en_drones#1
    out = []
    for i, text in enumerate(HOSTILE, start=2):
        actor = Entity(text=text, name=text, code="RUS")
        out.append(replace(base, id=f"en_drones#{i}", text=text, actor=(actor,), weapons=(text,)))
    return out


def test_export_event_row_has_the_acled_like_columns_with_names_and_codes() -> None:
    rows = _rows("".join(export.iter_events_csv(_all_events(), {"ja_shelling": "https://example.org/ja"})))
    assert tuple(rows[0]) == export.EVENT_COLUMNS
    shelling = next(r for r in rows if r["event_id"] == "ja_shelling#1")
    assert (shelling["event_date"], shelling["date_precision"], shelling["event_type"]) == (
        "2022-09-13", "day", "ASSAULT")
    assert (shelling["actor_code"], shelling["actor_name"], shelling["actor_sector"]) == (
        "AZE", "Azerbaijani Armed Forces", "MIL")
    assert (shelling["recipient_code"], shelling["recipient_name"]) == ("ARM", "Armenia")
    assert (shelling["place"], shelling["country"], shelling["country_code"]) == (
        "Goris;Jermuk", "Armenia", "ARM")
    assert (shelling["latitude"], shelling["longitude"], shelling["fatalities"]) == ("39.51", "46.34", "49")
    assert (shelling["factuality"], shelling["claimed_by_code"], shelling["claimed_by_name"]) == (
        "claimed", "ARM", "Armenia")
    assert shelling["doc_id"] == "ja_shelling" and shelling["source_url"] == "https://example.org/ja"
    assert shelling["sentence"].startswith("アルメニア国防省は")
    unlocated = next(r for r in rows if r["event_id"] == "ja_shelling#2")
    assert (unlocated["latitude"], unlocated["country"], unlocated["fatalities"]) == ("", "", "")


@pytest.mark.parametrize("text", list(HOSTILE))
def test_export_cell_defuses_formulas(text: str) -> None:
    assert export.cell(text) == "'" + text
    assert export.cell("-33.86") == "-33.86" and export.cell(-2) == "-2"


def test_export_cli_events_csv_guards_formulas_and_matches_the_api_header(tmp_path: Path) -> None:
    db = tmp_path / "fw.db"
    _store_with(db, _hostile_events())
    res = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "csv", "--limit", "50"])
    assert res.exit_code == 0, res.output
    rows = _rows(res.stdout)
    assert tuple(rows[0]) == export.EVENT_COLUMNS
    hostile = [r for r in rows if r["event_id"] not in ("en_drones#1",) and r["doc_id"] == "en_drones"]
    assert len(hostile) == len(HOSTILE)
    for r in hostile:
        for key in ("sentence", "actor_name", "weapons"):
            assert r[key].startswith("'"), (key, r[key])
            assert r[key][1:] in HOSTILE
    drones = next(r for r in rows if r["event_id"] == "en_drones#1")
    assert drones["sentence"].startswith("Ukraine said")


def test_export_geojson_points_carry_the_csv_columns() -> None:
    geo = export.geojson(_all_events())
    assert geo["unlocated"] == 2
    goris = next(f for f in geo["features"] if f["properties"]["place"] == "Goris")
    assert goris["geometry"]["coordinates"] == [46.34, 39.51]
    props = goris["properties"]
    assert set(export.EVENT_COLUMNS) <= set(props)
    assert (props["event_id"], props["country"], props["actor_name"]) == (
        "ja_shelling#1", "Armenia", "Azerbaijani Armed Forces")
    jermuk = next(f for f in geo["features"] if f["properties"]["place"] == "Jermuk")
    assert jermuk["properties"]["latitude"] == 39.84


def test_export_plover_jsonl_round_trips_records() -> None:
    events = _all_events()
    lines = list(export.iter_jsonl(events))
    assert len(lines) == len(events) and all(line.endswith("\n") for line in lines)
    assert [Event.from_json(json.loads(line)) for line in lines] == events


def test_export_incidents_csv_one_row_per_record_under_its_claimant() -> None:
    docs = documents_and_events()
    published = {d.doc_id: d.published for d, _ in docs}
    incidents = build_incidents(_all_events(), published)
    rows = _rows("".join(export.iter_incidents_csv(incidents)))
    assert rows and tuple(rows[0]) == export.INCIDENT_COLUMNS
    in_incidents = {e.id for inc in incidents for v in inc.versions for e in v.events}
    assert {r["event_id"] for r in rows} == in_incidents
    sides = {r["event_id"]: (r["contested"], r["claimant_code"], r["claimant_name"], r["disputes"])
             for r in rows}
    assert sides["ja_shelling#1"] == ("true", "ARM", "Armenia", "")
    assert sides["ja_shelling#2"] == ("true", "AZE", "Azerbaijan", "ARM")
    assert sides["en_drones#1"][:3] == ("false", "UKR", "Ukraine")


def test_export_forecasts_csv_lists_the_warning() -> None:
    docs = documents_and_events()
    published = {d.doc_id: d.published for d, _ in docs}
    ledger = build_ledger(_all_events(), published, as_of=dt.date(2024, 3, 20))
    rows = _rows("".join(export.iter_forecasts_csv(ledger)))
    assert tuple(rows[0]) == export.FORECAST_COLUMNS
    row = next(r for r in rows if r["forecast_id"] == "en_warning#1")
    assert (row["source_code"], row["source_name"], row["event_type"], row["outcome"]) == (
        "UKR", "Ukraine", "ASSAULT", "open")
    assert (row["issued"], row["due"], row["horizon_days"]) == ("2024-03-10", "2024-03-31", "21")
