"""Real news sentences (tests/gold/places_news.tsv): each mention resolved to the right place,
the same GeoNames id or within 161 km of the writer's point, read two ways:

- in its sentence, as the coder reads it (``find_places`` with the article's countries);
- alone, as ``frontwatch geocode --batch`` reads it (the name, the sentence as context).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from frontwatch.resolve.gazetteer import distance_km
from frontwatch.resolve.place_batch import geocode_batch
from frontwatch.resolve.places import GazetteerGeocoder, find_places

GOLD = Path(__file__).resolve().parents[1] / "gold" / "places_news.tsv"
WITHIN_KM = 161.0
# Floors only go up. First contact (the geocoder before any change made for these sentences;
# 129 mentions, 37 articles): in the sentence 0.636, alone (batch) 0.814. After the general
# fixes that followed (a country named as actor hides its parts, one Arabic name is not split,
# divisions agree with the sentence's other places, main names before big towns' alternates)
# and regions, islands and Darfur's states in the supplement: 0.690 and 0.876; with every
# part of a ・ list and direction kanji (北キブ州): 0.705 and 0.876; batch taking the place a
# part of the name names when the whole has none (Haeju Bay): 0.705 and 0.891. With borders,
# datelines, division suffixes wanting divisions and demonyms guarded: 0.721 and 0.899.
SENTENCE_FLOOR = 0.72
BATCH_FLOOR = 0.89


def _rows() -> list[dict[str, str]]:
    lines = [ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _right(row: dict[str, str], gid: object, lat: float | None, lon: float | None) -> bool:
    if row["geonameid"] and str(gid) == row["geonameid"]:
        return True
    if not row["lat"] or lat is None or lon is None:
        return False
    return distance_km(float(row["lat"]), float(row["lon"]), lat, lon) <= WITHIN_KM


def test_places_news_gold_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 100 and {r["lang"] for r in rows} == {"ja", "en"}
    per_article: dict[str, set[str]] = {}
    for r in rows:
        assert r["mention"] in r["text"] and r["url"].startswith("http"), r
        per_article.setdefault(r["url"], set()).add(r["text"])
    assert max(len(t) for t in per_article.values()) <= 2  # one or two sentences an article


def test_places_news_in_the_sentence(geocoder: GazetteerGeocoder) -> None:
    rows = _rows()
    right = 0
    for r in rows:
        countries = [c for c in r["context"].split(",") if c]
        found = find_places(r["text"], lang=r["lang"], geocoder=geocoder, countries=countries)
        hit = next((m for m in found if r["mention"] in m.text or m.text in r["mention"]), None)
        right += hit is not None and _right(r, hit.place.geonameid, hit.place.lat, hit.place.lon)
    assert right / len(rows) >= SENTENCE_FLOOR, f"{right}/{len(rows)}"


def test_places_news_alone_in_a_batch(geocoder: GazetteerGeocoder) -> None:
    rows = _rows()
    lines = [json.dumps({"id": i, "name": r["mention"], "context": r["text"], "lang": r["lang"],
                         "countries": [c for c in r["context"].split(",") if c]}, ensure_ascii=False)
             for i, r in enumerate(rows)]
    out = list(geocode_batch(lines, geocoder))
    assert [o["id"] for o in out] == list(range(len(rows)))
    right = sum(_right(r, o["geonameid"], o["lat"], o["lon"]) for r, o in zip(rows, out, strict=True))
    assert right / len(rows) >= BATCH_FLOOR, f"{right}/{len(rows)}"
