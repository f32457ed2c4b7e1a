"""What a Japanese sentence's records take from the sentences before it.

1. ``answer``: a statement with no one named (これに対して…と非難した) answers the party
   of the events just before it (``ANSWER_REACH``); an accusation, the doer of the latest
   attack or coercion among them (この事件を「挑発行為」と非難, after the other side's
   incursion and an ally's scramble: the incursion's side).
2. ``answered_posture``: a scramble (戦闘機が緊急発進) with no one named faces the side whose
   aircraft or ships made the latest posture event before it (``COUNTERPART_REACH``).
3. ``counterpart``: a pull-back or a threat faces the other side of the latest event that
   set its actor against someone (``COUNTERPART_REACH``); a statement of the same speaker just
   before it in the same sentence (…と非難し、「…」と警告) gives its recipient whole.
4. ``denial``: 「事実無根だ」と否定した, with nothing coded inside, denies the latest claim
   that involves the denier: the claim is repeated as ``denied``, claimed by the denier.
5. ``orphan_casualties``: a count of dead in a sentence that codes no attack goes to the
   attack before it.
"""

from __future__ import annotations

from dataclasses import replace

from frontwatch.coding.dating import TITLE_NOTE
from frontwatch.coding.ja.syntax import Analysis
from frontwatch.coding.ja.words import word_set
from frontwatch.coding.posture import ANSWERED_ACTS
from frontwatch.records import Event, Sentence
from frontwatch.resolve.factuality import find_casualties

HOSTILE = frozenset({"ASSAULT", "COERCE"})  # acts an accusation with no one named answers first
FACES_OTHER_SIDE = frozenset({"RETREAT", "THREATEN", "MOBILIZE", "SANCTION"})
COUNTERPART_REACH = 5  # earlier events searched for the side an actor faces
# a threat's target is not whoever spoke last; 合意を歓迎 answers the agreement's parties
ANSWERS = frozenset({"ACCUSE", "REQUEST", "REJECT", "PROTEST", "SUPPORT"})
ANSWER_REACH = 3  # events a reaction may answer; the first with another party wins
DENIAL_REACH = 6  # earlier events a denial may refer to


def _note(ev: Event, note: str, **changes: object) -> Event:
    why = ev.explanation
    return replace(ev, explanation=replace(why, notes=(*why.notes, note)) if why else None,
                   **changes)  # type: ignore[arg-type]


def _body(events: list[Event]) -> list[Event]:
    return [p for p in events if not (p.explanation and TITLE_NOTE in p.explanation.notes)]


def follow_discourse(made: list[Event], an: Analysis, earlier: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in made:  # an answer may reply to an event told earlier in the same sentence
        seen = [*earlier, *out]
        out.append(counterpart(answered_posture(answer(ev, seen), seen), seen))
    return out + denial(an, made, earlier)


def answer(ev: Event, earlier: list[Event]) -> Event:
    """これに対して…と非難した: a statement with no one named answers the last other party."""
    if ev.recipient or ev.event not in ANSWERS or ev.symmetric:
        return ev
    mine = {e.code for e in ev.actor}
    recent = _body(earlier)[-ANSWER_REACH:][::-1]
    if ev.event == "ACCUSE":  # この事件を「挑発行為」と非難: one accuses the act, not the one who answered it
        act = next((p for p in recent if p.event in HOSTILE and p.actor
                    and not {e.code for e in p.actor} & mine and not p.symmetric), None)
        if act is not None:
            return _note(ev, f"recipient: {act.actor[0].text}, whose act just before it accuses",
                         recipient=act.actor[:1])
    for prev in recent:
        claimants = tuple(e for e in prev.claimed_by if e.code and e.code not in mine)
        if claimants and ev.event in ("REJECT", "ACCUSE") and {e.code for e in prev.actor} & mine:
            # Xによると…Yが発砲した / Yは、これらの報告を否定した: Y answers the one who claims it
            return _note(ev, f"recipient: {claimants[0].text}, whose claim about it this answers",
                         recipient=claimants[:1])
        others = tuple(e for e in prev.actor if e.code not in mine)
        if others and not {e.code for e in prev.actor} & mine:
            return _note(ev, f"recipient: {others[0].text}, the party of the previous event it answers",
                         recipient=others[:1])
        faced = tuple(e for e in prev.recipient if e.code and e.code not in mine)
        if faced and {e.code for e in prev.actor} == mine and prev.event in ANSWERS:
            # 中国側に抗議し…、官房長官は…と非難した: the same side goes on facing the same party
            return _note(ev, f"recipient: {faced[0].text}, whom the same side faced just before",
                         recipient=faced[:1])
    return ev


def answered_posture(ev: Event, earlier: list[Event]) -> Event:
    """戦闘機が緊急発進した: forces scrambled with no one named answer the latest posture event
    (爆撃機が…を飛行した, 無人機が…を通過した) of another side."""
    why = ev.explanation
    answering = why is not None and why.trigger in word_set("answering_posture")
    if ev.recipient or ev.event != "MOBILIZE" or not answering:
        return ev
    mine = {e.code for e in ev.actor}
    for prev in earlier[-COUNTERPART_REACH:][::-1]:
        others = tuple(e for e in prev.actor if e.code and e.code not in mine)
        if prev.event in ANSWERED_ACTS and others and not {e.code for e in prev.actor} & mine:
            return _note(ev, f"recipient: {others[0].text}, whose posture at {list(prev.span)} it answers",
                         recipient=others[:1])
    return ev


def counterpart(ev: Event, earlier: list[Event]) -> Event:
    """撤収した / 「…措置を取る」と警告: a pull-back or a threat faces the other side of the
    latest event that set this actor against someone."""
    mine = {e.code for e in ev.actor}
    # 韓国艦艇が数回にわたって応射した: return fire answers the last attack, as 撃退したと発表 does
    answering = (ev.event == "ASSAULT" and ev.explanation is not None
                 and ev.explanation.trigger in word_set("return_fire"))
    self_report = ev.event == "ASSAULT" and (mine == {e.code for e in ev.claimed_by} or answering)
    if ev.recipient or ev.symmetric or (ev.event not in FACES_OTHER_SIDE and not self_report):
        return ev
    for prev in earlier[-COUNTERPART_REACH:][::-1]:
        if (prev.text == ev.text and prev.recipient and prev.event in ANSWERS
                and [e.name for e in prev.actor] == [e.name for e in ev.actor]):
            # …がアデンを封鎖していると非難し、「…手段をとる」と警告: the same speaker, in the same
            # sentence, warns the party it has just accused (also one of its own country: the STC)
            note = f"recipient: {prev.recipient[0].text}, whom the same speaker faced in this sentence"
            return _note(ev, note, recipient=prev.recipient)
        parties = (*prev.actor, *prev.recipient)
        codes = {e.code for e in parties}
        if self_report and prev.event == "ASSAULT" and not prev.recipient and not codes & mine:
            parties = prev.actor  # 「…を撃墜した」と発表: it answers the last attack by another side
            codes = codes | mine
        if codes & mine:
            others = tuple(e for e in parties if e.code not in mine and e.code)
            if others:
                why = ev.explanation
                note = f"recipient: {others[0].text}, the other side in the event at {list(prev.span)}"
                return replace(ev, recipient=others[:1],
                               explanation=replace(why, notes=(*why.notes, note)) if why else None)
    return ev


def orphan_casualties(sent: Sentence, made: list[Event], events: list[Event]) -> None:
    if any(e.event == "ASSAULT" for e in made):
        return
    cas = find_casualties(sent.text)
    if cas.dead is None and cas.injured is None:
        return
    for k in range(len(events) - 1, -1, -1):
        ev = events[k]
        if ev.event == "ASSAULT" and ev.dead is None and ev.factuality not in ("possible", "future"):
            note = f"casualties from the next sentence at {sent.start}: {', '.join(cas.notes)}"
            why = ev.explanation
            if why is not None:
                why = replace(why, notes=(*why.notes, note))
            events[k] = replace(ev, dead=cas.dead, injured=ev.injured if cas.injured is None else cas.injured,
                                explanation=why)
            return




def denial(an: Analysis, made: list[Event], earlier: list[Event]) -> list[Event]:
    """「事実無根だ」と否定した: the denied claim, once more, as the denier's denial."""
    out: list[Event] = []
    for rep in an.reports:
        if rep.kind != "deny" or rep.speaker is None:
            continue
        if any(rep.start <= e.span[0] for e in made if e.factuality == "denied"):
            continue
        who = rep.speaker.mention.entity
        claims = [p for p in _body(earlier)[-DENIAL_REACH:]
                  if p.factuality == "claimed" and who.code not in {c.code for c in p.claimed_by}
                  and who.code in {e.code for e in (*p.actor, *p.recipient)}]
        if not claims:
            continue
        own = [p for p in claims if who.code in {e.code for e in p.actor}]
        target = (own or claims)[-1]
        s = an.sentence
        note = f"denial: {rep.speaker.mention.text} denies the claim at {list(target.span)}"
        out.append(_note(target, note,
                         id="", text=s.text, span=(s.start, s.end), factuality="denied", claimed_by=(who,),
                         date=target.date, dead=None, injured=None))
    return out
