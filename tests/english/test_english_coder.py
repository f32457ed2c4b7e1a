"""The English coder on hand-written sentences (no gazetteer: places stay empty)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwatch.coding.context import CodingContext
from frontwatch.coding.en import code_sentences
from frontwatch.nlp.english import EnglishPipeline
from frontwatch.records import Event, Place
from frontwatch.resolve.places import FakeGeocoder

from .conftest import english_doc

Code = Callable[..., list[Event]]
WED = dt.date(2023, 9, 13)  # a Wednesday


def one(code_en: Code, text: str, **kw: object) -> Event:
    evs = code_en(text, **kw)
    assert len(evs) == 1, [(e.event, e.text) for e in evs]
    return evs[0]


def codes(entities: object) -> list[str]:
    return [e.code for e in entities]  # type: ignore[attr-defined]


def test_english_coder_active_attack(code_en: Code) -> None:
    ev = one(code_en, "Azerbaijani forces shelled Armenian villages on Tuesday.", published=WED)
    assert ev.event == "ASSAULT" and "heavy-weapons" in ev.mode
    assert codes(ev.actor) == ["AZE"] and codes(ev.recipient) == ["ARM"]
    assert ev.actor[0].sector == "MIL"
    assert (ev.date, ev.date_precision) == ("2023-09-12", "day")
    assert ev.factuality == "asserted" and ev.language == "en"
    assert ev.explanation is not None and ev.explanation.trigger == "shelled"
    assert any(ref.startswith("events.en.toml:shell") for ref in ev.explanation.lexicon)


def test_english_coder_passive_takes_actor_after_by(code_en: Code) -> None:
    ev = one(code_en, "A camp for Congolese refugees was attacked by Burundian militiamen.")
    assert codes(ev.actor) == ["BDI"] and codes(ev.recipient) == ["COD"]


def test_english_coder_trailing_attribution_is_claimed(code_en: Code) -> None:
    ev = one(code_en, "Russian missiles struck Kyiv, injuring 11 people, Ukrainian officials said.")
    assert ev.event == "ASSAULT"
    assert codes(ev.actor) == ["RUS"] and codes(ev.recipient) == ["UKR"]
    assert ev.factuality == "claimed" and codes(ev.claimed_by) == ["UKR"]
    assert ev.injured == 11


def test_english_coder_leading_attribution_and_embedded_actor(code_en: Code) -> None:
    ev = one(code_en, "Armenia said Azerbaijani troops attacked the town of Jermuk.")
    assert codes(ev.actor) == ["AZE"] and codes(ev.claimed_by) == ["ARM"]
    assert ev.factuality == "claimed"


def test_english_coder_denial(code_en: Code) -> None:
    ev = one(code_en, "Baku denied that its units had crossed into Armenian territory.")
    assert ev.event == "ASSAULT" and ev.factuality == "denied"
    assert codes(ev.actor) == ["AZE"] and codes(ev.claimed_by) == ["AZE"]
    assert codes(ev.recipient) == ["ARM"]


def test_english_coder_forecast_with_horizon(code_en: Code) -> None:
    ev = one(code_en, "Russia could attack Ukraine within weeks, the United States warned.")
    assert ev.event == "ASSAULT" and ev.factuality == "possible"
    assert ev.horizon_days == 21 and ev.horizon is not None and "weeks" in ev.horizon
    assert codes(ev.claimed_by) == ["USA"]


def test_english_coder_warning_codes_the_warned_attack(code_en: Code) -> None:
    ev = one(code_en, "Washington warned that Russia may invade Ukraine in the coming days.")
    assert ev.event == "ASSAULT" and ev.factuality == "possible"
    assert codes(ev.actor) == ["RUS"] and codes(ev.recipient) == ["UKR"]
    assert ev.horizon_days == 7


def test_english_coder_plain_threat(code_en: Code) -> None:
    ev = one(code_en, "Iran threatened on Sunday to close the Strait of Hormuz.")
    assert ev.event == "THREATEN" and codes(ev.actor) == ["IRN"]


def test_english_coder_intent_makes_promise_or_threat(code_en: Code) -> None:
    ev = one(code_en, "Hungary has said it will support the Security Council resolution.")
    assert ev.event == "AGREE" and codes(ev.actor) == ["HUN"]
    ev = one(code_en, "The United States said it would impose sanctions on Iran.")
    assert ev.event == "THREATEN" and codes(ev.recipient) == ["IRN"]


def test_english_coder_negated_cooperation_is_reject(code_en: Code) -> None:
    ev = one(code_en, "Syria says it will not accept any more refugees.")
    assert ev.event == "REJECT" and codes(ev.actor) == ["SYR"]


def test_english_coder_obligation_is_request(code_en: Code) -> None:
    ev = one(code_en, "The Georgian president said that Moscow must withdraw its troops from Georgia.")
    assert ev.event == "REQUEST" and codes(ev.recipient) == ["RUS"] and codes(ev.actor) == ["GEO"]


def test_english_coder_capital_metonymy_and_case(code_en: Code) -> None:
    ev = one(code_en, "Berlin rejected calls by Belarus for economic aid.")
    assert ev.event == "REJECT" and codes(ev.actor) == ["DEU"] and codes(ev.recipient) == ["BLR"]
    # "us" is no actor; said by no one named it is no record either (en:no-actor)
    assert code_en("Let us condemn the attack on Kyiv, the mayor said.") == []
    ev = one(code_en, "Let us condemn the Russian attack on Kyiv, Kyiv's mayor said.")
    assert ev.event == "ACCUSE" and codes(ev.actor) == ["UKR"] and codes(ev.recipient) == ["RUS"]


def test_english_coder_place_country_as_recipient(en_pipeline: EnglishPipeline,
                                                  en_context: CodingContext) -> None:
    geo = FakeGeocoder({"Kharkiv": Place("Kharkiv", "Kharkiv", "UKR", 49.98, 36.25, 706483, "city")})
    ctx = replace(en_context, geocoder=geo)
    doc = english_doc("Russian missiles slammed into an industrial district of Kharkiv.")
    evs = code_sentences(doc, en_pipeline.sentences(doc), ctx)
    assert [e.event for e in evs] == ["ASSAULT"]
    assert codes(evs[0].recipient) == ["UKR"] and [p.name for p in evs[0].event_loc] == ["Kharkiv"]


def test_english_coder_dateline_is_not_an_actor(code_en: Code) -> None:
    ev = one(code_en, "YEREVAN, Sept 12 (Wire) - Azerbaijani troops seized two hilltops inside Armenia.")
    assert ev.event == "COERCE" and "seize" in ev.mode
    assert codes(ev.actor) == ["AZE"] and codes(ev.recipient) == ["ARM"]


def test_english_coder_symmetric_agreement(code_en: Code) -> None:
    ev = one(code_en, "The United States and Jordan have agreed upon a new free-trade pact.")
    assert ev.event == "AGREE" and ev.symmetric
    assert set(codes(ev.actor)) == {"USA", "JOR"}


def test_english_coder_clashes_are_symmetric(code_en: Code) -> None:
    ev = one(code_en, "Armenian and Azerbaijani forces clashed on the border overnight.")
    assert ev.event == "ASSAULT" and ev.symmetric
    assert set(codes(ev.actor)) == {"ARM", "AZE"}


def test_english_coder_domestic_recipient(code_en: Code) -> None:
    ev = one(code_en, "Egyptian police opened fire to disperse demonstrators, killing one person.")
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["EGY"] and codes(ev.recipient) == ["EGY"]
    assert ev.dead == 1
    assert ev.explanation is not None and any("domestic" in n for n in ev.explanation.notes)


def test_english_coder_second_predicate(code_en: Code) -> None:
    evs = code_en("Tbilisi condemned the detentions and demanded that Russia release the two men.")
    assert [e.event for e in evs] == ["ACCUSE", "REQUEST"]
    assert codes(evs[1].actor) == ["GEO"] and codes(evs[1].recipient) == ["RUS"]


def test_english_coder_anaphora_takes_previous_actor(code_en: Code) -> None:
    evs = code_en("The European Union imposed sanctions on Russia. The bloc also froze Chinese assets.")
    assert [e.event for e in evs] == ["SANCTION", "SANCTION"]
    assert codes(evs[1].actor) == ["EUR"] and codes(evs[1].recipient) == ["CHN"]


def test_english_coder_adjectival_participle_is_no_event(code_en: Code) -> None:
    assert code_en("Residents of the occupied territories waited for news.") == []


def test_english_coder_skips_sentences_without_actors(code_en: Code) -> None:
    assert code_en("Someone attacked something somewhere.") == []
    assert code_en("The weather was fine.") == []


def test_english_coder_span_and_text_index_the_document(code_en: Code) -> None:
    text = "Quiet day. Israeli jets bombed Hodeidah port on Thursday."
    ev = one(code_en, text)
    assert text[ev.span[0]:ev.span[1]] == ev.text == "Israeli jets bombed Hodeidah port on Thursday."


def test_english_coder_dates_default_and_carry(code_en: Code) -> None:
    evs = code_en("Russian forces shelled Kherson on Monday. Ukraine condemned the attack.", published=WED)
    assert [e.date for e in evs] == ["2023-09-11", "2023-09-11"]
    ev = one(code_en, "Ukraine condemned Russia.", published=WED)
    assert ev.date == "2023-09-13" and ev.date_precision == "day"


def test_english_coder_casualties_from_the_next_sentence(code_en: Code) -> None:
    evs = code_en("Israeli jets bombed the port of Hodeidah. At least four people were killed there.")
    assert [e.event for e in evs] == ["ASSAULT"] and evs[0].dead == 4


def test_english_coder_saying_is_not_a_source(code_en: Code) -> None:
    ev = one(code_en, "Iran rejected the accusation, saying the report was false.")
    assert ev.event == "REJECT" and ev.factuality == "asserted" and ev.claimed_by == ()


def test_english_coder_own_statement_is_asserted(code_en: Code) -> None:
    ev = one(code_en, "Hezbollah said it would hold Israel responsible for any breach.")
    assert ev.event == "ACCUSE" and codes(ev.actor) == ["LBN"] and codes(ev.recipient) == ["ISR"]
    assert ev.factuality == "asserted"


def test_english_coder_unnamed_source_still_claims(code_en: Code) -> None:
    ev = one(code_en, "Russian troops shelled Kyiv overnight, the regional governor said.")
    assert ev.factuality == "claimed" and [e.text for e in ev.claimed_by] == ["the regional governor"]
    assert ev.claimed_by[0].code is None


def test_english_coder_declined_to_comment_is_no_event(code_en: Code) -> None:
    assert code_en("The Israeli military declined to comment.") == []


def test_english_coder_seas_are_not_actors(code_en: Code) -> None:
    # harassed by no one named: no record (en:no-actor), and the sea names no one either
    assert code_en("Philippine vessels were harassed in the South China Sea.") == []
    ev = one(code_en, "Chinese ships harassed Philippine vessels in the South China Sea.")
    assert codes(ev.actor) == ["CHN"] and codes(ev.recipient) == ["PHL"]


def test_english_coder_subordinate_clause_has_its_own_subject(code_en: Code) -> None:
    # (the main clause names no act: "Russia hits Kyiv as ..." is now an attack, en:party-object)
    ev = one(code_en, "Russia watches as Ukraine and Poland agree on a joint air-defence cell.")
    assert ev.event == "AGREE" and set(codes(ev.actor)) == {"UKR", "POL"}


def test_english_coder_attack_without_subject_keeps_victim_as_recipient(code_en: Code) -> None:
    ev = one(code_en, "Gunmen attacked a U.S. convoy near the border.")
    assert codes(ev.actor) == [] and codes(ev.recipient) == ["USA"]


def test_english_coder_complaint_targets_the_accused(code_en: Code) -> None:
    ev = one(code_en, "Lebanon complained to the United Nations over Israeli air raids.")
    assert ev.event == "ACCUSE" and codes(ev.recipient) == ["ISR"]


def test_english_coder_far_passive_agent(code_en: Code) -> None:
    ev = one(code_en, "The former minister has been accused of misusing public funds, much of it "
                      "believed to have been embezzled, by Haitian officials.")
    assert ev.event == "ACCUSE" and codes(ev.actor) == ["HTI"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=0, max_size=300))
def test_english_coder_never_fails_on_any_text(code_en: Code, text: str) -> None:
    for ev in code_en(text):
        assert ev.language == "en" and ev.event
        assert text[ev.span[0]:ev.span[1]] == ev.text


def test_english_coder_unnamed_target_answers_the_other_party(code_en: Code) -> None:
    evs = code_en("Ukraine struck a Russian airbase in Crimea. Russian forces shelled positions overnight.")
    assert [e.event for e in evs] == ["ASSAULT", "ASSAULT"]
    assert codes(evs[1].actor) == ["RUS"] and codes(evs[1].recipient) == ["UKR"]
