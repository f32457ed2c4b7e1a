"""Score the English coder on fixed halves of the real-text development set, or on the GSR dev half.

    python bench/score_halves_en.py A            # realworld English docs with even numbers
    python bench/score_halves_en.py B            # odd numbers (prints figures only, no records)
    python bench/score_halves_en.py gsr          # ../shared/eval/plover-gsr dev half
    python bench/score_halves_en.py A --keep out.jsonl   # also keep the records
    python bench/score_halves_en.py own          # /work/owngold/events (English docs)

Half A holds the documents whose number (the digits before ``_`` in ``doc_id``) is even, half B
those whose number is odd. Rules are written from one half; the other is scored before it is
read (issue 12). The documents of the half are written to a temporary JSONL file, coded by
``frontwatch code --format jsonl`` from this checkout, and scored with ``score.py`` against
the gold files of the same documents. Prints the scorer's table; nothing of the documents.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
REALWORLD = SHARED / "realworld"
GSR = SHARED / "plover-gsr"
OWN = Path("/work/owngold/events")
CLI = "import sys; from frontwatch.cli import main; sys.argv[0] = 'frontwatch'; sys.exit(main())"


def _number(doc_id: str) -> int | None:
    head = doc_id.split("_", 1)[0]
    return int(head) if head.isdigit() else None


def _in_half(doc_id: str, half: str) -> bool:
    n = _number(doc_id)
    return n is not None and n % 2 == (0 if half == "A" else 1)


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def select(which: str, lang: str) -> tuple[list[dict[str, object]], Path]:
    """The documents of ``which`` in ``lang`` and the gold (folder or JSONL) to score them on."""
    if which == "gsr":
        return _rows(GSR / "dev-docs.jsonl"), GSR / "dev-gold.jsonl"
    if which == "own":
        docs = OWN / "docs.jsonl"
        rows = _rows(docs) if docs.is_file() else []
        return [r for r in rows if r.get("language") == lang], OWN / "gold"
    rows = _rows(REALWORLD / "docs.jsonl")
    return ([r for r in rows if r.get("language") == lang and _in_half(str(r["doc_id"]), which)],
            REALWORLD / "gold")


def code(rows: list[dict[str, object]], out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs.jsonl"
        docs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
        with out.open("w", encoding="utf-8") as sink:
            subprocess.run([sys.executable, "-c", CLI, "code", str(docs), "--format", "jsonl"],
                           stdout=sink, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("which", choices=["A", "B", "gsr", "own"])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--keep", type=Path, help="keep the coded records in this file")
    parser.add_argument("--json", action="store_true", help="print the scorer's JSON")
    args = parser.parse_args()
    rows, gold = select(args.which, args.lang)
    if not rows:
        sys.exit(f"score_halves_en: no {args.lang} documents in {args.which}")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "events.jsonl"
        code(rows, out)
        ids = ",".join(str(r["doc_id"]) for r in rows)
        extra = ["--json"] if args.json else []
        print(f"{args.which} {args.lang}: {len(rows)} documents", flush=True)
        scorer = [sys.executable, str(SHARED / "score.py"), str(gold), str(out), f"--docs={ids}", *extra]
        subprocess.run(scorer, check=True)


if __name__ == "__main__":
    main()
