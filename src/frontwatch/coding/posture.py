"""Military posture acts shared by both languages (issue 12, kind 2), run on a page's finished records.

1. ``scramble_answers`` (rule ``posture:scramble-answer``): fighters scrambled at another side's
aircraft are two acts, the defender's scramble and the flight or entry it answers ("Japan
scrambled fighter jets after two Russian IL-38 aircraft were spotted", 中国軍機が防空識別圏に
侵入し、空自の戦闘機が緊急発進). The coder writes one record per sentence for them; when that
record is a MOBILIZE between two named sides, its sentence holds a scramble word and names the
other side, and the page has no posture record of that side, the other act is written too:
the same sentence, the sides swapped.
2. ``watched_craft`` (rule ``posture:watched-craft``): "Taiwan's defence ministry said it detected
19 Chinese military aircraft": a MOBILIZE read from a watching word whose actor is the side that
tells it, facing another side, is the other side's posture at the watcher: the sides swap.
3. ``sea_launch_ja`` / ``sea_launch_en``: a launch into the sea ("fired a missile into the sea
off the east coast", 日本海に向けて…発射) is aimed at no one even when a country is named beside
the sea: the language coders then keep it MOBILIZE (ja.sea-launch, en:posture-launch).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from frontwatch.coding.lexicon import alternation, read_lexicon_toml
from frontwatch.records import Event, Explanation, side_codes

RULE = "posture:scramble-answer"
# The acts a scramble may answer: an entry, a flight, a show of force (both languages; the
# Japanese coder's ja.discourse answered_posture reads the same set).
ANSWERED_ACTS = frozenset({"MOBILIZE", "COERCE", "THREATEN"})
WATCHED = "posture:watched-craft"
# Words after a direction word that may end in the sea it names ("into the East China Sea": 4).
SEA_WORDS = 4


@cache
def _data() -> dict[str, Any]:
    return read_lexicon_toml("posture.toml")


@cache
def scramble_words() -> dict[str, re.Pattern[str]]:
    """language -> a pattern of its scramble words (data/lexicon/posture.toml)."""
    out: dict[str, re.Pattern[str]] = {}
    for lang, found in _data().get("scramble", {}).items():
        alts = alternation(found)
        out[lang] = re.compile(rf"\b(?:{alts})\b" if lang == "en" else alts, re.IGNORECASE)
    return out


def scramble_answers(events: list[Event]) -> list[Event]:
    """``events`` (a page's, in text order) with the answered side's act after each scramble
    record that tells both acts in one sentence; a scramble whose sentence has its own record of
    another side's act at the scrambler (ロシアの無人機が領空を侵犯したため、F16戦闘機2機を緊急発進
    させた) faces that side (rule ``posture:scramble-at``), whatever else the sentence names."""
    out: list[Event] = []
    for ev in events:
        ev = _faced(ev, events)
        out.append(ev)
        other = _answered(ev, events)
        if other is not None:
            out.append(other)
    return out


FACED = "posture:scramble-at"


def _faced(ev: Event, page: list[Event]) -> Event:
    words = scramble_words().get(ev.language)
    why = ev.explanation
    if ev.event != "MOBILIZE" or words is None or why is None or not words.search(why.trigger):
        return ev
    mine = side_codes(ev.actor)
    for e in page:
        theirs = side_codes(e.actor)
        if (e is not ev and e.text == ev.text and e.event in ANSWERED_ACTS and theirs and not theirs & mine
                and side_codes(e.recipient) & mine):
            note = f"{FACED}: the scramble answers the act at [{e.span[0]}, {e.span[1]}] of the side it faces"
            return replace(ev, recipient=e.actor, explanation=replace(why, notes=(*why.notes, note)))
    return ev


def watched_craft(events: list[Event]) -> list[Event]:
    """``events`` with each watcher's report of another side's craft turned to that side's act."""
    return [_watched(ev) for ev in events]


@cache
def _watch_words(lang: str) -> frozenset[str]:
    return frozenset(_data().get("watched", {}).get(lang, ()))


def _watched(ev: Event) -> Event:
    words = _watch_words(ev.language)
    why = ev.explanation
    if ev.event != "MOBILIZE" or why is None or not words & set(why.trigger.casefold().split()):
        return ev
    mine, theirs, teller = side_codes(ev.actor), side_codes(ev.recipient), side_codes(ev.claimed_by)
    if not mine or not theirs or mine & theirs or not mine <= teller:
        return ev  # the craft's side is the actor already ("were detected"), or no side faces it
    note = f"{WATCHED}: {why.trigger!r} is told by the watcher; the craft's side acts at it"
    return replace(ev, actor=ev.recipient, recipient=ev.actor,
                   explanation=replace(why, notes=(*why.notes, note)))


def _answered(ev: Event, page: list[Event]) -> Event | None:
    """The answered side's MOBILIZE told in ``ev``'s sentence, or None."""
    words = scramble_words().get(ev.language)
    if ev.event != "MOBILIZE" or words is None:
        return None
    found = words.search(ev.text)
    mine, theirs = side_codes(ev.actor), side_codes(ev.recipient)
    if found is None or not mine or not theirs or mine & theirs:
        return None
    if not any(e.text and e.text in ev.text for e in ev.recipient):
        return None  # the side answered is not named in the sentence (空自機が緊急発進して対応)
    if any(e.event == "MOBILIZE" and side_codes(e.actor) & theirs for e in page):
        return None  # the page tells that side's act itself
    why = Explanation(RULE, found.group(0), (), (
        f"{RULE}: the scramble at [{ev.span[0]}, {ev.span[1]}] answers this act of the side it faces",))
    return replace(ev, actor=ev.recipient, recipient=ev.actor, weapons=(), dead=None, injured=None,
                   explanation=why, joined=())


@cache
def _sea_ja() -> re.Pattern[str]:
    return re.compile(str(_data()["sea_launch"]["ja"]))


def sea_launch_ja(before: str) -> bool:
    """Does the text of the act's clause before the launch word send it into a sea (日本海に向けて)?"""
    return _sea_ja().search(before) is not None


def sea_launch_en(lemmas_after: list[str]) -> bool:
    """Do the words after the launch verb send it into a sea ("into the sea", "toward waters")?"""
    conf = _data()["sea_launch"]
    directions, seas = set(conf["en_directions"]), set(conf["en_seas"])
    return any(w in directions and seas & set(lemmas_after[k + 1:k + 1 + SEA_WORDS])
               for k, w in enumerate(lemmas_after))
