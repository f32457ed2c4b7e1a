"""The words around place names, read from ``data/gazetteer/cues.toml`` and ``not_places.tsv``."""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from frontwatch.errors import DataError
from frontwatch.resolve.place_names import name_key

_DATA = "data/gazetteer"


@dataclass(frozen=True, slots=True)
class Cues:
    """The words of ``cues.toml`` for one language."""

    suffixes: tuple[str, ...]
    after: tuple[str, ...]
    before: tuple[str, ...]
    actor_after: tuple[str, ...]
    country_after: tuple[str, ...]
    country_before: tuple[str, ...]
    list_joiners: tuple[str, ...]
    kanji_whole_after: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()  # generic words a lookup may drop from the end of a name
    person_titles: tuple[str, ...] = ()  # a capitalised run from one of these on names a person
    name_heads: tuple[str, ...] = ()  # a run ending in one of these is one name (Thomas Shoal)
    org_heads: tuple[str, ...] = ()  # a run ending in one of these names a body (Quds Force)
    directions: tuple[str, ...] = ()  # "southern" in "in southern Lebanon"
    one_name_links: tuple[str, ...] = ()  # particles inside one Arabic name (Bab al-Tabbaneh)
    one_name_openers: tuple[str, ...] = ()  # words opening one Levantine name (Kfar Shuba)
    borders: tuple[str, ...] = ()  # words that name a border between two countries (国境, border)
    divisions: tuple[str, ...] = ()  # suffixes that make a name a division's (州, 管区, region)
    anaphora: tuple[str, ...] = ()  # words that point back to a place named before (同海域)
    part_after_name: tuple[str, ...] = ()  # a part of the place just named (ケニア北東部マンデラ)
    # words that make an unknown name a settlement or district (place_unlisted): キンマ村,
    # "the town of Kangarwa", "Machava village"
    unlisted_before: tuple[str, ...] = ()
    unlisted_after: tuple[str, ...] = ()
    # verbs of saying after "in X": the place the speakers are in, not the act's (place_attach)
    speaker_verbs: tuple[str, ...] = ()
    scene_words: tuple[str, ...] = ()  # a sentence saying where an act took place (現場は, "took place")
    scene_warnings: tuple[str, ...] = ()  # a warning given on the scene (警告, "warning shots")
    weapon_after: tuple[str, ...] = ()  # a name followed by one of these names a weapon (バルカン砲)


def _data_path(name: str) -> Path:
    return Path(str(resources.files("frontwatch") / _DATA / name))


@cache
def load_cues(lang: str) -> Cues:
    path = _data_path("cues.toml")
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))[lang]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise DataError(f"{path}: cannot read the [{lang}] place cues ({exc}).") from exc

    def words(key: str) -> tuple[str, ...]:
        return tuple(sorted(table.get(key, ()), key=len, reverse=True))

    return Cues(
        suffixes=words("suffixes"), after=words("after"), before=words("before"),
        actor_after=words("actor_after"), country_after=words("country_after"),
        country_before=words("country_before"), list_joiners=words("list_joiners"),
        kanji_whole_after=words("kanji_whole_after"), strip=words("strip"),
        person_titles=words("person_titles"), name_heads=words("name_heads"),
        org_heads=words("org_heads"), directions=words("directions"),
        one_name_links=words("one_name_links"), one_name_openers=words("one_name_openers"),
        borders=words("borders"),
        divisions=words("divisions"), anaphora=words("anaphora"),
        unlisted_before=words("unlisted_before"), unlisted_after=words("unlisted_after"),
        speaker_verbs=words("speaker_verbs"), scene_words=words("scene_words"),
        scene_warnings=words("scene_warnings"), part_after_name=words("part_after_name"),
        weapon_after=words("weapon_after"),
    )


@cache
def not_places(lang: str) -> frozenset[str]:
    """Keys of the words that are never places in ``lang`` (``not_places.tsv``), and, for
    Latin-script text, the Latin names of weapons (``weapons.tsv``: Tomahawk, Patriot)."""
    if lang != "ja":
        from frontwatch.resolve.weapons import WeaponLexicon

        weapons = {
            name_key(w)
            for e in WeaponLexicon.load().entries
            for w in (e.pattern, e.canonical)
            if w[:1].isupper() and w.isascii() and " " not in w
        }
        return frozenset(_not_place_words(lang) | weapons)
    return _not_place_words(lang)


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated table in ``data/gazetteer`` (``#`` lines are comments)."""
    path = _data_path(name)
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror}.") from exc
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _not_place_words(lang: str) -> frozenset[str]:
    rows = read_table("not_places.tsv")
    return frozenset(name_key(r["word"]) for r in rows if r.get("lang") in (lang, "*") and r.get("word"))


def names_division(text: str) -> bool:
    """Whether ``text`` ends in a division suffix (ザガイン地域, カニ郡区, Hiran region)."""
    low = text.lower()
    return any(text.endswith(s) and len(text) > len(s) for s in load_cues("ja").divisions) or any(
        low.endswith(" " + s) for s in load_cues("en").divisions)


def strip_suffix(text: str) -> str | None:
    """``text`` without one generic place word at its end (州, 地方, Oblast, region: the
    ``strip`` lists of ``cues.toml``), or None."""
    for suf in load_cues("ja").strip:
        if text.endswith(suf) and len(text) > len(suf):
            return text[: -len(suf)]
    low = text.lower()
    for suf in load_cues("en").strip:
        if low.endswith(" " + suf) and len(text) > len(suf) + 1:
            return text[: -len(suf) - 1].strip()
    return None
