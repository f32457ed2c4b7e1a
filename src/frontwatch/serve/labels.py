"""Names for readers: "Armenia (ARM)" for a code, and incidents explained in plain words.

The analysis stage records why it joined two records in a compact developer form
(``a#1 ~ b#6: Goris and Laçın 23 km apart``). ``explain_incident`` turns each such line
into a sentence a reader can follow ("An ASSAULT report and an ACCUSE report were
joined because both name Goris and Laçın, 23 km apart, on the same day"); a line it
does not recognise is left out of the plain list and stays in the folded detail.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from frontwatch.codes import code_label as _named
from frontwatch.records import Entity, Event


def entity_names(events: Iterable[Event]) -> dict[str, list[str]]:
    """code -> the distinct names its entities carry in ``events``, in order of appearance."""
    out: dict[str, list[str]] = {}
    for ev in events:
        ents: Sequence[Entity] = (*ev.actor, *ev.recipient, *ev.claimed_by)
        for ent in ents:
            if not ent.code:
                continue
            names = out.setdefault(ent.code, [])
            name = ent.name or ent.text
            if name and name not in names:
                names.append(name)
    return out


def code_label(code: str, seen: Mapping[str, Sequence[str]] | None = None) -> str:
    """"Armenia (ARM)"; "NATO / CSTO (IGO)" for a shared organisation code; the code alone
    when no name is known."""
    return _named(code, (seen or {}).get(code, ()))


def labels(codes: Iterable[str], seen: Mapping[str, Sequence[str]]) -> dict[str, str]:
    return {c: code_label(c, seen) for c in dict.fromkeys(codes) if c}


# ----------------------------------------------------------------- incidents

_LINK = re.compile(r"^(?P<a>.+?) ~ (?P<b>.+?): (?P<why>.+)$")
_SAME_PLACE = re.compile(r"^same place (?P<place>.+)$")
_NEAR = re.compile(r"^(?P<x>.+) and (?P<y>.+) (?P<km>\d+) km apart$")
_PARTIES = re.compile(r"^same parties (?P<codes>[A-Z-]+)$")
_SAME_DOC = re.compile(r"^same document (?P<doc>.+), shared party (?P<codes>[A-Z-]+)$")
_DISAGREE = re.compile(
    r"^versions disagree on who acted: (?P<c1>\S+) says (?P<a1>\S+), (?P<c2>\S+) says (?P<a2>\S+)$")
_DENIES = re.compile(r"^(?P<who>\S+) denies (?P<id>.+) \((?P<type>[A-Z]+) by (?P<by>\S+)\)$")
_ACCUSES = re.compile(r"^(?P<who>\S+) accuses (?P<other>\S+) \((?P<ids>.*)\), whose version is part of it$")


def _day(ev: Event | None) -> dt.date | None:
    if ev is None or not ev.date or ev.date_precision not in (None, "day"):
        return None
    try:
        return dt.date.fromisoformat(ev.date[:10])
    except ValueError:
        return None


def _when(a: Event | None, b: Event | None) -> str:
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return ""
    gap = abs((da - db).days)
    if gap == 0:
        return f", on the same day ({da.isoformat()})"
    first, last = min(da, db).isoformat(), max(da, db).isoformat()
    return f", {gap} day{'s' if gap != 1 else ''} apart ({first} and {last})"


def _record(ev: Event | None) -> str:
    return f"{'an' if ev and ev.event[:1] in 'AEIOU' else 'a'} {ev.event} report" if ev else "a report"


def _codes_label(joined: str, seen: Mapping[str, Sequence[str]], sep: str = "-") -> str:
    parts = [code_label(c, seen) for c in joined.split(sep) if c]
    return " and ".join(parts) if len(parts) <= 2 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _link_sentence(line: str, by_id: Mapping[str, Event], seen: Mapping[str, Sequence[str]]) -> str | None:
    m = _LINK.match(line)
    if not m:
        return None
    a, b, why = by_id.get(m["a"]), by_id.get(m["b"]), m["why"]
    first = _record(a)
    pair = f"{first[:1].upper()}{first[1:]} and {_record(b)} were joined because"
    when = _when(a, b)
    if p := _SAME_PLACE.match(why):
        return f"{pair} both name {p['place']}{when}."
    if p := _NEAR.match(why):
        return f"{pair} they name {p['x']} and {p['y']}, {p['km']} km apart{when}."
    if p := _PARTIES.match(why):
        return f"{pair} both are between {_codes_label(p['codes'], seen)}{when}."
    if p := _SAME_DOC.match(why):
        title = p["doc"]
        return f"{pair} the same document ({title}) tells both, naming {_codes_label(p['codes'], seen)}."
    return None


def _contest_sentence(line: str, seen: Mapping[str, Sequence[str]]) -> str | None:
    if m := _DISAGREE.match(line):
        return (f"Contested: {code_label(m['c1'], seen)} says {_codes_label(m['a1'], seen, '/')} acted; "
                f"{code_label(m['c2'], seen)} says {_codes_label(m['a2'], seen, '/')} acted.")
    if m := _DENIES.match(line):
        return (f"Contested: {_codes_label(m['who'], seen, '/')} denies the {m['type']} "
                f"by {_codes_label(m['by'], seen, '/')}.")
    if m := _ACCUSES.match(line):
        return (f"Contested: {code_label(m['who'], seen)} accuses {code_label(m['other'], seen)}, "
                "whose own version is part of this incident.")
    return None


def explain_incident(
    reasons: Sequence[str], events: Sequence[Event], seen: Mapping[str, Sequence[str]]
) -> list[str]:
    """Plain sentences for the reasons the analysis gave, each once, in their order."""
    by_id = {e.id: e for e in events}
    out: list[str] = []
    for line in reasons:
        sentence = _link_sentence(line, by_id, seen) or _contest_sentence(line, seen)
        if sentence and sentence not in out:
            out.append(sentence)
    return out
