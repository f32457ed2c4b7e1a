"""Who else takes part in a Japanese event: recipients found beyond the event word's
own roles (the party of a condition, the one a statement is about, a place's country,
the claimant) and groups of states coded as their members (``data/actor_groups.toml``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from frontwatch.coding.ja.roles import locative
from frontwatch.coding.ja.syntax import Analysis, Report, RoleMention
from frontwatch.records import Entity, Place, Token


@cache
def groups() -> dict[str, tuple[str, ...]]:
    import tomllib
    from importlib import resources

    data = tomllib.loads((resources.files("frontwatch") / "data" / "actor_groups.toml").read_text("utf-8"))
    return {n: tuple(g["members"]) for g in data.get("group", []) for n in g["names"]}


def expand_groups(ents: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """G7 -> its members, each as an actor (data/actor_groups.toml)."""
    out: list[Entity] = []
    for e in ents:
        members = groups().get(e.text) or groups().get(e.name or "")
        if members and e.code in ("IGO", None, ""):
            out.extend(Entity(text=e.text, name=code, code=code, sector="GOV") for code in members)
        else:
            out.append(e)
    return tuple(out)


def country_name(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return str(getattr(found, "common_name", None) or found.name) if found is not None else code


def said_about(an: Analysis, verb: int, actor: tuple[Entity, ...],
                notes: list[str]) -> tuple[Entity, ...]:
    """…の動きは圧力だと批判した: the party the statement is about is its recipient. In a civil
    war the other side may share the speaker's country: スーダン軍は…即応支援部隊(RSF)が…砲撃したと
    非難 (the army accuses the RSF, both SDN; the bare country スーダン stays the speaker's own)."""
    for rep in an.reports:
        if rep.verb != verb:
            continue
        # 国連安保理決議の違反だ, G7サミットの前日にロシアの…: a party that only names a thing of its
        # own (国連憲章, G7サミット, 安保理決議) is not the one the statement is about
        for m in an.mentions:
            if (rep.start <= m.ti < rep.end and other_side(m.mention.entity, actor)
                    and not locative(an, m) and not names_a_thing(an, m)):  # シリアで起きた: a place
                notes.append(f"recipient: {m.mention.text}, named in what was said")
                return (m.mention.entity,)
    return about_party(an, verb, actor, notes)


def about_party(an: Analysis, verb: int, actor: tuple[Entity, ...], notes: list[str]) -> tuple[Entity, ...]:
    """米政府によるテロ支援国家再指定について「…」と非難 / 日本の措置に関して抗議: the party whose
    act the statement is about, named in the noun phrase that について, に関して or をめぐり closes
    (at most ``ABOUT_REACH`` tokens from the party, with no comma or other case particle between)."""
    toks = an.sentence.tokens
    for m in an.mentions:
        if m.ti >= verb or an.depth[m.ti] != 0 or not other_side(m.mention.entity, actor) or locative(an, m):
            continue
        if m.particle not in ("の", "による", "compound"):
            continue
        for k in range(m.tj, min(verb, m.tj + ABOUT_REACH)):
            t = toks[k]
            if t.text in ("、", "を", "が", "は", "「") and not _about_at(toks, k):
                break
            if _about_at(toks, k):
                notes.append(f"recipient: {m.mention.text}, whose act the statement is about")
                return (m.mention.entity,)
    return ()


ABOUT_REACH = 10  # tokens from a party to the について that closes its noun phrase (a name, a compound act)


def _about_at(toks: Sequence[Token], k: int) -> bool:
    """について / に関し(て) / をめぐり(る) starts at token k."""
    two = "".join(t.text for t in toks[k:k + 2])
    return two in ("につい", "に関し", "に関する", "をめぐり", "をめぐる", "をめぐっ")


def names_a_thing(an: Analysis, m: RoleMention) -> bool:
    """Is the mention glued to a noun after it (国連 in 国連憲章, G7 in G7サミット)?"""
    toks = an.sentence.tokens
    return m.tj < len(toks) and toks[m.tj].pos in ("NOUN", "PROPN") and m.particle != "compound"


def other_side(ent: Entity, actor: tuple[Entity, ...]) -> bool:
    """Is ``ent`` a party other than the actor's side: another country, or one side of a civil
    war where the actor is the other (insurgents, REB, against the state's bodies)? The same rule
    as ``ja.not-self``."""
    if ent.code not in {e.code for e in actor}:
        return True
    rebels = {e.sector == "REB" for e in actor}
    return rebels == {ent.sector != "REB"}


def warned_party(an: Analysis, report: Report, speaker: RoleMention | None,
                  notes: list[str]) -> tuple[Entity, ...]:
    """「Xは…している」と指摘し、…を開始する可能性があると警告: the warned act with no
    subject of its own is the party the speaker has just been talking about."""
    own = speaker.mention.entity.code if speaker is not None else None
    for m in reversed(an.mentions):
        if m.ti < report.start and m.particle in ("は", "が") and m.mention.entity.code != own and (
                speaker is None or m.ti > speaker.ti):
            notes.append(f"actor: {m.mention.text}, the party the warning is about")
            return (m.mention.entity,)
    return ()


def named_before(an: Analysis, lo: int, i: int, actor_codes: set[str | None],
                  notes: list[str], why: str = "whose act is the condition") -> tuple[Entity, ...]:
    for m in an.mentions:
        if lo <= m.ti < i and m.mention.entity.code not in actor_codes and m.particle in ("が", "は"):
            notes.append(f"recipient: {m.mention.text}, {why}")
            return (m.mention.entity,)
    return ()


def recipient_fallback(places: tuple[Place, ...], claimed: tuple[Entity, ...], actor_codes: set[str | None],
                        notes: list[str]) -> tuple[Entity, ...]:
    for p in places:
        if p.country and p.country not in actor_codes:
            notes.append(f"recipient: the country of {p.text} ({p.country})")
            return (Entity(text=p.text, name=country_name(p.country), code=p.country, sector=None),)
    for c in claimed:
        if c.code not in actor_codes and c.sector != "MED":  # a news outlet reports, it is not attacked
            notes.append(f"recipient: the claimant {c.text}, who reports being attacked")
            return (c,)
    return ()
