"""Article-level readings of English records: what a sentence's record means given the
records before it in the same story (``coding.en.coder`` calls these in text order).

- ``repelled``: "X repelled a Y unit" is Y's attack on X, told by X.
- ``weapon_subject``: "the second missile struck ..." continues the last attack.
- ``place_actor``: an attack or protest by no one named is by the country of its place.
- ``detail`` / ``title``: an unattributed attack after another one, or in a headline, is
  no record of its own.
- ``counterpart``: a reaction with no target answers the last other party; an interception
  of drones or missiles is the other side's attack.
- ``carry_date``: a sentence with no date takes the day of the record before it.
- ``told_days``: the day a sentence gives an act it makes no record of (``coding.dating``).
- ``casualties``: a casualty sentence with no event gives its counts to the attack before.
- ``has_actor`` (en:no-actor): a statement, request or measure by no one named is no record
  (an attack or launch by no one named may be; the story names its side).
- ``repeated``: a record that tells again an action the story has coded (en:known-action,
  en:same-statement) is no record of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from frontwatch.codes import code_name
from frontwatch.coding.dating import REPORT_DAY, TITLE_NOTE, ToldDay
from frontwatch.coding.en import counts
from frontwatch.coding.en.mentions import dateline_end
from frontwatch.coding.en.rules import EnglishRules
from frontwatch.records import Entity, Event, Sentence, side_codes
from frontwatch.resolve.dates_en import resolve_date
from frontwatch.resolve.dedup import SEPARATE_ACT

# Words between a determiner and the event noun it points back with ("the militant attack",
# "the latest US airstrike").
KNOWN_MODIFIERS = 2


def read(ev: Event, before: Sequence[Event], rules: EnglishRules) -> Event:
    """A sentence's record read against the story's records ``before`` it."""
    # a passive interception ("drones were shot down over Russia") names its defender only by the
    # place or as the last attacker, so it is read again once one of them has given the actor
    first = place_actor(weapon_subject(intercepted(repelled(ev, rules), rules), before, rules), before, rules)
    notes = set(first.explanation.notes) if first.explanation is not None else set()
    placed = bool({PLACE_ACTOR, WEAPON_ACTOR} & notes)
    return intercepted(first, rules) if placed else first


PLACE_ACTOR = "actor: none named -> the country of the place"
WEAPON_ACTOR = "actor: a weapon as subject -> the last attacker"
INTERCEPTED = "en:interception-named: the projectiles' side attacked, told by the defender"
PASSIVE_END = re.compile(r"\b(?:was|were|been|being)\s+$")  # "drones were " before "shot down"


def intercepted(ev: Event, rules: EnglishRules) -> Event:
    """"Russian air defences destroyed 41 Ukrainian drones" / "Six Ukrainian drones were shot down
    over Russia": the drones' side attacked, as the defender tells it (rule
    en:interception-named: the projectiles' owner is named)."""
    if ev.event != "ASSAULT" or not ev.actor or not ev.recipient or ev.explanation is None \
            or "repelled" in " ".join(ev.explanation.notes) or INTERCEPTED in ev.explanation.notes:
        return ev
    trig = ev.explanation.trigger
    if not trigger_lemmas(trig, rules) & (rules.syntax.defensive | rules.syntax.downing):
        return ev
    before, _, after = ev.text.partition(trig) if trig in ev.text else ("", "", "")
    head = re.split(r"\b(?:with|using|by)\b|[,;]", after, maxsplit=1)[0]
    # "Six Ukrainian drones were shot down over Russia": the projectiles are the passive's subject
    passive = PASSIVE_END.search(before)
    subject = re.split(r"[,;]|\b(?:and|but|said|says|that)\b", before)[-1] if passive else ""
    if subject and not any(e.text and e.text in subject for e in ev.recipient):
        subject = ""  # "Twenty-six of the drones were destroyed": no side named on them
    if not (lemmas(head) | lemmas(subject)) & rules.syntax.projectiles:
        return ev
    why = replace(ev.explanation, notes=(*ev.explanation.notes, INTERCEPTED))
    return replace(ev, actor=ev.recipient, recipient=ev.actor, factuality="claimed",
                   claimed_by=ev.claimed_by or ev.actor, explanation=why)


def repelled(ev: Event, rules: EnglishRules) -> Event:
    """"Its border troops turned back an Armenian reconnaissance unit": the Armenian unit's
    incursion on Azerbaijan, as Azerbaijan tells it."""
    if ev.event != "ASSAULT" or not ev.actor or not ev.recipient or ev.explanation is None:
        return ev
    if not trigger_lemmas(ev.explanation.trigger, rules) & rules.syntax.repelling:
        return ev
    why = replace(ev.explanation, notes=(*ev.explanation.notes,
                                         "repelled: the other side's attack, told by the defender"))
    return replace(ev, actor=ev.recipient, recipient=ev.actor, factuality="claimed",
                   claimed_by=ev.claimed_by or ev.actor, explanation=why)


def detail(ev: Event, before: Sequence[Event]) -> bool:
    """"Three people were killed in the strikes": an attack by no one named after another
    attack is a detail of that one (its counts go there), not a record of its own."""
    return ev.event == "ASSAULT" and any(p.event == "ASSAULT" for p in before)


def title(ev: Event) -> bool:
    """A headline's record (a headline naming no actor repeats the body's story)."""
    return ev.explanation is not None and TITLE_NOTE in ev.explanation.notes


_WORD = re.compile(r"[A-Za-z]+")


def lemmas(text: str) -> set[str]:
    return {_lemma(w) for w in _WORD.findall(text)}


def weapon_subject(ev: Event, before: Sequence[Event], rules: EnglishRules) -> Event:
    """"The second missile struck the same neighbourhood", "the same wave of drones hit ...":
    an attack whose subject is a weapon or the attack itself is the last attacker's."""
    if ev.event != "ASSAULT" or ev.actor or ev.explanation is None:
        return ev
    trigger = ev.explanation.trigger
    head = ev.text.split(trigger, 1)[0] + trigger if trigger in ev.text else ""
    words = lemmas(head)
    if not words & (rules.syntax.projectiles | rules.syntax.attack_nouns):
        return ev
    last = next((p for p in reversed(before) if p.event == "ASSAULT" and p.actor), None)
    if last is None:
        return ev
    why = replace(ev.explanation, notes=(*ev.explanation.notes,
                                         WEAPON_ACTOR))
    return replace(ev, actor=last.actor, recipient=ev.recipient or last.recipient, explanation=why)


def place_actor(ev: Event, before: Sequence[Event], rules: EnglishRules) -> Event:
    """"A roadside bombing near Samarra killed one U.S. soldier": an attack by no one named,
    in a story that has told no other attack, is coded as by the country where it happened
    (as the PLOVER gold standard does). After another attack it is a detail of that one.
    Protesters named by no country ("hundreds protested outside the embassy in X") are X's.
    With no place named, an unnamed armed group's attack on one country's own soldiers or
    police is that country's insurgents' (rule en:domestic-group)."""
    if ev.event not in ("ASSAULT", "PROTEST", "MOBILIZE") or ev.actor or ev.explanation is None:
        return ev
    if ev.event == "MOBILIZE" and ev.explanation.rule != "en:posture-launch":
        return ev  # "missiles were fired into the sea from near Nampo": the launch site's side
    if title(ev):
        return ev  # a headline's attacker is named in the body
    if ev.event != "PROTEST" and any(p.event == ev.event for p in before):
        # "killed in a new rebel attack": the unnamed group is of the country it struck
        return _domestic_group(ev, rules, forces_only=False)
    place = next((p for p in ev.event_loc if p.country), None)
    if place is None and ev.event == "PROTEST" and ev.recipient:
        why = replace(ev.explanation, notes=(*ev.explanation.notes,
                                             "actor: none named -> a domestic protest"))
        return replace(ev, actor=ev.recipient[:1], explanation=why)
    if place is None:
        return _domestic_group(ev, rules)
    notes = [*ev.explanation.notes, PLACE_ACTOR]
    victims = () if ev.recipient else _local_victims(ev, str(place.country), rules)
    if victims:
        notes.append(f"en:local-victims: {victims[0].text}, no country written -> the country of the place")
    return replace(ev, actor=(Entity(text=place.text, name=place.name, code=place.country),),
                   recipient=ev.recipient or victims, explanation=replace(ev.explanation, notes=tuple(notes)))


def _local_victims(ev: Event, country: str, rules: EnglishRules) -> tuple[Entity, ...]:
    """Rule en:local-victims (``place_actor``): the people an attack by no one named killed or
    hurt, with no country written for them ("Bandits have killed 15 people in ... Zamfara
    State"), are civilians of the country where it happened."""
    if ev.event != "ASSAULT" or ev.explanation is None:
        return ()
    trig = ev.explanation.trigger
    after = ev.text.split(trig, 1)[1] if trig and trig in ev.text else ""
    near = _WORD.findall(after)[:6]  # "killed 15 people", "killing at least three villagers"
    word = next((w for w in near if _lemma(w.lower()) in rules.syntax.local_victims), None)
    if word is None:
        return ()
    return (Entity(text=word, name=code_name(country), code=country, sector="CVL"),)


def _domestic_group(ev: Event, rules: EnglishRules, forces_only: bool = True) -> Event:
    """Rule en:domestic-group (``place_actor``): "a guerrilla group attacked an army base,
    killing seven Colombian soldiers", "soldiers were killed in an ambush by armed men": the
    attackers, an armed group the text leaves unnamed (``armed_groups``, "armed" before an
    ``armed_heads`` noun), are of the country whose soldiers or police they attacked. With no
    place named that takes soldiers or police as the target; after another attack of the story
    (``forces_only`` False), any one country's people ("19 people were killed in a new rebel
    attack in the eastern DRC", "Gangs stormed a police station" in Haiti)."""
    if ev.event != "ASSAULT" or ev.explanation is None or side_codes(ev.actor):
        return ev
    codes = side_codes(ev.recipient)
    if len(codes) != 1 or (forces_only and not any(e.sector in ("MIL", "COP") for e in ev.recipient)):
        return ev
    words = _WORD.findall(ev.text)
    group = next((f"{w} {words[k + 1]}" if w.lower() == "armed" else w for k, w in enumerate(words)
                  if _lemma(w.lower()) in rules.syntax.armed_groups
                  or (w.lower() == "armed" and k + 1 < len(words)
                      and _lemma(words[k + 1].lower()) in rules.syntax.armed_heads)), None)
    if group is None:
        return ev
    home = next(e for e in ev.recipient if e.code)
    note = f"en:domestic-group: {group}, unnamed, against the country's own forces -> that country"
    why = replace(ev.explanation, notes=(*ev.explanation.notes, note))
    return replace(ev, actor=(Entity(text=group, name=home.name, code=home.code, sector="REB"),),
                   explanation=why)


def _lemma(word: str) -> str:
    from frontwatch.nlp.english import default_lemmatizer

    return default_lemmatizer().lemma(word)


def trigger_lemmas(trigger: str, rules: EnglishRules) -> set[str]:
    """The lemma phrases a trigger's words may stand for ("shot down" -> "shoot down")."""
    return {" ".join(_lemma(w) for w in trigger.split())}


def carry_date(ev: Event, before: Sequence[Event]) -> Event:
    """No date in the sentence: the date of the record before it in the article (a story's
    later sentences go on about its lead), else the publication date already set."""
    why = ev.explanation
    if not before or why is None or not any(n.startswith("date: none") for n in why.notes):
        return ev
    last = before[-1]
    if last.date is None or last.date == ev.date or last.date_precision != "day":
        return ev  # "last month" in one sentence does not date the story's next ones
    kept = [n for n in why.notes if not n.startswith("date: none")]
    notes = (*kept, f"date: none in the sentence -> that of the record before ({last.date})")
    return replace(ev, date=last.date, date_precision=last.date_precision,
                   explanation=replace(why, notes=notes))


def told_days(sent: Sentence, coded: Sequence[Event], rules: EnglishRules,
              published: dt.date | None) -> list[ToldDay]:
    """A sentence that makes no record but dates its act ("Yesterday (Monday) the strike at X
    occurred": no actor named): the day of each act it names, for ``coding.dating``."""
    told = [ToldDay(sent.start, ev.event, ev.date) for ev in coded
            if ev.date and ev.date_precision == "day" and ev.explanation is not None
            and any(n.startswith("date: ") and "->" in n and "none in the sentence" not in n
                    and REPORT_DAY not in n for n in ev.explanation.notes)]
    if coded:
        return told
    day = resolve_date(sent.text[dateline_end(sent.text):], published)
    if day is None or day.precision != "day":
        return []
    return [ToldDay(sent.start, t.entry.event, day.date) for t in rules.triggers(sent.tokens)]


def casualties(last: Event, sent: Sentence, rules: EnglishRules) -> Event:
    """"At least four people were killed there": counts for the attack coded just before."""
    if last.event != "ASSAULT" or last.explanation is None:
        return last
    dead, injured = counts.dead(sent.text, rules), counts.injured(sent.text, rules)
    if (dead is None or last.dead is not None) and (injured is None or last.injured is not None):
        return last
    note = f"counts: from the sentence at {[sent.start, sent.end]}"
    why = replace(last.explanation, notes=(*last.explanation.notes, note))
    return replace(last, dead=last.dead if last.dead is not None else dead,
                   injured=last.injured if last.injured is not None else injured, explanation=why)


def _sides(ev: Event) -> list[tuple[Entity, ...]]:
    """The parties of a record: actor and recipient, or each side of two-sided fighting."""
    if ev.symmetric:
        return [(e,) for e in (*ev.actor, *ev.recipient)]
    return [ev.actor, ev.recipient]


def counterpart(ev: Event, before: Sequence[Event], rules: EnglishRules) -> Event:
    """A reaction that names no target ("Moscow promised a painful response") answers the
    last party before it that is not itself: that party, not the actor's own country."""
    notes = ev.explanation.notes if ev.explanation else ()
    trigger = ev.explanation.trigger if ev.explanation else ""
    trig_words = trigger_lemmas(trigger, rules)
    defends = any(t in rules.syntax.defensive for t in trig_words)
    answers = defends or any(t in rules.syntax.return_fire for t in trig_words)  # "returned fire"
    if (ev.event not in rules.syntax.reactions and not answers) or ev.symmetric or (
            ev.recipient and not any("domestic" in n for n in notes)):
        return ev
    if ev.event == "ASSAULT" and ev.actor and all(e.sector in rules.syntax.group_sectors for e in ev.actor):
        return ev  # en:group-domestic: "Boko Haram militants stormed the community": an armed
        # group's raid is on its own country's people, not on the story's other party
    own = {e.code for e in ev.actor}
    other = next((side for p in reversed(before) for side in _sides(p)
                  if side and not {e.code for e in side} & own
                  and not all(e.sector in rules.syntax.source_sectors for e in side)), None)
    if other is None or ev.explanation is None:
        return ev
    words = lemmas(ev.text)
    if defends and ev.actor and words & rules.syntax.projectiles:
        # "air defences shot down 18 of 20 drones": the other side's drone attack, as the
        # defender tells it
        why = replace(ev.explanation, notes=(*[n for n in notes if "domestic" not in n],
                                             "interception: the attack of the last other party"))
        claim = ev.claimed_by or ev.actor
        return replace(ev, actor=other, recipient=ev.actor, claimed_by=claim,
                       factuality="claimed", explanation=why)
    why = replace(ev.explanation, notes=(*[n for n in notes if "domestic" not in n],
                                         "recipient: none named -> the last other party"))
    return replace(ev, recipient=other, explanation=why)


def _same_day(a: Event, b: Event) -> bool:
    return a.date is None or b.date is None or a.date == b.date


def _points_back(ev: Event, rules: EnglishRules) -> bool:
    """Does a determiner stand before the event noun ("the sanctions", "Friday's sanctions",
    "the militant attack"), with at most KNOWN_MODIFIERS words between? A past verb after a
    noun ends the noun's phrase (en:clause-verb): "the army launched strikes" points back to no
    strikes, while "the reported attack" does."""
    trig = ev.explanation.trigger if ev.explanation else ""
    at = ev.text.find(trig) if trig else -1
    if at <= 0 or not trig[:1].islower() or trig.casefold().endswith("ed"):
        return False  # a name, or a verb ("the Houthis have attacked"): not an event noun
    words = re.findall(r"[\w\u2019']+", ev.text[:at].casefold())[-(KNOWN_MODIFIERS + 1):]
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        possessive = any(w.endswith(d) for d in rules.syntax.known_determiners if d[0] in "'\u2019")
        if w in rules.syntax.known_determiners or possessive:
            return True
        if not w.isalpha() or w in rules.syntax.determiners or _clause_verb(words, k, rules):
            return False
    return False


def _clause_verb(words: Sequence[str], k: int, rules: EnglishRules) -> bool:
    """en:clause-verb: is ``words[k]`` a past verb after its subject ("the army launched"), not a
    participle right after the determiner ("the reported attack")?"""
    if not words[k].endswith("ed") or k == 0:
        return False
    prev = words[k - 1]
    return prev not in rules.syntax.known_determiners and prev not in rules.syntax.determiners


def _unnamed_attacker(ev: Event, rules: EnglishRules) -> bool:
    """Is the actor a generic noun brought in as someone unknown ("ambushed by an armed group",
    "unidentified gunmen opened fire")? A name or demonym after the article names its side
    ("killed in a separate Russian airstrike", "an Israeli raid"): not unknown."""
    if not ev.actor or any(e.sector for e in ev.actor):
        return False
    noun = ev.actor[0].text
    if not noun[:1].islower():
        return False
    markers = "|".join(re.escape(w) for w in sorted(rules.syntax.unnamed_markers))
    return bool(markers) and re.search(rf"\b(?:{markers})\s+(?:[a-z-]+\s+)?{re.escape(noun)}\b",
                                       ev.text, re.IGNORECASE) is not None


def repeated(ev: Event, before: Sequence[Event], rules: EnglishRules) -> str | None:
    """The rule by which a record tells again an action coded before it, or None (``retold``)."""
    found = retold(ev, before, rules)
    return found[0] if found is not None else None


def retold(ev: Event, before: Sequence[Event], rules: EnglishRules) -> tuple[str, int] | None:
    """The rule by which a record tells again an action coded before it, and that record's
    index in ``before``; None for a new action.

    - en:known-action: an event noun after a determiner ("the sanctions come after ...",
      "Friday's sanctions target ...", "the response to the militant attack") with an earlier
      body record of its type whose parties it shares (or it names no actor) on the same day.
    - en:same-statement: a summons told again as a protest ("the ambassador was protested"):
      the same statement family, actor, recipient and day as an earlier record.
    - en:unnamed-attacker: an attack by someone unknown ("ambushed by an armed group") after
      an attack the story has coded is a detail of that one.
    - en:launch-detail: a launch with no target named (read as posture, MOBILIZE) by the actor
      of an attack the story has coded on the same day, at its target or at no one named, is
      that attack's detail ("Russia had launched in total four ballistic missiles")."""
    if ev.explanation is not None and any(n.startswith(SEPARATE_ACT) for n in ev.explanation.notes):
        return None  # en:separate-act: "killed in a separate Russian airstrike"
    earlier = [(k, p) for k, p in enumerate(before) if not title(p) and _same_day(p, ev)]
    actor, recipient = side_codes(ev.actor), side_codes(ev.recipient)
    if _points_back(ev, rules):
        for k, p in earlier:
            sides = side_codes(p.actor) | side_codes(p.recipient)
            if p.event == ev.event and actor <= sides and (
                    not actor or not recipient or not side_codes(p.recipient) or recipient & sides):
                return "en:known-action", k
    attacks = [k for k, p in earlier if p.event == "ASSAULT"]
    if ev.event == "ASSAULT" and attacks and _unnamed_attacker(ev, rules):
        return "en:unnamed-attacker", attacks[-1]
    if _posture(ev):  # en:launch-detail: "Russia had launched in total four missiles" after the attack
        fired = [k for k in attacks if side_codes(before[k].actor) == actor
                 and (not recipient or recipient <= side_codes(before[k].recipient)
                      or not side_codes(before[k].recipient))]
        if actor and fired:
            return "en:launch-detail", fired[-1]
    statement = ev.event in rules.syntax.same_statement and actor and recipient
    same = [k for k, p in earlier if p.event in rules.syntax.same_statement and side_codes(p.actor) == actor
            and side_codes(p.recipient) == recipient]
    if statement and same:
        return "en:same-statement", same[0]
    return None


def _posture(ev: Event) -> bool:
    """A launch read as posture (en:posture-launch): MOBILIZE with no target named in its sentence."""
    why = ev.explanation
    return ev.event == "MOBILIZE" and why is not None and why.rule == "en:posture-launch"


def absorb(kept: Event, ev: Event, rule: str) -> Event:
    """The record of an action with what its retelling adds: places it names, counts it gives."""
    names = {p.name for p in kept.event_loc}
    places = (*kept.event_loc, *[p for p in ev.event_loc if p.name not in names])
    note = f"{rule}: retold at {list(ev.span)}"
    why = replace(kept.explanation, notes=(*kept.explanation.notes, note)) if kept.explanation else None
    return replace(kept, event_loc=places, explanation=why, joined=(*kept.joined, ev.span, *ev.joined),
                   dead=kept.dead if kept.dead is not None else ev.dead,
                   injured=kept.injured if kept.injured is not None else ev.injured)


def has_actor(ev: Event, rules: EnglishRules) -> bool:
    """Rule en:no-actor: does the record name its actor's side (a code), or is it of a type
    that may stand without one ("a roadside bombing killed one soldier")?"""
    return any(e.code for e in ev.actor) or ev.event in rules.syntax.actorless_types
