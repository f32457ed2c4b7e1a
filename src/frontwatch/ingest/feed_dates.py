"""A feed entry's publication date, as the day the publisher's own clock showed.

1. The entry's raw ``published`` (RSS ``pubDate``, Atom ``published``), else ``updated``:
   RFC 822 ("Wed, 06 Mar 2024 00:30:00 +0900") or RFC 3339 ("2024-03-06T00:30:00+09:00"),
   read with its own UTC offset, so an article published just after midnight in Tokyo keeps
   its Tokyo date.
2. feedparser's normalised ``published_parsed`` / ``updated_parsed`` (UTC) when the raw
   string is in neither form.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any


def entry_date(entry: Any) -> dt.date | None:
    """The entry's date (see the module docstring); None when it gives none."""
    # read the raw keys: FeedParserDict.get("updated") falls back to "published" with a warning
    for key in ("published", "updated"):
        raw = dict.get(entry, key)
        if raw:
            day = _read(str(raw))
            if day is not None:
                return day
    for key in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _read(raw: str) -> dt.date | None:
    raw = raw.strip()
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        return None
