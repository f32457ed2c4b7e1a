"""A part of a country named by a direction (``place_parts``, ``Borders.part``), alone and
through ``geocode --batch``."""

from __future__ import annotations

from frontwatch.records import Place
from frontwatch.resolve.place_batch import geocode_batch
from frontwatch.resolve.place_borders import Borders, Outline
from frontwatch.resolve.place_parts import country_part, direction_split
from frontwatch.resolve.places import GazetteerGeocoder

# A square country 10 degrees wide on the equator: its parts are easy to work out by hand.
_SQUARE = Outline(alpha3="SQR", name="Square", bbox=(0.0, -5.0, 10.0, 5.0),
                  polygons=(([(0.0, -5.0), (10.0, -5.0), (10.0, 5.0), (0.0, 5.0), (0.0, -5.0)],),))


def test_place_parts_a_third_of_the_land_that_way() -> None:
    borders = Borders([_SQUARE])
    north = borders.part("SQR", 0, 1)
    west = borders.part("SQR", -1, 0)
    centre = borders.part("SQR", 0, 0)
    assert north is not None and west is not None and centre is not None
    # the northern third is the band 1.67N-5N: its middle ~3.3N, the square's middle longitude
    assert abs(north[0] - 3.33) < 0.2 and abs(north[1] - 5.0) < 0.2
    assert abs(west[1] - 1.67) < 0.2 and abs(west[0]) < 0.2
    assert abs(centre[0]) < 0.2 and abs(centre[1] - 5.0) < 0.2
    assert borders.part("XXX", 0, 1) is None


def test_place_parts_direction_words_in_both_languages() -> None:
    assert direction_split("northern Iraq", "en") == ((0, 1), "Iraq")
    assert direction_split("south-east Ukraine", "en") == ((1, -1), "Ukraine")
    assert direction_split("central Mali", "en") == ((0, 0), "Mali")
    assert direction_split("シリアの北西部", "ja") == ((-1, 1), "シリア")
    assert direction_split("北朝鮮東岸", "ja") == ((1, 0), "北朝鮮")
    assert direction_split("Iraq", "en") is None and direction_split("北部", "ja") is None


def test_place_parts_keeps_the_country_and_its_id() -> None:
    iraq = Place(text="Iraq", name="Iraq", country="IRQ", lat=33.0, lon=44.0, geonameid=99237,
                 feature="country")
    north = country_part(iraq, (0, 1), "northern Iraq")
    assert north is not None
    assert (north.name, north.country, north.geonameid, north.feature) == (
        "Northern Iraq", "IRQ", 99237, "region")
    assert north.lat is not None and north.lat > 35  # Iraq's point is 33N; Mosul 36.3N


def test_place_parts_through_the_batch(geocoder: GazetteerGeocoder) -> None:
    lines = [
        '{"id": 1, "name": "northern Iraq", "context": "Turkish jets struck targets in northern Iraq."}',
        '{"id": 2, "name": "イラク西部", "lang": "ja", "countries": ["IRQ"]}',
        '{"id": 3, "name": "South Korea", "context": "Drones crossed into South Korea."}',
        '{"id": 4, "name": "southern Lebanon", "countries": ["LBN", "ISR"]}',
        '{"id": 5, "name": "eastern Poland", "countries": ["POL"]}',
    ]
    out = list(geocode_batch(lines, geocoder))
    assert [(o["country"], o["feature"]) for o in out] == [
        ("IRQ", "region"), ("IRQ", "region"), ("KOR", "country"), ("LBN", "region"), ("POL", "region")]
    assert out[0]["lat"] > 35 and out[1]["lon"] < 43  # the north and the west of Iraq
    assert out[2]["geonameid"] == 1835841  # a country's own name is no part of Korea
    assert out[3]["name"] == "southern Lebanon" and out[3]["geonameid"] != 272103  # the curated region
    assert out[4]["lon"] > 21.5  # Poland's point is 19.4E; Lublin 22.6E
