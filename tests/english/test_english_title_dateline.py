"""A wire dateline written in title case ("Kabul, Mar 3 (Wire)") is where the story was filed."""

from __future__ import annotations

from collections.abc import Callable

from frontwatch.coding.en.mentions import dateline_end
from frontwatch.records import Event

Code = Callable[..., list[Event]]


def test_english_title_dateline_is_skipped() -> None:
    text = "Kabul, Mar 3 (Wire) Gunmen attacked a police post in the east."
    assert text[:dateline_end(text)] == "Kabul, Mar 3 (Wire) "
    text = "Yerevan, Oct 9, (Agency/Partner) – The ministry said troops opened fire."
    assert text[dateline_end(text):].startswith("The ministry")


def test_english_title_dateline_needs_day_and_credit() -> None:
    assert dateline_end("Israel, Hamas and Egypt met in Cairo on Monday.") == 0
    assert dateline_end("Kabul, March 3 was a quiet day.") == 0


def test_english_title_dateline_city_is_no_party(code_en: Code) -> None:
    evs = code_en("Bogota, Jun 4 (Wire) Four soldiers were killed in an attack by ELN rebels on a base.")
    assert evs and all("Bogota" not in {e.text for e in ev.actor + ev.recipient} for ev in evs), \
        [(e.event, e.actor, e.recipient) for e in evs]

