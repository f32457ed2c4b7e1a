"""``frontwatch geocode``: find the place names in a sentence and show how each resolves."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer

from frontwatch.cli.app import app, console
from frontwatch.errors import InputError


def _guess_lang(text: str) -> str:
    return "ja" if any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text) else "en"


@app.command("geocode")
def geocode(
    text: Annotated[str, typer.Argument(help="A sentence (Japanese or English) or a single place name.")],
    context: Annotated[
        str, typer.Option("--context", help="Countries the text is about, alpha-3, comma-separated: ARM,AZE.")
    ] = "",
    lang: Annotated[str, typer.Option("--lang", help="ja or en; guessed from the script if omitted.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per mention.")] = False,
) -> None:
    """Find the place mentions in TEXT and print how each resolves (name, country, coordinates, id)."""
    from frontwatch.resolve.places import default_geocoder, find_places

    if not text.strip():
        raise InputError("geocode needs some text: frontwatch geocode 'ゴリス、ソトクを攻撃'.")
    language = lang or _guess_lang(text)
    if language not in ("ja", "en"):
        raise InputError(f"--lang must be ja or en, not {language!r}.")
    countries = tuple(c.strip().upper() for c in context.split(",") if c.strip())
    bad = [c for c in countries if len(c) != 3 or not c.isalpha()]
    if bad:
        raise InputError(f"--context takes alpha-3 codes such as ARM,AZE; {', '.join(bad)} is not one.")
    geocoder = default_geocoder()
    mentions = find_places(text, lang=language, geocoder=geocoder, countries=countries)
    if not mentions:  # a bare name: look it up as a place
        place = geocoder.lookup(text.strip(), countries=countries, lang=language, place_context=True)
        if place is not None:
            from frontwatch.records import PlaceMention

            mentions = [PlaceMention(text=text.strip(), start=0, end=len(text.strip()), place=place)]
    for m in mentions:
        if as_json:
            row = {"text": m.text, "start": m.start, "end": m.end, **asdict(m.place)}
            print(json.dumps(row, ensure_ascii=False))
        else:
            p = m.place
            console.print(
                f"{m.text} [{m.start}:{m.end}] -> {p.name} ({p.country or '-'}) "
                f"{p.lat:.4f},{p.lon:.4f} {p.feature} id={p.geonameid}",
                highlight=False,
                soft_wrap=True,
            )
    if not mentions and not as_json:
        console.print("no place found", highlight=False)
