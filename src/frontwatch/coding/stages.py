"""The stages every language coder runs, and the typed records passed between them.

One sentence travels::

    Sentence --segment--> Segment --frames--> [Frame] --constraints--> [Checked]
             --resolve--> [Resolved] --choose--> [Resolved] --record--> [Event]

(choice comes after resolution because it compares what the frames became: a statement
verb makes a record only when nothing it reports did.)

- ``Segment``: the sentence with its quotes, attributions (who said which span) and
  clauses, the trigger spots found in it, and the language's own analysis (``detail``).
- ``Frame``: one candidate action: its trigger (a lexicon row at a token span), the
  actor and recipient mentions read from the syntax, and the rule that found them.
- ``Checked``: a frame with the constraints it was tested against (``Verdict``: rule
  name, pass or fail, why); a frame with a failed constraint is dropped, and ``explain``
  can say which rule dropped it.
- ``Resolved``: a kept frame whose parties, factuality, places, date, casualties and
  weapons are settled. Resolution drops a frame by returning a ``Refused`` (the rule that
  gave up and why, for ``explain --dropped``) or ``None`` (no reason given).
- ``choose``: which resolved frames make records when several name one action (a
  statement verb and the act it reports).
- ``record``: the ``records.Event`` for a resolved frame (shared by all languages).

Inside ``tracing()`` every candidate frame that makes no record is noted as a ``Dropped``
(the stage and the rule that dropped it), for ``frontwatch explain --dropped``. Records
merged later at document level (``resolve.dedup``) are not traced here.

A language supplies the stages as a ``LanguageStages`` object (``coding.ja.stages``,
``coding.en``); ``code_sentence`` runs them in this order for one sentence. Everything
here is language-neutral: indices are token indices of ``Segment.sentence``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from frontwatch.coding.lexicon import LexiconEntry
from frontwatch.records import DatePrecision, Entity, Event, Explanation, Factuality, Place, Sentence

A = TypeVar("A")  # a language's sentence analysis (quotes, reports, mentions with particles)
S = TypeVar("S")  # a language's scope of one trigger (clause bounds, the report it sits in)
A_co = TypeVar("A_co", covariant=True)


@dataclass(frozen=True, slots=True)
class Span:
    """Tokens [start, end) of a sentence."""

    start: int
    end: int

    def holds(self, i: int) -> bool:
        return self.start <= i < self.end


@dataclass(frozen=True, slots=True)
class Attribution:
    """Tokens [start, end) were said by ``speaker`` (None: unnamed) with the verb at ``verb``."""

    span: Span
    verb: int
    kind: str  # claim | accuse | warn | deny | passive
    speaker: Entity | None
    quoted: bool


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon row found at tokens [i, end) of a sentence."""

    i: int
    end: int
    entry: LexiconEntry
    text: str


@dataclass(frozen=True)
class Segment(Generic[A]):
    """A sentence cut into what the frame stage reads."""

    sentence: Sentence
    quotes: tuple[Span, ...]
    attributions: tuple[Attribution, ...]
    clauses: tuple[Span, ...]
    triggers: tuple[Trigger, ...]
    detail: A  # the language's own analysis, for its stages


@dataclass(frozen=True)
class Frame(Generic[S]):
    """One candidate action: a trigger with the parties the syntax gives it."""

    trigger: Trigger
    event: str
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    symmetric: bool
    rule: str  # the named rule that found the actor
    scope: S
    notes: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()  # lexicon and dictionary rows used


@dataclass(frozen=True, slots=True)
class Verdict:
    """One constraint tested on a frame: its rule name, whether the frame passed, and why."""

    rule: str
    passed: bool
    why: str = ""


@dataclass(frozen=True)
class Checked(Generic[S]):
    frame: Frame[S]
    verdicts: tuple[Verdict, ...]

    @property
    def ok(self) -> bool:
        return all(v.passed for v in self.verdicts)


@dataclass(frozen=True)
class Resolved(Generic[S]):
    """A frame with everything a record needs settled."""

    frame: Frame[S]
    event: str
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    symmetric: bool
    rule: str
    factuality: Factuality
    claimed_by: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    date: str | None = None
    date_precision: DatePrecision | None = None
    modes: tuple[str, ...] = ()
    dead: int | None = None
    injured: int | None = None
    weapons: tuple[str, ...] = ()
    horizon: str | None = None
    horizon_days: int | None = None
    refs: tuple[str, ...] = ()  # lexicon rows beyond the frame's (weapons)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Refused:
    """Why resolution made no record of a frame: the rule that gave up and one line saying why."""

    rule: str
    why: str


# A constraint sees the frame and its sentence's other candidate frames (one record per action).
Constraint = Callable[[Segment[A], Frame[S], Sequence[Frame[S]]], Verdict]


class LanguageStages(Protocol[A, S]):
    """What a language provides; ``code_sentence`` calls the methods in this order."""

    language: str

    def segment(self, sentence: Sentence) -> Segment[A]: ...

    def frames(self, seg: Segment[A]) -> list[Frame[S]]: ...

    def constraints(self) -> Sequence[Constraint[A, S]]: ...

    def resolve(self, seg: Segment[A], frame: Frame[S]) -> Resolved[S] | Refused | None: ...

    def choose(self, seg: Segment[A], resolved: list[Resolved[S]]) -> list[Resolved[S]]: ...


def check(seg: Segment[A], frame: Frame[S], frames: Sequence[Frame[S]],
          constraints: Sequence[Constraint[A, S]]) -> Checked[S]:
    """Test the constraints in order; the first failure ends the test (it names the rule)."""
    verdicts: list[Verdict] = []
    for c in constraints:
        v = c(seg, frame, frames)
        verdicts.append(v)
        if not v.passed:
            break
    return Checked(frame, tuple(verdicts))


@dataclass(frozen=True, slots=True)
class Dropped:
    """A candidate frame that made no record: the stage that dropped it and the rule why."""

    doc_id: str
    sentence: str
    trigger: str
    event: str
    stage: str  # constraint | resolution | choice | story
    rule: str
    why: str = ""


_TRACE: ContextVar[list[Dropped] | None] = ContextVar("frontwatch_dropped", default=None)


@contextmanager
def tracing() -> Iterator[list[Dropped]]:
    """Collect the frames dropped while coding inside the block (this thread or task only)."""
    dropped: list[Dropped] = []
    token = _TRACE.set(dropped)
    try:
        yield dropped
    finally:
        _TRACE.reset(token)


def note_dropped(dropped: Dropped) -> None:
    """Note a record that a language's story-level rules dropped after the sentence stages
    (stage ``story``), when inside ``tracing()``."""
    trace = _TRACE.get()
    if trace is not None:
        trace.append(dropped)


def trace_mark() -> int:
    """Where the dropped-frame trace stands now (0 outside ``tracing()``)."""
    trace = _TRACE.get()
    return len(trace) if trace is not None else 0


def trace_take(mark: int) -> list[Dropped]:
    """Take back what the trace noted since ``mark``: a language that codes a sentence again
    (English en:next-action) keeps only the trace of the reading it keeps."""
    trace = _TRACE.get()
    if trace is None:
        return []
    taken = trace[mark:]
    del trace[mark:]
    return taken


def code_sentence(stages: LanguageStages[A, S], sentence: Sentence) -> tuple[Segment[A], list[Event]]:
    """segment -> frames -> constraints -> resolution -> choice -> record, for one sentence."""
    seg = stages.segment(sentence)
    rules = stages.constraints()
    frames = stages.frames(seg)
    checked = [check(seg, f, frames, rules) for f in frames]
    outcomes = [(c.frame, stages.resolve(seg, c.frame)) for c in checked if c.ok]
    resolved = [r for _, r in outcomes if isinstance(r, Resolved)]
    chosen = stages.choose(seg, resolved)
    trace = _TRACE.get()
    if trace is not None:
        trace.extend(_dropped(seg.sentence, checked, outcomes, chosen))
    return seg, [record(seg.sentence, r, stages.language) for r in chosen]


def _dropped(s: Sentence, checked: Sequence[Checked[S]],
             outcomes: Sequence[tuple[Frame[S], Resolved[S] | Refused | None]],
             chosen: Sequence[Resolved[S]]) -> Iterator[Dropped]:
    """What each stage dropped: the failed constraint, a frame resolution gave up, choice's losers."""

    def note(f: Frame[S], stage: str, rule: str, why: str) -> Dropped:
        return Dropped(s.doc_id, s.text, f.trigger.text, f.event, stage, rule, why)

    for c in checked:
        if not c.ok:
            failed = c.verdicts[-1]
            yield note(c.frame, "constraint", failed.rule, failed.why)
    for f, r in outcomes:
        if isinstance(r, Refused):
            yield note(f, "resolution", r.rule, r.why)
        elif r is None:
            yield note(f, "resolution", f.rule, "; ".join(n for n in f.notes if n) or "no record resolved")
    kept = {id(r.frame) for r in chosen}
    for f, r in outcomes:
        if isinstance(r, Resolved) and id(f) not in kept:
            yield note(f, "choice", r.rule, "another frame of the sentence makes the record for this action")


def record(s: Sentence, r: Resolved[S], language: str) -> Event:
    """The event record of a resolved frame (ids are set by ``coding.coder.finish``)."""
    trig, frame = r.frame.trigger, r.frame
    why = Explanation(rule=r.rule, trigger=trig.text, lexicon=(trig.entry.ref, *frame.refs, *r.refs),
                      notes=tuple(n for n in r.notes if n))
    return Event(
        id="", doc_id=s.doc_id, event=r.event, text=s.text, span=(s.start, s.end), language=language,
        mode=r.modes, context=trig.entry.context, actor=r.actor, recipient=r.recipient,
        event_loc=r.places, date=r.date, date_precision=r.date_precision, dead=r.dead, injured=r.injured,
        weapons=r.weapons, factuality=r.factuality, claimed_by=r.claimed_by, horizon=r.horizon,
        horizon_days=r.horizon_days, symmetric=r.symmetric, explanation=why,
    )
