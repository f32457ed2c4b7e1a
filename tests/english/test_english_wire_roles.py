"""The English coder on roles and vocabulary of wire stories (hand-written sentences)."""

from __future__ import annotations

from collections.abc import Callable

from frontwatch.records import Event

Code = Callable[..., list[Event]]


def codes(entities: object) -> list[str]:
    return [e.code for e in entities]  # type: ignore[attr-defined]


def test_english_wire_roles_participle_after_said_is_the_speakers(code_en: Code) -> None:
    evs = code_en("Lithuania's foreign ministry condemned the drone flights. \"It will happen "
                  "again,\" a senior diplomat said, urging the European Union to act.")
    last = evs[-1]
    assert last.event == "REQUEST" and codes(last.actor) == ["LTU"]
    assert codes(last.recipient) == ["EUR"]


def test_english_wire_roles_sending_instructors_is_mobilization(code_en: Code) -> None:
    ev = code_en("Turkey said it would send more military advisers to Somalia next month.")[0]
    assert ev.event == "MOBILIZE" and codes(ev.actor) == ["TUR"] and ev.factuality == "future"


def test_english_wire_roles_scrambled_jets_are_mobilization(code_en: Code) -> None:
    ev = code_en("Japan scrambled fighter jets on Tuesday after Chinese bombers neared Okinawa.")[0]
    assert ev.event == "MOBILIZE" and codes(ev.actor) == ["JPN"]


def test_english_wire_roles_aid_agencies_give_no_aid_record(code_en: Code) -> None:
    evs = code_en("Aid agencies said the harvest in Chad was the worst in a decade.")
    assert all(e.event != "AID" for e in evs)


def test_english_wire_roles_closing_a_crossing_answers_the_other_side(code_en: Code) -> None:
    evs = code_en("Indian troops shelled Pakistani posts in Kashmir on Sunday. Pakistan closed "
                  "a border crossing after the shelling.")
    last = evs[-1]
    assert last.event == "COERCE" and codes(last.actor) == ["PAK"] and codes(last.recipient) == ["IND"]


def test_english_wire_roles_responding_with_weapons_is_an_attack(code_en: Code) -> None:
    evs = code_en("Azerbaijani troops shelled Armenian villages on Monday. Armenian forces "
                  "responded with mortars against Azerbaijani positions.")
    last = evs[-1]
    assert last.event == "ASSAULT" and codes(last.actor) == ["ARM"] and codes(last.recipient) == ["AZE"]


def test_english_wire_roles_would_respond_stays_a_threat(code_en: Code) -> None:
    ev = code_en("Iran said it would respond with missiles to any attack by Israel.")[0]
    assert ev.event == "THREATEN" and codes(ev.actor) == ["IRN"]


def test_english_wire_roles_rounds_fired_are_an_attack(code_en: Code) -> None:
    ev = code_en("Indian troops fired about 50 rounds at Pakistani posts on Sunday.")[0]
    assert ev.event == "ASSAULT" and codes(ev.recipient) == ["PAK"]


def test_english_wire_roles_ordering_an_evacuation_is_coercion(code_en: Code) -> None:
    ev = code_en("Pakistani authorities ordered villagers near the border to evacuate.")[0]
    assert ev.event == "COERCE" and codes(ev.actor) == ["PAK"]


def test_english_wire_roles_intent_before_a_light_verb_makes_a_threat(code_en: Code) -> None:
    ev = code_en("Chad's president said he will extend the night-time curfew in the capital.")[0]
    assert ev.event == "THREATEN" and codes(ev.actor) == ["TCD"]


def test_english_wire_roles_strike_on_own_rebels_abroad_is_on_the_host(code_en: Code) -> None:
    ev = code_en("Turkish jets bombed camps of Turkish Kurdish rebels in northern Iraq on Friday.")[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["TUR"] and codes(ev.recipient) == ["IRQ"]


def test_english_wire_roles_warning_of_a_famine_is_no_threat(code_en: Code) -> None:
    evs = code_en("Relief officials in Somalia warned that drought could spread to the north.")
    assert all(e.event != "THREATEN" for e in evs)


def test_english_wire_roles_warning_of_an_attack_stays_a_threat(code_en: Code) -> None:
    evs = code_en("Iran warned that any attack on its soil would be met with force.")
    assert evs and evs[0].event == "THREATEN" and codes(evs[0].actor) == ["IRN"]


def test_english_wire_roles_training_resumed_near_a_border_mobilises(code_en: Code) -> None:
    ev = code_en("Estonia said it would resume training near the Russian border.")[0]
    assert ev.event == "MOBILIZE" and codes(ev.actor) == ["EST"] and ev.factuality == "future"


def test_english_wire_roles_affiliation_names_no_actor(code_en: Code) -> None:
    ev = code_en("Gunmen linked to the Islamic State attacked a police post in northern Mozambique.")[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["MOZ"]


def test_english_wire_roles_affiliation_after_the_verb_is_the_target(code_en: Code) -> None:
    ev = code_en("The Houthis said they would keep attacking ships linked to Israel.")[0]
    assert "ISR" in codes(ev.recipient)


def test_english_wire_roles_missile_fired_elsewhere_entering_airspace(code_en: Code) -> None:
    ev = code_en("A Russian missile fired at Odesa entered Moldovan airspace on Monday.")[0]
    assert ev.event == "COERCE" and codes(ev.actor) == ["RUS"] and codes(ev.recipient) == ["MDA"]


def test_english_wire_roles_missile_fired_alone_is_the_attack(code_en: Code) -> None:
    ev = code_en("Russian troops fired missiles at Ukrainian positions on Monday.")[0]
    assert ev.event == "ASSAULT" and codes(ev.recipient) == ["UKR"]


def test_english_wire_roles_trailing_participle_keeps_the_main_object(code_en: Code) -> None:
    """en:trailing-participle: ", killing ..." after the main act is done to that act's object,
    not to the actor's own country."""
    cases = [("Israel struck Iran overnight, killing 12 people, officials said.", "ISR", "IRN"),
             ("Pakistan hit Afghan border posts on Sunday, killing three soldiers.", "PAK", "AFG"),
             ("Israel, backed by the US, struck Iran, killing 12.", "ISR", "IRN")]
    for text, actor, recipient in cases:
        ev = next(e for e in code_en(text) if e.event == "ASSAULT")
        assert codes(ev.actor) == [actor] and codes(ev.recipient) == [recipient], text


def test_english_wire_roles_trailing_participle_keeps_its_own_object(code_en: Code) -> None:
    ev = next(e for e in code_en("Russia shelled Ukraine on Monday, wounding five civilians.")
              if e.event == "ASSAULT")
    assert codes(ev.actor) == ["RUS"] and codes(ev.recipient) == ["UKR"] and ev.injured == 5
    ev = next(e for e in code_en("Police in Kenya fired on protesters, killing two.") if e.event == "ASSAULT")
    assert codes(ev.recipient) == ["KEN"]
