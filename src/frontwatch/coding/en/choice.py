"""How the English coder reads a sentence's triggers: which one names the event, and how.

``coding.en.stages`` uses these: the first usable trigger whose reading keeps it is the
sentence's event.

1. Usable (``word_rule``, each a named rule of ``WORD_RULES``): not inside an actor's name,
   not a capitalised word inside a non-headline sentence, not a participle after an article
   ("the occupied West Bank"), not a hyphen compound ("Syrian-backed"), not a possessor
   ("the treaty's"), not inside a non-event ("declined to comment"), a since-clause or after
   a capacity noun ("ability to threaten"); complements ("the terms of a ceasefire") come
   last (``comes_late``).
2. A statement verb with a speech flag ("warned") followed by a hedged hostile act codes
   that act as possible ("X warned that Y could attack").
3. A light verb ("approved new sanctions") gives way to the trigger after it.
4. Negated: cooperation becomes REJECT; a negated hostile act is dropped (``DROPPED``).
5. A hedge before it makes it possible; an intent cue makes a promise (AGREE) of a
   cooperative type, a threat (THREATEN) of a hostile one, else factuality future.
6. "X said Y must ..." is a REQUEST from X to Y (``obligation``), tried before all this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from frontwatch.coding.en.attribution import Attribution
from frontwatch.coding.en.constraints import (
    background_duration,
    background_marked,
    before_setting,
    conceded,
    evaluated,
    for_purpose,
    in_background,
    in_condition,
    in_past_month,
    in_past_year,
    in_setting,
    interview_opener,
    open_question,
    perfect_span,
)
from frontwatch.coding.en.descriptions import (
    after_aspect,
    copular_description,
    heard_sound,
    known_arrangement,
    named_act,
    relative_description,
    stative_passive,
)
from frontwatch.coding.en.mentions import TokMention
from frontwatch.coding.en.roles import is_passive
from frontwatch.coding.en.rules import CueHit, EnglishRules, Trigger
from frontwatch.records import Token

# Tokens before a trigger in which "any" makes it a kind of act ("any deliberate attack").
HYPOTHETICAL_WINDOW = 2
# Tokens before a trigger in which a negator ("not", "failed to") negates it.
NEGATION_WINDOW = 3
# Tokens before a trigger in which an intent or hedge cue ("will", "could") governs it.
MODAL_WINDOW = 5
# Tokens between a light verb and the noun trigger it introduces ("approved a new package of").
LIGHT_WINDOW = 6
# A warned event follows its modal closely ("could attack", "may soon invade").
WARNED_WINDOW = 2
# Share of capitalised words above which a sentence is a title-case headline.
TITLE_CASE_SHARE = 0.6


@dataclass
class Choice:
    """The trigger chosen for a sentence and what changed its reading."""

    trigger: Trigger
    event: str
    factuality: str = "asserted"
    cues: list[CueHit] = field(default_factory=list)
    rule: str = "en:first-trigger"
    notes: list[str] = field(default_factory=list)
    speaker: Trigger | None = None  # the warning verb of a warned event


def _title_case(tokens: Sequence[Token]) -> bool:
    words = [t for t in tokens if t.text[:1].isalpha() and len(t.text) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) / len(words) >= TITLE_CASE_SHARE


# Why a trigger cannot name the sentence's event: rule name -> what the explanation says.
WORD_RULES = {
    "en:inside-name": "part of an actor's name (Security Council)",
    "en:proper-name": "a capitalised word inside a non-headline sentence (Ceasefire Violations Committee)",
    "en:non-event": "inside a phrase that names no event (declined to comment)",
    "en:background-since": "inside a since-clause: the author's recap of earlier events",
    "en:background-before": "inside an opening 'Before ...,' phrase: an earlier act as a time",
    "en:background-year": "its clause names an earlier year than the article's: background",
    "en:condition-clause": "inside an 'until ...', 'unless ...' or 'if ...' clause: a condition, not an act",
    "en:open-question": "inside a question left open (not confirmed how many ...): no act told",
    "en:naming": "what a speaker calls an act told before (called it a cowardly attack), no new act",
    "en:concessive": "inside a 'despite ...' phrase: the circumstance the act goes against, not the act",
    "en:background-month": "its clause names a month well before the story's day (in November): background",
    "en:background-marker": "a recap: 'in the past', 'for years', 'after months of', or a perfect with "
                             "'since' after it",
    "en:interview-opener": "a participle naming the interview (Talking to reporters, ...)",
    "en:evaluated": "named as needed or important (cooperation ... was important), not done",
    "en:hypothetical": "a kind of act, not an act (any attack on peacekeepers is ...)",
    "en:relative-description": "describes a party in a relative clause (the coalition that is backing ..., "
                               "any state that supports ...)",
    "en:stative-passive": "a present state, not an act (access is restricted, troops are stationed)",
    "en:capacity": "after a capacity noun (ability to threaten)",
    "en:adjective-participle": "a participle after an article (the occupied West Bank)",
    "en:heard-sound": "a sound heard or reported (heard a series of explosions), no act by anyone named",
    "en:copular-description": "what 'it was' calls an act told before (It was the deadliest attack)",
    "en:aspect": "a detail of an act as a topic (analyzing the details of the launch), not the act",
    "en:known-arrangement": "a truce the story refers to (the ceasefire was violated), not one declared",
    "en:compound": "the second half of a hyphen compound (Syrian-backed)",
    "en:possessor": "a possessor (the treaty's obligations)",
    "en:weapon-type": "the kind of a weapon or unit named after it (attack helicopters, strike group)",
}


def _verb_group(tokens: Sequence[Token], t: Trigger) -> bool:
    """"has recently designated", "was already captured": an adverb of the determiners list
    between an auxiliary and the participle makes a verb, not an adjective."""
    return (t.start >= 2 and tokens[t.start - 1].text.casefold().endswith(("ly", "already", "once"))
            and tokens[t.start - 2].lemma in ("have", "be"))


def word_rule(tokens: Sequence[Token], t: Trigger, mentions: Sequence[TokMention], rules: EnglishRules,
              headline: bool, year: int | None = None, day: dt.date | None = None) -> str | None:
    """The named rule that keeps a trigger from naming the event, or None."""
    first = tokens[t.start]
    prev = tokens[t.start - 1].lemma if t.start > 0 else ""
    if any(m.start <= t.start < m.end for m in mentions):
        return "en:inside-name"
    if not headline and t.start > 0 and first.text[:1].isupper():
        return "en:proper-name"
    if _inside_phrase(tokens, t, rules.syntax.non_events, rules):
        return "en:non-event"
    if in_background(tokens, t, rules):
        return "en:background-since"
    if before_setting(tokens, t, rules):
        return "en:background-before"
    if in_past_year(tokens, t, year, rules):
        return "en:background-year"
    if in_past_month(tokens, t, day, rules):
        return "en:background-month"
    if conceded(tokens, t, rules):
        return "en:concessive"
    if in_condition(tokens, t, rules):
        return "en:condition-clause"
    if open_question(tokens, t, rules):
        return "en:open-question"
    if background_marked(tokens, t, rules) or background_duration(tokens, t, rules):
        return "en:background-marker"
    if perfect_span(tokens, t, rules):
        return "en:background-perfect"
    if interview_opener(tokens, t, rules):
        return "en:interview-opener"
    if for_purpose(tokens, t, rules):
        return "en:purpose"
    if evaluated(tokens, t, rules):
        return "en:evaluated"
    if any(x.lemma in rules.syntax.hypothetical
           for x in tokens[max(0, t.start - HYPOTHETICAL_WINDOW):t.start]):
        return "en:hypothetical"
    if relative_description(tokens, t, rules):
        return "en:relative-description"
    if stative_passive(tokens, t, rules):
        return "en:stative-passive"
    if _after_phrase(tokens, t, rules.syntax.capacity):
        return "en:capacity"
    if (prev in rules.syntax.determiners and first.text.casefold().endswith("ed")
            and not _verb_group(tokens, t)):
        return "en:adjective-participle"
    if after_aspect(tokens, t, rules):
        return "en:aspect"
    if copular_description(tokens, t, rules):
        return "en:copular-description"
    if named_act(tokens, t, rules):
        return "en:naming"
    if known_arrangement(tokens, t, rules):
        return "en:known-arrangement"
    if heard_sound(tokens, t, rules):
        return "en:heard-sound"
    if t.start > 0 and tokens[t.start - 1].text == "-":
        return "en:compound"
    if t.end < len(tokens) and tokens[t.end].text in ("'s", "\u2019s"):
        return "en:possessor"
    if (t.end - t.start == 1 and t.end < len(tokens) and first.text.casefold() in rules.syntax.weapon_kinds
            and tokens[t.end].lemma.casefold() in rules.syntax.weapon_heads):
        return "en:weapon-type"
    return None


# Words between "comes" and its "as"/"after" ("comes two days after", "came just hours after").
COMES_GAP = 3


def comes_late(tokens: Sequence[Token], t: Trigger, triggers: Sequence[Trigger], rules: EnglishRules) -> bool:
    """A complement ("the terms of a ceasefire"), a reduced relative ("a missile fired at
    Lviv entered ..."), or the setting phrase opening a sentence ("Amid rising tensions over
    border skirmishes, the minister flayed ..."): tried after the sentence's other triggers."""
    first = tokens[t.start]
    prev = tokens[t.start - 1].lemma if t.start > 0 else ""
    if in_setting(tokens, t, rules) and any(u.start > t.end for u in triggers):
        return True
    if prev in rules.syntax.projectiles and first.text.casefold().endswith("ed") \
            and any(u.start > t.end for u in triggers):
        return True
    if casualty_clause(tokens, t, triggers, rules) or comes_as(tokens, t, triggers, rules):
        return True
    lemmas = [x.lemma for x in tokens[max(0, t.start - 2):t.start]]
    return "of" in lemmas and (lemmas[-1] == "of" or lemmas[-1] in rules.syntax.determiners)


def comes_as(tokens: Sequence[Token], t: Trigger, triggers: Sequence[Trigger], rules: EnglishRules) -> bool:
    """Rule en:comes-as: "The attack on the ship came as the US military acknowledged new
    airstrikes", "Tuesday's announcement comes two days after the Houthis claimed a strike":
    the subject of "come(s) as / after / amid" names an act the story has told; the clause
    after it is the news, so its trigger is read first."""
    come = next((k for k in range(t.end, len(tokens)) if tokens[k].lemma == "come"), None)
    if come is None or any(x.text in (".", ";") for x in tokens[t.end:come]):
        return False
    link = next((k for k in range(come + 1, min(len(tokens), come + 2 + COMES_GAP))
                 if tokens[k].lemma in rules.syntax.comes_links), None)
    return link is not None and any(u.start > link for u in triggers)


def casualty_clause(tokens: Sequence[Token], t: Trigger, triggers: Sequence[Trigger],
                    rules: EnglishRules) -> bool:
    """Rule en:casualty-clause: "Three soldiers were killed after Taliban fighters attacked a
    checkpoint", "five militants were killed when a US drone fired missiles": a passive toll
    with no agent, then a clause ("when", "after", "as") whose verb of the same type has its
    own subject: that verb names the act and its doer; the toll is its count. So does an attack
    noun after the toll with its doer named after "by" ("were killed in an attack by Hezbollah
    on Tuesday"; not "by armed men", an unnamed group the toll's reading gives a country)."""
    if t.entry.event != "ASSAULT" or not is_passive(tokens, t, rules):
        return False
    for u in triggers:
        if u.start <= t.end or u.entry.event != "ASSAULT":
            continue
        between = [x.lemma for x in tokens[t.end:u.start]]
        if "by" not in between and _named_doer_after(tokens, u.end):
            return True  # "were killed in an attack by Hezbollah": the attack and its doer
        if "by" in between or not any(w in rules.syntax.casualty_links for w in between):
            continue
        before_u = tokens[u.start - 1].lemma
        if before_u not in rules.syntax.determiners and before_u not in ("in", "of", "by", "for", "to"):
            return True  # a finite verb with a subject, not "in an attack"
    return False


# words from an attack noun to the "by" naming its doer ("an ambush on Saturday May 1 by")
CASUALTY_BY_GAP = 4


def _named_doer_after(tokens: Sequence[Token], end: int) -> bool:
    """A "by" within CASUALTY_BY_GAP words after the attack noun, with a name after it ("by
    Hezbollah", "by the Taliban"); an unnamed doer ("by armed men") stays with the toll's own
    reading (en:domestic-group)."""
    for k in range(end, min(len(tokens), end + CASUALTY_BY_GAP)):
        if tokens[k].lemma != "by":
            continue
        j = k + 1
        while j < len(tokens) and tokens[j].lemma in ("the", "a", "an"):
            j += 1
        return j < len(tokens) and tokens[j].text[:1].isupper()
    return False


def headline_case(tokens: Sequence[Token]) -> bool:
    return _title_case(tokens)


def _after_phrase(tokens: Sequence[Token], t: Trigger, phrases: Sequence[tuple[str, ...]]) -> bool:
    """Does one of ``phrases`` end right before the trigger, or before one adverb in "-ly" ("was
    required to fully withdraw")?"""
    end = t.start - 1 if t.start > 0 and tokens[t.start - 1].text.casefold().endswith("ly") else t.start
    lemmas = tuple(x.lemma for x in tokens[max(0, end - 4):end])
    return any(lemmas[-len(p):] == p for p in phrases)


def _inside_phrase(tokens: Sequence[Token], t: Trigger, phrases: Sequence[tuple[str, ...]],
                   rules: EnglishRules) -> bool:
    lemmas = [x.lemma for x in tokens]
    for k in range(max(0, t.start - 4), t.end):
        end = rules.phrase_ends(lemmas, k, phrases)
        if end is not None and k <= t.start < end:
            return True
    return False


def _preceding(cues: Sequence[CueHit], trig: Trigger, kinds: tuple[str, ...], window: int,
               tokens: Sequence[Token]) -> CueHit | None:
    for c in cues:
        if c.cue.factuality in kinds and 0 <= trig.start - c.end <= window - 1:
            if c.cue.pattern == "may" and c.start > 0 and tokens[c.start].text[:1].isupper():
                continue  # the month
            return c
    return None


def _contrast(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """"..., not a peace treaty": a comma, "not" and an article right before the trigger (up to
    one word between) set it against what was said before; nothing of the kind happened."""
    k = next((k for k in range(max(1, trig.start - 4), trig.start) if tokens[k].lemma == "not"), None)
    if k is None or tokens[k - 1].text != "," or k + 1 >= trig.start:
        return False
    return tokens[k + 1].lemma in ("a", "an", "the") and trig.start - k <= 3


def _negated(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    lemmas = [t.lemma for t in tokens]
    for k in range(max(0, trig.start - NEGATION_WINDOW), trig.start):
        end = rules.phrase_ends(lemmas, k, rules.syntax.negators)
        if end is not None and end <= trig.start:
            return True
    return False


def speech_cue_starts(cues: Sequence[CueHit]) -> set[int]:
    return {c.start for c in cues if c.cue.factuality in ("claimed", "denied")}


def is_speech(t: Trigger, said: set[int]) -> bool:
    """"claimed responsibility" is an event, "claimed" alone reports one."""
    return t.start in said and t.end - t.start == 1


def pool(triggers: Sequence[Trigger], cues: Sequence[CueHit], attr: Attribution) -> list[Trigger]:
    """The usable triggers that may name the event: not the words of an attribution ("said"),
    unless nothing else is left."""
    said = speech_cue_starts(cues)
    # a reporting verb whose row needs a noun object ("denied the claims") is the act itself:
    # nothing is attributed to it
    out = [t for t in triggers if (t.entry.needs and t.entry.event == "REJECT")
           or (not attr.inside(t.start) and not is_speech(t, said))]
    return out or [t for t in triggers if not is_speech(t, said)]


# A reading that drops its trigger: rule name -> what the explanation says.
DROPPED = {
    "en:forecast-warning": "a warning about no one (agencies warned that famine could spread)",
    "en:negated-hostile": "a negated hostile act (did not attack)",
    "en:contrast": "a contrast naming what is not the case (an armistice, not a peace treaty)",
}


def read_trigger(tokens: Sequence[Token], trig: Trigger, by_position: Sequence[Trigger],
                 cues: Sequence[CueHit], rules: EnglishRules) -> Choice | str:
    """How one trigger reads (event type, factuality, rule), or the rule that drops it."""
    syn = rules.syntax
    trig = _past_light_verb(tokens, trig, [t for t in by_position if t.start > trig.start], rules)
    choice = Choice(trig, trig.entry.event)
    promised = _promised_hostility(tokens, trig, by_position, rules)
    if promised is not None:
        return promised
    if trig.entry.speech:
        later = [t for t in rules.triggers(tokens, any_sense=True) if t.start >= trig.end]
        warned = _warned(tokens, later, cues, rules)
        if warned is not None:
            warned.speaker = trig
            return warned
        if not later and _warns_of_no_one(tokens, trig, rules):
            return "en:forecast-warning"
    if _contrast(tokens, trig, rules):
        return "en:contrast"
    if _negated(tokens, trig, rules):
        if trig.entry.event in syn.cooperative or trig.entry.event == "AGREE":
            choice.event, choice.rule = "REJECT", "en:negated-cooperation"
            return choice
        return "en:negated-hostile"
    anchor = _light_verb_before(tokens, trig, rules)  # "will extend the curfew"
    intent = _preceding(cues, anchor, ("future",), MODAL_WINDOW, tokens)
    hedge = _preceding(cues, anchor, ("possible",), MODAL_WINDOW, tokens)
    if hedge is not None and trig.entry.event in syn.hostile and _conditioned(tokens, trig, rules):
        choice.cues.append(hedge)  # en:conditional-threat: "may halt mediation if cooperation founders"
        choice.event, choice.rule = "THREATEN", "en:conditional-threat"
    elif hedge is not None:
        choice.factuality = "possible"
        choice.cues.append(hedge)
    elif intent is not None:
        choice.cues.append(intent)
        if trig.entry.event in syn.cooperative:
            choice.event, choice.rule = "AGREE", "en:intent-promise"
        elif trig.entry.event in syn.hostile:
            choice.event, choice.rule = "THREATEN", "en:intent-threat"
        elif trig.entry.event not in syn.statements:  # "would hold X responsible" is said now
            choice.factuality = "future"
    return choice


def _conditioned(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """A condition after the act in its sentence ("... if cooperation founders", "unless Kyiv
    withdraws"): a hostile act one may do on a condition is a threat (PLOVER THREATEN)."""
    return any(t.lemma in rules.syntax.conditions for t in tokens[trig.end:])


def _promised_hostility(tokens: Sequence[Token], trig: Trigger, rest: Sequence[Trigger],
                        rules: EnglishRules) -> Choice | None:
    """"The group pledged to continue targeting Israel-linked ships": a pledge or vow of a
    hostile act is a threat (rule en:intent-threat), read on the act."""
    if tokens[trig.start].lemma not in rules.syntax.intent_verbs or trig.end >= len(tokens) \
            or tokens[trig.end].lemma != "to":
        return None
    act = next((t for t in rest if trig.end < t.start <= trig.end + MODAL_WINDOW
                and t.entry.event in rules.syntax.hostile), None)
    if act is None:
        return None
    return Choice(act, "THREATEN", rule="en:intent-threat", notes=["a pledge of a hostile act"])


def _light_verb_before(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> Trigger:
    """The trigger, or a light verb shortly before it (no punctuation between) standing for it."""
    for k in range(max(0, trig.start - LIGHT_WINDOW), trig.start):
        if tokens[k].lemma in rules.syntax.light_verbs \
                and not any(t.pos == "PUNCT" and t.text != "-" for t in tokens[k + 1:trig.start]):
            return replace(trig, start=k)
    return trig


def _warns_of_no_one(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """'warned that famine could spread': the clause after 'that' opens with a common noun
    that names no one (not a name, a pronoun or a noun like 'police')."""
    if trig.end >= len(tokens) or tokens[trig.end].lemma != "that":
        return False
    syn = rules.syntax
    rest = [t for t in tokens[trig.end + 1:trig.end + 4] if t.lemma not in syn.determiners]
    head = rest[0] if rest else None
    return head is not None and head.text.isalpha() and head.text.islower() \
        and head.lemma not in syn.pronouns and head.lemma not in syn.generic_actors


def _past_light_verb(tokens: Sequence[Token], trig: Trigger, rest: Sequence[Trigger],
                     rules: EnglishRules) -> Trigger:
    """'approved new sanctions': the noun after a light verb names the event."""
    if tokens[trig.start].lemma not in rules.syntax.light_verbs or not rest:
        return trig
    nxt = rest[0]
    gap = tokens[trig.end:nxt.start]
    if nxt.start > 0 and tokens[nxt.start - 1].lemma == "to" and trig.entry.needs \
            and nxt.entry.event != "SANCTION":
        return trig  # "ordered residents to evacuate": the order is the event; "ordered the
        # ambassador to leave the country" is the expulsion
    if nxt.start - trig.end <= LIGHT_WINDOW and not any(t.pos == "PUNCT" for t in gap):
        return nxt
    return trig


def _warned(tokens: Sequence[Token], rest: Sequence[Trigger], cues: Sequence[CueHit],
            rules: EnglishRules) -> Choice | None:
    """'X warned that Y could attack': the warned attack, possible, claimed by X."""
    for trig in rest:
        if trig.entry.event not in rules.syntax.hostile and trig.entry.event != "MOBILIZE":
            continue
        hedge = _preceding(cues, trig, ("possible", "future"), WARNED_WINDOW, tokens)
        if hedge is not None:
            return Choice(trig, trig.entry.event, "possible", [hedge], "en:warning")
    return None


def obligation(tokens: Sequence[Token], attr: Attribution, triggers: Sequence[Trigger],
                rules: EnglishRules) -> Choice | None:
    if not attr.lead_end or attr.cue is None:
        return None
    lemmas = [t.lemma for t in tokens]
    for k in range(attr.lead_end, len(tokens)):
        if attr.inside(k):
            break
        end = rules.phrase_ends(lemmas, k, rules.syntax.obligation)
        if end is not None:
            base = next((e for e in rules.entries if e.event == "REQUEST"), None)
            if base is None:
                return None
            trig = Trigger(k, end, base, " ".join(t.text for t in tokens[k:end]))
            return Choice(trig, "REQUEST", rule="en:obligation")
        if any(t.start == k for t in triggers):
            return None
    return None
