"""Per-trigger resolution for the Japanese coder: scope, suppression, factuality, date, places.

The scope of an event word is the content of the innermost report that holds it
(``「…」と主張``), or the whole sentence when it is the author's narration. Cues,
dates, casualties, weapons and places are read from that scope only, so the speaker's
words and the author's framing do not leak into each other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.coding.context import CodingContext
from frontwatch.coding.dating import REPORT_DAY
from frontwatch.coding.ja.syntax import Analysis, Report, RoleMention, progressive_after, without_credits
from frontwatch.coding.ja.words import words
from frontwatch.coding.lexicon import EventLexicon, LexiconEntry
from frontwatch.records import DatePrecision, Entity, Place, Token
from frontwatch.resolve.dates import DateMention, dateline_end, find_dates, vague_time
from frontwatch.resolve.factuality import Horizon, find_horizon, hedge

RELATIVE_REACH = 10  # a relative clause's verb and the noun it describes are adjacent (+ aux)
HEDGE_KINDS = frozenset({"possible", "future", "denied"})


@dataclass(frozen=True)
class Scope:
    lo: int
    hi: int
    report: Report | None
    speaker: RoleMention | None
    text: str


def scope_of(an: Analysis, i: int) -> Scope:
    rep = an.report_of(i)
    if rep is not None:
        return Scope(rep.start, rep.end, rep, rep.speaker, an.span_text(rep.start, rep.end))
    n = len(an.sentence.tokens)
    return Scope(0, n, None, an.sayer, an.sentence.text)


def _after(an: Analysis, end: int, n: int = 4) -> list[str]:
    return [t.lemma for t in an.sentence.tokens[end:end + n]]


def _hedged_decision(toks: Sequence[Token], k: int) -> bool:
    """参加することを決断する可能性が高い: a decision that may come is the act it decides, possibly."""
    tail = toks[k:k + 8]
    return any(t.lemma in words().hedge_nouns or t.text == "かもしれない" for t in tail) and not any(
        t.text in "。「」" for t in tail[:-1])


def _justified_response(toks: Sequence[Token], i: int, entry: LexiconEntry | None) -> bool:
    if entry is None or entry.pattern not in words().retaliation_words:
        return False
    return any(t.text in words().reason_markers for t in toks[max(0, i - 2):i])


def is_suppressed(an: Analysis, i: int, end: int, entry: LexiconEntry | None = None) -> bool:
    """True when the event word is the content of another event, negated, or a description."""
    toks = an.sentence.tokens
    if _justified_response(toks, i, entry):
        return True
    texts = [t.text for t in toks[end:end + 6]]
    if "よう" in texts or "ように" in texts:  # 後退するよう要求: the request is the event
        k = end + texts.index("よう" if "よう" in texts else "ように")
        if any(t.lemma in words().request_verbs for t in toks[k:k + 4]):
            return True
    if "こと" in texts:  # 措置を講じることで合意
        k = end + texts.index("こと")
        if any(t.lemma in words().content_of for t in toks[k:k + 3]) and not _hedged_decision(toks, k):
            return True
    if texts[:1] in (["に"], ["で"]) and end + 1 < len(toks) and toks[end + 1].lemma in words().content_of:
        return True  # 恒久的な停戦に合意: what was agreed (4 of 8 …に合意 in the ja dev and realworld docs)
    if _condition(toks, end):
        return True  # 攻撃を続けるなら…: the condition of a warning, not an event
    lemmas = _after(an, end, 5)
    window = toks[end:end + 6]
    # 反撃していない / 参加しておらず: て before いる/おる goes on to the negation, other て ends the clause
    stop = next((n for n, t in enumerate(window[:5])
                 if t.text in "、。「」" or (t.lemma == "て" and not progressive_after(window, n))), 5)
    negated = any(lem in words().negation for lem in lemmas[:stop])
    if negated and not any(lem in ("か",) for lem in lemmas[:stop]):
        return True
    return relative_clause(an, i)[0] == "skip" or _nominal_reference(an, i, end, entry)


def relative_clause(an: Analysis, i: int) -> tuple[str, RoleMention | None]:
    """Is the event word inside a relative clause, and what does the clause describe?

    ("actor", m): 上陸しようとしたウクライナ軍の小部隊 — the described actor did it;
    ("statement", None): 自制を求める共同声明 — a statement's content, coded;
    ("skip", None): 占領した湖の周辺, 求めた訴え — background description, not coded;
    ("none", None): not a relative clause.
    """
    toks = an.sentence.tokens
    starts = {m.ti: m for m in an.mentions}
    for k in range(i + 1, min(i + 6, len(toks))):  # the predicate runs straight into an actor
        if toks[k].text in "、。「」" or toks[k].lemma == "て":
            break
        if toks[k].pos in ("VERB", "AUX") and k + 1 in starts and toks[k].text not in ("し", "て"):
            return "actor", starts[k + 1]
    cur = i
    for _ in range(3):
        t = toks[cur]
        if not 0 <= t.head < len(toks) or t.head == cur:
            return "none", None
        head = toks[t.head]
        if t.dep == "acl":
            near = (0 < head.i - cur <= RELATIVE_REACH and not any(  # 求めていた…による追加査察
                x.text in "、」』" for x in toks[cur:head.i]) and _attributive(toks, cur, head.i))
            if not near or head.lemma in words().keep_heads:
                return "none", None
            for m in an.mentions:
                if m.ti <= head.i <= m.tj:
                    return "actor", m
            if head.lemma in words().statement_nouns:
                return "statement", None
            return "skip", None
        if head.pos != "VERB":
            return "none", None
        cur = head.i
    return "none", None


def _attributive(toks: Sequence[Token], verb: int, head: int) -> bool:
    """占領した湖 / 上陸しようとした部隊 / 占領するゴラン高原: only the verb's auxiliaries (and the
    described noun's own compound parts) stand between it and the noun it describes
    (not 侵犯したと発表, where と quotes; not 攻撃し27名が死亡, a new clause)."""
    for k in range(verb + 1, head):
        t = toks[k]
        if t.pos in ("AUX", "VERB") or t.text == "て":
            continue
        if t.dep == "compound" and t.pos in ("NOUN", "PROPN") and k > verb + 1 and all(
                toks[x].dep == "compound" for x in range(k, head)):
            continue  # 占領するゴラン高原: the described noun's own first part
        if t.text == "と" and k + 1 < head and toks[k + 1].lemma == "する":
            continue  # しようとした
        return False
    return True


def _next_particle(toks: tuple[Token, ...], end: int) -> tuple[int, str]:
    k = end
    while k < len(toks) and toks[k].pos == "NOUN" and toks[k].text not in ("こと", "の"):
        k += 1
    return k, (toks[k].text if k < len(toks) else "")


def _condition(toks: tuple[Token, ...], end: int) -> bool:
    """…を続けるなら / 攻撃すれば: the event word heads a conditional clause."""
    for t in toks[end:end + 5]:
        if t.text in ("、", "。", "」", "と"):
            return False
        if t.text in ("なら", "ならば", "たら") or (t.text == "ば" and t.pos in ("SCONJ", "ADP")):
            return True
    return False


def _nominal_reference(an: Analysis, i: int, end: int, entry: LexiconEntry | None = None) -> bool:
    """A nominal event word used as a name or a modifier, not as a predicate.

    ウクライナ侵攻で手一杯 (a war's name), 和平交渉の先 (a modifier), 軍事支援を遮断する
    (the object of another verb), 侵攻するのは…ためだ (an explanation), 軍を追放するための攻撃
    (a purpose: する + ための/ために, not した + ために, a reason).
    """
    toks = an.sentence.tokens
    if end < len(toks) and toks[end].lemma == "する":
        k = end + 1
        while k < len(toks) and toks[k].pos == "AUX":
            k += 1
        purpose = (k == end + 1 and k + 1 < len(toks) and toks[k].text == "ため"
                   and toks[k + 1].text in ("の", "に"))
        return purpose or (k + 1 < len(toks) and toks[k].text == "の" and toks[k + 1].text == "は")
    if end < len(toks) and toks[end].lemma in words().request_verbs and toks[end].pos == "NOUN":
        return True  # 撤退要求: the request is the event
    event = entry.event if entry is not None else ""
    not_act = words().not_the_act
    if event == "SANCTION":
        not_act = not_act - {"対象"}  # 制裁対象に加えた
    if (i > 0 and toks[i - 1].text == "被") or (end < len(toks) and toks[end].text in not_act):
        return True  # 被拘束者, 攻撃目標, 攻撃機: a person, a target or a tool, not the act
    head = toks[end - 1]
    if head.pos not in ("NOUN", "PROPN") and not head.tag.startswith("名詞"):
        return False  # a verb proper (求める共同声明) is not a nominal reference
    k, part = _next_particle(toks, end)
    tail = "".join(t.text for t in toks[k:k + 4])
    if part in ("から", "より") and head.pos == "NOUN" and event in ("REQUEST", "AGREE", "ACCUSE", "REJECT"):
        return True  # 要求からかけ離れている: a demand spoken of, not made here
    if tail.startswith(words().reference_tails):
        return True  # 攻撃に関与したとして: the attack is the reason given, not reported
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if part == "に" and nxt is not None and (nxt.lemma in words().join_verbs or _join_after(toks, k + 1)):
        return False
    glued = any(m.tj == i and m.particle == "compound" for m in an.mentions)
    if glued and part in ("で", "に", "へ", "も", "と", "の"):
        return True
    if part == "の" and nxt is not None and nxt.lemma not in words().hedge_nouns:
        return True
    heavy = nxt is not None and nxt.lemma not in words().light_verbs and nxt.pos in ("VERB", "NOUN")
    return part == "を" and heavy


def _join_after(toks: tuple[Token, ...], k: int) -> bool:
    return any(t.lemma in words().join_verbs for t in toks[k:k + 4])


def is_evaluation(an: Analysis, i: int, end: int, entry: LexiconEntry) -> bool:
    """Xの攻撃は…を標的にしている: the event word is the topic of a judgement about it."""
    if entry.event != "ASSAULT":
        return False
    toks = an.sentence.tokens
    k = end
    while k < len(toks) and toks[k].pos == "NOUN" and toks[k].text not in ("こと",):
        k += 1
    if k >= len(toks) or toks[k].text not in ("は", "が", "も"):
        return False
    head = toks[toks[k - 1].head] if 0 <= toks[k - 1].head < len(toks) else None
    return head is not None and head.lemma not in words().aspect and head.i > k


def _hedged_headline(an: Analysis, i: int) -> str | None:
    """見出し: "…攻撃か、米高官が警告" (possible) or "…を追加供与へ" (future)."""
    rest = an.span_text(i, len(an.sentence.tokens))
    clause = rest.split("、")[0].rstrip("？?!！ 　")
    if clause.endswith("か"):
        return "possible"
    if clause.endswith("へ"):
        return "future"
    return None


def _hearsay(an: Analysis) -> bool:
    """…きっかけだという。 / 地元メディアによると: the writer passes on what others said."""
    return any(h in an.sentence.text for h in words().hearsay)


# What may stand between an event word and the と of an announcement for the act to be one still to
# come (攻撃すると宣言, 演習を実施すると発表, 作戦を開始すると表明): the non-past of する or of a verb of
# carrying out; a past (した), a progressive (している) or a hedge is none.
ANNOUNCED_NOTE = "factuality: an act in the non-past tense in what is announced"
# Only an attack or a deployment is still to come when announced; a sanction or an expulsion is
# done by announcing it (大使館業務を停止すると発表: seed 004's SANCTION).
ANNOUNCED_EVENTS = frozenset({"ASSAULT", "MOBILIZE"})
_ANNOUNCED_TAIL = re.compile(r"^(?:する|を(?:行う|実施する|開始する|続ける|強化する|再開する))$")


def _announced(an: Analysis, end: int, rep: Report) -> bool:
    """Is the act at tokens ending ``end`` told in the non-past as the whole of what is announced?"""
    return end <= rep.end and bool(_ANNOUNCED_TAIL.match(an.span_text(end, rep.end)))


def _conditional(an: Analysis, i: int, sc: Scope) -> bool:
    """万が一居座れば…戦火を交える: a conditional clause right before the event word."""
    toks = an.sentence.tokens
    for k in range(i - 1, max(sc.lo, i - 12) - 1, -1):
        if toks[k].text in ("。",) or toks[k].text in "「」":
            return False
        if toks[k].text in ("ば", "なら", "たら") and toks[k].pos in ("SCONJ", "AUX", "ADP"):
            return not (k > 0 and toks[k - 1].text in ("よれ", "によれ"))  # Xによれば names a source
    return False


def _window(an: Analysis, i: int, sc: Scope) -> str:
    """Text from the event word to the end of its clause (、 after a verb, or 。)."""
    toks = an.sentence.tokens
    hi = sc.hi
    for k in range(i + 1, sc.hi):
        if toks[k].text == "。" or (toks[k].text == "、" and toks[k - 1].pos in ("VERB", "AUX", "SCONJ")):
            hi = k
            break
    return an.span_text(i, hi)


def factuality_of(
    an: Analysis, i: int, sc: Scope, lex: EventLexicon, event: str, actor: Sequence[Entity], rule: str,
    end: int | None = None,
) -> tuple[str, tuple[Entity, ...], list[str], Horizon | None]:
    notes: list[str] = []
    rep = sc.report
    speaker = (sc.speaker.mention.entity,) if sc.speaker is not None else ()
    # the cues after the event word: a trigger spanning words (懸念を伝え) is not its own hedge
    window = _window(an, i, sc)[len(an.span_text(i, end)) if end is not None and end - i > 1 else 0:]
    cue = hedge(window, lex.cues)
    fact = "asserted"
    if rule in ("ja.evaluation-accuse", "ja.speaker-statement"):
        return "asserted", (), ["factuality: the statement itself is reported"], None
    if cue is not None:
        fact = cue.factuality
        notes.append(f"factuality: {cue.pattern} -> {fact} ({cue.ref})")
    elif _conditional(an, i, sc):
        fact = "possible"
        notes.append("factuality: inside a condition (…ば) -> possible")
    elif rep is not None and rep.kind == "warn":
        fact = "possible"
        notes.append("factuality: inside a warning -> possible")
    elif rep is not None and rep.kind == "deny":
        fact = "denied"
        notes.append("factuality: inside a denial -> denied")
    elif an.sentence.section == "title" and _hedged_headline(an, i) == "possible":
        fact = "possible"
        notes.append("factuality: a headline clause ending in か -> possible")
    elif an.sentence.section == "title" and _hedged_headline(an, i) == "future":
        fact = "future"
        notes.append("factuality: a headline ending in へ -> future")
    elif (rep is not None and rep.kind == "claim" and end is not None and event in ANNOUNCED_EVENTS
          and _announced(an, end, rep)):
        fact = "future"
        notes.append(f"{ANNOUNCED_NOTE} (…攻撃すると宣言) -> future")
    elif speaker:
        fact = "claimed"
        notes.append(f"factuality: said by {sc.speaker.mention.text if sc.speaker else ''} -> claimed")
    elif (rep is not None and rep.kind != "passive") or _hearsay(an):
        fact = "claimed"  # ヘルソン州の軍政当局は…と発表した: a source we cannot code still said it
        notes.append("factuality: said by a source not in the actor dictionary -> claimed")
    horizon = find_horizon(window if fact == "possible" else "") or (
        find_horizon(sc.text) if fact == "possible" else None)
    if horizon is not None:
        notes.append(f"horizon: {horizon.text} -> {horizon.days} days")
    claimed = speaker if fact in ("claimed", "possible", "denied", "future") else ()
    return fact, claimed, notes, horizon


def resolve_date(
    an: Analysis, i: int, sc: Scope, published: dt.date | None, fact: str, carried: tuple[str, str] | None,
    *, month: tuple[int, int] | None = None,
) -> tuple[str | None, DatePrecision | None, str]:
    if fact in ("possible", "future"):
        return None, None, "date: none for a possible or planned event"
    pos = an.rel(i) - an.rel(sc.lo)
    wire = dateline_end(an.sentence.text) - an.rel(sc.lo)  # 【11月26日 AFP】: the filing day, not the act's
    stated = [d for d in find_dates(sc.text, published, month) if d.start >= wire]
    found = [d for d in stated if d.date]
    vague = [d for d in stated if d.start <= pos and vague_time(sc.text, d)]
    if vague and not [d for d in found if d.start <= pos]:
        return None, None, f"date: only {vague[-1].text} stated (part of a month) -> none"
    if found:
        before = [d for d in found if d.start <= pos]
        d = before[-1] if before else found[0]
        for early in before[:-1]:  # 4日夜から5日未明にかけて: the act began on the first day
            if _RANGE_START.match(sc.text, early.end):
                d = early
                break
        if sc.report is not None and len(before) == 1 and _report_day(an, sc, d):
            return d.date, d.precision, f"date: {d.text} {REPORT_DAY} -> {d.date}"
        return d.date, d.precision, f"date: {d.text} -> {d.date}"
    if carried is not None and any(w in sc.text for w in words().same_day):
        return carried[0], "day", f"date: 同日 (the day stated before) -> {carried[0]}"
    rep = sc.report
    if rep is not None:
        frame_lo = rep.speaker.tj if rep.speaker is not None and rep.speaker.tj <= rep.start else rep.start
        for a, b in ((frame_lo, rep.start), (rep.end, rep.verb)):
            outside = [d for d in find_dates(an.span_text(a, b), published, month) if d.date] if a < b else []
            if outside:
                d = outside[-1]
                return d.date, d.precision, f"date: {d.text} {REPORT_DAY} -> {d.date}"
        opening = _unnamed_speaker_day(an, rep, published, month)
        if opening is not None:
            return opening.date, opening.precision, f"date: {opening.text} {REPORT_DAY} -> {opening.date}"
    if an.sentence.section == "title":
        return None, None, "date: none stated in the headline"
    if carried is not None:
        return carried[0], "day", f"date: carried from {carried[1]} -> {carried[0]}"
    if published is not None:
        return published.isoformat(), "day", f"date: the publication date {published.isoformat()}"
    return None, None, "date: no publication date to resolve against"


# The day of a statement (rule ja:report-day, note REPORT_DAY): the act in its content takes it
# only until the story gives the act a day of its own (coding.dating).
# 防衛省は17日、…と発表した / 防衛省は17日午後、…: a day right after the speaker's は opens the
# statement and dates it; only a time of day may stand between the day and the comma.
_REPORT_OPENING = re.compile(r"(?:夜|朝|未明|早朝|午前|午後|夕方|深夜|\d{1,2}時(?:\d{1,2}分)?)*"
                             r"(?:の(?:定例)?記者会見で|の会見で)?、")
# What stands between the speaker and the day: its topic particle, after a bracketed short name
# (ティグレ人民解放戦線(TPLF)は4日、), and after the rest of the speaker's name the dictionary
# does not hold: its head noun (ロシア連邦|保安局(FSB)は31日、, 台湾の国防部(国防省)は13日、) or
# its name in brackets (インド紙「ザ・タイムズ・オブ・インディア」は16日、).
_TOPIC = re.compile(r"\s*(?:[^\s、。「」()（）はがをにでとの]{1,6}|「[^「」]{1,30}」)?"
                    r"(?:[（(][^）)]{1,20}[）)])?\s*(?:は|も)、?\s*")


def _report_day(an: Analysis, sc: Scope, d: DateMention) -> bool:
    """Does the report's first day open its content right after the speaker's topic (は), as the
    day the speaker said it (rule ja:report-day)?"""
    rep = sc.report
    if rep is None or rep.speaker is None or rep.kind == "passive" or rep.speaker.tj > rep.start:
        return False
    between = an.span_text(rep.speaker.tj, rep.start) + sc.text[:d.start]
    return _TOPIC.fullmatch(between) is not None and _REPORT_OPENING.match(sc.text, d.end) is not None


def _unnamed_speaker_day(an: Analysis, rep: Report, published: dt.date | None,
                         month: tuple[int, int] | None) -> DateMention | None:
    """財務省が11日、…と発表したのは…: a report whose speaker the parse does not name, and whose
    content opens right after a day and a comma, was made that day (rule ja:report-day)."""
    if rep.speaker is not None or rep.kind == "passive" or rep.start == 0:
        return None
    frame = an.span_text(0, rep.start)
    found = [d for d in find_dates(frame, published, month) if d.date and d.precision == "day"]
    if not found:
        return None
    d = found[-1]
    rest = _REPORT_OPENING.match(frame, d.end)
    return d if rest is not None and rest.end() == len(frame.rstrip()) else None


_RANGE_START = re.compile(r"(?:の)?(?:夜|未明|早朝|朝|深夜|午前|午後|夕方|昼)?(?:から|より)")


def event_places(text: str, ctx: CodingContext, actor: Sequence[Entity], recipient: Sequence[Entity]
                 ) -> tuple[tuple[Place, ...], list[str]]:
    if ctx.geocoder is None:
        return (), []
    from frontwatch.resolve.places import find_places

    countries = [c for c in dict.fromkeys([*(e.code for e in (*actor, *recipient)), *ctx.countries])
                 if c and len(c) == 3]
    try:
        found = find_places(without_credits(text), lang="ja", geocoder=ctx.geocoder, countries=countries)
    except ValueError:
        return (), []
    from frontwatch.resolve.place_attach import attach

    # finer places of the scope, else the country named as place (the recipient's first)
    frame = attach(found, text, lang="ja", struck=[e.code for e in recipient if e.code])
    return frame.places, list(frame.notes)
