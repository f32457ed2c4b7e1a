"""Japanese event coder: parsed sentences -> PLOVER event records.

For each sentence (``code_sentences``):

1. Triggers: tokens whose lemma is an entry of ``events.ja.toml`` (and surface/regex
   entries over the text), kept when their ``needs`` words are in the sentence.
2. Structure (``ja_syntax.analyse``): quotes, reports with their speakers, actor
   mentions with their particles.
3. Per trigger (``_code_trigger``), skipped when it is the content of another event
   (…するよう要求, …ことで合意), a relative clause about an actor (前進を試みる部隊),
   or a means to the next event of the same actor (部隊を派遣して…占領).
4. Roles (``coding.ja_roles``): actor by による, genitive の, or the nearest が/は/も
   subject in the same quote; recipient by に対して/への/を/に or a compound
   (ウクライナ侵攻); two-sided fighting takes every coordinated side as actor.
5. Factuality: hedges after the trigger (可能性, かもしれない …) -> possible/future/
   denied; a report with a speaker -> claimed (statements the speaker makes about
   itself stay asserted); a headline ending in か -> possible.
6. Date, casualties, weapons and places from the trigger's scope; a place's country
   may give the recipient; an attack claimed by one side with no recipient named is
   coded against the claimant.

A casualty count in a sentence that codes no attack goes to the nearest attack before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from frontwatch.coding.context import CodingContext
from frontwatch.coding.ja_discourse import follow_discourse, orphan_casualties
from frontwatch.coding.ja_parties import (
    expand_groups,
    named_before,
    recipient_fallback,
    said_about,
    warned_party,
)
from frontwatch.coding.ja_roles import Roles, coordinated, find_roles, passive_word
from frontwatch.coding.ja_scope import (
    LIGHT_VERBS,
    SAME_DAY,
    Scope,
    event_places,
    factuality_of,
    is_evaluation,
    is_suppressed,
    relative_clause,
    resolve_date,
    scope_of,
)
from frontwatch.coding.ja_syntax import SPEECH, Analysis, Report, analyse
from frontwatch.coding.lexicon import EventLexicon, LexiconEntry
from frontwatch.records import Document, Entity, Event, Explanation, Factuality, Place, Sentence
from frontwatch.resolve.actors import ActorMention
from frontwatch.resolve.factuality import find_casualties, find_horizon, hedge

VERB_ENDINGS = frozenset("うくぐすつぬぶむる")  # 引き渡す, tagged as a noun by the parser
ANAPHORA_MEMORY = 12  # mentions of earlier sentences that 同国/同省 may point back to
STATEMENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "CONSULT", "SUPPORT", "SANCTION",
                        "PROTEST", "AID", "CONCEDE", "COOPERATE"})
# Material actions a party reports about itself are still its claim (a shoot-down).
MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"})
# A conditional or future act a speaker announces of itself is a threat (a halt of arms deliveries too).
OWN_THREATS = MATERIAL | {"SANCTION"}
RECIPIENT_FROM_CLAIMANT = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
RECIPIENT_FROM_PLACE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
# What a speaker does by speaking: with no actor inside the quote, the speaker is the actor.
SPEAKER_ACTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST"})


@dataclass(frozen=True, slots=True)
class Trigger:
    i: int  # token index
    end: int  # token index after the matched text
    entry: LexiconEntry
    text: str


def find_triggers(sent: Sentence, lex: EventLexicon) -> list[Trigger]:
    by_lemma = lex.by_lemma()
    out: dict[int, Trigger] = {}
    text = sent.text
    for t in sent.tokens:
        for e in by_lemma.get(t.lemma, []):
            if _needs_ok(e, text):
                out.setdefault(t.i, Trigger(t.i, t.i + 1, e, t.text))
    for e in lex.surface_entries():
        if not _needs_ok(e, text):
            continue
        spans = ([(m.start(), m.end()) for m in e.regex.finditer(text)] if e.regex is not None
                 else _all(text, e.pattern))
        for a, b in spans:
            ti = _tok_at(sent, a)
            tj = _tok_at(sent, b - 1) + 1
            for k in range(ti, tj):
                out.pop(k, None)
            out[ti] = Trigger(ti, tj, e, text[a:b])
    return [out[k] for k in sorted(out)]


def _all(text: str, pat: str) -> list[tuple[int, int]]:
    spans, pos = [], text.find(pat)
    while pos >= 0:
        spans.append((pos, pos + len(pat)))
        pos = text.find(pat, pos + 1)
    return spans


def _tok_at(sent: Sentence, char: int) -> int:
    k = 0
    for t in sent.tokens:
        if t.idx - sent.start <= char:
            k = t.i
    return k


def _needs_ok(e: LexiconEntry, text: str) -> bool:
    return not e.needs or any(w in text for w in e.needs)


def code_sentences(doc: Document, sentences: list[Sentence], ctx: CodingContext) -> list[Event]:
    """Event candidates of a document's Japanese sentences (ids are set by the coder)."""
    lex = ctx.lexicon("ja")
    year = ctx.published.year if ctx.published else None
    events: list[Event] = []
    carried: dict[int, tuple[str, str]] = {}  # section start (-1: document) -> last day stated
    seen: list[ActorMention] = []  # actor mentions of earlier sentences, for 同国 / 同省
    for sent in sentences:
        sec = _section_start(doc, sent)
        trigs = find_triggers(sent, lex)
        an = analyse(sent, ctx.actors, frozenset(t.i for t in trigs), year, seen[-ANAPHORA_MEMORY:])
        seen.extend(m.mention for m in an.mentions)
        # the last day stated in this paragraph; 同日 also reaches back to earlier paragraphs
        day = carried.get(sec) or (carried.get(-1) if any(w in sent.text for w in SAME_DAY) else None)
        made = follow_discourse(_code_sentence(an, trigs, ctx, lex, day), an, events)
        for ev in made:
            if ev.date and ev.date_precision == "day" and ev.explanation and any(
                    n.startswith("date: ") and "->" in n and not _quoted_date(sent.text, n)
                    for n in ev.explanation.notes):
                carried[sec] = carried[-1] = (ev.date, "day")
        orphan_casualties(sent, made, events)
        events.extend(made)
    return events


def _quoted_date(text: str, note: str) -> bool:
    """A day stated inside a quote (「先月28日の攻撃への報復だ」) is a reference to the past,
    not the day the narration has reached: it does not carry to 同日."""
    said = note[len("date: "):note.find(" ->")].split(" (")[0]
    pos = text.find(said)
    before = text[:pos] if pos >= 0 else ""
    return pos >= 0 and sum(before.count(c) for c in "「『") > sum(before.count(c) for c in "」』")


def _section_start(doc: Document, sent: Sentence) -> int:
    for s in doc.sections:
        if s.start <= sent.start < s.end:
            return s.start
    return -1


def _code_sentence(an: Analysis, trigs: list[Trigger], ctx: CodingContext, lex: EventLexicon,
                   carried: tuple[str, str] | None) -> list[Event]:
    out: list[Event] = []
    planned: list[tuple[Trigger, Scope, Roles]] = []
    for trig in trigs:
        inside = any(m.ti <= trig.i and trig.end <= m.tj for m in an.mentions)  # ロシア占領当局
        if inside or is_suppressed(an, trig.i, trig.end, trig.entry):
            continue
        sc = scope_of(an, trig.i)
        roles = find_roles(an, trig.i, trig.end, trig.entry, sc)
        kind, described = relative_clause(an, trig.i)
        if kind == "actor" and sc.report is None:
            continue  # 奪還したアゼルバイジャン: the writer's description of an actor, background
        if kind == "actor" and described is not None and not trig.entry.symmetric:
            others = tuple(r for r in roles.recipient if r.code != described.mention.entity.code)
            roles = Roles((described.mention.entity,), others, False, "relative",
                          (*roles.notes, f"actor: {described.mention.text}, described by the clause"),
                          (*roles.refs, *described.mention.refs))
        planned.append((trig, sc, roles))
    coded: list[int] = []
    for n, (trig, sc, roles) in enumerate(planned):
        if trig.entry.speech or _means_to_next(an, planned, n):
            continue
        ev = _code_trigger(an, trig, sc, roles, ctx, lex, carried)
        if ev is not None:
            out.append(ev)
            coded.append(trig.i)
    for trig, sc, roles in planned:  # 「…」と警告: the warning itself only when nothing is warned of
        rep = next((r for r in an.reports if r.verb == trig.i), None)
        said = an.span_text(rep.start, rep.end) if rep is not None else ""
        warned = getattr(hedge(said, lex.cues), "factuality", None) == "possible"  # a forecast
        said_coded = [k for k in coded if rep is None or rep.start <= k < rep.end]  # what it said was coded
        unnamed = rep is not None and rep.speaker is None  # テヘランは「…」と反発: a speaker we cannot code
        if trig.entry.speech and not warned and not said_coded and not unnamed:
            ev = _code_trigger(an, trig, sc, roles, ctx, lex, carried)
            if ev is not None:
                out.append(ev)
    return out


def _means_to_next(an: Analysis, planned: list[tuple[Trigger, Scope, Roles]], n: int) -> bool:
    """部隊を派遣して占領: the te-form action is the means of the next one by the same actor."""
    trig, sc, roles = planned[n]
    if n + 1 >= len(planned) or not roles.actor:
        return False
    toks = an.sentence.tokens
    nxt_trig, nxt_sc, nxt_roles = planned[n + 1]
    window = toks[trig.end:min(trig.end + 4, len(toks))]
    te = any(t.text in ("て", "で") and not (k + 1 < len(window) and window[k + 1].lemma in ("いる", "おる"))
             for k, t in enumerate(window[:3]))  # 提示しており: a state, not a means
    same = {e.code for e in roles.actor} == {e.code for e in nxt_roles.actor}
    return te and same and sc.report == nxt_sc.report and trig.entry.event != nxt_trig.entry.event


def _code_trigger(an: Analysis, trig: Trigger, sc: Scope, roles: Roles, ctx: CodingContext,
                  lex: EventLexicon, carried: tuple[str, str] | None) -> Event | None:
    entry, notes = trig.entry, list(roles.notes)
    event, actor, recipient, symmetric = entry.event, roles.actor, roles.recipient, roles.symmetric
    report, speaker = sc.report, sc.speaker
    rule = roles.rule
    if rule in ("subject", "topic") and _spoken_of(an, trig.end):
        return None  # Xは…の兵力集中を警告: X speaks of the act (coded by the speech word), not doing it
    if is_evaluation(an, trig.i, trig.end, entry):
        if report is None or speaker is None or not actor or report.kind == "passive":
            return None
        # 「Xの攻撃は民間人を標的にしている」と訴えた: the speaker accuses X.
        event, recipient, actor, symmetric = "ACCUSE", actor, (speaker.mention.entity,), False
        rule = "ja.evaluation-accuse"
        notes.append(f"accusation: {speaker.mention.text} speaks of {trig.text} as an act to condemn")
    if entry.by_speaker and speaker is not None and report is not None:
        said = [m.mention.entity for m in an.mentions if report.start <= m.ti < report.end
                and m.mention.entity.code != speaker.mention.entity.code]
        actor, rule = (speaker.mention.entity,), "ja.speaker-statement"
        recipient = recipient or tuple(said[:1])
        notes.append(f"actor: the speaker {speaker.mention.text}, whose words these are")
    if not actor and speaker is not None and event in SPEAKER_ACTS:
        actor, rule = (speaker.mention.entity,), "ja.speaker-statement"
        notes.append(f"actor: the speaker {speaker.mention.text}")
    elif (not actor and speaker is not None and not entry.symmetric and _verbal(an, trig.end)
          and not _spoken_of(an, trig.end) and not passive_word(an, trig.end)
          and (report is None or not report.quoted or _past_unhedged(an, trig.end, sc, lex))):
        # Xは…を撃墜したことを明らかにした: with no subject of its own, the clause is the speaker's
        actor, rule = (speaker.mention.entity,), "ja.speaker-self"
        notes.append(f"actor: the speaker {speaker.mention.text}, subject of the reported clause")
    if not actor and entry.symmetric and speaker is not None and report is not None:
        # AとBの委員会は…で合意したと発表: the sides that speak together are the sides that agree
        sides = coordinated([m for m in an.mentions if m.ti <= speaker.ti], speaker)
        if len({m.mention.entity.code for m in sides}) > 1:
            actor, symmetric, rule = tuple(m.mention.entity for m in sides), True, "ja.speakers-agree"
            notes.append("two-sided: the speakers " + ", ".join(m.mention.text for m in sides))
    if not actor and speaker is not None and report is not None and _first_person(an, report, trig.i):
        actor, rule = (speaker.mention.entity,), "ja.first-person"
        notes.append(f"actor: 我々 in what {speaker.mention.text} said")
    if not actor and report is not None and report.kind == "warn" and event in MATERIAL:
        actor = warned_party(an, report, speaker, notes)
    if not actor:
        return None
    actor = expand_groups(actor)
    own = {(e.code, e.sector == "PRE") for e in actor}
    rebels = {e.sector == "REB" for e in actor}  # a civil war: state and insurgents of one country
    recipient = tuple(r for r in recipient
                      if (r.code, r.sector == "PRE") not in own or rebels == {r.sector != "REB"})
    if not recipient and event in SPEAKER_ACTS and event != "REJECT":  # a rejection answers a party
        recipient = said_about(an, trig.i, {e.code for e in actor}, notes)
    if not recipient and event == "THREATEN":  # Xが…すれば…措置を取る: X is the one threatened
        recipient = named_before(an, sc.lo, trig.i, {e.code for e in actor}, notes)
    fact, claimed, fnotes, horizon = factuality_of(an, trig.i, sc, lex, event, actor, rule, trig.end)
    notes.extend(fnotes)
    if fact == "generic":
        return None
    if (event in OWN_THREATS and fact in ("possible", "future") and claimed
            and {e.code for e in claimed} == {e.code for e in actor}):
        # 「挑発があれば我々は反撃する」と警告: a side announcing its own strike threatens it
        event, fact, claimed, horizon, rule = "THREATEN", "asserted", (), None, "ja.own-threat"
        notes.append("event: a conditional or future act of the speaker itself -> THREATEN")
        if not recipient:  # Xが…すれば…: the party whose act is the condition is the one threatened
            recipient = named_before(an, sc.lo, trig.i, {e.code for e in actor}, notes)
    if fact == "possible" and report is None and an.sayer is None and an.sentence.section != "title":
        return None  # the writer's own speculation is analysis, not an event
    claim_codes = {e.code for e in claimed}
    actor_codes = {e.code for e in actor}
    if event in STATEMENTS and fact == "claimed" and claim_codes <= actor_codes:
        fact, claimed = "asserted", ()
        notes.append("factuality: a statement by the actor itself is asserted")
    text = sc.text
    where = an.sentence.text if rule in ("ja.speaker-statement", "ja.evaluation-accuse") else text
    places, pnotes = event_places(where, ctx, actor, recipient)
    notes.extend(pnotes)
    if not places and event == "SANCTION" and ctx.geocoder is not None:
        places = _embassy_city(text, ctx, notes)
    if not recipient and not symmetric and event in RECIPIENT_FROM_PLACE:
        by_claim = event in RECIPIENT_FROM_CLAIMANT and fact == "claimed" and rule != "join"
        recipient = recipient_fallback(places, claimed if by_claim else (), actor_codes, notes)
    if not recipient and not symmetric and report is not None and event in ("COERCE", "ASSAULT"):
        # 「Xの船が侵入したため措置を取った」: the party whose act it answers, named in the claim
        recipient = named_before(an, sc.lo, trig.i, actor_codes, notes, "named before it in the claim")
    if not recipient and (event == "PROTEST" or (event == "COERCE" and "arrest" in entry.mode)):
        # 警察が…を拘束 / 住民が抗議集会: with no one else named, it happens at home
        recipient = tuple(Entity(text=e.text, name=e.name, code=e.code, sector="GOV")
                          for e in actor[:1] if e.code and len(e.code) == 3)
        if recipient:
            notes.append(f"recipient: {actor[0].text}'s own side (a domestic arrest or protest)")
    date, prec, dnote = resolve_date(an, trig.i, sc, ctx.published, fact, carried)
    notes.append(dnote)
    cas = find_casualties(text) if event == "ASSAULT" else None
    if cas is not None:
        notes.extend(cas.notes)
    weapons = ctx.weapons.find(text, "ja") if event in MATERIAL else []
    modes = list(entry.mode)
    for w in weapons:
        if w.entry.mode and w.entry.mode not in modes and event == "ASSAULT":
            modes.append(w.entry.mode)
    if an.sentence.section == "title":
        notes.append("section: title")
    why = Explanation(
        rule=rule, trigger=trig.text,
        lexicon=(entry.ref, *roles.refs, *(w.entry.ref for w in weapons)),
        notes=tuple(n for n in notes if n),
    )
    s = an.sentence
    return Event(
        id="", doc_id=s.doc_id, event=event, text=s.text, span=(s.start, s.end), language="ja",
        mode=tuple(modes), context=entry.context, actor=actor, recipient=recipient,
        event_loc=places, date=date, date_precision=prec,
        dead=cas.dead if cas else None, injured=cas.injured if cas else None,
        weapons=tuple(dict.fromkeys(w.entry.canonical for w in weapons)),
        factuality=cast(Factuality, fact), claimed_by=claimed,
        horizon=horizon.text if horizon else None, horizon_days=horizon.days if horizon else None,
        symmetric=symmetric, explanation=why,
    )


_EMBASSY = re.compile(r"([\u30a0-\u30ff]{2,})(?:に?ある|の)?(?:日本|米国|英国)?大使館")


def _embassy_city(text: str, ctx: CodingContext, notes: list[str]) -> tuple[Place, ...]:
    """モスクワ大使館: the city before 大使館 is where the embassy is."""
    m = _EMBASSY.search(text)
    if m is None or ctx.geocoder is None:
        return ()
    place = ctx.geocoder.lookup(m.group(1), lang="ja", place_context=True)
    if place is None:
        return ()
    notes.append(f"place: {m.group(1)} (an embassy's city) -> {place.name}")
    return (place,)


def _verbal(an: Analysis, end: int) -> bool:
    """撃墜した / 派遣する: the event word is used as a verb (not 〇〇攻撃に使用された)."""
    toks = an.sentence.tokens
    last = toks[end - 1]
    if end < len(toks) and toks[end].text in "「『":  # 演習「〇〇」を開始: the operation's name
        close = next((k for k in range(end, len(toks)) if toks[k].text in "」』"), None)
        if close is not None:
            end = close + 1
    dictionary_form = last.text == last.lemma and last.lemma[-1:] in VERB_ENDINGS and len(last.lemma) > 1
    light = (end + 1 < len(toks) and toks[end].text == "を"
             and toks[end + 1].lemma in LIGHT_VERBS)  # 演習を開始した: the light verb is the predicate
    return end < len(toks) and (toks[end].lemma in ("する", "させる") or dictionary_form or light
                                or (last.pos == "VERB" and toks[end].pos == "AUX"))


def _spoken_of(an: Analysis, end: int) -> bool:
    """兵力集中を警告 / 攻撃を非難: the event word is what a warning or a reproach is about,
    so the speaker is not its doer."""
    toks = an.sentence.tokens
    return (end + 1 < len(toks) and toks[end].text == "を"
            and SPEECH.get(toks[end + 1].lemma) in ("warn", "accuse", "deny"))


def _past_unhedged(an: Analysis, end: int, sc: Scope, lex: EventLexicon) -> bool:
    """「…を破壊した」と主張: a finished act with no hedge, told by its own doer."""
    toks = an.sentence.tokens
    tail = [t.lemma for t in toks[end:min(end + 4, sc.hi)]]
    return "た" in tail and hedge(an.span_text(end, sc.hi), lex.cues) is None


FIRST_PERSON = ("我々", "われわれ", "我が国", "わが国", "私たち")


def _first_person(an: Analysis, report: Report, i: int) -> bool:
    """我々は即座に反撃する: the speaker is the subject of its own quoted act."""
    return any(t.text in FIRST_PERSON for t in an.sentence.tokens[report.start:i])


__all__ = ["SPEECH", "Report", "code_sentences", "find_horizon", "find_triggers"]
