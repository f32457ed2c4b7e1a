"""Mentions read with what the article said before them (issue 12, second round).

``read_with_earlier`` adds to the dictionary's mentions of a sentence, in this order:

0. ``owned_offices``: インドの外務省 / ロシアの外相 / 同国外務省: an office the dictionary reads as
   Japan's when unqualified (外務省, 外相) is the office of the state written before it with の
   (or of 同国's state); inside another state's quoted words (中国外務省は「…外務次官が…」と),
   that state's.
1. ``namesakes``: コンゴ政府 in an article that named the state コンゴ民主共和国 is DR Congo's
   government, "DR Congo Government" (``syntax.ja.toml`` ``namesakes``). The state's name is
   that of an earlier mention of the state itself (a country row, bare or with a suffix), else
   the dictionary's (``ActorDictionary.state_name``), never that of another party with the
   state's code (M23, COD REB, is no name for DR Congo's government).
2. ``named_people``: ``ポーランドのトゥスク首相は…`` names the state before the person; the
   article then goes on with ``トゥスク首相は…`` or ``クルティ氏は…``. A katakana name followed
   by a title (``titles``) after ``Xの`` is X's person; alone, it is the person an earlier
   sentence named with a state. A name never given a state stays unknown.
3. ``bare_parties``: 国軍 / 軍 / 政府 / 報道官 / 当局 / 警察 with no state before them (``bare_forces``,
   ``bare_government``, ``bare_police``) are the forces or government of the state named before them in the
   sentence, else of the last subject of an earlier sentence, else of the last state named,
   else, with no state before it and a word of Japan's own government in the sentence
   (``home_government``: 政府は…を閣議決定), Japan's (HOME), else of the first one named
   after them. An armed group the text does not name
   (``bare_groups``: 武装集団, 民兵組織) is an insurgent (REB) of the party written before it
   with の (ハマスの武装組織), else of the state whose ground the sentence is on (スーダン北部の…で),
   else of no one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from frontwatch.codes import code_name
from frontwatch.coding.ja.words import words
from frontwatch.coding.lexicon import alternation
from frontwatch.records import Entity, Sentence
from frontwatch.resolve.actors import COMPOSES, ActorDictionary, ActorMention

PERSON = "person"
HOME = "JPN"  # whose office an unqualified 外務省 / 外相 is in Japanese news (actors/ja.tsv)
OFFICE_KINDS = frozenset({"org", "title"})


def read_with_earlier(sent: Sentence, found: Sequence[ActorMention], previous: Sequence[ActorMention],
                      subjects: Sequence[ActorMention] = (), *,
                      actors: ActorDictionary | None = None) -> list[ActorMention]:
    """The mentions of ``sent`` (offsets relative to its text), with 1-3 of the module docstring;
    ``actors``: the dictionary the mentions come from (the states' own names for 1)."""
    ms = namesakes(owned_offices(sent.text, found), previous, actors)
    ms = sorted([*ms, *named_people(sent.text, ms, previous)], key=lambda m: m.start)
    return sorted([*ms, *bare_parties(sent, ms, [*previous, *subjects])], key=lambda m: m.start)


def _state(m: ActorMention) -> bool:
    return bool(m.entity.code) and len(m.entity.code or "") == 3 and m.entity.code not in words().not_a_state


def namesakes(found: Sequence[ActorMention], previous: Sequence[ActorMention],
              actors: ActorDictionary | None = None) -> list[ActorMention]:
    swap = dict(pair.split(":", 1) for pair in words().namesakes)
    named = {m.entity.code for m in (*previous, *found) if m.entity.code}
    states = {m.entity.code: m for m in (*previous, *found) if m.entity.code and m.kind in COMPOSES}
    out = []
    for m in found:
        long = swap.get(m.entity.code or "")
        if long is not None and long in named:
            state = states.get(long)
            other = _state_name(state, actors) if state is not None else None
            if other is None and actors is not None:
                other = actors.state_name(long, "ja")
            m = replace(m, entity=replace(m.entity, code=long, name=_renamed(m, other, actors)),
                        refs=(*m.refs, f"namesake:{long}"))
        out.append(m)
    return out


def _renamed(short: ActorMention, other: str | None, actors: ActorDictionary | None) -> str | None:
    """The name of ``short`` with its state's name made ``other``: "Congo Government" ->
    "DR Congo Government"; ``other`` itself when ``short`` is a bare name."""
    own = _state_name(short, actors)
    if own and other and short.entity.name and own in short.entity.name:
        return short.entity.name.replace(own, other, 1)
    return other or short.entity.name


def _state_name(m: ActorMention, actors: ActorDictionary | None) -> str | None:
    """The dictionary name of the state row a mention was read from (its first ref,
    ``origin:pattern``): "DR Congo" for コンゴ民主共和国軍; None when not known."""
    if actors is None or not m.refs or ":" not in m.refs[0]:
        return m.entity.name if m.entity.sector is None else None
    rows = [e for e in actors.entries_for(m.refs[0].split(":", 1)[1], "ja") if e.kind in COMPOSES]
    return rows[0].name if rows else None


def owned_offices(text: str, found: Sequence[ActorMention]) -> list[ActorMention]:
    out = []
    for m in found:
        home_office = m.kind in OFFICE_KINDS and m.entity.code == HOME
        owner = next((f for f in found if (f.end == m.start - 1 and text[f.end:m.start] == "の")
                      or (f.end == m.start and f.text in SAME_STATE)), None)  # 同国外務省
        if owner is None and home_office:
            owner = _quoting_state(text, m, found)
        if owner is not None and _state(owner) and home_office and owner.entity.code != HOME:
            name = (m.entity.name or "").replace("of Japan", "of " + code_name(owner.entity.code or ""))
            m = replace(m, entity=replace(m.entity, code=owner.entity.code, name=name),
                        refs=(*m.refs, f"owner:{owner.text}"))
        out.append(m)
    return out


# An anaphor glued to an office: 同国外務省 is the office of the state the story last named.
SAME_STATE = ("同国",)


def _quoting_state(text: str, m: ActorMention, found: Sequence[ActorMention]) -> ActorMention | None:
    """中国外務省は「孫衛東外務次官が…日本大使を呼び出した」と明らかにした: an unqualified office
    inside the quoted words of another state is that state's own."""
    opened = text.rfind("「", 0, m.start)
    if opened < 0 or "」" in text[opened:m.start]:
        return None
    speaker = next((f for f in reversed(found) if f.end <= opened and _state(f)), None)
    return speaker if speaker is not None and speaker.entity.code != HOME else None


@cache
def _pattern() -> re.Pattern[str]:
    # サンチェス(Pedro Sánchez)国防相: wire copy glosses a foreign name in Latin letters between
    # the name and its title (AFP's and Kyodo's house style)
    return re.compile(rf"([ァ-ヶー][ァ-ヶー・=]+?)(?:[(（][A-Za-z][^()（）]{{0,40}}[)）])?"
                      rf"({alternation(words().titles)})")


def named_people(text: str, found: Sequence[ActorMention],
                 previous: Sequence[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for m in _pattern().finditer(text):
        start, end, name = m.start(), m.end(), m.group(1)
        if any(f.start < end and start < f.end for f in found):
            continue  # イスラエル国防相: the dictionary's own mention
        owner = next((f for f in found if f.end == start - 1 and text[f.end:start] == "の"), None)
        if owner is not None and _state(owner):
            ent = replace(owner.entity, text=m.group(0))
        else:
            known = next((p for p in reversed(previous)
                          if p.kind == PERSON and p.text.startswith(name)), None)
            if known is None:
                continue
            ent = replace(known.entity, text=m.group(0))
        out.append(ActorMention(m.group(0), start, end, ent, PERSON, ("person:" + name,)))
    return out


def _group_source(text: str, found: Sequence[ActorMention], before: Sequence[ActorMention],
                  at: int, end: int) -> list[ActorMention]:
    """ハマスの武装組織: the party before の; スーダン北部の…で民兵組織が: the state whose ground
    (北部, 国内, …で) the sentence is on; 武装勢力がインド軍の車列を襲撃: a group that is the subject
    of a sentence naming one state only is that state's insurgent (rule ja.group-home); else none
    (イスラエル軍は武装組織の拠点を攻撃: unknown)."""
    owner = [m for m in found if m.end == at - 1 and text[m.end:at] == "の"]
    if owner:
        return owner
    w = words()
    ground = [m for m in before if text[m.end:].startswith((*w.interior, *w.locative))]
    if ground:
        return ground[-1:]
    states = {m.entity.code for m in found if _state(m)}
    subject = text[end:end + 1] in w.subject
    return [m for m in found if _state(m)][:1] if subject and len(states) == 1 else []


@cache
def _bare_starts() -> tuple[frozenset[str], frozenset[str]]:
    """Every start of a bare force or group word (政, 政府, 政府軍 …, the words themselves),
    along which a word grows token by token; and those with the government words: a token
    that is none of them cannot begin a bare party."""
    w = words()
    bare = w.bare_forces | w.bare_groups | w.bare_police
    grow = frozenset(g[:k] for g in bare for k in range(1, len(g) + 1))
    return grow, grow | w.bare_government


def bare_parties(sent: Sentence, found: Sequence[ActorMention],
                 pool: Sequence[ActorMention]) -> list[ActorMention]:
    toks = sent.tokens
    w = words()
    taken = [(f.start, f.end) for f in found]
    out: list[ActorMention] = []
    grow, heads = _bare_starts()
    for t in toks:
        if t.text not in heads:
            continue  # no bare word starts with this token
        at = t.idx - sent.start
        prev = toks[t.i - 1] if t.i > 0 else None
        if any(a <= at < b for a, b in taken) or (prev is not None and (
                prev.pos in ("NOUN", "PROPN") or prev.text == "同")):
            continue  # 反政府 / 暫定政府 / パキスタン軍 / 同軍: a compound, a named state's, an anaphor
        word, tj = t.text, t.i + 1
        while tj < len(toks) and word + toks[tj].text in grow:
            word, tj = word + toks[tj].text, tj + 1  # 政府 + 軍, 民兵 + 組織
        sector = ("MIL" if word in w.bare_forces else "GOV" if word in w.bare_government
                  else "COP" if word in w.bare_police else "REB" if word in w.bare_groups else None)
        if sector is None or (tj < len(toks) and toks[tj].pos in ("NOUN", "PROPN")):
            continue  # 政府関係者 / 軍施設: a compound that names something else
        if (sector == "COP" or word in w.police_like) and not (tj < len(toks) and toks[tj].text in w.subject):
            continue  # 日本人が当局に拘束された: the authorities are the place's, not the victims' state
        here = [m for m in found if _state(m)]
        before = [m for m in here if m.end <= at]
        if sector == "REB":
            src = _group_source(sent.text, found, before, at, at + len(word))
        else:
            src = (before or [m for m in pool if _state(m)])[-1:]
            home = sector == "GOV" and word == "政府" and any(c in sent.text for c in w.home_government)
            if home and not any(m.entity.code == HOME for m in before) and (not src or before):
                # ウクライナ情勢をめぐり、政府は7日の閣議で…制裁措置を決めました: the cabinet is Japan's,
                # whatever state the sentence names before it
                src = [ActorMention(text=word, start=at, end=at + len(word), kind="actor",
                                    entity=Entity(text=word, name="Japan", code=HOME, sector="GOV"))]
            src = src or here[:1]
        if not src:
            continue
        ent = replace(src[0].entity, text=word, sector=sector)
        out.append(replace(src[0], text=word, start=at, end=at + len(word), entity=ent, kind="actor",
                           refs=(*src[0].refs, f"bare:{word}")))
        taken.append((at, at + len(word)))
    return out
