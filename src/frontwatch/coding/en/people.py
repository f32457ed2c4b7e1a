"""People of a story: "Chinese coast guard spokesperson Liu Dejun" introduces Liu as China's
side; a later "Liu said ..." or "Tarriela condemned ..." is that side (rule en:story-person).

``learn`` reads a sentence's actor mentions followed by a title noun and a capitalised name
(or a name right after a mention that ends in a title: "Israeli Prime Minister Benjamin
Netanyahu"); ``recall`` gives later sentences a mention for each learnt surname. The memory
belongs to one document.
"""

from __future__ import annotations

from collections.abc import Sequence

from frontwatch.coding.en.mentions import TokMention
from frontwatch.coding.en.rules import EnglishRules
from frontwatch.records import Entity, Token
from frontwatch.resolve.actors import ActorMention

# Words between a body's mention and a name ("coast guard spokesperson", "foreign minister").
TITLE_WORDS = 3
# Words of a personal name ("Jay Tarriela", "Najib Mikati", "Gene Spector").
NAME_WORDS = 3


def learn(tokens: Sequence[Token], mentions: Sequence[TokMention], people: dict[str, Entity],
          rules: EnglishRules) -> None:
    """Remember the surname of each person a mention introduces."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if not m.mention.entity.code:
            continue
        j = m.end
        titled = bool(m.end - m.start > 1 and tokens[m.end - 1].lemma in rules.syntax.person_titles)
        while j < len(tokens) and j - m.end < TITLE_WORDS and _title_part(tokens[j], rules):
            titled = titled or tokens[j].lemma in rules.syntax.person_titles
            j += 1
        names: list[Token] = []
        while j < len(tokens) and len(names) < NAME_WORDS and j not in taken \
                and tokens[j].text[:1].isupper() and tokens[j].text.isalpha():
            names.append(tokens[j])
            j += 1
        if titled and len(names) >= 2:  # a given name and a family name: a person, not a place
            e = m.mention.entity
            for part in {names[0].text, names[-1].text}:  # the family name leads in "Liu Dejun"
                people.setdefault(part, Entity(text=part, name=e.name, code=e.code, sector=e.sector))


def _title_part(t: Token, rules: EnglishRules) -> bool:
    """A word of a title phrase: a title noun, a comma, or a plain lower-case noun of the body
    ("coast guard spokesperson"); not an inflected verb or an article ("killed the mayor")."""
    if t.lemma in rules.syntax.person_titles or t.text == ",":
        return True
    return t.text.isalpha() and t.text.islower() and t.text == t.lemma \
        and t.lemma not in rules.syntax.determiners


def recall(text: str, tokens: Sequence[Token], offset: int, mentions: Sequence[TokMention],
           people: dict[str, Entity]) -> list[TokMention]:
    """The sentence's mentions with those of learnt people added, in text order."""
    if not people:
        return list(mentions)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    for t in tokens:
        e = people.get(t.text)
        if e is None or t.i in taken:
            continue
        start = t.idx - offset
        am = ActorMention(t.text, start, start + len(t.text), e, "person", (f"story:{t.text}",))
        extra.append(TokMention(t.i, t.i + 1, am))
    return sorted([*mentions, *extra], key=lambda m: m.start)
