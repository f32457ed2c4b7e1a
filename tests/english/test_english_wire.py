"""The English coder on wire-story constructions (hand-written sentences, no gazetteer)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from frontwatch.coding.context import CodingContext
from frontwatch.coding.dating import date_from_story
from frontwatch.coding.en import code_sentences
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Event

from .conftest import english_doc

Code = Callable[..., list[Event]]


def codes(entities: object) -> list[str]:
    return [e.code for e in entities]  # type: ignore[attr-defined]


def test_english_wire_dateline_with_year_dates_the_story(code_en: Code) -> None:
    evs = code_en("KHARTOUM/CAIRO, Feb. 3, 2023 (Wire) - Sudanese troops shelled rebel "
                  "positions near the border on Wednesday.")
    assert [e.event for e in evs] == ["ASSAULT"]
    assert codes(evs[0].actor) == ["SDN"]  # the dateline's city names no actor
    assert evs[0].date == "2023-02-01"


def test_english_wire_yearless_dateline_dates_sentences_without_a_day(code_en: Code) -> None:
    # the page carries the story a day after it was filed: the dateline's day dates it
    evs = code_en("BEIRUT, Sept 22 (Wire) - Israeli jets struck Hezbollah positions in southern "
                  "Lebanon. Hezbollah fired rockets at northern Israel yesterday.",
                  published=dt.date(2024, 9, 23))
    assert [(e.event, e.date) for e in evs] == [("ASSAULT", "2024-09-22"), ("ASSAULT", "2024-09-21")]


def test_english_wire_dateline_after_new_year_is_last_years(code_en: Code) -> None:
    evs = code_en("KYIV, Dec 31 (Wire) - Russian forces shelled the city of Kherson.",
                  published=dt.date(2025, 1, 2))
    assert [e.date for e in evs] == ["2024-12-31"]


def test_english_wire_story_without_dateline_keeps_the_publication_date(code_en: Code) -> None:
    evs = code_en("Israeli jets struck Hezbollah positions in southern Lebanon.",
                  published=dt.date(2024, 9, 23))
    assert [e.date for e in evs] == ["2024-09-23"]


def test_english_wire_operator_of_a_facility_is_not_the_target(code_en: Code) -> None:
    ev = code_en("Sudanese jets bombed a UN-run clinic in Darfur, killing at least 12 people.")[0]
    assert codes(ev.actor) == ["SDN"] and not {"IGO", "UNO"} & set(codes(ev.recipient))
    assert ev.dead == 12


def test_english_wire_but_clause_with_its_own_speaker(code_en: Code) -> None:
    evs = code_en("Envoys from Norway met Sudanese officials in Oslo on Monday, but an army "
                  "spokesman said Sudan would reject any truce.")
    assert [e.event for e in evs][:2] == ["CONSULT", "REJECT"]
    assert evs[0].factuality == "asserted" and not evs[0].claimed_by


def test_english_wire_interception_is_the_other_sides_attack(code_en: Code) -> None:
    evs = code_en("Russian troops shelled villages near Kupiansk on Monday. Ukraine's air force "
                  "said it shot down 30 of 34 drones launched overnight.")
    last = evs[-1]
    assert last.event == "ASSAULT" and codes(last.actor) == ["RUS"] and codes(last.recipient) == ["UKR"]
    assert last.factuality == "claimed" and codes(last.claimed_by) == ["UKR"]


def test_english_wire_anaphor_reaches_an_uncoded_sentence(code_en: Code) -> None:
    evs = code_en("Serbian troops shelled villages near the border on Monday. Croatia's Defence "
                  "Ministry said it counted 40 shells. The ministry condemned the shelling.")
    last = evs[-1]
    assert last.event == "ACCUSE" and codes(last.actor) == ["HRV"] and codes(last.recipient) == ["SRB"]


def test_english_wire_patrols_and_answering_deployment(code_en: Code) -> None:
    evs = code_en("Chinese coast guard ships conducted patrols near the Philippine coast. "
                  "Manila sent warships to the area.")
    assert [e.event for e in evs] == ["MOBILIZE", "MOBILIZE"]
    assert codes(evs[0].actor) == ["CHN"]
    assert codes(evs[1].actor) == ["PHL"] and codes(evs[1].recipient) == ["CHN"]


def test_english_wire_weapon_subject_continues_the_last_attack(code_en: Code) -> None:
    evs = code_en("Syrian jets bombed Turkish positions near the border. A second wave of "
                  "rockets hit the same village an hour later.")
    assert [e.event for e in evs] == ["ASSAULT", "ASSAULT"]
    assert codes(evs[1].actor) == ["SYR"] and codes(evs[1].recipient) == ["TUR"]


def test_english_wire_promised_delivery_is_future_aid(code_en: Code) -> None:
    ev = code_en("Canada said it would deliver 40 armoured vehicles to Ukraine.")[0]
    assert ev.event == "AID" and ev.factuality == "future"
    assert codes(ev.actor) == ["CAN"] and codes(ev.recipient) == ["UKR"]


def test_english_wire_death_counts() -> None:
    from frontwatch.coding.en.counts import dead
    from frontwatch.coding.en.rules import default_rules

    rules = default_rules()
    cases = {
        "The death toll from a week of clashes in the north has risen to at least 85.": 85,
        "At least 7 were killed when the bus was hit.": 7,
        "The explosion left nine people dead.": 9,
        "Six dead as shells hit market": 6,
        "The ship reported no injuries or casualties.": 0,
        "The 2021 killed-in-action list was published.": None,
    }
    for text, n in cases.items():
        assert dead(text, rules) == n, text


def test_english_wire_unnamed_target_is_the_reporting_side(code_en: Code) -> None:
    ev = code_en("Islamist militants attacked an army post, killing 12 soldiers, "
                 "Burkina Faso's defence ministry said.")[0]
    # the movement of no country is also the armed group of the one state it acts on (en:group-country)
    assert codes(ev.actor) == ["ISM", "BFA"] and codes(ev.recipient) == ["BFA"] and ev.dead == 12


def test_english_wire_ruling_out_is_a_rejection(code_en: Code) -> None:
    ev = code_en("Hungary ruled out sending weapons to Ukraine.")[0]
    assert ev.event == "REJECT" and codes(ev.actor) == ["HUN"] and codes(ev.recipient) == ["UKR"]


def test_english_wire_unknown_attacker_is_the_country_of_the_place(en_pipeline: object) -> None:
    from frontwatch.coding.context import CodingContext
    from frontwatch.coding.en import code_sentences
    from frontwatch.records import Place
    from frontwatch.resolve.actors import ActorDictionary
    from frontwatch.resolve.places import FakeGeocoder
    from frontwatch.resolve.weapons import WeaponLexicon

    from .conftest import english_doc

    town = Place("Tikrit", "Tikrit", "IRQ", 34.6, 43.7, geonameid=1, feature="city")
    ctx = CodingContext(actors=ActorDictionary.load(), weapons=WeaponLexicon.load(), lexicons={},
                        geocoder=FakeGeocoder({"Tikrit": town}))
    doc = english_doc("A car bomb near the town of Tikrit killed two U.S. soldiers on Monday.")
    evs = code_sentences(doc, en_pipeline.sentences(doc), ctx)  # type: ignore[attr-defined]
    assert [e.event for e in evs] == ["ASSAULT"]
    assert codes(evs[0].actor) == ["IRQ"] and codes(evs[0].recipient) == ["USA"]


def test_english_wire_nominal_attack_takes_its_agent_after_by(code_en: Code) -> None:
    ev = code_en("Near the border, shelling by Azerbaijani forces killed two civilians.")[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["AZE"] and ev.dead == 2


def test_english_wire_trigger_after_a_weapon_actor_and_reply_to_its_target(code_en: Code) -> None:
    evs = code_en("Ukrainian drones struck an oil depot in Russia's Bryansk region. "
                  "Kyiv threatened further strikes.")
    assert [e.event for e in evs] == ["ASSAULT", "THREATEN"]
    assert codes(evs[0].actor) == ["UKR"] and codes(evs[0].recipient) == ["RUS"]
    assert codes(evs[1].recipient) == ["RUS"]  # the party the last record acted on


def test_english_wire_headline_naming_no_attacker_gives_no_record(code_en: Code) -> None:
    assert code_en("Gunmen kill 9 Kenyan police officers in ambush", kind="title") == []


def test_english_wire_protesters_are_the_places_people(en_pipeline: object) -> None:
    from frontwatch.coding.context import CodingContext
    from frontwatch.coding.en import code_sentences
    from frontwatch.records import Place
    from frontwatch.resolve.actors import ActorDictionary
    from frontwatch.resolve.places import FakeGeocoder
    from frontwatch.resolve.weapons import WeaponLexicon

    from .conftest import english_doc

    city = Place("Tunis", "Tunis", "TUN", 36.8, 10.2, geonameid=2, feature="city")
    ctx = CodingContext(actors=ActorDictionary.load(), weapons=WeaponLexicon.load(), lexicons={},
                        geocoder=FakeGeocoder({"Tunis": city}))
    doc = english_doc("Hundreds of people protested outside the French embassy in Tunis.")
    evs = code_sentences(doc, en_pipeline.sentences(doc), ctx)  # type: ignore[attr-defined]
    assert [e.event for e in evs] == ["PROTEST"]
    assert codes(evs[0].actor) == ["TUN"] and codes(evs[0].recipient) == ["FRA"]


def test_english_wire_coarse_date_is_not_carried_and_details_fold_in(code_en: Code) -> None:
    import datetime as dt

    evs = code_en("Syrian jets bombed Turkish positions on Sunday. Turkey said it shelled Syrian "
                  "posts in revenge for an ambush last month. Four people were killed in the "
                  "shelling, officials said.", published=dt.date(2024, 8, 26))
    assert [e.event for e in evs] == ["ASSAULT", "ASSAULT"]
    assert evs[0].date == "2024-08-25" and evs[1].dead == 4


def test_english_wire_while_clause_with_its_own_speaker(code_en: Code) -> None:
    evs = code_en("Norway and Sweden called on both sides to show restraint, while Finland "
                  "said it would send aid to Estonia.")
    assert evs[0].event == "REQUEST" and evs[0].factuality == "asserted"
    assert len(evs) == 2


def test_english_wire_announced_sanctions_is_the_event_not_a_report(code_en: Code) -> None:
    ev = code_en("Canada's foreign ministry announced sanctions on three Iranian generals.")[0]
    assert ev.event == "SANCTION" and ev.factuality == "asserted" and not ev.claimed_by
    assert codes(ev.actor) == ["CAN"] and codes(ev.recipient) == ["IRN"]


def test_english_wire_repelled_unit_is_the_other_sides_attack(code_en: Code) -> None:
    ev = code_en("Georgia's interior ministry said its border police repelled a Russian "
                 "patrol that tried to cross the boundary line.")[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["RUS"] and codes(ev.recipient) == ["GEO"]
    assert ev.factuality == "claimed" and codes(ev.claimed_by) == ["GEO"]


def test_english_wire_country_word_of_a_body_is_no_place(en_pipeline: object) -> None:
    from frontwatch.coding.context import CodingContext
    from frontwatch.coding.en import code_sentences
    from frontwatch.records import Place
    from frontwatch.resolve.actors import ActorDictionary
    from frontwatch.resolve.places import FakeGeocoder
    from frontwatch.resolve.weapons import WeaponLexicon

    from .conftest import english_doc

    town = Place("Serbia", "Serbia Town", "SRB", 44.0, 21.0, geonameid=3, feature="city")
    ctx = CodingContext(actors=ActorDictionary.load(), weapons=WeaponLexicon.load(), lexicons={},
                        geocoder=FakeGeocoder({"Serbian": town}))
    doc = english_doc("Kosovo accused Serbian police of detaining three officers.")
    evs = code_sentences(doc, en_pipeline.sentences(doc), ctx)  # type: ignore[attr-defined]
    assert evs and not evs[0].event_loc


def test_english_wire_report_day_dates_a_claimed_act_only_as_the_report_day(code_en: Code) -> None:
    published = dt.date(2024, 1, 31)
    (ev,) = code_en("The Houthis said on Wednesday they fired several missiles at a U.S. warship.", published)
    assert ev.factuality == "claimed" and ev.date == "2024-01-31"
    assert ev.explanation is not None and any("(the day of the report)" in n for n in ev.explanation.notes)
    (ev,) = code_en("Israeli jets struck a village in southern Lebanon, the army said on Tuesday.", published)
    assert ev.date == "2024-01-30"
    # the act's own day is kept; a statement by its own speaker is dated by its day
    (ev,) = code_en("Israeli jets struck a village on Tuesday, the army said on Wednesday.", published)
    assert ev.date == "2024-01-30"
    (ev,) = code_en("Iran said on Monday it would retaliate against Israel.", published)
    assert ev.event == "THREATEN" and ev.date == "2024-01-29"


def test_english_wire_the_story_gives_a_reported_act_its_own_day(
        en_pipeline: EnglishPipeline, en_context: CodingContext) -> None:
    published = dt.date(2024, 1, 31)
    doc = english_doc("The Houthis said on Wednesday they fired several missiles at a U.S. warship. "
                      "Officials said the warship was not damaged. "
                      "The Houthis fired the missiles at a U.S. warship on Tuesday night, a spokesman said.",
                      published=published)
    sents = en_pipeline.sentences(doc)
    evs = date_from_story(code_sentences(doc, sents, en_context.for_document(published)), sents)
    assert next(e.date for e in evs if e.event == "ASSAULT") == "2024-01-30"


def test_english_wire_headline_is_no_antecedent(en_pipeline: object, en_context: object) -> None:
    from frontwatch.coding.en import code_sentences
    from frontwatch.records import Document, Section

    title = "Indian forces blamed for truce violations"
    body = "ISLAMABAD, Oct 23: A military spokesman blamed India on Wednesday for the violations."
    text = f"{title}\n{body}"
    doc = Document(doc_id="t", text=text, language="en", published=dt.date(2013, 10, 24),
                   sections=(Section("title", title, 0, len(title), "en"),
                             Section("body", body, len(title) + 1, len(text), "en")))
    evs = code_sentences(doc, en_pipeline.sentences(doc),  # type: ignore[attr-defined]
                         en_context.for_document(doc.published))  # type: ignore[attr-defined]
    accusations = [e for e in evs if e.event == "ACCUSE" and "blamed India" in e.text]
    assert [(codes(e.actor), codes(e.recipient)) for e in accusations] == [(["PAK"], ["IND"])]


def test_english_wire_the_group_is_the_last_non_state_side(code_en: Code) -> None:
    evs = code_en("The Houthis have fired missiles at Israeli targets. The US and its allies have "
                  "bombed Houthi targets in Yemen since January. The group pledged to continue "
                  "targeting Israel-linked ships.", dt.date(2024, 6, 20))
    threat = [e for e in evs if e.event == "THREATEN"]
    assert [(codes(e.actor), codes(e.recipient)) for e in threat] == [(["YEM"], ["ISR"])]
    assert any("en:group-anaphor" in n for n in threat[0].explanation.notes)  # type: ignore[union-attr]


def test_english_wire_a_sentence_naming_no_actor_dates_the_act(
        en_pipeline: EnglishPipeline, en_context: CodingContext) -> None:
    published = dt.date(2024, 1, 31)  # a Wednesday
    doc = english_doc("Israeli jets struck a village in southern Lebanon, the army said on Wednesday. "
                      "'Yesterday (Tuesday) the airstrike occurred in the afternoon,' a resident said.",
                      published=published)
    evs = code_sentences(doc, en_pipeline.sentences(doc), en_context.for_document(published))
    assert [e.date for e in evs if e.event == "ASSAULT"] == ["2024-01-30"]  # the airstrike makes no record
