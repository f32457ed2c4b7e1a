"""The Japanese stages over the shared core (``coding.stages``).

1. ``segment``: triggers (``ja.triggers``), then ``ja.syntax.analyse`` (quotes, reports
   with their speakers, actor mentions with their particles) -> ``Segment[Analysis]``.
2. ``frames``: per trigger its scope (the report it sits in) and roles (``ja.roles``):
   actor by による, genitive の, or the nearest が/は/も subject in the same quote;
   recipient by に対して/への/を/に or a compound (ウクライナ侵攻); two-sided fighting
   takes every coordinated side as actor. A relative clause about an actor inside a
   report (「前進を試みる部隊」) makes the described actor the doer. In a transcript, a
   statement word with no actor takes the turn's speaker (【岸田外務大臣】, ``ja.speaker-label``).
3. ``constraints`` (named, in order): ``ja.inside-name`` (ロシア占領当局), ``ja.suppressed``
   (the content of another event: …するよう要求, …ことで合意), ``ja.generic-any`` (いかなる攻撃),
   ``ja.background-description``
   (奪還したアゼルバイジャン told by the writer), ``ja.means-to-next`` (部隊を派遣して…占領),
   ``ja.speakers-next`` (首相は…と指摘し、…攻撃しようとして…との見方), ``ja.as-next`` (掃討作戦として砲撃),
   ``ja.light-verb`` (戦闘を積極的に展開: 展開 carries 戦闘), ``ja.tally`` (…と発表するのは13回目),
   ``ja.told-before`` (この空爆で…死亡: an act already told), ``ja.standing-stance`` (…が激しく
   反発していて: a side's standing stance, no statement made), ``ja.cause-reference`` (Xによる
   爆撃を受け、…: the act the sentence's own act answers).
4. ``resolve`` (``ja.resolution``): actor rules when the syntax gave none, factuality,
   places, date, casualties, weapons.
5. ``choose``: a statement verb (「…」と警告) makes a record only when nothing it
   reports did, it names its speaker, and it does not forecast.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from frontwatch.coding.context import CodingContext
from frontwatch.coding.ja.doer import StoryDoers
from frontwatch.coding.ja.resolution import STATEMENTS as STATEMENT_EVENTS
from frontwatch.coding.ja.resolution import resolve_frame
from frontwatch.coding.ja.roles import Roles, find_roles, locative
from frontwatch.coding.ja.scope import Scope, is_suppressed, relative_clause, scope_of
from frontwatch.coding.ja.syntax import Analysis, analyse, progressive_after
from frontwatch.coding.ja.topic import Topic, next_topic, usable, with_carried_speaker
from frontwatch.coding.ja.triggers import find_triggers
from frontwatch.coding.ja.words import words
from frontwatch.coding.lexicon import EventLexicon
from frontwatch.coding.stages import (
    Attribution,
    Constraint,
    Frame,
    Refused,
    Resolved,
    Segment,
    Span,
    Verdict,
)
from frontwatch.records import Sentence
from frontwatch.resolve.actors import ActorMention
from frontwatch.resolve.factuality import hedge

ANAPHORA_MEMORY = 12  # mentions of earlier sentences that 同国/同省 may point back to
LIGHT_REACH = 3  # tokens from を to a light verb: 戦闘を積極的に展開 (only adverbs between)
MEANS_REACH = 3  # tokens after a te-form event word where its て/で is looked for: 派遣して / 派遣し、て
# Characters after an event word where its perfect-continuous ending is looked for: 攻撃してきた is 0
# away, を次々に行ってきた 7, などを繰り返してきた 7; a clause goes on no further before a comma.
COURSE_REACH = 10

JaSegment = Segment[Analysis]
JaFrame = Frame[Scope]


@dataclass
class JapaneseStages:
    """The stages for one document: ``seen`` keeps earlier mentions for 同国 / 同省."""

    ctx: CodingContext
    lex: EventLexicon
    year: int | None
    carried: tuple[str, str] | None = None  # the last day the narration stated
    seen: list[ActorMention] = field(default_factory=list)
    subjects: list[ActorMention] = field(default_factory=list)  # subjects and topics outside quotes
    label: ActorMention | None = None  # the speaker of a transcript's turn (【岸田外務大臣】)
    topic: Topic | None = None  # the last topic set (ja.topic)
    topic_here: ActorMention | None = None  # the topic carried into the current sentence
    at: int = 0  # sentences segmented so far
    doers: StoryDoers = field(default_factory=StoryDoers)  # claimants and the last attacker (ja.doer)
    language: str = "ja"

    def segment(self, sentence: Sentence) -> JaSegment:
        trigs = find_triggers(sentence, self.lex)
        an = analyse(sentence, self.ctx.actors, frozenset(t.i for t in trigs), self.year,
                     self.seen[-ANAPHORA_MEMORY:], self.subjects[-1:])
        self.label = _speaker_label(an, self.label)
        self.topic_here = usable(self.topic, an, self.at)
        self.topic = next_topic(an, self.topic, self.at)
        an = with_carried_speaker(an, self.topic_here)
        self.at += 1
        self.seen.extend(m.mention for m in an.mentions if not locative(an, m))  # 同国: a party, not a place
        self.subjects.extend(m.mention for m in an.mentions
                             if m.particle in words().subject and m.depth == 0 and m.mention.kind != "person")
        atts = tuple(Attribution(Span(r.start, r.end), r.verb, r.kind,
                                 r.speaker.mention.entity if r.speaker else None, r.quoted)
                     for r in an.reports)
        quotes = tuple(Span(r.start, r.end) for r in an.reports if r.quoted)
        clauses = tuple(dict.fromkeys(Span(sc.lo, sc.hi) for sc in (scope_of(an, t.i) for t in trigs)))
        return Segment(sentence, quotes, atts, clauses, tuple(trigs), an)

    def frames(self, seg: JaSegment) -> list[JaFrame]:
        an = seg.detail
        out = []
        for trig in seg.triggers:
            sc = scope_of(an, trig.i)
            roles = find_roles(an, trig.i, trig.end, trig.entry, sc)
            kind, described = relative_clause(an, trig.i)
            by_described = kind == "actor" and sc.report is not None and described is not None
            if by_described and described is not None and not trig.entry.symmetric:
                others = tuple(r for r in roles.recipient if r.code != described.mention.entity.code)
                roles = Roles((described.mention.entity,), others, False, "relative",
                              (*roles.notes, f"actor: {described.mention.text}, described by the clause"),
                              (*roles.refs, *described.mention.refs))
            if not roles.actor and self.label is not None and trig.entry.event in STATEMENT_EVENTS \
                    and an.depth[trig.i] == 0:  # 【外務大臣】…北朝鮮に対して抗議をし: the turn's speaker
                lab = self.label
                roles = Roles((lab.entity,), roles.recipient, False, "ja.speaker-label",
                              (*roles.notes, f"actor: {lab.text}, the speaker of this turn"),
                              (*roles.refs, *lab.refs))
            out.append(Frame(trig, trig.entry.event, roles.actor, roles.recipient, roles.symmetric,
                             roles.rule, sc, roles.notes, roles.refs))
        return out

    def constraints(self) -> Sequence[Constraint[Analysis, Scope]]:
        return CONSTRAINTS

    def resolve(self, seg: JaSegment, frame: JaFrame) -> Resolved[Scope] | Refused:
        return resolve_frame(seg.detail, frame, self.ctx, self.lex, self.carried, self.topic_here,
                             (self.doers, self.at - 1))

    def choose(self, seg: JaSegment, resolved: list[Resolved[Scope]]) -> list[Resolved[Scope]]:
        an = seg.detail
        acts = [r for r in resolved if not r.frame.trigger.entry.speech]
        out = list(acts)
        for r in resolved:
            if r.frame.trigger.entry.speech and _speech_stands(an, r.frame, acts, self.lex):
                out.append(r)
        return out


def _speaker_label(an: Analysis, label: ActorMention | None) -> ActorMention | None:
    """【岸田外務大臣】 opening a sentence starts a speaker's turn in a transcript (a label that
    ends with a title: 【ワシントン共同】 is a dateline); another 【…】 (【記者】) ends it."""
    text = an.sentence.text
    if not text.startswith("【") or "】" not in text:
        return label
    close = text.index("】")
    inside = text[1:close]
    if not any(inside.endswith(t) for t in words().titles):
        return None
    return next((m.mention for m in an.mentions if m.mention.end <= close), None)


def _speech_stands(an: Analysis, frame: JaFrame, acts: list[Resolved[Scope]], lex: EventLexicon) -> bool:
    """「…」と警告: the statement itself is the record only when nothing it reports was coded,
    what it says is no forecast, and its speaker is named."""
    trig = frame.trigger
    rep = next((r for r in an.reports if r.verb == trig.i), None)
    if rep is None:
        return not acts  # a statement word outside a report stands when nothing else was coded
    said = an.span_text(rep.start, rep.end)
    warned = getattr(hedge(said, lex.cues), "factuality", None) == "possible"
    said_coded = any(rep.start <= r.frame.trigger.i < rep.end for r in acts)
    return not warned and not said_coded and rep.speaker is not None


def inside_name(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    t = frame.trigger
    inside = any(m.ti <= t.i and t.end <= m.tj for m in seg.detail.mentions)
    return Verdict("ja.inside-name", not inside, "part of an actor's name (ロシア占領当局)" if inside else "")


def not_suppressed(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    t = frame.trigger
    sup = is_suppressed(seg.detail, t.i, t.end, t.entry)
    return Verdict("ja.suppressed", not sup, "the content of another event or a reference" if sup else "")


def not_any(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """いかなる攻撃にも反撃する: the event word names any such act, not one that happened."""
    i = frame.trigger.i
    toks = seg.sentence.tokens
    generic = any(t.lemma in words().any_words or t.text in words().any_words for t in toks[max(0, i - 2):i])
    return Verdict("ja.generic-any", not generic, "any such act, not one that happened" if generic else "")


def not_background(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    kind, _ = relative_clause(seg.detail, frame.trigger.i)
    bg = kind == "actor" and frame.scope.report is None
    return Verdict("ja.background-description", not bg,
                   "the writer's description of an actor (奪還したアゼルバイジャン)" if bg else "")


def not_tally(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """…が飛行したと防衛省が発表するのは13回目となる: an act inside the subject of …のは that the
    sentence counts (``tally_words``) is a tally of earlier acts, not a new record."""
    text, at = seg.sentence.text, seg.detail.rel(frame.trigger.end)
    cut = text.find("のは", at)
    tally = cut >= 0 and seg.detail.depth[frame.trigger.i] == 0 and any(
        w in text[cut:] for w in words().tally_words)
    return Verdict("ja.tally", not tally, "a count of earlier acts (…のは13回目)" if tally else "")


def not_open_question(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """どちらが先に攻撃を仕掛けたかは不明 / 被害が出たかどうかは明らかになっていない: an event word
    inside an embedded question the sentence leaves open is no act told (4 uses in 4 of the
    jacorpus, ja dev and realworld ja docs; the gold codes none as required)."""
    an = seg.detail
    rest = an.sentence.text[an.rel(frame.trigger.end):]
    m = re.search(r"か(?:どうか)?[はがも]?(" + "|".join(map(re.escape, words().open_questions)) + ")", rest)
    open_q = m is not None and "、" not in rest[:m.start()] and not frame.trigger.entry.speech
    return Verdict("ja.open-question", not open_q, "asked, not told (…かは不明)" if open_q else "")


def not_told_before(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """この空爆で5人が死亡 / 今回の攻撃は…への報復だ: an event word after a determiner pointing
    back (``back_determiners``) names an act already told; its own sentence made the record."""
    an, i = seg.detail, frame.trigger.i
    before = an.sentence.text[:an.rel(i)]
    starts = {an.rel(k) for k in range(i)}
    # 同空爆 (同 a word of its own), not 合同演習 / 共同訓練 (同 the end of a longer word)
    told = seg.sentence.section != "title" and any(
        before.endswith(d) and len(before) - len(d) in starts for d in words().back_determiners)
    return Verdict("ja.told-before", not told, "an act already told (この空爆, 今回の攻撃)" if told else "")


def not_means(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """部隊を派遣して占領: the te-form action is the means of the next one by the same actor."""
    means = not frame.trigger.entry.speech and _means_to_next(seg, frame, frames)
    return Verdict("ja.means-to-next", not means,
                   "the means of the next act of the same actor" if means else "")


def _means_to_next(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> bool:
    if not frame.actor:
        return False
    toks = seg.detail.sentence.tokens
    end = frame.trigger.end
    window = toks[end:min(end + 4, len(toks))]
    te = any(t.text in ("て", "で") and not progressive_after(window, k)
             for k, t in enumerate(window[:MEANS_REACH]))  # 提示しており: a state, not a means
    launch = bool(frame.trigger.entry.untargeted)  # ミサイルを発射し、…への攻撃を実施: the attack's means
    te = te or (launch and len(window) > 1 and window[0].lemma == "する" and window[1].text == "、")
    if not te:
        return False  # tested before the next frame is looked for: most event words end no te-form
    n = next(k for k, f in enumerate(frames) if f is frame)
    nxt = next((f for f in frames[n + 1:] if all(c(seg, f, frames).passed for c in ABOUT_THE_WORD)), None)
    if nxt is None:
        return False
    same = {e.code for e in frame.actor} == {e.code for e in nxt.actor}
    return same and frame.scope.report == nxt.scope.report and (frame.event != nxt.event or launch)


def not_speakers_next(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """首相は、…と指摘し、ウクライナを攻撃しようとして…との見方を示した: after a speaker's first
    statement, a material act the subject rule gives to that speaker is more of what it says."""
    t = frame.trigger
    if t.entry.speech or frame.rule not in ("subject", "topic") or frame.event in STATEMENT_EVENTS:
        return Verdict("ja.speakers-next", True)
    mine = {e.code for e in frame.actor}
    said = any(r.speaker is not None and r.speaker.mention.entity.code in mine and r.speaker.ti < r.verb < t.i
               and r.speaker.mention.kind == "person" for r in seg.detail.reports)
    why = "what the speaker goes on to say, not its act" if said else ""
    return Verdict("ja.speakers-next", not said, why)


def not_as_next(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """掃討作戦としてパキスタン側に砲撃を加え / 報復として攻撃を行った: an event word followed by
    として says what the next act of its clause is; that act is the record."""
    t = frame.trigger
    toks = seg.sentence.tokens
    tail = "".join(x.text for x in toks[t.end:t.end + 3])
    later = [f for f in frames if f.trigger.i >= t.end and not f.trigger.entry.speech
             and f.scope.report == frame.scope.report]
    as_next = tail.startswith("として") and bool(later) and not t.entry.speech
    return Verdict("ja.as-next", not as_next, "what the next act is, named as such" if as_next else "")


def not_light_verb(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """激しい戦闘を積極的に展開: a light verb (``light_verbs``) whose object is another event word
    carries that event; the object's frame is the record."""
    t = frame.trigger
    toks = seg.sentence.tokens
    light = t.end - t.i == 1 and toks[t.i].lemma in words().light_verbs and not t.entry.speech
    lo = next((k for k in range(t.i - 1, max(-1, t.i - LIGHT_REACH - 1), -1) if toks[k].text == "を"),
              None)
    # only adverbs between を and the verb: 積極的に / 大規模に / 再び
    adverbial = lo is not None and all(
        toks[k].pos == "ADV" or toks[k].lemma == "だ" or "形状詞" in toks[k].tag for k in range(lo + 1, t.i))
    carried = light and adverbial and any(f.trigger.end == lo and f is not frame for f in frames)
    why = "the light verb of the event word before it" if carried else ""
    return Verdict("ja.light-verb", not carried, why)


def not_standing(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """パキスタンが激しく反発していて / …として互いを非難してきた: a reaction word (``standing_reactions``)
    in the ongoing or perfect aspect (…している, …しており, …してきた) with nothing said as its
    content (no 「…」と, no …と before it) is a side's standing stance, told as background."""
    an, t = seg.detail, frame.trigger
    toks = an.sentence.tokens
    if t.text not in words().standing_reactions or any(r.verb == t.i for r in an.reports):
        return Verdict("ja.standing-stance", True)
    tail = [x.lemma for x in toks[t.end:t.end + 3]]
    standing = tail[:1] == ["する"] and tail[1:2] == ["て"] and tail[2:3] in (["いる"], ["おる"], ["くる"])
    why = "a standing stance told as background, no statement made" if standing else ""
    return Verdict("ja.standing-stance", not standing, why)


def not_cause(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """国際社会は、イスラエルによるシリア首都への爆撃を受け、…懸念している: an act named with its doer
    (Xによる) as the object of a cause verb in its continuative form (``cause_verbs``: …を受け、) is
    what the sentence's own act answers, an act told elsewhere; with a subject in its clause
    (集合住宅が…による攻撃を受け) it is the subject's own ordeal and stays."""
    an, t = seg.detail, frame.trigger
    toks = an.sentence.tokens
    w = words()
    if t.end + 2 >= len(toks) or toks[t.end].text != "を" or toks[t.end + 1].lemma not in w.cause_verbs:
        return Verdict("ja.cause-reference", True)
    verb = toks[t.end + 1]
    continuative = verb.text != verb.lemma and toks[t.end + 2].text not in ("た", "る")
    lo = max((k + 1 for k in range(frame.scope.lo, t.i) if toks[k].text in "、「"), default=frame.scope.lo)
    clause = toks[lo:t.i]
    agent = any(an.span_text(k, t.i).startswith(w.agent) for k in range(lo, t.i))
    subject = any(x.text in w.subject and x.pos == "ADP" for x in clause)
    cause = continuative and agent and not subject
    why = "an act named as the cause of what follows" if cause else ""
    return Verdict("ja.cause-reference", not cause, why)


def not_course(seg: JaSegment, frame: JaFrame, frames: Sequence[JaFrame]) -> Verdict:
    """イスラエルは…以降、空爆を次々に行ってきた。 / …攻撃などを繰り返してきたが、: an event word whose
    clause ends in the perfect-continuous aspect (``course_endings``) at the end of the sentence or
    of a が-clause is the writer's account of a course of acts (issue 12 kind 5), not one act."""
    an = seg.detail
    tail = an.sentence.text[an.rel(frame.trigger.end):][:COURSE_REACH + 6]
    course = False
    for ending in words().course_endings:
        at = tail.find(ending)
        if 0 <= at <= COURSE_REACH and not any(c in tail[:at] for c in "、。「」"):
            course = course or tail[at + len(ending):].startswith(("。", "が、"))
    why = "a course of acts told in the perfect (…してきた。)" if course else ""
    return Verdict("ja.course", not course, why)


# The constraints on the word itself; the means test compares a frame with the next one that passes them.
ABOUT_THE_WORD: tuple[Constraint[Analysis, Scope], ...] = (
    inside_name, not_suppressed, not_any, not_background, not_tally, not_told_before, not_open_question,
    not_standing, not_cause)
CONSTRAINTS: tuple[Constraint[Analysis, Scope], ...] = (*ABOUT_THE_WORD, not_means, not_speakers_next,
                                                       not_as_next, not_light_verb, not_course)
