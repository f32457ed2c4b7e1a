"""Reports inside a Japanese sentence: who said what (split from ``ja.syntax``).

A report is a quote or a clause followed by the quotative と and a statement verb (主張,
発表, 述べる, 明らかにする, 訴える, 警告, 報じる …), or a complement noun with one
(…する懸念を示した). Its content is what was said; its speaker is the actor marked by
は/が/も before the content, or between と and the verb (「…」と国防総省も発表). A passive
report (報じられている) has no speaker. ``RoleMention`` and ``Report`` are the records
``ja.syntax.Analysis`` is made of.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontwatch.coding.ja.words import words
from frontwatch.records import Sentence, Token
from frontwatch.resolve.actors import ActorMention

OPEN, CLOSE = "「『", "」』"
SPEECH_REACH = 12  # tokens from と to its verb: 「…」と13日朝(現地時間)に発表
STANCE_REACH = 3  # tokens from a stance noun to its verb: との考えを示した, との認識をあらためて示した


@dataclass(frozen=True, slots=True)
class RoleMention:
    """An actor mention placed in the sentence: tokens [ti, tj), the particle after it."""

    mention: ActorMention
    ti: int
    tj: int
    particle: str  # one of words().particles, "compound", or "" when none
    depth: int  # quote depth of its first token


@dataclass(frozen=True, slots=True)
class Report:
    """A statement: tokens [start, end) were said by ``speaker`` (None: not named)."""

    start: int
    end: int
    verb: int  # token index of the statement verb
    kind: str  # claim | accuse | warn | deny | passive
    speaker: RoleMention | None
    quoted: bool


def quote_depths(tokens: tuple[Token, ...]) -> tuple[list[int], list[tuple[int, int]]]:
    depth: list[int] = []
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    d = 0
    for t in tokens:
        if t.text in CLOSE and stack:
            pairs.append((stack.pop(), t.i))
            d -= 1
            depth.append(d + 1)
            continue
        depth.append(d + (1 if t.text in OPEN else 0))
        if t.text in OPEN:
            stack.append(t.i)
            d += 1
    return depth, pairs


def _speech_kind(tokens: tuple[Token, ...], i: int) -> tuple[str, int] | None:
    """If a statement verb follows the quotative と at token i, its kind and index."""
    prev = tokens[i - 1]
    quotative = prev.text in CLOSE or prev.pos in ("VERB", "AUX", "ADJ")
    w = words()
    stance = i + 2 < len(tokens) and tokens[i + 1].text == "の" and tokens[i + 2].lemma in w.stance_nouns
    if quotative and stance:
        for k in range(i + 3, min(i + 3 + STANCE_REACH, len(tokens))):  # 「…」との考えを示した
            if tokens[k].lemma in w.stance_verbs:
                return _passive_or(tokens, k, "claim"), k
    for k in range(i + 1, min(i + SPEECH_REACH, len(tokens))):
        t = tokens[k]
        kind = words().speech.get(t.lemma)
        if kind is not None and (quotative or k == i + 1):
            return _passive_or(tokens, k, kind), k
        if t.text in "。" or t.text in CLOSE or t.text in OPEN:
            break
    return None


def _adverbial_tomo(tokens: tuple[Token, ...], i: int) -> bool:
    """少なくとも / 遅くとも / 多くとも: とも after an adjective's く form makes an adverb ("at least"),
    not the quotative of a report (北朝鮮が少なくとも1発の弾道ミサイルを発射したと発表: the report is
    the whole clause, its subject 北朝鮮)."""
    prev = tokens[i - 1]
    return tokens[i].text == "とも" and prev.pos == "ADJ" and prev.text.endswith("く")


def _passive_or(tokens: tuple[Token, ...], k: int, kind: str) -> str:
    tail = [x.lemma for x in tokens[k + 1:k + 4]]
    return "passive" if any(a in words().passive_aux for a in tail) else kind




def subtree_start(tokens: tuple[Token, ...], head: int) -> int:
    """The first token index of ``head``'s dependency subtree."""
    children: dict[int, list[int]] = {}
    for t in tokens:
        if t.head != t.i:
            children.setdefault(t.head, []).append(t.i)
    low, stack, seen = head, [head], {head}
    while stack:
        k = stack.pop()
        low = min(low, k)
        for c in children.get(k, []):
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return low


def find_reports(sent: Sentence, depth: list[int], ms: list[RoleMention],
                 pairs: list[tuple[int, int]]) -> list[Report]:
    """The reports of ``sent``; ``depth`` and ``pairs``: ``quote_depths`` of its tokens."""
    toks = sent.tokens
    out: list[Report] = []
    closes = {c: o for o, c in pairs}
    lo = 0  # where the current clause starts: after the previous report's verb
    for t in toks:
        if t.i == 0:
            continue
        if out and t.i > out[-1].verb and lo <= out[-1].verb:
            lo = out[-1].verb + 1
        if t.text in ("と", "とも", "という") and not _adverbial_tomo(toks, t.i):
            sk = _speech_kind(toks, t.i)
        elif t.text == "を" and toks[t.i - 1].lemma in words().complement_nouns and t.i + 1 < len(toks):
            nxt = toks[t.i + 1]
            kind = words().speech.get(nxt.lemma)
            clause = t.i >= 2 and toks[t.i - 2].pos in ("VERB", "AUX", "ADJ")  # …する懸念を示した
            sk = (_passive_or(toks, t.i + 1, kind), t.i + 1) if kind and clause else None
        else:
            continue
        if sk is None:
            continue
        kind, verb = sk
        prev = t.i - 1
        if prev in closes:
            start, end, quoted = closes[prev] + 1, prev, True
        else:
            head = prev if t.text == "を" else toks[t.i].head
            if not 0 <= head < t.i:
                head = prev
            start, end, quoted = subtree_start(toks, head), (prev if t.text == "を" else t.i), False
            topic = _clause_after_topic(ms, depth, t.i, lo, toks)
            if t.text == "を" or topic > 0:  # Xは13日、…を空爆し、…を破壊したと発表: all of it is said
                start = topic
            if topic == 0:
                start = _after_speaker(ms, depth, start, t.i, toks)
            start = max(start, lo)  # never reaches back into the previous report
        opened = max((o for o, c in pairs if o < t.i < c), default=-1)
        # mentions inside what was said before are not this report's speaker
        free = [m for m in ms if not any(r.start <= m.ti < r.end for r in out)]
        speaker = None if kind == "passive" else _speaker(free, depth, start, t.i, verb, opened)
        if speaker is None and kind != "passive" and out and out[-1].speaker is not None and (
                out[-1].verb < start and not any(out[-1].verb < m.ti < start for m in free)):
            speaker = out[-1].speaker  # Xは「…」と述べ、…と警告した: the same speaker goes on
        if start < end:
            out.append(Report(start, end, verb, kind, speaker, quoted))
    return out


def _clause_after_topic(ms: list[RoleMention], depth: list[int], to: int, lo: int = 0,
                        toks: tuple[Token, ...] = ()) -> int:
    """After the speaker's topic (は/も): the nearest one, unless an earlier topic has no
    predicate between them (XはYの動きは…だと批判: X speaks, Y is what was said)."""
    topics = [m for m in ms if lo <= m.ti and m.tj <= to and m.depth == depth[to] and (
        m.particle in ("は", "も") or (m.particle == "、" and m.ti == 0))]
    if not topics:
        return 0
    pick = topics[-1]
    for earlier in reversed(topics[:-1]):
        if any(t.pos == "VERB" for t in toks[earlier.tj:pick.ti]):
            break
        pick = earlier
    return past_particle(toks, pick)


# Nouns a party's name may run on with before its particle (フーシ派武装勢力は, ロシア軍部隊は).
NOUN_TAIL = 4


def past_particle(toks: tuple[Token, ...], m: RoleMention) -> int:
    """The token after the particle that closes ``m``'s noun phrase: フーシ派 + 武装勢力 + は."""
    k = m.tj
    while (k < len(toks) and k - m.tj < NOUN_TAIL and toks[k].text != m.particle
           and toks[k].pos in ("NOUN", "PROPN")):
        k += 1
    return k + 1 if k < len(toks) and toks[k].text == m.particle else m.tj + 1


def _after_speaker(ms: list[RoleMention], depth: list[int], start: int, to: int,
                   toks: tuple[Token, ...]) -> int:
    """A content span that swallowed its own speaker (a parse slip) starts after it."""
    for m in ms:
        if start <= m.ti and m.tj < to and m.depth == depth[to] and m.particle in ("は", "も"):
            start = past_particle(toks, m)
    return start


def _speaker(ms: list[RoleMention], depth: list[int], start: int, to: int, verb: int,
             opened: int = -1) -> RoleMention | None:
    """Who said it: the subject between と and the verb, else the topic before the content
    inside the same quote (``opened``: the quote bracket around the report, or -1)."""
    d = depth[to]
    for m in ms:  # 「…」と国防総省も発表
        if to < m.ti < verb and m.particle in words().subject and m.depth == d:
            return m
    before = [m for m in ms if opened < m.ti and m.tj <= start and m.depth == d]
    for m in reversed(before):  # the topic (は/も) speaks; a が-subject only right before the content
        if m.particle in ("は", "も") or (m.particle == "、" and m.ti == 0):
            return m
    for m in reversed(before):  # inside a quote, 「ブリンケン長官が『…』と警告した」
        if m.particle == "が" and (start - m.tj <= 2 or opened >= 0):
            return m
    return None
