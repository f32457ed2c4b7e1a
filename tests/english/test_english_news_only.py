"""Issue 12, English precision on unseen pages: what a sentence tells is news, with its parties.

Hand-written sentences, no gazetteer. Each test names the rule it checks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from frontwatch.coding.coder import finish
from frontwatch.coding.context import CodingContext
from frontwatch.coding.en import code_sentences
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Event
from tests.english.conftest import english_doc

Code = Callable[..., list[Event]]
PUBLISHED = dt.date(2025, 6, 13)


def brief(evs: list[Event]) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in evs]


@pytest.mark.parametrize("text", [
    "Malian troops killed ten gunmen on Monday close to the Niger border.",
    "Malian troops killed ten gunmen on Monday near the border with Niger.",
    "Malian troops killed ten gunmen on Monday in the Niger border area.",
])
def test_the_far_side_of_a_border_is_a_place_not_a_party(code_en: Code, text: str) -> None:
    """en:border-side: the country beyond the border where the act happened is no recipient."""
    evs = code_en(text, PUBLISHED)
    assert brief(evs) == [("ASSAULT", ["MLI"], ["MLI"])]


def test_a_country_before_border_posts_stays_a_party(code_en: Code) -> None:
    """en:border-side: "Pakistan border posts" are Pakistan's, the target of the attack."""
    evs = code_en("Afghan forces attacked Pakistan border posts on Sunday.", PUBLISHED)
    assert brief(evs) == [("ASSAULT", ["AFG"], ["PAK"])]


@pytest.mark.parametrize("text", [
    "Israel and Hezbollah agreed to a ceasefire in November.",
    "Houthi fighters began attacking Israeli ships in mid-November.",
    "Russian troops shelled Ukrainian positions in early March, the governor said.",
])
def test_an_act_in_a_month_well_before_the_story_is_background(code_en: Code, text: str) -> None:
    """en:background-month: "in November" in a June story is a recap, not news."""
    assert code_en(text, PUBLISHED) == []


@pytest.mark.parametrize("text", [
    "Russian troops shelled Ukrainian positions in early June, the governor said.",
    "Russian troops shelled Ukrainian positions in May, the governor said.",
])
def test_an_act_of_the_story_s_month_or_the_last_is_news(code_en: Code, text: str) -> None:
    """en:background-month: the story's own month and the month before stay news."""
    assert brief(code_en(text, PUBLISHED)) == [("ASSAULT", ["RUS"], ["UKR"])]


def test_a_month_with_no_story_day_is_no_recap(code_en: Code) -> None:
    """en:background-month needs the story's day to count back from."""
    evs = code_en("Russian troops shelled Ukrainian positions in March.", None)
    assert brief(evs) == [("ASSAULT", ["RUS"], ["UKR"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("Despite a ceasefire between Israel and Hezbollah, Israel struck Hezbollah targets on Monday.",
     [("ASSAULT", ["ISR"], ["LBN"])]),
    ("Despite the peace talks with Russia, Ukraine struck Russian positions on Monday.",
     [("ASSAULT", ["UKR"], ["RUS"])]),
])
def test_an_act_in_a_concessive_phrase_is_no_event(code_en: Code, text: str,
                                                    expected: list[tuple[str, list[str], list[str]]]) -> None:
    """en:concessive: what the act goes against ("despite a ceasefire") is not the news."""
    assert brief(code_en(text, PUBLISHED)) == expected


def test_an_attack_after_in_spite_of_is_no_attack(code_en: Code) -> None:
    """en:concessive: "in spite of Russian attacks" names no attack of the sentence."""
    evs = code_en("The talks went on in spite of Russian attacks on Ukrainian cities.", PUBLISHED)
    assert "ASSAULT" not in [e.event for e in evs]


@pytest.mark.parametrize("text", [
    "The Houthis said they would continue until Israel withdraws from Gaza.",
    "Ukraine said it would not stop unless Russia ends its invasion.",
])
def test_an_act_in_a_condition_clause_is_no_event(code_en: Code, text: str) -> None:
    """en:condition-clause: "until Israel withdraws" is a condition still to be met."""
    assert code_en(text, PUBLISHED) == []


def test_a_speaker_named_after_a_title_is_the_next_sentence_s_antecedent(code_en: Code) -> None:
    """en:speaker-subject: a sentence with no record whose speaker stands after "Their leader,"
    hands that speaker on: "he" of the next sentence is the Houthis' leader, not Israel."""
    evs = code_en("Israel bombed Gaza on Monday. Their leader, Abdulmalik al-Houthi, has repeatedly said "
                  "they will go on. On Thursday, he said the group will start attacking Israeli ships.",
                  PUBLISHED)
    assert ("THREATEN", ["YEM"], ["ISR"]) in brief(evs)
    assert ("THREATEN", ["ISR"], ["ISR"]) not in brief(evs)


def test_a_perfect_with_a_since_phrase_before_it_is_background(code_en: Code) -> None:
    """en:background-marker: the since-span may stand in the subject, before the perfect."""
    text = "A counter-offensive led by Nigeria since January has recaptured towns from Boko Haram."
    assert code_en(text, PUBLISHED) == []


def test_a_perfect_with_no_since_phrase_is_news(code_en: Code) -> None:
    evs = code_en("Nigerian troops have recaptured two towns from Boko Haram.", PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]


@pytest.mark.parametrize(("text", "actor"), [
    ("One person was killed in an Israeli drone strike on a car in Lebanon on Friday.", "ISR"),
    ("Three people were killed during a Russian raid on a Ukrainian village.", "RUS"),
])
def test_the_party_modifying_an_attack_noun_after_a_toll_is_its_doer(code_en: Code, text: str,
                                                                     actor: str) -> None:
    """en:attack-modifier: "killed in an Israeli drone strike": Israel did it."""
    evs = code_en(text, PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]
    assert [a.code for a in evs[0].actor] == [actor]
    assert actor not in [r.code for r in evs[0].recipient]


@pytest.mark.parametrize(("text", "actor"), [
    ("Two farmers were killed on Sunday in northern Gaza amid renewed Israeli airstrikes.", "ISR"),
    ("A shepherd was wounded in heavy Indian fire along the Line of Control.", "IND"),
])
def test_the_attack_noun_after_a_toll_needs_no_article(code_en: Code, text: str, actor: str) -> None:
    """en:attack-modifier: "amid renewed Israeli airstrikes", "in heavy Indian fire": no article
    before the party, a lower-case word or two; "amid" links the toll as "in" does."""
    evs = code_en(text, PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]
    assert [a.code for a in evs[0].actor] == [actor]
    assert actor not in [r.code for r in evs[0].recipient]


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("A Russian patrol boat was badly damaged in a Ukrainian naval drone attack near Sevastopol.",
     "UKR", "RUS"),
    ("Damascus, March 3 (Wire) A Turkish drone strike killed two Syrian Kurdish fighters near "
     "Qamishli.", "TUR", "SYR"),
])
def test_the_party_written_before_an_attack_noun_is_its_doer(code_en: Code, text: str, actor: str,
                                                             recipient: str) -> None:
    """en:noun-modifier: "a Ukrainian naval drone attack" is Ukraine's, not the Russian boat's
    side that opens the sentence; with no party after it, that first party is the target."""
    evs = code_en(text, PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]
    assert [a.code for a in evs[0].actor] == [actor]
    assert recipient in [r.code for r in evs[0].recipient]


def test_a_toll_caused_when_a_party_attacked_is_that_partys(code_en: Code) -> None:
    """en:when-clause: "was killed when Pakistani troops violated the ceasefire by resorting to
    shelling": the toll's cause is the "when" clause's party; "by resorting" names the means, not
    an agent (the place after it was read as the agent)."""
    evs = code_en("One farmer was killed and two others were injured when Pakistani troops violated the "
                  "ceasefire by resorting to mortar shelling near the border in Kashmir on Friday.",
                  PUBLISHED)
    attacks = [e for e in evs if e.event == "ASSAULT"]
    assert attacks and [a.code for a in attacks[0].actor] == ["PAK"]
    assert "PAK" not in [r.code for r in attacks[0].recipient]


def test_a_subject_naming_its_attack_keeps_its_actor(code_en: Code) -> None:
    """The subject's own party before the noun is the usual reading ("Russia's missile attack")."""
    evs = code_en("Russia launched a missile attack on Kyiv on Tuesday.", PUBLISHED)
    assert [(e.event, [a.code for a in e.actor]) for e in evs] == [("ASSAULT", ["RUS"])]


def test_a_launch_after_the_attack_it_made_is_that_attack(code_en: Code) -> None:
    """en:launch-detail: the count of missiles launched retells the attack, no posture record."""
    evs = code_en("Russian missiles struck Kyiv on Tuesday, killing two people. Russia had launched four "
                  "ballistic missiles, the Ukrainian air force said.", PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]


def test_a_launch_with_no_attack_before_it_stays_posture(code_en: Code) -> None:
    evs = code_en("North Korea launched a ballistic missile on Monday, the Japanese coast guard said.",
                  PUBLISHED)
    assert [e.event for e in evs] == ["MOBILIZE"]


@pytest.mark.parametrize("text", [
    "President Volodymyr Zelensky, whose government is negotiating a ceasefire with Russia, condemned "
    "the Russian attack.",
    "The Ukrainian president, who held talks with Russia, condemned the Russian attack.",
])
def test_an_act_in_a_relative_aside_describes_the_party(code_en: Code, text: str) -> None:
    """en:relative-description: the aside between commas describes the subject; the news is
    the main verb."""
    assert [e.event for e in code_en(text, PUBLISHED)] == ["ACCUSE"]


@pytest.mark.parametrize("verb", ["delivered", "lodged", "conveyed"])
def test_a_protest_handed_over_is_a_protest(code_en: Code, verb: str) -> None:
    """A light verb gives way to its noun: "delivered a strong protest" is no delivery of aid."""
    evs = code_en(f"Vietnam {verb} a strong protest to China on Monday.", PUBLISHED)
    assert brief(evs) == [("PROTEST", ["VNM"], ["CHN"])]


@pytest.mark.parametrize("text", [
    "Israel was required to fully withdraw its troops from Lebanon.",
    "Russia was supposed to withdraw its forces from Ukraine by January.",
    "Neither side has released any information about the clashes.",
])
def test_an_obligation_or_a_release_of_information_is_no_act(code_en: Code, text: str) -> None:
    """Capacity rows (an obligation, not an act done) and non-event rows (information released)."""
    assert code_en(text, PUBLISHED) == []


@pytest.mark.parametrize("text", [
    "It has not been confirmed how many missiles North Korea launched toward Japan.",
    "It was not immediately clear whether Russian troops attacked Ukrainian positions.",
])
def test_an_open_question_is_no_act(code_en: Code, text: str) -> None:
    """en:open-question: what is not known is not told as done."""
    assert code_en(text, PUBLISHED) == []


def test_it_marks_the_first_time_that_describes_an_act_told_before(code_en: Code) -> None:
    """en:copular-description: "It marks the first time that ..." names what the act was."""
    text = "It marks the first time that North Korea fired a ballistic missile toward South Korean waters."
    assert code_en(text, PUBLISHED) == []


def test_a_separate_attack_is_its_own_record(en_pipeline: EnglishPipeline, en_context: CodingContext) -> None:
    """en:separate-act: "killed in a separate Russian airstrike" is a second act, not merged
    into the first by the story or by dedup."""
    text = ("A Russian missile attack on Kyiv killed two people. Three more people were killed in a "
            "separate Russian airstrike in Kharkiv.")
    doc = english_doc(text, published=PUBLISHED)
    evs = finish(doc, code_sentences(doc, en_pipeline.sentences(doc), en_context.for_document(PUBLISHED)))
    assert [e.event for e in evs] == ["ASSAULT", "ASSAULT"]


def test_the_same_attack_told_again_is_one_record(en_pipeline: EnglishPipeline,
                                                  en_context: CodingContext) -> None:
    text = ("A Russian missile attack on Kyiv killed two people. Three more people were killed in the "
            "Russian attack.")
    doc = english_doc(text, published=PUBLISHED)
    evs = finish(doc, code_sentences(doc, en_pipeline.sentences(doc), en_context.for_document(PUBLISHED)))
    assert [e.event for e in evs] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Colombian President Juan Manuel Santos condemned the attack [in Spanish], external.",
    "The Yemeni government condemned the attack (in Arabic).",
])
def test_a_bracketed_language_tag_is_no_party(code_en: Code, text: str) -> None:
    """A link's language after the act ("[in Spanish]") names no country."""
    evs = code_en(text, PUBLISHED)
    assert [e.event for e in evs] == ["ACCUSE"]
    assert not {"ESP", "SAU", "ARE", "EGY"} & {r.code for r in evs[0].recipient}


def test_what_a_speaker_calls_an_act_is_no_new_act(code_en: Code) -> None:
    """en:naming: "he called it a cowardly attack" names the act told before."""
    text = 'Writing on Twitter, the Colombian president called it "a cowardly attack on our soldiers".'
    evs = code_en(text, PUBLISHED)
    assert "ASSAULT" not in [e.event for e in evs]


@pytest.mark.parametrize("text", [
    "The Houthis started attacking warships in mid-November, saying the move was meant to pressure Israel.",
])
def test_the_move_is_a_step_not_troops_moved(code_en: Code, text: str) -> None:
    """Non-event rows: "the move", "such a move" name a step, not a deployment."""
    assert "MOBILIZE" not in [e.event for e in code_en(text, PUBLISHED)]


@pytest.mark.parametrize("text", [
    "Islamist al Shabaab militants killed 12 Somali soldiers on Monday.",
    "Islamist Al Shabaab militants killed 12 Somali soldiers on Monday.",
])
def test_the_arabic_article_of_a_name_is_written_in_either_case(code_en: Code, text: str) -> None:
    """A lower-case "al" before a capitalised name is still the name: the group is the doer."""
    assert brief(code_en(text, PUBLISHED)) == [("ASSAULT", ["SOM"], ["SOM"])]


def test_a_state_reporting_its_dead_is_the_target(code_en: Code) -> None:
    """en:reporting-victim: "Ecuador said ... soldiers were killed by FARC guerrillas": Ecuador's
    soldiers, not the guerrillas' own country."""
    evs = code_en("Ecuador said on Friday that 11 soldiers were killed by FARC guerrillas.", PUBLISHED)
    assert brief(evs) == [("ASSAULT", ["COL"], ["ECU"])]


def test_a_country_naming_the_agency_that_reports_is_no_target(code_en: Code) -> None:
    evs = code_en("Vessel off Yemeni coast reports missile hitting sea nearby, UK maritime agency says.",
                  PUBLISHED)
    assert "GBR" not in [r.code for e in evs for r in e.recipient]


def test_a_separate_named_airstrike_is_no_unnamed_attacker(code_en: Code) -> None:
    """en:unnamed-attacker takes only a generic noun after "a"/"an": "a separate Russian
    airstrike" names its side, so it is not folded into the attack before it as a detail."""
    evs = code_en("Russian troops shelled Kharkiv on Monday, killing two people. Three more people "
                  "were killed in a separate Russian airstrike in Kostiantynivka, officials said.",
                  PUBLISHED)
    notes = [n for e in evs for n in (e.explanation.notes if e.explanation else ())]
    assert not any(n.startswith("en:unnamed-attacker") for n in notes)


def test_a_clause_verb_between_article_and_noun_points_back_to_nothing(code_en: Code) -> None:
    """en:clause-verb: "the army launched strikes" is a new act, not "the strikes" told again."""
    evs = code_en("Rebels of the RSF shelled a camp in El Fasher on Monday, killing ten people. "
                  "On Wednesday, the army launched strikes on RSF positions in North Darfur.")
    assert len(evs) == 2
    assert not any(n.startswith("en:known-action") for e in evs
                   for n in (e.explanation.notes if e.explanation else ()))


def test_the_reported_attack_still_points_back(code_en: Code) -> None:
    """en:known-action: a participle right after the article ("the reported attack") is part of
    the noun's phrase, so the sentence retells the attack before it."""
    evs = code_en("Rebels of the RSF shelled a camp in El Fasher on Monday, killing ten people. "
                  "The reported attack drew condemnation.")
    assert [e.event for e in evs] == ["ASSAULT"]
