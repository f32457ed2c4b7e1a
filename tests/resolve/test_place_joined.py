"""A record that joined other mentions of its act keeps the places carried to them (issue 13)."""

from __future__ import annotations

from dataclasses import replace

from frontwatch.records import Document, Entity, Event, Explanation, Place, Section
from frontwatch.resolve.dedup import merge
from frontwatch.resolve.place_attach import carry_places
from frontwatch.resolve.place_story import STORY_REACH
from frontwatch.resolve.places import FakeGeocoder

SOMALIA = Place(text="Somalia", name="Somalia", country="SOM", feature="country")
JILIB = Place(text="Jilib", name="Jilib", country="SOM", feature="city")
NAIROBI = Place(text="Nairobi", name="Nairobi", country="KEN", feature="city")
WONSAN = Place(text="Wonsan", name="Wonsan", country="PRK", feature="city")
GULF = Place(text="Gulf of Aden", name="Gulf of Aden", country=None, feature="sea")
GEOCODER = FakeGeocoder({"Jilib": JILIB, "Nairobi": NAIROBI, "Wonsan": WONSAN, "Gulf of Aden": GULF})


def _story(text: str) -> Document:
    body = Section(kind="body", text=text, start=0, end=len(text))
    return Document(doc_id="d", text=text, sections=(body,))


def _act(event: str, text: str, sentence: str, actor: str, recipient: str,
         places: tuple[Place, ...] = ()) -> Event:
    start = text.index(sentence)
    return Event(id="", doc_id="d", event=event, text=sentence, span=(start, start + len(sentence)),
                 language="en", actor=(Entity(text=actor, code=actor),),
                 recipient=(Entity(text=recipient, code=recipient),), event_loc=places,
                 explanation=Explanation(rule="r", trigger="t"))


def test_a_joined_mention_keeps_the_detail_told_after_it() -> None:
    lead = "North Korea fired a ballistic missile toward the sea on Sunday."
    again = "Japan's defence ministry said a missile was fired at dawn."
    told_between = "Sirens did not sound. " * STORY_REACH
    text = f"{lead} {told_between}{again} It was launched from near Wonsan, officials said."
    kept, told = _act("MOBILIZE", text, lead, "PRK", "JPN"), _act("MOBILIZE", text, again, "PRK", "JPN")
    joined = merge(kept, told)
    assert joined.joined == (told.span,)
    out = carry_places([joined], GEOCODER, _story(text))[0]
    assert [p.name for p in out.event_loc] == ["Wonsan"]
    assert out.explanation is not None and "mention it joined" in out.explanation.notes[-1]
    # The lead alone reaches STORY_REACH sentences on, none of which names a place.
    assert carry_places([kept], GEOCODER, _story(text))[0].event_loc == ()


def test_a_country_gives_way_only_to_a_place_inside_it() -> None:
    lead = "Ten soldiers were killed in an attack in Somalia on Monday."
    again = "Officials said the attack on the base killed ten soldiers."
    inside = f"{lead} Talks went on. {again} The base lies near Jilib."
    kept = _act("ASSAULT", inside, lead, "IMG", "SOM", (SOMALIA,))
    joined = merge(kept, _act("ASSAULT", inside, again, "IMG", "SOM"))
    assert [p.name for p in carry_places([joined], GEOCODER, _story(inside))[0].event_loc] == [
        "Jilib", "Somalia"]
    for other in ("Officials in Nairobi spoke of it.", "Ships sailed in the Gulf of Aden."):
        elsewhere = f"{lead} Talks went on. {again} {other}"
        kept = _act("ASSAULT", elsewhere, lead, "IMG", "SOM", (SOMALIA,))
        joined = merge(kept, _act("ASSAULT", elsewhere, again, "IMG", "SOM"))
        assert carry_places([joined], GEOCODER, _story(elsewhere))[0].event_loc == (SOMALIA,)


def test_the_joined_spans_are_not_written_out() -> None:
    text = "Rebels attacked a base. Rebels attacked the base again."
    kept = _act("ASSAULT", text, "Rebels attacked a base.", "IMG", "SOM")
    joined = merge(kept, _act("ASSAULT", text, "Rebels attacked the base again.", "IMG", "SOM"))
    assert joined.joined == ((24, 55),)
    assert "joined" not in joined.to_json(explain=True)
    assert replace(kept, joined=((24, 55),)) == kept  # the spans do not make two records differ


def test_a_retelling_absorbed_by_the_english_story_is_joined() -> None:
    from frontwatch.coding.en.story import absorb

    text = "Rebels attacked a base on Monday. The attack killed four soldiers."
    kept = _act("ASSAULT", text, "Rebels attacked a base on Monday.", "IMG", "SOM")
    told = _act("ASSAULT", text, "The attack killed four soldiers.", "IMG", "SOM")
    assert absorb(kept, told, "en:known-action").joined == (told.span,)


def test_a_statements_place_is_not_carried_to_the_act_after_it() -> None:
    lebanon = Place(text="southern Lebanon", name="South Lebanon", country="LBN", feature="region")
    israel = Place(text="Israel", name="Israel", country="ISR", feature="country")
    strike = "A drone strike killed a man in southern Lebanon."
    claim = "The army accused him of firing rockets towards Israel."
    later = "On Tuesday, a drone strike hit a car, killing another man."
    text = f"{strike} {claim} {later}"
    events = [_act("ASSAULT", text, strike, "ISR", "LBN", (lebanon,)),
              _act("ACCUSE", text, claim, "ISR", "LBN", (israel,)),
              _act("ASSAULT", text, later, "ISR", "LBN")]
    out = carry_places(events)
    assert out[2].event_loc == (lebanon,)  # the act stated before, not the accusation's Israel
    assert out[2].explanation is not None and "act stated just before" in out[2].explanation.notes[-1]
