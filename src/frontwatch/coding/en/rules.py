"""The English coder's data, loaded once: event entries, factuality cues, function words.

``EnglishRules.load()`` reads ``data/lexicon/events.en.toml`` and ``factuality.en.toml``
through the shared lexicon reader (``coding.lexicon``), and ``syntax.en.toml`` and
``horizon.en.toml`` itself. Matching works on token lemmas: an entry's pattern is a
sequence of lemmas matched on consecutive tokens; the longest entry wins at a position,
and entries do not overlap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from frontwatch.coding.lexicon import FactualityCue, LexiconEntry, read_cues, read_event_entries
from frontwatch.errors import DataError
from frontwatch.nlp.english import lexicon_dir, read_toml
from frontwatch.records import Token

# en:party-object: the object of "X struck ..." lies within this many words of the verb
# ("struck Iran", "targeted a Liberian-flagged vessel", "struck a conference hall"): an
# article, one or two modifiers and the head.
PARTY_OBJECT_WINDOW = 4


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event entry matched on tokens ``start`` .. ``end`` (exclusive) of a sentence."""

    start: int
    end: int
    entry: LexiconEntry
    text: str


@dataclass(frozen=True, slots=True)
class CueHit:
    start: int
    end: int
    cue: FactualityCue


@dataclass(frozen=True, slots=True)
class Horizon:
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Syntax:
    negators: tuple[tuple[str, ...], ...]
    obligation: tuple[tuple[str, ...], ...]
    passive_aux: frozenset[str]
    determiners: frozenset[str]
    adverbial_openers: frozenset[str]
    generic_actors: frozenset[str]
    pronouns: frozenset[str]
    cooperative: frozenset[str]
    hostile: frozenset[str]
    intent_verbs: frozenset[str]
    not_passive: frozenset[str]
    light_verbs: frozenset[str]
    anaphors: frozenset[str]
    reactions: frozenset[str]
    non_events: tuple[tuple[str, ...], ...]
    clause_openers: frozenset[str]
    statements: frozenset[str]
    capacity: tuple[tuple[str, ...], ...]
    defensive: frozenset[str]
    return_fire: frozenset[str]
    military_targets: frozenset[str]
    numbers: dict[str, int]
    projectiles: frozenset[str] = frozenset()
    attack_nouns: frozenset[str] = frozenset()
    repelling: frozenset[str] = frozenset()
    affiliations: tuple[tuple[str, ...], ...] = ()
    city_bodies: frozenset[str] = frozenset()
    background_openers: frozenset[str] = frozenset()
    background_time_words: frozenset[str] = frozenset()
    armed_groups: frozenset[str] = frozenset()
    armed_heads: frozenset[str] = frozenset()
    local_victims: frozenset[str] = frozenset()
    posture_launches: frozenset[str] = frozenset()
    never_domestic: frozenset[str] = frozenset()
    aimed_at: frozenset[str] = frozenset()
    agent_links: tuple[tuple[str, ...], ...] = ()
    charge_links: frozenset[str] = frozenset()
    blame_links: tuple[tuple[str, ...], ...] = ()
    relatives: frozenset[str] = frozenset()
    describing_aux: frozenset[str] = frozenset()
    reporting_heads: frozenset[str] = frozenset()
    present_copulas: frozenset[str] = frozenset()
    degree_words: frozenset[str] = frozenset()
    person_titles: frozenset[str] = frozenset()
    object_first: frozenset[str] = frozenset({"ASSAULT", "COERCE", "PROTEST"})
    background_markers: tuple[tuple[str, ...], ...] = ()
    interview_openers: frozenset[str] = frozenset()
    hypothetical: frozenset[str] = frozenset()
    downing: frozenset[str] = frozenset()
    setting_openers: frozenset[str] = frozenset()
    group_anaphors: frozenset[str] = frozenset()
    group_sectors: frozenset[str] = frozenset()
    source_sectors: frozenset[str] = frozenset()
    speaker_passives: frozenset[str] = frozenset()
    known_determiners: frozenset[str] = frozenset()
    same_statement: frozenset[str] = frozenset()
    stateless_codes: frozenset[str] = frozenset()
    reporting_objects: frozenset[str] = frozenset()
    unnamed_markers: frozenset[str] = frozenset()
    envoy_nouns: frozenset[str] = frozenset()
    envoy_titles: frozenset[str] = frozenset()
    summon_verbs: frozenset[str] = frozenset()
    evaluative: frozenset[str] = frozenset()
    tally_words: frozenset[str] = frozenset()
    earlier_openers: frozenset[str] = frozenset()
    actorless_types: frozenset[str] = frozenset({"ASSAULT", "MOBILIZE"})
    purpose_phrases: tuple[tuple[str, ...], ...] = ()
    first_person: frozenset[str] = frozenset()
    plural_pronouns: frozenset[str] = frozenset()
    quantifiers: tuple[tuple[str, ...], ...] = ()
    casualty_links: frozenset[str] = frozenset()
    comes_links: frozenset[str] = frozenset()
    launch_attacks: frozenset[str] = frozenset()
    arrangements: frozenset[str] = frozenset()
    arrangement_verbs: frozenset[str] = frozenset()
    sounds: frozenset[str] = frozenset()
    perception_verbs: frozenset[str] = frozenset()
    aspects: frozenset[str] = frozenset()
    origin_words: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    duration_openers: frozenset[str] = frozenset()
    duration_units: frozenset[str] = frozenset()
    perfect_span_preps: frozenset[str] = frozenset()
    perfect_span_units: frozenset[str] = frozenset()
    perfect_span_stops: frozenset[str] = frozenset()
    party_path_verbs: frozenset[str] = frozenset()
    party_path_skips: frozenset[str] = frozenset()
    party_path_objects: frozenset[str] = frozenset()
    party_path_blockers: frozenset[str] = frozenset()
    weapon_heads: frozenset[str] = frozenset()
    weapon_kinds: frozenset[str] = frozenset()
    border_words: frozenset[str] = frozenset()
    border_locatives: frozenset[str] = frozenset()
    border_places: frozenset[str] = frozenset()
    month_names: tuple[str, ...] = ()
    concessives: tuple[tuple[str, ...], ...] = ()
    condition_openers: frozenset[str] = frozenset()
    toll_links: frozenset[str] = frozenset()
    separate_markers: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    question_words: frozenset[str] = frozenset()
    knowing_words: frozenset[str] = frozenset()
    toll_attacks: frozenset[str] = frozenset()
    month_points: frozenset[str] = frozenset()


def _phrases(values: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(v.split()) for v in values)


def _check_syntax_kinds(path: Path, d: dict[str, Any]) -> None:
    """Every key of ``syntax.en.toml`` holds a list of strings; ``numbers`` a table of integers."""
    for key, value in d.items():
        if key == "numbers":
            if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
                raise DataError(f"{path.name}: numbers must be a table of integers")
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError(f"{path.name}: {key} must be a list of strings")


def _read_syntax(path: Path) -> Syntax:
    d = read_toml(path)
    _check_syntax_kinds(path, d)
    try:
        return Syntax(
            negators=_phrases(d["negators"]), obligation=_phrases(d["obligation"]),
            passive_aux=frozenset(d["passive_aux"]), determiners=frozenset(d["determiners"]),
            adverbial_openers=frozenset(d["adverbial_openers"]),
            generic_actors=frozenset(d["generic_actors"]), pronouns=frozenset(d["pronouns"]),
            cooperative=frozenset(d["cooperative"]), hostile=frozenset(d["hostile"]),
            intent_verbs=frozenset(d["intent_verbs"]), not_passive=frozenset(d["not_passive"]),
            light_verbs=frozenset(d["light_verbs"]), anaphors=frozenset(d["anaphors"]),
            reactions=frozenset(d["reactions"]), non_events=_phrases(d["non_events"]),
            clause_openers=frozenset(d["clause_openers"]), statements=frozenset(d["statements"]),
            capacity=_phrases(d["capacity"]), defensive=frozenset(d["defensive"]),
            return_fire=frozenset(d["return_fire"]),
            military_targets=frozenset(d["military_targets"]),
            numbers={str(k): int(v) for k, v in d.get("numbers", {}).items()},
            projectiles=frozenset(d.get("projectiles", ())),
            attack_nouns=frozenset(d.get("attack_nouns", ())),
            repelling=frozenset(d.get("repelling", ())),
            affiliations=_phrases(d.get("affiliations", ())),
            city_bodies=frozenset(d.get("city_bodies", ())),
            background_openers=frozenset(d.get("background_openers", ())),
            background_time_words=frozenset(d.get("background_time_words", ())),
            armed_groups=frozenset(d.get("armed_groups", ())),
            armed_heads=frozenset(d.get("armed_heads", ())),
            local_victims=frozenset(d.get("local_victims", ())),
            posture_launches=frozenset(d.get("posture_launches", ())),
            never_domestic=frozenset(d.get("never_domestic", ())),
            aimed_at=frozenset(d.get("aimed_at", ())),
            agent_links=_phrases(d.get("agent_links", ())),
            charge_links=frozenset(d.get("charge_links", ())),
            blame_links=_phrases(d.get("blame_links", ())),
            relatives=frozenset(d.get("relatives", ())),
            describing_aux=frozenset(d.get("describing_aux", ())),
            reporting_heads=frozenset(d.get("reporting_heads", ())),
            present_copulas=frozenset(d.get("present_copulas", ())),
            degree_words=frozenset(d.get("degree_words", ())),
            person_titles=frozenset(d.get("person_titles", ())),
            object_first=frozenset(d.get("object_first", ("ASSAULT", "COERCE", "PROTEST"))),
            background_markers=_phrases(d.get("background_markers", ())),
            interview_openers=frozenset(d.get("interview_openers", ())),
            hypothetical=frozenset(d.get("hypothetical", ())),
            downing=frozenset(d.get("downing", ())),
            setting_openers=frozenset(d.get("setting_openers", ())),
            group_anaphors=frozenset(d.get("group_anaphors", ())),
            first_person=frozenset(d.get("first_person", ())),
            plural_pronouns=frozenset(d.get("plural_pronouns", ())),
            quantifiers=_phrases(d.get("quantifiers", ())),
            casualty_links=frozenset(d.get("casualty_links", ())),
            comes_links=frozenset(d.get("comes_links", ())),
            launch_attacks=frozenset(d.get("launch_attacks", ())),
            arrangements=frozenset(d.get("arrangements", ())),
            arrangement_verbs=frozenset(d.get("arrangement_verbs", ())),
            sounds=frozenset(d.get("sounds", ())),
            party_path_verbs=frozenset(d.get("party_path_verbs", ())),
            party_path_skips=frozenset(d.get("party_path_skips", ())),
            party_path_objects=frozenset(d.get("party_path_objects", ())),
            party_path_blockers=frozenset(d.get("party_path_blockers", ())),
            weapon_heads=frozenset(d.get("weapon_heads", ())),
            weapon_kinds=frozenset(d.get("weapon_kinds", ())),
            perception_verbs=frozenset(d.get("perception_verbs", ())),
            aspects=frozenset(d.get("aspects", ())),
            origin_words=frozenset(d.get("origin_words", ())),
            conditions=frozenset(d.get("conditions", ())),
            duration_openers=frozenset(d.get("duration_openers", ())),
            duration_units=frozenset(d.get("duration_units", ())),
            perfect_span_preps=frozenset(d.get("perfect_span_preps", ())),
            perfect_span_units=frozenset(d.get("perfect_span_units", ())),
            perfect_span_stops=frozenset(d.get("perfect_span_stops", ())),
            group_sectors=frozenset(d.get("group_sectors", ())),
            source_sectors=frozenset(d.get("source_sectors", ())),
            speaker_passives=frozenset(d.get("speaker_passives", ())),
            known_determiners=frozenset(d.get("known_determiners", ())),
            same_statement=frozenset(d.get("same_statement", ())),
            stateless_codes=frozenset(d.get("stateless_codes", ())),
            reporting_objects=frozenset(d.get("reporting_objects", ())),
            unnamed_markers=frozenset(d.get("unnamed_markers", ())),
            envoy_nouns=frozenset(d.get("envoy_nouns", ())),
            envoy_titles=frozenset(d.get("envoy_titles", ())),
            summon_verbs=frozenset(d.get("summon_verbs", ())),
            evaluative=frozenset(d.get("evaluative", ())),
            tally_words=frozenset(d.get("tally_words", ())),
            earlier_openers=frozenset(d.get("earlier_openers", ())),
            actorless_types=frozenset(d.get("actorless_types", ("ASSAULT", "MOBILIZE"))),
            purpose_phrases=_phrases(d.get("purpose_phrases", ())),
            border_words=frozenset(d.get("border_words", ())),
            border_locatives=frozenset(d.get("border_locatives", ())),
            border_places=frozenset(d.get("border_places", ())),
            month_names=tuple(d.get("month_names", ())),
            concessives=_phrases(d.get("concessives", ())),
            condition_openers=frozenset(d.get("condition_openers", ())),
            toll_links=frozenset(d.get("toll_links", ())),
            separate_markers=frozenset(d.get("separate_markers", ())),
            naming_verbs=frozenset(d.get("naming_verbs", ())),
            question_words=frozenset(d.get("question_words", ())),
            knowing_words=frozenset(d.get("knowing_words", ())),
            toll_attacks=frozenset(d.get("toll_attacks", ())),
            month_points=frozenset(d.get("month_points", ())),
        )
    except KeyError as exc:
        raise DataError(f"{path.name}: key {exc} is missing; see the comments in the file") from exc


class PhraseIndex:
    """Lemma sequences indexed by their first lemma, longest first."""

    def __init__(self, items: Sequence[tuple[tuple[str, ...], Any]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for seq, value in items:
            if seq:
                self._by_first.setdefault(seq[0], []).append((seq, value))
        for rows in self._by_first.values():
            rows.sort(key=lambda r: -len(r[0]))

    def at(self, lemmas: Sequence[str], i: int) -> list[tuple[int, Any]]:
        """(end, value) of every phrase matching at ``i``, longest first."""
        out = []
        for seq, value in self._by_first.get(lemmas[i], []):
            if tuple(lemmas[i:i + len(seq)]) == seq:
                out.append((i + len(seq), value))
        return out


QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})  # marks a phrase may hold
QUOTED_PHRASE_WINDOW = 8  # tokens a quoted phrase spans, its marks included


class EnglishRules:
    """Everything the English coder reads from data files."""

    def __init__(self, entries: Sequence[LexiconEntry], cues: Sequence[FactualityCue],
                 syntax: Syntax, horizons: Sequence[Horizon], units: dict[str, tuple[int, float]]) -> None:
        self.entries = tuple(entries)
        self.cues = tuple(cues)
        self.syntax = syntax
        self.horizons = tuple(horizons)
        self.units = units
        self._events = PhraseIndex([(tuple(e.pattern.casefold().split()), e) for e in entries
                                    if e.match == "lemma"])
        self._surface = [e for e in entries if e.match != "lemma"]
        self._cues = PhraseIndex([(tuple(c.pattern.casefold().split()), c) for c in cues
                                  if c.match == "lemma"])

    @classmethod
    def load(cls, folder: Path | None = None) -> EnglishRules:
        folder = folder or lexicon_dir()
        entries = read_event_entries(folder / "events.en.toml")
        cues = read_cues(folder / "factuality.en.toml")
        syntax = _read_syntax(folder / "syntax.en.toml")
        hz = read_toml(folder / "horizon.en.toml")
        try:
            horizons = [Horizon(re.compile(h["pattern"], re.IGNORECASE)) for h in hz.get("horizon", [])]
        except (KeyError, re.error) as exc:
            raise DataError(f"horizon.en.toml: a horizon pattern is missing or invalid ({exc})") from exc
        units = {str(k): (int(v[0]), float(v[1])) for k, v in hz.get("units", {}).items()}
        return cls(entries, cues, syntax, horizons, units)

    # ----------------------------------------------------------------- matching

    def triggers(self, tokens: Sequence[Token], *, any_sense: bool = False,
                 parties: frozenset[int] = frozenset()) -> list[Trigger]:
        """Entries matched on the tokens; ``any_sense`` ignores ``needs`` (after "could");
        ``parties``: the token indices inside actor mentions (``en:party-object``)."""
        lemmas = [t.lemma for t in tokens]
        words = {t.text.casefold() for t in tokens} | set(lemmas)
        out: list[Trigger] = []
        i = 0
        while i < len(tokens):
            found = [(end, e) for end, e in self._events.at(lemmas, i)
                     if not self._cuts_quantifier(lemmas, i, end)] or self._quoted_phrase(tokens, lemmas, i)
            hits = [(end, bool(e.needs), -n, e) for n, (end, e) in enumerate(found)
                    if any_sense or not e.needs or any(w in words for w in e.needs)]
            if not hits:  # en:party-object: "Israel struck Iran", no context word needed
                hits = [(end, True, -n, e) for n, (end, e) in enumerate(found)
                        if self._party_object(e, lemmas, i, end, parties)]
            if not hits:
                i += 1
                continue
            end, _, _, entry = max(hits, key=lambda h: h[:3])  # longest, then the specific one
            out.append(Trigger(i, end, entry, " ".join(t.text for t in tokens[i:end])))
            i = end
        return out

    def _quoted_phrase(self, tokens: Sequence[Token], lemmas: Sequence[str],
                       i: int) -> list[tuple[int, LexiconEntry]]:
        """A phrase with quotation marks inside it ('will pay a "heavy price"', 'a "firm
        response"'): the entries of several words matched with the marks left out."""
        stop = min(len(tokens), i + QUOTED_PHRASE_WINDOW)
        window = [k for k in range(i, stop) if tokens[k].text not in QUOTES]
        if len(window) == stop - i:
            return []  # no mark inside: the plain match already failed
        if not window or window[0] != i:
            return []  # the phrase starts on the word at i, not on a mark
        seen = [lemmas[k] for k in window]
        return [(window[end - 1] + 1, e) for end, e in self._events.at(seen, 0) if end > 1]

    def _party_object(self, e: LexiconEntry, lemmas: Sequence[str], i: int, end: int,
                      parties: frozenset[int]) -> bool:
        """en:party-object: an attack verb of many senses ("strike", "hit", "pound", "target")
        whose subject is a party named right before it and whose object, in the next
        ``PARTY_OBJECT_WINDOW`` words, is a party or a military target or place; no word of
        another sense (``party_path_blockers``: "struck a deal", "hit them with tariffs")
        follows it in the sentence."""
        syn = self.syntax
        if e.pattern not in syn.party_path_verbs or e.event != "ASSAULT":
            return False
        k = i - 1
        while k >= 0 and lemmas[k] in syn.party_path_skips:
            k -= 1
        if k < 0 or k not in parties:
            return False
        if any(w in syn.party_path_blockers for w in lemmas[end:]):
            return False
        window = range(end, min(len(lemmas), end + PARTY_OBJECT_WINDOW))
        return any(j in parties or lemmas[j] in syn.party_path_objects for j in window)

    def _cuts_quantifier(self, lemmas: Sequence[str], i: int, end: int) -> bool:
        """A phrase whose last word opens a quantifier ("fired at least two missiles": not
        "fire at"): the shorter entry is the trigger."""
        last = end - 1
        return last > i and any(tuple(lemmas[last:last + len(q)]) == q for q in self.syntax.quantifiers)

    def cue_hits(self, tokens: Sequence[Token]) -> list[CueHit]:
        lemmas = [t.lemma for t in tokens]
        out: list[CueHit] = []
        i = 0
        while i < len(tokens):
            hits = self._cues.at(lemmas, i)
            if not hits:
                i += 1
                continue
            end, cue = hits[0]
            out.append(CueHit(i, end, cue))
            i = end
        return out

    def phrase_ends(self, lemmas: Sequence[str], i: int, phrases: Sequence[tuple[str, ...]]) -> int | None:
        for seq in phrases:
            if tuple(lemmas[i:i + len(seq)]) == seq:
                return i + len(seq)
        return None


@cache
def default_rules() -> EnglishRules:
    return EnglishRules.load()
