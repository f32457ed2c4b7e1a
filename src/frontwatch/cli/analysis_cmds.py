"""``frontwatch incidents``, ``forecasts`` and ``alliances``: the analyses over a store."""

from __future__ import annotations

import re
import sys
from typing import Annotated, Any

import typer
from rich.text import Text

from frontwatch import export
from frontwatch.analysis.alliances import (
    STATUS_LEGEND,
    AllianceTable,
    engaged_obligations,
    load_alliances,
    membership_to_json,
    obligation_to_json,
)
from frontwatch.analysis.common import codes, parse_date
from frontwatch.analysis.forecasts import (
    brier_by_source,
    build_ledger,
    forecast_to_json,
    score_to_json,
)
from frontwatch.analysis.incidents import build_incidents, incident_to_json
from frontwatch.analysis.inputs import all_events, ledger_inputs, published_dates
from frontwatch.cli.app import (
    AsJson,
    DbOption,
    app,
    console,
    fail,
    listing_format,
    open_db,
    print_json,
    reporting_errors,
)
from frontwatch.cli.progress import working
from frontwatch.cli.tables import Col, print_table
from frontwatch.codes import code_for, code_label, code_name
from frontwatch.records import Forecast, Incident, Obligation

DateOption = Annotated[str | None, typer.Option(help="A day, YYYY-MM-DD.", show_default=False)]
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


def _named(code: str) -> str:
    """"Armenia (ARM)" for a code with a known name, else the code (as the dashboard names it)."""
    return code_label(code)


def _day(value: str | None, option: str) -> Any:
    if value is None:
        return None
    day = parse_date(value)
    if day is None or len(value.strip()) != 10:
        fail(f"{option} {value!r} is not a date; give it as YYYY-MM-DD")
    return day


# ------------------------------------------------------------------ incidents


INCIDENT_FORMATS = ("table", "json", "csv", "geojson", "jsonl")
FORECAST_FORMATS = ("table", "json", "csv", "jsonl")
SCORE_COLUMNS = (Col("source"), Col("forecasts"), Col("resolved"), Col("happened"), Col("Brier"))
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json, csv, geojson or jsonl "
                                           "(PLOVER records) where the command offers it; "
                                           "docs/export.md.")]


@app.command()
def incidents(
    db: DbOption = None,
    contested: Annotated[bool, typer.Option("--contested", help="Only incidents whose versions "
                                                                "disagree or that a party denies.")] = False,
    fmt: FormatOption = "table",
    as_json: AsJson = False,
) -> None:
    """Records of one happening joined into incidents, each claimant's version side by side.
    --format: table, json, csv (one row per record of each side), geojson (incident places)
    or jsonl (the records)."""
    fmt = listing_format(fmt, as_json, INCIDENT_FORMATS)
    with reporting_errors(), open_db(db, create=False) as store:
        events, published = all_events(store), published_dates(store)
    with working("joining records into incidents"):
        found = build_incidents(events, published)
    if contested:
        found = [i for i in found if i.contested]
    if fmt == "json":
        print_json([incident_to_json(i) for i in found])
    elif fmt == "csv":
        sys.stdout.writelines(export.iter_incidents_csv(found))
    elif fmt == "geojson":
        print_json(export.incidents_geojson(found))
    elif fmt == "jsonl":
        sys.stdout.writelines(export.iter_jsonl(e for i in found for e in i.events))
    elif not found:
        console.print("no incidents" + (" contested" if contested else ""), markup=False)
    else:
        for inc in found:
            _print_incident(inc)


def _print_incident(inc: Incident) -> None:
    days = inc.date_from
    if inc.date_from != inc.date_to:
        days = f"{inc.date_from or '?'} .. {inc.date_to or '?'}"
    flag = "CONTESTED" if inc.contested else "agreed"
    places = ", ".join(p.name or p.text for p in inc.places) or "-"
    console.print(Text(f"{inc.id}  {days or 'undated'}  {flag}  places: {places}", style="bold"),
                  soft_wrap=True)
    for v in inc.versions:
        says = "reported" if v.claimant == "reported" else f"{_named(v.claimant)} says"
        line = (f"  {says}: {'/'.join(_named(c) for c in v.actors) or '?'} -> "
                f"{'/'.join(_named(c) for c in v.recipients) or '-'}")
        if v.places:
            line += f" at {', '.join(v.places)}"
        if v.weapons:
            line += f" with {', '.join(v.weapons)}"
        if v.dead is not None:
            line += f"; {v.dead} dead"
        if v.disputes:
            line += f"; disputes {', '.join(_named(c) for c in v.disputes)}"
        records = ", ".join(f"{e.id} {e.event} {e.factuality}" for e in v.events)
        console.print(Text(line, style="cyan"), Text(f"[{records}]"), soft_wrap=True)
    for reason in inc.reasons:
        console.print(Text(f"  why: {reason}"), soft_wrap=True)
    console.print()


# ------------------------------------------------------------------ forecasts


@app.command()
def forecasts(
    db: DbOption = None,
    only_open: Annotated[bool, typer.Option("--open", help="Only forecasts still open.")] = False,
    resolved: Annotated[bool, typer.Option("--resolved", help="Only forecasts that happened or "
                                                              "passed their deadline.")] = False,
    as_of: DateOption = None,
    fmt: FormatOption = "table",
    as_json: AsJson = False,
) -> None:
    """The forecast ledger (who warned of what, by when, how strongly, what came of it) and Brier scores.

    --as-of (default: the latest date in the store) decides which deadlines have passed.
    --format: table, json, csv (one row per warning) or jsonl (the warning records).
    """
    fmt = listing_format(fmt, as_json, FORECAST_FORMATS)
    if only_open and resolved:
        fail("--open and --resolved exclude each other; give one of them, or neither for all")
    day = _day(as_of, "--as-of")
    with reporting_errors(), open_db(db, create=False) as store:
        read = ledger_inputs(store, day)  # the warnings and their possible evidence, not every event
    day = read.today
    ledger = build_ledger(read.events, read.published, as_of=day)
    scores = brier_by_source(ledger)
    shown = [f for f in ledger if (not only_open or f.outcome == "open")
             and (not resolved or f.outcome != "open")]
    if fmt == "json":
        print_json({"as_of": day.isoformat() if day else None,
                    "forecasts": [forecast_to_json(f) for f in shown],
                    "sources": [score_to_json(s) for s in scores]})
        return
    if fmt == "csv":
        sys.stdout.writelines(export.iter_forecasts_csv(shown))
        return
    if fmt == "jsonl":
        sys.stdout.writelines(export.iter_jsonl(f.event for f in shown))
        return
    if not shown:
        console.print("no forecasts", markup=False)
    else:
        console.print(f"as of {day.isoformat() if day else '-'}", markup=False)
        _print_ledger(shown)
    if scores:
        print_table(console, SCORE_COLUMNS,
                    [[_named(s.source), str(s.forecasts), str(s.resolved), str(s.happened),
                      f"{s.brier:.3f}" if s.brier is not None else "-"] for s in scores])


def _print_ledger(ledger: list[Forecast]) -> None:
    for f in ledger:
        ev = f.event
        warned = f"{'/'.join(codes(ev.actor)) or '?'} {ev.event} {'/'.join(codes(ev.recipient)) or '-'}"
        horizon = f" ({ev.horizon})" if ev.horizon else ""
        head = (f"{f.id}  {'/'.join(f.sources)} warned: {warned}{horizon}  issued {f.issued or '?'} "
                f"due {f.due or '-'}  p={f.probability:.2f} [{f.hedge or 'no hedge: default'}]")
        outcome = f.outcome + (f": {', '.join(f.evidence)}" if f.evidence else "")
        console.print(Text(head, style="bold"), Text(outcome, style="cyan"), soft_wrap=True)


# ------------------------------------------------------------------ alliances


@app.command()
def alliances(
    target: Annotated[str, typer.Argument(help="An event id (the obligations it engages) or a country "
                                               "code such as ARM (its treaties and partners).",
                                          show_default=False)],
    db: DbOption = None,
    on: DateOption = None,
    as_json: AsJson = False,
) -> None:
    """Treaty obligations an event engages, or a country's treaties and partners (--on: at a date)."""
    day = _day(on, "--on")
    with reporting_errors():
        table = load_alliances()
        if _COUNTRY.match(target):  # a country needs no store
            _show_country(table, target.upper(), day, as_json)
            return
        named = code_for(target) if "#" not in target else None
        if named is not None:
            fail(f"{target!r} is a name, not a code: for {code_name(named)} give "
                 f"`frontwatch alliances {named}`")
        with open_db(db, create=False) as store:
            event = store.get_event(target)
            document = store.get_document(event.doc_id) if event is not None else None
    if event is None:
        fail(f"{target!r} is neither a stored event id nor a country code; give an id from "
             "`frontwatch search` or a code such as ARM")
    when = day or (document.published if document is not None else None)
    obs = engaged_obligations(event, table, on=when)
    if as_json:
        print_json({"event": target, "obligations": [obligation_to_json(o) for o in obs]})
    else:
        _print_obligations(target, obs, table)


def _show_country(table: AllianceTable, code: str, day: Any, as_json: bool) -> None:
    members = table.treaties_of(code, on=day)
    if as_json:
        history = [{"treaty": t.id, "joined": m.joined.isoformat(),
                    "left": m.left.isoformat() if m.left else None,
                    "frozen": m.frozen.isoformat() if m.frozen else None,
                    "note": "; ".join(x for x in (m.note, m.frozen_note) if x)}
                   for t, m in table.history_of(code)]
        print_json({"country": code, "on": day.isoformat() if day else None,
                     "treaties": [membership_to_json(m) for m in members], "history": history})
        return
    _print_country(code, members, table.history_of(code), day)


def _print_obligations(event_id: str, obs: list[Obligation], table: AllianceTable) -> None:
    if not obs:
        console.print(f"{event_id}: engages no treaty clause in the table", markup=False)
        return
    names = {t.id: t.name for t in table.treaties}
    for o in obs:
        head = (f"{names.get(o.treaty, o.treaty)} ({o.treaty}) {o.article or '(unnumbered clause)'}, "
                f"{o.kind}: {o.status}; attacked {_named(o.attacked) if o.attacked else '-'}; "
                f"bound: {', '.join(_named(c) for c in o.bound) or 'none'}")
        console.print(Text(head, style="bold"), soft_wrap=True)
        console.print(Text(f"  {o.note}"), soft_wrap=True)
        console.print(Text(f"  source: {o.source}"), soft_wrap=True)
    console.print()
    for status in dict.fromkeys(o.status for o in obs):
        console.print(Text(f"{status}: {STATUS_LEGEND.get(status, '')}", style="dim"), soft_wrap=True)


def _print_country(code: str, members: list[Any], history: list[Any], day: Any) -> None:
    if not history:
        console.print(f"{code}: no treaty in the table binds it", markup=False)
        return
    when = day.isoformat() if day else "today"
    if members:
        print_table(console, (Col("treaty"), Col("name", "short"), Col("clauses", "short"),
                              Col(f"partners ({when})", "text")),
                    [[m.treaty.id, m.treaty.name,
                      "; ".join(f"{c.article or '-'} {c.kind}" for c in m.treaty.clauses),
                      ", ".join(_named(p) for p in m.partners)] for m in members])
    else:
        console.print(f"{code}: a member of no treaty in the table on {when}", markup=False)
    print_table(console, (Col("treaty"), Col("joined"), Col("left"), Col("frozen"), Col("note", "text")),
                [[t.id, m.joined.isoformat(), m.left.isoformat() if m.left else "-",
                  m.frozen.isoformat() if m.frozen else "-",
                  "; ".join(x for x in (m.note, m.frozen_note) if x)] for t, m in history])
