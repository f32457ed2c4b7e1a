"""Actor dictionary: who a span of text names, as a PLOVER entity.

Sources, in the order they are tried (the longest match at a position wins):

1. ``data/actors/*.tsv`` — one row per written form. Columns (tab-separated, the same
   in every file; ``#`` starts a comment line; the first non-comment row is a header):

   ``pattern``  the form as written (``アゼルバイジャン軍``, ``Pashinyan``); a pattern
                ``{country}<suffix>`` (kind ``suffix``) composes with any country name;
   ``lang``     ISO 639-1 code of the form, or ``*`` for any language;
   ``code``     ISO 3166 alpha-3 or a PLOVER non-state code (IGO, UNO, EUR, NGO, ...);
                ``{country}`` in a suffix row;
   ``sector``   PLOVER sector (GOV, MIL, CVL, COP, JUD, LEG, MED, PRE, ...) or empty;
   ``name``     canonical English name (``{name}`` in a suffix row: the country's);
   ``kind``     country, abbrev (a short form that only counts with a suffix: 米, 露),
                org, igo, person, breakaway, group, suffix, title (外相 alone: Japan's
                minister; after a name or Xの it belongs to that name), or vehicle (a
                military aircraft or ship type one state flies: Tu-95, 遼寧; vehicles.tsv);
   ``start``/``end``  years in office for people (empty: open);
   ``source``   where the fact comes from.
2. Country names from pycountry (English names and the Japanese names of its
   ``iso3166-1`` gettext catalogue).

Nothing is read until :meth:`ActorDictionary.load` is called.
"""

from __future__ import annotations

import csv
import gettext
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from frontwatch.errors import DataError
from frontwatch.records import Entity

COLUMNS = ("pattern", "lang", "code", "sector", "name", "kind", "start", "end", "source")
# Kinds whose match only counts when a suffix row follows it (米 alone is rice, 米軍 is USA MIL).
NEEDS_SUFFIX = frozenset({"abbrev"})
# Kinds a ``{country}<suffix>`` row composes with.
COMPOSES = frozenset({"country", "abbrev", "breakaway"})
_LATIN = re.compile(r"[A-Za-z]")
# アルメニア駐EU特使: after 駐 comes the host country of an envoy, not a party.
HOSTED = frozenset("駐")
_CJK = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fff]")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")  # a foreign name written in katakana: its own title
_KATAKANA_STATE = re.compile(r"^([\u30a1-\u30fa\u30fc]{2,})国$")  # エリトリア国 -> エリトリア


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of an actor file (or a pycountry name)."""

    pattern: str
    lang: str
    code: str
    sector: str | None
    name: str
    kind: str
    start: int | None = None
    end: int | None = None
    source: str = ""
    origin: str = ""  # "ja.tsv", "pycountry", ...

    def active(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)

    @property
    def ref(self) -> str:
        return f"{self.origin}:{self.pattern}"


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text: offsets are relative to the text searched."""

    text: str
    start: int
    end: int
    entity: Entity
    kind: str
    refs: tuple[str, ...] = ()  # "file:pattern" of the rows used


_Tails = list[tuple[str, "ActorEntry"]]  # suffix rows with the text after {country}


class ActorDictionary:
    """Finds actor mentions in text. Build with :meth:`load` or from entries (tests)."""

    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        self._by_lang: dict[str, dict[str, list[ActorEntry]]] = {}
        self._suffixes: dict[str, list[ActorEntry]] = {}
        for e in entries:
            if e.kind == "suffix":
                self._suffixes.setdefault(e.lang, []).append(e)
            else:
                key = e.pattern if e.lang != "en" else e.pattern.casefold()
                self._by_lang.setdefault(e.lang, {}).setdefault(key, []).append(e)
        for rows in self._suffixes.values():
            rows.sort(key=lambda e: -len(e.pattern))
        self._regex: dict[str, re.Pattern[str]] = {}
        self._merged: dict[str, dict[str, list[ActorEntry]]] = {}  # built once per language
        self._lengths: dict[str, list[int]] = {}
        self._tails: dict[str, list[tuple[str, ActorEntry]]] = {}  # built once per language
        self._tail_index: dict[str, tuple[dict[str, _Tails], _Tails]] = {}  # _suffix_index's

    @classmethod
    def load(cls, folder: Path | None = None, *, with_pycountry: bool = True) -> ActorDictionary:
        entries: list[ActorEntry] = []
        for path in _actor_files(folder):
            entries.extend(read_actor_file(path))
        if with_pycountry:
            entries.extend(pycountry_entries())
        return cls(entries)

    # ------------------------------------------------------------------ lookup

    def _patterns(self, lang: str) -> dict[str, list[ActorEntry]]:
        merged = self._merged.get(lang)
        if merged is None:
            merged = {}
            for key in (lang, "*"):
                for pat, rows in self._by_lang.get(key, {}).items():
                    merged.setdefault(pat, []).extend(rows)
            self._merged[lang] = merged
            self._lengths[lang] = sorted({len(p) for p in merged}, reverse=True)
        return merged

    def _pattern_regex(self, lang: str) -> re.Pattern[str]:
        rx = self._regex.get(lang)
        if rx is None:
            pats = sorted(self._patterns(lang), key=lambda p: (-len(p), p))
            body = "|".join(re.escape(p) for p in pats) or r"(?!x)x"
            if lang == "en":
                rx = re.compile(rf"(?<![A-Za-z])(?:{body})(?![A-Za-z])", re.IGNORECASE)
            else:
                rx = re.compile(body)
            self._regex[lang] = rx
        return rx

    def state_name(self, code: str, lang: str) -> str | None:
        """The name of the first country row of ``code`` in ``lang`` (the data files before
        pycountry's names): "DR Congo" for COD."""
        rows = [e for rs in self._patterns(lang).values() for e in rs
                if e.kind == "country" and e.code == code]
        rows.sort(key=lambda e: e.origin == "pycountry")
        return rows[0].name if rows else None

    def entries_for(self, text: str, lang: str) -> list[ActorEntry]:
        key = text.casefold() if lang == "en" else text
        return list(self._patterns(lang).get(key, []))

    def find(self, text: str, lang: str, *, year: int | None = None) -> list[ActorMention]:
        """Actor mentions in ``text``, left to right, not overlapping, longest first.

        At each position every dictionary form that starts there is tried with the
        suffixes that may follow it; the longest whole mention wins (米国務省 is
        米 + 国務省, not 米国 followed by noise).
        """
        rx = self._pattern_regex(lang)
        table = self._patterns(lang)
        lengths = self._lengths[lang]
        out: list[ActorMention] = []
        pos = 0
        while pos < len(text):
            m = rx.search(text, pos)
            if m is None:
                break
            best: ActorMention | None = None
            start, found = m.start(), m.end() - m.start()
            for size in lengths:
                if size > found or (lang != "en" and text[start:start + size] not in table):
                    continue  # no row is written so (the lookup _mention would make, without the call)
                cand = self._mention(text, start, start + size, table, lang, year)
                if cand is not None and (best is None or cand.end > best.end):
                    best = cand
            if best is None:
                pos = m.start() + 1
                continue
            if lang == "ja" and _inside_katakana_word(text, best):
                pos = m.start() + 1  # アブドルマリク is a name, not Mali (マリ)
                continue
            if lang == "ja" and best.start > 0 and text[best.start - 1] in HOSTED:
                pos = best.end  # 駐EU特使: the host of an envoy is not an actor here
                continue
            glued = out and best.start - out[-1].end <= 1 and (
                best.start == out[-1].end or text[best.start - 1] == "の")
            named = best.start > 0 and _KATAKANA.match(text, best.start - 1) is not None
            if best.kind == "title" and (glued or named or _CJK.match(text, best.end)):
                pos = best.end  # ラブロフ外相, ロシアの外相, 外相理事会: not Japan's minister
                continue
            out.append(best)
            pos = best.end
        return out

    def _mention(
        self, text: str, start: int, end: int, table: dict[str, list[ActorEntry]], lang: str,
        year: int | None,
    ) -> ActorMention | None:
        written = text[start:end]
        key = written.casefold() if lang == "en" else written
        rows = [e for e in table.get(key, []) if e.active(year)]
        if not rows:
            return None
        if lang == "en" and end < len(text) and _LATIN.match(text[end]):
            return None
        base = rows[0]
        suffix = self._suffix_at(text, end, lang) if base.kind in COMPOSES else None
        if suffix is None:
            if base.kind in NEEDS_SUFFIX:
                return None
            ent = Entity(text=written, name=base.name, code=base.code, sector=base.sector or None)
            return ActorMention(written, start, end, ent, base.kind, (base.ref,))
        stop = end + len(suffix.pattern) - len("{country}")
        sector = suffix.sector or base.sector or None
        if base.kind == "breakaway":
            sector = "PRE"  # Artsakh's army is still the breakaway entity, not Azerbaijan's
        name = suffix.name.replace("{name}", base.name)
        ent = Entity(text=text[start:stop], name=name, code=base.code, sector=sector)
        return ActorMention(text[start:stop], start, stop, ent, base.kind, (base.ref, suffix.ref))

    def _suffix_rows(self, lang: str) -> list[tuple[str, ActorEntry]]:
        """The suffix rows ``lang`` tries, in order, each with the text that follows ``{country}``."""
        rows = self._tails.get(lang)
        if rows is None:
            rows = [(row.pattern.replace("{country}", ""), row)
                    for row in self._suffixes.get(lang, []) + self._suffixes.get("*", [])]
            self._tails[lang] = rows
        return rows

    def _suffix_at(self, text: str, pos: int, lang: str) -> ActorEntry | None:
        if lang != "en":
            by_first, empty = self._suffix_index(lang)
            rows = by_first.get(text[pos:pos + 1], empty)
            return next((row for tail, row in rows if text.startswith(tail, pos)), None)
        rest = text[pos:].casefold()
        for tail, row in self._suffix_rows(lang):
            if rest.startswith(tail.casefold()):
                nxt = pos + len(tail)
                if nxt >= len(text) or not _LATIN.match(text[nxt]):
                    return row
        return None

    def _suffix_index(self, lang: str) -> tuple[dict[str, _Tails], _Tails]:
        """``_suffix_rows`` by the first character of their text, each list in the rows' order and
        with the rows of no text (which follow anything) in their places; those alone for any other
        character. The first row that follows a mention is found without trying every row."""
        index = self._tail_index.get(lang)
        if index is None:
            rows = self._suffix_rows(lang)
            firsts = {tail[0] for tail, _ in rows if tail}
            by_first = {c: [(t, r) for t, r in rows if not t or t[0] == c] for c in firsts}
            index = self._tail_index[lang] = (by_first, [(t, r) for t, r in rows if not t])
        return index


def _inside_katakana_word(text: str, m: ActorMention) -> bool:
    """A katakana name glued to more katakana on either side is part of a longer word."""
    if not _KATAKANA.match(text, m.start):
        return False
    before = m.start > 0 and _KATAKANA.match(text, m.start - 1) is not None
    last = m.end - 1
    after = (_KATAKANA.match(text, last) is not None and m.end < len(text)
             and _KATAKANA.match(text, m.end) is not None)
    return before or after


# ---------------------------------------------------------------------- loading


def _actor_files(folder: Path | None) -> list[Path]:
    if folder is not None:
        return sorted(folder.glob("*.tsv"))
    root = resources.files("frontwatch") / "data" / "actors"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".tsv"))


def _year(value: str, path: Path, line: int) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit():
        raise DataError(f"{path.name} line {line}: year {value!r} is not a number; write e.g. 2018")
    return int(value)


def read_actor_file(path: Path) -> list[ActorEntry]:
    """Rows of one actor TSV; a malformed row raises DataError naming file and line."""
    out: list[ActorEntry] = []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header_seen = False
        for n, row in enumerate(rows, 1):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            if not header_seen:
                if tuple(c.strip() for c in row) != COLUMNS:
                    raise DataError(f"{path.name}: the header must be {' '.join(COLUMNS)} (tab-separated)")
                header_seen = True
                continue
            if len(row) != len(COLUMNS):
                raise DataError(
                    f"{path.name} line {n}: {len(row)} columns, expected {len(COLUMNS)} "
                    f"({', '.join(COLUMNS)}), separated by tabs"
                )
            pat, lang, code, sector, name, kind, start, end, source = (c.strip() for c in row)
            if not pat or not code or not kind:
                raise DataError(f"{path.name} line {n}: pattern, code and kind must not be empty")
            out.append(ActorEntry(pat, lang or "*", code, sector or None, name or pat, kind,
                                  _year(start, path, n), _year(end, path, n), source, path.name))
    return out


@cache
def pycountry_entries() -> tuple[ActorEntry, ...]:
    """Country names in English and Japanese (pycountry's iso3166-1 catalogue)."""
    import pycountry

    tr: Callable[[str], str]
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"]).gettext
    except OSError:  # a pycountry build without locales: English names only
        tr = str

    out: list[ActorEntry] = []
    src = "pycountry iso3166-1"
    for c in pycountry.countries:
        canonical = getattr(c, "common_name", None) or c.name
        en_names = {c.name, canonical, getattr(c, "official_name", None) or c.name}
        for n in en_names:
            out.append(ActorEntry(n, "en", c.alpha_3, None, canonical, "country", source=src,
                                  origin="pycountry"))
        for n in _ja_forms([tr(c.name), tr(getattr(c, "official_name", None) or c.name)]):
            out.append(ActorEntry(n, "ja", c.alpha_3, None, canonical, "country", source=src,
                                  origin="pycountry"))
    return tuple(out)


def _ja_forms(names: Sequence[str]) -> set[str]:
    forms: set[str] = set()
    for name in names:
        if not name or _LATIN.search(name):
            continue  # untranslated entries stay English
        m = re.match(r"^(.*?)\s*\((.*?)\)$", name)
        parts = [m.group(1), m.group(2)] if m else [name]
        forms.update(p.strip() for p in parts if p.strip())
        # エリトリア国, モンゴル国: the catalogue's only Japanese name is the state's; the
        # katakana name before 国 is how articles write it (エリトリア: 14 times in 6 of the
        # 880 development pages and realworld, never as エリトリア国)
        short = _KATAKANA_STATE.match(name)
        if short:
            forms.add(short.group(1))
    return forms
