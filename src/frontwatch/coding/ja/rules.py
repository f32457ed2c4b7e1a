"""The named rules that settle a Japanese frame's parties, numbered in the order they run.

Every rule is a row of a table below: a name (``ja.<what>``), one line saying what it
does, and a small function over a ``Draft`` (the frame as resolution has it so far). A rule
returns a new draft when it applies and ``None`` when it does not; the rule that applied
is written into the record's explanation (``frontwatch explain``), so each decision can be
traced to one row. The recipient, place-actor and event rules are in ``ja.recipients``;
``ja.recipients.rule_table()`` lists them all.

ACTOR_RULES (tried in order until one gives an actor; the first two reinterpret the frame):
  1 ja.evaluation-accuse   「Xの攻撃は民間人を標的にしている」と訴えた: the speaker accuses X
  2 ja.by-speaker          a row marked by_speaker (偽旗, 違反): the words are the speaker's act
                          (outside every report, no one's: the frame is dropped)
  3 ja.speaker-statement   a statement act (非難, 要求 …) with no actor: the speaker
  4 ja.speaker-self        Xは…を撃墜したと明らかにした: the speaker's own unhedged act; but
                           Xは「Yが支援した部隊が攻撃した」と: Y, tied to the subject (ja.subject-owner)
  5 ja.subject-owner       Xが発射したミサイルが…を直撃: the party tied to the subject thing
  6 ja.speakers-agree      AとBは…で合意したと発表: the sides that speak together agree
  7 ja.first-person        我々 inside what the speaker said
  8 ja.speaker-future      「…反撃する」と: an act not yet done, no subject in the quote
  9 ja.warned-party        a warned act with no subject: the party the warning is about

RECIPIENT_RULES (after the actor's own side is removed, ``ja.not-self``; tried in order
until one gives a recipient; each names the stage it runs at):
  1 ja.threat-condition    a threat: the party whose act is the condition (Xが…すれば, Xが…場合)
  2 ja.said-about          a statement act: the party named in what was said
  3 ja.around-party        posture around a party (台湾周辺で演習): that party
  4 ja.place-country       a material act: the country of its place, or the claimant
  5 ja.home-ground         an attack in the actor's own country, no other party: that country
                           (a civil war: the army on a village, rebels on an army base)
  6 ja.answered-party      a claimed strike, or a shoot-down (撃墜, 迎撃): the party whose act it answers
  7 ja.domestic            an arrest or a protest with no other party: at home

PLACE_ACTOR_RULES (after places, for a frame still without an actor):
  1 ja.arrest-place        日本人が北京で拘束された: the state where the arrest happened
  2 ja.crowd-place         イエメンでは反米英デモが行われた: the people of the place's country
  3 ja.group-place         武装勢力が…を襲撃 / 自爆テロが発生: an insurgent of the place's country

EVENT_RULES (after all parties):
  1 ja.untargeted          a row's ``untargeted`` event when no recipient was found, or when
                           the launch goes into the sea (ja.sea-launch: 日本海に向けて発射)
                           (弾道ミサイルを発射: a launch at no one is MOBILIZE, issue 12 kind 2)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from frontwatch.coding.ja.parties import (
    names_a_thing,
    warned_party,
)
from frontwatch.coding.ja.roles import coordinated, passive_word
from frontwatch.coding.ja.scope import Scope, is_evaluation
from frontwatch.coding.ja.syntax import Analysis, Report, RoleMention, subordinate_end
from frontwatch.coding.ja.words import word_set, words
from frontwatch.coding.lexicon import EventLexicon
from frontwatch.coding.stages import Frame
from frontwatch.records import Entity, Place, Token
from frontwatch.resolve.factuality import hedge

# What a speaker does by speaking: with no actor inside the quote, the speaker is the actor.
SPEAKER_ACTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST"})
MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"})
RECIPIENT_FROM_CLAIMANT = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
RECIPIENT_FROM_PLACE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
# 無人航空機(ドローン)300機が, 空母「遼寧」から: a gloss or a name inside the subject's noun phrase
BRACKETS = frozenset("()（）「」『』")
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
    if not d.frame.trigger.entry.by_speaker:
        return None
    if sp is None or rep is None:  # Xは停戦合意に違反した, told by the writer: no one accuses
        if d.actor and d.event in MATERIAL:  # Xは…を「ペルソナ・ノン・グラータ」に指定した: X's own act
            return d.note("actor: the subject names the words and does the act itself", rule="ja.by-speaker")
        return replace(d, dropped="ja.by-speaker: a speaker's word with no one saying it")
    said = [m.mention.entity for m in d.an.mentions if rep.start <= m.ti < rep.end
            and m.mention.entity.code != sp.mention.entity.code]
    # Xは、Yの外交官を「ペルソナ・ノン・グラータ」と宣言: the party the words are said of
    said += [m.mention.entity for m in reversed(d.an.mentions) if sp.tj <= m.ti and m.tj <= rep.start
             and m.mention.entity.code != sp.mention.entity.code]
    # 国連安保理決議の違反: the genitive names the resolution violated, not the party that broke it
    things = {m.mention.entity for m in d.an.mentions
              if rep.start <= m.ti < rep.end and names_a_thing(d.an, m)}
    said = [e for e in said if e not in things]
    kept = d.recipient if not set(d.recipient) <= things else ()
    return d.note(f"actor: the speaker {sp.mention.text}, whose words these are", actor=(sp.mention.entity,),
                  rule="ja.speaker-statement", recipient=kept or tuple(said[:1]))


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
    done_to = {e.code for e in d.recipient if not (d.event == "MOBILIZE" and e.sector == "MIL")}
    if sp.mention.entity.code in done_to:  # (自衛隊の戦闘機を緊急発進: its own forces, sent out)
        return None  # 防衛省は…日本の領空を侵犯したと発表: the speaker is the one it was done to
    lo = sc.report.start if sc.report else sc.lo
    owner = (None if passive_word(d.an, trig.end)  # Xの基地が攻撃された: X's is the target
             else subject_owner(d.an, lo, trig.i, sp.mention.entity.code))
    if owner is not None:  # 防衛省は…ロシア国籍と推定される航空機が領空を侵犯したと発表
        return d.note(f"actor: {owner.mention.text}, whose doer the reported clause's subject is",
                      actor=(owner.mention.entity,), rule="ja.subject-owner")
    rep = sc.report
    if _own_subject(d.an, lo, trig.i):
        return None  # Xは、無人機は…飛行してきたと指摘: the reported clause has a subject of its own
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


def subject_owner_rule(d: Draft) -> Draft | None:
    """Xが発射したミサイルが…船を直撃: the event word's subject is a thing no dictionary names,
    made or sent by a party named in the clause that modifies it: that party did it."""
    trig, sc = d.frame.trigger, d.frame.scope
    if d.actor or trig.entry.symmetric or d.event in SPEAKER_ACTS or passive_word(d.an, trig.end):
        return None
    sp = sc.speaker
    owner = subject_owner(d.an, sc.report.start if sc.report else sc.lo, trig.i,
                          sp.mention.entity.code if sp is not None else None)
    if owner is None:
        return None
    return d.note(f"actor: {owner.mention.text}, whose doer the clause's subject is",
                  actor=(owner.mention.entity,), rule="ja.subject-owner")


ACTOR_RULES: tuple[Rule, ...] = (
    Rule("ja.evaluation-accuse", "an act the speaker evaluates is the speaker's accusation",
         evaluation_accuse),
    Rule("ja.by-speaker", "a by_speaker row: the speaker's words are its act", by_speaker),
    Rule("ja.speaker-statement", "a statement act with no actor is the speaker's", speaker_statement),
    Rule("ja.speaker-self", "a reported unhedged act with no subject is the speaker's own", speaker_self),
    Rule("ja.subject-owner", "a subject thing tied to a party (Xが発射したミサイルが) is that party's act",
         subject_owner_rule),
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
    if end < len(toks) and toks[end].text in w.act_heads:  # 制裁措置を科す: the act's generic head
        end += 1
    light = (end + 1 < len(toks) and toks[end].text == "を"
             and toks[end + 1].lemma in w.light_verbs)  # 演習を開始した: the light verb is the predicate
    return end < len(toks) and (toks[end].lemma in ("する", "させる") or dictionary_form or light
                                or (last.pos == "VERB" and toks[end].pos == "AUX"))


def subject_owner(an: Analysis, lo: int, i: int, speaker: str | None) -> RoleMention | None:
    """Xの航空機が / X国籍と推定される航空機が / Xが支援した部隊が <event word>: the clause's
    subject is a thing or a unit no dictionary names, tied to a party other than the speaker
    written before it: that party is the doer (the speaker only tells of it)."""
    toks = an.sentence.tokens
    named_at = {m.tj for m in an.mentions}
    k = next((k for k in range(i - 1, lo, -1) if toks[k].text == "が" and toks[k].pos == "ADP"
              and toks[k - 1].pos in ("NOUN", "PROPN") and k not in named_at
              and an.report_of(k) == an.report_of(i)), None)  # not inside a quote the word is outside
    if k is None or _subordinate_between(toks, k + 1, i):
        return None  # Xの無人機が領空に入ったため対抗措置を取った: the subject of the reason
    tied = [m for m in an.mentions if lo <= m.ti and m.tj < k and m.mention.entity.code not in (speaker, None)
            and not any(t.text in ("を", "は") or (t.pos in ("PUNCT", "SYM") and t.text not in BRACKETS)
                        for t in toks[m.tj:k])]
    return tied[-1] if tied else None


def _own_subject(an: Analysis, lo: int, i: int) -> bool:
    """A noun marked by は in tokens [lo, i) at the depth of token i: the reported clause sets a
    topic of its own (無人機は…飛行してきたと). A が-subject may be the speaker's own unit
    (戦闘機が…空爆したと発表) and does not count."""
    from frontwatch.coding.ja.topic import topic_between  # the topic module reads these rules

    return topic_between(an, lo, i)


def _subordinate_between(toks: tuple[Token, ...], lo: int, hi: int) -> bool:
    return subordinate_end(toks, lo, hi) or any(
        t.text in words().reason_markers and k > lo and toks[k - 1].pos in ("VERB", "AUX")
        for k, t in enumerate(toks[lo:hi], lo))


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
