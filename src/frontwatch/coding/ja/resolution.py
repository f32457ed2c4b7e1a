"""Resolution of a Japanese frame: parties the syntax left open, factuality, places, date.

``resolve_frame`` settles one candidate frame (``coding.stages.Frame``) or drops it:

1. Actor when the syntax gave none: the speaker of the report for a statement act
   (非難, 要求 …), a speaker's unhedged past clause about itself, two speakers that agree,
   我々 inside a quote, the warned party of a warning.
2. Recipients: never the actor's own side (outside a civil war); the party spoken of for a
   statement act; for a threat, the party named before it.
3. Factuality (``ja.scope.factuality_of``); a speaker's own conditional act is a THREATEN.
4. Places (``ja.scope.event_places``), a recipient from a place's country, date, casualties,
   weapons.
"""

from __future__ import annotations

import re
from typing import cast

from frontwatch.coding.context import CodingContext
from frontwatch.coding.ja.parties import (
    expand_groups,
    named_before,
    recipient_fallback,
    said_about,
    warned_party,
)
from frontwatch.coding.ja.roles import coordinated, passive_word
from frontwatch.coding.ja.scope import (
    LIGHT_VERBS,
    Scope,
    event_places,
    factuality_of,
    is_evaluation,
    resolve_date,
)
from frontwatch.coding.ja.syntax import SPEECH, Analysis, Report
from frontwatch.coding.lexicon import EventLexicon
from frontwatch.coding.stages import Frame, Resolved
from frontwatch.records import Entity, Factuality, Place
from frontwatch.resolve.factuality import find_casualties, hedge

VERB_ENDINGS = frozenset("うくぐすつぬぶむる")  # 引き渡す, tagged as a noun by the parser
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


def resolve_frame(an: Analysis, frame: Frame[Scope], ctx: CodingContext, lex: EventLexicon,
                  carried: tuple[str, str] | None) -> Resolved[Scope] | None:
    trig, sc = frame.trigger, frame.scope
    entry, notes = trig.entry, list(frame.notes)
    event, actor, recipient, symmetric = entry.event, frame.actor, frame.recipient, frame.symmetric
    report, speaker = sc.report, sc.speaker
    rule = frame.rule
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
    return Resolved(
        frame, event, actor, recipient, symmetric, rule, cast(Factuality, fact), claimed, places, date, prec,
        tuple(modes), cas.dead if cas else None, cas.injured if cas else None,
        tuple(dict.fromkeys(w.entry.canonical for w in weapons)),
        horizon.text if horizon else None, horizon.days if horizon else None,
        tuple(w.entry.ref for w in weapons), tuple(notes),
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
