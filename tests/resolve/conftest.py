"""What the actor-phrase sets share: the resolver, and the reader of their TSV rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from frontwatch.resolve.actor_phrase import ActorPhraseResolver
from frontwatch.resolve.actors import ActorDictionary
from frontwatch.resolve.places import default_geocoder


def phrase_rows(path: Path) -> list[dict[str, str]]:
    """The rows of an actor-phrase TSV (tests/gold/actor_phrases*.tsv), comments left out."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def resolver() -> ActorPhraseResolver:
    return ActorPhraseResolver(ActorDictionary.load(), default_geocoder())
