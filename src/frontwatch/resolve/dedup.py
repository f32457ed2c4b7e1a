"""One record per action: repeated mentions in headline, lead and body are merged.

Two records are the same action when (numbered; all must hold):

1. the same PLOVER event type;
2. the same actor codes (for two-sided fighting: the same set of both sides), and, outside
   headlines, not a named armed group beside its own state: when one record's actors include
   a non-state group (``NON_STATE`` sectors: the Arakan Army, the RSF in Japanese) and the
   other's are all the state's own bodies (``STATE``: 国軍, the government), and no actor name
   is on both, they are the two sides of a civil war
   with one country code, each its own record (the sector test below splits REB from MIL
   only when both records carry a sector);
3. recipient codes equal, or one side has none;
4. dates equal, or one is null, or the coarser one (a year or a month, ``date_precision``)
   contains the finer: 今年 and 3月18日 tell one act; the record kept takes the finer date;
5. compatible factuality: possible/future only join possible/future (a warning is not
   the attack), except that a headline's hedged "…か" joins anything; denied only joins
   denied; claimed records join when their claimants overlap or one names none; a
   claimed body record joins an asserted one only when both state the same day (each
   side's version of an incident stays its own record, GUIDELINES); two claims by parties
   other than the doer (the target and an onlooker) on the same day join; the doer's and
   the target's claims of the same act on the same day (or one of them told without a day)
   join as one asserted record; the doer's own claim ("X said it struck Y") joins the
   narration of the act also when one of the two is told without its own day.
   Two undated records tell the same day: a page that prints no date cannot tell them
   apart by day, and one act must give one record; unless their sentences name two
   different days ("on Sunday", "on Tuesday": unresolved without a publication date, yet
   two days), counting every sentence already joined into the kept record.

A mention that fits several kept records joins the best fit (same factuality, a
common claimant, the same day), else the first.

The record kept is the first body mention (else the first); places, weapons, modes,
claimants and counts of the others are merged into it, and its explanation notes say
which spans were joined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from frontwatch.coding.dating import REPORT_DAY, STORY_DAY_NAME, TITLE_NOTE
from frontwatch.records import Entity, Event, Explanation, Place, side_codes

# The English coder's note for a sentence that names no day (the story's day stands in).
NO_DAY = "date: none in the sentence"
# The Japanese coder's notes for a sentence that names no day (the publication date, or the story's
# day, rule ja:story-day, stands in).
PUBLICATION_DAY = "date: the publication date"
STORY_DAY = f"date: carried from {STORY_DAY_NAME}"
DAY_JOINED = "dedup: the day of the joined mention"  # a page-day record took a stated day
HEDGED = frozenset({"possible", "future"})
# The English coder's note for an act its sentence calls new ("a separate airstrike").
SEPARATE_ACT = "en:separate-act"
# Sectors of armed or political groups outside the state (actors/*.tsv, sectors.toml).
NON_STATE = frozenset({"REB", "INS", "IMG", "SEP", "OPP"})
STATE = frozenset({"GOV", "MIL", "COP"})  # the state's own bodies: the other side of a civil war
# A day a sentence names, whether or not it can be resolved: "5日", "on Monday", "March 3";
# not a span of days ("10日ほど前", "3日間", "5日ぶり").
TOLD_DAY = re.compile(r"\d{1,2}日(?!ほど|間|前|後|以上|余り|ぶり)|"
                      r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
                      r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")


def _actors(e: Event) -> frozenset[str]:
    return side_codes(e.actor) | (side_codes(e.recipient) if e.symmetric else frozenset())


def _from_title(e: Event) -> bool:
    return bool(e.explanation and TITLE_NOTE in e.explanation.notes)


def same_action(a: Event, b: Event) -> bool:
    if a.event != b.event or _actors(a) != _actors(b) or not _actors(a):
        return False
    if _separate(a) or _separate(b):
        return False  # "in a separate Russian airstrike": a new act, told as one
    if not (a.symmetric or b.symmetric):
        ra, rb = side_codes(a.recipient), side_codes(b.recipient)
        if ra and rb and ra != rb:
            return False
    if not _dates_compatible(a, b) and not _retelling(a, b):
        return False
    sa, sb = _sectors(a), _sectors(b)
    if not (_from_title(a) or _from_title(b)) and sa and sb and not sa & sb:
        return False  # the coast guard's patrol and the army's drill: two bodies, two acts
    if not (_from_title(a) or _from_title(b)) and _other_parties(a, b):
        return False  # RSF and the army, both SDN: the two sides of a civil war (rule 2)
    return _factuality_compatible(a, b)


_PREFIX = {"year": 4, "month": 7, "day": 10}  # ISO characters a precision fixes


def _separate(e: Event) -> bool:
    return e.explanation is not None and any(n.startswith(SEPARATE_ACT) for n in e.explanation.notes)


def _dates_compatible(a: Event, b: Event, *, page: bool = True) -> bool:
    """Rule 4: equal dates, one null (or, with ``page``, only the page's publication date,
    ``PUBLICATION_DAY``), or the coarser one contains the finer. Two sides' versions (rule 5,
    ``_same_day``) compare the dates as they are: the page's day is a day there."""
    if not a.date or not b.date or a.date == b.date or (page and (_page_day(a) or _page_day(b))):
        return True
    n = min(_PREFIX[a.date_precision or "day"], _PREFIX[b.date_precision or "day"])
    return a.date[:n] == b.date[:n]


def _page_day(e: Event) -> bool:
    """The Japanese coder dated the record by the page's publication date or the story's day: its
    sentence names no day (双方は…ことで合意したが, after the lead told the agreement's day), so any
    day fits it."""
    notes = e.explanation.notes if e.explanation is not None else ()
    page = any(n.startswith((PUBLICATION_DAY, STORY_DAY)) for n in notes)
    return page and not any(n.startswith(DAY_JOINED) for n in notes)


def _finer(keep: Event, other: Event) -> Event:
    """Of two compatible records, the one whose date says more (``keep`` on a tie)."""
    if not keep.date or (_page_day(keep) and other.date and not _page_day(other)):
        return other  # a day the text states beats the publication date standing in
    if _page_day(other):
        return keep
    if not _dates_compatible(keep, other):  # a retelling (rule 5): the act's own day
        return other if _own_day(other) and not _own_day(keep) else keep
    if other.date and _PREFIX[other.date_precision or "day"] > _PREFIX[keep.date_precision or "day"]:
        return other
    return keep


def _other_parties(a: Event, b: Event) -> bool:
    """Rule 2: a named non-state group on one side only, and no actor name on both."""
    ga, gb = _sectors(a) & NON_STATE, _sectors(b) & NON_STATE
    na, nb = {e.name for e in a.actor if e.name}, {e.name for e in b.actor if e.name}
    state = b if ga else a
    named_state = all(e.sector in STATE for e in state.actor)
    return bool(ga) != bool(gb) and named_state and bool(na) and bool(nb) and not na & nb


def _sectors(e: Event) -> frozenset[str]:
    return frozenset(x.sector for x in e.actor if x.sector)


def _factuality_compatible(a: Event, b: Event) -> bool:
    if (a.factuality in HEDGED and _from_title(a)) or (b.factuality in HEDGED and _from_title(b)):
        return True
    if (a.factuality in HEDGED) != (b.factuality in HEDGED):
        return False
    if (a.factuality == "denied") != (b.factuality == "denied"):
        return False  # a denial is its own record beside the claim it denies
    if a.factuality == "claimed" and b.factuality == "claimed":
        ca, cb = side_codes(a.claimed_by), side_codes(b.claimed_by)
        return not ca or not cb or bool(ca & cb) or _both_sides(a, b) or _watchers(a, b)
    if {a.factuality, b.factuality} == {"claimed", "asserted"} and not (_from_title(a) or _from_title(b)):
        # a side's version joins the narration only when both tell the same day; the doer's own
        # claim also when one of the two is told without its day (a retelling, not a contest)
        return _same_day(a, b) or _retelling(a, b)
    return True


def _watchers(a: Event, b: Event) -> bool:
    """Two reports of one act on the same day by parties other than its doer (the target's
    military and a neighbour's coast guard each report North Korea's launch): nothing is
    contested, so one record (rule 5)."""
    doer = side_codes(a.actor) | side_codes(b.actor)
    said = side_codes(a.claimed_by) | side_codes(b.claimed_by)
    return not a.symmetric and not said & doer and _same_day(a, b)


def _retelling(a: Event, b: Event) -> bool:
    """The doer's own claim of an act ("X said it struck Y") and the story's asserted telling
    of it, one of the two told without a day of its own: one act told twice (rule 5)."""
    if {a.factuality, b.factuality} != {"claimed", "asserted"}:
        return False
    claim = a if a.factuality == "claimed" else b
    return _doer_claim(claim) and not (_own_day(a) and _own_day(b))


def _doer_claim(e: Event) -> bool:
    """"Israel said it struck ...": the claimants are the actor's own side, not the target's
    (whose version of a contested act stays its own record, GUIDELINES)."""
    said = side_codes(e.claimed_by)
    return bool(said) and said <= side_codes(e.actor) and not said & side_codes(e.recipient)


def _same_day(a: Event, b: Event) -> bool:
    """Both records give the same day (a year or month containing the other's day counts, rule
    4), or neither gives one (an undated page) and their
    sentences name no two different days ("5日", "on Monday" stay unresolved without a
    publication date, yet still tell two days apart)."""
    if a.date and b.date:
        return _dates_compatible(a, b, page=False)  # 今年 (a year) tells no other day than 3月18日
    if a.date or b.date:
        return False
    da, db = _told_days(a.text), _told_days(b.text)
    return not da or not db or bool(da & db)


def _told_days(text: str) -> frozenset[str]:
    return frozenset(m.group(0).casefold() for m in TOLD_DAY.finditer(text))


def _own_day(e: Event) -> bool:
    """The record gives its act a day, not only the day of the report that tells it."""
    return bool(e.date) and not (e.explanation is not None
                                 and any(REPORT_DAY in n or NO_DAY in n for n in e.explanation.notes))


def _both_sides(a: Event, b: Event) -> bool:
    """The doer and the target each tell the same act on the same day: nothing is contested."""
    sides = {side_codes(a.actor), side_codes(a.recipient)}
    pa, pb = {p.name or p.text for p in a.event_loc}, {p.name or p.text for p in b.event_loc}
    days = _same_day(a, b) or not (_own_day(a) and _own_day(b))  # one told without its day (or the report's)
    return (days and not a.symmetric
            and {side_codes(a.claimed_by), side_codes(b.claimed_by)} == sides
            and (not pa or not pb or bool(pa & pb)))  # different places: different acts


def _fit(kept: Event, ev: Event) -> tuple[int, int, int]:
    """How well a mention fits a kept record: same factuality, claimants, day."""
    return (kept.factuality == ev.factuality,
            bool(side_codes(kept.claimed_by) & side_codes(ev.claimed_by)),
            _same_day(kept, ev))


def _union_ents(*groups: Sequence[Entity]) -> tuple[Entity, ...]:
    seen: set[str | None] = set()
    out: list[Entity] = []
    for g in groups:
        for e in g:
            if e.code not in seen:
                seen.add(e.code)
                out.append(e)
    return tuple(out)


def _union_places(*groups: Sequence[Place]) -> tuple[Place, ...]:
    seen: set[str] = set()
    out: list[Place] = []
    for g in groups:
        for p in g:
            key = p.name or p.text
            if key not in seen:
                seen.add(key)
                out.append(p)
    return tuple(out)


def _uniq(*groups: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for g in groups for x in g))


def merge(keep: Event, other: Event) -> Event:
    """``keep`` with what ``other`` adds."""
    fact, claimed = keep.factuality, keep.claimed_by
    if _from_title(keep) and keep.factuality in HEDGED and other.factuality not in HEDGED:
        fact, claimed = other.factuality, other.claimed_by
    if fact == "claimed" and other.factuality == "claimed" and _both_sides(keep, other):
        fact, claimed = "asserted", ()  # confirmed by both sides
    why = keep.explanation
    dated = _finer(keep, other)
    if why is not None:
        more = other.explanation.lexicon if other.explanation else ()
        day = (f"{DAY_JOINED} {dated.date}",) if _page_day(keep) and dated is other and other.date else ()
        why = Explanation(why.rule, why.trigger, _uniq(why.lexicon, more),
                          (*why.notes, f"dedup: joined the mention at {list(other.span)}", *day))
    return replace(
        keep,
        recipient=keep.recipient or other.recipient,
        event_loc=_union_places(keep.event_loc, other.event_loc),
        weapons=_uniq(keep.weapons, other.weapons),
        mode=_uniq(keep.mode, other.mode),
        context=_uniq(keep.context, other.context),
        dead=keep.dead if keep.dead is not None else other.dead,
        injured=keep.injured if keep.injured is not None else other.injured,
        date=dated.date,
        date_precision=dated.date_precision,
        factuality=fact,
        claimed_by=_union_ents(claimed, other.claimed_by if other.factuality == fact else ()),
        horizon=keep.horizon or other.horizon,
        horizon_days=keep.horizon_days if keep.horizon_days is not None else other.horizon_days,
        explanation=why,
        joined=(*keep.joined, other.span, *other.joined),
    )


def merge_duplicates(events: Sequence[Event], *, drop_lone_headlines: bool = False) -> list[Event]:
    """Events with repeated mentions joined; order of first kept mention preserved.

    ``drop_lone_headlines`` drops headline records that join no body record. Off: on
    tests/gold/ja it cost 3 recalled events for 3 false ones saved (F1 0.673 -> 0.653).
    """
    ordered = sorted(events, key=lambda e: (_from_title(e), e.span[0]))  # body mentions lead
    out: list[Event] = []
    days: list[frozenset[str]] = []  # the days the sentences joined into each kept record name
    for ev in ordered:
        told = _told_days(ev.text) if not ev.date else frozenset()
        fits = [i for i, kept in enumerate(out) if same_action(kept, ev)
                and not (told and days[i] and not told & days[i] and not kept.date)]
        if fits:
            i = max(fits, key=lambda k: (_fit(out[k], ev), -k))  # the best fit, else the first
            out[i] = merge(out[i], ev)
            days[i] |= told
        else:
            out.append(ev)
            days.append(told)
    if drop_lone_headlines and any(not _from_title(e) for e in out):
        out = [e for e in out if not _from_title(e)]
    return [e for e in out if not _restates_body(e, out)]


def _restates_body(headline: Event, kept: Sequence[Event]) -> bool:
    """A headline record of a party acting on another, when the body has a record of the
    same two parties: the headline restates the lead in other words (侵攻 for the lead's
    占領), so the body's record, with its sentence and type, stands for the action."""
    if not _from_title(headline) or not side_codes(headline.recipient):
        return False
    return any(
        not _from_title(b) and _actors(b) == _actors(headline)
        and side_codes(b.recipient) == side_codes(headline.recipient)
        for b in kept
    )
