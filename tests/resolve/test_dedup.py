"""One record per action: merging repeated mentions."""

from __future__ import annotations

from frontwatch.records import Entity, Event, Explanation, Place
from frontwatch.resolve.dedup import merge_duplicates

AZE, ARM = Entity("a", code="AZE"), Entity("b", code="ARM")


def _ev(start: int, **kw: object) -> Event:
    base: dict[str, object] = {"id": "", "doc_id": "d", "event": "ASSAULT", "text": "",
                               "span": (start, start + 5),
                               "language": "ja", "actor": (AZE,), "recipient": (ARM,),
                               "explanation": Explanation("r", "t")}
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def test_dedup_merges_places_and_counts() -> None:
    a = _ev(0, event_loc=(Place("ゴリス", name="Goris"),))
    b = _ev(50, recipient=(), dead=49, event_loc=(Place("ソトク", name="Sotk"),))
    (m,) = merge_duplicates([a, b])
    assert m.dead == 49 and [p.name for p in m.event_loc] == ["Goris", "Sotk"]


def test_dedup_keeps_each_sides_version() -> None:
    a = _ev(0, factuality="claimed", claimed_by=(ARM,))
    b = _ev(50, actor=(ARM,), recipient=(AZE,), factuality="claimed", claimed_by=(AZE,))
    assert len(merge_duplicates([a, b])) == 2


def test_dedup_warning_is_not_the_attack() -> None:
    assert len(merge_duplicates([_ev(0), _ev(50, factuality="possible")])) == 2


def test_dedup_hedged_headline_joins_the_body() -> None:
    title = _ev(0, factuality="possible", explanation=Explanation("r", "t", notes=("section: title",)))
    body = _ev(50, factuality="claimed", claimed_by=(ARM,))
    (m,) = merge_duplicates([title, body])
    assert m.factuality == "claimed" and m.span == (50, 55)


def test_dedup_claimed_version_stays_apart_from_undated_narration() -> None:
    claimed = _ev(0, factuality="claimed", claimed_by=(ARM,), date="2024-05-01")
    narrated = _ev(50, factuality="asserted", date=None)
    assert len(merge_duplicates([claimed, narrated])) == 2


def test_dedup_claimed_version_joins_narration_of_the_same_day() -> None:
    claimed = _ev(0, factuality="claimed", claimed_by=(ARM,), date="2024-05-01")
    narrated = _ev(50, factuality="asserted", date="2024-05-01")
    assert len(merge_duplicates([claimed, narrated])) == 1


def test_dedup_claimed_version_joins_narration_on_an_undated_page() -> None:
    # "US, UK forces hit western Yemen targets" over "Al Masirah says US and UK forces struck
    # ...": the page prints no date, so neither record has one; one act gives one record
    narrated = _ev(0, factuality="asserted", date=None)
    claimed = _ev(50, factuality="claimed", claimed_by=(ARM,), date=None)
    (m,) = merge_duplicates([narrated, claimed])
    assert m.span == (0, 5) and m.factuality == "asserted"


def test_dedup_undated_records_naming_two_days_stay_apart() -> None:
    claimed = _ev(0, factuality="claimed", claimed_by=(ARM,), text="5日に砲撃したと発表した。")
    narrated = _ev(50, factuality="asserted", text="6日にも砲撃した。")
    assert len(merge_duplicates([claimed, narrated])) == 2


def test_dedup_doer_and_target_on_an_undated_page_are_one_asserted_record() -> None:
    by_doer = _ev(0, factuality="claimed", claimed_by=(AZE,))
    by_target = _ev(50, factuality="claimed", claimed_by=(ARM,))
    (m,) = merge_duplicates([by_doer, by_target])
    assert m.factuality == "asserted" and not m.claimed_by


def test_dedup_denial_stays_apart_from_the_other_sides_claim() -> None:
    claimed = _ev(0, factuality="claimed", claimed_by=(ARM,), date="2024-05-01")
    denied = _ev(50, factuality="denied", claimed_by=(AZE,), date="2024-05-01")
    assert len(merge_duplicates([claimed, denied])) == 2


def test_dedup_headline_joins_the_mention_that_fits_best() -> None:
    claimed = _ev(0, factuality="claimed", claimed_by=(ARM,), date="2024-05-01")
    asserted = _ev(50, factuality="asserted", date="2024-05-02")
    title = _ev(-20, factuality="asserted", explanation=Explanation("r", "t", notes=("section: title",)),
                event_loc=(Place("ゴリス", name="Goris"),))
    out = merge_duplicates([claimed, asserted, title])
    assert len(out) == 2
    assert [p.name for p in out[1].event_loc] == ["Goris"] and out[1].factuality == "asserted"


def test_dedup_doer_and_target_telling_the_same_act_is_one_asserted_record() -> None:
    by_doer = _ev(0, factuality="claimed", claimed_by=(AZE,), date="2024-05-01")
    by_target = _ev(50, factuality="claimed", claimed_by=(ARM,), date="2024-05-01")
    (m,) = merge_duplicates([by_doer, by_target])
    assert m.factuality == "asserted" and not m.claimed_by


def test_dedup_doer_telling_no_day_and_target_telling_one_are_one_asserted_record() -> None:
    by_doer = _ev(0, factuality="claimed", claimed_by=(AZE,), date=None)
    by_target = _ev(50, factuality="claimed", claimed_by=(ARM,), date="2024-05-01")
    (m,) = merge_duplicates([by_doer, by_target])
    assert m.factuality == "asserted" and m.date == "2024-05-01"


def test_dedup_doer_and_target_at_different_places_are_two_acts() -> None:
    by_doer = _ev(0, factuality="claimed", claimed_by=(AZE,), date="2024-05-01",
                  event_loc=(Place("ゴリス", name="Goris"),))
    by_target = _ev(50, factuality="claimed", claimed_by=(ARM,), date="2024-05-01",
                    event_loc=(Place("ソトク", name="Sotk"),))
    assert len(merge_duplicates([by_doer, by_target])) == 2


def test_dedup_two_bodies_of_one_side_are_two_acts() -> None:
    army = _ev(0, actor=(Entity("x", code="AZE", sector="MIL"),), date="2024-05-01")
    police = _ev(50, actor=(Entity("y", code="AZE", sector="COP"),), date="2024-05-01")
    assert len(merge_duplicates([army, police])) == 2


def test_dedup_headline_in_other_words_restates_the_lead() -> None:
    title = _ev(0, explanation=Explanation("r", "t", notes=("section: title",)))
    lead = _ev(50, event="COERCE")
    (m,) = merge_duplicates([title, lead])
    assert m.event == "COERCE" and m.span == (50, 55)


def test_dedup_headline_of_other_parties_stays() -> None:
    title = _ev(0, actor=(ARM,), recipient=(AZE,),
                explanation=Explanation("r", "t", notes=("section: title",)))
    assert len(merge_duplicates([title, _ev(50, event="COERCE")])) == 2


def test_dedup_year_joins_a_day_inside_it_and_keeps_the_day() -> None:
    # headline "…領海侵入 今年5日目" (今年: year precision) over the body's 18日: one act
    title = _ev(0, date="2026-01-01", date_precision="year",
                explanation=Explanation("r", "t", notes=("section: title",)))
    body = _ev(50, date="2026-03-18", date_precision="day")
    (m,) = merge_duplicates([title, body])
    assert (m.date, m.date_precision) == ("2026-03-18", "day")


def test_dedup_month_kept_first_takes_the_finer_day() -> None:
    month = _ev(0, date="2026-03-01", date_precision="month")
    day = _ev(50, date="2026-03-18", date_precision="day")
    (m,) = merge_duplicates([month, day])
    assert m.span == (0, 5) and (m.date, m.date_precision) == ("2026-03-18", "day")


def test_dedup_coarse_date_outside_the_day_stays_apart() -> None:
    assert len(merge_duplicates([_ev(0, date="2025-01-01", date_precision="year"),
                                 _ev(50, date="2026-03-18", date_precision="day")])) == 2
    assert len(merge_duplicates([_ev(0, date="2026-02-01", date_precision="month"),
                                 _ev(50, date="2026-03-18", date_precision="day")])) == 2


def test_dedup_two_days_of_one_month_stay_apart() -> None:
    assert len(merge_duplicates([_ev(0, date="2026-03-17", date_precision="day"),
                                 _ev(50, date="2026-03-18", date_precision="day")])) == 2


def test_dedup_both_sides_join_when_one_tells_only_the_year() -> None:
    # "X said on the 30th it arrested two" and "Y said two have been held since May this year
    # (今年5月から)": the year contains the day, so the doer's and the target's claims are one act
    by_doer = _ev(0, factuality="claimed", claimed_by=(AZE,), date="2015-09-30", date_precision="day")
    by_target = _ev(50, factuality="claimed", claimed_by=(ARM,), date="2015-01-01", date_precision="year")
    (m,) = merge_duplicates([by_doer, by_target])
    assert m.factuality == "asserted" and (m.date, m.date_precision) == ("2015-09-30", "day")


def test_dedup_keeps_a_named_armed_group_apart_from_its_state() -> None:
    """A civil war: the Arakan Army and Myanmar share MMR, each side keeps its own attack."""
    army = Entity("国軍", name="Myanmar Armed Forces", code="MMR", sector="MIL")
    rebels = Entity("アラカン軍", name="Arakan Army", code="MMR", sector="REB")
    village = (Entity("村", code="MMR", sector="CVL"),)
    a = _ev(0, actor=(army,), recipient=village)
    b = _ev(50, actor=(rebels,), recipient=village)
    assert len(merge_duplicates([a, b])) == 2
    again = _ev(90, actor=(Entity("同軍", name="Arakan Army", code="MMR", sector="REB"),), recipient=village)
    assert len(merge_duplicates([a, b, again])) == 2  # the same group named twice is one party
    militants = _ev(120, actor=(Entity("武装勢力", name="Myanmar", code="MMR"),), recipient=village)
    assert len(merge_duplicates([b, militants])) == 1  # an unnamed side may be the group itself


def test_dedup_a_headline_naming_the_state_joins_the_groups_record() -> None:
    title = _ev(0, actor=(Entity("ミャンマー", name="Myanmar", code="MMR"),),
                explanation=Explanation("r", "t", notes=("section: title",)))
    body = _ev(50, actor=(Entity("アラカン軍", name="Arakan Army", code="MMR", sector="REB"),))
    assert len(merge_duplicates([title, body])) == 1


NO_DAY = Explanation("r", "t", notes=("date: none in the sentence -> the story's day",))
REPORTED = Explanation("r", "t", notes=("date: Friday (the day of the report) -> 2024-05-03",))


def test_dedup_doers_own_claim_joins_the_narration_told_without_a_day() -> None:
    # "Azerbaijani forces shelled Goris, killing two." (no day: the story's day) and "Azerbaijan
    # said on Tuesday its forces struck Armenian positions" (the day it said so): one act told twice
    narrated = _ev(0, factuality="asserted", date="2024-05-03", dead=2,
                   explanation=NO_DAY)
    claimed = _ev(50, factuality="claimed", claimed_by=(AZE,), date="2024-04-30")
    (m,) = merge_duplicates([narrated, claimed])
    assert m.span == (0, 5) and m.factuality == "asserted" and m.dead == 2


def test_dedup_retelling_keeps_the_day_the_act_was_told_on() -> None:
    claimed = _ev(0, factuality="claimed", claimed_by=(AZE,), date="2024-05-03",
                  explanation=REPORTED)
    narrated = _ev(50, factuality="asserted", date="2024-04-30")
    (m,) = merge_duplicates([claimed, narrated])
    assert m.date == "2024-04-30"


def test_dedup_targets_claim_stays_apart_from_a_narration_of_another_day() -> None:
    narrated = _ev(0, factuality="asserted", date="2024-05-03",
                   explanation=NO_DAY)
    claimed = _ev(50, factuality="claimed", claimed_by=(ARM,), date="2024-04-30")
    assert len(merge_duplicates([narrated, claimed])) == 2


def test_dedup_doers_claim_of_another_day_stays_apart() -> None:
    narrated = _ev(0, factuality="asserted", date="2024-05-03")
    claimed = _ev(50, factuality="claimed", claimed_by=(AZE,), date="2024-04-30")
    assert len(merge_duplicates([narrated, claimed])) == 2


def test_dedup_two_onlookers_reports_of_one_act_join() -> None:
    # the target's military and a neighbour's coast guard each report the same launch that day
    jpn = Entity("c", code="JPN")
    target = _ev(0, event="MOBILIZE", factuality="claimed", claimed_by=(ARM,), date="2024-01-14")
    onlooker = _ev(50, event="MOBILIZE", factuality="claimed", claimed_by=(jpn,), date="2024-01-14")
    assert len(merge_duplicates([target, onlooker])) == 1


def test_dedup_the_doers_claim_and_an_onlookers_stay_apart_on_other_days() -> None:
    jpn = Entity("c", code="JPN")
    doer = _ev(0, factuality="claimed", claimed_by=(AZE,), date="2024-01-14")
    onlooker = _ev(50, factuality="claimed", claimed_by=(jpn,), date="2024-01-14")
    later = _ev(90, factuality="claimed", claimed_by=(ARM,), date="2024-01-15")
    assert len(merge_duplicates([doer, onlooker])) == 2
    assert len(merge_duplicates([onlooker, later])) == 2


def test_dedup_a_mention_dated_only_by_the_page_joins_the_told_day() -> None:
    # 政府とTPLFは2日、…停戦に合意した。… 双方は「…」ことで合意したが、…: the second sentence names
    # no day, the Japanese coder dates it by the publication date; it is the same agreement
    page = Explanation("r", "t", notes=("date: the publication date 2022-11-05",))
    told = _ev(0, event="AGREE", recipient=(), date="2022-11-02")
    retold = _ev(50, event="AGREE", recipient=(), date="2022-11-05", explanation=page)
    (m,) = merge_duplicates([told, retold])
    assert m.date == "2022-11-02" and m.span == (0, 5)


def test_dedup_the_page_day_gives_way_to_a_told_day_whichever_comes_first() -> None:
    page = Explanation("r", "t", notes=("date: the publication date 2022-11-05",))
    retold = _ev(0, date="2022-11-05", explanation=page)
    (m,) = merge_duplicates([retold, _ev(50, date="2022-11-02")])
    assert m.date == "2022-11-02"
    notes = m.explanation.notes if m.explanation is not None else ()
    assert "dedup: the day of the joined mention 2022-11-02" in notes


def test_dedup_two_told_days_stay_two_acts() -> None:
    assert len(merge_duplicates([_ev(0, date="2022-11-02"), _ev(50, date="2022-11-05")])) == 2


def test_dedup_a_page_dated_claim_stays_apart_from_an_act_of_another_day() -> None:
    # 国防省は「…弾薬庫を破壊した」と主張している (no day: the page's) after the shelling of 20日:
    # the doer's claim of another act, not the same one told again (rule 5 compares the dates as they are)
    page = Explanation("r", "t", notes=("date: the publication date 2024-03-21",))
    told = _ev(0, date="2024-03-20")
    claim = _ev(50, date="2024-03-21", factuality="claimed", claimed_by=(AZE,), explanation=page)
    assert len(merge_duplicates([told, claim])) == 2


def test_dedup_two_asserted_undated_records_naming_two_days_are_two_acts() -> None:
    # "On Sunday, the army struck ..." and "On Tuesday, drones targeted ...": a page with no date
    sunday = _ev(0, language="en", text="On Sunday, the army launched strikes on rebel areas.")
    tuesday = _ev(50, language="en", text="On Tuesday, rebel drones targeted the airport.")
    assert len(merge_duplicates([sunday, tuesday])) == 2


def test_dedup_days_of_every_joined_sentence_count() -> None:
    # the lead names no day, its retelling names Monday: a Wednesday attack is another act
    lead = _ev(0, language="en", text="A drone strike killed dozens of soldiers.")
    monday = _ev(50, language="en", text="The strike on Monday killed dozens of soldiers.")
    wednesday = _ev(100, language="en", text="On Wednesday, drones hit the barracks again.")
    kept = merge_duplicates([lead, monday, wednesday])
    assert [e.span for e in kept] == [(0, 5), (100, 105)]


def test_dedup_a_span_of_days_is_no_day() -> None:
    # "10日ほど前にも" (about ten days ago) names no day: it does not split the act from "22日"
    first = _ev(0, text="22日、首都で爆弾テロがあった。")
    recap = _ev(50, text="10日ほど前にも南部でホテルが襲撃された。")
    assert len(merge_duplicates([first, recap])) == 1
