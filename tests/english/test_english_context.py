"""The English coder on military bodies and on who "it" and "they" are across a story
(hand-written sentences; issue 12)."""

from __future__ import annotations

from collections.abc import Callable

from frontwatch.records import Event

Code = Callable[..., list[Event]]


def codes(entities: object) -> list[str]:
    return [e.code for e in entities]  # type: ignore[attr-defined]


def brief(evs: list[Event]) -> list[tuple[str, list[str], list[str]]]:
    return [(e.event, codes(e.actor), codes(e.recipient)) for e in evs]


def test_english_context_jcs_is_seouls_and_names_the_watching_side(code_en: Code) -> None:
    evs = code_en("North Korea fired two ballistic missiles into the sea on Thursday, the Joint Chiefs "
                  "of Staff (JCS) said. The JCS condemned the launch as a clear provocation.")
    assert brief(evs) == [("MOBILIZE", ["PRK"], ["KOR"]), ("ACCUSE", ["KOR"], ["PRK"])]
    assert set(codes(evs[0].claimed_by)) == {"KOR"}


def test_english_context_us_joint_chiefs_and_combatant_commands(code_en: Code) -> None:
    ev = code_en("The chairman of the Joint Chiefs of Staff condemned the attack on the base by Iran.")[0]
    assert ev.event == "ACCUSE" and codes(ev.actor) == ["USA"]
    for body in ("CENTCOM", "U.S. Central Command", "AFRICOM"):
        ev = code_en(f"{body} said its forces struck an al-Shabaab camp in Somalia.")[0]
        assert ev.event == "ASSAULT" and codes(ev.actor) == ["USA"], body
        assert set(codes(ev.claimed_by)) == {"USA"}, body


def test_english_context_general_staff_with_its_country(code_en: Code) -> None:
    ev = code_en("Ukraine's General Staff said Russian forces shelled Kharkiv overnight.")[0]
    assert brief([ev]) == [("ASSAULT", ["RUS"], ["UKR"])] and codes(ev.claimed_by) == ["UKR"]


def test_english_context_it_after_a_report_is_the_speaker(code_en: Code) -> None:
    evs = code_en("The Ukrainian army said Russian forces shelled Kharkiv overnight. "
                  "It called on Poland to send more air defence systems.")
    assert brief(evs) == [("ASSAULT", ["RUS"], ["UKR"]), ("REQUEST", ["UKR"], ["POL"])]
    # an asserted act hands on its own actor, as before
    evs = code_en("Russian forces shelled Kharkiv overnight. They also attacked Sumy, officials said.")
    assert [codes(e.actor) for e in evs][:1] == [["RUS"]]


def test_english_context_they_after_it_is_the_party_named_between(code_en: Code) -> None:
    evs = code_en("The JCS said it suspects the North Korean soldiers crossed the line by mistake "
                  "while they were conducting a regular patrol.")
    assert brief(evs) == [("MOBILIZE", ["PRK"], ["KOR"])]
    # the singular pronoun alone is still the speaker
    ev = code_en("Iran said it would close the Strait of Hormuz to American ships.")[0]
    assert codes(ev.actor) == ["IRN"]


def test_english_context_fired_at_least_is_a_count_not_a_target(code_en: Code) -> None:
    ev = code_en("North Korea fired at least two ballistic missiles toward the East Sea on Monday, "
                 "the JCS said.")[0]
    assert ev.event == "MOBILIZE" and ev.explanation is not None and ev.explanation.trigger == "fired"
    ev = code_en("Israeli troops fired at Palestinian protesters near the fence.")[0]
    assert ev.event == "ASSAULT" and codes(ev.recipient) == ["PSE"]


def test_english_context_congo_is_kinshasa_after_1997(code_en: Code) -> None:
    import datetime as dt

    ev = code_en("Rwanda accused Congo of backing the rebels.", dt.date(2023, 3, 1))[0]
    assert codes(ev.recipient) == ["COD"]
    ev = code_en("Rwanda accused the Republic of Congo of backing the rebels.", dt.date(2023, 3, 1))[0]
    assert codes(ev.recipient) == ["COG"]
    ev = code_en("Pakistan threatened to break off relations with Congo.", dt.date(1988, 3, 1))[0]
    assert codes(ev.recipient) == ["COG"]


def test_english_context_g7_is_an_igo(code_en: Code) -> None:
    ev = code_en("China condemned the G7 statement on Taiwan.")[0]
    assert ev.event == "ACCUSE" and codes(ev.actor) == ["CHN"] and "IGO" in codes(ev.recipient)


def test_english_context_toll_then_when_clause_names_the_attacker(code_en: Code) -> None:
    ev = code_en("At least five militants were killed when a US drone fired missiles at a compound "
                 "in North Waziristan on Monday.")[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["USA"] and ev.dead == 5
    ev = code_en("Three soldiers were killed after Taliban fighters attacked a checkpoint in Helmand.")[0]
    assert codes(ev.actor) == ["AFG"] and ev.dead == 3
    # with its agent named, the toll stays the record
    ev = code_en("Four soldiers were killed by Taliban fighters after a checkpoint was attacked.")[0]
    assert ev.explanation is not None and ev.explanation.trigger == "killed" and codes(ev.actor) == ["AFG"]


def test_english_context_expressed_concern_is_disapproval(code_en: Code) -> None:
    ev = code_en("Japan voiced concern over China's military drills near Taiwan.")[0]
    assert brief([ev]) == [("ACCUSE", ["JPN"], ["CHN"])]
    ev = code_en("China's foreign ministry expressed strong dissatisfaction over the G7 statement.")[0]
    assert ev.event == "ACCUSE" and codes(ev.actor) == ["CHN"]
    # a concern felt, not expressed, is no act
    assert code_en("The drills caused international concern about regional stability.") == []


def test_english_context_manoeuvres_are_mobilization(code_en: Code) -> None:
    ev = code_en("China launched large-scale military manoeuvres around Taiwan on Thursday.")[0]
    assert brief([ev]) == [("MOBILIZE", ["CHN"], ["TWN"])]
    assert code_en("The ship's manoeuvres were slow.") == []


def test_english_context_comes_as_reads_the_clause_after(code_en: Code) -> None:
    evs = code_en("The attack on the ship came as the US military acknowledged conducting new "
                  "airstrikes against the Houthis.")
    assert brief(evs)[:1] == [("ASSAULT", ["USA"], ["YEM"])]
    ev = code_en("The launch came as a U.S. aircraft carrier arrived in South Korea for joint drills.")[0]
    assert brief([ev]) == [("MOBILIZE", ["USA"], ["KOR"])]
    # with nothing to read after it, the subject's act is still the record
    ev = code_en("The Houthi attack on the ship came as no surprise.")[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["YEM"]


def test_english_context_a_launch_called_an_attack_is_an_attack(code_en: Code) -> None:
    ev = code_en("Ukraine's air force said on Saturday Russia launched 67 long-range drones in a mass "
                 "overnight attack.")[0]
    assert brief([ev]) == [("ASSAULT", ["RUS"], ["UKR"])]
    ev = code_en("North Korea launched two ballistic missiles into the sea on Monday, the JCS said.")[0]
    assert ev.event == "MOBILIZE"


def test_english_context_possessive_bodies_keep_their_sector(code_en: Code) -> None:
    ev = code_en("Russian forces shelled the outskirts overnight, Ukraine's police said.")[0]
    assert brief([ev]) == [("ASSAULT", ["RUS"], ["UKR"])]
    assert [e.sector for e in ev.claimed_by] == ["COP"]


def test_english_context_claiming_an_attack_is_doing_it(code_en: Code) -> None:
    ev = code_en("Al-Shabaab claimed the attack on the army base, which killed 12 soldiers.")[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["SOM"] and ev.factuality == "asserted"


def test_english_context_since_opener_and_progressive_perfect_are_background(code_en: Code) -> None:
    assert code_en("Since November, the Houthis have been carrying out attacks on ships.") == []
    assert code_en("Since January, Israel has bombed targets in Lebanon.") == []
    # the news itself, told in the perfect with no since-phrase, stays
    ev = code_en("The Houthis have attacked a Greek-owned ship in the Red Sea.")[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["YEM"]


def test_english_context_the_ceasefire_in_force_is_no_act(code_en: Code) -> None:
    assert code_en("Previously, the two countries issued a statement confirming the ceasefire.") == []
    assert code_en("The truce agreement, engineered by the US and Russia, has held in Syria.") == []
    ev = code_en("Hezbollah declared a unilateral ceasefire on Wednesday in south Lebanon.")[0]
    assert ev.event == "RETREAT" and codes(ev.actor) == ["LBN"]
    ev = code_en("Hamas announced the truce on Friday.")[0]
    assert ev.event == "RETREAT" and codes(ev.actor) == ["PSE"]


def test_english_context_a_gerund_opening_names_no_doer(code_en: Code) -> None:
    evs = code_en("The EU and the US called for talks on Monday. Fighting flared again near the border.")
    assert [e.event for e in evs] == ["REQUEST"]  # before: an ASSAULT by the EU and the US
    # a coordinated predicate keeps its subject
    evs = code_en("Russian forces shelled Kharkiv and attacked Sumy on Monday.")
    assert codes(evs[0].actor) == ["RUS"]


def test_english_context_warning_of_own_retaliation_is_a_threat(code_en: Code) -> None:
    ev = code_en("Russia's prime minister warned the United States against more sanctions, saying "
                 "Friday that Moscow would retaliate with economic means.")[0]
    assert brief([ev]) == [("THREATEN", ["RUS"], ["USA"])] and ev.factuality == "asserted"
    # another side's possible act stays that side's, possible
    ev = code_en("Japan warned that China could attack Taiwan within years.")[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["CHN"] and ev.factuality == "possible"


def test_english_context_a_released_message_is_no_release_and_hit_back_accuses(code_en: Code) -> None:
    evs = code_en("In a message released Thursday night, the Houthi spokesman praised the fighters.")
    assert all(e.event != "RETREAT" for e in evs)
    ev = code_en("Iran has hit back at Turkish allegations that its allies were violating the ceasefire.")[0]
    assert brief([ev]) == [("ACCUSE", ["IRN"], ["TUR"])]
    ev = code_en("The Houthis released 12 hostages on Sunday.")[0]
    assert ev.event == "RETREAT" and codes(ev.actor) == ["YEM"]


def test_english_context_explosions_heard_are_no_act(code_en: Code) -> None:
    assert code_en("Correspondents in Ukraine's capital, Kyiv, heard a series of explosions.") == []
    ev = code_en("A blast by Islamic State militants killed 12 people in Kabul.")[0]
    assert ev.event == "ASSAULT" and codes(ev.actor) == ["IMG"]


def test_english_context_the_details_of_an_act_are_a_topic(code_en: Code) -> None:
    assert code_en("South Korea and the United States are analyzing the details of the launch.") == []
    ev = code_en("South Korea and the United States condemned the launch.")[0]
    assert ev.event == "ACCUSE"


def test_english_context_fired_from_a_country_is_its_origin(code_en: Code) -> None:
    ev = code_en("Hamas militants fired 16 rockets from Lebanon towards northern Israel.")[0]
    assert brief([ev]) == [("ASSAULT", ["PSE"], ["ISR"])]


def test_english_context_a_groups_targets_are_no_civilians(code_en: Code) -> None:
    # before: the jets took Hezbollah's country, a second record LBN->LBN
    evs = code_en("Israel's army said it struck Hezbollah in Lebanon on Monday. Fighter jets "
                  "struck around 10 Hezbollah targets in the village.")
    assert evs and all(b == ("ASSAULT", ["ISR"], ["LBN"]) for b in brief(evs))


def test_english_context_a_hedged_hostile_act_on_a_condition_is_a_threat(code_en: Code) -> None:
    ev = code_en("The European Union may impose sanctions on Belarus if the crackdown continues.")[0]
    assert brief([ev]) == [("THREATEN", ["EUR"], ["BLR"])]
    ev = code_en("The European Union may impose sanctions on Belarus next month.")[0]
    assert ev.event == "SANCTION" and ev.factuality == "possible"


def test_english_context_group_anaphor_after_an_opening_phrase(code_en: Code) -> None:
    evs = code_en("Israel struck Hezbollah positions in southern Lebanon on Sunday. In a statement, "
                  "the Shia militia said it fired rockets at the town of Kiryat Shmona in Israel.")
    assert brief(evs)[-1] == ("ASSAULT", ["LBN"], ["ISR"])


def test_english_context_launched_from_home_is_aimed_elsewhere(code_en: Code) -> None:
    ev = code_en("North Korea launched a ballistic missile from Pyongyang on Sunday.")[0]
    assert ev.event == "MOBILIZE" and codes(ev.actor) == ["PRK"] and "PRK" not in codes(ev.recipient)
    ev = code_en("Russia launched drones from two border regions in Russia at Kharkiv, "
                 "Ukraine's air force said.")[0]
    assert codes(ev.actor) == ["RUS"] and codes(ev.recipient) == ["UKR"]


def test_english_context_it_was_the_attack_describes_it(code_en: Code) -> None:
    evs = code_en("China condemned the visit of a US delegation to Taiwan. It was the highest-ranking "
                  "visit from the U.S. in a quarter of a century.")
    assert [e.event for e in evs] == ["ACCUSE"]  # before: a CONSULT by China too
    ev = code_en("It said the army attacked the town.")  # not a description: no article after 'said'
    assert all(e.event == "ASSAULT" for e in ev)


def test_english_context_the_statement_is_its_issuers(code_en: Code) -> None:
    evs = code_en("Iran's foreign ministry issued a statement on Monday. The statement condemned the "
                  "new US sanctions.")
    assert brief(evs) == [("ACCUSE", ["IRN"], ["USA"])]  # before: no actor, no record (en:no-actor)
