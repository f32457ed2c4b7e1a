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
