"""Named constraints on an English candidate frame (issue 12, kinds 1, 2 and 5).

Each constraint reads the chosen trigger, the roles found and the sentence, and says what
changes and why; the rule name goes into the record's explanation, so ``explain`` prints it.
Their word lists are rows of ``syntax.en.toml``.

- ``en:background-since``: a trigger inside a clause opened by "since" ("since Russia invaded
  in February") is the author's recap of earlier events, not news: it cannot be the event.
- ``en:background-year``: a trigger whose clause names an earlier year than the article's
  ("the capital seized by the Houthis in 2014") is background, not news.
- ``en:background-marker``: "in the past", "for years" in the clause, a perfect with a
  since-phrase after it ("have bombed Houthi targets since January"), or a perfect with a
  war's toll ("has killed thousands of people"): a recap.
- ``en:background-perfect``: a present perfect whose clause goes on, past any apposition, to
  "since ..." or a span of months or years ("Burkina Faso has been battling militants, some with
  links to Al Qaeda, since 2015"): the course of a war, not one act.
- ``en:background-before``: a trigger inside an opening "Before his arrest, ..." names an
  earlier act as the time of what follows.
- ``en:interview-opener``: "Talking to Dawn, an official said ...": the participle names the
  interview, not an event.
- ``en:evaluated``: an event noun whose clause goes on "... was important", "... is essential"
  names what someone thinks is needed ("cooperation from the Afghan side was important"),
  not an act.
- ``en:posture-launch``: a missile or rocket launched or fired with no target named (a test, a
  launch into the sea, also one off a country's coast) is military posture, MOBILIZE, not an
  attack on anyone.
- ``en:purpose``: a trigger shortly after a phrase of purpose or effort ("with the aim of
  reviving a ceasefire", "striving to reach a ceasefire") names an aim, not an act.
- ``en:not-domestic``: a country does not mobilise against, sanction, consult, cooperate with
  or aid itself: for these types the "actor's own country" fallback gives no recipient.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from frontwatch.coding.en.rules import EnglishRules, Trigger
from frontwatch.coding.posture import sea_launch_en
from frontwatch.records import Token

# Tokens between "has"/"have" and the participle of a perfect ("have also been shelling").
PERFECT_WINDOW = 3
# Tokens a progressive perfect adds ("has been carrying out attacks": "been carrying out").
PROGRESSIVE_EXTRA = 2
# Years from here on are dates ("in 2014"); smaller four-digit numbers are counts.
EARLIEST_YEAR = 1900
# Tokens before a trigger searched for the opener of its clause ("since Russia's full-scale
# invasion of Ukraine in February 2022" puts "invasion" four tokens after "since").
CLAUSE_WINDOW = 8
# Tokens after a perfect's participle searched for a war's toll ("has killed more than 37,000").
TALLY_WINDOW = 3
# A count from here on is a toll told as background: the death counts of single attacks in the
# gold sets (shared/eval/realworld, tests/gold/en) are all below it.
TALLY_LEAST = 1000
# Months back from the story's day from which a month named as a point in the past ("in
# November") makes its clause a recap: a story tells the acts of its own and the last month.
BACKGROUND_MONTHS = 2
# Tokens between a phrase of purpose and the trigger it governs ("striving to reach a ceasefire").
PURPOSE_WINDOW = 4

def in_background(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """Is the trigger inside a "since ..." clause (no punctuation between them)?"""
    return opened_by(tokens, trig, rules.syntax.background_openers, rules)


def in_condition(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """Rule en:condition-clause: is the trigger inside an "until ...", "unless ...", "if ..." clause?"""
    return opened_by(tokens, trig, rules.syntax.condition_openers, rules)


def opened_by(tokens: Sequence[Token], trig: Trigger, openers: frozenset[str], rules: EnglishRules) -> bool:
    """Is the trigger inside a clause opened by one of ``openers`` (no punctuation between them,
    CLAUSE_WINDOW tokens at most), one whose next word is no point in time ("since Monday")?"""
    for k in range(trig.start - 1, max(-1, trig.start - CLAUSE_WINDOW - 1), -1):
        tok = tokens[k]
        if tok.pos == "PUNCT" or tok.text in (",", ";", ":", "(", ")", '"'):
            return False
        if tok.lemma in openers:
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            return nxt is not None and not nxt.text[:1].isdigit() \
                and nxt.lemma not in rules.syntax.background_time_words
    return False


def in_past_year(tokens: Sequence[Token], trig: Trigger, year: int | None, rules: EnglishRules) -> bool:
    """Does the trigger's clause (up to punctuation on both sides) name a year before ``year``?"""
    if year is None:
        return False
    lo, hi = _clause(tokens, trig)
    # "the deadliest attack since 2014" is news measured against the past
    return any(len(t.text) == 4 and t.text.isdigit() and EARLIEST_YEAR <= int(t.text) < year
               and not (k > 0 and tokens[k - 1].lemma in rules.syntax.background_openers)
               for k, t in enumerate(tokens) if lo <= k < hi)


def in_past_month(tokens: Sequence[Token], trig: Trigger, day: dt.date | None, rules: EnglishRules) -> bool:
    """Rule en:background-month: does the trigger's clause name a month as a point in the past
    ("in November", "in mid-November") at least BACKGROUND_MONTHS before the story's day? A
    month with its day number is a date, not a recap."""
    if day is None:
        return False
    lo, hi = _clause(tokens, trig)
    names = rules.syntax.month_names
    for k in range(max(lo, 1), hi):
        word = tokens[k].text.casefold()
        point = k - 2 if inner_hyphen(tokens, k - 1) else k - 1  # "mid-November"
        if word not in names or point < 0 or tokens[point].lemma not in rules.syntax.month_points:
            continue
        nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
        if nxt.isdigit() and len(nxt) <= 2:
            continue  # "in November 12": a day
        back = (day.month - 1 - names.index(word)) % 12
        if nxt.isdigit() and len(nxt) == 4:
            back = (day.year - int(nxt)) * 12 + day.month - 1 - names.index(word)
        if back >= BACKGROUND_MONTHS:
            return True
    return False


def conceded(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """Rule en:concessive: is the trigger inside a phrase opened by "despite", "in spite of"
    (no punctuation but a hyphen inside a word between, CLAUSE_WINDOW tokens at most)?"""
    lemmas = [t.lemma for t in tokens]
    for k in range(trig.start - 1, max(-1, trig.start - CLAUSE_WINDOW - 1), -1):
        if tokens[k].pos == "PUNCT" and not inner_hyphen(tokens, k):
            return False
        if any(tuple(lemmas[k - len(p) + 1:k + 1]) == p for p in rules.syntax.concessives):
            return True
    return False


def open_question(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """Rule en:open-question: is the trigger inside a clause opened by a question word that
    follows a word of knowing ("not been confirmed how many missiles were launched"; one adverb
    may stand between, "not immediately clear what happened")?"""
    for k in range(trig.start - 1, max(0, trig.start - CLAUSE_WINDOW - 1), -1):
        if tokens[k].pos == "PUNCT" and not inner_hyphen(tokens, k):
            return False
        if tokens[k].lemma in rules.syntax.question_words:
            before = [t for t in tokens[max(0, k - 2):k] if not t.text.casefold().endswith("ly")]
            return bool(before) and before[-1].lemma in rules.syntax.knowing_words
    return False


def in_setting(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules,
               openers: frozenset[str] | None = None) -> bool:
    """Is the trigger inside a sentence-opening setting phrase ("Amid rising tensions ...,")?"""
    if not tokens or tokens[0].lemma not in (rules.syntax.setting_openers if openers is None else openers):
        return False
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), len(tokens))
    return trig.end <= comma


def before_setting(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """"Before his 2021 arrest, he served as ...": an act named in a sentence-opening phrase
    of earlier time is a time anchor of the past, not news (rule en:background-before)."""
    return in_setting(tokens, trig, rules, rules.syntax.earlier_openers) \
        and any(t.text == "," for t in tokens[trig.end:])


def _clause(tokens: Sequence[Token], trig: Trigger) -> tuple[int, int]:
    """Token bounds of the trigger's clause: up to punctuation on both sides, CLAUSE_WINDOW at most.
    The hyphen of a span of years ("the 1950-53 Korean War") or inside a word ("mid-November",
    "year-long") does not end a clause."""
    def stops(k: int) -> bool:
        return tokens[k].pos == "PUNCT" and not _year_span(tokens, k) and not inner_hyphen(tokens, k)

    lo = trig.start
    while lo > 0 and not stops(lo - 1) and trig.start - lo < CLAUSE_WINDOW:
        lo -= 1
    hi = trig.end
    while hi < len(tokens) and not stops(hi) and hi - trig.end < CLAUSE_WINDOW:
        hi += 1
    return lo, hi


def inner_hyphen(tokens: Sequence[Token], k: int) -> bool:
    """Is token ``k`` a hyphen written inside a word, no space on either side ("year-long")?"""
    if tokens[k].text != "-" or not 0 < k < len(tokens) - 1:
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    return before.idx + len(before.text) == tokens[k].idx and tokens[k].idx + 1 == after.idx


def _year_span(tokens: Sequence[Token], k: int) -> bool:
    """Is token ``k`` the dash between two numbers ("1950-53", "2014\u20132016")?"""
    return tokens[k].text in ("-", "\u2013") and 0 < k < len(tokens) - 1 \
        and tokens[k - 1].text.isdigit() and tokens[k + 1].text.isdigit()


def background_marked(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """"have been accused in the past of attacking ships", "have bombed Houthi targets since
    January": a marker of the past in the clause, or a perfect with a since-phrase after it."""
    lo, hi = _clause(tokens, trig)
    firsts = {p[0] for p in rules.syntax.background_markers}
    for k in range(lo, hi):
        if tokens[k].lemma in firsts:
            lemmas = tuple(t.lemma for t in tokens[k:hi])
            if any(lemmas[:len(p)] == p for p in rules.syntax.background_markers):
                return True
    perfect = _perfect(tokens, trig)
    if perfect and _tally(tokens[trig.end:trig.end + TALLY_WINDOW], rules):
        return True  # "Boko Haram has killed thousands of people": the toll of a war, not news
    if perfect and _since_opener(tokens, trig, rules):
        return True  # "Since November, the group has been carrying out attacks on ships"
    # "A counter-offensive spearheaded by Nigeria since January last year has recaptured ...":
    # the since-phrase stands in the subject, before the perfect
    return perfect and any(t.lemma in rules.syntax.background_openers for t in tokens[lo:hi])


def _perfect(tokens: Sequence[Token], trig: Trigger) -> bool:
    """A perfect before the trigger: "has attacked", "have also shelled", and the progressive
    "has been carrying out attacks" (its "been" allows PROGRESSIVE_EXTRA more tokens)."""
    lo = max(0, trig.start - PERFECT_WINDOW - PROGRESSIVE_EXTRA)
    for k in range(lo, trig.start):
        t = tokens[k]
        if t.lemma != "have" or t.text.casefold() not in ("has", "have"):
            continue
        been = any(x.text.casefold() == "been" for x in tokens[k + 1:trig.start])
        if trig.start - k <= PERFECT_WINDOW or been:
            return True
    return False


def _since_opener(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """The sentence opens with a since-phrase ("Since November, ...", "Since the war began, ...")
    whose comma comes before the trigger."""
    if not tokens or tokens[0].lemma not in rules.syntax.background_openers:
        return False
    comma = next((k for k in range(1, min(len(tokens), CLAUSE_WINDOW + 1)) if tokens[k].text == ","), None)
    return comma is not None and comma < trig.start


def background_duration(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """"after months of antigovernment protests", "amid years of war": an opener, a plural span
    of time, "of", at most one modifier, then the trigger (rule en:background-duration)."""
    for gap in (0, 1):
        k = trig.start - gap - 3  # the opener's index
        if k < 0:
            continue
        opener, unit, of = tokens[k], tokens[k + 1], tokens[k + 2]
        if opener.lemma in rules.syntax.duration_openers and unit.lemma in rules.syntax.duration_units \
                and unit.text.casefold() != unit.lemma and of.lemma == "of" \
                and all(t.text.isalpha() for t in tokens[k + 3:trig.start]):
            return True
    return False


def _tally(tokens: Sequence[Token], rules: EnglishRules) -> bool:
    """A war's toll: "thousands", "1.5 million", "more than 37,000"."""
    for t in tokens:
        digits = t.text.replace(",", "")
        if t.lemma in rules.syntax.tally_words or (digits.isdigit() and int(digits) >= TALLY_LEAST):
            return True
    return False


def for_purpose(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """Does a phrase of purpose end at most PURPOSE_WINDOW tokens before the trigger, with no
    punctuation between ("with the aim of reviving a ceasefire")?"""
    lemmas = [t.lemma for t in tokens]
    for p in rules.syntax.purpose_phrases:
        for end in range(max(len(p), trig.start - PURPOSE_WINDOW), trig.start + 1):
            gap = tokens[end:trig.start]
            if tuple(lemmas[end - len(p):end]) == p and not any(t.pos == "PUNCT" for t in gap):
                return True
    return False


def evaluated(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """Is the trigger the subject of "be" + an evaluative word ("cooperation ... was important")
    in its clause (no punctuation between, CLAUSE_WINDOW tokens at most)?"""
    for k in range(trig.end, min(len(tokens) - 1, trig.end + CLAUSE_WINDOW)):
        if tokens[k].pos == "PUNCT":
            return False
        if tokens[k].lemma == "be":
            rest = [t.lemma for t in tokens[k + 1:k + 3]]
            return any(w in rules.syntax.evaluative for w in rest)
    return False


def interview_opener(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """A sentence opening with "Talking to X," / "Speaking to reporters,"."""
    first = tokens[trig.start]
    return trig.start == 0 and first.text.casefold().endswith("ing") \
        and first.lemma in rules.syntax.interview_openers \
        and any(t.text == "," for t in tokens[trig.end:trig.end + CLAUSE_WINDOW])


# Words between "in" and the noun that names a launch an attack ("in a mass overnight attack").
ATTACK_WORDS = 3


def posture_launch(tokens: Sequence[Token], trig: Trigger, event: str, named_recipient: bool,
                   rules: EnglishRules) -> str | None:
    """MOBILIZE for a launch of projectiles at no one named, or into the sea ("into the sea off
    South Korea's east coast": a country named beside the sea is no target), else None."""
    into_sea = sea_launch_en([t.lemma.casefold() for t in tokens[trig.end:]])
    if event != "ASSAULT" or (named_recipient and not into_sea):
        return None
    lemmas_after = [t.lemma for t in tokens]
    counts = {k for k in range(trig.end, len(tokens)) for q in rules.syntax.quantifiers
              if tuple(lemmas_after[k:k + len(q)]) == q}  # "fired at least one missile": a count
    if any(t.lemma in rules.syntax.aimed_at and k not in counts
           for k, t in enumerate(tokens[trig.end:], trig.end)):
        return None  # "fired four shells at targets in Jericho": aimed at someone
    if _called_attack(lemmas_after, trig.end, rules):
        return None  # "launched 67 drones in a mass overnight attack": the sentence says attack
    lemmas = {t.lemma for t in tokens}
    trig_lemmas = " ".join(t.lemma for t in tokens[trig.start:trig.end])
    if trig_lemmas in rules.syntax.posture_launches and lemmas & rules.syntax.projectiles:
        return "MOBILIZE"
    return None


def no_domestic_recipient(event: str, rules: EnglishRules) -> bool:
    """Event types for which the actor's own country is never the fallback recipient."""
    return event in rules.syntax.never_domestic


def _called_attack(lemmas: Sequence[str], start: int, rules: EnglishRules) -> bool:
    """"in a (mass overnight) attack" after a launch: the launch is named an attack."""
    for k in range(start, len(lemmas)):
        if lemmas[k] == "in" and any(lemmas[j] in rules.syntax.launch_attacks
                                     for j in range(k + 1, min(len(lemmas), k + 2 + ATTACK_WORDS))):
            return True
    return False



# Tokens between a noun trigger and the perfect it is the subject of ("Fighting has ravaged").
SUBJECT_PERFECT = 2


def perfect_span(tokens: Sequence[Token], trig: Trigger, rules: EnglishRules) -> bool:
    """Rule en:background-perfect: the trigger's clause is a present perfect ("has"/"have", not the
    reported "had") and the sentence goes on, past any apposition, to "since ..." or a span of
    months or years ("over the last four years", "for months"): the course of a war, not one act.
    (The English pipeline has no dependency parser: both are read off the tokens.)"""
    after = tokens[trig.end:trig.end + SUBJECT_PERFECT + 1]
    subject_of = any(t.text.casefold() in ("has", "have") for t in after[:SUBJECT_PERFECT])
    if not (_perfect(tokens, trig) or subject_of):
        return False
    for k in range(trig.end, len(tokens)):
        if tokens[k].lemma in rules.syntax.perfect_span_stops or tokens[k].text == ";":
            return False  # "..., officials said since": the span belongs to another clause
        if _span_at(tokens, k, rules):
            return True
    return False


def _span_at(tokens: Sequence[Token], k: int, rules: EnglishRules) -> bool:
    """"since a coup in 2021", "since 2015" (not "since Monday", "since 7 October"),
    "over the last four years", "for months"."""
    if k + 1 >= len(tokens):
        return False
    nxt = tokens[k + 1]
    if tokens[k].lemma in rules.syntax.background_openers:
        if nxt.text.isdigit():
            return len(nxt.text) == 4
        return nxt.text[:1].isalpha() and nxt.lemma.casefold() not in rules.syntax.background_time_words
    if tokens[k].lemma not in rules.syntax.perfect_span_preps:
        return False
    for t in tokens[k + 1:k + 5]:
        word = t.text.casefold()
        if word.endswith("s") and word[:-1] in rules.syntax.perfect_span_units:
            return True  # the plural: "years", "months" (the lookup lemma leaves "years" as it is)
        if t.pos == "PUNCT" or word in rules.syntax.perfect_span_units:
            return False
    return False
