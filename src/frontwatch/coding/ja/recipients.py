"""Recipient, place-actor and event rules of a Japanese frame, numbered in the order they run.

The tables and the ``Draft`` they work on are described in ``ja.rules`` (the actor rules
live there); ``rule_table()`` lists every named rule of both modules.
"""

from __future__ import annotations

from dataclasses import replace

from frontwatch.coding.ja.parties import country_name, named_before, recipient_fallback, said_about
from frontwatch.coding.ja.rules import (
    ACTOR_RULES,
    RECIPIENT_FROM_CLAIMANT,
    RECIPIENT_FROM_PLACE,
    SPEAKER_ACTS,
    Draft,
    Rule,
)
from frontwatch.coding.ja.words import word_set, words
from frontwatch.coding.posture import sea_launch_ja
from frontwatch.records import Entity
from frontwatch.resolve.place_attach import unlocated

# nouns between a party and the around word ending its phrase (台湾海峡周辺: 海峡; 日本の排他的経済水域周辺 is
# no such phrase: の breaks it)
AROUND_REACH = 3
ANSWERED_REACH = 8  # tokens from a party to に対し: 中国の哨戒機1機に対し (の, noun, number, counter)


def not_self(d: Draft) -> Draft:
    """Kind 1 of issue 12: outside a civil war, the actor's own side is not its recipient."""
    own = {(e.code, e.sector == "PRE") for e in d.actor}
    rebels = {e.sector == "REB" for e in d.actor}  # a civil war: state and insurgents of one country
    kept = tuple(r for r in d.recipient
                 if (r.code, r.sector == "PRE") not in own or rebels == {r.sector != "REB"})
    if len(kept) == len(d.recipient):
        return d
    return d.note("ja.not-self: the actor's own side dropped from the recipients", recipient=kept)


def said_about_rule(d: Draft) -> Draft | None:
    if d.recipient or d.event not in SPEAKER_ACTS or d.event == "REJECT":  # a rejection answers a party
        return None
    notes: list[str] = []
    got = said_about(d.an, d.frame.trigger.i, d.actor, notes)
    return replace(d, recipient=got, notes=(*d.notes, *notes)) if got else None


def threat_condition(d: Draft) -> Draft | None:
    if d.recipient or d.event != "THREATEN":
        return None
    notes: list[str] = []
    got = named_before(d.an, d.frame.scope.lo, d.frame.trigger.i, d.actor_codes, notes)
    return replace(d, recipient=got, notes=(*d.notes, *notes)) if got else None


def around_party(d: Draft) -> Draft | None:
    """台湾周辺で軍事演習 / 日本近海を航行 / 台湾海峡周辺で活動: posture around a party (or around a
    place named after it) is posture towards it."""
    if d.recipient or d.event not in ("MOBILIZE", "THREATEN"):
        return None
    toks = d.an.sentence.tokens
    for m in d.an.mentions:
        if m.mention.entity.code in d.actor_codes or not d.frame.scope.lo <= m.ti < d.frame.scope.hi:
            continue
        after = "".join(t.text for t in toks[m.tj:m.tj + 3])
        run = m.tj  # 台湾海峡周辺で: the around word may end the noun phrase the party opens
        while run < min(len(toks), m.tj + AROUND_REACH) and toks[run].pos in ("NOUN", "PROPN"):
            run += 1
        named = "".join(t.text for t in toks[m.tj:run])
        if after.startswith(words().around) or named.endswith(words().around):
            return d.note(f"recipient: {m.mention.text}, the party its posture surrounds",
                          recipient=(m.mention.entity,))
    return None


def answered_aircraft(d: Draft) -> Draft | None:
    """中国の哨戒機1機に対し、戦闘機を緊急発進させた: a scramble faces the party whose aircraft
    the に対し phrase before it names (ANSWERED_REACH tokens from the party to に対し)."""
    if d.recipient or d.event != "MOBILIZE" or d.frame.trigger.text not in word_set("answering_posture"):
        return None
    toks = d.an.sentence.tokens
    for m in reversed(d.an.mentions):
        if m.ti >= d.frame.trigger.i or m.mention.entity.code in d.actor_codes or not m.mention.entity.code:
            continue
        tail = "".join(t.text for t in toks[m.tj:min(m.tj + ANSWERED_REACH, d.frame.trigger.i)])
        if "に対し" in tail.split("、")[0]:
            return d.note(f"recipient: {m.mention.text}, whose aircraft or ships it answers",
                          recipient=(m.mention.entity,))
    return None


def place_country(d: Draft) -> Draft | None:
    if d.recipient or d.symmetric or d.event not in RECIPIENT_FROM_PLACE:
        return None
    # a launch (untargeted row) is reported by whoever watches it, not only by its target:
    # 韓国軍は…北朝鮮が日本海に向けて弾道ミサイルを発射したと発表 names no target
    by_claim = (d.event in RECIPIENT_FROM_CLAIMANT and d.factuality == "claimed" and d.rule != "join"
                and not d.frame.trigger.entry.untargeted)
    notes: list[str] = []
    sp = d.frame.scope.speaker  # the report's speaker, or the sentence's source (Xによると)
    tellers = {sp.mention.entity.code} if sp is not None else set()
    places = tuple(p for p in d.places if p.country not in tellers)  # アメリカメディアは…と伝えた
    got = recipient_fallback(places, d.claimed if by_claim else (), d.actor_codes, notes)
    return replace(d, recipient=got, notes=(*d.notes, *notes)) if got else None


def home_ground(d: Draft) -> Draft | None:
    """ミャンマー軍が…村を空爆 / RSFがシンジャの軍基地を攻撃: an attack on a place in the
    actor's own country with no other party named is a civil war's: the recipient is that
    country's other side (an army's target is its civilians or insurgents, rebels' the state)."""
    if d.recipient or d.symmetric or d.event != "ASSAULT" or len(d.actor) != 1:
        return None
    if defensive(d) or d.frame.trigger.text in words().return_fire:
        return None  # 撃墜 / 迎撃 / 応射 at home answers another side's attack (ja.discourse counterpart)
    if d.frame.trigger.entry.untargeted:
        return None  # 北朝鮮北部から発射: a launch from home is aimed elsewhere, or at no one
    if sea_launch_ja(d.an.span_text(d.frame.scope.lo, d.frame.trigger.i)):  # 黄海に向け約130発…射撃
        return d.note("ja.sea-launch: fire into the sea with no other party named, at no one -> MOBILIZE",
                      event="MOBILIZE")
    me = d.actor[0]
    if not me.code or any(p.country and p.country != me.code for p in d.places):
        return None
    if me.sector != "REB" and (other := _other_state_subject(d, me.code)) is not None:
        # 北朝鮮軍の約20人が境界線を越え、韓国軍が警告射撃: not at home, at the side that came
        return d.note(f"recipient: {other.text}, the other state's side acting in the same sentence "
                      "(ja.not-at-home)", recipient=(other,))
    if not (any(p.country == me.code for p in d.places) or _named_inside(d, me.code) or _alone(d, me.code)):
        return None
    sector = "GOV" if me.sector == "REB" else "CVL"
    got = (Entity(text=me.text, name=me.name, code=me.code, sector=sector),)
    return d.note(f"recipient: {me.code} ({sector}), an attack at home with no other party named",
                  recipient=got)


def _other_state_subject(d: Draft, code: str) -> Entity | None:
    """Issue 12 kind 1: a state's forces acting at home against no one named, in a sentence
    whose other clause has another state (or its forces) as subject (が/は/も) outside any
    report and speaking none (バイデン政権も「…」と: a speaker is not acted on): that state, not the
    actor's own country, is the side acted on."""
    speakers = {(r.speaker.ti, r.speaker.tj) for r in d.an.reports if r.speaker is not None}
    for m in d.an.mentions:
        e = m.mention.entity
        if (e.code and e.code != code and _state_code(e.code) and e.sector != "REB"
                and (m.ti, m.tj) not in speakers
                and m.particle in words().subject and d.an.report_of(m.ti) is None
                and m.depth == 0 and m.mention.kind != "person"):
            return e
    return None


def _named_inside(d: Draft, code: str) -> bool:
    """エチオピア北部 / スーダン内戦 / ブルキナファソで: the sentence places things inside the
    country ``code``, and names no other party."""
    toks = d.an.sentence.tokens
    if any(m.mention.entity.code not in (code, None) for m in d.an.mentions):
        return False
    for m in d.an.mentions:
        after = "".join(t.text for t in toks[m.tj:m.tj + 2])
        if m.mention.entity.code == code and after.startswith((*words().interior, *words().locative)):
            return True
    return False


def _alone(d: Draft, code: str) -> bool:
    """ミャンマー軍は…イースト村を空爆: a locality the gazetteer does not know is attacked, and
    the sentence and the recent sentences before it (if any) name no party but the actor's state."""
    named = [m.mention for m in d.an.mentions] + list(d.an.earlier)
    sc = d.frame.scope
    local = any(t.text in words().locality_ends and t.pos in ("NOUN", "PROPN")
                and k > 0 and d.an.sentence.tokens[k - 1].pos in ("PROPN", "NOUN")
                for k, t in enumerate(d.an.sentence.tokens) if sc.lo <= k < sc.hi)
    # the gazetteer knows none of its places (a village it lacks is kept without coordinates)
    return local and all(unlocated(p) for p in d.places) and all(m.entity.code == code for m in named)


def defensive(d: Draft) -> bool:
    """撃墜 / 迎撃: an event word that stops the other side's attack (a regex row by its match)."""
    ws = word_set("defensive")
    return d.frame.trigger.entry.pattern in ws or d.frame.trigger.text in ws


def answered_party(d: Draft) -> Draft | None:
    """A claimed strike, or a shoot-down (Xがミサイルを発射したため、Yがこれを撃墜), answers the
    party named before it."""
    stops = defensive(d)
    if d.recipient or d.symmetric or d.event not in ("COERCE", "ASSAULT"):
        return None
    if d.frame.scope.report is None and not stops:
        return None
    notes: list[str] = []
    why = "whose act it answers, named before it" if stops else "named before it in the claim"
    got = named_before(d.an, d.frame.scope.lo, d.frame.trigger.i, d.actor_codes, notes, why)
    return replace(d, recipient=got, notes=(*d.notes, *notes)) if got else None


def domestic(d: Draft) -> Draft | None:
    arrest = d.event == "COERCE" and "arrest" in d.frame.trigger.entry.mode
    if d.recipient or not (d.event == "PROTEST" or arrest):
        return None
    got = tuple(Entity(text=e.text, name=e.name, code=e.code, sector="GOV")
                for e in d.actor[:1] if e.code and len(e.code) == 3)
    if not got:
        return None
    return d.note(f"recipient: {d.actor[0].text}'s own side (a domestic arrest or protest)", recipient=got)


# (rule, stage): "parties" runs before factuality, "places" after the places are found.
RECIPIENT_RULES: tuple[tuple[Rule, str], ...] = (
    (Rule("ja.threat-condition", "a threat's recipient is the party whose act is the condition",
          threat_condition), "parties"),
    (Rule("ja.said-about", "a statement act's recipient is the party named in what was said",
          said_about_rule), "parties"),
    (Rule("ja.answered-aircraft", "a scramble faces the party named in the に対し phrase before it",
          answered_aircraft), "parties"),
    (Rule("ja.around-party", "posture around a party (台湾周辺で演習) is towards it",
          around_party), "parties"),
    (Rule("ja.place-country", "a material act's recipient is its place's country, or the claimant",
          place_country), "places"),
    (Rule("ja.home-ground", "an attack at home with no other party: the country's other side",
          home_ground), "places"),
    (Rule("ja.answered-party", "a claimed strike's or a shoot-down's recipient is the party it answers",
          answered_party), "places"),
    (Rule("ja.domestic", "an arrest or protest with no other party happens at home", domestic), "places"),
)


def find_recipient(d: Draft, stage: str) -> Draft:
    for rule, at in RECIPIENT_RULES:
        if at != stage or d.recipient:
            continue
        got = rule.fn(d)
        if got is not None:
            return got.note(f"rule: {rule.name}") if got.recipient else got
    return d


def place_may_name_actor(d: Draft) -> bool:
    """Only an arrest, a street demonstration or an attack by a group the text does not name
    takes its doer from a place: the places are looked up for no other frame."""
    mode = d.frame.trigger.entry.mode
    return ((d.event == "COERCE" and "arrest" in mode) or (d.event == "PROTEST" and "demonstrate" in mode)
            or unnamed_doer(d) is not None)


def unnamed_doer(d: Draft) -> str | None:
    """武装勢力が…を襲撃 / 武装集団に襲われ / 自爆テロが発生: an attack whose doer is an armed group
    the text does not name (a ``bare_groups`` word, with any prefix: 反政府武装勢力, and a
    ``group_heads`` noun after it: 過激派勢力, marked as the doer by が/は/も/に/による/から before the
    event word in its clause, or by の right before it: 武装集団の襲撃) or an act only such a group
    commits (``unnamed_doer_acts``: テロ). The word that says so, or None."""
    if d.event != "ASSAULT" or d.actor:
        return None
    w = words()
    trig = d.frame.trigger
    if any(a in trig.text for a in w.unnamed_doer_acts):
        return trig.text
    compound = _compound(d)
    if any(compound.endswith(a) for a in w.unnamed_doer_compounds):
        return compound
    clause = d.an.span_text(d.frame.scope.lo, trig.i).split("。")[-1]
    for g in sorted(w.bare_groups | w.criminal_groups, key=len, reverse=True):
        at = clause.rfind(g)
        if at < 0:
            continue
        rest = clause[at + len(g):]
        head = next((h for h in w.group_heads if rest.startswith(h)), "")  # 過激派勢力, 武装した男たち
        rest = rest[len(head):]
        if rest.startswith((*w.subject, *w.agent, "に", "から")) or rest == "の":
            return g + head  # 武装集団から攻撃を受け / 武装集団の襲撃により: the doer too
    return None


def _compound(d: Draft) -> str:
    """The event word with the nouns right before it in its clause (自爆 + 攻撃 -> 自爆攻撃)."""
    toks, trig = d.an.sentence.tokens, d.frame.trigger
    k = trig.i
    while k > d.frame.scope.lo and toks[k - 1].pos == "NOUN":
        k -= 1
    return d.an.span_text(k, trig.i) + trig.text


def _state_of_place(d: Draft, event: str, sector: str, what: str, rule: str) -> Draft | None:
    """The actor of an ``event`` with no one named doing it: the country of its first place
    that is not the recipient's (``what`` names who that is, for the note)."""
    if d.actor or not place_may_name_actor(d) or d.event != event:
        return None
    theirs = {e.code for e in d.recipient}
    for p in d.places:
        if p.country and p.country not in theirs:
            doer = Entity(text=p.text, name=country_name(p.country), code=p.country, sector=sector)
            return d.note(f"actor: {what.format(place=p.text, code=p.country)}", actor=(doer,), rule=rule)
    return None


def arrest_place(d: Draft) -> Draft | None:
    """日本人が北京で拘束された: an arrest with no one named doing it is the act of the state
    where it happened (a foreign state's arrest of the recipient's nationals)."""
    return _state_of_place(d, "COERCE", "GOV", "the state of {place} ({code}), where the arrest happened",
                           "ja.arrest-place")


def crowd_place(d: Draft) -> Draft | None:
    """イエメンでは反米英デモが行われた: a demonstration with no one named holding it is
    held by the people of the country where it happened."""
    return _state_of_place(d, "PROTEST", "CVL",
                           "the people of {place} ({code}), where the demonstration was held",
                           "ja.crowd-place")


def group_place(d: Draft) -> Draft | None:
    """ブルキナファソ北部の村で武装勢力が住民を襲撃 / モガディシオで自爆テロが発生: an attack by an
    armed group the text does not name is an insurgent's (REB) of the country where it happened
    (its first place with a country; the target's own country too: a civil war); a criminal
    group's (``criminal_groups``: ギャングが住民を襲撃) is a criminal's (CRM) of that country."""
    said = unnamed_doer(d)
    if said is None:
        return None
    where = [(p.text, p.country) for p in d.places if p.country]
    states = {m.mention.entity.code: m.mention.text for m in d.an.mentions
              if m.mention.entity.code and _state_code(m.mention.entity.code)}
    if not where and len(states) == 1:  # ソマリアの首都…で自爆テロ: the one state the sentence names
        where = [(text, code) for code, text in states.items()]
    if not where:
        return None
    text, code = where[0]
    sector = "CRM" if any(said.startswith(g) for g in words().criminal_groups) else "REB"
    doer = Entity(text=said, name=country_name(code), code=code, sector=sector)
    return d.note(f"actor: an armed group not named ({said}) of {text} ({code}), where the attack happened",
                  actor=(doer,), rule="ja.group-place")


def _state_code(code: str) -> bool:
    return len(code) == 3 and code not in words().not_a_state


PLACE_ACTOR_RULES: tuple[Rule, ...] = (
    Rule("ja.arrest-place", "an arrest with no one named doing it is the state where it happened",
         arrest_place),
    Rule("ja.crowd-place", "a demonstration with no one named holding it is the place's people",
         crowd_place),
    Rule("ja.group-place", "an attack by an armed group not named is an insurgent's of the place's country",
         group_place),
)


def untargeted(d: Draft) -> Draft | None:
    other = d.frame.trigger.entry.untargeted
    if d.symmetric or not other or other == d.event:
        return None
    if not d.recipient:
        return d.note(f"event: {d.event} at no one named -> {other}", event=other)
    if sea_launch_ja(d.an.span_text(d.frame.scope.lo, d.frame.trigger.i)):  # 日本海に向けて…発射
        return d.note(f"ja.sea-launch: {d.event} into the sea, at no one -> {other}", event=other)
    return None


EVENT_RULES: tuple[Rule, ...] = (
    Rule("ja.untargeted", "a row's untargeted event when no recipient is found, or when it goes "
         "into the sea (ja.sea-launch: 日本海に向けて発射)", untargeted),
)


def apply_rules(d: Draft, rules: tuple[Rule, ...]) -> Draft:
    """The first rule of ``rules`` that applies, noted by name."""
    for rule in rules:
        got = rule.fn(d)
        if got is not None:
            return got.note(f"rule: {rule.name}")
    return d


def rule_table() -> list[tuple[str, str]]:
    """Every named party rule with what it does, in the order they run."""
    return ([(r.name, r.what) for r in ACTOR_RULES]
            + [("ja.not-self", "outside a civil war the actor's own side is not its recipient")]
            + [(r.name, r.what) for r, _ in RECIPIENT_RULES]
            + [(r.name, r.what) for r in (*PLACE_ACTOR_RULES, *EVENT_RULES)])
