"""Hand-written documents and events for the serve tests (our own sentences, not seed text).

Three documents: a Japanese report of contested shelling with reader comments (one of
them carrying markup that must stay text), an English drone-strike report, and an
English warning of a possible attack (a forecast).
"""

from __future__ import annotations

import datetime as dt

from frontwatch.records import Comment, Document, Entity, Event, Place, Section

ARM = Entity(text="アルメニア", name="Armenia", code="ARM", sector="GOV")
AZE_MIL = Entity(text="アゼルバイジャン軍", name="Azerbaijani Armed Forces", code="AZE", sector="MIL")
AZE = Entity(text="アゼルバイジャン", name="Azerbaijan", code="AZE", sector="GOV")
RUS = Entity(text="Russian forces", name="Russia", code="RUS", sector="MIL")
UKR = Entity(text="Ukraine", name="Ukraine", code="UKR", sector="GOV")
GORIS = Place(text="ゴリス", name="Goris", country="ARM", lat=39.51, lon=46.34, geonameid=616629)
JERMUK = Place(text="ジェルムク", name="Jermuk", country="ARM", lat=39.84, lon=45.67, geonameid=616631)
KHARKIV = Place(text="Kharkiv", name="Kharkiv", country="UKR", lat=49.98, lon=36.25, geonameid=706483)

SCRIPT_COMMENT = "<script>window.__pwned = true</script> 本当に？"
IMG_COMMENT = '<img src=x onerror="window.__pwned=true"> Source please.'

JA_SHELLING = "アルメニア国防省は、アゼルバイジャン軍が13日未明にゴリスとジェルムクを砲撃したと主張した。"
JA_DENIAL = "アゼルバイジャン国防省はこれを否定し、アルメニア側の挑発だと非難した。"
EN_DRONES = "Ukraine said Russian drones struck an energy site near Kharkiv on Tuesday, killing 3 people."
EN_WARNING = "Officials warned that Russian forces could launch a new offensive within weeks."


def make_doc(doc_id: str, parts: list[tuple[str, str, str | None, str | None]], **meta: object) -> Document:
    """A Document whose text joins the parts with newlines, offsets computed."""
    sections = []
    pos = 0
    for kind, text, lang, url in parts:
        sections.append(Section(kind=kind, text=text, start=pos, end=pos + len(text), language=lang, url=url))  # type: ignore[arg-type]
        pos += len(text) + 1
    text = "\n".join(p[1] for p in parts)
    return Document(doc_id=doc_id, text=text, sections=tuple(sections), **meta)  # type: ignore[arg-type]


def span_of(doc: Document, sentence: str) -> tuple[int, int]:
    start = doc.text.index(sentence)
    return (start, start + len(sentence))


def documents_and_events() -> list[tuple[Document, list[Event]]]:
    ja = make_doc(
        "ja_shelling",
        [
            ("title", "アルメニア南部に砲撃、双方が非難", "ja", None),
            ("category", "欧州関連", "ja", None),
            ("body", "国境地帯で再び緊張が高まっている。" + JA_SHELLING, "ja", None),
            ("body", JA_DENIAL + "\n双方の主張は食い違っている。", "ja", None),
            ("reference", "参考: Example Wire — Shelling reported on the border", "en", "https://example.org/wire/1"),
            ("credit", "出典: 地図は筆者作成", "ja", None),
        ],
        comments=(
            Comment(order=0, text=SCRIPT_COMMENT, author="名無し", date=dt.date(2022, 9, 14), likes=12),
            Comment(order=1, text=IMG_COMMENT, author="<b>reader</b>", date=dt.date(2022, 9, 14), likes=0,
                    depth=1),
        ),
        title="アルメニア南部に砲撃、双方が非難",
        category="欧州関連",
        published=dt.date(2022, 9, 13),
        language="ja",
        url="https://example.org/ja/shelling",
        source="tests/serve/samples.py",
    )
    ja_events = [
        Event(
            id="ja_shelling#1", doc_id="ja_shelling", event="ASSAULT", text=JA_SHELLING,
            span=span_of(ja, JA_SHELLING), language="ja", mode=("heavy-weapons",), actor=(AZE_MIL,),
            recipient=(ARM,), event_loc=(GORIS, JERMUK), date="2022-09-13", date_precision="day",
            dead=49, factuality="claimed", claimed_by=(ARM,),
        ),
        Event(
            id="ja_shelling#2", doc_id="ja_shelling", event="ACCUSE", text=JA_DENIAL,
            span=span_of(ja, JA_DENIAL), language="ja", actor=(AZE,), recipient=(ARM,),
            date="2022-09-13", date_precision="day", factuality="asserted",
        ),
    ]
    en = make_doc(
        "en_drones",
        [
            ("title", "Drones hit energy site near Kharkiv", "en", None),
            ("body", EN_DRONES + " Repairs are under way.", "en", None),
        ],
        title="Drones hit energy site near Kharkiv",
        published=dt.date(2024, 3, 6),
        language="en",
    )
    en_events = [
        Event(
            id="en_drones#1", doc_id="en_drones", event="ASSAULT", text=EN_DRONES,
            span=span_of(en, EN_DRONES), language="en", mode=("drone",), actor=(RUS,), recipient=(UKR,),
            event_loc=(KHARKIV,),
            date="2024-03-05", date_precision="day", dead=3, weapons=("UAV",), factuality="claimed",
            claimed_by=(UKR,),
        ),
    ]
    warn = make_doc(
        "en_warning",
        [("title", "A warning from officials", "en", None), ("body", EN_WARNING, "en", None)],
        title="A warning from officials",
        published=dt.date(2024, 3, 10),
        language="en",
    )
    warn_events = [
        Event(
            id="en_warning#1", doc_id="en_warning", event="ASSAULT", text=EN_WARNING,
            span=span_of(warn, EN_WARNING), language="en", actor=(RUS,), recipient=(UKR,),
            date="2024-03-10", date_precision="day", factuality="possible", claimed_by=(UKR,),
            horizon="within weeks", horizon_days=21,
        ),
    ]
    return [(ja, ja_events), (en, en_events), (warn, warn_events)]
