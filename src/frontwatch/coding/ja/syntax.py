"""Japanese sentence structure the coder reads: quotes, reports, actor roles.

Works on ``records.Sentence`` tokens only (no spaCy objects), so unit tests build
sentences by hand. Three things are read:

1. Quotes: 「…」 and 『…』 token ranges, nested.
2. Reports (``ja.reports``): a quote or a clause followed by the quotative と and a
   statement verb; the speaker is the actor marked by は/が/も before the content.
   ``Xによると`` names one for the whole sentence.
3. Actor mentions with the particle that follows their bunsetsu: が/は/も (subject),
   による (agent), の (genitive), に対して/への/を/に (recipient), と/や (coordination),
   ``compound`` (the mention is glued to the next noun: ウクライナ侵攻).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from frontwatch.coding.ja.earlier import read_with_earlier
from frontwatch.coding.ja.reports import OPEN, Report, RoleMention, find_reports, quote_depths
from frontwatch.coding.ja.words import words
from frontwatch.records import Sentence, Token
from frontwatch.resolve.actors import ActorDictionary, ActorMention

__all__ = ["Analysis", "Report", "RoleMention", "analyse", "noun_run_end", "outside_brackets", "quote_depths"]


@dataclass(frozen=True)
class Analysis:
    sentence: Sentence
    mentions: tuple[RoleMention, ...]
    reports: tuple[Report, ...]
    depth: tuple[int, ...]  # quote depth of each token
    sayer: RoleMention | None  # "Xによると": the source of the whole sentence
    earlier: tuple[ActorMention, ...] = ()  # parties named in the document's sentences before it
    triggers: frozenset[int] = frozenset()  # token indices where an event word starts

    def rel(self, i: int) -> int:
        """Character offset of token i in the sentence text."""
        toks = self.sentence.tokens
        return toks[i].idx - self.sentence.start if i < len(toks) else len(self.sentence.text)

    def span_text(self, a: int, b: int) -> str:
        return self.sentence.text[self.rel(a):self.rel(b)]

    def report_of(self, i: int) -> Report | None:
        """The innermost report whose content holds token i."""
        best: Report | None = None
        for r in self.reports:
            if r.start <= i < r.end and (best is None or r.end - r.start < best.end - best.start):
                best = r
        return best


NAME_OPEN = ("「", "『")  # brackets the press puts around an organisation's or a ship's name
NAME_CLOSE = ("」", "』")


def _particle(tokens: tuple[Token, ...], j: int, triggers: frozenset[int]) -> str:
    """The particle after a mention ending before token j (nouns and titles skipped)."""
    k = j
    while k < len(tokens):
        t = tokens[k]
        if _closes_around(tokens, j, k):
            k += 1  # 準軍事組織「迅速支援部隊(RSF)」が: the bracketed name's phrase goes on after it
            continue
        named = t.text in OPEN and (k > j or (j > 0 and tokens[j - 1].text in ("と", "や")))  # 「A」と「B」が
        if t.text in "(（" or named:  # 条約機構(CSTO), 巡視船「てるづき」が
            close = _close_of(tokens, k)
            if close is None:
                break
            k = close + 1
            continue
        if k in triggers:
            return "compound" if k == j else "の"
        if (t.text == "と" and k + 2 < len(tokens) and tokens[k + 1].lemma in ("みる", "見る")
                and tokens[k + 2].lemma in words().passive_aux):
            k += 3  # ロシア機とみられるヘリコプターが: the hedged name heads the noun phrase
            continue
        if (t.pos in ("NOUN", "PROPN", "NUM") and not t.tag.startswith("助詞")) or t.text in words().titles:
            k += 1
            continue
        if t.text in words().name_dots and k + 1 < len(tokens) and tokens[k + 1].pos in ("NOUN", "PROPN"):
            k += 1  # アブドル・マリク: the dot inside a foreign name
            continue
        break
    if k >= len(tokens):
        return ""
    rest = "".join([t.text for t in tokens[k:k + 3]])
    first = _particle_pattern().match(rest)  # the first of words().particles that rest starts with
    if first is None:
        return ""
    p = first.group()
    if p in ("と", "や") and k > j and k + 1 < len(tokens) and tokens[k + 1].pos in ("NOUN", "NUM"):
        # 中国軍機49機と艦艇19隻が: the mention heads a noun phrase coordinated with
        # plain nouns; the coordination's own particle decides
        after = _coordination_end(tokens, k + 1)
        subj = after < len(tokens) and tokens[after].text in words().subject
        # ウクライナ空軍基地や部品製造施設を攻撃: the list's object marker is the target's
        # (や only: XとY会談を行う is "with", not a list)
        obj = p == "や" and after < len(tokens) and tokens[after].text == "を" and k > j
        if (subj or obj) and tokens[k + 1].pos != "PROPN":
            return tokens[after].text
    if p == "の":  # X の N に対して: the noun phrase's own particle decides
        said = "".join(t.text for t in tokens[k + 1:k + 5])  # 情報 と し て
        if said.startswith(words().source_nouns):
            return "によると"  # Xの説明では: X is the source
        inner = _particle(tokens, k + 1, triggers) if k + 1 < len(tokens) else ""
        while k + 1 < len(tokens):  # Xの航空機と艦艇が / Xの軍用機3機、軍艦8隻が
            nxt = _after_noun_run(tokens, k + 1)
            if not (inner in ("と", "や") or (inner == "、" and _listed_after(tokens, nxt))):
                break
            k = nxt
            inner = _particle(tokens, k + 1, triggers) if k + 1 < len(tokens) else ""
        if inner in ("compound",):
            return "の"
        if inner in ("によると", "によれば"):
            return "によると"  # Xのマスコミの情報によれば: X owns the source of the sentence
        w = words()
        if inner in (*w.recipient, *w.subject, *w.agent, "に対して", "に対する", "から"):
            return inner if inner not in ("compound",) else "の"
    return p






@cache
def _particle_pattern() -> re.Pattern[str]:
    """``words().particles`` in their order (longest first): a match is the first that fits."""
    return re.compile("|".join(re.escape(p) for p in words().particles))


def _listed_after(tokens: tuple[Token, ...], comma: int) -> bool:
    """A comma that lists another noun phrase (軍用機3機、軍艦8隻、公船1隻が): a noun follows it and
    the list ends in a particle before any verb."""
    if comma + 1 >= len(tokens) or tokens[comma].text != "、" or tokens[comma + 1].pos not in ("NOUN", "NUM"):
        return False
    end = _after_noun_run(tokens, comma + 1)
    while end + 1 < len(tokens) and tokens[end].text == "の" and tokens[end + 1].pos in ("NOUN", "PROPN"):
        end = _after_noun_run(tokens, end + 1)  # 、海警局の船4隻が
    return end < len(tokens) and tokens[end].text in ("、", "が", "は", "も", "と", "や", "を")


def progressive_after(tokens: Sequence[Token], k: int) -> bool:
    """Is the token after ``k`` (a て) the progressive's auxiliary (していない, しており)?"""
    return k + 1 < len(tokens) and tokens[k + 1].lemma in words().progressive


def outside_brackets(tokens: Sequence[Token], a: int, b: int) -> list[Token]:
    """Tokens [a, b) with each bracketed group (「ATACMS」, (こう・らい)) kept as its opening
    mark only: a name or a reading in brackets is one unit when distances are counted."""
    out: list[Token] = []
    depth = 0
    for t in tokens[a:b]:
        if t.text in "「『(（":
            if depth == 0:
                out.append(t)
            depth += 1
        elif t.text in "」』)）" and depth:
            depth -= 1
        elif depth == 0:
            out.append(t)
    return out


def _coordination_end(tokens: tuple[Token, ...], k: int) -> int:
    """The index of the particle after the noun phrases listed from k on: each phrase a noun
    run, possibly Nの N (長距離ドローンの部品製造施設), the phrases joined by や, と or a comma."""
    end = _after_noun_run(tokens, k)
    while end + 1 < len(tokens) and tokens[end].text in ("の", "や", "と", "、") \
            and tokens[end + 1].pos in ("NOUN", "NUM"):
        end = _after_noun_run(tokens, end + 1)
    return end


def _after_noun_run(tokens: tuple[Token, ...], k: int) -> int:
    """The index of the particle that ends the noun run starting at k (a name in brackets,
    「マラパスクア」 or (CSTO), is part of the run)."""
    while k < len(tokens):
        if tokens[k].text in "(（「『":
            close = _close_of(tokens, k)
            if close is None:
                break
            k = close + 1
            continue
        if not (tokens[k].pos in ("NOUN", "PROPN", "NUM") or tokens[k].text in words().titles
                or (tokens[k].text in words().name_dots and k + 1 < len(tokens)
                    and tokens[k + 1].pos in ("NOUN", "PROPN"))):
            break
        k += 1
    return k


def noun_run_end(tokens: tuple[Token, ...], k: int) -> int:
    """The index of the particle that ends the noun phrase starting at token k."""
    return _after_noun_run(tokens, k)


def _closes_around(tokens: Sequence[Token], j: int, k: int) -> bool:
    """Token k closes a bracket opened before the mention that ends at token j, with only other
    closing brackets between, and the last of them closes a name (「ハマス」が, 「迅速支援部隊(RSF)」が;
    not a gloss alone: 運搬船(リベリア船籍)の is the ship's, ハマス(イスラム組織)は is ハマス's)."""
    if tokens[k].text not in ")）」』" or any(t.text not in ")）」』" for t in tokens[j:k]):
        return False
    last = k
    while last + 1 < len(tokens) and tokens[last + 1].text in ")）」』":
        last += 1
    if tokens[last].text not in NAME_CLOSE:
        return False
    opener = {")": "(（", "）": "(（", "」": "「", "』": "『"}[tokens[k].text]
    depth = k - j  # closing brackets already passed, each of which opened before too
    for n in range(j - 1, -1, -1):
        if tokens[n].text in ")）」』":
            depth += 1
        elif tokens[n].text in "(（「『":
            if depth == 0:
                return tokens[n].text in opener
            depth -= 1
    return False


def _close_of(tokens: Sequence[Token], k: int) -> int | None:
    """The bracket closing the one opened at token k (None when it never closes)."""
    pairs = {"(": ")）", "（": ")）", "「": "」", "『": "』"}
    close = pairs.get(tokens[k].text, "")
    return next((n for n in range(k + 1, len(tokens)) if tokens[n].text in close), None)


def _token_ranges(sent: Sentence) -> Callable[[int, int], tuple[int, int]]:
    """For spans of characters [start, end) of ``sent``: the tokens [ti, tj) they touch (0 for an
    end with none). The token offsets are read once and searched by bisection: tokens stand in
    text order, so the first token ending after ``start`` and the last beginning before ``end``
    are found in the sorted offsets."""
    starts = [t.idx - sent.start for t in sent.tokens]
    ends = [a + len(t.text) for a, t in zip(starts, sent.tokens, strict=True)]

    def token_range(start: int, end: int) -> tuple[int, int]:
        ti = bisect_right(ends, start)
        return (ti if ti < len(ends) else 0), bisect_left(starts, end)

    return token_range


def _named(tokens: tuple[Token, ...], depth: Sequence[int], m: RoleMention,
           triggers: frozenset[int]) -> RoleMention:
    """準軍事組織「即応支援部隊」(RSF)が / 武装勢力「アラカン軍(AA)」が: brackets that hold nothing but
    the name (and its gloss) mark a name, not a quote: the mention keeps the depth outside them and
    takes the particle after the closing bracket (rule ja.named-in-brackets)."""
    ti, tj = m.ti, m.tj
    if tj < len(tokens) and tokens[tj].text in "(（":
        close = _close_of(tokens, tj)
        tj = close + 1 if close is not None else tj
    if ti == 0 or tj >= len(tokens) or tokens[ti - 1].text not in NAME_OPEN \
            or tokens[tj].text not in NAME_CLOSE:
        return m
    return RoleMention(m.mention, m.ti, m.tj, _particle(tokens, tj + 1, triggers), depth[ti - 1])


def analyse(sent: Sentence, actors: ActorDictionary, triggers: frozenset[int], year: int | None,
            previous: Sequence[ActorMention] = (), subjects: Sequence[ActorMention] = ()) -> Analysis:
    """Quotes, reports and actor roles of one sentence; ``previous``: mentions of earlier sentences,
    ``subjects``: those of them that were a sentence's subject or topic (が/は/も)."""
    depth, pairs = quote_depths(sent.tokens)
    found = parties_only(sent.text, actors.find(sent.text, "ja", year=year))
    found = read_with_earlier(sent, found, previous, subjects, actors=actors)
    mentions: list[RoleMention] = []
    token_range = _token_ranges(sent)
    for m in found:
        ti, tj = token_range(m.start, m.end)
        if tj <= ti or sent.text[m.end:m.end + 1] in words().made_in or _sea_name(sent.text, m.end):
            continue
        if sent.text.startswith(words().affiliation_marks, m.end):
            continue  # アルカイダ系の過激派「シャバブ」: an affiliation describing the group, no party
        plain = RoleMention(m, ti, tj, _particle(sent.tokens, tj, triggers), depth[ti])
        mentions.append(_named(sent.tokens, depth, plain, triggers))
    mentions = _with_anaphora(sent, _fold_genitives(sent, mentions), triggers, depth, previous)
    reports = find_reports(sent, depth, mentions, pairs)
    sayer = next((m for m in mentions if m.particle in ("によると", "によれば")), None)
    return Analysis(sent, tuple(mentions), tuple(reports), tuple(depth), sayer, tuple(previous), triggers)


@cache
def _credit() -> re.Pattern[str]:
    agencies = "|".join(re.escape(w) for w in words().wire_credits)
    return re.compile(rf"[【〔\[［（(][^】〕\]］）)「」『』。]{{0,30}}?(?:{agencies})[】〕\]］）)]")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the wire credits in ``text`` (【ナイロビ共同】, [カイロ 5日 ロイター],
    （台北中央社）): the bureau's city, where the story was filed (``wire_credits``)."""
    return [m.span() for m in _credit().finditer(text)]


def without_credits(text: str) -> str:
    """``text`` with each wire credit blanked out (offsets kept): its city is no place of the act."""
    for a, b in credit_spans(text):
        text = text[:a] + "\u3000" * (b - a) + text[b:]
    return text


def parties_only(text: str, found: Sequence[ActorMention]) -> list[ActorMention]:
    """The mentions that may be parties (rule ja.not-a-party): not a wire credit's city
    (【ナイロビ共同】), not a country named only to say where a place lies (ベネズエラと国境を
    接する県, ``neighbour_tails``)."""
    credits = credit_spans(text)
    tails = words().neighbour_tails
    return [m for m in found if not any(a <= m.start and m.end <= b for a, b in credits)
            and not text.startswith(tails, m.end)]


def _sea_name(text: str, end: int) -> bool:
    """日本海 / フィリピン海: a sea named after a country is a place, not that country."""
    # ベトナム海上警察 / 海上自衛隊 name forces; 日本海上空 is the sea's airspace
    forces = ("海上自衛", "海上保安", "海上警", "海上部隊", "海上民兵", "海上幕僚")
    return (text[end:end + 1] == "海" and text[end:end + 2] not in ("海軍", "海警", "海兵", "海峡")
            and not text.startswith(forces, end))


def _fold_genitives(sent: Sentence, ms: list[RoleMention]) -> list[RoleMention]:
    """アルメニアのパピキヤン国防相: the country folds into the person after it;
    集団安全保障条約機構(CSTO): the bracketed short form folds into the long one."""
    toks = sent.tokens
    out: list[RoleMention] = []
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if (nxt is not None and m.tj < len(toks) and toks[m.tj].text == "の" and nxt.ti == m.tj + 1
                and nxt.mention.entity.code == m.mention.entity.code):
            continue
        prev = out[-1] if out else None
        if (prev is not None and prev.tj < len(toks) and toks[prev.tj].text in "(（" and m.ti == prev.tj + 1
                and m.mention.entity.code == prev.mention.entity.code):
            continue
        out.append(m)
    return out




_ANAPHORA_MARKS = ("同", "両国", "双方")  # what each word _with_anaphora reads is written with


def _with_anaphora(sent: Sentence, ms: list[RoleMention], triggers: frozenset[int], depth: list[int],
                   previous: Sequence[ActorMention] = ()) -> list[RoleMention]:
    """同国 / 同省 / 同軍 name the last country / ministry / army mentioned before them (``depth``:
    ``quote_depths`` of the sentence's tokens)."""
    out = list(ms)
    toks = sent.tokens
    if not any(w in sent.text for w in _ANAPHORA_MARKS):
        toks = ()  # no word below can start with 同: nothing to read
    for t in toks:
        word, tj = t.text, t.i + 1
        if word == "同" and t.i + 1 < len(toks):
            word, tj = "同" + toks[t.i + 1].text, t.i + 2
        if word in ("両国", "双方"):  # both sides: the last country named stands for the pair
            word = "同国"
        if not word.startswith("同") or word[1:] not in words().anaphora or word == "同州":
            continue
        kind = word[1:]
        prior = [m.mention for m in ms if m.tj <= t.i]
        pool = [*previous, *prior]
        pair = _pair_here(prior) if t.text in ("両国",) else []
        if pair:  # 日本は…フィリピンへの支持を表明し、両国は…協議する: both parties named before it
            for n, side in enumerate(pair):
                mention = replace(side, text=t.text, entity=replace(side.entity, text=t.text),
                                  refs=(*side.refs, f"anaphora:{t.text}"))
                part = "と" if n == 0 else _particle(toks, tj, triggers)
                out.append(RoleMention(mention, t.i, tj, part, depth[t.i]))
            continue
        if t.text in ("両国", "双方"):  # the pair named before, not this sentence's own subject
            here = {m.entity.code for m in prior}
            pool = [m for m in previous if m.entity.code not in here]
        src = next((m for m in reversed(pool) if (m.kind == "country" and m.text == m.entity.text
                                                   if kind == "国" else m.text.endswith(kind))), None)
        if src is None:
            continue
        ent = replace(src.entity, text=word)
        mention = replace(src, text=word, entity=ent, refs=(*src.refs, f"anaphora:{word}"))
        out.append(RoleMention(mention, t.i, tj, _particle(toks, tj, triggers), depth[t.i]))
    out.sort(key=lambda m: m.ti)
    return out


def _pair_here(prior: list[ActorMention]) -> list[ActorMention]:
    """The last two countries named earlier in the same sentence, in text order."""
    picked: list[ActorMention] = []
    for m in reversed(prior):
        if m.entity.code and len(m.entity.code) == 3 and m.entity.code not in {p.entity.code for p in picked}:
            picked.insert(0, m)
        if len(picked) == 2:
            return picked
    return []


def subordinate_end(toks: Sequence[Token], lo: int, hi: int) -> bool:
    """A subordinate clause ends in tokens [lo, hi) (``subordinate_ends``: ため、 ので、 場合、 …); a
    から、 only after a verb, an auxiliary or an adjective (侵入したから、: because), not after a
    noun (午前10時15分ごろ(日本時間同)から、 / 咸興から、: from a time or a place)."""
    between = "".join(t.text for t in toks[lo:hi])
    if any(b in between for b in words().subordinate_ends if b != "から、"):
        return True
    return "から、" in between and any(
        t.text == "から" and k + 1 < hi and toks[k + 1].text == "、" and k > 0
        and toks[k - 1].pos in ("VERB", "AUX", "ADJ") for k, t in enumerate(toks[lo:hi], lo))
