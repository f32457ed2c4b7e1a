"""Event lexicons: data files that name PLOVER events, read into typed entries.

Schema of ``data/lexicon/events.<lang>.toml`` (the same for every language)::

    [[entry]]
    pattern = "砲撃"          # the word, or a regular expression when match = "regex"
    match = "lemma"           # lemma | surface | regex
    event = "ASSAULT"         # one PLOVER event type
    mode = ["heavy-weapons"]  # PLOVER modes of that type (optional)
    context = ["military"]    # PLOVER contexts (optional)
    note = "shelling"         # what the entry is for (optional)
    symmetric = false         # true: two-sided fighting, both sides are actors (optional)
    needs = []                # words one of which must also be in the sentence (optional)
    speech = false            # true: a statement verb; its content is inside the quote (optional)
    genitive = "actor"        # what Xの<word> names: actor (default) or recipient (optional)
    compound = "recipient"    # what X<word> names: recipient (default) or actor (optional)
    by_speaker = false        # true: inside a report the speaker is the actor (偽旗) (optional)
    untargeted = "MOBILIZE"   # the event when no recipient is found: a launch at no one (optional)

Factuality cues, ``data/lexicon/factuality.<lang>.toml``::

    [[cue]]
    pattern = "可能性"
    match = "surface"         # surface | regex | lemma
    factuality = "possible"   # claimed | denied | possible | future | generic (not coded)
    note = "possibility"
"""

from __future__ import annotations

import importlib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from frontwatch.errors import DataError

EVENT_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
MATCH_KINDS = frozenset({"lemma", "surface", "regex"})
# "generic": the clause states an obligation or a norm, so the event word codes nothing.
FACTUALITIES = frozenset({"claimed", "denied", "possible", "future", "generic"})


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    pattern: str
    match: str
    event: str
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    note: str = ""
    symmetric: bool = False
    needs: tuple[str, ...] = ()
    speech: bool = False
    origin: str = ""
    regex: re.Pattern[str] | None = field(default=None, compare=False)
    roles: tuple[tuple[str, str], ...] = ()  # ("genitive", "recipient"), ("compound", "actor")
    by_speaker: bool = False  # said, it is the speaker's act: 「〇〇の偽旗作戦だ」と述べた
    untargeted: str = ""  # the event type when no recipient is found (a missile test is MOBILIZE)

    @property
    def ref(self) -> str:
        return f"{self.origin}:{self.pattern}"


@dataclass(frozen=True, slots=True)
class FactualityCue:
    pattern: str
    match: str
    factuality: str
    note: str = ""
    origin: str = ""
    regex: re.Pattern[str] | None = field(default=None, compare=False)

    @property
    def ref(self) -> str:
        return f"{self.origin}:{self.pattern}"


@dataclass(frozen=True)
class EventLexicon:
    """One language's event entries, indexed for lookup by lemma and by surface."""

    lang: str
    entries: tuple[LexiconEntry, ...]
    cues: tuple[FactualityCue, ...] = ()

    def by_lemma(self) -> dict[str, list[LexiconEntry]]:
        """Lemma rows by their lemma (built on first use: every sentence asks for it)."""
        return self._lemma_index

    def surface_entries(self) -> list[LexiconEntry]:
        return self._surface_rows

    def surface_entries_for(self, text: str) -> list[LexiconEntry]:
        """The surface and regex rows, in their order, that may match in ``text``: a row is left
        out when ``text`` has none of the characters a match of it can begin with (``first_chars``)."""
        by_char, always = self._surface_index
        picked = set(always)
        for ch in by_char.keys() & set(text):
            picked.update(by_char[ch])
        rows = self._surface_rows
        return [rows[k] for k in sorted(picked)]

    @cached_property
    def _surface_index(self) -> tuple[dict[str, list[int]], list[int]]:
        """Positions in ``_surface_rows`` by each character their match may begin with, and
        those of the rows that may begin with any."""
        by_char: dict[str, list[int]] = {}
        always: list[int] = []
        for k, e in enumerate(self._surface_rows):
            firsts = first_chars(e.regex) if e.regex is not None else frozenset(e.pattern[:1]) or None
            if firsts is None:
                always.append(k)
            for ch in firsts or ():
                by_char.setdefault(ch, []).append(k)
        return by_char, always

    @cached_property
    def _lemma_index(self) -> dict[str, list[LexiconEntry]]:
        out: dict[str, list[LexiconEntry]] = {}
        for e in self.entries:
            if e.match == "lemma":
                out.setdefault(e.pattern, []).append(e)
        return out

    @cached_property
    def _surface_rows(self) -> list[LexiconEntry]:
        return [e for e in self.entries if e.match != "lemma"]


def _data_path(name: str) -> Path:
    return Path(str(resources.files("frontwatch") / "data" / "lexicon" / name))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path.name} is not valid TOML ({exc}); fix the file") from exc


def read_lexicon_toml(name: str) -> dict[str, Any]:
    """``data/lexicon/<name>`` parsed; DataError names the file when it is not valid TOML."""
    return _read_toml(_data_path(name))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as written, longest first (北東部 before 東部)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _strs(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def _compile(pattern: str, match: str, where: str) -> re.Pattern[str] | None:
    if match != "regex":
        return None
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DataError(f"{where}: pattern {pattern!r} is not a valid regular expression ({exc})") from exc


def _pattern_and_match(row: dict[str, Any], where: str, default_match: str) -> tuple[str, str]:
    """A row's pattern and match kind, checked: every lexicon file's rows carry both."""
    pattern, match = row.get("pattern"), row.get("match", default_match)
    if not isinstance(pattern, str) or not pattern:
        raise DataError(f"{where}: pattern is missing")
    if match not in MATCH_KINDS:
        raise DataError(f"{where}: match must be one of {sorted(MATCH_KINDS)}, not {match!r}")
    return pattern, str(match)


def read_event_entries(path: Path) -> list[LexiconEntry]:
    data = _read_toml(path)
    out: list[LexiconEntry] = []
    for n, row in enumerate(data.get("entry", []), 1):
        where = f"{path.name} entry {n}"
        pattern, match = _pattern_and_match(row, where, "lemma")
        event = row.get("event")
        if event not in EVENT_TYPES:
            raise DataError(f"{where}: event {event!r} is not a PLOVER event type")
        untargeted = row.get("untargeted", "")
        if untargeted and untargeted not in EVENT_TYPES:
            raise DataError(f"{where}: untargeted {untargeted!r} is not a PLOVER event type")
        out.append(LexiconEntry(
            pattern, match, event, _strs(row.get("mode"), where, "mode"),
            _strs(row.get("context"), where, "context"), str(row.get("note", "")),
            bool(row.get("symmetric", False)), _strs(row.get("needs"), where, "needs"),
            bool(row.get("speech", False)), path.name, _compile(pattern, match, where),
            _roles(row, where), bool(row.get("by_speaker", False)), str(untargeted),
        ))
    return out


def _roles(row: dict[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    out = []
    for key in ("genitive", "compound"):
        val = row.get(key)
        if val is None:
            continue
        if val not in ("actor", "recipient"):
            raise DataError(f"{where}: {key} must be 'actor' or 'recipient', not {val!r}")
        out.append((key, str(val)))
    return tuple(out)


def read_cues(path: Path) -> list[FactualityCue]:
    if not path.is_file():
        return []
    data = _read_toml(path)
    out: list[FactualityCue] = []
    for n, row in enumerate(data.get("cue", []), 1):
        where = f"{path.name} cue {n}"
        pattern, match = _pattern_and_match(row, where, "surface")
        fact = row.get("factuality")
        if fact not in FACTUALITIES:
            raise DataError(f"{where}: factuality must be one of {sorted(FACTUALITIES)}, not {fact!r}")
        out.append(FactualityCue(pattern, match, fact, str(row.get("note", "")), path.name,
                                 _compile(pattern, match, where)))
    return out


@cache
def load_event_lexicon(lang: str) -> EventLexicon:
    """The packaged lexicon of ``lang``; DataError when it is missing or malformed."""
    path = _data_path(f"events.{lang}.toml")
    if not path.is_file():
        raise DataError(f"no event lexicon for language {lang!r} (expected {path})")
    return EventLexicon(lang, tuple(read_event_entries(path)),
                        tuple(read_cues(_data_path(f"factuality.{lang}.toml"))))


@cache
def first_chars(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``regex`` can begin with, read from its parse (``re._parser``);
    None when that is not a short list of literal characters (a class such as [^。], a range, an
    optional start, case folding) or the parse cannot be read."""
    if regex.flags & re.IGNORECASE:
        return None
    try:
        parser, const = importlib.import_module("re._parser"), importlib.import_module("re._constants")
        return _first(parser.parse(regex.pattern, regex.flags), const)
    except Exception:  # a private module of another Python: no shortcut, the same records
        return None


def _first(seq: Any, c: Any) -> frozenset[str] | None:
    """First characters of a parsed sequence; None when unknown or when it may match nothing."""
    for op, av in seq:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width (^, a lookahead, a lookbehind): the next item consumes the first character
        if op is c.LITERAL:
            return frozenset(chr(av))
        if op is c.IN:
            return frozenset(chr(v) for o, v in av) if all(o is c.LITERAL for o, _ in av) else None
        if op is c.BRANCH:
            alternatives = [_first(alt, c) for alt in av[1]]
            if any(a is None for a in alternatives):
                return None
            return frozenset().union(*[a for a in alternatives if a is not None])
        if op is c.SUBPATTERN:
            _group, add_flags, _del_flags, inner = av
            return None if add_flags & re.IGNORECASE else _first(inner, c)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return _first(av[2], c)
        return None
    return None  # empty: matches nothing at all, or only zero-width items
