"""Rule en:condemned-act: the party accused when a statement condemns an act the story told.

"President Petro condemned the deadly guerrilla attack", "the United States has denounced the
attack", "the Taliban leadership strongly condemns these attacks": the object of the accusation
is an attack pointed back to (a determiner, at most ``KNOWN_MODIFIERS`` words, an attack noun of
``toll_attacks``), and the party accused is whoever the story says made it: the actor of its
last attack record by another country (``_last_attacker``). Over the 880 development pages and
the realworld check set 24 sentences condemn, denounce or criticise an attack this way (23 and
1). Such a record used to take "the last other party" (``story.counterpart``, noted "recipient:
none named"), which the record filter learned to distrust: most were dropped.

It runs before ``story.counterpart``, which would take the last other party instead (El Carmen in
a story of a guerrilla attack, or the actor's own country for a domestic attack): the attacker
of a civil war is of the accuser's own country (Colombia's government and the ELN), and is the
recipient all the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from frontwatch.coding.en.rules import EnglishRules
from frontwatch.coding.en.story import KNOWN_MODIFIERS, lemmas
from frontwatch.records import Entity, Event

RULE = "en:condemned-act"
GUESSES = ("actor: none named", "en:generic-place")
_WORD = re.compile(r"[\w\u2019']+")


def doer(ev: Event, before: Sequence[Event], rules: EnglishRules) -> Event:
    """An accusation naming no target but an attack told before: the attacker is its recipient."""
    why = ev.explanation
    if ev.event != "ACCUSE" or why is None or ev.symmetric or not ev.actor:
        return ev
    domestic = [n for n in why.notes if "domestic" in n]
    if (ev.recipient and not domestic) or not _points_to_attack(ev.text, why.trigger, rules):
        return ev
    attacker = _last_attacker(before, ev.actor)
    if not attacker:
        return ev
    notes = (*[n for n in why.notes if n not in domestic],
               f"{RULE}: the attack condemned is {attacker[0].text}'s, the story's last attacker")
    return replace(ev, recipient=attacker, explanation=replace(why, notes=notes))


def _points_to_attack(text: str, trigger: str, rules: EnglishRules) -> bool:
    """Does the trigger's object open with a determiner and end, at most KNOWN_MODIFIERS words
    later, in an attack noun ("the deadly guerrilla attack", "these attacks", "Sunday's strikes")?"""
    at = text.find(trigger) if trigger else -1
    if at < 0:
        return False
    words = _WORD.findall(text[at + len(trigger):].casefold())[:KNOWN_MODIFIERS + 2]
    if not words or not _determiner(words[0], rules):
        return False
    return bool(lemmas(" ".join(words[1:])) & rules.syntax.toll_attacks)


def _determiner(word: str, rules: EnglishRules) -> bool:
    return word in rules.syntax.known_determiners or any(
        word.endswith(d) for d in rules.syntax.known_determiners if d[0] in "'\u2019")


def _last_attacker(before: Sequence[Event], accuser: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The actor of the story's last attack by another country than the accuser's; else of its
    last attack by a party of the accuser's country in another sector (a government condemning
    its insurgents' attack). No party condemns its own attack, and an attacker guessed from the
    attack's place (``story.place_actor``, ``GUESSES``) is no one the text named."""
    attacks = [p.actor for p in reversed(before)
               if p.event == "ASSAULT" and p.actor and not p.symmetric and not _guessed(p)]
    codes = {e.code for e in accuser}
    own = {(e.code, e.sector) for e in accuser}
    foreign = next((a for a in attacks if not {e.code for e in a} & codes), None)
    if foreign is not None:
        return foreign
    return next((a for a in attacks if not {(e.code, e.sector) for e in a} <= own), ())


def _guessed(ev: Event) -> bool:
    """Was the attack's actor taken from its place ("actor: none named -> the country of the
    place", en:generic-place), not read in its sentence?"""
    return ev.explanation is not None and any(n.startswith(GUESSES) for n in ev.explanation.notes)
