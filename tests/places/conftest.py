"""Fixtures of the places tests: one loaded geocoder per session."""

from __future__ import annotations

import pytest

from frontwatch.resolve.places import GazetteerGeocoder, default_geocoder


@pytest.fixture(scope="session")
def geocoder() -> GazetteerGeocoder:
    return default_geocoder()
