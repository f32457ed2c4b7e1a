"""The named rules that settle a Japanese frame's parties, numbered in the order they run.

Every rule is a row of a table below: a name (``ja.<what>``), one line saying what it
does, and a small function over a ``Draft`` (the frame as resolution has it so far). A rule
returns a new draft when it applies and ``None`` when it does not; the rule that applied
is written into the record's explanation (``frontwatch explain``), so each decision can be
traced to one row. ``rule_table()`` lists them all.

ACTOR_RULES (tried in order until one gives an actor; the first two reinterpret the frame):
  1 ja.evaluation-accuse   「Xの攻撃は民間人を標的にしている」と訴えた: the speaker accuses X
  2 ja.by-speaker          a row marked by_speaker (偽旗): the words are the speaker's act
  3 ja.speaker-statement   a statement act (非難, 要求 …) with no actor: the speaker
  4 ja.speaker-self        Xは…を撃墜したと明らかにした: the speaker's own unhedged act
  5 ja.speakers-agree      AとBは…で合意したと発表: the sides that speak together agree
  6 ja.first-person        我々 inside what the speaker said
  7 ja.speaker-future      「…反撃する」と: an act not yet done, no subject in the quote
  8 ja.warned-party        a warned act with no subject: the party the warning is about

RECIPIENT_RULES (after the actor's own side is removed, ``ja.not-self``; tried in order
until one gives a recipient; each names the stage it runs at):
  1 ja.said-about          a statement act: the party named in what was said
  2 ja.threat-condition    a threat: the party whose act is the condition (Xが…すれば)
  3 ja.around-party        posture around a party (台湾周辺で演習): that party
  4 ja.place-country       a material act: the country of its place, or the claimant
  5 ja.home-ground         an attack in the actor's own country, no other party: that country
                           (a civil war: the army on a village, rebels on an army base)
  6 ja.answered-party      a claimed strike: the party whose act it answers
  7 ja.domestic            an arrest or a protest with no other party: at home

PLACE_ACTOR_RULES (after places, for a frame still without an actor):
  1 ja.arrest-place        日本人が北京で拘束された: the state where the arrest happened

EVENT_RULES (after all parties):
  1 ja.untargeted          a row's ``untargeted`` event when no recipient was found
                           (弾道ミサイルを発射: a launch at no one is MOBILIZE, issue 12 kind 2)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from frontwatch.coding.ja.parties import (
    country_name,
    named_before,
    recipient_fallback,
    said_about,
    warned_party,
)
from frontwatch.coding.ja.roles import coordinated, passive_word
from frontwatch.coding.ja.scope import Scope, is_evaluation
from frontwatch.coding.ja.syntax import Analysis, Report
from frontwatch.coding.ja.words import word_set, words
from frontwatch.coding.lexicon import EventLexicon
from frontwatch.coding.stages import Frame
from frontwatch.records import Entity, Place
from frontwatch.resolve.factuality import hedge

# What a speaker does by speaking: with no actor inside the quote, the speaker is the actor.
SPEAKER_ACTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST"})
MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"})
RECIPIENT_FROM_CLAIMANT = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
RECIPIENT_FROM_PLACE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
PAST_REACH = 4  # tokens after an event word where its past た is looked for: 撃墜した / 撃墜していた


@dataclass(frozen=True)
class Draft:
    """A frame as resolution has settled it so far."""

    an: Analysis
    frame: Frame[Scope]
    lex: EventLexicon
    event: str
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    symmetric: bool
    rule: str
    notes: tuple[str, ...]
    factuality: str = "asserted"
    claimed: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    dropped: str = ""  # why the frame makes no record (a rule's name and reason)

    def note(self, text: str, **changes: object) -> Draft:
        return replace(self, notes=(*self.notes, text), **changes)  # type: ignore[arg-type]

    @property
    def actor_codes(self) -> set[str | None]:
        return {e.code for e in self.actor}


RuleFn = Callable[[Draft], "Draft | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    what: str
    fn: RuleFn


def _speaker(d: Draft) -> Entity | None:
    sp = d.frame.scope.speaker
    return sp.mention.entity if sp is not None else None


def evaluation_accuse(d: Draft) -> Draft | None:
    trig, rep, sp = d.frame.trigger, d.frame.scope.report, d.frame.scope.speaker
    if not is_evaluation(d.an, trig.i, trig.end, trig.entry):
        return None
    if rep is None or sp is None or not d.actor or rep.kind == "passive":
        return replace(d, dropped="ja.evaluation-accuse: an evaluation of an act with no one accusing")
    return d.note(f"accusation: {sp.mention.text} speaks of {trig.text} as an act to condemn",
                  event="ACCUSE", recipient=d.actor, actor=(sp.mention.entity,), symmetric=False,
                  rule="ja.evaluation-accuse")


def by_speaker(d: Draft) -> Draft | None:
    rep, sp = d.frame.scope.report, d.frame.scope.speaker
    if not d.frame.trigger.entry.by_speaker or sp is None or rep is None:
        return None
    said = [m.mention.entity for m in d.an.mentions if rep.start <= m.ti < rep.end
            and m.mention.entity.code != sp.mention.entity.code]
    return d.note(f"actor: the speaker {sp.mention.text}, whose words these are", actor=(sp.mention.entity,),
                  rule="ja.speaker-statement", recipient=d.recipient or tuple(said[:1]))


def speaker_statement(d: Draft) -> Draft | None:
    sp = d.frame.scope.speaker
    if d.actor or sp is None or d.event not in SPEAKER_ACTS:
        return None
    return d.note(f"actor: the speaker {sp.mention.text}", actor=(sp.mention.entity,),
                  rule="ja.speaker-statement")


def speaker_self(d: Draft) -> Draft | None:
    sc, trig, sp = d.frame.scope, d.frame.trigger, d.frame.scope.speaker
    if d.actor or sp is None or trig.entry.symmetric or d.event in SPEAKER_ACTS:
        return None
    if sc.report is None and sp is d.an.sayer:
        return None  # Xによると、…が発砲した: the source tells of someone else's act
    if sp.mention.entity.code in {e.code for e in d.recipient}:
        return None  # 防衛省は…日本の領空を侵犯したと発表: the speaker is the one it was done to
    rep = sc.report
    ok = (_verbal(d.an, trig.end) and not spoken_of(d.an, trig.end) and not passive_word(d.an, trig.end)
          and (rep is None or not rep.quoted or _past_unhedged(d.an, trig.end, sc, d.lex)))
    if not ok:
        return None
    return d.note(f"actor: the speaker {sp.mention.text}, subject of the reported clause",
                  actor=(sp.mention.entity,), rule="ja.speaker-self")


def speakers_agree(d: Draft) -> Draft | None:
    sp, rep = d.frame.scope.speaker, d.frame.scope.report
    if d.actor or not d.frame.trigger.entry.symmetric or sp is None or rep is None:
        return None
    sides = coordinated([m for m in d.an.mentions if m.ti <= sp.ti], sp)
    if len({m.mention.entity.code for m in sides}) <= 1:
        return None
    return d.note("two-sided: the speakers " + ", ".join(m.mention.text for m in sides),
                  actor=tuple(m.mention.entity for m in sides), symmetric=True, rule="ja.speakers-agree")


def first_person(d: Draft) -> Draft | None:
    sp, rep = d.frame.scope.speaker, d.frame.scope.report
    if d.actor or sp is None or rep is None or not _first_person(d.an, rep, d.frame.trigger.i):
        return None
    return d.note(f"actor: 我々 in what {sp.mention.text} said", actor=(sp.mention.entity,),
                  rule="ja.first-person")


def speaker_future(d: Draft) -> Draft | None:
    """「いかなる攻撃にも反撃する」との考えを示した: an act the speaker announces, with no
    subject inside the quote and not yet done, is the speaker's own (a threat, once the
    factuality stage sees it is future)."""
    sp, rep, trig = d.frame.scope.speaker, d.frame.scope.report, d.frame.trigger
    if d.actor or sp is None or rep is None or not rep.quoted or d.event not in MATERIAL:
        return None
    condition = any(t.lemma in words().conditionals or t.text in words().conditionals
                    for t in d.an.sentence.tokens[rep.start:trig.i])  # 「…しなければ、ガザは破壊される」
    passive = passive_word(d.an, trig.end) and not condition
    if trig.entry.symmetric or not _verbal(d.an, trig.end) or passive:
        return None
    tail = [t.lemma for t in d.an.sentence.tokens[trig.end:min(trig.end + PAST_REACH, rep.end)]]
    subject = any(m.particle in words().subject for m in d.an.mentions
                  if rep.start <= m.ti < trig.i or sp.ti < m.ti < rep.start)  # Yが…、「…攻撃し」: Y's act
    hedged = hedge(d.an.span_text(trig.end, rep.end), d.lex.cues) is not None  # 侵略する可能性: a warning
    if "た" in tail or subject or hedged:
        return None
    return d.note(f"actor: the speaker {sp.mention.text}, announcing its own act", actor=(sp.mention.entity,),
                  rule="ja.speaker-future")


def warned(d: Draft) -> Draft | None:
    rep = d.frame.scope.report
    if d.actor or rep is None or rep.kind != "warn" or d.event not in MATERIAL:
        return None
    notes: list[str] = []
    actor = warned_party(d.an, rep, d.frame.scope.speaker, notes)
    return replace(d, actor=actor, notes=(*d.notes, *notes), rule="ja.warned-party") if actor else None


ACTOR_RULES: tuple[Rule, ...] = (
    Rule("ja.evaluation-accuse", "an act the speaker evaluates is the speaker's accusation",
         evaluation_accuse),
    Rule("ja.by-speaker", "a by_speaker row: the speaker's words are its act", by_speaker),
    Rule("ja.speaker-statement", "a statement act with no actor is the speaker's", speaker_statement),
    Rule("ja.speaker-self", "a reported unhedged act with no subject is the speaker's own", speaker_self),
    Rule("ja.speakers-agree", "coordinated speakers are the sides of a two-sided act", speakers_agree),
    Rule("ja.first-person", "我々 in a quote is the speaker", first_person),
    Rule("ja.speaker-future", "an act not yet done, announced in a quote with no subject, is the speaker's",
         speaker_future),
    Rule("ja.warned-party", "a warned act with no subject is the party warned about", warned),
)


def find_actor(d: Draft) -> Draft:
    """Run ACTOR_RULES: the first two may reinterpret a frame, the rest fill an empty actor."""
    for rule in ACTOR_RULES:
        got = rule.fn(d)
        if got is not None:
            d = got
            if d.dropped:
                return d
    return d


def not_self(d: Draft) -> Draft:
    """Kind 1 of issue 12: outside a civil war, the actor's own side is not its recipient."""
    own = {(e.code, e.sector == "PRE") for e in d.actor}
    rebels = {e.sector == "REB" for e in d.actor}  # a civil war: state and insurgents of one country
    kept = tuple(r for r in d.recipient
                 if (r.code, r.sector == "PRE") not in own or rebels == {r.sector != "REB"})
    if len(kept) == len(d.recipient):
        return d
    return d.note("ja.not-self: the actor's own side dropped from the recipients", recipient=kept)


def said_about_rule(d: Draft) -> Draft | None:
    if d.recipient or d.event not in SPEAKER_ACTS or d.event == "REJECT":  # a rejection answers a party
        return None
    notes: list[str] = []
    got = said_about(d.an, d.frame.trigger.i, d.actor_codes, notes)
    return replace(d, recipient=got, notes=(*d.notes, *notes)) if got else None


def threat_condition(d: Draft) -> Draft | None:
    if d.recipient or d.event != "THREATEN":
        return None
    notes: list[str] = []
    got = named_before(d.an, d.frame.scope.lo, d.frame.trigger.i, d.actor_codes, notes)
    return replace(d, recipient=got, notes=(*d.notes, *notes)) if got else None


def around_party(d: Draft) -> Draft | None:
    """台湾周辺で軍事演習 / 日本近海を航行: posture around a party is posture towards it."""
    if d.recipient or d.event not in ("MOBILIZE", "THREATEN"):
        return None
    toks = d.an.sentence.tokens
    for m in d.an.mentions:
        if m.mention.entity.code in d.actor_codes or not d.frame.scope.lo <= m.ti < d.frame.scope.hi:
            continue
        after = "".join(t.text for t in toks[m.tj:m.tj + 3])
        if any(after.startswith(w) for w in words().around):
            return d.note(f"recipient: {m.mention.text}, the party its posture surrounds",
                          recipient=(m.mention.entity,))
    return None


def place_country(d: Draft) -> Draft | None:
    if d.recipient or d.symmetric or d.event not in RECIPIENT_FROM_PLACE:
        return None
    by_claim = d.event in RECIPIENT_FROM_CLAIMANT and d.factuality == "claimed" and d.rule != "join"
    notes: list[str] = []
    sp = d.frame.scope.speaker  # the report's speaker, or the sentence's source (Xによると)
    tellers = {sp.mention.entity.code} if sp is not None else set()
    places = tuple(p for p in d.places if p.country not in tellers)  # アメリカメディアは…と伝えた
    got = recipient_fallback(places, d.claimed if by_claim else (), d.actor_codes, notes)
    return replace(d, recipient=got, notes=(*d.notes, *notes)) if got else None


def home_ground(d: Draft) -> Draft | None:
    """ミャンマー軍が…村を空爆 / RSFがシンジャの軍基地を攻撃: an attack on a place in the
    actor's own country with no other party named is a civil war's: the recipient is that
    country's other side (an army's target is its civilians or insurgents, rebels' the state)."""
    if d.recipient or d.symmetric or d.event != "ASSAULT" or len(d.actor) != 1:
        return None
    if d.frame.trigger.entry.pattern in word_set("defensive"):
        return None  # 撃墜 / 迎撃 at home answers another side's attack (ja.discourse counterpart)
    me = d.actor[0]
    if not me.code or not any(p.country == me.code for p in d.places):
        return None
    if any(p.country and p.country != me.code for p in d.places):
        return None
    sector = "GOV" if me.sector == "REB" else "CVL"
    got = (Entity(text=me.text, name=me.name, code=me.code, sector=sector),)
    return d.note(f"recipient: {me.code} ({sector}), an attack at home with no other party named",
                  recipient=got)


def answered_party(d: Draft) -> Draft | None:
    if d.recipient or d.symmetric or d.frame.scope.report is None or d.event not in ("COERCE", "ASSAULT"):
        return None
    notes: list[str] = []
    got = named_before(d.an, d.frame.scope.lo, d.frame.trigger.i, d.actor_codes, notes,
                       "named before it in the claim")
    return replace(d, recipient=got, notes=(*d.notes, *notes)) if got else None


def domestic(d: Draft) -> Draft | None:
    arrest = d.event == "COERCE" and "arrest" in d.frame.trigger.entry.mode
    if d.recipient or not (d.event == "PROTEST" or arrest):
        return None
    got = tuple(Entity(text=e.text, name=e.name, code=e.code, sector="GOV")
                for e in d.actor[:1] if e.code and len(e.code) == 3)
    if not got:
        return None
    return d.note(f"recipient: {d.actor[0].text}'s own side (a domestic arrest or protest)", recipient=got)


# (rule, stage): "parties" runs before factuality, "places" after the places are found.
RECIPIENT_RULES: tuple[tuple[Rule, str], ...] = (
    (Rule("ja.said-about", "a statement act's recipient is the party named in what was said",
          said_about_rule), "parties"),
    (Rule("ja.threat-condition", "a threat's recipient is the party whose act is the condition",
          threat_condition), "parties"),
    (Rule("ja.around-party", "posture around a party (台湾周辺で演習) is towards it",
          around_party), "parties"),
    (Rule("ja.place-country", "a material act's recipient is its place's country, or the claimant",
          place_country), "places"),
    (Rule("ja.home-ground", "an attack at home with no other party: the country's other side",
          home_ground), "places"),
    (Rule("ja.answered-party", "a claimed strike's recipient is the party whose act it answers",
          answered_party), "places"),
    (Rule("ja.domestic", "an arrest or protest with no other party happens at home", domestic), "places"),
)


def find_recipient(d: Draft, stage: str) -> Draft:
    for rule, at in RECIPIENT_RULES:
        if at != stage or d.recipient:
            continue
        got = rule.fn(d)
        if got is not None:
            return got.note(f"rule: {rule.name}") if got.recipient else got
    return d


def arrest_place(d: Draft) -> Draft | None:
    """日本人が北京で拘束された: an arrest with no one named doing it is the act of the state
    where it happened (a foreign state's arrest of the recipient's nationals)."""
    if d.actor or d.event != "COERCE" or "arrest" not in d.frame.trigger.entry.mode:
        return None
    theirs = {e.code for e in d.recipient}
    for p in d.places:
        if p.country and p.country not in theirs:
            state = Entity(text=p.text, name=country_name(p.country), code=p.country, sector="GOV")
            return d.note(f"actor: the state of {p.text} ({p.country}), where the arrest happened",
                          actor=(state,), rule="ja.arrest-place")
    return None


PLACE_ACTOR_RULES: tuple[Rule, ...] = (
    Rule("ja.arrest-place", "an arrest with no one named doing it is the state where it happened",
         arrest_place),
)


def untargeted(d: Draft) -> Draft | None:
    other = d.frame.trigger.entry.untargeted
    if d.recipient or d.symmetric or not other or other == d.event:
        return None
    return d.note(f"event: {d.event} at no one named -> {other}", event=other)


EVENT_RULES: tuple[Rule, ...] = (
    Rule("ja.untargeted", "a row's untargeted event when no recipient is found", untargeted),
)


def apply_rules(d: Draft, rules: tuple[Rule, ...]) -> Draft:
    """The first rule of ``rules`` that applies, noted by name."""
    for rule in rules:
        got = rule.fn(d)
        if got is not None:
            return got.note(f"rule: {rule.name}")
    return d


def rule_table() -> list[tuple[str, str]]:
    """Every named party rule with what it does, in the order they run."""
    return ([(r.name, r.what) for r in ACTOR_RULES]
            + [("ja.not-self", "outside a civil war the actor's own side is not its recipient")]
            + [(r.name, r.what) for r, _ in RECIPIENT_RULES]
            + [(r.name, r.what) for r in (*PLACE_ACTOR_RULES, *EVENT_RULES)])


def _verbal(an: Analysis, end: int) -> bool:
    """撃墜した / 派遣する: the event word is used as a verb (not 〇〇攻撃に使用された)."""
    toks = an.sentence.tokens
    last = toks[end - 1]
    if end < len(toks) and toks[end].text in "「『":  # 演習「〇〇」を開始: the operation's name
        close = next((k for k in range(end, len(toks)) if toks[k].text in "」』"), None)
        if close is not None:
            end = close + 1
    w = words()
    dictionary_form = last.text == last.lemma and last.lemma[-1:] in w.verb_endings and len(last.lemma) > 1
    light = (end + 1 < len(toks) and toks[end].text == "を"
             and toks[end + 1].lemma in w.light_verbs)  # 演習を開始した: the light verb is the predicate
    return end < len(toks) and (toks[end].lemma in ("する", "させる") or dictionary_form or light
                                or (last.pos == "VERB" and toks[end].pos == "AUX"))


def spoken_of(an: Analysis, end: int) -> bool:
    """兵力集中を警告 / 攻撃を非難: the event word is what a warning or a reproach is about,
    so the speaker is not its doer."""
    toks = an.sentence.tokens
    return (end + 1 < len(toks) and toks[end].text == "を"
            and words().speech.get(toks[end + 1].lemma) in ("warn", "accuse", "deny"))


def _past_unhedged(an: Analysis, end: int, sc: Scope, lex: EventLexicon) -> bool:
    """「…を破壊した」と主張: a finished act with no hedge, told by its own doer."""
    toks = an.sentence.tokens
    tail = [t.lemma for t in toks[end:min(end + PAST_REACH, sc.hi)]]
    return "た" in tail and hedge(an.span_text(end, sc.hi), lex.cues) is None


def _first_person(an: Analysis, report: Report, i: int) -> bool:
    """我々は即座に反撃する: the speaker is the subject of its own quoted act."""
    first = word_set("first_person")
    return any(t.text in first for t in an.sentence.tokens[report.start:i])
