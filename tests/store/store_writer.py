"""A writer process for the crash tests: commits some documents, then stalls inside a put.

    python store_writer.py TARGET N MARKER

Stores documents w0..w{N-1} (three events each), then starts storing ``stalled``:
after its first event row is written, inside the open transaction, it creates MARKER
and sleeps until it is killed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_builders import make_doc, make_event

from frontwatch.records import Event
from frontwatch.store import open_store


class StallingEvents(list[Event]):
    """A list of events whose iteration stops forever after the first one, marker written."""

    def __init__(self, events: list[Event], marker: Path) -> None:
        super().__init__(events)
        self.marker = marker

    def __iter__(self) -> Iterator[Event]:
        it = super().__iter__()
        yield next(it)
        self.marker.write_text("inside the transaction")
        while True:
            time.sleep(1)


def main() -> None:
    target, n, marker = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    store = open_store(target)
    for i in range(n):
        doc_id = f"w{i}"
        store.put(make_doc(doc_id, title=f"見出し{i}"), [make_event(doc_id, k) for k in range(3)])
    stalled = [make_event("stalled", k) for k in range(3)]
    store.put(make_doc("stalled", title="書きかけ"), StallingEvents(stalled, marker))


if __name__ == "__main__":
    main()
