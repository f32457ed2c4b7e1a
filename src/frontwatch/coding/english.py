"""English sentences -> PLOVER event records.

``code_sentences(doc, sentences, ctx)`` is the English half of the coder (the router in
``coding.coder`` calls it for sections in English). Each sentence gives at most one
record, from its main trigger, chosen in this cascade:

1. Triggers: entries of ``events.en.toml`` matched on lemmas (longest first). Dropped:
   triggers inside an actor's name ("Ceasefire Committee", "Red Cross"), capitalised
   words inside a sentence that is not in title case, participles used as adjectives
   ("the occupied West Bank"), and reporting verbs of an attribution clause.
2. "X said Y must ..." (an obligation after a reporting verb) is a REQUEST from X to Y.
3. The first remaining trigger is the event. Negated ("did not", "failed to"): a
   cooperative event becomes REJECT, a hostile one is skipped for the next trigger.
   A warning ("warned that Y could attack") codes the warned event as possible.
4. An intent cue right before it ("will", "plans to", "is willing to") makes a promise
   (AGREE) of a cooperative event and a threat (THREATEN) of a hostile one.
5. Roles (``english_roles``), factuality, horizon, date (``resolve.dates_en``), places
   (``resolve.places.find_places`` when the context has a geocoder), weapons, counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from frontwatch.coding import english_counts as counts
from frontwatch.coding.context import CodingContext
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
from frontwatch.coding.english_rules import CueHit, EnglishRules, Trigger, default_rules
from frontwatch.records import Document, Entity, Event, Explanation, Place, Sentence, Token
from frontwatch.resolve.dates_en import ResolvedDate, resolve_date

LANG = "en"
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


def code_sentences(doc: Document, sentences: list[Sentence], ctx: CodingContext) -> list[Event]:
    """Event records of a document's English sentences (ids ``doc_id#n``; the router re-ids)."""
    rules = default_rules()
    year = ctx.published.year if ctx.published else None
    out: list[Event] = []
    antecedent: tuple[Entity, ...] = ()
    for sent in sentences:
        if sent.language != LANG or not sent.tokens:
            continue
        found = code_clauses(doc, sent, ctx, rules, year, antecedent)
        if not found and out:
            out[-1] = _casualties(out[-1], sent, rules)
        for ev in found:
            ev = _carry_date(_counterpart(ev, out, rules), out)
            out.append(_with_id(ev, f"{doc.doc_id}#{len(out) + 1}"))
            antecedent = ev.actor or antecedent
    return out


def _trigger_lemmas(trigger: str, rules: EnglishRules) -> set[str]:
    """The lemma phrases a trigger's words may stand for ("shot down" -> "shoot down")."""
    from frontwatch.nlp.english import default_lemmatizer

    lem = default_lemmatizer()
    return {" ".join(lem.lemma(w) for w in trigger.split())}


def _carry_date(ev: Event, before: Sequence[Event]) -> Event:
    """No date in the sentence: the date of the record before it in the article (a story's
    later sentences go on about its lead), else the publication date already set."""
    why = ev.explanation
    if not before or why is None or not any(n.startswith("date: none") for n in why.notes):
        return ev
    last = before[-1]
    if last.date is None or last.date == ev.date:
        return ev
    kept = [n for n in why.notes if not n.startswith("date: none")]
    notes = (*kept, f"date: none in the sentence -> that of the record before ({last.date})")
    return replace(ev, date=last.date, date_precision=last.date_precision,
                   explanation=replace(why, notes=notes))


def _casualties(last: Event, sent: Sentence, rules: EnglishRules) -> Event:
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


def _counterpart(ev: Event, before: Sequence[Event], rules: EnglishRules) -> Event:
    """A reaction that names no target ("Moscow promised a painful response") answers the
    last party before it that is not itself: that party, not the actor's own country."""
    notes = ev.explanation.notes if ev.explanation else ()
    trigger = ev.explanation.trigger if ev.explanation else ""
    defends = any(t in rules.syntax.defensive for t in _trigger_lemmas(trigger, rules))
    if (ev.event not in rules.syntax.reactions and not defends) or ev.symmetric or (
            ev.recipient and not any("domestic" in n for n in notes)):
        return ev
    own = {e.code for e in ev.actor}
    other = next((p.actor for p in reversed(before)
                  if p.actor and not {e.code for e in p.actor} & own), None)
    if other is None or ev.explanation is None:
        return ev
    why = replace(ev.explanation, notes=(*[n for n in notes if "domestic" not in n],
                                         "recipient: none named -> the last other party"))
    return replace(ev, recipient=other, explanation=why)


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
        if tokens[k].lemma not in ("and", "but"):
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
    triggers = _usable_triggers(toks, rules.triggers(toks), mentions, rules)
    cues = rules.cue_hits(toks)
    attr = attribution(toks, cues, triggers, mentions, rules)
    choice = _obligation(toks, attr, triggers, rules) or _choose(toks, triggers, cues, attr, rules)
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
    places = _places(sent, ctx, roles, attr, [e.code for e in (*actor, *recipient) if e.code])
    acodes = {e.code for e in actor}
    if recipient and len(acodes) > 1 and {e.code for e in recipient} <= acodes:
        recipient = ()  # "Japan and the Philippines held talks in Manila": both are actors
    if not recipient and roles.domestic and actor and actor[0].code:
        recipient = _place_recipient(sent, toks, choice.trigger, places)
        if not recipient and sent.section != "title":  # a headline's target is in the body
            recipient = (Entity(text=actor[0].text, name=actor[0].name, code=actor[0].code),)
    if not actor and not recipient:
        return None
    return _build(doc, sent, ctx, rules, choice, attr, roles, actor, recipient, places)


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


def _title_case(tokens: Sequence[Token]) -> bool:
    words = [t for t in tokens if t.text[:1].isalpha() and len(t.text) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) / len(words) >= TITLE_CASE_SHARE


def _usable_triggers(tokens: Sequence[Token], triggers: Sequence[Trigger],
                     mentions: Sequence[TokMention], rules: EnglishRules) -> list[Trigger]:
    """Triggers that can name the sentence's event; complements ("breach of the truce") last."""
    headline = _title_case(tokens)
    out: list[Trigger] = []
    later: list[Trigger] = []
    for t in triggers:
        first = tokens[t.start]
        if any(m.start <= t.start < m.end for m in mentions):
            continue  # part of a name: "Security Council", "Kurdistan Workers' Party"
        if not headline and t.start > 0 and first.text[:1].isupper():
            continue  # inside a proper name: "Ceasefire Violations Committee"
        if _inside_phrase(tokens, t, rules.syntax.non_events, rules):
            continue  # "declined to comment"
        if _after_phrase(tokens, t, rules.syntax.capacity):
            continue  # "the group's ability to threaten shipping"
        prev = tokens[t.start - 1].lemma if t.start > 0 else ""
        if prev in rules.syntax.determiners and first.text.casefold().endswith("ed"):
            continue  # adjective: "the occupied West Bank"
        if t.start > 0 and tokens[t.start - 1].text == "-":
            continue  # compound: "Syrian-backed"
        if t.end < len(tokens) and tokens[t.end].text in ("'s", "\u2019s"):
            continue  # a possessor: "the treaty's obligations"
        lemmas = [x.lemma for x in tokens[max(0, t.start - 2):t.start]]
        if "of" in lemmas and (lemmas[-1] == "of" or lemmas[-1] in rules.syntax.determiners):
            later.append(t)  # a complement: "the terms of a ceasefire"
            continue
        out.append(t)
    return out + later


def _after_phrase(tokens: Sequence[Token], t: Trigger, phrases: Sequence[tuple[str, ...]]) -> bool:
    lemmas = tuple(x.lemma for x in tokens[max(0, t.start - 3):t.start])
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


def _negated(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    lemmas = [t.lemma for t in tokens]
    for k in range(max(0, trig.start - NEGATION_WINDOW), trig.start):
        end = rules.phrase_ends(lemmas, k, rules.syntax.negators)
        if end is not None and end <= trig.start:
            return True
    return False


def _choose(tokens: Sequence[Token], triggers: Sequence[Trigger], cues: Sequence[CueHit],
            attr: Attribution, rules: EnglishRules) -> Choice | None:
    said = {c.start for c in cues if c.cue.factuality in ("claimed", "denied")}

    def speech(t: Trigger) -> bool:  # "claimed responsibility" is an event, "claimed" is not
        return t.start in said and t.end - t.start == 1

    pool = [t for t in triggers if not attr.inside(t.start) and not speech(t)]
    pool = pool or [t for t in triggers if not speech(t)]
    by_position = sorted(pool, key=lambda t: t.start)
    syn = rules.syntax
    for trig in pool:
        trig = _past_light_verb(tokens, trig, [t for t in by_position if t.start > trig.start], rules)
        choice = Choice(trig, trig.entry.event)
        if trig.entry.speech:
            later = [t for t in rules.triggers(tokens, any_sense=True) if t.start >= trig.end]
            warned = _warned(tokens, later, cues, rules)
            if warned is not None:
                warned.speaker = trig
                return warned
        if _negated(tokens, trig, rules):
            if trig.entry.event in syn.cooperative or trig.entry.event == "AGREE":
                choice.event, choice.rule = "REJECT", "en:negated-cooperation"
                return choice
            continue
        intent = _preceding(cues, trig, ("future",), MODAL_WINDOW, tokens)
        hedge = _preceding(cues, trig, ("possible",), MODAL_WINDOW, tokens)
        if hedge is not None:
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
    return None


def _past_light_verb(tokens: Sequence[Token], trig: Trigger, rest: Sequence[Trigger],
                     rules: EnglishRules) -> Trigger:
    """'approved new sanctions': the noun after a light verb names the event."""
    if tokens[trig.start].lemma not in rules.syntax.light_verbs or not rest:
        return trig
    nxt = rest[0]
    gap = tokens[trig.end:nxt.start]
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


def _obligation(tokens: Sequence[Token], attr: Attribution, triggers: Sequence[Trigger],
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


def _obligation_roles(tokens: Sequence[Token], choice: Choice, attr: Attribution,
                      mentions: Sequence[TokMention]) -> Roles:
    between = [m for m in mentions if attr.lead_end <= m.start < choice.trigger.start]
    return Roles(list(attr.claimants[:1]), between[:1], notes=["obligation: speaker -> addressee"])


# ------------------------------------------------------------------ building


def _places(sent: Sentence, ctx: CodingContext, roles: Roles, attr: Attribution,
            codes: Sequence[str]) -> list[tuple[int, Place]]:
    """Places named in the sentence (offset in the sentence, place), not the actor's name."""
    if ctx.geocoder is None:
        return []
    from frontwatch.resolve.places import find_places

    taken = [(m.mention.start, m.mention.end) for m in [*roles.actor, *attr.claimants]]
    taken.append((0, dateline_end(sent.text)))  # "BEIRUT, Dec 11 (Wire) -" is where it was filed
    out: list[tuple[int, Place]] = []
    for pm in find_places(sent.text, lang=LANG, geocoder=ctx.geocoder, countries=codes):
        if any(a <= pm.start < b for a, b in taken) or attr.inside_chars(pm.start):
            continue
        if all(p.name != pm.place.name for _, p in out):
            out.append((pm.start, pm.place))
    return out


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
