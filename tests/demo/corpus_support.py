"""Helpers for the demo corpus and gold-file tests: manifest entries and document texts."""

from __future__ import annotations

import html
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from frontwatch.demo import CORPUS_DIR

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "gold"
MANIFEST = CORPUS_DIR.parent / "manifest.toml"

_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


@dataclass(frozen=True)
class DemoFile:
    file: str
    doc_ids: tuple[str, ...]
    language: str
    encoding: str
    published: tuple[str, ...]
    date_from: str
    exercises: str

    @property
    def path(self) -> Path:
        return CORPUS_DIR / self.file


def load_manifest() -> list[DemoFile]:
    data = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))
    return [
        DemoFile(
            file=d["file"],
            doc_ids=tuple(d["doc_ids"]),
            language=d["language"],
            encoding=d["encoding"],
            published=tuple(d["published"]),
            date_from=d["date_from"],
            exercises=d["exercises"],
        )
        for d in data["document"]
    ]


def visible_text(raw: str, suffix: str) -> str:
    """The readable text of a document file: tags dropped and entities decoded for HTML."""
    if suffix in (".html", ".htm"):
        return html.unescape(_TAG.sub("\n", raw))
    return raw


def demo_texts() -> dict[str, str]:
    """doc_id -> readable text for every document of the demo corpus."""
    texts: dict[str, str] = {}
    for entry in load_manifest():
        raw = entry.path.read_bytes().decode(entry.encoding)
        if entry.path.suffix == ".jsonl":
            for line in raw.splitlines():
                if line.strip():
                    item = json.loads(line)
                    texts[item["doc_id"]] = item["text"]
        else:
            texts[entry.doc_ids[0]] = visible_text(raw, entry.path.suffix)
    return texts


def article_texts(folder: Path) -> dict[str, str]:
    """doc_id -> text for the .txt articles of an extra gold set (UTF-8)."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
