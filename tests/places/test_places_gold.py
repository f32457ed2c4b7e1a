"""Accuracy on tests/gold/places.tsv: each expected mention found and resolved to the same
GeoNames id, or within 25 km."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from frontwatch.resolve.gazetteer import distance_km
from frontwatch.resolve.places import GazetteerGeocoder, find_places

GOLD = Path(__file__).resolve().parents[1] / "gold" / "places.tsv"
WITHIN_KM = 25.0
# Floors only go up. Rows 1-148 were written with the first supplement (143/148 then);
# rows 149-215 were written afterwards as a held-out batch: 51/67 before any change made
# for them, 58/67 after general fixes (cues, kanji scan), 67/67 once their towns were curated.
# Rows 216-271, a second held-out batch: 49/56 before changes made for them, 51/56 after
# general fixes (more cues, Latin spelling match, "in X said"), 56/56 once oblasts, bases and
# Korean border towns were curated. Rows 272-311, a third held-out batch: 33/38 on first
# measurement (two more rows were added when a reference name was fixed), 39/40 after a
# curated-place bonus in sound matching and two Karabakh towns. Now 310/311 (グルホフ, with no
# place cue, is only a sound-alike: not looked up). The floor leaves room for GeoNames updates.
ACCURACY_FLOOR = 0.98


@dataclass(frozen=True)
class GoldRow:
    lang: str
    countries: tuple[str, ...]
    text: str
    mention: str
    name: str
    country: str
    lat: float
    lon: float
    geonameid: str = ""


def read_gold() -> list[GoldRow]:
    lines = [ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [
        GoldRow(
            lang=r["lang"], countries=tuple(c for c in r["context"].split(",") if c), text=r["text"],
            mention=r["mention"], name=r["name"], country=r["country"],
            lat=float(r["lat"]), lon=float(r["lon"]), geonameid=r.get("geonameid") or "",
        )
        for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def resolves(row: GoldRow, geocoder: GazetteerGeocoder) -> bool:
    for m in find_places(row.text, lang=row.lang, geocoder=geocoder, countries=row.countries):
        overlaps = row.mention in m.text or m.text in row.mention
        lat, lon = m.place.lat, m.place.lon
        near = lat is not None and lon is not None and distance_km(lat, lon, row.lat, row.lon) <= WITHIN_KM
        same = bool(row.geonameid) and str(m.place.geonameid) == row.geonameid
        if overlaps and (near or same):
            return True
    return False


def test_places_gold_is_well_formed() -> None:
    rows = read_gold()
    assert len(rows) >= 100
    assert {r.lang for r in rows} == {"ja", "en"}
    for r in rows:
        assert r.mention in r.text, r
        assert -90 <= r.lat <= 90 and -180 <= r.lon <= 180


def test_places_gold_accuracy_floor(geocoder: GazetteerGeocoder) -> None:
    rows = read_gold()
    misses = [f"{r.lang} {r.mention} ({r.name})" for r in rows if not resolves(r, geocoder)]
    accuracy = 1 - len(misses) / len(rows)
    assert accuracy >= ACCURACY_FLOOR, f"accuracy {accuracy:.3f} < {ACCURACY_FLOOR}; misses: {misses}"
