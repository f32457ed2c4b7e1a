"""The Japanese function words and word lists, read from ``data/lexicon/syntax.ja.toml``.

``words()`` loads the file once, on first use (nothing is read at import). Lists the code
reads in order (particles, longest first) are tuples; the rest are sets. ``speech`` maps a
statement verb to the kind of report it makes (claim, accuse, warn, deny).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from frontwatch.coding.lexicon import read_lexicon_toml
from frontwatch.errors import DataError

SPEECH_KINDS = frozenset({"claim", "accuse", "warn", "deny"})


@dataclass(frozen=True)
class JaWords:
    made_in: frozenset[str]
    affiliation_marks: tuple[str, ...]
    passive_aux: frozenset[str]
    subject: frozenset[str]
    agent: tuple[str, ...]
    recipient: tuple[str, ...]
    case_particles: frozenset[str]
    list_ends: frozenset[str]
    particles: tuple[str, ...]
    titles: frozenset[str]
    source_nouns: tuple[str, ...]
    neighbour_tails: tuple[str, ...]
    wire_credits: tuple[str, ...]
    name_dots: frozenset[str]
    anaphora: tuple[str, ...]
    bare_forces: frozenset[str]
    bare_government: frozenset[str]
    bare_police: frozenset[str]
    police_like: frozenset[str]
    bare_groups: frozenset[str]
    criminal_groups: frozenset[str]
    group_heads: tuple[str, ...]
    unnamed_doer_acts: frozenset[str]
    unnamed_doer_compounds: frozenset[str]
    standing_reactions: frozenset[str]
    course_endings: tuple[str, ...]
    cause_verbs: frozenset[str]
    not_a_state: frozenset[str]
    casualty_words: frozenset[str]
    reciprocal: frozenset[str]
    partner_words: frozenset[str]
    backing_words: frozenset[str]
    namesakes: tuple[str, ...]
    locality_ends: frozenset[str]
    complement_nouns: frozenset[str]
    aspect: frozenset[str]
    request_verbs: frozenset[str]
    content_of: frozenset[str]
    negation: frozenset[str]
    not_the_act: frozenset[str]
    reference_tails: tuple[str, ...]
    join_verbs: frozenset[str]
    hedge_nouns: frozenset[str]
    answering_posture: frozenset[str]
    home_government: frozenset[str]
    light_verbs: frozenset[str]
    act_heads: frozenset[str]
    keep_heads: frozenset[str]
    statement_nouns: frozenset[str]
    described: frozenset[str]
    retaliation_words: frozenset[str]
    reason_markers: frozenset[str]
    clause_nouns: frozenset[str]
    hearsay: tuple[str, ...]
    same_day: tuple[str, ...]
    summon_verbs: frozenset[str]
    subordinate_ends: tuple[str, ...]
    condition_ends: tuple[str, ...]
    conditionals: frozenset[str]
    coord: frozenset[str]
    verb_endings: frozenset[str]
    first_person: tuple[str, ...]
    defensive: frozenset[str]
    return_fire: frozenset[str]
    projectiles: tuple[str, ...]
    stance_nouns: frozenset[str]
    stance_verbs: frozenset[str]
    any_words: frozenset[str]
    tally_words: tuple[str, ...]
    open_questions: tuple[str, ...]
    back_determiners: tuple[str, ...]
    locative: tuple[str, ...]
    place_nouns: frozenset[str]
    progressive: frozenset[str]
    around: tuple[str, ...]
    interior: tuple[str, ...]
    speech: dict[str, str]


def _strings(data: dict[str, Any], key: str) -> list[str]:
    val = data.get(key)
    if not isinstance(val, list) or not all(isinstance(v, str) and v for v in val):
        raise DataError(f"syntax.ja.toml: {key} must be a list of words")
    return list(val)


def parse_words(data: dict[str, Any]) -> JaWords:
    """The word lists of a parsed ``syntax.ja.toml``; DataError names a missing or bad list."""
    speech_rows = data.get("speech")
    if not isinstance(speech_rows, dict) or set(speech_rows) - SPEECH_KINDS:
        raise DataError(f"syntax.ja.toml: [speech] must map {sorted(SPEECH_KINDS)} to lists of verbs")
    speech = {w: kind for kind in speech_rows for w in _strings(speech_rows, kind)}
    values: dict[str, Any] = {"speech": speech}
    for f in fields(JaWords):
        if f.name == "speech":
            continue
        got = _strings(data, f.name)
        values[f.name] = tuple(got) if str(f.type).startswith("tuple") else frozenset(got)
    return JaWords(**values)


@cache
def words() -> JaWords:
    return parse_words(read_lexicon_toml("syntax.ja.toml"))


def word_set(name: str) -> frozenset[str]:
    """One list as a set (for membership tests)."""
    return frozenset(getattr(words(), name))
