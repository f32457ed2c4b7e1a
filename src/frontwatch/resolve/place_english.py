"""English place-name candidates for ``place_mentions``: runs of capitalised words, their parts,
a division written after a comma ("Athens, Ga."), and a people's adjective that is no town.

``Candidate`` (a stretch of text that may name a place) is shared with the Japanese reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from frontwatch.records import Place
from frontwatch.resolve.gazetteer import name_key, read_supplement
from frontwatch.resolve.place_cues import Cues, load_cues
from frontwatch.resolve.places import Geocoder

# A capitalised word; an apostrophe inside it (Mar'inka) but not a possessive 's.
_LATIN_WORD = r"[A-Z](?:[\w\-]|['’](?!s\b)(?=\w))*"
# Lower-case particles inside a name: Sea of Japan, Bab el-Mandeb, Deir ez-Zor, Rostov-on-Don.
# Those that are also English words join only with hyphens (Rostov-on-Don, Ras as-Sahel):
# "the Red Sea as Houthis vowed", "Kangarwa on Sunday" are two names or none.
_EN_LINK = r"(?:[ \-](?:of|el|al|ez|ash|de|du|la|le|na|upon)[ \-]|-(?:ad|as|an|on)-)"
_EN_RUN = re.compile(rf"(?:{_LATIN_WORD})(?:(?:[ \-]|{_EN_LINK})(?:{_LATIN_WORD}))*")


@dataclass(slots=True)
class Candidate:
    """A stretch of a sentence that may name a place (offsets into the sentence)."""

    start: int
    end: int
    core_end: int  # end of the name without a place suffix
    context: bool
    text: str
    gloss: str = ""  # a Latin spelling written after a katakana name: ラダック(Ladakh)
    shared: str = ""  # the generic word a list it ends shares: 州 in ドネツクとルハンスク両州

    def copy(self) -> Candidate:
        """A copy to mark without touching this one (``dataclasses.replace`` with no change, done
        directly: a sentence's candidates are copied for each place question asked of it)."""
        return Candidate(self.start, self.end, self.core_end, self.context, self.text, self.gloss,
                         self.shared)


def en_candidates(text: str) -> list[Candidate]:
    """Runs of capitalised words, with a place word after them kept ("Kherson region"); a run
    that names a body ("Quds Force") is left out unless the supplement lists it as a place, and
    so is a run right after a person's title written in lower case ("spokesperson Lam Paul")."""
    cues = load_cues("en")
    out: list[Candidate] = []
    for m in _EN_RUN.finditer(text):
        start, end = m.start(), m.end()
        if _org_name(text, m, cues) and name_key(m.group(0)) not in _curated_latin_names():
            continue
        after = re.match(r"\s+([a-z]+)", text[end:])
        suffix = after.group(1) if after and after.group(1) in cues.suffixes else ""
        before = re.search(r"([A-Za-z]+)\s+$", text[:skip_direction(text, start, cues)])
        if before and before.group(1) in cues.person_titles and not suffix:
            continue  # "spokesperson Lam Paul Gabriel", "envoy Paul": a person, no Paul of Cabo Verde
        context = bool(suffix) or bool(before and before.group(1).lower() in cues.before)
        full_end = end + after.end() if suffix and after else end
        out.append(Candidate(start, full_end, end, context, text[start:full_end]))
    return out


def skip_direction(text: str, start: int, cues: Cues) -> int:
    """Where a name begins once a direction word before it is counted in ("in [southern ]Lebanon")."""
    m = re.search(r"([A-Za-z\-]+)\s+$", text[:start])
    return m.start(1) if m and m.group(1).lower() in cues.directions else start


@cache
def _curated_latin_names() -> frozenset[str]:
    """Keys of the supplement's Latin names: "Mohmand Agency" is a district, though it ends in an
    organisation head word."""
    return frozenset(name_key(n) for row in read_supplement()
                     for n in [row["name"], *row["names_alt"].split("|")] if n and n.isascii())


def _org_name(text: str, m: re.Match[str], cues: Cues) -> bool:
    """A run of two or more words ending in an organisation head ("Quds Force", "Congress
    Party"), or one followed by such a head word in lower case ("Hamas forces" stays with
    ``actor_after``): a body's name, none of whose words is a place."""
    words = re.split(r"[ \-]+", m.group(0))
    return len(words) > 1 and words[-1].lower().rstrip(".") in cues.org_heads


_QUALIFIER = re.compile(
    r",\s+((?:[A-Z][a-z]{0,4}\.\s?)+"  # Ga., N.Y.
    r"|[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)*(?:\s(?:region|oblast|province|state))?)"  # Texas, Donetsk region
)


def qualifier_after(text: str, end: int) -> str | None:
    """The division or country written after a name and a comma: "Athens, Ga.", "Paris, Texas"."""
    m = _QUALIFIER.match(text, end)
    return m.group(1).strip() if m else None


def qualified(text: str, end: int, name: str, geocoder: Geocoder) -> Place | None:
    qualifier = qualifier_after(text, end)
    lookup = getattr(geocoder, "lookup_qualified", None)  # GazetteerGeocoder has it
    if qualifier is None or not callable(lookup):
        return None
    found = lookup(name, qualifier)
    return found if isinstance(found, Place) else None


def with_direction(text: str, c: Candidate, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each piece that begins the run is first tried with a direction word before it:
    "southern Lebanon" (South Lebanon) before "Lebanon"."""
    lead = skip_direction(text, c.start, load_cues("en"))
    if lead == c.start:
        return spans
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if a == c.start:
            out.append((lead, b))
        out.append((a, b))
    return out


_EN_WORD = re.compile(r"[^ \-]+(?:-[A-Z][^ \-]*)*")


def en_pieces(text: str, c: Candidate, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """English: the parts of a run that failed as a whole, longest first. A person's title
    ends the place part of a run ("President Volodymyr Zelenskiy" names no place); a run
    ending in a geographic head word ("Second Thomas Shoal") is one name, tried without the
    head but never word by word."""
    cues = load_cues("en")
    core = text[c.start : c.core_end]
    parts = re.split(r"[ \-]", core)
    if any(w.lower() in cues.one_name_links for w in parts[1:-1]):
        return spans  # "Bab al-Tabbaneh", "Deir ez-Zor": one Arabic name, never its parts
    if len(parts) > 1 and parts[0].lower() in cues.one_name_openers:
        return spans  # "Kfar Shuba", "Beit Lahia": one name; Shuba alone is another place
    # Words; a capitalised compound is one word (Goma-Coura), "Kharkiv-based" gives Kharkiv.
    words = [(m.start() + c.start, m.end() + c.start) for m in _EN_WORD.finditer(core)]
    lowered = [text[a:b].lower().rstrip(".") for a, b in words]
    cut = next((i for i, w in enumerate(lowered) if w in cues.person_titles), None)
    if cut is not None:
        words = words[:cut]
        spans = [(words[0][0], words[-1][1])] if words else []
    elif len(words) > 1 and lowered[-1] in cues.name_heads:
        return [*spans, (words[0][0], words[-2][1])]
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            first, last = text[words[i][0]], text[words[i + size - 1][0]]
            if first.isupper() and last.isupper():  # not "of Japan"
                spans.append((words[i][0], words[i + size - 1][1]))
    return spans


def demonym(name: str, place: Place, geocoder: Geocoder) -> bool:
    """"Thai", "Somali", "Afghan": one word the actor dictionary reads as a country other than
    the place's, and that names no place in that country (a people's adjective, not Alor
    Setar or Ethiopia's Somali Region; "Athens" is also a Greek city, so it stays a place)."""
    if " " in name or "-" in name or place.feature == "country":
        return False
    from frontwatch.codes import listed_code

    code = listed_code(name)
    if code is None or len(code) != 3 or code == place.country:
        return False
    home = geocoder.lookup(name, countries=(code,))
    return home is None or home.country != code
