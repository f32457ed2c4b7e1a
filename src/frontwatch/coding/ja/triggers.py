"""Trigger spotting: the lexicon rows of ``events.ja.toml`` found in a parsed sentence.

A lemma row matches a token; a surface or regex row matches the text and takes the
tokens it covers (replacing a lemma match inside it). A row with ``needs`` is kept only
when one of its words is in the sentence. Only the rows whose match can begin with a character
of the sentence are tried (``EventLexicon.surface_entries_for``).
"""

from __future__ import annotations

from frontwatch.coding.lexicon import EventLexicon, LexiconEntry
from frontwatch.coding.stages import Trigger
from frontwatch.records import Sentence


def find_triggers(sent: Sentence, lex: EventLexicon) -> list[Trigger]:
    by_lemma = lex.by_lemma()
    out: dict[int, Trigger] = {}
    text = sent.text
    for t in sent.tokens:
        for e in by_lemma.get(t.lemma, []):
            if _needs_ok(e, text):
                out.setdefault(t.i, Trigger(t.i, t.i + 1, e, t.text))
    for e in lex.surface_entries_for(text):
        if not _needs_ok(e, text):
            continue
        spans = ([(m.start(), m.end()) for m in e.regex.finditer(text)] if e.regex is not None
                 else _all(text, e.pattern))
        for a, b in spans:
            ti = _tok_at(sent, a)
            tj = _tok_at(sent, b - 1) + 1
            for k in range(ti, tj):
                out.pop(k, None)
            out[ti] = Trigger(ti, tj, e, text[a:b])
    return [out[k] for k in sorted(out)]


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
