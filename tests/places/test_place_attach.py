"""Which places belong to one event frame (``resolve.place_attach``), on hand-built mentions."""

from __future__ import annotations

from frontwatch.records import Document, Entity, Event, Explanation, Place, PlaceMention, Section
from frontwatch.resolve.place_attach import (
    CARRY_CHARS,
    attach,
    attach_offsets,
    carry_places,
    clause_span,
    dateline_end,
)
from frontwatch.resolve.place_story import STORY_REACH


def _mentions(text: str, *names: tuple[str, str, str]) -> list[PlaceMention]:
    out = []
    for name, feature, country in names:
        at = text.index(name)
        out.append(PlaceMention(name, at, at + len(name),
                                Place(text=name, name=name, country=country, feature=feature)))
    return out


def test_place_attach_keeps_the_trigger_clause() -> None:
    text = "Russia struck Kharkiv overnight after Ukraine hit Belgorod."
    found = _mentions(text, ("Kharkiv", "city", "UKR"), ("Belgorod", "city", "RUS"))
    struck = attach(found, text, lang="en", trigger=text.index("struck"))
    hit = attach(found, text, lang="en", trigger=text.index("hit"))
    assert [p.name for p in struck.places] == ["Kharkiv"]
    assert [p.name for p in hit.places] == ["Belgorod"]


def test_place_attach_nearest_when_the_clause_has_none() -> None:
    text = "In Odesa and later in Kherson; the drones struck twice."
    found = _mentions(text, ("Odesa", "city", "UKR"), ("Kherson", "city", "UKR"))
    frame = attach(found, text, lang="en", trigger=text.index("struck"))
    assert [p.name for p in frame.places] == ["Kherson", "Odesa"]
    assert "nearest the trigger" in frame.notes[0]


def test_place_attach_country_only_when_nothing_finer() -> None:
    text = "Missiles were fired at targets in Ukraine and in Kyiv."
    both = _mentions(text, ("Ukraine", "country", "UKR"), ("Kyiv", "city", "UKR"))
    assert [p.name for p in attach(both, text, lang="en", trigger=0).places] == ["Kyiv"]
    only = both[:1]
    frame = attach(only, text, lang="en", trigger=0)
    assert [p.name for p in frame.places] == ["Ukraine"] and "no finer place" in frame.notes[0]


def test_place_attach_japanese_scope_keeps_every_finer_place() -> None:
    text = "ロシア軍がハルキウとオデーサを攻撃した"
    found = _mentions(text, ("ハルキウ", "city", "UKR"), ("オデーサ", "city", "UKR"))
    assert len(attach(found, text, lang="ja").places) == 2


def test_place_attach_clause_breaks_are_not_abbreviation_dots() -> None:
    text = "Israeli forces fired on U.N. peacekeepers in Naqoura while talks went on in Paris."
    assert clause_span(text, text.index("fired"), "en") == (0, text.index(" while "))


def test_place_attach_offsets_keeps_pairs() -> None:
    text = "Russia struck Kharkiv after Ukraine hit Belgorod."
    pairs = [(text.index(n), Place(text=n, name=n, country="UKR", feature="city"))
             for n in ("Kharkiv", "Belgorod")]
    assert [p.name for _, p in attach_offsets(pairs, text, lang="en", trigger=7)] == ["Kharkiv"]


def _event(event: str, start: int, places: tuple[Place, ...] = ()) -> Event:
    return Event(id="", doc_id="d", event=event, text="", span=(start, start + 40), language="en",
                 event_loc=places,
                 explanation=Explanation(rule="r", trigger="t"))


def test_place_attach_carries_the_place_of_the_act_just_before() -> None:
    kashmir = Place(text="Kashmir", name="Kashmir", country="IND", feature="region")
    events = [_event("ASSAULT", 0, (kashmir,)), _event("ASSAULT", 60), _event("ACCUSE", 120),
              _event("ASSAULT", 60 + 40 + CARRY_CHARS + 1)]
    out = carry_places(events)
    assert out[1].event_loc == (kashmir,)
    assert out[1].explanation is not None and "act stated just before" in out[1].explanation.notes[-1]
    assert out[2].event_loc == ()  # a statement keeps no carried place
    assert out[3].event_loc == ()  # too far from the act that named it


def test_place_attach_sentence_places_before_the_act_before() -> None:
    from dataclasses import replace

    from frontwatch.resolve.places import FakeGeocoder

    tigray = Place(text="Tigray", name="Tigray", country="ETH", feature="admin1")
    pretoria = Place(text="Pretoria", name="Pretoria", country="ZAF", feature="city")
    geocoder = FakeGeocoder({"Tigray": tigray})
    talks = _event("AGREE", 0, (pretoria,))
    strike = replace(_event("ASSAULT", 60), text="The TPLF, which holds Tigray, said drones struck.")
    out = carry_places([talks, strike], geocoder)
    assert [p.name for p in out[1].event_loc] == ["Tigray"]
    assert out[1].explanation is not None and "named in its sentence" in out[1].explanation.notes[-1]


def _story(text: str) -> Document:
    body = Section(kind="body", text=text, start=0, end=len(text))
    return Document(doc_id="d", text=text, sections=(body,))


def _act(event: str, text: str, sentence: str, actor: str, recipient: str,
         places: tuple[Place, ...] = ()) -> Event:
    from dataclasses import replace

    start = text.index(sentence)
    return replace(_event(event, start, places), span=(start, start + len(sentence)), text=sentence,
                   actor=(Entity(text=actor, code=actor),),
                   recipient=(Entity(text=recipient, code=recipient),))


def test_place_attach_a_carried_place_carries_on() -> None:
    from frontwatch.resolve.places import FakeGeocoder

    shoal = Place(text="Sabina Shoal", name="Sabina Shoal", country=None, feature="sea")
    geocoder = FakeGeocoder({"Sabina Shoal": shoal})
    text = ("Boats gathered near Sabina Shoal. Ships surrounded the boats in the same area. "
            "Coast guard cutters sailed out to protect them.")
    events = [_act("COERCE", text, "Ships surrounded the boats in the same area.", "CHN", "PHL"),
              _act("MOBILIZE", text, "Coast guard cutters sailed out to protect them.", "PHL", "CHN")]
    out = carry_places(events, geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Sabina Shoal"]  # 'the same area' points back
    assert [p.name for p in out[1].event_loc] == ["Sabina Shoal"]  # the act just before's place


def test_place_attach_the_scene_set_in_a_sentence_before() -> None:
    from frontwatch.resolve.places import FakeGeocoder

    tigray = Place(text="Tigray", name="Tigray", country="ETH", feature="admin1")
    geneva = Place(text="Geneva", name="Geneva", country="CHE", feature="city")
    geocoder = FakeGeocoder({"Tigray": tigray, "Geneva": geneva})
    text = "Fighting flared in Tigray on Monday. A spokesman said the army attacked first."
    act = _act("ASSAULT", text, "A spokesman said the army attacked first.", "ETH", "TPLF")
    out = carry_places([act], geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Tigray"]
    assert out[0].explanation is not None and "scene" in out[0].explanation.notes[-1]
    # A place in neither party's country is not the scene of their fight.
    elsewhere = "Talks opened in Geneva on Monday. A spokesman said the army attacked first."
    act = _act("ASSAULT", elsewhere, "A spokesman said the army attacked first.", "ETH", "TPLF")
    assert carry_places([act], geocoder, _story(elsewhere))[0].event_loc == ()


def test_place_attach_the_struck_country_when_nothing_finer() -> None:
    text = "Jets crossed from Iraq and bombed targets in Syria overnight."
    found = _mentions(text, ("Iraq", "country", "IRQ"), ("Syria", "country", "SYR"))
    at = text.index("crossed")
    struck = attach(found, text, lang="en", trigger=at, struck=["SYR"])
    assert [p.name for p in struck.places] == ["Syria"]
    plain = "Jets crossed from Iraq and bombed Syria overnight."
    found = _mentions(plain, ("Iraq", "country", "IRQ"), ("Syria", "country", "SYR"))
    assert [p.name for p in attach(found, plain, lang="en", trigger=at).places] == ["Iraq"]  # nearest


def test_place_attach_the_country_the_act_is_in_before_an_owners() -> None:
    # the consulate struck is Iran's (the recipient), the place is Syria
    text = "シリアにあるイラン領事館が空爆を受けた。"
    found = _mentions(text, ("シリア", "country", "SYR"), ("イラン", "country", "IRN"))
    assert [p.name for p in attach(found, text, lang="ja", struck=["IRN"]).places] == ["シリア"]
    english = "Jets crossed from Iraq and bombed targets in Syria overnight."
    found = _mentions(english, ("Iraq", "country", "IRQ"), ("Syria", "country", "SYR"))
    at = english.index("crossed")
    assert [p.name for p in attach(found, english, lang="en", trigger=at).places] == ["Syria"]


def test_place_attach_the_detail_the_next_sentence_gives() -> None:
    from frontwatch.resolve.places import FakeGeocoder

    somalia = Place(text="Somalia", name="Somalia", country="SOM", feature="country")
    jilib = Place(text="Jilib", name="Jilib", country="SOM", feature="city")
    nairobi = Place(text="Nairobi", name="Nairobi", country="KEN", feature="city")
    gulf = Place(text="Gulf of Aden", name="Gulf of Aden", country=None, feature="sea")
    geocoder = FakeGeocoder({"Jilib": jilib, "Nairobi": nairobi, "Gulf of Aden": gulf})
    lead = "Ten militants were killed in an airstrike in Somalia."
    text = f"{lead} The strike hit a camp near Jilib, officials in Nairobi said."
    out = carry_places([_act("ASSAULT", text, lead, "USA", "SOM", (somalia,))], geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Jilib", "Somalia"]  # not Kenya's capital
    assert out[0].explanation is not None and "next sentence" in out[0].explanation.notes[-1]
    # A detail further on is the story's, up to STORY_REACH sentences away; only finer places
    # in the named country.
    near = f"{lead} Officials met. The strike hit a camp near Jilib."
    out = carry_places([_act("ASSAULT", near, lead, "USA", "SOM", (somalia,))], geocoder, _story(near))
    assert [p.name for p in out[0].event_loc] == ["Jilib", "Somalia"]
    assert out[0].explanation is not None and "story" in out[0].explanation.notes[-1]
    far = f"{lead} {'Officials met. ' * STORY_REACH}The strike hit a camp near Jilib."
    assert carry_places([_act("ASSAULT", far, lead, "USA", "SOM", (somalia,))], geocoder,
                        _story(far))[0].event_loc == (somalia,)
    sea = f"{lead} Ships waited in the Gulf of Aden."
    assert carry_places([_act("ASSAULT", sea, lead, "USA", "SOM", (somalia,))], geocoder,
                        _story(sea))[0].event_loc == (somalia,)
    # With no place at all, a sea the next sentence names is the act's.
    bare = "Pirates seized a tanker on Monday. It was sailing in the Gulf of Aden."
    act = _act("ASSAULT", bare, "Pirates seized a tanker on Monday.", "SOM", "GRC")
    assert [p.name for p in carry_places([act], geocoder, _story(bare))[0].event_loc] == ["Gulf of Aden"]


def test_place_attach_a_country_takes_the_scene_set_before() -> None:
    from frontwatch.resolve.places import FakeGeocoder

    thailand = Place(text="Thailand", name="Thailand", country="THA", feature="country")
    surin = Place(text="Surin", name="Surin", country="THA", feature="admin1")
    geocoder = FakeGeocoder({"Surin": surin})
    act = "Cambodian troops fired at Thailand first, an officer said."
    text = f"Fighting broke out near a temple in Surin on Friday. {act}"
    out = carry_places([_act("ASSAULT", text, act, "KHM", "THA", (thailand,))], geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Surin", "Thailand"]
    assert out[0].explanation is not None and "just before" in out[0].explanation.notes[-1]


def test_place_attach_an_attacks_scene_is_in_the_country_struck() -> None:
    from frontwatch.resolve.places import FakeGeocoder

    tyre = Place(text="Tyre", name="Tyre", country="LBN", feature="city")
    metula = Place(text="Metula", name="Metula", country="ISR", feature="city")
    geocoder = FakeGeocoder({"Tyre": tyre, "Metula": metula})
    act = "Hezbollah said it fired rockets at an army post."
    text = f"Israeli jets struck Tyre overnight. {act}"
    out = carry_places([_act("ASSAULT", text, act, "LBN", "ISR")], geocoder, _story(text))
    assert out[0].event_loc == ()  # Tyre is where Israel struck, not where Hezbollah did
    text = f"Sirens sounded in Metula overnight. {act}"
    out = carry_places([_act("ASSAULT", text, act, "LBN", "ISR")], geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Metula"]


def test_place_attach_the_speakers_place_is_not_the_acts() -> None:
    text = "The army command in Quito said Peruvian forces attacked two posts near Tiwintza."
    found = _mentions(text, ("Quito", "city", "ECU"), ("Tiwintza", "city", "ECU"))
    assert [p.name for p in attach(found, text, lang="en", trigger=text.index("attacked")).places] == [
        "Tiwintza"]
    alone = "Officials in Kyiv said on Monday that drones struck overnight."
    found = _mentions(alone, ("Kyiv", "city", "UKR"))
    assert attach(found, alone, lang="en", trigger=alone.index("struck")).places == ()
    # a place after 'in' that no verb of saying follows stays the act's
    struck = "Drones struck in Kyiv, officials said."
    found = _mentions(struck, ("Kyiv", "city", "UKR"))
    assert [p.name for p in attach(found, struck, lang="en", trigger=7).places] == ["Kyiv"]


def test_place_attach_a_mixed_case_dateline_with_a_dash() -> None:
    text = "Maputo — Insurgents killed five people in Macomia on Tuesday."
    found = _mentions(text, ("Maputo", "city", "MOZ"), ("Macomia", "city", "MOZ"))
    assert [p.name for p in attach(found, text, lang="en", trigger=text.index("killed")).places] == [
        "Macomia"]
    # a dash after a name inside a sentence is no dateline
    inner = "Forces advanced on Kupiansk — Russian sources said."
    assert dateline_end(inner, "en") == 0


def test_place_attach_a_later_sentence_saying_where_it_took_place() -> None:
    from frontwatch.resolve.places import FakeGeocoder

    somalia = Place(text="Somalia", name="Somalia", country="SOM", feature="country")
    hiran = Place(text="Hiran region", name="Hiiraan", country="SOM", feature="admin1")
    geocoder = FakeGeocoder({"Hiran region": hiran})
    lead = "A raid on a military base in Somalia left 18 people dead."
    text = (f"{lead} Five soldiers died. Officials spoke to reporters. It was the latest attack. "
            "It took place in the Hiran region, officials said.")
    out = carry_places([_act("ASSAULT", text, lead, "IMG", "SOM", (somalia,))], geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Hiiraan", "Somalia"]
    # the same place in a sentence that does not say where it took place, beyond the story's
    # reach: not taken
    far = (f"{lead} Five soldiers died. Officials spoke to reporters. It was the latest attack. "
           f"{'Officials met. ' * STORY_REACH}Aid groups work in the Hiran region.")
    assert carry_places([_act("ASSAULT", far, lead, "IMG", "SOM", (somalia,))], geocoder,
                        _story(far))[0].event_loc == (somalia,)


def test_place_attach_a_region_of_several_countries_only_when_nothing_finer() -> None:
    text = "中央アジアのキルギスとタジキスタンの国境で衝突が激化している。"
    found = _mentions(text, ("中央アジア", "region", ""), ("国境", "border", ""))  # no country
    assert [p.name for p in attach(found, text, lang="ja").places] == ["国境"]
    alone = "中央アジアで衝突が続いている。"
    region = _mentions(alone, ("中央アジア", "region", ""))
    assert [p.name for p in attach(region, alone, lang="ja").places] == ["中央アジア"]
    # a region inside one country (Donbas) is as fine as a town
    donbas = "Fighting raged in Donbas and Kharkiv."
    found = _mentions(donbas, ("Donbas", "region", "UKR"), ("Kharkiv", "city", "UKR"))
    assert [p.name for p in attach(found, donbas, lang="en", trigger=0).places] == ["Donbas", "Kharkiv"]


def test_place_attach_the_nearest_sentence_of_the_story_names_the_scene() -> None:
    from frontwatch.resolve.places import FakeGeocoder

    kachin = Place(text="Kachin State", name="Kachin", country="MMR", feature="admin1")
    ankara = Place(text="Ankara", name="Ankara", country="TUR", feature="city")
    geocoder = FakeGeocoder({"Kachin State": kachin, "Ankara": ankara})
    act = "Rebels said the army had stepped up its air raids."
    # the scene set four sentences before the act: beyond the three the scene step reads
    text = (f"Jets bombed a market in Kachin State on Sunday. Nine people died. Homes burned. "
            f"Many fled. {act}")
    out = carry_places([_act("ASSAULT", text, act, "MMR", "MMR")], geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Kachin"]
    assert out[0].explanation is not None and "nearest sentence of its story" in out[0].explanation.notes[-1]
    # a title is told before the lead that names its place, a few sentences on
    title = "Army jets bomb rebel villages"
    text = (f"{title}\nThe raids began at dawn. Nine people died. Homes burned. "
            "The villages lie in Kachin State.")
    out = carry_places([_act("ASSAULT", text, title, "MMR", "MMR")], geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Kachin"]
    # a capital named as a government ("by Ankara") is no scene, nor a place beyond the reach
    text = f"The group is listed as terrorist by Ankara. Nine people died. Homes burned. Many fled. {act}"
    assert carry_places([_act("ASSAULT", text, act, "TUR", "TUR")], geocoder, _story(text))[0].event_loc == ()
    text = f"Jets bombed a market in Kachin State. {'Many fled. ' * STORY_REACH}{act}"
    assert carry_places([_act("ASSAULT", text, act, "MMR", "MMR")], geocoder, _story(text))[0].event_loc == ()


def test_place_attach_a_warning_on_the_scene_takes_the_scene() -> None:
    from dataclasses import replace

    from frontwatch.resolve.places import FakeGeocoder

    shoal = Place(text="Sabina Shoal", name="Sabina Shoal", country=None, feature="sea")
    geocoder = FakeGeocoder({"Sabina Shoal": shoal})
    warned = "The cutter radioed a warning to the boats."
    said = "The minister warned that Manila would respond."
    text = f"Chinese boats sailed near Sabina Shoal on Monday. {warned} {said}"

    def threat(sentence: str, trigger: str) -> Event:
        ev = _act("THREATEN", text, sentence, "PHL", "CHN")
        return replace(ev, language="en", explanation=Explanation(rule="r", trigger=trigger))

    out = carry_places([threat(warned, "warning"), threat(said, "warned")], geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Sabina Shoal"]  # a warning given on the scene
    assert out[1].event_loc == ()  # a threat in words keeps no carried place


def test_place_attach_wire_datelines_with_a_colon_or_an_agency() -> None:
    for dateline in ("KANDAHAR:", "DIRE DAWA:", "GOMA, March 4:", "TBILISI, March 4. /Wire/.",
                     "JUBA, March 4 Wire |", "Mosul, Mar 4 (ANI)"):
        text = f"{dateline} Gunmen killed five people in Mekele on Tuesday."
        assert dateline_end(text, "en") == len(dateline)
    # a name and a colon inside a sentence, or a sentence opening with a place, is no dateline
    assert dateline_end("Shelling hit Kherson: two people died.", "en") == 0
    assert dateline_end("In Mosul, Mar 4 was quiet.", "en") == 0


def test_place_attach_a_dateline_cut_by_a_full_stop_is_still_no_scene() -> None:
    from frontwatch.resolve.places import FakeGeocoder

    kandahar = Place(text="KANDAHAR", name="Kandahar", country="AFG", feature="city")
    boldak = Place(text="Spin Boldak", name="Spin Boldak", country="AFG", feature="city")
    geocoder = FakeGeocoder({"KANDAHAR": kandahar, "Spin Boldak": boldak})
    title = "Gunmen kill four guards in border raid"
    text = f"{title}\nKANDAHAR, Aug. 10 (Wire) -- Gunmen raided a post overnight. It lies in Spin Boldak."
    title_sec = Section(kind="title", text=title, start=0, end=len(title))
    body = Section(kind="body", text=text[len(title) + 1:], start=len(title) + 1, end=len(text))
    doc = Document(doc_id="d", text=text, sections=(title_sec, body))
    out = carry_places([_act("ASSAULT", text, title, "AFG", "AFG")], geocoder, doc)
    assert [p.name for p in out[0].event_loc] == ["Spin Boldak"]  # not the city it was filed from


def test_place_attach_a_country_before_the_region_it_lies_in() -> None:
    text = "東アフリカ・ケニア北部の村で武装集団が住民を襲撃した。"
    found = _mentions(text, ("東アフリカ", "region", ""), ("ケニア", "country", "KEN"))
    assert [p.name for p in attach(found, text, lang="ja").places] == ["ケニア"]
    english = "Gunmen raided a village in East Africa, in northern Kenya, on Sunday."
    found = _mentions(english, ("East Africa", "region", ""), ("Kenya", "country", "KEN"),
                      ("Africa", "continent", ""))
    assert [p.name for p in attach(found, english, lang="en", trigger=7).places] == ["Kenya"]


def test_place_attach_the_struck_sides_country_when_nothing_places_the_attack() -> None:
    from frontwatch.resolve.places import FakeGeocoder

    yemen = Place(text="Yemen", name="Yemen", country="YEM", feature="country")
    oman = Place(text="Oman", name="Oman", country="OMN", feature="country")
    geocoder = FakeGeocoder({"Yemen": yemen, "Oman": oman})
    act = "Coalition jets bombed bases of Yemen's Houthi movement overnight."
    text = f"Talks were held in Oman last week. {act}"
    out = carry_places([_act("ASSAULT", text, act, "SAU", "YEM")], geocoder, _story(text))
    assert [p.name for p in out[0].event_loc] == ["Yemen"]
    assert out[0].explanation is not None and "side struck" in out[0].explanation.notes[-1]
    # the attacker's country named alone is not the place; nor is any country for a statement
    act = "Houthi fighters from Yemen fired at a tanker, the navy said."
    assert carry_places([_act("ASSAULT", act, act, "YEM", "LBR")], geocoder, _story(act))[0].event_loc == ()
    act = "The ministry condemned Yemen's Houthi movement."
    assert carry_places([_act("ACCUSE", act, act, "SAU", "YEM")], geocoder, _story(act))[0].event_loc == ()
