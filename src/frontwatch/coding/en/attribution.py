"""Who says which words of an English sentence (``en.roles`` step 2).

A reporting cue ("said", "according to", "denied") after a comma that follows the trigger
opens a trailing clause ("..., the ministry said on Monday"); one before the trigger opens a
leading clause ("Armenia said Azerbaijan shelled ..."). Mentions in those clauses are
claimants, never actors or recipients. A cue whose object is the event ("announced
sanctions", "claimed responsibility") reports nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from frontwatch.coding.en.mentions import TokMention
from frontwatch.coding.en.rules import CueHit, EnglishRules, Trigger
from frontwatch.coding.lexicon import FactualityCue
from frontwatch.records import Token

# Words kept of a source the dictionary cannot name ("the regional governor").
SOURCE_WORDS = 8
# "according to reports the UK ..." without a comma: the source is this many tokens long.
ACCORDING_SPAN = 2
# Reporting cues that take a clause; the others followed by an article name the event
# itself ("announced a suspension", "declared a ceasefire").
CLAUSE_CUES = frozenset({"say", "tell", "claim", "allege", "deny", "add", "according to", "quote",
                         "report"})
ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her"})
# Words between a cue and the event noun that is its object ("declares Russian diplomat persona
# non grata": a headline without articles).
OBJECT_GAP = 2


@dataclass
class Attribution:
    claimants: list[TokMention] = field(default_factory=list)
    cue: CueHit | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # token ranges to skip
    lead_end: int = 0  # tokens before this belong to a leading attribution
    source_text: str = ""  # "the regional governor": a source the dictionary does not name

    char_spans: list[tuple[int, int]] = field(default_factory=list)  # the same, in characters

    def inside(self, i: int) -> bool:
        return any(a <= i < b for a, b in self.spans)

    def inside_chars(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.char_spans)


def _verbal(tokens: Sequence[Token], c: CueHit, rules: EnglishRules) -> bool:
    """A reporting cue used as a verb taking a clause: not "the reports", not "announced a ban"."""
    i = c.start
    if i > 0 and tokens[i - 1].lemma in rules.syntax.determiners:
        return False
    nxt = tokens[c.end].lemma if c.end < len(tokens) else ""
    if nxt == "to" and c.cue.pattern != "according to":
        return False  # "believed to have been", "said to be": a hedge, not a source
    return c.cue.pattern in CLAUSE_CUES or c.cue.pattern.endswith(" that") or nxt not in ARTICLES


def attribution(tokens: Sequence[Token], cues: Sequence[CueHit], triggers: Sequence[Trigger],
                mentions: Sequence[TokMention], rules: EnglishRules) -> Attribution:
    out = Attribution()
    commas = [i for i, t in enumerate(tokens) if t.text in (",", ";", "--")]
    said = [c for c in cues if c.cue.factuality in ("claimed", "denied") and _verbal(tokens, c, rules)
            and not (c.cue.pattern not in CLAUSE_CUES
                     and any(_object_of(tokens, c, t, rules) for t in triggers))
            and not any(t.start == c.start and t.end > c.end for t in triggers)]
    # "claimed responsibility": a longer trigger at the cue names the event
    # "announced sanctions", "declared war", "declares Russian diplomat persona non grata": the
    # cue names the event, it does not report it
    first_trigger = next((t.start for t in triggers
                          if not any(c.start <= t.start < c.end for c in said)), None)
    # a statement trigger closing the sentence reports it: "..., the United States warned."
    said_late = [CueHit(t.start, t.end, _speech_cue(t)) for t in triggers
                 if t.entry.speech and first_trigger is not None and t.start > first_trigger]
    for c in sorted([*said, *said_late], key=lambda c: c.start):
        if c.cue.pattern == "according to":
            end = next((k for k in commas if k > c.start), len(tokens))
            if c.start == 0 and end == len(tokens):
                end = c.end + ACCORDING_SPAN
            out.spans.append((c.start, end))
            _claim(out, c, mentions, c.end, end)
            # "According to Tarriela, ...": a source the dictionary cannot name still makes a claim
            out.source_text = out.source_text or " ".join(
                [t.text for t in tokens[c.end:end] if t.pos != "PUNCT"][:SOURCE_WORDS])
        elif first_trigger is not None and c.start > first_trigger:
            if c.cue.origin == "events.en.toml" and not _closes(tokens, c):
                continue
            if tokens[c.start].text.casefold().endswith("ing"):
                continue  # "..., saying ...": the actor elaborating, not a source
            comma = max((k for k in commas if first_trigger < k < c.start), default=None)
            if comma is None:
                continue
            end = next((k for k in commas if k > c.start), len(tokens))
            out.spans.append((comma, end))
            _claim(out, c, mentions, comma, end)
            out.source_text = out.source_text or _source_words(tokens, comma + 1, end, c)
    lead = next((c for c in said if first_trigger is None or c.start < first_trigger), None)
    if lead is not None and not out.inside(lead.start):
        out.lead_end = lead.end
        out.spans.append((lead.start, lead.end))
        _claim(out, lead, mentions, clause_start(tokens, lead.start, rules), lead.start)
    out.claimants.sort(key=lambda m: m.start)  # the speaker of a leading clause first
    base = tokens[0].idx if tokens else 0
    for a, b in out.spans:
        if a < len(tokens):
            last = tokens[min(b, len(tokens)) - 1]
            out.char_spans.append((tokens[a].idx - base, last.idx - base + len(last.text)))
    return out


def _object_of(tokens: Sequence[Token], c: CueHit, t: Trigger, rules: EnglishRules) -> bool:
    """Is the trigger the object of the cue ("announced sanctions", "declares Russian diplomat
    persona non grata"): right after it, or up to OBJECT_GAP words later with no verb between
    ("announced Russian troops had attacked" reports an attack)?"""
    if c.cue.pattern.endswith(" that"):
        return False  # "determined that the launches ...": a clause
    if t.start == c.end:
        return True
    gap = tokens[c.end:t.start]
    if not 0 < len(gap) <= OBJECT_GAP or tokens[t.start].text.casefold().endswith("ed"):
        return False
    return all(x.pos != "PUNCT" and x.lemma not in rules.syntax.passive_aux
               and x.lemma not in ("have", "that") for x in gap)


def _speech_cue(t: Trigger) -> FactualityCue:
    return FactualityCue(t.entry.pattern, t.entry.match, "claimed", t.entry.note, t.entry.origin)


def _closes(tokens: Sequence[Token], c: CueHit) -> bool:
    """The cue ends its clause ("..., officials warned." / "warned on Monday.")."""
    rest = [t for t in tokens[c.end:] if t.pos != "PUNCT"]
    return len(rest) <= 3 and all(t.lemma not in ("that",) for t in rest)


def warning_attribution(tokens: Sequence[Token], warn: Trigger, mentions: Sequence[TokMention],
                        rules: EnglishRules) -> Attribution:
    """'X warned that Y could attack': X is the claimant, the subject starts after 'warned'."""
    out = Attribution(cue=CueHit(warn.start, warn.end, _speech_cue(warn)), lead_end=warn.end)
    out.spans.append((warn.start, warn.end))
    start = clause_start(tokens, warn.start, rules)
    out.claimants = [m for m in mentions if start <= m.start and m.end <= warn.start]
    return out


def _source_words(tokens: Sequence[Token], a: int, b: int, cue: CueHit) -> str:
    """The words naming the source in "..., the regional governor said on Monday"."""
    words = [t.text for t in tokens[a:b] if not (cue.start <= t.i < cue.end) and t.pos != "PUNCT"]
    if cue.start > a:
        words = [t.text for t in tokens[a:cue.start] if t.pos != "PUNCT"]
    return " ".join(words[:SOURCE_WORDS])


def _claim(out: Attribution, cue: CueHit, mentions: Sequence[TokMention], a: int, b: int) -> None:
    if out.cue is None or cue.cue.factuality == "denied":
        out.cue = cue
    out.claimants.extend(m for m in mentions if a <= m.start < b and m not in out.claimants)


def clause_start(tokens: Sequence[Token], upto: int, rules: EnglishRules) -> int:
    """Skip an opening adverbial phrase ("In an interview on Sunday, ...")."""
    if tokens and tokens[0].lemma in rules.syntax.adverbial_openers:
        comma = next((i for i in range(upto) if tokens[i].text == ","), None)
        if comma is not None:
            return comma + 1
    return 0
