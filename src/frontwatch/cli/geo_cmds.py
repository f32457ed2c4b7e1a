"""``frontwatch geocode`` and ``frontwatch actors``: places and actors, one text or a JSON Lines batch."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from frontwatch.cli.app import app, console
from frontwatch.errors import InputError


def _guess_lang(text: str) -> str:
    return "ja" if any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text) else "en"


def _batch_lines(path: str) -> Iterator[str]:
    """Lines of a JSON Lines file, or of stdin for ``-``."""
    if path == "-":
        yield from sys.stdin
        return
    p = Path(path)
    if not p.is_file():
        raise InputError(f"--batch: {path} is not a file; give a JSON Lines file or - for stdin.")
    try:
        with p.open(encoding="utf-8") as fh:
            yield from fh
    except UnicodeDecodeError:
        raise InputError(f"--batch: {path} is not UTF-8 text.") from None


def _print_rows(rows: Iterator[dict[str, Any]]) -> None:
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()


@app.command("geocode")
def geocode(
    text: Annotated[str, typer.Argument(help="A sentence (Japanese or English) or one place name.")] = "",
    context: Annotated[
        str, typer.Option("--context", help="Countries the text is about, alpha-3, comma-separated: ARM,AZE.")
    ] = "",
    lang: Annotated[str, typer.Option("--lang", help="ja or en; guessed from the script if omitted.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per mention.")] = False,
    batch: Annotated[str, typer.Option(
        "--batch", help='JSON Lines file (- for stdin) of {"id", "name", "context"?, "countries"?, "lang"?}: '
        'prints {"id", "name", "lat", "lon", "country", "geonameid", "feature"} a line, in input order; '
        'a name joining places ("Donetsk and Luhansk regions") gives the first and "parts", one a place; '
        'a name no list holds gets feature "unlisted" and, in "near", the place its sentence names.'
    )] = "",
) -> None:
    """Find the place mentions in TEXT and print how each resolves (name, country, coordinates, id);
    or, with --batch, resolve one place name a line."""
    from frontwatch.resolve.places import default_geocoder, find_places

    if batch:
        from frontwatch.resolve.actor_phrase import ActorPhraseResolver
        from frontwatch.resolve.actors import ActorDictionary
        from frontwatch.resolve.place_batch import geocode_batch

        geocoder = default_geocoder()
        _print_rows(geocode_batch(_batch_lines(batch), geocoder, ActorPhraseResolver(ActorDictionary.load())))
        return
    if not text.strip():
        raise InputError("geocode needs text: frontwatch geocode 'ゴリス、ソトクを攻撃' (or --batch FILE).")
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
            where = (f"{p.lat:.4f},{p.lon:.4f} {p.feature} id={p.geonameid}"
                     if p.lat is not None and p.lon is not None else "not in the gazetteer (no coordinates)")
            console.print(
                f"{m.text} [{m.start}:{m.end}] -> {p.name} ({p.country or '-'}) {where}",
                highlight=False,
                soft_wrap=True,
            )
    if not mentions and not as_json:
        console.print("no place found", highlight=False)


@app.command("actors")
def actors(
    text: Annotated[str, typer.Argument(help="An actor phrase: 'the Mexican National Guard', 'CIA'.")] = "",
    context: Annotated[str, typer.Option(
        "--context", help="Article text around the phrase: the country of 'the police', 'Minister X'.")] = "",
    lang: Annotated[str, typer.Option("--lang", help="ja or en; guessed from the script if omitted.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON object.")] = False,
    batch: Annotated[str, typer.Option(
        "--batch", help='JSON Lines file (- for stdin) of {"id", "text", "lang"?, "context"?}: prints '
        '{"id", "text", "code", "sector", "name"} a line, in input order.'
    )] = "",
) -> None:
    """Say which party an actor phrase names: its code (country or PLOVER non-state code), sector and
    name; code null when it names no party."""
    from frontwatch.resolve.actor_phrase import ActorPhraseResolver
    from frontwatch.resolve.actors import ActorDictionary
    from frontwatch.resolve.places import default_geocoder

    if lang and lang not in ("ja", "en"):
        raise InputError(f"--lang must be ja or en, not {lang!r}.")
    resolver = ActorPhraseResolver(ActorDictionary.load(), default_geocoder())
    if batch:
        from frontwatch.resolve.place_batch import actors_batch

        _print_rows(actors_batch(_batch_lines(batch), resolver))
        return
    if not text.strip():
        raise InputError("actors needs a phrase: frontwatch actors 'the Mexican National Guard'.")
    a = resolver.resolve(text, lang=lang or None, context=context)
    row = {"text": a.text, "code": a.code, "sector": a.sector, "name": a.name}
    if as_json:
        print(json.dumps(row, ensure_ascii=False))
    else:
        shown = f"{a.text} -> {a.code or '-'} {a.sector or '-'} ({a.name or 'no party'})"
        console.print(shown, highlight=False)
