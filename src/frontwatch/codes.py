"""Actor and country codes as readers meet them: a code's name, a name's code.

- ``code_name("RUS")`` -> "Russia": the one name the actor dictionary's country and
  organisation rows give the code, else pycountry's common name, else the code itself
  (IGO stands for many organisations and keeps its code); ``display_name`` adds the names
  records carry for such a code. The dashboard, API, CLI and exports all name codes so.
- ``code_for("Azerbaijan")`` -> "AZE": the code the coder gives a written name (English or
  Japanese country names, and every form in ``data/actors/*.tsv``), for error messages that
  suggest the right value.
- ``known_code("XYZ")``: whether any record could carry the code.

Nothing is read until a function is called; the tables are built once.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from frontwatch.resolve.actors import ActorEntry, _actor_files, pycountry_entries, read_actor_file

# Rows of these kinds are not names of one actor: a suffix composes with a country
# (軍 in アルメニア軍), an abbreviation counts only with a suffix (米), a title alone
# names a post.
NOT_NAMES = frozenset({"suffix", "abbrev", "title"})
# An international organisation's code (IGO) is shared by NATO, the CSTO, the EU...;
# a name made of the names seen under one such code lists at most this many.
MAX_SEEN_NAMES = 3


@functools.cache
def _entries() -> tuple[ActorEntry, ...]:
    rows = [e for path in _actor_files(None) for e in read_actor_file(path)]
    return (*pycountry_entries(), *(e for e in rows if e.kind not in NOT_NAMES and "{" not in e.code))


def _key(text: str) -> str:
    return " ".join(text.casefold().replace(".", "").split())


@functools.cache
def _by_name() -> dict[str, str]:
    out: dict[str, str] = {}
    for e in _entries():
        for form in (e.pattern, e.name):
            out.setdefault(_key(form), e.code)
    return out


@functools.cache
def _names() -> dict[str, str]:
    """code -> the one name the dictionary's country rows give it (RUS: Russia), else, for a
    code that names no country, the one name its organisation rows give (IGO covers NATO, the
    CSTO and more: no name; an armed group's row never names its country: COD is not the ADF)."""
    out: dict[str, str] = {}
    for kinds in (("country",), ("igo", "org")):
        seen: dict[str, set[str]] = {}
        for e in _entries():
            if e.origin != "pycountry" and e.kind in kinds and (
                    kinds == ("country",) or pycountry_name(e.code) is None):
                seen.setdefault(e.code, set()).add(e.name)
        for code, names in seen.items():
            if len(names) == 1:
                out.setdefault(code, next(iter(names)))
    return out


@functools.lru_cache(maxsize=1024)
def code_name(code: str) -> str:
    """A reader's name for a code (ISO 3166 alpha-3 or PLOVER); the code itself when unknown."""
    named = _names().get(code)
    if named is not None:
        return named
    return pycountry_name(code) or code


def display_name(code: str, seen: Sequence[str] = ()) -> str:
    """The name every reader-facing place (dashboard, API, CLI, exports) gives ``code``:
    ``code_name``'s, else the first few names records carry under it ("NATO / CSTO" for IGO),
    else the code."""
    name = code_name(code)
    if name != code:
        return name
    return " / ".join(list(seen)[:MAX_SEEN_NAMES]) or code


def code_label(code: str, seen: Sequence[str] = ()) -> str:
    """"Russia (RUS)"; "NATO / CSTO (IGO)" given the names seen under a shared code; the code
    alone when no name is known."""
    name = display_name(code, seen)
    return f"{name} ({code})" if name != code else code


def pycountry_name(code: str) -> str | None:
    """The common English name ISO 3166 gives an alpha-3 code (pycountry), or None."""
    import pycountry

    try:
        country = pycountry.countries.get(alpha_3=code)
    except (LookupError, KeyError):
        return None
    if country is None:
        return None
    return str(getattr(country, "common_name", None) or country.name)


def code_for(name: str) -> str | None:
    """The code of the actor or country written ``name`` (any case), or None."""
    key = _key(name)
    if not key:
        return None
    found = _by_name().get(key)
    if found is not None:
        return found
    import pycountry

    try:
        hits = pycountry.countries.search_fuzzy(name)
    except LookupError:
        return None
    return str(hits[0].alpha_3) if len(hits) == 1 else None


def listed_code(name: str) -> str | None:
    """The code the actor files or ISO names give ``name`` exactly (no fuzzy search), or None."""
    key = _key(name)
    return _by_name().get(key) if key else None


def known_code(code: str) -> bool:
    """Whether the coder can give ``code`` (a country's alpha-3 or a code in the actor files)."""
    return code in _known()


@functools.cache
def _known() -> frozenset[str]:
    return frozenset(e.code for e in _entries())
