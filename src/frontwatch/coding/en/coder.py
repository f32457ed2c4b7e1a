"""English sentences -> PLOVER event records.

``code_sentences(doc, sentences, ctx)`` is the English half of the coder (the router in
``coding.coder`` calls it for sections in English). For each sentence, in text order:

1. The shared stages (``coding.stages.code_sentence``) with the English ones
   (``coding.en.stages``): segment (mentions, triggers, cues, attribution), frames (one
   per trigger, with its reading and roles), named constraints (one action a sentence),
   resolution (``coding.en.resolution``: open parties, factuality, places, date, counts).
2. A second record from a coordinated finite predicate ("... and demanded ..."), or from an
   accusation or a demand in a participle after a comma ("... fired water cannon, accusing Manila
   of ...", "... summoned the envoy, demanding that ...": en:participle-accusation): the stages
   run again on each clause.

"The group", "the militants" opening a sentence point back to the last non-state side named
(en:group-anaphor: Hezbollah, the Houthis), not to a state named since.
A headline is no antecedent (en:headline-no-antecedent): "the spokesman" of the lead is not
the headline's subject ("Indian forces blamed for truce violations" over "A military
spokesman blamed India ..."); the lead names its parties again.
A wire story's sentences are dated from its dateline's day (``_filed``, en:wire-day).
Then, across the article (``en.story``): a reaction with no target answers the last
other party; a sentence with no date takes the day of the record before it; a casualty
sentence with no event of its own gives its counts to the attack just before it; an attack
by a weapon or by no one named continues the last attack or is by the country of its place;
a retold action ("the sanctions", a summons told again as a protest, an attack by "an armed
group" after the attack) gives its places and counts to the action's record and makes none
of its own; a statement, request or measure by no one named is no record (en:no-actor).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from frontwatch.coding.context import CodingContext
from frontwatch.coding.dating import FALLBACK_NOTES, ToldDay, date_from_story, date_headline
from frontwatch.coding.en import condemned, story
from frontwatch.coding.en.attribution import clause_start
from frontwatch.coding.en.mentions import dateline_end, entities, find_mentions
from frontwatch.coding.en.people import recall
from frontwatch.coding.en.resolution import NO_PARTY
from frontwatch.coding.en.rules import EnglishRules, Trigger, default_rules
from frontwatch.coding.en.stages import EnglishStages
from frontwatch.coding.incident import incident_days
from frontwatch.coding.stages import Dropped, Refused, note_dropped, trace_mark, trace_take
from frontwatch.coding.stages import code_sentence as run_stages
from frontwatch.records import Document, Entity, Event, Sentence, Token
from frontwatch.resolve.dates_en import caption_day, resolve_date, wire_day
from frontwatch.resolve.dedup import same_action

LANG = "en"
# A wire dateline stands in the headline's or the lead's first sentence.
DATELINE_SENTENCES = 3
# Words between "The" and the noun of a group anaphor ("The Islamic terror organization").
GROUP_MODIFIERS = 2
# A sentence's subject starts within its first few tokens ("The U.S. State Department").
SUBJECT_TOKENS = 3
# Triggers read past, in a sentence whose first readable action names no party (en:next-action).
NEXT_ACTIONS = 2


def code_sentences(doc: Document, sentences: list[Sentence], ctx: CodingContext) -> list[Event]:
    """Event records of a document's English sentences (ids ``doc_id#n``; the router re-ids)."""
    rules = default_rules()
    ctx = ctx.for_document(_filed(sentences, ctx.published) or _photo_day(doc))
    year = ctx.published.year if ctx.published else None
    out: list[Event] = []
    antecedent: tuple[Entity, ...] = ()
    group: tuple[Entity, ...] = ()  # en:group-anaphor: the last non-state side named
    people: dict[str, Entity] = {}  # en.people: surnames met after a side's title
    unrecorded: list[ToldDay] = []  # acts a sentence dates without a record of them
    for sent in sentences:
        if sent.language != LANG or not sent.tokens:
            continue
        ante = group if group and _group_subject(sent, rules) else antecedent
        coded = code_clauses(doc, sent, ctx, rules, year, ante, people)
        if ante is not antecedent:
            coded = [_noted(e, "en:group-anaphor: 'the group' -> the last non-state side named")
                     for e in coded]
        read = [story.read(e, out, rules) for e in coded]
        found = [ev for ev in read
                 if ev.actor or (ev.recipient and not story.title(ev) and not story.detail(ev, out))]
        for ev in read:
            if ev not in found:
                _drop(ev, *_unnamed(ev, out))
        headline = sent.section == "title"  # en:headline-no-antecedent
        if not found and not headline:
            subject = _subject(sent, ctx, year, people, rules)
            antecedent = subject or antecedent
            group = subject if subject and all(e.sector in rules.syntax.group_sectors
                                               for e in subject) else group
        if not found and out:
            out[-1] = story.casualties(out[-1], sent, rules)
        if not found and not headline:
            unrecorded.extend(story.told_days(sent, coded, rules, ctx.published))
        unrecorded.extend(incident_days(sent, ctx.published))
        for ev in found:
            told = story.retold(ev, out, rules)  # before a reaction's target is filled in
            ev = story.carry_date(story.counterpart(condemned.doer(ev, out, rules), out, rules), out)
            told = told or story.retold(ev, out, rules)
            if told is not None:  # the action's record takes what the retelling adds
                out[told[1]] = story.absorb(out[told[1]], ev, told[0])
            elif story.has_actor(ev, rules):
                out.append(_with_id(ev, f"{doc.doc_id}#{len(out) + 1}"))
            else:
                _drop(ev, "en:no-actor", f"a {ev.event} by no one named, and the story names no actor for it")
            antecedent = antecedent if headline else (_speaker_subject(ev, sent, ctx, year, people, rules)
                                                      or ev.actor or antecedent)
            group = _non_state(ev, rules) or group
    dated = date_from_story(out, sentences, unrecorded)
    return date_headline(dated, _lead_day(sentences, ctx.published), same_action)


def _lead_day(sentences: Sequence[Sentence], filed: dt.date | None) -> dt.date | None:
    """The day the lead tells (story:headline-lead-day): the day its first body sentence states
    after any wire dateline, else the story's day (the dateline's, else the publication date),
    which a lead that states none is dated by."""
    lead = next((s for s in sentences if s.section == "body" and s.language == LANG), None)
    if lead is None:
        return None  # an English headline over a story in another language: no lead to sum up
    said = resolve_date(lead.text[dateline_end(lead.text):], filed)
    return dt.date.fromisoformat(said.date) if said is not None and said.precision == "day" else filed


def _unnamed(ev: Event, out: list[Event]) -> tuple[str, str]:
    """Why a record with no actor was dropped (the filter of ``code_sentences``)."""
    if not ev.recipient:
        return "en:no-party", "no actor and no recipient named, here or in the sentences before"
    if story.title(ev):
        return "en:unnamed-title", "a headline's act by no one named: the body tells it with its actor"
    return "en:unnamed-detail", "an act by no one named right after the story's attack: its detail"


def _drop(ev: Event, rule: str, why: str) -> None:
    """Note a record the story-level rules drop, for ``explain --dropped``."""
    trigger = ev.explanation.trigger if ev.explanation else ""
    note_dropped(Dropped(ev.doc_id, ev.text, trigger, ev.event, "story", rule, why))


def _group_subject(sent: Sentence, rules: EnglishRules) -> bool:
    """Does the sentence open with "The group", "The militants", "The Islamic terror
    organization" (en:group-anaphor; up to GROUP_MODIFIERS words before the noun), also after
    an opening adverbial phrase ("In a statement, the Shia militia claims ...")?"""
    toks = sent.tokens
    first = clause_start(toks, len(toks), rules)  # after "In a statement," (en:group-anaphor)
    if len(toks) < first + 2 or toks[first].lemma != "the":
        return False
    for k in range(first + 1, min(len(toks), first + GROUP_MODIFIERS + 2)):
        if toks[k].lemma in rules.syntax.group_anaphors:
            return True
        if not toks[k].text.isalpha():
            return False
    return False


def _noted(ev: Event, note: str) -> Event:
    if ev.explanation is None:
        return ev
    return replace(ev, explanation=replace(ev.explanation, notes=(*ev.explanation.notes, note)))


def _non_state(ev: Event, rules: EnglishRules) -> tuple[Entity, ...]:
    """The record's non-state side (actor first, then recipient), or ()."""
    for side in (ev.actor, ev.recipient):
        if side and all(e.sector in rules.syntax.group_sectors for e in side):
            return side
    return ()


def _subject(sent: Sentence, ctx: CodingContext, year: int | None,
             people: dict[str, Entity], rules: EnglishRules) -> tuple[Entity, ...]:
    """The actor opening a sentence that gave no record ("Taiwan's Defence Ministry said it
    detected ..."): what "the ministry" or "it" of the next sentence points to. A party named
    past SUBJECT_TOKENS counts when only commas and verb-group adverbs stand between it and
    the sentence's reporting verb ("Their leader, Abdulmalik al-Houthi, has repeatedly said":
    rule en:speaker-subject)."""
    found = find_mentions(sent.text, sent.tokens, sent.start, ctx.actors, year, ctx.countries)
    mentions = recall(sent.text, sent.tokens, sent.start, found, people)
    first = mentions[0] if mentions else None
    if first is None:
        return ()
    if first.start > SUBJECT_TOKENS:  # en:speaker-subject: "Their leader, Abdulmalik al-Houthi, said"
        cues = rules.cue_hits(sent.tokens)
        said = min((c.start for c in cues if c.cue.factuality in ("claimed", "denied")), default=None)
        first = next((m for m in reversed(mentions) if said is not None and m.end <= said
                      and _speaker_gap(sent.tokens[m.end:said], rules)), None)
    return entities([first]) if first is not None else ()


def _speaker_gap(gap: Sequence[Token], rules: EnglishRules) -> bool:
    """Only commas and adverbs of a verb group ("al-Houthi, has repeatedly said") lie between a
    speaker and the reporting verb (rule en:speaker-subject)."""
    return all(t.text == "," or t.lemma in rules.syntax.party_path_skips for t in gap)


def _speaker_subject(ev: Event, sent: Sentence, ctx: CodingContext, year: int | None,
                     people: dict[str, Entity], rules: EnglishRules) -> tuple[Entity, ...]:
    """Rule en:speaker-antecedent: in "Ukraine's army said Russian forces shelled Kharkiv. It
    called on allies to ...", "it" is the sentence's subject, the speaker, not the actor of
    the act it reported: a claimed record whose claimant opens the sentence hands the claimant
    on as the next sentence's antecedent."""
    if ev.factuality not in ("claimed", "denied") or not ev.claimed_by:
        return ()
    subject = _subject(sent, ctx, year, people, rules)
    said = {e.code for e in ev.claimed_by if e.code}
    return subject if subject and {e.code for e in subject} <= said else ()


def _filed(sentences: Sequence[Sentence], published: dt.date | None) -> dt.date | None:
    """The day the story's sentences are told from (rule en:wire-day): the day of a wire
    dateline opening one of the first body sentences ("BEIRUT, Sept 22 (Reuters) -", its year
    the dateline's or the publication's), else the publication date. A sentence naming no day
    of its own is dated by it, and "on Tuesday", "yesterday" count back from it: a page may
    carry a wire story a day or more after it was filed."""
    body = [s for s in sentences if s.section == "body" and s.language == LANG]
    for sent in body[:DATELINE_SENTENCES]:
        found = wire_day(sent.text, published)
        if found is not None:
            return dt.date.fromisoformat(found.date)
        end = dateline_end(sent.text)
        full = resolve_date(sent.text[:end], None) if end and published is None else None
        if full is not None and full.precision == "day":
            return dt.date.fromisoformat(full.date)
    return published


def _photo_day(doc: Document) -> dt.date | None:
    """Rule en:photo-day: on a page with no publication date, the day the story's first dated
    photo caption prints in full (``dates_en.caption_day``), unless it shows a file photo (a
    later caption may show an older scene too). Of the 202 English dev9 and realworld pages
    without a publication date, 3 open with such a caption, and their gold days count from it;
    2 more open with a file photo's."""
    for sec in doc.parts("body", "credit"):
        for line in sec.text.splitlines():
            found = caption_day(line)
            if found is not None:
                return None if found[1] else found[0]
    return None


def code_clauses(doc: Document, sent: Sentence, ctx: CodingContext, rules: EnglishRules,
                 year: int | None, antecedent: tuple[Entity, ...] = (),
                 people: dict[str, Entity] | None = None) -> list[Event]:
    """The sentence's event, and a second one from a coordinated predicate
    ("... condemned the listings and said it would ...", "... held talks and agreed to ...")."""
    people = {} if people is None else people
    first = code_sentence(doc, sent, ctx, rules, year, antecedent, people)
    if first is None or first.explanation is None:
        return [first] if first is not None else []
    found = rules.triggers(sent.tokens)  # the sentence's triggers, read by both cuts below
    accused = _accused_act(sent.tokens, first, found)
    if accused is not None:  # "accused the Houthis of having fired a missile at the ship"
        _, tail = _split(sent, accused)
        second = code_sentence(doc, tail, ctx, rules, year, first.recipient, people)
        if second is None or second.event == first.event or not second.actor:
            return [first]
        told = _noted(replace(second, factuality="claimed", claimed_by=first.actor),
                      "en:accused-act: the act the accusation names, claimed by the accuser, "
                      "done by the accused")
        return [first, told]
    split = _second_predicate(sent.tokens, first, rules, found)
    if split is None:
        return [first]
    head, tail = _split(sent, split)
    first = _sentence_day(code_sentence(doc, head, ctx, rules, year, antecedent, people) or first, sent, ctx)
    second = code_sentence(doc, tail, ctx, rules, year, _tail_subject(first, antecedent), people)
    second = _sentence_day(second, sent, ctx) if second is not None else None
    if second is not None and second.event == first.event and not (first.actor or first.recipient):
        return [second]  # en:next-action: "gangsters ambushed and killed 14 police": the party is the tail's
    if second is None or second.event == first.event:
        return [first]  # "killed two and wounded five": one action
    return [first, second]


def _sentence_day(ev: Event, sent: Sentence, ctx: CodingContext) -> Event:
    """Rule en:clause-day: a clause cut from a sentence that states no day of its own takes the
    day the whole sentence states ("Four Iranian boats harassed a U.S. warship, but no missiles
    were fired, the chief of naval operations said Wednesday": the harassment's clause is cut
    before the day)."""
    why = ev.explanation
    if ctx.published is None or why is None or not any(n.startswith(FALLBACK_NOTES) for n in why.notes):
        return ev
    day = resolve_date(sent.text[dateline_end(sent.text):], ctx.published, ctx.month)
    if day is None or day.precision != "day" or day.date == ev.date:
        return ev
    stated = f"date: {day.text} -> {day.date} ({day.precision}); en:clause-day: the whole sentence's day"
    notes = (*[n for n in why.notes if not n.startswith(FALLBACK_NOTES)], stated)
    return replace(ev, date=day.date, date_precision="day", explanation=replace(why, notes=notes))


# The acts an accusation may name as what the accused did ("accused X of shelling ..."), and how
# many words after "accused" its "of" may stand ("accused the Iranian-backed Houthi militants in
# Yemen of having fired").
ACCUSED_ACTS = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})
ACCUSED_REACH = 12


def _trigger_at(tokens: Sequence[Token], first: Event) -> int | None:
    """Index of the token that opens the trigger of the sentence's first record."""
    word = first.explanation.trigger.split(" ")[0] if first.explanation else ""
    return next((t.i for t in tokens if t.text == word), None)


def _accused_act(tokens: Sequence[Token], first: Event, found: Sequence[Trigger]) -> int | None:
    """Index of the "of" that opens the act an accusation names ("accused Ukraine of shooting down
    a plane", "accused the Houthis of having fired a missile"), when the accusation has a
    recipient: the act is a second record, by the accused, claimed by the accuser."""
    if first.event != "ACCUSE" or not first.recipient:
        return None
    at = _trigger_at(tokens, first)
    if at is None or tokens[at].lemma != "accuse":
        return None
    acts = {t.start for t in found if t.entry.event in ACCUSED_ACTS}
    for k in range(at + 1, min(at + ACCUSED_REACH, len(tokens) - 1)):
        if tokens[k].text in (".", ";"):
            return None
        if tokens[k].text.casefold() == "of":
            having = tokens[k + 1].text.casefold() == "having"  # cut after it: the tail opens on the act
            nxt = k + 2 if having else k + 1
            return (k + 1 if having else k) if nxt in acts else None
    return None


def _tail_subject(first: Event, antecedent: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The subject of a coordinated predicate: the first clause's actor, or, when the first
    clause reports someone else's act ("He said a Philippine vessel approached ..., and blamed
    the Philippines"), the speaker (en:tail-speaker)."""
    if first.factuality not in ("claimed", "denied"):
        return first.actor
    spoken = tuple(e for e in first.claimed_by if e.code)
    return spoken or antecedent or first.actor


def _second_predicate(tokens: Sequence[Token], first: Event, rules: EnglishRules,
                      found: Sequence[Trigger]) -> int | None:
    """Index of an "and"/"but" that opens a second finite predicate with the same subject
    (``found``: the sentence's triggers)."""
    begin = (_trigger_at(tokens, first) or 0) + 1
    said = {c.start for c in rules.cue_hits(tokens) if c.cue.factuality in ("claimed", "denied")}
    starts = {t.start for t in found} | said
    # an accusation or a demand in a participle: "accusing Manila of ...", "demanding that Minsk ..."
    accusing = {t.start for t in found if t.entry.event in ("ACCUSE", "REQUEST")}
    for k in range(begin, len(tokens) - 1):
        if tokens[k].text == "," and k + 1 in accusing and tokens[k + 1].text.casefold().endswith("ing"):
            return k  # en:participle-accusation: "... fired water cannon, accusing Manila of ..."
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
                  year: int | None, antecedent: tuple[Entity, ...] = (),
                  people: dict[str, Entity] | None = None) -> Event | None:
    """The record of one sentence (or clause): the shared stages with the English ones."""
    people = {} if people is None else people
    passed: frozenset[int] = frozenset()
    mark = trace_mark()
    kept: tuple[Event | None, list[Dropped]] | None = None  # the reading kept, and its trace
    for _ in range(NEXT_ACTIONS + 1):
        stages = EnglishStages(ctx, rules, year, antecedent, people, passed=passed)
        _, events = run_stages(stages, sent)
        trace = trace_take(mark)
        if events and (events[0].actor or events[0].recipient):
            kept = (events[0], trace)
            break
        if kept is None or (kept[0] is None and events):  # the first reading, or the first record
            kept = (events[0] if events else None, trace)
        first = _first_read(stages)
        if first is None:
            break
        passed |= {first}
    if kept is None:
        return None
    for dropped in kept[1]:
        note_dropped(dropped)
    return kept[0]


def _first_read(stages: EnglishStages) -> int | None:
    """Rule en:next-action: the start of the sentence's first readable trigger when its frame
    names no party ("Cartel gangsters ambushed and killed 14 state police": "ambushed" has no
    one the actor table knows, "killed" has the police), so that the next trigger is read; None
    when no frame was read or it was refused for another reason (a recap dated long before is
    background, whatever its trigger). Read from what the stages' own resolution found."""
    if stages.first_outcome is None:
        return None
    start, got = stages.first_outcome
    if isinstance(got, Refused):
        return start if got.rule == NO_PARTY else None
    return None if got.actor or got.recipient else start
