"""The demo corpus: a small invented story told by blog pages and wire items.

The documents live in ``corpus/`` beside this module and ship as package data.
Every sentence was written for frontwatch; the events are invented, the places
are real. ``docs/corpus.md`` tells the story and what each document exercises.
"""

from __future__ import annotations

from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
DOCUMENT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".jsonl"})


def corpus_paths() -> list[Path]:
    """Every demo document file (``.txt``, ``.html``, ``.jsonl``), sorted by name.

    The names start with a number in story order, so sorted is also chronological.
    """
    return sorted(p for p in CORPUS_DIR.iterdir() if p.is_file() and p.suffix in DOCUMENT_SUFFIXES)
