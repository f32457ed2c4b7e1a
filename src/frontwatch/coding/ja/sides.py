"""Sides and targets a Japanese event word's roles find beyond its particles (issue 12, the census
of the unseen pages 700-857): the other side of fighting marked with との (``against``,
``against_speaker``), and the party whose ground an attacked target lies on (``located_target``).
``ja.roles`` calls them."""

from __future__ import annotations

import re

from frontwatch.coding.ja.syntax import Analysis, RoleMention

AGAINST_REACH = 4  # tokens between Xとの and a two-sided event word (と, の, 間, で: Xとの間で銃撃戦)


def against(m: RoleMention, i: int) -> bool:
    """アルメニア軍との戦闘 / 武装集団との間で銃撃戦: X marked との right before a two-sided event
    word is the other side of it (``AGAINST_REACH`` tokens: と, の, 間, で)."""
    return m.particle == "との" and i - m.tj <= AGAINST_REACH


def against_speaker(before: list[RoleMention], i: int, sc: object) -> list[RoleMention]:
    """Xは「…Yとの戦闘で兵7人が死亡した」と発表: with no side of the fighting named but Y (との),
    the report's speaker is the other side (5 uses of Xとの戦闘/衝突/交戦 in 5 jacorpus/dev docs)."""
    speaker = getattr(sc, "speaker", None)
    other = next((m for m in reversed(before) if against(m, i)), None)
    if other is None or not isinstance(speaker, RoleMention):
        return []
    same = speaker.mention.entity.code == other.mention.entity.code
    outlet = speaker.mention.entity.sector == "MED"  # a news outlet tells of fighting, it is no side
    return [] if same or outlet or not speaker.mention.entity.code else [speaker, other]


# パキスタン側にある拠点に砲撃 / ロシアのリャザニ州にある製油施設を攻撃: the party a target
# lies in (11 uses of …にある + target + を/に + attack word in 10 jacorpus/dev/realworld ja docs)
LOCATED = re.compile(r"^(?:の[^、。「」]{0,12}?)?(?:側|国内|領内)?(?:数カ所)?にある"
                     r"[^、。「」]{0,25}?(?:を|に)(?:標的に)?$")
LOCATED_EVENTS = frozenset({"ASSAULT", "COERCE"})


def located_target(an: Analysis, before: list[RoleMention], i: int,
                    codes: set[str | None]) -> RoleMention | None:
    """Xにある…を攻撃: with no other recipient, the party whose ground the attacked target lies on
    (rule ja.located-target); the phrase from X to the event word holds no comma or quote."""
    for m in reversed(before):
        if m.mention.entity.code in codes or not m.mention.entity.code:
            continue
        if LOCATED.match(an.span_text(m.tj, i)):
            return m
    return None
