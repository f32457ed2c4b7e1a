"""The English stages over the shared core (``coding.stages``).

1. ``segment``: actor mentions (``en.mentions.find_mentions``), lexicon triggers (never inside a
   name), factuality cues, and the attribution (who says which words) -> ``Segment[EnAnalysis]``.
2. ``frames``: one candidate frame per trigger, in reading order (complements last). A
   trigger's reading (``en.choice.read_trigger``): a light verb gives way to the noun after
   it, a warning verb to the hedged act it warns of, negated cooperation is REJECT, a hedge
   makes it possible, an intent cue a promise (AGREE) or a threat (THREATEN). "X said Y
   must ..." is one REQUEST frame from X to Y (``en:obligation``). The actor and recipient
   of the sentence's first readable frame come from ``en.roles.assign_roles``.
3. ``constraints`` (named, in order): the word rules of ``en.choice.WORD_RULES`` (part of a
   name, a proper name, a non-event phrase, a since-clause, a capacity, an adjectival
   participle, a compound, a possessor), ``en:attribution-words`` (the reporting words
   themselves), the readings that drop a trigger (``en:forecast-warning``,
   ``en:negated-hostile``), and ``en:one-action``: a sentence reports one action, named by
   its first readable trigger (a second predicate is coded by ``en.coder`` on its own clause).
   In a reported sentence a verdict of the speaker's (a ``by_speaker`` row: "are in blatant
   violation of UN resolutions, X said") is read first (``en:speaker-verdict``): the
   statement is the news, not the act it judges.
4. ``resolve`` (``en.resolution``): the parties the syntax left open, factuality, places,
   date, casualties, weapons.
5. ``choose``: every resolved frame makes its record (one per sentence already).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from frontwatch.coding import stages as core
from frontwatch.coding.context import CodingContext
from frontwatch.coding.en.attribution import Attribution, attribution, warning_attribution
from frontwatch.coding.en.choice import (
    DROPPED,
    WORD_RULES,
    Choice,
    comes_late,
    headline_case,
    obligation,
    pool,
    read_trigger,
    word_rule,
)
from frontwatch.coding.en.mentions import TokMention, entities, find_mentions
from frontwatch.coding.en.people import learn, recall
from frontwatch.coding.en.resolution import obligation_roles, resolve_frame
from frontwatch.coding.en.roles import Roles, assign_roles
from frontwatch.coding.en.rules import CueHit, EnglishRules, Trigger
from frontwatch.records import Entity, Sentence, Token


@dataclass(frozen=True)
class EnAnalysis:
    """What the English segment stage found in a sentence."""

    tokens: tuple[Token, ...]
    mentions: tuple[TokMention, ...]
    triggers: tuple[Trigger, ...]  # every lexicon trigger, in text order
    usable: tuple[Trigger, ...]  # those no word rule rejects, in reading order
    cues: tuple[CueHit, ...]
    attr: Attribution
    headline: bool
    rejected: dict[int, str]  # trigger start -> the word rule that rejects it


@dataclass(frozen=True)
class EnScope:
    """A trigger's place in the sentence and how it reads."""

    source: Trigger  # the lexicon trigger the frame started from
    word_rule: str | None  # the word rule that rejects it
    in_pool: bool  # it may name the event (not the words of an attribution)
    reading: Choice | None  # its reading, when read
    dropped: str | None  # the reading rule that drops it
    first: bool  # the sentence's first readable trigger
    passed: bool  # read over: an earlier reading of the sentence found no party for it (en:next-action)
    roles: Roles | None
    attr: Attribution


EnSegment = core.Segment[EnAnalysis]
EnFrame = core.Frame[EnScope]


@dataclass
class EnglishStages:
    """The stages for one document; ``antecedent`` is the actor "it" / "the ministry" points to."""

    ctx: CodingContext
    rules: EnglishRules
    year: int | None
    antecedent: tuple[Entity, ...] = ()
    people: dict[str, Entity] = field(default_factory=dict)  # the story's people (en.people)
    language: str = "en"
    passed: frozenset[int] = frozenset()  # trigger starts read over (en:next-action)
    # the sentence's first readable trigger, by its start, and what resolution made of it
    first_outcome: tuple[int, core.Resolved[EnScope] | core.Refused] | None = field(default=None, init=False)

    def segment(self, sentence: Sentence) -> EnSegment:
        toks = sentence.tokens
        mentions = find_mentions(sentence.text, toks, sentence.start, self.ctx.actors, self.year,
                                 self.ctx.countries)
        learn(toks, mentions, self.people, self.rules)
        mentions = recall(sentence.text, toks, sentence.start, mentions, self.people)
        # a trigger never reaches into an actor's name ("Ukrainian drones struck": not "drone strike")
        named = {i for m in mentions for i in range(m.start, m.end)}
        masked = [replace(t, lemma="") if n in named else t for n, t in enumerate(toks)]
        found = self.rules.triggers(masked, parties=frozenset(named))
        headline = headline_case(toks)
        rejected = {t.start: rule for t in found
                    if (rule := word_rule(toks, t, mentions, self.rules, headline, self.year,
                                                self.ctx.published)) is not None}
        usable = [t for t in found if t.start not in rejected]
        late = [t for t in usable if comes_late(toks, t, found, self.rules)]
        ordered = [t for t in usable if t not in late] + late
        cues = self.rules.cue_hits(toks)
        attr = attribution(toks, cues, ordered, mentions, self.rules)
        if attr.cue is not None:  # en:speaker-verdict: what the speaker calls the act is the news
            ordered = sorted(ordered, key=lambda t: not t.entry.by_speaker)  # stable: else in order
        an = EnAnalysis(tuple(toks), tuple(mentions), tuple(found), tuple(ordered), tuple(cues), attr,
                        headline, rejected)
        spans = tuple(core.Span(a, b) for a, b in attr.spans)
        atts = tuple(core.Attribution(sp, sp.start, "claim", e, False)
                     for sp, e in zip(spans, _speakers(attr, len(spans)), strict=True))
        trigs = tuple(_core_trigger(t) for t in found)
        return core.Segment(sentence, (), atts, (core.Span(0, len(toks)),), trigs, an)

    def frames(self, seg: EnSegment) -> list[EnFrame]:
        an = seg.detail
        ob = obligation(list(an.tokens), an.attr, list(an.usable), self.rules)
        if ob is not None:
            asked = obligation_roles(an.attr, ob, an.mentions)
            scope = EnScope(ob.trigger, None, True, ob, None, True, False, asked, an.attr)
            return [self._frame(ob.trigger, ob, scope, asked)]
        candidates = pool(list(an.usable), list(an.cues), an.attr)
        by_position = sorted(candidates, key=lambda t: t.start)
        out: list[EnFrame] = []
        first_taken = False
        for t in [*an.usable, *[t for t in an.triggers if t not in an.usable]]:
            rule = an.rejected.get(t.start)
            reading: Choice | str | None = None
            if rule is None and t in candidates and not first_taken and t.start not in self.passed:
                reading = read_trigger(list(an.tokens), t, by_position, list(an.cues), self.rules)
            choice = reading if isinstance(reading, Choice) else None
            first = choice is not None and not first_taken
            first_taken = first_taken or first  # read up to the first that stands
            roles: Roles | None = None
            attr = an.attr
            if first and choice is not None:
                roles, attr = self._roles(an, choice)
            scope = EnScope(t, rule, t in candidates, choice, reading if isinstance(reading, str) else None,
                            first, t.start in self.passed, roles, attr)
            out.append(self._frame(choice.trigger if choice else t, choice, scope, roles))
        return out

    def _roles(self, an: EnAnalysis, choice: Choice) -> tuple[Roles, Attribution]:
        attr = an.attr
        if choice.speaker is not None:  # "X warned that Y could attack": X is the source
            attr = warning_attribution(list(an.tokens), choice.speaker, list(an.mentions), self.rules)
        roles = assign_roles(list(an.tokens), choice.trigger, list(an.mentions), attr, self.rules,
                             self.antecedent)
        return roles, attr

    @staticmethod
    def _frame(trig: Trigger, choice: Choice | None, scope: EnScope, roles: Roles | None) -> EnFrame:
        actor = entities(roles.actor) if roles else ()
        recipient = entities(roles.recipient) if roles else ()
        refs = tuple(c.cue.ref for c in choice.cues) if choice else ()
        return core.Frame(_core_trigger(trig), choice.event if choice else trig.entry.event, actor, recipient,
                          trig.entry.symmetric, choice.rule if choice else "", scope,
                          tuple(choice.notes) if choice else (), refs)

    def constraints(self) -> Sequence[core.Constraint[EnAnalysis, EnScope]]:
        return CONSTRAINTS

    def resolve(self, seg: EnSegment, frame: EnFrame) -> core.Resolved[EnScope] | core.Refused:
        got = resolve_frame(seg.sentence, seg.detail.mentions, frame, self.ctx, self.rules, self.antecedent)
        if frame.scope.first:
            self.first_outcome = (frame.scope.source.start, got)
        return got

    def choose(self, seg: EnSegment, resolved: list[core.Resolved[EnScope]]) -> list[core.Resolved[EnScope]]:
        return resolved


def _core_trigger(t: Trigger) -> core.Trigger:
    return core.Trigger(t.start, t.end, t.entry, t.text)


def _speakers(attr: Attribution, n: int) -> list[Entity | None]:
    named = entities(attr.claimants)
    return [named[k] if k < len(named) else None for k in range(n)]


def word(seg: EnSegment, frame: EnFrame, frames: Sequence[EnFrame]) -> core.Verdict:
    rule = frame.scope.word_rule
    return core.Verdict(rule or "en:word", rule is None, WORD_RULES.get(rule or "", ""))


def not_attribution(seg: EnSegment, frame: EnFrame, frames: Sequence[EnFrame]) -> core.Verdict:
    ok = frame.scope.in_pool
    why = "" if ok else "the words of an attribution (said, claimed)"
    return core.Verdict("en:attribution-words", ok, why)


def readable(seg: EnSegment, frame: EnFrame, frames: Sequence[EnFrame]) -> core.Verdict:
    rule = frame.scope.dropped
    return core.Verdict(rule or "en:reading", rule is None, DROPPED.get(rule or "", ""))


def one_action(seg: EnSegment, frame: EnFrame, frames: Sequence[EnFrame]) -> core.Verdict:
    if frame.scope.passed:
        return core.Verdict("en:next-action", False, "it names no party: the sentence's next trigger is read")
    ok = frame.scope.first
    return core.Verdict("en:one-action", ok, "" if ok else "an earlier trigger names the sentence's action")


CONSTRAINTS: tuple[core.Constraint[EnAnalysis, EnScope], ...] = (word, not_attribution, readable, one_action)

