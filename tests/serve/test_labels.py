"""Names for readers and plain-language incident explanations (serve/labels.py)."""

from __future__ import annotations

from frontwatch.records import Entity, Event, Place
from frontwatch.serve.labels import code_label, entity_names, explain_incident

NATO = Entity(text="NATO", name="NATO", code="IGO")
CSTO = Entity(text="CSTO", name="CSTO", code="IGO")
ARM = Entity(text="Armenia", name="Armenia", code="ARM")
AZE = Entity(text="Azerbaijan", name="Azerbaijan", code="AZE")
GORIS = Place(text="Goris", name="Goris", lat=39.51, lon=46.34)


def _ev(id_: str, event: str, date: str, **kw: object) -> Event:
    return Event(id=id_, doc_id=id_.split("#")[0], event=event, text="x", span=(0, 1), language="en",
                 date=date, date_precision="day", **kw)  # type: ignore[arg-type]


def test_labels_country_and_shared_organisation_codes() -> None:
    seen = entity_names([_ev("a#1", "ASSAULT", "2022-09-13", actor=(NATO,), recipient=(CSTO, ARM))])
    assert code_label("ARM", seen) == "Armenia (ARM)"
    assert code_label("IGO", seen) == "NATO / CSTO (IGO)"
    assert code_label("XYZ", seen) == "XYZ"


def test_labels_incident_reasons_in_plain_words() -> None:
    a = _ev("a#1", "ASSAULT", "2022-09-13", actor=(AZE,), recipient=(ARM,), event_loc=(GORIS,))
    b = _ev("b#6", "ACCUSE", "2022-09-14", actor=(ARM,), recipient=(AZE,))
    reasons = [
        "a#1 ~ b#6: Goris and Laçın 23 km apart",
        "a#1 ~ b#6: same place Goris",
        "b#6 ~ a#1: same parties ARM-AZE",
        "versions disagree on who acted: ARM says AZE, AZE says ARM",
        "something the explainer does not know",
    ]
    out = explain_incident(reasons, [a, b], entity_names([a, b]))
    assert out == [
        "An ASSAULT report and an ACCUSE report were joined because they name Goris and Laçın, 23 km apart, "
        "1 day apart (2022-09-13 and 2022-09-14).",
        "An ASSAULT report and an ACCUSE report were joined because both name Goris, "
        "1 day apart (2022-09-13 and 2022-09-14).",
        "An ACCUSE report and an ASSAULT report were joined because both are between Armenia (ARM) and "
        "Azerbaijan (AZE), 1 day apart (2022-09-13 and 2022-09-14).",
        "Contested: Armenia (ARM) says Azerbaijan (AZE) acted; Azerbaijan (AZE) says Armenia (ARM) acted.",
    ]
