"""Trigger spotting: the lexicon rows of ``events.ja.toml`` found in a parsed sentence.

A lemma row matches a token; a surface or regex row matches the text and takes the
tokens it covers (replacing a lemma match inside it). A row with ``needs`` is kept only
when one of its words is in the sentence. A regex row is not run on a sentence that has
none of the characters a match of it can begin with (``first_chars``).
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from typing import Any

from frontwatch.coding.lexicon import EventLexicon, LexiconEntry
from frontwatch.coding.stages import Trigger
from frontwatch.records import Sentence


def find_triggers(sent: Sentence, lex: EventLexicon) -> list[Trigger]:
    by_lemma = lex.by_lemma()
    out: dict[int, Trigger] = {}
    text = sent.text
    chars = frozenset(text)
    for t in sent.tokens:
        for e in by_lemma.get(t.lemma, []):
            if _needs_ok(e, text):
                out.setdefault(t.i, Trigger(t.i, t.i + 1, e, t.text))
    for e in lex.surface_entries():
        if not _needs_ok(e, text):
            continue
        if e.regex is not None:
            firsts = first_chars(e.regex)
            if firsts is not None and chars.isdisjoint(firsts):
                continue  # no match can begin anywhere in this sentence
            spans = [(m.start(), m.end()) for m in e.regex.finditer(text)]
        else:
            spans = _all(text, e.pattern)
        for a, b in spans:
            ti = _tok_at(sent, a)
            tj = _tok_at(sent, b - 1) + 1
            for k in range(ti, tj):
                out.pop(k, None)
            out[ti] = Trigger(ti, tj, e, text[a:b])
    return [out[k] for k in sorted(out)]


@cache
def first_chars(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``regex`` can begin with, read from its parse (``re._parser``);
    None when that is not a short list of literal characters (a class such as [^。], a range, an
    optional start, case folding) or the parse cannot be read."""
    if regex.flags & re.IGNORECASE:
        return None
    try:
        parser, const = importlib.import_module("re._parser"), importlib.import_module("re._constants")
        return _first(parser.parse(regex.pattern, regex.flags), const)
    except Exception:  # a private module of another Python: no shortcut, the same records
        return None


def _first(seq: Any, c: Any) -> frozenset[str] | None:
    """First characters of a parsed sequence; None when unknown or when it may match nothing."""
    for op, av in seq:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width (^, a lookahead, a lookbehind): the next item consumes the first character
        if op is c.LITERAL:
            return frozenset(chr(av))
        if op is c.IN:
            return frozenset(chr(v) for o, v in av) if all(o is c.LITERAL for o, _ in av) else None
        if op is c.BRANCH:
            alternatives = [_first(alt, c) for alt in av[1]]
            if any(a is None for a in alternatives):
                return None
            return frozenset().union(*[a for a in alternatives if a is not None])
        if op is c.SUBPATTERN:
            _group, add_flags, _del_flags, inner = av
            return None if add_flags & re.IGNORECASE else _first(inner, c)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return _first(av[2], c)
        return None
    return None  # empty: matches nothing at all, or only zero-width items


def _all(text: str, pat: str) -> list[tuple[int, int]]:
    spans, pos = [], text.find(pat)
    while pos >= 0:
        spans.append((pos, pos + len(pat)))
        pos = text.find(pat, pos + 1)
    return spans


def _tok_at(sent: Sentence, char: int) -> int:
    k = 0
    for t in sent.tokens:
        if t.idx - sent.start <= char:
            k = t.i
    return k


def _needs_ok(e: LexiconEntry, text: str) -> bool:
    return not e.needs or any(w in text for w in e.needs)
