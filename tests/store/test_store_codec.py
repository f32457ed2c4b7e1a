"""The row translation every backend shares."""

from __future__ import annotations

import dataclasses
import json

import pytest
from store_builders import ent, make_doc, make_event, place

from frontwatch.records import Event, Explanation
from frontwatch.store.codec import (
    cell_of,
    cells_of,
    contains,
    content_hash,
    event_dict,
    event_from_record,
    event_record,
    like_pattern,
    party_rows,
    place_rows,
    snippet,
)


def _events() -> list[Event]:
    base = make_event(
        "x", 1, actor=(ent("AZE"), ent("AZE", "重複")), recipient=(ent("ARM"),),
        places=(place("Goris", "ARM", 39.5, 46.3),), factuality="claimed", claimed_by=(ent("ARM"),),
    )  # fmt: skip
    return [
        base,
        dataclasses.replace(base, explanation=None),
        dataclasses.replace(base, factuality="possible", horizon="数週間以内", horizon_days=21),
        dataclasses.replace(base, factuality="possible"),
        dataclasses.replace(base, horizon="soon"),
        dataclasses.replace(base, explanation=Explanation("r", "t", ("a", "b"), ("n",)), symmetric=True),
    ]


@pytest.mark.parametrize("event", _events())
def test_codec_event_record_matches_to_json(event: Event) -> None:
    expected = json.loads(json.dumps(event.to_json(explain=True)))
    assert event_dict(event) == expected
    back = event_from_record(event_record(event))
    assert back == event and back.explanation == event.explanation


def test_codec_side_rows_drop_repeats_and_uncoded() -> None:
    e = _events()[0]
    assert party_rows(e) == [
        ("actor", "AZE"), ("recipient", "ARM"), ("claimed_by", "ARM"), ("party", "AZE"), ("party", "ARM"),
    ]  # fmt: skip
    assert place_rows(e) == [("ARM", 39.5, 46.3)]


def test_codec_content_hash_given_or_computed() -> None:
    doc = make_doc("h")
    assert content_hash(doc) == doc.content_hash
    bare = dataclasses.replace(doc, content_hash=None)
    assert len(content_hash(bare)) == 64 and content_hash(bare) == content_hash(bare)


def test_codec_cells_cover_the_box() -> None:
    assert cells_of((30.2, 50.1, 30.9, 50.9)) == [cell_of(50.5, 30.5)]
    assert len(cells_of((44.0, 38.0, 48.0, 41.0))) == 20
    assert cell_of(-0.5, -0.5) != cell_of(0.5, 0.5) and cell_of(-0.5, -0.5) == cell_of(-0.1, -0.9)


def test_codec_like_pattern_escapes_wildcards() -> None:
    assert like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"


def test_codec_contains_folds_ascii_only() -> None:
    assert contains("Ceasefire TALKS", "talks") and contains("停戦交渉", "交渉")
    assert not contains("Ceasefire", "peace")


def test_codec_snippet_centres_on_the_match() -> None:
    text = "前" * 100 + "停戦" + "後" * 100
    s = snippet(text, "停戦")
    assert "停戦" in s and s.startswith("…") and s.endswith("…")
    assert snippet("short text", "absent") == "short text"
