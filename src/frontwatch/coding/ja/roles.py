"""Who did it and to whom: actor and recipient of one Japanese event word.

Only mentions in the trigger's own scope count (the same report content, or the
narration outside every report). The actor, first that applies:

1. ``join``: XがY侵攻に参加 — the subject of 参加/参戦/加わる after the event word;
   ``quote-label``: 総統府「厳しく非難」 — a statement word in a bracket written straight
   after a party (a headline's speaker);
2. ``agent``: Xによる / Xによって (not across について or a quotative と: Xによる再指定について
   「…」と非難 is someone else's statement);
   ``from-speaker``: a statement (抗議, 求め) with Xから … Yに対し before it: X;
3. ``genitive``: Xの<event word> (roles key ``genitive = "recipient"`` flips it: 〇〇の偽旗);
4. ``compound``: X<event word> when the entry says ``compound = "actor"`` (ベラルーシ参戦);
5. ``subject``: the nearest mention marked が/は/も before the event word (not for a
   passive verb, whose subject is the recipient);
6. ``origin``: パキスタン側から銃撃があり, or a launch word (``LAUNCH_WORDS``) with Xから
   before it and no subject (北朝鮮から弾道ミサイルとみられるものを発射): X.

The recipient is the nearest mention marked に対して/への/を/に or glued to the event
word (ウクライナ侵攻), else a genitive (アルメニアのシュニク地方), or for a request
the が-subject of what is asked for (中国側が…をとるよう求めた); never the actor's
own code. Two-sided fighting (``symmetric``) takes the actor and every side joined
to it with と/や as actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwatch.coding.ja.sides import LOCATED_EVENTS, against, against_speaker, located_target
from frontwatch.coding.ja.syntax import Analysis, RoleMention, noun_run_end, outside_brackets, subordinate_end
from frontwatch.coding.ja.words import words
from frontwatch.coding.lexicon import LexiconEntry
from frontwatch.records import Entity, Token

_KATAKANA_WORD = re.compile(r"^[\u30a1-\u30ff]+$")
# Events whose coordinated subjects all act (米国と英国は…を空爆, XとYは合同演習を実施).
COORDINATED_ACTORS = frozenset({"AGREE", "CONSULT", "ASSAULT", "MOBILIZE", "SANCTION", "AID", "COOPERATE"})
GENITIVE_REACH = 5  # tokens between Xの and the event word (adjectives, numbers)
COORD_GAP = 5  # tokens between coordinated sides: パピキヤン国防相とロシアのショイグ国防相
# tokens from Xに to a passive event word it is the doer of (武装集団に襲撃され: 1, …に相次いで: 2);
# farther, に names the place or the target (基地に4発のロケットが発射された)
PASSIVE_AGENT_REACH = 3
# tokens from Xから to the attack that "there was" (パキスタン側から銃撃があり: 1; パキスタンからの
# ドローンやミサイル攻撃があった: 5); 17 Xから<attack>が/を受け on 15 dev9 ja and realworld pages
ORIGIN_REACH = 6
LAUNCH_WORDS = frozenset({"発射", "打ち上げ"})  # a launch: the party it came from launched it
LAUNCH_REACH = 10  # tokens from Xから to the launch word (弾道ミサイルとみられるものを: 7)
AGENT_REACH = 12  # tokens between Xによる and the event word it names (a bracketed name counts one)


@dataclass(frozen=True)
class Roles:
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    symmetric: bool
    rule: str
    notes: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()


def passive_word(an: Analysis, end: int) -> bool:
    """攻撃を受けた / 攻撃された: the event word is told from the side it was done to."""
    return _passive(an, end)


def _passive(an: Analysis, end: int) -> bool:
    toks = an.sentence.tokens
    window = toks[end:end + 4]
    lemmas = [t.lemma for t in window]
    if "受ける" in lemmas[:3] and window and window[0].text == "を":
        return True
    return any(lem in ("れる", "られる") for lem in lemmas[:3])


def _verb_passive(an: Analysis, end: int) -> bool:
    """襲撃された / 攻撃される: the event word itself takes the passive auxiliary (not …を受けた)."""
    lemmas = [t.lemma for t in an.sentence.tokens[end:end + 3]]
    return any(lem in ("れる", "られる") for lem in lemmas)


def _reciprocal(an: Analysis, lo: int, i: int) -> bool:
    """互いに / 相互に between the sides and the event word: each side does it to the other."""
    return any(t.text in words().reciprocal for t in an.sentence.tokens[lo:i])


def _passive_agent(an: Analysis, m: RoleMention, i: int, end: int) -> bool:
    """Xに襲撃された / Xのドローン2機に攻撃された: X, or the noun phrase X opens, right before a
    passive event word with no verb between, is its doer (the reach counts from its に)."""
    toks = an.sentence.tokens
    at = m.tj
    if at + 1 < len(toks) and toks[at].text == "の" and toks[at + 1].pos in ("NOUN", "PROPN"):
        at = noun_run_end(toks, at + 1)  # ウクライナのドローン2機に: from the phrase's own particle
    return (_verb_passive(an, end) and i - at <= PASSIVE_AGENT_REACH
            and not any(t.pos == "VERB" for t in toks[m.tj:i]))


def locative(an: Analysis, m: RoleMention) -> bool:
    """南アフリカのプレトリアで / ロシアの首都で / シリアで / 在シリアの: X names where, not who
    (its noun phrase ends in a locative particle, or 在 marks it as a location)."""
    toks = an.sentence.tokens
    if m.ti > 0 and toks[m.ti - 1].text == "在":
        return True
    if m.tj < len(toks) and "".join([t.text for t in toks[m.tj:m.tj + 3]]).startswith(words().locative):
        return True
    if m.tj < len(toks) and toks[m.tj].text in words().place_nouns:  # メキシコ国境に派遣: a place
        return True
    if m.particle != "の":
        return False
    k = m.tj + 1
    while k < len(toks) and toks[k].pos in ("NOUN", "PROPN", "NUM") and not toks[k].tag.startswith("助詞"):
        k += 1
    rest = "".join([t.text for t in toks[k:k + 3]])
    return k > m.tj + 1 and rest.startswith(words().locative)


def _uniq(ms: list[RoleMention]) -> tuple[Entity, ...]:
    seen: set[str | None] = set()
    out = []
    for m in ms:
        if m.mention.entity.code not in seen:
            seen.add(m.mention.entity.code)
            out.append(m.mention.entity)
    return tuple(out)


def find_roles(an: Analysis, i: int, end: int, entry: LexiconEntry, sc: object) -> Roles:
    report = getattr(sc, "report", None)
    lo, hi = getattr(sc, "lo", 0), getattr(sc, "hi", len(an.sentence.tokens))
    elig = [m for m in an.mentions
            if lo <= m.ti and m.tj <= hi and an.report_of(m.ti) == report and not (m.ti <= i < m.tj)]
    elig = _frame_mentions(an, report) + elig
    sayer = an.sayer
    if report is None and sayer is not None and sayer.tj <= i:
        # …続けており、参謀本部によれば…撃退した: the source opens a clause of its own
        elig = [m for m in elig if m.ti >= sayer.ti]
    before = [m for m in elig if m.tj <= i]
    after = [m for m in elig if m.ti >= end]
    passive = _passive(an, end)
    actor_m, rule = _actor(an, i, end, entry, before, after, passive)
    notes: list[str] = []
    if actor_m is None and entry.symmetric and before:  # 南北の警備兵の間で銃撃戦: whoever is named
        sides = [m for m in before if m.particle in ("の", "と", "や", "、", *words().subject)
                 and not locative(an, m)] or against_speaker(before, i, sc)
        if sides:
            notes.append("two-sided: " + ", ".join(m.mention.text for m in sides) + " (named before it)")
            return Roles(_uniq(sides), (), True, "sides-named", tuple(notes),
                         tuple(r for m in sides for r in m.mention.refs))
    if actor_m is None:
        rec = _recipient([m for m in before if not locative(an, m) and not _in_condition(an, m, i)],
                         None, i, entry, passive, set())
        recs = _uniq([rec]) if rec is not None else ()
        return Roles((), recs, entry.symmetric, rule, refs=rec.mention.refs if rec else ())
    notes.append(f"actor: {actor_m.mention.text} ({actor_m.particle or 'no particle'}) by rule {rule}")
    if entry.symmetric:
        sides = coordinated(before, actor_m)
        sides += [m for m in before if m.ti > actor_m.ti and (m.particle == "と" or against(m, i))]
        actors = _uniq(sides)
        notes.append("two-sided: " + ", ".join(m.mention.text for m in sides))
        refs = tuple(r for m in sides for r in m.mention.refs)
        return Roles(actors, (), True, rule, tuple(notes), refs)
    actors_m = [actor_m]
    if rule in ("subject", "topic") and _reciprocal(an, actor_m.tj, i):
        sides = coordinated(before, actor_m)  # タイとカンボジアは互いに…と非難: each of the other
        if len({m.mention.entity.code for m in sides}) > 1:
            notes.append("two-sided: " + ", ".join(m.mention.text for m in sides) + " (互いに)")
            return Roles(_uniq(sides), (), True, rule, tuple(notes),
                         tuple(r for m in sides for r in m.mention.refs))
    if rule == "subject":
        actors_m = [m for m in coordinated(before, actor_m)
                    if m.mention.entity.code == actor_m.mention.entity.code
                    or entry.event in COORDINATED_ACTORS]
    codes = {m.mention.entity.code for m in actors_m}
    if rule in ("subject", "topic"):  # …英国のタンカーを攻撃か、米英は…を空爆: not across the actor
        before = [m for m in before if m.ti > actor_m.ti or m in actors_m]
    parties = [m for m in before  # 南アフリカのプレトリアで: where, not whom
               if not locative(an, m) and not _in_condition(an, m, i) and not _partner(an, m, i)]
    # Xに対して「…Yを…やめるよう」求めた: a party outside the quote receives the act told outside it
    level = [m for m in parties if m.depth == an.depth[i]]
    rec = _recipient(level, actor_m, i, entry, passive, codes, join=rule == "join") if level else None
    rec = rec or _recipient(parties, actor_m, i, entry, passive, codes, join=rule == "join")
    located = (None if rec or entry.event not in LOCATED_EVENTS or passive
               else located_target(an, before, i, codes))
    rec = rec or located
    if rec is not None:
        notes.append(f"recipient: {rec.mention.text} ({rec.particle})"
                     + (", where the target lies (ja.located-target)" if located else ""))
    refs = tuple(r for m in [*actors_m, *([rec] if rec else [])] for r in m.mention.refs)
    return Roles(_uniq(actors_m), _uniq([rec]) if rec else (), False, rule, tuple(notes), refs)


def _frame_mentions(an: Analysis, report: object) -> list[RoleMention]:
    """Xは「…」と報じられている / Xは「…」と国防総省も発表: when the speaker is not the
    subject before the quote, that subject is the actor of what the quote says."""
    if report is None:
        return []
    start = getattr(report, "start", 0)
    speaker = getattr(report, "speaker", None)
    if speaker is not None and speaker.ti < start:
        return []
    outer = an.report_of(start - 1) if start > 0 else None
    return [m for m in an.mentions
            if m.tj < start and an.report_of(m.ti) == outer
            and (m.particle in words().subject or m.particle in words().coord)]


def _joins(an: Analysis, end: int) -> int | None:
    """ウクライナ侵攻(作戦)に…参加: the index of the joining verb, if any."""
    toks = an.sentence.tokens
    k = end
    while k < len(toks) and toks[k].pos == "NOUN":
        k += 1
    if k >= len(toks) or toks[k].text != "に":
        return None
    for j in range(k + 1, min(k + 6, len(toks))):
        if toks[j].lemma in words().join_verbs:
            return j
    return None


def _actor(an: Analysis, i: int, end: int, entry: LexiconEntry, before: list[RoleMention],
           after: list[RoleMention], passive: bool) -> tuple[RoleMention | None, str]:
    toks = an.sentence.tokens
    join = _joins(an, end)
    if join is not None:  # 1. join
        for m in after:
            if m.ti < join and (m.particle in ("が", "は") or (m.particle == "compound" and m.tj == join)):
                return m, "join"
        for m in reversed(before):
            if m.particle in words().subject:
                return m, "join"
    label = _quote_label(an, i, before)
    if label is not None and entry.event in SAID_EVENTS:  # 総統府「厳しく非難」: the headline's speaker
        return label, "quote-label"
    for m in reversed(before):  # 2. agent, when it governs this word (IAEAによる査察の受け入れを拒否: not)
        between = outside_brackets(toks, m.tj + 1, i)
        # Xによる空爆に対する報復: X's is the 空爆 (放水砲攻撃, with no particle between: one act)
        other_act = any(m.tj < k < i and any(t.pos == "ADP" for t in toks[k + 1:i]) for k in an.triggers)
        # Xによる再指定について「…」と非難: a quotative と or について closes the noun phrase X's
        # による modifies; the speech act after it is someone else's
        joined = "".join(t.text for t in between)
        closed = ("について" in joined or "に関し" in joined
                  or any(t.text == "と" and t.pos == "ADP" for t in between))
        if (m.particle in words().agent and len(between) < AGENT_REACH and not other_act and not closed
                and not any(t.text in ("を", "が", "は", "、") for t in between)):
            return m, "agent"
    if entry.event in SAID_EVENTS:  # 船越事務次官から呉大使に対し、…抗議した: the one it comes from
        for m in before:
            if m.particle == "から" and not locative(an, m) and any(
                    toks[k].text == "に" and toks[k + 1].text in ("対し", "対して")
                    and an.depth[k] == an.depth[m.ti] for k in range(m.tj, i - 1)):
                return m, "from-speaker"
    gen_role = _role(entry, "genitive", "actor")
    comp_role = _role(entry, "compound", "recipient")
    for m in reversed(before):
        if (m.particle == "の" and i - m.tj <= GENITIVE_REACH and gen_role == "actor" and not locative(an, m)
                and not any(t.pos == "VERB" for t in toks[m.tj:i]) and not _case_between(toks, m.tj, i)):
            return m, "genitive"
        if m.particle == "compound" and m.tj == i and comp_role == "actor":
            return m, "compound"
    if entry.event == "ASSAULT" and _there_was(toks, end):  # パキスタン側から銃撃があり
        for m in reversed(before):
            if m.particle == "から" and i - m.tj <= ORIGIN_REACH:
                return m, "origin"
    if passive:
        for m in reversed(before):  # Xの船舶から攻撃を受けた: から names the doer of a passive
            if m.particle == "から" or (m.particle == "に" and _passive_agent(an, m, i, end)):
                return m, "agent"  # 警察官が武装集団に襲撃された: に names it after a passive verb
        return None, "passive-without-agent"
    if _final(an, end):  # 5a. the sentence's last predicate belongs to the nearest topic (は/も)
        for m in reversed(before):
            if m.particle in ("は", "も") or (m.particle == "、" and m.ti == 0):
                return m, "topic"
    for m in reversed(before):  # 5. subject, unless it is the subject of a relative clause
        subject = m.particle in words().subject or (m.particle == "、" and m.ti == 0)
        if subject and not _relative_subject(an, m, i):
            return m, "subject"
    if entry.event in ("ASSAULT", "MOBILIZE") and toks[i].text in LAUNCH_WORDS:
        for m in reversed(before):  # 政府は、北朝鮮から弾道ミサイルとみられるものを発射したと発表
            if m.particle == "から" and i - m.tj <= LAUNCH_REACH:
                return m, "origin"  # a launch from a party's ground with no subject: that party's
    return None, "no-actor"


def _there_was(toks: tuple[Token, ...], end: int) -> bool:
    """<attack>があり / があった: the act told as something that happened, its doer unmarked but
    for the side it came from (Xから)."""
    return end + 1 < len(toks) and toks[end].text == "が" and toks[end + 1].lemma in ("ある", "有る")


def _in_condition(an: Analysis, m: RoleMention, i: int) -> bool:
    """中国が台湾への圧力を強める場合、…措置を講じる: X sits in a condition clause that closes
    before the event word, so X is a party of the condition, not of the act."""
    between = "".join(t.text for t in an.sentence.tokens[m.tj:i])
    return any(c in between for c in words().condition_ends)


def _partner(an: Analysis, m: RoleMention, i: int) -> bool:
    """エリトリアの部隊と協調して…を攻撃: X (or the noun phrase Xの opens) joined with と to a word
    of ``partner_words`` before the event word acts with the actor; Xの支援を受けて (``backing_words``)
    backs it. Neither is the target."""
    toks = an.sentence.tokens
    k = m.tj
    while k < i and (toks[k].text == "の" or toks[k].pos in ("NOUN", "PROPN", "NUM")):
        k += 1
    if k + 1 >= i:
        return False
    if toks[k].text == "を":
        # 受けて: the actor is backed (支援を受けた部隊を攻撃: the target is the backed one)
        return (toks[k - 1].text in words().backing_words and toks[k + 1].lemma == "受ける"
                and k + 2 < i and toks[k + 2].text == "て")
    if toks[k].text != "と":
        return False
    two = toks[k + 1].text + (toks[k + 2].text if k + 2 < i else "")  # 共 + に
    return toks[k + 1].text in words().partner_words or two in words().partner_words


def _case_between(toks: tuple[Token, ...], lo: int, hi: int) -> bool:
    """ガザ地区のテントなどを空爆: a case particle closes Xの's own noun phrase before the event
    word, so X modifies the object (or the place), not the act (XのYへの攻撃: への still
    modifies the event word)."""
    k = next((j + 1 for j in range(lo - 1, hi) if toks[j].text == "の"), hi)  # ガザ地区の: past its の
    while k < hi and (toks[k].pos in ("NOUN", "PROPN", "NUM") or toks[k].text in words().list_ends or (
            toks[k].text == "、" and k + 1 < hi and toks[k + 1].pos in ("NOUN", "PROPN"))):
        k += 1  # シリアの首都、ダマスカスを空爆: an apposition after a comma goes on with the phrase
    return (k < hi and toks[k].text in words().case_particles and toks[k].pos == "ADP"
            and (k + 1 >= len(toks) or toks[k + 1].text != "の"))


# Statement events a headline's 「…」 may hold with its speaker written right before it.
SAID_EVENTS = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST", "PROTEST", "SUPPORT"})


def _quote_label(an: Analysis, i: int, before: list[RoleMention]) -> RoleMention | None:
    """総統府「厳しく非難」 / 官房長官「断じて容認できない」: a party written straight before an
    opening bracket, with no particle, says what the bracket holds."""
    toks = an.sentence.tokens
    d = an.depth[i]
    if d == 0:
        return None
    k = next((k for k in range(i - 1, -1, -1) if toks[k].text in "「『" and an.depth[k] == d), None)
    if k is None:
        return None
    return next((m for m in before if m.tj == k and m.particle == ""), None)


# Verb endings whose form also modifies a noun (連体形 = 終止形); a clause cut at し、 or て、 goes on.
_ATTRIBUTIVE_ENDS = frozenset({"する", "した", "た", "いる", "ある", "れる", "られる", "だ"})


def _relative_subject(an: Analysis, m: RoleMention, i: int) -> bool:
    """フーシ派が支配する港を空爆: Xが + verb + noun, all before the event word; or Xが…
    侵入したため、…追い払った: the subject of a subordinate clause that ends before it."""
    toks = an.sentence.tokens
    own = next((k for k in range(m.tj, i) if toks[k].text == m.particle), m.tj - 1)  # 艦艇が、: its own が
    if m.particle == "が" and subordinate_end(toks, own + 1, i):
        return True
    if m.particle == "が" and any(t.text in words().clause_nouns and t.i > m.tj + 1
                                 and toks[t.i - 1].pos in ("VERB", "AUX") for t in toks[m.tj:i]):
        return True  # Xが…を試みたため措置を講じた: X is the subject of the reason (not 保護のために)
    if m.particle == "が" and any(t.text in words().conditionals and t.pos in ("SCONJ", "ADP", "AUX")
                                 for t in toks[m.tj:i]):
        return True  # Xが…を実施すれば…を停止する: X is the subject of the condition
    k = own + 1  # past its own が (「アラカン軍(AA)」が支配する: after the bracket and gloss)
    if m.particle != "が" or k >= i:
        return False
    if toks[k].pos == "NOUN" and k + 1 < i and toks[k + 1].lemma == "する":
        k += 1  # 実業家が関与する貨物船: a verbal noun and する make the relative clause's verb
    elif toks[k].pos != "VERB" or _KATAKANA_WORD.match(toks[k].text):
        return False  # アデン湾 tagged as a verb: a katakana word is never a verb
    k += 1
    while k < i and toks[k].pos == "AUX":
        k += 1
    if k + 1 < i and toks[k].text == "、" and toks[k - 1].text in _ATTRIBUTIVE_ENDS:
        return toks[k + 1].pos in ("NOUN", "PROPN")  # 実業家が関与する、ポルトガル船籍の貨物船を
    return k < i and toks[k].pos in ("NOUN", "PROPN") and toks[k - 1].text not in ("て", "、")


def _final(an: Analysis, end: int) -> bool:
    """True when only auxiliaries and punctuation follow the event word."""
    return all(t.pos in ("AUX", "PUNCT", "SCONJ", "PART") or t.lemma in ("する", "いる", "おる")
               for t in an.sentence.tokens[end:])


def _role(entry: LexiconEntry, key: str, default: str) -> str:
    return dict(entry.roles).get(key, default) if entry.roles else default


def coordinated(before: list[RoleMention], head: RoleMention) -> list[RoleMention]:
    """The head and the mentions joined to it by と/や/、 right before it."""
    chain = [head]
    k = before.index(head) if head in before else -1
    while k > 0:
        prev = before[k - 1]
        if prev.particle in words().coord and chain[0].ti - prev.tj <= COORD_GAP:
            chain.insert(0, prev)
            k -= 1
        else:
            break
    return chain


def _recipient(before: list[RoleMention], actor: RoleMention | None, i: int, entry: LexiconEntry,
               passive: bool,
               codes: set[str | None], *, join: bool = False) -> RoleMention | None:
    gen_role = _role(entry, "genitive", "actor")
    comp_role = _role(entry, "compound", "recipient")
    strong: list[RoleMention] = []
    weak: list[RoleMention] = []
    actor_pre = actor is not None and actor.mention.entity.sector == "PRE"
    actor_reb = actor is not None and actor.mention.entity.sector == "REB"
    for m in before:
        # ソマリアの軍基地が…シャバブに襲撃された: the country whose base insurgents attacked is the state
        attacked_state = passive and actor_reb and m.particle in words().subject
        same = (m.mention.entity.code in codes and (m.mention.entity.sector == "PRE") == actor_pre
                and ((m.mention.entity.sector == "REB") == actor_reb
                     or (m.mention.entity.sector is None and not attacked_state)))
        # state forces vs insurgents of one country (a civil war) are two sides; the bare country is not
        if m is actor or same:  # Artsakh (AZE, PRE) can still be the target of Azerbaijan's army
            continue
        if join and m.particle != "compound":
            continue
        glued = m.particle == "compound" and m.tj == i and comp_role == "recipient"
        if m.particle in words().recipient or m.particle in ("に対して", "に対する") or glued or (
                passive and m.particle in words().subject):
            strong.append(m)
        elif m.particle == "との" and not join:  # ウクライナとの国境に: the other side
            weak.append(m)
        elif entry.event == "REQUEST" and m.particle == "が" and not join:  # 中国側が…をとるよう求めた
            weak.append(m)  # the subject of what is asked for is the one asked
        elif m.particle == "の" and not join:  # joining Xの侵攻: X is an ally, not the target
            (strong if gen_role == "recipient" else weak).append(m)
    for group in (strong, weak):
        if group:
            return group[-1]
    return None
