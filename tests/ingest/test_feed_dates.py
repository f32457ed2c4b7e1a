"""A feed entry's date is the publisher's own day: pubDate and Atom published/updated with their offsets."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest

from frontwatch.ingest.feed_dates import entry_date

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>https://example.org/a</link>{date}</item></channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>a</title><link href="https://example.org/a"/><id>a</id>{date}</entry></feed>"""


@pytest.mark.parametrize(("feed", "expected"), [
    (RSS.format(date="<pubDate>Wed, 06 Mar 2024 00:30:00 +0900</pubDate>"), dt.date(2024, 3, 6)),
    (RSS.format(date="<pubDate>Tue, 05 Mar 2024 22:00:00 GMT</pubDate>"), dt.date(2024, 3, 5)),
    (ATOM.format(date="<published>2024-03-06T00:30:00+09:00</published>"), dt.date(2024, 3, 6)),
    (ATOM.format(date="<updated>2024-03-07T08:00:00Z</updated>"), dt.date(2024, 3, 7)),
    (ATOM.format(date="<published>2024-03-06T00:30:00+09:00</published><updated>2024-03-08T00:00:00Z</updated>"),
     dt.date(2024, 3, 6)),
    (RSS.format(date=""), None),
])
def test_feed_dates_entry_date(feed: str, expected: dt.date | None) -> None:
    (entry,) = feedparser.parse(feed).entries
    assert entry_date(entry) == expected
