"""People named with a title whose state the article gave once (issue 12, second round).

``ポーランドのトゥスク首相は…`` names the state before the person; the article then goes on
with ``トゥスク首相は…`` or ``クルティ氏は…``. ``named_people`` finds a katakana name followed by
a title (``syntax.ja.toml`` ``titles``): after ``Xの`` it is a mention of X's person; alone,
it is the person an earlier sentence named with a state (kept in the coder's memory of
mentions, ``previous``). A name never given a state stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from frontwatch.coding.ja.words import words
from frontwatch.resolve.actors import ActorMention

PERSON = "person"
NOT_A_STATE = frozenset({"IGO", "UNO", "EUR", "NGO"})


@cache
def _pattern() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in sorted(words().titles, key=len, reverse=True))
    return re.compile(rf"([ァ-ヶー][ァ-ヶー・=]+?)({titles})")


def named_people(text: str, found: Sequence[ActorMention],
                 previous: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions of titled people in ``text`` (offsets relative to it) not among ``found``."""
    out: list[ActorMention] = []
    for m in _pattern().finditer(text):
        start, end, name = m.start(), m.end(), m.group(1)
        if any(f.start < end and start < f.end for f in found):
            continue  # イスラエル国防相: the dictionary's own mention
        owner = next((f for f in found if f.end == start - 1 and text[f.end:start] == "の"), None)
        if owner is not None and owner.entity.code and owner.entity.code not in NOT_A_STATE:
            ent = replace(owner.entity, text=m.group(0))
        else:
            known = next((p for p in reversed(previous)
                          if p.kind == PERSON and p.text.startswith(name)), None)
            if known is None:
                continue
            ent = replace(known.entity, text=m.group(0))
        out.append(ActorMention(m.group(0), start, end, ent, PERSON, ("person:" + name,)))
    return out
