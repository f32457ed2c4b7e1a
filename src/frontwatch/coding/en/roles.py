"""Who does what to whom in an English sentence, without a parser.

The English pipeline has no dependency parse, so roles come from word order around the
trigger, in this cascade:

1. Actor mentions (``en.mentions``): ``ActorDictionary.find(text, "en")``, kept only where
   the written capitals agree with the dictionary form ("US" is the United States, "us" is not).
2. Attribution (``en.attribution``): a reporting cue ("said", "according to", "denied")
   after a comma that follows the trigger opens a trailing clause ("..., the ministry said
   on Monday"); one before the trigger opens a leading clause ("Armenia said Azerbaijan
   shelled ..."). Mentions in those clauses are claimants, never actors or recipients.
3. Actor: the first mention of the subject region (sentence start, or after a leading
   reporting verb, or after an opening adverbial phrase's comma), with mentions
   coordinated to it ("X and Y"). A passive trigger ("was attacked by X") takes its actor
   after "by" and its recipient from the subject. A pronoun subject after a reporting verb
   is the speaker. A generic noun ("rebels") takes the country of the nearest mention.
4. Recipient: the first mention after the trigger (before a trailing attribution); with
   none, the actor's own country (domestic events: police and protesters, a government
   and its opposition), noted in the explanation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from frontwatch.coding.en.attribution import ARTICLES, Attribution, clause_start
from frontwatch.coding.en.mentions import TokMention
from frontwatch.coding.en.rules import EnglishRules, Trigger
from frontwatch.records import Entity, Token

# Tokens between a trigger and "by" for the passive agent ("was attacked early today by").
PASSIVE_BY_WINDOW = 15
# Tokens between a far "by" and the name it introduces ("by current Haitian officials").
BY_NAME_GAP = 3
# Tokens an auxiliary may stand before a participle ("was reportedly attacked").
PASSIVE_AUX_WINDOW = 3
# The subject after an opening participle clause starts within its first words ("our military",
# "our armed forces"): the possessive is one of the first three tokens after the comma.
OPENER_SUBJECT = 3
# Tokens between "from" and the party it names as an act's origin ("from two border regions in Russia").
ORIGIN_WINDOW = 5
# Words between "in an" and the party modifying an attack noun, and between the party and the
# noun ("in a separate Russian airstrike", "in an Israeli drone strike").
MODIFIER_GAP = 2
# Words between "when" and the party opening its clause ("when two Chinese coastguard ships",
# "when heavily armed militants" is no party: a generic noun is not a mention).
WHEN_GAP = 2
# Words between a word of location and a border phrase ("close to the", "along its western").
BORDER_LOCATIVE_GAP = 3
_JOINERS = frozenset({"and", ",", "-", "the", "&", "both"})


def is_passive(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    word = tokens[trig.start].text.casefold()
    if tokens[trig.start].lemma in rules.syntax.not_passive:
        return False
    if not (word.endswith(("ed", "en")) or word in ("shot", "struck", "hit", "held", "beaten", "fought")):
        return False
    nxt = tokens[trig.end].lemma if trig.end < len(tokens) else ""
    if trig.entry.event == "ACCUSE" and nxt in rules.syntax.charge_links:
        return True  # "Indian forces blamed for truce violations": the accused is the subject
    if trig.start > 0 and tokens[trig.start - 1].lemma in rules.syntax.reporting_objects \
            and tokens[trig.start - 1].text.casefold().endswith("ed"):
        return True  # "Over 10 terrorists reported killed": the victims are the subject
    for k in range(trig.start - 1, max(-1, trig.start - 1 - PASSIVE_AUX_WINDOW), -1):
        if tokens[k].lemma in rules.syntax.passive_aux:
            return True
        if tokens[k].pos == "PUNCT":
            break
    return _headline_toll(tokens, trig, rules)


def _headline_toll(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """A headline's toll drops its "were": "Four killed in Turkish drone strike", "six killed in
    missile strike on Lviv", "four injured in Indian shelling" (5 over the en dev pages and
    realworld): a number right before the participle, a toll link ("in", "by") right after."""
    if trig.start == 0 or trig.end >= len(tokens):
        return False
    count = tokens[trig.start - 1]
    return (count.pos == "NUM" or count.text.isdigit()) and tokens[trig.end].lemma in rules.syntax.toll_links


def coordinated(first: TokMention, pool: Sequence[TokMention], tokens: Sequence[Token],
                limit: int) -> list[TokMention]:
    """``first`` and the mentions joined to it by "and", "," or "-" before ``limit``."""
    group = [first]
    last = first
    for m in pool:
        if m.start <= last.start or m.start >= limit:
            continue
        gap = [t.lemma for t in tokens[last.end:m.start]]
        joins = bool(gap) and all(g in _JOINERS for g in gap)
        if joins and ("and" in gap or gap in ([","], ["-"], ["&"])):
            group.append(m)
            last = m
        else:
            break
    return group


@dataclass
class Roles:
    actor: list[TokMention]
    recipient: list[TokMention]
    generic: Entity | None = None  # actor named by a generic noun, given a country
    inherited: tuple[Entity, ...] = ()  # actor of the sentence before ("the bloc", "it")
    domestic: bool = False  # no recipient named: the actor's own country
    notes: list[str] = field(default_factory=list)


def assign_roles(tokens: Sequence[Token], trig: Trigger, mentions: Sequence[TokMention],
                 attr: Attribution, rules: EnglishRules, antecedent: tuple[Entity, ...] = ()) -> Roles:
    free = [m for m in mentions if not attr.inside(m.start) and m not in attr.claimants
            and not (m.start < trig.start and _after_phrase_at(tokens, m.start, rules.syntax.affiliations))]
    start = attr.lead_end or clause_start(tokens, trig.start, rules)
    semi = max((k for k in range(start, trig.start) if tokens[k].text == ";"), default=None)
    start = semi + 1 if semi is not None else start
    said = max((k for k in range(start, trig.start) if tokens[k].lemma == "that"
                and any(k < m.start < trig.start for m in mentions)), default=None)
    if said is not None and any(x.text.casefold().endswith("ing") for x in tokens[max(start, said - 3):said]):
        start = said + 1  # en:saying-that: "..., saying Friday that Moscow would retaliate": Moscow
    opener = max((k for k in range(start, trig.start) if tokens[k].lemma in rules.syntax.clause_openers),
                 default=None)
    if opener is not None and any(opener < m.start and m.end <= trig.start for m in free):
        start = opener + 1  # "Russia hits Kyiv as Ukraine and Poland agree ...": Ukraine, Poland
    before = [m for m in free if start <= m.start and m.end <= trig.start]
    stop = min((a for a, _ in attr.spans if a > trig.start), default=len(tokens))
    stop = min((k for k in range(trig.end, stop) if tokens[k].text == ";"), default=stop)
    after = [m for m in free if trig.end <= m.start < stop]
    origins: list[TokMention] = []  # en:origin: "fired rockets from Lebanon", "launched from Pyongyang"
    if trig.entry.event in ("ASSAULT", "MOBILIZE"):
        origins = [m for m in after if _in_origin(tokens, m.start, rules)]
        after = [m for m in after if m not in origins]
    if not before and start > 0 and not attr.lead_end:
        before = [m for m in free if m.end <= trig.start]
    roles = Roles([], [])
    nominal_by = trig.end < len(tokens) and tokens[trig.end].lemma == "by"  # "shelling by X"
    lemmas = [t.lemma for t in tokens]
    link = next((p for p in rules.syntax.agent_links if tuple(lemmas[trig.end:trig.end + len(p)]) == p), None)
    nominal_by = nominal_by or link is not None  # "an airstrike led by the Myanmar military"
    # "twin attacks blamed on jihadists": the last word of the link stands for "by"
    blamed = [i + len(p) - 1 for i in range(trig.end, min(stop, trig.end + PASSIVE_BY_WINDOW))
              for p in rules.syntax.blame_links if tuple(lemmas[i:i + len(p)]) == p]
    if is_passive(tokens, trig, rules) or nominal_by or blamed:
        # "by resorting to shelling": "by" before a gerund tells the means, not the agent
        bys = sorted([i for i in range(trig.end, stop) if tokens[i].lemma == "by"
                      and not (i + 1 < len(tokens) and tokens[i + 1].text.islower()
                               and tokens[i + 1].text.endswith("ing"))] + blamed)
        near = [i for i in bys if i < trig.end + PASSIVE_BY_WINDOW]
        # the agent follows "by" closely; a far "by" counts only with a name right after it
        far = [i for i in bys if any(i < m.start <= i + BY_NAME_GAP for m in after)]
        found = near or far
        by = found[0] if found else None
        agent = [m for m in after if by is not None and m.start > by]
        roles.actor = coordinated(agent[0], agent, tokens, stop) if agent else []
        if not roles.actor and trig.entry.event == "MOBILIZE" and before:
            # en:own-forces-passive: "Two U.S. fighter jets were scrambled to intercept Russian
            # bombers", "Indian troops were deployed": what is sent out is the sender's own
            roles.actor = [before[-1]]
            roles.notes.append("en:own-forces-passive: the forces sent out are their side's -> the actor")
        modifier = not roles.actor
        if modifier:  # en:attack-modifier: "was killed in an Israeli drone strike"
            roles.actor = [m for m in after if attack_modifier(tokens, m, trig, rules)][:1]
        if not roles.actor and (doer := when_subject(tokens, trig, after, stop)) is not None:
            roles.actor = coordinated(doer, after, tokens, stop)  # en:when-clause
            roles.notes.append("en:when-clause: the toll's cause, 'when X attacked' -> X")
        # the subject, else the first other party after the trigger; not the agent's own side
        # when another is named ("were killed in a strike by an IDF (Israeli army) aircraft on a
        # Hezbollah structure": Hezbollah's side, not Israel's)
        own = {m.code for m in roles.actor}
        parties = [m for m in before if not border_side(tokens, m, rules)][:1] \
            + [m for m in after if m not in roles.actor and not border_side(tokens, m, rules)]
        roles.recipient = ([m for m in parties if m.code not in own] or parties)[:1]
        roles.notes.append("passive: actor after 'by'")
        if not roles.actor and trig.entry.event in rules.syntax.speaker_passives and attr.cue is not None:
            _speaker_agent(roles, attr, antecedent)
        if not roles.actor and not roles.inherited and antecedent and trig.end < stop \
                and _anaphor(tokens, trig.end, stop, rules):
            roles.inherited = antecedent  # "was attacked by them"; not "10 militants were killed."
        own_home = any(m.code in own for m in origins)  # launched from home: aimed elsewhere
        # the victims of "an Indian attack" with no side written are not India's own
        if roles.actor and not roles.recipient and len({m.code for m in roles.actor}) == 1 and not own_home \
                and not modifier:
            roles.domestic = True
            roles.notes.append("recipient: none named -> the actor's own country (domestic)")
        return roles
    if not before and attr.claimants and not attr.lead_end and _first_person(tokens, start, trig, rules):
        roles.actor = list(attr.claimants[:1])  # en:first-person-speaker
        roles.notes.append("en:first-person-speaker: 'we', 'our forces' in a quote -> the speaker")
    elif attr.lead_end and (switched := _number_switch(tokens, start, before, trig, rules)) is not None:
        roles.actor = [switched]
        roles.notes.append("en:pronoun-number: 'they' after 'X said it' -> the plural party named between")
    elif (doer := noun_modifier(tokens, trig, before, rules)) is not None:
        roles.actor = [doer]  # en:noun-modifier: "a Ukrainian drone attack", not the subject's side
        roles.notes.append("en:noun-modifier: the party written before the attack noun -> the actor")
        after = after or [m for m in before if m.end <= doer.start and m.code != doer.code][:1]
    elif before and not (attr.lead_end and attr.claimants and _opens_with_pronoun(tokens, start, rules)):
        roles.actor = coordinated(before[0], before, tokens, trig.start)
    elif attr.lead_end and attr.claimants and _pronoun_subject(tokens, attr.lead_end, trig.start, rules) \
            and not _reported_object(tokens, attr, trig, rules):
        roles.actor = list(attr.claimants[:1])
        roles.notes.append("actor: pronoun subject -> the speaker")
        after = before + after  # "it would hold Israel responsible": Israel is the object
    elif antecedent and _anaphor(tokens, start, trig.start, rules) and not _gerund_subject(tokens, trig):
        roles.inherited = antecedent
        roles.notes.append("actor: the actor of the sentence before")
    else:
        hostile = trig.entry.event in ("ASSAULT", "COERCE")  # after the verb: the victim's
        pool = [m for m in free if m.end <= trig.start] if hostile else free
        if hostile and not pool:
            pool = [m for m in free if m.start >= trig.end and _civilian(tokens, m, rules)][:1]
        roles.generic = _generic_actor(tokens, start, trig.start, pool, rules)
    acodes = {m.code for m in roles.actor} | ({roles.generic.code} if roles.generic else set())
    acodes |= {e.code for e in roles.inherited if e.code}
    if not acodes and _speaker_goes_on(tokens, attr, trig):  # "X said, calling on NATO to ..."
        roles.actor, roles.inherited = list(attr.claimants[:1]), () if attr.claimants else antecedent
        acodes |= {m.code for m in roles.actor}
        acodes |= {e.code for e in roles.inherited if e.code}
        roles.notes.append("actor: a participle after 'X said,' -> the speaker")
    if not acodes and after and trig.entry.event not in rules.syntax.object_first:
        roles.actor = coordinated(after[0], after, tokens, stop)
        acodes = {m.code for m in roles.actor}
        after = [m for m in after if m not in roles.actor]
        roles.notes.append("actor: first mention after the trigger")
    rest = [m for m in after if m not in roles.actor and not border_side(tokens, m, rules)]
    home = any(m.code in acodes for m in origins)
    if not rest and roles.actor:  # "declared a Russian diplomat persona non grata": the object
        end = max(m.end for m in roles.actor)  # between a light verb and its noun
        rest = [m for m in before if m.start >= end and m not in roles.actor
                and any(t.lemma in rules.syntax.light_verbs for t in tokens[end:m.start])][:1]
    if not rest and roles.actor:
        rest = _main_object(tokens, trig, roles.actor, before)
        if rest:
            roles.notes.append("en:trailing-participle: ', killing ...' after the main act -> its object")
    if trig.entry.event == "ACCUSE":
        rest = _accused_first(tokens, rest)
    roles.recipient = coordinated(rest[0], rest, tokens, stop) if rest else []
    if not roles.recipient and len(acodes) == 1 and not home:  # from home: the target is elsewhere
        roles.domestic = True
        roles.notes.append("recipient: none named -> the actor's own country (domestic)")
    return roles


def when_subject(tokens: Sequence[Token], trig: Trigger, after: Sequence[TokMention],
                 stop: int) -> TokMention | None:
    """Rule en:when-clause: "One civilian was killed when Pakistani troops resorted to shelling",
    "were injured when two Chinese coastguard ships fired water cannons": a passive toll with no
    agent is caused by the subject of the "when" clause after it, a party at most WHEN_GAP
    lower-case words or numbers after "when" (16 such sentences on the dev9 English pages and
    realworld)."""
    for k in range(trig.end, stop):
        if tokens[k].lemma != "when":
            continue
        for m in after:
            gap = tokens[k + 1:m.start]
            if m.start > k and len(gap) <= WHEN_GAP and all(
                    t.lemma in ARTICLES or t.pos == "NUM" or (t.text.isalpha() and t.text.islower())
                    for t in gap):
                return m
        return None
    return None


def noun_modifier(tokens: Sequence[Token], trig: Trigger, before: Sequence[TokMention],
                  rules: EnglishRules) -> TokMention | None:
    """Rule en:noun-modifier: an attack noun trigger ("drone attack", "airstrikes") with a party
    written right before it, at most MODIFIER_GAP lower-case words between ("a Ukrainian naval
    drone attack", "An Israeli drone strike"), is that party's act, whoever the clause's first
    party is ("A Russian ship was damaged in a Ukrainian drone attack": Ukraine's). None when
    that party already opens the subject (the usual reading gives it)."""
    if not before or tokens[trig.end - 1].lemma not in rules.syntax.toll_attacks:
        return None
    m = before[-1]
    gap = tokens[m.end:trig.start]
    if len(gap) > MODIFIER_GAP or not all(t.text.isalpha() and t.text.islower() for t in gap):
        return None
    if m in coordinated(before[0], before, tokens, trig.start):
        return None
    return m


def attack_modifier(tokens: Sequence[Token], m: TokMention, trig: Trigger, rules: EnglishRules) -> bool:
    """Rule en:attack-modifier: is the mention a modifier of an attack noun in a phrase after the
    passive toll ("killed in an Israeli drone strike", "during an Israeli raid")? The phrase
    opens with a toll link ("in", "amid") followed by at most an article and MODIFIER_GAP
    lower-case words before the mention ("amid fresh Israeli airstrikes"), and
    the attack noun follows within MODIFIER_GAP words, lower-case words between."""
    lo = max(trig.end, m.start - MODIFIER_GAP - 2)
    opened = any(tokens[k].lemma in rules.syntax.toll_links
                 and all(t.lemma in ARTICLES or (t.text.isalpha() and t.text.islower())
                         for t in tokens[k + 1:m.start])
                 for k in range(lo, m.start))
    if not opened:
        return False
    nouns = rules.syntax.toll_attacks
    for k in range(m.end, min(len(tokens), m.end + MODIFIER_GAP + 1)):
        if tokens[k].lemma in nouns:
            return True
        if not (tokens[k].text.isalpha() and tokens[k].text.islower()):
            return False
    return False


def border_side(tokens: Sequence[Token], m: TokMention, rules: EnglishRules) -> bool:
    """Rule en:border-side: "close to the Niger border", "near the border with Colombia": the
    country is the far side of the place of the act, not its target (no recipient; with no
    other party named it may still be the doer, "a clash along the border with Afghanistan").
    The border word heads its phrase ("the Niger border area", not "Pakistan border posts") and
    a word of location stands at most BORDER_LOCATIVE_GAP words before the phrase."""
    words = rules.syntax.border_words
    nxt = tokens[m.end] if m.end < len(tokens) else None
    if nxt is not None and nxt.lemma in words:
        after = tokens[m.end + 1] if m.end + 1 < len(tokens) else None
        modifier = after is not None and after.pos in ("NOUN", "PROPN")
        if modifier and after is not None and after.lemma not in rules.syntax.border_places:
            return False  # "Pakistan border posts", "the Afghan border guards": a party
        return _locative_before(tokens, m.start, rules)
    k = m.start - 1
    if k >= 1 and tokens[k].lemma == "with" and tokens[k - 1].lemma in words:
        return _locative_before(tokens, k - 1, rules)
    return False


def _locative_before(tokens: Sequence[Token], k: int, rules: EnglishRules) -> bool:
    """A word of location ("near", "along", "close to") at most BORDER_LOCATIVE_GAP words before
    token ``k``, past the determiners and modifiers of the border phrase ("near its western")."""
    for j in range(k - 1, max(-1, k - 1 - BORDER_LOCATIVE_GAP), -1):
        if tokens[j].lemma in rules.syntax.border_locatives:
            return True
        if tokens[j].pos in ("VERB", "PUNCT", "AUX"):
            return False
    return False


def _main_object(tokens: Sequence[Token], trig: Trigger, actor: Sequence[TokMention],
                 before: Sequence[TokMention]) -> list[TokMention]:
    """Rule en:trailing-participle: "Israel struck Iran overnight, killing 12", "X shelled Y on
    Monday, wounding five": a participle opened by a comma after the main act shares that act's
    subject and object; with no party named after it, its recipient is the main clause's object:
    the first mention after the actor in the stretch between the comma and the comma before it
    (not an aside set off by commas, "Israel, backed by the US, struck Iran")."""
    comma = trig.start - 1
    if comma < 1 or tokens[comma].text != "," or not tokens[trig.start].text.casefold().endswith("ing"):
        return []
    end = max(m.end for m in actor)
    prev = max((k for k in range(end, comma) if tokens[k].text == ","), default=end - 1)
    own = {m.code for m in actor}
    return [m for m in before if m.start > prev and m.end <= comma and m.code not in own][:1]


def _speaker_agent(roles: Roles, attr: Attribution, antecedent: tuple[Entity, ...]) -> None:
    """Rule en:speaker-passive: "The ambassador was summoned ..., the ministry said", "The Afghan
    government was urged to ..., the statement said": a statement act told in the passive with
    no agent is the speaker's own (the speaker named, else the actor of the sentence before)."""
    if attr.claimants:
        roles.actor = list(attr.claimants[:1])
    elif antecedent:
        roles.inherited = antecedent
    else:
        return
    roles.notes.append("en:speaker-passive: a statement act with no agent -> the speaker")


def _after_phrase_at(tokens: Sequence[Token], i: int, phrases: Sequence[tuple[str, ...]]) -> bool:
    lemmas = tuple(t.lemma for t in tokens[max(0, i - 4):i])
    lemmas = lemmas[:-1] if lemmas[-1:] == ("the",) else lemmas  # "linked to the Islamic State"
    return any(lemmas[-len(p):] == p for p in phrases)


def _speaker_goes_on(tokens: Sequence[Token], attr: Attribution, trig: Trigger) -> bool:
    between = tokens[attr.lead_end:trig.start]
    return bool(attr.lead_end and between) and all(t.text == "," for t in between) \
        and tokens[trig.start].text.casefold().endswith("ing")


def _reported_object(tokens: Sequence[Token], attr: Attribution, trig: Trigger, rules: EnglishRules) -> bool:
    """Rule en:reported-object: "Colombian authorities reported an explosives attack": an act
    named as the object of a reporting verb is someone else's, not the reporter's (a
    statement act, "announced a ban", is the speaker's own)."""
    nxt = tokens[attr.lead_end] if attr.lead_end < len(tokens) else None
    cue = attr.cue.cue.pattern if attr.cue is not None else ""
    return nxt is not None and cue in rules.syntax.reporting_objects and nxt.lemma in ARTICLES \
        and nxt.lemma not in rules.syntax.pronouns and trig.entry.event not in rules.syntax.statements


def _gerund_subject(tokens: Sequence[Token], trig: Trigger) -> bool:
    """Rule en:gerund-subject: "Fighting flared last month over ...", "Shelling continued
    overnight": a sentence opened by the act as a gerund names no doer; it is not the
    sentence before's actor (a coordinated clause, "... and demanded ...", opens in lower case)."""
    first = tokens[trig.start].text
    return trig.start == 0 and first[:1].isupper() and first.casefold().endswith("ing")


def _anaphor(tokens: Sequence[Token], a: int, b: int, rules: EnglishRules) -> bool:
    """A pronoun or a noun pointing back ("the group"), not one brought in as new ("by an armed
    group", "unidentified gunmen")."""
    def new(k: int) -> bool:
        return any(x.lemma in rules.syntax.unnamed_markers for x in tokens[max(0, k - 2):k])

    return a >= b or any(t.lemma in rules.syntax.pronouns or (t.lemma in rules.syntax.anaphors and not new(k))
                         for k, t in enumerate(tokens[a:b], a))


def _first_person(tokens: Sequence[Token], a: int, trig: Trigger, rules: EnglishRules) -> bool:
    """en:first-person-speaker: a quote told before its speaker whose subject is the speaker's
    own side: "we", "our military" before the trigger, or right after an opening participle
    clause ("While strengthening our monitoring, our military is ...")."""
    window = list(tokens[a:trig.start])
    if tokens[trig.start].text.casefold().endswith("ing"):
        comma = next((k for k in range(trig.end, len(tokens)) if tokens[k].text == ","), None)
        window += list(tokens[comma + 1:comma + 1 + OPENER_SUBJECT]) if comma is not None else []
    return any(t.lemma in rules.syntax.first_person for t in window)


def _opens_with_pronoun(tokens: Sequence[Token], a: int, rules: EnglishRules) -> bool:
    """"X said it would hold Israel responsible": the clause's subject is X's "it"."""
    words = [t.lemma for t in tokens[a:a + 2]]
    if not words:
        return False
    return words[0] in rules.syntax.pronouns or (
        words[0] == "the" and len(words) > 1 and words[1] in rules.syntax.anaphors)


def _in_origin(tokens: Sequence[Token], k: int, rules: EnglishRules) -> bool:
    """Is the mention at ``k`` inside a from-phrase ("from Lebanon", "from the Pyongyang area",
    "from two border regions in Russia"), up to ORIGIN_WINDOW tokens after "from" and before
    any word that turns to a goal ("toward", "at", "into", a comma)?"""
    for j in range(k - 1, max(-1, k - 1 - ORIGIN_WINDOW), -1):
        lemma = tokens[j].lemma
        if lemma in rules.syntax.origin_words:
            return True
        if lemma in rules.syntax.aimed_at or lemma in (",", "and", "toward", "towards", "into", "to"):
            return False
    return False


def _number_switch(tokens: Sequence[Token], a: int, before: Sequence[TokMention], trig: Trigger,
                   rules: EnglishRules) -> TokMention | None:
    """Rule en:pronoun-number: "The JCS said it suspects the soldiers' crossing was accidental
    while they were on patrol": a clause opened by a singular pronoun (the speaker's "it")
    whose trigger follows a plural one ("they") after a named party: "they" is that party,
    not the speaker. Returns the party named last before the plural pronoun."""
    if a >= len(tokens) or tokens[a].lemma not in rules.syntax.pronouns \
            or tokens[a].lemma in rules.syntax.plural_pronouns:
        return None
    plural = max((k for k in range(a + 1, trig.start) if tokens[k].lemma in rules.syntax.plural_pronouns),
                 default=None)
    if plural is None:
        return None
    return max((m for m in before if m.end <= plural), key=lambda m: m.start, default=None)


def _pronoun_subject(tokens: Sequence[Token], a: int, b: int, rules: EnglishRules) -> bool:
    """After "X said": "it", "the group", "its forces", or no subject at all point to X; not
    an article before the trigger ("determined that the launches involved ..."): the event
    noun is then the subject, and its doer is not named."""
    between = [t for t in tokens[a:b] if t.lemma != "that"]
    if between and all(t.lemma in ("a", "an", "the") for t in between):
        return False
    return a >= b - 3 or any(t.lemma in rules.syntax.pronouns or t.lemma in rules.syntax.anaphors
                             for t in tokens[a:b])


def _accused_first(tokens: Sequence[Token], ms: list[TokMention]) -> list[TokMention]:
    """"complained to the UN over Israeli air raids", "lodged a complaint with the Security Council
    against Israel": the accused, not the addressee."""
    if len(ms) < 2 or not {"to", "with"} & {t.lemma for t in tokens[max(0, ms[0].start - 2):ms[0].start]}:
        return ms
    for m in ms[1:]:
        words = {t.lemma for t in tokens[max(0, m.start - 4):m.start]}
        if words & {"over", "about", "against", "for"}:
            return [m, *[x for x in ms if x is not m]]
    return ms


def _civilian(tokens: Sequence[Token], m: TokMention, rules: EnglishRules) -> bool:
    """A victim of the actor's own country ("banned Ugandan opposition candidates", "in
    Haiti"), not a foreign target ("a U.S. base", "Israeli soldiers")."""
    if m.mention.entity.sector in ("MIL", "GOV", "COP"):
        return False
    nxt = tokens[m.end].lemma if m.end < len(tokens) else ""
    return nxt not in rules.syntax.military_targets


def _generic_actor(tokens: Sequence[Token], a: int, b: int, free: Sequence[TokMention],
                   rules: EnglishRules) -> Entity | None:
    noun = next((t for t in tokens[a:b] if t.lemma in rules.syntax.generic_actors), None)
    if noun is None or not free:
        return None
    pos = noun.i
    near = min(free, key=lambda m: abs(m.start - pos))
    e = near.mention.entity
    return Entity(text=noun.text, name=e.name, code=e.code, sector=None)
