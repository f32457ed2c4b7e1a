"""A part of a country named by a direction: "northern Iraq", "eastern Poland", イラク北部,
シリアの北西部, 北朝鮮東岸.

No gazetteer lists such parts, and the country's own point can lie far from the part meant
(Iraq's is 330 km from its north). ``country_part`` places the part at the middle of the
third of the country's land lying farthest that way (``Borders.part``, Natural Earth 1:110m):
the north of Iraq at 35.4N 43.3E. The place keeps its country and the country's GeoNames id
(the part has none of its own), with ``feature="region"`` and the name "Northern Iraq".

The direction words are the ``directions`` of ``cues.toml``: English ones before the name,
Japanese ones after it (with an optional の: シリアの北西部).
"""

from __future__ import annotations

from frontwatch.records import Place
from frontwatch.resolve.place_borders import default_borders
from frontwatch.resolve.place_cues import load_cues

# Compass letters of a direction word, English and Japanese, as (east, north) steps.
_STEPS = {"north": (0, 1), "south": (0, -1), "east": (1, 0), "west": (-1, 0),
          "北": (0, 1), "南": (0, -1), "東": (1, 0), "西": (-1, 0)}
_ADJECTIVE = {(0, 1): "Northern", (0, -1): "Southern", (1, 0): "Eastern", (-1, 0): "Western",
              (1, 1): "Northeastern", (-1, 1): "Northwestern", (1, -1): "Southeastern",
              (-1, -1): "Southwestern", (0, 0): "Central"}


def direction_split(name: str, lang: str) -> tuple[tuple[int, int], str] | None:
    """The (east, north) steps of a direction word at the edge of ``name`` and the rest of the
    name: "northern Iraq" -> ((0, 1), "Iraq"), シリアの北西部 -> ((-1, 1), "シリア"); None when
    ``name`` has no direction word there."""
    if lang == "en":
        first, _, rest = name.partition(" ")
        word = first.lower()
        if not rest or word not in load_cues("en").directions:
            return None
        return _steps(word), rest.strip()
    for word in load_cues("ja").directions:  # longest first: 北東部 before 東部
        if name.endswith(word) and len(name) > len(word):
            rest = name[: -len(word)]
            return _steps(word), rest[:-1] if rest.endswith("の") and len(rest) > 1 else rest
    return None


def _steps(word: str) -> tuple[int, int]:
    """east-central -> (1, 0); 北東部 -> (1, 1); central, 中部 -> (0, 0)."""
    east = north = 0
    for letter, (e, n) in _STEPS.items():
        if letter in word:
            east, north = east or e, north or n
    return east, north


def country_part(country: Place, steps: tuple[int, int], text: str) -> Place | None:
    """The part of ``country`` (a place with ``feature="country"``) lying ``steps`` of it, as
    the module docstring describes; None when the country is not drawn at 1:110m."""
    if not country.country:
        return None
    point = default_borders().part(country.country, *steps)
    if point is None:
        return None
    return Place(text=text, name=f"{_ADJECTIVE[steps]} {country.name}", country=country.country,
                 lat=round(point[0], 4), lon=round(point[1], 4), geonameid=country.geonameid,
                 feature="region")
