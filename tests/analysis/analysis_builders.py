"""Hand-built records for the analysis tests: short made-up sentences, real place coordinates."""

from __future__ import annotations

from typing import Any

from frontwatch.records import Entity, Event, Place

NAMES = {
    "ARM": "Armenia", "AZE": "Azerbaijan", "RUS": "Russia", "UKR": "Ukraine", "BLR": "Belarus",
    "USA": "United States", "JPN": "Japan", "PRK": "North Korea", "FIN": "Finland", "IGO": "CSTO",
}

# name -> (country, lat, lon); approximate coordinates of real places
PLACES = {
    "Goris": ("ARM", 39.508, 46.339),
    "Sotk": ("ARM", 40.201, 45.939),
    "Jermuk": ("ARM", 39.841, 45.670),
    "Dashkasan": ("AZE", 40.521, 46.083),
    "Kalbajar": ("AZE", 40.107, 46.038),
    "Lachin": ("AZE", 39.640, 46.547),
    "Lake Sev": ("ARM", 39.460, 46.020),
    "Kharkiv": ("UKR", 49.994, 36.231),
    "Odesa": ("UKR", 46.477, 30.733),
    "Chernihiv": ("UKR", 51.494, 31.289),
    "Helsinki": ("FIN", 60.170, 24.938),
    "Sapporo": ("JPN", 43.062, 141.354),
    "Guam": ("USA", 13.444, 144.794),
    "Okinawa": ("JPN", 26.212, 127.681),
    "Stepanakert": ("AZE", 39.815, 46.752),
    "Erbil": ("IRQ", 36.191, 44.009),
    "Incirlik": ("TUR", 37.002, 35.426),
}


def ent(code: str, sector: str | None = None) -> Entity:
    return Entity(text=NAMES.get(code, code), name=NAMES.get(code, code), code=code, sector=sector)


def place(name: str) -> Place:
    country, lat, lon = PLACES[name]
    return Place(text=name, name=name, country=country, lat=lat, lon=lon)


def ev(
    id: str,
    event: str,
    actor: tuple[str, ...] = (),
    recipient: tuple[str, ...] = (),
    *,
    places: tuple[str, ...] = (),
    claimed_by: tuple[str, ...] = (),
    text: str = "",
    lang: str = "en",
    **fields: Any,
) -> Event:
    """An Event with codes and place names; ``doc_id`` is the part of ``id`` before '#'."""
    return Event(
        id=id,
        doc_id=id.split("#")[0],
        event=event,
        text=text or f"{'/'.join(actor)} {event.lower()} {'/'.join(recipient)}",
        span=(0, 10),
        language=lang,
        actor=tuple(ent(c) for c in actor),
        recipient=tuple(ent(c) for c in recipient),
        event_loc=tuple(place(p) for p in places),
        claimed_by=tuple(ent(c) for c in claimed_by),
        **fields,
    )
