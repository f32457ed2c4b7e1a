"""Triggers that describe rather than report (``choice.WORD_RULES`` and ``read_trigger`` use them).

A sentence that says what an act told before was ("It was the third attack this month"), names
it ("called it a cowardly attack"), makes it the topic of a noun of its details ("the details of
the launch"), hears it ("heard a series of explosions"), points back to a truce in force ("breaking
the ceasefire"), states a present state ("access is restricted") or describes a party in a
relative clause ("the coalition that is backing ...") reports no new act.
"""

from __future__ import annotations

from collections.abc import Sequence

from frontwatch.coding.en.rules import EnglishRules, Trigger
from frontwatch.records import Token

# Adverbs allowed between a present copula and its participle ("are already too occupied").
STATIVE_ADVERBS = 2
# Words between "It was the" and the event noun it describes ("the highest-ranking visit").
COPULA_WINDOW = 5
# Tokens between a verb of hearing or reporting and the sound ("heard a series of explosions").
SOUND_WINDOW = 5
# Words between a determiner and the truce it points back to ("the fragile U.S.-backed ceasefire").
ARRANGEMENT_MODIFIERS = 3
# Tokens before that determiner searched for a verb that declares the truce ("declared the truce").
LIGHT_BEFORE = 3


def copular_description(tokens: Sequence[Token], t: Trigger, rules: EnglishRules) -> bool:
    """Rule en:copular-description: "It was the highest-ranking visit from the U.S. in a quarter
    of a century", "This is the third attack this month", "It marks the first time that the
    North fired a ballistic missile toward ..." (4 sentences over the en dev sets, realworld,
    the GSR dev half and 46 unlabeled pages): a sentence that says what an act told
    before was (it / this / that + be + an article, the trigger within COPULA_WINDOW tokens or
    in the same clause: "It was the second incident in hours as the Houthis vow to ...")."""
    if len(tokens) < 3 or tokens[0].lemma not in ("it", "this", "that"):
        return False
    copula = tokens[1].text.casefold() in ("is", "was", "'s", "’s", "marks", "marked")
    if not (copula and tokens[2].lemma in rules.syntax.determiners and t.start > 2):
        return False
    return t.start <= 2 + COPULA_WINDOW or not any(x.pos == "PUNCT" for x in tokens[3:t.start])


def named_act(tokens: Sequence[Token], t: Trigger, rules: EnglishRules) -> bool:
    """Rule en:naming: "he called it \"a cowardly attack\"", "calling it a warning": a naming
    verb, "it"/"this"/"that" and at most COPULA_WINDOW words (quotes, "as", an article,
    modifiers) before the trigger."""
    for k in range(t.start - 1, max(0, t.start - COPULA_WINDOW - 2), -1):
        if tokens[k].lemma in ("it", "this", "that") and tokens[k - 1].lemma in rules.syntax.naming_verbs:
            return True
        if tokens[k].text in (",", ";", ":", "(", ")"):
            return False
    return False


def after_aspect(tokens: Sequence[Token], t: Trigger, rules: EnglishRules) -> bool:
    """Rule en:aspect: "analyzing the details of the launch", "the type of the missile launched":
    an act named as the topic of a noun of its details is no act of the sentence's subject."""
    k = t.start - 1
    if k >= 0 and tokens[k].lemma in rules.syntax.determiners:
        k -= 1
    return k >= 1 and tokens[k].lemma == "of" and tokens[k - 1].lemma in rules.syntax.aspects


def heard_sound(tokens: Sequence[Token], t: Trigger, rules: EnglishRules) -> bool:
    """Rule en:heard-sound: "correspondents heard a series of explosions", "the ship later
    reported two more explosions nearby": an explosion or gunfire heard, seen or reported,
    with no "by", names no one's act (the attack it may be is told with its doer elsewhere)."""
    if tokens[t.start].lemma not in rules.syntax.sounds:
        return False
    window = tokens[max(0, t.start - SOUND_WINDOW):t.start]
    after = [x.lemma for x in tokens[t.end:t.end + 2]]
    verbs = rules.syntax.perception_verbs
    return any(x.lemma in verbs or x.text.casefold() in verbs for x in window) and "by" not in after


def known_arrangement(tokens: Sequence[Token], t: Trigger, rules: EnglishRules) -> bool:
    """Rule en:known-arrangement: "breaking the ceasefire", "The truce agreement, engineered by
    ...", "a U.S.-backed ceasefire ... fell under jeopardy" after "the": a truce named with a
    determiner that points back is an arrangement in force, not an act; one declared, agreed or
    announced ("declared the ceasefire") stays."""
    if t.entry.event not in ("RETREAT", "AGREE") or tokens[t.start].lemma not in rules.syntax.arrangements:
        return False
    k = t.start - 1
    known = rules.syntax.known_determiners
    while k >= 0 and t.start - k <= ARRANGEMENT_MODIFIERS and tokens[k].lemma not in known:
        k -= 1
    if k < 0 or tokens[k].lemma not in rules.syntax.known_determiners:
        return False
    before = {x.lemma for x in tokens[max(0, k - LIGHT_BEFORE):k]}
    return not before & (rules.syntax.light_verbs | rules.syntax.arrangement_verbs)


def stative_passive(tokens: Sequence[Token], t: Trigger, rules: EnglishRules) -> bool:
    """"access to Tigray is restricted", "where troops are stationed": a present-tense passive
    with no agent describes a state. Up to one adverb between ("are already too occupied")."""
    word = tokens[t.start].text.casefold()
    if not word.endswith(("ed", "en")) or t.start == 0 or tokens[t.start].lemma in rules.syntax.not_passive:
        return False  # "is committed to", "is prepared to": a stance, said now
    k = t.start - 1
    def adverb(x: Token) -> bool:
        return (x.text.isalpha() and x.text.casefold().endswith("ly")) or x.lemma in rules.syntax.degree_words

    while k > 0 and t.start - k <= STATIVE_ADVERBS and adverb(tokens[k]):
        k -= 1
    if tokens[k].text.casefold() not in rules.syntax.present_copulas:
        return False
    return not any(x.lemma == "by" for x in tokens[t.end:t.end + STATIVE_ADVERBS + 2])


def relative_description(tokens: Sequence[Token], t: Trigger, rules: EnglishRules) -> bool:
    """"the Saudi-led coalition that is backing Yemen's government", "the Israeli military,
    which is waging an offensive": a relative pronoun and a progressive or perfect auxiliary
    right before the trigger describe a party, they report no new act."""
    if present_relative(tokens, t, rules) or relative_aside(tokens, t, rules):
        return True
    lo = max(0, t.start - 3)
    if t.start - lo < 2 or tokens[t.start - 1].lemma not in rules.syntax.describing_aux:
        return False
    k = next((k for k in range(t.start - 2, lo - 1, -1) if tokens[k].lemma in rules.syntax.relatives), None)
    if k is None or k == 0:
        return False
    head = tokens[k - 1]  # "announced (Thursday) that it has": what is said, not a relative clause
    at = _before_date(tokens, k, rules)  # "said on March 19 that it had expelled": past the date
    said = any(x.lemma in rules.syntax.reporting_heads for x in tokens[max(0, at - 3):k])
    return head.text.casefold() == head.lemma and not said


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _before_date(tokens: Sequence[Token], k: int, rules: EnglishRules) -> int:
    """The index where a date phrase right before token ``k`` starts ("on March 19", "on Friday"),
    or ``k`` when none stands there."""
    j = k
    while j > 0 and (tokens[j - 1].text.isdigit() or tokens[j - 1].text.casefold() in rules.syntax.month_names
                     or tokens[j - 1].text.casefold() in WEEKDAYS):
        j -= 1
    if j < k and j > 0 and tokens[j - 1].text.casefold() == "on":
        j -= 1
    return j


def relative_aside(tokens: Sequence[Token], t: Trigger, rules: EnglishRules) -> bool:
    """"President Petro, whose administration is negotiating a ceasefire with the group,
    condemned ...": a trigger inside a relative clause set off by a comma and closed by another
    before the sentence's end describes the party before it, not the news."""
    for k in range(t.start - 1, 0, -1):
        if tokens[k].pos == "PUNCT" and tokens[k].text != "-":
            return False
        aside = tokens[k].lemma in rules.syntax.relatives and tokens[k].lemma != "that"
        if aside and tokens[k - 1].text == ",":
            return any(x.text == "," for x in tokens[t.end:])
    return False


def present_relative(tokens: Sequence[Token], t: Trigger, rules: EnglishRules) -> bool:
    """"any jurisdiction that supports Iran's military", "firms which supply the army": a
    relative pronoun right before a verb in the simple present describes what a party does
    as a rule, not a new act (the past, "firms that helped Iran", may be the news)."""
    k = t.start - 1
    if k < 1 or tokens[k].lemma not in rules.syntax.relatives:
        return False
    verb, lemma = tokens[t.start].text.casefold(), tokens[t.start].lemma
    if verb not in (lemma, lemma + "s", lemma + "es") or verb.endswith(("ed", "ing")):
        return False
    head = tokens[k - 1]
    said = any(x.lemma in rules.syntax.reporting_heads for x in tokens[max(0, k - 3):k])
    return (head.text.isalpha() or head.text == ",") and not said  # "the Houthis, who attack ..."
