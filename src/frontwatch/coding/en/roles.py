"""Who does what to whom in an English sentence, without a parser.

The English pipeline has no dependency parse, so roles come from word order around the
trigger, in this cascade:

1. Actor mentions: ``ActorDictionary.find(text, "en")``, kept only where the written
   capitals agree with the dictionary form ("US" is the United States, "us" is not).
2. Attribution: a reporting cue ("said", "according to", "denied") after a comma that
   follows the trigger opens a trailing clause ("..., the ministry said on Monday"); one
   before the trigger opens a leading clause ("Armenia said Azerbaijan shelled ...").
   Mentions in those clauses are claimants, never actors or recipients.
3. Actor: the first mention of the subject region (sentence start, or after a leading
   reporting verb, or after an opening adverbial phrase's comma), with mentions
   coordinated to it ("X and Y"). A passive trigger ("was attacked by X") takes its actor
   after "by" and its recipient from the subject. A pronoun subject after a reporting verb
   is the speaker. A generic noun ("rebels") takes the country of the nearest mention.
4. Recipient: the first mention after the trigger (before a trailing attribution); with
   none, the actor's own country (domestic events: police and protesters, a government
   and its opposition), noted in the explanation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from frontwatch.coding.en.rules import CueHit, EnglishRules, Trigger
from frontwatch.coding.lexicon import FactualityCue
from frontwatch.records import Entity, Token
from frontwatch.resolve.actors import ActorDictionary, ActorMention

# Tokens between a trigger and "by" for the passive agent ("was attacked early today by").
PASSIVE_BY_WINDOW = 15
# Tokens between a far "by" and the name it introduces ("by current Haitian officials").
BY_NAME_GAP = 3
# Tokens an auxiliary may stand before a participle ("was reportedly attacked").
PASSIVE_AUX_WINDOW = 3
# Abbreviations up to this length must match the dictionary's capitals exactly (US, UN, EC).
ABBREV_MAX = 5
# Words kept of a source the dictionary cannot name ("the regional governor").
SOURCE_WORDS = 8
# "according to reports the UK ..." without a comma: the source is this many tokens long.
ACCORDING_SPAN = 2
# Reporting cues that take a clause; the others followed by an article name the event
# itself ("announced a suspension", "declared a ceasefire").
CLAUSE_CUES = frozenset({"say", "tell", "claim", "allege", "deny", "add", "according to", "quote",
                         "report"})
_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her"})
# "YEREVAN, Sept 12 (Wire) - ", "SANAA/WASHINGTON, Jan. 30, 2024 (Wire) - ", "BEIRUT (Wire) -Israeli
# forces ..." (no space after the dash), "BANGKOK: An airstrike ..." (a city in capitals and a colon),
# "WASHINGTON--The U.S. ..." (a double dash, no spaces), "MOSCOW (Outlet / Wire - 03rd May, 2023) Iran's
# ..." (a credit with its date in brackets, no dash), and an aggregator's credit in brackets before
# the dateline ("(Aggregator- Wire Name (ABBR)) TOKYO, April 8 (ABBR) -- ").
DATELINE = re.compile(r"^(?:\((?:[^()]|\([^()]*\)){1,80}\)\s*(?=[A-Z]{3,}))?"
                      r"[A-Z]{3,}[A-Z .'/-]*(?:,\s*[A-Z][A-Za-z .'-]{2,30}?)?"
                      r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"
                      r"(?:(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+(?:\s+|$)"
                      r"|(?:\([^)]{1,40}\))?\s+[-\u2013\u2014]+(?=[A-Z\u201c\"])"
                      r"|--+(?=[A-Z\u201c\"])|\([^()]{0,40}[A-Za-z]{3}[^()]{0,40}\d[^()]{0,20}\)\s+(?=[A-Z\u201c\"])|:\s+)")
_WATER_AFTER = (" sea", " strait", " gulf", " ocean", " peninsula", " straits")
_WATER_BEFORE = ("sea of ", "gulf of ", "strait of ", "bay of ", "straits of ")
_NOT_THE_ACTOR_BEFORE = ("pro-", "anti-", "non-")
_NOT_THE_ACTOR_AFTER = ("-backed", "-sponsored", "-supported", "-allied", "-style", "-based", "-made",
                        "-run", "-brokered", "-mediated", "-funded", "-financed", "-designated")
# Words between a cue and the event noun that is its object ("declares Russian diplomat persona
# non grata": a headline without articles).
OBJECT_GAP = 2
# Sentences whose actor lookups are remembered (the sentence being coded and its clauses).
MENTIONS_MEMO = 64
_JOINERS = frozenset({"and", ",", "-", "the", "&", "both"})


@dataclass(frozen=True, slots=True)
class TokMention:
    """An actor mention with token positions in the sentence."""

    start: int  # first token
    end: int  # token after the last
    mention: ActorMention

    @property
    def code(self) -> str:
        return self.mention.entity.code or ""


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


def _case_ok(m: ActorMention) -> bool:
    pattern = m.refs[0].split(":", 1)[1] if m.refs else m.text
    written = m.text[: len(pattern)] if len(m.text) >= len(pattern) else m.text
    if len(pattern.replace(".", "")) <= ABBREV_MAX and pattern.isupper():
        return written == pattern or written.replace(".", "") == pattern.replace(".", "")
    if pattern[:1].isupper():
        return written[:1].isupper()
    return True


def dateline_end(text: str) -> int:
    """Characters of a wire dateline opening the sentence ("YEREVAN, Sept 12 (Wire) - ")."""
    m = DATELINE.match(text)
    return m.end() if m else 0


def find_mentions(text: str, tokens: Sequence[Token], offset: int, actors: ActorDictionary,
                  year: int | None) -> list[TokMention]:
    """Actor mentions of a sentence (``offset``: the sentence's start in the document)."""
    starts = [t.idx - offset for t in tokens]
    out = []
    skip = dateline_end(text)
    found = [m for m in _lookup(actors, text, year)
             if m.start >= skip and _case_ok(m) and _state_actor(text, m)]
    ethnic = [m for m in found if text[max(0, m.start - 7):m.start].casefold() == "ethnic "]
    if len(ethnic) < len(found):
        found = [m for m in found if m not in ethnic]  # "ethnic Albanians in Serbia": Serbia's
    for m in found:
        first = next((i for i, s in enumerate(starts) if s + len(tokens[i].text) > m.start), None)
        if first is None:
            continue
        last = next((i for i in range(len(starts) - 1, -1, -1) if starts[i] < m.end), first)
        out.append(TokMention(first, last + 1, m))
    return out


@lru_cache(maxsize=MENTIONS_MEMO)
def _lookup(actors: ActorDictionary, text: str, year: int | None) -> tuple[ActorMention, ...]:
    """The dictionary's mentions in a sentence: the costliest step of the English coder (half
    its time), asked again for the same sentence when its subject is read (en.coder)."""
    return tuple(actors.find(text, "en", year=year))


def _state_actor(text: str, m: ActorMention) -> bool:
    """Not "pro-Iranian", "Syrian-backed", "Bosnia-style": those name someone else."""
    before = text[max(0, m.start - 11):m.start].casefold()
    after = text[m.end:m.end + 11].casefold()
    if after.startswith((" $", " dollar", "$")):
        return False  # "US $50 million": a currency
    if after.startswith(_WATER_AFTER) or before.endswith(_WATER_BEFORE):
        return False  # "South China Sea", "Sea of Japan": a body of water
    return not before.endswith(_NOT_THE_ACTOR_BEFORE) and not after.startswith(_NOT_THE_ACTOR_AFTER)


def _verbal(tokens: Sequence[Token], c: CueHit, rules: EnglishRules) -> bool:
    """A reporting cue used as a verb taking a clause: not "the reports", not "announced a ban"."""
    i = c.start
    if i > 0 and tokens[i - 1].lemma in rules.syntax.determiners:
        return False
    nxt = tokens[c.end].lemma if c.end < len(tokens) else ""
    if nxt == "to" and c.cue.pattern != "according to":
        return False  # "believed to have been", "said to be": a hedge, not a source
    return c.cue.pattern in CLAUSE_CUES or c.cue.pattern.endswith(" that") or nxt not in _ARTICLES


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
        _claim(out, lead, mentions, _clause_start(tokens, lead.start, rules), lead.start)
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
    start = _clause_start(tokens, warn.start, rules)
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


def _clause_start(tokens: Sequence[Token], upto: int, rules: EnglishRules) -> int:
    """Skip an opening adverbial phrase ("In an interview on Sunday, ...")."""
    if tokens and tokens[0].lemma in rules.syntax.adverbial_openers:
        comma = next((i for i in range(upto) if tokens[i].text == ","), None)
        if comma is not None:
            return comma + 1
    return 0


def is_passive(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    word = tokens[trig.start].text.casefold()
    if tokens[trig.start].lemma in rules.syntax.not_passive:
        return False
    if not (word.endswith(("ed", "en")) or word in ("shot", "struck", "hit", "held", "beaten", "fought")):
        return False
    nxt = tokens[trig.end].lemma if trig.end < len(tokens) else ""
    if trig.entry.event == "ACCUSE" and nxt in rules.syntax.charge_links:
        return True  # "Indian forces blamed for truce violations": the accused is the subject
    if trig.start > 0 and tokens[trig.start - 1].lemma in rules.syntax.reporting_objects \
            and tokens[trig.start - 1].text.casefold().endswith("ed"):
        return True  # "Over 10 terrorists reported killed": the victims are the subject
    for k in range(trig.start - 1, max(-1, trig.start - 1 - PASSIVE_AUX_WINDOW), -1):
        if tokens[k].lemma in rules.syntax.passive_aux:
            return True
        if tokens[k].pos == "PUNCT":
            break
    return False


def coordinated(first: TokMention, pool: Sequence[TokMention], tokens: Sequence[Token],
                limit: int) -> list[TokMention]:
    """``first`` and the mentions joined to it by "and", "," or "-" before ``limit``."""
    group = [first]
    last = first
    for m in pool:
        if m.start <= last.start or m.start >= limit:
            continue
        gap = [t.lemma for t in tokens[last.end:m.start]]
        joins = bool(gap) and all(g in _JOINERS for g in gap)
        if joins and ("and" in gap or gap in ([","], ["-"], ["&"])):
            group.append(m)
            last = m
        else:
            break
    return group


def entities(ms: Sequence[TokMention]) -> tuple[Entity, ...]:
    out: list[Entity] = []
    for m in ms:
        e = m.mention.entity
        if all((x.code, x.text) != (e.code, e.text) for x in out):
            out.append(e)
    return tuple(out)


@dataclass
class Roles:
    actor: list[TokMention]
    recipient: list[TokMention]
    generic: Entity | None = None  # actor named by a generic noun, given a country
    inherited: tuple[Entity, ...] = ()  # actor of the sentence before ("the bloc", "it")
    domestic: bool = False  # no recipient named: the actor's own country
    notes: list[str] = field(default_factory=list)


def assign_roles(tokens: Sequence[Token], trig: Trigger, mentions: Sequence[TokMention],
                 attr: Attribution, rules: EnglishRules, antecedent: tuple[Entity, ...] = ()) -> Roles:
    free = [m for m in mentions if not attr.inside(m.start) and m not in attr.claimants
            and not (m.start < trig.start and _after_phrase_at(tokens, m.start, rules.syntax.affiliations))]
    start = attr.lead_end or _clause_start(tokens, trig.start, rules)
    semi = max((k for k in range(start, trig.start) if tokens[k].text == ";"), default=None)
    start = semi + 1 if semi is not None else start
    opener = max((k for k in range(start, trig.start) if tokens[k].lemma in rules.syntax.clause_openers),
                 default=None)
    if opener is not None and any(opener < m.start and m.end <= trig.start for m in free):
        start = opener + 1  # "Russia hits Kyiv as Ukraine and Poland agree ...": Ukraine, Poland
    before = [m for m in free if start <= m.start and m.end <= trig.start]
    stop = min((a for a, _ in attr.spans if a > trig.start), default=len(tokens))
    stop = min((k for k in range(trig.end, stop) if tokens[k].text == ";"), default=stop)
    after = [m for m in free if trig.end <= m.start < stop]
    if not before and start > 0 and not attr.lead_end:
        before = [m for m in free if m.end <= trig.start]
    roles = Roles([], [])
    nominal_by = trig.end < len(tokens) and tokens[trig.end].lemma == "by"  # "shelling by X"
    lemmas = [t.lemma for t in tokens]
    link = next((p for p in rules.syntax.agent_links if tuple(lemmas[trig.end:trig.end + len(p)]) == p), None)
    nominal_by = nominal_by or link is not None  # "an airstrike led by the Myanmar military"
    # "twin attacks blamed on jihadists": the last word of the link stands for "by"
    blamed = [i + len(p) - 1 for i in range(trig.end, min(stop, trig.end + PASSIVE_BY_WINDOW))
              for p in rules.syntax.blame_links if tuple(lemmas[i:i + len(p)]) == p]
    if is_passive(tokens, trig, rules) or nominal_by or blamed:
        bys = sorted([i for i in range(trig.end, stop) if tokens[i].lemma == "by"] + blamed)
        near = [i for i in bys if i < trig.end + PASSIVE_BY_WINDOW]
        # the agent follows "by" closely; a far "by" counts only with a name right after it
        far = [i for i in bys if any(i < m.start <= i + BY_NAME_GAP for m in after)]
        found = near or far
        by = found[0] if found else None
        agent = [m for m in after if by is not None and m.start > by]
        roles.actor = coordinated(agent[0], agent, tokens, stop) if agent else []
        # the subject, else the first other party after the trigger; not the agent's own side
        # when another is named ("were killed in a strike by an IDF (Israeli army) aircraft on a
        # Hezbollah structure": Hezbollah's side, not Israel's)
        own = {m.code for m in roles.actor}
        parties = before[:1] + [m for m in after if m not in roles.actor]
        roles.recipient = ([m for m in parties if m.code not in own] or parties)[:1]
        roles.notes.append("passive: actor after 'by'")
        if not roles.actor and trig.entry.event in rules.syntax.speaker_passives and attr.cue is not None:
            _speaker_agent(roles, attr, antecedent)
        if not roles.actor and not roles.inherited and antecedent and trig.end < stop \
                and _anaphor(tokens, trig.end, stop, rules):
            roles.inherited = antecedent  # "was attacked by them"; not "10 militants were killed."
        if roles.actor and not roles.recipient and len({m.code for m in roles.actor}) == 1:
            roles.domestic = True
            roles.notes.append("recipient: none named -> the actor's own country (domestic)")
        return roles
    if before and not (attr.lead_end and attr.claimants and _opens_with_pronoun(tokens, start, rules)):
        roles.actor = coordinated(before[0], before, tokens, trig.start)
    elif attr.lead_end and attr.claimants and _pronoun_subject(tokens, attr.lead_end, trig.start, rules) \
            and not _reported_object(tokens, attr, trig, rules):
        roles.actor = list(attr.claimants[:1])
        roles.notes.append("actor: pronoun subject -> the speaker")
        after = before + after  # "it would hold Israel responsible": Israel is the object
    elif antecedent and _anaphor(tokens, start, trig.start, rules):
        roles.inherited = antecedent
        roles.notes.append("actor: the actor of the sentence before")
    else:
        hostile = trig.entry.event in ("ASSAULT", "COERCE")  # after the verb: the victim's
        pool = [m for m in free if m.end <= trig.start] if hostile else free
        if hostile and not pool:
            pool = [m for m in free if m.start >= trig.end and _civilian(tokens, m, rules)][:1]
        roles.generic = _generic_actor(tokens, start, trig.start, pool, rules)
    acodes = {m.code for m in roles.actor} | ({roles.generic.code} if roles.generic else set())
    acodes |= {e.code for e in roles.inherited if e.code}
    if not acodes and _speaker_goes_on(tokens, attr, trig):  # "X said, calling on NATO to ..."
        roles.actor, roles.inherited = list(attr.claimants[:1]), () if attr.claimants else antecedent
        acodes |= {m.code for m in roles.actor}
        acodes |= {e.code for e in roles.inherited if e.code}
        roles.notes.append("actor: a participle after 'X said,' -> the speaker")
    if not acodes and after and trig.entry.event not in rules.syntax.object_first:
        roles.actor = coordinated(after[0], after, tokens, stop)
        acodes = {m.code for m in roles.actor}
        after = [m for m in after if m not in roles.actor]
        roles.notes.append("actor: first mention after the trigger")
    rest = [m for m in after if m not in roles.actor]
    if not rest and roles.actor:  # "declared a Russian diplomat persona non grata": the object
        end = max(m.end for m in roles.actor)  # between a light verb and its noun
        rest = [m for m in before if m.start >= end and m not in roles.actor
                and any(t.lemma in rules.syntax.light_verbs for t in tokens[end:m.start])][:1]
    if trig.entry.event == "ACCUSE":
        rest = _accused_first(tokens, rest)
    roles.recipient = coordinated(rest[0], rest, tokens, stop) if rest else []
    if not roles.recipient and len(acodes) == 1:
        roles.domestic = True
        roles.notes.append("recipient: none named -> the actor's own country (domestic)")
    return roles


def _speaker_agent(roles: Roles, attr: Attribution, antecedent: tuple[Entity, ...]) -> None:
    """Rule en:speaker-passive: "The ambassador was summoned ..., the ministry said", "The Afghan
    government was urged to ..., the statement said": a statement act told in the passive with
    no agent is the speaker's own (the speaker named, else the actor of the sentence before)."""
    if attr.claimants:
        roles.actor = list(attr.claimants[:1])
    elif antecedent:
        roles.inherited = antecedent
    else:
        return
    roles.notes.append("en:speaker-passive: a statement act with no agent -> the speaker")


def _after_phrase_at(tokens: Sequence[Token], i: int, phrases: Sequence[tuple[str, ...]]) -> bool:
    lemmas = tuple(t.lemma for t in tokens[max(0, i - 4):i])
    lemmas = lemmas[:-1] if lemmas[-1:] == ("the",) else lemmas  # "linked to the Islamic State"
    return any(lemmas[-len(p):] == p for p in phrases)


def _speaker_goes_on(tokens: Sequence[Token], attr: Attribution, trig: Trigger) -> bool:
    between = tokens[attr.lead_end:trig.start]
    return bool(attr.lead_end and between) and all(t.text == "," for t in between) \
        and tokens[trig.start].text.casefold().endswith("ing")


def _reported_object(tokens: Sequence[Token], attr: Attribution, trig: Trigger, rules: EnglishRules) -> bool:
    """Rule en:reported-object: "Colombian authorities reported an explosives attack": an act
    named as the object of a reporting verb is someone else's, not the reporter's (a
    statement act, "announced a ban", is the speaker's own)."""
    nxt = tokens[attr.lead_end] if attr.lead_end < len(tokens) else None
    cue = attr.cue.cue.pattern if attr.cue is not None else ""
    return nxt is not None and cue in rules.syntax.reporting_objects and nxt.lemma in _ARTICLES \
        and nxt.lemma not in rules.syntax.pronouns and trig.entry.event not in rules.syntax.statements


def _anaphor(tokens: Sequence[Token], a: int, b: int, rules: EnglishRules) -> bool:
    """A pronoun or a noun pointing back ("the group"), not one brought in as new ("by an armed
    group", "unidentified gunmen")."""
    def new(k: int) -> bool:
        return any(x.lemma in rules.syntax.unnamed_markers for x in tokens[max(0, k - 2):k])

    return a >= b or any(t.lemma in rules.syntax.pronouns or (t.lemma in rules.syntax.anaphors and not new(k))
                         for k, t in enumerate(tokens[a:b], a))


def _opens_with_pronoun(tokens: Sequence[Token], a: int, rules: EnglishRules) -> bool:
    """"X said it would hold Israel responsible": the clause's subject is X's "it"."""
    words = [t.lemma for t in tokens[a:a + 2]]
    if not words:
        return False
    return words[0] in rules.syntax.pronouns or (
        words[0] == "the" and len(words) > 1 and words[1] in rules.syntax.anaphors)


def _pronoun_subject(tokens: Sequence[Token], a: int, b: int, rules: EnglishRules) -> bool:
    """After "X said": "it", "the group", "its forces", or no subject at all point to X; not
    an article before the trigger ("determined that the launches involved ..."): the event
    noun is then the subject, and its doer is not named."""
    between = [t for t in tokens[a:b] if t.lemma != "that"]
    if between and all(t.lemma in ("a", "an", "the") for t in between):
        return False
    return a >= b - 3 or any(t.lemma in rules.syntax.pronouns or t.lemma in rules.syntax.anaphors
                             for t in tokens[a:b])


def _accused_first(tokens: Sequence[Token], ms: list[TokMention]) -> list[TokMention]:
    """"complained to the UN over Israeli air raids": the accused, not the addressee."""
    if len(ms) < 2 or "to" not in {t.lemma for t in tokens[max(0, ms[0].start - 2):ms[0].start]}:
        return ms
    for m in ms[1:]:
        words = {t.lemma for t in tokens[max(0, m.start - 4):m.start]}
        if words & {"over", "about", "against", "for"}:
            return [m, *[x for x in ms if x is not m]]
    return ms


def _civilian(tokens: Sequence[Token], m: TokMention, rules: EnglishRules) -> bool:
    """A victim of the actor's own country ("banned Ugandan opposition candidates", "in
    Haiti"), not a foreign target ("a U.S. base", "Israeli soldiers")."""
    if m.mention.entity.sector in ("MIL", "GOV", "COP"):
        return False
    nxt = tokens[m.end].lemma if m.end < len(tokens) else ""
    return nxt not in rules.syntax.military_targets


def _generic_actor(tokens: Sequence[Token], a: int, b: int, free: Sequence[TokMention],
                   rules: EnglishRules) -> Entity | None:
    noun = next((t for t in tokens[a:b] if t.lemma in rules.syntax.generic_actors), None)
    if noun is None or not free:
        return None
    pos = noun.i
    near = min(free, key=lambda m: abs(m.start - pos))
    e = near.mention.entity
    return Entity(text=noun.text, name=e.name, code=e.code, sector=None)
