"""The same API over a PostgreSQL store (a throwaway server started by the tests)."""

from __future__ import annotations

import httpx
import pytest

from tests.serve.conftest import LiveServer, fill_samples
from tests.serve.samples import JA_SHELLING
from tests.serve.test_api import FILTER_CASES

pytestmark = pytest.mark.postgres


def test_api_postgres_filters_documents_and_views(fresh_pg_url: str) -> None:
    fill_samples(fresh_pg_url)
    with LiveServer(fresh_pg_url) as live, httpx.Client(base_url=live.url + "/api") as api:
        for params, expected in FILTER_CASES:
            got = sorted(e["id"] for e in api.get("/events", params=params).json()["events"])
            assert got == expected, params
        doc = api.get("/documents/ja_shelling").json()
        span = next(s for s in doc["spans"] if "ja_shelling#1" in s["event_ids"])
        assert doc["text"][span["start"] : span["end"]] == JA_SHELLING
        assert api.get("/timeline").json()["scanned"] == 4
        assert api.get("/incidents").json()["incidents"]
        assert api.get("/search", params={"q": "ジェルムク"}).json()["hits"]
        assert api.get("/events", params={"bbox": "1,2"}).status_code == 422
