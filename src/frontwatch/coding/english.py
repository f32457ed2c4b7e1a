"""English sentences -> PLOVER event records.

``code_sentences(doc, sentences, ctx)`` is the English half of the coder (the router in
``coding.coder`` calls it for sections in English). For each sentence, in text order:

1. Mentions (``english_roles.find_mentions``), triggers and cues (``english_rules``).
2. Attribution (``english_roles.attribution``): who says so, and which words are theirs.
3. The event: the sentence's main trigger and how to read it (``english_choice.choose``;
   "X said Y must ..." first, ``english_choice.obligation``).
4. Roles (``english_roles.assign_roles``); with no recipient named, the country of a place
   after the trigger, else the actor's own country.
5. A second record from a coordinated finite predicate ("... and demanded ...").
6. Factuality, horizon, date (``resolve.dates_en``), places (``resolve.places.find_places``
   when the context has a geocoder), weapons, counts (``english_counts``).

Then, across the article (``english_story``): a reaction with no target answers the last
other party; a sentence with no date takes the day of the record before it; a casualty
sentence with no event of its own gives its counts to the attack just before it; an attack
by a weapon or by no one named continues the last attack or is by the country of its place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from frontwatch.coding import english_counts as counts
from frontwatch.coding import english_story as story
from frontwatch.coding.context import CodingContext
from frontwatch.coding.english_choice import Choice, choose, obligation, usable_triggers
from frontwatch.coding.english_roles import (
    Attribution,
    Roles,
    TokMention,
    assign_roles,
    attribution,
    dateline_end,
    entities,
    find_mentions,
    warning_attribution,
)
from frontwatch.coding.english_rules import EnglishRules, Trigger, default_rules
from frontwatch.records import Document, Entity, Event, Explanation, Place, PlaceMention, Sentence, Token
from frontwatch.resolve.dates_en import ResolvedDate, resolve_date
from frontwatch.resolve.place_attach import attach_offsets

LANG = "en"
# Sentences whose place lookups are remembered (a sentence and its two predicates).
PLACES_MEMO = 64
# A wire dateline stands in the headline's or the lead's first sentence.
DATELINE_SENTENCES = 3
# Claimants that speak for a state side (a ministry, the army, the police).
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP"})
# A sentence's subject starts within its first few tokens ("The U.S. State Department").
SUBJECT_TOKENS = 3


def code_sentences(doc: Document, sentences: list[Sentence], ctx: CodingContext) -> list[Event]:
    """Event records of a document's English sentences (ids ``doc_id#n``; the router re-ids)."""
    rules = default_rules()
    if ctx.published is None:
        ctx = ctx.for_document(_dateline_date(sentences))
    year = ctx.published.year if ctx.published else None
    out: list[Event] = []
    antecedent: tuple[Entity, ...] = ()
    for sent in sentences:
        if sent.language != LANG or not sent.tokens:
            continue
        found = [ev for ev in (story.read(e, out, rules)
                               for e in code_clauses(doc, sent, ctx, rules, year, antecedent))
                 if ev.actor or (ev.recipient and not story.title(ev) and not story.detail(ev, out))]
        if not found:
            antecedent = _subject(sent, ctx, year) or antecedent
        if not found and out:
            out[-1] = story.casualties(out[-1], sent, rules)
        for ev in found:
            ev = story.carry_date(story.counterpart(ev, out, rules), out)
            out.append(_with_id(ev, f"{doc.doc_id}#{len(out) + 1}"))
            antecedent = ev.actor or antecedent
    return out


def _subject(sent: Sentence, ctx: CodingContext, year: int | None) -> tuple[Entity, ...]:
    """The actor opening a sentence that gave no record ("Taiwan's Defence Ministry said it
    detected ..."): what "the ministry" or "it" of the next sentence points to."""
    mentions = find_mentions(sent.text, sent.tokens, sent.start, ctx.actors, year)
    first = mentions[0] if mentions else None
    if first is None or first.start > SUBJECT_TOKENS:
        return ()
    return entities([first])



def _dateline_date(sentences: Sequence[Sentence]) -> dt.date | None:
    """A document without a publication date: the full date of a wire dateline opening one
    of its first sentences ("SANAA/WASHINGTON, Jan. 30, 2024 (Wire) - ")."""
    for sent in sentences[:DATELINE_SENTENCES]:
        end = dateline_end(sent.text)
        found = resolve_date(sent.text[:end], None) if end else None
        if found is not None and found.precision == "day":
            return dt.date.fromisoformat(found.date)
    return None



def code_clauses(doc: Document, sent: Sentence, ctx: CodingContext, rules: EnglishRules,
                 year: int | None, antecedent: tuple[Entity, ...] = ()) -> list[Event]:
    """The sentence's event, and a second one from a coordinated predicate
    ("... condemned the listings and said it would ...", "... held talks and agreed to ...")."""
    first = code_sentence(doc, sent, ctx, rules, year, antecedent)
    if first is None or first.explanation is None:
        return [first] if first is not None else []
    split = _second_predicate(sent.tokens, first, rules)
    if split is None:
        return [first]
    head, tail = _split(sent, split)
    first = code_sentence(doc, head, ctx, rules, year, antecedent) or first
    second = code_sentence(doc, tail, ctx, rules, year, first.actor)
    if second is None or second.event == first.event:
        return [first]  # "killed two and wounded five": one action
    return [first, second]


def _second_predicate(tokens: Sequence[Token], first: Event, rules: EnglishRules) -> int | None:
    """Index of an "and"/"but" that opens a second finite predicate with the same subject."""
    trig = first.explanation.trigger if first.explanation else ""
    begin = next((t.i for t in tokens if t.text == trig.split(" ")[0]), 0) + 1
    said = {c.start for c in rules.cue_hits(tokens) if c.cue.factuality in ("claimed", "denied")}
    starts = {t.start for t in rules.triggers(tokens)} | said
    for k in range(begin, len(tokens) - 1):
        if tokens[k].lemma not in ("and", "but", "while", "whereas"):
            continue
        if tokens[k].lemma != "and" and tokens[k - 1].text == "," and any(s > k for s in starts):
            return k  # "..., but a Hamas official said the group would reject ...": a new clause
        if tokens[k].lemma != "and" and tokens[k].lemma != "but":
            continue
        nxt = tokens[k + 1]
        finite = nxt.text.casefold() != nxt.lemma and not nxt.text.casefold().endswith("ing")
        if k + 1 in starts and finite:
            return k
    return None


def _split(sent: Sentence, k: int) -> tuple[Sentence, Sentence]:
    """The sentence cut before token ``k`` ("and") and after it."""
    toks = sent.tokens
    cut = toks[k].idx - sent.start
    rest = toks[k + 1].idx - sent.start
    head_text = sent.text[:cut].rstrip(" ,")
    head = replace(sent, text=head_text, end=sent.start + len(head_text), tokens=toks[:k])
    tail_toks = tuple(replace(t, i=n, head=n) for n, t in enumerate(toks[k + 1:]))
    tail = replace(sent, text=sent.text[rest:], start=sent.start + rest, tokens=tail_toks)
    return head, tail


def _with_id(ev: Event, ident: str) -> Event:
    return replace(ev, id=ident)


def code_sentence(doc: Document, sent: Sentence, ctx: CodingContext, rules: EnglishRules,
                  year: int | None, antecedent: tuple[Entity, ...] = ()) -> Event | None:
    toks = sent.tokens
    mentions = find_mentions(sent.text, toks, sent.start, ctx.actors, year)
    # a trigger never reaches into an actor's name ("Ukrainian drones struck": not "drone strike")
    named = {i for m in mentions for i in range(m.start, m.end)}
    masked = [replace(t, lemma="") if n in named else t for n, t in enumerate(toks)]
    triggers = usable_triggers(toks, rules.triggers(masked), mentions, rules)
    cues = rules.cue_hits(toks)
    attr = attribution(toks, cues, triggers, mentions, rules)
    choice = obligation(toks, attr, triggers, rules) or choose(toks, triggers, cues, attr, rules)
    if choice is None:
        return None
    if choice.speaker is not None:
        attr = warning_attribution(toks, choice.speaker, mentions, rules)
    if choice.rule == "en:obligation":
        roles = _obligation_roles(toks, choice, attr, mentions)
    else:
        roles = assign_roles(toks, choice.trigger, mentions, attr, rules, antecedent)
    actor = entities(roles.actor) or roles.inherited or ((roles.generic,) if roles.generic else ())
    recipient = entities(roles.recipient)
    places = _places(sent, ctx, roles, attr, [e.code for e in (*actor, *recipient) if e.code], mentions)
    places = attach_offsets(places, sent.text, lang=LANG, trigger=toks[choice.trigger.start].idx - sent.start)
    acodes = {e.code for e in actor}
    if recipient and len(acodes) > 1 and {e.code for e in recipient} <= acodes:
        recipient = ()  # "Japan and the Philippines held talks in Manila": both are actors
    if choice.event == "ASSAULT" and acodes and {e.code for e in recipient} == acodes:
        host = _host_country(toks, choice.trigger, mentions, acodes)  # "... in Afghanistan's Khost"
        if host:
            recipient = host
            roles.notes.append("recipient: the actor's own group on another country's soil -> that country")
    if not recipient and choice.event == "ASSAULT" and choice.factuality == "asserted":
        recipient = _reporting_victim(attr, actor)
        if recipient:
            roles.notes[:] = [n for n in roles.notes if "domestic" not in n]
            roles.notes.append("recipient: none named -> the side reporting the attack")
    if not recipient and roles.domestic and actor and actor[0].code:
        recipient = _place_recipient(sent, toks, choice.trigger, places)
        if not recipient and sent.section != "title":  # a headline's target is in the body
            recipient = (Entity(text=actor[0].text, name=actor[0].name, code=actor[0].code),)
    if not actor and not recipient and _generic_subject(toks, choice.trigger, rules):
        actor = recipient = _place_country(places)  # "authorities ordered residents of X to ..."
        if actor:
            roles.notes.append("actor: a generic subject, no country named -> the place's country")
    if not actor and not recipient and choice.event != "ASSAULT":
        return None  # an attack with no one named may continue the last one (_weapon_subject)
    return _build(doc, sent, ctx, rules, choice, attr, roles, actor, recipient, places)


def _host_country(toks: Sequence[Token], trig: Trigger, mentions: Sequence[TokMention],
                  acodes: set[str | None]) -> tuple[Entity, ...]:
    def on_soil(k: int) -> bool:  # "in Afghanistan's", "in northern Iraq"
        gap = list(toks[max(0, k - 3):k])
        i = max((n for n, t in enumerate(gap) if t.lemma in ("in", "inside")), default=None)
        return i is not None and all(t.text.isalpha() and t.text.islower() for t in gap[i + 1:])

    m = next((m for m in mentions if m.start > trig.end and m.code not in acodes and on_soil(m.start)), None)
    return entities([m]) if m is not None else ()


def _generic_subject(toks: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    return any(t.lemma in rules.syntax.generic_actors for t in toks[:trig.start])


def _place_country(places: Sequence[tuple[int, Place]]) -> tuple[Entity, ...]:
    p = next((p for _, p in places if p.country), None)
    return (Entity(text=p.text, name=p.name, code=p.country),) if p is not None else ()


def _reporting_victim(attr: Attribution, actor: Sequence[Entity]) -> tuple[Entity, ...]:
    """"Militants attacked an army post ..., Niger's defence ministry said": with no target
    named, the attack is on the side that reports it (when that is not the attacker)."""
    own = {e.code for e in actor}
    side = next((e for e in entities(attr.claimants)
                 if e.code and e.code not in own and e.sector in OFFICIAL_SECTORS), None)
    return (side,) if side is not None and own else ()


def _place_recipient(sent: Sentence, toks: Sequence[Token], trig: Trigger,
                     places: Sequence[tuple[int, Place]]) -> tuple[Entity, ...]:
    """No one named after the trigger: the country of the first place after it ("fired at
    targets in Jericho" -> PSE)."""
    after = toks[trig.end - 1].idx - sent.start if trig.end <= len(toks) else 0
    ordered = [x for x in places if x[0] > after] + [x for x in places if x[0] <= after]
    for _, p in ordered:
        if p.country:
            return (Entity(text=p.text, name=p.name, code=p.country, sector=None),)
    return ()


# ------------------------------------------------------------------ triggers


def _obligation_roles(tokens: Sequence[Token], choice: Choice, attr: Attribution,
                      mentions: Sequence[TokMention]) -> Roles:
    between = [m for m in mentions if attr.lead_end <= m.start < choice.trigger.start]
    return Roles(list(attr.claimants[:1]), between[:1], notes=["obligation: speaker -> addressee"])


# ------------------------------------------------------------------ building


def _places(sent: Sentence, ctx: CodingContext, roles: Roles, attr: Attribution,
            codes: Sequence[str], mentions: Sequence[TokMention] = ()) -> list[tuple[int, Place]]:
    """Places named in the sentence (offset in the sentence, place), not the actor's name
    nor the country word of a body's name ("Kosovo police", "Serbian troops")."""
    if ctx.geocoder is None:
        return []
    bodies = [m for m in mentions if any("{country}" in r for r in m.mention.refs)]
    taken = [(m.mention.start, m.mention.end) for m in [*roles.actor, *attr.claimants, *bodies]]
    taken.append((0, dateline_end(sent.text)))  # "BEIRUT, Dec 11 (Wire) -" is where it was filed
    out: list[tuple[int, Place]] = []
    for pm in _find_places(sent.text, tuple(codes), ctx.geocoder):
        if any(a <= pm.start < b for a, b in taken) or attr.inside_chars(pm.start):
            continue
        if all(p.name != pm.place.name for _, p in out):
            out.append((pm.start, pm.place))
    return out


@lru_cache(maxsize=PLACES_MEMO)
def _find_places(text: str, codes: tuple[str, ...], geocoder: Any) -> tuple[PlaceMention, ...]:
    """Place lookups are the costly step; a sentence is coded up to three times (its two
    predicates and the whole), so the answers are kept for the latest sentences."""
    from frontwatch.resolve.places import find_places

    return tuple(find_places(text, lang=LANG, geocoder=geocoder, countries=codes))


def _own_statement(choice: Choice, actor: Sequence[Entity], claimed_by: Sequence[Entity],
                   rules: EnglishRules) -> bool:
    """"Hezbollah said it would hold Israel responsible": a statement event told by its actor."""
    if choice.event not in rules.syntax.statements:
        return False
    own = {e.code for e in actor if e.code}
    said = {e.code for e in claimed_by}
    return bool(own) and said <= own


def _weapons(sent: Sentence, ctx: CodingContext) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names: list[str] = []
    modes: list[str] = []
    for w in ctx.weapons.find(sent.text, LANG):
        if w.entry.canonical not in names:
            names.append(w.entry.canonical)
        if w.entry.mode and w.entry.mode not in modes:
            modes.append(w.entry.mode)
    return tuple(names), tuple(modes)


def _build(doc: Document, sent: Sentence, ctx: CodingContext, rules: EnglishRules, choice: Choice,
           attr: Attribution, roles: Roles, actor: tuple[Entity, ...],
           recipient: tuple[Entity, ...], places: Sequence[tuple[int, Place]]) -> Event:
    entry = choice.trigger.entry
    notes = list(choice.notes) + roles.notes + (["section: title"] if sent.section == "title" else [])
    factuality = choice.factuality
    claimed_by = entities(attr.claimants)
    if not claimed_by and attr.cue is not None and attr.source_text:
        claimed_by = (Entity(text=attr.source_text),)  # a source the dictionary cannot name
    if factuality == "asserted" and attr.cue is not None and claimed_by:
        factuality = "denied" if attr.cue.cue.factuality == "denied" else "claimed"
    if factuality == "claimed" and _own_statement(choice, actor, claimed_by, rules):
        factuality, claimed_by = "asserted", ()
        notes.append("factuality: the actor's own statement is the event")
    hz = counts.horizon(sent.text, rules) if factuality in ("possible", "future") else None
    date = resolve_date(sent.text[dateline_end(sent.text):], ctx.published)
    if date is not None:
        notes.append(f"date: {date.text} -> {date.date} ({date.precision})")
    elif ctx.published is not None and sent.section != "title":  # a headline joins its body record
        date = ResolvedDate(ctx.published.isoformat(), "day", "")
        notes.append("date: none in the sentence -> the publication date")
    symmetric = (entry.symmetric and not recipient) or (
        choice.event in ("AGREE", "CONSULT", "COOPERATE") and len({e.code for e in actor}) > 1
        and not recipient)
    if entry.symmetric and recipient:
        actor, recipient, symmetric = actor + recipient, (), True
    weapons, wmodes = _weapons(sent, ctx)
    mode = tuple(dict.fromkeys(entry.mode + (wmodes if choice.event == "ASSAULT" else ())))
    if choice.event != entry.event:
        mode = ()
    lexicon = (entry.ref, *(c.cue.ref for c in choice.cues),
               *(r for m in [*roles.actor, *roles.recipient] for r in m.mention.refs))
    return Event(
        id="", doc_id=doc.doc_id, event=choice.event, text=sent.text, span=(sent.start, sent.end),
        language=LANG, mode=mode, context=entry.context, actor=actor, recipient=recipient,
        event_loc=tuple(p for _, p in places),
        date=date.date if date else None, date_precision=date.precision if date else None,  # type: ignore[arg-type]
        dead=counts.dead(sent.text, rules) if choice.event == "ASSAULT" else None,
        injured=counts.injured(sent.text, rules) if choice.event == "ASSAULT" else None,
        weapons=weapons if choice.event in ("ASSAULT", "MOBILIZE", "AID") else (),
        factuality=factuality,  # type: ignore[arg-type]
        claimed_by=claimed_by if factuality in ("claimed", "denied", "possible") else (),
        horizon=hz.text if hz else None, horizon_days=hz.days if hz else None,
        symmetric=bool(symmetric),
        explanation=Explanation(rule=choice.rule, trigger=choice.trigger.text, lexicon=lexicon,
                                notes=tuple(notes)),
    )
