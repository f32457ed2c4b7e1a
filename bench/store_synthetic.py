"""Synthetic documents and events with the shape of a conflict-news archive.

Deterministic for a seed. Distributions (stated so that results can be judged):

- documents published 2019-01-01 .. 2024-12-31, with bursts: three wars take most
  coverage in their active periods (RUS-UKR from 2022-02, AZE-ARM in 2020-09..11 and
  2022-09, ISR-PSE from 2023-10), a steady trickle elsewhere;
- events per document: 1 + geometric, mean ~10 (so 100,000 documents ~ 1M events);
- event date: publication day minus 0..3 days; 4% undated;
- event types: PLOVER types with ASSAULT most common (35%) and CONCEDE rarest (1%);
- parties: the document's dyad (actor/recipient swapped half the time), 20% of events
  with a second actor; 60 country codes with Zipf-like weights for the background;
- places: 85% one place in the recipient's or actor's country (coordinates inside a
  box around the country), 7% two places, 8% none;
- factuality: asserted 60%, claimed 22%, denied 5%, possible 8%, future 5%; claimed
  and denied events have a claimant;
- text: Japanese (70%) or English sentences of 40-120 characters built from templates;
- sites: each document has the URL of one of ``SITES`` (weights 40% .. 0.5%), chosen from a
  hash of its id so that the random draws above (and the archive they make) stay the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from frontwatch.records import Document, Entity, Event, Explanation, Place, Section

EVENT_TYPES = [
    ("ASSAULT", 35), ("MOBILIZE", 10), ("ACCUSE", 8), ("CONSULT", 8), ("THREATEN", 6), ("COERCE", 6),
    ("AID", 5), ("SUPPORT", 4), ("SANCTION", 3), ("PROTEST", 3), ("REQUEST", 3), ("REJECT", 3),
    ("AGREE", 2), ("COOPERATE", 2), ("RETREAT", 1), ("CONCEDE", 1),
]  # fmt: skip
FACTUALITY = [("asserted", 60), ("claimed", 22), ("denied", 5), ("possible", 8), ("future", 5)]

# code -> (min_lon, min_lat, max_lon, max_lat), rough boxes
COUNTRY_BOX: dict[str, tuple[float, float, float, float]] = {
    "UKR": (22.1, 44.4, 40.2, 52.4), "RUS": (30.0, 45.0, 60.0, 60.0), "AZE": (44.8, 38.4, 50.4, 41.9),
    "ARM": (43.4, 38.8, 46.6, 41.3), "ISR": (34.3, 29.5, 35.9, 33.3), "PSE": (34.2, 31.2, 35.6, 32.6),
    "SYR": (35.7, 32.3, 42.4, 37.3), "IRN": (44.0, 25.1, 63.3, 39.8), "IRQ": (38.8, 29.1, 48.6, 37.4),
    "TUR": (26.0, 36.0, 44.8, 42.1), "USA": (-125.0, 25.0, -67.0, 49.0), "CHN": (73.5, 18.2, 134.8, 53.6),
    "TWN": (120.0, 21.9, 122.0, 25.3), "JPN": (129.4, 31.0, 145.5, 45.5), "KOR": (126.1, 34.0, 129.6, 38.6),
    "PRK": (124.2, 37.7, 130.7, 43.0), "YEM": (42.5, 12.6, 53.1, 19.0), "SAU": (34.5, 16.3, 55.7, 32.2),
    "LBN": (35.1, 33.0, 36.6, 34.7), "GEO": (40.0, 41.0, 46.7, 43.6), "BLR": (23.2, 51.3, 32.8, 56.2),
    "POL": (14.1, 49.0, 24.1, 54.8), "MDA": (26.6, 45.5, 30.1, 48.5), "SDN": (21.8, 8.7, 38.6, 22.0),
    "ETH": (33.0, 3.4, 48.0, 14.9), "MLI": (-12.2, 10.1, 4.2, 25.0), "AFG": (60.5, 29.4, 74.9, 38.5),
    "PAK": (60.9, 23.7, 77.8, 37.1), "IND": (68.2, 6.7, 97.4, 35.5), "MMR": (92.2, 9.8, 101.2, 28.5),
}  # fmt: skip
BACKGROUND = [
    *COUNTRY_BOX,
    "FRA", "GBR", "DEU", "ITA", "ESP", "NLD", "BEL", "SWE", "FIN", "NOR", "EST", "LVA", "LTU", "ROU",
    "HUN", "SRB", "KAZ", "UZB", "EGY", "JOR", "QAT", "ARE", "LBY", "NGA", "SOM", "COD", "VEN", "COL",
    "UNO", "EUR", "IGO", "NGO",
]  # fmt: skip
WARS = [  # (dyad, start, end, weight inside the period)
    (("RUS", "UKR"), dt.date(2022, 2, 1), dt.date(2024, 12, 31), 0.55),
    (("AZE", "ARM"), dt.date(2020, 9, 20), dt.date(2020, 11, 15), 0.6),
    (("AZE", "ARM"), dt.date(2022, 9, 10), dt.date(2022, 9, 30), 0.6),
    (("ISR", "PSE"), dt.date(2023, 10, 7), dt.date(2024, 12, 31), 0.3),
]
START = dt.date(2019, 1, 1)
DAYS = (dt.date(2024, 12, 31) - START).days
JA_PLACES = [
    "ゴリス",
    "ハルキウ",
    "ヘルソン",
    "ステパナケルト",
    "ガザ",
    "ベルゴロド",
    "ドネツク",
    "ザポリージャ",
]
JA_TEMPLATES = [
    "{p}付近で{a}軍による砲撃があり、{n}人が死亡したと{c}側は主張している。",
    "{a}国防省は{p}周辺の部隊を増強したと発表した。",
    "{a}は{b}が{p}で停戦合意に違反したと非難した。",
    "{p}の発電所がドローン攻撃を受け、一部地域で停電が続いている。",
    "{a}と{b}の外相は{p}で会談し、捕虜交換について協議した。",
]
EN_TEMPLATES = [
    "Shelling near {p} killed {n} civilians, officials from {c} said on Tuesday.",
    "{a} forces advanced toward {p} after days of heavy fighting.",
    "{a} accused {b} of violating the ceasefire near {p}.",
    "A drone strike hit an energy facility outside {p}, cutting power to thousands.",
]


def _pick(rng: random.Random, table: list[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


# news sites and their share of documents (per mille)
SITES = [("www3.nhk.or.jp", 400), ("www.asahi.com", 250), ("mainichi.jp", 150), ("www.reuters.com", 100),
         ("apnews.com", 60), ("kyivindependent.com", 35), ("www.aljazeera.com", 5)]  # fmt: skip


def site_of(doc_id: str) -> str:
    at = zlib.crc32(doc_id.encode()) % sum(w for _, w in SITES)
    for host, weight in SITES:
        if at < weight:
            return host
        at -= weight
    return SITES[-1][0]


_BG_WEIGHTS = [1.0 / (i + 1) for i in range(len(BACKGROUND))]


@dataclass
class Synth:
    seed: int = 7

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def _published(self) -> dt.date:
        rng = self.rng
        if rng.random() < 0.75:  # most coverage falls in the war periods
            _, start, end, _ = rng.choices(WARS, weights=[w for *_, w in WARS])[0]
            return start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        return START + dt.timedelta(days=rng.randrange(DAYS + 1))

    def _dyad(self, day: dt.date) -> tuple[str, str]:
        rng = self.rng
        active = [(d, w) for d, s, e, w in WARS if s <= day <= e]
        for dyad, w in active:
            if rng.random() < w + 0.25:
                return dyad
        a, b = rng.choices(BACKGROUND, weights=_BG_WEIGHTS, k=2)
        return (a, b) if a != b else (a, "UNO")

    def _place(self, code: str) -> Place:
        box = COUNTRY_BOX.get(code) or COUNTRY_BOX["UKR"]
        country = code if code in COUNTRY_BOX else "UKR"
        lon = round(self.rng.uniform(box[0], box[2]), 4)
        lat = round(self.rng.uniform(box[1], box[3]), 4)
        return Place(text=self.rng.choice(JA_PLACES), name="Somewhere", country=country, lat=lat, lon=lon,
                     geonameid=self.rng.randrange(10**6), feature="city")  # fmt: skip

    def _event(self, doc_id: str, n: int, day: dt.date, dyad: tuple[str, str], ja: bool) -> Event:
        rng = self.rng
        a, b = dyad if rng.random() < 0.5 else (dyad[1], dyad[0])
        kind = _pick(rng, EVENT_TYPES)
        fact = _pick(rng, FACTUALITY)
        actors = [Entity(text=a, name=a, code=a, sector="MIL")]
        if rng.random() < 0.2:
            extra = rng.choices(BACKGROUND, weights=_BG_WEIGHTS)[0]
            actors.append(Entity(text=extra, name=extra, code=extra, sector="GOV"))
        roll = rng.random()
        places = () if roll < 0.08 else (self._place(b),) if roll < 0.93 else (self._place(b), self._place(a))
        claim = (Entity(text=b, name=b, code=b, sector="GOV"),) if fact in ("claimed", "denied") else ()
        template = rng.choice(JA_TEMPLATES if ja else EN_TEMPLATES)
        text = template.format(p=places[0].text if places else "前線", a=a, b=b, c=b, n=rng.randrange(1, 60))
        date = None if rng.random() < 0.04 else (day - dt.timedelta(days=rng.randrange(4))).isoformat()
        return Event(
            id=f"{doc_id}#{n}", doc_id=doc_id, event=kind, text=text, span=(n * 80, n * 80 + len(text)),
            language="ja" if ja else "en", mode=("heavy-weapons",) if kind == "ASSAULT" else (),
            context=("military",), actor=tuple(actors), recipient=(Entity(text=b, name=b, code=b),),
            event_loc=places, date=date, date_precision="day" if date else None,
            dead=rng.randrange(60) if kind == "ASSAULT" and rng.random() < 0.4 else None,
            weapons=("artillery",) if kind == "ASSAULT" else (), factuality=fact,  # type: ignore[arg-type]
            claimed_by=claim, explanation=Explanation(rule="synthetic", trigger=kind.lower()),
        )  # fmt: skip

    def document(self, i: int) -> tuple[Document, list[Event]]:
        rng = self.rng
        doc_id = f"s{i:07d}"
        day = self._published()
        dyad = self._dyad(day)
        ja = rng.random() < 0.7
        count = 1 + min(int(rng.expovariate(1 / 9)), 60)
        events = [self._event(doc_id, n, day, dyad, ja) for n in range(1, count + 1)]
        title = f"{dyad[0]}と{dyad[1]}の衝突 {i}" if ja else f"Fighting between {dyad[0]} and {dyad[1]} {i}"
        paras = [e.text for e in events[:6]]
        text = "\n".join([title, *paras])
        sections, pos = [], 0
        for kind, t in [("title", title), *(("body", p) for p in paras)]:
            sections.append(
                Section(kind=kind, text=t, start=pos, end=pos + len(t), language="ja" if ja else "en")
            )  # type: ignore[arg-type]
            pos += len(t) + 1
        doc = Document(
            doc_id=doc_id, text=text, sections=tuple(sections), title=title, published=day,
            published_source="metadata", language="ja" if ja else "en", source=f"{doc_id}.txt",
            url=f"https://{site_of(doc_id)}/news/{doc_id}",
            content_hash=hashlib.sha256(f"{self.seed}:{doc_id}:{text}".encode()).hexdigest(),
        )  # fmt: skip
        return doc, events

    def documents(self, n_docs: int) -> Iterator[tuple[Document, list[Event]]]:
        for i in range(n_docs):
            yield self.document(i)
