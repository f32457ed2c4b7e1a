"""JSON Lines input: one document per line.

Each line is an object with ``doc_id`` and ``text`` or ``html``; ``url``, ``published``
(ISO date or date-time) and ``language`` are optional. A bad line is reported with its
line number and the other lines go on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from frontwatch.records import InputProblem, RawDocument


def iter_jsonl(text: str, source: str, encoding: str | None) -> Iterator[RawDocument | InputProblem]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"line is not JSON ({exc.msg} at column {exc.colno}); "
                                      "fix or remove the line")
            continue
        yield _record(record, where, source, encoding)


def _record(record: Any, where: str, source: str, encoding: str | None) -> RawDocument | InputProblem:
    if not isinstance(record, dict):
        return InputProblem(where, "line is JSON but not an object; give {\"doc_id\": ..., \"text\": ...}")
    doc_id = record.get("doc_id")
    if not isinstance(doc_id, str | int) or not str(doc_id).strip():
        return InputProblem(where, "record has no doc_id; every line needs a \"doc_id\" string")
    html, text = record.get("html"), record.get("text")
    content, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(content, str) or not content.strip():
        return InputProblem(where, f"record {doc_id!s} has no \"text\" or \"html\"; add the article text")
    published = record.get("published")
    date: dt.date | None = None
    if published not in (None, ""):
        date = parse_iso_date(str(published))
        if date is None:
            return InputProblem(where, f"record {doc_id!s} has an unreadable \"published\" {published!r}; "
                                       "use an ISO date like 2024-05-01")
    url, language = record.get("url"), record.get("language")
    return RawDocument(
        doc_id=str(doc_id).strip(),
        content=content,
        content_type="html" if kind == "html" else "text",
        source=source,
        encoding=encoding,
        url=url if isinstance(url, str) and url else None,
        published=date,
        published_source="jsonl" if date else None,
        language=language if isinstance(language, str) and language else None,
    )


def parse_iso_date(value: str) -> dt.date | None:
    """``2024-05-01``, ``2024-05-01T10:00:00Z`` or ``2024/05/01`` -> a date; anything else None."""
    value = value.strip().replace("/", "-")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
