"""The doer of an attack a sentence tells without naming it (…で自爆テロがあり / 基地が攻撃され).

News tells an attack first and who did it in another sentence: the group that claimed it
(シャバブが犯行声明を出した, often the sentence after) or the side an authority found to have
done it (国軍は…RSFの犯行と断定した). ``StoryDoers.scan`` finds these claims in a document;
``claimant`` gives an ASSAULT frame with no actor of its own the claim in the same sentence or at
most ``CLAIM_REACH`` body sentences before or after (the nearest; the one after first on a tie).

Limits: only a frame outside any quote or report (depth 0) in a body sentence (never a title),
whose recipient is not the claimant; every other actor rule runs first.

Evidence (a broad unlabeled corpus of 57 Japanese news pages from 36 outlets on armed conflict,
terrorism, sanctions and maritime pressure, kept outside the repository): of the 38 ASSAULT
frames the coder dropped for want of an actor, 18 had their doer named in a nearby sentence
(1-2 sentences away), 9 named it in the same sentence in a form the parser missed, 11 had none
(a plan, a quote, a general reference). Of the 18, 6 name it by a claim or a finding (犯行声明 in
4 pages of 4 outlets, 断定 in 1); the other 12 only as the story's earlier attacker. Carrying the
earlier attacker was tried and dropped: on the development sets it made 3 false records
(newgold 604, 607, realworld 316: the same attack retold, a retaliation's target) and no true one.
The claim carry adds 1 required record there (realworld 307, 国軍は…RSFの犯行と断定) and no false one.

Farther than ``CLAIM_REACH``, a story whose claims all name one party gives that party to its
attacks with no doer named (rule ja.sole-claimant), except air strikes, which no group claims
(トルコ軍によると、空爆は…実施された is not the PKK's). Claims are made in 11 of the jacorpus,
ja dev and realworld ja docs (15 sentences); on the dev sets this adds owngold 408 (the lead's
自爆テロ, its claim four sentences on; required) and joins 855's lead with its claimant, with no
false record; realworld, seeds and the jacorpus records are unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontwatch.records import Entity, Sentence
from frontwatch.resolve.actors import ActorDictionary

# The claim of an attack: 犯行声明を出した / 犯行を認めた (its subject: the party before が/は/も)
# and a finding: Xの犯行と断定 / Xによる攻撃と断定 (the party right before の/による).
CLAIM = re.compile(r"犯行(?:声明を(?:出|発表|公表)|を認め)")
FINDING = re.compile(r"(?:の|による)(?:犯行|攻撃|テロ)(?:だ|である)?と(?:断定|断じ)")
SUBJECT = ("が", "は", "も")
GLOSS = re.compile(r"^[」』]?(?:[(（][^)）]{1,20}[)）])?")  # 「イスラム国」(IS)は: past the quote and gloss
CLOSERS = ("", ")", "）", "」", "』")  # 即応支援部隊（RSF）の犯行: what may stand between a party and の
CLAIM_REACH = 2  # a claim told up to 2 sentences before or after the attack (the corpus: 1-2)
RULE_CLAIM = "ja.claimed-doer"


@dataclass
class StoryDoers:
    """The claimants of a document's attacks by sentence number."""

    claims: dict[int, tuple[Entity, str]] = field(default_factory=dict)
    states: set[str] = field(default_factory=set)  # every party code the document's body names

    @classmethod
    def scan(cls, sentences: list[Sentence], actors: ActorDictionary, year: int | None) -> StoryDoers:
        out = cls()
        for at, sent in enumerate(sentences):
            found = _claimant(sent.text, actors, year) if sent.section == "body" else None
            if found is not None:
                out.claims[at] = found
            if sent.section == "body":
                named = actors.find(sent.text, "ja", year=year)
                out.states |= {x.entity.code for x in named if x.entity.code}
        return out

    def claimant(self, at: int, *, sole: bool = True) -> tuple[Entity, str] | None:
        """The claim nearest sentence ``at`` within ``CLAIM_REACH`` (the same sentence first, then
        the one after, then the one before); farther, with ``sole``, the claim of a story whose
        claims all name one party (rule ja.sole-claimant: the story's attack told in the lead,
        the claim five paragraphs later)."""
        for k in sorted(range(at - CLAIM_REACH, at + CLAIM_REACH + 1), key=lambda k: (abs(k - at), -k)):
            if k in self.claims:
                return self.claims[k]
        parties = {e.code for e, _ in self.claims.values()}
        return next(iter(self.claims.values())) if sole and len(parties) == 1 else None


def _claimant(text: str, actors: ActorDictionary, year: int | None) -> tuple[Entity, str] | None:
    """The party that claimed an attack, or was found to have done it, in this sentence."""
    m = CLAIM.search(text)
    f = FINDING.search(text)
    if m is None and f is None:
        return None
    mentions = actors.find(text, "ja", year=year)
    if f is not None:  # Xによる攻撃と断定: the mention that ends right before の/による
        near = [x for x in mentions if text[x.end:f.start()] in CLOSERS]
        if near:
            return near[-1].entity, near[-1].text
    if m is None:
        return None
    subjects = [x for x in mentions if x.end <= m.start() and _marked(text, x.end)]
    return (subjects[-1].entity, subjects[-1].text) if subjects else None


def _marked(text: str, end: int) -> bool:
    """The party ending at ``end`` is a subject: が/は/も follows, past a 」 or a (IS) gloss."""
    rest = GLOSS.sub("", text[end:])
    return rest[:1] in SUBJECT


__all__ = ["CLAIM", "CLAIM_REACH", "FINDING", "RULE_CLAIM", "StoryDoers"]
