"""The named rules of the English stages (issue 12): hand-written sentences, no gazetteer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from frontwatch.coding.context import CodingContext
from frontwatch.coding.en.rules import default_rules
from frontwatch.coding.en.stages import CONSTRAINTS, EnglishStages
from frontwatch.coding.stages import check
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Event

from .conftest import english_doc

Code = Callable[..., list[Event]]
PUBLISHED = dt.date(2024, 3, 1)


def codes(entities: object) -> list[str]:
    return [e.code for e in entities]  # type: ignore[attr-defined]


def notes(ev: Event) -> str:
    return " ".join(ev.explanation.notes) if ev.explanation else ""


def test_background_since_clause_is_no_event(code_en: Code) -> None:
    evs = code_en("Ukraine has received 40 tanks from Poland since Russia invaded in February 2022.",
                  PUBLISHED)
    assert all(e.event != "ASSAULT" for e in evs)


def test_background_year_clause_is_no_event(code_en: Code) -> None:
    evs = code_en("The minister spoke in Sanaa, the capital seized by the Houthis in 2014.", PUBLISHED)
    assert all(e.event != "COERCE" for e in evs)


def test_deadliest_since_a_year_is_still_news(code_en: Code) -> None:
    evs = code_en("Russian forces shelled Kharkiv on Monday in the deadliest attack since 2014.",
                  PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"] and codes(evs[0].actor) == ["RUS"]


def test_missile_launch_into_the_sea_is_mobilization(code_en: Code) -> None:
    ev = code_en("North Korea fired a ballistic missile into the sea on Monday.", PUBLISHED)[0]
    assert ev.event == "MOBILIZE" and codes(ev.actor) == ["PRK"]
    assert ev.explanation is not None and ev.explanation.rule == "en:posture-launch"
    assert codes(ev.recipient) != ["PRK"]


def test_missiles_fired_at_a_target_stay_an_attack(code_en: Code) -> None:
    ev = code_en("Russia fired missiles at Kyiv on Monday.", PUBLISHED)[0]
    assert ev.event == "ASSAULT" and codes(ev.recipient) == ["UKR"]


def test_no_own_country_recipient_for_sanctions(code_en: Code) -> None:
    ev = code_en("Russia announced the expulsion of diplomats on Friday.", PUBLISHED)[0]
    assert ev.event == "SANCTION" and codes(ev.actor) == ["RUS"] and not ev.recipient
    assert "en:not-domestic" in notes(ev)


def test_will_face_consequences_is_the_speakers_threat(code_en: Code) -> None:
    ev = code_en("Israel will face severe consequences, Iran warned on Monday.", PUBLISHED)[0]
    assert ev.event == "THREATEN" and codes(ev.actor) == ["IRN"] and codes(ev.recipient) == ["ISR"]


def test_legitimate_targets_by_an_unnamed_speaker(code_en: Code) -> None:
    evs = code_en("The Houthis attacked a ship in the Red Sea. A spokesman said all British "
                  "warships have become legitimate targets.", PUBLISHED)
    last = evs[-1]
    assert last.event == "THREATEN" and codes(last.actor) == ["YEM"] and codes(last.recipient) == ["GBR"]


def test_destroyed_drones_are_the_other_sides_attack(code_en: Code) -> None:
    ev = code_en("Russian air defences destroyed 41 Ukrainian drones overnight, the ministry said.",
                 PUBLISHED)[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["UKR"] and codes(ev.recipient) == ["RUS"]
    assert ev.factuality == "claimed"


def test_colon_dateline_names_no_actor(code_en: Code) -> None:
    ev = code_en("BANGKOK: An airstrike led by the Myanmar military killed ten villagers on Tuesday.",
                 PUBLISHED)[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["MMR"]


def test_dash_dateline_without_space(code_en: Code) -> None:
    ev = code_en("BEIRUT (Wire) -Israeli forces fired on positions of U.N. peacekeepers on Thursday.",
                 PUBLISHED)[0]
    assert codes(ev.actor) == ["ISR"] and codes(ev.recipient) == ["UNO"]


def test_dateline_capital_is_a_generic_speakers_side(code_en: Code) -> None:
    ev = code_en("ISLAMABAD, Oct 23: A military spokesman blamed India on Wednesday for the "
                 "shelling.", dt.date(2013, 10, 24))[0]
    assert ev.event == "ACCUSE" and codes(ev.actor) == ["PAK"] and codes(ev.recipient) == ["IND"]


def test_headline_blamed_for_names_the_accused(code_en: Code) -> None:
    # the accuser is not named: no record of its own (en:no-actor), and never one by India
    assert code_en("Indian forces blamed for truce violations", PUBLISHED) == []
    ev = code_en("Pakistan says Indian forces blamed for truce violations", PUBLISHED)[0]
    assert ev.event == "ACCUSE" and codes(ev.recipient) == ["IND"] and codes(ev.actor) == ["PAK"]


def test_any_attack_is_no_attack(code_en: Code) -> None:
    evs = code_en("Any attack on peacekeepers is a grave violation of international law, "
                  "the United Nations said.", PUBLISHED)
    assert [e.event for e in evs] == ["ACCUSE"] and codes(evs[0].actor) == ["UNO"]


def test_interview_opener_is_no_consultation(code_en: Code) -> None:
    evs = code_en("Talking to reporters, a Pakistani official accused India of firing on villages.",
                  PUBLISHED)
    assert evs and evs[0].event == "ACCUSE"


def test_setting_phrase_comes_after_the_main_clause(code_en: Code) -> None:
    ev = code_en("Amid border skirmishes with Pakistan, India condemned the attacks on Sunday.",
                 PUBLISHED)[0]
    assert ev.event == "ACCUSE" and codes(ev.actor) == ["IND"]


def test_anonymity_is_no_request(code_en: Code) -> None:
    evs = code_en("Russian troops shelled the village, a Ukrainian official said, asking not to be "
                  "named.", PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]


def test_ceasefire_violations_are_firing(code_en: Code) -> None:
    ev = code_en("Pakistani troops committed ceasefire violations along the border on Monday.",
                 PUBLISHED)[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["PAK"]


def test_constraints_name_the_rule_that_drops_a_trigger(en_pipeline: EnglishPipeline,
                                                        en_context: CodingContext) -> None:
    doc = english_doc("Serbian troops shelled the village and did not attack the town.")
    sent = en_pipeline.sentences(doc)[0]
    stages = EnglishStages(en_context, default_rules(), None)
    seg = stages.segment(sent)
    frames = stages.frames(seg)
    verdicts = {f.trigger.text: check(seg, f, frames, CONSTRAINTS).verdicts[-1] for f in frames}
    assert verdicts["shelled"].passed
    assert not verdicts["attack"].passed and verdicts["attack"].rule == "en:one-action"


def test_attacks_blamed_on_a_group_are_its_attacks(code_en: Code) -> None:
    ev = code_en("Five soldiers were killed on Sunday in attacks blamed on Hamas.", PUBLISHED)[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["PSE"]


def test_persona_non_grata_is_an_expulsion(code_en: Code) -> None:
    ev = code_en("Montenegro declared a Russian diplomat persona non grata on Friday.", PUBLISHED)[0]
    assert ev.event == "SANCTION" and codes(ev.actor) == ["MNE"] and codes(ev.recipient) == ["RUS"]


def test_relative_clause_describes_a_party(code_en: Code) -> None:
    ev = code_en("The Saudi-led coalition that is backing the government launched airstrikes on "
                 "the Houthis on Monday.", PUBLISHED)[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["SAU"] and codes(ev.recipient) == ["YEM"]


def test_announced_that_it_has_is_no_relative_clause(code_en: Code) -> None:
    ev = code_en("The Nigerian union announced Thursday that it has called off a strike.", PUBLISHED)[0]
    assert ev.explanation is not None and ev.explanation.trigger != "announced"


def test_pledge_to_keep_attacking_is_a_threat(code_en: Code) -> None:
    evs = code_en("The Houthis attacked a ship on Monday. The group pledged to continue targeting "
                  "Israeli ships.", PUBLISHED)
    assert evs[-1].event == "THREATEN" and codes(evs[-1].actor) == ["YEM"]
    assert codes(evs[-1].recipient) == ["ISR"]


def test_recap_in_the_past_is_no_event(code_en: Code) -> None:
    evs = code_en("The Houthis have been accused in the past of attacking ships in the Red Sea.",
                  PUBLISHED)
    assert evs == []


def test_perfect_with_since_is_a_recap(code_en: Code) -> None:
    evs = code_en("The United States has bombed Houthi targets in Yemen since January.", PUBLISHED)
    assert evs == []


def test_present_passive_state_is_no_event(code_en: Code) -> None:
    evs = code_en("Access to the region is restricted and foreign troops are stationed nearby.",
                  PUBLISHED)
    assert evs == []


def test_is_committed_to_stays_a_stance(code_en: Code) -> None:
    ev = code_en("Vietnam is committed to opening up its economy, the minister said.", PUBLISHED)[0]
    assert ev.event == "AGREE" and codes(ev.actor) == ["VNM"]


def test_charged_with_espionage_is_an_accusation(code_en: Code) -> None:
    ev = code_en("Russia has charged a jailed American citizen with espionage.", PUBLISHED)[0]
    assert ev.event == "ACCUSE" and codes(ev.actor) == ["RUS"] and codes(ev.recipient) == ["USA"]


def test_pleading_guilty_is_no_request(code_en: Code) -> None:
    evs = code_en("The American is serving a sentence after pleading guilty to bribing a Russian "
                  "official.", PUBLISHED)
    assert all(e.event != "REQUEST" for e in evs)


def test_act_dated_months_before_the_article_is_background(code_en: Code) -> None:
    evs = code_en("Russian troops shelled Kharkiv on November 3. Ukrainian forces shelled "
                  "Belgorod on Monday.", PUBLISHED)
    assert [codes(e.actor) for e in evs] == [["UKR"]]


def test_according_to_an_unknown_source_is_a_claim(code_en: Code) -> None:
    ev = code_en("According to Tarriela, a Chinese coast guard vessel fired its water cannon at a "
                 "Philippine ship.", PUBLISHED)[0]
    assert ev.factuality == "claimed" and [e.text for e in ev.claimed_by] == ["Tarriela"]


def test_a_person_introduced_by_title_is_that_side_later(code_en: Code) -> None:
    evs = code_en("Chinese coast guard spokesperson Liu Dejun spoke in Beijing on Monday. "
                  "Liu accused the Philippines of ramming a Chinese ship.", PUBLISHED)
    last = evs[-1]
    assert last.event == "ACCUSE" and codes(last.actor) == ["CHN"] and codes(last.recipient) == ["PHL"]


def test_a_victim_after_a_verb_is_not_introduced(code_en: Code) -> None:
    evs = code_en("Russian troops killed the mayor Ivan Fedorov on Monday. Fedorov had "
                  "accused Russia of shelling the city.", PUBLISHED)
    assert all(codes(e.actor) != ["RUS"] or e.event != "ACCUSE" for e in evs)


def test_in_support_of_names_a_purpose_not_an_act_of_support(code_en: Code) -> None:
    evs = code_en("The militia says it has been targeting army posts in support of the rebels.", PUBLISHED)
    assert all(e.event != "SUPPORT" for e in evs)
    evs = code_en("The United States supported the resolution.", PUBLISHED)
    assert [e.event for e in evs] == ["SUPPORT"]


def test_granting_a_request_is_no_aid(code_en: Code) -> None:
    evs = code_en("The court granted the request of prosecutors to keep the suspect in custody.", PUBLISHED)
    assert all(e.event != "AID" for e in evs)
    evs = code_en("Japan granted $500 million in aid to Ukraine.", PUBLISHED)
    assert [e.event for e in evs] == ["AID"]


def test_diplomatic_relations_named_in_passing_are_no_event(code_en: Code) -> None:
    evs = code_en("The diplomat's activities contravene the Vienna convention on diplomatic relations.",
                  PUBLISHED)
    assert evs == []
    evs = code_en("Honduras established diplomatic ties with China.", PUBLISHED)
    assert [(e.event, codes(e.recipient)) for e in evs] == [("SUPPORT", ["CHN"])]


def test_ordered_to_leave_the_country_is_the_expulsion(code_en: Code) -> None:
    evs = code_en("Poland ordered the Russian ambassador to leave the country within 72 hours.", PUBLISHED)
    assert [(e.event, codes(e.actor), codes(e.recipient)) for e in evs] == [("SANCTION", ["POL"], ["RUS"])]
    evs = code_en("Montenegro declared a Russian diplomat persona non grata and ordered him to leave "
                  "the country within 72 hours.", PUBLISHED)
    assert [e.event for e in evs] == ["SANCTION"]  # one act, not an expulsion and a request
    evs = code_en("Israel ordered residents of Gaza City to evacuate.", PUBLISHED)
    assert [e.event for e in evs] == ["COERCE"]


def test_an_aim_is_no_act(code_en: Code) -> None:
    assert code_en("The government is striving to reach a ceasefire with the rebels.", PUBLISHED) == []
    evs = code_en("Talks were under way between the United States and France with the aim of reviving "
                  "a ceasefire.", PUBLISHED)
    assert [e.event for e in evs] == ["CONSULT"]  # the talks, not a ceasefire
    evs = code_en("Russia launched strikes on Kyiv in a bid to break Ukraine's air defences.", PUBLISHED)
    assert [e.event for e in evs] == ["ASSAULT"]  # the act before the aim stays
