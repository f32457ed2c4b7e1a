"""Properties of the analyses over generated records: order independence, partition, bounds."""

from __future__ import annotations

from analysis_builders import PLACES, ev
from hypothesis import given, settings
from hypothesis import strategies as st

from frontwatch.analysis.common import FORCE_TYPES
from frontwatch.analysis.forecasts import brier_by_source, build_ledger
from frontwatch.analysis.incidents import DATE_WINDOW_DAYS, build_incidents
from frontwatch.records import Event

CODES = ["ARM", "AZE", "RUS", "UKR"]
TYPES = ["ASSAULT", "COERCE", "MOBILIZE", "ACCUSE", "REJECT", "AGREE"]
FACTS = ["asserted", "claimed", "denied", "possible"]


@st.composite
def records(draw: st.DrawFn) -> list[Event]:
    n = draw(st.integers(min_value=0, max_value=25))
    out = []
    for i in range(n):
        day = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=12)))
        fact = draw(st.sampled_from(FACTS))
        out.append(ev(
            f"doc{draw(st.integers(0, 4))}#{i}",
            draw(st.sampled_from(TYPES)),
            tuple(draw(st.lists(st.sampled_from(CODES), max_size=2, unique=True))),
            tuple(draw(st.lists(st.sampled_from(CODES), max_size=1))),
            places=tuple(draw(st.lists(st.sampled_from(sorted(PLACES)), max_size=2, unique=True))),
            claimed_by=tuple(draw(st.lists(st.sampled_from(CODES), max_size=2, unique=True))),
            factuality=fact,
            date=f"2022-09-{day:02d}" if day else None,
            horizon_days=draw(st.sampled_from([None, 1, 7])) if fact == "possible" else None,
        ))
    return out


@settings(max_examples=60, deadline=None)
@given(records(), st.randoms(use_true_random=False))
def test_analysis_properties_incidents_ignore_input_order(recs: list[Event], rnd: object) -> None:
    shuffled = recs[:]
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    published = {"doc0": "2022-09-05", "doc1": None}
    a = [(i.id, [e.id for e in i.events], i.reasons) for i in build_incidents(recs, published)]
    b = [(i.id, [e.id for e in i.events], i.reasons) for i in build_incidents(shuffled, published)]
    assert a == b


@settings(max_examples=60, deadline=None)
@given(records())
def test_analysis_properties_incidents_partition_force_records(recs: list[Event]) -> None:
    incidents = build_incidents(recs)
    ids = [e.id for i in incidents for e in i.events]
    assert len(ids) == len(set(ids))
    force = {e.id for e in recs if e.event in FORCE_TYPES and e.factuality != "possible"}
    assert force <= set(ids)
    for inc in incidents:
        assert any(e.event in FORCE_TYPES for e in inc.events)
        days = sorted(int(e.date[-2:]) for e in inc.events if e.date)
        assert not days or days[-1] - days[0] <= DATE_WINDOW_DAYS


@settings(max_examples=60, deadline=None)
@given(records())
def test_analysis_properties_ledger_bounds(recs: list[Event]) -> None:
    ledger = build_ledger(recs, {"doc0": "2022-09-05"})
    for fc in ledger:
        assert 0.0 <= fc.probability <= 1.0
        assert (fc.outcome == "happened") == bool(fc.evidence)
        assert fc.due is None or (fc.issued is not None and fc.due >= fc.issued)
    for score in brier_by_source(ledger):
        assert score.brier is None or 0.0 <= score.brier <= 1.0
